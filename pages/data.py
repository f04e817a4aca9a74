import datetime as dt

import pandas as pd
import streamlit as st

from lib import access, intake, store
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.ui import cached
from lib.ui import data as ui_data
from lib.ui import page as ui

page = ui.this_page()
lang = page.lang
engine = page.ctx.engine
settings = page.ctx.settings
bundle = page.ctx.bundle
allowed = access.can(page.caller, "data.import")
index = cached.region_index(page.ctx.settings)
names = dict(zip(page.regions["code"], page.regions["name"], strict=True))

st.title(t("datapage.title", lang))
st.caption(t("datapage.intro", lang))
tables_tab, acled_tab, boundaries_tab, indicators_tab, downloads_tab = st.tabs(
    [
        t("datapage.tab.tables", lang),
        t("datapage.tab.acled", lang),
        t("datapage.tab.boundaries", lang),
        t("datapage.tab.indicators", lang),
        t("datapage.tab.downloads", lang),
    ]
)


def saved(slot: str, digest: str, outcome: store.WriteOutcome, filename: str) -> None:
    ui_data.remember_outcome(slot, digest, intake.outcome_text(outcome, filename, lang))


def save_boundaries(check: intake.BoundaryCheck) -> str:
    intake.save_checked_boundaries(
        check,
        settings.data_dir,
        page.caller,
        source_text=str(st.session_state.get("data_bnd_source") or ""),
        licence_text=str(st.session_state.get("data_bnd_licence") or ""),
        lang=lang,
    )
    return t("datapage.bnd.saved", lang, levels=intake.level_names(check.imported.boundaries, lang))


def active_shapes():
    try:
        return cached.current_boundaries(settings), None
    except DataProblem as problem:
        return None, problem


