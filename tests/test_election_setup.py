"""Setting up an election in the app: the period parser, the row checks, the draft and its one save."""

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as hst

from lib import intake, politics, store
from lib.access import PUBLIC, Caller
from lib.core.dates import MONTH_NAMES
from lib.core.problems import DataProblem
from tests.conftest import DATA_DIR, postgres_engine

ANALYST = Caller("analyst", "RAHASIA", "ana", "Ana (Kesbangpol)")
BUNDLE = intake.load_bundle(DATA_DIR)
BUNDLED = frozenset(BUNDLE.elections["id"])
INDEX = intake.region_index(BUNDLE.regions)
PEMILU = {
    "name_id": "Pemilu 2029",
    "name_en": "2029 general election",
    "id": "",
    "level": "pemilu",
    "voting_day": dt.date(2029, 2, 14),
    "scope": "51",
    "source": "PKPU tahapan Pemilu 2029 (uji)",
    "note": "",
}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        made = store.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    else:
        made = postgres_engine()
    store.migrate(made)
    store.seed(made, BUNDLE)
    yield made
    made.dispose()


# --- periods as schedules write them --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("14 Februari 2029", dt.date(2029, 2, 14), dt.date(2029, 2, 14)),
        ("Rabu, 14 Februari 2029", dt.date(2029, 2, 14), dt.date(2029, 2, 14)),
        ("14/02/2029", dt.date(2029, 2, 14), dt.date(2029, 2, 14)),
        ("1 Jan 2029 s.d. 3 Feb 2029", dt.date(2029, 1, 1), dt.date(2029, 2, 3)),
        ("1 Januari 2029 s/d 3 Februari 2029", dt.date(2029, 1, 1), dt.date(2029, 2, 3)),
        ("1 Januari 2029 sampai dengan 3 Februari 2029", dt.date(2029, 1, 1), dt.date(2029, 2, 3)),
        ("01/01/2029 \u2013 03/02/2029", dt.date(2029, 1, 1), dt.date(2029, 2, 3)),
        ("01/01/2029 - 03/02/2029", dt.date(2029, 1, 1), dt.date(2029, 2, 3)),
        ("1 \u2013 3 Februari 2029", dt.date(2029, 2, 1), dt.date(2029, 2, 3)),
        ("27-29 Agustus 2028", dt.date(2028, 8, 27), dt.date(2028, 8, 29)),
        ("1 Januari sd 3 Februari 2029", dt.date(2029, 1, 1), dt.date(2029, 2, 3)),
        ("28 Desember \u2013 3 Januari 2029", dt.date(2028, 12, 28), dt.date(2029, 1, 3)),
        ("28 Nopember 2028 hingga 10 Pebruari 2029", dt.date(2028, 11, 28), dt.date(2029, 2, 10)),
        ("47163", dt.date(2029, 2, 14), dt.date(2029, 2, 14)),
    ],
)
def test_periods_as_pkpu_schedules_write_them(text, start, end):
    assert intake.parse_date_range(text) == (start, end)


@pytest.mark.parametrize("cell", [dt.datetime(2029, 2, 14), dt.date(2029, 2, 14), 47163])
def test_date_cells_and_excel_serials_are_one_day(cell):
    assert intake.parse_date_range(cell) == (dt.date(2029, 2, 14), dt.date(2029, 2, 14))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("3 Feb 2029 s.d. 1 Jan 2029", "ends (01/01/2029) before it starts (03/02/2029)"),
        ("Februari 2029", "names no day"),
        ("kapan-kapan s.d. 3 Feb 2029", "cannot be read as a date or a period"),
        ("31/02/2029", "has only 28 days"),
        ("", "empty"),
    ],
)
def test_unreadable_periods_say_why_in_the_users_language(text, words):
    with pytest.raises(DataProblem) as caught:
        intake.parse_date_range(text, lang="en")
    assert words in caught.value.what.lower() or words in caught.value.what


_SEPARATORS = (
    " s.d. ",
    " s/d ",
    " sd ",
    " sampai dengan ",
    " sampai ",
    " hingga ",
    " - ",
    " \u2013 ",
    "\u2013",
    " to ",
)
_DAYS = hst.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))


def _written(day: dt.date, style: int) -> str:
    """Return ``day`` as a schedule may write it: numeric, or with a month name in Indonesian or English."""
    if style == 0:
        return day.strftime("%d/%m/%Y")
    names = MONTH_NAMES["id" if style in (1, 3) else "en"][day.month - 1]
    month = names[:3] if style >= 3 else names
    return f"{day.day} {month} {day.year}"


