"""The Pemangku Kepentingan page through app.py: what it shows, and what its widgets change."""

import networkx as nx
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import network
from lib.access import Caller
from lib.core.i18n import t
from lib.core.text import escape
from lib.network import check_links, check_stakeholders
from tests.conftest import DATA_DIR, ROOT, as_account

PAGE = "pages/pemangku_kepentingan.py"
ANALYST = Caller("analyst", "RAHASIA", "ana")


@pytest.fixture(autouse=True)
def _fresh(fresh_store):
    return fresh_store


def open_page(query: dict | None = None, caller: Caller | None = None, tab: str = "") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if query:
        at.query_params.update(query)
    if caller is not None:
        at.session_state["_caller"] = as_account(caller)
    at.run()
    at.switch_page(PAGE)
    at.run()
    return open_tab(at, tab) if tab else at


def open_tab(at: AppTest, tab: str, lang: str = "en") -> AppTest:
    """Open one of the page's tabs (``network``, ``metrics``...) as a click on it does: only it runs."""
    at.session_state["network_tabs"] = t(f"stakeholderspage.tab.{tab}", lang)
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


# --- The page ------------------------------------------------------------------------------------


def test_page_shows_the_bundled_network_metrics_and_single_points_of_failure(bali):
    at = open_page({"lang": "en"})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Institutions"] == str(bali.number_of_nodes())
    expected = network.single_points_of_failure(bali, lang="en")
    assert metrics["Single points of failure"] == str(len(expected))
    table = frame_with(open_tab(at, "failures"), "Cut off from the Posko")
    assert table["Institution"].tolist() == expected["name"].tolist()
    assert table["Cut off"].tolist() == expected["cut_off_count"].tolist()
    metric_table = frame_with(open_tab(at, "metrics"), "Betweenness")
    assert len(metric_table) == bali.number_of_nodes()
    reach = frame_with(open_tab(at, "reach"), "Hours to reach all (assumed)")
    assert len(reach) == 9
    assert any("ASSUMED" in c.value and "command 1 h" in c.value for c in [*at.caption, *at.info])


def test_only_the_open_tab_computes_and_sends_its_content():
    at = open_page({"lang": "en"})
    assert not at.exception, at.exception
    assert at.get("vega_lite_chart")  # the drawing: the first tab
    assert not [d for d in at.dataframe if "Betweenness" in d.value.columns]  # metrics: not sent
    assert not [d for d in at.dataframe if "Cut off from the Posko" in d.value.columns]
    graphml = t("stakeholderspage.data.graphml", "en")
    assert not [b for b in at.get("download_button") if b.proto.label == graphml]  # files: not built
    open_tab(at, "metrics")
    assert not at.exception, at.exception
    assert [d for d in at.dataframe if "Betweenness" in d.value.columns]  # now it is there ...
    assert not at.get("vega_lite_chart")  # ... and the drawing is not
    assert at.session_state["network_tabs"] == "Metrics"


def test_the_drawing_boxes_keep_their_values_while_another_tab_is_open(bali):
    at = open_page({"lang": "en", "r": "51.08"})
    buleleng = network.focus_members(bali, "51.08")
    assert len(frame_with(open_tab(at, "metrics"), "Betweenness")) == len(buleleng) < bali.number_of_nodes()
    open_tab(at, "network")
    at.selectbox(key="network_node").set_value("kesbangpol-bali").run()
    at.toggle(key="network_focus_only").set_value(False).run()
    open_tab(at, "metrics")  # the toggle is not drawn on this tab, and still decides what it shows
    assert len(frame_with(at, "Betweenness")) == bali.number_of_nodes()
    open_tab(at, "network")
    assert at.selectbox(key="network_node").value == "kesbangpol-bali"
    assert at.toggle(key="network_focus_only").value is False


def test_a_scenario_link_shows_the_institutions_cut_off_and_the_comparison(bali):
    lost = network.single_points_of_failure(bali).set_index("id").loc["kesbangpol-bali", "cut_off_names"]
    at = open_page({"lang": "en", "s": "-kesbangpol-bali"}, tab="whatif")
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
    at = open_page({"lang": "en", "s": "-no-such-body"}, tab="whatif")
    assert not at.exception, at.exception
    assert any(escape("no-such-body") in e.value for e in at.error)
    assert any("No scenario yet" in i.value for i in at.info)
    assert not any(w.value.startswith("A what-if scenario is active") for w in at.warning)


