"""Throttling sign-in: growing delays after each failed password, then a temporary lock.

Counted per account and per client (the address Streamlit reports), so one guesser cannot try
many passwords on one account, nor one password on many accounts. The rows are kept by
:mod:`lib.store.accounts`; this module only decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ThrottlePolicy:
    """How sign-in failures are slowed down (see the README settings ``SINERGI_LOGIN_*``)."""

    max_failures: int = 5
    """Failures in a row that lock an account (or a client) for :attr:`lock_minutes`."""
    lock_minutes: float = 15.0
    base_delay_seconds: float = 1.0
    """Wait after the first failure; it doubles with every further failure, up to the lock."""
    max_delay_seconds: float = 60.0


def blocked_until(
    failures: int, last_failure: dt.datetime | None, locked_until: dt.datetime | None, policy: ThrottlePolicy
) -> dt.datetime | None:
    """Return until when the next attempt must wait, or None when it may go ahead now or at any time.

    >>> at = dt.datetime(2024, 11, 27, 8, 0, tzinfo=dt.UTC)
    >>> blocked_until(0, None, None, ThrottlePolicy()) is None
    True
    >>> blocked_until(3, at, None, ThrottlePolicy()).isoformat()
    '2024-11-27T08:00:04+00:00'
    """
    if locked_until is not None:
        return locked_until
    if failures <= 0 or last_failure is None:
        return None
    delay = min(policy.base_delay_seconds * 2 ** (failures - 1), policy.max_delay_seconds)
    return last_failure + dt.timedelta(seconds=delay)


def after_failure(failures: int, now: dt.datetime, policy: ThrottlePolicy) -> tuple[int, dt.datetime | None]:
    """Return the failure count after one more failure and the lock it brings (None when not locked yet).

    >>> now = dt.datetime(2024, 11, 27, 8, 0, tzinfo=dt.UTC)
    >>> after_failure(0, now, ThrottlePolicy())
    (1, None)
    >>> after_failure(4, now, ThrottlePolicy())[1].isoformat()
    '2024-11-27T08:15:00+00:00'
    """
    count = failures + 1
    if count >= policy.max_failures:
        return count, now + dt.timedelta(minutes=policy.lock_minutes)
    return count, None
