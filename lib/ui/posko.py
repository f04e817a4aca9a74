"""The Streamlit side of the Posko page's report list.

Rules and writes live in ``lib/posko`` and ``lib/access``; this module keeps what a session
needs between reruns: the version of the report an operator opened (optimistic locking: a
save carries the version that was on screen, never the latest) and a message left before a
rerun. The intake form's glue is ``lib/ui/posko_form.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from lib import access, intake, posko
from lib.access import Caller
from lib.core import clock, wilayah
from lib.core.clock import LOCAL_TZ, local_time
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES, RegionIndex
from lib.core.text import escape
from lib.core.vocab import CATEGORIES
from lib.ui import cached
from lib.ui.cached import SCOPE_HASH, Scope
from lib.ui.problems import show_problem

LIST_LIMIT = 500
"""Most reports listed at once (newest first); the filters narrow the rest."""
_OPENED = "posko_opened"
_OUTCOME = "posko_outcome"
OPEN_KEY = "posko_open"
TABLE_KEY = "posko_table"


def now_local() -> dt.datetime:
    """Return the present moment in Bali time (WITA), to the minute, without tzinfo (for widgets)."""
    return clock.now().astimezone(LOCAL_TZ).replace(second=0, microsecond=0, tzinfo=None)


# ---------------------------------------------------------------- cached reads


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=4)
def region_index(scope: Scope, stamp: float) -> RegionIndex:
    """Return the region index: bundled regions plus kecamatan/desa (boundaries, else the bundled list)."""
    shapes = cached.boundaries(scope.ctx.settings, stamp)
    extra = pd.DataFrame(shapes.region_rows() if shapes is not None else _bundled_places())
    return intake.region_index(scope.ctx.bundle.regions, None if extra.empty else extra)


def _bundled_places() -> list[dict[str, str]]:
    """Return the bundled kecamatan and desa/kelurahan as region rows (code, name, kind, parent_code)."""
    return [
        {"code": p.code, "name": p.name, "kind": p.kind, "parent_code": p.kecamatan_code or p.regency_code}
        for p in sorted(wilayah.bundled_wilayah().places.values(), key=lambda p: p.code)
    ]


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=4)
def subregion_labels(scope: Scope, stamp: float) -> dict[str, str]:
    """Return kecamatan and desa codes with a label naming where they lie, ordered by code.

    The places come from the loaded boundaries, else from the bundled Kemendagri list, so the
    form offers them even before boundary files are loaded.
    """
    shapes = cached.boundaries(scope.ctx.settings, stamp)
    rows = sorted(shapes.region_rows(), key=lambda r: r["code"]) if shapes is not None else _bundled_places()
    names = {r["code"]: r["name"] for r in rows}
    regencies = dict(zip(scope.ctx.bundle.regions["code"], scope.ctx.bundle.regions["name"], strict=True))
    labels = {}
    for row in rows:
        parent = names.get(row["parent_code"], "")
        regency = regencies.get(row["code"][:5], row["code"][:5])
        where = f"{parent}, {regency}" if row["kind"] != "kecamatan" and parent else regency
        labels[row["code"]] = f"{row['name']} ({row['kind']}, {where})"
    return labels


def stakeholder_names(scope: Scope) -> dict[str, str]:
    """Return the institutions the caller may see, id -> "ACRONYM – name"."""
    frame = cached.stakeholders(scope)
    names = {}
    for sid, name, acronym in zip(frame["id"], frame["name"], frame["acronym"], strict=True):
        short = str(acronym) if isinstance(acronym, str) and acronym else ""
        names[str(sid)] = f"{short} \u2013 {name}" if short and short != name else str(name)
    return names


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def status_counts(scope: Scope) -> dict[str, int]:
    """Return how many reports the caller may see are in each status."""
    return posko.status_counts(scope.ctx.engine, ceiling=scope.ceiling)


ReportList = posko.ReportList


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def report_list(
    scope: Scope,
    *,
    statuses: tuple[str, ...],
    regions: tuple[str, ...],
    categories: tuple[str, ...],
    since: dt.datetime | None,
    until: dt.datetime | None,
    lang: str,
) -> ReportList:
    """Return the filtered reports the caller may see as a display table (empty filters do not filter)."""
    frame = posko.read_reports(
        scope.ctx.engine,
        ceiling=scope.ceiling,
        statuses=statuses or None,
        regions=regions or None,
        categories=categories or None,
        since=since,
        until=until,
    )
    region_names = cached.place_names(scope.settings, scope.lang)
    people = stakeholder_names(scope)
    return posko.report_list(frame, region_names=region_names, people=people, limit=LIST_LIMIT, lang=lang)


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def timeline(scope: Scope, report_id: int, lang: str) -> pd.DataFrame:
    """Return a report's change history as a display table, oldest first."""
    frame = posko.report_timeline(scope.ctx.engine, report_id, ceiling=scope.ceiling, lang=lang)

    def field_name(name: str) -> str:
        if name == "alert_ack":
            return t("poskopage.timeline.alert_ack", lang)
        return t(f"posko.field.{name}", lang) if f"posko.field.{name}" in _field_keys() else name

    def value(field: str, text: object) -> object:
        if field == "status" and isinstance(text, str) and text in posko.STATUSES:
            return t(f"posko.status.{text}", lang)
        return text

    table = pd.DataFrame(
        {
            t("poskopage.timeline.at", lang): frame["at"].dt.strftime("%d/%m/%Y %H:%M"),
            t("poskopage.timeline.who", lang): frame["who"],
            t("poskopage.timeline.field", lang): frame["field"].map(field_name),
            t("poskopage.timeline.old", lang): [
                value(f, v) for f, v in zip(frame["field"], frame["old"], strict=True)
            ],
            t("poskopage.timeline.new", lang): [
                value(f, v) for f, v in zip(frame["field"], frame["new"], strict=True)
            ],
        }
    )
    return table.astype("string").fillna("\u2014")


