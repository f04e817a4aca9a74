"""Nothing RAHASIA reaches the public or a TERBATAS partner: not on any page, in a count, a chart or a file.

RAHASIA items (events, an institution, a coordination link, a verified Posko report, a share
link) carrying a marker text are seeded into a fresh store. Every page is opened as the public
and through a partner link at TERBATAS; every element is searched for the marker (texts, tables,
metrics, chart specs and their data, download files), and every page must look exactly as it
does on a store without the secret items, so no total, tooltip or count moves either.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pyarrow as pa
import pypdf
import pytest
import sqlalchemy as sa
from streamlit.proto.Block_pb2 import Block as BlockProto
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from lib import intake, politics, posko, store
from lib.access import PUBLIC, Caller
from lib.access.links import _b64, _unb64
from lib.core.clock import LOCAL_TZ
from lib.core.problems import DataProblem
from lib.core.settings import load_settings
from lib.network import politics as layers
from tests.conftest import as_account

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
MARKER = "Zq7RahasiaPenanda"
SECRET = "uji-Kunci-Rahasia-Sinergi-2024-0123456789-xyzQW"
ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
NOW = dt.datetime.now(dt.UTC)
PARTNER = Caller("partner", "TERBATAS", "link-1", "KPU Bali")


def _seed_secrets(engine) -> None:
    """Store RAHASIA items, each naming the marker, beside the bundled (TERBUKA) data."""
    at = NOW
    event = {
        "date_precision": "day",
        "region_code": "51.08",
        "location": f"Desa {MARKER}",
        "lat": -8.19,
        "lon": 114.92,
        "election_id": "pilkada-2024-bali",
        "election_label": None,
        "category": "clash",
        "severity": 5,
        "fatalities": 3,
        "description": f"Bentrok {MARKER} di Seririt",
        "source_url": f"https://rahasia.example/{MARKER}",
        "source_title": f"Laporan intelijen {MARKER}",
        "confidence": "high",
        "severity_basis": MARKER,
        "phase_reported": None,
        "classification": "RAHASIA",
        "origin": "test",
        "created_at": at,
        "created_by": MARKER,
    }
    days = ["2024-11-20", "2024-11-27", "2024-09-30", (NOW - dt.timedelta(days=2)).date().isoformat()]
    with engine.begin() as conn:
        conn.execute(
            store.events.insert(),
            [{**event, "id": f"rahasia-{i}", "date": day} for i, day in enumerate(days)],
        )
        conn.execute(
            store.stakeholders.insert().values(
                id="rahasia-informan",
                name=f"Jaringan informan {MARKER}",
                acronym=MARKER,
                type="security",
                level="regency",
                region_code="51.08",
                role=MARKER,
                classification="RAHASIA",
                source=MARKER,
                note=MARKER,
                origin="test",
            )
        )
        conn.execute(
            store.links.insert(),
            [
                {
                    "source_id": "sekda-bali",
                    "target_id": "pemprov-bali",
                    "kind": "command",
                    "directed": True,
                    "strength": 3,
                    "delay_hours": 0.1,
                    "channel": MARKER,
                    "assumption": False,
                    "source_ref": MARKER,
                    "note": MARKER,
                    "classification": "RAHASIA",
                    "origin": "test",
                },
                {
                    "source_id": "rahasia-informan",
                    "target_id": "pemprov-bali",
                    "kind": "info",
                    "directed": True,
                    "strength": 3,
                    "delay_hours": 0.1,
                    "channel": MARKER,
                    "assumption": False,
                    "source_ref": MARKER,
                    "note": MARKER,
                    "classification": "RAHASIA",
                    "origin": "test",
                },
            ],
        )
        _seed_political_secrets(conn)
        store.bump_revision(conn)
    report = {
        "received_at": NOW - dt.timedelta(hours=3),
        "reporter_id": "polres-buleleng",
        "region_code": "51.08",
        "subregion_code": None,
        "lat": -8.19,
        "lon": 114.92,
        "category": "violence",
        "severity": 5,
        "classification": "RAHASIA",
        "title": f"Laporan {MARKER}",
        "description": f"Uraian {MARKER}",
        "reliability": "A",
        "credibility": 1,
        "assigned_to": "polres-buleleng",
    }
    verified = posko.save_report(engine, report, actor=ANALYST, client_token="rahasia-1")
    posko.set_status(engine, verified, "diverifikasi", expected_version=1, actor=ANALYST)
    posko.save_report(engine, {**report, "title": f"Baru {MARKER}"}, actor=ANALYST, client_token="rahasia-2")
    queued = {
        "time": NOW - dt.timedelta(minutes=20),
        "sender": f"Informan {MARKER}",
        "text": f"Pesan {MARKER}",
    }
    store.add_items(  # WhatsApp messages awaiting triage: TERBATAS is a partner's ceiling, yet never theirs
        engine,
        [
            {
                **queued,
                "key": "a" * 32,
                "classification": "TERBATAS",
                "attachments": [{"name": f"{MARKER}.jpg"}],
            },
            {**queued, "key": "b" * 32, "classification": "RAHASIA", "attachments": []},
        ],
        source=f"WhatsApp Chat {MARKER}.txt",
        actor=ANALYST,
    )


def _seed_political_secrets(conn) -> None:
    """A RAHASIA candidate pair with its note, and RAHASIA rows on public pairs (Kekuatan Politik)."""
    secret = {"classification": "RAHASIA", "origin": "test"}
    conn.execute(
        store.candidate_pairs.insert().values(
            pair_id="rahasia-pasangan",
            election_id="pilkada-2024-bali",
            contest="Pilbup Buleleng",
            ballot_no=3,
            head=f"Calon {MARKER}",
            deputy=f"Wakil {MARKER}",
            popular_name=MARKER,
            incumbent="yes",
            source=f"https://rahasia.example/{MARKER}",
            note=f"Catatan intelijen {MARKER}",
            **secret,
        )
    )
    conn.execute(
        store.coalitions.insert().values(pair_id="pilgub24-koster-giri", party="PSI", source=MARKER, **secret)
    )
    conn.execute(
        store.results.insert().values(
            pair_id="klungkung24-astaguna",  # a public pair whose result no source published
            region_code="51.05",
            election_id="pilkada-2024-bali",
            contest="Pilbup Klungkung",
            votes=123456,
            source=MARKER,
            note=MARKER,
            **secret,
        )
    )
    conn.execute(
        store.seats.insert().values(
            election_id="pemilu-2024", region_code="51.08", party="Golkar", seats=9, source=MARKER, **secret
        )
    )
    conn.execute(
        store.disputes.insert().values(
            id="rahasia-sengketa",
            election_id="pilkada-2024-bali",
            contest="Pilbup Buleleng",
            region_code="51.08",
            kind="bawaslu",
            date=dt.date(2024, 11, 26),
            description=f"Temuan {MARKER}",
            source=MARKER,
            **secret,
        )
    )
    # A RAHASIA tie to a public pair, and a public tie to the RAHASIA pair (the pair takes it along)
    conn.execute(
        store.political_ties.insert().values(
            source_id="ormas-bali",
            target_id="pilgub24-koster-giri",
            kind="campaign_team",
            source=f"https://rahasia.example/{MARKER}",
            note=f"Tim {MARKER}",
            **secret,
        )
    )
    conn.execute(
        store.political_ties.insert().values(
            source_id="desa-adat-buleleng",
            target_id="rahasia-pasangan",
            kind="declared_support",
            source="https://terbuka.example/dukungan",
            note="Dukungan terbuka",
            classification="TERBUKA",
            origin="test",
        )
    )


def _make_store(folder: Path, *, secrets: bool) -> str:
    """Open a fresh store in ``folder``, seed it, and return a partner token at TERBATAS."""
    settings = load_settings({"SINERGI_DATA_DIR": str(folder)})
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    if secrets:
        _seed_secrets(engine)
        store.create_link(
            engine,
            secret=SECRET,
            creator=ANALYST,
            label=f"Tautan {MARKER}",
            ceiling="RAHASIA",
            expires=NOW + dt.timedelta(days=3),
            view_params={"r": "51.08"},
        )
    link = store.create_link(
        engine,
        secret=SECRET,
        creator=ANALYST,
        label="KPU Bali, sampai akhir bulan",
        ceiling="TERBATAS",
        expires=NOW + dt.timedelta(days=3),
        view_params={"r": "51.08"},
    )
    engine.dispose()
    return link.token


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """Two stores alike but for the RAHASIA items: (folder, partner token) for each."""
    root = tmp_path_factory.mktemp("leaks")
    return {
        "secret": (root / "secret", _make_store(root / "secret", secrets=True)),
        "clean": (root / "clean", _make_store(root / "clean", secrets=False)),
    }


@pytest.fixture(autouse=True)
def harness(monkeypatch):
    monkeypatch.delenv("SINERGI_DB_URL", raising=False)
    monkeypatch.delenv("SINERGI_BOUNDARIES", raising=False)
    monkeypatch.setenv("SINERGI_SECRET_KEY", SECRET)


@pytest.fixture
def downloads(monkeypatch):
    """Collect the bytes of every file the pages offer for download (AppTest drops them after a run)."""
    files: list[bytes] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes) and path_or_data != ICON:  # the app's icon is no download
            files.append(path_or_data)
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    deferred = MediaFileManager.add_deferred

    def produce_now(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        # tables are built on click: build them here, as a click would (charts as PNG/PDF are
        # drawn from the same data the chart checks above compare, so they are left to the click)
        if file_name and file_name.endswith((".xlsx", ".csv")):
            data = data_callable()
            files.append(data if isinstance(data, bytes) else str(data).encode("utf-8"))
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", produce_now)
    return files


def open_as(monkeypatch, folder: Path, page: str, query: dict) -> AppTest:
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update(query)
    at.run()
    try:
        at.switch_page(page)
    except ValueError:  # not in a partner's navigation: open its address directly, as a typed URL does
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.query_params.update(query)
        at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def _nodes(node):
    yield node
    children = getattr(node, "children", None) or {}
    for child in children.values():
        yield from _nodes(child)


def _arrow_text(data: bytes) -> str:
    if not data:
        return ""
    table = pa.ipc.open_stream(data).read_all()
    return table.to_pandas().to_csv() + json.dumps(
        table.schema.metadata
        and {k.decode(): v.decode("utf-8", "replace") for k, v in table.schema.metadata.items()}
    )


def page_content(at: AppTest) -> list[str]:
    """Return everything the page sends to the browser, decoded: texts, tables, metrics, chart specs."""
    found: list[str] = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        found.append(f"{node.type}:{proto}")  # every field, as protobuf text
        kind = getattr(node, "type", "")
        if kind in ("arrow_data_frame", "dataframe") or hasattr(proto, "data") and kind == "arrow_table":
            found.append(node.value.to_csv())
        if kind in ("arrow_vega_lite_chart", "vega_lite_chart"):
            found.append(proto.spec)
            found.append(_arrow_text(proto.data.data))
            for dataset in proto.datasets:
                found.append(dataset.name + _arrow_text(dataset.data.data))
    return found


def file_content(data: bytes, *, cells_only: bool = False) -> str:
    """Return a downloaded file as text: the XML inside an .xlsx, or the CSV itself.

    ``cells_only`` keeps only the sheets and their strings (an .xlsx also holds the moment it was
    written, which differs between two runs for no reason that matters).
    """
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [
                n
                for n in archive.namelist()
                if not cells_only or n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml"
            ]
            return "".join(archive.read(name).decode("utf-8", "replace") for name in sorted(names))
    return data.decode("utf-8", "replace")


def comparable(at: AppTest) -> list[str]:
    """Return what a viewer sees, minus the parts that differ between two stores for harmless reasons."""
    shown = []
    for node in _nodes(at._tree):
        kind = getattr(node, "type", "")
        if kind == "metric":
            shown.append(f"metric {node.label}={node.value}")
        elif kind in ("arrow_data_frame", "dataframe"):
            shown.append(node.value.to_csv())
        elif kind == "vega_lite_chart":
            shown.append(
                "".join(_arrow_text(d.data.data) for d in node.proto.datasets)
                + _arrow_text(node.proto.data.data)
            )
        elif kind in ("markdown", "text", "caption", "info", "warning", "error", "success", "code"):
            shown.append(f"{kind} {node.value}")
    return shown


def stateful_tabs(at: AppTest) -> list[tuple[str, list[str]]]:
    """Return the widget key and the tab labels of each stateful tab set on screen.

    Only the open tab of such a set runs and sends its content: the walk below opens every one.
    """
    found = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        stateful = isinstance(proto, BlockProto) and proto.WhichOneof("type") == "tab_container"
        if stateful and proto.tab_container.id:
            labels = [child.proto.label for child in node.children.values()]
            found.append((proto.id.split("-", 2)[-1], labels))  # "$$ID-<hash>-<key>"
    return found


def every_tab(at: AppTest) -> tuple[list[str], list[str]]:
    """Return :func:`page_content` and :func:`comparable` of the page with each of its tabs open in turn."""
    content, seen = page_content(at), comparable(at)
    for key, labels in stateful_tabs(at):
        for label in labels[1:]:
            at.session_state[key] = label
            at.run()
            assert not at.exception, at.exception
            content += page_content(at)
            seen += comparable(at)
    return content, seen


AUDIENCES = ["public", "partner"]
WITHOUT_DOWNLOADS = {
    ("pages/agenda.py", "public"),
    ("pages/agenda.py", "partner"),
    ("pages/akun.py", "public"),
    ("pages/akun.py", "partner"),
    ("pages/data.py", "partner"),
    ("pages/peta.py", "public"),
    ("pages/peta.py", "partner"),
    ("pages/posko.py", "public"),
    ("pages/posko.py", "partner"),
    ("pages/ringkasan.py", "public"),
    ("pages/ringkasan.py", "partner"),
    ("pages/tautan.py", "public"),
    ("pages/tautan.py", "partner"),
}
"""Pages that offer this audience no file to download (a table's own CSV is drawn in the browser):
any other must produce one, or the comparison of downloads below would prove nothing. (The app's
icon, which the server also hands out, once counted as every page's download.)"""
ICON = (ROOT / "assets" / "sinergi.png").read_bytes()


def _query(audience: str, token: str) -> dict:
    return {"r": "51.08"} if audience == "public" else {"r": "51.08", "token": token}


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("page", PAGES)
def test_no_rahasia_item_reaches_any_page_count_chart_or_download(
    page, audience, stores, monkeypatch, downloads
):
    folder, token = stores["secret"]
    at = open_as(monkeypatch, folder, page, _query(audience, token))
    caller = at.session_state["_caller"]
    expected = ("partner", "TERBATAS") if audience == "partner" else ("public", "TERBUKA")
    assert (caller.role, caller.ceiling) == expected
    content, seen = every_tab(at)
    assert content, "the page shows nothing"
    leaks = [text[:300] for text in content if MARKER in text]
    assert leaks == []
    assert [file_content(f)[:200] for f in downloads if MARKER in file_content(f)] == []

    files_seen = sorted(file_content(f, cells_only=True) for f in downloads)
    if (page, audience) in WITHOUT_DOWNLOADS:
        assert files_seen == [], "a new download: take the page out of WITHOUT_DOWNLOADS"
    else:
        assert files_seen, "no table download was produced: the comparison would prove nothing"
    downloads.clear()
    clean_folder, clean_token = stores["clean"]
    clean = open_as(monkeypatch, clean_folder, page, _query(audience, clean_token))
    assert seen == every_tab(clean)[1], "the page differs from a store without the RAHASIA items"
    files_clean = sorted(file_content(f, cells_only=True) for f in downloads)
    assert files_seen == files_clean, "a download differs from a store without the RAHASIA items"


@pytest.mark.parametrize("page", ["pages/peta.py", "pages/riwayat_konflik.py", "pages/ringkasan.py"])
def test_a_ceiling_in_the_url_gives_a_partner_nothing_more(page, stores, monkeypatch):
    folder, token = stores["secret"]
    at = open_as(
        monkeypatch, folder, page, {"r": "51.08", "token": token, "ceiling": "RAHASIA", "role": "admin"}
    )
    caller = at.session_state["_caller"]
    assert (caller.role, caller.ceiling) == ("partner", "TERBATAS")
    assert [text[:200] for text in page_content(at) if MARKER in text] == []


def test_a_tampered_token_is_refused_and_shows_public_data_only(stores, monkeypatch):
    folder, token = stores["secret"]
    payload, signature = token.split(".")
    body = json.loads(_unb64(payload))
    forged = _b64(json.dumps({**body, "c": "RAHASIA"}, separators=(",", ":")).encode()) + "." + signature
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"r": "51.08", "token": forged})
    at.run()
    assert at.session_state["_caller"].role == "public"
    assert any("tidak sah" in w.value for w in at.warning)
    at.switch_page("pages/peta.py").run()
    assert [text[:200] for text in page_content(at) if MARKER in text] == []


