"""Drive N sessions against a running Streamlit server without N browsers, and print what they cost.

    python bench/bench_load.py [--sessions 1,10,20,50] [--reruns 5] [--pages Ringkasan,Peta] [--quick]

A browser tab is, for the server, one websocket at ``/_stcore/stream`` speaking protobuf: it sends a
``BackMsg`` whose ``rerun_script`` carries the tab's ``ClientState`` (the URL's page name and query
string, the widget values, the hashes of large messages it already holds) and reads ``ForwardMsg``
deltas until ``script_finished``. :class:`Session` does exactly that (the same handshake, origin and
message cache as Streamlit's frontend, and the polls of ``st.fragment(run_every=...)``), so fifty of
them cost the server what fifty tabs cost it, while the client stays one small asyncio process.

For 1, 10, 20 and 50 sessions on Ringkasan and Peta, and on an empty one-line page (second server, the
framework's floor) in the same run, it prints the p50/p95 of a rerun (the R key: request sent until
``script_finished``; every session reruns back to back, the worst case of a room clicking at once)
and the server's CPU per rerun (CPU seconds the server process used while the sessions reran, read
from ``/proc``, divided by the reruns). Figures only, no assertions; the client runs on the same
cores, so a busy machine shows in every line, the floor's too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parent.parent
EMPTY_PAGE = 'import streamlit as st\n\nst.write("hello")\n'
"""The floor: the same one-line app pagecheck --floor times in the browser."""
SHAPED_PAGE = """import math

import pandas as pd
import streamlit as st

st.set_page_config(page_title="Sinergi", layout="wide")
pages = [
    st.Page(lambda: None, title=f"Halaman {i}", url_path=f"p{i}", icon=":material/map:", default=i == 1)
    for i in range(1, 12)
]
navigation = st.navigation(pages)
with st.sidebar:
    with st.expander("Masuk"), st.form("masuk"):
        st.text_input("Nama pengguna")
        st.text_input("Kata sandi", type="password")
        st.form_submit_button("Masuk")
    st.caption("Tamu: hanya data publik")
    st.radio("Bahasa", ["Bahasa Indonesia", "English"], horizontal=True)
    st.selectbox("Pemilihan", ["Pilkada Serentak 2024 (Bali)"])
    st.selectbox("Periode", ["Semua waktu", "Masa kampanye"])
    st.selectbox("Fokus wilayah", ["Seluruh Bali", "Buleleng"])
    st.toggle("Mode proyektor")
names = ["Jembrana", "Tabanan", "Badung", "Gianyar", "Klungkung", "Bangli", "Karangasem", "Buleleng"]
names.append("Denpasar")
rows = pd.DataFrame({"Nama": names, "7 hari": range(9), "Rata-rata": [i / 4 for i in range(9)]})
rows["Naik"] = ""
ring = [[115 + math.cos(k / 20) / 4 + i / 9, math.sin(k / 20) / 4 - 8.4] for i in range(9) for k in range(40)]
shapes = [
    {"name": name, "code": f"51.0{i}", "value": "sedang"}
    | {"shape": {"type": "Polygon", "coordinates": [ring[i * 40 :]]}}
    for i, name in enumerate(names)
]
spec = {
    "data": {"values": shapes},
    "mark": {"type": "geoshape", "stroke": "white"},
    "encoding": {
        "shape": {"field": "shape", "type": "geojson"},
        "color": {"field": "value", "type": "nominal"},
        "tooltip": [{"field": "name"}, {"field": "code"}],
    },
    "params": [{"name": "region_pick", "select": {"type": "point", "fields": ["code"]}}],
    "height": 340,
}
st.container()  # the frame's first block, empty on Ringkasan too
with st.container():
    st.title("Pilkada Serentak 2024 (Bali)")
st.info("Fokus: seluruh Bali")
for column in st.columns(2):
    with column, st.container():
        st.metric("Hari", "H+732")
for column in st.columns(3):
    column.metric("TPS", "6.230")
