"""Map chart builders (Altair): a choropleth of regions and a tile grid for when no boundaries are loaded.

Pure: data in, chart out. A choropleth's regions go in as one TopoJSON string (quantised, each
border once, clockwise rings: :mod:`lib.geo.topology`), built once per boundary frame, which each
row of values finds its shape in by code; the values are a named table, which Streamlit sends as
Arrow. A GeoDataFrame handed to ``alt.Chart`` directly draws a blank map in Streamlit;
:func:`geo_data` (inline GeoJSON features) is there for a one-off shape.

A click on a region selects it under the parameter :data:`REGION_PICK`; the page reads it with
``event.selection[REGION_PICK]`` (a list of ``{"code": ...}``).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Mapping, Sequence

import altair as alt
import geopandas as gpd
import pandas as pd
import shapely
from altair.vegalite.v6.schema import core

from lib.core import formats
from lib.core.i18n import t
from lib.core.text import label_expression
from lib.geo.labels import place_labels
from lib.geo.topology import OBJECT, Topology, topology

REGION_PICK = "region_pick"
FOCUSED = "focused"
"""Column of a map's region table: 1 for the focused region (outlined thicker), else 0."""
UNKNOWN_GREY = "#bdbdbd"
QUANTITATIVE_SCHEME = "yelloworangered"
"""ColorBrewer YlOrRd: sequential and colour-blind safe."""
LABEL_LIMIT = 30
"""Name labels are drawn when a map has at most this many regions."""
LABEL_FONT = 12
"""Font size of the region names on a map."""
LABEL_WIDTH = 760
"""Width in pixels names are placed for when the map has none of its own: the width it is exported
at (:data:`lib.intake.charts_export.PRINT_WIDTH`); on screen the map fills its column, about as wide."""
LEGEND = {"labelFontSize": 14, "titleFontSize": 14, "symbolSize": 220, "labelLimit": 260}

