"""The Posko page through app.py: sign in, log a report, verify it, alerts, locking, bad input."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from lib import access, intake, posko, store
from lib.core.i18n import t
from lib.core.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "sandi-rahasia-posko-1"
SECRET = "x7Qp-2mZ_kT9vR4sW8yB1nC6dF3gH5jL0aE"
"""A signing key long and varied enough for lib.access.secret_is_strong."""
USERS = {
    "op1": ("Operator Satu (Kesbangpol)", "posko"),
    "ana": ("Ana (Kesbangpol)", "analyst"),
    "budi": ("Budi (Polda)", "analyst"),
}


@pytest.fixture(autouse=True)
def _fresh(fresh_store):
    return fresh_store


@pytest.fixture
def engine():
    settings = load_settings()
    made = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    for username, (name, role) in USERS.items():
        store.create_user(
            made, username=username, display_name=name, role=role, password=PASSWORD, actor=access.SYSTEM
        )
    yield made
    made.dispose()


def open_page(page: str, query: dict | None = None, user: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if query:
        at.query_params.update(query)
    at.run()
    at.switch_page(page)
    at.run()
    if user:
        sign_in(at, user)
    return at


def attachment_box(at: AppTest):
    """Return the report form's attachment uploader, by its key (the WhatsApp-export box comes first)."""
    (box,) = [u for u in at.file_uploader if (u.key or "").startswith("posko_attachment_")]
    return box


def sign_in(at: AppTest, username: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="login_username").set_value(username)
    at.text_input(key="login_password").set_value(password)
    submit_of(at, "login_form").click()
    at.run()
    assert at.session_state["_caller"].user_id == username
    return at


def submit_of(at: AppTest, form: str):
    return next(b for b in at.get("form_submit_button") if b.form_id == form)


def texts(at: AppTest) -> list[str]:
    kinds = ("title", "subheader", "markdown", "caption", "info", "warning", "error", "success", "text")
    return [str(e.value) for kind in kinds for e in at.get(kind)]


def fill_report(at: AppTest, **values) -> AppTest:
    """Fill the intake form the way an operator does (regency, category, grading, title...)."""
    chosen = {
        "reporter": "polres-buleleng",
        "region": "51.08",
        "category": "clash",
        "severity": 4,
        "classification": "TERBUKA",
        "title": "Bentrokan pendukung di Seririt",
        "description": "Dua kelompok pendukung saling dorong di depan TPS 05.",
        "reliability": "B",
        "credibility": 2,
    }
    chosen.update(values)
    for name, value in chosen.items():
        if name == "severity":
            at.radio(key="posko_severity").set_value(value)
        elif name == "title":
            at.text_input(key="posko_title").set_value(value)
        elif name == "description":
            at.text_area(key="posko_description").set_value(value)
        elif name in ("lat", "lon"):
            at.text_input(key=f"posko_{name}").set_value(value)
        elif name in ("date", "time"):
            getattr(at, f"{name}_input")(key=f"posko_{name}").set_value(value)
        else:
            at.selectbox(key=f"posko_{name}").set_value(value)
    return at


def save(at: AppTest) -> AppTest:
    submit_of(at, "posko_form").click()
    at.run()
    assert not at.exception, at.exception
    return at


def restart() -> None:
    """Forget every cache, as a new server process would."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


def stored_reports(engine) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(store.reports)).mappings()]


def frame_with(at: AppTest, column: str):
    """Return the first table on the page with ``column`` (AppTest keeps no key for plain tables)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def cell_texts(at: AppTest, column: str | None = None) -> list[str]:
    """Return every cell of every table on the page (or of the table with ``column``) as text."""
    frames = [frame_with(at, column)] if column else [d.value for d in at.dataframe]
    return [str(v) for f in frames for v in f.astype("string").fillna("").to_numpy().ravel()]


# ---------------------------------------------------------------- who sees what


@pytest.mark.parametrize("query", [{}, {"lang": "en"}], ids=["id", "en"])
def test_the_public_sees_no_report_list_only_where_verified_reports_go(engine, query):
    at = open_page("pages/posko.py", query)
    assert not at.exception
    assert not at.dataframe
    assert not at.get("form")[1:], "only the sidebar sign-in form"
    place = "Map" if query.get("lang") == "en" else "Peta"
    assert any(place in text for text in (i.value for i in at.info))


