"""Triage of incoming messages: where and what they may be about, how long they wait, what an import did.

Pure functions, no store: place names in a message matched against the bundled regions (Bali's
common spellings and abbreviations included), a category from keywords, the counts by age, the
sentence an import ends with, and the report a set of messages pre-fills. Every match is a
*suggestion* the operator accepts or not; nothing here decides.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rapidfuzz import fuzz, process

from lib.core import formats
from lib.core.clock import LOCAL_TZ
from lib.core.i18n import t
from lib.core.regions import PROVINCE, fold, regency_of
from lib.core.vocab import CATEGORIES
from lib.core.wilayah import Wilayah
from lib.posko.intake import TITLE_MAX
from lib.posko.whatsapp import ChatMessage, message_description

AGE_BUCKETS: tuple[str, ...] = ("hour", "day", "older")
"""How long an untriaged item has waited: under an hour, under a day, longer."""
AGE_LIMITS: dict[str, dt.timedelta] = {"hour": dt.timedelta(hours=1), "day": dt.timedelta(hours=24)}
PLACE_LEVELS: tuple[str, ...] = ("kabupaten", "kecamatan", "desa")

REGENCY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "51.01": ("Jbr",),
    "51.02": ("Tbn",),
    "51.03": ("Kuta",),
    "51.04": ("Gny",),
    "51.05": ("Klk",),
    "51.07": ("Karang Asem", "Kr.asem", "Krgasem"),
    "51.08": ("Bll",),
    "51.71": ("Dps",),
}
"""How messages write the regencies besides their names and seats (the ``capital`` column of
data/regions.csv: Negara, Mangupura, Semarapura, Amlapura, Singaraja…): the abbreviations and
spellings the Posko listed in issue 15 ("Kab. Bll", "Dps", "Klk", "Kr.asem", "Tbn", "Gny") and
"Kuta" for Badung, the BPS spelling "Karang Asem"."""
_EVERYDAY = frozenset(
    {"abang", "banjar", "kota", "kubu", "manggis", "marga", "negara", "petang", "rendang", "selat", "susut"}
)
"""Place names that are everyday words ("kubu paslon", "petang ini", "aparat negara"): matched only
when written with a capital or after a kind word ("Kec. Kubu")."""
_MARKERS = {
    "kab": "kabupaten",
    "kabupaten": "kabupaten",
    "kota": "kabupaten",
    "kodya": "kabupaten",
    "kec": "kecamatan",
    "kecamatan": "kecamatan",
    "desa": "desa",
    "ds": "desa",
    "kel": "desa",
    "kelurahan": "desa",
}
_KINDS = set(_MARKERS)
_FUZZY_MIN = 88
"""rapidfuzz ratio (0-100) a misspelt regency or kecamatan name needs ("Buleleg", "Serirt")."""
_WORDS = re.compile(r"[A-Za-z0-9]+")

CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "riot": (
        "rusuh",
        "kerusuhan",
        "amuk",
        "mengamuk",
        "anarkis",
        "anarki",
        "dibakar",
        "pembakaran",
        "penjarahan",
        "riot",
    ),
    "clash": (
        "bentrok",
        "bentrokan",
        "tawuran",
        "keributan",
        "ribut",
        "saling dorong",
        "adu fisik",
        "perkelahian",
        "berkelahi",
        "clash",
        "brawl",
    ),
    "violence": (
        "pukul",
        "dipukul",
        "memukul",
        "penganiayaan",
        "dianiaya",
        "kekerasan",
        "terluka",
        "luka",
        "ditusuk",
        "dibacok",
        "dikeroyok",
        "pengeroyokan",
        "tewas",
        "violence",
        "injured",
        "beaten",
    ),
    "intimidation": (
        "intimidasi",
        "ancam",
        "ancaman",
        "diancam",
        "mengancam",
        "teror",
        "diteror",
        "ditekan",
        "dipaksa",
        "intimidation",
        "threat",
        "threatened",
    ),
    "money_politics": (
        "politik uang",
        "serangan fajar",
        "bagi uang",
        "bagi-bagi uang",
        "amplop",
        "sembako",
        "money politic",
        "money politics",
        "vote buying",
    ),
    "asn_neutrality": (
        "asn",
        "pns",
        "netralitas",
        "tidak netral",
        "perbekel",
        "kades",
        "kepala desa",
        "lurah",
        "camat",
        "pegawai negeri",
        "civil servant",
    ),
    "hoax": (
        "hoaks",
        "hoax",
        "fitnah",
        "berita bohong",
        "kabar bohong",
        "disinformasi",
        "misinformasi",
        "fake news",
    ),
    "logistics": (
        "logistik",
        "surat suara",
        "kotak suara",
        "bilik suara",
        "tinta",
        "formulir",
        "c hasil",
        "distribusi",
        "ballot",
        "ballots",
    ),
    "dispute": (
        "sengketa",
        "gugatan",
        "menggugat",
        "keberatan",
        "hitung ulang",
        "pemungutan suara ulang",
        "psu",
        "mahkamah konstitusi",
        "dispute",
    ),
}
"""Words that suggest a category (lib.core.vocab.CATEGORIES), Indonesian first, a few English."""
_CATEGORY_PATTERNS = {
    category: re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words) + r")(?![\w])",
        re.IGNORECASE,
    )
    for category, words in CATEGORY_WORDS.items()
}


# -- places -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceSuggestion:
    """A region a message may be about: its code, level, and the words that named it."""

    code: str
    level: str
    """One of :data:`PLACE_LEVELS`."""
    matched: str
    """The words as written in the message ("Kab. Bll", "Serirt")."""
    close: bool = False
    """True when the words are only close to the name (a misspelling), not the name itself."""


@dataclass(frozen=True)
class PlaceFinder:
    """Regency, kecamatan and desa names by folded spelling, for finding places in a message.

    Build it with :func:`place_finder` once (it holds Bali's 773 kecamatan and desa).
    """

    names: Mapping[str, tuple[tuple[str, str], ...]]
    """(code, level) by folded name or spelling."""
    fuzzy: tuple[str, ...]
    """Folded one-word regency and kecamatan names, for misspellings."""

    def find(self, text: str) -> tuple[PlaceSuggestion, ...]:
        """Return the places ``text`` names: regencies, then kecamatan, then desa, in order of mention.

        A name also found at a finer level means the widest ("Buleleng" is the regency unless
        written "Kec. Buleleng"); a kecamatan or desa suggests its regency too. One-word desa names
        count only after "Desa"/"Kel." or inside a regency or kecamatan the text names.

        Examples
        --------
        >>> from lib.core.wilayah import bundled_wilayah
        >>> finder = place_finder([{"code": "51.08", "name": "Buleleng", "capital": "Singaraja"}],
        ...                       bundled_wilayah())
        >>> [(s.code, s.matched) for s in finder.find("Massa kumpul di Kab. Bll, kec Seririt")]
        [('51.08', 'Bll'), ('51.08.02', 'Seririt')]
        """
        words = [(m.group(0), m.start(), m.end()) for m in _WORDS.finditer(_ascii(text))]
        found: list[tuple[int, PlaceSuggestion]] = []
        loose: list[tuple[int, tuple[str, ...], str]] = []  # one-word desa names without "Desa"
        used: set[int] = set()
        for size in (4, 3, 2, 1):
            for start in range(len(words) - size + 1):
                span = set(range(start, start + size))
                if span & used or (
                    size > 1 and {words[start][0].lower(), words[start + size - 1][0].lower()} & _KINDS
                ):
                    continue
                hit = self._exact(text, words, start, size)
                if isinstance(hit, PlaceSuggestion):
                    used |= span
                    found.append((words[start][1], hit))
                elif hit:
                    used |= span
                    loose.append((words[start][1], hit, text[words[start][1] : words[start][2]]))
        self._close(text, words, used, found)
        areas = [s.code for _, s in found]
        for position, codes, matched in loose:
            inside = [c for c in codes if any(c.startswith(f"{area}.") for area in areas)]
            if len(inside) == 1:
                found.append((position, PlaceSuggestion(inside[0], "desa", matched)))
        return _ordered(found)

    def _exact(
        self, text: str, words: Sequence[tuple[str, int, int]], start: int, size: int
    ) -> PlaceSuggestion | tuple[str, ...] | None:
        """Return the place the words at ``start`` name, the codes of a one-word desa, or None."""
        part = words[start : start + size]
        key = fold(" ".join(w for w, _, _ in part))
        candidates = self.names.get(key)
        if not candidates:
            return None
        marker = _MARKERS.get(words[start - 1][0].lower()) if start else None
        if size == 1 and key in _EVERYDAY and not (marker or part[0][0][:1].isupper()):
            return None
        levels = [level for level in PLACE_LEVELS if any(lv == level for _, lv in candidates)]
        level = marker if marker in levels else levels[0]
        codes = tuple(code for code, lv in candidates if lv == level)
        if level == "desa" and size == 1 and marker != "desa":
            return codes  # kept only inside a regency or kecamatan the text names
        if len(codes) != 1:
            return None
        return PlaceSuggestion(codes[0], level, text[part[0][1] : part[-1][2]])

    def _close(
        self,
        text: str,
        words: Sequence[tuple[str, int, int]],
        used: set[int],
        found: list[tuple[int, PlaceSuggestion]],
    ) -> None:
        for position, (word, begin, end) in enumerate(words):
            if position in used or len(word) < 6 or not word.isalpha():
                continue
            close = process.extractOne(word.lower(), self.fuzzy, scorer=fuzz.ratio, score_cutoff=_FUZZY_MIN)
            if close is None:
                continue
            candidates = self.names[close[0]]
            level = next(level for level in PLACE_LEVELS if any(lv == level for _, lv in candidates))
            codes = [code for code, lv in candidates if lv == level]
            if len(codes) == 1:
                found.append((begin, PlaceSuggestion(codes[0], level, text[begin:end], close=True)))


def _ascii(text: str) -> str:
    """Return ``text`` with accents removed letter by letter, so positions stay those of ``text``."""
    return "".join(
        (unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode() or " ")[:1] for c in text
    )


def _ordered(found: Iterable[tuple[int, PlaceSuggestion]]) -> tuple[PlaceSuggestion, ...]:
    """Return one suggestion per code, the regencies of finer places added, widest level first."""
    chosen: dict[str, tuple[int, PlaceSuggestion]] = {}
    found = sorted(found, key=lambda f: f[0])
    for position, suggestion in found:
        if suggestion.code not in chosen:
            chosen[suggestion.code] = (position, suggestion)
    for position, suggestion in found:
        regency = regency_of(suggestion.code)
        if regency and regency != PROVINCE and regency not in chosen:
            chosen[regency] = (
                position,
                PlaceSuggestion(regency, "kabupaten", suggestion.matched, suggestion.close),
            )
    ranked = sorted(chosen.values(), key=lambda f: (PLACE_LEVELS.index(f[1].level), f[0]))
    return tuple(suggestion for _, suggestion in ranked)


def place_finder(regencies: Iterable[Mapping[str, Any]], places: Wilayah) -> PlaceFinder:
    """Build a :class:`PlaceFinder` from regency rows (code, name, capital) and the kecamatan/desa list."""
    names: dict[str, list[tuple[str, str]]] = {}

    def add(spelling: object, code: str, level: str) -> None:
        key = fold(str(spelling or ""))
        if key and (code, level) not in names.setdefault(key, []):
            names[key].append((code, level))

    rows = [row for row in regencies if str(row["code"]).count(".") == 1]
    for row in rows:
        add(row.get("name"), str(row["code"]), "kabupaten")
    for place in places.places.values():
        for spelling in (place.name, place.bps_name):
            add(spelling, place.code, place.level)
    for row in rows:  # a seat or spelling that is a kecamatan's name ("Negara", "Kuta") means the kecamatan
        code = str(row["code"])
        for spelling in (row.get("capital"), *REGENCY_SPELLINGS.get(code, ())):
            if not any(level == "kecamatan" for _, level in names.get(fold(str(spelling or "")), ())):
                add(spelling, code, "kabupaten")
    fuzzy = tuple(
        sorted(
            key
            for key, found in names.items()
            if len(key) >= 6 and key not in _EVERYDAY and any(lv != "desa" for _, lv in found)
        )
    )
    return PlaceFinder(names={key: tuple(found) for key, found in names.items()}, fuzzy=fuzzy)


# -- categories ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategorySuggestion:
    """A category a message may be about, with the words of it that suggest so."""

    category: str
    words: tuple[str, ...]


def suggest_categories(text: str, *, limit: int = 2) -> tuple[CategorySuggestion, ...]:
    """Return up to ``limit`` categories whose words ``text`` uses, most words first.

    >>> [s.category for s in suggest_categories("Bentrok dua kubu, satu orang dipukul dan terluka")]
    ['violence', 'clash']
    >>> suggest_categories("Selamat pagi")
    ()
    """
    found = []
    for category, pattern in _CATEGORY_PATTERNS.items():
        words = tuple(dict.fromkeys(m.group(0).lower() for m in pattern.finditer(text)))
        if words:
            found.append(CategorySuggestion(category, words))
    found.sort(key=lambda s: (-len(s.words), CATEGORIES.index(s.category)))
    return tuple(found[:limit])


# -- ages, imports, the report ------------------------------------------------------------------------


def age_bounds(now: dt.datetime) -> tuple[dt.datetime, ...]:
    """Return the moments an hour and a day before ``now``: an item at or after one is younger."""
    return tuple(now - AGE_LIMITS[bucket] for bucket in AGE_BUCKETS[:-1])


def age_bucket(at: dt.datetime, now: dt.datetime) -> str:
    """Return how long an item sent at ``at`` has waited, as one of :data:`AGE_BUCKETS`.

    >>> now = dt.datetime(2024, 11, 27, 12, 0, tzinfo=dt.UTC)
    >>> [age_bucket(now - dt.timedelta(minutes=m), now) for m in (59, 60 * 23, 60 * 24)]
    ['hour', 'day', 'older']
    """
    for bucket, bound in zip(AGE_BUCKETS, age_bounds(now), strict=False):
        if at > bound:
            return bucket
    return AGE_BUCKETS[-1]


def age_counts(total: int, within: Sequence[int]) -> dict[str, int]:
    """Return the items per age bucket from the total and the counts at or after each bound.

    >>> age_counts(10, [2, 5])
    {'hour': 2, 'day': 3, 'older': 5}
    """
    hour, day = within
    return {"hour": hour, "day": day - hour, "older": total - day}


def import_summary(new: int, known: int, *, lang: str = "id") -> str:
    """Return what an import did: "3 baru, 5 sudah ada".

    >>> import_summary(3, 5), import_summary(1200, 0, lang="en")
    ('3 baru, 5 sudah ada', '1,200 new, 0 already there')
    """
    return t("triage.summary", lang, new=formats.number(new, lang), known=formats.number(known, lang))


def mask_phone(sender: str) -> str:
    """Return a sender with the middle digits of a phone number hidden; a name is returned as it is.

    >>> mask_phone("+62 812-3456-7890"), mask_phone("Made Posko")
    ('+62 812-\u2022\u2022\u2022\u2022-7890', 'Made Posko')
    """
    digits = [i for i, c in enumerate(sender) if c.isdigit()]
    if len(digits) < 8 or any(c.isalpha() for c in sender):
        return sender
    hidden = set(digits[5:-4])
    return "".join("\u2022" if i in hidden else c for i, c in enumerate(sender))


def _when(at: dt.datetime) -> str:
    return at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")


@dataclass(frozen=True)
class Prefill:
    """What a report made from messages starts with; the operator completes and checks the rest."""

    received_at: dt.datetime
    """The first message's time, Bali time without tzinfo (as the form's widgets hold it)."""
    title: str
    description: str
    classification: str


def report_prefill(items: Sequence[Mapping[str, Any]], *, lang: str = "id") -> Prefill:
    """Return the report a set of queue items pre-fills: earliest time, first line, all texts, highest level.

    Each message is written with its time and sender (phone numbers masked, since a report
    travels further than the chat), oldest first; a description longer than a report holds is cut
    with a note (:func:`lib.posko.whatsapp.message_description`).
    """
    if not items:
        raise ValueError("no items to make a report of.")
    ordered = sorted(items, key=lambda i: (i["at"], int(i["id"])))
    parts = []
    for item in ordered:
        sender = mask_phone(str(item["sender"] or ""))
        head = f"[{_when(item['at'])}]" + (f" {sender}" if sender else "")
        names = [a["name"] for a in item["attachments"]]
        files = f" ({t('triage.prefill.files', lang, names=', '.join(names))})" if names else ""
        parts.append(f"{head}{files}: {item['text']}".rstrip(": "))
    joined = "\n\n".join(parts)
    description = message_description(ChatMessage(None, "", joined), lang=lang)
    first = next((line.strip() for i in ordered for line in str(i["text"]).split("\n") if line.strip()), "")
    title = first if len(first) <= TITLE_MAX else first[: TITLE_MAX - 1].rstrip() + "\u2026"
    levels = ("TERBUKA", "TERBATAS", "RAHASIA")
    classification = max((str(i["classification"]) for i in ordered), key=levels.index)
    first_at = ordered[0]["at"]
    first_at = first_at.to_pydatetime() if hasattr(first_at, "to_pydatetime") else first_at
    received = first_at.astimezone(LOCAL_TZ).replace(second=0, microsecond=0, tzinfo=None)
    return Prefill(received, title or t("triage.prefill.title", lang), description, classification)


def queue_display(items: pd.DataFrame, *, now: dt.datetime, lang: str = "id") -> pd.DataFrame:
    """Return the queue as the page shows it: age, time, sender, the message's start, files, source, level."""
    texts = [" ".join(str(text).split()) for text in items["text"]]
    return pd.DataFrame(
        {
            t("triage.col.age", lang): [t(f"triage.age.{age_bucket(at, now)}", lang) for at in items["at"]],
            t("triage.col.time", lang): [_when(at) for at in items["at"]],
            t("triage.col.sender", lang): [str(s or "\u2014") for s in items["sender"]],
            t("triage.col.text", lang): [x if len(x) <= 140 else x[:139] + "\u2026" for x in texts],
            t("triage.col.files", lang): [
                ", ".join(a["name"] for a in files) for files in items["attachments"]
            ],
            t("triage.col.source", lang): list(items["source"]),
            t("triage.col.level", lang): list(items["classification"]),
        }
    ).astype("string")


def item_label(item: Mapping[str, Any]) -> str:
    """Return one item as a choice names it: "#12 · 27/11/2024 14:05 · Made: Ada kerumunan di …"."""
    text = " ".join(str(item["text"]).split()) or "\u2014"
    text = text if len(text) <= 60 else text[:59] + "\u2026"
    sender = str(item["sender"] or "")
    return f"#{item['id']} \u00b7 {_when(item['at'])} \u00b7 " + (f"{sender}: {text}" if sender else text)
