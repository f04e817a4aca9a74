"""Conflict history: dates as intervals, phases, alignment on voting day, counts, and ACLED import.

A date in the events table stands for an interval: a day ("2024-11-27"), a
month ("2024-11") or a year ("2024"). Nothing here pretends that a month or a
year is a precise day: every event gets ``start`` and ``end`` (first and last
day of the interval, both inclusive) and its offsets from voting day are given
for both ends; only day-precision events get a single ``days_from_voting_day``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from lib.events import EVENT_COLUMNS
from lib.i18n import t
from lib.problems import DataProblem
from lib.regions import PROVINCE, RegionIndex, fold

if TYPE_CHECKING:
    import geopandas as gpd

PRECISION_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}
"""Finer precisions rank lower."""
FREQUENCIES: tuple[str, ...] = ("month", "year")
WITA_UTC_OFFSET_HOURS = 8.0
"""Bali keeps Central Indonesian Time (WITA), UTC+8, with no daylight saving."""
RANGE_SEPARATOR = "~"

_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
_DATE_SHAPES = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


# --------------------------------------------------------------------------------------------------
# Dates as intervals, phases
# --------------------------------------------------------------------------------------------------


def date_intervals(events: pd.DataFrame) -> pd.DataFrame:
    """Return ``start`` and ``end`` (inclusive days) of the interval each event's date stands for.

    Parameters
    ----------
    events
        Needs ``date`` ("YYYY-MM-DD", "YYYY-MM" or "YYYY") and ``date_precision``
        (day, month or year). Not modified.

    Raises
    ------
    ValueError
        If a date does not match its precision; :mod:`lib.loading` checks dates first,
        so this is a bug.

    Examples
    --------
    >>> frame = pd.DataFrame({"date": ["2024-11-27", "2024-11", "2018"],
    ...                       "date_precision": ["day", "month", "year"]})
    >>> [d.date().isoformat() for d in date_intervals(frame)["end"]]
    ['2024-11-27', '2024-11-30', '2018-12-31']
    """
    dates = events["date"].astype("string").str.strip()
    precisions = events["date_precision"].astype("string").str.strip()
    start = pd.Series(pd.NaT, index=events.index, dtype="datetime64[us]")
    end = pd.Series(pd.NaT, index=events.index, dtype="datetime64[us]")
    for precision, fmt in _FORMATS.items():
        mask = (precisions == precision).fillna(False).to_numpy(dtype=bool)
        if not mask.any():
            continue
        parsed = pd.to_datetime(dates[mask], format=fmt, errors="coerce").astype("datetime64[us]")
        start[mask] = parsed
        if precision == "day":
            end[mask] = parsed
        elif precision == "month":
            end[mask] = parsed + pd.offsets.MonthEnd(0)
        else:
            end[mask] = parsed + pd.offsets.YearEnd(0)
    bad = start.isna()
    if bad.any():
        first = bad.to_numpy().nonzero()[0][0]
        raise ValueError(
            f"date {dates.iloc[first]!r} does not match precision {precisions.iloc[first]!r} "
            f"(row {first}); check events with lib.loading first."
        )
    return pd.DataFrame({"start": start, "end": end}, index=events.index)


def _voting_days(elections: pd.DataFrame) -> dict[str, pd.Timestamp]:
    """Return voting day by election id."""
    days = pd.to_datetime(elections["voting_day"].astype("string"), format="%Y-%m-%d")
    return {str(k): pd.Timestamp(v) for k, v in zip(elections["id"], days, strict=True)}


def _phases(days_min: pd.Series, days_max: pd.Series) -> pd.Series:
    """Return pre/during/post where the whole interval is on one side of voting day, else NA."""
    phase = pd.Series(pd.NA, index=days_min.index, dtype="string")
    phase[(days_max < 0).fillna(False)] = "pre"
    phase[(days_min > 0).fillna(False)] = "post"
    phase[((days_min == 0) & (days_max == 0)).fillna(False)] = "during"
    return phase


def _offsets(intervals: pd.DataFrame, voting: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Return day offsets of interval start and end from ``voting`` (a Timestamp per row, NaT allowed)."""
    days_min = (intervals["start"] - voting).dt.days.astype("Int64")
    days_max = (intervals["end"] - voting).dt.days.astype("Int64")
    return days_min, days_max


