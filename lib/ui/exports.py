"""The header and footer of a single chart exported from a page (PNG or PDF), as on the briefing.

Kept apart from :mod:`lib.ui.page` (which offers the download buttons) and from
:mod:`lib.ui.briefing` (which imports the page modules), so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt

from lib import briefing
from lib.core import clock
from lib.core.i18n import STRINGS, t

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


def framed_builder(
    build: Callable[[], alt.TopLevelMixin], page: Any, title: str
) -> Callable[[], alt.TopLevelMixin]:
    """Return ``build`` wrapped: the chart it draws comes framed with the briefing's header and footer.

    ``page`` is this run's :class:`lib.ui.page.Page`. Election, focus, period and the time (WITA)
    are the view's; the classification is the highest among the events the caller may see (every
    chart exported from a page is drawn from them: the map through the index, the timeline, the
    ranking), the sources their publications. Computed only when the file is asked for.
    """
    view, lang = page.view, page.lang

    def make() -> alt.TopLevelMixin:
        events = page.events()
        focus = view.focus
        return briefing.framed(
            build(),
            title=title,
            election=str(page.election["name"]),
            generated_at=clock.now().astimezone(clock.LOCAL_TZ),
            focus=str(page.regions.loc[focus, "name"])
            if focus in page.regions.index
            else t("brief.all_bali", lang),
            period=briefing.period_text(page.period(), view.period, lang),
            classification=briefing.rows_classification(events),
            sources=briefing.event_sources(events),
            lang=lang,
        )

    return make
