"""The Posko report list as people read it: one display table with readable cells."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from lib.core.i18n import t
from lib.core.regions import PROVINCE
from lib.posko.intake import split_ids
from lib.posko.workflow import is_open_alert


@dataclass(frozen=True)
class ReportList:
    """What the list shows: a display table (at most ``limit`` rows), its ids and the total."""

    table: pd.DataFrame
    ids: tuple[int, ...]
    labels: dict[int, str]
    total: int


def report_list(
    frame: pd.DataFrame,
    *,
    region_names: Mapping[str, str],
    people: Mapping[str, str],
    limit: int,
    lang: str = "id",
) -> ReportList:
    """Return the first ``limit`` reports of ``frame`` (from :func:`read_reports`) as a display table.

    Every optional field may be empty (no assignee, no sub-region, no point): an empty one
    shows as an empty cell.
    """
    shown = frame.head(limit)
    open_alert = is_open_alert(shown)
    table = pd.DataFrame(
        {
            t("poskopage.col.id", lang): shown["id"],
            t("posko.field.received_at", lang): shown["received_at"].dt.strftime("%d/%m/%Y %H:%M"),
            t("posko.field.region_code", lang): shown["region_code"].map(lambda c: region_names.get(c, c)),
            t("posko.field.category", lang): shown["category"].map(lambda c: t(f"category.{c}", lang)),
            t("posko.field.severity", lang): shown["severity"],
            t("posko.field.title", lang): shown["title"],
            t("posko.field.status", lang): shown["status"].map(lambda s: t(f"posko.status.{s}", lang)),
            t("poskopage.col.alert", lang): open_alert.map(
                lambda a: t("poskopage.alert.open", lang) if a else ""
            ),
            t("posko.field.grading", lang): grading(shown),
            t("posko.field.assigned_to", lang): shown["assigned_to"].map(
                lambda v: ", ".join(people.get(s, s).split(" \u2013 ")[0] for s in split_ids(v))
            ),
            t("posko.field.classification", lang): shown["classification"],
        }
    ).reset_index(drop=True)
    ids = tuple(int(i) for i in shown["id"])
    labels = {
        int(i): f"#{i} \u00b7 {str(title)[:70]} \u00b7 {t(f'posko.status.{s}', lang)}"
        for i, title, s in zip(shown["id"], shown["title"], shown["status"], strict=True)
    }
    return ReportList(table=table, ids=ids, labels=labels, total=len(frame))


def grading(frame: pd.DataFrame) -> pd.Series:
    """Return each report's source grading as shown ("B2")."""
    return pd.Series(
        [f"{r}{c}" for r, c in zip(frame["reliability"], frame["credibility"], strict=True)],
        index=frame.index,
        dtype=object,
    )


def counts_display(regions: pd.DataFrame, counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return Posko reports per regency (0 where none) as the table Ringkasan shows.

    Regencies with reports come first (most in 7 days, then in 24 hours), the rest keep the
    bundle's order. ``regions`` are the bundled regions, ``counts`` :func:`report_counts`;
    neither is modified.
    """
    names = regions[["code", "name"]].reset_index(drop=True)
    shown = (
        names[names["code"] != PROVINCE]
        .merge(counts.rename(columns={"region_code": "code"}), on="code", how="left")
        .fillna({"last_24h": 0, "last_7d": 0, "open_alerts": 0})
        .astype({"last_24h": "int64", "last_7d": "int64", "open_alerts": "int64"})  # counts, not 0.0
        .sort_values(["last_7d", "last_24h", "open_alerts"], ascending=False, kind="stable")
    )
    return shown[["name", "last_24h", "last_7d", "open_alerts"]].rename(
        columns={
            "name": t("col.name", lang),
            "last_24h": t("overview.col.last_24h", lang),
            "last_7d": t("overview.col.last_7d", lang),
            "open_alerts": t("overview.col.open_alerts", lang),
        }
    )
