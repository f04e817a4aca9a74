"""Indicators of the vulnerability index: their definitions, the values derived, entered and combined.

Indicator values come in a long frame (:data:`VALUE_COLUMNS`): computed by
:func:`derive_indicators` from the events, the Posko reports and the election figures, or
entered with a source (``data/indicator_values.csv``, the editable table) and checked by
:func:`validate_indicator_values`; :func:`combine` joins the two. :mod:`lib.risk.index` scores them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from lib.core import formats
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES, RegionIndex, level_of, regency_of
from lib.risk.vocabulary import DIMENSIONS, DIRECTIONS
from lib.risk.weights import MAX_WEIGHT

INDICATOR_COLUMNS: tuple[str, ...] = (
    "key",
    "dimension",
    "sub_dimension",
    "label_id",
    "label_en",
    "direction",
    "default_weight",
    "unit",
    "derived",
    "source",
    "note",
)
VALUE_COLUMNS: tuple[str, ...] = ("region_code", "key", "value", "year", "source", "note")
UNIT_RANGES: Mapping[str, tuple[float, float]] = {
    "per_100k_dpt": (0.0, math.inf),
    "voters_per_tps": (0.0, math.inf),
    "share": (0.0, 1.0),
    "percent": (0.0, 100.0),
    "score_0_100": (0.0, 100.0),
    "pairs": (0.0, math.inf),
    "flag": (0.0, 1.0),
    "percentage_points": (0.0, 100.0),
    "count": (0.0, math.inf),
}
"""Plausible range of a value by the unit of its indicator."""

EVENT_INDICATORS: Mapping[str, tuple[str, ...]] = {
    "violence": ("riot", "clash", "violence"),
    "intimidation": ("intimidation",),
    "asn_neutrality": ("asn_neutrality",),
    "money_politics": ("money_politics",),
    "hoax": ("hoax",),
    "disputes": ("dispute",),
    "logistics": ("logistics",),
}
"""Indicator key -> the event categories it counts (``other`` counts for none)."""
POSKO_INDICATOR = "posko_reports"
VOTERS_PER_TPS = "voters_per_tps"
CANDIDATE_PAIRS = "candidate_pairs"
PER_VOTERS = 100_000


# --------------------------------------------------------------------------- definitions


def check_definitions(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Return the indicator definitions typed (weight float, derived bool), or say what is wrong.

    Parameters
    ----------
    frame
        ``data/indicators.csv`` read as text (:data:`INDICATOR_COLUMNS`). Not modified.

    Raises
    ------
    DataProblem
        Naming the row (as in a spreadsheet, header = row 1) and column of the first bad cell.
    """
    missing = [c for c in INDICATOR_COLUMNS if c not in frame.columns]
    if missing:
        raise DataProblem(
            t("risk.definitions.missing_columns", lang, columns=", ".join(missing)),
            t("risk.definitions.missing_columns_fix", lang),
        )
    out = frame[list(INDICATOR_COLUMNS)].copy()

    def fail(position: int, column: str, value: object, expected: str) -> DataProblem:
        return DataProblem(
            t(
                "risk.definitions.bad_cell",
                lang,
                row=position + 2,
                column=column,
                value=value,
                expected=expected,
            ),
            t("risk.definitions.bad_cell_fix", lang),
        )

    weights: list[float] = []
    flags: list[bool] = []
    seen: set[str] = set()
    for position, row in enumerate(out.itertuples(index=False)):
        for column in ("key", "label_id", "label_en", "source"):
            if _blank(getattr(row, column)):
                raise fail(position, column, "", t("risk.expected.text", lang))
        if row.key in seen:
            raise fail(position, "key", row.key, t("risk.expected.unique_key", lang))
        seen.add(row.key)
        if row.dimension not in DIMENSIONS:
            options = ", ".join(DIMENSIONS)
            raise fail(
                position, "dimension", row.dimension, t("risk.expected.dimension", lang, options=options)
            )
        if row.direction not in DIRECTIONS:
            options = ", ".join(DIRECTIONS)
            raise fail(
                position, "direction", row.direction, t("risk.expected.direction", lang, options=options)
            )
        if row.unit not in UNIT_RANGES:
            raise fail(
                position, "unit", row.unit, t("risk.expected.unit", lang, options=", ".join(UNIT_RANGES))
            )
        weight = _number(row.default_weight)
        if weight is None or not 0 <= weight <= MAX_WEIGHT:
            raise fail(position, "default_weight", row.default_weight, t("risk.expected.weight", lang))
        weights.append(weight)
        flag = str(row.derived).strip().lower()
        if flag not in ("true", "false"):
            raise fail(position, "derived", row.derived, t("risk.expected.flag", lang))
        flags.append(flag == "true")
    out["default_weight"] = pd.Series(weights, index=out.index, dtype="float64")
    out["derived"] = pd.Series(flags, index=out.index, dtype="bool")
    return out.reset_index(drop=True)


