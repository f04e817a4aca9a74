"""Boundary files on disk or uploaded: formats, size limits, safe unzipping, shapefile sidecars, layers."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pyogrio

from lib.core import formats
from lib.core.i18n import t
from lib.core.problems import DataProblem

MAX_BYTES = 200_000_000

_SUFFIXES = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".shp": "shp", ".zip": "zip"}
_SHP_SIDECARS = (".shx", ".dbf", ".prj", ".cpg")
_ZIP_MAX_MEMBERS = 2_000
_ZIP_MAX_RATIO = 100  # uncompressed / compressed; real boundary files compress 2-10x
_ZIP_RATIO_MIN_SIZE = 1_000_000  # small members may compress a lot without harm


@dataclass
class Part:
    """One file, or one layer of a GeoPackage, to read."""

    label: str
    """How the report names it: the file name, ``zip/member`` or ``file:layer``."""
    path: Path
    layer: str | None = None


def collect_parts(
    source: Path | bytes, label: str, tmp: Path, *, lang: str, max_bytes: int
) -> tuple[list[Part], list[str], list[str]]:
    """Return the parts (file, layer) to read, notes on skipped files, and the skipped names.

    Parameters
    ----------
    source
        A file, a folder of files, or the bytes of an uploaded file.
    label
        How reports name ``source`` (the uploaded file's name tells its format).
    tmp
        An empty folder for uploaded bytes and unzipped members; it must outlive the parts.
    max_bytes
        Largest file (or unzipped content) accepted.

    Raises
    ------
    DataProblem
        For a file that is empty, too large, of an unknown format, a damaged ZIP or a ZIP bomb,
        a shapefile without .prj, or a folder with no boundary file.
    """
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
) -> tuple[list[Part], list[str], list[str]]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES)
    chosen, notes, skipped = _prefer_light(files, lang=lang)
    if not chosen:
        raise DataProblem(t("geo.no_files", lang, file=folder.name), t("geo.no_files_fix", lang))
    total = sum(p.stat().st_size for p in chosen)
    _check_size(total, folder.name, lang=lang, max_bytes=max_bytes)
    parts: list[Part] = []
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
            t(
                "geo.too_large",
                lang,
                file=label,
                size_mb=formats.megabytes(size, lang),
                limit_mb=formats.megabytes(max_bytes, lang),
            ),
            t("geo.too_large_fix", lang),
        )


def _check_sidecars(shp: Path, label: str, *, lang: str) -> None:
    siblings = {p.name.lower() for p in shp.parent.iterdir()}
    if f"{shp.stem.lower()}.prj" not in siblings:
        raise DataProblem(t("geo.missing_prj", lang, file=label), t("geo.missing_prj_fix", lang))


def _layers_of(path: Path, label: str, kind: str, *, lang: str) -> list[Part]:
    if kind != "gpkg":
        return [Part(label, path)]
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
        return [Part(label, path, spatial[0])]
    return [Part(f"{label}:{name}", path, name) for name in spatial]


def _unzip(
    data: bytes, label: str, tmp: Path, *, lang: str, max_bytes: int
) -> tuple[list[Part], list[str], list[str]]:
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
                size_mb=formats.megabytes(sum(i.file_size for i in infos), lang),
                member=len(infos),
            ),
            t("geo.zip_bomb_fix", lang),
        )
    total = sum(info.file_size for info in infos)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _ZIP_RATIO_MIN_SIZE and ratio > _ZIP_MAX_RATIO:
            raise DataProblem(
                t(
                    "geo.zip_bomb",
                    lang,
                    file=label,
                    size_mb=formats.megabytes(total, lang),
                    member=info.filename,
                ),
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
    parts: list[Part] = []
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
                    t(
                        "geo.zip_bomb",
                        lang,
                        file=label,
                        size_mb=formats.megabytes(max_bytes, lang),
                        member=info.filename,
                    ),
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


def attribution(folder: Path) -> str:
    """Return the licence text a folder's ``SOURCE.md`` suggests ("Suggested attribution: "…""), or ""."""
    path = folder / "SOURCE.md"
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8", errors="replace")
    found = re.search(r"Suggested attribution:\**\s*[\"“]([^\"”]+)[\"”]", text)
    return found.group(1).strip() if found else ""


def read_part(part: Part, *, lang: str) -> gpd.GeoDataFrame:
    """Read one file or layer as it is (any CRS, geometry unchecked).

    Raises
    ------
    DataProblem
        If GDAL cannot read it, or it has no features.
    """
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
    return frame
