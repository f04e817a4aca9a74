"""Writes of an election set up in the app: the election, its stages, contests, pairs, coalitions, figures.

Everything goes in one transaction with an audit row, and the revision is bumped (every cached read
keys on it), so the app shows the new election at its next rerun, in every process.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib import access
from lib.access import Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.store.audit import record
from lib.store.engine import bump_revision
from lib.store.facts import WriteOutcome, _records, _same
from lib.store.schema import elections, metadata

SETUP_TABLES: tuple[str, ...] = (
    "election_stages",
    "contests",
    "candidate_pairs",
    "coalitions",
    "election_figures",
)
"""The tables an election set up in the app fills, in the order they are written (keys before their users)."""


@dataclass(frozen=True)
class SetupOutcome:
    """What :func:`save_election` did: whether the election is new, and the rows of each table."""

    created: bool
    tables: dict[str, WriteOutcome]


def _upsert(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> WriteOutcome:
    """Insert new rows and update changed ones by primary key, inside the caller's transaction.

    A stored row that came with Sinergi (``origin == "bundled"``) is never overwritten.
    """
    keys = [c.name for c in table.primary_key.columns]
    added = updated = unchanged = protected = 0
    for row in rows:
        where = sa.and_(*[table.c[k] == row[k] for k in keys])
        old = conn.execute(sa.select(table).where(where)).mappings().first()
        if old is None:
            conn.execute(table.insert().values(**row))
            added += 1
        elif "origin" in table.c and old.get("origin") == "bundled":
            protected += 1
        elif all(_same(old[c], row[c]) for c in row if c not in keys):
            unchanged += 1
        else:
            conn.execute(table.update().where(where).values({c: row[c] for c in row if c not in keys}))
            updated += 1
    return WriteOutcome(added, updated, unchanged, protected)


def _rows(table: sa.Table, frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return ``frame``'s rows in the columns ``table`` has."""
    return _records(frame, [c.name for c in table.columns if c.name in frame.columns])


def save_election(
    engine: Engine,
    election: Mapping[str, Any],
    tables: Mapping[str, pd.DataFrame],
    *,
    actor: Caller,
    bundled: Collection[str],
    lang: str = "id",
) -> SetupOutcome:
    """Store an election and its tables in one transaction; return what was added and changed.

    ``election`` is its row (``id``, ``name``, ``name_en``, ``level``, ``voting_day``, ``scope``,
    ``source``, ``note``); ``tables`` maps some of :data:`SETUP_TABLES` to their rows. The stages
    given replace the election's stored schedule (a revised PKPU schedule drops stages it no longer
    has); the other tables' rows are added or updated by key. An audit row says who did it.

    Raises
    ------
    DataProblem
        If ``actor`` may not set up elections, or the election is one bundled with Sinergi
        (``bundled`` ids), whose facts only the bundle changes.
    """
    access.require(actor, "election.setup", lang=lang)
    election_id = str(election["id"])
    if election_id in set(bundled):
        raise DataProblem(t("setup.store.bundled", lang, id=election_id), t("setup.store.bundled_fix", lang))
    unknown = sorted(set(tables) - set(SETUP_TABLES))
    if unknown:
        raise ValueError(f"tables must be among {SETUP_TABLES}, got {unknown}.")
    done: dict[str, WriteOutcome] = {}
    with engine.begin() as conn:
        stored = conn.execute(sa.select(elections.c.id).where(elections.c.id == election_id)).first()
        row = {c.name: election[c.name] for c in elections.columns if c.name in election}
        _upsert(conn, elections, [row])
        for name in SETUP_TABLES:
            if name not in tables:
                continue
            table = metadata.tables[name]
            rows = _rows(
                table,
                tables[name].assign(election_id=election_id) if "election_id" in table.c else tables[name],
            )
            if name == "election_stages":
                kept = [r["stage"] for r in rows]
                conn.execute(
                    table.delete().where(table.c.election_id == election_id).where(table.c.stage.not_in(kept))
                )
            done[name] = _upsert(conn, table, rows)
        detail = ", ".join(f"{name} {len(tables[name])}" for name in SETUP_TABLES if name in tables)
        record(conn, who=actor.who, action="election.setup", target=election_id, detail=detail or None)
        bump_revision(conn)
    return SetupOutcome(created=stored is None, tables=done)
