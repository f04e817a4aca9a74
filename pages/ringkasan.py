import datetime as dt

import streamlit as st

from lib import summaries, ui
from lib.i18n import t

page = ui.this_page()
lang = page.lang
election = page.election
st.title(f"{election['name']}")
ui.focus_banner(page.view, page.regions)

figures = summaries.key_figures(
    election_id=election["id"],
    voting_day=election["voting_day"],
    stages=page.reference("election_stages"),
    figures=page.reference("election_figures"),
    contests=page.reference("contests"),
    today=dt.date.today(),
    lang=lang,
    focus=page.view.focus,
)
unknown = t("common.unknown", lang)
cols = st.columns(4)
cols[0].metric(
    t("overview.voting_day", lang),
    election["voting_day"].strftime("%d/%m/%Y"),
    summaries.days_label(figures.days_from_voting, lang),
    delta_color="off",
)
cols[1].metric(t("overview.dpt", lang), f"{figures.dpt:,}".replace(",", ".") if figures.dpt else unknown)
cols[2].metric(t("overview.tps", lang), f"{figures.n_tps:,}".replace(",", ".") if figures.n_tps else unknown)
cols[3].metric(t("overview.contests", lang), figures.n_contests or unknown)
st.caption(
    t("overview.stage", lang)
    + ": "
    + (", ".join(figures.stages) if figures.stages else t("overview.no_stage", lang))
)
if figures.figures_source:
    st.caption(t("overview.figures_source", lang, source=figures.figures_source))

events = summaries.in_scope(page.events(), period=page.period(), focus=page.view.focus)
left, right = st.columns([3, 2])
with left:
    st.subheader(t("overview.latest", lang))
    if events.empty:
        st.info(t("overview.no_events", lang))
    else:
        st.dataframe(
            summaries.latest_events(events, page.regions, lang=lang),
            hide_index=True,
            column_config={t("col.source", lang): st.column_config.LinkColumn(t("col.source", lang))},
            key="latest_events",
        )
with right:
    st.subheader(t("overview.posko", lang))
    st.info(t("overview.posko_empty", lang))
    st.subheader(t("overview.by_regency", lang))
    counts = summaries.counts_by_regency(
        events, page.reference("election_figures"), page.regions, election_id=election["id"]
    )
    st.dataframe(
        counts[["name", "events", "events_per_100k"]].rename(
            columns={
                "name": t("col.name", lang),
                "events": t("col.events", lang),
                "events_per_100k": t("col.events_per_100k", lang),
            }
        ),
        hide_index=True,
        key="overview_counts",
    )
