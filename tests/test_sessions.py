"""Sign-in sessions that outlast a tab: the signed cookie, idle expiry on a fake clock, the stored rows.

The browser side (a reload and a new tab stay signed in, a sign-out ends the other tab) is in
tests/test_browser_signin.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

import lib.core.clock
from lib import access, store
from lib.access import Caller
from lib.access.sessions import (
    COOKIE_NAME,
    SessionPolicy,
    clear_cookie_script,
    ends_at,
    has_expired,
    hash_session_id,
    needs_touch,
    new_session_id,
    read_session_cookie,
    set_cookie_script,
    sign_session,
)
from lib.core.problems import DataProblem
from lib.core.settings import load_settings
from lib.store.schema import sessions
from lib.store.sessions import (
    SessionEnded,
    end_session,
    list_sessions,
    resume_session,
    revoke_session,
    start_session,
)
from tests.conftest import as_account, open_page, postgres_engine

SECRET = "sesi-uji-Kunci-0123456789-abcdefghijKLMNOP"
"""Long and varied enough for lib.access.secret_is_strong (not a key for any deployment)."""
ADMIN = Caller("admin", "RAHASIA", "root", "Admin")
ANA = Caller("analyst", "TERBATAS", "ana", "Ana Analis")
START = dt.datetime(2024, 11, 27, 1, 0, tzinfo=dt.UTC)
POLICY = SessionPolicy(idle_hours=12, max_days=30, touch_seconds=60)


class FakeClock:
    """Stands in for lib.core.clock.now: the time moves only when the test says so."""

    def __init__(self, start: dt.datetime) -> None:
        self.at = start

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


@pytest.fixture
def fake_clock(monkeypatch):
    clock = FakeClock(START)
    monkeypatch.setattr(lib.core.clock, "now", clock.now)
    return clock


# --- the cookie ---------------------------------------------------------------------------------


def test_a_signed_cookie_gives_back_its_session_id_and_only_with_the_right_key():
    session_id = new_session_id()
    value = sign_session(session_id, secret=SECRET)
    assert value.startswith(session_id + ".")
    assert read_session_cookie(value, secret=SECRET) == session_id
    assert read_session_cookie(value, secret=SECRET.replace("a", "b")) is None
    assert read_session_cookie(value, secret=None) is None


@pytest.mark.parametrize(
    "forge",
    [
        lambda v: v[:-2] + ("AA" if not v.endswith("AA") else "BB"),
        lambda v: new_session_id() + v[43:],
        lambda v: v.split(".")[0],
        lambda v: v + "; Path=/",
        lambda v: "",
        lambda v: "x" * 500,
    ],
    ids=["signature changed", "another id, same signature", "no signature", "extra text", "empty", "huge"],
)
def test_a_forged_or_malformed_cookie_names_no_session(forge):
    value = sign_session(new_session_id(), secret=SECRET)
    assert read_session_cookie(forge(value), secret=SECRET) is None


def test_no_session_is_signed_with_a_weak_key_or_for_a_made_up_id():
    with pytest.raises(ValueError, match="too weak"):
        sign_session(new_session_id(), secret="short")
    with pytest.raises(ValueError, match="new_session_id"):
        sign_session("admin", secret=SECRET)


def test_the_store_keeps_a_hash_from_which_the_id_cannot_be_read():
    session_id = new_session_id()
    assert hash_session_id(session_id) == hash_session_id(session_id)
    assert session_id not in hash_session_id(session_id)
    assert len(hash_session_id(session_id)) == 64
    assert new_session_id() != new_session_id()


def test_the_cookie_script_sets_only_a_signed_value_for_the_whole_site_and_never_for_other_sites():
    value = sign_session(new_session_id(), secret=SECRET)
    script = set_cookie_script(value, max_age_seconds=3600)
    assert f"{COOKIE_NAME}={value}; Path=/; SameSite=Strict; Max-Age=3600" in script
    assert "location.protocol === 'https:' ? '; Secure'" in script
    assert "Max-Age=0" in clear_cookie_script()
    assert f"{COOKIE_NAME}=;" in clear_cookie_script()
    with pytest.raises(ValueError, match="sign_session"):
        set_cookie_script('x"; document.location="https://evil', max_age_seconds=60)


# --- when a session ends ------------------------------------------------------------------------


def test_a_session_ends_after_the_idle_hours_and_at_the_latest_after_the_longest_life():
    assert not has_expired(START, START, START + dt.timedelta(hours=11, minutes=59), POLICY)
    assert has_expired(START, START, START + dt.timedelta(hours=12), POLICY)
    seen_daily = START + dt.timedelta(days=29, hours=23)
    assert ends_at(START, seen_daily, POLICY) == START + dt.timedelta(days=30)
    assert has_expired(START, seen_daily, START + dt.timedelta(days=30), POLICY)
    naive = START.replace(tzinfo=None)  # as SQLite returns it
    assert ends_at(naive, naive, POLICY) == START + dt.timedelta(hours=12)


def test_last_seen_is_written_at_most_once_a_minute():
    assert not needs_touch(START, START + dt.timedelta(seconds=59), POLICY)
    assert needs_touch(START, START + dt.timedelta(seconds=60), POLICY)


def test_the_idle_hours_are_a_setting():
    assert load_settings({}).session_idle_hours == 12.0
    assert load_settings({"SINERGI_SESSION_IDLE_HOURS": "2.5"}).session_idle_hours == 2.5
    assert load_settings({"SINERGI_SESSION_IDLE_HOURS": "never"}).session_idle_hours == 12.0


# --- the store ----------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    made = (
        store.make_engine(f"sqlite:///{tmp_path / 's.db'}")
        if request.param == "sqlite"
        else postgres_engine()
    )
    store.migrate(made)
    store.create_user(
        made,
        username="ana",
        display_name="Ana Analis",
        role="analyst",
        password="kopi-bali-pagi-7",
        actor=ADMIN,
        ceiling="TERBATAS",
    )
    yield made
    made.dispose()


def actions(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(store.audit.c.action).order_by(store.audit.c.id)).scalars())


def test_migration_6_creates_the_sessions_table(engine):
    with engine.connect() as conn:
        assert sa.inspect(conn).has_table("sessions")
        versions = set(conn.execute(sa.select(store.schema_version.c.version)).scalars())
    assert 6 in versions


def test_a_session_resumes_as_its_account_and_the_store_holds_no_id(engine, fake_clock):
    session_id = start_session(engine, ANA, client="10.0.0.7", user_agent="Firefox")
    fake_clock.advance(hours=3)
    assert resume_session(engine, session_id, policy=POLICY) == ANA
    with engine.connect() as conn:
        row = conn.execute(sa.select(sessions)).mappings().one()
    assert row["id_hash"] == hash_session_id(session_id)
    assert session_id not in " ".join(str(v) for v in row.values())
    assert (row["username"], row["kind"], row["client"], row["user_agent"]) == (
        "ana",
        "local",
        "10.0.0.7",
        "Firefox",
    )
    assert "session.started" in actions(engine)


def test_an_idle_session_ends_after_the_idle_hours_on_the_fake_clock(engine, fake_clock):
    session_id = start_session(engine, ANA)
    fake_clock.advance(hours=11)
    resume_session(engine, session_id, policy=POLICY)  # seen: the idle time starts again
    fake_clock.advance(hours=11)
    assert resume_session(engine, session_id, policy=POLICY) == ANA
    fake_clock.advance(hours=12)
    with pytest.raises(SessionEnded, match="12 jam tanpa aktivitas") as ended:
        resume_session(engine, session_id, policy=POLICY)
    assert ended.value.reason == "expired"
    with pytest.raises(SessionEnded, match="12 hours without activity"):
        resume_session(engine, session_id, policy=POLICY, lang="en")
    assert actions(engine).count("session.expired") == 1


def test_a_short_idle_setting_ends_sessions_sooner(engine, fake_clock):
    session_id = start_session(engine, ANA)
    fake_clock.advance(hours=2)
    with pytest.raises(SessionEnded, match="2 hours"):
        resume_session(engine, session_id, policy=SessionPolicy(idle_hours=2), lang="en")


def test_a_rerun_within_a_minute_writes_nothing(engine, fake_clock):
    session_id = start_session(engine, ANA)
    fake_clock.advance(seconds=30)
    resume_session(engine, session_id, policy=POLICY)
    with engine.connect() as conn:
        seen = conn.execute(sa.select(sessions.c.last_seen_at)).scalar()
    assert lib.core.clock.utc(seen) == START
    fake_clock.advance(seconds=31)
    resume_session(engine, session_id, policy=POLICY)
    with engine.connect() as conn:
        seen = conn.execute(sa.select(sessions.c.last_seen_at)).scalar()
    assert lib.core.clock.utc(seen) == START + dt.timedelta(seconds=61)


def test_signing_out_ends_the_session_for_every_tab_and_is_audited(engine, fake_clock):
    session_id = start_session(engine, ANA)
    assert end_session(engine, session_id)
    assert not end_session(engine, session_id)
    with pytest.raises(SessionEnded, match="or another") as ended:
        resume_session(engine, session_id, policy=POLICY, lang="en")
    assert ended.value.reason == "signout"
    assert actions(engine).count("session.signout") == 1


def test_an_admin_lists_running_sessions_per_account_and_revokes_one(engine, fake_clock):
    first = start_session(engine, ANA, user_agent="Chromium")
    fake_clock.advance(minutes=5)
    second = start_session(engine, ANA, kind="oidc")
    gone = start_session(engine, ANA)
    end_session(engine, gone)
    running = list_sessions(engine, actor=ADMIN, policy=POLICY)
    assert list(running["username"]) == ["ana", "ana"]
    assert list(running["id_hash"]) == [hash_session_id(second), hash_session_id(first)]  # latest first
    assert list(running["kind"]) == ["oidc", "local"]
    assert str(running["ends_at"].iloc[0].tz) == "Asia/Makassar"
    assert revoke_session(engine, hash_session_id(first), actor=ADMIN)
    assert not revoke_session(engine, hash_session_id(first), actor=ADMIN)
    with pytest.raises(SessionEnded, match="admin") as ended:
        resume_session(engine, first, policy=POLICY, lang="en")
    assert ended.value.reason == "revoked"
    assert resume_session(engine, second, policy=POLICY) == ANA
    assert list(list_sessions(engine, actor=ADMIN, policy=POLICY)["id_hash"]) == [hash_session_id(second)]
    assert "session.revoked" in actions(engine)


def test_expired_sessions_are_not_listed_as_running(engine, fake_clock):
    start_session(engine, ANA)
    fake_clock.advance(hours=13)
    assert list_sessions(engine, actor=ADMIN, policy=POLICY).empty


def test_only_an_admin_sees_or_revokes_sessions(engine):
    session_id = start_session(engine, ANA)
    with pytest.raises(DataProblem, match="mengelola akun"):
        list_sessions(engine, actor=ANA)
    with pytest.raises(DataProblem):
        revoke_session(engine, hash_session_id(session_id), actor=ANA)
    assert resume_session(engine, session_id) == ANA


def test_a_disabled_account_ends_its_sessions(engine):
    session_id = start_session(engine, ANA)
    store.disable_user(engine, "ana", actor=ADMIN)
    with pytest.raises(SessionEnded) as ended:
        resume_session(engine, session_id)
    assert ended.value.reason == "disabled"


def test_a_lowered_role_bites_on_the_next_resume(engine):
    session_id = start_session(engine, ANA)
    with engine.begin() as conn:
        conn.execute(store.users.update().values(role="posko", ceiling="TERBATAS"))
    assert resume_session(engine, session_id).role == "posko"


def test_an_unknown_session_id_is_said_so(engine):
    with pytest.raises(SessionEnded, match="no longer knows") as ended:
        resume_session(engine, new_session_id(), lang="en")
    assert ended.value.reason == "unknown"


def test_only_accounts_get_sessions(engine):
    with pytest.raises(ValueError, match="only accounts"):
        start_session(engine, access.PUBLIC)
    with pytest.raises(ValueError, match="only accounts"):
        start_session(engine, Caller("partner", "TERBATAS", "link:abc", "Mitra"))


# --- the app (AppTest): sign-in writes the cookie, sign-out clears it, the Akun page revokes -----


def _cookie_scripts(at) -> list[str]:
    return [e.proto.body for e in at.get("html") if "document.cookie" in e.proto.body]


def _app_engine():
    from lib import intake

    settings = load_settings()
    return store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))


def submit_of(at, form: str):
    return next(b for b in at.get("form_submit_button") if b.form_id == form)


def _sign_in(at, username: str, password: str):
    at.text_input(key="login_username").set_value(username)
    at.text_input(key="login_password").set_value(password)
    submit_of(at, "login_form").click()
    return at.run()


def test_signing_in_writes_a_signed_cookie_and_signing_out_clears_it(fresh_store, monkeypatch):
    monkeypatch.setenv("SINERGI_SECRET_KEY", SECRET)
    as_account(Caller("analyst", "TERBATAS", "ana.app", "Ana App"))
    at = open_page("pages/ringkasan.py")
    at = _sign_in(at, "ana.app", "kata-sandi-uji-panjang")
    assert not at.exception
    assert at.session_state["_caller"].user_id == "ana.app"
    scripts = _cookie_scripts(at)
    assert len(scripts) == 1
    session_id = at.session_state["_session_id"]
    value = scripts[0].split(f"{COOKIE_NAME}=")[1].split(";")[0]
    assert read_session_cookie(value, secret=SECRET) == session_id
    at.button(key="logout").click().run()
    assert not at.exception
    assert at.session_state["_caller"].role == "public"
    assert any("Max-Age=0" in s for s in _cookie_scripts(at))
    engine = _app_engine()
    with pytest.raises(SessionEnded):
        resume_session(engine, session_id)
    engine.dispose()


def test_without_a_secret_key_a_sign_in_holds_in_its_tab_and_says_so(fresh_store):
    as_account(Caller("analyst", "TERBATAS", "ana.app", "Ana App"))
    at = _sign_in(open_page("pages/ringkasan.py", {"lang": "en"}), "ana.app", "kata-sandi-uji-panjang")
    assert not at.exception
    assert at.session_state["_caller"].user_id == "ana.app"
    assert _cookie_scripts(at) == []
    assert any("this tab only" in c.value for c in at.sidebar.caption)


def test_a_tab_whose_session_an_admin_ends_turns_public_with_a_notice(fresh_store, monkeypatch):
    monkeypatch.setenv("SINERGI_SECRET_KEY", SECRET)
    as_account(Caller("analyst", "TERBATAS", "ana.app", "Ana App"))
    at = _sign_in(open_page("pages/ringkasan.py", {"lang": "en"}), "ana.app", "kata-sandi-uji-panjang")
    session_id = at.session_state["_session_id"]
    admin = open_page("pages/akun.py", {"lang": "en"})
    admin.session_state["_caller"] = as_account(Caller("admin", "RAHASIA", "root.admin", "Admin"))
    admin.run()
    assert not admin.exception
    shown = next(d.value for d in admin.dataframe if "Session" in d.value.columns)
    assert list(shown["Username"]) == ["ana.app"]
    assert list(shown["Signed in with"]) == ["local account"]
    admin.button(key=f"revoke_session_{hash_session_id(session_id)}").click().run()
    assert not admin.exception
    assert any("No sign-in session" in c.value for c in admin.caption)
    at.run()
    assert at.session_state["_caller"].role == "public"
    assert any("admin has ended your sign-in" in w.value for w in at.warning)
