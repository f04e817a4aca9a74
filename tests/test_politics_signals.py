"""The political forces as indicators of the index: each signal, its unknowns, the bundle, the store."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import strategies as hst

from lib import intake, politics, risk, store
from lib.core.regions import REGENCY_CODES
from tests.conftest import DATA_DIR, open_page

ELECTIONS = pd.DataFrame(
    {
        "id": ["pilkada-2015", "pemilu-2019", "pilkada-2020", "pemilu-2024", "pilkada-2024", "pilgub-2028"],
        "level": ["pilkada", "pemilu", "pilkada", "pemilu", "pilkada", "pilkada"],
        "voting_day": [
            dt.date(2015, 12, 9),
            dt.date(2019, 4, 17),
            dt.date(2020, 12, 9),
            dt.date(2024, 2, 14),
            dt.date(2024, 11, 27),
            dt.date(2028, 6, 27),
        ],
    }
)
URL = "https://example.org/sumber"


def text_frame(columns: tuple[str, ...], rows: list[dict[str, object]]) -> pd.DataFrame:
    """Return rows as a bundled CSV reads them: every cell text, empty cells NA."""
    cells = [{c: pd.NA if row.get(c) is None else str(row[c]) for c in columns} for row in rows]
    return pd.DataFrame(cells, columns=list(columns), dtype="object")


def forces_of(
    contests=(), pairs=(), coalitions=(), seats=(), results=(), disputes=(), elections=ELECTIONS
) -> politics.Forces:
    """Return hand-built forces, checked and typed the way the bundle's are (lib.politics.check_forces)."""
    source = {"source": URL}
    tables = {
        "pairs": text_frame(
            politics.PAIR_COLUMNS, [{"head": "A", "deputy": "B", **source, **p} for p in pairs]
        ),
        "coalitions": text_frame(politics.COALITION_COLUMNS, [{**source, **c} for c in coalitions]),
        "seats": text_frame(politics.SEAT_COLUMNS, [{**source, **s} for s in seats]),
        "results": text_frame(politics.RESULT_COLUMNS, [{**source, **r} for r in results]),
        "disputes": text_frame(
            politics.DISPUTE_COLUMNS, [{"description": "d", **source, **d} for d in disputes]
        ),
    }
    checked = text_frame(politics.CONTEST_COLUMNS, [{**source, **c} for c in contests])
    return politics.check_forces(checked, tables, tuple(elections["id"]))


def bupati(election: str, region: str, n_pairs: int | None, name: str | None = None) -> dict[str, object]:
    return {
        "election_id": election,
        "contest": name or f"Pilbup {region} {election}",
        "region_code": region,
        "office": "wali_kota" if region == "51.71" else "bupati",
        "n_pairs": n_pairs,
    }


def pair(election: str, contest: str, pair_id: str, **fields: object) -> dict[str, object]:
    return {"pair_id": pair_id, "election_id": election, "contest": contest, **fields}


def signals(
    forces: politics.Forces, election: str = "pilkada-2024", **kwargs
) -> dict[tuple[str, str], float]:
    found = risk.politics_signals(forces, ELECTIONS, election, **kwargs)
    assert set(found.columns) == set(risk.VALUE_COLUMNS)
    assert found["source"].str.len().gt(0).all()
    return {
        (r, k): float(v) for r, k, v in zip(found["region_code"], found["key"], found["value"], strict=True)
    }


# --------------------------------------------------------------------------- head-to-head


def test_two_pairs_or_a_single_pair_against_the_empty_box_are_two_choice_races_three_are_not():
    forces = forces_of(
        contests=[
            bupati("pilkada-2024", "51.01", 2),
            bupati("pilkada-2024", "51.02", 3),
            bupati("pilkada-2024", "51.03", 1),
            bupati("pilkada-2024", "51.04", None),
        ]
    )
    found = signals(forces)
    assert found[("51.01", "head_to_head")] == 1.0
    assert found[("51.02", "head_to_head")] == 0.0
    assert found[("51.03", "head_to_head")] == 1.0  # kotak kosong: two choices on the ballot
    assert ("51.04", "head_to_head") not in found  # number of pairs not recorded: unknown, not 0
    assert ("51.05", "head_to_head") not in found  # no contest at all
    notes = risk.politics_signals(forces, ELECTIONS, "pilkada-2024", lang="en").set_index("region_code")
    assert "single candidate against the empty box" in notes.loc["51.03", "note"]


