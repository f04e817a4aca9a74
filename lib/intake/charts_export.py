"""Pictures for the meeting minutes: a chart as PNG or PDF, drawn without a browser."""

from __future__ import annotations

import altair as alt
import vl_convert as vlc


def chart_png(chart: alt.TopLevelMixin, *, scale: float = 2.0) -> bytes:
    """Return ``chart`` drawn as a PNG (twice the screen resolution by default, for printing)."""
    return bytes(vlc.vegalite_to_png(chart.to_dict(), scale=scale))


def chart_pdf(chart: alt.TopLevelMixin) -> bytes:
    """Return ``chart`` drawn as a one-page PDF."""
    return bytes(vlc.vegalite_to_pdf(chart.to_dict()))
