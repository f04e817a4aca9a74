"""Check the rows of a partner's table (events, stakeholders, links): which to keep, which to refuse."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from lib.core import clock
from lib.core.dates import ParsedDate, format_date, parse_date
from lib.core.i18n import LANGUAGES, t
from lib.core.problems import DataProblem
from lib.core.regions import RegionIndex
from lib.core.vocab import CATEGORIES, CLASSIFICATIONS, CONFIDENCES, LEVELS, LINK_KINDS, TYPES
from lib.core.wilayah import PLACE_LEVELS, PlaceMatch, bundled_wilayah
from lib.intake.problems import RowProblem
from lib.intake.schemas import (
    CATEGORY_WORDS,
    CLASSIFICATION_WORDS,
    CONFIDENCE_WORDS,
    DEFAULT_CLASSIFICATION,
    FALSE_WORDS,
    ID_PATTERN,
    LAT_RANGE,
    LEVEL_WORDS,
    LINK_KIND_WORDS,
    LON_RANGE,
    PHASE_WORDS,
    PHASES,
    STRENGTH_RANGE,
    TRUE_WORDS,
    TYPE_WORDS,
    choice_labels,
    header_label,
    map_headers,
    schema_for,
    value_key,
)

_EMPTY_MARKS = frozenset({"-", "\u2013", "\u2014", "--", "n/a", "na", "#n/a"})
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ImportResult:
    """What :func:`validate_rows` found: the rows to keep and the rows refused."""

    kind: str
    good: pd.DataFrame
    """Checked rows in the kind's target columns, typed, indexed by file row number."""
    problems: list[RowProblem]
    """Every refused cell; a row with any problem is left out of ``good``."""
    missing_columns: list[str] = field(default_factory=list)
    """Optional target fields the file has no column for (left empty)."""
    unknown_columns: list[str] = field(default_factory=list)
    """The file's headers that were ignored."""
    duplicates_in_file: int = 0
    """Rows that repeat an earlier row (text compared ignoring case and spacing); kept once."""
    duplicate_rows: dict[int, int] = field(default_factory=dict)
    """Row number of each repeated row -> the row kept."""
    column_map: dict[str, str] = field(default_factory=dict)
    """Target field -> the file's header it was read from."""
    rows_read: int = 0
    notes: list[str] = field(default_factory=list)
    """Kept rows placed less finely than the file says (a kecamatan or desa name not found), one
    sentence each, in file order."""

    @property
    def rejected_rows(self) -> list[int]:
        """Return the numbers of the refused rows, in file order."""
        return sorted({p.row for p in self.problems})


def _clean(value: object) -> str | None:
    """Return a cell as stripped text, None when empty or a placeholder dash."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[arg-type]
        return None
    text = str(value).replace("\u00a0", " ").strip()
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_TRIGGERS:
        text = text[1:]  # the apostrophe Sinergi's own export adds; see lib/excel.py
    if not text or text.lower() in _EMPTY_MARKS:
        return None
    return text


def _number(text: str) -> float | None:
    """Return the number in ``text`` ("-8,65", "1.500,5", "115.3") or None."""
    raw = text.replace(" ", "")
    if "," in raw and "." in raw:
        raw = (
            raw.replace(".", "").replace(",", ".")
            if raw.rfind(",") > raw.rfind(".")
            else raw.replace(",", "")
        )
    elif raw.count(",") == 1:
        raw = raw.replace(",", ".")
    try:
        number = float(raw)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _integer(text: str) -> int | None:
    number = _number(text)
    if number is None or not number.is_integer():
        return None
    return int(number)


@dataclass
class _Row:
    """Cells of one row being checked: raw text by field, the values so far, and its problems."""

    number: int
    raw: dict[str, str | None]
    lang: str
    values: dict[str, object] = field(default_factory=dict)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(field, value, expected)."""

    def fail(self, target: str, expected: str) -> None:
        self.problems.append((target, self.raw.get(target) or "", expected))


