"""The political layer of the Pemangku Kepentingan drawing: cached reads, the drawing, a pair's detail.

Candidate pairs and parties of the chosen election, with their sourced ties, drawn on top of the
coordination network behind a toggle (off by default). Nothing here feeds a coordination figure:
the page's metrics come from :func:`lib.ui.network.analysis` on the institutional graph. Every
read is filtered by the caller's ceiling (pairs, coalitions, ties and institutions alike).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from lib import network, store
from lib.core import bilingual
from lib.core.i18n import t
from lib.core.text import escape
from lib.network import politics as layers
from lib.ui import cached
from lib.ui import network as ui_network
from lib.ui import politics as ui_politics
from lib.ui.cached import SCOPE_HASH, Scope

Delays = ui_network.Delays
TOGGLE_KEY = "network_politics"
"""The widget key of the toggle that shows the political layer (off by default)."""


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def layer(scope: Scope, election: str) -> layers.Politics:
    """Return the pairs of ``election`` with their parties and ties, as the caller may see them."""
    ties = bilingual.in_language(
        store.read_political_ties(scope.ctx.engine, ceiling=scope.ceiling), scope.lang
    )
    people, _ = ui_network.checked(scope, "id")
    return layers.political_layer(ui_politics.forces(scope, election), ties, people)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def frames(
    scope: Scope, election: str, keep: tuple[str, ...] | None, lang: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the political node and tie frames, placed below the drawing (ties to hidden ends dropped)."""
    where = ui_network.positions(scope)
    politics = layer(scope, election)
    placed = {**network.restrict_positions(where, keep), **layers.political_positions(where, politics)}
    return layers.political_frames(politics, placed, lang=lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def network_spec(
    scope: Scope,
    delays: Delays,
    scenario: str,
    keep: tuple[str, ...] | None,
    size_field: str,
    highlight: tuple[str, ...] | None,
    election: str,
    lang: str,
) -> dict[str, Any]:
    """Return the Vega-Lite spec of the drawing with the political layer of ``election`` on it."""
    nodes, edges = ui_network.chart_frames(scope, delays, scenario, keep, lang)
    chart = network.network_chart(
        nodes,
        edges,
        size_field=size_field,
        highlight=highlight,
        lang=lang,
        height=ui_network.CHART_HEIGHT,
        label_top=ui_network.LABEL_TOP,
        politics=frames(scope, election, keep, lang),
    )
    return cached.finish_spec(chart, lang)


def choices(names: Mapping[str, str], politics: layers.Politics | None) -> dict[str, str]:
    """Return the pick box's choices: institutions, then (layer shown) the pairs and parties.

    A pick that is no longer offered (the layer was turned off) goes back to none.
    """
    offered = {**names, **(layers.political_names(politics) if politics is not None else {})}
    if st.session_state.get("network_node") not in ("", None, *offered):
        st.session_state["network_node"] = ""
    return offered


def follow_click(offered: Mapping[str, str]) -> None:
    """Make a click on a pair or party in the drawing pick it in the ``network_node`` box (once per click)."""
    clicked = st.session_state.get("network_chart")
    if clicked is None:
        return
    picked = [p.get("id") for p in (clicked.get("selection", {}).get(layers.POLITICAL_PICK) or [])]
    if picked and picked[0] in offered and picked[0] != st.session_state.get("_network_last_political"):
        st.session_state["network_node"] = picked[0]
        st.session_state["_network_last_political"] = picked[0]


def highlight(politics: layers.Politics, selected: str) -> tuple[str, ...]:
    """Return the institutions a picked pair or party is tied to, for the drawing to stand out."""
    ties = politics.ties
    ends = set(ties.loc[ties["target_id"] == selected, "source_id"]) | set(
        ties.loc[ties["source_id"] == selected, "target_id"]
    )
    return tuple(sorted(ends | {selected}))


def caption(politics: layers.Politics, election_name: str, lang: str) -> None:
    """Say what the layer shows and that no coordination figure counts it (or that it is empty)."""
    if politics.empty:
        st.info(
            t("networkpolitics.none", lang, election=escape(election_name)), icon=":material/how_to_vote:"
        )
        return
    kinds = politics.nodes["kind"]
    st.caption(
        t(
            "networkpolitics.shown",
            lang,
            pairs=int((kinds == "candidate").sum()),
            parties=int((kinds == "party").sum()),
            ties=len(politics.ties),
        )
    )


def show_detail(politics: layers.Politics, node: str, names: Mapping[str, str], lang: str) -> None:
    """Draw a pair's (or party's) contest, incumbency, nomination and ties with their sources."""
    detail = layers.political_detail(politics, node, names, lang=lang)
    kind = str(politics.nodes.set_index("id").at[node, "kind"])
    key = "networkpolitics.detail" if kind == "candidate" else "networkpolitics.detail_party"
    st.subheader(t(key, lang, name=escape(detail.title)))
    for label, value in detail.facts:
        st.text(f"{label}: {value}")
    show_ties(detail.ties, lang)


def show_ties(table: pd.DataFrame, lang: str, *, key: str = "network_political_ties") -> None:
    """Draw a table of political ties under its heading (it says so when there is none)."""
    st.markdown(f"**{escape(t('networkpolitics.ties_title', lang))}**")
    if table.empty:
        st.caption(t("networkpolitics.no_ties", lang))
    else:
        st.dataframe(table, hide_index=True, key=key)


def show_institution_ties(politics: layers.Politics, node: str, lang: str) -> None:
    """Draw the political ties of a picked institution, when it has any (a desa adat, a party)."""
    table = layers.institution_ties(politics, node, lang=lang)
    if not table.empty:
        show_ties(table, lang, key="network_institution_political_ties")
