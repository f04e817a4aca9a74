"""Map chart builders: valid specs, the region_pick selection, clockwise rings, unknown values."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest
import shapely
import vl_convert

from lib import geo
from lib.core.regions import REGENCY_CODES
from lib.geo.charts import _format_number
from lib.geo.topology import OBJECT, decode


@pytest.fixture(scope="module")
def bali(shared_geo, region_index) -> geo.Boundaries:
    return geo.load_boundaries(shared_geo, index=region_index).boundaries


@pytest.fixture
def events_per_regency() -> pd.DataFrame:
    # Kota Denpasar (51.71) deliberately has no row: it must be drawn as unknown
    return pd.DataFrame(
        {"code": list(REGENCY_CODES[:8]), "events": [3, 5, 1, 0, 2, 7, 4, 12], "source": "test"}
    )


def signed_area(ring: list[list[float]]) -> float:
    """Return the shoelace area of a lon/lat ring: negative when clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


def layers_of(spec: dict) -> list[dict]:
    """Return the layers that draw, in drawing order (a layer of layers is opened up)."""
    return [
        leaf
        for layer in spec.get("layer", [spec])
        for leaf in (layers_of(layer) if "layer" in layer else [layer])
    ]


def all_params(spec: dict) -> list[dict]:
    return spec.get("params", []) + [p for layer in layers_of(spec) for p in layer.get("params", [])]


def rows_of(spec: dict, node: dict) -> list[dict]:
    """Return the rows of a layer's own data: inline values or a named dataset of the spec."""
    data = node.get("data", {})
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def data_values(spec: dict) -> list[list[dict]]:
    return [rows_of(spec, layer) for layer in layers_of(spec) if "data" in layer]


def shapes_layer(spec: dict) -> dict:
    """Return the layer of layers that draws the regions (its data: one row per region)."""
    return next(layer for layer in spec["layer"] if "layer" in layer)


def region_rows(spec: dict) -> list[dict]:
    """Return the map's rows per region as the chart reads them: repeated texts put back."""
    shaped = shapes_layer(spec)
    rows = [dict(row) for row in rows_of(spec, shaped)]
    for step in shaped.get("transform", []):
        if "calculate" in step:
            found = re.fullmatch(r"(\[.*\])\[datum\[(\".*\")\]\]", step["calculate"])
            texts, column = json.loads(found.group(1)), json.loads(found.group(2))
            for row in rows:
                row[step["as"]] = texts[row[column]] if row[column] >= 0 else None
    return rows


def topology_text(spec: dict) -> str:
    lookup = next(step for step in shapes_layer(spec)["transform"] if "lookup" in step)
    assert lookup["from"]["data"]["format"] == {"type": "topojson", "feature": OBJECT}
    return lookup["from"]["data"]["values"]


def test_choropleth_spec_validates_and_has_the_region_pick(bali, events_per_regency):
    chart = geo.choropleth(
        bali.display["kabupaten"],
        events_per_regency,
        measure="events",
        measure_label="Kejadian",
        focus="51.08",
    )
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    params = [p for p in all_params(spec) if p["name"] == geo.REGION_PICK]
    assert len(params) == 1
    assert params[0]["select"] == {"type": "point", "fields": ["code"]}


def test_map_shapes_are_one_topology_string_with_clockwise_rings(bali, events_per_regency):
    chart = geo.choropleth(
        bali.display["kabupaten"],
        events_per_regency,
        measure="events",
        measure_label="Kejadian",
        focus="51.08",
    )
    spec = chart.to_dict()
    text = topology_text(spec)
    assert isinstance(text, str)  # one string in the spec: Streamlit copies it without walking it
    assert json.dumps(spec).count('"type\\":\\"Topology') == 1  # every shape layer shares it
    shapes = decode(text).set_index("code").geometry
    assert set(shapes.index) == set(REGENCY_CODES)
    buleleng = shapely.get_parts(shapes["51.08"])[0]
    assert signed_area(list(buleleng.exterior.coords)) < 0
    for layer in layers_of(spec):
        if layer["mark"]["type"] == "geoshape":
            assert layer["encoding"]["shape"] == {"field": "shape", "type": "geojson"}
    # the values are a named table (Arrow in Streamlit), never a GeoDataFrame turned to text
    assert shapes_layer(spec)["data"] == {"name": next(iter(spec["datasets"]))}
    assert all("geometry" not in row for row in region_rows(spec))


