"""Sign-in sessions in the store: start, resume, end, revoke and list them.

The rules (how ids are made, signed and hashed, when a session has expired) are
:mod:`lib.access.sessions`'s; this module only keeps the rows, keyed by the id's hash, and writes
each start and end to the audit trail.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib import access
from lib.access import Caller
from lib.access.sessions import (
    END_REASONS,
    SessionPolicy,
    ends_at,
    has_expired,
    hash_session_id,
    needs_touch,
    new_session_id,
)
from lib.core import clock
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.store.audit import record
from lib.store.schema import sessions, users

DEFAULT_SESSION_POLICY = SessionPolicy()
SESSION_KINDS = ("local", "oidc")
SHORT_ID = 8
"""Characters of the id's hash shown to an admin and in the audit trail, to tell sessions apart."""
SESSION_COLUMNS = (
    "session",
    "username",
    "kind",
    "created_at",
    "last_seen_at",
    "ends_at",
    "client",
    "user_agent",
)


_RESUME = (
    sa.select(sessions, users.c.role, users.c.ceiling, users.c.display_name, users.c.disabled_at)
    .select_from(sessions.outerjoin(users, users.c.username == sessions.c.username))
    .where(sessions.c.id_hash == sa.bindparam("id_hash"))
)
"""The one read of every run of a signed-in tab: the session and its account, built once."""


def _at(now: dt.datetime | None) -> dt.datetime:
    return clock.utc(now) if now else clock.now()


def start_session(
    engine: Engine,
    caller: Caller,
    *,
    kind: str = "local",
    client: str = "",
    user_agent: str = "",
    now: dt.datetime | None = None,
) -> str:
    """Start a session for a signed-in account and return its id (for the cookie, never stored).

    Raises
    ------
    ValueError
        If ``caller`` is not an account (the public and share-link visitors have no session) or
        ``kind`` is unknown.
    """
    if caller.role not in access.ACCOUNT_ROLES or caller.user_id.startswith("link:"):
        raise ValueError(f"only accounts have sessions, got {caller.who!r}.")
    if kind not in SESSION_KINDS:
        raise ValueError(f"kind must be one of {SESSION_KINDS}, got {kind!r}.")
    session_id = new_session_id()
    id_hash = hash_session_id(session_id)
    at = _at(now)
    with engine.begin() as conn:
        conn.execute(
            sessions.insert().values(
                id_hash=id_hash,
                username=caller.user_id,
                kind=kind,
                created_at=at,
                last_seen_at=at,
                client=client[:200] or None,
                user_agent=user_agent[:300] or None,
            )
        )
        record(
            conn,
            who=caller.user_id,
            action="session.started",
            target=f"session:{id_hash[:SHORT_ID]}",
            client=client,
            detail=kind,
            at=at,
        )
    return session_id


def _end(conn: Connection, id_hash: str, *, reason: str, by: str, at: dt.datetime) -> bool:
    """End one session still running (and audit it); return False when it had ended already."""
    row = conn.execute(sa.select(sessions.c.username).where(sessions.c.id_hash == id_hash)).first()
    done = conn.execute(
        sessions.update()
        .where(sessions.c.id_hash == id_hash, sessions.c.revoked_at.is_(None))
        .values(revoked_at=at, revoked_by=by, end_reason=reason)
    )
    if done.rowcount == 1 and row is not None:
        record(
            conn,
            who=by,
            action=f"session.{reason}",
            target=f"{row[0]} session:{id_hash[:SHORT_ID]}",
            at=at,
        )
    return done.rowcount == 1


class SessionEnded(DataProblem):
    """A session that has ended: ``reason`` is one of :data:`~lib.access.sessions.END_REASONS`, or unknown."""

    def __init__(self, reason: str | None, policy: SessionPolicy, lang: str) -> None:
        self.reason = reason if reason in END_REASONS else "unknown"
        super().__init__(
            t(
                f"session.ended.{self.reason}",
                lang,
                hours=f"{policy.idle_hours:g}",
                days=f"{policy.max_days:g}",
            ),
            t("session.sign_in_again", lang),
        )


