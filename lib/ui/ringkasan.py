"""Ringkasan's cached reads (keyed by their arguments, scope first) and its headline blocks."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lib import history, posko
from lib.core import formats
from lib.core.i18n import t
from lib.core.text import escape
from lib.core.viewstate import ViewState
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


MAP_HEIGHT = {False: 340, True: 270}
"""Height of Ringkasan's map: in projector mode it leaves room for the tables beside it in 720 px."""


def key_metrics(
    *, view: ViewState, voting_day: dt.date, figures: history.KeyFigures, alerts: int | None, today: dt.date
) -> None:
    """Draw the election's figures: days to/since voting day, the stage, alerts, then DPT, TPS, contests.

    Each headline figure sits in a container keyed ``headline-<name>`` (CSS class
    ``st-key-headline-<name>``), so a browser test can find it. In projector mode (no sidebar)
    all six share one row; otherwise the headline three come first and the counts below.
    ``alerts`` is None for a caller who may not read Posko reports.
    """
    lang = view.lang
    unknown = t("common.unknown", lang)
    headline = [
        (
            "days",
            t("overview.voting_day_on", lang, day=voting_day.strftime("%d/%m/%Y")),
            history.days_short(figures.days_from_voting, lang),
        ),
        (
            "stage",
            t("headline.stage_on", lang, day=today.strftime("%d/%m/%Y")),
            ", ".join(figures.stages) if figures.stages else t("overview.no_stage", lang),
        ),
    ]
    if alerts is not None:
        headline.append(("alerts", t("overview.alerts", lang), formats.number(alerts, lang)))
    counts = [
        (t("overview.dpt", lang), formats.number(figures.dpt, lang) if figures.dpt else unknown),
        (t("overview.tps", lang), formats.number(figures.n_tps, lang) if figures.n_tps else unknown),
        (
            t("overview.contests", lang),
            formats.number(figures.n_contests, lang) if figures.n_contests else unknown,
        ),
    ]
    if view.projector:
        cols = st.columns([1.1, 1.6, *([1.3] if alerts is not None else []), 1.2, 1, 0.9])
        first, rest = cols[: len(headline)], cols[len(headline) :]
    else:
        first, rest = st.columns(len(headline)), st.columns(len(counts))
    for col, (name, label, value) in zip(first, headline, strict=True):
        col.container(key=f"headline-{name}").metric(label, value)
    for col, (label, value) in zip(rest, counts, strict=True):
        col.metric(label, value)


def posko_table(scope: Scope, regions: pd.DataFrame, lang: str) -> None:
    """Draw Posko reports of the last 24 hours and 7 days per regency, regencies with reports first.

    A plain table: nine short rows, its type grows with the page's in projector mode and no
    header is cut, where the canvas grid keeps 14 px and fixed column widths.
    """
    st.table(posko.counts_display(regions, cached.posko_counts(scope), lang), hide_index=True)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def change_table(scope: Scope, today: dt.date, lang: str) -> pd.DataFrame:
    """Return :func:`recent_change` as the table Ringkasan shows (built once per data revision and day)."""
    return history.change_display(recent_change(scope, today), lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def risen_line(scope: Scope, today: dt.date, lang: str) -> str:
    """Return the line naming the regencies whose events in the last 7 days rose above their weekly average.

    Markdown with every name escaped; built once per data revision and day.
    """
    change = recent_change(scope, today)
    rose = change[change["rose"]]
    if rose.empty:
        items = t("overview.none_rose", lang)
    else:
        items = "; ".join(
            t(
                "headline.rose_item",
                lang,
                name=escape(row.name),
                n=formats.number(row.last_7d, lang),
                avg=formats.number(row.weekly_before, lang, digits=1),
            )
            for row in rose.itertuples()
        )
    return f"**{t('headline.rose', lang)}:** {items}"
