import math

import networkx as nx
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as hst

from lib import network
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.network import (
    LINK_COLUMNS,
    LINK_KINDS,
    POSKO_ID,
    STAKEHOLDER_COLUMNS,
    Scenario,
    check_links,
    check_stakeholders,
)
from tests.conftest import DATA_DIR


def read_text(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    people = check_stakeholders(read_text("stakeholders.csv"))
    return people, check_links(read_text("links.csv"), set(people["id"]))


@pytest.fixture(scope="module")
def bali(frames) -> nx.DiGraph:
    return network.build_graph(*frames)


def make_graph(nodes, links, **options) -> nx.DiGraph:
    """Build a graph from short specs.

    nodes: (id, type, level, region_code); links: (source, target, kind, directed, delay, assumption).
    """
    people = pd.DataFrame(
        [[n, n.upper(), "", kind, level, code, "", "TERBUKA", "ref", ""] for n, kind, level, code in nodes],
        columns=list(STAKEHOLDER_COLUMNS),
    )
    rows = [
        [
            a,
            b,
            kind,
            str(directed).lower(),
            "1" if assumed else "2",
            delay,
            "",
            str(assumed).lower(),
            "ref",
            "",
            "TERBUKA",
        ]
        for a, b, kind, directed, delay, assumed in links
    ]
    people = check_stakeholders(people)
    return network.build_graph(
        people, check_links(pd.DataFrame(rows, columns=list(LINK_COLUMNS)), set(people["id"])), **options
    )


def path_graph() -> nx.DiGraph:
    """Posko - b - c in a line, undirected, 2 h and 3 h."""
    return make_graph(
        [
            (POSKO_ID, "posko", "province", "51"),
            ("b", "police", "province", "51"),
            ("c", "police", "regency", "51.08"),
        ],
        [(POSKO_ID, "b", "coordination", False, "2", False), ("b", "c", "command", False, "3", False)],
    )


def regency_graph(*, kpu_to_adat_assumed: bool) -> nx.DiGraph:
    """One regency with the full chain Posko -> Polres -> KPU -> desa adat, and a Bawaslu."""
    return make_graph(
        [
            (POSKO_ID, "posko", "province", "51"),
            ("polres-x", "police", "regency", "51.08"),
            ("kpu-x", "election_body", "regency", "51.08"),
            ("bawaslu-x", "election_body", "regency", "51.08"),
            ("adat-x", "customary", "village", "51.08"),
        ],
        [
            (POSKO_ID, "polres-x", "command", False, "1", False),
            ("polres-x", "kpu-x", "coordination", False, "1", False),
            ("polres-x", "bawaslu-x", "coordination", False, "2", False),
            ("kpu-x", "adat-x", "coordination", False, "1", kpu_to_adat_assumed),
        ],
    )


# --- Building ------------------------------------------------------------------------------------


def test_an_undirected_link_becomes_two_arcs_and_a_directed_one_stays_one():
    graph = make_graph(
        [
            ("a", "police", "province", "51"),
            ("b", "police", "province", "51"),
            ("c", "forum", "province", "51"),
        ],
        [("a", "b", "coordination", False, "", False), ("b", "c", "information", True, "", False)],
    )
    assert graph.has_edge("a", "b")
    assert graph.has_edge("b", "a")
    assert graph["b"]["a"]["mirror"]
    assert not graph["a"]["b"]["mirror"]
    assert graph.has_edge("b", "c")
    assert not graph.has_edge("c", "b")


def test_unknown_delays_take_the_assumed_hours_of_their_kind_and_say_so():
    graph = make_graph(
        [
            ("a", "police", "province", "51"),
            ("b", "police", "province", "51"),
            ("c", "police", "province", "51"),
        ],
        [("a", "b", "membership", False, "", False), ("b", "c", "command", False, "0,5", False)],
        assumed_delay_hours={"command": 1, "coordination": 2, "information": 3, "membership": 7},
    )
    assert graph["a"]["b"]["delay"] == 7.0
    assert graph["a"]["b"]["delay_assumed"] is True
    assert math.isnan(graph["a"]["b"]["delay_hours"])
    assert graph["b"]["c"]["delay"] == 0.5
    assert graph["b"]["c"]["delay_assumed"] is False


def test_assumed_delays_must_cover_every_kind():
    people, links = pd.DataFrame(columns=list(STAKEHOLDER_COLUMNS)), pd.DataFrame(columns=list(LINK_COLUMNS))
    partial = {"command": 1.0, "coordination": 1.0, "information": 1.0}
    with pytest.raises(ValueError, match="membership"):
        network.build_graph(people, links, assumed_delay_hours=partial)


def test_the_bundled_graph_holds_every_institution_and_link(bali, frames):
    people, links = frames
    assert bali.number_of_nodes() == len(people)
    assert bali.number_of_edges() == len(links) + int((~links["directed"]).sum())
    assert POSKO_ID in bali


# --- Single points of failure --------------------------------------------------------------------


def test_the_middle_of_a_path_is_the_articulation_point():
    table = network.single_points_of_failure(path_graph())
    nodes = table[table["what"] == "node"]
    assert nodes["id"].tolist() == ["b"]
    assert nodes["cut_off_ids"].iloc[0] == ("c",)


def test_every_link_of_a_path_is_a_bridge_and_names_what_it_cuts_off():
    links = network.single_points_of_failure(path_graph()).query("what == 'link'").set_index("id")
    assert links.loc["b~c", "cut_off_ids"] == ("c",)
    assert links.loc["b~posko-pilkada", "cut_off_ids"] == ("b", "c")


def test_a_triangle_has_no_single_point_of_failure():
    graph = make_graph(
        [
            (POSKO_ID, "posko", "province", "51"),
            ("b", "police", "province", "51"),
            ("c", "police", "province", "51"),
        ],
        [
            (POSKO_ID, "b", "coordination", False, "", False),
            ("b", "c", "coordination", False, "", False),
            ("c", POSKO_ID, "coordination", False, "", False),
        ],
    )
    assert network.single_points_of_failure(graph).empty
    assert network.exposure(graph) == 0


def test_losing_kesbangpol_cuts_golkar_off_from_the_posko(bali):
    table = network.single_points_of_failure(bali).set_index("id")
    assert "golkar-bali" in table.loc["kesbangpol-bali", "cut_off_ids"]


def test_a_missing_posko_is_a_data_problem(bali):
    with pytest.raises(DataProblem, match="posko-lain"):
        network.posko_reach(bali, posko_id="posko-lain")


# --- Reach and alert times -----------------------------------------------------------------------


def test_alert_time_is_the_sum_of_the_delays_along_the_fastest_route():
    reach = network.posko_reach(path_graph()).set_index("id")
    assert reach.loc["c", "hours_from_posko"] == 2 + 3
    assert reach.loc["c", "route_from_posko"] == (POSKO_ID, "b", "c")
    assert reach.loc["c", "hops_from_posko"] == 2
    assert reach.loc["c", "hours_to_posko"] == 5


def test_a_one_way_link_cannot_carry_an_alert_back():
    graph = make_graph(
        [(POSKO_ID, "posko", "province", "51"), ("mk", "national", "national", "")],
        [("mk", POSKO_ID, "information", True, "1", False)],
    )
    reach = network.posko_reach(graph).set_index("id")
    assert math.isnan(reach.loc["mk", "hours_from_posko"])
    assert reach.loc["mk", "hops_from_posko"] == -1
    assert reach.loc["mk", "hours_to_posko"] == 1


def test_regency_alert_time_is_the_slowest_office():
    table = network.alert_times(regency_graph(kpu_to_adat_assumed=False)).set_index("region_code")
    assert table.loc["51.08", "hours"] == 1 + 2
    assert table.loc["51.08", "slowest_id"] == "bawaslu-x"
    assert table.loc["51.08", "targets"] == 3


def test_every_bundled_regency_office_is_reached_by_a_posko_alert(bali):
    table = network.alert_times(bali)
    assert sorted(table["region_code"]) == sorted(REGENCY_CODES)
    assert (table["reached"] == table["targets"]).all()
    assert table["hours"].notna().all()


# --- Coverage ------------------------------------------------------------------------------------


def test_a_documented_chain_has_no_gap():
    row = network.coverage(regency_graph(kpu_to_adat_assumed=False)).iloc[0]
    assert row["chain"]
    assert row["chain_documented"]
    assert row["gaps"] == ""


def test_a_chain_resting_on_an_assumption_names_that_step():
    row = network.coverage(regency_graph(kpu_to_adat_assumed=True), lang="en").iloc[0]
    assert row["chain"]
    assert not row["chain_documented"]
    assert row["gaps"] == "Bawaslu/KPU \u2192 desa adat: assumed only"


def test_a_missing_step_is_a_gap():
    graph = network.apply_scenario(
        regency_graph(kpu_to_adat_assumed=False), removed_links=[("kpu-x", "adat-x")]
    )
    row = network.coverage(graph, lang="en").iloc[0]
    assert not row["chain"]
    assert row["gaps"] == "Bawaslu/KPU \u2192 desa adat: missing"


def test_bundled_regencies_reach_desa_adat_only_through_assumed_links(bali):
    table = network.coverage(bali)
    regencies = table[table["region_code"].isin(REGENCY_CODES)]
    assert len(regencies) == 9
    assert regencies["chain"].all()
    assert not regencies["chain_documented"].any()
    assert regencies["police_to_election_documented"].all()


# --- Centrality, brokers, communities ------------------------------------------------------------


def test_the_centre_of_a_star_has_all_the_betweenness():
    graph = make_graph(
        [("hub", "forum", "province", "51")] + [(f"n{i}", "police", "province", "51") for i in range(4)],
        [("hub", f"n{i}", "membership", False, "", False) for i in range(4)],
    )
    table = network.centrality_table(graph).set_index("id")
    assert table.loc["hub", "betweenness"] == 1.0
    assert table.loc["hub", "degree"] == 4
    assert table.loc["n0", "betweenness"] == 0.0
    assert math.isclose(table["pagerank"].sum(), 1.0)


def test_the_broker_between_police_and_desa_adat_is_the_forum_between_them():
    graph = make_graph(
        [
            ("polres", "police", "regency", "51.08"),
            ("forum", "forum", "province", "51"),
            ("adat", "customary", "village", "51.08"),
        ],
        [
            ("polres", "forum", "membership", False, "", False),
            ("forum", "adat", "membership", False, "", False),
        ],
    )
    table = network.broker_table(graph)
    assert table["id"].tolist() == ["forum"]
    assert table["broker"].iloc[0] == 1.0
    assert table["group"].iloc[0] == "between"


def test_polda_bali_is_the_main_bundled_broker(bali):
    assert network.broker_table(bali)["id"].iloc[0] == "polda-bali"


def test_communities_are_the_same_on_every_run(bali):
    first = network.communities(bali, seed=3)
    assert first == network.communities(bali, seed=3)
    assert set(first) == set(bali.nodes)
    assert min(first.values()) == 0


def test_two_separate_triangles_are_two_communities():
    nodes = [(n, "police", "province", "51") for n in "abcdef"]
    links = [(a, b, "coordination", False, "", False) for a, b in ["ab", "bc", "ca", "de", "ef", "fd"]]
    groups = network.communities(make_graph(nodes, links))
    assert groups["a"] == groups["b"] == groups["c"] != groups["d"] == groups["e"] == groups["f"]


def test_metrics_table_has_one_row_per_institution(bali):
    table = network.metrics_table(bali)
    assert len(table) == bali.number_of_nodes()
    assert {"degree", "betweenness", "pagerank", "broker", "community", "name", "role"} <= set(table.columns)


# --- Suggestions ---------------------------------------------------------------------------------


def test_a_direct_link_to_the_slow_office_is_suggested_with_the_hours_it_saves():
    graph = make_graph(
        [
            (POSKO_ID, "posko", "province", "51"),
            ("b", "government", "province", "51"),
            ("polres-x", "police", "regency", "51.08"),
        ],
        [(POSKO_ID, "b", "coordination", False, "5", False), ("b", "polres-x", "command", False, "5", False)],
    )
    found = network.suggest_faster_links(graph, count=2)
    assert found.links["target_id"].tolist() == ["polres-x"]
    first = found.links.iloc[0]
    assert first["worst_hours_before"] == 10.0
    assert first["worst_hours_after"] == network.DEFAULT_ASSUMED_DELAY_HOURS["coordination"]
    assert first["hours_saved"] == 10.0 - network.DEFAULT_ASSUMED_DELAY_HOURS["coordination"]
    assert "Greedy" in network.suggest_faster_links(graph, lang="en").method


def test_two_bundled_links_shorten_the_slowest_alert_to_polres_and_bawaslu(bali):
    offices = [n for n in bali if n.startswith(("polres-", "polresta-", "bawaslu-")) and n != "bawaslu-bali"]
    found = network.suggest_faster_links(bali, count=2, targets=offices).links
    assert len(found) == 2
    assert found["worst_hours_after"].iloc[-1] < found["worst_hours_before"].iloc[0]
    assert set(found["source_id"]) == {POSKO_ID}


def test_a_backup_link_removes_the_articulation_point_of_a_path():
    found = network.suggest_backup_links(path_graph(), count=2).links
    assert found["target_id"].tolist() == ["c"]
    assert found["exposure_before"].iloc[0] == 1
    assert found["exposure_after"].iloc[0] == 0
    assert found["no_longer_critical"].iloc[0] == "B"


# --- What-if -------------------------------------------------------------------------------------


def test_a_scenario_returns_a_copy_and_leaves_the_graph_alone(bali):
    edges = bali.number_of_edges()
    changed = network.apply_scenario(bali, removed_nodes=["kesbangpol-bali"])
    assert "kesbangpol-bali" in bali
    assert "kesbangpol-bali" not in changed
    assert bali.number_of_edges() == edges


def test_an_added_link_is_an_assumed_two_way_link():
    changed = network.apply_scenario(path_graph(), added_links=[(POSKO_ID, "c", "command")])
    assert changed[POSKO_ID]["c"]["assumption"]
    assert changed["c"][POSKO_ID]["scenario"]
    assert network.posko_reach(changed).set_index("id").loc["c", "hours_from_posko"] == 1.0


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"removed_nodes": ["zzz"]}, "zzz"),
        ({"removed_links": [(POSKO_ID, "c")]}, "tidak terhubung langsung"),
        ({"added_links": [("b", "c", "command")]}, "sudah terhubung"),
    ],
    ids=["unknown institution", "link that does not exist", "link that exists"],
)
def test_impossible_scenarios_are_data_problems(change, expected):
    with pytest.raises(DataProblem, match=expected):
        network.apply_scenario(path_graph(), **change)


