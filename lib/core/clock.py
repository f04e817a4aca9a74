"""The one clock: Bali time (WITA, Asia/Makassar) for every "today", stamp and period boundary.

Times are stored in UTC and shown in WITA; a naive datetime typed by a user is WITA.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

LOCAL_TZ = zoneinfo.ZoneInfo("Asia/Makassar")
"""Bali time (WITA, UTC+8): how times are typed and shown; they are stored in UTC."""


def now() -> dt.datetime:
    """Return the present moment in UTC (aware)."""
    return dt.datetime.now(dt.UTC)


def utc(value: dt.datetime) -> dt.datetime:
    """Return a stored time in UTC; a naive value is UTC already (as SQLite returns it).

    >>> utc(dt.datetime(2024, 11, 27, 0, 30)).isoformat()
    '2024-11-27T00:30:00+00:00'
    """
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def typed(value: dt.datetime) -> dt.datetime:
    """Return a time a person typed as an aware UTC moment; a naive value is Bali time.

    >>> typed(dt.datetime(2024, 11, 27, 8, 0)).isoformat()
    '2024-11-27T00:00:00+00:00'
    """
    return (value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ)).astimezone(dt.UTC)


def local_time(value: dt.datetime) -> dt.datetime:
    """Return a stored time in Bali time (WITA).

    >>> local_time(dt.datetime(2024, 11, 27, 0, 30, tzinfo=dt.UTC)).isoformat()
    '2024-11-27T08:30:00+08:00'
    """
    return utc(value).astimezone(LOCAL_TZ)


def today() -> dt.date:
    """Return today's date in Bali."""
    return now().astimezone(LOCAL_TZ).date()
