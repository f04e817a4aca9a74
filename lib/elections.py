"""Elections as data: phase (pre / during / post) and days from voting day, computed from dates."""

from __future__ import annotations

import datetime as dt

PHASES: tuple[str, ...] = ("pre", "during", "post")


def days_from_voting_day(day: dt.date, voting_day: dt.date) -> int:
    """Return the signed number of days from voting day (negative before it).

    >>> days_from_voting_day(dt.date(2024, 11, 24), dt.date(2024, 11, 27))
    -3
    """
    return (day - voting_day).days


def phase_of(day: dt.date, voting_day: dt.date) -> str:
    """Return ``pre``, ``during`` (voting day itself) or ``post``.

    >>> phase_of(dt.date(2024, 11, 27), dt.date(2024, 11, 27))
    'during'
    """
    offset = days_from_voting_day(day, voting_day)
    if offset < 0:
        return "pre"
    return "during" if offset == 0 else "post"
