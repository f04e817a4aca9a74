"""Candidates and parties join the stakeholder network as their own nodes, with ties kept apart.

The political ties (a party backing a pair, a campaign team, a desa adat declaring support) are
drawn beside the coordination links, but no coordination figure counts them: these tests add them
to the bundled graph and check that every figure stays what it was on the institutions alone, and
that the same figures would change if the ties were counted (so the equality means something).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import networkx as nx
import pandas as pd
import pytest
import sqlalchemy as sa

from lib import intake, network, politics, store
from lib.core.problems import DataProblem
from lib.network import politics as layers
from lib.politics import ties as tie_checks
from tests.conftest import DATA_DIR

ELECTION = "pilkada-2024-bali"


@pytest.fixture(scope="module")
def bundle() -> intake.Bundle:
    return intake.load_bundle(DATA_DIR)


@pytest.fixture(scope="module")
def people(bundle) -> pd.DataFrame:
    return network.check_stakeholders(bundle.stakeholders, require_source=False)


@pytest.fixture(scope="module")
def graph(bundle, people) -> nx.DiGraph:
    links = network.check_links(bundle.links, set(people["id"]), require_source=False)
    return network.build_graph(people, links)


def forces_of(bundle: intake.Bundle, *, hide: tuple[str, ...] = ()) -> politics.Forces:
    """Return the bundled forces of the election, without the pairs in ``hide`` (as a lower ceiling)."""
    pairs = bundle.pairs[~bundle.pairs["pair_id"].isin(hide)]
    kept = set(pairs["pair_id"])
    every = politics.Forces(
        contests=bundle.contests,
        pairs=pairs,
        coalitions=bundle.coalitions[bundle.coalitions["pair_id"].isin(kept)],
        seats=bundle.seats,
        results=bundle.results,
        disputes=bundle.disputes,
    )
    return politics.for_election(every, ELECTION)


@pytest.fixture(scope="module")
def layer(bundle, people) -> layers.Politics:
    return layers.political_layer(forces_of(bundle), bundle.political_ties, people)


@pytest.fixture(scope="module")
def combined(graph, layer) -> nx.DiGraph:
    return layers.combined_graph(graph, layer)


# --- Building the layer ---------------------------------------------------------------------------


def test_one_candidate_node_per_pair_of_the_election_named_by_popular_name_and_ballot(bundle, layer):
    pairs = bundle.pairs[bundle.pairs["election_id"] == ELECTION]
    candidates = layer.nodes[layer.nodes["kind"] == "candidate"].set_index("id")
    assert sorted(candidates.index) == sorted(pairs["pair_id"])
    assert candidates.at["pilgub24-koster-giri", "label"] == "Koster-Giri (2)"
    assert candidates.at["pilgub24-mulia-pas", "label"] == "Mulia-PAS (1)"
    assert candidates.at["karangasem24-karisma", "label"] == "Karisma (1)"
    assert candidates.at["pilgub24-koster-giri", "incumbent"] == "former"


def test_parties_that_are_institutions_are_the_same_node(people, layer):
    merged = layers.party_institutions(people)
    assert merged == {"Gerindra": "gerindra-bali", "Golkar": "golkar-bali", "PDI-P": "pdip-bali"}
    parties = layer.nodes[layer.nodes["kind"] == "party"].set_index("party")
    assert parties.at["PDI-P", "id"] == "pdip-bali"
    assert parties.at["PDI-P", "institution"] == "pdip-bali"
    assert parties.at["Demokrat", "id"] == "party:Demokrat"
    assert parties.at["Demokrat", "institution"] == ""
    assert not set(layer.nodes["id"]) - {*people["id"], *layer.nodes["id"]}
    assert layer.nodes["id"].is_unique


def test_party_matching_needs_whole_words():
    people = pd.DataFrame(
        {
            "id": ["pan-x", "pancasila", "pdip-badung", "pdip-bali"],
            "name": [
                "DPW PAN Bali",
                "Pemuda Pancasila",
                "DPC PDI Perjuangan Badung",
                "DPD PDI Perjuangan Bali",
            ],
            "acronym": ["", "", "", ""],
            "type": ["party", "party", "party", "party"],
            "level": ["province", "province", "regency", "province"],
        }
    )
    assert layers.party_institutions(people) == {"PAN": "pan-x", "PDI-P": "pdip-bali"}


def test_backs_ties_come_from_the_coalitions_with_their_sources(bundle, layer):
    backs = layer.ties[layer.ties["kind"] == "backs"]
    coalitions = bundle.coalitions[bundle.coalitions["pair_id"].isin(set(layer.nodes["id"]))]
    assert len(backs) == len(coalitions) > 0
    koster = backs[backs["target_id"] == "pilgub24-koster-giri"].set_index("source_id")
    expected = coalitions.set_index(["pair_id", "party"]).loc[("pilgub24-koster-giri", "PDI-P"), "source"]
    assert koster.at["pdip-bali", "source"] == expected


def test_every_tie_has_a_url_and_ends_at_a_drawn_node(layer, people):
    assert layer.ties["source"].str.contains("https://").all()
    ends = set(layer.nodes["id"]) | set(people["id"])
    assert set(layer.ties["source_id"]) <= ends
    assert set(layer.ties["target_id"]) <= set(layer.nodes.loc[layer.nodes["kind"] == "candidate", "id"])


def test_a_hidden_pair_takes_its_ties_with_it(bundle, people):
    seen = layers.political_layer(
        forces_of(bundle, hide=("badung24-adicipta",)), bundle.political_ties, people
    )
    assert "badung24-adicipta" not in set(seen.nodes["id"])
    assert "badung24-adicipta" not in set(seen.ties["target_id"])
    assert "desa-adat-badung" not in set(seen.ties["source_id"])  # its only tie was to that pair


def test_a_tie_from_an_institution_the_caller_cannot_see_is_left_out(bundle, people):
    fewer = people[people["id"] != "ormas-bali"]
    seen = layers.political_layer(forces_of(bundle), bundle.political_ties, fewer)
    assert "ormas-bali" not in set(seen.ties["source_id"])
    assert (
        len(seen.ties)
        == len(layers.political_layer(forces_of(bundle), bundle.political_ties, people).ties) - 1
    )


def test_the_pair_detail_lists_its_parties_with_sources_incumbency_and_backing(layer, graph):
    detail = layers.political_detail(layer, "pilgub24-mulia-pas", network.institution_names(graph), lang="en")
    facts = dict(detail.facts)
    assert facts["Contest"] == "Pilgub Bali"
    assert facts["Incumbent"] == "Not an incumbent"
    assert facts["Nomination"] == "Nominated by parties"
    ties = detail.ties
    nominating = ties[ties["Tie"] == "Nominates"]
    assert set(nominating["Who"]) == {"Gerindra", "Golkar", "Demokrat", "PAN"}
    assert nominating["Source"].str.startswith("https://").all()
    assert "Campaign team" in set(ties["Tie"])


def test_a_pair_without_a_known_ballot_number_says_so(bundle, people):
    """Before the draw (or when no source gives it) a pair has no ballot number: unknown, not 0."""
    forces = forces_of(bundle)
    pairs = forces.pairs.copy()
    pairs["ballot_no"] = pairs["ballot_no"].astype("Int64")
    pairs.loc[pairs["pair_id"] == "karangasem24-karisma", "ballot_no"] = pd.NA
    drawn = layers.political_layer(dataclasses.replace(forces, pairs=pairs), bundle.political_ties, people)
    candidates = drawn.nodes[drawn.nodes["kind"] == "candidate"].set_index("id")
    assert candidates.at["karangasem24-karisma", "label"] == "Karisma"
    facts = dict(layers.political_detail(drawn, "karangasem24-karisma", {}, lang="en").facts)
    assert facts["Ballot number"].lower() == "unknown"


# --- Kept apart: no coordination figure counts a political tie -------------------------------------


def test_the_combined_graph_holds_the_political_nodes_and_ties(graph, layer, combined):
    drawn = layer.nodes[layer.nodes["institution"] == ""]
    assert combined.number_of_nodes() == graph.number_of_nodes() + len(drawn)
    political = [e for e in combined.edges(data=True) if e[2].get("political")]
    assert len(political) == len(layer.ties.drop_duplicates(["source_id", "target_id"]))
    assert sorted(kind for *_, data in political for kind in data["kinds"]) == sorted(layer.ties["kind"])
    assert combined["pdip-bali"]["pilgub24-koster-giri"]["kinds"] == ("backs", "campaign_team")
    assert graph.number_of_edges() == combined.number_of_edges() - len(political)
    assert not any(data.get("political") for _, _, data in graph.edges(data=True))  # the input is unchanged


def test_every_coordination_figure_is_the_same_with_the_political_layer(graph, combined):
    pd.testing.assert_frame_equal(network.metrics_table(graph), network.metrics_table(combined))
    pd.testing.assert_frame_equal(network.centrality_table(graph), network.centrality_table(combined))
    pd.testing.assert_frame_equal(network.broker_table(graph), network.broker_table(combined))
    assert network.communities(graph) == network.communities(combined)
    pd.testing.assert_frame_equal(
        network.single_points_of_failure(graph), network.single_points_of_failure(combined)
    )
    assert network.exposure(graph) == network.exposure(combined)
    pd.testing.assert_frame_equal(network.posko_reach(graph), network.posko_reach(combined))
    pd.testing.assert_frame_equal(network.alert_times(graph), network.alert_times(combined))
    pd.testing.assert_frame_equal(network.coverage(graph), network.coverage(combined))
    assert network.alert_targets(graph) == network.alert_targets(combined)
    before, after = network.analyse(graph), network.analyse(combined)
    for field in ("metrics", "failures", "reach", "alerts", "coverage"):
        pd.testing.assert_frame_equal(getattr(before, field), getattr(after, field))


def test_what_if_comparisons_and_suggestions_ignore_the_political_layer(graph, combined):
    plain = network.compare_networks(graph, graph)
    mixed = network.compare_networks(combined, combined)
    pd.testing.assert_frame_equal(plain.summary, mixed.summary)
    pd.testing.assert_frame_equal(plain.institutions, mixed.institutions)
    found = network.suggest_backup_links(graph, count=1)
    again = network.suggest_backup_links(combined, count=1)
    pd.testing.assert_frame_equal(found.links, again.links)


def test_the_same_figures_would_change_if_the_ties_counted(graph, combined):
    # The control: read as coordination (the mark removed), the political ties change the figures,
    # so the equalities above hold because the ties are kept apart, not because they do nothing.
    counted = combined.copy()
    counted.graph["political"] = False
    plain = network.metrics_table(graph).set_index("id")["betweenness"]
    mixed = network.metrics_table(counted).set_index("id")["betweenness"]
    assert not mixed.loc[plain.index].equals(plain)
    assert len(network.single_points_of_failure(counted)) != len(network.single_points_of_failure(graph)) or (
        not network.posko_reach(counted)
        .set_index("id")
        .loc[list(graph.nodes)]
        .equals(network.posko_reach(graph).set_index("id"))
    )


# --- Drawing --------------------------------------------------------------------------------------


def test_the_drawing_shows_political_ties_dashed_in_their_own_colour_and_legend(graph, layer):
    positions = network.layout_positions(graph)
    placed = {**positions, **layers.political_positions(positions, layer)}
    assert set(placed) >= set(layer.nodes["id"])
    assert max(y for node, (_, y) in placed.items() if node not in positions) < min(
        y for _, y in positions.values()
    )
    nodes, ties = layers.political_frames(layer, placed, lang="en")
    assert len(ties) == len(layer.ties)
    assert set(nodes["id"]) == set(layer.nodes.loc[layer.nodes["institution"] == "", "id"])
    metrics = network.metrics_table(graph)
    frames = network.chart_frames(graph, metrics, positions, lang="en")
    spec = network.network_chart(*frames, size_field="degree", lang="en", politics=(nodes, ties)).to_dict()
    rules = [layer for layer in spec["layer"] if layer["mark"].get("strokeDash") == [6, 4]]
    assert len(rules) == 1
    colour = rules[0]["encoding"]["color"]["scale"]
    assert colour == {"domain": ["Political support (not coordination)"], "range": [layers.TIE_COLOUR]}
    assert layers.TIE_COLOUR not in network.KIND_COLOURS.values()
    assert spec["layer"][0] is rules[0]  # behind the institutions' links
    plain = network.network_chart(*frames, size_field="degree", lang="en").to_dict()
    assert "Political support" not in str(plain)
    indonesian = layers.political_frames(layer, placed, lang="id")[1]
    assert set(indonesian["legend"]) == {"Dukungan politik (bukan koordinasi)"}


# --- The ties file --------------------------------------------------------------------------------


def ties_file(text: str) -> pd.DataFrame:
    header = "source_id,target_id,kind,date,source,note,note_en,classification\n"
    return pd.read_csv(io.StringIO(header + text), dtype=str, keep_default_na=False, na_values=[""])


GOOD = "party:Gelora,pilgub24-koster-giri,declared_support,2024-08-28,https://x.example/a,n,n,TERBUKA\n"


@pytest.mark.parametrize(
    ("row", "column", "lang", "words"),
    [
        (
            "party:Gelora,pilgub24-koster-giri,support,,https://x.example/a,,,TERBUKA",
            "kind",
            "en",
            "one of backs",
        ),
        ("party:Gelora,pilgub24-koster-giri,backs,,KPU Bali,,,TERBUKA", "source", "en", "a URL"),
        ("party:Gelora,pilgub24-koster-giri,backs,,,,,TERBUKA", "source", "id", "URL"),
        ("party:Gelor,pilgub24-koster-giri,backs,,https://x.example,,,TERBUKA", "source_id", "en", "party:"),
        ("Ormas Bali,pilgub24-koster-giri,backs,,https://x.example,,,TERBUKA", "source_id", "en", "party:"),
        (
            "party:Gelora,pilgub24-koster-giri,backs,28/08/2024,https://x.example,,,TERBUKA",
            "date",
            "en",
            "YYYY",
        ),
        (
            "party:Gelora,pilgub24-koster-giri,backs,,https://x.example,,,SECRET",
            "classification",
            "en",
            "RAHASIA",
        ),
        (GOOD.strip(), "kind", "en", "row 2"),
    ],
)
def test_a_bad_tie_names_its_row_and_column(row, column, lang, words):
    with pytest.raises(DataProblem) as raised:
        tie_checks.check_ties(ties_file(GOOD + row + "\n"), lang=lang)
    text = str(raised.value)
    assert ("row 3" if lang == "en" else "baris 3") in text
    assert f"column {column}" in text or f"kolom {column}" in text
    assert words in text


def test_a_tie_must_end_at_a_known_pair_from_a_known_institution(bundle):
    pairs = set(bundle.pairs["pair_id"])
    institutions = set(bundle.stakeholders["id"])
    fine = tie_checks.check_ties(ties_file(GOOD))
    tie_checks.check_tie_ends(fine, institutions, pairs)
    for row, column in (
        ("no-such-ormas,pilgub24-koster-giri,declared_support,,https://x.example,,,TERBUKA", "source_id"),
        ("ormas-bali,kesbangpol-bali,declared_support,,https://x.example,,,TERBUKA", "target_id"),
    ):
        ties = tie_checks.check_ties(ties_file(GOOD + row + "\n"))
        with pytest.raises(DataProblem, match=f"row 3, column {column}"):
            tie_checks.check_tie_ends(ties, institutions, pairs, lang="en")


def test_the_bundled_ties_are_sourced_and_read_with_their_english_notes(bundle):
    ties = bundle.political_ties
    assert len(ties) >= 1
    assert ties["source"].str.contains(r"https?://").all()
    assert ties["note"].notna().all()
    assert ties["note_en"].notna().all()
    assert set(ties["kind"]) <= set(tie_checks.TIE_KINDS)
    assert "backs" not in set(ties["kind"])  # nomination is read from coalitions.csv, never repeated
    keys = ties[["source_id", "target_id", "kind"]]
    assert not keys.duplicated().any()


# --- The store ------------------------------------------------------------------------------------


def test_the_ties_are_seeded_once_and_read_up_to_the_ceiling(tmp_path, bundle):
    engine = store.open_store(f"sqlite:///{tmp_path / 'ties.db'}", bundle)
    store.seed(engine, bundle)  # a second start adds nothing
    public = store.read_political_ties(engine, ceiling="TERBUKA")
    assert len(public) == len(bundle.political_ties)
    assert set(public["origin"]) == {"bundled"}
    with engine.begin() as conn:
        conn.execute(
            sa.insert(store.political_ties).values(
                source_id="ormas-bali",
                target_id="pilgub24-koster-giri",
                kind="campaign_team",
                date=dt.date(2024, 10, 1),
                source="https://rahasia.example/x",
                note="rahasia",
                classification="RAHASIA",
                origin="test",
            )
        )
    assert len(store.read_political_ties(engine, ceiling="TERBATAS")) == len(public)
    assert len(store.read_political_ties(engine, ceiling="RAHASIA")) == len(public) + 1
    engine.dispose()
