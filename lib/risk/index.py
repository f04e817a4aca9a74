"""Compute the vulnerability index of Bali's regencies from sourced indicators.

The index is *modelled on* Bawaslu's Indeks Kerawanan Pemilu (IKP 2024: four
dimensions, categories rawan rendah / sedang / tinggi), but it is **not**
Bawaslu's index: Sinergi uses its own, smaller set of indicators
(``data/indicators.csv``), scales each one relative to the other regencies and
weighs them as the user chooses. Its score and category are comparable between
regencies in one view, not with a published IKP score.

How a score is made
-------------------
1. Indicator values come in a long frame (:data:`VALUE_COLUMNS`): computed by
   :func:`derive_indicators` from the events, the Posko reports and the
   election figures, or entered with a source (``data/indicator_values.csv``,
   the editable table) and checked by :func:`validate_indicator_values`;
   :func:`combine` joins the two.
2. :func:`normalise` puts each indicator on 0-100 by min-max over the regions
   whose value is known, so that 100 is always the most vulnerable one.
3. :func:`compute_index` takes the weighted mean of the known scores only
   (weights renormalised over what is known) and reports how much of the
   weight was known (``coverage``), so that an index built on one indicator
   does not look as solid as one built on twelve.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES, RegionIndex, level_of

DIMENSIONS: tuple[str, ...] = ("konteks_sosial_politik", "penyelenggaraan", "kontestasi", "partisipasi")
"""The four dimensions of Bawaslu's IKP 2024, in its order."""
DIRECTIONS: tuple[str, ...] = ("higher_is_riskier", "lower_is_riskier")
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

CATEGORIES: tuple[str, ...] = ("rendah", "sedang", "tinggi")
UNKNOWN = "tidak diketahui"
MAX_WEIGHT = 100.0
"""Largest weight a link may carry."""


@dataclass(frozen=True)
class Bands:
    """Thresholds that turn an index (0-100) into rawan rendah / sedang / tinggi.

    A score at or above ``tinggi`` is tinggi, at or above ``sedang`` is sedang,
    anything lower is rendah.
    """

    tinggi: float
    sedang: float
    source: str

    def __post_init__(self) -> None:
        if not 0 <= self.sedang <= self.tinggi <= 100:
            raise ValueError(f"bands need 0 <= sedang <= tinggi <= 100, got {self.sedang}, {self.tinggi}.")

    def category(self, index: float | None) -> str:
        """Return the category of ``index``; :data:`UNKNOWN` when it is missing.

        >>> [IKP_KABKOTA_BANDS.category(v) for v in (49.33, 49.32, 13.47, 13.46, None)]
        ['tinggi', 'sedang', 'sedang', 'rendah', 'tidak diketahui']
        """
        if index is None or pd.isna(index):
            return UNKNOWN
        if index >= self.tinggi:
            return "tinggi"
        return "sedang" if index >= self.sedang else "rendah"


IKP_KABKOTA_BANDS = Bands(
    tinggi=49.33,
    sedang=13.47,
    source=(
        "Bawaslu IKP Pemilu dan Pemilihan Serentak 2024, kab/kota bands: tinggi 49.33-100, sedang "
        "13.47-49.32, rendah below 13.47 (https://alinea.id/amp/daerah/upaya-polri-jaga-kamtibmas-kalimantan-"
        "tengah-saat-pemilu-b2iaR9Ppx; research pilkada2024.md section 3a)"
    ),
)
"""Default bands: Bawaslu's IKP 2024 kab/kota thresholds."""
IKP_PROVINCE_BANDS = Bands(
    tinggi=68.5,
    sedang=21.7,
    source=(
        "Bawaslu IKP Pemilu dan Pemilihan Serentak 2024, province bands: tinggi 68.5-100, sedang 21.7-68.5, "
        "rendah below 21.7 (https://alinea.id/amp/daerah/upaya-polri-jaga-kamtibmas-kalimantan-tengah-saat-"
        "pemilu-b2iaR9Ppx)"
    ),
)


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


def default_weights(definitions: pd.DataFrame) -> dict[str, float]:
    """Return the default weight of every indicator, by key."""
    return {str(k): float(w) for k, w in zip(definitions["key"], definitions["default_weight"], strict=True)}


