"""Posko writes: every change is an optimistic-locking update with one history row per field.

A report is stored once per ``client_token`` (the form's idempotency key), so a double
click or a retry never stores it twice. Every change is an optimistic-locking update
(``version``) that writes one ``report_history`` row per changed field. A verified report
(diverifikasi or later) is also an event (``posko-<id>``, origin ``posko``) written in the
same transaction, so the map and the history show it at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib import access, store
from lib.access import Caller
from lib.core.clock import local_time
from lib.core.clock import now as _now
from lib.core.clock import utc as _utc
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.posko.attachments import Attachment
from lib.posko.intake import REASON_MAX, clean_text, confidence_of, field_label, join_ids, stored_problems
from lib.posko.reads import get_report
from lib.posko.workflow import VERIFIED_STATUSES, check_move
from lib.store.schema import report_history, reports

TEXT_FIELDS = ("title", "description", "reject_reason")
EDITABLE: tuple[str, ...] = (
    "received_at",
    "reporter_id",
    "region_code",
    "subregion_code",
    "lat",
    "lon",
    "category",
    "severity",
    "classification",
    "title",
    "description",
    "reliability",
    "credibility",
    "assigned_to",
    "status",
    "reject_reason",
    "attachment_path",
    "attachment_name",
    "attachment_type",
    "attachment_size",
)


class StaleReport(DataProblem):
    """Someone saved the report since it was opened; ``latest`` holds the stored version."""

    def __init__(self, what: str, fix: str, *, latest: Mapping[str, Any]) -> None:
        super().__init__(what, fix)
        self.latest = dict(latest)
        self.version = int(latest["version"])


def _store_down(error: Exception, lang: str) -> DataProblem:
    return DataProblem(
        t("posko.problem.store_down", lang, detail=str(getattr(error, "orig", error)).strip()[:120]),
        t("posko.problem.store_down_fix", lang),
    )


def _history(conn: Connection, report_id: int, who: str, at: dt.datetime, rows: list[tuple]) -> None:
    if rows:
        conn.execute(
            report_history.insert(),
            [
                {"report_id": report_id, "at": at, "who": who, "field": f, "old": o, "new": n}
                for f, o, n in rows
            ],
        )


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return local_time(value).isoformat(timespec="minutes")
    return str(value)


def _event_row(report: Mapping[str, Any], actor: str, at: dt.datetime) -> dict[str, Any]:
    """Return the event a verified report becomes."""
    day = local_time(report["received_at"]).date().isoformat()
    return {
        "id": f"posko-{report['id']}",
        "date": day,
        "date_precision": "day",
        "region_code": report["subregion_code"] or report["region_code"],
        "location": None,
        "lat": report["lat"],
        "lon": report["lon"],
        "election_id": None,
        "election_label": None,
        "category": report["category"],
        "severity": report["severity"],
        "fatalities": None,
        "description": f"{report['title']}. {report['description']}",
        "source_url": None,
        "source_title": f"Posko #{report['id']} ({report['reporter_id']})",
        "confidence": confidence_of(report["reliability"], int(report["credibility"])),
        "severity_basis": f"Posko {report['reliability']}{report['credibility']}",
        "phase_reported": None,
        "classification": report["classification"],
        "origin": "posko",
        "created_at": at,
        "created_by": actor,
    }


def _sync_event(conn: Connection, report: Mapping[str, Any], actor: str, at: dt.datetime) -> None:
    """Make the report's event match it: present while verified, absent otherwise."""
    event_id = f"posko-{report['id']}"
    events = store.events
    if report["status"] in VERIFIED_STATUSES:
        row = _event_row(report, actor, at)
        done = conn.execute(
            events.update()
            .where(events.c.id == event_id)
            .values(**{k: v for k, v in row.items() if k not in ("id", "created_at", "created_by")})
        )
        if done.rowcount == 0:
            conn.execute(events.insert().values(**row))
    else:
        conn.execute(events.delete().where(events.c.id == event_id))


