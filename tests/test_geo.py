"""Boundary import: the shared Bali files, a GIS-office shapefile, bad files, dissolve, save/load."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from lib import geo
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES


@pytest.fixture(scope="module")
def bali(shared_geo, region_index) -> geo.BoundaryImport:
    return geo.load_boundaries(shared_geo, index=region_index)


def feature_collection(features: list[tuple[dict, dict]]) -> bytes:
    """Return GeoJSON bytes from (properties, geometry) pairs."""
    rows = [{"type": "Feature", "properties": p, "geometry": g} for p, g in features]
    return json.dumps({"type": "FeatureCollection", "features": rows}).encode()


def square(x: float, y: float, size: float = 0.05) -> dict:
    return shapely.geometry.mapping(shapely.box(x, y, x + size, y + size))


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def shapefile_zip(frame: gpd.GeoDataFrame, tmp_path: Path, *, with_prj: bool = True) -> bytes:
    folder = tmp_path / "shp"
    folder.mkdir()
    pyogrio.write_dataframe(frame, folder / "batas_kab.shp")
    members = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if with_prj or p.suffix != ".prj"}
    return zipped(members)


# --- the shared Bali files -------------------------------------------------------------------


def test_shared_folder_gives_9_regencies_57_kecamatan_716_desa(bali):
    boundaries = bali.boundaries
    assert boundaries.levels == ["kabupaten", "kecamatan", "desa"]
    assert list(boundaries.exact["kabupaten"]["code"]) == list(REGENCY_CODES)
    assert len(boundaries.exact["kecamatan"]) == 57
    assert len(boundaries.exact["desa"]) == 716
    for level in boundaries.levels:
        assert list(boundaries.exact[level].columns) == list(geo.BOUNDARY_COLUMNS)
        assert list(boundaries.display[level]["code"]) == list(boundaries.exact[level]["code"])
        assert str(boundaries.exact[level].crs) == "EPSG:4326"
    assert bali.missing == {}
    assert bali.unmatched == ()


def test_shared_folder_uses_the_light_files_and_says_so(bali):
    assert bali.files == ("bali_kabupaten.geojson", "bali_kecamatan.geojson", "bali_desa.geojson")
    assert set(bali.skipped_files) == {
        "bali_kabupaten_full.geojson",
        "bali_kecamatan_full.geojson",
        "bali_desa_full.geojson",
    }
    assert any("bali_desa_full.geojson" in note for note in bali.notes)
    assert bali.boundaries.source.startswith("HDX COD-AB IDN (BPS 2020)")


def test_parents_link_desa_to_kecamatan_and_kecamatan_to_regency(bali):
    kecamatan = bali.boundaries.exact["kecamatan"].set_index("code")
    desa = bali.boundaries.exact["desa"].set_index("code")
    assert kecamatan.loc["51.01.01", "name"] == "Negara"
    assert kecamatan.loc["51.01.01", "parent_code"] == "51.01"
    assert desa.loc["51.08.03.2002", "name"] == "Dapdap Putih"
    assert desa.loc["51.08.03.2002", "parent_code"] == "51.08.03"
    assert set(desa["parent_code"]) == set(kecamatan.index)
    assert bali.boundaries.exact["kabupaten"].set_index("code").loc["51.71", "name"] == "Kota Denpasar"


def test_areas_match_the_source_table_within_one_percent(bali):
    # SOURCE.md: Buleleng 1,310.90 km², Kota Denpasar 125.69 km², Bali 5,589.35 km² (UTM 50S)
    areas = bali.boundaries.exact["kabupaten"].set_index("code")["area_km2"]
    assert areas["51.08"] == pytest.approx(1310.90, rel=0.01)
    assert areas["51.71"] == pytest.approx(125.69, rel=0.01)
    assert float(areas.sum()) == pytest.approx(5589.35, rel=0.01)
    assert isinstance(areas.iloc[0], float)


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan", "desa"])
def test_display_copy_has_no_gaps_or_overlaps(bali, level):
    exact = bali.boundaries.exact[level].to_crs(32750)
    shown = bali.boundaries.display[level].to_crs(32750)
    exact_union = shapely.union_all(exact.geometry.values).area
    shown_union = shapely.union_all(shown.geometry.values).area
    assert shown_union == pytest.approx(exact_union, rel=0.01)
    overlap = float(shown.area.sum()) - shown_union  # zero when no two regions overlap
    assert overlap < 0.0001 * shown_union
    assert shapely.coverage_is_valid(shown.geometry.values)


def test_display_copy_is_small_and_clockwise(bali):
    coordinates = geo.count_coordinates(bali.boundaries.display["kecamatan"])
    assert 5_000 <= coordinates <= 12_000
    assert coordinates < geo.count_coordinates(bali.boundaries.exact["kecamatan"]) / 5
    for polygon in shapely.get_parts(bali.boundaries.display["kabupaten"].geometry.values):
        assert not polygon.exterior.is_ccw


@settings(max_examples=30, deadline=None)
@given(
    lon=hst.floats(-179.0, 178.0),
    lat=hst.one_of(hst.floats(-79.0, -0.5), hst.floats(0.5, 83.0)),
    size=hst.floats(0.01, 0.4),
)
def test_the_metric_crs_is_the_utm_zone_geopandas_estimates(lon, lat, size):
    from lib.geo.boundaries import _metric_crs

    west = (lon + 180) // 6 * 6 - 180 + 0.05  # a box inside one zone and one hemisphere
    box = shapely.box(west, lat, west + size * 5.5, lat + (size if lat > 0 else -size))
    frame = gpd.GeoDataFrame(geometry=[box], crs=4326)
    assert _metric_crs(frame) == frame.estimate_utm_crs()


def test_balis_metric_crs_is_utm_50_south(bali):
    from lib.geo.boundaries import _metric_crs

    for level in ("kabupaten", "kecamatan", "desa"):
        frame = bali.boundaries.exact[level].to_crs(4326)
        assert _metric_crs(frame).to_epsg() == 32750 == frame.estimate_utm_crs().to_epsg()


def test_exact_copy_keeps_the_file_orientation(bali):
    # RFC 7946 files have counter-clockwise exteriors; only the display copy is turned
    first = shapely.get_parts(bali.boundaries.exact["kabupaten"].geometry.values[0])[0]
    assert first.exterior.is_ccw


def test_region_rows_extend_the_index(bali):
    rows = bali.boundaries.region_rows()
    assert len(rows) == 57 + 716
    assert {"code": "51.01.01", "name": "Negara", "kind": "kecamatan", "parent_code": "51.01"} in rows


# --- a GIS office's shapefile ----------------------------------------------------------------


def test_zipped_utm_shapefile_with_big_field_names_gives_the_same_regions(shared_geo, region_index, tmp_path):
    source = gpd.read_file(shared_geo / "bali_kabupaten.geojson")
    office = gpd.GeoDataFrame(
        {"WADMPR": "Bali", "WADMKK": source["bps_name"].str.upper(), "LUAS": source["area_km2"]},
        geometry=source.geometry.to_crs(32750).to_numpy(),
        crs=32750,
    )
    assert "KARANG ASEM" in set(office["WADMKK"])
    result = geo.load_boundaries(
        shapefile_zip(office, tmp_path), filename="batas_kabupaten.zip", index=region_index
    )
    imported = result.boundaries.exact["kabupaten"].set_index("code")
    expected = gpd.read_file(shared_geo / "bali_kabupaten.geojson").set_index("code")
    assert list(imported.index) == list(REGENCY_CODES)
    assert str(result.boundaries.exact["kabupaten"].crs) == "EPSG:4326"
    for code in REGENCY_CODES:
        assert imported.loc[code, "area_km2"] == pytest.approx(expected.loc[code, "area_km2"], rel=0.01)
    assert result.files == ("batas_kabupaten.zip/batas_kab.shp",)


def test_kemendagri_codes_without_dots_are_recognised(region_index):
    data = feature_collection(
        [
            ({"KDPKAB": "5108", "NAMA": "Kab. Buleleng"}, square(115.0, -8.2)),
            ({"KDPKAB": 5171}, square(115.2, -8.7)),
        ]
    )
    result = geo.load_boundaries(data, filename="kab.geojson", index=region_index, lang="en")
    assert list(result.boundaries.exact["kabupaten"]["code"]) == ["51.08", "51.71"]
    assert list(result.boundaries.exact["kabupaten"]["name"]) == ["Buleleng", "Kota Denpasar"]


def test_kecamatan_parent_comes_from_the_regency_name_when_the_prefix_is_unknown(region_index):
    data = feature_collection(
        [({"kode_kec": "51.99.01", "WADMKK": "Buleleng", "WADMKC": "X"}, square(115, -8.2))]
    )
    result = geo.load_boundaries(data, filename="kec.geojson", index=region_index)
    kecamatan = result.boundaries.exact["kecamatan"]
    assert list(kecamatan["parent_code"]) == ["51.08"]
    assert list(kecamatan["name"]) == ["X"]


# --- reporting what matched ------------------------------------------------------------------


def test_unmatched_duplicates_and_missing_regencies_are_reported(region_index):
    data = feature_collection(
        [
            ({"name": "Buleleng"}, square(115.0, -8.2)),
            ({"name": "Buleleng"}, square(115.1, -8.2)),
            ({"name": "Karang Asem"}, square(115.5, -8.4)),
            ({"name": "Atlantis"}, square(115.3, -8.3)),
        ]
    )
    result = geo.load_boundaries(data, filename="kab.geojson", index=region_index, lang="en")
    kabupaten = result.boundaries.exact["kabupaten"]
    assert list(kabupaten["code"]) == ["51.07", "51.08"]
    assert kabupaten.set_index("code").loc["51.08", "area_km2"] == pytest.approx(
        2 * kabupaten.set_index("code").loc["51.07", "area_km2"], rel=0.01
    )
    assert result.duplicates == ("51.08",)
    assert len(result.unmatched) == 1
    assert "Atlantis" in result.unmatched[0]
    assert len(result.missing["kabupaten"]) == 7
    text = " ".join(result.notes)
    assert "not recognised" in text
    assert "appear more than once" in text
    assert "Jembrana (51.01)" in text


def test_self_intersecting_polygon_is_repaired_and_reported(region_index):
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[115, -8.2], [115.1, -8.1], [115.1, -8.2], [115, -8.1], [115, -8.2]]],
    }
    data = feature_collection([({"code": "51.08"}, bowtie), ({"code": "51.71"}, square(115.2, -8.7))])
    result = geo.load_boundaries(data, filename="kab.geojson", index=region_index, lang="en")
    assert result.repaired == 1
    assert any("1 invalid polygons" in note for note in result.notes)
    assert result.boundaries.exact["kabupaten"].is_valid.all()
    assert result.boundaries.exact["kabupaten"].geom_type.isin(["Polygon", "MultiPolygon"]).all()


def test_only_desa_are_dissolved_into_kecamatan_and_kabupaten(shared_geo, region_index):
    result = geo.load_boundaries(shared_geo / "bali_desa.geojson", index=region_index)
    boundaries = result.boundaries
    assert result.dissolved == ("kecamatan", "kabupaten")
    assert len(boundaries.exact["desa"]) == 716
    assert len(boundaries.exact["kecamatan"]) == 57
    assert list(boundaries.exact["kabupaten"]["code"]) == list(REGENCY_CODES)
    kecamatan = boundaries.exact["kecamatan"].set_index("code")
    assert kecamatan.loc["51.01.01", "name"] == "Negara"
    assert kecamatan.loc["51.01.01", "parent_code"] == "51.01"
    assert float(boundaries.exact["kabupaten"]["area_km2"].sum()) == pytest.approx(
        float(boundaries.exact["desa"]["area_km2"].sum()), rel=0.001
    )


# --- bad files -------------------------------------------------------------------------------


def gpkg_without_crs(tmp_path: Path) -> bytes:
    path = tmp_path / "nocrs.gpkg"
    frame = gpd.GeoDataFrame({"code": ["51.08"]}, geometry=[shapely.box(115, -8.3, 115.1, -8.2)])
    with pytest.warns(UserWarning, match="'crs' was not provided"):
        pyogrio.write_dataframe(frame, path)
    return path.read_bytes()


def big_zeros_zip() -> bytes:
    return zipped({"big.geojson": b"\0" * 5_000_000})


BAD_FILES = {
    "empty file": (lambda tmp: b"", "x.geojson", "is empty"),
    "no features": (lambda tmp: feature_collection([]), "x.geojson", "is empty"),
    "not json": (lambda tmp: b"{this is not json", "x.geojson", "cannot be read"),
    "unknown format": (lambda tmp: b"hello", "x.txt", "is not a GeoJSON"),
    "no region field": (
        lambda tmp: feature_collection([({"foo": "bar"}, square(115, -8.2))]),
        "x.geojson",
        "has no field that names its regions (fields found: foo)",
    ),
    "mixed levels": (
        lambda tmp: feature_collection(
            [({"kode": "51.08"}, square(115, -8.2)), ({"kode": "51.08.01"}, square(115.1, -8.2))]
        ),
        "x.geojson",
        "mixes region levels: 1 regency/city, 1 district (kecamatan)",
    ),
    "points": (
        lambda tmp: feature_collection([({"code": "51.08"}, {"type": "Point", "coordinates": [115, -8.2]})]),
        "x.geojson",
        "holds 1 Point features",
    ),
    "lines": (
        lambda tmp: feature_collection(
            [({"code": "51.08"}, {"type": "LineString", "coordinates": [[115, -8.2], [115.1, -8.1]]})]
        ),
        "x.geojson",
        "LineString features",
    ),
    "outside bali": (
        lambda tmp: feature_collection([({"code": "52.01"}, square(116, -8.6))]),
        "x.geojson",
        "None of the 1 regions",
    ),
    "corrupt zip": (lambda tmp: b"PK\x03\x04" + b"\x00garbage" * 20, "x.zip", "is damaged"),
    "zip bomb": (lambda tmp: big_zeros_zip(), "x.zip", "expands to 5 MB"),
    "zip without boundary file": (
        lambda tmp: zipped({"readme.txt": b"hi"}),
        "x.zip",
        "holds no boundary file",
    ),
    "no crs": (gpkg_without_crs, "x.gpkg", "does not state its coordinate system"),
}


@pytest.mark.parametrize(("make", "filename", "what"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_files_are_refused_with_a_clear_problem(region_index, tmp_path, make, filename, what):
    with pytest.raises(DataProblem) as caught:
        geo.load_boundaries(make(tmp_path), filename=filename, index=region_index, lang="en")
    assert what in caught.value.what
    assert caught.value.fix[0].isupper()


def test_shapefile_zip_without_prj_is_refused(shared_geo, region_index, tmp_path):
    frame = gpd.read_file(shared_geo / "bali_kabupaten.geojson")[["code", "geometry"]]
    data = shapefile_zip(frame, tmp_path, with_prj=False)
    with pytest.raises(DataProblem, match=r"has no \.prj file") as caught:
        geo.load_boundaries(data, filename="batas.zip", index=region_index, lang="en")
    assert ".prj" in caught.value.fix


def test_too_large_file_is_refused_before_reading(shared_geo, region_index):
    with pytest.raises(DataProblem, match="more than the limit") as caught:
        geo.load_boundaries(
            shared_geo / "bali_kabupaten.geojson", index=region_index, lang="en", max_bytes=1000
        )
    assert "0.7 MB" in caught.value.what


def test_problems_are_in_indonesian_by_default(region_index):
    with pytest.raises(DataProblem, match="tidak punya kolom yang menyebut wilayahnya"):
        geo.load_boundaries(
            feature_collection([({"x": 1}, square(115, -8.2))]), filename="a.geojson", index=region_index
        )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=hst.binary(max_size=300), name=hst.sampled_from(["a.geojson", "a.zip", "a.gpkg", "a.bin"]))
def test_any_bytes_either_load_or_raise_a_data_problem(region_index, data, name):
    problem = None
    try:
        geo.load_boundaries(data, filename=name, index=region_index)
    except DataProblem as raised:
        problem = raised
    if problem is not None:
        assert problem.what
        assert problem.fix


# --- saving ----------------------------------------------------------------------------------


def test_saved_boundaries_load_back_the_same(bali, tmp_path):
    assert geo.load_saved_boundaries(tmp_path) is None
    path = geo.save_boundaries(
        bali.boundaries, tmp_path, source_text="BPS 2020 via HDX", licence_text="CC BY 3.0 IGO"
    )
    assert path == tmp_path / "boundaries" / "boundaries.gpkg"
    assert [p.name for p in path.parent.iterdir()] == ["boundaries.gpkg"]  # no temporary file left
    loaded = geo.load_saved_boundaries(tmp_path)
    assert loaded is not None
    assert loaded.source == "BPS 2020 via HDX"
    assert loaded.licence == "CC BY 3.0 IGO"
    assert loaded.files == bali.boundaries.files
    assert loaded.report == bali.boundaries.report
    assert loaded.imported_at == bali.boundaries.imported_at
    for level in bali.boundaries.levels:
        before, after = bali.boundaries.exact[level], loaded.exact[level]
        assert list(after["code"]) == list(before["code"])
        assert list(after["name"]) == list(before["name"])
        assert list(after["area_km2"]) == list(before["area_km2"])
        assert geo.count_coordinates(loaded.display[level]) == geo.count_coordinates(
            bali.boundaries.display[level]
        )
        first = shapely.get_parts(loaded.display[level].geometry.values[0])[0]
        assert not first.exterior.is_ccw


def test_damaged_saved_file_is_a_data_problem(tmp_path):
    (tmp_path / "boundaries").mkdir()
    (tmp_path / "boundaries" / "boundaries.gpkg").write_bytes(b"not a geopackage")
    with pytest.raises(DataProblem, match="damaged"):
        geo.load_saved_boundaries(tmp_path, lang="en")


def test_folder_setting_reads_the_licence_from_source_md(shared_geo, region_index):
    boundaries = geo.boundaries_from_folder(shared_geo, region_index)
    assert "CC BY 3.0 IGO" in boundaries.licence
    assert "BPS" in boundaries.licence
    assert len(boundaries.exact["desa"]) == 716
