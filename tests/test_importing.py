import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from lib.core.i18n import STRINGS
from lib.core.problems import DataProblem
from lib.core.vocab import EVENT_COLUMNS
from lib.intake import (
    KINDS,
    LINK_IMPORT_COLUMNS,
    SCHEMAS,
    STAKEHOLDER_IMPORT_COLUMNS,
    choices_frame,
    event_id,
    fold_header,
    map_headers,
    problems_frame,
    read_table,
    summary,
    template_frame,
    to_xlsx_bytes,
    validate_rows,
)
from tests.conftest import FIXTURES

TODAY = dt.date(2025, 1, 31)
POLRES_CSV = FIXTURES / "import_polres_cp1252.csv"

# Three Gianyar events from data/events.csv (bali-035, bali-037, bali-040), written the way a
# Bawaslu Gianyar recap would hold them, and one row with an impossible date.
GIANYAR_ROWS = [
    ["REKAP TEMUAN BAWASLU KABUPATEN GIANYAR"],
    [],
    [
        "No",
        "Hari/Tanggal",
        "Kabupaten",
        "Lokasi",
        "Kategori",
        "Uraian Temuan",
        "Tingkat Keparahan",
        "Korban Jiwa",
        "Sumber",
        "Keterangan",
    ],
    [
        1,
        "Senin, 27 November 2023",
        "Gianyar",
        "Halaman Kantor Bupati Gianyar",
        "Intimidasi",
        "Wakil Ketua DPRD Gianyar mencengkeram kerah baju Kasatpol PP Gianyar; "
        "baliho ucapan hari raya miliknya di Blahbatuh dianggap kedaluwarsa.",
        2,
        None,
        "https://bali.tribunnews.com/2023/11/28/kronologi-wakil-ketua-dprd-gianyar-cekik-kerah-baju-kasatpol-pp-"
        "bermula-baliho-dianggap-kedaluwarsa",
        None,
    ],
    [
        2,
        dt.datetime(2023, 12, 11),
        "Kab. Gianyar",
        "Desa Pupuan, Tegalalang",
        "Lainnya",
        "Baliho kampanye Gerindra ditemukan rusak; Bawaslu Gianyar menelusuri apakah disengaja.",
        1,
        None,
        "https://bali.tribunnews.com/2023/12/11/bawaslu-gianyar-telusuri-baliho-rusak-di-tegalalang",
        None,
    ],
    [
        3,
        "Rabu, 14 Februari 2024",
        "GIANYAR",
        "TPS 14 Desa Pering, Blahbatuh",
        "lainnya",
        "Daftar hadir sudah ditandatangani atas nama pemilih sebelum ia memilih, "
        "dan dua warga Jakarta memilih dengan C6 Jakarta. Bawaslu Gianyar merekomendasikan PSU.",
        2,
        None,
        "https://balipost.com/news/2024/02/20/388642/Bawaslu-Rekomendasikan-PSU-Pilpres-di...html",
        "PSU digelar",
    ],
    [
        4,
        "Jumat, 31 Februari 2024",
        "Gianyar",
        "Blahbatuh",
        "Lainnya",
        "Baris uji dengan tanggal yang tidak ada.",
        1,
        None,
        None,
        None,
    ],
]


def workbook(rows: list[list[object]], title: str = "Temuan") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def events_frame(**columns: list[object]) -> pd.DataFrame:
    """Build a small events table under the given headers (row 2 is the first data row)."""
    base = {
        "Tanggal": ["13/09/2024"],
        "Kabupaten": ["Gianyar"],
        "Kategori": ["Intimidasi"],
        "Tingkat keparahan": ["2"],
        "Uraian": ["Baris uji"],
    }
    base.update(columns)
    size = max(len(v) for v in base.values())
    return pd.DataFrame({k: pd.array((v * size)[:size], dtype="string") for k, v in base.items()})


@pytest.fixture(scope="module")
def gianyar(region_index):
    frame = read_table(workbook(GIANYAR_ROWS), "temuan_gianyar.xlsx")
    return validate_rows(frame, "events", index=region_index, today=TODAY)


@pytest.fixture(scope="module")
def polres(region_index):
    frame = read_table(POLRES_CSV.read_bytes(), POLRES_CSV.name)
    return validate_rows(frame, "events", index=region_index, today=TODAY)


