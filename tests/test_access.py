"""Roles, ceilings, permissions, argon2 passwords and local access."""

import pytest
import sqlalchemy as sa

from lib import access, store
from lib.access import Caller
from lib.core.problems import DataProblem

ADMIN = Caller("admin", "RAHASIA", "root", "Admin")
ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana")


@pytest.fixture
def engine(tmp_path):
    made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    store.migrate(made)
    yield made
    made.dispose()


def test_each_ceiling_sees_its_level_and_those_below():
    assert access.allowed_levels("TERBUKA") == ("TERBUKA",)
    assert access.allowed_levels("RAHASIA") == ("TERBUKA", "TERBATAS", "RAHASIA")
    assert access.lower_ceiling("TERBATAS", "RAHASIA") == "TERBATAS"
    with pytest.raises(ValueError, match="ceiling must be one of"):
        access.allowed_levels("rahasia")


def test_the_public_can_never_hold_a_higher_ceiling():
    assert access.PUBLIC.ceiling == access.PUBLIC_CEILING == "TERBUKA"
    with pytest.raises(ValueError, match="cannot have ceiling"):
        Caller("public", "TERBATAS")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("admin", {"share.create", "user.manage", "report.verify", "data.import", "alert.ack"}),
        ("analyst", {"share.create", "report.verify", "data.import", "alert.ack"}),
        ("posko", {"report.create", "report.progress"}),
        ("partner", {"view", "export"}),
        ("public", {"view", "export"}),
    ],
)
def test_the_permission_matrix(role, allowed):
    caller = Caller(role, access.DEFAULT_CEILINGS[role], "x")
    granted = {action for action in access.ACTIONS if access.can(caller, action)}
    assert allowed <= granted
    if role in ("partner", "public"):
        assert granted == {"view", "export"}
        assert caller.read_only
    if role != "admin":
        assert "user.manage" not in granted
    if role == "posko":
        assert not granted & {"report.verify", "share.create", "alert.ack", "data.import"}


def test_a_refused_action_names_the_role_and_the_action():
    with pytest.raises(DataProblem, match="Mitra \\(tautan berbagi\\) tidak boleh membuat tautan berbagi"):
        access.require(Caller("partner", "TERBATAS", "link:1"), "share.create")
    with pytest.raises(ValueError, match="action must be one of"):
        access.can(ANALYST, "delete.everything")


def test_passwords_are_hashed_with_argon2_and_salted():
    first, second = access.hash_password("kuda-laut-merah"), access.hash_password("kuda-laut-merah")
    assert first.startswith("$argon2id$")
    assert first != second
    assert "kuda-laut-merah" not in first
    assert access.verify_password(first, "kuda-laut-merah")
    assert not access.verify_password(first, "kuda-laut-biru")
    assert not access.verify_password(None, "kuda-laut-merah")
    assert not access.verify_password("not a hash", "kuda-laut-merah")


def test_an_admin_creates_an_account_that_can_sign_in(engine):
    name = store.create_user(
        engine,
        username="Op.Buleleng",
        display_name="Operator Buleleng",
        role="posko",
        password="sembilan-huruf-lagi",
        actor=ADMIN,
    )
    assert name == "op.buleleng"
    caller = store.authenticate(engine, "op.buleleng", "sembilan-huruf-lagi")
    assert caller == Caller("posko", "TERBATAS", "op.buleleng", "Operator Buleleng")
    with engine.connect() as conn:
        stored = conn.execute(sa.select(store.users.c.password_hash)).scalar()
    assert stored.startswith("$argon2id$")
    assert "sembilan" not in stored
    assert "password_hash" not in store.list_users(engine, actor=ADMIN).columns


def test_a_wrong_password_and_an_unknown_user_get_the_same_message(engine):
    store.create_user(
        engine, username="ana", display_name="Ana", role="analyst", password="panjang-sekali-1", actor=ADMIN
    )
    with pytest.raises(DataProblem) as wrong:
        store.authenticate(engine, "ana", "salah-sekali-1")
    with pytest.raises(DataProblem) as unknown:
        store.authenticate(engine, "siapa", "panjang-sekali-1")
    assert wrong.value.what == unknown.value.what == "Nama pengguna atau kata sandi salah."


def test_only_an_admin_manages_accounts_and_never_above_their_own_ceiling(engine):
    with pytest.raises(DataProblem, match="Analis tidak boleh mengelola akun"):
        store.create_user(
            engine, username="x1x", display_name="X", role="posko", password="sandi-uji-0123", actor=ANALYST
        )
    limited_admin = Caller("admin", "TERBATAS", "lim", "Limited")
    with pytest.raises(DataProblem, match="sampai RAHASIA"):
        store.create_user(
            engine,
            username="y1y",
            display_name="Y",
            role="analyst",
            password="sandi-uji-0123",
            actor=limited_admin,
        )


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"username": "../admin"}, "tidak dapat dipakai"),
        ({"username": "<script>"}, "tidak dapat dipakai"),
        ({"password": "pendek"}, "10\u2013256 karakter"),
        ({"display_name": "   "}, "wajib diisi"),
        ({"display_name": "x" * 81}, "paling banyak 80"),
    ],
    ids=["path in username", "markup in username", "short password", "empty name", "long name"],
)
def test_bad_account_details_are_refused(engine, changes, words):
    details = {"username": "budi", "display_name": "Budi", "role": "analyst", "password": "0123456789"}
    details.update(changes)
    with pytest.raises(DataProblem, match=words):
        store.create_user(engine, **details, actor=ADMIN)
    assert store.list_users(engine, actor=ADMIN).empty


