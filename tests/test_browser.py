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


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "SINERGI_DATA_DIR": str(tmp_path_factory.mktemp("var"))}
    env.pop("SINERGI_DB_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the app did not start within 60 s")
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
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield launched
        launched.close()


def _settle(page) -> None:
    page.wait_for_selector("[data-testid='stApp']", timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )
    page.wait_for_timeout(700)


def _params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_a_copied_link_keeps_page_focus_and_language_across_page_switches(app_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/peta?r=51.08&lang=en")
    _settle(page)
    assert "Focus: Buleleng" in page.inner_text("body")
    page.get_by_role("link", name="Overview").click()
    _settle(page)
    assert urlparse(page.url).path.rstrip("/") in ("", "/ringkasan")
    assert _params(page).get("r") == ["51.08"]
    assert _params(page).get("lang") == ["en"]
    assert "Focus: Buleleng" in page.inner_text("body")
    page.close()


def test_choosing_a_focus_in_the_sidebar_changes_the_link(app_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/ringkasan?lang=en")
    _settle(page)
    page.get_by_label("Regency focus").click()
    page.get_by_role("option", name="Karangasem").click()
    _settle(page)
    assert _params(page).get("r") == ["51.07"]
    assert "Focus: Karangasem" in page.inner_text("body")
    page.close()
