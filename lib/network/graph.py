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
import numpy as np
import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.network.institutions import (
    LINK_COLUMNS,
    LINK_KINDS,
    STAKEHOLDER_COLUMNS,
)
from lib.network.paths import route_shares

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


def institutional_view(graph: nx.DiGraph) -> nx.DiGraph:
    """Return ``graph`` without its political nodes and ties (``graph`` itself when it has none).

    Every coordination figure starts here, so a political tie never shortens a route, carries a
    broker's share or saves an institution from being cut off.
    """
    if not graph.graph.get("political"):
        return graph
    keep = [node for node, political in graph.nodes(data="political") if not political]
    plain = nx.DiGraph()
    plain.add_nodes_from((node, graph.nodes[node]) for node in keep)
    plain.add_edges_from(
        (source, target, data)
        for source, target, data in graph.edges(data=True)
        if not data.get("political") and source in plain and target in plain
    )
    return plain


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


def _betweenness_sources(
    nodes: list[str], max_exact_nodes: int, sample_size: int, seed: int
) -> list[str] | None:
    """Return the sampled sources of betweenness (as ``betweenness_centrality(k=...)``), None = all."""
    k = None if len(nodes) <= max_exact_nodes else min(sample_size, len(nodes))
    if k is None or k == len(nodes):
        return None
    return random.Random(seed).sample(nodes, k)


def _normalised_betweenness(shares: np.ndarray, nodes: list[str], sampled: list[str] | None) -> np.ndarray:
    """Rescale summed dependencies as ``networkx.betweenness_centrality(normalized=True)`` does."""
    others = len(nodes) - 1
    if others < 2:
        return shares
    if sampled is None:
        return shares * (1 / (others * (others - 1)))
    k = len(sampled)
    chosen = set(sampled)
    source_scale = 1 / ((k - 1) * (others - 1)) if k > 1 else math.nan
    scale = np.asarray([source_scale if node in chosen else 1 / (k * (others - 1)) for node in nodes])
    return shares * scale


def _broker_groups(
    simple: nx.Graph, first: Collection[str], second: Collection[str], max_sources: int, seed: int
) -> tuple[list[str], list[str]]:
    """Return the broker sources (the first group, sampled above ``max_sources``) and targets."""
    sources = [node for node, kind in simple.nodes(data="type") if kind in first]
    targets = [node for node, kind in simple.nodes(data="type") if kind in second]
    if len(sources) > max_sources:
        sources = sorted(random.Random(seed).sample(sorted(sources), max_sources))
    return sources, targets


