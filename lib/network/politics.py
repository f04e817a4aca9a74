"""Candidates and parties beside the coordination network: their own nodes and ties, never coordination.

A party backing a pair, a party leading a pair's campaign team, a desa adat or an ormas declaring
support: these are ties of the political forces, not channels along which an alert travels.
They are kept in a :class:`Politics` value of their own. The coordination figures (centrality,
brokers, single points of failure, alert times) are computed on the institutional graph only;
a graph that carries both (:func:`combined_graph`, for a drawing or a file) is reduced back to
the institutions by :func:`lib.network.graph.institutional_view` before any of those figures is counted.

Parties that are already institutions of the network (``gerindra-bali`` for Gerindra) are the
same node: :func:`party_institutions` matches them by name. The ties file names a party as
``party:<name>`` (``party:PDI-P``), a pair by its ``pair_id`` and an institution by its id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import altair as alt
import networkx as nx
import pandas as pd

from lib.core.i18n import t
from lib.politics import PARTIES, Forces
from lib.politics.ties import PARTY_PREFIX, TIE_COLUMNS, blank  # the ties file, read at every start

NODE_KINDS: tuple[str, ...] = ("candidate", "party")
POLITICAL_PICK = "political_pick"
"""The name of the drawing's selection of a candidate or party node."""
TIE_COLOUR = "#c2185b"
NODE_COLOURS: Mapping[str, str] = {"candidate": "#6a1b9a", "party": "#bab0ac"}
NODE_SHAPES: Mapping[str, str] = {"candidate": "diamond", "party": "square"}
_ROW_SLOTS = 6  # political nodes per row below the drawing, 1.4 apart (the province rows' width)
_ROW_STEP = 1.4
_PARTY_ALIASES: Mapping[str, tuple[str, ...]] = {
    "PDI-P": ("pdi perjuangan", "pdi p", "pdip"),
    "Partai Buruh": ("partai buruh", "buruh"),
}


@dataclass(frozen=True)
class Politics:
    """The political layer of one election: candidate-pair and party nodes, and their ties.

    ``nodes``: ``id``, ``kind`` (candidate/party), ``name``, ``label``, ``party`` (a party's name),
    ``contest``, ``ballot_no``, ``incumbent``, ``backing``, ``outcome``, ``institution`` (the
    institution a party is, "" when it is not one), ``source``. ``ties``: :data:`TIE_COLUMNS`
    with ends resolved to node or institution ids.
    """

    nodes: pd.DataFrame
    ties: pd.DataFrame

    @property
    def empty(self) -> bool:
        """Return True when the election has no pair the caller may see."""
        return self.nodes.empty


# --- The layer ------------------------------------------------------------------------------------


def _words(text: str) -> str:
    """Return ``text`` in lower case with every run of non-letters one space, padded with spaces."""
    return " " + " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split()) + " "


def party_institutions(stakeholders: pd.DataFrame) -> dict[str, str]:
    """Return ``{party: institution id}`` for the parties already in the network (type ``party``).

    A party matches an institution whose name or acronym holds the party's name as whole words
    ("DPD Partai Gerindra Bali" is Gerindra, "DPD PDI Perjuangan Bali" is PDI-P). When a party
    has several (a province and a regency branch), the highest level wins, then the smallest id.

    >>> people = pd.DataFrame({"id": ["gerindra-bali"], "name": ["DPD Partai Gerindra Bali"],
    ...     "acronym": ["Gerindra Bali"], "type": ["party"], "level": ["province"]})
    >>> party_institutions(people)
    {'Gerindra': 'gerindra-bali'}
    """
    rank = {"national": 0, "province": 1, "regency": 2, "district": 3, "village": 4}
    parties = stakeholders[stakeholders["type"] == "party"]
    found: dict[str, tuple[int, str]] = {}
    for record in parties.to_dict("records"):
        text = _words(f"{record.get('name') or ''} / {record.get('acronym') or ''}")
        for party in PARTIES:
            aliases = _PARTY_ALIASES.get(party, (party,))
            if any(_words(alias) in text for alias in aliases):
                key = (rank.get(str(record.get("level")), 9), str(record["id"]))
                if party not in found or key < found[party]:
                    found[party] = key
    return {party: ident for party, (_, ident) in sorted(found.items())}


