"""Print the Peta page's warm rerun time per region level and the size of each chart's data.

SINERGI_BOUNDARIES=../shared/data/geo python bench/bench_map_page.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_pages import ROOT, empty_page_ms, median_rerun_ms  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    os.environ.setdefault("SINERGI_DATA_DIR", tempfile.mkdtemp(prefix="sinergi-bench-"))
    if not os.environ.get("SINERGI_BOUNDARIES"):
        os.environ["SINERGI_BOUNDARIES"] = str(ROOT.parent / "shared" / "data" / "geo")
    floor = empty_page_ms(args.runs)
    head = ("level", "rerun ms", "empty ms", "ratio", "map spec bytes", "all charts bytes")
    print(f"{head[0]:10} {head[1]:>9} {head[2]:>9} {head[3]:>6} {head[4]:>15} {head[5]:>17}")
    for level in ("kabupaten", "kecamatan", "desa"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.run()
        at.switch_page("pages/peta.py")
        at.run()
        at.radio(key="map_level").set_value(level).run()
        ms = median_rerun_ms(at, args.runs)
        charts = at.get("vega_lite_chart")
        sizes = [len(e.proto.spec) + sum(len(d.data.data) for d in e.proto.datasets) for e in charts]
        print(f"{level:10} {ms:9.1f} {floor:9.1f} {ms / floor:6.2f} {sizes[0]:15,d} {sum(sizes):17,d}")
    print(f"(median of {args.runs} warm reruns; boundaries from {os.environ['SINERGI_BOUNDARIES']})")


if __name__ == "__main__":
    main()