def _field_keys() -> set[str]:
    from lib.core.i18n import STRINGS

    return {k for k in STRINGS if k.startswith("posko.field.")}


def briefing_bytes(
    engine: Engine,
    *,
    ceiling: str,
    day: dt.date,
    region_names: Mapping[str, str],
    stakeholders: Mapping[str, str],
    lang: str,
) -> bytes:
    """Return the daily recap (.xlsx) of ``day`` (Bali time) from the reports the caller may see."""
    start = dt.datetime.combine(day, dt.time(0, 0))
    frame = posko.read_reports(engine, ceiling=ceiling, since=start, until=start + dt.timedelta(days=1))
    return posko.briefing_xlsx(
        frame, day=day, region_names=region_names, stakeholder_names=stakeholders, lang=lang
    )


# ---------------------------------------------------------------- session state


def pick_from_table(ids: tuple[int, ...]) -> None:
    """Open the report of the row clicked in the list (a dataframe-selection callback)."""
    state = st.session_state.get(TABLE_KEY)
    rows = list(getattr(getattr(state, "selection", None), "rows", None) or [])
    if not rows and isinstance(state, Mapping):
        rows = list(state.get("selection", {}).get("rows", []))
    if rows and 0 <= rows[0] < len(ids):
        st.session_state[OPEN_KEY] = ids[rows[0]]


def opened_version(report: Mapping[str, Any]) -> int:
    """Return the version of ``report`` this session opened (recorded the first time it is shown)."""
    opened = st.session_state.get(_OPENED)
    if not opened or opened[0] != int(report["id"]):
        opened = (int(report["id"]), int(report["version"]))
        st.session_state[_OPENED] = opened
    return int(opened[1])


def keep_version(report_id: int, version: int) -> None:
    """Record the version this session now works on (after its own save, or after a refusal)."""
    st.session_state[_OPENED] = (int(report_id), int(version))


def _leave(report_id: int, kind: str, lines: list[str]) -> None:
    """Keep what an action on a report did (``saved``, ``stale``, ``problem``) for :func:`show_outcome`."""
    st.session_state[_OUTCOME] = {"report_id": int(report_id), "kind": kind, "lines": lines, "toast": True}


_OUTCOME_ICONS = {
    "saved": ":material/check_circle:",
    "stale": ":material/sync_problem:",
    "problem": ":material/error:",
}


def show_outcome(report_id: int, lang: str) -> None:
    """Show, below the report's buttons, what the last action on it did, and once as a toast.

    The buttons sit far down a long page, so a message at its top was out of view. A save is
    confirmed once; a refusal stays until the next action, so it cannot scroll away unread.
    """
    outcome = st.session_state.get(_OUTCOME)
    if not outcome:
        return
    if outcome["report_id"] != int(report_id):  # another report is open: that message is over
        st.session_state.pop(_OUTCOME, None)
        return
    kind, lines = outcome["kind"], outcome["lines"]
    icon = _OUTCOME_ICONS[kind]
    if outcome["toast"]:
        toast = {"saved": lines[0], "stale": t("live.posko.refused_toast", lang, id=report_id)}.get(
            kind, t("live.posko.problem_toast", lang, id=report_id)
        )
        st.toast(toast, icon=icon, duration="long")  # our own words and numbers: nothing typed
        outcome["toast"] = False
    if kind == "saved":
        st.success(lines[0], icon=icon)
        st.session_state.pop(_OUTCOME, None)
        return
    st.error(f"**{escape(lines[0])}**\n\n{escape(lines[1])}", icon=icon)
    if len(lines) > 2:
        st.text(lines[2])


