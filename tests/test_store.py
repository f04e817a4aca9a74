"""The store on SQLite and on the real PostgreSQL (never silently skipped in CI)."""

import pandas as pd
import pytest
import sqlalchemy as sa

from lib import intake, store
from tests.conftest import DATA_DIR, postgres_engine


@pytest.fixture(scope="module")
def bundle():
    return intake.load_bundle(DATA_DIR)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    else:
        made = postgres_engine()
    yield made
    made.dispose()


def test_migrations_run_once_and_record_the_version(engine):
    assert store.current_version(engine) == 0
    assert store.migrate(engine) == [version for version, _, _ in store.MIGRATIONS]
    assert store.migrate(engine) == []
    assert store.current_version(engine) == store.SCHEMA_VERSION


def test_seeding_twice_stores_the_bundle_once(engine, bundle):
    store.migrate(engine)
    first = store.seed(engine, bundle)
    assert first["events"] == len(bundle.events) == 51
    assert first["regions"] == 10
    again = store.seed(engine, bundle)
    assert set(again.values()) == {0}
    assert len(store.read_events(engine, ceiling="RAHASIA")) == 51


def test_unknown_figures_stay_unknown_not_zero(engine, bundle):
    store.migrate(engine)
    store.seed(engine, bundle)
    figures = store.read_table(engine, store.election_figures).set_index("region_code")
    assert pd.isna(figures.loc["51.03", "n_tps"])  # Badung: not found in the sources
    assert figures.loc["51.08", "n_tps"] == 1173
    assert figures.loc["51", "dpt"] == 3_283_893


def test_importing_the_same_rows_twice_changes_nothing(engine, bundle):
    store.migrate(engine)
    store.seed(engine, bundle)
    fresh = bundle.events.head(2).assign(
        id=["imp-aaaaaaaaaaaa", "imp-bbbbbbbbbbbb"], origin="import:test.xlsx", classification="TERBUKA"
    )
    rev = store.revision(engine)
    first = store.save_events(engine, fresh, actor="tester")
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    assert store.revision(engine) == rev + 1
    second = store.save_events(engine, fresh, actor="tester")
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert store.revision(engine) == rev + 1
    assert len(store.read_events(engine, ceiling="TERBUKA")) == 53


def test_an_import_never_overwrites_a_bundled_fact(engine, bundle):
    store.migrate(engine)
    store.seed(engine, bundle)
    forged = bundle.events.head(1).assign(description="changed", origin="import:x.csv")
    outcome = store.save_events(engine, forged, actor="tester")
    assert outcome.protected == 1
    stored = store.read_events(engine, ceiling="TERBUKA").set_index("id")
    assert stored.loc["bali-001", "description"] == bundle.events.iloc[0]["description"]


def test_reads_are_limited_by_the_caller_ceiling(engine, bundle):
    store.migrate(engine)
    store.seed(engine, bundle)
    secret = bundle.events.head(1).assign(
        id="imp-secret00000", classification="RAHASIA", origin="import:s.csv"
    )
    store.save_events(engine, secret, actor="tester")
    assert "imp-secret00000" not in set(store.read_events(engine, ceiling="TERBATAS")["id"])
    assert "imp-secret00000" in set(store.read_events(engine, ceiling="RAHASIA")["id"])


def test_links_to_unknown_institutions_are_refused_and_nothing_changes(engine, bundle):
    from lib.core.problems import DataProblem

    store.migrate(engine)
    store.seed(engine, bundle)
    before = store.read_links(engine, ceiling="RAHASIA")
    bad = bundle.links.head(1).assign(target_id="no-such-office")
    with pytest.raises(DataProblem, match="no-such-office"):
        store.save_links(engine, bad, origin="import:links.csv")
    pd.testing.assert_frame_equal(store.read_links(engine, ceiling="RAHASIA"), before)


def test_sqlite_store_runs_in_wal_mode(tmp_path, bundle):
    engine = store.open_store(f"sqlite:///{tmp_path / 'var' / 'sinergi.db'}", bundle)
    with engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
    assert (tmp_path / "var" / "sinergi.db").exists()


def test_an_unreachable_database_is_a_problem_the_user_can_fix(bundle):
    from lib.core.problems import DataProblem

    with pytest.raises(DataProblem, match="SINERGI_DB_URL"):
        store.open_store("postgresql+psycopg://nobody@127.0.0.1:1/none", bundle)


def test_entered_indicator_values_are_seeded_with_their_sources(engine, bundle):
    store.migrate(engine)
    store.seed(engine, bundle)
    values = store.read_indicator_values(engine)
    assert len(values) == len(bundle.indicator_values)
    assert values["source"].notna().all()
    buleleng = values[(values["region_code"] == "51.08") & (values["key"] == "tps_rawan")]
    assert round(float(buleleng["value"].iloc[0]), 4) == round(381 / 1173, 4)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("id", "Basis data Sinergi tidak dapat dibuka"), ("en", "Sinergi's database cannot be opened")],
)
def test_an_unreachable_database_is_said_in_the_callers_language(bundle, lang, words):
    from lib.core.problems import DataProblem

    with pytest.raises(DataProblem) as caught:
        store.open_store("postgresql+psycopg://nobody@127.0.0.1:1/none", bundle, lang=lang)
    assert words in caught.value.what
    assert "SINERGI_DB_URL" in caught.value.fix


def test_links_to_unknown_institutions_are_refused_in_english(tmp_path, bundle):
    from lib.core.problems import DataProblem

    engine = store.open_store(f"sqlite:///{tmp_path / 's.db'}", bundle)
    links = bundle.links.head(1).assign(source_id="nobody-here")
    with pytest.raises(DataProblem, match="not stored yet: nobody-here"):
        store.save_links(engine, links, origin="test", lang="en")
    engine.dispose()


def test_migrations_are_numbered_in_the_order_they_run():
    # Four steps written side by side (sessions, agendas, queue, forces) once sat as 7, 8, 9, 6:
    # a store is upgraded in list order, so the numbers must say that order.
    versions = [version for version, _, _ in store.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
