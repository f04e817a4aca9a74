"""What a meeting agenda is: its views (page + view parameters, title, note), their order and levels.

An agenda collects saved views to discuss. Each view is a page of the app (its URL path) and the
view's query parameters exactly as :func:`lib.core.viewstate.encode` writes them. Its title and
note are the analyst's own text and carry their own classification: a reader below it sees the
page's name instead and no note. The agenda's classification is the highest of what it shows
(the records its pages draw on, the texts of its views) and of the level its creator set: never less.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from lib.access import rules as access
from lib.core import viewstate
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.vocab import CLASSIFICATIONS

AGENDA_PAGES: dict[str, str] = {
    "ringkasan": "nav.ringkasan",
    "peta": "nav.peta",
    "pemangku_kepentingan": "nav.pemangku",
    "riwayat_konflik": "nav.riwayat",
    "kekuatan_politik": "nav.politik",
    "posko": "nav.posko",
    "skenario": "nav.skenario",
}
"""Pages a view of an agenda may show: URL path -> the key of its title."""
PAGE_SOURCES: dict[str, tuple[str, ...]] = {
    "ringkasan": ("events", "reports"),
    "peta": ("events", "reports"),
    "pemangku_kepentingan": ("stakeholders", "links"),
    "riwayat_konflik": ("events",),
    "kekuatan_politik": ("candidate_pairs", "coalitions", "seats", "results", "disputes"),
    "posko": ("reports",),
    "skenario": ("events", "stakeholders", "links"),
}
"""The stored tables each page draws on (events include verified Posko reports; Kekuatan Politik
the political forces): the level of a view is the highest level of any row of these its reader may
see, so it is never under-stated."""
TITLE_MAX = 120
NOTE_MAX = 2000
ITEMS_MAX = 40
"""Most views in one agenda (a meeting, not an archive)."""
_PARAM_KEYS = frozenset(viewstate.KEYS.values())


@dataclass(frozen=True)
class AgendaItem:
    """One view of an agenda: page URL path, view parameters, title, note and the note's level."""

    item_id: int
    page: str
    params: Mapping[str, str]
    title: str
    note: str
    classification: str = "TERBUKA"
    hidden: bool = False
    """True when the title and note are above the reader's ceiling (so shown as the page's name)."""


@dataclass(frozen=True)
class Agenda:
    """A stored agenda as one reader may see it: its views in order and its level for that reader."""

    agenda_id: str
    title: str
    classification: str
    items: tuple[AgendaItem, ...]
    created_by: str = ""


def highest(levels: Iterable[str]) -> str:
    """Return the highest classification of ``levels`` (TERBUKA when there is none).

    >>> highest(["TERBUKA", "RAHASIA", "TERBATAS"]), highest([])
    ('RAHASIA', 'TERBUKA')
    """
    found = [CLASSIFICATIONS.index(access.allowed_levels(level)[-1]) for level in levels]
    return CLASSIFICATIONS[max(found, default=0)]


def clean_text(text: str | None, limit: int, *, what: str, lang: str, required: bool = True) -> str:
    """Return ``text`` with its white space tidied, or raise a DataProblem naming the field and the limit."""
    lines = [" ".join(line.split()) for line in str(text or "").strip().splitlines()]
    shown = "\n".join(lines).strip()
    if (required and not shown) or len(shown) > limit:
        raise DataProblem(
            t("agenda.bad_text", lang, what=t(f"agenda.field.{what}", lang), limit=limit),
            t("agenda.bad_text_fix", lang, limit=limit),
        )
    return shown