def test_a_taken_username_and_a_disabled_account_are_said_so(engine):
    details = {"username": "budi", "display_name": "Budi", "role": "analyst", "password": "sandi-uji-0123"}
    store.create_user(engine, **details, actor=ADMIN)
    with pytest.raises(DataProblem, match="sudah dipakai"):
        store.create_user(engine, **details, actor=ADMIN)
    assert store.disable_user(engine, "budi", actor=ADMIN) is True
    with pytest.raises(DataProblem, match="dinonaktifkan"):
        store.authenticate(engine, "budi", "sandi-uji-0123")


def test_an_oidc_identity_gets_the_role_of_its_account_only(engine):
    store.create_user(
        engine,
        username="ana@kesbangpol.baliprov.go.id",
        display_name="Ana",
        role="analyst",
        password="sandi-uji-0123",
        actor=ADMIN,
    )
    assert store.caller_for_identity(engine, "Ana@Kesbangpol.Baliprov.go.id").role == "analyst"
    with pytest.raises(DataProblem, match="belum terdaftar"):
        store.caller_for_identity(engine, "someone@gmail.com")


def test_the_create_admin_command_makes_the_first_admin(tmp_path, monkeypatch, capsys):
    import io

    from scripts import create_admin

    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SINERGI_DB_URL", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("kata-sandi-admin-1\n"))
    assert create_admin.main(["admin", "--name", "Admin Kesbangpol", "--password-stdin"]) == 0
    made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    assert store.has_admin(made)
    assert store.authenticate(made, "admin", "kata-sandi-admin-1").role == "admin"
    made.dispose()
    assert "admin (admin)" in capsys.readouterr().out


# ---------------------------------------------------------------- the kept caller is checked on every run

SECRET = "k3y-for-tests-0123456789-abcdefghijklmnopqrstuvwxyz"


def test_a_revoked_link_stops_granting_at_the_next_check(engine):
    import datetime as dt

    link = store.create_link(
        engine,
        secret=SECRET,
        creator=ANALYST,
        label="KPU Bali",
        ceiling="TERBATAS",
        expires=dt.date.today() + dt.timedelta(days=7),
        view_params={"r": "51.07"},
    )
    partner = store.open_link(engine, link.token, secret=SECRET)
    assert store.recheck_caller(engine, partner) == partner
    store.revoke_link(engine, link.link_id, actor=ANALYST)
    with pytest.raises(DataProblem, match="dicabut|revoked"):
        store.recheck_caller(engine, partner)


def test_a_disabled_account_or_lowered_role_bites_at_the_next_check(engine):
    store.create_user(
        engine,
        username="op.gianyar",
        display_name="Op",
        role="analyst",
        password="sepuluh-huruf-x",
        actor=ADMIN,
    )
    kept = store.authenticate(engine, "op.gianyar", "sepuluh-huruf-x")
    assert store.recheck_caller(engine, kept).role == "analyst"
    with engine.begin() as conn:
        conn.execute(
            store.users.update()
            .where(store.users.c.username == "op.gianyar")
            .values(role="posko", ceiling="TERBATAS")
        )
    lowered = store.recheck_caller(engine, kept)
    assert (lowered.role, lowered.ceiling) == ("posko", "TERBATAS")
    store.disable_user(engine, "op.gianyar", actor=ADMIN)
    with pytest.raises(DataProblem):
        store.recheck_caller(engine, kept)


def test_a_caller_with_no_account_behind_it_is_not_trusted(engine):
    with pytest.raises(DataProblem):
        store.recheck_caller(engine, Caller("admin", "RAHASIA", "made-up", "Forged"))
    assert store.recheck_caller(engine, access.PUBLIC) == access.PUBLIC


@pytest.mark.parametrize(
    "weak",
    [" " * 40, "a" * 64, "ab" * 20, "short-but-varied-123"],
    ids=["all spaces", "one character", "two characters", "too short"],
)
def test_a_weak_signing_key_is_refused_and_the_message_says_how_to_make_one(engine, weak):
    import datetime as dt

    with pytest.raises(DataProblem) as problem:
        store.create_link(
            engine,
            secret=weak,
            creator=ANALYST,
            label="x",
            ceiling="TERBUKA",
            expires=dt.date.today() + dt.timedelta(days=1),
            view_params={},
        )
    assert "secrets.token_urlsafe(48)" in problem.value.fix


def test_the_create_admin_command_refuses_a_common_password(tmp_path, monkeypatch, capsys):
    import io

    from scripts import create_admin

    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SINERGI_DB_URL", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("password1234\n"))
    assert create_admin.main(["admin", "--name", "Admin Kesbangpol", "--password-stdin"]) == 1
    assert "paling sering dipakai" in capsys.readouterr().err


def test_the_link_list_is_shown_with_readable_headers_and_status_and_revocable_only_while_active(engine):
    import datetime as dt

    made = [
        store.create_link(
            engine,
            secret=SECRET,
            creator=ANALYST,
            label=label,
            ceiling="TERBATAS",
            expires=dt.date.today() + dt.timedelta(days=3),
            view_params={},
        )
        for label in ("KPU Bali", "Bawaslu Gianyar")
    ]
    store.revoke_link(engine, made[0].link_id, actor=ANALYST)
    links = store.list_links(engine, actor=ANALYST)
    shown = access.links_display(links, "en")
    assert len(shown) == 2
    assert list(shown.columns[:3]) == ["For", "Level", "Page"]
    assert dict(zip(shown["For"], shown["Status"], strict=True)) == {
        "KPU Bali": "Revoked",
        "Bawaslu Gianyar": "Active",
    }
    assert list(access.revocable(links).values()) == ["Bawaslu Gianyar (TERBATAS)"]
