"""Open the bundled, sourced facts in ``data/`` and check what the rest of the code assumes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import pandas as pd

from lib import politics
from lib.core import bilingual
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES, RegionIndex, build_index
from lib.core.vocab import CATEGORIES, CLASSIFICATIONS, CONFIDENCES, DATE_PRECISIONS, EVENT_COLUMNS
from lib.politics.ties import TIE_COLUMNS, TIES_FILE, check_tie_ends, check_ties

REGION_COLUMNS = (
    "code",
    "name",
    "kind",
    "parent_code",
    "capital",
    "seat_lat",
    "seat_lon",
    "area_km2",
    "population",
    "population_ref",
    "n_kecamatan",
    "n_desa_kelurahan",
    "source",
    "note",
)
ELECTION_COLUMNS = ("id", "name", "level", "voting_day", "scope", "source", "note")
STAGE_COLUMNS = ("election_id", "stage", "name_id", "name_en", "start", "end", "source")
FIGURE_COLUMNS = ("election_id", "region_code", "dpt", "n_tps", "source", "note")
CONTEST_COLUMNS = politics.CONTEST_COLUMNS
PHASES_REPORTED = ("pre", "during", "post", "n/a")
BUNDLED_TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "regions.csv": (("code",), ("population_ref", "note")),
    "elections.csv": (("id",), ("name", "note")),
    "election_figures.csv": (("election_id", "region_code"), ("note",)),
    "events.csv": (("id",), ("location", "election_label", "description", "severity_basis", "source_title")),
    "stakeholders.csv": (("id",), ("role", "note")),
    "links.csv": (("source_id", "target_id", "kind"), ("channel", "note")),
    "indicators.csv": (("key",), ("note", "source")),
    "indicator_values.csv": (("region_code", "key", "year"), ("note",)),
    "tps_categories.csv": (("election_id", "region_code"), ("note",)),
    **politics.TEXTS,
    TIES_FILE: (("source_id", "target_id", "kind"), ("note",)),
}
"""Per bundled file: its key columns, and the texts a user reads, each ``c`` (Indonesian) with ``c_en``.

