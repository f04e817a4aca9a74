"""What a slide says about its data: the period as read, the publications it rests on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from lib.core.i18n import t


def period_text(period: tuple[dt.date, dt.date] | None, preset: str, lang: str) -> str:
    """Return a view's period as a person reads it; ``preset`` is the view's period ("election"...).

    >>> period_text(None, "all", "en")
    'All time'
    >>> period_text((dt.date(2024, 9, 1), dt.date(2024, 12, 31)), "2024-09-01~2024-12-31", "id")
    '01/09/2024 – 31/12/2024'
    """
    if period is None:
        return t("filter.period.all", lang)
    span = f"{period[0]:%d/%m/%Y} \u2013 {period[1]:%d/%m/%Y}"
    return f"{t('filter.period.election', lang)} ({span})" if preset == "election" else span


def event_sources(events: pd.DataFrame) -> list[str]:
    """Return each event's publication once: title, date and URL, newest first.

    >>> event_sources(pd.DataFrame({"source_title": ["Tempo"], "date": ["2024-11-27"],
    ...                             "source_url": ["https://tempo.co/a"]}))
    ['Tempo, 2024-11-27, https://tempo.co/a']
    """
    if events.empty or "source_url" not in events.columns:
        return []
    rows = events.sort_values("date", ascending=False) if "date" in events.columns else events
    titles = rows["source_title"] if "source_title" in rows.columns else pd.Series([None] * len(rows))
    dates = rows["date"] if "date" in rows.columns else pd.Series([None] * len(rows))
    found = []
    for title, date, url in zip(titles, dates, rows["source_url"], strict=True):
        parts = [str(p) for p in (title, date, url) if p is not None and not pd.isna(p) and str(p).strip()]
        if parts:
            found.append(", ".join(parts))
    return list(dict.fromkeys(found))


def split_sources(texts: Iterable[object]) -> list[str]:
    """Return the distinct sources in texts that may hold several, separated by " | ".

    >>> split_sources(["https://a | https://b", "https://a", None])
    ['https://a', 'https://b']
    """
    found = []
    for text in texts:
        if text is None or pd.isna(text):  # type: ignore[call-overload]
            continue
        found += [part.strip() for part in str(text).split(" | ") if part.strip()]
    return list(dict.fromkeys(found))
