"""The projector laptop: every page at 1280x720 in a real browser, nothing cut, the headline on screen.

A laptop drives a projector at 1280x720 and the room reads it from three metres. For every page,
in both languages and in both modes (projector mode, ``?proj=1``, and the normal one), no text
is cut: no element that ends in an ellipsis holds more text than it shows, no metric label is
cut, no table runs off the right edge, no chart label is shortened with "…". In projector mode
body text is 18 px or more and chart axis labels and titles 16 px or more, and Ringkasan's seven
headline items (election, days to voting day, stage, alerts, map, Posko reports, regencies that
rose) lie inside the first 720 px. Streamlit's Deploy button and developer menu show to nobody.

Pages are visited within one signed-in session (an analyst, so the Posko page and Ringkasan's
Posko table and alerts are there), by the sidebar's links, as a person does.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from lib import intake, posko, store
from lib.access import SYSTEM, Caller
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
WIDTH, HEIGHT = 1280, 720
USERNAME, PASSWORD = "ana.proyektor", "kopi-kintamani-pagi-2024"
ANALYST = Caller("analyst", "RAHASIA", USERNAME, "Ana (Kesbangpol)")
PAGES = [
    "ringkasan",
    "peta",
    "pemangku_kepentingan",
    "riwayat_konflik",
    "kekuatan_politik",
    "posko",
    "tautan",
    "skenario",
    "agenda",
    "data",
    "akun",
]
HEADLINE = ["election", "days", "stage", "alerts", "map", "posko", "rose"]
SHOTS = os.environ.get("SINERGI_PROJECTOR_SHOTS")
"""A folder to save each page's screenshot in (for a person to look at), when set."""

CUT_TEXT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const cut = [];
  const name = (el) => (el.innerText || el.textContent || '').trim().slice(0, 80);
  for (const el of main.querySelectorAll('*')) {
    if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
    const style = getComputedStyle(el);
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && name(el))
      cut.push('ellipsis: ' + name(el));
  }
  for (const el of main.querySelectorAll('[data-testid="stMetricLabel"], [data-testid="stMetricValue"]')) {
    for (const inner of [el, ...el.querySelectorAll('*')])
      if (inner.scrollWidth > inner.clientWidth + 1 && name(inner)) cut.push('metric: ' + name(inner));
  }
  for (const grid of main.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller')) {
    if (grid.scrollWidth > grid.clientWidth + 1) {
      const frame = grid.closest('[data-testid="stDataFrame"]');
      const heads = [...frame.querySelectorAll('table[role="grid"] th')].map((h) => h.textContent);
      cut.push('table wider than its box: ' + heads.join(' | ').slice(0, 120));
    }
  }
  // Vega shortens axis and legend labels and titles past their labelLimit with an ellipsis; texts
  // drawn as marks (the network's fitted node names, full in the tooltip) are data, not cut here.
  const roles = ['axis-label', 'axis-title', 'legend-label', 'legend-title', 'title-text', 'title-subtitle']
    .map((role) => '[data-testid="stVegaLiteChart"] svg g.role-' + role + ' text').join(', ');
  for (const text of main.querySelectorAll(roles)) {
    if ((text.textContent || '').includes('\\u2026')) cut.push('chart: ' + text.textContent);
  }
  return cut;
}"""

SIZES = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const px = (el) => parseFloat(getComputedStyle(el).fontSize);
  const body = [];
  for (const el of main.querySelectorAll('p, li, td, th')) {
    if (!el.offsetParent || !(el.innerText || '').trim()) continue;
    if (el.closest('[data-testid="stVegaLiteChart"], [data-testid="stDataFrame"], .st-key-projector-exit'))
      continue;
    body.push([px(el), el.innerText.trim().slice(0, 60)]);
  }
  const axis = [];
  for (const text of main.querySelectorAll(
      '[data-testid="stVegaLiteChart"] svg g.role-axis-label text, '
      + '[data-testid="stVegaLiteChart"] svg g.role-axis-title text, '
      + '[data-testid="stVegaLiteChart"] svg g.role-title-text text')) {
    if ((text.textContent || '').trim()) axis.push([px(text), text.textContent.trim().slice(0, 40)]);
  }
  return {body, axis};
}"""

HEADLINE_BOXES = """(names) => names.map((name) => {
  const el = document.querySelector('.st-key-headline-' + name);
  if (!el) return [name, null];
  const box = el.getBoundingClientRect();
  return [name, box.height > 0 ? box.bottom : null];
})"""


