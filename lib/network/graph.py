"""Build and query the coordination graph of the institutions that secure the election.

Every figure here is computed with networkx on a :class:`networkx.DiGraph` whose nodes are
stakeholder ids and whose arcs are links (an undirected link is two arcs, the second marked
``mirror``). The time a message takes on a link is unknown for every bundled link, so routes and
alert times use :data:`DEFAULT_ASSUMED_DELAY_HOURS`, or hours the caller passes in: an
ASSUMPTION for comparing routes, not a measured fact. Arcs that use it carry
``delay_assumed=True``.
"""

from __future__ import annotations

import io
import math
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import networkx as nx
import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.network.institutions import (
    LINK_COLUMNS,
    LINK_KINDS,
    STAKEHOLDER_COLUMNS,
    check_links,
    check_stakeholders,
)

POSKO_ID = "posko-pilkada"

# ASSUMPTION, not a fact: hours a message is taken to need on a link of each kind when the data
# give no delay. A command travels fastest, a forum meets least often. Change them in the page.
DEFAULT_ASSUMED_DELAY_HOURS: Mapping[str, float] = MappingProxyType(
    {"command": 1.0, "information": 2.0, "coordination": 4.0, "membership": 12.0}
)
SECURITY_TYPES: tuple[str, ...] = ("police", "military", "intelligence")
SOCIAL_TYPES: tuple[str, ...] = ("customary", "civil_society", "religious")
ALERT_TARGET_TYPES: tuple[str, ...] = ("police", "election_body")
COMPARE_STATUSES: tuple[str, ...] = (
    "removed",
    "cut_off",
    "unreachable",
    "slower",
    "reconnected",
    "faster",
    "unchanged",
    "added",
)
_NODE_ATTRIBUTES = tuple(column for column in STAKEHOLDER_COLUMNS if column != "id")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_NODE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?node[\s/>]")


@dataclass(frozen=True)
class Scenario:
    """A what-if: institutions taken out, links cut and links added (undirected, with a kind).

    The fields are normalised on creation (sorted, without repeats, link ends in id order), so
    two scenarios that mean the same compare equal and encode to the same text.
    """

    removed_nodes: tuple[str, ...] = ()
    removed_links: tuple[tuple[str, str], ...] = ()
    added_links: tuple[tuple[str, str, str], ...] = ()

    def __post_init__(self) -> None:
        for kind in (link[2] for link in self.added_links):
            if kind not in LINK_KINDS:
                raise ValueError(f"link kind must be one of {LINK_KINDS}, got {kind!r}.")
        removed = tuple(sorted(set(self.removed_nodes)))
        cut = tuple(sorted({(min(a, b), max(a, b)) for a, b in self.removed_links}))
        added = tuple(sorted({(min(a, b), max(a, b), kind) for a, b, kind in self.added_links}))
        object.__setattr__(self, "removed_nodes", removed)
        object.__setattr__(self, "removed_links", cut)
        object.__setattr__(self, "added_links", added)

    def is_empty(self) -> bool:
        """Return True when the scenario changes nothing."""
        return not (self.removed_nodes or self.removed_links or self.added_links)


@dataclass(frozen=True)
class Suggestions:
    """New links proposed by a greedy search, with what each saves and how they were found."""

    links: pd.DataFrame
    method: str = field(default="")


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
        Frames from :func:`lib.stakeholders.check_stakeholders` and
        :func:`lib.stakeholders.check_links`. Not modified.
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


# --- Single points of failure ----------------------------------------------------------------------


def _posko_component(simple: nx.Graph, posko_id: str, removed: Collection[str] = ()) -> set[str]:
    """Return the institutions still joined to the Posko once ``removed`` are taken out."""
    view = nx.restricted_view(simple, list(removed), []) if removed else simple
    return set(nx.node_connected_component(view, posko_id))


def _cut_offs(simple: nx.Graph, posko_id: str) -> list[tuple[str, list[str]]]:
    """Return each articulation point (not the Posko) with the institutions its loss cuts off."""
    base = _posko_component(simple, posko_id)
    found = []
    for node in sorted(nx.articulation_points(simple)):
        if node == posko_id or node not in base:
            continue
        lost = sorted(base - {node} - _posko_component(simple, posko_id, [node]))
        if lost:
            found.append((node, lost))
    return found


