"""Gephi files: GEXF 1.3 and 0.8 read, other networks drawn or mapped, Sinergi exports back from Gephi."""

import random
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import network, store
from lib.access import Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.text import escape
from lib.intake import load_bundle
from lib.network import NotInstitutions, check_links, check_stakeholders
from tests.conftest import DATA_DIR, ROOT, as_account

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "gephi"
LES_MISERABLES = (FIXTURES / "lesmiserables-gephi-0.9.gexf").read_bytes()
PARTNER_08 = (FIXTURES / "partner-gephi-0.8.gexf").read_bytes()
ANALYST = Caller("analyst", "RAHASIA", "ana")
NX = "http://www.gexf.net/1.2draft"


@pytest.fixture(scope="module")
def bali() -> tuple[pd.DataFrame, pd.DataFrame]:
    read = {"dtype": str, "keep_default_na": False, "na_values": [""]}
    people = check_stakeholders(pd.read_csv(DATA_DIR / "stakeholders.csv", **read))
    return people, check_links(pd.read_csv(DATA_DIR / "links.csv", **read), set(people["id"]))


@pytest.fixture
def engine(tmp_path):
    return store.open_store(f"sqlite:///{tmp_path / 'gephi.sqlite'}", load_bundle(DATA_DIR))


def stored(engine) -> tuple[pd.DataFrame, pd.DataFrame]:
    return store.read_stakeholders(engine, ceiling="RAHASIA"), store.read_links(engine, ceiling="RAHASIA")


def gephi_resave(
    export: bytes,
    *,
    namespace: str = "http://gexf.net/1.3",
    attribute_ids: str = "numbers",
    edit: Callable[[str, dict[str, str]], None] | None = None,
) -> bytes:
    """Return a networkx GEXF 1.2draft export as Gephi 0.9/0.10 saves it after opening it.

    GEXF 1.3; node and edge attributes declared again per table, with ids "0", "1", ... (or, with
    ``attribute_ids="names"``, the name as id and a capitalised title, as columns made in Gephi's
    data laboratory are); the node ``label`` is the name; viz size, position and colour added;
    edges renumbered from the end, each with a weight. ``edit(node, values)`` may change a
    node's values by title first, as a person editing in Gephi would.
    """
    source = ET.fromstring(export)
    graph = source.find(f"{{{NX}}}graph")
    titles: dict[str, dict[str, tuple[str, str]]] = {}
    for block in graph.findall(f"{{{NX}}}attributes"):
        titles[block.get("class")] = {
            a.get("id"): (a.get("title"), a.get("type")) for a in block.findall(f"{{{NX}}}attribute")
        }

    def new_id(kind: str, old: str) -> str:
        ordered = list(titles[kind])
        return str(ordered.index(old)) if attribute_ids == "numbers" else titles[kind][old][0]

    def title(kind: str, old: str) -> str:
        name = titles[kind][old][0]
        return name if attribute_ids == "numbers" else name.replace("_", " ").title()

    viz = f"{namespace}/viz"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<gexf xmlns="{namespace}" xmlns:viz="{viz}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{namespace} {namespace}/gexf.xsd" version="1.3">',
        '  <meta lastmodifieddate="2025-01-15">',
        "    <creator>Gephi 0.10.1</creator>",
        "    <description></description>",
        "  </meta>",
        '  <graph defaultedgetype="directed" mode="static">',
    ]
    for kind in ("node", "edge"):
        out.append(f'    <attributes class="{kind}" mode="static">')
        for old, (_, kind_type) in titles[kind].items():
            out.append(
                f'      <attribute id="{new_id(kind, old)}" title="{title(kind, old)}" type="{kind_type}"/>'
            )
        out.append("    </attributes>")
    shuffle = random.Random(3)
    out.append("    <nodes>")
    for node in graph.find(f"{{{NX}}}nodes"):
        values = {titles["node"][v.get("for")][0]: v.get("value") for v in node.iter(f"{{{NX}}}attvalue")}
        if edit:
            edit(node.get("id"), values)
        by_title = {name: old for old, (name, _) in titles["node"].items()}
        out.append(f'      <node id="{node.get("id")}" label={_quote(values.get("name", ""))}>')
        out.append("        <attvalues>")
        for name, value in values.items():
            out.append(f'          <attvalue for="{new_id("node", by_title[name])}" value={_quote(value)}/>')
        out.append("        </attvalues>")
        x, y = shuffle.uniform(-800, 800), shuffle.uniform(-800, 800)
        out.append('        <viz:size value="10.0"/>')
        out.append(f'        <viz:position x="{x:.4f}" y="{y:.4f}" z="0.0"/>')
        out.append('        <viz:color r="153" g="153" b="153"/>')
        out.append("      </node>")
    out += ["    </nodes>", "    <edges>"]
    edges = list(graph.find(f"{{{NX}}}edges"))
    for number, edge in enumerate(reversed(edges)):
        out.append(
            f'      <edge id="{number}" source="{edge.get("source")}" target="{edge.get("target")}" '
            'weight="1.0">'
        )
        out.append("        <attvalues>")
        for value in edge.iter(f"{{{NX}}}attvalue"):
            key = new_id("edge", value.get("for"))
            out.append(f'          <attvalue for="{key}" value={_quote(value.get("value"))}/>')
        out += ["        </attvalues>", "      </edge>"]
    out += ["    </edges>", "  </graph>", "</gexf>", ""]
    return "\n".join(out).encode("utf-8")


