"""Persistence: one SQLAlchemy engine from one URL (SQLite file by default, PostgreSQL when set).

The schema is versioned by :data:`MIGRATIONS`, a list applied in order and recorded in
``schema_version``. Bundled facts are seeded on first start and again at every start
(idempotently: a row already stored is never duplicated or overwritten). Every write bumps
``meta.revision`` so that cached reads know when to reload.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.access import allowed_levels, create_tables_v2
from lib.events import EVENT_COLUMNS
from lib.loading import Bundle
from lib.problems import DataProblem

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)
meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
regions = sa.Table(
    "regions",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("parent_code", sa.String(16)),
    sa.Column("capital", sa.Text),
    sa.Column("seat_lat", sa.Float),
    sa.Column("seat_lon", sa.Float),
    sa.Column("area_km2", sa.Float),
    sa.Column("population", sa.Integer),
    sa.Column("population_ref", sa.Text),
    sa.Column("n_kecamatan", sa.Integer),
    sa.Column("n_desa_kelurahan", sa.Integer),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
)
elections = sa.Table(
    "elections",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("voting_day", sa.Date, nullable=False),
    sa.Column("scope", sa.String(16), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
)
election_stages = sa.Table(
    "election_stages",
    metadata,
    sa.Column("election_id", sa.String(64), sa.ForeignKey("elections.id"), primary_key=True),
    sa.Column("stage", sa.String(32), primary_key=True),
    sa.Column("name_id", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text, nullable=False),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
)
election_figures = sa.Table(
    "election_figures",
    metadata,
    sa.Column("election_id", sa.String(64), sa.ForeignKey("elections.id"), primary_key=True),
    sa.Column("region_code", sa.String(16), primary_key=True),
    sa.Column("dpt", sa.Integer),
    sa.Column("n_tps", sa.Integer),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
)
contests = sa.Table(
    "contests",
    metadata,
    sa.Column("election_id", sa.String(64), sa.ForeignKey("elections.id"), primary_key=True),
    sa.Column("contest", sa.String(64), primary_key=True),
    sa.Column("region_code", sa.String(16), nullable=False),
    sa.Column("n_pairs", sa.Integer),
    sa.Column("source", sa.Text, nullable=False),
)
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("date", sa.String(10), nullable=False),
    sa.Column("date_precision", sa.String(8), nullable=False),
    sa.Column("region_code", sa.String(16), nullable=False, index=True),
    sa.Column("location", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("election_id", sa.String(64)),
    sa.Column("election_label", sa.Text),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("severity", sa.Integer, nullable=False),
    sa.Column("fatalities", sa.Integer),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("source_url", sa.Text),
    sa.Column("source_title", sa.Text),
    sa.Column("confidence", sa.String(8)),
    sa.Column("severity_basis", sa.Text),
    sa.Column("phase_reported", sa.String(8)),
    sa.Column("classification", sa.String(16), nullable=False, index=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
)
stakeholders = sa.Table(
    "stakeholders",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("acronym", sa.Text),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("region_code", sa.String(16)),
    sa.Column("role", sa.Text),
    sa.Column("classification", sa.String(16), nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("note", sa.Text),
    sa.Column("origin", sa.Text, nullable=False),
)
links = sa.Table(
    "links",
    metadata,
    sa.Column("source_id", sa.String(80), primary_key=True),
    sa.Column("target_id", sa.String(80), primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("directed", sa.Boolean, nullable=False),
    sa.Column("strength", sa.Integer),
    sa.Column("delay_hours", sa.Float),
    sa.Column("channel", sa.Text),
    sa.Column("assumption", sa.Boolean, nullable=False),
    sa.Column("source_ref", sa.Text),
    sa.Column("note", sa.Text),
    sa.Column("classification", sa.String(16), nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
)

indicator_values = sa.Table(
    "indicator_values",
    metadata,
    sa.Column("region_code", sa.String(16), primary_key=True),
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("origin", sa.Text, nullable=False),
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


def _create(tables: Iterable[sa.Table]) -> Callable[[Connection], None]:
    """Return a migration step that creates ``tables``."""

    def step(conn: Connection) -> None:
        metadata.create_all(conn, tables=list(tables))

    return step


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "regions, elections, events, stakeholders, links", _create(V1_TABLES)),
    (2, "users, Posko reports and their history, share links", create_tables_v2),
    (3, "indicator values entered for the vulnerability index", _create([indicator_values])),
]
"""Schema changes in order. Append, never edit a released step."""

SCHEMA_VERSION = MIGRATIONS[-1][0]


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
    return dt.datetime.now(dt.UTC)


def _clean(value: Any) -> Any:
    """Turn pandas' missing values and numpy scalars into what the database driver expects."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()
    return value