def test_changing_the_what_if_on_the_page_puts_the_scenario_into_the_url():
    at = open_page({"lang": "en"}, tab="whatif")
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
    at = open_page({"lang": "en", "r": "51.08"}, tab="metrics")
    assert not at.exception, at.exception
    table = frame_with(at, "Betweenness")
    buleleng = network.focus_members(bali, "51.08")
    assert len(table) == len(buleleng) > 0
    assert set(table["Region"]) == {"Buleleng"}


def test_suggestions_appear_when_asked_with_how_they_were_found():
    at = open_page({"lang": "en"}, tab="reach")
    assert any(d for d in at.dataframe if "Hours to reach all (assumed)" in d.value.columns)
    assert not any("Minutes saved, all offices together" in d.value.columns for d in at.dataframe)
    at.button(key="suggest_faster").click().run()
    assert not at.exception, at.exception
    found = frame_with(at, "Minutes saved, all offices together")  # the reach tab stays open
    assert len(found) >= 1
    assert (found["Minutes saved, all offices together"] > 0).all()
    assert any("Greedy search" in c.value for c in at.caption)


def test_the_public_sees_no_editor_and_an_analyst_does():
    public = open_page({"lang": "en"}, tab="data")
    assert any("for signed-in analysts and admins" in i.value for i in public.info)
    assert not any(b.label == "Check and save" for b in [*public.get("form_submit_button"), *public.button])
    analyst = open_page({"lang": "en"}, caller=ANALYST, tab="data")
    assert not analyst.exception, analyst.exception
    assert not any("for signed-in analysts and admins" in i.value for i in analyst.info)
    assert any(s.value == "Edit institutions and links" for s in analyst.subheader)


# --- The political layer (off by default; never coordination) -------------------------------------


def drawing_spec(at: AppTest) -> str:
    """Return the Vega-Lite spec of the page's drawing, as text."""
    charts = [node for node in at.get("vega_lite_chart") if getattr(node, "proto", None) is not None]
    assert charts, "no drawing on the page"
    return charts[0].proto.spec


def test_the_political_layer_is_off_by_default_and_drawn_apart_when_turned_on(bali):
    at = open_page({"lang": "en"})
    assert at.toggle(key="network_politics").value is False
    figures = {m.label: m.value for m in at.metric}
    assert "Political support (not coordination)" not in drawing_spec(at)
    assert "pilgub24-koster-giri" not in at.selectbox(key="network_node").options
    at.toggle(key="network_politics").set_value(True).run()
    assert not at.exception, at.exception
    spec = drawing_spec(at)
    assert "Political support (not coordination)" in spec
    assert '"strokeDash": [6, 4]' in spec or '"strokeDash":[6,4]' in spec
    assert {m.label: m.value for m in at.metric} == figures  # the headline counts institutions only
    assert any("not coordination" in c.value and "candidate pairs" in c.value for c in at.caption)
    at.selectbox(key="network_node").set_value("pilgub24-koster-giri").run()
    assert not at.exception, at.exception
    assert any(s.value == "Candidate pair: " + escape("Koster-Giri (2)") for s in at.subheader)
    ties = frame_with(at, "Tie")
    assert {"Nominates", "Campaign team", "Declared support"} <= set(ties["Tie"])
    assert ties["Source"].str.startswith("https://").all()
    assert any(text.value == "Incumbent: Held the office before" for text in at.text)
    metrics = frame_with(open_tab(at, "metrics"), "Betweenness")
    assert len(metrics) == bali.number_of_nodes()  # no pair or party joins the coordination figures
    assert not set(metrics["Institution"]) & {"Koster-Giri (2)", "Demokrat"}
    at = open_tab(at, "network")
    assert at.toggle(key="network_politics").value is True  # the toggle keeps its state across tabs
    at.toggle(key="network_politics").set_value(False).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="network_node").value == ""  # a pair is no longer offered
    assert "Political support (not coordination)" not in drawing_spec(at)


def test_an_institution_with_political_ties_lists_them_apart_from_its_links():
    at = open_page({"lang": "id"})
    at.toggle(key="network_politics").set_value(True).run()
    at.selectbox(key="network_node").set_value("desa-adat-badung").run()
    assert not at.exception, at.exception
    assert any(m.value == f"**{escape('Ikatan politik (bukan koordinasi)')}**" for m in at.markdown)
    ties = frame_with(at, "Ikatan")
    assert list(ties["Pihak"]) == ["Adicipta (2)"]
    assert ties["Ikatan"].tolist() == ["Menyatakan dukungan"]
    assert "Pecatu" in ties["Catatan"].iloc[0]