def scale_dimensions(
    definitions: pd.DataFrame, factors: Mapping[str, float], weights: Mapping[str, float] | None = None
) -> dict[str, float]:
    """Return ``weights`` (default: the defaults), each multiplied by the factor of its dimension.

    This is how "weigh contestation twice as much" becomes indicator weights.

    >>> defs = pd.DataFrame({"key": ["a", "b"], "dimension": ["kontestasi", "partisipasi"],
    ...                      "default_weight": [1.0, 1.0]})
    >>> scale_dimensions(defs, {"kontestasi": 2})
    {'a': 2.0, 'b': 1.0}
    """
    unknown = set(factors) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"unknown dimensions {sorted(unknown)}; expected some of {DIMENSIONS}.")
    base = default_weights(definitions) if weights is None else dict(weights)
    dimension_of = dict(zip(definitions["key"], definitions["dimension"], strict=True))
    return {key: float(w * factors.get(dimension_of[key], 1.0)) for key, w in base.items()}


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
                weight=f"{weight:.3f}",
                dpt=f"{voters:,.0f}",
            )
            rows.append(_row(code, key, weight / voters * PER_VOTERS, as_of.year, source, note))

    if reports is not None:
        counts = reports["region_code"].dropna().astype(str).map(_regency_of).value_counts()
        for code, voters in dpt.items():
            count = int(counts.get(code, 0))
            if voters is None or voters <= 0 or (count == 0 and not posko_active):
                continue
            note = t("risk.derived.posko_note", lang, count=count, dpt=f"{voters:,.0f}")
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
        note = t("risk.derived.tps_note", lang, dpt=f"{voters_n:,.0f}", tps=f"{n_tps:,.0f}", source=source)
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


# --------------------------------------------------------------------------- scoring


def normalise(values: pd.DataFrame, definitions: pd.DataFrame) -> pd.DataFrame:
    """Return ``values`` with a ``score`` column: each indicator on 0-100 across regions.

    Min-max over the regions whose value is known: for a ``higher_is_riskier`` indicator the
    highest value scores 100 and the lowest 0 (the other way round for ``lower_is_riskier``).
    When every known value is equal (or only one region is known) the indicator cannot tell
    regions apart, and each known region scores 50, the midpoint: it then moves no rank.
    Scores are relative to the regions in ``values``; add or remove a region and they change.

    Examples
    --------
    >>> defs = pd.DataFrame({"key": ["x"], "direction": ["higher_is_riskier"]})
    >>> vals = pd.DataFrame({"region_code": ["51.01", "51.02", "51.03"], "key": ["x"] * 3,
    ...                      "value": [2.0, 4.0, 3.0]})
    >>> normalise(vals, defs)["score"].tolist()
    [0.0, 100.0, 50.0]
    """
    direction = dict(zip(definitions["key"], definitions["direction"], strict=True))
    unknown = set(values["key"]) - set(direction)
    if unknown:
        raise ValueError(f"values hold indicators with no definition: {sorted(unknown)}.")
    out = values.copy()
    number = pd.to_numeric(out["value"], errors="raise").astype("float64")
    low = number.groupby(out["key"]).transform("min")
    high = number.groupby(out["key"]).transform("max")
    spread = high - low
    scaled = ((number - low) / spread.where(spread > 0)) * 100
    scaled = scaled.where(spread > 0, 50.0).where(number.notna())
    lower = out["key"].map(direction) == "lower_is_riskier"
    out["score"] = scaled.where(~lower, 100 - scaled).astype("float64")
    return out