def test_the_seeded_items_are_there_for_an_analyst(stores):
    """The check above means something only if the secret store really holds the marker."""
    folder, _ = stores["secret"]
    settings = load_settings({"SINERGI_DATA_DIR": str(folder)})
    engine = store.make_engine(settings.store_url)
    try:
        events = store.read_events(engine, ceiling="RAHASIA")
        assert events["description"].str.contains(MARKER).sum() == 5  # 4 events + the verified report
        assert (store.read_events(engine, ceiling="TERBATAS")["description"].str.contains(MARKER)).sum() == 0
        assert posko.count_open_alerts(engine, ceiling="RAHASIA") == 2
        assert posko.count_open_alerts(engine, ceiling="TERBATAS") == 0
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(store.links)).scalar() > 2
    finally:
        engine.dispose()


def test_the_daily_briefing_at_terbatas_holds_no_rahasia_report(stores):
    folder, _ = stores["secret"]
    engine = store.make_engine(load_settings({"SINERGI_DATA_DIR": str(folder)}).store_url)
    try:
        today = NOW.astimezone(LOCAL_TZ).date()
        for day in (today, today - dt.timedelta(days=1)):
            frame = posko.read_reports(engine, ceiling="TERBATAS")
            data = posko.briefing_xlsx(frame, day=day, region_names={}, stakeholder_names={})
            assert MARKER not in file_content(data)
        everything = posko.read_reports(engine, ceiling="RAHASIA")
        assert MARKER in file_content(
            posko.briefing_xlsx(
                everything,
                day=(NOW - dt.timedelta(hours=3)).astimezone(LOCAL_TZ).date(),
                region_names={},
                stakeholder_names={},
            )
        )
    finally:
        engine.dispose()


