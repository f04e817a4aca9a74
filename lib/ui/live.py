"""Live screens: a fragment polls the store's revision and redraws what depends on it.

Every store write bumps ``meta.revision`` (:mod:`lib.store.engine`), and every cached read is
keyed on it, so one tiny query per poll tells whether anything changed. A live page (Ringkasan,
Peta, Posko) reruns the whole app when it did, so a severe report saved at the Posko reaches
the projector within :data:`POLL_SECONDS` without anybody touching it; on the other pages only
the alert banner, which lives inside the fragment, redraws itself. When nothing changed the
fragment draws exactly what it drew before: no flicker, no widget reset, no scroll jump.

Widget values, tabs, expanders and chart selections survive an app rerun: their state is in
the session (keys) and in the browser, and the fragment's container is always drawn, so nothing
below it moves. The Posko form's fields sit inside ``st.form``, whose typed values stay in the
browser until submitted, so another operator's save does not clear a half-filled form
(``tests/test_browser_live.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from lib import access
from lib.core.i18n import t
from lib.ui import cached
from lib.ui.cached import Context, Scope

if TYPE_CHECKING:  # a type only: lib.ui.page draws the pages this module watches
    from lib.ui.page import Page

POLL_SECONDS = 4
"""Seconds between two looks at the store's revision (a change shows within this, plus a rerun)."""
LIVE_PAGES = frozenset({"", "ringkasan", "peta", "posko"})
"""Pages (url paths) that rerun as a whole when the data changed; the others redraw only the banner.

``""`` is the default page's path (Streamlit's), Ringkasan in app.py.
"""
_SEEN = "_live_seen"
_FULL_RUN = "_live_full_run"


def watch(page: Page, url_path: str) -> None:
    """Draw the alert banner and keep it, and a live page, in step with the store (app.py, every run).

    A caller who may not see alerts gets the poll on live pages only, and nothing elsewhere.
    """
    rerun_app = url_path in LIVE_PAGES
    alerts = access.can(page.caller, "alert.see")
    if not (rerun_app or alerts):
        return
    st.session_state[_SEEN] = page.rev
    st.session_state[_FULL_RUN] = True
    _poll(page.ctx, page.ceiling, page.lang, alerts=alerts, rerun_app=rerun_app)


@st.fragment(run_every=POLL_SECONDS)
def _poll(ctx: Context, ceiling: str, lang: str, *, alerts: bool, rerun_app: bool) -> None:
    """Look at the revision (not during the app's own run: it just did) and act on a change."""
    seen = st.session_state.get(_SEEN)
    if st.session_state.pop(_FULL_RUN, False) or seen is None:
        rev = seen if seen is not None else cached.revision(ctx)
    else:
        rev = cached.revision(ctx)  # one row of meta: about 0.2 ms on SQLite (bench/bench_live.py)
        if rev != seen and rerun_app:
            st.rerun(scope="app")
        st.session_state[_SEEN] = rev
    if alerts:
        alert_banner(Scope(ctx.settings, rev, ceiling, lang), lang)


def alert_banner(scope: Scope, lang: str) -> None:
    """Show the severe Posko reports nobody has acknowledged yet (nothing when there are none)."""
    waiting = cached.open_alert_count(scope)
    if waiting:  # banner and link on one line: on a 720 px projector every line counts
        row = st.container(horizontal=True, vertical_alignment="center")
        row.warning(t("alerts.banner", lang, n=waiting), icon=":material/notifications_active:")
        row.page_link("pages/posko.py", label=t("alerts.open_posko", lang), icon=":material/campaign:")
