"""Check what partners send (tables, ACLED exports, boundaries, indicator values) and store it on request.

The Data page calls these functions: each ``check_*`` reads an uploaded file and returns what
would be stored and what was refused, without touching the store; each ``save_*`` stores a
checked upload in one transaction, after checking that the caller may import data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath

import pandas as pd
from sqlalchemy.engine import Engine

from lib import access, geo, risk, store
from lib.access import Caller
from lib.core.i18n import t
from lib.core.labels import labelled
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES, RegionIndex
from lib.intake import acled, excel, tabular
from lib.intake.rows import ImportResult, validate_rows
from lib.intake.schemas import KINDS, fold_header, header_label
from lib.intake.templates import choices_frame, template_frame

TEMPLATE_KINDS: tuple[str, ...] = (*KINDS, "indicator_values")
INDICATOR_FIELDS: tuple[str, ...] = risk.VALUE_COLUMNS
ENTERED_ORIGIN = "entered"
BUNDLED_ORIGIN = "bundled"
ENCODING_NAMES: Mapping[str, str] = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}
_DELIMITER_KEYS = {",": "comma", ";": "semicolon", "\t": "tab"}


def file_digest(data: bytes) -> str:
    """Return the SHA-256 of an upload: the same file gives the same digest.

    Examples
    --------
    >>> file_digest(b"a")[:12]
    'ca978112ca1b'
    """
    return hashlib.sha256(data).hexdigest()


def _name(filename: str) -> str:
    return PurePath(filename).name or filename


def outcome_text(outcome: store.WriteOutcome, filename: str, lang: str = "id") -> str:
    """Return what a save did, e.g. "Saved from x.csv: 0 added, 3 unchanged, ..."."""
    return t(
        "datapage.outcome",
        lang,
        file=_name(filename),
        added=outcome.added,
        updated=outcome.updated,
        unchanged=outcome.unchanged,
        protected=outcome.protected,
    )


# ------------------------------------------------------------------------------ partner tables


@dataclass(frozen=True)
class TableCheck:
    """A partner's table (events, institutions or links), read and checked, not stored yet."""

    kind: str
    filename: str
    digest: str
    read: Mapping[str, object]
    """How the file was read (``read_table``'s attrs: format, encoding, delimiter, sheet, header_row)."""
    result: ImportResult

    @property
    def origin(self) -> str:
        """Return the origin stored with each row: ``import:<file name>``."""
        return f"import:{self.filename}"


def check_table(
    data: bytes,
    filename: str,
    kind: str,
    *,
    index: RegionIndex,
    known_ids: Collection[str] | None = None,
    lang: str = "id",
    today: dt.date | None = None,
    max_bytes: int = tabular.MAX_BYTES,
) -> TableCheck:
    """Read an uploaded CSV/.xlsx of ``kind`` and check every row; nothing is stored.

    Raises
    ------
    DataProblem
        If the file cannot be read as a table (too large, empty, not CSV/Excel, damaged,
        a ZIP bomb) or lacks a required column.
    """
    name = _name(filename)
    frame = tabular.read_table(data, name, max_bytes=max_bytes, lang=lang)
    result = validate_rows(
        frame,
        kind,
        index=index,
        lang=lang,
        origin=f"import:{name}",
        today=today,
        known_ids=known_ids if kind == "links" else None,
    )
    return TableCheck(kind, name, file_digest(data), dict(frame.attrs), _formula_noted(result, frame, lang))


def _formula_noted(result: ImportResult, frame: pd.DataFrame, lang: str) -> ImportResult:
    """Return ``result`` with each refused cell that held a formula without a stored value saying so."""
    formulas = set(frame.attrs.get("formula_cells") or [])
    if not formulas:
        return result
    note = t("import.formula.cell", lang)
    problems = [
        dataclasses.replace(p, expected=f"{p.expected} {note}") if (p.row, p.column) in formulas else p
        for p in result.problems
    ]
    return dataclasses.replace(result, problems=problems)


