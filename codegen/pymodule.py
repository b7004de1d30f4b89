"""Assembling generated Python modules: imports, definition order and forward references.

Generated source text refers to other names plainly (`Optional[ChatCompletionMessage]`). When a
module is finished, `Imports` scans the identifiers in its code (never inside string literals)
and writes the import lines it needs: names defined in other generated modules (looked up in a
`Registry`), runtime names, and `typing`/`pydantic`/... names. Lines come out in the order
ruff's isort wants.

`order_definitions` puts a module's definitions in dependency order; a reference to a name
defined later in the same module (only possible in recursive schemas) makes the whole
annotation a string, and the model is listed for `model_rebuild()`.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from . import ir
from .naming import quote_annotation

__all__ = [
    "BUILTIN_TYPES",
    "KNOWN_NAMES",
    "LINE_LENGTH",
    "RUNTIME_DIR",
    "Imports",
    "Registry",
    "format_import",
    "identifiers",
    "order_definitions",
    "pep604",
    "qualify_builtins",
    "relative",
    "runtime_all",
]

LINE_LENGTH = 100
RUNTIME_DIR = Path(__file__).resolve().parent.parent / "templates" / "runtime"
# Builtins that generated annotations use. A field with one of these names would shadow the
# builtin inside its class, so there the annotations say `builtins.object` instead.
BUILTIN_TYPES = frozenset({"bool", "bytes", "dict", "float", "int", "list", "object", "str"})
_TOKEN = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|([A-Za-z_][A-Za-z0-9_]*)")

# name -> (module, kind). kind "runtime": module is a path inside the package (no ".py");
# "std"/"third": an absolute module; "import": a plain `import module` line.
KNOWN_NAMES: Mapping[str, tuple[str, str]] = {
    "Annotated": ("typing", "std"),
    "Any": ("typing", "std"),
    "Literal": ("typing", "std"),
    "Optional": ("typing", "std"),
    "Union": ("typing", "std"),
    "TYPE_CHECKING": ("typing", "std"),
    "cast": ("typing", "std"),
    "overload": ("typing", "std"),
    "Mapping": ("collections.abc", "std"),
    "Sequence": ("collections.abc", "std"),
    "httpx2": ("httpx2", "import"),
    "builtins": ("builtins", "import"),
    "Discriminator": ("pydantic", "third"),
    "Field": ("pydantic", "third"),
    "Tag": ("pydantic", "third"),
    "Required": ("typing_extensions", "third"),
    "TypeAlias": ("typing_extensions", "third"),
    "TypedDict": ("typing_extensions", "third"),
    "BaseModel": ("_models", "runtime"),
    "NOT_GIVEN": ("_types", "runtime"),
    "FileTypes": ("_types", "runtime"),
    "Headers": ("_types", "runtime"),
    "NotGiven": ("_types", "runtime"),
    "Query": ("_types", "runtime"),
    "make_request_options": ("_types", "runtime"),
    "Stream": ("_streaming", "runtime"),
    "AsyncStream": ("_streaming", "runtime"),
    "SyncPage": ("_pagination", "runtime"),
    "AsyncPage": ("_pagination", "runtime"),
    "SyncCursorPage": ("_pagination", "runtime"),
    "AsyncCursorPage": ("_pagination", "runtime"),
    "SyncNextUrlPage": ("_pagination", "runtime"),
    "AsyncNextUrlPage": ("_pagination", "runtime"),
    "SyncPageNumberPage": ("_pagination", "runtime"),
    "AsyncPageNumberPage": ("_pagination", "runtime"),
    "AsyncPaginator": ("_pagination", "runtime"),
    "BinaryAPIResponse": ("_response", "runtime"),
    "AsyncBinaryAPIResponse": ("_response", "runtime"),
    "to_raw_response_wrapper": ("_response", "runtime"),
    "async_to_raw_response_wrapper": ("_response", "runtime"),
    "to_streamed_response_wrapper": ("_response", "runtime"),
    "async_to_streamed_response_wrapper": ("_response", "runtime"),
    "SyncAPIResource": ("_resource", "runtime"),
    "AsyncAPIResource": ("_resource", "runtime"),
    "path_param": ("_utils", "runtime"),
    "cached_property": ("_utils", "runtime"),
    "UNKNOWN_TAG": ("_discriminated", "runtime"),
    "tag_of": ("_discriminated", "runtime"),
}


def identifiers(code: str) -> list[str]:
    """Identifiers used in `code`, in order, skipping string literals."""
    return [match.group(1) for match in _TOKEN.finditer(code) if match.group(1)]


def qualify_builtins(code: str, names: Iterable[str]) -> str:
    """`code` with each of the builtin `names` written as `builtins.<name>` (string literals and
    attribute names left alone): `dict[str, object]` -> `dict[str, builtins.object]`."""
    wanted = set(names)
    if not wanted:
        return code

    def fix(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None or name not in wanted:
            return match.group(0)
        if match.start() > 0 and code[match.start() - 1] == ".":
            return match.group(0)
        return "builtins." + name

    return _TOKEN.sub(fix, code)


@functools.cache
def runtime_all(module: str) -> tuple[str, ...]:
    """The `__all__` of runtime module `module` (e.g. `_exceptions`), read from its source.

    Generated code that re-exports a runtime module's public names takes them from here, so a
    name added to the runtime is exported without touching the generator.
    """
    tree = ast.parse((RUNTIME_DIR / f"{module}.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return tuple(str(name) for name in ast.literal_eval(node.value))
    raise ValueError(f"templates/runtime/{module}.py has no literal __all__")


def relative(from_module: str, to_module: str) -> str:
    """The relative import path from module `from_module` to `to_module` (both `a/b/c` paths).

    >>> relative("types/chat/chat_completion", "_models")
    '..._models'
    """
    here = from_module.split("/")[:-1]
    there = to_module.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "." * (len(here) - common + 1) + ".".join(there[common:])


class Registry:
    """Where each generated name is defined: name -> module path (`types/chat/chat_completion`)."""

    def __init__(self) -> None:
        self._where: dict[str, str] = {}

    def add(self, name: str, module: str) -> None:
        """Record that `module` defines `name` (names are unique across the package)."""
        previous = self._where.setdefault(name, module)
        if previous != module:
            raise ValueError(f"{name} defined in both {previous} and {module}")

    def get(self, name: str) -> str | None:
        """The module defining `name`, if it is a generated name."""
        return self._where.get(name)


def _name_rank(name: str) -> tuple[int, str, str]:
    # ruff isort's order-by-type: CONSTANTS, then Classes, then functions/variables, each
    # case-insensitively.
    if name.isupper() and len(name) > 1:
        return (0, name.lower(), name)
    if name[:1].isupper():
        return (1, name.lower(), name)
    return (2, name.lower(), name)


def format_import(module: str, names: list[str], indent: int = 0) -> str:
    """`from module import a, b` indented by `indent`, wrapped like isort when too long."""
    pad = " " * indent
    line = f"{pad}from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    inner = "".join(f"{pad}    {name},\n" for name in names)
    return f"{pad}from {module} import (\n{inner}{pad})"


class Imports:
    """Collects the imports one module needs and prints them in isort order."""

    def __init__(self, module: str, registry: Registry, local: Iterable[str] = ()) -> None:
        self._module = module
        self._registry = registry
        self._local = set(local)
        self._from: dict[tuple[str, str], set[str]] = {}
        self._plain: set[str] = set()

    def scan(self, *codes: str) -> None:
        """Import whatever generated, runtime or library names appear in `codes`."""
        for code in codes:
            for name in identifiers(code):
                self.need(name)

    def need(self, name: str) -> None:
        """Import `name` if it is defined elsewhere (no-op for locals and builtins)."""
        if name in self._local:
            return
        target = self._registry.get(name)
        if target is not None:
            if target != self._module:
                self.add_from(relative(self._module, target), name, "local")
            return
        known = KNOWN_NAMES.get(name)
        if known is None:
            return
        module, kind = known
        if kind == "import":
            self._plain.add(module)
        elif kind == "runtime":
            self.add_from(relative(self._module, module), name, "local")
        else:
            self.add_from(module, name, kind)

    def add_from(self, module: str, name: str, section: str) -> None:
        """Add `from module import name` to `section` ("std", "third" or "local")."""
        self._from.setdefault((section, module), set()).add(name)

    def lines(self, indent: int = 0) -> tuple[str, ...]:
        """The import block, sections separated by an empty string entry.

        Each statement is indented by `indent` spaces; one longer than the line limit is wrapped
        in parentheses, one name per line, the way ruff's isort writes it.
        """
        sections: list[list[str]] = []
        for section in ("std", "third", "local"):
            plain = sorted(m for m in self._plain if _section_of(m) == section)
            froms = sorted(
                (module for (sec, module) in self._from if sec == section),
                key=_module_sort_key,
            )
            pad = " " * indent
            block = [f"{pad}import {module}" for module in plain]
            for module in froms:
                names = sorted(self._from[(section, module)], key=_name_rank)
                block.append(format_import(module, names, indent))
            if block:
                sections.append(block)
        out: list[str] = []
        for block in sections:
            if out:
                out.append("")
            out.extend(block)
        return tuple(out)


def _section_of(module: str) -> str:
    return "std" if module in ("builtins", "typing", "collections.abc") else "third"


def _module_sort_key(module: str) -> tuple[int, str]:
    # Relative imports: furthest first ("..." before ".."), then by name.
    dots = len(module) - len(module.lstrip("."))
    return (-dots, module.lstrip(".").lower())


def _codes(definition: ir.Definition) -> list[str]:
    if isinstance(definition, ir.Alias):
        return [definition.annotation]
    return [*definition.bases, *(f.annotation for f in definition.fields)]


def order_definitions(
    definitions: list[ir.Definition],
) -> tuple[list[ir.Definition], list[str]]:
    """Order `definitions` so each comes after what it uses; quote forward references.

    Aliases are visited first so that, in a cycle, the back reference lands in a class (where
    a quoted annotation works) rather than in an alias. A forward reference in an alias (a
    type that contains itself only through aliases) is replaced by `object`.
    Returns the ordered definitions and the models that need `model_rebuild()`.
    """
    by_name = {d.name: d for d in definitions}
    deps = {
        d.name: [n for code in _codes(d) for n in identifiers(code) if n in by_name and n != d.name]
        for d in definitions
    }
    roots = [d for d in definitions if isinstance(d, ir.Alias)] + [
        d for d in definitions if not isinstance(d, ir.Alias)
    ]
    done: list[ir.Definition] = []
    state: dict[str, int] = {}  # 1 = visiting, 2 = done
    for root in roots:
        if root.name in state:
            continue
        stack: list[tuple[str, int]] = [(root.name, 0)]
        state[root.name] = 1
        while stack:
            name, index = stack[-1]
            children = deps[name]
            if index < len(children):
                stack[-1] = (name, index + 1)
                child = children[index]
                if child not in state:
                    state[child] = 1
                    stack.append((child, 0))
                continue
            stack.pop()
            state[name] = 2
            done.append(by_name[name])
    defined: set[str] = set()
    result: list[ir.Definition] = []
    rebuild: list[str] = []
    for definition in done:
        fixed, forward = _fix_forward(definition, defined, by_name)
        defined.add(definition.name)
        if forward and isinstance(fixed, ir.Model):
            rebuild.append(fixed.name)
        result.append(fixed)
    return result, rebuild


def _fix_forward(
    definition: ir.Definition, defined: set[str], local: Mapping[str, ir.Definition]
) -> tuple[ir.Definition, bool]:
    def is_forward(code: str) -> bool:
        return any(n in local and n not in defined for n in identifiers(code))

    if isinstance(definition, ir.Alias):
        if not is_forward(definition.annotation):
            return definition, False
        annotation = _TOKEN.sub(
            lambda m: (
                "object"
                if m.group(1) and m.group(1) in local and m.group(1) not in defined
                else m.group(0)
            ),
            definition.annotation,
        )
        return replace(definition, annotation=annotation), True
    fields = []
    forward = False
    for field in definition.fields:
        if is_forward(field.annotation):
            forward = True
            field = replace(field, annotation=quote_annotation(field.annotation))
        fields.append(field)
    if not forward:
        return definition, False
    return replace(definition, fields=tuple(fields)), True


_TYPE_TOKEN = re.compile(
    r"\s*(?:(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')|([A-Za-z_][A-Za-z0-9_.]*)|(-?\d+)|([\[\],|]))"
)


def pep604(annotation: str) -> str:
    """Rewrite `Optional[X]` as `X | None` and `Union[A, B]` as `A | B` (for modules that use
    `from __future__ import annotations`, where ruff asks for PEP 604 unions)."""
    tokens: list[str] = []
    end = 0
    for match in _TYPE_TOKEN.finditer(annotation):
        if match.start() != end:
            return annotation  # not a plain type expression: leave it alone
        tokens.append(match.group(0).strip())
        end = match.end()
    if end != len(annotation.rstrip()) or not tokens:
        return annotation
    position = 0

    def parse() -> tuple[str, list[str]]:
        # Returns (rendered, union members) for one type expression.
        nonlocal position
        members: list[str] = []
        while True:
            rendered, parts = parse_atom()
            members.extend(parts if parts else [rendered])
            if position < len(tokens) and tokens[position] == "|":
                position += 1
                continue
            return " | ".join(members), members

    def parse_atom() -> tuple[str, list[str]]:
        nonlocal position
        head = tokens[position]
        position += 1
        if position >= len(tokens) or tokens[position] != "[":
            return head, []
        position += 1
        args: list[tuple[str, list[str]]] = []
        while tokens[position] != "]":
            if head == "Literal":
                args.append((tokens[position], []))
                position += 1
            else:
                args.append(parse())
            if tokens[position] == ",":
                position += 1
        position += 1
        if head == "Optional":
            members = [*(args[0][1] or [args[0][0]]), "None"]
            return " | ".join(members), members
        if head == "Union":
            members = [m for rendered, parts in args for m in (parts or [rendered])]
            return " | ".join(members), members
        return f"{head}[{', '.join(rendered for rendered, _ in args)}]", []

    rendered, _ = parse()
    return rendered
