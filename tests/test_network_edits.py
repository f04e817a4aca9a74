"""Editing and importing the stored network: checked plans, one-transaction saves, file cells."""

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from lib import network, store
from lib.access import PUBLIC, Caller
from lib.core.problems import DataProblem
from lib.intake import load_bundle
from lib.network import (
    LINK_COLUMNS,
    STAKEHOLDER_COLUMNS,
    EditPlan,
    check_links,
    check_stakeholders,
    file_cell,
)
from tests.conftest import DATA_DIR

ANALYST = Caller("analyst", "RAHASIA", "ana")


@pytest.fixture
def engine(tmp_path):
    return store.open_store(f"sqlite:///{tmp_path / 'net.sqlite'}", load_bundle(DATA_DIR))


# --- Plans and saves -------------------------------------------------------------------------


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


def test_an_unchanged_copy_plans_nothing_even_with_strengths_as_text(engine):
    people, links = stored(engine)
    as_editor = links.assign(strength=links["strength"].astype("string"))  # as the page's editor holds it
    plan = network.plan_edits(people, people, links, as_editor)
    assert plan.is_empty()
    assert plan.unchanged == len(people) + len(links)


def test_a_changed_own_row_is_planned_and_the_rest_count_as_unchanged(engine):
    people, links = stored(engine)
    network.save_plan(
        engine,
        network.plan_edits(people, with_rows(people, NEW_BODY), links, links),
        caller=ANALYST,
        origin="app:ana",
    )
    people2, links2 = stored(engine)
    renamed = people2.assign(name=people2["name"].where(people2["id"] != "linmas-buleleng", "Linmas BLL"))
    plan = network.plan_edits(people2, renamed, links2, links2)
    assert list(plan.stakeholders["id"]) == ["linmas-buleleng"]
    assert plan.stakeholders["name"].iloc[0] == "Linmas BLL"
    assert plan.unchanged == len(people2) - 1 + len(links2)


def test_removing_an_institution_that_keeps_a_link_is_refused_and_nothing_is_stored(engine):
    people, links = stored(engine)
    network.save_plan(
        engine,
        network.plan_edits(people, with_rows(people, NEW_BODY), links, with_rows(links, NEW_LINK)),
        caller=ANALYST,
        origin="app:ana",
    )
    before = (store.revision(engine), len(stored(engine)[0]))
    plan = EditPlan(stakeholders=people.iloc[0:0], links=links.iloc[0:0], removed_ids=("linmas-buleleng",))
    with pytest.raises(DataProblem, match="still used by 1 links"):
        network.save_plan(engine, plan, caller=ANALYST, origin="app:ana", lang="en")
    assert (store.revision(engine), len(stored(engine)[0])) == before


def test_an_empty_plan_writes_nothing_and_keeps_the_revision(engine):
    people, links = stored(engine)
    before = store.revision(engine)
    outcome = network.save_plan(
        engine, network.plan_edits(people, people, links, links), caller=ANALYST, origin="x"
    )
    assert vars(outcome) == {"people_written": 0, "links_written": 0, "people_removed": 0, "links_removed": 0}
    assert store.revision(engine) == before


# --- The one cell rule of the files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (True, "true"),
        (False, "false"),
        (np.bool_(True), "true"),
        (None, ""),
        (math.nan, ""),
        (pd.NA, ""),
        ("   ", ""),
        (2.0, "2"),
        (np.float64(2.5), "2.5"),
        (np.int64(3), "3"),
        (" Polres Buleleng ", "Polres Buleleng"),
        ("TRUE", "TRUE"),  # typed text stays as typed; only real flags are lowered
    ],
)
def test_a_file_cell_is_the_shared_cell_text_with_empty_as_blank_and_flags_lowered(value, text):
    assert file_cell(value) == text


def test_flags_written_by_the_file_cell_rule_pass_the_link_check():
    people = check_stakeholders(
        pd.DataFrame(
            [[n, n.upper(), "", "police", "regency", "51.08", "", "TERBUKA", "ref", ""] for n in ("a", "b")],
            columns=list(STAKEHOLDER_COLUMNS),
        )
    )
    row = {"source_id": "a", "target_id": "b", "kind": "command", "directed": True, "strength": 2.0}
    row |= {"delay_hours": math.nan, "channel": None, "assumption": np.bool_(False), "source_ref": "ref"}
    row |= {"note": None, "classification": "TERBUKA"}
    cells = pd.DataFrame([{column: file_cell(row[column]) for column in LINK_COLUMNS}])
    checked = check_links(cells, set(people["id"]))
    assert bool(checked["directed"].iloc[0]) is True
    assert bool(checked["assumption"].iloc[0]) is False
    assert int(checked["strength"].iloc[0]) == 2


def test_a_graph_file_with_flags_and_whole_numbers_reads_back_to_the_same_rows():
    graph = nx.DiGraph()
    for node in ("posko-pilkada", "polda-bali"):
        graph.add_node(node, name=node.upper(), type="police", level="province", region_code="51")
        graph.nodes[node].update(classification="TERBUKA", source="ref")
    graph.add_edge("posko-pilkada", "polda-bali", kind="command", directed=True, strength=3.0)
    graph.edges["posko-pilkada", "polda-bali"].update(
        assumption=False, source_ref="ref", delay_hours=2.0, classification="TERBUKA"
    )
    people, links = network.read_graph_file(network.to_graphml_bytes(graph), "small.graphml")
    assert list(people["id"]) == ["posko-pilkada", "polda-bali"]
    link = links.iloc[0]
    assert (bool(link["directed"]), int(link["strength"]), float(link["delay_hours"])) == (True, 3, 2.0)
