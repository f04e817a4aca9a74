"""Cached reads and drawing of the Kekuatan Politik page: forces per contest, the map of balance, flags."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from lib import geo, politics, store
from lib.core import bilingual, formats
from lib.core.i18n import t
from lib.core.regions import REGENCY_CODES
from lib.core.text import escape
from lib.ui import cached, maps, projector
from lib.ui import page as ui
from lib.ui.cached import SCOPE_HASH, Scope

MEASURES: tuple[str, ...] = ("winner_share", "margin_votes")
"""What the balance map can colour: the elected pair's share, or the lead in votes."""
_TEXTS = ("pairs", "seats", "results", "disputes")
CONTEST_WIDTHS: dict[str, tuple[int, int]] = {
    "politics.col.ballot": (95, 125),
    "politics.col.pair": (230, 360),
    "politics.col.outcome": (85, 120),
    "politics.col.votes": (85, 125),
    "politics.col.share": (85, 125),
    "politics.col.coalition": (110, 220),
    "col.source": (110, 125),
}
"""The contest table's columns on screen and their widths (px) beside the sidebar and in projector
mode (0: not shown). At 1280 px the page is about 820 px wide beside the sidebar, 1,230 px without;
seats, incumbency, nomination and the note are in the flags and in the download (every column)."""
BALANCE_WIDTHS: dict[str, tuple[int, int]] = {
    "politics.col.region": (120, 170),
    "politics.col.leader": (120, 200),
    "politics.col.lead_share": (130, 170),
    "politics.col.margin_votes": (120, 160),
    "politics.col.margin_pp": (120, 160),
    "col.source": (140, 200),
}
"""The balance table's widths (px) beside the sidebar and in projector mode."""
FLAG_WIDTHS: dict[str, tuple[int, int]] = {
    "politics.col.flag": (110, 160),
    "politics.col.why": (170, 300),
    "politics.col.contest": (120, 160),
    "politics.col.region": (90, 120),
    "politics.col.what": (190, 330),
    "col.source": (95, 120),
}
"""The flags table's widths (px) beside the sidebar and in projector mode."""


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def forces(scope: Scope, election: str) -> politics.Forces:
    """Return the forces of ``election`` the caller may see, bundled texts in the scope's language."""
    read = store.read_forces(scope.ctx.engine, ceiling=scope.ceiling)
    translated = {name: bilingual.in_language(getattr(read, name), scope.lang) for name in _TEXTS}
    return politics.for_election(dataclasses.replace(read, **translated), election)


