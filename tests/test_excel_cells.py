"""Cells as Excel and other tools store them: date cells, serials, datetime text, formulas without values.

Every importer reads dates through :func:`lib.core.dates.parse_date`, so an event sheet and an
ACLED export saved from Excel read alike; a formula cell without a stored value is read as its
formula text and the import says so.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from lib import intake
from lib.core.dates import parse_date
from lib.intake import read_table
from tests.conftest import DATA_DIR

TODAY = dt.date(2025, 6, 30)
HEADER = ["Tanggal", "Kabupaten", "Kategori", "Tingkat keparahan", "Uraian", "Sumber"]


def _workbook(rows: list[list[object]], *, number_format: str | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if number_format:
        for cell in sheet["A"][1:]:
            cell.number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _check(data: bytes, name: str = "polres.xlsx", lang: str = "id") -> intake.TableCheck:
    index = intake.region_index(intake.load_regions(DATA_DIR))
    return intake.check_table(data, name, "events", index=index, lang=lang, today=TODAY)


def test_an_event_sheet_with_excel_date_cells_keeps_every_row():
    data = _workbook(
        [
            [
                dt.datetime(2024, 11, 27),
                "Buleleng",
                "Intimidasi",
                2,
                "Ancaman kepada saksi",
                "Polres Buleleng",
            ],
            [dt.date(2024, 11, 26), "Gianyar", "Politik uang", 3, "Bagi-bagi amplop", "Bawaslu Gianyar"],
            [dt.datetime(2024, 11, 25, 14, 30), "Badung", "Hoaks", 1, "Video palsu", "Polres Badung"],
        ],
        number_format="dd/mm/yyyy",
    )
    check = _check(data)
    assert check.result.problems == []
    assert sorted(check.result.good["date"]) == ["2024-11-25", "2024-11-26", "2024-11-27"]


def test_excel_serials_and_datetime_text_in_a_csv_are_dates():
    text = "\n".join(
        [
            ",".join(HEADER),
            "45623,Buleleng,intimidasi,2,Ancaman,Polres",
            "2024-11-26 00:00:00,Gianyar,hoaks,1,Video palsu,Polres",
            "2024-11-25T08:15:00,Badung,hoaks,1,Pesan berantai,Polres",
        ]
    )
    check = _check(text.encode(), "polres.csv")
    assert check.result.problems == []
    assert sorted(check.result.good["date"]) == ["2024-11-25", "2024-11-26", "2024-11-27"]


@settings(max_examples=60, deadline=None)
@given(day=hst.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_every_way_a_spreadsheet_holds_a_day_reads_as_that_day(day):
    serial = (day - dt.date(1899, 12, 30)).days
    as_cell = dt.datetime.combine(day, dt.time())
    written = [
        day.isoformat(),
        f"{day.isoformat()} 00:00:00",
        f"{day.isoformat()}T13:45:00",
        str(serial),
        f"{serial}.0",
        as_cell,
        day,
        day.strftime("%d/%m/%Y"),
    ]
    for value in written:
        parsed = parse_date(value)
        assert (parsed.value, parsed.precision) == (day.isoformat(), "day"), value


def _formula_workbook() -> bytes:
    # openpyxl, like many scripts and exports, stores formulas without calculating them.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*HEADER, "Kecamatan", "Desa"])
    sheet.append(
        ["27/11/2024", "Buleleng", "Intimidasi", 2, '=G2&" - "&H2', "Polres Buleleng", "Seririt", "Ularan"]
    )
    sheet.append(["=TODAY()", "Gianyar", "Hoaks", 1, "Video palsu", "Polres Gianyar", None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_formula_without_a_stored_value_is_read_as_its_text_and_said_so():
    data = _formula_workbook()
    frame = read_table(data, "rumus.xlsx")
    assert frame.loc[2, "Uraian"] == '=G2&" - "&H2'  # not empty, so not "wajib diisi"
    assert frame.attrs["formula_cells"] == [(2, "Uraian"), (3, "Tanggal")]
    check = _check(data, "rumus.xlsx")
    assert 2 in check.result.good.index  # the description holds the formula text
    refused = [p for p in check.result.problems if p.row == 3]
    assert [p.column for p in refused] == ["Tanggal"]
    assert "rumus" in refused[0].expected
    assert "wajib diisi" not in " ".join(p.expected for p in check.result.problems)
    said = intake.describe_read(check.read, "id")
    assert "2 sel berisi rumus" in said


def test_the_formula_text_is_neutralised_again_on_export():
    frame = read_table(_formula_workbook(), "rumus.xlsx")
    exported = intake.to_xlsx_bytes({"data": frame.reset_index()})
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(text.startswith("=") for text in texts)
    assert any("G2" in text for text in texts)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_workbook_calculated_by_excel_reads_its_values_not_its_formulas(lang):
    # xlsxwriter stores a value with each formula, as Excel does after calculating.
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["27/11/2024", "Buleleng", "Intimidasi", 2])
    sheet.write_formula(1, 4, '="Ancaman"&" kepada saksi"', None, "Ancaman kepada saksi")
    sheet.write(1, 5, "Polres")
    book.close()
    frame = read_table(buffer.getvalue(), "hitung.xlsx", lang=lang)
    assert frame.loc[2, "Uraian"] == "Ancaman kepada saksi"
    assert frame.attrs["formula_cells"] == []
