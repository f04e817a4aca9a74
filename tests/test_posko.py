"""Posko reports: checks, workflow, locking, history, events, concurrency, attachments, briefing."""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as hst

from lib import intake, posko, store
from lib.access import Caller
from lib.core.clock import LOCAL_TZ
from lib.core.problems import DataProblem
from tests.conftest import DATA_DIR, postgres_engine

ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
ANALYST_2 = Caller("analyst", "RAHASIA", "budi", "Budi (Polda)")
OPERATOR = Caller("posko", "TERBATAS", "op1", "Operator 1")
NOW = dt.datetime(2024, 11, 27, 12, 0, tzinfo=LOCAL_TZ)


@pytest.fixture(scope="module")
def bundle():
    return intake.load_bundle(DATA_DIR)


@pytest.fixture(scope="module")
def index(bundle):
    return intake.region_index(bundle.regions)


@pytest.fixture(scope="module")
def stakeholder_ids(bundle):
    return frozenset(bundle.stakeholders["id"])


def _ready(engine):
    """Bring the schema up and record the first revision, as open_store does at start."""
    store.migrate(engine)
    with engine.begin() as conn:
        store.bump_revision(conn)
    return engine


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}") if request.param == "sqlite" else None
    if made is None:
        made = postgres_engine()
    yield _ready(made)
    made.dispose()


@pytest.fixture
def sqlite_engine(tmp_path):
    made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    yield _ready(made)
    made.dispose()


def form(**changes):
    base = {
        "received_at": dt.datetime(2024, 11, 27, 9, 15),  # Bali time
        "reporter_id": "polres-buleleng",
        "region": "Kab. Buleleng",
        "category": "clash",
        "severity": 4,
        "classification": "TERBATAS",
        "title": "Bentrokan pendukung di Seririt",
        "description": "Dua kelompok pendukung saling dorong di depan TPS 05.",
        "reliability": "B",
        "credibility": "2",
        "assigned_to": ["polres-buleleng", "bawaslu-buleleng"],
    }
    base.update(changes)
    return base


def clean(index, stakeholder_ids, **changes):
    check = posko.validate_report(form(**changes), index=index, stakeholder_ids=stakeholder_ids, now=NOW)
    assert check.ok, check.problems
    return dict(check.clean)


# ---------------------------------------------------------------- validation


def test_a_complete_form_is_cleaned_to_codes_and_utc(index, stakeholder_ids):
    values = clean(index, stakeholder_ids)
    assert values["region_code"] == "51.08"
    assert values["received_at"] == dt.datetime(2024, 11, 27, 1, 15, tzinfo=dt.UTC)
    assert values["credibility"] == 2
    assert values["assigned_to"] == "bawaslu-buleleng;polres-buleleng"
    assert (values["lat"], values["lon"], values["subregion_code"]) == (None, None, None)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "   "}, "title", "wajib diisi"),
        ({"description": "x" * (posko.DESCRIPTION_MAX + 1)}, "description", "4001 karakter"),
        ({"severity": 7}, "severity", "\u201c7\u201d bukan pilihan"),
        ({"reliability": "G"}, "reliability", "\u201cG\u201d"),
        ({"credibility": "0"}, "credibility", "\u201c0\u201d"),
        ({"reporter_id": "nobody"}, "reporter_id", "nobody"),
        ({"received_at": dt.datetime(2024, 11, 28, 9, 0)}, "received_at", "masa depan"),
        ({"received_at": "kemarin sore"}, "received_at", "kemarin sore"),
        ({"lat": "-8.1"}, "lat", "keduanya"),
        ({"lat": "-6.2", "lon": "106.8"}, "lat", "di luar Bali"),
        ({"region": "Kab. Sleman"}, "region_code", "Sleman"),
        ({"category": "<script>"}, "category", "<script>"),
    ],
    ids=[
        "empty title",
        "oversized description",
        "severity out of range",
        "reliability not A-F",
        "credibility not 1-6",
        "unknown reporter",
        "future time",
        "unreadable time",
        "half a point",
        "point in Jakarta",
        "region outside Bali",
        "category not allowed",
    ],
)
def test_bad_fields_are_named_with_the_value_found(index, stakeholder_ids, changes, field, words):
    check = posko.validate_report(form(**changes), index=index, stakeholder_ids=stakeholder_ids, now=NOW)
    assert not check.ok
    assert field in check.problems
    assert words in check.problems[field]
    assert check.clean == {}


