import pandas as pd
import streamlit as st

from lib import access, geo, intake
from lib.core.i18n import t
from lib.core.text import escape
from lib.ui import cached, election_setup
from lib.ui import data as ui_data
from lib.ui import page as ui
from lib.ui.problems import show_problem

page = ui.this_page()
TABLE_MB = intake.MAX_BYTES // 1_000_000
BOUNDARY_MB = geo.MAX_BYTES // 1_000_000
lang = page.lang
engine = page.ctx.engine
settings = page.ctx.settings
allowed = access.can(page.caller, "data.import")
index = cached.region_index(page.ctx.settings)
names = dict(zip(page.regions["code"], page.regions["name"], strict=True))

st.title(t("datapage.title", lang))
st.caption(t("datapage.intro", lang))
tables_tab, acled_tab, boundaries_tab, indicators_tab, elections_tab, downloads_tab = st.tabs(
    [
        t("datapage.tab.tables", lang),
        t("datapage.tab.acled", lang),
        t("datapage.tab.boundaries", lang),
        t("datapage.tab.indicators", lang),
        t("datapage.tab.elections", lang),
        t("datapage.tab.downloads", lang),
    ]
)
shapes, shapes_problem = ui_data.active_shapes(settings)
place_names = ui_data.place_names(page.scope)

# ---------------------------------------------------------------- 1. partner tables
with tables_tab:
    kind = st.radio(
        t("datapage.kind", lang),
        intake.KINDS,
        format_func=lambda k: t(f"datapage.kind.{k}", lang),
        horizontal=True,
        key="data_kind",
    )
    if kind == "links":
        st.caption(t("datapage.links_hint", lang))
    uploaded = st.file_uploader(
        t("datapage.upload.table", lang, kind=t(f"import.kind.{kind}", lang)),
        help=t("datapage.upload.help", lang),
        max_upload_size=TABLE_MB,
        key=f"data_upload_{kind}",
    )
    ui.upload_hint(lang, kinds="CSV, TXT, TSV, XLSX", limit_mb=TABLE_MB)
    check = ui_data.table_check(page.scope, kind, uploaded, lang)
    if check is not None:
        result = check.result
        st.caption(escape(intake.describe_read(check.read, lang)))
        st.info(escape(intake.summary(result, lang)), icon=":material/fact_check:")
        st.subheader(t("datapage.good", lang, n=len(result.good)))
        st.dataframe(
            intake.good_preview(result, lang, region_names=place_names),
            hide_index=True,
            key="data_good_preview",
        )
        if result.problems:
            st.subheader(t("datapage.bad", lang, n=len(result.rejected_rows)))
            st.caption(t("datapage.bad_caption", lang))
            st.dataframe(intake.problems_frame(result.problems, lang), hide_index=True, key="data_problems")
        ui_data.confirm_button(
            f"table_{kind}",
            t("datapage.confirm", lang, n=len(result.good)),
            digest=check.digest,
            save=lambda c=check: intake.outcome_text(
                intake.save_table(engine, c, page.caller, lang=lang), c.filename, lang
            ),
            allowed=allowed,
            lang=lang,
            disabled=result.good.empty,
        )