The stages' names are the older ``name_id``/``name_en`` pair and the indicators' labels
``label_id``/``label_en``; both are checked where they are read.
"""
_DATE_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


@dataclass(frozen=True)
class Bundle:
    """The bundled facts, checked and typed."""

    regions: pd.DataFrame
    elections: pd.DataFrame
    stages: pd.DataFrame
    figures: pd.DataFrame
    contests: pd.DataFrame
    events: pd.DataFrame
    stakeholders: pd.DataFrame
    links: pd.DataFrame
    indicators: pd.DataFrame
    indicator_values: pd.DataFrame
    tps_categories: pd.DataFrame
    pairs: pd.DataFrame = field(default_factory=pd.DataFrame)
    coalitions: pd.DataFrame = field(default_factory=pd.DataFrame)
    seats: pd.DataFrame = field(default_factory=pd.DataFrame)
    results: pd.DataFrame = field(default_factory=pd.DataFrame)
    disputes: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The political forces (:mod:`lib.politics`): pairs, coalitions, DPRD seats, results, disputes."""
    political_ties: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Documented ties to the pairs (:mod:`lib.network.politics`): campaign teams, declared support."""

    def in_language(self, lang: str) -> Bundle:
        """Return the bundle with every bilingual text in ``lang`` under its base name (twins dropped)."""
        frames = {
            f.name: bilingual.in_language(getattr(self, f.name), lang)
            for f in fields(self)
            if isinstance(getattr(self, f.name), pd.DataFrame)
        }
        return replace(self, **frames)


def _read(path: Path, columns: tuple[str, ...], lang: str) -> pd.DataFrame:
    """Read a bundled CSV as text and check that it has ``columns``."""
    if not path.is_file():
        raise DataProblem(
            t("bundle.missing_file", lang, name=path.name, folder=str(path.parent)),
            t("bundle.missing_file_fix", lang),
        )
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataProblem(
            t("bundle.missing_columns", lang, name=path.name, columns=", ".join(missing)),
            t("bundle.missing_columns_fix", lang),
        )
    return frame


def _fail(path: Path, row: int, column: str, value: object, expected: str, lang: str) -> DataProblem:
    """Return the problem for one bad cell of a bundled file (row 2 is the first data row).

    ``expected`` is the sentence's end, already in ``lang`` (see the ``bundle.expect.*`` keys).
    """
    return DataProblem(
        t("bundle.bad_cell", lang, name=path.name, row=row, column=column, value=value, expected=expected),
        t("bundle.bad_cell_fix", lang),
    )


def _numbers(
    frame: pd.DataFrame, path: Path, columns: tuple[str, ...], kind: str = "float", *, lang: str
) -> pd.DataFrame:
    """Convert ``columns`` to numbers; empty stays NA (unknown), anything else must parse."""
    out = frame.copy()
    for column in columns:
        converted = pd.to_numeric(out[column], errors="coerce")
        bad = converted.isna() & out[column].notna()
        if bad.any():
            row = int(bad.to_numpy().nonzero()[0][0])
            raise _fail(path, row + 2, column, out[column].iloc[row], t("bundle.expect.number", lang), lang)
        out[column] = converted.astype("Int64") if kind == "int" else converted.astype("Float64")
    return out


def _dates(frame: pd.DataFrame, path: Path, columns: tuple[str, ...], *, lang: str) -> pd.DataFrame:
    """Parse ISO dates in ``columns`` to ``datetime.date``."""
    out = frame.copy()
    for column in columns:
        values = []
        for row, text in enumerate(out[column]):
            try:
                values.append(dt.date.fromisoformat(str(text)))
            except ValueError:
                raise _fail(path, row + 2, column, text, t("bundle.expect.iso_date", lang), lang) from None
        out[column] = values
    return out


def _allowed(
    frame: pd.DataFrame, path: Path, column: str, allowed: tuple[str, ...], *, empty: bool = False, lang: str
) -> None:
    """Check that every value of ``column`` is one of ``allowed`` (or empty when ``empty``)."""
    for row, value in enumerate(frame[column]):
        if pd.isna(value) and empty:
            continue
        if value not in allowed:
            raise _fail(
                path, row + 2, column, value, t("bundle.expect.one_of", lang, values=", ".join(allowed)), lang
            )


def load_regions(data_dir: Path, *, lang: str = "id") -> pd.DataFrame:
    """Read ``regions.csv``: the province and its 9 regencies/city, with sources."""
    path = data_dir / "regions.csv"
    frame = _read(path, REGION_COLUMNS, lang)
    codes = set(frame["code"])
    if codes != {"51", *REGENCY_CODES}:
        raise DataProblem(
            t("bundle.regions", lang, name=path.name, codes=sorted(codes)), t("bundle.regions_fix", lang)
        )
    _allowed(frame, path, "kind", ("provinsi", "kabupaten", "kota"), lang=lang)
    frame = _numbers(frame, path, ("seat_lat", "seat_lon", "area_km2"), lang=lang)
    frame = _numbers(frame, path, ("population", "n_kecamatan", "n_desa_kelurahan"), "int", lang=lang)
    _require_sources(frame, path, lang=lang)
    return frame.set_index("code", drop=False)


def _require_sources(frame: pd.DataFrame, path: Path, column: str = "source", *, lang: str) -> None:
    """Every bundled fact carries its source."""
    empty = frame[column].isna()
    if empty.any():
        row = int(empty.to_numpy().nonzero()[0][0])
        raise _fail(path, row + 2, column, "", t("bundle.expect.source", lang), lang)


def load_elections(
    data_dir: Path, *, lang: str = "id"
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read elections, their stages, per-region figures (DPT, TPS) and contests."""
    path = data_dir / "elections.csv"
    elections = _dates(_read(path, ELECTION_COLUMNS, lang), path, ("voting_day",), lang=lang)
    _require_sources(elections, path, lang=lang)
    if elections["id"].duplicated().any():
        raise _fail(
            path,
            int(elections["id"].duplicated().to_numpy().nonzero()[0][0]) + 2,
            "id",
            "",
            t("bundle.expect.unique_id", lang),
            lang,
        )
    ids = tuple(elections["id"])
    stages_path = data_dir / "election_stages.csv"
    stages = _dates(_read(stages_path, STAGE_COLUMNS, lang), stages_path, ("start", "end"), lang=lang)
    _allowed(stages, stages_path, "election_id", ids, lang=lang)
    _require_sources(stages, stages_path, lang=lang)
    for row, (start, end) in enumerate(zip(stages["start"], stages["end"], strict=True)):
        if end < start:
            raise _fail(
                stages_path, row + 2, "end", end, t("bundle.expect.on_or_after", lang, start=start), lang
            )
    figures_path = data_dir / "election_figures.csv"
    figures = _numbers(
        _read(figures_path, FIGURE_COLUMNS, lang), figures_path, ("dpt", "n_tps"), "int", lang=lang
    )
    _allowed(figures, figures_path, "election_id", ids, lang=lang)
    _allowed(figures, figures_path, "region_code", ("51", *REGENCY_CODES), lang=lang)
    _require_sources(figures, figures_path, lang=lang)
    contests_path = data_dir / "contests.csv"
    contests = politics.check_contests(
        _read(contests_path, CONTEST_COLUMNS, lang), ids, name=contests_path.name, lang=lang
    )
    return elections.set_index("id", drop=False), stages, figures, contests