def test_nobody_files_a_report_above_their_own_ceiling(index, stakeholder_ids):
    check = posko.validate_report(
        form(classification="RAHASIA"),
        index=index,
        stakeholder_ids=stakeholder_ids,
        ceiling="TERBATAS",
        now=NOW,
    )
    assert "RAHASIA" in check.problems["classification"]


def test_html_and_script_are_kept_as_plain_text(index, stakeholder_ids):
    text = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    values = clean(index, stakeholder_ids, title=text, description=text)
    assert values["title"] == text
    assert values["description"] == text


@settings(max_examples=60, deadline=None)
@given(title=hst.text(max_size=150), description=hst.text(max_size=60))
def test_any_typed_text_is_either_accepted_or_named_as_a_problem(index, stakeholder_ids, title, description):
    check = posko.validate_report(
        form(title=title, description=description), index=index, stakeholder_ids=stakeholder_ids, now=NOW
    )
    if check.ok:
        assert 0 < len(check.clean["title"]) <= posko.TITLE_MAX
        assert "\x00" not in check.clean["description"]
    else:
        assert set(check.problems) <= {"title", "description"}


# ---------------------------------------------------------------- saving, workflow, history


def test_a_saved_report_is_new_has_a_history_and_is_not_yet_an_event(engine, index, stakeholder_ids):
    report_id = posko.save_report(engine, clean(index, stakeholder_ids), actor=OPERATOR, client_token="t-1")
    stored = posko.get_report(engine, report_id, ceiling="TERBATAS")
    assert (stored["status"], stored["version"], stored["created_by"]) == ("baru", 1, "op1")
    assert stored["received_at"] == dt.datetime(2024, 11, 27, 1, 15, tzinfo=dt.UTC)
    timeline = posko.report_timeline(engine, report_id, ceiling="TERBATAS")
    assert timeline[["who", "field", "new"]].values.tolist() == [["op1", "status", "baru"]]
    assert str(timeline["at"].dt.tz) == "Asia/Makassar"
    assert f"posko-{report_id}" not in set(store.read_events(engine, ceiling="RAHASIA")["id"])


def test_saving_the_same_form_twice_stores_it_once(engine, index, stakeholder_ids):
    values = clean(index, stakeholder_ids)
    first = posko.save_report(engine, values, actor=OPERATOR, client_token="same")
    second = posko.save_report(engine, values, actor=OPERATOR, client_token="same")
    assert first == second
    assert len(posko.read_reports(engine, ceiling="RAHASIA")) == 1


def test_a_verified_report_appears_as_an_event_at_its_classification(engine, index, stakeholder_ids):
    report_id = posko.save_report(
        engine, clean(index, stakeholder_ids, classification="RAHASIA"), actor=ANALYST, client_token="v"
    )
    rev = store.revision(engine)
    version = posko.set_status(engine, report_id, "diverifikasi", expected_version=1, actor=ANALYST)
    assert version == 2
    assert store.revision(engine) == rev + 1
    events = store.read_events(engine, ceiling="RAHASIA").set_index("id")
    event = events.loc[f"posko-{report_id}"]
    assert (event["origin"], event["classification"], event["region_code"]) == ("posko", "RAHASIA", "51.08")
    assert (event["date"], event["category"], event["severity"]) == ("2024-11-27", "clash", 4)
    assert event["confidence"] == "high"
    assert f"posko-{report_id}" not in set(store.read_events(engine, ceiling="TERBATAS")["id"])


def test_editing_a_verified_report_updates_its_event_and_unverifying_removes_it(
    engine, index, stakeholder_ids
):
    report_id = posko.save_report(engine, clean(index, stakeholder_ids), actor=ANALYST, client_token="e")
    version = posko.set_status(engine, report_id, "diverifikasi", expected_version=1, actor=ANALYST)
    version = posko.update_report(engine, report_id, {"severity": 5}, expected_version=version, actor=ANALYST)
    events = store.read_events(engine, ceiling="RAHASIA").set_index("id")
    assert events.loc[f"posko-{report_id}", "severity"] == 5
    posko.set_status(engine, report_id, "baru", expected_version=version, actor=ANALYST)
    assert f"posko-{report_id}" not in set(store.read_events(engine, ceiling="RAHASIA")["id"])


