"""Carry the coordination graph through files: GraphML, GEXF, the CSV columns and their cells."""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.text import cell_text
from lib.network.graph import _NODE_ATTRIBUTES
from lib.network.institutions import (
    LINK_COLUMNS,
    STAKEHOLDER_COLUMNS,
    check_links,
    check_stakeholders,
)

_NODE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?node[\s/>]")


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


def read_graph_file(
    data: bytes, filename: str, *, max_nodes: int = 5000, lang: str = "id"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a GraphML or GEXF file back into checked stakeholder and link frames.

    Node attributes become stakeholder columns (a GEXF ``label`` stands in for a missing
    ``name``); arcs become links, and the two arcs of an undirected link become one row again.
    Both frames go through :func:`lib.network.institutions.check_stakeholders` and
    :func:`lib.network.institutions.check_links`.

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
            row[column] = file_cell(attributes.get(column))
        if not row["name"]:
            row["name"] = file_cell(attributes.get("label"))
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
