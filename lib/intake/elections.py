"""Set up an election in the app: stages (the PKPU schedule), contests, pairs, coalitions, figures.

The figures are DPT and TPS per region. Every table goes through the partner-table machinery:
:func:`lib.intake.tabular.read_table` reads the file, :func:`lib.intake.rows.validate_rows` checks each
row (a bad cell is named by its row and column in the user's language, good rows are kept), and nothing
is stored until :func:`save_setup` runs on the user's confirmation, in one transaction
(:func:`lib.store.save_election`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd
from sqlalchemy.engine import Engine

from lib import access, store
from lib.access import Caller
from lib.core.i18n import t
from lib.core.regions import PROVINCE, REGENCY_CODES, RegionIndex
from lib.core.text import cell_text
from lib.core.vocab import CLASSIFICATIONS
from lib.intake import excel, tabular
from lib.intake.checks import TableCheck, file_digest
from lib.intake.election_rows import SetupScope, election_id_for, fold_name, row_spec
from lib.intake.rows import validate_rows
from lib.intake.schemas import DEFAULT_CLASSIFICATION, SETUP_KINDS, header_label
from lib.politics import BACKING, ELECTION_LEVELS, INCUMBENCY, OFFICES, PARTIES, Forces

ELECTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
STAGE_COLUMNS = ("stage", "name_id", "name_en", "start", "end", "source")
CONTEST_FIELDS = ("contest", "region_code", "office", "n_pairs", "source")
PAIR_FIELDS = (
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
)
FIGURE_FIELDS = ("region_code", "dpt", "n_tps", "source", "note")
TEMPLATE_FIELDS: dict[str, tuple[str, ...]] = {
    "stages": ("name_id", "name_en", "period", "source"),
    "contests": ("contest", "office", "region_code", "n_pairs", "source"),
    "pairs": PAIR_FIELDS[1:],  # every stored field but the pair id, which the template leaves out
    "coalitions": ("contest", "ballot_no", "party", "source"),
    "figures": FIGURE_FIELDS,
}
"""The columns of each template, in order (a stage sheet may instead have a start and an end column)."""


# ------------------------------------------------------------------------------ the election itself


@dataclass(frozen=True)
class ElectionCheck:
    """The election typed into the form: its row for the store (None while a problem remains)."""

    row: dict[str, object] | None
    problems: list[str] = field(default_factory=list)
    """One sentence per problem, naming the field, in the user's language."""


def check_election(
    fields: Mapping[str, object], *, bundled: Collection[str], lang: str = "id"
) -> ElectionCheck:
    """Check the form of an election: name (Indonesian; English optional), level, voting day, scope, source.

    ``fields`` holds ``id`` (empty: made from the name), ``name_id``, ``name_en``, ``level``,
    ``voting_day`` (a date), ``scope`` (51 or a regency code), ``source`` and ``note``. An election
    bundled with Sinergi (``bundled`` ids) is never changed here.
    """
    text = {k: (cell_text(v) or "") for k, v in fields.items() if k != "voting_day"}
    problems: list[str] = []

    def need(name: str, ok: bool, key: str = "setup.form.empty", **params: object) -> None:
        if not ok:
            problems.append(f"{t(f'setup.form.{name}', lang)}: {t(key, lang, **params)}")

    name = text.get("name_id", "")
    need("name_id", bool(name))
    election_id = text.get("id") or election_id_for(name)
    need("id", bool(ELECTION_ID.match(election_id)), "setup.form.bad_id")
    need("id", election_id not in bundled, "setup.form.bundled")
    need("level", text.get("level") in ELECTION_LEVELS, "setup.form.choice")
    day = fields.get("voting_day")
    need("voting_day", isinstance(day, dt.date), "setup.form.empty")
    need("scope", text.get("scope") in (PROVINCE, *REGENCY_CODES), "setup.form.choice")
    need("source", bool(text.get("source")))
    if problems:
        return ElectionCheck(None, problems)
    row: dict[str, object] = {
        "id": election_id,
        "name": name,
        "name_en": text.get("name_en") or name,
        "level": text["level"],
        "voting_day": day,
        "scope": text["scope"],
        "source": text["source"],
        "note": text.get("note") or None,
        "note_en": None,
    }
    return ElectionCheck(row)


