"""Turn the coordination-graph analyses into what the Pemangku Kepentingan page shows and saves.

Pure glue between :mod:`lib.network` and the page: tables with the user's column names,
the what-if summary, the detail of one institution, the widget form of a scenario, and the
checked plan of an edit or an upload with the one transaction that stores it. Every figure
comes from :mod:`lib.network` (networkx); hours rest on the ASSUMED delays per link kind.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib import access, store
from lib.access import Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.network import graph as network
from lib.network.institutions import (
    LINK_COLUMNS,
    LINK_KINDS,
    STAKEHOLDER_COLUMNS,
    TYPES,
    check_links,
    check_stakeholders,
)

SIZE_FIELDS: tuple[str, ...] = ("degree", "betweenness", "pagerank", "broker")
"""Centralities the page may size the institutions by."""
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def escape_markdown(text: str) -> str:
    r"""Return ``text`` with markdown characters escaped, to put a name into a heading.

    >>> escape_markdown("Polres *Buleleng*")
    'Polres \\*Buleleng\\*'
    """
    return _MARKDOWN.sub(r"\\\1", str(text))


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
) -> network.Scenario:
    """Return the scenario the what-if widgets hold ("a~b" links, "a~b~kind" added links).

    >>> network.encode_scenario(scenario_from_choices(["x"], ["b~a"], ["c~d~command"]))
    '-x,-a~b,+c~d~command'
    """
    cut = [tuple(value.split("~")[:2]) for value in removed_links]
    added = [tuple(value.split("~")[:3]) for value in added_links]
    return network.Scenario(
        tuple(removed_nodes),
        tuple((a, b) for a, b in cut),
        tuple((a, b, kind) for a, b, kind in added),
    )


def scenario_choices(scenario: network.Scenario) -> tuple[list[str], list[str], list[str]]:
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
    return Analysis(
        metrics=network.metrics_table(graph),
        failures=network.single_points_of_failure(graph, lang=lang),
        reach=network.posko_reach(graph, lang=lang),
        alerts=network.alert_times(graph, lang=lang),
        coverage=network.coverage(graph, lang=lang),
    )


@dataclass(frozen=True)
class Comparison:
    """A what-if against today's network: per institution, per regency and a summary."""

    institutions: pd.DataFrame
    regencies: pd.DataFrame
    summary: pd.DataFrame

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


def _summary_values(graph: nx.DiGraph, lang: str) -> dict[str, float]:
    """Return the headline figures of one graph (NaN where the Posko is gone)."""
    posko = network.POSKO_ID
    if posko not in graph:
        return dict.fromkeys(SUMMARY_MEASURES, math.nan) | {"joined": 0.0, "reached": 0.0}
    simple = network.undirected_view(graph)
    joined = len(nx.node_connected_component(simple, posko)) - 1
    reached = len(nx.descendants(graph, posko))
    alerts = network.alert_times(graph, lang=lang)
    chains = network.coverage(graph, lang=lang)
    return {
        "joined": float(joined),
        "reached": float(reached),
        "worst_hours": float(alerts["hours"].max()) if alerts["hours"].notna().any() else math.nan,
        "unreached_offices": float((alerts["targets"] - alerts["reached"]).sum()),
        "failures": float(len(network.single_points_of_failure(graph, lang=lang))),
        "chains": float(chains["chain"].sum()),
    }