def party_node_id(party: str, merged: Mapping[str, str]) -> str:
    """Return the node of ``party``: the institution it is, else ``party:<name>``."""
    return merged.get(party, f"{PARTY_PREFIX}{party}")


def pair_label(popular_name: object, head: object, deputy: object, ballot_no: object) -> str:
    """Return a pair's name as the drawing writes it: popular name and ballot number.

    Without a popular name, the last names of head and deputy stand in (the full names are in
    the pair's tooltip and detail).

    >>> pair_label("Koster-Giri", "I Wayan Koster", "I Nyoman Giri Prasta", 2)
    'Koster-Giri (2)'
    >>> pair_label(None, "I Nengah Tamba", "I Made Suardana", None)
    'Tamba\u2013Suardana'
    """
    short = f"{str(head).split()[-1]}\u2013{str(deputy).split()[-1]}"
    name = str(popular_name) if not blank(popular_name) else short
    return name if blank(ballot_no) else f"{name} ({int(ballot_no)})"  # type: ignore[call-overload]


def political_layer(
    forces: Forces,
    ties: pd.DataFrame,
    stakeholders: pd.DataFrame,
) -> Politics:
    """Return the pairs of ``forces`` (one election's, as the caller sees them) with parties and ties.

    Parameters
    ----------
    forces
        The forces of the chosen election (:func:`lib.politics.for_election`), already filtered by
        the caller's ceiling: a pair the caller may not see is not there.
    ties
        The political ties the caller may see (:func:`lib.politics.ties.check_ties` frame), any election.
    stakeholders
        The institutions the caller may see; a tie to one that is not there is left out.

    Returns
    -------
    Politics
        ``backs`` ties come from the coalitions (their source with them); the file's ties
        follow, kept only when both ends are known to the caller. A party is a node once it
        backs or is tied to a visible pair.
    """
    merged = party_institutions(stakeholders)
    institutions = set(stakeholders["id"])
    pairs = forces.pairs
    rows = [
        {
            "id": str(pair.pair_id),
            "kind": "candidate",
            "name": f"{pair.head} \u2013 {pair.deputy}",
            "label": pair_label(pair.popular_name, pair.head, pair.deputy, pair.ballot_no),
            "party": "",
            "contest": str(pair.contest),
            "ballot_no": pair.ballot_no,
            "incumbent": "" if blank(pair.incumbent) else str(pair.incumbent),
            "backing": "" if blank(pair.backing) else str(pair.backing),
            "outcome": "" if blank(pair.outcome) else str(pair.outcome),
            "institution": "",
            "source": str(pair.source),
        }
        for pair in pairs.itertuples(index=False)
    ]
    visible = {row["id"] for row in rows}
    found = _backs(forces.coalitions, visible, merged)
    for record in ties.to_dict("records"):
        source, target = str(record["source_id"]), str(record["target_id"])
        if target not in visible:
            continue
        if source.startswith(PARTY_PREFIX):
            source = party_node_id(source.removeprefix(PARTY_PREFIX), merged)
        elif source not in institutions and source not in visible:
            continue
        found.append({**{c: record.get(c) for c in TIE_COLUMNS}, "source_id": source, "target_id": target})
    tie_frame = pd.DataFrame(found, columns=list(TIE_COLUMNS)).drop_duplicates(
        ["source_id", "target_id", "kind"], ignore_index=True
    )
    named = {node: party for party, node in ((p, party_node_id(p, merged)) for p in PARTIES)}
    for node in sorted(set(tie_frame["source_id"]) & set(named)):
        party = named[node]
        rows.append(
            {
                "id": node,
                "kind": "party",
                "name": party,
                "label": party,
                "party": party,
                "contest": "",
                "ballot_no": pd.NA,
                "incumbent": "",
                "backing": "",
                "outcome": "",
                "institution": merged.get(party, ""),
                "source": "",
            }
        )
    nodes = pd.DataFrame(rows, columns=_NODE_COLUMNS)
    return Politics(nodes=nodes, ties=tie_frame)


_NODE_COLUMNS = [
    "id",
    "kind",
    "name",
    "label",
    "party",
    "contest",
    "ballot_no",
    "incumbent",
    "backing",
    "outcome",
    "institution",
    "source",
]


