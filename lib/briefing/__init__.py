"""The meeting briefing: an agenda's views as slides, printed as one PDF and one Excel workbook.

Pure: the slides arrive built (:func:`lib.ui.briefing.slide_for` reads a view's data at the
caller's ceiling); this package only lays them out. A slide's classification is the highest of
the rows it shows, and the agenda's the highest of its slides (:func:`agenda_classification`).
"""

from collections.abc import Sequence

from lib.briefing.facts import event_sources, period_text, split_sources
from lib.briefing.frame import framed, header_lines, source_lines, stamp
from lib.briefing.slide import (
    CLASSIFICATION_COLOURS,
    Slide,
    agenda_classification,
    highest,
    rows_classification,
)
from lib.briefing.workbook import briefing_sheets, briefing_xlsx


def briefing_pdf(slides: Sequence[Slide], *, agenda_title: str, lang: str) -> bytes:
    """Return the agenda as a PDF (:func:`lib.briefing.pdf.briefing_pdf`).

    Imported when a briefing is printed, not when the app starts: reportlab's import is 0.3 s
    of every server start, and most runs never print.
    """
    from lib.briefing.pdf import briefing_pdf as printed

    return printed(slides, agenda_title=agenda_title, lang=lang)


__all__ = [
    "CLASSIFICATION_COLOURS",
    "Slide",
    "agenda_classification",
    "briefing_pdf",
    "briefing_sheets",
    "briefing_xlsx",
    "event_sources",
    "framed",
    "header_lines",
    "period_text",
    "highest",
    "rows_classification",
    "source_lines",
    "split_sources",
    "stamp",
]
