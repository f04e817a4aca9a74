"""Draw the coordination graph as an Altair node-link chart, grouped by region and type."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

import altair as alt
import networkx as nx
import pandas as pd

from lib.core.i18n import t
from lib.core.regions import regency_of
from lib.network.institutions import LEVELS, LINK_KINDS, TYPES
from lib.network.politics import political_charts

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
_LEFT_SLOTS = 3  # slots side by side in the province/national block beside the regency columns
_FULL_SLOTS = 8  # slots across the whole drawing for types only the province/national have
_REGENCY_STEP = 0.44  # distance between regency columns (a slot is 1 wide, a row 1 high)
_BAND_GAP = 0.3  # extra space between two type bands
_SECTION_GAP = 0.5  # extra space between the regency section and the province-only rows


def layout_positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Return an (x, y) position per institution: a province block, regency columns, type bands.

    Two sections, top to bottom:

    * Types that regencies have too (Polri, TNI, election bodies, prosecution, desa adat): one
      band per type. On the left the national and province institutions of the type, up to
      three side by side; to the right one column per regency in code order, its institutions
      of the type stacked. A province institution linked to regency institutions of its type
      sits at the right end of the row they are in (Polda beside the Polres row), so those
      links run straight across.
    * Types only the province or the nation have (government, forums, Posko, parties...): rows
      across the whole width, eight slots each, the most linked first; small types share a
      row, one slot apart.

    Slots are 1 apart, rows 1 apart (y grows downwards, returned negative); regency columns
    0.44 apart. The same graph always gets the same positions.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("a", type="police", level="province", region_code="51")
    >>> g.add_node("b", type="police", level="regency", region_code="51.08")
    >>> g.add_node("c", type="government", level="province", region_code="51")
    >>> g.add_edge("a", "b")
    >>> layout_positions(g)
    {'a': (2.0, 0.0), 'b': (3.0, 0.0), 'c': (0.0, -1.5)}
    """
    order = _Order(graph)
    left: dict[str, list[str]] = {}
    regency: dict[str, dict[str, list[str]]] = {}
    for node, data in graph.nodes(data=True):
        band, column = str(data.get("type", "")), regency_of(data.get("region_code")) or ""
        if column:
            regency.setdefault(band, {}).setdefault(column, []).append(node)
        else:
            left.setdefault(band, []).append(node)
    columns = sorted({column for cells in regency.values() for column in cells})
    column_x = {column: _LEFT_SLOTS + n * _REGENCY_STEP for n, column in enumerate(columns)}
    positions: dict[str, tuple[float, float]] = {}
    y = 0.0
    for band in sorted(regency, key=order.band):
        rows = _place_band(graph, regency[band], left.get(band, []), column_x, y, positions, order)
        y += rows + _BAND_GAP
    if regency:
        y += _SECTION_GAP - _BAND_GAP
    province_only = {band: members for band, members in left.items() if band not in regency}
    _place_province_rows(graph, province_only, y, positions, order)
    return {node: (round(x, 4), -round(y, 4) or 0.0) for node, (x, y) in sorted(positions.items())}


class _Order:
    """The order of type bands (as in :data:`TYPES`) and of institutions in a band (by level, id)."""

    def __init__(self, graph: nx.Graph) -> None:
        self._graph = graph
        self._level_rank = {level: n for n, level in enumerate(LEVELS)}

    def band(self, band: str) -> tuple[int, str]:
        """Return the sort key of a type band."""
        return (TYPES.index(band) if band in TYPES else 99, band)

    def node(self, node: str) -> tuple[int, str]:
        """Return the sort key of an institution: national first, then province, ..., then id."""
        return (self._level_rank.get(self._graph.nodes[node].get("level"), 9), node)


