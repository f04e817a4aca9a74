import streamlit as st

from lib import access, network
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.vocab import CLASSIFICATIONS
from lib.network import LEVELS, LINK_KINDS, TYPES
from lib.ui import cached
from lib.ui import network as ui_network
from lib.ui import page as ui

page = ui.this_page()
lang = page.lang
view = page.view
key = (page.scope,)
region_names = dict(zip(page.regions["code"], page.regions["name"], strict=True))
st.title(t("stakeholderspage.title", lang))
ui.focus_banner(view, page.regions)
st.caption(t("stakeholderspage.intro", lang))


def show_problem(problem: DataProblem) -> None:
    st.error(f"{problem.what}\n\n{problem.fix}", icon=":material/error:")


try:
    people, links = ui_network.checked(page.scope, lang)
except DataProblem as problem:
    ui.stop_with(problem)

# --- Assumed delays: a scenario input, shown on every hours figure ---------------------------------
with st.expander(t("stakeholderspage.delays.title", lang), icon=":material/schedule:"):
    st.caption(t("stakeholderspage.delays.intro", lang))
    chosen = {}
    for column, kind in zip(st.columns(len(LINK_KINDS)), LINK_KINDS, strict=True):
        chosen[kind] = column.number_input(
            t("stakeholderspage.delays.kind", lang, kind=t(f"network.kind.{kind}", lang)),
            min_value=0.0,
            max_value=720.0,
            value=float(network.DEFAULT_ASSUMED_DELAY_HOURS[kind]),
            step=0.5,
            key=f"delay_{kind}",
        )
delays = network.delays_key(chosen)
assumed_note = t("stakeholderspage.assumed_note", lang, delays=network.delays_text(chosen, lang))

try:
    graph = ui_network.graph(page.scope, delays)
    result = ui_network.analysis(page.scope, delays, lang)
except DataProblem as problem:
    ui.stop_with(problem)

# --- The what-if scenario from the view (URL parameter s) ------------------------------------------
scenario = network.Scenario()
scenario_text = ""
if view.scenario:
    try:
        scenario = network.decode_scenario(view.scenario, set(graph.nodes), lang=lang)
        ui_network.scenario_graph(page.scope, delays, view.scenario, lang)
        scenario_text = view.scenario
    except DataProblem as problem:
        show_problem(problem)
        scenario = network.Scenario()
comparison = ui_network.comparison(page.scope, delays, scenario_text, lang) if scenario_text else None

# --- Headline ------------------------------------------------------------------------------------
alerts = result.alerts
worst = alerts.dropna(subset=["hours"]).head(1)
cols = st.columns(4)
cols[0].metric(t("stakeholderspage.kpi.institutions", lang), len(people))
cols[1].metric(t("stakeholderspage.kpi.links", lang), len(links))
cols[2].metric(t("stakeholderspage.kpi.failures", lang), len(result.failures))
cols[3].metric(
    t("stakeholderspage.kpi.worst", lang),
    t("stakeholderspage.hours", lang, hours=f"{worst['hours'].iloc[0]:g}") if len(worst) else "\u2013",
    help=assumed_note,
)
if worst.size:
    st.caption(
        t(
            "stakeholderspage.kpi.worst_note",
            lang,
            region=region_names.get(worst["region_code"].iloc[0], worst["region_code"].iloc[0]),
            delays=network.delays_text(chosen, lang),
        )
    )
if comparison is not None:
    st.warning(
        t("stakeholderspage.scenario_active", lang, n=len(comparison.cut_off)),
        icon=":material/science:",
    )

tabs = st.tabs(
    [
        t("stakeholderspage.tab.network", lang),
        t("stakeholderspage.tab.metrics", lang),
        t("stakeholderspage.tab.failures", lang),
        t("stakeholderspage.tab.reach", lang),
        t("stakeholderspage.tab.coverage", lang),
        t("stakeholderspage.tab.whatif", lang),
        t("stakeholderspage.tab.data", lang),
    ]
)
names = {node: str(graph.nodes[node].get("name") or node) for node in sorted(graph.nodes)}
names = dict(sorted(names.items(), key=lambda item: item[1]))
members = network.focus_members(graph, view.focus)