def compare_networks(before: nx.DiGraph, after: nx.DiGraph, *, lang: str = "id") -> Comparison:
    """Return today's network and a what-if side by side.

    ``summary`` has one row per :data:`SUMMARY_MEASURES`: ``measure``, ``label``, ``before``,
    ``after``, ``change`` and ``status`` ("better", "worse" or "same"); the worst alert time
    is NaN when some office cannot be reached at all.
    """
    then, now = _summary_values(before, lang), _summary_values(after, lang)
    rows = []
    for measure in SUMMARY_MEASURES:
        first, second = then[measure], now[measure]
        change = second - first
        if math.isnan(first) and math.isnan(second):
            status = "same"
        elif math.isnan(second):
            status = "worse"
        elif math.isnan(first):
            status = "better"
        elif abs(change) < 1e-9:
            status = "same"
        else:
            worse = change > 0 if measure in _LOWER_IS_BETTER else change < 0
            status = "worse" if worse else "better"
        rows.append(
            {
                "measure": measure,
                "label": t(f"stakeholderspage.summary.{measure}", lang),
                "before": then[measure],
                "after": now[measure],
                "change": change,
                "status": status,
            }
        )
    return Comparison(
        institutions=network.compare(before, after, lang=lang),
        regencies=network.compare_alert_times(before, after, lang=lang),
        summary=pd.DataFrame(rows),
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
    for step in network.CHAIN_STEPS:
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
        status = network.timing_change(then, now)
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


def summary_display(comparison: Comparison, *, lang: str = "id") -> pd.DataFrame:
    """Return the headline figures before and after, with a status column in words."""
    unknown = t("stakeholderspage.unreachable", lang)

    def value(number: float) -> str:
        return unknown if math.isnan(number) else _hours(number)

    summary = comparison.summary
    return pd.DataFrame(
        {
            t("stakeholderspage.col.measure", lang): summary["label"],
            t("stakeholderspage.col.before", lang): [value(v) for v in summary["before"]],
            t("stakeholderspage.col.after", lang): [value(v) for v in summary["after"]],
            t("stakeholderspage.col.status", lang): [
                t(f"stakeholderspage.change.{status}", lang) for status in summary["status"]
            ],
            "status": summary["status"],
        }
    )


def suggestions_display(suggestions: network.Suggestions, *, lang: str = "id") -> pd.DataFrame:
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
        t("network.metric.betweenness", lang): f"{float(metrics['betweenness']):.3f}",
        t("network.metric.pagerank", lang): f"{float(metrics['pagerank']):.3f}",
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
        route_from=network.route_names(graph, reach["route_from_posko"]),
        route_to=network.route_names(graph, reach["route_to_posko"]),
        assumed_route=bool(reach["assumed_from_posko"]) or bool(reach["assumed_to_posko"]),
        links=pd.DataFrame(rows),
    )


_LEVEL_KEYS = {
    f"network.level.{level}" for level in ("national", "province", "regency", "district", "village")
}


# --- Editing and importing ----------------------------------------------------------------------


@dataclass(frozen=True)
class EditPlan:
    """A checked change of the stored network: rows to write and rows to delete."""

    stakeholders: pd.DataFrame
    """Checked institutions to add or change (only those that differ from what is stored)."""
    links: pd.DataFrame
    """Checked links to add or change."""
    removed_ids: tuple[str, ...] = ()
    removed_links: tuple[tuple[str, str, str], ...] = ()
    unchanged: int = 0
    """Rows identical to what is stored."""

    def is_empty(self) -> bool:
        """Return True when the plan changes nothing."""
        return not (len(self.stakeholders) or len(self.links) or self.removed_ids or self.removed_links)