@pytest.mark.parametrize("page", ["pages/peta.py", "pages/riwayat_konflik.py", "pages/kekuatan_politik.py"])
def test_the_search_finds_the_marker_when_an_analyst_may_see_it(page, stores, monkeypatch):
    """A control: the same walk over the same page does find the items for a RAHASIA caller."""
    folder, _ = stores["secret"]
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["_caller"] = as_account(ANALYST)
    at.query_params.update({"r": "51.08"})
    at.run()
    at.switch_page(page)
    at.run()
    kinds = {getattr(node, "type", "") for node in _nodes(at._tree)}
    assert "vega_lite_chart" in kinds
    assert any(MARKER in text for text in page_content(at))
    assert any(MARKER in node.value.to_csv() for node in at.dataframe)


AGENDA_VIEWS = [
    ("ringkasan", {"r": "51.08"}, "Ringkasan Buleleng", "TERBUKA"),
    ("peta", {"r": "51.08", "lay": "events,posko,labels"}, "Peta Buleleng", "TERBUKA"),
    ("riwayat_konflik", {"r": "51.08"}, "Informan", "RAHASIA"),
    ("pemangku_kepentingan", {}, "Jejaring", "TERBATAS"),
    ("posko", {}, "Laporan Posko", "TERBUKA"),
    ("skenario", {}, "Skenario", "TERBUKA"),
]
"""An agenda over every page an agenda can show; in the secret store the RAHASIA view's title and
note name the marker, and its pages draw on the RAHASIA items above."""