# --- 1. The drawing --------------------------------------------------------------------------------
with tabs[0]:
    clicked = st.session_state.get("network_chart")
    picked = []
    if clicked is not None:
        picked = [p.get("id") for p in (clicked.get("selection", {}).get(network.NODE_PICK) or [])]
    if picked and picked[0] in names and picked[0] != st.session_state.get("_network_last_click"):
        st.session_state["network_node"] = picked[0]
        st.session_state["_network_last_click"] = picked[0]
    left, middle, right = st.columns([1, 2, 1])
    size_field = left.selectbox(
        t("stakeholderspage.size_by", lang),
        list(network.SIZE_FIELDS),
        format_func=lambda field: t(f"network.metric.{field}", lang),
        key="network_size",
    )
    selected = middle.selectbox(
        t("stakeholderspage.pick", lang),
        ["", *names],
        format_func=lambda node: names.get(node, t("stakeholderspage.pick_none", lang)),
        key="network_node",
    )
    focus_only = right.toggle(
        t("stakeholderspage.focus_only", lang),
        value=bool(view.focus),
        disabled=not view.focus,
        key="network_focus_only",
    )
    keep = None
    if view.focus and focus_only:
        keep = tuple(sorted(network.neighbourhood(graph, members)))
    if selected:
        highlight = network.neighbourhood(graph, [selected])
    elif comparison is not None:
        changed = comparison.institutions
        highlight = set(changed.loc[changed["status"] != "unchanged", "id"])
    elif members:
        highlight = members
    else:
        highlight = None
    nodes_frame, edges_frame = ui_network.chart_frames(page.scope, delays, scenario_text, keep, lang)
    spec = cached.chart_spec(
        lambda: network.network_chart(
            nodes_frame,
            edges_frame,
            size_field=size_field,
            highlight=highlight,
            lang=lang,
            height=520,
            label_top=10,
        ),
        (
            "stakeholders",
            page.rev,
            page.ceiling,
            delays,
            scenario_text,
            keep,
            size_field,
            tuple(sorted(highlight)) if highlight is not None else None,
            lang,
        ),
    )
    st.caption(t("stakeholderspage.chart_hint", lang))
    st.vega_lite_chart(spec, on_select="rerun", key="network_chart", width="stretch")
    if comparison is not None and selected == "":
        st.caption(t("stakeholderspage.chart_scenario", lang))
    if selected:
        detail = network.node_detail(graph, result, selected, region_names, lang=lang)
        st.subheader(t("stakeholderspage.detail", lang, name=network.escape_markdown(detail.name)))
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

# --- 2. Metrics ------------------------------------------------------------------------------------
with tabs[1]:
    st.caption(t("stakeholderspage.metrics_intro", lang))
    only = members if (view.focus and focus_only) else None
    table = cached.shared(
        lambda: network.metrics_display(result, region_names, lang=lang, only=only),
        ("network_metrics", *key, delays, lang, view.focus if only is not None else None),
    )
    st.dataframe(table.drop(columns="id"), hide_index=True, key="network_metrics", height=420)
    st.caption(assumed_note)
    ui.download_buttons(table, "sinergi-pemangku-metrik", key="network_metrics_dl")

# --- 3. Single points of failure ------------------------------------------------------------------
with tabs[2]:
    st.caption(t("stakeholderspage.failures_intro", lang))
    failures = cached.shared(
        lambda: network.failures_display(result.failures, lang=lang),
        ("network_failures", *key, delays, lang),
    )
    if failures.empty:
        st.success(t("stakeholderspage.failures_none", lang))
    else:
        st.dataframe(failures, hide_index=True, key="network_failures")
        ui.download_buttons(failures, "sinergi-titik-rawan", key="network_failures_dl")

# --- 4. Posko reach and suggestions ----------------------------------------------------------------
with tabs[3]:
    st.info(assumed_note, icon=":material/info:")
    st.caption(t("stakeholderspage.reach_intro", lang))
    reach = cached.shared(
        lambda: network.alerts_display(alerts, region_names, lang=lang),
        ("network_reach", *key, delays, lang),
    )
    st.dataframe(reach, hide_index=True, key="network_reach")
    ui.download_buttons(reach, "sinergi-jangkauan-posko", key="network_reach_dl")
    st.subheader(t("stakeholderspage.suggest.title", lang))
    left, right = st.columns(2)
    if left.button(t("stakeholderspage.suggest.faster", lang), key="suggest_faster", icon=":material/bolt:"):
        st.session_state["network_suggest"] = "faster"
    if right.button(
        t("stakeholderspage.suggest.backup", lang), key="suggest_backup", icon=":material/alt_route:"
    ):
        st.session_state["network_suggest"] = "backup"
    which = st.session_state.get("network_suggest")
    if which:
        found = ui_network.suggestions(page.scope, delays, which, 3, lang)
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
    st.caption(t("stakeholderspage.coverage_intro", lang))
    coverage = cached.shared(
        lambda: network.coverage_display(result.coverage, region_names, lang=lang),
        ("network_coverage", *key, delays, lang),
    )
    st.dataframe(coverage, hide_index=True, key="network_coverage")
    gaps = result.coverage[result.coverage["gaps"] != ""]
    if len(gaps):
        st.warning(
            t("stakeholderspage.coverage_gaps", lang, n=len(gaps), total=len(result.coverage)),
            icon=":material/link_off:",
        )
    ui.download_buttons(coverage, "sinergi-cakupan", key="network_coverage_dl")

