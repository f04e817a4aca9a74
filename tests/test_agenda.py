"""Meeting agendas in lib and the store (SQLite, PostgreSQL): views in order, copies, levels, who reads."""

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from lib import access, agenda, intake, store
from lib.access import Caller
from lib.core.problems import DataProblem
from tests.conftest import DATA_DIR, postgres_engine

ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
LIMITED = Caller("analyst", "TERBATAS", "budi", "Budi")
SECRET = "x7Qp-2mZ_kT9vR4sW8yB1nC6dF3gH5jL0aE"
NOW = dt.datetime.now(dt.UTC)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle():
    return intake.load_bundle(DATA_DIR)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path, bundle):
    if request.param == "sqlite":
        made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    else:
        made = postgres_engine()
    store.migrate(made)
    store.seed(made, bundle)
    yield made
    made.dispose()


def _three_views(engine) -> str:
    agenda_id = store.create_agenda(engine, title="Rapat koordinasi 25/11", actor=ANALYST)
    for page, params, title in [
        ("ringkasan", {}, "Ringkasan"),
        ("peta", {"r": "51.08", "lay": "events,posko"}, "Peta Buleleng"),
        ("riwayat_konflik", {"per": "2024-09-01~2024-12-31", "token": "abc.def"}, "Riwayat"),
    ]:
        store.add_item(engine, agenda_id, page=page, view_params=params, title=title, actor=ANALYST)
    return agenda_id


def _secret_event(engine) -> None:
    row = store.read_events(engine, ceiling="TERBUKA").iloc[0].to_dict()
    row.update(
        id="rahasia-1", classification="RAHASIA", description="rahasia", created_at=NOW, created_by="t"
    )
    columns = {c.name for c in store.events.columns}
    with engine.begin() as conn:
        conn.execute(store.events.insert().values(**{k: v for k, v in row.items() if k in columns}))
        store.bump_revision(conn)


def test_views_keep_their_page_params_and_order(engine):
    agenda_id = _three_views(engine)
    shown = store.read_agenda(engine, agenda_id, actor=ANALYST)
    assert shown.title == "Rapat koordinasi 25/11"
    assert [i.page for i in shown.items] == ["ringkasan", "peta", "riwayat_konflik"]
    assert shown.items[1].params == {"lay": "events,posko", "r": "51.08"}
    assert shown.items[2].params == {"per": "2024-09-01~2024-12-31"}  # a share token is never kept


def test_views_move_up_and_down_and_close_up_when_removed(engine):
    agenda_id = _three_views(engine)
    first, second, third = (i.item_id for i in store.read_agenda(engine, agenda_id, actor=ANALYST).items)
    store.move_item(engine, third, -1, actor=ANALYST)
    assert [i.item_id for i in store.read_agenda(engine, agenda_id, actor=ANALYST).items] == [
        first,
        third,
        second,
    ]
    store.move_item(engine, first, -1, actor=ANALYST)  # at the top it stays
    store.move_item(engine, first, 1, actor=ANALYST)
    assert [i.item_id for i in store.read_agenda(engine, agenda_id, actor=ANALYST).items] == [
        third,
        first,
        second,
    ]
    store.remove_item(engine, first, actor=ANALYST)
    store.move_item(engine, second, -1, actor=ANALYST)
    assert [i.item_id for i in store.read_agenda(engine, agenda_id, actor=ANALYST).items] == [second, third]


def test_a_view_is_edited(engine):
    agenda_id = _three_views(engine)
    item = store.read_agenda(engine, agenda_id, actor=ANALYST).items[0]
    store.update_item(
        engine,
        item.item_id,
        title="  Ringkasan  minggu ini ",
        note="Bahas DPT",
        classification="TERBATAS",
        actor=ANALYST,
    )
    edited = store.read_agenda(engine, agenda_id, actor=ANALYST).items[0]
    assert (edited.title, edited.note, edited.classification) == (
        "Ringkasan minggu ini",
        "Bahas DPT",
        "TERBATAS",
    )


def test_a_copy_for_next_week_has_a_new_title_and_the_same_views(engine):
    agenda_id = _three_views(engine)
    copy_id = store.copy_agenda(engine, agenda_id, title="Rapat koordinasi 2/12", actor=ANALYST)
    original = store.read_agenda(engine, agenda_id, actor=ANALYST)
    copy = store.read_agenda(engine, copy_id, actor=ANALYST)
    assert copy_id != agenda_id
    assert copy.title == "Rapat koordinasi 2/12"
    assert [(i.page, i.params, i.title) for i in copy.items] == [
        (i.page, i.params, i.title) for i in original.items
    ]
    store.remove_item(engine, copy.items[0].item_id, actor=ANALYST)  # the copy is its own
    assert len(store.read_agenda(engine, agenda_id, actor=ANALYST).items) == 3
    listed = store.list_agendas(engine, actor=ANALYST)
    assert set(listed["title"]) == {"Rapat koordinasi 25/11", "Rapat koordinasi 2/12"}
    assert dict(zip(listed["title"], listed["views"], strict=True)) == {
        "Rapat koordinasi 25/11": 3,
        "Rapat koordinasi 2/12": 2,
    }


