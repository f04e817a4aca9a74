"""Summaries of the conflict history on the bundled data: key figures, scope, latest events, counts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib import history, intake
from lib.core.regions import REGENCY_CODES
from tests.conftest import DATA_DIR

PILKADA = "pilkada-2024-bali"
VOTING_DAY = dt.date(2024, 11, 27)


@pytest.fixture(scope="module")
def bundle() -> intake.Bundle:
    return intake.load_bundle(DATA_DIR)


def figures_of(bundle: intake.Bundle, *, today: dt.date, focus: str = "", lang: str = "id"):
    return history.key_figures(
        election_id=PILKADA,
        voting_day=VOTING_DAY,
        stages=bundle.stages,
        figures=bundle.figures,
        contests=bundle.contests,
        today=today,
        lang=lang,
        focus=focus,
    )


def with_rows(events: pd.DataFrame, *rows: dict[str, object]) -> pd.DataFrame:
    """Return the bundled events plus ``rows`` (each a copy of the first event with some fields changed)."""
    extra = pd.DataFrame([{**events.iloc[0].to_dict(), **row} for row in rows]).astype(
        events.dtypes.to_dict()
    )
    return pd.concat([events, extra], ignore_index=True)


# ---------------------------------------------------------------------------------------------
# key_figures


def test_key_figures_for_bali_come_from_the_province_row_in_the_quiet_period(bundle):
    figures = figures_of(bundle, today=dt.date(2024, 11, 25))
    assert figures.days_from_voting == -2
    assert figures.stages == ("Masa tenang",)
    assert (figures.dpt, figures.n_tps) == (3_283_893, 6_795)
    assert figures.voters_per_tps == 483.3  # 3,283,893 / 6,795
    assert figures.n_contests == 10  # the governor's race and nine regency/city races
    assert figures.figures_source is not None
    assert "nusabali.com" in figures.figures_source


def test_key_figures_name_every_stage_under_way_in_the_chosen_language(bundle):
    figures = figures_of(bundle, today=VOTING_DAY, lang="en")
    assert figures.days_from_voting == 0
    assert set(figures.stages) == {"Voting", "Counting and tiered recapitulation"}


def test_key_figures_for_a_regency_keep_an_unknown_tps_count_unknown(bundle):
    figures = figures_of(bundle, today=dt.date(2024, 12, 1), focus="51.03")
    assert figures.days_from_voting == 4
    assert figures.dpt == 412_434
    assert figures.n_tps is None
    assert figures.voters_per_tps is None
    assert figures.n_contests == 2  # Pilgub Bali and Pilbup Badung


def test_key_figures_of_a_regency_with_both_figures_divide_them(bundle):
    figures = figures_of(bundle, today=dt.date(2024, 12, 1), focus="51.08")
    assert (figures.dpt, figures.n_tps) == (594_619, 1_173)
    assert figures.voters_per_tps == 506.9  # 594,619 / 1,173


def test_key_figures_of_an_election_without_figures_say_unknown(bundle):
    figures = history.key_figures(
        election_id="pemilu-1999",
        voting_day=dt.date(1999, 6, 7),
        stages=bundle.stages,
        figures=bundle.figures,
        contests=bundle.contests,
        today=dt.date(1999, 6, 1),
        lang="id",
    )
    assert figures.days_from_voting == -6
    assert figures.stages == ()
    assert (figures.dpt, figures.n_tps, figures.voters_per_tps, figures.figures_source) == (None,) * 4
    assert figures.n_contests == 0


# ---------------------------------------------------------------------------------------------
# days_label


@pytest.mark.parametrize(
    ("days", "lang", "expected"),
    [
        (-3, "id", "H-3 (3 hari lagi)"),
        (0, "id", "Hari ini hari pemungutan"),
        (732, "id", "H+732 (732 hari lalu)"),
        (-1, "en", "D-1 (1 days to go)"),
        (0, "en", "Voting is today"),
    ],
)
def test_days_label_says_the_days_as_election_staff_do(days, lang, expected):
    assert history.days_label(days, lang) == expected


# ---------------------------------------------------------------------------------------------
# in_scope


def test_in_scope_keeps_the_events_of_the_period(bundle):
    kept = history.in_scope(bundle.events, period=(dt.date(2024, 11, 1), dt.date(2024, 11, 30)))
    assert kept["id"].tolist() == ["bali-045", "bali-046", "bali-047", "bali-048", "bali-049"]


def test_in_scope_keeps_an_event_known_only_by_year_when_its_year_overlaps(bundle):
    kept = history.in_scope(bundle.events, period=(dt.date(2018, 6, 1), dt.date(2018, 6, 30)))
    assert kept["id"].tolist() == ["bali-020", "bali-021", "bali-022"]
    assert set(kept["date_precision"]) == {"day", "year"}


def test_in_scope_with_a_focus_keeps_that_regency_only(bundle):
    kept = history.in_scope(bundle.events, period=None, focus="51.08")
    assert len(kept) == 13
    assert set(kept["region_code"]) == {"51.08"}  # province-wide events are not the regency's


def test_in_scope_without_period_or_focus_keeps_everything_and_leaves_the_input_alone(bundle):
    before = bundle.events.copy()
    kept = history.in_scope(bundle.events, period=None)
    assert len(kept) == len(bundle.events) == 51
    pd.testing.assert_frame_equal(bundle.events, before)


# ---------------------------------------------------------------------------------------------
# latest_events


def test_latest_events_lists_the_newest_first_with_names_and_local_headers(bundle):
    table = history.latest_events(bundle.events, bundle.regions, lang="id", limit=3)
    assert list(table.columns) == [
        "Tanggal",
        "Wilayah",
        "Kategori",
        "Keparahan (1\u20135)",
        "Uraian",
        "Sumber",
    ]
    assert table["Tanggal"].tolist() == ["2024-12-08", "2024-12-01", "2024-11-27"]
    assert table["Wilayah"].tolist() == ["Bali", "Karangasem", "Karangasem"]
    assert table["Kategori"].tolist() == ["Sengketa", "Lainnya", "Kekerasan"]


def test_latest_events_shows_an_unknown_region_by_its_code(bundle):
    events = with_rows(bundle.events, {"id": "x-1", "date": "2025-01-01", "region_code": "51.08.03"})
    table = history.latest_events(events, bundle.regions, lang="en", limit=1)
    assert table.iloc[0].to_dict()["Region"] == "51.08.03"
    assert table.iloc[0].to_dict()["Date"] == "2025-01-01"


# ---------------------------------------------------------------------------------------------
# counts_by_regency


def test_counts_by_regency_counts_each_regency_and_leaves_province_wide_events_out(bundle):
    counts = history.counts_by_regency(bundle.events, bundle.figures, bundle.regions, election_id=PILKADA)
    assert counts["code"].tolist() == list(REGENCY_CODES)
    by_code = counts.set_index("code")
    assert by_code.loc["51.08", "events"] == 13
    assert by_code.loc["51.71", "events"] == 5
    assert by_code.loc["51.08", "name"] == "Buleleng"
    assert int(counts["events"].sum()) == 42  # 51 events, 9 of them province-wide
    assert by_code.loc["51.08", "events_per_100k"] == pytest.approx(2.19)  # 13 / 594,619 voters
    assert int(counts["posko"].sum()) == 0  # the bundle holds no Posko report


def test_counts_by_regency_rolls_kecamatan_up_and_counts_posko_reports(bundle):
    events = with_rows(
        bundle.events,
        {"id": "p-1", "region_code": "51.08.03", "origin": "posko"},
        {"id": "p-2", "region_code": "51.08.03.2002", "origin": "bundled"},
    )
    by_code = history.counts_by_regency(
        events, bundle.figures, bundle.regions, election_id=PILKADA
    ).set_index("code")
    assert by_code.loc["51.08", "events"] == 15
    assert by_code.loc["51.08", "posko"] == 1


def test_counts_by_regency_keeps_unknown_figures_unknown(bundle):
    by_code = history.counts_by_regency(
        bundle.events, bundle.figures, bundle.regions, election_id=PILKADA
    ).set_index("code")
    assert pd.isna(by_code.loc["51.03", "n_tps"])
    assert by_code.loc["51.03", "dpt"] == 412_434
    without = history.counts_by_regency(
        bundle.events, bundle.figures, bundle.regions, election_id="pemilu-1999"
    )
    assert without["dpt"].isna().all()
    assert without["events_per_100k"].isna().all()
    assert int(without["events"].sum()) == 42  # events count whatever the election


# ---------------------------------------------------------------------------------------------
# recent_change


def test_recent_change_compares_the_last_week_with_the_four_before(bundle):
    change = history.recent_change(bundle.events, bundle.regions, today=VOTING_DAY).set_index("code")
    # Karangasem: one event on voting day, one on 15 November (within the four weeks before).
    assert change.loc["51.07"].to_dict() == {
        "name": "Karangasem",
        "last_7d": 1,
        "weekly_before": 0.25,
        "rose": True,
    }
    # The province-wide events of 22-25 November count for no regency.
    assert change.drop(index="51.07")["last_7d"].sum() == 0
    assert change.index[change["rose"]].tolist() == ["51.07"]


def test_recent_change_counts_kecamatan_in_their_regency_and_only_day_dates(bundle):
    events = with_rows(
        bundle.events,
        {"id": "k-1", "date": "2024-11-26", "region_code": "51.08.03"},
        {"id": "k-2", "date": "2024-11", "date_precision": "month", "region_code": "51.08"},
    )
    change = history.recent_change(events, bundle.regions, today=VOTING_DAY).set_index("code")
    assert change.loc["51.08", "last_7d"] == 1
    assert bool(change.loc["51.08", "rose"])
