"""Time a three-slide meeting briefing: building the slides (cold and warm cache), the PDF and the workbook.

python bench/bench_briefing.py [--runs 3]

The agenda is the bundled data in a fresh store (a temporary folder): Ringkasan, Peta focused on
Buleleng, Riwayat Konflik, with the shared boundary files when ../shared/data/geo exists. Figures
are printed, not asserted; most of the PDF's time is drawing the charts (vl-convert).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import briefing  # noqa: E402
from lib.access import Caller  # noqa: E402
from lib.core.settings import load_settings  # noqa: E402
from lib.core.viewstate import ViewState  # noqa: E402
from lib.ui import cached  # noqa: E402
from lib.ui import page as ui  # noqa: E402
from lib.ui.briefing import slide_for  # noqa: E402

ELECTION = "pilkada-2024-bali"
VIEWS = [
    ("ringkasan", {"e": ELECTION}, "Gambaran umum"),
    ("peta", {"e": ELECTION, "r": "51.08"}, "Kerawanan Buleleng"),
    ("riwayat_konflik", {"e": ELECTION}, "Riwayat konflik"),
]


def build(page: ui.Page) -> list[briefing.Slide]:
    """Return the agenda's three slides at ceiling TERBATAS."""
    return [
        slide_for(page, page_name=name, params=params, title=title, note="", ceiling="TERBATAS")
        for name, params, title in VIEWS
    ]


def timed(action):
    """Return (seconds, result) of one call of ``action``."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    """Print the times of one cold build, then the median of warm builds and of the renders."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SINERGI_DATA_DIR"] = folder
        shared = ROOT.parent / "shared" / "data" / "geo"
        if shared.is_dir():
            os.environ["SINERGI_BOUNDARIES"] = str(shared)
        settings = load_settings()
        ctx = cached.context(settings)
        rev = cached.revision(ctx)
        elections = cached.elections(settings, rev)
        caller = Caller("analyst", "RAHASIA", "bench", "Bench")
        page = ui.Page(ctx, ViewState(election=ELECTION), rev, elections, ELECTION, caller)
        cold, slides = timed(lambda: build(page))
        warm = [timed(lambda: build(page))[0] for _ in range(runs)]
        pdf_times, pdf = zip(
            *(
                timed(lambda: briefing.briefing_pdf(slides, agenda_title="Bench", lang="id"))
                for _ in range(runs)
            ),
            strict=True,
        )
        xlsx_times, xlsx = zip(
            *(
                timed(lambda: briefing.briefing_xlsx(slides, agenda_title="Bench", lang="id"))
                for _ in range(runs)
            ),
            strict=True,
        )
        charts = sum(len(s.charts) for s in slides)
        print(f"boundaries: {'shared files' if shared.is_dir() else 'tile grid'}; {charts} charts, 3 slides")
        print(f"slides, cold cache:      {cold * 1000:8.0f} ms")
        print(f"slides, warm cache:      {statistics.median(warm) * 1000:8.0f} ms (median of {runs})")
        print(f"PDF ({len(pdf[0]) // 1024} KB):           {statistics.median(pdf_times) * 1000:8.0f} ms")
        print(f"workbook ({len(xlsx[0]) // 1024} KB):       {statistics.median(xlsx_times) * 1000:8.0f} ms")
        total = cold + statistics.median(pdf_times) + statistics.median(xlsx_times)
        print(f"cold agenda to both files: {total * 1000:6.0f} ms")
        cached.context.clear()


if __name__ == "__main__":
    main()
