"""The Data page's checks, tested as lib: a partner's CSV as Excel writes it, indicator files, templates."""

import io

import openpyxl
import pandas as pd
import pytest

from lib import intake
from lib.core.problems import DataProblem
from tests.conftest import DATA_DIR

# What Excel on an Indonesian Windows writes for "CSV": Windows-1252, semicolons, CRLF, decimal commas.
EXCEL_CSV = (
    "Tanggal;Kabupaten/Kota;Kategori;Tingkat Keparahan;Uraian;Sumber\r\n"
    "13/09/2024;Gianyar;Intimidasi;2;Spanduk dirusak di depan caf\u00e9;https://example.org/a\r\n"
    "14/09/2024;Buleleng;Intimidasi;3;Ancaman kepada petugas;https://example.org/b\r\n"
    "15/09/2024;Bangli;Intimidasi;9;Baris dengan keparahan mustahil;https://example.org/c\r\n"
).encode("cp1252")


@pytest.fixture(scope="module")
def bundle():
    return intake.load_bundle(DATA_DIR)


@pytest.fixture(scope="module")
def excel_check(region_index):
    return intake.check_table(EXCEL_CSV, "rekap.csv", "events", index=region_index)


def test_check_table_reads_an_excel_csv_and_refuses_only_the_bad_row(excel_check):
    assert excel_check.filename == "rekap.csv"
    assert excel_check.digest == intake.file_digest(EXCEL_CSV)
    assert excel_check.read["encoding"] == "cp1252"
    assert excel_check.read["delimiter"] == ";"
    assert excel_check.result.rejected_rows == [4]
    assert [p.column for p in excel_check.result.problems] == ["Tingkat Keparahan"]  # the file's header
    good = excel_check.result.good
    assert list(good["region_code"]) == ["51.04", "51.08"]
    assert good["description"].iloc[0] == "Spanduk dirusak di depan caf\u00e9"
    assert set(good["origin"]) == {"import:rekap.csv"}
    assert excel_check.origin == "import:rekap.csv"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "id",
            "rekap.csv: dibaca sebagai CSV, pengodean Windows-1252, pemisah titik koma (;), "
            "judul kolom di baris 1.",
        ),
        ("en", "rekap.csv: read as CSV, encoding Windows-1252, delimiter semicolon (;), headers on row 1."),
    ],
)
def test_describe_read_says_how_the_file_was_read(excel_check, lang, sentence):
    assert intake.describe_read(excel_check.read, lang) == sentence


def test_good_preview_shows_the_file_row_numbers_under_the_template_headers(excel_check):
    preview = intake.good_preview(excel_check.result, "en")
    assert preview.columns[0] == "Row"
    assert list(preview["Row"]) == [2, 3]
    assert "origin" not in preview.columns
    assert "date_precision" not in preview.columns
    assert intake.header_label("events", "region_code", "en") in preview.columns
    assert list(preview.index) == [0, 1]


def test_check_indicator_file_keeps_good_rows_and_names_the_bad_row_by_file_row(bundle, region_index):
    data = (
        "Kabupaten/Kota;Indikator;Nilai;Tahun;Sumber\n"
        "Buleleng;ikp_kontestasi;54,19;2022;https://example.org/ikp\n"
        "Tabanann;ikp_kontestasi;59,85;2022;https://example.org/ikp\n"
    ).encode("cp1252")
    check = intake.check_indicator_file(
        data, "nilai.csv", definitions=bundle.indicators, index=region_index, lang="en"
    )
    assert check.filename == "nilai.csv"
    assert list(check.good["region_code"]) == ["51.08"]
    assert check.good["value"].iloc[0] == pytest.approx(54.19)
    assert list(check.problems.iloc[:, 0]) == [3]


def test_check_indicator_file_without_a_value_column_names_it(bundle, region_index):
    data = b"Kabupaten/Kota;Indikator;Tahun;Sumber\nBuleleng;ikp_kontestasi;2022;https://example.org/ikp\n"
    with pytest.raises(DataProblem) as refused:
        intake.check_indicator_file(data, "nilai.csv", definitions=bundle.indicators, index=region_index)
    assert intake.indicator_header("value", "id") in refused.value.what


