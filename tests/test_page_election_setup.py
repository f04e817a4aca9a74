"""Setting up Pemilu 2029 through the Data page (AppTest of app.py), then the app opening on it."""

import datetime as dt
import io

import openpyxl
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

import lib.core.clock
from lib import store
from lib.access import Caller
from lib.core.settings import load_settings
from tests.conftest import ROOT, as_account

ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
TODAY = dt.date(2028, 12, 20)
"""The day the tests run on (Bali): Pemilu 2029 is 56 days away, its campaign under way."""
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def _fresh_store_in_december_2028(fresh_store, monkeypatch):
    """An empty store, and a clock that reads 20 December 2028, 10:00 WITA (lib.core.clock overridden)."""
    moment = dt.datetime.combine(TODAY, dt.time(10, 0), tzinfo=lib.core.clock.LOCAL_TZ).astimezone(dt.UTC)
    monkeypatch.setattr(lib.core.clock, "now", lambda: moment)
    return fresh_store


def open_app(page: str, caller: Caller | None = None, lang: str = "id") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"lang": lang})
    if caller is not None:
        at.session_state["_caller"] = as_account(caller)
    at.run()
    at.switch_page(page)
    return at.run()


def page_store() -> sa.Engine:
    return store.make_engine(load_settings().store_url)


