"""Accounts in the store: create, sign in, list and disable local accounts; map an OIDC identity.

The rules (who may manage accounts, which ceilings a role may hold, how passwords are hashed)
are :mod:`lib.access`'s; this module only keeps the rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib import access
from lib.access import Caller, ThrottlePolicy
from lib.core import clock
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.store.audit import record
from lib.store.engine import _now
from lib.store.schema import sign_in_failures, users

DEFAULT_POLICY = ThrottlePolicy()


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


def authenticate(
    engine: Engine,
    username: str,
    password: str,
    *,
    client: str = "",
    policy: ThrottlePolicy = DEFAULT_POLICY,
    now: dt.datetime | None = None,
    lang: str = "id",
) -> Caller:
    """Return the caller for a correct username and password, slowing down and locking out guessers.

    Every failure grows the wait before the next attempt, per account and per ``client`` (the
    address Streamlit reports); :attr:`~lib.access.ThrottlePolicy.max_failures` in a row lock
    both for a while, even for the right password, until the lock expires or an admin unlocks
    the account. Every failure, lock and sign-in is an audit row.

    Raises
    ------
    DataProblem
        With the same sentence whether the user is unknown or the password wrong, so the
        message does not reveal which accounts exist; a disabled account is said so; a
        throttled attempt says until when to wait.
    """
    name = (username or "").strip().lower()
    at = clock.utc(now) if now else _now()
    keys = [f"account:{name}"] + ([f"client:{client}"] if client else [])
    with engine.begin() as conn:
        wait = _blocked_until(conn, keys, policy, at)
        if wait is not None:
            record(conn, who=name, action="login.throttled", client=client, at=at)
    if wait is not None:
        until = clock.local_time(wait).strftime("%d/%m/%Y %H:%M:%S")
        raise DataProblem(
            t("access.login.throttled", lang, until=until), t("access.login.throttled_fix", lang)
        )
    with engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
    stored = row["password_hash"] if row else None
    if not access.verify_password(stored, password or "") or row is None:
        with engine.begin() as conn:
            _count_failure(conn, keys, policy, at, name=name, client=client)
        raise DataProblem(t("access.login.failed", lang), t("access.login.failed_fix", lang))
    if row["disabled_at"] is not None:
        raise DataProblem(t("access.login.disabled", lang, name=name), t("access.login.disabled_fix", lang))
    changes: dict[str, Any] = {"last_login_at": at}
    if access.needs_rehash(row["password_hash"]):
        changes["password_hash"] = access.hash_password(password)
    with engine.begin() as conn:
        conn.execute(users.update().where(users.c.username == name).values(**changes))
        conn.execute(sign_in_failures.delete().where(sign_in_failures.c.key.in_(keys)))
        record(conn, who=name, action="login.ok", client=client, at=at)
    return access.caller_of(row, name)


def _blocked_until(
    conn: Connection, keys: list[str], policy: ThrottlePolicy, at: dt.datetime
) -> dt.datetime | None:
    """Return the latest moment any of ``keys`` must wait until, if it is still ahead."""
    rows = conn.execute(sa.select(sign_in_failures).where(sign_in_failures.c.key.in_(keys))).mappings()
    waits = [
        access.blocked_until(
            int(r["failures"]),
            clock.utc(r["last_at"]),
            clock.utc(r["locked_until"]) if r["locked_until"] is not None else None,
            policy,
        )
        for r in rows
    ]
    ahead = [w for w in waits if w is not None and w > at]
    return max(ahead) if ahead else None


def _count_failure(
    conn: Connection, keys: list[str], policy: ThrottlePolicy, at: dt.datetime, *, name: str, client: str
) -> None:
    """Count one more failure for every key (locking those that reach the limit) and audit it."""
    found = {
        r["key"]: r
        for r in conn.execute(sa.select(sign_in_failures).where(sign_in_failures.c.key.in_(keys))).mappings()
    }
    record(conn, who=name, action="login.failed", client=client, at=at)
    for key in keys:
        old = found.get(key)
        lock_expired = (
            old is not None and old["locked_until"] is not None and clock.utc(old["locked_until"]) <= at
        )
        failures = 0 if old is None or lock_expired else int(old["failures"])
        count, locked = access.after_failure(failures, at, policy)
        values = {"failures": count, "last_at": at, "locked_until": locked}
        if old is None:
            conn.execute(sign_in_failures.insert().values(key=key, **values))
        else:
            conn.execute(sign_in_failures.update().where(sign_in_failures.c.key == key).values(**values))
        if locked is not None:
            record(conn, who=name, action="login.locked", target=key, client=client, at=at)


def locked_accounts(
    engine: Engine, *, actor: Caller, now: dt.datetime | None = None, lang: str = "id"
) -> pd.DataFrame:
    """Return the accounts and clients locked now (key, failures, locked_until in WITA), for an admin."""
    access.require(actor, "user.manage", lang=lang)
    at = clock.utc(now) if now else _now()
    query = (
        sa.select(sign_in_failures)
        .where(sign_in_failures.c.locked_until > at)
        .order_by(sign_in_failures.c.key)
    )
    with engine.connect() as conn:
        result = conn.execute(query)
        frame = pd.DataFrame([tuple(r) for r in result], columns=list(result.keys()))
    for column in ("last_at", "locked_until"):
        frame[column] = pd.to_datetime(frame[column], utc=True).dt.tz_convert(clock.LOCAL_TZ)
    return frame


def unlock(engine: Engine, key: str, *, actor: Caller, lang: str = "id") -> bool:
    """Lift the lock of an account (``account:<name>``) or client; return False when none was held."""
    access.require(actor, "user.manage", lang=lang)
    with engine.begin() as conn:
        done = conn.execute(sign_in_failures.delete().where(sign_in_failures.c.key == key))
        if done.rowcount:
            record(conn, who=actor.who, action="account.unlocked", target=key)
    return done.rowcount == 1


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
