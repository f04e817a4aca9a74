"""The Data page's Elections tab: set up an election, its stages, contests, pairs, coalitions and figures.

The election is typed into a form; each table is imported from a file (or, for the stages, typed into
a table), checked row by row and shown; nothing is stored until the one save button, which stores it
all in one transaction (:func:`lib.intake.save_setup`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from lib import access, intake, politics, store
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import PROVINCE, REGENCY_CODES
from lib.core.text import escape
from lib.ui import cached
from lib.ui import data as ui_data
from lib.ui import page as ui
from lib.ui import politics as ui_politics
from lib.ui.page import Page
from lib.ui.problems import show_problem

TABLE_MB = intake.MAX_BYTES // 1_000_000
FIELDS: tuple[str, ...] = ("name_id", "name_en", "id", "level", "voting_day", "scope", "source", "note")
"""The election's form fields; each widget's key is ``es_<field>``."""
IMPORTED: tuple[str, ...] = ("contests", "pairs", "coalitions", "figures")
"""The tables imported from files after the stages, each checked against the ones before it."""


def _prefill(engine: Engine, bundled: frozenset[str]) -> None:
    """Put the chosen election's stored values into the form (a new election starts empty)."""
    chosen = st.session_state.get("es_target") or ""
    for name in FIELDS:
        st.session_state.pop(f"es_{name}", None)
    if not chosen or chosen in bundled:
        return
    stored = store.read_table(engine, store.elections)
    row = stored[stored["id"] == chosen].iloc[0]
    values = {
        "name_id": row["name"],
        "name_en": row["name_en"] or "",
        "id": row["id"],
        "level": row["level"],
        "voting_day": row["voting_day"],
        "scope": row["scope"],
        "source": row["source"],
        "note": row["note"] or "",
    }
    st.session_state.update({f"es_{k}": v for k, v in values.items()})


def _form(page: Page, names: Mapping[str, str], existing: bool) -> dict[str, object]:
    """Draw the election's form; return what it holds."""
    lang = page.lang
    left, right = st.columns(2)
    left.text_input(t("setup.form.name_id", lang), key="es_name_id", placeholder="Pemilu 2029")
    right.text_input(t("setup.form.name_en", lang), key="es_name_en", placeholder="2029 general election")
    left.selectbox(
        t("setup.form.level", lang),
        politics.ELECTION_LEVELS,
        format_func=lambda v: t(f"setup.level.{v}", lang),
        key="es_level",
    )
    right.date_input(
        t("setup.form.voting_day", lang),
        value=None,
        min_value=dt.date(1999, 1, 1),
        max_value=dt.date(2100, 12, 31),
        format="DD/MM/YYYY",
        key="es_voting_day",
    )
    left.selectbox(
        t("setup.form.scope", lang), (PROVINCE, *REGENCY_CODES), format_func=names.get, key="es_scope"
    )
    name = str(st.session_state.get("es_name_id") or "")
    right.text_input(
        t("setup.form.id", lang),
        key="es_id",
        placeholder=intake.election_id_for(name) if name else "pemilu-2029",
        help=t("setup.form.id_help", lang),
        disabled=existing,
    )
    st.text_input(t("setup.form.source", lang), key="es_source")
    st.text_input(t("setup.form.note", lang), key="es_note")
    st.caption(t("setup.form.revote", lang))
    return {name: st.session_state.get(f"es_{name}") for name in FIELDS}


def _show(check: intake.TableCheck | None, page: Page) -> None:
    """Draw a checked table: how it was read, what will be saved and which rows were refused, and why."""
    if check is None:
        return
    lang, result = page.lang, check.result
    if check.read.get("format"):
        st.caption(escape(intake.describe_read(check.read, lang)))
    st.info(escape(intake.summary(result, lang)), icon=":material/fact_check:")
    st.markdown(f"**{t('datapage.good', lang, n=len(result.good))}**")
    if len(result.good):
        preview = intake.good_preview(result, lang, region_names=ui_data.place_names(page.scope))
        st.dataframe(preview, hide_index=True, key=f"es_good_{check.kind}")
    if result.problems:
        st.markdown(f"**{t('datapage.bad', lang, n=len(result.rejected_rows))}**")
        st.dataframe(
            intake.problems_frame(result.problems, lang), hide_index=True, key=f"es_problems_{check.kind}"
        )


def _file(page: Page, kind: str, setup: intake.SetupScope) -> intake.TableCheck | None:
    """Draw the uploader of one table and return its check (None while empty or unreadable)."""
    lang = page.lang
    uploaded = st.file_uploader(
        t("datapage.upload.table", lang, kind=t(f"import.kind.{kind}", lang)),
        max_upload_size=TABLE_MB,
        key=f"es_upload_{kind}",
    )
    ui.upload_hint(lang, kinds="CSV, TXT, TSV, XLSX", limit_mb=TABLE_MB)
    index = cached.region_index(page.ctx.settings)

    def build(data: bytes, name: str) -> intake.TableCheck:
        return intake.check_setup_file(data, name, kind, index=index, setup=setup, lang=lang)

    try:
        return ui_data.checked_upload(f"es_{kind}", uploaded, build, salt=(lang, page.scope, setup))
    except DataProblem as problem:
        show_problem(problem)
        return None


