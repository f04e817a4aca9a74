"""Streamlit helpers every page shares: the view state in the URL, the sidebar, problems on screen."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable, Sequence
from typing import NoReturn

import altair as alt
import pandas as pd
import streamlit as st

from lib import access, intake, store
from lib.access import Caller
from lib.core import clock, viewstate
from lib.core.elections import default_election
from lib.core.i18n import LANGUAGE_NAMES, LANGUAGES, t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.core.settings import load_settings
from lib.core.viewstate import ViewState
from lib.ui import access as ui_access
from lib.ui import cached, exports, problems
from lib.ui.cached import Context

_PENDING = "_view_pending"
_NOTICES = "_view_notices"
_INIT = "_view_initialised"
# Session keys of the view fields that are not sidebar widgets.
_FIELD_KEYS = {
    "layers": "view_layers",
    "weights": "view_weights",
    "scenario": "view_scenario",
    "brush": "view_brush",
}


def lang() -> str:
    """Return the language of this session's view."""
    view = st.session_state.get(_VIEW)
    value = st.session_state.get("lang") or (view.lang if view else st.query_params.get("lang", "id"))
    return value if value in LANGUAGES else "id"


_VIEW = "_view"
_RESET = "_view_reset"


def _period_widgets(period: str) -> None:
    """Put ``period`` into the session keys of the period widgets."""
    span = viewstate.parse_range(period)
    if span:
        st.session_state["period_choice"] = "custom"
        st.session_state["period_range"] = span
    else:
        st.session_state["period_choice"] = period


def init_view(election_ids: list[str], default_election: str) -> ViewState:
    """Return the session's view: read from the URL on its first run, then kept in the session.

    The view is kept under its own key, not only in widget state, because Streamlit forgets
    the state of widgets on a page switch; the widgets are seeded from it on every run.
    """
    view = st.session_state.get(_VIEW)
    if view is None:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        view = viewstate.decode(
            params,
            elections=election_ids,
            regions=REGENCY_CODES,
            default_election=default_election,
        )
        st.session_state[_NOTICES] = list(view.notices)
        view = view.with_()
    for key in st.session_state.pop(_RESET, ()) or ():
        st.session_state.pop(widget_key(key), None)
        st.session_state[f"_generation_{key}"] = st.session_state.get(f"_generation_{key}", 0) + 1
    pending = st.session_state.pop(_PENDING, None)
    if pending:
        view = view.with_(**pending)
        for key in ("lang", "election", "focus", "period_choice", "period_range"):
            st.session_state.pop(key, None)
    if view.election not in election_ids:
        view = view.with_(election=default_election)
    st.session_state[_VIEW] = view
    seeds = {"lang": view.lang, "election": view.election, "focus": view.focus or ""}  # "" = all of Bali
    for key, value in seeds.items():
        if key not in st.session_state:
            st.session_state[key] = value
    if "period_choice" not in st.session_state:
        _period_widgets(view.period)
    return view


def _widget_view(view: ViewState) -> ViewState:
    """Return ``view`` updated with what the sidebar widgets hold now."""
    choice = st.session_state.get("period_choice", "all")
    period = choice
    if choice == "custom":
        span = st.session_state.get("period_range")
        if isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(d, dt.date) for d in span):
            period = viewstate.format_range(span[0], span[1])
        else:
            period = view.period if viewstate.parse_range(view.period) else "all"
    return view.with_(
        election=st.session_state.get("election", view.election),
        period=period,
        focus=st.session_state.get("focus", view.focus) or None,
        lang=lang(),
    )


def current() -> ViewState:
    """Return the view of this run."""
    return st.session_state.get(_VIEW) or ViewState()


def widget_key(base: str) -> str:
    """Return the current key of a widget that a view change may reset (e.g. a chart's selection).

    The browser keeps a chart's selection until the chart gets a new key, so a reset moves the
    widget to a new key instead of only forgetting its state.
    """
    generation = st.session_state.get(f"_generation_{base}", 0)
    return base if generation == 0 else f"{base}_{generation}"


