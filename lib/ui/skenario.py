"""Cached charts and tables of the Skenario page (also the ranking Peta shows), keyed by their arguments."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from lib import risk
from lib.ui import cached
from lib.ui.cached import SCOPE_HASH, Scope

Counts = tuple[tuple[str, int | None], ...]
"""TPS per category as typed on the page: (category, count or None)."""


def region_names(scope: Scope) -> dict[str, str]:
    """Return the name of every bundled region, by code, in the bundle's order."""
    regions = scope.ctx.bundle.regions
    return dict(zip(regions["code"], regions["name"], strict=True))


def ranking_chart(scope: Scope, election: str, weights: str, lang: str) -> alt.LayerChart:
    """Build the ranked bars of the index of an election with the weights in their URL form."""
    found = cached.assessment(scope, election, weights)
    return risk.ranking_bars(found.index, lang, names=region_names(scope))


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def ranking_spec(scope: Scope, election: str, weights: str, lang: str) -> dict[str, Any]:
    """Return the spec of :func:`ranking_chart`."""
    return cached.finish_spec(ranking_chart(scope, election, weights, lang), lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def ranges_spec(scope: Scope, election: str, weights: str, spread: float, lang: str) -> dict[str, Any]:
    """Return the spec of the rank ranges under weights varied by ``spread`` (see ``cached.sensitivity``)."""
    ranges = cached.sensitivity(scope, election, weights, spread)
    return cached.finish_spec(risk.rank_ranges(ranges, lang, names=region_names(scope)), lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=64)
def deployment(counts: Counts, move: int, preset: str, lang: str) -> pd.DataFrame:
    """Return the police and Linmas needed when ``move`` TPS become rawan, as a display table.

    Raises
    ------
    DataProblem
        If a count cannot be used (not cached: the next input is computed afresh).
    """
    plan = risk.what_if(dict(counts), move_to_rawan=move, ratios=risk.PRESETS[preset], lang=lang)
    return risk.deployment_display(plan, lang)
