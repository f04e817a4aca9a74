"""Write a consistent backup of Sinergi (database, Posko attachments, saved boundaries) while it runs.

    python scripts/backup.py /path/to/backups

Uses the same settings as the app (SINERGI_DATA_DIR, SINERGI_DB_URL). SQLite is copied with its
online backup API, PostgreSQL with pg_dump (installed with the PostgreSQL client).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import store
from lib.core.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    """Write the backup; print its folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("destination", type=Path, help="folder to write the backup folder into")
    args = parser.parse_args(argv)
    settings = load_settings()
    folder = store.backup(settings.store_url, settings.data_dir, args.destination)
    print(f"Cadangan ditulis / backup written: {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
