"""Posko reports: intake checks, the verification workflow and the audit trail of every change.

A report is stored once per ``client_token`` (the form's idempotency key), so a double
click or a retry never stores it twice. Every change is an optimistic-locking update
(``version``) that writes one ``report_history`` row per changed field. A verified report
(diverifikasi or later) is also an event (``posko-<id>``, origin ``posko``) written in the
same transaction, so the map and the history show it at once.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib import access, intake, store
from lib.access import Caller
from lib.core.clock import LOCAL_TZ, local_time
from lib.core.clock import now as _now
from lib.core.clock import utc as _utc
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES, RegionIndex
from lib.core.vocab import CATEGORIES, CLASSIFICATIONS, SEVERITIES
from lib.store.schema import report_history, reports

STATUSES: tuple[str, ...] = ("baru", "diverifikasi", "ditindaklanjuti", "selesai", "ditolak")
VERIFIED_STATUSES: tuple[str, ...] = ("diverifikasi", "ditindaklanjuti", "selesai")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "baru": ("diverifikasi", "ditolak"),
    "diverifikasi": ("ditindaklanjuti", "ditolak", "baru"),
    "ditindaklanjuti": ("selesai",),
    "selesai": (),
    "ditolak": ("baru",),
}
"""Allowed status changes. Back to ``baru`` un-verifies (or reopens a rejected report)."""
VERIFY_TRANSITIONS = {("baru", "diverifikasi"), ("diverifikasi", "baru"), ("ditolak", "baru")}
"""Transitions that need the ``report.verify`` permission (so does any move to ``ditolak``)."""

RELIABILITIES: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
"""Source reliability, A (completely reliable) to F (cannot be judged)."""
CREDIBILITIES: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
"""Information credibility, 1 (confirmed by other sources) to 6 (cannot be judged)."""
ALERT_SEVERITY = 4
"""Reports of this severity or higher raise an alert until someone acknowledges it."""

TITLE_MAX = 120
DESCRIPTION_MAX = 4000
REASON_MAX = 500
ASSIGNED_MAX = 10
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=LOCAL_TZ)
FUTURE_SLACK = dt.timedelta(minutes=10)
BALI_BOUNDS = {"lat": (-9.0, -7.9), "lon": (114.3, 115.8)}
"""A box around Bali and its islands (Nusa Penida, Menjangan), generous by a few km."""

ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
ATTACHMENT_TYPES: dict[str, tuple[bytes, str]] = {
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "jpg": (b"\xff\xd8\xff", "image/jpeg"),
    "pdf": (b"%PDF-", "application/pdf"),
}
"""Accepted attachment types, recognised by their first bytes, never by the file name."""
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|pdf)$")

TEXT_FIELDS = ("title", "description", "reject_reason")
EDITABLE: tuple[str, ...] = (
    "received_at",
    "reporter_id",
    "region_code",
    "subregion_code",
    "lat",
    "lon",
    "category",
    "severity",
    "classification",
    "title",
    "description",
    "reliability",
    "credibility",
    "assigned_to",
    "status",
    "reject_reason",
    "attachment_path",
    "attachment_name",
    "attachment_type",
    "attachment_size",
)


REPORT_COLUMNS: tuple[str, ...] = tuple(c.name for c in reports.columns if c.name != "client_token")
_DATETIME_COLUMNS = ("received_at", "created_at", "updated_at", "alert_ack_at")


class StaleReport(DataProblem):
    """Someone saved the report since it was opened; ``latest`` holds the stored version."""

    def __init__(self, what: str, fix: str, *, latest: Mapping[str, Any]) -> None:
        super().__init__(what, fix)
        self.latest = dict(latest)
        self.version = int(latest["version"])


@dataclass(frozen=True)
class FormCheck:
    """What :func:`validate_report` found: the clean values, or a message per field."""

    clean: Mapping[str, Any] = field(default_factory=dict)
    problems: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Return True when nothing is wrong."""
        return not self.problems


