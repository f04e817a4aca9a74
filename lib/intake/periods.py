"""Read the days of a stage as schedules write them: one day, or a period ("1 Jan 2029 s.d. 3 Feb 2029")."""

from __future__ import annotations

import datetime as dt
import re

from lib.core.dates import MONTH_NAMES, parse_date
from lib.core.i18n import t
from lib.core.problems import DataProblem

_RANGE_WORDS = re.compile(
    r"\s*(?:(?<![a-z])s\s?[./]?\s?d(?![a-z])\.?|\bsampai\s+dengan\b|\bsampai\b|\bhingga\b|\buntil\b|\bto\b"
    r"|[\u2013\u2014]|\s-\s)\s*",
    re.IGNORECASE,
)
"""What stands between the two days of a period: "s.d.", "s/d", "sampai (dengan)", "hingga", a dash."""


def _day_of(value: object, shown: str, lang: str) -> dt.date:
    """Return the day a cell or text names; a month or a year alone is not a day of a schedule."""
    found = parse_date(value, lang=lang)
    if found.precision != "day":
        raise DataProblem(t("setup.range.need_day", lang, text=shown), t("setup.range.fix", lang))
    return found.first_day


def _completed(left: str, end: dt.date, shown: str, lang: str) -> dt.date:
    """Return the first day of "1 – 3 Februari 2029" or "28 Desember – 3 Januari 2029".

    What the start leaves out is the end's (its year, or its month and year); a start that would fall
    after the end is a year earlier.
    """
    left = left.strip().rstrip(",")
    candidates = [f"{left} {end.year}", f"{left}/{end.year}"]
    if re.fullmatch(r"\d{1,2}\.?", left):
        candidates.insert(0, f"{left.rstrip('.')} {MONTH_NAMES['id'][end.month - 1]} {end.year}")
    for text in candidates:
        try:
            day = _day_of(text, shown, lang)
        except DataProblem:
            continue
        if day > end:
            try:
                day = day.replace(year=day.year - 1)
            except ValueError:  # 29 February of a year before a non-leap one
                continue
        return day
    raise _unreadable_range(shown, lang)


def _unreadable_range(shown: str, lang: str) -> DataProblem:
    quoted = shown if len(shown) <= 60 else shown[:57] + "\u2026"
    return DataProblem(t("setup.range.unreadable", lang, text=quoted), t("setup.range.fix", lang))


def _span(left: str, right: str, shown: str, lang: str) -> tuple[dt.date, dt.date]:
    """Return the days of a period written as two parts (the first may leave out month and year)."""
    try:
        end = _day_of(right.strip(), shown, lang)
    except DataProblem:
        raise _unreadable_range(shown, lang) from None
    try:
        start = _day_of(left.strip(), shown, lang)
    except DataProblem:
        start = _completed(left, end, shown, lang)
    if end < start:
        raise DataProblem(
            t(
                "setup.range.order",
                lang,
                text=shown,
                start=start.strftime("%d/%m/%Y"),
                end=end.strftime("%d/%m/%Y"),
            ),
            t("setup.range.order_fix", lang),
        )
    return start, end


def parse_date_range(value: object, *, lang: str = "id") -> tuple[dt.date, dt.date]:
    """Return the first and last day of a stage as a schedule writes it.

    Accepted: one day in any form :func:`lib.core.dates.parse_date` reads (``14 Februari 2029``,
    ``14/02/2029``, a date cell, an Excel serial), or two joined by ``s.d.``, ``s/d``, ``sd``,
    ``sampai (dengan)``, ``hingga``, ``to``, ``until`` or a dash (``1 Jan 2029 s.d. 3 Feb 2029``,
    ``01/01/2029 – 03/02/2029``); the first may leave out what it shares with the second
    (``1 – 3 Februari 2029``, ``27-29 Agustus 2028``, ``28 Desember – 3 Januari 2029``).

    Raises
    ------
    DataProblem
        For an empty or unreadable cell, a month or year without a day, or a period that ends
        before it starts; ``what`` quotes the text.

    Examples
    --------
    >>> parse_date_range("1 Jan 2029 s.d. 3 Feb 2029")
    (datetime.date(2029, 1, 1), datetime.date(2029, 2, 3))
    >>> parse_date_range("27-29 Agustus 2028")
    (datetime.date(2028, 8, 27), datetime.date(2028, 8, 29))
    >>> parse_date_range("14 Februari 2029")
    (datetime.date(2029, 2, 14), datetime.date(2029, 2, 14))
    """
    if not isinstance(value, str):
        day = _day_of(value, str(value), lang)
        return day, day
    text = " ".join(value.replace("\u00a0", " ").split())
    if not text:
        raise DataProblem(t("import.date.empty", lang), t("setup.range.fix", lang))
    parts = _RANGE_WORDS.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return _span(parts[0], parts[1], text, lang)
    try:
        day = _day_of(text, text, lang)
    except DataProblem as problem:
        for hyphen in re.finditer("-", text):
            try:
                return _span(text[: hyphen.start()], text[hyphen.end() :], text, lang)
            except DataProblem:
                continue
        if len(parts) == 2:
            raise _unreadable_range(text, lang) from None
        raise problem from None
    return day, day
