"""The Data page through app.py, and the glue it calls to check and store what partners send."""

import io
import zipfile

import geopandas as gpd
import openpyxl
import pandas as pd
import pyogrio
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from lib import intake, store
from lib.access import PUBLIC, Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.core.settings import load_settings
from lib.intake import load_bundle
from tests.conftest import DATA_DIR, FIXTURES, ROOT, as_account

PAGE = "pages/data.py"
ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
POLRES_CSV = FIXTURES / "import_polres_cp1252.csv"
ACLED_CSV = FIXTURES / "acled_bali_sample.csv"
VALUES_CSV = FIXTURES / "data_page_indicator_values.csv"
BUNDLED_EVENTS = len(pd.read_csv(DATA_DIR / "events.csv"))


@pytest.fixture(autouse=True)
def _fresh(fresh_store):
    return fresh_store


@pytest.fixture(scope="module")
def bundle():
    return load_bundle(DATA_DIR)


@pytest.fixture
def engine(tmp_path, bundle):
    return store.open_store(f"sqlite:///{tmp_path / 'data.sqlite'}", bundle)


def open_page(query: dict | None = None, caller: Caller | None = None, page: str = PAGE) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update(query or {"lang": "en"})
    if caller is not None:
        at.session_state["_caller"] = as_account(caller)  # the app checks the caller against the store
    at.run()
    at.switch_page(page)
    return at.run()


def page_store() -> sa.Engine:
    """Return an engine on the store the page under test writes to."""
    return store.make_engine(load_settings().store_url)


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def successes(at: AppTest) -> list[str]:
    return [s.value for s in at.success]


def errors(at: AppTest) -> list[str]:
    return [e.value.replace("\\", "") for e in at.error]


# --- partner tables ------------------------------------------------------------------------------


def test_windows_1252_import_shows_the_bad_row_and_stores_the_good_ones_only_after_confirm():
    at = open_page(caller=ANALYST)
    at.file_uploader(key="data_upload_events").set_value(
        ("polres_buleleng.csv", POLRES_CSV.read_bytes(), "text/csv")
    ).run()
    assert not at.exception, at.exception
    read = [c.value.replace("\\", "") for c in at.caption if "read as CSV" in c.value]
    assert read == [
        "polres_buleleng.csv: read as CSV, encoding Windows-1252, delimiter semicolon (;), headers on row 1."
    ]
    assert "Rows to be saved: 3" in [s.value for s in at.subheader]
    problems = frame_with(at, "Problem")
    assert list(problems["Row"]) == [5]
    assert list(problems["Value"]) == ["Karangasm"]
    assert "Karangasem" in problems["Problem"].iloc[0]
    good = frame_with(at, "Location")
    assert list(good["Row"]) == [2, 3, 4]
    engine = page_store()
    assert len(store.read_events(engine, ceiling="RAHASIA")) == BUNDLED_EVENTS  # nothing stored yet

    at.button(key="data_confirm_table_events").click().run()
    assert not at.exception, at.exception
    assert successes(at) == [
        "Saved from polres_buleleng.csv: 3 added, 0 updated, 0 unchanged, 0 protected "
        "(bundled facts are never overwritten)."
    ]
    events = store.read_events(engine, ceiling="RAHASIA")
    imported = events[events["origin"] == "import:polres_buleleng.csv"]
    assert len(events) == BUNDLED_EVENTS + 3
    assert sorted(imported["date"]) == ["2024-02-14", "2024-11-15", "2024-11-27"]
    assert set(imported["region_code"]) == {"51.08", "51.07"}

    at.button(key="data_confirm_table_events").click().run()
    assert successes(at) == [
        "Saved from polres_buleleng.csv: 0 added, 0 updated, 3 unchanged, 0 protected "
        "(bundled facts are never overwritten)."
    ]
    assert len(store.read_events(engine, ceiling="RAHASIA")) == BUNDLED_EVENTS + 3


def test_a_public_caller_sees_the_preview_but_cannot_save():
    at = open_page()
    at.file_uploader(key="data_upload_events").set_value(
        ("polres.csv", POLRES_CSV.read_bytes(), "text/csv")
    ).run()
    assert "Rows to be saved: 3" in [s.value for s in at.subheader]
    button = at.button(key="data_confirm_table_events")
    assert button.disabled
    assert t("datapage.must_sign_in", "en") in [i.value for i in at.info]
    assert successes(at) == []
    assert len(store.read_events(page_store(), ceiling="RAHASIA")) == BUNDLED_EVENTS


def test_saving_without_the_right_is_refused_by_the_glue_too(engine, region_index):
    check = intake.check_table(POLRES_CSV.read_bytes(), "polres.csv", "events", index=region_index)
    before = store.revision(engine)
    with pytest.raises(DataProblem, match="mengimpor data"):
        intake.save_table(engine, check, PUBLIC)
    assert store.revision(engine) == before


