"""The Posko's queue of messages awaiting triage (``intake_items``): added, read, dismissed, linked.

Only Posko roles (those who may read reports: admin, analyst, posko) see the queue: a partner link
or the public is refused whatever its ceiling, since an imported chat is TERBATAS like a partner's
ceiling. Every read is filtered by the caller's ceiling as well; every write checks
:func:`lib.access.can`, bumps the revision and appends an audit row, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib import access
from lib.access import Caller
from lib.core.clock import LOCAL_TZ
from lib.core.clock import now as _now
from lib.core.clock import utc as _utc
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.store.audit import record
from lib.store.engine import bump_revision
from lib.store.facts import frame as _frame
from lib.store.schema import intake_items, report_history, reports

ITEM_STATUSES: tuple[str, ...] = ("new", "reported", "dismissed")
"""An item is new until it becomes (part of) a report or is dismissed with a reason."""
IMPORT_LEVELS: tuple[str, ...] = ("TERBATAS", "RAHASIA")
"""Levels an imported message may have: TERBATAS by default, the importer may raise it."""
DISMISS_REASON_MAX = 500
ITEM_COLUMNS: tuple[str, ...] = tuple(c.name for c in intake_items.columns)
_CHUNK = 500  # rows per insert and keys per IN (...) query: well under every driver's limits


@dataclass(frozen=True)
class AddOutcome:
    """What an import stored: the ids of the new items, and how many were there already."""

    added: tuple[int, ...]
    known: int

    @property
    def new(self) -> int:
        """Return how many items were added."""
        return len(self.added)


def _visible(ceiling: str) -> sa.ColumnElement[bool]:
    return intake_items.c.classification.in_(access.allowed_levels(ceiling))


def item_time() -> sa.ColumnElement[Any]:
    """Return the column an item's age is counted from: when it was sent, else when it was imported."""
    return intake_items.c.at


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _existing(conn: Connection, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in _chunks(keys):
        query = sa.select(intake_items.c.key).where(intake_items.c.key.in_(list(part)))
        found.update(conn.execute(query).scalars())
    return found


def known_keys(engine: Engine, keys: Collection[str], *, actor: Caller, lang: str = "id") -> set[str]:
    """Return which of ``keys`` the queue holds already (at any level: a message is stored once)."""
    access.require(actor, "report.create", lang=lang)
    with engine.connect() as conn:
        return _existing(conn, sorted(set(keys)))


def add_items(
    engine: Engine,
    rows: Sequence[Mapping[str, Any]],
    *,
    source: str,
    actor: Caller,
    progress: Callable[[int, int], None] | None = None,
    lang: str = "id",
) -> AddOutcome:
    """Store the rows whose key is new, all in one transaction; return their ids and how many were known.

    Parameters
    ----------
    rows
        One mapping per message: ``key``, ``time`` (aware, or None), ``sender``, ``text``,
        ``attachments`` (a list of dicts: name, stored, type, size, note) and ``classification``
        (one of :data:`IMPORT_LEVELS`, at most the actor's ceiling). Not modified.
    source
        The file the messages came from (or what was pasted), as the operator knows it.
    progress
        Called with (rows done, rows in all) after each batch.

    Raises
    ------
    DataProblem
        If ``actor`` may not file reports.
    """
    access.require(actor, "report.create", lang=lang)
    for row in rows:
        level = row["classification"]
        if level not in IMPORT_LEVELS or not access.may_see(actor.ceiling, level):
            raise ValueError(
                f"classification must be in {IMPORT_LEVELS} and within the ceiling, got {level}."
            )
    at = _now()
    keys = [str(row["key"]) for row in rows]
    with engine.begin() as conn:
        known = _existing(conn, sorted(set(keys)))
        fresh, seen = [], set(known)
        for row in rows:
            if row["key"] not in seen:
                seen.add(row["key"])
                fresh.append(_row(row, source=source, who=actor.who, at=at))
        done = 0
        for part in _chunks(fresh):
            conn.execute(intake_items.insert(), list(part))
            done += len(part)
            if progress is not None:
                progress(done, len(fresh))
        ids = _ids_of(conn, [r["key"] for r in fresh])
        detail = f"{len(fresh)} new, {len(rows) - len(fresh)} known"
        record(conn, who=actor.who, action="intake.import", target=source[:200], detail=detail, at=at)
        if fresh:
            bump_revision(conn)
    return AddOutcome(added=tuple(ids), known=len(rows) - len(fresh))


def _row(row: Mapping[str, Any], *, source: str, who: str, at: dt.datetime) -> dict[str, Any]:
    time = row.get("time")
    return {
        "key": str(row["key"]),
        "time": None if time is None else _utc(time),
        "at": at if time is None else _utc(time),
        "sender": str(row.get("sender") or ""),
        "text": str(row.get("text") or ""),
        "attachments": json.dumps(list(row.get("attachments") or []), ensure_ascii=False),
        "source": source,
        "classification": row["classification"],
        "status": "new",
        "imported_by": who,
        "imported_at": at,
    }


def _ids_of(conn: Connection, keys: Sequence[str]) -> list[int]:
    ids: dict[str, int] = {}
    for part in _chunks(keys):
        query = sa.select(intake_items.c.key, intake_items.c.id).where(intake_items.c.key.in_(list(part)))
        ids.update({key: int(i) for key, i in conn.execute(query)})
    return [ids[key] for key in keys]


def read_items(
    engine: Engine,
    *,
    actor: Caller,
    statuses: Collection[str] | None = None,
    ids: Collection[int] | None = None,
    report_id: int | None = None,
    limit: int | None = None,
    lang: str = "id",
) -> pd.DataFrame:
    """Return the items the caller may see, newest first: times in Bali time, ``attachments`` as lists.

    ``at`` is when the message was sent, else when it was imported (pasted text without a header).

    Raises
    ------
    DataProblem
        If ``actor`` is not a Posko role (a partner link, the public): they never see the messages.
    """
    access.require(actor, "report.read", lang=lang)
    query = sa.select(*intake_items.columns).where(_visible(actor.ceiling))
    if statuses is not None:
        query = query.where(intake_items.c.status.in_(list(statuses)))
    if ids is not None:
        query = query.where(intake_items.c.id.in_([int(i) for i in ids]))
    if report_id is not None:
        query = query.where(intake_items.c.report_id == int(report_id))
    query = query.order_by(item_time().desc(), intake_items.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        found = _frame(conn, query)
    for name in ("time", "imported_at", "triaged_at", "at"):
        found[name] = pd.to_datetime(found[name], utc=True).dt.tz_convert(LOCAL_TZ)
    for name in ("id", "report_id"):
        found[name] = pd.to_numeric(found[name]).astype("Int64")
    found["attachments"] = [json.loads(text or "[]") for text in found["attachments"]]
    return found


def count_untriaged(
    engine: Engine, *, actor: Caller, since: Sequence[dt.datetime], lang: str = "id"
) -> tuple[int, list[int]]:
    """Return how many new items the caller may see, and how many of them are at or after each of ``since``.

    One cheap query, for the counts by age every Posko page shows.
    """
    access.require(actor, "report.read", lang=lang)
    waiting = [intake_items.c.status == "new", _visible(actor.ceiling)]
    counts = [sa.select(sa.func.count()).select_from(intake_items).where(*waiting)]
    counts += [
        sa.select(sa.func.count()).select_from(intake_items).where(*waiting, item_time() >= _utc(bound))
        for bound in since
    ]  # one range of the (status, at) index each, not a pass over every waiting item
    with engine.connect() as conn:
        found = [int(conn.execute(query).scalar() or 0) for query in counts]
    return found[0], found[1:]


def _open_items(conn: Connection, ids: Collection[int], actor: Caller, lang: str) -> list[dict[str, Any]]:
    """Return the visible items of ``ids``; an id that is missing or not visible is refused."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        raise ValueError("no items given.")
    query = sa.select(intake_items).where(intake_items.c.id.in_(wanted), _visible(actor.ceiling))
    found = [dict(row) for row in conn.execute(query).mappings()]
    missing = sorted(set(wanted) - {int(row["id"]) for row in found})
    if missing:
        raise DataProblem(
            t("triage.problem.not_found", lang, ids=_id_list(missing)), t("triage.problem.reload_fix", lang)
        )
    return found


def _id_list(ids: Iterable[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)


def _refuse_triaged(items: Sequence[Mapping[str, Any]], lang: str, *, report_id: int | None = None) -> None:
    done = [
        int(i["id"])
        for i in items
        if i["status"] != "new" and not (report_id is not None and i["report_id"] == report_id)
    ]
    if done:
        raise DataProblem(
            t("triage.problem.triaged", lang, ids=_id_list(done)), t("triage.problem.reload_fix", lang)
        )


def dismiss_items(
    engine: Engine, ids: Collection[int], *, reason: str, actor: Caller, lang: str = "id"
) -> int:
    """Dismiss new items with a reason (a duplicate, a greeting, not for the Posko); return how many.

    Raises
    ------
    DataProblem
        If ``actor`` may not triage, the reason is empty or too long, or an item is not visible or
        was triaged already (then nothing is changed).
    """
    access.require(actor, "report.create", lang=lang)
    reason = " ".join((reason or "").split())
    if not reason or len(reason) > DISMISS_REASON_MAX:
        key = "triage.problem.reason_empty" if not reason else "triage.problem.reason_long"
        raise DataProblem(
            t(key, lang, length=len(reason), limit=DISMISS_REASON_MAX), t("triage.problem.reason_fix", lang)
        )
    at = _now()
    with engine.begin() as conn:
        items = _open_items(conn, ids, actor, lang)
        _refuse_triaged(items, lang)
        chosen = [int(i["id"]) for i in items]
        conn.execute(
            intake_items.update()
            .where(intake_items.c.id.in_(chosen), intake_items.c.status == "new")
            .values(status="dismissed", dismiss_reason=reason, triaged_by=actor.who, triaged_at=at)
        )
        record(
            conn, who=actor.who, action="intake.dismiss", target=_id_list(chosen)[:200], detail=reason, at=at
        )
        bump_revision(conn)
    return len(chosen)


def mark_reported(
    engine: Engine, ids: Collection[int], report_id: int, *, actor: Caller, lang: str = "id"
) -> int:
    """Link new items to the report they became, and name them in the report's history; return how many.

    Linking items already linked to this report again changes nothing (a retry is safe).

    Raises
    ------
    DataProblem
        If ``actor`` may not triage, the report is not visible to them, or an item is not visible
        or was triaged otherwise already (then nothing is changed).
    """
    access.require(actor, "report.create", lang=lang)
    at = _now()
    with engine.begin() as conn:
        seen = sa.select(reports.c.id).where(
            reports.c.id == int(report_id), reports.c.classification.in_(access.allowed_levels(actor.ceiling))
        )
        if conn.execute(seen).first() is None:
            raise DataProblem(
                t("posko.problem.not_found", lang, id=report_id), t("posko.problem.not_found_fix", lang)
            )
        items = _open_items(conn, ids, actor, lang)
        _refuse_triaged(items, lang, report_id=int(report_id))
        fresh = sorted(int(i["id"]) for i in items if i["status"] == "new")
        if not fresh:
            return 0
        conn.execute(
            intake_items.update()
            .where(intake_items.c.id.in_(fresh), intake_items.c.status == "new")
            .values(status="reported", report_id=int(report_id), triaged_by=actor.who, triaged_at=at)
        )
        named = [i for i in items if int(i["id"]) in fresh]
        conn.execute(
            report_history.insert().values(
                report_id=int(report_id),
                at=at,
                who=actor.who,
                field="intake_items",
                old=None,
                new=item_names(named),
            )
        )
        record(
            conn, who=actor.who, action="intake.report", target=f"#{report_id}", detail=_id_list(fresh), at=at
        )
        bump_revision(conn)
    return len(fresh)


def item_names(items: Iterable[Mapping[str, Any]]) -> str:
    """Return the items as a report's history names them: "#12 Made 27/11/2024 14:05, #13 …"."""
    parts = []
    for item in sorted(items, key=lambda i: int(i["id"])):
        when = _utc(item["at"]).astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
        parts.append(" ".join(p for p in (f"#{item['id']}", str(item["sender"] or ""), when) if p))
    return ", ".join(parts)


def report_for_token(engine: Engine, client_token: str, *, ceiling: str) -> int | None:
    """Return the id of the report stored with the form token ``client_token``, if visible at ``ceiling``."""
    query = sa.select(reports.c.id).where(
        reports.c.client_token == client_token, reports.c.classification.in_(access.allowed_levels(ceiling))
    )
    with engine.connect() as conn:
        found = conn.execute(query).scalar()
    return None if found is None else int(found)
