"""The message queue: store on SQLite and PostgreSQL, re-imports, dismissals, links, suggestions, ages."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pandas as pd
import pytest
import sqlalchemy as sa
from PIL import Image

from lib import intake, posko, store
from lib.access import PUBLIC, Caller
from lib.core.clock import LOCAL_TZ
from lib.core.problems import DataProblem
from lib.core.wilayah import bundled_wilayah
from tests.conftest import DATA_DIR, postgres_engine

OPERATOR = Caller("posko", "TERBATAS", "op1", "Operator 1")
ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
PARTNER = Caller("partner", "TERBATAS", "link-1", "KPU Bali")

CHAT = (
    "27/11/24 14.00 - Pesan dan panggilan dienkripsi secara end-to-end. Ketuk untuk info selengkapnya.\n"
    "27/11/24 14.05 - Made: Ada kerumunan di TPS 03 Seririt\n"
    "sekitar 40 orang\n"
    "27/11/24 14.07 - Ketut: IMG-20241127-WA0001.jpg (file terlampir)\n"
    "foto dari lokasi\n"
    "27/11/24 14.08 - Ketut: rekaman.opus (file terlampir)\n"
    "27/11/24 14.09 - Made: ok\n"
    "27/11/24 14.09 - Made: ok\n"
)
LATER = CHAT + "27/11/24 14.30 - Made: Sudah aman, massa bubar\n27/11/24 14.31 - Made: ok\n"


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def export_zip(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("WhatsApp Chat dengan Posko Buleleng.txt", text)
        archive.writestr("IMG-20241127-WA0001.jpg", jpeg())
        archive.writestr("rekaman.opus", b"OggS" + b"\0" * 60)
    return buffer.getvalue()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}") if request.param == "sqlite" else None
    if made is None:
        made = postgres_engine()
    store.migrate(made)
    with made.begin() as conn:
        store.bump_revision(conn)
    yield made
    made.dispose()


def imported(engine, tmp_path, text: str = CHAT, *, actor: Caller = OPERATOR, level: str = "TERBATAS"):
    chat = posko.read_chat_export(export_zip(text), "WhatsApp Chat dengan Posko Buleleng.zip")
    return posko.import_chat(
        engine, chat, source="posko.zip", classification=level, actor=actor, data_dir=tmp_path
    )


def test_an_import_stores_each_message_once_with_its_checked_files(engine, tmp_path):
    before = store.revision(engine)
    result = imported(engine, tmp_path)
    assert (result.new, result.known, result.summary()) == (5, 0, "5 baru, 0 sudah ada")
    assert store.revision(engine) > before
    items = store.read_items(engine, actor=OPERATOR).sort_values("id")
    assert list(items["sender"]) == ["Made", "Ketut", "Ketut", "Made", "Made"]
    assert list(items["text"]) == [
        "Ada kerumunan di TPS 03 Seririt\nsekitar 40 orang",
        "foto dari lokasi",
        "",
        "ok",
        "ok",
    ]
    assert items["time"].iloc[0] == pd.Timestamp(dt.datetime(2024, 11, 27, 14, 5, tzinfo=LOCAL_TZ))
    assert set(items["status"]) == {"new"}
    assert set(items["classification"]) == {"TERBATAS"}
    photo, voice = items["attachments"].iloc[1][0], items["attachments"].iloc[2][0]
    assert (photo["name"], photo["type"]) == ("IMG-20241127-WA0001.jpg", "image/jpeg")
    assert posko.attachment_path(tmp_path, photo["stored"]).read_bytes() == jpeg()
    assert voice == {
        "name": "rekaman.opus",
        "stored": None,
        "note": "Berkas \u201crekaman.opus\u201d bukan gambar PNG/JPEG atau PDF.",
    }
    assert any("1 lampiran tidak disimpan" in note for note in result.notes)
    assert any("pemberitahuan WhatsApp" in note for note in result.notes)


def test_a_later_export_of_the_same_chat_adds_only_its_new_messages(engine, tmp_path):
    imported(engine, tmp_path)
    again = imported(engine, tmp_path)
    assert (again.new, again.known, again.summary()) == (0, 5, "0 baru, 5 sudah ada")
    later = imported(engine, tmp_path, LATER)
    assert (later.new, later.known) == (2, 5)
    texts = list(store.read_items(engine, actor=OPERATOR).sort_values("id")["text"])
    assert texts[-2:] == ["Sudah aman, massa bubar", "ok"]
    assert len(list((tmp_path / "attachments").iterdir())) == 1  # the photo is stored once, not per import


def test_an_iphone_export_of_the_same_messages_is_recognised_as_known(engine, tmp_path):
    imported(engine, tmp_path)
    ios = "[27/11/24 14.05.33] Made: Ada kerumunan di TPS 03 Seririt\nsekitar 40 orang\n"
    chat = posko.read_chat_export(ios.encode(), "_chat.txt")
    result = posko.import_chat(
        engine, chat, source="_chat.txt", classification="TERBATAS", actor=OPERATOR, data_dir=tmp_path
    )
    assert (result.new, result.known) == (0, 1)


def test_reads_refuse_partners_and_the_public_and_keep_to_the_ceiling(engine, tmp_path):
    imported(engine, tmp_path, actor=ANALYST, level="RAHASIA")
    assert len(store.read_items(engine, actor=ANALYST)) == 5
    assert store.read_items(engine, actor=OPERATOR).empty
    assert store.count_untriaged(engine, actor=OPERATOR, since=[]) == (0, [])
    for outsider in (PARTNER, PUBLIC):
        with pytest.raises(DataProblem, match="tidak"):
            store.read_items(engine, actor=outsider)
        with pytest.raises(DataProblem):
            store.count_untriaged(engine, actor=outsider, since=[])
        with pytest.raises(DataProblem):
            imported(engine, tmp_path, actor=outsider)


def test_an_import_above_the_ceiling_or_open_to_all_is_a_bug(engine, tmp_path):
    with pytest.raises(ValueError, match="classification"):
        imported(engine, tmp_path, level="RAHASIA")
    with pytest.raises(ValueError, match="classification"):
        imported(engine, tmp_path, actor=ANALYST, level="TERBUKA")


def test_dismissing_needs_a_reason_and_happens_once(engine, tmp_path):
    ids = list(imported(engine, tmp_path).ids)
    with pytest.raises(DataProblem, match="masih kosong"):
        store.dismiss_items(engine, ids[:1], reason="  ", actor=OPERATOR)
    with pytest.raises(DataProblem, match="terlalu panjang"):
        store.dismiss_items(engine, ids[:1], reason="x" * 501, actor=OPERATOR)
    assert store.dismiss_items(engine, ids[3:], reason="salam, bukan laporan", actor=OPERATOR) == 2
    with pytest.raises(DataProblem, match="sudah ditangani"):
        store.dismiss_items(engine, ids[3:], reason="lagi", actor=OPERATOR)
    items = store.read_items(engine, actor=OPERATOR, ids=ids[3:])
    assert set(items["status"]) == {"dismissed"}
    assert set(items["dismiss_reason"]) == {"salam, bukan laporan"}
    assert store.count_untriaged(engine, actor=OPERATOR, since=[])[0] == 3
    audit = store.read_audit(engine, actor=Caller("admin", "RAHASIA", "root"))
    assert {"intake.import", "intake.dismiss"} <= set(audit["action"])


def _report(engine, prefill: posko.Prefill) -> int:
    bundle = intake.load_bundle(DATA_DIR)
    check = posko.validate_report(
        {
            "received_at": prefill.received_at,
            "reporter_id": "polres-buleleng",
            "region": "51.08",
            "category": "clash",
            "severity": 3,
            "classification": prefill.classification,
            "title": prefill.title,
            "description": prefill.description,
            "reliability": "B",
            "credibility": "2",
        },
        index=intake.region_index(bundle.regions),
        stakeholder_ids=frozenset(bundle.stakeholders["id"]),
        ceiling=OPERATOR.ceiling,
    )
    assert check.ok, check.problems
    return posko.save_report(engine, dict(check.clean), actor=OPERATOR, client_token="dari-pesan-1")


def test_items_made_a_report_link_both_ways_and_name_themselves_in_its_history(engine, tmp_path):
    ids = list(imported(engine, tmp_path).ids)[:2]
    chosen = store.read_items(engine, actor=OPERATOR, ids=ids).to_dict("records")
    prefill = posko.report_prefill(chosen)
    assert prefill.received_at == dt.datetime(2024, 11, 27, 14, 5)
    assert prefill.title == "Ada kerumunan di TPS 03 Seririt"
    assert prefill.description == (
        "[27/11/2024 14:05] Made: Ada kerumunan di TPS 03 Seririt\nsekitar 40 orang\n\n"
        "[27/11/2024 14:07] Ketut (lampiran: IMG-20241127-WA0001.jpg): foto dari lokasi"
    )
    report_id = _report(engine, prefill)
    assert posko.report_for_token(engine, "dari-pesan-1", actor=OPERATOR) == report_id
    assert posko.link_report(engine, report_id, ids, actor=OPERATOR) == 2
    assert posko.link_report(engine, report_id, ids, actor=OPERATOR) == 0  # a retry changes nothing
    linked = store.read_items(engine, actor=OPERATOR, report_id=report_id)
    assert sorted(linked["id"]) == ids
    assert set(linked["status"]) == {"reported"}
    report = posko.get_report(engine, report_id, ceiling="TERBATAS")
    assert report["attachment_name"] == "IMG-20241127-WA0001.jpg"  # the messages' photo became its attachment
    history = posko.report_timeline(engine, report_id, ceiling="TERBATAS")
    named = history.loc[history["field"] == "intake_items", "new"].item()
    assert named == f"#{ids[0]} Made 27/11/2024 14:05, #{ids[1]} Ketut 27/11/2024 14:07"
    with pytest.raises(DataProblem, match="sudah ditangani"):
        store.dismiss_items(engine, ids, reason="duplikat", actor=OPERATOR)
    assert _report(engine, prefill) == report_id  # the same form token stores one report


def test_a_report_link_refuses_items_or_reports_the_caller_may_not_see(engine, tmp_path):
    secret = list(imported(engine, tmp_path, actor=ANALYST, level="RAHASIA").ids)
    chosen = store.read_items(engine, actor=ANALYST, ids=secret[:1]).to_dict("records")
    report_id = _report(engine, posko.report_prefill([{**chosen[0], "classification": "TERBATAS"}]))
    with pytest.raises(DataProblem, match="tidak ada di antrean"):
        posko.link_report(engine, report_id, secret[:1], actor=OPERATOR)
    with pytest.raises(DataProblem, match="tidak ditemukan|tidak ada"):
        posko.link_report(engine, 9999, secret[:1], actor=ANALYST)
    assert set(store.read_items(engine, actor=ANALYST)["status"]) == {"new"}


def test_counts_by_age_put_each_item_in_one_bucket(engine):
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "key": f"{i:032d}",
            "time": now - age,
            "sender": "Made",
            "text": f"pesan {i}",
            "classification": "TERBATAS",
        }
        for i, age in enumerate(
            [dt.timedelta(minutes=5), dt.timedelta(minutes=50), dt.timedelta(hours=3), dt.timedelta(days=2)]
        )
    ]
    store.add_items(engine, rows, source="uji", actor=OPERATOR)
    total, within = store.count_untriaged(engine, actor=OPERATOR, since=posko.age_bounds(now))
    assert posko.age_counts(total, within) == {"hour": 2, "day": 1, "older": 1}
    items = store.read_items(engine, actor=OPERATOR)
    assert [posko.age_bucket(at, now) for at in items["at"]] == ["hour", "hour", "day", "older"]


def test_a_pasted_message_without_a_header_is_one_item_and_pasting_it_again_adds_nothing(engine, tmp_path):
    text = "Info dari banjar: ada pertemuan tertutup malam ini di Desa Kalibukbuk"
    for expected in ((1, 0), (0, 1)):
        chat = posko.parse_pasted_chat(text)
        result = posko.import_chat(
            engine, chat, source="teks ditempel", classification="TERBATAS", actor=OPERATOR, data_dir=tmp_path
        )
        assert (result.new, result.known) == expected
    (item,) = store.read_items(engine, actor=OPERATOR).to_dict("records")
    assert (item["sender"], item["text"]) == ("", text)
    assert pd.isna(item["time"])
    assert pd.notna(item["at"])  # its age counts from when it was pasted


def test_a_message_longer_than_a_report_is_kept_whole_and_cut_with_a_note_in_the_report(engine, tmp_path):
    long = "Kronologi: " + "massa berkumpul dan bergerak. " * 200
    chat = posko.parse_chat_text(f"27/11/24 14.05 - Made: {long}\n")
    assert any("lebih dari 4.000 yang muat di uraian laporan" in note for note in chat.notes)
    result = posko.import_chat(
        engine, chat, source="chat.txt", classification="TERBATAS", actor=OPERATOR, data_dir=tmp_path
    )
    (item,) = store.read_items(engine, actor=OPERATOR, ids=result.ids).to_dict("records")
    assert item["text"] == long
    prefill = posko.report_prefill([item])
    assert len(prefill.description) <= posko.DESCRIPTION_MAX
    assert prefill.description.endswith("karakter lagi di pesan WhatsApp aslinya]")


def test_the_stored_attachments_list_is_json_a_backup_can_read(engine, tmp_path):
    imported(engine, tmp_path)
    with engine.connect() as conn:
        raw = conn.execute(sa.select(store.intake_items.c.attachments)).scalars().all()
    assert all(isinstance(json.loads(text), list) for text in raw)


# -- suggestions ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def finder():
    regions = intake.load_bundle(DATA_DIR).regions
    return posko.place_finder(regions.to_dict("records"), bundled_wilayah())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Massa di Kab. Bll", "51.08"),
        ("Buleleng aman", "51.08"),
        ("konvoi di Dps", "51.71"),
        ("Kota Denpasar", "51.71"),
        ("ribut di Klk", "51.05"),
        ("Klungkung", "51.05"),
        ("Karangasem", "51.07"),
        ("di Kr.asem", "51.07"),
        ("Karang Asem", "51.07"),
        ("Tabanan", "51.02"),
        ("Tbn", "51.02"),
        ("Gianyar", "51.04"),
        ("Gny", "51.04"),
        ("Bangli", "51.06"),
        ("Jembrana", "51.01"),
        ("di Negara", "51.01"),
        ("Badung", "51.03"),
        ("di Kuta ada konvoi", "51.03"),
        ("Singaraja", "51.08"),
        ("Buleleg", "51.08"),
    ],
)
def test_regencies_are_suggested_from_their_names_seats_and_abbreviations(finder, text, code):
    regencies = [s.code for s in finder.find(text) if s.level == "kabupaten"]
    assert regencies == [code]


def test_kecamatan_and_desa_are_suggested_with_the_regency_they_lie_in(finder):
    found = finder.find("Pangkung Paruk, kec. Seririt: massa berkumpul")
    assert [(s.code, s.level) for s in found] == [
        ("51.08", "kabupaten"),
        ("51.08.02", "kecamatan"),
        ("51.08.02.2018", "desa"),
    ]
    close = finder.find("kumpul di Serirt")
    assert [(s.code, s.close) for s in close] == [("51.08", True), ("51.08.02", True)]
    assert [s.code for s in finder.find("Kec. Buleleng")] == ["51.08", "51.08.06"]


@pytest.mark.parametrize(
    "text",
    ["kubu paslon 1 ribut", "aparat negara harus netral", "petang ini aman", "Selamat pagi semua", "ok"],
)
def test_everyday_words_named_like_places_are_not_suggested(finder, text):
    assert finder.find(text) == ()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Bentrok antar pendukung di depan TPS", "clash"),
        ("Ada serangan fajar, amplop dibagikan", "money_politics"),
        ("Kepala desa ikut kampanye, ASN tidak netral", "asn_neutrality"),
        ("Beredar hoaks soal surat suara tercoblos", "hoax"),
        ("Kotak suara rusak, surat suara kurang", "logistics"),
        ("Relawan diancam dan diintimidasi", "intimidation"),
        ("Warga dipukul hingga terluka", "violence"),
        ("Massa mengamuk dan rusuh", "riot"),
        ("Paslon ajukan gugatan sengketa hasil", "dispute"),
    ],
)
def test_a_category_is_suggested_from_its_words(text, category):
    assert posko.suggest_categories(text)[0].category == category


def test_phone_numbers_are_masked_in_what_a_report_carries():
    item = {
        "id": 1,
        "at": dt.datetime(2024, 11, 27, 14, 5, tzinfo=LOCAL_TZ),
        "sender": "+62 812-3456-7890",
        "text": "Amplop dibagikan",
        "attachments": [],
        "classification": "TERBATAS",
    }
    assert "3456" not in posko.report_prefill([item]).description
    assert "+62 812-\u2022\u2022\u2022\u2022-7890" in posko.report_prefill([item]).description
