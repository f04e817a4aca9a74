import functools

import streamlit as st

from lib import geo, history, risk
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import cached
from lib.ui import page as ui

page = ui.this_page()
lang = page.lang
view = page.view
st.title(t("map.title", lang))
ui.focus_banner(view, page.regions)

try:
    shapes = cached.current_boundaries(page.ctx.settings)
    assessment = cached.assessment(page.scope, view.election, view.weights)
except DataProblem as problem:
    ui.stop_with(problem)

period = page.period()
brush = history.decode_range(view.brush, lang=lang) if view.brush else None
if brush is not None:  # a time range brushed on Riwayat Konflik narrows the period here too
    period = brush if period is None else (max(period[0], brush[0]), min(period[1], brush[1]))
events = cached.shared(
    lambda: history.in_scope(page.events(), period=period), ("in_scope", page.scope, period, "")
)
table = cached.shared(
    lambda: risk.measure_table(
        assessment,
        history.counts_by_regency(
            events, page.reference("election_figures"), page.regions, election_id=view.election
        ),
        page.regions,
    ),
    ("measures", page.scope, view.election, view.weights, period, ""),
)

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
names = dict(zip(page.regions["code"], page.regions["name"], strict=True))
points = None
if show_points:
    points = cached.shared(
        lambda: risk.event_points(events, names, lang=lang),
        ("points", page.scope, period, lang),
    )
    if points.empty:
        st.caption(t("map.points_none", lang))
        points = None
categories = list(risk.CATEGORIES) if measure == "category" else None
values = table[["code", measure, "source"]]
if shapes is None:
    st.info(t("map.no_boundaries", lang))
    build_map = functools.partial(
        geo.tile_grid,
        values,
        measure=measure,
        measure_label=risk.measure_label(measure, lang),
        categories=categories,
        lang=lang,
        focus=view.focus or None,
    )
    spec = cached.chart_spec(
        build_map,
        (
            "tiles",
            page.rev,
            page.ceiling,
            view.election,
            period,
            view.weights,
            view.focus,
            measure,
            lang,
        ),
    )
else:
    regions = shapes.display[level]
    if level != "kabupaten":
        regions = regions.assign(regency=[c[:5] for c in regions["code"]])
        values = regions[["code", "regency"]].merge(
            table[["code", measure, "source"]].rename(columns={"code": "regency"}), on="regency", how="left"
        )[["code", measure, "source"]]
    build_map = functools.partial(
        geo.choropleth,
        regions,
        values,
        measure=measure,
        measure_label=risk.measure_label(measure, lang),
        categories=categories,
        lang=lang,
        focus=view.focus or None,
        points=points,
    )
    spec = cached.chart_spec(
        build_map,
        (
            "map",
            page.rev,
            page.ceiling,
            view.election,
            period,
            show_points,
            view.weights,
            view.focus,
            measure,
            level,
            lang,
            cached.boundaries_stamp(page.ctx.settings),
        ),
    )
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
clicked = st.vega_lite_chart(spec, on_select="rerun", key=ui.widget_key("map_chart"), width="stretch")
picked = [p.get("code") for p in (clicked.selection.get(geo.REGION_PICK) or []) if p.get("code")]
if picked:
    regency = str(picked[0])[:5]
    ui.request_view(focus="" if regency == view.focus else regency, reset=("map_chart",))
if view.focus:
    st.button(
        t("map.clear_focus", lang),
        key="clear_focus",
        on_click=ui.queue_view,
        kwargs={"focus": "", "reset": ("map_chart",)},
    )
ui.chart_downloads(build_map, f"sinergi-peta-{measure}-{level}", key="map_download")
if shapes is not None:
    st.caption(t("map.boundaries_source", lang, source=shapes.source, licence=shapes.licence))
st.caption(t("map.model_note", lang, half_life=risk.HALF_LIFE_YEARS))

if view.focus:
    row = table.set_index("code").loc[view.focus]
    st.subheader(t("map.detail", lang, name=row["name"]))
    cols = st.columns(4)
    unknown = t("common.unknown", lang)
    cols[0].metric(t("map.detail.index", lang), unknown if row.isna()["index"] else f"{row['index']:.1f}")
    cols[1].metric(t("map.detail.category", lang), risk.category_label(row["category"], lang))
    cols[2].metric(t("map.detail.coverage", lang), f"{int(row['n_known'])}/{int(row['n_total'])}")
    cols[3].metric(
        t("map.detail.rank", lang),
        unknown if row.isna()["rank"] else f"{int(row['rank'])}/{int(table['rank'].notna().sum())}",
    )
    contributions = assessment.explain(view.focus, lang=lang)
    spec = cached.chart_spec(
        lambda: risk.contribution_chart(contributions, row["name"], lang),
        ("contrib", page.scope, view.election, view.weights, view.focus, lang),
    )
    st.vega_lite_chart(spec, key="contribution_chart", width="stretch")
    missing = contributions[~contributions["known"]]
    if len(missing):
        label = "label_id" if lang == "id" else "label_en"
        st.caption(t("map.detail.unknown_list", lang, keys="; ".join(missing[label])))
    known = contributions[contributions["known"]]
    st.dataframe(
        known.assign(indicator=known["label_id" if lang == "id" else "label_en"])[
            ["indicator", "value", "year", "score", "contribution", "source"]
        ].rename(
            columns={
                "indicator": t("map.col.indicator", lang),
                "value": t("map.col.value", lang),
                "year": t("map.col.year", lang),
                "score": t("map.col.score", lang),
                "contribution": t("map.col.contribution", lang),
                "source": t("col.source", lang),
            }
        ),
        hide_index=True,
        key="indicator_table",
    )
    st.subheader(t("map.detail.events", lang))
    here = events[events["region_code"].str.startswith(view.focus)]
    st.dataframe(
        history.latest_events(here, page.regions, lang=lang, limit=50),
        hide_index=True,
        column_config={t("col.source", lang): st.column_config.LinkColumn(t("col.source", lang))},
        key="focus_events",
    )
else:
    st.subheader(t("map.ranking", lang))
    spec = cached.chart_spec(
        lambda: risk.ranking_bars(assessment.index, lang, names=names),
        ("ranking", page.scope, view.election, view.weights, lang),
    )
    st.vega_lite_chart(spec, key="ranking_chart", width="stretch")
