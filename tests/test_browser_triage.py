"""The message queue in a browser: a Posko operator uploads a WhatsApp export and sees its messages queued.

Runs `streamlit run app.py` and Debian's Chromium (the helpers of tests/test_browser.py); the upload
goes through the real upload control (``set_input_files``), which AppTest does not exercise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lib import intake, store
from lib.access import SYSTEM
from lib.core.settings import load_settings
from tests.test_browser import (  # noqa: F401 (browser is a fixture)
    CHROMIUM,
    _need,
    _settle,
    browser,
    free_port,
    start_app,
    wait_healthy,
)

pytestmark = pytest.mark.browser
PASSWORD = "nasi-jinggo-buleleng"
EXPORT = (
    "27/11/24 14.00 - Pesan dan panggilan dienkripsi secara end-to-end. Ketuk untuk info selengkapnya.\n"
    "27/11/24 14.05 - Made: Ada kerumunan di TPS 03 Seririt\n"
    "sekitar 40 orang\n"
    "27/11/24 14.07 - Ketut: Massa mulai saling dorong\n"
)


@pytest.fixture(scope="module")
def posko_url(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    data_dir = tmp_path_factory.mktemp("var")
    env = {**os.environ, "SINERGI_DATA_DIR": str(data_dir)}
    for name in ("SINERGI_DB_URL", "SINERGI_BOUNDARIES"):
        env.pop(name, None)
    settings = load_settings({"SINERGI_DATA_DIR": str(data_dir)})
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    store.create_user(
        engine,
        username="op.buleleng",
        display_name="Operator Buleleng",
        role="posko",
        password=PASSWORD,
        actor=SYSTEM,
    )
    engine.dispose()
    port = free_port()
    server = start_app(port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url, tmp_path_factory.mktemp("export") / "WhatsApp Chat with Posko Buleleng.txt"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_an_uploaded_export_fills_the_queue(posko_url, browser):  # noqa: F811
    url, export = posko_url
    export.write_text(EXPORT, encoding="utf-8")
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(f"{url}/posko?lang=en")
    _settle(tab, "Sign in")
    tab.get_by_text("Sign in", exact=True).first.click()
    tab.locator(".st-key-login_username input").fill("op.buleleng")
    tab.locator(".st-key-login_password input").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    _settle(tab, "Untriaged messages: 0")
    tab.get_by_text("WhatsApp message queue").first.click()
    tab.locator(".st-key-triage_upload input[type=file]").set_input_files(str(export))
    _settle(tab)
    assert "leleng.txt" in tab.inner_text(".st-key-triage_upload")  # the control shortens long names
    tab.locator(".st-key-triage_import button").click()
    _settle(tab, "2 new, 0 already there")
    assert "Untriaged messages: 2" in tab.inner_text("body")
    tab.locator(".st-key-triage_pick input").first.click()  # the queue, as the operator picks
    tab.keyboard.press("ArrowDown")
    options = tab.get_by_role("option")
    options.filter(has_text="#1 ").first.wait_for(timeout=30_000)
    assert sorted(o for o in options.all_inner_texts() if o.startswith("#")) == [
        "#1 \u00b7 27/11/2024 14:05 \u00b7 Made: Ada kerumunan di TPS 03 Seririt sekitar 40 orang",
        "#2 \u00b7 27/11/2024 14:07 \u00b7 Ketut: Massa mulai saling dorong",
    ]
    tab.close()
