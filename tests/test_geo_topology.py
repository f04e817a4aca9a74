"""TopoJSON of the display copies: the same regions back, no gaps, clockwise rings, each border once."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely

from lib import geo
from lib.geo import charts
from lib.geo.topology import OBJECT, QUANTISATION, decode, topology

METRIC = 32750  # UTM 50S, Bali


@pytest.fixture(scope="module")
def bali(shared_geo, region_index) -> geo.Boundaries:
    return geo.load_boundaries(shared_geo, index=region_index).boundaries


@pytest.fixture(scope="module")
def decoded(bali) -> dict[str, tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]]:
    """The display copy and its topology decoded again, by level, both in metres."""
    out = {}
    for level in bali.levels:
        shown = bali.display[level]
        back = decode(topology(shown).text).set_index("code").loc[shown["code"]]
        out[level] = (shown.set_index("code").to_crs(METRIC), back.set_crs(4326).to_crs(METRIC))
    return out


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan", "desa"])
def test_every_region_comes_back_with_its_area(decoded, level):
    shown, back = decoded[level]
    assert list(back.index) == list(shown.index)  # every code, in order
    assert back.geometry.notna().all()
    assert not back.geometry.is_empty.any()
    # Quantising moves each point by at most half a grid cell's diagonal (about 10 m in Bali), so a
    # region's area changes by at most its perimeter times that much.
    west, south, east, north = (float(v) for v in shown.to_crs(4326).total_bounds)
    cell_m = max(east - west, north - south) / (QUANTISATION - 1) * 111_320
    bound = shown.geometry.length * cell_m * 0.71
    assert ((back.area - shown.area).abs() <= bound).all()
    assert float(back.area.sum()) == pytest.approx(float(shown.area.sum()), rel=0.001)


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan", "desa"])
def test_neighbours_share_their_borders_without_gaps_or_overlaps(decoded, level):
    shown, back = decoded[level]
    assert shapely.coverage_is_valid(back.geometry.values, gap_width=50.0)  # no sliver up to 50 m wide
    union = shapely.union_all(back.geometry.values)
    assert float(back.area.sum()) - union.area < 1e-6 * union.area  # no overlaps
    original = shapely.union_all(shown.geometry.values)
    assert shapely.symmetric_difference(union, original).area < 0.001 * original.area
    holes = sum(len(p.interiors) for p in shapely.get_parts(union))
    assert holes == sum(len(p.interiors) for p in shapely.get_parts(original))  # no gap became a hole


def test_decoded_regions_are_valid_with_clockwise_exteriors_and_counter_clockwise_holes(bali):
    for level in bali.levels:
        back = decode(topology(bali.display[level]).text)
        assert back.is_valid.all(), level
        for polygon in shapely.get_parts(back.geometry.values):
            assert not polygon.exterior.is_ccw, level  # d3-geo: clockwise, else it fills the globe
            assert all(ring.is_ccw for ring in polygon.interiors), level


def test_each_shared_border_is_one_arc_used_by_both_neighbours(bali):
    document = json.loads(topology(bali.display["kecamatan"]).text)
    uses: dict[int, int] = {}
    geometries = document["objects"][OBJECT]["geometries"]
    for item in geometries:
        polygons = [item["arcs"]] if item["type"] == "Polygon" else item["arcs"]
        for ring in (ring for rings in polygons for ring in rings):
            for arc in ring:
                uses[arc if arc >= 0 else ~arc] = uses.get(arc if arc >= 0 else ~arc, 0) + 1
    assert set(uses) == set(range(len(document["arcs"])))
    assert max(uses.values()) == 2  # a border between two regions, never written twice
    assert sum(1 for n in uses.values() if n == 2) > 57  # most arcs are shared


def test_an_enclave_and_the_hole_around_it_are_one_arc():
    outer = shapely.Polygon([(0, 0), (0, 3), (3, 3), (3, 0)], [[(1, 1), (2, 1), (2, 2), (1, 2)]])
    inner = shapely.Polygon([(1, 1), (1, 2), (2, 2), (2, 1)])
    built = topology(gpd.GeoDataFrame({"code": ["a", "b"]}, geometry=[outer, inner], crs=4326))
    assert built.arcs == 2
    back = decode(built.text).set_index("code").geometry
    assert back["a"].area == pytest.approx(8, rel=1e-3)
    assert back["b"].area == pytest.approx(1, rel=1e-3)
    assert shapely.equals(back["a"].interiors[0], back["b"].exterior)


def test_a_region_too_small_for_the_grid_keeps_its_code():
    big = shapely.box(0, 0, 10, 10).reverse()
    speck = shapely.box(20, 20, 20.0000001, 20.0000001).reverse()
    back = decode(
        topology(gpd.GeoDataFrame({"code": ["big", "speck"]}, geometry=[big, speck], crs=4326)).text
    )
    assert list(back["code"]) == ["big", "speck"]
    assert back.geometry.iloc[1] is None


def test_the_topology_of_a_frame_is_built_once(bali, monkeypatch):
    frame = bali.display["kecamatan"]
    first = charts.region_topology(frame)
    calls = []
    monkeypatch.setattr(charts, "topology", lambda *a, **k: calls.append(1) or topology(*a, **k))
    assert charts.region_topology(frame) is first
    assert calls == []
    copy = frame.copy()  # another frame is another key
    assert charts.region_topology(copy).text == first.text
    assert calls == [1]
