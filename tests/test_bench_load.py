"""The load bench's protocol client and its arithmetic (bench/bench_load.py); no timing is asserted.

The live test starts ``streamlit run app.py`` as the browser tests do and talks to it the way a
browser tab does (websocket, protobuf): if the handshake or the messages the bench relies on change
with a Streamlit upgrade, this fails instead of the bench printing nonsense.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_load  # noqa: E402


def test_percentiles_of_known_values():
    assert bench_load.percentile([15, 20, 35, 40, 50], 50) == 35
    assert bench_load.percentile([15, 20, 35, 40, 50], 95) == pytest.approx(48.0)  # 40 + 0.8 * 10
    assert bench_load.percentile([3, 1, 2], 0) == 1
    assert bench_load.percentile([3, 1, 2], 100) == 3
    assert bench_load.percentile([7.5], 95) == 7.5
    with pytest.raises(ValueError, match="no values"):
        bench_load.percentile([], 50)


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=60), st.sampled_from([0, 25, 50, 95, 99, 100]))
def test_percentiles_agree_with_numpy(values, q):
    assert bench_load.percentile(values, q) == pytest.approx(float(np.percentile(values, q)), abs=1e-6)


def test_cpu_seconds_are_read_after_the_command_name():
    # a command name with spaces and parentheses, as /proc shows it; utime 250 and stime 50 ticks
    fields = ["S", "1", "2", "3", "0", "-1", "4194560", "10", "0", "0", "0", "250", "50", "7", "3"]
    stat = "4242 (odd (name) x) " + " ".join(fields) + " 20 0 1 0 99"
    assert bench_load.cpu_seconds_from_stat(stat, 100) == pytest.approx(3.0)
    assert bench_load.cpu_ms_per_rerun(1.0, 1.5, 10) == pytest.approx(50.0)
    with pytest.raises(ValueError, match="no reruns"):
        bench_load.cpu_ms_per_rerun(1.0, 1.5, 0)


def test_cpu_seconds_of_a_process_are_its_own_and_agree_with_proc():
    before = bench_load.cpu_seconds(os.getpid())
    sum(i * i for i in range(3_000_000))
    assert bench_load.cpu_seconds(os.getpid()) > before
    assert bench_load.cpu_seconds(os.getpid()) == pytest.approx(time.process_time(), abs=0.05)
    ticks = os.sysconf("SC_CLK_TCK")
    from_proc = bench_load.cpu_seconds_from_stat(Path(f"/proc/{os.getpid()}/stat").read_text(), ticks)
    assert bench_load.cpu_seconds(os.getpid()) == pytest.approx(from_proc, abs=0.05)


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    env = {
        "SINERGI_DATA_DIR": str(tmp_path_factory.mktemp("var")),
        "SINERGI_BOUNDARIES": str(ROOT.parent / "shared" / "data" / "geo"),
    }
    with bench_load.running(ROOT / "app.py", env) as server:
        yield server


def test_one_session_opens_peta_reruns_and_switches_its_level(app_server):
    async def converse() -> tuple[bench_load.Session, list[bench_load.Run]]:
        tab = bench_load.Session(app_server.url, "peta", polls=False)
        try:
            runs = [await tab.open(), await tab.rerun()]
            assert runs[0].messages > 10, f"Peta drew almost nothing; its boxes said: {runs[0].alerts}"
            with pytest.raises(KeyError, match="no widget"):
                tab.set_widget("no_such_widget", "x")
            tab.set_widget("map_level", "kecamatan")
            runs.append(await tab.rerun())
            return tab, runs
        finally:
            await tab.close()

    tab, (opened, rerun, kecamatan) = asyncio.run(converse())
    assert tab.page_hash  # the server named the page it ran
    assert any(ident.endswith("-map_level") for ident in tab.widgets)  # Peta's own widget: Peta ran
    for run in (opened, rerun, kecamatan):
        assert run.exceptions == []
        assert run.messages > 0
        assert run.bytes > 0
    assert tab.cached  # the map is cacheable: the rerun got a reference instead of the spec again
    assert rerun.bytes < opened.bytes
    assert kecamatan.bytes > rerun.bytes  # a new map at the new level


def test_the_load_test_counts_every_rerun_and_the_server_cpu(app_server):
    found = bench_load.load_test(app_server, "", sessions=2, reruns=2)
    assert (found.page, found.sessions, found.reruns, found.exceptions) == ("", 2, 4, 0)
    assert 0 < found.p50_ms <= found.p95_ms
    assert found.cpu_ms >= 0
    assert "Ringkasan" in bench_load.table([found, found])


def _step(name: str, runs_ms: list[int | None], error: str | None = None) -> dict:
    """A step of a pagecheck report: 0 ms is what pagecheck records when the input started no rerun."""
    return {"do": name, "timed": True, "runs_ms": runs_ms, "error": error}


def _pagecheck_report() -> dict:
    """A pagecheck --floor --actions report as pagecheck writes it (only the keys read)."""
    peta_steps = [
        _step("rerun", [30, 28, 35]),
        _step("level desa", [450, 0, 470]),
        _step("level back", [200, 210, 190]),
        _step("focus Buleleng", [None], error="no option 'Buleleng'"),
    ]
    return {
        "floor": {"render_ms": {"median": 800}, "rerun_ms": {"median": 20}},
        "pages": [
            {"page": "/", "render_ms": {"median": 1250}, "actions": [_step("rerun", [50, 0, 0])]},
            {"page": "/peta", "render_ms": {"median": 1400}, "actions": peta_steps},
        ],
    }


def test_bench_all_reads_pagecheck_reports_and_judges_each_goal():
    import bench_all

    report = _pagecheck_report()
    pages = {(f.view, f.figure): f for f in bench_all.page_figures(report)}
    assert pages["Ringkasan", "load"].met is True  # 1250 <= 800 + 500
    assert pages["Ringkasan", "rerun (1 of 3 presses reran)"].value == 50  # the 0 ms presses left out
    assert pages["Ringkasan", "rerun (1 of 3 presses reran)"].met is False  # 50 > 2 x 20
    assert pages["Peta", "load"].met is False  # 1400 > 1300
    assert pages["Peta", "rerun"].value == 30
    assert pages["Peta", "rerun"].met is True
    assert pages["Peta", "load"].baseline == 800
    actions = {f.figure: f for f in bench_all.action_figures(report)}
    assert set(actions) == {"level desa (browser) (2 of 3 presses reran)", "focus Buleleng (browser)"}
    assert actions["level desa (browser) (2 of 3 presses reran)"].value == 460
    assert actions["level desa (browser) (2 of 3 presses reran)"].met is True  # 460 <= 500
    assert actions["focus Buleleng (browser)"].value is None  # the step failed: not measured, no verdict
    assert actions["focus Buleleng (browser)"].met is None
    text = bench_all.table([*pages.values(), *actions.values()])
    assert "1.56x" in text  # Ringkasan's load against the empty page's: 1250 / 800
    assert "not met" in text
    assert "n/a" in text


def test_bench_all_asks_pagecheck_for_the_r_key_on_every_page_and_the_map_changes_on_peta():
    import bench_all

    steps = bench_all.actions_file({"pages", "map"})
    assert list(steps) == list(bench_all.PAGES.values())
    assert all(page_steps[0] == bench_all.RERUN_STEP for page_steps in steps.values())
    assert [step["name"] for step in steps["/peta"][1:]] == ["level desa", "level back", "focus Buleleng"]
    assert bench_all.actions_file({"map"}) == {"/peta": bench_all.MAP_ACTIONS}


def test_bench_all_ratios_and_verdicts():
    import bench_all

    assert bench_all.ratio(300, 150) == 2
    assert bench_all.ratio(None, 150) is None
    assert bench_all.ratio(300, 0) is None
    assert bench_all.at_most(3, 3) is True
    assert bench_all.at_most(4, 3) is False
    assert bench_all.at_most(None, 3) is None
    assert [bench_all.verdict(v) for v in (True, False, None)] == ["met", "not met", "-"]
    assert round(bench_all.N_LOG_N, 2) == 2.2


@pytest.mark.parametrize("framed", [False, True], ids=["alone", "in the sidebar frame"])
def test_bench_alls_baseline_pages_draw_one_chart_and_one_table(framed, tmp_path):
    """The framework baselines must show what they claim to: one chart, one table, no error,
    and (framed) the 11-page navigation and the sidebar's view widgets."""
    import bench_all
    from streamlit.testing.v1 import AppTest

    script = bench_all.framed_app(tmp_path, bench_all.CHART_PAGE)
    if not framed:
        script.write_text(bench_all.CHART_PAGE)
    at = AppTest.from_file(str(script)).run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1
    assert len(at.dataframe) == 1
    assert len(at.sidebar.selectbox) == (3 if framed else 0)
    assert len(at.sidebar.toggle) == (1 if framed else 0)