def single_points_of_failure(
    graph: nx.DiGraph, *, posko_id: str = POSKO_ID, lang: str = "id"
) -> pd.DataFrame:
    """Return the institutions and links whose loss alone cuts others off from the Posko.

    Articulation points and bridges of the undirected graph (``networkx.articulation_points``,
    ``networkx.bridges``). The Posko itself is not listed.

    Returns
    -------
    pandas.DataFrame
        ``what`` ("node" or "link"), ``id`` (an id, or "a~b" for a link), ``name``,
        ``cut_off_ids`` (tuple), ``cut_off_names`` (text) and ``cut_off_count``, most cut off
        first.

    Examples
    --------
    >>> g = nx.DiGraph([("posko-pilkada", "b"), ("b", "posko-pilkada"), ("b", "c"), ("c", "b")])
    >>> single_points_of_failure(g)[["id", "cut_off_count"]].to_dict("list")
    {'id': ['b~posko-pilkada', 'b', 'b~c'], 'cut_off_count': [2, 1, 1]}
    """
    _require_node(graph, posko_id, lang)
    simple = undirected_view(graph)
    base = _posko_component(simple, posko_id)
    rows = [
        _cut_row(simple, "node", node, _name(simple, node), lost)
        for node, lost in _cut_offs(simple, posko_id)
    ]
    for a, b in nx.bridges(simple):
        if a not in base:
            continue
        first, second = sorted((a, b))
        view = nx.restricted_view(simple, [], [(a, b)])
        lost = sorted(base - set(nx.node_connected_component(view, posko_id)))
        if lost:
            label = f"{_name(simple, first)} \u2013 {_name(simple, second)}"
            rows.append(_cut_row(simple, "link", f"{first}~{second}", label, lost))
    frame = pd.DataFrame(
        rows, columns=["what", "id", "name", "cut_off_ids", "cut_off_names", "cut_off_count"]
    )
    return frame.sort_values(
        ["cut_off_count", "what", "id"], ascending=[False, False, True], ignore_index=True
    )


def _cut_row(simple: nx.Graph, what: str, ident: str, name: str, lost: list[str]) -> dict[str, object]:
    """Return one row of the single-points-of-failure table."""
    return {
        "what": what,
        "id": ident,
        "name": name,
        "cut_off_ids": tuple(lost),
        "cut_off_names": ", ".join(_name(simple, node) for node in lost),
        "cut_off_count": len(lost),
    }


def exposure(graph: nx.DiGraph, *, posko_id: str = POSKO_ID, lang: str = "id") -> int:
    """Return how many institutions a single lost institution could cut off, summed over all of them.

    Examples
    --------
    >>> path = nx.DiGraph([("posko-pilkada", "b"), ("b", "c"), ("c", "d")])
    >>> exposure(path)  # losing b cuts off c and d, losing c cuts off d
    3
    """
    _require_node(graph, posko_id, lang)
    return sum(len(lost) for _, lost in _cut_offs(undirected_view(graph), posko_id))


# --- Reach of the Posko ----------------------------------------------------------------------------


def _has_assumption(graph: nx.DiGraph, path: list[str]) -> bool:
    """Return True if any arc on ``path`` is marked as an assumption."""
    return any(bool(graph[a][b].get("assumption")) for a, b in zip(path, path[1:], strict=False))


def posko_reach(graph: nx.DiGraph, *, posko_id: str = POSKO_ID, lang: str = "id") -> pd.DataFrame:
    """Return the fastest route from the Posko to every institution, and back.

    Routes follow arc directions and add up ``delay`` hours (Dijkstra,
    ``networkx.single_source_dijkstra``); most delays are assumed, see the module docstring.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``type``, ``level``, ``region_code``; ``hours_from_posko``,
        ``hops_from_posko``, ``route_from_posko`` (tuple of ids), ``assumed_from_posko`` (an arc
        on the route is an assumption); the same four ``..._to_posko``. Unreachable: NaN hours,
        hops -1, an empty route.

    Examples
    --------
    >>> g = nx.DiGraph()
    >>> g.add_edge("posko-pilkada", "b", delay=2.0, assumption=False)
    >>> g.add_edge("b", "c", delay=3.0, assumption=False)
    >>> float(posko_reach(g).set_index("id").loc["c", "hours_from_posko"])
    5.0
    """
    _require_node(graph, posko_id, lang)
    out_hours, out_paths = nx.single_source_dijkstra(graph, posko_id, weight="delay")
    back = graph.reverse(copy=False)
    in_hours, in_paths = nx.single_source_dijkstra(back, posko_id, weight="delay")
    rows = []
    for node, data in graph.nodes(data=True):
        route_out = out_paths.get(node, [])
        route_in = list(reversed(in_paths.get(node, [])))
        rows.append(
            {
                "id": node,
                "name": _name(graph, node),
                "type": str(data.get("type", "")),
                "level": str(data.get("level", "")),
                "region_code": str(data.get("region_code", "")),
                "hours_from_posko": float(out_hours[node]) if node in out_hours else math.nan,
                "hops_from_posko": len(route_out) - 1,
                "route_from_posko": tuple(route_out),
                "assumed_from_posko": _has_assumption(graph, route_out),
                "hours_to_posko": float(in_hours[node]) if node in in_hours else math.nan,
                "hops_to_posko": len(route_in) - 1,
                "route_to_posko": tuple(route_in),
                "assumed_to_posko": _has_assumption(graph, route_in),
            }
        )
    return pd.DataFrame(rows)


