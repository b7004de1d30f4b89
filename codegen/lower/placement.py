"""Where each named schema goes: which side(s) it is needed on, its class names, its module.

- Sides: a schema reachable only from parameters and request bodies gets a request-side
  `...Param` TypedDict, only from responses (error responses' bodies included) a model, from both (or from no operation at all,
  like realtime events, and what those reach) both. A body schema whose properties became
  parameters needs no request-side type of its own.
- Names: the config's `types:` first, then `PascalCase` (+ `Param`), in sorted order.
- Modules: every named schema lives in a `types/` root module, whoever uses it; schemas in one
  reference cycle share one. `types/<area>/` (an area is a top-level resource; `beta` is looked
  through) re-exports what the operations of that area use, so a new usage never moves a type.
"""

from __future__ import annotations

from collections import defaultdict

from ..config import Config
from ..errors import ConfigError, Diagnostic
from ..ir.api import Side
from ..spec.pointer import escape_token
from .modules import ModuleNames, module_name_for, strongly_connected
from .naming import Allocator, class_name, pascal, singular
from .operations import Operation
from .types import TypeLowerer

__all__ = ["allocate_type_names", "area_of", "name_operation_types", "plan_types"]


def plan_types(
    ops: list[Operation],
    types: TypeLowerer,
    modules: ModuleNames,
    config: Config,
    diagnostics: list[Diagnostic],
) -> dict[str, list[str]]:
    """Decide the side(s), class name(s) and module of every named schema.

    Sides: a schema reachable only from parameters and request bodies gets a `...Param`
    TypedDict, only from responses a model, from both (or from no operation at all, like
    realtime events, and what those reach) both. Every named schema lives in a `types/`
    root module, whoever uses it; `types/<area>/__init__` re-exports what the operations of
    that area use, so a new usage never moves a type. Returns those: `types/<area>` -> the root
    modules whose names that group package re-exports.
    """
    tl = types
    schemas = types.schemas
    for name in schemas.named:
        schemas.direct_refs(name)
    request_roots: set[str] = set()
    response_roots: set[str] = set()
    flattened: set[str] = set()  # named body schemas whose properties became parameters
    files: set[str] = set()  # named schemas a multipart body sends (binary strings are files)
    area_sides: dict[str, dict[Side, set[str]]] = defaultdict(
        lambda: {"model": set(), "param": set()}
    )
    for op in ops:
        request = set()
        for param in op.params:
            request |= schemas.refs_in(param.schema, param.pointer)
        if op.body is not None:
            if op.body.multipart:
                files |= schemas.refs_in(op.body.schema, op.body.pointer)
            body, body_pointer = schemas.deref(op.body.schema, op.body.pointer)
            if schemas.is_class(body, body_pointer):
                # The body's own schema is flattened into the method: only what its
                # properties use needs a request-side type.
                named = schemas.named_ref(op.body.schema)
                if named is not None:
                    flattened.add(named)
                for prop in schemas.properties(body, body_pointer, inherit=False)[1]:
                    request |= schemas.refs_in(prop.schema, prop.pointer)
            else:
                request |= schemas.refs_in(op.body.schema, op.body.pointer)
        response = set()
        for part in (op.success.json, op.success.sse):
            if part is not None:
                response |= schemas.refs_in(part[0], part[1])
        for error in op.errors:  # error bodies are models too (`APIStatusError.body`)
            response |= schemas.refs_in(error.schema, error.pointer)
        request_roots |= request
        response_roots |= response
        used = area_sides[area_of(op.resource)]
        used["param"] |= schemas.closure(request)
        used["model"] |= schemas.closure(response)
    params = schemas.closure(request_roots)
    models = schemas.closure(response_roots)
    loose = schemas.closure(set(schemas.named) - params - models - flattened)
    params |= loose
    models |= loose
    tl.file_schemas = frozenset(schemas.closure(files))
    components = strongly_connected(
        {name: schemas.direct_refs(name) for name in schemas.named}, sorted(schemas.named)
    )
    sides: tuple[tuple[Side, set[str]], ...] = (("model", models), ("param", params))
    allocate_type_names(sides, types, config, diagnostics)
    # Group packages must not clash with root modules.
    root_modules = modules("types")
    for area in area_sides:
        root_modules.reserve(area)
    for side, members in sides:
        assigned: dict[int, str] = {}
        for name in sorted(members):
            component = components[name]
            module = assigned.get(component)
            if module is None:
                py_name = tl.planned[(name, side)][0]
                stem = root_modules.allocate(module_name_for(py_name), sep="_")
                module = assigned[component] = f"types/{stem}"
            tl.planned[(name, side)] = (tl.planned[(name, side)][0], module)
    for name, side in sorted(tl.planned):
        tl.define_named(name, side)
    return {
        f"types/{area}": sorted(
            {tl.planned[(name, side)][1] for side, names in by_side.items() for name in names}
        )
        for area, by_side in sorted(area_sides.items())
    }


