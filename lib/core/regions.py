"""Canonical regions: Kemendagri codes, and names as people type them ("KAB. BULELENG" -> 51.08)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lib.core.i18n import t
from lib.core.problems import DataProblem

PROVINCE = "51"
REGENCY_CODES: tuple[str, ...] = (
    "51.01",
    "51.02",
    "51.03",
    "51.04",
    "51.05",
    "51.06",
    "51.07",
    "51.08",
    "51.71",
)

# Words that say what kind of region a name is, not which one.
_PREFIXES = (
    "kabupaten",
    "kab",
    "kota",
    "kodya",
    "kotamadya",
    "provinsi",
    "prov",
    "propinsi",
    "kecamatan",
    "kec",
    "desa",
    "kelurahan",
    "kel",
    "regency",
    "city",
    "district",
    "village",
    "province",
)

_CODE_RE = re.compile(r"^\d{2}(?:\.?\d{2}(?:\.?\d{2}(?:\.?\d{4})?)?)?$")


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, punctuation or kind words.

    Examples
    --------
    >>> fold("KAB. BULELENG")
    'buleleng'
    >>> fold("Kota  Denpasar")
    'denpasar'
    >>> fold("Karang Asem")
    'karangasem'
    >>> fold("Denpasar City"), fold("Badung Regency")
    ('denpasar', 'badung')
    """
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    while len(words) > 1 and words[0] in _PREFIXES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _PREFIXES:  # ACLED and English texts: "Denpasar City"
        words = words[:-1]
    return "".join(words)


def normalise_code(text: str) -> str | None:
    """Return the dotted Kemendagri code in ``text`` ("5108", "51.08", "51 08") or None.

    Examples
    --------
    >>> normalise_code("5108")
    '51.08'
    >>> normalise_code(" 51.71 ")
    '51.71'
    >>> normalise_code("5108032002")
    '51.08.03.2002'
    >>> normalise_code("Buleleng") is None
    True
    """
    raw = re.sub(r"[\s]", "", str(text))
    if not raw or not _CODE_RE.match(raw):
        return None
    digits = raw.replace(".", "")
    if len(digits) not in (2, 4, 6, 10):
        return None
    parts = [digits[:2], digits[2:4], digits[4:6], digits[6:]]
    return ".".join(p for p in parts if p)


def level_of(code: str) -> str:
    """Return the level of a dotted code: provinsi, kabupaten, kecamatan or desa.

    >>> level_of("51.08.03")
    'kecamatan'
    """
    return {1: "provinsi", 2: "kabupaten", 3: "kecamatan", 4: "desa"}[code.count(".") + 1]


def regency_of(code: object) -> str | None:
    """Return the regency (kabupaten/kota) code that a region code lies in, or None.

    The one rule for "which regency": a kecamatan or desa lies in the regency of its first two
    parts; the province, an empty or a missing code lie in no regency (callers that count
    province-level facts as "Bali" say so with ``regency_of(code) or PROVINCE``).

    >>> regency_of("51.08.03.2002"), regency_of("51.71"), regency_of("51"), regency_of(None)
    ('51.08', '51.71', None, None)
    """
    if not isinstance(code, str):
        return None
    parts = code.strip().split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 and all(parts[:2]) else None


def regencies_of(codes: Iterable[object]) -> list[str | None]:
    """Return :func:`regency_of` of each code.

    >>> regencies_of(["51.08.03", "51", ""])
    ['51.08', None, None]
    """
    return [regency_of(code) for code in codes]


