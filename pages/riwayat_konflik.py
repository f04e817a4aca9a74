import streamlit as st

from lib import history
from lib.core.i18n import t
from lib.ui import history as ui_history
from lib.ui import page as ui
from lib.ui import projector

page = ui.this_page()
lang = page.lang
view = page.view
scope = page.scope
st.title(t("historypage.title", lang))
ui.focus_banner(view, page.regions)
st.caption(t("historypage.intro", lang))

period = page.period()
if ui_history.enriched(scope, period, view.election).empty:
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
timeline_args = (scope, period, view.election, view.focus, freq, lang)
picked = st.vega_lite_chart(
    projector.sized(ui_history.timeline_spec(*timeline_args)),
    on_select="rerun",
    key=ui.widget_key("history_timeline"),
    width="stretch",
)
ui.chart_downloads(
    lambda: ui_history.timeline_chart(*timeline_args), "sinergi-riwayat-konflik", key="timeline_download"
)
chosen = history.selected_days(picked.selection) if picked else None
if chosen is not None:
    ui.set_field("brush", history.encode_range(chosen))
brush_text = ui.current().brush  # this run's brush (``view`` still holds the one before a new pick)
brush = history.decode_range(brush_text, lang=lang) if brush_text else None
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
# What the charts and the table below show: the period's events, brushed days, regency focus.
shown = (scope, period, view.election, view.focus, brush)

st.subheader(t("historypage.aligned", lang))
election_names = dict(zip(page.elections["id"], page.elections["name"], strict=True))
compared = st.multiselect(
    t("historypage.aligned_elections", lang),
    list(election_names),
    default=[e for e in history.COMPARED_ELECTIONS if e in election_names],
    format_func=election_names.get,
    key="history_compared",
)
st.vega_lite_chart(
    projector.sized(ui_history.aligned_spec(*shown, tuple(compared), lang)),
    key="history_aligned",
    width="stretch",
)

st.subheader(t("historypage.heatmap", lang))
st.vega_lite_chart(
    projector.sized(ui_history.heatmap_spec(*shown, lang)), key="history_heatmap", width="stretch"
)

table = ui_history.event_table(*shown, lang)
st.subheader(t("historypage.table", lang, n=len(table)))
st.dataframe(table, hide_index=True, key="history_table", **projector.event_columns(lang))
ui.download_buttons(table, "sinergi-riwayat-konflik", key="history")