def test_gianyar_workbook_keeps_its_three_good_rows(gianyar):
    good = gianyar.good
    assert list(good.columns) == list(EVENT_COLUMNS)
    assert list(good.index) == [4, 5, 6]
    assert list(good["date"]) == ["2023-11-27", "2023-12-11", "2024-02-14"]
    assert set(good["date_precision"]) == {"day"}
    assert set(good["region_code"]) == {"51.04"}
    assert list(good["category"]) == ["intimidation", "other", "other"]
    assert list(good["severity"]) == [2, 1, 2]
    assert good["fatalities"].isna().all()  # unknown, never 0 by default
    assert set(good["classification"]) == {"TERBUKA"}
    assert set(good["origin"]) == {"import:temuan_gianyar.xlsx"}
    assert all(i.startswith("imp-") and len(i) == 16 for i in good["id"])


def test_gianyar_impossible_date_is_reported_with_its_row_and_column(gianyar):
    assert gianyar.rejected_rows == [7]
    (problem,) = gianyar.problems
    assert problem.column == "Hari/Tanggal"
    assert problem.value == "Jumat, 31 Februari 2024"
    assert "29 hari" in problem.expected


def test_gianyar_headers_are_recognised_and_extras_listed(gianyar):
    assert gianyar.column_map["date"] == "Hari/Tanggal"
    assert gianyar.column_map["description"] == "Uraian Temuan"
    assert gianyar.unknown_columns == ["No", "Keterangan"]  # "Uraian Temuan" wins over "Keterangan"
    assert "lat" in gianyar.missing_columns


def test_polres_csv_keeps_good_rows_and_suggests_the_region(polres):
    assert list(polres.good.index) == [2, 3, 4]
    assert list(polres.good["region_code"]) == ["51.08", "51.07", "51.07"]
    assert list(polres.good["category"]) == ["violence", "money_politics", "violence"]
    assert polres.good.loc[3, "description"].endswith("Rp150.000 per suara.")
    assert list(polres.good["fatalities"].astype("object")) == [0, pd.NA, 0]
    (problem,) = polres.problems
    assert (problem.row, problem.column, problem.value) == (5, "Kab/Kota", "Karangasm")
    assert "Karangasem (51.07)" in problem.expected
    assert polres.unknown_columns == ["No"]


def test_revalidating_the_same_file_gives_the_same_ids(region_index, polres):
    again = validate_rows(
        read_table(POLRES_CSV.read_bytes(), POLRES_CSV.name), "events", index=region_index, today=TODAY
    )
    assert list(again.good["id"]) == list(polres.good["id"])
    pd.testing.assert_frame_equal(again.good, polres.good)


def test_exported_rows_reimport_unchanged(region_index, polres):
    exported = to_xlsx_bytes({"Kejadian": polres.good})
    back = validate_rows(read_table(exported, "ekspor.xlsx"), "events", index=region_index, today=TODAY)
    assert back.problems == []
    assert back.unknown_columns == []
    left = polres.good.drop(columns="origin").reset_index(drop=True)
    right = back.good.drop(columns="origin").reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right)


def test_event_ids_ignore_case_and_spacing_but_not_the_date():
    first = event_id("2024-09-13", "51.04", "intimidation", "Baliho  dirusak")
    assert first == event_id("2024-09-13", "51.04", "intimidation", " baliho dirusak ")
    assert first != event_id("2024-09-14", "51.04", "intimidation", "Baliho dirusak")


def test_a_given_id_is_kept(region_index):
    result = validate_rows(events_frame(ID=["bawaslu-gianyar-7"]), "events", index=region_index, today=TODAY)
    assert list(result.good["id"]) == ["bawaslu-gianyar-7"]


def test_scenario_date_with_day_name_is_read(region_index):
    frame = events_frame(Tanggal=["Jumat, 13 September 2024"])
    result = validate_rows(frame, "events", index=region_index, today=TODAY)
    assert result.problems == []
    assert result.good.loc[2, "date"] == "2024-09-13"


def test_month_precision_is_kept(region_index):
    result = validate_rows(events_frame(Tanggal=["November 2024"]), "events", index=region_index, today=TODAY)
    assert (result.good.loc[2, "date"], result.good.loc[2, "date_precision"]) == ("2024-11", "month")


def test_future_dates_are_refused(region_index):
    result = validate_rows(events_frame(Tanggal=["01/02/2025"]), "events", index=region_index, today=TODAY)
    assert result.good.empty
    assert "belum terjadi" in result.problems[0].expected


def test_rows_repeated_in_the_file_are_kept_once(region_index):
    frame = events_frame(Uraian=["Sama", "Sama", "Lain", "sama"])
    result = validate_rows(frame, "events", index=region_index, today=TODAY)
    assert list(result.good.index) == [2, 4]
    assert result.duplicates_in_file == 2
    assert result.duplicate_rows == {3: 2, 5: 2}
    assert result.problems == []


