"""Cached reads of the Ringkasan page, keyed by their arguments (scope first)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lib import history
from lib.ui import cached
from lib.ui.cached import SCOPE_HASH, Scope
from lib.ui.maps import Period, events_in_scope


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def key_figures(
    scope: Scope, election: str, today: dt.date, lang: str, focus: str | None
) -> history.KeyFigures:
    """Return the key figures of an election on ``today``, for ``focus`` ("" = all of Bali)."""
    elections = cached.elections(scope.settings, scope.revision, scope.lang)
    return history.key_figures(
        election_id=election,
        voting_day=elections.loc[election, "voting_day"],
        stages=cached.reference(scope, "election_stages"),
        figures=cached.reference(scope, "election_figures"),
        contests=cached.reference(scope, "contests"),
        today=today,
        lang=lang,
        focus=focus,
    )


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def recent_change(scope: Scope, today: dt.date) -> pd.DataFrame:
    """Return per regency the events of the last 7 days against the 4 weeks before (all events)."""
    return history.recent_change(cached.events(scope), scope.ctx.bundle.regions, today=today)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def latest_events(scope: Scope, period: Period, focus: str | None, lang: str) -> pd.DataFrame:
    """Return the newest events of ``period`` in ``focus``, as a display table."""
    return history.latest_events(events_in_scope(scope, period, focus), scope.ctx.bundle.regions, lang=lang)
