"""Shared fixtures: the bundled data, the shared boundary files, a region index."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from lib import intake, store
from lib.access import SYSTEM, Caller
from lib.core.problems import DataProblem
from lib.core.regions import RegionIndex, build_index
from lib.core.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SHARED_GEO = ROOT.parent / "shared" / "data" / "geo"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def region_index() -> RegionIndex:
    """Return the index of Bali and its 9 regencies, from data/regions.csv."""
    with (DATA_DIR / "regions.csv").open(encoding="utf-8") as handle:
        return build_index(list(csv.DictReader(handle)))


@pytest.fixture(scope="session")
def shared_geo() -> Path:
    """Return ../shared/data/geo (boundary files are never copied into the project)."""
    assert SHARED_GEO.is_dir(), f"Boundary files expected at {SHARED_GEO}"
    return SHARED_GEO


class NavigationPagesManager(PagesManager):
    """Make every AppTest run behave like a browser session after the server's first run.

    AppTest resets Streamlit's "pages/ folder" mode before every run, so each run would first
    run as the old multipage mode and lib/ui.use_navigation would rerun it, which drops button
    clicks and form submits. In a browser that happens only on a fresh server's first run.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def _navigation_mode_like_a_browser(monkeypatch):
    monkeypatch.setattr(app_test_module, "PagesManager", NavigationPagesManager)


@pytest.fixture
def fresh_store(tmp_path, monkeypatch):
    """Point the app at an empty data folder (SQLite), with no boundaries and no database URL."""
    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SINERGI_DB_URL", raising=False)
    monkeypatch.delenv("SINERGI_BOUNDARIES", raising=False)
    monkeypatch.delenv("SINERGI_SECRET_KEY", raising=False)
    return tmp_path / "var"


def open_page(page: str, query: dict | None = None) -> AppTest:
    """Open ``page`` as `streamlit run app.py` does, with ``query`` in the URL of the first run."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if query:
        at.query_params.update(query)
    at.run()
    at.switch_page(page)
    return at.run()


def as_account(caller: Caller) -> Caller:
    """Create ``caller``'s account in the store the app will open (from the environment); return it.

    The app checks the session's caller against the store on every run, so a test that puts a
    signed-in caller into the session must give it a real account, as an admin would.
    """
    settings = load_settings()
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    try:
        store.create_user(
            engine,
            username=caller.user_id,
            display_name=caller.label or caller.user_id,
            role=caller.role,
            password="kata-sandi-uji-panjang",
            actor=SYSTEM,
            ceiling=caller.ceiling,
        )
    except DataProblem:  # the account exists already
        pass
    finally:
        engine.dispose()
    return caller


PG_URL = os.environ.get("SINERGI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/sinergi_test")


def postgres_engine() -> sa.engine.Engine:
    """Return an engine on the test PostgreSQL with every Sinergi table dropped.

    In CI (env CI set) an unreachable server fails the test; elsewhere it skips.
    """
    engine = store.make_engine(PG_URL)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
    except sa.exc.OperationalError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL must be reachable in CI at {PG_URL}: {error}")
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}")
    with engine.begin() as conn:
        store.metadata.drop_all(conn)
    return engine