def _route_scores(
    simple: nx.Graph,
    nodes: list[str],
    betweenness_sources: list[str] | None,
    broker_sources: list[str],
    broker_targets: list[str],
) -> tuple[np.ndarray, np.ndarray]:
    """Return betweenness (normalised) and the halved subset betweenness from one shared set of searches.

    ``betweenness_sources`` None means every institution, empty means betweenness is not wanted
    (zeros). Both are rounded to 12 decimals, so that institutions with the same share tie exactly
    whatever the order the routes were summed in (networkx's and ours differ in the last bits).
    """
    plain = nodes if betweenness_sources is None else betweenness_sources
    shares, between = route_shares(simple, nodes, plain, broker_sources, broker_targets)
    betweenness = _normalised_betweenness(shares, nodes, betweenness_sources) if plain else shares
    subset = between * 0.5 if len(nodes) > 2 else between
    return np.round(betweenness, 12), np.round(subset, 12)


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
        sampled sources (as ``networkx.betweenness_centrality(k=...)``, seeded), an estimate
        for national-scale graphs.
    seed
        Seed for the sample.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``type``, ``degree`` (linked institutions), ``in_degree``,
        ``out_degree``, ``betweenness`` (share of shortest routes through it, undirected, 0-1,
        networkx's figure to 12 decimals, counted in compiled code: :mod:`lib.network.paths`)
        and ``pagerank`` (arcs weighted by strength), sorted by betweenness.
    """
    graph = institutional_view(graph)
    simple = undirected_view(graph)
    nodes = list(graph.nodes)
    sampled = _betweenness_sources(nodes, max_exact_nodes, sample_size, seed)
    betweenness, _ = _route_scores(simple, nodes, sampled, [], [])
    return _centrality_frame(graph, simple, betweenness)


def _centrality_frame(graph: nx.DiGraph, simple: nx.Graph, betweenness: np.ndarray) -> pd.DataFrame:
    """Return the table of :func:`centrality_table` around computed betweenness (in node order)."""
    nodes = list(graph.nodes)
    pagerank = nx.pagerank(graph, weight="strength") if len(nodes) else {}
    frame = pd.DataFrame(
        {
            "id": nodes,
            "name": [_name(graph, node) for node in nodes],
            "type": [str(graph.nodes[node].get("type", "")) for node in nodes],
            "degree": [int(simple.degree(node)) for node in nodes],
            "in_degree": [int(graph.in_degree(node)) for node in nodes],
            "out_degree": [int(graph.out_degree(node)) for node in nodes],
            "betweenness": [float(value) for value in betweenness],
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
    it (an estimate, for national-scale graphs). Counted in compiled code
    (:mod:`lib.network.paths`), networkx's figure to 12 decimals.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``type``, ``group`` (first, second or between) and ``broker``, only
        institutions with a score above zero, highest first.
    """
    graph = institutional_view(graph)
    simple = undirected_view(graph)
    nodes = list(simple.nodes)
    sources, targets = _broker_groups(simple, first, second, max_sources, seed)
    if not sources or not targets:
        return _broker_frame(simple, first, second, len(sources) * len(targets), np.zeros(len(nodes)))
    _, subset = _route_scores(simple, nodes, [], sources, targets)
    return _broker_frame(simple, first, second, len(sources) * len(targets), subset)


def _broker_frame(
    simple: nx.Graph, first: Collection[str], second: Collection[str], pairs: int, subset: np.ndarray
) -> pd.DataFrame:
    """Return the table of :func:`broker_table` around the halved subset betweenness (in node order)."""
    if not pairs:
        return pd.DataFrame(columns=["id", "name", "type", "group", "broker"])
    rows = []
    for node, score in zip(simple.nodes, subset, strict=True):
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
    graph = institutional_view(graph)
    return _communities(undirected_view(graph), seed)


def _communities(simple: nx.Graph, seed: int) -> dict[str, int]:
    """Return :func:`communities` of the undirected view."""
    if simple.number_of_nodes() == 0:
        return {}
    groups = nx.community.louvain_communities(simple, weight="strength", seed=seed)
    ordered = sorted((sorted(group) for group in groups), key=lambda members: (-len(members), members[0]))
    return {node: number for number, members in enumerate(ordered) for node in members}


def metrics_table(graph: nx.DiGraph, *, seed: int = 0, max_exact_nodes: int = 500) -> pd.DataFrame:
    """Return one row per institution with its attributes, centralities, broker score and community.

    The same figures as :func:`centrality_table`, :func:`broker_table` and :func:`communities`,
    with one set of route searches shared by betweenness and the broker score.
    """
    graph = institutional_view(graph)
    simple = undirected_view(graph)
    nodes = list(graph.nodes)
    sampled = _betweenness_sources(nodes, max_exact_nodes, 100, seed)
    sources, targets = _broker_groups(simple, SECURITY_TYPES, SOCIAL_TYPES, 200, seed)
    pairs = len(sources) * len(targets)
    betweenness, subset = _route_scores(simple, nodes, sampled, sources if pairs else [], targets)
    table = _centrality_frame(graph, simple, betweenness)
    brokers = _broker_frame(simple, SECURITY_TYPES, SOCIAL_TYPES, pairs, subset)
    brokers = brokers.set_index("id")["broker"].to_dict()
    groups = _communities(simple, seed)
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
