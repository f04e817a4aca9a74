"""The view on screen as one value, mirrored to the URL so that a copied link reopens it.

Query parameters (short, so links stay readable):

====== ===================================== =========================
key    meaning                               example
====== ===================================== =========================
e      election id                           pilkada-2024-bali
per    period: all, election or a range      2024-09-01~2024-12-31
r      regency focus (Kemendagri code)       51.08
lay    map layers, comma separated           events,posko
lang   language                              en
w      index weights (lib/risk.py encoding)  viol=2,money=1.5
s      network what-if (lib/network.py)      -kesbangpol
b      history brush range                   2024-11-01~2024-12-01
proj   projector mode (big type, no sidebar) 1
====== ===================================== =========================

The page itself is the URL path (``/peta``), so it needs no parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace

from lib.core.i18n import LANGUAGES, t

LAYERS: tuple[str, ...] = ("events", "posko", "labels")
DEFAULT_LAYERS: tuple[str, ...] = ("events", "labels")
PERIOD_PRESETS: tuple[str, ...] = ("all", "election")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$")
_SAFE_TEXT = re.compile(r"^[A-Za-z0-9_.,:=~+\-]{0,400}$")

KEYS = {
    "election": "e",
    "period": "per",
    "focus": "r",
    "layers": "lay",
    "lang": "lang",
    "weights": "w",
    "scenario": "s",
    "brush": "b",
    "projector": "proj",
}


@dataclass(frozen=True)
class ViewState:
    """Everything that makes a view. Defaults describe the view a new visitor sees."""

    election: str = ""
    period: str = "all"
    focus: str | None = None
    """The regency every page focuses on (a Kemendagri code), or None for all of Bali."""
    layers: tuple[str, ...] = DEFAULT_LAYERS
    lang: str = "id"
    weights: str = ""
    scenario: str = ""
    brush: str = ""
    projector: bool = False
    """Projector mode: the sidebar starts collapsed and type is sized to be read from three metres."""
    notices: tuple[str, ...] = field(default=(), compare=False)
    """What was wrong with the URL and fell back to a default, in the user's language."""

    def with_(self, **changes: object) -> ViewState:
        """Return a copy with ``changes`` (and no notices)."""
        return replace(self, notices=(), **changes)  # type: ignore[arg-type]

    def period_range(self, voting_day: dt.date | None, stages: Collection[tuple[dt.date, dt.date]] = ()):
        """Return (start, end) of the period, or None for all time.

        ``election`` spans the election's stages (or 90 days either side of voting day when none).
        """
        if self.period == "all":
            return None
        if self.period == "election":
            if stages:
                return min(s for s, _ in stages), max(e for _, e in stages)
            if voting_day is None:
                return None
            return voting_day - dt.timedelta(days=90), voting_day + dt.timedelta(days=90)
        return parse_range(self.period)


def parse_range(text: str) -> tuple[dt.date, dt.date] | None:
    """Return the (start, end) dates of ``"YYYY-MM-DD~YYYY-MM-DD"``, or None when not one.

    >>> parse_range("2024-09-01~2024-12-31")
    (datetime.date(2024, 9, 1), datetime.date(2024, 12, 31))
    >>> parse_range("2024-12-31~2024-09-01") is None
    True
    """
    match = _RANGE.match(text or "")
    if not match:
        return None
    try:
        start, end = (dt.date.fromisoformat(g) for g in match.groups())
    except ValueError:
        return None
    return (start, end) if start <= end else None


def format_range(start: dt.date, end: dt.date) -> str:
    """Return the URL form of a date range.

    >>> format_range(dt.date(2024, 9, 1), dt.date(2024, 12, 31))
    '2024-09-01~2024-12-31'
    """
    return f"{start.isoformat()}~{end.isoformat()}"


def encode(state: ViewState, default: ViewState | None = None) -> dict[str, str]:
    """Return the query parameters of ``state``; values equal to the default are left out."""
    default = default or ViewState()
    params: dict[str, str] = {}
    for name, key in KEYS.items():
        value = getattr(state, name)
        if value != getattr(default, name):
            params[key] = _url_text(name, value)
    return params


def _url_text(name: str, value: object) -> str:
    """Return the URL form of one view field's value (layers comma separated, a flag as 1/0)."""
    if name == "layers":
        return ",".join(value)  # type: ignore[arg-type]
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _read_layers(text: str) -> tuple[str, ...] | None:
    chosen = tuple(x for x in text.split(",") if x)
    return tuple(x for x in LAYERS if x in chosen) if all(x in LAYERS for x in chosen) else None


def _field_readers(
    elections: Collection[str], regions: Collection[str]
) -> dict[str, Callable[[str], object | None]]:
    """Return, per view field, how to read its URL text: the value, or None when it is not valid."""
    return {
        "election": lambda v: v if v in elections else None,
        "period": lambda v: v if v in PERIOD_PRESETS or parse_range(v) else None,
        "focus": lambda v: v if v in regions else ("" if v == "" else None),
        "layers": _read_layers,
        "weights": lambda v: v if _SAFE_TEXT.match(v) else None,
        "scenario": lambda v: v if _SAFE_TEXT.match(v) else None,
        "brush": lambda v: v if parse_range(v) else None,
        "projector": lambda v: {"1": True, "0": False}.get(v),
    }


def _one(params: Mapping[str, str | list[str]], key: str) -> str | None:
    """Return the last value of ``key`` in the URL, or None when absent."""
    value = params.get(key)
    if isinstance(value, list):
        value = value[-1] if value else None
    return None if value is None else str(value)


def decode(
    params: Mapping[str, str | list[str]],
    *,
    elections: Collection[str],
    regions: Collection[str],
    default_election: str,
    lang_hint: str | None = None,
) -> ViewState:
    """Return the view described by URL ``params``; anything invalid falls back with a notice.

    Unknown parameter names are ignored with a notice too, so a mistyped link is noticed.
    """
    asked = _one(params, "lang")
    lang = asked or lang_hint or "id"
    notices: list[str] = []
    if lang not in LANGUAGES:
        lang = "id"
        notices.append(t("view.bad_param", lang, key="lang", value=asked))
    changes: dict[str, object] = {}
    for name, read in _field_readers(elections, regions).items():
        text = _one(params, KEYS[name])
        if text is None:
            continue
        value = read(text)
        if value is None:
            notices.append(t("view.bad_param", lang, key=KEYS[name], value=text[:40]))
        else:
            changes[name] = None if name == "focus" and value == "" else value
    known = set(KEYS.values()) | {"token"}
    notices += [t("view.unknown_param", lang, key=key) for key in params if key not in known]
    state = ViewState(election=default_election, lang=lang)
    return replace(state, notices=tuple(notices), **changes)  # type: ignore[arg-type]
