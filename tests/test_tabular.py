import datetime as dt
import io
import zipfile

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from lib.core.problems import DataProblem
from lib.core.text import cell_text
from lib.intake import read_table
from tests.conftest import FIXTURES

POLRES_CSV = FIXTURES / "import_polres_cp1252.csv"


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """Build a workbook with openpyxl, as Excel would save it."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_excel_semicolon_csv_in_windows_1252_is_read():
    frame = read_table(POLRES_CSV.read_bytes(), POLRES_CSV.name)
    assert frame.attrs["encoding"] == "cp1252"
    assert frame.attrs["delimiter"] == ";"
    assert list(frame.columns)[:3] == ["No", "Hari/Tanggal", "Kab/Kota"]
    assert list(frame.index) == [2, 3, 4, 5]  # the empty last line is dropped
    assert "\u201cKarisma\u201d" in frame.loc[3, "Uraian"]
    assert "Rp150.000" in frame.loc[3, "Uraian"]
    assert frame.loc[4, "Uraian"].startswith("Pria yang")  # a quoted cell holding a semicolon
    assert pd.isna(frame.loc[3, "Korban Jiwa"])


def test_accented_windows_1252_text_survives():
    data = "Lokasi;Biaya\r\nD\u00e9sa Pering;Rp1.500.000\r\n".encode("cp1252")
    frame = read_table(data, "polres.csv")
    assert frame.attrs["encoding"] == "cp1252"
    assert frame.loc[2, "Lokasi"] == "D\u00e9sa Pering"
    assert frame.loc[2, "Biaya"] == "Rp1.500.000"


def test_utf8_with_bom_and_commas_is_read():
    data = '\ufeffTanggal,Uraian\n13/09/2024,"Baliho rusak, dilaporkan"\n'.encode()
    frame = read_table(data, "bawaslu.csv")
    assert frame.attrs["encoding"] == "utf-8-sig"
    assert frame.attrs["delimiter"] == ","
    assert list(frame.columns) == ["Tanggal", "Uraian"]
    assert frame.loc[2, "Uraian"] == "Baliho rusak, dilaporkan"


def test_tab_separated_unicode_text_from_excel_is_read():
    data = "Tanggal\tKabupaten\n13/09/2024\tGianyar\n".encode("utf-16")
    frame = read_table(data, "rekap.txt")
    assert frame.attrs["delimiter"] == "\t"
    assert frame.loc[2, "Kabupaten"] == "Gianyar"


def test_sep_line_written_by_excel_users_is_honoured():
    frame = read_table(b"sep=;\nTanggal;Uraian\n13/09/2024;a,b\n", "x.csv")
    assert frame.attrs["delimiter"] == ";"
    assert frame.loc[3, "Uraian"] == "a,b"


def test_every_cell_is_text_and_empty_cells_are_na():
    frame = read_table(b"a;b\n007;\n", "x.csv")
    assert all(str(dtype) == "string" for dtype in frame.dtypes)
    assert frame.loc[2, "a"] == "007"
    assert frame.loc[2, "b"] is pd.NA


def test_gianyar_workbook_with_a_title_row_and_date_cells_is_read():
    data = xlsx_bytes(
        {
            "Temuan": [
                ["REKAP TEMUAN BAWASLU KABUPATEN GIANYAR"],
                [],
                ["No", "Hari/Tanggal", "Kabupaten", "Tingkat Keparahan"],
                [1, "Senin, 27 November 2023", "Gianyar", 2],
                [2, dt.datetime(2023, 12, 11), "Kab. Gianyar", 1.0],
            ]
        }
    )
    frame = read_table(data, "temuan_gianyar.xlsx")
    assert frame.attrs["format"] == "xlsx"
    assert frame.attrs["sheet"] == "Temuan"
    assert frame.attrs["header_row"] == 3
    assert list(frame.index) == [4, 5]
    assert frame.loc[5, "Hari/Tanggal"] == "2023-12-11"
    assert frame.loc[5, "Tingkat Keparahan"] == "1"
    assert frame.loc[4, "No"] == "1"


def test_first_non_empty_sheet_is_read_unless_one_is_named():
    data = xlsx_bytes({"Kosong": [], "Data": [["a"], ["1"]], "Lain": [["b"], ["2"]]})
    assert list(read_table(data, "x.xlsx").columns) == ["a"]
    assert list(read_table(data, "x.xlsx", sheet="Lain").columns) == ["b"]
    with pytest.raises(DataProblem, match="Data, Lain"):
        read_table(data, "x.xlsx", sheet="Tidak ada")


def test_empty_sheet_is_refused():
    with pytest.raises(DataProblem, match="kosong") as caught:
        read_table(xlsx_bytes({"Sheet1": []}), "kosong.xlsx")
    assert "kosong.xlsx" in caught.value.what


def test_named_empty_sheet_is_refused():
    data = xlsx_bytes({"Data": [["a"], ["1"]], "Kosong": []})
    with pytest.raises(DataProblem, match="Kosong"):
        read_table(data, "x.xlsx", sheet="Kosong")


@pytest.mark.parametrize(
    "data", [b"", b"\r\n \n", b";;;\r\n;;;\r\n"], ids=["no bytes", "blank", "only separators"]
)
def test_empty_file_is_refused(data):
    with pytest.raises(DataProblem, match="kosong"):
        read_table(data, "kosong.csv")


def test_header_only_is_refused():
    with pytest.raises(DataProblem, match="hanya berisi baris judul"):
        read_table(b"Tanggal;Kabupaten\r\n", "judul.csv")


def test_fifty_megabytes_are_refused_before_parsing():
    data = b"\x00" * 50_000_000  # not even a CSV: the size alone decides
    with pytest.raises(DataProblem) as caught:
        read_table(data, "besar.csv")
    assert "50 MB" in caught.value.what
    assert "20 MB" in caught.value.what
    assert caught.value.fix.startswith("Bagi")


def test_size_limit_is_configurable_and_spoken_in_english():
    with pytest.raises(DataProblem, match=r"1\.5 MB; the limit is 1 MB"):
        read_table(b"a\n" * 750_000, "big.csv", max_bytes=1_000_000, lang="en")


def test_png_renamed_csv_is_refused():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(DataProblem, match="bukan berkas CSV atau Excel"):
        read_table(png, "foto.csv")


def test_corrupt_zip_renamed_xlsx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "bukan buku kerja")
    with pytest.raises(DataProblem, match="tidak bisa dibuka sebagai buku kerja"):
        read_table(buffer.getvalue(), "laporan.xlsx")


def test_truncated_workbook_is_refused():
    data = xlsx_bytes({"Data": [["a"], ["1"]]})
    with pytest.raises(DataProblem, match="rusak"):
        read_table(data[: len(data) // 2], "terpotong.xlsx")


def test_text_renamed_xlsx_is_refused():
    with pytest.raises(DataProblem, match="tidak bisa dibuka"):
        read_table(b"Tanggal;Kabupaten\n1;2\n", "laporan.xlsx")


@pytest.mark.parametrize("name", ["lama.xls", "lama.ods"])
def test_old_spreadsheets_ask_for_xlsx(name):
    with pytest.raises(DataProblem) as caught:
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, name)
    assert ".xlsx" in caught.value.fix


def test_password_protected_workbook_asks_to_remove_the_password():
    with pytest.raises(DataProblem, match="kata sandi"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "rahasia.xlsx")


def test_other_file_types_are_refused_by_name():
    with pytest.raises(DataProblem, match="laporan.pdf"):
        read_table(b"%PDF-1.7", "laporan.pdf")


def test_duplicate_headers_are_refused_by_name():
    with pytest.raises(DataProblem, match="\u201cTanggal\u201d"):
        read_table(b"Tanggal;Uraian;tanggal\n1;2;3\n", "kembar.csv")


def test_rows_longer_than_the_header_are_flagged():
    frame = read_table(b"a;b\n1;2\n3;4;5\n", "x.csv")
    assert frame.attrs["overlong_rows"] == [3]
    assert list(frame.columns) == ["a", "b"]


def test_a_column_with_data_but_no_header_gets_a_name():
    frame = read_table(b"a;;c\n1;2;3\n", "x.csv")
    assert list(frame.columns) == ["a", "(kolom B tanpa judul)", "c"]


def test_a_zip_bomb_is_refused_by_its_unpacked_size():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 3_000_000)
    with pytest.raises(DataProblem, match="MB"):
        read_table(buffer.getvalue(), "bom.xlsx", max_bytes=200_000)


def test_cell_text_shows_numbers_and_dates_as_people_see_them():
    assert cell_text(2.0) == "2"
    assert cell_text(-8.5441) == "-8.5441"
    assert cell_text(True) == "TRUE"
    assert cell_text(dt.datetime(2024, 9, 13, 14, 30)) == "2024-09-13 14:30:00"
    assert cell_text("\u00a0 ") is None
    assert cell_text(float("nan")) is None


@settings(max_examples=60, deadline=None)
@given(hst.binary(max_size=300), hst.sampled_from(["x.csv", "x.xlsx", "x.txt", "x"]))
def test_any_bytes_give_a_table_or_a_data_problem(data, name):
    frame, problem = outcome(data, name)
    if problem is not None:
        assert problem.what
        assert problem.fix
    else:
        assert len(frame) >= 1
        assert all(str(dtype) == "string" for dtype in frame.dtypes)


def outcome(data, name):
    """Return (frame, None) or (None, problem): any other exception fails the test."""
    try:
        return read_table(data, name), None
    except DataProblem as problem:
        return None, problem


def test_damaged_workbooks_give_a_data_problem_not_a_crash():
    import random

    data = xlsx_bytes({"Data": [["a", "b"], [1, "x"], [2, "y"]]})
    chance = random.Random(4)  # fixed seed: these damaged copies once raised zlib and zip errors
    for _ in range(60):
        damaged = bytearray(data)
        for _ in range(chance.randint(1, 10)):
            damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        frame, problem = outcome(bytes(damaged), "rusak.xlsx")
        assert problem is not None or list(frame.columns) == ["a", "b"]
