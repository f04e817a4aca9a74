"""WhatsApp chat exports read into messages for the Posko: .txt, .zip with media, or pasted text.

Reads what "Ekspor chat" / "Export chat" makes on Android and iPhone, with the phone in Indonesian
or English: ``27/11/24 14.05 - Nama: pesan``, ``27/11/24, 14:05 - Name: message``,
``[27/11/24 14.05.33] Nama: pesan``, ``11/27/24, 2:05 PM - Name: msg`` (iOS puts a narrow no-break
space before PM and a left-to-right mark at some line starts), 2- or 4-digit years. A line that
does not start with a date is the next line of the message before it. Every line of the file
ends up in exactly one place: a message, a continuation of one, a counted WhatsApp notice
(:attr:`ChatImport.system`) or a reported line (:attr:`ChatImport.unplaced`, with a note);
nothing is dropped without a trace. Times are the phone's clock, taken as Bali time (WITA). Like
WhatsApp itself, the export cannot tell a continuation typed to look like a header from a header.

Why not ``whatstk`` (0.9.1, evaluated for issue 15): it finds headers anywhere in the text, so
an Android notice line without a sender ("27/11/24 14.05 - Made menambahkan Ketut") is glued
into the *sender* of the next message; notice lines are dropped, not counted; a .zip must hold
exactly one file, so an export with media is refused; the day/month order is guessed by a score,
never reported as ambiguous; it keeps no line numbers, does not know media lines, and folds
the whole text with NFKC (it changes what people wrote). It also pulls in plotly, seaborn and
emoji. This module is the small parser the Posko needs instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import PurePosixPath
from typing import Literal

from lib.core import formats
from lib.core.clock import LOCAL_TZ
from lib.core.dates import MONTH_NAMES
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.posko.intake import DESCRIPTION_MAX

DateOrder = Literal["dmy", "mdy"]
WHATSAPP_MAX_BYTES = 200_000_000
"""Largest export accepted (200 MB), as uploaded and as unpacked from its .zip."""
ZIP_MAX_MEMBERS = 20_000
ZIP_MAX_RATIO = 100
"""A .zip unpacking to more than this many times its size is refused (chat text packs about 5-10x)."""
_ZIP_RATIO_MIN_SIZE = 1_000_000  # small members may pack a lot without harm

_LRM = "\u200e"
_INVISIBLE = str.maketrans("", "", "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_HEADER = re.compile(
    r"(?P<open>\[)?"
    r"(?P<a>\d{1,2})(?P<dsep>[/.-])(?P<b>\d{1,2})(?P=dsep)(?P<y>\d{4}|\d{2})(?P<comma>,?) "
    r"(?P<h>\d{1,2})(?P<tsep>[.:])(?P<mi>\d{2})(?:(?P=tsep)(?P<s>\d{2}))?"
    r"(?:[ \u202f\u00a0](?P<ampm>[AaPp]\.?[Mm]\.?))?"
    r"(?(open)\] | - )"
    r"(?P<rest>.*)"
)
_A = r"(?:(?!: ).)+"  # an actor's name as WhatsApp writes it in a notice: never contains ": "
_Q = r"[\"\u201c\u201d].*[\"\u201c\u201d]"
_DELETED = (
    r"This message was deleted\.?|You deleted this message\.?|Pesan ini telah dihapus\.?|"
    r"Pesan ini dihapus\.?|Anda menghapus pesan ini\.?"
)
_ENCRYPTION = (
    r"(?:Messages and calls are end-to-end encrypted|Messages to this (?:group|chat) are now secured "
    r"with end-to-end encryption|Pesan dan panggilan (?:di|ter)enkripsi (?:secara )?end-to-end|Pesan ke "
    r"(?:grup|chat) ini sekarang diamankan dengan enkripsi end-to-end)\b.*"
)
_AFTER_ACTOR = {  # what follows the actor's name in a notice; one actor group, so a line is scanned once
    "created": rf"(?:created (?:the )?group|membuat grup) {_Q}",
    "joined": r"(?:joined(?: using this group's invite link| from the community)?|bergabung"
    r"(?: menggunakan tautan undangan grup ini| dari komunitas)?)",
    "left": r"(?:left|keluar)",
    "subject": rf"(?:changed (?:the subject|the group name|this group's name)(?: from {_Q})? to {_Q}"
    rf"|mengubah (?:subjek|nama grup)(?: dari {_Q})? (?:menjadi|ke) {_Q})",
    "icon": r"(?:changed|deleted|removed|mengubah|menghapus) (?:this group's icon|the group icon"
    r"|ikon grup ini)",
    "description": r"(?:changed the group description|mengubah deskripsi grup)",
    "added": rf"(?:added|menambahkan) {_A}",
    "removed": rf"(?:removed|mengeluarkan) {_A}",
    "number": r"(?:changed (?:their|to a new) phone number|(?:telah )?mengganti nomor|turned (?:on|off) "
    r"disappearing messages|(?:mengaktifkan|menonaktifkan) pesan sementara).*",
}
_NOTICE = (
    r"You're now an admin|Anda sekarang admin|Your security code with .+ changed\b.*|"
    r"Kode keamanan Anda dengan .+ (?:telah )?berubah\b.*"
)
SYSTEM_KINDS: tuple[str, ...] = ("encryption", *list(_AFTER_ACTOR)[:-1], "deleted", "notice")
"""Kinds of WhatsApp notice lines, counted and skipped; "notice" is any other line without a sender."""
_KIND = {"number": "notice"}
_SYSTEM = re.compile(
    f"(?P<encryption>{_ENCRYPTION})|(?P<deleted>{_DELETED})|(?P<notice>{_NOTICE})|{_A} (?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _AFTER_ACTOR.items())
    + ")"
)
_PLAIN_SYSTEM = re.compile(f"(?P<encryption>{_ENCRYPTION})|(?P<deleted>{_DELETED})")
_ATTACHED = re.compile(
    r"<(?:attached|terlampir): (?P<ios>[^<>]+)>|(?P<android>[^\n<>]*\S\.\w{1,5}) \((?:file attached|file "
    r"terlampir)\)"
)
_OMITTED = re.compile(
    r"<Media omitted>|<Media tidak disertakan>|(?:image|video|audio|sticker|GIF|document|Contact card)"
    r" omitted|(?:gambar|video|audio|stiker|GIF|dokumen|kartu kontak) tidak disertakan"
)
_EDITED = re.compile(r" ?\u200e?<(?:This message was edited|Pesan ini diedit)>\Z")
_CHAT_FILE = re.compile(
    r"(?i)(?:whatsapp chat with|chat whatsapp dengan|whatsapp chat -|chat whatsapp -|whatsapp chat)"
    r" ?(?P<name>.*?)(?:\.txt|\.zip)?"
)
_MAGIC = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpg", b"%PDF": "pdf", b"\xd0\xcf\x11\xe0": "xls"}
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a .zip with files, an empty .zip
_HIDDEN = re.compile(r"__MACOSX/|(?:^|/)\.[^/]*$")  # what a Mac adds when it packs a folder
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError)  # damaged
_ZIP_ERRORS += (RuntimeError, NotImplementedError)  # encrypted, or packed in a way Python cannot read


@dataclass(frozen=True)
class ChatMessage:
    """One message of a chat, as the export shows it.

    ``sent_at`` is the phone's local time read as Bali time (WITA, Asia/Makassar): an export
    carries no time zone, and the Posko's senders are in Bali. It is ``None`` for pasted text
    without WhatsApp headers. ``text`` has the message's lines joined by line breaks, without the
    attachment line; ``attachments`` names the files the message carries (found in the .zip or
    not), ``media_omitted`` says the export was made without them. ``line`` is the message's
    first line in the file (from 1). ``key`` identifies the message across imports (see
    :func:`message_key`). ``too_long`` flags a text longer than a report description holds:
    the text is kept whole here, :func:`message_description` cuts it with a note.
    """

    sent_at: dt.datetime | None
    sender: str
    text: str
    attachments: tuple[str, ...] = ()
    line: int = 1
    key: str = ""
    media_omitted: bool = False
    edited: bool = False
    too_long: bool = False


@dataclass(frozen=True)
class SkippedLine:
    """A line that is not a message: a WhatsApp notice (``kind`` in :data:`SYSTEM_KINDS`) or unplaced."""

    line: int
    kind: str
    text: str


@dataclass(frozen=True)
class OrderAmbiguity:
    """Both date orders fit the whole file: the first and last date each reading gives."""

    dmy: tuple[dt.date, dt.date]
    mdy: tuple[dt.date, dt.date]


@dataclass(frozen=True)
class ChatImport:
    """What a chat export holds.

    When ``ambiguity`` is set, the day/month order could not be told from the file: nothing
    was read (``messages`` is empty); ask the operator and parse again with ``order``.
    ``files`` are the (name, bytes) of every file found in the .zip besides the chat, for the
    Posko attachment checks (:func:`lib.posko.attachments.store_attachment`). ``notes`` say,
    in the caller's language, what the operator should know (cut messages, unplaced lines,
    missing media).
    """

    messages: tuple[ChatMessage, ...] = ()
    system: tuple[SkippedLine, ...] = ()
    unplaced: tuple[SkippedLine, ...] = ()
    files: tuple[tuple[str, bytes], ...] = ()
    notes: tuple[str, ...] = ()
    platform: str = ""  # "android", "ios" or "pasted"
    clock: str = ""  # "24h", "12h", or "" for pasted text
    order: DateOrder | None = None
    ambiguity: OrderAmbiguity | None = None
    chat_name: str = ""
    line_count: int = 0

    @cached_property
    def _by_name(self) -> dict[str, bytes]:
        return dict(self.files)

    @property
    def system_counts(self) -> dict[str, int]:
        """Return how many notice lines of each kind were skipped, in :data:`SYSTEM_KINDS` order."""
        counts = Counter(line.kind for line in self.system)
        return {kind: counts[kind] for kind in SYSTEM_KINDS if counts[kind]}

    @property
    def missing_files(self) -> tuple[str, ...]:
        """Return the attachment names messages carry that are not among :attr:`files`."""
        names = {name for name, _ in self.files}
        return tuple(n for m in self.messages for n in m.attachments if n not in names)

    def files_of(self, message: ChatMessage) -> tuple[tuple[str, bytes], ...]:
        """Return the (name, bytes) of the files ``message`` carries that the .zip holds."""
        return tuple((name, self._by_name[name]) for name in message.attachments if name in self._by_name)


def message_key(sender: str, sent_at: dt.datetime | None, text: str, occurrence: int = 1) -> str:
    """Return the stable key of a message: a hash of its sender, its time to the minute and its text.

    The minute (not the second) makes Android and iPhone exports of the same chat agree;
    ``occurrence`` (2, 3, …) tells apart identical messages sent in the same minute, so a
    second "ok" is not taken for the first one.

    >>> message_key("Made", dt.datetime(2024, 11, 27, 14, 5, 33, tzinfo=LOCAL_TZ), "halo")
    'eb7a9e963c5be41b46e02d5d7b98ef94'
    """
    return _key(sender, _minute(sent_at) if sent_at else "", text, occurrence)


def _minute(at: dt.datetime) -> str:
    return f"{at.year:04d}-{at.month:02d}-{at.day:02d} {at.hour:02d}:{at.minute:02d}"  # strftime is slower


def _key(sender: str, minute: str, text: str, occurrence: int) -> str:
    parts = [sender, minute, text] + ([str(occurrence)] if occurrence > 1 else [])
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def new_messages(messages: Iterable[ChatMessage], known_keys: Iterable[str]) -> list[ChatMessage]:
    """Return the messages whose key is not known yet, in order: a re-import adds only what is new."""
    known = set(known_keys)
    return [message for message in messages if message.key not in known]


def message_description(message: ChatMessage, *, lang: str = "id") -> str:
    """Return the message's text as a report description: whole if it fits, else cut with a note."""
    if len(message.text) <= DESCRIPTION_MAX:
        return message.text
    longest = t("whatsapp.note.cut", lang, count=formats.number(len(message.text), lang))
    room = DESCRIPTION_MAX - len(longest) - 1
    note = t("whatsapp.note.cut", lang, count=formats.number(len(message.text) - room, lang))
    return f"{message.text[:room].rstrip()}\n{note}"


