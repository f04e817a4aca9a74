"""The bundled facts load, carry their sources, and a broken copy says which row and column to fix."""

import shutil

import pandas as pd
import pytest

from lib import intake
from lib.core.problems import DataProblem
from tests.conftest import DATA_DIR


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_the_bundle_loads_with_every_fact_sourced():
    bundle = intake.load_bundle(DATA_DIR)
    assert len(bundle.regions) == 10
    assert len(bundle.events) == 51
    assert bundle.events["source_url"].str.startswith("http").all()
    assert bundle.regions["source"].notna().all()
    assert bundle.stakeholders["source"].notna().all()
    assert bundle.links["source_ref"].notna().all()
    assert bundle.elections.loc["pilkada-2024-bali", "voting_day"].isoformat() == "2024-11-27"


def test_unknown_values_stay_unknown():
    bundle = intake.load_bundle(DATA_DIR)
    regions = bundle.regions
    assert pd.isna(regions.loc["51.03", "seat_lat"])  # Badung: no seat point found
    figures = bundle.figures.set_index("region_code")
    assert pd.isna(figures.loc["51.07", "n_tps"])  # Karangasem Pilkada 2024 TPS: not found


def test_stages_of_pilkada_2024_follow_pkpu_2_2024():
    bundle = intake.load_bundle(DATA_DIR)
    stages = bundle.stages.set_index("stage")
    assert stages.loc["campaign", "start"].isoformat() == "2024-09-25"
    assert stages.loc["quiet", "end"].isoformat() == "2024-11-26"


def _edit(path, column, row, value):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(path, index=False)


@pytest.mark.parametrize(
    ("file", "column", "value", "message"),
    [
        ("events.csv", "category", "pertengkaran", "baris 4, kolom category"),
        ("events.csv", "date", "2024-02-31", "baris 4, kolom date"),
        ("events.csv", "region_code", "52.01", "baris 4, kolom region_code"),
        ("events.csv", "severity", "9", "baris 4, kolom severity"),
        ("events.csv", "source_url", "", "baris 4, kolom source_url"),
        ("regions.csv", "population", "banyak", "baris 4, kolom population"),
        ("elections.csv", "voting_day", "27/11/2024", "baris 4, kolom voting_day"),
        ("election_figures.csv", "dpt", "0x10", "baris 4, kolom dpt"),
    ],
    ids=[
        "category",
        "impossible date",
        "unknown region",
        "severity",
        "no source",
        "population",
        "date format",
        "number",
    ],
)
def test_a_broken_file_names_the_row_and_column(data_copy, file, column, value, message):
    _edit(data_copy / file, column, 2, value)
    with pytest.raises(DataProblem, match=message):
        intake.load_bundle(data_copy)


def test_a_missing_file_is_named(data_copy):
    (data_copy / "events.csv").unlink()
    with pytest.raises(DataProblem, match="events.csv"):
        intake.load_bundle(data_copy)


def test_a_missing_file_is_said_in_indonesian_by_default(data_copy):
    (data_copy / "events.csv").unlink()
    with pytest.raises(DataProblem) as caught:
        intake.load_bundle(data_copy)
    assert caught.value.what == f"Berkas data events.csv tidak ditemukan di {data_copy}."
    assert caught.value.fix == "Pulihkan folder data/ dari repositori Sinergi."


def test_a_missing_file_is_said_in_english_when_asked(data_copy):
    (data_copy / "events.csv").unlink()
    with pytest.raises(DataProblem) as caught:
        intake.load_bundle(data_copy, lang="en")
    assert caught.value.what == f"The data file events.csv was not found in {data_copy}."
    assert caught.value.fix == "Restore the data/ folder from the Sinergi repository."


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("id", "Berkas data events.csv, baris 4, kolom severity: \u201c9\u201d bukan angka 1 sampai 5."),
        ("en", "Data file events.csv, row 4, column severity: \u201c9\u201d is not a number 1 to 5."),
    ],
)
def test_a_broken_cell_is_said_in_the_language_asked(data_copy, lang, message):
    _edit(data_copy / "events.csv", "severity", 2, "9")
    with pytest.raises(DataProblem) as caught:
        intake.load_bundle(data_copy, lang=lang)
    assert caught.value.what == message