# --- 6. What-if ------------------------------------------------------------------------------------
with tabs[5]:
    st.caption(t("stakeholderspage.whatif_intro", lang))
    if st.session_state.get("_whatif_seed") != view.scenario:
        seeded = network.scenario_choices(scenario)
        for widget, values in zip(("whatif_nodes", "whatif_links", "whatif_added"), seeded, strict=True):
            st.session_state[widget] = values
        st.session_state["_whatif_seed"] = view.scenario
        st.session_state["_whatif_value"] = network.encode_scenario(scenario)
    pairs = network.link_choices(graph)
    st.multiselect(
        t("stakeholderspage.whatif.nodes", lang),
        list(names),
        format_func=names.get,
        key="whatif_nodes",
        placeholder=t("stakeholderspage.whatif.placeholder", lang),
    )
    st.multiselect(
        t("stakeholderspage.whatif.links", lang),
        list(pairs),
        format_func=pairs.get,
        key="whatif_links",
        placeholder=t("stakeholderspage.whatif.placeholder", lang),
    )
    added_now = list(st.session_state.get("whatif_added") or [])
    st.multiselect(
        t("stakeholderspage.whatif.added", lang),
        added_now,
        format_func=lambda value: network.added_label(value, graph, lang),
        key="whatif_added",
        placeholder=t("stakeholderspage.whatif.added_none", lang),
    )
    with st.container(border=True):
        st.caption(t("stakeholderspage.whatif.add_intro", lang))
        a_col, b_col, kind_col, button_col = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
        first = a_col.selectbox(
            t("stakeholderspage.whatif.from", lang), list(names), format_func=names.get, key="whatif_add_a"
        )
        linked = network.neighbourhood(graph, [first])
        second = b_col.selectbox(
            t("stakeholderspage.whatif.to", lang),
            [node for node in names if node not in linked],
            format_func=names.get,
            key="whatif_add_b",
        )
        kind = kind_col.selectbox(
            t("stakeholderspage.col.kind", lang),
            list(LINK_KINDS),
            format_func=lambda value: t(f"network.kind.{value}", lang),
            key="whatif_add_kind",
        )

        def add_link() -> None:
            a, b = st.session_state.get("whatif_add_a"), st.session_state.get("whatif_add_b")
            if a and b and a != b:
                value = network.added_key(a, b, st.session_state.get("whatif_add_kind", "coordination"))
                st.session_state["whatif_added"] = sorted(
                    set(st.session_state.get("whatif_added") or []) | {value}
                )

        button_col.button(
            t("stakeholderspage.whatif.add", lang),
            key="whatif_add",
            on_click=add_link,
            icon=":material/add_link:",
        )
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
    if comparison is None:
        st.info(t("stakeholderspage.whatif.empty", lang), icon=":material/science:")
    else:
        st.caption(assumed_note)
        st.subheader(t("stakeholderspage.whatif.summary", lang))
        figure_cols = st.columns(3)
        for index, row in enumerate(comparison.summary.to_dict("records")):
            figure_cols[index % 3].metric(
                row["label"],
                network.figure_text(row["after"], lang),
                delta=network.delta_text(row["change"], row["status"], lang),
                delta_color=network.delta_colour(row["change"], row["status"]),
                help=t("stakeholderspage.whatif.today", lang, value=network.figure_text(row["before"], lang)),
            )
        summary = network.summary_display(comparison, lang=lang)
        st.dataframe(summary.drop(columns="status"), hide_index=True, key="whatif_summary")
        cut_off = comparison.cut_off
        changes = network.comparison_display(comparison, lang=lang)
        st.subheader(t("stakeholderspage.whatif.cut_off", lang, n=len(cut_off)))
        if len(cut_off):
            st.dataframe(
                changes[changes["status"] == "cut_off"].drop(columns="status"),
                hide_index=True,
                key="whatif_cut_off",
            )
        else:
            st.success(t("stakeholderspage.whatif.none_cut", lang))
        st.subheader(t("stakeholderspage.whatif.changes", lang))
        st.dataframe(changes.drop(columns="status"), hide_index=True, key="whatif_changes")
        regencies = network.regency_comparison_display(comparison, region_names, lang=lang)
        st.subheader(t("stakeholderspage.whatif.regencies", lang))
        st.dataframe(regencies.drop(columns="status"), hide_index=True, key="whatif_regencies")
        ui.download_buttons(changes.drop(columns="status"), "sinergi-skenario", key="whatif_dl")
        if st.button(
            t("stakeholderspage.whatif.clear", lang), key="whatif_clear", icon=":material/restart_alt:"
        ):
            ui.request_view(scenario="", reset=("network_chart",))

