"""Kecamatan and desa names: event sheets placed finer than their regency, code-only boundary files named.

The files are built the way partners' tools write them (openpyxl, a CSV export, a GeoPackage from
geopandas) and read through the app's own import paths: :func:`lib.intake.check_table` as the
Data page calls it, :func:`lib.geo.load_boundaries` as the boundary import calls it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from lib import geo, history, intake
from lib.core.wilayah import (
    PLACE_KINDS,
    WILAYAH_COLUMNS,
    WILAYAH_FILE,
    bundled_wilayah,
    read_wilayah,
    region_at_level,
    title_case,
)
from tests.conftest import DATA_DIR, ROOT

TODAY = dt.date(2025, 1, 31)
PLACES = bundled_wilayah()
HEADER = ["Tanggal", "Kabupaten", "Kecamatan", "Lokasi", "Kategori", "Tingkat Keparahan", "Uraian"]


def xlsx(rows: list[list[object]]) -> bytes:
    """Return a workbook with one sheet holding ``rows``, as openpyxl saves it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kejadian"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def event(regency: str, kecamatan: str, text: str, location: str = "") -> list[object]:
    return ["13/09/2024", regency, kecamatan, location, "Intimidasi", 2, text]


@pytest.fixture(scope="module")
def sheet_check(region_index):
    data = xlsx(
        [
            HEADER,
            event("Buleleng", "Seririt", "Spanduk dirusak di Seririt", "Pasar Seririt"),
            event("Gianyar", "UBUD", "Baliho dicopot"),
            event("Buleleng", "Serirt", "Intimidasi terhadap saksi"),
            event("Buleleng", "Ubud", "Politik uang dilaporkan"),
            event("Kab. Buleleng", "Kec. Sukasada", "Kampanye di luar jadwal"),
        ]
    )
    return intake.check_table(data, "rekap_kecamatan.xlsx", "events", index=region_index, today=TODAY)


# --- the bundled list --------------------------------------------------------------------------