def enrich(events: pd.DataFrame, elections: pd.DataFrame, *, election_id: str) -> pd.DataFrame:
    """Return events with their date interval, offsets and phase relative to one election.

    Added columns:

    - ``start``, ``end``: first and last day of the interval the date stands for (inclusive);
      ``mid`` its middle day. Use ``start``/``end`` to draw month and year events as spans.
    - ``days_from_voting_day``: for day-precision events, days from ``election_id``'s voting day
      (negative before); NA for month and year precision.
    - ``days_min``, ``days_max``: offsets of the interval's first and last day (equal for days).
    - ``phase``: pre / during / post relative to ``election_id``; NA when the interval
      contains voting day (a month or year event around the vote), since the phase is unknown.
    - ``own_phase``: the same relative to the event's own ``election_id``; NA when it has none.
    - ``year`` (Int64) and ``month`` (Int64, NA for year precision).

    Parameters
    ----------
    events
        Columns of :data:`lib.events.EVENT_COLUMNS` (at least date, date_precision, election_id).
        Not modified.
    elections
        Table of elections (id, voting_day as ISO date, ...).
    election_id
        The election the page looks at, e.g. ``"pilkada-2024-bali"``.

    Raises
    ------
    ValueError
        If ``election_id`` is not in ``elections``.
    """
    voting_days = _voting_days(elections)
    if election_id not in voting_days:
        raise ValueError(f"election_id {election_id!r} is not in the elections table.")
    intervals = date_intervals(events)
    chosen = pd.Series(voting_days[election_id], index=events.index, dtype="datetime64[us]")
    days_min, days_max = _offsets(intervals, chosen)
    is_day = (events["date_precision"].astype("string") == "day").fillna(False)

    own_ids = events["election_id"].astype("string").str.strip() if "election_id" in events else None
    if own_ids is None:
        own_voting = pd.Series(pd.NaT, index=events.index, dtype="datetime64[us]")
    else:
        own_voting = own_ids.map(voting_days).astype("datetime64[us]")
    own_min, own_max = _offsets(intervals, own_voting)

    span = (intervals["end"] - intervals["start"]) / 2
    return events.assign(
        start=intervals["start"],
        end=intervals["end"],
        mid=(intervals["start"] + span).dt.floor("D"),
        days_from_voting_day=days_min.where(is_day, pd.NA),
        days_min=days_min,
        days_max=days_max,
        phase=_phases(days_min, days_max),
        own_phase=_phases(own_min, own_max),
        year=intervals["start"].dt.year.astype("Int64"),
        month=intervals["start"]
        .dt.month.astype("Int64")
        .where((events["date_precision"].astype("string") != "year").fillna(False), pd.NA),
    )


def align_on_voting_day(
    events: pd.DataFrame,
    elections: pd.DataFrame,
    *,
    election_ids: Sequence[str],
    window_days: tuple[int, int] = (-120, 60),
    include_unattributed: bool = False,
) -> pd.DataFrame:
    """Return the events of several elections, each placed by days from its own election's voting day.

    An event belongs to the election named in its ``election_id``. With
    ``include_unattributed``, events with no election are also placed against
    every chosen election whose window holds them (``attributed`` is False).

    Only day-precision events have a ``days_from_voting_day`` and ``precise`` True;
    month- and year-precision events whose interval overlaps the window are kept
    with ``precise`` False so the chart can say how many it leaves out
    (:func:`imprecise_counts`).

    Parameters
    ----------
    events
        Columns of :data:`lib.events.EVENT_COLUMNS`. Not modified.
    elections
        Table of elections (id, name, voting_day).
    election_ids
        Elections to compare, e.g. ``["pilgub-2018", "pemilu-2019", "pilkada-2024-bali"]``.
    window_days
        First and last day offset kept, inclusive.
    include_unattributed
        Also place events with no ``election_id`` by their date.

    Returns
    -------
    pandas.DataFrame
        The event columns plus ``aligned_election_id``, ``election_name``, ``voting_day``,
        ``days_from_voting_day`` (Int64), ``days_min``, ``days_max``, ``precise``, ``attributed``.
    """
    low, high = window_days
    if low > high:
        raise ValueError(f"window_days must be (low, high) with low <= high, got {window_days}.")
    voting_days = _voting_days(elections)
    names = {str(k): str(v) for k, v in zip(elections["id"], elections["name"], strict=True)}
    unknown = [e for e in election_ids if e not in voting_days]
    if unknown:
        raise ValueError(f"election_ids not in the elections table: {unknown}.")
    intervals = date_intervals(events)
    starts = intervals["start"].to_numpy().astype("datetime64[D]")
    ends = intervals["end"].to_numpy().astype("datetime64[D]")
    own = events["election_id"].astype("string").str.strip().fillna("").to_numpy(dtype=object)
    unattributed = own == ""
    is_day = (events["date_precision"].astype("string") == "day").fillna(False).to_numpy(dtype=bool)
    positions: list[np.ndarray] = []
    columns: dict[str, list[np.ndarray]] = {k: [] for k in ("election", "min", "max", "attributed")}
    for election_id in election_ids:
        voting = np.datetime64(voting_days[election_id].date(), "D")
        days_min = (starts - voting).astype("int64")
        days_max = (ends - voting).astype("int64")
        mine = own == election_id
        chosen = (mine | (unattributed & include_unattributed)) & (days_max >= low) & (days_min <= high)
        found = np.flatnonzero(chosen)
        positions.append(found)
        columns["election"].append(np.full(len(found), election_id, dtype=object))
        columns["min"].append(days_min[found])
        columns["max"].append(days_max[found])
        columns["attributed"].append(mine[found])
    rows = np.concatenate(positions) if positions else np.array([], dtype="int64")
    election_of = pd.Series(np.concatenate(columns["election"]) if positions else [], dtype="string")
    days_min_all = pd.array(np.concatenate(columns["min"]) if positions else [], dtype="Int64")
    precise = is_day[rows]
    return (
        events.iloc[rows]
        .reset_index(drop=True)
        .assign(
            aligned_election_id=election_of,
            election_name=election_of.map(names).astype("string"),
            voting_day=election_of.map(voting_days).astype("datetime64[us]"),
            days_from_voting_day=pd.Series(days_min_all).where(precise, pd.NA),
            days_min=days_min_all,
            days_max=pd.array(np.concatenate(columns["max"]) if positions else [], dtype="Int64"),
            precise=precise,
            attributed=np.concatenate(columns["attributed"]).astype(bool)
            if positions
            else np.array([], bool),
        )
    )