def test_a_governors_race_held_alone_gives_every_regency_its_numbers():
    governor = {"election_id": "pilgub-2028", "contest": "Pilgub", "region_code": "51", "office": "gubernur"}
    found = signals(forces_of(contests=[{**governor, "n_pairs": 2}]), "pilgub-2028")
    assert {r for r, k in found if k == "head_to_head"} == set(REGENCY_CODES)
    # where a regency has its own race, that race decides
    both = forces_of(contests=[{**governor, "n_pairs": 2}, bupati("pilgub-2028", "51.05", 3)])
    assert signals(both, "pilgub-2028")[("51.05", "head_to_head")] == 0.0


# --------------------------------------------------------------------------- incumbency


@pytest.mark.parametrize(
    ("flags", "n_pairs", "expected"),
    [
        (["yes", "no"], 2, 1.0),
        (["former", "no"], 2, 1.0),
        (["no", "no"], 2, 0.0),
        (["no", None], 2, None),  # one pair's status not recorded
        (["no", "no"], 3, None),  # a third pair not recorded (or not visible) could be the incumbent
        (["yes", "no"], 3, 1.0),  # … unless an incumbent is already recorded
        (["no", "no"], None, None),  # the number of pairs is not known
    ],
    ids=[
        "incumbent",
        "former holder",
        "none",
        "one unknown",
        "a pair missing",
        "missing but one runs",
        "no count",
    ],
)
def test_incumbency_is_1_when_a_holder_runs_and_0_only_when_every_pair_is_known_not_to_be(
    flags, n_pairs, expected
):
    contest = bupati("pilkada-2024", "51.01", n_pairs, "Pilbup Jembrana")
    pairs = [pair("pilkada-2024", "Pilbup Jembrana", f"p{i}", incumbent=f) for i, f in enumerate(flags)]
    assert signals(forces_of(contests=[contest], pairs=pairs)).get(("51.01", "incumbent_running")) == expected


# --------------------------------------------------------------------------- coalition dominance

SEATS_2024 = [
    {"election_id": "pemilu-2024", "region_code": "51.01", "party": p, "seats": n, "total_seats": 35}
    for p, n in (("PDI-P", 20), ("Golkar", 5), ("Gerindra", 6), ("Demokrat", 4))
]


def dominance(coalitions, *, seats=SEATS_2024, backing=("parties", "parties")) -> float | None:
    contest = bupati("pilkada-2024", "51.01", 2, "Pilbup Jembrana")
    pairs = [pair("pilkada-2024", "Pilbup Jembrana", f"p{i}", backing=b) for i, b in enumerate(backing)]
    forces = forces_of(contests=[contest], pairs=pairs, coalitions=coalitions, seats=seats)
    return signals(forces).get(("51.01", "coalition_dominance"))


def test_coalition_dominance_is_the_seat_share_of_the_largest_coalition_in_the_regencys_dprd():
    coalitions = [
        {"pair_id": "p0", "party": "PDI-P"},
        {"pair_id": "p0", "party": "Golkar"},
        {"pair_id": "p1", "party": "Gerindra"},
    ]
    assert dominance(coalitions) == pytest.approx(25 / 35)
    # the seats of the legislative election before the one assessed: Pemilu 2019's are not read
    older = [{**s, "election_id": "pemilu-2019", "seats": 1} for s in SEATS_2024]
    assert dominance(coalitions, seats=[*SEATS_2024, *older]) == pytest.approx(25 / 35)
    # an independent pair has no seats behind it
    assert dominance([{"pair_id": "p0", "party": "Gerindra"}], backing=("parties", "independent")) == (
        pytest.approx(6 / 35)
    )