def queue_view(*, reset: tuple[str, ...] = (), **changes: object) -> None:
    """Change the view at the start of the next run: use it as a button's ``on_click``.

    ``reset`` names widget keys (e.g. a chart's selection) to forget before the next run.
    """
    st.session_state[_PENDING] = {**st.session_state.get(_PENDING, {}), **changes}
    st.session_state[_RESET] = (*st.session_state.get(_RESET, ()), *reset)


def request_view(*, reset: tuple[str, ...] = (), **changes: object) -> NoReturn:
    """Change the view (e.g. a map click focuses a regency) and rerun so every widget follows."""
    queue_view(reset=reset, **changes)
    st.rerun()


def set_field(name: str, value: object) -> None:
    """Change a view field (layers, weights, scenario, brush) within this run, and the URL with it."""
    view = current().with_(**{name: value})
    st.session_state[_VIEW] = view
    page = st.session_state.get("_page")
    if page is not None:
        page.view = view
        sync_url(view, page.default_election, token=ui_access.share_token())


def sync_url(view: ViewState, default_election: str, *, token: str | None = None) -> None:
    """Mirror ``view`` to the address bar, so that a copied link reopens it (a share token stays)."""
    wanted = viewstate.encode(view, ViewState(election=default_election))
    if token:
        wanted[access.SHARE_PARAM] = token
    have = {key: st.query_params.get(key) for key in st.query_params}
    if have != wanted:
        st.query_params.from_dict(wanted)


def sidebar(ctx: Context, elections: pd.DataFrame, regions: pd.DataFrame) -> ViewState:
    """Draw the global filters (language, election, period, regency focus); return the view."""
    language = lang()
    with st.sidebar:
        st.radio(
            t("lang.label", language),
            list(LANGUAGES),
            format_func=LANGUAGE_NAMES.get,
            key="lang",
            horizontal=True,
        )
        language = lang()
        names = dict(zip(elections["id"], elections["name"], strict=True))
        st.selectbox(t("filter.election", language), list(names), format_func=names.get, key="election")
        choices = ["all", "election", "custom"]
        st.selectbox(
            t("filter.period", language),
            choices,
            format_func=lambda c: t(f"filter.period.{c}", language),
            key="period_choice",
        )
        if st.session_state.get("period_choice") == "custom":
            if "period_range" not in st.session_state:
                voting_day = elections.loc[st.session_state["election"], "voting_day"]
                st.session_state["period_range"] = (
                    voting_day - dt.timedelta(days=60),
                    voting_day + dt.timedelta(days=30),
                )
            st.date_input(
                t("filter.period.range", language),
                key="period_range",
                min_value=dt.date(1990, 1, 1),
                max_value=dt.date(2040, 12, 31),
                format="DD/MM/YYYY",
            )
        region_names = {"": t("filter.focus.all", language)}
        region_names.update(
            {code: regions.loc[code, "name"] for code in REGENCY_CODES if code in regions.index}
        )
        st.selectbox(
            t("filter.focus", language),
            list(region_names),
            format_func=region_names.get,
            key="focus",
        )
    view = _widget_view(current())
    st.session_state[_VIEW] = view
    return view


def show_notices() -> None:
    """Show what was wrong with the link this session was opened with, until dismissed."""
    notices = st.session_state.get(_NOTICES) or []
    if not notices:
        return
    for notice in notices:
        st.warning(notice, icon=":material/warning:")
    if st.button(t("view.dismiss", lang()), key="dismiss_notices"):
        st.session_state[_NOTICES] = []
        st.rerun()


def focus_banner(view: ViewState, regions: pd.DataFrame) -> None:
    """Say on every page which regency the view is focused on (and when no election is coming)."""
    if view.focus and view.focus in regions.index:
        st.info(
            t("focus.banner", view.lang, name=regions.loc[view.focus, "name"]), icon=":material/location_on:"
        )
    past_notice(view)


def past_notice(view: ViewState) -> None:
    """Say that no election is coming, so the view shows the latest one, and how to add the next.

    Shown while the view is on the default election and its voting day has passed; not in projector
    mode, where the meeting reads the screen (the operator sees it on every other screen).
    """
    opened = st.session_state.get("_open")
    if opened is None or view.projector or view.election != opened[3]:
        return
    latest = opened[2].loc[opened[3]]
    if latest["voting_day"] >= clock.today():
        return
    day = latest["voting_day"].strftime("%d/%m/%Y")
    st.info(t("setup.notice.past", view.lang, name=latest["name"], day=day), icon=":material/event_upcoming:")


