"""Charts of the vulnerability index, checked through their Vega-Lite specs."""

from __future__ import annotations

import pandas as pd
import pytest

from lib import risk
from lib.risk import CATEGORY_DOMAIN, CATEGORY_RANGE

NAMES = {"51.01": "Jembrana", "51.02": "Tabanan", "51.03": "Badung", "51.04": "Gianyar"}


@pytest.fixture(scope="module")
def small():
    defs = pd.DataFrame(
        {
            "key": ["x", "y"],
            "dimension": ["konteks_sosial_politik", "kontestasi"],
            "sub_dimension": "s",
            "label_id": ["Indikator x", "Indikator y"],
            "label_en": ["Indicator x", "Indicator y"],
            "direction": "higher_is_riskier",
            "default_weight": [1.0, 3.0],
            "unit": "share",
            "derived": False,
            "source": "test",
            "note": "",
        }
    )
    vals = pd.DataFrame(
        {
            "region_code": ["51.01", "51.02", "51.01", "51.03"],
            "key": ["x", "x", "y", "y"],
            "value": [10.0, 0.0, 5.0, 15.0],
            "year": 2024,
            "source": "https://example.org/sumber",
            "note": None,
        }
    )
    return defs, vals, list(NAMES)


def layer_marks(spec: dict) -> list[str]:
    return [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]
    ]


def dataset(spec: dict) -> list[dict]:
    (rows,) = [v for v in spec["datasets"].values() if v and "name" in v[0]]
    return rows


def test_category_colours_are_fixed_for_the_map_too():
    assert CATEGORY_DOMAIN == ("rendah", "sedang", "tinggi", "tidak diketahui")
    assert len(CATEGORY_RANGE) == len(CATEGORY_DOMAIN)
    assert CATEGORY_RANGE[-1] == "#bdbdbd"


def test_ranking_bars_colour_by_category_and_show_coverage(small):
    defs, vals, regions = small
    index = risk.compute_index(vals, defs, regions=regions)
    spec = risk.ranking_bars(index, "id", names=NAMES).to_dict()
    assert layer_marks(spec) == ["bar", "text", "rule"]
    color = spec["layer"][0]["encoding"]["color"]
    assert color["scale"] == {"domain": list(CATEGORY_DOMAIN), "range": list(CATEGORY_RANGE)}
    rows = {row["name"]: row for row in dataset(spec)}
    assert rows["Badung"]["label"] == "100 — 1 dari 2 indikator diketahui"
    assert rows["Gianyar"]["label"] == "tidak diketahui"
    assert rows["Gianyar"]["category"] == "tidak diketahui"
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["Badung", "Jembrana", "Tabanan", "Gianyar"]
    # the coverage labels start where the bars start, so a half-width chart never cuts them off
    assert spec["layer"][1]["encoding"]["x"] == {"datum": 0}
    assert spec["layer"][1]["mark"]["align"] == "left"


def test_ranking_legend_speaks_the_chosen_language(small):
    defs, vals, regions = small
    index = risk.compute_index(vals, defs, regions=regions)
    spec = risk.ranking_bars(index, "en").to_dict()
    legend = spec["layer"][0]["encoding"]["color"]["legend"]
    assert legend["title"] == "Category"
    assert '"High"' in legend["labelExpr"]
    assert dataset(spec)[-1]["label"] == "unknown"


def test_rank_ranges_draw_a_span_a_median_and_the_base_rank(small):
    defs, vals, regions = small
    ranges = risk.sensitivity(vals, defs, n=50, regions=regions)
    spec = risk.rank_ranges(ranges, "id", names=NAMES).to_dict()
    assert layer_marks(spec) == ["rule", "tick", "point"]
    assert spec["layer"][0]["encoding"]["x2"]["field"] == "rank_max"
    assert {row["name"] for row in dataset(spec)} == {"Jembrana", "Tabanan", "Badung"}  # Gianyar has no rank


def test_contribution_chart_lists_known_then_unknown_indicators(small):
    defs, vals, regions = small
    parts = risk.contributions(vals, defs, regions=regions)
    tabanan = parts[parts["region_code"] == "51.02"]
    spec = risk.contribution_chart(tabanan, "Tabanan", "en").to_dict()
    assert "Tabanan" in spec["title"]
    rows = dataset_by_indicator(spec)
    assert rows["Indicator x"]["label"] == "0.0"
    assert rows["Indicator y"]["label"] == "unknown"
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == list(risk.DIMENSIONS)


def dataset_by_indicator(spec: dict) -> dict[str, dict]:
    (rows,) = [v for v in spec["datasets"].values() if v and "indicator" in v[0]]
    return {row["indicator"]: row for row in rows}


def test_contribution_chart_takes_one_region_only(small):
    defs, vals, regions = small
    with pytest.raises(ValueError, match="one region"):
        risk.contribution_chart(risk.contributions(vals, defs), "Bali", "id")
