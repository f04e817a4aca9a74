"""Peta: levels from real boundaries, the tile grid without them, points, Posko measure, the brush."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import intake, store
from lib.core.settings import load_settings
from tests.conftest import SHARED_GEO, open_page

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _empty_store(fresh_store):
    return fresh_store


def open_map(query: dict | None = None) -> AppTest:
    return open_page("pages/peta.py", query)


def map_spec(at: AppTest) -> str:
    chart = at.get("vega_lite_chart")[0]
    return chart.proto.spec + "".join(str(d.data.data) for d in chart.proto.datasets)


def test_without_boundaries_the_tile_grid_says_how_to_load_them():
    at = open_map({"lang": "en"})
    assert any("No boundaries loaded" in i.value for i in at.info)
    assert at.radio(key="map_level").options == ["Regency/city"]


def test_with_the_shared_boundaries_every_level_can_be_drawn(monkeypatch):
    monkeypatch.setenv("SINERGI_BOUNDARIES", str(SHARED_GEO))
    at = open_map({"lang": "en"})
    assert not any("No boundaries loaded" in i.value for i in at.info)
    assert at.radio(key="map_level").options == ["Regency/city", "District (kecamatan)", "Village (desa)"]
    kabupaten = map_spec(at)
    assert "Buleleng" in kabupaten
    at.radio(key="map_level").set_value("Village (desa)").run()
    assert not at.exception
    assert len(map_spec(at)) > len(kabupaten)


def test_the_map_sent_is_small_at_every_level(monkeypatch):
    # What the page sends is a fixed property of the boundaries, so its size can be asserted:
    # today's GeoJSON was 182 KB at kecamatan level and 661 KB at desa level.
    monkeypatch.setenv("SINERGI_BOUNDARIES", str(SHARED_GEO))
    at = open_map({"lang": "en"})
    for level, limit in (("District (kecamatan)", 100_000), ("Village (desa)", 250_000)):
        at.radio(key="map_level").set_value(level).run()
        charts = at.get("vega_lite_chart")
        assert "Topology" in charts[0].proto.spec  # drawn from boundaries, not the tile grid
        assert sum(chart.proto.ByteSize() for chart in charts) <= limit, level


@pytest.mark.parametrize("boundaries", [True, False], ids=["boundaries", "tile grid"])
def test_a_focus_chosen_in_the_sidebar_sends_new_rows_and_the_same_map(monkeypatch, boundaries):
    """The browser builds a chart anew when its spec changes, and updates it in place when only its
    rows do: the focus is a column of the rows, so choosing one does not rebuild the drawn map."""
    from lib import geo

    if boundaries:
        monkeypatch.setenv("SINERGI_BOUNDARIES", str(SHARED_GEO))
    at = open_map({"lang": "en"})
    before = at.get("vega_lite_chart")[0].proto
    at.selectbox(key="focus").set_value("51.08").run()
    assert not at.exception, at.exception
    after = at.get("vega_lite_chart")[0].proto
    assert after.spec == before.spec  # the same chart ...
    assert [d.name for d in after.datasets] == [d.name for d in before.datasets]
    assert before.id == after.id
    tables = [after.data.data, *(dataset.data.data for dataset in after.datasets)]  # rows, as Arrow
    focused = [code for rows in tables for code, flag in _columns(rows, "code", geo.FOCUSED) if flag == 1]
    assert focused == ["51.08"]  # ... with Buleleng's row marked to be outlined


def _columns(arrow: bytes, *names: str) -> list[tuple]:
    """Return the named columns of an Arrow dataset's rows (none if it lacks one of them)."""
    import pyarrow as pa

    if not arrow:
        return []
    table = pa.ipc.open_stream(arrow).read_all()
    if not all(name in table.column_names for name in names):
        return []
    return list(zip(*(table.column(name).to_pylist() for name in names), strict=True))


