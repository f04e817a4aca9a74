"""Kekuatan Politik: every contest at Bali level, one regency when focused, both languages, exports."""

import io

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from tests.conftest import SHARED_GEO, open_page

PAGE = "pages/kekuatan_politik.py"


@pytest.fixture(autouse=True)
def _empty_store(fresh_store):
    return fresh_store


def open_politics(query: dict | None = None) -> AppTest:
    at = open_page(PAGE, query)
    assert not at.exception
    assert not at.error
    return at


def tables(at: AppTest) -> list[pd.DataFrame]:
    return [frame.value for frame in at.dataframe]


def contest_tables(at: AppTest, column: str) -> list[pd.DataFrame]:
    return [frame for frame in tables(at) if column in frame.columns]


def open_flags(at: AppTest) -> AppTest:
    """Open the flags' table box as a click on it does: a closed box sends no table."""
    at.session_state["politics_flags_open"] = True
    at.run()
    assert not at.exception
    return at


def test_the_flags_table_is_sent_only_when_its_box_is_open():
    at = open_politics()
    assert contest_tables(at, "Sorotan") == []
    assert any("Selisih tipis" in m.value for m in at.markdown)  # the grouped flags are there
    assert len(contest_tables(open_flags(at), "Sorotan")) == 1


def test_at_bali_level_every_contest_and_the_governors_totals_show():
    at = open_politics()
    pairs = contest_tables(at, "Pasangan calon")
    assert len(pairs) == 10  # ten contests, each with its pairs
    governor = pairs[0].set_index("No. urut")
    assert governor.loc["02", "Pasangan calon"] == "I Wayan Koster – I Nyoman Giri Prasta (Koster-Giri)"
    assert governor.loc["02", "Suara"] == "1.413.604"
    assert governor.loc["01", "Persentase"] == "38,54%"
    assert governor.loc["01", "Partai pengusung"] == "Demokrat, Gerindra, Golkar, PAN"
    assert governor.loc["02", "Kursi DPRD pengusung"] == "tidak diketahui"
    captions = " ".join(c.value for c in at.caption)
    # every contest's pairs are named now: the caption for a contest without names is not shown
    assert "Nama pasangan calon kontestasi ini tidak ditemukan di sumber" not in captions
    assert any("belum ada data kursi dprd" in i.value.lower() for i in at.info)


def test_the_flags_name_denpasars_319_vote_margin_and_say_why():
    at = open_flags(open_politics())
    flags = contest_tables(at, "Sorotan")[0]
    narrow = flags[flags["Sorotan"] == "Selisih tipis"]
    assert narrow["Wilayah"].tolist() == ["Kota Denpasar"]
    assert "319 suara" in narrow["Fakta"].iloc[0]
    assert "rekapitulasi" in narrow["Mengapa penting bagi kerawanan"].iloc[0]
    assert set(flags["Sorotan"]) >= {
        "Head-to-head",
        "Petahana maju",
        "Sengketa: Pemungutan suara ulang (PSU)",
    }
    revote = flags[flags["Fakta"].str.contains("Sangkan Gunung")]
    assert revote["Sumber"].iloc[0].startswith("https://bali.idntimes.com/")


@pytest.mark.parametrize(
    ("lang", "votes", "leader", "pair"),
    [("id", "206.028", "57,31%", "Pasangan calon"), ("en", "206,028", "57.31%", "Candidate pair")],
)
def test_focused_on_buleleng_the_page_shows_its_race_and_the_governors_there(lang, votes, leader, pair):
    at = open_politics({"r": "51.08", "lang": lang})
    pairs = contest_tables(at, pair)
    assert len(pairs) == 2  # the governor's race in Buleleng and Buleleng's own
    votes_column = "Suara" if lang == "id" else "Votes"
    assert votes in pairs[0][votes_column].tolist()
    # KPU Buleleng's recapitulation (detikBali); Dewatapos gives 130,348 for the runner-up
    expected = ["130.343", "227.312"] if lang == "id" else ["130,343", "227,312"]
    assert pairs[1][votes_column].tolist() == expected  # by ballot number: Sugawa-Suardana is 01
    assert [m.value for m in at.metric][:2] == ["02 Koster-Giri", leader]
    flags = tables(open_flags(at))[0]
    regions = set(flags.iloc[:, 2])
    assert regions <= {"Buleleng", "Bali"}  # nothing of another regency when focused


def test_the_map_draws_the_governors_race_on_the_boundaries(monkeypatch):
    monkeypatch.setenv("SINERGI_BOUNDARIES", str(SHARED_GEO))
    at = open_politics({"lang": "en"})
    chart = at.get("vega_lite_chart")[0]
    spec = chart.proto.spec
    assert '"geoshape"' in spec
    assert "Winner's share (%)" in spec
    at.radio(key="politics_measure").set_value("margin_votes").run()
    assert not at.exception
    assert "Margin (votes)" in at.get("vega_lite_chart")[0].proto.spec


def test_without_boundaries_the_tile_grid_stands_in():
    at = open_politics({"lang": "en"})
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert '"rect"' in spec


def test_an_election_without_contests_says_so_in_the_users_words():
    at = open_page(PAGE, {"e": "pemilu-2019", "lang": "en"})
    assert not at.exception
    assert "No contests are recorded for" in at.error[0].value


def test_the_forces_and_coalitions_download_as_excel(monkeypatch):
    made: dict[str, bytes] = {}
    deferred = MediaFileManager.add_deferred

    def produce_now(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name and file_name.endswith(".xlsx"):
            made[file_name] = data_callable()  # what a click on the button runs
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", produce_now)
    open_politics({"lang": "en", "r": "51.07"})
    forces = pd.read_excel(io.BytesIO(made["sinergi-kekuatan-politik-51.07.xlsx"]))
    assert forces["Contest"].tolist() == ["Pilgub Bali"] * 2 + ["Pilbup Karangasem"] * 3
    assert forces["Votes"].tolist()[:2] == ["125,986", "149,560"]
    coalitions = pd.read_excel(io.BytesIO(made["sinergi-koalisi-51.07.xlsx"]))
    karangasem = coalitions[coalitions["Contest"] == "Pilbup Karangasem"]
    assert sorted(karangasem["Party"]) == ["Golkar", "NasDem", "PDI-P"]  # PDI-P nominated Dana-Swadi
    assert karangasem["Source"].str.startswith("https://balifactualnews.com/").all()
