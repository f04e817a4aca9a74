"""Every page through app.py, as `streamlit run` starts it, in both languages."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.core.i18n import STRINGS
from tests.conftest import open_page

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")
WIDGET_KINDS = ("selectbox", "radio", "multiselect", "button", "checkbox", "toggle", "text_input", "slider")


@pytest.fixture(autouse=True)
def _empty_store(fresh_store):
    return fresh_store


def shown_texts(at: AppTest) -> list[str]:
    texts = []
    for kind in TEXT_KINDS:
        texts += [str(e.value) for e in at.get(kind)]
    for kind in WIDGET_KINDS:
        texts += [str(e.label) for e in at.get(kind)]
    texts += [str(m.label) for m in at.get("metric")]
    return texts


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_errors_and_shows_no_raw_key(page, lang):
    at = open_page(page, {"lang": lang})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    texts = shown_texts(at)
    assert texts, "the page shows nothing"
    raw = [text for text in texts if text.strip() in STRINGS]
    assert raw == []


def test_overview_shows_the_election_figures_from_the_sources():
    at = open_page("pages/ringkasan.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Pemilih (DPT)"] == "3.283.893"
    assert metrics["TPS"] == "6.795"
    assert at.title[0].value == "Pilkada Serentak 2024 (Bali)"


def test_focus_on_a_regency_with_unknown_tps_says_unknown():
    at = open_page("pages/ringkasan.py", {"r": "51.03", "lang": "en"})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Polling stations (TPS)"] == "unknown"
    assert metrics["Voters (DPT)"] == "412,434"  # English groups thousands with a comma


def test_a_copied_link_reopens_the_same_page_focus_and_language():
    at = open_page("pages/peta.py", {"r": "51.08", "lang": "en"})
    assert any(i.value == "Focus: Buleleng" for i in at.info)  # the focus, in English
    assert at.title[0].value == "Vulnerability map"
    assert "51.08" in str(at.query_params["r"])
    # switching page keeps the view and writes it back to the URL
    at.switch_page("pages/ringkasan.py").run()
    assert any(i.value == "Focus: Buleleng" for i in at.info)
    assert at.title[0].value == "2024 regional elections (Bali)"
    assert "51.08" in str(at.query_params["r"])
    assert "en" in str(at.query_params["lang"])


def test_a_bad_link_falls_back_with_a_visible_notice():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"r": "99.99"})
    at.run()
    assert not at.exception
    assert any("99.99" in w.value for w in at.warning)
    assert at.session_state["_view"].focus is None


def test_overview_counts_days_from_the_voting_day_in_the_data():
    import datetime as dt

    from lib.core import clock

    at = open_page("pages/ringkasan.py")
    metrics = {m.label: m.value for m in at.metric}
    days = (clock.today() - dt.date(2024, 11, 27)).days  # in Bali (WITA), whatever the machine's zone
    assert metrics["Pemungutan suara 27/11/2024"] == f"H+{days}"


def test_overview_for_an_older_election_uses_its_own_voting_day():
    at = open_page("pages/ringkasan.py", {"e": "pemilu-2019"})
    labels = [m.label for m in at.metric]
    assert "Pemungutan suara 17/04/2019" in labels
    assert at.title[0].value == "Pemilu 2019"
