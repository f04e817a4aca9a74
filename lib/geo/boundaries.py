"""Boundary files: read any GeoJSON/GeoPackage/zipped shapefile, recognise its regions, repair, simplify.

The import keeps two copies of every level (kabupaten, kecamatan, desa):

* ``exact``: the geometry as read (repaired where invalid), in EPSG:4326, for analysis;
* ``display``: a coverage-simplified copy (neighbours still share their borders, so there
  are no gaps or slivers), coordinates rounded to 5 decimals (~1 m) and exterior rings
  clockwise, which is what Vega expects. Only the display copy goes into charts.

Each frame has the columns ``code, name, level, parent_code, area_km2, geometry``.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import RegionIndex, level_of, normalise_code

LEVELS: tuple[str, ...] = ("kabupaten", "kecamatan", "desa")
BOUNDARY_COLUMNS: tuple[str, ...] = ("code", "name", "level", "parent_code", "area_km2", "geometry")
DISPLAY_TOLERANCE_M = 150.0
"""Coverage simplification tolerance in metres (about 6,800 coordinates for Bali's 57 kecamatan)."""
DISPLAY_DECIMALS = 5
"""Decimals kept in display coordinates: 1e-5 degree is about 1.1 m."""
MAX_BYTES = 200_000_000
SAVED_FILE = "boundaries.gpkg"
METADATA_LAYER = "sinergi_metadata"

_METRIC_FALLBACK = "EPSG:32750"  # UTM 50S, Bali
_AREA_CRS = "EPSG:6933"  # equal-area, valid anywhere
_SUFFIXES = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".shp": "shp", ".zip": "zip"}
_SHP_SIDECARS = (".shx", ".dbf", ".prj", ".cpg")
_ZIP_MAX_MEMBERS = 2_000
_ZIP_MAX_RATIO = 100  # uncompressed / compressed; real boundary files compress 2-10x
_ZIP_RATIO_MIN_SIZE = 1_000_000  # small members may compress a lot without harm
_EXAMPLES = 5
_DEPTH_LEVEL = {2: "kabupaten", 3: "kecamatan", 4: "desa"}

# Field names (folded: lower case, letters and digits only) that name a region at one level.
# BIG (RBI): WADMPR/WADMKK/WADMKC/WADMKD; GADM: NAME_1..NAME_4; HDX COD-AB: ADM2_EN...
_NAME_FIELDS: dict[str, tuple[str, ...]] = {
    "provinsi": ("wadmpr", "name1", "provinsi", "propinsi", "province", "adm1en", "adm1name", "nmprov"),
    "kabupaten": (
        "wadmkk",
        "name2",
        "kabkota",
        "kabupatenkota",
        "kabupaten",
        "kabkot",
        "kab",
        "kota",
        "namakab",
        "namakabupaten",
        "nmkab",
        "regency",
        "regencyname",
        "adm2en",
        "adm2name",
    ),
    "kecamatan": (
        "wadmkc",
        "name3",
        "kecamatan",
        "kec",
        "namakec",
        "namakecamatan",
        "nmkec",
        "district",
        "districtname",
        "adm3en",
        "adm3name",
    ),
    "desa": (
        "wadmkd",
        "name4",
        "desa",
        "kelurahan",
        "desakel",
        "desakelurahan",
        "namadesa",
        "nmdesa",
        "village",
        "adm4en",
        "adm4name",
    ),
}
_GENERIC_NAME_FIELDS = ("name", "nama", "namobj", "nm", "namawilayah", "wilayah")
# Preferred code fields, best first; any other field whose values read as Kemendagri codes also counts.
_CODE_FIELDS = ("code", "kode", "kodewilayah", "kdepum", "kdcpum", "kdpkab", "kdppum", "kd", "id")
# Fields that hold other numbering (BPS codes differ from Kemendagri below regency level) or measures.
_NOT_CODE = ("bps", "pcode", "area", "luas", "shape", "objectid", "fid", "count", "jumlah")


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


@dataclass
class _Part:
    label: str
    path: Path
    layer: str | None = None