def test_compare_names_who_is_cut_off_and_who_is_slower():
    graph = make_graph(
        [(POSKO_ID, "posko", "province", "51")] + [(n, "police", "province", "51") for n in "abcd"],
        [
            (POSKO_ID, "a", "coordination", False, "1", False),
            ("a", "b", "coordination", False, "1", False),
            (POSKO_ID, "c", "coordination", False, "1", False),
            ("c", "d", "coordination", False, "5", False),
            ("d", "a", "coordination", False, "1", False),
        ],
    )
    after = network.apply_scenario(graph, removed_nodes=["a"])
    table = network.compare(graph, after, lang="en").set_index("id")
    assert table.loc["a", "status"] == "removed"
    assert table.loc["b", "status"] == "cut_off"
    assert table.loc["d", "status"] == "slower"
    assert table.loc["d", "hours_change"] == (1 + 5) - (1 + 1)
    after = network.apply_scenario(graph, removed_links=[("c", POSKO_ID)])
    table = network.compare(graph, after, lang="en").set_index("id")
    assert table.loc["c", "status"] == "slower"
    assert table.loc["c", "hours_change"] == (1 + 1 + 5) - 1
    assert table.loc["c", "status_label"] == "Slower"


def test_losing_kesbangpol_in_bali_cuts_off_golkar_and_leaves_regency_alerts_standing(bali):
    after = network.apply_scenario(bali, removed_nodes=["kesbangpol-bali"])
    table = network.compare(bali, after).set_index("id")
    assert table.loc["golkar-bali", "status"] == "cut_off"
    alerts = network.compare_alert_times(bali, after)
    assert alerts["hours_after"].notna().all()


