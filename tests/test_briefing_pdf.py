"""The meeting briefing: an agenda of saved views printed as one PDF and one Excel workbook.

Slides are built from the bundled data in a fresh store (boundaries from the shared folder), the
way a page reads them; the PDF is opened with pypdf (pages, header facts, classification,
sources) and drawn with pdftoppm (a header, a chart with colours, on every page); the workbook
is opened with openpyxl. A store with RAHASIA items shows that an agenda read at TERBATAS holds
none of them, and the same agenda at RAHASIA does (so the search can fail).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path

import altair as alt
import numpy as np
import openpyxl
import pandas as pd
import pytest
import vl_convert as vlc
from PIL import Image, ImageFont
from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager

from lib import briefing, geo, intake, posko, store
from lib.access import Caller
from lib.briefing import Slide
from lib.core import clock
from lib.core.regions import build_index
from lib.core.settings import load_settings
from lib.core.viewstate import ViewState
from lib.ui import cached, exports
from lib.ui import page as ui
from lib.ui.briefing import slide_for
from tests import conftest
from tests.conftest import DATA_DIR, SHARED_GEO
from tests.test_no_leaks import MARKER, _seed_secrets, file_content

ELECTION = "pilkada-2024-bali"
ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
AGENDA = "Rapat koordinasi <Pilkada> & pengamanan"
NOTE = '=HYPERLINK("http://x") <b>tebal</b> & tindak lanjut'
VIEWS = [
    ("ringkasan", {"e": ELECTION}, "Gambaran umum Bali"),
    ("peta", {"e": ELECTION, "r": "51.08"}, "Kerawanan Buleleng"),
    ("riwayat_konflik", {"e": ELECTION}, "Riwayat konflik pemilihan"),
]
FORMULA_START = ("=", "+", "-", "@")
LIMITED_TITLE = "Intimidasi pemilih di Banjar (uji terbatas)"


def open_page(caller: Caller, lang: str = "id") -> ui.Page:
    """Return the page context app.py would build for ``caller`` on the store the environment names."""
    settings = load_settings()
    ctx = cached.context(settings)
    rev = cached.revision(ctx)
    elections = cached.elections(settings, rev, lang)
    return ui.Page(ctx, ViewState(election=ELECTION, lang=lang), rev, elections, ELECTION, caller)


@pytest.fixture(scope="module")
def agenda(tmp_path_factory):
    """Build the three-view agenda on a fresh store and print it: (slides, pdf, xlsx)."""
    folder = tmp_path_factory.mktemp("briefing")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SINERGI_DATA_DIR", str(folder / "var"))
        patch.setenv("SINERGI_BOUNDARIES", str(SHARED_GEO))
        patch.delenv("SINERGI_DB_URL", raising=False)
        page = open_page(ANALYST)
        slides = [
            slide_for(page, page_name=name, params=params, title=title, note=NOTE, ceiling="TERBATAS")
            for name, params, title in VIEWS
        ]
        pdf = briefing.briefing_pdf(slides, agenda_title=AGENDA, lang="id")
        xlsx = briefing.briefing_xlsx(slides, agenda_title=AGENDA, lang="id")
    (folder / "agenda.pdf").write_bytes(pdf)
    return slides, pdf, xlsx, folder


def test_the_slides_hold_what_the_pages_show(agenda):
    slides, *_ = agenda
    overview, focused, history_slide = slides
    assert [s.focus for s in slides] == ["Seluruh Bali", "Buleleng", "Seluruh Bali"]
    assert {s.election for s in slides} == {"Pilkada Serentak 2024 (Bali)"}
    assert all(s.classification == "TERBUKA" for s in slides)  # the bundled rows are all open
    assert len(focused.charts) == 2  # the map and what makes up Buleleng's index
    assert [title for title, _ in focused.tables] == ["Indikator", "Kejadian di fokus"]
    assert len(history_slide.charts) == 3  # timeline, aligned on voting day, regency x category
    events = history_slide.tables[0][1]
    assert len(events) == 51  # every bundled event, as the page's table
    assert any("14 dari 22 indikator diketahui" in c for c in focused.caveats)
    assert all(s.generated_at.utcoffset() == dt.timedelta(hours=8) for s in slides)
    for slide in slides:
        for chart in slide.charts:
            chart.to_dict()  # valid Vega-Lite
    assert any(source.startswith("Batas wilayah: HDX") for source in overview.sources)


def test_the_pdf_has_one_page_per_slide_with_header_classification_and_sources(agenda):
    slides, pdf, _, _ = agenda
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    for number, (page, slide) in enumerate(zip(reader.pages, slides, strict=True), start=1):
        text = page.extract_text()
        flat = re.sub(r"\s+", " ", text)
        for expected in ("Sinergi", AGENDA, slide.title, slide.election, "WITA", slide.focus, slide.period):
            assert expected in flat, expected
        assert flat.count("KLASIFIKASI: TERBUKA") == 2  # top and bottom
        assert f"Halaman {number} dari 3" in flat
        assert "Sumber:" in flat
        assert slide.sources[0][:40] in flat
        assert "<b>tebal</b> &" in flat  # the note is text, never markup
        assert slide.generated_at.strftime("%d/%m/%Y %H:%M") in flat
    assert "baris lagi di buku kerja Excel" in reader.pages[2].extract_text()
    for page in reader.pages[:2]:  # every map names its boundaries and their licence
        assert "CC BY 3.0 IGO" in re.sub(r"\s+", " ", page.extract_text())


def _non_white(image: Image.Image) -> int:
    return int((np.asarray(image).min(axis=2) < 235).sum())


def test_every_pdf_page_draws_a_header_and_a_chart(agenda):
    _, _, _, folder = agenda
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(folder / "agenda.pdf"), str(folder / "page")], check=True
    )
    pages = sorted(folder.glob("page-*.png"))
    assert len(pages) == 3
    for path in pages:
        with Image.open(path) as drawn:
            image = drawn.convert("RGB")
        width, height = image.size  # A4 landscape at 50 dpi: 585 x 413
        assert width > height
        assert image.getpixel((width // 2, 3))[1] > image.getpixel((width // 2, 3))[0]  # a green banner
        header = image.crop((15, 15, width - 15, 55))
        assert _non_white(header) > 0.03 * header.width * header.height
        chart = image.crop((20, 70, int(width * 0.55), height - 110))
        assert _non_white(chart) > 0.08 * chart.width * chart.height
        assert len(chart.getcolors(maxcolors=1_000_000)) > 20  # a chart in colours, not a grey box


def test_the_workbook_has_a_sheet_per_table_and_no_formula(agenda):
    slides, _, xlsx, _ = agenda
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    tables = [(title, frame) for s in slides for title, frame in s.tables]
    assert book.sheetnames[:2] == ["Agenda", "Sumber"]
    assert len(book.sheetnames) == 2 + len(tables)
    for name, (title, frame) in zip(book.sheetnames[2:], tables, strict=True):
        assert name.endswith(title[:20])
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == [str(c) for c in frame.columns]
        assert sheet.max_row == len(frame) + 1
    cover = book["Agenda"]
    titles = [row[1] for row in cover.iter_rows(min_row=2, values_only=True)]
    assert [t for _, _, t in VIEWS] == titles[1:]
    sources = [row[1] for row in book["Sumber"].iter_rows(min_row=2, values_only=True)]
    assert len(sources) == sum(len(s.sources) for s in slides)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert not value.startswith(FORMULA_START), value
    assert any(
        isinstance(v, str) and v.startswith("'=HYPERLINK")
        for row in cover.iter_rows(values_only=True)
        for v in row
    )


def _secret_page(folder: Path, patch: pytest.MonkeyPatch) -> ui.Page:
    patch.setenv("SINERGI_DATA_DIR", str(folder))
    patch.delenv("SINERGI_BOUNDARIES", raising=False)
    patch.delenv("SINERGI_DB_URL", raising=False)
    settings = load_settings()
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    _seed_secrets(engine)
    report = {
        "received_at": clock.now() - dt.timedelta(hours=2),
        "reporter_id": "polres-buleleng",
        "region_code": "51.08",
        "lat": -8.11,
        "lon": 115.09,
        "category": "intimidation",
        "severity": 3,
        "classification": "TERBATAS",
        "title": LIMITED_TITLE,
        "description": "Laporan terbatas untuk uji",
        "reliability": "B",
        "credibility": 2,
    }
    posko.save_report(engine, report, actor=ANALYST, client_token="terbatas-1")
    engine.dispose()
    return open_page(ANALYST)


LEAK_VIEWS = [
    ("ringkasan", {"e": ELECTION}),
    ("peta", {"e": ELECTION, "r": "51.08"}),
    ("riwayat_konflik", {"e": ELECTION}),
    ("pemangku_kepentingan", {"e": ELECTION}),
    ("posko", {"e": ELECTION}),
]


def _flat_pdf_text(pdf: bytes) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_an_agenda_read_at_terbatas_holds_no_rahasia_row(tmp_path):
    with pytest.MonkeyPatch.context() as patch:
        page = _secret_page(tmp_path / "secret", patch)
        limited = [
            slide_for(page, page_name=n, params=p, title=n, note="", ceiling="TERBATAS")
            for n, p in LEAK_VIEWS
        ]
        pdf = briefing.briefing_pdf(limited, agenda_title="Rapat", lang="id")
        xlsx = briefing.briefing_xlsx(limited, agenda_title="Rapat", lang="id")
        assert MARKER not in _flat_pdf_text(pdf)
        assert MARKER not in file_content(xlsx)
        for slide in limited:
            for chart in slide.charts:
                assert MARKER not in str(chart.to_dict())
        assert briefing.agenda_classification(limited) == "TERBATAS"  # the Posko's TERBATAS report
        overview, posko_slide = limited[0], limited[-1]
        assert posko_slide.classification == "TERBATAS"
        assert overview.classification == "TERBATAS"  # it counts the Posko's reports
        assert LIMITED_TITLE in file_content(xlsx)
        # The same views at RAHASIA do show the items: the search above can find them.
        secret = [
            slide_for(page, page_name=n, params=p, title=n, note="", ceiling="RAHASIA")
            for n, p in LEAK_VIEWS
            if n in ("riwayat_konflik", "posko")
        ]
        assert [s.classification for s in secret] == ["RAHASIA", "RAHASIA"]
        assert briefing.agenda_classification([*limited, *secret]) == "RAHASIA"
        assert MARKER in file_content(briefing.briefing_xlsx(secret, agenda_title="Rapat", lang="id"))
        secret_pdf = briefing.briefing_pdf(secret, agenda_title="Rapat", lang="id")
        assert MARKER in _flat_pdf_text(secret_pdf)
        assert "KLASIFIKASI:RAHASIA" in _flat_pdf_text(secret_pdf)


def test_a_public_caller_gets_nothing_more_from_a_higher_agenda_ceiling(tmp_path):
    with pytest.MonkeyPatch.context() as patch:
        page = _secret_page(tmp_path / "secret", patch)
        page = open_page(Caller("public", "TERBUKA"))
        slide = slide_for(
            page, page_name="riwayat_konflik", params={"e": ELECTION}, title="x", note="", ceiling="RAHASIA"
        )
        assert slide.classification == "TERBUKA"
        assert MARKER not in file_content(briefing.briefing_xlsx([slide], agenda_title="x", lang="id"))


def test_the_agenda_classification_is_the_highest_never_less():
    def slide(level: str) -> Slide:
        return Slide(
            title="x", note="", page="Peta", election="Pilkada", generated_at=clock.now(), focus="Bali",
            period="x", classification=level, charts=(), tables=(), sources=(), caveats=(), lang="id",
        )  # fmt: skip

    assert (
        briefing.agenda_classification([slide("TERBUKA"), slide("RAHASIA"), slide("TERBATAS")]) == "RAHASIA"
    )
    assert briefing.agenda_classification([slide("TERBUKA")]) == "TERBUKA"
    with pytest.raises(ValueError, match="classification"):
        slide("GEHEIM")


def test_an_english_view_makes_an_english_slide(tmp_path, monkeypatch):
    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SINERGI_BOUNDARIES", raising=False)
    monkeypatch.delenv("SINERGI_DB_URL", raising=False)
    page = open_page(ANALYST)
    slide = slide_for(
        page, page_name="skenario", params={"e": ELECTION, "lang": "en"}, title="", note="", ceiling="TERBUKA"
    )
    assert (slide.lang, slide.title, slide.focus) == ("en", "Scenarios", "All of Bali")
    assert any("of 22 indicators known" in c for c in slide.caveats)
    text = PdfReader(io.BytesIO(briefing.briefing_pdf([slide], agenda_title="Meeting", lang="en"))).pages[0]
    flat = re.sub(r"\s+", " ", text.extract_text())
    assert "CLASSIFICATION: TERBUKA" in flat
    assert "Page 1 of 1" in flat


# --- single chart exports ------------------------------------------------------------------------


def test_a_chart_exported_from_a_page_carries_the_header_and_footer(tmp_path, monkeypatch):
    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SINERGI_BOUNDARIES", raising=False)
    page = open_page(Caller("public", "TERBUKA"))
    page.view = page.view.with_(focus="51.08")
    chart = geo.tile_grid(
        pd.DataFrame({"code": ["51.08"], "events": [3], "source": ["x"]}),
        measure="events",
        measure_label="Kejadian",
    )
    framed = exports.framed_builder(lambda: chart, page, exports.chart_title("peta", "sinergi-peta", "id"))()
    spec = framed.to_dict()
    assert spec["title"]["text"] == "Sinergi \u00b7 Peta kerawanan"
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "Pilkada Serentak 2024 (Bali)" in subtitle
    assert "Fokus: Buleleng" in subtitle
    assert "WITA" in subtitle
    texts = json_texts(spec)
    assert "KLASIFIKASI: TERBUKA" in texts
    footer = " ".join(texts[texts.index(next(x for x in texts if x.startswith("Sumber: "))) :])
    assert "https://" in footer
    with Image.open(io.BytesIO(intake.chart_png(framed))) as drawn:
        framed_size = drawn.size
    with Image.open(io.BytesIO(intake.chart_png(chart))) as drawn:
        plain_size = drawn.size
    assert framed_size[1] > plain_size[1] + 100  # header and footer add height
    assert intake.chart_pdf(framed).startswith(b"%PDF")


def test_a_chart_drawn_from_other_rows_carries_their_classification_and_sources(tmp_path, monkeypatch):
    """Kekuatan Politik's map is drawn from pairs and results, not events: its label must be theirs."""
    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SINERGI_BOUNDARIES", raising=False)
    page = open_page(ANALYST)
    chart = geo.tile_grid(
        pd.DataFrame({"code": ["51.08"], "events": [3], "source": ["x"]}),
        measure="events",
        measure_label="Suara",
    )
    pairs = pd.DataFrame(
        {"pair_id": ["p1"], "classification": ["TERBUKA"], "source": ["https://kpu.example/a"]}
    )
    results = pd.DataFrame(
        {
            "pair_id": ["p1"],
            "classification": ["RAHASIA"],
            "source": ["https://kpu.example/b | https://x.example/c"],
        }
    )
    title = exports.chart_title("kekuatan_politik", "sinergi-kekuatan-share", "id")
    framed = exports.framed_builder(lambda: chart, page, title, lambda: (pairs, results))()
    texts = json_texts(framed.to_dict())
    assert "KLASIFIKASI: RAHASIA" in texts
    footer = " ".join(texts[texts.index(next(x for x in texts if x.startswith("Sumber: "))) :])
    for url in ("https://kpu.example/a", "https://kpu.example/b", "https://x.example/c"):
        assert url in footer
    by_events = exports.framed_builder(lambda: chart, page, title)()
    assert "KLASIFIKASI: RAHASIA" not in json_texts(by_events.to_dict())


