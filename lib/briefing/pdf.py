"""The meeting briefing as a PDF: landscape A4, one page per slide, classified top and bottom.

Drawn with reportlab on a canvas, each slide fitted to its page (tables cut to their first rows,
which the Excel workbook holds in full); a slide's continued tables (one per contest) follow on
pages of their own, packed before drawing, so that "page x of y" is known before drawing. Every
text the user or a source wrote goes through :func:`xml.sax.saxutils.escape`: reportlab's
``Paragraph`` reads XML-like markup, and a note must never become formatting or a link.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from lib.briefing.frame import header_lines, source_lines
from lib.briefing.slide import CLASSIFICATION_COLOURS, Slide, highest
from lib.core import formats
from lib.core.i18n import t
from lib.intake.charts_export import chart_png

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 28.0
BANNER = 18.0
TABLE_ROWS = 14
"""At most this many rows of a table are printed; the workbook holds them all."""
TABLE_COLUMNS = 7
CELL_CHARS = 90
FOOTER_SOURCES = 3
"""How many sources a page names in its footer; the workbook's sources sheet lists all."""
TEXT_CHARS = 600
"""A note, source or caveat is cut after this many characters on the page (the workbook keeps all)."""
CHART_SCALE = 1.5
"""Charts are drawn at 1.5 times their pixel size: about 190 dpi where the page prints them."""
_CHAR_PT = 4.1
"""Average width of a character of the table font (6.5 pt) in points."""
_CELL_PAD = 3.0
_SHORT_CHARS = 14
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@functools.cache
def fonts() -> tuple[str, str]:
    """Return the (regular, bold) font names: DejaVu Sans when installed (all of Unicode), else Helvetica."""
    regular, bold = _FONT_DIR / "DejaVuSans.ttf", _FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdfmetrics.registerFont(TTFont("SinergiSans", str(regular)))
        pdfmetrics.registerFont(TTFont("SinergiSans-Bold", str(bold)))
        return "SinergiSans", "SinergiSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def plain(text: object, limit: int = TEXT_CHARS) -> str:
    """Return ``text`` as escaped, printable text for a Paragraph, cut at ``limit`` characters.

    >>> plain("<b>Rapat</b> & koordinasi")
    '&lt;b&gt;Rapat&lt;/b&gt; &amp; koordinasi'
    """
    value = _CONTROL.sub("", str(text)).replace("\r\n", "\n")
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "\u2026"
    return escape(value).replace("\n", "<br/>")


