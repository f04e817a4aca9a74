"""ACLED exports: keep Bali's rows, map them to regencies and event categories, one event per ACLED id.

Re-importing next month's export updates the same events (ids ``acled-<event_id_cnty>``) instead
of doubling them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from lib.core.dates import parse_date
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import PROVINCE, RegionIndex, fold
from lib.core.vocab import EVENT_COLUMNS
from lib.intake.problems import RowProblem
from lib.intake.tabular import read_table

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
ACLED_REQUIRED: tuple[str, ...] = ("event_id_cnty", "event_date", "event_type", "country", "admin1")
"""Columns without which a row cannot be read; every other codebook column is optional."""
ACLED_OPTIONAL: tuple[str, ...] = (
    "time_precision",
    "sub_event_type",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "timestamp",
)
"""Columns read when present; a missing one is reported and left empty (``sub_event_type``
came with ACLED's 2019 codebook, so older exports lack it)."""
ACLED_URL = "https://acleddata.com"

# ACLED event type -> app category; (event type, sub-event type) overrides the type.
ACLED_CATEGORY: dict[str, str] = {
    "Battles": "clash",
    "Violence against civilians": "violence",
    "Explosions/Remote violence": "violence",
    "Riots": "riot",
    "Protests": "dispute",
    "Strategic developments": "other",
    # The codebook before 2019 (upper-case headers, no sub_event_type):
    "Battle-No change of territory": "clash",
    "Battle-Government regains territory": "clash",
    "Battle-Non-state actor overtakes territory": "clash",
    "Riots/Protests": "dispute",
    "Remote violence": "violence",
    "Strategic development": "other",
    "Non-violent transfer of territory": "other",
    "Headquarters or base established": "other",
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
    "Battle-No change of territory": 3,
    "Battle-Government regains territory": 3,
    "Battle-Non-state actor overtakes territory": 3,
    "Riots/Protests": 2,  # riots and protests were one type: localised disruption, not harm
    "Remote violence": 3,
    "Strategic development": 2,
    "Non-violent transfer of territory": 2,
    "Headquarters or base established": 2,
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
ACLED_GEO_PROVINCE = "3"
"""``geo_precision`` 3: ACLED knows only a larger region (here the province): the event stays at Bali."""
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
    province_rows: list[int] = field(default_factory=list)
    """Rows kept at province level (region 51): ``geo_precision`` 3, no ``admin2``, or a
    ``geo_precision`` 2 row whose admin2 and point disagree. They count for Bali, never a regency."""
    missing_columns: list[str] = field(default_factory=list)
    """Optional codebook columns the file lacks; left empty (e.g. ``sub_event_type`` before 2019)."""


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


def _read_table(data: bytes, filename: str, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """Read an ACLED export with the shared table reader; return its cells as text and the missing columns.

    Headers are matched without case or spacing (exports before 2019 write ``EVENT_DATE``); Excel
    date cells arrive as dates and are read by :func:`lib.core.dates.parse_date` like typed dates.
    The index holds each row's number as Excel shows it.
    """
    table = read_table(data, filename, lang=lang)
    table.columns = [str(c).strip().lower().replace(" ", "_") for c in table.columns]
    missing = [c for c in ACLED_REQUIRED if c not in table.columns]
    if missing:
        raise DataProblem(
            t("history.acled_missing_columns", lang, file=filename, columns=", ".join(missing)),
            t("history.acled_missing_columns_fix", lang),
        )
    absent = [c for c in ACLED_OPTIONAL if c not in table.columns]
    for column in absent:
        table[column] = pd.NA
    return table, absent


def _optional_float(text: str) -> float | None:
    """Return a number from text, None when empty; raise ValueError when not a number."""
    stripped = text.strip()
    if not stripped:
        return None
    value = float(stripped.replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(stripped)
    return value


_Note = tuple[str, dict[str, object]]
"""A note on how a row was read: its locale key and fields, written in both languages."""


def _acled_severity(event_type: str, sub_type: str, fatalities: int) -> tuple[int, _Note]:
    """Return severity 1..5 and the reason, from fatalities first, then the ACLED type."""
    if fatalities >= 3:
        return 5, ("acled.note.fatal_many", {"n": fatalities})
    if fatalities >= 1:
        return 4, ("acled.note.fatal_few", {"n": fatalities})
    severity = ACLED_SUB_SEVERITY.get((event_type, sub_type), ACLED_BASE_SEVERITY[event_type])
    return severity, ("acled.note.type_rule", {"severity": severity})


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

    Mapping rules (documented for the people who read the numbers, and shown on the Data page):

    - File: CSV or Excel through :func:`lib.intake.tabular.read_table`; headers in any case
      (``EVENT_DATE`` in exports before 2019); optional codebook columns that are missing are
      listed in ``missing_columns`` and left empty.
    - Place, by ACLED's ``geo_precision``: **3** (only a larger region is known) or an empty
      ``admin2`` -> the province (region 51, counted for Bali, never for a regency), listed in
      ``province_rows``. **2** (near a place, within the regency) -> the regency named by
      ``admin2`` (ACLED's own spellings: "Denpasar City", "Karang Asem", "Badung Regency" ...)
      or, when admin2 is unknown, the regency polygon holding the point; when both are known
      and disagree, the province. **1** or empty (the exact place) -> admin2, else the polygon
      of ``boundaries`` (regency polygons, EPSG:4326, column ``code``), else the nearest regency
      seat within 40 km from ``seats`` (confidence low, listed in ``approximate_rows``:
      Badung and Bangli have no seat coordinates). Otherwise the row is refused.
    - Date: any way a date is written or stored (ISO text, "27 November 2024", an Excel date
      cell or serial, datetime text) via :func:`lib.core.dates.parse_date`. ``time_precision``
      1 (exact day) -> day, confidence high; 2 (within a week) -> the coded day is kept,
      confidence medium, noted in ``severity_basis``; 3 (within a month) -> month precision,
      confidence medium; missing -> day, confidence medium. A date after ``today`` is refused.
    - Category: Battles -> clash; Violence against civilians and Explosions/Remote violence
      -> violence; Riots -> riot, except Mob violence -> violence; Protests -> dispute, except
      Excessive force against protesters -> violence; Strategic developments -> other. The
      pre-2019 types map alike (Battle-* -> clash, Remote violence -> violence, Riots/Protests
      -> dispute with severity 2, since riots and protests were one type).
    - Severity (scale of data/SOURCES.md): 3 or more fatalities -> 5; 1-2 -> 4; otherwise
      Battles, Riots, Violence against civilians, Explosions/Remote violence -> 3; Protest with
      intervention -> 2, Excessive force against protesters -> 3, other protests -> 1;
      Strategic developments -> 2. The ACLED type and the rule applied are kept in
      ``severity_basis`` (Indonesian) and ``severity_basis_en``.
    - Source: ACLED gives no article links: ``source_url`` is https://acleddata.com and
      ``source_title`` names ACLED, its event id and ACLED's own source names.
    - An event id repeated in the file is reported; the row with the latest ACLED
      ``timestamp`` is kept (the first one on a tie).

    Raises
    ------
    DataProblem
        If the file cannot be read or lacks the ACLED columns no row can do without.
    """
    table, missing = _read_table(data, filename, lang)
    problems: list[RowProblem] = []
    placed: dict[str, list[int]] = {"seat": [], "province": []}
    kept: dict[str, tuple[int, float, dict[str, object]]] = {}
    skipped = {"country": 0, "province": 0}
    for row, record in zip(table.index, table.to_dict("records"), strict=True):
        cell = {k: "" if pd.isna(v) else str(v).strip() for k, v in record.items()}
        if fold(cell["country"]) != "indonesia":
            skipped["country"] += 1
            continue
        if fold(cell["admin1"]) != "bali":
            skipped["province"] += 1
            continue
        try:
            event, how = _acled_event(cell, index=index, today=today, seats=seats, boundaries=boundaries)
        except _Refused as refused:
            problems.append(
                RowProblem(int(row), refused.column, refused.value, t(refused.key, lang, **refused.params))
            )
            continue
        if how in placed:
            placed[how].append(int(row))
        event_id, stamp = cell["event_id_cnty"], _stamp(cell)
        if event_id in kept:
            first_row, first_stamp, _ = kept[event_id]
            winner = int(row) if stamp > first_stamp else first_row
            problems.append(
                RowProblem(
                    int(row),
                    "event_id_cnty",
                    event_id,
                    t("history.acled_duplicate", lang, first=first_row, kept=winner),
                )
            )
            if stamp <= first_stamp:
                continue
        kept[event_id] = (int(row), stamp, event)

    return AcledImport(
        events=_event_frame([event for _, _, event in kept.values()]),
        skipped_other_countries=skipped["country"],
        skipped_other_provinces=skipped["province"],
        problems=sorted(problems, key=lambda p: p.row),
        approximate_rows=placed["seat"],
        province_rows=placed["province"],
        missing_columns=missing,
    )


class _Refused(Exception):
    """A refused cell of an ACLED row: its column, its text and the message key saying what was expected."""

    def __init__(self, column: str, value: str, key: str, **params: object) -> None:
        super().__init__(key)
        self.column, self.value, self.key, self.params = column, value, key, params


def _acled_date(cell: Mapping[str, str], today: dt.date) -> tuple[dt.date, str, str]:
    """Return the day, its precision and the confidence it gives, or refuse the row."""
    try:
        parsed = parse_date(cell["event_date"])
    except DataProblem:
        raise _Refused("event_date", cell["event_date"], "history.acled_expect_date") from None
    if parsed.precision != "day":
        raise _Refused("event_date", cell["event_date"], "history.acled_expect_date")
    day = parsed.first_day
    if day > today:
        raise _Refused("event_date", cell["event_date"], "history.acled_expect_past", today=today.isoformat())
    precision_code = cell["time_precision"].removesuffix(".0")
    if not precision_code:
        return day, "day", "medium"
    if precision_code not in ACLED_TIME_PRECISION:
        raise _Refused("time_precision", cell["time_precision"], "history.acled_expect_time_precision")
    precision, confidence = ACLED_TIME_PRECISION[precision_code]
    return day, precision, confidence


def _acled_fatalities(cell: Mapping[str, str]) -> int:
    """Return the row's fatalities (empty is 0), or refuse the row."""
    try:
        fatalities = int(float(cell["fatalities"] or "0"))
        if float(cell["fatalities"] or "0") != fatalities:
            fatalities = -1
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


def _event_type(cell: Mapping[str, str]) -> str:
    """Return the row's ACLED event type as the codebook spells it (any case), or refuse the row."""
    spelled = {key.casefold(): key for key in ACLED_CATEGORY}
    found = spelled.get(cell["event_type"].casefold())
    if found is None:
        raise _Refused(
            "event_type",
            cell["event_type"],
            "history.acled_expect_event_type",
            types=", ".join(ACLED_CATEGORY),
        )
    return found


def _acled_event(
    cell: Mapping[str, str],
    *,
    index: RegionIndex,
    today: dt.date,
    seats: Mapping[str, tuple[float, float]] | None,
    boundaries: gpd.GeoDataFrame | None,
) -> tuple[dict[str, object], str]:
    """Return one Bali row as an event and how it was placed ("admin2", "point", "seat", "province")."""
    event_id = cell["event_id_cnty"]
    if not event_id:
        raise _Refused("event_id_cnty", "", "history.acled_expect_id")
    day, precision, confidence = _acled_date(cell, today)
    event_type, sub_type = _event_type(cell), cell["sub_event_type"]
    fatalities = _acled_fatalities(cell)
    lat, lon = _acled_point(cell)

    notes: list[_Note] = [("acled.note.type", {"type": event_type, "sub": sub_type or "-"})]
    if cell["time_precision"].removesuffix(".0") == "2":
        notes.append(("acled.note.week", {}))
    if not cell["time_precision"]:
        notes.append(("acled.note.no_time_precision", {}))
    region_code, how, note = _acled_place(cell, lat, lon, index=index, seats=seats, boundaries=boundaries)
    if note is not None:
        notes.append(note)
    if how == "seat":
        confidence = "low"

    severity, rule = _acled_severity(event_type, sub_type, fatalities)
    notes.insert(1, rule)
    place = ", ".join(dict.fromkeys(p for p in (cell["location"], cell["admin3"]) if p))
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
        "description": cell["notes"] or f"{event_type} / {sub_type or '-'}",
        "source_url": ACLED_URL,
        "source_title": f"ACLED {event_id}: {sources}",
        "confidence": confidence,
        "severity_basis": "; ".join(t(key, "id", **params) for key, params in notes),
        "severity_basis_en": "; ".join(t(key, "en", **params) for key, params in notes),
        "phase_reported": pd.NA,
        "classification": "TERBUKA",
        "origin": "acled",
    }
    return event, how


def _stamp(cell: Mapping[str, str]) -> float:
    """Return the row's ACLED ``timestamp`` (minus infinity when missing or unreadable)."""
    try:
        stamp = float(cell.get("timestamp", "") or "nan")
    except ValueError:
        stamp = math.nan
    return -math.inf if math.isnan(stamp) else stamp


def _acled_place(
    cell: Mapping[str, str],
    lat: float | None,
    lon: float | None,
    *,
    index: RegionIndex,
    seats: Mapping[str, tuple[float, float]] | None,
    boundaries: gpd.GeoDataFrame | None,
) -> tuple[str, str, _Note | None]:
    """Return the region code, how it was found and a note, by ``geo_precision`` (see :func:`read_acled`)."""
    geo = cell["geo_precision"].removesuffix(".0")
    if geo == ACLED_GEO_PROVINCE:
        return PROVINCE, "province", ("acled.note.province", {})
    if not cell["admin2"]:
        return PROVINCE, "province", ("acled.note.no_admin2", {})
    named = _admin2_regency(cell["admin2"], index)
    inside = _polygon_regency(lat, lon, boundaries)
    if geo == "2":
        if named is not None and inside is not None and named != inside:
            disagree = {"admin2": cell["admin2"], "point": index.name(inside)}
            return PROVINCE, "province", ("acled.note.disagree", disagree)
        if named is not None or inside is not None:
            return str(named or inside), "admin2" if named else "point", None
        raise _Refused("admin2", cell["admin2"], "history.acled_expect_place")
    if named is not None:
        return named, "admin2", None
    if inside is not None:
        return inside, "point", None
    if lat is not None and lon is not None and seats:
        seat = _nearest_seat(lat, lon, seats)
        if seat is not None:
            return seat, "seat", ("acled.note.seat", {})
    raise _Refused("admin2", cell["admin2"], "history.acled_expect_place")


def _admin2_regency(admin2: str, index: RegionIndex) -> str | None:
    """Return the regency ``admin2`` names, in any of ACLED's spellings, or None."""
    try:
        return index.resolve(admin2, level="kabupaten", within=PROVINCE)
    except DataProblem:
        return None


def _polygon_regency(lat: float | None, lon: float | None, boundaries: gpd.GeoDataFrame | None) -> str | None:
    """Return the regency whose polygon holds the point, or None (no point, no polygons, or outside)."""
    if boundaries is None or lat is None or lon is None:
        return None
    from shapely.geometry import Point

    inside = boundaries.loc[boundaries.geometry.contains(Point(lon, lat)), "code"]
    return str(inside.iloc[0]) if len(inside) == 1 else None


def _nearest_seat(lat: float, lon: float, seats: Mapping[str, tuple[float, float]]) -> str | None:
    """Return the regency whose seat is nearest, if within :data:`MAX_SEAT_DISTANCE_KM`."""
    distances = {code: _distance_km(lat, lon, s_lat, s_lon) for code, (s_lat, s_lon) in seats.items()}
    if not distances:
        return None
    code = min(distances, key=lambda c: distances[c])
    return code if distances[code] <= MAX_SEAT_DISTANCE_KM else None


def _event_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Return rows as a frame of :data:`lib.events.EVENT_COLUMNS` and the English basis, nullable dtypes."""
    columns = [*EVENT_COLUMNS, "severity_basis_en"]
    frame = pd.DataFrame(rows, columns=columns)
    types = {
        "lat": "Float64",
        "lon": "Float64",
        "severity": "Int64",
        "fatalities": "Int64",
    }
    for column in columns:
        frame[column] = frame[column].astype(types.get(column, "string"))
    return frame
