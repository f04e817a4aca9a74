"""Print each page's warm rerun time next to an empty one-line Streamlit page, same machine, same run.

    python bench/bench_pages.py [--runs 15]

Uses streamlit.testing (AppTest): the script's own rerun time, without the browser. For the browser's
view use ../shared/tools/pagecheck.py --rerun --floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class NavigationPagesManager(PagesManager):
    """Time reruns as a browser session sees them (see tests/conftest.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


app_test_module.PagesManager = NavigationPagesManager  # type: ignore[misc]


def median_rerun_ms(at: AppTest, runs: int) -> float:
    """Return the median wall time of ``runs`` warm reruns, in milliseconds."""
    at.run()  # warm the caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        if at.exception:
            raise SystemExit(f"exception: {at.exception}")
    return statistics.median(times)


def empty_page_ms(runs: int) -> float:
    """Return the median warm rerun of an empty one-line page: the framework's floor."""
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.py"
        empty.write_text('import streamlit as st\nst.write("hello")\n')
        return median_rerun_ms(AppTest.from_file(str(empty), default_timeout=120), runs)


def page_rerun_ms(page: str, runs: int, query: dict[str, str] | None = None, **widgets: object) -> float:
    """Return the median warm rerun of ``page`` opened through app.py with ``query`` in the URL."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    if query:
        at.query_params.update(query)
    at.run()
    at.switch_page(page)
    at.run()
    for key, value in widgets.items():
        at.radio(key=key).set_value(value).run()
    return median_rerun_ms(at, runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("SINERGI_DATA_DIR", tempfile.mkdtemp(prefix="sinergi-bench-"))
    floor = empty_page_ms(args.runs)
    pages = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
    print(f"{'page':34} {'rerun ms':>9} {'empty ms':>9} {'ratio':>6}")
    for page in pages:
        ms = page_rerun_ms(page, args.runs)
        print(f"{page:34} {ms:9.1f} {floor:9.1f} {ms / floor:6.2f}")
    print(
        f"(median of {args.runs} warm reruns; SINERGI_BOUNDARIES={os.environ.get('SINERGI_BOUNDARIES', '')})"
    )


if __name__ == "__main__":
    main()