def imprecise_counts(aligned: pd.DataFrame) -> dict[str, int]:
    """Return, per aligned election id, how many events have only a month or year (no point drawn)."""
    counts = aligned.loc[~aligned["precise"].astype(bool), "aligned_election_id"].value_counts()
    return {str(k): int(v) for k, v in counts.items()}


# --------------------------------------------------------------------------------------------------
# Filters and counts
# --------------------------------------------------------------------------------------------------


def _in_regions(codes: pd.Series, regions: Iterable[str]) -> pd.Series:
    """Return whether each code is one of ``regions`` or lies inside one of them."""
    inside = pd.Series(False, index=codes.index)
    for region in regions:
        inside |= ((codes == region) | codes.str.startswith(region + ".")).fillna(False)
    return inside


def _with_intervals(events: pd.DataFrame) -> pd.DataFrame:
    """Return ``start``/``end`` of ``events``: taken from the frame when enriched, else computed."""
    if "start" in events and "end" in events:
        return events[["start", "end"]]
    return date_intervals(events)


def filter_events(
    events: pd.DataFrame,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    regions: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    focus: str | None = None,
    include_province_wide: bool = True,
    partial_dates: bool = False,
) -> pd.DataFrame:
    """Return the events in a period, regions, categories and regency focus.

    A column ``province_wide`` (True for events coded to the whole province, "51")
    is added, so a list focused on one regency can mark them.

    Parameters
    ----------
    events
        Columns of :data:`lib.events.EVENT_COLUMNS`, enriched or not. Not modified.
    start, end
        Period, both days inclusive; None leaves that side open. An event is kept when
        its whole date interval lies inside the period: a year-precision event does
        not appear in a three-week brush. With ``partial_dates`` an overlap is enough.
    regions
        Region codes; an event is kept when its code is one of them or inside one.
    categories
        Category ids from :data:`lib.events.CATEGORIES`.
    focus
        A regency code (e.g. ``"51.08"``): keep its events and, with
        ``include_province_wide``, the province-wide ones.
    include_province_wide
        See ``focus``.
    partial_dates
        Keep events whose interval only overlaps the period.
    """
    codes = events["region_code"].astype("string").str.strip()
    keep = pd.Series(True, index=events.index)
    if start is not None or end is not None:
        intervals = _with_intervals(events)
        first = intervals["end"] if partial_dates else intervals["start"]
        last = intervals["start"] if partial_dates else intervals["end"]
        if start is not None:
            keep &= (first >= pd.Timestamp(start)).fillna(False)
        if end is not None:
            keep &= (last <= pd.Timestamp(end)).fillna(False)
    if regions is not None:
        keep &= _in_regions(codes, list(regions))
    if categories is not None:
        keep &= events["category"].astype("string").isin(list(categories)).fillna(False)
    province_wide = (codes == PROVINCE).fillna(False)
    if focus is not None:
        keep &= in_focus(events, focus, include_province_wide=include_province_wide)
    return events.loc[keep].assign(province_wide=province_wide[keep])


def in_focus(events: pd.DataFrame, focus: str, *, include_province_wide: bool = True) -> pd.Series:
    """Return whether each event lies in the region ``focus`` (or is province-wide, when included).

    >>> in_focus(pd.DataFrame({"region_code": ["51.08", "51.08.03", "51", "51.07"]}), "51.08").tolist()
    [True, True, True, False]
    """
    codes = events["region_code"].astype("string").str.strip()
    inside = _in_regions(codes, [focus])
    if include_province_wide:
        inside |= (codes == PROVINCE).fillna(False)
    return inside


