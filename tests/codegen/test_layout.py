"""The generator's own layout: small modules, no import cycles, each package says what it holds.

Imports are read from the source (module level, `if TYPE_CHECKING:` blocks included; imports
inside functions are not module-level and are left out). Importing `a.b.c` also runs the
`__init__` of `a` and `a.b`, so those count as imported too, except packages the importing
module is itself inside (Python has started them already).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

CODEGEN = Path(__file__).resolve().parents[2] / "codegen"
MAX_LINES = 600
PACKAGES = (
    "codegen",
    "codegen.spec",
    "codegen.ir",
    "codegen.lower",
    "codegen.render",
    "codegen.review",
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(CODEGEN.rglob("*.py")):
        parts = path.relative_to(CODEGEN.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _module_level(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If | ast.Try):
            stack.extend(node.body)
            stack.extend(node.orelse)
            if isinstance(node, ast.Try):
                for handler in node.handlers:
                    stack.extend(handler.body)


def _targets(name: str) -> set[str]:
    """Codegen modules that importing module `name` imports at module level."""
    package = name if _is_package(name) else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _module_level(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            candidates = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        for candidate in candidates:
            if candidate in MODULES:
                found.add(candidate)
    # Importing a.b.c runs a/__init__ and a/b/__init__ first (unless the importer is inside).
    ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
    for target in list(found):
        parts = target.split(".")
        found |= {".".join(parts[:i]) for i in range(1, len(parts))} - ancestors
    return {t for t in found if t != name and t in MODULES and t not in ancestors}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for child in sorted(graph[node]):
            if child not in index:
                visit(child)
                low[node] = min(low[node], low[child])
            elif child in on_stack:
                low[node] = min(low[node], index[child])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def test_no_import_cycles_among_codegen_modules() -> None:
    graph = {name: _targets(name) for name in MODULES}
    assert sum(len(targets) for targets in graph.values()) > 100  # the walk found imports
    assert _cycles(graph) == []


def test_the_cycle_check_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_stages_depend_on_each_other_in_one_direction() -> None:
    """spec -> lower -> render; the IR depends on no stage; review reads the IR."""
    graph = {name: _targets(name) for name in MODULES}

    def uses(prefix: str, other: str) -> list[str]:
        return sorted(
            f"{name} -> {target}"
            for name, targets in graph.items()
            if name.startswith(prefix)
            for target in targets
            if target.startswith(other)
        )

    assert uses("codegen.ir", "codegen.") == uses("codegen.ir", "codegen.ir")
    assert uses("codegen.spec", "codegen.lower") == []
    assert uses("codegen.render", "codegen.lower") == []
    assert uses("codegen.render", "codegen.review") == []
    assert uses("codegen.lower", "codegen.review") == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_are_small_and_say_what_they_export(name: str) -> None:
    source = MODULES[name].read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_LINES, f"{name} has more than {MAX_LINES} lines"
    tree = ast.parse(source)
    assert ast.get_docstring(tree), f"{name} has no docstring"
    if not name.endswith("__main__"):
        assigned = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        assert "__all__" in assigned, f"{name} has no __all__"


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_docstring_lists_its_modules(package: str) -> None:
    doc = ast.get_docstring(ast.parse(MODULES[package].read_text(encoding="utf-8"))) or ""
    own = [
        name.rpartition(".")[2]
        for name in MODULES
        if name.rpartition(".")[0] == package and name.rpartition(".")[2] != "__main__"
    ]
    missing = [m for m in own if m not in doc]
    assert missing == [], f"{package}'s docstring does not mention {missing}"
