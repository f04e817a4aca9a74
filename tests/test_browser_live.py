"""Live screens in a real browser: a report saved at the Posko reaches other screens by itself.

One browser context signs in as a Posko operator and saves a severity-4 report through the form;
an analyst's Ringkasan, untouched, shows the alert banner within 10 s (the live fragment polls
the store's revision), and a second operator's half-filled form, on the Posko page that reruns
as a whole, keeps what was typed. The waits are Playwright's functional waits (up to 10 s for
the live update), not timed assertions.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from google.protobuf.message import DecodeError
from playwright.sync_api import expect
from streamlit.proto.BackMsg_pb2 import BackMsg

from lib import intake, posko, store
from lib.access import SYSTEM, Caller
from lib.core import clock
from lib.core.i18n import t
from lib.core.settings import load_settings
from tests.test_browser import (  # noqa: F401 (browser is a fixture)
    CHROMIUM,
    ROOT,
    _need,
    _settle,
    browser,
    free_port,
    start_app,
    wait_healthy,
)

pytestmark = pytest.mark.browser
PASSWORD = "kopi-kintamani-pagi-2024"
USERS = {
    "op.buleleng": ("Operator Buleleng", "posko"),
    "op.tabanan": ("Operator Tabanan", "posko"),
    "ana.live": ("Ana (Kesbangpol)", "analyst"),
}
LIVE_WAIT_MS = 10_000
"""The promise: a change shows within 10 s without any input."""
OPERATOR = Caller("posko", "TERBATAS", "op.buleleng", "Operator Buleleng")
_DATA_DIR: list[str] = []
"""The running server's data folder (set by the server fixture)."""


