"""What a partner's table may hold: its columns, the headers that name them, the words each choice accepts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lib.core.i18n import LANGUAGES, t
from lib.core.vocab import (
    CATEGORIES,
    CLASSIFICATIONS,
    EVENT_COLUMNS,
    LEVELS,
    LINK_KINDS,
    REQUIRED_EVENT_COLUMNS,
    TYPES,
)

KINDS: tuple[str, ...] = ("events", "stakeholders", "links")

# Allowed values of stakeholders and links: one definition, in lib/stakeholders.py.
PHASES: tuple[str, ...] = ("pre", "during", "post", "n/a")

STAKEHOLDER_IMPORT_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "acronym",
    "type",
    "level",
    "region_code",
    "role",
    "classification",
    "source",
    "note",
    "origin",
)
LINK_IMPORT_COLUMNS: tuple[str, ...] = (
    "source_id",
    "target_id",
    "kind",
    "directed",
    "strength",
    "delay_hours",
    "channel",
    "assumption",
    "source_ref",
    "note",
    "classification",
    "origin",
)

STRENGTH_RANGE: tuple[int, int] = (1, 3)
"""Link strength, the scale of lib/stakeholders.py: 3 formal or statutory, 2 documented and
regular, 1 occasional or assumed (every assumed link has strength 1)."""
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
"""Stakeholder ids, as lib/stakeholders.py checks them: "polres-gianyar"."""

LAT_RANGE: tuple[float, float] = (-9.0, -7.9)
LON_RANGE: tuple[float, float] = (114.3, 115.8)
"""Bali and its islands (Nusa Penida, Menjangan) with a margin of a few kilometres."""

DEFAULT_CLASSIFICATION = "TERBUKA"


@dataclass(frozen=True)
class Schema:
    """What one kind of table holds: target columns, required ones, and header aliases."""

    kind: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    aliases: Mapping[str, tuple[str, ...]]
    """Folded headers by field, most specific first (``tanggal`` before ``waktu``); a field that is
    not one of ``columns`` (an event's ``kecamatan``, ``desa``) is read to work out another."""
    derived: tuple[str, ...] = ()
    """Fields recognised in a file but computed here, so their column is not used."""


def fold_header(text: object) -> str:
    """Return a header reduced to lower-case letters and digits, without a bracketed hint.

    Examples
    --------
    >>> fold_header("Tingkat Keparahan (1-5)"), fold_header("KABUPATEN/KOTA"), fold_header("korban_jiwa")
    ('tingkatkeparahan', 'kabupatenkota', 'korbanjiwa')
    """
    raw = str(text)
    stripped = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", raw)
    folded = _ascii(stripped)
    return folded or _ascii(raw)


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "", text)


_REGION_ALIASES = (
    "regioncode",
    "kabupatenkota",
    "kabkota",
    "kabupaten",
    "kab",
    "kota",
    "kodewilayah",
    "wilayah",
    "regencycity",
    "regency",
    "region",
    "daerah",
)
_CLASSIFICATION_ALIASES = ("classification", "klasifikasi", "sifat")

