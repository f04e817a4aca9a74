"""Riwayat Konflik: the brush in the link filters the views and the table; focus filters; sources link."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import open_page

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _empty_store(fresh_store):
    return fresh_store


def open_history(query: dict | None = None) -> AppTest:
    return open_page("pages/riwayat_konflik.py", query)


def table(at: AppTest):
    return at.dataframe[-1].value


def test_all_bundled_events_are_listed_with_their_sources():
    at = open_history({"lang": "en"})
    events = table(at)
    assert len(events) == 51
    assert events["Source"].str.startswith("http").all()
    assert len(at.get("vega_lite_chart")) == 3


def test_a_brush_in_the_link_filters_the_table_to_the_weeks_after_the_vote():
    at = open_history({"lang": "en", "b": "2024-11-27~2024-12-31"})
    events = table(at)
    assert sorted(events["Date"]) == ["2024-11-27", "2024-12-01", "2024-12-08"]
    assert any("Selected range: 27/11/2024" in i.value for i in at.info)
    assert "2024-11-27~2024-12-31" in str(at.query_params.get("b"))


def test_clearing_the_brush_shows_everything_again():
    at = open_history({"lang": "en", "b": "2024-11-27~2024-12-31"})
    at.button(key="clear_brush").click().run()
    assert len(table(at)) == 51
    assert "b" not in at.query_params


def test_focus_on_buleleng_keeps_buleleng_and_bali_wide_events():
    at = open_history({"lang": "en", "r": "51.08"})
    regions = set(table(at)["Region"])
    assert regions <= {"Buleleng", "Bali"}
    assert "Buleleng" in regions


def test_year_only_events_are_listed_with_their_precision():
    at = open_history({"lang": "en"})
    events = table(at)
    assert set(events.loc[events["Date"] == "2018", "Date known to the"]) == {"year"}
