"""Print load+simplify times per level from the shared boundary files, and map spec sizes.

Run from the project root: ``python bench/bench_geo.py`` (figures vary ±20 % on a small machine).
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import geo  # noqa: E402
from lib.core.regions import build_index  # noqa: E402

SHARED_GEO = ROOT.parent / "shared" / "data" / "geo"
REPEAT = 3


def main() -> None:
    with (ROOT / "data" / "regions.csv").open(encoding="utf-8") as handle:
        index = build_index(list(csv.DictReader(handle)))
    print(f"{'level':<10} {'load+simplify s (median of 3)':>30} {'exact coords':>13} {'display coords':>15}")
    for level in geo.LEVELS:
        path = SHARED_GEO / f"bali_{level}.geojson"
        times = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            result = geo.load_boundaries(path, index=index)
            times.append(time.perf_counter() - start)
        boundaries = result.boundaries
        print(
            f"{level:<10} {statistics.median(times):>30.2f} "
            f"{geo.count_coordinates(boundaries.exact[level]):>13,} "
            f"{geo.count_coordinates(boundaries.display[level]):>15,}"
        )
    start = time.perf_counter()
    boundaries = geo.load_boundaries(SHARED_GEO, index=index).boundaries
    print(f"whole folder (3 levels): {time.perf_counter() - start:.2f} s")

    print(f"\n{'chart':<34} {'spec JSON bytes':>16} {'build+to_dict s':>16}")
    for level in geo.LEVELS:
        regions = boundaries.display[level]
        values = pd.DataFrame({"code": regions["code"], "events": range(len(regions))})
        start = time.perf_counter()
        chart = geo.choropleth(regions, values, measure="events", measure_label="Kejadian", focus=None)
        size = len(json.dumps(chart.to_dict()))
        print(f"{'choropleth ' + level:<34} {size:>16,} {time.perf_counter() - start:>16.2f}")
    values = pd.DataFrame({"code": boundaries.display["kabupaten"]["code"], "events": range(9)})
    chart = geo.tile_grid(values, measure="events", measure_label="Kejadian")
    print(f"{'tile_grid':<34} {len(json.dumps(chart.to_dict())):>16,}")


if __name__ == "__main__":
    main()
