"""Sinergi: page config, language, global filters in the URL, navigation."""

import streamlit as st

from lib.core.i18n import t
from lib.core.settings import load_settings
from lib.ui import agenda, live, projector, warm
from lib.ui import page as ui

st.set_page_config(page_title="Sinergi", page_icon="assets/sinergi.png", layout="wide")
with warm.page_run():  # the warm-up works between the visitors' runs, never beside a page being drawn
    warm.start(load_settings())  # once per process: the shared caches fill in the background
    ui.use_navigation()

    projector.apply(ui.open_view())  # projector mode: sidebar collapsed, large type
    language = ui.lang()  # the language widget's value of this run: a switch renames the pages at once
    visitor = ui.visitor()  # known before the navigation: a partner's lists only the pages it can use
    PAGES = [
        ("pages/ringkasan.py", "nav.ringkasan", "ringkasan", ":material/dashboard:"),
        ("pages/peta.py", "nav.peta", "peta", ":material/map:"),
        ("pages/pemangku_kepentingan.py", "nav.pemangku", "pemangku_kepentingan", ":material/hub:"),
        ("pages/riwayat_konflik.py", "nav.riwayat", "riwayat_konflik", ":material/timeline:"),
        ("pages/kekuatan_politik.py", "nav.politik", "kekuatan_politik", ":material/how_to_vote:"),
        ("pages/posko.py", "nav.posko", "posko", ":material/campaign:"),
        ("pages/tautan.py", "nav.tautan", "tautan", ":material/link:"),
        ("pages/skenario.py", "nav.skenario", "skenario", ":material/tune:"),
        ("pages/agenda.py", "nav.agenda", "agenda", ":material/slideshow:"),
        ("pages/data.py", "nav.data", "data", ":material/folder_open:"),
        ("pages/akun.py", "nav.akun", "akun", ":material/manage_accounts:"),
    ]
    navigation = st.navigation(
        [
            st.Page(path, title=t(key, language), url_path=url, icon=icon, default=(url == "ringkasan"))
            for path, key, url, icon in PAGES
            if ui.listed(visitor, url)
        ]
    )
    context = ui.page_context()
    projector.controls(context.view, context.caller, context.lang)
    ui.show_notices()
    ui.show_alerts()
    agenda.controls(navigation.url_path)  # the presenting bar; "Add to an agenda" for analysts
    live.watch(context, navigation.url_path)  # the alert banner, and live pages follow the store
    navigation.run()
