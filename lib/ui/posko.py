"""The Streamlit side of the Posko page: cached reads, the intake form's state and the opened report.

Rules and writes live in ``lib/posko.py`` and ``lib/access.py``; this module keeps what a
session needs between reruns: the form's idempotency token (so a double submit stores one
report), what the form said after a save, and the version of the report an operator opened
(optimistic locking: a save carries the version that was on screen, never the latest).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from lib import access, intake, posko
from lib.access import Caller
from lib.core.clock import LOCAL_TZ
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES, RegionIndex
from lib.ui import cached
from lib.ui.cached import Scope

LIST_LIMIT = 500
"""Most reports listed at once (newest first); the filters narrow the rest."""
FORM_FIELDS: tuple[str, ...] = (
    "date",
    "time",
    "reporter",
    "region",
    "subregion",
    "lat",
    "lon",
    "category",
    "severity",
    "classification",
    "title",
    "description",
    "reliability",
    "credibility",
    "assigned",
)
"""The intake form's fields; each widget's key is ``posko_<field>``."""
_TOKEN = "posko_token"
_LAST_SAVED = "posko_last_saved"
_FEEDBACK = "posko_feedback"
_ATTACHED = "posko_attached"
_OPENED = "posko_opened"
OPEN_KEY = "posko_open"
TABLE_KEY = "posko_table"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#+\-|<>~$:])")


def key(field: str) -> str:
    """Return the widget key of a form field."""
    return f"posko_{field}"


def plain(text: object) -> str:
    r"""Return ``text`` with markdown syntax escaped, so Streamlit shows it exactly as typed.

    >>> plain("**bold** <script>")
    '\\*\\*bold\\*\\* \\<script\\>'
    """
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def now_local() -> dt.datetime:
    """Return the present moment in Bali time (WITA), to the minute, without tzinfo (for widgets)."""
    return dt.datetime.now(LOCAL_TZ).replace(second=0, microsecond=0, tzinfo=None)


# ---------------------------------------------------------------- cached reads


@st.cache_resource(show_spinner=False, max_entries=4)
def region_index(scope: Scope, stamp: float) -> RegionIndex:
    """Return the region index: bundled regions plus kecamatan/desa when boundaries are loaded."""
    shapes = cached.boundaries(scope.ctx.settings, stamp)
    extra = pd.DataFrame(shapes.region_rows()) if shapes is not None else None
    if extra is not None and extra.empty:
        extra = None
    return intake.region_index(scope.ctx.bundle.regions, extra)


@st.cache_data(show_spinner=False, max_entries=4)
def subregion_labels(scope: Scope, stamp: float) -> dict[str, str]:
    """Return kecamatan and desa codes with a label naming their regency, ordered by code ({} if none)."""
    shapes = cached.boundaries(scope.ctx.settings, stamp)
    if shapes is None:
        return {}
    rows = sorted(shapes.region_rows(), key=lambda r: r["code"])
    names = {r["code"]: r["name"] for r in rows}
    regencies = dict(zip(scope.ctx.bundle.regions["code"], scope.ctx.bundle.regions["name"], strict=True))
    labels = {}
    for row in rows:
        parent = names.get(row["parent_code"], "")
        regency = regencies.get(row["code"][:5], row["code"][:5])
        where = f"{parent}, {regency}" if row["kind"] == "desa" and parent else regency
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


@st.cache_data(show_spinner=False, max_entries=16)
def status_counts(scope: Scope) -> dict[str, int]:
    """Return how many reports the caller may see are in each status."""
    return posko.status_counts(scope.ctx.engine, ceiling=scope.ceiling)


ReportList = posko.ReportList


@st.cache_data(show_spinner=False, max_entries=32)
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
    region_names = dict(zip(scope.ctx.bundle.regions["code"], scope.ctx.bundle.regions["name"], strict=True))
    people = stakeholder_names(scope)
    return posko.report_list(frame, region_names=region_names, people=people, limit=LIST_LIMIT, lang=lang)


@st.cache_data(show_spinner=False, max_entries=32)
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


# ---------------------------------------------------------------- the intake form


def init_form(classifications: Sequence[str]) -> str:
    """Seed the form's widgets once (time now in WITA, classification TERBATAS) and return its token."""
    now = now_local()
    defaults: dict[str, Any] = {
        "date": now.date(),
        "time": now.time(),
        "classification": "TERBATAS" if "TERBATAS" in classifications else classifications[0],
        "lat": "",
        "lon": "",
        "title": "",
        "description": "",
        "assigned": [],
    }
    for field in FORM_FIELDS:
        if key(field) not in st.session_state:
            st.session_state[key(field)] = defaults.get(field)
    if _TOKEN not in st.session_state:
        st.session_state[_TOKEN] = posko.new_client_token()
    return st.session_state[_TOKEN]


def uploader_key() -> str:
    """Return the attachment uploader's key (it changes after a save, which empties it)."""
    return f"posko_attachment_{st.session_state.get(_TOKEN, '')[:8]}"


