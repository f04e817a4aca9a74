"""The Streamlit caching layer: the store and the data every page reads, shared and keyed on inputs."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from lib import loading, store
from lib.loading import Bundle
from lib.regions import RegionIndex
from lib.settings import Settings


@dataclass(frozen=True)
class Context:
    """What every page needs: settings, the bundled facts and the open store."""

    settings: Settings
    bundle: Bundle
    engine: Engine


@st.cache_resource(show_spinner=False)
def context(settings: Settings) -> Context:
    """Return the shared context: read the bundled facts, open (migrate, seed) the store."""
    bundle = loading.load_bundle(settings.bundled_dir)
    engine = store.open_store(settings.store_url, bundle)
    return Context(settings=settings, bundle=bundle, engine=engine)


def revision(ctx: Context) -> int:
    """Return the store's data revision (one cheap query); cached reads are keyed on it."""
    return store.revision(ctx.engine)


@st.cache_data(show_spinner=False, max_entries=16)
def events(_ctx: Context, url: str, rev: int, ceiling: str) -> pd.DataFrame:
    """Return the events the caller may see at data revision ``rev``."""
    return store.read_events(_ctx.engine, ceiling=ceiling)


@st.cache_data(show_spinner=False, max_entries=16)
def stakeholders(_ctx: Context, url: str, rev: int, ceiling: str) -> pd.DataFrame:
    """Return the institutions the caller may see."""
    return store.read_stakeholders(_ctx.engine, ceiling=ceiling)


@st.cache_data(show_spinner=False, max_entries=16)
def links(_ctx: Context, url: str, rev: int, ceiling: str) -> pd.DataFrame:
    """Return the links the caller may see."""
    return store.read_links(_ctx.engine, ceiling=ceiling)


@st.cache_data(show_spinner=False, max_entries=16)
def elections(_ctx: Context, url: str, rev: int) -> pd.DataFrame:
    """Return the elections table, newest voting day first."""
    frame = store.read_table(_ctx.engine, store.elections)
    return frame.sort_values("voting_day", ascending=False).set_index("id", drop=False)


@st.cache_data(show_spinner=False, max_entries=16)
def reference(_ctx: Context, url: str, rev: int, table: str) -> pd.DataFrame:
    """Return a stored reference table by name (regions, election_stages, election_figures, contests)."""
    return store.read_table(_ctx.engine, store.metadata.tables[table])


@st.cache_resource(show_spinner=False)
def region_index(_ctx: Context, url: str) -> RegionIndex:
    """Return the region-name index of the bundled regions."""
    return loading.region_index(_ctx.bundle.regions)