# ---------------------------------------------------------------- 2. ACLED
with acled_tab:
    st.caption(t("datapage.acled.intro", lang))
    polygons = intake.regency_polygons(shapes)
    st.caption(
        t("datapage.acled.placement" if polygons is not None else "datapage.acled.placement_seats", lang)
    )
    st.caption(t("datapage.acled.rule", lang))
    uploaded = st.file_uploader(
        t("datapage.acled.upload", lang),
        max_upload_size=TABLE_MB,
        key="data_upload_acled",
    )
    ui.upload_hint(lang, kinds="CSV, XLSX", limit_mb=TABLE_MB)
    acled = ui_data.acled_check(page.scope, uploaded, shapes, lang)
    if acled is not None:
        found = acled.imported
        st.info(
            t(
                "datapage.acled.skipped",
                lang,
                countries=found.skipped_other_countries,
                provinces=found.skipped_other_provinces,
            ),
            icon=":material/filter_alt:",
        )
        if found.missing_columns:
            missing = ", ".join(found.missing_columns)
            st.info(t("datapage.acled.missing", lang, columns=missing), icon=":material/view_column:")
        if found.province_rows:
            rows = ", ".join(str(r) for r in found.province_rows)
            province = t("datapage.acled.province", lang, n=len(found.province_rows), rows=rows)
            st.warning(province, icon=":material/public:")
        if found.approximate_rows:
            rows = ", ".join(str(r) for r in found.approximate_rows)
            st.warning(t("datapage.acled.approximate", lang, rows=rows), icon=":material/near_me:")
        st.subheader(t("datapage.acled.good", lang, n=len(found.events)))
        st.dataframe(
            intake.acled_preview(found, lang, region_names=place_names),
            hide_index=True,
            key="data_acled_preview",
        )
        if found.problems:
            st.subheader(t("datapage.bad", lang, n=len({p.row for p in found.problems})))
            st.dataframe(
                intake.problems_frame(found.problems, lang), hide_index=True, key="data_acled_problems"
            )
        ui_data.confirm_button(
            "acled",
            t("datapage.confirm", lang, n=len(found.events)),
            digest=acled.digest,
            save=lambda c=acled: intake.outcome_text(
                intake.save_acled(engine, c, page.caller, lang=lang), c.filename, lang
            ),
            allowed=allowed,
            lang=lang,
            disabled=found.events.empty,
        )

# ---------------------------------------------------------------- 3. boundaries
with boundaries_tab:
    status = st.container()
    uploaded = st.file_uploader(
        t("datapage.bnd.upload", lang),
        help=t("datapage.bnd.upload_help", lang),
        max_upload_size=BOUNDARY_MB,
        key="data_upload_boundaries",
    )
    ui.upload_hint(lang, kinds="GeoJSON, GeoPackage, Shapefile (ZIP)", limit_mb=BOUNDARY_MB)
    bounds = ui_data.boundary_check(page.scope, uploaded, lang)
    if bounds is not None:
        counts = intake.boundary_counts(bounds.imported)
        cols = st.columns(4)
        for col, name in zip(cols, ("repaired", "unmatched", "duplicates", "missing"), strict=True):
            col.metric(t(f"datapage.bnd.{name}", lang), counts[name])
        st.dataframe(
            intake.boundary_levels(bounds.imported, index, lang), hide_index=True, key="data_bnd_levels"
        )
        with st.expander(
            t("datapage.bnd.report", lang), expanded=bool(counts["unmatched"] or counts["missing"])
        ):
            for note in bounds.imported.notes:
                st.text(note)
        source_text = st.text_input(
            t("datapage.bnd.source", lang), help=t("datapage.bnd.source_help", lang), key="data_bnd_source"
        )
        licence_text = st.text_input(
            t("datapage.bnd.licence", lang), help=t("datapage.bnd.licence_help", lang), key="data_bnd_licence"
        )
        if not (source_text.strip() and licence_text.strip()):
            st.caption(t("datapage.bnd.need_texts", lang))
        elif shapes is not None:
            st.caption(t("datapage.bnd.replace_note", lang))
        ui_data.confirm_button(
            "boundaries",
            t("datapage.bnd.confirm", lang),
            digest=bounds.digest,
            save=lambda c=bounds: ui_data.save_boundaries(c, page.scope, page.caller, lang),
            allowed=allowed,
            lang=lang,
        )
    with status:
        where = intake.active_boundaries(settings.data_dir, settings.boundaries_dir)
        if shapes_problem is not None:
            show_problem(shapes_problem)
        elif shapes is None:
            st.info(t("datapage.bnd.active.none", lang), icon=":material/map:")
        else:
            st.info(
                t(f"datapage.bnd.active.{where}", lang, levels=intake.level_names(shapes, lang)),
                icon=":material/map:",
            )
            st.caption(
                escape(
                    t(
                        "datapage.bnd.provenance",
                        lang,
                        source=shapes.source or t("common.unknown", lang),
                        licence=shapes.licence or t("common.unknown", lang),
                    )
                )
            )