def _seed(engine) -> None:
    """Store one verified report from Buleleng an hour ago, so the Posko table has a row with reports."""
    bundle = intake.load_bundle(load_settings({}).bundled_dir)
    check = posko.validate_report(
        {
            "received_at": dt.datetime.now() - dt.timedelta(hours=1),
            "reporter_id": "polres-buleleng",
            "region": "Buleleng",
            "category": "clash",
            "severity": 4,
            "classification": "TERBUKA",
            "title": "Uji proyektor: dua kelompok pendukung saling dorong di Seririt",
            "description": "Dua kelompok pendukung saling dorong di depan TPS 05.",
            "reliability": "B",
            "credibility": "2",
        },
        index=intake.region_index(bundle.regions),
        stakeholder_ids=frozenset(bundle.stakeholders["id"]),
    )
    assert check.ok, check.problems
    posko.save_report(engine, dict(check.clean), actor=ANALYST, client_token="proyektor-1")


@pytest.fixture(scope="module")
def projector_url(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    data_dir = tmp_path_factory.mktemp("projector-var")
    env = {
        **os.environ,
        "SINERGI_DATA_DIR": str(data_dir),
        "SINERGI_BOUNDARIES": str(ROOT.parent / "shared" / "data" / "geo"),
    }
    env.pop("SINERGI_DB_URL", None)
    settings = load_settings(env)
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    store.create_user(
        engine, username=USERNAME, display_name=ANALYST.label, role="analyst", password=PASSWORD, actor=SYSTEM
    )
    _seed(engine)
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


def _sidebar(tab, *, open_: bool) -> None:
    """Open or close the sidebar with its own buttons, as a person does."""
    sidebar = tab.locator('[data-testid="stSidebar"]')
    expanded = sidebar.get_attribute("data-collapsed") == "false"
    if open_ and not expanded:
        tab.locator('[data-testid="stExpandSidebarButton"]').click()
    elif not open_ and expanded:
        sidebar.hover()
        tab.locator('[data-testid="stSidebarCollapseButton"] button').click()
    tab.wait_for_function(
        f"""() => document.querySelector('[data-testid="stSidebar"]')
              .getAttribute('data-collapsed') === '{str(not open_).lower()}'"""
    )
    tab.wait_for_timeout(500)  # the slide animation


def _signed_in_tab(browser, url: str, lang: str):  # noqa: F811
    tab = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}).new_page()
    tab.goto(f"{url}/?lang={lang}")
    _settle(tab, t("access.login.title", lang))
    if SHOTS:
        tab.screenshot(path=str(Path(SHOTS) / f"signin_{lang}.png"))
    tab.get_by_text(t("access.login.title", lang), exact=True).first.click()
    tab.locator(".st-key-login_username input").fill(USERNAME)
    tab.locator(".st-key-login_password input").fill(PASSWORD)
    tab.get_by_role("button", name=t("access.login.submit", lang)).click()
    _settle(tab, ANALYST.label)
    return tab


def _set_projector(tab, on: bool) -> None:
    """Turn projector mode on or off with the sidebar switch."""
    _sidebar(tab, open_=True)
    switch = tab.locator(".st-key-projector_toggle input")
    if switch.is_checked() != on:
        tab.locator(".st-key-projector_toggle label").click()
        _settle(tab)


def _open(tab, name: str, *, projector: bool) -> None:
    """Go to page ``name`` by the sidebar's link; in projector mode close the sidebar again."""
    _sidebar(tab, open_=True)
    path = "/" if name == "ringkasan" else f"/{name}"  # the default page's link is the root
    tab.locator(f'a[data-testid="stSidebarNavLink"][href$="{path}"]').click()
    _settle(tab)
    tab.wait_for_function(f"() => location.pathname.replace(/\\/$/, '') === '{path.rstrip('/')}'")
    if projector:
        _sidebar(tab, open_=False)
    else:
        _sidebar(tab, open_=True)
    charts = tab.locator('[data-testid="stVegaLiteChart"]')
    for index in range(charts.count()):
        charts.nth(index).locator("svg").first.wait_for(timeout=30_000)
    tab.wait_for_timeout(800)  # charts draw after the script has finished
    tab.locator('[data-testid="stMain"]').evaluate("main => main.scrollTo(0, 0)")