def test_same_event_with_other_values_is_a_conflict(region_index):
    frame = events_frame(**{"Tingkat keparahan": ["2", "3"]})
    result = validate_rows(frame, "events", index=region_index, today=TODAY)
    assert list(result.good.index) == [2]
    assert result.problems[0].row == 3
    assert "baris 2" in result.problems[0].expected


def test_missing_required_column_refuses_the_whole_file(region_index):
    frame = events_frame().drop(columns="Kategori")
    with pytest.raises(DataProblem, match="Kategori") as caught:
        validate_rows(frame, "events", index=region_index)
    assert caught.value.fix.startswith("Tambahkan")


def test_a_default_region_fills_a_sheet_without_one(region_index):
    frame = events_frame().drop(columns="Kabupaten")
    result = validate_rows(frame, "events", index=region_index, today=TODAY, default_region="Gianyar")
    assert list(result.good["region_code"]) == ["51.04"]
    assert "region_code" not in result.missing_columns


def test_unknown_region_gets_a_suggestion(region_index):
    result = validate_rows(events_frame(Kabupaten=["Gianyr"]), "events", index=region_index, today=TODAY)
    (problem,) = result.problems
    assert problem.column == "Kabupaten"
    assert "Gianyar (51.04)" in problem.expected


@pytest.mark.parametrize(
    ("header", "value", "expected"),
    [
        ("Kategori", "Kerusuhan", "riot"),
        ("Kategori", "POLITIK UANG", "money_politics"),
        ("Kategori", "Netralitas ASN", "asn_neutrality"),
        ("Kategori", "hoaks", "hoax"),
        ("Kategori", "money_politics", "money_politics"),
        ("Kategori", "Bentrokan", "clash"),
    ],
)
def test_category_names_in_indonesian_or_english_are_read(region_index, header, value, expected):
    result = validate_rows(events_frame(**{header: [value]}), "events", index=region_index, today=TODAY)
    assert list(result.good["category"]) == [expected]


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("Kategori", "Kericuhan kecil", "Kerusuhan"),
        ("Tingkat keparahan", "tinggi", "1 sampai 5"),
        ("Tingkat keparahan", "6", "1 sampai 5"),
        ("Tingkat keparahan", "2.5", "1 sampai 5"),
        ("Tanggal", "31/02/2024", "29 hari"),
        ("Uraian", "", "wajib diisi"),
    ],
    ids=[
        "category",
        "severity word",
        "severity 6",
        "severity fraction",
        "impossible date",
        "empty description",
    ],
)
def test_bad_cells_are_reported_in_the_users_words(region_index, column, value, fragment):
    result = validate_rows(
        events_frame(**{column: [value or None]}), "events", index=region_index, today=TODAY
    )
    assert result.good.empty
    (problem,) = result.problems
    assert (problem.row, problem.column) == (2, column)
    assert fragment in problem.expected


def test_fatalities_empty_or_dash_is_unknown_and_zero_is_zero(region_index):
    frame = events_frame(Uraian=["a", "b", "c"], **{"Korban jiwa": ["", "-", "0"]})
    frame["Korban jiwa"] = frame["Korban jiwa"].replace("", pd.NA)
    result = validate_rows(frame, "events", index=region_index, today=TODAY)
    assert list(result.good["fatalities"].astype("object")) == [pd.NA, pd.NA, 0]


def test_coordinates_accept_decimal_commas_and_stay_in_bali(region_index):
    frame = events_frame(
        Uraian=["a", "b", "c", "d"],
        Lintang=["-8,5441", "-6.2", "115.3", "-8.5"],
        Bujur=["115,32546", "106.8", "-8.5", None],
    )
    result = validate_rows(frame, "events", index=region_index, today=TODAY)
    assert result.good.loc[2, "lat"] == pytest.approx(-8.5441)
    assert result.good.loc[2, "lon"] == pytest.approx(115.32546)
    by_row = {p.row: p.expected for p in result.problems}
    assert "sekitar Bali" in by_row[3]
    assert "tertukar" in by_row[4]
    assert "bersama-sama" in by_row[5]


def test_a_source_given_in_words_becomes_the_source_title(region_index):
    frame = events_frame(Uraian=["a", "b"], Sumber=["Laporan Panwascam Ubud", "www.balipost.com/x"])
    result = validate_rows(frame, "events", index=region_index, today=TODAY)
    assert result.good.loc[2, "source_title"] == "Laporan Panwascam Ubud"
    assert pd.isna(result.good.loc[2, "source_url"])
    assert result.good.loc[3, "source_url"] == "https://www.balipost.com/x"


