"""The political forces in the store: what the bundle seeds, and reads filtered by the caller's ceiling."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.access import allowed_levels
from lib.politics import Forces
from lib.store.facts import frame
from lib.store.schema import candidate_pairs, coalitions, contests, disputes, results, seats


def _read(conn: Connection, table: sa.Table, ceiling: str, order: list[str]) -> pd.DataFrame:
    """Return the rows of ``table`` classified up to ``ceiling``, in ``order``."""
    query = (
        sa.select(table)
        .where(table.c.classification.in_(allowed_levels(ceiling)))
        .order_by(*[table.c[c] for c in order])
    )
    return frame(conn, query)


def read_forces(engine: Engine, *, ceiling: str) -> Forces:
    """Return the political forces the caller may see (rows classified up to ``ceiling``).

    A pair the caller may not see takes its coalition and results with it, so no count, vote or
    party reveals it; texts come with their English twins (:func:`lib.core.bilingual.in_language`).
    """
    with engine.connect() as conn:
        contest_rows = frame(
            conn, sa.select(contests).order_by(contests.c.election_id, contests.c.region_code)
        )
        pairs = _read(conn, candidate_pairs, ceiling, ["election_id", "contest", "ballot_no", "pair_id"])
        visible = set(pairs["pair_id"])
        coalition_rows = _read(conn, coalitions, ceiling, ["pair_id", "party"])
        result_rows = _read(conn, results, ceiling, ["election_id", "contest", "region_code", "pair_id"])
        seat_rows = _read(conn, seats, ceiling, ["election_id", "region_code", "party"])
        dispute_rows = _read(conn, disputes, ceiling, ["election_id", "date", "id"])
    return Forces(
        contests=contest_rows,
        pairs=pairs,
        coalitions=coalition_rows[coalition_rows["pair_id"].isin(visible)].reset_index(drop=True),
        seats=seat_rows,
        results=result_rows[result_rows["pair_id"].isin(visible)].reset_index(drop=True),
        disputes=dispute_rows,
    )