def test_every_write_bumps_the_revision_and_leaves_an_audit_row(engine):
    before = store.revision(engine)
    agenda_id = _three_views(engine)
    item = store.read_agenda(engine, agenda_id, actor=ANALYST).items[0]
    store.move_item(engine, item.item_id, 1, actor=ANALYST)
    store.copy_agenda(engine, agenda_id, title="Salinan", actor=ANALYST)
    assert store.revision(engine) == before + 6
    admin = Caller("admin", "RAHASIA", "root")
    actions = list(store.read_audit(engine, actor=admin)["action"])
    assert actions[:3] == ["agenda.copy", "agenda.item.move", "agenda.item.add"]
    assert actions.count("agenda.item.add") == 3


def test_the_level_is_the_highest_of_what_the_agenda_shows_never_less(engine):
    agenda_id = _three_views(engine)
    assert store.read_agenda(engine, agenda_id, actor=ANALYST).classification == "TERBUKA"
    _secret_event(engine)  # the pages of this agenda draw on events: one is RAHASIA now
    assert store.read_agenda(engine, agenda_id, actor=ANALYST).classification == "RAHASIA"
    assert store.list_agendas(engine, actor=ANALYST)["classification"].tolist() == ["RAHASIA"]
    with pytest.raises(DataProblem, match="tidak dapat diturunkan ke TERBATAS"):
        store.set_level(engine, agenda_id, "TERBATAS", actor=ANALYST)
    store.set_level(engine, agenda_id, "RAHASIA", actor=ANALYST)  # raising to what it shows is fine
    # a reader at TERBATAS reads the agenda as it shows to them, and not above their ceiling
    assert store.read_agenda(engine, agenda_id, actor=LIMITED).classification == "TERBATAS"


def test_the_creator_may_raise_the_level_of_an_open_agenda(engine):
    agenda_id = store.create_agenda(engine, title="Institusi", actor=ANALYST)
    store.add_item(
        engine, agenda_id, page="pemangku_kepentingan", view_params={}, title="Jejaring", actor=ANALYST
    )
    assert store.read_agenda(engine, agenda_id, actor=ANALYST).classification == "TERBUKA"
    store.set_level(engine, agenda_id, "TERBATAS", actor=ANALYST)
    assert store.read_agenda(engine, agenda_id, actor=ANALYST).classification == "TERBATAS"
    with pytest.raises(DataProblem, match="tidak dapat diturunkan"):
        store.set_level(engine, agenda_id, "TERBUKA", actor=ANALYST)  # it shows TERBATAS now: its own level


def test_a_note_above_the_readers_ceiling_reads_as_the_page_name(engine):
    agenda_id = store.create_agenda(engine, title="Rapat", actor=ANALYST)
    store.add_item(
        engine,
        agenda_id,
        page="peta",
        view_params={"r": "51.08"},
        title="Informan Seririt",
        note="sumber rahasia",
        classification="RAHASIA",
        actor=ANALYST,
    )
    (seen,) = store.read_agenda(engine, agenda_id, actor=LIMITED).items
    assert (seen.title, seen.note, seen.hidden) == ("Peta", "", True)
    (own,) = store.read_agenda(engine, agenda_id, actor=ANALYST).items
    assert own.title == "Informan Seririt"
    with pytest.raises(DataProblem):  # nobody writes a note above their own ceiling
        store.add_item(
            engine, agenda_id, page="peta", view_params={}, title="x", classification="RAHASIA", actor=LIMITED
        )


def _link(engine, agenda_id, ceiling="TERBATAS"):
    return store.create_link(
        engine,
        secret=SECRET,
        creator=ANALYST,
        label="KPU Bali",
        ceiling=ceiling,
        expires=NOW + dt.timedelta(days=3),
        view_params={},
        page="agenda",
        agenda_id=agenda_id,
    )


