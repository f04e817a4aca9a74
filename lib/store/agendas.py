"""Meeting agendas in the store: create, fill, order, copy and read them; a partner reads one by its link.

The rules (what a view may be, its levels, how a reader sees it) are :mod:`lib.agenda`'s; every write
here checks ``agenda.edit``, bumps the revision and appends an audit row in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib import access, agenda
from lib.access import Caller
from lib.agenda import Agenda, AgendaItem
from lib.core.clock import LOCAL_TZ
from lib.core.clock import now as _now
from lib.core.clock import utc as _utc
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.store.audit import record
from lib.store.engine import bump_revision
from lib.store.schema import (
    agenda_items,
    agendas,
    candidate_pairs,
    coalitions,
    disputes,
    links,
    reports,
    results,
    seats,
    share_links,
    stakeholders,
)
from lib.store.schema import events as events_table

_SOURCES = {
    "events": events_table,
    "reports": reports,
    "stakeholders": stakeholders,
    "links": links,
    **{table.name: table for table in (candidate_pairs, coalitions, seats, results, disputes)},
}
"""The tables :data:`lib.agenda.PAGE_SOURCES` names, by name (the level of a view is read from them)."""


def _missing(lang: str) -> DataProblem:
    return DataProblem(t("agenda.missing", lang), t("agenda.missing_fix", lang))


def _agenda_row(conn: Connection, agenda_id: str, lang: str) -> Mapping:
    row = conn.execute(sa.select(agendas).where(agendas.c.id == agenda_id)).mappings().first()
    if row is None:
        raise _missing(lang)
    return row


def _item_row(conn: Connection, item_id: int, lang: str) -> Mapping:
    row = conn.execute(sa.select(agenda_items).where(agenda_items.c.id == int(item_id))).mappings().first()
    if row is None:
        raise _missing(lang)
    return row


def _touch(
    conn: Connection, agenda_id: str, actor: Caller, *, action: str, target: str, detail: str = ""
) -> None:
    """Mark the agenda changed by ``actor``, bump the revision and append the audit row."""
    conn.execute(
        agendas.update().where(agendas.c.id == agenda_id).values(updated_by=actor.who, updated_at=_now())
    )
    bump_revision(conn)
    record(conn, who=actor.who, action=action, target=target[:200], detail=detail or None)


def create_agenda(
    engine: Engine, *, title: str, actor: Caller, classification: str = "TERBUKA", lang: str = "id"
) -> str:
    """Store a new, empty agenda and return its id.

    Raises
    ------
    DataProblem
        If ``actor`` may not edit agendas, or the title is empty or too long.
    """
    access.require(actor, "agenda.edit", lang=lang)
    shown = agenda.clean_text(title, agenda.TITLE_MAX, what="agenda_title", lang=lang)
    access.allowed_levels(classification)
    agenda_id = secrets.token_urlsafe(12)
    at = _now()
    with engine.begin() as conn:
        conn.execute(
            agendas.insert().values(
                id=agenda_id,
                title=shown,
                classification=classification,
                created_by=actor.who,
                created_at=at,
                updated_by=actor.who,
                updated_at=at,
            )
        )
        _touch(conn, agenda_id, actor, action="agenda.create", target=shown)
    return agenda_id


def _positions(conn: Connection, agenda_id: str) -> list[int]:
    query = sa.select(agenda_items.c.id).where(agenda_items.c.agenda_id == agenda_id)
    return [
        int(i) for i in conn.execute(query.order_by(agenda_items.c.position, agenda_items.c.id)).scalars()
    ]


def add_item(
    engine: Engine,
    agenda_id: str,
    *,
    page: str,
    view_params: Mapping[str, str],
    title: str,
    note: str = "",
    classification: str = "TERBUKA",
    actor: Caller,
    lang: str = "id",
) -> int:
    """Append a view to an agenda and return its id.

    Parameters
    ----------
    page
        The page's URL path (one of :data:`lib.agenda.AGENDA_PAGES`).
    view_params
        The view's query parameters as ``viewstate.encode`` writes them.
    classification
        The level of the title and note (a reader below it sees neither); at most ``actor``'s ceiling.

    Raises
    ------
    DataProblem
        If ``actor`` may not edit agendas, the agenda is unknown or full, the page is not one an
        agenda shows, a text is empty or too long, or the level is above ``actor``'s own.
    """
    access.require(actor, "agenda.edit", lang=lang)
    params = agenda.check_view(page, view_params, lang)
    shown = agenda.clean_text(title, agenda.TITLE_MAX, what="item_title", lang=lang)
    written = agenda.clean_text(note, agenda.NOTE_MAX, what="note", lang=lang, required=False)
    _check_level(classification, actor, lang)
    with engine.begin() as conn:
        row = _agenda_row(conn, agenda_id, lang)
        order = _positions(conn, agenda_id)
        if len(order) >= agenda.ITEMS_MAX:
            raise DataProblem(t("agenda.full", lang, limit=agenda.ITEMS_MAX), t("agenda.full_fix", lang))
        done = conn.execute(
            agenda_items.insert().values(
                agenda_id=agenda_id,
                position=len(order),
                page=page,
                view_params=agenda.params_json(params),
                title=shown,
                note=written,
                classification=classification,
            )
        )
        item_id = int(done.inserted_primary_key[0])
        _touch(
            conn, agenda_id, actor, action="agenda.item.add", target=row["title"], detail=f"{page}: {shown}"
        )
    return item_id


def _check_level(classification: str, actor: Caller, lang: str) -> None:
    access.allowed_levels(classification)
    if not access.may_see(actor.ceiling, classification):
        raise DataProblem(
            t("access.share.ceiling_above", lang, level=classification, own=actor.ceiling),
            t("agenda.level_above_fix", lang),
        )


def update_item(
    engine: Engine,
    item_id: int,
    *,
    title: str,
    note: str,
    classification: str,
    actor: Caller,
    lang: str = "id",
) -> None:
    """Change a view's title, note and their level.

    Raises
    ------
    DataProblem
        As :func:`add_item`, or when the view is no longer there.
    """
    access.require(actor, "agenda.edit", lang=lang)
    shown = agenda.clean_text(title, agenda.TITLE_MAX, what="item_title", lang=lang)
    written = agenda.clean_text(note, agenda.NOTE_MAX, what="note", lang=lang, required=False)
    _check_level(classification, actor, lang)
    with engine.begin() as conn:
        item = _item_row(conn, item_id, lang)
        conn.execute(
            agenda_items.update()
            .where(agenda_items.c.id == int(item_id))
            .values(title=shown, note=written, classification=classification)
        )
        _touch(conn, item["agenda_id"], actor, action="agenda.item.edit", target=shown)


def remove_item(engine: Engine, item_id: int, *, actor: Caller, lang: str = "id") -> None:
    """Take a view off its agenda (the others close up)."""
    access.require(actor, "agenda.edit", lang=lang)
    with engine.begin() as conn:
        item = _item_row(conn, item_id, lang)
        conn.execute(agenda_items.delete().where(agenda_items.c.id == int(item_id)))
        _renumber(conn, _positions(conn, item["agenda_id"]))
        _touch(conn, item["agenda_id"], actor, action="agenda.item.remove", target=item["title"])


def _renumber(conn: Connection, order: list[int]) -> None:
    for position, each in enumerate(order):
        conn.execute(agenda_items.update().where(agenda_items.c.id == each).values(position=position))


def move_item(engine: Engine, item_id: int, delta: int, *, actor: Caller, lang: str = "id") -> None:
    """Move a view ``delta`` places up (negative) or down its agenda; at an end it stays."""
    access.require(actor, "agenda.edit", lang=lang)
    with engine.begin() as conn:
        item = _item_row(conn, item_id, lang)
        order = _positions(conn, item["agenda_id"])
        _renumber(conn, agenda.moved(order, int(item_id), delta))
        _touch(
            conn,
            item["agenda_id"],
            actor,
            action="agenda.item.move",
            target=item["title"],
            detail=f"{delta:+d}",
        )


def shown_levels(conn: Connection, pages: set[str], ceiling: str) -> set[str]:
    """Return the levels of the rows that ``pages`` draw on and a reader with ``ceiling`` may see."""
    allowed = access.allowed_levels(ceiling)
    found: set[str] = set()
    for name in sorted({source for page in pages for source in agenda.PAGE_SOURCES.get(page, ())}):
        table = _SOURCES[name]
        query = sa.select(table.c.classification).where(table.c.classification.in_(allowed)).distinct()
        found |= {str(level) for level in conn.execute(query).scalars()}
    return found


def set_level(
    engine: Engine, agenda_id: str, classification: str, *, actor: Caller, lang: str = "id"
) -> None:
    """Raise the level an agenda carries; refused below its level now or what it shows (never lower).

    Raises
    ------
    DataProblem
        If ``actor`` may not edit agendas, the level is above ``actor``'s ceiling, or below the
        highest level of what the agenda shows.
    """
    access.require(actor, "agenda.edit", lang=lang)
    _check_level(classification, actor, lang)
    with engine.begin() as conn:
        row = _agenda_row(conn, agenda_id, lang)
        items = (
            conn.execute(sa.select(agenda_items).where(agenda_items.c.agenda_id == agenda_id))
            .mappings()
            .all()
        )
        shown = agenda.highest(
            [
                row["classification"],
                *(i["classification"] for i in items),
                *shown_levels(conn, {i["page"] for i in items}, actor.ceiling),
            ]
        )
        agenda.check_floor(classification, shown, lang)
        conn.execute(agendas.update().where(agendas.c.id == agenda_id).values(classification=classification))
        _touch(conn, agenda_id, actor, action="agenda.level", target=row["title"], detail=classification)


def rename_agenda(engine: Engine, agenda_id: str, title: str, *, actor: Caller, lang: str = "id") -> None:
    """Give an agenda a new title."""
    access.require(actor, "agenda.edit", lang=lang)
    shown = agenda.clean_text(title, agenda.TITLE_MAX, what="agenda_title", lang=lang)
    with engine.begin() as conn:
        _agenda_row(conn, agenda_id, lang)
        conn.execute(agendas.update().where(agendas.c.id == agenda_id).values(title=shown))
        _touch(conn, agenda_id, actor, action="agenda.rename", target=shown)


def copy_agenda(engine: Engine, agenda_id: str, *, title: str, actor: Caller, lang: str = "id") -> str:
    """Copy an agenda for the next meeting: a new title, the same views in the same order; return its id."""
    access.require(actor, "agenda.edit", lang=lang)
    shown = agenda.clean_text(title, agenda.TITLE_MAX, what="agenda_title", lang=lang)
    new_id = secrets.token_urlsafe(12)
    at = _now()
    with engine.begin() as conn:
        row = _agenda_row(conn, agenda_id, lang)
        conn.execute(
            agendas.insert().values(
                id=new_id,
                title=shown,
                classification=row["classification"],
                created_by=actor.who,
                created_at=at,
                updated_by=actor.who,
                updated_at=at,
                copied_from=agenda_id,
            )
        )
        query = sa.select(agenda_items).where(agenda_items.c.agenda_id == agenda_id)
        for item in conn.execute(query.order_by(agenda_items.c.position, agenda_items.c.id)).mappings().all():
            values = {
                k: item[k] for k in ("position", "page", "view_params", "title", "note", "classification")
            }
            conn.execute(agenda_items.insert().values(agenda_id=new_id, **values))
        _touch(conn, new_id, actor, action="agenda.copy", target=shown, detail=f"from {row['title']}"[:200])
    return new_id


def _may_read(conn: Connection, agenda_id: str, actor: Caller, now: dt.datetime, lang: str) -> None:
    """Let analysts read any agenda and a partner only the agenda its live link names."""
    if access.can(actor, "agenda.read"):
        return
    if actor.role == "partner":
        link = (
            conn.execute(
                sa.select(share_links).where(share_links.c.id == actor.user_id.removeprefix("link:"))
            )
            .mappings()
            .first()
        )
        if (
            link is not None
            and link["agenda_id"] == agenda_id
            and link["revoked_at"] is None
            and _utc(link["expires_at"]) > now
        ):
            return
    access.require(actor, "agenda.read", lang=lang)


def read_agenda(
    engine: Engine, agenda_id: str, *, actor: Caller, now: dt.datetime | None = None, lang: str = "id"
) -> Agenda:
    """Return an agenda as ``actor`` may see it: views in order, texts above its ceiling hidden, its level.

    Raises
    ------
    DataProblem
        If the agenda is unknown, or ``actor`` is neither an analyst nor the partner of a live link to it.
    """
    now = _utc(now or _now())
    with engine.connect() as conn:
        row = _agenda_row(conn, agenda_id, lang)
        _may_read(conn, agenda_id, actor, now, lang)
        query = sa.select(agenda_items).where(agenda_items.c.agenda_id == agenda_id)
        rows = conn.execute(query.order_by(agenda_items.c.position, agenda_items.c.id)).mappings().all()
        shown = shown_levels(conn, {r["page"] for r in rows}, actor.ceiling)
    items = tuple(
        agenda.as_seen(
            AgendaItem(
                int(r["id"]),
                r["page"],
                agenda.read_params(r["view_params"]),
                r["title"],
                r["note"],
                r["classification"],
            ),
            actor.ceiling,
            lang,
        )
        for r in rows
    )
    level = agenda.agenda_level(
        row["classification"], [r["classification"] for r in rows], shown, actor.ceiling
    )
    return Agenda(agenda_id, row["title"], level, items, row["created_by"])


def list_agendas(engine: Engine, *, actor: Caller, lang: str = "id") -> pd.DataFrame:
    """Return the agendas, last changed first: id, title, level (for ``actor``), views, creator, changed."""
    access.require(actor, "agenda.read", lang=lang)
    with engine.connect() as conn:
        heads = conn.execute(sa.select(agendas).order_by(agendas.c.updated_at.desc())).mappings().all()
        items = conn.execute(sa.select(agenda_items)).mappings().all()
        by_agenda: dict[str, list[Mapping]] = {}
        for item in items:
            by_agenda.setdefault(item["agenda_id"], []).append(item)
        rows = []
        for head in heads:
            mine = by_agenda.get(head["id"], [])
            shown = shown_levels(conn, {i["page"] for i in mine}, actor.ceiling)
            level = agenda.agenda_level(
                head["classification"], [i["classification"] for i in mine], shown, actor.ceiling
            )
            rows.append(
                {
                    "id": head["id"],
                    "title": head["title"],
                    "classification": level,
                    "views": len(mine),
                    "created_by": head["created_by"],
                    "updated_at": head["updated_at"],
                }
            )
    frame = pd.DataFrame(rows, columns=["id", "title", "classification", "views", "created_by", "updated_at"])
    frame["updated_at"] = pd.to_datetime(frame["updated_at"], utc=True).dt.tz_convert(LOCAL_TZ)
    frame["views"] = frame["views"].astype("Int64")
    return frame


def agenda_of(engine: Engine, caller: Caller) -> str | None:
    """Return the agenda a partner's link opens, or None (not a partner, or a link to one page)."""
    if caller.role != "partner":
        return None
    link_id = caller.user_id.removeprefix("link:")
    with engine.connect() as conn:
        value = conn.execute(sa.select(share_links.c.agenda_id).where(share_links.c.id == link_id)).scalar()
    return None if value is None else str(value)