@given(
    first=_DAYS,
    second=_DAYS,
    separator=hst.sampled_from(_SEPARATORS),
    styles=hst.tuples(*[hst.integers(0, 4)] * 2),
)
def test_any_period_written_in_full_reads_back(first, second, separator, styles):
    start, end = sorted((first, second))
    text = _written(start, styles[0]) + separator + _written(end, styles[1])
    assert intake.parse_date_range(text) == (start, end)


@given(first=_DAYS, length=hst.integers(0, 40), separator=hst.sampled_from(_SEPARATORS))
def test_a_period_that_leaves_out_what_it_shares_with_its_end_reads_back(first, length, separator):
    end = first + dt.timedelta(days=length)
    month = MONTH_NAMES["id"][end.month - 1]
    if (first.year, first.month) == (end.year, end.month):
        text = f"{first.day}{separator}{end.day} {month} {end.year}"
    else:
        text = f"{first.day} {MONTH_NAMES['id'][first.month - 1]}{separator}{end.day} {month} {end.year}"
    assert intake.parse_date_range(text) == (first, end)


@given(text=hst.text(max_size=40))
def test_any_text_is_a_period_or_a_problem_never_a_crash(text):
    try:
        start, end = intake.parse_date_range(text)
    except DataProblem as problem:
        what = problem.what
    else:
        what = "read" if start <= end else ""
    assert what


# --- the election's form and its tables ------------------------------------------------------------


def test_the_form_names_every_field_still_missing_and_refuses_a_bundled_id():
    found = intake.check_election(
        {**PEMILU, "name_id": "", "source": "", "scope": "99"}, bundled=BUNDLED, lang="en"
    )
    assert found.row is None
    assert any(p.startswith("Name (Indonesian):") for p in found.problems)
    assert any(p.startswith("Scope:") for p in found.problems)
    assert any(p.startswith("Source") for p in found.problems)
    bundled = intake.check_election({**PEMILU, "id": "pilkada-2024-bali"}, bundled=BUNDLED, lang="en")
    assert bundled.row is None
    assert "comes with Sinergi" in bundled.problems[0]
    made = intake.check_election(PEMILU, bundled=BUNDLED)
    assert made.row is not None
    assert (made.row["id"], made.row["name_en"]) == ("pemilu-2029", "2029 general election")


def _scope(election: dict, checks: dict | None = None, engine=None) -> intake.SetupScope:
    if engine is None:
        forces = politics.Forces(*[pd.DataFrame(columns=c) for c in _EMPTY])
    else:
        forces = store.read_forces(engine, ceiling="RAHASIA")
    return intake.setup_scope(election, forces=forces, drafts=checks or {})


_EMPTY = [
    ("election_id", "contest", "office"),
    ("election_id", "contest", "ballot_no", "pair_id", "classification", "backing"),
    (),
    (),
    (),
    (),
]


def _check(kind: str, text: str, setup: intake.SetupScope, lang: str = "en") -> intake.TableCheck:
    return intake.check_setup_file(text.encode(), f"{kind}.csv", kind, index=INDEX, setup=setup, lang=lang)


def _problems(check: intake.TableCheck) -> list[tuple[int, str]]:
    return [(p.row, p.column) for p in check.result.problems]


def test_a_by_election_refuses_contests_and_figures_outside_its_regency():
    psu = intake.check_election(
        {**PEMILU, "name_id": "PSU Pilbup Karangasem 2025", "level": "pilkada", "scope": "51.07"},
        bundled=BUNDLED,
    ).row
    setup = _scope(psu)
    contests = _check(
        "contests",
        "Contest,Office,Regency/City\nPSU Pilbup Karangasem,Bupati,Karangasem\n"
        "Pilbup Gianyar,Bupati,Gianyar\nPilgub Bali,Gubernur,Karangasem\n",
        setup,
    )
    assert list(contests.result.good["contest"]) == ["PSU Pilbup Karangasem"]
    assert _problems(contests) == [(3, "Regency/City"), (4, "Office")]
    assert "outside this election's scope (Karangasem)" in contests.result.problems[0].expected
    figures = _check("figures", "Regency/City,DPT,TPS\nKarangasem,12000,30\nBuleleng,1,1\n", setup)
    assert list(figures.result.good["region_code"]) == ["51.07"]
    assert _problems(figures) == [(3, "Regency/City")]


