import math

import streamlit as st

from lib import risk
from lib.core import formats
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import page as ui
from lib.ui import projector, skenario
from lib.ui.problems import show_problem, stop_with

page = ui.this_page()
lang = page.lang
view = page.view
st.title(t("scenario.title", lang))
ui.focus_banner(view, page.regions)
definitions = page.ctx.bundle.indicators
names = skenario.region_names(page.scope)

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
        for key, name in risk.indicator_labels(definitions, dimension, lang):
            indicator_weights[key] = column.slider(
                name, min_value=0.0, max_value=3.0, value=float(chosen[key]), step=0.5, key=f"weight_{key}"
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

try:
    ranking = skenario.ranking_spec(page.scope, view.election, view.weights, lang)
except DataProblem as problem:  # every weight 0
    stop_with(problem)
left, right = st.columns(2)
with left:
    st.subheader(t("scenario.ranking", lang))
    st.vega_lite_chart(projector.sized(ranking), key="scenario_ranking", width="stretch")
    ui.chart_downloads(
        lambda: skenario.ranking_chart(page.scope, view.election, view.weights, lang),
        "sinergi-peringkat-kerawanan",
        key="ranking_download",
    )
with right:
    st.subheader(t("scenario.sensitivity", lang))
    spread = st.select_slider(
        t("scenario.spread", lang), options=[0.1, 0.2, 0.3, 0.4, 0.5], value=0.3, key="sensitivity_spread"
    )
    spec = skenario.ranges_spec(page.scope, view.election, view.weights, spread, lang)
    st.vega_lite_chart(projector.sized(spec), key="scenario_ranges", width="stretch")
    st.caption(
        t(
            "scenario.sensitivity_help",
            lang,
            n=300,
            low=formats.number(math.exp(-2 * spread), lang, digits=2),
            high=formats.number(math.exp(2 * spread), lang, digits=2),
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
known, source = risk.known_tps(page.ctx.bundle.tps_categories, view.election, region)
counts = {}
columns = st.columns(3)
for column, category in zip(columns, risk.TPS_CATEGORIES, strict=True):
    counts[category] = column.number_input(
        t(f"scenario.tps.{category}", lang),
        min_value=0,
        value=known[category],
        step=1,
        key=f"tps_{view.election}_{region}_{category}",
    )
if source is None:
    st.caption(t("scenario.tps_unknown", lang))
else:
    st.caption(t("scenario.tps_source", lang, source=source))
left, right = st.columns(2)
preset_key = left.selectbox(
    t("scenario.preset", lang),
    list(risk.PRESETS),
    format_func=lambda k: risk.PRESETS[k].text("name", lang),
    key="deployment_preset",
)
move = right.number_input(
    t("scenario.move", lang), min_value=-10_000, max_value=10_000, value=100, step=10, key="deployment_move"
)
preset = risk.PRESETS[preset_key]
try:  # computed once per input, not on every rerun (DataProblem is not cached)
    shown = skenario.deployment(tuple(counts.items()), int(move), preset_key, lang)
except DataProblem as problem:
    show_problem(problem)
else:
    # A plain table: its nine headers wrap, where the grid's ran off the right edge beside the sidebar.
    st.table(shown, hide_index=True)
    ui.download_buttons(shown, f"sinergi-kebutuhan-personel-{region}", key="deployment")
st.caption(t("scenario.pattern_source", lang, name=preset.text("name", lang), source=preset.source))
if preset.text("note", lang):
    st.caption(preset.text("note", lang))
