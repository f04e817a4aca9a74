"""The meeting briefing as an Excel workbook: a cover sheet, a sources sheet, one sheet per table."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib.briefing.frame import stamp
from lib.briefing.slide import Slide, highest
from lib.core.i18n import t
from lib.intake.excel import to_xlsx_bytes


def sheet_title(number: int, title: str) -> str:
    """Return the sheet name of a slide's table: its slide number first, so names stay apart.

    >>> sheet_title(2, "Kejadian terbaru")
    '2 Kejadian terbaru'
    """
    return f"{number} {title}"


def briefing_sheets(slides: Sequence[Slide], *, agenda_title: str, lang: str) -> dict[str, pd.DataFrame]:
    """Return the workbook's sheets: the agenda (cover), the sources, then every table shown, in order."""
    level = highest(s.classification for s in slides)
    sheets: dict[str, pd.DataFrame] = {}
    cover_rows = []
    source_rows = []
    tables: dict[str, pd.DataFrame] = {}
    for number, slide in enumerate(slides, start=1):
        names = [sheet_title(number, title) for title, _ in slide.workbook_tables]
        for name, (_, frame) in zip(names, slide.workbook_tables, strict=True):
            tables[name] = frame
        cover_rows.append(
            {
                t("brief.col.number", lang): number,
                t("brief.col.title", lang): slide.title,
                t("brief.col.page", lang): slide.page,
                t("brief.election", lang): slide.election,
                t("brief.focus", lang): slide.focus,
                t("brief.period", lang): slide.period,
                t("brief.generated", lang): stamp(slide.generated_at, lang),
                t("brief.col.classification", lang): slide.classification,
                t("brief.note", lang): slide.note,
                t("brief.col.caveats", lang): "; ".join(slide.caveats),
                t("brief.col.sheets", lang): ", ".join(names),
            }
        )
        source_rows += [
            {t("brief.col.slide", lang): number, t("brief.col.source", lang): source}
            for source in slide.sources
        ]
    columns = [
        t(key, lang)
        for key in (
            "brief.col.number",
            "brief.col.title",
            "brief.col.page",
            "brief.election",
            "brief.focus",
            "brief.period",
            "brief.generated",
            "brief.col.classification",
            "brief.note",
            "brief.col.caveats",
            "brief.col.sheets",
        )
    ]
    heading = {
        t("brief.col.title", lang): f"Sinergi \u00b7 {agenda_title}",
        t("brief.col.classification", lang): level,
    }
    sheets[t("brief.cover", lang)] = pd.DataFrame([heading, *cover_rows], columns=columns)
    sheets[t("brief.sources_sheet", lang)] = pd.DataFrame(
        source_rows, columns=[t("brief.col.slide", lang), t("brief.col.source", lang)]
    )
    sheets.update(tables)
    return sheets


def briefing_xlsx(slides: Sequence[Slide], *, agenda_title: str, lang: str) -> bytes:
    """Return the agenda as an Excel workbook that opens safely (no cell can run as a formula).

    The first sheet lists the agenda (title and classification, then one row per slide: title,
    election, focus, period, time, classification, note, caveats and the sheets of its tables);
    the second lists every source by slide; then one sheet per table shown, named by slide number
    and table title, with every row (the PDF prints only the first).
    """
    return to_xlsx_bytes(briefing_sheets(slides, agenda_title=agenda_title, lang=lang))
