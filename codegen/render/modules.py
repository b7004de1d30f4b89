"""Each generated module as printed pieces: import blocks, definitions, classes, exports.

The templates write these views out; every decision about how Python is spelled is made here
(or in `annotations` / `methods`): import lines, forward references, `builtins.` prefixes for
names a class shadows, the functional `TypedDict` syntax for keys that cannot be attributes, and
what `types/` and `resources/` modules import (the client and package `__init__`s: `package`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from .. import ir
from ..ir import types as t
from .annotations import BUILTIN_TYPES, annotation, names_used
from .error_bodies import ErrorsConstant, errors_constant
from .helpers import helper_imports, print_helper
from .imports import (
    Imports,
    Registry,
    identifiers,
    relative,
    rename_identifiers,
)
from .methods import CallArg, Param, PrintedMethod, Signature, print_method
from .text import docstring, is_identifier, py_str, quote_annotation

__all__ = [
    "PrintedChild",
    "PrintedDefinition",
    "PrintedField",
    "PrintedMethodPair",
    "PrintedResource",
    "PrintedTypeModule",
    "print_resource",
    "print_type_module",
    "registry",
]

_RAW_WRAPPERS = (
    "to_raw_response_wrapper",
    "async_to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_streamed_response_wrapper",
)
_STANDARD_PARAMS = ("httpx2", "Headers", "Query", "Mapping", "NotGiven", "NOT_GIVEN")


def registry(api: ir.Api) -> Registry:
    """Where each generated name is defined (method parameter TypedDicts are never imported)."""
    found = Registry()
    for module in api.type_modules:
        path = module.path.removesuffix(".py")
        for definition in module.definitions:
            if not (
                isinstance(definition, ir.TypedDictDef | ir.Alias) and definition.method_params
            ):
                found.add(definition.name, path)
    return found


# ---------------------------------------------------------------------------------------- types


@dataclass(frozen=True)
class PrintedField:
    """`name: annotation = default` and the docstring below it."""

    name: str
    annotation: str
    default: str | None
    doc: str | None


@dataclass(frozen=True)
class PrintedDefinition:
    """A model, TypedDict (class or functional syntax) or alias, ready to write."""

    kind: str
    name: str
    bases: tuple[str, ...]
    fields: tuple[PrintedField, ...]
    doc: str | None
    functional: bool = False
    annotation: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintedTypeModule:
    imports: tuple[str, ...]
    exports: tuple[str, ...]
    definitions: tuple[PrintedDefinition, ...]
    rebuild: tuple[str, ...]


def _doc(text: str | None) -> str | None:
    return docstring(text) if text else None


def _model_fields(model: ir.Model, qualify: frozenset[str]) -> list[PrintedField]:
    out = []
    for item in model.fields:
        alias = None if item.name == item.wire else py_str(item.wire)
        if item.required:
            default = None if alias is None else f"Field(alias={alias})"
        else:
            default = "None" if alias is None else f"Field(default=None, alias={alias})"
        text = _field_annotation(item, qualify)
        out.append(PrintedField(item.name, text, default, _doc(item.doc)))
    return out


def _field_annotation(item: ir.Field, qualify: frozenset[str]) -> str:
    """A model field's annotation: `Optional[X]` where the spec allows null, `Omittable[X]`
    where the property may only be absent (strict validation rejects null there), and
    `Annotated[X, StrictConstraints(...)]` for a value with JSON Schema constraints."""
    nullable = t.is_nullable(item.type)
    omittable = not item.required and not nullable and item.type != t.OBJECT
    if not item.constraints:
        if omittable:
            return f"Omittable[{annotation(item.type, 'model', qualify=qualify)}]"
        typ = item.type if item.required else t.nullable(item.type)
        return annotation(typ, "model", qualify=qualify)
    text = annotation(t.strip_null(item.type), "model", qualify=qualify)
    rules = ", ".join(f"{name}={_python_value(value)}" for name, value in item.constraints)
    text = f"Annotated[{text}, StrictConstraints({rules})]"
    if omittable:
        return f"Omittable[{text}]"
    return f"Optional[{text}]" if nullable or not item.required else text


def _python_value(value: object) -> str:
    return py_str(value) if isinstance(value, str) else repr(value)


def _builtins_used(fields: tuple[ir.Field, ...], side: ir.Side) -> set[str]:
    return {n for f in fields for n in names_used(f.type, side) if n in BUILTIN_TYPES}


def _model(model: ir.Model) -> PrintedDefinition:
    """A model; a field named like a builtin its annotations use (`object` next to `dict[str,
    object]`) would shadow it in the class: the annotations say `builtins.object` instead."""
    names = {f.name for f in model.fields}
    shadowed = (
        frozenset(_builtins_used(model.fields, "model") & names)
        if names & BUILTIN_TYPES
        else frozenset()
    )
    fields = _model_fields(model, shadowed)
    bases = model.bases or ("BaseModel",)
    keywords = ("closed=True",) if model.closed else ()
    return PrintedDefinition(
        "model", model.name, bases, tuple(fields), _doc(model.doc), keywords=keywords
    )


def _typeddict_annotations(item: ir.TypedDictDef, qualify: frozenset[str]) -> list[str]:
    out = []
    for field in item.fields:
        text = annotation(field.type, "param", qualify=qualify)
        out.append(f"Required[{text}]" if field.required else text)
    return out


def _typeddict(item: ir.TypedDictDef) -> PrintedDefinition:
    """A TypedDict. Class syntax needs identifier keys that shadow nothing its annotations use;
    otherwise the functional syntax is used (keys are then string literals, without docs)."""
    used = {n for f in item.fields for n in names_used(f.type, "param")}
    used |= {"Required"} if any(f.required for f in item.fields) else set()
    shadowed = frozenset(used & BUILTIN_TYPES & {f.name for f in item.fields})
    if shadowed:
        used = (used - shadowed) | {"builtins"}
    annotations = _typeddict_annotations(item, shadowed)
    functional = any(not is_identifier(f.name) or f.name in used for f in item.fields)
    fields = tuple(
        PrintedField(py_str(f.name), text, None, None)
        if functional
        else PrintedField(f.name, text, None, _doc(f.doc))
        for f, text in zip(item.fields, annotations, strict=True)
    )
    bases = item.bases or ("TypedDict",)
    return PrintedDefinition("typeddict", item.name, bases, fields, _doc(item.doc), functional)


def _definition(item: ir.Definition) -> PrintedDefinition:
    if isinstance(item, ir.Alias):
        text = annotation(item.type, item.side)
        return PrintedDefinition("alias", item.name, (), (), _doc(item.doc), annotation=text)
    if isinstance(item, ir.Model):
        return _model(item)
    return _typeddict(item)


def _quote_forward(
    printed: PrintedDefinition, item: ir.Definition, local: set[str], defined: set[str]
) -> PrintedDefinition:
    """Fields that refer to a name of this module defined further down become strings."""
    if isinstance(item, ir.Alias):
        return printed
    fields = []
    changed = False
    for field, source in zip(printed.fields, item.fields, strict=True):
        if any(name in local and name not in defined for name in t.refs(source.type)):
            field = PrintedField(
                field.name, quote_annotation(field.annotation), field.default, field.doc
            )
            changed = True
        fields.append(field)
    if not changed:
        return printed
    return PrintedDefinition(
        printed.kind,
        printed.name,
        printed.bases,
        tuple(fields),
        printed.doc,
        printed.functional,
        printed.annotation,
        printed.keywords,
    )


def _names_printed(item: ir.Definition, view: PrintedDefinition) -> Iterator[str]:
    """The names `view` (printed from `item`) uses: what its imports must provide."""
    if isinstance(item, ir.Alias):
        yield "TypeAlias"
        yield from names_used(item.type, item.side)
        return
    yield from view.bases
    if view.functional:
        yield "TypedDict"
    side: ir.Side = "model" if isinstance(item, ir.Model) else "param"
    for field, printed in zip(item.fields, view.fields, strict=True):
        yield from names_used(field.type, side)
        if side == "model":
            yield from _marker_names(field)
        if side == "param" and field.required:
            yield "Required"
        if "builtins." in printed.annotation:
            yield "builtins"
        if printed.default is not None and printed.default.startswith("Field("):
            yield "Field"


def _marker_names(field: ir.Field) -> Iterator[str]:
    """Names `_field_annotation` adds around the field's type."""
    nullable = t.is_nullable(field.type)
    if not field.required and not nullable:
        yield "Optional" if field.type == t.OBJECT else "Omittable"
    if field.constraints:
        yield from ("Annotated", "StrictConstraints")
        if nullable:
            yield "Optional"


