import functools

import streamlit as st

from lib import history
from lib.core.i18n import t
from lib.ui import cached
from lib.ui import page as ui

page = ui.this_page()
lang = page.lang
view = page.view
st.title(t("historypage.title", lang))
ui.focus_banner(view, page.regions)
st.caption(t("historypage.intro", lang))

names = dict(zip(page.regions["code"], page.regions["name"], strict=True))
period = page.period()
enriched = cached.shared(
    lambda: history.enrich(
        history.in_scope(page.events(), period=period), page.elections, election_id=view.election
    ),
    ("enriched", page.scope, period, view.election),
)
if enriched.empty:
    st.info(t("historypage.empty", lang))
    st.stop()

freq = st.radio(
    t("historypage.freq", lang),
    ["year", "month"],
    format_func=lambda f: t(f"historypage.freq.{f}", lang),
    horizontal=True,
    key="history_freq",
)
st.subheader(t("historypage.timeline", lang))
build_timeline = functools.partial(
    history.timeline,
    enriched,
    page.elections,
    freq=freq,
    lang=lang,
    highlight_region=view.focus or None,
)
spec = cached.chart_spec(
    build_timeline,
    ("timeline", page.scope, view.election, view.period, view.focus, freq, lang),
)
picked = st.vega_lite_chart(spec, on_select="rerun", key=ui.widget_key("history_timeline"), width="stretch")
ui.chart_downloads(build_timeline, "sinergi-riwayat-konflik", key="timeline_download")
chosen = history.selected_days(picked.selection) if picked else None
if chosen is not None:
    ui.set_field("brush", history.encode_range(chosen))
brush_text = ui.current().brush  # this run's brush (``view`` still holds the one before a new pick)
brush = history.decode_range(brush_text, lang=lang) if brush_text else None
# What the charts and the table below show; each is computed once per scope, not on every rerun.
scope = (page.scope, period, view.election, view.focus, brush_text)
if brush:
    left, right = st.columns([4, 1])
    left.info(
        t("historypage.brush", lang, start=brush[0].strftime("%d/%m/%Y"), end=brush[1].strftime("%d/%m/%Y"))
    )
    right.button(
        t("historypage.clear_brush", lang),
        key="clear_brush",
        on_click=ui.queue_view,
        kwargs={"brush": "", "reset": ("history_timeline",)},
    )


def select_events():
    rows = (
        history.filter_events(enriched, start=brush[0], end=brush[1], partial_dates=True)
        if brush
        else enriched
    )
    return rows[history.in_focus(rows, view.focus)] if view.focus else rows


selected = cached.shared(select_events, ("history_selected", *scope))

st.subheader(t("historypage.aligned", lang))
default_ids = [e for e in ("pilgub-2018", "pemilu-2019", "pilkada-2020", "pemilu-2024", "pilkada-2024-bali")]
election_names = dict(zip(page.elections["id"], page.elections["name"], strict=True))
compared = st.multiselect(
    t("historypage.aligned_elections", lang),
    list(election_names),
    default=[e for e in default_ids if e in election_names],
    format_func=election_names.get,
    key="history_compared",
)
spec = cached.chart_spec(
    lambda: history.aligned_chart(
        history.align_on_voting_day(selected, page.elections, election_ids=compared), lang, region_names=names
    ),
    ("aligned", *scope, tuple(compared), lang),
)
st.vega_lite_chart(spec, key="history_aligned", width="stretch")

st.subheader(t("historypage.heatmap", lang))
spec = cached.chart_spec(
    lambda: history.heatmap(history.heatmap_counts(selected), names, lang),
    ("heatmap", *scope, lang),
)
st.vega_lite_chart(spec, key="history_heatmap", width="stretch")

table = cached.shared(
    lambda: history.event_table(selected, names, lang=lang), ("history_table", *scope, lang)
)
st.subheader(t("historypage.table", lang, n=len(table)))
st.dataframe(
    table,
    hide_index=True,
    column_config={t("col.source", lang): st.column_config.LinkColumn(t("col.source", lang))},
    key="history_table",
)
ui.download_buttons(table, "sinergi-riwayat-konflik", key="history")
