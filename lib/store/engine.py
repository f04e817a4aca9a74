"""The engine: one SQLAlchemy engine from one URL (SQLite file by default, PostgreSQL when set).

The schema (:mod:`lib.store.schema`) is versioned by :data:`MIGRATIONS`, a list applied in order
and recorded in ``schema_version``. Every write bumps ``meta.revision`` so that cached reads know
when to reload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import clock
from lib.store.schema import (
    FORCES_TABLES,
    FORCES_TRANSLATED,
    TIES_TRANSLATED,
    TRANSLATED,
    agenda_items,
    agendas,
    audit,
    contests,
    election_figures,
    election_stages,
    elections,
    events,
    indicator_values,
    intake_items,
    links,
    meta,
    metadata,
    political_ties,
    regions,
    report_history,
    reports,
    schema_version,
    sessions,
    share_links,
    sign_in_failures,
    stakeholders,
    users,
)

V1_TABLES = (
    meta,
    regions,
    elections,
    election_stages,
    election_figures,
    contests,
    events,
    stakeholders,
    links,
)


V2_TABLES = (users, reports, report_history, share_links)


def _create(tables: Iterable[sa.Table]) -> Callable[[Connection], None]:
    """Return a migration step that creates ``tables``."""

    def step(conn: Connection) -> None:
        metadata.create_all(conn, tables=list(tables))

    return step


def _add_columns(columns: Mapping[str, Iterable[str]]) -> Callable[[Connection], None]:
    """Return a migration step that adds the ``<c>_en`` text columns a table lacks.

    A store created after the column joined the schema has it already (migration 1 creates
    tables as the schema defines them today), so the step adds only what is missing.
    """

    def step(conn: Connection) -> None:
        inspector = sa.inspect(conn)
        for name, texts in columns.items():
            have = {c["name"] for c in inspector.get_columns(name)}
            for text in texts:
                if f"{text}_en" not in have:
                    conn.execute(sa.text(f'ALTER TABLE {name} ADD COLUMN "{text}_en" TEXT'))

    return step


def _agendas(conn: Connection) -> None:
    """Create the agenda tables and give share links the agenda they may open (migration 7)."""
    metadata.create_all(conn, tables=[agendas, agenda_items])
    if "agenda_id" not in {c["name"] for c in sa.inspect(conn).get_columns("share_links")}:
        conn.execute(sa.text("ALTER TABLE share_links ADD COLUMN agenda_id VARCHAR(24)"))


def _forces(conn: Connection) -> None:
    """Create the political-forces tables and give contests their office (migration 9).

    A table that exists already (created from today's schema, or an older copy of it) gains the
    columns it lacks, so the step suits every store it may meet.
    """
    metadata.create_all(conn, tables=list(FORCES_TABLES))
    inspector = sa.inspect(conn)
    wanted = {"contests": {"office": "VARCHAR(16)"}}
    for name, texts in FORCES_TRANSLATED.items():
        wanted[name] = {f"{text}_en": "TEXT" for text in texts}
    for name, columns in wanted.items():
        have = {c["name"] for c in inspector.get_columns(name)}
        for column, sql_type in columns.items():
            if column not in have:
                conn.execute(sa.text(f'ALTER TABLE {name} ADD COLUMN "{column}" {sql_type}'))


def _ties(conn: Connection) -> None:
    """Create the political ties table (migration 10); a copy that exists already gains its ``_en`` twins."""
    metadata.create_all(conn, tables=[political_ties])
    _add_columns(TIES_TRANSLATED)(conn)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "regions, elections, events, stakeholders, links", _create(V1_TABLES)),
    (2, "users, Posko reports and their history, share links", _create(V2_TABLES)),
    (3, "indicator values entered for the vulnerability index", _create([indicator_values])),
    (4, "sign-in failures (throttling) and the audit trail", _create([sign_in_failures, audit])),
    (5, "English twins of the bundled texts (c_en beside c)", _add_columns(TRANSLATED)),
    (6, "sign-in sessions that outlast a tab (hashed ids)", _create([sessions])),
    (7, "meeting agendas and their views; share links that open an agenda", _agendas),
    (8, "the Posko's queue of WhatsApp messages awaiting triage", _create([intake_items])),
    (9, "political forces: candidate pairs, coalitions, DPRD seats, results, disputes", _forces),
    (10, "political ties to candidate pairs: campaign teams, declared support", _ties),
]
"""Schema changes in order. Append, never edit a released step."""

SCHEMA_VERSION = max(version for version, _, _ in MIGRATIONS)


def make_engine(url: str) -> Engine:
    """Create the engine for ``url``; SQLite gets WAL mode, foreign keys and a busy timeout."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def current_version(engine: Engine) -> int:
    """Return the schema version stored in the database (0 for an empty one)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("schema_version"):
            return 0
        return int(conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0)


def migrate(engine: Engine) -> list[int]:
    """Apply the migrations the database lacks, each in its own transaction; return those applied."""
    with engine.begin() as conn:
        metadata.create_all(conn, tables=[schema_version])
    applied = []
    for version, description, step in MIGRATIONS:
        with engine.begin() as conn:
            done = conn.execute(
                sa.select(schema_version.c.version).where(schema_version.c.version == version)
            ).first()
            if done:
                continue
            step(conn)
            conn.execute(
                schema_version.insert().values(version=version, description=description, applied_at=_now())
            )
            applied.append(version)
    return applied


def _now() -> dt.datetime:
    return clock.now()


def bump_revision(conn: Connection) -> None:
    """Mark that data changed, inside the writing transaction."""
    updated = conn.execute(
        meta.update()
        .where(meta.c.key == "revision")
        .values(value=sa.cast(sa.cast(meta.c.value, sa.Integer) + 1, sa.Text))
    )
    if updated.rowcount == 0:
        conn.execute(meta.insert().values(key="revision", value="1"))


def revision(engine: Engine) -> int:
    """Return the data revision: it changes whenever anything is written."""
    with engine.connect() as conn:
        value = conn.execute(sa.select(meta.c.value).where(meta.c.key == "revision")).scalar()
    return int(value or 0)


def revision_missing(conn: Connection) -> bool:
    """Return True when no revision has been recorded yet."""
    return conn.execute(sa.select(meta.c.value).where(meta.c.key == "revision")).first() is None