def test_a_partner_reads_only_the_agenda_of_their_link_and_edits_nothing(engine):
    agenda_id = _three_views(engine)
    other = store.create_agenda(engine, title="Lain", actor=ANALYST)
    link = _link(engine, agenda_id)
    partner = store.open_link(engine, link.token, secret=SECRET)
    assert (partner.role, partner.ceiling) == ("partner", "TERBATAS")
    assert store.agenda_of(engine, partner) == agenda_id
    assert len(store.read_agenda(engine, agenda_id, actor=partner).items) == 3
    with pytest.raises(DataProblem):
        store.read_agenda(engine, other, actor=partner)
    with pytest.raises(DataProblem):
        store.list_agendas(engine, actor=partner)
    item = store.read_agenda(engine, agenda_id, actor=partner).items[0]
    writes = [
        lambda: store.add_item(engine, agenda_id, page="peta", view_params={}, title="x", actor=partner),
        lambda: store.update_item(
            engine, item.item_id, title="x", note="", classification="TERBUKA", actor=partner
        ),
        lambda: store.remove_item(engine, item.item_id, actor=partner),
        lambda: store.move_item(engine, item.item_id, 1, actor=partner),
        lambda: store.copy_agenda(engine, agenda_id, title="x", actor=partner),
        lambda: store.set_level(engine, agenda_id, "RAHASIA", actor=partner),
        lambda: store.rename_agenda(engine, agenda_id, "x", actor=partner),
        lambda: store.create_agenda(engine, title="x", actor=partner),
    ]
    for write in writes:
        with pytest.raises(DataProblem, match="Mitra"):
            write()
    assert [i.title for i in store.read_agenda(engine, agenda_id, actor=ANALYST).items] == [
        "Ringkasan",
        "Peta Buleleng",
        "Riwayat",
    ]
    store.revoke_link(engine, link.link_id, actor=ANALYST)
    with pytest.raises(DataProblem):
        store.read_agenda(engine, agenda_id, actor=partner)


def test_a_single_page_link_opens_no_agenda(engine):
    agenda_id = _three_views(engine)
    link = store.create_link(
        engine,
        secret=SECRET,
        creator=ANALYST,
        label="KPU",
        ceiling="TERBATAS",
        expires=NOW + dt.timedelta(days=3),
        view_params={"r": "51.08"},
    )
    partner = store.open_link(engine, link.token, secret=SECRET)
    assert store.agenda_of(engine, partner) is None
    with pytest.raises(DataProblem):
        store.read_agenda(engine, agenda_id, actor=partner)
    with pytest.raises(DataProblem, match="tidak ada"):
        _link(engine, "tidak-ada")


def test_bad_input_is_refused_with_a_message(engine):
    agenda_id = store.create_agenda(engine, title="Rapat", actor=ANALYST)
    with pytest.raises(DataProblem, match="Judul agenda kosong"):
        store.create_agenda(engine, title="   ", actor=ANALYST)
    with pytest.raises(DataProblem, match="tidak dapat masuk agenda"):
        store.add_item(engine, agenda_id, page="akun", view_params={}, title="Akun", actor=ANALYST)
    with pytest.raises(DataProblem, match="more than|longer than"):
        store.add_item(
            engine, agenda_id, page="peta", view_params={}, title="x" * 200, actor=ANALYST, lang="en"
        )
    with pytest.raises(DataProblem, match="tidak ada"):
        store.add_item(engine, "hilang", page="peta", view_params={}, title="x", actor=ANALYST)
    with pytest.raises(DataProblem, match="Publik"):
        store.create_agenda(engine, title="x", actor=access.PUBLIC)


def test_older_stores_get_the_agenda_tables_and_the_link_column(tmp_path):
    engine = store.make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE share_links (id VARCHAR(24) PRIMARY KEY)"))
    steps = dict((version, step) for version, _, step in store.MIGRATIONS)
    with engine.begin() as conn:
        steps[7](conn)
        tables = set(sa.inspect(conn).get_table_names())
        columns = {c["name"] for c in sa.inspect(conn).get_columns("share_links")}
    assert {"agendas", "agenda_items"} <= tables
    assert "agenda_id" in columns
    engine.dispose()


@pytest.mark.parametrize(
    ("today", "week", "month"),
    [
        (dt.date(2024, 11, 20), dt.date(2024, 11, 24), dt.date(2024, 11, 30)),  # a Wednesday
        (dt.date(2024, 11, 24), dt.date(2024, 11, 24), dt.date(2024, 11, 30)),  # Sunday: today
        (dt.date(2024, 12, 31), dt.date(2025, 1, 5), dt.date(2024, 12, 31)),
        (dt.date(2024, 2, 10), dt.date(2024, 2, 11), dt.date(2024, 2, 29)),
    ],
)
def test_expiry_presets_end_the_week_and_the_month(today, week, month):
    presets = access.expiry_presets(today)
    assert presets["week"] == (week, "")
    assert presets["month"] == (month, "")
    assert "stage" not in presets


