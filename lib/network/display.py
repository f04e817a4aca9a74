"""Turn the coordination-graph analyses into what the Pemangku Kepentingan page shows.

Pure glue between the analyses of :mod:`lib.network` and the Pemangku Kepentingan page: tables
with the user's column names, headline figures of a what-if, the detail of one institution and
the widget form of a scenario. Every figure comes from the analyses (networkx); hours rest on
the ASSUMED delays per link kind.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from lib.core import formats
from lib.core.i18n import t
from lib.network.graph import institutional_view, metrics_table
from lib.network.institutions import LINK_KINDS, TYPES
from lib.network.resilience import (
    CHAIN_STEPS,
    alert_times,
    coverage,
    posko_reach,
    route_names,
    single_points_of_failure,
)
from lib.network.whatif import (
    Comparison,
    Scenario,
    Suggestions,
    timing_change,
)

SIZE_FIELDS: tuple[str, ...] = ("degree", "betweenness", "pagerank", "broker")
"""Centralities the page may size the institutions by."""


def delays_key(assumed_delay_hours: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    """Return the assumed delays as a hashable cache key, in link-kind order.

    >>> delays_key({"command": 1, "coordination": 4, "information": 2, "membership": 12})
    (('command', 1.0), ('coordination', 4.0), ('information', 2.0), ('membership', 12.0))
    """
    return tuple((kind, float(assumed_delay_hours[kind])) for kind in LINK_KINDS)


def delays_text(assumed_delay_hours: Mapping[str, float], lang: str = "id") -> str:
    """Return the assumed delays as one line ("komando 1 jam, ...") for captions."""
    return ", ".join(
        t("stakeholderspage.delay_item", lang, kind=t(f"network.kind.{kind}", lang), hours=_hours(hours))
        for kind, hours in delays_key(assumed_delay_hours)
    )


def _hours(value: float) -> str:
    """Return hours without a needless ".0"."""
    return f"{value:g}"


def type_label(kind: str, lang: str = "id") -> str:
    """Return the name of an institution type in ``lang`` (the raw value if unknown)."""
    return t(f"network.type.{kind}", lang) if kind in TYPES else kind


# --- Which institutions to show ---------------------------------------------------------------------


def focus_members(graph: nx.Graph, focus: str) -> set[str]:
    """Return the institutions of regency ``focus`` (its code or a code under it); empty without focus.

    >>> g = nx.Graph()
    >>> g.add_node("a", region_code="51.08")
    >>> g.add_node("b", region_code="51.08.01")
    >>> g.add_node("c", region_code="51")
    >>> sorted(focus_members(g, "51.08"))
    ['a', 'b']
    """
    if not focus:
        return set()
    return {
        node
        for node, code in graph.nodes(data="region_code")
        if code and (str(code) == focus or str(code).startswith(focus + "."))
    }


def neighbourhood(graph: nx.DiGraph, nodes: Iterable[str]) -> set[str]:
    """Return ``nodes`` with every institution linked to one of them, in either direction."""
    found: set[str] = set()
    for node in nodes:
        if node in graph:
            found.add(node)
            found.update(graph.successors(node))
            found.update(graph.predecessors(node))
    return found


def restrict_positions(
    positions: Mapping[str, tuple[float, float]], keep: Collection[str] | None
) -> dict[str, tuple[float, float]]:
    """Return the positions of ``keep`` only (all of them when ``keep`` is None)."""
    if keep is None:
        return dict(positions)
    return {node: xy for node, xy in positions.items() if node in keep}


def institution_names(graph: nx.Graph) -> dict[str, str]:
    """Return ``{id: name}`` of every institution, sorted by name, for pickers.

    >>> g = nx.Graph()
    >>> g.add_node("b", name="Bawaslu Bali")
    >>> g.add_node("a", name="KPU Bali")
    >>> institution_names(g)
    {'b': 'Bawaslu Bali', 'a': 'KPU Bali'}
    """
    names = {node: str(graph.nodes[node].get("name") or node) for node in sorted(graph.nodes)}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def highlight_ids(
    graph: nx.DiGraph, selected: str, comparison: Comparison | None, members: Collection[str]
) -> tuple[str, ...] | None:
    """Return the institutions the drawing makes stand out, sorted; None when none fade.

    In this order: the ``selected`` institution with its neighbours, else what a what-if
    changes, else the ``members`` of the focus regency.
    """
    if selected:
        chosen = neighbourhood(graph, [selected])
    elif comparison is not None:
        changed = comparison.institutions
        chosen = set(changed.loc[changed["status"] != "unchanged", "id"])
    elif members:
        chosen = set(members)
    else:
        return None
    return tuple(sorted(chosen))


def worst_alert(alerts: pd.DataFrame) -> tuple[str, float] | None:
    """Return the regency code and hours of the slowest alert that arrives at all (None if none).

    ``alerts`` is :func:`lib.network.alert_times`, worst first.
    """
    reached = alerts.dropna(subset=["hours"])
    if reached.empty:
        return None
    return str(reached["region_code"].iloc[0]), float(reached["hours"].iloc[0])


def gap_count(coverage: pd.DataFrame) -> int:
    """Return how many regencies of :func:`lib.network.coverage` have a missing or assumed step."""
    return int((coverage["gaps"] != "").sum())


# --- Scenario as widgets --------------------------------------------------------------------------


def link_key(a: str, b: str) -> str:
    """Return the widget value of a link: both ids in order, joined by "~".

    >>> link_key("b", "a")
    'a~b'
    """
    return "~".join(sorted((a, b)))


def link_choices(graph: nx.DiGraph) -> dict[str, str]:
    """Return every linked pair as ``{"a~b": "Name A – Name B"}``, sorted by name."""
    pairs = {link_key(a, b) for a, b in graph.edges}
    labels = {pair: " \u2013 ".join(_name(graph, node) for node in pair.split("~")) for pair in pairs}
    return dict(sorted(labels.items(), key=lambda item: (item[1], item[0])))


def added_key(a: str, b: str, kind: str) -> str:
    """Return the widget value of an added link ("a~b~kind", ids in order)."""
    return f"{link_key(a, b)}~{kind}"


def scenario_from_choices(
    removed_nodes: Iterable[str], removed_links: Iterable[str], added_links: Iterable[str]
) -> Scenario:
    """Return the scenario the what-if widgets hold ("a~b" links, "a~b~kind" added links).

    >>> scenario = scenario_from_choices(["x"], ["b~a"], ["c~d~command"])
    >>> scenario.removed_nodes, scenario.removed_links, scenario.added_links
    (('x',), (('a', 'b'),), (('c', 'd', 'command'),))
    """
    cut = [tuple(value.split("~")[:2]) for value in removed_links]
    added = [tuple(value.split("~")[:3]) for value in added_links]
    return Scenario(
        tuple(removed_nodes),
        tuple((a, b) for a, b in cut),
        tuple((a, b, kind) for a, b, kind in added),
    )


def scenario_choices(scenario: Scenario) -> tuple[list[str], list[str], list[str]]:
    """Return the widget values of a scenario: removed ids, cut links, added links."""
    return (
        list(scenario.removed_nodes),
        [link_key(a, b) for a, b in scenario.removed_links],
        [added_key(a, b, kind) for a, b, kind in scenario.added_links],
    )


def added_label(value: str, graph: nx.DiGraph, lang: str = "id") -> str:
    """Return "Name A – Name B (kind)" for an added-link widget value."""
    a, b, kind = value.split("~")
    return f"{_name(graph, a)} \u2013 {_name(graph, b)} ({t(f'network.kind.{kind}', lang)})"


def _name(graph: nx.Graph, node: str) -> str:
    """Return the display name of an institution (the id when unknown)."""
    if node not in graph:
        return node
    data = graph.nodes[node]
    return str(data.get("acronym") or data.get("name") or node)


# --- Analyses bundled for the page ----------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    """Every analysis of one graph the page shows."""

    metrics: pd.DataFrame
    failures: pd.DataFrame
    reach: pd.DataFrame
    alerts: pd.DataFrame
    coverage: pd.DataFrame


def analyse(graph: nx.DiGraph, *, lang: str = "id") -> Analysis:
    """Return the metrics, single points of failure, Posko reach, alert times and coverage of ``graph``.

    Raises
    ------
    DataProblem
        If the Posko is not in the graph.
    """
    graph = institutional_view(graph)
    return Analysis(
        metrics=metrics_table(graph),
        failures=single_points_of_failure(graph, lang=lang),
        reach=posko_reach(graph, lang=lang),
        alerts=alert_times(graph, lang=lang),
        coverage=coverage(graph, lang=lang),
    )


# --- Tables with the user's column names ----------------------------------------------------------


def _region(code: str, names: Mapping[str, str]) -> str:
    """Return a region's name, or its code, or "" for national bodies."""
    return str(names.get(code, code)) if code else ""


