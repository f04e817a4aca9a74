"""The audit trail in the store: append a row for what was done, read them for an admin.

Nothing here updates or deletes an audit row: the app only ever appends.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib import access
from lib.access import Caller
from lib.core.clock import LOCAL_TZ
from lib.core.clock import now as _now
from lib.store.schema import audit

DETAIL_MAX = 500


def record(
    conn: Connection,
    *,
    who: str,
    action: str,
    target: str | None = None,
    client: str | None = None,
    detail: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Append one audit row inside the caller's transaction (so it is kept exactly when the act is)."""
    conn.execute(
        audit.insert().values(
            at=at or _now(),
            who=who[:200],
            action=action[:40],
            target=None if target is None else target[:200],
            client=None if client is None else client[:200],
            detail=None if detail is None else detail[:DETAIL_MAX],
        )
    )


def read_audit(engine: Engine, *, actor: Caller, limit: int = 5000, lang: str = "id") -> pd.DataFrame:
    """Return the newest audit rows (times in WITA), for an admin."""
    access.require(actor, "user.manage", lang=lang)
    query = sa.select(audit).order_by(audit.c.at.desc(), audit.c.id.desc()).limit(limit)
    with engine.connect() as conn:
        result = conn.execute(query)
        frame = pd.DataFrame([tuple(r) for r in result], columns=list(result.keys()))
    frame["at"] = pd.to_datetime(frame["at"], utc=True).dt.tz_convert(LOCAL_TZ)
    return frame
