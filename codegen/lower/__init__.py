"""Stage 2, lower: the bundled OpenAPI document + config -> `ir.Api`, every naming decision made.

`lower(spec, config)` returns the API model and a list of warnings (each skips one thing); a
problem that makes a correct SDK impossible raises `SpecError` with a JSON pointer, config that
does not fit the spec `ConfigError`. One job per module, in the order `lower` runs them:

    client.py      package, client and environment names, base URL, dependencies
    auth.py        security schemes -> constructor credentials, default and per-method security
    operations.py  the spec's operations: parameters, request body, success response
    error_bodies.py  the JSON bodies an operation declares for its error statuses
    resources.py   the resource tree and method names (never a client or runtime name)
    placement.py   which side(s) each named schema is needed on, its class names, its module
    schemas.py     what a schema is: references, nullability, classes, merged properties
    types.py       schemas -> the type model and `types/` definitions (models, TypedDicts, aliases)
    unions.py      oneOf/anyOf: plain unions, discriminated unions with a fallback variant
    constraints.py a property's minLength, pattern, minimum, ... for strict response validation
    methods.py     one operation -> `ir.Method`: parameters, signature order, params TypedDict,
                   the types of its declared error bodies
    responses.py   what a call returns, using pagination.py (pages) and streaming.py (events)
    package.py     resource modules, sub-resources, lazy package `__init__`s
    helpers.py     the config's hand-written helper methods (`@helper_method`s of templates/lib)
    modules.py     module names, definition order, reference cycles
    webhooks.py    models for the inline payloads of 3.1 webhooks (no methods)
    examples.py    README example calls
    testsuite.py   arguments for the SDK's generated tests (strings.py: a string for a pattern)
    frontends.py   the command line's and MCP server's names for every method, declared options
    naming.py      the naming rules (identifiers, class names, `Allocator`)
"""

from __future__ import annotations

from typing import Any, Protocol

from .. import ir
from ..config import Config
from ..errors import Diagnostic, SpecError
from ..runtime import runtime_all
from .auth import apply_security, auth_ir
from .client import client_ir, dependencies, extras, package_names
from .examples import examples
from .frontends import frontends_ir
from .methods import MethodLowerer
from .modules import ModuleNames
from .operations import OperationReader
from .package import children_of, init_modules, resource_ir
from .placement import name_operation_types, plan_types
from .resources import ResourceTree, subpackages
from .schemas import Schemas
from .testsuite import suite_calls
from .types import TypeLowerer
from .webhooks import webhook_types

__all__ = ["SpecLike", "lower"]


class SpecLike(Protocol):
    """What `lower` needs from a loaded spec (`codegen.spec.Spec`)."""

    @property
    def document(self) -> dict[str, Any]: ...


def lower(spec: SpecLike, config: Config) -> tuple[ir.Api, list[Diagnostic]]:
    """Lower a loaded (bundled) OpenAPI document to the API model."""
    diagnostics: list[Diagnostic] = []
    try:
        api = _lower(spec.document, config, diagnostics)
    except RecursionError:  # nesting that `TypeLowerer.lower`'s own limit does not see (allOf)
        raise SpecError("#", "the document is nested too deeply to generate from") from None
    return api, diagnostics


def _lower(document: dict[str, Any], config: Config, diagnostics: list[Diagnostic]) -> ir.Api:
    names = package_names(document, config)
    schemas = Schemas(document)
    types = TypeLowerer(schemas, diagnostics)
    reader = OperationReader(document, config, schemas, diagnostics, names.base_url)
    ops = reader.collect_operations()
    root = ResourceTree(document, config, schemas, names.client).build(ops)
    modules = ModuleNames(lambda directory: subpackages(root, directory))
    area_modules = plan_types(ops, types, modules, config, diagnostics)
    name_operation_types(ops, types)
    lowerer = MethodLowerer(types, modules, diagnostics)
    methods = {op.key: lowerer.lower_operation(op) for op in ops}
    auth, own_security = auth_ir(
        document, config, names.env_prefix, names.env_api_key, ops, diagnostics
    )
    methods = apply_security(methods, own_security)
    webhook_types(document, types, modules)
    resources = [resource_ir(res, methods, types, area_modules) for res in root.walk() if res.path]
    client = client_ir(names, config, children_of(root), auth)
    type_modules = types.type_modules()
    aliases = {
        d.name: d.type for m in type_modules for d in m.definitions if isinstance(d, ir.Alias)
    }
    return ir.Api(
        package=names.package,
        distribution=names.distribution,
        version=names.version,
        title=names.title,
        description=names.description,
        env_log=names.env_log,
        env_api_key=names.env_api_key,
        env_base_url=names.env_base_url,
        default_base_url=names.base_url,
        client=client,
        resources=tuple(resources),
        type_modules=tuple(type_modules),
        init_modules=init_modules(type_modules, resources, area_modules, names.package),
        helpers=bool(config.helpers),
        discriminated=types.uses_discriminator,
        dependencies=dependencies(types.uses_discriminator),
        extras=extras(config),
        examples=examples(ops, methods, schemas),
        # Every public exception of the runtime is re-exported by the package `__init__`.
        exceptions=runtime_all("_exceptions"),
        readme_guide=config.readme,
        frontends=frontends_ir(names, config, client, resources, aliases.get),
        suite=suite_calls(ops, methods, schemas),
    )