def route_names(graph: nx.DiGraph, route: Iterable[str]) -> str:
    """Return a route as names joined by arrows, for tables and tooltips."""
    return " \u2192 ".join(_name(graph, node) for node in route)


def alert_targets(
    graph: nx.DiGraph, target_types: Collection[str] = ALERT_TARGET_TYPES, level: str = "regency"
) -> dict[str, list[str]]:
    """Return the offices an alert must reach per region code: ``target_types`` at ``level``."""
    targets: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        if data.get("type") in target_types and data.get("level") == level and data.get("region_code"):
            targets.setdefault(str(data["region_code"]), []).append(node)
    return {code: sorted(nodes) for code, nodes in sorted(targets.items())}


def alert_times(
    graph: nx.DiGraph,
    *,
    posko_id: str = POSKO_ID,
    target_types: Collection[str] = ALERT_TARGET_TYPES,
    lang: str = "id",
) -> pd.DataFrame:
    """Return, per regency, the hours until an alert from the Posko reaches all its offices.

    The offices are the regency-level institutions of ``target_types`` (by default the Polres
    and the KPU and Bawaslu offices). The time is the slowest of their fastest routes.

    Returns
    -------
    pandas.DataFrame
        ``region_code``, ``targets`` (count), ``reached`` (count), ``hours`` (NaN when an office
        cannot be reached at all), ``slowest_id``, ``slowest_name``, ``unreachable_names``;
        worst first: regencies with unreachable offices, then the slowest.
    """
    _require_node(graph, posko_id, lang)
    hours = nx.single_source_dijkstra_path_length(graph, posko_id, weight="delay")
    rows = []
    for code, nodes in alert_targets(graph, target_types).items():
        reached = [node for node in nodes if node in hours]
        missing = [node for node in nodes if node not in hours]
        slowest = max(reached, key=lambda node: (hours[node], node)) if reached else ""
        rows.append(
            {
                "region_code": code,
                "targets": len(nodes),
                "reached": len(reached),
                "hours": math.nan if missing or not reached else float(hours[slowest]),
                "slowest_id": slowest,
                "slowest_name": _name(graph, slowest) if slowest else "",
                "unreachable_names": ", ".join(_name(graph, node) for node in missing),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "region_code",
            "targets",
            "reached",
            "hours",
            "slowest_id",
            "slowest_name",
            "unreachable_names",
        ],
    )
    frame["_unreached"] = frame["targets"] - frame["reached"]
    frame = frame.sort_values(["_unreached", "hours", "region_code"], ascending=[False, False, True])
    return frame.drop(columns="_unreached").reset_index(drop=True)


# --- Coverage per regency --------------------------------------------------------------------------

CHAIN_STEPS: tuple[str, ...] = ("posko_to_police", "police_to_election", "election_to_customary")


