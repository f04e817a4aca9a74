"""Time what the live screens cost per poll: the revision query, and the poll's whole body.

python bench/bench_live.py [--runs 2000] [--db-url postgresql+psycopg://...]

A poll of an unchanged store (lib/ui/live.py) asks the store for its revision (one row of
``meta``) and, for a caller who sees alerts, reads the banner's count from the cache keyed on
that revision. The store is a fresh one in a temporary folder (SQLite) unless --db-url names
another; nothing is written to it after it is opened.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.core.settings import load_settings  # noqa: E402
from lib.ui import cached  # noqa: E402
from lib.ui.cached import Scope  # noqa: E402


def timed(what: str, step: Callable[[], object], runs: int) -> None:
    """Print the median and 95th percentile of ``runs`` calls of ``step``, in milliseconds."""
    for _ in range(min(50, runs)):
        step()
    spent = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        spent.append((time.perf_counter() - started) * 1000)
    spent.sort()
    p95 = spent[int(0.95 * (len(spent) - 1))]
    print(f"{what}: median {statistics.median(spent):.3f} ms, p95 {p95:.3f} ms ({runs} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--db-url", default=None)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # Streamlit's "no runtime" notes outside `streamlit run`
    env = {"SINERGI_DATA_DIR": tempfile.mkdtemp(prefix="sinergi-bench-live-")}
    if args.db_url:
        env["SINERGI_DB_URL"] = args.db_url
    settings = load_settings({**os.environ, **env})
    ctx = cached.context(settings)

    def poll() -> int:
        rev = cached.revision(ctx)
        return cached.open_alert_count(Scope(ctx.settings, rev, "RAHASIA", "id"))

    timed("revision query", lambda: cached.revision(ctx), args.runs)
    timed("poll of an unchanged store (query + banner count from the cache)", poll, args.runs)


if __name__ == "__main__":
    main()