def regency_of(codes: pd.Series) -> pd.Series:
    """Return the regency code of each region code ("51.08.03" -> "51.08"); "51" stays "51".

    >>> regency_of(pd.Series(["51.08.03.2002", "51", "51.71"])).tolist()
    ['51.08', '51', '51.71']
    """
    text = codes.astype("string").str.strip()
    return text.str.slice(0, 5).where(text.str.len() >= 5, text)


def counts_by(
    events: pd.DataFrame, freq: str = "year", by: str | Sequence[str] | None = "category"
) -> pd.DataFrame:
    """Return event counts per period (month or year) and group.

    Events whose date is coarser than ``freq`` (a year-precision event in a
    monthly count) are not spread over months: they get one row spanning their
    own interval with ``coarse`` True, for the chart to draw as a span.

    Parameters
    ----------
    events
        Columns of :data:`lib.events.EVENT_COLUMNS`, enriched or not. Not modified.
    freq
        ``"month"`` or ``"year"``.
    by
        Column name(s) to count by, e.g. ``"category"`` or ``["category", "region_code"]``;
        ``"regency"`` counts by regency (codes rolled up); None counts all together.

    Returns
    -------
    pandas.DataFrame
        ``period`` ("2024-11" or "2024"), ``period_start`` and ``period_end`` (inclusive days),
        ``coarse``, the ``by`` columns and ``count``, sorted by period.

    Examples
    --------
    >>> frame = pd.DataFrame({"date": ["2024-11-27", "2024-11", "2024"],
    ...                       "date_precision": ["day", "month", "year"],
    ...                       "category": ["riot", "riot", "hoax"]})
    >>> counts_by(frame, "month")[["period", "coarse", "category", "count"]].values.tolist()
    [['2024', True, 'hoax', 1], ['2024-11', False, 'riot', 2]]
    """
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {FREQUENCIES}, got {freq!r}.")
    groups = [] if by is None else [by] if isinstance(by, str) else list(by)
    intervals = _with_intervals(events)
    frame = pd.DataFrame(index=events.index)
    for column in groups:
        frame[column] = regency_of(events["region_code"]) if column == "regency" else events[column]
    precision_rank = events["date_precision"].astype("string").map(PRECISION_RANK).astype("Int64")
    coarse = (precision_rank > PRECISION_RANK[freq]).fillna(False).astype(bool)
    start = intervals["start"]
    if freq == "month":
        fine_start = start.dt.to_period("M").dt.start_time.astype("datetime64[us]")
        fine_end = (fine_start + pd.offsets.MonthEnd(0)).astype("datetime64[us]")
        fine_label = fine_start.dt.strftime("%Y-%m")
    else:
        fine_start = start.dt.to_period("Y").dt.start_time.astype("datetime64[us]")
        fine_end = (fine_start + pd.offsets.YearEnd(0)).astype("datetime64[us]")
        fine_label = fine_start.dt.strftime("%Y")
    frame["period_start"] = fine_start.where(~coarse, start)
    frame["period_end"] = fine_end.where(~coarse, intervals["end"])
    frame["period"] = fine_label.where(~coarse, events["date"].astype("string").str.strip())
    frame["coarse"] = coarse
    keys = ["period", "period_start", "period_end", "coarse", *groups]
    counted = frame.groupby(keys, dropna=False, sort=True, observed=True).size().rename("count").reset_index()
    counted["count"] = counted["count"].astype("int64")
    return counted.sort_values(["period_start", "period_end", *groups], ignore_index=True)


