"""Text rules shared by every package: escaping user text for markdown, and a value as cell text.

One escape and one cell rule, so a name typed by a user shows the same (and never as markup)
on every page, and a value written to a CSV, a GraphML attribute or a comparison reads the same.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:=])")
"""Every character Streamlit's markdown gives a meaning to, HTML's ``<`` and ``>`` included."""


def escape(text: object) -> str:
    r"""Return ``text`` with markdown (and HTML) syntax escaped, so Streamlit shows it exactly as typed.

    >>> escape("**bold** <script>")
    '\\*\\*bold\\*\\* \\<script\\>'
    >>> escape("Polres *Buleleng*")
    'Polres \\*Buleleng\\*'
    """
    return _MARKDOWN.sub(r"\\\1", str(text))


def cell_text(value: object) -> str | None:
    """Return a value as the text a person sees in a cell, or None when it is empty.

    Missing values of every kind (None, NaN, ``pd.NA``, ``NaT``, blank text) are None; whole
    floats lose their ``.0``; midnight datetimes are dates; numpy scalars are their Python value.

    Examples
    --------
    >>> cell_text(3.0), cell_text(0.25), cell_text(dt.datetime(2024, 9, 13)), cell_text("  x ")
    ('3', '0.25', '2024-09-13', 'x')
    >>> cell_text(True), cell_text(float("nan")), cell_text("  ")
    ('TRUE', None, None)
    """
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalar
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if _is_missing(value):
        return None
    text = str(value).replace("\u00a0", " ").strip()
    return text or None


def _is_missing(value: object) -> bool:
    """Return True for pandas' missing markers (``pd.NA``, ``pd.NaT``) without importing pandas."""
    return type(value).__name__ in {"NAType", "NaTType"}


def label_expression(labels: Mapping[str, str]) -> str:
    """Return a Vega expression that shows codes by their names, for a legend's ``labelExpr``.

    >>> label_expression({"tinggi": "High"})
    'datum.label === "tinggi" ? "High" : (datum.label)'
    """
    expression = "datum.label"
    for code, label in reversed(list(labels.items())):
        expression = f"datum.label === {json.dumps(code)} ? {json.dumps(label)} : ({expression})"
    return expression
