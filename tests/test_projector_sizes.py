"""Projector mode's chart sizes: a legend set on an encoding is raised to 16 px, the data left alone."""

from __future__ import annotations

import dataclasses

from lib.core.viewstate import ViewState
from lib.ui import projector

GEOJSON = {"values": {"type": "FeatureCollection", "features": [{"legend": {"labelFontSize": 9}}]}}


def _map_spec() -> dict:
    return {
        "datasets": {"shapes": [{"legend": {"labelFontSize": 9}}]},
        "layer": [
            {
                "data": GEOJSON,
                "encoding": {
                    "color": {"legend": {"labelFontSize": 14, "titleFontSize": 20, "symbolSize": 220}}
                },
            },
            {"encoding": {"size": {"legend": None}}},
        ],
    }


def test_a_legend_set_on_an_encoding_is_raised_to_16_px_in_projector_mode():
    spec = _map_spec()
    shown = projector.sized(spec, dataclasses.replace(ViewState(), projector=True))
    legend = shown["layer"][0]["encoding"]["color"]["legend"]
    assert legend == {"labelFontSize": 16, "titleFontSize": 20, "symbolSize": 220}  # never made smaller
    assert shown["layer"][1]["encoding"]["size"]["legend"] is None  # no legend stays none
    assert shown["config"]["legend"]["labelFontSize"] == 16
    assert shown["layer"][0]["data"] is GEOJSON  # the data is shared, neither walked nor copied
    assert shown["datasets"] is spec["datasets"]
    assert spec == _map_spec()  # the cached spec is not modified


def test_outside_projector_mode_the_spec_comes_back_as_it_is():
    spec = _map_spec()
    assert projector.sized(spec, ViewState()) is spec