SCHEMAS: dict[str, Schema] = {
    "events": Schema(
        kind="events",
        columns=EVENT_COLUMNS,
        required=REQUIRED_EVENT_COLUMNS,
        aliases={
            "id": ("id", "idkejadian", "eventid", "kodekejadian"),
            "date": (
                "date",
                "tanggal",
                "tanggalkejadian",
                "tgl",
                "haritanggal",
                "haritgl",
                "eventdate",
                "waktukejadian",
                "waktu",
            ),
            "date_precision": ("dateprecision", "presisitanggal"),
            "region_code": _REGION_ALIASES,
            "location": ("location", "lokasi", "lokasikejadian", "tempat", "tempatkejadian", "tkp", "alamat"),
            # Read to place the event in its kecamatan or desa (lib/core/wilayah.py); not stored
            # columns: the names as written go into ``location``.
            "kecamatan": (
                "kecamatan",
                "kec",
                "namakecamatan",
                "kecamatankejadian",
                "subdistrict",
                "district",
            ),
            "desa": (
                "desakelurahan",
                "desakel",
                "desa",
                "kelurahan",
                "kelurahandesa",
                "kel",
                "namadesa",
                "desakejadian",
                "village",
            ),
            "lat": ("lat", "lintang", "latitude"),
            "lon": ("lon", "bujur", "longitude", "lng", "long"),
            "election_id": ("electionid", "idpemilihan"),
            "election_label": ("electionlabel", "pemilihan", "election", "pemilu", "pilkada"),
            "category": (
                "category",
                "kategori",
                "jenis",
                "jeniskejadian",
                "jenispelanggaran",
                "kategorikejadian",
            ),
            "severity": ("severity", "tingkatkeparahan", "keparahan", "tingkat"),
            "fatalities": (
                "fatalities",
                "korbanjiwa",
                "meninggal",
                "korbanmeninggal",
                "jumlahkorbanjiwa",
                "tewas",
            ),
            "description": (
                "description",
                "uraian",
                "uraiankejadian",
                "uraiantemuan",
                "deskripsi",
                "keterangan",
                "kronologi",
                "kronologis",
            ),
            "source_url": ("sourceurl", "tautansumber", "tautan", "url", "link", "sumber", "source"),
            "source_title": ("sourcetitle", "judulsumber"),
            "confidence": ("confidence", "keyakinan", "tingkatkeyakinan"),
            "severity_basis": ("severitybasis", "dasarkeparahan", "alasankeparahan"),
            "phase_reported": ("phasereported", "tahap", "tahapan", "fase", "phase"),
            "classification": _CLASSIFICATION_ALIASES,
            "origin": ("origin", "asal"),
        },
        derived=("date_precision", "origin"),
    ),
    "stakeholders": Schema(
        kind="stakeholders",
        columns=STAKEHOLDER_IMPORT_COLUMNS,
        required=("id", "name", "type", "level", "source"),
        aliases={
            "id": ("id", "kode", "idlembaga"),
            "name": ("name", "nama", "namalembaga", "namainstansi", "lembaga", "instansi"),
            "acronym": ("acronym", "singkatan", "akronim"),
            "type": ("type", "jenis", "tipe", "jenislembaga", "jenisinstansi"),
            "level": ("level", "tingkat", "jenjang"),
            "region_code": _REGION_ALIASES,
            "role": ("role", "peran", "tugas", "fungsi"),
            "classification": _CLASSIFICATION_ALIASES,
            "source": ("source", "sumber", "rujukan"),
            "note": ("note", "catatan", "keterangan"),
            "origin": ("origin", "asal"),
        },
        derived=("origin",),
    ),
    "links": Schema(
        kind="links",
        columns=LINK_IMPORT_COLUMNS,
        required=("source_id", "target_id", "kind", "source_ref"),
        aliases={
            "source_id": ("sourceid", "dari", "dariid", "asal", "idasal", "from", "fromid"),
            "target_id": ("targetid", "ke", "keid", "tujuan", "idtujuan", "to", "toid"),
            "kind": ("kind", "jenishubungan", "jenis", "hubungan", "linkkind"),
            "directed": ("directed", "searah", "berarah"),
            "strength": ("strength", "kekuatan", "bobot"),
            "delay_hours": ("delayhours", "jeda", "jedajam", "delay", "waktutunda"),
            "channel": ("channel", "saluran", "media"),
            "assumption": ("assumption", "asumsi"),
            "source_ref": ("sourceref", "sumber", "source", "rujukan"),
            "note": ("note", "catatan", "keterangan"),
            "classification": _CLASSIFICATION_ALIASES,
            "origin": ("origin",),
        },
        derived=("origin",),
    ),
}