def load_events(data_dir: Path, election_ids: tuple[str, ...], *, lang: str = "id") -> pd.DataFrame:
    """Read ``events.csv``: election-related conflict in Bali, one row per sourced event."""
    path = data_dir / "events.csv"
    required = tuple(c for c in EVENT_COLUMNS if c not in ("lat", "lon", "classification", "origin"))
    frame = _read(path, required, lang)
    for row, (text, precision) in enumerate(zip(frame["date"], frame["date_precision"], strict=True)):
        if precision not in DATE_PRECISIONS:
            raise _fail(path, row + 2, "date_precision", precision, t("bundle.expect.precision", lang), lang)
        if not re.fullmatch(_DATE_FORMS[precision], str(text)):
            raise _fail(
                path, row + 2, "date", text, t("bundle.expect.date_form", lang, precision=precision), lang
            )
        if precision == "day":
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise _fail(path, row + 2, "date", text, t("bundle.expect.real_date", lang), lang) from None
    _allowed(frame, path, "region_code", ("51", *REGENCY_CODES), lang=lang)
    _allowed(frame, path, "category", CATEGORIES, lang=lang)
    _allowed(frame, path, "confidence", CONFIDENCES, lang=lang)
    _allowed(frame, path, "election_id", election_ids, empty=True, lang=lang)
    _allowed(frame, path, "phase_reported", PHASES_REPORTED, empty=True, lang=lang)
    frame = _numbers(frame, path, ("severity", "fatalities"), "int", lang=lang)
    bad = ~frame["severity"].isin([1, 2, 3, 4, 5])
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise _fail(
            path, row + 2, "severity", frame["severity"].iloc[row], t("bundle.expect.severity", lang), lang
        )
    _require_sources(frame, path, "source_url", lang=lang)
    if frame["id"].duplicated().any():
        row = int(frame["id"].duplicated().to_numpy().nonzero()[0][0])
        raise _fail(path, row + 2, "id", frame["id"].iloc[row], t("bundle.expect.unique_id", lang), lang)
    frame["lat"] = pd.Series(pd.NA, index=frame.index, dtype="Float64")
    frame["lon"] = pd.Series(pd.NA, index=frame.index, dtype="Float64")
    frame["classification"] = "TERBUKA"
    frame["origin"] = "bundled"
    _allowed(frame, path, "classification", CLASSIFICATIONS, lang=lang)
    return frame[list(EVENT_COLUMNS)]


