"""The vulnerability index: definitions, derived indicators, scoring, weights and entered values."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as hst

from lib import risk
from lib.core.i18n import STRINGS, t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from tests.conftest import DATA_DIR

VOTING_DAY = dt.date(2024, 11, 27)


def read_text(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def definitions() -> pd.DataFrame:
    return risk.check_definitions(read_text("indicators.csv"))


@pytest.fixture(scope="module")
def bundled_values(definitions, region_index) -> pd.DataFrame:
    good, problems = risk.validate_indicator_values(
        read_text("indicator_values.csv"), definitions, region_index
    )
    assert problems.empty, problems.to_dict("records")
    return good


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    frame = pd.read_csv(DATA_DIR / "election_figures.csv", dtype={"region_code": str})
    return frame[frame["election_id"] == "pilkada-2024-bali"]


def small_definitions(*rows: tuple[str, str, str, float]) -> pd.DataFrame:
    """Definitions with (key, dimension, direction, weight) and filler for the other columns."""
    return pd.DataFrame(
        {
            "key": [r[0] for r in rows],
            "dimension": [r[1] for r in rows],
            "sub_dimension": "x",
            "label_id": [f"label {r[0]}" for r in rows],
            "label_en": [f"label {r[0]}" for r in rows],
            "direction": [r[2] for r in rows],
            "default_weight": [float(r[3]) for r in rows],
            "unit": "per_100k_dpt",
            "derived": False,
            "source": "test",
            "note": "",
        }
    )


def values_of(*rows: tuple[str, str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": [r[0] for r in rows],
            "key": [r[1] for r in rows],
            "value": [float(r[2]) for r in rows],
            "year": 2024,
            "source": "test",
            "note": None,
        }
    )


# --------------------------------------------------------------------------- bundled files


def test_bundled_definitions_cover_the_four_ikp_dimensions(definitions):
    assert set(definitions["dimension"]) == set(risk.DIMENSIONS)
    assert definitions["key"].is_unique
    assert (definitions["source"].str.strip() != "").all()
    assert definitions["default_weight"].gt(0).all()


def test_every_indicator_the_app_derives_is_defined_as_derived(definitions):
    derived = set(definitions.loc[definitions["derived"], "key"])
    expected = {
        *risk.EVENT_INDICATORS,
        risk.POSKO_INDICATOR,
        risk.VOTERS_PER_TPS,
        risk.CANDIDATE_PAIRS,
        *risk.POLITICS_INDICATORS,
    }
    assert derived == expected


def test_bundled_values_are_sourced_regency_values_of_entered_indicators(bundled_values, definitions):
    assert len(bundled_values) == 10
    assert (bundled_values["source"].str.startswith("http")).all()
    assert set(bundled_values["region_code"]) <= set(REGENCY_CODES)
    entered = set(definitions.loc[~definitions["derived"], "key"])
    assert set(bundled_values["key"]) <= entered


def test_bundled_values_hold_the_published_ikp_scores_and_buleleng_tps_share(bundled_values):
    by = bundled_values.set_index(["region_code", "key"])["value"]
    assert by[("51.08", "ikp_penyelenggaraan")] == 60
    assert by[("51.02", "ikp_kontestasi")] == 59.85
    assert by[("51.08", "tps_rawan")] == pytest.approx(381 / 1173, abs=1e-6)
    # Polresta Denpasar's 1,241 TPS include 240 in Badung: not attributed to Denpasar.
    assert ("51.71", "tps_rawan") not in by.index


def test_every_risk_string_exists_in_both_languages_and_names_every_code():
    risk_keys = {k: v for k, v in STRINGS.items() if k.startswith("risk.")}
    assert all(texts.get("id") and texts.get("en") for texts in risk_keys.values())
    for dimension in risk.DIMENSIONS:
        assert f"risk.dimension.{dimension}" in STRINGS
    for unit in risk.UNIT_RANGES:
        assert f"risk.unit.{unit}" in STRINGS
    for category in (*risk.CATEGORIES, risk.UNKNOWN):
        assert f"risk.category.{category}" in STRINGS


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("dimension", "keamanan", "kolom dimension"),
        ("direction", "up", "kolom direction"),
        ("default_weight", "-1", "kolom default_weight"),
        ("derived", "yes", "kolom derived"),
        ("source", "", "kolom source"),
    ],
    ids=["unknown dimension", "unknown direction", "negative weight", "bad flag", "no source"],
)
def test_a_broken_definition_is_named_by_row_and_column(column, value, message):
    frame = read_text("indicators.csv")
    frame.loc[2, column] = value
    with pytest.raises(DataProblem, match=f"baris 4, {message}"):
        risk.check_definitions(frame)


# --------------------------------------------------------------------------- normalise and index


def test_two_regions_one_indicator_scale_to_0_and_100():
    defs = small_definitions(("x", "kontestasi", "higher_is_riskier", 1))
    scored = risk.normalise(values_of(("51.01", "x", 3.0), ("51.02", "x", 7.0)), defs)
    assert scored["score"].tolist() == [0.0, 100.0]


def test_lower_is_riskier_turns_the_scale_round():
    defs = small_definitions(("pairs", "kontestasi", "lower_is_riskier", 1))
    scored = risk.normalise(
        values_of(("51.01", "pairs", 2), ("51.02", "pairs", 3), ("51.03", "pairs", 2)), defs
    )
    assert scored["score"].tolist() == [100.0, 0.0, 100.0]


def test_an_indicator_with_no_spread_scores_the_midpoint():
    defs = small_definitions(("x", "kontestasi", "higher_is_riskier", 1))
    scored = risk.normalise(values_of(("51.01", "x", 5), ("51.02", "x", 5)), defs)
    assert scored["score"].tolist() == [50.0, 50.0]


@pytest.fixture
def three_regions():
    defs = small_definitions(
        ("x", "konteks_sosial_politik", "higher_is_riskier", 1), ("y", "kontestasi", "higher_is_riskier", 3)
    )
    # x: A=10 (100), B=0 (0); y: A=5 (0), C=15 (100); D knows nothing.
    vals = values_of(("51.01", "x", 10), ("51.02", "x", 0), ("51.01", "y", 5), ("51.03", "y", 15))
    return defs, vals


def test_weights_are_renormalised_over_the_known_indicators(three_regions):
    defs, vals = three_regions
    index = risk.compute_index(vals, defs, regions=["51.01", "51.02", "51.03", "51.04"]).set_index(
        "region_code"
    )
    assert index.loc["51.01", "index"] == pytest.approx((1 * 100 + 3 * 0) / 4)
    assert index.loc["51.02", "index"] == 0
    assert index.loc["51.03", "index"] == 100
    assert index["coverage"].tolist() == [1.0, 0.25, 0.75, 0.0]
    assert index["n_known"].tolist() == [2, 1, 1, 0]
    assert (index["n_total"] == 2).all()
    assert index["rank"].tolist()[:3] == [2, 3, 1]


def test_a_region_with_no_known_indicator_has_no_index(three_regions):
    defs, vals = three_regions
    index = risk.compute_index(vals, defs, regions=["51.01", "51.04"]).set_index("region_code")
    assert pd.isna(index.loc["51.04", "index"])
    assert pd.isna(index.loc["51.04", "rank"])
    assert index.loc["51.04", "category"] == "tidak diketahui"


def test_dimension_scores_use_only_their_own_indicators(three_regions):
    defs, vals = three_regions
    index = risk.compute_index(vals, defs).set_index("region_code")
    assert index.loc["51.01", "dim_konteks_sosial_politik"] == 100
    assert index.loc["51.01", "dim_kontestasi"] == 0
    assert pd.isna(index.loc["51.02", "dim_kontestasi"])
    assert index["dim_partisipasi"].isna().all()


def test_categories_follow_the_bawaslu_kabkota_bands(three_regions):
    defs, vals = three_regions
    index = risk.compute_index(vals, defs).set_index("region_code")
    assert index["category"].to_dict() == {"51.01": "sedang", "51.02": "rendah", "51.03": "tinggi"}
    assert "49.33" in risk.IKP_KABKOTA_BANDS.source


def test_a_zero_weight_leaves_the_indicator_out_of_index_and_coverage(three_regions):
    defs, vals = three_regions
    index = risk.compute_index(vals, defs, {"y": 0}).set_index("region_code")
    assert index.loc["51.01", "index"] == 100
    assert pd.isna(index.loc["51.03", "index"])
    assert (index["n_total"] == 1).all()
    assert index.loc["51.03", "n_known"] == 0


def test_all_weights_zero_is_a_problem_the_user_can_fix(three_regions):
    defs, vals = three_regions
    with pytest.raises(DataProblem, match="Semua bobot"):
        risk.compute_index(vals, defs, {"x": 0, "y": 0})


def test_an_unknown_weight_key_is_a_bug(three_regions):
    defs, vals = three_regions
    with pytest.raises(ValueError, match="unknown indicator"):
        risk.compute_index(vals, defs, {"z": 1})


def test_contributions_add_up_to_the_index(three_regions):
    defs, vals = three_regions
    parts = risk.contributions(vals, defs)
    index = risk.compute_index(vals, defs).set_index("region_code")["index"]
    sums = parts.groupby("region_code")["contribution"].sum()
    for code in index.index:
        assert sums[code] == pytest.approx(index[code])
    unknown = parts[(parts["region_code"] == "51.02") & (parts["key"] == "y")].iloc[0]
    assert not unknown["known"]
    assert pd.isna(unknown["contribution"])


def test_scale_dimensions_multiplies_every_indicator_of_the_dimension(definitions):
    weights = risk.scale_dimensions(definitions, {"kontestasi": 2})
    kontestasi = definitions.loc[definitions["dimension"] == "kontestasi", "key"]
    assert all(weights[k] == 2.0 for k in kontestasi)
    assert weights["violence"] == 1.0


# --------------------------------------------------------------------------- sensitivity


def test_sensitivity_is_deterministic_and_contains_the_base_rank(three_regions):
    defs, vals = three_regions
    first = risk.sensitivity(
        vals, defs, n=200, spread=0.8, seed=7, regions=["51.01", "51.02", "51.03", "51.04"]
    )
    second = risk.sensitivity(
        vals, defs, n=200, spread=0.8, seed=7, regions=["51.01", "51.02", "51.03", "51.04"]
    )
    pd.testing.assert_frame_equal(first, second)
    known = first.dropna(subset=["base_rank"])
    assert (known["rank_min"] <= known["base_rank"]).all()
    assert (known["base_rank"] <= known["rank_max"]).all()
    assert first.set_index("region_code").loc["51.04"].isna()[["base_rank", "rank_min", "rank_max"]].all()


def test_without_spread_every_run_keeps_the_base_rank(three_regions):
    defs, vals = three_regions
    ranges = risk.sensitivity(vals, defs, n=20, spread=0.0)
    assert (ranges["rank_min"] == ranges["base_rank"]).all()
    assert (ranges["rank_max"] == ranges["base_rank"]).all()


def test_a_large_spread_can_swap_close_regions():
    defs = small_definitions(
        ("x", "konteks_sosial_politik", "higher_is_riskier", 1), ("y", "kontestasi", "higher_is_riskier", 1)
    )
    # A leads on x, B on y: which ranks first depends on the weights.
    vals = values_of(("51.01", "x", 1), ("51.02", "x", 0), ("51.01", "y", 0), ("51.02", "y", 1))
    ranges = risk.sensitivity(vals, defs, {"x": 1.1}, n=300, spread=0.5).set_index("region_code")
    assert ranges.loc["51.01", "base_rank"] == 1
    assert ranges.loc["51.01", "rank_max"] == 2


# --------------------------------------------------------------------------- derived indicators


def events_of(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": [r[0] for r in rows],
            "date_precision": [r[1] for r in rows],
            "region_code": [r[2] for r in rows],
            "category": [r[3] for r in rows],
        }
    )


SMALL_FIGURES = pd.DataFrame(
    {
        "region_code": ["51", "51.08", "51.03"],
        "dpt": [1_000_000, 200_000, 100_000],
        "n_tps": [2000, 400, None],
        "source": ["kpu", "kpu buleleng", "kpu badung"],
    }
)


def derived_value(frame: pd.DataFrame, code: str, key: str) -> float | None:
    found = frame[(frame["region_code"] == code) & (frame["key"] == key)]
    return None if found.empty else float(found["value"].iloc[0])


def test_events_count_per_100000_voters_of_their_regency():
    events = events_of(
        ("2024-11-01", "day", "51.08", "clash"),
        ("2024-10", "month", "51.08.01", "riot"),  # kecamatan -> its regency
        ("2024-11-02", "day", "51", "violence"),  # province-wide: no regency
        ("2024-11-03", "day", "51.08", "other"),  # counts for no indicator
        ("2024-12-01", "day", "51.08", "violence"),  # after as_of
        ("2024-11-04", "day", "51.03", "money_politics"),
    )
    derived = risk.derive_indicators(
        events, SMALL_FIGURES, election_voting_day=VOTING_DAY, half_life_years=math.inf
    )
    assert derived_value(derived, "51.08", "violence") == pytest.approx(2 / 200_000 * 100_000)
    assert derived_value(derived, "51.03", "violence") == 0
    assert derived_value(derived, "51.03", "money_politics") == pytest.approx(1.0)
    assert "51" not in set(derived["region_code"])
    assert derived["source"].str.startswith("dihitung").all()


def test_an_event_one_half_life_old_counts_half():
    events = events_of(("2024-11-27", "day", "51.08", "hoax"), ("2020-11-27", "day", "51.08", "hoax"))
    days = (VOTING_DAY - dt.date(2020, 11, 27)).days
    derived = risk.derive_indicators(
        events, SMALL_FIGURES, election_voting_day=VOTING_DAY, half_life_years=days / 365.25
    )
    assert derived_value(derived, "51.08", "hoax") == pytest.approx(1.5 / 200_000 * 100_000)


def test_voters_per_tps_is_unknown_where_tps_is_unknown():
    derived = risk.derive_indicators(
        events_of(), SMALL_FIGURES, election_voting_day=VOTING_DAY, half_life_years=4
    )
    assert derived_value(derived, "51.08", "voters_per_tps") == 500
    assert derived_value(derived, "51.03", "voters_per_tps") is None


def test_posko_reports_are_unknown_unless_held_and_zero_only_when_the_posko_ran():
    reports = pd.DataFrame({"region_code": ["51.08", "51.08.02"]})
    common = {"election_voting_day": VOTING_DAY, "half_life_years": 4}
    none = risk.derive_indicators(events_of(), SMALL_FIGURES, **common)
    assert derived_value(none, "51.08", "posko_reports") is None
    idle = risk.derive_indicators(events_of(), SMALL_FIGURES, reports=reports, **common)
    assert derived_value(idle, "51.08", "posko_reports") == pytest.approx(1.0)
    assert derived_value(idle, "51.03", "posko_reports") is None
    active = risk.derive_indicators(events_of(), SMALL_FIGURES, reports=reports, posko_active=True, **common)
    assert derived_value(active, "51.03", "posko_reports") == 0


def test_bundled_data_give_every_regency_an_index(figures, definitions, bundled_values):
    events = pd.read_csv(DATA_DIR / "events.csv", dtype=str, keep_default_na=False)
    contests = pd.read_csv(DATA_DIR / "contests.csv", dtype={"region_code": str})
    derived = risk.derive_indicators(
        events, figures, election_voting_day=VOTING_DAY, half_life_years=4, contests=contests
    )
    assert derived_value(derived, "51.08", "voters_per_tps") == pytest.approx(594_619 / 1_173)
    assert derived_value(derived, "51.03", "voters_per_tps") is None  # Badung TPS count not found
    assert derived_value(derived, "51.07", "candidate_pairs") == 3
    index = risk.compute_index(
        risk.combine(derived, bundled_values), definitions, regions=list(REGENCY_CODES)
    )
    assert index["index"].notna().all()
    assert index["coverage"].between(0, 1).all()
    assert (index["n_total"] == len(definitions)).all()


def test_entered_values_win_over_derived_and_the_latest_year_wins():
    derived = values_of(("51.08", "x", 1.0))
    entered = values_of(("51.08", "x", 2.0), ("51.08", "y", 3.0), ("51.08", "y", 4.0))
    entered["year"] = [2024, 2024, 2019]
    combined = risk.combine(derived, entered).set_index("key")["value"]
    assert combined.to_dict() == {"x": 2.0, "y": 3.0}


# --------------------------------------------------------------------------- weights in the link

KEYS = ("hoax", "ikp_kontestasi", "violence")
DEFAULTS = pd.DataFrame({"key": list(KEYS), "default_weight": [1.0, 1.0, 2.0]})


@given(hst.fixed_dictionaries({k: hst.floats(min_value=0, max_value=risk.MAX_WEIGHT) for k in KEYS}))
@example({"hoax": 1.0, "ikp_kontestasi": 1.0, "violence": 2.0})
@example({"hoax": 5e-324, "ikp_kontestasi": 0.1 + 0.2, "violence": 100.0})
def test_encoded_weights_decode_unchanged(weights):
    text = risk.encode_weights(weights, risk.default_weights(DEFAULTS))
    assert risk.decode_weights(text, DEFAULTS) == weights


def test_only_changed_weights_go_into_the_link():
    assert (
        risk.encode_weights(
            {"hoax": 1.0, "ikp_kontestasi": 1.0, "violence": 2.0}, risk.default_weights(DEFAULTS)
        )
        == ""
    )
    assert risk.encode_weights({"violence": 3.5}, risk.default_weights(DEFAULTS)) == "violence=3.5"


@given(hst.text(max_size=40))
@example("violence=2,violence=3")
@example("violence=-1")
@example("nothing=1")
@example("violence=nan")
def test_any_text_decodes_or_raises_a_data_problem(text):
    found: DataProblem | None = None
    try:
        weights = risk.decode_weights(text, DEFAULTS)
    except DataProblem as problem:
        found, weights = problem, {}
    if found is not None:
        assert found.fix == t("risk.weights.fix")
    else:
        assert set(weights) == set(KEYS)
        assert all(0 <= w <= risk.MAX_WEIGHT for w in weights.values())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("violence=2,violence=3", "lebih dari sekali"),
        ("nothing=1", "tidak dikenal"),
        ("violence=200", "antara 0"),
    ],
    ids=["repeated", "unknown key", "too large"],
)
def test_a_bad_weight_link_says_what_is_wrong(text, message):
    with pytest.raises(DataProblem, match=message):
        risk.decode_weights(text, DEFAULTS)


# --------------------------------------------------------------------------- entered values


def entered(**changes: object) -> pd.DataFrame:
    row = {
        "region_code": "Buleleng",
        "key": "ikp_kontestasi",
        "value": "62,68",
        "year": "2022",
        "source": "https://www.detik.com/bali/berita/d-7098254",
        "note": "",
    }
    row.update(changes)
    return pd.DataFrame([row])


def test_a_good_row_is_stored_with_its_code_and_a_decimal_point(definitions, region_index):
    good, problems = risk.validate_indicator_values(entered(), definitions, region_index)
    assert problems.empty
    assert good.iloc[0][["region_code", "key", "value", "year"]].tolist() == [
        "51.08",
        "ikp_kontestasi",
        62.68,
        2022,
    ]
    assert pd.isna(good.iloc[0]["note"])


@pytest.mark.parametrize(
    ("changes", "column", "message"),
    [
        ({"key": "ikp_kontestas"}, "key", "ikp_kontestasi"),
        ({"key": "violence"}, "key", "dihitung oleh Sinergi"),
        ({"region_code": "Bali"}, "region_code", "bukan kabupaten/kota"),
        ({"region_code": "Bulelen"}, "region_code", "tidak dikenal"),
        ({"value": "enam puluh"}, "value", "bukan angka"),
        ({"value": ""}, "value", "tidak berisi nilai"),
        ({"value": "162"}, "value", "di luar rentang"),
        ({"year": "22"}, "year", "bukan tahun"),
        ({"year": ""}, "year", "bukan tahun"),
        ({"source": " "}, "source", "tidak mencantumkan sumber"),
    ],
    ids=[
        "misspelt key",
        "derived key",
        "province",
        "unknown region",
        "words",
        "empty value",
        "score above 100",
        "two-digit year",
        "no year",
        "no source",
    ],
)
def test_a_bad_row_is_rejected_with_its_row_column_and_reason(
    definitions, region_index, changes, column, message
):
    table = pd.concat([entered(region_code="Gianyar", value="54,19"), entered(**changes)], ignore_index=True)
    good, problems = risk.validate_indicator_values(table, definitions, region_index)
    assert good["region_code"].tolist() == ["51.04"]
    assert problems["row"].tolist()[0] == 3
    assert column in problems["column"].tolist()
    assert (
        problems["what"].str.cat(sep=" ").count(message) + problems["fix"].str.cat(sep=" ").count(message) > 0
    )


def test_a_repeated_row_is_a_problem_on_the_later_row(definitions, region_index):
    table = pd.concat([entered(), entered(region_code="51.08"), entered(year="2023")], ignore_index=True)
    good, problems = risk.validate_indicator_values(table, definitions, region_index, "en")
    assert len(good) == 2
    assert problems.to_dict("records")[0]["row"] == 3
    assert "already in row 2" in problems["what"].iloc[0]


def test_empty_rows_are_skipped_and_a_missing_column_stops_the_import(definitions, region_index):
    blank = pd.DataFrame([dict.fromkeys(risk.VALUE_COLUMNS, "")])
    good, problems = risk.validate_indicator_values(blank, definitions, region_index)
    assert good.empty
    assert problems.empty
    with pytest.raises(DataProblem, match="kolom source"):
        risk.validate_indicator_values(entered().drop(columns="source"), definitions, region_index)


def test_every_indicator_is_listed_once_under_its_dimension_with_its_label(definitions):
    listed = [item for d in risk.DIMENSIONS for item in risk.indicator_labels(definitions, d, "en")]
    assert sorted(key for key, _ in listed) == sorted(definitions["key"])
    labels = dict(zip(definitions["key"], definitions["label_en"], strict=True))
    assert all(label == labels[key] for key, label in listed)
    first = risk.indicator_labels(definitions, "kontestasi", "id")
    assert first
    assert all(label in set(definitions["label_id"]) for _, label in first)
