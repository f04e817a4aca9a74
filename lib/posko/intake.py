"""What an operator types into the Posko form, checked and cleaned."""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from lib import access
from lib.core.clock import LOCAL_TZ, local_time
from lib.core.clock import now as _now
from lib.core.clock import utc as _utc
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import PROVINCE, REGENCY_CODES, RegionIndex, regency_of
from lib.core.vocab import CATEGORIES, CLASSIFICATIONS, SEVERITIES

RELIABILITIES: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
"""Source reliability, A (completely reliable) to F (cannot be judged)."""
CREDIBILITIES: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
"""Information credibility, 1 (confirmed by other sources) to 6 (cannot be judged)."""

TITLE_MAX = 120
DESCRIPTION_MAX = 4000
REASON_MAX = 500
ASSIGNED_MAX = 10
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=LOCAL_TZ)
FUTURE_SLACK = dt.timedelta(minutes=10)
BALI_BOUNDS = {"lat": (-9.0, -7.9), "lon": (114.3, 115.8)}
"""A box around Bali and its islands (Nusa Penida, Menjangan), generous by a few km."""


@dataclass(frozen=True)
class FormCheck:
    """What :func:`validate_report` found: the clean values, or a message per field."""

    clean: Mapping[str, Any] = field(default_factory=dict)
    problems: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Return True when nothing is wrong."""
        return not self.problems


# ---------------------------------------------------------------- small helpers


def clean_text(value: object) -> str:
    r"""Return ``value`` as plain text: trimmed, control characters removed, markup kept as typed.

    HTML or script is not stripped but kept verbatim; pages show it with ``st.text`` or
    ``st.dataframe``, which never render it.

    >>> clean_text("  <b>bentrok</b>\x00 di Seririt ")
    '<b>bentrok</b> di Seririt'
    """
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return text.strip()


def field_label(name: str, lang: str) -> str:
    """Return the label of a report field, as the form shows it."""
    return t(f"posko.field.{name}", lang)


def join_ids(ids: Collection[str] | str | None) -> str | None:
    """Return institution ids as one ``assigned_to`` value (sorted, unique), or None for nobody.

    >>> join_ids(["polres-buleleng", "bawaslu-buleleng", ""])
    'bawaslu-buleleng;polres-buleleng'
    """
    if ids is None:
        return None
    if isinstance(ids, str):
        ids = [ids] if ids else []
    joined = ";".join(sorted({str(i).strip() for i in ids if str(i).strip()}))
    return joined or None


def split_ids(value: str | None) -> list[str]:
    """Return the institution ids of an ``assigned_to`` value.

    >>> split_ids("bawaslu-buleleng;polres-buleleng")
    ['bawaslu-buleleng', 'polres-buleleng']
    """
    if not isinstance(value, str):  # None, pd.NA or NaN: nobody assigned
        return []
    return [part for part in value.split(";") if part]


def confidence_of(reliability: str, credibility: int) -> str:
    """Return the event confidence (high/medium/low) for a report's A–F / 1–6 grading.

    An assumption of this app, not a published rule: A–B with 1–2 is high, up to C and 3
    is medium, anything weaker is low.

    >>> confidence_of("B", 2), confidence_of("C", 1), confidence_of("F", 6)
    ('high', 'medium', 'low')
    """
    rank = RELIABILITIES.index(reliability)
    if rank <= 1 and credibility <= 2:
        return "high"
    if rank <= 2 and credibility <= 3:
        return "medium"
    return "low"


def new_client_token() -> str:
    """Return a fresh idempotency key for a form (kept in session state until saved)."""
    return secrets.token_hex(16)


# ---------------------------------------------------------------- validation


def _parse_time(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str) and value.strip():
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ)


def _parse_float(value: object) -> float | None | str:
    """Return a float, None when empty, or "bad" when unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value != value:
        return None
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return "bad"


Fail = Callable[..., None]
"""``fail(field, key, **params)``: note the first message for a field."""


def _check_time(form: Mapping[str, Any], clean: dict[str, Any], fail: Fail, now: dt.datetime) -> None:
    raw_time = form.get("received_at")
    moment = _parse_time(raw_time)
    if raw_time in (None, ""):
        fail("received_at", "posko.check.required")
    elif moment is None:
        fail("received_at", "posko.check.bad_time", value=str(raw_time)[:40])
    elif moment > now + FUTURE_SLACK:
        fail("received_at", "posko.check.future", value=local_time(moment).strftime("%d/%m/%Y %H:%M"))
    elif moment < EARLIEST:
        fail("received_at", "posko.check.too_old", value=local_time(moment).strftime("%d/%m/%Y"))
    else:
        clean["received_at"] = _utc(moment)


