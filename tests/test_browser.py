"""What only a browser shows: the sidebar filters, page switches and the address bar.

Runs the app with `streamlit run` and drives Debian's Chromium with Playwright (never a browser
downloaded by a tool). In CI (env CI set) a missing browser fails; elsewhere it skips.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser


def _need(condition: bool, why: str) -> None:
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(port: int, env: dict[str, str]) -> subprocess.Popen:
    """Start ``streamlit run app.py`` on ``port`` with ``env``, as pagecheck and a deployment do."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_healthy(url: str) -> None:
    """Wait until the server at ``url`` answers its health check (60 s at most)."""
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} did not start within 60 s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    port = free_port()
    env = {
        **os.environ,
        "SINERGI_DATA_DIR": str(tmp_path_factory.mktemp("var")),
        "SINERGI_BOUNDARIES": str(ROOT.parent / "shared" / "data" / "geo"),
    }
    env.pop("SINERGI_DB_URL", None)
    server = start_app(port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]');
}"""


def _settle(page, expect: str | None = None) -> None:
    """Wait until the script finished (twice in a row, so a rerun that follows is waited for too)."""
    for _ in range(2):
        page.wait_for_timeout(400)
        page.wait_for_function(SETTLED, timeout=60_000)
    if expect:
        page.get_by_text(expect).first.wait_for(timeout=30_000)


def _params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_a_copied_link_keeps_page_focus_and_language_across_page_switches(app_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/peta?r=51.08&lang=en")
    _settle(page, "Focus: Buleleng")
    page.get_by_role("link", name="Overview").click()
    _settle(page, "Voters (DPT)")
    assert urlparse(page.url).path.rstrip("/") in ("", "/ringkasan")
    assert _params(page).get("r") == ["51.08"]
    assert _params(page).get("lang") == ["en"]
    assert "Focus: Buleleng" in page.inner_text("body")
    page.close()


def test_choosing_a_focus_in_the_sidebar_changes_the_link(app_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/?lang=en")
    _settle(page, "Regency focus")
    box = page.get_by_label("Regency focus")
    box.click()
    box.fill("Karangasem")
    page.keyboard.press("Enter")
    _settle(page, "Focus: Karangasem")
    assert _params(page).get("r") == ["51.07"]
    assert "Focus: Karangasem" in page.inner_text("body")
    page.close()


def _chart_box(page, index: int):
    charts = page.locator("[data-testid='stVegaLiteChart']")
    charts.nth(index).wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    return charts.nth(index).bounding_box()


def test_clicking_a_regency_on_the_map_focuses_every_page(app_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/peta?lang=en")
    _settle(page, "Vulnerability map")
    box = _chart_box(page, 0)
    # Buleleng is the long regency along the north coast, above the middle of the island.
    page.mouse.click(box["x"] + box["width"] * 0.36, box["y"] + box["height"] * 0.25)
    _settle(page, "Focus: Buleleng")
    assert _params(page).get("r") == ["51.08"]
    page.get_by_role("link", name="Conflict history").click()
    _settle(page, "Focus: Buleleng")
    assert _params(page).get("r") == ["51.08"]
    page.close()


def test_brushing_the_timeline_filters_the_table(app_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{app_url}/riwayat_konflik?lang=en")
    _settle(page, "Events over time")
    assert "Selected events (51)" in page.inner_text("body")
    box = _chart_box(page, 0)
    y = box["y"] + box["height"] * 0.35
    page.mouse.move(box["x"] + box["width"] * 0.80, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.97, y, steps=12)
    page.mouse.up()
    _settle(page, "Selected range")
    shown = page.get_by_text("Selected events (").first.inner_text()
    count = int(shown.split("(")[1].rstrip(")"))
    assert 0 < count < 51
    assert "b" in _params(page)
    page.close()