def indicator_labels(definitions: pd.DataFrame, dimension: str, lang: str) -> list[tuple[str, str]]:
    """Return (key, label in ``lang``) of each indicator of ``dimension``, in the order defined.

    >>> defs = pd.DataFrame({"key": ["a", "b"], "dimension": ["kontestasi", "partisipasi"],
    ...                      "label_id": ["A id", "B id"], "label_en": ["A en", "B en"]})
    >>> indicator_labels(defs, "kontestasi", "en")
    [('a', 'A en')]
    """
    mine = definitions[definitions["dimension"] == dimension]
    label = "label_id" if lang == "id" else "label_en"
    return [(str(k), str(v)) for k, v in zip(mine["key"], mine[label], strict=True)]


# --------------------------------------------------------------------------- derived indicators


def derive_indicators(
    events: pd.DataFrame,
    figures: pd.DataFrame,
    *,
    election_voting_day: dt.date,
    half_life_years: float,
    as_of: dt.date | None = None,
    reports: pd.DataFrame | None = None,
    posko_active: bool = False,
    contests: pd.DataFrame | None = None,
    lang: str = "id",
) -> pd.DataFrame:
    """Compute the indicators the app can derive, per regency, in the long form of :data:`VALUE_COLUMNS`.

    Parameters
    ----------
    events
        Conflict events (``date``, ``date_precision``, ``region_code``, ``category``), already limited to
        what the caller may see. An event in a kecamatan or desa counts for its regency; a province-wide
        event (``51``) counts for no regency. Category ``other`` counts for no indicator. Not modified.
    figures
        Election figures of ONE election: ``region_code``, ``dpt``, ``n_tps`` (empty = unknown),
        ``source``. The regencies in it are the regions the result covers.
    election_voting_day
        Voting day of that election: the year of the per-TPS and candidate rows.
    half_life_years
        An event ``half_life_years`` old counts half as much as one on ``as_of``; ``math.inf`` switches
        recency weighting off.
    as_of
        Date of the assessment (default: voting day). Events after it are left out. An event dated
        only by month or year counts from the middle of that month (the 15th) or year (1 July).
    reports
        Posko reports already limited to the chosen period and access ceiling; only ``region_code`` is
        read. ``None`` means the Posko holds no data: the indicator stays unknown.
    posko_active
        Whether the Posko was operating in the period. Only then does a regency without reports get a
        real 0; otherwise it stays unknown.
    contests
        Contests of the same election (``region_code``, ``n_pairs``, ``source`` and optionally
        ``contest``); gives the number of candidate pairs per regency.

    Returns
    -------
    pandas.DataFrame
        One row per known (region, indicator): events per 100,000 DPT for each key of
        :data:`EVENT_INDICATORS`, ``posko_reports`` per 100,000 DPT, ``voters_per_tps``
        and ``candidate_pairs``. Unknown values are absent, not zero.
    """
    if not half_life_years > 0:
        raise ValueError(f"half_life_years must be positive, got {half_life_years}.")
    as_of = election_voting_day if as_of is None else as_of
    regency = figures[figures["region_code"].astype(str).map(_is_regency).astype(bool)]
    if regency["region_code"].duplicated().any():
        raise ValueError("figures hold more than one row per region; pass the figures of one election.")
    dpt = {str(r): _number(d) for r, d in zip(regency["region_code"], regency["dpt"], strict=True)}
    rows: list[dict[str, object]] = []

    dated = _event_weights(events, as_of, half_life_years)
    for key, categories in EVENT_INDICATORS.items():
        chosen = dated[dated["category"].isin(categories)]
        source = t(
            "risk.derived.events_source",
            lang,
            categories=", ".join(categories),
            half_life=f"{half_life_years:g}",
        )
        for code, voters in dpt.items():
            if voters is None or voters <= 0:
                continue
            mine = chosen[chosen["regency"] == code]
            weight = float(mine["weight"].sum())
            note = t(
                "risk.derived.events_note",
                lang,
                count=len(mine),
                as_of=as_of.isoformat(),
                weight=formats.number(weight, lang, digits=3),
                dpt=formats.number(voters, lang),
            )
            rows.append(_row(code, key, weight / voters * PER_VOTERS, as_of.year, source, note))

    if reports is not None:
        counts = reports["region_code"].dropna().astype(str).map(regency_of).value_counts()
        for code, voters in dpt.items():
            count = int(counts.get(code, 0))
            if voters is None or voters <= 0 or (count == 0 and not posko_active):
                continue
            note = t("risk.derived.posko_note", lang, count=count, dpt=formats.number(voters, lang))
            rows.append(
                _row(
                    code,
                    POSKO_INDICATOR,
                    count / voters * PER_VOTERS,
                    as_of.year,
                    t("risk.derived.posko_source", lang),
                    note,
                )
            )

    for code, voters, tps, source in zip(
        regency["region_code"], regency["dpt"], regency["n_tps"], regency["source"], strict=True
    ):
        n_tps = _number(tps)
        voters_n = _number(voters)
        if n_tps is None or voters_n is None or n_tps <= 0:
            continue
        note = t(
            "risk.derived.tps_note",
            lang,
            dpt=formats.number(voters_n, lang),
            tps=formats.number(n_tps, lang),
            source=source,
        )
        rows.append(
            _row(
                str(code),
                VOTERS_PER_TPS,
                voters_n / n_tps,
                election_voting_day.year,
                t("risk.derived.tps_source", lang),
                note,
            )
        )

    if contests is not None:
        for record in contests.to_dict("records"):
            code = str(record["region_code"])
            pairs = _number(record["n_pairs"])
            if code not in dpt or pairs is None:
                continue
            note = t(
                "risk.derived.pairs_note",
                lang,
                contest=record.get("contest", code),
                source=record.get("source", ""),
            )
            rows.append(
                _row(
                    code,
                    CANDIDATE_PAIRS,
                    pairs,
                    election_voting_day.year,
                    t("risk.derived.pairs_source", lang),
                    note,
                )
            )
    return _value_frame(rows)