def coverage(graph: nx.DiGraph, *, posko_id: str = POSKO_ID, lang: str = "id") -> pd.DataFrame:
    """Return, per regency, whether the chain Posko -> Polres -> Bawaslu/KPU -> desa adat works.

    Step 1 is any route from the Posko to a regency police office. Steps 2 and 3 are direct
    links inside the regency: from that police office to a regency election body (Bawaslu or
    KPU), and from that body to a customary institution of the regency. A step is
    "documented" when it works without any arc marked as an assumption.

    Returns
    -------
    pandas.DataFrame
        ``region_code``; per step in :data:`CHAIN_STEPS` a bool column and a ``..._documented``
        bool column; ``chain``, ``chain_documented``; ``gaps`` (text in ``lang``: missing or
        assumed steps; empty when the documented chain is complete).
    """
    _require_node(graph, posko_id, lang)
    documented = nx.subgraph_view(graph, filter_edge=lambda a, b: not graph[a][b].get("assumption"))
    reach_any = set(nx.descendants(graph, posko_id))
    reach_documented = set(nx.descendants(documented, posko_id))
    regions: dict[str, dict[str, list[str]]] = {}
    for node, data in graph.nodes(data=True):
        code = str(data.get("region_code", ""))
        role = {"police": "police", "election_body": "election", "customary": "customary"}.get(
            str(data.get("type"))
        )
        if role and data.get("level") in ("regency", "district", "village") and code:
            regions.setdefault(code, {"police": [], "election": [], "customary": []})[role].append(node)
    rows = []
    for code, members in sorted(regions.items()):
        police_any = {node for node in members["police"] if node in reach_any}
        police_doc = {node for node in members["police"] if node in reach_documented}
        election_any = _linked(graph, police_any, members["election"], documented_only=False)
        election_doc = _linked(graph, police_doc, members["election"], documented_only=True)
        customary_any = _linked(graph, election_any, members["customary"], documented_only=False)
        customary_doc = _linked(graph, election_doc, members["customary"], documented_only=True)
        steps = {
            "posko_to_police": (bool(police_any), bool(police_doc)),
            "police_to_election": (bool(election_any), bool(election_doc)),
            "election_to_customary": (bool(customary_any), bool(customary_doc)),
        }
        gaps = []
        for step, (works, sure) in steps.items():
            if not works:
                gaps.append(t("network.gap.missing", lang, step=t(f"network.step.{step}", lang)))
            elif not sure:
                gaps.append(t("network.gap.assumed", lang, step=t(f"network.step.{step}", lang)))
        row: dict[str, object] = {"region_code": code}
        for step, (works, sure) in steps.items():
            row[step] = works
            row[f"{step}_documented"] = sure
        row["chain"] = bool(customary_any)
        row["chain_documented"] = bool(customary_doc)
        row["gaps"] = "; ".join(gaps)
        rows.append(row)
    columns = ["region_code"]
    for step in CHAIN_STEPS:
        columns += [step, f"{step}_documented"]
    return pd.DataFrame(rows, columns=[*columns, "chain", "chain_documented", "gaps"])


def _linked(
    graph: nx.DiGraph, starts: Iterable[str], ends: Iterable[str], *, documented_only: bool
) -> set[str]:
    """Return the ``ends`` with a direct arc from one of ``starts`` (arcs not assumed, if asked)."""
    found = set()
    for start in starts:
        for end in ends:
            data = graph.get_edge_data(start, end)
            if data is not None and not (documented_only and data.get("assumption")):
                found.add(end)
    return found


# --- Suggestions -----------------------------------------------------------------------------------


def _scenario_arc(kind: str, hours: float) -> dict[str, object]:
    """Return the attributes of an arc added by a scenario or a suggestion."""
    return {
        "kind": kind,
        "strength": 1,
        "delay_hours": math.nan,
        "delay": hours,
        "delay_assumed": True,
        "assumption": True,
        "directed": False,
        "channel": "",
        "source_ref": "",
        "note": "",
        "classification": "TERBUKA",
        "mirror": False,
        "scenario": True,
    }


def _add_link(graph: nx.DiGraph, a: str, b: str, kind: str, hours: float) -> None:
    """Add an undirected hypothetical link (two arcs) in place; callers own ``graph``."""
    graph.add_edge(a, b, **_scenario_arc(kind, hours))
    graph.add_edge(b, a, **{**_scenario_arc(kind, hours), "mirror": True})


def _alert_key(hours: Mapping[str, float], targets: list[str]) -> tuple[int, float, float]:
    """Return (unreached offices, worst hours, total hours) for ranking alert networks."""
    reached = [hours[node] for node in targets if node in hours]
    return (len(targets) - len(reached), max(reached, default=0.0), float(sum(reached)))


