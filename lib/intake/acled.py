"""ACLED exports: keep Bali's rows, map them to regencies and event categories, one event per ACLED id.

Re-importing next month's export updates the same events (ids ``acled-<event_id_cnty>``) instead
of doubling them.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import PROVINCE, RegionIndex, fold
from lib.core.vocab import EVENT_COLUMNS
from lib.intake.problems import RowProblem

if TYPE_CHECKING:
    import geopandas as gpd

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
    for position, record in enumerate(table.to_dict("records")):
        row = position + 2
        cell = {k: str(v).strip() if v is not None else "" for k, v in record.items()}
        if fold(cell["country"]) != "indonesia":
            other_countries += 1
            continue
        if fold(cell["admin1"]) != "bali":
            other_provinces += 1
            continue
        try:
            event, seat_placed = _acled_event(
                cell, index=index, today=today, seats=seats, boundaries=boundaries
            )
        except _Refused as refused:
            problems.append(
                RowProblem(row, refused.column, refused.value, t(refused.key, lang, **refused.params))
            )
            continue
        if seat_placed:
            approximate.append(row)
        event_id, stamp = cell["event_id_cnty"], _stamp(cell)
        if event_id in kept:
            first_row, first_stamp, _ = kept[event_id]
            winner = row if stamp > first_stamp else first_row
            problems.append(
                RowProblem(
                    row,
                    "event_id_cnty",
                    event_id,
                    t("history.acled_duplicate", lang, first=first_row, kept=winner),
                )
            )
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


class _Refused(Exception):
    """A refused cell of an ACLED row: its column, its text and the message key saying what was expected."""

    def __init__(self, column: str, value: str, key: str, **params: object) -> None:
        super().__init__(key)
        self.column, self.value, self.key, self.params = column, value, key, params


def _acled_date(cell: Mapping[str, str], today: dt.date) -> tuple[dt.date, str, str]:
    """Return the day, its precision and the confidence it gives, or refuse the row."""
    day = _parse_acled_date(cell["event_date"])
    if day is None:
        raise _Refused("event_date", cell["event_date"], "history.acled_expect_date")
    if day > today:
        raise _Refused("event_date", cell["event_date"], "history.acled_expect_past", today=today.isoformat())
    if cell["time_precision"] not in ACLED_TIME_PRECISION:
        raise _Refused("time_precision", cell["time_precision"], "history.acled_expect_time_precision")
    precision, confidence = ACLED_TIME_PRECISION[cell["time_precision"]]
    return day, precision, confidence


def _acled_fatalities(cell: Mapping[str, str]) -> int:
    """Return the row's fatalities (empty is 0), or refuse the row."""
    try:
        fatalities = int(cell["fatalities"] or "0")
    except ValueError:
        fatalities = -1
    if fatalities < 0:
        raise _Refused("fatalities", cell["fatalities"], "history.acled_expect_fatalities")
    return fatalities


def _acled_point(cell: Mapping[str, str]) -> tuple[float | None, float | None]:
    """Return the row's latitude and longitude (both or neither), or refuse the row."""
    coordinates: list[float | None] = []
    for column in ("latitude", "longitude"):
        try:
            coordinates.append(_optional_float(cell[column]))
        except ValueError:
            raise _Refused(column, cell[column], "history.acled_expect_coordinate") from None
    lat, lon = coordinates
    if (lat is None) != (lon is None) or (
        lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)
    ):
        raise _Refused(
            "latitude", f"{cell['latitude']}, {cell['longitude']}", "history.acled_expect_coordinate"
        )
    return lat, lon


def _acled_event(
    cell: Mapping[str, str],
    *,
    index: RegionIndex,
    today: dt.date,
    seats: Mapping[str, tuple[float, float]] | None,
    boundaries: gpd.GeoDataFrame | None,
) -> tuple[dict[str, object], bool]:
    """Return one Bali row as an event, and whether it was placed at the nearest seat; or refuse it."""
    event_id = cell["event_id_cnty"]
    if not event_id:
        raise _Refused("event_id_cnty", "", "history.acled_expect_id")
    day, precision, confidence = _acled_date(cell, today)
    event_type, sub_type = cell["event_type"], cell["sub_event_type"]
    if event_type not in ACLED_CATEGORY:
        raise _Refused(
            "event_type", event_type, "history.acled_expect_event_type", types=", ".join(ACLED_CATEGORY)
        )
    fatalities = _acled_fatalities(cell)
    lat, lon = _acled_point(cell)

    notes: list[str] = [f"ACLED: {event_type} / {sub_type}"]
    if cell["time_precision"] == "2":
        notes.append(ACLED_NOTE_WEEK)
    region_code = _acled_regency(cell["admin2"], lat, lon, index=index, boundaries=boundaries)
    seat_placed = False
    if region_code is None and lat is not None and lon is not None and seats:
        region_code = _nearest_seat(lat, lon, seats)
        if region_code is not None:
            confidence, seat_placed = "low", True
            notes.append(ACLED_NOTE_SEAT)
    if region_code is None:
        raise _Refused("admin2", cell["admin2"], "history.acled_expect_place")

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
    return event, seat_placed


def _stamp(cell: Mapping[str, str]) -> float:
    """Return the row's ACLED ``timestamp`` (minus infinity when missing or unreadable)."""
    try:
        stamp = float(cell.get("timestamp", "") or "nan")
    except ValueError:
        stamp = math.nan
    return -math.inf if math.isnan(stamp) else stamp


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
