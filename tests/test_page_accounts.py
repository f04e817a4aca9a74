"""The Akun page: only admins see accounts, locks and the audit trail; an admin lifts a lock there."""

from __future__ import annotations

import datetime as dt

import pytest

from lib import intake, store
from lib.access import Caller
from lib.core.settings import load_settings
from tests.conftest import as_account, open_page

ADMIN = Caller("admin", "RAHASIA", "root.admin", "Admin Kesbangpol")


@pytest.fixture(autouse=True)
def _fresh(fresh_store):
    return fresh_store


def app_engine():
    settings = load_settings()
    return store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))


@pytest.mark.parametrize(("lang", "words"), [("id", "hanya untuk admin"), ("en", "for admins only")])
def test_the_public_is_told_the_page_is_for_admins_and_sees_no_table(lang, words):
    at = open_page("pages/akun.py", {"lang": lang})
    assert not at.exception
    assert any(words in i.value for i in at.info)
    assert len(at.dataframe) == 0


def test_an_admin_sees_the_failed_sign_ins_unlocks_the_account_and_the_audit_keeps_it(monkeypatch):
    engine = app_engine()
    store.create_user(
        engine,
        username="op.bangli",
        display_name="Op",
        role="posko",
        password="kopi-bangli-pagi",
        actor=ADMIN,
    )
    start = dt.datetime.now(dt.UTC)
    for i in range(5):
        with pytest.raises(Exception, match="salah"):
            store.authenticate(  # two minutes apart, ending a minute ago: the lock is still on
                engine,
                "op.bangli",
                f"salah-{i}-xx",
                client="10.1.1.1",
                now=start - dt.timedelta(minutes=8 - 2 * i),
            )
    engine.dispose()
    at = open_page("pages/akun.py")
    at.session_state["_caller"] = as_account(ADMIN)
    at.run()
    assert not at.exception
    users, locks, audit = (frame.value for frame in at.dataframe)  # in page order
    assert "account:op.bangli" in set(locks.iloc[:, 0])
    assert "op.bangli" in set(users["Nama pengguna"])
    assert (audit["Tindakan"] == "gagal masuk").sum() == 5
    assert (audit["Tindakan"] == "dikunci").sum() >= 1
    at.button(key="unlock_account:op.bangli").click().run()
    assert not at.exception
    engine = app_engine()
    assert (
        store.authenticate(engine, "op.bangli", "kopi-bangli-pagi", client="10.1.1.2").user_id == "op.bangli"
    )
    engine.dispose()
    at.run()
    audit = at.dataframe[-1].value
    assert "kunci dibuka" in set(audit["Tindakan"])
    assert "masuk" in set(audit["Tindakan"])


def test_every_table_download_is_audited_with_who_and_at_which_ceiling(monkeypatch):
    from streamlit.runtime.media_file_manager import MediaFileManager

    deferred = MediaFileManager.add_deferred

    def click_now(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name and file_name.endswith(".xlsx"):
            data_callable()  # what a click on the download button runs
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", click_now)
    analyst = Caller("analyst", "TERBATAS", "ana.unduh", "Ana")
    at = open_page("pages/riwayat_konflik.py")
    at.session_state["_caller"] = as_account(analyst)
    at.run()
    assert not at.exception
    engine = app_engine()
    trail = store.read_audit(engine, actor=ADMIN)
    engine.dispose()
    exports = trail[trail["action"] == "export"]
    assert not exports.empty
    pairs = set(zip(exports["who"], exports["detail"], strict=True))  # the first run was the public's
    assert pairs == {("public", "ceiling TERBUKA"), ("ana.unduh", "ceiling TERBATAS")}
    assert all(str(name).endswith(".xlsx") for name in exports["target"])