def _as_text(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Return ``columns`` of ``frame`` as text cells ("" for empty), for comparing and checking."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        values = frame[column] if column in frame.columns else pd.Series("", index=frame.index)
        out[column] = [_cell(value) for value in values]
    return out


def _cell(value: object) -> str:
    """Return one cell as the text a CSV would hold."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if hasattr(value, "item"):
        return _cell(value.item())
    return str(value).strip()


def _link_id(record: Mapping[str, object]) -> tuple[str, str, str]:
    return (str(record["source_id"]), str(record["target_id"]), str(record["kind"]))


def plan_edits(
    stored_people: pd.DataFrame,
    edited_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    edited_links: pd.DataFrame,
    *,
    lang: str = "id",
) -> EditPlan:
    """Check an edited copy of the network and return what saving it would change.

    Parameters
    ----------
    stored_people, stored_links
        What the caller sees in the store (with ``origin``). Not modified.
    edited_people, edited_links
        The same tables after editing: rows changed, added or deleted. Not modified.

    Raises
    ------
    DataProblem
        For any bad cell (see :func:`lib.stakeholders.check_stakeholders` and
        :func:`lib.stakeholders.check_links`: unknown ids, self-loops, duplicates, negative
        delays), or when a bundled row (from the sources) would be changed or removed.
    """
    people = check_stakeholders(_as_text(edited_people, STAKEHOLDER_COLUMNS), require_source=False, lang=lang)
    stored_people_text = _as_text(stored_people, [*STAKEHOLDER_COLUMNS, "origin"]).set_index("id", drop=False)
    stored_links_text = _as_text(stored_links, [*LINK_COLUMNS, "origin"])
    bundled_people = set(stored_people_text.index[stored_people_text["origin"] == "bundled"])
    kept_people = set(people["id"])
    removed_ids = sorted(set(stored_people_text.index) - kept_people)
    for node in removed_ids:
        if node in bundled_people:
            raise DataProblem(
                t("stakeholderspage.edit.bundled_removed", lang, id=node),
                t("stakeholderspage.edit.bundled_fix", lang),
            )
    links = check_links(
        _as_text(edited_links, LINK_COLUMNS), set(people["id"]), require_source=False, lang=lang
    )
    people_text = _as_text(people, STAKEHOLDER_COLUMNS)
    changed_people, unchanged = [], 0
    for position, record in enumerate(people_text.to_dict("records")):
        old = stored_people_text.loc[record["id"]] if record["id"] in stored_people_text.index else None
        if old is not None and all(old[column] == record[column] for column in STAKEHOLDER_COLUMNS):
            unchanged += 1
            continue
        if record["id"] in bundled_people:
            raise DataProblem(
                t("stakeholderspage.edit.bundled_changed", lang, id=record["id"], row=position + 2),
                t("stakeholderspage.edit.bundled_fix", lang),
            )
        changed_people.append(position)
    stored_by_key = {_link_id(r): r for r in stored_links_text.to_dict("records")}
    links_text = _as_text(links, LINK_COLUMNS)
    kept_links, changed_links = set(), []
    for position, record in enumerate(links_text.to_dict("records")):
        key = _link_id(record)
        kept_links.add(key)
        old = stored_by_key.get(key)
        if old is not None and all(_same_cell(old[c], record[c]) for c in LINK_COLUMNS):
            unchanged += 1
            continue
        if old is not None and old["origin"] == "bundled":
            raise DataProblem(
                t("stakeholderspage.edit.bundled_link_changed", lang, a=key[0], b=key[1], row=position + 2),
                t("stakeholderspage.edit.bundled_fix", lang),
            )
        changed_links.append(position)
    removed_links = sorted(set(stored_by_key) - kept_links)
    for key in removed_links:
        if stored_by_key[key]["origin"] == "bundled":
            raise DataProblem(
                t("stakeholderspage.edit.bundled_link_removed", lang, a=key[0], b=key[1]),
                t("stakeholderspage.edit.bundled_fix", lang),
            )
    return EditPlan(
        stakeholders=people.iloc[changed_people].reset_index(drop=True),
        links=links.iloc[changed_links].reset_index(drop=True),
        removed_ids=tuple(removed_ids),
        removed_links=tuple(removed_links),
        unchanged=unchanged,
    )


def _same_cell(old: str, new: str) -> bool:
    """Compare two text cells, numbers by value ("2" and "2.0")."""
    if old == new:
        return True
    try:
        return math.isclose(float(old), float(new))
    except ValueError:
        return False


def plan_import(
    data: bytes,
    filename: str,
    stored_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    *,
    max_nodes: int = 5000,
    lang: str = "id",
) -> EditPlan:
    """Read a GraphML or GEXF upload and return what adding it to the store would change.

    Institutions and links already stored are kept (an upload adds and updates, it never
    deletes); bundled rows that the file changes are refused, as in :func:`plan_edits`.

    Raises
    ------
    DataProblem
        If the file is not GraphML/GEXF, too big, unreadable, or has a bad row.
    """
    people, links = network.read_graph_file(data, filename, max_nodes=max_nodes, lang=lang)
    stored_text = _as_text(stored_people, STAKEHOLDER_COLUMNS)
    merged_people = pd.concat([stored_text[~stored_text["id"].isin(people["id"])], people], ignore_index=True)
    stored_links_text = _as_text(stored_links, LINK_COLUMNS)
    incoming = {_link_id(r) for r in links.to_dict("records")}
    keep = [_link_id(r) not in incoming for r in stored_links_text.to_dict("records")]
    merged_links = pd.concat([stored_links_text[keep], _as_text(links, LINK_COLUMNS)], ignore_index=True)
    return plan_edits(stored_people, merged_people, stored_links, merged_links, lang=lang)


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did."""

    people_written: int
    links_written: int
    people_removed: int
    links_removed: int


def save_plan(
    engine: Engine, plan: EditPlan, *, caller: Caller, origin: str, lang: str = "id"
) -> SaveOutcome:
    """Store an :class:`EditPlan` in one transaction: all of it, or nothing.

    Raises
    ------
    DataProblem
        If ``caller`` may not change data (``data.import``), or an institution to remove
        still has links the plan does not remove (some perhaps above the caller's ceiling).
    """
    access.require(caller, "data.import", lang=lang)
    if plan.is_empty():
        return SaveOutcome(0, 0, 0, 0)
    people_table, links_table = store.stakeholders, store.links
    with engine.begin() as conn:
        removing = set(plan.removed_links)
        for node in plan.removed_ids:
            touching = conn.execute(
                sa.select(links_table.c.source_id, links_table.c.target_id, links_table.c.kind).where(
                    sa.or_(links_table.c.source_id == node, links_table.c.target_id == node)
                )
            ).all()
            left = [tuple(row) for row in touching if tuple(row) not in removing]
            if left:
                raise DataProblem(
                    t("stakeholderspage.edit.still_linked", lang, id=node, count=len(left)),
                    t("stakeholderspage.edit.still_linked_fix", lang),
                )
        for source, target, kind in plan.removed_links:
            conn.execute(
                links_table.delete().where(
                    (links_table.c.source_id == source)
                    & (links_table.c.target_id == target)
                    & (links_table.c.kind == kind)
                    & (links_table.c.origin != "bundled")
                )
            )
        for node in plan.removed_ids:
            conn.execute(
                people_table.delete().where(
                    (people_table.c.id == node) & (people_table.c.origin != "bundled")
                )
            )
        for record in plan.stakeholders.to_dict("records"):
            _write(conn, people_table, {**record, "origin": origin}, ("id",))
        for record in plan.links.to_dict("records"):
            _write(conn, links_table, {**record, "origin": origin}, ("source_id", "target_id", "kind"))
        store.bump_revision(conn)
    return SaveOutcome(
        len(plan.stakeholders), len(plan.links), len(plan.removed_ids), len(plan.removed_links)
    )


def _write(conn: sa.Connection, table: sa.Table, record: dict[str, object], keys: tuple[str, ...]) -> None:
    """Insert or update one row by its key; bundled rows are never overwritten."""
    values = {name: _db_value(value) for name, value in record.items() if name in table.c}
    where = sa.and_(*[table.c[key] == values[key] for key in keys])
    old = conn.execute(sa.select(table.c.origin).where(where)).first()
    if old is None:
        conn.execute(table.insert().values(**values))
    elif old[0] != "bundled":
        conn.execute(table.update().where(where).values(**values))
    else:
        raise ValueError(f"bundled row {values} reached the write; plan_edits must refuse it.")


def _db_value(value: object) -> object:
    """Return a value the database driver takes (None for empty or NaN)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()
    if value == "":
        return None
    return value


def export_frames(stakeholders: pd.DataFrame, links: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the institutions and links in their file columns, for CSV/Excel downloads."""
    return stakeholders[list(STAKEHOLDER_COLUMNS)].copy(), links[list(LINK_COLUMNS)].copy()


def graph_signature(
    graph: nx.DiGraph,
) -> tuple[list[tuple[str, dict[str, object]]], list[tuple[str, str, dict[str, object]]]]:
    """Return nodes and arcs with their attributes, sorted, NaN as None: equal for the same graph."""

    def plain(data: Mapping[str, object]) -> dict[str, object]:
        return {
            key: (None if isinstance(value, float) and math.isnan(value) else value)
            for key, value in sorted(data.items())
        }

    nodes = sorted((str(node), plain(data)) for node, data in graph.nodes(data=True))
    arcs = sorted((str(a), str(b), plain(data)) for a, b, data in graph.edges(data=True))
    return nodes, arcs