def date_order_choices(ambiguity: OrderAmbiguity, *, lang: str = "id") -> dict[str, str]:
    """Return, for each date order, a label naming it and the dates it gives, for the operator to pick.

    >>> date_order_choices(OrderAmbiguity((dt.date(2024, 2, 1), dt.date(2024, 4, 3)),
    ...                              (dt.date(2024, 1, 2), dt.date(2024, 3, 4))), lang="en")["mdy"]
    'month/day/year: messages from 2 January 2024 to 4 March 2024'
    """
    months = MONTH_NAMES[lang if lang in MONTH_NAMES else "id"]

    def day(value: dt.date) -> str:
        return f"{value.day} {months[value.month - 1]} {value.year}"

    return {
        order: t(
            "whatsapp.order.choice", lang, order=t(f"whatsapp.order.{order}", lang), first=day(a), last=day(b)
        )
        for order, (a, b) in (("dmy", ambiguity.dmy), ("mdy", ambiguity.mdy))
    }


def notice_summary(result: ChatImport, *, lang: str = "id") -> str:
    """Return one sentence counting the skipped notice lines by kind, or "" when there were none."""
    counts = result.system_counts
    if not counts:
        return ""
    kinds = ", ".join(
        f"{t(f'whatsapp.system.{k}', lang)}: {formats.number(n, lang)}" for k, n in counts.items()
    )
    return t("whatsapp.system.summary", lang, count=formats.number(sum(counts.values()), lang), kinds=kinds)