def _place_band(
    graph: nx.Graph,
    cells: Mapping[str, list[str]],
    members: list[str],
    column_x: Mapping[str, float],
    y: float,
    positions: dict[str, tuple[float, float]],
    order: _Order,
) -> int:
    """Place one type band (regency columns and the province block beside them); return its rows."""
    row_of: dict[str, int] = {}
    for column, nodes in cells.items():
        for row, node in enumerate(sorted(nodes, key=order.node)):
            row_of[node] = row
            positions[node] = (column_x[column], y + row)
    members = sorted(members, key=order.node)
    rows = max(max(row_of.values()) + 1, math.ceil(len(members) / _LEFT_SLOTS))
    free = [[True] * _LEFT_SLOTS for _ in range(rows)]
    placed = set()
    for node, target in _row_targets(graph, members, row_of):
        for row in sorted(range(rows), key=lambda row: (abs(row - target), row)):
            if any(free[row]):
                slot = max(n for n in range(_LEFT_SLOTS) if free[row][n])
                free[row][slot] = False
                positions[node] = (float(slot), y + row)
                placed.add(node)
                break
    rest = iter(node for node in members if node not in placed)
    for row in range(rows):
        for slot in range(_LEFT_SLOTS):
            if free[row][slot] and (node := next(rest, None)) is not None:
                free[row][slot] = False
                positions[node] = (float(slot), y + row)
    return rows


def _row_targets(graph: nx.Graph, members: list[str], row_of: Mapping[str, int]) -> list[tuple[str, int]]:
    """Return the province institutions linked into the band with the row most of their links are in.

    The most linked come first, so they get the slot at the end of their row.
    """
    targets: list[tuple[int, str, int]] = []
    for node in members:
        linked = [row_of[other] for other in nx.all_neighbors(graph, node) if other in row_of]
        if linked:
            target = max(set(linked), key=lambda row: (linked.count(row), -row))
            targets.append((-len(linked), node, target))
    return [(node, target) for _, node, target in sorted(targets)]