def _quote(text: str) -> str:
    from xml.sax.saxutils import quoteattr

    return quoteattr(text)


# --- GEXF 1.3 and Gephi 0.8 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "namespace",
    ["http://www.gexf.net/1.3", "http://gexf.net/1.3", "https://gexf.net/1.3"],
    ids=["gephi-0.9", "gephi-0.10", "https"],
)
def test_gexf_1_3_from_gephi_is_read_with_its_attributes_and_layout(namespace):
    data = LES_MISERABLES.replace(b"http://www.gexf.net/1.3", namespace.encode())
    file = network.read_network_file(data, "lesmiserables.gexf")
    assert (file.graph.number_of_nodes(), file.graph.number_of_edges()) == (77, 254)
    labels = {data["label"]: node for node, data in file.graph.nodes(data=True)}
    valjean = file.graph.nodes[labels["Valjean"]]
    assert isinstance(valjean["Modularity Class"], int)
    assert set(valjean["viz"]) == {"size", "position", "color"}
    assert valjean["viz"]["color"]["a"] == 1.0  # optional in 1.3, absent in the file
    assert file.graph.edges[labels["Valjean"], labels["Myriel"]]["weight"] == 5.0
    assert file.ignored == ()
    assert file.node_columns() == ("Modularity Class", "label")


def test_a_gephi_08_file_is_read_and_its_undeclared_attributes_are_named():
    file = network.read_network_file(PARTNER_08, "partner.gexf")
    assert file.ignored == ("image", "channel")
    assert file.graph.nodes["linmas-buleleng"]["viz"]["position"] == {"x": -120.5, "y": 0.0, "z": 0.0}
    people, links = network.institution_frames(file)
    assert list(people["id"]) == ["linmas-buleleng", "satpolpp-buleleng", "pecalang-buleleng"]
    assert set(people["classification"]) == {"TERBATAS"}  # titles "Classification", "Region Code" matched
    assert set(people["region_code"]) == {"51.08"}
    command = links[links["kind"] == "command"].iloc[0]
    assert (command["source_id"], command["target_id"], bool(command["directed"])) == (
        "satpolpp-buleleng",
        "linmas-buleleng",
        False,
    )  # an undirected link keeps the end the file names first (the superior)


def test_a_gephi_08_upload_plans_its_institutions(engine):
    plan = network.plan_import(PARTNER_08, "partner.gexf", *stored(engine))
    assert (len(plan.stakeholders), len(plan.links), plan.removed_ids) == (3, 2, ())


def test_a_mixed_gephi_graph_and_edge_kinds_are_read():
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph mode="static">
  <nodes><node id="a" label="A"/><node id="b" label="B"/><node id="c" label="C"/></nodes>
  <edges>
    <edge id="0" source="a" target="b" type="directed" kind="information"/>
    <edge id="1" source="c" target="b" type="undirected"/>
  </edges>
