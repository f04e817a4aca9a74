"""Every bundled text a user reads exists in Indonesian and English, and the screen shows one.

The bundled files hold each text twice (``c`` Indonesian, ``c_en`` English); the store keeps both;
imported and Posko text stays as written. These tests read the real files in ``data/``.
"""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
import sqlalchemy as sa

from lib import intake, store
from lib.core import bilingual
from lib.core.problems import DataProblem
from tests.conftest import DATA_DIR, postgres_engine

_INDONESIAN = {"yang", "dan", "di", "dari", "dengan", "untuk", "pada", "ke", "tidak", "ini", "oleh", "atau"}
_ENGLISH = {"the", "and", "of", "to", "in", "was", "with", "for", "by", "not", "is", "or", "on", "a"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _share(text: str, vocabulary: set[str]) -> float:
    words = _words(text)
    return sum(w in vocabulary for w in words) / max(len(words), 1)


def _bundled_texts():
    for name, (keys, texts) in intake.BUNDLED_TEXTS.items():
        frame = pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False)
        for _, row in frame.iterrows():
            for column in texts:
                yield name, tuple(row[k] for k in keys), column, row[column], row[f"{column}_en"]


BUNDLED = list(_bundled_texts())


def test_every_bundled_text_has_both_languages():
    lacking = [(n, k, c) for n, k, c, indonesian, english in BUNDLED if bool(indonesian) != bool(english)]
    assert lacking == []
    assert len([b for b in BUNDLED if b[3]]) > 500  # the check covers the real texts, not an empty list


@pytest.mark.parametrize(
    ("name", "key", "column", "indonesian", "english"), [b for b in BUNDLED if len(b[3]) > 60]
)
def test_long_texts_are_written_in_their_own_language(name, key, column, indonesian, english):
    # A sentence is told by its little words; names and quotes are the same in both, so only
    # prose of some length is judged, and it must lean to its own language.
    assert indonesian != english, f"{name} {key} {column}: the Indonesian text is the English one"
    assert _share(indonesian, _INDONESIAN) > _share(indonesian, _ENGLISH), f"{name} {key} {column} (id)"
    assert _share(english, _ENGLISH) > _share(english, _INDONESIAN), f"{name} {key} {column} (en)"


