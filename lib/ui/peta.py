"""Cached reads and charts of the Peta page, keyed by their arguments (scope first)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from lib import history, risk
from lib.ui import cached
from lib.ui.cached import SCOPE_HASH, Scope
from lib.ui.maps import Period, events_in_scope


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