def suggest_faster_links(
    graph: nx.DiGraph,
    *,
    posko_id: str = POSKO_ID,
    count: int = 2,
    kind: str = "coordination",
    assumed_delay_hours: Mapping[str, float] = DEFAULT_ASSUMED_DELAY_HOURS,
    sources: Collection[str] | None = None,
    target_types: Collection[str] = ALERT_TARGET_TYPES,
    targets: Collection[str] | None = None,
    lang: str = "id",
) -> Suggestions:
    """Return up to ``count`` new links that most shorten the slowest alert from the Posko.

    Greedy search: each round tries a new link of ``kind`` (taking the assumed hours of that
    kind) from each of ``sources`` (default: the Posko) to every institution not yet linked to
    it, keeps the one that leaves the fewest regency offices unreachable, then the lowest worst
    alert time, then the lowest total, adds it and starts the next round. ``targets`` narrows the
    offices to some ids (e.g. only Polres and Bawaslu); by default all regency offices of
    ``target_types`` count. The distance from each
    candidate to each office comes from one Dijkstra per office on the reversed graph, so a
    round costs one Dijkstra per office. Greedy picks are good, not proven best.

    Returns
    -------
    Suggestions
        ``links`` has ``rank``, ``source_id``, ``target_id``, ``source_name``, ``target_name``,
        ``kind``, ``worst_hours_before``, ``worst_hours_after``, ``hours_saved`` (worst alert),
        ``total_hours_saved`` (all offices together), ``unreached_before``, ``unreached_after``;
        ``method`` says how it was found, in ``lang``.
    """
    _require_node(graph, posko_id, lang)
    if kind not in LINK_KINDS:
        raise ValueError(f"kind must be one of {LINK_KINDS}, got {kind!r}.")
    hours_per_link = _check_delays(assumed_delay_hours)[kind]
    starts = [posko_id] if sources is None else [node for node in sources if node in graph]
    work = graph.copy()
    offices = [node for nodes in alert_targets(work, target_types).values() for node in nodes]
    chosen = offices if targets is None else [node for node in offices if node in set(targets)]
    rows = []
    for rank in range(1, count + 1):
        hours = nx.single_source_dijkstra_path_length(work, posko_id, weight="delay")
        before = _alert_key(hours, chosen)
        back = work.reverse(copy=False)
        to_target = {
            node: nx.single_source_dijkstra_path_length(back, node, weight="delay") for node in chosen
        }
        best: tuple[tuple[int, float, float], str, str] | None = None
        for candidate in sorted(work.nodes):
            options = [s for s in starts if s != candidate and s in hours and not work.has_edge(s, candidate)]
            if not options:
                continue
            start = min(options, key=lambda s: (hours[s], s))
            lead = hours[start] + hours_per_link
            trial = dict(hours)
            for node in chosen:
                via = to_target[node].get(candidate)
                if via is not None and lead + via < trial.get(node, math.inf):
                    trial[node] = lead + via
            key = _alert_key(trial, chosen)
            if key < before and (best is None or key < best[0]):
                best = (key, start, candidate)
        if best is None:
            break
        key, start, candidate = best
        _add_link(work, start, candidate, kind, hours_per_link)
        rows.append(
            {
                "rank": rank,
                "source_id": start,
                "target_id": candidate,
                "source_name": _name(work, start),
                "target_name": _name(work, candidate),
                "kind": kind,
                "worst_hours_before": before[1],
                "worst_hours_after": key[1],
                "hours_saved": before[1] - key[1],
                "total_hours_saved": before[2] - key[2],
                "unreached_before": before[0],
                "unreached_after": key[0],
            }
        )
    columns = [
        "rank",
        "source_id",
        "target_id",
        "source_name",
        "target_name",
        "kind",
        "worst_hours_before",
        "worst_hours_after",
        "hours_saved",
        "total_hours_saved",
        "unreached_before",
        "unreached_after",
    ]
    method = t(
        "network.suggest.method_faster", lang, kind=t(f"network.kind.{kind}", lang), hours=hours_per_link
    )
    return Suggestions(pd.DataFrame(rows, columns=columns), method)


def suggest_backup_links(
    graph: nx.DiGraph,
    *,
    posko_id: str = POSKO_ID,
    count: int = 2,
    kind: str = "coordination",
    assumed_delay_hours: Mapping[str, float] = DEFAULT_ASSUMED_DELAY_HOURS,
    sources: Collection[str] | None = None,
    lang: str = "id",
) -> Suggestions:
    """Return up to ``count`` new links that most reduce what a single loss could cut off.

    Greedy search: each round tries a new link from each of ``sources`` (default: the Posko) to
    every institution that some single loss would cut off, and keeps the one that most lowers
    :func:`exposure` (the number of institutions cut off, summed over all articulation points).

    Returns
    -------
    Suggestions
        ``links`` has ``rank``, ``source_id``, ``target_id``, ``source_name``, ``target_name``,
        ``kind``, ``exposure_before``, ``exposure_after``, ``protected`` (the difference) and
        ``no_longer_critical`` (names of institutions that stop being single points of failure).
    """
    _require_node(graph, posko_id, lang)
    if kind not in LINK_KINDS:
        raise ValueError(f"kind must be one of {LINK_KINDS}, got {kind!r}.")
    hours_per_link = _check_delays(assumed_delay_hours)[kind]
    starts = [posko_id] if sources is None else [node for node in sources if node in graph]
    simple = undirected_view(graph)
    rows = []
    for rank in range(1, count + 1):
        critical = _cut_offs(simple, posko_id)
        before = sum(len(lost) for _, lost in critical)
        if before == 0:
            break
        candidates = sorted({node for _, lost in critical for node in lost})
        best: tuple[int, str, str] | None = None
        for candidate in candidates:
            for start in starts:
                if start == candidate or simple.has_edge(start, candidate):
                    continue
                simple.add_edge(start, candidate)
                after = sum(len(lost) for _, lost in _cut_offs(simple, posko_id))
                simple.remove_edge(start, candidate)
                if after < before and (best is None or (after, start, candidate) < best):
                    best = (after, start, candidate)
        if best is None:
            break
        after, start, candidate = best
        simple.add_edge(start, candidate, **_scenario_arc(kind, hours_per_link))
        still = {node for node, _ in _cut_offs(simple, posko_id)}
        freed = sorted({node for node, _ in critical} - still)
        rows.append(
            {
                "rank": rank,
                "source_id": start,
                "target_id": candidate,
                "source_name": _name(simple, start),
                "target_name": _name(simple, candidate),
                "kind": kind,
                "exposure_before": before,
                "exposure_after": after,
                "protected": before - after,
                "no_longer_critical": ", ".join(_name(simple, node) for node in freed),
            }
        )
    columns = [
        "rank",
        "source_id",
        "target_id",
        "source_name",
        "target_name",
        "kind",
        "exposure_before",
        "exposure_after",
        "protected",
        "no_longer_critical",
    ]
    method = t("network.suggest.method_backup", lang, kind=t(f"network.kind.{kind}", lang))
    return Suggestions(pd.DataFrame(rows, columns=columns), method)