def test_the_workflow_refuses_skipped_steps_and_rejections_without_reason(engine, index, stakeholder_ids):
    report_id = posko.save_report(engine, clean(index, stakeholder_ids), actor=OPERATOR, client_token="w")
    with pytest.raises(DataProblem, match="dari Baru menjadi Selesai") as skipped:
        posko.set_status(engine, report_id, "selesai", expected_version=1, actor=ANALYST)
    assert "Diverifikasi, Ditolak" in skipped.value.fix
    with pytest.raises(DataProblem, match="tanpa alasan"):
        posko.set_status(engine, report_id, "ditolak", expected_version=1, actor=ANALYST)
    with pytest.raises(DataProblem, match="Operator Posko tidak boleh memverifikasi"):
        posko.set_status(engine, report_id, "diverifikasi", expected_version=1, actor=OPERATOR)
    version = posko.set_status(
        engine, report_id, "ditolak", expected_version=1, actor=ANALYST, reason="Duplikat laporan #3"
    )
    stored = posko.get_report(engine, report_id, ceiling="RAHASIA")
    assert (stored["status"], stored["reject_reason"], version) == ("ditolak", "Duplikat laporan #3", 2)


def test_the_full_workflow_is_recorded_field_by_field(engine, index, stakeholder_ids):
    report_id = posko.save_report(engine, clean(index, stakeholder_ids), actor=OPERATOR, client_token="h")
    v = posko.set_status(engine, report_id, "diverifikasi", expected_version=1, actor=ANALYST)
    v = posko.update_report(
        engine, report_id, {"assigned_to": ["polres-buleleng"]}, expected_version=v, actor=OPERATOR
    )
    v = posko.set_status(engine, report_id, "ditindaklanjuti", expected_version=v, actor=OPERATOR)
    v = posko.set_status(engine, report_id, "selesai", expected_version=v, actor=OPERATOR)
    timeline = posko.report_timeline(engine, report_id, ceiling="TERBATAS")
    assert timeline[["who", "field", "old", "new"]].fillna("").values.tolist() == [
        ["op1", "status", "", "baru"],
        ["ana", "status", "baru", "diverifikasi"],
        ["op1", "assigned_to", "bawaslu-buleleng;polres-buleleng", "polres-buleleng"],
        ["op1", "status", "diverifikasi", "ditindaklanjuti"],
        ["op1", "status", "ditindaklanjuti", "selesai"],
    ]
    assert v == 5


def test_the_second_of_two_editors_is_refused_with_the_latest_version(engine, index, stakeholder_ids):
    report_id = posko.save_report(engine, clean(index, stakeholder_ids), actor=ANALYST, client_token="lock")
    opened_by_ana = posko.get_report(engine, report_id, ceiling="RAHASIA")["version"]
    opened_by_budi = posko.get_report(engine, report_id, ceiling="RAHASIA")["version"]
    posko.update_report(
        engine, report_id, {"title": "Versi Ana"}, expected_version=opened_by_ana, actor=ANALYST
    )
    with pytest.raises(posko.StaleReport) as refused:
        posko.update_report(
            engine, report_id, {"title": "Versi Budi"}, expected_version=opened_by_budi, actor=ANALYST_2
        )
    assert refused.value.version == 2
    assert refused.value.latest["title"] == "Versi Ana"
    assert "diubah oleh ana" in refused.value.what
    assert posko.get_report(engine, report_id, ceiling="RAHASIA")["title"] == "Versi Ana"
    fields = posko.report_timeline(engine, report_id, ceiling="RAHASIA")["field"].tolist()
    assert fields == ["status", "title"]


def test_a_change_to_nothing_keeps_the_version(engine, index, stakeholder_ids):
    values = clean(index, stakeholder_ids)
    report_id = posko.save_report(engine, values, actor=ANALYST, client_token="same-values")
    unchanged = {k: values[k] for k in ("title", "severity", "received_at", "assigned_to")}
    assert posko.update_report(engine, report_id, unchanged, expected_version=1, actor=ANALYST) == 1


