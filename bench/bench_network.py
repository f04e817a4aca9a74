"""Print how long each network analysis takes on the bundled graph and on a generated large one.

Run: ``python bench/bench_network.py`` from the project root (``... scale`` for the scaling
table only). Figures only, no assertions. The generated graph has 2,000 institutions and 10,000
undirected links (seeded), with types, levels and region codes drawn at random so that the
per-regency analyses have work to do.

The scaling table times the analyses of issue 13 at 500, 1,000 and 2,000 institutions (five
links each) before (networkx, the way the app computed them: the reference implementations of
tests/test_network_scale.py) and after (the app's functions), the median of three runs each,
and the growth from 1,000 to 2,000 institutions (2.0 is linear, about 2.2 is n log n, 4 is n²).
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
from networkx.readwrite.graphml import write_graphml_xml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import network  # noqa: E402
from lib.network import (  # noqa: E402
    LINK_COLUMNS,
    STAKEHOLDER_COLUMNS,
    TYPES,
    check_links,
    check_stakeholders,
    xmltext,  # noqa: E402
)
from lib.network.files import _exportable  # noqa: E402
from lib.network.graph import institutional_view  # noqa: E402
from tests.test_network_scale import (  # noqa: E402
    _old_gexf,
    reference_betweenness,
    reference_brokers,
    reference_faster,
)


def bundled() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the checked bundled frames."""
    read = {"dtype": str, "keep_default_na": False, "na_values": [""]}
    people = check_stakeholders(pd.read_csv(ROOT / "data" / "stakeholders.csv", **read))
    return people, check_links(pd.read_csv(ROOT / "data" / "links.csv", **read), set(people["id"]))


