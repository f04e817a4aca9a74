"""Glue of the Akun page: the admin's tables of accounts, locks and the audit trail, in the user's words."""

from __future__ import annotations

import pandas as pd

from lib import store
from lib.access import Caller
from lib.core.i18n import t
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


def audit_display(scope: Scope, caller: Caller, lang: str) -> pd.DataFrame:
    """Return the audit trail, newest first, with actions in ``lang`` and times as WITA text."""
    frame = store.read_audit(scope.ctx.engine, actor=caller, lang=lang)
    frame = frame.assign(
        at=frame["at"].dt.strftime("%d/%m/%Y %H:%M:%S"),
        action=[t(f"audit.action.{a}", lang) for a in frame["action"]],
    )
    return _headed(frame, AUDIT_COLUMNS, lang)
