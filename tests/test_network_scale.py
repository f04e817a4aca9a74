"""The fast graph analyses give networkx's answers: betweenness, brokers, suggestions, file round trips.

Each test builds seeded random institution graphs (small, so the suite stays quick) and compares
the table of the compiled implementation with the same table computed by networkx directly,
the way the app computed it before (kept here as the reference).
"""

from __future__ import annotations

import io
import math
import random
import re

import networkx as nx
import pandas as pd
import pytest
from lxml import etree
from networkx.readwrite.graphml import write_graphml_xml

from lib import network
from lib.network import (
    LINK_COLUMNS,
    STAKEHOLDER_COLUMNS,
    TYPES,
    check_links,
    check_stakeholders,
    files,
    xmltext,
)
from lib.network.files import _exportable
from lib.network.graph import SECURITY_TYPES, SOCIAL_TYPES, undirected_view

REGENCIES = ("51.01", "51.02", "51.03", "51.04")


def random_frames(nodes: int, links: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return checked frames of a seeded random graph with the Posko as node 0 and some offices."""
    rng = random.Random(seed)
    shape = nx.gnm_random_graph(nodes, links, seed=seed)
    rows = []
    for node in shape.nodes:
        ident = network.POSKO_ID if node == 0 else f"n{node:04d}"
        kind = "posko" if node == 0 else rng.choice(TYPES[:-1])
        level = "province" if node == 0 else rng.choice(["province", "regency", "regency", "village"])
        code = "51" if level == "province" else rng.choice(REGENCIES)
        rows.append([ident, f"Lembaga {node}", "", kind, level, code, "", "TERBUKA", "generated", ""])
    people = check_stakeholders(pd.DataFrame(rows, columns=list(STAKEHOLDER_COLUMNS)))
    ids = people["id"].tolist()
    kinds = ["command", "coordination", "information", "membership"]
    link_rows = []
    for a, b in shape.edges:
        hours = rng.choice(["", "", "0", "0.5", "3", "1.25"])
        directed = rng.choice(["false", "false", "true"])
        link_rows.append(
            [ids[a], ids[b], rng.choice(kinds), directed, "1", hours, "", "false", "gen", "", "TERBUKA"]
        )
    return people, check_links(pd.DataFrame(link_rows, columns=list(LINK_COLUMNS)), set(ids))


def random_graph(nodes: int, links: int, seed: int) -> nx.DiGraph:
    """Return the coordination graph of :func:`random_frames`."""
    return network.build_graph(*random_frames(nodes, links, seed))


GRAPHS = [(1, 0, 1), (2, 1, 2), (3, 2, 3), (12, 10, 4), (25, 40, 5), (40, 60, 6), (60, 200, 7), (80, 90, 8)]


# --- Reference implementations: networkx, as the app computed the tables before -------------------


def reference_betweenness(
    graph: nx.DiGraph, max_exact_nodes: int, seed: int, sample_size: int = 100
) -> dict[str, float]:
    """Return ``networkx.betweenness_centrality`` with the app's sampling rule."""
    simple = undirected_view(graph)
    k = None if len(graph) <= max_exact_nodes else min(sample_size, len(graph))
    return nx.betweenness_centrality(simple, k=k, seed=seed, normalized=True)


def reference_brokers(graph: nx.DiGraph, max_sources: int, seed: int) -> dict[str, float]:
    """Return the broker score from ``networkx.betweenness_centrality_subset``, zeros left out."""
    simple = undirected_view(graph)
    sources = [node for node, kind in simple.nodes(data="type") if kind in SECURITY_TYPES]
    targets = [node for node, kind in simple.nodes(data="type") if kind in SOCIAL_TYPES]
    if len(sources) > max_sources:
        sources = sorted(random.Random(seed).sample(sorted(sources), max_sources))
    pairs = len(sources) * len(targets)
    if not pairs:
        return {}
    scores = nx.betweenness_centrality_subset(simple, sources=sources, targets=targets, normalized=False)
    return {node: 2 * float(score) / pairs for node, score in scores.items() if score > 0}


def reference_faster(graph: nx.DiGraph, count: int, sources: list[str] | None) -> list[tuple]:
    """Return the faster-link picks as the loop over candidates and offices found them."""
    hours_per_link = 4.0
    starts = [network.POSKO_ID] if sources is None else sources
    work = graph.copy()
    chosen = [node for nodes in network.alert_targets(work).values() for node in nodes]

    def key_of(hours: dict[str, float]) -> tuple[int, float, float]:
        reached = [hours[node] for node in chosen if node in hours]
        return (len(chosen) - len(reached), max(reached, default=0.0), float(sum(reached)))

    picks = []
    for _ in range(count):
        hours = nx.single_source_dijkstra_path_length(work, network.POSKO_ID, weight="delay")
        before = key_of(hours)
        back = work.reverse(copy=False)
        to_target = {
            node: nx.single_source_dijkstra_path_length(back, node, weight="delay") for node in chosen
        }
        best = None
        for candidate in sorted(work.nodes):
            options = [s for s in starts if s != candidate and s in hours and not work.has_edge(s, candidate)]
            if not options:
                continue
            start = min(options, key=lambda s: (hours[s], s))
            trial = dict(hours)
            for node in chosen:
                via = to_target[node].get(candidate)
                if via is not None and hours[start] + hours_per_link + via < trial.get(node, math.inf):
                    trial[node] = hours[start] + hours_per_link + via
            key = key_of(trial)
            if key < before and (best is None or key < best[0]):
                best = (key, start, candidate)
        if best is None:
            break
        key, start, candidate = best
        work.add_edge(start, candidate, delay=hours_per_link)
        work.add_edge(candidate, start, delay=hours_per_link)
        picks.append((start, candidate, before[0], key[0], before[1], key[1], before[2] - key[2]))
    return picks


# --- Betweenness and brokers -----------------------------------------------------------------------


@pytest.mark.parametrize(("nodes", "links", "seed"), GRAPHS)
@pytest.mark.parametrize(("max_exact_nodes", "sample_size"), [(500, 100), (20, 100), (10, 7), (10, 1)])
def test_betweenness_is_networkx_betweenness(
    nodes: int, links: int, seed: int, max_exact_nodes: int, sample_size: int
) -> None:
    graph = random_graph(nodes, links, seed)
    table = network.centrality_table(
        graph, max_exact_nodes=max_exact_nodes, sample_size=sample_size, seed=seed
    )
    expected = reference_betweenness(graph, max_exact_nodes, seed, sample_size)
    found = table.set_index("id")["betweenness"].to_dict()
    assert set(found) == set(expected)
    for node, value in expected.items():
        assert found[node] == pytest.approx(value, rel=1e-9, abs=1e-12, nan_ok=True), node
    order = pd.DataFrame({"id": list(expected), "b": [round(value, 12) for value in expected.values()]})
    order = order.sort_values(["b", "id"], ascending=[False, True])  # NaN (k = 1) last, as pandas puts it
    assert table["id"].tolist() == order["id"].tolist()


@pytest.mark.parametrize(("nodes", "links", "seed"), GRAPHS)
@pytest.mark.parametrize("max_sources", [200, 3])
def test_broker_scores_are_networkx_subset_betweenness(
    nodes: int, links: int, seed: int, max_sources: int
) -> None:
    graph = random_graph(nodes, links, seed)
    table = network.broker_table(graph, max_sources=max_sources, seed=seed)
    expected = reference_brokers(graph, max_sources, seed)
    found = table.set_index("id")["broker"].to_dict()
    assert set(found) == set(expected)
    for node, value in expected.items():
        assert found[node] == pytest.approx(value, rel=1e-9, abs=1e-12), node


@pytest.mark.parametrize(("nodes", "links", "seed"), GRAPHS[3:])
def test_metrics_share_the_searches_and_match_the_separate_tables(nodes: int, links: int, seed: int) -> None:
    graph = random_graph(nodes, links, seed)
    table = network.metrics_table(graph, seed=seed, max_exact_nodes=30).set_index("id")
    centrality = network.centrality_table(graph, max_exact_nodes=30, seed=seed).set_index("id")
    brokers = network.broker_table(graph, seed=seed).set_index("id")["broker"]
    assert table["betweenness"].to_dict() == centrality["betweenness"].to_dict()
    assert table["broker"].to_dict() == {node: float(brokers.get(node, 0.0)) for node in table.index}
    expected = reference_brokers(graph, 200, seed)
    assert {node for node, value in table["broker"].items() if value > 0} == set(expected)


# --- Faster-link suggestions -----------------------------------------------------------------------


@pytest.mark.parametrize(("nodes", "links", "seed"), GRAPHS)
@pytest.mark.parametrize("several", [False, True])
def test_faster_links_are_the_picks_of_the_loop_over_candidates(
    nodes: int, links: int, seed: int, several: bool
) -> None:
    graph = random_graph(nodes, links, seed)
    sources = sorted(graph.nodes)[:: max(1, nodes // 4)] + ["not-a-node"] if several else None
    found = network.suggest_faster_links(graph, count=3, sources=sources).links
    expected = reference_faster(graph, 3, None if sources is None else [s for s in sources if s in graph])
    columns = [
        "source_id",
        "target_id",
        "unreached_before",
        "unreached_after",
        "worst_hours_before",
        "worst_hours_after",
        "total_hours_saved",
    ]
    assert [tuple(row) for row in found[columns].itertuples(index=False)] == expected
    assert found["rank"].tolist() == list(range(1, len(expected) + 1))


def test_faster_links_on_a_larger_graph_with_unreachable_offices_match_the_loop() -> None:
    graph = random_graph(150, 140, 13)
    found = network.suggest_faster_links(graph, count=3).links
    expected = reference_faster(graph, 3, None)
    assert expected
    assert expected[0][2] > 0  # some offices cannot be reached at first
    assert [
        (row.source_id, row.target_id, row.unreached_before, row.unreached_after, row.worst_hours_after)
        for row in found.itertuples()
    ] == [pick[:4] + pick[5:6] for pick in expected]


# --- GraphML and GEXF ------------------------------------------------------------------------------


def _networkx_file(graph: nx.DiGraph, write: object) -> bytes:
    """Return what a networkx writer produces for ``graph`` (the GEXF date blanked)."""
    buffer = io.BytesIO()
    write(graph, buffer, encoding="utf-8")  # type: ignore[operator]
    return re.sub(rb'lastmodifieddate="[^"]*"', b'lastmodifieddate=""', buffer.getvalue())


def _awkward(graph: nx.DiGraph) -> nx.DiGraph:
    """Return the graph with text that needs escaping, a float infinity and an empty value."""
    node = next(iter(graph))
    graph.nodes[node]["name"] = 'Polres "Badung" <&> \n\ttab \u00e9 \U0001f6a8'
    graph.nodes[node]["note"] = ""
    for a, b in list(graph.edges)[:1]:
        graph[a][b]["delay"] = math.inf
    return graph


@pytest.mark.parametrize(("nodes", "links", "seed"), GRAPHS)
def test_graphml_and_gexf_are_the_files_networkx_writes(nodes: int, links: int, seed: int) -> None:
    graph = _awkward(random_graph(nodes, links, seed))
    plain = _exportable(graph)
    assert network.to_graphml_bytes(graph) == _networkx_file(plain, write_graphml_xml)
    gexf = re.sub(rb'lastmodifieddate="[^"]*"', b'lastmodifieddate=""', network.to_gexf_bytes(graph))
    assert gexf == _networkx_file(plain, nx.write_gexf)


@pytest.mark.parametrize(
    "graph",
    [nx.DiGraph(), nx.Graph([("a", "b")]), nx.DiGraph([("a", "b", {"weight": 2.0, "label": "x"})])],
    ids=["empty", "undirected", "reserved-names"],
)
def test_unusual_graphs_are_written_as_networkx_writes_them(graph: nx.Graph) -> None:
    assert xmltext.graphml_bytes(graph) == _networkx_file(graph, write_graphml_xml)
    gexf = re.sub(rb'lastmodifieddate="[^"]*"', b'lastmodifieddate=""', xmltext.gexf_bytes(graph))
    assert gexf == _networkx_file(graph, nx.write_gexf)


def _old_gexf(data: bytes) -> nx.Graph:
    """Return the GEXF as read before: the tree prepared, written out again and read by ``nx.read_gexf``."""
    graph_element, _ = files.prepared_gexf(data)
    tree = etree.tostring(graph_element.getroottree(), encoding="utf-8")
    return nx.read_gexf(io.BytesIO(tree), node_type=str)


@pytest.mark.parametrize(("nodes", "links", "seed"), GRAPHS[2:])
@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_files_read_back_as_networkx_reads_them(nodes: int, links: int, seed: int, suffix: str) -> None:
    people, links_frame = random_frames(nodes, links, seed)
    graph = network.build_graph(people, links_frame)
    data = network.to_graphml_bytes(graph) if suffix == "graphml" else network.to_gexf_bytes(graph)
    read = network.read_network_file(data, f"g.{suffix}").graph
    expected = nx.read_graphml(io.BytesIO(data), node_type=str) if suffix == "graphml" else _old_gexf(data)
    assert network.graph_signature(read) == network.graph_signature(expected)
    again_people, again_links = network.read_graph_file(data, f"g.{suffix}")
    assert network.graph_signature(network.build_graph(again_people, again_links)) == network.graph_signature(
        graph
    )


def _same_graph(found: nx.Graph, expected: nx.Graph) -> None:
    """Assert two read graphs are equal: kind, graph data, node and arc order, attributes and their order."""

    def items(data: dict) -> list[tuple[str, object]]:
        return [
            (key, "NaN" if isinstance(value, float) and math.isnan(value) else value)
            for key, value in data.items()
        ]

    assert type(found) is type(expected)
    assert found.graph == expected.graph
    assert [(node, items(data)) for node, data in found.nodes(data=True)] == [
        (node, items(data)) for node, data in expected.nodes(data=True)
    ]
    assert [(a, b, items(data)) for a, b, data in found.edges(data=True)] == [
        (a, b, items(data)) for a, b, data in expected.edges(data=True)
    ]


@pytest.mark.parametrize(("nodes", "links", "seed"), GRAPHS)
def test_graphml_is_read_as_networkx_reads_it(nodes: int, links: int, seed: int) -> None:
    data = network.to_graphml_bytes(_awkward(random_graph(nodes, links, seed)))
    _same_graph(xmltext.read_graphml(data), nx.read_graphml(io.BytesIO(data), node_type=str))


GRAPHML_HEAD = '<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
GRAPHML_FILES = {
    "gephi-edge-ids": '<key attr.name="w" attr.type="double" for="edge" id="w"/>'
    '<key attr.name="ok" attr.type="boolean" for="node" id="ok"/>'
    '<key attr.name="title" attr.type="string" for="graph" id="t"/>'
    '<graph edgedefault="undirected"><data key="t">Les Mis</data>'
    '<edge id="e0" source="b" target="a"><data key="w">2.5</data></edge>'
    '<node id="a"><data key="ok">TRUE</data></node><node id="b"/><node id="c"><data key="ok"/></node>'
    '<edge id="e1" source="c" target="d"/></graph></graphml>',
    "defaults": '<key attr.name="kind" attr.type="string" for="edge" id="k">'
    "<default>coordination</default></key>"
    '<graph edgedefault="directed"><node id="a"/><node id="b"/>'
    '<edge source="a" target="b"/></graph></graphml>',
    "repeated-arcs": '<graph edgedefault="directed"><node id="a"/><node id="b"/>'
    '<edge source="a" target="b"/><edge source="a" target="b"/></graph></graphml>',
    "no-namespace": '<graph edgedefault="directed"><node id="a"/></graph></graphml>',
    "bad-number": '<key attr.name="n" attr.type="int" for="node" id="n"/>'
    '<graph edgedefault="directed"><node id="a"><data key="n">x</data></node></graph></graphml>',
}


@pytest.mark.parametrize("name", sorted(GRAPHML_FILES))
def test_other_graphml_files_read_as_networkx_reads_them(name: str) -> None:
    head = GRAPHML_HEAD if name != "no-namespace" else '<?xml version="1.0"?><graphml>'
    data = (head + GRAPHML_FILES[name]).encode()
    try:
        expected = nx.read_graphml(io.BytesIO(data), node_type=str)
    except ValueError as error:
        with pytest.raises(type(error)):
            xmltext.read_graphml(data)
        return
    _same_graph(xmltext.read_graphml(data), expected)


FIXTURES = __import__("pathlib").Path(__file__).resolve().parent / "fixtures" / "gephi"
GEPHI_FILES = {
    "lesmiserables-gephi-0.9": (FIXTURES / "lesmiserables-gephi-0.9.gexf").read_bytes(),
    "partner-gephi-0.8": (FIXTURES / "partner-gephi-0.8.gexf").read_bytes(),
}


def _prepared(data: bytes):
    """Return the graph element read_network_file hands to the reader (namespaces, values, arcs)."""
    return files.prepared_gexf(data)[0]


@pytest.mark.parametrize(
    "data",
    [
        *(network.to_gexf_bytes(_awkward(random_graph(n, links, seed))) for n, links, seed in GRAPHS),
        *GEPHI_FILES.values(),
        network.to_gexf_bytes(nx.DiGraph()),
    ],
    ids=[*(f"random-{n}-{links}" for n, links, _ in GRAPHS), *GEPHI_FILES, "empty"],
)
def test_a_plain_gexf_is_read_in_one_pass_as_networkx_reads_it(data: bytes) -> None:
    """The fast path must be taken for our files and Gephi's, and give networkx's graph exactly."""
    from networkx.readwrite.gexf import GEXFReader

    prepared = _prepared(data)
    expected = GEXFReader(node_type=str, version="1.2draft").make_graph(prepared)
    _same_graph(xmltext.plain_gexf(prepared), expected)  # raises _NotPlain if it fell back


GEXF_HEAD = (
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">'
)
GEXF_UNUSUAL = {
    "repeated-arcs": '<graph defaultedgetype="directed"><nodes><node id="a"/><node id="b"/></nodes>'
    '<edges><edge id="0" source="a" target="b"/><edge id="1" source="a" target="b"/></edges></graph>',
    "hierarchy": '<graph defaultedgetype="directed"><nodes><node id="a" label="A"><nodes>'
    '<node id="b" label="B"/></nodes></node></nodes></graph>',
    "dynamic": '<graph defaultedgetype="directed" mode="dynamic" timeformat="double"><nodes>'
    '<node id="a" start="1.0" end="2.0"/></nodes></graph>',
    "defaults-and-shape": '<graph defaultedgetype="directed"><attributes class="node">'
    '<attribute id="0" title="level" type="string"><default>kabupaten</default></attribute></attributes>'
    '<nodes><node id="a" label="A"><viz:shape value="image" shape="image" uri="a.png"/>'
    '<viz:position x="1" y="2"/></node><node id="b"/></nodes>'
    '<edges><edge source="b" target="c" weight="2" label="x"/></edges></graph>',
    "two-attvalues": '<graph defaultedgetype="directed"><attributes class="node">'
    '<attribute id="0" title="level" type="string"/></attributes><nodes><node id="a">'
    '<attvalues><attvalue for="0" value="x"/></attvalues><attvalues><attvalue for="0" value="y"/>'
    "</attvalues></node></nodes></graph>",
    "value-missing": '<graph defaultedgetype="directed"><attributes class="node">'
    '<attribute id="0" title="level" type="string"/><attribute id="1" title="note" type="string"/>'
    '</attributes><nodes><node id="a"><attvalues><attvalue for="0"/><attvalue for="1" value="y"/>'
    '</attvalues></node><node id="b"><attvalues><attvalue for="0" value="z"/></attvalues></node>'
    "</nodes></graph>",
    "second-nodes-block": '<graph defaultedgetype="directed"><attributes class="node">'
    '<attribute id="0" title="level" type="string"/></attributes><nodes><node id="a"><attvalues>'
    '<attvalue for="0" value="x"/></attvalues></node></nodes><nodes><node id="b"><attvalues>'
    '<attvalue for="0" value="y"/></attvalues></node></nodes></graph>',
    "other-child-in-attvalues": '<graph defaultedgetype="directed"><attributes class="node">'
    '<attribute id="0" title="level" type="string"/><attribute id="1" title="note" type="string"/>'
    '</attributes><nodes><node id="a"><attvalues><attvalue for="0" value="x"/><note/></attvalues>'
    '</node><node id="b"><attvalues><attvalue for="1" value="y"/></attvalues></node></nodes></graph>',
}
NOT_PLAIN = ("repeated-arcs", "hierarchy", "dynamic", "two-attvalues", "second-nodes-block")
"""Unusual files the one-pass reader must hand to networkx (the others it reads or hands on)."""


@pytest.mark.parametrize(("name", "body"), GEXF_UNUSUAL.items(), ids=list(GEXF_UNUSUAL))
def test_any_other_gexf_is_still_read_as_networkx_reads_it(name: str, body: str) -> None:
    from networkx.readwrite.gexf import GEXFReader

    data = f"{GEXF_HEAD}{body}</gexf>".encode()
    expected = GEXFReader(node_type=str, version="1.2draft").make_graph(_prepared(data))
    _same_graph(xmltext.read_prepared_gexf(_prepared(data)), expected)
    if name == "defaults-and-shape":  # plain after all: defaults, an image shape, an arc to a new node
        _same_graph(xmltext.plain_gexf(_prepared(data)), expected)
    if name in NOT_PLAIN or name.endswith(("-missing", "-in-attvalues")):  # values it cannot pair up
        with pytest.raises(xmltext._NotPlain):
            xmltext.plain_gexf(_prepared(data))


@pytest.mark.parametrize(
    ("data", "taken"),
    [
        (network.to_gexf_bytes(random_graph(40, 120, 3)), True),
        (GEPHI_FILES["partner-gephi-0.8"], False),  # values of an undeclared "image" are dropped
        (GEPHI_FILES["lesmiserables-gephi-0.9"], True),  # GEXF 1.3, directed, node values only
        (f"{GEXF_HEAD}{GEXF_UNUSUAL['value-missing']}</gexf>".encode(), False),
        (f"{GEXF_HEAD}{GEXF_UNUSUAL['second-nodes-block']}</gexf>".encode(), False),
        (
            f'{GEXF_HEAD}<graph defaultedgetype="undirected"><attributes class="edge"><attribute id="0" '
            'title="kind" type="string"/></attributes><nodes><node id="a"/><node id="b"/></nodes><edges>'
            '<edge source="a" target="b"><attvalues><attvalue for="0" value="x"/></attvalues></edge>'
            "</edges></graph></gexf>".encode(),
            False,  # every value declared, but each undirected edge is given "directed" false
        ),
    ],
    ids=["ours", "gephi-0.8", "gephi-0.9", "value-missing", "second-nodes-block", "undirected"],
)
def test_the_values_taken_in_bulk_are_the_tree_s_values(data: bytes, taken: bool) -> None:
    """The lists read in C stand for the tree only while they are all of its values, unchanged."""
    graph_element, _, values = files._prepared(data)
    assert (values is not None) is taken
    if values is not None:
        walked = {
            kind: [
                (value.get("for"), value.get("value"))
                for value in graph_element.iter(f"{{{files.GEXF_NAMESPACE}}}attvalue")
                if value.getparent().getparent().tag == f"{{{files.GEXF_NAMESPACE}}}{kind}"
            ]
            for kind in ("node", "edge")
        }
        assert {kind: list(zip(*lists, strict=True)) for kind, lists in values.items()} == walked
        assert walked["node"]  # the case has values to compare


def _tags(data: bytes, *, with_bytes: bool) -> list[str]:
    root = xmltext.parse_xml(data)
    xmltext.map_gexf_namespaces(root, data if with_bytes else None)
    return [element.tag for element in root.iter()]


GEXF_NAMESPACE_CASES = {
    "ours": network.to_gexf_bytes(random_graph(12, 30, 1)),
    **GEPHI_FILES,
    "inner-1.3-default": b'<gexf xmlns="http://www.gexf.net/1.2draft"><graph xmlns="http://gexf.net/1.3">'
    b'<nodes><node id="a"/></nodes></graph></gexf>',
    "inner-viz-1.3": b'<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes><node id="a" '
    b'xmlns:viz="http://gexf.net/1.3/viz"><viz:size value="2"/></node></nodes></graph></gexf>',
    "root-1.1-viz": b'<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.1draft/viz">'
    b'<graph><nodes><node id="a"><viz:size value="2"/></node></nodes></graph></gexf>',
    "no-namespace": b'<gexf><graph><nodes><node id="a" label="xmlns"/></nodes></graph></gexf>',
    "word-in-a-value": b'<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes><node id="a" '
    b'label="xmlns"/></nodes></graph></gexf>',
    "other-namespace": b'<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:x="urn:x"><graph><x:note/>'
    b"</graph></gexf>",
}


@pytest.mark.parametrize("data", GEXF_NAMESPACE_CASES.values(), ids=list(GEXF_NAMESPACE_CASES))
def test_a_namespace_scan_is_skipped_only_where_no_tag_would_change(data: bytes) -> None:
    assert _tags(data, with_bytes=True) == _tags(data, with_bytes=False)
    assert all(
        tag.startswith(("{http://www.gexf.net/1.2draft}", "{http://www.gexf.net/1.2draft/viz}", "{urn:x}"))
        for tag in _tags(data, with_bytes=True)
    )