def generated(nodes: int = 2000, links: int = 10000, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return frames for a random graph of ``nodes`` institutions and ``links`` undirected links."""
    rng = random.Random(seed)
    shape = nx.gnm_random_graph(nodes, links, seed=seed)
    regencies = [f"{p:02d}.{r:02d}" for p in range(11, 41) for r in range(1, 18)]
    rows = []
    for node in shape.nodes:
        ident = network.POSKO_ID if node == 0 else f"n{node:05d}"
        kind = "posko" if node == 0 else rng.choice(TYPES[:-1])
        level = "province" if node == 0 else rng.choice(["province", "regency", "regency", "village"])
        code = "51" if level == "province" else rng.choice(regencies)
        rows.append([ident, f"Lembaga {node}", "", kind, level, code, "", "TERBUKA", "generated", ""])
    people = check_stakeholders(pd.DataFrame(rows, columns=list(STAKEHOLDER_COLUMNS)))
    ids = people["id"].tolist()
    kinds = ["command", "coordination", "coordination", "information", "membership"]
    link_rows = [
        [
            ids[a],
            ids[b],
            rng.choice(kinds),
            "false",
            str(rng.randint(1, 3)),
            "",
            "",
            "false",
            "gen",
            "",
            "TERBUKA",
        ]
        for a, b in shape.edges
    ]
    return people, check_links(pd.DataFrame(link_rows, columns=list(LINK_COLUMNS)), set(ids))


def timed(label: str, action: Callable[[], object]) -> object:
    """Run ``action`` once and print its wall time."""
    start = time.perf_counter()
    result = action()
    print(f"  {label:<38} {1000 * (time.perf_counter() - start):9.1f} ms")
    return result


def run(name: str, people: pd.DataFrame, links: pd.DataFrame) -> None:
    """Time every analysis on one graph."""
    print(f"{name}: {len(people)} institutions, {len(links)} links")
    graph = timed("build_graph", lambda: network.build_graph(people, links))
    timed("centrality_table", lambda: network.centrality_table(graph))
    timed("broker_table", lambda: network.broker_table(graph))
    timed("communities (Louvain)", lambda: network.communities(graph))
    metrics = timed("metrics_table (all three)", lambda: network.metrics_table(graph))
    timed("single_points_of_failure", lambda: network.single_points_of_failure(graph))
    timed("posko_reach", lambda: network.posko_reach(graph))
    timed("alert_times", lambda: network.alert_times(graph))
    timed("coverage", lambda: network.coverage(graph))
    timed("suggest_faster_links (2)", lambda: network.suggest_faster_links(graph, count=2))
    timed("suggest_backup_links (2)", lambda: network.suggest_backup_links(graph, count=2))
    victim = max(graph.nodes, key=graph.degree)
    after = timed(
        "apply_scenario (remove busiest)", lambda: network.apply_scenario(graph, removed_nodes=[victim])
    )
    timed("compare", lambda: network.compare(graph, after))
    timed("compare_alert_times", lambda: network.compare_alert_times(graph, after))
    timed("compare_networks (all of the what-if)", lambda: network.compare_networks(graph, after))
    data = timed("to_graphml_bytes", lambda: network.to_graphml_bytes(graph))
    timed("read_graph_file (GraphML)", lambda: network.read_graph_file(data, "g.graphml"))
    gexf = timed("to_gexf_bytes", lambda: network.to_gexf_bytes(graph))
    timed("read_graph_file (GEXF)", lambda: network.read_graph_file(gexf, "g.gexf"))
    positions = timed("layout_positions", lambda: network.layout_positions(graph))
    frames = timed("chart_frames", lambda: network.chart_frames(graph, metrics, positions))
    chart = timed(
        "network_chart + to_dict",
        lambda: network.network_chart(*frames, size_field="betweenness").to_dict(),
    )
    print(f"  GraphML size {len(data) / 1024:.0f} KB; chart spec {len(str(chart)) / 1024:.0f} KB")


def median_ms(action: Callable[[], object], repeats: int = 3) -> float:
    """Return the median wall time of ``repeats`` runs of ``action``, in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def _written(write: Callable[..., None], graph: nx.DiGraph) -> bytes:
    """Return what a networkx writer writes for the graph's exportable copy."""
    buffer = io.BytesIO()
    write(_exportable(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def _reference_metrics(graph: nx.DiGraph) -> None:
    """Compute what metrics_table computed before: betweenness, PageRank, brokers, communities apart."""
    reference_betweenness(graph, 500, 0)
    nx.pagerank(graph, weight="strength")
    reference_brokers(graph, 200, 0)
    network.communities(graph)


FIXED_OFFICES = 27
"""Bali's offices an alert must reach: a Polres, a KPU and a Bawaslu in each of the 9 regencies."""
FIXED_OFFICES_LABEL = f"suggest_faster_links (2), {FIXED_OFFICES} offices"


def bali_offices(graph: nx.DiGraph) -> list[str]:
    """Return the first :data:`FIXED_OFFICES` alert offices of a generated graph, by id.

    A generated graph has offices in proportion to its size (80 at 1,000 institutions, 158 at
    2,000); the faster-link search works per office, so that alone makes it grow as n times the
    offices. Bali has a fixed number, which is what this figure keeps.
    """
    offices = network.alert_targets(institutional_view(graph), network.ALERT_TARGET_TYPES)
    return sorted(node for nodes in offices.values() for node in nodes)[:FIXED_OFFICES]


def scale_pairs(graph: nx.DiGraph) -> dict[str, tuple[Callable[[], object] | None, Callable[[], object]]]:
    """Return each figure's (before, after) actions on one graph (before None: no earlier reference)."""
    graphml = network.to_graphml_bytes(graph)
    gexf = network.to_gexf_bytes(graph)
    offices = bali_offices(graph)
    return {
        "metrics_table": (lambda: _reference_metrics(graph), lambda: network.metrics_table(graph)),
        "broker_table": (lambda: reference_brokers(graph, 200, 0), lambda: network.broker_table(graph)),
        "centrality_table": (
            lambda: reference_betweenness(graph, 500, 0),
            lambda: network.centrality_table(graph),
        ),
        "suggest_faster_links (2)": (
            lambda: reference_faster(graph, 2, None),
            lambda: network.suggest_faster_links(graph, count=2),
        ),
        FIXED_OFFICES_LABEL: (
            None,  # no earlier figure: the search was timed over every office
            lambda: network.suggest_faster_links(graph, count=2, targets=offices),
        ),
        "GraphML write": (
            lambda: _written(write_graphml_xml, graph),
            lambda: network.to_graphml_bytes(graph),
        ),
        "GraphML read": (
            lambda: nx.read_graphml(io.BytesIO(graphml), node_type=str),
            lambda: xmltext.read_graphml(graphml),
        ),
        "GEXF write": (lambda: _written(nx.write_gexf, graph), lambda: network.to_gexf_bytes(graph)),
        "GEXF read": (lambda: _old_gexf(gexf), lambda: network.read_network_file(gexf, "g.gexf")),
        "read_graph_file GraphML (+checks)": (
            lambda: network.institution_frames(network.GraphFile("g", nx.read_graphml(io.BytesIO(graphml)))),
            lambda: network.read_graph_file(graphml, "g.graphml"),
        ),
    }


def scale_figures(
    sizes: tuple[int, ...] = (500, 1000, 2000), repeats: int = 3, *, before: bool = True
) -> dict[str, dict[int, tuple[float | None, float]]]:
    """Return label -> size -> (before ms or None, after ms): the median of ``repeats`` runs each.

    ``before=False`` skips the networkx references (seconds each at 2,000 institutions), for a bench
    that only wants today's figures (bench/bench_all.py).
    """
    found: dict[str, dict[int, tuple[float | None, float]]] = {}
    for size in sizes:
        graph = network.build_graph(*generated(size, 5 * size))
        for label, (reference, after) in scale_pairs(graph).items():
            then = median_ms(reference, repeats) if before and reference is not None else None
            found.setdefault(label, {})[size] = (then, median_ms(after, repeats))
    return found


def scale(sizes: tuple[int, ...] = (500, 1000, 2000)) -> None:
    """Print each figure before and after at each size, and the growth from the last but one size."""
    found = scale_figures(sizes)
    head = "".join(f"{f'{size:,} before / after':>26}" for size in sizes)
    print(f"Scaling (ms, median of 3){'':<15}{head}   growth {sizes[-2]:,}->{sizes[-1]:,} before / after")
    for label, by_size in found.items():
        grow_after = by_size[sizes[-1]][1] / by_size[sizes[-2]][1]
        if by_size[sizes[-1]][0] is None:  # a figure without an earlier reference
            cells = "".join(f"{'-':>12} / {by_size[size][1]:>9.0f}" for size in sizes)
            print(f"  {label:<36}{cells}   {'-':>5} / {grow_after:4.2f}")
            continue
        cells = "".join(f"{by_size[size][0]:>12.0f} / {by_size[size][1]:>9.0f}" for size in sizes)
        grow_before = by_size[sizes[-1]][0] / by_size[sizes[-2]][0]
        speed = by_size[sizes[-1]][0] / by_size[sizes[-1]][1]
        print(f"  {label:<36}{cells}   {grow_before:5.2f} / {grow_after:4.2f}  ({speed:.1f}x faster)")


if __name__ == "__main__":
    if sys.argv[1:] != ["scale"]:
        run("Bundled Bali graph", *bundled())
        run("Generated graph", *generated())
    scale()
