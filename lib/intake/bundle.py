"""Open the bundled, sourced facts in ``data/`` and check what the rest of the code assumes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES, RegionIndex, build_index
from lib.core.vocab import CATEGORIES, CLASSIFICATIONS, CONFIDENCES, DATE_PRECISIONS, EVENT_COLUMNS

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
CONTEST_COLUMNS = ("election_id", "contest", "region_code", "n_pairs", "source")
PHASES_REPORTED = ("pre", "during", "post", "n/a")
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


def _read(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    """Read a bundled CSV as text and check that it has ``columns``."""
    if not path.is_file():
        raise DataProblem(
            f"Berkas data {path.name} tidak ditemukan di {path.parent}.",
            "Pulihkan folder data/ dari repositori Sinergi.",
        )
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataProblem(
            f"Berkas data {path.name} tidak punya kolom {', '.join(missing)}.",
            "Pulihkan berkas itu dari repositori Sinergi atau tambahkan kolomnya.",
        )
    return frame


def _fail(path: Path, row: int, column: str, value: object, expected: str) -> DataProblem:
    """Return the problem for one bad cell of a bundled file (row 2 is the first data row)."""
    return DataProblem(
        f"Berkas data {path.name}, baris {row}, kolom {column}: \u201c{value}\u201d bukan {expected}.",
        "Perbaiki sel itu di berkas data (nilai yang tidak diketahui dibiarkan kosong).",
    )


def _numbers(frame: pd.DataFrame, path: Path, columns: tuple[str, ...], kind: str = "float") -> pd.DataFrame:
    """Convert ``columns`` to numbers; empty stays NA (unknown), anything else must parse."""
    out = frame.copy()
    for column in columns:
        converted = pd.to_numeric(out[column], errors="coerce")
        bad = converted.isna() & out[column].notna()
        if bad.any():
            row = int(bad.to_numpy().nonzero()[0][0])
            raise _fail(path, row + 2, column, out[column].iloc[row], "angka")
        out[column] = converted.astype("Int64") if kind == "int" else converted.astype("Float64")
    return out


def _dates(frame: pd.DataFrame, path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    """Parse ISO dates in ``columns`` to ``datetime.date``."""
    out = frame.copy()
    for column in columns:
        values = []
        for row, text in enumerate(out[column]):
            try:
                values.append(dt.date.fromisoformat(str(text)))
            except ValueError:
                raise _fail(path, row + 2, column, text, "tanggal YYYY-MM-DD") from None
        out[column] = values
    return out


def _allowed(frame: pd.DataFrame, path: Path, column: str, allowed: tuple[str, ...], *, empty: bool = False):
    """Check that every value of ``column`` is one of ``allowed`` (or empty when ``empty``)."""
    for row, value in enumerate(frame[column]):
        if pd.isna(value) and empty:
            continue
        if value not in allowed:
            raise _fail(path, row + 2, column, value, "salah satu dari " + ", ".join(allowed))


def load_regions(data_dir: Path) -> pd.DataFrame:
    """Read ``regions.csv``: the province and its 9 regencies/city, with sources."""
    path = data_dir / "regions.csv"
    frame = _read(path, REGION_COLUMNS)
    codes = set(frame["code"])
    if codes != {"51", *REGENCY_CODES}:
        raise DataProblem(
            f"Berkas data {path.name} harus memuat Bali (51) dan 9 kabupaten/kota; "
            f"ditemukan {sorted(codes)}.",
            "Pulihkan berkas itu dari repositori Sinergi.",
        )
    _allowed(frame, path, "kind", ("provinsi", "kabupaten", "kota"))
    frame = _numbers(frame, path, ("seat_lat", "seat_lon", "area_km2"))
    frame = _numbers(frame, path, ("population", "n_kecamatan", "n_desa_kelurahan"), "int")
    _require_sources(frame, path)
    return frame.set_index("code", drop=False)


def _require_sources(frame: pd.DataFrame, path: Path, column: str = "source") -> None:
    """Every bundled fact carries its source."""
    empty = frame[column].isna()
    if empty.any():
        row = int(empty.to_numpy().nonzero()[0][0])
        raise _fail(path, row + 2, column, "", "sumber (URL atau rujukan)")


def load_elections(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read elections, their stages, per-region figures (DPT, TPS) and contests."""
    path = data_dir / "elections.csv"
    elections = _dates(_read(path, ELECTION_COLUMNS), path, ("voting_day",))
    _require_sources(elections, path)
    if elections["id"].duplicated().any():
        raise _fail(
            path, int(elections["id"].duplicated().to_numpy().nonzero()[0][0]) + 2, "id", "", "id unik"
        )
    ids = tuple(elections["id"])
    stages_path = data_dir / "election_stages.csv"
    stages = _dates(_read(stages_path, STAGE_COLUMNS), stages_path, ("start", "end"))
    _allowed(stages, stages_path, "election_id", ids)
    _require_sources(stages, stages_path)
    for row, (start, end) in enumerate(zip(stages["start"], stages["end"], strict=True)):
        if end < start:
            raise _fail(stages_path, row + 2, "end", end, f"tanggal pada/sesudah {start}")
    figures_path = data_dir / "election_figures.csv"
    figures = _numbers(_read(figures_path, FIGURE_COLUMNS), figures_path, ("dpt", "n_tps"), "int")
    _allowed(figures, figures_path, "election_id", ids)
    _allowed(figures, figures_path, "region_code", ("51", *REGENCY_CODES))
    _require_sources(figures, figures_path)
    contests_path = data_dir / "contests.csv"
    contests = _numbers(_read(contests_path, CONTEST_COLUMNS), contests_path, ("n_pairs",), "int")
    _allowed(contests, contests_path, "election_id", ids)
    _require_sources(contests, contests_path)
    return elections.set_index("id", drop=False), stages, figures, contests


