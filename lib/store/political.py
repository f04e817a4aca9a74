"""The political ties in the store (:mod:`lib.network.politics`), read filtered by the caller's ceiling."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.access import allowed_levels
from lib.store.facts import frame
from lib.store.schema import political_ties


def read_political_ties(engine: Engine, *, ceiling: str) -> pd.DataFrame:
    """Return the political ties classified up to ``ceiling``, with the English twin of their note.

    A tie the caller may see can still name a pair or an institution the caller may not: the
    layer (:func:`lib.network.politics.political_layer`) drops such a tie, so it reaches no one
    who cannot see both ends.
    """
    query = (
        sa.select(political_ties)
        .where(political_ties.c.classification.in_(allowed_levels(ceiling)))
        .order_by(political_ties.c.target_id, political_ties.c.kind, political_ties.c.source_id)
    )
    with engine.connect() as conn:
        return frame(conn, query)
