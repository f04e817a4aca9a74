"""The Streamlit caching layer: the store and the data every page reads, shared and keyed on inputs.

Every cached read takes one :class:`Scope` (settings, data revision, ceiling) first and the small
values it depends on after it, so its signature is its key. Frames are cached with
``st.cache_resource``: every session shares one copy, lib never modifies its inputs, and pages
only read them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from lib import geo, intake, posko, risk, store
from lib.core import bilingual, formats, wilayah
from lib.core.regions import RegionIndex
from lib.core.settings import Settings
from lib.intake import Bundle


@dataclass(frozen=True)
class Context:
    """What every page needs: settings, the bundled facts and the open store."""

    settings: Settings
    bundle: Bundle
    engine: Engine


@dataclass(frozen=True)
class Scope:
    """What every cached read depends on besides its own arguments: settings, data revision, ceiling.

    Built once per run (:attr:`lib.ui.page.Page.scope`) and passed first to every cached read and
    analysis; Streamlit hashes a dataclass by its fields, so the scope *is* the cache key: a new
    revision or a lower ceiling never meets a result computed for another.
    """

    settings: Settings
    revision: int
    ceiling: str
    lang: str = "id"

    @functools.cached_property
    def key(self) -> str:
        """Return the scope as one short text: what the caches hash.

        Streamlit's own hashing of a dataclass walks it field by field (about 0.35 ms), and that
        for every cached call of every rerun.
        """
        return f"{self.settings!r}|{self.revision}|{self.ceiling}|{self.lang}"

    @functools.cached_property
    def ctx(self) -> Context:
        """Return the shared context (bundle, engine) of these settings, its texts in the scope's language."""
        return in_language(context(self.settings), self.lang)


SCOPE_HASH: dict[type, Callable[[Any], str]] = {Scope: lambda scope: scope.key, Settings: repr}
"""``hash_funcs`` for every cached function taking a :class:`Scope` or :class:`Settings`."""


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False)
def context(settings: Settings, _lang: str = "id") -> Context:
    """Return the shared context: read the bundled facts, open (migrate, seed) the store.

    ``_lang`` is not part of the key (one context per deployment): it is the language of a
    problem raised while opening, which is never cached, so the next visitor sees their own.
    """
    bundle = intake.load_bundle(settings.bundled_dir, lang=_lang)
    engine = store.open_store(settings.store_url, bundle, lang=_lang)
    return Context(settings=settings, bundle=bundle, engine=engine)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=4)
def _bundle_in(settings: Settings, lang: str) -> Bundle:
    return context(settings).bundle.in_language(lang)


def in_language(ctx: Context, lang: str) -> Context:
    """Return ``ctx`` with the bundled texts in ``lang`` (one shared copy per language)."""
    return Context(settings=ctx.settings, bundle=_bundle_in(ctx.settings, lang), engine=ctx.engine)


