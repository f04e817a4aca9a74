"""Write tables as Excel and CSV files that open safely: no cell can run as a formula."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from decimal import Decimal

import pandas as pd

FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""First characters that make Excel or LibreOffice read a cell as a formula (OWASP CSV
injection list, plus their full-width forms)."""
MAX_COLUMN_WIDTH = 60
MIN_COLUMN_WIDTH = 6
_WIDTH_SAMPLE_ROWS = 500
_SHEET_NAME_MAX = 31
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_cell(value: object) -> object:
    """Return ``value`` ready for a spreadsheet: text that could start a formula gets a leading ``'``.

    Numbers (including negative ones), dates and booleans are returned unchanged, so they
    stay numbers; only text is neutralised. Text whose first non-blank character is a
    trigger is neutralised too (" =1+1").

    Examples
    --------
    >>> safe_cell("=1+1"), safe_cell("-5 korban"), safe_cell(-5), safe_cell("Gianyar")
    ("'=1+1", "'-5 korban", -5, 'Gianyar')
    """
    if (
        isinstance(value, str)
        and value
        and (value[0] in FORMULA_TRIGGERS or value.lstrip()[:1] in FORMULA_TRIGGERS)
    ):
        return "'" + value
    return value


def _plain(value: object) -> object:
    """Return a cell value as a Python scalar: None for missing, numbers as int/float, else text."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, dict, set)):
        return str(value)
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return None
    except (TypeError, ValueError):
        return str(value)
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar -> Python scalar
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones: keep the wall-clock time
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, (bool, int, float, str, dt.date, dt.time)):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return value
    return str(value)


def printable_text(text: str) -> str:
    r"""Return text without the control characters a worksheet cannot show (line breaks and tabs stay).

    Examples
    --------
    >>> printable_text("a\r\nb\x07")
    'a\nb'
    """
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _sheet_names(names: list[str]) -> list[str]:
    """Return names Excel accepts: at most 31 characters, no []:*?/ or backslash, unique, not empty."""
    found: list[str] = []
    for number, raw in enumerate(names, start=1):
        base = _SHEET_NAME_BAD.sub("_", str(raw)).strip("'") or f"Sheet{number}"
        name = base[:_SHEET_NAME_MAX]
        suffix = 2
        while name.casefold() in (n.casefold() for n in found):
            tail = f" ({suffix})"
            name = base[: _SHEET_NAME_MAX - len(tail)] + tail
            suffix += 1
        found.append(name)
    return found


def _width(header: str, values: list[object]) -> int:
    """Return a column width in characters that fits the header and most values."""
    lengths = [len(str(header))]
    for value in values[:_WIDTH_SAMPLE_ROWS]:
        if value is None:
            continue
        text = value.isoformat() if isinstance(value, (dt.date, dt.time)) else str(value)
        lengths.append(max((len(line) for line in text.splitlines()), default=0))
    return max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, max(lengths) + 2))


def to_xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """Write frames as an Excel workbook, one sheet each, that opens safely.

    Every text cell is written as text, never as a formula or link, and neutralised with
    :func:`safe_cell` (then stripped of invisible control characters, see
    :func:`printable_text`); numbers stay numbers, dates are date cells. The header row is bold,
    frozen and filterable; columns are sized to their contents. Frame indexes are not
    written: reset an index first if it holds data.
    """
    import xlsxwriter

    if not sheets:
        raise ValueError("to_xlsx_bytes needs at least one sheet.")
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with xlsxwriter.Workbook(buffer, options) as book:
        bold = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True})
        day_format = book.add_format({"num_format": "yyyy-mm-dd"})
        time_format = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        clock_format = book.add_format({"num_format": "hh:mm"})
        for name, frame in zip(_sheet_names(list(sheets)), sheets.values(), strict=True):
            sheet = book.add_worksheet(name)
            headers = [str(c) for c in frame.columns]
            for col, header in enumerate(headers):
                sheet.write_string(0, col, printable_text(str(safe_cell(header))), bold)
            for col in range(frame.shape[1]):
                values = [_plain(v) for v in frame.iloc[:, col].tolist()]
                for offset, value in enumerate(values, start=1):
                    if value is None:
                        continue
                    if isinstance(value, bool):
                        sheet.write_boolean(offset, col, value)
                    elif isinstance(value, (int, float)):
                        sheet.write_number(offset, col, value)
                    elif isinstance(value, dt.datetime):
                        midnight = value.time() == dt.time(0)
                        sheet.write_datetime(offset, col, value, day_format if midnight else time_format)
                    elif isinstance(value, dt.date):
                        sheet.write_datetime(offset, col, value, day_format)
                    elif isinstance(value, dt.time):
                        sheet.write_datetime(offset, col, value, clock_format)
                    else:
                        sheet.write_string(offset, col, printable_text(str(safe_cell(str(value)))))
                sheet.set_column(col, col, _width(headers[col], values))
            sheet.freeze_panes(1, 0)
            if headers:
                sheet.autofilter(0, 0, max(len(frame), 1), len(headers) - 1)
    return buffer.getvalue()


def to_csv_bytes(frame: pd.DataFrame, *, sep: str = ",") -> bytes:
    r"""Write a frame as CSV in UTF-8 with a byte-order mark, so Excel reads accents right.

    Text cells and headers are neutralised with :func:`safe_cell`; numbers stay numbers.
    Use ``sep=";"`` for Excel set to Indonesian regional settings, whose list separator is
    a semicolon; the decimal point stays a point either way. The index is not written.

    Examples
    --------
    >>> to_csv_bytes(pd.DataFrame({"uraian": ["=1+1"], "korban": [-2]}))
    b"\xef\xbb\xbfuraian,korban\r\n'=1+1,-2\r\n"
    """
    if sep not in (",", ";", "\t"):
        raise ValueError(f"sep must be a comma, semicolon or tab, got {sep!r}.")
    safe = pd.DataFrame(
        {
            position: pd.Series(
                [safe_cell(_plain(v)) for v in frame.iloc[:, position].tolist()], dtype=object
            )
            for position in range(frame.shape[1])
        },
        index=range(len(frame)),
    )
    safe.columns = [str(safe_cell(str(c))) for c in frame.columns]
    text = safe.to_csv(index=False, sep=sep, lineterminator="\r\n")
    return text.encode("utf-8-sig")