def test_pairs_need_a_known_contest_and_coalitions_a_known_party_backed_pair():
    election = intake.check_election(PEMILU, bundled=BUNDLED).row
    checks = {"contests": _check("contests", "Contest,Office\nPilpres 2029,President\n", _scope(election))}
    assert list(checks["contests"].result.good["region_code"]) == ["51"]  # a president's race is Bali-wide
    pairs = _check(
        "pairs",
        "Contest,Ballot no.,Candidate,Running mate,Backing\nPilpres 2029,1,A,B,party-backed\n"
        "Pilpres 2029,2,C,D,Independent\nPilgub 2029,1,E,F,\nPilpres 2029,1,G,H,\n",
        _scope(election, checks),
    )
    assert _problems(pairs) == [(4, "Contest"), (5, "Pair ID")]
    checks["pairs"] = pairs
    coalitions = _check(
        "coalitions",
        "Contest,Ballot no.,Party\nPilpres 2029,1,PDI Perjuangan\nPilpres 2029,1,Partai Nusantara Baru\n"
        "Pilpres 2029,2,PKS\nPilpres 2029,3,PKB\n",
        _scope(election, checks),
    )
    assert list(coalitions.result.good["party"]) == ["PDI-P"]
    assert _problems(coalitions) == [(3, "Party"), (4, "Party"), (5, "Ballot no.")]


def test_a_template_reads_back_and_its_example_rows_are_refused():
    election = intake.check_election(PEMILU, bundled=BUNDLED).row
    names = dict(zip(BUNDLE.regions["code"], BUNDLE.regions["name"], strict=True))
    for lang in ("id", "en"):
        data = intake.setup_template("stages", names, lang)
        book = openpyxl.load_workbook(io.BytesIO(data))
        assert book.sheetnames == (["templat", "pilihan"] if lang == "id" else ["template", "choices"])
        check = intake.check_setup_file(
            data, "t.xlsx", "stages", index=INDEX, setup=_scope(election), lang=lang
        )
        assert check.result.good.empty
        assert len(check.result.rejected_rows) == 2
    book = openpyxl.load_workbook(io.BytesIO(intake.setup_template("stages", names, "id")))
    sheet = book["templat"]
    sheet.delete_rows(2, 2)
    sheet.append(["Masa kampanye", "Campaign period", "28 November 2028 s.d. 10 Februari 2029", None])
    filled = io.BytesIO()
    book.save(filled)
    check = intake.check_setup_file(
        filled.getvalue(), "t.xlsx", "stages", index=INDEX, setup=_scope(election)
    )
    good = check.result.good
    assert list(good["stage"]) == ["masa_kampanye"]
    assert (good["start"].iloc[0], good["end"].iloc[0]) == (dt.date(2028, 11, 28), dt.date(2029, 2, 10))
    assert list(good["source"]) == ["PKPU tahapan Pemilu 2029 (uji)"]  # the election's, as the row gives none


def test_stages_typed_into_the_table_are_checked_like_a_file():
    election = intake.check_election(PEMILU, bundled=BUNDLED).row
    typed = pd.DataFrame(
        {
            "name_id": ["Masa kampanye", "Masa tenang", None],
            "name_en": [None, "Quiet days", None],
            "start": [dt.date(2028, 11, 28), dt.date(2029, 2, 13), None],
            "end": [dt.date(2029, 2, 10), dt.date(2029, 2, 11), None],
            "source": [None, None, None],
        }
    )
    check = intake.check_stage_edits(typed, index=INDEX, setup=_scope(election), lang="en")
    assert list(check.result.good["name_en"]) == ["Masa kampanye"]  # no English: the Indonesian name
    assert [(p.row, p.column) for p in check.result.problems] == [(2, "end")]
    assert intake.check_stage_edits(typed.iloc[2:], index=INDEX, setup=_scope(election)) is None


# --- the draft and its save ------------------------------------------------------------------------


def _draft(election: dict, stages: str, engine=None) -> intake.SetupDraft:
    checks: dict = {"stages": _check("stages", stages, _scope(election, engine=engine))}
    checks["contests"] = _check(
        "contests", "Contest,Office\nPilpres 2029,President\n", _scope(election, checks, engine)
    )
    checks["pairs"] = _check(
        "pairs",
        "Contest,Ballot no.,Candidate,Running mate,Classification\n"
        "Pilpres 2029,1,A,B,RAHASIA\nPilpres 2029,2,C,D,\n",
        _scope(election, checks, engine),
    )
    checks["coalitions"] = _check(
        "coalitions",
        "Contest,Ballot no.,Party\nPilpres 2029,1,Gerindra\nPilpres 2029,2,PDIP\n",
        _scope(election, checks, engine),
    )
    checks["figures"] = _check(
        "figures", "Regency/City,DPT\nBali,3300000\n", _scope(election, checks, engine)
    )
    return intake.build_draft(election, checks)


