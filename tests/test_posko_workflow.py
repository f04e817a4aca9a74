"""The Posko workflow rules: which moves each role is offered, the alert rule and the list's periods."""

import datetime as dt

import pandas as pd
import pytest

from lib import intake, posko, store
from lib.access import PUBLIC, Caller
from lib.core.clock import LOCAL_TZ
from lib.core.problems import DataProblem
from tests.conftest import DATA_DIR

ADMIN = Caller("admin", "RAHASIA", "adm")
ANALYST = Caller("analyst", "RAHASIA", "ana")
OPERATOR = Caller("posko", "TERBATAS", "op1")
PARTNER = Caller("partner", "TERBATAS", "link:x")
CALLERS = {"admin": ADMIN, "analyst": ANALYST, "posko": OPERATOR, "partner": PARTNER, "public": PUBLIC}
VERIFIERS = {"admin", "analyst"}
"""Roles with ``report.verify``; posko operators only move verified reports forward."""


def expected_moves(role: str, status: str) -> tuple[str, ...]:
    """The TRANSITIONS table read by hand: editors move forward, only verifiers verify or reject."""
    if role not in {"admin", "analyst", "posko"}:
        return ()
    return tuple(
        new
        for new in posko.TRANSITIONS[status]
        if role in VERIFIERS or ((status, new) not in posko.VERIFY_TRANSITIONS and new != "ditolak")
    )


@pytest.mark.parametrize("status", posko.STATUSES)
@pytest.mark.parametrize("role", list(CALLERS))
def test_allowed_moves_follow_the_transitions_table_for_each_role(role, status):
    assert posko.allowed_moves(CALLERS[role], status) == expected_moves(role, status)


def test_a_posko_operator_can_neither_verify_nor_reject():
    for status in posko.STATUSES:
        moves = posko.allowed_moves(OPERATOR, status)
        assert "ditolak" not in moves
        assert not any((status, new) in posko.VERIFY_TRANSITIONS for new in moves)
    assert posko.allowed_moves(OPERATOR, "baru") == ()
    assert posko.allowed_moves(OPERATOR, "diverifikasi") == ("ditindaklanjuti",)


def test_a_finished_report_offers_no_move_to_anyone():
    assert all(posko.allowed_moves(caller, "selesai") == () for caller in CALLERS.values())


# ---------------------------------------------------------------- offered == accepted


@pytest.fixture
def engine(tmp_path):
    made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    store.migrate(made)
    with made.begin() as conn:
        store.bump_revision(conn)
    yield made
    made.dispose()


@pytest.fixture(scope="module")
def clean_report():
    bundle = intake.load_bundle(DATA_DIR)
    check = posko.validate_report(
        {
            "received_at": dt.datetime(2024, 11, 27, 9, 15),
            "reporter_id": "polres-buleleng",
            "region": "51.08",
            "category": "clash",
            "severity": 3,
            "classification": "TERBATAS",
            "title": "Bentrokan pendukung di Seririt",
            "description": "Dua kelompok pendukung saling dorong.",
            "reliability": "B",
            "credibility": 2,
        },
        index=intake.region_index(bundle.regions),
        stakeholder_ids=frozenset(bundle.stakeholders["id"]),
        now=dt.datetime(2024, 11, 28, 12, 0, tzinfo=LOCAL_TZ),
    )
    assert check.ok, check.problems
    return check.clean


PATHS = {
    "baru": (),
    "diverifikasi": ("diverifikasi",),
    "ditindaklanjuti": ("diverifikasi", "ditindaklanjuti"),
    "selesai": ("diverifikasi", "ditindaklanjuti", "selesai"),
    "ditolak": ("ditolak",),
}
"""How an analyst brings a new report to each status."""