@dataclass
class _Context:
    index: RegionIndex
    lang: str
    today: dt.date
    default_region: str | None
    known_ids: Collection[str] | None
    dates: dict[str, ParsedDate | str] = field(default_factory=dict)
    regions: dict[str, str | tuple[str]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    """Target field -> the file's header, for notes that name the column."""
    places: dict[tuple[str, str, str | None], PlaceMatch] = field(default_factory=dict)
    notes: list[tuple[int, str]] = field(default_factory=list)
    """(row number, note) of rows placed less finely than written."""


def _text(row: _Row, target: str, *, required: bool = False) -> None:
    value = row.raw.get(target)
    if value is None and required:
        row.fail(target, t("import.row.empty", row.lang))
    row.values[target] = value


def _choice(
    row: _Row, target: str, words: Mapping[str, str], options: str, *, default: str | None = None
) -> None:
    value = row.raw.get(target)
    if value is None:
        if default is None and target in _REQUIRED_CHOICES:
            row.fail(target, t("import.row.empty", row.lang))
        row.values[target] = default
        return
    found = words.get(value_key(value))
    if found is None:
        row.fail(target, t("import.row.choice", row.lang, options=options))
    row.values[target] = found


_REQUIRED_CHOICES = frozenset({"category", "type", "level", "kind"})


def _date(row: _Row, ctx: _Context) -> None:
    text = row.raw.get("date")
    if text is None:
        row.fail("date", t("import.row.empty", ctx.lang))
        return
    if text not in ctx.dates:
        try:
            ctx.dates[text] = parse_date(text, lang=ctx.lang)
        except DataProblem as problem:
            ctx.dates[text] = f"{problem.what} {problem.fix}"
    parsed = ctx.dates[text]
    if isinstance(parsed, str):
        row.fail("date", parsed)
        return
    if parsed.first_day > ctx.today:
        row.fail(
            "date",
            t(
                "import.row.future",
                ctx.lang,
                date=format_date(parsed, lang=ctx.lang),
                today=format_date(ParsedDate(ctx.today.isoformat(), "day"), lang=ctx.lang),
            ),
        )
    row.values["date"] = parsed.value
    row.values["date_precision"] = parsed.precision


def _region(row: _Row, ctx: _Context, *, required: bool) -> None:
    text = row.raw.get("region_code")
    if text is None:
        text = ctx.default_region
    if text is None:
        if required:
            row.fail("region_code", t("import.row.empty", ctx.lang))
        row.values["region_code"] = None
        return
    if text not in ctx.regions:
        try:
            ctx.regions[text] = ctx.index.resolve(text, lang=ctx.lang)
        except DataProblem as problem:
            ctx.regions[text] = (t("import.row.region", ctx.lang, what=problem.what, fix=problem.fix),)
    found = ctx.regions[text]
    if isinstance(found, tuple):
        row.problems.append(("region_code", text, found[0]))
        return
    row.values["region_code"] = found


def _coordinates(row: _Row, ctx: _Context) -> None:
    lat_text, lon_text = row.raw.get("lat"), row.raw.get("lon")
    row.values["lat"] = row.values["lon"] = None
    if lat_text is None and lon_text is None:
        return
    if lat_text is None or lon_text is None:
        row.fail("lat" if lat_text is None else "lon", t("import.row.coordinate_pair", ctx.lang))
        return
    lat, lon = _number(lat_text), _number(lon_text)
    bounds = t(
        "import.row.coordinate",
        ctx.lang,
        lat_low=LAT_RANGE[0],
        lat_high=LAT_RANGE[1],
        lon_low=LON_RANGE[0],
        lon_high=LON_RANGE[1],
    )
    lat_ok = lat is not None and LAT_RANGE[0] <= lat <= LAT_RANGE[1]
    lon_ok = lon is not None and LON_RANGE[0] <= lon <= LON_RANGE[1]
    if lat is not None and lon is not None and not lat_ok and not lon_ok:
        swapped = LAT_RANGE[0] <= lon <= LAT_RANGE[1] and LON_RANGE[0] <= lat <= LON_RANGE[1]
        if swapped:
            row.fail("lat", t("import.row.coordinate_swapped", ctx.lang))
            return
    if not lat_ok:
        row.fail("lat", bounds)
    if not lon_ok:
        row.fail("lon", bounds)
    row.values["lat"], row.values["lon"] = lat, lon


def _severity(row: _Row, ctx: _Context) -> None:
    text = row.raw.get("severity")
    if text is None:
        row.fail("severity", t("import.row.empty", ctx.lang))
        return
    value = _integer(text)
    if value is None or not 1 <= value <= 5:
        row.fail("severity", t("import.row.severity", ctx.lang))
    row.values["severity"] = value


def _count(row: _Row, target: str, ctx: _Context) -> None:
    text = row.raw.get(target)
    row.values[target] = None
    if text is None:
        return
    value = _integer(text)
    if value is None or value < 0:
        row.fail(target, t("import.row.count", ctx.lang))
    row.values[target] = value


def _source(row: _Row) -> None:
    """Keep a link in ``source_url``; a source given as words goes to ``source_title``."""
    url, title = row.raw.get("source_url"), row.raw.get("source_title")
    if url is not None and re.match(r"(?i)^www\.", url):
        url = "https://" + url
    if url is not None and not re.match(r"(?i)^https?://\S+$", url):
        title = url if title is None else f"{title} \u2014 {url}"
        url = None
    row.values["source_url"], row.values["source_title"] = url, title


_NOTES_SHOWN = 5


def _place(row: _Row, ctx: _Context) -> None:
    """Place an event in the kecamatan or desa its sheet names (:meth:`Wilayah.place`), noting misses.

    ``location`` keeps the sheet's location text, desa and kecamatan as written, joined.
    """
    row.values["location"] = _joined([row.raw.get(f) for f in ("location", "desa", "kecamatan")])
    region = row.values.get("region_code")
    if not isinstance(region, str):
        return
    places = bundled_wilayah()
    placed = places.place(region, {level: row.raw.get(level) for level in PLACE_LEVELS}, memo=ctx.places)
    row.values["region_code"] = placed.code
    for level, found, area in placed.misses:
        where = {"row": row.number, "column": ctx.headers.get(level, level), "area": area}
        note = places.note(found, **where, kept=placed.code, regency_names=ctx.index.names, lang=ctx.lang)
        ctx.notes.append((row.number, note))


def _joined(texts: Sequence[str | None]) -> str | None:
    """Return the texts given, joined by commas, each once (ignoring case), or None."""
    seen: dict[str, str] = {}
    for text in texts:
        if text is not None:
            seen.setdefault(" ".join(text.casefold().split()), text)
    return ", ".join(seen.values()) or None


def event_id(date: str, region_code: str, category: str, description: str) -> str:
    """Return the id an imported event gets from what identifies it, stable across re-imports.

    Case, accents in composed or decomposed form and runs of spaces in the description do
    not change the id.

    Examples
    --------
    >>> event_id("2024-09-13", "51.04", "intimidation", "Spanduk  dirusak")
    'imp-f446d60a38e3'
    >>> event_id("2024-09-13", "51.04", "intimidation", "spanduk dirusak") == event_id(
    ...     "2024-09-13", "51.04", "intimidation", "Spanduk  dirusak")
    True
    """
    text = " ".join(unicodedata.normalize("NFKC", description).casefold().split())
    key = "\x1f".join((date, region_code, category, text))
    return "imp-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _event_row(row: _Row, ctx: _Context) -> None:
    lang = ctx.lang
    _date(row, ctx)
    _region(row, ctx, required=True)
    _place(row, ctx)
    _coordinates(row, ctx)
    _text(row, "election_id")
    _text(row, "election_label")
    _choice(row, "category", CATEGORY_WORDS, choice_labels(CATEGORIES, "category", lang))
    _severity(row, ctx)
    _count(row, "fatalities", ctx)
    _text(row, "description", required=True)
    _source(row)
    _choice(row, "confidence", CONFIDENCE_WORDS, ", ".join(CONFIDENCES))
    _text(row, "severity_basis")
    _choice(row, "phase_reported", PHASE_WORDS, choice_labels(PHASES, "phase", lang))
    _choice(
        row,
        "classification",
        CLASSIFICATION_WORDS,
        ", ".join(CLASSIFICATIONS),
        default=DEFAULT_CLASSIFICATION,
    )
    given = row.raw.get("id")
    if given is not None:
        row.values["id"] = given
    elif not row.problems:
        row.values["id"] = event_id(
            str(row.values["date"]),
            str(row.values["region_code"]),
            str(row.values["category"]),
            str(row.values["description"]),
        )


def _slug(row: _Row, target: str) -> None:
    """Check a stakeholder id: lower-case letters, digits and hyphens."""
    _text(row, target, required=True)
    value = row.values[target]
    if value is not None and not ID_PATTERN.match(str(value)):
        row.fail(target, t("import.row.slug", row.lang))


def _stakeholder_row(row: _Row, ctx: _Context) -> None:
    _slug(row, "id")
    _text(row, "name", required=True)
    _text(row, "acronym")
    _choice(row, "type", TYPE_WORDS, ", ".join(TYPES))
    _choice(row, "level", LEVEL_WORDS, ", ".join(LEVELS))
    # Only a national institution may have no region (as lib/stakeholders.py checks).
    _region(row, ctx, required=row.values.get("level") not in ("national", None))
    _text(row, "role")
    _choice(row, "classification", CLASSIFICATION_WORDS, ", ".join(CLASSIFICATIONS), default="TERBUKA")
    _text(row, "source", required=True)
    _text(row, "note")


def _boolean(row: _Row, target: str, ctx: _Context, default: bool | None) -> None:
    text = row.raw.get(target)
    if text is None:
        row.values[target] = default
        return
    key = value_key(text)
    if key in TRUE_WORDS:
        row.values[target] = True
    elif key in FALSE_WORDS:
        row.values[target] = False
    else:
        row.fail(target, t("import.row.boolean", ctx.lang))


def _link_row(row: _Row, ctx: _Context) -> None:
    lang = ctx.lang
    _slug(row, "source_id")
    _slug(row, "target_id")
    _choice(row, "kind", LINK_KIND_WORDS, ", ".join(LINK_KINDS))
    # Directed only where the source says the flow is one way (lib/stakeholders.py).
    _boolean(row, "directed", ctx, False)
    _text(row, "source_ref", required=True)
    # A link no source backs is an assumption unless the file says otherwise.
    _boolean(row, "assumption", ctx, row.values["source_ref"] is None)
    text = row.raw.get("strength")
    low, high = STRENGTH_RANGE
    if text is None:
        row.values["strength"] = low if row.values.get("assumption") else None
        if not row.values.get("assumption"):
            row.fail("strength", t("import.row.integer_range", lang, low=low, high=high))
    else:
        value = _integer(text)
        if value is None or not low <= value <= high:
            row.fail("strength", t("import.row.integer_range", lang, low=low, high=high))
        row.values["strength"] = value
    text = row.raw.get("delay_hours")
    row.values["delay_hours"] = None
    if text is not None:
        hours = _number(text)
        if hours is None or hours < 0:
            row.fail("delay_hours", t("import.row.number_min", lang, low=0))
        row.values["delay_hours"] = hours
    _text(row, "channel")
    _text(row, "note")
    _choice(row, "classification", CLASSIFICATION_WORDS, ", ".join(CLASSIFICATIONS), default="TERBUKA")
    source, target = row.values.get("source_id"), row.values.get("target_id")
    if source is not None and source == target:
        row.fail("target_id", t("import.row.self_link", lang))
    if ctx.known_ids is not None:
        for end in ("source_id", "target_id"):
            if row.values.get(end) is not None and row.values[end] not in ctx.known_ids:
                row.fail(end, t("import.row.unknown_stakeholder", lang))


_ROW_CHECKS: dict[str, Callable[[_Row, _Context], None]] = {
    "events": _event_row,
    "stakeholders": _stakeholder_row,
    "links": _link_row,
}
_DTYPES: dict[str, dict[str, str]] = {
    "events": {"lat": "Float64", "lon": "Float64", "severity": "Int64", "fatalities": "Int64"},
    "stakeholders": {},
    "links": {"directed": "boolean", "assumption": "boolean", "strength": "Int64", "delay_hours": "Float64"},
}


@dataclass(frozen=True)
class RowSpec:
    """How a kind of row checked outside this module is read (the election setup's tables)."""

    check: Callable[[_Row, _Context], None]
    dtypes: Mapping[str, str]
    key: tuple[str, ...]
    """The fields that identify a row: a second row with the same key and other values is refused."""


def _row_numbers(frame: pd.DataFrame) -> list[int]:
    """Return each row's number in the file: the index from :func:`lib.tabular.read_table`, else 2, 3, ..."""
    if frame.index.name == "row":
        return [int(n) for n in frame.index]
    return list(range(2, len(frame) + 2))


def _is_example(raw: Mapping[str, str | None]) -> bool:
    markers = [t("import.example", lang).casefold() for lang in LANGUAGES]
    return any(v is not None and any(m in v.casefold() for m in markers) for v in raw.values())


def validate_rows(
    frame: pd.DataFrame,
    kind: str,
    *,
    index: RegionIndex,
    lang: str = "id",
    origin: str | None = None,
    today: dt.date | None = None,
    default_region: str | None = None,
    known_ids: Collection[str] | None = None,
    extra_checks: Callable[[Mapping[str, object]], Sequence[tuple[str, str]]] | None = None,
    spec: RowSpec | None = None,
) -> ImportResult:
    """Check every row of a partner's table and keep the rows that pass.

    Parameters
    ----------
    frame
        Text cells under the file's own headers, as :func:`lib.tabular.read_table`
        returns them (its ``row`` index gives the row numbers people see). Not modified.
    kind
        "events", "stakeholders" or "links".
    index
        Regions, to read the regency column ("Gianyar", "KAB. GIANYAR", "51.04").
    origin
        Stored with each row; by default ``import:<file name>``.
    today
        Dates after it are refused; by default the computer's date.
    default_region
        Region for rows whose region cell is empty, or for a file with no region column
        (a sheet that holds one regency's findings).
    known_ids
        For links: stakeholder ids both ends must be among.
    extra_checks
        Called with each row's checked values (field -> value); returns (field, expected)
        pairs for further problems.
    spec
        The checks of a kind not listed here (its schema is in :data:`lib.intake.schemas.SCHEMAS`).

    Raises
    ------
    DataProblem
        If a required column is missing from the file.
    """
    schema = schema_for(kind)
    today = clock.today() if today is None else today
    labels = [str(c) for c in frame.columns]
    repeated = sorted({h for h in labels if labels.count(h) > 1})
    if repeated:
        name = str(frame.attrs.get("filename", t(f"import.kind.{kind}", lang)))
        quoted = ", ".join(f"\u201c{h}\u201d" for h in repeated)
        raise DataProblem(
            t("import.table.duplicate_headers", lang, name=name, headers=quoted),
            t("import.table.duplicate_headers_fix", lang),
        )
    found, unknown = map_headers(labels, kind)
    found_required = set(found) | ({"region_code"} if default_region is not None else set())
    missing_required = [c for c in schema.required if c not in found_required]
    if missing_required:
        labels = ", ".join(header_label(kind, c, lang) for c in missing_required)
        raise DataProblem(
            t("import.missing_columns", lang, kind=t(f"import.kind.{kind}", lang), columns=labels),
            t("import.missing_columns_fix", lang),
        )
    if origin is None:
        filename = frame.attrs.get("filename")
        origin = f"import:{filename}" if filename else "import"
    ctx = _Context(index, lang, today, default_region, known_ids, headers=dict(found))
    derived = set(schema.derived)
    used = {target: header for target, header in found.items() if target not in derived}
    columns = {
        target: [_clean(v) for v in frame.iloc[:, labels.index(header)].astype(object).tolist()]
        for target, header in used.items()
    }
    numbers = _row_numbers(frame)
    overlong = set(frame.attrs.get("overlong_rows", ()))
    problems: list[RowProblem] = []
    kept: dict[tuple[object, ...], tuple[int, dict[str, object]]] = {}
    duplicate_rows: dict[int, int] = {}
    for position, number in enumerate(numbers):
        row = _Row(number, {target: cells[position] for target, cells in columns.items()}, lang)
        (spec.check if spec is not None else _ROW_CHECKS[kind])(row, ctx)
        if extra_checks is not None and not row.problems:
            for target, expected in extra_checks(dict(row.values)):
                row.fail(target, expected)
        if number in overlong:
            row.problems.append(("", "", t("import.row.too_many_cells", lang)))
        if _is_example(row.raw):
            row.problems = [("", "", t("import.row.example", lang))]
        if not row.problems:
            row.values["origin"] = origin
            _keep(row, kind, kept, duplicate_rows, lang, spec.key if spec is not None else ())
        for target, value, expected in row.problems:
            column = found.get(target) or (header_label(kind, target, lang) if target else "")
            problems.append(RowProblem(number, column, value, expected))
    records = [values for _, values in kept.values()]
    good = pd.DataFrame(
        records, columns=list(schema.columns), index=pd.Index([n for n, _ in kept.values()], name="row")
    )
    types = spec.dtypes if spec is not None else _DTYPES[kind]
    for column in schema.columns:
        good[column] = good[column].astype(types.get(column, "string"))
    optional = [c for c in schema.columns if c not in schema.required and c not in derived and c != "id"]
    if kind == "events":
        optional = [c for c in optional if c != "date_precision"]
    missing = [c for c in optional if c not in found and not (c == "region_code" and default_region)]
    return ImportResult(
        kind=kind,
        good=good,
        problems=problems,
        missing_columns=missing,
        unknown_columns=unknown,
        duplicates_in_file=len(duplicate_rows),
        duplicate_rows=duplicate_rows,
        column_map=dict(found),
        rows_read=len(numbers),
        notes=_kept_notes(ctx.notes, {n for n, _ in kept.values()}),
    )


def _comparable(values: Mapping[str, object]) -> dict[str, object]:
    """Return row values with text reduced to what a person would call the same (case, spacing)."""
    return {
        k: " ".join(unicodedata.normalize("NFKC", v).casefold().split()) if isinstance(v, str) else v
        for k, v in values.items()
    }


def _keep(
    row: _Row,
    kind: str,
    kept: dict[tuple[object, ...], tuple[int, dict[str, object]]],
    duplicate_rows: dict[int, int],
    lang: str,
    key_fields: tuple[str, ...] = (),
) -> None:
    """Keep a checked row once; an exact repeat is counted, a clash on its key is a problem."""
    values = row.values
    if key_fields:
        key: tuple[object, ...] = tuple(values.get(f) for f in key_fields)
    elif kind == "links":
        ends = (str(values["source_id"]), str(values["target_id"]))
        # An undirected link from A to B is the same link as from B to A.
        key = (*(ends if values["directed"] else sorted(ends)), values["kind"])
    else:
        key = (values["id"],)
    if key not in kept:
        kept[key] = (row.number, values)
        return
    first, earlier = kept[key]
    if _comparable(earlier) == _comparable(values):
        duplicate_rows[row.number] = first
        return
    if key_fields:
        last = key_fields[-1]
        row.problems.append((last, str(values.get(last) or ""), t("import.row.id_conflict", lang, row=first)))
    elif kind == "links":
        row.problems.append(
            ("source_id", str(values["source_id"]), t("import.row.link_conflict", lang, row=first))
        )
    elif kind == "events" and row.raw.get("id") is None:
        row.problems.append(("description", "", t("import.row.event_conflict", lang, row=first)))
    else:
        row.problems.append(("id", str(values["id"]), t("import.row.id_conflict", lang, row=first)))


def summary(result: ImportResult, lang: str = "id") -> str:
    """Return one paragraph saying what will be saved, refused and ignored."""
    parts = [
        t(
            "import.summary",
            lang,
            good=len(result.good),
            bad=len(result.rejected_rows),
            duplicates=result.duplicates_in_file,
        )
    ]
    if result.unknown_columns:
        parts.append(t("import.summary_ignored", lang, columns=", ".join(result.unknown_columns)))
    if result.missing_columns:
        labels = ", ".join(header_label(result.kind, c, lang) for c in result.missing_columns)
        parts.append(t("import.summary_missing", lang, columns=labels))
    if result.notes:
        parts.append(_notes_text(result.notes, lang))
    return " ".join(parts)


def _kept_notes(notes: Sequence[tuple[int, str]], kept: Collection[int]) -> list[str]:
    """Return the notes on rows that are kept (a refused row's note would only confuse)."""
    return [note for number, note in notes if number in kept]


def _notes_text(notes: Sequence[str], lang: str) -> str:
    """Return the notes on rows placed less finely than written, the first few in full."""
    shown = " ".join(notes[:_NOTES_SHOWN])
    if len(notes) > _NOTES_SHOWN:
        shown += " " + t("wilayah.summary_more", lang, count=len(notes) - _NOTES_SHOWN)
    return t("wilayah.summary_notes", lang, count=len(notes), notes=shown)