def check_setup_frame(
    frame: pd.DataFrame,
    kind: str,
    *,
    index: RegionIndex,
    setup: SetupScope,
    filename: str,
    digest: str,
    lang: str = "id",
) -> TableCheck:
    """Check the rows of one table of an election (text cells, as :func:`read_table` returns them).

    Raises
    ------
    DataProblem
        If a required column is missing.
    """
    if kind not in SETUP_KINDS:
        raise ValueError(f"kind must be one of {SETUP_KINDS}, got {kind!r}.")
    result = validate_rows(
        frame, kind, index=index, lang=lang, origin=f"import:{filename}", spec=row_spec(kind, setup)
    )
    # Not "missing": a column whose cells default (the election's source, the Indonesian name, a code
    # made from the name), or the other way of giving a stage's days (one period, or a start and an end).
    has = set(result.column_map)
    defaulted = {"source", "name_en", "stage"}
    if kind == "stages":
        defaulted |= {"start", "end"} if "period" in has else {"period"} if "start" in has else set()
    result = replace(result, missing_columns=[c for c in result.missing_columns if c not in defaulted])
    return TableCheck(kind, filename, digest, dict(frame.attrs), result)


def check_setup_file(
    data: bytes,
    filename: str,
    kind: str,
    *,
    index: RegionIndex,
    setup: SetupScope,
    lang: str = "id",
    max_bytes: int = tabular.MAX_BYTES,
) -> TableCheck:
    """Read an uploaded CSV/.xlsx of an election's ``kind`` (stages, contests …) and check it; store nothing.

    Raises
    ------
    DataProblem
        If the file cannot be read as a table or lacks a required column.
    """
    name = filename.replace("\\", "/").rsplit("/", 1)[-1] or filename
    frame = tabular.read_table(data, name, max_bytes=max_bytes, lang=lang)
    return check_setup_frame(
        frame, kind, index=index, setup=setup, filename=name, digest=file_digest(data), lang=lang
    )


STAGE_EDITOR_COLUMNS: tuple[str, ...] = ("name_id", "name_en", "start", "end", "source")


def check_stage_edits(
    edited: pd.DataFrame, *, index: RegionIndex, setup: SetupScope, lang: str = "id"
) -> TableCheck | None:
    """Check the stages typed into the page's table (rows 1, 2 …); None when it holds no row."""
    rows = edited.reindex(columns=list(STAGE_EDITOR_COLUMNS))
    cells = {c: [cell_text(v) for v in rows[c].astype(object).tolist()] for c in STAGE_EDITOR_COLUMNS}
    frame = pd.DataFrame({c: pd.array(v, dtype="string") for c, v in cells.items()})
    frame.index = pd.Index(range(1, len(frame) + 1), name="row")
    frame = frame[frame.notna().any(axis=1)]
    if frame.empty:
        return None
    digest = file_digest(frame.to_csv().encode("utf-8"))
    return check_setup_frame(
        frame, "stages", index=index, setup=setup, filename=t("setup.entered", lang), digest=digest, lang=lang
    )


def setup_scope(
    election: Mapping[str, object], *, forces: Forces, drafts: Mapping[str, TableCheck | None]
) -> SetupScope:
    """Return what an election's rows are checked against: its stored contests and pairs plus the draft's.

    ``forces`` are the stored political forces the caller may see (:func:`lib.store.read_forces`).
    """
    election_id = str(election["id"])
    contests = forces.contests[forces.contests["election_id"] == election_id]
    known: dict[str, tuple[str, str]] = {
        fold_name(c): (str(c), str(o)) for c, o in zip(contests["contest"], contests["office"], strict=True)
    }
    drafted = drafts.get("contests")
    if drafted is not None:
        good = drafted.result.good
        known.update(
            {fold_name(c): (str(c), str(o)) for c, o in zip(good["contest"], good["office"], strict=True)}
        )
    pairs = forces.pairs[forces.pairs["election_id"] == election_id]
    by_ballot: dict[tuple[str, int], tuple[str, str, str | None]] = {
        (str(p.contest), int(p.ballot_no)): (str(p.pair_id), str(p.classification), p.backing)
        for p in pairs.itertuples()
        if not pd.isna(p.ballot_no)
    }
    drafted = drafts.get("pairs")
    if drafted is not None:
        for p in drafted.result.good.itertuples():
            if not pd.isna(p.ballot_no):
                backing = None if pd.isna(p.backing) else str(p.backing)
                by_ballot[(str(p.contest), int(p.ballot_no))] = (
                    str(p.pair_id),
                    str(p.classification),
                    backing,
                )
    return SetupScope(
        election_id=election_id,
        scope=str(election["scope"]),
        source=str(election["source"]),
        contests=known,
        pairs=by_ballot,
    )


