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


HIDDEN_FROM_PARTNERS = {"posko.py", "tautan.py", "data.py", "akun.py", "agenda.py"}  # a one-page link


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


# ---------------------------------------------------------------- b, c, d. the Posko's messages in view

PASSWORD = "sandi-rahasia-posko-1"


@pytest.fixture
def accounts():
    settings = load_settings()
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    for username, (name, role) in {"op1": ("Operator Satu", "posko"), "ana": ("Ana", "analyst")}.items():
        store.create_user(
            engine, username=username, display_name=name, role=role, password=PASSWORD, actor=access.SYSTEM
        )
    yield engine
    engine.dispose()


def posko_as(username: str) -> AppTest:
    at = run_app(page="pages/posko.py")
    at.text_input(key="login_username").set_value(username)
    at.text_input(key="login_password").set_value(PASSWORD)
    next(b for b in at.get("form_submit_button") if b.form_id == "login_form").click()
    at.run()
    assert at.session_state["_caller"].user_id == username
    return at


def fill_and_save(at: AppTest, title: str = "Bentrokan pendukung di Seririt") -> AppTest:
    at.selectbox(key="posko_reporter").set_value("polres-buleleng")
    at.selectbox(key="posko_region").set_value("51.08")
    at.selectbox(key="posko_category").set_value("clash")
    at.radio(key="posko_severity").set_value(3)
    at.text_input(key="posko_title").set_value(title)
    at.text_area(key="posko_description").set_value("Dua kelompok pendukung saling dorong di depan TPS 05.")
    at.selectbox(key="posko_reliability").set_value("B")
    at.selectbox(key="posko_credibility").set_value(2)
    next(b for b in at.get("form_submit_button") if b.form_id == "posko_form").click()
    at.run()
    assert not at.exception, at.exception
    return at


def in_order(at: AppTest) -> list[tuple[str, str]]:
    """Return (kind, key or text) of everything in the main area, in the order it is drawn."""

    def walk(node):
        children = getattr(node, "children", None) or {}
        if getattr(node, "type", "") not in ("", "block"):
            yield node
        for index in sorted(children):
            yield from walk(children[index])

    found = []
    for node in walk(at.main):
        value = getattr(node, "value", None) if node.type not in ("dataframe", "table") else None
        text = value if isinstance(value, str) else str(getattr(node, "label", ""))
        found.append((node.type, getattr(node, "key", None) or text))
    return found


def position(order: list[tuple[str, str]], kind: str, text: str) -> int:
    return next(i for i, (k, label) in enumerate(order) if k == kind and text in label)


def test_a_refused_save_stays_below_its_buttons_and_the_next_click_acts_on_the_version_shown(accounts):
    fill_and_save(posko_as("op1"))
    first, second = posko_as("ana"), posko_as("ana")
    for session in (first, second):
        session.selectbox(key="posko_open").set_value(1).run()
    first.button(key="posko_to_diverifikasi").click().run()  # version 2, status Diverifikasi

    # the second session still shows version 1 and its button "verify", which the rerun no longer
    # draws (a verified report offers other moves): the click is answered, not lost
    second.button(key="posko_to_diverifikasi").click().run()
    assert not second.exception
    refusal = " ".join(e.value for e in second.error)
    assert "sudah diubah oleh ana" in refusal
    assert any("belum disimpan" in toast.value for toast in second.toast)
    order = in_order(second)
    shown_at = position(order, "error", "sudah diubah")
    assert position(order, "button", "posko_assign") < shown_at < position(order, "markdown", "Riwayat")
    assert any("versi 2" in x.value and "Status: Diverifikasi" in x.value for x in second.text)

    second.text_input(key="posko_reason_1").set_value("Tidak dapat dikonfirmasi").run()
    assert "sudah diubah oleh ana" in " ".join(e.value for e in second.error)  # still in view
    second.button(key="posko_reject").click().run()  # acts on version 2, the one shown
    (report,) = [dict(r) for r in accounts.connect().execute(store.reports.select()).mappings()]
    assert (report["status"], report["version"]) == ("ditolak", 3)
    said = [s.value for s in second.success]
    assert any("disimpan (versi 3)" in s for s in said)
    assert not second.error  # the refusal is over once the next action saved
    order = in_order(second)
    assert position(order, "success", "versi 3") > position(order, "button", "posko_assign")


def test_a_saved_report_is_confirmed_below_the_save_button_and_in_a_toast(accounts):
    at = fill_and_save(posko_as("op1"))
    assert any("Laporan #1 tersimpan" in toast.value for toast in at.toast)
    order = in_order(at)
    assert position(order, "success", "Laporan #1 tersimpan") > position(
        order, "button", "FormSubmitter:posko_form"
    )
    assert at.text_input(key="posko_title").value == ""  # the form is empty for the next report
    at.run()  # the next rerun (any click): the confirmation has been read
    assert not any("Laporan #1 tersimpan" in s.value for s in at.success)


def test_a_form_with_mistakes_says_so_below_the_save_button_and_in_a_toast(accounts):
    at = fill_and_save(posko_as("op1"), title=" ")
    assert any("1 isian perlu diperbaiki" in toast.value for toast in at.toast)
    order = in_order(at)
    assert position(order, "error", "Judul singkat wajib diisi") > position(
        order, "button", "FormSubmitter:posko_form"
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_form_marks_its_required_fields_before_the_first_try(accounts, lang):
    at = posko_as("op1")
    if lang == "en":
        at.radio(key="lang").set_value("en").run()
    assert t("live.form.required", lang) in [c.value for c in at.caption]
    required = ["reporter", "region", "category", "classification", "reliability", "credibility"]
    for name in required:
        assert at.selectbox(key=f"posko_{name}").label.endswith(" *"), name
    assert at.radio(key="posko_severity").label.endswith(" *")
    assert at.text_input(key="posko_title").label.endswith(" *")
    assert at.text_area(key="posko_description").label.endswith(" *")
    assert at.date_input(key="posko_date").label.endswith(" *")
    assert at.time_input(key="posko_time").label.endswith(" *")
    for optional in ("lat", "lon"):
        assert not at.text_input(key=f"posko_{optional}").label.endswith("*")
    assert not at.selectbox(key="posko_subregion").label.endswith("*")
    assert not at.multiselect(key="posko_assigned").label.endswith("*")
    assert not at.error  # marked, not yet complained about