@pytest.fixture(scope="module")
def live_url(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    data_dir = tmp_path_factory.mktemp("live-var")
    env = {**os.environ, "SINERGI_DATA_DIR": str(data_dir)}
    for name in ("SINERGI_DB_URL", "SINERGI_BOUNDARIES"):  # SQLite, the bundled kecamatan list
        env.pop(name, None)
    settings = load_settings(env)
    _DATA_DIR[:] = [str(data_dir)]
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    for username, (name, role) in USERS.items():
        store.create_user(
            engine, username=username, display_name=name, role=role, password=PASSWORD, actor=SYSTEM
        )
    engine.dispose()
    port = free_port()
    server = start_app(port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def _signed_in(browser, url: str, path: str, username: str):  # noqa: F811
    """Open ``path`` in a new context (a person of its own) and sign in there as ``username``."""
    tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    tab.goto(f"{url}/{path}?lang=en")
    _settle(tab, "Sign in")
    tab.get_by_text("Sign in", exact=True).first.click()
    tab.locator(".st-key-login_username input").fill(username)
    tab.locator(".st-key-login_password input").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    _settle(tab, f"Signed in as {USERS[username][0]}")
    return tab


def _choose(tab, key: str, text: str) -> None:
    """Pick the option of a select box that ``text`` finds, as a person typing into it does."""
    box = tab.locator(f".st-key-{key} input")
    box.click()
    box.fill(text)
    tab.keyboard.press("Enter")
    _settle(tab)


def _save_severe_report(tab, title: str) -> None:
    """Fill the intake form (severity 4) and save it, through the widgets."""
    tab.get_by_role("tab", name=t("poskopage.tab.new", "en")).click()
    _choose(tab, "posko_region", "Buleleng")
    _choose(tab, "posko_reporter", "Polres Buleleng")
    _choose(tab, "posko_category", t("category.clash", "en"))
    tab.locator(".st-key-posko_severity").get_by_text("4", exact=True).click()
    tab.locator(".st-key-posko_title input").fill(title)
    tab.locator(".st-key-posko_description textarea").fill("Dua kelompok pendukung saling dorong di TPS 05.")
    _choose(tab, "posko_reliability", t("posko.reliability.B", "en"))
    _choose(tab, "posko_credibility", t("posko.credibility.2", "en"))
    tab.get_by_role("button", name=t("poskopage.form.submit", "en")).click()
    _settle(tab)


def test_a_severe_report_saved_at_the_posko_reaches_an_untouched_overview(live_url, browser):  # noqa: F811
    analyst = _signed_in(browser, live_url, "ringkasan", "ana.live")
    banner = analyst.get_by_text("severe command-post report(s)")
    assert banner.count() == 0
    operator = _signed_in(browser, live_url, "posko", "op.buleleng")
    _save_severe_report(operator, "Bentrokan pendukung di Seririt")
    expect(operator.get_by_text("Report #1 saved").first).to_be_visible()

    expect(analyst.get_by_text("1 severe command-post report(s)")).to_be_visible(timeout=LIVE_WAIT_MS)
    expect(analyst.get_by_role("link", name=t("alerts.open_posko", "en"))).to_be_visible()
    for tab in (analyst, operator):
        tab.context.close()


def _store_severe_report(url_title: str) -> None:
    """Save a severity-4 report straight into the server's store, as another operator's save does."""
    settings = load_settings({"SINERGI_DATA_DIR": _DATA_DIR[0]})
    bundle = intake.load_bundle(settings.bundled_dir)
    engine = store.open_store(settings.store_url, bundle)
    check = posko.validate_report(
        {
            "received_at": clock.now().replace(tzinfo=None) - dt.timedelta(hours=1),
            "reporter_id": "polres-buleleng",
            "region": "51.08",
            "category": "clash",
            "severity": 4,
            "classification": "TERBATAS",
            "title": url_title,
            "description": "Spanduk pasangan calon dirusak di depan balai banjar.",
            "reliability": "B",
            "credibility": "2",
        },
        index=intake.region_index(bundle.regions),
        stakeholder_ids=frozenset(bundle.stakeholders["id"]),
    )
    assert check.ok, check.problems
    posko.save_report(engine, dict(check.clean), actor=OPERATOR, client_token=url_title)
    engine.dispose()


def test_the_live_rerun_keeps_the_view_the_widgets_and_an_open_expander(live_url, browser):  # noqa: F811
    analyst = _signed_in(browser, live_url, "peta", "ana.live")
    chart = analyst.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for(timeout=30_000)
    analyst.wait_for_timeout(800)  # the map's first paint (a chart's drawing is not a Streamlit run)
    box = chart.bounding_box()
    # without boundary files the map is a tile grid: Buleleng is the second tile of the top row
    analyst.mouse.click(box["x"] + box["width"] * 0.24, box["y"] + box["height"] * 0.16)
    _settle(analyst, "Focus: Buleleng")
    _choose(analyst, "map_measure", "Events per 100,000 voters")
    points = analyst.locator(".st-key-map_points input")
    shown_before = points.is_checked()
    analyst.locator(".st-key-map_points label").first.click()
    _settle(analyst)
    assert points.is_checked() != shown_before  # the reader's choice, not the default
    banner = analyst.get_by_text("severe command-post report(s)")
    waiting = int(banner.inner_text().split()[0]) if banner.count() else 0

    _store_severe_report("Spanduk dirusak di Banjar")
    expect(analyst.get_by_text(f"{waiting + 1} severe command-post report(s)")).to_be_visible(
        timeout=LIVE_WAIT_MS
    )
    _settle(analyst)
    expect(analyst.get_by_text("Focus: Buleleng").first).to_be_visible()  # the view ...
    assert parse_qs(urlparse(analyst.url).query).get("r") == ["51.08"]  # ... and its link
    expect(analyst.locator(".st-key-map_measure input")).to_have_value("Events per 100,000 voters")
    expect(points).to_be_checked(checked=not shown_before)

    # Ringkasan, reached by the navigation (the same session): an expander opened stays open
    analyst.get_by_role("link", name=t("nav.ringkasan", "en")).click()
    _settle(analyst, t("common.source", "en"))
    source = analyst.locator("[data-testid='stExpander'] details").filter(has_text=t("common.source", "en"))
    source.locator("summary").click()
    expect(source).to_have_attribute("open", "")
    _store_severe_report("Baliho dibakar di Kubutambahan")
    expect(analyst.get_by_text(f"{waiting + 2} severe command-post report(s)")).to_be_visible(
        timeout=LIVE_WAIT_MS
    )
    _settle(analyst)
    expect(source).to_have_attribute("open", "")
    expect(analyst.get_by_text("Focus: Buleleng").first).to_be_visible()
    analyst.context.close()


WATCH_SCREEN = """() => {
  window.__changes = {running: 0, stale: 0};
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) window.__changes.running += 1;
    if (document.querySelector('[data-stale="true"]')) window.__changes.stale += 1;
  }).observe(document.body, {subtree: true, childList: true, attributes: true});
}"""
"""Count, from now on, every moment the page shows a run in progress or greys out a stale element."""


def _auto_reruns(tab) -> list[int]:
    """Count the fragment's automatic reruns the browser asks for (decoded from the websocket)."""
    sent = [0]

    def frame(payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        message = BackMsg()
        try:
            message.ParseFromString(payload)
        except DecodeError:
            return
        state = message.rerun_script
        if message.HasField("rerun_script") and state.is_auto_rerun and state.fragment_id:
            sent[0] += 1

    tab.on("websocket", lambda socket: socket.on("framesent", frame))
    return sent


def test_when_nothing_changed_the_polls_leave_the_screen_as_it_was(live_url, browser):  # noqa: F811
    tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    polls = _auto_reruns(tab)
    tab.goto(f"{live_url}/peta?lang=en")  # a live page, for the public: polls, draws no banner
    _settle(tab, "Vulnerability map")
    charts = tab.locator("[data-testid='stVegaLiteChart']")
    expect(charts).to_have_count(2, timeout=30_000)  # the map and the ranking, both mounted
    for index in range(charts.count()):  # drawn (a chart paints after the run has finished)
        expect(charts.nth(index)).to_contain_text("Buleleng", timeout=30_000)
    before = tab.locator("[data-testid='stMain']").inner_text()
    tab.evaluate(WATCH_SCREEN)
    seen = polls[0]
    for _ in range(240):  # wait for two polls of the unchanged store (a minute at most)
        if polls[0] >= seen + 2:
            break
        tab.wait_for_timeout(250)
    assert polls[0] >= seen + 2, "the page did not poll"
    _settle(tab)
    assert tab.evaluate("window.__changes") == {"running": 0, "stale": 0}
    assert tab.locator("[data-testid='stMain']").inner_text() == before
    tab.context.close()


def test_a_half_filled_form_survives_the_rerun_another_operators_save_causes(live_url, browser):  # noqa: F811
    typing = _signed_in(browser, live_url, "posko", "op.tabanan")
    typing.get_by_role("tab", name=t("poskopage.tab.new", "en")).click()
    _choose(typing, "posko_region", "Tabanan")
    title = typing.locator(".st-key-posko_title input")
    title.fill("Spanduk dirusak di Kediri")  # typed, not submitted: only the browser holds it
    description = typing.locator(".st-key-posko_description textarea")
    description.fill("Setengah jalan menulis")
    new_count = typing.locator("[data-testid='stMetric']").filter(has_text="New")
    before = new_count.locator("[data-testid='stMetricValue']").inner_text()

    saver = _signed_in(browser, live_url, "posko", "op.buleleng")
    _save_severe_report(saver, "Bentrokan kedua di Seririt")
    expect(saver.get_by_text("saved").first).to_be_visible()

    # the typing operator's page reran by itself (the count of new reports moved on) ...
    expect(new_count.locator("[data-testid='stMetricValue']")).not_to_have_text(before, timeout=LIVE_WAIT_MS)
    _settle(typing)
    # ... and the form still holds what was typed, on the tab where it was typed
    expect(title).to_have_value("Spanduk dirusak di Kediri")
    expect(description).to_have_value("Setengah jalan menulis")
    expect(typing.locator(".st-key-posko_region input")).to_have_value("Tabanan")
    expect(typing.get_by_role("tab", name=t("poskopage.tab.new", "en"))).to_have_attribute(
        "aria-selected", "true"
    )
    for tab in (typing, saver):
        tab.context.close()