def heatmap_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Return, per regency (or "51" for province-wide) and category, counts and harm.

    Returns
    -------
    pandas.DataFrame
        ``region_code``, ``category``, ``count``, ``max_severity``, ``fatalities`` (sum over the
        events where it is known; NA when none is known) and ``fatalities_known`` (how many events
        it sums).

    Examples
    --------
    >>> frame = pd.DataFrame({"region_code": ["51.08.03", "51.08", "51"], "category": ["riot"] * 3,
    ...                       "severity": [5, 3, 2], "fatalities": [4, None, None]})
    >>> heatmap_counts(frame).values.tolist()
    [['51', 'riot', 1, 2, <NA>, 0], ['51.08', 'riot', 2, 5, 4, 1]]
    """
    frame = pd.DataFrame(
        {
            "region_code": regency_of(events["region_code"]),
            "category": events["category"].astype("string"),
            "severity": pd.to_numeric(events["severity"], errors="coerce").astype("Int64"),
            "fatalities": pd.to_numeric(events["fatalities"], errors="coerce").astype("Int64"),
        }
    )
    grouped = frame.groupby(["region_code", "category"], sort=True, observed=True)
    result = grouped.agg(
        count=("severity", "size"),
        max_severity=("severity", "max"),
        fatalities=("fatalities", lambda s: s.sum() if s.notna().any() else pd.NA),
        fatalities_known=("fatalities", "count"),
    ).reset_index()
    result["count"] = result["count"].astype("int64")
    result["max_severity"] = result["max_severity"].astype("Int64")
    result["fatalities"] = result["fatalities"].astype("Int64")
    result["fatalities_known"] = result["fatalities_known"].astype("int64")
    return result


# --------------------------------------------------------------------------------------------------
# Brush selection and URL text
# --------------------------------------------------------------------------------------------------


def _to_day(value: object, utc_offset_hours: float) -> dt.date | None:
    """Return the calendar day a brush end stands for, or None when it cannot be read."""
    if isinstance(value, bool) or value is None:
        return None
    stamp: pd.Timestamp | None = None
    try:
        if isinstance(value, int | float):
            if not math.isfinite(float(value)):
                return None
            stamp = pd.Timestamp(float(value), unit="ms", tz="UTC")
        elif isinstance(value, str):
            text = value.strip()
            if re.fullmatch(r"-?\d+(\.\d+)?", text):
                stamp = pd.Timestamp(float(text), unit="ms", tz="UTC")
            else:
                stamp = pd.Timestamp(text)
        else:
            return None
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return None
    if stamp is None or pd.isna(stamp):
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None) + pd.Timedelta(hours=utc_offset_hours)
    return stamp.date()


def brush_range(
    selection: Mapping[str, Any] | None, *, utc_offset_hours: float = WITA_UTC_OFFSET_HOURS
) -> tuple[dt.date, dt.date] | None:
    """Return the days an interval brush covers, or None when nothing usable is selected.

    Streamlit returns ``event.selection[param]`` for an interval selection as a
    dict from field name to its two ends, e.g. ``{"start": [1725148800000, 1735603200000]}``
    or ``{"yearmonth_start": ["2024-09-01T00:00:00.000Z", ...]}``. Ends may be epoch
    milliseconds or ISO text; instants are read in the browser's time zone, by default
    WITA (UTC+8). The first two-element entry is used; the ends are put in order.

    Examples
    --------
    >>> brush_range({"start": [1725120000000, 1735574400000]})
    (datetime.date(2024, 9, 1), datetime.date(2024, 12, 31))
    >>> brush_range({"start": ["2024-08-31T16:00:00.000Z", "2024-12-30T16:00:00.000Z"]})
    (datetime.date(2024, 9, 1), datetime.date(2024, 12, 31))
    >>> brush_range({}) is None
    True
    """
    if not selection or not isinstance(selection, Mapping):
        return None
    for value in selection.values():
        if isinstance(value, list | tuple) and len(value) == 2:
            first = _to_day(value[0], utc_offset_hours)
            last = _to_day(value[1], utc_offset_hours)
            if first is None or last is None:
                return None
            return (first, last) if first <= last else (last, first)
    return None


def encode_range(days: tuple[dt.date, dt.date]) -> str:
    """Return a period as short text for the share link.

    >>> encode_range((dt.date(2024, 9, 1), dt.date(2024, 12, 31)))
    '2024-09-01~2024-12-31'
    """
    first, last = days
    return f"{first.isoformat()}{RANGE_SEPARATOR}{last.isoformat()}"


def decode_range(text: str, *, lang: str = "id") -> tuple[dt.date, dt.date]:
    """Read a period written by :func:`encode_range`.

    Raises
    ------
    DataProblem
        If the text is not two ISO days joined by "~", first not after last.

    Examples
    --------
    >>> decode_range("2024-09-01~2024-12-31")
    (datetime.date(2024, 9, 1), datetime.date(2024, 12, 31))
    """
    parts = str(text).strip().split(RANGE_SEPARATOR)
    problem = DataProblem(
        t("history.range_unreadable", lang, text=text), t("history.range_unreadable_fix", lang)
    )
    if len(parts) != 2 or not all(_DATE_SHAPES["day"].match(p) for p in parts):
        raise problem
    try:
        first, last = (dt.date.fromisoformat(p) for p in parts)
    except ValueError:
        raise problem from None
    if first > last:
        raise problem
    return first, last


# --------------------------------------------------------------------------------------------------
# ACLED import
# --------------------------------------------------------------------------------------------------

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""Columns of an ACLED export, in codebook order."""
ACLED_REQUIRED: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "country",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
)
ACLED_URL = "https://acleddata.com"