def print_type_module(module: ir.TypeModule, names: Registry) -> PrintedTypeModule:
    """A `types/` module: its imports, and its definitions in order with forward references
    quoted."""
    path = module.path.removesuffix(".py")
    local = {d.name for d in module.definitions}
    imports = Imports(path, names, local=local)
    printed: list[PrintedDefinition] = []
    defined: set[str] = set()
    for item in module.definitions:
        view = _definition(item)
        imports.need_all(_names_printed(item, view))
        printed.append(_quote_forward(view, item, local, defined))
        defined.add(item.name)
    return PrintedTypeModule(imports.lines(), module.exports, tuple(printed), module.rebuild)


# ------------------------------------------------------------------------------------ resources


@dataclass(frozen=True)
class PrintedChild:
    """A sub-resource attribute; `module` is the relative import of its classes."""

    attr: str
    module: str
    sync: ir.ResourceVariant
    async_: ir.ResourceVariant


@dataclass(frozen=True)
class PrintedMethodPair:
    name: str
    doc: str | None
    sync: PrintedMethod
    async_: PrintedMethod


@dataclass(frozen=True)
class PrintedResource:
    dotted: str
    doc: str | None
    sync: ir.ResourceVariant
    async_: ir.ResourceVariant
    methods: tuple[PrintedMethodPair, ...]
    helpers: tuple[PrintedMethodPair, ...]
    children: tuple[PrintedChild, ...]
    constants: tuple[ErrorsConstant, ...]  # module-level, before the classes
    imports: tuple[str, ...]
    type_checking_imports: tuple[str, ...]
    exports: tuple[str, ...]


