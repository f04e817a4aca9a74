"""The political ties file (``political_ties.csv``): its columns, kinds and checks.

Read with the bundle at every start (:func:`lib.intake.bundle.load_political_ties`), so it stands
apart from the drawing of the ties (:mod:`lib.network.politics`, which needs networkx and altair):
a server start reads the file without importing the graph libraries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.vocab import CLASSIFICATIONS
from lib.politics.model import PARTIES

TIE_KINDS: tuple[str, ...] = ("backs", "campaign_team", "declared_support")
"""``backs``: a party nominates the pair (from the coalitions); ``campaign_team``: the source's
people lead or form the pair's campaign team; ``declared_support``: a declared support short of
nominating (a party without seats, a desa adat, an ormas)."""
TIE_COLUMNS: tuple[str, ...] = ("source_id", "target_id", "kind", "date", "source", "note", "classification")
PARTY_PREFIX = "party:"
TIES_FILE = "political_ties.csv"
_URL = re.compile(r"https?://\S+")
_ID = re.compile(r"^[a-z0-9][a-z0-9\-]*$")


def _fail(name: str, row: int, column: str, value: object, expected: str, lang: str) -> DataProblem:
    """Return the problem of one bad cell (row 2 is the first data row)."""
    shown = "" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else value
    return DataProblem(
        t("bundle.bad_cell", lang, name=name, row=row + 2, column=column, value=shown, expected=expected),
        t("bundle.bad_cell_fix", lang),
    )


def blank(value: object) -> bool:
    """Return True for a missing or empty cell (None, NA, NaN, only spaces)."""
    return (
        value is None
        or value is pd.NA
        or (isinstance(value, float) and pd.isna(value))
        or not str(value).strip()
    )


def check_ties(frame: pd.DataFrame, *, name: str = TIES_FILE, lang: str = "id") -> pd.DataFrame:
    """Return the political ties checked: ends written as ids, a known kind, a URL source, a level.

    Raises
    ------
    DataProblem
        At the first bad cell, naming the file, the row (the header is row 1) and the column.
    """
    missing = [column for column in TIE_COLUMNS if column not in frame.columns]
    if missing:
        raise DataProblem(
            t("bundle.missing_columns", lang, name=name, columns=", ".join(missing)),
            t("bundle.missing_columns_fix", lang),
        )
    rows = frame.reset_index(drop=True).copy()
    seen: dict[tuple[str, str, str], int] = {}
    dates: list[dt.date | None] = []
    for row, record in enumerate(rows.to_dict("records")):
        for column in ("source_id", "target_id"):
            if not _is_end(record[column]):
                raise _fail(name, row, column, record[column], t("networkpolitics.expect.end", lang), lang)
        if record["kind"] not in TIE_KINDS:
            expected = t("bundle.expect.one_of", lang, values=", ".join(TIE_KINDS))
            raise _fail(name, row, "kind", record["kind"], expected, lang)
        if blank(record["source"]) or not _URL.search(str(record["source"])):
            raise _fail(name, row, "source", record["source"], t("networkpolitics.expect.url", lang), lang)
        if record["classification"] not in CLASSIFICATIONS:
            expected = t("bundle.expect.one_of", lang, values=", ".join(CLASSIFICATIONS))
            raise _fail(name, row, "classification", record["classification"], expected, lang)
        dates.append(_date(record["date"], name, row, lang))
        key = (str(record["source_id"]), str(record["target_id"]), str(record["kind"]))
        if key in seen:
            raise _fail(
                name, row, "kind", record["kind"], t("networkpolitics.expect.once", lang, row=seen[key]), lang
            )
        seen[key] = row + 2
    rows["date"] = pd.Series(dates, dtype=object)
    return rows


def _is_end(value: object) -> bool:
    """Return True for ``party:<a national party>`` or an id (lower-case letters, digits, hyphens)."""
    if blank(value):
        return False
    text = str(value)
    if text.startswith(PARTY_PREFIX):
        return text.removeprefix(PARTY_PREFIX) in PARTIES
    return bool(_ID.match(text))


def _date(value: object, name: str, row: int, lang: str) -> dt.date | None:
    """Return the tie's date (empty: unknown), or raise naming the cell."""
    if blank(value):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise _fail(name, row, "date", value, t("bundle.expect.iso_date", lang), lang) from None


def check_tie_ends(
    ties: pd.DataFrame,
    institutions: Collection[str],
    pairs: Collection[str],
    *,
    name: str = TIES_FILE,
    lang: str = "id",
) -> None:
    """Check that every end names a bundled institution, a pair or a party; a tie ends at a pair.

    Raises
    ------
    DataProblem
        At the first end that names nothing known (file, row and column), or a tie whose
        target is not a candidate pair.
    """
    known = set(institutions) | set(pairs)
    for row, (source, target) in enumerate(zip(ties["source_id"], ties["target_id"], strict=True)):
        if not str(source).startswith(PARTY_PREFIX) and source not in known:
            raise _fail(name, row, "source_id", source, t("networkpolitics.expect.known", lang), lang)
        if target not in set(pairs):
            raise _fail(name, row, "target_id", target, t("networkpolitics.expect.pair", lang), lang)