@dataclass(frozen=True)
class RegionIndex:
    """Looks up regions by code or by any of their names.

    Build it with :func:`build_index` from the regions table (and, when
    boundaries are loaded, their kecamatan and desa).
    """

    names: Mapping[str, str]
    """Display name by code."""
    parents: Mapping[str, str]
    """Parent code by code ('' for the province)."""
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Codes by folded alias (a name can be shared, e.g. a kecamatan named like its regency)."""

    def codes(self, level: str | None = None) -> list[str]:
        """Return all codes, or those of one level, sorted."""
        return sorted(c for c in self.names if level is None or level_of(c) == level)

    def name(self, code: str) -> str:
        """Return the display name of ``code`` (the code itself when unknown)."""
        return self.names.get(code, code)

    def candidates(self, text: str, *, level: str | None = None, within: str | None = None) -> list[str]:
        """Return every code that ``text`` may mean, narrowest first."""
        code = normalise_code(text)
        if code is not None:
            return [code] if code in self.names else []
        found = list(self.aliases.get(fold(text), ()))
        if level is not None:
            found = [c for c in found if level_of(c) == level]
        if within is not None:
            found = [c for c in found if c == within or c.startswith(within + ".")]
        return found

    def resolve(
        self, text: object, *, level: str | None = None, within: str | None = None, lang: str = "id"
    ) -> str:
        """Return the canonical code for what a person typed or a file holds.

        A name shared by regions of different levels resolves to the widest
        one (a regency before its kecamatan of the same name) unless ``level``
        narrows it.

        Raises
        ------
        DataProblem
            If nothing matches, with the closest known names as suggestions,
            or if the name is ambiguous at that level.
        """
        shown = "" if text is None else str(text).strip()
        found = self.candidates(shown, level=level, within=within) if shown else []
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            depth = min(c.count(".") for c in found)
            widest = [c for c in found if c.count(".") == depth]
            if len(widest) == 1:
                return widest[0]
            options = ", ".join(f"{self.name(c)} ({c})" for c in widest[:5])
            raise DataProblem(
                t("regions.ambiguous", lang, text=shown, options=options),
                t("regions.ambiguous_fix", lang),
            )
        suggestions = self.suggest(shown, level=level)
        hint = (
            t("regions.did_you_mean", lang, options=", ".join(suggestions))
            if suggestions
            else t("regions.no_suggestion", lang)
        )
        raise DataProblem(t("regions.unknown", lang, text=shown), hint)

    def suggest(self, text: str, *, level: str | None = None, limit: int = 3) -> list[str]:
        """Return up to ``limit`` display names closest to ``text``."""
        folded = fold(text)
        pool = {
            alias: codes
            for alias, codes in self.aliases.items()
            if level is None or any(level_of(c) == level for c in codes)
        }
        close = difflib.get_close_matches(folded, list(pool), n=limit * 2, cutoff=0.6)
        names: list[str] = []
        for alias in close:
            for code in pool[alias]:
                label = f"{self.name(code)} ({code})"
                if label not in names:
                    names.append(label)
        return names[:limit]


def aliases_for(code: str, name: str, kind: str, extra: Iterable[str] = ()) -> set[str]:
    """Return the folded aliases a region is known by: its code forms, names and kind variants."""
    found = {fold(name), code.replace(".", ""), code}
    if kind == "kota":
        found.add(fold(f"kota {name}"))
    for alias in extra:
        if alias:
            found.add(fold(alias))
    return {a for a in found if a}


# Extra spellings seen in the files people send, by code. "DPS" is the common
# abbreviation of Denpasar; "Karang Asem" is the BPS spelling.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "51": ("Bali", "Provinsi Bali"),
    "51.07": ("Karang Asem",),
    "51.71": ("Denpasar", "DPS", "Kodya Denpasar"),
}


def build_index(rows: Iterable[Mapping[str, object]]) -> RegionIndex:
    """Build a :class:`RegionIndex` from region rows (code, name, kind, parent_code[, capital]).

    Examples
    --------
    >>> index = build_index([{"code": "51.08", "name": "Buleleng", "kind": "kabupaten", "parent_code": "51"}])
    >>> index.resolve("KAB. BULELENG")
    '51.08'
    """
    names: dict[str, str] = {}
    parents: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    for row in rows:
        code = str(row["code"])
        name = str(row["name"])
        names[code] = name
        parents[code] = "" if row.get("parent_code") in (None, "") else str(row["parent_code"])
        extra = list(EXTRA_ALIASES.get(code, ()))
        for key in ("bps_name", "alias"):
            value = row.get(key)
            if isinstance(value, str) and value:
                extra.append(value)
        for alias in aliases_for(code, name, str(row.get("kind", "")), extra):
            aliases.setdefault(alias, [])
            if code not in aliases[alias]:
                aliases[alias].append(code)
    frozen = {
        alias: tuple(sorted(codes, key=lambda c: (c.count("."), c))) for alias, codes in aliases.items()
    }
    return RegionIndex(names=names, parents=parents, aliases=frozen)
