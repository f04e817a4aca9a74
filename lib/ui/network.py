"""The Pemangku Kepentingan page's glue: cached reads of the coordination graph, widget blocks.

Every cached function takes the caller's :class:`~lib.ui.cached.Scope` first (store, data
revision, ceiling) and then the small values it depends on (assumed delays per link kind, the
scenario text, the language...): its signature is its cache key. Graphs and the tables derived
from them are shared with ``st.cache_resource`` (lib never modifies its inputs and the page only
reads them: a copy per rerun cost 10 ms); the stored tables, which the page hands to the
editor, are copied per caller with ``st.cache_data``. The widget functions draw one block of
the page each, with the widget keys the tests and the browser find.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from lib import intake, network
from lib.access import Caller
from lib.core import formats
from lib.core.i18n import t
from lib.core.labels import code_label
from lib.core.problems import DataProblem
from lib.core.text import escape
from lib.core.viewstate import ViewState
from lib.core.vocab import CLASSIFICATIONS
from lib.network import LEVELS, LINK_KINDS, TYPES, check_links, check_stakeholders
from lib.ui import cached, projector
from lib.ui import page as ui
from lib.ui.cached import SCOPE_HASH, Scope
from lib.ui.problems import show_problem

Delays = tuple[tuple[str, float], ...]
CHART_HEIGHT = 520
"""Height of the drawing in pixels."""
LABEL_TOP = 10
"""How many of the largest institutions get a larger name in the drawing."""


# --- Cached reads and analyses -------------------------------------------------------------------


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def stored(scope: Scope) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the stored institutions and links the caller may see, as stored (with ``origin``)."""
    return cached.stakeholders(scope), cached.links(scope)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def checked(scope: Scope, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the stored institutions and links checked and typed (see lib/network/institutions.py)."""
    people, links = stored(scope)
    people = check_stakeholders(people, require_source=False, lang=lang)
    return people, check_links(links, set(people["id"]), require_source=False, lang=lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def region_names(scope: Scope) -> dict[str, str]:
    """Return ``{code: name}`` of the bundled regions."""
    regions = scope.ctx.bundle.regions
    return dict(zip(regions["code"], regions["name"], strict=True))


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def graph(scope: Scope, delays: Delays) -> nx.DiGraph:
    """Return the coordination graph, shared by every session: read it, never modify it."""
    people, links = checked(scope, "id")
    return network.build_graph(people, links, assumed_delay_hours=dict(delays))


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
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


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def positions(scope: Scope) -> dict[str, tuple[float, float]]:
    """Return the layout of the stored graph, computed once so positions stay put between reruns."""
    return network.layout_positions(graph(scope, network.delays_key(network.DEFAULT_ASSUMED_DELAY_HOURS)))


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def analysis(scope: Scope, delays: Delays, lang: str) -> network.Analysis:
    """Return metrics, single points of failure, Posko reach, alert times and coverage."""
    return network.analyse(graph(scope, delays), lang=lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def comparison(scope: Scope, delays: Delays, scenario: str, lang: str) -> network.Comparison:
    """Return today's network against the what-if ``scenario``."""
    before = graph(scope, delays)
    after = scenario_graph(scope, delays, scenario, lang)
    return network.compare_networks(before, after, lang=lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def suggestions(scope: Scope, delays: Delays, which: str, count: int, lang: str) -> network.Suggestions:
    """Return suggested links: ``which`` is "faster" (alert time) or "backup" (single points of failure)."""
    base = graph(scope, delays)
    if which == "faster":
        return network.suggest_faster_links(base, count=count, assumed_delay_hours=dict(delays), lang=lang)
    return network.suggest_backup_links(base, count=count, assumed_delay_hours=dict(delays), lang=lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=8)
def graph_files(scope: Scope) -> tuple[bytes, bytes]:
    """Return the network as GraphML and GEXF bytes (data only: no assumed delays added)."""
    people, links = checked(scope, "id")
    plain = network.build_graph(people, links)
    return network.to_graphml_bytes(plain), network.to_gexf_bytes(plain)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=8)
def export_tables(scope: Scope, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the institutions and links in their file columns, for the CSV/Excel downloads."""
    return network.export_frames(*checked(scope, lang))


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=64)
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


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=64)
def network_spec(
    scope: Scope,
    delays: Delays,
    scenario: str,
    keep: tuple[str, ...] | None,
    size_field: str,
    highlight: tuple[str, ...] | None,
    lang: str,
) -> dict[str, Any]:
    """Return the Vega-Lite spec of the drawing."""
    nodes, edges = chart_frames(scope, delays, scenario, keep, lang)
    chart = network.network_chart(
        nodes,
        edges,
        size_field=size_field,
        highlight=highlight,
        lang=lang,
        height=CHART_HEIGHT,
        label_top=LABEL_TOP,
    )
    return cached.finish_spec(chart, lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def metrics_table(scope: Scope, delays: Delays, focus: str | None, lang: str) -> pd.DataFrame:
    """Return the metrics table the page shows (only the ``focus`` regency's institutions if given)."""
    only = network.focus_members(graph(scope, delays), focus) if focus else None
    return network.metrics_display(analysis(scope, delays, lang), region_names(scope), lang=lang, only=only)


METRIC_DIGITS = (
    ("network.metric.betweenness", 4),
    ("network.metric.pagerank", 4),
    ("network.metric.broker", 4),
    ("stakeholderspage.col.hours_from", 1),
    ("stakeholderspage.col.hours_to", 1),
)
"""Decimal places of the metrics table's fractional columns (the others are whole numbers)."""


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def metrics_text(scope: Scope, delays: Delays, focus: str | None, lang: str) -> pd.DataFrame:
    """Return :func:`metrics_table` written as ``lang`` writes numbers, without its ``id`` column.

    Cached: writing 2,000 cells through Babel took 60 ms, and that on every rerun of the page.
    """
    digits = {t(key, lang): places for key, places in METRIC_DIGITS}
    table = metrics_table(scope, delays, focus, lang).drop(columns="id")
    return formats.as_text(table, lang, digits, missing=t("common.unknown", lang))


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def failures_table(scope: Scope, delays: Delays, lang: str) -> pd.DataFrame:
    """Return the single points of failure as the page shows them."""
    return network.failures_display(analysis(scope, delays, lang).failures, lang=lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def reach_table(scope: Scope, delays: Delays, lang: str) -> pd.DataFrame:
    """Return the alert time per regency as the page shows it."""
    return network.alerts_display(analysis(scope, delays, lang).alerts, region_names(scope), lang=lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def coverage_table(scope: Scope, delays: Delays, lang: str) -> pd.DataFrame:
    """Return the chain Posko -> Polres -> Bawaslu/KPU -> desa adat per regency as the page shows it."""
    return network.coverage_display(analysis(scope, delays, lang).coverage, region_names(scope), lang=lang)


# --- Widget blocks -------------------------------------------------------------------------------


def delay_inputs(lang: str) -> dict[str, float]:
    """Draw the assumed hours per link kind (an expander, keys ``delay_<kind>``) and return them."""
    chosen = {}
    with st.expander(t("stakeholderspage.delays.title", lang), icon=":material/schedule:"):
        st.caption(t("stakeholderspage.delays.intro", lang))
        for column, kind in zip(st.columns(len(LINK_KINDS)), LINK_KINDS, strict=True):
            chosen[kind] = column.number_input(
                t("stakeholderspage.delays.kind", lang, kind=t(f"network.kind.{kind}", lang)),
                min_value=0.0,
                max_value=720.0,
                value=float(network.DEFAULT_ASSUMED_DELAY_HOURS[kind]),
                step=0.5,
                key=f"delay_{kind}",
            )
    return chosen


def headline(
    people: pd.DataFrame,
    links: pd.DataFrame,
    result: network.Analysis,
    names: Mapping[str, str],
    chosen: Mapping[str, float],
    lang: str,
) -> None:
    """Draw the four headline figures and, when some alert arrives, where the slowest goes."""
    worst = network.worst_alert(result.alerts)
    note = t("stakeholderspage.assumed_note", lang, delays=network.delays_text(chosen, lang))
    cols = st.columns(4)
    cols[0].metric(t("stakeholderspage.kpi.institutions", lang), len(people))
    cols[1].metric(t("stakeholderspage.kpi.links", lang), len(links))
    cols[2].metric(t("stakeholderspage.kpi.failures", lang), len(result.failures))
    cols[3].metric(
        t("stakeholderspage.kpi.worst", lang),
        t("stakeholderspage.hours", lang, hours=f"{worst[1]:g}") if worst else "\u2013",
        help=note,
    )
    if worst:
        region = names.get(worst[0], worst[0])
        delays = network.delays_text(chosen, lang)
        st.caption(t("stakeholderspage.kpi.worst_note", lang, region=region, delays=delays))


def follow_chart_click(names: Mapping[str, str]) -> None:
    """Make a click on an institution in the drawing pick it in the ``network_node`` box (once per click)."""
    clicked = st.session_state.get("network_chart")
    picked = []
    if clicked is not None:
        picked = [p.get("id") for p in (clicked.get("selection", {}).get(network.NODE_PICK) or [])]
    if picked and picked[0] in names and picked[0] != st.session_state.get("_network_last_click"):
        st.session_state["network_node"] = picked[0]
        st.session_state["_network_last_click"] = picked[0]


def show_detail(detail: network.Detail, assumed_note: str, lang: str) -> None:
    """Draw what the page shows about one selected institution."""
    st.subheader(t("stakeholderspage.detail", lang, name=escape(detail.name)))
    st.text(
        f"{detail.type_label} \u00b7 {detail.level_label}"
        + (f" \u00b7 {detail.region}" if detail.region else "")
    )
    figure_cols = st.columns(len(detail.figures))
    for column, (label, value) in zip(figure_cols, detail.figures.items(), strict=True):
        column.metric(label, value)
    st.caption(assumed_note)
    st.text(t("stakeholderspage.detail.role", lang) + ": " + (detail.role or "\u2013"))
    st.text(t("stakeholderspage.detail.route_from", lang) + ": " + (detail.route_from or "\u2013"))
    st.text(t("stakeholderspage.detail.route_to", lang) + ": " + (detail.route_to or "\u2013"))
    if detail.assumed_route:
        st.caption(t("stakeholderspage.detail.assumed_route", lang))
    st.text(t("stakeholderspage.col.source", lang) + ": " + (detail.source or "\u2013"))
    if detail.note:
        st.text(t("stakeholderspage.detail.note", lang) + ": " + detail.note)
    st.dataframe(detail.links, hide_index=True, key="network_detail_links")


def whatif_controls(
    graph: nx.DiGraph, names: Mapping[str, str], scenario: network.Scenario, view: ViewState, lang: str
) -> None:
    """Draw the what-if widgets, seeded from the URL's scenario; a change goes into the URL."""
    if st.session_state.get("_whatif_seed") != view.scenario:
        seeded = network.scenario_choices(scenario)
        for widget, values in zip(("whatif_nodes", "whatif_links", "whatif_added"), seeded, strict=True):
            st.session_state[widget] = values
        st.session_state["_whatif_seed"] = view.scenario
        st.session_state["_whatif_value"] = network.encode_scenario(scenario)
    pairs = network.link_choices(graph)
    placeholder = t("stakeholderspage.whatif.placeholder", lang)
    st.multiselect(
        t("stakeholderspage.whatif.nodes", lang),
        list(names),
        format_func=names.get,
        key="whatif_nodes",
        placeholder=placeholder,
    )
    st.multiselect(
        t("stakeholderspage.whatif.links", lang),
        list(pairs),
        format_func=pairs.get,
        key="whatif_links",
        placeholder=placeholder,
    )
    st.multiselect(
        t("stakeholderspage.whatif.added", lang),
        list(st.session_state.get("whatif_added") or []),
        format_func=lambda value: network.added_label(value, graph, lang),
        key="whatif_added",
        placeholder=t("stakeholderspage.whatif.added_none", lang),
    )
    _add_link_box(graph, names, lang)
    wanted = network.encode_scenario(
        network.scenario_from_choices(
            st.session_state.get("whatif_nodes") or [],
            st.session_state.get("whatif_links") or [],
            st.session_state.get("whatif_added") or [],
        )
    )
    if wanted != st.session_state.get("_whatif_value"):
        st.session_state["_whatif_seed"] = wanted
        st.session_state["_whatif_value"] = wanted
        ui.request_view(scenario=wanted, reset=("network_chart",))


def _add_link_box(graph: nx.DiGraph, names: Mapping[str, str], lang: str) -> None:
    """Draw the box that adds a hypothetical link to the ``whatif_added`` list."""
    with st.container(border=True):
        st.caption(t("stakeholderspage.whatif.add_intro", lang))
        a_col, b_col, kind_col, button_col = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
        first = a_col.selectbox(
            t("stakeholderspage.whatif.from", lang), list(names), format_func=names.get, key="whatif_add_a"
        )
        linked = network.neighbourhood(graph, [first])
        b_col.selectbox(
            t("stakeholderspage.whatif.to", lang),
            [node for node in names if node not in linked],
            format_func=names.get,
            key="whatif_add_b",
        )
        kind_col.selectbox(
            t("stakeholderspage.col.kind", lang),
            list(LINK_KINDS),
            format_func=lambda value: t(f"network.kind.{value}", lang),
            key="whatif_add_kind",
        )
        button_col.button(
            t("stakeholderspage.whatif.add", lang),
            key="whatif_add",
            on_click=_add_link,
            icon=":material/add_link:",
        )


def _add_link() -> None:
    """Add the link chosen in the add box to the ``whatif_added`` list (a button callback)."""
    a, b = st.session_state.get("whatif_add_a"), st.session_state.get("whatif_add_b")
    if a and b and a != b:
        value = network.added_key(a, b, st.session_state.get("whatif_add_kind", "coordination"))
        st.session_state["whatif_added"] = sorted(set(st.session_state.get("whatif_added") or []) | {value})


def show_comparison(
    comparison: network.Comparison, names: Mapping[str, str], assumed_note: str, lang: str
) -> None:
    """Draw the what-if against today: headline figures, who is cut off, every change, per regency."""
    st.caption(assumed_note)
    st.subheader(t("stakeholderspage.whatif.summary", lang))
    figure_cols = st.columns(3)
    for index, figure in enumerate(network.summary_figures(comparison, lang=lang)):
        figure_cols[index % 3].metric(
            figure.label,
            figure.value,
            delta=figure.delta,
            delta_color=figure.delta_colour,
            help=figure.today,
        )
    summary = network.summary_display(comparison, lang=lang)
    st.dataframe(summary.drop(columns="status"), hide_index=True, key="whatif_summary")
    changes = network.comparison_display(comparison, lang=lang)
    cut_off = changes[changes["status"] == "cut_off"]
    st.subheader(t("stakeholderspage.whatif.cut_off", lang, n=len(comparison.cut_off)))
    if len(comparison.cut_off):
        st.dataframe(cut_off.drop(columns="status"), hide_index=True, key="whatif_cut_off")
    else:
        st.success(t("stakeholderspage.whatif.none_cut", lang))
    st.subheader(t("stakeholderspage.whatif.changes", lang))
    st.dataframe(changes.drop(columns="status"), hide_index=True, key="whatif_changes")
    regencies = network.regency_comparison_display(comparison, names, lang=lang)
    st.subheader(t("stakeholderspage.whatif.regencies", lang))
    st.dataframe(regencies.drop(columns="status"), hide_index=True, key="whatif_regencies")
    ui.download_buttons(changes.drop(columns="status"), "sinergi-skenario", key="whatif_dl")
    if st.button(t("stakeholderspage.whatif.clear", lang), key="whatif_clear", icon=":material/restart_alt:"):
        ui.request_view(scenario="", reset=("network_chart",))


NETWORK_MB = 20
"""The largest network file taken (a network of 5,000 institutions is far smaller)."""


def _headers(kind: str, columns: pd.Index, lang: str) -> dict[str, str]:
    """Return each editable column's header in ``lang`` (the template's words, not the stored names)."""
    return {c: intake.header_label(kind, c, lang) for c in columns if c in intake.schema_for(kind).columns}


def edit_form(
    engine: Engine,
    caller: Caller,
    stored_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    names: Mapping[str, str],
    lang: str,
) -> None:
    """Draw the editor of the stored institutions and links; a checked save reruns the page."""
    st.subheader(t("stakeholderspage.data.edit", lang))
    st.caption(t("stakeholderspage.data.edit_intro", lang))
    classification = st.column_config.SelectboxColumn(options=list(CLASSIFICATIONS), required=True)
    origin = st.column_config.TextColumn(disabled=True)

    def choice(column: str, options: list[str]) -> Any:
        # The cells keep the stored codes; the person reads and picks the labels.
        return st.column_config.SelectboxColumn(
            intake.header_label(kind_of[column], column, lang),
            options=options,
            required=True,
            format_func=lambda value, c=column: str(code_label(c, value, lang)),
        )

    kind_of = {"type": "stakeholders", "level": "stakeholders", "kind": "links"}
    with st.form("network_edit_form"):
        edited_people = st.data_editor(
            stored_people,
            num_rows="dynamic",
            hide_index=True,
            column_config={
                **_headers("stakeholders", stored_people.columns, lang),
                "type": choice("type", list(TYPES)),
                "level": choice("level", list(LEVELS)),
                "classification": classification,
                "origin": origin,
            },
            key="network_edit_people",
        )
        edited_links = st.data_editor(
            stored_links.assign(strength=stored_links["strength"].astype("string")),
            num_rows="dynamic",
            hide_index=True,
            column_config={
                **_headers("links", stored_links.columns, lang),
                "source_id": st.column_config.SelectboxColumn(options=list(names), required=True),
                "target_id": st.column_config.SelectboxColumn(options=list(names), required=True),
                "kind": choice("kind", list(LINK_KINDS)),
                "strength": st.column_config.SelectboxColumn(options=["1", "2", "3"], required=True),
                "delay_hours": st.column_config.NumberColumn(min_value=0.0),
                "classification": classification,
                "origin": origin,
            },
            key="network_edit_links",
        )
        submitted = st.form_submit_button(t("stakeholderspage.data.save", lang), icon=":material/save:")
    if not submitted:
        return
    try:
        plan = network.plan_edits(stored_people, edited_people, stored_links, edited_links, lang=lang)
    except DataProblem as problem:
        show_problem(problem)
        return
    if plan.is_empty():
        st.info(t("stakeholderspage.data.nothing", lang))
        return
    _save(engine, plan, caller, f"app:{caller.who}", lang)


def import_box(
    engine: Engine, caller: Caller, stored_people: pd.DataFrame, stored_links: pd.DataFrame, lang: str
) -> None:
    """Draw the GraphML/GEXF upload with a preview of what it changes and a button to store it.

    A readable network that is not an institutions network gets one sentence saying so and two
    choices (``network_upload_choice``): a drawing-only reference, or a mapping of its columns.
    """
    st.subheader(t("stakeholderspage.data.import", lang))
    st.caption(t("stakeholderspage.data.import_intro", lang))
    upload = st.file_uploader(
        t("stakeholderspage.data.upload", lang),
        type=["graphml", "gexf", "xml"],
        max_upload_size=NETWORK_MB,
        key="network_upload",
    )
    ui.upload_hint(lang, kinds="GraphML, GEXF (Gephi)", limit_mb=NETWORK_MB)
    if upload is None:
        return
    try:
        file = network.read_network_file(upload.getvalue(), upload.name, lang=lang)
    except DataProblem as problem:
        show_problem(problem)
        return
    if file.ignored:
        st.info(t("gephi.ignored", lang, names=", ".join(file.ignored)), icon=":material/filter_alt:")
    if not file.is_institutions():
        _other_network(engine, caller, file, upload.getvalue(), stored_people, stored_links, lang)
        return
    try:
        plan = network.plan_file_import(file, stored_people, stored_links, lang=lang)
    except DataProblem as problem:
        show_problem(problem)
        return
    _preview_and_confirm(engine, caller, plan, f"import:{upload.name}", lang)


def _preview_and_confirm(
    engine: Engine, caller: Caller, plan: network.EditPlan, origin: str, lang: str
) -> None:
    """Draw what a checked import changes and the button that stores it."""
    counts = {"people": len(plan.stakeholders), "links": len(plan.links), "unchanged": plan.unchanged}
    st.text(t("stakeholderspage.data.preview", lang, **counts))
    if len(plan.stakeholders):
        st.dataframe(plan.stakeholders, hide_index=True, key="network_upload_people")
    if len(plan.links):
        st.dataframe(plan.links, hide_index=True, key="network_upload_links")
    if not plan.is_empty() and st.button(
        t("stakeholderspage.data.confirm", lang), key="network_upload_confirm", icon=":material/upload:"
    ):
        _save(engine, plan, caller, origin, lang)


def _other_network(
    engine: Engine,
    caller: Caller,
    file: network.GraphFile,
    data: bytes,
    stored_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    lang: str,
) -> None:
    """Say that the file is not an institutions network and offer the reference or the mapping."""
    problem = network.NotInstitutions(file, lang=lang)
    st.warning(f"**{escape(problem.what)}**\n\n{escape(problem.fix)}", icon=":material/hub:")
    choice = st.radio(
        t("gephi.choice", lang),
        ["reference", "map"],
        index=None,
        format_func=lambda value: t(f"gephi.choice.{value}", lang),
        key="network_upload_choice",
    )
    if choice == "reference":
        spec, table = _reference_drawing(data, file.filename, lang)
        st.caption(t("gephi.reference.caption", lang, name=escape(file.filename)))
        left, right = st.columns(2)
        left.metric(t("gephi.reference.nodes", lang), file.graph.number_of_nodes())
        right.metric(t("gephi.reference.edges", lang), file.graph.number_of_edges())
        st.vega_lite_chart(projector.sized(spec), key="network_upload_chart", width="stretch")
        st.dataframe(table, hide_index=True, key="network_upload_centrality")
    elif choice == "map":
        _mapping_form(engine, caller, file, stored_people, stored_links, lang)


@st.cache_resource(show_spinner=False, max_entries=4)
def _reference_drawing(data: bytes, filename: str, lang: str) -> tuple[dict[str, Any], pd.DataFrame]:
    """Return the Vega-Lite spec of an uploaded network drawn as a reference, and its centrality table."""
    file = network.read_network_file(data, filename, lang=lang)
    graph = network.reference_graph(file)
    metrics = network.centrality_table(graph)
    nodes, edges = network.chart_frames(
        graph, metrics, network.reference_positions(file), always=(), lang=lang
    )
    chart = network.reference_chart(
        nodes, edges, colours=network.reference_colours(file), lang=lang, height=CHART_HEIGHT
    )
    shown = ("name", "degree", "betweenness", "pagerank")
    table = metrics[list(shown)].rename(
        columns={
            "name": t("gephi.reference.node", lang),
            **{column: t(f"network.metric.{column}", lang) for column in shown[1:]},
        }
    )
    return cached.finish_spec(chart, lang), table


def _mapping_form(
    engine: Engine,
    caller: Caller,
    file: network.GraphFile,
    stored_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    lang: str,
) -> None:
    """Draw the column mapping (keys ``network_map_<column>``), then the checked preview and the save."""
    st.caption(t("gephi.map.intro", lang))
    st.caption(t("gephi.map.valid", lang, types=", ".join(TYPES), levels=", ".join(LEVELS)))
    codes = sorted({network.file_cell(code) for code in stored_people["region_code"]} - {""})
    columns = file.node_columns()
    choices = {}
    for box, column in zip(st.columns(len(network.MAPPED_COLUMNS)), network.MAPPED_COLUMNS, strict=True):
        options = network.mapping_choices(file, column, values=codes if column == "region_code" else ())
        wanted = ("column", column) if column in columns else ("", "")
        if column == "name" and column not in columns and "label" in columns:
            wanted = ("column", "label")
        choices[column] = box.selectbox(
            t(f"gephi.map.column.{column}", lang),
            options,
            index=options.index(wanted),
            format_func=lambda choice, column=column: _choice_label(choice, column, lang),
            key=f"network_map_{column}",
        )
    left, middle, right = st.columns(3)
    classification = left.selectbox(
        t("gephi.map.classification", lang), list(CLASSIFICATIONS), key="network_map_classification"
    )
    kind = middle.selectbox(
        t("gephi.map.kind", lang),
        list(LINK_KINDS),
        index=LINK_KINDS.index("coordination"),
        format_func=lambda value: t(f"network.kind.{value}", lang),
        key="network_map_kind",
    )
    source = right.text_input(t("gephi.map.source", lang), value=file.filename, key="network_map_source")
    if not (choices["type"][0] and choices["level"][0]):
        st.info(t("gephi.map.choose", lang), icon=":material/table_edit:")
        return
    mapping = network.column_map(choices, source=source, classification=classification, kind=kind)
    try:
        plan = network.plan_mapped_import(file, mapping, stored_people, stored_links, lang=lang)
    except DataProblem as problem:
        show_problem(problem)
        return
    _preview_and_confirm(engine, caller, plan, f"import:{file.filename}", lang)


def _choice_label(choice: network.Choice, column: str, lang: str) -> str:
    """Return how a mapping pick reads in its box."""
    how, name = choice
    if how == "column":
        return t("gephi.map.from_column", lang, name=name)
    if how == "value":
        if column in ("type", "level"):
            return t("gephi.map.every_row", lang, value=f"{name} ({t(f'network.{column}.{name}', lang)})")
        return t("gephi.map.every_row", lang, value=name)
    if column == "id":
        return t("gephi.map.as_file_id", lang)
    return t("gephi.map.pick", lang) if column in ("type", "level") else t("gephi.map.as_file", lang)


def show_saved() -> None:
    """Show what the last save stored (kept across the rerun that follows it)."""
    for message in st.session_state.pop("_network_saved", []):
        st.success(message, icon=":material/check_circle:")


def _save(engine: Engine, plan: network.EditPlan, caller: Caller, origin: str, lang: str) -> None:
    """Store ``plan``, then rerun with the outcome noted (a problem is shown instead)."""
    try:
        outcome = network.save_plan(engine, plan, caller=caller, origin=origin, lang=lang)
    except DataProblem as problem:
        show_problem(problem)
        return
    st.session_state["_network_saved"] = [t("stakeholderspage.data.saved", lang, **vars(outcome))]
    st.rerun()
