"""Find where the coordination graph is fragile: cut-offs, reach of the Posko, alert times, coverage.

Routes follow arc directions and add up ``delay`` hours, most of them ASSUMED per link kind
(see :mod:`lib.network.graph`); whether an institution is cut off ignores directions.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable

import networkx as nx
import pandas as pd

from lib.core.i18n import t
from lib.network.graph import POSKO_ID, _name, _require_node, institutional_view, undirected_view

ALERT_TARGET_TYPES: tuple[str, ...] = ("police", "election_body")


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
    graph = institutional_view(graph)
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
    graph = institutional_view(graph)
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
    graph = institutional_view(graph)
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
    graph = institutional_view(graph)
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
    graph = institutional_view(graph)
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
    graph = institutional_view(graph)
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