# ACLED event type -> app category; (event type, sub-event type) overrides the type.
ACLED_CATEGORY: dict[str, str] = {
    "Battles": "clash",
    "Violence against civilians": "violence",
    "Explosions/Remote violence": "violence",
    "Riots": "riot",
    "Protests": "dispute",
    "Strategic developments": "other",
}
ACLED_SUB_CATEGORY: dict[tuple[str, str], str] = {
    ("Riots", "Mob violence"): "violence",
    ("Riots", "Violent demonstration"): "riot",
    ("Protests", "Excessive force against protesters"): "violence",
}
# Severity without deaths, on the scale of data/SOURCES.md: physical violence 3,
# localised disruption 2, protest without harm 1.
ACLED_BASE_SEVERITY: dict[str, int] = {
    "Battles": 3,
    "Violence against civilians": 3,
    "Explosions/Remote violence": 3,
    "Riots": 3,
    "Protests": 1,
    "Strategic developments": 2,
}
ACLED_SUB_SEVERITY: dict[tuple[str, str], int] = {
    ("Protests", "Protest with intervention"): 2,
    ("Protests", "Excessive force against protesters"): 3,
}
# time_precision -> (date precision, confidence). 2 = "within a week": the coded day is
# kept, confidence lowered; 3 = "within a month": kept as a month.
ACLED_TIME_PRECISION: dict[str, tuple[str, str]] = {
    "1": ("day", "high"),
    "2": ("day", "medium"),
    "3": ("month", "medium"),
}
ACLED_NOTE_WEEK = "ACLED time_precision 2: the exact date is within a week of this date"
ACLED_NOTE_SEAT = (
    "regency set from the nearest regency seat (Badung and Bangli have no seat coordinates): check the place"
)
MAX_SEAT_DISTANCE_KM = 40.0
"""A point farther than this from every regency seat is not placed by the nearest seat."""


@dataclass(frozen=True)
class RowProblem:
    """One row of an imported file that was refused or needs attention."""

    row: int
    """Row number as a spreadsheet shows it (the header is row 1)."""
    column: str
    value: str
    expected: str
    """What the column should hold, in the user's language."""


@dataclass(frozen=True)
class AcledImport:
    """What :func:`read_acled` found in an ACLED export."""

    events: pd.DataFrame
    """Bali events in :data:`lib.events.EVENT_COLUMNS`, one per ACLED event id."""
    skipped_other_countries: int
    skipped_other_provinces: int
    problems: list[RowProblem] = field(default_factory=list)
    """Rows refused (bad date, unknown place, ...) and duplicate ids (the newest kept)."""
    approximate_rows: list[int] = field(default_factory=list)
    """Rows placed in a regency by the nearest regency seat (confidence lowered to low)."""


