"""Local accounts: the rules for a new account (name, role, ceiling, password) and its hashed row.

The rows are kept by :mod:`lib.store.accounts`; nothing here touches a table.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lib.access import rules as access
from lib.access.passwords import hash_password, weakness
from lib.access.rules import Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{2,79}$")
"""Lower-case letters, digits and ``. _ - + @``: an e-mail address works, for OIDC sign-in."""
DISPLAY_NAME_MAX = 80
PASSWORD_MIN = 10
PASSWORD_MAX = 256


SYSTEM = Caller("admin", "RAHASIA", "system", "command line")
"""The caller of ``scripts/create_admin.py``: whoever can run it already holds the database."""


def new_account(
    *,
    username: str,
    display_name: str,
    role: str,
    password: str,
    actor: Caller,
    at: dt.datetime,
    ceiling: str | None = None,
    lang: str = "id",
) -> dict[str, Any]:
    """Check a new account and return its row (password hashed), ready to store.

    Raises
    ------
    DataProblem
        If ``actor`` may not manage users, the username is malformed, the password is too
        short or the ceiling is above what the actor holds.
    ValueError
        If the role is unknown or the ceiling above what the role may ever hold.
    """
    access.require(actor, "user.manage", lang=lang)
    name = (username or "").strip().lower()
    if not USERNAME.match(name):
        raise DataProblem(t("access.user.bad_name", lang, name=username), t("access.user.bad_name_fix", lang))
    shown = (display_name or "").strip()
    if not shown or len(shown) > DISPLAY_NAME_MAX:
        raise DataProblem(
            t("access.user.bad_display", lang, limit=DISPLAY_NAME_MAX), t("access.user.bad_display_fix", lang)
        )
    if role not in access.ACCOUNT_ROLES:
        raise ValueError(f"role must be one of {access.ACCOUNT_ROLES}, got {role!r}.")
    level = ceiling or access.DEFAULT_CEILINGS[role]
    if not access.may_see(access.MAX_CEILINGS[role], level):
        raise ValueError(f"a {role} account cannot have ceiling {level}.")
    if not access.may_see(actor.ceiling, level):
        raise DataProblem(
            t("access.user.ceiling_above", lang, level=level), t("access.user.ceiling_above_fix", lang)
        )
    check_password(password, username=name, lang=lang)
    return {
        "username": name,
        "display_name": shown,
        "role": role,
        "ceiling": level,
        "password_hash": hash_password(password),
        "created_at": at,
        "created_by": actor.who,
    }


def caller_of(row: Any, username: str) -> Caller:
    """Return the caller an account row signs in as."""
    return Caller(row["role"], row["ceiling"], username, row["display_name"])


def check_password(password: str, *, username: str = "", lang: str = "id") -> None:
    """Refuse a password that is too short or long, common, one character, all digits or the username.

    Raises
    ------
    DataProblem
        Saying what is wrong and how to choose a better one.
    """
    if not PASSWORD_MIN <= len(password or "") <= PASSWORD_MAX:
        raise DataProblem(
            t("access.user.weak_password", lang, minimum=PASSWORD_MIN, maximum=PASSWORD_MAX),
            t("access.user.weak_password_fix", lang, minimum=PASSWORD_MIN),
        )
    reason = weakness(password, username=username)
    if reason is not None:
        raise DataProblem(
            t("access.user.guessable_password", lang, reason=t(f"access.user.weak.{reason}", lang)),
            t("access.user.weak_password_fix", lang, minimum=PASSWORD_MIN),
        )
