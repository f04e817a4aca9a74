"""Pictures for the meeting minutes: a chart as PNG or PDF, drawn without a browser."""

from __future__ import annotations

from typing import Any

import altair as alt

from lib.core import formats

PRINT_WIDTH = 760
"""Width in pixels given to a chart that has none of its own (on screen it fills the column)."""
_CONCAT_KEYS = ("vconcat", "hconcat", "concat", "facet", "repeat")


def print_spec(
    chart: alt.TopLevelMixin, *, width: int | None = None, lang: str | None = None
) -> dict[str, Any]:
    """Return the spec of ``chart`` ready to draw off screen.

    A single or layered chart without a width gets ``width`` (:data:`PRINT_WIDTH` by default): on
    screen it fills its column, off screen Vega-Lite would draw it 300 pixels wide. With ``lang``,
    numbers are written the way that language writes them, as on screen.
    """
    spec = chart.to_dict()
    wanted = width or PRINT_WIDTH
    if not any(key in spec for key in _CONCAT_KEYS) and (
        width is not None or not isinstance(spec.get("width"), int | float)
    ):
        spec["width"] = wanted
    if lang is not None:
        spec.setdefault("config", {})["locale"] = formats.vega_locale(lang)
    return spec


def chart_png(
    chart: alt.TopLevelMixin, *, scale: float = 2.0, width: int | None = None, lang: str | None = None
) -> bytes:
    """Return ``chart`` drawn as a PNG (twice the screen resolution by default, for printing)."""
    import vl_convert as vlc  # at the first export, not at a server start

    return bytes(vlc.vegalite_to_png(print_spec(chart, width=width, lang=lang), scale=scale))


def chart_pdf(chart: alt.TopLevelMixin, *, width: int | None = None, lang: str | None = None) -> bytes:
    """Return ``chart`` drawn as a one-page PDF."""
    import vl_convert as vlc

    return bytes(vlc.vegalite_to_pdf(print_spec(chart, width=width, lang=lang)))
