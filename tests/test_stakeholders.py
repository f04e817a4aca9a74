import math

import pandas as pd
import pytest

from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.network import LINK_COLUMNS, STAKEHOLDER_COLUMNS, TYPES, check_links, check_stakeholders
from tests.conftest import DATA_DIR


def read_text(name: str) -> pd.DataFrame:
    """Read a bundled CSV the way lib/loading.py does: text, empty cells as NaN."""
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def raw_people() -> pd.DataFrame:
    return read_text("stakeholders.csv")


@pytest.fixture(scope="module")
def raw_links() -> pd.DataFrame:
    return read_text("links.csv")


@pytest.fixture(scope="module")
def people(raw_people) -> pd.DataFrame:
    return check_stakeholders(raw_people)


@pytest.fixture(scope="module")
def links(raw_links, people) -> pd.DataFrame:
    return check_links(raw_links, set(people["id"]))


def small_people() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ["posko-pilkada", "Posko", "", "posko", "province", "51", "", "TERBUKA", "ref", ""],
            ["polres-x", "Polres X", "", "police", "regency", "5108", "", "TERBUKA", "ref", ""],
            ["kemendagri", "Kemendagri", "", "national", "national", None, "", "TERBUKA", "ref", ""],
        ],
        columns=list(STAKEHOLDER_COLUMNS),
    )


def small_links() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ["posko-pilkada", "polres-x", "coordination", "false", "2", "", "", "true", "ref", "", "TERBUKA"],
            [
                "kemendagri",
                "posko-pilkada",
                "information",
                "true",
                "3",
                "1,5",
                "letter",
                "false",
                "ref",
                "",
                "TERBUKA",
            ],
        ],
        columns=list(LINK_COLUMNS),
    )


# --- The bundled files ---------------------------------------------------------------------------


def test_bundled_stakeholders_load_with_every_row_sourced(people):
    assert len(people) > 80
    assert (people["source"].str.len() > 0).all()
    assert set(people["classification"]) == {"TERBUKA"}
    assert set(people["type"]) <= set(TYPES)


def test_bundled_links_point_at_known_institutions_and_are_sourced(links, people):
    ids = set(people["id"])
    assert set(links["source_id"]) | set(links["target_id"]) <= ids
    assert (links["source_ref"].str.len() > 0).all()
    assert set(links["classification"]) == {"TERBUKA"}


def test_no_bundled_link_claims_a_delay_because_no_source_gives_one(links):
    assert links["delay_hours"].isna().all()


def test_assumed_links_have_the_lowest_strength(links):
    assert set(links.loc[links["assumption"], "strength"]) == {1}


def test_the_posko_is_bundled_and_labelled_as_a_plan(people):
    posko = people.set_index("id").loc["posko-pilkada"]
    assert posko["type"] == "posko"
    assert "6 Sep 2024" in posko["note"]
    assert "rencana" in posko["note"]


def test_every_regency_has_its_police_election_bodies_and_desa_adat(people):
    regency = people[people["region_code"].isin(REGENCY_CODES)]
    for code in REGENCY_CODES:
        here = regency[regency["region_code"] == code]
        assert (here["type"] == "police").sum() == 1, code
        assert (here["type"] == "election_body").sum() == 2, code
        assert (here["type"] == "customary").sum() == 1, code
    assert people.set_index("id").loc["polresta-denpasar", "region_code"] == "51.71"


def test_only_verified_kodim_numbers_are_used(people):
    kodim = people[people["id"].str.startswith("kodim-")]
    assert len(kodim) == 9
    numbered = kodim[kodim["name"].str.contains(r"\d{4}/", regex=True)]
    assert set(numbered["id"]) == {"kodim-1609-buleleng", "kodim-1616-gianyar"}
    unnumbered = kodim[~kodim["id"].isin(numbered["id"])]
    assert unnumbered["note"].str.contains("tidak diverifikasi").all()


def test_the_posko_takes_intelligence_from_ditintelkam_as_an_assumption(links):
    row = links[(links["source_id"] == "ditintelkam-polda-bali") & (links["target_id"] == "posko-pilkada")]
    assert len(row) == 1
    assert bool(row["assumption"].iloc[0])
    assert bool(row["directed"].iloc[0])


def test_polda_commands_every_polres_and_the_election_bodies_their_regencies(links):
    command = links[links["kind"] == "command"]
    assert (
        len(command[(command["source_id"] == "polda-bali") & command["target_id"].str.contains("polres")])
        == 9
    )
    assert (
        len(command[(command["source_id"] == "kpu-bali") & command["target_id"].str.startswith("kpu-")]) == 9
    )
    assert (
        len(
            command[
                (command["source_id"] == "bawaslu-bali") & command["target_id"].str.startswith("bawaslu-")
            ]
        )
        == 9
    )


