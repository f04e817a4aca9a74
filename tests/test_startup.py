"""What a server start imports: what the first page needs, not what a printout or an analysis needs.

Every module imported at start is paid for by the first person in the room (bench/bench_all.py
--only cold): reportlab (0.3 s) waits for a briefing to be printed, scipy (0.2 s, and 0.4-0.9 s
for scipy.stats) for a route to be computed, networkx and lxml (0.15 s with the network package)
for the first network page or the warm-up, vl_convert for a chart export, zxcvbn for a password.
That they still work when needed is tested where they are used
(tests/test_briefing_pdf.py, tests/test_network_scale.py).
"""

import subprocess
import sys

from tests.conftest import ROOT

APP_IMPORTS = "import lib.ui.page, lib.ui.warm, lib.ui.agenda, lib.ui.live, lib.ui.projector"
LATER = ("reportlab", "scipy", "scipy.stats", "networkx", "lxml", "vl_convert", "zxcvbn")


def test_the_app_starts_without_the_printers_and_the_graph_solvers():
    check = f"{APP_IMPORTS}; import sys; print(','.join(m for m in {LATER!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "", f"imported at start: {result.stdout.strip()}"


FIRST_RUN = """
import os, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=120).run()
assert not at.exception, at.exception
print(",".join(m for m in LATER if m in sys.modules))
"""


def test_the_first_page_is_drawn_without_the_network_libraries(tmp_path):
    """Ringkasan's first run (bundle, store, map) reads the institutions without networkx or lxml.

    AppTest starts no warm-up (that thread imports them later, between the visitors' runs).
    """
    env = {**__import__("os").environ, "SINERGI_DATA_DIR": str(tmp_path / "var")}
    script = f"LATER = {LATER!r}\n{FIRST_RUN}"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1:] in ([], [""]), f"imported: {result.stdout.strip()}"
