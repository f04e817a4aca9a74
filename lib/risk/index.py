"""Score the vulnerability index of Bali's regencies from sourced indicator values.

The index is *modelled on* Bawaslu's Indeks Kerawanan Pemilu (IKP 2024: four
dimensions, categories rawan rendah / sedang / tinggi), but it is **not**
Bawaslu's index: Sinergi uses its own, smaller set of indicators
(``data/indicators.csv``), scales each one relative to the other regencies and
weighs them as the user chooses. Its score and category are comparable between
regencies in one view, not with a published IKP score.

How a score is made
-------------------
1. Indicator values come in a long frame (:data:`lib.risk.indicators.VALUE_COLUMNS`): computed by
   :func:`lib.risk.indicators.derive_indicators` from the events, the Posko reports and the
   election figures, or entered with a source (``data/indicator_values.csv``,
   the editable table) and checked by :func:`lib.risk.indicators.validate_indicator_values`;
   :func:`lib.risk.indicators.combine` joins the two.
2. :func:`normalise` puts each indicator on 0-100 by min-max over the regions
   whose value is known, so that 100 is always the most vulnerable one.
3. :func:`compute_index` takes the weighted mean of the known scores only
   (weights renormalised over what is known) and reports how much of the
   weight was known (``coverage``), so that an index built on one indicator
   does not look as solid as one built on twelve.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.risk.vocabulary import DIMENSIONS, UNKNOWN
from lib.risk.weights import default_weights


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
        "tengah-saat-pemilu-b2iaR9Ppx)"
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
        ranks = min_ranks(-runs[:, valid])
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


def min_ranks(values: np.ndarray) -> np.ndarray:
    """Return 1-based ranks along the last axis, smallest first; ties share the lowest rank.

    What ``scipy.stats.rankdata(values, axis=-1, method="min")`` returns (the tests compare the
    two), without importing scipy.stats: that import alone took 0.4-0.9 s of every server start.
    A row with a NaN ranks as NaN throughout, as rankdata's default "propagate" does.

    Examples
    --------
    >>> min_ranks(np.array([3.0, 1.0, 3.0, 2.0])).tolist()
    [3.0, 1.0, 3.0, 2.0]
    >>> min_ranks(np.array([[5.0, 5.0, 1.0], [0.0, np.nan, 2.0]])).tolist()
    [[2.0, 2.0, 1.0], [nan, nan, nan]]
    """
    rows = np.atleast_2d(np.asarray(values, dtype=float))
    ordered = np.sort(rows, axis=-1)
    ranks = np.stack(
        [
            np.searchsorted(sorted_row, row, side="left") + 1.0
            for sorted_row, row in zip(ordered, rows, strict=True)
        ]
    )
    ranks[np.isnan(rows).any(axis=-1)] = np.nan
    return ranks.reshape(np.shape(values))


def _ranks(index: np.ndarray) -> list[int | None]:
    """Return 1-based ranks (highest index first, ties share the best), None where the index is NaN."""
    valid = ~np.isnan(index)
    out: list[int | None] = [None] * len(index)
    if valid.any():
        ranks = min_ranks(-index[valid])
        for position, rank in zip(np.flatnonzero(valid), ranks, strict=True):
            out[int(position)] = int(rank)
    return out


def _maybe(value: object) -> float | None:
    """Return a Python float, or None for None, NaN and NA."""
    if value is None or pd.isna(value):
        return None
    return float(value)  # type: ignore[arg-type]
