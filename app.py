"""Sinergi: page config, language, global filters in the URL, navigation."""

import streamlit as st

from lib import ui
from lib.i18n import t

st.set_page_config(page_title="Sinergi", page_icon="\U0001f91d", layout="wide")

language = ui.open_view().lang
PAGES = [
    ("pages/ringkasan.py", "nav.ringkasan", "ringkasan", "\U0001f4cb"),
    ("pages/peta.py", "nav.peta", "peta", "\U0001f5fa\ufe0f"),
    ("pages/pemangku_kepentingan.py", "nav.pemangku", "pemangku-kepentingan", "\U0001f578\ufe0f"),
    ("pages/riwayat_konflik.py", "nav.riwayat", "riwayat-konflik", "\U0001f4c5"),
    ("pages/posko.py", "nav.posko", "posko", "\U0001f4e8"),
    ("pages/skenario.py", "nav.skenario", "skenario", "\u2696\ufe0f"),
    ("pages/data.py", "nav.data", "data", "\U0001f4c2"),
]
navigation = st.navigation(
    [
        st.Page(path, title=t(key, language), url_path=url, icon=icon, default=(url == "ringkasan"))
        for path, key, url, icon in PAGES
    ]
)
ui.page_context()
ui.show_notices()
navigation.run()