def test_no_bundled_source_is_a_file_of_ours():
    for path in sorted(DATA_DIR.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in [c for c in frame.columns if "source" in c]:
            ours = frame[frame[column].str.contains(r"\.md\b|research ", regex=True)]
            assert ours.empty, f"{path.name} {column}: {ours[column].iloc[0] if len(ours) else ''}"


def test_a_text_in_one_language_only_stops_the_bundle_with_row_and_column(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    events = pd.read_csv(copy / "events.csv", dtype=str, keep_default_na=False)
    events.loc[4, "description_en"] = ""
    events.to_csv(copy / "events.csv", index=False)
    with pytest.raises(DataProblem) as raised:
        intake.load_bundle(copy)
    assert "events.csv" in str(raised.value)
    assert "baris 6" in str(raised.value)  # header is row 1, so data row 4 is row 6
    assert "description_en" in str(raised.value)


def test_a_missing_twin_column_is_named(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    links = pd.read_csv(copy / "links.csv", dtype=str, keep_default_na=False).drop(columns="channel_en")
    links.to_csv(copy / "links.csv", index=False)
    with pytest.raises(DataProblem) as raised:
        intake.load_bundle(copy, lang="en")
    assert "links.csv" in str(raised.value)
    assert "channel_en" in str(raised.value)


def test_the_bundle_in_each_language_shows_its_own_text():
    bundle = intake.load_bundle(DATA_DIR)
    raw = pd.read_csv(DATA_DIR / "events.csv", dtype=str, keep_default_na=False).set_index("id")
    indonesian = bundle.in_language("id").events.set_index("id")
    english = bundle.in_language("en").events.set_index("id")
    assert "description_en" not in indonesian.columns
    assert (indonesian["description"] == raw["description"]).all()
    assert (english["description"] == raw["description_en"]).all()
    people = bundle.in_language("en").stakeholders.set_index("id")
    assert people.loc["kesbangpol-bali", "role"] == raw_text(
        "stakeholders.csv", "id", "kesbangpol-bali", "role_en"
    )


def raw_text(name: str, key: str, value: str, column: str) -> str:
    frame = pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False).set_index(key)
    return frame.loc[value, column]


def test_imported_text_stays_as_written_in_every_language():
    rows = pd.DataFrame(
        {
            "id": ["bali-001", "imp-1"],
            "description": ["Bentrokan massa", "Typed by Polres"],
            "description_en": ["Mass clash", None],
        }
    )
    assert bilingual.in_language(rows, "en")["description"].tolist() == ["Mass clash", "Typed by Polres"]
    assert bilingual.in_language(rows, "id")["description"].tolist() == ["Bentrokan massa", "Typed by Polres"]


def test_every_bundled_text_of_a_stored_table_has_its_twin_in_the_schema():
    tables = {
        "regions.csv": "regions",
        "elections.csv": "elections",
        "election_figures.csv": "election_figures",
        "events.csv": "events",
        "stakeholders.csv": "stakeholders",
        "links.csv": "links",
        "indicator_values.csv": "indicator_values",
    }
    for name, table in tables.items():
        _, texts = intake.BUNDLED_TEXTS[name]
        assert store.TRANSLATED[table] == texts
        assert all(f"{c}_en" in store.metadata.tables[table].c for c in texts)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    made = (
        store.make_engine(f"sqlite:///{tmp_path / 's.db'}")
        if request.param == "sqlite"
        else postgres_engine()
    )
    yield made
    made.dispose()


def test_a_store_of_version_4_gains_the_twins_and_its_bundled_rows_their_english(engine):
    # Build the store as release 4 did: the tables without the _en columns, English in `description`.
    old = sa.MetaData()
    for table in store.metadata.sorted_tables:
        columns = [c._copy() for c in table.columns if not c.name.endswith("_en") or c.name == "name_en"]
        sa.Table(table.name, old, *columns)
    with engine.begin() as conn:
        old.create_all(conn)
        for version, description, _ in store.MIGRATIONS[:4]:
            conn.execute(
                store.schema_version.insert().values(
                    version=version, description=description, applied_at=sa.func.now()
                )
            )
    bundle = intake.load_bundle(DATA_DIR)
    english_first = bundle.events.assign(description=bundle.events["description_en"]).drop(
        columns=[c for c in bundle.events.columns if c.endswith("_en")]
    )
    columns = [c.name for c in old.tables["events"].columns if c.name in english_first.columns]
    rows = english_first.assign(created_at=pd.Timestamp.now(tz="UTC"), created_by="bundled")
    with engine.begin() as conn:
        conn.execute(
            old.tables["events"].insert(), rows[[*columns, "created_at", "created_by"]].to_dict("records")
        )
        conn.execute(
            old.tables["events"].insert(),
            [
                {
                    **rows.iloc[0][[*columns, "created_at", "created_by"]].to_dict(),
                    "id": "imp-x",
                    "origin": "import",
                    "description": "As typed",
                }
            ],
        )
    assert store.migrate(engine) == [v for v, _, _ in store.MIGRATIONS if v > 4]  # 5 and every later one
    changed = store.seed(engine, bundle)
    assert changed["events"] == len(bundle.events)  # every bundled row now holds both languages
    stored = store.read_events(engine, ceiling="RAHASIA").set_index("id")
    assert (
        stored.loc["bali-002", "description"] == bundle.events.set_index("id").loc["bali-002", "description"]
    )
    assert (
        stored.loc["bali-002", "description_en"]
        == bundle.events.set_index("id").loc["bali-002", "description_en"]
    )
    assert stored.loc["imp-x", "description"] == "As typed"
    assert pd.isna(stored.loc["imp-x", "description_en"])
    assert set(store.seed(engine, bundle).values()) == {0}