def test_coalition_dominance_is_unknown_when_a_seat_or_a_coalition_is_not_recorded():
    coalitions = [{"pair_id": "p0", "party": "PDI-P"}, {"pair_id": "p1", "party": "PKB"}]
    assert dominance(coalitions) is None  # PKB's seats not recorded
    assert dominance([{"pair_id": "p0", "party": "PDI-P"}]) is None  # p1's parties not recorded
    assert (
        dominance([{"pair_id": "p0", "party": "PDI-P"}, {"pair_id": "p1", "party": "Golkar"}], seats=[])
        is None
    )


# --------------------------------------------------------------------------- previous margin


def earlier_race(election: str, votes: tuple[int | None, int | None], region: str = "51.01"):
    """Return a two-pair race of ``election`` in ``region`` with these votes: contest, pairs, results."""
    contest = bupati(election, region, 2)
    ids = [f"{election}-{region}-{i}" for i in range(2)]
    pairs = [pair(election, contest["contest"], pair_id) for pair_id in ids]
    results = [
        {
            "election_id": election,
            "contest": contest["contest"],
            "pair_id": p,
            "region_code": region,
            "votes": v,
        }
        for p, v in zip(ids, votes, strict=True)
    ]
    return contest, pairs, results


def margin_of(*races, assessed: str = "pilkada-2024") -> float | None:
    contests = [bupati(assessed, "51.01", 2, "Pilbup Jembrana 2024")]
    pairs: list = []
    results: list = []
    for contest, race_pairs, race_results in races:
        contests.append(contest)
        pairs += race_pairs
        results += race_results
    found = signals(forces_of(contests=contests, pairs=pairs, results=results), assessed)
    return found.get(("51.01", "previous_margin"))


def test_the_previous_margin_is_the_lead_in_points_at_the_latest_earlier_race_with_complete_results():
    assert margin_of(earlier_race("pilkada-2020", (60_000, 40_000))) == pytest.approx(20.0)
    # 2020's results incomplete: the margin of 2015 stands in
    assert margin_of(
        earlier_race("pilkada-2020", (60_000, None)), earlier_race("pilkada-2015", (51_000, 49_000))
    ) == pytest.approx(2.0)
    assert margin_of(earlier_race("pilkada-2020", (50_000, 50_000))) == 0.0  # a tie is a known 0


def test_the_previous_margin_is_unknown_without_an_earlier_race_never_0():
    assert margin_of() is None
    assert margin_of(earlier_race("pilkada-2020", (60_000, None))) is None
    # a race held after the one assessed is not "previous"
    assert margin_of(earlier_race("pilkada-2024", (60_000, 40_000)), assessed="pilkada-2020") is None


# --------------------------------------------------------------------------- previous disputes


def dispute(election: str, region: str, kind: str = "bawaslu", n: int = 0) -> dict[str, object]:
    return {
        "id": f"{election}-{region}-{kind}-{n}",
        "election_id": election,
        "region_code": region,
        "kind": kind,
    }


def test_previous_disputes_count_earlier_elections_in_the_regency_only():
    forces = forces_of(
        contests=[bupati("pilkada-2020", "51.07", 2), bupati("pilkada-2020", "51.01", 2)],
        disputes=[
            dispute("pilkada-2020", "51.07", "revote"),
            dispute("pilkada-2020", "51.07", "mk_case"),
            dispute("pemilu-2019", "51.07", "objection"),
            dispute("pilkada-2024", "51.07", "bawaslu"),  # the election assessed: not counted
            dispute("pilkada-2020", "51", "dkpp"),  # province-wide: no regency's
            dispute("pemilu-2019", "51.08", "bawaslu"),  # recorded although 2019 is not mapped
        ],
    )
    found = signals(forces)
    assert found[("51.07", "previous_disputes")] == 3
    assert found[("51.01", "previous_disputes")] == 0  # mapped in 2020, none recorded
    assert found[("51.08", "previous_disputes")] == 1
    assert ("51.02", "previous_disputes") not in found  # no earlier election mapped there: unknown
    note = risk.politics_signals(forces, ELECTIONS, "pilkada-2024", lang="en").set_index(
        ["region_code", "key"]
    )
    assert "re-vote 1" in note.loc[("51.07", "previous_disputes"), "note"]