def metrics_display(
    analysis: Analysis,
    region_names: Mapping[str, str],
    *,
    lang: str = "id",
    only: Collection[str] | None = None,
) -> pd.DataFrame:
    """Return the metrics table as the page shows and downloads it (``only``: these ids)."""
    metrics = analysis.metrics
    reach = analysis.reach.set_index("id")
    if only is not None:
        metrics = metrics[metrics["id"].isin(only)]
    frame = pd.DataFrame(
        {
            t("stakeholderspage.col.name", lang): metrics["name"],
            t("stakeholderspage.col.acronym", lang): metrics["acronym"],
            t("stakeholderspage.col.type", lang): [type_label(kind, lang) for kind in metrics["type"]],
            t("stakeholderspage.col.region", lang): [
                _region(code, region_names) for code in metrics["region_code"]
            ],
            t("network.metric.degree", lang): metrics["degree"],
            t("network.metric.betweenness", lang): metrics["betweenness"].round(4),
            t("network.metric.pagerank", lang): metrics["pagerank"].round(4),
            t("network.metric.broker", lang): metrics["broker"].round(4),
            t("network.metric.community", lang): metrics["community"] + 1,
            t("stakeholderspage.col.hours_from", lang): metrics["id"]
            .map(reach["hours_from_posko"])
            .astype(float),
            t("stakeholderspage.col.hours_to", lang): metrics["id"]
            .map(reach["hours_to_posko"])
            .astype(float),
            "id": metrics["id"],
        }
    )
    return frame.reset_index(drop=True)