def test_split_indicator_values_separates_bundled_rows_and_numbers_the_editable_ones_from_one():
    stored = pd.DataFrame(
        {
            "region_code": ["51.08", "51.04", "51.03"],
            "key": ["ikp_kontestasi", "turnout", "turnout"],
            "value": [54.19, 70.5, 71.0],
            "year": [2022, 2024, 2024],
            "source": ["https://example.org/a", "https://example.org/b", "https://example.org/c"],
            "note": [None, "x", None],
            "origin": [intake.BUNDLED_ORIGIN, intake.ENTERED_ORIGIN, "import:nilai.csv"],
        }
    )
    bundled, editable = intake.split_indicator_values(stored)
    assert list(bundled["region_code"]) == ["51.08"]
    assert list(editable.index) == [1, 2]
    assert list(editable["region_code"]) == ["51.04", "51.03"]
    assert str(editable["year"].dtype) == "Int64"
    assert "origin" not in editable.columns


def test_with_origins_keeps_the_stored_origin_of_an_unchanged_row():
    stored = pd.DataFrame(
        {
            "region_code": ["51.04", "51.03"],
            "key": ["turnout", "turnout"],
            "value": pd.array([70.5, 71.0], dtype="Float64"),
            "year": pd.array([2024, 2024], dtype="Int64"),
            "source": ["https://example.org/b", "https://example.org/c"],
            "note": [pd.NA, pd.NA],
            "origin": ["import:nilai.csv", "import:nilai.csv"],
        }
    )
    good = stored.drop(columns="origin").assign(value=pd.array([70.5, 72.0], dtype="Float64"))
    out = intake.with_origins(good, stored, origin=intake.ENTERED_ORIGIN)
    assert list(out["origin"]) == ["import:nilai.csv", intake.ENTERED_ORIGIN]


@pytest.mark.parametrize(
    ("lang", "sheets"), [("id", ["templat", "pilihan"]), ("en", ["template", "choices"])]
)
@pytest.mark.parametrize("kind", intake.TEMPLATE_KINDS)
def test_template_workbook_opens_with_a_template_and_a_choices_sheet(bundle, kind, lang, sheets):
    data = intake.template_workbook(kind, lang, definitions=bundle.indicators, regions=bundle.regions)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == sheets
    headers = [c.value for c in next(workbook[sheets[0]].iter_rows(max_row=1))]
    expected = (
        intake.indicator_template(lang) if kind == "indicator_values" else intake.template_frame(kind, lang)
    )
    assert headers == list(expected.columns)
    assert workbook[sheets[1]].max_row > 1


def test_the_indicator_template_needs_definitions_and_regions():
    with pytest.raises(ValueError, match="definitions and regions"):
        intake.template_workbook("indicator_values", "en")


def test_indicator_labels_and_headers_follow_the_language(bundle):
    definitions = intake.entered_definitions(bundle.indicators)
    labels = intake.indicator_labels(definitions, "en")
    assert list(labels) == list(definitions["key"])
    assert list(labels.values()) == list(definitions["label_en"])
    headers = intake.indicator_headers("id")
    assert set(headers) == {*intake.INDICATOR_FIELDS, "origin"}
    assert headers["value"] == intake.indicator_header("value", "id")


def test_the_previews_show_labels_and_place_names_never_codes():
    from lib.core.vocab import CATEGORIES

    index = intake.region_index(intake.load_regions(DATA_DIR))
    text = (
        "Tanggal,Kabupaten,Kategori,Tingkat keparahan,Uraian,Sumber,Keyakinan\n"
        "27/11/2024,Buleleng,politik uang,2,Amplop,Bawaslu,tinggi\n"
        "26/11/2024,Gianyar,netralitas ASN,1,Kepala dinas berkampanye,Bawaslu,sedang\n"
    )
    check = intake.check_table(text.encode(), "p.csv", "events", index=index, lang="id")
    preview = intake.good_preview(check.result, "id", region_names={"51.08": "Buleleng", "51.04": "Gianyar"})
    cells = {str(v) for v in preview.to_numpy().ravel()}
    assert {"Politik uang", "Netralitas ASN", "Buleleng", "Tinggi"} <= cells
    assert not cells & {*CATEGORIES, "high", "medium", "51.08"}
