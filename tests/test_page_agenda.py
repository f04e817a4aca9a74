"""The meeting agenda through app.py: build one from three pages, present it, copy it, share it by link."""

import datetime as dt
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from lib import access, intake, store
from lib.access import Caller
from lib.core import clock
from lib.core.problems import DataProblem
from lib.core.settings import load_settings
from tests.test_page_posko import sign_in, submit_of

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "sandi-rahasia-agenda-1"
SECRET = "x7Qp-2mZ_kT9vR4sW8yB1nC6dF3gH5jL0aE"
ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana")
TITLE = "Rapat koordinasi 25/11"


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


def open_app(query: dict | None = None, user: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update(query or {})
    at.run()
    if user:
        sign_in(at, user, PASSWORD)
    assert not at.exception
    return at


def bar_text(at: AppTest) -> list[str]:
    shown = [m.value.replace("\\", "") for m in at.markdown]  # as read: markdown escapes dropped
    return [text for text in shown if text.startswith("**Agenda:")]


def add_view(at: AppTest, agenda: str, title: str, note: str = "") -> AppTest:
    at.selectbox(key="agenda_add_which").set_value(agenda)
    if agenda == "__new__":
        at.text_input(key="agenda_add_new").set_value(TITLE)
    at.text_input(key="agenda_add_item_title").set_value(title)
    at.text_area(key="agenda_add_note").set_value(note)
    submit_of(at, "agenda_add_form").click()
    at.run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def build_three_views(engine) -> tuple[AppTest, str]:
    at = open_app(user="ana")
    add_view(at, "__new__", "Ringkasan pemilihan", "Mulai dari angka kunci")
    (agenda_id,) = store.list_agendas(engine, actor=ANALYST)["id"]
    at.switch_page("pages/peta.py").run()
    at.selectbox(key="focus").set_value("51.08").run()
    add_view(at, agenda_id, "Peta Buleleng")
    at.switch_page("pages/riwayat_konflik.py").run()
    at.selectbox(key="focus").set_value("").run()
    add_view(at, agenda_id, "Riwayat konflik")
    return at, agenda_id


def test_an_analyst_builds_an_agenda_from_three_pages_and_presents_it(engine):
    at, agenda_id = build_three_views(engine)
    shown = store.read_agenda(engine, agenda_id, actor=ANALYST)
    assert [(i.page, i.title) for i in shown.items] == [
        ("ringkasan", "Ringkasan pemilihan"),
        ("peta", "Peta Buleleng"),
        ("riwayat_konflik", "Riwayat konflik"),
    ]
    assert shown.items[1].params.get("r") == "51.08"
    assert "r" not in shown.items[2].params

    at.switch_page("pages/agenda.py").run()
    assert not at.exception
    (table,) = [d.value for d in at.dataframe]
    assert list(table["Judul"]) == [TITLE]
    assert list(table["Tampilan"]) == [3]
    at.button(key="agenda_present").click().run()
    assert not at.exception
    assert bar_text(at) == [f"**Agenda: {TITLE} — 1 / 3**"]
    assert "**Ringkasan pemilihan** · Mulai dari angka kunci" in [m.value for m in at.markdown]
    at.button(key="agenda_next").click().run()
    assert bar_text(at) == [f"**Agenda: {TITLE} — 2 / 3**"]
    assert at.session_state["_view"].focus == "51.08"
    assert any(title.value == "Peta kerawanan" for title in at.title) or at.get("vega_lite_chart")
    at.button(key="agenda_next").click().run()
    assert bar_text(at) == [f"**Agenda: {TITLE} — 3 / 3**"]
    assert at.session_state["_view"].focus is None
    assert at.button(key="agenda_next").disabled
    at.button(key="agenda_prev").click().run()
    assert bar_text(at) == [f"**Agenda: {TITLE} — 2 / 3**"]
    at.button(key="agenda_stop").click().run()
    assert not at.exception
    assert bar_text(at) == []


def test_views_are_reordered_and_removed_on_the_page(engine):
    at, agenda_id = build_three_views(engine)
    at.switch_page("pages/agenda.py").run()
    first, second, third = (i.item_id for i in store.read_agenda(engine, agenda_id, actor=ANALYST).items)
    at.button(key=f"agenda_up_{third}").click().run()
    assert [i.item_id for i in store.read_agenda(engine, agenda_id, actor=ANALYST).items] == [
        first,
        third,
        second,
    ]
    at.button(key=f"agenda_remove_{first}").click().run()
    assert [i.item_id for i in store.read_agenda(engine, agenda_id, actor=ANALYST).items] == [third, second]
    assert not at.exception


def test_an_agenda_is_copied_for_the_next_meeting(engine):
    at, agenda_id = build_three_views(engine)
    at.switch_page("pages/agenda.py").run()
    assert at.text_input(key="agenda_copy_title").value == f"{TITLE} (rapat berikutnya)"
    at.text_input(key="agenda_copy_title").set_value("Rapat koordinasi 2/12")
    submit_of(at, "agenda_copy_form").click()
    at.run()
    assert not at.exception
    listed = store.list_agendas(engine, actor=ANALYST)
    assert sorted(listed["title"]) == ["Rapat koordinasi 2/12", TITLE]
    assert list(listed["views"]) == [3, 3]
    (table,) = [d.value for d in at.dataframe]
    assert len(table) == 2


def agenda_link(at: AppTest, ceiling: str = "TERBATAS") -> str:
    at.switch_page("pages/agenda.py").run()
    at.text_input(key="agenda_share_label").set_value("KPU Bali")
    at.selectbox(key="agenda_share_ceiling").set_value(ceiling)
    submit_of(at, "agenda_share_form").click()
    at.run()
    assert not at.exception
    (url,) = [c.value for c in at.code]
    assert "/agenda?" in url
    return parse_qs(urlparse(url).query)["token"][0]


def test_a_partner_opens_the_agenda_link_and_it_presents_read_only(engine):
    at, agenda_id = build_three_views(engine)
    token = agenda_link(at)
    links = store.list_links(engine, actor=ANALYST)
    assert list(links["agenda_id"]) == [agenda_id]
    assert list(links["ceiling"]) == ["TERBATAS"]

    partner_app = open_app({"token": token})
    partner = partner_app.session_state["_caller"]
    assert (partner.role, partner.ceiling) == ("partner", "TERBATAS")
    listed = {Path(str(info["script_path"])).name for info in partner_app._registered_pages.values()}
    assert "agenda.py" in listed  # its link opens an agenda, so the agenda page is listed
    assert "posko.py" not in listed
    assert bar_text(partner_app) == [f"**Agenda: {TITLE} — 1 / 3**"]
    assert not [b for b in partner_app.get("form_submit_button") if b.form_id == "agenda_add_form"]
    partner_app.button(key="agenda_next").click().run()
    assert bar_text(partner_app) == [f"**Agenda: {TITLE} — 2 / 3**"]
    assert partner_app.session_state["_view"].focus == "51.08"

    partner_app.switch_page("pages/agenda.py").run()
    assert not partner_app.exception
    keys = {
        getattr(w, "key", None)
        for kind in ("button", "text_input", "selectbox")
        for w in partner_app.get(kind)
    }
    assert not {
        k for k in keys if k and k.startswith(("agenda_up_", "agenda_remove_", "agenda_share", "agenda_copy"))
    }
    assert not partner_app.get("form_submit_button") or all(
        not b.form_id.startswith("agenda") for b in partner_app.get("form_submit_button")
    )
    assert any("TERBATAS" in i.value for i in partner_app.info)
    assert store.list_links(engine, actor=ANALYST)["use_count"].tolist() == [1]

    with pytest.raises(DataProblem):
        store.add_item(engine, agenda_id, page="peta", view_params={}, title="x", actor=partner)
    with pytest.raises(DataProblem):
        store.remove_item(
            engine, store.read_agenda(engine, agenda_id, actor=partner).items[0].item_id, actor=partner
        )
    assert len(store.read_agenda(engine, agenda_id, actor=ANALYST).items) == 3


@pytest.mark.parametrize("query", [{}, {"lang": "en"}], ids=["id", "en"])
def test_the_public_is_told_who_makes_agendas(engine, query):
    at = open_app(query)
    at.switch_page("pages/agenda.py").run()
    assert not at.exception
    assert not at.dataframe
    assert any(("analis" in i.value) or ("analysts" in i.value) for i in at.info)


@pytest.fixture
def made_on_click(monkeypatch):
    """Keep the callables of the files offered for download (built on click), by file name."""
    kept: dict[str, object] = {}
    deferred = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        kept[file_name or ""] = data_callable
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return kept


def test_the_briefing_is_offered_as_pdf_and_excel_and_audited(engine, made_on_click):
    at, agenda_id = build_three_views(engine)
    at.switch_page("pages/agenda.py").run()
    assert not at.exception
    pdf = made_on_click[f"sinergi-briefing-{agenda_id}.pdf"]()
    xlsx = made_on_click[f"sinergi-briefing-{agenda_id}.xlsx"]()
    assert pdf.startswith(b"%PDF")
    assert xlsx[:2] == b"PK"
    trail = store.read_audit(engine, actor=Caller("admin", "RAHASIA", "root"))
    exported = trail[trail["action"] == "export"]
    assert set(exported["target"]) == {
        f"sinergi-briefing-{agenda_id}.pdf",
        f"sinergi-briefing-{agenda_id}.xlsx",
    }
    assert set(exported["who"]) == {"ana"}


def test_two_scenario_views_in_a_row_each_present_their_own_weights(engine):
    at = open_app(user="ana")
    at.switch_page("pages/skenario.py").run()
    slider = next(s for s in at.slider if s.key and s.key.startswith("weight_"))
    at.slider(key=slider.key).set_value(2.0).run()
    first = at.session_state["_view"].weights
    add_view(at, "__new__", "Bobot dua")
    (agenda_id,) = store.list_agendas(engine, actor=ANALYST)["id"]
    at.slider(key=slider.key).set_value(3.0).run()
    second = at.session_state["_view"].weights
    add_view(at, agenda_id, "Bobot tiga")
    assert first
    assert second != first
    at.switch_page("pages/agenda.py").run()
    at.button(key="agenda_present").click().run()
    assert at.session_state["_view"].weights == first
    at.button(key="agenda_next").click().run()
    assert bar_text(at) == [f"**Agenda: {TITLE} — 2 / 2**"]
    assert at.session_state["_view"].weights == second
    assert at.slider(key=slider.key).value == 3.0
    at.button(key="agenda_prev").click().run()
    assert at.session_state["_view"].weights == first
    assert at.slider(key=slider.key).value == 2.0


@pytest.mark.parametrize("preset", ["week", "month", "date"])
def test_a_single_page_link_ends_at_the_preset_day_at_midnight_wita(engine, preset):
    at = open_app({"r": "51.08"}, user="ana")
    at.switch_page("pages/tautan.py").run()
    today = clock.today()
    presets = access.expiry_presets(today)
    shown = [
        f"{name} ({presets[key][0]:%d/%m/%Y})"
        for name, key in [("Akhir minggu ini", "week"), ("Akhir bulan ini", "month")]
    ]
    assert at.radio(key="share_expiry_preset").options[:2] == shown
    at.text_input(key="share_label").set_value("Bawaslu Buleleng")
    at.radio(key="share_expiry_preset").set_value(preset)
    picked = today + dt.timedelta(days=10)
    at.date_input(key="share_expiry_date").set_value(picked)
    submit_of(at, "posko_share_form").click()
    at.run()
    assert not at.exception
    expected = presets[preset][0] if preset != "date" else picked
    (until,) = store.list_links(engine, actor=ANALYST)["expires_at"]
    assert until.to_pydatetime() == dt.datetime.combine(expected, dt.time(23, 59, 59), tzinfo=clock.LOCAL_TZ)


def test_a_kekuatan_politik_view_is_added_presented_and_printed_focused(engine, made_on_click):
    at = open_app(user="ana")
    at.switch_page("pages/kekuatan_politik.py").run()
    at.selectbox(key="focus").set_value("51.08").run()
    assert not at.exception
    add_view(at, "__new__", "Kekuatan Buleleng", "Siapa berhadapan")
    (agenda_id,) = store.list_agendas(engine, actor=ANALYST)["id"]
    at.switch_page("pages/ringkasan.py").run()
    at.selectbox(key="focus").set_value("").run()
    add_view(at, agenda_id, "Ringkasan")
    (item, _) = store.read_agenda(engine, agenda_id, actor=ANALYST).items
    assert (item.page, item.params.get("r")) == ("kekuatan_politik", "51.08")

    at.switch_page("pages/agenda.py").run()
    at.button(key="agenda_present").click().run()
    assert not at.exception
    assert bar_text(at) == [f"**Agenda: {TITLE} — 1 / 2**"]
    assert at.session_state["_view"].focus == "51.08"
    assert [title.value for title in at.title] == ["Kekuatan Politik"]
    pairs = [frame.value for frame in at.dataframe if "Pasangan calon" in frame.value.columns]
    assert len(pairs) == 2  # the governor's race in Buleleng and Buleleng's own, as when focused by hand
    assert "Nyoman Sutjidra – Gede Supriatna" in pairs[1]["Pasangan calon"].tolist()
    at.button(key="agenda_next").click().run()
    assert at.session_state["_view"].focus is None
    at.button(key="agenda_prev").click().run()
    assert at.session_state["_view"].focus == "51.08"
    at.button(key="agenda_stop").click().run()
    assert not at.exception

    at.switch_page("pages/agenda.py").run()
    pdf = made_on_click[f"sinergi-briefing-{agenda_id}.pdf"]()
    text = " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Kekuatan Buleleng" in text
    assert "Nyoman Sutjidra" in text
    assert "I Wayan Adi Arnawa" not in text  # Badung's race is not Buleleng's view