def test_alerts_stay_open_until_acknowledged(engine, index, stakeholder_ids):
    loud = posko.save_report(engine, clean(index, stakeholder_ids), actor=OPERATOR, client_token="a1")
    posko.save_report(engine, clean(index, stakeholder_ids, severity=2), actor=OPERATOR, client_token="a2")
    assert posko.open_alerts(engine, ceiling="TERBATAS")["id"].tolist() == [loud]
    assert posko.count_open_alerts(engine, ceiling="TERBATAS") == 1
    with pytest.raises(DataProblem, match="tidak boleh menandai"):
        posko.acknowledge_alert(engine, loud, actor=OPERATOR)
    assert posko.acknowledge_alert(engine, loud, actor=ANALYST) is True
    assert posko.acknowledge_alert(engine, loud, actor=ANALYST_2) is False
    assert posko.count_open_alerts(engine, ceiling="TERBATAS") == 0
    assert posko.get_report(engine, loud, ceiling="RAHASIA")["version"] == 1


# ---------------------------------------------------------------- what each caller may see


def test_reads_and_counts_show_only_what_the_caller_may_see(engine, index, stakeholder_ids):
    open_id = posko.save_report(
        engine, clean(index, stakeholder_ids, classification="TERBUKA"), actor=ANALYST, client_token="c1"
    )
    secret_id = posko.save_report(
        engine,
        clean(index, stakeholder_ids, classification="RAHASIA", title="Rahasia: rencana pengerahan massa"),
        actor=ANALYST,
        client_token="c2",
    )
    assert posko.read_reports(engine, ceiling="TERBATAS")["id"].tolist() == [open_id]
    assert set(posko.read_reports(engine, ceiling="RAHASIA")["id"]) == {open_id, secret_id}
    counts = posko.report_counts(engine, ceiling="TERBATAS", now=NOW)
    assert counts.to_dict("records") == [
        {"region_code": "51.08", "last_24h": 1, "last_7d": 1, "open_alerts": 1}
    ]
    assert posko.report_counts(engine, ceiling="RAHASIA", now=NOW)["last_7d"].tolist() == [2]
    assert posko.status_counts(engine, ceiling="TERBATAS")["baru"] == 1
    assert posko.count_open_alerts(engine, ceiling="TERBATAS") == 1
    assert posko.open_alerts(engine, ceiling="TERBATAS")["id"].tolist() == [open_id]
    with pytest.raises(DataProblem, match=f"#{secret_id} tidak ditemukan"):
        posko.get_report(engine, secret_id, ceiling="TERBATAS")
    with pytest.raises(DataProblem, match="tidak ditemukan"):
        posko.report_timeline(engine, secret_id, ceiling="TERBATAS")
    with pytest.raises(DataProblem, match="tidak ditemukan"):
        posko.update_report(engine, secret_id, {"severity": 1}, expected_version=1, actor=OPERATOR)


def test_filters_narrow_the_list(engine, index, stakeholder_ids):
    posko.save_report(engine, clean(index, stakeholder_ids), actor=ANALYST, client_token="f1")
    posko.save_report(
        engine,
        clean(
            index,
            stakeholder_ids,
            region="Denpasar",
            category="hoax",
            received_at=dt.datetime(2024, 11, 20, 8),
        ),
        actor=ANALYST,
        client_token="f2",
    )
    assert len(posko.read_reports(engine, ceiling="RAHASIA", regions=["51.71"])) == 1
    assert len(posko.read_reports(engine, ceiling="RAHASIA", categories=["clash", "riot"])) == 1
    assert len(posko.read_reports(engine, ceiling="RAHASIA", statuses=["diverifikasi"])) == 0
    recent = posko.read_reports(engine, ceiling="RAHASIA", since=dt.datetime(2024, 11, 27, 9, 15))
    assert recent["region_code"].tolist() == ["51.08"]
    older = posko.read_reports(engine, ceiling="RAHASIA", until=dt.datetime(2024, 11, 27, 9, 15))
    assert older["region_code"].tolist() == ["51.71"]


# ---------------------------------------------------------------- concurrency and failures


def _save_many(engine, index, stakeholder_ids, n, tokens):
    values = clean(index, stakeholder_ids)

    def save(i):
        token = tokens[i]
        return posko.save_report(
            engine, {**values, "title": f"Laporan {token}"}, actor=OPERATOR, client_token=token
        )

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(save, range(n)))


