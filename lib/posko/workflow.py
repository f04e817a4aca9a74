"""The Posko workflow rules: statuses, who may make which move, when a report alerts, list periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from lib import access
from lib.access import Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem

STATUSES: tuple[str, ...] = ("baru", "diverifikasi", "ditindaklanjuti", "selesai", "ditolak")
VERIFIED_STATUSES: tuple[str, ...] = ("diverifikasi", "ditindaklanjuti", "selesai")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "baru": ("diverifikasi", "ditolak"),
    "diverifikasi": ("ditindaklanjuti", "ditolak", "baru"),
    "ditindaklanjuti": ("selesai",),
    "selesai": (),
    "ditolak": ("baru",),
}
"""Allowed status changes. Back to ``baru`` un-verifies (or reopens a rejected report)."""
VERIFY_TRANSITIONS = {("baru", "diverifikasi"), ("diverifikasi", "baru"), ("ditolak", "baru")}
"""Transitions that need the ``report.verify`` permission (so does any move to ``ditolak``)."""
ALERT_SEVERITY = 4
"""Reports of this severity or higher raise an alert until someone acknowledges it."""
PERIODS: dict[str, dt.timedelta] = {
    "24h": dt.timedelta(hours=24),
    "7d": dt.timedelta(days=7),
    "30d": dt.timedelta(days=30),
}
"""The list's rolling periods, counted back from now."""


def move_permission(old: str, new: str) -> str:
    """Return the permission a move from ``old`` to ``new`` needs.

    >>> move_permission("baru", "diverifikasi"), move_permission("diverifikasi", "ditindaklanjuti")
    ('report.verify', 'report.progress')
    """
    needs_verify = (old, new) in VERIFY_TRANSITIONS or new == "ditolak"
    return "report.verify" if needs_verify else "report.progress"


def allowed_moves(caller: Caller, status: str) -> tuple[str, ...]:
    """Return the statuses ``caller`` may move a report in ``status`` to, in :data:`TRANSITIONS` order.

    The same rule :func:`check_move` enforces on every save: what this offers is exactly what
    :func:`lib.posko.writes.set_status` accepts from ``caller``.

    >>> allowed_moves(Caller("posko", "TERBATAS", "op1"), "baru")
    ()
    >>> allowed_moves(Caller("analyst", "RAHASIA", "ana"), "baru")
    ('diverifikasi', 'ditolak')
    """
    if not access.can(caller, "report.edit"):
        return ()
    return tuple(s for s in TRANSITIONS[status] if access.can(caller, move_permission(status, s)))


def check_move(caller: Caller, report_id: int, old: str, new: str, lang: str) -> None:
    """Refuse a status change the workflow does not allow, or that ``caller`` may not make.

    Raises
    ------
    ValueError
        If ``new`` is not a status at all (a bug, not a person's mistake).
    DataProblem
        If the workflow has no such move, or ``caller`` lacks its permission.
    """
    if new not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, got {new!r}.")
    if new not in TRANSITIONS[old]:
        options = ", ".join(t(f"posko.status.{s}", lang) for s in TRANSITIONS[old]) or "\u2014"
        raise DataProblem(
            t(
                "posko.problem.transition",
                lang,
                id=report_id,
                old=t(f"posko.status.{old}", lang),
                new=t(f"posko.status.{new}", lang),
            ),
            t("posko.problem.transition_fix", lang, options=options),
        )
    access.require(caller, move_permission(old, new), lang=lang)


def raises_alert(frame: pd.DataFrame) -> pd.Series:
    """Return, per report of ``frame``, whether it is severe enough to raise an alert (and not rejected)."""
    severe = frame["severity"].fillna(0).astype("int64") >= ALERT_SEVERITY
    return (severe & (frame["status"] != "ditolak")).astype(bool)


def is_open_alert(frame: pd.DataFrame) -> pd.Series:
    """Return, per report of ``frame`` (as :func:`read_reports` gives it), whether its alert is open.

    The same rule as the store's query (:func:`count_open_alerts`): severity of
    :data:`ALERT_SEVERITY` or more, not acknowledged, not rejected.
    """
    return (raises_alert(frame) & frame["alert_ack_at"].isna()).astype(bool)


def alert_state(report: Mapping[str, Any]) -> str | None:
    """Return "open" or "acknowledged" for one report that raises an alert, else None.

    The rule of :func:`is_open_alert`, for the report a page has opened.

    >>> alert_state({"severity": 4, "status": "baru", "alert_ack_at": None})
    'open'
    >>> alert_state({"severity": 2, "status": "baru", "alert_ack_at": None}) is None
    True
    """
    one = pd.DataFrame([{k: report[k] for k in ("severity", "status", "alert_ack_at")}])
    if bool(is_open_alert(one).iloc[0]):
        return "open"
    return "acknowledged" if bool(raises_alert(one).iloc[0]) else None


def period_bounds(
    period: str, *, now: dt.datetime, span: tuple[dt.date, dt.date] | None = None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Return the list filter's ``since`` (inclusive) and ``until`` (exclusive) for a period choice.

    Parameters
    ----------
    period
        "all", one of :data:`PERIODS` ("24h", "7d", "30d"), or "view" (the view's own days).
    now
        The present moment, as the page shows it (naive = Bali time).
    span
        The view's first and last day, for "view"; without it "view" does not filter.

    >>> period_bounds("7d", now=dt.datetime(2024, 11, 27, 9, 0))
    (datetime.datetime(2024, 11, 20, 9, 0), None)
    >>> days = (dt.date(2024, 11, 1), dt.date(2024, 11, 3))
    >>> period_bounds("view", now=dt.datetime(2024, 11, 27), span=days)
    (datetime.datetime(2024, 11, 1, 0, 0), datetime.datetime(2024, 11, 4, 0, 0))
    """
    if period in PERIODS:
        return now - PERIODS[period], None
    if period == "view" and span:
        start = dt.datetime.combine(span[0], dt.time(0, 0))
        return start, dt.datetime.combine(span[1] + dt.timedelta(days=1), dt.time(0, 0))
    return None, None