@dataclass
class _Layer:
    """The recognised features of one file or layer, before levels are merged."""

    label: str
    level: str
    frame: gpd.GeoDataFrame  # code, name, parent_code, regency_code, kecamatan_name, geometry
    unmatched: list[str]
    repaired: int
    notes: list[str]
    sources: list[str]


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
        parts, skipped_notes, skipped = _collect(source, label, Path(tmp), lang=lang, max_bytes=max_bytes)
        layers = [_read_part(part, index, lang=lang) for part in parts]
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
    licence = _attribution(folder)
    return load_boundaries(folder, index=index, lang=lang, licence_text=licence).boundaries


def save_boundaries(boundaries: Boundaries, data_dir: Path, *, source_text: str, licence_text: str) -> Path:
    """Write the boundaries to ``data_dir/boundaries/boundaries.gpkg`` atomically; return the path.

    One layer per level (exact) and one per level for display (``<level>_display``), plus a
    ``sinergi_metadata`` table with source, licence, files, report and import time. The file
    is written under a temporary name and renamed, so a reader never sees half a file.
    """
    folder = data_dir / "boundaries"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / SAVED_FILE
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
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        table = pd.DataFrame({"key": list(metadata), "value": list(metadata.values())})
        pyogrio.write_dataframe(table, temp, layer=METADATA_LAYER)
        os.replace(temp, target)
    finally:
        if temp.exists():
            temp.unlink()
    return target


def load_saved_boundaries(data_dir: Path, *, lang: str = "id") -> Boundaries | None:
    """Read the boundaries saved by :func:`save_boundaries`, or return None when there are none.

    Raises
    ------
    DataProblem
        If the saved file exists but cannot be read.
    """
    path = data_dir / "boundaries" / SAVED_FILE
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
# Finding the files


def _collect(
    source: Path | bytes, label: str, tmp: Path, *, lang: str, max_bytes: int
) -> tuple[list[_Part], list[str], list[str]]:
    """Return the parts (file, layer) to read, notes on skipped files, and the skipped names."""
    if isinstance(source, bytes | bytearray):
        _check_size(len(source), label, lang=lang, max_bytes=max_bytes)
        kind = _kind_of(label, bytes(source[:64]))
        if kind is None:
            raise DataProblem(t("geo.unknown_format", lang, file=label), t("geo.unknown_format_fix", lang))
        if kind == "zip":
            return _unzip(bytes(source), label, tmp, lang=lang, max_bytes=max_bytes)
        if kind == "shp":
            raise DataProblem(t("geo.missing_prj", lang, file=label), t("geo.missing_prj_fix", lang))
        path = tmp / f"upload.{'gpkg' if kind == 'gpkg' else 'geojson'}"
        path.write_bytes(bytes(source))
        return _layers_of(path, label, kind, lang=lang), [], []
    if not isinstance(source, Path):
        raise TypeError(f"source must be a Path or bytes, got {type(source).__name__}.")
    if source.is_dir():
        return _from_folder(source, tmp, lang=lang, max_bytes=max_bytes)
    if not source.is_file():
        raise DataProblem(t("geo.no_files", lang, file=str(source)), t("geo.no_files_fix", lang))
    _check_size(source.stat().st_size, label, lang=lang, max_bytes=max_bytes)
    with source.open("rb") as handle:
        head = handle.read(64)
    kind = _kind_of(source.name, head)
    if kind is None:
        raise DataProblem(t("geo.unknown_format", lang, file=label), t("geo.unknown_format_fix", lang))
    if kind == "zip":
        return _unzip(source.read_bytes(), label, tmp, lang=lang, max_bytes=max_bytes)
    if kind == "shp":
        _check_sidecars(source, label, lang=lang)
    return _layers_of(source, label, kind, lang=lang), [], []


def _from_folder(
    folder: Path, tmp: Path, *, lang: str, max_bytes: int
) -> tuple[list[_Part], list[str], list[str]]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES)
    chosen, notes, skipped = _prefer_light(files, lang=lang)
    if not chosen:
        raise DataProblem(t("geo.no_files", lang, file=folder.name), t("geo.no_files_fix", lang))
    total = sum(p.stat().st_size for p in chosen)
    _check_size(total, folder.name, lang=lang, max_bytes=max_bytes)
    parts: list[_Part] = []
    for path in chosen:
        kind = _SUFFIXES[path.suffix.lower()]
        if path.stat().st_size == 0:
            raise DataProblem(t("geo.empty_file", lang, file=path.name), t("geo.empty_file_fix", lang))
        if kind == "zip":
            sub_parts, sub_notes, sub_skipped = _unzip(
                path.read_bytes(), path.name, tmp / f"zip{len(parts)}", lang=lang, max_bytes=max_bytes
            )
            parts += sub_parts
            notes += sub_notes
            skipped += sub_skipped
            continue
        if kind == "shp":
            _check_sidecars(path, path.name, lang=lang)
        parts += _layers_of(path, path.name, kind, lang=lang)
    return parts, notes, skipped