def test_a_screen_reader_hears_each_regions_name_and_value(bali, events_per_regency):
    """Vega describes a mark by its encoded fields: the looked-up shape alone reads "[object Object]"."""
    chart = geo.choropleth(
        bali.display["kabupaten"],
        events_per_regency,
        measure="events",
        measure_label="Kejadian",
        focus="51.08",
    )
    spec = chart.to_dict()
    shapes = [layer for layer in layers_of(spec) if layer["mark"]["type"] == "geoshape"]
    assert all("description" in layer["encoding"] for layer in shapes)
    svg = vl_convert.vegalite_to_svg(spec)
    labels = re.findall(r'aria-label="([^"]*)"', svg)
    assert labels
    assert not any("object Object" in label for label in labels)
    assert any(label.startswith("Buleleng: 12") for label in labels)


def test_geo_data_turns_counter_clockwise_rings_clockwise(bali):
    exact = bali.exact["kabupaten"]  # as in the file: counter-clockwise
    data = geo.geo_data(exact[["code", "name", "geometry"]].head(1))
    assert isinstance(data, alt.Data)
    geometry = data.to_dict()["values"][0]["geometry"]
    rings = geometry["coordinates"][0] if geometry["type"] == "MultiPolygon" else geometry["coordinates"]
    assert signed_area(rings[0]) < 0
    assert exact.geometry.iloc[0].geoms[0].exterior.is_ccw  # input untouched


def test_unknown_values_are_grey_and_labelled_in_the_legend(bali, events_per_regency):
    chart = geo.choropleth(
        bali.display["kabupaten"], events_per_regency, measure="events", measure_label="Kejadian", lang="en"
    )
    spec = chart.to_dict()
    denpasar = next(r for r in region_rows(spec) if r["code"] == "51.71")
    assert denpasar["value"] is None
    assert denpasar["value_text"] == "unknown"
    legend_scales = [
        layer["encoding"]["color"]["scale"]
        for layer in layers_of(spec)
        if layer.get("encoding", {}).get("color", {}).get("field") == "status"
    ]
    assert legend_scales == [{"domain": ["unknown"], "range": [geo.UNKNOWN_GREY]}]
    assert spec["resolve"] == {"scale": {"color": "independent"}}


def test_categories_get_a_fixed_scale_with_unknown_last(bali):
    values = pd.DataFrame({"code": ["51.01", "51.02", "51.08"], "level": ["rendah", "tinggi", "sedang"]})
    chart = geo.choropleth(
        bali.display["kabupaten"],
        values,
        measure="level",
        measure_label="Kerawanan",
        categories=["rendah", "sedang", "tinggi"],
    )
    spec = chart.to_dict()
    color = next(
        layer["encoding"]["color"] for layer in layers_of(spec) if "color" in layer.get("encoding", {})
    )
    assert color["scale"]["domain"] == ["rendah", "sedang", "tinggi", "tidak diketahui"]
    assert color["scale"]["range"][-1] == geo.UNKNOWN_GREY
    assert color["legend"]["labelFontSize"] >= 14
    assert color["legend"]["titleFontSize"] >= 14


def test_category_codes_are_shown_by_the_names_the_caller_gives(bali):
    values = pd.DataFrame({"code": ["51.01", "51.08"], "level": ["rendah", "tinggi"]})
    chart = geo.choropleth(
        bali.display["kabupaten"],
        values,
        measure="level",
        measure_label="Vulnerability",
        categories=["rendah", "sedang", "tinggi"],
        category_labels={"rendah": "Low", "sedang": "Medium", "tinggi": "High"},
        lang="en",
    )
    color = next(
        layer["encoding"]["color"]
        for layer in layers_of(chart.to_dict())
        if "color" in layer.get("encoding", {})
    )
    assert color["scale"]["domain"][:3] == ["rendah", "sedang", "tinggi"]  # codes stay the data
    assert '"tinggi" ? "High"' in color["legend"]["labelExpr"]