# --------------------------------------------------------------------------- the bundled data


@pytest.fixture(scope="module")
def bundle():
    return intake.load_bundle(DATA_DIR)


def bundled_forces(bundle) -> politics.Forces:
    return politics.Forces(**{f.name: getattr(bundle, f.name) for f in dataclasses.fields(politics.Forces)})


def test_pilkada_2024_bali_gets_head_to_head_everywhere_and_incumbency_where_it_is_recorded(bundle):
    found = risk.politics_signals(bundled_forces(bundle), bundle.elections, "pilkada-2024-bali")
    table = found.pivot(index="region_code", columns="key", values="value")
    assert table["head_to_head"].to_dict() == {
        "51.01": 1.0,
        "51.02": 1.0,
        "51.03": 1.0,
        "51.04": 1.0,
        "51.05": 0.0,  # Klungkung, Bangli and Karangasem had three pairs
        "51.06": 0.0,
        "51.07": 0.0,
        "51.08": 1.0,
        "51.71": 1.0,
    }
    # incumbents (in Klungkung a former vice-regent) named by a source; Badung and Buleleng: not recorded
    assert table["incumbent_running"].dropna().to_dict() == {
        "51.01": 1.0,  # Tamba-Dana
        "51.02": 1.0,  # Sanjaya-Dirga
        "51.04": 1.0,  # Mahayastra-Mayun
        "51.05": 1.0,  # Made Kasta, former Wakil Bupati
        "51.06": 1.0,  # Sedana-Diar
        "51.07": 1.0,  # Dana-Swadi
        "51.71": 1.0,  # Jaya-Wibawa
    }
    # no earlier results, no DPRD seats and no earlier election mapped are bundled: unknown, not 0
    assert set(table.columns) == {"head_to_head", "incumbent_running"}
    assert (found["year"] == 2024).all()


def test_a_later_election_reads_the_2024_margins_and_disputes(bundle):
    forces = bundled_forces(bundle)
    later = bundle.contests[bundle.contests["election_id"] == "pilkada-2024-bali"].assign(
        election_id="pilkada-2029", n_pairs=pd.NA
    )
    forces = dataclasses.replace(forces, contests=pd.concat([forces.contests, later], ignore_index=True))
    elections = pd.concat(
        [
            bundle.elections[["id", "level", "voting_day"]],
            pd.DataFrame(
                {"id": ["pilkada-2029"], "level": ["pilkada"], "voting_day": [dt.date(2029, 11, 28)]}
            ),
        ],
        ignore_index=True,
    )
    found = risk.politics_signals(forces, elections, "pilkada-2029")
    table = found.pivot(index="region_code", columns="key", values="value")
    margins = table["previous_margin"].dropna()
    # the regent races whose every pair's votes are bundled (data/results.csv)
    assert margins.to_dict() == pytest.approx(
        {
            "51.01": (106_119 - 65_345) / (106_119 + 65_345) * 100,
            "51.02": (204_374 - 100_104) / (204_374 + 100_104) * 100,
            "51.03": (221_802 - 94_005) / (221_802 + 94_005) * 100,
            "51.04": (255_492 - 59_382) / (255_492 + 59_382) * 100,
            "51.06": (91_257 - 48_073) / (91_257 + 48_073 + 8_411) * 100,  # three pairs
            "51.08": (227_312 - 130_343) / (227_312 + 130_343) * 100,
            "51.71": (217_568 - 75_963) / (217_568 + 75_963) * 100,
        }
    )
    assert round(margins["51.01"], 2) == 23.78
    # Karangasem's re-vote and Bawaslu report; the province-wide disputes count for no regency
    assert table["previous_disputes"].to_dict() == {c: (2.0 if c == "51.07" else 0.0) for c in REGENCY_CODES}
    assert "head_to_head" not in table.columns  # the 2029 pairs are not known yet


