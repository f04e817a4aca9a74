"""Glue of the Akun page: the admin's tables of accounts, sessions, locks and audit, in the user's words."""

from __future__ import annotations

import pandas as pd

from lib import store
from lib.access import Caller
from lib.core.i18n import t
from lib.store.sessions import SESSION_COLUMNS, list_sessions
from lib.store.sessions import revoke_session as _revoke
from lib.ui.access import session_policy
from lib.ui.cached import Scope

USER_COLUMNS = ("username", "display_name", "role", "ceiling", "disabled_at", "last_login_at")
LOCK_COLUMNS = ("key", "failures", "locked_until")
AUDIT_COLUMNS = ("at", "who", "action", "target", "client", "detail")


def _headed(frame: pd.DataFrame, columns: tuple[str, ...], lang: str) -> pd.DataFrame:
    """Return ``columns`` of ``frame`` with headers in ``lang``."""
    return frame[list(columns)].rename(columns={c: t(f"accountspage.col.{c}", lang) for c in columns})


def users_display(scope: Scope, caller: Caller, lang: str) -> pd.DataFrame:
    """Return the accounts (never their hashes) as shown to an admin."""
    frame = store.list_users(scope.ctx.engine, actor=caller, lang=lang)
    frame = frame.assign(role=[t(f"access.role.{r}", lang) for r in frame["role"]])
    return _headed(frame, USER_COLUMNS, lang)


def locks(scope: Scope, caller: Caller, lang: str) -> pd.DataFrame:
    """Return what is locked now (key, failures, until when), as the store has it."""
    return store.locked_accounts(scope.ctx.engine, actor=caller, lang=lang)


def locks_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the locks with headers in ``lang`` and times as WITA text."""
    shown = frame.assign(locked_until=frame["locked_until"].dt.strftime("%d/%m/%Y %H:%M"))
    return _headed(shown, LOCK_COLUMNS, lang)


def sessions(scope: Scope, caller: Caller, lang: str) -> pd.DataFrame:
    """Return the running sign-in sessions (with ``id_hash``, to revoke one), as the store has them."""
    return list_sessions(scope.ctx.engine, actor=caller, policy=session_policy(), lang=lang)


def sessions_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the sessions with headers in ``lang``, times as WITA text and how each signed in."""
    shown = frame.assign(
        kind=[t(f"session.kind.{k}", lang) for k in frame["kind"]],
        **{c: frame[c].dt.strftime("%d/%m/%Y %H:%M") for c in ("created_at", "last_seen_at", "ends_at")},
    )
    return _headed(shown, SESSION_COLUMNS, lang)


def revoke_session(scope: Scope, caller: Caller, id_hash: str, lang: str) -> bool:
    """End a running session for an admin (its tabs turn public at their next rerun)."""
    return _revoke(scope.ctx.engine, id_hash, actor=caller, lang=lang)


def audit_display(scope: Scope, caller: Caller, lang: str) -> pd.DataFrame:
    """Return the audit trail, newest first, with actions in ``lang`` and times as WITA text."""
    frame = store.read_audit(scope.ctx.engine, actor=caller, lang=lang)
    frame = frame.assign(
        at=frame["at"].dt.strftime("%d/%m/%Y %H:%M:%S"),
        action=[t(f"audit.action.{a}", lang) for a in frame["action"]],
    )
    return _headed(frame, AUDIT_COLUMNS, lang)