def _variant_names(variant: ir.ResourceVariant) -> tuple[str, str, str]:
    return variant.class_name, variant.raw_class, variant.streaming_class


def _children(
    children: tuple[ir.Child, ...], module: str
) -> tuple[tuple[PrintedChild, ...], tuple[str, ...]]:
    """Sub-resources of the module at `module`, and the imports type checkers need for them."""
    out = []
    imports = Imports(module, Registry())
    for child in children:
        target = relative(module, child.module)
        out.append(PrintedChild(child.attr, target, child.sync, child.async_))
        for variant in (child.sync, child.async_):
            for name in _variant_names(variant):
                imports.add_from(target, name, "local")
    return tuple(out), imports.lines(indent=4)


def print_resource(
    resource: ir.Resource, names: Registry, aliases: frozenset[str]
) -> PrintedResource:
    """A resource module: both classes' methods, sub-resources, imports and exports."""
    module = resource.module.removesuffix(".py")
    sync, async_ = resource.sync, resource.async_
    # Below its definition, `list` in the class means the member, not the builtin.
    shadows_list = any(c.attr == "list" for c in resource.children) or any(
        m.name == "list" for m in resource.methods
    )
    methods = []
    for method in resource.methods:
        qualify = ("list",) if shadows_list and method.name != "list" else ()
        sync_form = print_method(method, is_async=False, aliases=aliases, qualify=qualify)
        forms = [
            sync_form,
            print_method(
                method, is_async=True, aliases=aliases, qualify=qualify, doc=sync_form.doc
            ),
        ]
        methods.append(PrintedMethodPair(method.name, forms[0].doc, forms[0], forms[1]))
    # Resource classes have their own namespace: a type named like a class this module defines
    # or imports (`Pets`, the model, in the module of the `Pets` resource) is imported under
    # another name. Method signatures and calls only ever name types, never resource classes.
    own = {n for v in (sync, async_) for n in _variant_names(v)}
    own |= {n for c in resource.children for v in (c.sync, c.async_) for n in _variant_names(v)}
    constants = [c for c in (errors_constant(m, aliases) for m in resource.methods) if c]
    renames = _type_aliases(methods, own, names, aliases, [e for c in constants for e in c.entries])
    if renames:
        methods = [_renamed_pair(pair, renames) for pair in methods]
    by_name = {method.name: method for method in resource.methods}
    helpers = []
    for helper in resource.helpers:
        base = by_name.get(helper.based_on) if helper.based_on else None
        qualify = ("list",) if shadows_list else ()
        forms = [print_helper(helper, base, is_async=a, qualify=qualify) for a in (False, True)]
        helpers.append(PrintedMethodPair(helper.name, forms[0].doc, forms[0], forms[1]))
    if renames:
        constants = [
            ErrorsConstant(c.name, tuple(rename_identifiers(e, renames) for e in c.entries))
            for c in constants
        ]
    children, checking = _children(resource.children, module)
    imports = Imports(module, names, renamed={alias: name for name, alias in renames.items()})
    imports.scan(*(e for c in constants for e in c.entries))
    imports.scan("cached_property", *sync.bases, *async_.bases)
    helper_imports(imports, module, resource.helpers)
    if methods:
        imports.scan(*_RAW_WRAPPERS, *_STANDARD_PARAMS)
        imports.need_module("typing")  # the wrapper classes' `typing.Final` attributes
    if any(h.based_on for h in resource.helpers):
        imports.scan(*_STANDARD_PARAMS)
    if children:
        imports.need("TYPE_CHECKING")
    for pair in (*methods, *helpers):
        for variant in (pair.sync, pair.async_):
            if variant.overloads:
                imports.need("overload")
            for signature in (*variant.overloads, variant.signature):
                imports.scan(
                    signature.returns,
                    *(p.annotation for p in (*signature.positional, *signature.keyword)),
                )
            if any("path_param(" in a.value for a in variant.args):
                imports.need("path_param")
            imports.scan(
                variant.call_open,
                *(a.value for a in variant.args),
                *(e for a in variant.args for e in a.entries or ()),
            )
    exports = tuple(sorted(name for v in (sync, async_) for name in _variant_names(v)))
    return PrintedResource(
        dotted=resource.dotted,
        doc=_doc(resource.doc),
        sync=sync,
        async_=async_,
        methods=tuple(methods),
        helpers=tuple(helpers),
        children=children,
        constants=tuple(constants),
        imports=imports.lines(),
        type_checking_imports=checking,
        exports=exports,
    )