def test_row_longer_than_its_headers_is_refused(region_index):
    data = "Tanggal;Kabupaten;Kategori;Tingkat keparahan;Uraian\n13/09/2024;Gianyar;Lainnya;1;a;b\n"
    frame = read_table(data.encode(), "x.csv")
    result = validate_rows(frame, "events", index=region_index, today=TODAY)
    assert result.good.empty
    assert "lebih banyak sel" in result.problems[0].expected


def test_headers_are_matched_whatever_their_case_and_punctuation():
    found, unknown = map_headers(
        ["TANGGAL", "kabupaten_kota", "Tingkat  Keparahan (1-5)", "korban-jiwa", "Judul Sumber", "Foto"],
        "events",
    )
    assert found == {
        "date": "TANGGAL",
        "region_code": "kabupaten_kota",
        "severity": "Tingkat  Keparahan (1-5)",
        "fatalities": "korban-jiwa",
        "source_title": "Judul Sumber",
    }
    assert unknown == ["Foto"]


def test_no_header_alias_means_two_fields():
    for schema in SCHEMAS.values():
        seen: dict[str, str] = {}
        for target, aliases in schema.aliases.items():
            for alias in aliases:
                assert alias == fold_header(alias), alias
                assert seen.setdefault(alias, target) == target, (schema.kind, alias)


def test_problems_frame_has_localised_headers(polres):
    assert list(problems_frame(polres.problems, "id").columns) == ["Baris", "Kolom", "Nilai", "Masalah"]
    shown = problems_frame(polres.problems, "en")
    assert list(shown.columns) == ["Row", "Column", "Value", "Problem"]
    assert shown.iloc[0].tolist()[:3] == [5, "Kab/Kota", "Karangasm"]


def test_summary_counts_rows_and_names_ignored_columns(polres):
    text = summary(polres, "id")
    assert text.startswith("3 baris siap disimpan, 1 baris ditolak")
    assert "No" in text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_template_reads_back_and_its_example_row_is_refused(region_index, kind, lang):
    template = template_frame(kind, lang)
    assert len(template) == 1
    data = to_xlsx_bytes({"Templat": template, "Pilihan": choices_frame(kind, lang)})
    frame = read_table(data, f"templat_{kind}.xlsx")
    result = validate_rows(frame, kind, index=region_index, lang=lang, today=TODAY)
    assert result.unknown_columns == []
    assert result.missing_columns == []
    assert result.good.empty
    assert len(result.problems) == 1
    assert ("hapus baris ini" if lang == "id" else "delete it") in result.problems[0].expected


@pytest.mark.parametrize("kind", KINDS)
def test_template_example_is_otherwise_valid(region_index, kind):
    template = template_frame(kind, "id").replace(r"CONTOH \u2014 hapus baris ini", "Isi", regex=True)
    result = validate_rows(template, kind, index=region_index, today=TODAY)
    assert result.problems == []
    assert len(result.good) == 1


def test_stakeholders_are_read_with_indonesian_words(region_index):
    frame = pd.DataFrame(
        {
            "ID": ["bawaslu-gianyar", "polres-gianyar", "x", "Polres Bangli", "kpu-gianyar"],
            "Nama": ["Bawaslu Kabupaten Gianyar", "Polres Gianyar", "Tanpa jenis", "Polres Bangli", "KPU"],
            "Jenis": ["Penyelenggara Pemilu", "Kepolisian", "klub", "polisi", "penyelenggara"],
            "Tingkat": ["Kabupaten", "kabupaten", "desa", "kabupaten", "kabupaten"],
            "Wilayah": ["Gianyar", "51.04", "Gianyar", "Bangli", None],
            "Sumber": ["research/stakeholders.md"] * 5,
        },
        dtype="string",
    )
    result = validate_rows(frame, "stakeholders", index=region_index)
    assert list(result.good.columns) == list(STAKEHOLDER_IMPORT_COLUMNS)
    assert list(result.good["type"]) == ["election_body", "police"]
    assert list(result.good["level"]) == ["regency", "regency"]
    assert list(result.good["region_code"]) == ["51.04", "51.04"]
    by_row = {p.row: (p.column, p.value) for p in result.problems}
    assert by_row == {4: ("Jenis", "klub"), 5: ("ID", "Polres Bangli"), 6: ("Wilayah", "")}


def test_stakeholders_need_a_source_column(region_index):
    frame = pd.DataFrame(
        {"ID": ["a"], "Nama": ["A"], "Jenis": ["posko"], "Tingkat": ["provinsi"]}, dtype="string"
    )
    with pytest.raises(DataProblem, match="Sumber"):
        validate_rows(frame, "stakeholders", index=region_index)