# --------------------------------------------------------------------------- the index and the store


def test_the_signals_enter_the_index_its_weights_and_its_explanation_in_both_languages(bundle):
    election = bundle.elections.loc["pilkada-2024-bali"]

    def assessed(weights: dict[str, float]) -> risk.Assessment:
        return risk.assess(
            events=bundle.events,
            figures=bundle.figures[bundle.figures["election_id"] == "pilkada-2024-bali"],
            contests=bundle.contests[bundle.contests["election_id"] == "pilkada-2024-bali"],
            definitions=bundle.indicators,
            entered=bundle.indicator_values,
            weights={**risk.default_weights(bundle.indicators), **weights},
            voting_day=election["voting_day"],
            signals=risk.politics_signals(bundled_forces(bundle), bundle.elections, "pilkada-2024-bali"),
        )

    plain = assessed({})
    explained = plain.explain("51.01", lang="en").set_index("key")
    assert explained.loc["head_to_head", "label_en"] == "Two-choice race (head-to-head or single candidate)"
    assert explained.loc[["head_to_head", "incumbent_running"], "known"].all()
    assert not explained.loc[["previous_margin", "coalition_dominance", "previous_disputes"], "known"].any()
    assert "Tamba-Dana" in explained.loc["incumbent_running", "source"]
    shown = risk.contributions_display(plain.explain("51.01", lang="id"), "id")
    assert "Petahana atau mantan pemegang jabatan mencalonkan diri" in set(shown["Indikator"])
    # a heavier head-to-head weight, as the Skenario sliders and the link (w=...) give it, moves the index
    decoded = risk.decode_weights("head_to_head=5", bundle.indicators)
    heavier = assessed(decoded).index.set_index("region_code")["index"]
    before = plain.index.set_index("region_code")["index"]
    assert heavier["51.01"] > before["51.01"]  # a two-choice race scores 100
    assert heavier["51.05"] < before["51.05"]  # a three-pair race scores 0


def test_the_signals_read_from_the_store_keep_to_the_callers_ceiling(tmp_path, bundle):
    engine = store.make_engine(f"sqlite:///{tmp_path / 's.db'}")
    store.migrate(engine)
    store.seed(engine, bundle)
    rows = [("klk-1", "TERBUKA"), ("klk-2", "TERBUKA"), ("klk-3", "RAHASIA")]
    with engine.begin() as conn:
        # Klungkung's bundled pairs make way for three of which one is RAHASIA
        bundled = store.candidate_pairs.c.contest == "Pilbup Klungkung"
        ids = [r[0] for r in conn.execute(sa.select(store.candidate_pairs.c.pair_id).where(bundled))]
        conn.execute(store.coalitions.delete().where(store.coalitions.c.pair_id.in_(ids)))
        conn.execute(store.candidate_pairs.delete().where(bundled))
        for number, (pair_id, level) in enumerate(rows, start=1):
            conn.execute(
                store.candidate_pairs.insert().values(
                    pair_id=pair_id,
                    election_id="pilkada-2024-bali",
                    contest="Pilbup Klungkung",
                    ballot_no=number,
                    head=f"Calon {number}",
                    deputy=f"Wakil {number}",
                    incumbent="no",
                    source=URL,
                    classification=level,
                    origin="test",
                )
            )
    elections = store.read_table(engine, store.elections)

    def incumbency(ceiling: str) -> dict[str, float]:
        forces = store.read_forces(engine, ceiling=ceiling)
        found = risk.politics_signals(forces, elections, "pilkada-2024-bali")
        return found[found["key"] == "incumbent_running"].set_index("region_code")["value"].to_dict()

    # a partner below RAHASIA sees two of Klungkung's three pairs: unknown, not "no incumbent"
    others = {code: 1.0 for code in ("51.01", "51.02", "51.04", "51.06", "51.07", "51.71")}
    assert incumbency("TERBATAS") == others
    assert incumbency("RAHASIA") == {**others, "51.05": 0.0}
    engine.dispose()


