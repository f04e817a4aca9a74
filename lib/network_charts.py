"""Draw the coordination graph as an Altair node-link chart, grouped by region and type."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

import altair as alt
import networkx as nx
import pandas as pd

from lib.i18n import t
from lib.stakeholders import LEVELS, LINK_KINDS, TYPES

NODE_PICK = "node_pick"
TYPE_COLOURS: Mapping[str, str] = {
    "government": "#4c78a8",
    "police": "#1d3557",
    "military": "#54a24b",
    "election_body": "#f58518",
    "prosecution": "#17becf",
    "intelligence": "#9467bd",
    "customary": "#9d755d",
    "religious": "#eeca3b",
    "forum": "#72b7b2",
    "posko": "#d62728",
    "civil_society": "#ff9da6",
    "party": "#bab0ac",
    "media": "#79706e",
    "national": "#8c564b",
}
KIND_COLOURS: Mapping[str, str] = {
    "command": "#333333",
    "coordination": "#4c78a8",
    "information": "#f58518",
    "membership": "#9ecae9",
}
_WRAP = 6  # institutions side by side in one cell of the layout before a new row starts
_STEP = 1.6  # horizontal distance between institutions side by side in a cell (columns are 1 apart)


def layout_positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Return an (x, y) position per institution: a column per region, a band per type.

    National bodies come first, then the province, then each regency in code order; within a
    column the bands follow :data:`lib.stakeholders.TYPES` from top to bottom, so the Polres,
    KPU, Bawaslu and desa adat of one regency line up in its column. Inside a cell the
    institutions sit in rows of up to six, 1.6 apart, by level then id, so circles and labels
    in a crowded cell (the province) do not overlap. The same graph always gets the same
    positions.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("a", type="police", level="province", region_code="51")
    >>> g.add_node("b", type="police", level="regency", region_code="51.08")
    >>> layout_positions(g)
    {'a': (0.0, 0.0), 'b': (2.0, 0.0)}
    """
    cells: dict[tuple[str, str], list[str]] = {}
    for node, data in graph.nodes(data=True):
        column = str(data.get("region_code") or "")
        cells.setdefault((column, str(data.get("type", ""))), []).append(node)
    columns = sorted({column for column, _ in cells}, key=lambda code: (code != "", code.count("."), code))
    bands = sorted(
        {band for _, band in cells}, key=lambda band: (TYPES.index(band) if band in TYPES else 99, band)
    )
    level_rank = {level: n for n, level in enumerate(LEVELS)}
    widths = {
        column: min(_WRAP, max(len(nodes) for (c, _), nodes in cells.items() if c == column))
        for column in columns
    }
    heights = {
        band: max(math.ceil(len(nodes) / widths[c]) for (c, b), nodes in cells.items() if b == band)
        for band in bands
    }
    x_start, running = {}, 0.0
    for column in columns:
        x_start[column] = running
        running += (widths[column] - 1) * _STEP + 2
    y_start, running = {}, 0.0
    for band in bands:
        y_start[band] = running
        running += heights[band] + 0.5
    positions: dict[str, tuple[float, float]] = {}
    for (column, band), nodes in cells.items():
        ordered = sorted(nodes, key=lambda node: (level_rank.get(graph.nodes[node].get("level"), 9), node))
        for index, node in enumerate(ordered):
            x = x_start[column] + (index % widths[column]) * _STEP
            y = y_start[band] + index // widths[column]
            positions[node] = (float(x), float(-y) if y else 0.0)
    return dict(sorted(positions.items()))


