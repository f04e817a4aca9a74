"""Ringkasan's tables: Posko reports per regency and the week's change, as shown."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib import history, posko
from lib.intake import load_bundle
from tests.conftest import DATA_DIR


def test_every_regency_is_listed_with_its_posko_reports_and_zero_where_none():
    regions = load_bundle(DATA_DIR).regions
    counts = pd.DataFrame({"region_code": ["51.08"], "last_24h": [2], "last_7d": [5], "open_alerts": [1]})
    shown = posko.counts_display(regions, counts, "en")
    assert shown.columns.tolist()[0] == "Name"
    assert len(shown) == len(regions[regions["code"] != "51"])
    rows = shown.set_index("Name")
    assert rows.loc["Buleleng"].tolist() == [2, 5, 1]
    assert rows.drop(index="Buleleng").to_numpy().sum() == 0
    assert "region_code" in counts.columns  # the input is not modified


def test_regencies_with_posko_reports_come_first_most_reports_first():
    regions = load_bundle(DATA_DIR).regions
    counts = pd.DataFrame(
        {
            "region_code": ["51.01", "51.08", "51.07"],
            "last_24h": [0, 2, 1],
            "last_7d": [1, 5, 1],
            "open_alerts": 0,
        }
    )
    names = posko.counts_display(regions, counts, "en")["Name"].tolist()
    assert names[:3] == ["Buleleng", "Karangasem", "Jembrana"]
    rest = [n for n in regions.loc[regions["code"] != "51", "name"] if n not in names[:3]]
    assert names[3:] == rest  # the others in the bundle's order


def test_a_regency_whose_events_rose_is_marked_in_the_change_table():
    bundle = load_bundle(DATA_DIR)
    events = bundle.events.head(3).assign(date="2024-11-26", date_precision="day", region_code="51.08")
    change = history.recent_change(events, bundle.regions, today=dt.date(2024, 11, 27))
    shown = history.change_display(change, "en")
    assert len(shown.columns) == 4
    marks = dict(zip(shown.iloc[:, 0], shown.iloc[:, 3], strict=True))
    assert marks["Buleleng"] == "\u25b2"
    assert {mark for name, mark in marks.items() if name != "Buleleng"} == {""}
