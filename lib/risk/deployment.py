"""Plan police and Linmas for polling stations (TPS) from their vulnerability category.

Polri rates every TPS kurang rawan, rawan or sangat rawan and guards each category with a
pattern: so many police officers and Linmas (community protection) for so many TPS. The
patterns are set regionally, so they are data (:class:`RatioPreset`), with Polda Bali's
Pilkada 2024 pattern as the default.

Rounding: the need of each category is rounded up on its own, since part of an officer
cannot be posted (``ceil(tps * police / tps_covered)``, in exact integer arithmetic); the
total is the sum of the rounded categories. A category whose TPS count is unknown has an
unknown need, and so has the total.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType

import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem

TPS_CATEGORIES: tuple[str, ...] = ("kurang_rawan", "rawan", "sangat_rawan")
"""Polri's three TPS categories, least to most vulnerable (there is no separate "aman")."""
TOTAL = "total"


@dataclass(frozen=True)
class Pattern:
    """How one TPS category is guarded: ``police`` officers and ``linmas`` for every ``tps`` stations."""

    police: int
    tps: int
    linmas: int

    def __post_init__(self) -> None:
        if self.tps < 1 or self.police < 0 or self.linmas < 0:
            raise ValueError(f"a pattern needs tps >= 1 and no negative staff, got {self}.")

    @property
    def police_per_tps(self) -> float:
        """Return police officers per TPS."""
        return float(Fraction(self.police, self.tps))

    @property
    def linmas_per_tps(self) -> float:
        """Return Linmas per TPS."""
        return float(Fraction(self.linmas, self.tps))

    def needs(self, n_tps: int) -> tuple[int, int]:
        """Return (police, linmas) for ``n_tps`` stations, each rounded up.

        >>> Pattern(police=2, tps=4, linmas=12).needs(5)
        (3, 15)
        """
        return -(-n_tps * self.police // self.tps), -(-n_tps * self.linmas // self.tps)


@dataclass(frozen=True)
class RatioPreset:
    """A named set of patterns, one per TPS category, with where it comes from."""

    key: str
    name: Mapping[str, str]
    """The preset's name by language (``{"id": …, "en": …}``)."""
    patterns: Mapping[str, Pattern]
    source: str
    """The original publications (who said it, when, where: URL), language-neutral."""
    note: Mapping[str, str] = field(default_factory=dict)
    """What a planner should know about the figures, by language; empty when nothing."""
    assumption: bool = False
    """True when the pattern is not a published one (e.g. typed in by the user)."""

    def text(self, field: str, lang: str) -> str:
        """Return the preset's ``name`` or ``note`` in ``lang`` (Indonesian when it lacks ``lang``).

        >>> POLDA_BALI_2024.text("name", "en")
        'Polda Bali, Pilkada 2024 (Operation Mantap Praja Agung)'
        """
        texts: Mapping[str, str] = getattr(self, field)
        return texts.get(lang) or texts.get("id", "")

    def __post_init__(self) -> None:
        if set(self.patterns) != set(TPS_CATEGORIES):
            raise ValueError(
                f"a preset needs a pattern for each of {TPS_CATEGORIES}, got {sorted(self.patterns)}."
            )
        object.__setattr__(self, "patterns", MappingProxyType(dict(self.patterns)))


POLDA_BALI_2024 = RatioPreset(
    key="polda-bali-2024",
    name={
        "id": "Polda Bali, Pilkada 2024 (Operasi Mantap Praja Agung)",
        "en": "Polda Bali, Pilkada 2024 (Operation Mantap Praja Agung)",
    },
    patterns={
        "kurang_rawan": Pattern(police=2, tps=4, linmas=12),
        "rawan": Pattern(police=2, tps=2, linmas=4),
        "sangat_rawan": Pattern(police=2, tps=1, linmas=2),
    },
    source=(
        "Karoops Polda Bali Kombes Pol Soelistijono, 25 Nov 2024 (Bali Tribune, https://balitribune.co.id/"
        "content/jelang-pilkada-serentak-polda-bali-kerahkan-1162-personel-dan-petakan-14-tps-sangat-rawan)"
    ),
    note={
        "id": "Per TPS: kurang rawan 0,5 polisi + 3 Linmas, rawan 1 polisi + 2 Linmas, sangat rawan "
        "2 polisi + 2 Linmas. Buleleng pada kenyataannya mengerahkan 645 polisi dan 2.346 Linmas "
        "(2 per TPS) untuk 1.173 TPS (Tribun Bali, 26 Nov 2024); Linmas lazimnya direncanakan 2 per TPS.",
        "en": "Per TPS: kurang rawan 0.5 police + 3 Linmas, rawan 1 police + 2 Linmas, sangat rawan "
        "2 police + 2 Linmas. Buleleng actually deployed 645 police and 2,346 Linmas (2 per TPS) for "
        "1,173 TPS (Tribun Bali, 26 Nov 2024); Linmas are commonly planned at 2 per TPS.",
    },
)
"""Default: the pattern Polda Bali announced for Pilkada 2024."""

PEMILU_2019_NATIONAL = RatioPreset(
    key="polri-pemilu-2019",
    name={"id": "Polri (Mabes), Pemilu 2019", "en": "Polri (national HQ), Pemilu 2019"},
    patterns={
        "kurang_rawan": Pattern(police=2, tps=4, linmas=6),
        "rawan": Pattern(police=4, tps=2, linmas=8),
        "sangat_rawan": Pattern(police=6, tps=2, linmas=8),
    },
    source=(
        "Mabes Polri, 15 Apr 2019 (https://tirto.id/19-juta-aparat-keamanan-antisipasi-gangguan-kamtibmas-saat-"
        "pemilu-dmcr; https://independensi.com/2019/04/16/polri-turunjan-271-880-personel-dan-16-juta-linmas-"
        "untuk-amankan-tps-saat-pencoblosan)"
    ),
    note={
        "id": "Suara.com mencetak 4-2-6 untuk dua kategori pertama; tampaknya itu salah cetak.",
        "en": "Suara.com printed 4-2-6 for the first two categories, which looks like an error.",
    },
)
"""The national pattern of Pemilu 2019."""

PRESETS: Mapping[str, RatioPreset] = MappingProxyType(
    {preset.key: preset for preset in (POLDA_BALI_2024, PEMILU_2019_NATIONAL)}
)


def deployment_needs(
    tps_counts: Mapping[str, int | None], ratios: RatioPreset = POLDA_BALI_2024, *, lang: str = "id"
) -> pd.DataFrame:
    """Return the police and Linmas a set of TPS needs, per category and in total.

    Parameters
    ----------
    tps_counts
        Number of TPS by category (keys from :data:`TPS_CATEGORIES`); a category left out or
        given as None is unknown.
    ratios
        The guard pattern (default: Polda Bali 2024).

    Returns
    -------
    pandas.DataFrame
        Rows ``kurang_rawan``, ``rawan``, ``sangat_rawan``, ``total``; columns ``category``,
        ``tps``, ``police``, ``linmas`` (nullable integers, NA when unknown). Each category is
        rounded up on its own; the total is their sum.

    Raises
    ------
    DataProblem
        If a count is not a whole number of 0 or more.

    Examples
    --------
    >>> needs = deployment_needs({"kurang_rawan": 792, "rawan": 381, "sangat_rawan": 0})
    >>> needs.set_index("category").loc["total", ["police", "linmas"]].tolist()
    [777, 3138]
    """
    counts = _checked_counts(tps_counts, lang)
    rows = []
    for category in TPS_CATEGORIES:
        count = counts[category]
        police, linmas = (None, None) if count is None else ratios.patterns[category].needs(count)
        rows.append({"category": category, "tps": count, "police": police, "linmas": linmas})
    totals: dict[str, object] = {"category": TOTAL}
    for column in ("tps", "police", "linmas"):
        parts = [row[column] for row in rows]
        totals[column] = None if any(p is None for p in parts) else sum(parts)  # type: ignore[misc]
    rows.append(totals)
    frame = pd.DataFrame(rows)
    for column in ("tps", "police", "linmas"):
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    frame["category"] = frame["category"].astype("string")
    return frame


def what_if(
    tps_counts: Mapping[str, int | None],
    move_to_rawan: int = 100,
    ratios: RatioPreset = POLDA_BALI_2024,
    *,
    lang: str = "id",
) -> pd.DataFrame:
    """Compare the needs today with the needs after ``move_to_rawan`` TPS go from kurang rawan to rawan.

    A negative number moves TPS back from rawan to kurang rawan. When either count is unknown,
    both stay unknown after the move.

    Returns
    -------
    pandas.DataFrame
        Rows per category and ``total``; columns ``category``, ``tps_before``, ``tps_after``,
        ``police_before``, ``police_after``, ``police_change``, ``linmas_before``, ``linmas_after``,
        ``linmas_change``.

    Raises
    ------
    DataProblem
        If more TPS would move than the category they leave holds.

    Examples
    --------
    >>> change = what_if({"kurang_rawan": 792, "rawan": 381, "sangat_rawan": 0}, 100)
    >>> change.set_index("category").loc["total", ["police_change", "linmas_change"]].tolist()
    [50, -100]
    """
    counts = _checked_counts(tps_counts, lang)
    after = dict(counts)
    low, high = counts["kurang_rawan"], counts["rawan"]
    if low is None or high is None:
        after["kurang_rawan"] = after["rawan"] = None
    else:
        source, available = ("kurang_rawan", low) if move_to_rawan >= 0 else ("rawan", high)
        if abs(move_to_rawan) > available:
            raise DataProblem(
                t(
                    "risk.deployment.too_many_moved",
                    lang,
                    moved=abs(move_to_rawan),
                    available=available,
                    category=t(f"risk.tps.{source}", lang).lower(),
                ),
                t("risk.deployment.too_many_moved_fix", lang, available=available),
            )
        after["kurang_rawan"] = low - move_to_rawan
        after["rawan"] = high + move_to_rawan
    before_needs = deployment_needs(counts, ratios, lang=lang).set_index("category")
    after_needs = deployment_needs(after, ratios, lang=lang).set_index("category")
    out = pd.DataFrame({"category": list(before_needs.index)})
    out["category"] = out["category"].astype("string")
    for column in ("tps", "police", "linmas"):
        out[f"{column}_before"] = before_needs[column].to_numpy()
        out[f"{column}_after"] = after_needs[column].to_numpy()
        if column != "tps":
            out[f"{column}_change"] = out[f"{column}_after"] - out[f"{column}_before"]
    return out


def known_tps(
    counts: pd.DataFrame, election_id: str, region_code: str
) -> tuple[dict[str, int | None], str | None]:
    """Return the sourced TPS count per category of one election and region, and their source.

    ``counts`` holds ``election_id``, ``region_code``, one column per :data:`TPS_CATEGORIES` and
    ``source`` (the bundled ``tps_categories``). A count not known is None; so is the source when
    the region has no row.
    """
    row = counts[(counts["election_id"] == election_id) & (counts["region_code"] == region_code)]
    if row.empty:
        return dict.fromkeys(TPS_CATEGORIES), None
    first = row.iloc[0]
    known = {c: None if pd.isna(first[c]) else int(first[c]) for c in TPS_CATEGORIES}
    return known, str(first["source"])


def _checked_counts(tps_counts: Mapping[str, int | None], lang: str) -> dict[str, int | None]:
    """Return a count (or None) for every category, or raise for a count the user must correct."""
    unknown = set(tps_counts) - set(TPS_CATEGORIES)
    if unknown:
        raise ValueError(f"unknown TPS categories {sorted(unknown)}; expected {TPS_CATEGORIES}.")
    counts: dict[str, int | None] = {}
    for category in TPS_CATEGORIES:
        value = tps_counts.get(category)
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            counts[category] = None
            continue
        whole = isinstance(value, numbers.Integral) and not isinstance(value, bool)
        number = isinstance(value, numbers.Real) and not isinstance(value, bool)
        if not whole and number and float(value).is_integer():
            value, whole = int(value), True
        if not whole or int(value) < 0:  # type: ignore[call-overload]
            raise DataProblem(
                t(
                    "risk.deployment.bad_count",
                    lang,
                    category=t(f"risk.tps.{category}", lang).lower(),
                    value=value,
                ),
                t("risk.deployment.bad_count_fix", lang),
            )
        counts[category] = int(value)  # type: ignore[call-overload]
    return counts
