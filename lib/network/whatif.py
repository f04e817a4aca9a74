"""Try a change of the coordination graph: scenarios, suggested links and the comparison with today."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.network.graph import (
    DEFAULT_ASSUMED_DELAY_HOURS,
    POSKO_ID,
    _check_delays,
    _name,
    _require_node,
    institutional_view,
    undirected_view,
)
from lib.network.institutions import LINK_KINDS
from lib.network.paths import arc_matrix, hours_from
from lib.network.resilience import (
    ALERT_TARGET_TYPES,
    _cut_offs,
    _posko_component,
    alert_targets,
    alert_times,
    coverage,
    single_points_of_failure,
)

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
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


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


def _best_faster_link(
    work: nx.DiGraph, posko_id: str, starts: list[str], chosen: list[str], hours_per_link: float
) -> tuple[tuple[int, float, float], tuple[tuple[int, float, float], str, str] | None]:
    """Return today's alert key and the best new link (key, start, candidate), None if none helps.

    Candidates are tried in id order and the first with the lowest key wins; each takes the
    start reached soonest (then the smallest id) among those not already linked to it.
    """
    nodes = list(work.nodes)
    index = {node: number for number, node in enumerate(nodes)}
    matrix = arc_matrix(work, nodes)
    hours = hours_from(matrix, [index[posko_id]])[0]
    offices = np.asarray([index[node] for node in chosen], dtype=np.int64)
    office_hours = hours[offices]
    before = _alert_key(
        {
            node: float(value)
            for node, value in zip(chosen, office_hours, strict=True)
            if math.isfinite(value)
        },
        chosen,
    )
    if not len(offices):
        return before, None
    candidates = sorted(nodes)
    rows = np.asarray([index[node] for node in candidates], dtype=np.int64)
    start_of = np.full(len(candidates), -1, dtype=np.int64)
    reachable = {index[s] for s in starts if math.isfinite(hours[index[s]])}
    for start in sorted(reachable, key=lambda number: (hours[number], nodes[number])):
        blocked = np.zeros(len(nodes), dtype=bool)
        blocked[[start, *(index[node] for node in work.successors(nodes[start]))]] = True
        start_of[(start_of < 0) & ~blocked[rows]] = start
    open_rows = np.flatnonzero(start_of >= 0)
    if not len(open_rows):
        return before, None
    lead = hours[start_of[open_rows]] + hours_per_link
    to_office = hours_from(matrix.T.tocsr(), offices)[:, rows[open_rows]].T
    trial = np.minimum(office_hours[None, :], lead[:, None] + to_office)
    reached = np.isfinite(trial)
    unreached = len(chosen) - reached.sum(axis=1)
    worst = np.where(reached, trial, -np.inf).max(axis=1)
    worst = np.where(reached.any(axis=1), worst, 0.0)
    total = np.zeros(len(open_rows))
    for column in range(len(chosen)):  # office by office, the order Python's sum adds them in
        total += np.where(reached[:, column], trial[:, column], 0.0)
    better = (unreached < before[0]) | (
        (unreached == before[0]) & ((worst < before[1]) | ((worst == before[1]) & (total < before[2])))
    )
    if not better.any():
        return before, None
    order = np.lexsort((np.arange(len(open_rows)), total, worst, unreached))
    pick = int(next(number for number in order if better[number]))
    key = (int(unreached[pick]), float(worst[pick]), float(total[pick]))
    return before, (key, nodes[int(start_of[open_rows[pick]])], candidates[int(open_rows[pick])])


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
    ``target_types`` count. A round takes the hours from the Posko and from every institution
    to every office in one compiled Dijkstra (:mod:`lib.network.paths`), then tries every
    candidate at once: a new link can only shorten an office's time to the hours to its start
    plus the link plus the candidate's hours to the office. Greedy picks are good, not proven best.

    Returns
    -------
    Suggestions
        ``links`` has ``rank``, ``source_id``, ``target_id``, ``source_name``, ``target_name``,
        ``kind``, ``worst_hours_before``, ``worst_hours_after``, ``hours_saved`` (worst alert),
        ``total_hours_saved`` (all offices together), ``unreached_before``, ``unreached_after``;
        ``method`` says how it was found, in ``lang``.
    """
    graph = institutional_view(graph)
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
        before, best = _best_faster_link(work, posko_id, starts, chosen, hours_per_link)
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
    graph = institutional_view(graph)
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