def _backs(coalitions: pd.DataFrame, visible: set[str], merged: Mapping[str, str]) -> list[dict[str, object]]:
    """Return the ``backs`` ties of the visible pairs' coalitions, each with its source and level."""
    found: list[dict[str, object]] = []
    for record in coalitions.to_dict("records"):
        if record["pair_id"] not in visible:
            continue
        found.append(
            {
                "source_id": party_node_id(str(record["party"]), merged),
                "target_id": str(record["pair_id"]),
                "kind": "backs",
                "date": None,
                "source": str(record["source"]),
                "note": "",
                "classification": str(record.get("classification") or "TERBUKA"),
            }
        )
    return found


# --- Kept apart: one graph for drawings and files, reduced to the institutions for every figure ------


def combined_graph(graph: nx.DiGraph, layer: Politics) -> nx.DiGraph:
    """Return a copy of ``graph`` with the political nodes and ties added, each marked ``political``.

    Two ties between the same ends (a party that backs a pair and leads its campaign team) are
    one arc whose ``kinds`` lists both. For drawing and export only: every coordination figure
    reduces it first with :func:`lib.network.graph.institutional_view`. A party that is an
    institution stays that one node.
    """
    both = graph.copy()
    both.graph["political"] = True
    for record in layer.nodes.to_dict("records"):
        node = str(record["id"])
        if node in both:
            continue
        both.add_node(
            node, name=record["label"], type=record["kind"], political=True, level="", region_code=""
        )
    for record in layer.ties.to_dict("records"):
        source, target = str(record["source_id"]), str(record["target_id"])
        if source not in both or target not in both:
            continue
        arc = both.get_edge_data(source, target)
        if arc is not None and arc.get("political"):
            arc["kinds"] = (*arc["kinds"], str(record["kind"]))
            arc["source_ref"] = f"{arc['source_ref']} | {record['source']}"
            continue
        both.add_edge(
            source,
            target,
            kind=str(record["kind"]),
            kinds=(str(record["kind"]),),
            political=True,
            source_ref=str(record["source"]),
            note="" if blank(record.get("note")) else str(record["note"]),
            classification=str(record["classification"]),
        )
    return both


# --- Drawing --------------------------------------------------------------------------------------