def read_chat_export(
    data: bytes,
    filename: str,
    *,
    order: DateOrder | None = None,
    lang: str = "id",
    max_bytes: int = WHATSAPP_MAX_BYTES,
) -> ChatImport:
    """Read an uploaded chat export: the .txt, or the .zip (with or without media), told by its bytes.

    Raises
    ------
    DataProblem
        If the file is empty, too large, not a chat export (a table, an image renamed .txt, …), a
        damaged .zip, a .zip bomb, a .zip without one chat .txt, mixes export formats or has
        impossible dates; each names the file and the lines.
    """
    name = PurePosixPath(filename.replace("\\", "/")).name or "chat.txt"
    if not data:
        raise _problem("whatsapp.empty", "whatsapp.fix_export", lang, name=name)
    _check_size(len(data), name, lang=lang, max_bytes=max_bytes)
    files: list[tuple[str, bytes]] = []
    chat_name = _chat_name(name)
    if data.startswith(_ZIP):
        member, data, files = _open_zip(data, name, lang=lang, max_bytes=max_bytes)
        chat_name = _chat_name(member) or chat_name
        name = f"{name}/{member}"
    result = parse_chat_text(_decode(data, name, lang), order=order, lang=lang, name=name)
    result = replace(result, files=tuple(files), chat_name=chat_name)
    if files and not result.ambiguity and (missing := result.missing_files):
        count = formats.number(len(missing), lang)
        note = t("whatsapp.note.missing_files", lang, count=count, example=missing[0])
        result = replace(result, notes=(*result.notes, note))
    return result