# --- Scenario text for the URL -------------------------------------------------------------------

ids = hst.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
scenarios = hst.builds(
    Scenario,
    hst.lists(ids, max_size=4).map(tuple),
    hst.lists(hst.tuples(ids, ids).filter(lambda p: p[0] != p[1]), max_size=3).map(tuple),
    hst.lists(
        hst.tuples(ids, ids, hst.sampled_from(LINK_KINDS)).filter(lambda p: p[0] != p[1]), max_size=3
    ).map(tuple),
)


@given(scenarios)
def test_scenarios_read_back_unchanged(scenario):
    text = network.encode_scenario(scenario)
    assert network.decode_scenario(text) == scenario
    assert all(c.isalnum() or c in "-~,+" for c in text)


@given(hst.text(max_size=40))
@example("-kesbangpol,+a~a")
@example("+a~b~friendship")
def test_any_scenario_text_is_read_or_refused_with_its_part_quoted(text):
    try:
        scenario = network.decode_scenario(text)
    except DataProblem as problem:
        what = problem.what
    else:
        assert isinstance(scenario, Scenario)
        return
    assert "\u201c" in what


def test_a_scenario_naming_an_unknown_institution_is_refused(bali):
    assert network.decode_scenario("-kesbangpol-bali", set(bali)).removed_nodes == ("kesbangpol-bali",)
    with pytest.raises(DataProblem, match="kesbangpol"):
        network.decode_scenario("-kesbangpol", set(bali))


