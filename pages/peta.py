import streamlit as st

from lib import risk
from lib.core import formats
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import cached, maps, peta, projector, skenario
from lib.ui import page as ui
from lib.ui.problems import stop_with

page = ui.this_page()
lang = page.lang
view = page.view
st.title(t("map.title", lang))
ui.focus_banner(view, page.regions)

try:
    shapes = cached.current_boundaries(page.ctx.settings)
    period, brush = peta.period_and_brush(page.period(), view.brush, lang)
    table = maps.measures(page.scope, view.election, view.weights, period)
except DataProblem as problem:
    stop_with(problem)

left, right = st.columns([2, 1])
measure = left.selectbox(
    t("map.measure", lang),
    list(risk.MEASURES),
    format_func=lambda m: risk.measure_label(m, lang),
    key="map_measure",
)
levels = shapes.levels if shapes is not None else ["kabupaten"]
level = right.radio(
    t("map.level", lang),
    levels,
    format_func=lambda v: t(f"map.level.{v}", lang),
    horizontal=True,
    key="map_level",
)
show_points = st.toggle(t("map.points", lang), value="events" in view.layers, key="map_points")
if show_points != ("events" in view.layers):
    chosen = {*view.layers, "events"} if show_points else set(view.layers) - {"events"}
    ui.set_field("layers", tuple(layer for layer in ("events", "posko", "labels") if layer in chosen))
if show_points and (note := maps.points_note(page, period)):
    st.caption(note)
if shapes is None:
    st.info(t("map.no_boundaries", lang))
if brush is not None:
    left, right = st.columns([4, 1])
    left.info(t("map.brush", lang, start=brush[0].strftime("%d/%m/%Y"), end=brush[1].strftime("%d/%m/%Y")))
    right.button(
        t("map.clear_brush", lang),
        key="map_clear_brush",
        on_click=ui.queue_view,
        kwargs={"brush": "", "reset": ("history_timeline",)},
    )
st.caption(t("map.click_hint", lang))
build_map = maps.focus_map(
    page, measure=measure, level=level, key="map_chart", period=period, points=show_points
)
if view.focus:
    st.button(
        t("map.clear_focus", lang),
        key="clear_focus",
        on_click=ui.queue_view,
        kwargs={"focus": None, "reset": ("map_chart",)},
    )
ui.chart_downloads(build_map, f"sinergi-peta-{measure}-{level}", key="map_download")
if shapes is not None:
    st.caption(t("map.boundaries_source", lang, source=shapes.source, licence=shapes.licence))
st.caption(t("map.model_note", lang, half_life=risk.HALF_LIFE_YEARS))

if view.focus:
    st.subheader(t("map.detail", lang, name=page.regions.loc[view.focus, "name"]))
    for column, (label, value) in zip(
        st.columns(4), risk.detail_display(table, view.focus, lang).items(), strict=True
    ):
        column.metric(label, value)
    spec = peta.contribution_spec(page.scope, view.election, view.weights, view.focus, lang)
    st.vega_lite_chart(projector.sized(spec), key="contribution_chart", width="stretch")
    contributions = peta.explanation(page.scope, view.election, view.weights, view.focus, lang)
    missing = risk.unknown_indicators(contributions, lang)
    if missing:
        st.caption(t("map.detail.unknown_list", lang, keys="; ".join(missing)))
    explained = risk.contributions_display(contributions, lang)
    digits = {t("map.col.value", lang): 4, t("map.col.score", lang): 1, t("map.col.contribution", lang): 2}
    st.dataframe(formats.as_text(explained, lang, digits), hide_index=True, key="indicator_table")
    st.subheader(t("map.detail.events", lang))
    st.dataframe(
        peta.focus_events(page.scope, period, view.focus, lang),
        hide_index=True,
        column_config={t("col.source", lang): st.column_config.LinkColumn(t("col.source", lang))},
        key="focus_events",
    )
else:
    st.subheader(t("map.ranking", lang))
    spec = skenario.ranking_spec(page.scope, view.election, view.weights, lang)
    st.vega_lite_chart(projector.sized(spec), key="ranking_chart", width="stretch")