def parse_pasted_chat(text: str, *, order: DateOrder | None = None, lang: str = "id") -> ChatImport:
    """Read pasted text: WhatsApp lines go through the chat parser, anything else is one message.

    Text without a single WhatsApp header becomes one message with no sender and no time.

    Raises
    ------
    DataProblem
        If the text is empty, or it has WhatsApp lines and :func:`parse_chat_text` refuses them.
    """
    cleaned = text.replace("\r\n", "\n").lstrip("\ufeff")
    if not cleaned.strip():
        raise _problem("whatsapp.pasted_empty", "whatsapp.pasted_empty_fix", lang)
    if any(_HEADER.match(line.lstrip(_LRM)) for line in cleaned.split("\n")):
        return parse_chat_text(cleaned, order=order, lang=lang, name=t("whatsapp.pasted", lang))
    body = cleaned.strip()
    message = ChatMessage(
        None, "", body, key=message_key("", None, body), too_long=len(body) > DESCRIPTION_MAX
    )
    return ChatImport(
        messages=(message,),
        notes=_long_notes([message], lang),
        platform="pasted",
        line_count=cleaned.rstrip("\n").count("\n") + 1,
    )


def parse_chat_text(
    text: str, *, order: DateOrder | None = None, lang: str = "id", name: str = "chat"
) -> ChatImport:
    """Read the text of a chat export into messages, notices and notes.

    Parameters
    ----------
    order
        The operator's choice of date order; ``None`` works it out: the order that makes every
        date valid and the dates non-decreasing. If both orders fit, nothing is read and the
        result's ``ambiguity`` gives the dates each would give.
    name
        The file as the operator knows it, for messages.

    Raises
    ------
    DataProblem
        If no line is a WhatsApp line, there are no messages, formats are mixed, or a time or
        date is impossible (under ``order`` when given).
    """
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not any(line.strip() for line in lines):
        raise _problem("whatsapp.empty", "whatsapp.fix_export", lang, name=name)
    headers = [(i, m) for i, line in enumerate(lines) if (m := _HEADER.match(line.lstrip(_LRM)))]
    if not headers:
        first = next(line for line in lines if line.strip())
        raise _problem("whatsapp.not_chat", "whatsapp.fix_export", lang, name=name, first=_quote(first))
    _check_styles(headers, lines, name, lang)
    clocks = _clocks(headers, lines, lang)
    choice = _choose_order(headers, lines, order, name, lang)
    ios = headers[0][1]["open"] is not None
    base = ChatImport(
        platform="ios" if ios else "android",
        clock="12h" if headers[0][1]["ampm"] else "24h",
        line_count=len(lines),
    )
    if isinstance(choice, OrderAmbiguity):
        return replace(base, ambiguity=choice)
    chosen, dates = choice
    messages, system = _read_entries(lines, headers, clocks, dates, ios)
    if not messages:
        count = formats.number(len(system), lang)
        raise _problem("whatsapp.no_messages", "whatsapp.fix_export", lang, name=name, count=count)
    unplaced = tuple(SkippedLine(i + 1, "unplaced", lines[i]) for i in range(headers[0][0]))
    notes = _long_notes(messages, lang)
    if unplaced:
        shown = _line_list([u.line for u in unplaced], lang)
        notes = (t("whatsapp.note.unplaced", lang, lines=shown, first=_quote(unplaced[0].text)), *notes)
    if omitted := sum(m.media_omitted for m in messages):
        notes = (*notes, t("whatsapp.note.media_omitted", lang, count=formats.number(omitted, lang)))
    return replace(
        base, messages=tuple(messages), system=tuple(system), unplaced=unplaced, notes=notes, order=chosen
    )


