"""Accounts in the store: create, sign in, list and disable local accounts; map an OIDC identity.

The rules (who may manage accounts, which ceilings a role may hold, how passwords are hashed)
are :mod:`lib.access`'s; this module only keeps the rows.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib import access
from lib.access import Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.store.engine import _now
from lib.store.schema import users


def create_user(
    engine: Engine,
    *,
    username: str,
    display_name: str,
    role: str,
    password: str,
    actor: Caller,
    ceiling: str | None = None,
    lang: str = "id",
) -> str:
    """Create a local account and return its (lower-cased) username.

    Raises
    ------
    DataProblem
        If ``actor`` may not manage users, the username is taken or malformed, the password
        is too short or the ceiling is above what the role may hold.
    """
    row = access.new_account(
        username=username,
        display_name=display_name,
        role=role,
        password=password,
        actor=actor,
        at=_now(),
        ceiling=ceiling,
        lang=lang,
    )
    name = row["username"]
    try:
        with engine.begin() as conn:
            conn.execute(users.insert().values(**row))
    except sa.exc.IntegrityError as error:
        raise DataProblem(
            t("access.user.taken", lang, name=name), t("access.user.taken_fix", lang)
        ) from error
    return name


def authenticate(engine: Engine, username: str, password: str, *, lang: str = "id") -> Caller:
    """Return the caller for a correct username and password.

    Raises
    ------
    DataProblem
        With the same sentence whether the user is unknown or the password wrong, so the
        message does not reveal which accounts exist; a disabled account is said so.
    """
    name = (username or "").strip().lower()
    with engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
    stored = row["password_hash"] if row else None
    if not access.verify_password(stored, password or "") or row is None:
        raise DataProblem(t("access.login.failed", lang), t("access.login.failed_fix", lang))
    if row["disabled_at"] is not None:
        raise DataProblem(t("access.login.disabled", lang, name=name), t("access.login.disabled_fix", lang))
    changes: dict[str, Any] = {"last_login_at": _now()}
    if access.needs_rehash(row["password_hash"]):
        changes["password_hash"] = access.hash_password(password)
    with engine.begin() as conn:
        conn.execute(users.update().where(users.c.username == name).values(**changes))
    return access.caller_of(row, name)


def has_admin(engine: Engine) -> bool:
    """Return True when at least one enabled admin account exists."""
    query = sa.select(users.c.username).where(users.c.role == "admin", users.c.disabled_at.is_(None)).limit(1)
    with engine.connect() as conn:
        return conn.execute(query).first() is not None


def list_users(engine: Engine, *, actor: Caller, lang: str = "id") -> pd.DataFrame:
    """Return the accounts (never their hashes), for an admin."""
    access.require(actor, "user.manage", lang=lang)
    columns = [c for c in users.c if c.name != "password_hash"]
    with engine.connect() as conn:
        result = conn.execute(sa.select(*columns).order_by(users.c.username))
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def disable_user(engine: Engine, username: str, *, actor: Caller, lang: str = "id") -> bool:
    """Disable an account (it can no longer sign in); return False when it was already disabled."""
    access.require(actor, "user.manage", lang=lang)
    with engine.begin() as conn:
        done = conn.execute(
            users.update()
            .where(users.c.username == username, users.c.disabled_at.is_(None))
            .values(disabled_at=_now())
        )
    return done.rowcount == 1


def caller_for_identity(engine: Engine, email: str, *, lang: str = "id") -> Caller:
    """Return the caller of someone signed in through OIDC: the account named by their e-mail.

    An identity provider says who someone is, not what they may see: the role and ceiling
    come from the account an admin created with that e-mail address as username.

    Raises
    ------
    DataProblem
        If no enabled account has that username.
    """
    name = (email or "").strip().lower()
    with engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
    if row is None or row["disabled_at"] is not None:
        raise DataProblem(
            t("access.login.oidc_unmapped", lang, email=name or "?"),
            t("access.login.oidc_unmapped_fix", lang),
        )
    with engine.begin() as conn:
        conn.execute(users.update().where(users.c.username == name).values(last_login_at=_now()))
    return access.caller_of(row, name)
