"""Write GraphML and GEXF as text, byte for byte what networkx writes, and read plain GraphML in one pass.

``networkx.write_graphml`` and ``networkx.write_gexf`` build an ElementTree of every node, arc
and value, indent it and serialise it, most of the time going to Python calls per element.
Here the known layout of both formats is written as lines of text: the same key and attribute
ids in the same order, the same value text, escaping and indentation, so Gephi, yEd and our own
readers see the same file. A graph using what the fast path does not cover (graph attributes,
GEXF's reserved names such as ``label``, ``weight`` or ``viz``) is written by networkx itself.
The GEXF date is today in Bali (:func:`lib.core.clock.today`), where networkx takes the
machine's. Reading GraphML, networkx's reader builds a multigraph and copies it into a plain
one; :func:`read_graphml` builds the plain graph from the parsed tree when the file allows.

Files are parsed by :func:`parse_xml` (lxml, libxml2's parser in C: 0.16 s for a 9 MB file of
2,000 institutions where ElementTree took 1.7 s building its Python elements). The callers
refuse any file declaring a DOCTYPE or an entity before it is parsed, and the parser is told
not to resolve entities, load a DTD or reach the network either way.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping

import networkx as nx
from lxml import etree
from networkx.readwrite.gexf import GEXF, GEXFReader
from networkx.readwrite.graphml import GraphML, write_graphml_xml

from lib.core import clock

_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
_GEXF_NODE_RESERVED = frozenset({"id", "label", "pid", "start", "end", "parents", "spells", "slices", "viz"})
_GEXF_EDGE_RESERVED = frozenset(
    {"id", "label", "weight", "type", "start", "end", "spells", "slices", "viz", "key"}
)


def _types(format_class: type) -> dict[type, str]:
    """Return networkx's Python type -> XML type table of a format (numpy types included)."""
    table = format_class()
    table.construct_types()
    return dict(table.xml_type)


_GRAPHML_TYPES = _types(GraphML)
_GEXF_TYPES = _types(GEXF)


def _text(value: str) -> str:
    """Escape element text as ElementTree does."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _attribute(value: str) -> str:
    """Escape an attribute value as ElementTree does."""
    value = _text(value)
    for character, entity in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if character in value:
            value = value.replace(character, entity)
    return value


def _document(lines: list[str]) -> bytes:
    """Return the lines as an indented UTF-8 XML document, as ElementTree writes it."""
    return "\n".join([_DECLARATION, *lines, ""]).encode("utf-8", "xmlcharrefreplace")


# --- GraphML -------------------------------------------------------------------------------------


def _graphml_items(
    graph: nx.Graph, keys: dict[tuple[str, str, str], str]
) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Yield each node and arc element's opening text with its (key id, value text) data."""
    for scope, elements in (
        ("node", ((f'node id="{_attribute(str(node))}"', data) for node, data in graph.nodes(data=True))),
        (
            "edge",
            (
                (f'edge source="{_attribute(str(a))}" target="{_attribute(str(b))}"', data)
                for a, b, data in graph.edges(data=True)
            ),
        ),
    ):
        for opening, data in elements:
            values = []
            for name, value in data.items():
                kind = _GRAPHML_TYPES.get(type(value))
                if kind is None:
                    raise TypeError(f"GraphML does not support type {type(value)} as data values.")
                key = keys.setdefault((str(name), kind, scope), f"d{len(keys)}")
                values.append((key, str(value)))
            yield opening, values


