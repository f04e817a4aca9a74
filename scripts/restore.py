"""Bring a Sinergi backup back (database, Posko attachments, saved boundaries).

    python scripts/restore.py /path/to/backups/sinergi-backup-20261202T203000Z [--force]

Restores into the store the settings name (SINERGI_DATA_DIR, SINERGI_DB_URL). Stop the app first.
Without --force it refuses a store that already holds reports.
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
    """Restore the backup; print how many rows each table holds now."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a backup folder written by scripts/backup.py")
    parser.add_argument("--force", action="store_true", help="replace a store that already holds reports")
    args = parser.parse_args(argv)
    settings = load_settings()
    try:
        rows = store.restore(args.source, settings.store_url, settings.data_dir, force=args.force)
    except FileExistsError as error:
        print(f"Tidak dipulihkan / not restored: {error}", file=sys.stderr)
        return 1
    print("Dipulihkan / restored: " + ", ".join(f"{name} {n}" for name, n in rows.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
