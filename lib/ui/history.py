"""Cached frames and chart specs of the Riwayat Konflik page, keyed by their own signature.

Every function takes the :class:`~lib.ui.cached.Scope` first and then only small values (the
period and brush as dates, the election, regency focus, frequency, language), so its signature
*is* the cache key. Frames and specs are shared with ``st.cache_resource``: lib never modifies
its inputs and the page only reads them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from lib import history
from lib.ui import cached
from lib.ui.cached import SCOPE_HASH, Scope

Days = tuple[dt.date, dt.date] | None
"""A period or brush: first and last day, or None for all time."""


def region_names(scope: Scope) -> dict[str, str]:
    """Return the display name of each region by code, kecamatan and desa with their regency."""
    return cached.place_names(scope.settings, scope.lang)


def elections(scope: Scope) -> pd.DataFrame:
    """Return the elections table at the scope's revision (newest voting day first)."""
    return cached.elections(scope.settings, scope.revision, scope.lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def enriched(scope: Scope, period: Days, election: str) -> pd.DataFrame:
    """Return the events of ``period`` with their intervals and phases relative to ``election``."""
    events = history.in_scope(cached.events(scope), period=period)
    return history.enrich(events, elections(scope), election_id=election)


def timeline_chart(
    scope: Scope, period: Days, election: str, focus: str | None, freq: str, lang: str
) -> alt.LayerChart | alt.VConcatChart:
    """Build the timeline of the period's events, the regency in ``focus`` highlighted."""
    return history.timeline(
        enriched(scope, period, election),
        elections(scope),
        freq=freq,
        lang=lang,
        highlight_region=focus or None,
    )


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=64)
def timeline_spec(
    scope: Scope, period: Days, election: str, focus: str | None, freq: str, lang: str
) -> dict[str, Any]:
    """Return the Vega-Lite spec of :func:`timeline_chart`."""
    return cached.finish_spec(timeline_chart(scope, period, election, focus, freq, lang), lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=64)
def selected(scope: Scope, period: Days, election: str, focus: str | None, brush: Days) -> pd.DataFrame:
    """Return the events the charts below the timeline show: brushed days, then the focus."""
    rows = enriched(scope, period, election)
    if brush is not None:
        rows = history.filter_events(rows, start=brush[0], end=brush[1], partial_dates=True)
    return rows[history.in_focus(rows, focus)] if focus else rows


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=64)
def aligned_spec(
    scope: Scope,
    period: Days,
    election: str,
    focus: str | None,
    brush: Days,
    compared: tuple[str, ...],
    lang: str,
) -> dict[str, Any]:
    """Return the spec of the selected events of the ``compared`` elections, aligned on voting day."""
    events = selected(scope, period, election, focus, brush)
    aligned = history.align_on_voting_day(events, elections(scope), election_ids=list(compared))
    return cached.finish_spec(history.aligned_chart(aligned, lang, region_names=region_names(scope)), lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=64)
def heatmap_spec(
    scope: Scope, period: Days, election: str, focus: str | None, brush: Days, lang: str
) -> dict[str, Any]:
    """Return the spec of the regency x category grid of the selected events."""
    counts = history.heatmap_counts(selected(scope, period, election, focus, brush))
    return cached.finish_spec(history.heatmap(counts, region_names(scope), lang), lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=64)
def event_table(
    scope: Scope, period: Days, election: str, focus: str | None, brush: Days, lang: str
) -> pd.DataFrame:
    """Return the selected events as the display and export table, newest first."""
    events = selected(scope, period, election, focus, brush)
    return history.event_table(events, region_names(scope), lang=lang)