def json_texts(spec: object) -> list[str]:
    """Return every "text" field of the rows of inline data anywhere in a spec."""
    if isinstance(spec, dict):
        own = [str(spec["text"])] if isinstance(spec.get("text"), str) else []
        return own + [text for value in spec.values() for text in json_texts(value)]
    if isinstance(spec, list):
        return [text for value in spec for text in json_texts(value)]
    return []


def test_a_chart_with_its_own_legend_configuration_can_be_framed():
    base = alt.Chart(pd.DataFrame({"x": [1, 2], "c": ["a", "b"]})).mark_point().encode(x="x:Q", color="c:N")
    framed = briefing.framed(
        base.configure_legend(orient="bottom"),
        title="Jaringan",
        election="Pilkada",
        generated_at=clock.now().astimezone(clock.LOCAL_TZ),
        focus="Seluruh Bali",
        period="Semua waktu",
        classification="TERBATAS",
        sources=(),
        lang="id",
    )
    spec = framed.to_dict()
    assert spec["config"]["legend"]["orient"] == "bottom"
    assert intake.chart_png(framed).startswith(b"\x89PNG")


# --- map labels ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regencies():
    with (DATA_DIR / "regions.csv").open(encoding="utf-8") as handle:
        index = build_index(list(csv.DictReader(handle)))
    return geo.boundaries_from_folder(SHARED_GEO, index).display["kabupaten"]


