"""The TPS security deployment planner: Polda Bali's pattern applied to Buleleng by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as hst

from lib import risk
from lib.core.problems import DataProblem
from lib.intake import load_bundle
from lib.risk import PEMILU_2019_NATIONAL, POLDA_BALI_2024, Pattern, deployment_needs, what_if
from tests.conftest import DATA_DIR

# Polres Buleleng, Pilkada 2024: 1,173 TPS, 381 rawan, 792 kurang rawan (Tribun Bali 26 Nov 2024).
BULELENG = {"kurang_rawan": 792, "rawan": 381, "sangat_rawan": 0}


@pytest.fixture(scope="module")
def bundle_tps() -> pd.DataFrame:
    return load_bundle(DATA_DIR).tps_categories


def by_category(frame: pd.DataFrame) -> dict[str, dict[str, object]]:
    return frame.set_index("category").to_dict("index")


def test_polda_bali_pattern_per_tps_matches_the_announced_table():
    patterns = POLDA_BALI_2024.patterns
    assert (patterns["kurang_rawan"].police_per_tps, patterns["kurang_rawan"].linmas_per_tps) == (0.5, 3.0)
    assert (patterns["rawan"].police_per_tps, patterns["rawan"].linmas_per_tps) == (1.0, 2.0)
    assert (patterns["sangat_rawan"].police_per_tps, patterns["sangat_rawan"].linmas_per_tps) == (2.0, 2.0)
    assert "balitribune.co.id" in POLDA_BALI_2024.source
    assert set(risk.PRESETS) == {"polda-bali-2024", "polri-pemilu-2019"}


def test_buleleng_needs_by_hand():
    needs = by_category(deployment_needs(BULELENG))
    # kurang rawan: 792 / 4 * 2 police, 792 / 4 * 12 Linmas; rawan: 381 / 2 * 2 and 381 / 2 * 4.
    assert (needs["kurang_rawan"]["police"], needs["kurang_rawan"]["linmas"]) == (396, 2376)
    assert (needs["rawan"]["police"], needs["rawan"]["linmas"]) == (381, 762)
    assert (needs["sangat_rawan"]["police"], needs["sangat_rawan"]["linmas"]) == (0, 0)
    assert (needs["total"]["tps"], needs["total"]["police"], needs["total"]["linmas"]) == (1173, 777, 3138)


def test_buleleng_with_100_more_rawan_tps():
    change = by_category(what_if(BULELENG, 100))
    assert (change["kurang_rawan"]["tps_after"], change["rawan"]["tps_after"]) == (692, 481)
    # after: 692 / 2 = 346 + 481 = 827 police; 692 * 3 = 2076 + 481 * 2 = 962 -> 3038 Linmas.
    assert (change["total"]["police_after"], change["total"]["linmas_after"]) == (827, 3038)
    assert (change["total"]["police_change"], change["total"]["linmas_change"]) == (50, -100)


def test_buleleng_under_the_pemilu_2019_pattern():
    needs = by_category(deployment_needs(BULELENG, PEMILU_2019_NATIONAL))
    assert (needs["total"]["police"], needs["total"]["linmas"]) == (396 + 762, 1188 + 1524)


def test_each_category_is_rounded_up_on_its_own():
    needs = by_category(deployment_needs({"kurang_rawan": 1, "rawan": 1, "sangat_rawan": 1}))
    assert needs["kurang_rawan"]["police"] == 1  # half an officer is one officer
    assert needs["total"]["police"] == 1 + 1 + 2


def test_an_unknown_count_keeps_its_category_and_the_total_unknown():
    needs = by_category(deployment_needs({"kurang_rawan": 792, "rawan": 381}))
    assert pd.isna(needs["sangat_rawan"]["police"])
    assert pd.isna(needs["total"]["police"])
    assert needs["rawan"]["police"] == 381
    moved = by_category(what_if({"rawan": 381, "sangat_rawan": 0}, 100))
    assert pd.isna(moved["rawan"]["tps_after"])


def test_moving_more_tps_than_exist_is_a_problem():
    with pytest.raises(DataProblem, match="hanya ada 792"):
        what_if(BULELENG, 800)
    back = by_category(what_if(BULELENG, -81))
    assert (back["kurang_rawan"]["tps_after"], back["rawan"]["tps_after"]) == (873, 300)


@pytest.mark.parametrize("value", [12.5, -3, "banyak", True], ids=["fraction", "negative", "words", "bool"])
def test_a_count_that_is_not_a_whole_number_is_a_problem(value):
    with pytest.raises(DataProblem, match="bukan bilangan bulat"):
        deployment_needs({"kurang_rawan": value})


def test_counts_from_a_table_are_accepted():
    needs = by_category(deployment_needs({"kurang_rawan": np.int64(4), "rawan": 2.0, "sangat_rawan": None}))
    assert needs["kurang_rawan"]["police"] == 2
    assert needs["rawan"]["linmas"] == 4


def test_a_pattern_needs_at_least_one_tps():
    with pytest.raises(ValueError, match="tps >= 1"):
        Pattern(police=2, tps=0, linmas=2)


@given(hst.integers(0, 10_000), hst.integers(0, 10), hst.integers(1, 10))
def test_rounded_needs_cover_the_exact_need_by_less_than_one(n_tps, police, tps):
    needed, _ = Pattern(police=police, tps=tps, linmas=0).needs(n_tps)
    exact = n_tps * police / tps
    assert exact <= needed < exact + 1


def test_the_bundled_buleleng_counts_are_known_with_their_source(bundle_tps):
    counts, source = risk.known_tps(bundle_tps, "pilkada-2024-bali", "51.08")
    assert counts == BULELENG
    assert "tribunnews.com" in source


def test_a_region_without_counts_has_every_category_unknown(bundle_tps):
    counts, source = risk.known_tps(bundle_tps, "pilkada-2024-bali", "51.05")
    assert counts == dict.fromkeys(risk.TPS_CATEGORIES)
    assert source is None


def test_a_blank_count_in_the_table_is_unknown_not_zero(bundle_tps):
    blank = bundle_tps.assign(sangat_rawan=pd.NA)
    counts, _ = risk.known_tps(blank, "pilkada-2024-bali", "51.08")
    assert counts == {**BULELENG, "sangat_rawan": None}


def test_the_plan_is_shown_with_categories_and_headers_in_the_language():
    plan = what_if(BULELENG, move_to_rawan=100)
    shown = risk.deployment_display(plan, "en")
    assert shown.columns[:3].tolist() == ["TPS category", "TPS now", "TPS in scenario"]
    assert shown["TPS category"].iloc[0] == "Kurang rawan"
    assert shown["Police change"].tolist() == plan["police_change"].tolist()
    assert plan.columns[0] == "category"  # the input is not modified
