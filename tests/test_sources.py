"""data/SOURCES.md lists every source the bundled files cite."""

import importlib.util
import re

from tests.conftest import DATA_DIR, ROOT

spec = importlib.util.spec_from_file_location("list_sources", ROOT / "scripts" / "list_sources.py")
list_sources = importlib.util.module_from_spec(spec)
spec.loader.exec_module(list_sources)


def test_every_cited_url_is_listed_in_sources_md():
    listed = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    missing = [
        (path.name, url)
        for path in sorted(DATA_DIR.glob("*.csv"))
        for url in list_sources.cited_urls(path)
        if f"- {url}" not in listed
    ]
    assert missing == [], "run python scripts/list_sources.py"


def test_sources_md_explains_unknowns_and_assumptions():
    text = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert "Unknown stays unknown" in text
    assert "assumption=true" in text


def test_no_bundled_text_cites_a_working_file_of_ours():
    # A user can open a publication, not "research pilkada2024.md section 5a": sources and notes shown
    # on screen name the original (URL, title, date), never a file of the project or of its research.
    working_file = re.compile(r"\b[\w-]+\.md\b|\bresearch/|\bshared/research\b", re.IGNORECASE)
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(DATA_DIR.glob("*.csv"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if working_file.search(line)
    ]
    assert offenders == []