def compute_index(
    values: pd.DataFrame,
    definitions: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    *,
    regions: Sequence[str] | None = None,
    bands: Bands = IKP_KABKOTA_BANDS,
    lang: str = "id",
) -> pd.DataFrame:
    """Compute the vulnerability index of each region from the indicators known for it.

    Modelled on, not equal to, Bawaslu's IKP (see the module docstring): scores come from
    :func:`normalise`, so they rank regions against each other; the categories apply Bawaslu's
    kab/kota bands (``bands``) to this relative score.

    Parameters
    ----------
    values
        Long values (:data:`VALUE_COLUMNS`), at most one row per region and key (see :func:`combine`).
    definitions
        Indicator definitions from :func:`check_definitions`.
    weights
        Weight by indicator key; keys left out keep their default weight.
    regions
        Regions to report, in this order (default: those in ``values``). A region with no known
        indicator gets index NA and category ``tidak diketahui``. Values of other regions are ignored,
        so min-max runs over these regions only.

    Returns
    -------
    pandas.DataFrame
        One row per region: ``region_code``, ``index`` (0-100, the weighted mean of the known scores,
        weights renormalised over the known indicators), ``category``, ``rank`` (1 = most
        vulnerable, ties share the best rank), ``coverage`` (known weight / all weight, 0-1),
        ``n_known``, ``n_total`` (indicators with a weight above 0), and ``dim_<dimension>`` for
        each of :data:`DIMENSIONS` (same mean within the dimension).

    Raises
    ------
    DataProblem
        If every weight is 0.
    """
    matrix = _Matrix.build(values, definitions, weights, regions, lang)
    index = matrix.index(matrix.weights[None, :])[0]
    known_weight = matrix.known.astype(float) @ matrix.weights
    out = pd.DataFrame({"region_code": matrix.regions})
    out["index"] = pd.array([_maybe(v) for v in index], dtype="Float64")
    out["category"] = [bands.category(_maybe(v)) for v in index]
    out["rank"] = pd.array(_ranks(index), dtype="Int64")
    out["coverage"] = known_weight / matrix.weights.sum()
    active = matrix.weights > 0
    out["n_known"] = (matrix.known[:, active]).sum(axis=1).astype("int64")
    out["n_total"] = int(active.sum())
    for dimension in DIMENSIONS:
        mask = (matrix.dimensions == dimension).astype(float)
        score = matrix.index((matrix.weights * mask)[None, :])[0]
        out[f"dim_{dimension}"] = pd.array([_maybe(v) for v in score], dtype="Float64")
    return out


CONTRIBUTION_COLUMNS: tuple[str, ...] = (
    "region_code",
    "key",
    "dimension",
    "label_id",
    "label_en",
    "value",
    "year",
    "source",
    "score",
    "weight",
    "weight_share",
    "contribution",
    "known",
)


def contributions(
    values: pd.DataFrame,
    definitions: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    *,
    regions: Sequence[str] | None = None,
    select: Collection[str] | None = None,
    lang: str = "id",
) -> pd.DataFrame:
    """Return each indicator's weighted contribution to each region's index, for an explain-a-score chart.

    One row per region and indicator (unknown ones included, ``known`` False, contribution NA):
    ``region_code``, ``key``, ``dimension``, ``label_id``, ``label_en``, ``value``, ``year``,
    ``source``, ``score`` (0-100), ``weight``, ``weight_share`` (the weight renormalised over the
    region's known indicators) and ``contribution`` = ``weight_share * score``. A region's
    contributions add up to its index in :func:`compute_index` called with the same ``values``,
    ``weights`` and ``regions``.

    ``regions`` is the assessment's scope, as in :func:`compute_index`: scores are scaled over
    all of them. ``select`` only picks which of them to return (default: all), so explaining one
    region never rescales its scores against itself alone.
    """
    matrix = _Matrix.build(values, definitions, weights, regions, lang)
    known_weight = matrix.known.astype(float) @ matrix.weights
    rows = []
    scored = matrix.scored.set_index(["region_code", "key"])
    wanted = None if select is None else {str(code) for code in select}
    for r, code in enumerate(matrix.regions):
        if wanted is not None and code not in wanted:
            continue
        for k, key in enumerate(matrix.keys):
            known = bool(matrix.known[r, k])
            share = matrix.weights[k] / known_weight[r] if known and known_weight[r] > 0 else math.nan
            score = matrix.scores[r, k]
            source = scored.loc[(code, key)] if known else None
            rows.append(
                {
                    "region_code": code,
                    "key": key,
                    "dimension": matrix.dimensions[k],
                    "label_id": matrix.labels_id[k],
                    "label_en": matrix.labels_en[k],
                    "value": _maybe(source["value"]) if source is not None else None,
                    "year": _maybe(source["year"]) if source is not None else None,
                    "source": source["source"] if source is not None else None,
                    "score": _maybe(score),
                    "weight": float(matrix.weights[k]),
                    "weight_share": _maybe(share),
                    "contribution": _maybe(share * score) if known else None,
                    "known": known,
                }
            )
    out = pd.DataFrame(rows, columns=list(CONTRIBUTION_COLUMNS))
    for column in ("value", "score", "weight_share", "contribution"):
        out[column] = pd.array(out[column].tolist(), dtype="Float64")
    out["year"] = pd.array(out["year"].tolist(), dtype="Int64")
    return out


