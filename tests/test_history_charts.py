"""Charts of the conflict history: valid specs, the brush param, fixed category colours, labels."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from lib import history, intake
from lib.core.vocab import CATEGORIES
from tests.conftest import DATA_DIR

COMPARED = ["pilgub-2018", "pemilu-2019", "pilkada-2020", "pemilu-2024", "pilkada-2024-bali"]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "events.csv", dtype=str, keep_default_na=False).replace("", pd.NA)


@pytest.fixture(scope="module")
def elections() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "elections.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def region_names() -> dict[str, str]:
    regions = pd.read_csv(DATA_DIR / "regions.csv", dtype=str)
    return dict(zip(regions["code"], regions["name"], strict=True))


def walk(spec):
    """Yield every dict inside a spec."""
    if isinstance(spec, dict):
        yield spec
        for value in spec.values():
            yield from walk(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from walk(value)


def params_of(spec: dict) -> dict[str, dict]:
    return {
        p["name"]: p for d in walk(spec) for p in d.get("params", []) if isinstance(p, dict) and "name" in p
    }


def colour_domains(spec: dict) -> list[list]:
    return [
        d["color"]["scale"]["domain"]
        for d in walk(spec)
        if isinstance(d.get("color"), dict) and "scale" in d["color"] and "domain" in d["color"]["scale"]
    ]


def untyped_fields(spec: dict) -> list[str]:
    """Return encoding fields that have no type or no title (tooltips included)."""
    missing = []
    for d in walk(spec):
        encoding = d.get("encoding")
        if not isinstance(encoding, dict):
            continue
        for channel, value in encoding.items():
            defs = value if isinstance(value, list) else [value]
            for item in defs:
                if isinstance(item, dict) and "field" in item and channel not in ("order", "x2", "y2"):
                    if "type" not in item:
                        missing.append(f"{channel}:{item['field']} type")
                    if channel not in ("x2", "y2", "text", "yOffset", "opacity") and "title" not in item:
                        missing.append(f"{channel}:{item['field']} title")
    return missing


@pytest.mark.parametrize("freq", ["month", "year"])
def test_timeline_is_valid_with_the_brush_on_x(events, elections, freq):
    spec = history.timeline(events, elections, freq=freq, lang="id").to_dict()
    brush = params_of(spec)[history.INTERVAL]
    assert brush["select"]["type"] == "interval"
    assert brush["select"]["encodings"] == ["x"]
    assert history.INTERVAL == "time_brush"
    assert untyped_fields(spec) == []


def test_timeline_keeps_the_category_colours_fixed_whatever_the_filter(events, elections):
    expected = [history.CATEGORY_COLOURS[c] for c in CATEGORIES]
    only_riots = events.loc[events["category"] == "riot"]
    for frame in (events, only_riots):
        spec = history.timeline(frame, elections, freq="year", lang="en").to_dict()
        for domain in colour_domains(spec):
            assert domain == [
                "Riot",
                "Clash",
                "Violence",
                "Intimidation",
                "Money politics",
                "Civil-service neutrality",
                "Hoax",
                "Logistics",
                "Dispute",
                "Other",
            ]
        ranges = [
            d["color"]["scale"]["range"]
            for d in walk(spec)
            if isinstance(d.get("color"), dict) and "range" in d["color"].get("scale", {})
        ]
        assert ranges
        assert all(r == expected for r in ranges)


def test_monthly_timeline_draws_year_dated_events_as_spans_not_days(events, elections):
    chart = history.timeline(events, elections, freq="month", lang="id")
    spec = chart.to_dict()
    assert len(spec["vconcat"]) == 2
    strip = spec["vconcat"][1]
    rows = spec["datasets"][strip["data"]["name"]]
    assert sorted((r["period_label"], r["count"]) for r in rows) == [("1998", 1), ("2012", 1), ("2018", 2)]
    span = next(r for r in rows if r["period_label"] == "2012")
    assert span["period_start"].startswith("2012-01-01")
    assert span["x_end"].startswith("2013-01-01")
    assert strip["encoding"]["x2"]["field"] == "x_end"


def test_yearly_timeline_has_no_separate_strip(events, elections):
    chart = history.timeline(events, elections, freq="year", lang="id")
    assert isinstance(chart.to_dict().get("layer"), list)


def test_timeline_bars_stack_to_the_number_of_events(events, elections):
    spec = history.timeline(events, elections, freq="month", lang="id").to_dict()
    bars = spec["vconcat"][0]["layer"][0]
    rows = spec["datasets"][bars["data"]["name"]]
    october_1999 = [r for r in rows if r["period_start"].startswith("1999-10-01")]
    assert max(r["y1"] for r in october_1999) == 5
    assert sum(r["count"] for r in rows) == len(events) - 4  # the four year-dated events are in the strip


def test_timeline_marks_voting_days_and_follows_the_focus(events, elections):
    spec = history.timeline(events, elections, freq="year", lang="id", highlight_region="51.07").to_dict()
    rules = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rule")
    names = {r["name"] for r in spec["datasets"][rules["data"]["name"]]}
    assert "Pilkada Serentak 2024 (Bali)" in names
    assert "Pilkada Buleleng 2012" not in names  # a Buleleng-only election, focus is Karangasem
    bars = spec["layer"][0]
    assert bars["encoding"]["opacity"]["field"] == "in_focus"


def test_timeline_titles_follow_the_language(events, elections):
    indonesian = json.dumps(history.timeline(events, elections, freq="year", lang="id").to_dict())
    english = json.dumps(history.timeline(events, elections, freq="year", lang="en").to_dict())
    assert "Jumlah kejadian" in indonesian
    assert "Number of events" in english
    assert "Kerusuhan" in indonesian
    assert "Riot" in english


def test_aligned_chart_marks_voting_day_and_says_what_it_leaves_out(events, elections, region_names):
    aligned = history.align_on_voting_day(events, elections, election_ids=COMPARED)
    spec = history.aligned_chart(aligned, "id", region_names=region_names).to_dict()
    assert spec["title"]["subtitle"] == ["2 kejadian yang hanya diketahui bulan/tahunnya tidak ditampilkan."]
    rule, points, label = spec["layer"]
    assert spec["datasets"][label["data"]["name"]] == [{"days": 0, "label": "hari pemungutan"}]
    rows = spec["datasets"][points["data"]["name"]]
    assert len(rows) == int(aligned["precise"].sum())
    assert points["encoding"]["size"]["field"] == "severity"
    tooltip_fields = {t["field"] for t in points["encoding"]["tooltip"]}
    assert {"date_label", "place", "description", "source"} <= tooltip_fields
    assert all(len(r["description"]) <= history.DESCRIPTION_CHARS + 1 for r in rows)
    assert points["encoding"]["y"]["sort"][0] == "Pilkada Serentak 2024 (Bali)"
    assert untyped_fields(spec) == []
    english = history.aligned_chart(aligned, "en").to_dict()
    assert english["datasets"][english["layer"][2]["data"]["name"]][0]["label"] == "voting day"


def test_aligned_chart_counts_per_day_when_there_are_too_many_points(events, elections):
    aligned = history.align_on_voting_day(events, elections, election_ids=COMPARED)
    spec = history.aligned_chart(aligned, "en", max_points=5).to_dict()
    points = spec["layer"][1]
    assert points["encoding"]["size"]["field"] == "count"
    rows = spec["datasets"][points["data"]["name"]]
    assert sum(r["count"] for r in rows) == int(aligned["precise"].sum())


def test_heatmap_shows_regencies_by_category_with_unknown_fatalities_said(events, region_names):
    counts = history.heatmap_counts(events)
    spec = history.heatmap(counts, region_names, "id").to_dict()
    rows = (
        spec["datasets"][spec["data"]["name"]]
        if "data" in spec
        else spec["datasets"][spec["layer"][0]["data"]["name"]]
    )
    assert sum(r["count"] for r in rows) == len(events)
    labels = {r["region_label"] for r in rows}
    assert "Seluruh Bali" in labels
    assert "Buleleng" in labels
    assert "tidak diketahui" in {r["fatalities_text"] for r in rows}
    assert untyped_fields(spec) == []


def test_selected_days_reads_the_brush_from_the_whole_selection_state():
    state = {history.INTERVAL: {"period_start": ["2024-08-31T16:00:00.000Z", "2024-12-30T16:00:00.000Z"]}}
    first, last = history.selected_days(state)
    assert (first.isoformat(), last.isoformat()) == ("2024-09-01", "2024-12-31")
    assert history.selected_days({history.INTERVAL: {}}) is None


def test_aligned_chart_without_imprecise_events_has_no_subtitle():
    bundle = intake.load_bundle(DATA_DIR)
    precise = bundle.events[bundle.events["date_precision"] == "day"]
    aligned = history.align_on_voting_day(precise, bundle.elections, election_ids=["pilkada-2024-bali"])
    assert len(aligned) > 0  # there are events to draw, so a missing subtitle means something
    assert bool(aligned["precise"].all())
    assert history.imprecise_counts(aligned) == {}
    spec = history.aligned_chart(aligned, "id").to_dict()
    assert "subtitle" not in spec.get("title", {})
