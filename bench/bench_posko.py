"""Time the Posko reads and aggregations, and the Posko page's rerun, on a store holding 10,000 reports.

python bench/bench_posko.py [n_reports] [--runs 15]

The reports are synthetic (random regency, category, severity, classification, status over
60 days) and exist only in a temporary folder: they measure speed, they are not data.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import (
    intake,
    posko,
    store,  # noqa: E402
)
from lib.access import SYSTEM, Caller  # noqa: E402
from lib.core.clock import LOCAL_TZ
from lib.core.regions import REGENCY_CODES  # noqa: E402
from lib.core.vocab import CATEGORIES, CLASSIFICATIONS  # noqa: E402

ANALYST = Caller("analyst", "RAHASIA", "bench", "Bench")
NOW = dt.datetime.now(dt.UTC)


def seed(engine, n: int) -> None:
    """Insert ``n`` synthetic reports in one transaction (bulk, not through save_report)."""
    rng = random.Random(20241127)
    rows = []
    for i in range(n):
        at = NOW - dt.timedelta(minutes=rng.randrange(60 * 24 * 60))
        rows.append(
            {
                "client_token": f"bench-{i}",
                "received_at": at,
                "reporter_id": "polres-buleleng",
                "region_code": rng.choice(REGENCY_CODES),
                "category": rng.choice(CATEGORIES),
                "severity": rng.randint(1, 5),
                "classification": rng.choice(CLASSIFICATIONS),
                "title": f"Laporan uji {i}",
                "description": "Teks uji kecepatan. " * 5,
                "reliability": rng.choice(posko.RELIABILITIES),
                "credibility": rng.randint(1, 6),
                "status": rng.choice(posko.STATUSES),
                "version": 1,
                "created_by": "bench",
                "created_at": at,
                "updated_by": "bench",
                "updated_at": at,
            }
        )
    with engine.begin() as conn:
        conn.execute(store.reports.insert(), rows)
        store.bump_revision(conn)


def timed(label: str, action: Callable[[], object], repeat: int = 5) -> None:
    """Print the median and the slowest of ``repeat`` runs of ``action``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<52} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")


def page_rerun(n: int, runs: int) -> None:
    """Print the Posko page's warm rerun time (AppTest, an analyst) next to an empty one-line page.

    Same method as bench/bench_pages.py: the script's own rerun time, without the browser.
    """
    from streamlit.testing.v1 import AppTest

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_pages import median_rerun_ms

    from lib import store
    from lib.core.settings import load_settings

    with tempfile.TemporaryDirectory() as folder:
        os.environ["SINERGI_DATA_DIR"] = folder
        os.environ.pop("SINERGI_DB_URL", None)
        settings = load_settings()
        engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
        seed(engine, n)
        store.create_user(  # the app checks the session's caller against the store on every run
            engine,
            username=ANALYST.user_id,
            display_name=ANALYST.label or ANALYST.user_id,
            role=ANALYST.role,
            password="kata-sandi-bench-panjang",
            actor=SYSTEM,
            ceiling=ANALYST.ceiling,
        )
        engine.dispose()
        empty = Path(folder) / "empty.py"
        empty.write_text('import streamlit as st\nst.write("hello")\n')
        floor = median_rerun_ms(AppTest.from_file(str(empty), default_timeout=120), runs)
        results = []
        for label, opened in (("list", False), ("list + one report open", True)):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.session_state["_caller"] = ANALYST  # as lib/ui_access keeps a signed-in analyst
            at.run()
            at.switch_page("pages/posko.py")
            at.run()
            if opened:
                listed = next(d.value for d in at.dataframe if "No." in d.value.columns)
                at.selectbox(key="posko_open").set_value(int(listed.iloc[0, 0]))
            results.append((label, median_rerun_ms(at, runs)))
    print(f"\nPosko page, {n} reports, analyst (median of {runs} warm AppTest reruns)")
    print(f"{'view':34} {'rerun ms':>9} {'empty ms':>9} {'ratio':>6}")
    for label, ms in results:
        print(f"{label:34} {ms:9.1f} {floor:9.1f} {ms / floor:6.2f}")


def main() -> None:
    """Seed a temporary store and time each Posko call the page makes, then the page itself."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 10_000
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 15
    if "--runs" in sys.argv:
        args = [a for a in args if a != str(runs)]
        n = int(args[0]) if args else 10_000
    with tempfile.TemporaryDirectory() as folder:
        engine = store.make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        store.migrate(engine)
        start = time.perf_counter()
        seed(engine, n)
        print(f"seeded {n} reports in {time.perf_counter() - start:.2f} s (SQLite, 2-core machine)")
        frame = posko.read_reports(engine, ceiling="RAHASIA")
        week = NOW - dt.timedelta(days=7)
        timed("read_reports RAHASIA (all)", lambda: posko.read_reports(engine, ceiling="RAHASIA"))
        timed(
            "read_reports TERBATAS, 2 regencies, 7 days, baru",
            lambda: posko.read_reports(
                engine, ceiling="TERBATAS", regions=["51.08", "51.71"], since=week, statuses=["baru"]
            ),
        )
        timed(
            "report_counts (24 h / 7 days by regency)", lambda: posko.report_counts(engine, ceiling="RAHASIA")
        )
        timed("status_counts", lambda: posko.status_counts(engine, ceiling="RAHASIA"))
        timed("count_open_alerts (every page)", lambda: posko.count_open_alerts(engine, ceiling="RAHASIA"))
        timed("open_alerts (list)", lambda: posko.open_alerts(engine, ceiling="RAHASIA"))
        timed("get_report", lambda: posko.get_report(engine, n // 2, ceiling="RAHASIA"))
        timed("report_timeline", lambda: posko.report_timeline(engine, n // 2, ceiling="RAHASIA"))
        today = NOW.astimezone(LOCAL_TZ).date()
        names = {"region_names": {}, "stakeholder_names": {}}
        timed("briefing_sheets (one day)", lambda: posko.briefing_sheets(frame, day=today, **names))
        timed("briefing_xlsx (one day)", lambda: posko.briefing_xlsx(frame, day=today, **names))
        values = {k: frame.iloc[0][k] for k in ("region_code", "category", "classification", "title")}
        report = {
            **values,
            "received_at": NOW,
            "reporter_id": "polres-buleleng",
            "severity": 3,
            "description": "uji",
            "reliability": "C",
            "credibility": 3,
            "subregion_code": None,
            "lat": None,
            "lon": None,
            "assigned_to": None,
        }
        counter = iter(range(10**6))
        timed(
            "save_report (one transaction)",
            lambda: posko.save_report(engine, report, actor=ANALYST, client_token=f"new-{next(counter)}"),
        )
        target = int(frame.iloc[0]["id"])

        def edit() -> None:
            version = posko.get_report(engine, target, ceiling="RAHASIA")["version"]
            posko.update_report(
                engine, target, {"title": f"t{version}"}, expected_version=int(version), actor=ANALYST
            )

        timed("get_report + update_report", edit)
        engine.dispose()
    page_rerun(n, runs)


if __name__ == "__main__":
    main()
