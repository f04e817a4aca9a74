"""The share-link page through app.py: an analyst makes a link and sees it listed; others see no list."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib import access, intake, store
from lib.core.settings import load_settings
from tests.test_page_posko import sign_in, submit_of

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "sandi-rahasia-posko-1"
SECRET = "x7Qp-2mZ_kT9vR4sW8yB1nC6dF3gH5jL0aE"
"""At least 32 characters, varied enough for lib.access.secret_is_strong."""


@pytest.fixture(autouse=True)
def _fresh(fresh_store, monkeypatch):
    monkeypatch.setenv("SINERGI_SECRET_KEY", SECRET)
    return fresh_store


@pytest.fixture
def engine():
    settings = load_settings()
    made = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    store.create_user(
        made, username="ana", display_name="Ana", role="analyst", password=PASSWORD, actor=access.SYSTEM
    )
    yield made
    made.dispose()


def open_links(query: dict | None = None, user: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    at.switch_page("pages/tautan.py").run()
    if user:
        sign_in(at, user, PASSWORD)
    return at


def test_an_analyst_creates_a_link_and_sees_it_listed(engine):
    at = open_links({"r": "51.08"}, user="ana")
    assert not at.exception
    assert any(i.value == "Belum ada tautan berbagi." for i in at.info)
    at.text_input(key="share_label").set_value("Bawaslu Buleleng")
    at.selectbox(key="share_page").set_value("riwayat_konflik")
    submit_of(at, "posko_share_form").click()
    at.run()
    assert not at.exception
    (url,) = [c.value for c in at.code]
    assert "/riwayat_konflik?" in url
    assert "r=51.08" in url
    assert "token=" in url
    (table,) = [d.value for d in at.dataframe]
    assert list(table["Untuk"]) == ["Bawaslu Buleleng"]
    assert list(table["Dibuat oleh"]) == ["ana"]
    assert list(table["Tingkat"]) == ["TERBATAS"]


@pytest.mark.parametrize(("query", "words"), [({}, "analis"), ({"lang": "en"}, "analysts")], ids=["id", "en"])
def test_the_public_sees_no_link_list_and_is_told_who_manages_links(engine, query, words):
    at = open_links(query)
    assert not at.exception
    assert not at.dataframe
    assert not any(b.form_id == "posko_share_form" for b in at.get("form_submit_button"))
    assert any(words in i.value for i in at.info)