def combine(derived: pd.DataFrame, entered: pd.DataFrame) -> pd.DataFrame:
    """Join derived and entered values into one row per (region, indicator).

    An entered value wins over a derived one for the same region and key (it carries its own
    source); among entered rows for one region and key, the latest ``year`` wins. Rows without a
    value are dropped: unknown stays absent.
    """
    parts = []
    for rank, frame in enumerate((derived, entered)):
        part = frame[list(VALUE_COLUMNS)].copy()
        part["_rank"] = rank
        parts.append(part)
    joined = pd.concat(parts, ignore_index=True)
    joined = joined[joined["value"].notna()]
    joined["_order"] = range(len(joined))
    joined = joined.sort_values(["_rank", "year", "_order"], kind="stable", na_position="first")
    kept = joined.drop_duplicates(["region_code", "key"], keep="last")
    kept = kept.sort_values(["region_code", "key"], kind="stable")
    return _value_frame(kept[list(VALUE_COLUMNS)].to_dict("records"))


# --------------------------------------------------------------------------- entered values


def validate_indicator_values(
    frame: pd.DataFrame,
    definitions: pd.DataFrame,
    index: RegionIndex,
    lang: str = "id",
    *,
    years: tuple[int, int] = (1955, 2100),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split entered indicator values (editable table or Excel import) into good rows and problems.

    A good row names a known regency or city (any spelling :meth:`RegionIndex.resolve` reads,
    stored as its code), a known indicator that is entered, not derived, a number within the
    range of its unit (a decimal comma is read as in "0,32"), a year within ``years`` and a
    source. Wholly empty rows are skipped. A repeated region, key and year is a problem on the
    later row.

    Parameters
    ----------
    frame
        Rows with the columns of :data:`VALUE_COLUMNS` (``note`` may be missing). Not modified.

    Returns
    -------
    tuple of pandas.DataFrame
        ``good`` with :data:`VALUE_COLUMNS` (value float, year int), and ``problems`` with ``row``
        (the spreadsheet row, header = row 1), ``column``, ``what`` and ``fix``.

    Raises
    ------
    DataProblem
        If a required column is missing (the whole table is then unusable).
    """
    required = [c for c in VALUE_COLUMNS if c != "note"]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataProblem(
            t("risk.values.missing_columns", lang, columns=", ".join(missing)),
            t("risk.values.missing_columns_fix", lang),
        )
    definition = definitions.set_index("key")
    good: list[dict[str, object]] = []
    problems: list[dict[str, object]] = []
    first_row: dict[tuple[str, str, int], int] = {}
    for position, record in enumerate(frame.to_dict("records")):
        row = position + 2
        cells = {c: record.get(c) for c in VALUE_COLUMNS}
        if all(_blank(v) for v in cells.values()):
            continue

        def problem(column: str, what: str, fix: str, row: int = row) -> None:
            problems.append({"row": row, "column": column, "what": what, "fix": fix})

        before = len(problems)
        entry = _read_entry(cells, definition, index, problem, lang=lang, years=years)
        if entry is None or len(problems) > before:
            continue
        code, key, value, year = entry
        if (code, key, year) in first_row:
            shown = str(cells["region_code"]).strip()
            first = first_row[(code, key, year)]
            problem(
                "key",
                t("risk.values.duplicate", lang, key=key, region=shown, year=year, first=first),
                t("risk.values.duplicate_fix", lang),
            )
            continue
        first_row[(code, key, year)] = row
        note = None if _blank(cells["note"]) else str(cells["note"]).strip()
        good.append(_row(code, key, value, year, str(cells["source"]).strip(), note))
    problem_frame = pd.DataFrame(problems, columns=["row", "column", "what", "fix"])
    problem_frame["row"] = problem_frame["row"].astype("int64")
    return _value_frame(good), problem_frame


_Problem = Callable[[str, str, str], None]
"""Records a problem of the row being read: column, what, fix."""


def _read_entry(
    cells: Mapping[str, object],
    definition: pd.DataFrame,
    index: RegionIndex,
    problem: _Problem,
    *,
    lang: str,
    years: tuple[int, int],
) -> tuple[str, str, float, int] | None:
    """Return one entered row as (region code, key, value, year), or None when a cell is unusable.

    Every unusable cell is reported through ``problem``, so one row may name several.
    """
    shown = "" if _blank(cells["region_code"]) else str(cells["region_code"]).strip()
    code = _entered_region(shown, index, problem, lang)
    key = "" if _blank(cells["key"]) else str(cells["key"]).strip()
    unit = _entered_unit(key, definition, problem, lang)
    value = _entered_value(cells["value"], key, unit, problem, lang)
    year = _entered_year(cells["year"], years, problem, lang)
    if _blank(cells["source"]):
        problem(
            "source",
            t("risk.values.no_source", lang, key=key, region=shown),
            t("risk.values.no_source_fix", lang),
        )
        return None
    if code is None or unit is None or value is None or year is None:
        return None
    return code, key, value, year


def _entered_region(shown: str, index: RegionIndex, problem: _Problem, lang: str) -> str | None:
    """Return the code of the regency or city ``shown`` names, or None (reported)."""
    try:
        code = index.resolve(shown, lang=lang)
    except DataProblem as found:
        problem("region_code", found.what, found.fix)
        return None
    if code is not None and code not in REGENCY_CODES:
        problem(
            "region_code",
            t("risk.values.not_regency", lang, text=shown),
            t("risk.values.not_regency_fix", lang),
        )
        return None
    return code


def _entered_unit(key: str, definition: pd.DataFrame, problem: _Problem, lang: str) -> str | None:
    """Return the unit of the entered indicator ``key``, or None (reported) if unknown or derived."""
    if key not in definition.index:
        close = difflib.get_close_matches(key, list(definition.index), n=3, cutoff=0.6)
        hint = t("risk.values.did_you_mean", lang, options=", ".join(close)) if close else ""
        problem(
            "key",
            t("risk.values.unknown_key", lang, key=key),
            t("risk.values.unknown_key_fix", lang, hint=hint),
        )
        return None
    if bool(definition.loc[key, "derived"]):
        problem("key", t("risk.values.derived_key", lang, key=key), t("risk.values.derived_key_fix", lang))
        return None
    return str(definition.loc[key, "unit"])


def _entered_value(cell: object, key: str, unit: str | None, problem: _Problem, lang: str) -> float | None:
    """Return the entered value as a number within the range of ``unit``, or None (reported).

    With no known unit, a number is returned unchecked (the key itself was reported).
    """
    value = _number(cell)
    if _blank(cell):
        problem("value", t("risk.values.empty_value", lang, key=key), t("risk.values.empty_value_fix", lang))
        return None
    if value is None:
        problem(
            "value",
            t("risk.values.not_number", lang, value=cell, key=key),
            t("risk.values.not_number_fix", lang),
        )
        return None
    if unit is None:
        return value
    low, high = UNIT_RANGES[unit]
    if low <= value <= high:
        return value
    problem(
        "value",
        t(
            "risk.values.out_of_range",
            lang,
            value=f"{value:g}",
            key=key,
            unit=t(f"risk.unit.{unit}", lang),
            low=f"{low:g}",
            high="\u221e" if math.isinf(high) else f"{high:g}",
        ),
        t("risk.values.out_of_range_fix", lang),
    )
    return None


def _entered_year(cell: object, years: tuple[int, int], problem: _Problem, lang: str) -> int | None:
    """Return the entered year as an int within ``years``, or None (reported)."""
    year = _number(cell)
    if year is not None and year == int(year) and years[0] <= year <= years[1]:
        return int(year)
    problem(
        "year",
        t("risk.values.bad_year", lang, value="" if _blank(cell) else cell, low=years[0], high=years[1]),
        t("risk.values.bad_year_fix", lang),
    )
    return None


# --------------------------------------------------------------------------- helpers


def _event_weights(events: pd.DataFrame, as_of: dt.date, half_life_years: float) -> pd.DataFrame:
    """Return the events up to ``as_of`` with their regency and recency weight."""
    frame = pd.DataFrame(
        {
            "regency": events["region_code"].map(regency_of),
            "category": events["category"].astype(str),
            "day": [
                _event_day(str(text), str(precision))
                for text, precision in zip(events["date"], events["date_precision"], strict=True)
            ],
        }
    )
    frame = frame[frame["regency"].notna() & frame["day"].map(lambda d: d <= as_of)]
    age_years = frame["day"].map(lambda d: (as_of - d).days / 365.25).astype(float)
    frame["weight"] = 0.5 ** (age_years / half_life_years)
    return frame


def _event_day(text: str, precision: str) -> dt.date:
    """Return the day an event counts from: its date, or the middle of its month or year."""
    if precision == "day":
        return dt.date.fromisoformat(text)
    if precision == "month":
        year, month = (int(p) for p in text.split("-")[:2])
        return dt.date(year, month, 15)
    if precision == "year":
        return dt.date(int(text[:4]), 7, 1)
    raise ValueError(f"unknown date precision {precision!r}.")


def _is_regency(code: str) -> bool:
    return code.count(".") >= 1 and level_of(code) == "kabupaten"


def _blank(value: object) -> bool:
    """Return True for None, NA, NaN and text that is only spaces."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _number(value: object) -> float | None:
    """Return ``value`` as a float ("0,32" read as 0.32), or None when empty or not a number."""
    if _blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if "," in text and "." in text:
            text = text.replace(".", "").replace(",", ".")
        elif "," in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def _row(code: str, key: str, value: float, year: int, source: str, note: str | None) -> dict[str, object]:
    return {
        "region_code": code,
        "key": key,
        "value": float(value),
        "year": int(year),
        "source": source,
        "note": note,
    }


def _value_frame(rows: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """Return value rows as a typed frame with :data:`VALUE_COLUMNS`."""
    frame = pd.DataFrame(list(rows), columns=list(VALUE_COLUMNS))
    frame["region_code"] = frame["region_code"].astype("string")
    frame["key"] = frame["key"].astype("string")
    frame["value"] = pd.to_numeric(frame["value"]).astype("float64")
    frame["year"] = pd.array(frame["year"].tolist(), dtype="Int64")
    frame["source"] = frame["source"].astype("string")
    frame["note"] = frame["note"].astype("string")
    return frame.reset_index(drop=True)
