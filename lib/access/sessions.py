"""Sign-in sessions that outlast a tab: the cookie's signed session id and when a session ends.

A browser keeps one cookie, :data:`COOKIE_NAME`, holding a random session id signed with the
deployment's secret key (itsdangerous). The store keeps only the id's SHA-256 hash, who signed in,
when, and when the session was last seen, so a copied database holds no live cookie. A session
ends at sign-out (in any tab), when an admin revokes it, after :attr:`SessionPolicy.idle_hours`
without a run, or :attr:`SessionPolicy.max_days` after sign-in, whichever comes first. The rows
are kept by :mod:`lib.store.sessions`; nothing here touches a table or Streamlit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, Signer

from lib.access.links import secret_is_strong
from lib.core.clock import utc

COOKIE_NAME = "sinergi_session"
"""The cookie the browser sends with every page and websocket request of this origin."""
COOKIE_MAX = 200
"""Longest cookie value read; a signed id is 71 characters."""
SESSION_ID_BYTES = 32
_SALT = "sinergi-session-v1"
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{43}$")
_SIGNED = re.compile(r"^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{20,60}$")
END_REASONS = ("signout", "revoked", "expired", "disabled")
"""Why a session ended: its owner signed out, an admin revoked it, it was idle or lasted too long,
or its account was disabled."""


@dataclass(frozen=True)
class SessionPolicy:
    """How long a sign-in lasts (see the README setting ``SINERGI_SESSION_IDLE_HOURS``)."""

    idle_hours: float = 12.0
    """A session not seen for this long has ended."""
    max_days: float = 30.0
    """A session ends this long after sign-in however active it is: then sign in again."""
    touch_seconds: float = 60.0
    """``last_seen`` is written at most this often, so a rerun rarely writes to the store."""

    @property
    def cookie_seconds(self) -> int:
        """Return the cookie's Max-Age: the longest a session can last (the store decides sooner)."""
        return int(self.max_days * 86400)


def new_session_id() -> str:
    """Return a fresh random session id (256 bits, URL-safe text of 43 characters)."""
    return secrets.token_urlsafe(SESSION_ID_BYTES)


def hash_session_id(session_id: str) -> str:
    """Return the hash under which the store keeps a session id (hex SHA-256).

    >>> hash_session_id("x" * 43)[:12]
    'cc0b1c2c66f3'
    """
    return hashlib.sha256(session_id.encode("ascii")).hexdigest()


def _signer(secret: str) -> Signer:
    return Signer(secret, salt=_SALT, digest_method=hashlib.sha256)


def sign_session(session_id: str, *, secret: str) -> str:
    """Return the cookie value for ``session_id``: the id, a dot and its signature.

    Raises
    ------
    ValueError
        If the id is not one from :func:`new_session_id` or the secret is weak.
    """
    if not _SESSION_ID.match(session_id):
        raise ValueError("session_id must come from new_session_id().")
    if not secret_is_strong(secret):
        raise ValueError("the secret key is too weak to sign sessions.")
    return _signer(secret).sign(session_id).decode("ascii")


def read_session_cookie(value: str | None, *, secret: str | None) -> str | None:
    """Return the session id a cookie value carries, or None when it is absent, malformed or forged.

    >>> key = "x7Qp-2mZ_kT9vR4sW8yB1nC6dF3gH5jL0"
    >>> sid = "A" * 43
    >>> read_session_cookie(sign_session(sid, secret=key), secret=key) == sid
    True
    >>> read_session_cookie(sign_session(sid, secret=key)[:-1] + "x", secret=key) is None
    True
    """
    text = (value or "").strip()
    if not text or len(text) > COOKIE_MAX or not _SIGNED.match(text) or not secret_is_strong(secret):
        return None
    try:
        return _signer(str(secret)).unsign(text).decode("ascii")
    except BadSignature:
        return None


def ends_at(created_at: dt.datetime, last_seen_at: dt.datetime, policy: SessionPolicy) -> dt.datetime:
    """Return when a session ends unless it is seen again: idle time after ``last_seen_at``, capped.

    >>> at = dt.datetime(2024, 11, 27, 8, 0, tzinfo=dt.UTC)
    >>> ends_at(at, at + dt.timedelta(hours=1), SessionPolicy()).isoformat()
    '2024-11-27T21:00:00+00:00'
    """
    idle = utc(last_seen_at) + dt.timedelta(hours=policy.idle_hours)
    return min(idle, utc(created_at) + dt.timedelta(days=policy.max_days))


def has_expired(
    created_at: dt.datetime, last_seen_at: dt.datetime, now: dt.datetime, policy: SessionPolicy
) -> bool:
    """Return True when the session has been idle too long, or has lasted its longest, at ``now``.

    >>> at = dt.datetime(2024, 11, 27, 8, 0, tzinfo=dt.UTC)
    >>> has_expired(at, at, at + dt.timedelta(hours=11, minutes=59), SessionPolicy())
    False
    >>> has_expired(at, at, at + dt.timedelta(hours=12), SessionPolicy())
    True
    """
    return utc(now) >= ends_at(created_at, last_seen_at, policy)


def needs_touch(last_seen_at: dt.datetime, now: dt.datetime, policy: SessionPolicy) -> bool:
    """Return True when ``last_seen`` is old enough to be written again.

    >>> at = dt.datetime(2024, 11, 27, 8, 0, tzinfo=dt.UTC)
    >>> needs_touch(at, at + dt.timedelta(seconds=30), SessionPolicy())
    False
    >>> needs_touch(at, at + dt.timedelta(seconds=61), SessionPolicy())
    True
    """
    return (utc(now) - utc(last_seen_at)).total_seconds() >= policy.touch_seconds


def set_cookie_script(value: str, *, max_age_seconds: int) -> str:
    """Return a ``<script>`` that stores ``value`` as the session cookie of this origin.

    ``Secure`` is added when the page is served over HTTPS; ``SameSite=Strict`` keeps other sites'
    pages from sending it. The value is checked, so nothing but a signed id reaches the script.
    """
    if not _SIGNED.match(value):
        raise ValueError("value must come from sign_session().")
    return _cookie_script(value, int(max_age_seconds))


def clear_cookie_script() -> str:
    """Return a ``<script>`` that deletes the session cookie of this origin."""
    return _cookie_script("", 0)


def _cookie_script(value: str, max_age_seconds: int) -> str:
    cookie = json.dumps(f"{COOKIE_NAME}={value}; Path=/; SameSite=Strict; Max-Age={max_age_seconds}")
    secure = "(location.protocol === 'https:' ? '; Secure' : '')"
    return f"<script>document.cookie = {cookie} + {secure};</script>"
