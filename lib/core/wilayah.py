"""Bali's kecamatan and desa/kelurahan by Kemendagri code (data/wilayah.csv): names, matches, BPS codes.

The list is bundled with the app: 57 kecamatan and 716 desa/kelurahan, each with its Kemendagri
code and name and its BPS code and name (sources in data/SOURCES.md). It lets an event sheet's
"Kecamatan" or "Desa" column place an event finer than its regency, and gives names to
boundary files that carry only codes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import PROVINCE, fold, level_of, normalise_code, regency_of
from lib.core.settings import BUNDLED_DATA

WILAYAH_FILE = BUNDLED_DATA / "wilayah.csv"
WILAYAH_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "kind",
    "kecamatan_code",
    "regency_code",
    "bps_code",
    "bps_name",
    "source",
)
PLACE_KINDS: tuple[str, ...] = ("kecamatan", "desa", "kelurahan")
PLACE_LEVELS: tuple[str, ...] = ("kecamatan", "desa")
"""Levels a name is matched at: ``desa`` covers desa and kelurahan."""
BPS_SHARE = 0.8
"""Share of a code column's filled values that must be BPS codes of the list to read it as BPS codes."""
SUGGESTIONS = 3

_ROMAN = re.compile(r"^X{0,3}(?:IX|IV|V?I{0,3})$")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def title_case(text: str) -> str:
    """Return a name written in capitals in title case; a name in mixed case is returned as it is.

    Words after a hyphen or slash start with a capital, letters after an apostrophe do not,
    and roman numerals stay in capitals.

    Examples
    --------
    >>> title_case("KOTA DENPASAR"), title_case("KABA-KABA"), title_case("BELOK/SIDAN")
    ('Kota Denpasar', 'Kaba-Kaba', 'Belok/Sidan')
    >>> title_case("DAUH PURI KAJA II"), title_case("JUMA'AT"), title_case("Nusa Penida")
    ('Dauh Puri Kaja II', "Juma'at", 'Nusa Penida')
    """
    if text != text.upper() or not any(c.isalpha() for c in text):
        return text

    def word(found: re.Match[str]) -> str:
        value = found.group(0)
        if len(value) > 1 and _ROMAN.match(value):
            return value
        return value[0] + value[1:].lower()

    return _WORD.sub(word, text)


def region_at_level(code: str, level: str) -> str | None:
    """Return the region at ``level`` that ``code`` lies in, or None when ``code`` is wider.

    >>> region_at_level("51.08.02.2001", "kecamatan"), region_at_level("51.08.02", "kabupaten")
    ('51.08.02', '51.08')
    >>> region_at_level("51.08", "kecamatan") is None
    True
    """
    depth = {"provinsi": 1, "kabupaten": 2, "kecamatan": 3, "desa": 4}[level]
    parts = str(code).split(".")
    return ".".join(parts[:depth]) if len(parts) >= depth else None


@dataclass(frozen=True)
class Place:
    """One kecamatan, desa or kelurahan of the list."""

    code: str
    """Kemendagri code: "51.08.02" (kecamatan) or "51.08.02.2001" (desa/kelurahan)."""
    name: str
    kind: str
    """One of :data:`PLACE_KINDS`."""
    kecamatan_code: str
    """The kecamatan of a desa/kelurahan; "" for a kecamatan."""
    regency_code: str
    bps_code: str
    """BPS 2020 code: 7 digits for a kecamatan, 10 for a desa/kelurahan."""
    bps_name: str

    @property
    def level(self) -> str:
        """Return ``kecamatan`` or ``desa`` (a kelurahan is at the desa level)."""
        return level_of(self.code)


@dataclass(frozen=True)
class PlaceMatch:
    """What a kecamatan or desa name written in a file is, within the area it was looked for in."""

    text: str
    """The name as written."""
    code: str | None = None
    """The one place of that name there, None when there is none or more than one."""
    suggestions: tuple[str, ...] = ()
    """Names there closest to ``text``, when no place there has that name."""
    elsewhere: tuple[str, ...] = ()
    """Codes of places of that name outside the area (another regency or kecamatan)."""
    ambiguous: tuple[str, ...] = ()
    """Codes of the places sharing that name there (Tabanan has two desa Baturiti)."""


@dataclass(frozen=True)
class Placement:
    """Where an event lies once the kecamatan and desa names written for it are read."""

    code: str
    """The finest region found: the desa, else the kecamatan, else the region given."""
    misses: tuple[tuple[str, PlaceMatch, str | None], ...] = ()
    """(level, match, area looked in: a code, None for Bali) of each name not found there."""


