"""The drawing of the coordination graph: layout positions, chart frames and the Vega-Lite spec."""

import math

import networkx as nx
import pytest

from lib import network
from lib.core.regions import regency_of
from lib.intake import load_bundle
from lib.network import NODE_PICK, POSKO_ID, chart_frames, layout_positions, network_chart
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def bundle():
    return load_bundle(DATA_DIR)


@pytest.fixture(scope="module")
def bali(bundle) -> nx.DiGraph:
    return network.build_graph(bundle.stakeholders, bundle.links)


@pytest.fixture(scope="module")
def positions(bali) -> dict[str, tuple[float, float]]:
    return layout_positions(bali)


@pytest.fixture(scope="module")
def metrics(bali):
    return network.metrics_table(bali)


def scale_domains(spec: dict) -> tuple[list[float], list[float]]:
    """Return the x and y domains of the circles' layer."""
    encoding = spec["layer"][1]["encoding"]
    return encoding["x"]["scale"]["domain"], encoding["y"]["scale"]["domain"]


# --- Layout ---------------------------------------------------------------------------------------


def test_layout_is_deterministic_and_lines_up_a_regency(bali):
    positions = layout_positions(bali)
    assert positions == layout_positions(bali.copy())
    assert set(positions) == set(bali.nodes)
    buleleng = {
        node: positions[node][0] for node in ("polres-buleleng", "kpu-buleleng", "desa-adat-buleleng")
    }
    gianyar = positions["polres-gianyar"][0]
    assert max(buleleng.values()) - min(buleleng.values()) < abs(positions["polres-buleleng"][0] - gianyar)


def test_province_institutions_each_get_a_slot_of_their_own(bali):
    positions = layout_positions(bali)
    province = [node for node, code in bali.nodes(data="region_code") if "." not in str(code or "")]
    assert len(province) > 40
    spots = [positions[node] for node in province]
    gaps = [math.dist(a, b) for n, a in enumerate(spots) for b in spots[n + 1 :]]
    assert min(gaps) >= 1.0  # a whole slot (a name's width) between any two province institutions


def test_polda_sits_on_the_polres_row_beside_the_regency_columns(bali):
    positions = layout_positions(bali)
    polres = [node for node in bali.nodes if node.startswith(("polres-", "polresta-"))]
    assert {positions[node][1] for node in polres} == {positions["polda-bali"][1]}
    province_x = [xy[0] for node, xy in positions.items() if bali.nodes[node]["type"] == "police"]
    regency_x = min(positions[node][0] for node in polres)
    assert positions["polda-bali"][0] == max(x for x in province_x if x < regency_x)
    assert positions["kpu-bali"][1] == positions["kpu-badung"][1]
    assert positions["bawaslu-bali"][1] == positions["bawaslu-badung"][1]


def test_province_only_types_fill_rows_below_the_regency_columns(bali):
    positions = layout_positions(bali)
    lowest_regency = min(y for node, (_, y) in positions.items() if "." in bali.nodes[node]["region_code"])
    for node in ("pemprov-bali", "kesbangpol-bali", "posko-pilkada", "forkopimda-bali", "kemendagri"):
        assert positions[node][1] < lowest_regency


def test_the_network_chart_spec_has_the_pick_the_layers_and_fixed_colours(bali, bundle):
    nodes, edges = chart_frames(bali, network.metrics_table(bali), layout_positions(bali), lang="en")
    assert len(edges) == len(bundle.links)
    chart = network_chart(nodes, edges, size_field="betweenness", highlight=["posko-pilkada"], lang="en")
    spec = chart.to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks[:2] == ["rule", "circle"]
    assert set(marks[2:]) == {"text"}  # names (with a white halo), column and row headings
    params = spec.get("params", []) + [p for layer in spec["layer"] for p in layer.get("params", [])]
    assert [p["name"] for p in params] == [NODE_PICK]
    assert params[0]["select"]["fields"] == ["id"]
    circle = spec["layer"][1]["encoding"]
    assert circle["color"]["scale"]["domain"][network_chart.__globals__["TYPES"].index("posko")] == "Posko"
    assert len(circle["color"]["scale"]["range"]) == len(circle["color"]["scale"]["domain"])
    assert circle["size"]["field"] == "betweenness"
    assert spec["layer"][0]["encoding"]["strokeDash"]["scale"]["range"] == [[1, 0], [4, 3]]


def test_the_chart_refuses_an_unknown_size_field(bali):
    nodes, edges = chart_frames(bali, network.metrics_table(bali), layout_positions(bali))
    with pytest.raises(ValueError, match="size_field"):
        network_chart(nodes, edges, size_field="importance")


