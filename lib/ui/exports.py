"""The header and footer of a single chart exported from a page (PNG or PDF), as on the briefing.

Kept apart from :mod:`lib.ui.page` (which offers the download buttons) and from
:mod:`lib.ui.briefing` (which imports the page modules), so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import altair as alt
import pandas as pd

from lib import briefing
from lib.core import clock
from lib.core.i18n import STRINGS, t
from lib.ui import cached

PAGES: tuple[str, ...] = ("ringkasan", "peta", "riwayat_konflik", "pemangku_kepentingan", "skenario", "posko")
"""The pages whose name an exported chart can carry as its title (their URL paths)."""


def chart_title(url_path: str, basename: str, lang: str) -> str:
    """Return the title an exported chart carries: its page's name, else what its file name says.

    >>> chart_title("peta", "sinergi-peta-category", "en"), chart_title("", "sinergi-riwayat-konflik", "en")
    ('Vulnerability map', 'Conflict history')
    >>> chart_title("", "sinergi-peringkat-kerawanan", "id")
    'Peringkat kerawanan'
    """
    key = f"brief.page.{url_path}"
    if key in STRINGS:
        return t(key, lang)
    name = basename.removeprefix("sinergi-").replace("-", "_")
    for page in PAGES:
        if name == page or name.startswith(f"{page}_"):
            return t(f"brief.page.{page}", lang)
    return name.replace("_", " ").capitalize()


def draws_a_map(spec: object) -> bool:
    """Return True when a Vega-Lite spec draws shapes (a map) anywhere in it.

    >>> draws_a_map({"layer": [{"mark": {"type": "geoshape"}}]}), draws_a_map({"mark": "bar"})
    (True, False)
    """
    if isinstance(spec, dict):
        mark = spec.get("mark")
        if mark == "geoshape" or (isinstance(mark, dict) and mark.get("type") == "geoshape"):
            return True
        return any(draws_a_map(v) for k, v in spec.items() if k not in ("data", "datasets"))
    if isinstance(spec, list):
        return any(draws_a_map(v) for v in spec)
    return False


def framed_builder(
    build: Callable[[], alt.TopLevelMixin],
    page: Any,
    title: str,
    drawn_from: Callable[[], Sequence[pd.DataFrame]] | None = None,
) -> Callable[[], alt.TopLevelMixin]:
    """Return ``build`` wrapped: the chart it draws comes framed with the briefing's header and footer.

    ``page`` is this run's :class:`lib.ui.page.Page`. Election, focus, period and the time (WITA)
    are the view's. By default the classification is the highest among the events the caller may
    see (the map through the index, the timeline, the ranking are drawn from them) and the sources
    their publications; a chart drawn from other rows (Kekuatan Politik's pairs and results) names
    them in ``drawn_from``, so its label is theirs: a RAHASIA result on the map marks the file
    RAHASIA. Computed only when the file is asked for.
    """
    view, lang = page.view, page.lang

    def make() -> alt.TopLevelMixin:
        focus = view.focus
        chart = build()
        if drawn_from is None:
            frames: Sequence[pd.DataFrame] = (page.events(),)
            sources = briefing.event_sources(frames[0])
        else:
            frames = drawn_from()
            sources = briefing.split_sources(
                value for frame in frames if "source" in frame.columns for value in frame["source"]
            )
        shapes = cached.current_boundaries(page.ctx.settings) if draws_a_map(chart.to_dict()) else None
        if shapes is not None:  # the boundaries' licence asks for their attribution on every map
            sources.insert(
                0, t("brief.source.boundaries", lang, source=shapes.source, licence=shapes.licence)
            )
        return briefing.framed(
            chart,
            title=title,
            election=str(page.election["name"]),
            generated_at=clock.now().astimezone(clock.LOCAL_TZ),
            focus=str(page.regions.loc[focus, "name"])
            if focus in page.regions.index
            else t("brief.all_bali", lang),
            period=briefing.period_text(page.period(), view.period, lang),
            classification=briefing.rows_classification(*frames),
            sources=sources,
            lang=lang,
        )

    return make