def _form_values() -> dict[str, Any]:
    day, moment = st.session_state.get(key("date")), st.session_state.get(key("time"))
    received = dt.datetime.combine(day, moment) if day and moment else None
    return {
        "received_at": received,
        "reporter_id": st.session_state.get(key("reporter")) or "",
        "region": st.session_state.get(key("region")) or "",
        "subregion": st.session_state.get(key("subregion")) or "",
        "lat": st.session_state.get(key("lat")) or "",
        "lon": st.session_state.get(key("lon")) or "",
        "category": st.session_state.get(key("category")) or "",
        "severity": st.session_state.get(key("severity")) or "",
        "classification": st.session_state.get(key("classification")) or "",
        "title": st.session_state.get(key("title")) or "",
        "description": st.session_state.get(key("description")) or "",
        "reliability": st.session_state.get(key("reliability")) or "",
        "credibility": st.session_state.get(key("credibility")) or "",
        "assigned_to": list(st.session_state.get(key("assigned")) or []),
    }


def _fingerprint(values: Mapping[str, Any], upload: Any) -> str:
    text = repr(sorted((k, repr(v)) for k, v in values.items())) + repr(getattr(upload, "file_id", None))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def submit_report(
    engine: Engine,
    caller: Caller,
    index: RegionIndex,
    stakeholder_ids: frozenset[str],
    data_dir: Path,
    lang: str,
) -> None:
    """Check and save the form (a form-submit callback); keep what was typed unless it was saved.

    The same form submitted twice (a double click, a retry after the store was down) carries
    the same token, so :func:`posko.save_report` stores it once.
    """
    values = _form_values()
    upload = st.session_state.get(uploader_key())
    check = posko.validate_report(
        values, index=index, stakeholder_ids=stakeholder_ids, ceiling=caller.ceiling, lang=lang
    )
    if not check.ok:
        st.session_state[_FEEDBACK] = ("problems", list(check.problems.values()))
        return
    fingerprint = _fingerprint(values, upload)
    last = st.session_state.get(_LAST_SAVED)
    token = last[1] if last and last[0] == fingerprint else st.session_state[_TOKEN]
    attachment = None
    try:
        if upload is not None:
            stored = st.session_state.setdefault(_ATTACHED, {})
            attachment = stored.get((token, upload.file_id))
            if attachment is None:
                attachment = posko.store_attachment(upload.getvalue(), upload.name, data_dir, lang=lang)
                stored[(token, upload.file_id)] = attachment
        report_id = posko.save_report(
            engine, check.clean, actor=caller, client_token=token, attachment=attachment, lang=lang
        )
    except DataProblem as problem:
        st.session_state[_FEEDBACK] = ("error", [problem.what, problem.fix])
        return
    st.session_state[_FEEDBACK] = ("saved", [t("poskopage.form.saved", lang, id=report_id)])
    st.session_state[_LAST_SAVED] = (fingerprint, token)
    st.session_state.pop(_ATTACHED, None)
    for field in FORM_FIELDS:
        st.session_state.pop(key(field), None)
    st.session_state[_TOKEN] = posko.new_client_token()


def show_form_feedback(lang: str) -> None:
    """Show what the last submit of the form did (saved, or why not and that nothing typed is lost)."""
    feedback = st.session_state.get(_FEEDBACK)
    if not feedback:
        return
    kind, messages = feedback
    if kind == "saved":
        st.success(messages[0], icon=":material/check_circle:")
        st.session_state.pop(_FEEDBACK, None)
        return
    lines = [plain(m) for m in messages]
    if kind == "problems":
        head = t("poskopage.form.problems", lang, n=len(messages))
        st.error(f"**{plain(head)}**\n\n" + "\n".join(f"- {line}" for line in lines), icon=":material/error:")
    else:
        head = t("poskopage.form.not_saved", lang)
        st.error(f"**{plain(lines[0])}**\n\n{lines[1]}\n\n{plain(head)}", icon=":material/cloud_off:")


# ---------------------------------------------------------------- the opened report


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


def flash(message: str) -> None:
    """Keep a success message for the next run (shown by :func:`show_flash`)."""
    st.session_state["posko_flash"] = message


def show_flash() -> None:
    """Show the message an action left before its rerun."""
    message = st.session_state.pop("posko_flash", None)
    if message:
        st.success(message, icon=":material/check_circle:")


# ---------------------------------------------------------------- share links


def created_link(link: access.ShareLink | None = None, url: str = "", label: str = "") -> tuple | None:
    """Remember the link just created (to show its address after the rerun), or return it."""
    if link is not None:
        st.session_state["posko_created_link"] = (url, label, link.expires_at)
        return None
    return st.session_state.get("posko_created_link")


def app_base_url() -> str:
    """Return the address the app is served at (scheme, host and port), or "" when unknown."""
    try:
        url = st.context.url or ""
    except (AttributeError, RuntimeError):
        url = ""
    match = re.match(r"^(https?://[^/?#]+)", url)
    return match.group(1) if match else ""


def region_options() -> list[str]:
    """Return the region codes offered by the form: the province, then the nine regencies."""
    return ["51", *REGENCY_CODES]