def test_the_shaped_page_has_ringkasans_elements(tmp_path, fresh_store):
    """bench_load's "Streamlit alone" page must send what Ringkasan sends, kind by kind, main and
    sidebar, or its CPU per rerun is no baseline for Ringkasan's."""
    import collections

    import bench_load
    from streamlit.testing.v1 import AppTest

    def kinds(node, found):
        found[getattr(node, "type", type(node).__name__)] += 1
        for child in getattr(node, "children", {}).values():
            kinds(child, found)
        return found

    script = tmp_path / "shaped.py"
    script.write_text(bench_load.SHAPED_PAGE)
    shaped = AppTest.from_file(str(script)).run()
    ringkasan = AppTest.from_file(str(bench_load.ROOT / "app.py"), default_timeout=120).run()
    assert not shaped.exception
    assert not ringkasan.exception
    for part in ("main", "sidebar"):
        found = kinds(getattr(shaped, part), collections.Counter())
        assert found == kinds(getattr(ringkasan, part), collections.Counter())
    assert found["selectbox"] == 3
    assert len(shaped.get("vega_lite_chart")) == 1


def test_the_focus_baseline_adds_petas_focused_detail(tmp_path):
    """Streamlit's own focus page: Bali-wide a ranking table and chart; a picked regency replaces
    them by three metrics, a chart and two tables, as Peta's focus does."""
    import bench_all
    from streamlit.testing.v1 import AppTest

    script = bench_all.framed_app(tmp_path, bench_all.FOCUS_PAGE)
    at = AppTest.from_file(str(script)).run()
    assert not at.exception
    assert len(at.table) == 1
    assert not at.dataframe
    at.sidebar.selectbox(key=bench_all.FOCUS_STEP["select"]["key"]).select(
        bench_all.FOCUS_STEP["option"]
    ).run()
    assert not at.exception
    assert not at.table
    assert len(at.dataframe) == 2
    assert len(at.metric) == 3
    assert len(at.get("vega_lite_chart")) == 2


def test_every_network_figure_bench_all_prints_is_timed_and_bali_has_27_offices():
    import bench_all
    import bench_network

    from lib import network

    graph = network.build_graph(*bench_network.generated(400, 2000))
    pairs = bench_network.scale_pairs(graph)
    assert set(bench_all.NETWORK_LABELS) <= set(pairs)
    offices = bench_network.bali_offices(graph)
    assert len(set(offices)) == bench_network.FIXED_OFFICES == 27
    every = network.alert_targets(graph, network.ALERT_TARGET_TYPES)
    assert set(offices) <= {node for nodes in every.values() for node in nodes}
