"""Projector mode and type that is never cut: the page's CSS, the switch, chart font sizes.

A laptop drives a projector at 1280×720 and the room reads it from three metres. In projector
mode the sidebar starts collapsed, type grows (body 18 px, chart axes 16 px) and the top margin
shrinks, so each page's headline fits the first screen. In both modes metric labels wrap rather
than end in an ellipsis. The CSS is ours, never text a user typed.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from lib import access
from lib.access import Caller
from lib.core.i18n import t
from lib.core.viewstate import ViewState
from lib.ui import page as ui

TOGGLE = "projector_toggle"
EXIT_KEY = "projector-exit"
BODY_PX = 18
"""Root font size in projector mode: Streamlit sizes its type in rem, so body text is 18 px."""
CHART_FONTS: dict[str, dict[str, int]] = {
    "axis": {"labelFontSize": 16, "titleFontSize": 16},
    "legend": {"labelFontSize": 16, "titleFontSize": 16, "labelLimit": 400},
    "header": {"labelFontSize": 16, "titleFontSize": 16},
    "title": {"fontSize": 18, "subtitleFontSize": 16},
    "view": {"discreteHeight": {"step": 28}},
}
"""Vega-Lite config in projector mode: labels and titles of 16 px or more, rows tall enough for them."""

BASE_CSS = """
/* Streamlit cuts a metric's label and value to one line with an ellipsis: let them wrap instead. */
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  height: auto !important;
}
[data-testid="stMainBlockContainer"] { padding-top: 4rem; }
/* The stage is a sentence, not a number. */
.st-key-headline-stage [data-testid="stMetricValue"] { font-size: 1.4rem; line-height: 1.3; }
"""

PROJECTOR_CSS = f"""
html {{ font-size: {BODY_PX}px; }}
[data-testid="stHeader"] {{ height: 2.25rem; min-height: 0; background: transparent; }}
[data-testid="stMainBlockContainer"] {{
  padding-top: 2.25rem !important; padding-bottom: 2rem !important;
  padding-left: 1.5rem !important; padding-right: 1.5rem !important; max-width: none !important;
}}
[data-testid="stMainBlockContainer"] h1 {{ font-size: 2rem; padding: 0 0 0.25rem 0; }}
[data-testid="stMainBlockContainer"] h2 {{ font-size: 1.6rem; padding: 0.25rem 0; }}
[data-testid="stMainBlockContainer"] h3 {{ font-size: 1.3rem; padding: 0.2rem 0; }}
/* Labels, captions, buttons and small tables are 0.875rem in Streamlit: 18 px here, as body text. */
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stCaptionContainer"],
[data-testid="stTable"] table {{ font-size: 1rem !important; }}
[data-testid="stMetricValue"] p {{ font-size: inherit !important; }}
[data-testid="stMetricValue"] {{ font-size: 1.9rem; }}
[data-testid="stMain"] [data-testid="stAlertContainer"] {{ padding: 0.45rem 0.9rem; }}
[data-testid="stTable"] td, [data-testid="stTable"] th {{ padding-top: 0.15rem; padding-bottom: 0.15rem; }}
/* The way back sits in the empty header bar, left of Streamlit's menu, over no content. */
div:has(> .st-key-{EXIT_KEY}) {{
  position: fixed; right: 3.25rem; top: 0.2rem; z-index: 999991; width: auto !important;
}}
.st-key-{EXIT_KEY} button {{ min-height: 0; padding: 0.1rem 0.6rem; }}
.st-key-{EXIT_KEY} button p {{ font-size: 0.8rem !important; }}
"""


def apply(view: ViewState) -> None:
    """Set the sidebar's first state and this run's CSS (app.py, right after the view is read).

    ``st.set_page_config`` is additive in Streamlit 1.67: this call changes only the sidebar.
    """
    st.set_page_config(initial_sidebar_state="collapsed" if view.projector else "auto")
    st.html(f"<style>{BASE_CSS}{PROJECTOR_CSS if view.projector else ''}</style>")


def _toggled() -> None:
    """Change the view's projector flag to the switch's value at the start of the next run."""
    ui.queue_view(projector=bool(st.session_state.get(TOGGLE)))


def _leave() -> None:
    ui.queue_view(projector=False)


def controls(view: ViewState, caller: Caller, lang: str) -> None:
    """Draw the projector switch in the sidebar and, in projector mode, a small way back.

    The sidebar is collapsed in projector mode, so the way back is a button in the bottom right
    corner. Admins also get what Streamlit's hidden developer menu offered (clearing caches).
    """
    st.session_state[TOGGLE] = view.projector  # the switch follows the view (a link, the way back)
    with st.sidebar:
        st.toggle(
            t("projector.switch", lang),
            key=TOGGLE,
            on_change=_toggled,
            help=t("projector.help", lang),
        )
        if access.can(caller, "user.manage"):
            _admin_tools(lang)
    if view.projector:
        with st.container(key=EXIT_KEY):
            st.button(
                t("projector.exit", lang),
                key="projector_exit",
                icon=":material/close_fullscreen:",
                on_click=_leave,
            )


def _admin_tools(lang: str) -> None:
    """Offer admins a cache clear: ``client.toolbarMode = "viewer"`` hides Streamlit's own for all."""
    with st.expander(t("projector.admin_tools", lang), icon=":material/build:"):
        if st.button(
            t("projector.clear_caches", lang),
            key="admin_clear_caches",
            help=t("projector.clear_caches_help", lang),
        ):
            st.cache_data.clear()
            st.cache_resource.clear()
            st.toast(t("projector.caches_cleared", lang))


