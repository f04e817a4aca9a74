"""Passwords: argon2 hashes (argon2-cffi, the reference implementation), checked in constant time."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()  # argon2id with the library's recommended parameters; immutable


@functools.cache
def _dummy_hash() -> str:
    """Return the hash a missing account is checked against (made on first use: 0.15 s at start-up)."""
    return _HASHER.hash("sinergi-timing-equaliser")


def hash_password(password: str) -> str:
    """Return the argon2id hash of ``password`` (salted; never store the password itself)."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Return True when ``password`` matches ``stored_hash``; comparison is argon2's, constant-time.

    A missing or malformed hash still costs one verification, so timing does not tell
    whether an account exists.
    """
    try:
        return _HASHER.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Return True when ``stored_hash`` was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(stored_hash)


@functools.cache
def common_passwords() -> frozenset[str]:
    """Return the passwords people choose most often, refused (lower case).

    The 30,000 of zxcvbn 4.5's list, from leaked password sets. Read when a password is first
    set, not at a server start (zxcvbn's lists take 20 ms).
    """
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(word.lower() for word in FREQUENCY_LISTS["passwords"])


def weakness(password: str, *, username: str = "") -> str | None:
    """Return why ``password`` is too easy to guess, or None.

    The reasons: "common", "one_character", "digits", "username".

    Length is checked by the caller (it knows the limits); this says what length does not.

    >>> weakness("password123"), weakness("aaaaaaaaaaaa"), weakness("081234567890")
    ('common', 'one_character', 'digits')
    >>> weakness("kopi-bali-pagi-7") is None
    True
    """
    text = password or ""
    if len(set(text)) <= 1:
        return "one_character"
    if text.isdigit():
        return "digits"
    common = common_passwords()
    if text.lower() in common or text.lower().rstrip("0123456789!.") in common:
        return "common"
    if username and text.lower().rstrip("0123456789!.") == username.lower():
        return "username"
    return None
