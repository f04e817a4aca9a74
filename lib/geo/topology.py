"""TopoJSON of a coverage: what a map sends instead of GeoJSON (quantised, each border once).

A GeoJSON map of Bali's 716 desa is 650 KB: every border is written twice (once per neighbour)
with five decimals per coordinate, and Streamlit re-serialises the whole spec on every rerun.
TopoJSON (https://github.com/topojson/topojson-specification) quantises coordinates to an integer
grid, writes each shared border once as an arc both neighbours refer to, and delta-encodes the
arcs, so the same map is a few times smaller and neighbours cannot drift apart: they draw the very
same points, so there are no gaps or slivers. Vega-Lite reads it natively
(``format: {type: "topojson", feature: ...}``).

Why our own builder rather than the ``topojson`` package: the display copy
(:func:`lib.geo.boundaries.display_copy`) is already a simplified coverage whose neighbours share
their vertices exactly, so the only work left is quantising, cutting rings where three regions
meet and merging identical arcs, about a hundred lines of numpy. The package recomputes shared
paths with shapely line operations and its own simplification (seconds for 716 desa), and would
be one more dependency for one function.

Ring order is kept as it comes in: the display copy's exterior rings are clockwise, which is what
d3-geo (Vega) expects; a ring drawn the other way round fills the whole map instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

OBJECT = "regions"
"""Name of the topology's object (``format.feature`` in Vega-Lite)."""
QUANTISATION = 10_000
"""Grid points across the map's width and height: about 14 m in Bali, a tenth of a pixel at 1280 px."""


@dataclass(frozen=True)
class Topology:
    """A TopoJSON topology as compact text, with what it was built from."""

    text: str
    """The topology, compact JSON (``{"type":"Topology",...}``)."""
    codes: tuple[str, ...]
    """Region codes, in the order of the geometries (each geometry's ``id``)."""
    arcs: int
    """Number of arcs (each shared border is one)."""


