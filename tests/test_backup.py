"""Backup while the Posko writes, restore into a fresh folder: every acknowledged report, history, file."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
import sqlalchemy as sa

from lib import intake, posko, store
from lib.access import Caller
from tests.conftest import DATA_DIR, PG_URL, postgres_engine

ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(scope="module")
def bundle():
    return intake.load_bundle(DATA_DIR)


def a_report(bundle, i: int) -> dict:
    check = posko.validate_report(
        {
            "received_at": dt.datetime(2024, 11, 27, 9, 15),
            "reporter_id": "polres-buleleng",
            "region": "Buleleng",
            "category": "clash",
            "severity": 3,
            "classification": "TERBATAS",
            "title": f"Laporan {i}",
            "description": "Dua kelompok pendukung saling dorong di depan TPS.",
            "reliability": "B",
            "credibility": "2",
            "assigned_to": ["polres-buleleng"] if i % 2 else [],
        },
        index=intake.region_index(bundle.regions),
        stakeholder_ids=frozenset(bundle.stakeholders["id"]),
        now=dt.datetime(2024, 11, 28, tzinfo=dt.UTC),
    )
    assert check.ok, check.problems
    return dict(check.clean)


def write_while(engine, bundle, data_dir, stop: threading.Event, acknowledged: list[tuple[float, int]]):
    i = 0
    while not stop.is_set() and i < 2000:
        attachment = posko.store_attachment(PNG, f"foto-{i}.png", data_dir) if i % 3 == 0 else None
        report_id = posko.save_report(
            engine, a_report(bundle, i), actor=ANALYST, client_token=f"bk-{i}", attachment=attachment
        )
        acknowledged.append((time.monotonic(), report_id))
        i += 1


def restored_state(url: str, data_dir):
    engine = store.make_engine(url)
    try:
        with engine.connect() as conn:
            reports = {
                r[0]: r[1]
                for r in conn.execute(sa.select(store.reports.c.id, store.reports.c.attachment_path))
            }
            with_history = {
                r[0] for r in conn.execute(sa.select(store.report_history.c.report_id).distinct())
            }
    finally:
        engine.dispose()
    missing_files = [p for p in reports.values() if p and not (data_dir / "attachments" / p).is_file()]
    return reports, with_history, missing_files


def run_backup_during_writes(engine, url, bundle, data_dir, destination):
    stop, acknowledged = threading.Event(), []
    writer = threading.Thread(target=write_while, args=(engine, bundle, data_dir, stop, acknowledged))
    writer.start()
    while len(acknowledged) < 30:
        time.sleep(0.01)
    started = time.monotonic()
    folder = store.backup(url, data_dir, destination)
    while len(acknowledged) < len([a for a in acknowledged if a[0] <= started]) + 10:
        time.sleep(0.01)  # the writer goes on after the backup
    stop.set()
    writer.join()
    before = {report_id for at, report_id in acknowledged if at <= started}
    return folder, before, acknowledged


def test_a_sqlite_backup_taken_during_writes_restores_every_report_acknowledged_before_it(tmp_path, bundle):
    data_dir = tmp_path / "var"
    url = f"sqlite:///{data_dir / 'sinergi.db'}"
    engine = store.open_store(url, bundle)
    folder, before, acknowledged = run_backup_during_writes(
        engine, url, bundle, data_dir, tmp_path / "backups"
    )
    engine.dispose()

    fresh = tmp_path / "fresh"
    fresh_url = f"sqlite:///{fresh / 'sinergi.db'}"
    rows = store.restore(folder, fresh_url, fresh)
    reports, with_history, missing_files = restored_state(fresh_url, fresh)
    print(
        f"written {len(acknowledged)}, acknowledged before the backup {len(before)}, restored {len(reports)}"
    )
    assert before <= set(reports)
    assert set(reports) <= {report_id for _, report_id in acknowledged}
    assert set(reports) <= with_history
    assert missing_files == []
    assert rows["reports"] == len(reports)
    assert any(reports.values())  # attachments were part of it


def test_restore_refuses_a_store_that_already_holds_reports(tmp_path, bundle):
    data_dir = tmp_path / "var"
    url = f"sqlite:///{data_dir / 'sinergi.db'}"
    engine = store.open_store(url, bundle)
    posko.save_report(engine, a_report(bundle, 1), actor=ANALYST, client_token="one")
    engine.dispose()
    folder = store.backup(url, data_dir, tmp_path / "backups")
    with pytest.raises(FileExistsError, match="already holds reports"):
        store.restore(folder, url, data_dir)
    assert store.restore(folder, url, data_dir, force=True)["reports"] == 1


@pytest.mark.postgres
def test_a_postgresql_backup_taken_during_writes_restores_every_report(tmp_path, bundle):
    engine = postgres_engine()
    store.migrate(engine)
    store.seed(engine, bundle)
    data_dir = tmp_path / "var"
    folder, before, acknowledged = run_backup_during_writes(
        engine, PG_URL, bundle, data_dir, tmp_path / "backups"
    )
    with engine.begin() as conn:
        store.metadata.drop_all(conn)
    engine.dispose()
    fresh = tmp_path / "fresh"
    store.restore(folder, PG_URL, fresh)
    reports, with_history, missing_files = restored_state(PG_URL, fresh)
    print(
        f"PostgreSQL: written {len(acknowledged)}, before the backup {len(before)}, restored {len(reports)}"
    )
    assert before <= set(reports)
    assert set(reports) <= with_history
    assert missing_files == []