</graph></gexf>"""
    file = network.read_network_file(data, "mixed.gexf")
    assert file.graph.is_directed()
    assert file.graph.edges["a", "b"]["kind"] == "information"
    assert file.graph.edges["c", "b"]["directed"] == "false"
    assert not file.graph.has_edge("b", "c")
    drawn = network.reference_graph(file)
    assert drawn.edges["b", "c"]["mirror"]
    assert not drawn.has_edge("b", "a")


def test_the_protections_hold_for_gexf_1_3():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + LES_MISERABLES.split(b"?>", 1)[1]
    with pytest.raises(DataProblem, match="ENTITY"):
        network.read_network_file(bomb, "bom.gexf")
    with pytest.raises(DataProblem, match="77 simpul; batasnya 50"):
        network.read_network_file(LES_MISERABLES, "les.gexf", max_nodes=50)
    with pytest.raises(DataProblem, match="tidak bisa dibaca"):
        network.read_network_file(LES_MISERABLES[:5000], "rusak.gexf")


# --- Not an institutions network -------------------------------------------------------------------


def test_a_network_without_type_and_level_is_said_so_in_one_sentence(engine):
    with pytest.raises(NotInstitutions) as caught:
        network.read_graph_file(LES_MISERABLES, "lesmiserables.gexf")
    assert caught.value.what == (
        "Berkas ini jaringan yang dapat dibaca (77 simpul, 254 garis) tetapi bukan jaringan lembaga: "
        "tidak ada kolom type dan level."
    )
    assert caught.value.missing == ("type", "level")
    assert caught.value.file.graph.number_of_nodes() == 77
    with pytest.raises(NotInstitutions) as english:
        network.plan_import(LES_MISERABLES, "lesmiserables.gexf", *stored(engine), lang="en")
    assert english.value.what == (
        "This file is a readable network (77 nodes, 254 edges) but not an institutions network: "
        "it has no column type and level."
    )
    assert "drawing-only reference" in english.value.fix


def test_a_graph_with_types_but_no_levels_names_only_the_missing_column():
    graph = nx.DiGraph()
    graph.add_node("a", name="A", type="police")
    graph.add_node("b", name="B", type="police")
    graph.add_edge("a", "b")
    with pytest.raises(NotInstitutions) as caught:
        network.read_graph_file(network.to_graphml_bytes(graph), "types.graphml")
    assert caught.value.what.endswith(
        "(2 simpul, 1 garis) tetapi bukan jaringan lembaga: tidak ada kolom level."
    )


def test_an_institutions_file_with_a_gap_still_names_the_row_and_column():
    graph = nx.DiGraph()
    graph.add_node("polda-bali", type="police", level="province", region_code="51", source="ref")
    graph.add_node("polres-badung", name="Polres Badung", type="police", level="regency", region_code="51.03")
    with pytest.raises(DataProblem, match="baris 2, kolom name") as caught:
        network.read_graph_file(network.to_graphml_bytes(graph), "gap.graphml")
    assert not isinstance(caught.value, NotInstitutions)


def les_miserables_map(**choices) -> network.ColumnMap:
    picks = {"name": ("column", "label"), "type": ("value", "civil_society"), "level": ("value", "national")}
    return network.column_map({**picks, **choices}, source="Knuth, The Stanford GraphBase (1993)")


def test_mapping_the_columns_gives_checked_institutions_and_links():
    file = network.read_network_file(LES_MISERABLES, "lesmiserables.gexf")
    people, links = network.map_columns(file, les_miserables_map())
    assert (len(people), len(links)) == (77, 254)
    valjean = people.set_index("name").loc["Valjean"]
    assert (valjean["type"], valjean["level"], valjean["region_code"]) == ("civil_society", "national", "")
    assert valjean["source"] == "Knuth, The Stanford GraphBase (1993)"
    assert valjean["classification"] == "TERBUKA"
    assert set(links["kind"]) == {"coordination"}
    assert links["assumption"].all()
    assert set(links["strength"]) == {1}
    assert links["directed"].all()  # the file's graph is directed


def test_a_mapping_that_breaks_a_check_names_the_row_and_column():
    file = network.read_network_file(LES_MISERABLES, "lesmiserables.gexf")
    with pytest.raises(DataProblem, match="baris 2, kolom type") as caught:
        network.map_columns(file, les_miserables_map(type=("column", "Modularity Class")))
    assert "civil_society" in caught.value.what  # the allowed values are listed
    with pytest.raises(DataProblem, match="kolom region_code"):
        network.map_columns(file, les_miserables_map(level=("value", "regency")))


def test_a_mapped_network_is_planned_and_saved_like_any_import(engine):
    file = network.read_network_file(LES_MISERABLES, "lesmiserables.gexf")
    mapping = les_miserables_map(region_code=("value", "51"), level=("value", "province"))
    plan = network.plan_mapped_import(file, mapping, *stored(engine))
    assert (len(plan.stakeholders), len(plan.links)) == (77, 254)
    network.save_plan(engine, plan, caller=ANALYST, origin="import:lesmiserables.gexf")
    assert "Valjean" in set(stored(engine)[0]["name"])


def test_mapping_choices_offer_attributes_and_the_allowed_values():
    file = network.read_network_file(LES_MISERABLES, "lesmiserables.gexf")
    choices = network.mapping_choices(file, "type")
    assert choices[:3] == [("", ""), ("column", "Modularity Class"), ("column", "label")]
    assert [value for how, value in choices if how == "value"] == list(network.TYPES)
    assert network.mapping_choices(file, "region_code", values=["51"])[-1] == ("value", "51")


def test_a_reference_drawing_keeps_the_gephi_layout_and_computes_centrality():
    file = network.read_network_file(LES_MISERABLES, "lesmiserables.gexf")
    graph = network.reference_graph(file)
    positions = network.reference_positions(file)
    metrics = network.centrality_table(graph)
    assert metrics.iloc[0]["name"] == "Valjean"  # the broker of the novel
    viz = {node: data["viz"]["position"] for node, data in file.graph.nodes(data=True)}
    left = min(viz, key=lambda node: viz[node]["x"])
    assert positions[left][0] == 0.0
    assert max(x for x, _ in positions.values()) <= 10.0
    nodes, edges = network.chart_frames(graph, metrics, positions, always=())
    assert (len(nodes), len(edges)) == (77, 254)
    colours = network.reference_colours(file)
    valjean = nodes.set_index("name").loc["Valjean", "id"]
    gephi = file.graph.nodes[valjean]["viz"]["color"]
    assert colours[valjean] == "#{:02x}{:02x}{:02x}".format(gephi["r"], gephi["g"], gephi["b"])
    spec = network.reference_chart(nodes, edges, colours=colours, lang="en").to_dict()
    circles = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "circle")
    assert circles["encoding"]["color"] == {"field": "colour", "scale": None, "type": "nominal"}
    assert circles["encoding"]["y"]["scale"]["domain"] == [-0.4, max(y for _, y in positions.values()) + 0.4]


def test_a_file_without_a_layout_gets_a_spring_layout():
    graph = nx.Graph([("a", "b"), ("b", "c")])
    file = network.read_network_file(network.to_graphml_bytes(nx.DiGraph(graph)), "plain.graphml")
    positions = network.reference_positions(file)
    assert set(positions) == {"a", "b", "c"}
    assert set(network.reference_colours(file).values()) == {network.REFERENCE_COLOUR}
    assert positions == network.reference_positions(file)  # seeded


# --- A Sinergi export saved by Gephi ---------------------------------------------------------------


@pytest.mark.parametrize("attribute_ids", ["numbers", "names"])
@pytest.mark.parametrize("namespace", ["http://gexf.net/1.3", "http://www.gexf.net/1.3"])
def test_an_export_saved_by_gephi_comes_back_with_its_ids_attributes_and_links(
    bali, namespace, attribute_ids
):
    graph = network.build_graph(*bali)
    resaved = gephi_resave(network.to_gexf_bytes(graph), namespace=namespace, attribute_ids=attribute_ids)
    assert b'version="1.3"' in resaved
    assert b"<viz:position" in resaved
    people, links = network.read_graph_file(resaved, "gephi.gexf")
    assert network.graph_signature(network.build_graph(people, links)) == network.graph_signature(graph)
    assert list(people["id"]) == list(bali[0]["id"])
    assert len(links) == len(bali[1])


def test_an_export_saved_by_gephi_plans_nothing_and_an_edit_in_gephi_comes_back(engine):
    people, links = stored(engine)
    checked_people = check_stakeholders(people, require_source=False)
    graph = network.build_graph(
        checked_people, check_links(links, set(checked_people["id"]), require_source=False)
    )
    export = network.to_gexf_bytes(graph)
    plan = network.plan_import(gephi_resave(export), "gephi.gexf", people, links)
    assert plan.is_empty()
    assert plan.unchanged == len(people) + len(links)

    def edit(node: str, values: dict[str, str]) -> None:
        if node == "polres-buleleng":
            values["note"] = "Diperiksa di Gephi"

    back, _ = network.read_graph_file(gephi_resave(export, edit=edit), "gephi.gexf")
    assert back.set_index("id").loc["polres-buleleng", "note"] == "Diperiksa di Gephi"


# --- The page --------------------------------------------------------------------------------------


def open_data_tab(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"lang": lang})
    at.session_state["_caller"] = as_account(ANALYST)
    at.run()
    at.switch_page("pages/pemangku_kepentingan.py")
    at.run()
    at.session_state["network_tabs"] = t("stakeholderspage.tab.data", lang)  # only the open tab runs
    return at.run()


@pytest.mark.usefixtures("fresh_store")
def test_the_page_says_a_gephi_sample_is_not_institutions_and_offers_both_choices():
    at = open_data_tab("id")
    at.file_uploader(key="network_upload").upload(
        "lesmiserables.gexf", LES_MISERABLES, "application/xml"
    ).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    sentence = (
        "Berkas ini jaringan yang dapat dibaca (77 simpul, 254 garis) tetapi bukan jaringan lembaga: "
        "tidak ada kolom type dan level."
    )
    assert any(f"**{escape(sentence)}**" in w.value for w in at.warning)  # shown as text, not markdown
    choice = at.radio(key="network_upload_choice")
    assert choice.options == [
        "Tampilkan sebagai gambar rujukan saja (tidak disimpan sebagai lembaga)",
        "Petakan kolomnya ke kolom lembaga, lalu periksa dan simpan",
    ]
    assert choice.value is None
    assert not any("Pratinjau" in text.value for text in at.text)


@pytest.mark.usefixtures("fresh_store")
def test_the_page_draws_a_reference_and_saves_a_mapped_network():
    at = open_data_tab("en")
    at.file_uploader(key="network_upload").upload(
        "lesmiserables.gexf", LES_MISERABLES, "application/xml"
    ).run()
    at.radio(key="network_upload_choice").set_value("reference").run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Nodes"], metrics["Edges"]) == ("77", "254")
    centrality = [d.value for d in at.dataframe if "Node" in d.value.columns]
    assert centrality
    assert centrality[0].iloc[0]["Node"] == "Valjean"
    at.radio(key="network_upload_choice").set_value("map").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="network_map_name").value == ("column", "label")
    assert any("Pick a source for type and level" in i.value for i in at.info)
    at.selectbox(key="network_map_type").set_value(("value", "civil_society"))
    at.selectbox(key="network_map_level").set_value(("value", "national")).run()
    assert not at.exception, at.exception
    assert any(t.value.startswith("Preview: 77 institutions and 254 links") for t in at.text)
    at.button(key="network_upload_confirm").click().run()
    assert not at.exception, at.exception
    assert any("Saved: 77 institutions and 254 links written" in s.value for s in at.success)


@pytest.mark.usefixtures("fresh_store")
def test_the_page_names_the_attributes_a_gephi_08_file_left_undeclared():
    at = open_data_tab("en")
    at.file_uploader(key="network_upload").upload("partner.gexf", PARTNER_08, "application/xml").run()
    assert not at.exception, at.exception
    assert any("does not declare were ignored: image, channel" in i.value for i in at.info)
    assert any(t.value.startswith("Preview: 3 institutions and 2 links") for t in at.text)


@pytest.mark.parametrize("attribute_id", ["region", "region|code"], ids=["plain id", "id with a bar"])
def test_undeclared_values_are_dropped_and_declared_ones_kept_whatever_the_ids(attribute_id):
    """The values to drop are found by libxml2 unless an id holds the bar its query uses: both agree."""
    data = f"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="{attribute_id}" title="Region Code" type="string"/></attributes>
    <nodes>
      <node id="a" label="A"><attvalues>
        <attvalue for="{attribute_id}" value="51.08"/><attvalue for="image" value="a.png"/>
      </attvalues></node>
      <node id="b" label="B"><attvalues><attvalue for="region_code" value="51.01"/></attvalues></node>
    </nodes>
    <edges><edge id="0" source="a" target="b"/></edges>
  </graph>
</gexf>""".encode()
    file = network.read_network_file(data, "bar.gexf")
    assert file.ignored == ("image",)
    assert file.graph.nodes["a"]["region_code"] == "51.08"  # by its id
    assert file.graph.nodes["b"]["region_code"] == "51.01"  # by the column its title names
    assert "image" not in file.graph.nodes["a"]