def load_network(data_dir: Path, *, lang: str = "id") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read ``stakeholders.csv`` and ``links.csv`` and check them (see lib/network.py)."""
    from lib import network

    people_path = data_dir / "stakeholders.csv"
    links_path = data_dir / "links.csv"
    people = network.check_stakeholders(_read(people_path, network.STAKEHOLDER_COLUMNS, lang), lang=lang)
    links = network.check_links(_read(links_path, network.LINK_COLUMNS, lang), set(people["id"]), lang=lang)
    return people, links


def load_indicators(
    data_dir: Path, regions: pd.DataFrame, *, lang: str = "id"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the vulnerability-index indicator definitions and the sourced values entered for them."""
    from lib import risk

    path = data_dir / "indicators.csv"
    definitions = risk.check_definitions(
        _read(path, ("key", "dimension", "default_weight", "source"), lang), lang=lang
    )
    values_path = data_dir / "indicator_values.csv"
    raw = _read(values_path, risk.VALUE_COLUMNS, lang)
    good, problems = risk.validate_indicator_values(raw, definitions, region_index(regions), lang=lang)
    if len(problems):
        first = problems.iloc[0]
        raise DataProblem(
            t(
                "bundle.value_cell",
                lang,
                name=values_path.name,
                row=first["row"],
                column=first["column"],
                what=first["what"],
            ),
            str(first["fix"]),
        )
    return definitions, good


def load_bundle(data_dir: Path, *, lang: str = "id") -> Bundle:
    """Read and check every bundled file.

    Parameters
    ----------
    data_dir
        The folder holding the bundled CSV files.
    lang
        Language of the problems raised (``"id"`` or ``"en"``).

    Raises
    ------
    DataProblem
        If a file is missing, lacks a column or holds a cell that breaks its rule (file, row
        and column named).
    """
    regions = load_regions(data_dir, lang=lang)
    elections, stages, figures, contests = load_elections(data_dir, lang=lang)
    events = load_events(data_dir, tuple(elections["id"]), lang=lang)
    people, links = load_network(data_dir, lang=lang)
    indicators, values = load_indicators(data_dir, regions, lang=lang)
    tps = load_tps_categories(data_dir, tuple(elections["id"]), lang=lang)
    forces = load_forces(data_dir, contests, tuple(elections["id"]), lang=lang)
    frames = {
        "regions.csv": regions,
        "elections.csv": elections,
        "election_figures.csv": figures,
        "events.csv": events,
        "stakeholders.csv": people,
        "links.csv": links,
        "indicators.csv": indicators,
        "indicator_values.csv": values,
        "tps_categories.csv": tps,
    }
    both = {name: with_english(data_dir / name, frame, lang=lang) for name, frame in frames.items()}
    return Bundle(
        both["regions.csv"],
        both["elections.csv"],
        stages,
        both["election_figures.csv"],
        contests,
        both["events.csv"],
        both["stakeholders.csv"],
        both["links.csv"],
        both["indicators.csv"],
        both["indicator_values.csv"],
        both["tps_categories.csv"],
        **{
            table: with_english(data_dir / name, getattr(forces, table), lang=lang)
            if name in BUNDLED_TEXTS
            else getattr(forces, table)
            for table, name in politics.FILES.items()
        },
        political_ties=load_political_ties(data_dir, people, forces.pairs, lang=lang),
    )


def load_political_ties(
    data_dir: Path, people: pd.DataFrame, pairs: pd.DataFrame, *, lang: str = "id"
) -> pd.DataFrame:
    """Read ``political_ties.csv``: each tie sourced, ending at a bundled pair, from a known institution."""
    path = data_dir / TIES_FILE
    ties = check_ties(_read(path, TIE_COLUMNS, lang), name=TIES_FILE, lang=lang)
    check_tie_ends(ties, set(people["id"]), set(pairs["pair_id"]), name=TIES_FILE, lang=lang)
    return with_english(path, ties, lang=lang)


