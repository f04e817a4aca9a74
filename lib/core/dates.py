"""Read dates the way partners write them ("Jumat, 13 September 2024", "06/09/2024", Excel cells)."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from lib.core.i18n import t
from lib.core.problems import DataProblem

Precision = Literal["day", "month", "year"]

FIRST_YEAR = 1900
LAST_YEAR = 2100
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's 1900 system, past its fictitious 29 Feb 1900
_FIRST_SERIAL = (dt.date(FIRST_YEAR, 3, 1) - _EXCEL_EPOCH).days
_LAST_SERIAL = (dt.date(LAST_YEAR, 12, 31) - _EXCEL_EPOCH).days

MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

# Month words as they appear in files, folded (lower case, no dots): full names, abbreviations,
# and the older Indonesian spellings (Pebruari, Nopember).
_MONTHS: dict[str, int] = {}
for _names in MONTH_NAMES.values():
    for _number, _name in enumerate(_names, start=1):
        _MONTHS[_name.lower()] = _number
        _MONTHS[_name.lower()[:3]] = _number
_MONTHS.update(
    {"pebruari": 2, "peb": 2, "agt": 8, "ags": 8, "agust": 8, "sept": 9, "okt": 10, "nopember": 11, "nop": 11}
)
_MONTHS.update({"des": 12, "mei": 5})

_WEEKDAYS: dict[str, int] = {}
for _names in WEEKDAY_NAMES.values():
    for _number, _name in enumerate(_names):
        _WEEKDAYS[_name.lower()] = _number
        _WEEKDAYS[_name.lower()[:3]] = _number
_WEEKDAYS.update({"ahad": 6, "tues": 1, "thur": 3, "thurs": 3})

_TIME = re.compile(
    r"(?:\s+(?:pukul|pkl|jam)?\s*|t)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    r"(?:\s*(?:wita|wib|wit|am|pm|z|[+-]\d{2}:?\d{2}))?$",
    re.ASCII,
)
_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", re.ASCII)
_ISO_MONTH = re.compile(r"(\d{4})[-/](\d{1,2})", re.ASCII)
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", re.ASCII)
_MY = re.compile(r"(\d{1,2})[-/.](\d{4})", re.ASCII)
_YEAR = re.compile(r"\d{4}", re.ASCII)
_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?", re.ASCII)
_D_MONTH_Y = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([a-z]+)[\s\-/.]+(\d{4}|\d{2})", re.ASCII)
_MONTH_D_Y = re.compile(r"([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})", re.ASCII)
_MONTH_Y = re.compile(r"([a-z]+)[\s\-/.]+(\d{4})", re.ASCII)


@dataclass(frozen=True)
class ParsedDate:
    """A date as precise as its source: ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY"."""

    value: str
    precision: Precision

    @property
    def first_day(self) -> dt.date:
        """Return the first day the date may mean."""
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    @property
    def last_day(self) -> dt.date:
        """Return the last day the date may mean."""
        start = self.first_day
        if self.precision == "day":
            return start
        if self.precision == "month":
            return start.replace(day=calendar.monthrange(start.year, start.month)[1])
        return start.replace(month=12, day=31)


def _quote(text: str) -> str:
    """Return ``text`` short enough to quote in a message."""
    return text if len(text) <= 60 else text[:57] + "\u2026"


def _unreadable(shown: str, lang: str) -> DataProblem:
    return DataProblem(t("import.date.unreadable", lang, text=_quote(shown)), t("import.date.fix", lang))


def _fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, apostrophes or commas, single-spaced."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019`]", "", text)
    text = re.sub(r"[,\u00a0\s]+", " ", text)
    return text.strip()


def _year(text: str) -> int:
    """Return a four-digit year from two or four digits (00-68 -> 20xx, 69-99 -> 19xx, as strptime)."""
    number = int(text)
    if len(text) == 2:
        number += 2000 if number < 69 else 1900
    return number