def test_a_50_mb_upload_is_refused_with_what_to_do():
    at = open_page(caller=ANALYST)
    before = store.revision(page_store())
    big = b"Tanggal;Kabupaten;Uraian\n" + b"13/09/2024;Gianyar;" + b"x" * 50_000_000 + b"\n"
    at.file_uploader(key="data_upload_events").set_value(("rekap_besar.csv", big, "text/csv")).run()
    assert not at.exception, at.exception
    shown = errors(at)
    assert len(shown) == 1
    assert "50" in shown[0]
    assert "20 MB" in shown[0]
    assert not [b for b in at.button if b.key == "data_confirm_table_events"]
    assert store.revision(page_store()) == before


def test_a_png_renamed_csv_gets_a_message_not_a_stack_trace():
    at = open_page(caller=ANALYST)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
    at.radio(key="data_kind").set_value("stakeholders").run()
    at.file_uploader(key="data_upload_stakeholders").set_value(("lembaga.csv", png, "text/csv")).run()
    assert not at.exception, at.exception
    shown = errors(at)
    assert len(shown) == 1
    assert "lembaga.csv" in shown[0]


def xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * 5_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("foto.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "foto.csv"),
        ("kosong.xlsx", xlsx([]), "kosong.xlsx"),
        ("judul.csv", b"Tanggal;Kabupaten;Uraian\n", "judul.csv"),
        ("rusak.xlsx", b"PK\x03\x04 not really a workbook", "rusak.xlsx"),
        ("bom.xlsx", zip_bomb(), "bom.xlsx"),
        ("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "lama.xls"),
        ("tanpa_tanggal.csv", b"Kabupaten;Uraian\nGianyar;Baris tanpa tanggal\n", "Tanggal"),
    ],
    ids=[
        "png renamed",
        "empty sheet",
        "header only",
        "damaged xlsx",
        "zip bomb",
        "old xls",
        "no date column",
    ],
)
def test_bad_files_are_refused_with_what_and_how_to_fix(region_index, name, data, expected):
    with pytest.raises(DataProblem) as refused:
        intake.check_table(data, name, "events", index=region_index, max_bytes=1_000_000)
    assert expected in refused.value.what
    assert refused.value.fix


def test_an_impossible_date_and_an_unknown_region_reject_their_rows_only(region_index):
    text = (
        "Tanggal;Kabupaten;Kategori;Tingkat Keparahan;Uraian;Sumber\n"
        "31/02/2024;Gianyar;Intimidasi;2;Baris dengan tanggal mustahil;https://example.org/a\n"
        "13/09/2024;Gianyer Raya;Intimidasi;2;Baris dengan wilayah tak dikenal;https://example.org/b\n"
    )
    check = intake.check_table(text.encode("cp1252"), "rekap.csv", "events", index=region_index, lang="en")
    problems = intake.problems_frame(check.result.problems, "en")
    assert list(problems["Row"]) == [2, 3]
    assert list(problems["Value"]) == ["31/02/2024", "Gianyer Raya"]
    assert check.result.good.empty


def test_links_to_unknown_institutions_are_rejected_per_row(engine, region_index):
    text = (
        "Dari;Ke;Jenis Hubungan;Kekuatan;Sumber\n"
        "kesbangpol-bali;polda-bali;koordinasi;2;https://example.org/sk\n"
        "kesbangpol-bali;lembaga-tak-ada;koordinasi;2;https://example.org/sk\n"
    )
    known = intake.stakeholder_ids(engine, "RAHASIA")
    assert {"kesbangpol-bali", "polda-bali"} <= known
    check = intake.check_table(text.encode(), "hubungan.csv", "links", index=region_index, known_ids=known)
    assert check.result.rejected_rows == [3]
    assert list(check.result.good["target_id"]) == ["polda-bali"]


# --- ACLED ---------------------------------------------------------------------------------------


def test_acled_export_is_previewed_saved_and_a_second_import_changes_nothing(region_index, bundle, engine):

    data = ACLED_CSV.read_bytes()
    check = intake.check_acled(
        data,
        "acled.csv",
        index=region_index,
        today=pd.Timestamp("2025-01-31").date(),
        seats=intake.regency_seats(bundle.regions),
        lang="en",
    )
    found = check.imported
    assert found.skipped_other_countries + found.skipped_other_provinces > 0
    first = intake.save_acled(engine, check, ANALYST)
    assert (first.added, first.updated) == (len(found.events), 0)
    again = intake.save_acled(engine, check, ANALYST)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(found.events))
    preview = intake.acled_preview(found, "en")
    assert list(preview["ID"]) == list(found.events["id"])
    problems = intake.problems_frame(found.problems, "en")
    assert list(problems.columns) == ["Row", "Column", "Value", "Problem"]
    assert len(problems) == len(found.problems)