BOLD_FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),  # wider than Vega's sans-serif: strict
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
]


def bold_font(size: int) -> ImageFont.FreeTypeFont:
    """Return a bold sans-serif font at ``size`` pixels to measure names with."""
    for path in BOLD_FONTS:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    pytest.fail(f"no bold font to measure map names with, looked for {[str(p) for p in BOLD_FONTS]}")


def drawn_label_boxes(
    chart: alt.TopLevelMixin, names: set[str]
) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Return each region name's box as Vega draws it (SVG), measured with a bold font at 12 px."""
    svg = vlc.vegalite_to_svg(chart.to_dict())
    font = bold_font(geo.charts.LABEL_FONT)
    found = []
    for match in re.finditer(
        r'<text[^>]*transform="translate\(([-\d.e]+),([-\d.e]+)\)"[^>]*>([^<]*)</text>', svg
    ):
        name = match[3]
        if name in names:
            x, y = float(match[1]), float(match[2])
            left, top, right, bottom = font.getbbox(name, anchor="ms")  # middle, baseline: as Vega writes it
            found.append((name, (x + left, y + top, x + right, y + bottom)))
    return found


@pytest.mark.parametrize(("width", "height"), [(760, 480), (400, 300), (300, 480)])
def test_region_names_on_the_map_never_overlap(regencies, width, height):
    values = pd.DataFrame({"code": regencies["code"], "events": range(len(regencies))})
    chart = geo.choropleth(
        regencies, values, measure="events", measure_label="Kejadian", width=width, height=height
    )
    boxes = drawn_label_boxes(chart, set(regencies["name"]))
    assert len(boxes) == len(regencies) == 9
    overlaps = [
        (a, b)
        for i, (a, box_a) in enumerate(boxes)
        for b, box_b in boxes[i + 1 :]
        if min(box_a[2], box_b[2]) > max(box_a[0], box_b[0])
        and min(box_a[3], box_b[3]) > max(box_a[1], box_b[1])
    ]
    assert overlaps == []


