import streamlit as st

from lib import access, network
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import network as ui_network
from lib.ui import network_politics as ui_layer
from lib.ui import page as ui
from lib.ui import projector
from lib.ui.problems import show_problem, stop_with

TABS = ("network", "metrics", "failures", "reach", "coverage", "whatif", "data")

page = ui.this_page()
lang, view, scope = page.lang, page.view, page.scope
region_names = ui_network.region_names(scope)
st.title(t("stakeholderspage.title", lang))
ui.focus_banner(view, page.regions)
st.caption(t("stakeholderspage.intro", lang))

try:
    people, links = ui_network.checked(scope, lang)
except DataProblem as problem:
    stop_with(problem)

# --- Assumed delays: a scenario input, shown on every hours figure ---------------------------------
chosen = ui_network.delay_inputs(lang)
delays = network.delays_key(chosen)
assumed_note = t("stakeholderspage.assumed_note", lang, delays=network.delays_text(chosen, lang))

try:
    graph = ui_network.graph(scope, delays)
    result = ui_network.analysis(scope, delays, lang)
except DataProblem as problem:
    stop_with(problem)

# --- The what-if scenario from the view (URL parameter s) ------------------------------------------
scenario = network.Scenario()
scenario_text = ""
if view.scenario:
    try:
        scenario = network.decode_scenario(view.scenario, set(graph.nodes), lang=lang)
        ui_network.scenario_graph(scope, delays, view.scenario, lang)
        scenario_text = view.scenario
    except DataProblem as problem:
        show_problem(problem)
        scenario = network.Scenario()
comparison = ui_network.comparison(scope, delays, scenario_text, lang) if scenario_text else None

# --- Headline ------------------------------------------------------------------------------------
ui_network.headline(people, links, result, region_names, chosen, lang)
if comparison is not None:
    st.warning(
        t("stakeholderspage.scenario_active", lang, n=len(comparison.cut_off)),
        icon=":material/science:",
    )

# Stateful tabs: a what-if choice reruns the page (and a scenario warning appears above), and the
# tab the reader was on must stay open, not jump back to the first.
tabs = st.tabs(
    [t(f"stakeholderspage.tab.{tab}", lang) for tab in TABS], key="network_tabs", on_change="rerun"
)
names = network.institution_names(graph)
members = network.focus_members(graph, view.focus)
# Only the open tab runs; the drawing's boxes keep their values while another tab is open, and its
# "focus only" toggle narrows the metrics tab too.
focus = view.focus if st.session_state.get("network_focus_only", bool(view.focus)) else ""

# --- 1. The drawing --------------------------------------------------------------------------------
with tabs[0]:
    if tabs[0].open:
        # The political layer (off by default): pairs and parties with their ties, never coordination.
        politics = ui_layer.layer(scope, view.election) if st.session_state.get(ui_layer.TOGGLE_KEY) else None
        choices = ui_layer.choices(names, politics)
        ui_network.follow_chart_click(names)
        ui_layer.follow_click(choices)
        left, middle, right = st.columns([1, 2, 1])
        size_field = left.selectbox(
            t("stakeholderspage.size_by", lang),
            list(network.SIZE_FIELDS),
            format_func=lambda field: t(f"network.metric.{field}", lang),
            key="network_size",
            persist_state="page",
        )
        selected = middle.selectbox(
            t("stakeholderspage.pick", lang),
            ["", *choices],
            format_func=lambda node: choices.get(node, t("stakeholderspage.pick_none", lang)),
            key="network_node",
            persist_state="page",
        )
        right.toggle(
            t("stakeholderspage.focus_only", lang),
            value=bool(view.focus),
            disabled=not view.focus,
            key="network_focus_only",
            persist_state="page",
        )
        right.toggle(
            t("networkpolitics.toggle", lang),
            value=False,
            help=t("networkpolitics.toggle_help", lang),
            key=ui_layer.TOGGLE_KEY,
            persist_state="page",
        )
        political = politics is not None and selected in choices and selected not in names
        keep = tuple(sorted(network.neighbourhood(graph, members))) if focus else None
        highlight = (
            ui_layer.highlight(politics, selected)
            if political
            else network.highlight_ids(graph, selected, comparison, members)
        )
        with st.spinner(t("warm.step.drawing", lang)):
            if politics is None:
                spec = ui_network.network_spec(
                    scope, delays, scenario_text, keep, size_field, highlight, lang
                )
            else:
                spec = ui_layer.network_spec(
                    scope, delays, scenario_text, keep, size_field, highlight, view.election, lang
                )
        st.caption(t("stakeholderspage.chart_hint", lang))
        if politics is not None:
            ui_layer.caption(politics, str(page.election["name"]), lang)
        st.vega_lite_chart(projector.sized(spec), on_select="rerun", key="network_chart", width="stretch")
        if comparison is not None and selected == "":
            st.caption(t("stakeholderspage.chart_scenario", lang))
        if political:
            ui_layer.show_detail(politics, selected, names, lang)
        elif selected:
            detail = network.node_detail(graph, result, selected, region_names, lang=lang)
            ui_network.show_detail(detail, assumed_note, lang)
            if politics is not None:
                ui_layer.show_institution_ties(politics, selected, lang)