def test_two_hundred_reports_saved_from_threads_are_all_stored_once(engine, index, stakeholder_ids):
    tokens = [f"tok-{i:03d}" for i in range(200)]
    # every token twice, interleaved: the retries race the first saves
    ids = _save_many(engine, index, stakeholder_ids, 400, tokens + tokens)
    assert len(set(ids)) == 200
    assert ids[:200] == ids[200:]
    stored = posko.read_reports(engine, ceiling="RAHASIA")
    assert len(stored) == 200
    assert sorted(stored["title"]) == sorted(f"Laporan {t}" for t in tokens)
    with engine.connect() as conn:
        history = conn.execute(sa.select(sa.func.count()).select_from(store.report_history)).scalar()
    assert history == 200


def test_an_unreachable_store_says_nothing_was_saved(tmp_path, index, stakeholder_ids):
    gone = sa.create_engine(f"sqlite:///{tmp_path / 'no-such-folder' / 'sinergi.db'}")
    with pytest.raises(DataProblem, match="BELUM disimpan") as problem:
        posko.save_report(gone, clean(index, stakeholder_ids), actor=OPERATOR, client_token="down")
    assert "tetap di formulir" in problem.value.fix


# ---------------------------------------------------------------- attachments

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64


def test_an_image_is_stored_under_a_generated_name(tmp_path):
    stored = posko.store_attachment(PNG, "foto kejadian.png", tmp_path)
    assert (stored.content_type, stored.size_bytes, stored.original_name) == (
        "image/png",
        72,
        "foto_kejadian.png",
    )
    path = posko.attachment_path(tmp_path, stored.stored_name)
    assert path.parent == tmp_path / "attachments"
    assert path.read_bytes() == PNG


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "..\\..\\windows\\system32\\x.pdf", "/abs/path.pdf", "", "....pdf"]
)
def test_path_tricks_in_the_name_never_leave_the_attachment_folder(tmp_path, name):
    stored = posko.store_attachment(PDF, name, tmp_path / "data")
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files == [tmp_path / "data" / "attachments" / stored.stored_name]
    assert "/" not in stored.original_name
    assert "\\" not in stored.original_name
    assert not stored.original_name.startswith(".")


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"<html><script>alert(1)</script></html>", "foto.png", "bukan gambar"),
        (b"MZ\x90\x00" + b"\x00" * 20, "laporan.pdf", "bukan gambar"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "peta.svg", "bukan gambar"),
        (b"", "kosong.pdf", "kosong"),
        (b"%PDF-" + b"0" * posko.ATTACHMENT_MAX_BYTES, "besar.pdf", "batasnya 5 MB"),
    ],
    ids=["html named png", "exe named pdf", "svg", "empty", "too big"],
)
def test_wrong_types_and_sizes_are_refused_and_nothing_is_written(tmp_path, data, name, words):
    with pytest.raises(DataProblem, match=words):
        posko.store_attachment(data, name, tmp_path)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_a_stored_name_from_elsewhere_is_refused(tmp_path):
    with pytest.raises(ValueError, match="not a stored attachment"):
        posko.attachment_path(tmp_path, "../sinergi.db")


def test_an_attachment_is_kept_with_its_report(sqlite_engine, tmp_path, index, stakeholder_ids):
    stored = posko.store_attachment(PDF, "BAP.pdf", tmp_path)
    report_id = posko.save_report(
        sqlite_engine, clean(index, stakeholder_ids), actor=OPERATOR, client_token="att", attachment=stored
    )
    row = posko.get_report(sqlite_engine, report_id, ceiling="TERBATAS")
    assert (row["attachment_path"], row["attachment_name"]) == (stored.stored_name, "BAP.pdf")


# ---------------------------------------------------------------- daily briefing


