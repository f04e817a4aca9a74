"""Refused rows of an imported file: one record of what was wrong, and one table to show them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from lib.core.i18n import t


@dataclass(frozen=True)
class RowProblem:
    """One row of an imported file that was refused, and why."""

    row: int
    """Row number as a spreadsheet shows it (the header is row 1, the first data row 2)."""
    column: str
    """The column as the file names it ("" when the problem is the whole row)."""
    value: str
    expected: str
    """What the cell should hold, in the user's language."""


def problems_frame(problems: Iterable[RowProblem], lang: str = "id") -> pd.DataFrame:
    """Return refused cells as a table to show: row, column, value, problem (headers in ``lang``)."""
    headers = [t(f"import.problems.{c}", lang) for c in ("row", "column", "value", "problem")]
    rows = sorted(problems, key=lambda p: p.row)
    return pd.DataFrame(
        {
            headers[0]: pd.array([p.row for p in rows], dtype="Int64"),
            headers[1]: pd.array([p.column for p in rows], dtype="string"),
            headers[2]: pd.array([p.value for p in rows], dtype="string"),
            headers[3]: pd.array([p.expected for p in rows], dtype="string"),
        }
    )