def test_the_list_has_every_kecamatan_and_desa_of_bali_with_its_source():
    frame = pd.read_csv(WILAYAH_FILE, dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == WILAYAH_COLUMNS
    assert frame["kind"].value_counts().to_dict() == {"desa": 636, "kelurahan": 80, "kecamatan": 57}
    assert set(frame["kind"]) <= set(PLACE_KINDS)
    assert not frame["code"].duplicated().any()
    assert not frame["bps_code"].duplicated().any()
    assert (
        frame["source"].str.contains("cahyadsn/wilayah_boundaries@3c5a796")
        & frame["source"].str.contains("BPS")
    ).all()
    villages = frame[frame["kind"] != "kecamatan"]
    assert (villages["kecamatan_code"] == villages["code"].str[:8]).all()
    assert (frame["regency_code"] == frame["code"].str[:5]).all()
    assert PLACES.name("51.08.02") == "Seririt"
    assert PLACES.name("51.08.03.2002") == "Dapdap Putih"
    assert PLACES.places["51.08.03.2002"].bps_name == "Tista"
    assert "wilayah.csv" in (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")


def test_the_list_is_rebuilt_the_same_from_the_shared_crosswalk(shared_geo, tmp_path):
    spec = importlib.util.spec_from_file_location("build_wilayah", ROOT / "data" / "build_wilayah.py")
    build_wilayah = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_wilayah)
    target = tmp_path / "wilayah.csv"
    build_wilayah.main([str(shared_geo / "bali_desa_crosswalk.csv"), "--out", str(target)])
    assert target.read_bytes() == WILAYAH_FILE.read_bytes()
    assert read_wilayah(target).places == PLACES.places


def test_names_in_capitals_are_put_in_title_case():
    assert title_case("PANGKUNG PARUK") == "Pangkung Paruk"
    assert title_case("KOTA DENPASAR") == "Kota Denpasar"
    assert title_case("KABA-KABA") == "Kaba-Kaba"
    assert title_case("DAUH PURI KAJA II") == "Dauh Puri Kaja II"
    assert title_case("BANJAR JUMA'AT") == "Banjar Juma'at"
    assert title_case("Kaba-kaba") == "Kaba-kaba"  # mixed case is written on purpose: kept
    assert title_case("51.08.02") == "51.08.02"


def test_a_region_is_found_at_each_level():
    assert region_at_level("51.08.02.2018", "kecamatan") == "51.08.02"
    assert region_at_level("51.08.02.2018", "kabupaten") == "51.08"
    assert region_at_level("51.08", "desa") is None


# Names re-cased and re-spaced as people type them: every separator becomes any run of spaces.
_SEPARATOR = hst.text(alphabet=" ", min_size=0, max_size=3)


@settings(max_examples=200, deadline=None)
@given(
    place=hst.sampled_from(sorted(PLACES.places.values(), key=lambda p: p.code)),
    upper=hst.lists(hst.booleans(), min_size=40, max_size=40),
    gaps=hst.lists(_SEPARATOR, min_size=8, max_size=8),
)
def test_any_listed_name_recased_and_respaced_matches_its_own_code_in_its_regency(place, upper, gaps):
    words = place.name.replace("-", " ").replace("/", " ").split()
    typed = gaps[0] + "".join(w + (gaps[1 + i % 7] or " ") for i, w in enumerate(words))
    typed = "".join(c.upper() if upper[i % 40] else c.lower() for i, c in enumerate(typed))
    found = PLACES.match(typed, level=place.level, area=place.regency_code)
    assert found.code == place.code or place.code in found.ambiguous
    if found.ambiguous:  # a name twice in one regency (two desa Baturiti in Tabanan)
        assert all(PLACES.name(c) == place.name for c in found.ambiguous)


# --- event sheets --------------------------------------------------------------------------------


def test_the_kecamatan_column_of_an_xlsx_sheet_is_read_not_ignored(sheet_check):
    result = sheet_check.result
    assert "Kecamatan" not in result.unknown_columns
    assert result.column_map["kecamatan"] == "Kecamatan"
    assert result.problems == []
    assert len(result.good) == 5  # nothing is refused for a kecamatan name


def test_a_known_kecamatan_places_the_event_there_and_keeps_the_names_as_written(sheet_check):
    good = sheet_check.result.good
    assert good.loc[2, "region_code"] == "51.08.02"  # Seririt, Buleleng
    assert good.loc[2, "location"] == "Pasar Seririt, Seririt"
    assert good.loc[3, "region_code"] == "51.04.05"  # "UBUD", Gianyar
    assert good.loc[3, "location"] == "UBUD"
    assert good.loc[6, "region_code"] == "51.08.05"  # "Kec. Sukasada"


def test_an_unknown_or_foreign_kecamatan_keeps_the_row_at_regency_level_with_a_note(sheet_check):
    result = sheet_check.result
    assert result.good.loc[4, "region_code"] == "51.08"
    assert result.good.loc[4, "location"] == "Serirt"
    assert result.good.loc[5, "region_code"] == "51.08"
    assert result.notes == [
        "Baris 4, kolom Kecamatan: \u2018Serirt\u2019 tidak dikenal di Buleleng \u2014 mungkin: Seririt. "
        "Baris disimpan di tingkat kabupaten.",
        "Baris 5, kolom Kecamatan: \u2018Ubud\u2019 bukan di Buleleng, melainkan di Ubud (Gianyar). "
        "Baris disimpan di tingkat kabupaten.",
    ]
    shown = intake.summary(result)
    assert "2 baris disimpan kurang rinci dari yang ditulis" in shown
    assert result.notes[0] in shown


def test_events_placed_in_a_kecamatan_still_count_for_their_regency(sheet_check):
    regions = pd.read_csv(DATA_DIR / "regions.csv", dtype=str, keep_default_na=False).set_index("code")
    figures = pd.DataFrame(columns=["election_id", "region_code", "dpt", "n_tps"])
    good = sheet_check.result.good
    counts = history.counts_by_regency(good, figures, regions, election_id="pilkada-2024-bali").set_index(
        "code"
    )
    assert counts.loc["51.08", "events"] == 4
    assert counts.loc["51.04", "events"] == 1
    assert sorted(region_at_level(c, "kecamatan") for c in good["region_code"] if c.count(".") >= 2) == [
        "51.04.05",
        "51.08.02",
        "51.08.05",
    ]


def test_a_csv_with_a_desa_column_places_events_in_their_desa(region_index):
    text = (
        "Tanggal;Kabupaten/Kota;Desa/Kelurahan;Kategori;Tingkat Keparahan;Uraian\n"
        "13/09/2024;Buleleng;Pangkung Paruk;Intimidasi;2;Saksi diancam\n"
        "14/09/2024;Gianyar;KEL. UBUD;Intimidasi;2;Baliho dirusak\n"
        "15/09/2024;Tabanan;Baturiti;Intimidasi;2;Spanduk dicopot\n"
        "16/09/2024;Denpasar;Dauh Puri Kelod;Intimidasi;2;Intimidasi pemilih\n"
        "17/09/2024;Buleleng;Pangkung Paruk Baru;Intimidasi;2;Kampanye hitam\n"
    )
    check = intake.check_table(
        text.encode("utf-8"), "desa.csv", "events", index=region_index, lang="en", today=TODAY
    )
    good = check.result.good
    assert check.result.column_map["desa"] == "Desa/Kelurahan"
    assert list(good["region_code"]) == ["51.08.02.2018", "51.04.05.1005", "51.02", "51.71.03.2004", "51.08"]
    assert list(good["location"]) == [
        "Pangkung Paruk",
        "KEL. UBUD",
        "Baturiti",
        "Dauh Puri Kelod",
        "Pangkung Paruk Baru",
    ]
    first, second = check.result.notes
    assert first.startswith("Row 4, column Desa/Kelurahan: Tabanan has more than one \u2018Baturiti\u2019")
    assert "Baturiti (Kerambitan, Tabanan)" in first
    assert first.endswith("The row is kept at regency level.")
    assert second.startswith(
        "Row 6, column Desa/Kelurahan: \u2018Pangkung Paruk Baru\u2019 is not known in Buleleng"
    )
    assert "perhaps: Pangkungparuk" in second  # the Kemendagri spelling


def test_a_desa_is_looked_for_in_the_kecamatan_the_sheet_names(region_index):
    text = (
        "Tanggal,Kabupaten,Kecamatan,Desa,Tempat,Kategori,Tingkat Keparahan,Uraian\n"
        "13/09/2024,Tabanan,Kerambitan,Baturiti,Balai banjar,Intimidasi,2,Saksi diancam\n"
        "14/09/2024,Buleleng,Seririt,Bondalem,,Intimidasi,2,Baliho dirusak\n"
    )
    check = intake.check_table(text.encode("utf-8"), "desa.csv", "events", index=region_index, today=TODAY)
    good = check.result.good
    assert good.loc[2, "region_code"] == "51.02.04.2010"  # Baturiti in Kerambitan, not in Baturiti
    assert good.loc[2, "location"] == "Balai banjar, Baturiti, Kerambitan"
    assert good.loc[3, "region_code"] == "51.08.02"  # Bondalem lies in Tejakula: kept in Seririt
    assert check.result.notes == [
        "Baris 3, kolom Desa: \u2018Bondalem\u2019 bukan di Seririt, Buleleng, melainkan di "
        "Bondalem (Tejakula, Buleleng). Baris disimpan di tingkat kecamatan."
    ]


def test_a_refused_row_gets_no_place_note(region_index):
    text = (
        "Tanggal,Kabupaten,Kecamatan,Kategori,Tingkat Keparahan,Uraian\n"
        "32/13/2024,Buleleng,Serirt,Intimidasi,2,x\n"
    )
    check = intake.check_table(text.encode("utf-8"), "x.csv", "events", index=region_index, today=TODAY)
    assert check.result.good.empty
    assert check.result.notes == []


# --- boundary files that carry only codes --------------------------------------------------------


@pytest.fixture(scope="module")
def desa(shared_geo) -> gpd.GeoDataFrame:
    return gpd.read_file(shared_geo / "bali_desa.geojson")


def test_a_desa_geopackage_keyed_only_by_kode_gets_its_names_from_the_list(desa, region_index, tmp_path):
    path = tmp_path / "desa_kode.gpkg"
    gpd.GeoDataFrame({"KODE": desa["code"]}, geometry=desa.geometry, crs=desa.crs).to_file(
        path, driver="GPKG"
    )
    result = geo.load_boundaries(path, index=region_index, lang="en")
    kecamatan = result.boundaries.exact["kecamatan"].set_index("code")
    villages = result.boundaries.exact["desa"].set_index("code")
    assert "kecamatan" in result.dissolved
    assert len(kecamatan) == 57
    assert len(villages) == 716
    assert kecamatan.loc["51.08.02", "name"] == "Seririt"
    assert kecamatan.loc["51.05.01", "name"] == "Nusa Penida"
    assert villages.loc["51.08.03.2002", "name"] == "Dapdap Putih"
    assert not kecamatan["name"].str.match(r"^\d").any()
    assert not villages["name"].str.match(r"^\d").any()
    assert (
        "716 village (desa/kelurahan) regions have no name in the file; their names come from the "
        "bundled Kemendagri code list." in result.notes
    )


def test_bps_codes_are_read_as_the_kemendagri_codes_they_stand_for(desa, region_index, tmp_path):
    buleleng = desa[desa["regency_code"] == "51.08"]
    path = tmp_path / "desa_bps.gpkg"
    codes = buleleng["bps_code"].astype("int64").to_numpy()
    gpd.GeoDataFrame({"KODE": codes}, geometry=buleleng.geometry.to_numpy(), crs=desa.crs).to_file(path)
    result = geo.load_boundaries(path, index=region_index, lang="en")
    kecamatan = result.boundaries.exact["kecamatan"].set_index("code")
    villages = result.boundaries.exact["desa"].set_index("code")
    assert sorted(villages.index) == sorted(buleleng["code"])
    assert list(kecamatan.index) == [f"51.08.0{i}" for i in range(1, 10)]
    assert kecamatan.loc["51.08.02", "name"] == "Seririt"
    assert villages.loc["51.08.03.2002", "name"] == "Dapdap Putih"  # BPS 5108020004 "Tista"
    assert any("holds BPS codes" in note for note in result.notes)


def test_names_in_capitals_are_shown_in_title_case(desa, region_index, tmp_path):
    gianyar = desa[desa["district_code"] == "51.04.05"]
    office = gpd.GeoDataFrame(
        {
            "KODE": gianyar["code"].str.replace(".", "", regex=False).to_numpy(),
            "NAMOBJ": gianyar["name"].str.upper().to_numpy(),
            "WADMKC": "UBUD",
        },
        geometry=gianyar.geometry.to_numpy(),
        crs=desa.crs,
    )
    path = tmp_path / "ubud.gpkg"
    office.to_file(path)
    result = geo.load_boundaries(path, index=region_index)
    villages = result.boundaries.exact["desa"].set_index("code")
    assert sorted(villages["name"]) == sorted(gianyar["name"])
    assert villages.loc["51.04.05.1005", "name"] == "Ubud"
    assert result.boundaries.exact["kecamatan"].set_index("code").loc["51.04.05", "name"] == "Ubud"
