"""Numbers and percentages as the user's language writes them, in one place (Babel's CLDR data).

Indonesian groups thousands with a dot and writes decimals with a comma (3.283.893; 49,33; 32,5%);
English the other way round (3,283,893; 49.33; 32.5%). Every number a page shows as text goes
through here, and charts get the same conventions through :func:`vega_locale`. Dates have their
own writer, :func:`lib.core.dates.format_date`.

Babel rather than our own rules: its CLDR tables are the reference for both locales, and a new
language is one entry in :data:`LOCALES`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
from babel.numbers import format_decimal, format_percent

LOCALES: dict[str, str] = {"id": "id_ID", "en": "en_US"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def _pattern(digits: int, fixed: bool) -> str:
    if digits <= 0:
        return "#,##0"
    return "#,##0." + ("0" if fixed else "#") * digits


def number(value: float | int | None, lang: str = "id", *, digits: int = 0, fixed: bool = True) -> str:
    """Return ``value`` with ``digits`` decimals (trailing zeros dropped unless ``fixed``); "" for none.

    >>> number(3283893, "id"), number(3283893, "en")
    ('3.283.893', '3,283,893')
    >>> number(3.8, "id", digits=1), number(0.3248, "en", digits=3, fixed=False)
    ('3,8', '0.325')
    >>> number(None)
    ''
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_decimal(value, format=_pattern(digits, fixed), locale=_locale(lang))


def percent(share: float | None, lang: str = "id", *, digits: int = 1) -> str:
    """Return a share (0..1) as a percentage.

    >>> percent(0.32481, "id"), percent(0.32481, "en")
    ('32,5%', '32.5%')
    """
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    return format_percent(share, format=_pattern(digits, True) + "%", locale=_locale(lang))


def factor(value: float, lang: str = "id", *, digits: int = 2) -> str:
    """Return a multiplier such as ×0,55.

    >>> factor(0.5488, "id"), factor(1.8221, "en")
    ('×0,55', '×1.82')
    """
    return "\u00d7" + number(value, lang, digits=digits)


def megabytes(size: int, lang: str = "id") -> str:
    """Return a byte count as megabytes with at most one decimal.

    >>> megabytes(5_242_880, "id"), megabytes(20_000_000, "en")
    ('5,2', '20')
    """
    return number(size / 1_000_000, lang, digits=1, fixed=False)


def vega_locale(lang: str = "id") -> dict[str, dict[str, object]]:
    """Return the Vega-Lite ``config.locale`` of ``lang``: chart axes and tooltips write numbers alike.

    >>> vega_locale("id")["number"]["decimal"]
    ','
    """
    if lang == "en":
        number_locale = {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]}
    else:
        number_locale = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
    return {"number": number_locale}


def as_text(
    frame: pd.DataFrame, lang: str, digits: Mapping[str, int], *, fixed: bool = False, missing: str = ""
) -> pd.DataFrame:
    """Return ``frame`` with the numeric columns of ``digits`` written as ``lang`` writes numbers.

    A table's numbers then read like the rest of the screen (0,1594 beside 3.283.893), whatever the
    browser's own locale; an unknown value shows ``missing``. Other columns are left as they are.

    >>> shown = as_text(pd.DataFrame({"score": [62.5853, None], "year": [2024, 2024]}), "id", {"score": 1})
    >>> shown["score"].tolist(), shown["year"].tolist()
    (['62,6', ''], [2024, 2024])
    """
    out = frame.copy()
    for column, places in digits.items():
        if column in out.columns:
            out[column] = pd.array(
                [
                    missing if pd.isna(v) else number(float(v), lang, digits=places, fixed=fixed)
                    for v in out[column]
                ],
                dtype="string",
            )
    return out
