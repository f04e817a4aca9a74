"""The rows of an election's tables (stages, contests, pairs, coalitions, figures): how each is checked.

Each check fills one row of :func:`lib.intake.rows.validate_rows` (through a :class:`RowSpec`), so a bad
cell is named by its row and column and the good rows are kept, as for every partner table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import PROVINCE, REGENCY_CODES
from lib.core.vocab import CLASSIFICATIONS
from lib.intake.periods import parse_date_range
from lib.intake.rows import RowSpec, _choice, _Context, _count, _integer, _region, _Row, _text
from lib.intake.schemas import CLASSIFICATION_WORDS, DEFAULT_CLASSIFICATION, _choices, value_key
from lib.politics import BACKING, INCUMBENCY, OFFICES, PARTIES, PROVINCE_OFFICES

STAGE_ID_LENGTH = 32
BALLOT_RANGE = (1, 20)
OFFICE_WORDS = _choices(
    {o: f"politics.office.{o}" for o in OFFICES},
    {
        "walikota": "wali_kota",
        "wali kota": "wali_kota",
        "pilpres": "presiden",
        "presiden dan wakil presiden": "presiden",
        "pilgub": "gubernur",
        "gubernur dan wakil gubernur": "gubernur",
        "pilbup": "bupati",
        "bupati dan wakil bupati": "bupati",
        "pilwali": "wali_kota",
        "pilwalkot": "wali_kota",
        "wali kota dan wakil wali kota": "wali_kota",
        "president": "presiden",
    },
)
INCUMBENT_WORDS = _choices(
    {i: f"politics.incumbent.{i}" for i in INCUMBENCY},
    {"ya": "yes", "mantan": "former", "tidak": "no", "bukan": "no", "baru": "no"},
)
BACKING_WORDS = _choices(
    {b: f"politics.backing.{b}" for b in BACKING},
    {
        "partai": "parties",
        "parpol": "parties",
        "gabungan partai": "parties",
        "gabungan partai politik": "parties",
        "independen": "independent",
        "jalur perseorangan": "independent",
        "jalur independen": "independent",
    },
)
PARTY_WORDS: dict[str, str] = {
    **{value_key(p): p for p in PARTIES},
    **{
        value_key(word): party
        for word, party in {
            "PDIP": "PDI-P",
            "PDI Perjuangan": "PDI-P",
            "Partai Demokrasi Indonesia Perjuangan": "PDI-P",
            "Partai Golongan Karya": "Golkar",
            "Partai Golkar": "Golkar",
            "Partai Gerindra": "Gerindra",
            "Partai Gerakan Indonesia Raya": "Gerindra",
            "Partai NasDem": "NasDem",
            "Partai Demokrat": "Demokrat",
            "Partai Kebangkitan Bangsa": "PKB",
            "Partai Keadilan Sejahtera": "PKS",
            "Partai Amanat Nasional": "PAN",
            "Partai Solidaritas Indonesia": "PSI",
            "Partai Persatuan Pembangunan": "PPP",
            "Partai Hanura": "Hanura",
            "Partai Perindo": "Perindo",
            "Partai Kebangkitan Nusantara": "PKN",
            "Partai Bulan Bintang": "PBB",
            "Partai Gelora": "Gelora",
            "Partai Gelora Indonesia": "Gelora",
            "Partai Garuda": "Garuda",
            "Partai Ummat": "Ummat",
        }.items()
    },
}
"""Folded party names as files write them -> the name :data:`lib.politics.PARTIES` keeps."""


def election_id_for(name: str) -> str:
    """Return an election id from its name: "Pemilu 2029" -> "pemilu-2029".

    >>> election_id_for("PSU Pilbup Karangasem 2025")
    'psu-pilbup-karangasem-2025'
    """
    return _slug(name, "-", 64) or "pemilihan"


def _slug(text: str, joiner: str, limit: int) -> str:
    """Return ``text`` as lower-case ASCII words joined by ``joiner``, at most ``limit`` characters.

    A longer one keeps its start and a short hash of the whole, so two long names stay apart.
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = joiner.join(re.findall(r"[a-z0-9]+", folded))
    if len(slug) <= limit:
        return slug
    digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:6]
    return f"{slug[: limit - 7].rstrip(joiner)}{joiner}{digest}"


