import streamlit as st

from lib import access, store
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.ui import agenda as ui_agenda
from lib.ui import page as ui
from lib.ui.problems import stop_with

page = ui.this_page()
lang = page.lang
caller = page.caller
st.title(t("agenda.title", lang))
ui_agenda.show_flash()

shared = store.agenda_of(page.ctx.engine, caller)
if shared is not None:  # a partner's agenda link: read-only, at the link's ceiling
    ui_agenda.shared_intro(page)
    try:
        shown = ui_agenda.read(page, shared)
    except DataProblem as problem:
        stop_with(problem)
    ui_agenda.header(page, shown)
    ui_agenda.exports(page, shown)
    ui_agenda.show_items(page, shown, editable=False)
    st.stop()

if not access.can(caller, "agenda.read"):
    st.info(t("agenda.denied", lang), icon=":material/lock:")
    st.stop()

st.caption(t("agenda.intro", lang))
choices = ui_agenda.agenda_table(page)
editable = access.can(caller, "agenda.edit")
if editable:
    ui_agenda.create_form(page)
if not choices:
    st.stop()
agenda_id = ui_agenda.pick(page, choices)
try:
    shown = ui_agenda.read(page, agenda_id)
except DataProblem as problem:
    stop_with(problem)
ui_agenda.header(page, shown)
ui_agenda.exports(page, shown)
ui_agenda.show_items(page, shown, editable=editable)
if editable:
    ui_agenda.manage(page, shown)
    ui_agenda.share_form(page, shown)