def _place_province_rows(
    graph: nx.Graph,
    bands: Mapping[str, list[str]],
    y: float,
    positions: dict[str, tuple[float, float]],
    order: _Order,
) -> None:
    """Place the types only the province or nation have in rows across the drawing, from ``y``."""
    used = 0
    for band in sorted(bands, key=order.band):
        members = sorted(bands[band], key=lambda node: (-graph.degree(node), *order.node(node)))
        start = used + 1 if used else 0
        if used and start + len(members) > _FULL_SLOTS:
            y, start = y + 1, 0
        for n, node in enumerate(members):
            slot = start + n
            positions[node] = (float(slot % _FULL_SLOTS), y + slot // _FULL_SLOTS)
        end = start + len(members)
        y += (end - 1) // _FULL_SLOTS
        used = (end - 1) % _FULL_SLOTS + 1


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
        ``region_code``, ``role``, ``x``, ``y`` and the metric columns. Edges, one per link
        (the mirror arc of an undirected link is dropped): ``source``, ``target``, ``x``, ``y``,
        ``x2``, ``y2``, ``kind``, ``kind_label``, ``strength``, ``assumption``,
        ``assumed_label``, ``channel``.
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
            "region_code": str(data.get("region_code") or ""),
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


def _common_words(texts: Collection[str], *, from_end: bool) -> str:
    """Return the words every text starts with (or ends with), "" when they share none.

    >>> _common_words(["KPU Badung", "Kodim 1609/Badung"], from_end=True)
    'Badung'
    >>> _common_words(["Desa adat Bangli", "Desa adat Badung"], from_end=False)
    'Desa adat'
    """
    split = [text.replace("/", " ").split() if from_end else text.split() for text in texts]
    if not split:
        return ""
    if from_end:
        split = [words[::-1] for words in split]
    common: list[str] = []
    for words in zip(*split, strict=False):
        if len(set(words)) != 1:
            break
        common.append(words[0])
    return " ".join(common[::-1] if from_end else common)


def _drop_common_last_word(labels: list[str]) -> tuple[list[str], str]:
    """Return the labels without the last word most of them share ("Bali"), and that word.

    A word is dropped only when at least three labels and a third of them end with it, and
    never from a label that is only that word.

    >>> _drop_common_last_word(["Polda Bali", "KPU Bali", "Bali", "MK", "Pers Bali"])
    (['Polda', 'KPU', 'Bali', 'MK', 'Pers'], 'Bali')
    >>> _drop_common_last_word(["Polda Bali", "MK"])
    (['Polda Bali', 'MK'], '')
    """
    lasts = [label.split()[-1] for label in labels if len(label.split()) > 1]
    if not lasts:
        return list(labels), ""
    word = max(sorted(set(lasts)), key=lasts.count)
    if lasts.count(word) < 3 or 3 * lasts.count(word) < len(labels):
        return list(labels), ""
    return [
        label[: -len(word)].rstrip() if len(label.split()) > 1 and label.split()[-1] == word else label
        for label in labels
    ], word


_CHAR_WIDTH = 0.55  # estimated width of a bold character, in font sizes


def _fit_labels(
    xs: list[float],
    ys: list[float],
    texts: list[str],
    sizes: list[float],
    px: float,
    left: float,
    right: float,
) -> list[str]:
    """Return the texts cut (with "…") so that centred names in one row do not run into each other.

    A name may use the room its neighbours leave free; ``px`` is pixels per x unit and
    ``left``/``right`` the x domain, which a name may pass by at most 20 pixels.

    >>> _fit_labels([0, 1], [0, 0], ["Kesbangpol", "MK"], [10, 10], 60.0, -1, 2)
    ['Kesbangpol', 'MK']
    >>> _fit_labels([0, 1], [0, 0], ["Kesbangpol", "Satpol PP / Linmas"], [10, 10], 60.0, -1, 2)
    ['Kesbangp…', 'Satpol P…']
    """
    fitted = list(texts)
    rows: dict[float, list[int]] = {}
    for index, y in enumerate(ys):
        rows.setdefault(round(y, 3), []).append(index)
    for members in rows.values():
        members.sort(key=lambda index: xs[index])
        want = [len(texts[i]) * _CHAR_WIDTH * sizes[i] / 2 + 1 for i in members]
        half = [
            min(want[n], (xs[i] - left) * px + 20, (right - xs[i]) * px + 20) for n, i in enumerate(members)
        ]
        for n in range(len(members) - 1):
            gap = (xs[members[n + 1]] - xs[members[n]]) * px - 6
            a, b = half[n], half[n + 1]
            if a + b > gap:
                if a <= gap / 2:
                    b = gap - a
                elif b <= gap / 2:
                    a = gap - b
                else:
                    a = b = gap / 2
            half[n], half[n + 1] = min(half[n], a), min(half[n + 1], b)
        for n, i in enumerate(members):
            room = int(2 * half[n] / (_CHAR_WIDTH * sizes[i]))
            if len(texts[i]) > room:
                fitted[i] = texts[i][: max(room - 1, 1)].rstrip() + "\u2026"
    return fitted


def _grid_labels(
    nodes: pd.DataFrame, region_names: Mapping[str, str], province: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the headers over the columns (centred) and the row names beside the regency block."""
    codes = nodes["region_code"].map(lambda code: regency_of(code) or "")
    regency = nodes[codes != ""].assign(column=codes[codes != ""])
    left = nodes[codes == ""]
    if not regency.empty:
        left = left[(left["x"] < regency["x"].min()) & (left["y"] >= regency["y"].min())]
    top = float(nodes["y"].max()) if len(nodes) else 0.0
    headers = []
    if not left.empty and not regency.empty:
        headers.append(
            {
                "x": float(left["x"].min() + left["x"].max()) / 2,
                "y": top + 1.15,
                "text": province,
                "highlighted": bool(left["highlighted"].any()),
            }
        )
    for n, (code, group) in enumerate(regency.groupby("column", sort=True)):
        name = region_names.get(code) or _common_words(list(group["label"]), from_end=True) or code
        headers.append(
            {
                "x": float(group["x"].median()),
                "y": top + (1.15 if n % 2 == 0 else 0.65),
                "text": name,
                "highlighted": bool(group["highlighted"].any()),
            }
        )
    rows = []
    if not regency.empty:
        right = float(regency["x"].max()) + 0.3
        for y, group in regency.groupby("y", sort=True):
            labels = list(group["label"])
            words = _common_words(labels, from_end=False)
            if not words:
                firsts = [label.split()[0] for label in labels if label.split()]
                words = max(sorted(set(firsts)), key=firsts.count) if firsts else ""
            rows.append(
                {"x": right, "y": float(y), "text": words, "highlighted": bool(group["highlighted"].any())}
            )
    columns = ["x", "y", "text", "highlighted"]
    return pd.DataFrame(headers, columns=columns), pd.DataFrame(rows, columns=columns)


def network_chart(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    size_field: str,
    highlight: Collection[str] | None = None,
    lang: str = "id",
    label_top: int = 15,
    region_names: Mapping[str, str] | None = None,
    width: int = 800,
    height: int = 560,
    politics: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> alt.LayerChart:
    """Build the node-link chart: links by kind (assumed ones dashed), institutions by type.

    Every province and national institution is named under its circle (its own slot of the
    layout, so names do not overlap; a long name is cut to the slot width and shown whole in
    the tooltip). Regency institutions are read from the grid: the regency above the column,
    the office ("Polres", "KPU"...) at the end of the row.

    Parameters
    ----------
    nodes, edges
        Frames from :func:`chart_frames` placed by :func:`layout_positions`. Not modified.
    size_field
        Numeric node column that sizes the circles (``degree``, ``betweenness``, ``pagerank``,
        ``broker``...).
    highlight
        Ids to stand out (a route, the institutions cut off, a regency); the rest fade, and so
        do the names of columns and rows without any of them. None: no fading.
    label_top
        How many of the largest institutions get their name in a larger font.
    region_names
        Regency code to name for the column headers; without it the name is taken from what
        the names of the column's institutions end with ("Polres Badung", "KPU Badung"), else
        the code.
    width, height
        Size the layout is planned for, in pixels; names are cut to the slot width at ``width``.
    politics
        The political layer's node and tie frames (:func:`lib.network.politics.political_frames`),
        drawn in their own style: ties dashed in their own colour behind everything, with the
        legend entry "political support (not coordination)"; None draws the institutions only.

    Notes
    -----
    A click selects an institution; the page reads it as
    ``event.selection[NODE_PICK]`` with the field ``id``.
    """
    if size_field not in nodes.columns:
        raise ValueError(f"size_field {size_field!r} is not a node column; have {list(nodes.columns)}.")
    marked = set(highlight) if highlight is not None else set(nodes["id"])
    codes = nodes["region_code"] if "region_code" in nodes.columns else pd.Series("", index=nodes.index)
    node_data = nodes.assign(
        region_code=codes,
        highlighted=nodes["id"].isin(marked),
        show_label=codes.map(regency_of).isna(),
        font_size=(nodes[size_field].rank(method="first", ascending=False) <= label_top).map(
            {True: 13.5, False: 12.0}
        ),
    )
    edge_highlighted = edges["source"].isin(marked) & edges["target"].isin(marked)
    edge_data = edges.assign(
        highlighted=edge_highlighted,
        alpha=0.45 if highlight is None else edge_highlighted.map({True: 0.85, False: 0.06}),
    )
    named_rows = node_data.index[node_data["show_label"]]
    short, word = _drop_common_last_word(list(node_data.loc[named_rows, "label"]))
    province = (
        t("network.chart.province_block_named", lang, name=word)
        if word
        else t("network.chart.province_block", lang)
    )
    headers, rows = _grid_labels(node_data, region_names or {}, province)
    placed = pd.concat([node_data[["x", "y"]], *([politics[0][["x", "y"]]] if politics else [])])
    x_low = float(placed["x"].min()) - 0.5 if len(placed) else 0.0
    x_high = max([float(placed["x"].max()) + 0.5 if len(placed) else 1.0, *(rows["x"] + 0.8).tolist()])
    y_low = float(placed["y"].min()) - 0.7 if len(placed) else -1.0
    y_high = float(headers["y"].max()) + 0.35 if len(headers) else y_low + 1.7
    px = width / max(x_high - x_low, 1.0)
    node_data["shown_label"] = ""
    node_data.loc[named_rows, "shown_label"] = _fit_labels(
        list(node_data.loc[named_rows, "x"]),
        list(node_data.loc[named_rows, "y"]),
        short,
        list(node_data.loc[named_rows, "font_size"]),
        px,
        x_low,
        x_high,
    )
    type_domain = [t(f"network.type.{kind}", lang) for kind in TYPES]
    kind_domain = [t(f"network.kind.{kind}", lang) for kind in LINK_KINDS]
    yes, no = t("network.chart.yes", lang), t("network.chart.no", lang)
    hidden = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    x_enc = alt.X("x:Q", axis=hidden, scale=alt.Scale(domain=[x_low, x_high], nice=False, zero=False))
    y_enc = alt.Y("y:Q", axis=hidden, scale=alt.Scale(domain=[y_low, y_high], nice=False, zero=False))
    pick = alt.selection_point(name=NODE_PICK, fields=["id"], on="click", empty=False)
    links = (
        alt.Chart(edge_data)
        .mark_rule()
        .encode(
            x=x_enc,
            y=y_enc,
            x2="x2:Q",
            y2="y2:Q",
            color=alt.Color("kind_label:N", title=t("network.chart.link", lang)).scale(
                domain=kind_domain, range=[KIND_COLOURS[kind] for kind in LINK_KINDS]
            ),
            strokeDash=alt.StrokeDash("assumed_label:N", title=t("network.chart.assumed", lang)).scale(
                domain=[no, yes], range=[[1, 0], [4, 3]]
            ),
            strokeWidth=alt.StrokeWidth("strength:Q", legend=None).scale(domain=[1, 3], range=[0.8, 2.6]),
            opacity=alt.Opacity("alpha:Q", legend=None).scale(None),
            tooltip=[
                alt.Tooltip("kind_label:N", title=t("network.chart.link", lang)),
                alt.Tooltip("assumed_label:N", title=t("network.chart.assumed", lang)),
                alt.Tooltip("channel:N", title=t("network.chart.channel", lang)),
            ],
        )
    )
    size_title = (
        t(f"network.metric.{size_field}", lang)
        if f"network.metric.{size_field}" in _METRIC_KEYS
        else size_field
    )
    base = alt.Chart(node_data).encode(x=x_enc, y=y_enc)
    circles = (
        base.mark_circle(stroke="white", strokeWidth=1)
        .encode(
            size=alt.Size(f"{size_field}:Q", title=size_title, legend=alt.Legend(tickCount=3)).scale(
                range=[30, 260]
            ),
            color=alt.Color(
                "type_label:N",
                title=t("network.chart.type", lang),
                legend=alt.Legend(orient="top", columns=5, direction="vertical"),
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
    named = base.transform_filter(alt.datum.show_label)
    label_style = {"baseline": "top", "dy": 10, "fontWeight": "bold"}
    label_encoding = {
        "text": alt.Text("shown_label:N"),
        "size": alt.Size("font_size:Q", legend=None).scale(None),
        "opacity": alt.when(alt.datum.highlighted).then(alt.value(1.0)).otherwise(alt.value(0.3)),
    }
    halos = named.mark_text(stroke="white", strokeWidth=4, strokeJoin="round", **label_style).encode(
        **label_encoding
    )
    labels = named.mark_text(color="#222222", **label_style).encode(**label_encoding)
    grid_opacity = alt.when(alt.datum.highlighted).then(alt.value(1.0)).otherwise(alt.value(0.35))
    column_names = (
        alt.Chart(headers)
        .mark_text(fontSize=13, fontWeight="bold", color="#333333", baseline="middle")
        .encode(x=x_enc, y=y_enc, text="text:N", opacity=grid_opacity)
    )
    row_names = (
        alt.Chart(rows)
        .mark_text(fontSize=12, fontWeight="bold", color="#555555", align="left", baseline="middle")
        .encode(x=x_enc, y=y_enc, text="text:N", opacity=grid_opacity)
    )
    political = political_charts(*politics, x_enc, y_enc, lang=lang) if politics else []
    behind, front = political[:1], political[1:]
    chart = alt.layer(*behind, links, circles, halos, labels, *front, column_names, row_names).properties(
        width=width, height=height
    )
    return chart.resolve_scale(color="independent", size="independent").configure_legend(
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