def political_positions(
    positions: Mapping[str, tuple[float, float]], layer: Politics
) -> dict[str, tuple[float, float]]:
    """Return a place for every political node the drawing does not place yet: rows below it.

    Parties first (in the order of :data:`lib.politics.PARTIES`), then the pairs contest by
    contest in ballot order, six to a row (1.4 apart), one row apart, starting 1.5 rows below the lowest
    institution. A party that is an institution keeps the institution's place.
    """
    bottom = min((y for _, y in positions.values()), default=0.0) - 1.5
    placed: dict[str, tuple[float, float]] = {}
    parties = layer.nodes[(layer.nodes["kind"] == "party") & ~layer.nodes["id"].isin(set(positions))]
    order = {party: n for n, party in enumerate(PARTIES)}
    party_ids = list(parties.assign(rank=parties["party"].map(order)).sort_values("rank")["id"])
    pairs = layer.nodes[layer.nodes["kind"] == "candidate"]
    pair_ids = list(pairs.sort_values(["contest", "ballot_no", "id"], na_position="last")["id"])
    y = bottom
    for group in (party_ids, pair_ids):
        for n, node in enumerate(group):
            placed[node] = (round(n % _ROW_SLOTS * _ROW_STEP, 4), round(y - n // _ROW_SLOTS, 4))
        if group:
            y -= (len(group) - 1) // _ROW_SLOTS + 1
    return placed


def political_frames(
    layer: Politics, positions: Mapping[str, tuple[float, float]], *, lang: str = "id"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the node and tie frames of the political layer, placed (``positions`` hold every end).

    Nodes: the political nodes not drawn as institutions (``id``, ``label``, ``name``, ``kind``,
    ``kind_label``, ``role``, ``x``, ``y``). Ties: ``x``, ``y``, ``x2``, ``y2``, ``kind_label``,
    ``legend`` (one entry: political support, not coordination), ``source``, ``note``. Ends
    without a place are left out.
    """
    node_rows = []
    for record in layer.nodes.to_dict("records"):
        node = str(record["id"])
        if record["institution"] or node not in positions:
            continue
        role = record["contest"] if record["kind"] == "candidate" else t("networkpolitics.kind.party", lang)
        node_rows.append(
            {
                "id": node,
                "label": str(record["label"]),
                "name": str(record["name"]),
                "kind": str(record["kind"]),
                "kind_label": t(f"networkpolitics.kind.{record['kind']}", lang),
                "role": str(role),
                "x": float(positions[node][0]),
                "y": float(positions[node][1]),
            }
        )
    legend = t("networkpolitics.legend", lang)
    tie_rows = []
    for record in layer.ties.to_dict("records"):
        source, target = str(record["source_id"]), str(record["target_id"])
        if source not in positions or target not in positions:
            continue
        tie_rows.append(
            {
                "source": source,
                "target": target,
                "x": float(positions[source][0]),
                "y": float(positions[source][1]),
                "x2": float(positions[target][0]),
                "y2": float(positions[target][1]),
                "kind": str(record["kind"]),
                "kind_label": t(f"networkpolitics.tie.{record['kind']}", lang),
                "legend": legend,
                "source_ref": str(record["source"]),
                "note": "" if blank(record.get("note")) else str(record["note"]),
            }
        )
    node_columns = ["id", "label", "name", "kind", "kind_label", "role", "x", "y"]
    tie_columns = [
        "source",
        "target",
        "x",
        "y",
        "x2",
        "y2",
        "kind",
        "kind_label",
        "legend",
        "source_ref",
        "note",
    ]
    return pd.DataFrame(node_rows, columns=node_columns), pd.DataFrame(tie_rows, columns=tie_columns)


def political_charts(
    nodes: pd.DataFrame, ties: pd.DataFrame, x_enc: alt.X, y_enc: alt.Y, *, lang: str = "id"
) -> list[alt.Chart]:
    """Return the layers of the political ties and nodes: dashed ties in their own colour and legend entry.

    The ties draw first (behind every institution), then the nodes as diamonds (pairs) and
    squares (parties) that a click selects as :data:`POLITICAL_PICK`, then their names.
    """
    legend = t("networkpolitics.legend", lang)
    rules = (
        alt.Chart(ties)
        .mark_rule(strokeDash=[6, 4], strokeWidth=1.6)
        .encode(
            x=x_enc,
            y=y_enc,
            x2="x2:Q",
            y2="y2:Q",
            color=alt.Color(
                "legend:N",
                title=t("networkpolitics.legend_title", lang),
                legend=alt.Legend(symbolType="stroke", symbolDash=[6, 4], symbolStrokeWidth=2),
            ).scale(domain=[legend], range=[TIE_COLOUR]),
            opacity=alt.value(0.75),
            tooltip=[
                alt.Tooltip("kind_label:N", title=t("network.chart.link", lang)),
                alt.Tooltip("note:N", title=t("networkpolitics.col.note", lang)),
                alt.Tooltip("source_ref:N", title=t("networkpolitics.col.source", lang)),
            ],
        )
    )
    kinds = list(NODE_KINDS)
    kind_domain = [t(f"networkpolitics.kind.{kind}", lang) for kind in kinds]
    nodes_title = t("networkpolitics.nodes_title", lang)
    nodes_legend = None  # no room beside the other legends: the page's caption names the shapes
    pick = alt.selection_point(name=POLITICAL_PICK, fields=["id"], on="click", empty=False)
    base = alt.Chart(nodes).encode(x=x_enc, y=y_enc)
    points = (
        base.mark_point(filled=True, size=150, stroke="white", strokeWidth=1)
        .encode(
            color=alt.Color("kind_label:N", title=nodes_title, legend=nodes_legend).scale(
                domain=kind_domain, range=[NODE_COLOURS[kind] for kind in kinds]
            ),
            shape=alt.Shape("kind_label:N", title=nodes_title, legend=nodes_legend).scale(
                domain=kind_domain, range=[NODE_SHAPES[kind] for kind in kinds]
            ),
            strokeWidth=alt.when(pick).then(alt.value(3)).otherwise(alt.value(1)),
            tooltip=[
                alt.Tooltip("name:N", title=t("network.chart.name", lang)),
                alt.Tooltip("kind_label:N", title=t("network.chart.type", lang)),
                alt.Tooltip("role:N", title=t("network.chart.role", lang)),
            ],
        )
        .add_params(pick)
    )
    names = base.mark_text(baseline="top", dy=9, fontSize=10.5, color="#4a148c").encode(text="label:N")
    return [rules, points, names]


# --- One pair -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairDetail:
    """What the page shows about one candidate pair or party of the political layer."""

    title: str
    facts: list[tuple[str, str]]
    ties: pd.DataFrame


def political_detail(layer: Politics, node: str, names: Mapping[str, str], *, lang: str = "id") -> PairDetail:
    """Return a pair's contest, incumbency, backing and ties (coalition parties with sources), or a party's.

    ``names`` gives the institutions' names, for ties from a desa adat or an ormas.
    """
    by_id = layer.nodes.set_index("id")
    if node not in by_id.index:
        raise ValueError(f"{node!r} is not a node of the political layer.")
    record = by_id.loc[node]
    labels = {**names, **dict(zip(layer.nodes["id"], layer.nodes["label"], strict=True))}
    unknown = t("common.unknown", lang)
    if record["kind"] == "candidate":
        facts = [
            (t("networkpolitics.col.contest", lang), str(record["contest"])),
            (
                t("networkpolitics.col.ballot_no", lang),
                unknown if blank(record["ballot_no"]) else str(record["ballot_no"]),
            ),
            (t("networkpolitics.col.incumbent", lang), _coded("incumbent", record["incumbent"], lang)),
            (t("networkpolitics.col.backing", lang), _coded("backing", record["backing"], lang)),
            (t("networkpolitics.col.outcome", lang), _coded("outcome", record["outcome"], lang)),
            (t("networkpolitics.col.source", lang), str(record["source"]) or unknown),
        ]
        mine = layer.ties[layer.ties["target_id"] == node]
        other = mine["source_id"]
    else:
        facts = [(t("networkpolitics.col.party", lang), str(record["party"]))]
        mine = layer.ties[layer.ties["source_id"] == node]
        other = mine["target_id"]
    return PairDetail(
        title=str(record["label"]),
        facts=facts,
        ties=_tie_table(mine, other, labels, lang),
    )


def _coded(field: str, value: object, lang: str) -> str:
    """Return a coded value (``yes``, ``parties``...) in words, or "unknown" when empty."""
    return t("common.unknown", lang) if blank(value) else t(f"networkpolitics.{field}.{value}", lang)


def _tie_table(
    ties: pd.DataFrame, other: Iterable[str], labels: Mapping[str, str], lang: str
) -> pd.DataFrame:
    """Return the ties of one node as the page shows them: who, how, when, note and source."""
    rows = [
        {
            t("networkpolitics.col.who", lang): labels.get(end, end.removeprefix(PARTY_PREFIX)),
            t("networkpolitics.col.tie", lang): t(f"networkpolitics.tie.{record['kind']}", lang),
            t("networkpolitics.col.date", lang): "" if blank(record["date"]) else str(record["date"]),
            t("networkpolitics.col.note", lang): "" if blank(record.get("note")) else str(record["note"]),
            t("networkpolitics.col.source", lang): str(record["source"]),
        }
        for end, record in zip(other, ties.to_dict("records"), strict=True)
    ]
    columns = [t(f"networkpolitics.col.{c}", lang) for c in ("who", "tie", "date", "note", "source")]
    return pd.DataFrame(rows, columns=columns)


def institution_ties(layer: Politics, node: str, *, lang: str = "id") -> pd.DataFrame:
    """Return the political ties of an institution (a desa adat, an ormas, a party that is one)."""
    mine = layer.ties[layer.ties["source_id"] == node]
    labels = dict(zip(layer.nodes["id"], layer.nodes["label"], strict=True))
    return _tie_table(mine, mine["target_id"], labels, lang)


def political_names(layer: Politics) -> dict[str, str]:
    """Return ``{id: label}`` of the political nodes that are not institutions (for the pick box)."""
    own = layer.nodes[layer.nodes["institution"] == ""]
    return dict(zip(own["id"], own["label"], strict=True))