# --- 7. Data: export, edit, import -----------------------------------------------------------------
with tabs[6]:
    st.subheader(t("stakeholderspage.data.export", lang))
    people_out, links_out = cached.shared(
        lambda: network.export_frames(people, links), ("network_export", *key, lang)
    )
    st.caption(t("stakeholderspage.data.people", lang, n=len(people_out)))
    ui.download_buttons(people_out, "sinergi-pemangku", key="network_people_dl", sheet="stakeholders")
    st.caption(t("stakeholderspage.data.links", lang, n=len(links_out)))
    ui.download_buttons(links_out, "sinergi-hubungan", key="network_links_dl", sheet="links")
    graphml, gexf = ui_network.graph_files(page.scope)
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
        stored_people, stored_links = ui_network.stored(page.scope)
        origin = f"app:{page.caller.who}"
        for message in st.session_state.pop("_network_saved", []):
            st.success(message, icon=":material/check_circle:")
        st.subheader(t("stakeholderspage.data.edit", lang))
        st.caption(t("stakeholderspage.data.edit_intro", lang))
        with st.form("network_edit_form"):
            edited_people = st.data_editor(
                stored_people,
                num_rows="dynamic",
                hide_index=True,
                column_config={
                    "type": st.column_config.SelectboxColumn(options=list(TYPES), required=True),
                    "level": st.column_config.SelectboxColumn(options=list(LEVELS), required=True),
                    "classification": st.column_config.SelectboxColumn(
                        options=list(CLASSIFICATIONS), required=True
                    ),
                    "origin": st.column_config.TextColumn(disabled=True),
                },
                key="network_edit_people",
            )
            edited_links = st.data_editor(
                stored_links.assign(strength=stored_links["strength"].astype("string")),
                num_rows="dynamic",
                hide_index=True,
                column_config={
                    "source_id": st.column_config.SelectboxColumn(options=list(names), required=True),
                    "target_id": st.column_config.SelectboxColumn(options=list(names), required=True),
                    "kind": st.column_config.SelectboxColumn(options=list(LINK_KINDS), required=True),
                    "strength": st.column_config.SelectboxColumn(options=["1", "2", "3"], required=True),
                    "delay_hours": st.column_config.NumberColumn(min_value=0.0),
                    "classification": st.column_config.SelectboxColumn(
                        options=list(CLASSIFICATIONS), required=True
                    ),
                    "origin": st.column_config.TextColumn(disabled=True),
                },
                key="network_edit_links",
            )
            submitted = st.form_submit_button(t("stakeholderspage.data.save", lang), icon=":material/save:")
        if submitted:
            try:
                plan = network.plan_edits(stored_people, edited_people, stored_links, edited_links, lang=lang)
                if plan.is_empty():
                    st.info(t("stakeholderspage.data.nothing", lang))
                else:
                    outcome = network.save_plan(
                        page.ctx.engine, plan, caller=page.caller, origin=origin, lang=lang
                    )
                    st.session_state["_network_saved"] = [
                        t("stakeholderspage.data.saved", lang, **vars(outcome))
                    ]
                    st.rerun()
            except DataProblem as problem:
                show_problem(problem)

        st.subheader(t("stakeholderspage.data.import", lang))
        st.caption(t("stakeholderspage.data.import_intro", lang))
        upload = st.file_uploader(
            t("stakeholderspage.data.upload", lang), type=["graphml", "gexf", "xml"], key="network_upload"
        )
        if upload is not None:
            try:
                plan = network.plan_import(
                    upload.getvalue(), upload.name, stored_people, stored_links, lang=lang
                )
            except DataProblem as problem:
                show_problem(problem)
            else:
                st.text(
                    t(
                        "stakeholderspage.data.preview",
                        lang,
                        people=len(plan.stakeholders),
                        links=len(plan.links),
                        unchanged=plan.unchanged,
                    )
                )
                if len(plan.stakeholders):
                    st.dataframe(plan.stakeholders, hide_index=True, key="network_upload_people")
                if len(plan.links):
                    st.dataframe(plan.links, hide_index=True, key="network_upload_links")
                if not plan.is_empty() and st.button(
                    t("stakeholderspage.data.confirm", lang),
                    key="network_upload_confirm",
                    icon=":material/upload:",
                ):
                    try:
                        outcome = network.save_plan(
                            page.ctx.engine,
                            plan,
                            caller=page.caller,
                            origin=f"import:{upload.name}",
                            lang=lang,
                        )
                    except DataProblem as problem:
                        show_problem(problem)
                    else:
                        st.session_state["_network_saved"] = [
                            t("stakeholderspage.data.saved", lang, **vars(outcome))
                        ]
                        st.rerun()
