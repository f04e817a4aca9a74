import streamlit as st

from lib import access, history, posko
from lib.core import clock, formats
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import cached, maps, ringkasan
from lib.ui import page as ui
from lib.ui.problems import stop_with

page = ui.this_page()
lang = page.lang
view = page.view
election = page.election
today = clock.today()  # Bali's date (WITA), as every stamp and period boundary
st.title(f"{election['name']}")
ui.focus_banner(view, page.regions)

figures = ringkasan.key_figures(page.scope, election["id"], today, lang, view.focus)
unknown = t("common.unknown", lang)
can_read_reports = access.can(page.caller, "report.read")
alerts = cached.open_alert_count(page.scope) if can_read_reports else None
cols = st.columns(5 if alerts is not None else 4)
cols[0].metric(
    t("overview.voting_day_on", lang, day=election["voting_day"].strftime("%d/%m/%Y")),
    history.days_short(figures.days_from_voting, lang),
)
cols[1].metric(t("overview.dpt", lang), formats.number(figures.dpt, lang) if figures.dpt else unknown)
cols[2].metric(t("overview.tps", lang), formats.number(figures.n_tps, lang) if figures.n_tps else unknown)
cols[3].metric(t("overview.contests", lang), figures.n_contests or unknown)
if alerts is not None:
    cols[4].metric(t("overview.alerts", lang), alerts)
st.caption(
    t("overview.stage", lang)
    + ": "
    + (", ".join(figures.stages) if figures.stages else t("overview.no_stage", lang))
    + " \u00b7 "
    + t("overview.as_of", lang, day=today.strftime("%d/%m/%Y"))
)
if figures.figures_source:
    with st.expander(t("common.source", lang)):
        st.caption(t("overview.figures_source", lang, source=figures.figures_source))

period = page.period()
left, right = st.columns([3, 2])
with left:
    st.subheader(t("overview.map", lang))
    try:
        maps.focus_map(
            page, measure="category", level="kabupaten", key="overview_map", period=period, height=340
        )
    except DataProblem as problem:
        stop_with(problem)
with right:
    st.subheader(t("overview.posko", lang))
    if can_read_reports:
        st.dataframe(
            posko.counts_display(page.regions, cached.posko_counts(page.scope), lang),
            hide_index=True,
            key="overview_posko",
        )
    else:
        st.info(t("overview.posko_public", lang))
    st.subheader(t("overview.change_title", lang))
    st.caption(t("overview.change", lang))
    change = ringkasan.recent_change(page.scope, today)
    st.dataframe(history.change_display(change, lang), hide_index=True, key="overview_change")
    if not change["rose"].any():
        st.caption(t("overview.none_rose", lang))

st.subheader(t("overview.latest", lang))
latest = ringkasan.latest_events(page.scope, period, view.focus, lang)
if latest.empty:
    st.info(t("overview.no_events", lang))
else:
    st.dataframe(
        latest,
        hide_index=True,
        column_config={t("col.source", lang): st.column_config.LinkColumn(t("col.source", lang))},
        key="latest_events",
    )
