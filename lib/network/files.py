"""Carry the coordination graph through files: GraphML, GEXF (Gephi 0.8 to 0.10), CSV columns and cells."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import altair as alt
import networkx as nx
import numpy as np
import pandas as pd
from lxml import etree

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.text import cell_text
from lib.network import xmltext
from lib.network.graph import _NODE_ATTRIBUTES
from lib.network.institutions import (
    LEVELS,
    LINK_COLUMNS,
    STAKEHOLDER_COLUMNS,
    TYPES,
    check_links,
    check_stakeholders,
)
from lib.network.xmltext import gexf_bytes, graphml_bytes, parse_xml, read_graphml, sub_element

_NODE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?node[\s/>]")
_DECLARATIONS = re.compile(rb"<!(?:doctype|entity)", re.IGNORECASE)
"""A DOCTYPE or an entity declaration, in any case (the file is refused before it is parsed)."""


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
    """Return the graph as GraphML (yEd, Gephi, Cytoscape), both arcs of undirected links included.

    The file ``networkx.write_graphml`` writes, written as text (:mod:`lib.network.xmltext`).
    """
    return graphml_bytes(_exportable(graph))


def to_gexf_bytes(graph: nx.DiGraph) -> bytes:
    """Return the graph as GEXF 1.2 (Gephi), the file ``networkx.write_gexf`` writes, written as text."""
    return gexf_bytes(_exportable(graph))


def file_cell(value: object) -> str:
    """Return a value as the text a CSV or GraphML cell holds: "" when empty, "true"/"false" for flags.

    The shared :func:`lib.core.text.cell_text` with the two differences the file formats (and the
    stakeholder checks) need.

    >>> file_cell(True), file_cell(None), file_cell(2.0), file_cell(" Polres ")
    ('true', '', '2', 'Polres')
    """
    text = cell_text(value)
    if text is None:
        return ""
    return text.lower() if isinstance(value, bool | np.bool_) else text


GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
"""The GEXF namespace every GEXF file is read in (1.1draft, 1.2draft and 1.3 are mapped onto it)."""
VIZ_NAMESPACE = "http://www.gexf.net/1.2draft/viz"
_NS = {"g": GEXF_NAMESPACE}
_READ_AS_TYPED = {"integer", "long", "float", "double", "string", "liststring", "anyURI"}
"""GEXF attribute types networkx converts; others (boolean, short, char, list types...) are read as text."""
_KNOWN_COLUMNS = {*STAKEHOLDER_COLUMNS, *LINK_COLUMNS, "label", "mirror", "weight"}
_NOT_COLUMNS = {"viz", "pid", "parents", "spells", "slices", "start", "end"}
INSTITUTION_MARKERS: tuple[str, ...] = ("type", "level")
"""Node columns that make a file an institutions network; without them it is some other network."""


@dataclass(frozen=True)
class GraphFile:
    """A network read from a GraphML or GEXF file, before its nodes are checked as institutions."""

    filename: str
    graph: nx.Graph
    """As networkx reads it: node ids as text, attributes under their declared titles (GEXF
    ``viz`` under ``viz``). Not to be modified."""
    ignored: tuple[str, ...] = ()
    """Attributes the file gives values for without declaring them (Gephi 0.8's ``image``), left out."""

    def node_columns(self) -> tuple[str, ...]:
        """Return the node attributes that have a value on some node (``label`` included), sorted."""
        found = {
            key
            for _, data in self.graph.nodes(data=True)
            for key, value in data.items()
            if key not in _NOT_COLUMNS and isinstance(value, str | int | float) and file_cell(value)
        }
        return tuple(sorted(found))

    def missing_columns(self) -> tuple[str, ...]:
        """Return which of :data:`INSTITUTION_MARKERS` no node has."""
        present = set(self.node_columns())
        return tuple(column for column in INSTITUTION_MARKERS if column not in present)

    def is_institutions(self) -> bool:
        """Return True when the nodes carry ``type`` and ``level``: the file is an institutions network."""
        return not self.missing_columns()


class NotInstitutions(DataProblem):
    """A readable network that is not an institutions network (no ``type`` or ``level`` column).

    Its ``what`` is the one sentence saying so; the file is kept in ``file`` so that it can be
    drawn as a reference or have its columns mapped (:func:`map_columns`).
    """

    def __init__(self, file: GraphFile, *, lang: str = "id") -> None:
        missing = file.missing_columns()
        columns = f" {t('gephi.and', lang)} ".join(missing)
        super().__init__(
            t(
                "gephi.not_institutions",
                lang,
                nodes=file.graph.number_of_nodes(),
                edges=file.graph.number_of_edges(),
                columns=columns,
            ),
            t("gephi.not_institutions_fix", lang),
        )
        self.file = file
        self.missing = missing


def read_network_file(data: bytes, filename: str, *, max_nodes: int = 5000, lang: str = "id") -> GraphFile:
    """Read a GraphML or GEXF file (GEXF 1.1, 1.2 or 1.3: Gephi 0.8 to 0.10) into a graph.

    GEXF 1.3 and 1.1 namespaces are read as 1.2; attributes are named by their ``title`` (a
    Sinergi column name in any case: ``Region Code`` is ``region_code``); values of attributes the
    file does not declare are left out and named in :attr:`GraphFile.ignored`. Every GEXF edge
    is read as one arc from its source; an undirected one (also in Gephi's mixed graphs) has
    ``directed`` false.

    Raises
    ------
    DataProblem
        If the file is not GraphML or GEXF, declares XML entities, has more than ``max_nodes``
        nodes or cannot be parsed.
    """
    head = data[:4096].lower()
    name = filename.lower()
    if name.endswith(".graphml") or b"<graphml" in head:
        reader = _read_graphml
    elif name.endswith(".gexf") or b"<gexf" in head:
        reader = _read_gexf
    else:
        raise DataProblem(t("network.file_type", lang, name=filename), t("network.file_type_fix", lang))
    if _DECLARATIONS.search(data):
        raise DataProblem(t("network.file_entities", lang, name=filename), t("network.file_type_fix", lang))
    count = len(_NODE_TAG.findall(data))
    if count > max_nodes:
        raise DataProblem(
            t("network.file_too_big", lang, name=filename, count=count, limit=max_nodes),
            t("network.file_too_big_fix", lang, limit=max_nodes),
        )
    try:
        graph, ignored = reader(data)
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
    return GraphFile(filename, graph, tuple(dict.fromkeys(ignored)))


def _read_graphml(data: bytes) -> tuple[nx.Graph, list[str]]:
    return read_graphml(data), []


def _read_gexf(data: bytes) -> tuple[nx.Graph, list[str]]:
    """Read GEXF of any version: prepared (:func:`prepared_gexf`), then read as networkx reads it."""
    graph_element, ignored, values = _prepared(data)
    graph = xmltext.read_prepared_gexf(graph_element, values)
    del values  # before the tree: freed after it, its 258,000 strings took 0.12 s instead of 0.004 s
    return graph, ignored


def prepared_gexf(data: bytes) -> tuple[etree._Element, list[str]]:
    """Return a GEXF's ``<graph>`` in 1.2draft namespaces, values declared, arcs directed, and the dropped.

    Raises
    ------
    networkx.NetworkXError
        If the file has no ``<graph>``.
    """
    graph_element, ignored, _ = _prepared(data)
    return graph_element, ignored


def _prepared(data: bytes) -> tuple[etree._Element, list[str], xmltext.AttValues | None]:
    """Return :func:`prepared_gexf`'s two, and the tree's attvalues when taken and still as they are."""
    root = parse_xml(data)
    xmltext.map_gexf_namespaces(root, data)
    graph_element = root.find(f"{{{GEXF_NAMESPACE}}}graph")
    if graph_element is None:
        raise nx.NetworkXError("No <graph> element in GEXF file.")
    declared = _declare_attributes(graph_element)
    values = xmltext.gexf_attvalues(graph_element)
    ignored: list[str] = []
    if values is None or any(not set(values[kind][0]) <= declared[kind].keys() for kind in values):
        values = None  # some value names no declared id (a title, GEXF 1.0's id=, an undeclared one)
        ignored = [
            name
            for kind in ("node", "edge")
            for name in _drop_undeclared(graph_element, kind, declared[kind])
        ]
    added = _edge_kinds(graph_element, declared["edge"])
    added |= _settle_directions(graph_element, declared["edge"])
    return graph_element, ignored, None if added else values


def _column_title(attribute_id: str, title: str) -> str:
    """Return the name an attribute is read under: a Sinergi column if its title or id names one."""
    for candidate in (
        title,
        attribute_id,
        title.lower(),
        attribute_id.lower(),
        "_".join(title.lower().split()),
    ):
        if candidate in _KNOWN_COLUMNS:
            return candidate
    return title or attribute_id


def _declare_attributes(graph_element: ET.Element) -> dict[str, dict[str, str]]:
    """Name each declared attribute by :func:`_column_title`, type the unusual ones as text.

    Returns ``{"node": {id: title}, "edge": {id: title}}``; declarations of other classes are removed.
    """
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for attributes in graph_element.findall(f"{{{GEXF_NAMESPACE}}}attributes"):
        kind = attributes.get("class")
        if kind not in declared:
            graph_element.remove(attributes)
            continue
        for attribute in attributes.findall(f"{{{GEXF_NAMESPACE}}}attribute"):
            attribute_id = attribute.get("id") or attribute.get("title") or ""
            title = _column_title(attribute_id, attribute.get("title") or "")
            attribute.set("id", attribute_id)
            attribute.set("title", title)
            if attribute.get("type") not in _READ_AS_TYPED:
                attribute.set("type", "string")
            declared[kind][attribute_id] = title
    return declared


def _edge_column(graph_element: ET.Element, declared: dict[str, str], title: str) -> str:
    """Return the id of the edge attribute named ``title``, declaring it (as text) if the file does not."""
    found = next((key for key, name in declared.items() if name == title), None)
    if found is not None:
        return found
    key = title if title not in declared else f"_{title}"
    block = sub_element(graph_element, f"{{{GEXF_NAMESPACE}}}attributes", {"class": "edge", "mode": "static"})
    sub_element(block, f"{{{GEXF_NAMESPACE}}}attribute", {"id": key, "title": title, "type": "string"})
    declared[key] = title
    return key


def _set_missing(edge: ET.Element, key: str, value: str) -> None:
    """Give ``edge`` the attvalue ``key`` = ``value`` unless it has one."""
    values = edge.find(f"{{{GEXF_NAMESPACE}}}attvalues")
    if values is None:
        values = sub_element(edge, f"{{{GEXF_NAMESPACE}}}attvalues")
    if not any(item.get("for") == key for item in values):
        sub_element(values, f"{{{GEXF_NAMESPACE}}}attvalue", {"for": key, "value": value})


def _edge_kinds(graph_element: ET.Element, declared: dict[str, str]) -> bool:
    """Make a Gephi edge ``kind`` (an XML attribute) the ``kind`` column where it has none; True if any."""
    edges = [edge for edge in graph_element.iter(f"{{{GEXF_NAMESPACE}}}edge") if edge.get("kind")]
    if edges:
        key = _edge_column(graph_element, declared, "kind")
        for edge in edges:
            _set_missing(edge, key, edge.get("kind", ""))
    return bool(edges)


def _settle_directions(graph_element: ET.Element, declared: dict[str, str]) -> bool:
    """Read every edge as one arc from its source, as written: an undirected one gets ``directed`` false.

    networkx would turn an undirected file into a graph that forgets which end came first (a
    command link names the superior first), and refuses mixed graphs (Gephi writes no
    ``defaultedgetype`` then). Returns True if any edge was undirected (values were added).
    """
    default = graph_element.get("defaultedgetype") or "undirected"
    undirected = [
        edge
        for edge in graph_element.iter(f"{{{GEXF_NAMESPACE}}}edge")
        if (edge.get("type") or default) in ("undirected", "mutual")
    ]
    graph_element.set("defaultedgetype", "directed")
    if not undirected:
        return False
    key = _edge_column(graph_element, declared, "directed")
    for edge in undirected:
        edge.attrib.pop("type", None)
        _set_missing(edge, key, "false")
    return True


def _drop_undeclared(graph_element: ET.Element, kind: str, declared: dict[str, str]) -> list[str]:
    """Remove attvalues of undeclared attributes (an attvalue naming a title is kept); return their names."""
    by_title = {title: key for key, title in declared.items()}
    dropped = []
    path = f".//g:{kind}/g:attvalues/g:attvalue"
    names = etree.XPath(f"{path}/@for", namespaces=_NS, smart_strings=False)(graph_element)
    if set(names) <= set(declared) and len(names) == graph_element.xpath(f"count({path})", namespaces=_NS):
        return dropped  # every value names a declared id (a file we or networkx wrote): nothing to do
    if not any("|" in key for key in declared):  # only the values naming no declared id, found in C
        path += "[not(@for) or not(contains($keys, concat('|', @for, '|')))]"
    keys = "|" + "|".join(declared) + "|"
    for value in graph_element.xpath(path, namespaces=_NS, keys=keys):
        key = value.get("for") or value.get("id") or ""  # GEXF 1.0 wrote id=
        if key in declared:
            value.set("for", key)
        elif key in by_title:
            value.set("for", by_title[key])
        else:
            value.getparent().remove(value)
            dropped.append(key or "?")
    return dropped


def institution_frames(file: GraphFile, *, lang: str = "id") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return a read file's nodes and links as checked stakeholder and link frames.

    Node attributes become stakeholder columns (a GEXF ``label`` stands in for a missing
    ``name``); arcs become links, and the two arcs of an undirected link become one row again.

    Raises
    ------
    NotInstitutions
        If no node has a ``type`` or a ``level`` (some other network: see :func:`map_columns`).
    DataProblem
        If its rows fail :func:`lib.network.institutions.check_stakeholders` or
        :func:`lib.network.institutions.check_links`.
    """
    if not file.is_institutions():
        raise NotInstitutions(file, lang=lang)
    people = []
    for node, attributes in file.graph.nodes(data=True):
        row = {"id": str(node)}
        for column in _NODE_ATTRIBUTES:
            row[column] = file_cell(attributes.get(column))
        if not row["name"]:
            row["name"] = file_cell(attributes.get("label"))
        people.append(row)
    stakeholders = check_stakeholders(
        pd.DataFrame(people, columns=list(STAKEHOLDER_COLUMNS), dtype=str), lang=lang
    )
    links = check_links(_links_of(file.graph), set(stakeholders["id"]), lang=lang)
    return stakeholders, links


def read_graph_file(
    data: bytes, filename: str, *, max_nodes: int = 5000, lang: str = "id"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a GraphML or GEXF file back into checked stakeholder and link frames.

    :func:`read_network_file`, then :func:`institution_frames`.

    Raises
    ------
    NotInstitutions
        If the file is a readable network without ``type`` or ``level`` columns.
    DataProblem
        If the file is not GraphML or GEXF, declares XML entities, has more than ``max_nodes``
        nodes, cannot be parsed, or its rows fail the stakeholder or link checks.
    """
    return institution_frames(read_network_file(data, filename, max_nodes=max_nodes, lang=lang), lang=lang)


# --- Another network: mapped onto institutions, or drawn as a reference ---------------------------

MAPPED_COLUMNS: tuple[str, ...] = ("id", "name", "type", "level", "region_code")
"""Institution columns a person picks a source for when a file is some other network."""
Choice = tuple[str, str]
"""A pick for one institution column: ``("", "")`` as the file has it, ``("column", attribute)``
or ``("value", text)`` for every row."""


@dataclass(frozen=True)
class ColumnMap:
    """How the nodes and links of some other network become institutions and links."""

    columns: Mapping[str, str] = field(default_factory=dict)
    """Institution column -> node attribute that fills it (``{"name": "label"}``)."""
    values: Mapping[str, str] = field(default_factory=dict)
    """Institution column -> the value of every row (``{"level": "province"}``)."""
    defaults: Mapping[str, str] = field(default_factory=dict)
    """Institution or link column -> the value where the file has none (``source``, ``kind``...)."""


def mapping_choices(file: GraphFile, column: str, *, values: Collection[str] = ()) -> list[Choice]:
    """Return the picks for one institution column: as in the file, each node attribute, each value.

    ``type`` and ``level`` offer their allowed values (:data:`TYPES`, :data:`LEVELS`); for
    other columns ``values`` lists the fixed values to offer (region codes, say).

    >>> graph = nx.Graph()
    >>> graph.add_node("1", label="Valjean")
    >>> mapping_choices(GraphFile("a.gexf", graph), "level")[:3]
    [('', ''), ('column', 'label'), ('value', 'national')]
    """
    fixed = {"type": TYPES, "level": LEVELS}.get(column, tuple(values))
    return [("", ""), *(("column", name) for name in file.node_columns()), *(("value", v) for v in fixed)]


def column_map(
    choices: Mapping[str, Choice], *, source: str, classification: str = "TERBUKA", kind: str = "coordination"
) -> ColumnMap:
    """Return the :class:`ColumnMap` of the picks, with ``source`` for rows without one.

    Links the file does not describe get ``kind``, strength 1 and ``assumption`` true (the link
    comes from another network, not from research); rows without a classification get
    ``classification``.

    >>> column_map({"name": ("column", "label"), "level": ("value", "national")}, source="x.gexf").values
    {'level': 'national'}
    """
    return ColumnMap(
        columns={column: name for column, (how, name) in choices.items() if how == "column"},
        values={column: value for column, (how, value) in choices.items() if how == "value"},
        defaults={
            "source": source,
            "source_ref": source,
            "classification": classification,
            "kind": kind,
            "strength": "1",
            "assumption": "true",
        },
    )


def map_columns(
    file: GraphFile, mapping: ColumnMap, *, lang: str = "id"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return some other network's nodes and links as checked institutions and links.

    Each institution column is taken from the node attribute ``mapping.columns`` names, else
    set to ``mapping.values``, else read from the attribute of the same name (``name`` from
    ``label`` when empty), else ``mapping.defaults``; ids are the node ids unless mapped. Links
    keep the file's link columns, ``mapping.defaults`` filling the empty ones.

    Raises
    ------
    DataProblem
        If the rows fail :func:`lib.network.institutions.check_stakeholders` or
        :func:`lib.network.institutions.check_links` (a ``type`` that is not one of
        :data:`TYPES`, say), naming the row and the column.
    """
    people, new_ids = [], {}
    for node, attributes in file.graph.nodes(data=True):
        row = {column: _mapped_cell(str(node), attributes, column, mapping) for column in STAKEHOLDER_COLUMNS}
        if not row["name"]:
            row["name"] = file_cell(attributes.get("label"))
        new_ids[str(node)] = row["id"]
        people.append(row)
    stakeholders = check_stakeholders(
        pd.DataFrame(people, columns=list(STAKEHOLDER_COLUMNS), dtype=str), lang=lang
    )
    links = _links_of(file.graph)
    links["source_id"] = links["source_id"].map(new_ids)
    links["target_id"] = links["target_id"].map(new_ids)
    for column, value in mapping.defaults.items():
        if column in links.columns:
            links.loc[links[column] == "", column] = value
    return stakeholders, check_links(links, set(stakeholders["id"]), lang=lang)


def _mapped_cell(node: str, attributes: Mapping[str, object], column: str, mapping: ColumnMap) -> str:
    """Return one institution cell of a mapped node (see :func:`map_columns`)."""
    if column in mapping.columns:
        return file_cell(attributes.get(mapping.columns[column]))
    if column in mapping.values:
        return mapping.values[column]
    if column == "id":
        return node
    return file_cell(attributes.get(column)) or mapping.defaults.get(column, "")


def reference_graph(file: GraphFile) -> nx.DiGraph:
    """Return a file's network ready to draw as a reference, with :func:`lib.network.chart_frames`.

    Nothing in it is an institution: names come from ``name`` or ``label``, ``type`` and
    ``region_code`` are empty, every link has strength 1 and no kind. An undirected link is both
    arcs, the second marked ``mirror`` (drawn once).
    """
    graph = nx.DiGraph()
    for node, data in file.graph.nodes(data=True):
        name = file_cell(data.get("name")) or file_cell(data.get("label")) or str(node)
        graph.add_node(str(node), name=name, acronym="", type="", level="", region_code="", role="")
    for a, b, data in file.graph.edges(data=True):
        if str(a) == str(b) or graph.has_edge(str(a), str(b)):
            continue
        graph.add_edge(str(a), str(b), strength=1, mirror=graph.has_edge(str(b), str(a)))
        both = not file.graph.is_directed() or file_cell(data.get("directed")).lower() in ("false", "0")
        if both and not graph.has_edge(str(b), str(a)):
            graph.add_edge(str(b), str(a), strength=1, mirror=True)
    return graph


def reference_positions(file: GraphFile, *, width: float = 10.0) -> dict[str, tuple[float, float]]:
    """Return where to draw each node: the file's layout (GEXF ``viz:position``, GraphML ``x``/``y``).

    Without a layout for every node, a seeded spring layout. Positions are scaled so that the
    longer side is ``width``, keeping the shape, from (0, 0); y grows upwards, as in Gephi.
    """
    found = {}
    for node, data in file.graph.nodes(data=True):
        viz = data.get("viz") if isinstance(data.get("viz"), dict) else {}
        where = viz.get("position") or data
        try:
            found[str(node)] = (float(where["x"]), float(where["y"]))
        except (KeyError, TypeError, ValueError):
            break
    if len(found) < file.graph.number_of_nodes() or not found:
        simple = nx.Graph(file.graph.to_undirected(as_view=True)) if file.graph.is_directed() else file.graph
        layout = nx.spring_layout(simple, seed=0) if len(simple) else {}
        found = {str(node): (float(xy[0]), float(xy[1])) for node, xy in layout.items()}
    if not found:
        return {}
    xs, ys = [x for x, _ in found.values()], [y for _, y in found.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {
        node: (round((x - min(xs)) * width / span, 4), round((y - min(ys)) * width / span, 4))
        for node, (x, y) in found.items()
    }


REFERENCE_COLOUR = "#4c78a8"
"""Colour of a node the file gives none (GEXF ``viz:color``) in the reference drawing."""


def reference_colours(file: GraphFile) -> dict[str, str]:
    """Return each node's colour as the file gives it (GEXF ``viz:color``, GraphML ``r``/``g``/``b``).

    Nodes without one get :data:`REFERENCE_COLOUR`.
    """
    colours = {}
    for node, data in file.graph.nodes(data=True):
        viz = data.get("viz") if isinstance(data.get("viz"), dict) else {}
        rgb = viz.get("color") or data
        try:
            red, green, blue = (max(0, min(255, int(float(rgb[key])))) for key in ("r", "g", "b"))
        except (KeyError, TypeError, ValueError):
            colours[str(node)] = REFERENCE_COLOUR
            continue
        colours[str(node)] = f"#{red:02x}{green:02x}{blue:02x}"
    return colours


def reference_chart(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    colours: Mapping[str, str] | None = None,
    size_field: str = "degree",
    label_top: int = 30,
    lang: str = "id",
    width: int = 800,
    height: int = 520,
) -> alt.LayerChart:
    """Build the drawing of some other network: grey links, circles in the file's colours.

    Parameters
    ----------
    nodes, edges
        Frames from :func:`lib.network.chart_frames` of :func:`reference_graph` placed by
        :func:`reference_positions`. Not modified.
    colours
        Node id to colour (:func:`reference_colours`); missing ones get :data:`REFERENCE_COLOUR`.
    size_field
        Numeric node column that sizes the circles.
    label_top
        How many of the largest nodes are named under their circle; every name is in the tooltip.
    """
    if size_field not in nodes.columns:
        raise ValueError(f"size_field {size_field!r} is not a node column; have {list(nodes.columns)}.")
    picked = colours or {}
    ranked = nodes[size_field].rank(method="first", ascending=False) <= label_top
    node_data = nodes.assign(
        colour=[picked.get(node, REFERENCE_COLOUR) for node in nodes["id"]],
        shown_label=nodes["name"].where(ranked, ""),
    )
    pad = 0.4
    x_domain = [float(nodes["x"].min()) - pad, float(nodes["x"].max()) + pad] if len(nodes) else [0.0, 1.0]
    y_domain = [float(nodes["y"].min()) - pad, float(nodes["y"].max()) + pad] if len(nodes) else [0.0, 1.0]
    hidden = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    x_enc = alt.X("x:Q", axis=hidden, scale=alt.Scale(domain=x_domain, nice=False, zero=False))
    y_enc = alt.Y("y:Q", axis=hidden, scale=alt.Scale(domain=y_domain, nice=False, zero=False))
    links = (
        alt.Chart(edges)
        .mark_rule(color="#888888", opacity=0.35, strokeWidth=0.8)
        .encode(x=x_enc, y=y_enc, x2="x2:Q", y2="y2:Q")
    )
    size_title = t(f"network.metric.{size_field}", lang) if size_field in _REFERENCE_METRICS else size_field
    base = alt.Chart(node_data).encode(x=x_enc, y=y_enc)
    circles = base.mark_circle(stroke="white", strokeWidth=1, opacity=0.9).encode(
        size=alt.Size(f"{size_field}:Q", title=size_title, legend=alt.Legend(tickCount=3)).scale(
            range=[30, 320]
        ),
        color=alt.Color("colour:N", scale=None),
        tooltip=[
            alt.Tooltip("name:N", title=t("gephi.reference.node", lang)),
            *(
                alt.Tooltip(f"{field}:Q", title=t(f"network.metric.{field}", lang), format=",.3~f")
                for field in _REFERENCE_METRICS
                if field in node_data.columns
            ),
        ],
    )
    labels = base.mark_text(baseline="top", dy=9, fontSize=11, color="#222222").encode(text="shown_label:N")
    return (
        (links + circles + labels)
        .properties(width=width, height=height)
        .configure_legend(orient="bottom", direction="horizontal", labelFontSize=13, titleFontSize=13)
    )


_REFERENCE_METRICS = ("degree", "betweenness", "pagerank")


def _links_of(graph: nx.Graph) -> pd.DataFrame:
    """Return the link rows of a read graph as text, one row per link."""
    rows = []
    emitted: set[tuple[str, str, str]] = set()
    for a, b, attributes in graph.edges(data=True):
        if str(attributes.get("mirror", "")).lower() in ("true", "1"):
            continue
        source, target = str(a), str(b)
        kind = file_cell(attributes.get("kind"))
        directed_cell = file_cell(attributes.get("directed"))
        directed = directed_cell or ("true" if graph.is_directed() else "false")
        if directed.lower() in ("false", "0") and (target, source, kind) in emitted:
            continue
        emitted.add((source, target, kind))
        row = {"source_id": source, "target_id": target, "directed": directed}
        for column in LINK_COLUMNS:
            if column not in row:
                row[column] = file_cell(attributes.get(column))
        rows.append(row)
    return pd.DataFrame(rows, columns=list(LINK_COLUMNS), dtype=str)


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
