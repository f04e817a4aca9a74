"""Which region each feature of a boundary file is: its level, code, name and regency."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import RegionIndex, normalise_code, regency_of
from lib.core.wilayah import bundled_wilayah, title_case

LEVELS: tuple[str, ...] = ("kabupaten", "kecamatan", "desa")

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


@dataclass
class Layer:
    """The recognised features of one file or layer, before levels are merged."""

    label: str
    level: str
    frame: gpd.GeoDataFrame  # code, name, parent_code, regency_code, kecamatan_name, geometry
    unmatched: list[str]
    repaired: int
    notes: list[str]
    sources: list[str]


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


def _code_columns(
    frame: pd.DataFrame, provinces: set[str], bps_columns: list[str] | None = None
) -> dict[str, pd.Series]:
    """Return the fields whose values read as Kemendagri codes, each as a Series of dotted codes.

    A field of BPS codes (5108020001) is translated to Kemendagri codes through the bundled list
    and its name appended to ``bps_columns``.
    """
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
        # BPS numbering (5108020001) differs from Kemendagri's below regency level: translate it.
        translated = bundled_wilayah().from_bps(texts)
        if translated is not None and bps_columns is not None:
            bps_columns.append(str(column))
        codes = translated or [normalise_code(x) if x is not None else None for x in texts]
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


@dataclass(frozen=True)
class _Fields:
    """The fields of one layer that tell which region each feature is."""

    codes: dict[str, pd.Series]
    """Fields whose values read as Kemendagri codes, as Series of dotted codes."""
    depth_of: dict[str, int]
    """Usual number of code parts in each code field (2 = kabupaten … 4 = desa)."""
    names: dict[str, str | None]
    """The name field of each level, None where the file has none."""
    generic: str | None
    """A name field that names no level ("name", "nama")."""
    own_column: str | None
    """The code field of the features themselves: the deepest, preferred names first."""
    own: pd.Series
    """The features' own codes (None where missing)."""
    bps_columns: tuple[str, ...] = ()
    """Code fields that hold BPS codes, read as the Kemendagri codes they stand for."""


def recognise(
    frame: gpd.GeoDataFrame, label: str, index: RegionIndex, *, lang: str, repaired: int, notes: list[str]
) -> Layer:
    """Find each feature's level, code, name and parent from whatever fields the file has.

    Parameters
    ----------
    frame
        One file or layer with polygon geometry in EPSG:4326. Not modified.
    label
        How notes and reasons name the file.
    index
        Known regions; regencies are matched against it.
    repaired
        Polygons already repaired in ``frame``, kept in the result.
    notes
        Notes so far; province rows skipped, BPS codes translated and names taken from the
        bundled list or from codes are appended.

    Raises
    ------
    DataProblem
        If no field names a region, the features are at more than one level, or only the
        province is there.
    """
    fields = _find_fields(frame, index)
    notes += [t("wilayah.geo.bps_codes", lang, column=c, file=label) for c in fields.bps_columns]
    levels = _feature_levels(frame, fields, index, label, lang=lang)
    level = _layer_level(levels, frame, label, lang=lang, notes=notes)
    depth = LEVELS.index(level) + 2
    regency_codes = _parent_codes(fields.codes, fields.depth_of, 2, fields.own_column)
    own_name = fields.names[level] or fields.generic
    regency_name = fields.names["kabupaten"] if level != "kabupaten" else None
    kecamatan_name = fields.names["kecamatan"] if level == "desa" else None

    rows: list[dict[str, object]] = []
    unmatched: list[str] = []
    unnamed = listed = 0
    for position, (row_index, row) in enumerate(frame.iterrows()):
        if levels.loc[row_index] == "provinsi":
            continue
        feature = t("geo.feature", lang, file=label, row=position + 1)
        code = fields.own.loc[row_index]
        name = _text(row[own_name]) if own_name else None
        if level == "kabupaten":
            found, reason = _regency_row(code, name, row.geometry, index, feature, lang=lang)
        else:
            found, reason = _finer_row(
                code,
                name,
                row.geometry,
                level=level,
                depth=depth,
                listed_regency=regency_codes.loc[row_index] if regency_codes is not None else None,
                regency_name=_text(row[regency_name]) if regency_name else None,
                kecamatan_name=_text(row[kecamatan_name]) if kecamatan_name else None,
                index=index,
                feature=feature,
                lang=lang,
            )
        if found is None:
            unmatched.append(reason)
            continue
        if found["name"] is None:
            found["name"] = bundled_wilayah().name(str(found["code"]))
            listed += found["name"] is not None
        if found["name"] is None:
            unnamed += 1
            found["name"] = code
        rows.append(found)
    shown = t(f"geo.level.{level}", lang)
    if listed:
        notes.append(t("wilayah.geo.names_from_list", lang, count=listed, level=shown))
    if unnamed:
        notes.append(t("geo.note.name_from_code", lang, count=unnamed, level=shown))
    columns = ["code", "name", "parent_code", "regency_code", "kecamatan_name", "geometry"]
    recognised = gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs=4326)
    return Layer(label, level, recognised, unmatched, repaired, notes, _sources_in(frame))