def regency_seats(regions: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Return (lat, lon) of each regency seat known in the regions table; rows without are left out.

    Badung and Bangli have no seat coordinates in ``data/regions.csv``, so they are
    missing here: :func:`read_acled` lowers confidence for points placed this way.
    """
    seats: dict[str, tuple[float, float]] = {}
    for row in regions.itertuples(index=False):
        code = str(getattr(row, "code", ""))
        lat = pd.to_numeric(getattr(row, "seat_lat", None), errors="coerce")
        lon = pd.to_numeric(getattr(row, "seat_lon", None), errors="coerce")
        if code.count(".") == 1 and pd.notna(lat) and pd.notna(lon):
            seats[code] = (float(lat), float(lon))
    return seats


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def _read_table(data: bytes, filename: str, lang: str) -> pd.DataFrame:
    """Read an ACLED export (CSV or Excel) with every cell as text."""
    name = filename.lower()
    try:
        if name.endswith((".xlsx", ".xls")):
            table = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False)
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
            table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError, OSError) as error:
        raise DataProblem(
            t("history.acled_unreadable", lang, file=filename, error=str(error)[:120]),
            t("history.acled_unreadable_fix", lang),
        ) from None
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in ACLED_REQUIRED if c not in table.columns]
    if missing:
        raise DataProblem(
            t("history.acled_missing_columns", lang, file=filename, columns=", ".join(missing)),
            t("history.acled_missing_columns_fix", lang),
        )
    return table


def _parse_acled_date(text: str) -> dt.date | None:
    """Return the day of an ACLED ``event_date`` ("2024-11-27" or "27 November 2024")."""
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _optional_float(text: str) -> float | None:
    """Return a number from text, None when empty; raise ValueError when not a number."""
    stripped = text.strip()
    if not stripped:
        return None
    value = float(stripped.replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(stripped)
    return value


def _acled_severity(event_type: str, sub_type: str, fatalities: int) -> tuple[int, str]:
    """Return severity 1..5 and the reason, from fatalities first, then the ACLED type."""
    if fatalities >= 3:
        return 5, f"fatalities {fatalities} (3 or more: 5)"
    if fatalities >= 1:
        return 4, f"fatalities {fatalities} (1-2: 4)"
    severity = ACLED_SUB_SEVERITY.get((event_type, sub_type), ACLED_BASE_SEVERITY[event_type])
    return severity, f"no fatalities; type rule: {severity}"


def read_acled(
    data: bytes,
    filename: str,
    *,
    index: RegionIndex,
    today: dt.date,
    seats: Mapping[str, tuple[float, float]] | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    lang: str = "id",
) -> AcledImport:
    """Read an ACLED export and return its Bali events in the app's event columns.

    Rows outside Indonesia, and Indonesian rows outside Bali, are counted and skipped.
    Each kept event has id ``"acled-" + event_id_cnty``, so importing next month's
    export updates the same events instead of adding them twice.

    Mapping rules (documented for the people who read the numbers):

    - Place: ``admin2`` through ``index.resolve`` (Buleleng, Denpasar, Karang Asem ...).
      When it is unknown, the point (latitude, longitude) is placed with ``boundaries``
      (regency polygons, EPSG:4326, column ``code``) when given, else at the nearest
      regency seat within 40 km from ``seats``; seat placement lowers confidence to low
      because Badung and Bangli have no seat coordinates (the row is listed in
      ``approximate_rows``). Otherwise the row is refused. Missing coordinates are
      allowed when ``admin2`` resolves.
    - Date: ``time_precision`` 1 (exact day) -> day, confidence high; 2 (within a week) ->
      the coded day is kept, confidence medium, noted in ``severity_basis``; 3 (within a
      month) -> month precision, confidence medium. A date after ``today`` is refused.
    - Category: Battles -> clash; Violence against civilians and Explosions/Remote violence
      -> violence; Riots -> riot, except Mob violence -> violence; Protests -> dispute, except
      Excessive force against protesters -> violence; Strategic developments -> other.
    - Severity (scale of data/SOURCES.md): 3 or more fatalities -> 5; 1-2 -> 4; otherwise
      Battles, Riots, Violence against civilians, Explosions/Remote violence -> 3; Protest with
      intervention -> 2, Excessive force against protesters -> 3, other protests -> 1;
      Strategic developments -> 2. The ACLED type and the rule applied are kept in
      ``severity_basis`` (e.g. "ACLED: Riots / Mob violence; no fatalities; type rule: 3").
    - Source: ACLED gives no article links: ``source_url`` is https://acleddata.com and
      ``source_title`` names ACLED, its event id and ACLED's own source names.
    - An event id repeated in the file is reported; the row with the latest ACLED
      ``timestamp`` is kept (the first one on a tie).

    Parameters
    ----------
    data, filename
        The uploaded file; ``filename`` tells CSV from Excel and appears in messages.
    index
        Region index with Bali and its regencies.
    today
        Dates after this day are refused.
    seats
        Regency seat coordinates from :func:`regency_seats`.
    boundaries
        Regency polygons, for exact placement of points.
    lang
        Language of the problems.

    Raises
    ------
    DataProblem
        If the file cannot be read or lacks ACLED columns.
    """
    table = _read_table(data, filename, lang)
    problems: list[RowProblem] = []
    approximate: list[int] = []
    kept: dict[str, tuple[int, float, dict[str, object]]] = {}
    other_countries = 0
    other_provinces = 0

    def refuse(row: int, column: str, value: str, key: str, **params: object) -> None:
        problems.append(RowProblem(row, column, value, t(key, lang, **params)))

    for position, record in enumerate(table.to_dict("records")):
        row = position + 2
        cell = {k: str(v).strip() if v is not None else "" for k, v in record.items()}
        if fold(cell["country"]) != "indonesia":
            other_countries += 1
            continue
        if fold(cell["admin1"]) != "bali":
            other_provinces += 1
            continue
        event_id = cell["event_id_cnty"]
        if not event_id:
            refuse(row, "event_id_cnty", "", "history.acled_expect_id")
            continue
        day = _parse_acled_date(cell["event_date"])
        if day is None:
            refuse(row, "event_date", cell["event_date"], "history.acled_expect_date")
            continue
        if day > today:
            refuse(
                row, "event_date", cell["event_date"], "history.acled_expect_past", today=today.isoformat()
            )
            continue
        if cell["time_precision"] not in ACLED_TIME_PRECISION:
            refuse(row, "time_precision", cell["time_precision"], "history.acled_expect_time_precision")
            continue
        precision, confidence = ACLED_TIME_PRECISION[cell["time_precision"]]
        event_type, sub_type = cell["event_type"], cell["sub_event_type"]
        if event_type not in ACLED_CATEGORY:
            refuse(
                row,
                "event_type",
                event_type,
                "history.acled_expect_event_type",
                types=", ".join(ACLED_CATEGORY),
            )
            continue
        try:
            fatalities = int(cell["fatalities"] or "0")
            if fatalities < 0:
                raise ValueError(cell["fatalities"])
        except ValueError:
            refuse(row, "fatalities", cell["fatalities"], "history.acled_expect_fatalities")
            continue
        try:
            lat = _optional_float(cell["latitude"])
        except ValueError:
            refuse(row, "latitude", cell["latitude"], "history.acled_expect_coordinate")
            continue
        try:
            lon = _optional_float(cell["longitude"])
        except ValueError:
            refuse(row, "longitude", cell["longitude"], "history.acled_expect_coordinate")
            continue
        if (lat is None) != (lon is None) or (
            lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)
        ):
            refuse(
                row, "latitude", f"{cell['latitude']}, {cell['longitude']}", "history.acled_expect_coordinate"
            )
            continue

        notes: list[str] = [f"ACLED: {event_type} / {sub_type}"]
        if cell["time_precision"] == "2":
            notes.append(ACLED_NOTE_WEEK)
        region_code = _acled_regency(cell["admin2"], lat, lon, index=index, boundaries=boundaries)
        if region_code is None and lat is not None and lon is not None and seats:
            region_code = _nearest_seat(lat, lon, seats)
            if region_code is not None:
                confidence = "low"
                approximate.append(row)
                notes.append(ACLED_NOTE_SEAT)
        if region_code is None:
            refuse(row, "admin2", cell["admin2"], "history.acled_expect_place")
            continue

        severity, rule = _acled_severity(event_type, sub_type, fatalities)
        notes.insert(1, rule)
        place = ", ".join(dict.fromkeys(p for p in (cell["location"], cell.get("admin3", "")) if p))
        sources = cell["source"] or "-"
        event: dict[str, object] = {
            "id": f"acled-{event_id}",
            "date": day.isoformat() if precision == "day" else day.strftime("%Y-%m"),
            "date_precision": precision,
            "region_code": region_code,
            "location": place,
            "lat": lat,
            "lon": lon,
            "election_id": pd.NA,
            "election_label": pd.NA,
            "category": ACLED_SUB_CATEGORY.get((event_type, sub_type), ACLED_CATEGORY[event_type]),
            "severity": severity,
            "fatalities": fatalities,
            "description": cell["notes"] or f"{event_type} / {sub_type}",
            "source_url": ACLED_URL,
            "source_title": f"ACLED {event_id}: {sources}",
            "confidence": confidence,
            "severity_basis": "; ".join(notes),
            "phase_reported": pd.NA,
            "classification": "TERBUKA",
            "origin": "acled",
        }
        try:
            stamp = float(cell.get("timestamp", "") or "nan")
        except ValueError:
            stamp = math.nan
        stamp = -math.inf if math.isnan(stamp) else stamp
        if event_id in kept:
            first_row, first_stamp, _ = kept[event_id]
            winner = row if stamp > first_stamp else first_row
            refuse(row, "event_id_cnty", event_id, "history.acled_duplicate", first=first_row, kept=winner)
            if stamp <= first_stamp:
                continue
        kept[event_id] = (row, stamp, event)

    events = _event_frame([event for _, _, event in kept.values()])
    return AcledImport(
        events=events,
        skipped_other_countries=other_countries,
        skipped_other_provinces=other_provinces,
        problems=sorted(problems, key=lambda p: p.row),
        approximate_rows=approximate,
    )


def _acled_regency(
    admin2: str,
    lat: float | None,
    lon: float | None,
    *,
    index: RegionIndex,
    boundaries: gpd.GeoDataFrame | None,
) -> str | None:
    """Return the regency code from ``admin2``, else from the point inside ``boundaries``."""
    if admin2:
        try:
            return index.resolve(admin2, level="kabupaten", within=PROVINCE)
        except DataProblem:
            pass
    if boundaries is not None and lat is not None and lon is not None:
        from shapely.geometry import Point

        inside = boundaries.loc[boundaries.geometry.contains(Point(lon, lat)), "code"]
        if len(inside) == 1:
            return str(inside.iloc[0])
    return None


def _nearest_seat(lat: float, lon: float, seats: Mapping[str, tuple[float, float]]) -> str | None:
    """Return the regency whose seat is nearest, if within :data:`MAX_SEAT_DISTANCE_KM`."""
    distances = {code: _distance_km(lat, lon, s_lat, s_lon) for code, (s_lat, s_lon) in seats.items()}
    if not distances:
        return None
    code = min(distances, key=lambda c: distances[c])
    return code if distances[code] <= MAX_SEAT_DISTANCE_KM else None


def _event_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Return rows as a frame with :data:`lib.events.EVENT_COLUMNS` and nullable dtypes."""
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    types = {
        "lat": "Float64",
        "lon": "Float64",
        "severity": "Int64",
        "fatalities": "Int64",
    }
    for column in EVENT_COLUMNS:
        frame[column] = frame[column].astype(types.get(column, "string"))
    return frame