def graphml_bytes(graph: nx.Graph) -> bytes:
    """Return ``graph`` as ``networkx.write_graphml_xml(graph, encoding="utf-8")`` writes it.

    That is ``networkx.write_graphml`` without lxml; with lxml installed, networkx writes the same
    graph through lxml, in another layout (same content).

    Values are str, int, float or bool (see :func:`lib.network.files.to_graphml_bytes`).
    """
    if graph.graph or graph.is_multigraph():
        buffer = io.BytesIO()
        write_graphml_xml(graph, buffer, encoding="utf-8")  # ElementTree's writer, lxml or not
        return buffer.getvalue()
    keys: dict[tuple[str, str, str], str] = {}
    body = []
    for opening, values in _graphml_items(graph, keys):
        if not values:
            body.append(f"    <{opening} />")
            continue
        body.append(f"    <{opening}>")
        for key, text in values:
            body.append(
                f'      <data key="{key}">{_text(text)}</data>' if text else f'      <data key="{key}" />'
            )
        body.append(f"    </{opening.split(' ', 1)[0]}>")
    declared = [
        f'  <key id="{key}" for="{scope}" attr.name="{_attribute(name)}" attr.type="{kind}" />'
        for (name, kind, scope), key in reversed(keys.items())
    ]
    edges = "directed" if graph.is_directed() else "undirected"
    lines = [
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        *declared,
        *(
            [f'  <graph edgedefault="{edges}">', *body, "  </graph>"]
            if body
            else [f'  <graph edgedefault="{edges}" />']
        ),
        "</graphml>",
    ]
    return _document(lines)


# --- GEXF ----------------------------------------------------------------------------------------


def _gexf_value(value: object) -> str:
    """Return the text GEXF holds for a value: booleans in lower case, INF and NaN for floats."""
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    if type(value) is float:
        return {"inf": "INF", "nan": "NaN", "-inf": "-INF"}.get(text, text)
    return text


def _gexf_values(
    data: Mapping[str, object],
    scope: str,
    declared: dict[str, dict[str, tuple[str, str]]],
    counter: list[int],
) -> list[str]:
    """Return the attvalue lines of one node or edge, declaring new attributes as they come."""
    lines = []
    for name, value in data.items():
        kind = _GEXF_TYPES.get(type(value))
        if kind is None or isinstance(value, list | dict):
            raise TypeError(f"attribute value type is not allowed: {type(value)}")
        title = str(name)
        if title not in declared[scope]:
            declared[scope][title] = (str(counter[0]), kind)
            counter[0] += 1
        text = _attribute(_gexf_value(value))
        lines.append(f'          <attvalue for="{declared[scope][title][0]}" value="{text}" />')
    return lines


def _gexf_element(opening: str, values: list[str]) -> list[str]:
    """Return the lines of one node or edge element with its attvalues."""
    if not values:
        return [f"      <{opening} />"]
    tag = opening.split(" ", 1)[0]
    return [f"      <{opening}>", "        <attvalues>", *values, "        </attvalues>", f"      </{tag}>"]


def gexf_bytes(graph: nx.Graph) -> bytes:
    """Return ``graph`` as ``networkx.write_gexf(graph, encoding="utf-8")`` (GEXF 1.2draft) writes it."""
    plain_nodes = all(_GEXF_NODE_RESERVED.isdisjoint(data) for _, data in graph.nodes(data=True))
    plain_edges = all(_GEXF_EDGE_RESERVED.isdisjoint(data) for _, _, data in graph.edges(data=True))
    if graph.graph or graph.is_multigraph() or not (plain_nodes and plain_edges):
        buffer = io.BytesIO()
        nx.write_gexf(graph, buffer, encoding="utf-8")
        return buffer.getvalue()
    declared: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    counter = [0]
    nodes = []
    for node, data in graph.nodes(data=True):
        name = _attribute(str(node))
        nodes += _gexf_element(
            f'node id="{name}" label="{name}"', _gexf_values(data, "node", declared, counter)
        )
    edges = []
    for number, (a, b, data) in enumerate(graph.edges(data=True)):
        opening = f'edge source="{_attribute(str(a))}" target="{_attribute(str(b))}" id="{number}"'
        edges += _gexf_element(opening, _gexf_values(data, "edge", declared, counter))
    blocks = []
    for scope in ("edge", "node"):  # networkx inserts each block first, so the later one leads
        if declared[scope]:
            blocks.append(f'    <attributes mode="static" class="{scope}">')
            blocks += [
                f'      <attribute id="{key}" title="{_attribute(title)}" type="{kind}" />'
                for title, (key, kind) in declared[scope].items()
            ]
            blocks.append("    </attributes>")
    edge_kind = "directed" if graph.is_directed() else "undirected"
    lines = [
        '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
        'version="1.2">',
        f'  <meta lastmodifieddate="{clock.today().isoformat()}">',
        f"    <creator>{_text(f'NetworkX {nx.__version__}')}</creator>",
        "  </meta>",
        f'  <graph defaultedgetype="{edge_kind}" mode="static" name="">',
        *blocks,
        *(["    <nodes>", *nodes, "    </nodes>"] if nodes else ["    <nodes />"]),
        *(["    <edges>", *edges, "    </edges>"] if edges else ["    <edges />"]),
        "  </graph>",
        "</gexf>",
    ]
    return _document(lines)


