"""The Streamlit side of access: who this session is (share link, OIDC or local account), in the sidebar.

All rules live in ``lib/access``; this module only reads secrets, the URL, the session cookie
and widgets, and keeps the session's caller in ``st.session_state``.

A sign-in lasts beyond its tab through a cookie (:data:`~lib.access.sessions.COOKIE_NAME`): a
signed random id whose hash names a row of the store's ``sessions`` table. Streamlit reads
cookies (``st.context.cookies``, those sent when the tab connected) but cannot set them, so the
cookie is written by a small script drawn with ``st.html(..., unsafe_allow_javascript=True)``,
which runs in the page itself (same origin), in a hidden container of the sidebar. A new tab or
a reload reads it on its first run; every run then checks the row, so a sign-out in one tab, an
admin's revocation or idle expiry turns every tab public at its next rerun.
"""

from __future__ import annotations

import os

import streamlit as st
from sqlalchemy.engine import Engine

from lib import access, store
from lib.access import PUBLIC, Caller
from lib.access.sessions import (
    COOKIE_NAME,
    SessionPolicy,
    clear_cookie_script,
    read_session_cookie,
    set_cookie_script,
    sign_session,
)
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.settings import load_settings
from lib.store.sessions import SessionEnded, end_session, resume_session, start_session
from lib.ui.problems import show_problem

_CALLER = "_caller"
_LINK_NOTICE = "_access_notice"
_LINK_TOKEN = "_share_token"
_SESSION = "_session_id"
"""This tab's session id (as the cookie carries it), when its sign-in lasts beyond the tab."""
_COOKIE_READ = "_session_cookie_read"
_COOKIE_SCRIPT = "_session_cookie_script"
_TAB_ONLY = "_session_tab_only"
COOKIE_BOX = "session_cookie"
"""Key of the hidden sidebar container that holds the cookie script."""
CLEAR_RUNS = 3
"""Runs a cookie-clearing script stays drawn (a run cut short by a rerun may not show it)."""
_HIDE_BOX = f"<style>[data-testid=stLayoutWrapper]:has(> .st-key-{COOKIE_BOX}){{display:none}}</style>"
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
    """Return who this session is: decided on its first run, checked against the store on every run.

    Order: a share token in the URL (a partner, read-only), then the session cookie of an earlier
    sign-in, then an OIDC identity mapped to an account, then a local sign-in kept in the session;
    otherwise the public. A bad token or an ended session leaves the tab public and says why once
    (see :func:`show_access_notice`).
    """
    caller = st.session_state.get(_CALLER)
    if caller is not None:
        current = _recheck(engine, caller, lang)
        st.session_state[_CALLER] = current
        return current
    caller = PUBLIC
    token = st.query_params.get(access.SHARE_PARAM)
    first_run = not st.session_state.get(_COOKIE_READ)
    st.session_state[_COOKIE_READ] = True  # the cookies Streamlit has are those of the tab's start
    if token:
        st.session_state[_LINK_TOKEN] = token
        try:
            caller = store.open_link(engine, token, secret=secret_key(), client=client_address(), lang=lang)
        except DataProblem as problem:
            _notice(problem)
            caller = PUBLIC
    elif first_run and (cookie := _session_cookie()):
        caller = _from_cookie(engine, cookie, lang)
    elif oidc_configured() and getattr(st.user, "is_logged_in", False):
        try:
            caller = store.caller_for_identity(engine, str(st.user.get("email") or ""), lang=lang)
        except DataProblem as problem:
            _notice(problem)
            caller = PUBLIC
        else:
            _begin_session(engine, caller, kind="oidc")
    st.session_state[_CALLER] = caller
    return caller


def _session_cookie() -> str | None:
    """Return the session cookie the browser sent when this tab connected, if any."""
    value = dict(st.context.cookies).get(COOKIE_NAME)
    return value if isinstance(value, str) and value else None


def _notice(problem: DataProblem) -> None:
    st.session_state[_LINK_NOTICE] = f"{problem.what} {problem.fix}"