def test_acled_tab_shows_the_skipped_rows_and_saves():
    at = open_page(caller=ANALYST)
    at.file_uploader(key="data_upload_acled").set_value(
        ("acled.csv", ACLED_CSV.read_bytes(), "text/csv")
    ).run()
    assert not at.exception, at.exception
    assert any(i.value.startswith("Skipped: ") for i in at.info)
    at.button(key="data_confirm_acled").click().run()
    assert not at.exception, at.exception
    [saved] = successes(at)
    assert saved.startswith("Saved from acled.csv: ")
    assert " 0 updated" in saved
    stored = store.read_events(page_store(), ceiling="RAHASIA")
    assert stored["id"].str.startswith("acled-").sum() > 0


def test_a_png_given_as_acled_export_is_refused(region_index):
    with pytest.raises(DataProblem, match="acled.csv"):
        intake.check_acled(
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            "acled.csv",
            index=region_index,
            today=pd.Timestamp.now().date(),
            seats={},
        )


# --- boundaries ----------------------------------------------------------------------------------


def utm_shapefile_zip(shared_geo, tmp_path) -> bytes:
    """Return the shared regency boundaries as a GIS office would send them: UTM 50S, BIG field names."""
    source = gpd.read_file(shared_geo / "bali_kabupaten.geojson")
    office = gpd.GeoDataFrame(
        {"WADMPR": "Bali", "WADMKK": source["bps_name"].str.upper()},
        geometry=source.geometry.to_crs(32750).to_numpy(),
        crs=32750,
    )
    folder = tmp_path / "shp"
    folder.mkdir()
    pyogrio.write_dataframe(office, folder / "batas_kabupaten.shp")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.writestr(path.name, path.read_bytes())
    return buffer.getvalue()


def test_zipped_utm_shapefile_upload_is_saved_and_the_map_draws_it(shared_geo, tmp_path):
    no_boundaries = t("map.no_boundaries", "en")
    at = open_page(caller=ANALYST, page="pages/peta.py")
    assert no_boundaries in [i.value for i in at.info]

    at.switch_page(PAGE).run()
    assert t("datapage.bnd.active.none", "en") in [i.value for i in at.info]
    at.file_uploader(key="data_upload_boundaries").set_value(
        ("batas_kabupaten.zip", utm_shapefile_zip(shared_geo, tmp_path), "application/zip")
    ).run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Unmatched"] == "0"
    assert metrics["Missing regions"] == "0"
    levels = frame_with(at, "Regions")
    assert levels.iloc[0].to_dict()["Regions"] == 9
    at.text_input(key="data_bnd_source").input("BIG via test fixture (bali_kabupaten.geojson, UTM 50S)")
    at.text_input(key="data_bnd_licence").input("CC BY 4.0").run()
    at.button(key="data_confirm_boundaries").click().run()
    assert not at.exception, at.exception
    assert successes(at) == ["Boundaries saved (regency/city: 9); the map uses them now."]
    assert at.info[0].value == "Active boundaries: the saved upload (regency/city: 9)."
    assert (load_settings().data_dir / "boundaries" / "boundaries.gpkg").is_file()

    at.switch_page("pages/peta.py").run()
    assert not at.exception, at.exception
    assert no_boundaries not in [i.value for i in at.info]
    level = at.radio(key="map_level")
    assert level.value == "kabupaten"
    assert level.options == ["Regency/city"]
    assert any("CC BY 4.0" in c.value for c in at.caption)


def test_boundaries_are_not_saved_without_source_and_licence(shared_geo, tmp_path, region_index):
    check = intake.check_boundaries(utm_shapefile_zip(shared_geo, tmp_path), "b.zip", index=region_index)
    data_dir = tmp_path / "var"
    with pytest.raises(DataProblem, match="Sumber atau lisensi"):
        intake.save_checked_boundaries(check, data_dir, ANALYST, source_text="BIG", licence_text="  ")
    assert not (data_dir / "boundaries").exists()
    assert intake.active_boundaries(data_dir, None) == "none"
    assert intake.boundary_counts(check.imported) == {
        "repaired": 0,
        "unmatched": 0,
        "duplicates": 0,
        "missing": 0,
    }


# --- indicator values ----------------------------------------------------------------------------