def _check_reporter(
    form: Mapping[str, Any], clean: dict[str, Any], fail: Fail, stakeholder_ids: Collection[str]
) -> None:
    reporter = clean_text(form.get("reporter_id"))
    if not reporter:
        fail("reporter_id", "posko.check.required")
    elif reporter not in stakeholder_ids:
        fail("reporter_id", "posko.check.unknown_reporter", value=reporter[:60])
    else:
        clean["reporter_id"] = reporter


def _check_region(
    form: Mapping[str, Any],
    clean: dict[str, Any],
    problems: dict[str, str],
    fail: Fail,
    index: RegionIndex,
    lang: str,
) -> None:
    region_text = clean_text(form.get("region"))
    if not region_text:
        fail("region_code", "posko.check.required")
        return
    try:
        code = region_text if region_text == "51" else index.resolve(region_text, lang=lang)
    except DataProblem as problem:
        problems["region_code"] = f"{problem.what} {problem.fix}"
        return
    if code != "51" and code not in REGENCY_CODES:
        fail("region_code", "posko.check.not_regency", value=region_text[:60])
    else:
        clean["region_code"] = code


def _check_subregion(
    form: Mapping[str, Any],
    clean: dict[str, Any],
    problems: dict[str, str],
    fail: Fail,
    index: RegionIndex,
    lang: str,
) -> None:
    sub_text = clean_text(form.get("subregion"))
    clean["subregion_code"] = None
    if not sub_text or "region_code" not in clean:
        return
    try:
        sub = index.resolve(sub_text, within=clean["region_code"], lang=lang)
    except DataProblem as problem:
        problems["subregion_code"] = f"{problem.what} {problem.fix}"
        return
    if sub.count(".") < 2:
        fail("subregion_code", "posko.check.not_subregion", value=sub_text[:60])
    else:
        clean["subregion_code"] = sub


def _check_point(form: Mapping[str, Any], clean: dict[str, Any], fail: Fail) -> None:
    lat, lon = _parse_float(form.get("lat")), _parse_float(form.get("lon"))
    if "bad" in (lat, lon):
        fail("lat", "posko.check.bad_number")
    elif (lat is None) != (lon is None):
        fail("lat", "posko.check.point_pair")
    elif isinstance(lat, float) and isinstance(lon, float):
        (lat_lo, lat_hi), (lon_lo, lon_hi) = BALI_BOUNDS["lat"], BALI_BOUNDS["lon"]
        if not (lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi):
            fail("lat", "posko.check.point_outside", lat=f"{lat:.5f}", lon=f"{lon:.5f}")
        else:
            clean["lat"], clean["lon"] = round(lat, 6), round(lon, 6)
    clean.setdefault("lat", None)
    clean.setdefault("lon", None)


_CHOICES: tuple[tuple[str, tuple[Any, ...], type], ...] = (
    ("category", CATEGORIES, str),
    ("severity", SEVERITIES, int),
    ("classification", CLASSIFICATIONS, str),
    ("reliability", RELIABILITIES, str),
    ("credibility", CREDIBILITIES, int),
)


def _check_choices(form: Mapping[str, Any], clean: dict[str, Any], fail: Fail, ceiling: str) -> None:
    for name, allowed, kind in _CHOICES:
        text = clean_text(form.get(name))
        if not text:
            fail(name, "posko.check.required")
            continue
        try:
            typed = kind(text.upper() if kind is str and name == "reliability" else text)
        except ValueError:
            typed = None
        if typed not in allowed:
            fail(name, "posko.check.not_allowed", value=text[:40], options=", ".join(map(str, allowed)))
        else:
            clean[name] = typed
    if "classification" in clean and not access.may_see(ceiling, clean["classification"]):
        fail("classification", "posko.check.above_ceiling", value=clean["classification"], ceiling=ceiling)
        clean.pop("classification")


def _check_texts(form: Mapping[str, Any], clean: dict[str, Any], fail: Fail) -> None:
    for name, limit in (("title", TITLE_MAX), ("description", DESCRIPTION_MAX)):
        text = clean_text(form.get(name))
        if name == "title":
            text = " ".join(text.split())
        if not text:
            fail(name, "posko.check.required")
        elif len(text) > limit:
            fail(name, "posko.check.too_long", length=len(text), limit=limit)
        else:
            clean[name] = text