def cell_text(value: object, lang: str) -> str:
    """Return a table cell as the page writes it: numbers in the language's way, dates as dd/mm/yyyy.

    >>> cell_text(1234.5, "id"), cell_text(2024, "id"), cell_text(None, "id")
    ('1.234,5', '2024', '')
    >>> cell_text(dt.date(2024, 11, 27), "en")
    '27/11/2024'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float) or hasattr(value, "dtype"):
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return str(value)
        if number.is_integer() and abs(number) < 10_000:
            return str(int(number))  # a year or a small count, as the page writes it: 2024, not 2.024
        return formats.number(number, lang, digits=2, fixed=False)
    if isinstance(value, dt.datetime | pd.Timestamp):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    return {
        "small": ParagraphStyle("small", fontName=regular, fontSize=8, leading=10, textColor="#444444"),
        "title": ParagraphStyle("title", fontName=bold, fontSize=17, leading=21),
        "meta": ParagraphStyle("meta", fontName=regular, fontSize=9.5, leading=12, textColor="#222222"),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=9, leading=11),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=6.5, leading=8),
        "head": ParagraphStyle("head", fontName=bold, fontSize=6.5, leading=8),
        "foot": ParagraphStyle("foot", fontName=regular, fontSize=7.5, leading=9.5, textColor="#222222"),
    }


def _banner(canvas: Canvas, level: str, y: float, lang: str) -> None:
    canvas.setFillColor(colors.HexColor(CLASSIFICATION_COLOURS[level]))
    canvas.rect(0, y, PAGE_WIDTH, BANNER, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(fonts()[1], 10)
    canvas.drawCentredString(PAGE_WIDTH / 2, y + 5, t("brief.banner", lang, level=level))


def _draw(canvas: Canvas, paragraph: Paragraph, x: float, top: float, width: float) -> float:
    """Draw ``paragraph`` with its top at ``top``; return the y under it."""
    _, height = paragraph.wrapOn(canvas, width, PAGE_HEIGHT)
    paragraph.drawOn(canvas, x, top - height)
    return top - height


def _footer(slide: Slide, styles: dict[str, ParagraphStyle]) -> list[Paragraph]:
    lang = slide.lang
    parts: list[Paragraph] = []
    if slide.note.strip():
        parts.append(Paragraph(f"<b>{plain(t('brief.note', lang))}:</b> {plain(slide.note)}", styles["foot"]))
    lines = source_lines(slide.sources, lang, limit=FOOTER_SOURCES, more="brief.more_sources")
    parts.append(Paragraph("<br/>".join(plain(line, 260) for line in lines), styles["foot"]))
    if slide.caveats:
        caveats = " \u00b7 ".join(slide.caveats)
        parts.append(Paragraph(f"<b>{plain(t('brief.caveats', lang))}:</b> {plain(caveats)}", styles["foot"]))
    return parts


def column_widths(columns: Sequence[object], texts: Sequence[Sequence[str]], width: float) -> list[float]:
    """Return column widths sharing ``width``: short columns (dates, counts) unbroken, long ones the rest.

    >>> [round(w) for w in column_widths(["Tanggal", "Uraian"], [["2024-11-27", "x" * 70]], 200)]
    [47, 153]
    """
    chars = []
    for number, column in enumerate(columns):
        longest_word = max((len(word) for word in str(column).split()), default=1)
        cells = [len(row[number]) for row in texts] or [0]
        chars.append(min(max(longest_word, max(cells), 3), 40))
    need = [c * _CHAR_PT + 2 * _CELL_PAD for c in chars]
    if sum(need) <= width:
        return [width * n / sum(need) for n in need]
    short = [c <= _SHORT_CHARS for c in chars]
    fixed = sum(n for n, s in zip(need, short, strict=True) if s)
    rest = max(width - fixed, width * 0.2)
    long_total = sum(c for c, s in zip(chars, short, strict=True) if not s) or 1
    widths = [n if s else rest * c / long_total for n, c, s in zip(need, chars, short, strict=True)]
    return [w * width / sum(widths) for w in widths]


def _table(
    frame: pd.DataFrame, rows: int, width: float, styles: dict[str, ParagraphStyle], lang: str
) -> Table:
    columns = list(frame.columns[:TABLE_COLUMNS])
    texts = [[cell_text(v, lang) for v in row] for row in frame[columns].head(rows).itertuples(index=False)]
    head = [Paragraph(plain(c, 40), styles["head"]) for c in columns]
    body = [[Paragraph(plain(text, CELL_CHARS), styles["cell"]) for text in row] for row in texts]
    table = Table([head, *body], colWidths=column_widths(columns, texts, width), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD),
            ]
        )
    )
    return table


_ROOM_UNDER_CHARTS = 110.0
"""Height in points left under the charts from which the last table moves there."""
_TABLE_EXTRA = 30.0
"""Room a table needs beyond its rows: its title and the line saying what the workbook holds more."""


def table_shares(natural: Sequence[float], room: float) -> list[float]:
    """Return the height each table gets: its own when all fit, else small ones theirs and the rest shared.

    >>> table_shares([50, 60], 300), table_shares([50, 400, 400], 300)
    ([50, 60], [50, 125.0, 125.0])
    """
    if sum(natural) <= room:
        return list(natural)
    equal = room / len(natural)
    small = [h <= equal for h in natural]
    left = room - sum(h for h, s in zip(natural, small, strict=True) if s)
    large = small.count(False)
    return [h if s else left / large for h, s in zip(natural, small, strict=True)]


def _draw_tables(
    canvas: Canvas,
    tables: Sequence[tuple[str, pd.DataFrame]],
    box: tuple[float, float, float, float],
    styles: dict[str, ParagraphStyle],
    lang: str,
) -> None:
    """Draw ``tables`` in ``box`` (x, bottom, width, top), each cut to the rows that fit."""
    x, bottom, width, top = box
    natural = [
        _table(frame, min(len(frame), TABLE_ROWS), width, styles, lang).wrapOn(canvas, width, PAGE_HEIGHT)[1]
        + _TABLE_EXTRA
        for _, frame in tables
    ]
    for (title, frame), share in zip(tables, table_shares(natural, top - bottom), strict=True):
        limit = top - share
        top = _draw(canvas, Paragraph(plain(title, 120), styles["heading"]), x, top, width) - 2
        rows = min(len(frame), TABLE_ROWS)
        while True:
            table = _table(frame, rows, width, styles, lang)
            _, height = table.wrapOn(canvas, width, PAGE_HEIGHT)
            if top - height - 12 >= limit or rows == 0:
                break
            rows -= 1
        table.drawOn(canvas, x, top - height)
        top -= height + 1
        notes = []
        if len(frame) > rows:
            notes.append(t("brief.more_rows", lang, n=len(frame) - rows))
        if len(frame.columns) > TABLE_COLUMNS:
            notes.append(t("brief.more_columns", lang, n=len(frame.columns) - TABLE_COLUMNS))
        if notes:
            top = _draw(canvas, Paragraph(plain(" \u00b7 ".join(notes)), styles["small"]), x, top, width)
        top = limit


def _draw_charts(canvas: Canvas, slide: Slide, box: tuple[float, float, float, float]) -> float:
    """Draw the slide's charts as pictures in ``box`` (x, bottom, width, top), stacked, aspect kept.

    Each gets at most an equal share of the height; returns the y under the last one.
    """
    x, bottom, width, top = box
    share = (top - bottom) / max(len(slide.charts), 1)
    for chart in slide.charts:
        png = chart_png(chart, scale=CHART_SCALE, lang=slide.lang, width=None)
        image = ImageReader(io.BytesIO(png))
        pixels_w, pixels_h = image.getSize()
        fit = min(width / pixels_w, (share - 4) / pixels_h)
        drawn_w, drawn_h = pixels_w * fit, pixels_h * fit
        canvas.drawImage(image, x, top - drawn_h, width=drawn_w, height=drawn_h)
        top -= drawn_h + 6
    return top


def _draw_frame(
    canvas: Canvas, slide: Slide, *, agenda_title: str, number: int, total: int, continued: bool = False
) -> tuple[float, float]:
    """Draw a page's banners, header and footer; return the (bottom, top) of the room left between."""
    styles = _styles()
    lang = slide.lang
    level = highest([slide.classification])
    _banner(canvas, level, PAGE_HEIGHT - BANNER, lang)
    _banner(canvas, level, 0, lang)
    width = PAGE_WIDTH - 2 * MARGIN
    top = PAGE_HEIGHT - BANNER - 8
    top = _draw(
        canvas,
        Paragraph(f"{t('brief.app', lang)} \u00b7 {plain(agenda_title, 160)}", styles["small"]),
        MARGIN,
        top,
        width,
    )
    title = f"{slide.title} ({t('brief.continued', lang)})" if continued else slide.title
    top = _draw(canvas, Paragraph(plain(title, 160), styles["title"]), MARGIN, top - 2, width)
    lines = header_lines(
        election=slide.election,
        generated_at=slide.generated_at,
        focus=slide.focus,
        period=slide.period,
        lang=lang,
    )
    top = _draw(canvas, Paragraph(plain(" \u00b7 ".join(lines)), styles["meta"]), MARGIN, top - 2, width) - 6
    canvas.setFont(fonts()[0], 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawRightString(
        PAGE_WIDTH - MARGIN, BANNER + 6, t("brief.page_of", lang, page=number, total=total)
    )
    footer = _footer(slide, styles)
    heights = [p.wrapOn(canvas, width - 80, PAGE_HEIGHT)[1] + 2 for p in footer]
    bottom = BANNER + 6 + sum(heights)
    y = bottom
    for paragraph, height in zip(footer, heights, strict=True):
        paragraph.drawOn(canvas, MARGIN, y - height + 2)
        y -= height
    bottom += 6
    canvas.setStrokeColor(colors.HexColor("#cccccc"))
    canvas.line(MARGIN, bottom - 3, PAGE_WIDTH - MARGIN, bottom - 3)
    return bottom, top


def _draw_slide(canvas: Canvas, slide: Slide, *, agenda_title: str, number: int, total: int) -> None:
    styles = _styles()
    lang = slide.lang
    width = PAGE_WIDTH - 2 * MARGIN
    bottom, top = _draw_frame(canvas, slide, agenda_title=agenda_title, number=number, total=total)
    if slide.charts and slide.tables:
        split = width * 0.56
        under = _draw_charts(canvas, slide, (MARGIN, bottom, split - 8, top))
        tables = list(slide.tables)
        if len(tables) > 1 and under - bottom > _ROOM_UNDER_CHARTS:  # the last table under the charts
            _draw_tables(canvas, tables[-1:], (MARGIN, bottom, split - 8, under - 4), styles, lang)
            tables = tables[:-1]
        _draw_tables(canvas, tables, (MARGIN + split, bottom, width - split, top), styles, lang)
    elif slide.charts:
        _draw_charts(canvas, slide, (MARGIN, bottom, width, top))
    else:
        _draw_tables(canvas, slide.tables, (MARGIN, bottom, width, top), styles, lang)


def chunks(tables: Sequence[tuple[str, pd.DataFrame]]) -> list[tuple[str, pd.DataFrame]]:
    """Return ``tables`` with each longer than :data:`TABLE_ROWS` split into parts titled "(1/2)", "(2/2)".

    >>> [(title, len(frame)) for title, frame in chunks([("Sorotan", pd.DataFrame({"a": range(20)}))])]
    [('Sorotan (1/2)', 14), ('Sorotan (2/2)', 6)]
    """
    found: list[tuple[str, pd.DataFrame]] = []
    for title, frame in tables:
        parts = max(math.ceil(len(frame) / TABLE_ROWS), 1)
        for part in range(parts):
            piece = frame.iloc[part * TABLE_ROWS : (part + 1) * TABLE_ROWS]
            found.append((title if parts == 1 else f"{title} ({part + 1}/{parts})", piece))
    return found


def continued_pages(slide: Slide, *, agenda_title: str) -> list[list[tuple[str, pd.DataFrame]]]:
    """Return the slide's continued tables grouped by the page that prints them, in order.

    Tables go on a page while their full heights fit the room between its header and footer; a
    table alone taller than a page gets one and is cut there (the workbook holds every row).
    """
    if not slide.continued:
        return []
    scratch = Canvas(io.BytesIO(), pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    bottom, top = _draw_frame(scratch, slide, agenda_title=agenda_title, number=1, total=1, continued=True)
    room, width, styles = top - bottom, PAGE_WIDTH - 2 * MARGIN, _styles()
    pages: list[list[tuple[str, pd.DataFrame]]] = [[]]
    used = 0.0
    for title, frame in chunks(slide.continued):
        table = _table(frame, min(len(frame), TABLE_ROWS), width, styles, slide.lang)
        height = table.wrapOn(scratch, width, PAGE_HEIGHT)[1] + _TABLE_EXTRA
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append((title, frame))
        used += height
    return pages


def briefing_pdf(slides: Sequence[Slide], *, agenda_title: str, lang: str) -> bytes:
    """Return the agenda as a PDF: landscape A4, a page per slide (and its continued tables' pages).

    Each page carries a header (Sinergi, the agenda's title, the slide's title, election, time in
    WITA, focus, period), the slide's classification in a coloured banner top and bottom, its
    charts as pictures, its tables' first rows (how many more the workbook holds), and the note,
    sources and caveats in the footer with "page x of y". Continued tables follow on pages with
    the same header and footer, the title marked "(lanjutan)".

    Raises
    ------
    ValueError
        If ``slides`` is empty (an agenda to print has at least one view).
    """
    if not slides:
        raise ValueError("an agenda to print needs at least one slide.")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, invariant=1)
    canvas.setTitle(f"Sinergi \u00b7 {agenda_title}")
    canvas.setAuthor("Sinergi")
    canvas.setSubject(t("brief.banner", lang, level=highest(s.classification for s in slides)))
    more = [continued_pages(slide, agenda_title=agenda_title) for slide in slides]
    total = len(slides) + sum(len(pages) for pages in more)
    number = 0
    styles = _styles()
    for slide, pages in zip(slides, more, strict=True):
        number += 1
        _draw_slide(canvas, slide, agenda_title=agenda_title, number=number, total=total)
        canvas.showPage()
        for tables in pages:
            number += 1
            bottom, top = _draw_frame(
                canvas, slide, agenda_title=agenda_title, number=number, total=total, continued=True
            )
            _draw_tables(canvas, tables, (MARGIN, bottom, PAGE_WIDTH - 2 * MARGIN, top), styles, slide.lang)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()