@pytest.fixture(scope="module")
def agenda_tokens(stores):
    """The same agenda in both stores, shared as one link at TERBATAS: name -> (agenda id, token)."""
    made = {}
    for name, (folder, _) in stores.items():
        engine = store.make_engine(load_settings({"SINERGI_DATA_DIR": str(folder)}).store_url)
        agenda_id = store.create_agenda(engine, title="Rapat koordinasi pekan ini", actor=ANALYST)
        for page, params, title, level in AGENDA_VIEWS:
            marked = name == "secret" and level == "RAHASIA"
            store.add_item(
                engine,
                agenda_id,
                page=page,
                view_params=params,
                title=f"{title} {MARKER}" if marked else title,
                note=f"Catatan {MARKER}" if marked else "Catatan",
                classification=level,
                actor=ANALYST,
            )
        link = store.create_link(
            engine,
            secret=SECRET,
            creator=ANALYST,
            label="Bawaslu Bali (agenda)",
            ceiling="TERBATAS",
            expires=NOW + dt.timedelta(days=3),
            view_params={},
            page="agenda",
            agenda_id=agenda_id,
        )
        made[name] = (agenda_id, link.token)
        engine.dispose()
    return made


@pytest.fixture
def briefings(downloads, monkeypatch):
    """Keep the briefing PDFs offered for download (built on click), to build them as a click would."""
    kept: list = []
    deferred = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name and file_name.startswith("sinergi-briefing-") and file_name.endswith(".pdf"):
            kept.append(data_callable)
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return kept


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


