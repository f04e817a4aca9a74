"""The words a person reads for the app's internal values (category, type, confidence …), in one place.

Stored rows keep short codes (``money_politics``, ``election_body``, ``high``); every table a page
shows passes through :func:`labelled`, so no code reaches the screen and each label follows the
language.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lib.core.i18n import STRINGS, t

LABEL_KEYS: dict[str, str] = {
    "category": "category",
    "phase_reported": "phase",
    "phase": "phase",
    "type": "network.type",
    "level": "network.level",
    "kind": "network.kind",
    "confidence": "confidence",
    "date_precision": "precision",
    "office": "politics.office",
    "incumbent": "politics.incumbent",
    "backing": "politics.backing",
}
"""Column -> the prefix of its values' locale keys (``category.riot``, ``network.type.police`` …)."""


def code_label(column: str, value: object, lang: str = "id") -> object:
    """Return the label of ``value`` in ``column``, or ``value`` itself when it has none.

    >>> code_label("category", "money_politics", "id"), code_label("confidence", "high", "en")
    ('Politik uang', 'High')
    >>> code_label("location", "Seririt")
    'Seririt'
    """
    prefix = LABEL_KEYS.get(column)
    if prefix is None or not isinstance(value, str) or f"{prefix}.{value}" not in STRINGS:
        return value
    return t(f"{prefix}.{value}", lang)


def labelled(
    frame: pd.DataFrame, lang: str = "id", *, region_names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Return ``frame`` with the codes of known columns replaced by their labels (and region codes by names).

    A column named ``region_code`` shows "Seririt (Buleleng)"-style names from ``region_names``
    when given; values without a label stay as they are.
    """
    out = frame.copy()
    for column in out.columns:
        if column in LABEL_KEYS:
            out[column] = (
                out[column].map(lambda v, c=column: code_label(c, v, lang)).astype(out[column].dtype)
            )
        elif column == "region_code" and region_names is not None:
            out[column] = out[column].map(lambda v: region_names.get(v, v) if isinstance(v, str) else v)
    return out