# --- Reading GraphML -----------------------------------------------------------------------------

_GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
_GRAPHML_READ_TYPES = {name: python for python, name in reversed(list(_types(GraphML).items()))}
_GRAPHML_READ_TYPES.update({"integer": int, "yfiles": str, "string": str, "int": int, "long": int})
_BOOLEANS = dict(GraphML.convert_bool)


class _NotPlain(Exception):
    """The file uses GraphML that only networkx's reader handles (defaults, yEd, ports, multi-edges...)."""


def _plain_keys(root: ET.Element) -> dict[str, tuple[str, type]]:
    """Return key id -> (name, Python type) of a file whose keys all name a known type, no default."""
    keys = {}
    for key in root.iter(f"{_GRAPHML}key"):
        name, kind = key.get("attr.name"), key.get("attr.type")
        if name is None or kind not in _GRAPHML_READ_TYPES or key.get("yfiles.type") is not None or len(key):
            raise _NotPlain
        keys[str(key.get("id"))] = (name, _GRAPHML_READ_TYPES[kind])
    return keys


def _plain_data(children: Iterable[ET.Element], keys: Mapping[str, tuple[str, type]]) -> dict[str, object]:
    """Return the decoded data elements of a node, edge or graph (any other child: not plain)."""
    data: dict[str, object] = {}
    for child in children:
        if child.tag != f"{_GRAPHML}data" or len(child) or child.get("key") not in keys:
            raise _NotPlain
        name, kind = keys[child.get("key", "")]
        text = child.text
        if text is None:
            data[name] = ""
        elif kind is bool:
            if text.lower() not in _BOOLEANS:
                raise _NotPlain
            data[name] = _BOOLEANS[text.lower()]
        else:
            data[name] = kind(text)
    return data


def _plain_graphml(root: ET.Element) -> nx.Graph:
    """Return the one graph of a plain GraphML tree as ``networkx.read_graphml(node_type=str)`` does."""
    graphs = root.findall(f"{_GRAPHML}graph")
    if root.tag != f"{_GRAPHML}graphml" or len(graphs) != 1:
        raise _NotPlain
    keys = _plain_keys(root)
    directed = graphs[0].get("edgedefault") == "directed"
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.graph.update(node_default={}, edge_default={})
    children: dict[str, list[ET.Element]] = {"node": [], "edge": [], "data": [], "hyperedge": []}
    for child in graphs[0]:
        children.get(child.tag.removeprefix(_GRAPHML), []).append(child)
    nodes, edges = children["node"], children["edge"]
    if children["hyperedge"]:
        raise _NotPlain
    for node in nodes:
        if node.get("yfiles.foldertype") == "group":
            raise _NotPlain
        graph.add_node(str(node.get("id")), **_plain_data(node, keys))
    ids = {}
    for edge in edges:
        source, target = str(edge.get("source")), str(edge.get("target"))
        if edge.get("directed") == ("false" if directed else "true") or graph.has_edge(source, target):
            raise _NotPlain
        graph.add_edge(source, target, **_plain_data(edge, keys))
        if edge.get("id"):
            ids[source, target] = edge.get("id")
    graph.graph.update(_plain_data(children["data"], keys))
    for (source, target), ident in ids.items():
        graph[source][target]["id"] = ident
    return graph