def failures_display(failures: pd.DataFrame, *, lang: str = "id") -> pd.DataFrame:
    """Return the single points of failure with who each one cuts off from the Posko."""
    return pd.DataFrame(
        {
            t("stakeholderspage.col.what", lang): [
                t(f"stakeholderspage.what.{what}", lang) for what in failures["what"]
            ],
            t("stakeholderspage.col.name", lang): failures["name"],
            t("stakeholderspage.col.cut_off_count", lang): failures["cut_off_count"],
            t("stakeholderspage.col.cut_off_names", lang): failures["cut_off_names"],
        }
    )


def alerts_display(
    alerts: pd.DataFrame, region_names: Mapping[str, str], *, lang: str = "id"
) -> pd.DataFrame:
    """Return the alert time per regency (worst first), hours labelled as assumed."""
    unknown = t("stakeholderspage.unreachable", lang)
    return pd.DataFrame(
        {
            t("stakeholderspage.col.region", lang): [
                _region(code, region_names) for code in alerts["region_code"]
            ],
            t("stakeholderspage.col.offices", lang): [
                f"{reached}/{targets}"
                for reached, targets in zip(alerts["reached"], alerts["targets"], strict=True)
            ],
            t("stakeholderspage.col.alert_hours", lang): [
                unknown if math.isnan(hours) else _hours(hours) for hours in alerts["hours"]
            ],
            t("stakeholderspage.col.slowest", lang): alerts["slowest_name"],
            t("stakeholderspage.col.unreachable", lang): alerts["unreachable_names"],
        }
    )


def coverage_display(
    coverage: pd.DataFrame, region_names: Mapping[str, str], *, lang: str = "id"
) -> pd.DataFrame:
    """Return the chain Posko -> Polres -> Bawaslu/KPU -> desa adat per regency, in words."""

    def state(works: bool, documented: bool) -> str:
        key = "documented" if documented else "assumed" if works else "missing"
        return t(f"stakeholderspage.step.{key}", lang)

    frame = pd.DataFrame(
        {
            t("stakeholderspage.col.region", lang): [
                _region(code, region_names) for code in coverage["region_code"]
            ]
        }
    )
    for step in CHAIN_STEPS:
        frame[t(f"network.step.{step}", lang)] = [
            state(works, sure)
            for works, sure in zip(coverage[step], coverage[f"{step}_documented"], strict=True)
        ]
    frame[t("stakeholderspage.col.chain", lang)] = [
        state(works, sure)
        for works, sure in zip(coverage["chain"], coverage["chain_documented"], strict=True)
    ]
    frame[t("stakeholderspage.col.gaps", lang)] = coverage["gaps"]
    return frame


def comparison_display(
    comparison: Comparison, *, lang: str = "id", changed_only: bool = True
) -> pd.DataFrame:
    """Return each institution before and after the what-if, with its status (changes only, by default)."""
    rows = comparison.institutions
    if changed_only:
        rows = rows[rows["status"] != "unchanged"]
    unknown = t("stakeholderspage.unreachable", lang)

    def hours(value: float) -> str:
        return unknown if math.isnan(value) else _hours(round(value, 2))

    return pd.DataFrame(
        {
            t("stakeholderspage.col.status", lang): rows["status_label"],
            t("stakeholderspage.col.name", lang): rows["name"],
            t("stakeholderspage.col.type", lang): [type_label(kind, lang) for kind in rows["type"]],
            t("stakeholderspage.col.hours_before", lang): [hours(v) for v in rows["hours_before"]],
            t("stakeholderspage.col.hours_after", lang): [hours(v) for v in rows["hours_after"]],
            "status": rows["status"],
        }
    ).reset_index(drop=True)