def _prefer_light(files: Sequence[Path], *, lang: str) -> tuple[list[Path], list[str], list[str]]:
    """Drop ``x_full.*`` when ``x.*`` is there too; return kept files, notes and skipped names."""
    stems = {p.stem.lower(): p for p in files}
    kept: list[Path] = []
    notes: list[str] = []
    skipped: list[str] = []
    for path in files:
        stem = path.stem.lower()
        if stem.endswith("_full") and stem[: -len("_full")] in stems:
            other = stems[stem[: -len("_full")]]
            notes.append(t("geo.note.skipped_full", lang, file=path.name, other=other.name))
            skipped.append(path.name)
        else:
            kept.append(path)
    return kept, notes, skipped


def _kind_of(name: str, head: bytes) -> str | None:
    suffix = Path(name).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "geojson"
    return None


def _check_size(size: int, label: str, *, lang: str, max_bytes: int) -> None:
    if size == 0:
        raise DataProblem(t("geo.empty_file", lang, file=label), t("geo.empty_file_fix", lang))
    if size > max_bytes:
        raise DataProblem(
            t("geo.too_large", lang, file=label, size_mb=_mb(size), limit_mb=_mb(max_bytes)),
            t("geo.too_large_fix", lang),
        )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:,.1f}"


def _check_sidecars(shp: Path, label: str, *, lang: str) -> None:
    siblings = {p.name.lower() for p in shp.parent.iterdir()}
    if f"{shp.stem.lower()}.prj" not in siblings:
        raise DataProblem(t("geo.missing_prj", lang, file=label), t("geo.missing_prj_fix", lang))