class Page:
    """What a page needs, computed once per run by app.py: context, view, election, regions."""

    def __init__(
        self, ctx: Context, view: ViewState, rev: int, elections: pd.DataFrame, default: str, caller: Caller
    ):
        self.ctx = cached.in_language(ctx, view.lang)
        self.caller = caller
        self.view = view
        self.rev = rev
        self.elections = elections
        self.default_election = default
        self.regions = self.ctx.bundle.regions
        self.ceiling = caller.ceiling
        self.scope = cached.Scope(ctx.settings, rev, caller.ceiling, view.lang)

    @property
    def lang(self) -> str:
        """Return the UI language."""
        return self.view.lang

    @property
    def election(self) -> pd.Series:
        """Return the chosen election's row."""
        return self.elections.loc[self.view.election]

    def events(self) -> pd.DataFrame:
        """Return the events this caller may see."""
        return cached.events(self.scope)

    def reference(self, table: str) -> pd.DataFrame:
        """Return a stored reference table."""
        return cached.reference(self.scope, table)

    def period(self) -> tuple[dt.date, dt.date] | None:
        """Return the chosen period as dates, or None for all time."""
        stages = self.reference("election_stages")
        mine = stages[stages["election_id"] == self.view.election]
        spans = list(zip(mine["start"], mine["end"], strict=True))
        return self.view.period_range(self.election["voting_day"], spans)


def open_view() -> ViewState:
    """Open the store and read the URL into the session's view (app.py, before st.navigation)."""
    settings = load_settings()
    try:
        ctx = cached.context(settings, lang())
    except DataProblem as problem:
        problems.stop_with(problem)
    rev = cached.revision(ctx)
    elections = cached.elections(settings, rev, lang())
    days = dict(zip(elections["id"], elections["voting_day"], strict=True))
    default = default_election(days, clock.today())
    st.session_state["_open"] = (ctx, rev, elections, default)
    return init_view(list(elections["id"]), default)


PARTNER_NEEDS: dict[str, str] = {
    "posko": "report.read",
    "tautan": "share.list",
    "data": "data.import",
    "akun": "user.manage",
}
"""What a share link's partner must be allowed for a page (url path) to be listed in its navigation."""


def visitor() -> Caller:
    """Return who this session is, before ``st.navigation`` (app.py lists only the pages they can use)."""
    ctx = st.session_state["_open"][0]
    return ui_access.current_caller(ctx.engine, lang())


def listed(caller: Caller, url_path: str) -> bool:
    """Return True when the navigation lists the page at ``url_path`` for ``caller``.

    A partner gets only the pages it can use. The public keeps every page: it signs in from any
    of them, and each page says what signing in would show. Hiding is for tidiness, not safety:
    every page and lib still check the caller (a partner opening ``/posko`` gets the default page).
    """
    if caller.role != "partner":
        return True
    if url_path == "agenda":  # only a link that opens an agenda has one to show
        return _partner_agenda(caller) is not None
    need = PARTNER_NEEDS.get(url_path)
    return need is None or access.can(caller, need)


def _partner_agenda(caller: Caller) -> str | None:
    """Return the agenda a partner's link opens (looked up once per session and link), or None."""
    cached_for = st.session_state.get("_partner_agenda")
    if cached_for is None or cached_for[0] != caller.user_id:
        engine = st.session_state["_open"][0].engine
        cached_for = (caller.user_id, store.agenda_of(engine, caller))
        st.session_state["_partner_agenda"] = cached_for
    return cached_for[1]


def page_context() -> Page:
    """Draw the sidebar filters and mirror the view to the URL (app.py, after st.navigation).

    Widgets must come after ``st.navigation``: Streamlit forgets widgets drawn before it.
    """
    ctx, rev, elections, default = st.session_state["_open"]
    caller = ui_access.access_sidebar(ctx.engine, lang())
    view = sidebar(ctx, elections, ctx.bundle.regions)
    sync_url(view, default, token=ui_access.share_token())
    page = Page(ctx, view, rev, elections, default, caller)
    st.session_state["_page"] = page
    return page