left, right = st.columns([3, 2])
with left:
    with st.container():
        st.subheader("Peta kerawanan")
        st.vega_lite_chart(spec, on_select="rerun", key="map", width="stretch")
    with st.container():
        st.markdown("**Naik minggu ini:** tidak ada.")
with right, st.container():
    st.subheader("Laporan Posko")
    st.info("Hanya untuk pengguna yang masuk.")
st.subheader("Perubahan mingguan")
st.caption("7 hari terakhir dibanding 4 minggu sebelumnya")
st.dataframe(rows, hide_index=True, key="change")
with st.expander("Sumber"):
    st.caption("Sumber angka: KPU")
st.subheader("Peristiwa terbaru (dengan sumber)")
st.dataframe(rows, hide_index=True, key="latest")
navigation.run()
"""
"""Streamlit alone with Ringkasan's shape: its sidebar (sign-in form, language, election, period,
focus, projector mode), an 11-page navigation and its 37 main elements of the same kinds (10
containers, 7 columns, 5 metrics, a geoshape chart with a click selection, two 9-row tables...),
with fixed content: what the framework costs a rerun of that page when the app computes nothing."""
PAGES = {"Ringkasan": "", "Peta": "peta"}
"""Page title -> URL path (app.py's navigation; Ringkasan is the default page, path ``""``)."""
SESSIONS = (1, 10, 20, 50)
DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}
"""Statuses that end a full run (an early finish for a rerun is followed by the rerun's own)."""


def percentile(values: Sequence[float], q: float) -> float:
    """Return the ``q``-th percentile of ``values`` by linear interpolation (numpy's default)."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def cpu_seconds_from_stat(stat: str, ticks_per_second: int) -> float:
    """Return user + system CPU seconds of a ``/proc/<pid>/stat`` line (all the process's threads).

    The command name (field 2) may hold spaces and parentheses, so fields are counted after its ``)``.
    """
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / ticks_per_second  # utime, stime: fields 14 and 15


def process_cpu_clock(pid: int) -> int:
    """Return the clock id of process ``pid``'s CPU time, as glibc's ``clock_getcpuclockid`` makes it.

    Linux encodes another process's CPU clock as ``(~pid << 3) | CPUCLOCK_SCHED``; read with
    ``time.clock_gettime`` it counts nanoseconds of every thread, the finished ones too (a script
    runs in a thread of its own), where ``/proc/<pid>/stat`` counts 10 ms ticks.
    """
    return ((~pid) << 3) | 2


def cpu_seconds(pid: int) -> float:
    """Return the CPU seconds process ``pid`` has used so far (Linux; ``/proc`` ticks as a fallback)."""
    try:
        return time.clock_gettime(process_cpu_clock(pid))
    except OSError:
        return cpu_seconds_from_stat(Path(f"/proc/{pid}/stat").read_text(), os.sysconf("SC_CLK_TCK"))


def cpu_ms_per_rerun(before: float, after: float, reruns: int) -> float:
    """Return the milliseconds of CPU per rerun between two :func:`cpu_seconds` readings."""
    if reruns <= 0:
        raise ValueError("no reruns to divide by")
    return 1000 * (after - before) / reruns


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``streamlit run SCRIPT`` on a free port in its own process group, as pagecheck and CI start it."""

    def __init__(self, script: Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> None:
        self.script, self.cwd, self.port = script, cwd, free_port()
        self.env = {**os.environ, **(env or {})}
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.ready_ms = 0.0
        # the server's output, closed in stop(): a pipe nobody reads would fill and block the server
        self.log = tempfile.TemporaryFile()  # noqa: SIM115

    def start(self, timeout: float = 90) -> None:
        """Start the server and wait until ``/_stcore/health`` answers (``ready_ms`` is that wait)."""
        command = [sys.executable, "-m", "streamlit", "run", str(self.script), "--server.headless", "true"]
        command += ["--server.port", str(self.port), "--server.address", "127.0.0.1"]
        command += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        start = time.perf_counter()
        self.proc = subprocess.Popen(
            command,
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        while time.perf_counter() - start < timeout:
            if self.proc.poll() is not None:
                tail = self.log_tail()
                self.stop()
                raise RuntimeError(f"{self.script} exited: {tail}")
            if self._healthy():
                self.ready_ms = 1000 * (time.perf_counter() - start)
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.script} did not answer its health check within {timeout:.0f} s")

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                return answer.status == 200
        except OSError:
            return False

    def log_tail(self, size: int = 2000) -> str:
        """Return the end of the server's output."""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-size:]

    @property
    def pid(self) -> int:
        """The server process's id (the one whose CPU is counted)."""
        if self.proc is None:
            raise RuntimeError("server not started")
        return self.proc.pid

    def stop(self) -> None:
        """Stop the server (its own process group, by its id), politely first."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, 9)
            proc.wait(timeout=5)
        self.log.close()


@contextlib.contextmanager
def running(script: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """Run a :class:`Server` for the ``with`` block."""
    server = Server(script, env)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def page_script(source: str, name: str) -> Iterator[Path]:
    """Yield the path of a one-file app ``source``, written as ``<name>.py`` in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix=f"sinergi-{name}-") as tmp:
        script = Path(tmp) / f"{name}.py"
        script.write_text(source)
        yield script


