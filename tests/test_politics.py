"""The political forces: the bundled Pilkada 2024 facts, their checks, the store, and what is flagged."""

import dataclasses
import shutil

import pandas as pd
import pytest
import sqlalchemy as sa

from lib import intake, politics, store
from lib.core import bilingual
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from tests.conftest import DATA_DIR, postgres_engine

ELECTION = "pilkada-2024-bali"


@pytest.fixture(scope="module")
def bundle():
    return intake.load_bundle(DATA_DIR)


@pytest.fixture(scope="module")
def forces(bundle):
    plain = {name: bilingual.in_language(getattr(bundle, name), "id") for name in politics.FILES}
    return politics.for_election(politics.Forces(contests=bundle.contests, **plain), ELECTION)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    made = (
        store.make_engine(f"sqlite:///{tmp_path / 's.db'}")
        if request.param == "sqlite"
        else postgres_engine()
    )
    yield made
    made.dispose()


# ---------------------------------------------------------------- the bundled facts


def governor_votes(bundle, region: str) -> dict[str, int]:
    rows = bundle.results[
        (bundle.results["contest"] == "Pilgub Bali") & (bundle.results["region_code"] == region)
    ]
    return dict(zip(rows["pair_id"], rows["votes"].astype(int), strict=True))


def test_the_governor_totals_are_kpu_balis_decision(bundle):
    assert governor_votes(bundle, "51") == {"pilgub24-koster-giri": 1_413_604, "pilgub24-mulia-pas": 886_251}


def test_the_per_regency_governor_table_adds_up_to_the_totals(bundle):
    regencies = [governor_votes(bundle, code) for code in REGENCY_CODES]
    assert len(regencies) == 9
    assert all(len(r) == 2 for r in regencies)
    for pair, total in governor_votes(bundle, "51").items():
        assert sum(r[pair] for r in regencies) == total
    assert sum(sum(r.values()) for r in regencies) == 2_299_855  # the valid votes Tempo gives


def test_denpasar_is_the_narrow_margin_of_the_governors_race(forces):
    balance = politics.regional_balance(forces, ELECTION, "Pilgub Bali", list(REGENCY_CODES)).set_index(
        "code"
    )
    assert balance.loc["51.71", "margin_votes"] == 145_759 - 145_440 == 319
    assert balance.loc["51.71", "margin_pp"] < politics.NARROW_MARGIN_PP
    assert (balance["leader"] == "pilgub24-koster-giri").all()  # won all nine regencies
    flagged = politics.flags(forces, None, list(REGENCY_CODES))
    narrow = flagged[flagged["kind"] == "narrow_margin"]
    assert narrow[["contest", "region_code"]].values.tolist() == [["Pilgub Bali", "51.71"]]


def test_unknown_results_stay_unknown(forces, bundle):
    # Klungkung's and Karangasem's winners are known, but not every pair's vote total: no margin.
    for contest, region, known in [("Pilbup Klungkung", "51.05", 1), ("Pilbup Karangasem", "51.07", 2)]:
        table = politics.standings(forces, ELECTION, contest, region)
        assert len(table) == 3
        assert int(table["votes"].notna().sum()) == known
        assert politics.margin(table)["margin_votes"] is None
    # Klungkung and Bangli: three pairs each, as the contests file says.
    for contest in ("Pilbup Klungkung", "Pilbup Bangli"):
        assert len(forces.pairs[forces.pairs["contest"] == contest]) == 3
        assert int(forces.contests.set_index("contest").loc[contest, "n_pairs"]) == 3
    assert bundle.seats.empty  # no DPRD seat figures in the research: none invented


def test_every_bundled_row_of_the_forces_has_a_source(bundle):
    for name in politics.FILES:
        frame = getattr(bundle, name)
        assert frame["source"].notna().all(), name
        assert frame["source"].str.startswith("http").all(), name


def test_a_disagreement_between_sources_is_kept_and_marked(bundle):
    objection = bundle.disputes.set_index("id").loc["pilkada24-recap-objection"]
    assert "28,1%" in objection["conflict"]
    assert "30,13%" in objection["conflict"]
    assert "28.1%" in objection["conflict_en"]


