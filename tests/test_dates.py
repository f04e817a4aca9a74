import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as hst

from lib.core.dates import ParsedDate, format_date, parse_date
from lib.core.problems import DataProblem


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Jumat, 13 September 2024", "2024-09-13", "day"),
        ("Jum'at, 13 Sept. 2024", "2024-09-13", "day"),
        ("Friday, 13 September 2024", "2024-09-13", "day"),
        ("06/09/2024", "2024-09-06", "day"),
        ("6/9/2024", "2024-09-06", "day"),
        ("06-09-24", "2024-09-06", "day"),
        ("06.09.2024", "2024-09-06", "day"),
        ("2024-09-06", "2024-09-06", "day"),
        ("6 September 2024", "2024-09-06", "day"),
        ("6 Sep 2024", "2024-09-06", "day"),
        ("13-Sep-2024", "2024-09-13", "day"),
        ("September 13, 2024", "2024-09-13", "day"),
        ("27 Nopember 2024", "2024-11-27", "day"),
        ("17 Agt 2024", "2024-08-17", "day"),
        ("17 Ags 2024", "2024-08-17", "day"),
        ("17 Agu 2024", "2024-08-17", "day"),
        ("1 Mei 2024", "2024-05-01", "day"),
        ("1 May 2024", "2024-05-01", "day"),
        ("25 Des 2024", "2024-12-25", "day"),
        ("1 Okt 2024", "2024-10-01", "day"),
        ("Rabu, 14 Februari 2024", "2024-02-14", "day"),
        ("13/09/2024 14.30 WITA", "2024-09-13", "day"),
        ("2024-09-13 00:00:00", "2024-09-13", "day"),
        ("  13 SEPTEMBER 2024  ", "2024-09-13", "day"),
        ("September 2024", "2024-09", "month"),
        ("Agustus 2024", "2024-08", "month"),
        ("09/2024", "2024-09", "month"),
        ("2024-09", "2024-09", "month"),
        ("2024", "2024", "year"),
        ("45548", "2024-09-13", "day"),
    ],
)
def test_dates_as_partners_write_them_are_read(text, value, precision):
    assert parse_date(text) == ParsedDate(value, precision)


@pytest.mark.parametrize(
    "cell",
    [
        dt.datetime(2024, 9, 13, 10, 30),
        dt.date(2024, 9, 13),
        pd.Timestamp("2024-09-13"),
        np.datetime64("2024-09-13"),
        45548,
        45548.75,
        np.int64(45548),
    ],
    ids=["datetime", "date", "timestamp", "datetime64", "serial", "serial with time", "numpy serial"],
)
def test_excel_date_cells_are_read_as_days(cell):
    assert parse_date(cell) == ParsedDate("2024-09-13", "day")


def test_a_year_typed_as_a_number_is_a_year_not_an_excel_serial():
    assert parse_date(2024) == ParsedDate("2024", "year")


def test_day_first_is_the_indonesian_reading():
    assert parse_date("03/04/2024").value == "2024-04-03"


def test_impossible_day_names_the_month_length():
    with pytest.raises(DataProblem) as caught:
        parse_date("31/02/2024")
    assert "31/02/2024" in caught.value.what
    assert "29" in caught.value.what
    assert caught.value.fix.startswith("Tulis")


def test_month_thirteen_is_refused_rather_than_read_as_american():
    with pytest.raises(DataProblem, match="09/13/2024"):
        parse_date("09/13/2024")


def test_a_day_name_that_contradicts_the_date_is_refused():
    with pytest.raises(DataProblem) as caught:
        parse_date("Senin, 13 September 2024")
    assert "Jumat" in caught.value.what
    assert "Senin" in caught.value.what


@pytest.mark.parametrize("empty", ["", "   ", None, float("nan"), pd.NA, pd.NaT])
def test_empty_dates_are_a_problem(empty):
    with pytest.raises(DataProblem, match="kosong"):
        parse_date(empty)


@pytest.mark.parametrize("text", ["kemarin", "13 Septober 2024", "1850", "32/01/2024", "2024-02-30"])
def test_unreadable_dates_are_quoted_back(text):
    with pytest.raises(DataProblem) as caught:
        parse_date(text)
    assert text in caught.value.what


def test_messages_follow_the_language():
    with pytest.raises(DataProblem) as caught:
        parse_date("31/02/2024", lang="en")
    assert "February 2024 has only 29 days" in caught.value.what


def test_parsed_date_knows_its_first_and_last_day():
    assert ParsedDate("2024-02", "month").last_day == dt.date(2024, 2, 29)
    assert ParsedDate("2024", "year").first_day == dt.date(2024, 1, 1)
    assert ParsedDate("2024", "year").last_day == dt.date(2024, 12, 31)


def test_format_date_writes_indonesian_by_default():
    assert format_date(ParsedDate("2024-09-13", "day"), weekday=True) == "Jumat, 13 September 2024"
    assert format_date(ParsedDate("2024-11", "month")) == "November 2024"
    assert format_date(ParsedDate("2024-11-27", "day"), lang="en") == "27 November 2024"


parsed_dates = hst.builds(
    lambda day, precision: ParsedDate(
        {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision],
        precision,
    ),
    hst.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    hst.sampled_from(["day", "month", "year"]),
)


@given(
    parsed_dates,
    hst.sampled_from(["id", "en"]),
    hst.sampled_from(["text", "numeric", "iso"]),
    hst.booleans(),
)
def test_formatted_dates_read_back_unchanged(date, lang, style, weekday):
    assert parse_date(format_date(date, lang=lang, style=style, weekday=weekday)) == date


@given(hst.text(max_size=30))
@example("31/02/2024")
@example("Jumat, 31 September 2024")
@example("99999")
@example("\u0662\u0660\u0662\u0664")
@example("Senin")
@example("1 t10:30")
def test_any_text_parses_or_is_quoted_back(text):
    found, problem = outcome(text)
    if problem is not None:
        assert text.strip() in problem.what
    else:
        assert found.precision in ("day", "month", "year")
        assert found.first_day <= found.last_day


def outcome(text):
    """Return (date, None) or (None, problem): any other exception fails the test."""
    try:
        return parse_date(text), None
    except DataProblem as problem:
        return None, problem
