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

levels = shapes.levels if shapes is not None else ["kabupaten"]
if view.projector:  # the map left and its detail right, within the first screen; notes below
    map_area, side = st.columns([3, 2], gap="medium")
    with side.popover(
        t("mapproj.controls", lang), icon=":material/tune:", help=t("mapproj.controls_help", lang)
    ):
        measure, level, show_points = peta.controls(page, levels)
    notes = st.container()
else:
    measure, level, show_points = peta.controls(page, levels)
    notes = map_area = side = st.container()
with notes:
    if show_points and (note := maps.points_note(page, period)):
        st.caption(note)
    if shapes is None:
        st.info(t("map.no_boundaries", lang))
    if brush is not None:
        left, right = st.columns([4, 1])
        left.info(
            t("map.brush", lang, start=brush[0].strftime("%d/%m/%Y"), end=brush[1].strftime("%d/%m/%Y"))
        )
        right.button(
            t("map.clear_brush", lang),
            key="map_clear_brush",
            on_click=ui.queue_view,
            kwargs={"brush": "", "reset": ("history_timeline",)},
        )
    st.caption(t("map.click_hint", lang))
with map_area, st.container(key="headline-map"):
    build_map = maps.focus_map(
        page,
        measure=measure,
        level=level,
        key="map_chart",
        period=period,
        points=show_points,
        height=peta.PROJECTOR_MAP_HEIGHT if view.projector else peta.MAP_HEIGHT,
    )
if view.focus:
    side.button(
        t("map.clear_focus", lang),
        key="clear_focus",
        on_click=ui.queue_view,
        kwargs={"focus": None, "reset": ("map_chart",)},
    )
ui.chart_downloads(build_map, f"sinergi-peta-{measure}-{level}", key="map_download")
if shapes is not None:
    st.caption(t("map.boundaries_source", lang, source=shapes.source, licence=shapes.licence))
st.caption(t("map.model_note", lang, half_life=risk.HALF_LIFE_YEARS))

detail = side if view.projector else st.container()
if view.focus:
    detail.subheader(t("map.detail", lang, name=page.regions.loc[view.focus, "name"]))
    with detail:
        peta.focus_metrics(page, table)
    spec = peta.contribution_spec(page.scope, view.election, view.weights, view.focus, lang)
    st.vega_lite_chart(projector.sized(spec), key="contribution_chart", width="stretch")  # full width
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
    detail.subheader(t("map.ranking", lang))
    if view.projector:  # beside the map the chart's value labels have no room: a table, the chart below
        detail.table(peta.ranking_table(table, lang), hide_index=True)
    spec = skenario.ranking_spec(page.scope, view.election, view.weights, lang)
    st.vega_lite_chart(projector.sized(spec), key="ranking_chart", width="stretch")
