"""Passwords: argon2 hashes (argon2-cffi, the reference implementation), checked in constant time."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()  # argon2id with the library's recommended parameters; immutable


_DUMMY_HASH = _HASHER.hash("sinergi-timing-equaliser")


def hash_password(password: str) -> str:
    """Return the argon2id hash of ``password`` (salted; never store the password itself)."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Return True when ``password`` matches ``stored_hash``; comparison is argon2's, constant-time.

    A missing or malformed hash still costs one verification, so timing does not tell
    whether an account exists.
    """
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Return True when ``stored_hash`` was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(stored_hash)
