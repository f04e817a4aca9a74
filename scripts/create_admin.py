"""Create a local Sinergi account (the first admin, or any account) from the command line.

python scripts/create_admin.py budi.santoso --name "Budi Santoso (Kesbangpol)"
python scripts/create_admin.py ana --name "Ana (Polda)" --role analyst --password-stdin < pw.txt

The store is the one the app uses (``SINERGI_DB_URL``, else the SQLite file in
``SINERGI_DATA_DIR``). The password is asked twice without echo, or read from one line of
standard input with ``--password-stdin``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib import (
    access,
    store,  # noqa: E402
)
from lib.core.problems import DataProblem  # noqa: E402
from lib.core.settings import load_settings  # noqa: E402


def read_password(from_stdin: bool) -> str:
    """Return the new password: one line of stdin, or typed twice at a prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Kata sandi / password: ")
    again = getpass.getpass("Ulangi / repeat: ")
    if first != again:
        raise SystemExit("Kedua kata sandi berbeda. / The two passwords differ.")
    return first


def main(argv: list[str] | None = None) -> int:
    """Create the account; print what was created or what to fix."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("username", help="lower-case login name or the e-mail used with OIDC")
    parser.add_argument("--name", required=True, help="full name and institution, shown in the app")
    parser.add_argument("--role", default="admin", choices=access.ACCOUNT_ROLES)
    parser.add_argument("--ceiling", choices=("TERBUKA", "TERBATAS", "RAHASIA"), default=None)
    parser.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    args = parser.parse_args(argv)
    settings = load_settings()
    engine = store.make_engine(settings.store_url)
    store.migrate(engine)
    try:
        name = store.create_user(
            engine,
            username=args.username,
            display_name=args.name,
            role=args.role,
            password=read_password(args.password_stdin),
            ceiling=args.ceiling,
            actor=access.SYSTEM,
        )
    except DataProblem as problem:
        print(f"{problem.what}\n{problem.fix}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"Akun dibuat / account created: {name} ({args.role}) in {settings.store_url.split('@')[-1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