def regency_comparison_display(
    comparison: Comparison, region_names: Mapping[str, str], *, lang: str = "id"
) -> pd.DataFrame:
    """Return each regency's alert time before and after the what-if, with a status."""
    unknown = t("stakeholderspage.unreachable", lang)
    rows = []
    for record in comparison.regencies.to_dict("records"):
        then, now = float(record["hours_before"]), float(record["hours_after"])
        status = timing_change(then, now)
        rows.append(
            {
                t("stakeholderspage.col.status", lang): t(f"network.status.{status}", lang),
                t("stakeholderspage.col.region", lang): _region(str(record["region_code"]), region_names),
                t("stakeholderspage.col.hours_before", lang): unknown if math.isnan(then) else _hours(then),
                t("stakeholderspage.col.hours_after", lang): unknown if math.isnan(now) else _hours(now),
                "status": status,
            }
        )
    return pd.DataFrame(rows)


def figure_text(value: float, lang: str = "id") -> str:
    """Return a headline figure as text ("not reached" for NaN, no needless ".0").

    >>> figure_text(7.0, "en"), figure_text(float("nan"), "en")
    ('7', 'not reached')
    """
    return t("stakeholderspage.unreachable", lang) if math.isnan(value) else _hours(round(value, 2))


def delta_text(change: float, status: str, lang: str = "id") -> str | None:
    """Return the change of a headline figure for a metric delta ("+2", "-1"), None when the same.

    The sign carries the colour: a worse figure gets a sign a "normal"/"inverse" metric shows in
    red. When a value became unknown (NaN), the status word stands in for the number.
    """
    if status == "same":
        return None
    if math.isnan(change):
        return t(f"stakeholderspage.change.{status}", lang)
    return f"{change:+g}"


def delta_colour(change: float, status: str) -> str:
    """Return the ``delta_color`` of ``st.metric`` that shows a better figure green, a worse one red.

    >>> delta_colour(-2.0, "worse"), delta_colour(2.0, "worse"), delta_colour(0.0, "same")
    ('normal', 'inverse', 'off')
    """
    if status == "same":
        return "off"
    rising = math.isnan(change) or change > 0  # a text delta counts as rising
    return "normal" if rising == (status == "better") else "inverse"


@dataclass(frozen=True)
class Figure:
    """One headline figure of a what-if, ready for ``st.metric``."""

    label: str
    value: str
    delta: str | None
    delta_colour: str
    today: str
    """The figure today, in a sentence (the metric's help)."""


def summary_figures(comparison: Comparison, *, lang: str = "id") -> list[Figure]:
    """Return the headline figures of a what-if: the value after, the change and today's value."""
    return [
        Figure(
            label=t(f"stakeholderspage.summary.{row['measure']}", lang),
            value=figure_text(row["after"], lang),
            delta=delta_text(row["change"], row["status"], lang),
            delta_colour=delta_colour(row["change"], row["status"]),
            today=t("stakeholderspage.whatif.today", lang, value=figure_text(row["before"], lang)),
        )
        for row in comparison.summary.to_dict("records")
    ]


def summary_display(comparison: Comparison, *, lang: str = "id") -> pd.DataFrame:
    """Return the headline figures before and after, with a status column in words."""
    unknown = t("stakeholderspage.unreachable", lang)

    def value(number: float) -> str:
        return unknown if math.isnan(number) else _hours(number)

    summary = comparison.summary
    return pd.DataFrame(
        {
            t("stakeholderspage.col.measure", lang): [
                t(f"stakeholderspage.summary.{measure}", lang) for measure in summary["measure"]
            ],
            t("stakeholderspage.col.before", lang): [value(v) for v in summary["before"]],
            t("stakeholderspage.col.after", lang): [value(v) for v in summary["after"]],
            t("stakeholderspage.col.status", lang): [
                t(f"stakeholderspage.change.{status}", lang) for status in summary["status"]
            ],
            "status": summary["status"],
        }
    )