# ---------------------------------------------------------------- 4. indicator values
with indicators_tab:
    st.caption(t("datapage.ind.intro", lang))
    stored, bundled_values, editable = ui_data.indicator_values(page.scope)
    headers = intake.indicator_headers(lang)
    with st.expander(t("datapage.ind.bundled", lang, n=len(bundled_values))):
        st.dataframe(
            bundled_values.rename(columns=headers),
            hide_index=True,
            column_config={headers["source"]: st.column_config.LinkColumn(headers["source"])},
            key="data_ind_bundled",
        )
    st.subheader(t("datapage.ind.entered", lang))
    st.caption(t("datapage.ind.editor_help", lang))
    ui_data.show_outcome("ind_editor", "editor")
    version = st.session_state.get("_data_ind_version", 0)
    with st.form("data_ind_form", border=False):
        edited = st.data_editor(
            editable,
            num_rows="add",
            disabled=not allowed,
            width="stretch",
            column_config=ui_data.editor_columns(settings, names, lang),
            key=f"data_ind_editor_{version}",
        )
        submitted = st.form_submit_button(t("datapage.ind.save", lang), disabled=not allowed, type="primary")
    if not allowed:
        st.info(t("datapage.must_sign_in", lang), icon=":material/lock:")
    if submitted and ui_data.save_edits(page.scope, pd.DataFrame(edited), page.caller, lang):
        st.session_state["_data_ind_version"] = version + 1
        st.rerun()
    st.caption(t("datapage.ind.note", lang))

    st.subheader(t("datapage.ind.import", lang))
    uploaded = st.file_uploader(
        t("datapage.ind.upload", lang),
        max_upload_size=TABLE_MB,
        key="data_upload_indicators",
    )
    ui.upload_hint(lang, kinds="CSV, TXT, TSV, XLSX", limit_mb=TABLE_MB)
    values_check = ui_data.indicator_check(page.scope, uploaded, lang)
    if values_check is not None:
        st.subheader(t("datapage.good", lang, n=len(values_check.good)))
        st.dataframe(values_check.good.rename(columns=headers), hide_index=True, key="data_ind_file_good")
        if len(values_check.problems):
            st.subheader(t("datapage.bad", lang, n=values_check.problems.iloc[:, 0].nunique()))
            st.dataframe(values_check.problems, hide_index=True, key="data_ind_file_problems")
        ui_data.confirm_button(
            "indicators",
            t("datapage.confirm", lang, n=len(values_check.good)),
            digest=values_check.digest,
            save=lambda c=values_check: intake.outcome_text(
                intake.save_indicator_values(
                    engine, c.good, page.caller, origin=f"import:{c.filename}", lang=lang
                ),
                c.filename,
                lang,
            ),
            allowed=allowed,
            lang=lang,
            disabled=values_check.good.empty,
        )

# ---------------------------------------------------------------- 5. elections (stages, contests, pairs)
with elections_tab:
    election_setup.draw(page)

# ---------------------------------------------------------------- 6. downloads
with downloads_tab:
    st.subheader(t("datapage.dl.templates", lang))
    st.caption(t("datapage.dl.templates_caption", lang))
    cols = st.columns(2)
    for position, template_kind in enumerate(intake.TEMPLATE_KINDS):
        cols[position % 2].download_button(
            t("datapage.dl.template", lang, kind=t(f"datapage.kind.{template_kind}", lang)),
            ui_data.template_bytes(page.ctx.settings, template_kind, lang),
            file_name=intake.template_filename(template_kind, lang),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"data_template_{template_kind}",
            on_click="ignore",
            icon=":material/download:",
        )
    st.subheader(t("datapage.dl.current", lang))
    st.caption(t("datapage.dl.current_caption", lang))
    current = {
        "events": page.events(),
        "stakeholders": cached.stakeholders(page.scope),
        "links": cached.links(page.scope),
        "indicator_values": stored,
    }
    for current_kind, frame in current.items():
        st.markdown(t("datapage.dl.rows", lang, kind=t(f"datapage.kind.{current_kind}", lang), n=len(frame)))
        ui.download_buttons(
            frame, f"sinergi-{current_kind.replace('_', '-')}", key=f"data_current_{current_kind}"
        )
