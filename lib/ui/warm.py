"""The warm start: fill the shared caches once per process, in the background, for the first visitors.

The first person in the room used to pay for everything the app reads once: the bundled facts and
the store, the boundaries, the coordination graph with its layout and analyses, the default
election's assessment (4.7 s for the first Pemangku Kepentingan page after a start). :func:`start`
runs :func:`warm` in a thread the first time app.py runs in a process; each of its steps waits for a
moment when no page is being drawn (:func:`page_run`) and the browser has had :data:`SETTLE_S` to
draw the last one, so the first page is drawn first and the rest fills while the visitor reads it.

It calls the very cached functions the pages call, with the arguments a first visitor's pages
pass (the public ceiling, Indonesian, the default election, the assumed delays), so the pages get
cache hits. Streamlit computes one value once: a page that asks for a value the warm-up is still
computing waits for it instead of computing it again. The thread has no ScriptRunContext, which
cached functions do not need (their spinner and replay are no-ops without one); Streamlit's
warning about the missing context is dropped for this thread only. A step that fails is logged
and skipped: the page that needs the value computes it and shows its problem the usual way.
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lib import access, geo
from lib.core import clock
from lib.core.elections import default_election
from lib.core.regions import REGENCY_CODES
from lib.core.settings import Settings
from lib.ui import cached, peta, ringkasan
from lib.ui import maps as ui_maps

LOG = logging.getLogger(__name__)
THREAD_NAME = "sinergi-warm"
_CONTEXT_WARNING = "missing ScriptRunContext"
QUIET_WAIT_S = 30.0
"""The longest a step waits for the visitors' runs to end before it runs anyway (a busy room)."""
SETTLE_S = 1.5
"""How long after a run a step waits: the browser is still drawing the page the run sent (about a
second for a first page), and a step computing beside it on 2 cores made the first page after a
start slower (start to Ringkasan drawn 5.1-6.8 s with the warm-up, 4.2-4.7 s without)."""
_lock = threading.Lock()
_started: dict[str, threading.Thread] = {}
_quiet = threading.Condition()
_running = [0]  # app.py runs in progress, across every session of the process
_last_end = [-math.inf]  # time.monotonic() when the last run ended


@dataclass
class Report:
    """What one warm-up did: the steps in order, those that failed with their message."""

    done: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def start(settings: Settings) -> threading.Thread | None:
    """Start :func:`warm` in a daemon thread, once per process and settings; return it (None if not).

    Called on every run of app.py: only the first call in a served process starts a thread, the
    others return at once. Under AppTest (a stand-in runtime) nothing starts: every test has a
    store of its own, and a background thread per test would only slow the suite down.
    """
    key = repr(settings)
    if not _served():
        return None
    with _lock:
        if key in _started:
            return None
        thread = threading.Thread(target=warm, args=(settings,), name=THREAD_NAME, daemon=True)
        _started[key] = thread
    thread.start()
    return thread


@contextlib.contextmanager
def page_run() -> Iterator[None]:
    """Mark one run of app.py (a page being drawn) for as long as it lasts, however it ends.

    On 2 cores and one GIL, a warm-up step running beside a page slows the page down: a step
    computing what the page does not need (the boundaries, for a first visitor who opens the
    network) made that first page slower, not faster. So each step waits for a moment without runs.
    """
    with _quiet:
        _running[0] += 1
    try:
        yield
    finally:
        with _quiet:
            _running[0] -= 1
            _last_end[0] = time.monotonic()
            _quiet.notify_all()


def _wait_for_quiet(limit: float = QUIET_WAIT_S) -> None:
    """Wait until no page is being drawn and none was for :data:`SETTLE_S` (at most ``limit`` s)."""
    settle = SETTLE_S
    deadline = time.monotonic() + limit
    with _quiet:
        while (left := deadline - time.monotonic()) > 0:
            if _running[0]:
                _quiet.wait(timeout=left)
                continue
            idle = time.monotonic() - _last_end[0]
            if idle >= settle:
                return
            _quiet.wait(timeout=min(settle - idle, left))


