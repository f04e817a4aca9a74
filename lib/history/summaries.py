"""Tables and figures the pages show: key figures of an election, latest events, counts by regency."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lib.core import formats
from lib.core.elections import current_stage, days_from_voting_day
from lib.core.i18n import t
from lib.core.regions import PROVINCE, REGENCY_CODES, regency_of


@dataclass(frozen=True)
class KeyFigures:
    """The headline of an election as of a day; None where the figure is unknown."""

    days_from_voting: int
    stages: tuple[str, ...]
    dpt: int | None
    n_tps: int | None
    n_contests: int
    voters_per_tps: float | None
    figures_source: str | None


def key_figures(
    *,
    election_id: str,
    voting_day: dt.date,
    stages: pd.DataFrame,
    figures: pd.DataFrame,
    contests: pd.DataFrame,
    today: dt.date,
    lang: str,
    focus: str | None = None,
) -> KeyFigures:
    """Return the election's key figures for Bali, or for the regency in ``focus``."""
    mine = stages[stages["election_id"] == election_id]
    names = dict(zip(mine["stage"], mine["name_id" if lang == "id" else "name_en"], strict=True))
    spans = list(zip(mine["stage"], mine["start"], mine["end"], strict=True))
    under_way = tuple(names[s] for s in current_stage(spans, today))
    region = focus or PROVINCE
    row = figures[(figures["election_id"] == election_id) & (figures["region_code"] == region)]
    dpt = _known_int(row["dpt"].iloc[0]) if len(row) else None
    tps = _known_int(row["n_tps"].iloc[0]) if len(row) else None
    races = contests[contests["election_id"] == election_id]
    if focus:
        races = races[races["region_code"].isin([focus, PROVINCE])]
    return KeyFigures(
        days_from_voting=days_from_voting_day(today, voting_day),
        stages=under_way,
        dpt=dpt,
        n_tps=tps,
        n_contests=len(races),
        voters_per_tps=round(dpt / tps, 1) if dpt and tps else None,
        figures_source=str(row["source"].iloc[0]) if len(row) else None,
    )


