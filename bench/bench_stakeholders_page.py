"""Print the Pemangku Kepentingan page's warm rerun time next to an empty one-line page.

    python bench/bench_stakeholders_page.py [--runs 15]

Same method as bench/bench_pages.py (AppTest, median of warm reruns, the script's own time without
the browser), for three states of the page: as opened, with a what-if scenario in the URL, and
with an institution selected. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pages import median_rerun_ms  # noqa: E402

PAGE = "pages/pemangku_kepentingan.py"


def opened(query: dict[str, str]) -> AppTest:
    """Return the page opened through app.py with ``query`` in the URL."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(query)
    at.run()
    at.switch_page(PAGE)
    at.run()
    return at


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("SINERGI_DATA_DIR", tempfile.mkdtemp(prefix="sinergi-bench-"))
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.py"
        empty.write_text('import streamlit as st\nst.write("hello")\n')
        floor = median_rerun_ms(AppTest.from_file(str(empty), default_timeout=120), args.runs)
    selected = opened({})
    selected.selectbox(key="network_node").set_value("kesbangpol-bali")
    cases = [
        ("as opened", opened({})),
        ("scenario s=-kesbangpol-bali", opened({"s": "-kesbangpol-bali"})),
        ("focus r=51.08", opened({"r": "51.08"})),
        ("institution selected", selected),
    ]
    print(f"{'Pemangku Kepentingan':32} {'rerun ms':>9} {'empty ms':>9} {'ratio':>6}")
    for label, at in cases:
        ms = median_rerun_ms(at, args.runs)
        print(f"{label:32} {ms:9.1f} {floor:9.1f} {ms / floor:6.2f}")
    print(f"(median of {args.runs} warm reruns, AppTest, bundled data)")


if __name__ == "__main__":
    main()
