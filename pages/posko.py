import functools

import streamlit as st

from lib import access, posko
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import cached, lazy, posko_form, projector
from lib.ui import page as ui
from lib.ui import posko as ui_posko
from lib.ui import triage as ui_triage
from lib.ui.problems import stop_with

page = ui.this_page()
lang = page.lang
caller = page.caller
engine = page.ctx.engine
st.title(t("posko.title", lang))
ui.focus_banner(page.view, page.regions)

if not access.can(caller, "report.read"):
    st.info(t("poskopage.partner" if caller.role == "partner" else "poskopage.public", lang))
    st.stop()

region_names = {"51": t("poskopage.form.province", lang)}
region_names.update(dict(zip(page.regions["code"], page.regions["name"], strict=True)))
people = ui_posko.stakeholder_names(page.scope)

counts = ui_posko.status_counts(page.scope)
st.caption(t("poskopage.status_counts", lang))
for column, status in zip(st.columns(len(posko.STATUSES)), posko.STATUSES, strict=True):
    column.metric(t(f"posko.status.{status}", lang), counts[status])

ui_triage.section(page)
tabs = st.tabs(  # stateful: the tab in use stays open whatever appears above it on a rerun
    [t("poskopage.tab.list", lang), t("poskopage.tab.new", lang)], key="posko_tabs", on_change="rerun"
)
LIST_KEYS = ("posko_filter_status", "posko_filter_region", "posko_filter_category", "posko_filter_period")

# ---------------------------------------------------------------- log a report
with tabs[1]:  # always drawn: what the operator has typed into the form lives in the browser
    if not access.can(caller, "report.create"):
        st.info(t("poskopage.form.cannot_create", lang))
    else:
        stamp = cached.boundaries_stamp(page.ctx.settings)
        try:
            index = ui_posko.region_index(page.scope, stamp)
            subregions = ui_posko.subregion_labels(page.scope, stamp)
        except DataProblem as problem:
            stop_with(problem)
        posko_form.draw_form(
            engine, caller, index, subregions, people, region_names, page.ctx.settings.data_dir, lang
        )

# ---------------------------------------------------------------- the list and one report
with tabs[0]:
    if not tabs[0].open:  # only the open tab runs: the list waits, its filters and picks kept
        lazy.keep(
            (*LIST_KEYS, ui_posko.OPEN_KEY, "posko_briefing_day"), prefixes=("posko_reason_", "posko_assign_")
        )
    else:
        if "posko_filter_region" not in st.session_state:
            st.session_state["posko_filter_region"] = [page.view.focus] if page.view.focus else []
        chosen = ui_posko.list_filters(region_names, page.period(), lang)
        listing = ui_posko.report_list(
            page.scope,
            statuses=chosen.statuses,
            regions=chosen.regions,
            categories=chosen.categories,
            since=chosen.since,
            until=chosen.until,
            lang=lang,
        )
        if not listing.total:
            st.info(t("poskopage.list.empty", lang))
        else:
            st.caption(t("poskopage.list.count", lang, shown=len(listing.ids), total=listing.total))
            if listing.total > len(listing.ids):
                st.caption(t("poskopage.list.more", lang, limit=ui_posko.LIST_LIMIT))
            st.dataframe(
                listing.table,
                hide_index=True,
                key=ui_posko.TABLE_KEY,
                on_select=functools.partial(ui_posko.pick_from_table, listing.ids),
                selection_mode="single-row",
                **projector.posko_columns(lang),
            )
            st.caption(t("poskopage.list.pick_hint", lang))

        with st.expander(t("poskopage.briefing", lang), icon=":material/table_view:"):
            day = st.date_input(
                t("poskopage.briefing.day", lang),
                value=ui_posko.now_local().date(),
                format="DD/MM/YYYY",
                key="posko_briefing_day",
            )
            st.download_button(
                t("poskopage.briefing.download", lang),
                lambda: ui_posko.briefing_bytes(
                    engine,
                    ceiling=page.ceiling,
                    day=day,
                    region_names=region_names,
                    stakeholders=people,
                    lang=lang,
                ),
                file_name=f"sinergi-rekap-posko-{day:%Y-%m-%d}.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                icon=":material/download:",
                key="posko_briefing",
                on_click="ignore",
            )

        opened = st.session_state.get(ui_posko.OPEN_KEY)
        choices = list(listing.ids)
        if isinstance(opened, int) and opened not in choices:
            choices.insert(0, opened)
        labels = dict(listing.labels)
        report_id = st.selectbox(
            t("poskopage.open", lang),
            choices,
            index=None,
            placeholder=t("poskopage.open.none", lang),
            format_func=lambda i: labels.get(i, f"#{i}"),
            key=ui_posko.OPEN_KEY,
        )
        if report_id is None:
            st.stop()
        try:
            report = posko.get_report(engine, int(report_id), ceiling=page.ceiling, lang=lang)
        except DataProblem as problem:
            stop_with(problem)
        version = ui_posko.opened_version(report)
        ui_posko.show_header(report, version, lang)
        ui_posko.show_facts(
            report, {**cached.place_names(page.ctx.settings, lang), **region_names}, people, lang
        )
        ui_posko.attachment_button(report, page.ctx.settings.data_dir, lang)
        ui_triage.show_sources(page, report)
        ui_posko.show_alert(engine, report, caller, lang)
        acting = functools.partial(  # each button acts on the version drawn with it
            ui_posko.on_click, engine, int(report["id"]), version, caller=caller, people=people, lang=lang
        )

        if access.can(caller, "report.edit"):
            st.markdown(f"**{t('poskopage.detail.move', lang)}**")
            allowed = posko.allowed_moves(caller, report["status"])
            moves = [s for s in allowed if s != "ditolak"]
            buttons = st.columns(max(len(moves), 1) + 2)
            for column, status in zip(buttons, moves, strict=False):
                column.button(
                    t("poskopage.detail.to", lang, status=t(f"posko.status.{status}", lang)),
                    key=f"posko_to_{status}",
                    **acting(("status", status)),
                )
            if not allowed:
                st.caption(t("poskopage.detail.no_moves", lang))
            if "ditolak" in allowed:
                left, right = st.columns([3, 1], vertical_alignment="bottom")
                reason_key = f"posko_reason_{report['id']}"
                left.text_input(
                    t("poskopage.detail.reason", lang), max_chars=posko.REASON_MAX, key=reason_key
                )
                right.button(
                    t("poskopage.detail.reject", lang),
                    key="posko_reject",
                    icon=":material/block:",
                    **acting(("reject", reason_key)),
                )
            if access.can(caller, "report.assign"):
                left, right = st.columns([3, 1], vertical_alignment="bottom")
                assign_key = f"posko_assign_{report['id']}_{report['version']}"
                left.multiselect(
                    t("posko.field.assigned_to", lang),
                    list(people),
                    format_func=people.get,
                    default=[s for s in posko.split_ids(report["assigned_to"]) if s in people],
                    max_selections=posko.ASSIGNED_MAX,
                    placeholder=t("poskopage.form.choose", lang),
                    key=assign_key,
                )
                right.button(
                    t("poskopage.detail.assign", lang),
                    key="posko_assign",
                    icon=":material/group_add:",
                    **acting(("assign", assign_key)),
                )
        ui_posko.show_outcome(int(report["id"]), lang)  # below the buttons, where the eyes are

        st.markdown(f"**{t('poskopage.timeline', lang)}**")
        st.dataframe(
            ui_posko.timeline(page.scope, int(report["id"]), lang),
            hide_index=True,
            key="posko_timeline",
        )
