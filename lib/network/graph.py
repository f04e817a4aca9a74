"""Build the coordination graph of the election's institutions, with who matters in it (centralities).

Every figure here is computed with networkx on a :class:`networkx.DiGraph` whose nodes are
stakeholder ids and whose arcs are links (an undirected link is two arcs, the second marked
``mirror``). The time a message takes on a link is unknown for every bundled link, so routes and
alert times use :data:`DEFAULT_ASSUMED_DELAY_HOURS`, or hours the caller passes in: an
ASSUMPTION for comparing routes, not a measured fact. Arcs that use it carry
``delay_assumed=True``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Mapping
from types import MappingProxyType

import networkx as nx
import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.network.institutions import (
    LINK_COLUMNS,
    LINK_KINDS,
    STAKEHOLDER_COLUMNS,
)

POSKO_ID = "posko-pilkada"

# ASSUMPTION, not a fact: hours a message is taken to need on a link of each kind when the data
# give no delay. A command travels fastest, a forum meets least often. Change them in the page.
DEFAULT_ASSUMED_DELAY_HOURS: Mapping[str, float] = MappingProxyType(
    {"command": 1.0, "information": 2.0, "coordination": 4.0, "membership": 12.0}
)
SECURITY_TYPES: tuple[str, ...] = ("police", "military", "intelligence")
SOCIAL_TYPES: tuple[str, ...] = ("customary", "civil_society", "religious")
_NODE_ATTRIBUTES = tuple(column for column in STAKEHOLDER_COLUMNS if column != "id")


def _check_delays(assumed_delay_hours: Mapping[str, float]) -> dict[str, float]:
    """Return the assumed delays as floats, or raise ValueError when a kind is missing or negative."""
    missing = [kind for kind in LINK_KINDS if kind not in assumed_delay_hours]
    if missing:
        raise ValueError(f"assumed_delay_hours needs every link kind; missing {missing}.")
    delays = {kind: float(assumed_delay_hours[kind]) for kind in LINK_KINDS}
    if any(not math.isfinite(hours) or hours < 0 for hours in delays.values()):
        raise ValueError(f"assumed delays must be finite and >= 0, got {delays}.")
    return delays


def build_graph(
    stakeholders: pd.DataFrame,
    links: pd.DataFrame,
    *,
    assumed_delay_hours: Mapping[str, float] = DEFAULT_ASSUMED_DELAY_HOURS,
) -> nx.DiGraph:
    """Build the coordination graph from checked stakeholder and link frames.

    Parameters
    ----------
    stakeholders, links
        Frames from :func:`lib.network.institutions.check_stakeholders` and
        :func:`lib.network.institutions.check_links`. Not modified.
    assumed_delay_hours
        Hours per link kind used where a link has no ``delay_hours`` (an assumption).

    Returns
    -------
    networkx.DiGraph
        Node attributes are the stakeholder columns. Arc attributes: ``kind``, ``strength``,
        ``delay_hours`` (the data, NaN if unknown), ``delay`` (the hours used for routes),
        ``delay_assumed``, ``assumption``, ``directed``, ``channel``, ``source_ref``, ``note``,
        ``classification`` and ``mirror`` (True on the second arc of an undirected link).
        When two links join the same pair in the same direction, the faster one is kept.
    """
    delays = _check_delays(assumed_delay_hours)
    graph = nx.DiGraph()
    for record in stakeholders[list(STAKEHOLDER_COLUMNS)].to_dict("records"):
        graph.add_node(str(record["id"]), **{key: str(record[key]) for key in _NODE_ATTRIBUTES})
    for record in links[list(LINK_COLUMNS)].to_dict("records"):
        source, target = str(record["source_id"]), str(record["target_id"])
        if source not in graph or target not in graph:
            raise ValueError(f"link {source} -> {target} names an institution missing from the frame.")
        hours = float(record["delay_hours"])
        known = not math.isnan(hours)
        attributes = {
            "kind": str(record["kind"]),
            "strength": int(record["strength"]),
            "delay_hours": hours,
            "delay": hours if known else delays[str(record["kind"])],
            "delay_assumed": not known,
            "assumption": bool(record["assumption"]),
            "directed": bool(record["directed"]),
            "channel": str(record["channel"]),
            "source_ref": str(record["source_ref"]),
            "note": str(record["note"]),
            "classification": str(record["classification"]),
        }
        _add_arc(graph, source, target, {**attributes, "mirror": False})
        if not attributes["directed"]:
            _add_arc(graph, target, source, {**attributes, "mirror": True})
    return graph


def _add_arc(graph: nx.DiGraph, source: str, target: str, attributes: dict[str, object]) -> None:
    """Add an arc, keeping an existing one if it is at least as fast."""
    existing = graph.get_edge_data(source, target)
    if existing is not None and float(existing["delay"]) <= float(attributes["delay"]):  # type: ignore[arg-type]
        return
    graph.add_edge(source, target, **attributes)


def undirected_view(graph: nx.DiGraph) -> nx.Graph:
    """Return the graph without directions: one edge per linked pair, ``delay`` the faster arc's."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for source, target, data in graph.edges(data=True):
        if simple.has_edge(source, target) and simple[source][target].get("delay", 0.0) <= data.get(
            "delay", 0.0
        ):
            continue
        simple.add_edge(source, target, **data)
    return simple


def _require_node(graph: nx.DiGraph, node: str, lang: str) -> None:
    """Raise DataProblem when the Posko (or another needed institution) is not in the graph."""
    if node not in graph:
        raise DataProblem(t("network.missing_node", lang, id=node), t("network.missing_node_fix", lang))