def allocate_type_names(
    sides: tuple[tuple[Side, set[str]], ...],
    types: TypeLowerer,
    config: Config,
    diagnostics: list[Diagnostic],
) -> None:
    """Class names of named schemas: the config's `types:` names first, then the derived
    ones (`PascalCase`, `...Param` on the request side) in sorted order."""
    tl = types
    for schema, names in sorted(config.types.items()):
        pointer = f"/types/{escape_token(schema)}"
        if schema not in tl.schemas.named:
            raise ConfigError(pointer, f"the spec has no component schema {schema!r}")
        for side, members in sides:
            wanted = names.model if side == "model" else names.param
            if wanted is None:
                continue
            if schema not in members:
                where = "response" if side == "model" else "request"
                message = (
                    f"has no {where}-side type, so the config's `types: {{{schema}: "
                    f"{{{side}: {wanted}}}}}` is not used"
                )
                schema_pointer = f"#/components/schemas/{escape_token(schema)}"
                diagnostics.append(Diagnostic("warning", schema_pointer, message, "config"))
                continue
            if tl.names.allocate(wanted) != wanted:
                raise ConfigError(
                    f"{pointer}/{side}",
                    f"{wanted!r} is already taken (a type, resource or reserved name)",
                )
            tl.planned[(schema, side)] = (wanted, "")
    for side, members in sides:
        for name in sorted(members):
            if (name, side) not in tl.planned:
                base = class_name(name) + ("Param" if side == "param" else "")
                tl.planned[(name, side)] = (tl.names.allocate(base), "")


def name_operation_types(ops: list[Operation], types: TypeLowerer) -> None:
    """Class-name stems for each operation's types (`CompletionCreate`: `...Params`,
    `...Response`, `...Chunk`) and the name of its parameters' TypedDict.

    The shortest stem made of the resource path's last words that no other operation or type
    takes; the Params TypedDict is only imported by name from its own directory (it is never
    part of a signature), so its name only has to be unique there.
    """
    params_names: dict[str, set[str]] = {}
    taken: set[str] = set()
    # `registry` and `registries` are both "Registry": where singulars meet, the plural
    # resource keeps its plural (`RegistriesCreate`, `RegistryCreate`).
    owners: dict[str, set[str]] = {}
    for op in ops:
        words = owners.setdefault(pascal(singular(op.resource[-1])) + pascal(op.name), set())
        words.add(op.resource[-1])
    for op in sorted(ops, key=lambda o: (len(o.resource), o.resource, o.name)):
        method = pascal(op.name)
        last = [pascal(singular(op.resource[-1])), pascal(op.resource[-1])]
        if len(owners[last[0] + method]) > 1:
            last.reverse()
        stems = []
        for word in dict.fromkeys(last):
            stems.append(word)
            for part in reversed(op.resource[:-1]):
                stems.append(pascal(part) + stems[-1])
        chosen = None
        for stem in stems:
            candidate = stem + method
            if candidate not in taken and not any(
                candidate + suffix in types.names for suffix in ("Params", "Response", "Chunk")
            ):
                chosen = candidate
                break
        if chosen is None:
            chosen = Allocator(taken).allocate(stems[-1] + method)
        taken.add(chosen)
        op.base = chosen
        # The Params TypedDict is only imported by name from its own directory (it is never
        # part of a signature), so its name only has to be unique there.
        directory = "/".join(("types", *op.resource[:-1]))
        in_directory = params_names.setdefault(directory, set())
        params = next(
            (
                stem + method + "Params"
                for stem in stems
                if stem + method + "Params" not in in_directory
                and stem + method + "Params" not in types.names
            ),
            None,
        ) or Allocator(in_directory | {op.base + "Params"}).allocate(op.base + "Params")
        in_directory.add(params)
        op.params_class = params


def area_of(resource: tuple[str, ...]) -> str:
    """The `types/` subpackage a resource's types are grouped by: its top-level resource, except
    that `beta` is looked through (`beta.chat.completions` shares `types/chat/` with `chat`)."""
    if resource[0] == "beta" and len(resource) > 1:
        return resource[1]
    return resource[0]
