"""The Streamlit side of the Data page: a pending upload per kind, checked once, saved on confirm."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from lib import access, geo, intake, store
from lib.core import bilingual, clock
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.core.settings import Settings
from lib.ui import cached
from lib.ui.cached import SCOPE_HASH, Scope
from lib.ui.problems import show_problem

T = TypeVar("T")
_PENDING = "_data_pending_{}"
_OUTCOME = "_data_outcome_{}"


def checked_upload(
    slot: str, uploaded: object | None, build: Callable[[bytes, str], T], *, salt: tuple[object, ...] = ()
) -> T | None:
    """Return the checked form of the file in an uploader, checking it only when it (or ``salt``) changes.

    ``build(data, filename)`` reads and checks the file (it must not write anything); its
    result, or the DataProblem it raised, is kept in the session under ``slot`` together
    with the file's digest and ``salt`` (language, data revision...). Returns None when the
    uploader is empty.

    Raises
    ------
    DataProblem
        The problem ``build`` found in this file (raised again on every rerun, cheaply).
    """
    key = _PENDING.format(slot)
    if uploaded is None:
        st.session_state.pop(key, None)
        return None
    data = uploaded.getvalue()  # type: ignore[attr-defined]
    stamp = (intake.file_digest(data), salt)
    held = st.session_state.get(key)
    if held is not None and held[0] == stamp:
        value = held[1]
    else:
        try:
            value = build(data, str(uploaded.name))  # type: ignore[attr-defined]
        except DataProblem as problem:
            value = problem
        st.session_state[key] = (stamp, value)
    if isinstance(value, DataProblem):
        raise value
    return value


def remember_outcome(slot: str, digest: str, outcome: str | DataProblem) -> None:
    """Keep what a save of the file with ``digest`` did (a text, or the problem that stopped it)."""
    st.session_state[_OUTCOME.format(slot)] = (digest, outcome)


def show_outcome(slot: str, digest: str) -> None:
    """Show what the last save of this very file did, if it was saved in this session."""
    held = st.session_state.get(_OUTCOME.format(slot))
    if held is None or held[0] != digest:
        return
    if isinstance(held[1], DataProblem):
        show_problem(held[1])
    else:
        st.success(held[1], icon=":material/check_circle:")


def _confirm(slot: str, digest: str, save: Callable[[], str]) -> None:
    """Run a save (as a button callback, before the page runs again) and keep what it did."""
    try:
        remember_outcome(slot, digest, save())
    except DataProblem as problem:
        remember_outcome(slot, digest, problem)


def confirm_button(
    slot: str,
    label: str,
    *,
    digest: str,
    save: Callable[[], str],
    allowed: bool,
    lang: str,
    disabled: bool = False,
) -> None:
    """Draw the save button of a checked upload, then what the last save of this file did.

    ``save`` stores the upload and returns the sentence saying what it did; it runs as the
    button's callback, so the page that follows already reads the new data. Callers who may
    not import see the button greyed out with the reason.
    """
    if not allowed:
        st.info(t("datapage.must_sign_in", lang), icon=":material/lock:")
    st.button(
        label,
        key=f"data_confirm_{slot}",
        type="primary",
        disabled=disabled or not allowed,
        icon=":material/save:",
        on_click=_confirm,
        args=(slot, digest, save),
    )
    show_outcome(slot, digest)


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def template_bytes(settings: Settings, kind: str, lang: str) -> bytes:
    """Return the .xlsx template of ``kind`` in ``lang`` (built once per process)."""
    bundle = cached.context(settings).bundle
    return intake.template_workbook(kind, lang, definitions=bundle.indicators, regions=bundle.regions)


def active_shapes(settings: Settings) -> tuple[geo.Boundaries | None, DataProblem | None]:
    """Return the boundaries in use (None if none) and the problem that kept them from loading."""
    try:
        return cached.current_boundaries(settings), None
    except DataProblem as problem:
        return None, problem


def _checked(
    slot: str, uploaded: object | None, build: Callable[[bytes, str], T], salt: tuple[object, ...]
) -> T | None:
    """Return :func:`checked_upload` of ``uploaded``, showing the problem it raised (then None)."""
    try:
        return checked_upload(slot, uploaded, build, salt=salt)
    except DataProblem as problem:
        show_problem(problem)
        return None


def table_check(scope: Scope, kind: str, uploaded: object | None, lang: str) -> intake.TableCheck | None:
    """Return the check of a partner's table of ``kind`` (links are checked against known ids)."""
    index = cached.region_index(scope.settings)

    def build(data: bytes, name: str) -> intake.TableCheck:
        known = intake.stakeholder_ids(scope.ctx.engine, scope.ceiling) if kind == "links" else None
        return intake.check_table(data, name, kind, index=index, known_ids=known, lang=lang)

    return _checked(f"table_{kind}", uploaded, build, (lang, scope))