@pytest.fixture(
    scope="module",
    params=[("id", True), ("en", True), ("id", False), ("en", False)],
    ids=["id-projector", "en-projector", "id-normal", "en-normal"],
)
def visit(request, projector_url, browser):  # noqa: F811
    """A signed-in tab in one language and mode; ``visit(page)`` opens a page and checks it."""
    lang, projector = request.param
    tab = _signed_in_tab(browser, projector_url, lang)
    _set_projector(tab, projector)
    yield lang, projector, tab
    tab.context.close()


@pytest.mark.parametrize("name", PAGES)
def test_no_text_is_cut_at_1280x720(visit, name):
    lang, projector, tab = visit
    _open(tab, name, projector=projector)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SHOTS) / f"{name}_{lang}{'_proj' if projector else ''}.png"))
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert tab.evaluate(CUT_TEXT) == []
    assert tab.locator('[data-testid="stAppDeployButton"]').count() == 0
    if projector:
        sizes = tab.evaluate(SIZES)
        assert [text for size, text in sizes["body"] if size < 18] == []
        assert [text for size, text in sizes["axis"] if size < 16] == []
        assert ("proj", "1") in re.findall(r"[?&](\w+)=([^&]*)", tab.url)


def test_ringkasans_seven_headline_items_fit_the_first_screen(visit):
    lang, projector, tab = visit
    if not projector:
        pytest.skip("the first-screen promise is projector mode's")
    _open(tab, "ringkasan", projector=True)
    bottoms = dict(tab.evaluate(HEADLINE_BOXES, HEADLINE))
    assert [name for name, bottom in bottoms.items() if bottom is None] == []  # all seven are there
    assert {name: bottom for name, bottom in bottoms.items() if bottom > HEIGHT} == {}
    posko_rows = tab.locator(".st-key-headline-posko tbody tr")
    assert posko_rows.first.inner_text().startswith("Buleleng")  # regencies with reports first


def test_streamlits_developer_menu_shows_to_no_one(projector_url, browser):  # noqa: F811
    tab = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    tab.goto(f"{projector_url}/?lang=en&proj=1")
    _settle(tab, "Leave projector mode")
    assert tab.locator('[data-testid="stAppDeployButton"]').count() == 0
    menu = tab.locator('[data-testid="stMainMenu"]')
    if menu.count():
        menu.click()
        items = tab.locator('[data-testid="stMainMenuList"]').inner_text()
        assert not {"Deploy", "Rerun", "Clear cache"} & set(items.splitlines())
    tab.close()


def test_the_way_back_leaves_projector_mode(projector_url, browser):  # noqa: F811
    tab = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    tab.goto(f"{projector_url}/peta?lang=en&proj=1&r=51.08")
    _settle(tab, "Leave projector mode")
    assert tab.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "true"
    tab.get_by_role("button", name="Leave projector mode").click()
    _settle(tab)
    tab.wait_for_function("() => !location.search.includes('proj=')")
    assert "r=51.08" in tab.url
    assert tab.get_by_role("button", name="Leave projector mode").count() == 0
    tab.close()


@pytest.mark.parametrize("query", ["", "&r=51.08"], ids=["bali", "buleleng"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_petas_map_fits_the_first_screen_in_projector_mode(projector_url, browser, lang, query):  # noqa: F811
    tab = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    tab.goto(f"{projector_url}/peta?lang={lang}&proj=1{query}")
    _settle(tab, t("map.title", lang))
    tab.locator('.st-key-headline-map [data-testid="stVegaLiteChart"] svg').first.wait_for(timeout=30_000)
    tab.wait_for_timeout(800)  # the chart draws after the script has finished
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SHOTS) / f"peta_{'buleleng' if query else 'bali'}_{lang}_proj.png"))
    box = tab.locator(".st-key-headline-map").bounding_box()
    assert box is not None
    assert box["height"] > 300  # the map itself, not an empty box
    assert box["y"] + box["height"] <= HEIGHT
    assert box["width"] < WIDTH * 0.7  # the detail or ranking has the right of the screen
    legend = tab.evaluate(
        """() => [...document.querySelectorAll('.st-key-headline-map svg g.role-legend-label text, '
              + '.st-key-headline-map svg g.role-legend-title text')]
              .map((text) => [parseFloat(getComputedStyle(text).fontSize), text.textContent])"""
    )
    assert legend  # the map's legend is there, its labels and title 16 px or more
    assert [text for size, text in legend if size < 16] == []
    beside = t("map.detail", lang, name="Buleleng") if query else t("map.ranking", lang)
    heading = tab.get_by_role("heading", name=beside).bounding_box()
    assert heading is not None
    assert heading["y"] < HEIGHT
    assert heading["x"] > box["x"] + box["width"]
    tab.close()
