"""The table of selected events the history page shows and exports."""

from __future__ import annotations

import pandas as pd

from lib.core.i18n import t
from lib.core.labels import code_label


def event_table(events: pd.DataFrame, region_names: dict[str, str], *, lang: str) -> pd.DataFrame:
    """Return events as a display/export table with localised headers, newest first.

    Unknown fatalities stay empty (never 0); the source URL is a column of its own.
    """
    ordered = events.sort_values(["date", "id"], ascending=False)
    phase = ordered["phase"] if "phase" in ordered else pd.Series(pd.NA, index=ordered.index)
    return pd.DataFrame(
        {
            t("col.date", lang): ordered["date"],
            t("historypage.col.precision", lang): [
                t(f"precision.{p}", lang) for p in ordered["date_precision"]
            ],
            t("col.region", lang): [region_names.get(c, c) for c in ordered["region_code"]],
            t("historypage.col.location", lang): ordered["location"],
            t("col.category", lang): [t(f"category.{c}", lang) for c in ordered["category"]],
            t("col.severity", lang): ordered["severity"],
            t("historypage.col.fatalities", lang): ordered["fatalities"],
            t("historypage.col.phase", lang): [
                t(f"phase.{p}", lang) if isinstance(p, str) and p else "" for p in phase
            ],
            t("col.description", lang): ordered["description"],
            t("col.source", lang): ordered["source_url"],
            t("historypage.col.title", lang): ordered["source_title"],
            t("historypage.col.confidence", lang): [
                code_label("confidence", c, lang) for c in ordered["confidence"]
            ],
        }
    ).reset_index(drop=True)