def suggestions_display(suggestions: Suggestions, *, lang: str = "id") -> pd.DataFrame:
    """Return suggested links with what each saves (hours and minutes, or institutions protected)."""
    links = suggestions.links
    frame = pd.DataFrame(
        {
            "#": links["rank"],
            t("stakeholderspage.col.from", lang): links["source_name"],
            t("stakeholderspage.col.to", lang): links["target_name"],
            t("stakeholderspage.col.kind", lang): [t(f"network.kind.{kind}", lang) for kind in links["kind"]],
        }
    )
    if "hours_saved" in links.columns:
        frame[t("stakeholderspage.col.worst_before", lang)] = links["worst_hours_before"].round(2)
        frame[t("stakeholderspage.col.worst_after", lang)] = links["worst_hours_after"].round(2)
        frame[t("stakeholderspage.col.minutes_saved", lang)] = (links["hours_saved"] * 60).round().astype(int)
        frame[t("stakeholderspage.col.minutes_saved_total", lang)] = (
            (links["total_hours_saved"] * 60).round().astype(int)
        )
        frame[t("stakeholderspage.col.offices_gained", lang)] = (
            links["unreached_before"] - links["unreached_after"]
        )
    else:
        frame[t("stakeholderspage.col.protected", lang)] = links["protected"]
        frame[t("stakeholderspage.col.no_longer_critical", lang)] = links["no_longer_critical"]
    return frame


# --- One institution --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    """What the page shows about one selected institution."""

    name: str
    type_label: str
    level_label: str
    region: str
    role: str
    source: str
    note: str
    figures: dict[str, str]
    route_from: str
    route_to: str
    assumed_route: bool
    links: pd.DataFrame


def node_detail(
    graph: nx.DiGraph,
    analysis: Analysis,
    node: str,
    region_names: Mapping[str, str],
    *,
    lang: str = "id",
) -> Detail:
    """Return the role, source, metrics, routes to and from the Posko and the links of ``node``."""
    if node not in graph:
        raise ValueError(f"{node!r} is not an institution of the graph.")
    data = graph.nodes[node]
    metrics = analysis.metrics.set_index("id").loc[node]
    reach = analysis.reach.set_index("id").loc[node]
    unknown = t("stakeholderspage.unreachable", lang)

    def hours(value: float) -> str:
        return (
            unknown if math.isnan(value) else t("stakeholderspage.hours", lang, hours=_hours(round(value, 2)))
        )

    figures = {
        t("network.metric.degree", lang): str(int(metrics["degree"])),
        t("network.metric.betweenness", lang): formats.number(float(metrics["betweenness"]), lang, digits=3),
        t("network.metric.pagerank", lang): formats.number(float(metrics["pagerank"]), lang, digits=3),
        t("stakeholderspage.col.hours_from", lang): hours(float(reach["hours_from_posko"])),
        t("stakeholderspage.col.hours_to", lang): hours(float(reach["hours_to_posko"])),
    }
    rows = []
    for other in sorted(set(graph.successors(node)) | set(graph.predecessors(node))):
        arc = graph.get_edge_data(node, other) or graph.get_edge_data(other, node)
        outgoing, incoming = graph.has_edge(node, other), graph.has_edge(other, node)
        direction = "both" if outgoing and incoming else "out" if outgoing else "in"
        rows.append(
            {
                t("stakeholderspage.col.name", lang): str(graph.nodes[other].get("name") or other),
                t("stakeholderspage.col.kind", lang): t(f"network.kind.{arc['kind']}", lang),
                t("stakeholderspage.col.direction", lang): t(f"stakeholderspage.direction.{direction}", lang),
                t("network.chart.assumed", lang): t(
                    "network.chart.yes" if arc.get("assumption") else "network.chart.no", lang
                ),
                t("stakeholderspage.col.source", lang): str(arc.get("source_ref", "")),
            }
        )
    level = str(data.get("level", ""))
    return Detail(
        name=str(data.get("name") or node),
        type_label=type_label(str(data.get("type", "")), lang),
        level_label=t(f"network.level.{level}", lang) if f"network.level.{level}" in _LEVEL_KEYS else level,
        region=_region(str(data.get("region_code", "")), region_names),
        role=str(data.get("role", "")),
        source=str(data.get("source", "")),
        note=str(data.get("note", "")),
        figures=figures,
        route_from=route_names(graph, reach["route_from_posko"]),
        route_to=route_names(graph, reach["route_to_posko"]),
        assumed_route=bool(reach["assumed_from_posko"]) or bool(reach["assumed_to_posko"]),
        links=pd.DataFrame(rows),
    )


_LEVEL_KEYS = {
    f"network.level.{level}" for level in ("national", "province", "regency", "district", "village")
}


# --- Editing and importing ----------------------------------------------------------------------