def _known_int(value: object) -> int | None:
    """Return ``value`` as int, or None when it is missing (unknown stays unknown)."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return int(value)  # type: ignore[call-overload]


def days_label(days: int, lang: str) -> str:
    """Return "H-3", "H", "H+732" with words, as election staff say it.

    >>> days_label(-3, "id")
    'H-3 (3 hari lagi)'
    >>> days_label(2, "en")
    'D+2 (2 days ago)'
    """
    if days == 0:
        return t("overview.voting_today", lang)
    if days < 0:
        return t("overview.days_to", lang, n=-days)
    return t("overview.days_since", lang, n=days)


def event_interval(date_text: str, precision: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day that an event date of ``precision`` stands for.

    >>> event_interval("2018", "year")
    (datetime.date(2018, 1, 1), datetime.date(2018, 12, 31))
    >>> event_interval("2024-02", "month")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    if precision == "day":
        day = dt.date.fromisoformat(date_text)
        return day, day
    if precision == "month":
        first = dt.date.fromisoformat(date_text + "-01")
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    year = int(date_text[:4])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def in_scope(
    events: pd.DataFrame, *, period: tuple[dt.date, dt.date] | None, focus: str | None = None
) -> pd.DataFrame:
    """Return the events whose date interval overlaps ``period`` and that lie in ``focus``.

    An event known only by month or year counts when its interval overlaps the period.
    """
    keep = pd.Series(True, index=events.index)
    if period is not None:
        spans = [event_interval(d, p) for d, p in zip(events["date"], events["date_precision"], strict=True)]
        keep &= pd.Series([s <= period[1] and e >= period[0] for s, e in spans], index=events.index)
    if focus:
        keep &= events["region_code"].str.startswith(focus)
    return events[keep]


def latest_events(events: pd.DataFrame, regions: pd.DataFrame, *, lang: str, limit: int = 8) -> pd.DataFrame:
    """Return the newest events as a display table with localised headers."""
    newest = events.sort_values(["date", "id"], ascending=False).head(limit)
    return pd.DataFrame(
        {
            t("col.date", lang): newest["date"],
            t("col.region", lang): [regions["name"].get(c, c) for c in newest["region_code"]],
            t("col.category", lang): [t(f"category.{c}", lang) for c in newest["category"]],
            t("col.severity", lang): newest["severity"],
            t("col.description", lang): newest["description"],
            t("col.source", lang): newest["source_url"],
        }
    ).reset_index(drop=True)


def counts_by_regency(
    events: pd.DataFrame, figures: pd.DataFrame, regions: pd.DataFrame, *, election_id: str
) -> pd.DataFrame:
    """Return per regency: events, events per 100,000 voters (DPT), verified Posko reports, DPT, TPS.

    An event in a kecamatan or desa counts for its regency; province-wide events (code 51) count
    for none. ``posko`` counts the verified Posko reports among the events (origin ``posko``).
    Unknown DPT or TPS stay NA.
    """
    regency = events["region_code"].map(regency_of)
    in_regency = regency.isin(REGENCY_CODES)
    counts = regency[in_regency].value_counts()
    posko = regency[in_regency & (events["origin"] == "posko")].value_counts()
    mine = figures[figures["election_id"] == election_id].set_index("region_code")
    rows = []
    for code in REGENCY_CODES:
        dpt = _known_int(mine["dpt"].get(code)) if code in mine.index else None
        tps = _known_int(mine["n_tps"].get(code)) if code in mine.index else None
        n = int(counts.get(code, 0))
        rows.append(
            {
                "code": code,
                "name": regions.loc[code, "name"],
                "events": n,
                "events_per_100k": round(n / dpt * 100_000, 2) if dpt else None,
                "posko": int(posko.get(code, 0)),
                "dpt": dpt,
                "n_tps": tps,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("dpt", "n_tps"):
        frame[column] = frame[column].astype("Int64")
    frame["events_per_100k"] = frame["events_per_100k"].astype("Float64")
    return frame


def recent_change(events: pd.DataFrame, regions: pd.DataFrame, *, today: dt.date) -> pd.DataFrame:
    """Return per regency the events of the last 7 days against the weekly average of the 4 weeks before.

    Only day-precision events count (an event known only by month or year cannot be placed in a
    week). ``rose`` is True where the last 7 days exceed that average.
    """
    day_events = events[events["date_precision"] == "day"]
    days = pd.to_datetime(day_events["date"]).dt.date
    regency = day_events["region_code"].map(regency_of)
    week_start = today - dt.timedelta(days=6)
    before_start = week_start - dt.timedelta(days=28)
    rows = []
    for code in REGENCY_CODES:
        here = regency == code
        last = int((here & (days >= week_start) & (days <= today)).sum())
        before = int((here & (days >= before_start) & (days < week_start)).sum())
        rows.append(
            {
                "code": code,
                "name": regions.loc[code, "name"],
                "last_7d": last,
                "weekly_before": round(before / 4, 2),
                "rose": last > before / 4,
            }
        )
    return pd.DataFrame(rows)


def days_short(days: int, lang: str) -> str:
    """Return "H-3", "H", "H+732" (D-3, D, D+732 in English): short enough for a projector.

    >>> days_short(-3, "id"), days_short(0, "id"), days_short(732, "en")
    ('H-3', 'H', 'D+732')
    """
    letter = "H" if lang == "id" else "D"
    if days == 0:
        return letter
    return f"{letter}{days:+d}"


def change_display(change: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return :func:`recent_change` as the table Ringkasan shows (a mark where it rose)."""
    shown = change.assign(rose=["\u25b2" if rose else "" for rose in change["rose"]])
    shown = formats.as_text(shown, lang, {"weekly_before": 1})
    return shown[["name", "last_7d", "weekly_before", "rose"]].rename(
        columns={
            "name": t("col.name", lang),
            "last_7d": t("overview.col.last_7d", lang),
            "weekly_before": t("overview.col.weekly_before", lang),
            "rose": t("overview.rose", lang),
        }
    )