# -- the file ---------------------------------------------------------------------------------------


def _problem(what: str, fix: str, lang: str, **params: object) -> DataProblem:
    """Return a problem in ``lang``: the text of ``what`` says what was found, ``fix`` what to do."""
    return DataProblem(t(what, lang, **params), t(fix, lang))


def _check_size(size: int, name: str, *, lang: str, max_bytes: int) -> None:
    if size > max_bytes:
        size_mb, limit_mb = formats.megabytes(size, lang), formats.megabytes(max_bytes, lang)
        raise _problem(
            "whatsapp.too_big", "whatsapp.too_big_fix", lang, name=name, size_mb=size_mb, limit_mb=limit_mb
        )


def _decode(data: bytes, name: str, lang: str) -> str:
    """Return the export's text; an image, a PDF or other binary is refused, not read as garbage."""
    kind = next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), None)
    if kind is None and b"\x00" in data[:65536]:
        kind = "binary"
    if kind is None:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            kind = "encoding"
    raise _problem(
        "whatsapp.binary", "whatsapp.fix_export", lang, name=name, kind=t(f"whatsapp.kind.{kind}", lang)
    )


def _chat_name(filename: str) -> str:
    """Return the chat's name from "WhatsApp Chat with X.txt" / "Chat WhatsApp dengan X.zip", or ""."""
    found = _CHAT_FILE.fullmatch(PurePosixPath(filename).name)
    return found["name"].strip() if found else ""


