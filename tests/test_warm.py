"""The warm start (lib/ui/warm.py): it fills the caches the pages read, once, and a failure breaks nothing."""

import logging
import threading

import pytest
from streamlit.testing.v1 import AppTest

import lib.geo
import lib.geo.charts
import lib.intake
import lib.network
from lib.core.settings import load_settings
from lib.ui import cached, warm
from tests.conftest import ROOT

PAGE = "pages/pemangku_kepentingan.py"


@pytest.fixture(autouse=True)
def _fresh(fresh_store):
    return fresh_store


def counting(monkeypatch, module, name: str) -> list[int]:
    """Count the calls of ``module.name`` (the cached functions look it up on every call)."""
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def open_stakeholders() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page(PAGE)
    return at.run()


def test_the_warm_up_fills_the_caches_the_first_pages_read(monkeypatch):
    bundles = counting(monkeypatch, lib.intake, "load_bundle")
    analyses = counting(monkeypatch, lib.network, "analyse")
    layouts = counting(monkeypatch, lib.network, "layout_positions")
    report = warm.warm(load_settings())
    assert report.failed == {}
    assert report.done == [
        "context",
        "boundaries",
        "maps",
        "events",
        "assessment",
        "network",
        "drawing",
        "focus",
    ]
    assert (len(bundles), len(analyses), len(layouts)) == (1, 1, 1)
    at = open_stakeholders()  # the first visitor: Ringkasan, then the network
    assert not at.exception, at.exception
    assert at.get("vega_lite_chart")  # the drawing is on screen ...
    assert (len(bundles), len(analyses), len(layouts)) == (1, 1, 1)  # ... and nothing was computed again
    assert warm.warm(load_settings()).failed == {}
    assert (len(bundles), len(analyses), len(layouts)) == (1, 1, 1)


def test_the_warm_up_builds_each_levels_map_shapes_once(monkeypatch, shared_geo):
    monkeypatch.setenv("SINERGI_BOUNDARIES", str(shared_geo))
    topologies = counting(monkeypatch, lib.geo.charts, "topology")
    assert warm.warm(load_settings()).failed == {}
    shapes = cached.current_boundaries(load_settings())
    assert shapes is not None
    assert len(shapes.display) == 3  # kabupaten, kecamatan, desa
    assert len(topologies) == 3  # each level's map shapes, built once ...
    for frame in shapes.display.values():
        lib.geo.region_topology(frame)
    assert len(topologies) == 3  # ... and a page's map reuses them


def test_a_click_on_a_regency_after_the_warm_up_finds_its_maps_and_detail_built(monkeypatch, shared_geo):
    """The focus step builds what the pages draw for each regency at their first settings."""
    import lib.risk
    from lib.core.regions import REGENCY_CODES

    monkeypatch.setenv("SINERGI_BOUNDARIES", str(shared_geo))
    maps_built = counting(monkeypatch, lib.geo, "choropleth")
    details_built = counting(monkeypatch, lib.risk, "contribution_chart")
    assert warm.warm(load_settings()).failed == {}
    assert len(details_built) == len(REGENCY_CODES)
    built = len(maps_built)
    assert built >= 2 * len(REGENCY_CODES)  # Ringkasan's and Peta's map for each regency
    for page in ("pages/ringkasan.py", "pages/peta.py"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["r"] = "51.08"  # a link focused on Buleleng
        at.switch_page(page)
        at.run()
        assert not at.exception, at.exception
        assert at.get("vega_lite_chart")
    assert len(maps_built) == built  # nothing drawn anew ...
    assert len(details_built) == len(REGENCY_CODES)  # ... not even Buleleng's detail


def test_a_failed_step_is_logged_and_skipped_and_the_page_computes_it(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("no layout today")

    with monkeypatch.context() as patch:
        patch.setattr(lib.network, "layout_positions", broken)
        with caplog.at_level(logging.WARNING, logger="lib.ui.warm"):
            report = warm.warm(load_settings())
    assert report.failed == {"drawing": "RuntimeError: no layout today"}
    assert "network" in report.done  # the steps after a failure still ran
    assert any(
        "'drawing' failed" in r.getMessage() and "no layout today" in r.getMessage() for r in caplog.records
    )
    at = open_stakeholders()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.get("vega_lite_chart")  # the page drew the network itself


def test_the_thread_starts_once_per_process(monkeypatch):
    ran: list[str] = []
    monkeypatch.setattr(warm, "_started", {})
    monkeypatch.setattr(warm, "_served", lambda: True)
    monkeypatch.setattr(warm, "warm", lambda settings: ran.append(threading.current_thread().name))
    first = warm.start(load_settings())
    assert first is not None
    assert warm.start(load_settings()) is None  # every later run of app.py
    first.join(timeout=10)
    assert ran == [warm.THREAD_NAME]


def test_app_py_starts_the_warm_up_and_apptest_does_not(monkeypatch):
    started: list[str] = []
    monkeypatch.setattr(warm, "_started", {})
    monkeypatch.setattr(warm, "warm", lambda settings: started.append(repr(settings)))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    assert warm._started == {}  # AppTest's runtime is a stand-in: no thread per test
    monkeypatch.setattr(warm, "_served", lambda: True)
    at.run()
    thread = warm._started[repr(load_settings())]
    thread.join(timeout=10)
    assert started == [repr(load_settings())]


def test_each_step_waits_until_no_page_is_being_drawn(monkeypatch):
    done: list[str] = []
    monkeypatch.setattr(warm, "_steps", lambda settings, lang, state: [("one", lambda: done.append("one"))])
    with warm.page_run():  # a visitor's page is being drawn
        thread = threading.Thread(target=warm.warm, args=(load_settings(),))
        thread.start()
        thread.join(timeout=1)
        assert done == []
    thread.join(timeout=10)
    assert done == ["one"]


def test_a_step_waits_until_the_browser_has_drawn_the_page_a_run_sent(monkeypatch):
    """A step computing while the browser drew the first page made that page slower."""
    done: list[str] = []
    monkeypatch.setattr(warm, "SETTLE_S", 3.0)
    monkeypatch.setattr(warm, "_steps", lambda settings, lang, state: [("one", lambda: done.append("one"))])
    with warm.page_run():  # a visitor's page: its run has just ended, the browser is drawing it
        pass
    thread = threading.Thread(target=warm.warm, args=(load_settings(),))
    thread.start()
    thread.join(timeout=0.5)
    assert done == []
    thread.join(timeout=10)
    assert done == ["one"]
