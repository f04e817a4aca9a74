"""The shape of the house, read from the code: who may import whom, and no import circle."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "lib"
PAGE_MAX_LINES = 300
MODULE_MAX_LINES = 700


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(LIB.rglob("*.py"))}


def imported_modules(path: Path) -> set[str]:
    """Return the ``lib`` modules ``path`` imports, at any depth of its code (lazy imports count)."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            # "from lib.x import y" imports lib.x.y when y is a module, else lib.x
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in MODULES and t != here}
    return found


GRAPH = {name: imported_modules(path) for name, path in MODULES.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import circle as a list of modules (first = last), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_cycle_finder_finds_a_circle_of_three():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_circle_among_lib_modules():
    assert find_cycle(GRAPH) is None


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_streamlit_layer_imports_streamlit():
    offenders = [
        name
        for name, path in MODULES.items()
        if not name.startswith("lib.ui")
        and any(n == "streamlit" or n.startswith("streamlit.") for n in imports_of(path))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("lib.access", ("lib.store", "lib.posko", "lib.network", "lib.intake", "lib.ui", "sqlalchemy")),
        ("lib.core", ("lib.store", "lib.access", "lib.posko", "lib.network", "lib.ui", "lib.risk")),
        ("lib.store", ("lib.posko", "lib.network", "lib.risk", "lib.history", "lib.geo", "lib.ui")),
    ],
    ids=["access knows no table", "core is the ground floor", "store knows no domain"],
)
def test_lower_floors_import_nothing_above_them(package, forbidden):
    offenders = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if name == package or name.startswith(package + ".")
        for target in targets | imports_of(MODULES[name])
        if any(target == f or target.startswith(f + ".") for f in forbidden)
    )
    assert offenders == []


def test_every_table_is_defined_in_the_schema():
    offenders = [
        name
        for name, path in MODULES.items()
        if name != "lib.store.schema" and "sa.Table(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_pages_do_not_reach_past_lib():
    for path in sorted((ROOT / "pages").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "sqlalchemy" not in text, path.name
        assert "import sqlite3" not in text, path.name


def test_pages_and_modules_keep_to_their_size():
    too_long = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for path, limit in [
            *((p, PAGE_MAX_LINES) for p in (ROOT / "pages").glob("*.py")),
            *((p, MODULE_MAX_LINES) for p in LIB.rglob("*.py") if "locales" not in p.parts),
        ]
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > limit
    ]
    assert too_long == []


CLOCK_READS = re.compile(r"\b(?:date\.today|datetime\.now|datetime\.utcnow|Timestamp\.(?:now|today))\(")


def test_the_time_is_read_from_one_clock():
    # Every "today", stamp and period boundary comes from lib.core.clock (Bali time, WITA): a page
    # that asked the system clock for its date said 02/12 while a report saved then said 03/12 WITA.
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted(LIB.rglob("*.py"))]
        if path != LIB / "core" / "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if CLOCK_READS.search(line)
    ]
    assert offenders == []