def _records(frame: pd.DataFrame, columns: Iterable[str]) -> list[dict[str, Any]]:
    """Return ``frame``'s rows as plain dicts restricted to ``columns``."""
    cols = list(columns)
    return [
        {c: _clean(v) for c, v in zip(cols, row, strict=True)}
        for row in frame[cols].itertuples(index=False, name=None)
    ]


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


def _insert_missing(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> int:
    """Insert the rows whose primary key is not stored yet; return how many were inserted."""
    keys = [c.name for c in table.primary_key.columns]
    existing = {tuple(r) for r in conn.execute(sa.select(*[table.c[k] for k in keys]))}
    fresh = [r for r in rows if tuple(r[k] for k in keys) not in existing]
    if fresh:
        conn.execute(table.insert(), fresh)
    return len(fresh)


def seed(engine: Engine, bundle: Bundle) -> dict[str, int]:
    """Store the bundled facts that are not stored yet, in one transaction; return counts added."""
    now = _now()
    region_rows = bundle.regions.assign(level=bundle.regions["kind"].replace({"kota": "kabupaten"}))
    event_rows = bundle.events.assign(created_at=now, created_by="bundled")
    people = bundle.stakeholders.assign(origin="bundled")
    link_rows = bundle.links.assign(origin="bundled")
    plan = [
        (regions, region_rows),
        (elections, bundle.elections),
        (election_stages, bundle.stages),
        (election_figures, bundle.figures),
        (contests, bundle.contests),
        (events, event_rows),
        (stakeholders, people),
        (links, link_rows),
        (indicator_values, bundle.indicator_values.assign(origin="bundled")),
    ]
    added: dict[str, int] = {}
    with engine.begin() as conn:
        for table, frame in plan:
            columns = [c.name for c in table.columns if c.name in frame.columns]
            added[table.name] = _insert_missing(conn, table, _records(frame, columns))
        if any(added.values()) or revision_missing(conn):
            bump_revision(conn)
    return added


def revision_missing(conn: Connection) -> bool:
    """Return True when no revision has been recorded yet."""
    return conn.execute(sa.select(meta.c.value).where(meta.c.key == "revision")).first() is None


def open_store(url: str, bundle: Bundle) -> Engine:
    """Create the engine, bring the schema up to date and seed the bundled facts."""
    engine = make_engine(url)
    try:
        migrate(engine)
        seed(engine, bundle)
    except sa.exc.OperationalError as error:
        raise DataProblem(
            f"Basis data Sinergi tidak dapat dibuka ({url.split('@')[-1]}): {str(error.orig).strip()[:200]}",
            "Periksa SINERGI_DB_URL atau SINERGI_DATA_DIR, lalu muat ulang halaman.",
        ) from error
    return engine


# ---------------------------------------------------------------- reads


def _column_dtype(sql_type: sa.types.TypeEngine[Any]) -> str | None:
    """Return the pandas dtype that holds a column of ``sql_type`` with its gaps, or None to infer."""
    if isinstance(sql_type, sa.Boolean):
        return "boolean"
    if isinstance(sql_type, sa.Integer):
        return "Int64"
    if isinstance(sql_type, sa.Float | sa.Numeric):
        return "Float64"
    if isinstance(sql_type, sa.String):  # Text is a String
        return "object"
    return None


def frame(conn: Connection, query: sa.Select[Any]) -> pd.DataFrame:
    """Run ``query`` and return its rows as a frame typed by the query's own column types.

    One rule for every read, so no caller meets a gap it did not expect: a missing text is
    ``None`` (object column), a missing number is ``pd.NA`` (``Int64``/``Float64``), a missing
    flag ``pd.NA`` (``boolean``). pandas would otherwise infer ``str`` columns whose gaps are
    ``NaN`` (a truthy float), which ``value or ""`` lets through.
    """
    result = conn.execute(query)
    columns = list(result.keys())
    rows = [tuple(row) for row in result.fetchall()]  # plain tuples: pandas inspects Row objects slowly
    types = {c.name: c.type for c in query.selected_columns if hasattr(c, "name")}
    data: dict[str, pd.Series] = {}
    for position, name in enumerate(columns):
        values = [row[position] for row in rows]
        dtype = _column_dtype(types[name]) if name in types else None
        if dtype == "object":
            data[name] = pd.Series(values, dtype=object)
        elif dtype is not None:
            data[name] = pd.Series(pd.array(values, dtype=dtype))
        else:
            data[name] = pd.Series(values, dtype=object if not values else None)
    return pd.DataFrame(data, columns=columns)


_frame = frame


def read_table(engine: Engine, table: sa.Table) -> pd.DataFrame:
    """Return a reference table (regions, elections, stages, figures, contests) whole."""
    with engine.connect() as conn:
        return _frame(conn, sa.select(table))


def read_events(engine: Engine, *, ceiling: str) -> pd.DataFrame:
    """Return the events the caller may see (classification up to ``ceiling``), oldest first."""
    query = (
        sa.select(*[events.c[c] for c in EVENT_COLUMNS])
        .where(events.c.classification.in_(allowed_levels(ceiling)))
        .order_by(events.c.date, events.c.id)
    )
    with engine.connect() as conn:
        frame = _frame(conn, query)
    frame["severity"] = frame["severity"].astype("Int64")
    frame["fatalities"] = pd.to_numeric(frame["fatalities"]).astype("Int64")
    frame["lat"] = pd.to_numeric(frame["lat"]).astype("Float64")
    frame["lon"] = pd.to_numeric(frame["lon"]).astype("Float64")
    return frame


def read_stakeholders(engine: Engine, *, ceiling: str) -> pd.DataFrame:
    """Return the institutions the caller may see."""
    query = (
        sa.select(stakeholders)
        .where(stakeholders.c.classification.in_(allowed_levels(ceiling)))
        .order_by(stakeholders.c.id)
    )
    with engine.connect() as conn:
        return _frame(conn, query)


def read_links(engine: Engine, *, ceiling: str) -> pd.DataFrame:
    """Return the links the caller may see, both of whose ends the caller may also see."""
    visible = sa.select(stakeholders.c.id).where(stakeholders.c.classification.in_(allowed_levels(ceiling)))
    query = (
        sa.select(links)
        .where(links.c.classification.in_(allowed_levels(ceiling)))
        .where(links.c.source_id.in_(visible))
        .where(links.c.target_id.in_(visible))
        .order_by(links.c.source_id, links.c.target_id, links.c.kind)
    )
    with engine.connect() as conn:
        frame = _frame(conn, query)
    frame["delay_hours"] = pd.to_numeric(frame["delay_hours"]).astype("Float64")
    return frame


def read_indicator_values(engine: Engine) -> pd.DataFrame:
    """Return the entered indicator values (bundled and entered in the app) with their origin."""
    with engine.connect() as conn:
        frame = _frame(
            conn,
            sa.select(indicator_values).order_by(
                indicator_values.c.region_code, indicator_values.c.key, indicator_values.c.year
            ),
        )
    frame["value"] = pd.to_numeric(frame["value"]).astype("Float64")
    frame["year"] = pd.to_numeric(frame["year"]).astype("Int64")
    return frame[["region_code", "key", "value", "year", "source", "note", "origin"]]


# ---------------------------------------------------------------- writes


@dataclass(frozen=True)
class WriteOutcome:
    """What a write did: rows added, updated, left as they were, and refused."""

    added: int
    updated: int
    unchanged: int
    protected: int = 0
    """Rows whose id belongs to a bundled fact, which an import never overwrites."""


def upsert(
    engine: Engine,
    table: sa.Table,
    frame: pd.DataFrame,
    *,
    extra: Mapping[str, Any] | None = None,
) -> WriteOutcome:
    """Insert new rows and update changed ones by primary key, all in one transaction.

    Rows that match a stored one exactly are left alone, so importing the same file twice
    changes nothing. Stored rows with ``origin == "bundled"`` are never overwritten.
    """
    extra = dict(extra or {})
    keys = [c.name for c in table.primary_key.columns]
    compared = [c.name for c in table.columns if c.name in frame.columns and c.name not in keys]
    rows = _records(frame, [c for c in [col.name for col in table.columns] if c in frame.columns])
    added = updated = unchanged = protected = 0
    with engine.begin() as conn:
        stored = {tuple(r[k] for k in keys): r for r in conn.execute(sa.select(table)).mappings()}
        for row in rows:
            key = tuple(row[k] for k in keys)
            old = stored.get(key)
            if old is None:
                conn.execute(table.insert().values(**{**extra, **row}))
                stored[key] = {**extra, **row}
                added += 1
            elif "origin" in table.c and old.get("origin") == "bundled":
                protected += 1
            elif all(_same(old[c], row[c]) for c in compared):
                unchanged += 1
            else:
                where = sa.and_(*[table.c[k] == row[k] for k in keys])
                conn.execute(table.update().where(where).values(**{c: row[c] for c in compared}))
                updated += 1
        if added or updated:
            bump_revision(conn)
    return WriteOutcome(added, updated, unchanged, protected)


def _same(old: Any, new: Any) -> bool:
    """Compare a stored value with an incoming one, treating numbers and dates by value."""
    if old is None or new is None:
        return old is None and new is None
    if isinstance(old, float | int) and isinstance(new, float | int):
        return math.isclose(float(old), float(new), rel_tol=1e-9, abs_tol=1e-12)
    return str(old) == str(new)


def save_events(engine: Engine, frame: pd.DataFrame, *, actor: str) -> WriteOutcome:
    """Store validated events (see lib/importing.py) in one transaction."""
    return upsert(
        engine, events, frame[list(EVENT_COLUMNS)], extra={"created_at": _now(), "created_by": actor}
    )


def save_stakeholders(engine: Engine, frame: pd.DataFrame, *, origin: str) -> WriteOutcome:
    """Store validated institutions in one transaction."""
    return upsert(engine, stakeholders, frame.assign(origin=origin))


def save_links(engine: Engine, frame: pd.DataFrame, *, origin: str) -> WriteOutcome:
    """Store validated links in one transaction; both ends must be stored institutions."""
    with engine.connect() as conn:
        known = {r[0] for r in conn.execute(sa.select(stakeholders.c.id))}
    unknown = sorted((set(frame["source_id"]) | set(frame["target_id"])) - known)
    if unknown:
        raise DataProblem(
            f"Tautan menyebut lembaga yang belum tersimpan: {', '.join(unknown[:5])}.",
            "Impor daftar lembaga lebih dulu, atau perbaiki id di berkas tautan.",
        )
    return upsert(engine, links, frame.assign(origin=origin))