def test_head_to_head_races_and_incumbents_are_flagged_with_a_reason(forces, bundle):
    names = dict(zip(bundle.regions["code"], bundle.regions["name"], strict=True))
    table = politics.flag_table(forces, None, list(REGENCY_CODES), names, "id")
    kinds = table["Sorotan"].value_counts()
    assert kinds["Head-to-head"] == 7  # all but Klungkung, Bangli and Karangasem (three pairs each)
    assert kinds["Petahana maju"] == 8  # all but Badung and Buleleng, where no source states it
    assert (table["Mengapa penting bagi kerawanan"].str.len() > 40).all()
    assert table["Sumber"].str.startswith("http").all()


def test_a_focus_shows_the_regency_and_the_governors_race_there(forces, bundle):
    contests = politics.contests_in_focus(forces, "51.08")
    assert contests["contest"].tolist() == ["Pilgub Bali", "Pilbup Buleleng"]
    table = politics.forces_table(forces, contests.iloc[0], "51.08", "pemilu-2024", "en")
    assert table["Votes"].tolist() == ["153,444", "206,028"]
    assert table["DPRD seats behind"].tolist() == ["unknown", "unknown"]


# ---------------------------------------------------------------- the checks


def copy_data(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "words"),
    [
        ("candidate_pairs.csv", 3, "incumbent", "mungkin", "salah satu dari yes, former, no"),
        ("candidate_pairs.csv", 4, "contest", "Pilbup Atlantis", "kontestasi yang tercatat"),
        ("results.csv", 5, "votes", "banyak", "angka paling sedikit 0"),
        ("results.csv", 2, "share", "140", "angka dari 0 sampai 100"),
        ("results.csv", 6, "region_code", "51.01", "wilayah yang termasuk kontestasi itu"),
        ("coalitions.csv", 2, "party", "Partai Atlantis", "salah satu dari PKB"),
        ("disputes.csv", 3, "date", "1 Des 2024", "tanggal YYYY-MM-DD"),
        ("contests.csv", 3, "office", "gubernur", "jabatan yang cocok dengan wilayah 51.01"),
        ("candidate_pairs.csv", 2, "source", "", "terisi"),
    ],
    ids=[
        "incumbent",
        "unknown contest",
        "votes",
        "share",
        "region outside contest",
        "party",
        "date",
        "office",
        "source",
    ],
)
def test_a_bad_cell_stops_the_bundle_naming_file_row_and_column_in_indonesian(
    tmp_path, file, row, column, value, words
):
    copy = copy_data(tmp_path)
    frame = pd.read_csv(copy / file, dtype=str, keep_default_na=False)
    if file == "results.csv" and column == "region_code":
        frame.loc[row - 2, "contest"] = "Pilbup Buleleng"
        frame.loc[row - 2, "pair_id"] = "buleleng24-sutjidra-supriatna"
    frame.loc[row - 2, column] = value
    frame.to_csv(copy / file, index=False)
    with pytest.raises(DataProblem) as raised:
        intake.load_bundle(copy)
    message = raised.value.what
    assert f"Berkas data {file}, baris {row}, kolom {column}" in message
    assert words in message
    assert "Perbaiki" in raised.value.fix


def test_the_same_problem_reads_in_english(tmp_path):
    copy = copy_data(tmp_path)
    frame = pd.read_csv(copy / "results.csv", dtype=str, keep_default_na=False)
    frame.loc[0, "share"] = "140"
    frame.to_csv(copy / "results.csv", index=False)
    with pytest.raises(DataProblem, match="Data file results.csv, row 2, column share"):
        intake.load_bundle(copy, lang="en")


def test_a_result_for_a_pair_of_another_contest_is_refused(forces):
    bad = forces.results.copy()
    bad.loc[bad.index[0], "contest"] = "Pilbup Badung"
    with pytest.raises(DataProblem, match="kontestasi pasangan itu"):
        politics.check_results(bad, forces.pairs, forces.contests, name="results.csv")


def test_seats_above_the_total_are_refused():
    seats = pd.DataFrame(
        {
            "election_id": ["pemilu-2024"],
            "region_code": ["51.08"],
            "party": ["Golkar"],
            "seats": ["50"],
            "total_seats": ["45"],
            "source": ["https://example.org/kursi"],
            "note": [None],
        }
    )
    with pytest.raises(DataProblem, match="baris 2, kolom seats"):
        politics.check_seats(seats, ["pemilu-2024"], name="dprd_seats.csv")