def chart_frames(
    graph: nx.DiGraph,
    metrics: pd.DataFrame,
    positions: Mapping[str, tuple[float, float]],
    *,
    max_nodes: int = 400,
    rank_by: str = "degree",
    always: Collection[str] = ("posko-pilkada",),
    lang: str = "id",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the small node and edge frames :func:`network_chart` draws.

    Parameters
    ----------
    graph
        Graph from :func:`lib.network.build_graph` (or a scenario of it). Not modified.
    metrics
        Table from :func:`lib.network.metrics_table`; its numeric columns become node fields.
    positions
        From :func:`layout_positions`; institutions without a position are left out.
    max_nodes, rank_by, always
        A larger graph keeps only the ``max_nodes`` institutions ranking highest on the metric
        ``rank_by`` (plus those in ``always``) and the links among them, so the chart data
        stays small enough to draw.

    Returns
    -------
    tuple of pandas.DataFrame
        Nodes: ``id``, ``name``, ``acronym``, ``label``, ``type``, ``type_label``, ``level``,
        ``role``, ``x``, ``y`` and the metric columns. Edges, one per link (the mirror arc of an
        undirected link is dropped): ``source``, ``target``, ``x``, ``y``, ``x2``, ``y2``,
        ``kind``, ``kind_label``, ``strength``, ``assumption``, ``assumed_label``, ``channel``.
    """
    numeric = [column for column in metrics.columns if pd.api.types.is_numeric_dtype(metrics[column])]
    if graph.number_of_nodes() > max_nodes:
        ranked = metrics.sort_values([rank_by, "id"], ascending=[False, True])["id"].head(max_nodes)
        chosen = set(ranked) | (set(always) & set(graph.nodes))
        positions = {node: xy for node, xy in positions.items() if node in chosen}
    by_id = metrics.set_index("id")[numeric] if numeric else pd.DataFrame(index=metrics["id"])
    nodes = []
    for node, data in graph.nodes(data=True):
        if node not in positions:
            continue
        kind = str(data.get("type", ""))
        row = {
            "id": node,
            "name": str(data.get("name") or node),
            "acronym": str(data.get("acronym", "")),
            "label": str(data.get("acronym") or data.get("name") or node),
            "type": kind,
            "type_label": t(f"network.type.{kind}", lang) if kind in TYPES else kind,
            "level": str(data.get("level", "")),
            "role": str(data.get("role", "")),
            "x": float(positions[node][0]),
            "y": float(positions[node][1]),
        }
        if node in by_id.index:
            row.update({column: by_id.at[node, column] for column in numeric})
        nodes.append(row)
    edges = []
    for source, target, data in graph.edges(data=True):
        if data.get("mirror") or source not in positions or target not in positions:
            continue
        kind = str(data.get("kind", ""))
        assumed = bool(data.get("assumption"))
        edges.append(
            {
                "source": source,
                "target": target,
                "x": float(positions[source][0]),
                "y": float(positions[source][1]),
                "x2": float(positions[target][0]),
                "y2": float(positions[target][1]),
                "kind": kind,
                "kind_label": t(f"network.kind.{kind}", lang) if kind in LINK_KINDS else kind,
                "strength": int(data.get("strength", 1)),
                "assumption": assumed,
                "assumed_label": t("network.chart.yes" if assumed else "network.chart.no", lang),
                "channel": str(data.get("channel", "")),
            }
        )
    edge_columns = [
        "source",
        "target",
        "x",
        "y",
        "x2",
        "y2",
        "kind",
        "kind_label",
        "strength",
        "assumption",
        "assumed_label",
        "channel",
    ]
    return pd.DataFrame(nodes), pd.DataFrame(edges, columns=edge_columns)


def network_chart(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    size_field: str,
    highlight: Collection[str] | None = None,
    lang: str = "id",
    label_top: int = 15,
    width: int = 900,
    height: int = 560,
) -> alt.LayerChart:
    """Build the node-link chart: links by kind (assumed ones dashed), institutions by type.

    Parameters
    ----------
    nodes, edges
        Frames from :func:`chart_frames`. Not modified.
    size_field
        Numeric node column that sizes the circles (``degree``, ``betweenness``, ``pagerank``,
        ``broker``...).
    highlight
        Ids to stand out (a route, the institutions cut off); the rest fade. None: no fading.
    label_top
        How many of the largest institutions get a text label.

    Notes
    -----
    A click selects an institution; the page reads it as
    ``event.selection[NODE_PICK]`` with the field ``id``.
    """
    if size_field not in nodes.columns:
        raise ValueError(f"size_field {size_field!r} is not a node column; have {list(nodes.columns)}.")
    marked = set(highlight) if highlight is not None else set(nodes["id"])
    node_data = nodes.assign(
        highlighted=nodes["id"].isin(marked),
        show_label=nodes[size_field].rank(method="first", ascending=False) <= label_top,
    )
    edge_data = edges.assign(highlighted=edges["source"].isin(marked) & edges["target"].isin(marked))
    type_domain = [t(f"network.type.{kind}", lang) for kind in TYPES]
    kind_domain = [t(f"network.kind.{kind}", lang) for kind in LINK_KINDS]
    yes, no = t("network.chart.yes", lang), t("network.chart.no", lang)
    hidden = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    x_scale = alt.Scale(zero=False, nice=False, padding=20)
    y_scale = alt.Scale(zero=False, nice=False, padding=20)
    pick = alt.selection_point(name=NODE_PICK, fields=["id"], on="click", empty=False)
    links = (
        alt.Chart(edge_data)
        .mark_rule()
        .encode(
            x=alt.X("x:Q", axis=hidden, scale=x_scale),
            y=alt.Y("y:Q", axis=hidden, scale=y_scale),
            x2="x2:Q",
            y2="y2:Q",
            color=alt.Color("kind_label:N", title=t("network.chart.link", lang)).scale(
                domain=kind_domain, range=[KIND_COLOURS[kind] for kind in LINK_KINDS]
            ),
            strokeDash=alt.StrokeDash("assumed_label:N", title=t("network.chart.assumed", lang)).scale(
                domain=[no, yes], range=[[1, 0], [4, 3]]
            ),
            strokeWidth=alt.StrokeWidth("strength:Q", legend=None).scale(domain=[1, 3], range=[0.7, 2.4]),
            opacity=alt.when(alt.datum.highlighted).then(alt.value(0.75)).otherwise(alt.value(0.08)),
            tooltip=[
                alt.Tooltip("kind_label:N", title=t("network.chart.link", lang)),
                alt.Tooltip("assumed_label:N", title=t("network.chart.assumed", lang)),
                alt.Tooltip("channel:N", title="Channel"),
            ],
        )
    )
    size_title = (
        t(f"network.metric.{size_field}", lang)
        if f"network.metric.{size_field}" in _METRIC_KEYS
        else size_field
    )
    base = alt.Chart(node_data).encode(
        x=alt.X("x:Q", axis=hidden, scale=x_scale),
        y=alt.Y("y:Q", axis=hidden, scale=y_scale),
    )
    circles = (
        base.mark_circle(stroke="white", strokeWidth=1)
        .encode(
            size=alt.Size(f"{size_field}:Q", title=size_title, legend=alt.Legend(tickCount=3)).scale(
                range=[40, 900]
            ),
            color=alt.Color(
                "type_label:N",
                title=t("network.chart.type", lang),
                legend=alt.Legend(orient="right", columns=1),
            ).scale(domain=type_domain, range=[TYPE_COLOURS[kind] for kind in TYPES]),
            opacity=alt.when(pick | alt.datum.highlighted).then(alt.value(1.0)).otherwise(alt.value(0.25)),
            strokeWidth=alt.when(pick).then(alt.value(3)).otherwise(alt.value(1)),
            tooltip=[
                alt.Tooltip("name:N", title=t("network.chart.name", lang)),
                alt.Tooltip("type_label:N", title=t("network.chart.type", lang)),
                alt.Tooltip("role:N", title=t("network.chart.role", lang)),
                alt.Tooltip(f"{size_field}:Q", title=size_title, format=",.3~f"),
                *(
                    [alt.Tooltip("degree:Q", title=t("network.metric.degree", lang), format="d")]
                    if "degree" in node_data.columns and size_field != "degree"
                    else []
                ),
            ],
        )
        .add_params(pick)
    )
    labels = (
        base.transform_filter(alt.datum.show_label)
        .mark_text(dy=-13, fontSize=13, fontWeight="bold")
        .encode(
            text=alt.Text("label:N"),
            opacity=alt.when(alt.datum.highlighted).then(alt.value(1.0)).otherwise(alt.value(0.3)),
        )
    )
    chart = (links + circles + labels).properties(width=width, height=height)
    return chart.resolve_scale(color="independent").configure_legend(
        orient="bottom", direction="horizontal", labelFontSize=13, titleFontSize=13, labelLimit=220
    )


_METRIC_KEYS = {
    f"network.metric.{name}"
    for name in (
        "degree",
        "betweenness",
        "pagerank",
        "broker",
        "in_degree",
        "out_degree",
        "community",
        "hours_from_posko",
    )
}
