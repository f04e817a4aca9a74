"""ACLED exports: Bali rows kept and placed, categories and severity mapped, re-imports stable."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest

from lib import intake
from lib.core.problems import DataProblem
from lib.core.regions import regency_of
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
    assert list(acled.events.columns) == [*EVENT_COLUMNS, "severity_basis_en"]
    assert events["region_code"].to_dict() == {
        "acled-IDNTEST001": "51.08",
        "acled-IDNTEST002": "51.71",
        "acled-IDNTEST003": "51.04",
        "acled-IDNTEST004": "51.07",
        "acled-IDNTEST005": "51.08",
        "acled-IDNTEST006": "51.08",
        "acled-IDNTEST007": "51",  # geo_precision 3: province level
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
    assert "within a week" in week["severity_basis_en"]
    assert "dalam seminggu" in week["severity_basis"]
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
    tabanan = row(acled.events, "acled-IDNTEST002")
    assert tabanan["region_code"] == "51.71"
    no_point = row(acled.events, "acled-IDNTEST007")
    assert pd.isna(no_point["lat"])
    assert pd.isna(no_point["lon"])


def test_a_province_level_acled_row_stays_at_bali_and_is_counted_in_the_report(acled):
    # IDNTEST007 names Tabanan but has geo_precision 3: ACLED knows only the province.
    tabanan = row(acled.events, "acled-IDNTEST007")
    assert tabanan["region_code"] == "51"
    assert regency_of(tabanan["region_code"]) is None  # counted for Bali, never for a regency
    assert "geo_precision 3" in tabanan["severity_basis_en"]
    assert acled.province_rows == [8]


def test_acled_unknown_admin2_is_placed_by_nearest_seat_with_low_confidence(acled):
    tejakula = row(acled.events, "acled-IDNTEST006")
    assert tejakula["confidence"] == "low"
    assert "nearest regency seat" in tejakula["severity_basis_en"]
    assert "ibu kota kabupaten terdekat" in tejakula["severity_basis"]
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


# --- files as partners' tools write them ---------------------------------------------------------


def _as_excel_saves_it(tmp_path, frame: pd.DataFrame) -> bytes:
    """Write ``frame`` the way Excel saves an opened ACLED CSV: dates as date cells, numbers as numbers."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(frame.columns))
    for record in frame.to_dict("records"):
        cells = []
        for column, value in record.items():
            if column.lower() == "event_date" and value:
                cells.append(dt.datetime.fromisoformat(value))
            elif value and column.lower() in {
                "latitude",
                "longitude",
                "fatalities",
                "timestamp",
                "geo_precision",
            }:
                cells.append(float(value))
            elif value and column.lower() in {"time_precision", "year", "inter1", "iso"}:
                cells.append(int(value))
            else:
                cells.append(value or None)
        sheet.append(cells)
    for cell in sheet["B"][1:]:
        cell.number_format = "dd/mm/yyyy"
    path = tmp_path / "acled_saved_by_excel.xlsx"
    book.save(path)
    return path.read_bytes()


def test_an_acled_sheet_saved_from_excel_reads_its_date_cells(tmp_path, region_index, seats, acled):
    frame = pd.read_csv(ACLED_FILE, dtype=str, keep_default_na=False)
    data = _as_excel_saves_it(tmp_path, frame)
    from_excel = intake.read_acled(
        data, "acled.xlsx", index=region_index, today=TODAY, seats=seats, lang="en"
    )
    assert not [p for p in from_excel.problems if p.column == "event_date" and "2030" not in p.value]
    pd.testing.assert_frame_equal(
        from_excel.events[["id", "date", "region_code", "severity", "fatalities"]],
        acled.events[["id", "date", "region_code", "severity", "fatalities"]],
    )


def test_excel_serials_and_datetime_text_are_dates(region_index):
    header = (
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,"
        "country,admin1,admin2,geo_precision"
    )
    lines = [
        "IDN1,45623,1,Protests,Peaceful protest,Indonesia,Bali,Buleleng,1",
        "IDN2,2024-11-27 00:00:00,1,Protests,Peaceful protest,Indonesia,Bali,Buleleng,1",
        "IDN3,27 November 2024,1,Protests,Peaceful protest,Indonesia,Bali,Buleleng,1",
    ]
    found = intake.read_acled("\n".join([header, *lines]).encode(), "a.csv", index=region_index, today=TODAY)
    assert found.problems == []
    assert set(found.events["date"]) == {"2024-11-27"}


