"""Every page, in each language, shows bundled texts in that language and labels instead of internal codes.

The sweep opens every page as an analyst (who sees every classification), focused on Buleleng where
the page has a detail view, and reads everything the page sends to the browser: texts, tables,
metrics and chart data (:func:`tests.test_no_leaks.page_content`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import intake
from lib.access import Caller
from lib.core.vocab import CATEGORIES
from lib.network import LEVELS, LINK_KINDS, TYPES
from tests.conftest import DATA_DIR, as_account
from tests.test_no_leaks import _nodes, page_content

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
ANALYST = Caller("analyst", "RAHASIA", "ana.sweep", "Ana (Kesbangpol)")
PROBE = 24
"""Characters of a text looked for on screen: long enough to be that text, short enough to survive cuts."""


def _neutral() -> str:
    """Return every bundled text that has no twin (names, titles, acronyms): the same in both languages."""
    texts = []
    for path in sorted(DATA_DIR.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        paired = {c for c in frame.columns if f"{c}_en" in frame.columns or c.endswith("_en")}
        texts += [frame[c].str.cat(sep="\n") for c in frame.columns if c not in paired]
    return "\n".join(texts)


NEUTRAL = _neutral()


def _probe(text: str, other: str) -> str | None:
    """Return a stretch of ``text`` (letters and spaces) that neither its twin nor any name holds."""
    for match in re.finditer(rf"[A-Za-z][A-Za-z ]{{{PROBE - 1},}}", text):
        run = match.group(0)
        for start in range(0, len(run) - PROBE + 1, 4):
            window = run[start : start + PROBE]
            if window.startswith(" ") or window.endswith(" "):
                continue
            if window not in other and window not in NEUTRAL:
                return window
    return None


def _probes() -> dict[str, list[tuple[str, str]]]:
    """Return, per language, (file, probe) of bundled texts that must not show in that language."""
    wrong: dict[str, list[tuple[str, str]]] = {"id": [], "en": []}
    for name, (_, texts) in intake.BUNDLED_TEXTS.items():
        frame = pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False)
        for column in texts:
            for indonesian, english in zip(frame[column], frame[f"{column}_en"], strict=True):
                if (english_only := _probe(english, indonesian)) is not None:
                    wrong["id"].append((f"{name} {column}_en", english_only))
                if (indonesian_only := _probe(indonesian, english)) is not None:
                    wrong["en"].append((f"{name} {column}", indonesian_only))
    return wrong


WRONG = _probes()
CODES = frozenset({*CATEGORIES, *TYPES, *LINK_KINDS, *LEVELS, "high", "medium", "low"})
"""Internal values a person should never read as such: each has a label in both languages."""
_UNDERSCORED = re.compile(r"\b(" + "|".join(sorted(c for c in CODES if "_" in c)) + r")\b")


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> dict[tuple[str, str], AppTest]:
    folder = tmp_path_factory.mktemp("sweep")
    patch = pytest.MonkeyPatch()
    patch.setenv("SINERGI_DATA_DIR", str(folder / "var"))
    for name in ("SINERGI_DB_URL", "SINERGI_BOUNDARIES", "SINERGI_SECRET_KEY"):
        patch.delenv(name, raising=False)
    caller = as_account(ANALYST)
    opened = {}
    for lang in ("id", "en"):
        for page in PAGES:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.session_state["_caller"] = caller
            at.query_params.update({"lang": lang, "r": "51.08"})
            at.run()
            at.switch_page(page)
            opened[page, lang] = at.run()
    yield opened
    patch.undo()


def _cells(at: AppTest) -> list[str]:
    values: list[str] = []
    for node in _nodes(at._tree):
        if getattr(getattr(node, "proto", None), "editing_mode", 0):
            continue  # an editor keeps the stored codes in its cells and shows their labels (format_func)
        if getattr(node, "type", "") in ("arrow_data_frame", "dataframe"):
            frame = node.value
            values += [str(v) for v in frame.to_numpy().ravel() if isinstance(v, str)]
            values += [str(c) for c in frame.columns]
    return values


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_bundled_text_of_the_other_language_reaches_the_screen(screens, page, lang):
    at = screens[page, lang]
    assert not at.exception, at.exception
    content = "\n".join(page_content(at))
    shown = [(where, probe) for where, probe in WRONG[lang] if probe in content]
    assert shown == [], f"{page} ({lang}) shows texts of the other language: {shown[:5]}"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_internal_code_reaches_the_screen(screens, page, lang):
    at = screens[page, lang]
    codes_in_cells = sorted({v for v in _cells(at) if v in CODES})
    assert codes_in_cells == [], f"{page} ({lang}) shows codes in its tables"
    texts = [
        str(e.value) for kind in ("markdown", "caption", "info", "warning", "subheader") for e in at.get(kind)
    ]
    underscored = sorted({m for text in texts for m in _UNDERSCORED.findall(text)})
    assert underscored == [], f"{page} ({lang}) shows codes in its texts"


def test_the_sweep_knows_what_to_look_for():
    assert len(WRONG["id"]) > 200
    assert len(WRONG["en"]) > 200
    assert {"money_politics", "election_body", "coordination"} <= CODES


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sweep_does_find_the_texts_of_the_screens_own_language(screens, lang):
    # A control: the texts of the right language are found the same way, so a miss above is real.
    other = "en" if lang == "id" else "id"
    content = "\n".join(page_content(screens["pages/riwayat_konflik.py", lang]))
    found = [probe for _, probe in WRONG[other] if probe in content]
    assert len(found) >= 10
