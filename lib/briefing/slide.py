"""One slide of a meeting briefing: a saved view's charts and tables, with where they came from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from lib.core.vocab import CLASSIFICATIONS

CLASSIFICATION_COLOURS: dict[str, str] = {
    "TERBUKA": "#2e7d32",
    "TERBATAS": "#ef6c00",
    "RAHASIA": "#c62828",
}
"""Banner colour of each classification level: green, orange, red."""


@dataclass(frozen=True)
class Slide:
    """What one view of an agenda shows, ready to print: header facts, charts, tables, sources."""

    title: str
    note: str
    page: str
    election: str
    """The election's name in the slide's language."""
    generated_at: dt.datetime
    """When the slide's data was read, in Bali time (WITA)."""
    focus: str
    """The regency the view focuses on ("Buleleng"), or all of Bali in the slide's language."""
    period: str
    """The period shown, readable ("01/09/2024 – 31/12/2024")."""
    classification: str
    """The highest level among the rows the slide shows (TERBUKA, TERBATAS or RAHASIA)."""
    charts: tuple[alt.TopLevelMixin, ...]
    tables: tuple[tuple[str, pd.DataFrame], ...]
    """(sheet title, display table) as the page shows them."""
    sources: tuple[str, ...]
    """The original publications of what is shown (URL, title, date)."""
    caveats: tuple[str, ...]
    lang: str
    continued: tuple[tuple[str, pd.DataFrame], ...] = ()
    """(title, display table) printed on pages of their own after the slide's page, under its header
    (a contest each: more than one page's side column holds)."""
    sheets: tuple[tuple[str, pd.DataFrame], ...] | None = None
    """(sheet title, table) the workbook holds for this slide when they differ from what is printed
    (one table of every contest rather than one per contest); None: ``tables`` then ``continued``."""

    @property
    def workbook_tables(self) -> tuple[tuple[str, pd.DataFrame], ...]:
        """Return the tables the workbook holds for this slide, in order."""
        return (*self.tables, *self.continued) if self.sheets is None else self.sheets

    def __post_init__(self) -> None:
        if self.classification not in CLASSIFICATIONS:
            raise ValueError(f"classification must be one of {CLASSIFICATIONS}, got {self.classification!r}.")
        if self.generated_at.tzinfo is None:
            raise ValueError("generated_at must be an aware datetime (WITA).")


def highest(levels: Iterable[str]) -> str:
    """Return the highest classification among ``levels`` (TERBUKA when there are none).

    An unknown level counts as RAHASIA: a label is never lowered by a typo.

    >>> highest(["TERBUKA", "TERBATAS"]), highest([]), highest(["rahasia?"])
    ('TERBATAS', 'TERBUKA', 'RAHASIA')
    """
    rank = 0
    for level in levels:
        found = CLASSIFICATIONS.index(level) if level in CLASSIFICATIONS else len(CLASSIFICATIONS) - 1
        rank = max(rank, found)
    return CLASSIFICATIONS[rank]


def agenda_classification(slides: Sequence[Slide]) -> str:
    """Return the classification of a whole agenda: the highest of its slides, never less."""
    return highest(slide.classification for slide in slides)


def rows_classification(*frames: pd.DataFrame) -> str:
    """Return the highest ``classification`` among the rows of ``frames`` (frames without one are open)."""
    levels: list[str] = []
    for frame in frames:
        if "classification" in frame.columns:
            levels.extend(str(v) for v in frame["classification"].dropna().unique())
    return highest(levels)
