"""Read the tables partners send (CSV in any Excel flavour, .xlsx) into text cells."""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from xml.etree.ElementTree import ParseError

import pandas as pd

from lib.core import formats
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.text import cell_text

MAX_BYTES = 20_000_000
UNZIPPED_FACTOR = 10
"""An .xlsx may unpack to at most this many times ``max_bytes`` (guards against zip bombs)."""
DELIMITERS: tuple[str, ...] = (",", ";", "\t")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
OLD_SUFFIXES = (".xls", ".ods", ".xlsb")
_HEADER_SEARCH_ROWS = 10
_SNIFF_LINES = 50
_MAGIC_NOT_TABLES = (
    b"\x89PNG",
    b"%PDF",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
# What a damaged workbook makes zipfile, zlib and openpyxl raise (found by fuzzing real workbooks).
_XLSX_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,  # unknown zip version or compression method
    RuntimeError,  # encrypted zip member
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    OSError,
    EOFError,
    ParseError,
    IndexError,
)


def read_table(
    data: bytes,
    filename: str,
    *,
    sheet: str | None = None,
    max_bytes: int = MAX_BYTES,
    lang: str = "id",
) -> pd.DataFrame:
    r"""Read an uploaded CSV or .xlsx file into a frame of text cells.

    Every cell is text (``string`` dtype); empty cells are NA and fully empty rows are
    dropped. The index, named ``row``, holds each data row's number as the person sees it
    in Excel (the header is usually row 1, so the first data row is row 2). A title row
    above the header is skipped.

    CSV: the delimiter (comma, semicolon or tab) is detected, as is the encoding: UTF-8
    (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else Windows-1252.
    A first line ``sep=;`` is honoured. Excel: the first worksheet with data, or ``sheet``.

    ``frame.attrs`` tells how the file was read: ``filename``, ``format`` ("csv" or "xlsx"),
    ``encoding`` and ``delimiter`` (CSV), ``sheet`` (Excel), ``header_row`` and
    ``overlong_rows`` (row numbers with more filled cells than headers; their extra cells
    are dropped, so the row should be rejected).

    Raises
    ------
    DataProblem
        If the file is larger than ``max_bytes`` (checked before parsing), empty, holds
        only a header row, is an old .xls/.ods file, is protected by a password, is not a
        CSV/Excel file, is a damaged workbook, has no worksheet ``sheet``, or repeats a
        column header.

    Examples
    --------
    >>> frame = read_table("Tanggal;Kabupaten\n13/09/2024;Gianyar\n".encode("cp1252"), "polres.csv")
    >>> frame.attrs["delimiter"], frame.loc[2, "Kabupaten"]
    (';', 'Gianyar')
    """
    name = PurePath(filename).name or filename
    if len(data) > max_bytes:
        raise DataProblem(
            t(
                "import.table.too_large",
                lang,
                name=name,
                size=_megabytes(len(data), lang),
                limit=_megabytes(max_bytes, lang),
            ),
            t("import.table.too_large_fix", lang),
        )
    if not data.strip():
        raise DataProblem(
            t("import.table.empty_file", lang, name=name), t("import.table.empty_file_fix", lang)
        )
    suffix = PurePath(name).suffix.lower()
    if suffix in EXCEL_SUFFIXES and data.startswith(_OLE2):
        # Excel saves a password-protected .xlsx inside an OLE2 container.
        raise DataProblem(t("import.table.encrypted", lang, name=name), t("import.table.encrypted_fix", lang))
    if suffix in OLD_SUFFIXES or data.startswith(_OLE2):
        raise DataProblem(t("import.table.xls", lang, name=name), t("import.table.xls_fix", lang))
    if data.startswith(_ZIP):
        if suffix not in (*EXCEL_SUFFIXES, *TEXT_SUFFIXES, ""):
            raise _not_table(name, lang)
        rows, attrs = _xlsx_rows(data, name, sheet, max_bytes, lang)
    elif suffix in EXCEL_SUFFIXES:
        raise DataProblem(t("import.table.bad_xlsx", lang, name=name), t("import.table.bad_xlsx_fix", lang))
    elif suffix in (*TEXT_SUFFIXES, ""):
        rows, attrs = _csv_rows(data, name, lang)
    else:
        raise _not_table(name, lang)
    return _frame(rows, {"filename": name, **attrs}, name, sheet, lang)


def _megabytes(size: int, lang: str) -> str:
    """Return ``size`` bytes as megabytes with one decimal, in the language's number style."""
    return formats.megabytes(size, lang)


