"""Structural checks of an OpenAPI 3.0/3.1 document, used by the loader (`codegen.spec`).

The OpenAPI object model as data: which fields of each kind of object hold other objects
(`CHILD_KINDS`, walked by the loader), which hold scalars of a given type, and which objects
accept no unknown fields. `check_node` checks one object on its own; `check_document` checks
what needs the whole (bundled) document: path templates against path parameters, unique
operation ids. Both return a problem instead of raising, so the loader can add the file name.

These checks are what later stages rely on (an operation has `responses`, `properties` is an
object, a path parameter is declared); full schema validation is `codegen.spec.validate`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..errors import SKIPPED_OPERATION, Diagnostic
from .pointer import join_pointer, pointer_of
from .refs import resolve

__all__ = [
    "CHILD_KINDS",
    "HTTP_METHODS",
    "SECTION_KINDS",
    "check_document",
    "check_node",
]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# `components` section -> kind of the objects in it.
SECTION_KINDS = {
    "schemas": "schema",
    "responses": "response",
    "parameters": "parameter",
    "examples": "example",
    "requestBodies": "requestBody",
    "headers": "header",
    "securitySchemes": "securityScheme",
    "links": "link",
    "callbacks": "callback",
    "pathItems": "pathItem",
}

_ONE, _LIST, _MAP = "one", "list", "map"
_SCHEMA_CHILDREN = {
    **{
        k: ("schema", _MAP)
        for k in ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
    },
    **{k: ("schema", _LIST) for k in ("allOf", "anyOf", "oneOf", "prefixItems")},
    **{
        k: ("schema", _ONE)
        for k in (
            "items",
            "not",
            "additionalProperties",
            "additionalItems",
            "contains",
            "propertyNames",
            "if",
            "then",
            "else",
            "unevaluatedItems",
            "unevaluatedProperties",
            "contentSchema",
        )
    },
}
_PARAMETER_CHILDREN = {
    "schema": ("schema", _ONE),
    "content": ("mediaType", _MAP),
    "examples": ("example", _MAP),
}

# kind -> field -> (kind of the child objects, how many). "*" = every field not starting "x-".
CHILD_KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "root": {
        "paths": ("paths", _ONE),
        "webhooks": ("pathItem", _MAP),
        "components": ("components", _ONE),
    },
    "paths": {"*": ("pathItem", _ONE)},
    "pathItem": {
        **{m: ("operation", _ONE) for m in HTTP_METHODS},
        "parameters": ("parameter", _LIST),
    },
    "operation": {
        "parameters": ("parameter", _LIST),
        "requestBody": ("requestBody", _ONE),
        "responses": ("responses", _ONE),
        "callbacks": ("callback", _MAP),
    },
    "responses": {"*": ("response", _ONE)},
    "callback": {"*": ("pathItem", _ONE)},
    "parameter": _PARAMETER_CHILDREN,
    "header": _PARAMETER_CHILDREN,
    "requestBody": {"content": ("mediaType", _MAP)},
    "response": {
        "headers": ("header", _MAP),
        "content": ("mediaType", _MAP),
        "links": ("link", _MAP),
    },
    "mediaType": {
        "schema": ("schema", _ONE),
        "examples": ("example", _MAP),
        "encoding": ("encoding", _MAP),
    },
    "encoding": {"headers": ("header", _MAP)},
    "components": {section: (kind, _MAP) for section, kind in SECTION_KINDS.items()},
    "schema": _SCHEMA_CHILDREN,
}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_Check = tuple[Callable[[Any], bool], str]
_STRING: _Check = (lambda v: isinstance(v, str), "a string")
_BOOLEAN: _Check = (lambda v: isinstance(v, bool), "a boolean")
_NUMBER: _Check = (_is_number, "a number")
_NUMBER_OR_BOOLEAN: _Check = (lambda v: _is_number(v) or isinstance(v, bool), "a number")
_COUNT: _Check = (lambda v: _is_number(v) and v >= 0 and v == int(v), "a non-negative integer")
_STRINGS: _Check = (
    lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
    "an array of strings",
)
_ARRAY: _Check = (lambda v: isinstance(v, list), "an array")
_OBJECT: _Check = (lambda v: isinstance(v, dict), "an object")
_OBJECTS: _Check = (
    lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v),
    "an array of objects",
)

_PARAMETER_SCALARS = {
    "description": _STRING,
    "required": _BOOLEAN,
    "deprecated": _BOOLEAN,
    "allowEmptyValue": _BOOLEAN,
    "style": _STRING,
    "explode": _BOOLEAN,
    "allowReserved": _BOOLEAN,
}
_SCALARS: dict[str, dict[str, _Check]] = {
    "root": {
        "info": _OBJECT,
        "servers": _OBJECTS,
        "tags": _OBJECTS,
        "security": _OBJECTS,
        "jsonSchemaDialect": _STRING,
    },
    "pathItem": {"summary": _STRING, "description": _STRING, "servers": _OBJECTS},
    "operation": {
        "operationId": _STRING,
        "summary": _STRING,
        "description": _STRING,
        "tags": _STRINGS,
        "deprecated": _BOOLEAN,
        "security": _OBJECTS,
        "servers": _OBJECTS,
        "externalDocs": _OBJECT,
    },
    "parameter": {"name": _STRING, "in": _STRING, **_PARAMETER_SCALARS},
    "header": _PARAMETER_SCALARS,
    "requestBody": {"description": _STRING, "required": _BOOLEAN},
    "response": {"description": _STRING},
    "encoding": {
        "contentType": _STRING,
        "style": _STRING,
        "explode": _BOOLEAN,
        "allowReserved": _BOOLEAN,
    },
    "schema": {
        **{
            k: _STRING
            for k in (
                "title",
                "description",
                "format",
                "pattern",
                "$id",
                "$anchor",
                "$comment",
                "contentMediaType",
                "contentEncoding",
            )
        },
        **{k: _BOOLEAN for k in ("nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems")},
        **{k: _NUMBER for k in ("minimum", "maximum", "multipleOf")},
        "exclusiveMinimum": _NUMBER_OR_BOOLEAN,  # boolean in 3.0, number in 3.1
        "exclusiveMaximum": _NUMBER_OR_BOOLEAN,
        **{
            k: _COUNT
            for k in (
                "minLength",
                "maxLength",
                "minItems",
                "maxItems",
                "minProperties",
                "maxProperties",
            )
        },
        "required": _STRINGS,
        "enum": _ARRAY,
        "discriminator": _OBJECT,
        "xml": _OBJECT,
        "externalDocs": _OBJECT,
    },
}

# Objects whose unknown fields (other than `x-...`) are errors: a typo there would silently
# drop an operation or a parameter.
_EXTRA_FIELDS = {
    "pathItem": {"$ref"},
    "operation": set(),
    "parameter": {"example"},
    "header": {"example"},
    "requestBody": set(),
    "response": set(),
    "mediaType": {"example"},
    "encoding": set(),
    "components": set(),
}
_KNOWN_FIELDS = {
    kind: extra | set(CHILD_KINDS.get(kind, {})) | set(_SCALARS.get(kind, {}))
    for kind, extra in _EXTRA_FIELDS.items()
}

_SCHEMA_TYPES = {"string", "number", "integer", "boolean", "array", "object", "null"}
_PARAMETER_LOCATIONS = ("query", "header", "path", "cookie")
_RESPONSE_CODE = re.compile(r"default|[1-5](?:[0-9]{2}|XX)")

_Problem = tuple[tuple[str, ...], str]


def _type_name(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"the number {value!r}"
    return names.get(type(value), type(value).__name__)


def check_node(kind: str, node: Any) -> _Problem | None:
    """Check one object of `kind`; return (tokens below it, message) for the first problem."""
    if kind == "schema" and isinstance(node, bool):
        return None
    if not isinstance(node, dict):
        expected = "an object or a boolean" if kind == "schema" else "an object"
        return (), f"{kind} must be {expected}, not {_type_name(node)}"
    if "$ref" in node and kind != "schema":
        return None  # a Reference Object; the loader checks the reference itself
    children = CHILD_KINDS.get(kind, {})
    scalars = _SCALARS.get(kind, {})
    known = _KNOWN_FIELDS.get(kind)
    for key, value in node.items():
        child = children.get(key)
        if child is None and "*" in children and not key.startswith("x-"):
            problem = _check_wildcard_key(kind, key)
            if problem is not None:
                return problem
        elif child is not None and child[1] != _ONE:
            want = list if child[1] == _LIST else dict
            if not isinstance(value, want):
                return (key,), f"must be {_type_name(want())}, not {_type_name(value)}"
        elif key in scalars and not scalars[key][0](value):
            return (key,), f"must be {scalars[key][1]}, not {_type_name(value)}"
        elif known is not None and key not in known and not key.startswith("x-"):
            return (key,), f"unknown field {key!r} in {kind}"
    special = _SPECIAL_CHECKS.get(kind)
    return special(node) if special is not None else None


def _check_wildcard_key(kind: str, key: str) -> _Problem | None:
    if kind == "paths" and not key.startswith("/"):
        return (key,), "a path must start with '/'"
    if kind == "responses" and not _RESPONSE_CODE.fullmatch(key):
        return (key,), "a response code must be 'default', a status code or like '4XX'"
    return None


def _check_root(node: dict[str, Any]) -> _Problem | None:
    if "paths" not in node:
        if not str(node.get("openapi")).startswith("3.0"):
            if not any(key in node for key in ("webhooks", "components")):
                return (), "one of 'paths', 'webhooks' or 'components' is required"
        else:
            return (), "'paths' is required (OpenAPI 3.1 also allows only 'webhooks')"
    elif not isinstance(node["paths"], dict):
        return ("paths",), f"must be an object, not {_type_name(node['paths'])}"
    for i, server in enumerate(node.get("servers", [])):
        if not isinstance(server.get("url"), str):
            return ("servers", str(i), "url"), "a server needs a 'url' string"
    return None


def _check_operation(node: dict[str, Any]) -> _Problem | None:
    if "responses" not in node:
        return (), "'responses' is required"
    if not isinstance(node["responses"], dict):
        return ("responses",), f"must be an object, not {_type_name(node['responses'])}"
    return None


def _check_parameter(node: dict[str, Any]) -> _Problem | None:
    for field in ("name", "in"):
        if field not in node:
            return (), f"a parameter needs {field!r}"
    if node["in"] not in _PARAMETER_LOCATIONS:
        return ("in",), f"must be one of {', '.join(_PARAMETER_LOCATIONS)}, not {node['in']!r}"
    if node["in"] == "path" and node.get("required") is not True:
        return (), f"path parameter {node['name']!r} must have 'required: true'"
    return _check_schema_or_content(node)


def _check_schema_or_content(node: dict[str, Any]) -> _Problem | None:
    if "schema" in node and "content" in node:
        return (), "has both 'schema' and 'content'; use one"
    if "content" in node and len(node["content"]) != 1:
        return ("content",), "must have exactly one media type"
    return None


def _check_request_body(node: dict[str, Any]) -> _Problem | None:
    if "content" not in node:
        return (), "'content' is required"
    return None


def _check_schema(node: dict[str, Any]) -> _Problem | None:
    kind = node.get("type")
    if kind is not None:
        kinds = kind if isinstance(kind, list) else [kind]
        if not kinds or not all(isinstance(k, str) and k in _SCHEMA_TYPES for k in kinds):
            allowed = ", ".join(sorted(_SCHEMA_TYPES))
            return ("type",), f"must be one of {allowed} (or an array of them), not {kind!r}"
    if isinstance(node.get("items"), list):
        return ("items",), "must be a schema, not an array (use 'prefixItems' for tuples)"
    for keyword in ("allOf", "anyOf", "oneOf"):
        if keyword in node and not node[keyword]:
            return (keyword,), "must not be empty"
    discriminator = node.get("discriminator")
    if discriminator is not None:
        if not isinstance(discriminator.get("propertyName"), str):
            return ("discriminator",), "a discriminator needs a 'propertyName' string"
        mapping = discriminator.get("mapping", {})
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            return ("discriminator", "mapping"), "must be an object of strings"
    return None


_SPECIAL_CHECKS: dict[str, Callable[[dict[str, Any]], _Problem | None]] = {
    "root": _check_root,
    "operation": _check_operation,
    "parameter": _check_parameter,
    "header": _check_schema_or_content,
    "requestBody": _check_request_body,
    "schema": _check_schema,
}


def check_document(document: dict[str, Any]) -> list[Diagnostic]:
    """Checks across objects; returns diagnostics, raises nothing, may drop broken operations.

    An operation whose path template and path parameters disagree (`/files/{file_id}` with a
    parameter `id`) cannot be called correctly: it is removed from the document and reported as
    a `skipped-operation` error (generation stops naming it, unless skips are allowed).
    Duplicate parameters and duplicate operation ids are errors (the first one is returned
    with level `"error"`, after any others).
    """
    found: list[Diagnostic] = []
    operation_ids: dict[str, str] = {}
    paths = document.get("paths") or {}
    for path, item in paths.items():
        if path.startswith("x-"):
            continue
        base = pointer_of(("paths", path))
        shared = _parameters(document, item.get("parameters", []), join_pointer(base, "parameters"))
        if isinstance(shared, Diagnostic):
            return [*found, shared]
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            where = join_pointer(base, method)
            own = _parameters(document, operation.get("parameters", []), f"{where}/parameters")
            if isinstance(own, Diagnostic):
                return [*found, own]
            problem = _check_path_template(path, {**shared, **own})
            if problem is not None:
                del item[method]
                message = f"{method.upper()} {path}: {problem}; the operation cannot be generated"
                found.append(Diagnostic("error", where, message, SKIPPED_OPERATION))
                continue
            operation_id = operation.get("operationId")
            if operation_id is not None:
                if operation_id in operation_ids:
                    other = operation_ids[operation_id]
                    message = f"operationId {operation_id!r} is already used at {other}"
                    return [*found, Diagnostic("error", f"{where}/operationId", message)]
                operation_ids[operation_id] = where
    return found


def _parameters(
    document: dict[str, Any], parameters: list[Any], pointer: str
) -> dict[tuple[str, str], str] | Diagnostic:
    """(name, in) -> pointer of each parameter in one `parameters` list, resolving refs."""
    found: dict[tuple[str, str], str] = {}
    for i, parameter in enumerate(parameters):
        where, resolved = resolve(document, parameter, f"{pointer}/{i}")
        if not isinstance(resolved, dict) or "name" not in resolved or "in" not in resolved:
            return Diagnostic("error", where, "does not resolve to a parameter")
        key = (resolved["name"], resolved["in"])
        if key in found:
            message = f"duplicate {key[1]} parameter {key[0]!r} (also at {found[key]})"
            return Diagnostic("error", f"{pointer}/{i}", message)
        found[key] = f"{pointer}/{i}"
    return found


def _check_path_template(path: str, parameters: dict[tuple[str, str], str]) -> str | None:
    in_template = re.findall(r"\{([^{}]+)\}", path)
    declared = {
        name: pointer for (name, location), pointer in parameters.items() if location == "path"
    }
    for name in in_template:
        if name not in declared:
            return f"path parameter {name!r} is not declared in 'parameters'"
    for name, pointer in declared.items():
        if name not in in_template:
            return f"path parameter {name!r} ({pointer}) is not in the path"
    return None