def warm(settings: Settings, lang: str = "id") -> Report:
    """Fill the caches a first visitor's pages read (public ceiling, ``lang``); return what was done.

    Each step starts when no page is being drawn (:func:`page_run`). Never raises: each failed step
    is logged and the next runs (a step whose inputs failed fails too).
    """
    report = Report()
    state: dict[str, object] = {}
    _quiet_context_warning()
    for name, step in _steps(settings, lang, state):
        _wait_for_quiet()
        try:
            step()
        except Exception as error:  # noqa: BLE001 - whatever fails, the page recomputes and says why
            report.failed[name] = f"{type(error).__name__}: {error}"
            LOG.warning("Warm-up step %r failed (the page computes it itself): %s", name, error)
            LOG.debug("Warm-up step %r failed", name, exc_info=True)
        else:
            report.done.append(name)
    LOG.info("Warm-up done: %s; failed: %s", ", ".join(report.done), ", ".join(report.failed) or "none")
    return report


def _steps(settings: Settings, lang: str, state: dict[str, object]) -> list[tuple[str, Callable[[], None]]]:
    """Return the warm-up's steps in the order the pages need them: the first page's inputs first.

    The network steps import networkx when they run (after a quiet moment), not beside the first
    page, which is drawn without it (tests/test_startup.py).
    """

    def delays() -> tuple[tuple[str, float], ...]:
        from lib import network

        return network.delays_key(network.DEFAULT_ASSUMED_DELAY_HOURS)

    def scope() -> cached.Scope:
        return state["scope"]  # type: ignore[return-value]  # set by the "context" step

    def context() -> None:
        ctx = cached.context(settings, lang)
        rev = cached.revision(ctx)
        state["rev"] = rev
        state["scope"] = cached.Scope(settings, rev, access.PUBLIC.ceiling, lang)
        scope().ctx  # noqa: B018 - the bundle in the scope's language, one shared copy

    def assessment() -> None:
        elections = cached.elections(settings, state["rev"], lang)  # type: ignore[arg-type]
        days = dict(zip(elections["id"], elections["voting_day"], strict=True))
        state["election"] = default_election(days, clock.today())
        cached.assessment(scope(), str(state["election"]), "")

    def analysis() -> None:
        from lib.ui import network as ui_network

        ui_network.analysis(scope(), delays(), lang)

    def drawing() -> None:
        from lib import network
        from lib.ui import network as ui_network

        graph = ui_network.graph(scope(), delays())
        ui_network.positions(scope())
        highlight = network.highlight_ids(graph, "", None, network.focus_members(graph, ""))
        ui_network.network_spec(scope(), delays(), "", None, network.SIZE_FIELDS[0], highlight, lang)

    def maps() -> None:
        shapes = cached.current_boundaries(settings)
        for frame in shapes.display.values() if shapes is not None else ():
            geo.region_topology(frame)  # a level's first map (desa: about 0.3 s) then reuses it

    def focus() -> None:
        # What a click on a regency draws (0.4 s per regency when cold): its Ringkasan and Peta
        # maps at the pages' first settings, and Peta's detail of what makes up its index.
        election = str(state["election"])
        stamp = cached.boundaries_stamp(settings)
        for code in REGENCY_CODES:
            _wait_for_quiet()
            for points, height in ((False, ringkasan.MAP_HEIGHT[False]), (True, peta.MAP_HEIGHT)):
                arguments = (scope(), election, "", None, code, "category", "kabupaten", points, lang)
                ui_maps.map_spec(*arguments, height, stamp)
            peta.contribution_spec(scope(), election, "", code, lang)
            peta.focus_events(scope(), None, code, lang)

    return [
        ("context", context),
        ("boundaries", lambda: cached.current_boundaries(settings)),
        ("maps", maps),
        ("events", lambda: cached.events(scope())),
        ("assessment", assessment),
        ("network", analysis),
        ("drawing", drawing),
        ("focus", focus),
    ]


def _served() -> bool:
    """Return True when a Streamlit server runs this process (AppTest's runtime is a mock)."""
    from streamlit.runtime import Runtime

    return Runtime.exists() and type(Runtime.instance()) is Runtime


class _NotThisThread(logging.Filter):
    """Drop Streamlit's "missing ScriptRunContext" warning when the warm-up thread logs it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.threadName == THREAD_NAME and _CONTEXT_WARNING in record.getMessage())


_FILTER = _NotThisThread()


def _quiet_context_warning() -> None:
    """Install the filter on the logger that warns (once: adding a filter twice has no effect)."""
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_FILTER)