@dataclass(frozen=True)
class SetupScope:
    """What the rows of an election's tables are checked against: the election and what it holds already."""

    election_id: str
    scope: str
    """The election's region: 51 (all of Bali) or one regency (a by-election or a re-vote there)."""
    source: str
    """The election's source, for rows that give none of their own."""
    contests: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Folded contest name -> (name as stored, office): the draft's and the stored ones."""
    pairs: Mapping[tuple[str, int], tuple[str, str, str | None]] = field(default_factory=dict)
    """(contest, ballot number) -> (pair id, classification, backing)."""


def fold_name(text: object) -> str:
    """Return a name as compared: case and runs of spaces do not count."""
    return " ".join(str(text).casefold().split())


def _source(row: _Row, setup: SetupScope) -> None:
    row.values["source"] = row.raw.get("source") or setup.source


def _known_contest(row: _Row, setup: SetupScope) -> str | None:
    """Return the stored name of the row's contest, failing the row when the election has no such contest."""
    _text(row, "contest", required=True)
    given = row.values["contest"]
    if given is None:
        return None
    found = setup.contests.get(fold_name(given))
    if found is None:
        names = ", ".join(name for name, _ in setup.contests.values()) or t("setup.none_yet", row.lang)
        row.fail("contest", t("setup.row.unknown_contest", row.lang, contests=names))
        return None
    row.values["contest"] = found[0]
    return found[0]


def _ballot(row: _Row, *, required: bool) -> None:
    text = row.raw.get("ballot_no")
    row.values["ballot_no"] = None
    if text is None:
        if required:
            row.fail("ballot_no", t("import.row.empty", row.lang))
        return
    number = _integer(text)
    low, high = BALLOT_RANGE
    if number is None or not low <= number <= high:
        row.fail("ballot_no", t("import.row.integer_range", row.lang, low=low, high=high))
        return
    row.values["ballot_no"] = number


def _stage_days(row: _Row, target: str, lang: str) -> tuple[dt.date, dt.date] | None:
    try:
        return parse_date_range(row.raw.get(target), lang=lang)
    except DataProblem as problem:
        row.fail(target, f"{problem.what} {problem.fix}")
        return None


def _stage_row(row: _Row, ctx: _Context, setup: SetupScope) -> None:
    lang = ctx.lang
    _text(row, "name_id", required=True)
    _text(row, "name_en")
    row.values["name_en"] = row.values["name_en"] or row.values["name_id"]
    span: tuple[dt.date, dt.date] | None = None
    if row.raw.get("start") is not None:
        first = _stage_days(row, "start", lang)
        last = _stage_days(row, "end", lang) if row.raw.get("end") is not None else first
        if first is not None and last is not None:
            span = (first[0], last[1])
            if span[1] < span[0]:
                row.fail("end", t("setup.row.end_before", lang, start=span[0].strftime("%d/%m/%Y")))
    elif row.raw.get("period") is not None:
        span = _stage_days(row, "period", lang)
    else:
        row.fail(
            "period" if "period" in ctx.headers or "start" not in ctx.headers else "start",
            t("setup.row.no_dates", lang),
        )
    row.values["start"], row.values["end"] = span if span is not None else (None, None)
    given = row.raw.get("stage")
    name = row.values["name_id"]
    row.values["stage"] = (
        _slug(given, "_", STAGE_ID_LENGTH) if given else _slug(str(name or ""), "_", STAGE_ID_LENGTH) or None
    )
    _source(row, setup)


def _contest_row(row: _Row, ctx: _Context, setup: SetupScope) -> None:
    lang = ctx.lang
    _text(row, "contest", required=True)
    offices = ", ".join(t(f"politics.office.{o}", lang) for o in OFFICES)
    if row.raw.get("office") is None:
        row.fail("office", t("import.row.empty", lang))
        row.values["office"] = None
    else:
        _choice(row, "office", OFFICE_WORDS, offices)
    office = row.values["office"]
    if row.raw.get("region_code") is None and office in PROVINCE_OFFICES:
        row.values["region_code"] = PROVINCE
    else:
        _region(row, ctx, required=True)
    region = row.values.get("region_code")
    if isinstance(region, str) and region not in (PROVINCE, *REGENCY_CODES):
        row.fail("region_code", t("setup.row.regency_only", lang))
    elif (
        isinstance(region, str)
        and office is not None
        and (office in PROVINCE_OFFICES) != (region == PROVINCE)
    ):
        row.fail("office", t("setup.row.office_region", lang))
    elif isinstance(region, str) and setup.scope != PROVINCE and region != setup.scope:
        row.fail("region_code", t("setup.row.outside_scope", lang, scope=ctx.index.name(setup.scope)))
    _count(row, "n_pairs", ctx)
    if row.values["n_pairs"] == 0:
        row.fail("n_pairs", t("setup.row.at_least_one", lang))
    _source(row, setup)


