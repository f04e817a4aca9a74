"""The regency map a click focuses on, as Peta and Ringkasan draw it, with the measures it colours."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from lib import geo, history, risk
from lib.core.i18n import t
from lib.core.regions import regency_of
from lib.core.viewstate import ViewState
from lib.ui import cached, projector
from lib.ui import page as ui
from lib.ui.cached import SCOPE_HASH, Scope

Period = tuple[dt.date, dt.date] | None
"""A period as :meth:`lib.ui.page.Page.period` gives it; None for all time."""


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def events_in_scope(scope: Scope, period: Period, focus: str | None) -> pd.DataFrame:
    """Return the events the caller may see in ``period`` and in ``focus`` (None = everywhere)."""
    return history.in_scope(cached.events(scope), period=period, focus=focus)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def measures(scope: Scope, election: str, weights: str, period: Period) -> pd.DataFrame:
    """Return :func:`lib.risk.measure_table` of an election, with the event counts of ``period``."""
    regions = scope.ctx.bundle.regions
    counts = history.counts_by_regency(
        events_in_scope(scope, period, ""),
        cached.reference(scope, "election_figures"),
        regions,
        election_id=election,
    )
    return risk.measure_table(cached.assessment(scope, election, weights), counts, regions, lang=scope.lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def event_points(scope: Scope, period: Period, lang: str) -> pd.DataFrame:
    """Return the geolocated events of ``period`` as map points (:func:`lib.risk.event_points`)."""
    regions = scope.ctx.bundle.regions
    names = dict(zip(regions["code"], regions["name"], strict=True))
    return risk.event_points(events_in_scope(scope, period, ""), names, lang=lang)


def map_chart(
    scope: Scope,
    *,
    election: str,
    weights: str,
    period: Period,
    focus: str | None,
    measure: str,
    level: str,
    points: bool,
    lang: str,
    height: int,
) -> alt.LayerChart:
    """Build the map of ``measure`` at ``level``: the loaded boundaries, else the tile grid of regencies.

    With ``points``, the geolocated events of ``period`` are drawn on it (boundaries only).
    """
    table = measures(scope, election, weights, period)
    shapes = cached.current_boundaries(scope.settings)
    options: dict[str, Any] = {
        "measure": measure,
        "measure_label": risk.measure_label(measure, lang),
        "categories": list(risk.CATEGORIES) if measure == "category" else None,
        "category_labels": {c: risk.category_label(c, lang) for c in risk.CATEGORIES},
        "lang": lang,
        "focus": focus or None,
    }
    if shapes is None:
        return geo.tile_grid(risk.measure_values(table, measure, lang=lang), **options)
    regions = shapes.display[level]
    codes = None if level == "kabupaten" else list(regions["code"])
    fine = None
    if codes is not None and measure in risk.FINE_MEASURES:
        fine = risk.fine_counts(events_in_scope(scope, period, ""), codes, level)
    shown = event_points(scope, period, lang) if points else None
    return geo.choropleth(
        regions,
        risk.measure_values(table, measure, codes, fine=fine, lang=lang),
        points=None if shown is None or shown.empty else shown,
        height=height,
        **options,
    )


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def map_spec(
    scope: Scope,
    election: str,
    weights: str,
    period: Period,
    focus: str | None,
    measure: str,
    level: str,
    points: bool,
    lang: str,
    height: int,
    stamp: float,
) -> dict[str, Any]:
    """Return the spec of :func:`map_chart`; ``stamp`` (:func:`lib.ui.cached.boundaries_stamp`) keys it."""
    chart = map_chart(
        scope,
        election=election,
        weights=weights,
        period=period,
        focus=focus,
        measure=measure,
        level=level,
        points=points,
        lang=lang,
        height=height,
    )
    return cached.finish_spec(chart, lang)


def focus_map(
    page: ui.Page,
    *,
    measure: str,
    level: str,
    key: str,
    period: Period = None,
    points: bool = False,
    height: int = 480,
) -> Callable[[], alt.LayerChart]:
    """Draw the map; a click on a region focuses the view on its regency, a click on the focus lets go.

    Returns the map's builder, for :func:`lib.ui.page.chart_downloads`.

    Raises
    ------
    DataProblem
        If the boundaries or the assessment cannot be read.
    """
    view = page.view
    stamp = cached.boundaries_stamp(page.ctx.settings)
    arguments = (page.scope, view.election, view.weights, period, view.focus, measure, level, points)
    spec = map_spec(*arguments, page.lang, height, stamp)
    focus_on_click(spec, view, key)
    return functools.partial(
        map_chart,
        page.scope,
        election=view.election,
        weights=view.weights,
        period=period,
        focus=view.focus,
        measure=measure,
        level=level,
        points=points,
        lang=page.lang,
        height=height,
    )


def points_note(page: ui.Page, period: Period) -> str | None:
    """Return the note to show when the event points are on but no event in ``period`` has a place."""
    return t("map.points_none", page.lang) if event_points(page.scope, period, page.lang).empty else None


def focus_on_click(spec: dict, view: ViewState, key: str) -> None:
    """Draw a regency map ``spec``; a click on a regency focuses every page on it, on the focus lets go."""
    clicked = st.vega_lite_chart(
        projector.sized(spec, view), on_select="rerun", key=ui.widget_key(key), width="stretch"
    )
    picked = [p.get("code") for p in (clicked.selection.get(geo.REGION_PICK) or []) if p.get("code")]
    regency = regency_of(str(picked[0])) if picked else None
    if regency is not None:
        ui.request_view(focus=None if regency == view.focus else regency, reset=(key,))