def _open_zip(
    data: bytes, name: str, *, lang: str, max_bytes: int
) -> tuple[str, bytes, list[tuple[str, bytes]]]:
    """Check a .zip's declared sizes before reading anything; return the chat's name, bytes, and the files."""
    corrupt = _problem("whatsapp.corrupt_zip", "whatsapp.corrupt_zip_fix", lang, name=name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not (i.is_dir() or _HIDDEN.search(i.filename))]
    except _ZIP_ERRORS as error:
        raise corrupt from error
    _check_unpacked(infos, len(data), name, lang=lang, max_bytes=max_bytes)
    chat = _pick_chat(infos, name, lang)
    try:
        members = [(info, _read_member(archive, info)) for info in infos]
    except _ZIP_ERRORS as error:
        raise corrupt from error
    files = [(PurePosixPath(info.filename).name, content) for info, content in members if info is not chat]
    return PurePosixPath(chat.filename).name, next(c for i, c in members if i is chat), files


def _check_unpacked(
    infos: list[zipfile.ZipInfo], packed: int, name: str, *, lang: str, max_bytes: int
) -> None:
    total = sum(info.file_size for info in infos)
    size_mb, every = formats.megabytes(total, lang), t("whatsapp.zip_members", lang, count=len(infos))
    odd = [
        i.filename for i in infos if i.file_size > max(_ZIP_RATIO_MIN_SIZE, ZIP_MAX_RATIO * i.compress_size)
    ]
    if len(infos) > ZIP_MAX_MEMBERS or odd or total > max(_ZIP_RATIO_MIN_SIZE, ZIP_MAX_RATIO * packed):
        member = odd[0] if odd else every
        raise _problem(
            "whatsapp.zip_bomb", "whatsapp.zip_bomb_fix", lang, name=name, size_mb=size_mb, member=member
        )
    _check_size(total, name, lang=lang, max_bytes=max_bytes)


def _pick_chat(infos: list[zipfile.ZipInfo], name: str, lang: str) -> zipfile.ZipInfo:
    """Return the chat's member: ``_chat.txt`` (iPhone) or "WhatsApp Chat with ….txt" (Android)."""
    texts = [info for info in infos if info.filename.lower().endswith(".txt")]
    named = [
        info
        for info in texts
        if (base := PurePosixPath(info.filename).name) == "_chat.txt" or _CHAT_FILE.fullmatch(base)
    ]
    if len(named) == 1:
        return named[0]
    if not named and len(texts) == 1:
        return texts[0]
    if texts:
        members = ", ".join(PurePosixPath(info.filename).name for info in (named or texts)[:5])
        raise _problem("whatsapp.zip_many_chats", "whatsapp.zip_chat_fix", lang, name=name, members=members)
    shown = ", ".join(PurePosixPath(i.filename).name for i in infos[:5]) + (", \u2026" if infos[5:] else "")
    shown = shown or t("whatsapp.zip_no_chat_empty", lang)
    raise _problem("whatsapp.zip_no_chat", "whatsapp.zip_chat_fix", lang, name=name, members=shown)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read one member, never more than its declared size (a lying header is a damaged .zip)."""
    with archive.open(info) as source:
        content = source.read(info.file_size + 1)
    if len(content) > info.file_size:
        raise ValueError("member larger than declared")
    return content


# -- the lines --------------------------------------------------------------------------------------


def _style(found: re.Match[str]) -> tuple[object, ...]:
    """Return what one export writes the same way on every header line."""
    return found.group("open", "dsep", "comma", "tsep") + (not found["s"], not found["ampm"], len(found["y"]))


def _check_styles(headers: list[tuple[int, re.Match[str]]], lines: list[str], name: str, lang: str) -> None:
    """Refuse a file whose header lines are written in more than one export format, naming the odd lines."""
    styles = Counter(_style(found) for _, found in headers)
    if len(styles) == 1:
        return
    main = styles.most_common(1)[0][0]
    odd = [i for i, found in headers if _style(found) != main]
    usual = next(i for i, found in headers if _style(found) == main)
    main_text, other = _quote(_header_part(lines[usual])), _quote(_header_part(lines[odd[0]]))
    shown = _line_list([i + 1 for i in odd], lang)
    raise _problem(
        "whatsapp.mixed", "whatsapp.mixed_fix", lang, name=name, main=main_text, lines=shown, other=other
    )


def _header_part(line: str) -> str:
    found = _HEADER.match(line.lstrip(_LRM))
    return line.lstrip(_LRM)[: found.start("rest")].strip() if found else line


def _clocks(
    headers: list[tuple[int, re.Match[str]]], lines: list[str], lang: str
) -> list[tuple[int, int, int]]:
    """Return each header's (hour, minute, second) on a 24-hour clock; an impossible time is refused."""
    clocks: list[tuple[int, int, int]] = []
    bad: list[int] = []
    for i, found in headers:
        hour, minute, second = int(found["h"]), int(found["mi"]), int(found["s"] or 0)
        ampm = found["ampm"]
        wrong = minute > 59 or second > 59 or hour > (12 if ampm else 23) or (ampm is not None and hour == 0)
        if ampm is not None:
            hour = hour % 12 + (12 if ampm[0] in "Pp" else 0)
        if wrong:
            bad.append(i)
        clocks.append((hour, minute, second))
    if bad:
        shown, example = _line_list([i + 1 for i in bad], lang), _header_part(lines[bad[0]])
        raise _problem("whatsapp.bad_times", "whatsapp.bad_dates_fix", lang, lines=shown, example=example)
    return clocks