def _method_code(method: PrintedMethod) -> Iterator[str]:
    """The code (not the docstring) of a printed method: what names it uses."""
    for signature in (*method.overloads, method.signature):
        yield signature.returns
        yield from (p.annotation for p in (*signature.positional, *signature.keyword))
        yield from (p.default for p in (*signature.positional, *signature.keyword) if p.default)
    yield method.call_open
    yield method.call_close
    for arg in method.args:
        yield arg.value
        yield from arg.entries or ()


def _type_aliases(
    methods: list[PrintedMethodPair],
    own: set[str],
    names: Registry,
    aliases: frozenset[str],
    more_code: list[str],
) -> dict[str, str]:
    """Generated types the methods (and `more_code`: the module's constants) use whose names
    this module's classes take -> the name they are imported as (`PetsModel`, `PetsType` for
    an alias or TypedDict)."""
    used = {
        name
        for pair in methods
        for form in (pair.sync, pair.async_)
        for code in _method_code(form)
        for name in identifiers(code)
    }
    used |= {name for code in more_code for name in identifiers(code)}
    renames: dict[str, str] = {}
    taken = own | used
    for name in sorted(used & own):
        if names.get(name) is None:
            continue
        model = name not in aliases and not name.endswith("Param")
        candidates = [name + ("Model" if model else "Type"), "_" + name]
        alias = next((c for c in candidates if c not in taken and names.get(c) is None), None)
        alias = alias or next(f"_{name}{n}" for n in range(2, 100) if f"_{name}{n}" not in taken)
        taken.add(alias)
        renames[name] = alias
    return renames


def _renamed_pair(pair: PrintedMethodPair, renames: Mapping[str, str]) -> PrintedMethodPair:
    def form(method: PrintedMethod) -> PrintedMethod:
        def signature(sig: Signature) -> Signature:
            def param(p: Param) -> Param:
                default = rename_identifiers(p.default, renames) if p.default else p.default
                return replace(
                    p, annotation=rename_identifiers(p.annotation, renames), default=default
                )

            return Signature(
                tuple(param(p) for p in sig.positional),
                tuple(param(p) for p in sig.keyword),
                rename_identifiers(sig.returns, renames),
            )

        return replace(
            method,
            overloads=tuple(signature(s) for s in method.overloads),
            signature=signature(method.signature),
            call_open=rename_identifiers(method.call_open, renames),
            call_close=rename_identifiers(method.call_close, renames),
            args=tuple(
                CallArg(
                    a.name,
                    rename_identifiers(a.value, renames),
                    None
                    if a.entries is None
                    else tuple(rename_identifiers(e, renames) for e in a.entries),
                )
                for a in method.args
            ),
        )

    return PrintedMethodPair(pair.name, pair.doc, form(pair.sync), form(pair.async_))
