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


def default_election(voting_days: dict[str, dt.date], today: dt.date) -> str:
    """Return the election a new visitor sees: the next one to come, else the most recent.

    >>> default_election({"a": dt.date(2024, 11, 27), "b": dt.date(2019, 4, 17)}, dt.date(2026, 1, 1))
    'a'
    >>> default_election({"a": dt.date(2024, 11, 27), "c": dt.date(2029, 2, 14)}, dt.date(2026, 1, 1))
    'c'
    """
    if not voting_days:
        raise ValueError("no elections to choose from.")
    coming = {k: d for k, d in voting_days.items() if d >= today}
    if coming:
        return min(coming, key=lambda k: coming[k])
    return max(voting_days, key=lambda k: voting_days[k])


def current_stage(stages: list[tuple[str, dt.date, dt.date]], today: dt.date) -> list[str]:
    """Return the stages under way on ``today`` (several can overlap), by id.

    >>> current_stage([("campaign", dt.date(2024, 9, 25), dt.date(2024, 11, 23))], dt.date(2024, 10, 1))
    ['campaign']
    """
    return [stage for stage, start, end in stages if start <= today <= end]