def save_report(
    engine: Engine,
    report: Mapping[str, Any],
    *,
    actor: Caller,
    client_token: str,
    attachment: Attachment | None = None,
    lang: str = "id",
) -> int:
    """Store a new report (status ``baru``) in one transaction and return its id.

    Idempotent on ``client_token``: saving the same form again (double click, retry after
    a lost connection) returns the id stored the first time and stores nothing new.

    Parameters
    ----------
    report
        The ``clean`` values of a passed :func:`validate_report`. Not modified.

    Raises
    ------
    DataProblem
        If ``actor`` may not file reports, or the store cannot be reached: then nothing
        was saved and the page keeps the form as typed.
    """
    access.require(actor, "report.create", lang=lang)
    if not client_token or len(client_token) > 64:
        raise ValueError("client_token must be 1..64 characters.")
    missing = [k for k in ("received_at", "reporter_id", "region_code", "title") if k not in report]
    if missing:
        raise ValueError(f"report lacks {missing}: pass validate_report(...).clean.")
    if not access.may_see(actor.ceiling, report["classification"]):
        raise ValueError("the report's classification is above the caller's ceiling.")
    _refuse_out_of_rules(report, lang)
    at = _now()
    row = {k: report.get(k) for k in EDITABLE if k in report}
    row.update(attachment.columns() if attachment else {})
    row.update(
        client_token=client_token,
        status="baru",
        reject_reason=None,
        version=1,
        created_by=actor.who,
        created_at=at,
        updated_by=actor.who,
        updated_at=at,
    )
    try:
        try:
            with engine.begin() as conn:
                report_id = int(conn.execute(reports.insert().values(**row)).inserted_primary_key[0])
                _history(conn, report_id, actor.who, at, [("status", None, "baru")])
                store.bump_revision(conn)
                return report_id
        except sa.exc.IntegrityError:
            existing = _id_for_token(engine, client_token)
            if existing is None:
                raise
            return existing
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
        raise _store_down(error, lang) from error


def _id_for_token(engine: Engine, client_token: str) -> int | None:
    with engine.connect() as conn:
        found = conn.execute(sa.select(reports.c.id).where(reports.c.client_token == client_token)).scalar()
    return None if found is None else int(found)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, dt.datetime) and isinstance(new, dt.datetime):
        return _utc(old) == _utc(new)
    if isinstance(old, float | int) and isinstance(new, float | int):
        return float(old) == float(new)
    return old == new


