"""Shared fixtures: the bundled data, the shared boundary files, a region index."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lib.regions import RegionIndex, build_index

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SHARED_GEO = ROOT.parent / "shared" / "data" / "geo"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def region_index() -> RegionIndex:
    """Return the index of Bali and its 9 regencies, from data/regions.csv."""
    with (DATA_DIR / "regions.csv").open(encoding="utf-8") as handle:
        return build_index(list(csv.DictReader(handle)))


@pytest.fixture(scope="session")
def shared_geo() -> Path:
    """Return ../shared/data/geo (boundary files are never copied into the project)."""
    assert SHARED_GEO.is_dir(), f"Boundary files expected at {SHARED_GEO}"
    return SHARED_GEO