def _dates(headers: list[tuple[int, re.Match[str]]], order: DateOrder) -> tuple[list[dt.date | None], bool]:
    """Return each header's date under ``order`` (None if impossible) and whether they never go back."""
    seen: dict[tuple[str, str, str], dt.date | None] = {}
    dates: list[dt.date | None] = []
    for _, found in headers:
        fields = (found["a"], found["b"], found["y"])
        if fields not in seen:
            day, month = (fields[0], fields[1]) if order == "dmy" else (fields[1], fields[0])
            year = int(fields[2]) + (2000 if len(fields[2]) == 2 else 0)
            try:
                seen[fields] = dt.date(year, int(month), int(day))
            except ValueError:
                seen[fields] = None
        dates.append(seen[fields])
    valid = [d for d in dates if d is not None]
    return dates, all(a <= b for a, b in zip(valid, valid[1:], strict=False))


def _choose_order(
    headers: list[tuple[int, re.Match[str]]],
    lines: list[str],
    order: DateOrder | None,
    name: str,
    lang: str,
) -> tuple[DateOrder, list[dt.date]] | OrderAmbiguity:
    """Return the date order and the dates it gives, or the ambiguity when both orders fit."""
    readings = {o: _dates(headers, o) for o in ("dmy", "mdy")}
    impossible = {
        o: [headers[k][0] + 1 for k, d in enumerate(ds) if d is None] for o, (ds, _) in readings.items()
    }
    if order is not None:
        if bad := impossible[order]:
            fields = {"order": t(f"whatsapp.order.{order}", lang), "lines": _line_list(bad, lang)}
            fields["example"] = _header_part(lines[bad[0] - 1])
            raise _problem("whatsapp.bad_order", "whatsapp.bad_order_fix", lang, **fields)
        return order, readings[order][0]  # type: ignore[return-value]
    fitting = [o for o in ("dmy", "mdy") if not impossible[o]]
    if not fitting:
        dmy, mdy = _line_list(impossible["dmy"], lang), _line_list(impossible["mdy"], lang)
        raise _problem("whatsapp.bad_dates", "whatsapp.bad_dates_fix", lang, name=name, dmy=dmy, mdy=mdy)
    if len(fitting) == 2 and readings["dmy"][0] != readings["mdy"][0]:
        forwards = [o for o in fitting if readings[o][1]]
        if len(forwards) != 1:
            dmy, mdy = readings["dmy"][0], readings["mdy"][0]
            return OrderAmbiguity((dmy[0], dmy[-1]), (mdy[0], mdy[-1]))  # type: ignore[arg-type]
        fitting = forwards
    return fitting[0], readings[fitting[0]][0]  # type: ignore[return-value]


