"""What a deployment may change: data folder, database URL, boundary folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_DATA = ROOT / "data"


@dataclass(frozen=True)
class Settings:
    """Settings whose defaults suit a fresh checkout: no configuration needed."""

    data_dir: Path = ROOT / "var"
    """Where the SQLite store, saved boundaries and attachments live (``SINERGI_DATA_DIR``)."""
    db_url: str | None = None
    """SQLAlchemy URL of the store (``SINERGI_DB_URL``); None means a SQLite file in ``data_dir``."""
    boundaries_dir: Path | None = None
    """Folder with boundary files to load at start (``SINERGI_BOUNDARIES``); None means none."""
    bundled_dir: Path = BUNDLED_DATA
    """The sourced facts shipped with the app."""
    login_max_failures: int = 5
    """Failed sign-ins in a row that lock an account or a client (``SINERGI_LOGIN_MAX_FAILURES``)."""
    login_lock_minutes: float = 15.0
    """How long such a lock lasts, unless an admin lifts it (``SINERGI_LOGIN_LOCK_MINUTES``)."""
    session_idle_hours: float = 12.0
    """Hours without activity after which a sign-in ends in every tab (``SINERGI_SESSION_IDLE_HOURS``)."""

    @property
    def store_url(self) -> str:
        """Return the database URL actually used."""
        if self.db_url:
            return self.db_url
        return f"sqlite:///{(self.data_dir / 'sinergi.db').as_posix()}"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Return settings from ``env`` (default: the process environment).

    >>> load_settings({"SINERGI_DATA_DIR": "/tmp/x"}).store_url
    'sqlite:////tmp/x/sinergi.db'
    """
    env = os.environ if env is None else env
    data_dir = Path(env.get("SINERGI_DATA_DIR") or ROOT / "var")
    if not data_dir.is_absolute():
        data_dir = (Path.cwd() / data_dir).resolve()
    boundaries = env.get("SINERGI_BOUNDARIES") or None
    boundaries_dir = None
    if boundaries:
        boundaries_dir = Path(boundaries)
        if not boundaries_dir.is_absolute():
            boundaries_dir = (Path.cwd() / boundaries_dir).resolve()
    return Settings(
        data_dir=data_dir,
        db_url=env.get("SINERGI_DB_URL") or None,
        boundaries_dir=boundaries_dir,
        login_max_failures=_positive(env, "SINERGI_LOGIN_MAX_FAILURES", 5, int),
        login_lock_minutes=_positive(env, "SINERGI_LOGIN_LOCK_MINUTES", 15.0, float),
        session_idle_hours=_positive(env, "SINERGI_SESSION_IDLE_HOURS", 12.0, float),
    )


def _positive(env: Mapping[str, str], name: str, default: float, kind: type) -> Any:
    """Return the positive number set in ``env[name]``, or ``default`` when unset or not one.

    >>> _positive({"N": "3"}, "N", 5, int), _positive({"N": "-1"}, "N", 5, int), _positive({}, "N", 5, int)
    (3, 5, 5)
    """
    try:
        value = kind(env.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default