# ColorBrewer YlOrRd classes (colour-blind safe), by number of categories.
_YLORRD: dict[int, tuple[str, ...]] = {
    1: ("#f03b20",),
    2: ("#feb24c", "#f03b20"),
    3: ("#ffeda0", "#feb24c", "#f03b20"),
    4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
    5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    6: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
    7: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
    8: ("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
    9: ("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"),
}

# Approximate geography of Bali's 9 regencies as (column, row) cells, row 0 at the top, placed
# from the regencies' centroids (bali_kabupaten.geojson): Jembrana far west, Buleleng north,
# Bangli and Karangasem north-east/east, Tabanan-Badung-Gianyar across the middle, Denpasar
# and Klungkung in the south.
TILE_GRID: dict[str, tuple[str, int, int]] = {
    "51.01": ("Jembrana", 0, 1),
    "51.08": ("Buleleng", 1, 0),
    "51.02": ("Tabanan", 1, 1),
    "51.03": ("Badung", 2, 1),
    "51.71": ("Kota Denpasar", 2, 2),
    "51.06": ("Bangli", 3, 0),
    "51.04": ("Gianyar", 3, 1),
    "51.07": ("Karangasem", 4, 1),
    "51.05": ("Klungkung", 4, 2),
}
_TILE_PX = 110
_SHAPE = "shape"
"""Field each value row's region shape is looked up into (a GeoJSON feature from the topology)."""
_TOPOLOGIES: dict[int, Topology] = {}
"""Topologies by the id of the display frame they were built from, dropped when the frame goes."""


def region_topology(regions: gpd.GeoDataFrame) -> Topology:
    """Return the TopoJSON of a display frame (:func:`lib.geo.topology.topology`), built once per frame.

    Boundary frames are shared and never modified (:class:`lib.geo.Boundaries`), so the frame
    itself is the key: every map of a level (Peta, Ringkasan, Kekuatan Politik, briefings) reuses
    the same text, whatever it colours the regions by.
    """
    key = id(regions)
    codes = tuple(str(code) for code in regions["code"])
    found = _TOPOLOGIES.get(key)
    if found is None or found.codes != codes:
        found = topology(regions)
        _TOPOLOGIES[key] = found
        weakref.finalize(regions, _TOPOLOGIES.pop, key, None)
    return found


def topology_lookup(regions: gpd.GeoDataFrame) -> core.LookupData:
    """Return where a map's value rows find their shapes: the regions' TopoJSON, keyed by code.

    The topology goes into the spec as one string (Vega parses it with ``format``), so Streamlit's
    JSON round trips of the spec on every rerun copy one string instead of walking every
    coordinate, and it sits in a transform, not in the top-level data Streamlit converts to Arrow.
    """
    text = region_topology(regions).text
    data = alt.InlineData(values=text, format=alt.DataFormat(type="topojson", feature=OBJECT))
    # Altair's own LookupData would move the text to the top-level datasets; the schema class keeps it.
    return core.LookupData(data=data, key="id")


def geo_data(frame: gpd.GeoDataFrame) -> alt.Data:
    """Turn a GeoDataFrame into inline GeoJSON features, properties at the top level, rings clockwise.

    Examples
    --------
    >>> square = shapely.box(0, 0, 1, 1)  # counter-clockwise exterior
    >>> data = geo_data(gpd.GeoDataFrame({"code": ["51.08"]}, geometry=[square], crs=4326))
    >>> row = data.to_dict()["values"][0]
    >>> row["code"], row["type"], row["geometry"]["type"]
    ('51.08', 'Feature', 'Polygon')
    """
    geometry = frame.geometry.to_crs(4326).orient_polygons(exterior_cw=True)
    shapes = [json.loads(text) for text in shapely.to_geojson(geometry.values)]
    properties = _records(pd.DataFrame(frame.drop(columns=frame.geometry.name)))
    rows = [{**p, "type": "Feature", "geometry": g} for p, g in zip(properties, shapes, strict=True)]
    # Altair would walk every coordinate to validate here; the spec is validated once, in to_dict().
    with alt.utils.schemapi.debug_mode(False):
        return alt.Data(values=rows)


def choropleth(
    regions: gpd.GeoDataFrame,
    values: pd.DataFrame,
    *,
    measure: str,
    measure_label: str,
    categories: Sequence[str] | None = None,
    category_labels: Mapping[str, str] | None = None,
    lang: str = "id",
    focus: str | None = None,
    points: pd.DataFrame | None = None,
    labels: bool | None = None,
    height: int = 480,
    width: int | None = None,
) -> alt.LayerChart:
    """Build a map of ``regions`` coloured by ``measure``; a click selects a region under REGION_PICK.

    Parameters
    ----------
    regions
        Display boundaries (``Boundaries.display[level]``): columns code, name, geometry.
    values
        One row per region: ``code``, the ``measure`` column, optionally ``source``. Regions with
        no row or an empty value are drawn grey and labelled unknown in the legend.
    categories
        Ordered class names (e.g. rendah, sedang, tinggi) when ``measure`` holds classes; they get
        a fixed colour each. Without them ``measure`` is numeric, on a sequential scale.
    focus
        Code of the region to outline thicker.
    points
        Events or reports drawn on top: ``lat``, ``lon``, optionally ``label``, ``date``,
        ``category``, ``source`` and ``region_code`` (a click on a point then selects its region).
    labels
        Draw region names; by default when there are at most :data:`LABEL_LIMIT` regions. Names are
        placed so that none covers another at the map's size (``width``, else :data:`LABEL_WIDTH`,
        by ``height``): see :func:`lib.geo.labels.place_labels`.
    """
    unknown = t("geo.map.unknown", lang)
    table = _region_table(pd.DataFrame(regions[["code", "name"]]), values, measure, categories, lang)
    has_unknown = bool(table["value_text"].eq(unknown).any())
    quantitative_unknown = categories is None and has_unknown
    if quantitative_unknown:  # what the grey layer below the main one draws: "unknown" in its legend
        table["status"] = [unknown if text == unknown else None for text in table["value_text"]]
    pick = alt.selection_point(name=REGION_PICK, fields=["code"])
    projection = {"type": "mercator"}
    tooltip = _tooltip(table, measure_label, lang)
    shape = alt.Shape(f"{_SHAPE}:G")
    # What a screen reader says of a shape: its name and value (by default Vega describes every
    # encoded field, and the looked-up shape reads "[object Object]").
    described = alt.Description("aria:N")
    aria = {"aria": "datum.name + ': ' + datum.value_text"}

    fill = _color(measure_label, categories, unknown, has_unknown, category_labels)
    main = (
        alt.Chart()
        .mark_geoshape(stroke="white", strokeWidth=0.8, invalid="show")
        .encode(
            shape=shape,
            color=fill,
            opacity=alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.4)),
            tooltip=tooltip,
            description=described,
        )
        .transform_calculate(**aria)
        .add_params(pick)
        .project(**projection)
    )
    shaped: list[alt.Chart] = []
    if quantitative_unknown:
        # Drawn below the main layer, in the same grey: it only gives "unknown" its legend entry.
        shaped.append(
            alt.Chart()
            .mark_geoshape(stroke="white", strokeWidth=0.8)
            .encode(shape=shape, color=_unknown_color(unknown), description=described)
            .transform_filter(alt.FieldEqualPredicate(field="status", equal=unknown))
            .transform_calculate(**aria)
            .project(**projection)
        )
    shaped.append(main)
    # The focus is a column of the table, not a filter in the spec: a change of focus then sends
    # new rows only, and the browser updates the drawn map in place instead of building it anew.
    table[FOCUSED] = [int(code == focus) for code in table["code"]]
    shaped.append(
        alt.Chart()
        .mark_geoshape(filled=False, stroke="#111111", strokeWidth=3)
        .encode(
            shape=shape,
            tooltip=[alt.Tooltip("name:N", title=t("geo.map.region", lang))],
            description=alt.Description("name:N"),
        )
        .transform_filter(alt.FieldEqualPredicate(field=FOCUSED, equal=1))
        .project(**projection)
    )
    layers: list[alt.Chart | alt.LayerChart] = [_shapes_layer(shaped, table, regions)]
    if labels if labels is not None else len(table) <= LABEL_LIMIT:
        placed = place_labels(
            regions[["code", "name", "geometry"]],
            width=width or LABEL_WIDTH,
            height=height,
            font_size=LABEL_FONT,
        )
        label_rows = placed[["code", "name", "lon", "lat"]]
        layers.append(
            alt.Chart(_inline(label_rows.to_dict("records")))
            .mark_text(fontSize=LABEL_FONT, fontWeight="bold", color="#222222")
            .encode(longitude="lon:Q", latitude="lat:Q", text="name:N", tooltip=tooltip[:1])
            .project(**projection)
        )
    if points is not None and len(points):
        point_rows = _point_rows(points, regions)
        if point_rows:
            layers.append(_point_layer(point_rows, lang).project(**projection))
    chart = alt.layer(*layers).properties(height=height, view=alt.ViewBackground(stroke=None))
    if width is not None:
        chart = chart.properties(width=width)
    if quantitative_unknown:
        chart = chart.resolve_scale(color="independent")
    return chart


