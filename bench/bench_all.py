"""Print every figure of issue 13's table, each beside its baseline measured in the same run.

    python bench/bench_all.py [--only pages,map,bytes,cold,load,network] [--quick]

A regression shows as a ratio: a page's load and rerun in the browser against an empty one-line
page (pagecheck --floor, the R key as a step), Peta's focus and level changes against that page's
rerun, the websocket bytes of a level change against the empty page's rerun, the cold start against
the empty page's cold start, the server-side load test against the empty page under the same load
(bench_load.py), and the 2,000-institution graph analyses against their goal (bench_network.py).
Every line names its goal and says "met" or "not met". Figures only: nothing here fails a build,
and a busy machine slows the baselines too, which is why they are measured in the same run.

Groups (``--only``):

======== ===================================================================================
pages    Ringkasan, Peta, Pemangku Kepentingan, Riwayat, Skenario, Data: load and warm rerun;
         and Streamlit's own page with one chart and one table, against its own empty page
map      Peta: focus Buleleng (sidebar), level -> desa (browser, same pagecheck run as pages)
bytes    websocket bytes of Peta's change to kecamatan and to desa (protocol client)
cold     server start -> Ringkasan drawn; Pemangku Kepentingan as the first page after a start
load     20 sessions rerunning Ringkasan and Peta: p95 and the server's CPU per rerun
network  2,000 institutions / 10,000 links: metrics, faster links, brokers, GraphML/GEXF
======== ===================================================================================

``--quick`` loads each page once instead of three times, runs the load test with 10 sessions and
2 reruns each, and times each graph analysis once. The browser groups need Chromium and
../shared/tools/pagecheck.py (``--pagecheck PATH``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_load  # noqa: E402

ROOT = bench_load.ROOT
PAGECHECK = ROOT.parent / "shared" / "tools" / "pagecheck.py"
GROUPS = ("pages", "map", "bytes", "cold", "load", "network")
PAGES = {
    "Ringkasan": "/",
    "Peta": "/peta",
    "Pemangku Kepentingan": "/pemangku_kepentingan",
    "Riwayat": "/riwayat_konflik",
    "Skenario": "/skenario",
    "Data": "/data",
}
LOAD_GOAL_MS = 500
"""A page loads within the empty page's load plus this."""
RERUN_GOAL = 2.0
"""A warm rerun takes at most this many times the empty page's."""
MAP_ACTIONS = [  # level -> desa from Bali-wide, back, then the focus at the regency level
    {"radio": {"key": "map_level"}, "option": "Desa/kelurahan", "name": "level desa", "screenshot": False},
    {"radio": {"key": "map_level"}, "option": "Kabupaten/kota", "name": "level back", "screenshot": False},
    {"select": {"key": "focus"}, "option": "Buleleng", "name": "focus Buleleng", "screenshot": False},
]
ACTION_GOALS_MS = {"focus Buleleng": 300, "level desa": 500}
BYTES_GOALS_KB = {"kecamatan": 100, "desa": 250}
CPU_GOAL_MS = 15
COLD_GOAL_MS = 3000
NETWORK_GOAL_MS = 1000
NETWORK_LABELS = (
    "metrics_table",
    "suggest_faster_links (2)",
    "suggest_faster_links (2), 27 offices",
    "broker_table",
    "GraphML write",
    "GraphML read",
    "GEXF write",
    "GEXF read",
)
N_LOG_N = 2 * math.log(2000) / math.log(1000)
"""Growth from 1,000 to 2,000 institutions of an n log n method (2.2; linear is 2, n squared 4)."""


@dataclass(frozen=True)
class Figure:
    """One line of the table: a measured value, its baseline from the same run, and its goal."""

    view: str
    figure: str
    value: float | None
    baseline: float | None
    baseline_name: str
    goal: str
    met: bool | None
    """None where the table sets no goal (a latency under load), or the figure could not be measured."""
    unit: str = "ms"


def ratio(value: float | None, baseline: float | None) -> float | None:
    """Return value / baseline, or None when either is unknown or the baseline is zero."""
    if value is None or not baseline:
        return None
    return value / baseline


def verdict(met: bool | None) -> str:
    """Return "met", "not met" or "-" (no goal, or not measured)."""
    return "-" if met is None else ("met" if met else "not met")