# ------------------------------------------------------------------------------ the draft and its save


@dataclass(frozen=True)
class SetupDraft:
    """An election and the tables checked for it, as the store takes them; nothing is stored yet."""

    election: dict[str, object]
    tables: dict[str, pd.DataFrame]
    """Store table name -> rows (``election_stages`` replaces the stored schedule; the others are added
    or updated by key). A table absent here is left as stored."""


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name].astype(object).where(frame[name].notna(), None)


def build_draft(election: Mapping[str, object], checks: Mapping[str, TableCheck | None]) -> SetupDraft:
    """Return the election and the good rows of each checked table, in the store's columns."""
    election_id = election["id"]
    tables: dict[str, pd.DataFrame] = {}
    stages = checks.get("stages")
    if stages is not None and not stages.result.good.empty:
        good = stages.result.good
        tables["election_stages"] = pd.DataFrame(
            {"election_id": election_id, **{c: _column(good, c) for c in STAGE_COLUMNS}}
        ).reset_index(drop=True)
    contests = checks.get("contests")
    if contests is not None and not contests.result.good.empty:
        good = contests.result.good
        tables["contests"] = pd.DataFrame(
            {"election_id": election_id, **{c: _column(good, c) for c in CONTEST_FIELDS}}
        ).reset_index(drop=True)
    pairs = checks.get("pairs")
    if pairs is not None and not pairs.result.good.empty:
        good = pairs.result.good
        frame = pd.DataFrame({"election_id": election_id, **{c: _column(good, c) for c in PAIR_FIELDS}})
        tables["candidate_pairs"] = frame.assign(outcome=None, origin=pairs.origin).reset_index(drop=True)
    coalitions = checks.get("coalitions")
    if coalitions is not None and not coalitions.result.good.empty:
        good = coalitions.result.good
        tables["coalitions"] = pd.DataFrame(
            {
                "pair_id": _column(good, "pair_id"),
                "party": _column(good, "party"),
                "source": _column(good, "source"),
                "classification": _column(good, "classification"),
                "origin": coalitions.origin,
            }
        ).reset_index(drop=True)
    figures = checks.get("figures")
    if figures is not None and not figures.result.good.empty:
        good = figures.result.good
        tables["election_figures"] = pd.DataFrame(
            {"election_id": election_id, **{c: _column(good, c) for c in FIGURE_FIELDS}}
        ).reset_index(drop=True)
    return SetupDraft(dict(election), tables)


def save_setup(
    engine: Engine, draft: SetupDraft, caller: Caller, *, bundled: Collection[str], lang: str = "id"
) -> store.SetupOutcome:
    """Store the draft in one transaction (with an audit row), after checking the caller may set up elections.

    Raises
    ------
    DataProblem
        If the caller may not set up elections, or the election is one bundled with Sinergi.
    """
    access.require(caller, "election.setup", lang=lang)
    return store.save_election(engine, draft.election, draft.tables, actor=caller, bundled=bundled, lang=lang)


def setup_outcome_text(outcome: store.SetupOutcome, name: str, lang: str = "id") -> str:
    """Return what a save did: "Pemilu 2029 saved: the election added; stages: 6 added …"."""
    parts = [
        t(
            f"setup.outcome.{table}",
            lang,
            added=done.added,
            updated=done.updated,
            unchanged=done.unchanged,
        )
        for table, done in outcome.tables.items()
    ]
    head = t("setup.outcome.new" if outcome.created else "setup.outcome.changed", lang, name=name)
    return " ".join([head, *parts])


