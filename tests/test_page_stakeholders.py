"""The Pemangku Kepentingan page through app.py, and the glue it calls to show, edit and import."""

import math

import networkx as nx
import pandas as pd
import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from lib import network, store
from lib.access import PUBLIC, Caller
from lib.core.problems import DataProblem
from lib.intake import load_bundle
from lib.network import LINK_COLUMNS, STAKEHOLDER_COLUMNS, check_links, check_stakeholders
from tests.conftest import DATA_DIR, ROOT

PAGE = "pages/pemangku_kepentingan.py"
ANALYST = Caller("analyst", "RAHASIA", "ana")


class NavigationPagesManager(PagesManager):
    """As in test_page_posko.py: without it, lib/ui.use_navigation reruns and drops button clicks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def fresh_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SINERGI_DB_URL", raising=False)
    monkeypatch.setattr(app_test_module, "PagesManager", NavigationPagesManager)


def open_page(query: dict | None = None, caller: Caller | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if query:
        at.query_params.update(query)
    if caller is not None:
        at.session_state["_caller"] = caller
    at.run()
    at.switch_page(PAGE)
    return at.run()


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """Return the first dataframe on screen that has ``column``."""
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert found, [list(d.value.columns) for d in at.dataframe]
    return found[0]


@pytest.fixture(scope="module")
def bali() -> nx.DiGraph:
    read = {"dtype": str, "keep_default_na": False, "na_values": [""]}
    people = check_stakeholders(pd.read_csv(DATA_DIR / "stakeholders.csv", **read))
    links = check_links(pd.read_csv(DATA_DIR / "links.csv", **read), set(people["id"]))
    return network.build_graph(people, links)


@pytest.fixture
def engine(tmp_path):
    return store.open_store(f"sqlite:///{tmp_path / 'net.sqlite'}", load_bundle(DATA_DIR))


# --- The page ------------------------------------------------------------------------------------


def test_page_shows_the_bundled_network_metrics_and_single_points_of_failure(bali):
    at = open_page({"lang": "en"})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Institutions"] == str(bali.number_of_nodes())
    expected = network.single_points_of_failure(bali, lang="en")
    assert metrics["Single points of failure"] == str(len(expected))
    table = frame_with(at, "Cut off from the Posko")
    assert table["Institution"].tolist() == expected["name"].tolist()
    assert table["Cut off"].tolist() == expected["cut_off_count"].tolist()
    metric_table = frame_with(at, "Betweenness")
    assert len(metric_table) == bali.number_of_nodes()
    reach = frame_with(at, "Hours to reach all (assumed)")
    assert len(reach) == 9
    assert any("ASSUMED" in c.value and "command 1 h" in c.value for c in [*at.caption, *at.info])


def test_a_scenario_link_shows_the_institutions_cut_off_and_the_comparison(bali):
    lost = network.single_points_of_failure(bali).set_index("id").loc["kesbangpol-bali", "cut_off_names"]
    at = open_page({"lang": "en", "s": "-kesbangpol-bali"})
    assert not at.exception, at.exception
    assert any(s.value == "Cut off from the Posko: 1 institutions" for s in at.subheader)
    cut = frame_with(at, "Hours after (assumed)")
    assert "Partai Golkar (Bali)" in lost
    statuses = dict(zip(cut["Institution"], cut["Status"], strict=True))
    summary = frame_with(at, "In the scenario")
    joined = summary.set_index("Measure").loc["Institutions joined to the Posko"]
    assert int(joined["Today"]) - int(joined["In the scenario"]) == 2  # Kesbangpol and Golkar
    assert joined["Status"] == "WORSE"
    assert at.multiselect(key="whatif_nodes").value == ["kesbangpol-bali"]
    assert "Partai Golkar (Bali)" in [
        name for name, status in statuses.items() if status.startswith("Cut off")
    ]


def test_an_unreadable_scenario_is_shown_and_the_page_falls_back_to_today():
    at = open_page({"lang": "en", "s": "-no-such-body"})
    assert not at.exception, at.exception
    assert any("no-such-body" in e.value for e in at.error)
    assert any("No scenario yet" in i.value for i in at.info)
    assert not any(w.value.startswith("A what-if scenario is active") for w in at.warning)


def test_changing_the_what_if_on_the_page_puts_the_scenario_into_the_url():
    at = open_page({"lang": "en"})
    at.multiselect(key="whatif_nodes").set_value(["kesbangpol-bali"]).run()
    assert not at.exception, at.exception
    assert at.query_params["s"] == ["-kesbangpol-bali"] or str(at.query_params["s"]) == "-kesbangpol-bali"
    assert any(s.value == "Cut off from the Posko: 1 institutions" for s in at.subheader)
    at.selectbox(key="whatif_add_a").set_value("posko-pilkada")
    at.selectbox(key="whatif_add_b").set_value("golkar-bali")
    at.selectbox(key="whatif_add_kind").set_value("information")
    at.button(key="whatif_add").click().run()
    assert not at.exception, at.exception
    text = str(at.query_params["s"])
    assert "-kesbangpol-bali" in text
    assert "+golkar-bali~posko-pilkada~information" in text
    assert any(s.value == "Cut off from the Posko: 0 institutions" for s in at.subheader)


def test_picking_an_institution_shows_its_detail_and_figures(bali):
    at = open_page({"lang": "en"})
    at.selectbox(key="network_node").set_value("kesbangpol-bali").run()
    assert not at.exception, at.exception
    assert any(s.value.startswith("Detail: Badan Kesatuan Bangsa") for s in at.subheader)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Number of links"] == str(network.undirected_view(bali).degree("kesbangpol-bali"))


def test_the_focus_regency_narrows_the_metrics_table(bali):
    at = open_page({"lang": "en", "r": "51.08"})
    assert not at.exception, at.exception
    table = frame_with(at, "Betweenness")
    buleleng = network.focus_members(bali, "51.08")
    assert len(table) == len(buleleng) > 0
    assert set(table["Region"]) == {"Buleleng"}


def test_suggestions_appear_when_asked_with_how_they_were_found():
    at = open_page({"lang": "en"})
    assert not any("Minutes saved, all offices together" in d.value.columns for d in at.dataframe)
    at.button(key="suggest_faster").click().run()
    assert not at.exception, at.exception
    found = frame_with(at, "Minutes saved, all offices together")
    assert len(found) >= 1
    assert (found["Minutes saved, all offices together"] > 0).all()
    assert any("Greedy search" in c.value for c in at.caption)


def test_the_public_sees_no_editor_and_an_analyst_does():
    public = open_page({"lang": "en"})
    assert any("for signed-in analysts and admins" in i.value for i in public.info)
    assert not any(b.label == "Check and save" for b in [*public.get("form_submit_button"), *public.button])
    analyst = open_page({"lang": "en"}, caller=ANALYST)
    assert not analyst.exception, analyst.exception
    assert not any("for signed-in analysts and admins" in i.value for i in analyst.info)
    assert any(s.value == "Edit institutions and links" for s in analyst.subheader)


# --- Editing and importing -----------------------------------------------------------------------


def stored(engine) -> tuple[pd.DataFrame, pd.DataFrame]:
    return store.read_stakeholders(engine, ceiling="RAHASIA"), store.read_links(engine, ceiling="RAHASIA")


NEW_BODY = {
    "id": "linmas-buleleng",
    "name": "Satlinmas Kabupaten Buleleng",
    "acronym": "Linmas Buleleng",
    "type": "government",
    "level": "regency",
    "region_code": "51.08",
    "role": "",
    "classification": "TERBUKA",
    "source": "test",
    "note": "",
}
NEW_LINK = {
    "source_id": "polres-buleleng",
    "target_id": "linmas-buleleng",
    "kind": "coordination",
    "directed": False,
    "strength": "1",
    "delay_hours": 3.0,
    "channel": "radio",
    "assumption": True,
    "source_ref": "test",
    "note": "",
    "classification": "TERBUKA",
}


def with_rows(frame: pd.DataFrame, row: dict) -> pd.DataFrame:
    return pd.concat([frame, pd.DataFrame([row])], ignore_index=True)


def test_an_analyst_adds_and_then_removes_an_institution_with_its_link(engine):
    people, links = stored(engine)
    plan = network.plan_edits(people, with_rows(people, NEW_BODY), links, with_rows(links, NEW_LINK))
    assert (len(plan.stakeholders), len(plan.links), plan.removed_ids) == (1, 1, ())
    before = store.revision(engine)
    outcome = network.save_plan(engine, plan, caller=ANALYST, origin="app:ana")
    assert (outcome.people_written, outcome.links_written) == (1, 1)
    assert store.revision(engine) > before
    people2, links2 = stored(engine)
    assert "linmas-buleleng" in set(people2["id"])
    row = links2[links2["target_id"] == "linmas-buleleng"].iloc[0]
    assert (row["delay_hours"], row["origin"]) == (3.0, "app:ana")
    removal = network.plan_edits(people2, people, links2, links)
    assert removal.removed_ids == ("linmas-buleleng",)
    assert removal.removed_links == (("polres-buleleng", "linmas-buleleng", "coordination"),)
    network.save_plan(engine, removal, caller=ANALYST, origin="app:ana")
    people3, links3 = stored(engine)
    assert len(people3) == len(people)
    assert len(links3) == len(links)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"target_id": "nobody"}, "nobody"),
        ({"target_id": "polres-buleleng"}, "another institution"),
        (
            {"target_id": "kpu-buleleng", "source_id": "polres-buleleng", "kind": "coordination"},
            "already in row",
        ),
        ({"delay_hours": -2.0}, "0 or more"),
    ],
    ids=["unknown institution", "self-loop", "duplicate link", "negative delay"],
)
def test_bad_edits_are_refused_with_a_clear_message_and_nothing_changes(engine, change, message):
    people, links = stored(engine)
    before = (store.revision(engine), len(links))
    bad = {**NEW_LINK, **change}
    if change.get("target_id") == "kpu-buleleng":
        existing = links[(links["source_id"] == "polres-buleleng") & (links["kind"] == "coordination")]
        assert len(existing), "the bundled data should link Polres Buleleng by coordination"
        bad = {**bad, "target_id": existing.iloc[0]["target_id"]}
    with pytest.raises(DataProblem, match=message):
        network.plan_edits(people, with_rows(people, NEW_BODY), links, with_rows(links, bad), lang="en")
    assert (store.revision(engine), len(stored(engine)[1])) == before


def test_bundled_rows_cannot_be_removed_or_changed_in_the_editor(engine):
    people, links = stored(engine)
    with pytest.raises(DataProblem, match="kesbangpol-bali.*bundled"):
        network.plan_edits(people, people[people["id"] != "kesbangpol-bali"], links, links, lang="en")
    renamed = people.assign(name=people["name"].where(people["id"] != "kpu-bali", "KPU X"))
    with pytest.raises(DataProblem, match="kpu-bali"):
        network.plan_edits(people, renamed, links, links, lang="en")


def test_an_edit_by_a_public_caller_is_refused_and_nothing_is_stored(engine):
    people, links = stored(engine)
    plan = network.plan_edits(people, with_rows(people, NEW_BODY), links, links)
    before = store.revision(engine)
    with pytest.raises(DataProblem):
        network.save_plan(engine, plan, caller=PUBLIC, origin="app:public")
    with pytest.raises(DataProblem):
        network.save_plan(engine, plan, caller=Caller("partner", "TERBATAS", "", "KPU"), origin="x")
    assert store.revision(engine) == before
    assert "linmas-buleleng" not in set(stored(engine)[0]["id"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_a_file_exported_by_the_page_imports_back_to_the_same_graph(engine, fmt):
    people, links = stored(engine)
    checked_people = check_stakeholders(people, require_source=False)
    checked_links = check_links(links, set(checked_people["id"]), require_source=False)
    graph = network.build_graph(checked_people, checked_links)
    data = network.to_graphml_bytes(graph) if fmt == "graphml" else network.to_gexf_bytes(graph)
    back_people, back_links = network.read_graph_file(data, f"export.{fmt}")
    again = network.build_graph(back_people, back_links)
    assert network.graph_signature(again) == network.graph_signature(graph)
    plan = network.plan_import(data, f"export.{fmt}", people, links)
    assert plan.is_empty()
    assert plan.unchanged == len(people) + len(links)


def test_an_imported_file_adds_new_rows_in_one_save(engine):
    people, links = stored(engine)
    small = nx.DiGraph()
    small.add_node(
        "polres-buleleng",
        **{
            k: v
            for k, v in people.set_index("id").loc["polres-buleleng"].items()
            if k in STAKEHOLDER_COLUMNS and v is not None
        },
    )
    small.add_node("linmas-buleleng", **{k: v for k, v in NEW_BODY.items() if k != "id"})
    small.add_edge(
        "polres-buleleng",
        "linmas-buleleng",
        **{k: v for k, v in NEW_LINK.items() if k in LINK_COLUMNS and k not in ("source_id", "target_id")},
    )
    data = network.to_graphml_bytes(small)
    plan = network.plan_import(data, "partner.graphml", people, links)
    assert (len(plan.stakeholders), len(plan.links), plan.removed_ids) == (1, 1, ())
    network.save_plan(engine, plan, caller=ANALYST, origin="import:partner.graphml")
    assert "linmas-buleleng" in set(stored(engine)[0]["id"])


def test_a_file_that_is_not_a_graph_or_far_too_big_is_refused(engine):
    people, links = stored(engine)
    with pytest.raises(DataProblem, match="not GraphML or GEXF"):
        network.plan_import(b"id,name\na,b\n", "people.csv", people, links, lang="en")
    huge = (
        b'<?xml version="1.0"?><graphml><graph edgedefault="undirected">'
        + b"".join(b'<node id="n%d"/>' % n for n in range(100_000))
        + b"</graph></graphml>"
    )
    with pytest.raises(DataProblem, match="100000 nodes; the limit is 5000"):
        network.plan_import(huge, "huge.graphml", people, links, lang="en")


# --- Pure glue on small graphs whose answers are known -------------------------------------------


def small_graph() -> nx.DiGraph:
    people = pd.DataFrame(
        [
            [n, n.upper(), "", kind, level, code, "", "TERBUKA", "ref", ""]
            for n, kind, level, code in [
                ("posko-pilkada", "posko", "province", "51"),
                ("b", "police", "regency", "51.08"),
                ("c", "election_body", "regency", "51.08"),
            ]
        ],
        columns=list(STAKEHOLDER_COLUMNS),
    )
    links = pd.DataFrame(
        [
            ["posko-pilkada", "b", "command", "false", "3", "", "", "false", "ref", "", "TERBUKA"],
            ["b", "c", "coordination", "false", "2", "", "", "false", "ref", "", "TERBUKA"],
        ],
        columns=list(LINK_COLUMNS),
    )
    people = check_stakeholders(people)
    return network.build_graph(people, check_links(links, set(people["id"])))


def test_the_summary_counts_what_a_removal_cuts_off_on_a_path():
    before = small_graph()
    after = network.apply_scenario(before, removed_nodes=["b"])
    summary = network.compare_networks(before, after, lang="en").summary.set_index("measure")
    assert (summary.at["joined", "before"], summary.at["joined", "after"]) == (2.0, 0.0)
    assert summary.at["joined", "status"] == "worse"
    assert summary.at["worst_hours", "before"] == 1.0 + 4.0  # command 1 h + coordination 4 h, assumed
    assert math.isnan(summary.at["worst_hours", "after"])
    assert summary.at["failures", "status"] == "better"


def test_a_scenario_survives_the_round_trip_through_the_widgets():
    scenario = network.Scenario(("x",), (("b", "a"),), (("d", "c", "command"),))
    assert network.scenario_from_choices(*network.scenario_choices(scenario)) == scenario
