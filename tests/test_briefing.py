"""Charts export to PNG and PDF for the minutes, maps included (rings oriented, not a filled canvas)."""

import io

import pandas as pd
from PIL import Image

from lib import geo, intake, risk


def test_a_map_exports_as_a_png_with_several_colours():
    values = pd.DataFrame(
        {"code": ["51.08", "51.71"], "category": ["tinggi", "sedang"], "source": ["x", "y"]}
    )
    chart = geo.tile_grid(
        values, measure="category", measure_label="Kategori", categories=list(risk.CATEGORIES), lang="id"
    )
    png = intake.chart_png(chart)
    assert png.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert len(image.getcolors(maxcolors=100_000) or []) > 5  # not one flat colour


def test_a_chart_exports_as_a_pdf():
    chart = geo.tile_grid(
        pd.DataFrame({"code": ["51.08"], "events": [3], "source": ["x"]}),
        measure="events",
        measure_label="Peristiwa",
        lang="id",
    )
    assert intake.chart_pdf(chart).startswith(b"%PDF")
