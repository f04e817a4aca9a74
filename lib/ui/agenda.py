"""The Streamlit side of meeting agendas: add the view on screen, edit an agenda, present it, share it.

Presenting switches to each view's own page with that view, so the room sees exactly the page; a
small bar ("Agenda: … 2 / 3 ◀ ▶") on every page moves between them. The state is the session's
(``st.session_state``); the agendas and every rule live in ``lib/store`` and ``lib/agenda``.
"""

from __future__ import annotations

import dataclasses
from typing import NoReturn

import pandas as pd
import streamlit as st

from lib import access, agenda, briefing, store
from lib.agenda import Agenda, AgendaItem
from lib.core import clock, viewstate
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.core.text import escape
from lib.core.viewstate import ViewState
from lib.ui import access as ui_access
from lib.ui import briefing as ui_briefing
from lib.ui import cached
from lib.ui import links as ui_links
from lib.ui import page as ui
from lib.ui.page import Page
from lib.ui.problems import show_problem

SHOW = "_agenda_show"
"""Session key of the presentation under way: {"agenda": id, "index": n, "projector": bool}."""
_STARTED = "_agenda_link_started"
_FLASH = "_agenda_flash"
_LINK = "_agenda_link_made"
_PICK_NEXT = "_agenda_pick_next"
ADD_FORM = "agenda_add_form"
NEW_FORM = "agenda_new_form"
SHARE_FORM = "agenda_share_form"
COPY_FORM = "agenda_copy_form"
NEW_AGENDA = "__new__"
DEFAULT_PAGE = "ringkasan"
"""The page app.py opens at "/" (its URL path then reads as "")."""
_RESETS = ("map_points", "map_chart", "history_timeline", "politics_map")
"""Widgets whose state would outlive a slide change on the same page (they are seeded from the view)."""
_FIELDS = tuple(f.name for f in dataclasses.fields(ViewState) if f.name not in ("notices", "lang"))


def _flash(message: str) -> None:
    st.session_state[_FLASH] = message


