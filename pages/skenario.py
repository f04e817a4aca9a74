import functools
import math

import streamlit as st

from lib import risk
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import cached
from lib.ui import page as ui

page = ui.this_page()
lang = page.lang
view = page.view
st.title(t("scenario.title", lang))
ui.focus_banner(view, page.regions)
definitions = page.ctx.bundle.indicators
names = dict(zip(page.regions["code"], page.regions["name"], strict=True))

# --- index weights, mirrored to the URL (w=...)
st.header(t("scenario.weights", lang))
st.caption(t("scenario.weights_help", lang))
defaults = risk.default_weights(definitions)
try:
    chosen = {**defaults, **risk.decode_weights(view.weights, definitions, lang)}
    if view.weights:
        st.session_state.pop("weights_notice", None)
except DataProblem as problem:
    st.session_state["weights_notice"] = f"{problem.what} {problem.fix}"
    chosen = dict(defaults)
if st.session_state.get("weights_notice"):
    st.warning(st.session_state["weights_notice"], icon=":material/warning:")
label = "label_id" if lang == "id" else "label_en"
factors = {}
columns = st.columns(len(risk.DIMENSIONS))
for column, dimension in zip(columns, risk.DIMENSIONS, strict=True):
    factors[dimension] = column.slider(
        t("scenario.dimension_factor", lang, name=t(f"risk.dimension.{dimension}", lang)),
        min_value=0.0,
        max_value=3.0,
        value=1.0,
        step=0.5,
        key=f"factor_{dimension}",
    )
indicator_weights = {}
with st.expander(t("scenario.indicators", lang)):
    columns = st.columns(len(risk.DIMENSIONS))
    for column, dimension in zip(columns, risk.DIMENSIONS, strict=True):
        column.caption(t(f"risk.dimension.{dimension}", lang))
        for row in definitions[definitions["dimension"] == dimension].itertuples():
            indicator_weights[row.key] = column.slider(
                getattr(row, label),
                min_value=0.0,
                max_value=3.0,
                value=float(chosen[row.key]),
                step=0.5,
                key=f"weight_{row.key}",
            )
final = risk.scale_dimensions(definitions, factors, indicator_weights)
encoded = risk.encode_weights(final, defaults)
if encoded != view.weights:
    ui.request_view(weights=encoded)
slider_keys = tuple(f"weight_{k}" for k in definitions["key"]) + tuple(f"factor_{d}" for d in risk.DIMENSIONS)
if view.weights:
    st.button(
        t("scenario.reset", lang),
        key="reset_weights",
        on_click=ui.queue_view,
        kwargs={"weights": "", "reset": slider_keys},
    )

found = cached.assessment(page.scope, view.election, view.weights)
left, right = st.columns(2)
with left:
    st.subheader(t("scenario.ranking", lang))
    build_ranking = functools.partial(risk.ranking_bars, found.index, lang, names=names)
    spec = cached.chart_spec(build_ranking, ("ranking", page.scope, view.election, view.weights, lang))
    st.vega_lite_chart(spec, key="scenario_ranking", width="stretch")
    ui.chart_downloads(build_ranking, "sinergi-peringkat-kerawanan", key="ranking_download")
with right:
    st.subheader(t("scenario.sensitivity", lang))
    spread = st.select_slider(
        t("scenario.spread", lang), options=[0.1, 0.2, 0.3, 0.4, 0.5], value=0.3, key="sensitivity_spread"
    )
    ranges = cached.sensitivity(page.scope, view.election, view.weights, spread)
    spec = cached.chart_spec(
        lambda: risk.rank_ranges(ranges, lang, names=names),
        ("ranges", page.scope, view.election, view.weights, spread, lang),
    )
    st.vega_lite_chart(spec, key="scenario_ranges", width="stretch")
    st.caption(
        t(
            "scenario.sensitivity_help",
            lang,
            n=300,
            low=f"{math.exp(-2 * spread):.2f}",
            high=f"{math.exp(2 * spread):.2f}",
        )
    )

# --- TPS security deployment
st.header(t("scenario.deployment", lang))
regions = ["51", *[c for c in names if c != "51"]]
region = st.selectbox(
    t("scenario.deployment_region", lang),
    regions,
    index=regions.index(view.focus) if view.focus else 0,
    format_func=names.get,
    key="deployment_region",
)
known = page.ctx.bundle.tps_categories
row = known[(known["election_id"] == view.election) & (known["region_code"] == region)]
counts = {}
columns = st.columns(3)
for column, category in zip(columns, risk.TPS_CATEGORIES, strict=True):
    value = None if row.empty or row[category].isna().iloc[0] else int(row[category].iloc[0])
    counts[category] = column.number_input(
        t(f"scenario.tps.{category}", lang),
        min_value=0,
        value=value,
        step=1,
        key=f"tps_{view.election}_{region}_{category}",
    )
if row.empty:
    st.caption(t("scenario.tps_unknown", lang))
else:
    st.caption(t("scenario.tps_source", lang, source=row["source"].iloc[0]))
left, right = st.columns(2)
preset_key = left.selectbox(
    t("scenario.preset", lang),
    list(risk.PRESETS),
    format_func=lambda k: risk.PRESETS[k].name,
    key="deployment_preset",
)
move = right.number_input(
    t("scenario.move", lang), min_value=-10_000, max_value=10_000, value=100, step=10, key="deployment_move"
)
preset = risk.PRESETS[preset_key]


def deployment_table():
    plan = risk.what_if(counts, move_to_rawan=int(move), ratios=preset, lang=lang)
    shown = plan.assign(category=[t(f"scenario.category.{c}", lang) for c in plan["category"]])
    return shown.rename(columns={c: t(f"scenario.col.{c}", lang) for c in plan.columns})


try:  # computed once per input, not on every rerun (DataProblem is not cached)
    shown = cached.shared(
        deployment_table, ("deployment", tuple(counts.items()), int(move), preset_key, lang)
    )
except DataProblem as problem:
    st.error(f"**{problem.what}**\n\n{problem.fix}")
else:
    st.dataframe(shown, hide_index=True, key="deployment_table")
    ui.download_buttons(shown, f"sinergi-kebutuhan-personel-{region}", key="deployment")
st.caption(t("scenario.pattern_source", lang, name=preset.name, source=preset.source))
if preset.note:
    st.caption(preset.note)