def update_report(
    engine: Engine,
    report_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int,
    actor: Caller,
    lang: str = "id",
) -> int:
    """Apply ``changes`` to a report if nobody saved it since ``expected_version``; return the new version.

    Only fields whose value differs are written, each with a ``report_history`` row; the
    report's event follows in the same transaction (added when verified, removed when
    un-verified or rejected). A change to nothing returns the version unchanged.

    Raises
    ------
    StaleReport
        If the stored version moved on; ``.latest`` holds it, nothing is overwritten.
    DataProblem
        If the report is not visible to ``actor``, the status change is not allowed, a
        rejection lacks its reason, or the store cannot be reached.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"fields {sorted(unknown)} cannot be changed.")
    access.require(actor, "report.edit", lang=lang)
    try:
        current = get_report(engine, report_id, ceiling=actor.ceiling, lang=lang)
        if int(current["version"]) != expected_version:
            raise _stale(current, lang)
        wanted = dict(changes)
        if "assigned_to" in wanted and not isinstance(wanted["assigned_to"], str | None):
            wanted["assigned_to"] = join_ids(wanted["assigned_to"])
        for name in TEXT_FIELDS:
            if name in wanted and wanted[name] is not None:
                wanted[name] = clean_text(wanted[name]) or None
        if "reject_reason" in wanted and len(wanted["reject_reason"] or "") > REASON_MAX:
            raise DataProblem(
                t(
                    "posko.check.too_long",
                    lang,
                    field=field_label("reject_reason", lang),
                    length=len(wanted["reject_reason"]),
                    limit=REASON_MAX,
                ),
                t("posko.problem.form_fix", lang, n=1),
            )
        diff = {k: v for k, v in wanted.items() if not _same(current[k], v)}
        _refuse_out_of_rules({**current, **diff}, lang, only=diff)
        if "classification" in diff and not access.may_see(actor.ceiling, diff["classification"]):
            raise ValueError("the new classification is above the caller's ceiling.")
        if "assigned_to" in diff:
            access.require(actor, "report.assign", lang=lang)
        if "status" in diff:
            check_move(actor, report_id, current["status"], diff["status"], lang)
            if diff["status"] == "ditolak" and not (diff.get("reject_reason") or current["reject_reason"]):
                raise DataProblem(
                    t("posko.problem.reason_needed", lang, id=report_id), t("posko.problem.reason_fix", lang)
                )
        if not diff:
            return expected_version
        at = _now()
        after = {**current, **diff}
        with engine.begin() as conn:
            done = conn.execute(
                reports.update()
                .where(reports.c.id == report_id, reports.c.version == expected_version)
                .values(**diff, version=expected_version + 1, updated_by=actor.who, updated_at=at)
            )
            if done.rowcount != 1:  # someone saved between our read and our write: write nothing
                return _raise_stale(engine, report_id, actor, lang)
            _history(
                conn,
                report_id,
                actor.who,
                at,
                [(k, _as_text(current[k]), _as_text(v)) for k, v in diff.items()],
            )
            if "status" in diff or current["status"] in VERIFIED_STATUSES:
                _sync_event(conn, after, actor.who, at)
            store.bump_revision(conn)
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
        raise _store_down(error, lang) from error
    return expected_version + 1


def _raise_stale(engine: Engine, report_id: int, actor: Caller, lang: str) -> int:
    raise _stale(get_report(engine, report_id, ceiling=actor.ceiling, lang=lang), lang)


def _stale(latest: Mapping[str, Any], lang: str) -> StaleReport:
    return StaleReport(
        t(
            "posko.problem.stale",
            lang,
            id=latest["id"],
            who=latest["updated_by"],
            at=local_time(latest["updated_at"]).strftime("%d/%m/%Y %H:%M"),
            version=latest["version"],
        ),
        t("posko.problem.stale_fix", lang),
        latest=latest,
    )


def set_status(
    engine: Engine,
    report_id: int,
    status: str,
    *,
    expected_version: int,
    actor: Caller,
    reason: str | None = None,
    lang: str = "id",
) -> int:
    """Move a report along the workflow (a rejection needs ``reason``); return the new version."""
    changes: dict[str, Any] = {"status": status}
    if reason is not None:
        changes["reject_reason"] = reason
    return update_report(
        engine, report_id, changes, expected_version=expected_version, actor=actor, lang=lang
    )


def acknowledge_alert(engine: Engine, report_id: int, *, actor: Caller, lang: str = "id") -> bool:
    """Mark a report's alert as seen; return False when someone already had.

    Acknowledging is not an edit of the report, so it does not change its version (nobody
    editing it at the same time is refused), but it is written to its history.
    """
    access.require(actor, "alert.ack", lang=lang)
    get_report(engine, report_id, ceiling=actor.ceiling, lang=lang)
    at = _now()
    try:
        with engine.begin() as conn:
            done = conn.execute(
                reports.update()
                .where(reports.c.id == report_id, reports.c.alert_ack_at.is_(None))
                .values(alert_ack_by=actor.who, alert_ack_at=at)
            )
            if done.rowcount != 1:
                return False
            _history(conn, report_id, actor.who, at, [("alert_ack", None, actor.who)])
            store.bump_revision(conn)
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
        raise _store_down(error, lang) from error
    return True


def _refuse_out_of_rules(
    report: Mapping[str, Any], lang: str, *, only: Mapping[str, Any] | None = None
) -> None:
    """Refuse to store a report that breaks the form's rules, whoever calls (see :func:`stored_problems`).

    With ``only``, just the changed fields count: a report stored before a rule was tightened can
    still change its status.
    """
    wrong = stored_problems(report)
    if only is not None:
        wrong = [name for name in wrong if name in only]
    if wrong:
        raise DataProblem(
            t("posko.write.refused", lang, fields=", ".join(field_label(name, lang) for name in wrong)),
            t("posko.write.refused_fix", lang),
        )
