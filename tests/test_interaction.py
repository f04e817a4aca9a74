"""Interaction faults through app.py: tabs that stay open, messages in view, a partner's navigation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from lib import access, intake, store
from lib.core.i18n import t
from lib.core.settings import load_settings
from tests.conftest import as_account

ROOT = Path(__file__).resolve().parent.parent
SECRET = "interaksi-Kunci-2024-0123456789-abcdefXYZ"
ANALYST = access.Caller("analyst", "RAHASIA", "ana.uji", "Ana (Kesbangpol)")


@pytest.fixture(autouse=True)
def _fresh(fresh_store):
    return fresh_store


def run_app(query: dict | None = None, *, caller: access.Caller | None = None, page: str = "") -> AppTest:
    """Run app.py once (as a browser's first visit), then switch to ``page`` if given."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if query:
        at.query_params.update(query)
    if caller is not None:
        at.session_state["_caller"] = as_account(caller)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def open_tabs(at: AppTest) -> list[int]:
    """Return the tab each tab set on screen opens (its index), in page order."""

    def walk(node):
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    return [
        node.proto.tab_container.default_tab_index
        for node in walk(at._tree)
        if type(node) is Block and node.proto is not None and node.proto.WhichOneof("type") == "tab_container"
    ]


# ---------------------------------------------------------------- a. the what-if stays on its tab


def test_choosing_an_institution_in_the_what_if_keeps_the_what_if_tab_open():
    at = run_app({"lang": "en"}, page="pages/pemangku_kepentingan.py")
    whatif = t("stakeholderspage.tab.whatif", "en")
    at.session_state["network_tabs"] = whatif  # what a click on the tab sends
    at.run()
    assert open_tabs(at) == [5]
    at.multiselect(key="whatif_nodes").set_value(["kesbangpol-bali"]).run()
    assert not at.exception, at.exception
    assert any("scenario is active" in w.value for w in at.warning)  # the rerun drew the result ...
    assert open_tabs(at) == [5]  # ... and the what-if tab is still the one open
    assert at.session_state["network_tabs"] == whatif
    assert any(s.value == "Cut off from the Posko: 1 institutions" for s in at.subheader)


# ---------------------------------------------------------------- e. a partner's navigation


def partner_token() -> str:
    settings = load_settings()
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    try:
        link = store.create_link(
            engine,
            secret=SECRET,
            creator=ANALYST,
            label="KPU Bali",
            ceiling="TERBATAS",
            expires=dt.date.today() + dt.timedelta(days=7),
            view_params={"r": "51.08"},
        )
    finally:
        engine.dispose()
    return link.token


def listed_pages(at: AppTest) -> set[str]:
    """Return the page files the session's navigation lists."""
    return {Path(str(info["script_path"])).name for info in at._registered_pages.values()}


HIDDEN_FROM_PARTNERS = {"posko.py", "tautan.py", "data.py", "akun.py"}


def test_a_partners_navigation_lists_only_the_pages_it_can_use(monkeypatch):
    monkeypatch.setenv("SINERGI_SECRET_KEY", SECRET)
    partner = run_app({"token": partner_token()})
    assert partner.session_state["_caller"].role == "partner"
    pages = listed_pages(partner)
    assert pages & HIDDEN_FROM_PARTNERS == set()
    assert {"ringkasan.py", "peta.py", "riwayat_konflik.py", "pemangku_kepentingan.py"} <= pages
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        partner.switch_page("pages/posko.py")
    # the public signs in from any page, so its navigation keeps them; an analyst's too
    assert listed_pages(run_app()) >= HIDDEN_FROM_PARTNERS
    assert listed_pages(run_app(caller=ANALYST)) >= HIDDEN_FROM_PARTNERS


def test_a_partner_opening_the_posko_address_directly_gets_the_overview_and_nothing_restricted(monkeypatch):
    monkeypatch.setenv("SINERGI_SECRET_KEY", SECRET)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"token": partner_token(), "lang": "en"})
    at.switch_page("pages/posko.py")  # before the first run: the address /posko, typed or bookmarked
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["_caller"].role == "partner"
    assert at.title[0].value == "2024 regional elections (Bali)"  # the default page, Ringkasan
    titles = [e.value for e in at.title]
    assert t("posko.title", "en") not in titles
    assert not [w for w in at.get("form") if "posko" in str(w.proto)]
    keys = {w.key for w in at.get("button") + at.get("selectbox")}
    assert not {k for k in keys if k and k.startswith("posko_")}