def tile_grid(
    values: pd.DataFrame,
    *,
    measure: str,
    measure_label: str,
    categories: Sequence[str] | None = None,
    category_labels: Mapping[str, str] | None = None,
    lang: str = "id",
    focus: str | None = None,
) -> alt.LayerChart:
    """Build a tile map of Bali's 9 regencies (see :data:`TILE_GRID`), for when no boundaries are loaded.

    Same colours, tooltips and selection (:data:`REGION_PICK`) as :func:`choropleth`.
    """
    unknown = t("geo.map.unknown", lang)
    tiles = pd.DataFrame(
        [{"code": code, "name": name, "col": col, "row": row} for code, (name, col, row) in TILE_GRID.items()]
    )
    table = _region_table(tiles, values, measure, categories, lang)
    table[FOCUSED] = [int(code == focus) for code in table["code"]]  # data, as in choropleth
    has_unknown = bool(table["value_text"].eq(unknown).any())
    pick = alt.selection_point(name=REGION_PICK, fields=["code"])
    columns = max(col for _, col, _ in TILE_GRID.values()) + 1
    rows = max(row for _, _, row in TILE_GRID.values()) + 1
    x = alt.X("col:O", axis=None, scale=alt.Scale(domain=list(range(columns)), paddingInner=0.08))
    y = alt.Y("row:O", axis=None, scale=alt.Scale(domain=list(range(rows)), paddingInner=0.08))
    tooltip = _tooltip(table, measure_label, lang)
    base = alt.Chart(alt.Data(values=_records(table))).encode(x=x, y=y)
    main = (
        base.mark_rect(stroke="#111111", cornerRadius=3, invalid="show")
        .encode(
            color=_color(measure_label, categories, unknown, has_unknown, category_labels),
            opacity=alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.4)),
            strokeWidth=alt.when(alt.datum[FOCUSED] == 1).then(alt.value(4)).otherwise(alt.value(0)),
            tooltip=tooltip,
        )
        .add_params(pick)
    )
    layers: list[alt.Chart] = []
    quantitative_unknown = categories is None and has_unknown
    if quantitative_unknown:
        missing = table.loc[table["value_text"].eq(unknown)].assign(status=unknown)
        layers.append(
            alt.Chart(alt.Data(values=_records(missing)))
            .mark_rect(cornerRadius=3)
            .encode(x=x, y=y, color=_unknown_color(unknown))
        )
    layers.append(main)
    layers.append(
        base.mark_text(fontSize=13, fontWeight="bold", dy=-9, color="#222222").encode(
            text="name:N", tooltip=tooltip
        )
    )
    layers.append(
        base.mark_text(fontSize=13, dy=10, color="#222222").encode(text="value_text:N", tooltip=tooltip)
    )
    chart = alt.layer(*layers).properties(
        width=columns * _TILE_PX, height=rows * _TILE_PX, view=alt.ViewBackground(stroke=None)
    )
    if quantitative_unknown:
        chart = chart.resolve_scale(color="independent")
    return chart


