"""Skenario: weights in the URL move the ranking; the TPS deployment planner on sourced counts."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import open_page

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _empty_store(fresh_store):
    return fresh_store


def chart_specs(at: AppTest) -> list[str]:
    return [json.dumps(json.loads(e.proto.spec)) for e in at.get("vega_lite_chart")]


def test_weighing_contestation_higher_goes_into_the_link_and_changes_the_ranking():
    at = open_page("pages/skenario.py")
    before = chart_specs(at)[0]
    at.slider(key="factor_kontestasi").set_value(3.0).run()
    assert not at.exception
    weights = at.session_state["_view"].weights
    assert "candidate_pairs=3" in weights
    assert "money_politics=3" in weights
    after = chart_specs(at)[0]
    assert after != before
    # the link reproduces it: a new session opened with the same w= shows the same ranking
    again = open_page("pages/skenario.py", {"w": weights})
    assert chart_specs(again)[0] == after
    assert again.slider(key="weight_money_politics").value == 3.0


def test_the_map_ranking_follows_the_weights_in_the_link():
    plain = open_page("pages/peta.py")
    weighted = open_page("pages/peta.py", {"w": "money_politics=3,ikp_kontestasi=3,candidate_pairs=0"})
    assert chart_specs(plain)[-1] != chart_specs(weighted)[-1]


def test_a_bad_weight_in_the_link_is_reported_and_defaults_are_used():
    at = open_page("pages/skenario.py", {"w": "nonsense=2"})
    assert not at.exception
    assert any("nonsense" in w.value for w in at.warning)


def test_deployment_for_buleleng_uses_the_sourced_tps_counts():
    at = open_page("pages/skenario.py", {"r": "51.08", "lang": "en"})
    table = at.table[0].value.set_index("TPS category")
    assert table.loc["Total", "Police now"] == 777
    assert table.loc["Total", "Linmas now"] == 3138
    assert table.loc["Total", "Police in scenario"] == 777 + 50
    assert table.loc["Rawan", "TPS in scenario"] == 481


def test_deployment_for_a_regency_without_sourced_counts_says_unknown():
    at = open_page("pages/skenario.py", {"r": "51.03", "lang": "en"})
    table = at.table[0].value.set_index("TPS category")
    assert table["Police now"].isna().all()
    assert any("No source gives the TPS per category" in c.value for c in at.caption)