def test_the_daily_briefing_counts_the_day_by_regency_and_status(sqlite_engine, index, stakeholder_ids):
    for i, region in enumerate(["Buleleng", "Buleleng", "Denpasar"]):
        posko.save_report(
            sqlite_engine, clean(index, stakeholder_ids, region=region), actor=ANALYST, client_token=f"b{i}"
        )
    posko.save_report(
        sqlite_engine,
        clean(index, stakeholder_ids, received_at=dt.datetime(2024, 11, 26, 23, 59)),
        actor=ANALYST,
        client_token="b-yesterday",
    )
    frame = posko.read_reports(sqlite_engine, ceiling="RAHASIA")
    sheets = posko.briefing_sheets(
        frame,
        day=dt.date(2024, 11, 27),
        region_names={"51.08": "Buleleng", "51.71": "Denpasar"},
        stakeholder_names={"polres-buleleng": "Polres Buleleng"},
    )
    summary = sheets["Ringkasan"].set_index("Kabupaten/kota")
    assert summary.loc["Buleleng", "Baru"] == 2
    assert summary.loc["Denpasar", "Jumlah"] == 1
    assert len(sheets["Laporan"]) == 3
    assert set(sheets["Laporan"]["Lembaga pelapor"]) == {"Polres Buleleng"}


def test_the_briefing_file_keeps_formula_text_as_text(sqlite_engine, index, stakeholder_ids):
    import io

    import openpyxl

    posko.save_report(
        sqlite_engine,
        clean(
            index, stakeholder_ids, title='=HYPERLINK("http://evil.example","klik")', description="+62 811"
        ),
        actor=ANALYST,
        client_token="formula",
    )
    frame = posko.read_reports(sqlite_engine, ceiling="RAHASIA")
    data = posko.briefing_xlsx(frame, day=dt.date(2024, 11, 27), region_names={}, stakeholder_names={})
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Laporan"]
    cells = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert '\'=HYPERLINK("http://evil.example","klik")' in cells
    assert "'+62 811" in cells
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


# ---------------------------------------------------------------- any mix of empty optional fields

OPTIONAL = {
    "subregion": hst.sampled_from(["", "51.08.02"]),
    "point": hst.sampled_from([("", ""), ("-8.19", "114.93")]),
    "assigned_to": hst.sampled_from([[], ["polres-buleleng"], ["polres-buleleng", "bawaslu-buleleng"]]),
    "severity": hst.integers(min_value=1, max_value=5),
    "status": hst.sampled_from(["baru", "diverifikasi", "ditolak"]),
    "acknowledged": hst.booleans(),
}


def _store_mixed(engine, index, stakeholder_ids, drawn: list[dict]) -> None:
    for i, item in enumerate(drawn):
        lat, lon = item["point"]
        values = clean(
            index,
            stakeholder_ids,
            lat=lat,
            lon=lon,
            assigned_to=item["assigned_to"],
            severity=item["severity"],
            title=f"Laporan {i}",
        )
        if item["subregion"]:
            values["subregion_code"] = item["subregion"]  # boundaries are not loaded here
        report_id = posko.save_report(engine, values, actor=ANALYST, client_token=f"mix-{i}")
        version = 1
        if item["status"] != "baru":
            reason = "Tidak dapat dikonfirmasi" if item["status"] == "ditolak" else None
            version = posko.set_status(
                engine, report_id, item["status"], expected_version=version, actor=ANALYST, reason=reason
            )
        if item["acknowledged"] and item["severity"] >= posko.ALERT_SEVERITY:
            posko.acknowledge_alert(engine, report_id, actor=ANALYST)