def _check_assigned(
    form: Mapping[str, Any], clean: dict[str, Any], fail: Fail, stakeholder_ids: Collection[str]
) -> None:
    assigned = form.get("assigned_to") or []
    ids = [assigned] if isinstance(assigned, str) else list(assigned)
    unknown = [str(i) for i in ids if str(i) not in stakeholder_ids]
    if unknown:
        fail("assigned_to", "posko.check.unknown_reporter", value=unknown[0][:60])
    elif len(ids) > ASSIGNED_MAX:
        fail("assigned_to", "posko.check.too_many", limit=ASSIGNED_MAX)
    else:
        clean["assigned_to"] = join_ids(ids)


def validate_report(
    form: Mapping[str, Any],
    *,
    index: RegionIndex,
    stakeholder_ids: Collection[str],
    ceiling: str = "RAHASIA",
    now: dt.datetime | None = None,
    lang: str = "id",
) -> FormCheck:
    """Check a report form and return its clean values, or a message for each field at fault.

    Parameters
    ----------
    form
        What the form holds: ``received_at`` (datetime, naive = Bali time, or ISO text),
        ``reporter_id``, ``region`` (regency name or code, or "51" for the province),
        ``subregion`` (kecamatan/desa, optional), ``lat``/``lon`` (optional, both or neither),
        ``category``, ``severity``, ``classification``, ``title``, ``description``,
        ``reliability``, ``credibility``, ``assigned_to`` (institution ids, optional).
        Not modified.
    index
        Region names and codes; kecamatan/desa resolve only when boundaries added them.
    stakeholder_ids
        Ids of the institutions a report may come from or be assigned to.
    ceiling
        The caller's ceiling: nobody files a report they could not see.
    now
        The present moment (default: the clock), for the "not in the future" check.
    """
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}

    def fail(name: str, key: str, **params: object) -> None:
        problems.setdefault(name, t(key, lang, field=field_label(name, lang), **params))

    _check_time(form, clean, fail, now or _now())
    _check_reporter(form, clean, fail, stakeholder_ids)
    _check_region(form, clean, problems, fail, index, lang)
    _check_subregion(form, clean, problems, fail, index, lang)
    _check_point(form, clean, fail)
    _check_choices(form, clean, fail, ceiling)
    _check_texts(form, clean, fail)
    _check_assigned(form, clean, fail, stakeholder_ids)
    if problems:
        return FormCheck(clean={}, problems=problems)
    return FormCheck(clean=clean, problems={})


def form_problem(check: FormCheck, *, lang: str = "id") -> DataProblem:
    """Return one DataProblem summarising a failed :func:`validate_report` (first field named)."""
    first = next(iter(check.problems.values()))
    return DataProblem(first, t("posko.problem.form_fix", lang, n=len(check.problems)))


def stored_problems(report: Mapping[str, Any], *, now: dt.datetime | None = None) -> list[str]:
    """Return the fields of a report about to be stored that break the rules a form enforces.

    The same limits as :func:`validate_report`, checked again where the report is written, so a
    script, an import or a future API cannot store what the form would refuse: a region outside
    Bali, an oversized text, a time in the future or before 2000, a severity or grading out of range.
    """
    now = now or _now()
    wrong: list[str] = []
    region = str(report.get("region_code") or "")
    if not (region == PROVINCE or region in REGENCY_CODES):
        wrong.append("region_code")
    sub = report.get("subregion_code")
    if sub is not None and (not isinstance(sub, str) or regency_of(sub) != region or sub.count(".") < 2):
        wrong.append("subregion_code")
    for name, limit in (("title", TITLE_MAX), ("description", DESCRIPTION_MAX)):
        text = report.get(name)
        if not isinstance(text, str) or not text.strip() or len(text) > limit:
            wrong.append(name)
    checks = {
        "category": report.get("category") in CATEGORIES,
        "severity": report.get("severity") in SEVERITIES,
        "classification": report.get("classification") in CLASSIFICATIONS,
        "reliability": report.get("reliability") in RELIABILITIES,
        "credibility": report.get("credibility") in CREDIBILITIES,
    }
    wrong += [name for name, ok in checks.items() if not ok]
    moment = report.get("received_at")
    if not isinstance(moment, dt.datetime) or not EARLIEST <= _aware(moment) <= now + FUTURE_SLACK:
        wrong.append("received_at")
    for axis in ("lat", "lon"):
        value = report.get(axis)
        low, high = BALI_BOUNDS[axis]
        if value is not None and not (isinstance(value, int | float) and low <= float(value) <= high):
            wrong.append(axis)
    return wrong


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