# ---------------------------------------------------------------------------------------------


def _shapes_layer(shaped: list[alt.Chart], table: pd.DataFrame, regions: gpd.GeoDataFrame) -> alt.LayerChart:
    """Layer the charts that draw region shapes over one table of values and one topology.

    The table becomes a named dataset, which Streamlit sends as Arrow, outside the JSON it
    re-serialises on every rerun; each row finds its shape in the topology by code. Text columns
    that repeat (a source note, a category) are sent as numbers into a list written once.
    """
    rows, lists = _factorised(table)
    layer = alt.layer(*shaped, data=_inline(_records(rows))).transform_lookup(
        lookup="code", from_=topology_lookup(regions), as_=_SHAPE
    )
    if lists:
        layer = layer.transform_calculate(
            **{
                column: f"{json.dumps(texts)}[datum[{json.dumps(index)}]]"
                for column, (index, texts) in lists.items()
            }
        )
    return layer


def _inline(rows: list[dict[str, object]]) -> alt.InlineData:
    """Return rows as inline data, which Altair moves to a named dataset (Arrow in Streamlit).

    Altair would walk every row to validate here; the spec is validated once, in ``to_dict()``.
    """
    with alt.utils.schemapi.debug_mode(False):
        return alt.InlineData(values=rows)


_INDEX = "index_"
"""Prefix of the number column that stands for a repeated text column (see :func:`_factorised`)."""


def _factorised(table: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, tuple[str, list[str]]]]:
    """Return ``table`` with its repeated text columns as numbers, and per column: numbers, texts.

    A text column (other than code and name) with at most a quarter as many distinct values as
    rows becomes ``index_<column>``, the position of each row's text in its list (-1 for none,
    which the chart reads back as empty); a column equal to one already turned shares its numbers.
    At desa level this halves the table.

    Examples
    --------
    >>> table = pd.DataFrame({"code": list("abcdefgh"), "value": list("xxxxxxxy"), "text": list("xxxxxxxy")})
    >>> rows, lists = _factorised(table.assign(source=["s"] * 7 + [None]))
    >>> rows.to_dict("list")["index_value"], rows.to_dict("list")["index_source"], list(rows.columns)[1:]
    ([0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0, -1], ['index_value', 'index_source'])
    >>> lists["value"], lists["text"], lists["source"]
    (('index_value', ['x', 'y']), ('index_value', ['x', 'y']), ('index_source', ['s']))
    """
    rows = table.copy()
    lists: dict[str, tuple[str, list[str]]] = {}
    for column in table.columns:
        texts = sorted({v for v in table[column] if isinstance(v, str)})
        if column in ("code", "name") or not texts or len(texts) > len(table) // 4:
            continue
        rows = rows.drop(columns=column)
        same = next((name for name in lists if table[name].equals(table[column])), None)
        if same is not None:
            lists[column] = lists[same]
            continue
        position = {text: number for number, text in enumerate(texts)}
        rows[_INDEX + column] = [position.get(v, -1) if isinstance(v, str) else -1 for v in table[column]]
        lists[column] = (_INDEX + column, texts)
    return rows, lists


def _region_table(
    regions: pd.DataFrame,
    values: pd.DataFrame,
    measure: str,
    categories: Sequence[str] | None,
    lang: str,
) -> pd.DataFrame:
    """Join the values to the regions: code, name, value, value_text (and source) per region."""
    if "code" not in values.columns or measure not in values.columns:
        raise ValueError(f"values needs the columns code and {measure!r}, got {list(values.columns)}.")
    if values["code"].duplicated().any():
        raise ValueError("values has more than one row for a region code.")
    unknown = t("geo.map.unknown", lang)
    keep = ["code", measure] + (["source"] if "source" in values.columns else [])
    picked = values[keep].rename(columns={measure: "value"}).astype({"code": str})
    table = regions.astype({"code": str}).merge(picked, on="code", how="left")
    if categories is not None:
        known = table["value"].notna()
        strange = sorted({str(v) for v in table.loc[known, "value"]} - set(categories))
        if strange:
            raise ValueError(f"values of {measure!r} not among the categories {list(categories)}: {strange}.")
        table["value"] = [str(v) if k else unknown for v, k in zip(table["value"], known, strict=True)]
        table["value_text"] = table["value"]
    else:
        numbers = [None if pd.isna(v) else float(v) for v in pd.to_numeric(table["value"], errors="raise")]
        table["value"] = pd.array(numbers, dtype="Float64")
        table["value_text"] = [unknown if v is None else _format_number(v, lang) for v in numbers]
    if "source" in table.columns:
        table["source"] = [None if pd.isna(s) else str(s) for s in table["source"]]
    return table