def sensitivity(
    values: pd.DataFrame,
    definitions: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    *,
    n: int = 500,
    spread: float = 0.3,
    seed: int = 0,
    regions: Sequence[str] | None = None,
    lang: str = "id",
) -> pd.DataFrame:
    """Return the range of ranks each region takes when the weights vary around the chosen ones.

    Each of ``n`` runs multiplies every weight by its own factor ``exp(spread * z)``, ``z`` drawn
    from a standard normal (multiplicative log-normal noise: a weight of 0 stays 0, ``spread``
    0.3 moves most weights within about x0.55 to x1.8). The first run uses the chosen weights
    unchanged, so the range always contains the base rank. The same ``seed`` gives the same result.

    Returns
    -------
    pandas.DataFrame
        ``region_code``, ``base_rank``, ``rank_min``, ``rank_median``, ``rank_max`` (1 = most
        vulnerable; NA for regions with no known indicator) and ``n_runs``. A region whose
        range does not overlap another's ranks above or below it whatever the weights.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}.")
    if spread < 0:
        raise ValueError(f"spread must be 0 or more, got {spread}.")
    matrix = _Matrix.build(values, definitions, weights, regions, lang)
    rng = np.random.default_rng(seed)
    factors = np.exp(spread * rng.standard_normal((n, len(matrix.keys))))
    factors[0, :] = 1.0
    runs = matrix.index(matrix.weights[None, :] * factors)
    valid = ~np.isnan(runs[0])
    out = pd.DataFrame({"region_code": matrix.regions})
    base = np.full(len(matrix.regions), np.nan)
    low = base.copy()
    median = base.copy()
    high = base.copy()
    if valid.any():
        ranks = rankdata(-runs[:, valid], axis=1, method="min")
        base[valid] = ranks[0]
        low[valid] = ranks.min(axis=0)
        median[valid] = np.median(ranks, axis=0)
        high[valid] = ranks.max(axis=0)
    out["base_rank"] = pd.array([_maybe(v) for v in base], dtype="Float64").astype("Int64")
    out["rank_min"] = pd.array([_maybe(v) for v in low], dtype="Float64").astype("Int64")
    out["rank_median"] = pd.array([_maybe(v) for v in median], dtype="Float64")
    out["rank_max"] = pd.array([_maybe(v) for v in high], dtype="Float64").astype("Int64")
    out["n_runs"] = n
    return out


# --------------------------------------------------------------------------- weights in the link


def encode_weights(weights: Mapping[str, float], defaults: Mapping[str, float]) -> str:
    """Return the weights that differ from ``defaults`` as ``key=value,key=value`` (sorted; "" if none).

    Values are written in Python's shortest exact form, so :func:`decode_weights` reads back the
    same floats. Only characters safe in a URL query are used.

    >>> encode_weights({"hoax": 1.0, "ikp_kontestasi": 2.5, "violence": 0.0}, {"hoax": 1.0,
    ...                "ikp_kontestasi": 1.0, "violence": 1.0})
    'ikp_kontestasi=2.5,violence=0.0'
    """
    unknown = set(weights) - set(defaults)
    if unknown:
        raise ValueError(f"weights for unknown indicators: {sorted(unknown)}.")
    parts = []
    for key in sorted(weights):
        weight = float(weights[key])
        if not (math.isfinite(weight) and 0 <= weight <= MAX_WEIGHT):
            raise ValueError(f"weight of {key} must be within 0..{MAX_WEIGHT}, got {weight}.")
        if weight != float(defaults[key]):
            parts.append(f"{key}={weight!r}")
    return ",".join(parts)


_WEIGHT_PART = re.compile(r"^([a-z0-9_]+)=([0-9.eE+\-]+)$")


def decode_weights(text: str, definitions: pd.DataFrame, lang: str = "id") -> dict[str, float]:
    """Return every indicator's weight: the defaults, overridden by what ``text`` (from the link) says.

    Raises
    ------
    DataProblem
        If ``text`` is not in the form :func:`encode_weights` writes, names an unknown indicator,
        repeats one, or gives a weight that is not a number from 0 to :data:`MAX_WEIGHT`.

    Examples
    --------
    >>> defs = pd.DataFrame({"key": ["hoax", "violence"], "default_weight": [1.0, 1.0]})
    >>> decode_weights("violence=2", defs)
    {'hoax': 1.0, 'violence': 2.0}
    """
    weights = default_weights(definitions)
    text = text.strip()
    if not text:
        return weights
    seen: set[str] = set()
    for part in text.split(","):
        match = _WEIGHT_PART.match(part.strip())
        if match is None:
            raise DataProblem(t("risk.weights.unreadable", lang, text=text), t("risk.weights.fix", lang))
        key, raw = match.groups()
        if key not in weights:
            raise DataProblem(t("risk.weights.unknown_key", lang, key=key), t("risk.weights.fix", lang))
        if key in seen:
            raise DataProblem(t("risk.weights.repeated", lang, key=key), t("risk.weights.fix", lang))
        seen.add(key)
        try:
            weight = float(raw)
        except ValueError:
            weight = math.nan
        if not (math.isfinite(weight) and 0 <= weight <= MAX_WEIGHT):
            raise DataProblem(
                t("risk.weights.bad_value", lang, value=raw, key=key, maximum=f"{MAX_WEIGHT:g}"),
                t("risk.weights.fix", lang),
            )
        weights[key] = weight
    return weights


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

        shown = "" if _blank(cells["region_code"]) else str(cells["region_code"]).strip()
        code: str | None = None
        try:
            code = index.resolve(shown, lang=lang)
        except DataProblem as found:
            problem("region_code", found.what, found.fix)
        if code is not None and code not in REGENCY_CODES:
            problem(
                "region_code",
                t("risk.values.not_regency", lang, text=shown),
                t("risk.values.not_regency_fix", lang),
            )
            code = None
        key = "" if _blank(cells["key"]) else str(cells["key"]).strip()
        unit: str | None = None
        if key not in definition.index:
            close = difflib.get_close_matches(key, list(definition.index), n=3, cutoff=0.6)
            hint = t("risk.values.did_you_mean", lang, options=", ".join(close)) if close else ""
            problem(
                "key",
                t("risk.values.unknown_key", lang, key=key),
                t("risk.values.unknown_key_fix", lang, hint=hint),
            )
            key_ok = False
        elif bool(definition.loc[key, "derived"]):
            problem(
                "key", t("risk.values.derived_key", lang, key=key), t("risk.values.derived_key_fix", lang)
            )
            key_ok = False
        else:
            key_ok = True
            unit = str(definition.loc[key, "unit"])
        value = _number(cells["value"])
        if _blank(cells["value"]):
            problem(
                "value", t("risk.values.empty_value", lang, key=key), t("risk.values.empty_value_fix", lang)
            )
        elif value is None:
            problem(
                "value",
                t("risk.values.not_number", lang, value=cells["value"], key=key),
                t("risk.values.not_number_fix", lang),
            )
        elif unit is not None:
            low, high = UNIT_RANGES[unit]
            if not low <= value <= high:
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
                value = None
        year = _number(cells["year"])
        if year is None or year != int(year) or not years[0] <= year <= years[1]:
            problem(
                "year",
                t(
                    "risk.values.bad_year",
                    lang,
                    value="" if _blank(cells["year"]) else cells["year"],
                    low=years[0],
                    high=years[1],
                ),
                t("risk.values.bad_year_fix", lang),
            )
            year = None
        if _blank(cells["source"]):
            problem(
                "source",
                t("risk.values.no_source", lang, key=key, region=shown),
                t("risk.values.no_source_fix", lang),
            )
        if code is None or value is None or year is None or not key_ok or _blank(cells["source"]):
            continue
        if any(p["row"] == row for p in problems):
            continue
        identity = (code, key, int(year))
        if identity in first_row:
            problem(
                "key",
                t(
                    "risk.values.duplicate",
                    lang,
                    key=key,
                    region=shown,
                    year=int(year),
                    first=first_row[identity],
                ),
                t("risk.values.duplicate_fix", lang),
            )
            continue
        first_row[identity] = row
        note = None if _blank(cells["note"]) else str(cells["note"]).strip()
        good.append(_row(code, key, value, int(year), str(cells["source"]).strip(), note))
    problem_frame = pd.DataFrame(problems, columns=["row", "column", "what", "fix"])
    problem_frame["row"] = problem_frame["row"].astype("int64")
    return _value_frame(good), problem_frame


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class _Matrix:
    """Scores as a regions x indicators matrix (NaN = unknown), with the weights and dimensions."""

    regions: list[str]
    keys: list[str]
    dimensions: np.ndarray
    labels_id: list[str]
    labels_en: list[str]
    weights: np.ndarray
    scores: np.ndarray
    known: np.ndarray
    scored: pd.DataFrame

    @classmethod
    def build(
        cls,
        values: pd.DataFrame,
        definitions: pd.DataFrame,
        weights: Mapping[str, float] | None,
        regions: Sequence[str] | None,
        lang: str,
    ) -> _Matrix:
        full = default_weights(definitions)
        for key, weight in (weights or {}).items():
            if key not in full:
                raise ValueError(f"weight for unknown indicator {key!r}.")
            if not (math.isfinite(float(weight)) and float(weight) >= 0):
                raise ValueError(f"weight of {key} must be finite and 0 or more, got {weight}.")
            full[key] = float(weight)
        keys = [str(k) for k in definitions["key"]]
        vector = np.array([full[k] for k in keys], dtype=float)
        if not vector.sum() > 0:
            raise DataProblem(t("risk.weights.all_zero", lang), t("risk.weights.all_zero_fix", lang))
        chosen = values[values["value"].notna()]
        if regions is None:
            regions = sorted(str(r) for r in chosen["region_code"].unique())
        else:
            regions = [str(r) for r in regions]
            chosen = chosen[chosen["region_code"].isin(regions)]
        if chosen.duplicated(["region_code", "key"]).any():
            first = chosen[chosen.duplicated(["region_code", "key"])].iloc[0]
            raise ValueError(
                f"values hold more than one row for {first['region_code']}/{first['key']}; use combine()."
            )
        scored = normalise(chosen, definitions)
        scores = np.full((len(regions), len(keys)), np.nan)
        row_of = {code: i for i, code in enumerate(regions)}
        col_of = {key: j for j, key in enumerate(keys)}
        for code, key, score in zip(scored["region_code"], scored["key"], scored["score"], strict=True):
            scores[row_of[code], col_of[key]] = score
        return cls(
            regions=list(regions),
            keys=keys,
            dimensions=definitions["dimension"].astype(str).to_numpy(),
            labels_id=[str(v) for v in definitions["label_id"]],
            labels_en=[str(v) for v in definitions["label_en"]],
            weights=vector,
            scores=scores,
            known=~np.isnan(scores),
            scored=scored,
        )

    def index(self, weights: np.ndarray) -> np.ndarray:
        """Return the weighted mean of known scores, one row per weight vector (runs x regions)."""
        filled = np.nan_to_num(self.scores, nan=0.0)
        numerator = weights @ filled.T
        denominator = weights @ self.known.astype(float).T
        with np.errstate(invalid="ignore", divide="ignore"):
            result = numerator / denominator
        return np.where(denominator > 0, result, np.nan)


def _ranks(index: np.ndarray) -> list[int | None]:
    """Return 1-based ranks (highest index first, ties share the best), None where the index is NaN."""
    valid = ~np.isnan(index)
    out: list[int | None] = [None] * len(index)
    if valid.any():
        ranks = rankdata(-index[valid], method="min")
        for position, rank in zip(np.flatnonzero(valid), ranks, strict=True):
            out[int(position)] = int(rank)
    return out


def _event_weights(events: pd.DataFrame, as_of: dt.date, half_life_years: float) -> pd.DataFrame:
    """Return the events up to ``as_of`` with their regency and recency weight."""
    frame = pd.DataFrame(
        {
            "regency": events["region_code"].map(_regency_of),
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


def _regency_of(code: object) -> str | None:
    """Return the regency code that ``code`` lies in, or None for the province or an empty code."""
    if _blank(code):
        return None
    text = str(code).strip()
    if text.count(".") < 1:
        return None
    return ".".join(text.split(".")[:2])


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


def _maybe(value: object) -> float | None:
    """Return a Python float, or None for NaN/NA."""
    if _blank(value):
        return None
    return float(value)  # type: ignore[arg-type]


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
