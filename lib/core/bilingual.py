"""Bundled texts in two languages: ``c`` holds Indonesian, ``c_en`` its English.

Every bundled text a user reads (an event's description, an institution's role, a region's note …)
is written in both languages in ``data/`` and stored side by side; the screen shows one. Imported
and Posko text has no ``c_en`` twin: it stays as written, whatever the language of the screen.
"""

from __future__ import annotations

import pandas as pd

SUFFIX = "_en"
"""The suffix of a column's English twin."""


def twins(columns: pd.Index | list[str]) -> list[str]:
    """Return the base columns of ``columns`` that have an English twin (``c`` and ``c_en`` both there).

    >>> twins(["id", "description", "description_en", "name_en"])
    ['description']
    """
    present = set(columns)
    return [c for c in columns if not c.endswith(SUFFIX) and f"{c}{SUFFIX}" in present]


def in_language(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return ``frame`` with each bilingual text in ``lang`` under its base name, the twins dropped.

    In English a row's ``c_en`` replaces ``c`` where it is filled; a row without one (imported,
    typed in the Posko) keeps its text as written. In Indonesian ``c`` is already the text.

    >>> rows = pd.DataFrame({"description": ["Bentrokan", "as typed"], "description_en": ["Clash", None]})
    >>> in_language(rows, "en")["description"].tolist()
    ['Clash', 'as typed']
    >>> in_language(rows, "id").columns.tolist()
    ['description']
    """
    bases = twins(frame.columns)
    if not bases:
        return frame
    out = frame.copy()
    if lang == "en":
        for base in bases:
            english = out[f"{base}{SUFFIX}"]
            filled = english.notna() & (english.astype("string").str.strip() != "")
            out[base] = english.where(filled.fillna(False), out[base])
    return out.drop(columns=[f"{base}{SUFFIX}" for base in bases])