def describe_read(read: Mapping[str, object], lang: str = "id") -> str:
    """Return how a file was read, e.g. "x.csv: read as CSV, encoding Windows-1252, delimiter ; ..."."""
    header = read.get("header_row", 1)
    if read.get("format") == "xlsx":
        text = t(
            "datapage.read.xlsx",
            lang,
            file=read.get("filename", ""),
            sheet=read.get("sheet", ""),
            header=header,
        )
        formulas = list(read.get("formula_cells") or [])  # type: ignore[call-overload]
        if formulas:
            cells = ", ".join(
                f"{column} {t('import.problems.row', lang).lower()} {row}" for row, column in formulas[:5]
            )
            text += " " + t("import.formula.read", lang, n=len(formulas), cells=cells)
        return text
    encoding = str(read.get("encoding", ""))
    delimiter = str(read.get("delimiter", ","))
    return t(
        "datapage.read.csv",
        lang,
        file=read.get("filename", ""),
        encoding=ENCODING_NAMES.get(encoding, encoding),
        delimiter=t(f"datapage.delimiter.{_DELIMITER_KEYS.get(delimiter, 'comma')}", lang),
        header=header,
    )


def good_preview(
    result: ImportResult, lang: str = "id", *, region_names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Return the rows that will be stored, under the template's headers, with their file row number.

    Codes read as the user's words (:func:`lib.core.labels.labelled`): "Politik uang", not
    ``money_politics``; a region shows its name when ``region_names`` is given.
    """
    shown = [c for c in result.good.columns if c not in ("origin", "date_precision")]
    frame = labelled(result.good[shown], lang, region_names=region_names)
    frame = frame.rename(columns={c: header_label(result.kind, c, lang) for c in shown})
    frame.insert(0, t("datapage.col.row", lang), pd.array(list(result.good.index), dtype="Int64"))
    return frame.reset_index(drop=True)


def _nothing(filename: str, lang: str) -> DataProblem:
    return DataProblem(
        t("datapage.nothing_to_save", lang, file=filename), t("datapage.nothing_to_save_fix", lang)
    )


def save_table(engine: Engine, check: TableCheck, caller: Caller, *, lang: str = "id") -> store.WriteOutcome:
    """Store the good rows of a checked table in one transaction; the refused rows are left out.

    Raises
    ------
    DataProblem
        If the caller may not import data, the file has no good row, or (links) an end is
        not a stored institution.
    """
    access.require(caller, "data.import", lang=lang)
    good = check.result.good
    if good.empty:
        raise _nothing(check.filename, lang)
    if check.kind == "events":
        return store.save_events(engine, good, actor=caller.who)
    if check.kind == "stakeholders":
        return store.save_stakeholders(engine, good, origin=check.origin)
    if check.kind == "links":
        return store.save_links(engine, good, origin=check.origin)
    raise ValueError(f"kind must be one of {KINDS}, got {check.kind!r}.")


def stakeholder_ids(engine: Engine, ceiling: str) -> set[str]:
    """Return the ids of the stored institutions the caller may see (the ends links may name)."""
    return {str(i) for i in store.read_stakeholders(engine, ceiling=ceiling)["id"]}


# ------------------------------------------------------------------------------ ACLED


@dataclass(frozen=True)
class AcledCheck:
    """An ACLED export, read and mapped to Bali events, not stored yet."""

    filename: str
    digest: str
    imported: acled.AcledImport


def regency_polygons(boundaries: geo.Boundaries | None) -> pd.DataFrame | None:
    """Return the exact regency polygons of loaded boundaries (for placing ACLED points), or None."""
    if boundaries is None or "kabupaten" not in boundaries.exact:
        return None
    return boundaries.exact["kabupaten"]


def check_acled(
    data: bytes,
    filename: str,
    *,
    index: RegionIndex,
    today: dt.date,
    seats: Mapping[str, tuple[float, float]] | None,
    boundaries: geo.Boundaries | None = None,
    lang: str = "id",
    max_bytes: int = tabular.MAX_BYTES,
) -> AcledCheck:
    """Read an ACLED export (CSV/.xlsx) and map its Bali rows to events; nothing is stored.

    The file first goes through :func:`lib.tabular.read_table`, which refuses oversized,
    empty, damaged or non-table files (and ZIP bombs) before the ACLED reader parses it.

    Raises
    ------
    DataProblem
        If the file is not a readable table or lacks ACLED columns.
    """
    name = _name(filename)
    tabular.read_table(data, name, max_bytes=max_bytes, lang=lang)
    imported = acled.read_acled(
        data,
        name,
        index=index,
        today=today,
        seats=seats,
        boundaries=regency_polygons(boundaries),
        lang=lang,
    )
    return AcledCheck(name, file_digest(data), imported)


def acled_preview(
    imported: acled.AcledImport, lang: str = "id", *, region_names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Return the Bali events to be stored under the event template's headers, codes as labels."""
    fields = ("id", "date", "region_code", "location", "category", "severity", "fatalities", "description")
    events = labelled(imported.events[list(fields)], lang, region_names=region_names)
    return events.rename(columns={c: header_label("events", c, lang) for c in fields})


def save_acled(engine: Engine, check: AcledCheck, caller: Caller, *, lang: str = "id") -> store.WriteOutcome:
    """Store the Bali events of a checked ACLED export; a re-import updates the same ids.

    Raises
    ------
    DataProblem
        If the caller may not import data or the export holds no Bali event.
    """
    access.require(caller, "data.import", lang=lang)
    if check.imported.events.empty:
        raise _nothing(check.filename, lang)
    return store.save_events(engine, check.imported.events, actor=caller.who)


# ------------------------------------------------------------------------------ boundaries


@dataclass(frozen=True)
class BoundaryCheck:
    """An uploaded boundary file, read and matched to regions, not saved yet."""

    filename: str
    digest: str
    imported: geo.BoundaryImport


def check_boundaries(
    data: bytes, filename: str, *, index: RegionIndex, lang: str = "id", max_bytes: int = geo.MAX_BYTES
) -> BoundaryCheck:
    """Read an uploaded GeoJSON/GeoPackage/zipped shapefile and recognise its regions; nothing is saved.

    Raises
    ------
    DataProblem
        For any file that cannot be used (see :func:`lib.geo.load_boundaries`).
    """
    name = _name(filename)
    imported = geo.load_boundaries(data, filename=name, index=index, lang=lang, max_bytes=max_bytes)
    return BoundaryCheck(name, file_digest(data), imported)


def level_names(boundaries: geo.Boundaries, lang: str = "id") -> str:
    """Return the levels of boundaries as text, e.g. "kabupaten/kota: 9, kecamatan: 57"."""
    return ", ".join(
        f"{t(f'datapage.bnd.level.{level}', lang)}: {len(boundaries.exact[level])}"
        for level in boundaries.levels
    )


def boundary_levels(imported: geo.BoundaryImport, index: RegionIndex, lang: str = "id") -> pd.DataFrame:
    """Return one row per level: its name, how many regions, their area and the regencies missing."""
    boundaries = imported.boundaries
    rows = []
    for level in boundaries.levels:
        frame = boundaries.exact[level]
        missing = imported.missing.get(level, ())
        area = pd.to_numeric(frame["area_km2"], errors="coerce").sum()
        rows.append(
            {
                t("datapage.bnd.col.level", lang): t(f"datapage.bnd.level.{level}", lang),
                t("datapage.bnd.col.count", lang): len(frame),
                t("datapage.bnd.col.area", lang): round(float(area), 1),
                t("datapage.bnd.col.missing", lang): ", ".join(index.name(c) for c in missing),
            }
        )
    return pd.DataFrame(rows)


def boundary_counts(imported: geo.BoundaryImport) -> dict[str, int]:
    """Return how many features were repaired, unmatched, duplicated, and regions missing."""
    return {
        "repaired": int(imported.repaired),
        "unmatched": len(imported.unmatched),
        "duplicates": len(imported.duplicates),
        "missing": sum(len(codes) for codes in imported.missing.values()),
    }


def save_checked_boundaries(
    check: BoundaryCheck,
    data_dir: Path,
    caller: Caller,
    *,
    source_text: str,
    licence_text: str,
    lang: str = "id",
) -> Path:
    """Save checked boundaries with their source and licence, replacing the saved ones; return the file.

    Raises
    ------
    DataProblem
        If the caller may not import data or the source or licence is empty.
    """
    access.require(caller, "data.import", lang=lang)
    source, licence = source_text.strip(), licence_text.strip()
    if not source or not licence:
        raise DataProblem(t("datapage.bnd.missing_texts", lang), t("datapage.bnd.missing_texts_fix", lang))
    return geo.save_boundaries(check.imported.boundaries, data_dir, source_text=source, licence_text=licence)


def active_boundaries(data_dir: Path, boundaries_dir: Path | None) -> str:
    """Return where the map's boundaries come from: "saved" (an upload), "folder" or "none"."""
    if (data_dir / "boundaries" / geo.SAVED_FILE).is_file():
        return "saved"
    if boundaries_dir is not None:
        return "folder"
    return "none"


# ------------------------------------------------------------------------------ indicator values


def entered_definitions(definitions: pd.DataFrame) -> pd.DataFrame:
    """Return the indicators whose values are entered (not derived by the app)."""
    derived = definitions["derived"].astype(str).str.lower().isin(("true", "1", "yes"))
    return definitions[~derived]


def indicator_header(field: str, lang: str = "id") -> str:
    """Return the template header of an indicator-value field ("Kabupaten/Kota", "Nilai", ...)."""
    return t(f"datapage.ind.col.{field}", lang)


def indicator_headers(lang: str = "id") -> dict[str, str]:
    """Return the header of every indicator-value column (and ``origin``) in ``lang``."""
    return {f: indicator_header(f, lang) for f in (*INDICATOR_FIELDS, "origin")}


def indicator_labels(definitions: pd.DataFrame, lang: str = "id") -> dict[str, str]:
    """Return indicator key -> its label in ``lang``, from :func:`entered_definitions`."""
    label = "label_id" if lang == "id" else "label_en"
    return dict(zip(definitions["key"], definitions[label], strict=True))


def _indicator_aliases() -> dict[str, str]:
    """Return folded header -> field, from the field names and the template headers in every language."""
    aliases: dict[str, str] = {}
    for field in INDICATOR_FIELDS:
        aliases[fold_header(field)] = field
        for lang in ("id", "en"):
            aliases[fold_header(indicator_header(field, lang))] = field
    aliases.update({"kabupaten": "region_code", "kabkota": "region_code", "region": "region_code"})
    aliases.update({"kunci": "key", "indicatorkey": "key", "tahundata": "year", "keterangan": "note"})
    return aliases


def _problem_frame(
    problems: pd.DataFrame, rows: list[int], columns: Mapping[str, str], lang: str
) -> pd.DataFrame:
    """Return risk's problems with row numbers as the person sees them and headers in ``lang``."""
    return pd.DataFrame(
        {
            t("import.problems.row", lang): pd.array(
                [rows[int(r) - 2] for r in problems["row"]], dtype="Int64"
            ),
            t("import.problems.column", lang): pd.array(
                [columns.get(str(c), str(c)) for c in problems["column"]], dtype="string"
            ),
            t("datapage.ind.col.what", lang): pd.array([str(w) for w in problems["what"]], dtype="string"),
            t("datapage.ind.col.fix", lang): pd.array([str(f) for f in problems["fix"]], dtype="string"),
        }
    )


@dataclass(frozen=True)
class IndicatorCheck:
    """Indicator values from a file or the editor, checked, not stored yet."""

    filename: str
    digest: str
    good: pd.DataFrame
    """Rows in :data:`lib.risk.VALUE_COLUMNS`, region codes resolved."""
    problems: pd.DataFrame
    """Row, column, problem, how to fix (headers in the user's language)."""


def check_indicator_file(
    data: bytes,
    filename: str,
    *,
    definitions: pd.DataFrame,
    index: RegionIndex,
    lang: str = "id",
    max_bytes: int = tabular.MAX_BYTES,
) -> IndicatorCheck:
    """Read an uploaded table of indicator values (template headers in either language) and check it.

    Raises
    ------
    DataProblem
        If the file is not a readable table or lacks a required column.
    """
    name = _name(filename)
    frame = tabular.read_table(data, name, max_bytes=max_bytes, lang=lang)
    aliases = _indicator_aliases()
    found: dict[str, str] = {}
    for header in frame.columns:
        field = aliases.get(fold_header(header))
        if field is not None and field not in found:
            found[field] = str(header)
    missing = [f for f in INDICATOR_FIELDS if f != "note" and f not in found]
    if missing:
        raise DataProblem(
            t(
                "datapage.ind.missing_columns",
                lang,
                file=name,
                columns=", ".join(indicator_header(f, lang) for f in missing),
            ),
            t("datapage.ind.missing_columns_fix", lang),
        )
    values = pd.DataFrame({field: frame[header].to_numpy() for field, header in found.items()})
    good, problems = risk.validate_indicator_values(values, definitions, index, lang)
    rows = [int(r) for r in frame.index]
    return IndicatorCheck(name, file_digest(data), good, _problem_frame(problems, rows, found, lang))


def check_indicator_edits(
    edited: pd.DataFrame, *, definitions: pd.DataFrame, index: RegionIndex, lang: str = "id"
) -> IndicatorCheck:
    """Check the editable table of indicator values; problem rows are the editor's row numbers (1, 2, ...)."""
    values = edited.reindex(columns=list(INDICATOR_FIELDS)).reset_index(drop=True)
    good, problems = risk.validate_indicator_values(values, definitions, index, lang)
    rows = list(range(1, len(values) + 1))
    columns = {f: indicator_header(f, lang) for f in INDICATOR_FIELDS}
    return IndicatorCheck("", "", good, _problem_frame(problems, rows, columns, lang))


def split_indicator_values(stored: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the stored values as (bundled, editable): the editable ones indexed 1, 2, ... for the editor."""
    bundled = stored[stored["origin"] == BUNDLED_ORIGIN].reset_index(drop=True)
    mine = stored[stored["origin"] != BUNDLED_ORIGIN].reset_index(drop=True)
    editable = pd.DataFrame(
        {
            "region_code": mine["region_code"].astype("string"),
            "key": mine["key"].astype("string"),
            "value": pd.to_numeric(mine["value"]).astype("Float64"),
            "year": pd.to_numeric(mine["year"]).astype("Int64"),
            "source": mine["source"].astype("string"),
            "note": mine["note"].astype("string"),
        }
    )
    editable.index = pd.RangeIndex(1, len(editable) + 1)
    return bundled, editable


def _same_value(a: object, b: object) -> bool:
    """Return True when two stored cells hold the same value (numpy scalars as Python, missing alike)."""
    a, b = (_python(a), _python(b))
    if (
        a is None
        or b is None
        or (isinstance(a, float) and math.isnan(a))
        or (isinstance(b, float) and math.isnan(b))
    ):
        return (a is None or pd.isna(a)) and (b is None or pd.isna(b))  # type: ignore[arg-type]
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    return str(a) == str(b)


def _python(value: object) -> object:
    """Return a numpy scalar as its Python value and ``pd.NA`` as None."""
    if value is pd.NA:
        return None
    return value.item() if hasattr(value, "item") and not isinstance(value, str | bytes) else value


def with_origins(good: pd.DataFrame, stored: pd.DataFrame, *, origin: str) -> pd.DataFrame:
    """Return ``good`` with an ``origin``: a row identical to a stored one keeps the stored origin.

    So saving the editor does not relabel unchanged imported rows as entered by hand.
    """
    known = {
        (str(r.region_code), str(r.key), int(r.year)): r
        for r in stored.itertuples(index=False)
        if pd.notna(r.year)
    }
    origins = []
    for row in good.itertuples(index=False):
        old = known.get((str(row.region_code), str(row.key), int(row.year)))
        same = old is not None and all(
            _same_value(getattr(old, f), getattr(row, f)) for f in ("value", "source", "note")
        )
        origins.append(str(old.origin) if same and old is not None else origin)
    return good.assign(origin=pd.array(origins, dtype="string"))


def save_indicator_values(
    engine: Engine, good: pd.DataFrame, caller: Caller, *, origin: str, lang: str = "id"
) -> store.WriteOutcome:
    """Store checked indicator values in one transaction (bundled values are never overwritten).

    ``good`` may carry its own ``origin`` column (see :func:`with_origins`); else ``origin``.

    Raises
    ------
    DataProblem
        If the caller may not import data.
    """
    access.require(caller, "data.import", lang=lang)
    frame = good if "origin" in good.columns else good.assign(origin=origin)
    return store.upsert(engine, store.indicator_values, frame)


def indicator_template(lang: str = "id") -> pd.DataFrame:
    """Return the empty indicator-values template (headers only: an example value would be invented)."""
    return pd.DataFrame({indicator_header(f, lang): pd.array([], dtype="string") for f in INDICATOR_FIELDS})


def indicator_choices(definitions: pd.DataFrame, regions: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Return the accepted indicators (key, name, unit, range) and regions, as the template's second sheet."""
    entered = entered_definitions(definitions)
    label = "label_id" if lang == "id" else "label_en"
    rows: list[dict[str, str]] = []
    for row in entered.itertuples(index=False):
        low, high = risk.UNIT_RANGES[str(row.unit)]
        top = "\u221e" if math.isinf(high) else f"{high:g}"
        rows.append(
            {
                "column": indicator_header("key", lang),
                "value": str(row.key),
                "label": str(getattr(row, label)),
                "unit": t(f"risk.unit.{row.unit}", lang),
                "range": f"{low:g} \u2013 {top}",
            }
        )
    names = regions.set_index("code")["name"]
    for code in REGENCY_CODES:
        if code in names.index:
            rows.append(
                {
                    "column": indicator_header("region_code", lang),
                    "value": code,
                    "label": str(names[code]),
                    "unit": "",
                    "range": "",
                }
            )
    headers = {
        "column": t("import.problems.column", lang),
        "value": t("import.choices.value", lang),
        "label": t("datapage.ind.col.label", lang),
        "unit": t("datapage.ind.col.unit", lang),
        "range": t("datapage.ind.col.range", lang),
    }
    frame = pd.DataFrame(rows, columns=list(headers))
    return frame.astype("string").rename(columns=headers)


# ------------------------------------------------------------------------------ downloads


def template_workbook(
    kind: str,
    lang: str = "id",
    *,
    definitions: pd.DataFrame | None = None,
    regions: pd.DataFrame | None = None,
) -> bytes:
    """Return the .xlsx template for ``kind``: a sheet to fill in and a sheet of accepted values.

    ``definitions`` and ``regions`` are needed for ``kind="indicator_values"``.
    """
    if kind == "indicator_values":
        if definitions is None or regions is None:
            raise ValueError("the indicator template needs definitions and regions.")
        template, choices = indicator_template(lang), indicator_choices(definitions, regions, lang)
    else:
        template, choices = template_frame(kind, lang), choices_frame(kind, lang)
    return excel.to_xlsx_bytes(
        {t("datapage.sheet.template", lang): template, t("datapage.sheet.choices", lang): choices}
    )


def template_filename(kind: str, lang: str = "id") -> str:
    """Return the template's file name, e.g. ``sinergi-templat-events.xlsx``."""
    word = "templat" if lang == "id" else "template"
    return f"sinergi-{word}-{kind.replace('_', '-')}.xlsx"