def report_in(engine, report: dict, status: str, token: str) -> tuple[int, int]:
    """Store a new report and bring it to ``status`` as an analyst; return its id and version."""
    report_id, version = posko.save_report(engine, report, actor=ANALYST, client_token=token), 1
    for step in PATHS[status]:
        reason = "Tidak dapat dikonfirmasi" if step == "ditolak" else None
        version = posko.set_status(
            engine, report_id, step, expected_version=version, actor=ANALYST, reason=reason
        )
    return report_id, version


@pytest.mark.parametrize("status", posko.STATUSES)
@pytest.mark.parametrize("role", ["admin", "analyst", "posko", "partner"])
def test_what_allowed_moves_offers_is_exactly_what_set_status_accepts(engine, clean_report, role, status):
    caller = CALLERS[role]
    offered = posko.allowed_moves(caller, status)
    accepted = []
    for new in (s for s in posko.STATUSES if s != status):
        report_id, version = report_in(engine, clean_report, status, f"{role}-{status}-{new}")
        reason = "Tidak dapat dikonfirmasi" if new == "ditolak" else None
        try:
            posko.set_status(engine, report_id, new, expected_version=version, actor=caller, reason=reason)
        except DataProblem:
            continue
        accepted.append(new)
    assert sorted(accepted) == sorted(offered)


# ---------------------------------------------------------------- alerts


def reports_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["severity", "status", "alert_ack_at"])


def test_an_alert_is_open_when_severe_unacknowledged_and_not_rejected():
    acked = pd.Timestamp("2024-11-27 10:00", tz="Asia/Makassar")
    frame = reports_frame(
        [
            {"severity": 4, "status": "baru", "alert_ack_at": None},
            {"severity": 5, "status": "selesai", "alert_ack_at": None},
            {"severity": 3, "status": "baru", "alert_ack_at": None},
            {"severity": 4, "status": "ditolak", "alert_ack_at": None},
            {"severity": 4, "status": "baru", "alert_ack_at": acked},
            {"severity": None, "status": "baru", "alert_ack_at": None},
        ]
    )
    assert list(posko.is_open_alert(frame)) == [True, True, False, False, False, False]
    assert [posko.alert_state(row) for row in frame.to_dict("records")] == [
        "open",
        "open",
        None,
        None,
        "acknowledged",
        None,
    ]


def test_the_alert_rule_matches_the_store_count(engine, clean_report):
    severe = {**clean_report, "severity": 4}
    first = posko.save_report(engine, severe, actor=ANALYST, client_token="a")
    posko.save_report(engine, severe, actor=ANALYST, client_token="b")
    posko.save_report(engine, clean_report, actor=ANALYST, client_token="c")
    posko.acknowledge_alert(engine, first, actor=ANALYST)
    frame = posko.read_reports(engine, ceiling="RAHASIA")
    assert int(posko.is_open_alert(frame).sum()) == posko.count_open_alerts(engine, ceiling="RAHASIA") == 1


# ---------------------------------------------------------------- the list's periods

NOW = dt.datetime(2024, 11, 27, 9, 30)


@pytest.mark.parametrize(
    ("period", "since"),
    [
        ("24h", dt.datetime(2024, 11, 26, 9, 30)),
        ("7d", dt.datetime(2024, 11, 20, 9, 30)),
        ("30d", dt.datetime(2024, 10, 28, 9, 30)),
    ],
)
def test_a_rolling_period_counts_back_from_now_and_has_no_end(period, since):
    assert posko.period_bounds(period, now=NOW) == (since, None)


def test_the_view_period_covers_its_first_to_its_last_day_whole():
    span = (dt.date(2024, 11, 1), dt.date(2024, 11, 27))
    assert posko.period_bounds("view", now=NOW, span=span) == (
        dt.datetime(2024, 11, 1, 0, 0),
        dt.datetime(2024, 11, 28, 0, 0),
    )


@pytest.mark.parametrize(
    ("period", "span"), [("all", None), ("all", (dt.date(2024, 11, 1),) * 2), ("view", None)]
)
def test_all_or_a_view_without_days_does_not_filter(period, span):
    assert posko.period_bounds(period, now=NOW, span=span) == (None, None)
