"""UI strings in Indonesian (default) and English, gathered from ``lib/locales``."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

import lib.core.locales

LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANGUAGE = "id"
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def _gather() -> dict[str, dict[str, str]]:
    """Merge every ``lib/locales/*.py`` module's ``STRINGS``; a key defined twice is a bug."""
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(lib.core.locales.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"lib.core.locales.{info.name}")
        for key, texts in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"UI string {key!r} is defined twice (again in lib/locales/{info.name}.py).")
            merged[key] = dict(texts)
    return merged


STRINGS: Mapping[str, Mapping[str, str]] = _gather()


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """Return the UI text for ``key`` in ``lang``, with ``{name}`` fields filled from ``params``.

    An unknown key is a bug and raises ``KeyError``; tests check every key exists in both languages.

    Examples
    --------
    >>> t("lang.label", "en")
    'Language'
    """
    texts = STRINGS[key]
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def missing_translations() -> list[tuple[str, str]]:
    """Return (key, language) pairs with no text, for the completeness test."""
    return [(key, lang) for key, texts in STRINGS.items() for lang in LANGUAGES if not texts.get(lang)]