def region_names(page: ui.Page) -> dict[str, str]:
    """Return the names of Bali and its regencies in the page's language."""
    regions = page.regions
    return dict(zip(regions["code"].astype(str), regions["name"].astype(str), strict=True))


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def flag_table(scope: Scope, election: str, focus: str | None) -> pd.DataFrame:
    """Return the flags of the view as sentences (:func:`lib.politics.flag_table`)."""
    names = dict(zip(scope.ctx.bundle.regions["code"], scope.ctx.bundle.regions["name"], strict=True))
    return politics.flag_table(forces(scope, election), focus, list(REGENCY_CODES), names, scope.lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def balance(scope: Scope, election: str, contest: str) -> pd.DataFrame:
    """Return the balance of a province-wide contest by regency (:func:`lib.politics.regional_balance`)."""
    return politics.regional_balance(forces(scope, election), election, contest, list(REGENCY_CODES))


def balance_chart(
    scope: Scope, *, election: str, contest: str, measure: str, focus: str | None, lang: str
) -> alt.LayerChart:
    """Build the map of ``measure`` by regency: the loaded boundaries, else the tile grid."""
    values = balance(scope, election, contest)[["code", measure, "source"]]
    values = values.assign(
        source=[s.split(" | ")[0] if isinstance(s, str) else None for s in values["source"]]
    )
    options: dict[str, Any] = {
        "measure": measure,
        "measure_label": t(f"politics.measure.{measure}", lang),
        "lang": lang,
        "focus": focus or None,
    }
    shapes = cached.current_boundaries(scope.settings)
    if shapes is None:
        return geo.tile_grid(values, **options)
    return geo.choropleth(shapes.display["kabupaten"], values, height=420, **options)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def balance_spec(
    scope: Scope, election: str, contest: str, measure: str, focus: str | None, lang: str, stamp: float
) -> dict[str, Any]:
    """Return the spec of :func:`balance_chart`; ``stamp`` (saved boundaries) keys it."""
    chart = balance_chart(scope, election=election, contest=contest, measure=measure, focus=focus, lang=lang)
    return cached.finish_spec(chart, lang)


def draw_balance_map(page: ui.Page, contest: str, measure: str, key: str) -> Callable[[], alt.LayerChart]:
    """Draw the balance map; a click on a regency focuses the view on it (a click on the focus lets go)."""
    view = page.view
    stamp = cached.boundaries_stamp(page.ctx.settings)
    spec = balance_spec(page.scope, view.election, contest, measure, view.focus, page.lang, stamp)
    maps.focus_on_click(spec, view, key)
    return functools.partial(
        balance_chart,
        page.scope,
        election=view.election,
        contest=contest,
        measure=measure,
        focus=view.focus,
        lang=page.lang,
    )


def focus_metrics(page: ui.Page, contest: str) -> None:
    """Show who leads a province-wide contest in the focused regency, by how much."""
    lang = page.lang
    row = balance(page.scope, page.view.election, contest).set_index("code").loc[page.view.focus]
    unknown = t("common.unknown", lang)
    st.markdown(
        f"**{t('politics.in_region', lang, contest=contest, region=region_names(page)[page.view.focus])}**"
    )
    left, middle, right = st.columns(3)
    left.metric(
        t("politics.metric.leader", lang),
        row["leader_label"] if isinstance(row["leader_label"], str) else unknown,
    )
    middle.metric(
        t("politics.metric.share", lang),
        unknown
        if pd.isna(row["lead_share"])
        else formats.percent(float(row["lead_share"]) / 100, lang, digits=2),
    )
    right.metric(
        t("politics.metric.margin", lang),
        unknown
        if pd.isna(row["margin_votes"])
        else t(
            "politics.metric.margin_value",
            lang,
            votes=formats.number(row["margin_votes"], lang),
            points=formats.number(row["margin_pp"], lang, digits=2),
        ),
    )


def fitted(widths: dict[str, tuple[int, int]], lang: str) -> dict[str, Any]:
    """Return ``column_order`` and ``column_config`` that fit a table into the page at 1280 px.

    The grid sizes each column to its longest cell and scrolls sideways past the right edge, where
    nobody in the room can scroll: the columns of ``widths`` with a width for the view's mode (normal,
    projector) are shown, the source as its site (the full address is the link).
    """
    mode = 1 if ui.current().projector else 0
    shown = {key: pair[mode] for key, pair in widths.items() if pair[mode]}
    config: dict[str, Any] = {
        t(key, lang): st.column_config.Column(width=width)
        for key, width in shown.items()
        if key != "col.source"
    }
    if "col.source" in shown:
        config[t("col.source", lang)] = st.column_config.LinkColumn(
            t("col.source", lang), display_text=projector.SOURCE_SITE, width=shown["col.source"]
        )
    return {"column_order": [t(key, lang) for key in shown], "column_config": config}


@dataclasses.dataclass(frozen=True)
class ContestSection:
    """One contest of the view as the page draws it: its title, where its results are from, its table."""

    contest: pd.Series
    title: str
    region: str
    table: pd.DataFrame
    notes: str
    exported: pd.DataFrame
    """The table with the contest's name first, for the download of every contest."""


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def contest_rows(
    scope: Scope, election: str, focus: str | None, legislature: str | None, lang: str
) -> tuple[ContestSection, ...]:
    """Return every contest of the view with its forces table, built once per view.

    Cached: the ten tables of a Pilkada (pairs, coalitions, seats, results) took 1 s to build on
    every rerun of the page.
    """
    seen = forces(scope, election)
    regions = scope.ctx.bundle.regions
    names = dict(zip(regions["code"].astype(str), regions["name"].astype(str), strict=True))
    sections = []
    for _, contest in politics.contests_in_focus(seen, focus).iterrows():
        region = focus if focus and contest["region_code"] == politics.PROVINCE else contest["region_code"]
        table = politics.forces_table(seen, contest, region, legislature, lang)
        sections.append(
            ContestSection(
                contest=contest,
                title=politics.contest_title(contest, names, lang),
                region=region,
                table=table,
                notes=_result_notes(seen, contest, region, lang) if not table.empty else "",
                exported=table.assign(**{t("politics.col.contest", lang): contest["contest"]})[
                    [t("politics.col.contest", lang), *table.columns]
                ],
            )
        )
    return tuple(sections)


def contest_sections(page: ui.Page, seen: politics.Forces) -> list[pd.DataFrame]:
    """Draw each contest of the view: its pairs with coalitions, seats and results; return the tables."""
    lang = page.lang
    names = region_names(page)
    legislature = politics.legislature_of(page.elections, page.view.election)
    tables = []
    for section in contest_rows(page.scope, page.view.election, page.view.focus, legislature, lang):
        contest, region, table = section.contest, section.region, section.table
        st.markdown(f"**{section.title}**")
        if table.empty:
            n_pairs = contest["n_pairs"]
            st.caption(
                t(
                    "politics.no_pairs",
                    lang,
                    n=t("common.unknown", lang) if pd.isna(n_pairs) else int(n_pairs),
                )
            )
            continue
        st.caption(t("politics.result_region", lang, region=names.get(region, region)))
        st.dataframe(
            table,
            hide_index=True,
            key=f"politics_contest_{contest['region_code']}",
            **fitted(CONTEST_WIDTHS, lang),
        )
        if section.notes:
            st.caption(section.notes)
        tables.append(section.exported)
    return tables


def _result_notes(seen: politics.Forces, contest: pd.Series, region: str, lang: str) -> str:
    """Return the result notes and conflicts of a contest in ``region`` as one line."""
    rows = seen.results[
        (seen.results["contest"] == contest["contest"]) & (seen.results["region_code"] == region)
    ]
    notes = [n for n in rows["note"].dropna().unique() if n]
    conflicts = [c for c in rows["conflict"].dropna().unique() if c]
    parts = []
    if notes:
        parts.append(t("politics.result_notes", lang, text=" ".join(notes)))
    if conflicts:
        parts.append(t("politics.conflicts", lang, text=" ".join(conflicts)))
    return " · ".join(parts)


def draw_flag_groups(flags: pd.DataFrame, lang: str) -> None:
    """Show the flags grouped by kind: the reason once, then each case with its source link."""
    label = t("col.source", lang)
    for title, reason, lines in politics.flag_groups(flags, lang):
        with st.container(border=True):
            st.markdown(f"**{escape(title)}** — {escape(reason)}")
            items = []
            for line, source in lines:
                link = f" ([{label}]({source.replace(')', '%29')}))" if source.startswith("http") else ""
                items.append(f"- {escape(line)}{link}")
            st.markdown("\n".join(items))