PARTNER_SLIDES = len(AGENDA_VIEWS) - 1
"""A partner's presentation leaves out the Posko view: a link grants no Posko reports."""


def _present_all(at: AppTest) -> list[tuple[list[str], list[str]]]:
    """Walk the presentation the link opened, slide by slide (▶), then open the agenda page.

    Returns what each screen shows (:func:`comparable`) and all it sends (:func:`page_content`).
    """
    slides = []
    for n in range(1, PARTNER_SLIDES + 1):
        assert not at.exception, at.exception
        bar = [m.value.replace("\\", "") for m in at.markdown if m.value.startswith("**Agenda")]
        assert bar == [f"**Agenda: Rapat koordinasi pekan ini — {n} / {PARTNER_SLIDES}**"]
        slides.append((comparable(at), page_content(at)))
        if n < PARTNER_SLIDES:
            at.button(key="agenda_next").click().run()
    at.switch_page("pages/agenda.py").run()
    assert not at.exception, at.exception
    slides.append((comparable(at), page_content(at)))
    return slides


def test_an_agenda_shared_at_terbatas_shows_nothing_above_it_on_any_slide_or_in_its_briefing(
    agenda_tokens, stores, monkeypatch, downloads, briefings
):
    shown = {}
    for name in ("secret", "clean"):
        folder, _ = stores[name]
        _, token = agenda_tokens[name]
        monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.query_params.update({"token": token})
        at.run()
        caller = at.session_state["_caller"]
        assert (caller.role, caller.ceiling) == ("partner", "TERBATAS")
        slides = _present_all(at)
        assert [text[:300] for _, content in slides for text in content if MARKER in text] == []
        assert [file_content(f)[:200] for f in downloads if MARKER in file_content(f)] == []
        assert len(briefings) == 1, "the agenda page offers the briefing PDF"
        assert MARKER not in _pdf_text(briefings.pop()())
        shown[name] = [seen for seen, _ in slides]
        downloads.clear()
    assert shown["secret"] == shown["clean"], "a slide differs from a store without the RAHASIA items"


