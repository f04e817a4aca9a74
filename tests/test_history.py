"""Conflict history: intervals, phases, alignment, counts and brush text."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as hst

from lib import history
from lib.core.problems import DataProblem
from lib.core.vocab import CATEGORIES
from tests.conftest import DATA_DIR

TODAY = dt.date(2025, 6, 30)
COMPARED = ["pilgub-2018", "pemilu-2019", "pilkada-2020", "pemilu-2024", "pilkada-2024-bali"]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "events.csv", dtype=str, keep_default_na=False).replace("", pd.NA)


@pytest.fixture(scope="module")
def elections() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "elections.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def enriched(events, elections) -> pd.DataFrame:
    return history.enrich(events, elections, election_id="pilkada-2024-bali")


def row(frame: pd.DataFrame, event_id: str) -> pd.Series:
    return frame.loc[frame["id"] == event_id].iloc[0]


# --- enrich ---------------------------------------------------------------------------------------


def test_karangasem_event_on_pilkada_2024_voting_day_is_during_at_day_zero(enriched):
    event = row(enriched, "bali-049")
    assert (event["date"], event["region_code"]) == ("2024-11-27", "51.07")
    assert event["phase"] == "during"
    assert event["days_from_voting_day"] == 0


def test_1999_riots_the_day_after_the_mpr_vote_are_post_relative_to_their_own_election(enriched):
    riots = enriched.loc[enriched["date"] == "1999-10-21"]
    assert set(riots["election_id"]) == {"mpr-1999"}
    assert len(riots) == 3
    assert set(riots["own_phase"]) == {"post"}
    assert set(riots["phase"]) == {"pre"}  # long before Pilkada 2024
    same_day = row(enriched, "bali-003")
    assert same_day["own_phase"] == "during"


def test_year_precision_events_have_no_day_offset_but_interval_offsets(enriched):
    years = enriched.loc[enriched["date_precision"] == "year"]
    assert len(years) == 4
    assert years["days_from_voting_day"].isna().all()
    assert years["month"].isna().all()
    event = row(enriched, "bali-021")  # 2018
    assert event["start"] == pd.Timestamp("2018-01-01")
    assert event["end"] == pd.Timestamp("2018-12-31")
    assert event["days_min"] == (dt.date(2018, 1, 1) - dt.date(2024, 11, 27)).days
    assert event["days_max"] == (dt.date(2018, 12, 31) - dt.date(2024, 11, 27)).days


def test_year_event_in_the_year_of_its_own_election_has_unknown_own_phase(enriched):
    event = row(enriched, "bali-015")  # 2012, Pilkada Buleleng 2012 voted on 22 April 2012
    assert pd.isna(event["own_phase"])
    assert event["phase"] == "pre"


def test_month_event_containing_voting_day_has_unknown_phase(elections):
    frame = pd.DataFrame(
        {
            "date": ["2024-11", "2024-10", "2024-12"],
            "date_precision": ["month"] * 3,
            "election_id": [pd.NA] * 3,
        }
    )
    phases = history.enrich(frame, elections, election_id="pilkada-2024-bali")["phase"].tolist()
    assert phases == [pd.NA, "pre", "post"]


def test_enrich_leaves_its_input_unchanged(events, elections):
    before = events.copy()
    history.enrich(events, elections, election_id="pemilu-2024")
    pd.testing.assert_frame_equal(events, before)


def test_enrich_refuses_an_unknown_election(events, elections):
    with pytest.raises(ValueError, match="pilkada-2099"):
        history.enrich(events, elections, election_id="pilkada-2099")


def test_a_date_that_does_not_match_its_precision_is_a_bug():
    with pytest.raises(ValueError, match="2024-13"):
        history.date_intervals(pd.DataFrame({"date": ["2024-13"], "date_precision": ["month"]}))


# --- align on voting day ---------------------------------------------------------------------------


def test_alignment_places_each_event_against_its_own_election(events, elections):
    aligned = history.align_on_voting_day(events, elections, election_ids=COMPARED)
    assert set(aligned["aligned_election_id"]) <= set(COMPARED)
    assert (aligned["aligned_election_id"] == aligned["election_id"]).all()
    precise = aligned.loc[aligned["precise"]]
    assert precise["days_from_voting_day"].between(-120, 60).all()
    voting_day = precise.loc[precise["id"] == "bali-049", "days_from_voting_day"].iloc[0]
    assert voting_day == 0
    eve = precise.loc[precise["id"] == "bali-024", "days_from_voting_day"].iloc[0]  # 16 Apr 2019
    assert eve == -1


def test_alignment_counts_year_dated_events_instead_of_drawing_them(events, elections):
    aligned = history.align_on_voting_day(events, elections, election_ids=COMPARED)
    # bali-021 and bali-022 are dated only "2018" but attributed to Pemilu 2019 (17 Apr 2019):
    # their year overlaps the window, so they are counted, not placed.
    assert history.imprecise_counts(aligned) == {"pemilu-2019": 2}
    imprecise = aligned.loc[~aligned["precise"]]
    assert set(imprecise["id"]) == {"bali-021", "bali-022"}
    assert imprecise["days_from_voting_day"].isna().all()


def test_alignment_window_drops_events_outside_it(events, elections):
    narrow = history.align_on_voting_day(events, elections, election_ids=["pemilu-2024"], window_days=(-3, 3))
    assert set(narrow["date"]) == {"2024-02-14"}
    assert len(narrow) == 3


def test_alignment_can_place_unattributed_events_by_date(elections):
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "date": ["2024-11-20", "2024-11-20"],
            "date_precision": ["day", "day"],
            "election_id": [pd.NA, "pemilu-2024"],
        }
    )
    own_only = history.align_on_voting_day(frame, elections, election_ids=["pilkada-2024-bali"])
    assert own_only.empty
    both = history.align_on_voting_day(
        frame, elections, election_ids=["pilkada-2024-bali"], include_unattributed=True
    )
    assert both["id"].tolist() == ["a"]
    assert both["days_from_voting_day"].tolist() == [-7]
    assert both["attributed"].tolist() == [False]


# --- filters and counts ----------------------------------------------------------------------------


def test_focus_keeps_the_regency_and_flags_province_wide_events(enriched):
    karangasem = history.filter_events(enriched, focus="51.07")
    assert set(karangasem["region_code"]) == {"51.07", "51"}
    assert karangasem["province_wide"].tolist() == (karangasem["region_code"] == "51").tolist()
    alone = history.filter_events(enriched, focus="51.07", include_province_wide=False)
    assert set(alone["region_code"]) == {"51.07"}
    assert len(alone) == 4


def test_period_filter_keeps_only_events_wholly_inside_unless_partial(enriched):
    period = {"start": dt.date(2018, 6, 1), "end": dt.date(2018, 12, 31)}
    inside = history.filter_events(enriched, **period)
    assert inside["id"].tolist() == ["bali-020"]  # 27 Jun 2018; the two "2018" events are not wholly inside
    overlapping = history.filter_events(enriched, **period, partial_dates=True)
    assert overlapping["id"].tolist() == ["bali-020", "bali-021", "bali-022"]


def test_category_and_region_filters(enriched):
    riots = history.filter_events(enriched, categories=["riot"], regions=["51.08", "51.71"])
    assert riots["id"].tolist() == ["bali-003", "bali-005"]


def test_monthly_counts_give_year_events_their_own_span(enriched):
    counts = history.counts_by(enriched, "month")
    assert counts["count"].sum() == len(enriched)
    coarse = counts.loc[counts["coarse"]]
    assert coarse["count"].sum() == 4
    assert set(coarse["period"]) == {"1998", "2012", "2018"}
    riots_1999 = counts.loc[(counts["period"] == "1999-10") & (counts["category"] == "riot"), "count"]
    assert riots_1999.tolist() == [5]


def test_yearly_counts_by_regency_roll_up(enriched):
    counts = history.counts_by(enriched, "year", by="regency")
    assert not counts["coarse"].any()
    in_2024 = counts.loc[counts["period"] == "2024"].set_index("regency")["count"]
    assert in_2024["51.07"] == 3
    assert counts["count"].sum() == len(enriched)


def test_heatmap_counts_regency_by_category(enriched):
    cells = history.heatmap_counts(enriched).set_index(["region_code", "category"])
    assert cells["count"].sum() == len(enriched)
    riots = cells.loc[("51.08", "riot")]
    assert (riots["count"], riots["max_severity"], riots["fatalities"]) == (1, 5, 0)
    clashes = cells.loc[("51.08", "clash")]
    assert clashes["count"] == 2
    assert clashes["fatalities_known"] <= clashes["count"]
    assert set(cells.index.get_level_values("category")) <= set(CATEGORIES)


# --- brush and URL text ----------------------------------------------------------------------------


def test_brush_in_epoch_milliseconds_reads_as_wita_days():
    # 2024-09-01 00:00 and 2024-12-31 00:00 in WITA (UTC+8)
    start_ms = int(pd.Timestamp("2024-08-31T16:00Z").timestamp() * 1000)
    end_ms = int(pd.Timestamp("2024-12-30T16:00Z").timestamp() * 1000)
    assert history.brush_range({"yearmonth_start": [start_ms, end_ms]}) == (
        dt.date(2024, 9, 1),
        dt.date(2024, 12, 31),
    )


def test_brush_in_iso_text_reversed_is_put_in_order():
    selection = {"start": ["2024-12-30T16:00:00.000Z", "2024-08-31T16:00:00.000Z"]}
    assert history.brush_range(selection) == (dt.date(2024, 9, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    "selection",
    [None, {}, {"start": []}, {"start": [None, 1]}, {"start": ["soon", "later"]}, {"start": [True, 1]}],
    ids=["none", "empty", "no ends", "null end", "text", "bool"],
)
def test_unusable_brush_gives_none(selection):
    assert history.brush_range(selection) is None


@given(hst.dates(min_value=dt.date(1900, 1, 1)), hst.dates(min_value=dt.date(1900, 1, 1)))
def test_encoded_ranges_read_back_unchanged(first, second):
    days = (min(first, second), max(first, second))
    assert history.decode_range(history.encode_range(days)) == days


@given(hst.text(max_size=30))
@example("2024-09-31~2024-10-01")
@example("2024-12-31~2024-09-01")
def test_any_range_text_decodes_or_says_what_was_wrong(text):
    try:
        first, last = history.decode_range(text, lang="en")
    except DataProblem as problem:
        caught = problem
    else:
        assert first <= last
        return
    assert text in caught.what
    assert caught.fix.startswith("Pick")