# --- What-if ---------------------------------------------------------------------------------------


def apply_scenario(
    graph: nx.DiGraph,
    removed_nodes: Iterable[str] = (),
    removed_links: Iterable[tuple[str, str]] = (),
    added_links: Iterable[tuple[str, str, str]] = (),
    *,
    assumed_delay_hours: Mapping[str, float] = DEFAULT_ASSUMED_DELAY_HOURS,
    lang: str = "id",
) -> nx.DiGraph:
    """Return a copy of ``graph`` with institutions removed, links cut and links added.

    A cut link loses both directions. An added link is undirected, takes the assumed hours of
    its kind and is marked ``assumption`` and ``scenario``.

    Raises
    ------
    DataProblem
        If an id is not in the graph, a link to cut does not exist, or a link to add already
        exists or touches a removed institution.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> sorted(apply_scenario(g, removed_nodes=["b"]).nodes)
    ['a', 'c']
    >>> sorted(g.nodes)
    ['a', 'b', 'c']
    """
    delays = _check_delays(assumed_delay_hours)
    changed = graph.copy()
    for node in removed_nodes:
        if node not in changed:
            raise _unknown_id(node, lang)
        changed.remove_node(node)
    for a, b in removed_links:
        for node in (a, b):
            if node not in changed:
                raise _unknown_id(node, lang)
        if not (changed.has_edge(a, b) or changed.has_edge(b, a)):
            raise DataProblem(
                t("network.no_such_link", lang, a=_name(changed, a), b=_name(changed, b)),
                t("network.no_such_link_fix", lang),
            )
        for source, target in ((a, b), (b, a)):
            if changed.has_edge(source, target):
                changed.remove_edge(source, target)
    for a, b, kind in added_links:
        for node in (a, b):
            if node not in changed:
                raise _unknown_id(node, lang)
        if kind not in LINK_KINDS:
            raise ValueError(f"link kind must be one of {LINK_KINDS}, got {kind!r}.")
        if a == b or changed.has_edge(a, b) or changed.has_edge(b, a):
            raise DataProblem(
                t("network.link_exists", lang, a=_name(changed, a), b=_name(changed, b)),
                t("network.link_exists_fix", lang),
            )
        _add_link(changed, a, b, kind, delays[kind])
    return changed


def _unknown_id(node: str, lang: str) -> DataProblem:
    """Return the problem for an id that names no institution."""
    return DataProblem(t("network.unknown_id", lang, id=node), t("network.unknown_id_fix", lang))


def timing_change(then: float, now: float) -> str:
    """Return how a route time changed: unreachable, reconnected, slower, faster or unchanged (NaN = none).

    >>> timing_change(2.0, float("nan")), timing_change(2.0, 3.0), timing_change(2.0, 2.0)
    ('unreachable', 'slower', 'unchanged')
    """
    if not math.isnan(then) and math.isnan(now):
        return "unreachable"
    if math.isnan(then) and not math.isnan(now):
        return "reconnected"
    if not math.isnan(then) and now > then + 1e-9:
        return "slower"
    if not math.isnan(then) and now < then - 1e-9:
        return "faster"
    return "unchanged"