@settings(max_examples=25, deadline=None)
@given(drawn=hst.lists(hst.fixed_dictionaries(OPTIONAL), min_size=1, max_size=6))
def test_every_read_list_count_and_briefing_takes_any_mix_of_empty_optional_fields(
    tmp_path_factory, index, stakeholder_ids, drawn
):
    import io

    import openpyxl

    engine = _ready(store.make_engine(f"sqlite:///{tmp_path_factory.mktemp('mix') / 's.db'}"))
    try:
        _store_mixed(engine, index, stakeholder_ids, drawn)
        frame = posko.read_reports(engine, ceiling="RAHASIA")
        assert len(frame) == len(drawn)
        for name in ("assigned_to", "subregion_code", "reject_reason", "alert_ack_by"):
            assert all(v is None or isinstance(v, str) for v in frame[name]), name
        listed = posko.report_list(
            frame,
            region_names={"51.08": "Buleleng"},
            people={"polres-buleleng": "Polres Buleleng"},
            limit=500,
        )
        assert listed.total == len(drawn)
        assigned = listed.table["Ditugaskan kepada"].tolist()
        for cell, item in zip(assigned[::-1], drawn, strict=True):  # the list is newest first
            assert (cell == "") == (not item["assigned_to"])
        open_alerts = sum(
            1
            for item in drawn
            if item["severity"] >= posko.ALERT_SEVERITY
            and item["status"] != "ditolak"
            and not item["acknowledged"]
        )
        assert posko.count_open_alerts(engine, ceiling="RAHASIA") == open_alerts
        assert int(posko.is_open_alert(frame).sum()) == open_alerts
        assert len(posko.open_alerts(engine, ceiling="RAHASIA")) == open_alerts
        assert sum(posko.status_counts(engine, ceiling="RAHASIA").values()) == len(drawn)
        counts = posko.report_counts(engine, ceiling="RAHASIA", now=NOW, include_rejected=True)
        assert int(counts["last_7d"].sum()) == len(drawn)
        sheets = posko.briefing_sheets(
            frame, day=dt.date(2024, 11, 27), region_names={}, stakeholder_names={"polres-buleleng": "Polres"}
        )
        assert len(sheets["Laporan"]) == len(drawn)
        book = openpyxl.load_workbook(
            io.BytesIO(
                posko.briefing_xlsx(frame, day=dt.date(2024, 11, 27), region_names={}, stakeholder_names={})
            )
        )
        assert book["Laporan"].max_row == len(drawn) + 1
        for report_id in frame["id"]:
            found = posko.get_report(engine, int(report_id), ceiling="RAHASIA")
            assert posko.split_ids(found["assigned_to"]) == posko.split_ids(
                frame.set_index("id").loc[report_id, "assigned_to"]
            )
            assert len(posko.report_timeline(engine, int(report_id), ceiling="RAHASIA")) >= 1
    finally:
        engine.dispose()


def test_split_ids_reads_every_kind_of_missing_as_nobody():
    import math

    import pandas as pd

    for missing in (None, pd.NA, math.nan, ""):
        assert posko.split_ids(missing) == []


# ---------------------------------------------------------------- the rules hold where reports are written


@pytest.mark.parametrize(
    ("change", "field_words"),
    [
        ({"region_code": "99.99"}, "Kabupaten/kota"),
        ({"title": "x" * 1_000_000}, "Judul"),
        ({"received_at": dt.datetime(2099, 1, 1, tzinfo=dt.UTC)}, "Diterima"),
        ({"severity": 99}, "Keparahan"),
        ({"lat": -6.2, "lon": 106.8}, "Lintang"),
        ({"category": "<script>"}, "Kategori"),
    ],
    ids=[
        "region outside Bali",
        "1 MB title",
        "year 2099",
        "severity 99",
        "point in Jakarta",
        "unknown category",
    ],
)
def test_save_report_called_directly_refuses_what_the_form_would(
    sqlite_engine, index, stakeholder_ids, change, field_words
):
    values = {**clean(index, stakeholder_ids), **change}
    with pytest.raises(DataProblem, match="tidak disimpan") as refused:
        posko.save_report(sqlite_engine, values, actor=ANALYST, client_token="direct")
    assert field_words.lower() in refused.value.what.lower()
    assert posko.read_reports(sqlite_engine, ceiling="RAHASIA").empty


def test_update_report_refuses_an_oversized_title_but_lets_the_status_move(
    sqlite_engine, index, stakeholder_ids
):
    report_id = posko.save_report(
        sqlite_engine, clean(index, stakeholder_ids), actor=ANALYST, client_token="u1"
    )
    with pytest.raises(DataProblem, match="tidak disimpan"):
        posko.update_report(sqlite_engine, report_id, {"title": "y" * 500}, expected_version=1, actor=ANALYST)
    assert posko.set_status(sqlite_engine, report_id, "diverifikasi", expected_version=1, actor=ANALYST) == 2


def test_an_attachment_downloads_under_the_extension_of_its_real_type(tmp_path):
    pdf = posko.store_attachment(b"%PDF-1.7\n" + b"0" * 100, "laporan.html", tmp_path)
    assert posko.download_name(pdf.original_name, pdf.stored_name) == "laporan.pdf"