def _name(graph: nx.Graph, node: str) -> str:
    """Return the display name of a node, falling back to its id."""
    return str(graph.nodes[node].get("name") or node)


# --- Who matters: centrality, brokers, communities -------------------------------------------------


def centrality_table(
    graph: nx.DiGraph, *, max_exact_nodes: int = 500, sample_size: int = 100, seed: int = 0
) -> pd.DataFrame:
    """Return degree, betweenness and PageRank for every institution.

    Parameters
    ----------
    graph
        Graph from :func:`build_graph`. Not modified.
    max_exact_nodes, sample_size
        Above ``max_exact_nodes`` institutions betweenness is estimated from ``sample_size``
        sampled sources (``networkx.betweenness_centrality(k=...)``, seeded), an estimate that
        keeps 2,000 institutions within seconds.
    seed
        Seed for the sample.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``type``, ``degree`` (linked institutions), ``in_degree``,
        ``out_degree``, ``betweenness`` (share of shortest routes through it, undirected, 0-1)
        and ``pagerank`` (arcs weighted by strength), sorted by betweenness.
    """
    simple = undirected_view(graph)
    nodes = list(graph.nodes)
    k = None if len(nodes) <= max_exact_nodes else min(sample_size, len(nodes))
    betweenness = nx.betweenness_centrality(simple, k=k, seed=seed, normalized=True)
    pagerank = nx.pagerank(graph, weight="strength") if len(nodes) else {}
    frame = pd.DataFrame(
        {
            "id": nodes,
            "name": [_name(graph, node) for node in nodes],
            "type": [str(graph.nodes[node].get("type", "")) for node in nodes],
            "degree": [int(simple.degree(node)) for node in nodes],
            "in_degree": [int(graph.in_degree(node)) for node in nodes],
            "out_degree": [int(graph.out_degree(node)) for node in nodes],
            "betweenness": [float(betweenness[node]) for node in nodes],
            "pagerank": [float(pagerank[node]) for node in nodes],
        }
    )
    return frame.sort_values(["betweenness", "id"], ascending=[False, True], ignore_index=True)


def broker_table(
    graph: nx.DiGraph,
    *,
    first: Collection[str] = SECURITY_TYPES,
    second: Collection[str] = SOCIAL_TYPES,
    max_sources: int = 200,
    seed: int = 0,
) -> pd.DataFrame:
    """Return the institutions that carry the shortest routes between two groups of types.

    By default the groups are the security cluster (police, military, intelligence) and the
    social cluster (customary, civil society, religious). The score is
    ``networkx.betweenness_centrality_subset`` on the undirected graph (which halves undirected
    counts, so doubled here) divided by the number of pairs: the average share of shortest
    routes between a member of each group that pass through the institution. With more than
    ``max_sources`` institutions in the first group, a seeded sample of that many stands in for
    it (an estimate, for national-scale graphs).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``type``, ``group`` (first, second or between) and ``broker``, only
        institutions with a score above zero, highest first.
    """
    simple = undirected_view(graph)
    sources = [node for node, kind in simple.nodes(data="type") if kind in first]
    targets = [node for node, kind in simple.nodes(data="type") if kind in second]
    if len(sources) > max_sources:
        sources = sorted(random.Random(seed).sample(sorted(sources), max_sources))
    pairs = len(sources) * len(targets)
    if not pairs:
        return pd.DataFrame(columns=["id", "name", "type", "group", "broker"])
    scores = nx.betweenness_centrality_subset(simple, sources=sources, targets=targets, normalized=False)
    rows = []
    for node, score in scores.items():
        if score <= 0:
            continue
        kind = str(simple.nodes[node].get("type", ""))
        group = "first" if kind in first else "second" if kind in second else "between"
        rows.append(
            {
                "id": node,
                "name": _name(simple, node),
                "type": kind,
                "group": group,
                "broker": 2 * float(score) / pairs,
            }
        )
    frame = pd.DataFrame(rows, columns=["id", "name", "type", "group", "broker"])
    return frame.sort_values(["broker", "id"], ascending=[False, True], ignore_index=True)


def communities(graph: nx.DiGraph, *, seed: int = 0) -> dict[str, int]:
    """Return a community number per institution (Louvain on the undirected graph, seeded).

    Communities are numbered by size, largest first (ties by smallest id), so the numbers stay
    the same from run to run.
    """
    simple = undirected_view(graph)
    if simple.number_of_nodes() == 0:
        return {}
    groups = nx.community.louvain_communities(simple, weight="strength", seed=seed)
    ordered = sorted((sorted(group) for group in groups), key=lambda members: (-len(members), members[0]))
    return {node: number for number, members in enumerate(ordered) for node in members}


def metrics_table(graph: nx.DiGraph, *, seed: int = 0, max_exact_nodes: int = 500) -> pd.DataFrame:
    """Return one row per institution with its attributes, centralities, broker score and community."""
    table = centrality_table(graph, max_exact_nodes=max_exact_nodes, seed=seed)
    brokers = broker_table(graph, seed=seed).set_index("id")["broker"].to_dict()
    groups = communities(graph, seed=seed)
    attributes = pd.DataFrame(
        [
            {"id": node, **{key: str(data.get(key, "")) for key in _NODE_ATTRIBUTES}}
            for node, data in graph.nodes(data=True)
        ],
        columns=["id", *_NODE_ATTRIBUTES],
    )
    table = attributes.merge(table.drop(columns=["name", "type"]), on="id", how="left")
    table["broker"] = [float(brokers.get(node, 0.0)) for node in table["id"]]
    table["community"] = [int(groups.get(node, -1)) for node in table["id"]]
    return table.sort_values(["betweenness", "id"], ascending=[False, True], ignore_index=True)