@dataclass(frozen=True)
class Attachment:
    """A stored attachment: generated file name, sanitised original name, type and size."""

    stored_name: str
    original_name: str
    content_type: str
    size_bytes: int

    def columns(self) -> dict[str, Any]:
        """Return the report columns that describe this attachment."""
        return {
            "attachment_path": self.stored_name,
            "attachment_name": self.original_name,
            "attachment_type": self.content_type,
            "attachment_size": self.size_bytes,
        }


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


def _field(name: str, lang: str) -> str:
    return t(f"posko.field.{name}", lang)


def _join_ids(ids: Collection[str] | str | None) -> str | None:
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
    now = now or _now()
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}

    def fail(name: str, key: str, **params: object) -> None:
        problems.setdefault(name, t(key, lang, field=_field(name, lang), **params))

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

    reporter = clean_text(form.get("reporter_id"))
    if not reporter:
        fail("reporter_id", "posko.check.required")
    elif reporter not in stakeholder_ids:
        fail("reporter_id", "posko.check.unknown_reporter", value=reporter[:60])
    else:
        clean["reporter_id"] = reporter

    region_text = clean_text(form.get("region"))
    if not region_text:
        fail("region_code", "posko.check.required")
    else:
        try:
            code = region_text if region_text == "51" else index.resolve(region_text, lang=lang)
        except DataProblem as problem:
            problems["region_code"] = f"{problem.what} {problem.fix}"
        else:
            if code != "51" and code not in REGENCY_CODES:
                fail("region_code", "posko.check.not_regency", value=region_text[:60])
            else:
                clean["region_code"] = code
    sub_text = clean_text(form.get("subregion"))
    clean["subregion_code"] = None
    if sub_text and "region_code" in clean:
        try:
            sub = index.resolve(sub_text, within=clean["region_code"], lang=lang)
        except DataProblem as problem:
            problems["subregion_code"] = f"{problem.what} {problem.fix}"
        else:
            if sub.count(".") < 2:
                fail("subregion_code", "posko.check.not_subregion", value=sub_text[:60])
            else:
                clean["subregion_code"] = sub

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

    choices: list[tuple[str, tuple[Any, ...], type]] = [
        ("category", CATEGORIES, str),
        ("severity", SEVERITIES, int),
        ("classification", CLASSIFICATIONS, str),
        ("reliability", RELIABILITIES, str),
        ("credibility", CREDIBILITIES, int),
    ]
    for name, allowed, kind in choices:
        value = form.get(name)
        text = clean_text(value)
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

    for name, limit, required in (("title", TITLE_MAX, True), ("description", DESCRIPTION_MAX, True)):
        text = clean_text(form.get(name))
        if name == "title":
            text = " ".join(text.split())
        if required and not text:
            fail(name, "posko.check.required")
        elif len(text) > limit:
            fail(name, "posko.check.too_long", length=len(text), limit=limit)
        else:
            clean[name] = text

    assigned = form.get("assigned_to") or []
    ids = [assigned] if isinstance(assigned, str) else list(assigned)
    unknown = [str(i) for i in ids if str(i) not in stakeholder_ids]
    if unknown:
        fail("assigned_to", "posko.check.unknown_reporter", value=unknown[0][:60])
    elif len(ids) > ASSIGNED_MAX:
        fail("assigned_to", "posko.check.too_many", limit=ASSIGNED_MAX)
    else:
        clean["assigned_to"] = _join_ids(ids)

    if problems:
        return FormCheck(clean={}, problems=problems)
    return FormCheck(clean=clean, problems={})


def form_problem(check: FormCheck, *, lang: str = "id") -> DataProblem:
    """Return one DataProblem summarising a failed :func:`validate_report` (first field named)."""
    first = next(iter(check.problems.values()))
    return DataProblem(first, t("posko.problem.form_fix", lang, n=len(check.problems)))


# ---------------------------------------------------------------- attachments