def test_names_stay_near_their_region(regencies):
    placed = geo.labels.place_labels(regencies, width=400, height=300, font_size=12)
    anchors = regencies.to_crs(4326).representative_point()
    for row, anchor in zip(placed.itertuples(), anchors, strict=True):
        assert abs(row.lon - anchor.x) < 0.15, row.name
        assert abs(row.lat - anchor.y) < 0.1, row.name


def test_a_chart_downloaded_from_a_page_is_framed(fresh_store, monkeypatch):
    made = {}
    deferred = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    at = conftest.open_page("pages/riwayat_konflik.py")
    assert not at.exception
    reader = PdfReader(io.BytesIO(made["sinergi-riwayat-konflik.pdf"]()))
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    for expected in ("Sinergi", "Riwayat konflik", "Pilkada Serentak 2024 (Bali)", "WITA", "Seluruh Bali"):
        assert expected in text, expected
    assert text.count("KLASIFIKASI: TERBUKA") == 2
    assert "Sumber: " in text
    with Image.open(io.BytesIO(made["sinergi-riwayat-konflik.png"]())) as drawn:
        assert drawn.size[1] > 600


# --- Kekuatan Politik ------------------------------------------------------------------------------

BULELENG_PAIRS = ("Nyoman Sutjidra", "Nyoman Sugawa Korry")
BADUNG_PAIRS = ("I Wayan Adi Arnawa", "I Wayan Suyasa")
POLITICS_VIEWS = [
    ({"e": ELECTION}, "Peta kekuatan Bali"),
    ({"e": ELECTION, "r": "51.08", "lang": "en"}, "Forces in Buleleng"),
]


