"""The tables, texts and widget values the Pemangku Kepentingan page shows, from lib alone."""

import math

import networkx as nx
import pandas as pd
import pytest

from lib import network
from lib.core.i18n import t
from lib.intake import load_bundle
from lib.network import LINK_COLUMNS, POSKO_ID, STAKEHOLDER_COLUMNS, check_links, check_stakeholders
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def bundle():
    return load_bundle(DATA_DIR)


@pytest.fixture(scope="module")
def bali(bundle) -> nx.DiGraph:
    return network.build_graph(bundle.stakeholders, bundle.links)


@pytest.fixture(scope="module")
def analysis(bali) -> network.Analysis:
    return network.analyse(bali, lang="en")


@pytest.fixture(scope="module")
def names(bundle) -> dict[str, str]:
    return dict(zip(bundle.regions["code"], bundle.regions["name"], strict=True))


# --- Small graphs whose answers are known -------------------------------------------


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


# --- Tables of the bundled network ------------------------------------------------------------------


def test_the_metrics_table_has_every_institution_with_its_hours_to_and_from_the_posko(bali, analysis, names):
    table = network.metrics_display(analysis, names, lang="en")
    assert len(table) == bali.number_of_nodes()
    assert list(table.columns)[-1] == "id"
    row = table.set_index("id").loc["kesbangpol-bali"]
    reach = analysis.reach.set_index("id").loc["kesbangpol-bali"]
    assert row["Number of links"] == network.undirected_view(bali).degree("kesbangpol-bali")
    assert row["Hours from the Posko (assumed)"] == reach["hours_from_posko"]
    assert row["Hours to the Posko (assumed)"] == reach["hours_to_posko"]
    assert table["Community"].min() == 1  # counted from 1 for people, not from 0
    buleleng = table.set_index("id").loc["polres-buleleng"]
    assert buleleng["Region"] == names["51.08"]


def test_the_metrics_table_narrows_to_the_given_institutions(bali, analysis, names):
    members = network.focus_members(bali, "51.08")
    table = network.metrics_display(analysis, names, lang="en", only=members)
    assert set(table["id"]) == members
    assert 0 < len(table) < bali.number_of_nodes()


def test_the_failures_table_names_each_weak_point_and_who_it_cuts_off(analysis):
    table = network.failures_display(analysis.failures, lang="en")
    assert list(table.columns) == ["What", "Institution", "Cut off", "Cut off from the Posko"]
    assert len(table) == len(analysis.failures)
    assert set(table["What"]) <= {"Institution", "Link"}
    first = analysis.failures.iloc[0]
    assert table.iloc[0]["Cut off"] == first["cut_off_count"]
    assert table.iloc[0]["Cut off from the Posko"] == first["cut_off_names"]


def test_the_alert_table_has_every_regency_with_offices_reached_and_hours(analysis, names):
    table = network.alerts_display(analysis.alerts, names, lang="en")
    assert len(table) == len(analysis.alerts) == 9
    first = analysis.alerts.iloc[0]
    assert table.iloc[0]["Region"] == names[first["region_code"]]
    assert table.iloc[0]["Offices reached"] == f"{first['reached']}/{first['targets']}"
    assert table.iloc[0]["Hours to reach all (assumed)"] == f"{first['hours']:g}"


def test_the_coverage_table_says_each_step_in_words(analysis, names):
    table = network.coverage_display(analysis.coverage, names, lang="en")
    words = {"documented", "rests on an assumption", "MISSING"}
    for column in [
        "Complete chain",
        *(t(f"network.step.{step}", "en") for step in network.CHAIN_STEPS),
    ]:
        assert set(table[column]) <= words
    assert list(table["Gaps"]) == list(analysis.coverage["gaps"])
    assert network.gap_count(analysis.coverage) == int((analysis.coverage["gaps"] != "").sum()) > 0


def test_the_slowest_alert_that_arrives_is_the_headline(analysis):
    code, hours = network.worst_alert(analysis.alerts)
    reached = analysis.alerts.dropna(subset=["hours"])
    assert hours == reached["hours"].max()
    assert code in set(reached.loc[reached["hours"] == hours, "region_code"])
    assert network.worst_alert(analysis.alerts.assign(hours=math.nan)) is None