def resume_session(
    engine: Engine,
    session_id: str,
    *,
    policy: SessionPolicy = DEFAULT_SESSION_POLICY,
    now: dt.datetime | None = None,
    lang: str = "id",
) -> Caller:
    """Return the account a running session belongs to, as the store has it now; note it was seen.

    Called on every run of a tab with a session (one read by primary key, a write at most every
    :attr:`~lib.access.sessions.SessionPolicy.touch_seconds`), so a sign-out in another tab, an
    admin's revocation, a disabled account or a lowered role takes effect on the next rerun.

    Raises
    ------
    DataProblem
        If the session is unknown, ended (signed out, revoked), idle for too long or its account
        was disabled, saying which: the tab then continues as the public with this message.
    """
    id_hash = hash_session_id(session_id)
    at = _at(now)
    with engine.connect() as conn:
        row = conn.execute(_RESUME, {"id_hash": id_hash}).mappings().first()
    if row is None:
        raise SessionEnded(None, policy, lang)
    if row["revoked_at"] is not None:
        raise SessionEnded(row["end_reason"], policy, lang)
    reason = None
    if has_expired(row["created_at"], row["last_seen_at"], at, policy):
        reason = "expired"
    elif row["role"] is None or row["disabled_at"] is not None:
        reason = "disabled"
    if reason is not None:
        with engine.begin() as conn:
            _end(conn, id_hash, reason=reason, by=access.SYSTEM.who, at=at)
        raise SessionEnded(reason, policy, lang)
    if needs_touch(row["last_seen_at"], at, policy):
        with engine.begin() as conn:
            conn.execute(
                sessions.update()
                .where(sessions.c.id_hash == id_hash, sessions.c.revoked_at.is_(None))
                .values(last_seen_at=at)
            )
    return access.caller_of(row, row["username"])


def end_session(engine: Engine, session_id: str, *, now: dt.datetime | None = None) -> bool:
    """End a session at its owner's sign-out, in every tab; return False when it had ended already."""
    id_hash = hash_session_id(session_id)
    with engine.begin() as conn:
        owner = conn.execute(sa.select(sessions.c.username).where(sessions.c.id_hash == id_hash)).scalar()
        if owner is None:
            return False
        return _end(conn, id_hash, reason="signout", by=str(owner), at=_at(now))


def revoke_session(
    engine: Engine, id_hash: str, *, actor: Caller, now: dt.datetime | None = None, lang: str = "id"
) -> bool:
    """End, for an admin, a running session (named by its hash); return False when it had ended already.

    Raises
    ------
    DataProblem
        If ``actor`` may not manage accounts.
    """
    access.require(actor, "user.manage", lang=lang)
    with engine.begin() as conn:
        return _end(conn, id_hash, reason="revoked", by=actor.who, at=_at(now))


def _running(conn: Connection, at: dt.datetime, policy: SessionPolicy) -> list[dict[str, Any]]:
    """Return the rows of sessions not ended at ``at``, with when each ends if not seen again."""
    rows = []
    for row in conn.execute(sa.select(sessions).where(sessions.c.revoked_at.is_(None))).mappings():
        if not has_expired(row["created_at"], row["last_seen_at"], at, policy):
            rows.append({**row, "ends_at": ends_at(row["created_at"], row["last_seen_at"], policy)})
    return rows


def list_sessions(
    engine: Engine,
    *,
    actor: Caller,
    policy: SessionPolicy = DEFAULT_SESSION_POLICY,
    now: dt.datetime | None = None,
    lang: str = "id",
) -> pd.DataFrame:
    """Return the running sessions, by account then most recently seen, for an admin (times in WITA).

    Columns are :data:`SESSION_COLUMNS` and ``id_hash`` (to revoke one); ``session`` is the start
    of the hash, enough to tell sessions apart. Neither is of any use as a cookie.
    """
    access.require(actor, "user.manage", lang=lang)
    with engine.connect() as conn:
        rows = _running(conn, _at(now), policy)
    frame = pd.DataFrame(
        [{**r, "session": r["id_hash"][:SHORT_ID]} for r in rows],
        columns=[*SESSION_COLUMNS, "id_hash"],
    )
    for column in ("created_at", "last_seen_at", "ends_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True).dt.tz_convert(clock.LOCAL_TZ)
    frame = frame.sort_values(["username", "last_seen_at"], ascending=[True, False], kind="stable")
    return frame[[*SESSION_COLUMNS, "id_hash"]].reset_index(drop=True)