def test_the_agenda_briefing_holds_the_marker_for_an_analyst(agenda_tokens, stores, monkeypatch, briefings):
    """A control: the same briefing, printed by an analyst at RAHASIA, does show the secret note."""
    folder, _ = stores["secret"]
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["_caller"] = as_account(ANALYST)
    at.run()
    at.switch_page("pages/agenda.py").run()
    assert not at.exception, at.exception
    assert any(MARKER in text for text in page_content(at))
    assert MARKER in _pdf_text(briefings.pop()())


def test_lib_reads_of_the_message_queue_refuse_partners_and_the_public(stores):
    """The queue's messages are the Posko's: a partner or the public is refused whatever the ceiling."""
    folder, _ = stores["secret"]
    engine = store.make_engine(load_settings({"SINERGI_DATA_DIR": str(folder)}).store_url)
    try:
        for outsider in (PARTNER, PUBLIC):
            with pytest.raises(DataProblem):
                store.read_items(engine, actor=outsider)
            with pytest.raises(DataProblem):
                store.count_untriaged(engine, actor=outsider, since=[])
        assert store.read_items(engine, actor=ANALYST)["text"].str.contains(MARKER).sum() == 2
        operator = Caller("posko", "TERBATAS", "op1", "Operator")
        assert store.read_items(engine, actor=operator)["text"].str.contains(MARKER).sum() == 1
    finally:
        engine.dispose()