shapes, shapes_problem = active_shapes()

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
        key=f"data_upload_{kind}",
    )
    try:
        check = ui_data.checked_upload(
            f"table_{kind}",
            uploaded,
            lambda data, name: intake.check_table(
                data,
                name,
                kind,
                index=index,
                known_ids=intake.stakeholder_ids(engine, page.ceiling) if kind == "links" else None,
                lang=lang,
            ),
            salt=(lang, page.rev),
        )
    except DataProblem as problem:
        ui_data.show_problem(problem)
        check = None
    if check is not None:
        result = check.result
        st.caption(intake.plain(intake.describe_read(check.read, lang)))
        st.info(intake.plain(intake.summary(result, lang)), icon=":material/fact_check:")
        st.subheader(t("datapage.good", lang, n=len(result.good)))
        st.dataframe(intake.good_preview(result, lang), hide_index=True, key="data_good_preview")
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
    uploaded = st.file_uploader(t("datapage.acled.upload", lang), key="data_upload_acled")
    try:
        acled = ui_data.checked_upload(
            "acled",
            uploaded,
            lambda data, name: intake.check_acled(
                data,
                name,
                index=index,
                today=dt.date.today(),
                seats=intake.regency_seats(page.regions),
                boundaries=shapes,
                lang=lang,
            ),
            salt=(lang, page.rev, cached.boundaries_stamp(settings)),
        )
    except DataProblem as problem:
        ui_data.show_problem(problem)
        acled = None
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
        if found.approximate_rows:
            rows = ", ".join(str(r) for r in found.approximate_rows)
            st.warning(t("datapage.acled.approximate", lang, rows=rows), icon=":material/near_me:")
        st.subheader(t("datapage.acled.good", lang, n=len(found.events)))
        st.dataframe(intake.acled_preview(found, lang), hide_index=True, key="data_acled_preview")
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
        t("datapage.bnd.upload", lang), help=t("datapage.bnd.upload_help", lang), key="data_upload_boundaries"
    )
    try:
        bounds = ui_data.checked_upload(
            "boundaries",
            uploaded,
            lambda data, name: intake.check_boundaries(data, name, index=index, lang=lang),
            salt=(lang,),
        )
    except DataProblem as problem:
        ui_data.show_problem(problem)
        bounds = None
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
            save=lambda c=bounds: save_boundaries(c),
            allowed=allowed,
            lang=lang,
        )
    with status:
        where = intake.active_boundaries(settings.data_dir, settings.boundaries_dir)
        if shapes_problem is not None:
            ui_data.show_problem(shapes_problem)
        elif shapes is None:
            st.info(t("datapage.bnd.active.none", lang), icon=":material/map:")
        else:
            st.info(
                t(f"datapage.bnd.active.{where}", lang, levels=intake.level_names(shapes, lang)),
                icon=":material/map:",
            )
            st.caption(
                intake.plain(
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
    definitions = cached.shared(
        lambda: intake.entered_definitions(bundle.indicators),
        ("data_definitions", str(settings.bundled_dir)),
    )
    label = "label_id" if lang == "id" else "label_en"
    indicator_names = dict(zip(definitions["key"], definitions[label], strict=True))

    def indicator_values():
        rows = store.read_indicator_values(engine)
        return (rows, *intake.split_indicator_values(rows))

    # Read once per data revision (every write bumps it), not on every rerun; only read here.
    stored, bundled_values, editable = cached.shared(indicator_values, ("data_indicators", page.scope))
    headers = {f: intake.indicator_header(f, lang) for f in (*intake.INDICATOR_FIELDS, "origin")}
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
            column_config={
                "region_code": st.column_config.SelectboxColumn(
                    headers["region_code"], options=list(REGENCY_CODES), format_func=names.get, required=True
                ),
                "key": st.column_config.SelectboxColumn(
                    headers["key"],
                    options=list(indicator_names),
                    format_func=indicator_names.get,
                    required=True,
                ),
                "value": st.column_config.NumberColumn(headers["value"], required=True),
                "year": st.column_config.NumberColumn(
                    headers["year"], min_value=1955, max_value=2100, step=1, format="%d", required=True
                ),
                "source": st.column_config.TextColumn(headers["source"], required=True),
                "note": st.column_config.TextColumn(headers["note"]),
            },
            key=f"data_ind_editor_{version}",
        )
        submitted = st.form_submit_button(t("datapage.ind.save", lang), disabled=not allowed, type="primary")
    if not allowed:
        st.info(t("datapage.must_sign_in", lang), icon=":material/lock:")
    if submitted:
        edits = intake.check_indicator_edits(
            pd.DataFrame(edited), definitions=bundle.indicators, index=index, lang=lang
        )
        if len(edits.problems):
            st.error(t("datapage.ind.problems", lang, n=len(edits.problems)), icon=":material/error:")
            st.dataframe(edits.problems, hide_index=True, key="data_ind_problems")
        else:
            try:
                outcome = intake.save_indicator_values(
                    engine,
                    intake.with_origins(edits.good, stored, origin=intake.ENTERED_ORIGIN),
                    page.caller,
                    origin=intake.ENTERED_ORIGIN,
                    lang=lang,
                )
            except DataProblem as problem:
                ui_data.show_problem(problem)
            else:
                st.session_state["_data_ind_version"] = version + 1
                saved("ind_editor", "editor", outcome, t("datapage.tab.indicators", lang))
                st.rerun()
    st.caption(t("datapage.ind.note", lang))

    st.subheader(t("datapage.ind.import", lang))
    uploaded = st.file_uploader(t("datapage.ind.upload", lang), key="data_upload_indicators")
    try:
        values_check = ui_data.checked_upload(
            "indicators",
            uploaded,
            lambda data, name: intake.check_indicator_file(
                data, name, definitions=bundle.indicators, index=index, lang=lang
            ),
            salt=(lang, page.rev),
        )
    except DataProblem as problem:
        ui_data.show_problem(problem)
        values_check = None
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

# ---------------------------------------------------------------- 5. downloads
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