def _day(year: int, month: int, day: int, shown: str, lang: str) -> ParsedDate:
    """Return a day-precision date, or the problem saying why that day does not exist."""
    _check_year(year, shown, lang)
    if not 1 <= month <= 12:
        raise DataProblem(
            t("import.date.no_month", lang, text=_quote(shown), month=month), t("import.date.fix", lang)
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DataProblem(
            t(
                "import.date.impossible",
                lang,
                text=_quote(shown),
                month=MONTH_NAMES[lang if lang in MONTH_NAMES else "id"][month - 1],
                year=year,
                days=last,
            ),
            t("import.date.fix", lang),
        )
    return ParsedDate(f"{year:04d}-{month:02d}-{day:02d}", "day")


def _month(year: int, month: int, shown: str, lang: str) -> ParsedDate:
    _check_year(year, shown, lang)
    if not 1 <= month <= 12:
        raise DataProblem(
            t("import.date.no_month", lang, text=_quote(shown), month=month), t("import.date.fix", lang)
        )
    return ParsedDate(f"{year:04d}-{month:02d}", "month")


def _check_year(year: int, shown: str, lang: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DataProblem(
            t("import.date.out_of_range", lang, text=_quote(shown), first=FIRST_YEAR, last=LAST_YEAR),
            t("import.date.fix", lang),
        )


def _from_serial(serial: float, shown: str, lang: str) -> ParsedDate:
    """Return the day of an Excel serial number (1900 date system)."""
    if not _FIRST_SERIAL <= serial <= _LAST_SERIAL:
        raise _unreadable(shown, lang)
    day = _EXCEL_EPOCH + dt.timedelta(days=math.floor(serial))
    return ParsedDate(day.isoformat(), "day")


def _from_cell(value: object, lang: str) -> ParsedDate | None:
    """Return the date of a spreadsheet cell that is not text, or None when it is text."""
    if type(value).__name__ == "NAType":  # pandas NA, without importing pandas here
        raise DataProblem(t("import.date.empty", lang), t("import.date.fix", lang))
    if isinstance(value, bool):
        raise _unreadable(str(value), lang)
    if isinstance(value, dt.datetime):
        if value != value:  # pandas NaT is a datetime that is not equal to itself
            raise DataProblem(t("import.date.empty", lang), t("import.date.fix", lang))
        return _day(value.year, value.month, value.day, str(value), lang)
    if isinstance(value, dt.date):
        return _day(value.year, value.month, value.day, str(value), lang)
    if type(value).__name__ == "datetime64":  # numpy, without importing it here
        text = str(value)
        if text == "NaT":
            raise DataProblem(t("import.date.empty", lang), t("import.date.fix", lang))
        return _from_text(text[:10], lang)
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)) or _is_number(value):
        number = float(value)  # type: ignore[arg-type]
        if number.is_integer() and FIRST_YEAR <= number <= LAST_YEAR:
            return ParsedDate(f"{int(number):04d}", "year")
        return _from_serial(number, str(value), lang)
    if isinstance(value, float):  # nan or inf
        if math.isnan(value):
            raise DataProblem(t("import.date.empty", lang), t("import.date.fix", lang))
        raise _unreadable(str(value), lang)
    return None


def _is_number(value: object) -> bool:
    """Return whether ``value`` is a finite numpy number (numpy scalars are not int/float subclasses)."""
    kind = type(value).__module__
    if kind != "numpy" or not hasattr(value, "dtype"):
        return False
    return value.dtype.kind in "iuf" and math.isfinite(float(value))  # type: ignore[attr-defined, arg-type]


def parse_date(text: object, *, lang: str = "id") -> ParsedDate:
    """Read a date as partners write it, keeping how precise it is.

    Day first, as in Indonesia: ``06/09/2024`` is 6 September. Accepted: ``6/9/2024``,
    ``06-09-24``, ``2024-09-06``, ``6 September 2024``, ``6 Sep 2024``, ``13-Sep-2024``,
    ``Jumat, 13 September 2024`` (Indonesian or English day and month names, old spellings
    such as Nopember), ``September 13, 2024``, ``September 2024`` and ``09/2024`` (month),
    ``2024`` (year), a trailing time (``13/09/2024 14.30 WITA``) which is dropped, and
    spreadsheet cells: ``datetime``/``date`` objects, years as numbers and Excel serial
    numbers (``45548`` is 13 September 2024).

    Raises
    ------
    DataProblem
        For empty cells, impossible days (31/02/2024), a day name that does not match the
        date, years outside 1900-2100, and anything else unreadable; ``what`` quotes the text.

    Examples
    --------
    >>> parse_date("Jumat, 13 September 2024")
    ParsedDate(value='2024-09-13', precision='day')
    >>> parse_date("06/09/2024").value
    '2024-09-06'
    >>> parse_date("Agt 2024")
    ParsedDate(value='2024-08', precision='month')
    """
    if text is None:
        raise DataProblem(t("import.date.empty", lang), t("import.date.fix", lang))
    if not isinstance(text, str):
        found = _from_cell(text, lang)
        if found is not None:
            return found
        text = str(text)
    shown = text.strip()
    if not shown:
        raise DataProblem(t("import.date.empty", lang), t("import.date.fix", lang))
    return _from_text(shown, lang)


