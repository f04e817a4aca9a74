import csv
import datetime as dt
import io

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as hst

from lib.intake import FORMULA_TRIGGERS, printable_text, safe_cell, to_csv_bytes, to_xlsx_bytes

ATTACKS = [
    '=HYPERLINK("http://evil.example","klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
]


def open_xlsx(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_like_text_gets_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-5, -8.5441, 0, 3.25, True, None, dt.date(2024, 9, 13), "Gianyar", ""])
def test_numbers_dates_and_plain_text_are_unchanged(value):
    assert safe_cell(value) == value


def test_xlsx_has_no_formulas_and_keeps_the_text():
    frame = pd.DataFrame({"uraian": ATTACKS, "korban": list(range(-3, len(ATTACKS) - 3))})
    book = open_xlsx(to_xlsx_bytes({"Rekap": frame}))
    sheet = book["Rekap"]
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    for (text, number), attack, expected in zip(values, ATTACKS, frame["korban"], strict=True):
        assert text == "'" + attack.replace("\r", "\n")  # a lone carriage return becomes a line break
        assert number == expected  # negative numbers stay numbers
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_urls_and_number_like_text_stay_text():
    frame = pd.DataFrame(
        {"sumber": ["https://balipost.com/news/x"], "kode": pd.array(["0051"], dtype="string")}
    )
    sheet = open_xlsx(to_xlsx_bytes({"s": frame}))["s"]
    assert sheet["A2"].value == "https://balipost.com/news/x"
    assert sheet["A2"].hyperlink is None
    assert sheet["B2"].value == "0051"
    assert sheet["B2"].data_type == "s"


def test_xlsx_header_is_bold_frozen_and_columns_sized():
    frame = pd.DataFrame({"Kabupaten": ["Gianyar"], "Uraian": ["x" * 200]})
    sheet = open_xlsx(to_xlsx_bytes({"Rekap": frame}))["Rekap"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert 6 <= sheet.column_dimensions["A"].width <= 20
    assert sheet.column_dimensions["B"].width <= 61


def test_xlsx_writes_missing_values_as_empty_and_dates_as_dates():
    frame = pd.DataFrame(
        {
            "tanggal": [pd.Timestamp("2024-09-13"), pd.NaT],
            "korban": pd.array([0, None], dtype="Int64"),
            "lat": pd.array([-8.5441, None], dtype="Float64"),
            "teks": pd.array(["a", None], dtype="string"),
            "np": [np.int64(7), np.float64("nan")],
        }
    )
    sheet = open_xlsx(to_xlsx_bytes({"s": frame}))["s"]
    assert sheet["A2"].value == dt.datetime(2024, 9, 13)
    assert [sheet[f"{c}2"].value for c in "BCDE"] == [0, -8.5441, "a", 7]
    assert [sheet[f"{c}3"].value for c in "ABCDE"] == [None] * 5


def test_several_sheets_with_awkward_names():
    data = to_xlsx_bytes(
        {"Rekap/Harian: [Bali]": pd.DataFrame({"a": [1]}), "x" * 40: pd.DataFrame({"b": [2]})}
    )
    book = open_xlsx(data)
    assert book.sheetnames == ["Rekap_Harian_ _Bali_", "x" * 31]


def test_empty_frame_still_writes_its_header():
    sheet = open_xlsx(to_xlsx_bytes({"kosong": pd.DataFrame(columns=["=a", "b"])}))["kosong"]
    assert [c.value for c in sheet[1]] == ["'=a", "b"]


def test_csv_has_a_bom_and_neutralised_cells():
    frame = pd.DataFrame({"uraian": ["=1+1", "D\u00e9sa Pering"], "korban": [-2, 0]})
    data = to_csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["uraian", "korban"], ["'=1+1", "-2"], ["D\u00e9sa Pering", "0"]]


def test_csv_for_indonesian_excel_uses_semicolons():
    data = to_csv_bytes(pd.DataFrame({"a": ["x;y"], "b": [1.5]}), sep=";")
    assert data.decode("utf-8-sig") == 'a;b\r\n"x;y";1.5\r\n'


@given(hst.text(max_size=40))
@example("=cmd")
@example("\uff1dcmd")
@example(" \t@x")
def test_any_text_never_starts_a_formula(text):
    safe = safe_cell(text)
    assert not str(safe).startswith(FORMULA_TRIGGERS)
    assert not str(safe).lstrip().startswith(FORMULA_TRIGGERS)
    assert str(safe).removeprefix("'") == text or safe == text


@settings(max_examples=25, deadline=None)
# "_x0041_"-like text is escaped by xlsxwriter as Excel expects; openpyxl does not unescape it.
@given(hst.lists(hst.text(max_size=20).filter(lambda s: "_x" not in s), min_size=1, max_size=5))
@example(["\x08", "a\r\nb", "=1+1", ""])
def test_any_text_survives_the_xlsx_round_trip_without_formulas(texts):
    sheet = open_xlsx(to_xlsx_bytes({"s": pd.DataFrame({"teks": texts})}))["s"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type != "f" for cell in cells)
    for cell, text in zip(cells, texts + [None] * len(cells), strict=False):
        assert (cell.value or "") == printable_text(str(safe_cell(text)))
