"""Recognising the regions of one boundary layer: level, code, name and regency of each feature."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from lib.core.problems import DataProblem
from lib.geo.recognise import recognise


def layer(**columns: list[object]) -> gpd.GeoDataFrame:
    """Return a layer of small squares (EPSG:4326) with the given attribute columns."""
    count = len(next(iter(columns.values())))
    squares = [shapely.box(115 + i * 0.1, -8.5, 115.05 + i * 0.1, -8.45) for i in range(count)]
    return gpd.GeoDataFrame(columns, geometry=squares, crs=4326)


def recognised(frame: gpd.GeoDataFrame, region_index, *, notes: list[str] | None = None):
    return recognise(
        frame, "test.geojson", region_index, lang="en", repaired=0, notes=[] if notes is None else notes
    )


def test_regencies_by_code_take_their_names_from_the_index(region_index):
    notes: list[str] = []
    found = recognised(layer(kode=["5108", "51.71"], nama=["x", "y"]), region_index, notes=notes)
    assert found.level == "kabupaten"
    assert found.frame["code"].tolist() == ["51.08", "51.71"]
    assert found.frame["name"].tolist() == ["Buleleng", "Kota Denpasar"]
    assert found.frame["parent_code"].tolist() == ["51", "51"]
    assert found.frame["regency_code"].tolist() == ["51.08", "51.71"]
    assert notes == []


def test_a_province_row_among_regencies_is_left_out_as_unmatched(region_index):
    frame = layer(kode=["51", "5101", "5108", "51.71", "5102"], nama=["BALI", "a", "b", "c", "d"])
    found = recognised(frame, region_index)
    assert found.frame["code"].tolist() == ["51.01", "51.08", "51.71", "51.02"]
    assert found.unmatched == ["test.geojson row 1: \u201cBALI\u201d not known"]


def test_a_code_field_of_the_province_alone_names_no_region(region_index):
    with pytest.raises(DataProblem) as problem:
        recognised(layer(kode=["51"]), region_index)
    assert "has no field that names its regions (fields found: kode)" in problem.value.what


def test_mixed_levels_in_one_layer_are_refused_with_their_counts(region_index):
    with pytest.raises(DataProblem) as problem:
        recognised(layer(kode=["51.08", "51.08.03", "51.08.04"]), region_index)
    assert "mixes region levels" in problem.value.what
    assert "2 district (kecamatan)" in problem.value.what
    assert "1 regency/city" in problem.value.what


def test_a_layer_naming_no_region_is_refused_with_its_fields(region_index):
    with pytest.raises(DataProblem) as problem:
        recognised(layer(luas=[1.5, 2.5], warna=["red", "blue"]), region_index)
    assert "has no field that names its regions" in problem.value.what
    assert "luas, warna" in problem.value.what


def test_a_generic_name_field_of_regency_names_is_a_regency_layer(region_index):
    found = recognised(layer(name=["Kab. Buleleng", "KOTA DENPASAR", "Atlantis"]), region_index)
    assert found.level == "kabupaten"
    assert found.frame["code"].tolist() == ["51.08", "51.71"]
    assert found.unmatched == ["test.geojson row 3: \u201cAtlantis\u201d not known"]


def test_kecamatan_named_but_not_coded_are_unmatched_one_by_one(region_index):
    found = recognised(layer(WADMKC=["Sukasada", "Banjar"], WADMKK=["Buleleng", "Buleleng"]), region_index)
    assert found.level == "kecamatan"
    assert found.frame.empty
    assert found.unmatched == [
        "test.geojson row 1: no Kemendagri code",
        "test.geojson row 2: no Kemendagri code",
    ]


def test_kecamatan_take_their_regency_from_a_regency_code_field_when_their_own_is_unknown(region_index):
    found = recognised(
        layer(kode=["52.08.03", "51.71.01"], kode_kab=["51.08", "51.71"], nama=["A", "B"]), region_index
    )
    assert found.level == "kecamatan"
    assert found.frame["code"].tolist() == ["52.08.03", "51.71.01"]
    assert found.frame["regency_code"].tolist() == ["51.08", "51.71"]
    assert found.frame["parent_code"].tolist() == ["51.08", "51.71"]


def test_kecamatan_without_any_known_regency_are_unmatched(region_index):
    found = recognised(layer(kode=["52.08.03", "51.08.04"], nama=["A", "B"]), region_index)
    assert found.frame["code"].tolist() == ["51.08.04"]
    assert found.unmatched == ["test.geojson row 1: parent regency not known"]


def test_unnamed_desa_are_named_by_their_code_with_their_kecamatan_as_parent(region_index):
    notes: list[str] = []
    found = recognised(layer(kode=["5108032002", "5108032003"]), region_index, notes=notes)
    assert found.level == "desa"
    assert found.frame["name"].tolist() == ["Dapdap Putih", "Bongancina"]  # from the bundled code list
    assert found.frame["parent_code"].tolist() == ["51.08.03", "51.08.03"]
    assert found.frame["regency_code"].tolist() == ["51.08", "51.08"]
    assert notes == [
        "2 village (desa/kelurahan) regions have no name in the file; their names come from the bundled "
        "Kemendagri code list."
    ]


def test_desa_keep_their_kecamatan_name_for_a_later_dissolve(region_index):
    found = recognised(
        layer(kode=["51.08.03.2002"], WADMKD=["Dapdap Putih"], WADMKC=["Busungbiu"]), region_index
    )
    assert found.frame.iloc[0][["name", "kecamatan_name"]].tolist() == ["Dapdap Putih", "Busungbiu"]


def test_the_files_own_source_field_is_kept(region_index):
    found = recognised(layer(kode=["51.08", "51.71"], sumber=["BIG 2024", "BIG 2024"]), region_index)
    assert found.sources == ["BIG 2024"]