def sanitise_filename(name: str, *, limit: int = 100) -> str:
    r"""Return the last part of ``name`` with only safe characters, for showing and downloading.

    >>> sanitise_filename("../../etc/passwd")
    'passwd'
    >>> sanitise_filename("C:\\Users\\op\\foto kejadian (1).JPG")
    'foto_kejadian_1_.JPG'
    """
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")
    return base[-limit:] or "lampiran"


def attachment_dir(data_dir: Path) -> Path:
    """Return the folder attachments are stored in (inside the data folder)."""
    return data_dir / "attachments"


def store_attachment(data: bytes, filename: str, data_dir: Path, *, lang: str = "id") -> Attachment:
    """Store an uploaded image or PDF under a generated name and return its description.

    The type comes from the file's first bytes (PNG, JPEG or PDF), never from its name; the
    name the user gave is kept only sanitised, for display. Nothing is written for a
    refused file.

    Raises
    ------
    DataProblem
        If the file is empty, larger than :data:`ATTACHMENT_MAX_BYTES` or not PNG/JPEG/PDF.
    """
    shown = sanitise_filename(filename)
    if not data:
        raise DataProblem(t("posko.attach.empty", lang, name=shown), t("posko.attach.fix", lang))
    if len(data) > ATTACHMENT_MAX_BYTES:
        raise DataProblem(
            t("posko.attach.too_big", lang, name=shown, size_mb=f"{len(data) / 1048576:.1f}", limit_mb=5),
            t("posko.attach.too_big_fix", lang),
        )
    kind = next((ext for ext, (magic, _) in ATTACHMENT_TYPES.items() if data.startswith(magic)), None)
    if kind is None:
        raise DataProblem(t("posko.attach.bad_type", lang, name=shown), t("posko.attach.fix", lang))
    folder = attachment_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{secrets.token_hex(16)}.{kind}"
    with (folder / stored).open("xb") as handle:
        handle.write(data)
    return Attachment(stored, shown, ATTACHMENT_TYPES[kind][1], len(data))


def attachment_path(data_dir: Path, stored_name: str) -> Path:
    """Return the path of a stored attachment; a name not made by :func:`store_attachment` is a bug."""
    if not _STORED_NAME.match(stored_name or ""):
        raise ValueError(f"not a stored attachment name: {stored_name!r}.")
    return attachment_dir(data_dir) / stored_name


# ---------------------------------------------------------------- writes


def _store_down(error: Exception, lang: str) -> DataProblem:
    return DataProblem(
        t("posko.problem.store_down", lang, detail=str(getattr(error, "orig", error)).strip()[:120]),
        t("posko.problem.store_down_fix", lang),
    )


def _history(conn: Connection, report_id: int, who: str, at: dt.datetime, rows: list[tuple]) -> None:
    if rows:
        conn.execute(
            report_history.insert(),
            [
                {"report_id": report_id, "at": at, "who": who, "field": f, "old": o, "new": n}
                for f, o, n in rows
            ],
        )


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return local_time(value).isoformat(timespec="minutes")
    return str(value)


def _event_row(report: Mapping[str, Any], actor: str, at: dt.datetime) -> dict[str, Any]:
    """Return the event a verified report becomes."""
    day = local_time(report["received_at"]).date().isoformat()
    return {
        "id": f"posko-{report['id']}",
        "date": day,
        "date_precision": "day",
        "region_code": report["subregion_code"] or report["region_code"],
        "location": None,
        "lat": report["lat"],
        "lon": report["lon"],
        "election_id": None,
        "election_label": None,
        "category": report["category"],
        "severity": report["severity"],
        "fatalities": None,
        "description": f"{report['title']}. {report['description']}",
        "source_url": None,
        "source_title": f"Posko #{report['id']} ({report['reporter_id']})",
        "confidence": confidence_of(report["reliability"], int(report["credibility"])),
        "severity_basis": f"Posko {report['reliability']}{report['credibility']}",
        "phase_reported": None,
        "classification": report["classification"],
        "origin": "posko",
        "created_at": at,
        "created_by": actor,
    }