# --- Typing --------------------------------------------------------------------------------------


def test_checked_links_are_typed():
    links = check_links(small_links(), {"posko-pilkada", "polres-x", "kemendagri"})
    assert links["directed"].tolist() == [False, True]
    assert links["assumption"].tolist() == [True, False]
    assert links["strength"].tolist() == [2, 3]
    assert math.isnan(links["delay_hours"].iloc[0])
    assert links["delay_hours"].iloc[1] == 1.5
    assert links["channel"].tolist() == ["", "letter"]


def test_region_codes_are_normalised_and_national_bodies_need_none():
    people = check_stakeholders(small_people())
    assert people["region_code"].tolist() == ["51", "51.08", ""]


def test_checks_do_not_modify_their_input():
    frame = small_people()
    before = frame.copy()
    check_stakeholders(frame)
    pd.testing.assert_frame_equal(frame, before)


# --- Broken files --------------------------------------------------------------------------------

PEOPLE_BREAKS = {
    "missing column": (lambda f: f.drop(columns=["level"]), "level"),
    "duplicate id": (
        lambda f: f.assign(id=["posko-pilkada", "posko-pilkada", "kemendagri"]),
        "baris 3, kolom id",
    ),
    "id with spaces": (
        lambda f: f.assign(id=["Posko Pilkada", "polres-x", "kemendagri"]),
        "baris 2, kolom id",
    ),
    "unknown type": (lambda f: f.assign(type=["posko", "polisi", "national"]), "baris 3, kolom type"),
    "bad region code": (
        lambda f: f.assign(region_code=["51", "Buleleng", None]),
        "baris 3, kolom region_code",
    ),
    "province without code": (
        lambda f: f.assign(region_code=[None, "51.08", None]),
        "baris 2, kolom region_code",
    ),
    "no source": (lambda f: f.assign(source=["ref", None, "ref"]), "baris 3, kolom source"),
    "bad classification": (
        lambda f: f.assign(classification=["TERBUKA", "open", "TERBUKA"]),
        "classification",
    ),
}


@pytest.mark.parametrize("name", list(PEOPLE_BREAKS), ids=list(PEOPLE_BREAKS))
def test_broken_stakeholder_rows_are_named(name):
    breaks, expected = PEOPLE_BREAKS[name]
    with pytest.raises(DataProblem, match=expected) as caught:
        check_stakeholders(breaks(small_people()))
    assert caught.value.fix


def _set(column, row, value):
    def change(frame):
        frame = frame.copy()
        frame.loc[row, column] = value
        return frame

    return change


LINK_BREAKS = {
    "unknown id": (_set("target_id", 0, "polres-y"), "baris 2, kolom target_id"),
    "self-loop": (_set("target_id", 0, "posko-pilkada"), "baris 2, kolom target_id"),
    "unknown kind": (_set("kind", 1, "friendship"), "baris 3, kolom kind"),
    "strength out of range": (_set("strength", 0, "4"), "baris 2, kolom strength"),
    "negative delay": (_set("delay_hours", 1, "-2"), "baris 3, kolom delay_hours"),
    "unreadable delay": (_set("delay_hours", 1, "soon"), "baris 3, kolom delay_hours"),
    "bad flag": (_set("directed", 0, "maybe"), "baris 2, kolom directed"),
    "no source": (_set("source_ref", 1, None), "baris 3, kolom source_ref"),
}


@pytest.mark.parametrize("name", list(LINK_BREAKS), ids=list(LINK_BREAKS))
def test_broken_link_rows_are_named(name):
    breaks, expected = LINK_BREAKS[name]
    with pytest.raises(DataProblem, match=expected):
        check_links(breaks(small_links()), {"posko-pilkada", "polres-x", "kemendagri"})


def test_an_undirected_link_written_twice_is_a_duplicate():
    frame = small_links()
    reverse = frame.iloc[[0]].assign(source_id="polres-x", target_id="posko-pilkada")
    with pytest.raises(DataProblem, match="baris 4") as caught:
        check_links(
            pd.concat([frame, reverse], ignore_index=True), {"posko-pilkada", "polres-x", "kemendagri"}
        )
    assert "baris 2" in caught.value.what


def test_problems_speak_english_when_asked():
    with pytest.raises(DataProblem, match="row 2, column target_id") as caught:
        check_links(_set("target_id", 0, "nowhere")(small_links()), {"posko-pilkada", "polres-x"}, lang="en")
    assert caught.value.fix.startswith("Correct")