def topology(frame: gpd.GeoDataFrame, *, quantisation: int = QUANTISATION) -> Topology:
    """Return the TopoJSON of ``frame``'s regions: one geometry per row, its ``id`` the row's code.

    ``frame`` is a display copy (columns ``code`` and ``geometry``, EPSG:4326, exterior rings
    clockwise). Rings that shrink below a triangle on the grid are left out; a region left with
    no ring at all keeps its code with an empty geometry (``type: null``), so it is still listed.

    Examples
    --------
    >>> left, right = shapely.box(0, 0, 1, 1).reverse(), shapely.box(1, 0, 2, 1).reverse()
    >>> frame = gpd.GeoDataFrame({"code": ["a", "b"]}, geometry=[left, right], crs=4326)
    >>> built = topology(frame)
    >>> built.codes, built.arcs  # the border x = 1 is one arc, used by both
    (('a', 'b'), 3)
    """
    geometry = frame.geometry.to_crs(4326).values
    codes = tuple(str(code) for code in frame["code"])
    west, south, east, north = (float(v) for v in shapely.total_bounds(geometry))
    scale = (max(east - west, 1e-9) / (quantisation - 1), max(north - south, 1e-9) / (quantisation - 1))
    builder = _ArcBuilder()
    shapes: list[list[list[int]]] = []  # per region, per polygon: ring ids
    for shape in geometry:
        polygons = []
        for polygon in _polygons(shape):
            grids = [_quantised(np.asarray(r.coords)[:, :2], (west, south), scale) for r in _rings(polygon)]
            if grids[0] is not None:  # a hole without its exterior would be drawn as land
                polygons.append([builder.add_ring(grid) for grid in grids if grid is not None])
        shapes.append(polygons)
    arcs, ring_arcs = builder.cut()
    geometries = []
    for code, polygons in zip(codes, shapes, strict=True):
        parts = [[ring_arcs[ring] for ring in rings] for rings in polygons]
        if not parts:
            geometries.append({"type": None, "id": code})
        elif len(parts) == 1:
            geometries.append({"type": "Polygon", "arcs": parts[0], "id": code})
        else:
            geometries.append({"type": "MultiPolygon", "arcs": parts, "id": code})
    document = {
        "type": "Topology",
        "transform": {"scale": list(scale), "translate": [west, south]},
        "objects": {OBJECT: {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": [_delta(arc) for arc in arcs],
    }
    return Topology(json.dumps(document, separators=(",", ":")), codes, len(arcs))


def decode(text: str) -> gpd.GeoDataFrame:
    """Return the regions of a topology from :func:`topology` as polygons (columns code, geometry).

    The inverse, for tests and checks: arcs are stitched the way topojson-client does, rings kept
    in the order written.
    """
    document = json.loads(text)
    (sx, sy), (tx, ty) = document["transform"]["scale"], document["transform"]["translate"]
    arcs = []
    for arc in document["arcs"]:
        points = np.cumsum(np.asarray(arc, dtype=float), axis=0)
        arcs.append(np.column_stack([points[:, 0] * sx + tx, points[:, 1] * sy + ty]))

    def ring(indices: list[int]) -> np.ndarray:
        pieces = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indices]
        return np.vstack([pieces[0]] + [piece[1:] for piece in pieces[1:]])

    codes, shapes = [], []
    for item in document["objects"][OBJECT]["geometries"]:
        kind = item["type"]
        polygons = [item["arcs"]] if kind == "Polygon" else item.get("arcs", []) if kind else []
        built = [shapely.Polygon(ring(rings[0]), [ring(r) for r in rings[1:]]) for rings in polygons]
        codes.append(str(item["id"]))
        shapes.append(shapely.MultiPolygon(built) if len(built) > 1 else (built[0] if built else None))
    return gpd.GeoDataFrame({"code": codes}, geometry=shapes, crs=4326)


# ---------------------------------------------------------------------------------------------


class _ArcBuilder:
    """Collect closed rings on the grid, then cut them into arcs where regions meet."""

    def __init__(self) -> None:
        self.rings: list[np.ndarray] = []

    def add_ring(self, grid: np.ndarray) -> int:
        """Add a closed ring (first point repeated last); return its id."""
        self.rings.append(grid)
        return len(self.rings) - 1

    def cut(self) -> tuple[list[np.ndarray], list[list[int]]]:
        """Return the distinct arcs and, per ring, its arc indices (``~i`` for arc i reversed).

        A point is a junction when it does not always have the same two neighbours: there three
        or more regions meet, or a border meets the coast. Between junctions a border is the same
        sequence of points in both neighbouring rings (in opposite directions), so it becomes
        one arc. A ring with no junction (an island, an enclave) is one arc, started at its
        smallest point so that the enclave and its hole in the surrounding region match.
        """
        flags = self._junctions()
        arcs: list[np.ndarray] = []
        known: dict[bytes, int] = {}
        ring_arcs = []
        for ring, flagged in zip(self.rings, flags, strict=True):
            open_ring = ring[:-1]
            hits = np.flatnonzero(flagged)
            start = int(hits[0]) if len(hits) else int(np.lexsort((open_ring[:, 1], open_ring[:, 0]))[0])
            rolled = np.roll(open_ring, -start, axis=0)
            bounds = [*((hits - start).tolist() if len(hits) else [0]), len(open_ring)]
            closed = np.vstack([rolled, rolled[:1]])
            indices = [
                _arc_index(closed[begin : end + 1], arcs, known)
                for begin, end in zip(bounds, bounds[1:], strict=False)
            ]
            ring_arcs.append(indices)
        return arcs, ring_arcs

    def _junctions(self) -> list[np.ndarray]:
        """Return, per ring, which of its points (closing point left out) are junctions."""
        keys = [_keys(ring[:-1]) for ring in self.rings]
        if not keys:
            return []
        points = np.concatenate(keys)
        before = np.concatenate([np.roll(k, 1) for k in keys])
        after = np.concatenate([np.roll(k, -1) for k in keys])
        pairs = np.unique(
            np.column_stack([points, np.minimum(before, after), np.maximum(before, after)]), axis=0
        )
        distinct, counts = np.unique(pairs[:, 0], return_counts=True)
        flags = np.isin(points, distinct[counts > 1])
        return np.split(flags, np.cumsum([len(k) for k in keys])[:-1])


def _arc_index(arc: np.ndarray, arcs: list[np.ndarray], known: dict[bytes, int]) -> int:
    """Return the index of ``arc`` among ``arcs`` (``~i`` when it is arc i backwards), adding it if new."""
    forward = arc.tobytes()
    if forward in known:
        return known[forward]
    backward = arc[::-1].copy().tobytes()
    if backward in known:
        return ~known[backward]
    arcs.append(arc)
    known[forward] = len(arcs) - 1
    return len(arcs) - 1


def _keys(points: np.ndarray) -> np.ndarray:
    """Return one integer per grid point (x and y packed into 64 bits)."""
    return (points[:, 0].astype(np.int64) << 32) | points[:, 1].astype(np.int64)


def _quantised(
    coords: np.ndarray, origin: tuple[float, float], scale: tuple[float, float]
) -> np.ndarray | None:
    """Return a ring on the integer grid, repeated points dropped, or None if it collapsed."""
    grid = np.round((coords - np.asarray(origin)) / np.asarray(scale)).astype(np.int64)
    keep = np.ones(len(grid), dtype=bool)
    keep[1:] = np.any(grid[1:] != grid[:-1], axis=1)
    grid = grid[keep]
    if len(grid) < 4 or not np.array_equal(grid[0], grid[-1]):
        return None
    return grid


def _delta(arc: np.ndarray) -> list[list[int]]:
    """Return an arc delta-encoded: its first point, then each step from the point before."""
    steps = np.vstack([arc[:1], np.diff(arc, axis=0)])
    return steps.tolist()


def _rings(polygon: shapely.Polygon) -> list[shapely.LinearRing]:
    return [polygon.exterior, *polygon.interiors]


def _polygons(shape: shapely.Geometry | None) -> list[shapely.Polygon]:
    if shape is None or shape.is_empty:
        return []
    if isinstance(shape, shapely.Polygon):
        return [shape]
    return [part for part in getattr(shape, "geoms", []) if isinstance(part, shapely.Polygon)]