def test_a_rerun_with_the_same_inputs_does_not_rebuild_the_map(monkeypatch):
    from lib import geo
    from lib.ui import maps

    monkeypatch.setenv("SINERGI_BOUNDARIES", str(SHARED_GEO))
    built = []
    choropleth = geo.choropleth
    monkeypatch.setattr(geo, "choropleth", lambda *a, **k: built.append(1) or choropleth(*a, **k))
    maps.map_spec.clear()
    at = open_map({"lang": "en"})  # Ringkasan's map, then Peta's
    opened = len(built)
    assert opened >= 1
    at.radio(key="map_level").set_value("Village (desa)").run()
    assert len(built) == opened + 1
    first = at.get("vega_lite_chart")[0].proto.spec
    at.run()
    at.run()
    assert len(built) == opened + 1
    assert at.get("vega_lite_chart")[0].proto.spec == first
    at.radio(key="map_level").set_value("Regency/city").run()
    assert len(built) == opened + 1  # built before, with the same inputs


def test_a_brush_from_the_history_narrows_the_events_of_the_focused_regency():
    at = open_map({"lang": "en", "r": "51.07", "b": "2024-11-27~2024-12-31"})
    assert any("Time range from the conflict history" in i.value for i in at.info)
    dates = sorted(at.dataframe[-1].value["Date"])
    assert dates == ["2024-12-01", "2024-11-27"][::-1]


def _seed_located_posko_event():
    settings = load_settings()
    bundle = intake.load_bundle(settings.bundled_dir)
    engine = store.open_store(settings.store_url, bundle)
    typed = bundle.events.head(1).drop(columns=[c for c in bundle.events.columns if c.endswith("_en")])
    event = typed.assign(
        id="posko-901",
        date="2024-11-26",
        region_code="51.08",
        description="Laporan uji: spanduk dirusak di Seririt",
        lat=-8.19,
        lon=114.93,
        origin="posko",
        classification="TERBUKA",
    )
    store.save_events(engine, event, actor="test")
    engine.dispose()


def test_geolocated_reports_are_drawn_as_points_and_counted_as_posko(monkeypatch):
    monkeypatch.setenv("SINERGI_BOUNDARIES", str(SHARED_GEO))
    _seed_located_posko_event()
    at = open_map({"lang": "en"})
    assert "spanduk dirusak di Seririt" in map_spec(at)
    at.selectbox(key="map_measure").set_value("posko").run()
    assert "Verified command-post reports in the period" in map_spec(at)
    at.toggle(key="map_points").set_value(False).run()
    assert "spanduk dirusak di Seririt" not in map_spec(at)
    assert "lay" in at.query_params


def test_counts_include_events_coded_to_a_kecamatan():
    from lib import history

    bundle = intake.load_bundle(load_settings().bundled_dir)
    one = bundle.events.head(1).assign(region_code="51.08.03", origin="posko")
    counts = history.counts_by_regency(
        one, bundle.figures, bundle.regions, election_id="pilkada-2024-bali"
    ).set_index("code")
    assert counts.loc["51.08", "events"] == 1
    assert counts.loc["51.08", "posko"] == 1
    assert pd.notna(counts.loc["51.08", "events_per_100k"])


def test_the_map_can_be_taken_into_the_minutes_as_png_and_pdf():
    at = open_map({"lang": "en"})
    labels = [button.label for button in at.get("download_button")]
    assert "Download picture (PNG)" in labels
    assert "Download PDF" in labels


def test_a_brushed_range_narrows_the_chosen_period_or_stands_for_it():
    import datetime as dt

    from lib.ui import peta

    day = dt.date
    chosen = (day(2024, 9, 1), day(2024, 12, 31))
    narrowed, brush = peta.period_and_brush(chosen, "2024-11-27~2025-01-31", "en")
    assert brush == (day(2024, 11, 27), day(2025, 1, 31))
    assert narrowed == (day(2024, 11, 27), day(2024, 12, 31))
    assert peta.period_and_brush(None, "2024-11-27~2025-01-31", "en") == (brush, brush)
    assert peta.period_and_brush(chosen, "", "en") == (chosen, None)
