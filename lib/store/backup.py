"""Backup and restore of everything Sinergi keeps: the database, Posko attachments and saved boundaries.

A backup is a folder: ``database.sqlite`` (SQLite's online backup API: a consistent copy while
the app keeps writing) or ``database.pgdump`` (``pg_dump`` custom format, one snapshot), then the
files under ``attachments/`` and ``boundaries/``, then ``MANIFEST.json`` (when, schema version,
row counts). The database is copied first: an attachment is written before the report that names
it, so every attachment the copy refers to already exists when the files are copied.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from lib.core import clock
from lib.store.engine import current_version, make_engine
from lib.store.schema import metadata

FILE_FOLDERS: tuple[str, ...] = ("attachments", "boundaries")
"""Folders of the data folder that a backup carries besides the database."""
MANIFEST = "MANIFEST.json"
SQLITE_FILE = "database.sqlite"
PG_FILE = "database.pgdump"


def _sqlite_path(url: str) -> Path | None:
    """Return the database file of a SQLite URL, or None for another database."""
    parsed = make_url(url)
    return Path(parsed.database or "") if parsed.get_backend_name() == "sqlite" else None


def _pg_args(url: str) -> tuple[list[str], dict[str, str]]:
    """Return the connection arguments and environment for ``pg_dump``/``pg_restore`` from a URL."""
    parsed = make_url(url)
    args = ["-h", parsed.host or "127.0.0.1", "-p", str(parsed.port or 5432), "-d", parsed.database or ""]
    if parsed.username:
        args += ["-U", parsed.username]
    env = {"PGPASSWORD": parsed.password} if parsed.password else {}
    return args, env


def _counts(url: str) -> dict[str, int]:
    """Return the number of rows of every Sinergi table in the database at ``url``."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            present = set(sa.inspect(conn).get_table_names())
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0)
                for name, table in sorted(metadata.tables.items())
                if name in present
            }
    finally:
        engine.dispose()


def backup(url: str, data_dir: Path, destination: Path, *, now: dt.datetime | None = None) -> Path:
    """Write a consistent backup of the store at ``url`` and the files in ``data_dir``; return its folder.

    Safe while the app runs and writes: SQLite is copied page by page with its online backup API
    (writers wait a moment, nothing is half-copied); PostgreSQL with ``pg_dump`` (one snapshot).
    """
    stamp = (now or clock.now()).strftime("%Y%m%dT%H%M%SZ")
    folder = destination / f"sinergi-backup-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    sqlite_file = _sqlite_path(url)
    if sqlite_file is not None:
        source = sqlite3.connect(str(sqlite_file), timeout=30)
        target = sqlite3.connect(str(folder / SQLITE_FILE))
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
        counted_url = f"sqlite:///{(folder / SQLITE_FILE).as_posix()}"
    else:
        args, env = _pg_args(url)
        subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", "-f", str(folder / PG_FILE), *args],
            check=True,
            env={**_environ(), **env},
            capture_output=True,
        )
        counted_url = url
    for name in FILE_FOLDERS:
        if (data_dir / name).is_dir():
            shutil.copytree(data_dir / name, folder / name)
    engine = make_engine(counted_url)
    try:
        version = current_version(engine)
    finally:
        engine.dispose()
    manifest = {
        "made_at": stamp,
        "database": SQLITE_FILE if sqlite_file is not None else PG_FILE,
        "schema_version": version,
        "rows": _counts(counted_url) if sqlite_file is not None else None,
        "files": {name: _file_count(folder / name) for name in FILE_FOLDERS},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return folder


def restore(source: Path, url: str, data_dir: Path, *, force: bool = False) -> dict[str, int]:
    """Bring a backup folder back into the store at ``url`` and ``data_dir``; return the rows restored.

    Refuses to overwrite a store that already holds reports unless ``force``: a restore replaces
    everything, so it is meant for a fresh machine or a deliberate roll-back.
    """
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    sqlite_file = _sqlite_path(url)
    if not force and _holds_reports(url):
        raise FileExistsError(f"the store at {url.split('@')[-1]} already holds reports; pass force=True.")
    if sqlite_file is not None:
        if manifest["database"] != SQLITE_FILE:
            raise ValueError("this backup is of a PostgreSQL store; restore it into PostgreSQL.")
        sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
        source_db = sqlite3.connect(str(source / SQLITE_FILE))
        target = sqlite3.connect(str(sqlite_file))
        try:
            with target:
                source_db.backup(target)
        finally:
            target.close()
            source_db.close()
    else:
        if manifest["database"] != PG_FILE:
            raise ValueError("this backup is of a SQLite store; restore it into SQLite.")
        args, env = _pg_args(url)
        subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", *args, str(source / PG_FILE)],
            check=True,
            env={**_environ(), **env},
            capture_output=True,
        )
    for name in FILE_FOLDERS:
        if (source / name).is_dir():
            shutil.copytree(source / name, data_dir / name, dirs_exist_ok=True)
    return _counts(url)


def _holds_reports(url: str) -> bool:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("reports"):
                return False
            return bool(conn.execute(sa.text("select count(*) from reports")).scalar())
    finally:
        engine.dispose()


def _file_count(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)
