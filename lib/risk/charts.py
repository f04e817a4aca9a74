"""Build the Altair charts of the vulnerability index: ranking, rank ranges, and what makes up a score.

Colours are fixed per category and per dimension, so each keeps its colour whatever the filter,
and the map can use the same ones (:data:`CATEGORY_DOMAIN`, :data:`CATEGORY_RANGE`,
:func:`category_legend`). The category colours are ColorBrewer's sequential OrRd (light to dark,
readable with colour-blindness and in greyscale); unknown is a neutral grey. The dimension
colours are from the Okabe-Ito palette.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from lib.core import formats
from lib.core.i18n import t
from lib.core.text import label_expression
from lib.risk.index import IKP_KABKOTA_BANDS, Bands
from lib.risk.vocabulary import CATEGORIES, DIMENSIONS, UNKNOWN

CATEGORY_DOMAIN: tuple[str, ...] = (*CATEGORIES, UNKNOWN)
"""Category codes, in legend order: rendah, sedang, tinggi, tidak diketahui."""
CATEGORY_RANGE: tuple[str, ...] = ("#ffeda0", "#feb24c", "#f03b20", "#bdbdbd")  # as the map (YlOrRd)
"""Colour of each category in :data:`CATEGORY_DOMAIN`."""
DIMENSION_DOMAIN: tuple[str, ...] = DIMENSIONS
DIMENSION_RANGE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
BAR_STROKE = "#636363"
"""Outline of bars, so the lightest category still shows on white."""


def category_label(category: str, lang: str = "id") -> str:
    """Return the display name of a category code ("tinggi" -> "Rawan tinggi")."""
    return t(f"risk.category.{category}", lang)


def category_legend(lang: str = "id", title: str | None = None, *, orient: str = "right") -> alt.Legend:
    """Return a legend that shows category codes by their names in ``lang``."""
    labels = {code: category_label(code, lang) for code in CATEGORY_DOMAIN}
    return alt.Legend(
        title=title or t("risk.chart.category", lang), labelExpr=label_expression(labels), orient=orient
    )


def category_scale() -> alt.Scale:
    """Return the fixed colour scale of the categories."""
    return alt.Scale(domain=list(CATEGORY_DOMAIN), range=list(CATEGORY_RANGE))


def ranking_bars(
    index_frame: pd.DataFrame,
    lang: str = "id",
    *,
    names: Mapping[str, str] | None = None,
    bands: Bands = IKP_KABKOTA_BANDS,
) -> alt.LayerChart:
    """Build ranked bars of the index per region, coloured by category, with coverage beside each bar.

    Parameters
    ----------
    index_frame
        From :func:`lib.risk.compute_index`. Not modified.
    names
        Display name by region code (default: the code).
    bands
        Drawn as dashed rules where the categories change.

    Regions with an unknown index sit at the bottom, labelled "tidak diketahui", in grey.
    """
    data = _ranking_data(index_frame, lang, names)
    order = data["name"].tolist()
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", title=t("risk.chart.region", lang), sort=order),
        tooltip=[
            alt.Tooltip("name:N", title=t("risk.chart.region", lang)),
            alt.Tooltip("index:Q", title=t("risk.chart.index", lang), format=".1f"),
            alt.Tooltip("category_label:N", title=t("risk.chart.category", lang)),
            alt.Tooltip("rank:Q", title=t("risk.chart.rank", lang), format="d"),
            alt.Tooltip("coverage:Q", title=t("risk.chart.coverage", lang), format=".0%"),
            alt.Tooltip("known_text:N", title=t("risk.chart.known", lang)),
        ],
    )
    bars = base.mark_bar(stroke=BAR_STROKE, strokeWidth=0.5).encode(
        x=alt.X("shown:Q", title=t("risk.chart.index", lang), scale=alt.Scale(domain=[0, 100])),
        # below the bars: on the right it sat on the labels of the longest bars
        color=alt.Color("category:N", scale=category_scale(), legend=category_legend(lang, orient="bottom")),
    )
    # Written from the bars' start, over them: after a bar's end, "60 — 14 dari 22 indikator diketahui"
    # ran past the right edge of a half-width chart (Skenario) and was cut off.
    labels = base.mark_text(align="left", dx=4, fontSize=13, color="#222222").encode(
        x=alt.datum(0), text="label:N"
    )
    rules = (
        alt.Chart(pd.DataFrame({"threshold": [bands.sedang, bands.tinggi]}))
        .mark_rule(strokeDash=[4, 4], color=BAR_STROKE)
        .encode(x="threshold:Q")
    )
    return alt.layer(bars, labels, rules)


def rank_ranges(
    sensitivity_frame: pd.DataFrame, lang: str = "id", *, names: Mapping[str, str] | None = None
) -> alt.LayerChart:
    """Build a line per region from its best to its worst rank, a median tick and a dot at the base rank.

    ``sensitivity_frame`` comes from :func:`lib.risk.sensitivity`; regions with no rank are left out.
    Two regions whose ranges do not overlap keep their order whatever the weights.
    """
    data = sensitivity_frame[sensitivity_frame["base_rank"].notna()].sort_values("base_rank", kind="stable")
    data = pd.DataFrame(
        {
            "name": [_name(code, names) for code in data["region_code"]],
            "base_rank": [int(v) for v in data["base_rank"]],
            "rank_min": [int(v) for v in data["rank_min"]],
            "rank_median": [float(v) for v in data["rank_median"]],
            "rank_max": [int(v) for v in data["rank_max"]],
        }
    )
    count = max(len(data), 1)
    scale = alt.Scale(domain=[0.5, count + 0.5])
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", title=t("risk.chart.region", lang), sort=data["name"].tolist()),
        tooltip=[
            alt.Tooltip("name:N", title=t("risk.chart.region", lang)),
            alt.Tooltip("base_rank:Q", title=t("risk.chart.rank_base", lang), format="d"),
            alt.Tooltip("rank_min:Q", title=t("risk.chart.rank_min", lang), format="d"),
            alt.Tooltip("rank_median:Q", title=t("risk.chart.rank_median", lang), format=".1f"),
            alt.Tooltip("rank_max:Q", title=t("risk.chart.rank_max", lang), format="d"),
        ],
    )
    spans = base.mark_rule(strokeWidth=3, color="#9e9e9e").encode(
        x=alt.X("rank_min:Q", title=t("risk.chart.rank", lang), scale=scale, axis=alt.Axis(tickMinStep=1)),
        x2="rank_max:Q",
    )
    medians = base.mark_tick(thickness=2, size=18, color="#424242").encode(x="rank_median:Q")
    points = base.mark_point(filled=True, size=70, color="#e34a33").encode(x="base_rank:Q")
    return alt.layer(spans, medians, points)


def contribution_chart(contrib_frame: pd.DataFrame, region_name: str, lang: str = "id") -> alt.LayerChart:
    """Build bars of what each indicator adds to one region's index, coloured by dimension.

    ``contrib_frame`` holds one region's rows of :func:`lib.risk.contributions` (compute it for all
    regions, then filter: scores are relative to the other regions). Unknown indicators are listed
    at the bottom with the word "tidak diketahui", so the reader sees what the score leaves out.
    """
    if contrib_frame["region_code"].nunique() > 1:
        raise ValueError("contribution_chart takes the rows of one region; filter by region_code first.")
    label_column = "label_en" if lang == "en" else "label_id"
    known = contrib_frame["known"].astype(bool)
    data = pd.DataFrame(
        {
            "indicator": contrib_frame[label_column].astype(str).tolist(),
            "dimension": contrib_frame["dimension"].astype(str).tolist(),
            "value": [_plain(v) for v in contrib_frame["value"]],
            "score": [_plain(v) for v in contrib_frame["score"]],
            "weight_share": [_plain(v) for v in contrib_frame["weight_share"]],
            "contribution": [
                _plain(v) if k else 0.0 for v, k in zip(contrib_frame["contribution"], known, strict=True)
            ],
            "source": ["" if pd.isna(v) else str(v) for v in contrib_frame["source"]],
            "known": known.tolist(),
        }
    )
    data["label"] = [
        formats.number(c, lang, digits=1) if k else t("risk.chart.unknown", lang)
        for c, k in zip(data["contribution"], data["known"], strict=True)
    ]
    data = data.sort_values(["known", "contribution"], ascending=[False, False], kind="stable")
    dimension_labels = {d: t(f"risk.dimension.{d}", lang) for d in DIMENSION_DOMAIN}
    base = alt.Chart(data).encode(
        y=alt.Y(
            "indicator:N",
            title=t("risk.chart.indicator", lang),
            sort=data["indicator"].tolist(),
            axis=alt.Axis(labelLimit=320),
        ),
        tooltip=[
            alt.Tooltip("indicator:N", title=t("risk.chart.indicator", lang)),
            alt.Tooltip("value:Q", title=t("risk.chart.value", lang), format=",.4~g"),
            alt.Tooltip("score:Q", title=t("risk.chart.score", lang), format=".1f"),
            alt.Tooltip("weight_share:Q", title=t("risk.chart.weight_share", lang), format=".0%"),
            alt.Tooltip("contribution:Q", title=t("risk.chart.contribution", lang), format=".1f"),
            alt.Tooltip("source:N", title=t("risk.chart.source", lang)),
        ],
    )
    bars = base.mark_bar().encode(
        x=alt.X("contribution:Q", title=t("risk.chart.contribution", lang)),
        color=alt.Color(
            "dimension:N",
            scale=alt.Scale(domain=list(DIMENSION_DOMAIN), range=list(DIMENSION_RANGE)),
            legend=alt.Legend(
                title=t("risk.chart.dimension", lang), labelExpr=label_expression(dimension_labels)
            ),
        ),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=13).encode(x="contribution:Q", text="label:N")
    return alt.layer(bars, labels, title=t("risk.chart.contribution_title", lang, region=region_name))


def _ranking_data(index_frame: pd.DataFrame, lang: str, names: Mapping[str, str] | None) -> pd.DataFrame:
    """Return the small, JSON-safe frame the ranking chart draws, best-known first."""
    rows = []
    for record in index_frame.to_dict("records"):
        index = _plain(record["index"])
        known = index is not None
        n_known, n_total = int(record["n_known"]), int(record["n_total"])
        rows.append(
            {
                "name": _name(str(record["region_code"]), names),
                "index": index,
                "shown": index if known else 0.0,
                "category": str(record["category"]),
                "category_label": category_label(str(record["category"]), lang),
                "rank": int(record["rank"]) if known else None,
                "coverage": float(record["coverage"]),
                "known_text": f"{n_known}/{n_total}",
                "label": t(
                    "format.ranking_label",
                    lang,
                    index=formats.number(index, lang),
                    known=n_known,
                    total=n_total,
                )
                if known
                else t("risk.chart.unknown", lang),
            }
        )
    data = pd.DataFrame(rows)
    if data.empty:
        return data
    data["_sort"] = data["index"].astype("float64").fillna(-1.0)
    return data.sort_values("_sort", ascending=False, kind="stable").drop(columns="_sort")


def _name(code: str, names: Mapping[str, str] | None) -> str:
    return str(names.get(code, code)) if names else code


def _plain(value: object) -> float | None:
    """Return a JSON-safe float, None for NA."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return float(value)  # type: ignore[arg-type]