@dataclass(frozen=True)
class Wilayah:
    """The list of kecamatan and desa/kelurahan, looked up by code, BPS code and folded name.

    Build it with :func:`read_wilayah`, or take the bundled one from :func:`bundled_wilayah`.
    """

    places: Mapping[str, Place]
    """Places by Kemendagri code."""
    by_bps: Mapping[str, str]
    """Kemendagri code by BPS code."""
    by_name: Mapping[str, tuple[str, ...]]
    """Codes by folded name (:func:`lib.core.regions.fold` of the Kemendagri and the BPS name)."""

    def name(self, code: str) -> str | None:
        """Return the Kemendagri name of ``code``, None when the list has no such place."""
        place = self.places.get(code)
        return None if place is None else place.name

    def within(self, area: str | None, level: str) -> list[Place]:
        """Return the places at ``level`` inside ``area`` (a regency or kecamatan; None or "51": Bali)."""
        inside = area not in (None, "", PROVINCE)
        return [
            p
            for p in self.places.values()
            if p.level == level and (not inside or p.code.startswith(f"{area}."))
        ]

    def match(self, text: str, *, level: str, area: str | None) -> PlaceMatch:
        """Return which place at ``level`` inside ``area`` the name or code ``text`` means.

        Case, spaces, punctuation and a leading "Kec."/"Desa"/"Kel." do not matter
        ("KEC. SERIRIT", "seririt"); the BPS spelling is known too ("Nusapenida").

        Examples
        --------
        >>> places = bundled_wilayah()
        >>> places.match("KEC.  SERIRIT", level="kecamatan", area="51.08").code
        '51.08.02'
        >>> places.match("Serirt", level="kecamatan", area="51.08").suggestions[0]
        'Seririt'
        >>> places.match("Ubud", level="kecamatan", area="51.08").elsewhere
        ('51.04.05',)
        """
        inside = area not in (None, "", PROVINCE)

        def is_inside(code: str) -> bool:
            return not inside or code.startswith(f"{area}.")

        code = normalise_code(text)
        if code is not None:
            known = code in self.places and level_of(code) == level
            if known and is_inside(code):
                return PlaceMatch(text, code=code)
            return PlaceMatch(text, elsewhere=(code,) if known else ())
        named = [c for c in self.by_name.get(fold(text), ()) if level_of(c) == level]
        here = [c for c in named if is_inside(c)]
        if len(here) == 1:
            return PlaceMatch(text, code=here[0])
        if here:
            return PlaceMatch(text, ambiguous=tuple(here))
        return PlaceMatch(
            text, suggestions=self.suggest(text, level=level, area=area), elsewhere=tuple(named)
        )

    def suggest(
        self, text: str, *, level: str, area: str | None, limit: int = SUGGESTIONS
    ) -> tuple[str, ...]:
        """Return up to ``limit`` names of places at ``level`` inside ``area`` closest to ``text``.

        rapidfuzz's ratio (the edit-distance similarity, 0-100) ranks them; a name below 60 is
        too far to suggest ("Serirt" -> Seririt, "Sukasda" -> Sukasada).
        """
        names: dict[str, str] = {}
        for place in self.within(area, level):
            names.setdefault(fold(place.name), place.name)
        close = process.extract(fold(text), list(names), scorer=fuzz.ratio, limit=limit, score_cutoff=60)
        return tuple(names[key] for key, _, _ in close)

    def place(
        self,
        region: str,
        texts: Mapping[str, str | None],
        *,
        memo: dict[tuple[str, str, str | None], PlaceMatch] | None = None,
    ) -> Placement:
        """Return where an event of ``region`` lies, given its kecamatan and desa names.

        Parameters
        ----------
        region
            The event's region code, as its regency column gave it ("51.08"; "51" for Bali).
        texts
            Names (or codes) by level (:data:`PLACE_LEVELS`); None where the sheet has none.
        memo
            Matches made so far, by (text, level, area): one file's rows repeat the same names.
            Filled in; nothing else is changed.

        A kecamatan is looked for in the regency of ``region`` (in all of Bali for a
        province-wide event), a desa in the kecamatan found, else in the regency. The result
        is never wider than ``region``.

        Examples
        --------
        >>> places = bundled_wilayah()
        >>> places.place("51.08", {"kecamatan": "Seririt", "desa": "Pangkung Paruk"}).code
        '51.08.02.2018'
        >>> missed = places.place("51.08", {"kecamatan": "Serirt"})
        >>> missed.code, missed.misses[0][1].suggestions
        ('51.08', ('Seririt',))
        """
        memo = {} if memo is None else memo
        area = regency_of(region)
        misses: list[tuple[str, PlaceMatch, str | None]] = []
        for level in PLACE_LEVELS:
            text = texts.get(level)
            if text is None:
                continue
            key = (text, level, area)
            if key not in memo:
                memo[key] = self.match(text, level=level, area=area)
            found = memo[key]
            if found.code is None:
                misses.append((level, found, area))
            else:
                area = found.code
        finer = area is not None and area.count(".") > region.count(".")
        return Placement(code=area if finer and area is not None else region, misses=tuple(misses))

    def note(
        self,
        found: PlaceMatch,
        *,
        row: int,
        column: str,
        area: str | None,
        kept: str,
        regency_names: Mapping[str, str],
        lang: str,
    ) -> str:
        """Return the import note on a name not found in ``area``: where it is instead, or what is close.

        Examples
        --------
        >>> places = bundled_wilayah()
        >>> found = places.match("Ubud", level="kecamatan", area="51.08")
        >>> where = {"row": 5, "column": "Kecamatan", "area": "51.08", "kept": "51.08"}
        >>> names = {"51.08": "Buleleng", "51.04": "Gianyar"}
        >>> note = places.note(found, **where, regency_names=names, lang="id")
        >>> print(note)  # doctest: +NORMALIZE_WHITESPACE
        Baris 5, kolom Kecamatan: ‘Ubud’ bukan di Buleleng, melainkan di Ubud (Gianyar).
        Baris disimpan di tingkat kabupaten.
        """
        level = "provinsi" if kept == PROVINCE else level_of(kept)
        fields = {
            "row": row,
            "column": column,
            "text": found.text,
            "area": self.label(area, regency_names, lang=lang, brackets=False),
            "kept": t(f"wilayah.note.kept.{level}", lang),
        }
        if found.ambiguous or found.elsewhere:
            key = "wilayah.note.ambiguous" if found.ambiguous else "wilayah.note.elsewhere"
            codes = found.ambiguous or found.elsewhere
            labels = ", ".join(self.label(c, regency_names, lang=lang) for c in codes)
            return t(key, lang, places=labels, **fields)
        names = ", ".join(found.suggestions)
        hint = t("wilayah.note.maybe", lang, names=names) if names else ""
        return t("wilayah.note.unknown", lang, hint=hint, **fields)

    def label(
        self, code: str | None, regency_names: Mapping[str, str], *, lang: str, brackets: bool = True
    ) -> str:
        """Return a region with the areas it lies in: "Ubud (Gianyar)", "Baturiti (Kerambitan, Tabanan)".

        Without ``brackets`` the areas follow after commas ("Seririt, Buleleng"); None and the
        province are "Bali".
        """
        if code is None or code == PROVINCE:
            return t("wilayah.note.bali", lang)
        regency = regency_of(code) or code
        regency_name = regency_names.get(regency, regency)
        place = self.places.get(code)
        if code == regency or place is None:
            return regency_name if code == regency else code
        outer = [regency_name]
        if place.kecamatan_code:
            outer.insert(0, self.name(place.kecamatan_code) or place.kecamatan_code)
        return f"{place.name} ({', '.join(outer)})" if brackets else ", ".join([place.name, *outer])

    def from_bps(self, texts: Sequence[str | None]) -> list[str | None] | None:
        """Return the Kemendagri codes of a column of BPS codes, or None when it is not one.

        A column is read as BPS codes ("5108020001", "5108020") when at least
        :data:`BPS_SHARE` of its filled values are BPS codes of the list and more of them are
        BPS codes than Kemendagri codes (a few codes are valid in both numberings).

        >>> bundled_wilayah().from_bps(["5108020001", None])
        ['51.08.02.2001', None]
        >>> bundled_wilayah().from_bps(["5108022001"]) is None
        True
        """
        cleaned = [None if text is None else re.sub(r"\s", "", str(text)) or None for text in texts]
        filled = [text for text in cleaned if text is not None]
        if not filled:
            return None
        bps = sum(text in self.by_bps for text in filled)
        kemendagri = sum(normalise_code(text) in self.places for text in filled)
        if bps < BPS_SHARE * len(filled) or bps <= kemendagri:
            return None
        return [None if text is None else self.by_bps.get(text) for text in cleaned]


