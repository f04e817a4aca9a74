"""Print the Riwayat Konflik page's warm rerun time with the bundled events and with 100,000 generated ones.

    python bench/bench_history_page.py [--runs 7] [--events 100000]

The generated events are synthetic (seeded, id "bench-…", origin "bench"), written into a temporary
store only; they never reach the app's own data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_pages import empty_page_ms, page_rerun_ms  # noqa: E402

from lib import (
    intake,
    store,  # noqa: E402
)
from lib.core.regions import REGENCY_CODES  # noqa: E402
from lib.core.settings import load_settings  # noqa: E402
from lib.core.vocab import CATEGORIES  # noqa: E402


def seed_synthetic(n: int) -> None:
    """Write ``n`` synthetic day-precision events into the store of SINERGI_DATA_DIR."""
    settings = load_settings()
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    rng = np.random.default_rng(0)
    start = dt.date(1999, 1, 1).toordinal()
    days = rng.integers(start, dt.date(2024, 12, 31).toordinal(), n)
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "id": f"bench-{i:06d}",
            "date": dt.date.fromordinal(int(day)).isoformat(),
            "date_precision": "day",
            "region_code": REGENCY_CODES[int(rng.integers(0, 9))],
            "category": CATEGORIES[int(rng.integers(0, len(CATEGORIES)))],
            "severity": int(rng.integers(1, 6)),
            "description": "synthetic benchmark event",
            "source_url": "https://example.invalid/bench",
            "classification": "TERBUKA",
            "origin": "bench",
            "created_at": now,
            "created_by": "bench",
        }
        for i, day in enumerate(days)
    ]
    with engine.begin() as conn:
        conn.execute(store.events.insert(), rows)
        store.bump_revision(conn)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    floor = empty_page_ms(args.runs)
    print(f"{'events':>10} {'rerun ms':>9} {'empty ms':>9} {'ratio':>6}")
    os.environ["SINERGI_DATA_DIR"] = tempfile.mkdtemp(prefix="sinergi-bench-")
    ms = page_rerun_ms("pages/riwayat_konflik.py", args.runs, {"lang": "id"})
    print(f"{'51':>10} {ms:9.1f} {floor:9.1f} {ms / floor:6.2f}")
    os.environ["SINERGI_DATA_DIR"] = tempfile.mkdtemp(prefix="sinergi-bench-")
    seed_synthetic(args.events)
    ms = page_rerun_ms("pages/riwayat_konflik.py", args.runs, {"lang": "id"})
    print(f"{args.events + 51:>10,d} {ms:9.1f} {floor:9.1f} {ms / floor:6.2f}")
    print(f"(median of {args.runs} warm reruns)")


if __name__ == "__main__":
    main()