def compare(
    before: nx.DiGraph, after: nx.DiGraph, *, posko_id: str = POSKO_ID, lang: str = "id"
) -> pd.DataFrame:
    """Return every institution's line to the Posko before and after a change, side by side.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``type``, ``connected_before``/``connected_after`` (joined to the
        Posko at all, ignoring directions), ``hours_before``/``hours_after`` (fastest alert
        from the Posko, NaN = unreachable), ``hours_change`` (after - before), ``status`` (one
        of :data:`COMPARE_STATUSES`) and ``status_label`` in ``lang``; the worst changes first.
        When the Posko itself is removed, every other institution is cut off.
    """
    _require_node(before, posko_id, lang)
    hours_before = nx.single_source_dijkstra_path_length(before, posko_id, weight="delay")
    joined_before = _posko_component(undirected_view(before), posko_id)
    if posko_id in after:
        hours_after = nx.single_source_dijkstra_path_length(after, posko_id, weight="delay")
        joined_after = _posko_component(undirected_view(after), posko_id)
    else:
        hours_after, joined_after = {}, set()
    rows = []
    for node in list(before.nodes) + [node for node in after.nodes if node not in before]:
        graph = before if node in before else after
        then = float(hours_before[node]) if node in hours_before else math.nan
        now = float(hours_after[node]) if node in hours_after else math.nan
        if node not in after:
            status = "removed"
        elif node not in before:
            status = "added"
        elif node in joined_before and node not in joined_after:
            status = "cut_off"
        else:
            status = timing_change(then, now)
        rows.append(
            {
                "id": node,
                "name": _name(graph, node),
                "type": str(graph.nodes[node].get("type", "")),
                "connected_before": node in joined_before,
                "connected_after": node in joined_after,
                "hours_before": then,
                "hours_after": now,
                "hours_change": now - then,
                "status": status,
                "status_label": t(f"network.status.{status}", lang),
            }
        )
    frame = pd.DataFrame(rows)
    frame["_order"] = frame["status"].map({status: n for n, status in enumerate(COMPARE_STATUSES)})
    frame = frame.sort_values(["_order", "hours_change", "id"], ascending=[True, False, True])
    return frame.drop(columns="_order").reset_index(drop=True)


def compare_alert_times(
    before: nx.DiGraph, after: nx.DiGraph, *, posko_id: str = POSKO_ID, lang: str = "id"
) -> pd.DataFrame:
    """Return each regency's alert time before and after a change (``hours_before``, ``hours_after``)."""
    then = alert_times(before, posko_id=posko_id, lang=lang).set_index("region_code")["hours"]
    if posko_id in after:
        now = alert_times(after, posko_id=posko_id, lang=lang).set_index("region_code")["hours"]
    else:
        now = pd.Series(math.nan, index=then.index)
    frame = pd.DataFrame({"hours_before": then, "hours_after": now.reindex(then.index)})
    frame["change"] = frame["hours_after"] - frame["hours_before"]
    return frame.rename_axis("region_code").reset_index()


def encode_scenario(scenario: Scenario) -> str:
    """Return a short text for the URL: ``-id`` removes, ``-a~b`` cuts, ``+a~b~kind`` adds; "," between.

    Examples
    --------
    >>> encode_scenario(Scenario(removed_nodes=("kesbangpol-bali",), added_links=(("b", "a", "command"),)))
    '-kesbangpol-bali,+a~b~command'
    """
    parts = [f"-{node}" for node in scenario.removed_nodes]
    parts += [f"-{a}~{b}" for a, b in scenario.removed_links]
    parts += [f"+{a}~{b}~{kind}" for a, b, kind in scenario.added_links]
    return ",".join(parts)


def decode_scenario(text: str, known_ids: Collection[str] | None = None, *, lang: str = "id") -> Scenario:
    """Read the text made by :func:`encode_scenario` ("+a~b" alone adds a coordination link).

    Raises
    ------
    DataProblem
        If a part cannot be read, or, when ``known_ids`` is given, names an unknown institution.
    """
    removed: list[str] = []
    cut: list[tuple[str, str]] = []
    added: list[tuple[str, str, str]] = []
    for part in (piece.strip() for piece in str(text).split(",")):
        if not part:
            continue
        sign, pieces = part[0], part[1:].split("~")
        ids = pieces[:2]
        kind = pieces[2] if sign == "+" and len(pieces) == 3 else "coordination"
        valid = (
            sign in "+-"
            and all(_ID.match(piece) for piece in ids)
            and ((sign == "-" and len(pieces) in (1, 2)) or (sign == "+" and len(pieces) in (2, 3)))
            and kind in LINK_KINDS
        )
        if not valid:
            raise DataProblem(t("network.bad_scenario", lang, part=part), t("network.bad_scenario_fix", lang))
        if known_ids is not None:
            for node in ids:
                if node not in known_ids:
                    raise _unknown_id(node, lang)
        if len(ids) == 2 and ids[0] == ids[1]:
            raise DataProblem(t("network.bad_scenario", lang, part=part), t("network.bad_scenario_fix", lang))
        if sign == "-" and len(pieces) == 1:
            removed.append(ids[0])
        elif sign == "-":
            cut.append((ids[0], ids[1]))
        else:
            added.append((ids[0], ids[1], kind))
    return Scenario(tuple(removed), tuple(cut), tuple(added))


