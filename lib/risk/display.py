"""Display tables of the index for the pages: rows as shown, headers in the user's language."""

from __future__ import annotations

import pandas as pd

from lib.core import formats
from lib.core.i18n import t
from lib.risk.charts import category_label

CONTRIBUTION_DISPLAY: tuple[str, ...] = ("indicator", "value", "year", "score", "contribution", "source")
"""Columns of :func:`contributions_display`, before their headers are translated."""
_CONTRIBUTION_HEADERS = {
    "indicator": "map.col.indicator",
    "value": "map.col.value",
    "year": "map.col.year",
    "score": "map.col.score",
    "contribution": "map.col.contribution",
    "source": "col.source",
}


def contributions_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the known indicators of :func:`lib.risk.contributions` as the table Peta shows.

    One row per known indicator: its label in ``lang``, value, year, score, contribution and
    source, under headers in ``lang``. Not modified.
    """
    known = frame[frame["known"]]
    shown = known.assign(indicator=known[_label_column(lang)])[list(CONTRIBUTION_DISPLAY)]
    return shown.rename(columns={c: t(key, lang) for c, key in _CONTRIBUTION_HEADERS.items()})


def unknown_indicators(frame: pd.DataFrame, lang: str) -> list[str]:
    """Return the labels, in ``lang``, of the indicators :func:`lib.risk.contributions` found unknown."""
    return [str(label) for label in frame.loc[~frame["known"], _label_column(lang)]]


def detail_display(table: pd.DataFrame, code: str, lang: str) -> dict[str, str]:
    """Return the figures Peta shows for one region: metric label -> text (index, category, coverage, rank).

    ``table`` is :func:`lib.risk.measure_table`; the rank is out of the regions with a known index.
    """
    row = table.set_index("code").loc[code]
    unknown = t("common.unknown", lang)
    ranked = int(table["rank"].notna().sum())
    return {
        t("map.detail.index", lang): unknown
        if pd.isna(row["index"])
        else formats.number(row["index"], lang, digits=1),
        t("map.detail.category", lang): category_label(str(row["category"]), lang),
        # the label says "indicators known"; the value stays short enough for a metric
        t("map.detail.coverage", lang): t(
            "format.n_of", lang, n=int(row["n_known"]), total=int(row["n_total"])
        ),
        t("map.detail.rank", lang): unknown
        if pd.isna(row["rank"])
        else t("format.rank_of", lang, rank=int(row["rank"]), total=ranked),
    }


def deployment_display(plan: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return a plan of :func:`lib.risk.what_if` with categories and headers in ``lang``. Not modified."""
    shown = plan.assign(category=[t(f"scenario.category.{c}", lang) for c in plan["category"]])
    return shown.rename(columns={c: t(f"scenario.col.{c}", lang) for c in plan.columns})


def _label_column(lang: str) -> str:
    return "label_id" if lang == "id" else "label_en"
