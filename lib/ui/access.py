"""The Streamlit side of access: who this session is (share link, OIDC or local account), in the sidebar.

All rules live in ``lib/access.py``; this module only reads secrets, the URL and widgets,
and keeps the session's caller in ``st.session_state``.
"""

from __future__ import annotations

import os

import streamlit as st
from sqlalchemy.engine import Engine

from lib import access, store
from lib.access import PUBLIC, Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.settings import load_settings
from lib.ui.problems import show_problem

_CALLER = "_caller"
_LINK_NOTICE = "_access_notice"
_LINK_TOKEN = "_share_token"
SECRET_ENV = "SINERGI_SECRET_KEY"


def _secrets() -> dict:
    """Return ``st.secrets`` as a dict, or an empty one when there is no secrets file."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # StreamlitSecretNotFoundError: no .streamlit/secrets.toml
        return {}


def secret_key() -> str | None:
    """Return the signing key: ``SINERGI_SECRET_KEY`` or ``secret_key`` in ``.streamlit/secrets.toml``."""
    value = os.environ.get(SECRET_ENV) or _secrets().get("secret_key")
    return str(value) if value else None


def oidc_configured() -> bool:
    """Return True when ``.streamlit/secrets.toml`` has an ``[auth]`` section for ``st.login``."""
    return bool(_secrets().get("auth"))


def share_token() -> str | None:
    """Return the share token this session was opened with (to keep it in the URL), if any."""
    return st.session_state.get(_LINK_TOKEN)


def current_caller(engine: Engine, lang: str = "id") -> Caller:
    """Return who this session is: decided once per session, checked against the store on every run.

    Order: a share token in the URL (a partner, read-only), then an OIDC identity mapped to
    an account, then a local sign-in kept in the session; otherwise the public. A bad token
    leaves the session public and shows why once (see :func:`show_access_notice`).
    """
    caller = st.session_state.get(_CALLER)
    if caller is not None:
        try:  # revoked links, disabled accounts and lowered roles bite on the next rerun
            current = store.recheck_caller(engine, caller, lang=lang)
        except DataProblem as problem:
            st.session_state[_LINK_NOTICE] = f"{problem.what} {problem.fix}"
            st.session_state.pop(_LINK_TOKEN, None)
            current = PUBLIC
        st.session_state[_CALLER] = current
        return current
    caller = PUBLIC
    token = st.query_params.get(access.SHARE_PARAM)
    if token:
        st.session_state[_LINK_TOKEN] = token
        try:
            caller = store.open_link(engine, token, secret=secret_key(), client=client_address(), lang=lang)
        except DataProblem as problem:
            st.session_state[_LINK_NOTICE] = f"{problem.what} {problem.fix}"
            caller = PUBLIC
    elif oidc_configured() and getattr(st.user, "is_logged_in", False):
        try:
            caller = store.caller_for_identity(engine, str(st.user.get("email") or ""), lang=lang)
        except DataProblem as problem:
            st.session_state[_LINK_NOTICE] = f"{problem.what} {problem.fix}"
            caller = PUBLIC
    st.session_state[_CALLER] = caller
    return caller


def client_address() -> str:
    """Return the visitor's address as Streamlit reports it ("" when it does not know)."""
    return str(getattr(st.context, "ip_address", None) or "")


def throttle_policy() -> access.ThrottlePolicy:
    """Return how sign-in failures are throttled in this deployment (its settings)."""
    settings = load_settings()
    return access.ThrottlePolicy(
        max_failures=settings.login_max_failures, lock_minutes=settings.login_lock_minutes
    )


def show_access_notice() -> None:
    """Show, once, why a share link or a sign-in did not grant access."""
    notice = st.session_state.pop(_LINK_NOTICE, None)
    if notice:
        st.warning(notice, icon=":material/lock:")


def sign_out() -> None:
    """Forget this session's caller (and leave OIDC) and rerun as the public."""
    st.session_state.pop(_CALLER, None)
    st.session_state.pop(_LINK_TOKEN, None)
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()
    st.rerun()


def access_sidebar(engine: Engine, lang: str = "id") -> Caller:
    """Draw the sign-in box in the sidebar and return this session's caller."""
    caller = current_caller(engine, lang)
    with st.sidebar:
        if caller.role == "partner":
            st.caption(t("access.login.partner", lang, label=caller.label, ceiling=caller.ceiling))
        elif caller.role != "public":
            st.caption(
                t(
                    "access.login.signed_in",
                    lang,
                    name=caller.label or caller.user_id,
                    role=t(f"access.role.{caller.role}", lang),
                    ceiling=caller.ceiling,
                )
            )
            if st.button(t("access.login.logout", lang), key="logout"):
                sign_out()
        else:
            _sign_in_box(engine, lang)
    return caller


def _sign_in_box(engine: Engine, lang: str) -> None:
    with st.expander(t("access.login.title", lang)):
        if oidc_configured() and st.button(t("access.login.oidc", lang), key="login_oidc"):
            st.login()
        with st.form("login_form", clear_on_submit=True):
            username = st.text_input(t("access.login.username", lang), key="login_username")
            password = st.text_input(t("access.login.password", lang), type="password", key="login_password")
            submitted = st.form_submit_button(t("access.login.submit", lang))
        if submitted:
            try:
                signed_in = store.authenticate(
                    engine, username, password, client=client_address(), policy=throttle_policy(), lang=lang
                )
            except DataProblem as problem:
                show_problem(problem)
                return
            st.session_state[_CALLER] = signed_in
            st.rerun()
        st.caption(t("access.login.public", lang))
