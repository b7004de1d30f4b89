"""Import blocks of generated modules: which names a module needs, in ruff's isort order.

When a module's code is printed, `Imports` scans the identifiers in it (never inside string
literals) and writes the import lines it needs: names defined in other generated modules (looked
up in a `Registry`), runtime names, and `typing`/`pydantic`/... names (`KNOWN_NAMES`). Lines come
out the way ruff's isort writes them, so formatting never reorders them.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Mapping

__all__ = [
    "KNOWN_NAMES",
    "LINE_LENGTH",
    "Imports",
    "Registry",
    "format_import",
    "identifiers",
    "name_rank",
    "relative",
    "rename_identifiers",
    "section_of",
]

LINE_LENGTH = 100
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
    "UnknownVariant": ("_models", "runtime"),
    "OpenEnum": ("_models", "runtime"),
    "OPEN_ENUM": ("_models", "runtime"),
    "Omittable": ("_models", "runtime"),
    "StrictConstraints": ("_constraints", "runtime"),
    "NOT_GIVEN": ("_types", "runtime"),
    "FileTypes": ("_types", "runtime"),
    "BinaryContent": ("_types", "runtime"),
    "Headers": ("_types", "runtime"),
    "NotGiven": ("_types", "runtime"),
    "Query": ("_types", "runtime"),
    "make_request_options": ("_types", "runtime"),
    "Stream": ("_streaming", "runtime"),
    "AsyncStream": ("_streaming", "runtime"),
    "SyncPage": ("_pagination", "runtime"),
    "SyncPageOptionalData": ("_pagination", "runtime"),
    "AsyncPage": ("_pagination", "runtime"),
    "AsyncPageOptionalData": ("_pagination", "runtime"),
    "SyncCursorPage": ("_pagination", "runtime"),
    "SyncCursorPageOptionalData": ("_pagination", "runtime"),
    "AsyncCursorPage": ("_pagination", "runtime"),
    "AsyncCursorPageOptionalData": ("_pagination", "runtime"),
    "SyncNextUrlPage": ("_pagination", "runtime"),
    "SyncNextUrlPageOptionalData": ("_pagination", "runtime"),
    "AsyncNextUrlPage": ("_pagination", "runtime"),
    "AsyncNextUrlPageOptionalData": ("_pagination", "runtime"),
    "SyncPageNumberPage": ("_pagination", "runtime"),
    "SyncPageNumberPageOptionalData": ("_pagination", "runtime"),
    "AsyncPageNumberPage": ("_pagination", "runtime"),
    "AsyncPageNumberPageOptionalData": ("_pagination", "runtime"),
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
    "styled": ("_qs", "runtime"),
    "cookie_header": ("_qs", "runtime"),
    "header_text": ("_qs", "runtime"),
    "cached_property": ("_utils", "runtime"),
    "UNKNOWN_TAG": ("_discriminated", "runtime"),
    "UNTAGGED": ("_discriminated", "runtime"),
    "tag_of": ("_discriminated", "runtime"),
}


def identifiers(code: str) -> list[str]:
    """Identifiers used in `code`, in order, skipping string literals."""
    return [match.group(1) for match in _TOKEN.finditer(code) if match.group(1)]


@functools.lru_cache(maxsize=65536)  # Stripe: 1,700 modules importing from 2,000 others
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


def name_rank(name: str) -> tuple[int, str, str]:
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


def rename_identifiers(code: str, renames: Mapping[str, str]) -> str:
    """`code` with each identifier in `renames` replaced (not inside string literals, not after
    a `.`): how a module spells a name it imports under another name."""
    if not renames:
        return code

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None or (match.start() > 0 and code[match.start() - 1] == "."):
            return match.group(0)
        return renames.get(name, name)

    return _TOKEN.sub(replace, code)


class Imports:
    """Collects the imports one module needs and prints them in isort order.

    `renamed` maps a name the module uses to the generated name it stands for (`PetsModel` ->
    `Pets`, when the module defines a `Pets` of its own): it is imported `as` that name.
    """

    def __init__(
        self,
        module: str,
        registry: Registry,
        local: Iterable[str] = (),
        renamed: Mapping[str, str] | None = None,
    ) -> None:
        self._module = module
        self._registry = registry
        self._local = set(local)
        self._renamed = dict(renamed or {})
        self._from: dict[tuple[str, str], set[str]] = {}
        self._plain: set[str] = set()

    def scan(self, *codes: str) -> None:
        """Import whatever generated, runtime or library names appear in `codes`."""
        for code in codes:
            for name in identifiers(code):
                self.need(name)

    def need_all(self, names: Iterable[str]) -> None:
        """`need` each of `names` (identifiers, e.g. `annotations.names_used`)."""
        for name in names:
            self.need(name)

    def need(self, name: str) -> None:
        """Import `name` if it is defined elsewhere (no-op for locals and builtins)."""
        original = self._renamed.get(name)
        if original is not None:
            target = self._registry.get(original)
            if target is not None:
                self.add_from(relative(self._module, target), f"{original} as {name}", "local")
            return
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

    def need_module(self, module: str) -> None:
        """`import module` (for a qualified name such as `typing.Final`, which no generated name
        can shadow)."""
        self._plain.add(module)

    def is_generated(self, name: str) -> bool:
        """Whether `name` is defined by a generated module (the registry knows it)."""
        return self._registry.get(name) is not None

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
            plain = sorted(m for m in self._plain if section_of(m) == section)
            froms = sorted(
                (module for (sec, module) in self._from if sec == section),
                key=_module_sort_key,
            )
            pad = " " * indent
            block = [f"{pad}import {module}" for module in plain]
            for module in froms:
                # `from m import a, b` then each `from m import c as d` on its own line, as
                # ruff's isort writes them.
                every = self._from[(section, module)]
                names = sorted((n for n in every if " as " not in n), key=name_rank)
                if names:
                    block.append(format_import(module, names, indent))
                for aliased in sorted((n for n in every if " as " in n), key=name_rank):
                    block.append(format_import(module, [aliased], indent))
            if block:
                sections.append(block)
        out: list[str] = []
        for block in sections:
            if out:
                out.append("")
            out.extend(block)
        return tuple(out)


def section_of(module: str) -> str:
    """The isort section of an absolute module: "std" or "third"."""
    return "std" if module.partition(".")[0] in sys.stdlib_module_names else "third"


def _module_sort_key(module: str) -> tuple[int, str]:
    # Relative imports: furthest first ("..." before ".."), then by name.
    dots = len(module) - len(module.lstrip("."))
    return (-dots, module.lstrip(".").lower())