def region_options() -> list[str]:
    """Return the region codes offered by the form: the province, then the nine regencies."""
    return ["51", *REGENCY_CODES]


# ---------------------------------------------------------------- the list


@dataclass(frozen=True)
class Filters:
    """What the list's filters hold (empty tuples do not filter)."""

    statuses: tuple[str, ...]
    regions: tuple[str, ...]
    categories: tuple[str, ...]
    since: dt.datetime | None
    until: dt.datetime | None


def list_filters(region_names: Mapping[str, str], span: tuple[dt.date, dt.date] | None, lang: str) -> Filters:
    """Draw the list's four filters (status, region, category, period) and return what they hold."""
    every = t("poskopage.filter.all", lang)
    a, b, c, d = st.columns(4)
    statuses = a.multiselect(
        t("poskopage.filter.status", lang),
        list(posko.STATUSES),
        format_func=lambda s: t(f"posko.status.{s}", lang),
        placeholder=every,
        key="posko_filter_status",
    )
    regions = b.multiselect(
        t("poskopage.filter.region", lang),
        region_options(),
        format_func=region_names.get,
        placeholder=every,
        key="posko_filter_region",
    )
    categories = c.multiselect(
        t("poskopage.filter.category", lang),
        list(CATEGORIES),
        format_func=lambda x: t(f"category.{x}", lang),
        placeholder=every,
        key="posko_filter_category",
    )
    shown = {"period": f"{span[0]:%d/%m/%Y}\u2013{span[1]:%d/%m/%Y}"} if span else {}
    period = d.selectbox(
        t("poskopage.filter.period", lang),
        ["all", *posko.PERIODS] + (["view"] if span else []),
        format_func=lambda p: t(f"poskopage.filter.period.{p}", lang, **(shown if p == "view" else {})),
        key="posko_filter_period",
    )
    since, until = posko.period_bounds(period, now=now_local(), span=span)
    return Filters(tuple(statuses), tuple(regions), tuple(categories), since, until)


# ---------------------------------------------------------------- the opened report

_STAMP = "%d/%m/%Y %H:%M"


def show_header(report: Mapping[str, Any], version: int, lang: str) -> None:
    """Show who made and changed the report, and a reload offer when it moved on since it was opened."""
    st.subheader(t("poskopage.detail", lang, id=report["id"]))
    st.text(report["title"])
    said = t(
        "poskopage.detail.version",
        lang,
        version=report["version"],
        created_by=report["created_by"],
        created_at=local_time(report["created_at"]).strftime(_STAMP),
        updated_by=report["updated_by"],
        updated_at=local_time(report["updated_at"]).strftime(_STAMP),
    )
    st.caption(escape(said))
    if int(report["version"]) == version:
        return
    changed = t(
        "poskopage.detail.changed", lang, who=report["updated_by"], opened=version, version=report["version"]
    )
    st.warning(escape(changed), icon=":material/sync_problem:")
    if st.button(t("poskopage.detail.reload", lang), key="posko_reload"):
        keep_version(report["id"], report["version"])
        st.session_state.pop(_OUTCOME, None)
        st.rerun()


def show_facts(
    report: Mapping[str, Any], region_names: Mapping[str, str], people: Mapping[str, str], lang: str
) -> None:
    """Show the report's figures (status, severity, grading, level), its facts and its description."""
    cols = st.columns(4)
    cols[0].metric(t("posko.field.status", lang), t(f"posko.status.{report['status']}", lang))
    cols[1].metric(t("posko.field.severity", lang), report["severity"])
    cols[2].metric(t("posko.field.grading", lang), f"{report['reliability']}{report['credibility']}")
    cols[3].metric(t("posko.field.classification", lang), report["classification"])
    finest = report["subregion_code"] or report["region_code"]
    where = region_names.get(finest, finest)  # "Seririt (Buleleng)", not "Buleleng · 51.08.02"
    facts = {
        t("posko.field.received_at", lang): local_time(report["received_at"]).strftime(_STAMP),
        t("poskopage.detail.where", lang): where,
        t("posko.field.category", lang): t(f"category.{report['category']}", lang),
        t("posko.field.reporter_id", lang): people.get(report["reporter_id"], report["reporter_id"]),
        t("posko.field.assigned_to", lang): _assignees(report, people),
    }
    if report["lat"] is not None:
        facts[t("poskopage.detail.point", lang)] = f"{report['lat']:.5f}, {report['lon']:.5f}"
    if report["reject_reason"]:
        facts[t("posko.field.reject_reason", lang)] = report["reject_reason"]
    st.text("\n".join(f"{label}: {value}" for label, value in facts.items()))
    st.text(report["description"])


