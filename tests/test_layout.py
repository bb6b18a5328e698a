"""The house rules of geo/, read from the code's own imports: each package imports only the packages below it,
nothing below the dashboard imports Streamlit, only geo/store speaks SQL to the newsmap store, and no two modules
import each other (directly or round a longer circle).

The layers, bottom up (each package's docstring says the same in words):
foundation (records, errors, settings, names, nlp) < places < actors < events < ingest; store < views < render;
cli and the dashboard on top.
"""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import REPO

FOUNDATION = {"records", "errors", "settings", "names", "nlp"}
MAY_IMPORT = {
    "foundation": {"foundation"},
    "places": {"foundation"},
    "actors": {"foundation", "places"},
    "events": {"foundation", "places", "actors"},
    "ingest": {"foundation", "places", "actors", "events", "store"},
    "store": {"foundation"},
    "views": {"foundation", "store"},
    "render": {"foundation", "views"},
    "cli": {"foundation", "places", "actors", "events", "ingest", "store", "views", "render", "cli"},
}
#: Module-level circles still to be taken apart, each with its reason. Empty is the goal.
KNOWN_CIRCLES: set[frozenset[str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "dashboard":
        return "dashboard"
    return "foundation" if len(parts) < 2 or parts[1] in FOUNDATION else parts[1]


def imports(path: Path, top_level_only: bool = False) -> set[str]:
    """Every module ``path`` imports, at the top or inside functions (``from geo.x import y`` names geo.x.y when
    that is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names if is_module(f"{node.module}.{a.name}")}
    return found


def is_module(name: str) -> bool:
    path = REPO / Path(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def sources(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (REPO / f).rglob("*.py"))


def test_each_package_imports_only_the_packages_below_it():
    wrong = []
    for path in sources("geo"):
        src = package_of(module_name(path))
        for name in imports(path):
            if name.startswith("geo.") and package_of(name) not in MAY_IMPORT[src] | {src}:
                wrong.append(f"{path.relative_to(REPO)} ({src}) imports {name} ({package_of(name)})")
    assert not wrong, "\n".join(wrong)


def test_only_the_dashboard_imports_streamlit_and_nothing_imports_the_dashboard():
    wrong = [f"{p.relative_to(REPO)} imports {n}" for p in sources("geo") for n in imports(p)
             if n.split(".")[0] in ("streamlit", "streamlit_folium", "dashboard")]
    assert not wrong, "\n".join(wrong)


def test_only_the_store_speaks_sql_to_the_newsmap_store():
    """SQLAlchemy is the store's; the gazetteer and the geocoding cache are SQLite files of their own in places/."""
    own_files = {"geo.places.gazetteer", "geo.places.geocache"}
    wrong = []
    for path in sources("geo", "dashboard"):
        module = module_name(path)
        for name in imports(path):
            root = name.split(".")[0]
            if root == "sqlalchemy" and not module.startswith("geo.store"):
                wrong.append(f"{module} imports {name}")
            if root == "sqlite3" and module not in own_files:
                wrong.append(f"{module} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_no_module_import_circles():
    graph: dict[str, set[str]] = defaultdict(set)
    for path in sources("geo", "dashboard"):
        module = module_name(path)
        graph[module] |= {n for n in imports(path) if n.split(".")[0] in ("geo", "dashboard")
                          and not module.startswith(n + ".")}  # a module's own package is imported first anyway
    circles = {c for c in map(frozenset, strongly_connected(graph)) if len(c) > 1}
    assert circles <= KNOWN_CIRCLES, sorted(map(sorted, circles - KNOWN_CIRCLES))


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively: the groups of modules that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in list(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                groups.append(group)
    return groups


def test_every_package_says_what_it_owns_and_what_it_must_not_import():
    for init in sorted((REPO / "geo").glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert len(doc.split()) >= 25, f"{init.relative_to(REPO)}: say what the package owns and may import"
        assert "never" in doc or init.parent.name == "cli", f"{init.relative_to(REPO)}: say what it must not import"


#: A module past this many lines holds more than one concept (STYLE: split one that passes ~500); a function past
#: this many is a concept with no name yet.
MODULE_LINES, FUNCTION_LINES = 450, 60


def too_long(path: Path) -> list[str]:
    """What in ``path`` passes the limits, as "file: what (n lines)"."""
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(REPO)
    found = [f"{name}: the module ({n} lines)" for n in [len(text.splitlines())] if n > MODULE_LINES]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            n = node.end_lineno - node.lineno + 1
            if n > FUNCTION_LINES:
                found.append(f"{name}: {node.name}() ({n} lines)")
    return found


def test_modules_and_functions_stay_small():
    assert [f for p in sources("geo", "dashboard") for f in too_long(p)] == []


def test_the_size_check_finds_a_long_function(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.REPO", tmp_path)
    long = tmp_path / "long.py"
    long.write_text("def f():\n" + "    x = 1\n" * FUNCTION_LINES + "\n\ndef g():\n    return 1\n")
    assert too_long(long) == [f"long.py: f() ({FUNCTION_LINES + 1} lines)"]
    long.write_text("x = 1\n" * (MODULE_LINES + 1))
    assert too_long(long) == [f"long.py: the module ({MODULE_LINES + 1} lines)"]


@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": {"a"}, "c": {"a"}}, [{"a", "b"}, {"c"}]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, [{"c"}, {"b"}, {"a"}]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [{"a", "b", "c"}]),
])
def test_the_circle_finder_finds_circles(graph, expected):
    assert sorted(map(sorted, strongly_connected(graph))) == sorted(map(sorted, expected))