def sized(spec: dict[str, Any], view: ViewState | None = None) -> dict[str, Any]:
    """Return a chart spec from :func:`lib.ui.cached.finish_spec` with type sized for the view.

    In projector mode the spec's config gets :data:`CHART_FONTS`; otherwise ``spec`` comes back
    as it is. The cached spec is not modified (a shallow copy of its top level and config).
    """
    view = view if view is not None else ui.current()
    if not view.projector:
        return spec
    config = dict(spec.get("config") or {})
    for part, sizes in CHART_FONTS.items():
        config[part] = {**(config.get(part) or {}), **sizes}
    return {**_legends_sized(spec), "config": config}


_LEGEND_FONTS = ("labelFontSize", "titleFontSize")
_SKIPPED = frozenset({"data", "datasets", "config", "values"})
"""Parts of a spec with no legends in them: the data (a map's GeoJSON) is neither walked nor copied."""


def _legends_sized(node: Any) -> Any:
    """Return ``node`` with every legend an encoding sets raised to :data:`CHART_FONTS`' 16 px.

    A legend set on an encoding channel (``alt.Legend(labelFontSize=14)``, the maps' legends)
    overrides the config, so :func:`sized` raises its sizes where they are smaller. Only the dicts
    and lists on the way to a legend are copied; the data is shared with the cached spec.
    """
    if isinstance(node, list):
        return [_legends_sized(item) for item in node]
    if not isinstance(node, dict):
        return node
    least = CHART_FONTS["legend"]
    out = {}
    for name, value in node.items():
        if name in _SKIPPED:
            out[name] = value
        elif name == "legend" and isinstance(value, dict):
            out[name] = {
                **value,
                **{size: max(value[size], least[size]) for size in _LEGEND_FONTS if size in value},
            }
        else:
            out[name] = _legends_sized(value)
    return out


SOURCE_SITE = r"https?://(?:www\.)?([^/]+)"
"""A source link shows its site ("nusabali.com"); the full address is the link itself."""


def event_columns(lang: str, view: ViewState | None = None) -> dict[str, Any]:
    """Return ``column_order`` and ``column_config`` that fit an event table into the page's width.

    The grid sizes each column to its longest cell and scrolls sideways past the right edge,
    where nobody in the room can scroll. It shows date, region, category, severity, description
    and source (the download keeps every column), the description as wide as what is left at
    1280 px: with the sidebar (about 820 px of page) or without it in projector mode.
    """
    view = view if view is not None else ui.current()
    description = 520 if view.projector else 230
    columns = ["col.date", "col.region", "col.category", "col.severity", "col.description", "col.source"]
    return {
        "column_order": [t(key, lang) for key in columns],
        "column_config": {
            t("col.description", lang): st.column_config.TextColumn(width=description),
            t("col.source", lang): st.column_config.LinkColumn(
                t("col.source", lang), display_text=SOURCE_SITE, width=120
            ),
        },
    }


def posko_columns(lang: str, view: ViewState | None = None) -> dict[str, Any]:
    """Return ``column_order`` and ``column_config`` that fit the Posko's report list into the page.

    Every shown column has a width its header fits in (shorter headers for the two longest),
    and the columns add up to less than the page: about 820 px beside the sidebar, 1,230 px in
    projector mode, where the category fits too. The picked report's detail shows every field.
    """
    view = view if view is not None else ui.current()
    widths = {
        "poskopage.col.id": 50,
        "posko.field.received_at": 135,
        "posko.field.region_code": 125,
        **({"posko.field.category": 150} if view.projector else {}),
        "posko.field.severity": 90,
        "posko.field.title": 330 if view.projector else 170,
        "posko.field.status": 120,
        "poskopage.col.alert": 90,
    }
    labels = {"posko.field.received_at": "fit.col.received", "posko.field.severity": "fit.col.severity"}
    return {
        "column_order": [t(key, lang) for key in widths],
        "column_config": {
            t(key, lang): st.column_config.Column(
                t(labels[key], lang) if key in labels else None, width=width
            )
            for key, width in widths.items()
        },
    }
