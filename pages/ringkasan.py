import streamlit as st

from lib import access
from lib.core import clock
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import cached, maps, projector, ringkasan
from lib.ui import page as ui
from lib.ui import triage as ui_triage
from lib.ui.problems import stop_with

page = ui.this_page()
lang = page.lang
view = page.view
election = page.election
today = clock.today()  # Bali's date (WITA), as every stamp and period boundary
with st.container(key="headline-election"):
    st.title(f"{election['name']}")
ui.focus_banner(view, page.regions)

# The headline (election, days, stage, alerts, map, Posko reports, regencies that rose) comes first:
# in projector mode it fits the first 720 px (tests/test_browser_projector.py).
figures = ringkasan.key_figures(page.scope, election["id"], today, lang, view.focus)
can_read_reports = access.can(page.caller, "report.read")
alerts = cached.open_alert_count(page.scope) if can_read_reports else None
ringkasan.key_metrics(
    view=view, voting_day=election["voting_day"], figures=figures, alerts=alerts, today=today
)

period = page.period()
left, right = st.columns([3, 2])
with left:
    with st.container(key="headline-map"):
        st.subheader(t("overview.map", lang))
        try:
            maps.focus_map(
                page,
                measure="category",
                level="kabupaten",
                key="overview_map",
                period=period,
                height=ringkasan.MAP_HEIGHT[view.projector],
            )
        except DataProblem as problem:
            stop_with(problem)
    with st.container(key="headline-rose"):
        st.markdown(ringkasan.risen_line(page.scope, today, lang))
with right, st.container(key="headline-posko"):
    st.subheader(t("overview.posko", lang))
    if can_read_reports:
        ringkasan.posko_table(page.scope, page.regions, lang)
    else:
        st.info(t("overview.posko_public", lang))

ui_triage.summary(page)
st.subheader(t("overview.change_title", lang))
st.caption(t("overview.change", lang))
st.dataframe(ringkasan.change_table(page.scope, today, lang), hide_index=True, key="overview_change")
if figures.figures_source:
    with st.expander(t("common.source", lang)):
        st.caption(t("overview.figures_source", lang, source=figures.figures_source))

st.subheader(t("overview.latest", lang))
latest = ringkasan.latest_events(page.scope, period, view.focus, lang)
if latest.empty:
    st.info(t("overview.no_events", lang))
else:
    st.dataframe(latest, hide_index=True, key="latest_events", **projector.event_columns(lang))