def _layers_of(path: Path, label: str, kind: str, *, lang: str) -> list[_Part]:
    if kind != "gpkg":
        return [_Part(label, path)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            listed = pyogrio.list_layers(path)
    except Exception as error:  # GDAL raises several error types for a damaged file
        raise DataProblem(t("geo.unreadable", lang, file=label), t("geo.unreadable_fix", lang)) from error
    spatial = [str(name) for name, geometry_type in listed if geometry_type is not None]
    if not spatial:
        raise DataProblem(t("geo.empty_file", lang, file=label), t("geo.empty_file_fix", lang))
    if len(spatial) == 1:
        return [_Part(label, path, spatial[0])]
    return [_Part(f"{label}:{name}", path, name) for name in spatial]


def _unzip(
    data: bytes, label: str, tmp: Path, *, lang: str, max_bytes: int
) -> tuple[list[_Part], list[str], list[str]]:
    """Check a ZIP's declared sizes before extracting anything, then extract only boundary files."""
    corrupt = DataProblem(t("geo.corrupt_zip", lang, file=label), t("geo.corrupt_zip_fix", lang))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [
            info
            for info in archive.infolist()
            if not info.is_dir()
            and "__MACOSX" not in info.filename
            and not Path(info.filename).name.startswith(".")
        ]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise corrupt from error
    if len(infos) > _ZIP_MAX_MEMBERS:
        raise DataProblem(
            t(
                "geo.zip_bomb",
                lang,
                file=label,
                size_mb=_mb(sum(i.file_size for i in infos)),
                member=len(infos),
            ),
            t("geo.zip_bomb_fix", lang),
        )
    total = sum(info.file_size for info in infos)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _ZIP_RATIO_MIN_SIZE and ratio > _ZIP_MAX_RATIO:
            raise DataProblem(
                t("geo.zip_bomb", lang, file=label, size_mb=_mb(total), member=info.filename),
                t("geo.zip_bomb_fix", lang),
            )
    _check_size(total, label, lang=lang, max_bytes=max_bytes)
    by_name = {info.filename.lower(): info for info in infos}
    wanted: list[tuple[str, list[zipfile.ZipInfo]]] = []  # (kind, members), first is the main file
    for info in infos:
        lower = info.filename.lower()
        suffix = Path(lower).suffix
        kind = _SUFFIXES.get(suffix)
        if kind is None or kind == "zip":
            continue
        if kind == "shp":
            stem = lower[: -len(suffix)]
            if f"{stem}.prj" not in by_name:
                raise DataProblem(
                    t("geo.missing_prj", lang, file=f"{label}/{info.filename}"),
                    t("geo.missing_prj_fix", lang),
                )
            members = [info] + [by_name[f"{stem}{ext}"] for ext in _SHP_SIDECARS if f"{stem}{ext}" in by_name]
            wanted.append((kind, members))
        else:
            wanted.append((kind, [info]))
    if not wanted:
        raise DataProblem(t("geo.no_files", lang, file=label), t("geo.no_files_fix", lang))
    mains = [Path(members[0].filename) for _, members in wanted]
    kept, notes, skipped = _prefer_light(mains, lang=lang)
    parts: list[_Part] = []
    budget = max_bytes
    for number, (kind, members) in enumerate(wanted):
        main = Path(members[0].filename)
        if main not in kept:
            continue
        folder = tmp / f"m{number}"
        folder.mkdir(parents=True)
        for info in members:
            suffix = Path(info.filename).suffix.lower()
            target = folder / f"{_safe_stem(main.stem)}{suffix}"
            try:
                budget -= _extract(archive, info, target)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as error:
                raise corrupt from error
            if budget < 0:
                raise DataProblem(
                    t("geo.zip_bomb", lang, file=label, size_mb=_mb(max_bytes), member=info.filename),
                    t("geo.zip_bomb_fix", lang),
                )
        shown = f"{label}/{main.name}"
        parts += _layers_of(folder / f"{_safe_stem(main.stem)}{main.suffix.lower()}", shown, kind, lang=lang)
    return parts, notes, skipped


def _safe_stem(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", stem) or "layer"


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> int:
    """Copy one member out, never more than its declared size (a lying header is corrupt)."""
    written = 0
    with archive.open(info) as source, target.open("wb") as sink:
        while chunk := source.read(1 << 20):
            written += len(chunk)
            if written > info.file_size:
                raise ValueError("member larger than declared")
            sink.write(chunk)
    return written


def _attribution(folder: Path) -> str:
    path = folder / "SOURCE.md"
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8", errors="replace")
    found = re.search(r"Suggested attribution:\**\s*[\"“]([^\"”]+)[\"”]", text)
    return found.group(1).strip() if found else ""


# ---------------------------------------------------------------------------------------------
# Reading one file or layer


def _read_part(part: _Part, index: RegionIndex, *, lang: str) -> _Layer:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = gpd.read_file(part.path, layer=part.layer, engine="pyogrio")
    except Exception as error:  # GDAL raises many error types for damaged input; all mean "unreadable"
        raise DataProblem(
            t("geo.unreadable", lang, file=part.label), t("geo.unreadable_fix", lang)
        ) from error
    if not isinstance(frame, gpd.GeoDataFrame) or frame.empty:
        raise DataProblem(t("geo.empty_file", lang, file=part.label), t("geo.empty_file_fix", lang))
    notes: list[str] = []
    frame, repaired = _clean_geometry(frame, part.label, lang=lang, notes=notes)
    return _recognise(frame, part.label, index, lang=lang, repaired=repaired, notes=notes)


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
# Recognising regions


def _text(value: object) -> str | None:
    """Return a cell as stripped text, None when empty; 5108.0 becomes "5108"."""
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return None
    if isinstance(value, float | np.floating):
        if not float(value).is_integer():
            return str(value)
        value = int(value)
    text = str(value).strip()
    return text or None


def _code_columns(frame: pd.DataFrame, provinces: set[str]) -> dict[str, pd.Series]:
    """Return the fields whose values read as Kemendagri codes, each as a Series of dotted codes."""
    found: dict[str, pd.Series] = {}
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        folded = re.sub(r"[^a-z0-9]", "", str(column).lower())
        if any(word in folded for word in _NOT_CODE):
            continue
        # A field named as a code may hold other provinces' codes; elsewhere only known provinces
        # count, so that a measure such as 97.14 (km²) is not taken for a code.
        named_code = folded in _CODE_FIELDS or "kode" in folded or "code" in folded or folded.startswith("kd")
        texts = [_text(v) for v in frame[column]]
        codes = [normalise_code(x) if x is not None else None for x in texts]
        codes = [
            c if c is not None and c.count(".") >= 1 and (named_code or c[:2] in provinces) else None
            for c in codes
        ]
        filled = sum(x is not None for x in texts)
        good = sum(c is not None for c in codes)
        if filled and good / filled >= 0.8:
            found[str(column)] = pd.Series(codes, index=frame.index, dtype=object)
    return found


def _name_column(frame: pd.DataFrame, candidates: Iterable[str]) -> str | None:
    folded = {re.sub(r"[^a-z0-9]", "", str(c).lower()): str(c) for c in frame.columns}
    for name in candidates:
        column = folded.get(name)
        if column is not None and frame[column].notna().any():
            return column
    return None


def _field_order(column: str) -> tuple[int, str]:
    folded = re.sub(r"[^a-z0-9]", "", column.lower())
    return (_CODE_FIELDS.index(folded) if folded in _CODE_FIELDS else len(_CODE_FIELDS), column)


def _recognise(
    frame: gpd.GeoDataFrame, label: str, index: RegionIndex, *, lang: str, repaired: int, notes: list[str]
) -> _Layer:
    """Find each feature's level, code, name and parent from whatever fields the file has."""
    provinces = {c for c in index.names if c.count(".") == 0} | {c[:2] for c in index.names}
    codes = _code_columns(frame, provinces)
    depth_of = {
        column: int(series.dropna().map(lambda c: c.count(".") + 1).mode().iloc[0])
        for column, series in codes.items()
    }
    names = {level: _name_column(frame, fields) for level, fields in _NAME_FIELDS.items()}
    generic = _name_column(frame, _GENERIC_NAME_FIELDS)

    # The feature's own code: the deepest code field (preferred names first at equal depth).
    own_column = None
    if codes:
        own_column = sorted(codes, key=lambda c: (-depth_of[c], *_field_order(c)))[0]
    own = codes[own_column] if own_column else pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if own_column:
        levels = own.map(lambda c: None if c is None else _DEPTH_LEVEL.get(c.count(".") + 1, "provinsi"))
    else:
        named = [level for level in ("desa", "kecamatan", "kabupaten") if names[level]]
        if named:
            layer_level = named[0]
        elif generic and _mostly_regencies(frame[generic], index):
            layer_level = "kabupaten"
        else:
            raise DataProblem(
                t("geo.no_region_field", lang, file=label, columns=_field_list(frame)),
                t("geo.no_region_field_fix", lang),
            )
        levels = pd.Series([layer_level] * len(frame), index=frame.index, dtype=object)
    counted = levels.dropna().value_counts()
    province_rows = int(counted.get("provinsi", 0))
    if province_rows:
        notes.append(t("geo.note.skipped_province", lang, count=province_rows, file=label))
        counted = counted.drop("provinsi")
    if len(counted) > 1:
        parts = ", ".join(f"{int(n)} {t(f'geo.level.{level}', lang)}" for level, n in counted.items())
        raise DataProblem(
            t("geo.mixed_levels", lang, file=label, levels=parts), t("geo.mixed_levels_fix", lang)
        )
    if counted.empty:
        if province_rows:
            raise DataProblem(
                t("geo.nothing_matched", lang, count=len(frame), file=label, example="51"),
                t("geo.nothing_matched_fix", lang),
            )
        # a code field exists but no feature has a usable code at a known level
        raise DataProblem(
            t("geo.no_region_field", lang, file=label, columns=_field_list(frame)),
            t("geo.no_region_field_fix", lang),
        )
    level = str(counted.index[0])
    depth = LEVELS.index(level) + 2
    regency_codes = _parent_codes(codes, depth_of, 2, own_column)
    own_name = names[level] or generic
    regency_name = names["kabupaten"] if level != "kabupaten" else None
    kecamatan_name = names["kecamatan"] if level == "desa" else None

    rows: list[dict[str, object]] = []
    unmatched: list[str] = []
    unnamed = 0
    for position, (row_index, row) in enumerate(frame.iterrows()):
        if levels.loc[row_index] == "provinsi":
            continue
        feature = t("geo.feature", lang, file=label, row=position + 1)
        code = own.loc[row_index]
        name = _text(row[own_name]) if own_name else None
        if level == "kabupaten":
            matched, reason = _match_regency(code, name, index, feature, lang=lang)
            if matched is None:
                unmatched.append(reason)
                continue
            rows.append(
                {
                    "code": matched,
                    "name": index.name(matched),
                    "parent_code": index.parents.get(matched, matched[:2]),
                    "regency_code": matched,
                    "kecamatan_name": None,
                    "geometry": row.geometry,
                }
            )
            continue
        if code is None or code.count(".") + 1 != depth:
            unmatched.append(t("geo.reason.no_code", lang, feature=feature))
            continue
        regency = code[:5] if code[:5] in index.names else None
        if regency is None and regency_codes is not None and regency_codes.loc[row_index] in index.names:
            regency = regency_codes.loc[row_index]
        if regency is None and regency_name is not None:
            regency, _ = _match_regency(None, _text(row[regency_name]), index, feature, lang=lang)
        if regency is None:
            unmatched.append(t("geo.reason.no_parent", lang, feature=feature))
            continue
        if name is None:
            unnamed += 1
            name = code
        parent = regency if level == "kecamatan" else code[:8]
        rows.append(
            {
                "code": code,
                "name": name,
                "parent_code": parent,
                "regency_code": regency,
                "kecamatan_name": _text(row[kecamatan_name]) if kecamatan_name else None,
                "geometry": row.geometry,
            }
        )
    if unnamed:
        notes.append(t("geo.note.name_from_code", lang, count=unnamed, level=t(f"geo.level.{level}", lang)))
    columns = ["code", "name", "parent_code", "regency_code", "kecamatan_name", "geometry"]
    recognised = gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs=4326)
    return _Layer(label, level, recognised, unmatched, repaired, notes, _sources_in(frame))


def _field_list(frame: gpd.GeoDataFrame) -> str:
    return ", ".join(str(c) for c in frame.columns if c != frame.geometry.name) or "-"


def _sources_in(frame: pd.DataFrame) -> list[str]:
    """Return the distinct values of a ``source``/``sumber`` field (at most three), if the file has one."""
    for column in frame.columns:
        if re.sub(r"[^a-z]", "", str(column).lower()) in ("source", "sumber"):
            values = [x for x in dict.fromkeys(_text(v) for v in frame[column]) if x]
            return values[:3]
    return []


def _parent_codes(
    codes: Mapping[str, pd.Series], depth_of: Mapping[str, int], depth: int, own_column: str | None
) -> pd.Series | None:
    columns = [c for c in codes if depth_of[c] == depth and c != own_column]
    return codes[sorted(columns, key=_field_order)[0]] if columns else None


def _mostly_regencies(values: pd.Series, index: RegionIndex) -> bool:
    texts = [x for x in (_text(v) for v in values) if x]
    hits = sum(bool(index.candidates(x, level="kabupaten")) for x in texts)
    return bool(texts) and hits * 2 >= len(texts)


def _match_regency(
    code: str | None, name: str | None, index: RegionIndex, feature: str, *, lang: str
) -> tuple[str | None, str]:
    """Return (regency code or None, reason when None) from a code or a name."""
    if code is not None:
        regency = code[:5]
        if regency in index.names and level_of(regency) == "kabupaten":
            return regency, ""
        return None, t("geo.reason.unknown", lang, feature=feature, value=code)
    if name is None:
        return None, t("geo.reason.no_code", lang, feature=feature)
    try:
        return index.resolve(name, level="kabupaten", lang=lang), ""
    except DataProblem:
        return None, t("geo.reason.unknown", lang, feature=feature, value=f"\u201c{name}\u201d")


# ---------------------------------------------------------------------------------------------
# Putting the levels together


def _assemble(
    layers: Sequence[_Layer],
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
    by_level: dict[str, _Layer] = {}
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
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
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
    """Merge the polygons of ``finer`` into ``level`` (desa -> kecamatan, or -> kabupaten)."""
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
            name = str(known.iloc[0]) if len(known) else str(code)
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
        present = {code[:5] for code in frame["code"]}
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


def _source_of(layers: Sequence[_Layer], files: Sequence[str], *, lang: str) -> str:
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
    try:
        found = frame.estimate_utm_crs()
    except (RuntimeError, ValueError):
        found = None
    return found if found is not None else CRS.from_user_input(_METRIC_FALLBACK)
