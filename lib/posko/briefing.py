"""The daily Posko briefing, as spreadsheet sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from lib import intake
from lib.core.clock import LOCAL_TZ
from lib.core.i18n import t
from lib.posko.display import grading
from lib.posko.intake import split_ids
from lib.posko.workflow import STATUSES


def briefing_sheets(
    reports_frame: pd.DataFrame,
    *,
    day: dt.date,
    region_names: Mapping[str, str],
    stakeholder_names: Mapping[str, str],
    lang: str = "id",
) -> dict[str, pd.DataFrame]:
    """Return the daily-briefing tables for ``day`` (Bali time) from reports the caller may see.

    Two sheets: counts per regency and status, and the day's reports with readable headers.
    Pass the output of :func:`read_reports` (already limited by the caller's ceiling).
    """
    local_days = reports_frame["received_at"].dt.tz_convert(LOCAL_TZ).dt.date
    mine = reports_frame[local_days == day]
    summary = (
        mine.assign(region=mine["region_code"].map(lambda c: region_names.get(c, c)))
        .pivot_table(index="region", columns="status", values="id", aggfunc="count", fill_value=0)
        .reindex(columns=list(STATUSES), fill_value=0)
    )
    summary.columns = [t(f"posko.status.{s}", lang) for s in STATUSES]
    summary.index.name = t("posko.field.region_code", lang)
    summary = summary.reset_index()
    summary[t("posko.briefing.total", lang)] = summary.iloc[:, 1:].sum(axis=1)
    detail = pd.DataFrame(
        {
            t("posko.briefing.id", lang): mine["id"],
            t("posko.field.received_at", lang): mine["received_at"].dt.strftime("%d/%m/%Y %H:%M"),
            t("posko.field.region_code", lang): mine["region_code"].map(lambda c: region_names.get(c, c)),
            t("posko.field.category", lang): mine["category"].map(lambda c: t(f"category.{c}", lang)),
            t("posko.field.severity", lang): mine["severity"],
            t("posko.field.title", lang): mine["title"],
            t("posko.field.description", lang): mine["description"],
            t("posko.field.grading", lang): grading(mine),
            t("posko.field.status", lang): mine["status"].map(lambda s: t(f"posko.status.{s}", lang)),
            t("posko.field.reporter_id", lang): mine["reporter_id"].map(
                lambda s: stakeholder_names.get(s, s)
            ),
            t("posko.field.assigned_to", lang): mine["assigned_to"].map(
                lambda v: ", ".join(stakeholder_names.get(s, s) for s in split_ids(v))
            ),
            t("posko.field.classification", lang): mine["classification"],
        }
    )
    return {
        t("posko.briefing.summary_sheet", lang): summary,
        t("posko.briefing.reports_sheet", lang): detail.reset_index(drop=True),
    }


def briefing_xlsx(
    reports_frame: pd.DataFrame,
    *,
    day: dt.date,
    region_names: Mapping[str, str],
    stakeholder_names: Mapping[str, str],
    lang: str = "id",
) -> bytes:
    """Return the daily briefing as an .xlsx file; text that looks like a formula stays text."""
    sheets = briefing_sheets(
        reports_frame, day=day, region_names=region_names, stakeholder_names=stakeholder_names, lang=lang
    )
    return intake.to_xlsx_bytes(sheets)