def check_view(page: str, params: Mapping[str, str], lang: str = "id") -> dict[str, str]:
    """Return the view parameters to keep, or raise a DataProblem for a page or a value not allowed.

    Only the view's own parameters are kept (a share token never is); values must be short URL text.
    """
    if page not in AGENDA_PAGES:
        raise DataProblem(
            t("agenda.bad_page", lang, page=str(page)[:40]),
            t("agenda.bad_page_fix", lang, pages=", ".join(AGENDA_PAGES)),
        )
    kept = {str(k): str(v) for k, v in params.items() if k in _PARAM_KEYS}
    if any(len(v) > 400 for v in kept.values()):
        raise DataProblem(t("agenda.bad_view", lang), t("agenda.bad_view_fix", lang))
    return dict(sorted(kept.items()))


def params_json(params: Mapping[str, str]) -> str:
    """Return the view parameters as the stored JSON text (keys sorted).

    >>> params_json({"r": "51.08", "e": "pilkada-2024-bali"})
    '{"e": "pilkada-2024-bali", "r": "51.08"}'
    """
    return json.dumps(dict(params), sort_keys=True)


def read_params(text: str) -> dict[str, str]:
    """Return stored view parameters; anything that is not a flat text mapping reads as the default view."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if k in _PARAM_KEYS and isinstance(v, str)}


def as_seen(item: AgendaItem, ceiling: str, lang: str) -> AgendaItem:
    """Return ``item`` as a reader with ``ceiling`` sees it: a title or note above it becomes the page's name.

    >>> secret = AgendaItem(1, "peta", {}, "Informan Seririt", "catatan", "RAHASIA")
    >>> seen = as_seen(secret, "TERBATAS", "id")
    >>> seen.title, seen.note, seen.hidden
    ('Peta', '', True)
    """
    if access.may_see(ceiling, item.classification):
        return item
    return replace(item, title=t(AGENDA_PAGES[item.page], lang), note="", hidden=True)


def agenda_level(floor: str, item_levels: Iterable[str], shown_levels: Iterable[str], ceiling: str) -> str:
    """Return the level an agenda carries for a reader with ``ceiling``.

    The highest of the level its creator set (``floor``), its views' texts and the records its pages
    show (``shown_levels``, read at that ceiling), but never above what that reader may see.

    >>> agenda_level("TERBUKA", ["TERBATAS"], ["TERBUKA"], "RAHASIA")
    'TERBATAS'
    >>> agenda_level("RAHASIA", [], ["TERBATAS"], "TERBATAS")
    'TERBATAS'
    """
    level = highest([floor, *item_levels, *shown_levels])
    return access.lower_ceiling(level, ceiling)


def check_floor(requested: str, current: str, lang: str = "id") -> str:
    """Return the level an agenda's creator asks for, or raise a DataProblem when it is below ``current``.

    >>> check_floor("RAHASIA", "TERBATAS")
    'RAHASIA'
    """
    access.allowed_levels(requested)
    if CLASSIFICATIONS.index(requested) < CLASSIFICATIONS.index(current):
        raise DataProblem(
            t("agenda.level_lower", lang, level=requested, shown=current),
            t("agenda.level_lower_fix", lang, shown=current),
        )
    return requested


def moved(ids: Sequence[int], item_id: int, delta: int) -> list[int]:
    """Return the ids in their new order after moving ``item_id`` by ``delta`` places (clamped at the ends).

    >>> moved([4, 5, 6], 6, -1), moved([4, 5, 6], 4, -1), moved([4, 5, 6], 4, 5)
    ([4, 6, 5], [4, 5, 6], [5, 6, 4])
    """
    order = list(ids)
    if item_id not in order:
        raise ValueError(f"item {item_id} is not in the agenda {order}.")
    start = order.index(item_id)
    order.pop(start)
    order.insert(min(max(start + delta, 0), len(order)), item_id)
    return order


def copy_title(title: str, lang: str = "id") -> str:
    """Return the title a copy is offered first: the original's, marked as the next meeting's.

    >>> copy_title("Rapat koordinasi 25/11")
    'Rapat koordinasi 25/11 (rapat berikutnya)'
    """
    suffix = t("agenda.copy_suffix", lang)
    return f"{title} {suffix}"[:TITLE_MAX]