def at_most(value: float | None, limit: float | None) -> bool | None:
    """Return whether ``value`` is within ``limit`` (None when either is unknown)."""
    if value is None or limit is None:
        return None
    return value <= limit


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "x":
        return f"{value:.2f}"
    return f"{value:,.0f} {unit}" if value >= 10 or unit == "KB" else f"{value:.1f} {unit}"


def table(figures: Sequence[Figure]) -> str:
    """Return the figures as a text table: value, baseline, ratio, goal, met."""
    rows = [("view", "figure", "value", "baseline", "ratio", "goal", "met")]
    for f in figures:
        share = ratio(f.value, f.baseline)
        rows.append(
            (
                f.view,
                f.figure,
                _number(f.value, f.unit),
                f"{_number(f.baseline, f.unit)} ({f.baseline_name})",
                "n/a" if share is None else f"{share:.2f}x",
                f.goal,
                verdict(f.met),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def _say(text: str) -> None:
    print(f"bench_all: {text}", file=sys.stderr, flush=True)


def pagecheck(args: Sequence[str], env: dict[str, str], pagecheck_path: Path, out: Path) -> dict:
    """Run pagecheck with ``args`` (plus the app's environment, JSON out) and return its report."""
    report = out / "report.json"
    command = [sys.executable, str(pagecheck_path), *args, "--quiet", "--no-screenshots"]
    command += ["--out", str(out), "--json", str(report), "--timeout", "120"]
    command += [f"--env={key}={value}" for key, value in env.items()]
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    if not report.exists():
        raise RuntimeError(f"pagecheck wrote no report: {' '.join(command)}")
    found = json.loads(report.read_text())
    if found.get("error"):
        raise RuntimeError(f"pagecheck: {found['error']}")
    return found


def _median(timing: dict | None) -> float | None:
    return None if not timing else timing.get("median")


RERUN_STEP = {"rerun": True, "name": "rerun", "screenshot": False}
"""The R key as an explicit step (not --rerun): its report keeps each run's time, so a press that
started no rerun (pagecheck then records 0 ms) is left out instead of counting as a 0 ms rerun."""


def seen_ms(action: dict | None) -> tuple[float | None, int, int]:
    """Return (median ms of the runs that reran, how many did, how many were tried) of a pagecheck step."""
    if not action or not action.get("timed"):
        return None, 0, 0
    tried = [ms for ms in action.get("runs_ms", []) if ms is not None]
    ran = [ms for ms in tried if ms > 0]
    return (statistics.median(ran) if ran else None), len(ran), len(tried)


def _seen_label(figure: str, ran: int, tried: int) -> str:
    return figure if ran == tried else f"{figure} ({ran} of {tried} presses reran)"


def _step(page: dict, name: str) -> dict | None:
    return next((a for a in page.get("actions", []) if a.get("do") == name), None)


def page_figures(report: dict) -> list[Figure]:
    """Return each page's load and rerun beside the empty page's, from one pagecheck --floor report."""
    floor = report["floor"]
    load_floor, rerun_floor = _median(floor["render_ms"]), _median(floor.get("rerun_ms"))
    limit = None if load_floor is None else load_floor + LOAD_GOAL_MS
    rerun_limit = None if rerun_floor is None else RERUN_GOAL * rerun_floor
    names = {path: name for name, path in PAGES.items()}
    found = []
    for page in report["pages"]:
        name = names.get(page["page"], page["page"])
        load = _median(page["render_ms"])
        rerun, ran, tried = seen_ms(_step(page, RERUN_STEP["name"]))
        found.append(
            Figure(name, "load", load, load_floor, "empty page", "<= empty + 0.5 s", at_most(load, limit))
        )
        label = _seen_label("rerun", ran, tried)
        met = at_most(rerun, rerun_limit)
        found.append(Figure(name, label, rerun, rerun_floor, "empty page", "<= 2x empty", met))
    return found


CHART_PAGE = """import altair as alt
import pandas as pd
import streamlit as st

rows = pd.DataFrame({"region": list("ABCDEFGHI"), "index": range(9)})
st.title("hello")
st.altair_chart(alt.Chart(rows).mark_bar().encode(x="region", y="index"))
st.dataframe(rows)
"""
"""The framework's own page with the least a Sinergi page shows: one small chart and one table."""
FRAME_PAGE = """import streamlit as st

pages = [
    st.Page(f"pages/p{i}.py", title=f"Halaman {i}", url_path=f"p{i}", icon=":material/map:", default=i == 1)
    for i in range(1, 12)
]
navigation = st.navigation(pages)
with st.sidebar:
    with st.expander("Masuk"):
        st.text_input("Nama pengguna")
    st.radio("Bahasa", ["Bahasa Indonesia", "English"], horizontal=True)
    st.selectbox("Pemilihan", ["Pilkada Serentak 2024 (Bali)"])
    st.selectbox("Periode", ["Semua waktu", "Masa kampanye"])
    st.selectbox("Fokus wilayah", ["Seluruh Bali", "Buleleng"], key="focus")
    st.toggle("Mode proyektor")
navigation.run()
"""
"""The same page inside the frame every Sinergi page shares: a navigation of 11 pages and the
sidebar's sign-in box and view widgets (language, election, period, focus, projector mode)."""
BASELINE_PAGES = {"Streamlit: 1 chart + 1 table": False, "Streamlit: sidebar + 1 chart + 1 table": True}
FOCUS_PAGE = """import altair as alt
import pandas as pd
import streamlit as st

names = ["Jembrana", "Tabanan", "Badung", "Gianyar", "Klungkung", "Bangli", "Karangasem", "Buleleng"]
rows = pd.DataFrame({"Wilayah": names + ["Denpasar"], "Indeks": range(9)})
st.title("Peta kerawanan")
st.altair_chart(alt.Chart(rows).mark_bar().encode(x="Wilayah", y="Indeks"))  # the map: drawn already
focus = st.session_state.get("focus", "Seluruh Bali")
if focus == "Seluruh Bali":
    st.subheader("Peringkat")
    st.table(rows, hide_index=True)
    st.altair_chart(alt.Chart(rows).mark_bar().encode(y="Wilayah", x="Indeks"))
else:
    st.subheader(f"Rincian: {focus}")
    shown = [("Indeks", "60"), ("Kategori", "sedang"), ("Peringkat", "3")]
    for column, (label, value) in zip(st.columns(3), shown):
        column.metric(label, value)
    indicators = pd.DataFrame(
        {"Indikator": [f"Indikator {i}" for i in range(22)], "Nilai": range(22), "Bobot": [0.1] * 22}
    )
    indicators["Sumber"] = "https://kpu.go.id"
    st.altair_chart(alt.Chart(indicators).mark_bar().encode(y="Indikator", x="Nilai"))
    st.caption("Indikator tanpa nilai: tidak ada")
    st.dataframe(indicators, hide_index=True)
    st.subheader("Peristiwa")
    events = indicators.head(10)
    st.dataframe(events, hide_index=True, column_config={"Sumber": st.column_config.LinkColumn("Sumber")})
"""
"""Streamlit alone, Peta's focus: in the shared sidebar frame, picking a regency replaces a ranking
(a plain table and a chart) by what Peta's focus adds: three metrics, a chart, a caption and two
tables (22 and 10 rows, one with links). The time of that rerun is the framework's own for it."""
FOCUS_STEP = {"select": {"key": "focus"}, "option": "Buleleng", "name": "focus Buleleng", "screenshot": False}


def framed_app(folder: Path, page: str) -> Path:
    """Write :data:`FRAME_PAGE` and its 11 pages (each ``page``) into ``folder``; return the app's path."""
    (folder / "pages").mkdir()
    for number in range(1, 12):
        (folder / "pages" / f"p{number}.py").write_text(page)
    script = folder / "framed_page.py"
    script.write_text(FRAME_PAGE)
    return script


def chart_page_figures(quick: bool, path: Path, out: Path) -> list[Figure]:
    """Return the load and rerun of Streamlit's own pages with one chart and one table.

    Not Sinergi pages: they show what the framework itself costs for the first chart and table on
    a page (their JavaScript loads on first use), alone and inside the shared sidebar and
    navigation, measured the same way against the empty page, so the table can say which goals
    no page of this shape can meet inside Streamlit.
    """
    found: list[Figure] = []
    for view, framed in BASELINE_PAGES.items():
        with tempfile.TemporaryDirectory(prefix="sinergi-chart-page-") as tmp:
            if framed:
                script = framed_app(Path(tmp), CHART_PAGE)
            else:
                script = Path(tmp) / "chart_page.py"
                script.write_text(CHART_PAGE)
            actions = Path(tmp) / "actions.json"
            actions.write_text(json.dumps({"/": [dict(RERUN_STEP)]}))
            args = ["--app", str(script), "--page", "/", "--floor", "--actions", str(actions)]
            name = "framed-page" if framed else "chart-page"
            report = pagecheck([*args, "--repeat", "1" if quick else "3"], {}, path, out / name)
        found += [
            Figure(view, f.figure, f.value, f.baseline, f.baseline_name, f.goal, f.met)
            for f in page_figures(report)
        ]
    return found + focus_baseline_figures(quick, path, out)


def focus_baseline_figures(quick: bool, path: Path, out: Path) -> list[Figure]:
    """Return the focus rerun of :data:`FOCUS_PAGE` (Streamlit alone) beside the empty page's rerun."""
    with tempfile.TemporaryDirectory(prefix="sinergi-focus-page-") as tmp:
        script = framed_app(Path(tmp), FOCUS_PAGE)
        actions = Path(tmp) / "actions.json"
        actions.write_text(json.dumps({"/": [dict(FOCUS_STEP)]}))
        args = ["--app", str(script), "--page", "/", "--floor", "--actions", str(actions)]
        report = pagecheck([*args, "--repeat", "1" if quick else "3"], {}, path, out / "focus-page")
    rerun_floor = _median(report["floor"].get("rerun_ms"))
    value, ran, tried = seen_ms(_step(report["pages"][0], FOCUS_STEP["name"]))
    goal = ACTION_GOALS_MS["focus Buleleng"]
    return [
        Figure(
            "Streamlit: sidebar + Peta's focused detail",
            _seen_label("focus Buleleng (browser)", ran, tried),
            value,
            rerun_floor,
            "empty rerun",
            f"<= {goal} ms",
            at_most(value, goal),
        )
    ]


def action_figures(report: dict) -> list[Figure]:
    """Return Peta's focus and level-change times beside the empty page's rerun."""
    rerun_floor = _median(report["floor"].get("rerun_ms"))
    peta = next(page for page in report["pages"] if page["page"] == PAGES["Peta"])
    found = []
    for name, goal in ACTION_GOALS_MS.items():
        action = _step(peta, name)
        if action is not None and action.get("error"):
            _say(f"Peta, {name}: {action['error']}")
        value, ran, tried = seen_ms(action)
        label = _seen_label(f"{name} (browser)", ran, tried)
        found.append(
            Figure("Peta", label, value, rerun_floor, "empty rerun", f"<= {goal} ms", at_most(value, goal))
        )
    return found


def actions_file(groups: set[str]) -> dict[str, list[dict]]:
    """Return pagecheck's steps per page: the R key on every page, then Peta's map changes."""
    pages = list(PAGES.values()) if "pages" in groups else [PAGES["Peta"]]
    steps: dict[str, list[dict]] = {page: [dict(RERUN_STEP)] if "pages" in groups else [] for page in pages}
    if "map" in groups:
        steps[PAGES["Peta"]] += MAP_ACTIONS
    return steps


def browser_figures(
    groups: set[str], quick: bool, env: dict[str, str], path: Path, out: Path
) -> list[Figure]:
    """Run pagecheck once for the pages and Peta's actions; return their figures."""
    steps = actions_file(groups)
    actions = out / "actions.json"
    actions.write_text(json.dumps(steps))
    args = [arg for page in steps for arg in ("--page", page)]
    args += ["--floor", "--repeat", "1" if quick else "3", "--actions", str(actions)]
    _say(f"browser: {len(steps)} page(s) and the empty page, pagecheck --floor (reruns: the R key)")
    report = pagecheck(args, env, path, out / "pages")
    found = page_figures(report) if "pages" in groups else []
    found += action_figures(report) if "map" in groups else []
    return found + (chart_page_figures(quick, path, out) if "pages" in groups else [])


def _cold_load(
    args: list[str], env: dict[str, str], path: Path, out: Path
) -> tuple[float | None, float | None]:
    """Return (server start -> health, first load) of a fresh server's first page."""
    report = pagecheck([*args, "--no-warmup", "--repeat", "1"], env, path, out)
    return report.get("server_ready_ms"), _median(report["pages"][0]["render_ms"])


def cold_figures(env: dict[str, str], path: Path, out: Path) -> list[Figure]:
    """Return the cold start and Pemangku Kepentingan's first load beside the empty page's cold start."""
    _say("cold: the empty page, Ringkasan (new data folder, then kept), Pemangku: each a new server's first")
    with bench_load.empty_page() as script:
        floor_ready, floor_load = _cold_load(
            ["--app", str(script), "--page", "/"], {}, path, out / "cold-empty"
        )
    ready, load = _cold_load(["--page", "/"], env, path, out / "cold-ringkasan")  # a new data folder
    again_ready, again_load = _cold_load(["--page", "/"], env, path, out / "restart-ringkasan")
    _, first = _cold_load(["--page", PAGES["Pemangku Kepentingan"]], env, path, out / "cold-pemangku")
    floor_start = None if floor_ready is None or floor_load is None else floor_ready + floor_load
    start = None if ready is None or load is None else ready + load
    restart = None if again_ready is None or again_load is None else again_ready + again_load
    limit = None if floor_load is None else floor_load + LOAD_GOAL_MS
    return [
        Figure(
            "cold start (first ever: store created)",
            "start -> Ringkasan drawn",
            start,
            floor_start,
            "empty page",
            "<= 3 s",
            at_most(start, COLD_GOAL_MS),
        ),
        Figure(
            "cold start (restart: data folder kept)",
            "start -> Ringkasan drawn",
            restart,
            floor_start,
            "empty page",
            "<= 3 s",
            at_most(restart, COLD_GOAL_MS),
        ),
        Figure(
            "Pemangku Kepentingan",
            "load, first after start",
            first,
            floor_load,
            "empty page, cold",
            "<= empty + 0.5 s",
            at_most(first, limit),
        ),
    ]


def bytes_figures(app: bench_load.Server, floor: bench_load.Server) -> list[Figure]:
    """Return the websocket bytes of Peta's level changes beside the empty page's rerun."""
    _say("bytes: Peta's level changes through the protocol client")
    runs = bench_load.level_runs(app, tuple(BYTES_GOALS_KB))
    base = bench_load.rerun_of(floor).bytes / 1024
    found = []
    for level, goal in BYTES_GOALS_KB.items():
        value = runs[level].bytes / 1024
        figure = f"websocket bytes, level -> {level}" + (" (exception!)" if runs[level].exceptions else "")
        found.append(
            Figure("Peta", figure, value, base, "empty rerun", f"<= {goal} KB", value <= goal, unit="KB")
        )
    return found


def load_figures(app: bench_load.Server, floor: bench_load.Server, quick: bool) -> list[Figure]:
    """Return the load test's p95 and CPU per rerun on Ringkasan and Peta beside the empty page's."""
    sessions, reruns = (10, 2) if quick else (20, 5)
    _say(f"load: {sessions} sessions x {reruns} reruns on the empty page, Ringkasan and Peta")
    base = bench_load.load_test(floor, "", sessions, reruns)
    with bench_load.shaped_page() as script, bench_load.running(script) as server:
        bench_load.warm(server, [""])
        shaped = bench_load.load_test(server, bench_load.SHAPED, sessions, reruns)
    found = [
        Figure(
            f"Streamlit alone, Ringkasan's elements, {sessions} sessions",
            "server CPU per rerun",
            shaped.cpu_ms,
            base.cpu_ms,
            "empty page",
            f"<= {CPU_GOAL_MS} ms",
            shaped.cpu_ms <= CPU_GOAL_MS,
        )
    ]
    for name in ("Ringkasan", "Peta"):
        got = bench_load.load_test(app, bench_load.PAGES[name], sessions, reruns)
        view = f"{name}, {sessions} sessions" + (f" ({got.exceptions} exceptions!)" if got.exceptions else "")
        found.append(Figure(view, "rerun p95", got.p95_ms, base.p95_ms, "empty page", "-", None))
        cpu_goal = f"<= {CPU_GOAL_MS} ms"
        found.append(
            Figure(
                view,
                "server CPU per rerun",
                got.cpu_ms,
                base.cpu_ms,
                "empty page",
                cpu_goal,
                got.cpu_ms <= CPU_GOAL_MS,
            )
        )
        if name == "Ringkasan":  # the shaped page is Ringkasan's elements without Ringkasan's work
            found += [
                Figure(
                    view, "rerun p95", got.p95_ms, shaped.p95_ms, "Streamlit alone, same elements", "-", None
                ),
                Figure(
                    view,
                    "server CPU per rerun",
                    got.cpu_ms,
                    shaped.cpu_ms,
                    "Streamlit alone, same elements",
                    "-",
                    None,
                ),
            ]
    return found


def network_figures(quick: bool) -> list[Figure]:
    """Return the graph analyses at 2,000 institutions against their goal, and their growth from 1,000."""
    _say("network: 1,000 and 2,000 institutions (five links each)")
    import bench_network  # imported here: it loads the app's network package and the test references

    found_ms = bench_network.scale_figures((1000, 2000), repeats=1 if quick else 3, before=False)
    view = "2,000 institutions / 10,000 links"
    found = []
    for label in NETWORK_LABELS:
        small, large = found_ms[label][1000][1], found_ms[label][2000][1]
        goal = f"<= {NETWORK_GOAL_MS} ms"
        found.append(Figure(view, label, large, NETWORK_GOAL_MS, "goal", goal, large <= NETWORK_GOAL_MS))
        grow = f"growth 1,000->2,000: {label}"
        found.append(
            Figure(
                view,
                grow,
                large / small,
                N_LOG_N,
                "n log n",
                "<= 2.2 (n log n)",
                large / small <= N_LOG_N,
                unit="x",
            )
        )
    return found


def server_figures(groups: set[str], quick: bool, env: dict[str, str]) -> list[Figure]:
    """Start the app and the empty page (bench_load's servers) for the bytes and load groups."""
    found: list[Figure] = []
    app_script = ROOT / "app.py"
    with (
        bench_load.empty_page() as script,
        bench_load.running(script) as floor,
        bench_load.running(app_script, env) as app,
    ):
        if "bytes" in groups:  # the first tab on the fresh server (see bench_load.level_runs)
            found += bytes_figures(app, floor)
        bench_load.warm(floor, [""])
        bench_load.warm(app, list(bench_load.PAGES.values()))  # first visits and background warming apart
        if "load" in groups:
            found += load_figures(app, floor, quick)
    return found


def measure(groups: set[str], quick: bool, pagecheck_path: Path, keep: Path | None = None) -> list[Figure]:
    """Measure the chosen groups in the table's order (pagecheck's reports and logs kept in ``keep``)."""
    env = bench_load.app_env()
    found: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="sinergi-bench-all-") as tmp:
        out = keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        steps: list[tuple[set[str], Callable[[], list[Figure]]]] = [
            ({"pages", "map"}, lambda: browser_figures(groups, quick, env, pagecheck_path, out)),
            ({"bytes", "load"}, lambda: server_figures(groups, quick, env)),
            ({"cold"}, lambda: cold_figures(env, pagecheck_path, out)),
            ({"network"}, lambda: network_figures(quick)),
        ]
        for wanted, step in steps:
            if wanted & groups:
                found += _guarded(", ".join(sorted(wanted & groups)), step)
    return found


def _guarded(name: str, step: Callable[[], list[Figure]]) -> list[Figure]:
    """Run one group; if it cannot run (no browser, the app did not start), say so in its line."""
    try:
        return step()
    except Exception as problem:  # a bench prints what it could measure and why the rest is missing
        _say(f"{name}: could not measure: {problem}")
        return [
            Figure(name, f"not measured: {str(problem).splitlines()[0][:80]}", None, None, "-", "-", None)
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", default=",".join(GROUPS), help=f"comma separated groups: {','.join(GROUPS)}"
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 10 sessions in the load test")
    parser.add_argument("--pagecheck", type=Path, default=Path(os.environ.get("PAGECHECK", PAGECHECK)))
    parser.add_argument("--out", type=Path, help="keep pagecheck's JSON reports and app logs in this folder")
    args = parser.parse_args()
    groups = {group.strip() for group in args.only.split(",") if group.strip()}
    if unknown := groups - set(GROUPS):
        parser.error(f"unknown group(s) {sorted(unknown)}; choose from {','.join(GROUPS)}")
    print(table(measure(groups, args.quick, args.pagecheck, args.out)))
    print(
        "baselines measured in this run: the empty page is a one-line app (st.write) on its own server;"
        " browser figures are pagecheck medians"
        + (" (1 load each, --quick)" if args.quick else " of 3 loads")
        + "; the load test and the client share the machine's cores"
    )


if __name__ == "__main__":
    main()