def test_indicator_values_file_reports_rows_as_in_the_file_and_never_overwrites_bundled(
    engine, bundle, region_index
):
    check = intake.check_indicator_file(
        VALUES_CSV.read_bytes(), "nilai.csv", definitions=bundle.indicators, index=region_index, lang="en"
    )
    assert list(check.good["region_code"]) == ["51.08", "51.04"]
    assert list(check.good["value"]) == [60.0, 54.19]
    problems = check.problems
    assert list(problems["Row"]) == [4, 5, 5]
    assert list(problems["Column"]) == ["Kabupaten/Kota", "Nilai", "Sumber"]
    outcome = intake.save_indicator_values(engine, check.good, ANALYST, origin="import:nilai.csv")
    assert (outcome.added, outcome.protected) == (0, 2)  # both are bundled facts already
    with engine.begin() as conn:
        conn.execute(sa.delete(store.indicator_values).where(store.indicator_values.c.region_code == "51.04"))
    outcome = intake.save_indicator_values(engine, check.good, ANALYST, origin="import:nilai.csv")
    assert (outcome.added, outcome.protected) == (1, 1)
    stored = store.read_indicator_values(engine)
    assert (
        stored.set_index(["region_code", "key"]).loc[("51.04", "ikp_kontestasi"), "origin"]
        == "import:nilai.csv"
    )


def test_indicator_values_import_on_the_page_shows_problems_per_row():
    at = open_page(caller=ANALYST)
    at.file_uploader(key="data_upload_indicators").set_value(
        ("nilai.csv", VALUES_CSV.read_bytes(), "text/csv")
    ).run()
    assert not at.exception, at.exception
    problems = frame_with(at, "How to fix")
    assert list(problems["Row"]) == [4, 5, 5]
    at.button(key="data_confirm_indicators").click().run()
    assert successes(at) == [
        "Saved from nilai.csv: 0 added, 0 updated, 0 unchanged, 2 protected "
        "(bundled facts are never overwritten)."
    ]


def test_editor_rows_are_checked_by_editor_row_and_keep_their_origin(engine, bundle, region_index):
    stored = store.read_indicator_values(engine)
    bundled, editable = intake.split_indicator_values(stored)
    assert len(bundled) == len(bundle.indicator_values)
    assert editable.empty
    with engine.begin() as conn:
        conn.execute(sa.delete(store.indicator_values).where(store.indicator_values.c.region_code == "51.03"))
    real = bundle.indicator_values.set_index("region_code").loc["51.03"]
    edited = pd.DataFrame(
        {
            "region_code": ["51.03", "Gianyer"],
            "key": [real["key"], "ikp_kontestasi"],
            "value": [real["value"], None],
            "year": [real["year"], 2022],
            "source": [real["source"], "https://example.org"],
            "note": [None, None],
        },
        index=[1, 2],
    )
    checked = intake.check_indicator_edits(
        edited, definitions=bundle.indicators, index=region_index, lang="en"
    )
    assert set(checked.problems["Row"]) == {2}
    assert set(checked.problems["Column"]) == {"Regency/city", "Value"}
    good = intake.with_origins(checked.good, store.read_indicator_values(engine), origin="entered")
    assert list(good["origin"]) == ["entered"]
    assert intake.save_indicator_values(engine, good, ANALYST, origin="entered").added == 1
    again = intake.with_origins(checked.good, store.read_indicator_values(engine), origin="other")
    assert list(again["origin"]) == ["entered"]  # unchanged rows keep where they came from
    _, editable = intake.split_indicator_values(store.read_indicator_values(engine))
    assert list(editable.index) == [1]
    assert editable.loc[1, "region_code"] == "51.03"


# --- downloads -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", intake.TEMPLATE_KINDS)
def test_templates_have_a_sheet_to_fill_and_a_sheet_of_accepted_values(kind, bundle):
    data = intake.template_workbook(kind, "id", definitions=bundle.indicators, regions=bundle.regions)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert book.sheetnames == ["templat", "pilihan"]
    headers = [c.value for c in next(book["templat"].iter_rows(max_row=1))]
    if kind == "indicator_values":
        assert headers == ["Kabupaten/Kota", "Indikator", "Nilai", "Tahun", "Sumber", "Catatan"]
        values = [r[1] for r in book["pilihan"].iter_rows(min_row=2, values_only=True)]
        assert "tps_rawan" in values
        assert "violence" not in values
        assert set(REGENCY_CODES) <= set(values)
    else:
        assert headers == [intake.header_label(kind, f, "id") for f in intake.template_columns(kind)]
    book.close()


def test_a_filled_english_indicator_template_reads_back(bundle, region_index):
    real = bundle.indicator_values.iloc[0]
    template = intake.indicator_template("en")
    filled = pd.DataFrame(
        [[real["region_code"], real["key"], real["value"], int(real["year"]), real["source"], None]],
        columns=template.columns,
    )
    data = intake.to_xlsx_bytes({"template": filled})
    check = intake.check_indicator_file(
        data, "values.xlsx", definitions=bundle.indicators, index=region_index
    )
    assert check.problems.empty
    assert check.good.iloc[0]["value"] == pytest.approx(float(real["value"]))