def test_coalition_seats_add_up_where_every_party_is_known(forces):
    seats = pd.DataFrame(
        {
            "election_id": ["pemilu-2024"] * 3,
            "region_code": ["51"] * 3,
            "party": ["Gerindra", "Golkar", "Demokrat"],
            "seats": pd.array([5, 7, 1], dtype="Int64"),
            "total_seats": pd.array([55, 55, 55], dtype="Int64"),
            "source": ["https://example.org/kursi"] * 3,
            "note": [None] * 3,
        }
    )
    made_up = dataclasses.replace(forces, seats=seats)  # a test's own figures, not bundled facts
    assert (
        politics.coalition_seats(made_up, "pilgub24-mulia-pas", "51", "pemilu-2024")["seats"] is None
    )  # PAN lacks
    with_pan = dataclasses.replace(
        made_up, seats=pd.concat([seats, seats.iloc[[0]].assign(party="PAN", seats=pd.array([2], "Int64"))])
    )
    assert politics.coalition_seats(with_pan, "pilgub24-mulia-pas", "51", "pemilu-2024") == {
        "parties": ["Demokrat", "Gerindra", "Golkar", "PAN"],
        "seats": 15,
        "total": 55,
    }


# ---------------------------------------------------------------- the store


def test_the_forces_are_seeded_once_and_read_back(engine, bundle):
    store.migrate(engine)
    first = store.seed(engine, bundle)
    assert first["candidate_pairs"] == len(bundle.pairs) == 23
    assert first["results"] == len(bundle.results) == 38
    assert set(store.seed(engine, bundle).values()) == {0}
    read = store.read_forces(engine, ceiling="TERBUKA")
    assert len(read.contests) == 10
    assert set(read.contests["office"]) == {"gubernur", "bupati", "wali_kota"}
    pairs = read.pairs.set_index("pair_id")
    assert pairs.loc["pilgub24-koster-giri", "note_en"].startswith("I Wayan Koster was Governor")
    assert (read.pairs["classification"] == "TERBUKA").all()
    votes = read.results.set_index(["pair_id", "region_code"])["votes"]
    assert int(votes.loc[("pilgub24-koster-giri", "51")]) == 1_413_604


def test_a_rahasia_pair_and_what_hangs_on_it_reach_no_lower_ceiling(engine, bundle):
    store.migrate(engine)
    store.seed(engine, bundle)
    secret = {"classification": "RAHASIA", "origin": "test"}
    with engine.begin() as conn:
        conn.execute(
            store.candidate_pairs.insert().values(
                pair_id="rahasia-pair",
                election_id=ELECTION,
                contest="Pilbup Bangli",
                head="Calon Rahasia",
                deputy="Wakil Rahasia",
                source="https://rahasia.example",
                note="catatan intelijen",
                **secret,
            )
        )
        conn.execute(
            store.coalitions.insert().values(pair_id="rahasia-pair", party="PSI", source="x", **secret)
        )
        conn.execute(
            store.results.insert().values(
                pair_id="rahasia-pair",
                region_code="51.06",
                election_id=ELECTION,
                contest="Pilbup Bangli",
                votes=5,
                source="x",
                classification="TERBUKA",
                origin="test",
            )
        )
    for ceiling in ("TERBUKA", "TERBATAS"):
        seen = store.read_forces(engine, ceiling=ceiling)
        assert "rahasia-pair" not in set(seen.pairs["pair_id"])
        assert "rahasia-pair" not in set(seen.coalitions["pair_id"])
        assert "rahasia-pair" not in set(
            seen.results["pair_id"]
        )  # a public row of a secret pair stays hidden
    assert "rahasia-pair" in set(store.read_forces(engine, ceiling="RAHASIA").pairs["pair_id"])


def test_a_store_seeded_before_migration_9_gains_the_tables_and_the_offices(engine, bundle):
    store.migrate(engine)
    store.seed(engine, bundle)
    with engine.begin() as conn:
        for table in store.metadata.tables.values():
            if table.name in ("candidate_pairs", "coalitions", "seats", "results", "disputes"):
                table.drop(conn)
        conn.execute(sa.text("UPDATE contests SET office = NULL"))
        conn.execute(store.schema_version.delete().where(store.schema_version.c.version == 9))
    assert store.migrate(engine) == [9]
    changed = store.seed(engine, bundle)
    assert changed["contests"] == 10
    assert changed["candidate_pairs"] == 23
    assert store.read_forces(engine, ceiling="TERBUKA").contests["office"].notna().all()