def _from_text(shown: str, lang: str) -> ParsedDate:
    """Parse stripped, non-empty text (see :func:`parse_date`)."""
    folded = _TIME.sub("", _fold(shown)).strip()
    words = folded.split(" ")
    if words and words[0] in ("hari", "tanggal", "tgl"):
        words = words[1:]
    weekday = None
    if len(words) > 1 and words[0].rstrip(".") in _WEEKDAYS:
        weekday = _WEEKDAYS[words[0].rstrip(".")]
        words = words[1:]
    if words and words[0] in ("tanggal", "tgl"):
        words = words[1:]
    rest = " ".join(words)
    found = _match(rest, shown, lang)
    if found is None:
        raise _unreadable(shown, lang)
    if weekday is not None:
        if found.precision != "day":
            raise _unreadable(shown, lang)
        actual = found.first_day.weekday()
        if actual != weekday:
            names = WEEKDAY_NAMES[lang if lang in WEEKDAY_NAMES else "id"]
            raise DataProblem(
                t(
                    "import.date.weekday_mismatch",
                    lang,
                    text=_quote(shown),
                    actual=names[actual],
                    given=names[weekday],
                ),
                t("import.date.weekday_fix", lang),
            )
    return found


def _match(rest: str, shown: str, lang: str) -> ParsedDate | None:
    """Return the date in folded, weekday-free text, or None when no form matches."""
    if m := _ISO_DAY.fullmatch(rest):
        return _day(int(m[1]), int(m[2]), int(m[3]), shown, lang)
    if m := _DMY.fullmatch(rest):
        return _day(_year(m[3]), int(m[2]), int(m[1]), shown, lang)
    if m := _ISO_MONTH.fullmatch(rest):
        return _month(int(m[1]), int(m[2]), shown, lang)
    if m := _MY.fullmatch(rest):
        return _month(int(m[2]), int(m[1]), shown, lang)
    if _YEAR.fullmatch(rest):
        year = int(rest)
        _check_year(year, shown, lang)
        return ParsedDate(f"{year:04d}", "year")
    if m := _SERIAL.fullmatch(rest):
        return _from_serial(float(rest), shown, lang)
    rest = rest.replace(".", " ").strip() if not re.search(r"\d\.\d", rest) else rest
    rest = re.sub(r"\s+", " ", rest)
    if (m := _D_MONTH_Y.fullmatch(rest)) and m[2] in _MONTHS:
        return _day(_year(m[3]), _MONTHS[m[2]], int(m[1]), shown, lang)
    if (m := _MONTH_D_Y.fullmatch(rest)) and m[1] in _MONTHS:
        return _day(int(m[3]), _MONTHS[m[1]], int(m[2]), shown, lang)
    if (m := _MONTH_Y.fullmatch(rest)) and m[1] in _MONTHS:
        return _month(int(m[2]), _MONTHS[m[1]], shown, lang)
    return None


def format_date(
    date: ParsedDate,
    *,
    lang: str = "id",
    style: Literal["text", "numeric", "iso"] = "text",
    weekday: bool = False,
) -> str:
    """Write ``date`` for people, as precise as it is; :func:`parse_date` reads it back unchanged.

    Examples
    --------
    >>> format_date(ParsedDate("2024-09-13", "day"), weekday=True)
    'Jumat, 13 September 2024'
    >>> format_date(ParsedDate("2024-09", "month"), lang="en")
    'September 2024'
    >>> format_date(ParsedDate("2024-09-06", "day"), style="numeric")
    '06/09/2024'
    """
    if style == "iso":
        return date.value
    start = date.first_day
    if date.precision == "year":
        return f"{start.year:04d}"
    if style == "numeric":
        if date.precision == "month":
            return f"{start.month:02d}/{start.year:04d}"
        return f"{start.day:02d}/{start.month:02d}/{start.year:04d}"
    months = MONTH_NAMES[lang if lang in MONTH_NAMES else "id"]
    if date.precision == "month":
        return f"{months[start.month - 1]} {start.year:04d}"
    text = f"{start.day} {months[start.month - 1]} {start.year:04d}"
    if weekday:
        days = WEEKDAY_NAMES[lang if lang in WEEKDAY_NAMES else "id"]
        text = f"{days[start.weekday()]}, {text}"
    return text