def _pair_id(election_id: str, contest: str, ballot_no: object, head: str) -> str:
    """Return a pair's id from its election, contest and ballot number (or head, before the draw)."""
    tail = f"{ballot_no:02d}" if isinstance(ballot_no, int) else _slug(head, "-", 20)
    return _slug(f"{election_id} {contest} {tail}", "-", 64)


def _pair_row(row: _Row, ctx: _Context, setup: SetupScope) -> None:
    lang = ctx.lang
    contest = _known_contest(row, setup)
    _ballot(row, required=False)
    _text(row, "head", required=True)
    _text(row, "deputy", required=True)
    _text(row, "popular_name")
    _choice(
        row, "incumbent", INCUMBENT_WORDS, ", ".join(t(f"politics.incumbent.{i}", lang) for i in INCUMBENCY)
    )
    _choice(row, "backing", BACKING_WORDS, ", ".join(t(f"politics.backing.{b}", lang) for b in BACKING))
    _text(row, "note")
    _choice(
        row,
        "classification",
        CLASSIFICATION_WORDS,
        ", ".join(CLASSIFICATIONS),
        default=DEFAULT_CLASSIFICATION,
    )
    _source(row, setup)
    if contest is not None and row.values["head"] is not None:
        row.values["pair_id"] = _pair_id(
            setup.election_id, contest, row.values["ballot_no"], str(row.values["head"])
        )


def _coalition_row(row: _Row, ctx: _Context, setup: SetupScope) -> None:
    lang = ctx.lang
    contest = _known_contest(row, setup)
    _ballot(row, required=True)
    text = row.raw.get("party")
    row.values["party"] = None
    if text is None:
        row.fail("party", t("import.row.empty", lang))
    elif value_key(text) not in PARTY_WORDS:
        row.fail("party", t("import.row.choice", lang, options=", ".join(PARTIES)))
    else:
        row.values["party"] = PARTY_WORDS[value_key(text)]
    _source(row, setup)
    ballot = row.values["ballot_no"]
    if contest is None or not isinstance(ballot, int):
        return
    pair = setup.pairs.get((contest, ballot))
    if pair is None:
        row.fail("ballot_no", t("setup.row.unknown_pair", lang, contest=contest))
    elif pair[2] == "independent":
        row.fail("party", t("setup.row.independent", lang))
    else:
        row.values["pair_id"], row.values["classification"] = pair[0], pair[1]


def _figure_row(row: _Row, ctx: _Context, setup: SetupScope) -> None:
    lang = ctx.lang
    _region(row, ctx, required=True)
    region = row.values.get("region_code")
    if isinstance(region, str) and region not in (PROVINCE, *REGENCY_CODES):
        row.fail("region_code", t("setup.row.regency_only", lang))
    elif isinstance(region, str) and setup.scope != PROVINCE and region != setup.scope:
        row.fail("region_code", t("setup.row.outside_scope", lang, scope=ctx.index.name(setup.scope)))
    _count(row, "dpt", ctx)
    _count(row, "n_tps", ctx)
    if row.values["dpt"] is None and row.values["n_tps"] is None and not row.problems:
        row.fail("dpt", t("setup.row.no_figure", lang))
    _source(row, setup)
    _text(row, "note")


_CHECKS: dict[str, Callable[[_Row, _Context, SetupScope], None]] = {
    "stages": _stage_row,
    "contests": _contest_row,
    "pairs": _pair_row,
    "coalitions": _coalition_row,
    "figures": _figure_row,
}
_DTYPES: dict[str, dict[str, str]] = {
    "stages": {"start": "object", "end": "object"},
    "contests": {"n_pairs": "Int64"},
    "pairs": {"ballot_no": "Int64"},
    "coalitions": {"ballot_no": "Int64"},
    "figures": {"dpt": "Int64", "n_tps": "Int64"},
}
_KEYS: dict[str, tuple[str, ...]] = {
    "stages": ("stage",),
    "contests": ("contest",),
    "pairs": ("pair_id",),
    "coalitions": ("pair_id", "party"),
    "figures": ("region_code",),
}


def row_spec(kind: str, setup: SetupScope) -> RowSpec:
    """Return how :func:`lib.intake.rows.validate_rows` checks the rows of ``kind`` against ``setup``."""
    check = _CHECKS[kind]
    return RowSpec(check=lambda row, ctx: check(row, ctx, setup), dtypes=_DTYPES[kind], key=_KEYS[kind])
