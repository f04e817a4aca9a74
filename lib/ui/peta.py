"""Cached reads and charts of the Peta page, keyed by their arguments (scope first)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from lib import history, risk
from lib.core import formats
from lib.core.i18n import t
from lib.ui import cached
from lib.ui import page as ui
from lib.ui.cached import SCOPE_HASH, Scope
from lib.ui.maps import Period, events_in_scope

MAP_HEIGHT = 480
"""The map's height outside projector mode."""
PROJECTOR_MAP_HEIGHT = 440
"""The map's height in projector mode, so that it ends within the first 720 px."""


def period_and_brush(page_period: Period, brush_text: str, lang: str) -> tuple[Period, Period]:
    """Return the period Peta shows and the brush it came from (None without one).

    A time range brushed on Riwayat Konflik narrows the chosen period (or stands for it).

    Raises
    ------
    DataProblem
        If the brush in the link cannot be read.
    """
    brush = history.decode_range(brush_text, lang=lang) if brush_text else None
    if brush is None:
        return page_period, None
    if page_period is None:
        return brush, brush
    return (max(page_period[0], brush[0]), min(page_period[1], brush[1])), brush


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def explanation(scope: Scope, election: str, weights: str, focus: str, lang: str) -> pd.DataFrame:
    """Return what makes up the index of region ``focus`` (:meth:`lib.risk.Assessment.explain`)."""
    return cached.assessment(scope, election, weights).explain(focus, lang=lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def contribution_spec(scope: Scope, election: str, weights: str, focus: str, lang: str) -> dict[str, Any]:
    """Return the spec of the chart of what makes up the index of region ``focus``."""
    name = scope.ctx.bundle.regions.loc[focus, "name"]
    chart = risk.contribution_chart(explanation(scope, election, weights, focus, lang), name, lang)
    return cached.finish_spec(chart, lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def focus_events(scope: Scope, period: Period, focus: str, lang: str) -> pd.DataFrame:
    """Return the 50 newest events of ``period`` in region ``focus``, as a display table."""
    regions = scope.ctx.bundle.regions
    return history.latest_events(events_in_scope(scope, period, focus), regions, lang=lang, limit=50)


def controls(page: ui.Page, levels: list[str]) -> tuple[str, str, bool]:
    """Draw the map's measure select, level radio and points toggle; return their values.

    A change of the points toggle is written into the view's layers (so a link keeps it).
    """
    lang, view = page.lang, page.view
    left, right = st.columns([2, 1]) if not view.projector else (st.container(), st.container())
    measure = left.selectbox(
        t("map.measure", lang),
        list(risk.MEASURES),
        format_func=lambda m: risk.measure_label(m, lang),
        key="map_measure",
    )
    level = right.radio(
        t("map.level", lang),
        levels,
        format_func=lambda v: t(f"map.level.{v}", lang),
        horizontal=not view.projector,
        key="map_level",
    )
    show_points = st.toggle(t("map.points", lang), value="events" in view.layers, key="map_points")
    if show_points != ("events" in view.layers):
        chosen = {*view.layers, "events"} if show_points else set(view.layers) - {"events"}
        ui.set_field("layers", tuple(layer for layer in ("events", "posko", "labels") if layer in chosen))
    return str(measure), str(level), bool(show_points)


def focus_metrics(page: ui.Page, table: pd.DataFrame) -> None:
    """Show the focused region's index, category and coverage as metrics (two per row beside the map)."""
    shown = risk.detail_display(table, page.view.focus, page.lang)
    per_row = 2 if page.view.projector else len(shown)
    items = list(shown.items())
    for start in range(0, len(items), per_row):
        for column, (label, value) in zip(st.columns(per_row), items[start : start + per_row], strict=False):
            column.metric(label, value)


def ranking_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the regions by rank as text: region, index, category (the chart below has the rest).

    Beside the map in projector mode, where the ranking chart's value labels have no room.
    """
    ranked = table.sort_values(["rank", "name"], na_position="last")
    unknown = t("common.unknown", lang)
    return pd.DataFrame(
        {
            t("col.region", lang): ranked["name"].astype(str).to_list(),
            t("map.detail.index", lang): [
                unknown if pd.isna(v) else formats.number(v, lang, digits=1) for v in ranked["index"]
            ],
            t("map.detail.category", lang): [risk.category_label(str(c), lang) for c in ranked["category"]],
        }
    )