def _recheck(engine: Engine, caller: Caller, lang: str) -> Caller:
    """Return ``caller`` as the store has it now: ended sessions, revoked links, disabled accounts bite."""
    session_id = st.session_state.get(_SESSION)
    try:
        if session_id:
            return resume_session(engine, session_id, policy=session_policy(), lang=lang)
        return store.recheck_caller(engine, caller, lang=lang)
    except DataProblem as problem:
        _notice(problem)
        st.session_state.pop(_LINK_TOKEN, None)
        if session_id:
            _forget_session()
        return PUBLIC


def _from_cookie(engine: Engine, value: str, lang: str) -> Caller:
    """Return the account the session cookie names, or the public (forgetting the cookie) when it cannot."""
    session_id = read_session_cookie(value, secret=secret_key())
    if session_id is None:  # forged, or signed with a key since changed: nothing to tell the user
        _forget_session()
        return PUBLIC
    try:
        caller = resume_session(engine, session_id, policy=session_policy(), lang=lang)
    except SessionEnded as ended:
        if ended.reason != "signout":  # a fresh page needs no word about one's own sign-out
            _notice(ended)
        _forget_session()
        return PUBLIC
    st.session_state[_SESSION] = session_id
    return caller


def session_policy() -> SessionPolicy:
    """Return how long sign-ins last in this deployment (its settings)."""
    return SessionPolicy(idle_hours=load_settings().session_idle_hours)


def _begin_session(engine: Engine, caller: Caller, *, kind: str) -> None:
    """Make ``caller``'s sign-in last beyond this tab: a stored session and the cookie naming it.

    Without a strong secret key no cookie can be signed: the sign-in then holds in this tab only,
    and the sidebar says so.
    """
    secret = secret_key()
    if not access.secret_is_strong(secret):
        st.session_state[_TAB_ONLY] = True
        return
    agent = st.context.headers.get("User-Agent")
    agent = agent if isinstance(agent, str) else ""
    session_id = start_session(engine, caller, kind=kind, client=client_address(), user_agent=agent)
    st.session_state[_SESSION] = session_id
    value = sign_session(session_id, secret=str(secret))
    st.session_state[_COOKIE_SCRIPT] = (
        set_cookie_script(value, max_age_seconds=session_policy().cookie_seconds),
        None,
    )


def _forget_session() -> None:
    """Drop this tab's session and have the browser delete the cookie."""
    st.session_state.pop(_SESSION, None)
    st.session_state[_COOKIE_SCRIPT] = (clear_cookie_script(), CLEAR_RUNS)


def _draw_cookie_script() -> None:
    """Draw the script that sets or clears the cookie, hidden; a set script stays while signed in.

    The script runs when its element first appears and not again on reruns that draw it
    unchanged; a clearing script is drawn for :data:`CLEAR_RUNS` runs only, so that it cannot
    delete a cookie set later by another tab.
    """
    held = st.session_state.get(_COOKIE_SCRIPT)
    if not held:
        return
    script, runs = held
    if runs is not None:
        st.session_state[_COOKIE_SCRIPT] = (script, runs - 1) if runs > 1 else None
    st.html(_HIDE_BOX)
    with st.container(key=COOKIE_BOX):
        st.html(script, unsafe_allow_javascript=True)


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


def sign_out(engine: Engine) -> None:
    """End this tab's sign-in everywhere (the stored session, the cookie, OIDC) and rerun as the public."""
    session_id = st.session_state.get(_SESSION)
    if session_id:
        end_session(engine, session_id)
        _forget_session()
    st.session_state.pop(_CALLER, None)
    st.session_state.pop(_LINK_TOKEN, None)
    st.session_state.pop(_TAB_ONLY, None)
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
            if st.session_state.get(_TAB_ONLY):
                st.caption(t("session.tab_only", lang))
            if st.button(t("access.login.logout", lang), key="logout"):
                sign_out(engine)
        else:
            _sign_in_box(engine, lang)
        _draw_cookie_script()
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
            _begin_session(engine, signed_in, kind="local")
            st.rerun()
        st.caption(t("access.login.public", lang))
