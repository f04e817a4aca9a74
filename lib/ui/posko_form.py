"""The Streamlit side of the Posko intake form.

The form's idempotency token is kept in session state until the report is saved, so a
double submit (a double click, a retry after the store was down) stores one report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import streamlit as st
from sqlalchemy.engine import Engine

from lib import access, posko
from lib.access import Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import RegionIndex
from lib.core.text import escape
from lib.core.vocab import CATEGORIES
from lib.ui.page import upload_hint
from lib.ui.posko import now_local, region_options

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
_TOASTED = "posko_feedback_toasted"


def required(label: str) -> str:
    """Return a required field's label, marked before the first try (``Judul *``)."""
    return f"{label} *"


def key(field: str) -> str:
    """Return the widget key of a form field."""
    return f"posko_{field}"


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
    st.session_state.pop(_TOASTED, None)  # each submit says once what it did
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
    """Show what the last submit of the form did (saved, or why not and that nothing typed is lost).

    Drawn below the submit button, where the eyes are after pressing it, and said once as a toast:
    at the top of a long form a confirmation was out of view, and the emptied form looked blank.
    """
    feedback = st.session_state.get(_FEEDBACK)
    if not feedback:
        return
    kind, messages = feedback
    if not st.session_state.get(_TOASTED):
        toast = {"saved": messages[0], "problems": t("live.form.problems_toast", lang, n=len(messages))}
        st.toast(toast.get(kind) or t("live.form.error_toast", lang), duration="long")
        st.session_state[_TOASTED] = True
    if kind == "saved":
        st.success(messages[0], icon=":material/check_circle:")
        st.session_state.pop(_FEEDBACK, None)
        st.session_state.pop(_TOASTED, None)
        return
    lines = [escape(m) for m in messages]
    if kind == "problems":
        head = t("poskopage.form.problems", lang, n=len(messages))
        st.error(
            f"**{escape(head)}**\n\n" + "\n".join(f"- {line}" for line in lines), icon=":material/error:"
        )
    else:
        head = t("poskopage.form.not_saved", lang)
        st.error(f"**{lines[0]}**\n\n{lines[1]}\n\n{escape(head)}", icon=":material/cloud_off:")