def _assignees(report: Mapping[str, Any], people: Mapping[str, str]) -> str:
    return ", ".join(people.get(s, s) for s in posko.split_ids(report["assigned_to"])) or "\u2014"


def attachment_button(report: Mapping[str, Any], data_dir: Path, lang: str) -> None:
    """Offer the report's attachment for download, or say it is missing (nothing without one)."""
    if not report["attachment_path"]:
        return
    try:
        path = posko.attachment_path(data_dir, report["attachment_path"])
    except ValueError:
        path = None
    name = escape(report["attachment_name"])
    if path is None or not path.exists():
        st.warning(t("poskopage.detail.attachment_missing", lang, name=name))
        return
    st.download_button(
        t(
            "poskopage.detail.attachment",
            lang,
            name=name,
            size_kb=max(1, int(report["attachment_size"] or 0) // 1024),
        ),
        path.read_bytes,
        file_name=posko.download_name(report["attachment_name"], path.name),
        mime=report["attachment_type"],
        icon=":material/attach_file:",
        key="posko_attachment_get",
        on_click="ignore",
    )


def show_alert(engine: Engine, report: Mapping[str, Any], caller: Caller, lang: str) -> None:
    """Show an open alert (with the acknowledge button) or who acknowledged it; nothing for a mild report."""
    state = posko.alert_state(report)
    if state == "acknowledged":
        said = t(
            "poskopage.detail.alert_ack",
            lang,
            who=report["alert_ack_by"],
            at=local_time(report["alert_ack_at"]).strftime(_STAMP),
        )
        st.caption(escape(said))
    if state != "open":
        return
    st.warning(
        t("poskopage.detail.alert_open", lang, severity=report["severity"]),
        icon=":material/notifications_active:",
    )
    if not access.can(caller, "alert.ack") or not st.button(
        t("poskopage.detail.ack", lang), key="posko_ack", icon=":material/done_all:"
    ):
        return
    try:
        done = posko.acknowledge_alert(engine, int(report["id"]), actor=caller, lang=lang)
    except DataProblem as problem:
        show_problem(problem)
        return
    said = t("poskopage.detail.ack_done" if done else "poskopage.detail.ack_already", lang, id=report["id"])
    _leave(int(report["id"]), "saved", [said])
    st.rerun()


Action = tuple[str, str]
"""What a button does: ``("status", new status)``, ``("reject", reason widget key)`` or
``("assign", assignee widget key)``; the widgets are read when the button is clicked."""


def act(
    engine: Engine,
    report_id: int,
    version: int,
    action: Action,
    *,
    caller: Caller,
    people: Mapping[str, str],
    lang: str,
) -> None:
    """Save one action on a report with the version its buttons were drawn for (a button callback).

    ``version`` is bound when the buttons are drawn, so a click acts on the version on screen,
    even if the stored report moved on since: then the save is refused, and the refusal shows
    the latest version, which the next click acts on (:func:`show_outcome` says so). A callback
    runs even when the clicked button is no longer drawn (another status offers other moves),
    so no click goes unanswered.
    """
    kind, value = action
    if kind == "status":
        changes: dict[str, Any] = {"status": value}
    elif kind == "reject":
        changes = {"status": "ditolak", "reject_reason": st.session_state.get(value) or ""}
    else:
        changes = {"assigned_to": list(st.session_state.get(value) or [])}
    try:
        new = posko.update_report(
            engine, int(report_id), changes, expected_version=int(version), actor=caller, lang=lang
        )
    except posko.StaleReport as stale:
        keep_version(report_id, stale.version)
        latest = stale.latest
        status = t("posko.status." + latest["status"], lang)
        shown = (
            f"{t('posko.field.status', lang)}: {status}\n"
            f"{t('posko.field.assigned_to', lang)}: {_assignees(latest, people)}\n"
            f"{t('posko.field.title', lang)}: {latest['title']}\n"
            + t("live.posko.acting_on", lang, version=stale.version)
        )
        _leave(report_id, "stale", [stale.what, stale.fix, shown])
        return
    except DataProblem as problem:
        _leave(report_id, "problem", [problem.what, problem.fix])
        return
    keep_version(report_id, new)
    _leave(report_id, "saved", [t("poskopage.detail.saved", lang, id=report_id, version=new)])


def on_click(
    engine: Engine,
    report_id: int,
    version: int,
    action: Action,
    *,
    caller: Caller,
    people: Mapping[str, str],
    lang: str,
) -> dict[str, Any]:
    """Return a button's ``on_click``, ``args`` and ``kwargs`` that run :func:`act` for ``action``."""
    return {
        "on_click": act,
        "args": (engine, report_id, version, action),
        "kwargs": {"caller": caller, "people": people, "lang": lang},
    }
