"""Posko reads: reports, counts and histories, always limited to what the caller may see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib import access, store
from lib.core.clock import LOCAL_TZ
from lib.core.clock import now as _now
from lib.core.clock import utc as _utc
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.posko.workflow import ALERT_SEVERITY, STATUSES
from lib.store.schema import report_history, reports

REPORT_COLUMNS: tuple[str, ...] = tuple(c.name for c in reports.columns if c.name != "client_token")
_DATETIME_COLUMNS = ("received_at", "created_at", "updated_at", "alert_ack_at")


def _visible(ceiling: str) -> sa.ColumnElement[bool]:
    return reports.c.classification.in_(access.allowed_levels(ceiling))


def get_report(engine: Engine, report_id: int, *, ceiling: str, lang: str = "id") -> dict[str, Any]:
    """Return one report as a dict (times in UTC), if the caller may see it.

    Raises
    ------
    DataProblem
        If there is no such report or it is above ``ceiling`` (the same sentence for both).
    """
    query = sa.select(*[reports.c[c] for c in REPORT_COLUMNS]).where(
        reports.c.id == report_id, _visible(ceiling)
    )
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    if row is None:
        raise DataProblem(
            t("posko.problem.not_found", lang, id=report_id), t("posko.problem.not_found_fix", lang)
        )
    found = dict(row)
    for name in _DATETIME_COLUMNS:
        if found[name] is not None:
            found[name] = _utc(found[name])
    return found


def _local_column(values: pd.Series) -> pd.Series:
    moments = pd.to_datetime(values, utc=True)
    return moments.dt.tz_convert(LOCAL_TZ)


def read_reports(
    engine: Engine,
    *,
    ceiling: str,
    statuses: Collection[str] | None = None,
    regions: Collection[str] | None = None,
    categories: Collection[str] | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    alerts_only: bool = False,
) -> pd.DataFrame:
    """Return the reports the caller may see, newest first, times in Bali time.

    Filters left as None do not filter. ``since`` is inclusive, ``until`` exclusive;
    naive datetimes are taken as Bali time.
    """
    query = sa.select(*[reports.c[c] for c in REPORT_COLUMNS]).where(_visible(ceiling))
    if statuses is not None:
        query = query.where(reports.c.status.in_(list(statuses)))
    if regions is not None:
        query = query.where(reports.c.region_code.in_(list(regions)))
    if categories is not None:
        query = query.where(reports.c.category.in_(list(categories)))
    if since is not None:
        query = query.where(reports.c.received_at >= _bound(since))
    if until is not None:
        query = query.where(reports.c.received_at < _bound(until))
    if alerts_only:
        query = query.where(*_alert_conditions())
    query = query.order_by(reports.c.received_at.desc(), reports.c.id.desc())
    with engine.connect() as conn:
        frame = store.frame(conn, query)
    for name in _DATETIME_COLUMNS:
        frame[name] = _local_column(frame[name])
    for name in ("id", "severity", "credibility", "version", "attachment_size"):
        frame[name] = pd.to_numeric(frame[name]).astype("Int64")
    for name in ("lat", "lon"):
        frame[name] = pd.to_numeric(frame[name]).astype("Float64")
    return frame


def _bound(moment: dt.datetime) -> dt.datetime:
    """Return a filter bound in UTC, as every time is stored (SQLite keeps it as text)."""
    return _utc(moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ))


def _alert_conditions() -> list[sa.ColumnElement[bool]]:
    return [
        reports.c.severity >= ALERT_SEVERITY,
        reports.c.alert_ack_at.is_(None),
        reports.c.status != "ditolak",
    ]


def open_alerts(engine: Engine, *, ceiling: str) -> pd.DataFrame:
    """Return reports of severity ≥ 4 not yet acknowledged (nor rejected) that the caller may see."""
    return read_reports(engine, ceiling=ceiling, alerts_only=True)


def count_open_alerts(engine: Engine, *, ceiling: str) -> int:
    """Return how many alerts the caller may see are open (one cheap query, for every page)."""
    query = sa.select(sa.func.count()).select_from(reports).where(_visible(ceiling), *_alert_conditions())
    with engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def report_counts(
    engine: Engine, *, ceiling: str, now: dt.datetime | None = None, include_rejected: bool = False
) -> pd.DataFrame:
    """Return reports per regency in the last 24 hours and 7 days, counted from what the caller may see.

    Columns: ``region_code``, ``last_24h``, ``last_7d``, ``open_alerts``; a regency without
    reports is absent (the page joins it to the region list and shows 0).
    """
    now = _utc(now or _now())
    day, week = now - dt.timedelta(hours=24), now - dt.timedelta(days=7)
    conditions = [_visible(ceiling), reports.c.received_at >= week, reports.c.received_at <= now]
    if not include_rejected:
        conditions.append(reports.c.status != "ditolak")
    alert = sa.and_(*_alert_conditions())
    query = (
        sa.select(
            reports.c.region_code,
            sa.func.sum(sa.case((reports.c.received_at >= day, 1), else_=0)).label("last_24h"),
            sa.func.count().label("last_7d"),
            sa.func.sum(sa.case((alert, 1), else_=0)).label("open_alerts"),
        )
        .where(*conditions)
        .group_by(reports.c.region_code)
        .order_by(reports.c.region_code)
    )
    with engine.connect() as conn:
        frame = store.frame(conn, query)
    for name in ("last_24h", "last_7d", "open_alerts"):
        frame[name] = pd.to_numeric(frame[name]).astype("int64")
    return frame


def status_counts(engine: Engine, *, ceiling: str) -> dict[str, int]:
    """Return how many reports the caller may see are in each status (every status present)."""
    query = sa.select(reports.c.status, sa.func.count()).where(_visible(ceiling)).group_by(reports.c.status)
    with engine.connect() as conn:
        found = {status: int(n) for status, n in conn.execute(query)}
    return {status: found.get(status, 0) for status in STATUSES}


def report_timeline(engine: Engine, report_id: int, *, ceiling: str, lang: str = "id") -> pd.DataFrame:
    """Return a report's history (at, who, field, old, new), oldest first, if the caller may see it."""
    get_report(engine, report_id, ceiling=ceiling, lang=lang)
    query = (
        sa.select(
            report_history.c.at,
            report_history.c.who,
            report_history.c.field,
            report_history.c.old,
            report_history.c.new,
        )
        .where(report_history.c.report_id == report_id)
        .order_by(report_history.c.at, report_history.c.id)
    )
    with engine.connect() as conn:
        frame = store.frame(conn, query)
    frame["at"] = _local_column(frame["at"])
    return frame