def test_the_detail_of_an_institution_lists_its_links_and_routes(bali, analysis, names):
    detail = network.node_detail(bali, analysis, "polres-buleleng", names, lang="en")
    assert detail.region == names["51.08"]
    assert len(detail.links) == len(network.neighbourhood(bali, ["polres-buleleng"])) - 1
    assert detail.figures["Number of links"] == str(network.undirected_view(bali).degree("polres-buleleng"))
    assert detail.route_from.startswith(bali.nodes[POSKO_ID]["name"])
    assert set(detail.links["Direction"]) <= {"both ways", "outgoing", "incoming"}
    with pytest.raises(ValueError, match="not an institution"):
        network.node_detail(bali, analysis, "nobody", names)


def test_pickers_list_institutions_by_name(bali):
    listed = network.institution_names(bali)
    assert set(listed) == set(bali.nodes)
    assert list(listed.values()) == sorted(listed.values())


# --- The what-if, shown ------------------------------------------------------------------------------


def test_the_highlight_is_the_selection_else_the_changes_else_the_focus(bali):
    after = network.apply_scenario(bali, removed_nodes=["kesbangpol-bali"])
    comparison = network.compare_networks(bali, after, lang="en")
    members = network.focus_members(bali, "51.08")
    picked = network.highlight_ids(bali, "polda-bali", comparison, members)
    assert picked == tuple(sorted(network.neighbourhood(bali, ["polda-bali"])))
    changed = network.highlight_ids(bali, "", comparison, members)
    assert "kesbangpol-bali" in changed
    assert set(changed) == set(comparison.institutions.query("status != 'unchanged'")["id"])
    assert network.highlight_ids(bali, "", None, members) == tuple(sorted(members))
    assert network.highlight_ids(bali, "", None, set()) is None


def test_the_headline_figures_of_a_removal_show_what_got_worse():
    before = small_graph()
    comparison = network.compare_networks(
        before, network.apply_scenario(before, removed_nodes=["b"]), lang="en"
    )
    figures = {figure.label: figure for figure in network.summary_figures(comparison, lang="en")}
    joined = figures["Institutions joined to the Posko"]
    assert (joined.value, joined.delta, joined.delta_colour) == ("0", "-2", "normal")
    assert joined.today == "Today: 2"
    weak = figures["Single points of failure"]
    assert weak.delta_colour == "inverse"  # fewer weak points: a falling figure shown green
    worst = figures["Slowest alert to a regency (hours, assumed)"]
    assert (worst.value, worst.delta, worst.today) == ("not reached", "WORSE", "Today: 5")


def test_the_changes_table_leaves_out_the_unchanged_unless_asked():
    before = small_graph()
    comparison = network.compare_networks(
        before, network.apply_scenario(before, removed_nodes=["b"]), lang="en"
    )
    changes = network.comparison_display(comparison, lang="en")
    assert set(changes["status"]) == {"removed", "cut_off"}
    assert len(network.comparison_display(comparison, lang="en", changed_only=False)) == 3
    cut = changes.set_index("status").loc["cut_off"]
    assert (cut["Hours before (assumed)"], cut["Hours after (assumed)"]) == ("5", "not reached")
    summary = network.summary_display(comparison, lang="en")
    assert list(summary["Measure"])[0] == "Institutions joined to the Posko"
    assert summary.set_index("status").index.isin(["better", "worse", "same"]).all()


def test_the_regency_table_says_when_an_alert_no_longer_arrives(names):
    before = small_graph()
    comparison = network.compare_networks(
        before, network.apply_scenario(before, removed_links=[(POSKO_ID, "b")]), lang="en"
    )
    table = network.regency_comparison_display(comparison, names, lang="en")
    assert list(table["status"]) == ["unreachable"]
    assert table.iloc[0]["Region"] == names["51.08"]
    assert table.iloc[0]["Hours after (assumed)"] == "not reached"


def test_suggested_links_show_the_minutes_they_save(bali):
    found = network.suggest_faster_links(bali, count=2, lang="en")
    table = network.suggestions_display(found, lang="en")
    assert len(table) == len(found.links) == 2
    assert list(table["Minutes saved, slowest alert"]) == [round(h * 60) for h in found.links["hours_saved"]]
    backup = network.suggestions_display(network.suggest_backup_links(bali, count=1, lang="en"), lang="en")
    assert "Institutions no longer at risk of being cut off" in backup.columns


def test_the_assumed_delays_read_as_one_line():
    text = network.delays_text(
        {"command": 1.0, "information": 2.5, "coordination": 4.0, "membership": 12.0}, "en"
    )
    assert text == "command 1 h, coordination 4 h, information 2.5 h, membership 12 h"
