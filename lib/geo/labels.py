"""Where a map writes its region names: near each region, never on top of another name.

Vega-Lite draws a text mark at a longitude and latitude and knows nothing of other texts, so two
small neighbours (Bangli and Karangasem, Badung and Kota Denpasar) can have their names written
over each other. :func:`place_labels` works in the map's own pixels: it projects each region's
representative point as Vega's Mercator projection fitted to the map does, measures each name's
box at the font size used, and moves a name (above, below, beside) until it meets no name
already placed, larger regions first. The moved point goes back to longitude and latitude.
"""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import shapely

CHAR_WIDTH = 0.62
"""Width of an average bold character, as a share of the font size (DejaVu Sans Bold is ~0.63)."""
LINE_HEIGHT = 1.2
_EARTH_RADIUS = 6_378_137.0


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    x = math.radians(lon) * _EARTH_RADIUS
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * _EARTH_RADIUS
    return x, y


def _unmercator(x: float, y: float) -> tuple[float, float]:
    lon = math.degrees(x / _EARTH_RADIUS)
    lat = math.degrees(2 * math.atan(math.exp(y / _EARTH_RADIUS)) - math.pi / 2)
    return lon, lat


def label_box(name: str, font_size: float) -> tuple[float, float]:
    """Return the (width, height) in pixels a bold name takes at ``font_size``.

    >>> label_box("Bangli", 12)
    (48.64, 14.4)
    """
    return round(len(name) * font_size * CHAR_WIDTH + 4, 2), round(font_size * LINE_HEIGHT, 2)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Return the area two boxes (left, top, right, bottom) share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _candidates(w: float, h: float) -> list[tuple[float, float]]:
    """Return the offsets tried for a name, nearest first: on the point, above, below, beside."""
    steps = [(0, 0), (0, -h), (0, h), (-w / 2, 0), (w / 2, 0), (-w / 2, -h), (w / 2, -h)]
    steps += [(-w / 2, h), (w / 2, h), (0, -2 * h), (0, 2 * h), (-w, 0), (w, 0), (0, -3 * h), (0, 3 * h)]
    return [(float(x), float(y)) for x, y in steps]


def place_labels(regions: gpd.GeoDataFrame, *, width: float, height: float, font_size: float) -> pd.DataFrame:
    """Return each region's label: code, name, lon, lat (where to write it), x, y, w, h (its box in pixels).

    ``width`` and ``height`` are the map's drawing size; the projection is fitted to the regions'
    extent the way Vega fits a Mercator map to its shapes. Larger regions are placed first; a
    name that meets no free spot takes the one where it overlaps least.
    """
    shapes = regions.to_crs(4326)
    anchors = shapes.geometry.representative_point()
    west, south, east, north = (float(v) for v in shapes.total_bounds)
    (left, bottom), (right, top) = _mercator(west, south), _mercator(east, north)
    scale = min(width / max(right - left, 1e-9), height / max(top - bottom, 1e-9))
    off_x = (width - scale * (right - left)) / 2
    off_y = (height - scale * (top - bottom)) / 2
    areas = shapes.to_crs(3857).geometry.area.to_numpy()
    order = sorted(range(len(shapes)), key=lambda i: -areas[i])
    placed: list[tuple[float, float, float, float]] = []
    rows: dict[int, dict[str, object]] = {}
    for i in order:
        name = str(shapes["name"].iloc[i])
        point: shapely.Point = anchors.iloc[i]
        mx, my = _mercator(point.x, point.y)
        px, py = off_x + scale * (mx - left), off_y + scale * (top - my)
        w, h = label_box(name, font_size)
        best: tuple[float, float, float, float] | None = None
        best_cost = math.inf
        for dx, dy in _candidates(w, h):
            x, y = px + dx, py + dy
            box = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            outside = (
                max(0.0, -box[0]) + max(0.0, box[2] - width) + max(0.0, -box[1]) + max(0.0, box[3] - height)
            )
            cost = sum(_overlap(box, other) for other in placed) + outside * h
            if cost < best_cost:
                best, best_cost = box, cost
            if cost == 0:
                break
        assert best is not None
        placed.append(best)
        x, y = (best[0] + best[2]) / 2, (best[1] + best[3]) / 2
        lon, lat = _unmercator(left + (x - off_x) / scale, top - (y - off_y) / scale)
        code = str(shapes["code"].iloc[i])
        rows[i] = {"code": code, "name": name, "lon": round(lon, 5), "lat": round(lat, 5)}
        rows[i].update({"x": round(x, 1), "y": round(y, 1), "w": w, "h": h})
    return pd.DataFrame([rows[i] for i in range(len(shapes))])