def test_a_bare_added_link_is_a_coordination_link():
    assert network.decode_scenario("+b~a").added_links == (("a", "b", "coordination"),)


# --- GraphML and GEXF ----------------------------------------------------------------------------


def _comparable(graph: nx.DiGraph) -> tuple[dict, dict]:
    def clean(data):
        return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in data.items()}

    return (
        {node: clean(data) for node, data in graph.nodes(data=True)},
        {(a, b): clean(data) for a, b, data in graph.edges(data=True)},
    )


@pytest.mark.parametrize(
    ("export", "filename"),
    [(network.to_graphml_bytes, "jaringan.graphml"), (network.to_gexf_bytes, "jaringan.gexf")],
)
def test_an_exported_graph_reads_back_as_the_same_graph(bali, frames, export, filename):
    people, links = network.read_graph_file(export(bali), filename)
    assert _comparable(network.build_graph(people, links)) == _comparable(bali)
    assert len(links) == len(frames[1])


def test_a_file_that_is_not_a_graph_is_refused():
    with pytest.raises(DataProblem, match="bukan GraphML atau GEXF"):
        network.read_graph_file(b"id,name\n1,2\n", "stakeholders.csv")


def test_a_huge_upload_is_refused_before_it_is_parsed():
    data = b'<graphml><graph edgedefault="directed">' + b'<node id="n"/>' * 100_000 + b"</graph></graphml>"
    with pytest.raises(DataProblem, match="100000") as caught:
        network.read_graph_file(data, "besar.graphml")
    assert "5000" in caught.value.fix


def test_xml_entities_are_refused():
    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><graphml></graphml>'
    with pytest.raises(DataProblem, match="ENTITY"):
        network.read_graph_file(data, "bom.graphml")


def test_broken_xml_is_a_data_problem():
    with pytest.raises(DataProblem, match="tidak bisa dibaca"):
        network.read_graph_file(b"<graphml><graph><node id='a'>", "rusak.graphml")


def test_a_graph_file_without_our_attributes_says_it_is_not_an_institutions_network():
    graph = nx.DiGraph([("a", "b")])
    with pytest.raises(network.NotInstitutions, match="tidak ada kolom type dan level"):
        network.read_graph_file(network.to_graphml_bytes(graph), "gephi.graphml")
