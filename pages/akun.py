import streamlit as st

from lib import access, store
from lib.core.i18n import t
from lib.core.text import escape
from lib.ui import access as ui_access
from lib.ui import accounts
from lib.ui import page as ui

page = ui.this_page()
lang = page.lang
st.title(t("accountspage.title", lang))
if not access.can(page.caller, "user.manage"):
    st.info(t("accountspage.admins_only", lang), icon=":material/lock:")
    st.stop()

st.subheader(t("accountspage.users", lang))
st.dataframe(accounts.users_display(page.scope, page.caller, lang), hide_index=True, key="accounts_users")

st.subheader(t("accountspage.sessions", lang))
st.caption(t("accountspage.sessions_note", lang, hours=f"{ui_access.session_policy().idle_hours:g}"))
running = accounts.sessions(page.scope, page.caller, lang)
if running.empty:
    st.caption(t("accountspage.no_sessions", lang))
else:
    st.dataframe(accounts.sessions_display(running, lang), hide_index=True, key="accounts_sessions")
    for short, name, id_hash in zip(running["session"], running["username"], running["id_hash"], strict=True):
        label = t("accountspage.revoke_session", lang, session=short, name=escape(name))
        if st.button(label, key=f"revoke_session_{id_hash}"):
            accounts.revoke_session(page.scope, page.caller, id_hash, lang)
            st.success(t("accountspage.session_revoked", lang, session=short))
            st.rerun()

st.subheader(t("accountspage.locks", lang))
held = accounts.locks(page.scope, page.caller, lang)
if held.empty:
    st.caption(t("accountspage.no_locks", lang))
else:
    st.dataframe(accounts.locks_display(held, lang), hide_index=True, key="accounts_locks")
    for key in held["key"]:
        if st.button(t("accountspage.unlock", lang, key=escape(key)), key=f"unlock_{key}"):
            store.unlock(page.ctx.engine, key, actor=page.caller, lang=lang)
            st.success(t("accountspage.unlocked", lang, key=escape(key)))
            st.rerun()

st.subheader(t("accountspage.audit", lang))
st.caption(t("accountspage.audit_note", lang))
trail = accounts.audit_display(page.scope, page.caller, lang)
st.dataframe(trail, hide_index=True, key="accounts_audit")
ui.download_buttons(trail, "sinergi-audit", key="audit_download", sheet="audit")
