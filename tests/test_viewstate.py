import datetime as dt

from hypothesis import given
from hypothesis import strategies as hst

from lib.core import viewstate
from lib.core.regions import REGENCY_CODES
from lib.core.viewstate import LAYERS, ViewState

ELECTIONS = ["pilkada-2024-bali", "pemilu-2024", "pemilu-2019"]
DEFAULT = "pilkada-2024-bali"

dates = hst.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
ranges = hst.tuples(dates, dates).map(lambda p: viewstate.format_range(min(p), max(p)))
safe_text = hst.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_.,:=~+-", max_size=40)
views = hst.builds(
    ViewState,
    election=hst.sampled_from(ELECTIONS),
    period=hst.one_of(hst.sampled_from(["all", "election"]), ranges),
    focus=hst.sampled_from([None, *REGENCY_CODES]),
    layers=hst.lists(hst.sampled_from(LAYERS), unique=True).map(
        lambda ls: tuple(x for x in LAYERS if x in ls)
    ),
    lang=hst.sampled_from(["id", "en"]),
    weights=safe_text,
    scenario=safe_text,
    brush=hst.one_of(hst.just(""), ranges),
    projector=hst.booleans(),
)


def decode(params):
    return viewstate.decode(params, elections=ELECTIONS, regions=REGENCY_CODES, default_election=DEFAULT)


@given(views)
def test_a_view_survives_the_round_trip_through_the_url(view):
    params = viewstate.encode(view, ViewState(election=DEFAULT))
    back = decode(params)
    assert back == view
    assert back.notices == ()


def test_defaults_make_a_short_link():
    assert viewstate.encode(ViewState(election=DEFAULT), ViewState(election=DEFAULT)) == {}
    params = viewstate.encode(
        ViewState(election=DEFAULT, focus="51.08", lang="en"), ViewState(election=DEFAULT)
    )
    assert params == {"r": "51.08", "lang": "en"}


def test_invalid_parameters_fall_back_to_defaults_with_a_notice():
    view = decode({"r": "99.99", "e": "pemilu-1900", "per": "yesterday", "lang": "en", "lay": "rocks"})
    assert view.focus is None
    assert view.election == DEFAULT
    assert view.period == "all"
    assert view.layers == viewstate.DEFAULT_LAYERS
    assert view.lang == "en"
    assert len(view.notices) == 4
    assert "99.99" in view.notices[0] or any("99.99" in n for n in view.notices)


def test_unknown_language_falls_back_to_indonesian_and_says_so():
    view = decode({"lang": "fr"})
    assert view.lang == "id"
    assert any("fr" in n for n in view.notices)


def test_unknown_parameter_names_are_reported():
    view = decode({"focus": "51.08"})
    assert view.focus is None
    assert any("focus" in n for n in view.notices)


def test_html_in_free_text_parameters_is_refused():
    view = decode({"w": "<script>alert(1)</script>"})
    assert view.weights == ""
    assert view.notices


def test_reversed_range_is_not_a_period():
    assert viewstate.parse_range("2024-12-31~2024-01-01") is None
    assert decode({"per": "2024-12-31~2024-01-01"}).period == "all"


def test_election_period_spans_its_stages():
    view = ViewState(election=DEFAULT, period="election")
    stages = [(dt.date(2024, 2, 27), dt.date(2024, 11, 16)), (dt.date(2024, 11, 27), dt.date(2024, 12, 16))]
    assert view.period_range(dt.date(2024, 11, 27), stages) == (dt.date(2024, 2, 27), dt.date(2024, 12, 16))


def test_projector_mode_travels_in_the_link_as_proj_1():
    view = ViewState(election=DEFAULT, projector=True)
    assert viewstate.encode(view, ViewState(election=DEFAULT)) == {"proj": "1"}
    assert decode({"proj": "1"}).projector is True
    assert decode({}).projector is False
    assert decode({"proj": "0"}).projector is False


def test_a_projector_flag_that_is_not_0_or_1_falls_back_with_a_notice():
    view = decode({"proj": "yes"})
    assert view.projector is False
    assert any("proj" in n and "yes" in n for n in view.notices)