def parse_xml(data: bytes) -> etree._Element:
    """Return the root element of an XML file, parsed as ElementTree would (no comments, no PIs).

    The elements answer ElementTree's API (``iter``, ``find``, ``get``, ``text``, ``tag``). The
    whitespace between the children of an element that has element children is dropped (an
    element holding only text keeps it all): neither format reads it, and a GEXF of 2,000
    institutions then has half the nodes to build, walk and free (read in 0.78 s, not 0.88 s).

    Raises
    ------
    xml.etree.ElementTree.ParseError
        If the bytes are not well-formed XML (libxml2's message), as ``ElementTree.fromstring``.

    Examples
    --------
    >>> parse_xml(b"<a><!-- note --><b k='1'>x</b></a>")[0].get("k")
    '1'
    >>> parse_xml(b"<a>")
    Traceback (most recent call last):
    xml.etree.ElementTree.ParseError: ...
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ET.ParseError(str(error)) from None
    if root is None:
        raise ET.ParseError("no element found")
    return root


def sub_element(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None) -> etree._Element:
    """Append a new element to ``parent`` (of :func:`parse_xml`'s tree) and return it."""
    child = parent.makeelement(tag, attrib or {})
    parent.append(child)
    return child


def read_graphml(data: bytes) -> nx.Graph:
    """Return a GraphML file as ``networkx.read_graphml(..., node_type=str)`` reads it.

    A plain file (what :func:`graphml_bytes`, Gephi or Cytoscape write: typed keys without
    defaults, one graph, no yEd extensions, ports or repeated arcs) is read here from the parsed
    tree in one pass; any other file is left to networkx, errors included.

    Raises
    ------
    xml.etree.ElementTree.ParseError, networkx.NetworkXError, ValueError, KeyError
        As ``networkx.read_graphml`` does.
    """
    try:
        return _plain_graphml(parse_xml(data))
    except (_NotPlain, ValueError):
        return nx.read_graphml(io.BytesIO(data), node_type=str)


_READ_GEXF = "{http://www.gexf.net/1.2draft}"
_READ_VIZ = "{http://www.gexf.net/1.2draft/viz}"
_READ_TYPES = GEXF()
_READ_TYPES.construct_types()
_READ_EDGE_CHILDREN = frozenset({f"{_READ_GEXF}attvalues"})
_READ_NODE_CHILDREN = frozenset(
    {
        f"{_READ_GEXF}attvalues",
        *(f"{_READ_VIZ}{part}" for part in ("color", "size", "thickness", "shape", "position")),
    }
)


_READ_GEXF_NS = _READ_GEXF[1:-1]
_READ_VIZ_NS = _READ_VIZ[1:-1]
_ANY_GEXF = re.compile(r"^https?://(?:www\.)?gexf\.net/\d+(?:\.\d+)*(?:draft)?(?P<viz>/viz)?/?$")


def map_gexf_namespaces(root: etree._Element, data: bytes | None = None) -> None:
    """Put every GEXF and viz element (any version, or no namespace) in the 1.2draft namespaces.

    ``data``, the bytes ``root`` was parsed from, lets a file that declares its namespaces on the
    root only, GEXF as the default one in 1.2draft (ours, networkx's, Gephi 0.8's), skip the scan.
    """
    if data is not None and _only_root_declarations(root, data):
        return
    mapped: dict[str, str] = {}  # a file has a handful of distinct tags: map each once
    # libxml2 finds the elements outside both namespaces (none in a 1.2draft file): 0.3 s in Python.
    others = root.xpath(
        "descendant-or-self::*[namespace-uri() != $gexf and namespace-uri() != $viz]",
        gexf=_READ_GEXF_NS,
        viz=_READ_VIZ_NS,
    )
    for element in others:
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag not in mapped:
            mapped[tag] = _mapped_gexf_tag(tag)
        if mapped[tag] is not tag:
            element.tag = mapped[tag]


def _only_root_declarations(root: etree._Element, data: bytes) -> bool:
    """Return whether no element of the file needs a new tag, known without looking at each.

    So it is when the root declares GEXF 1.2draft as the default namespace, declares no other GEXF
    namespace, and is the only element declaring any: every declaration has ``xmlns`` in its name,
    so the bytes holding that word as often as the root declares namespaces rule out any other
    (the word in a value only sends the file to the scan).
    """
    declared = root.nsmap
    if declared.get(None) != _READ_GEXF_NS or data.count(b"xmlns") != len(declared):
        return False
    return all(uri in (_READ_GEXF_NS, _READ_VIZ_NS) or not _ANY_GEXF.match(uri) for uri in declared.values())


def _mapped_gexf_tag(tag: str) -> str:
    """Return the 1.2draft tag of a GEXF or viz tag of any version; other namespaces stay as they are."""
    namespace, _, local = tag[1:].rpartition("}") if tag[0] == "{" else ("", "", tag)
    match = _ANY_GEXF.match(namespace)
    if namespace and not match:
        return tag
    new = f"{{{_READ_VIZ_NS if match and match['viz'] else _READ_GEXF_NS}}}{local}"
    return tag if new == tag else new


def read_prepared_gexf(graph_element: etree._Element, values: AttValues | None = None) -> nx.Graph:
    """Return the graph of a prepared GEXF tree as ``GEXFReader(node_type=str).make_graph`` does.

    A plain graph is read by :func:`plain_gexf` (``values``: its :func:`gexf_attvalues`, if
    already taken); any other, or one whose values do not convert, by networkx itself, errors
    included.

    Raises
    ------
    networkx.NetworkXError, ValueError, KeyError, TypeError
        As ``GEXFReader.make_graph`` does.
    """
    try:
        return plain_gexf(graph_element, values)
    except (_NotPlain, ValueError, KeyError, TypeError):
        return GEXFReader(node_type=str, version="1.2draft").make_graph(graph_element)


AttValues = dict[str, tuple[list[str], list[str]]]
"""Class (``node``, ``edge``) -> the ``for`` and the ``value`` of each of its attvalues, in file order."""
_PLAIN_VALUES = {
    "node": "g:nodes[1]/g:node/g:attvalues[1]/g:attvalue",
    "edge": "g:edges[1]/g:edge/g:attvalues[1]/g:attvalue",
}
_READ_NS = {"g": _READ_GEXF[1:-1]}
_VALUE_QUERIES = {
    kind: tuple(
        etree.XPath(f"{path}/@{name}", namespaces=_READ_NS, smart_strings=False) for name in ("for", "value")
    )
    for kind, path in _PLAIN_VALUES.items()
}


def gexf_attvalues(graph_element: etree._Element) -> AttValues | None:
    """Return a GEXF ``<graph>``'s attvalues (1.2draft namespaces) when all sit where a plain graph has them.

    That is: in the first ``<attvalues>`` of a node of the first ``<nodes>``, or of an edge of the
    first ``<edges>``, each with a ``for`` and a ``value``. Taken by libxml2 as two lists of text per
    class, where asking each element costs Python calls (258,000 values at 2,000 institutions).
    None when an attvalue sits elsewhere or lacks either: the caller then walks the tree.
    """
    found: AttValues = {
        kind: tuple(query(graph_element) for query in queries) for kind, queries in _VALUE_QUERIES.items()
    }
    # As many of each as the graph has attvalues: so every attvalue is in the lists, with both.
    every = graph_element.xpath("count(.//g:attvalue)", namespaces=_READ_NS)
    if all(sum(len(lists[part]) for lists in found.values()) == every for part in (0, 1)):
        return found
    return None


class _Values:
    """One class's attvalues (:data:`AttValues`), converted as networkx converts them, element by element."""

    def __init__(self, found: tuple[list[str], list[str]], keys: Mapping[str, tuple[str, str]]) -> None:
        convert = {key: (title, _converter(kind)) for key, (title, kind) in keys.items()}
        ids, texts = found
        # every value is declared (files._drop_undeclared): a KeyError is a file for networkx
        self._pairs = [(convert[key][0], convert[key][1](text)) for key, text in zip(ids, texts, strict=True)]
        self._next = 0

    def take(self, count: int) -> dict[str, object]:
        """Return the next ``count`` values by title (the last of a repeated title wins, as in networkx)."""
        start, self._next = self._next, self._next + count
        return dict(self._pairs[start : self._next])

    def finish(self) -> None:
        """Raise ``_NotPlain`` unless every value was taken by the element it belongs to."""
        if self._next != len(self._pairs):
            raise _NotPlain


def _converter(kind: str | None) -> Callable[[str], object]:
    """Return how networkx converts a value of ``kind``: its bool table, else the type's constructor."""
    if kind == "boolean":
        return _READ_TYPES.convert_bool.__getitem__
    return _READ_TYPES.python_type[kind]


def plain_gexf(graph_element: etree._Element, values: AttValues | None = None) -> nx.Graph:
    """Return what ``GEXFReader(node_type=str, version="1.2draft").make_graph`` returns, in one pass.

    For the graph :func:`lib.network.files.read_network_file` prepares (1.2draft namespaces, every
    arc directed, every value declared) when it is plain: static, without hierarchy, spells or
    repeated arcs. networkx builds a multigraph and copies it into a plain one, looking each part of
    a node up on its own (0.9 s at 2,000 institutions); here the plain graph is built directly, in
    the same order, with the same values (``values``: the tree's :func:`gexf_attvalues`, if
    already taken). Anything else raises ``_NotPlain`` (the caller then hands the file to
    networkx); the tests compare the two on random graphs and Gephi's files.
    """
    if (
        graph_element.get("defaultedgetype") != "directed"
        or graph_element.get("mode") == "dynamic"
        or graph_element.get("start") is not None
        or graph_element.get("end") is not None
    ):
        raise _NotPlain
    found = values if values is not None else gexf_attvalues(graph_element)
    if found is None:
        raise _NotPlain
    graph = nx.DiGraph()
    if graph_element.get("name", ""):
        graph.graph["name"] = graph_element.get("name")
    graph.graph["mode"] = "static"
    keys = _read_keys(graph_element, graph)
    node_values = _Values(found["node"], keys["node"])
    nodes = graph_element.find(f"{_READ_GEXF}nodes")
    for node in [] if nodes is None else nodes.findall(f"{_READ_GEXF}node"):
        if any(node.get(name) is not None for name in ("pid", "start", "end")):
            raise _NotPlain
        data, parts = _read_values(node, node_values, _READ_NODE_CHILDREN)
        viz = _read_viz(parts)
        if viz:
            data["viz"] = viz
        data["label"] = node.get("label")
        graph.add_node(str(node.get("id")), **data)
    node_values.finish()
    edges = graph_element.find(f"{_READ_GEXF}edges")
    edge_values = _Values(found["edge"], keys["edge"])
    arcs = _read_arcs(graph, [] if edges is None else edges.findall(f"{_READ_GEXF}edge"), edge_values)
    edge_values.finish()
    for source in list(graph):  # the order networkx's copy of its multigraph adds the arcs in
        for target, data in arcs.get(source, {}).items():
            graph.add_edge(source, target, **data)
    return graph


def _read_keys(graph_element: etree._Element, graph: nx.Graph) -> dict[str, dict[str, tuple[str, str]]]:
    """Return id -> (title, type) of the node and edge attributes; put their defaults in ``graph``."""
    keys: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    defaults: dict[str, dict[str, object]] = {"node": {}, "edge": {}}
    for block in graph_element.findall(f"{_READ_GEXF}attributes"):
        kind = block.get("class")
        if kind not in keys or block.get("mode") == "dynamic":
            raise _NotPlain
        for attribute in block.findall(f"{_READ_GEXF}attribute"):
            title, kind_of = attribute.get("title"), attribute.get("type")
            keys[kind][attribute.get("id")] = (title, kind_of)
            default = attribute.find(f"{_READ_GEXF}default")
            if default is not None:
                defaults[kind][title] = _converter(kind_of)(default.text)
        graph.graph[f"{kind}_default"] = defaults[kind]
    keys["edge"]["weight"] = ("weight", "double")  # networkx's own Gephi 0.7 fix
    graph.graph["edge_default"] = defaults["edge"]
    return keys


def _read_arcs(
    graph: nx.Graph, edges: Iterable[etree._Element], values: _Values
) -> dict[str, dict[str, dict[str, object]]]:
    """Return source -> target -> data of the arcs, in file order; add the ends not yet in ``graph``."""
    arcs: dict[str, dict[str, dict[str, object]]] = {}
    for edge in edges:
        if (
            edge.get("type") not in (None, "directed")
            or edge.get("start") is not None
            or edge.get("end") is not None
        ):
            raise _NotPlain
        source, target = str(edge.get("source")), str(edge.get("target"))
        data, _ = _read_values(edge, values, _READ_EDGE_CHILDREN)
        if "networkx_key" in data or target in arcs.setdefault(source, {}):
            raise _NotPlain  # networkx keys the arcs of a multigraph
        for end in (source, target):
            if end not in graph:
                graph.add_node(end)
        for name in ("id", "weight", "label"):
            if edge.get(name) is not None:
                data[name] = float(edge.get(name, "")) if name == "weight" else edge.get(name)
        arcs[source][target] = data
    return arcs


def _read_values(
    element: etree._Element, values: _Values, allowed: frozenset[str]
) -> tuple[dict[str, object], dict[str, etree._Element]]:
    """Return the attvalues of a node or edge by title, and its other children by tag."""
    data: dict[str, object] = {}
    parts: dict[str, etree._Element] = {}
    for child in element:
        tag = child.tag
        if tag not in allowed:
            raise _NotPlain
        if tag != f"{_READ_GEXF}attvalues":
            parts.setdefault(tag, child)
            continue
        if "attvalues" in parts:  # networkx reads the first <attvalues> only
            raise _NotPlain
        parts["attvalues"] = child
        data = values.take(len(child))  # its children are its attvalues (Values.finish checks)
    return data, parts


def _read_viz(parts: Mapping[str, etree._Element]) -> dict[str, object]:
    """Return a node's viz as networkx's ``add_viz`` does (color, size, thickness, shape, position)."""
    viz: dict[str, object] = {}
    if (color := parts.get(f"{_READ_VIZ}color")) is not None:
        rgb = {channel: int(color.get(channel, "")) for channel in "rgb"}
        viz["color"] = {**rgb, "a": float(color.get("a", 1))}
    if (size := parts.get(f"{_READ_VIZ}size")) is not None:
        viz["size"] = float(size.get("value", ""))
    if (thickness := parts.get(f"{_READ_VIZ}thickness")) is not None:
        viz["thickness"] = float(thickness.get("value", ""))
    if (shape := parts.get(f"{_READ_VIZ}shape")) is not None:
        viz["shape"] = shape.get("uri") if shape.get("shape") == "image" else shape.get("shape")
    if (position := parts.get(f"{_READ_VIZ}position")) is not None:
        viz["position"] = {axis: float(position.get(axis, 0)) for axis in "xyz"}
    return viz
