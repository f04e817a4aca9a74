"""WhatsApp chat exports: every format, media in the .zip, re-imports, date order, bad input, round trip."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as hst
from PIL import Image

from lib import posko
from lib.core.clock import LOCAL_TZ
from lib.core.problems import DataProblem
from lib.posko import whatsapp

NNBSP = "\u202f"
LRM = "\u200e"


def wita(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LOCAL_TZ)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "red").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zip_of(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def seen(result: posko.ChatImport) -> list[tuple]:
    """The parts of each message a test compares."""
    return [(m.sent_at, m.sender, m.text, m.attachments, m.media_omitted, m.line) for m in result.messages]


# -- exports written by hand, as phones write them ---------------------------------------------------

ANDROID_ID = (
    "27/11/24 14.00 - Pesan dan panggilan dienkripsi secara end-to-end. Tidak seorang pun di luar chat "
    "ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya. Ketuk untuk info selengkapnya.\n"
    '27/11/24 14.00 - Made membuat grup "Posko Buleleng"\n'
    "27/11/24 14.01 - Made menambahkan Ketut\n"
    "27/11/24 14.05 - Made: Ada kerumunan di TPS 03 Seririt\n"
    "sekitar 40 orang\n"
    "\n"
    "mohon dicek\n"
    "27/11/24 14.07 - Ketut: IMG-20241127-WA0001.jpg (file terlampir)\n"
    "foto dari lokasi\n"
    "27/11/24 14.08 - Ketut: LAPORAN-TPS03.pdf (file terlampir)\n"
    "27/11/24 14.09 - Ketut: Pesan ini telah dihapus\n"
    "27/11/24 14.10 - Wayan keluar\n"
    "27/11/24 14.11 - Made mengubah ikon grup ini\n"
    '27/11/24 14.12 - Made mengubah subjek dari "Posko Buleleng" menjadi "Posko: Buleleng"\n'
    "27/11/24 14.13 - +62 812-3456-7890: Sudah aman, massa bubar <Pesan ini diedit>\n"
)
ANDROID_ID_MESSAGES = [
    (
        wita(2024, 11, 27, 14, 5),
        "Made",
        "Ada kerumunan di TPS 03 Seririt\nsekitar 40 orang\n\nmohon dicek",
        (),
        False,
        4,
    ),
    (wita(2024, 11, 27, 14, 7), "Ketut", "foto dari lokasi", ("IMG-20241127-WA0001.jpg",), False, 8),
    (wita(2024, 11, 27, 14, 8), "Ketut", "", ("LAPORAN-TPS03.pdf",), False, 10),
    (wita(2024, 11, 27, 14, 13), "+62 812-3456-7890", "Sudah aman, massa bubar", (), False, 15),
]
IOS_EN_12H = (
    f"{LRM}[11/27/24, 2:00:05{NNBSP}PM] Posko Buleleng: {LRM}Messages and calls are end-to-end encrypted. "
    "No one outside of this chat, not even WhatsApp, can read or listen to them.\n"
    f"{LRM}[11/27/24, 2:00:05{NNBSP}PM] Posko Buleleng: {LRM}Made created group \u201cPosko Buleleng\u201d\n"
    f"{LRM}[11/27/24, 2:01:10{NNBSP}PM] Posko Buleleng: {LRM}Made added Ketut\n"
    f"[11/27/24, 2:05:33{NNBSP}PM] Made: Crowd at TPS 03 Seririt\n"
    "about 40 people\n"
    f"[11/27/24, 2:07:01{NNBSP}PM] Ketut: {LRM}<attached: 00000012-PHOTO-2024-11-27-14-07-01.jpg>\n"
    f"[11/27/24, 2:07:40{NNBSP}PM] Ketut: {LRM}<attached: 00000013-LAPORAN-TPS03.pdf>\n"
    f"[11/27/24, 2:09:00{NNBSP}PM] Ketut: {LRM}This message was deleted.\n"
    f"{LRM}[11/27/24, 2:10:00{NNBSP}PM] Posko Buleleng: {LRM}Wayan left\n"
    f"[11/28/24, 12:15:00{NNBSP}AM] Made: {LRM}image omitted\n"
    f"[11/28/24, 12:16:00{NNBSP}PM] Made: All clear {LRM}<This message was edited>\n"
)
IOS_EN_12H_MESSAGES = [
    (wita(2024, 11, 27, 14, 5, 33), "Made", "Crowd at TPS 03 Seririt\nabout 40 people", (), False, 4),
    (wita(2024, 11, 27, 14, 7, 1), "Ketut", "", ("00000012-PHOTO-2024-11-27-14-07-01.jpg",), False, 6),
    (wita(2024, 11, 27, 14, 7, 40), "Ketut", "", ("00000013-LAPORAN-TPS03.pdf",), False, 7),
    (wita(2024, 11, 28, 0, 15), "Made", "", (), True, 10),
    (wita(2024, 11, 28, 12, 16), "Made", "All clear", (), False, 11),
]


def test_an_android_export_in_indonesian_reads_messages_media_and_notices():
    result = posko.parse_chat_text(ANDROID_ID)
    assert seen(result) == ANDROID_ID_MESSAGES
    assert (result.platform, result.clock, result.order, result.ambiguity) == ("android", "24h", "dmy", None)
    assert result.system_counts == {
        "encryption": 1,
        "created": 1,
        "left": 1,
        "icon": 1,
        "subject": 1,
        "added": 1,
        "deleted": 1,
    }
    assert result.messages[-1].edited
    assert [s.line for s in result.system] == [1, 2, 3, 11, 12, 13, 14]
    assert result.notes == ()
    assert result.unplaced == ()
    assert result.line_count == 15
    assert result.messages[0].sent_at.utcoffset() == dt.timedelta(hours=8)


def test_an_iphone_export_in_english_with_12_hour_times_narrow_spaces_and_marks():
    result = posko.parse_chat_text(IOS_EN_12H, lang="en")
    assert seen(result) == IOS_EN_12H_MESSAGES
    assert (result.platform, result.clock, result.order) == ("ios", "12h", "mdy")
    assert result.system_counts == {"encryption": 1, "created": 1, "left": 1, "added": 1, "deleted": 1}
    assert result.notes == (
        "Attachments left out of this export: 1; to get them, export again with \u201cInclude media\u201d.",
    )
    assert posko.notice_summary(result, lang="en") == (
        "WhatsApp notice lines skipped: 5 (encryption notice: 1, group created: 1, member left: 1, "
        "member added: 1, deleted message: 1)."
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Messages to this group are now secured with end-to-end encryption. Tap for more info.",
            "encryption",
        ),
        (
            "Pesan dan panggilan terenkripsi end-to-end. Hanya orang di chat ini yang dapat membacanya.",
            "encryption",
        ),
        ('Anda membuat grup "Posko Denpasar"', "created"),
        ("You created group \u201cPosko Denpasar\u201d", "created"),
        ("Putu Ayu joined using this group's invite link", "joined"),
        ("Putu Ayu bergabung", "joined"),
        ("Putu Ayu left", "left"),
        ("Anda keluar", "left"),
        ("Made added Ketut, Wayan and Nyoman", "added"),
        ("Made menambahkan Anda", "added"),
        ("Made removed Wayan", "removed"),
        ("Made mengeluarkan Wayan", "removed"),
        ('Made changed the subject from "A" to "B: C"', "subject"),
        ('You changed the group name to "Posko"', "subject"),
        ('Made mengubah nama grup menjadi "Posko"', "subject"),
        ("Made removed this group's icon", "icon"),
        ("Made menghapus ikon grup ini", "icon"),
        ("Made changed this group's icon", "icon"),
        ("Made changed the group description", "description"),
        ("Made mengubah deskripsi grup", "description"),
        ("You're now an admin", "notice"),
        ("Your security code with +62 812-3456-7890 changed. Tap to learn more.", "notice"),
        ("Made changed their phone number to a new number. Tap to message or add the new number.", "notice"),
        (
            "Made mengaktifkan pesan sementara. Pesan baru akan hilang dari chat ini 7 hari setelah dikirim.",
            "notice",
        ),
    ],
)
def test_notices_in_both_languages_are_counted_by_kind(sentence, kind):
    android = posko.parse_chat_text(f"27/11/24 14.04 - {sentence}\n27/11/24 14.05 - Made: halo\n")
    ios = posko.parse_chat_text(
        f"[27/11/24 14.04.00] Posko: {LRM}{sentence}\n[27/11/24 14.05.00] Made: halo\n"
    )
    assert android.system == (posko.SkippedLine(1, kind, sentence),)
    assert ios.system == (posko.SkippedLine(1, kind, f"Posko: {LRM}{sentence}"),)
    assert [m.text for m in android.messages] == [m.text for m in ios.messages] == ["halo"]


def test_a_message_typed_like_a_notice_stays_a_message():
    text = (
        "27/11/24 14.05 - Made: Ketut keluar\n"
        "27/11/24 14.06 - Made: Wayan added Ketut\n"
        "lihat [foto] jam 14.06\n"
    )
    assert [m.text for m in posko.parse_chat_text(text).messages] == [
        "Ketut keluar",
        "Wayan added Ketut\nlihat [foto] jam 14.06",
    ]
    ios = "[27/11/24 14.05.33] Made: Ketut left\n[27/11/24 14.06.00] Grup: \u200eKetut left\n"
    result = posko.parse_chat_text(ios)
    assert [m.text for m in result.messages] == ["Ketut left"]
    assert result.system_counts == {"left": 1}


def test_an_unknown_line_without_a_sender_is_counted_as_a_notice_and_kept():
    result = posko.parse_chat_text(
        "27/11/24 14.05 - Made: halo\n27/11/24 14.06 - Made mengubah setelan grup\n"
    )
    assert result.system == (posko.SkippedLine(2, "notice", "Made mengubah setelan grup"),)


def test_lines_before_the_first_message_are_reported_not_dropped():
    text = "dari grup lama:\nlanjutan\n27/11/24 14.05 - Made: halo\n"
    result = posko.parse_chat_text(text, name="chat.txt")
    assert result.unplaced == (
        posko.SkippedLine(1, "unplaced", "dari grup lama:"),
        posko.SkippedLine(2, "unplaced", "lanjutan"),
    )
    assert result.notes[0].startswith("Baris 1, 2 ada sebelum pesan pertama")


# -- the format matrix: one conversation written in every export format --------------------------------


@dataclass(frozen=True)
class Format:
    name: str
    ios: bool
    lang: str
    twelve: bool
    order: str
    long_year: bool = False

    def header(self, when: dt.datetime) -> str:
        year = f"{when.year:04d}" if self.long_year else f"{when.year % 100:02d}"
        first, second = (when.day, when.month) if self.order == "dmy" else (when.month, when.day)
        date = f"{first:02d}/{second:02d}/{year}" if self.order == "dmy" else f"{first}/{second}/{year}"
        comma = "," if self.lang == "en" else ""
        sep = ":" if self.lang == "en" else "."
        if self.twelve:
            hour = f"{when.hour % 12 or 12}"
            suffix = (NNBSP if self.ios else " ") + ("PM" if when.hour >= 12 else "AM")
        else:
            hour, suffix = f"{when.hour:02d}", ""
        clock = f"{hour}{sep}{when.minute:02d}" + (f"{sep}{when.second:02d}" if self.ios else "")
        if self.ios:
            return f"[{date}{comma} {clock}{suffix}] "
        return f"{date}{comma} {clock}{suffix} - "

    def attached(self, name: str) -> str:
        if self.ios:
            return f"{LRM}<{'terlampir' if self.lang == 'id' else 'attached'}: {name}>"
        return f"{name} ({'file terlampir' if self.lang == 'id' else 'file attached'})"

    def omitted(self) -> str:
        if self.ios:
            return LRM + ("gambar tidak disertakan" if self.lang == "id" else "image omitted")
        return "<Media tidak disertakan>" if self.lang == "id" else "<Media omitted>"

    def notice(self, kind: str) -> str:
        sentences = {
            "id": {
                "encryption": "Pesan dan panggilan dienkripsi secara end-to-end. Tidak seorang pun di luar "
                "chat ini.",
                "added": "Made menambahkan Ketut",
                "joined": "Wayan bergabung menggunakan tautan undangan grup ini",
                "removed": "Made mengeluarkan Wayan",
                "deleted": "Pesan ini telah dihapus",
            },
            "en": {
                "encryption": "Messages and calls are end-to-end encrypted. No one outside of this chat "
                "can read them.",
                "added": "Made added Ketut",
                "joined": "Wayan joined using this group's invite link",
                "removed": "Made removed Wayan",
                "deleted": "This message was deleted",
            },
        }[self.lang][kind]
        if kind == "deleted":
            return f"Ketut: {LRM if self.ios else ''}{sentences}"
        return f"Posko Buleleng: {LRM}{sentences}" if self.ios else sentences


FORMATS = [
    Format("android-id-24h", ios=False, lang="id", twelve=False, order="dmy"),
    Format("android-id-12h", ios=False, lang="id", twelve=True, order="dmy"),
    Format("android-en-24h", ios=False, lang="en", twelve=False, order="dmy"),
    Format("android-en-12h", ios=False, lang="en", twelve=True, order="mdy"),
    Format("ios-id-24h", ios=True, lang="id", twelve=False, order="dmy"),
    Format("ios-id-12h", ios=True, lang="id", twelve=True, order="dmy", long_year=True),
    Format("ios-en-24h", ios=True, lang="en", twelve=False, order="dmy", long_year=True),
    Format("ios-en-12h", ios=True, lang="en", twelve=True, order="mdy"),
]
START = dt.datetime(2024, 11, 27, 8, 59, 7)
# (minutes after START, seconds, what): a message (sender, text), media, or a notice
CONVERSATION = [
    (0, 0, ("notice", "encryption")),
    (1, 2, ("notice", "added")),
    (2, 14, ("msg", "Made", "Kerumunan di TPS 03\nsekitar 40 orang\n\nmohon dicek")),
    (3, 0, ("media", "Ketut", "00000012-PHOTO-2024-11-27.jpg")),
    (4, 30, ("omitted", "Ketut")),
    (5, 1, ("notice", "deleted")),
    (6, 0, ("notice", "joined")),
    (180, 59, ("msg", "Wayan", "Sore: sudah aman 👍")),
    (181, 0, ("notice", "removed")),
    (900, 0, ("msg", "+62 812-3456-7890", "Besok pagi (28/11) apel jam 07.00")),
]


def write_conversation(fmt: Format) -> tuple[str, list[tuple], dict[str, int]]:
    """Return the export text, the messages it should give back, and the notices by kind."""
    lines: list[str] = []
    expected: list[tuple] = []
    notices: dict[str, int] = {}
    for minutes, seconds, what in CONVERSATION:
        when = START + dt.timedelta(minutes=minutes, seconds=seconds - START.second)
        sent_at = when.replace(tzinfo=LOCAL_TZ, second=when.second if fmt.ios else 0)
        head = fmt.header(when)
        if what[0] == "notice":
            lines.append(head + fmt.notice(what[1]))
            notices[what[1]] = notices.get(what[1], 0) + 1
            continue
        line = len(lines) + 1
        if what[0] == "msg":
            lines.extend(f"{head}{what[1]}: {what[2]}".split("\n"))
            expected.append((sent_at, what[1], what[2], (), False, line))
        elif what[0] == "media":
            lines.append(f"{head}{what[1]}: {fmt.attached(what[2])}")
            expected.append((sent_at, what[1], "", (what[2],), False, line))
        else:
            lines.append(f"{head}{what[1]}: {fmt.omitted()}")
            expected.append((sent_at, what[1], "", (), True, line))
    return "\n".join(lines) + "\n", expected, notices


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_every_export_format_gives_back_the_same_conversation(fmt):
    text, expected, notices = write_conversation(fmt)
    result = posko.read_chat_export(
        text.encode("utf-8"), f"WhatsApp Chat with Posko Buleleng ({fmt.name}).txt"
    )
    assert seen(result) == expected
    assert result.system_counts == {k: notices[k] for k in posko.SYSTEM_KINDS if k in notices}
    assert (result.platform, result.clock) == (
        "ios" if fmt.ios else "android",
        "12h" if fmt.twelve else "24h",
    )
    assert result.order == fmt.order
    assert result.chat_name == f"Posko Buleleng ({fmt.name})"
    counted = len(result.messages) + len(result.system) + sum(m.text.count("\n") for m in result.messages)
    assert counted == result.line_count == len(text.splitlines())


def test_android_and_iphone_exports_of_one_chat_give_the_same_keys():
    keys = {}
    for fmt in FORMATS:
        text, _, _ = write_conversation(fmt)
        keys[fmt.name] = [m.key for m in posko.parse_chat_text(text, order=fmt.order).messages]
    assert len({tuple(k) for k in keys.values()}) == 1


# -- the .zip with media -----------------------------------------------------------------------------


def test_an_iphone_zip_links_its_media_and_returns_the_files_for_the_attachment_checks(tmp_path):
    photo, document = png_bytes(), PDF
    data = zip_of(
        {
            "_chat.txt": IOS_EN_12H.encode("utf-8"),
            "00000012-PHOTO-2024-11-27-14-07-01.jpg": photo,
            "00000013-LAPORAN-TPS03.pdf": document,
            "__MACOSX/._chat.txt": b"mac",
        }
    )
    result = posko.read_chat_export(data, "WhatsApp Chat - Posko Buleleng.zip", lang="en")
    assert seen(result) == IOS_EN_12H_MESSAGES
    assert result.chat_name == "Posko Buleleng"
    assert result.files == (
        ("00000012-PHOTO-2024-11-27-14-07-01.jpg", photo),
        ("00000013-LAPORAN-TPS03.pdf", document),
    )
    assert result.files_of(result.messages[1]) == (("00000012-PHOTO-2024-11-27-14-07-01.jpg", photo),)
    assert result.files_of(result.messages[0]) == ()
    assert result.missing_files == ()
    stored = [posko.store_attachment(content, name, tmp_path) for name, content in result.files]
    # the name says .jpg, the bytes say PNG: the attachment check goes by the bytes
    assert [a.content_type for a in stored] == ["image/png", "application/pdf"]


def test_an_android_zip_in_indonesian_names_the_chat_and_notes_a_missing_file():
    photo = jpeg_bytes()
    data = zip_of(
        {
            "Chat WhatsApp dengan Posko Buleleng.txt": ANDROID_ID.encode("utf-8"),
            "IMG-20241127-WA0001.jpg": photo,
        }
    )
    result = posko.read_chat_export(data, "Chat WhatsApp dengan Posko Buleleng.zip")
    assert seen(result) == ANDROID_ID_MESSAGES
    assert result.chat_name == "Posko Buleleng"
    assert result.files_of(result.messages[1]) == (("IMG-20241127-WA0001.jpg", photo),)
    assert result.missing_files == ("LAPORAN-TPS03.pdf",)
    assert result.notes == (
        "1 lampiran disebut di chat tetapi tidak ada di berkas yang diunggah, mis. LAPORAN-TPS03.pdf.",
    )


def test_a_zip_stored_without_compression_and_with_a_byte_order_mark_reads():
    data = zip_of(
        {"WhatsApp Chat with Posko.txt": b"\xef\xbb\xbf" + ANDROID_ID.encode()}, method=zipfile.ZIP_STORED
    )
    assert seen(posko.read_chat_export(data, "upload.zip")) == ANDROID_ID_MESSAGES


# -- re-imports ------------------------------------------------------------------------------------------


def test_a_longer_later_export_adds_only_the_new_messages():
    first = "27/11/24 14.05 - Made: halo\n27/11/24 14.05 - Made: ok\n27/11/24 14.05 - Made: ok\n"
    later = (
        first
        + "27/11/24 14.06 - Ketut: ok\n27/11/24 14.06 - Ketut: ok\nbaris dua\n28/11/24 09.00 - Made: ok\n"
    )
    known = {m.key for m in posko.parse_chat_text(first).messages}
    assert len(known) == 3  # the two "ok" in one minute are two messages
    fresh = posko.new_messages(posko.parse_chat_text(later).messages, known)
    assert [(m.sender, m.text, m.line) for m in fresh] == [
        ("Ketut", "ok", 4),
        ("Ketut", "ok\nbaris dua", 5),
        ("Made", "ok", 7),
    ]
    assert posko.new_messages(posko.parse_chat_text(first).messages, known) == []


def test_the_key_is_the_hash_of_sender_minute_and_text():
    result = posko.parse_chat_text("[27/11/24 14.05.59] Made: halo\n")
    assert result.messages[0].key == posko.message_key("Made", wita(2024, 11, 27, 14, 5), "halo")
    assert posko.message_key("Made", wita(2024, 11, 27, 14, 5), "halo", 2) != result.messages[0].key


# -- day/month order -----------------------------------------------------------------------------------


def test_when_both_date_orders_fit_the_operator_is_asked():
    text = "01/02/24 10.00 - Made: satu\n03/04/24 10.00 - Made: dua\n"
    result = posko.parse_chat_text(text)
    assert result.messages == ()
    assert result.order is None
    assert result.ambiguity == posko.OrderAmbiguity(
        dmy=(dt.date(2024, 2, 1), dt.date(2024, 4, 3)), mdy=(dt.date(2024, 1, 2), dt.date(2024, 3, 4))
    )
    assert posko.date_order_choices(result.ambiguity) == {
        "dmy": "hari/bulan/tahun: pesan dari 1 Februari 2024 sampai 3 April 2024",
        "mdy": "bulan/hari/tahun: pesan dari 2 Januari 2024 sampai 4 Maret 2024",
    }
    chosen = posko.parse_chat_text(text, order="mdy")
    assert [m.sent_at for m in chosen.messages] == [wita(2024, 1, 2, 10, 0), wita(2024, 3, 4, 10, 0)]
    assert posko.parse_chat_text(text, order="dmy").messages[0].sent_at == wita(2024, 2, 1, 10, 0)


def test_a_day_above_twelve_settles_the_order():
    text = "05/11/24 10.00 - Made: a\n13/11/24 10.00 - Made: b\n"
    assert posko.parse_chat_text(text).order == "dmy"
    assert posko.parse_chat_text("11/05/24, 10:00 AM - M: a\n11/13/24, 10:00 AM - M: b\n").order == "mdy"


def test_the_order_that_runs_forwards_is_taken_when_both_are_valid():
    text = "05/11/24 10.00 - Made: a\n06/11/24 10.00 - Made: b\n01/12/24 10.00 - Made: c\n"
    result = posko.parse_chat_text(text)
    assert result.order == "dmy"
    assert result.messages[-1].sent_at == wita(2024, 12, 1, 10, 0)


def test_dates_that_read_the_same_both_ways_need_no_question():
    result = posko.parse_chat_text("01/01/24 10.00 - Made: a\n02/02/24 10.00 - Made: b\n")
    assert result.ambiguity is None
    assert result.order == "dmy"


def test_a_chosen_order_that_makes_a_date_impossible_is_refused():
    with pytest.raises(DataProblem) as problem:
        posko.parse_chat_text("13/11/24 10.00 - Made: a\n", order="mdy", lang="en")
    assert (
        problem.value.what
        == "Read as month/day/year, the date on line 1 is impossible (\u201c13/11/24 10.00 -\u201d)."
    )
    assert problem.value.fix == "Choose the other date order."


def test_dates_that_fit_no_order_are_refused_with_their_lines():
    with pytest.raises(DataProblem) as problem:
        posko.parse_chat_text("13/11/24 10.00 - Made: a\n11/13/24 10.00 - Made: b\n", name="chat.txt")
    assert "sebagai hari/bulan, baris 2 tidak mungkin; sebagai bulan/hari, baris 1" in problem.value.what


# -- pasted text ----------------------------------------------------------------------------------------


def test_pasted_text_without_whatsapp_lines_is_one_message():
    result = posko.parse_pasted_chat("  Ada kerumunan di TPS 03\nsekitar 40 orang\n")
    assert result.messages == (
        posko.ChatMessage(
            None,
            "",
            "Ada kerumunan di TPS 03\nsekitar 40 orang",
            key=posko.message_key("", None, "Ada kerumunan di TPS 03\nsekitar 40 orang"),
        ),
    )
    assert result.platform == "pasted"


def test_pasted_whatsapp_lines_go_through_the_parser():
    # copying messages in the app gives brackets without seconds
    result = posko.parse_pasted_chat("[27/11/24 14.05] Made: halo\n[27/11/24 14.06] Ketut: siap\nlanjut")
    assert [(m.sent_at, m.sender, m.text) for m in result.messages] == [
        (wita(2024, 11, 27, 14, 5), "Made", "halo"),
        (wita(2024, 11, 27, 14, 6), "Ketut", "siap\nlanjut"),
    ]


def test_empty_pasted_text_is_a_problem():
    with pytest.raises(DataProblem, match="Teks yang ditempel kosong"):
        posko.parse_pasted_chat(" \n ")


# -- long messages ---------------------------------------------------------------------------------------


def test_a_message_longer_than_a_report_description_is_kept_whole_and_cut_only_for_the_report():
    long_text = "kerumunan " * 500  # 5,000 characters
    result = posko.parse_chat_text(f"27/11/24 14.05 - Made: {long_text.strip()}\n27/11/24 14.06 - Made: ok\n")
    message = result.messages[0]
    assert message.text == long_text.strip()
    assert message.too_long
    assert not result.messages[1].too_long
    assert result.notes == (
        "Pesan di baris 1 (Made) panjangnya 4.999 karakter, lebih dari 4.000 yang muat di uraian laporan: "
        "pesannya disimpan utuh, uraian laporannya dipotong.",
    )
    description = posko.message_description(message)
    assert len(description) <= posko.DESCRIPTION_MAX
    assert description.startswith("kerumunan kerumunan")
    assert description.endswith("aslinya]")
    assert posko.message_description(result.messages[1]) == "ok"
    english = posko.message_description(message, lang="en")
    assert len(english) <= posko.DESCRIPTION_MAX
    assert english.endswith("\n[\u2026 cut: 1,063 more characters in the original WhatsApp message]")
    pasted = posko.parse_pasted_chat(long_text)
    assert pasted.messages[0].too_long
    assert len(pasted.notes) == 1


# -- bad input ----------------------------------------------------------------------------------------------


def problem_of(data: bytes, name: str, **kwargs) -> DataProblem:
    with pytest.raises(DataProblem) as problem:
        posko.read_chat_export(data, name, **kwargs)
    return problem.value


def test_a_table_is_not_a_chat_export():
    problem = problem_of(b"kode,nama\n51.08,Buleleng\n", "laporan.txt")
    assert problem.what == (
        "Berkas laporan.txt bukan ekspor chat WhatsApp: tidak ada baris yang diawali tanggal dan jam seperti "
        "\u00ab27/11/24 14.05 - Nama: pesan\u00bb. Baris pertamanya: \u00abkode,nama\u00bb."
    )
    assert problem.fix.startswith("Di WhatsApp buka chatnya")
    english = problem_of(b"kode,nama\n", "laporan.csv", lang="en")
    assert english.what.startswith("The file laporan.csv is not a WhatsApp chat export")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (png_bytes(), "gambar PNG"),
        (jpeg_bytes(), "gambar JPEG"),
        (PDF, "dokumen PDF"),
        (b"abc\x00def", "data biner, bukan teks"),
        ("27/11/24 14.05 - Made: caf\u00e9".encode("latin-1"), "teks yang bukan UTF-8"),
    ],
    ids=["png", "jpeg", "pdf", "binary", "latin-1"],
)
def test_an_image_or_binary_renamed_txt_is_refused(data, kind):
    assert problem_of(data, "chat.txt").what.startswith(
        f"Berkas chat.txt bukan teks chat WhatsApp: isinya {kind}"
    )


def test_an_empty_export_is_refused():
    assert problem_of(b"", "chat.txt").what == "Berkas chat.txt kosong."
    assert problem_of(b"\n  \n", "chat.txt").what == "Berkas chat.txt kosong."
    only_notices = (
        "27/11/24 14.00 - Pesan dan panggilan dienkripsi secara end-to-end.\n27/11/24 14.01 - Made keluar\n"
    )
    assert problem_of(only_notices.encode(), "chat.txt").what == (
        "Ekspor chat.txt tidak berisi pesan, hanya baris pemberitahuan WhatsApp (2)."
    )


def test_a_zip_without_a_chat_file_is_refused():
    problem = problem_of(zip_of({"IMG-20241127-WA0001.jpg": jpeg_bytes()}), "ekspor.zip")
    assert (
        problem.what == "Arsip ekspor.zip tidak berisi berkas chat (.txt). Isinya: IMG-20241127-WA0001.jpg."
    )
    assert problem_of(zip_of({}), "ekspor.zip").what.endswith("Isinya: tidak ada apa pun.")
    two = zip_of({"WhatsApp Chat with A.txt": b"x", "WhatsApp Chat with B.txt": b"y"})
    assert problem_of(two, "ekspor.zip", lang="en").what == (
        "The archive ekspor.zip holds several text files (WhatsApp Chat with A.txt, "
        "WhatsApp Chat with B.txt); it is not clear which is the chat."
    )


def test_a_zip_with_one_unnamed_text_file_reads_it_and_a_named_chat_wins_over_documents():
    assert (
        seen(posko.read_chat_export(zip_of({"chat.txt": ANDROID_ID.encode()}), "x.zip"))
        == ANDROID_ID_MESSAGES
    )
    both = zip_of({"catatan.txt": b"lampiran", "_chat.txt": IOS_EN_12H.encode()})
    result = posko.read_chat_export(both, "x.zip")
    assert seen(result) == IOS_EN_12H_MESSAGES
    assert result.files == (("catatan.txt", b"lampiran"),)


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = zip_of({"_chat.txt": b"0" * 20_000_000})
    assert len(bomb) < 100_000
    problem = problem_of(bomb, "bomb.zip")
    assert problem.what == (
        "Arsip bomb.zip akan terbuka menjadi 20 MB (_chat.txt), jauh lebih besar daripada arsipnya sendiri; "
        "arsip seperti itu tidak dibuka."
    )
    many_small = zip_of({f"f{i}.txt": b"0" * 200_000 for i in range(10)})
    assert "(10 berkas)" in problem_of(many_small, "bomb.zip").what


def test_a_damaged_zip_is_refused():
    data = zip_of({"_chat.txt": IOS_EN_12H.encode() * 50})
    assert problem_of(data[: len(data) // 2], "ekspor.zip").what == (
        "Arsip ekspor.zip rusak, terkunci kata sandi, atau tidak lengkap."
    )


def test_an_export_over_the_size_limit_is_refused():
    assert posko.WHATSAPP_MAX_BYTES == 200_000_000
    problem = problem_of(b"27/11/24 14.05 - Made: halo\n" * 100, "chat.txt", max_bytes=1000)
    assert problem.what == "chat.txt berukuran 0 MB, lebih dari batas 0 MB."  # megabytes, one decimal
    big = os.urandom(1_000_000).hex().encode()  # packs about 2:1, so the .zip is small but unpacks large
    data = zip_of({"_chat.txt": big})
    assert len(data) < 1_500_000
    problem = problem_of(data, "ekspor.zip", max_bytes=1_500_000)
    assert problem.what == "ekspor.zip berukuran 2 MB, lebih dari batas 1,5 MB."
    assert problem.fix.startswith("Ekspor lagi dengan pilihan \u00abTanpa media\u00bb")


def test_mixed_formats_in_one_file_name_the_odd_lines():
    android, _, _ = write_conversation(FORMATS[0])
    ios = "[27/11/24 15.00.00] Made: dari iPhone\n[27/11/24 15.01.00] Made: lagi\n"
    with pytest.raises(DataProblem) as problem:
        posko.parse_chat_text(android + ios, name="gabungan.txt")
    lines = len(android.splitlines())
    assert problem.value.what == (
        "gabungan.txt mencampur format ekspor yang berbeda: sebagian besar baris seperti "
        f"\u00ab27/11/24 08.59 -\u00bb, tetapi baris {lines + 1}, {lines + 2} seperti "
        "\u00ab[27/11/24 15.00.00]\u00bb."
    )


def test_an_impossible_time_is_refused_with_its_line():
    with pytest.raises(DataProblem) as problem:
        posko.parse_chat_text("27/11/24 14.05 - Made: a\n27/11/24 25.05 - Made: b\n")
    assert problem.value.what == "Jam di baris 2 tidak mungkin (\u00ab27/11/24 25.05 -\u00bb)."


# -- round trip ----------------------------------------------------------------------------------------------

SENDERS = hst.text(alphabet="AaBbKkMmWwéü0123456789 +-.'()~", min_size=1, max_size=20).filter(
    lambda s: s.strip() == s
)
LINE = hst.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,:;!?-/()[]<>'\"éñ😀👍", max_size=40)


@hst.composite
def conversations(draw):
    count = draw(hst.integers(1, 8))
    stamps = sorted(
        draw(
            hst.lists(
                hst.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2099, 12, 31, 23, 59, 59)),
                min_size=count,
                max_size=count,
            )
        )
    )
    messages = []
    for when in stamps:
        lines = draw(hst.lists(LINE, min_size=1, max_size=3))
        messages.append((when.replace(microsecond=0), draw(SENDERS), "\n".join(lines)))
    return messages


def plain(text: str) -> bool:
    """Whether ``text`` is ordinary words, not something WhatsApp itself writes (a header, a media line)."""
    lines = text.split("\n")
    header = any(whatsapp._HEADER.match(line.lstrip(LRM)) for line in lines[1:])
    marker = whatsapp._ATTACHED.fullmatch(lines[0]) or whatsapp._OMITTED.fullmatch(lines[0])
    notice = whatsapp._PLAIN_SYSTEM.fullmatch(lines[0]) or whatsapp._EDITED.search(lines[-1])
    return not (header or marker or notice)


@settings(max_examples=300, deadline=None)
@given(fmt=hst.sampled_from(FORMATS), messages=conversations())
def test_messages_written_in_any_format_read_back_exactly(fmt, messages):
    assume(all(plain(text) for _, _, text in messages))
    lines, expected = [], []
    for when, sender, text in messages:
        sent_at = when.replace(tzinfo=LOCAL_TZ, second=when.second if fmt.ios else 0)
        expected.append((sent_at, sender, text, len(lines) + 1))
        lines.extend(f"{fmt.header(when)}{sender}: {text}".split("\n"))
    export = ("\n".join(lines) + "\n").encode("utf-8")
    result = posko.read_chat_export(export, "chat.txt", order=fmt.order)
    assert [(m.sent_at, m.sender, m.text, m.line) for m in result.messages] == expected
    assert len({m.key for m in result.messages}) == len(expected)
    guessed = posko.read_chat_export(export, "chat.txt")
    assert guessed.ambiguity is not None or guessed.messages == result.messages
