"""The Streamlit side of the Data page: a pending upload per kind, checked once, saved on confirm."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from lib import intake
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.settings import Settings
from lib.ui import cached, problems

T = TypeVar("T")
_PENDING = "_data_pending_{}"
_OUTCOME = "_data_outcome_{}"


show_problem = problems.show_problem


def checked_upload(
    slot: str, uploaded: object | None, build: Callable[[bytes, str], T], *, salt: tuple[object, ...] = ()
) -> T | None:
    """Return the checked form of the file in an uploader, checking it only when it (or ``salt``) changes.

    ``build(data, filename)`` reads and checks the file (it must not write anything); its
    result, or the DataProblem it raised, is kept in the session under ``slot`` together
    with the file's digest and ``salt`` (language, data revision...). Returns None when the
    uploader is empty.

    Raises
    ------
    DataProblem
        The problem ``build`` found in this file (raised again on every rerun, cheaply).
    """
    key = _PENDING.format(slot)
    if uploaded is None:
        st.session_state.pop(key, None)
        return None
    data = uploaded.getvalue()  # type: ignore[attr-defined]
    stamp = (intake.file_digest(data), salt)
    held = st.session_state.get(key)
    if held is not None and held[0] == stamp:
        value = held[1]
    else:
        try:
            value = build(data, str(uploaded.name))  # type: ignore[attr-defined]
        except DataProblem as problem:
            value = problem
        st.session_state[key] = (stamp, value)
    if isinstance(value, DataProblem):
        raise value
    return value


def remember_outcome(slot: str, digest: str, outcome: str | DataProblem) -> None:
    """Keep what a save of the file with ``digest`` did (a text, or the problem that stopped it)."""
    st.session_state[_OUTCOME.format(slot)] = (digest, outcome)


def show_outcome(slot: str, digest: str) -> None:
    """Show what the last save of this very file did, if it was saved in this session."""
    held = st.session_state.get(_OUTCOME.format(slot))
    if held is None or held[0] != digest:
        return
    if isinstance(held[1], DataProblem):
        show_problem(held[1])
    else:
        st.success(held[1], icon=":material/check_circle:")


def _confirm(slot: str, digest: str, save: Callable[[], str]) -> None:
    """Run a save (as a button callback, before the page runs again) and keep what it did."""
    try:
        remember_outcome(slot, digest, save())
    except DataProblem as problem:
        remember_outcome(slot, digest, problem)


def confirm_button(
    slot: str,
    label: str,
    *,
    digest: str,
    save: Callable[[], str],
    allowed: bool,
    lang: str,
    disabled: bool = False,
) -> None:
    """Draw the save button of a checked upload, then what the last save of this file did.

    ``save`` stores the upload and returns the sentence saying what it did; it runs as the
    button's callback, so the page that follows already reads the new data. Callers who may
    not import see the button greyed out with the reason.
    """
    if not allowed:
        st.info(t("datapage.must_sign_in", lang), icon=":material/lock:")
    st.button(
        label,
        key=f"data_confirm_{slot}",
        type="primary",
        disabled=disabled or not allowed,
        icon=":material/save:",
        on_click=_confirm,
        args=(slot, digest, save),
    )
    show_outcome(slot, digest)


@st.cache_data(show_spinner=False, max_entries=16)
def template_bytes(settings: Settings, kind: str, lang: str) -> bytes:
    """Return the .xlsx template of ``kind`` in ``lang`` (built once per process)."""
    bundle = cached.context(settings).bundle
    return intake.template_workbook(kind, lang, definitions=bundle.indicators, regions=bundle.regions)