def history_rows(query: dict) -> int:
    """Return how many events the history table lists for this view (public, no sign-in)."""
    at = open_page("pages/riwayat_konflik.py", query)
    return len(frame_with(at, t("col.source")))


def test_an_operator_logs_a_report_that_survives_a_restart_and_once_verified_is_on_map_and_history(engine):
    buleleng_before = history_rows({"r": "51.08"})

    at = open_page("pages/posko.py", user="op1")
    save(fill_report(at))
    assert any("Laporan #1 tersimpan" in s.value for s in at.success)
    assert "Bentrokan pendukung di Seririt" in cell_texts(at)
    assert [r["created_by"] for r in stored_reports(engine)] == ["op1"]
    assert history_rows({"r": "51.08"}) == buleleng_before  # not verified yet: not an event

    restart()
    at = open_page("pages/posko.py", user="ana")
    assert "Bentrokan pendukung di Seririt" in cell_texts(at)
    at.selectbox(key="posko_open").set_value(1).run()
    at.button(key="posko_to_diverifikasi").click().run()
    assert any("disimpan (versi 2)" in s.value for s in at.success)
    timeline = frame_with(at, "Menjadi")
    assert list(timeline["Menjadi"]) == ["Baru", "Diverifikasi"]
    assert list(timeline["Oleh"]) == ["op1", "ana"]

    peta = open_page("pages/peta.py", {"r": "51.08"})
    assert not peta.exception
    assert any("Bentrokan pendukung di Seririt" in text for text in cell_texts(peta))
    assert history_rows({"r": "51.08"}) == buleleng_before + 1
    history = open_page("pages/riwayat_konflik.py")
    assert any("Bentrokan pendukung di Seririt" in text for text in cell_texts(history))


def test_a_severe_report_raises_the_alert_for_analysts_on_every_page_until_acknowledged(engine):
    at = open_page("pages/posko.py", user="op1")
    save(fill_report(at, severity=4, classification="TERBATAS"))

    analyst = open_page("pages/riwayat_konflik.py", user="ana")
    assert any("1 laporan Posko berat" in w.value for w in analyst.warning)
    public = open_page("pages/riwayat_konflik.py")
    assert not any("laporan Posko berat" in w.value for w in public.warning)

    analyst.switch_page("pages/posko.py").run()
    analyst.selectbox(key="posko_open").set_value(1).run()
    analyst.button(key="posko_ack").click().run()
    assert any("dikonfirmasi" in s.value for s in analyst.success)
    analyst.switch_page("pages/peta.py").run()
    assert not any("laporan Posko berat" in w.value for w in analyst.warning)
    assert stored_reports(engine)[0]["alert_ack_by"] == "ana"


def test_a_mild_report_raises_no_alert(engine):
    at = open_page("pages/posko.py", user="op1")
    save(fill_report(at, severity=3))
    assert not any("laporan Posko berat" in w.value for w in at.warning)


def test_the_second_of_two_sessions_editing_a_report_is_refused_and_sees_the_latest(engine):
    at = open_page("pages/posko.py", user="op1")
    save(fill_report(at, classification="TERBATAS"))
    first = open_page("pages/posko.py", user="ana")
    second = open_page("pages/posko.py", user="budi")
    for session in (first, second):
        session.selectbox(key="posko_open").set_value(1).run()

    first.button(key="posko_to_diverifikasi").click().run()
    second.text_input(key="posko_reason_1").set_value("Tidak dapat dikonfirmasi")
    second.button(key="posko_reject").click().run()

    assert not second.exception
    refusal = " ".join(e.value for e in second.error)
    assert "sudah diubah oleh ana" in refusal
    assert "versi 2" in refusal
    assert any("Status: Diverifikasi" in text.value for text in second.text)
    (report,) = stored_reports(engine)
    assert (report["status"], report["version"], report["reject_reason"]) == ("diverifikasi", 2, None)
    # having seen the latest version, the second analyst may now act on it
    second.text_input(key="posko_reason_1").set_value("Tidak dapat dikonfirmasi")
    second.button(key="posko_reject").click().run()
    assert stored_reports(engine)[0]["status"] == "ditolak"