_SOURCE_ALIASES = ("source", "sumber", "rujukan", "dasarhukum", "sumberdata")
SETUP_KINDS: tuple[str, ...] = ("stages", "contests", "pairs", "coalitions", "figures")
"""The tables of an election set up in the app (:mod:`lib.intake.elections`), in the order they depend on."""
SCHEMAS.update(
    {
        "stages": Schema(
            kind="stages",
            columns=("stage", "name_id", "name_en", "start", "end", "source"),
            required=("name_id",),
            aliases={
                "stage": ("stagecode", "kode", "kodetahapan", "idtahapan", "stageid"),
                "name_id": (
                    "tahapan",
                    "namatahapan",
                    "tahapankegiatan",
                    "kegiatan",
                    "uraiankegiatan",
                    "uraian",
                    "program",
                    "nameid",
                    "stagename",
                    "stage",
                    "name",
                    "nama",
                ),
                "name_en": ("tahapandalambahasainggris", "stageinenglish", "nameen", "english", "inggris"),
                # A period in one cell ("1 Jan 2029 s.d. 3 Feb 2029"), else a start and an end cell.
                "period": (
                    "jadwal",
                    "waktu",
                    "jadwalwaktu",
                    "waktupelaksanaan",
                    "pelaksanaan",
                    "periode",
                    "tanggal",
                    "schedule",
                    "period",
                    "dates",
                    "date",
                ),
                "start": (
                    "mulai",
                    "awal",
                    "tanggalmulai",
                    "tglmulai",
                    "tanggalawal",
                    "start",
                    "startdate",
                    "from",
                    "dari",
                ),
                "end": (
                    "selesai",
                    "akhir",
                    "tanggalselesai",
                    "tglselesai",
                    "tanggalakhir",
                    "end",
                    "enddate",
                    "until",
                    "sampai",
                ),
                "source": _SOURCE_ALIASES,
            },
        ),
        "contests": Schema(
            kind="contests",
            columns=("contest", "office", "region_code", "n_pairs", "source"),
            required=("contest", "office"),
            aliases={
                "contest": ("kontestasi", "namakontestasi", "contest", "race", "pemilihan"),
                "office": ("jabatan", "jabatanyangdipilih", "office"),
                "region_code": _REGION_ALIASES,
                "n_pairs": ("jumlahpasangan", "jumlahpaslon", "npairs", "pairs", "numberofpairs"),
                "source": _SOURCE_ALIASES,
            },
        ),
        "pairs": Schema(
            kind="pairs",
            columns=(
                "pair_id",
                "contest",
                "ballot_no",
                "head",
                "deputy",
                "popular_name",
                "incumbent",
                "backing",
                "source",
                "note",
                "classification",
            ),
            required=("contest", "head", "deputy"),
            aliases={
                "contest": ("kontestasi", "namakontestasi", "contest", "race", "pemilihan"),
                "ballot_no": ("nourut", "nomorurut", "ballotno", "ballotnumber", "nomor", "no"),
                "head": (
                    "calon",
                    "namacalon",
                    "calonkepaladaerah",
                    "calonpresiden",
                    "capres",
                    "head",
                    "candidate",
                ),
                "deputy": (
                    "wakil",
                    "calonwakil",
                    "namawakil",
                    "calonwakilkepaladaerah",
                    "calonwakilpresiden",
                    "cawapres",
                    "deputy",
                    "runningmate",
                ),
                "popular_name": ("namapopuler", "julukan", "akronim", "popularname", "nickname"),
                "incumbent": ("petahana", "incumbent"),
                "backing": ("jalur", "jalurpencalonan", "pencalonan", "dukungan", "backing"),
                "source": _SOURCE_ALIASES,
                "note": ("catatan", "keterangan", "note"),
                "classification": _CLASSIFICATION_ALIASES,
            },
            derived=("pair_id",),
        ),
        "coalitions": Schema(
            kind="coalitions",
            columns=("pair_id", "contest", "ballot_no", "party", "source", "classification"),
            required=("contest", "ballot_no", "party"),
            aliases={
                "contest": ("kontestasi", "namakontestasi", "contest", "race", "pemilihan"),
                "ballot_no": ("nourut", "nomorurut", "ballotno", "ballotnumber", "nomor", "no"),
                "party": ("partai", "partaipengusung", "partaipolitik", "parpol", "party"),
                "source": _SOURCE_ALIASES,
            },
            derived=("pair_id", "classification"),
        ),
        "figures": Schema(
            kind="figures",
            columns=("region_code", "dpt", "n_tps", "source", "note"),
            required=("region_code",),
            aliases={
                "region_code": _REGION_ALIASES,
                "dpt": ("dpt", "jumlahdpt", "daftarpemilihtetap", "jumlahpemilih", "registeredvoters"),
                "n_tps": ("tps", "jumlahtps", "ntps", "pollingstations"),
                "source": _SOURCE_ALIASES,
                "note": ("catatan", "keterangan", "note"),
            },
        ),
    }
)


def map_headers(headers: Sequence[object], kind: str) -> tuple[dict[str, str], list[str]]:
    """Return which header feeds each field, and the headers left unused.

    When two headers mean the same field ("Tanggal" and "Waktu"), the more specific one
    wins and the other is listed as unused.

    Examples
    --------
    >>> map_headers(["Tanggal", "Waktu", "Kab.", "Foto"], "events")
    ({'date': 'Tanggal', 'region_code': 'Kab.'}, ['Waktu', 'Foto'])
    """
    schema = schema_for(kind)
    folded = {str(h): fold_header(h) for h in headers}
    found: dict[str, str] = {}
    for target, aliases in schema.aliases.items():
        ranked = [(aliases.index(f), h) for h, f in folded.items() if f in aliases]
        if ranked:
            found[target] = min(ranked)[1]
    used = set(found.values())
    unknown = [str(h) for h in headers if str(h) not in used]
    return found, unknown


def header_label(kind: str, target: str, lang: str = "id") -> str:
    """Return the header the Sinergi template uses for a field (what to tell people to add)."""
    key = f"import.header.{kind}.{target}"
    try:
        return t(key, lang)
    except KeyError:
        return target


def schema_for(kind: str) -> Schema:
    """Return the schema of ``kind``.

    Raises
    ------
    ValueError
        If ``kind`` is not one of :data:`KINDS`.
    """
    if kind not in SCHEMAS:
        raise ValueError(f"kind must be one of {(*KINDS, *SETUP_KINDS)}, got {kind!r}.")
    return SCHEMAS[kind]


