import pandas as pd
import streamlit as st

from lib import politics
from lib.core import formats
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import page as ui
from lib.ui import politics as ui_politics
from lib.ui.problems import stop_with

page = ui.this_page()
lang = page.lang
view = page.view
st.title(t("politics.title", lang))
ui.focus_banner(view, page.regions)
st.caption(t("politics.intro", lang))

seen = ui_politics.forces(page.scope, view.election)
if seen.contests.empty:
    stop_with(
        DataProblem(
            t("politics.no_contests", lang, election=page.election["name"]),
            t("politics.no_contests_fix", lang),
        )
    )

st.subheader(t("politics.flags", lang))
st.caption(t("politics.flags_caption", lang, pp=formats.number(politics.NARROW_MARGIN_PP, lang)))
flags = ui_politics.flag_table(page.scope, view.election, view.focus)
if not (flags[t("politics.col.flag", lang)] == t("politics.flag.single_candidate", lang)).any():
    st.caption(t("politics.no_single", lang))
ui_politics.draw_flag_groups(flags, lang)
flags_box = st.expander(t("politics.flags_table", lang), key="politics_flags_open", on_change="rerun")
with flags_box:
    if flags_box.open:  # a closed box sends no table
        st.dataframe(
            flags, hide_index=True, key="politics_flags", **ui_politics.fitted(ui_politics.FLAG_WIDTHS, lang)
        )

province = seen.contests[seen.contests["region_code"] == politics.PROVINCE]
if not province.empty:
    contest = str(province["contest"].iloc[0])
    st.subheader(t("politics.balance", lang, contest=contest))
    if view.focus:
        ui_politics.focus_metrics(page, contest)
    measure = st.radio(
        t("politics.measure", lang),
        list(ui_politics.MEASURES),
        format_func=lambda m: t(f"politics.measure.{m}", lang),
        horizontal=True,
        key="politics_measure",
    )
    st.caption(t("politics.balance_caption", lang))
    try:
        build = ui_politics.draw_balance_map(page, contest, measure, key="politics_map")
    except DataProblem as problem:
        stop_with(problem)
    ui.chart_downloads(
        build,
        f"sinergi-kekuatan-{measure}",
        key="politics_map_download",
        drawn_from=lambda: (seen.pairs, seen.coalitions, seen.results),
    )
    st.dataframe(
        politics.balance_table(
            ui_politics.balance(page.scope, view.election, contest), ui_politics.region_names(page), lang
        ),
        hide_index=True,
        key="politics_balance",
        **ui_politics.fitted(ui_politics.BALANCE_WIDTHS, lang),
    )

st.subheader(t("politics.contests", lang))
if seen.seats.empty:
    st.info(t("politics.no_seats", lang), icon=":material/info:")
tables = ui_politics.contest_sections(page, seen)

st.subheader(t("politics.export", lang))
st.caption(t("politics.export_forces", lang))
forces_rows = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame()
ui.download_buttons(forces_rows, f"sinergi-kekuatan-politik-{view.focus or 'bali'}", key="politics_forces_dl")
st.caption(t("politics.export_coalitions", lang))
coalitions = politics.coalitions_table(seen, view.focus, ui_politics.region_names(page), lang)
ui.download_buttons(coalitions, f"sinergi-koalisi-{view.focus or 'bali'}", key="politics_coalitions_dl")
