"""Several app processes on one PostgreSQL, as a deployment grows past one laptop, driven in a browser.

Two `streamlit run` servers share one database: a report stored through the Posko's process shows
on both, a revoked share link stops on both at the next click of a tab already open, and an
account created after both started signs in on both. Caches are keyed by the store's revision,
so no process serves what only its own memory holds.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from lib import intake, posko, store
from lib.access import SYSTEM, Caller
from tests.conftest import DATA_DIR, PG_URL
from tests.test_browser import (  # noqa: F401 (browser is a fixture)
    CHROMIUM,
    _need,
    _settle,
    browser,
    free_port,
    start_app,
    wait_healthy,
)

ROOT = Path(__file__).resolve().parent.parent
MULTI_DB = "sinergi_multi_test"
MULTI_URL = PG_URL.rsplit("/", 1)[0] + f"/{MULTI_DB}"
SECRET = "multi-Proses-Kunci-2024-0123456789-abcdefXYZ"
ANALYST = Caller("analyst", "RAHASIA", "ana.multi", "Ana (Kesbangpol)")
pytestmark = [pytest.mark.browser, pytest.mark.postgres]


def _fresh_database() -> None:
    admin = sa.create_engine(PG_URL.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{MULTI_DB}" WITH (FORCE)'))
            conn.execute(sa.text(f'CREATE DATABASE "{MULTI_DB}"'))
    except sa.exc.OperationalError as error:
        _need(False, f"PostgreSQL not reachable for the multi-process test: {error}")
    finally:
        admin.dispose()


def _start(port: int, data_dir: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "SINERGI_DB_URL": MULTI_URL,
        "SINERGI_DATA_DIR": str(data_dir),
        "SINERGI_SECRET_KEY": SECRET,
    }
    env.pop("SINERGI_BOUNDARIES", None)
    return start_app(port, env)


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    _fresh_database()
    engine = store.open_store(MULTI_URL, intake.load_bundle(DATA_DIR))
    store.create_user(
        engine,
        username=ANALYST.user_id,
        display_name=ANALYST.label,
        role="analyst",
        password="kopi-kintamani-pagi",
        actor=SYSTEM,
    )
    data_dir = tmp_path_factory.mktemp("shared-var")
    servers = [_start(port, data_dir) for port in (free_port(), free_port())]
    urls = [f"http://127.0.0.1:{s.args[s.args.index('--server.port') + 1]}" for s in servers]
    try:
        for url in urls:
            wait_healthy(url)
        yield engine, urls
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)
        engine.dispose()


def test_a_revoked_link_stops_in_tabs_already_open_on_both_servers(two_servers, browser):  # noqa: F811
    engine, urls = two_servers
    link = store.create_link(
        engine,
        secret=SECRET,
        creator=ANALYST,
        label="KPU Bali",
        ceiling="TERBATAS",
        expires=dt.date.today() + dt.timedelta(days=7),
        view_params={"r": "51.07"},
    )
    tabs = []
    for url in urls:
        tab = browser.new_page(viewport={"width": 1280, "height": 720})
        tab.goto(f"{url}/riwayat_konflik?r=51.07&lang=en&token={link.token}")
        _settle(tab, "Share link: KPU Bali")
        tabs.append(tab)
    assert store.revoke_link(engine, link.link_id, actor=ANALYST)
    for tab in tabs:
        tab.keyboard.press("r")  # the next interaction: a rerun
        _settle(tab, "This share link has been revoked")
        assert "Share link: KPU Bali" not in tab.inner_text("body")
        tab.close()


def _selected_events(tab) -> int:
    shown = tab.get_by_text("Selected events (").first.inner_text()
    return int(shown.split("(")[1].split(")")[0])


def test_a_report_stored_through_one_process_shows_on_the_other(two_servers, browser):  # noqa: F811
    engine, urls = two_servers
    tabs, counts = [], []
    for url in urls:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(f"{url}/riwayat_konflik?lang=en")
        _settle(tab, "Events over time")
        tabs.append(tab)
        counts.append(_selected_events(tab))
    bundle = intake.load_bundle(DATA_DIR)
    check = posko.validate_report(
        {
            "received_at": dt.datetime.now() - dt.timedelta(hours=1),
            "reporter_id": "polres-buleleng",
            "region": "Buleleng",
            "category": "clash",
            "severity": 3,
            "classification": "TERBUKA",
            "title": "Uji multi-proses: spanduk dirusak di Seririt",
            "description": "Spanduk pasangan calon dirusak di depan balai banjar.",
            "reliability": "B",
            "credibility": "2",
        },
        index=intake.region_index(bundle.regions),
        stakeholder_ids=frozenset(bundle.stakeholders["id"]),
    )
    assert check.ok, check.problems
    report_id = posko.save_report(engine, dict(check.clean), actor=ANALYST, client_token="multi-1")
    posko.set_status(engine, report_id, "diverifikasi", expected_version=1, actor=ANALYST)
    for tab, before in zip(tabs, counts, strict=True):
        tab.keyboard.press("r")  # the table is drawn on a canvas: its row count is the visible sign
        _settle(tab, f"Selected events ({before + 1})")
        tab.close()


def test_an_account_created_after_both_started_signs_in_on_both(two_servers, browser):  # noqa: F811
    engine, urls = two_servers
    store.create_user(
        engine,
        username="op.tabanan",
        display_name="Operator Tabanan",
        role="posko",
        password="sate-lilit-tabanan",
        actor=SYSTEM,
    )
    for url in urls:
        tab = browser.new_page(viewport={"width": 1280, "height": 720})
        tab.goto(f"{url}/?lang=en")
        _settle(tab, "Sign in")
        tab.get_by_text("Sign in", exact=True).first.click()
        tab.locator(".st-key-login_username input").fill("op.tabanan")
        tab.locator(".st-key-login_password input").fill("sate-lilit-tabanan")
        tab.get_by_role("button", name="Sign in").click()
        _settle(tab, "Signed in as Operator Tabanan")
        tab.close()