def _editor(page: Page, election_id: str, setup: intake.SetupScope) -> intake.TableCheck | None:
    """Draw the table to type stages into (the election's stored ones to start with); return its check."""
    lang = page.lang
    stages = page.reference("election_stages")
    mine = stages[stages["election_id"] == election_id]
    start = pd.DataFrame(
        {
            "name_id": pd.array(mine.get("name_id", []), dtype="string"),
            "name_en": pd.array(mine.get("name_en", []), dtype="string"),
            "start": pd.Series(list(mine.get("start", [])), dtype=object),
            "end": pd.Series(list(mine.get("end", [])), dtype=object),
            "source": pd.array(mine.get("source", []), dtype="string"),
        }
    )
    header = {f: intake.header_label("stages", f, lang) for f in intake.STAGE_EDITOR_COLUMNS}
    edited = st.data_editor(
        start,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "name_id": st.column_config.TextColumn(header["name_id"], required=True),
            "name_en": st.column_config.TextColumn(header["name_en"]),
            "start": st.column_config.DateColumn(header["start"], format="DD/MM/YYYY", required=True),
            "end": st.column_config.DateColumn(header["end"], format="DD/MM/YYYY"),
            "source": st.column_config.TextColumn(header["source"]),
        },
        key=f"es_stage_editor_{election_id}",
    )
    index = cached.region_index(page.ctx.settings)
    return intake.check_stage_edits(pd.DataFrame(edited), index=index, setup=setup, lang=lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _template(kind: str, regions: tuple[tuple[str, str], ...], lang: str) -> bytes:
    """Return the .xlsx template of an election's ``kind`` (built once per language)."""
    return intake.setup_template(kind, dict(regions), lang)


def _templates(page: Page, names: Mapping[str, str]) -> None:
    """Offer the templates of the stages and of every imported table."""
    lang = page.lang
    with st.expander(t("setup.templates", lang), icon=":material/download:"):
        st.caption(t("setup.templates_caption", lang))
        row = st.container(horizontal=True)
        for kind in ("stages", *IMPORTED):
            row.download_button(
                t("import.kind." + kind, lang).capitalize(),
                _template(kind, tuple(names.items()), lang),
                file_name=intake.setup_template_filename(kind, lang),
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key=f"es_template_{kind}",
                on_click="ignore",
                icon=":material/download:",
            )


def _save(page: Page, draft: intake.SetupDraft, bundled: frozenset[str]) -> str:
    """Store the draft (the confirm button's callback); keep the form on the saved election."""
    outcome = intake.save_setup(page.ctx.engine, draft, page.caller, bundled=bundled, lang=page.lang)
    st.session_state["es_target"] = draft.election["id"]
    return intake.setup_outcome_text(outcome, str(draft.election["name"]), page.lang)


def draw(page: Page) -> None:
    """Draw the Elections tab of the Data page."""
    lang = page.lang
    allowed = access.can(page.caller, "election.setup")
    bundled = frozenset(str(i) for i in page.ctx.bundle.elections["id"])
    names = {str(c): str(n) for c, n in zip(page.regions["code"], page.regions["name"], strict=True)}
    st.caption(t("setup.intro", lang))
    own = [str(i) for i in page.elections["id"] if str(i) not in bundled]
    titles = dict(zip(page.elections["id"], page.elections["name"], strict=True))
    target = st.selectbox(
        t("setup.target", lang),
        ["", *own],
        format_func=lambda i: titles.get(i, i) if i else t("setup.target.new", lang),
        key="es_target",
        on_change=_prefill,
        args=(page.ctx.engine, bundled),
    )
    _templates(page, names)
    fields = _form(page, names, bool(target))
    if target:  # a stored election keeps its id whatever its name becomes
        fields["id"] = target
    election = intake.check_election(fields, bundled=bundled, lang=lang)
    if election.row is None:
        st.info(
            t("setup.still_needed", lang, items="; ".join(election.problems)), icon=":material/edit_note:"
        )
        return
    row = election.row
    forces = ui_politics.forces(page.scope, str(row["id"]))
    checks: dict[str, intake.TableCheck | None] = {}
    st.subheader(t("setup.stages", lang))
    mode = st.radio(
        t("setup.stages.how", lang),
        ("file", "editor"),
        format_func=lambda m: t(f"setup.stages.{m}", lang),
        horizontal=True,
        key="es_stage_mode",
    )
    setup = intake.setup_scope(row, forces=forces, drafts=checks)
    if mode == "file":
        st.caption(t("setup.stages.file_hint", lang))
        checks["stages"] = _file(page, "stages", setup)
    else:
        checks["stages"] = _editor(page, str(row["id"]), setup)
    _show(checks["stages"], page)
    for kind in IMPORTED:
        st.subheader(t(f"setup.section.{kind}", lang))
        setup = intake.setup_scope(row, forces=forces, drafts=checks)
        checks[kind] = _file(page, kind, setup)
        _show(checks[kind], page)
    draft = intake.build_draft(row, checks)
    st.subheader(t("setup.save", lang))
    st.caption(t("setup.save_caption", lang, tables=_draft_summary(draft, lang)))
    digest = intake.file_digest(
        repr((sorted(row.items()), [c.digest for c in checks.values() if c])).encode()
    )
    ui_data.confirm_button(
        "election",
        t("setup.confirm", lang, name=row["name"]),
        digest=digest,
        save=lambda: _save(page, draft, bundled),
        allowed=allowed,
        lang=lang,
    )


def _draft_summary(draft: intake.SetupDraft, lang: str) -> str:
    """Return what the save would store, table by table ("stages 6, contests 1 …")."""
    parts = [t(f"setup.count.{table}", lang, n=len(rows)) for table, rows in draft.tables.items()]
    return ", ".join(parts) or t("setup.count.none", lang)
