"""What a server start imports: what the first page needs, not what a printout or an analysis needs.

Every module imported at start is paid for by the first person in the room (bench/bench_all.py
--only cold): reportlab (0.3 s) waits for a briefing to be printed, scipy (0.2 s, and 0.4-0.9 s
for scipy.stats) for a route to be computed. That they still work when needed is tested where they are used
(tests/test_briefing_pdf.py, tests/test_network_scale.py).
"""

import subprocess
import sys

from tests.conftest import ROOT

APP_IMPORTS = "import lib.ui.page, lib.ui.warm, lib.ui.agenda, lib.ui.live, lib.ui.projector"
LATER = ("reportlab", "scipy", "scipy.stats")


def test_the_app_starts_without_the_printers_and_the_graph_solvers():
    check = f"{APP_IMPORTS}; import sys; print(','.join(m for m in {LATER!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "", f"imported at start: {result.stdout.strip()}"