@pytest.mark.parametrize(
    ("lang", "label", "derived"),
    [
        (
            "en",
            "An incumbent or former office-holder is running",
            "derived: incumbency of the candidate pairs",
        ),
        ("id", "Petahana atau mantan pemegang jabatan mencalonkan diri", "dihitung: status petahana"),
    ],
)
def test_peta_explains_jembrana_with_the_signals_in_the_screens_language(fresh_store, lang, label, derived):
    at = open_page("pages/peta.py", {"lang": lang, "e": "pilkada-2024-bali", "r": "51.01"})
    assert not at.exception
    table = at.dataframe[0].value  # what makes up the index (the events of the region follow)
    row = table[table.iloc[:, 0] == label].iloc[0]
    assert row.iloc[-1].startswith(derived)  # its source, in the screen's language
    assert "Tamba-Dana" in row.iloc[-1]
    unknown = " ".join(c.value for c in at.caption)
    assert (
        "Winning margin at the previous election" if lang == "en" else "Selisih suara pada pemilihan"
    ) in unknown


# --------------------------------------------------------------------------- generated forces


def random_forces(data: hst.DataObject, election: str = "pilkada-2024-bali") -> politics.Forces:
    """Draw forces for ``election`` in which every political signal may be known, unknown or anything between.

    Each regency gets its own race (0-3 pairs of random incumbency and backing, or no count), the
    DPRD seats of Pemilu 2024, a Pilkada 2020 race with votes (some missing) and 0-3 earlier disputes.
    """
    parties = politics.PARTIES[:6]
    contests, pairs, coalitions, seats, results, disputes = [], [], [], [], [], []
    for code in REGENCY_CODES:
        n_pairs = data.draw(hst.sampled_from([None, 1, 2, 3]), label=f"pairs {code}")
        contests.append(bupati(election, code, n_pairs))
        for i in range(data.draw(hst.integers(0, 3)) if n_pairs is None else n_pairs):
            pair_id = f"{code}-{i}"
            backing = data.draw(hst.sampled_from(["parties", "independent", None]))
            incumbent = data.draw(hst.sampled_from(["yes", "former", "no", "no", None]))
            pairs.append(
                pair(election, f"Pilbup {code} {election}", pair_id, incumbent=incumbent, backing=backing)
            )
            if backing == "parties":
                for party in data.draw(hst.sets(hst.sampled_from(parties), min_size=1, max_size=2)):
                    coalitions.append({"pair_id": pair_id, "party": party})
        if data.draw(hst.booleans()):
            counts = {p: data.draw(hst.integers(0, 12)) for p in parties}
            total = sum(counts.values()) + data.draw(hst.integers(1, 5))
            seats += [
                {
                    "election_id": "pemilu-2024",
                    "region_code": code,
                    "party": p,
                    "seats": n,
                    "total_seats": total,
                }
                for p, n in counts.items()
            ]
        if data.draw(hst.booleans()):
            votes = (data.draw(hst.integers(0, 90_000) | hst.none()), data.draw(hst.integers(1, 90_000)))
            race, race_pairs, race_results = earlier_race("pilkada-2020", votes, code)
            contests.append(race)
            pairs += race_pairs
            results += race_results
        disputes += [dispute("pilkada-2020", code, n=n) for n in range(data.draw(hst.integers(0, 3)))]
    elections = pd.DataFrame({"id": ["pilkada-2024-bali", "pemilu-2024", "pilkada-2020"]})
    return forces_of(contests, pairs, coalitions, seats, results, disputes, elections=elections)


def bundled_or_random_forces(data: hst.DataObject, bundle, election: str) -> politics.Forces:
    """Return the bundled forces, or (for Pilkada 2024 Bali, half the time) generated ones."""
    if election == "pilkada-2024-bali" and data.draw(hst.booleans(), label="generated forces"):
        return random_forces(data)
    return bundled_forces(bundle)