def load_events(data_dir: Path, election_ids: tuple[str, ...]) -> pd.DataFrame:
    """Read ``events.csv``: election-related conflict in Bali, one row per sourced event."""
    path = data_dir / "events.csv"
    required = tuple(c for c in EVENT_COLUMNS if c not in ("lat", "lon", "classification", "origin"))
    frame = _read(path, required)
    for row, (text, precision) in enumerate(zip(frame["date"], frame["date_precision"], strict=True)):
        if precision not in DATE_PRECISIONS:
            raise _fail(path, row + 2, "date_precision", precision, "day, month atau year")
        if not re.fullmatch(_DATE_FORMS[precision], str(text)):
            raise _fail(path, row + 2, "date", text, f"tanggal berbentuk {precision}")
        if precision == "day":
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise _fail(path, row + 2, "date", text, "tanggal yang ada") from None
    _allowed(frame, path, "region_code", ("51", *REGENCY_CODES))
    _allowed(frame, path, "category", CATEGORIES)
    _allowed(frame, path, "confidence", CONFIDENCES)
    _allowed(frame, path, "election_id", election_ids, empty=True)
    _allowed(frame, path, "phase_reported", PHASES_REPORTED, empty=True)
    frame = _numbers(frame, path, ("severity", "fatalities"), "int")
    bad = ~frame["severity"].isin([1, 2, 3, 4, 5])
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise _fail(path, row + 2, "severity", frame["severity"].iloc[row], "angka 1 sampai 5")
    _require_sources(frame, path, "source_url")
    if frame["id"].duplicated().any():
        row = int(frame["id"].duplicated().to_numpy().nonzero()[0][0])
        raise _fail(path, row + 2, "id", frame["id"].iloc[row], "id unik")
    frame["lat"] = pd.Series(pd.NA, index=frame.index, dtype="Float64")
    frame["lon"] = pd.Series(pd.NA, index=frame.index, dtype="Float64")
    frame["classification"] = "TERBUKA"
    frame["origin"] = "bundled"
    _allowed(frame, path, "classification", CLASSIFICATIONS)
    return frame[list(EVENT_COLUMNS)]


def load_network(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read ``stakeholders.csv`` and ``links.csv`` and check them (see lib/network.py)."""
    from lib import network

    people_path = data_dir / "stakeholders.csv"
    links_path = data_dir / "links.csv"
    people = network.check_stakeholders(_read(people_path, network.STAKEHOLDER_COLUMNS))
    links = network.check_links(_read(links_path, network.LINK_COLUMNS), set(people["id"]))
    return people, links


def load_indicators(data_dir: Path, regions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the vulnerability-index indicator definitions and the sourced values entered for them."""
    from lib import risk

    path = data_dir / "indicators.csv"
    definitions = risk.check_definitions(_read(path, ("key", "dimension", "default_weight", "source")))
    values_path = data_dir / "indicator_values.csv"
    raw = _read(values_path, risk.VALUE_COLUMNS)
    good, problems = risk.validate_indicator_values(raw, definitions, region_index(regions))
    if len(problems):
        first = problems.iloc[0]
        raise DataProblem(
            f"Berkas data {values_path.name}, baris {first['row']}, kolom {first['column']}: {first['what']}",
            str(first["fix"]),
        )
    return definitions, good


def load_bundle(data_dir: Path) -> Bundle:
    """Read and check every bundled file."""
    regions = load_regions(data_dir)
    elections, stages, figures, contests = load_elections(data_dir)
    events = load_events(data_dir, tuple(elections["id"]))
    people, links = load_network(data_dir)
    indicators, values = load_indicators(data_dir, regions)
    tps = load_tps_categories(data_dir, tuple(elections["id"]))
    return Bundle(
        regions, elections, stages, figures, contests, events, people, links, indicators, values, tps
    )


TPS_COLUMNS = ("election_id", "region_code", "kurang_rawan", "rawan", "sangat_rawan", "source", "note")


def load_tps_categories(data_dir: Path, election_ids: tuple[str, ...]) -> pd.DataFrame:
    """Read ``tps_categories.csv``: TPS per Polri category where a source gives them."""
    path = data_dir / "tps_categories.csv"
    frame = _read(path, TPS_COLUMNS)
    _allowed(frame, path, "election_id", election_ids)
    _allowed(frame, path, "region_code", ("51", *REGENCY_CODES))
    _require_sources(frame, path)
    return _numbers(frame, path, ("kurang_rawan", "rawan", "sangat_rawan"), "int")


def region_index(regions: pd.DataFrame, extra: pd.DataFrame | None = None) -> RegionIndex:
    """Return the region index of the bundled regions plus ``extra`` rows (kecamatan/desa)."""
    rows = regions[["code", "name", "kind", "parent_code"]].to_dict("records")
    if extra is not None:
        rows += extra[["code", "name", "kind", "parent_code"]].to_dict("records")
    return build_index(rows)