def show_flash() -> None:
    """Show the message the last change left before its rerun."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(message, icon=":material/check_circle:")


def capture(page: Page) -> dict[str, str]:
    """Return the view on screen as ``viewstate.encode`` writes it (what an agenda keeps)."""
    return viewstate.encode(ui.current(), ViewState(election=page.default_election))


def read(page: Page, agenda_id: str) -> Agenda:
    """Return the agenda as this session's caller may see it (raises DataProblem as the store does).

    Views of pages the caller cannot open (a partner and the Posko's reports) are left out.
    """
    shown = store.read_agenda(page.ctx.engine, agenda_id, actor=page.caller, lang=page.lang)
    usable = tuple(item for item in shown.items if ui.listed(page.caller, item.page))
    return shown if len(usable) == len(shown.items) else dataclasses.replace(shown, items=usable)


@st.cache_data(hash_funcs=cached.SCOPE_HASH, show_spinner=False, max_entries=32)
def agenda_list(scope: cached.Scope, role: str, who: str, _caller: access.Caller) -> pd.DataFrame:
    """Return the agendas (cached per data revision and caller)."""
    return store.list_agendas(scope.ctx.engine, actor=_caller, lang=scope.lang)


# --- presenting -------------------------------------------------------------------------------


def _view_changes(page: Page, item: AgendaItem, *, projector: bool) -> dict[str, object]:
    """Return the view fields a slide sets: all of its view but the language, which stays the reader's."""
    shown = viewstate.decode(
        dict(item.params),
        elections=list(page.elections["id"]),
        regions=REGENCY_CODES,
        default_election=page.default_election,
    )
    changes: dict[str, object] = {name: getattr(shown, name) for name in _FIELDS}
    if "projector" in changes:
        changes["projector"] = projector or bool(changes["projector"])
    return changes


def go_to(page: Page, shown: Agenda, index: int, *, projector: bool = True) -> NoReturn:
    """Present slide ``index``: switch to its page with its view."""
    index = min(max(index, 0), len(shown.items) - 1)
    item = shown.items[index]
    st.session_state[SHOW] = {"agenda": shown.agenda_id, "index": index, "projector": projector}
    ui.queue_view(reset=_RESETS, **_view_changes(page, item, projector=projector))
    st.switch_page(f"pages/{item.page}.py")


def start(page: Page, agenda_id: str) -> None:
    """Start presenting an agenda at its first view (nothing happens for an empty one)."""
    try:
        shown = read(page, agenda_id)
    except DataProblem as problem:
        show_problem(problem)
        return
    if shown.items:
        go_to(page, shown, 0)


def stop(page: Page) -> NoReturn:
    """End the presentation, back on the agenda page (projector mode off again)."""
    st.session_state.pop(SHOW, None)
    if "projector" in _FIELDS:
        ui.queue_view(projector=False)
    st.switch_page("pages/agenda.py")


def presenting_bar(page: Page) -> None:
    """Draw, on every page while an agenda is presented, its title, the counter and ◀ ▶."""
    show = st.session_state.get(SHOW)
    if not show:
        return
    try:
        shown = read(page, show["agenda"])
    except DataProblem as problem:
        st.session_state.pop(SHOW, None)
        show_problem(problem)
        return
    total = len(shown.items)
    if total == 0:
        st.session_state.pop(SHOW, None)
        return
    index = min(int(show["index"]), total - 1)
    lang = page.lang
    bar = st.container(horizontal=True, vertical_alignment="center", key="agenda_bar")
    bar.markdown(f"**{escape(t('agenda.bar', lang, title=shown.title, n=index + 1, total=total))}**")
    back = bar.button("◀", key="agenda_prev", help=t("agenda.prev", lang), disabled=index == 0)
    ahead = bar.button("▶", key="agenda_next", help=t("agenda.next", lang), disabled=index >= total - 1)
    done = bar.button(t("agenda.stop", lang), key="agenda_stop", icon=":material/stop:")
    item = shown.items[index]
    said = f"**{escape(item.title)}**" + (f" · {escape(item.note)}" if item.note else "")
    st.markdown(said)  # one line: the page below keeps the projector's 720 px
    if back or ahead:
        go_to(page, shown, index + (1 if ahead else -1), projector=bool(show.get("projector", True)))
    if done:
        stop(page)


def controls(url_path: str) -> None:
    """Draw what agendas add to every page (app.py): the presenting bar and, for analysts, "Add to an agenda".

    A partner whose link opens an agenda starts presenting it on the first run of the session.
    """
    page = ui.this_page()
    url_path = url_path or DEFAULT_PAGE
    if page.caller.role == "partner" and not st.session_state.get(_STARTED):
        st.session_state[_STARTED] = True  # once per session: the partner may then browse freely
        agenda_id = store.agenda_of(page.ctx.engine, page.caller)
        if agenda_id is not None:
            start(page, agenda_id)
    presenting_bar(page)
    if url_path in agenda.AGENDA_PAGES and access.can(page.caller, "agenda.edit"):
        add_control(page, url_path)


def add_control(page: Page, url_path: str) -> None:
    """Draw the sidebar form that adds the view on screen to an agenda (a new one or one picked)."""
    lang = page.lang
    listed = agenda_list(page.scope, page.caller.role, page.caller.who, page.caller)
    choices = {NEW_AGENDA: t("agenda.add.new", lang), **dict(zip(listed["id"], listed["title"], strict=True))}
    levels = list(access.allowed_levels(page.caller.ceiling))
    with st.sidebar.expander(t("agenda.add.title", lang), icon=":material/playlist_add:"):
        with st.form(ADD_FORM, clear_on_submit=True, enter_to_submit=False):
            which = st.selectbox(
                t("agenda.add.which", lang), list(choices), format_func=choices.get, key="agenda_add_which"
            )
            new_title = st.text_input(
                t("agenda.add.new_title", lang), max_chars=agenda.TITLE_MAX, key="agenda_add_new"
            )
            title = st.text_input(
                t("agenda.add.item_title", lang),
                value=t(agenda.AGENDA_PAGES[url_path], lang),
                max_chars=agenda.TITLE_MAX,
                key="agenda_add_item_title",
            )
            note = st.text_area(
                t("agenda.add.note", lang), max_chars=agenda.NOTE_MAX, key="agenda_add_note", height=80
            )
            level = st.selectbox(
                t("agenda.add.level", lang),
                levels,
                help=t("agenda.add.level_help", lang),
                key="agenda_add_level",
            )
            submitted = st.form_submit_button(t("agenda.add.submit", lang), icon=":material/add:")
        if submitted:
            _add(page, url_path, which, new_title, title, note, level)


def _add(page: Page, url_path: str, which: str, new_title: str, title: str, note: str, level: str) -> None:
    engine, lang = page.ctx.engine, page.lang
    try:
        agenda_id = which
        if which == NEW_AGENDA:
            agenda_id = store.create_agenda(engine, title=new_title, actor=page.caller, lang=lang)
        store.add_item(
            engine,
            agenda_id,
            page=url_path,
            view_params=capture(page),
            title=title,
            note=note,
            classification=level,
            actor=page.caller,
            lang=lang,
        )
        shown = read(page, agenda_id)
    except DataProblem as problem:
        show_problem(problem)
        return
    st.success(escape(t("agenda.add.done", lang, title=" ".join(title.split()), agenda=shown.title)))


# --- the agenda page -------------------------------------------------------------------------


def agenda_table(page: Page) -> dict[str, str]:
    """Show the agendas as a table; return them as id -> title."""
    lang = page.lang
    listed = agenda_list(page.scope, page.caller.role, page.caller.who, page.caller)
    st.subheader(t("agenda.list", lang))
    if listed.empty:
        st.info(t("agenda.none", lang))
        return {}
    table = listed.drop(columns="id").assign(updated_at=listed["updated_at"].dt.strftime("%d/%m/%Y %H:%M"))
    table = table.rename(columns={c: t(f"agenda.col.{c}", lang) for c in table.columns})
    st.dataframe(table, hide_index=True, key="agenda_table")
    return dict(zip(listed["id"], listed["title"], strict=True))


def create_form(page: Page) -> None:
    """Draw the form that makes a new, empty agenda."""
    lang = page.lang
    with (
        st.expander(t("agenda.new", lang), icon=":material/add:"),
        st.form(NEW_FORM, clear_on_submit=True, enter_to_submit=False),
    ):
        title = st.text_input(
            t("agenda.new_title", lang),
            max_chars=agenda.TITLE_MAX,
            help=t("agenda.new_title_help", lang),
            key="agenda_new_title",
        )
        made = st.form_submit_button(t("agenda.create", lang), icon=":material/add:")
    if made:
        try:
            agenda_id = store.create_agenda(page.ctx.engine, title=title, actor=page.caller, lang=lang)
        except DataProblem as problem:
            show_problem(problem)
            return
        st.session_state[_PICK_NEXT] = agenda_id
        _flash(escape(t("agenda.created", lang, title=" ".join(title.split()))))
        st.rerun()


def pick(page: Page, choices: dict[str, str]) -> str:
    """Draw the agenda picker; return the id picked."""
    if st.session_state.get(_PICK_NEXT) in choices:  # an agenda just made or copied opens at once
        st.session_state["agenda_pick"] = st.session_state.pop(_PICK_NEXT)
    if st.session_state.get("agenda_pick") not in choices:
        st.session_state.pop("agenda_pick", None)
    return st.selectbox(
        t("agenda.pick", page.lang), list(choices), format_func=choices.get, key="agenda_pick"
    )


def _view_caption(item: AgendaItem, lang: str) -> str:
    shown = ", ".join(f"{k}={v}" for k, v in item.params.items()) or t("poskopage.links.view_default", lang)
    return t("agenda.item_view", lang, view=shown)


def show_items(page: Page, shown: Agenda, *, editable: bool) -> None:
    """List the agenda's views in order, with ↑ ↓, edit and remove for an editor."""
    lang = page.lang
    if not shown.items:
        st.info(t("agenda.empty", lang))
        return
    for n, item in enumerate(shown.items, start=1):
        head = t(
            "agenda.item_head", lang, n=n, title=item.title, page=t(agenda.AGENDA_PAGES[item.page], lang)
        )
        with st.container(border=True):
            st.markdown(f"**{escape(head)}**")
            if item.note:
                st.markdown(escape(item.note))
            if item.hidden:
                st.caption(t("agenda.item_hidden", lang))
            st.caption(escape(_view_caption(item, lang)))
            if editable:
                _item_controls(page, item, first=n == 1, last=n == len(shown.items))


def _item_controls(page: Page, item: AgendaItem, *, first: bool, last: bool) -> None:
    engine, lang, caller = page.ctx.engine, page.lang, page.caller
    row = st.container(horizontal=True)
    up = row.button(
        t("agenda.up", lang), key=f"agenda_up_{item.item_id}", icon=":material/arrow_upward:", disabled=first
    )
    down = row.button(
        t("agenda.down", lang),
        key=f"agenda_down_{item.item_id}",
        icon=":material/arrow_downward:",
        disabled=last,
    )
    gone = row.button(t("agenda.remove", lang), key=f"agenda_remove_{item.item_id}", icon=":material/delete:")
    if not item.hidden:
        with st.expander(t("agenda.edit", lang)), st.form(f"agenda_item_form_{item.item_id}"):
            title = st.text_input(
                t("agenda.add.item_title", lang), value=item.title, key=f"agenda_title_{item.item_id}"
            )
            note = st.text_area(
                t("agenda.add.note", lang), value=item.note, key=f"agenda_note_{item.item_id}"
            )
            levels = list(access.allowed_levels(caller.ceiling))
            level = st.selectbox(
                t("agenda.add.level", lang),
                levels,
                index=levels.index(item.classification) if item.classification in levels else 0,
                key=f"agenda_level_{item.item_id}",
            )
            save = st.form_submit_button(t("agenda.save", lang))
    else:
        save = False
    try:
        if up or down:
            store.move_item(engine, item.item_id, -1 if up else 1, actor=caller, lang=lang)
            st.rerun()
        if gone:
            store.remove_item(engine, item.item_id, actor=caller, lang=lang)
            _flash(escape(t("agenda.removed", lang, title=item.title)))
            st.rerun()
        if save:
            store.update_item(
                engine, item.item_id, title=title, note=note, classification=level, actor=caller, lang=lang
            )
            _flash(t("agenda.saved", lang))
            st.rerun()
    except DataProblem as problem:
        show_problem(problem)


def header(page: Page, shown: Agenda) -> None:
    """Show the agenda's title and level, and the button that presents it."""
    lang = page.lang
    st.header(escape(shown.title))
    st.markdown(t("agenda.level_is", lang, level=shown.classification))
    if shown.items and st.button(
        t("agenda.present", lang), key="agenda_present", type="primary", icon=":material/slideshow:"
    ):
        go_to(page, shown, 0)


def manage(page: Page, shown: Agenda) -> None:
    """Draw the editor's forms: rename, raise the level, copy for the next meeting."""
    engine, lang, caller = page.ctx.engine, page.lang, page.caller
    levels = list(access.allowed_levels(caller.ceiling))
    left, right = st.columns(2)
    with left.form("agenda_manage_form", enter_to_submit=False):
        title = st.text_input(
            t("agenda.rename", lang), value=shown.title, max_chars=agenda.TITLE_MAX, key="agenda_rename"
        )
        level = st.selectbox(
            t("agenda.raise", lang),
            levels,
            index=levels.index(shown.classification) if shown.classification in levels else 0,
            help=t("agenda.raise_help", lang),
            key="agenda_raise",
        )
        saved = st.form_submit_button(t("agenda.save", lang))
    with right.form(COPY_FORM, enter_to_submit=False):
        copy_title = st.text_input(
            t("agenda.copy_title", lang),
            value=agenda.copy_title(shown.title, lang),
            max_chars=agenda.TITLE_MAX,
            key="agenda_copy_title",
        )
        copied = st.form_submit_button(t("agenda.copy_do", lang), icon=":material/content_copy:")
    try:
        if saved:
            if title != shown.title:
                store.rename_agenda(engine, shown.agenda_id, title, actor=caller, lang=lang)
            if level != shown.classification:
                store.set_level(engine, shown.agenda_id, level, actor=caller, lang=lang)
            _flash(t("agenda.saved", lang))
            st.rerun()
        if copied:
            new_id = store.copy_agenda(engine, shown.agenda_id, title=copy_title, actor=caller, lang=lang)
            st.session_state[_PICK_NEXT] = new_id
            _flash(escape(t("agenda.copied", lang, title=" ".join(copy_title.split()))))
            st.rerun()
    except DataProblem as problem:
        show_problem(problem)


def share_form(page: Page, shown: Agenda) -> None:
    """Draw the form that shares the agenda as one link (read-only, at a ceiling, until a preset day)."""
    engine, lang, caller = page.ctx.engine, page.lang, page.caller
    st.subheader(t("agenda.share", lang))
    st.caption(t("agenda.share_intro", lang))
    secret = ui_access.secret_key()
    if not ui_links.warn_without_secret(secret, lang) or not access.can(caller, "share.create"):
        return
    stages = ui_links.stage_spans(page.reference("election_stages"), page.view.election, lang)
    with st.form(SHARE_FORM, enter_to_submit=False):
        left, right = st.columns(2)
        with left:
            label, ceiling = ui_links.label_and_ceiling(caller, lang, key="agenda_share")
        with right:
            expires = ui_links.expiry_picker(lang, stages, key="agenda_share_expiry")
        made = st.form_submit_button(
            t("agenda.share_create", lang), type="primary", icon=":material/add_link:"
        )
    if made:
        try:
            link = store.create_link(
                engine,
                secret=secret,
                creator=caller,
                label=label,
                ceiling=ceiling,
                expires=expires,
                view_params={},
                page="agenda",
                agenda_id=shown.agenda_id,
                lang=lang,
            )
        except DataProblem as problem:
            show_problem(problem)
        else:
            url = access.share_url(f"{ui_links.app_base_url()}/agenda", {}, link.token)
            st.session_state[_LINK] = (shown.agenda_id, url, label, link.expires_at)
    made_link = st.session_state.get(_LINK)
    if made_link and made_link[0] == shown.agenda_id:
        ui_links.show_link(*made_link[1:], lang)


def slides(page: Page, shown: Agenda, *, charts: bool = True) -> list[briefing.Slide]:
    """Return the agenda's views as briefing slides, read at this caller's ceiling (``charts``: drawn).

    Each slide carries at least the level of its title and note and the agenda's own level for
    this reader: a page of the briefing is never labelled below what the agenda carries.
    """
    made = []
    for item in shown.items:
        try:
            slide = ui_briefing.slide_for(
                page,
                page_name=item.page,
                params=dict(item.params),
                title=item.title,
                note=item.note,
                ceiling=page.caller.ceiling,
                charts=charts,
            )
        except DataProblem as problem:  # the page would say the same: the slide says it instead of its data
            slide = _problem_slide(page, item, problem)
        level = briefing.highest([slide.classification, item.classification, shown.classification])
        made.append(
            dataclasses.replace(slide, classification=access.lower_ceiling(level, page.caller.ceiling))
        )
    return made


def _problem_slide(page: Page, item: AgendaItem, problem: DataProblem) -> briefing.Slide:
    """Return the slide of a view whose data cannot be read: its title and note, and why, as a caveat."""
    lang = page.lang
    return briefing.Slide(
        title=item.title,
        note=item.note,
        page=t(agenda.AGENDA_PAGES[item.page], lang),
        election="",
        generated_at=clock.now().astimezone(clock.LOCAL_TZ),
        focus="",
        period="",
        classification=item.classification,
        charts=(),
        tables=(),
        sources=(),
        caveats=(f"{problem.what} {problem.fix}",),
        lang=lang,
    )


def exports(page: Page, shown: Agenda) -> None:
    """Offer the agenda as a briefing PDF and Excel workbook, built on click and audited."""
    if not shown.items or not access.can(page.caller, "export"):
        return
    lang = page.lang
    basename = f"sinergi-briefing-{shown.agenda_id}"

    def pdf() -> bytes:
        return briefing.briefing_pdf(slides(page, shown), agenda_title=shown.title, lang=lang)

    def xlsx() -> bytes:
        # the workbook holds tables only: its slides draw no chart (a map is the dearest part)
        return briefing.briefing_xlsx(slides(page, shown, charts=False), agenda_title=shown.title, lang=lang)

    row = st.container(horizontal=True)
    row.download_button(
        t("agenda.export_pdf", lang),
        ui._audited(f"{basename}.pdf", pdf),  # the page's own audited wrapper: who, what, ceiling
        file_name=f"{basename}.pdf",
        mime="application/pdf",
        key="agenda_briefing_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    row.download_button(
        t("agenda.export_xlsx", lang),
        ui._audited(f"{basename}.xlsx", xlsx),
        file_name=f"{basename}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="agenda_briefing_xlsx",
        on_click="ignore",
        icon=":material/table_view:",
    )


def shared_intro(page: Page) -> None:
    """Tell a partner what they are reading: a shared agenda, read-only, up to the link's level."""
    st.info(t("agenda.shared_intro", page.lang, ceiling=page.caller.ceiling), icon=":material/visibility:")