# --- Today against the what-if, in one place -------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """A what-if against today's network: per institution, per regency and headline figures."""

    institutions: pd.DataFrame
    """From :func:`compare`."""
    regencies: pd.DataFrame
    """From :func:`compare_alert_times`."""
    summary: pd.DataFrame
    """One row per :data:`SUMMARY_MEASURES`: ``measure``, ``before``, ``after``, ``change``, ``status``."""

    @property
    def cut_off(self) -> pd.DataFrame:
        """Return the institutions the scenario cuts off from the Posko."""
        return self.institutions[self.institutions["status"] == "cut_off"]


SUMMARY_MEASURES: tuple[str, ...] = (
    "joined",
    "reached",
    "worst_hours",
    "unreached_offices",
    "failures",
    "chains",
)
_LOWER_IS_BETTER = {"worst_hours", "unreached_offices", "failures"}


def _summary_values(graph: nx.DiGraph, posko_id: str, lang: str) -> dict[str, float]:
    """Return the headline figures of one graph (NaN where the Posko is gone)."""
    if posko_id not in graph:
        return dict.fromkeys(SUMMARY_MEASURES, math.nan) | {"joined": 0.0, "reached": 0.0}
    alerts = alert_times(graph, posko_id=posko_id, lang=lang)
    return {
        "joined": float(len(_posko_component(undirected_view(graph), posko_id)) - 1),
        "reached": float(len(nx.descendants(graph, posko_id))),
        "worst_hours": float(alerts["hours"].max()) if alerts["hours"].notna().any() else math.nan,
        "unreached_offices": float((alerts["targets"] - alerts["reached"]).sum()),
        "failures": float(len(single_points_of_failure(graph, posko_id=posko_id, lang=lang))),
        "chains": float(coverage(graph, posko_id=posko_id, lang=lang)["chain"].sum()),
    }


def summary_status(measure: str, before: float, after: float) -> str:
    """Return whether a headline figure got "better", "worse" or stayed the "same" (NaN = not reached).

    >>> summary_status("failures", 3.0, 1.0), summary_status("joined", 3.0, 1.0)
    ('better', 'worse')
    >>> summary_status("worst_hours", 5.0, float("nan"))
    'worse'
    """
    change = after - before
    if math.isnan(before) and math.isnan(after):
        return "same"
    if math.isnan(after):
        return "worse"
    if math.isnan(before):
        return "better"
    if abs(change) < 1e-9:
        return "same"
    worse = change > 0 if measure in _LOWER_IS_BETTER else change < 0
    return "worse" if worse else "better"


def compare_networks(
    before: nx.DiGraph, after: nx.DiGraph, *, posko_id: str = POSKO_ID, lang: str = "id"
) -> Comparison:
    """Return today's network and a what-if side by side.

    The summary's worst alert time is NaN when some office cannot be reached at all; ``lang``
    is the language of the status labels of :func:`compare`.
    """
    before = institutional_view(before)
    after = institutional_view(after)
    then = _summary_values(before, posko_id, lang)
    now = _summary_values(after, posko_id, lang)
    summary = pd.DataFrame(
        [
            {
                "measure": measure,
                "before": then[measure],
                "after": now[measure],
                "change": now[measure] - then[measure],
                "status": summary_status(measure, then[measure], now[measure]),
            }
            for measure in SUMMARY_MEASURES
        ]
    )
    return Comparison(
        institutions=compare(before, after, posko_id=posko_id, lang=lang),
        regencies=compare_alert_times(before, after, posko_id=posko_id, lang=lang),
        summary=summary,
    )
