"""Weights of the index: defaults, per-dimension factors, and their form in a link (``w=...``)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.risk.vocabulary import DIMENSIONS

MAX_WEIGHT = 100.0
"""Largest weight a link may carry."""


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