SCHEDULE = "Stage,Schedule\nMasa kampanye,28 Nov 2028 s.d. 10 Feb 2029\nPemungutan suara,14 Februari 2029\n"


def test_the_save_stores_everything_in_one_transaction_with_an_audit_row(engine):
    election = intake.check_election(PEMILU, bundled=BUNDLED).row
    draft = _draft(election, SCHEDULE, engine)
    before = store.revision(engine)
    outcome = intake.save_setup(engine, draft, ANALYST, bundled=BUNDLED)
    assert outcome.created
    assert {name: done.added for name, done in outcome.tables.items()} == {
        "election_stages": 2,
        "contests": 1,
        "candidate_pairs": 2,
        "coalitions": 2,
        "election_figures": 1,
    }
    assert store.revision(engine) > before  # the caches key on it: the app sees the election at once
    stored = store.read_table(engine, store.elections).set_index("id")
    assert stored.loc["pemilu-2029", "voting_day"] == dt.date(2029, 2, 14)
    assert stored.loc["pemilu-2029", "name_en"] == "2029 general election"
    with engine.connect() as conn:
        rows = conn.execute(sa.select(store.audit).where(store.audit.c.action == "election.setup")).all()
    assert [(r.who, r.target) for r in rows] == [("ana", "pemilu-2029")]
    assert "candidate_pairs 2" in rows[0].detail
    # a RAHASIA pair takes its coalition with it: a reader below that level sees neither
    open_forces = store.read_forces(engine, ceiling="TERBUKA")
    assert "pemilu-2029-pilpres-2029-01" not in set(open_forces.pairs["pair_id"])
    mine = open_forces.coalitions[open_forces.coalitions["pair_id"].str.startswith("pemilu-2029")]
    assert list(mine["party"]) == ["PDI-P"]

    again = intake.save_setup(engine, draft, ANALYST, bundled=BUNDLED)
    assert not again.created
    assert {done.unchanged for done in again.tables.values()} == {1, 2}
    revised = _draft(election, "Stage,Schedule\nPemungutan suara,14 Februari 2029\n", engine)
    intake.save_setup(engine, revised, ANALYST, bundled=BUNDLED)
    stages = store.read_table(engine, store.election_stages)
    assert list(stages[stages["election_id"] == "pemilu-2029"]["stage"]) == ["pemungutan_suara"]


def test_a_save_that_fails_midway_leaves_nothing_behind(engine):
    election = intake.check_election(PEMILU, bundled=BUNDLED).row
    draft = _draft(election, SCHEDULE, engine)
    broken = {**draft.tables, "election_figures": draft.tables["election_figures"].assign(source=None)}
    before = store.revision(engine)
    with pytest.raises(sa.exc.IntegrityError):
        store.save_election(engine, election, broken, actor=ANALYST, bundled=BUNDLED)
    assert "pemilu-2029" not in set(store.read_table(engine, store.elections)["id"])
    assert store.revision(engine) == before


def test_only_admins_and_analysts_set_up_elections_and_bundled_ones_stay_as_bundled(engine):
    election = intake.check_election(PEMILU, bundled=BUNDLED).row
    draft = _draft(election, SCHEDULE, engine)
    before = store.revision(engine)
    with pytest.raises(DataProblem, match="menyiapkan pemilihan"):
        intake.save_setup(engine, draft, PUBLIC, bundled=BUNDLED)
    with pytest.raises(DataProblem, match="menyiapkan pemilihan"):  # the store checks too, not only the glue
        store.save_election(
            engine, election, draft.tables, actor=Caller("posko", "TERBATAS", "op"), bundled=BUNDLED
        )
    bundled = {**election, "id": "pilkada-2024-bali"}
    with pytest.raises(DataProblem, match="bawaan Sinergi"):
        store.save_election(engine, bundled, {}, actor=ANALYST, bundled=BUNDLED)
    assert store.revision(engine) == before
    assert "pemilu-2029" not in set(store.read_table(engine, store.elections)["id"])