def this_page() -> Page:
    """Return the page context app.py prepared for this run."""
    use_navigation()
    return st.session_state["_page"]


def use_navigation() -> None:
    """Make sure this run went through app.py's ``st.navigation``; rerun it if not.

    With a folder named ``pages/`` beside app.py, Streamlit starts in its old multipage mode and,
    on a fresh server, runs a deep-linked page file (``/peta``) directly, without app.py, until
    some run has called ``st.navigation``. Switching the flag and rerunning sends this run
    through app.py, on the same URL path, so the sidebar, the view state and the store are there.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def _audited(file_name: str, make: Callable[[], bytes]) -> Callable[[], bytes]:
    """Return ``make`` wrapped so that producing the file appends an audit row (who, what, ceiling)."""
    page = st.session_state.get("_page")
    engine, caller = (page.ctx.engine, page.caller) if page is not None else (None, None)

    def produce() -> bytes:
        data = make()
        if engine is not None and caller is not None:
            with engine.begin() as conn:
                store.record(
                    conn,
                    who=caller.who,
                    action="export",
                    target=file_name,
                    detail=f"ceiling {caller.ceiling}",
                )
        return data

    return produce


def download_buttons(frame: pd.DataFrame, basename: str, *, key: str, sheet: str = "data") -> None:
    """Offer ``frame`` as Excel and CSV, with formula-like cells neutralised (safe to open in Excel)."""
    language = lang()
    row = st.container(horizontal=True)  # one block, not three (columns): each costs every rerun
    row.download_button(
        t("common.download_xlsx", language),
        _audited(f"{basename}.xlsx", lambda: intake.to_xlsx_bytes({sheet: frame})),  # built on click
        file_name=f"{basename}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        on_click="ignore",
    )
    row.download_button(
        t("common.download_csv", language),
        _audited(f"{basename}.csv", lambda: intake.to_csv_bytes(frame)),
        file_name=f"{basename}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
    )


def show_alerts() -> None:
    """Show why access was refused, if it was; the alert banner is drawn by :func:`lib.ui.live.watch`."""
    ui_access.show_access_notice()


def chart_downloads(
    build: Callable[[], alt.TopLevelMixin],
    basename: str,
    *,
    key: str,
    drawn_from: Callable[[], Sequence[pd.DataFrame]] | None = None,
) -> None:
    """Offer a chart as PNG and PDF for the minutes; it is drawn only when a button is clicked.

    The file carries the briefing's header and footer (:func:`lib.ui.exports.framed_builder`):
    title, election, time (WITA), focus, period, sources and classification — those of the events,
    or of the rows in ``drawn_from`` for a chart drawn from other rows.
    """
    language = lang()
    page = st.session_state.get("_page")
    if page is not None:
        path = urllib.parse.urlparse(st.context.url or "").path.rstrip("/").rpartition("/")[2]
        build = exports.framed_builder(build, page, exports.chart_title(path, basename, language), drawn_from)
    row = st.container(horizontal=True)
    row.download_button(
        t("common.download_png", language),
        _audited(f"{basename}.png", lambda: intake.chart_png(build())),
        file_name=f"{basename}.png",
        mime="image/png",
        key=f"{key}_png",
        on_click="ignore",
        icon=":material/image:",
    )
    row.download_button(
        t("common.download_pdf", language),
        _audited(f"{basename}.pdf", lambda: intake.chart_pdf(build())),
        file_name=f"{basename}.pdf",
        mime="application/pdf",
        key=f"{key}_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )


def upload_hint(lang: str, *, kinds: str, limit_mb: int) -> None:
    """Explain in Indonesian the upload control's own words, which Streamlit writes only in English.

    The control says "Drag and drop file here", "Limit … per file" and "Upload"/"Browse files";
    a person reading Indonesian gets the same below it, with the file types and the real limit.
    """
    if lang != "en":
        st.caption(t("upload.hint", lang, kinds=kinds, limit=limit_mb))