def test_the_stage_preset_is_the_soonest_end_of_a_stage_under_way():
    stages = [
        ("Kampanye", dt.date(2024, 9, 25), dt.date(2024, 11, 23)),
        ("Pembentukan KPPS", dt.date(2024, 4, 17), dt.date(2024, 11, 5)),
        ("Rekapitulasi", dt.date(2024, 11, 28), dt.date(2024, 12, 16)),
    ]
    assert access.expiry_presets(dt.date(2024, 11, 1), stages)["stage"] == (
        dt.date(2024, 11, 5),
        "Pembentukan KPPS",
    )
    assert access.expiry_presets(dt.date(2024, 11, 20), stages)["stage"] == (
        dt.date(2024, 11, 23),
        "Kampanye",
    )
    assert "stage" not in access.expiry_presets(dt.date(2024, 11, 26), stages)
    far = [("Panjang", dt.date(2024, 1, 1), dt.date(2025, 12, 31))]
    assert "stage" not in access.expiry_presets(dt.date(2024, 11, 1), far)  # past the longest link


def test_a_preset_day_ends_at_midnight_bali_time():
    row, _ = access.new_link(
        secret=SECRET,
        creator=ANALYST,
        label="KPU",
        ceiling="TERBATAS",
        expires=dt.date(2024, 11, 24),
        view_params={},
        page="agenda",
        now=dt.datetime(2024, 11, 20, tzinfo=dt.UTC),
    )
    assert row["expires_at"] == dt.datetime(2024, 11, 24, 15, 59, 59, tzinfo=dt.UTC)  # 23:59:59 WITA


def test_moving_clamps_at_the_ends_and_levels_never_drop():
    assert agenda.moved([1, 2, 3], 1, -5) == [1, 2, 3]
    assert agenda.moved([1, 2, 3], 3, -5) == [3, 1, 2]
    assert agenda.agenda_level("TERBUKA", [], ["TERBUKA", "RAHASIA"], "RAHASIA") == "RAHASIA"
    assert agenda.agenda_level("TERBATAS", ["TERBUKA"], [], "RAHASIA") == "TERBATAS"
    with pytest.raises(DataProblem):
        agenda.check_floor("TERBUKA", "TERBATAS")
    assert agenda.read_params('{"r": "51.08", "token": "x", "evil": "1"}') == {"r": "51.08"}
    assert agenda.read_params("not json") == {}


def _secret_pair(engine) -> None:
    pair = {
        "pair_id": "rahasia-pair",
        "election_id": "pilkada-2024-bali",
        "contest": "Pilbup Buleleng",
        "head": "Calon rahasia",
        "deputy": "Wakil",
        "source": "https://x.example",
        "classification": "RAHASIA",
        "origin": "test",
    }
    with engine.begin() as conn:
        conn.execute(store.candidate_pairs.insert().values(**pair))
        store.bump_revision(conn)


def test_kekuatan_politik_is_a_view_whose_level_follows_the_political_forces(engine):
    agenda_id = store.create_agenda(engine, title="Kekuatan", actor=ANALYST)
    store.add_item(
        engine,
        agenda_id,
        page="kekuatan_politik",
        view_params={"r": "51.08", "e": "pilkada-2024-bali", "token": "abc"},
        title="Kekuatan Buleleng",
        actor=ANALYST,
    )
    (item,) = store.read_agenda(engine, agenda_id, actor=ANALYST).items
    assert (item.page, item.params) == ("kekuatan_politik", {"e": "pilkada-2024-bali", "r": "51.08"})
    assert agenda.as_seen(item, "TERBUKA", "en").title == "Kekuatan Buleleng"
    assert store.read_agenda(engine, agenda_id, actor=ANALYST).classification == "TERBUKA"
    _secret_pair(engine)  # the page draws on the candidate pairs: one is RAHASIA now
    assert store.read_agenda(engine, agenda_id, actor=ANALYST).classification == "RAHASIA"
    # a reader at TERBATAS never sees that pair: the agenda shows them open rows only
    assert store.read_agenda(engine, agenda_id, actor=LIMITED).classification == "TERBUKA"
    other = store.create_agenda(engine, title="Peta saja", actor=ANALYST)
    store.add_item(engine, other, page="peta", view_params={}, title="Peta", actor=ANALYST)
    assert store.read_agenda(engine, other, actor=ANALYST).classification == "TERBUKA"  # pairs not drawn on


def test_every_agenda_page_is_a_page_of_the_app_that_the_briefing_can_print():
    from lib.ui import briefing as ui_briefing

    assert set(agenda.AGENDA_PAGES) == set(agenda.PAGE_SOURCES)
    assert set(agenda.AGENDA_PAGES) == set(ui_briefing.BUILDERS)
    assert agenda.check_view("kekuatan_politik", {"r": "51.08"}) == {"r": "51.08"}
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    for page in agenda.AGENDA_PAGES:
        assert f'"pages/{page}.py"' in app
        assert f'"{page}", ":material/' in app  # the URL path the navigation gives the page