def schedule_xlsx() -> bytes:
    """Return a PKPU-style schedule as Excel writes it: a title row, Indonesian date text and date cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Lampiran PKPU"
    sheet.append(["JADWAL TAHAPAN PEMILIHAN UMUM TAHUN 2029"])
    sheet.append(["No", "Tahapan", "Jadwal", "Mulai", "Selesai"])
    sheet.append([1, "Pendaftaran peserta pemilu", "1 Agu 2027 s.d. 14 Agu 2027", None, None])
    sheet.append([2, "Penetapan daftar pemilih tetap", "20 \u2013 21 Juni 2028", None, None])
    sheet.append([3, "Masa kampanye", None, "28 November 2028", dt.datetime(2029, 2, 10)])
    sheet.append([4, "Masa tenang", None, dt.date(2029, 2, 11), "13/02/2029"])
    sheet.append([5, "Pemungutan suara", "Rabu, 14 Februari 2029", None, None])
    sheet.append([6, "Rekapitulasi hasil", "15 Feb 2029 s.d. 20 Mar 2029", None, None])
    for row in sheet.iter_rows(min_row=5, max_row=6, min_col=4, max_col=5):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


CONTESTS_CSV = b"Kontestasi;Jabatan;Kabupaten/Kota;Sumber\nPilpres 2029;Presiden;Bali;KPU (uji)\n"
PAIRS_CSV = (
    b"Kontestasi,No. urut,Calon,Calon wakil,Petahana,Jalur pencalonan\n"
    b"Pilpres 2029,1,Calon Satu,Wakil Satu,bukan petahana,partai\n"
    b"Pilpres 2029,2,Calon Dua,Wakil Dua,tidak,partai\n"
)
COALITIONS_CSV = b"Kontestasi,No. urut,Partai\nPilpres 2029,1,PDIP\nPilpres 2029,2,Partai Golkar\n"
FIGURES_CSV = b"Kabupaten/Kota,DPT,TPS\nGianyar,400000,900\n"


def fill_election(at: AppTest) -> AppTest:
    at.text_input(key="es_name_id").input("Pemilu 2029")
    at.text_input(key="es_name_en").input("2029 general election")
    at.selectbox(key="es_level").set_value("pemilu")
    at.date_input(key="es_voting_day").set_value(dt.date(2029, 2, 14))
    at.text_input(key="es_source").input("PKPU tahapan Pemilu 2029 (uji)")
    return at.run()


def upload(at: AppTest, kind: str, name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    at.file_uploader(key=f"es_upload_{kind}").set_value((name, data, mime))
    at = at.run()
    assert not at.exception, at.exception
    return at


def stored_ids(table: sa.Table) -> list[str]:
    with page_store().connect() as conn:
        return [
            str(r[0])
            for r in conn.execute(sa.select(table.c.election_id if "election_id" in table.c else table.c.id))
        ]


def test_pemilu_2029_set_up_on_the_data_page_becomes_the_election_the_app_opens_on():
    before = open_app("pages/ringkasan.py")
    assert before.title[0].value == "Pilkada Serentak 2024 (Bali)"
    notice = [i.value for i in before.info if "Data \u2192 Pemilihan" in i.value]
    assert len(notice) == 1
    assert "Pilkada Serentak 2024 (Bali), pemungutan suara 27/11/2024" in notice[0]

    at = open_app("pages/data.py", ANALYST)
    assert not at.exception, at.exception
    at = fill_election(at)
    at = upload(at, "stages", "jadwal-pemilu-2029.xlsx", schedule_xlsx(), XLSX)
    assert "6 baris siap disimpan, 0 baris ditolak" in " ".join(i.value for i in at.info)
    at = upload(at, "contests", "kontestasi.csv", CONTESTS_CSV)
    at = upload(at, "pairs", "paslon.csv", PAIRS_CSV)
    at = upload(at, "coalitions", "koalisi.csv", COALITIONS_CSV)
    at = upload(at, "figures", "dpt.csv", FIGURES_CSV)
    assert "pemilu-2029" not in stored_ids(store.elections)  # nothing stored before the confirmation
    assert "pemilu-2029" not in stored_ids(store.election_stages)

    at.button(key="data_confirm_election").click().run()
    assert not at.exception, at.exception
    saved = [s.value for s in at.success]
    assert len(saved) == 1
    assert saved[0].startswith("Pemilu 2029 ditambahkan. Tahapan: 6 baru"), saved
    assert "Pasangan calon: 2 baru" in saved[0]
    assert "Partai pengusung: 2 baru" in saved[0]
    engine = page_store()
    stages = store.read_table(engine, store.election_stages)
    mine = stages[stages["election_id"] == "pemilu-2029"].set_index("stage")
    assert mine.loc["masa_kampanye", "start"] == dt.date(2028, 11, 28)
    assert mine.loc["masa_kampanye", "end"] == dt.date(2029, 2, 10)
    assert mine.loc["masa_tenang", "start"] == dt.date(2029, 2, 11)
    assert mine.loc["penetapan_daftar_pemilih_tetap", "start"] == dt.date(2028, 6, 20)
    forces = store.read_forces(engine, ceiling="TERBUKA")
    backing = forces.coalitions[forces.coalitions["pair_id"].str.startswith("pemilu-2029-")]
    assert sorted(zip(backing["pair_id"], backing["party"], strict=True)) == [
        ("pemilu-2029-pilpres-2029-01", "PDI-P"),
        ("pemilu-2029-pilpres-2029-02", "Golkar"),
    ]
    with engine.connect() as conn:
        audit = conn.execute(sa.select(store.audit).where(store.audit.c.action == "election.setup")).all()
    assert [(a.who, a.target) for a in audit] == [("ana", "pemilu-2029")]

    after = open_app("pages/ringkasan.py")
    assert not after.exception, after.exception
    assert after.title[0].value == "Pemilu 2029"
    metrics = {m.label: m.value for m in after.metric}
    assert metrics["Pemungutan suara 14/02/2029"] == "H-56"
    assert metrics["Tahapan berjalan (per 20/12/2028)"] == "Masa kampanye"
    assert not [i.value for i in after.info if "Data \u2192 Pemilihan" in i.value]
    for other in (
        "pages/peta.py",
        "pages/kekuatan_politik.py",
        "pages/skenario.py",
        "pages/riwayat_konflik.py",
    ):
        opened = open_app(other)
        assert not opened.exception, (other, opened.exception)
        assert opened.session_state["_view"].election == "pemilu-2029"
    english = open_app("pages/ringkasan.py", lang="en")
    assert english.title[0].value == "2029 general election"
    assert {m.label: m.value for m in english.metric}["Voting day 14/02/2029"] == "D-56"


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_stored_until_confirmed():
    at = open_app("pages/data.py", ANALYST, lang="en")
    at = fill_election(at)
    bad = b"Stage,Schedule\nCampaign,1 Jan 2029 s.d. 3 Feb 2029\nQuiet days,31/02/2029\nVoting,14/02/2029\n"
    at = upload(at, "stages", "schedule.csv", bad)
    problems = [d.value for d in at.dataframe if "Problem" in d.value.columns]
    assert len(problems) == 1
    assert list(problems[0]["Row"]) == [3]
    assert list(problems[0]["Column"]) == ["Schedule"]
    assert "28 days" in problems[0]["Problem"].iloc[0]
    contests = (
        "Contest,Office,Regency/City\nPilbup Gianyar 2029,Regent,Gianyr\nPilbup Badung 2029,Regent,Badung\n"
    )
    at = upload(at, "contests", "contests.csv", contests.encode())
    problems = [d.value for d in at.dataframe if "Problem" in d.value.columns]
    assert (list(problems[-1]["Row"]), list(problems[-1]["Column"])) == ([2], ["Regency/City"])
    assert "Gianyar" in problems[-1]["Problem"].iloc[0]
    at = upload(at, "pairs", "pairs.csv", b"Contest,Candidate\nPilbup Badung 2029,A\n")
    assert any("lacks required columns: Running mate" in e.value.replace("\\", "") for e in at.error)
    assert "pemilu-2029" not in stored_ids(store.elections)

    at.button(key="data_confirm_election").click().run()
    saved = [s.value for s in at.success]
    assert len(saved) == 1
    assert "Stages: 2 added" in saved[0]
    assert "Contests: 1 added" in saved[0]
    stages = store.read_table(page_store(), store.election_stages)
    assert sorted(stages[stages["election_id"] == "pemilu-2029"]["stage"]) == ["campaign", "voting"]

    # The form stays on the saved election: figures added later update it, its id kept.
    assert at.selectbox(key="es_target").value == "pemilu-2029"
    assert at.text_input(key="es_id").disabled
    at = upload(at, "figures", "dpt.csv", b"Regency/City,DPT,TPS\nBadung,,1481\n")
    at.button(key="data_confirm_election").click().run()
    saved = [s.value for s in at.success]
    assert saved[0].startswith("Pemilu 2029 updated.")
    assert "DPT/TPS: 1 added" in saved[0]
    figures = store.read_table(page_store(), store.election_figures)
    assert list(figures[figures["election_id"] == "pemilu-2029"]["n_tps"]) == [1481]


def test_the_public_sees_the_form_but_cannot_save():
    at = open_app("pages/data.py", lang="en")
    at = fill_election(at)
    assert at.button(key="data_confirm_election").disabled