def test_values_outside_the_categories_are_a_bug(bali):
    values = pd.DataFrame({"code": ["51.01"], "level": ["ekstrem"]})
    with pytest.raises(ValueError, match="ekstrem"):
        geo.choropleth(
            bali.display["kabupaten"], values, measure="level", measure_label="x", categories=["rendah"]
        )


def test_focus_is_outlined_and_labels_and_points_are_layered(bali, events_per_regency):
    points = pd.DataFrame(
        {
            "lat": [-8.65, -8.11, 10.0],  # the last one is far outside Bali and is left out
            "lon": [115.22, 115.09, 100.0],
            "label": ["Bentrok", "Hoaks", "stray"],
            "date": pd.to_datetime(["2024-11-27", "2024-11-20", "2024-11-21"]),
            "region_code": ["51.71", "51.08", "51.08"],
        }
    )
    chart = geo.choropleth(
        bali.display["kabupaten"],
        events_per_regency,
        measure="events",
        measure_label="Kejadian",
        focus="51.08",
        points=points,
    )
    spec = chart.to_dict()
    marks = [layer["mark"]["type"] for layer in layers_of(spec)]
    assert marks == ["geoshape", "geoshape", "geoshape", "text", "circle"]
    outline = layers_of(spec)[2]
    assert outline["mark"]["strokeWidth"] == 3
    assert outline["transform"] == [{"filter": {"field": geo.FOCUSED, "equal": 1}}]
    focused = [row["code"] for row in region_rows(spec) if row[geo.FOCUSED] == 1]
    assert focused == ["51.08"]  # the focus is in the rows: another focus changes the rows only
    labels = rows_of(spec, layers_of(spec)[3])
    assert len(labels) == 9
    dots = rows_of(spec, layers_of(spec)[4])
    assert [(d["label"], d["date"], d["code"]) for d in dots] == [
        ("Bentrok", "2024-11-27", "51.71"),
        ("Hoaks", "2024-11-20", "51.08"),
    ]


def test_kecamatan_map_has_no_labels_by_default(bali):
    values = pd.DataFrame({"code": bali.display["kecamatan"]["code"], "n": range(57)})
    chart = geo.choropleth(bali.display["kecamatan"], values, measure="n", measure_label="n")
    assert "text" not in [layer["mark"]["type"] for layer in layers_of(chart.to_dict())]


def test_tile_grid_places_the_nine_regencies_and_shares_the_selection(events_per_regency):
    chart = geo.tile_grid(
        events_per_regency, measure="events", measure_label="Kejadian", lang="en", focus="51.08"
    )
    spec = chart.to_dict()
    assert [p["name"] for p in all_params(spec)] == [geo.REGION_PICK]
    tiles = next(rows for rows in data_values(spec) if len(rows) == 9)
    cells = {r["code"]: (r["col"], r["row"]) for r in tiles}
    assert set(cells) == set(REGENCY_CODES)
    assert len(set(cells.values())) == 9
    assert cells["51.01"][0] == 0  # Jembrana furthest west
    assert cells["51.08"][1] == 0  # Buleleng in the top row
    assert cells["51.71"][1] == max(row for _, row in cells.values())  # Denpasar in the south
    assert cells["51.07"][0] == max(col for col, _ in cells.values())  # Karangasem in the east
    denpasar = next(r for r in tiles if r["code"] == "51.71")
    assert denpasar["value_text"] == "unknown"


def test_numbers_are_formatted_for_the_room():
    assert _format_number(1234.5, "id") == "1.234,5"
    assert _format_number(1234.5, "en") == "1,234.5"
    assert _format_number(12.0, "id") == "12"


def test_chart_sizes_stay_small(bali):
    values = pd.DataFrame({"code": bali.display["kecamatan"]["code"], "n": range(57)})
    chart = geo.choropleth(bali.display["kecamatan"], values, measure="n", measure_label="n")
    assert len(json.dumps(chart.to_dict())) < 400_000
