"""Cached reads and analyses of the coordination graph for the Pemangku Kepentingan page.

Every function is keyed on the store URL, the data revision ``rev`` and the caller's
``ceiling`` (what the caller may see), plus the assumed delays per link kind and the scenario
where they matter. Graphs and the tables derived from them are shared with ``st.cache_resource``
(lib never modifies its inputs and the page only reads them: a copy per rerun cost 10 ms); the
stored tables, which the page hands to the editor, are copied per caller with ``st.cache_data``.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from lib import network
from lib.network import check_links, check_stakeholders
from lib.ui import cached
from lib.ui.cached import Scope

Delays = tuple[tuple[str, float], ...]


@st.cache_data(show_spinner=False, max_entries=16)
def stored(scope: Scope) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the stored institutions and links the caller may see, as stored (with ``origin``)."""
    return cached.stakeholders(scope), cached.links(scope)


@st.cache_resource(show_spinner=False, max_entries=16)
def checked(scope: Scope, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the stored institutions and links checked and typed (see lib/stakeholders.py)."""
    people, links = stored(scope)
    people = check_stakeholders(people, require_source=False, lang=lang)
    return people, check_links(links, set(people["id"]), require_source=False, lang=lang)


@st.cache_resource(show_spinner=False, max_entries=16)
def graph(scope: Scope, delays: Delays) -> nx.DiGraph:
    """Return the coordination graph, shared by every session: read it, never modify it."""
    people, links = checked(scope, "id")
    return network.build_graph(people, links, assumed_delay_hours=dict(delays))


@st.cache_resource(show_spinner=False, max_entries=32)
def scenario_graph(scope: Scope, delays: Delays, scenario: str, lang: str) -> nx.DiGraph:
    """Return the graph with the what-if ``scenario`` (its URL text) applied.

    Raises DataProblem (not cached) when the text cannot be read or names unknown ids.
    """
    base = graph(scope, delays)
    plan = network.decode_scenario(scenario, set(base.nodes), lang=lang)
    return network.apply_scenario(
        base,
        plan.removed_nodes,
        plan.removed_links,
        plan.added_links,
        assumed_delay_hours=dict(delays),
        lang=lang,
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def positions(scope: Scope) -> dict[str, tuple[float, float]]:
    """Return the layout of the stored graph, computed once so positions stay put between reruns."""
    return network.layout_positions(graph(scope, network.delays_key(network.DEFAULT_ASSUMED_DELAY_HOURS)))


@st.cache_resource(show_spinner=False, max_entries=32)
def analysis(scope: Scope, delays: Delays, lang: str) -> network.Analysis:
    """Return metrics, single points of failure, Posko reach, alert times and coverage."""
    return network.analyse(graph(scope, delays), lang=lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def comparison(scope: Scope, delays: Delays, scenario: str, lang: str) -> network.Comparison:
    """Return today's network against the what-if ``scenario``."""
    before = graph(scope, delays)
    after = scenario_graph(scope, delays, scenario, lang)
    return network.compare_networks(before, after, lang=lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def suggestions(scope: Scope, delays: Delays, which: str, count: int, lang: str) -> network.Suggestions:
    """Return suggested links: ``which`` is "faster" (alert time) or "backup" (single points of failure)."""
    base = graph(scope, delays)
    if which == "faster":
        return network.suggest_faster_links(base, count=count, assumed_delay_hours=dict(delays), lang=lang)
    return network.suggest_backup_links(base, count=count, assumed_delay_hours=dict(delays), lang=lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def graph_files(scope: Scope) -> tuple[bytes, bytes]:
    """Return the network as GraphML and GEXF bytes (data only: no assumed delays added)."""
    people, links = checked(scope, "id")
    plain = network.build_graph(people, links)
    return network.to_graphml_bytes(plain), network.to_gexf_bytes(plain)


@st.cache_resource(show_spinner=False, max_entries=64)
def chart_frames(
    scope: Scope,
    delays: Delays,
    scenario: str,
    keep: tuple[str, ...] | None,
    lang: str,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the node and edge frames of the drawing (scenario applied, only ``keep`` if given)."""
    shown = scenario_graph(scope, delays, scenario, lang) if scenario else graph(scope, delays)
    metrics = analysis(scope, delays, lang).metrics
    where = network.restrict_positions(positions(scope), keep)
    return network.chart_frames(shown, metrics, where, lang=lang)