def test_an_older_upper_case_acled_export_is_read_and_its_missing_columns_reported(region_index):
    # ACLED's codebook before 2019: upper-case headers, no sub_event_type, "Riots/Protests".
    text = (
        "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,"
        "COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES\n"
        "850,IDN1001,1001,12/04/2016,2016,1,Riots/Protests,Protesters (Indonesia),Indonesia,Bali,"
        "Gianyar,Ubud,Ubud,-8.5069,115.2625,1,Bali Post,Demo at the regent office,0\n"
        "850,IDN1002,1002,03/05/2016,2016,1,Battle-No change of territory,Militia,Indonesia,Bali,"
        "Bangli,Kintamani,Kintamani,-8.2500,115.3300,2,Tribun Bali,Clash between villages,1\n"
    )
    found = intake.read_acled(text.encode(), "acled_2016.csv", index=region_index, today=TODAY, lang="en")
    assert found.problems == []
    assert "sub_event_type" in found.missing_columns
    events = found.events.set_index("id")
    assert events.loc["acled-IDN1001", ["date", "region_code", "category"]].tolist() == [
        "2016-04-12",
        "51.04",
        "dispute",
    ]
    assert events.loc["acled-IDN1002", ["region_code", "category", "severity"]].tolist() == [
        "51.06",
        "clash",
        4,
    ]


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("Denpasar City", "51.71"),
        ("Kota Denpasar", "51.71"),
        ("Karang Asem", "51.07"),
        ("Badung Regency", "51.03"),
        ("Kabupaten Badung", "51.03"),
        ("BULELENG", "51.08"),
        ("Klungkung Regency", "51.05"),
    ],
)
def test_acleds_own_admin2_spellings_are_regions_without_any_fallback(region_index, spelling, code):
    text = (
        "event_id_cnty,event_date,event_type,sub_event_type,country,admin1,admin2,geo_precision\n"
        f"IDN9,2024-11-27,Protests,Peaceful protest,Indonesia,Bali,{spelling},1\n"
    )
    found = intake.read_acled(
        text.encode(), "a.csv", index=region_index, today=TODAY
    )  # no seats, no polygons
    assert found.events["region_code"].tolist() == [code]


def test_geo_precision_decides_how_far_a_point_is_trusted(region_index, seats, shared_geo):
    regencies = gpd.read_file(shared_geo / "bali_kabupaten.geojson")
    header = (
        "event_id_cnty,event_date,event_type,sub_event_type,country,admin1,admin2,"
        "latitude,longitude,geo_precision"
    )
    lines = [
        # precision 3 with a point inside Buleleng: never pinned to Buleleng
        "IDN1,2024-11-27,Protests,Peaceful protest,Indonesia,Bali,Buleleng,-8.112,115.088,3",
        # no admin2 at all, point in Gianyar: province
        "IDN2,2024-11-27,Protests,Peaceful protest,Indonesia,Bali,,-8.544,115.325,1",
        # precision 2, admin2 Gianyar but the point lies in Buleleng: they disagree
        "IDN3,2024-11-27,Protests,Peaceful protest,Indonesia,Bali,Gianyar,-8.112,115.088,2",
        # precision 2, admin2 and point agree
        "IDN4,2024-11-27,Protests,Peaceful protest,Indonesia,Bali,Gianyar,-8.544,115.325,2",
        # precision 2, unknown admin2 (a kecamatan), the polygon says Buleleng
        "IDN5,2024-11-27,Protests,Peaceful protest,Indonesia,Bali,Tejakula,-8.130,115.330,2",
    ]
    found = intake.read_acled(
        "\n".join([header, *lines]).encode(),
        "a.csv",
        index=region_index,
        today=TODAY,
        seats=seats,
        boundaries=regencies,
        lang="en",
    )
    codes = dict(zip(found.events["id"], found.events["region_code"], strict=True))
    assert codes == {
        "acled-IDN1": "51",
        "acled-IDN2": "51",
        "acled-IDN3": "51",
        "acled-IDN4": "51.04",
        "acled-IDN5": "51.08",
    }
    assert found.province_rows == [2, 3, 4]
    assert "disagree" in found.events.set_index("id").loc["acled-IDN3", "severity_basis_en"]