def load_forces(
    data_dir: Path, contests: pd.DataFrame, election_ids: tuple[str, ...], *, lang: str = "id"
) -> politics.Forces:
    """Read the political forces (:data:`lib.politics.FILES`) and check them against the contests."""
    columns = {
        "pairs": politics.PAIR_COLUMNS,
        "coalitions": politics.COALITION_COLUMNS,
        "seats": politics.SEAT_COLUMNS,
        "results": politics.RESULT_COLUMNS,
        "disputes": politics.DISPUTE_COLUMNS,
    }
    tables = {table: _read(data_dir / name, columns[table], lang) for table, name in politics.FILES.items()}
    return politics.check_forces(contests, tables, election_ids, lang=lang)


def _key(values: tuple[object, ...]) -> tuple[str, ...]:
    """Return a row's key as text, so a typed frame (``year`` 2022) meets the file's ``"2022"``."""
    return tuple(str(v) for v in values)


def with_english(path: Path, frame: pd.DataFrame, *, lang: str = "id") -> pd.DataFrame:
    """Return the checked ``frame`` of a bundled file with the English twins of its texts added.

    Every text in :data:`BUNDLED_TEXTS` must be written in both languages: a cell filled in one
    and empty in the other raises, naming the file, row and column.

    Raises
    ------
    DataProblem
        If a twin column is missing or a text lacks one of its languages.
    """
    keys, texts = BUNDLED_TEXTS[path.name]
    english = [f"{text}_en" for text in texts]
    raw = _read(path, (*keys, *texts, *english), lang)
    for text, twin in zip(texts, english, strict=True):
        indonesian, other = raw[text].notna(), raw[twin].notna()
        for row in (indonesian != other).to_numpy().nonzero()[0]:
            empty, filled = (twin, text) if indonesian.iloc[row] else (text, twin)
            raise DataProblem(
                t(
                    "bundle.one_language",
                    lang,
                    name=path.name,
                    row=int(row) + 2,
                    column=empty,
                    other=filled,
                    text=str(raw[filled].iloc[row])[:80],
                ),
                t("bundle.one_language_fix", lang),
            )
    by_key = {_key(key): row for row, key in enumerate(raw[list(keys)].itertuples(index=False))}
    positions = [by_key.get(_key(key)) for key in frame[list(keys)].itertuples(index=False)]
    out = frame.copy()
    for twin in english:
        values = raw[twin].tolist()
        out[twin] = [None if at is None else values[at] for at in positions]
        out[twin] = out[twin].astype("object").where(out[twin].notna(), None)
    return out


TPS_COLUMNS = ("election_id", "region_code", "kurang_rawan", "rawan", "sangat_rawan", "source", "note")


def load_tps_categories(data_dir: Path, election_ids: tuple[str, ...], *, lang: str = "id") -> pd.DataFrame:
    """Read ``tps_categories.csv``: TPS per Polri category where a source gives them."""
    path = data_dir / "tps_categories.csv"
    frame = _read(path, TPS_COLUMNS, lang)
    _allowed(frame, path, "election_id", election_ids, lang=lang)
    _allowed(frame, path, "region_code", ("51", *REGENCY_CODES), lang=lang)
    _require_sources(frame, path, lang=lang)
    return _numbers(frame, path, ("kurang_rawan", "rawan", "sangat_rawan"), "int", lang=lang)


def region_index(regions: pd.DataFrame, extra: pd.DataFrame | None = None) -> RegionIndex:
    """Return the region index of the bundled regions plus ``extra`` rows (kecamatan/desa)."""
    rows = regions[["code", "name", "kind", "parent_code"]].to_dict("records")
    if extra is not None:
        rows += extra[["code", "name", "kind", "parent_code"]].to_dict("records")
    return build_index(rows)
