"""Share links: signed tokens, expiry, revocation, and no way to raise the ceiling from the URL."""

import base64
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from lib import access, store
from lib.access import PUBLIC, Caller
from lib.core.problems import DataProblem

SECRET = "kQ7-test-secret-not-for-use-x9ZbW2"
"""Long and varied enough for lib.access.secret_is_strong (not a key for any deployment)."""
ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
NOW = dt.datetime(2024, 11, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def engine(tmp_path):
    made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    store.migrate(made)
    yield made
    made.dispose()


def make(engine, **changes):
    details = {
        "secret": SECRET,
        "creator": ANALYST,
        "label": "KPU Bali, sampai 30 Nov",
        "ceiling": "TERBATAS",
        "expires": dt.date(2024, 11, 30),
        "view_params": {"r": "51.07", "per": "election"},
        "page": "peta",
        "now": NOW,
    }
    details.update(changes)
    return store.create_link(engine, **details)


def test_a_link_opens_as_a_read_only_partner_at_its_ceiling(engine):
    link = make(engine)
    caller = store.open_link(engine, link.token, secret=SECRET, now=NOW)
    assert caller == Caller("partner", "TERBATAS", f"link:{link.link_id}", "KPU Bali, sampai 30 Nov")
    assert caller.read_only
    listed = store.list_links(engine, actor=ANALYST, now=NOW).iloc[0]
    assert (listed["use_count"], listed["status"], listed["created_by"]) == (1, "active", "ana")
    assert listed["expires_at"].isoformat() == "2024-11-30T23:59:59+08:00"
    assert json.loads(listed["view_params"]) == {"per": "election", "r": "51.07"}


def test_no_link_is_made_without_a_secret_and_the_message_says_how_to_set_one(engine):
    for secret in (None, "", "too-short"):
        with pytest.raises(DataProblem, match="kunci rahasia Sinergi belum diatur") as problem:
            make(engine, secret=secret)
        assert "SINERGI_SECRET_KEY" in problem.value.fix
        assert "secret_key" in problem.value.fix
    assert store.list_links(engine, actor=ANALYST).empty


def test_a_forged_token_is_refused(engine):
    make(engine)
    forged = access.sign_token("another-secret-" * 3, link_id="abc", ceiling="RAHASIA", expires_at=NOW)
    with pytest.raises(DataProblem, match="tidak sah"):
        store.open_link(engine, forged, secret=SECRET, now=NOW)


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "x" * 500, "\u00e9.\u00e9", "e30.AAAA"])
def test_garbage_tokens_are_refused_with_the_same_message(engine, garbage):
    with pytest.raises(DataProblem, match="tidak sah"):
        store.open_link(engine, garbage, secret=SECRET, now=NOW)


def test_a_tampered_ceiling_breaks_the_signature(engine):
    link = make(engine)
    payload, signature = link.token.split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    body["c"] = "RAHASIA"
    raised = base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).rstrip(b"=").decode()
    with pytest.raises(DataProblem, match="tidak sah"):
        store.open_link(engine, f"{raised}.{signature}", secret=SECRET, now=NOW)


def test_an_expired_link_is_refused(engine):
    link = make(engine)
    after = dt.datetime(2024, 12, 1, 0, 0, tzinfo=dt.UTC)
    with pytest.raises(DataProblem, match="kedaluwarsa"):
        store.open_link(engine, link.token, secret=SECRET, now=after)


def test_a_revoked_link_is_refused_at_once(engine):
    link = make(engine)
    assert store.revoke_link(engine, link.link_id, actor=ANALYST) is True
    assert store.revoke_link(engine, link.link_id, actor=ANALYST) is False
    with pytest.raises(DataProblem, match="dicabut"):
        store.open_link(engine, link.token, secret=SECRET, now=NOW)
    assert store.list_links(engine, actor=ANALYST, now=NOW).iloc[0]["status"] == "revoked"


def test_url_parameters_cannot_raise_the_ceiling(engine):
    link = make(engine)
    params = {"token": link.token, "ceiling": "RAHASIA", "role": "admin", "c": "RAHASIA"}
    caller = store.caller_from_params(engine, params, secret=SECRET, now=NOW)
    assert (caller.role, caller.ceiling) == ("partner", "TERBATAS")
    assert store.caller_from_params(engine, {"ceiling": "RAHASIA"}, secret=SECRET, now=NOW) == PUBLIC


def test_the_lower_of_token_and_stored_ceiling_wins(engine):
    link = make(engine, ceiling="RAHASIA")
    with engine.begin() as conn:  # an admin lowered the link after sending it
        conn.execute(store.share_links.update().values(ceiling="TERBUKA"))
    assert store.open_link(engine, link.token, secret=SECRET, now=NOW).ceiling == "TERBUKA"


def test_a_token_signed_for_a_higher_ceiling_than_stored_gets_the_stored_one(engine):
    link = make(engine, ceiling="TERBATAS")
    higher = access.sign_token(SECRET, link_id=link.link_id, ceiling="RAHASIA", expires_at=link.expires_at)
    assert store.open_link(engine, higher, secret=SECRET, now=NOW).ceiling == "TERBATAS"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"ceiling": "RAHASIA", "creator": Caller("analyst", "TERBATAS", "b")}, "akses Anda sendiri"),
        ({"creator": Caller("posko", "TERBATAS", "op")}, "Operator Posko tidak boleh membuat tautan"),
        ({"creator": Caller("partner", "TERBATAS", "link:x")}, "tidak boleh membuat tautan"),
        ({"label": "  "}, "Keterangan tautan wajib diisi"),
        ({"expires": dt.date(2024, 11, 1)}, "sudah lewat"),
        ({"expires": dt.date(2025, 6, 1)}, "terlalu jauh"),
    ],
    ids=["above own ceiling", "operator", "partner", "no label", "past expiry", "far expiry"],
)
def test_links_that_must_not_exist_are_refused(engine, changes, words):
    with pytest.raises(DataProblem, match=words):
        make(engine, **changes)
    assert store.list_links(engine, actor=ANALYST).empty


def test_the_share_url_carries_the_view_and_the_token():
    url = access.share_url("https://sinergi.example/peta", {"r": "51.07", "token": "old"}, "abc.def")
    assert url == "https://sinergi.example/peta?r=51.07&token=abc.def"


@settings(max_examples=200, deadline=None)
@given(hst.text(max_size=120))
def test_any_text_as_a_token_is_refused_as_a_problem_never_a_crash(text):
    with pytest.raises(DataProblem, match="tidak sah"):
        access.read_token(text, secret=SECRET)