def draw_form(
    engine: Engine,
    caller: Caller,
    index: RegionIndex,
    subregions: Mapping[str, str],
    people: Mapping[str, str],
    region_names: Mapping[str, str],
    data_dir: Path,
    lang: str,
) -> None:
    """Draw the intake form (each widget keyed ``posko_<field>``); a submit runs :func:`submit_report`."""
    levels = list(access.allowed_levels(caller.ceiling))
    init_form(levels)
    st.caption(t("live.form.required", lang))
    choose = t("poskopage.form.choose", lang)
    _draw_place(subregions, region_names, choose, lang)
    with st.form("posko_form", clear_on_submit=False, enter_to_submit=False):
        left, middle, right = st.columns(3)
        left.date_input(
            required(t("poskopage.form.date", lang)),
            key="posko_date",
            format="DD/MM/YYYY",
            min_value=posko.EARLIEST.date(),
            max_value=now_local().date(),
        )
        middle.time_input(required(t("poskopage.form.time", lang)), key="posko_time", step=60)
        right.selectbox(
            required(t("posko.field.reporter_id", lang)),
            list(people),
            format_func=people.get,
            index=None,
            placeholder=choose,
            key="posko_reporter",
        )
        right = st.columns(3)[2]
        point_left, point_right = right.columns(2)
        point_left.text_input(
            t("poskopage.form.lat", lang), key="posko_lat", help=t("poskopage.form.point_help", lang)
        )
        point_right.text_input(t("poskopage.form.lon", lang), key="posko_lon")
        _draw_grading(levels, people, choose, lang)
        st.file_uploader(
            t("posko.field.attachment", lang),
            type=["png", "jpg", "jpeg", "pdf"],
            max_upload_size=posko.ATTACHMENT_MAX_BYTES // (1024 * 1024),
            key=uploader_key(),
        )
        upload_hint(lang, kinds="PNG, JPG, PDF", limit_mb=posko.ATTACHMENT_MAX_BYTES // (1024 * 1024))
        st.form_submit_button(
            t("poskopage.form.submit", lang),
            type="primary",
            icon=":material/save:",
            on_click=submit_report,
            args=(engine, caller, index, frozenset(people), data_dir, lang),
        )
    show_form_feedback(lang)


def _forget_subregion() -> None:
    """Empty the kecamatan/desa chosen in the old regency when a new one is chosen."""
    st.session_state.pop(key("subregion"), None)


def within_regency(subregions: Mapping[str, str], region: str | None) -> dict[str, str]:
    """Return the kecamatan/desa of ``region`` (all of them when no regency is chosen), in order."""
    if not region or region.count(".") != 1:
        return dict(subregions)
    return {code: label for code, label in subregions.items() if code.startswith(f"{region}.")}


def _draw_place(
    subregions: Mapping[str, str], region_names: Mapping[str, str], choose: str, lang: str
) -> None:
    """Draw where it happened, above the form: choosing the regency narrows the kecamatan/desa list at once.

    Widgets inside a form only send their values on submit, so the list could not follow the
    regency there.
    """
    left, middle = st.columns([1, 2])
    region = left.selectbox(
        required(t("posko.field.region_code", lang)),
        region_options(),
        format_func=region_names.get,
        index=None,
        placeholder=choose,
        key=key("region"),
        on_change=_forget_subregion,
    )
    if not subregions:
        middle.caption(t("poskopage.form.no_boundaries", lang))
        return
    offered = within_regency(subregions, region)
    if st.session_state.get(key("subregion")) not in offered:
        st.session_state.pop(key("subregion"), None)
    middle.selectbox(
        t("posko.field.subregion_code", lang),
        list(offered),
        format_func=offered.get,
        index=None,
        placeholder=t("poskopage.form.subregion_none", lang),
        key=key("subregion"),
    )


def _draw_grading(levels: list[str], people: Mapping[str, str], choose: str, lang: str) -> None:
    """Draw the form's middle: what happened, how severe, how reliable, who follows it up."""
    left, middle, right = st.columns(3)
    left.selectbox(
        required(t("posko.field.category", lang)),
        list(CATEGORIES),
        format_func=lambda c: t(f"category.{c}", lang),
        index=None,
        placeholder=choose,
        key="posko_category",
    )
    middle.radio(
        required(t("posko.field.severity", lang)),
        [1, 2, 3, 4, 5],
        index=None,
        horizontal=True,
        key="posko_severity",
    )
    right.selectbox(required(t("posko.field.classification", lang)), levels, key="posko_classification")
    st.text_input(required(t("posko.field.title", lang)), max_chars=posko.TITLE_MAX, key="posko_title")
    st.text_area(
        required(t("posko.field.description", lang)),
        max_chars=posko.DESCRIPTION_MAX,
        height=100,
        key="posko_description",
    )
    left, middle, right = st.columns(3)
    left.selectbox(
        required(t("posko.field.reliability", lang)),
        list(posko.RELIABILITIES),
        format_func=lambda r: t(f"posko.reliability.{r}", lang),
        index=None,
        placeholder=choose,
        key="posko_reliability",
    )
    middle.selectbox(
        required(t("posko.field.credibility", lang)),
        list(posko.CREDIBILITIES),
        format_func=lambda c: t(f"posko.credibility.{c}", lang),
        index=None,
        placeholder=choose,
        key="posko_credibility",
    )
    right.multiselect(
        t("posko.field.assigned_to", lang),
        list(people),
        format_func=people.get,
        max_selections=posko.ASSIGNED_MAX,
        placeholder=choose,
        key="posko_assigned",
    )