def _read_entries(
    lines: list[str],
    headers: list[tuple[int, re.Match[str]]],
    clocks: list[tuple[int, int, int]],
    dates: list[dt.date],
    ios: bool,
) -> tuple[list[ChatMessage], list[SkippedLine]]:
    """Group each header with the lines up to the next one; sort the groups into messages and notices."""
    messages: list[ChatMessage] = []
    system: list[SkippedLine] = []
    occurrences: Counter[tuple[str, str, str]] = Counter()
    ends = [i for i, _ in headers[1:]] + [len(lines)]
    for (start, found), (hour, minute, second), day, end in zip(headers, clocks, dates, ends, strict=True):
        more = lines[start + 1 : end]
        kind, sender, first = _classify(found["rest"], ios)
        if kind is not None:
            system.append(SkippedLine(start + 1, kind, "\n".join([found["rest"], *more])))
            continue
        body, attachments, omitted, edited = _body(first, more)
        sent_at = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=LOCAL_TZ)
        sender = sender.translate(_INVISIBLE)
        same = (sender, _minute(sent_at), body)
        occurrences[same] += 1
        messages.append(
            ChatMessage(
                sent_at=sent_at,
                sender=sender,
                text=body,
                attachments=attachments,
                line=start + 1,
                key=_key(*same, occurrences[same]),
                media_omitted=omitted,
                edited=edited,
                too_long=len(body) > DESCRIPTION_MAX,
            )
        )
    return messages, system


def _classify(rest: str, ios: bool) -> tuple[str | None, str, str]:
    """Return (notice kind or None, sender, first line of the text) of what follows a header."""
    if not ios and (found := _SYSTEM.fullmatch(rest)):
        return _KIND.get(found.lastgroup, found.lastgroup), "", rest
    sender, colon, text = rest.partition(": ")
    if not colon:
        if rest.endswith(":") and not ios:
            return None, rest[:-1], ""
        return "notice", "", rest
    plain = text.lstrip(_LRM)  # an iPhone marks its notices so; unmarked, a typed "Ketut left" is a message
    pattern = _SYSTEM if ios and plain != text else _PLAIN_SYSTEM
    if found := pattern.fullmatch(plain):
        return _KIND.get(found.lastgroup, found.lastgroup), sender, text
    return None, sender, text


def _body(first: str, more: list[str]) -> tuple[str, tuple[str, ...], bool, bool]:
    """Return a message's text, its attachment names, and whether media was omitted or it was edited."""
    lines = [first, *more]
    head = first.lstrip(_LRM)
    attachments: tuple[str, ...] = ()
    omitted = False
    marked = head.endswith((">", ")", " omitted", " disertakan"))  # a cheap test before the patterns
    if marked and (found := _ATTACHED.fullmatch(head)):
        attachments = ((found["ios"] or found["android"]).strip(_LRM).strip(),)
        lines = lines[1:]
    elif marked and _OMITTED.fullmatch(head):
        omitted = True
        lines = lines[1:]
    edited = bool(lines) and lines[-1].endswith(">") and bool(_EDITED.search(lines[-1]))
    if edited:
        lines[-1] = _EDITED.sub("", lines[-1])
    return "\n".join(lines), attachments, omitted, edited


def _long_notes(messages: Iterable[ChatMessage], lang: str) -> tuple[str, ...]:
    return tuple(
        t(
            "whatsapp.note.too_long",
            lang,
            line=m.line,
            sender=m.sender or "\u2014",
            length=formats.number(len(m.text), lang),
            limit=formats.number(DESCRIPTION_MAX, lang),
        )
        for m in messages
        if m.too_long
    )


def _line_list(numbers: list[int], lang: str) -> str:
    """Return line numbers to quote: the first five, then how many more."""
    shown = ", ".join(str(n) for n in numbers[:5]) or "\u2014"
    if len(numbers) > 5:
        return t("whatsapp.more_lines", lang, lines=shown, count=formats.number(len(numbers) - 5, lang))
    return shown


def _quote(text: str) -> str:
    """Return ``text`` short enough to quote in a message."""
    text = text.strip().translate(_INVISIBLE)
    return text if len(text) <= 60 else text[:57] + "\u2026"