def _format_number(value: float, lang: str) -> str:
    """Format a number the way the room reads it: 1.234,5 in Indonesian, 1,234.5 in English."""
    return formats.number(value, lang, digits=2, fixed=False)


def _color(
    measure_label: str,
    categories: Sequence[str] | None,
    unknown: str,
    has_unknown: bool,
    category_labels: Mapping[str, str] | None = None,
) -> alt.Color | alt.ColorValue | dict:
    names = {"labelExpr": label_expression(category_labels)} if category_labels else {}
    legend = alt.Legend(title=measure_label, **LEGEND, **names)
    if categories is not None:
        domain = list(categories)
        if not 1 <= len(domain) <= len(_YLORRD):
            raise ValueError(f"between 1 and {len(_YLORRD)} categories are supported, got {len(domain)}.")
        colours = list(_YLORRD[len(domain)])
        if has_unknown:
            domain.append(unknown)
            colours.append(UNKNOWN_GREY)
        return alt.Color("value:N", scale=alt.Scale(domain=domain, range=colours), sort=domain, legend=legend)
    return (
        alt.when("!isValid(datum.value)")
        .then(alt.value(UNKNOWN_GREY))
        .otherwise(
            alt.Color(
                "value:Q",
                scale=alt.Scale(scheme=QUANTITATIVE_SCHEME, zero=True),
                legend=alt.Legend(title=measure_label, gradientLength=220, gradientThickness=16, **LEGEND),
            )
        )
    )


def _unknown_color(unknown: str) -> alt.Color:
    return alt.Color(
        "status:N",
        scale=alt.Scale(domain=[unknown], range=[UNKNOWN_GREY]),
        legend=alt.Legend(title=None, symbolType="square", **LEGEND),
    )


def _tooltip(table: pd.DataFrame, measure_label: str, lang: str) -> list[alt.Tooltip]:
    tooltip = [
        alt.Tooltip("name:N", title=t("geo.map.region", lang)),
        alt.Tooltip("value_text:N", title=measure_label),
        alt.Tooltip("code:N", title=t("geo.map.code", lang)),
    ]
    if "source" in table.columns:
        tooltip.append(alt.Tooltip("source:N", title=t("geo.map.source", lang)))
    return tooltip


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Return rows as plain Python values (JSON-safe: NA becomes None)."""
    return json.loads(frame.to_json(orient="records", date_format="iso"))


def _point_rows(points: pd.DataFrame, regions: gpd.GeoDataFrame) -> list[dict[str, object]]:
    """Keep points with coordinates inside the map's extent (a stray point would shrink the map)."""
    if not {"lat", "lon"} <= set(points.columns):
        raise ValueError(f"points needs the columns lat and lon, got {list(points.columns)}.")
    west, south, east, north = (float(v) for v in regions.to_crs(4326).total_bounds)
    margin = 0.05
    frame = points.assign(
        lat=pd.to_numeric(points["lat"], errors="coerce"), lon=pd.to_numeric(points["lon"], errors="coerce")
    )
    inside = frame["lat"].between(south - margin, north + margin) & frame["lon"].between(
        west - margin, east + margin
    )
    frame = frame.loc[inside]
    keep = ["lat", "lon"] + [c for c in ("label", "date", "category", "source") if c in frame.columns]
    out = frame[keep].copy()
    if "region_code" in frame.columns:
        out["code"] = frame["region_code"]
    if "date" in out.columns:
        out["date"] = [None if pd.isna(d) else str(d)[:10] for d in out["date"]]
    return _records(out)


def _point_layer(rows: list[dict[str, object]], lang: str) -> alt.Chart:
    titles = {
        "label": t("geo.map.point", lang),
        "date": t("geo.map.date", lang),
        "category": t("geo.map.category", lang),
        "source": t("geo.map.source", lang),
    }
    present = [name for name in titles if name in rows[0]]
    return (
        alt.Chart(_inline(rows))
        .mark_circle(size=70, color="#1f3a93", stroke="white", strokeWidth=1.2, opacity=0.9)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            tooltip=[alt.Tooltip(f"{name}:N", title=titles[name]) for name in present],
        )
    )
