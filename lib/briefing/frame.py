"""A single chart with the header and footer of the briefing: title, election, time, focus, sources.

A chart exported from a page (PNG or PDF) leaves the room as a picture; the picture must say
what it shows, when, for which election and regency, from which sources and at which
classification, like every page of the briefing does.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence

import altair as alt

from lib.briefing.slide import CLASSIFICATION_COLOURS, highest
from lib.core.i18n import t
from lib.intake.charts_export import PRINT_WIDTH

FOOTER_SOURCES = 4
"""How many sources the footer of a single chart names (the rest are counted)."""
_LINE_PX = 15
_CHAR_PX = 6.2
"""Average width of a character of 11-pixel sans-serif text, in pixels."""


def stamp(moment: dt.datetime, lang: str) -> str:
    """Return a moment in Bali time as the briefing writes it.

    >>> import zoneinfo
    >>> stamp(dt.datetime(2024, 11, 27, 8, 5, tzinfo=zoneinfo.ZoneInfo("Asia/Makassar")), "id")
    '27/11/2024 08:05 WITA'
    """
    return f"{moment:%d/%m/%Y %H:%M} {t('brief.wita', lang)}"


def header_lines(
    *, election: str, generated_at: dt.datetime, focus: str, period: str, lang: str
) -> tuple[str, str]:
    """Return the two header lines under a title: election and time; focus and period."""
    when = stamp(generated_at, lang)
    first = f"{t('brief.election', lang)}: {election} \u00b7 {t('brief.generated', lang)}: {when}"
    second = f"{t('brief.focus', lang)}: {focus} \u00b7 {t('brief.period', lang)}: {period}"
    return first, second


def source_lines(
    sources: Sequence[str], lang: str, *, limit: int = FOOTER_SOURCES, more: str = "brief.more_sources_plain"
) -> list[str]:
    """Return the footer's source lines: the first ``limit`` sources, then how many more there are.

    ``more`` is the text key saying how many were left out (and where they are).
    """
    if not sources:
        return [f"{t('brief.sources', lang)}: {t('brief.no_sources', lang)}"]
    lines = [f"{t('brief.sources', lang)}: {sources[0]}", *sources[1:limit]]
    if len(sources) > limit:
        lines.append(t(more, lang, n=len(sources) - limit))
    return lines


def _width_of(chart: alt.TopLevelMixin) -> int:
    width = getattr(chart, "width", alt.Undefined)
    return int(width) if isinstance(width, int | float) else PRINT_WIDTH


def _banner(classification: str, width: int, lang: str) -> alt.LayerChart:
    data = alt.Data(values=[{"text": t("brief.banner", lang, level=classification)}])
    base = alt.Chart(data).properties(width=width, height=20, view=alt.ViewBackground(stroke=None))
    box = base.mark_rect(color=CLASSIFICATION_COLOURS[classification]).encode(
        x=alt.value(0), x2=alt.value(width), y=alt.value(0), y2=alt.value(20)
    )
    label = base.mark_text(color="white", fontWeight="bold", fontSize=13).encode(
        x=alt.value(width / 2), y=alt.value(10), text="text:N"
    )
    return alt.layer(box, label)


def wrapped(lines: Sequence[str], width: int, *, per_line: int = 2) -> list[str]:
    """Return ``lines`` wrapped to ``width`` pixels of 11-pixel text, each at most ``per_line`` lines.

    >>> wrapped(["Batas wilayah: BPS via OCHA, CC BY 3.0 IGO"], 150)
    ['Batas wilayah: BPS via', 'OCHA, CC BY 3.0 IGO']
    """
    chars = max(int(width / _CHAR_PX), 10)
    found: list[str] = []
    for line in lines:
        found += textwrap.wrap(line, chars, max_lines=per_line, placeholder=" \u2026") or [""]
    return found


def _lines(lines: Sequence[str], width: int) -> alt.Chart:
    rows = [{"i": i, "text": line} for i, line in enumerate(wrapped(lines, width))]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_text(align="left", baseline="top", fontSize=11, color="#333333", limit=width)
        .encode(x=alt.value(0), y=alt.Y("i:O", axis=None), text="text:N")
        .properties(width=width, height=_LINE_PX * len(rows), view=alt.ViewBackground(stroke=None))
    )


def framed(
    chart: alt.TopLevelMixin,
    *,
    title: str,
    election: str,
    generated_at: dt.datetime,
    focus: str,
    period: str,
    classification: str,
    sources: Sequence[str],
    lang: str,
) -> alt.VConcatChart:
    """Return ``chart`` between a classification banner, a header and a footer of sources.

    Every text is drawn as text (Vega never reads markup in it). A chart with its own
    configuration (legend placement) keeps it: the configuration moves to the frame.
    """
    level = highest([classification])
    inner = chart.copy(deep=False)
    config = getattr(inner, "config", alt.Undefined)
    inner.config = alt.Undefined
    width = _width_of(inner)
    if not isinstance(getattr(inner, "width", None), int | float) and not isinstance(
        inner, alt.VConcatChart | alt.HConcatChart | alt.ConcatChart
    ):
        inner = inner.properties(width=width)
    subtitle = header_lines(
        election=election, generated_at=generated_at, focus=focus, period=period, lang=lang
    )
    outer = alt.vconcat(
        _banner(level, width, lang),
        inner,
        _lines(source_lines(sources, lang), width),
        _banner(level, width, lang),
        spacing=8,
    ).properties(
        title=alt.TitleParams(
            text=f"{t('brief.app', lang)} \u00b7 {title}",
            subtitle=list(subtitle),
            anchor="start",
            fontSize=16,
            subtitleFontSize=12,
            subtitleColor="#333333",
        )
    )
    if config is not alt.Undefined:
        outer.config = config
    return outer
