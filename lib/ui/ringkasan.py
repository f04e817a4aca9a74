"""Cached reads of the Ringkasan page, keyed by their arguments (scope first)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lib import history
from lib.core.i18n import t
from lib.ui import cached
from lib.ui.cached import Scope
from lib.ui.maps import Period, events_in_scope


@st.cache_resource(show_spinner=False, max_entries=32)
def key_figures(scope: Scope, election: str, today: dt.date, lang: str, focus: str) -> history.KeyFigures:
    """Return the key figures of an election on ``today``, for ``focus`` ("" = all of Bali)."""
    elections = cached.elections(scope.settings, scope.revision)
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


@st.cache_resource(show_spinner=False, max_entries=16)
def recent_change(scope: Scope, today: dt.date) -> pd.DataFrame:
    """Return per regency the events of the last 7 days against the 4 weeks before (all events)."""
    return history.recent_change(cached.events(scope), scope.ctx.bundle.regions, today=today)


@st.cache_resource(show_spinner=False, max_entries=32)
def latest_events(scope: Scope, period: Period, focus: str, lang: str) -> pd.DataFrame:
    """Return the newest events of ``period`` in ``focus``, as a display table."""
    return history.latest_events(events_in_scope(scope, period, focus), scope.ctx.bundle.regions, lang=lang)


def posko_display(regions: pd.DataFrame, counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return Posko reports per regency (0 where none) as the table Ringkasan shows.

    ``regions`` are the bundled regions, ``counts`` :func:`lib.posko.report_counts`; neither is
    modified. Belongs in :mod:`lib.posko` (owned elsewhere) once that package has display tables.
    """
    names = regions[["code", "name"]].reset_index(drop=True)
    shown = (
        names[names["code"] != "51"]
        .merge(counts.rename(columns={"region_code": "code"}), on="code", how="left")
        .fillna({"last_24h": 0, "last_7d": 0, "open_alerts": 0})
    )
    return shown[["name", "last_24h", "last_7d", "open_alerts"]].rename(
        columns={
            "name": t("col.name", lang),
            "last_24h": t("overview.col.last_24h", lang),
            "last_7d": t("overview.col.last_7d", lang),
            "open_alerts": t("overview.col.open_alerts", lang),
        }
    )


def change_display(change: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return :func:`lib.history.recent_change` as the table Ringkasan shows (a mark where it rose).

    Belongs in :mod:`lib.history` (owned elsewhere) once that package has display tables.
    """
    shown = change.assign(rose=["\u25b2" if rose else "" for rose in change["rose"]])
    return shown[["name", "last_7d", "weekly_before", "rose"]].rename(
        columns={
            "name": t("col.name", lang),
            "last_7d": t("overview.col.last_7d", lang),
            "weekly_before": t("overview.col.weekly_before", lang),
            "rose": t("overview.rose", lang),
        }
    )