def read_wilayah(path: Path = WILAYAH_FILE, *, lang: str = "id") -> Wilayah:
    """Read the list of kecamatan and desa/kelurahan (:data:`WILAYAH_COLUMNS`).

    Raises
    ------
    DataProblem
        If the file is missing or lacks a column.
    """
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError) as error:
        raise DataProblem(
            t("wilayah.unreadable", lang, file=str(path)), t("wilayah.unreadable_fix", lang)
        ) from error
    missing = [c for c in WILAYAH_COLUMNS if c not in frame.columns]
    if missing:
        raise DataProblem(
            t("wilayah.columns", lang, file=str(path), columns=", ".join(missing)),
            t("wilayah.unreadable_fix", lang),
        )
    places: dict[str, Place] = {}
    by_bps: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}
    for record in frame[list(WILAYAH_COLUMNS[:-1])].to_dict("records"):
        place = Place(**{k: str(v) for k, v in record.items()})
        places[place.code] = place
        if place.bps_code:
            by_bps[place.bps_code] = place.code
        for key in {fold(place.name), fold(place.bps_name)} - {""}:
            by_name.setdefault(key, []).append(place.code)
    return Wilayah(
        places=places, by_bps=by_bps, by_name={key: tuple(codes) for key, codes in by_name.items()}
    )


@functools.cache
def bundled_wilayah() -> Wilayah:
    """Return the bundled list, read once per process (it never changes while the app runs)."""
    return read_wilayah(WILAYAH_FILE)