def value_key(text: str) -> str:
    """Return a cell's text folded for looking up a choice (no case, accents or punctuation)."""
    return _ascii(text)


TRUE_WORDS = frozenset({"ya", "y", "yes", "true", "benar", "1", "iya"})
FALSE_WORDS = frozenset({"tidak", "t", "no", "n", "false", "salah", "0", "bukan", "tdk"})


def _choices(lang_keys: Mapping[str, str], extra: Mapping[str, str]) -> dict[str, str]:
    """Return folded words -> allowed value, from UI labels in every language plus ``extra``."""
    words: dict[str, str] = {}
    for value, key in lang_keys.items():
        words[value_key(value)] = value
        for lang in LANGUAGES:
            words[value_key(t(key, lang))] = value
    for word, value in extra.items():
        words[value_key(word)] = value
    return words


CATEGORY_WORDS = _choices(
    {c: f"category.{c}" for c in CATEGORIES},
    {
        "kerusuhan": "riot",
        "bentrokan": "clash",
        "bentrok": "clash",
        "kekerasan": "violence",
        "intimidasi": "intimidation",
        "politik uang": "money_politics",
        "money politic": "money_politics",
        "netralitas asn": "asn_neutrality",
        "hoaks": "hoax",
        "hoax": "hoax",
        "logistik": "logistics",
        "sengketa": "dispute",
        "lainnya": "other",
        "lain-lain": "other",
        "lain lain": "other",
    },
)
CONFIDENCE_WORDS = _choices(
    {},
    {
        "high": "high",
        "medium": "medium",
        "low": "low",
        "tinggi": "high",
        "sedang": "medium",
        "menengah": "medium",
        "rendah": "low",
    },
)
PHASE_WORDS = _choices(
    {p: f"phase.{p}" for p in PHASES},
    {
        "pre": "pre",
        "during": "during",
        "post": "post",
        "n/a": "n/a",
        "sebelum": "pre",
        "pra": "pre",
        "pra pemungutan": "pre",
        "hari h": "during",
        "saat": "during",
        "saat pemungutan": "during",
        "setelah": "post",
        "sesudah": "post",
        "pasca": "post",
        "pasca pemungutan": "post",
        "bukan pemilihan": "n/a",
    },
)
CLASSIFICATION_WORDS = _choices(
    {c: f"classification.{c}" for c in CLASSIFICATIONS},
    {"open": "TERBUKA", "limited": "TERBATAS", "secret": "RAHASIA", "public": "TERBUKA", "umum": "TERBUKA"},
)
TYPE_WORDS = _choices(
    {},
    {
        **{v: v for v in TYPES},
        "pemerintah": "government",
        "pemerintahan": "government",
        "pemda": "government",
        "pemprov": "government",
        "pemkab": "government",
        "pemkot": "government",
        "polisi": "police",
        "kepolisian": "police",
        "polri": "police",
        "militer": "military",
        "tni": "military",
        "penyelenggara pemilu": "election_body",
        "penyelenggara pemilihan": "election_body",
        "penyelenggara": "election_body",
        "kejaksaan": "prosecution",
        "penuntutan": "prosecution",
        "intelijen": "intelligence",
        "adat": "customary",
        "lembaga adat": "customary",
        "keagamaan": "religious",
        "agama": "religious",
        "posko": "posko",
        "masyarakat sipil": "civil_society",
        "ormas": "civil_society",
        "lsm": "civil_society",
        "partai": "party",
        "partai politik": "party",
        "parpol": "party",
        "pers": "media",
        "nasional": "national",
        "pusat": "national",
    },
)
LEVEL_WORDS = _choices(
    {},
    {
        **{v: v for v in LEVELS},
        "nasional": "national",
        "pusat": "national",
        "provinsi": "province",
        "prov": "province",
        "kabupaten": "regency",
        "kota": "regency",
        "kabupaten/kota": "regency",
        "kab": "regency",
        "city": "regency",
        "kecamatan": "district",
        "kec": "district",
        "desa": "village",
        "kelurahan": "village",
        "desa adat": "village",
    },
)
LINK_KIND_WORDS = _choices(
    {},
    {
        **{v: v for v in LINK_KINDS},
        "komando": "command",
        "perintah": "command",
        "koordinasi": "coordination",
        "informasi": "information",
        "info": "information",
        "pelaporan": "information",
        "keanggotaan": "membership",
        "anggota": "membership",
    },
)


def choice_labels(values: Sequence[str], prefix: str | None, lang: str) -> str:
    """Return the allowed values as people write them in ``lang``."""
    if prefix is None:
        return ", ".join(values)
    return ", ".join(t(f"{prefix}.{v}", lang) for v in values)