# --- 2. Metrics ------------------------------------------------------------------------------------
with tabs[1]:
    if tabs[1].open:
        st.caption(t("stakeholderspage.metrics_intro", lang))
        with st.spinner(t("warm.step.metrics", lang)):
            table = ui_network.metrics_table(scope, delays, focus, lang)
            shown = ui_network.metrics_text(scope, delays, focus, lang)
        st.dataframe(shown, hide_index=True, key="network_metrics", height=420)
        st.caption(assumed_note)
        ui.download_buttons(table, "sinergi-pemangku-metrik", key="network_metrics_dl")

# --- 3. Single points of failure ------------------------------------------------------------------
with tabs[2]:
    if tabs[2].open:
        st.caption(t("stakeholderspage.failures_intro", lang))
        with st.spinner(t("warm.step.failures", lang)):
            failures = ui_network.failures_table(scope, delays, lang)
        if failures.empty:
            st.success(t("stakeholderspage.failures_none", lang))
        else:
            st.dataframe(failures, hide_index=True, key="network_failures")
            ui.download_buttons(failures, "sinergi-titik-rawan", key="network_failures_dl")

# --- 4. Posko reach and suggestions ----------------------------------------------------------------
with tabs[3]:
    if tabs[3].open:
        st.info(assumed_note, icon=":material/info:")
        st.caption(t("stakeholderspage.reach_intro", lang))
        with st.spinner(t("warm.step.reach", lang)):
            reach = ui_network.reach_table(scope, delays, lang)
        st.dataframe(reach, hide_index=True, key="network_reach")
        ui.download_buttons(reach, "sinergi-jangkauan-posko", key="network_reach_dl")
        st.subheader(t("stakeholderspage.suggest.title", lang))
        left, right = st.columns(2)
        if left.button(
            t("stakeholderspage.suggest.faster", lang), key="suggest_faster", icon=":material/bolt:"
        ):
            st.session_state["network_suggest"] = "faster"
        if right.button(
            t("stakeholderspage.suggest.backup", lang), key="suggest_backup", icon=":material/alt_route:"
        ):
            st.session_state["network_suggest"] = "backup"
        which = st.session_state.get("network_suggest")
        if which:
            with st.spinner(t("warm.step.suggestions", lang)):
                found = ui_network.suggestions(scope, delays, which, 3, lang)
            if found.links.empty:
                st.info(t("stakeholderspage.suggest.none", lang))
            else:
                st.dataframe(
                    network.suggestions_display(found, lang=lang), hide_index=True, key="network_suggestions"
                )
            st.caption(t("stakeholderspage.suggest.how", lang) + " " + found.method)
            st.caption(assumed_note)

# --- 5. Coverage -----------------------------------------------------------------------------------
with tabs[4]:
    if tabs[4].open:
        st.caption(t("stakeholderspage.coverage_intro", lang))
        with st.spinner(t("warm.step.coverage", lang)):
            coverage = ui_network.coverage_table(scope, delays, lang)
        st.dataframe(coverage, hide_index=True, key="network_coverage")
        if gaps := network.gap_count(result.coverage):
            st.warning(
                t("stakeholderspage.coverage_gaps", lang, n=gaps, total=len(result.coverage)),
                icon=":material/link_off:",
            )
        ui.download_buttons(coverage, "sinergi-cakupan", key="network_coverage_dl")

# --- 6. What-if ------------------------------------------------------------------------------------
with tabs[5]:
    if tabs[5].open:
        st.caption(t("stakeholderspage.whatif_intro", lang))
        ui_network.whatif_controls(graph, names, scenario, view, lang)
        if comparison is None:
            st.info(t("stakeholderspage.whatif.empty", lang), icon=":material/science:")
        else:
            ui_network.show_comparison(comparison, region_names, assumed_note, lang)
    else:  # its widgets are not drawn: seed them from the URL's scenario again when the tab opens
        st.session_state.pop("_whatif_seed", None)

# --- 7. Data: export, edit, import -----------------------------------------------------------------
with tabs[6]:
    if tabs[6].open:
        st.subheader(t("stakeholderspage.data.export", lang))
        people_out, links_out = ui_network.export_tables(scope, lang)
        st.caption(t("stakeholderspage.data.people", lang, n=len(people_out)))
        ui.download_buttons(people_out, "sinergi-pemangku", key="network_people_dl", sheet="stakeholders")
        st.caption(t("stakeholderspage.data.links", lang, n=len(links_out)))
        ui.download_buttons(links_out, "sinergi-hubungan", key="network_links_dl", sheet="links")
        with st.spinner(t("warm.step.files", lang)):
            graphml, gexf = ui_network.graph_files(scope)
        left, right = st.columns(2)
        left.download_button(
            t("stakeholderspage.data.graphml", lang),
            graphml,
            file_name="sinergi-jaringan.graphml",
            mime="application/xml",
            key="network_graphml",
            on_click="ignore",
        )
        right.download_button(
            t("stakeholderspage.data.gexf", lang),
            gexf,
            file_name="sinergi-jaringan.gexf",
            mime="application/xml",
            key="network_gexf",
            on_click="ignore",
        )
        if not access.can(page.caller, "data.import"):
            st.info(t("stakeholderspage.data.read_only", lang), icon=":material/lock:")
        else:
            stored_people, stored_links = ui_network.stored(scope)
            ui_network.show_saved()
            ui_network.edit_form(page.ctx.engine, page.caller, stored_people, stored_links, names, lang)
            ui_network.import_box(page.ctx.engine, page.caller, stored_people, stored_links, lang)