def _not_table(name: str, lang: str) -> DataProblem:
    return DataProblem(t("import.table.not_table", lang, name=name), t("import.table.not_table_fix", lang))


def _decode(data: bytes, name: str, lang: str) -> tuple[str, str]:
    """Return the text of a CSV file and the encoding it was in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _not_table(name, lang) from None
    head = data[:8192]
    if head.startswith(_MAGIC_NOT_TABLES) or b"\x00" in head:
        raise _not_table(name, lang)
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _not_table(name, lang) from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\r\n\f")
    if controls:
        raise _not_table(name, lang)
    return text, "cp1252"


def _sniff(lines: Sequence[str]) -> str:
    """Return the delimiter that splits the first lines into the most consistent columns."""
    best = DELIMITERS[0]
    best_score: tuple[bool, bool, float, int] = (False, False, 0.0, 0)
    sample = "\n".join(lines)
    for delimiter in DELIMITERS:
        records = csv.reader(io.StringIO(sample), delimiter=delimiter)
        counts = [len(r) for r in records if "".join(r).strip(" ,;\t")]
        if not counts:
            continue
        modal = max(set(counts), key=lambda n: (counts.count(n), n))
        share = counts.count(modal) / len(counts)
        score = (modal > 1, counts[0] == modal, share, modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(data: bytes, name: str, lang: str) -> tuple[list[list[object]], dict[str, object]]:
    """Return the records of a CSV file and how it was read."""
    text, encoding = _decode(data, name, lang)
    if not text.strip(' \t\r\n,;"\ufeff'):
        raise DataProblem(
            t("import.table.empty_file", lang, name=name), t("import.table.empty_file_fix", lang)
        )
    lines = text.splitlines()
    skipped = 0
    delimiter = None
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter = lines[0].strip()[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        lines = lines[1:]
        skipped = 1
    if delimiter is None:
        delimiter = _sniff(lines[:_SNIFF_LINES])
    try:
        records: list[list[object]] = [
            list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error:
        raise _not_table(name, lang) from None
    padding: list[list[object]] = [[] for _ in range(skipped)]
    return padding + records, {"format": "csv", "encoding": encoding, "delimiter": delimiter}


def _xlsx_rows(
    data: bytes, name: str, sheet: str | None, max_bytes: int, lang: str
) -> tuple[list[list[object]], dict[str, object]]:
    """Return the rows of the first non-empty (or the named) worksheet of an .xlsx file."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    bad = DataProblem(t("import.table.bad_xlsx", lang, name=name), t("import.table.bad_xlsx_fix", lang))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except _XLSX_ERRORS:
        raise bad from None
    if unpacked > UNZIPPED_FACTOR * max_bytes:
        raise DataProblem(
            t(
                "import.table.too_large",
                lang,
                name=name,
                size=_megabytes(unpacked, lang),
                limit=_megabytes(UNZIPPED_FACTOR * max_bytes, lang),
            ),
            t("import.table.too_large_fix", lang),
        )
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it does not read (data validation,
            # conditional formatting, default styles); none of them changes the values.
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                names = list(book.sheetnames)
                if sheet is not None:
                    if sheet not in names:
                        raise DataProblem(
                            t("import.table.no_sheet", lang, name=name, sheet=sheet, sheets=", ".join(names)),
                            t("import.table.no_sheet_fix", lang),
                        )
                    chosen = [sheet]
                else:
                    chosen = [ws.title for ws in book.worksheets]
                for title in chosen:
                    worksheet = book[title]
                    if not hasattr(worksheet, "iter_rows"):
                        continue
                    rows = [list(r) for r in worksheet.iter_rows(values_only=True)]
                    if any(_filled(r) for r in rows):
                        formulas = _uncached_formulas(data, title, rows)
                        return rows, {"format": "xlsx", "sheet": title, "formula_positions": formulas}
            finally:
                book.close()
    except DataProblem:
        raise
    except (*_XLSX_ERRORS, InvalidFileException):
        raise bad from None
    if sheet is not None:
        raise DataProblem(
            t("import.table.empty_named_sheet", lang, name=name, sheet=sheet),
            t("import.table.empty_sheet_fix", lang),
        )
    raise DataProblem(t("import.table.empty_sheet", lang, name=name), t("import.table.empty_sheet_fix", lang))


def _has_formulas(data: bytes) -> bool:
    """Return whether any worksheet of the workbook holds a formula (an ``<f>`` element)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                with archive.open(info) as member:
                    if re.search(rb"<(?:\w+:)?f[ >/]", member.read()):
                        return True
    return False


def _uncached_formulas(data: bytes, title: str, rows: list[list[object]]) -> list[tuple[int, int]]:
    """Put the formula text into cells whose formula has no stored value; return their positions.

    A workbook written by a program that does not calculate (a script, some exports) keeps only
    the formula; reading values alone would make such cells empty and the row "missing" a
    required value. The formula text is read instead (``=A2&" "&B2``), and the positions
    (0-based row, column) let the import say that the cell held a formula. Excel-safe writing
    neutralises the text again on export.
    """
    if not _has_formulas(data):
        return []
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        found: list[tuple[int, int]] = []
        for r, cells in enumerate(book[title].iter_rows(values_only=True)):
            if r >= len(rows):
                break
            for c, value in enumerate(cells):
                if (
                    isinstance(value, str)
                    and value.startswith("=")
                    and c < len(rows[r])
                    and rows[r][c] is None
                ):
                    rows[r][c] = value
                    found.append((r, c))
        return found
    finally:
        book.close()


def _filled(row: Iterable[object]) -> int:
    """Return how many cells of ``row`` hold something."""
    return sum(1 for c in row if cell_text(c) is not None)


def _header_index(rows: Sequence[Sequence[object]]) -> int:
    """Return the index of the header row: the first row about as wide as the table."""
    candidates = [i for i, r in enumerate(rows) if _filled(r)][:_HEADER_SEARCH_ROWS]
    widest = max(_filled(rows[i]) for i in candidates)
    for i in candidates:
        if _filled(rows[i]) >= max(1, widest // 2 + widest % 2) and (_filled(rows[i]) > 1 or widest == 1):
            return i
    return candidates[0]


def _letter(position: int) -> str:
    """Return the spreadsheet column letter of a 0-based position (0 -> A, 26 -> AA)."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _frame(
    rows: list[list[object]], attrs: dict[str, object], name: str, sheet: str | None, lang: str
) -> pd.DataFrame:
    """Turn raw rows into the text frame :func:`read_table` returns."""
    if not any(_filled(r) for r in rows):
        key = "import.table.empty_sheet" if attrs.get("format") == "xlsx" else "import.table.empty_file"
        fix = (
            "import.table.empty_sheet_fix" if attrs.get("format") == "xlsx" else "import.table.empty_file_fix"
        )
        raise DataProblem(t(key, lang, name=name), t(fix, lang))
    start = _header_index(rows)
    headers = [cell_text(c) or "" for c in rows[start]]
    width = max((p + 1 for p, h in enumerate(headers) if h), default=0)
    body: list[tuple[int, list[str | None]]] = []
    overlong: list[int] = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        cells = [cell_text(c) for c in row]
        if all(c is None for c in cells):
            continue
        if any(c is not None for c in cells[width:]):
            overlong.append(number)
        body.append((number, cells[:width] + [None] * (width - len(cells))))
    if not body:
        raise DataProblem(
            t("import.table.header_only", lang, name=name), t("import.table.header_only_fix", lang)
        )
    spellings: dict[str, list[str]] = {}
    for header in headers[:width]:
        if header:
            spellings.setdefault(header.casefold(), []).append(header)
    repeated = [h for same in spellings.values() if len(same) > 1 for h in dict.fromkeys(same)]
    if repeated:
        quoted = ", ".join(f"\u201c{h}\u201d" for h in repeated)
        raise DataProblem(
            t("import.table.duplicate_headers", lang, name=name, headers=quoted),
            t("import.table.duplicate_headers_fix", lang),
        )
    columns: dict[str, pd.api.extensions.ExtensionArray] = {}
    for p in range(width):
        values = [cells[p] for _, cells in body]
        if not headers[p]:
            if all(v is None for v in values):
                continue
            headers[p] = t("import.table.unnamed_column", lang, letter=_letter(p))
        columns[headers[p]] = pd.array(values, dtype="string")
    frame = pd.DataFrame(columns, index=pd.Index([n for n, _ in body], name="row"))
    positions = attrs.pop("formula_positions", [])
    frame.attrs.update(attrs)
    frame.attrs["formula_cells"] = [
        (r + 1, headers[c]) for r, c in positions if r > start and c < width and headers[c]
    ]
    frame.attrs["header_row"] = start + 1
    frame.attrs["overlong_rows"] = overlong
    if sheet is not None:
        frame.attrs["sheet"] = sheet
    return frame
