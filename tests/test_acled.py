"""ACLED exports: Bali rows kept and placed, categories and severity mapped, re-imports stable."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest

from lib import intake
from lib.core.problems import DataProblem
from lib.core.vocab import EVENT_COLUMNS
from tests.conftest import DATA_DIR, FIXTURES

ACLED_FILE = FIXTURES / "acled_bali_sample.csv"
TODAY = dt.date(2025, 6, 30)


def row(frame: pd.DataFrame, event_id: str) -> pd.Series:
    return frame.loc[frame["id"] == event_id].iloc[0]


@pytest.fixture(scope="module")
def seats() -> dict[str, tuple[float, float]]:
    return intake.regency_seats(pd.read_csv(DATA_DIR / "regions.csv", dtype=str))


@pytest.fixture(scope="module")
def acled(region_index, seats) -> intake.AcledImport:
    return intake.read_acled(
        ACLED_FILE.read_bytes(), ACLED_FILE.name, index=region_index, today=TODAY, seats=seats, lang="en"
    )


# --- ACLED -----------------------------------------------------------------------------------------


def test_acled_bali_rows_land_in_their_regencies(acled):
    events = acled.events.set_index("id")
    assert list(acled.events.columns) == list(EVENT_COLUMNS)
    assert events["region_code"].to_dict() == {
        "acled-IDNTEST001": "51.08",
        "acled-IDNTEST002": "51.71",
        "acled-IDNTEST003": "51.04",
        "acled-IDNTEST004": "51.07",
        "acled-IDNTEST005": "51.08",
        "acled-IDNTEST006": "51.08",
        "acled-IDNTEST007": "51.02",
        "acled-IDNTEST011": "51.71",
    }
    assert set(events["origin"]) == {"acled"}
    assert set(events["source_url"]) == {"https://acleddata.com"}
    assert events["description"].str.startswith("Test fixture, not a real event").all()


def test_acled_other_countries_and_provinces_are_counted_and_skipped(acled):
    assert acled.skipped_other_countries == 1
    assert acled.skipped_other_provinces == 2
    assert not acled.events["id"].str.contains("TLS|IDNTEST009|IDNTEST010").any()


def test_acled_problem_rows_are_reported_with_row_numbers(acled):
    found = [(p.row, p.column, p.value) for p in acled.problems]
    assert found == [
        (9, "event_id_cnty", "IDNTEST001"),
        (10, "event_date", "2030-01-15"),
        (15, "admin2", "Atlantis"),
    ]
    assert "2025-06-30" in acled.problems[1].expected
    assert "row 2 is kept" in acled.problems[0].expected


def test_acled_problems_speak_indonesian_by_default(region_index, seats):
    result = intake.read_acled(
        ACLED_FILE.read_bytes(), ACLED_FILE.name, index=region_index, today=TODAY, seats=seats
    )
    assert "tidak melewati hari ini" in result.problems[1].expected


def test_acled_reimport_gives_the_same_ids_and_rows(acled, region_index, seats):
    again = intake.read_acled(
        ACLED_FILE.read_bytes(), ACLED_FILE.name, index=region_index, today=TODAY, seats=seats, lang="en"
    )
    pd.testing.assert_frame_equal(again.events, acled.events)
    assert acled.events["id"].is_unique


def test_acled_dates_categories_and_severity_follow_the_documented_rules(acled):
    events = acled.events.set_index("id")
    week = events.loc["acled-IDNTEST003"]
    assert (week["date"], week["date_precision"], week["confidence"]) == ("2024-10-05", "day", "medium")
    assert "within a week" in week["severity_basis"]
    month = events.loc["acled-IDNTEST004"]
    assert (month["date"], month["date_precision"], month["severity"]) == ("2024-09", "month", 4)
    mob = events.loc["acled-IDNTEST001"]
    assert (mob["category"], mob["severity"], mob["confidence"]) == ("violence", 3, "high")
    assert mob["severity_basis"].startswith("ACLED: Riots / Mob violence")
    assert events.loc["acled-IDNTEST003", "category"] == "riot"
    assert (events.loc["acled-IDNTEST005", "category"], events.loc["acled-IDNTEST005", "severity"]) == (
        "clash",
        5,
    )
    assert (events.loc["acled-IDNTEST002", "category"], events.loc["acled-IDNTEST002", "severity"]) == (
        "dispute",
        1,
    )
    assert (events.loc["acled-IDNTEST011", "category"], events.loc["acled-IDNTEST011", "severity"]) == (
        "other",
        2,
    )


def test_acled_row_without_coordinates_is_kept_when_admin2_resolves(acled):
    tabanan = row(acled.events, "acled-IDNTEST007")
    assert pd.isna(tabanan["lat"])
    assert pd.isna(tabanan["lon"])
    assert tabanan["region_code"] == "51.02"


def test_acled_unknown_admin2_is_placed_by_nearest_seat_with_low_confidence(acled):
    tejakula = row(acled.events, "acled-IDNTEST006")
    assert tejakula["confidence"] == "low"
    assert "nearest regency seat" in tejakula["severity_basis"]
    assert acled.approximate_rows == [7]


def test_acled_boundaries_place_points_exactly(region_index, seats, shared_geo):
    regencies = gpd.read_file(shared_geo / "bali_kabupaten.geojson")
    result = intake.read_acled(
        ACLED_FILE.read_bytes(),
        ACLED_FILE.name,
        index=region_index,
        today=TODAY,
        seats=seats,
        boundaries=regencies,
    )
    tejakula = row(result.events, "acled-IDNTEST006")
    assert (tejakula["region_code"], tejakula["confidence"]) == ("51.08", "high")
    assert result.approximate_rows == []


def test_acled_point_in_bangli_needs_boundaries_because_bangli_has_no_seat(region_index, seats, shared_geo):
    # Kintamani area, in Bangli; Bangli has no seat coordinates in data/regions.csv.
    text = ACLED_FILE.read_text(encoding="utf-8").splitlines()
    header, tejakula = text[0], next(line for line in text if line.startswith("IDNTEST006"))
    moved = tejakula.replace("-8.1300,115.3300", "-8.3500,115.3500")
    data = f"{header}\n{moved}\n".encode()
    by_seat = intake.read_acled(data, "x.csv", index=region_index, today=TODAY, seats=seats)
    assert row(by_seat.events, "acled-IDNTEST006")["region_code"] != "51.06"
    assert by_seat.approximate_rows == [2]
    regencies = gpd.read_file(shared_geo / "bali_kabupaten.geojson")
    exact = intake.read_acled(
        data, "x.csv", index=region_index, today=TODAY, seats=seats, boundaries=regencies
    )
    assert row(exact.events, "acled-IDNTEST006")["region_code"] == "51.06"


def test_acled_file_without_its_columns_is_refused_in_the_users_words(region_index):
    with pytest.raises(DataProblem, match="has no column") as caught:
        intake.read_acled(
            b"id,date\n1,2024-01-01\n", "export.csv", index=region_index, today=TODAY, lang="en"
        )
    assert "export.csv" in caught.value.what
    assert caught.value.fix.startswith("Download")


def test_acled_excel_export_reads_like_the_csv(tmp_path, region_index, seats, acled):
    workbook = tmp_path / "acled.xlsx"
    pd.read_csv(ACLED_FILE, dtype=str, keep_default_na=False).to_excel(workbook, index=False)
    from_excel = intake.read_acled(
        workbook.read_bytes(), workbook.name, index=region_index, today=TODAY, seats=seats, lang="en"
    )
    pd.testing.assert_frame_equal(from_excel.events, acled.events)
    assert [p.row for p in from_excel.problems] == [p.row for p in acled.problems]
