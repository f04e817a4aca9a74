import streamlit as st

from lib import access, store
from lib.core import viewstate
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.viewstate import ViewState
from lib.ui import access as ui_access
from lib.ui import links as ui_links
from lib.ui import page as ui
from lib.ui.problems import stop_with

page = ui.this_page()
lang = page.lang
caller = page.caller
engine = page.ctx.engine
st.title(t("tautan.title", lang))

if not access.can(caller, "share.list"):
    st.info(t("tautan.denied", lang))
    st.stop()

ui_links.show_flash()
st.caption(t("poskopage.links.intro", lang))
params = viewstate.encode(page.view, ViewState(election=page.default_election))
st.caption(ui_links.shared_view(params, lang))
secret = ui_access.secret_key()
if ui_links.warn_without_secret(secret, lang) and access.can(caller, "share.create"):
    stages = ui_links.stage_spans(page.reference("election_stages"), page.view.election, lang)
    ui_links.create_form(engine, caller, str(secret), params, lang, stages)

st.subheader(t("poskopage.links.list", lang))
try:
    links = store.list_links(engine, actor=caller, lang=lang)
except DataProblem as problem:
    stop_with(problem)
if links.empty:
    st.info(t("poskopage.links.none", lang))
    st.stop()
st.dataframe(access.links_display(links, lang), hide_index=True, key="share_table")
choices = access.revocable(links)
if choices and access.can(caller, "share.revoke"):
    ui_links.revoke_picker(engine, caller, choices, lang)