def _find_fields(frame: gpd.GeoDataFrame, index: RegionIndex) -> _Fields:
    """Return the code and name fields of ``frame`` and the features' own codes."""
    provinces = {c for c in index.names if c.count(".") == 0} | {c[:2] for c in index.names}
    bps_columns: list[str] = []
    codes = _code_columns(frame, provinces, bps_columns)
    depth_of = {
        column: int(series.dropna().map(lambda c: c.count(".") + 1).mode().iloc[0])
        for column, series in codes.items()
    }
    own_column = sorted(codes, key=lambda c: (-depth_of[c], *_field_order(c)))[0] if codes else None
    own = codes[own_column] if own_column else pd.Series([None] * len(frame), index=frame.index, dtype=object)
    return _Fields(
        codes=codes,
        depth_of=depth_of,
        names={level: _name_column(frame, fields) for level, fields in _NAME_FIELDS.items()},
        generic=_name_column(frame, _GENERIC_NAME_FIELDS),
        own_column=own_column,
        own=own,
        bps_columns=tuple(c for c in bps_columns if c in codes),
    )


def _feature_levels(
    frame: gpd.GeoDataFrame, fields: _Fields, index: RegionIndex, label: str, *, lang: str
) -> pd.Series:
    """Return each feature's level: from its own code, else the finest level a name field names.

    Raises
    ------
    DataProblem
        If the file has neither a code field nor a name field for a region.
    """
    if fields.own_column:
        return fields.own.map(lambda c: None if c is None else _DEPTH_LEVEL.get(c.count(".") + 1, "provinsi"))
    named = [level for level in ("desa", "kecamatan", "kabupaten") if fields.names[level]]
    if named:
        layer_level = named[0]
    elif fields.generic and _mostly_regencies(frame[fields.generic], index):
        layer_level = "kabupaten"
    else:
        raise DataProblem(
            t("geo.no_region_field", lang, file=label, columns=_field_list(frame)),
            t("geo.no_region_field_fix", lang),
        )
    return pd.Series([layer_level] * len(frame), index=frame.index, dtype=object)


def _layer_level(
    levels: pd.Series, frame: gpd.GeoDataFrame, label: str, *, lang: str, notes: list[str]
) -> str:
    """Return the one level of the layer's features, noting the province rows it skips.

    Raises
    ------
    DataProblem
        If the features are at more than one level, or none is at a known level below the province.
    """
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
    if counted.empty and province_rows:
        raise DataProblem(
            t("geo.nothing_matched", lang, count=len(frame), file=label, example="51"),
            t("geo.nothing_matched_fix", lang),
        )
    if counted.empty:  # a code field exists but no feature has a usable code at a known level
        raise DataProblem(
            t("geo.no_region_field", lang, file=label, columns=_field_list(frame)),
            t("geo.no_region_field_fix", lang),
        )
    return str(counted.index[0])


def _regency_row(
    code: str | None, name: str | None, geometry: object, index: RegionIndex, feature: str, *, lang: str
) -> tuple[dict[str, object] | None, str]:
    """Return a regency feature's row, or None and the reason it matched no regency."""
    matched, reason = _match_regency(code, name, index, feature, lang=lang)
    if matched is None:
        return None, reason
    row = {
        "code": matched,
        "name": index.name(matched),
        "parent_code": index.parents.get(matched, matched[:2]),
        "regency_code": matched,
        "kecamatan_name": None,
        "geometry": geometry,
    }
    return row, ""


def _finer_row(
    code: str | None,
    name: str | None,
    geometry: object,
    *,
    level: str,
    depth: int,
    listed_regency: str | None,
    regency_name: str | None,
    kecamatan_name: str | None,
    index: RegionIndex,
    feature: str,
    lang: str,
) -> tuple[dict[str, object] | None, str]:
    """Return a kecamatan or desa feature's row, or None and the reason it has no code or regency.

    The regency is the one the code lies in when the index knows it, else the one a regency
    code field lists, else the one a regency name field names. The row's name is None when
    the feature has none; names written in capitals ("PANGKUNG PARUK") are put in title case.
    """
    if code is None or code.count(".") + 1 != depth:
        return None, t("geo.reason.no_code", lang, feature=feature)
    regency = regency_of(code) if regency_of(code) in index.names else None
    if regency is None and listed_regency in index.names:
        regency = listed_regency
    if regency is None and regency_name is not None:
        regency, _ = _match_regency(None, regency_name, index, feature, lang=lang)
    if regency is None:
        return None, t("geo.reason.no_parent", lang, feature=feature)
    row = {
        "code": code,
        "name": None if name is None else title_case(name),
        "parent_code": regency if level == "kecamatan" else code[:8],
        "regency_code": regency,
        "kecamatan_name": None if kecamatan_name is None else title_case(kecamatan_name),
        "geometry": geometry,
    }
    return row, ""


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
        regency = regency_of(code)
        if regency is not None and regency in index.names:
            return regency, ""
        return None, t("geo.reason.unknown", lang, feature=feature, value=code)
    if name is None:
        return None, t("geo.reason.no_code", lang, feature=feature)
    try:
        return index.resolve(name, level="kabupaten", lang=lang), ""
    except DataProblem:
        return None, t("geo.reason.unknown", lang, feature=feature, value=f"\u201c{name}\u201d")