def test_the_chart_names_the_province_institutions_and_the_regency_grid(bali):
    nodes, edges = chart_frames(bali, network.metrics_table(bali), layout_positions(bali))
    spec = network_chart(
        nodes, edges, size_field="degree", highlight=network.neighbourhood(bali, ["polda-bali"])
    )
    datasets = spec.to_dict()["datasets"]
    texts = {
        str(row.get("text") or row.get("shown_label"))
        for rows in datasets.values()
        for row in rows
        if row.get("text") or row.get("shown_label")
    }
    assert {"Polda", "Kesbangpol", "Pemprov", "KPU", "Desk Pilkada"} <= texts  # "Bali" is said once, above
    assert "Provinsi Bali & nasional" in texts
    assert {"Jembrana", "Buleleng", "Denpasar", "Polres", "KPU", "Bawaslu", "Desa adat"} <= texts
    assert not any(
        text.startswith(("Polres ", "KPU ")) for text in texts
    )  # regency offices read from the grid
    rows = {row["text"]: row for rows in datasets.values() for row in rows if "text" in row}
    assert rows["Buleleng"]["highlighted"]
    assert rows["Polres"]["highlighted"]
    assert not rows["Desa adat"]["highlighted"]


def test_names_are_cut_only_where_a_neighbour_needs_the_room():
    from lib.network.charts import _fit_labels

    texts = ["Satgas Netralitas ASN", "MK", "Satpol PP / Linmas", "Desk Kemenko Polhukam"]
    fitted = _fit_labels([0, 1, 3, 4], [0, 0, 0, 0], texts, [12.0] * 4, 100.0, -1.0, 4.5)
    assert fitted[0] == "Satgas Netralitas ASN"  # its neighbour "MK" is short
    assert fitted[1] == "MK"
    assert fitted[2].endswith("\u2026")
    assert len(fitted[2]) < len(texts[2])
    assert fitted[3].endswith("\u2026")  # two long names side by side share the room
    assert fitted[3] != texts[3]


# --- The bundled network, drawn ----------------------------------------------------------------


def test_every_bundled_institution_is_drawn_inside_the_drawing(bali, positions, metrics):
    nodes, edges = chart_frames(bali, metrics, positions)
    (x_low, x_high), (y_low, y_high) = scale_domains(
        network_chart(nodes, edges, size_field="degree").to_dict()
    )
    assert set(nodes["id"]) == set(bali.nodes)
    for node, (x, y) in positions.items():
        assert x_low < x < x_high, node
        assert y_low < y < y_high, node
    for column in ("x", "x2"):
        assert edges[column].between(x_low, x_high).all()
    for column in ("y", "y2"):
        assert edges[column].between(y_low, y_high).all()


def test_each_province_level_body_sits_in_the_province_block(bali, positions):
    regency = {node for node, code in bali.nodes(data="region_code") if regency_of(code)}
    province = set(bali.nodes) - regency
    assert len(regency) > 20
    assert len(province) > 40
    first_column = min(positions[node][0] for node in regency)
    lowest_regency_row = min(positions[node][1] for node in regency)
    shared_types = {bali.nodes[node]["type"] for node in regency}
    for node in province:
        x, y = positions[node]
        if bali.nodes[node]["type"] in shared_types:  # beside the regency columns of its type
            assert x < first_column, node
            assert y >= lowest_regency_row, node
        else:  # a type only the province or nation has: the rows below the regency section
            assert y < lowest_regency_row, node
    for node in regency:
        assert positions[node][0] >= first_column


def test_the_spec_validates_and_carries_the_node_pick(bali, positions, metrics):
    after = network.apply_scenario(bali, removed_nodes=["kesbangpol-bali"])
    nodes, edges = chart_frames(after, metrics, positions, lang="en")
    chart = network_chart(nodes, edges, size_field="pagerank", highlight=[POSKO_ID, "polda-bali"], lang="en")
    spec = chart.to_dict(validate=True)  # raises when the spec is not valid Vega-Lite
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    params = spec.get("params", []) + [param for layer in spec["layer"] for param in layer.get("params", [])]
    picks = [param for param in params if param["name"] == NODE_PICK]
    assert len(picks) == 1
    assert picks[0]["select"] == {"type": "point", "fields": ["id"], "on": "click"}
    assert "kesbangpol-bali" not in set(nodes["id"])
    shown = {row["id"]: row for rows in spec["datasets"].values() for row in rows if "id" in row}
    assert shown[POSKO_ID]["highlighted"]
    assert not shown["kpu-bali"]["highlighted"]


def test_a_large_graph_keeps_the_top_institutions_the_posko_and_the_links_among_them(
    bali, positions, metrics
):
    nodes, edges = chart_frames(bali, metrics, positions, max_nodes=10, rank_by="degree")
    top = set(metrics.sort_values(["degree", "id"], ascending=[False, True])["id"].head(10))
    assert set(nodes["id"]) == top | {POSKO_ID}
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["id"])
    assert len(edges) > 0


def test_a_graph_of_regency_offices_only_starts_at_the_regency_columns():
    graph = nx.Graph()
    graph.add_node("a", type="police", level="regency", region_code="51.01")
    graph.add_node("b", type="police", level="regency", region_code="51.02")
    graph.add_node("c", type="election_body", level="district", region_code="51.02.03")
    positions = layout_positions(graph)
    assert positions["a"][1] == positions["b"][1] == 0.0
    assert positions["c"][0] == positions["b"][0] > positions["a"][0]
    assert math.isclose(positions["c"][1], -1.3)  # one band below, with the gap between bands
