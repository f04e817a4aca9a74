import datetime as dt

import streamlit as st

from lib import access, geo, history, risk
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import cached
from lib.ui import page as ui

page = ui.this_page()
lang = page.lang
view = page.view
election = page.election
today = dt.date.today()
st.title(f"{election['name']}")
ui.focus_banner(view, page.regions)

figures = cached.shared(
    lambda: history.key_figures(
        election_id=election["id"],
        voting_day=election["voting_day"],
        stages=page.reference("election_stages"),
        figures=page.reference("election_figures"),
        contests=page.reference("contests"),
        today=today,
        lang=lang,
        focus=view.focus,
    ),
    ("key_figures", page.rev, election["id"], today, lang, view.focus),
)
unknown = t("common.unknown", lang)
can_read_reports = access.can(page.caller, "report.read")
alerts = cached.open_alert_count(page.scope) if can_read_reports else None
cols = st.columns(5 if alerts is not None else 4)
cols[0].metric(
    t("overview.voting_day_on", lang, day=election["voting_day"].strftime("%d/%m/%Y")),
    history.days_short(figures.days_from_voting, lang),
)
cols[1].metric(t("overview.dpt", lang), f"{figures.dpt:,}".replace(",", ".") if figures.dpt else unknown)
cols[2].metric(t("overview.tps", lang), f"{figures.n_tps:,}".replace(",", ".") if figures.n_tps else unknown)
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

all_events = page.events()
period = page.period()
events = cached.shared(
    lambda: history.in_scope(all_events, period=period, focus=view.focus),
    ("in_scope", page.scope, period, view.focus),
)
left, right = st.columns([3, 2])
with left:
    st.subheader(t("overview.map", lang))
    try:
        shapes = cached.current_boundaries(page.ctx.settings)
        found = cached.assessment(page.scope, view.election, view.weights)
    except DataProblem as problem:
        ui.stop_with(problem)
    table = cached.shared(
        lambda: risk.measure_table(
            found,
            history.counts_by_regency(
                events, page.reference("election_figures"), page.regions, election_id=view.election
            ),
            page.regions,
        ),
        ("measures", page.scope, view.election, view.weights, period, view.focus),
    )
    values = table[["code", "category", "source"]]
    label = risk.measure_label("category", lang)
    if shapes is None:
        spec = cached.chart_spec(
            lambda: geo.tile_grid(
                values,
                measure="category",
                measure_label=label,
                categories=list(risk.CATEGORIES),
                lang=lang,
                focus=view.focus or None,
            ),
            ("overview-tiles", page.scope, view.election, view.weights, view.focus, lang),
        )
    else:
        spec = cached.chart_spec(
            lambda: geo.choropleth(
                shapes.display["kabupaten"],
                values,
                measure="category",
                measure_label=label,
                categories=list(risk.CATEGORIES),
                lang=lang,
                focus=view.focus or None,
                height=340,
            ),
            (
                "overview-map",
                page.rev,
                page.ceiling,
                view.election,
                view.weights,
                view.focus,
                lang,
                cached.boundaries_stamp(page.ctx.settings),
            ),
        )
    clicked = st.vega_lite_chart(spec, on_select="rerun", key=ui.widget_key("overview_map"), width="stretch")
    picked = [p.get("code") for p in (clicked.selection.get(geo.REGION_PICK) or []) if p.get("code")]
    if picked:
        regency = str(picked[0])[:5]
        ui.request_view(focus="" if regency == view.focus else regency, reset=("overview_map",))
with right:
    st.subheader(t("overview.posko", lang))
    names = page.regions[["code", "name"]].reset_index(drop=True)
    if can_read_reports:
        posko_counts = cached.posko_counts(page.scope)
        shown = (
            names[names["code"] != "51"]
            .merge(posko_counts.rename(columns={"region_code": "code"}), on="code", how="left")
            .fillna({"last_24h": 0, "last_7d": 0, "open_alerts": 0})
        )
        st.dataframe(
            shown[["name", "last_24h", "last_7d", "open_alerts"]].rename(
                columns={
                    "name": t("col.name", lang),
                    "last_24h": t("overview.col.last_24h", lang),
                    "last_7d": t("overview.col.last_7d", lang),
                    "open_alerts": t("overview.col.open_alerts", lang),
                }
            ),
            hide_index=True,
            key="overview_posko",
        )
    else:
        st.info(t("overview.posko_public", lang))
    st.subheader(t("overview.change_title", lang))
    st.caption(t("overview.change", lang))
    change = cached.shared(
        lambda: history.recent_change(all_events, page.regions, today=today),
        ("recent_change", page.scope, today),
    )
    st.dataframe(
        change.assign(rose=["\u25b2" if rose else "" for rose in change["rose"]])[
            ["name", "last_7d", "weekly_before", "rose"]
        ].rename(
            columns={
                "name": t("col.name", lang),
                "last_7d": t("overview.col.last_7d", lang),
                "weekly_before": t("overview.col.weekly_before", lang),
                "rose": t("overview.rose", lang),
            }
        ),
        hide_index=True,
        key="overview_change",
    )
    if not change["rose"].any():
        st.caption(t("overview.none_rose", lang))

st.subheader(t("overview.latest", lang))
if events.empty:
    st.info(t("overview.no_events", lang))
else:
    st.dataframe(
        cached.shared(
            lambda: history.latest_events(events, page.regions, lang=lang),
            ("latest", page.scope, period, view.focus, lang),
        ),
        hide_index=True,
        column_config={t("col.source", lang): st.column_config.LinkColumn(t("col.source", lang))},
        key="latest_events",
    )