@pytest.fixture(scope="module")
def politics_agenda(tmp_path_factory):
    """Print Kekuatan Politik at Bali level (Indonesian) and focused on Buleleng (English)."""
    folder = tmp_path_factory.mktemp("politics")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SINERGI_DATA_DIR", str(folder / "var"))
        patch.setenv("SINERGI_BOUNDARIES", str(SHARED_GEO))
        patch.delenv("SINERGI_DB_URL", raising=False)
        page = open_page(ANALYST)
        slides = [
            slide_for(page, page_name="kekuatan_politik", params=p, title=title, note="", ceiling="TERBATAS")
            for p, title in POLITICS_VIEWS
        ]
        pdf = briefing.briefing_pdf(slides, agenda_title=AGENDA, lang="id")
        xlsx = briefing.briefing_xlsx(slides, agenda_title=AGENDA, lang="id")
    return slides, pdf, xlsx


def _pages_of(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_politics_slide_holds_the_balance_maps_flags_and_every_contest(politics_agenda):
    (bali, buleleng), _, _ = politics_agenda
    assert (bali.page, bali.focus, buleleng.focus, buleleng.lang) == (
        "Kekuatan politik",
        "Seluruh Bali",
        "Buleleng",
        "en",
    )
    assert len(bali.charts) == 2  # the balance map: the winner's share, the margin
    specs = [json.dumps(chart.to_dict()) for chart in bali.charts]
    assert all('"geoshape"' in spec for spec in specs)
    assert "Suara pemenang (%)" in specs[0]
    assert "Selisih suara" in specs[1]
    assert [title for title, _ in bali.tables] == ["Keseimbangan Pilgub Bali"]
    assert len(bali.tables[0][1]) == 9  # every regency
    headings = [title for title, _ in bali.continued]
    assert headings[0] == "Sorotan kerawanan"
    assert len(headings) == 1 + 10  # the flags, then the ten contests (every one has its pairs now)
    assert any(
        heading.startswith("Pilbup Klungkung") for heading in headings
    )  # its three pairs are known now
    assert any(c.startswith("Pilgub Bali: ") and "Sumber berbeda" in c for c in bali.caveats)  # both kept
    assert [title for title, _ in buleleng.continued] == [
        "What to watch",
        "Pilgub Bali \u00b7 Governor \u00b7 Bali \u00b7 2 pairs \u2014 results: Buleleng",
        "Pilbup Buleleng \u00b7 Regent \u00b7 Buleleng \u00b7 2 pairs \u2014 results: Buleleng",
    ]
    governor = buleleng.continued[1][1].set_index("Ballot no.")
    assert governor.loc["02", "Votes"] == "206,028"  # Koster-Giri's votes in Buleleng, as on the page
    regency = buleleng.continued[2][1]
    assert set(regency["Votes"]) == {"227,312", "130,343"}  # detik's count (Dewatapos differs: a caveat)
    assert set(buleleng.continued[0][1]["Region"]) <= {"Buleleng", "Bali"}
    assert any(s.startswith("https://") for s in buleleng.sources)
    assert any(s.startswith("Boundaries: HDX") for s in buleleng.sources)


def test_the_politics_pdf_prints_its_contests_and_when_focused_only_the_regencys(politics_agenda):
    _, pdf, _ = politics_agenda
    pages = _pages_of(pdf)
    bali, buleleng = pages[:-2], pages[-2:]  # focused on one regency, its contests fit one more page
    assert len(bali) >= 3
    assert "Halaman 1 dari" in bali[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]  # the focused slide is in English
    assert "Peta kekuatan Bali (lanjutan)" in bali[1]
    assert "Forces in Buleleng (continued)" in buleleng[1]
    whole = " ".join(bali)
    for name in (*BULELENG_PAIRS, *BADUNG_PAIRS, "I Wayan Koster", "Kota Denpasar"):
        assert name in whole, name
    assert "Sorotan kerawanan" in whole
    assert "Mengapa penting bagi kerawanan" in whole
    assert "Selisih tipis" in whole
    assert "319" in whole
    focused = " ".join(buleleng)
    for name in (*BULELENG_PAIRS, "I Wayan Koster", "206,028"):
        assert name in focused, name
    for name in BADUNG_PAIRS:  # another regency's race is not printed when focused
        assert name not in focused, name
    assert "Why it matters for vulnerability" in focused
    for page in pages:
        assert page.count("KLASIFIKASI: TERBUKA") + page.count("CLASSIFICATION: TERBUKA") == 2
        assert "CC BY 3.0 IGO" in page  # the maps' boundaries are credited on every page of the slide


def test_the_politics_workbook_holds_balance_flags_forces_and_coalitions(politics_agenda):
    slides, _, xlsx = politics_agenda
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames[2:] == [
        "1 Keseimbangan Pilgub Bali",
        "1 Sorotan kerawanan",
        "1 Kekuatan per kontestasi",
        "1 Koalisi",
        "2 Balance Pilgub Bali",
        "2 What to watch",
        "2 Forces by contest",
        "2 Coalitions",
    ]
    forces = pd.DataFrame(book["1 Kekuatan per kontestasi"].values)
    forces = forces[1:].set_axis(forces.iloc[0], axis=1)
    assert len(forces) == 23  # every pair of the ten contests
    assert forces.columns[0] == "Kontestasi"
    koster = forces[forces["Pasangan calon"].str.startswith("I Wayan Koster")].iloc[0]
    assert (koster["Kontestasi"], koster["Suara"], koster["Partai pengusung"]) == (
        "Pilgub Bali",
        "1.413.604",
        "PDI-P",
    )
    assert koster["Sumber"].startswith("https://")
    assert (forces["Kursi DPRD pengusung"] == "tidak diketahui").all()  # no seat data: unknown, not 0
    focused = pd.DataFrame(book["2 Forces by contest"].values)
    assert set(focused.iloc[1:, 0]) == {"Pilgub Bali", "Pilbup Buleleng"}
    coalitions = pd.DataFrame(book["2 Coalitions"].values)
    assert len(coalitions) > 2
    assert set(coalitions.iloc[1:, 0]) <= {"Pilgub Bali", "Pilbup Buleleng"}
    flags = pd.DataFrame(book["1 Sorotan kerawanan"].values)
    assert len(flags) - 1 == len(slides[0].continued[0][1])  # every flag, with why and its source
    assert flags.iloc[0].tolist()[-2:] == ["Mengapa penting bagi kerawanan", "Sumber"]
    balance = pd.DataFrame(book["1 Keseimbangan Pilgub Bali"].values)
    assert balance.iloc[0].tolist()[-1] == "Sumber"
    assert len(balance) == 10
    cover = [row for row in book["Agenda"].iter_rows(min_row=3, values_only=True)]
    assert (
        cover[0][-1]
        == "1 Keseimbangan Pilgub Bali, 1 Sorotan kerawanan, 1 Kekuatan per kontestasi, 1 Koalisi"
    )


FORMULA_HEAD = '=HYPERLINK("http://x.example","klik")'


def _politics_store(folder: Path, patch: pytest.MonkeyPatch) -> ui.Page:
    """Return a page on a store with a RAHASIA pair in Buleleng and a pair whose name reads as a formula."""
    patch.setenv("SINERGI_DATA_DIR", str(folder))
    patch.delenv("SINERGI_BOUNDARIES", raising=False)
    patch.delenv("SINERGI_DB_URL", raising=False)
    settings = load_settings()
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    pair = {
        "election_id": ELECTION,
        "contest": "Pilbup Buleleng",
        "origin": "test",
        "source": "https://x.example",
    }
    with engine.begin() as conn:
        conn.execute(
            store.candidate_pairs.insert(),
            [
                {**pair, "pair_id": "rahasia-1", "ballot_no": 9, "head": f"Calon {MARKER}",
                 "deputy": "Wakil", "classification": "RAHASIA"},
                {**pair, "pair_id": "formula-1", "ballot_no": 8, "head": FORMULA_HEAD, "deputy": "@SUM(1)",
                 "classification": "TERBUKA"},
            ],
        )  # fmt: skip
        conn.execute(
            store.coalitions.insert(),
            [{"pair_id": "rahasia-1", "party": "Golkar", "source": MARKER, "classification": "RAHASIA",
              "origin": "test"}],
        )  # fmt: skip
        store.bump_revision(conn)
    engine.dispose()
    return open_page(ANALYST)


def test_a_politics_slide_neutralises_formulas_and_holds_no_row_above_its_ceiling(tmp_path):
    with pytest.MonkeyPatch.context() as patch:
        page = _politics_store(tmp_path / "politics", patch)
        params = {"e": ELECTION, "r": "51.08"}
        limited = slide_for(
            page, page_name="kekuatan_politik", params=params, title="", note="", ceiling="TERBATAS"
        )
        secret = slide_for(
            page, page_name="kekuatan_politik", params=params, title="", note="", ceiling="RAHASIA"
        )
        assert (limited.classification, secret.classification) == ("TERBUKA", "RAHASIA")
        xlsx = briefing.briefing_xlsx([limited], agenda_title="Rapat", lang="id")
        pdf = briefing.briefing_pdf([limited], agenda_title="Rapat", lang="id")
        assert MARKER not in file_content(xlsx)
        assert MARKER not in _flat_pdf_text(pdf)
        assert MARKER in file_content(briefing.briefing_xlsx([secret], agenda_title="Rapat", lang="id"))
        assert MARKER in _flat_pdf_text(briefing.briefing_pdf([secret], agenda_title="Rapat", lang="id"))
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    texts = [v for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row]
    assert not [v for v in texts if isinstance(v, str) and v.startswith(FORMULA_START)]
    assert f"'{FORMULA_HEAD} \u2013 @SUM(1)" in texts  # the pair, as text that never runs
    assert all(
        cell.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
    )
    assert FORMULA_HEAD in " ".join(_pages_of(pdf))  # printed as it reads


def test_a_chart_downloaded_from_kekuatan_politik_is_titled_by_its_page():
    assert (
        exports.chart_title("kekuatan_politik", "sinergi-kekuatan-winner_share", "id") == "Kekuatan politik"
    )
    assert (
        exports.chart_title("kekuatan_politik", "sinergi-kekuatan-margin_votes", "en") == "Political forces"
    )


def test_the_workbooks_slides_draw_no_chart_and_hold_the_same_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SINERGI_BOUNDARIES", raising=False)
    monkeypatch.delenv("SINERGI_DB_URL", raising=False)
    page = open_page(ANALYST)
    views = [*VIEWS, ("kekuatan_politik", {"e": ELECTION, "r": "51.08"}, "Kekuatan")]

    def made(charts: bool) -> list[Slide]:
        return [
            slide_for(page, page_name=n, params=p, title=title, note="", ceiling="TERBATAS", charts=charts)
            for n, p, title in views
        ]

    drawn, bare = made(True), made(False)
    assert all(s.charts for s in drawn)
    assert not any(s.charts for s in bare)
    with_charts = briefing.briefing_sheets(drawn, agenda_title="Rapat", lang="id")
    without = briefing.briefing_sheets(bare, agenda_title="Rapat", lang="id")
    assert list(with_charts) == list(without)
    for name in list(with_charts)[1:]:  # the cover differs only in the time each slide was read
        pd.testing.assert_frame_equal(with_charts[name], without[name])