def _sync_event(conn: Connection, report: Mapping[str, Any], actor: str, at: dt.datetime) -> None:
    """Make the report's event match it: present while verified, absent otherwise."""
    event_id = f"posko-{report['id']}"
    events = store.events
    if report["status"] in VERIFIED_STATUSES:
        row = _event_row(report, actor, at)
        done = conn.execute(
            events.update()
            .where(events.c.id == event_id)
            .values(**{k: v for k, v in row.items() if k not in ("id", "created_at", "created_by")})
        )
        if done.rowcount == 0:
            conn.execute(events.insert().values(**row))
    else:
        conn.execute(events.delete().where(events.c.id == event_id))


def save_report(
    engine: Engine,
    report: Mapping[str, Any],
    *,
    actor: Caller,
    client_token: str,
    attachment: Attachment | None = None,
    lang: str = "id",
) -> int:
    """Store a new report (status ``baru``) in one transaction and return its id.

    Idempotent on ``client_token``: saving the same form again (double click, retry after
    a lost connection) returns the id stored the first time and stores nothing new.

    Parameters
    ----------
    report
        The ``clean`` values of a passed :func:`validate_report`. Not modified.

    Raises
    ------
    DataProblem
        If ``actor`` may not file reports, or the store cannot be reached: then nothing
        was saved and the page keeps the form as typed.
    """
    access.require(actor, "report.create", lang=lang)
    if not client_token or len(client_token) > 64:
        raise ValueError("client_token must be 1..64 characters.")
    missing = [k for k in ("received_at", "reporter_id", "region_code", "title") if k not in report]
    if missing:
        raise ValueError(f"report lacks {missing}: pass validate_report(...).clean.")
    if not access.may_see(actor.ceiling, report["classification"]):
        raise ValueError("the report's classification is above the caller's ceiling.")
    at = _now()
    row = {k: report.get(k) for k in EDITABLE if k in report}
    row.update(attachment.columns() if attachment else {})
    row.update(
        client_token=client_token,
        status="baru",
        reject_reason=None,
        version=1,
        created_by=actor.who,
        created_at=at,
        updated_by=actor.who,
        updated_at=at,
    )
    try:
        try:
            with engine.begin() as conn:
                report_id = int(conn.execute(reports.insert().values(**row)).inserted_primary_key[0])
                _history(conn, report_id, actor.who, at, [("status", None, "baru")])
                store.bump_revision(conn)
                return report_id
        except sa.exc.IntegrityError:
            existing = _id_for_token(engine, client_token)
            if existing is None:
                raise
            return existing
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
        raise _store_down(error, lang) from error


def _id_for_token(engine: Engine, client_token: str) -> int | None:
    with engine.connect() as conn:
        found = conn.execute(sa.select(reports.c.id).where(reports.c.client_token == client_token)).scalar()
    return None if found is None else int(found)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, dt.datetime) and isinstance(new, dt.datetime):
        return _utc(old) == _utc(new)
    if isinstance(old, float | int) and isinstance(new, float | int):
        return float(old) == float(new)
    return old == new


def _check_transition(caller: Caller, report_id: int, old: str, new: str, lang: str) -> None:
    if new not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, got {new!r}.")
    if new not in TRANSITIONS[old]:
        options = ", ".join(t(f"posko.status.{s}", lang) for s in TRANSITIONS[old]) or "\u2014"
        raise DataProblem(
            t(
                "posko.problem.transition",
                lang,
                id=report_id,
                old=t(f"posko.status.{old}", lang),
                new=t(f"posko.status.{new}", lang),
            ),
            t("posko.problem.transition_fix", lang, options=options),
        )
    needs_verify = (old, new) in VERIFY_TRANSITIONS or new == "ditolak"
    access.require(caller, "report.verify" if needs_verify else "report.progress", lang=lang)


