"""Lazy panels: only the open tab or expander runs, and its widgets' values wait while it is closed.

Streamlit forgets a widget's value on the first run that does not draw it. A tab that is not open
draws nothing, so its filters and picks would be gone when the reader comes back to it. Widgets
drawn in lib/ui can say ``persist_state="page"``; for the others the page calls :func:`keep` on the
runs where the panel is closed, which turns the values into plain session values until the
widgets are drawn again (and take them back).
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st


def keep(keys: Iterable[str] = (), prefixes: Iterable[str] = ()) -> None:
    """Keep the values of the widgets named ``keys`` (or starting with one of ``prefixes``) this run.

    Only for widgets whose value may be set (not buttons, uploads or table selections).
    """
    wanted = set(keys)
    starts = tuple(prefixes)
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and (key in wanted or (starts and key.startswith(starts))):
            st.session_state[key] = st.session_state[key]