# ------------------------------------------------------------------------------ templates


def _examples(kind: str, lang: str) -> list[dict[str, str]]:
    """Return the template's example rows by field: placeholders marked as examples, not facts."""
    marker = t("import.example", lang)
    if kind == "stages":
        return [
            {
                "name_id": f"{marker}: Masa kampanye",
                "name_en": "Campaign period",
                "period": "1 Jan 2029 s.d. 3 Feb 2029",
            },
            {"name_id": f"{marker}: Pemungutan suara", "name_en": "Voting day", "period": "14 Februari 2029"},
        ]
    if kind == "contests":
        return [
            {
                "contest": marker,
                "office": t("politics.office.bupati", lang),
                "region_code": "Gianyar",
                "n_pairs": "2",
            }
        ]
    if kind == "pairs":
        return [
            {
                "contest": marker,
                "ballot_no": "1",
                "head": "...",
                "deputy": "...",
                "incumbent": t("politics.incumbent.no", lang),
                "backing": t("politics.backing.parties", lang),
                "source": "https://example.org/sk-kpu",
                "classification": DEFAULT_CLASSIFICATION,
            }
        ]
    if kind == "coalitions":
        return [
            {"contest": marker, "ballot_no": "1", "party": "PDI-P", "source": "https://example.org/sk-kpu"}
        ]
    return [
        {
            "region_code": "Gianyar",
            "dpt": "",
            "n_tps": "",
            "source": "https://example.org/sk-dpt",
            "note": marker,
        }
    ]


def setup_template_frame(kind: str, lang: str = "id") -> pd.DataFrame:
    """Return the sheet to fill for an election's ``kind``: the template's headers and example rows."""
    fields = TEMPLATE_FIELDS[kind]
    rows = _examples(kind, lang)
    return pd.DataFrame(
        {header_label(kind, f, lang): pd.array([r.get(f, "") for r in rows], dtype="string") for f in fields}
    )


def setup_choices_frame(kind: str, regions: Mapping[str, str], lang: str = "id") -> pd.DataFrame:
    """Return what each column of an election's template accepts, as the template's second sheet."""
    lists: dict[str, list[str]] = {}
    if kind == "stages":
        lists["period"] = [
            "14 Februari 2029",
            "14/02/2029",
            "1 Jan 2029 s.d. 3 Feb 2029",
            "1 \u2013 3 Februari 2029",
        ]
    if kind in ("contests", "figures"):
        lists["region_code"] = [
            f"{code} {regions.get(code, '')}".strip() for code in (PROVINCE, *REGENCY_CODES)
        ]
    if kind == "contests":
        lists["office"] = [t(f"politics.office.{o}", lang) for o in OFFICES]
    if kind == "pairs":
        lists["incumbent"] = [t(f"politics.incumbent.{i}", lang) for i in INCUMBENCY]
        lists["backing"] = [t(f"politics.backing.{b}", lang) for b in BACKING]
        lists["classification"] = list(CLASSIFICATIONS)
    if kind == "coalitions":
        lists["party"] = list(PARTIES)
    rows = [(header_label(kind, f, lang), v) for f, values in lists.items() for v in values]
    return pd.DataFrame(
        {
            t("import.problems.column", lang): pd.array([r[0] for r in rows], dtype="string"),
            t("import.choices.value", lang): pd.array([r[1] for r in rows], dtype="string"),
        }
    )


def setup_template(kind: str, regions: Mapping[str, str], lang: str = "id") -> bytes:
    """Return the .xlsx template of an election's ``kind``: a sheet to fill and a sheet of accepted values."""
    return excel.to_xlsx_bytes(
        {
            t("datapage.sheet.template", lang): setup_template_frame(kind, lang),
            t("datapage.sheet.choices", lang): setup_choices_frame(kind, regions, lang),
        }
    )


def setup_template_filename(kind: str, lang: str = "id") -> str:
    """Return the template's file name, e.g. ``sinergi-templat-pemilihan-stages.xlsx``."""
    word = "templat-pemilihan" if lang == "id" else "template-election"
    return f"sinergi-{word}-{kind}.xlsx"