def empty_page() -> contextlib.AbstractContextManager[Path]:
    """Yield the path of the empty one-line page in a temporary folder."""
    return page_script(EMPTY_PAGE, "empty")


def shaped_page() -> contextlib.AbstractContextManager[Path]:
    """Yield the path of :data:`SHAPED_PAGE` in a temporary folder."""
    return page_script(SHAPED_PAGE, "shaped")


SHAPED = "p1"
"""The shaped page's URL path (its default page); also its name in :func:`table`."""


@dataclass
class Run:
    """One full script run as a session saw it."""

    ms: float
    bytes: int
    messages: int
    exceptions: list[str]
    alerts: list[str]
    """Texts of the st.error/st.warning/st.info boxes the run drew (a page that stopped early says why)."""


@dataclass
class _Counting:
    """What arrives while a run is outstanding."""

    done: asyncio.Future[int]
    bytes: int = 0
    messages: int = 0
    exceptions: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)


class Session:
    """One browser tab's conversation with the server, without the browser.

    Mirrors Streamlit's frontend: the first ``rerun_script`` names the page by its URL path and sends
    the query string and browser context; later ones name the page by the hash the server sent in
    ``new_session``, carry the widget values this tab set and the hashes of the cacheable messages
    it holds (so the server sends references instead of repeating a large chart), and follow the
    query string the script wrote (``page_info_changed``). A fragment with ``run_every`` is polled
    at its interval, as the frontend does, while no full run is outstanding (``polls=False`` turns
    that off, e.g. to count the bytes of one run alone).
    """

    def __init__(self, url: str, page: str = "", query: str = "", *, polls: bool = True) -> None:
        self.url, self.page, self.query, self.polls = url, page, query, polls
        self.page_hash = ""
        self.widgets: dict[str, object] = {}  # element id -> the element's proto, as last drawn
        self.states: dict[str, WidgetState] = {}  # the values this tab set, sent with every rerun
        self.cached: set[str] = set()
        self.fragment_runs = 0
        self._counting: _Counting | None = None
        self._socket: ClientConnection | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._intervals: dict[str, float] = {}  # fragment id -> seconds between polls

    async def open(self) -> Run:
        """Connect and run the page once, as a tab opening the URL does."""
        host = self.url.split("://", 1)[1]
        self._socket = await connect(
            f"ws://{host}/_stcore/stream",
            subprotocols=["streamlit"],  # type: ignore[list-item]
            origin=self.url,  # type: ignore[arg-type]
            max_size=None,
            open_timeout=60,
            ping_interval=None,
        )
        self._tasks.append(asyncio.create_task(self._read()))
        return await self._run(self._client_state(first=True))

    async def rerun(self) -> Run:
        """Rerun the page as it is (the R key), with this tab's widget values."""
        return await self._run(self._client_state())

    def set_widget(self, key: str, value: str | bool) -> None:
        """Set the widget with ``key`` for the next runs: an option (its text or part of it) or a toggle."""
        found = [proto for ident, proto in self.widgets.items() if ident.endswith(f"-{key}")]
        if not found:
            raise KeyError(f"no widget with key {key!r} on the page (keys: {sorted(self.widgets)})")
        proto = found[0]
        state = WidgetState(id=proto.id)  # type: ignore[attr-defined]
        if isinstance(value, bool):
            state.bool_value = value
        else:
            options = list(proto.options)  # type: ignore[attr-defined]
            matching = [o for o in options if o == value] or [
                o for o in options if value.lower() in o.lower()
            ]
            if not matching:
                raise KeyError(f"{key!r} has no option {value!r} (options: {options})")
            state.string_value = matching[0]
        self.states[state.id] = state

    async def close(self) -> None:
        """Close the websocket and stop this session's tasks."""
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._socket is not None:
            await self._socket.close()

    def _client_state(self, *, first: bool = False, fragment: str = "") -> ClientState:
        state = ClientState(query_string=self.query, fragment_id=fragment, is_auto_rerun=bool(fragment))
        if first:
            state.page_name = self.page
        else:
            state.page_script_hash = self.page_hash
        state.widget_states.widgets.extend(self.states.values())
        state.cached_message_hashes.extend(sorted(self.cached))
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "Asia/Makassar", -480, "id-ID"
        info.url = f"{self.url}/{self.page}" + (f"?{self.query}" if self.query else "")
        return state

    async def _run(self, state: ClientState, timeout: float = 300) -> Run:
        loop = asyncio.get_running_loop()
        self._counting = counting = _Counting(done=loop.create_future())
        start = time.perf_counter()
        await self._send(state)
        await asyncio.wait_for(asyncio.shield(counting.done), timeout)
        ms = 1000 * (time.perf_counter() - start)
        self._counting = None
        return Run(ms, counting.bytes, counting.messages, counting.exceptions, counting.alerts)

    async def _send(self, state: ClientState) -> None:
        message = BackMsg()
        message.rerun_script.CopyFrom(state)
        if self._socket is None:
            raise RuntimeError("session not open")
        await self._socket.send(message.SerializeToString())

    async def _read(self) -> None:
        assert self._socket is not None
        async for data in self._socket:
            message = ForwardMsg()
            message.ParseFromString(data)  # type: ignore[arg-type]
            if self._counting is not None:
                self._counting.bytes += len(data)
                self._counting.messages += 1
            self._take(message)

    def _take(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if message.metadata.cacheable:
            self.cached.add(message.hash)
        if kind == "new_session":
            self.page_hash = message.new_session.page_script_hash
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._element(message.delta.new_element)
        elif kind == "auto_rerun" and self.polls:
            self._schedule(message.auto_rerun.fragment_id, message.auto_rerun.interval)
        elif kind == "script_finished":
            self._finished(message.script_finished)

    def _element(self, element: object) -> None:
        kind = element.WhichOneof("type")  # type: ignore[attr-defined]
        if kind == "exception" and self._counting is not None:
            self._counting.exceptions.append(element.exception.message)  # type: ignore[attr-defined]
            return
        if kind == "alert" and self._counting is not None:
            self._counting.alerts.append(element.alert.body)  # type: ignore[attr-defined]
        proto = getattr(element, kind) if kind else None
        ident = getattr(proto, "id", "")
        if isinstance(ident, str) and ident.startswith("$$ID-"):
            self.widgets[ident] = proto

    def _finished(self, status: int) -> None:
        if status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
            self.fragment_runs += 1
        elif status in DONE and self._counting is not None and not self._counting.done.done():
            self._counting.done.set_result(status)

    def _schedule(self, fragment: str, interval: float) -> None:
        """Poll ``fragment`` every ``interval`` seconds (each run announces it again: one poller each)."""
        if fragment not in self._intervals:
            self._tasks.append(asyncio.create_task(self._poll(fragment)))
        self._intervals[fragment] = interval

    async def _poll(self, fragment: str) -> None:
        while True:
            await asyncio.sleep(self._intervals[fragment])
            if self._counting is None:  # a full run is outstanding: the frontend waits for it too
                await self._send(self._client_state(fragment=fragment))


@dataclass(frozen=True)
class LoadFigures:
    """What N sessions reran on one page cost: latency percentiles and the server's CPU per rerun."""

    page: str
    sessions: int
    reruns: int
    p50_ms: float
    p95_ms: float
    cpu_ms: float
    load_p50_ms: float
    polls: int
    exceptions: int
    first_exception: str = ""
    """The first exception's message (a page that fails fast must not pass for a fast page)."""


async def _drive(url: str, pid: int, page: str, sessions: int, reruns: int) -> LoadFigures:
    """Open ``sessions`` tabs at once, then have each rerun ``reruns`` times back to back."""
    tabs = [Session(url, page) for _ in range(sessions)]
    try:
        loads = await asyncio.gather(*(tab.open() for tab in tabs))

        async def rerun_all(tab: Session) -> list[Run]:
            return [await tab.rerun() for _ in range(reruns)]

        polls_before = sum(tab.fragment_runs for tab in tabs)
        before = cpu_seconds(pid)
        runs = [run for tab_runs in await asyncio.gather(*map(rerun_all, tabs)) for run in tab_runs]
        after = cpu_seconds(pid)
        polls = sum(tab.fragment_runs for tab in tabs) - polls_before
    finally:
        await asyncio.gather(*(tab.close() for tab in tabs))
    times = [run.ms for run in runs]
    return LoadFigures(
        page=page,
        sessions=sessions,
        reruns=len(runs),
        p50_ms=percentile(times, 50),
        p95_ms=percentile(times, 95),
        cpu_ms=cpu_ms_per_rerun(before, after, len(runs)),
        load_p50_ms=statistics.median(run.ms for run in loads),
        polls=polls,
        exceptions=sum(len(run.exceptions) for run in [*loads, *runs]),
        first_exception=next((text for run in [*loads, *runs] for text in run.exceptions), ""),
    )


def load_test(server: Server, page: str, sessions: int, reruns: int) -> LoadFigures:
    """Return :class:`LoadFigures` for ``sessions`` sessions rerunning ``page`` on ``server``."""
    return asyncio.run(_drive(server.url, server.pid, page, sessions, reruns))


async def _level_bytes(url: str, levels: Sequence[str]) -> dict[str, Run]:
    tab = Session(url, "peta", polls=False)
    try:
        found = {"open": await tab.open()}
        for level in levels:
            tab.set_widget("map_level", level)
            found[level] = await tab.rerun()
        return found
    finally:
        await tab.close()


def level_runs(server: Server, levels: Sequence[str] = ("kecamatan", "desa")) -> dict[str, Run]:
    """Return Peta's first run and the run of each switch of its level, with the bytes each sent.

    Call it on a fresh server (the first tab): in a later tab on the same server a switch to desa
    was seen to bring the kabupaten map again (46 KB instead of about 250 KB), not yet explained.
    """
    return asyncio.run(_level_bytes(server.url, levels))


async def _one_run(url: str, page: str = "") -> Run:
    tab = Session(url, page, polls=False)
    try:
        await tab.open()
        return await tab.rerun()
    finally:
        await tab.close()


def rerun_of(server: Server) -> Run:
    """Return one warm rerun of the default page (the floor's bytes and time)."""
    return asyncio.run(_one_run(server.url))


def app_env() -> dict[str, str]:
    """The app's environment: its own data folder unless one is set, the shared boundaries."""
    return {
        "SINERGI_DATA_DIR": os.environ.get("SINERGI_DATA_DIR") or tempfile.mkdtemp(prefix="sinergi-bench-"),
        "SINERGI_BOUNDARIES": os.environ.get("SINERGI_BOUNDARIES")
        or str(ROOT.parent / "shared" / "data" / "geo"),
    }


def wait_idle(pid: int, share: float = 0.05, timeout: float = 60) -> None:
    """Wait until process ``pid`` uses under ``share`` of a core over half a second (``timeout`` at most).

    A server warms caches in the background after its start and its first pages: that work is not a
    rerun's, so the CPU per rerun is counted from a quiet server.
    """
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        before = cpu_seconds(pid)
        time.sleep(0.5)
        if cpu_seconds(pid) - before < share * 0.5:
            return


def warm(server: Server, pages: Sequence[str]) -> None:
    """Open each page once (unmeasured: the first visit fills the caches), then wait for a quiet server."""
    for page in pages:
        asyncio.run(_one_run(server.url, page))
    wait_idle(server.pid)


def measure(pages: Sequence[str], sessions: Sequence[int], reruns: int) -> list[LoadFigures]:
    """Run the load test on the empty page (own server) and on each of ``pages`` (app.py)."""
    found: list[LoadFigures] = []
    with empty_page() as script, running(script) as floor:
        warm(floor, [""])
        found += [load_test(floor, "", count, reruns) for count in sessions]
    with shaped_page() as script, running(script) as shaped:
        warm(shaped, [""])
        found += [load_test(shaped, SHAPED, count, reruns) for count in sessions]
    with running(ROOT / "app.py", app_env()) as app:
        warm(app, [PAGES[title] for title in pages])
        for title in pages:
            found += [load_test(app, PAGES[title], count, reruns) for count in sessions]
    return found


def table(found: Sequence[LoadFigures]) -> str:
    """Return the figures as a text table, each page's p95 and CPU beside the empty page's."""
    names = {path: title for title, path in PAGES.items()} | {SHAPED: "shaped"}
    floor = {f.sessions: f for f in found[: len({f.sessions for f in found})]}
    head = f"{'page':10} {'sessions':>8} {'reruns':>6} {'p50 ms':>8} {'p95 ms':>8} {'x empty':>7} "
    head += f"{'CPU ms/rerun':>12} {'x empty':>7} {'load p50':>9} {'polls':>5} {'exc':>3}"
    lines, failures = [head], []
    for index, f in enumerate(found):
        name = "empty" if index < len(floor) else names.get(f.page, f.page)
        base = floor[f.sessions]
        lines.append(
            f"{name:10} {f.sessions:8d} {f.reruns:6d} {f.p50_ms:8.0f} {f.p95_ms:8.0f} "
            f"{f.p95_ms / base.p95_ms:7.2f} {f.cpu_ms:12.1f} {f.cpu_ms / max(base.cpu_ms, 0.1):7.2f} "
            f"{f.load_p50_ms:9.0f} {f.polls:5d} {f.exceptions:3d}"
        )
        if f.exceptions:
            failures.append(f"{name}, {f.sessions} sessions, first exception: {f.first_exception[:300]}")
    return "\n".join(lines + failures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", default=",".join(map(str, SESSIONS)), help="comma separated counts")
    parser.add_argument("--reruns", type=int, default=5, help="reruns per session (default 5)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma separated: Ringkasan,Peta")
    parser.add_argument("--quick", action="store_true", help="1 and 10 sessions, 2 reruns each")
    args = parser.parse_args()
    sessions = (1, 10) if args.quick else tuple(int(n) for n in args.sessions.split(","))
    reruns = 2 if args.quick else args.reruns
    found = measure(args.pages.split(","), sessions, reruns)
    print(table(found))
    print(
        "p50/p95: rerun request sent -> script_finished, every session rerunning back to back; CPU: the"
        " server process's CPU seconds during the reruns / reruns (fragment polls included);"
        " x empty: against an empty one-line page on its own server in the same run; shaped: Streamlit"
        " alone with Ringkasan's elements and fixed content (SHAPED_PAGE), on its own server;"
        " client on the same cores"
    )


if __name__ == "__main__":
    main()