def update_report(
    engine: Engine,
    report_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int,
    actor: Caller,
    lang: str = "id",
) -> int:
    """Apply ``changes`` to a report if nobody saved it since ``expected_version``; return the new version.

    Only fields whose value differs are written, each with a ``report_history`` row; the
    report's event follows in the same transaction (added when verified, removed when
    un-verified or rejected). A change to nothing returns the version unchanged.

    Raises
    ------
    StaleReport
        If the stored version moved on; ``.latest`` holds it, nothing is overwritten.
    DataProblem
        If the report is not visible to ``actor``, the status change is not allowed, a
        rejection lacks its reason, or the store cannot be reached.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"fields {sorted(unknown)} cannot be changed.")
    access.require(actor, "report.edit", lang=lang)
    try:
        current = get_report(engine, report_id, ceiling=actor.ceiling, lang=lang)
        if int(current["version"]) != expected_version:
            raise _stale(current, lang)
        wanted = dict(changes)
        if "assigned_to" in wanted and not isinstance(wanted["assigned_to"], str | None):
            wanted["assigned_to"] = _join_ids(wanted["assigned_to"])
        for name in TEXT_FIELDS:
            if name in wanted and wanted[name] is not None:
                wanted[name] = clean_text(wanted[name]) or None
        if "reject_reason" in wanted and len(wanted["reject_reason"] or "") > REASON_MAX:
            raise DataProblem(
                t(
                    "posko.check.too_long",
                    lang,
                    field=_field("reject_reason", lang),
                    length=len(wanted["reject_reason"]),
                    limit=REASON_MAX,
                ),
                t("posko.problem.form_fix", lang, n=1),
            )
        diff = {k: v for k, v in wanted.items() if not _same(current[k], v)}
        if "classification" in diff and not access.may_see(actor.ceiling, diff["classification"]):
            raise ValueError("the new classification is above the caller's ceiling.")
        if "assigned_to" in diff:
            access.require(actor, "report.assign", lang=lang)
        if "status" in diff:
            _check_transition(actor, report_id, current["status"], diff["status"], lang)
            if diff["status"] == "ditolak" and not (diff.get("reject_reason") or current["reject_reason"]):
                raise DataProblem(
                    t("posko.problem.reason_needed", lang, id=report_id), t("posko.problem.reason_fix", lang)
                )
        if not diff:
            return expected_version
        at = _now()
        after = {**current, **diff}
        with engine.begin() as conn:
            done = conn.execute(
                reports.update()
                .where(reports.c.id == report_id, reports.c.version == expected_version)
                .values(**diff, version=expected_version + 1, updated_by=actor.who, updated_at=at)
            )
            if done.rowcount != 1:  # someone saved between our read and our write: write nothing
                return _raise_stale(engine, report_id, actor, lang)
            _history(
                conn,
                report_id,
                actor.who,
                at,
                [(k, _as_text(current[k]), _as_text(v)) for k, v in diff.items()],
            )
            if "status" in diff or current["status"] in VERIFIED_STATUSES:
                _sync_event(conn, after, actor.who, at)
            store.bump_revision(conn)
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
        raise _store_down(error, lang) from error
    return expected_version + 1


def _raise_stale(engine: Engine, report_id: int, actor: Caller, lang: str) -> int:
    raise _stale(get_report(engine, report_id, ceiling=actor.ceiling, lang=lang), lang)


def _stale(latest: Mapping[str, Any], lang: str) -> StaleReport:
    return StaleReport(
        t(
            "posko.problem.stale",
            lang,
            id=latest["id"],
            who=latest["updated_by"],
            at=local_time(latest["updated_at"]).strftime("%d/%m/%Y %H:%M"),
            version=latest["version"],
        ),
        t("posko.problem.stale_fix", lang),
        latest=latest,
    )


def set_status(
    engine: Engine,
    report_id: int,
    status: str,
    *,
    expected_version: int,
    actor: Caller,
    reason: str | None = None,
    lang: str = "id",
) -> int:
    """Move a report along the workflow (a rejection needs ``reason``); return the new version."""
    changes: dict[str, Any] = {"status": status}
    if reason is not None:
        changes["reject_reason"] = reason
    return update_report(
        engine, report_id, changes, expected_version=expected_version, actor=actor, lang=lang
    )


def acknowledge_alert(engine: Engine, report_id: int, *, actor: Caller, lang: str = "id") -> bool:
    """Mark a report's alert as seen; return False when someone already had.

    Acknowledging is not an edit of the report, so it does not change its version (nobody
    editing it at the same time is refused), but it is written to its history.
    """
    access.require(actor, "alert.ack", lang=lang)
    get_report(engine, report_id, ceiling=actor.ceiling, lang=lang)
    at = _now()
    try:
        with engine.begin() as conn:
            done = conn.execute(
                reports.update()
                .where(reports.c.id == report_id, reports.c.alert_ack_at.is_(None))
                .values(alert_ack_by=actor.who, alert_ack_at=at)
            )
            if done.rowcount != 1:
                return False
            _history(conn, report_id, actor.who, at, [("alert_ack", None, actor.who)])
            store.bump_revision(conn)
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
        raise _store_down(error, lang) from error
    return True


# ---------------------------------------------------------------- reads


def _visible(ceiling: str) -> sa.ColumnElement[bool]:
    return reports.c.classification.in_(access.allowed_levels(ceiling))


def get_report(engine: Engine, report_id: int, *, ceiling: str, lang: str = "id") -> dict[str, Any]:
    """Return one report as a dict (times in UTC), if the caller may see it.

    Raises
    ------
    DataProblem
        If there is no such report or it is above ``ceiling`` (the same sentence for both).
    """
    query = sa.select(*[reports.c[c] for c in REPORT_COLUMNS]).where(
        reports.c.id == report_id, _visible(ceiling)
    )
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    if row is None:
        raise DataProblem(
            t("posko.problem.not_found", lang, id=report_id), t("posko.problem.not_found_fix", lang)
        )
    found = dict(row)
    for name in _DATETIME_COLUMNS:
        if found[name] is not None:
            found[name] = _utc(found[name])
    return found


def _local_column(values: pd.Series) -> pd.Series:
    moments = pd.to_datetime(values, utc=True)
    return moments.dt.tz_convert(LOCAL_TZ)


def read_reports(
    engine: Engine,
    *,
    ceiling: str,
    statuses: Collection[str] | None = None,
    regions: Collection[str] | None = None,
    categories: Collection[str] | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    alerts_only: bool = False,
) -> pd.DataFrame:
    """Return the reports the caller may see, newest first, times in Bali time.

    Filters left as None do not filter. ``since`` is inclusive, ``until`` exclusive;
    naive datetimes are taken as Bali time.
    """
    query = sa.select(*[reports.c[c] for c in REPORT_COLUMNS]).where(_visible(ceiling))
    if statuses is not None:
        query = query.where(reports.c.status.in_(list(statuses)))
    if regions is not None:
        query = query.where(reports.c.region_code.in_(list(regions)))
    if categories is not None:
        query = query.where(reports.c.category.in_(list(categories)))
    if since is not None:
        query = query.where(reports.c.received_at >= _bound(since))
    if until is not None:
        query = query.where(reports.c.received_at < _bound(until))
    if alerts_only:
        query = query.where(*_alert_conditions())
    query = query.order_by(reports.c.received_at.desc(), reports.c.id.desc())
    with engine.connect() as conn:
        frame = store.frame(conn, query)
    for name in _DATETIME_COLUMNS:
        frame[name] = _local_column(frame[name])
    for name in ("id", "severity", "credibility", "version", "attachment_size"):
        frame[name] = pd.to_numeric(frame[name]).astype("Int64")
    for name in ("lat", "lon"):
        frame[name] = pd.to_numeric(frame[name]).astype("Float64")
    return frame


def _bound(moment: dt.datetime) -> dt.datetime:
    """Return a filter bound in UTC, as every time is stored (SQLite keeps it as text)."""
    return _utc(moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ))


def _alert_conditions() -> list[sa.ColumnElement[bool]]:
    return [
        reports.c.severity >= ALERT_SEVERITY,
        reports.c.alert_ack_at.is_(None),
        reports.c.status != "ditolak",
    ]


def open_alerts(engine: Engine, *, ceiling: str) -> pd.DataFrame:
    """Return reports of severity ≥ 4 not yet acknowledged (nor rejected) that the caller may see."""
    return read_reports(engine, ceiling=ceiling, alerts_only=True)


def count_open_alerts(engine: Engine, *, ceiling: str) -> int:
    """Return how many alerts the caller may see are open (one cheap query, for every page)."""
    query = sa.select(sa.func.count()).select_from(reports).where(_visible(ceiling), *_alert_conditions())
    with engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def report_counts(
    engine: Engine, *, ceiling: str, now: dt.datetime | None = None, include_rejected: bool = False
) -> pd.DataFrame:
    """Return reports per regency in the last 24 hours and 7 days, counted from what the caller may see.

    Columns: ``region_code``, ``last_24h``, ``last_7d``, ``open_alerts``; a regency without
    reports is absent (the page joins it to the region list and shows 0).
    """
    now = _utc(now or _now())
    day, week = now - dt.timedelta(hours=24), now - dt.timedelta(days=7)
    conditions = [_visible(ceiling), reports.c.received_at >= week, reports.c.received_at <= now]
    if not include_rejected:
        conditions.append(reports.c.status != "ditolak")
    alert = sa.and_(*_alert_conditions())
    query = (
        sa.select(
            reports.c.region_code,
            sa.func.sum(sa.case((reports.c.received_at >= day, 1), else_=0)).label("last_24h"),
            sa.func.count().label("last_7d"),
            sa.func.sum(sa.case((alert, 1), else_=0)).label("open_alerts"),
        )
        .where(*conditions)
        .group_by(reports.c.region_code)
        .order_by(reports.c.region_code)
    )
    with engine.connect() as conn:
        frame = store.frame(conn, query)
    for name in ("last_24h", "last_7d", "open_alerts"):
        frame[name] = pd.to_numeric(frame[name]).astype("int64")
    return frame


def status_counts(engine: Engine, *, ceiling: str) -> dict[str, int]:
    """Return how many reports the caller may see are in each status (every status present)."""
    query = sa.select(reports.c.status, sa.func.count()).where(_visible(ceiling)).group_by(reports.c.status)
    with engine.connect() as conn:
        found = {status: int(n) for status, n in conn.execute(query)}
    return {status: found.get(status, 0) for status in STATUSES}


def report_timeline(engine: Engine, report_id: int, *, ceiling: str, lang: str = "id") -> pd.DataFrame:
    """Return a report's history (at, who, field, old, new), oldest first, if the caller may see it."""
    get_report(engine, report_id, ceiling=ceiling, lang=lang)
    query = (
        sa.select(
            report_history.c.at,
            report_history.c.who,
            report_history.c.field,
            report_history.c.old,
            report_history.c.new,
        )
        .where(report_history.c.report_id == report_id)
        .order_by(report_history.c.at, report_history.c.id)
    )
    with engine.connect() as conn:
        frame = store.frame(conn, query)
    frame["at"] = _local_column(frame["at"])
    return frame


# ---------------------------------------------------------------- the list


def is_open_alert(frame: pd.DataFrame) -> pd.Series:
    """Return, per report of ``frame`` (as :func:`read_reports` gives it), whether its alert is open.

    The same rule as the store's query (:func:`count_open_alerts`): severity of
    :data:`ALERT_SEVERITY` or more, not acknowledged, not rejected.
    """
    severe = frame["severity"].fillna(0).astype("int64") >= ALERT_SEVERITY
    return (severe & frame["alert_ack_at"].isna() & (frame["status"] != "ditolak")).astype(bool)


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
            t("posko.field.grading", lang): _grading(shown),
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


def _grading(frame: pd.DataFrame) -> pd.Series:
    """Return each report's source grading as shown ("B2")."""
    return pd.Series(
        [f"{r}{c}" for r, c in zip(frame["reliability"], frame["credibility"], strict=True)],
        index=frame.index,
        dtype=object,
    )


# ---------------------------------------------------------------- daily briefing


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
            t("posko.field.grading", lang): _grading(mine),
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
