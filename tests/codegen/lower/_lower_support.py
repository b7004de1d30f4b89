"""Tiny specs in, the API model out: shared by the tests of `codegen.lower`.

Facts about types and calls are checked on the IR where the IR says them (a paginator, a
stream, a parameter's location) and on what `render` prints from it where the printed form is
the point (an annotation, an overload, the request call).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from codegen import ir
from codegen.config import Config, parse_config
from codegen.errors import Diagnostic
from codegen.lower import lower
from codegen.render.methods import CallArg, PrintedMethod
from codegen.render.modules import (
    PrintedDefinition,
    PrintedField,
    PrintedMethodPair,
    PrintedResource,
    PrintedTypeModule,
    print_resource,
    print_type_module,
    registry,
)


def ok(schema: dict[str, Any] | None = None, media: str = "application/json") -> dict[str, Any]:
    content = {media: {"schema": schema if schema is not None else {"type": "object"}}}
    return {"200": {"description": "ok", "content": content}}


def build(
    paths: dict[str, Any],
    schemas: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    *,
    bearer: bool = False,
) -> tuple[ir.Api, list[Diagnostic]]:
    """`bearer`: the API asks for a bearer token (so the client takes `api_key`)."""
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Test", "version": "1"},
        "servers": [{"url": "https://example.test"}],
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }
    if bearer:
        document["components"]["securitySchemes"] = {"key": {"type": "http", "scheme": "bearer"}}
        document["security"] = [{"key": []}]
    return lower(SimpleNamespace(document=document), parse_config(config) if config else Config())


def methods(api: ir.Api) -> dict[str, ir.Method]:
    return {f"{r.dotted}.{m.name}": m for r in api.resources for m in r.methods}


def method(api: ir.Api, dotted: str) -> ir.Method:
    return methods(api)[dotted]


def printed_resource(api: ir.Api, dotted: str) -> PrintedResource:
    aliases = frozenset(
        d.name for m in api.type_modules for d in m.definitions if isinstance(d, ir.Alias)
    )
    resource = next(r for r in api.resources if r.dotted == dotted)
    return print_resource(resource, registry(api), aliases)


def printed(api: ir.Api, dotted: str) -> PrintedMethodPair:
    """The sync and async forms of method `dotted` as `render` prints them."""
    resource, _, name = dotted.rpartition(".")
    return next(m for m in printed_resource(api, resource).methods if m.name == name)


def definition(api: ir.Api, name: str) -> ir.Definition:
    for module in api.type_modules:
        for item in module.definitions:
            if item.name == name:
                return item
    raise KeyError(name)


def module_of(api: ir.Api, name: str) -> ir.TypeModule:
    return next(m for m in api.type_modules if any(d.name == name for d in m.definitions))


def printed_module(api: ir.Api, name: str) -> PrintedTypeModule:
    return print_type_module(module_of(api, name), registry(api))


def printed_definition(api: ir.Api, name: str) -> PrintedDefinition:
    """Definition `name` as `render` prints it (annotations, defaults, syntax)."""
    return next(d for d in printed_module(api, name).definitions if d.name == name)


def field(item: PrintedDefinition, name: str) -> PrintedField:
    return next(f for f in item.fields if f.name == name)


def arg(variant: PrintedMethod, name: str) -> CallArg:
    return next(a for a in variant.args if a.name == name)
