"""Hand-written helper methods (`helpers:` in the config) as `ir.HelperMethod`s.

The config names a module under `templates/lib/` for a resource; every `@helper_method` function
of it (read from its source by `codegen.runtime.lib_helpers`) becomes a method of that resource.
A helper `based_on` a generated method takes that method's parameters, so its signature follows
the spec: this module checks that the base method exists, that the parameters it drops exist,
and that the helper's name does not clash with a generated method.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .. import ir
from ..config import Helper
from ..errors import ConfigError
from ..runtime import HelperFunction, HelperSignature, lib_helpers
from ..spec.pointer import escape_token

__all__ = ["helper_methods", "split_docstring"]

_ARG = re.compile(r"^(?P<indent>\s+)(?P<name>[A-Za-z_][A-Za-z0-9_]*): ?(?P<text>.*)$")


def split_docstring(doc: str | None) -> tuple[str | None, dict[str, str]]:
    """A Google-style docstring's description and its `Args:` entries (joined into one line)."""
    if not doc:
        return None, {}
    head, found, tail = doc.partition("\nArgs:\n")
    if not found:
        return doc.strip() or None, {}
    args: dict[str, str] = {}
    current: str | None = None
    indent: int | None = None
    for line in tail.splitlines():
        match = _ARG.match(line)
        if match and (indent is None or len(match["indent"]) <= indent):
            current, indent = match["name"], len(match["indent"])
            args[current] = match["text"].strip()
        elif current is not None and line.strip():
            args[current] = f"{args[current]} {line.strip()}"
    return head.strip() or None, args


def _signature(signature: HelperSignature, docs: Mapping[str, str]) -> ir.HelperSignature:
    return ir.HelperSignature(
        tuple(
            ir.HelperParam(p.name, p.annotation, p.default, docs.get(p.name))
            for p in signature.params
        ),
        signature.returns,
    )


def _form(function: HelperFunction, docs: Mapping[str, str]) -> ir.HelperForm:
    return ir.HelperForm(
        function.name,
        function.is_async,
        tuple(_signature(s, docs) for s in function.overloads),
        _signature(function.signature, docs),
    )


def helper_methods(helper: Helper, methods: Mapping[str, ir.Method]) -> tuple[ir.HelperMethod, ...]:
    """The helper methods `helper` adds to its resource, whose generated methods are `methods`
    (by name); a `ConfigError` when they do not fit."""
    pointer = f"/helpers/{escape_token(helper.resource)}"
    try:
        declared = lib_helpers(helper.module)
    except ValueError as exc:
        raise ConfigError(pointer, str(exc)) from None
    if not declared:
        raise ConfigError(pointer, f"lib/{helper.module} declares no @helper_method function")
    out = []
    for decl in declared:
        if decl.name in methods:
            raise ConfigError(
                pointer,
                f"helper {decl.name}() clashes with the generated method "
                f"client.{helper.resource}.{decl.name}(); rename one of them",
            )
        if decl.based_on is not None:
            base = methods.get(decl.based_on)
            if base is None:
                raise ConfigError(
                    pointer,
                    f"helper {decl.name}() is based on {decl.based_on}(), which "
                    f"client.{helper.resource} does not have",
                )
            known = {p.name for p in base.params}
            missing = [name for name in decl.drop if name not in known]
            if missing:
                raise ConfigError(
                    pointer,
                    f"helper {decl.name}() drops {', '.join(missing)}, which "
                    f"{helper.resource}.{decl.based_on}() does not take",
                )
        description, docs = split_docstring(decl.sync.doc)
        out.append(
            ir.HelperMethod(
                name=decl.name,
                module="lib/" + helper.module.replace(".", "/"),
                based_on=decl.based_on,
                drop=decl.drop,
                doc=description,
                sync=_form(decl.sync, docs),
                async_=_form(decl.async_, docs),
                imports=tuple(ir.HelperImport(*name) for name in decl.names),
            )
        )
    return tuple(out)
