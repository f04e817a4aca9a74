"""Reads and writes of facts: seeding the bundle, typed frames filtered by the caller's ceiling, upserts.

Bundled facts are seeded on first start and again at every start (idempotently: a row already
stored is never duplicated or overwritten). Every write bumps the revision (:mod:`lib.store.engine`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.access import allowed_levels
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.vocab import EVENT_COLUMNS
from lib.store.engine import _now, bump_revision, make_engine, migrate, revision_missing
from lib.store.schema import (
    FORCES_TRANSLATED,
    TIES_TRANSLATED,
    TRANSLATED,
    candidate_pairs,
    coalitions,
    contests,
    disputes,
    election_figures,
    election_stages,
    elections,
    events,
    indicator_values,
    links,
    political_ties,
    regions,
    results,
    seats,
    stakeholders,
)


class Bundle(Protocol):
    """What :func:`seed` needs of the bundled facts (:class:`lib.intake.Bundle` has it)."""

    regions: pd.DataFrame
    elections: pd.DataFrame
    stages: pd.DataFrame
    figures: pd.DataFrame
    contests: pd.DataFrame
    events: pd.DataFrame
    stakeholders: pd.DataFrame
    links: pd.DataFrame
    indicator_values: pd.DataFrame
    pairs: pd.DataFrame
    coalitions: pd.DataFrame
    seats: pd.DataFrame
    results: pd.DataFrame
    disputes: pd.DataFrame


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


def _insert_missing(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> int:
    """Insert the rows whose primary key is not stored yet; return how many were inserted."""
    keys = [c.name for c in table.primary_key.columns]
    existing = {tuple(r) for r in conn.execute(sa.select(*[table.c[k] for k in keys]))}
    fresh = [r for r in rows if tuple(r[k] for k in keys) not in existing]
    if fresh:
        conn.execute(table.insert(), fresh)
    return len(fresh)


def _refresh_texts(conn: Connection, table: sa.Table, frame: pd.DataFrame) -> int:
    """Bring the stored texts of bundled rows up to the bundle's (both languages); return rows changed.

    A bundle's wording may be corrected or translated after a store was seeded; the rows that
    came from the bundle (``origin == "bundled"`` where the table records an origin) follow it.
    Rows imported or edited in the app are never touched.
    """
    translated = (
        TRANSLATED.get(table.name) or FORCES_TRANSLATED.get(table.name) or TIES_TRANSLATED.get(table.name, ())
    )
    texts = [c for base in translated for c in (base, f"{base}_en") if c in frame.columns]
    if not texts:
        return 0
    keys = [c.name for c in table.primary_key.columns]
    query = sa.select(*[table.c[c] for c in (*keys, *texts)])
    if "origin" in table.c:
        query = query.where(table.c.origin == "bundled")
    stored = {tuple(row[: len(keys)]): tuple(row[len(keys) :]) for row in conn.execute(query)}
    changed = 0
    for record in _records(frame, [*keys, *texts]):
        key = tuple(record[k] for k in keys)
        wanted = tuple(record[c] for c in texts)
        if key in stored and stored[key] != wanted:
            where = sa.and_(*[table.c[k] == record[k] for k in keys])
            conn.execute(table.update().where(where).values({c: record[c] for c in texts}))
            changed += 1
    return changed


def seed(engine: Engine, bundle: Bundle) -> dict[str, int]:
    """Store the bundled facts that are not stored yet, in one transaction; return counts added or changed.

    Bundled rows already stored keep their facts; only their texts follow the bundle
    (:func:`_refresh_texts`).
    """
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
        *_forces_plan(bundle),
    ]
    added: dict[str, int] = {}
    with engine.begin() as conn:
        for table, frame in plan:
            columns = [c.name for c in table.columns if c.name in frame.columns]
            added[table.name] = _insert_missing(conn, table, _records(frame, columns))
            added[table.name] += _refresh_texts(conn, table, frame)
        added["contests"] += _fill_offices(conn, bundle.contests)
        if any(added.values()) or revision_missing(conn):
            bump_revision(conn)
    return added


def _forces_plan(bundle: Bundle) -> list[tuple[sa.Table, pd.DataFrame]]:
    """Return the political forces to seed (:mod:`lib.politics`), every bundled row TERBUKA."""
    tables = [
        (candidate_pairs, "pairs"),
        (coalitions, "coalitions"),
        (seats, "seats"),
        (results, "results"),
        (disputes, "disputes"),
    ]
    plan = [
        (table, getattr(bundle, name).assign(classification="TERBUKA", origin="bundled"))
        for table, name in tables
        if len(getattr(bundle, name, pd.DataFrame()).columns)
    ]
    ties = getattr(bundle, "political_ties", pd.DataFrame())
    if len(ties.columns):  # each tie keeps the level its file gives it
        plan.append((political_ties, ties.assign(origin="bundled")))
    return plan


def _fill_offices(conn: Connection, frame: pd.DataFrame) -> int:
    """Give stored contests without an office the bundle's (a store seeded before migration 9)."""
    changed = 0
    for record in frame.dropna(subset=["office"]).itertuples(index=False):
        done = conn.execute(
            contests.update()
            .where(contests.c.election_id == record.election_id)
            .where(contests.c.contest == record.contest)
            .where(contests.c.office.is_(None))
            .values(office=record.office)
        )
        changed += done.rowcount
    return changed


def open_store(url: str, bundle: Bundle, *, lang: str = "id") -> Engine:
    """Create the engine, bring the schema up to date and seed the bundled facts."""
    engine = make_engine(url)
    try:
        migrate(engine)
        seed(engine, bundle)
    except sa.exc.OperationalError as error:
        raise DataProblem(
            t("store.unreachable", lang, where=url.split("@")[-1], error=str(error.orig).strip()[:200]),
            t("store.unreachable_fix", lang),
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
    """Return the events the caller may see (classification up to ``ceiling``), oldest first.

    Bundled texts come with their English twins (``description_en`` …; see
    :func:`lib.core.bilingual.in_language`).
    """
    english = [f"{c}_en" for c in TRANSLATED["events"]]
    query = (
        sa.select(*[events.c[c] for c in (*EVENT_COLUMNS, *english)])
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
    return frame[["region_code", "key", "value", "year", "source", "note", "note_en", "origin"]]


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
    # An event text we write in both languages (an ACLED row's basis) keeps its English twin.
    twins = [c for c in frame.columns if c.endswith("_en") and c in events.c]
    return upsert(
        engine,
        events,
        frame[[*EVENT_COLUMNS, *twins]],
        extra={"created_at": _now(), "created_by": actor},
    )


def save_stakeholders(engine: Engine, frame: pd.DataFrame, *, origin: str) -> WriteOutcome:
    """Store validated institutions in one transaction."""
    return upsert(engine, stakeholders, frame.assign(origin=origin))


def save_links(engine: Engine, frame: pd.DataFrame, *, origin: str, lang: str = "id") -> WriteOutcome:
    """Store validated links in one transaction; both ends must be stored institutions."""
    with engine.connect() as conn:
        known = {r[0] for r in conn.execute(sa.select(stakeholders.c.id))}
    unknown = sorted((set(frame["source_id"]) | set(frame["target_id"])) - known)
    if unknown:
        raise DataProblem(
            t("store.links_unknown", lang, ids=", ".join(unknown[:5])), t("store.links_unknown_fix", lang)
        )
    return upsert(engine, links, frame.assign(origin=origin))