def test_the_posko_queue_shows_the_messages_to_an_analyst(stores, monkeypatch):
    """A control: the same walk finds the queued messages on the Posko page for a Posko role."""
    folder, _ = stores["secret"]
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["_caller"] = as_account(ANALYST)
    at.run()
    at.switch_page("pages/posko.py").run()
    assert not at.exception, at.exception
    assert any(f"Informan {MARKER}" in text for text in page_content(at))


def _political_drawing(monkeypatch, folder: Path, query: dict, caller: Caller | None = None) -> AppTest:
    """Open Pemangku Kepentingan with the political layer on and Koster-Giri picked."""
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update(query)
    if caller is not None:
        at.session_state["_caller"] = as_account(caller)
    at.run()
    at.switch_page("pages/pemangku_kepentingan.py").run()
    at.toggle(key="network_politics").set_value(True).run()
    at.selectbox(key="network_node").set_value("pilgub24-koster-giri").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_rahasia_political_tie_or_pair_reaches_the_stakeholder_drawing(audience, stores, monkeypatch):
    folder, token = stores["secret"]
    at = _political_drawing(monkeypatch, folder, _query(audience, token))
    assert [text[:300] for text in page_content(at) if MARKER in text] == []
    assert "rahasia-pasangan" not in at.selectbox(key="network_node").options
    clean_folder, clean_token = stores["clean"]
    clean = _political_drawing(monkeypatch, clean_folder, _query(audience, clean_token))
    assert comparable(at) == comparable(clean), "the political layer differs from a store without RAHASIA"


def test_the_political_layer_shows_the_rahasia_tie_to_an_analyst(stores):
    """A control: the reads the drawing makes give an analyst the secret tie and pair, a partner neither.

    (The page itself stops for an analyst of this store: its RAHASIA institution has a bad type.)
    """
    folder, _ = stores["secret"]
    settings = load_settings({"SINERGI_DATA_DIR": str(folder)})
    engine = store.open_store(settings.store_url, intake.load_bundle(settings.bundled_dir))
    try:
        seen = {}
        for ceiling in ("RAHASIA", "TERBATAS"):
            forces = politics.for_election(store.read_forces(engine, ceiling=ceiling), "pilkada-2024-bali")
            ties = store.read_political_ties(engine, ceiling=ceiling)
            people = store.read_stakeholders(engine, ceiling=ceiling)
            seen[ceiling] = layers.political_layer(forces, ties, people)
    finally:
        engine.dispose()
    assert any(MARKER in str(note) for note in seen["RAHASIA"].ties["note"])
    assert "rahasia-pasangan" in set(seen["RAHASIA"].ties["target_id"])
    assert not any(MARKER in str(note) for note in seen["TERBATAS"].ties["note"])
    assert "rahasia-pasangan" not in set(seen["TERBATAS"].nodes["id"])
    assert "rahasia-pasangan" not in set(seen["TERBATAS"].ties["target_id"])