# --- GraphML and GEXF ------------------------------------------------------------------------------


def _exportable(graph: nx.DiGraph) -> nx.DiGraph:
    """Return a copy whose attribute values GraphML and GEXF can write (str, int, float, bool)."""
    copy = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        copy.add_node(
            node, **{key: value for key, value in data.items() if isinstance(value, str | int | float)}
        )
    for a, b, data in graph.edges(data=True):
        copy.add_edge(
            a, b, **{key: value for key, value in data.items() if isinstance(value, str | int | float)}
        )
    return copy


def to_graphml_bytes(graph: nx.DiGraph) -> bytes:
    """Return the graph as GraphML (yEd, Gephi, Cytoscape), both arcs of undirected links included."""
    buffer = io.BytesIO()
    nx.write_graphml(_exportable(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_gexf_bytes(graph: nx.DiGraph) -> bytes:
    """Return the graph as GEXF 1.2 (Gephi)."""
    buffer = io.BytesIO()
    nx.write_gexf(_exportable(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def _cell(value: object) -> str:
    """Return an attribute value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value)


def read_graph_file(
    data: bytes, filename: str, *, max_nodes: int = 5000, lang: str = "id"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a GraphML or GEXF file back into checked stakeholder and link frames.

    Node attributes become stakeholder columns (a GEXF ``label`` stands in for a missing
    ``name``); arcs become links, and the two arcs of an undirected link become one row again.
    Both frames go through :func:`lib.stakeholders.check_stakeholders` and
    :func:`lib.stakeholders.check_links`.

    Raises
    ------
    DataProblem
        If the file is not GraphML or GEXF, declares XML entities, has more than ``max_nodes``
        nodes, cannot be parsed, or its rows fail the stakeholder or link checks.
    """
    head = data[:4096].lower()
    name = filename.lower()
    if name.endswith(".graphml") or b"<graphml" in head:
        reader = nx.read_graphml
    elif name.endswith(".gexf") or b"<gexf" in head:
        reader = nx.read_gexf
    else:
        raise DataProblem(t("network.file_type", lang, name=filename), t("network.file_type_fix", lang))
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        raise DataProblem(t("network.file_entities", lang, name=filename), t("network.file_type_fix", lang))
    count = len(_NODE_TAG.findall(data))
    if count > max_nodes:
        raise DataProblem(
            t("network.file_too_big", lang, name=filename, count=count, limit=max_nodes),
            t("network.file_too_big_fix", lang, limit=max_nodes),
        )
    try:
        graph = reader(io.BytesIO(data), node_type=str)
    except (
        ET.ParseError,
        nx.NetworkXError,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
    ) as error:
        raise DataProblem(
            t("network.file_unreadable", lang, name=filename, error=str(error)[:120]),
            t("network.file_type_fix", lang),
        ) from None
    if graph.number_of_nodes() > max_nodes:
        raise DataProblem(
            t("network.file_too_big", lang, name=filename, count=graph.number_of_nodes(), limit=max_nodes),
            t("network.file_too_big_fix", lang, limit=max_nodes),
        )
    people = []
    for node, attributes in graph.nodes(data=True):
        row = {"id": str(node)}
        for column in _NODE_ATTRIBUTES:
            row[column] = _cell(attributes.get(column))
        if not row["name"]:
            row["name"] = _cell(attributes.get("label"))
        people.append(row)
    stakeholders = check_stakeholders(
        pd.DataFrame(people, columns=list(STAKEHOLDER_COLUMNS), dtype=str), lang=lang
    )
    links = check_links(_links_of(graph), set(stakeholders["id"]), lang=lang)
    return stakeholders, links


def _links_of(graph: nx.Graph) -> pd.DataFrame:
    """Return the link rows of a read graph as text, one row per link."""
    rows = []
    emitted: set[tuple[str, str, str]] = set()
    for a, b, attributes in graph.edges(data=True):
        if str(attributes.get("mirror", "")).lower() in ("true", "1"):
            continue
        source, target = str(a), str(b)
        kind = _cell(attributes.get("kind"))
        directed_cell = _cell(attributes.get("directed"))
        directed = directed_cell or ("true" if graph.is_directed() else "false")
        if directed.lower() in ("false", "0") and (target, source, kind) in emitted:
            continue
        emitted.add((source, target, kind))
        row = {"source_id": source, "target_id": target, "directed": directed}
        for column in LINK_COLUMNS:
            if column not in row:
                row[column] = _cell(attributes.get(column))
        rows.append(row)
    return pd.DataFrame(rows, columns=list(LINK_COLUMNS), dtype=str)
