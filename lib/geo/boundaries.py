"""Boundaries assembled from boundary files: repaired, dissolved up the levels, simplified, saved.

The import keeps two copies of every level (kabupaten, kecamatan, desa):

* ``exact``: the geometry as read (repaired where invalid), in EPSG:4326, for analysis;
* ``display``: a coverage-simplified copy (neighbours still share their borders, so there
  are no gaps or slivers), coordinates rounded to 5 decimals (~1 m) and exterior rings
  clockwise, which is what Vega expects. Only the display copy goes into charts.

Each frame has the columns ``code, name, level, parent_code, area_km2, geometry``.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS

from lib.core import clock
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import RegionIndex, regency_of
from lib.core.wilayah import bundled_wilayah
from lib.geo.files import MAX_BYTES, Part, attribution, collect_parts, read_part
from lib.geo.recognise import LEVELS, Layer, recognise

BOUNDARY_COLUMNS: tuple[str, ...] = ("code", "name", "level", "parent_code", "area_km2", "geometry")
DISPLAY_TOLERANCE_M = 150.0
"""Coverage simplification tolerance in metres (about 6,800 coordinates for Bali's 57 kecamatan)."""
DISPLAY_DECIMALS = 5
"""Decimals kept in display coordinates: 1e-5 degree is about 1.1 m."""
SAVED_FILE = "boundaries.gpkg"
METADATA_LAYER = "sinergi_metadata"

_METRIC_FALLBACK = "EPSG:32750"  # UTM 50S, Bali
_AREA_CRS = "EPSG:6933"  # equal-area, valid anywhere
_EXAMPLES = 5


@dataclass(frozen=True, eq=False)
class Boundaries:
    """Boundaries per level, an exact copy for analysis and a simplified copy for maps.

    Frames are shared, not copied: read them, never modify them.
    """

    exact: Mapping[str, gpd.GeoDataFrame]
    """Exact geometry by level (EPSG:4326), columns :data:`BOUNDARY_COLUMNS`."""
    display: Mapping[str, gpd.GeoDataFrame]
    """Simplified geometry by level, clockwise exterior rings, same columns."""
    source: str
    licence: str
    files: tuple[str, ...]
    report: tuple[str, ...] = ()
    """Localised notes from the import: repairs, unmatched features, duplicates, missing regions."""
    imported_at: str = ""
    """ISO 8601 time (UTC) of the import."""

    @property
    def levels(self) -> list[str]:
        """Return the levels present, widest first."""
        return [level for level in LEVELS if level in self.exact]

    def region_rows(self) -> list[dict[str, str]]:
        """Return kecamatan and desa as rows (code, name, kind, parent_code) for ``build_index``."""
        rows: list[dict[str, str]] = []
        for level in ("kecamatan", "desa"):
            frame = self.exact.get(level)
            if frame is None:
                continue
            for code, name, parent in zip(frame["code"], frame["name"], frame["parent_code"], strict=True):
                rows.append({"code": str(code), "name": str(name), "kind": level, "parent_code": str(parent)})
        return rows


@dataclass(frozen=True, eq=False)
class BoundaryImport:
    """What :func:`load_boundaries` read, and what it had to say about it."""

    boundaries: Boundaries
    files: tuple[str, ...]
    """Files (and layers) whose features were imported."""
    skipped_files: tuple[str, ...] = ()
    repaired: int = 0
    """Invalid polygons repaired with ``make_valid``."""
    unmatched: tuple[str, ...] = ()
    """One description per feature that matched no region."""
    duplicates: tuple[str, ...] = ()
    """Codes that appeared more than once (their parts were merged)."""
    missing: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Regency codes with no boundary, by level."""
    dissolved: tuple[str, ...] = ()
    """Levels built by merging the level below."""

    @property
    def notes(self) -> tuple[str, ...]:
        """Return the localised report notes (the same as ``boundaries.report``)."""
        return self.boundaries.report


# ---------------------------------------------------------------------------------------------
# Public API


def load_boundaries(
    source: Path | bytes,
    *,
    filename: str | None = None,
    index: RegionIndex,
    lang: str = "id",
    max_bytes: int = MAX_BYTES,
    source_text: str | None = None,
    licence_text: str | None = None,
    tolerance_m: float = DISPLAY_TOLERANCE_M,
) -> BoundaryImport:
    """Read boundary files, recognise their regions and build exact and display copies.

    Parameters
    ----------
    source
        A file (GeoJSON, GeoPackage, zipped shapefile), a folder of such files, or the bytes of
        an uploaded file. In a folder, ``x.geojson`` is preferred over ``x_full.geojson``.
    filename
        Name of the uploaded file when ``source`` is bytes (its extension tells the format).
    index
        Known regions; regencies are matched against it, kecamatan and desa take their
        codes and names from the file and their regency through the index.
    max_bytes
        Largest file (or unzipped content) accepted; larger ones are refused before parsing.
    source_text, licence_text
        Provenance to keep with the boundaries; by default the files' own ``source`` field
        (or their names) and an empty licence.
    tolerance_m
        Simplification tolerance of the display copy, in metres.

    Raises
    ------
    DataProblem
        For any file that cannot be used: empty, too large, damaged, a ZIP bomb, a shapefile
        without .prj, no coordinate system, points or lines, no recognisable region field,
        mixed levels in one layer, or nothing that matches a known region.
    """
    label = filename or (source.name if isinstance(source, Path) else "upload")
    with tempfile.TemporaryDirectory(prefix="sinergi-geo-") as tmp:
        parts, skipped_notes, skipped = collect_parts(
            source, label, Path(tmp), lang=lang, max_bytes=max_bytes
        )
        layers = [_read_layer(part, index, lang=lang) for part in parts]
    return _assemble(
        layers,
        skipped_notes=skipped_notes,
        skipped=skipped,
        index=index,
        lang=lang,
        label=label,
        source_text=source_text,
        licence_text=licence_text,
        tolerance_m=tolerance_m,
    )


def boundaries_from_folder(folder: Path, index: RegionIndex, *, lang: str = "id") -> Boundaries:
    """Read every boundary file in ``folder`` (the SINERGI_BOUNDARIES setting) into boundaries.

    A ``SOURCE.md`` in the folder with a line "Suggested attribution: "…"" gives the licence text.
    """
    licence = attribution(folder)
    return load_boundaries(folder, index=index, lang=lang, licence_text=licence).boundaries


def save_boundaries(
    boundaries: Boundaries,
    data_dir: Path,
    *,
    source_text: str,
    licence_text: str,
    file_name: str = SAVED_FILE,
) -> Path:
    """Write the boundaries to ``data_dir/boundaries/<file_name>`` atomically; return the path.

    One layer per level (exact) and one per level for display (``<level>_display``), plus a
    ``sinergi_metadata`` table with source, licence, files, report and import time. The file
    is written under a temporary name and renamed, so a reader never sees half a file.
    """
    folder = data_dir / "boundaries"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file_name
    handle, temp_name = tempfile.mkstemp(prefix=".boundaries-", suffix=".gpkg", dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    temp.unlink()  # GDAL creates the file itself
    try:
        for level in boundaries.levels:
            for suffix, frames in (("", boundaries.exact), ("_display", boundaries.display)):
                frame = frames[level]
                pyogrio.write_dataframe(
                    frame[list(BOUNDARY_COLUMNS)], temp, layer=f"{level}{suffix}", promote_to_multi=True
                )
        metadata = {
            "format": "1",
            "source": source_text,
            "licence": licence_text,
            "files": json.dumps(list(boundaries.files), ensure_ascii=False),
            "report": json.dumps(list(boundaries.report), ensure_ascii=False),
            "imported_at": boundaries.imported_at,
            "saved_at": clock.now().isoformat(timespec="seconds"),
        }
        table = pd.DataFrame({"key": list(metadata), "value": list(metadata.values())})
        pyogrio.write_dataframe(table, temp, layer=METADATA_LAYER)
        os.replace(temp, target)
    finally:
        if temp.exists():
            temp.unlink()
    return target


def load_saved_boundaries(
    data_dir: Path, *, lang: str = "id", file_name: str = SAVED_FILE
) -> Boundaries | None:
    """Read the boundaries saved by :func:`save_boundaries`, or return None when there are none.

    Raises
    ------
    DataProblem
        If the saved file exists but cannot be read.
    """
    path = data_dir / "boundaries" / file_name
    if not path.is_file():
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            names = {str(row[0]) for row in pyogrio.list_layers(path)}
            meta_frame = pyogrio.read_dataframe(path, layer=METADATA_LAYER)
            exact: dict[str, gpd.GeoDataFrame] = {}
            display: dict[str, gpd.GeoDataFrame] = {}
            for level in LEVELS:
                if level in names and f"{level}_display" in names:
                    exact[level] = _tidy_saved(pyogrio.read_dataframe(path, layer=level))
                    shown = _tidy_saved(pyogrio.read_dataframe(path, layer=f"{level}_display"))
                    shown["geometry"] = shown.geometry.orient_polygons(exterior_cw=True)
                    display[level] = shown
    except Exception as error:  # GDAL fails in many ways on a damaged file; the user can re-import
        raise DataProblem(
            t("geo.saved_unreadable", lang, file=str(path)), t("geo.saved_unreadable_fix", lang)
        ) from error
    pairs = zip(meta_frame["key"], meta_frame["value"], strict=True)
    meta = {str(k): ("" if pd.isna(v) else str(v)) for k, v in pairs}
    return Boundaries(
        exact=exact,
        display=display,
        source=meta.get("source", ""),
        licence=meta.get("licence", ""),
        files=tuple(json.loads(meta.get("files") or "[]")),
        report=tuple(json.loads(meta.get("report") or "[]")),
        imported_at=meta.get("imported_at", ""),
    )


def display_copy(exact: gpd.GeoDataFrame, *, tolerance_m: float = DISPLAY_TOLERANCE_M) -> gpd.GeoDataFrame:
    """Return a simplified copy whose neighbours still share borders, rings clockwise (for Vega).

    The coverage is simplified with ``shapely.coverage_simplify`` in a metric CRS (the UTM zone
    of the data, EPSG:32750 for Bali), brought back to EPSG:4326 and rounded to 5 decimals.
    """
    frame = exact.to_crs(4326)
    if frame.empty:
        return frame.copy()
    metric = _metric_crs(frame)
    projected = frame.geometry.to_crs(metric)
    simplified = shapely.coverage_simplify(projected.values, tolerance_m)
    back = gpd.GeoSeries(simplified, index=frame.index, crs=metric).to_crs(4326)
    rounded = shapely.transform(back.values, lambda xy: np.round(xy, DISPLAY_DECIMALS))
    shown = frame.copy()
    shown["geometry"] = gpd.GeoSeries(rounded, index=frame.index, crs=4326).orient_polygons(exterior_cw=True)
    return shown


def count_coordinates(frame: gpd.GeoDataFrame) -> int:
    """Return the number of coordinates in a frame's geometry."""
    return int(shapely.get_num_coordinates(frame.geometry.values).sum())


# ---------------------------------------------------------------------------------------------
# Reading one file or layer


def _read_layer(part: Part, index: RegionIndex, *, lang: str) -> Layer:
    """Read one file or layer, check and repair its geometry, and recognise its regions."""
    frame = read_part(part, lang=lang)
    notes: list[str] = []
    frame, repaired = _clean_geometry(frame, part.label, lang=lang, notes=notes)
    return recognise(frame, part.label, index, lang=lang, repaired=repaired, notes=notes)


def _clean_geometry(
    frame: gpd.GeoDataFrame, label: str, *, lang: str, notes: list[str]
) -> tuple[gpd.GeoDataFrame, int]:
    """Refuse points/lines and missing CRS, repair invalid polygons, reproject to EPSG:4326."""
    if frame.crs is None:
        raise DataProblem(t("geo.no_crs", lang, file=label), t("geo.no_crs_fix", lang))
    geometry = frame.geometry
    missing = geometry.isna() | geometry.is_empty
    types = geometry[~missing].geom_type
    wrong = types[~types.isin(["Polygon", "MultiPolygon", "GeometryCollection"])]
    if len(wrong):
        kind = str(wrong.value_counts().index[0])
        raise DataProblem(
            t("geo.not_polygons", lang, file=label, count=len(wrong), kind=kind),
            t("geo.not_polygons_fix", lang),
        )
    if int(missing.sum()):
        notes.append(t("geo.note.empty_geometry", lang, count=int(missing.sum()), file=label))
    kept = frame.loc[~missing].copy()
    if kept.empty:
        raise DataProblem(t("geo.empty_file", lang, file=label), t("geo.empty_file_fix", lang))
    values = kept.geometry.values
    invalid = ~shapely.is_valid(values)
    repaired = int(invalid.sum())
    if repaired:
        fixed = np.array(values, dtype=object)
        fixed[invalid] = [_polygonal(g) for g in shapely.make_valid(values[invalid])]
        kept["geometry"] = gpd.GeoSeries(fixed, index=kept.index, crs=kept.crs)
    collections = kept.geom_type == "GeometryCollection"
    if bool(collections.any()):
        kept.loc[collections, "geometry"] = [_polygonal(g) for g in kept.geometry[collections]]
    kept = kept.loc[~kept.geometry.is_empty]
    if kept.empty:
        raise DataProblem(
            t("geo.not_polygons", lang, file=label, count=len(frame), kind="GeometryCollection"),
            t("geo.not_polygons_fix", lang),
        )
    try:
        kept = kept.to_crs(4326)
    except Exception as error:  # pyproj cannot transform from this CRS
        raise DataProblem(
            t("geo.bad_coordinates", lang, file=label, crs=str(frame.crs)), t("geo.bad_coordinates_fix", lang)
        ) from error
    west, south, east, north = (float(v) for v in kept.total_bounds)
    if not (
        np.isfinite([west, south, east, north]).all()
        and -180 <= west <= east <= 180
        and -90 <= south <= north <= 90
    ):
        raise DataProblem(
            t("geo.bad_coordinates", lang, file=label, crs=_crs_name(frame.crs)),
            t("geo.bad_coordinates_fix", lang),
        )
    return kept, repaired


def _crs_name(crs: CRS) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else str(crs.name)


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """Return only the polygon parts of a geometry (make_valid may add lines or points)."""
    parts = [
        p
        for p in shapely.get_parts(geometry)
        if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty
    ]
    polygons = [q for p in parts for q in shapely.get_parts(p)]
    if not polygons:
        return shapely.Polygon()
    if len(polygons) == 1:
        return polygons[0]
    return shapely.MultiPolygon(polygons)


# ---------------------------------------------------------------------------------------------
# Putting the levels together


def _assemble(
    layers: Sequence[Layer],
    *,
    skipped_notes: list[str],
    skipped: list[str],
    index: RegionIndex,
    lang: str,
    label: str,
    source_text: str | None,
    licence_text: str | None,
    tolerance_m: float,
) -> BoundaryImport:
    notes = list(skipped_notes)
    skipped = list(skipped)
    by_level: dict[str, Layer] = {}
    for layer in layers:
        if layer.level in by_level:
            other = by_level[layer.level].label
            notes.append(
                t(
                    "geo.note.skipped_same_level",
                    lang,
                    file=layer.label,
                    level=t(f"geo.level.{layer.level}", lang),
                    other=other,
                )
            )
            skipped.append(layer.label)
            continue
        by_level[layer.level] = layer
    used = [by_level[level] for level in LEVELS if level in by_level]
    unmatched = [reason for layer in used for reason in layer.unmatched]
    repaired = sum(layer.repaired for layer in used)
    total = sum(len(layer.frame) + len(layer.unmatched) for layer in used)
    if all(layer.frame.empty for layer in used):
        example = unmatched[0] if unmatched else label
        raise DataProblem(
            t("geo.nothing_matched", lang, count=total, file=label, example=example),
            t("geo.nothing_matched_fix", lang),
        )
    for layer in used:
        notes += layer.notes

    exact: dict[str, gpd.GeoDataFrame] = {}
    duplicates: list[str] = []
    for level, layer in by_level.items():
        if layer.frame.empty:
            continue
        frame, doubled = _merge_duplicates(layer.frame)
        duplicates += doubled
        exact[level] = frame

    dissolved: list[str] = []
    for level, finer in (("kecamatan", "desa"), ("kabupaten", "kecamatan"), ("kabupaten", "desa")):
        if level not in exact and finer in exact and not exact[finer].empty:
            exact[level] = _dissolve(exact[finer], finer, level, index)
            dissolved.append(level)
            notes.append(
                t(
                    "geo.note.dissolved",
                    lang,
                    level=t(f"geo.level.{level}", lang),
                    source=t(f"geo.level.{finer}", lang),
                )
            )

    finished: dict[str, gpd.GeoDataFrame] = {}
    for level in LEVELS:
        if level in exact:
            finished[level] = _finish(exact[level], level)
    missing = _missing(finished, index)
    notes += _orphan_notes(finished, lang=lang)

    if repaired:
        notes.append(t("geo.note.repaired", lang, count=repaired))
    if unmatched:
        notes.append(t("geo.note.unmatched", lang, count=len(unmatched), examples=_examples(unmatched, lang)))
    if duplicates:
        notes.append(
            t("geo.note.duplicates", lang, count=len(duplicates), examples=_examples(duplicates, lang))
        )
    for level, codes in missing.items():
        names = [f"{index.name(c)} ({c})" for c in codes]
        notes.append(
            t("geo.note.missing", lang, level=t(f"geo.level.{level}", lang), examples=_examples(names, lang))
        )
    files = tuple(layer.label for layer in used)
    notes.insert(0, t("geo.note.files", lang, files=", ".join(files)))

    display = {level: display_copy(frame, tolerance_m=tolerance_m) for level, frame in finished.items()}
    boundaries = Boundaries(
        exact=finished,
        display=display,
        source=source_text if source_text is not None else _source_of(used, files, lang=lang),
        licence=licence_text or "",
        files=files,
        report=tuple(notes),
        imported_at=clock.now().isoformat(timespec="seconds"),
    )
    return BoundaryImport(
        boundaries=boundaries,
        files=files,
        skipped_files=tuple(skipped),
        repaired=repaired,
        unmatched=tuple(unmatched),
        duplicates=tuple(duplicates),
        missing=missing,
        dissolved=tuple(dissolved),
    )


def _examples(items: Sequence[str], lang: str) -> str:
    shown = "; ".join(items[:_EXAMPLES])
    if len(items) > _EXAMPLES:
        shown += f"; {t('geo.note.and_more', lang, count=len(items) - _EXAMPLES)}"
    return shown


def _merge_duplicates(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[str]]:
    counts = frame["code"].value_counts()
    doubled = sorted(str(c) for c in counts[counts > 1].index)
    if not doubled:
        return frame, []
    firsts = frame.drop_duplicates("code").set_index("code")
    unions = frame.groupby("code", sort=False)["geometry"].agg(lambda g: shapely.union_all(g.values))
    merged = firsts.drop(columns="geometry")
    merged["geometry"] = unions.reindex(merged.index)
    merged = gpd.GeoDataFrame(merged.reset_index(), geometry="geometry", crs=frame.crs)
    return merged, doubled


def _dissolve(frame: gpd.GeoDataFrame, finer: str, level: str, index: RegionIndex) -> gpd.GeoDataFrame:
    """Merge the polygons of ``finer`` into ``level`` (desa -> kecamatan, or -> kabupaten).

    A kecamatan takes the kecamatan name its desa carry (``kecamatan_name``), else its name in
    the bundled Kemendagri list (data/wilayah.csv), else its code.
    """
    key = frame["regency_code"] if level == "kabupaten" else frame["parent_code"]
    work = frame.assign(_key=key.to_numpy())
    geometry = work.groupby("_key", sort=True)["geometry"].agg(lambda g: shapely.union_all(g.values))
    rows = []
    for code, shape in geometry.items():
        group = work.loc[work["_key"] == code]
        if level == "kabupaten":
            name = index.name(str(code))
            parent = index.parents.get(str(code), str(code)[:2])
            regency = str(code)
        else:
            known = group["kecamatan_name"].dropna()
            # A file with desa codes only: the kecamatan takes its name from the bundled code list.
            name = str(known.iloc[0]) if len(known) else bundled_wilayah().name(str(code)) or str(code)
            regency = str(group["regency_code"].iloc[0])
            parent = regency
        rows.append(
            {
                "code": str(code),
                "name": name,
                "parent_code": parent,
                "regency_code": regency,
                "kecamatan_name": None,
                "geometry": _polygonal(shape),
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=frame.crs)


def _finish(frame: gpd.GeoDataFrame, level: str) -> gpd.GeoDataFrame:
    """Return the public columns, sorted by code, with area in km² (equal-area CRS)."""
    tidy = gpd.GeoDataFrame(
        {
            "code": frame["code"].astype(str).to_numpy(),
            "name": frame["name"].astype(str).to_numpy(),
            "level": level,
            "parent_code": frame["parent_code"].astype(str).to_numpy(),
        },
        geometry=gpd.GeoSeries(frame.geometry.to_numpy(), crs=frame.crs).to_crs(4326).to_numpy(),
        crs=4326,
    )
    tidy["area_km2"] = (tidy.geometry.to_crs(_AREA_CRS).area / 1e6).round(2).astype(float)
    tidy = tidy.sort_values("code", kind="stable").reset_index(drop=True)
    return tidy[list(BOUNDARY_COLUMNS)]


def _missing(frames: Mapping[str, gpd.GeoDataFrame], index: RegionIndex) -> dict[str, tuple[str, ...]]:
    regencies = index.codes("kabupaten")
    missing: dict[str, tuple[str, ...]] = {}
    for level, frame in frames.items():
        present = {regency_of(code) for code in frame["code"]}
        absent = tuple(code for code in regencies if code not in present)
        if absent:
            missing[level] = absent
    return missing


def _orphan_notes(frames: Mapping[str, gpd.GeoDataFrame], *, lang: str) -> list[str]:
    notes = []
    for level, parent_level in (("kecamatan", "kabupaten"), ("desa", "kecamatan")):
        if level not in frames or parent_level not in frames:
            continue
        known = set(frames[parent_level]["code"])
        orphans = [
            str(c)
            for c, p in zip(frames[level]["code"], frames[level]["parent_code"], strict=True)
            if p not in known
        ]
        if orphans:
            notes.append(
                t(
                    "geo.note.orphans",
                    lang,
                    level=t(f"geo.level.{level}", lang),
                    count=len(orphans),
                    examples=", ".join(orphans[:_EXAMPLES]),
                )
            )
    return notes


def _source_of(layers: Sequence[Layer], files: Sequence[str], *, lang: str) -> str:
    """Return the files' own source field values, else the list of files."""
    sources = list(dict.fromkeys(s for layer in layers for s in layer.sources))
    if sources:
        return "; ".join(sources)
    return t("geo.source_files", lang, files=", ".join(files))


def _tidy_saved(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    tidy = frame.copy()
    for column in ("code", "name", "level", "parent_code"):
        tidy[column] = tidy[column].astype(str)
    tidy["area_km2"] = tidy["area_km2"].astype(float)
    return tidy[list(BOUNDARY_COLUMNS)].to_crs(4326)


def _metric_crs(frame: gpd.GeoDataFrame) -> CRS:
    """Return the UTM zone (WGS 84) of the centre of ``frame``, which is in EPSG:4326.

    What ``GeoDataFrame.estimate_utm_crs`` finds for an area within one zone (the tests compare
    the two), computed from the zone's definition instead of a query of the projection database
    (60 ms a layer, 0.18 s of the boundaries' load at every start). Outside the latitudes UTM
    covers, or without bounds, the Bali zone (:data:`_METRIC_FALLBACK`).
    """
    west, south, east, north = frame.total_bounds
    lon, lat = (west + east) / 2, (south + north) / 2
    if not (np.isfinite(lon) and np.isfinite(lat) and -80 <= lat <= 84):
        return _utm(_METRIC_FALLBACK)
    zone = int((lon + 180) // 6) % 60 + 1
    return _utm(f"EPSG:{(32700 if lat < 0 else 32600) + zone}")


@functools.cache
def _utm(code: str) -> CRS:
    """Return the CRS of an EPSG code (made once per code)."""
    return CRS.from_user_input(code)
