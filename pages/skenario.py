import streamlit as st

from lib import ui
from lib.i18n import t

page = ui.this_page()
st.title(t("scenario.title", page.lang))
ui.focus_banner(page.view, page.regions)
st.info(t("scenario.empty", page.lang))
