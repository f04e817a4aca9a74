"""Sign-in resists guessing: growing delays, a lock, audit rows, an admin unlock, a password policy."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from lib import access, store
from lib.access import Caller, ThrottlePolicy
from lib.core.problems import DataProblem
from tests.conftest import postgres_engine

ADMIN = Caller("admin", "RAHASIA", "root", "Admin")
START = dt.datetime(2024, 11, 27, 1, 0, tzinfo=dt.UTC)
POLICY = ThrottlePolicy(max_failures=5, lock_minutes=15, base_delay_seconds=1, max_delay_seconds=60)
RIGHT = "kopi-bali-pagi-tujuh"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    made = (
        store.make_engine(f"sqlite:///{tmp_path / 's.db'}")
        if request.param == "sqlite"
        else postgres_engine()
    )
    store.migrate(made)
    store.create_user(made, username="ana", display_name="Ana", role="analyst", password=RIGHT, actor=ADMIN)
    yield made
    made.dispose()


def sign_in(engine, password, *, at, user="ana", client="10.0.0.7"):
    return store.authenticate(engine, user, password, client=client, policy=POLICY, now=at)


def actions(engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(sa.select(store.audit.c.action).order_by(store.audit.c.id))]


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one_until_an_admin_unlocks(engine):
    for i in range(5):  # two minutes apart: past every growing delay
        with pytest.raises(DataProblem, match="kata sandi salah"):
            sign_in(engine, f"salah-{i}-xx", at=START + dt.timedelta(minutes=2 * i))
    locked_at = START + dt.timedelta(minutes=8)
    with pytest.raises(DataProblem, match="Terlalu banyak percobaan") as refused:
        sign_in(engine, RIGHT, at=locked_at + dt.timedelta(minutes=1))
    assert "WITA" in refused.value.what
    assert actions(engine).count("login.failed") == 5
    assert "login.locked" in actions(engine)
    assert "login.throttled" in actions(engine)
    locked = store.locked_accounts(engine, actor=ADMIN, now=locked_at + dt.timedelta(minutes=1))
    assert "account:ana" in set(locked["key"])
    assert store.unlock(engine, "account:ana", actor=ADMIN)
    assert store.unlock(engine, "client:10.0.0.7", actor=ADMIN)
    assert sign_in(engine, RIGHT, at=locked_at + dt.timedelta(minutes=2)).user_id == "ana"
    assert actions(engine)[-3:] == ["account.unlocked", "account.unlocked", "login.ok"]


def test_the_lock_expires_by_itself(engine):
    for i in range(5):
        with pytest.raises(DataProblem):
            sign_in(engine, f"salah-{i}-xx", at=START + dt.timedelta(minutes=2 * i))
    with pytest.raises(DataProblem, match="Terlalu banyak"):
        sign_in(engine, RIGHT, at=START + dt.timedelta(minutes=20))
    assert sign_in(engine, RIGHT, at=START + dt.timedelta(minutes=24)).user_id == "ana"


def test_each_failure_makes_the_next_attempt_wait_longer(engine):
    with pytest.raises(DataProblem, match="kata sandi salah"):
        sign_in(engine, "salah-satu-xx", at=START)
    with pytest.raises(DataProblem, match="Terlalu banyak"):  # 1 s after the first failure
        sign_in(engine, RIGHT, at=START + dt.timedelta(milliseconds=500))
    with pytest.raises(DataProblem, match="kata sandi salah"):
        sign_in(engine, "salah-dua-xx", at=START + dt.timedelta(seconds=2))
    with pytest.raises(DataProblem, match="Terlalu banyak"):  # 2 s after the second
        sign_in(engine, RIGHT, at=START + dt.timedelta(seconds=3))
    assert sign_in(engine, RIGHT, at=START + dt.timedelta(seconds=5)).user_id == "ana"


def test_one_client_guessing_many_accounts_is_locked_too(engine):
    for i in range(5):
        with pytest.raises(DataProblem):
            sign_in(engine, "salah-xx-xx", user=f"nobody{i}", at=START + dt.timedelta(minutes=2 * i))
    with pytest.raises(DataProblem, match="Terlalu banyak"):
        sign_in(engine, RIGHT, at=START + dt.timedelta(minutes=10))
    assert sign_in(engine, RIGHT, client="10.0.0.8", at=START + dt.timedelta(minutes=10)).user_id == "ana"


def test_a_successful_sign_in_resets_the_count(engine):
    for i in range(4):
        with pytest.raises(DataProblem):
            sign_in(engine, f"salah-{i}-xx", at=START + dt.timedelta(minutes=2 * i))
    sign_in(engine, RIGHT, at=START + dt.timedelta(minutes=10))
    with pytest.raises(DataProblem, match="kata sandi salah"):
        sign_in(engine, "salah-lagi-xx", at=START + dt.timedelta(minutes=12))
    assert sign_in(engine, RIGHT, at=START + dt.timedelta(minutes=14)).user_id == "ana"


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("password123", "paling sering"),
        ("qwertyuiop", "paling sering"),
        ("zzzzzzzzzzzz", "satu karakter"),
        ("081234567890", "hanya angka"),
        ("Budi.Santoso2024", "sama dengan nama pengguna"),
    ],
    ids=["common", "common keyboard walk", "one character", "digits only", "the username and digits"],
)
def test_guessable_passwords_are_refused_when_an_account_is_made(engine, password, words):
    with pytest.raises(DataProblem, match=words):
        store.create_user(
            engine, username="budi.santoso", display_name="Budi", role="posko", password=password, actor=ADMIN
        )


def test_the_common_list_is_large_and_the_policy_speaks_english():
    assert len(access.common_passwords()) >= 10_000
    with pytest.raises(DataProblem, match="most commonly used"):
        access.check_password("iloveyou123", lang="en")