def test_html_and_markdown_in_a_title_are_shown_as_typed_never_rendered(engine):
    title = "<script>alert('x')</script><b>Bentrok</b> **Seririt** [klik](javascript:alert(1))"
    at = open_page("pages/posko.py", user="op1")
    save(fill_report(at, title=title))
    at.selectbox(key="posko_open").set_value(1).run()
    assert title in [text.value for text in at.text]
    assert title in cell_texts(at)
    rendered = [
        m.value for kind in ("markdown", "caption", "success", "error", "warning") for m in at.get(kind)
    ]
    assert not any("<script>" in value or "](javascript" in value for value in rendered)


def test_when_the_store_is_unreachable_the_form_keeps_what_was_typed_and_saves_once_later(engine):
    at = open_page("pages/posko.py", user="op1")
    fill_report(at, title="Laporan saat jaringan putus")
    app_engine = at.session_state["_page"].ctx.engine

    def unreachable(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO REPORTS"):
            import sqlite3

            raise sqlite3.OperationalError("unable to open database file")

    sa.event.listen(app_engine, "before_cursor_execute", unreachable)
    try:
        save(at)
    finally:
        sa.event.remove(app_engine, "before_cursor_execute", unreachable)
    message = " ".join(e.value for e in at.error)
    assert "tidak dapat dihubungi" in message
    assert "BELUM disimpan" in message
    assert at.text_input(key="posko_title").value == "Laporan saat jaringan putus"
    assert at.selectbox(key="posko_region").value == "51.08"
    assert stored_reports(engine) == []

    save(at)  # the same form, pressed again once the store is back
    assert any("Laporan #1 tersimpan" in s.value for s in at.success)
    assert [r["title"] for r in stored_reports(engine)] == ["Laporan saat jaringan putus"]


def test_the_same_form_submitted_twice_is_stored_once(engine):
    import datetime as dt

    moment = {"date": dt.date(2024, 11, 27), "time": dt.time(9, 15)}
    at = open_page("pages/posko.py", user="op1")
    save(fill_report(at, **moment))
    save(fill_report(at, **moment))  # what a double click sends: the same values again
    assert len(stored_reports(engine)) == 1
    assert any("Laporan #1 tersimpan" in s.value for s in at.success)


def test_a_form_with_mistakes_names_each_field_and_keeps_the_rest(engine):
    at = open_page("pages/posko.py", user="op1")
    save(fill_report(at, title="  ", lat="-8.11", lon="abc"))
    message = " ".join(e.value for e in at.error)
    assert "Judul singkat wajib diisi" in message
    assert "lintang dan bujur harus berupa angka" in message
    assert at.selectbox(key="posko_reporter").value == "polres-buleleng"
    assert stored_reports(engine) == []


def test_an_attachment_is_stored_under_a_generated_name_whatever_its_name_says(engine):
    at = open_page("pages/posko.py", user="op1")
    fill_report(at)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    attachment_box(at).set_value(("..\\..\\foto kejadian.png", png, "image/png"))
    save(at)
    (report,) = stored_reports(engine)
    assert report["attachment_name"] == "foto_kejadian.png"
    stored = posko.attachment_path(load_settings().data_dir, report["attachment_path"])
    assert stored.read_bytes() == png


def test_a_posko_operator_cannot_verify_or_share(engine):
    at = open_page("pages/posko.py", user="op1")
    save(fill_report(at))
    at.selectbox(key="posko_open").set_value(1).run()
    keys = {b.key for b in at.button}
    assert "posko_to_diverifikasi" not in keys
    assert "posko_reject" not in keys
    assert "posko_ack" not in keys
    assert len(at.tabs) == 2
    links = at.switch_page("pages/tautan.py").run()
    assert not links.exception
    assert not any(b.form_id == "posko_share_form" for b in links.get("form_submit_button"))
    assert not links.dataframe
    assert any("analis" in i.value for i in links.info)


# ---------------------------------------------------------------- share links


def test_without_a_secret_key_no_link_is_made_and_the_page_says_how_to_set_one(engine):
    at = open_page("pages/tautan.py", user="ana")
    warning = " ".join(w.value for w in at.warning)
    assert "SINERGI" in warning
    assert "secrets.toml" in warning
    assert not any(b.form_id == "posko_share_form" for b in at.get("form_submit_button"))


def test_an_analyst_shares_the_current_view_and_can_revoke_the_link(engine, monkeypatch):
    monkeypatch.setenv("SINERGI_SECRET_KEY", SECRET)
    at = open_page("pages/tautan.py", {"r": "51.07"}, user="ana")
    at.text_input(key="share_label").set_value("KPU Bali, sampai 30 Nov")
    at.selectbox(key="share_page").set_value("peta")
    submit_of(at, "posko_share_form").click()
    at.run()
    assert not at.exception
    (url,) = [c.value for c in at.code]
    assert "/peta?" in url
    assert "r=51.07" in url
    assert "token=" in url
    listed = cell_texts(at, "Untuk")
    assert "KPU Bali, sampai 30 Nov" in listed
    assert "ana" in listed

    token = url.split("token=")[1]
    partner = open_page("pages/peta.py", {"r": "51.07", "token": token})
    caller = partner.session_state["_caller"]
    assert (caller.role, caller.ceiling) == ("partner", "TERBATAS")
    at.run()
    assert "1" in cell_texts(at, "Untuk")  # used once

    at.button(key="share_revoke").click().run()
    assert any("dicabut" in s.value for s in at.success)
    late = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    late.query_params.update({"r": "51.07", "token": token})
    late.run()
    assert late.session_state["_caller"].role == "public"
    assert any("dicabut" in w.value for w in late.warning)


def test_the_kecamatan_list_follows_the_regency_and_the_detail_names_the_place(engine):
    at = open_page("pages/posko.py", user="op1")
    at.selectbox(key="posko_region").set_value("51.08").run()
    offered = at.selectbox(key="posko_subregion").options
    assert len(offered) > 100  # Buleleng's 9 kecamatan and its desa/kelurahan, without boundary files
    assert all("Buleleng" in label for label in offered)  # nothing from Jembrana any more
    assert "Seririt (kecamatan, Buleleng)" in offered
    at.selectbox(key="posko_subregion").set_value("51.08.02")
    save(fill_report(at))
    at.selectbox(key="posko_open").set_value(1).run()
    facts = "\n".join(str(e.value) for e in at.text)
    assert "Seririt (Buleleng)" in facts
    assert "51.08.02" not in facts
    at.selectbox(key="posko_region").set_value("51.04").run()  # another regency forgets Seririt
    assert at.selectbox(key="posko_subregion").value is None
    assert all("Gianyar" in label for label in at.selectbox(key="posko_subregion").options)


@pytest.mark.parametrize(("lang", "shown"), [("id", True), ("en", False)])
def test_the_upload_boxs_english_words_are_explained_in_indonesian(engine, lang, shown):
    at = open_page("pages/posko.py", {"lang": lang}, user="op1")
    # the attachment box's hint (the WhatsApp-export box above it has its own, for TXT and ZIP)
    hints = [c.value for c in at.caption if "\u00abUpload\u00bb" in c.value and "PNG, JPG, PDF" in c.value]
    assert bool(hints) is shown
    if shown:
        assert "paling besar 5 MB per berkas" in hints[0]


def test_the_list_waits_while_the_form_tab_is_open_and_keeps_its_filter_and_pick(engine):
    at = open_page("pages/posko.py", {"lang": "en"}, user="op1")
    save(fill_report(at))
    at.multiselect(key="posko_filter_region").set_value(["51.08"])
    at.selectbox(key="posko_open").set_value(1).run()
    assert any("Bentrokan pendukung di Seririt" in text for text in cell_texts(at))
    at.session_state["posko_tabs"] = t("poskopage.tab.new", "en")  # what a click on the tab sends
    at.run()
    assert not at.exception, at.exception
    assert not at.dataframe  # the list and the report's history are neither built nor sent ...
    assert at.text_input(key="posko_title")  # ... while the form is there
    at.session_state["posko_tabs"] = t("poskopage.tab.list", "en")
    at.run()
    assert at.multiselect(key="posko_filter_region").value == ["51.08"]  # the reader's filter ...
    assert at.selectbox(key="posko_open").value == 1  # ... and the open report came back
    assert any("Bentrokan pendukung di Seririt" in text for text in cell_texts(at))