def revision(ctx: Context) -> int:
    """Return the store's data revision (one cheap query); cached reads are keyed on it."""
    return store.revision(ctx.engine)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def events(scope: Scope) -> pd.DataFrame:
    """Return the events the caller may see, bundled texts in the scope's language."""
    return bilingual.in_language(store.read_events(scope.ctx.engine, ceiling=scope.ceiling), scope.lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def stakeholders(scope: Scope) -> pd.DataFrame:
    """Return the institutions the caller may see, bundled texts in the scope's language."""
    return bilingual.in_language(store.read_stakeholders(scope.ctx.engine, ceiling=scope.ceiling), scope.lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def links(scope: Scope) -> pd.DataFrame:
    """Return the links the caller may see, bundled texts in the scope's language."""
    return bilingual.in_language(store.read_links(scope.ctx.engine, ceiling=scope.ceiling), scope.lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def elections(settings: Settings, rev: int, lang: str = "id") -> pd.DataFrame:
    """Return the elections table (open to all: not classified), newest first, names in ``lang``."""
    frame = bilingual.in_language(store.read_table(context(settings).engine, store.elections), lang)
    return frame.sort_values("voting_day", ascending=False).set_index("id", drop=False)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def reference(scope: Scope, table: str) -> pd.DataFrame:
    """Return a stored reference table by name (regions, election_stages, election_figures, contests)."""
    return bilingual.in_language(store.read_table(scope.ctx.engine, store.metadata.tables[table]), scope.lang)


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=4)
def place_names(settings: Settings, lang: str) -> dict[str, str]:
    """Return every region's name as a person reads it: regencies, and kecamatan/desa with where they lie.

    "Buleleng", "Seririt (Buleleng)", "Ularan (Seririt, Buleleng)" (:meth:`lib.core.wilayah.Wilayah.label`);
    the province is "Bali".
    """
    regions = context(settings).bundle.regions
    regencies = dict(zip(regions["code"].astype(str), regions["name"].astype(str), strict=True))
    places = wilayah.bundled_wilayah()
    names = {code: places.label(code, regencies, lang=lang) for code in places.places}
    return {**names, **regencies}


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False)
def region_index(settings: Settings) -> RegionIndex:
    """Return the region-name index of the bundled regions."""
    return intake.region_index(context(settings).bundle.regions)


def finish_spec(chart: alt.TopLevelMixin, lang: str) -> dict[str, Any]:
    """Return the Vega-Lite spec of ``chart`` ready for ``st.vega_lite_chart``.

    The chart fills the width and keeps its own height, writes numbers on its axes and tooltips
    as ``lang`` does (:func:`lib.core.formats.vega_locale`), and its tabular datasets are already
    Arrow bytes. Call it inside a cached function whose arguments are everything the chart
    depends on: then the function's signature is the cache key.
    """
    spec = _named_by_position(chart.to_dict())
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec.setdefault("config", {})["locale"] = formats.vega_locale(lang)
    return _arrow_datasets(spec)


def _named_by_position(spec: dict[str, Any]) -> dict[str, Any]:
    """Return ``spec`` with its datasets named by their place ("table_0", ...), not by their content.

    Altair names a dataset by a hash of its rows, so new rows (another focus, another period)
    make another spec, and the browser builds the chart anew. Named by place, a chart whose rows
    change but whose layout does not is the same spec: Streamlit sends the rows, and the browser
    updates the chart it has drawn (a few tens of milliseconds instead of hundreds).

    Examples
    --------
    >>> spec = {"data": {"name": "data-9f"}, "datasets": {"data-9f": [{"a": 1}]}}
    >>> _named_by_position(spec)
    {'data': {'name': 'table_0'}, 'datasets': {'table_0': [{'a': 1}]}}
    """
    datasets = spec.pop("datasets", None)
    if not isinstance(datasets, dict) or not datasets:
        return spec if datasets is None else {**spec, "datasets": datasets}
    names = {old: f"table_{place}" for place, old in enumerate(datasets)}
    text = json.dumps(spec)
    for old, new in names.items():
        text = text.replace(json.dumps(old), json.dumps(new))
    renamed = json.loads(text)
    renamed["datasets"] = {names[old]: rows for old, rows in datasets.items()}
    return renamed


def _arrow_datasets(spec: dict[str, Any]) -> dict[str, Any]:
    """Return ``spec`` with its tabular datasets already in the Arrow form Streamlit sends.

    ``st.vega_lite_chart`` turns every named dataset into Arrow bytes on every rerun (tens of
    milliseconds for a network or a timeline) unless it is bytes already; this does it once, with
    Streamlit's own converter, so the chart sent is the same. GeoJSON stays as it is: Vega-Lite
    reads it from the spec.
    """
    from streamlit import dataframe_util
    from streamlit.elements.vega_charts import _is_geojson_or_topojson_payload

    datasets = spec.get("datasets")
    if not isinstance(datasets, dict):
        return spec
    spec["datasets"] = {
        name: rows
        if isinstance(rows, bytes) or _is_geojson_or_topojson_payload(rows)
        else dataframe_util.convert_anything_to_arrow_bytes(rows)
        for name, rows in datasets.items()
    }
    return spec


def boundaries_stamp(settings: Settings) -> float:
    """Return when boundaries were last saved in the data folder (0 if never): the cache key."""
    path = settings.data_dir / "boundaries" / geo.SAVED_FILE
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_resource(
    hash_funcs=SCOPE_HASH, show_spinner="Memuat batas wilayah\u2026 / Loading boundaries\u2026", max_entries=4
)
def boundaries(settings: Settings, stamp: float) -> geo.Boundaries | None:
    """Return the boundaries saved from an upload, else those in ``SINERGI_BOUNDARIES``, else None."""
    saved = geo.load_saved_boundaries(settings.data_dir)
    if saved is not None:
        return saved
    if settings.boundaries_dir is None:
        return None
    return geo.folder_boundaries(settings.boundaries_dir, region_index(settings), settings.data_dir)


def current_boundaries(settings: Settings) -> geo.Boundaries | None:
    """Return the boundaries in use now (see :func:`boundaries`), reloaded when an upload changed them."""
    return boundaries(settings, boundaries_stamp(settings))


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def assessment(scope: Scope, election_id: str, weights: str) -> risk.Assessment:
    """Return the vulnerability assessment of an election with the weights in their URL form.

    Raises DataProblem (not cached) when the weights cannot be read or are all 0.
    """
    bundle = scope.ctx.bundle
    election = elections(scope.settings, scope.revision, scope.lang).loc[election_id]  # set up in the app too
    figures = store.read_table(scope.ctx.engine, store.election_figures)
    contests = store.read_table(scope.ctx.engine, store.contests)
    chosen = risk.decode_weights(weights, bundle.indicators) if weights else {}
    return risk.assess(
        events=events(scope),
        figures=figures[figures["election_id"] == election_id],
        contests=contests[contests["election_id"] == election_id],
        definitions=bundle.indicators,
        entered=bilingual.in_language(store.read_indicator_values(scope.ctx.engine), scope.lang).drop(
            columns="origin"
        ),
        weights={**risk.default_weights(bundle.indicators), **chosen},
        voting_day=election["voting_day"],
        signals=political_signals(scope, election_id),
        lang=scope.lang,  # the derived values' sources and notes in the screen's language
    )


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def political_signals(scope: Scope, election_id: str) -> pd.DataFrame:
    """Return the political signals of an election per regency, from the forces the caller may see.

    Every election's forces are read (the margin and disputes come from earlier ones). Cached apart
    from :func:`assessment`: they do not depend on the weights, which Skenario moves.
    """
    forces = store.read_forces(scope.ctx.engine, ceiling=scope.ceiling)
    return risk.politics_signals(
        forces, elections(scope.settings, scope.revision, scope.lang), election_id, lang=scope.lang
    )


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=32)
def open_alert_count(scope: Scope) -> int:
    """Return how many severe Posko reports wait for acknowledgement, among those the caller may see."""
    return posko.count_open_alerts(scope.ctx.engine, ceiling=scope.ceiling)


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def sensitivity(scope: Scope, election_id: str, weights: str, spread: float) -> pd.DataFrame:
    """Return each regency's rank range under random weights around ``weights`` (seeded, 300 runs)."""
    found = assessment(scope, election_id, weights)
    return risk.sensitivity(
        found.values, found.definitions, found.weights, n=300, spread=spread, regions=list(found.regions)
    )


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16, ttl=300)
def posko_counts(scope: Scope) -> pd.DataFrame:
    """Return Posko reports per regency in the last 24 hours and 7 days (refreshed every 5 minutes)."""
    return posko.report_counts(scope.ctx.engine, ceiling=scope.ceiling)
