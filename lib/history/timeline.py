"""Conflict history: dates as intervals, phases, alignment on voting day, counts and brush ranges.

A date in the events table stands for an interval: a day ("2024-11-27"), a
month ("2024-11") or a year ("2024"). Nothing here pretends that a month or a
year is a precise day: every event gets ``start`` and ``end`` (first and last
day of the interval, both inclusive) and its offsets from voting day are given
for both ends; only day-precision events get a single ``days_from_voting_day``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from lib.core.clock import LOCAL_TZ
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import PROVINCE, regency_of

if TYPE_CHECKING:
    pass

PRECISION_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}
"""Finer precisions rank lower."""
FREQUENCIES: tuple[str, ...] = ("month", "year")
WITA_UTC_OFFSET_HOURS = LOCAL_TZ.utcoffset(dt.datetime(2024, 1, 1)).total_seconds() / 3600
"""Bali's offset from UTC, from the one clock (WITA has no daylight saving)."""
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


def _regency_or_province(codes: pd.Series) -> pd.Series:
    """Return each code's regency, :data:`PROVINCE` for a province-wide code, NA where missing.

    >>> _regency_or_province(pd.Series(["51.08.03.2002", "51", "51.71", None])).tolist()
    ['51.08', '51', '51.71', <NA>]
    """
    regencies = {
        code: pd.NA if pd.isna(code) else regency_of(str(code)) or PROVINCE for code in pd.unique(codes)
    }
    return codes.map(regencies).astype("string")


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
        frame[column] = _regency_or_province(events["region_code"]) if column == "regency" else events[column]
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
            "region_code": _regency_or_province(events["region_code"]),
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
