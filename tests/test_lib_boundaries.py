import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STREAMLIT_ALLOWED = {"cached.py"}


def test_only_the_streamlit_layer_imports_streamlit():
    offenders = []
    for path in sorted((ROOT / "lib").rglob("*.py")):
        if path.name in STREAMLIT_ALLOWED or path.name.startswith("ui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "streamlit" or n.startswith("streamlit.") for n in names):
                offenders.append(path.name)
    assert offenders == []


def test_pages_do_not_reach_past_lib():
    for path in sorted((ROOT / "pages").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "sqlalchemy" not in text, path.name
        assert "import sqlite3" not in text, path.name
