"""Time the conflict-history pipeline: enrich, aggregate, build chart specs; print spec sizes.

Runs on the bundled events and on 100,000 SYNTHETIC events (seeded random numbers,
clearly labelled, never written to data/). Usage: ``python bench/bench_history.py``.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import history  # noqa: E402
from lib.core.regions import REGENCY_CODES  # noqa: E402
from lib.core.vocab import CATEGORIES  # noqa: E402

warnings.filterwarnings("ignore", category=DeprecationWarning, module="altair.*")
COMPARED = ["pilgub-2018", "pemilu-2019", "pilkada-2020", "pemilu-2024", "pilkada-2024-bali"]


def synthetic_events(n: int, elections: pd.DataFrame, seed: int = 20241127) -> pd.DataFrame:
    """Return ``n`` made-up events (ids "synthetic-…"): for timing only, never real data."""
    rng = np.random.default_rng(seed)
    days = pd.Timestamp("1998-01-01") + pd.to_timedelta(rng.integers(0, 27 * 365, n), unit="D")
    precision = rng.choice(["day", "month", "year"], n, p=[0.9, 0.07, 0.03])
    dates = np.where(
        precision == "day",
        days.strftime("%Y-%m-%d"),
        np.where(precision == "month", days.strftime("%Y-%m"), days.strftime("%Y")),
    )
    voting = pd.to_datetime(elections["voting_day"]).sort_values()
    ids = elections.set_index(pd.to_datetime(elections["voting_day"]))["id"].sort_index()
    nearest = np.searchsorted(voting.to_numpy(), days.to_numpy())
    nearest = np.clip(nearest, 0, len(voting) - 1)
    gap = np.abs((voting.to_numpy()[nearest] - days.to_numpy()) / np.timedelta64(1, "D"))
    election_id = np.where(gap <= 180, ids.to_numpy()[nearest], None)
    regions = np.array(["51", *REGENCY_CODES])
    return pd.DataFrame(
        {
            "id": [f"synthetic-{i:06d}" for i in range(n)],
            "date": dates,
            "date_precision": precision,
            "region_code": rng.choice(regions, n),
            "location": "",
            "lat": pd.NA,
            "lon": pd.NA,
            "election_id": pd.Series(election_id, dtype="string"),
            "election_label": pd.NA,
            "category": rng.choice(np.array(CATEGORIES), n),
            "severity": rng.integers(1, 6, n),
            "fatalities": pd.Series(np.where(rng.random(n) < 0.5, rng.integers(0, 4, n), -1)).replace(
                -1, pd.NA
            ),
            "description": [f"Synthetic benchmark event {i}, not a real event" for i in range(n)],
            "source_url": "https://example.invalid/synthetic",
            "source_title": "Synthetic benchmark data",
            "confidence": "low",
            "severity_basis": "",
            "phase_reported": "",
            "classification": "TERBUKA",
            "origin": "synthetic",
        }
    ).astype({"election_id": "string"})


def timed(label: str, action: Callable[[], Any], repeat: int = 3) -> Any:
    """Run ``action`` ``repeat`` times and print the best wall time."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        began = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - began)
    print(f"  {label:<38} {best * 1000:9.1f} ms")
    return result


def spec_bytes(chart: Any) -> int:
    return len(json.dumps(chart.to_dict()).encode())


def run(name: str, events: pd.DataFrame, elections: pd.DataFrame, names: dict[str, str]) -> None:
    print(f"\n{name}: {len(events):,} events")
    enriched = timed("enrich", lambda: history.enrich(events, elections, election_id="pilkada-2024-bali"))
    timed("counts_by month x category", lambda: history.counts_by(enriched, "month"))
    timed("counts_by year x regency", lambda: history.counts_by(enriched, "year", by="regency"))
    counts = timed("heatmap_counts", lambda: history.heatmap_counts(enriched))
    aligned = timed(
        "align_on_voting_day (5 elections)",
        lambda: history.align_on_voting_day(events, elections, election_ids=COMPARED),
    )
    timed(
        "filter_events (focus 51.08, 2024)",
        lambda: history.filter_events(
            enriched,
            focus="51.08",
            start=pd.Timestamp("2024-01-01").date(),
            end=pd.Timestamp("2024-12-31").date(),
        ),
    )
    charts = {
        "timeline month": lambda: history.timeline(enriched, elections, freq="month", lang="id"),
        "timeline year + focus": lambda: history.timeline(
            enriched, elections, freq="year", lang="id", highlight_region="51.08"
        ),
        "aligned": lambda: history.aligned_chart(aligned, "id", region_names=names),
        "heatmap": lambda: history.heatmap(counts, names, "id"),
    }
    for label, build in charts.items():
        chart = timed(f"chart {label} (build + to_dict)", lambda build=build: build().to_dict())
        print(f"  {'':<38} spec {len(json.dumps(chart).encode()) / 1024:9.1f} KB")
    began = time.perf_counter()
    enriched = history.enrich(events, elections, election_id="pilkada-2024-bali")
    history.timeline(enriched, elections, freq="month", lang="id").to_dict()
    history.aligned_chart(
        history.align_on_voting_day(events, elections, election_ids=COMPARED), "id", region_names=names
    ).to_dict()
    history.heatmap(history.heatmap_counts(enriched), names, "id").to_dict()
    print(f"  {'whole page (enrich + 3 charts)':<38} {(time.perf_counter() - began) * 1000:9.1f} ms")


def main() -> None:
    events = pd.read_csv(ROOT / "data" / "events.csv", dtype=str, keep_default_na=False).replace("", pd.NA)
    elections = pd.read_csv(ROOT / "data" / "elections.csv", dtype=str, keep_default_na=False)
    regions = pd.read_csv(ROOT / "data" / "regions.csv", dtype=str)
    names = dict(zip(regions["code"], regions["name"], strict=True))
    run("Bundled data (data/events.csv)", events, elections, names)
    run("SYNTHETIC events (seeded, not real)", synthetic_events(100_000, elections), elections, names)


if __name__ == "__main__":
    main()
