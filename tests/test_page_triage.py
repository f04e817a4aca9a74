"""The message queue through the Posko page: upload, re-import, a report from two messages, dismiss."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image
from streamlit.testing.v1 import AppTest

from lib import access, intake, store
from lib.core.i18n import t
from lib.core.settings import load_settings
from tests.test_page_posko import PASSWORD, fill_report, save, sign_in, texts

ROOT = Path(__file__).resolve().parent.parent
NNBSP, LRM = "\u202f", "\u200e"

ANDROID_ID = (
    "27/11/24 14.00 - Pesan dan panggilan dienkripsi secara end-to-end. Tidak seorang pun di luar chat "
    "ini yang dapat membacanya.\n"
    "27/11/24 14.05 - Made: Ada kerumunan di TPS 03 Seririt, Kab. Bll\n"
    "sekitar 40 orang\n"
    "27/11/24 14.07 - Ketut: Massa mulai saling dorong, satu orang dipukul\n"
    "27/11/24 14.10 - Wayan keluar\n"
)
ANDROID_LATER = ANDROID_ID + "27/11/24 14.20 - Made: Sudah aman, massa bubar\n"
IOS_EN = (
    f"{LRM}[11/28/24, 9:00:05{NNBSP}AM] Posko Dps: {LRM}Messages and calls are end-to-end encrypted.\n"
    f"[11/28/24, 9:15:33{NNBSP}AM] Putu: Banner torn down near the KPU office in Dps\n"
    f"[11/28/24, 9:16:01{NNBSP}AM] Putu: {LRM}<attached: 00000012-PHOTO-2024-11-28-09-16-01.jpg>\n"
    f"[11/28/24, 1:40:00{NNBSP}PM] +62 812-3456-7890: Amplop dibagikan di Klk\n"
)


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def ios_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", IOS_EN)
        archive.writestr("00000012-PHOTO-2024-11-28-09-16-01.jpg", jpeg())
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def engine(fresh_store):
    settings = load_settings()
    made = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    store.create_user(
        made,
        username="op1",
        display_name="Operator Satu",
        role="posko",
        password=PASSWORD,
        actor=access.SYSTEM,
    )
    yield made
    made.dispose()


def posko_page(lang: str = "id") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"lang": lang})
    at.run()
    at.switch_page("pages/posko.py")
    at.run()
    sign_in(at, "op1")
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="triage_upload").set_value((name, data, "application/octet-stream")).run()
    at.button(key="triage_import").click().run()
    assert not at.exception, at.exception
    return at


def items(engine) -> list[dict]:
    with engine.connect() as conn:
        query = sa.select(store.intake_items).order_by(store.intake_items.c.id)
        return [dict(r) for r in conn.execute(query).mappings()]


def shown(at: AppTest) -> str:
    """Return every text on screen, markdown escapes removed (user text is escaped before it is shown)."""
    return "\n".join(texts(at)).replace("\\", "")


def test_an_android_export_is_queued_and_a_longer_one_adds_only_the_new_message(engine):
    at = upload(posko_page(), "WhatsApp Chat dengan Posko Buleleng.txt", ANDROID_ID.encode())
    assert "2 baru, 0 sudah ada" in shown(at)
    assert [(i["sender"], i["text"], i["status"], i["classification"]) for i in items(engine)] == [
        ("Made", "Ada kerumunan di TPS 03 Seririt, Kab. Bll\nsekitar 40 orang", "new", "TERBATAS"),
        ("Ketut", "Massa mulai saling dorong, satu orang dipukul", "new", "TERBATAS"),
    ]
    assert "Pesan belum ditangani: 2" in shown(at)
    assert len(at.dataframe(key="triage_table").value) == 2
    upload(at, "WhatsApp Chat dengan Posko Buleleng.txt", ANDROID_LATER.encode())
    assert "1 baru, 2 sudah ada" in shown(at)
    assert [i["text"] for i in items(engine)][-1] == "Sudah aman, massa bubar"
    upload(at, "WhatsApp Chat dengan Posko Buleleng.txt", ANDROID_LATER.encode())
    assert "0 baru, 3 sudah ada" in shown(at)
    assert len(items(engine)) == 3


def test_an_iphone_zip_in_english_keeps_its_photo_checked_like_every_posko_attachment(engine):
    at = upload(posko_page("en"), "WhatsApp Chat - Posko Dps.zip", ios_zip())
    assert "3 new, 0 already there" in shown(at)
    queued = items(engine)
    assert [i["sender"] for i in queued] == ["Putu", "Putu", "+62 812-3456-7890"]
    photo = store.read_items(engine, actor=access.Caller("posko", "TERBATAS", "op1"), ids=[queued[1]["id"]])
    (file,) = photo["attachments"][0]
    assert file["name"] == "00000012-PHOTO-2024-11-28-09-16-01.jpg"
    assert file["type"] == "image/jpeg"
    assert (load_settings().data_dir / "attachments" / file["stored"]).read_bytes() == jpeg()


def test_two_messages_become_one_report_whose_history_and_detail_name_them(engine):
    at = upload(posko_page(), "chat.txt", ANDROID_ID.encode())
    first, second = (i["id"] for i in items(engine))
    at.multiselect(key="triage_pick").set_value([first, second]).run()
    said = shown(at)
    assert "Kabupaten/kota: Buleleng (dari \u00abBll\u00bb)" in said
    assert "Kecamatan: Seririt (Buleleng) (dari \u00abSeririt\u00bb)" in said
    assert "Kategori: Bentrokan" in said or "Kategori: Kekerasan" in said
    assert at.selectbox(key="posko_region").value is None  # a suggestion is never applied by itself
    at.button(key="triage_use_51.08.02").click().run()
    assert at.selectbox(key="posko_region").value == "51.08"
    assert at.selectbox(key="posko_subregion").value == "51.08.02"
    at.button(key="triage_make").click().run()
    assert not at.exception, at.exception
    assert at.text_area(key="posko_description").value.startswith("[27/11/2024 14:05] Made: Ada kerumunan")
    assert at.text_input(key="posko_title").value == "Ada kerumunan di TPS 03 Seririt, Kab. Bll"
    assert at.date_input(key="posko_date").value.isoformat() == "2024-11-27"
    prefilled = at.text_area(key="posko_description").value
    fill_report(
        at, classification="TERBATAS", region="51.08", title="Kerumunan di TPS 03", description=prefilled
    )
    save(at)
    with engine.connect() as conn:
        (report,) = conn.execute(sa.select(store.reports)).mappings().all()
    assert "Made: Ada kerumunan" in report["description"]
    assert [(i["status"], i["report_id"]) for i in items(engine)] == [("reported", report["id"])] * 2
    assert f"Laporan #{report['id']} dibuat dari 2 pesan" in shown(at)
    assert "Pesan belum ditangani: 0" in shown(at)
    at.session_state["posko_tabs"] = t("poskopage.tab.list", "id")  # the form's tab was open: click the list
    at.run()
    at.selectbox(key="posko_open").set_value(report["id"]).run()
    assert not at.exception, at.exception
    history = next(d.value for d in at.dataframe if "Menjadi" in d.value.columns)
    assert history.isin(["Pesan asal"]).any().any()
    assert history.apply(lambda c: c.astype(str).str.contains(f"#{first} Made 27/11/2024 14:05")).any().any()
    assert "Pesan asal (2)" in shown(at)
    assert any("Massa mulai saling dorong" in t.value for t in at.text)


def test_pasted_text_without_headers_is_one_item_and_a_dismissal_needs_a_reason(engine):
    at = posko_page()
    at.text_area(key="triage_paste").set_value("Info dari banjar: ada pertemuan tertutup malam ini").run()
    at.button(key="triage_paste_add").click().run()
    assert "1 baru, 0 sudah ada" in shown(at)
    (item,) = items(engine)
    assert (item["sender"], item["time"], item["source"]) == ("", None, "teks ditempel")
    at.multiselect(key="triage_pick").set_value([item["id"]]).run()
    at.button(key="triage_dismiss").click().run()
    assert "Alasan mengabaikan masih kosong." in shown(at)
    assert items(engine)[0]["status"] == "new"
    at.text_input(key="triage_reason").set_value("bukan kejadian, hanya kabar").run()
    at.button(key="triage_dismiss").click().run()
    assert "1 pesan diabaikan: bukan kejadian, hanya kabar" in shown(at)
    assert [(i["status"], i["dismiss_reason"]) for i in items(engine)] == [
        ("dismissed", "bukan kejadian, hanya kabar")
    ]


def test_pasted_forwarded_messages_with_headers_become_one_item_each(engine):
    at = posko_page()
    at.text_area(key="triage_paste").set_value(ANDROID_ID).run()
    at.button(key="triage_paste_add").click().run()
    assert "2 baru, 0 sudah ada" in shown(at)
    assert [i["sender"] for i in items(engine)] == ["Made", "Ketut"]


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


MIXED = "27/11/24 14.05 - Made: halo\n[27/11/24 14.06.00] Ketut: halo juga\n27/11/24 14.07 - Made: ok\n"


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("kosong.txt", b"", "Berkas kosong.txt kosong."),
        ("rekap.txt", b"Nama,Jumlah\nMade,3\n", "bukan ekspor chat WhatsApp"),
        ("foto.txt", b"\x89PNG\r\n\x1a\n" + b"0" * 40, "isinya gambar PNG"),
        ("tanpa-chat.zip", zip_of({"foto.jpg": jpeg()}), "tidak berisi berkas chat (.txt)"),
        ("bom.zip", zip_of({"_chat.txt": b"0" * 3_000_000}), "jauh lebih besar daripada arsipnya sendiri"),
        ("campur.txt", MIXED.encode(), "mencampur format ekspor yang berbeda"),
    ],
    ids=["empty", "not a chat", "an image", "zip without _chat.txt", "zip bomb", "mixed formats"],
)
def test_bad_files_get_a_sentence_and_the_queue_stays(engine, name, data, said):
    at = upload(posko_page(), "chat.txt", ANDROID_ID.encode())
    upload(at, name, data)
    assert any(said in e.value.replace("\\", "") for e in at.error), [e.value for e in at.error]
    assert "Pesan yang sudah ada di antrean tetap seperti semula." in shown(at)
    assert len(items(engine)) == 2


def test_dates_that_read_both_ways_are_asked_for_and_then_read_as_chosen(engine):
    both = "01/02/24 10.00 - Made: rapat pertama\n03/04/24 10.00 - Made: rapat kedua\n"
    at = upload(posko_page(), "chat.txt", both.encode())
    assert items(engine) == []
    assert "bisa dibaca hari/bulan maupun bulan/hari" in shown(at)
    at.radio(key="triage_order").set_value("mdy").run()
    at.button(key="triage_import").click().run()
    assert "2 baru, 0 sudah ada" in shown(at)
    assert [(i["time"].month, i["time"].day) for i in items(engine)] == [(1, 2), (3, 4)]


def test_pasted_messages_whose_dates_read_both_ways_are_asked_for_too(engine):
    both = "01/02/24 10.00 - Made: rapat pertama\n03/04/24 10.00 - Made: rapat kedua\n"
    at = posko_page()
    at.text_area(key="triage_paste").set_value(both).run()
    at.button(key="triage_paste_add").click().run()
    assert items(engine) == []
    assert "bisa dibaca hari/bulan maupun bulan/hari" in shown(at)
    at.radio(key="triage_paste_order").set_value("mdy").run()
    at.button(key="triage_paste_add").click().run()
    assert "2 baru, 0 sudah ada" in shown(at)
    assert [(i["time"].month, i["time"].day) for i in items(engine)] == [(1, 2), (3, 4)]


def test_a_partner_or_the_public_sees_no_queue_on_the_posko_page(engine):
    with engine.begin() as conn:
        conn.execute(
            store.intake_items.insert().values(
                key="k" * 32,
                time=None,
                at=sa.func.now(),
                sender="Made",
                text="Rahasia antrean Qx9",
                attachments="[]",
                source="chat.txt",
                classification="TERBATAS",
                status="new",
                imported_by="op1",
                imported_at=sa.func.now(),
            )
        )
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    at.switch_page("pages/posko.py").run()
    assert not at.exception
    assert "Qx9" not in shown(at)
    assert not [u for u in at.get("file_uploader")]