def test_links_follow_the_stakeholder_conventions(region_index):
    frame = pd.DataFrame(
        {
            "Dari": ["kesbangpol-bali", "polda-bali", "a", "a", "Polres X", "posko-bali"],
            "Ke": ["posko-bali", "polres-gianyar", "a", "b", "a", "kesbangpol-bali"],
            "Jenis hubungan": ["Koordinasi", "komando", "informasi", "informasi", "informasi", "koordinasi"],
            "Sumber": ["research/stakeholders.md", "https://example.org/sk", "x", "x", "x", "x"],
            "Asumsi": ["ya", None, None, None, None, None],
            "Kekuatan": [None, "3", "1", "9", "1", "2"],
        },
        dtype="string",
    )
    result = validate_rows(frame, "links", index=region_index)
    good = result.good
    assert list(good.columns) == list(LINK_IMPORT_COLUMNS)
    assert list(good["directed"]) == [False, False]  # directed only where the file says so
    assert list(good["assumption"]) == [True, False]
    assert list(good["strength"]) == [1, 3]  # an assumed link without strength is weak
    by_row = {p.row: (p.column, p.expected) for p in result.problems}
    assert by_row[4] == ("Ke", "lembaga asal dan tujuan sama")
    assert by_row[5][0] == "Kekuatan"
    assert by_row[6][0] == "Dari"
    assert "baris 2" in by_row[7][1]  # the same undirected link, written the other way round


def test_links_to_unknown_stakeholders_are_refused(region_index):
    frame = pd.DataFrame(
        {"Dari": ["a"], "Ke": ["zz"], "Jenis hubungan": ["koordinasi"], "Sumber": ["x"], "Kekuatan": ["1"]},
        dtype="string",
    )
    result = validate_rows(frame, "links", index=region_index, known_ids={"a", "b"})
    assert [(p.column, p.value) for p in result.problems] == [("Ke", "zz")]


def test_extra_checks_can_refuse_rows(region_index):
    def no_party_in_posko(values):
        return [("type", "not allowed here")] if values["type"] == "party" else []

    frame = pd.DataFrame(
        {
            "ID": ["p1", "p2"],
            "Nama": ["A", "B"],
            "Jenis": ["partai", "posko"],
            "Tingkat": ["provinsi"] * 2,
            "Wilayah": ["Bali"] * 2,
            "Sumber": ["x"] * 2,
        },
        dtype="string",
    )
    result = validate_rows(frame, "stakeholders", index=region_index, extra_checks=no_party_in_posko)
    assert list(result.good["id"]) == ["p2"]
    assert result.problems[0].expected == "not allowed here"


def test_messages_follow_the_language(region_index):
    result = validate_rows(
        events_frame(Kabupaten=["Gianyr"]), "events", index=region_index, lang="en", today=TODAY
    )
    assert "Did you mean" in result.problems[0].expected


def test_the_input_frame_is_not_modified(region_index):
    frame = events_frame(Kategori=["Kerusuhan"])
    before = frame.copy()
    validate_rows(frame, "events", index=region_index, today=TODAY)
    pd.testing.assert_frame_equal(frame, before)


def test_every_import_message_exists_in_both_languages():
    keys = [k for k in STRINGS if k.startswith("import.")]
    assert len(keys) > 50
    assert all(STRINGS[k]["id"] and STRINGS[k]["en"] for k in keys)


cells = hst.one_of(
    hst.none(), hst.text(max_size=12), hst.sampled_from(["13/09/2024", "Gianyar", "3", "-8,5"])
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hst.lists(hst.tuples(cells, cells, cells, cells, cells, cells), min_size=1, max_size=4))
def test_any_cells_give_good_rows_or_reported_problems(region_index, rows):
    headers = ["Tanggal", "Kabupaten", "Kategori", "Tingkat keparahan", "Uraian", "Lintang"]
    frame = pd.DataFrame(rows, columns=headers).astype("string")
    result = validate_rows(frame, "events", index=region_index, today=TODAY)
    reported = set(result.rejected_rows)
    kept = set(result.good.index)
    assert kept.isdisjoint(reported)
    assert kept | reported | set(result.duplicate_rows) == set(range(2, len(rows) + 2))
    assert result.good["severity"].between(1, 5).all()


def test_a_hand_built_frame_with_repeated_headers_is_refused(region_index):
    frame = pd.DataFrame([["13/09/2024", "Gianyar", "a"]], columns=["Tanggal", "Kabupaten", "Tanggal"])
    with pytest.raises(DataProblem, match="\u201cTanggal\u201d"):
        validate_rows(frame, "events", index=region_index)