def acled_check(
    scope: Scope, uploaded: object | None, shapes: geo.Boundaries | None, lang: str
) -> intake.AcledCheck | None:
    """Return the check of an ACLED export, placed by ``shapes`` when there are any."""
    index = cached.region_index(scope.settings)
    seats = intake.regency_seats(scope.ctx.bundle.regions)

    def build(data: bytes, name: str) -> intake.AcledCheck:
        return intake.check_acled(
            data, name, index=index, today=clock.today(), seats=seats, boundaries=shapes, lang=lang
        )

    return _checked("acled", uploaded, build, (lang, scope, cached.boundaries_stamp(scope.settings)))


def boundary_check(scope: Scope, uploaded: object | None, lang: str) -> intake.BoundaryCheck | None:
    """Return the check of an uploaded boundary file."""
    index = cached.region_index(scope.settings)
    return _checked(
        "boundaries",
        uploaded,
        lambda data, name: intake.check_boundaries(data, name, index=index, lang=lang),
        (lang,),
    )


def indicator_check(scope: Scope, uploaded: object | None, lang: str) -> intake.IndicatorCheck | None:
    """Return the check of an uploaded file of indicator values."""
    index = cached.region_index(scope.settings)
    definitions = scope.ctx.bundle.indicators
    return _checked(
        "indicators",
        uploaded,
        lambda data, name: intake.check_indicator_file(
            data, name, definitions=definitions, index=index, lang=lang
        ),
        (lang, scope),
    )


def save_boundaries(check: intake.BoundaryCheck, scope: Scope, caller: access.Caller, lang: str) -> str:
    """Store checked boundaries with the source and licence typed on the page; return what it did."""
    intake.save_checked_boundaries(
        check,
        scope.settings.data_dir,
        caller,
        source_text=str(st.session_state.get("data_bnd_source") or ""),
        licence_text=str(st.session_state.get("data_bnd_licence") or ""),
        lang=lang,
    )
    return t("datapage.bnd.saved", lang, levels=intake.level_names(check.imported.boundaries, lang))


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=8)
def definitions(settings: Settings) -> pd.DataFrame:
    """Return the indicators people may enter by hand (shared, only read)."""
    return intake.entered_definitions(cached.context(settings).bundle.indicators)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=8)
def indicator_values(scope: Scope) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the stored indicator values, the bundled ones and the editable ones (once per revision)."""
    rows = bilingual.in_language(store.read_indicator_values(scope.ctx.engine), scope.lang)
    return (rows, *intake.split_indicator_values(rows))


def editor_columns(settings: Settings, region_names: dict[str, str], lang: str) -> dict[str, Any]:
    """Return the column settings of the indicator editor: regencies and indicators by name."""
    headers = intake.indicator_headers(lang)
    names = intake.indicator_labels(definitions(settings), lang)
    return {
        "region_code": st.column_config.SelectboxColumn(
            headers["region_code"], options=list(REGENCY_CODES), format_func=region_names.get, required=True
        ),
        "key": st.column_config.SelectboxColumn(
            headers["key"], options=list(names), format_func=names.get, required=True
        ),
        "value": st.column_config.NumberColumn(headers["value"], required=True),
        "year": st.column_config.NumberColumn(
            headers["year"], min_value=1955, max_value=2100, step=1, format="%d", required=True
        ),
        "source": st.column_config.TextColumn(headers["source"], required=True),
        "note": st.column_config.TextColumn(headers["note"]),
    }


def save_edits(scope: Scope, edited: pd.DataFrame, caller: access.Caller, lang: str) -> bool:
    """Check and store the indicator editor's rows; show the problems; return True when saved."""
    index = cached.region_index(scope.settings)
    edits = intake.check_indicator_edits(
        edited, definitions=scope.ctx.bundle.indicators, index=index, lang=lang
    )
    if len(edits.problems):
        st.error(t("datapage.ind.problems", lang, n=len(edits.problems)), icon=":material/error:")
        st.dataframe(edits.problems, hide_index=True, key="data_ind_problems")
        return False
    stored = indicator_values(scope)[0]
    try:
        outcome = intake.save_indicator_values(
            scope.ctx.engine,
            intake.with_origins(edits.good, stored, origin=intake.ENTERED_ORIGIN),
            caller,
            origin=intake.ENTERED_ORIGIN,
            lang=lang,
        )
    except DataProblem as problem:
        show_problem(problem)
        return False
    filename = t("datapage.tab.indicators", lang)
    remember_outcome("ind_editor", "editor", intake.outcome_text(outcome, filename, lang))
    return True


def place_names(scope: Scope) -> dict[str, str]:
    """Return every known region code's name as a person reads it (:func:`lib.ui.cached.place_names`)."""
    return cached.place_names(scope.settings, scope.lang)
