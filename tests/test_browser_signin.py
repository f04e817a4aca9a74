"""A sign-in that lasts, in a real browser: reloads and new tabs stay signed in until sign-out.

Runs `streamlit run app.py` with a secret key and drives Debian's Chromium. The cookie is set
by the page's own script (lib/ui/access.py) and read back by Streamlit from the request of the
next tab or reload (st.context.cookies); the server's row decides whether it still counts.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from lib import intake, store
from lib.access import SYSTEM
from lib.access.sessions import COOKIE_NAME
from lib.core.settings import load_settings
from lib.store.sessions import list_sessions, revoke_session
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
SECRET = "browser-Sesi-Kunci-2024-0123456789-abcdefXYZ"
USER, PASSWORD, NAME = "ana.sesi", "kopi-kintamani-pagi", "Ana Sesi"
SIGNED_IN = f"Signed in as {NAME}"
PUBLIC = "Sign in"
"""The sidebar's sign-in box, shown only to the public (its caption sits inside, folded)."""
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """Start the app on a fresh SQLite store holding one analyst account; yield (url, engine)."""
    _need(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    data_dir = tmp_path_factory.mktemp("var")
    settings = load_settings({"SINERGI_DATA_DIR": str(data_dir)})
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    store.create_user(
        engine, username=USER, display_name=NAME, role="analyst", password=PASSWORD, actor=SYSTEM
    )
    env = {**os.environ, "SINERGI_DATA_DIR": str(data_dir), "SINERGI_SECRET_KEY": SECRET}
    env.pop("SINERGI_DB_URL", None)
    env.pop("SINERGI_BOUNDARIES", None)
    port = free_port()
    server = start_app(port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url, engine
    finally:
        server.terminate()
        server.wait(timeout=20)
        engine.dispose()


def _sign_in(tab, url: str) -> None:
    tab.goto(f"{url}/?lang=en")
    _settle(tab, PUBLIC)
    tab.get_by_text("Sign in", exact=True).first.click()
    tab.locator(".st-key-login_username input").fill(USER)
    tab.locator(".st-key-login_password input").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    _settle(tab, SIGNED_IN)


def _session_cookie(context) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == COOKIE_NAME), None)


def _rerun(tab, expect: str) -> None:
    """Rerun the tab's script as a click would (Streamlit's R shortcut), then wait for ``expect``."""
    tab.keyboard.press("r")
    _settle(tab, expect)


def _actions(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(store.audit.c.action).order_by(store.audit.c.id)).scalars())


def test_a_sign_in_lasts_across_reload_and_tabs_until_a_sign_out_in_one_ends_it_in_all(app, browser):  # noqa: F811
    url, engine = app
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    first = context.new_page()
    _sign_in(first, url)
    cookie = _session_cookie(context)
    assert cookie is not None
    assert (cookie["path"], cookie["sameSite"]) == ("/", "Strict")
    assert cookie["expires"] > 0  # kept when the browser restarts, until the store ends it

    first.reload()
    _settle(first, SIGNED_IN)
    second = context.new_page()
    second.goto(f"{url}/riwayat_konflik?lang=en")
    _settle(second, SIGNED_IN)
    second.get_by_role("button", name="Sign out").wait_for(timeout=30_000)  # the sidebar may draw later
    assert "Sign out" in second.inner_text("[data-testid='stSidebar']")

    first.get_by_role("button", name="Sign out").click()
    _settle(first, PUBLIC)
    assert _session_cookie(context) is None
    _rerun(second, "You signed out of Sinergi")
    assert SIGNED_IN not in second.inner_text("body")
    assert "Sign out" not in second.inner_text("[data-testid='stSidebar']")

    stolen = browser.new_context(viewport={"width": 1280, "height": 720})
    stolen.add_cookies([{"name": COOKIE_NAME, "value": cookie["value"], "url": url}])
    replay = stolen.new_page()
    replay.goto(f"{url}/?lang=en")
    _settle(replay, PUBLIC)
    assert SIGNED_IN not in replay.inner_text("body")
    assert _session_cookie(stolen) is None  # the page deleted the dead cookie
    assert _actions(engine).count("session.started") == 1
    assert _actions(engine).count("session.signout") == 1
    stolen.close()
    context.close()


def test_a_session_an_admin_revokes_turns_its_tab_public_with_a_notice(app, browser):  # noqa: F811
    url, engine = app
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    _sign_in(tab, url)
    running = list_sessions(engine, actor=SYSTEM)
    assert list(running["username"]) == [USER]
    revoke_session(engine, running["id_hash"].iloc[0], actor=SYSTEM)
    _rerun(tab, "A Sinergi admin has ended your sign-in")
    assert "Sign out" not in tab.inner_text("[data-testid='stSidebar']")
    tab.reload()
    _settle(tab, PUBLIC)
    assert SIGNED_IN not in tab.inner_text("body")
    context.close()
