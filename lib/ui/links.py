"""The Streamlit side of the share-link page.

The rules (who may share, how long a link lives, what it carries) live in ``lib/access``;
the rows in ``lib/store``. This module keeps what a session needs between reruns: the
address of the link just created (shown after the rerun) and a message after a revoke.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from lib import access, store
from lib.access import Caller
from lib.core import clock
from lib.core.clock import LOCAL_TZ
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.text import escape
from lib.ui.problems import show_problem

FORM = "posko_share_form"
"""The create form's id (tests submit it by this id)."""
_CREATED = "links_created"
_FLASH = "links_flash"
_STAMP = "%d/%m/%Y %H:%M"
PAGES: tuple[tuple[str, str], ...] = (
    ("peta", "nav.peta"),
    ("riwayat_konflik", "nav.riwayat"),
    ("ringkasan", "nav.ringkasan"),
    ("pemangku_kepentingan", "nav.pemangku"),
    ("skenario", "nav.skenario"),
)
"""Pages a link may open (url path, title key)."""


def now_local() -> dt.datetime:
    """Return the present moment in Bali time (WITA), to the minute, without tzinfo (for widgets)."""
    return clock.now().astimezone(LOCAL_TZ).replace(second=0, microsecond=0, tzinfo=None)


def app_base_url() -> str:
    """Return the address the app is served at (scheme, host and port), or "" when unknown."""
    try:
        url = st.context.url or ""
    except (AttributeError, RuntimeError):
        url = ""
    match = re.match(r"^(https?://[^/?#]+)", url)
    return match.group(1) if match else ""


def shared_view(params: Mapping[str, str], lang: str) -> str:
    """Return the view a new link carries, as one caption ("r=51.07, lang=en" or "the default view")."""
    shown = ", ".join(f"{k}={v}" for k, v in params.items()) or t("poskopage.links.view_default", lang)
    return t("poskopage.links.view", lang, view=shown)


def warn_without_secret(secret: str | None, lang: str) -> bool:
    """Say how to set a signing key when there is no strong one; return True when there is one."""
    if access.secret_is_strong(secret):
        return True
    head = t("access.share.no_secret", lang, minimum=access.SECRET_MIN, distinct=access.SECRET_DISTINCT_MIN)
    # both texts are the app's own (no user input): shown as written, so the file name reads plainly
    st.warning(f"**{head}**\n\n{t('access.share.no_secret_fix', lang)}", icon=":material/key_off:")
    return False


def stage_spans(stages: pd.DataFrame, election: str, lang: str) -> list[tuple[str, dt.date, dt.date]]:
    """Return the stages of ``election`` (the ``election_stages`` table) as (name, start, end)."""
    mine = stages[stages["election_id"] == election]
    names = mine["name_en" if lang == "en" else "name_id"]
    return list(zip(names, mine["start"], mine["end"], strict=True))


def expiry_picker(lang: str, stages: Iterable[tuple[str, dt.date, dt.date]] = (), *, key: str) -> dt.date:
    """Draw the choice of how long a link lives (inside a form) and return the last day it works.

    Presets: end of this week, of this month, of the election stage under way (``stages`` as
    (stage name, start, end)), or the date picked below them; each until 23:59:59 WITA.
    """
    today = now_local().date()
    presets = access.expiry_presets(today, stages)
    choices = [p for p in access.EXPIRY_PRESETS if p in presets or p == "date"]

    def label(preset: str) -> str:
        if preset == "date":
            return t("links.expiry.date", lang)
        day, stage = presets[preset]
        return t(f"links.expiry.{preset}", lang, day=day.strftime("%d/%m/%Y"), stage=stage)

    preset = st.radio(t("poskopage.links.expiry", lang), choices, format_func=label, key=f"{key}_preset")
    picked = st.date_input(
        t("links.expiry.pick", lang),
        value=presets["month"][0],
        min_value=today,
        max_value=today + dt.timedelta(days=access.LINK_MAX_DAYS - 1),
        format="DD/MM/YYYY",
        key=f"{key}_date",
    )
    return picked if preset == "date" or preset not in presets else presets[preset][0]


def create_form(
    engine: Engine,
    caller: Caller,
    secret: str,
    params: Mapping[str, str],
    lang: str,
    stages: Iterable[tuple[str, dt.date, dt.date]] = (),
) -> None:
    """Draw the form that makes a link for the current view, make it on submit and show its address."""
    pages = {path: t(key, lang) for path, key in PAGES}
    with st.form(FORM, clear_on_submit=False, enter_to_submit=False):
        left, right = st.columns(2)
        with left:
            label, ceiling = label_and_ceiling(caller, lang, key="share")
        target = right.selectbox(
            t("poskopage.links.page", lang), list(pages), format_func=pages.get, key="share_page"
        )
        with right:
            expires = expiry_picker(lang, stages, key="share_expiry")
        create = st.form_submit_button(
            t("poskopage.links.create", lang), type="primary", icon=":material/add_link:"
        )
    if create:
        try:
            link = store.create_link(
                engine,
                secret=secret,
                creator=caller,
                label=label,
                ceiling=ceiling,
                expires=expires,
                view_params=dict(params),
                page=target,
                lang=lang,
            )
        except DataProblem as problem:
            show_problem(problem)
        else:
            url = access.share_url(f"{app_base_url()}/{target}", dict(params), link.token)
            st.session_state[_CREATED] = (url, label, link.expires_at)
    _show_created(lang)


def label_and_ceiling(caller: Caller, lang: str, *, key: str) -> tuple[str, str]:
    """Draw a new link's label and ceiling (keys ``{key}_label``, ``{key}_ceiling``); return both.

    The ceiling offers the caller's own levels, TERBATAS first chosen (a partner's usual level).
    """
    levels = list(access.allowed_levels(caller.ceiling))
    label = st.text_input(
        t("poskopage.links.label", lang),
        max_chars=access.LABEL_MAX,
        help=t("poskopage.links.label_help", lang),
        key=f"{key}_label",
    )
    ceiling = st.selectbox(
        t("poskopage.links.ceiling", lang),
        levels,
        index=levels.index("TERBATAS") if "TERBATAS" in levels else 0,
        key=f"{key}_ceiling",
    )
    return label, ceiling


def show_link(url: str, label: str, until: dt.datetime, lang: str) -> None:
    """Say that the link ``label`` was made and until when (WITA), and show its address to copy."""
    said = t("poskopage.links.created", lang, label=label, until=until.astimezone(LOCAL_TZ).strftime(_STAMP))
    st.success(escape(said), icon=":material/link:")
    st.code(url, language=None, wrap_lines=True)


def _show_created(lang: str) -> None:
    made = st.session_state.get(_CREATED)
    if made:
        show_link(*made, lang)


def revoke_picker(engine: Engine, caller: Caller, choices: Mapping[str, str], lang: str) -> None:
    """Draw the revoke picker and button; revoke the picked link when pressed."""
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    pick = left.selectbox(
        t("poskopage.links.revoke_pick", lang),
        list(choices),
        format_func=choices.get,
        key="share_revoke_pick",
    )
    if not right.button(t("poskopage.links.revoke", lang), key="share_revoke", icon=":material/link_off:"):
        return
    try:
        store.revoke_link(engine, pick, actor=caller, lang=lang)
    except DataProblem as problem:
        show_problem(problem)
        return
    st.session_state[_FLASH] = t("poskopage.links.revoked", lang, label=escape(choices[pick]))
    st.rerun()


def show_flash() -> None:
    """Show the message a revoke left before its rerun."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(message, icon=":material/check_circle:")
