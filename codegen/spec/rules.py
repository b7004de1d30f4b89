"""Rules an API team holds its spec to, checked by `python -m codegen validate`.

Each rule has a name, a default level (`warning`) and options; the `validate:` section of the
generator config (`spec/sdk.yaml`) sets any rule's level (`error`, `warning`, `off`) and
options, and `parse_settings` checks that section (a `ConfigError` with the JSON pointer of a
wrong key). `check_rules(spec, settings)` returns one `Diagnostic` per finding, with the JSON
pointer of the node at fault; a finding of an `error` rule makes `validate` exit 1.

```yaml
validate:
  operation-description: error            # level only
  error-responses:                         # level and options
    level: error
    statuses: ['400', '401', '429', '500', default]
    schema: ErrorResponse
  naming: {level: error, path: kebab-case}
```

| rule | checks | options |
|---|---|---|
| operation-description | every operation has a summary and a description | `require` (default `[summary, description]`) |
| operation-id | every operation has an operationId (uniqueness is always checked) | |
| operation-tags | every operation has tags, each declared in the top-level `tags` | |
| error-responses | every operation declares a response for each of `statuses` (by default: at least one 4XX/5XX/default), each with a JSON body that is `schema` or a union holding it | `statuses`, `schema` |
| schema-description | every component schema and each of its properties is described (a `$ref` property by its target) | |
| naming | names follow a style: camelCase, PascalCase, snake_case, kebab-case, SCREAMING_SNAKE_CASE, or null (unchecked) | `operation-id` (camelCase), `schema` (PascalCase), `property` (snake_case), `parameter` (snake_case; path and query parameters), `path` (null; each literal path segment) |
| nullable-keyword | no `nullable` in an OpenAPI 3.1 document (3.1 ignores it; write `type: [X, 'null']`) | |
| open-responses | no response schema sets `additionalProperties: false` (the server may add fields) | |
| discriminator-mapping | every `discriminator` maps each `oneOf`/`anyOf` variant, and each variant requires its tag property with the mapped value | |
| examples-valid | every example of a media type, parameter or schema validates against its schema | |

The rules read the bundled document (every `$ref` local); pointers name nodes of it, which the
CLI maps back to the file each came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from ..errors import ConfigError, Diagnostic
from .document import Spec
from .pointer import escape_token, join_pointer, pointer_of
from .structure import HTTP_METHODS

__all__ = ["RULES", "Level", "Rule", "RuleSetting", "check_rules", "parse_settings"]

Level = Literal["error", "warning", "off"]
_LEVELS: tuple[Level, ...] = ("error", "warning", "off")
_JSON = re.compile(r"^application/(?:[\w.+-]+\+)?json(?:;.*)?$")
_STYLES: dict[str, re.Pattern[str]] = {
    "camelCase": re.compile(r"^[a-z][a-zA-Z0-9]*$"),
    "PascalCase": re.compile(r"^[A-Z][a-zA-Z0-9]*$"),
    "snake_case": re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$"),
    "kebab-case": re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"),
    "SCREAMING_SNAKE_CASE": re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$"),
}
_DATA_KEYWORDS = frozenset({"example", "examples", "const", "default", "enum"})
_NAME_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "schemas"})
_NAMING_DEFAULTS: dict[str, str | None] = {
    "operation-id": "camelCase",
    "schema": "PascalCase",
    "property": "snake_case",
    "parameter": "snake_case",
    "path": None,
}


@dataclass(frozen=True)
class RuleSetting:
    """A rule's level and options as the config sets them (missing options take defaults)."""

    level: Level
    options: Mapping[str, Any] = field(default_factory=dict)


Finding = tuple[str, str]  # (pointer, message)


@dataclass(frozen=True)
class Rule:
    """One rule: what it checks (`summary`), its option names and the check itself."""

    name: str
    summary: str
    options: tuple[str, ...]
    check: Callable[[Spec, Mapping[str, Any]], Iterator[Finding]]
    default: Level = "warning"


# ------------------------------------------------------------------------------ walking


def _operations(spec: Spec) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(METHOD, path, pointer, operation) for every operation, in document order."""
    for path, item in (spec.document.get("paths") or {}).items():
        if path.startswith("x-") or not isinstance(item, dict):
            continue
        base = pointer_of(("paths", path))
        if "$ref" in item:
            base, item = spec.resolve(item, base)
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield method.upper(), path, join_pointer(base, method), operation


def _schemas(spec: Spec) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(name, pointer, schema) for every component schema."""
    schemas = (spec.document.get("components") or {}).get("schemas") or {}
    for name, schema in schemas.items():
        if isinstance(schema, dict):
            yield name, pointer_of(("components", "schemas", name)), schema


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    """Every node under `node` with its pointer, not entering example values (they are data)."""
    stack = [(pointer, node)]
    while stack:
        where, current = stack.pop()
        yield where, current
        if isinstance(current, dict):
            named = where.rsplit("/", 1)[-1] in _NAME_MAPS  # keys are names, not keywords
            children = [
                (join_pointer(where, key), value)
                for key, value in current.items()
                if named or key not in _DATA_KEYWORDS
            ]
        elif isinstance(current, list):
            children = [(join_pointer(where, i), value) for i, value in enumerate(current)]
        else:
            continue
        stack.extend(reversed(children))


def _resolved(spec: Spec, node: Any, pointer: str) -> tuple[str, Any]:
    if isinstance(node, dict) and "$ref" in node:
        return spec.resolve(node, pointer)
    return pointer, node


# ------------------------------------------------------------------------------ the rules


def _operation_description(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    required = options.get("require", ("summary", "description"))
    for method, path, where, operation in _operations(spec):
        for key in required:
            text = operation.get(key)
            if not isinstance(text, str) or not text.strip():
                yield where, f"{method} {path} has no {key}"


def _operation_id(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    for method, path, where, operation in _operations(spec):
        if not operation.get("operationId"):
            yield where, f"{method} {path} has no operationId"


def _operation_tags(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    declared = {t.get("name") for t in spec.document.get("tags") or [] if isinstance(t, dict)}
    for method, path, where, operation in _operations(spec):
        tags = operation.get("tags")
        if not tags:
            yield where, f"{method} {path} has no tags"
            continue
        for index, tag in enumerate(tags):
            if tag not in declared:
                message = f"{method} {path} uses tag {tag!r}, which the top-level `tags` lacks"
                yield join_pointer(where, "tags", index), message


def _union_refs(schema: dict[str, Any]) -> list[str]:
    """The `$ref`s a schema is: itself, or the members of its top-level oneOf/anyOf."""
    if "$ref" in schema:
        return [schema["$ref"]]
    members = schema.get("oneOf") or schema.get("anyOf") or []
    return [m["$ref"] for m in members if isinstance(m, dict) and isinstance(m.get("$ref"), str)]


def _error_responses(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    statuses = [str(s) for s in options.get("statuses", ())]
    schema_name = options.get("schema")
    target = f"#/components/schemas/{escape_token(schema_name)}" if schema_name else None
    for method, path, where, operation in _operations(spec):
        responses = operation.get("responses") or {}
        at = join_pointer(where, "responses")
        if not statuses:
            errors = [s for s in responses if s == "default" or s[:1] in ("4", "5")]
            if not errors:
                yield at, f"{method} {path} declares no error response (4XX, 5XX or default)"
            wanted = errors
        else:
            wanted = []
            for status in statuses:
                if status in responses:
                    wanted.append(status)
                else:
                    yield at, f"{method} {path} declares no {status!r} response"
        if target is None:
            continue
        for status in wanted:
            pointer, response = _resolved(spec, responses[status], join_pointer(at, status))
            content = (response.get("content") if isinstance(response, dict) else None) or {}
            media = [m for m in content if _JSON.match(m)]
            if not media:
                yield pointer, f"the {status!r} response of {method} {path} has no JSON body"
                continue
            for name in media:
                schema = content[name].get("schema") if isinstance(content[name], dict) else None
                if not isinstance(schema, dict) or target not in _union_refs(schema):
                    message = f"the {status!r} response of {method} {path} is not {schema_name}"
                    yield join_pointer(pointer, "content", name, "schema"), message


def _described(spec: Spec, schema: Any, pointer: str) -> bool:
    if not isinstance(schema, dict):
        return True  # `true`/`false` schemas have nowhere to put a description
    if isinstance(schema.get("description"), str) and schema["description"].strip():
        return True
    if "$ref" in schema:
        return _described(spec, spec.resolve(schema, pointer)[1], pointer)
    return False


def _schema_description(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    for name, pointer, schema in _schemas(spec):
        if not _described(spec, schema, pointer):
            yield pointer, f"schema {name} has no description"
        for where, node in _walk(schema, pointer):
            properties = node.get("properties") if isinstance(node, dict) else None
            if not isinstance(properties, dict) or where.endswith("/properties"):
                continue
            for prop, prop_schema in properties.items():
                at = join_pointer(where, "properties", prop)
                if not _described(spec, prop_schema, at):
                    yield at, f"property {prop!r} of {name} has no description"


def _check_name(kind: str, style: str | None, name: str, where: str) -> Iterator[Finding]:
    if style is not None and not _STYLES[style].match(name):
        yield where, f"{kind} {name!r} is not {style}"


def _naming(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    styles = {**_NAMING_DEFAULTS, **options}
    for _, _, where, operation in _operations(spec):
        if "operationId" in operation:
            at = join_pointer(where, "operationId")
            yield from _check_name(
                "operationId", styles["operation-id"], operation["operationId"], at
            )
        for index, parameter in enumerate(operation.get("parameters") or []):
            at, resolved = _resolved(spec, parameter, join_pointer(where, "parameters", index))
            if isinstance(resolved, dict) and resolved.get("in") in ("path", "query"):
                name = str(resolved.get("name"))
                yield from _check_name("parameter", styles["parameter"], name, at)
    if styles["path"] is not None:
        for path in spec.document.get("paths") or {}:
            segments = [s for s in path.split("/") if s and not s.startswith("{")]
            for segment in segments:
                literal = segment.split("?")[0]
                at = pointer_of(("paths", path))
                yield from _check_name("path segment", styles["path"], literal, at)
    for name, pointer, schema in _schemas(spec):
        yield from _check_name("schema", styles["schema"], name, pointer)
        for where, node in _walk(schema, pointer):
            properties = node.get("properties") if isinstance(node, dict) else None
            if isinstance(properties, dict) and not where.endswith("/properties"):
                for prop in properties:
                    at = join_pointer(where, "properties", prop)
                    yield from _check_name("property", styles["property"], prop, at)


def _nullable_keyword(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not spec.openapi_version.startswith("3.1"):
        return
    for where, node in _walk(spec.document, "#"):
        if isinstance(node, dict) and "nullable" in node and not where.endswith("/properties"):
            message = "`nullable` is not a keyword in OpenAPI 3.1: write type: [..., 'null']"
            yield join_pointer(where, "nullable"), message


def _open_responses(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    pending: list[tuple[str, Any]] = []
    for _, _, where, operation in _operations(spec):
        for status, response in (operation.get("responses") or {}).items():
            pointer, resolved = _resolved(spec, response, join_pointer(where, "responses", status))
            for name, media in ((resolved or {}).get("content") or {}).items():
                if isinstance(media, dict) and "schema" in media:
                    pending.append(
                        (join_pointer(pointer, "content", name, "schema"), media["schema"])
                    )
    seen: set[str] = set()
    while pending:
        pointer, node = pending.pop()
        pointer, node = _resolved(spec, node, pointer)
        if pointer in seen:
            continue
        seen.add(pointer)
        for where, child in _walk(node, pointer):
            if not isinstance(child, dict):
                continue
            if child.get("additionalProperties") is False:
                message = "a response schema forbids unknown fields: a field the server adds "
                message += "later fails validation in every client"
                yield join_pointer(where, "additionalProperties"), message
            if "$ref" in child:
                pending.append((where, child))


def _object_shape(spec: Spec, schema: Any, pointer: str) -> tuple[set[str], dict[str, Any]]:
    """Required names and properties of an object schema, through `allOf` (and `$ref`s)."""
    required: set[str] = set()
    properties: dict[str, Any] = {}
    stack, seen = [(pointer, schema)], set()
    while stack:
        where, node = stack.pop()
        where, node = _resolved(spec, node, where)
        if where in seen or not isinstance(node, dict):
            continue
        seen.add(where)
        required.update(r for r in node.get("required") or [] if isinstance(r, str))
        properties = {**(node.get("properties") or {}), **properties}
        stack.extend(
            (join_pointer(where, "allOf", i), m) for i, m in enumerate(node.get("allOf") or [])
        )
    return required, properties


def _discriminator_mapping(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    for where, node in _walk(spec.document, "#"):
        if not isinstance(node, dict) or not isinstance(node.get("discriminator"), dict):
            continue
        at = join_pointer(where, "discriminator")
        prop = node["discriminator"].get("propertyName")
        mapping = node["discriminator"].get("mapping") or {}
        variants = [v["$ref"] for v in node.get("oneOf") or node.get("anyOf") or [] if "$ref" in v]
        for ref in variants:
            if ref not in mapping.values():
                yield join_pointer(at, "mapping"), f"variant {ref} has no entry in the mapping"
        for value, ref in mapping.items():
            pointer, variant = spec.resolve({"$ref": ref}, join_pointer(at, "mapping", value))
            required, properties = _object_shape(spec, variant, pointer)
            if prop not in required:
                yield pointer, f"variant {ref} does not require the tag property {prop!r}"
                continue
            tag = properties.get(prop) or {}
            if isinstance(tag, dict) and "$ref" in tag:
                tag = spec.resolve(tag, pointer)[1]
            allowed = [tag["const"]] if "const" in tag else tag.get("enum")
            if allowed is not None and value not in allowed:
                message = f"the mapping says {value!r} but {ref} allows {prop} {allowed!r}"
                yield join_pointer(pointer, "properties", prop), message


def _examples_valid(spec: Spec, options: Mapping[str, Any]) -> Iterator[Finding]:
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
    from openapi_schema_validator import OAS30Validator, OAS31Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    uri = "urn:sdkgen-spec"
    registry: Registry[Any] = Registry().with_resource(
        uri, DRAFT202012.create_resource(spec.document)
    )
    cls: Any = OAS31Validator if spec.openapi_version.startswith("3.1") else OAS30Validator

    def problems(schema: Any, value: Any) -> list[ValidationError]:
        return list(cls(schema, registry=registry).iter_errors(value))

    def examples(where: str, node: dict[str, Any]) -> Iterator[tuple[str, Any]]:
        if "example" in node:
            yield join_pointer(where, "example"), node["example"]
        for name, example in (
            (node.get("examples") or {}).items() if isinstance(node.get("examples"), dict) else ()
        ):
            pointer, resolved = _resolved(spec, example, join_pointer(where, "examples", name))
            if isinstance(resolved, dict) and "value" in resolved:
                yield join_pointer(pointer, "value"), resolved["value"]

    for where, node in _walk(spec.document, "#"):
        if not isinstance(node, dict) or "schema" not in node:
            continue
        if "example" not in node and not isinstance(node.get("examples"), dict):
            continue
        schema = {"$ref": uri + join_pointer(where, "schema")}  # nested `$ref`s resolve
        for pointer, value in examples(where, node):
            found = problems(schema, value)
            if found:
                first = min(found, key=lambda e: len(e.path))
                path = "".join(f"/{escape_token(str(p))}" for p in first.path)
                message = first.message if len(first.message) <= 160 else first.message[:159] + "…"
                yield pointer + path, f"example does not match its schema: {message}"


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule(
            "operation-description",
            "operations have a summary and a description",
            ("require",),
            _operation_description,
        ),
        Rule("operation-id", "operations have an operationId", (), _operation_id),
        Rule("operation-tags", "operations have declared tags", (), _operation_tags),
        Rule(
            "error-responses",
            "operations declare their error responses",
            ("statuses", "schema"),
            _error_responses,
        ),
        Rule("schema-description", "schemas and properties are described", (), _schema_description),
        Rule("naming", "names follow the configured styles", tuple(_NAMING_DEFAULTS), _naming),
        Rule("nullable-keyword", "no `nullable` in OpenAPI 3.1", (), _nullable_keyword),
        Rule("open-responses", "response schemas accept unknown fields", (), _open_responses),
        Rule(
            "discriminator-mapping",
            "discriminator mappings are complete",
            (),
            _discriminator_mapping,
        ),
        Rule("examples-valid", "examples match their schemas", (), _examples_valid),
    )
}


def check_rules(spec: Spec, settings: Mapping[str, RuleSetting]) -> list[Diagnostic]:
    """Every finding of every rule that is not `off`, in rule order then document order."""
    found: list[Diagnostic] = []
    for name, rule in RULES.items():
        setting = settings.get(name, RuleSetting(rule.default))
        if setting.level == "off":
            continue
        level: Literal["error", "warning"] = setting.level
        for pointer, message in rule.check(spec, setting.options):
            diagnostic = Diagnostic(level, pointer, f"{message} [{name}]")
            if diagnostic not in found:
                found.append(diagnostic)
    return found


# ------------------------------------------------------------------------------ the config


def _option(rule: str, key: str, value: Any, pointer: str) -> Any:
    """Check one option value; return it in the form the rule reads."""
    if rule == "operation-description":
        allowed = ("summary", "description")
        if not isinstance(value, list) or not set(value) <= set(allowed):
            raise ConfigError(pointer, f"expected a list of {', '.join(allowed)}, got {value!r}")
        return tuple(value)
    if rule == "error-responses" and key == "statuses":
        if not isinstance(value, list) or not all(isinstance(s, (str, int)) for s in value):
            raise ConfigError(pointer, f"expected a list of status codes, got {value!r}")
        for status in value:
            if not re.fullmatch(r"[1-5](?:\d\d|XX)|default", str(status)):
                raise ConfigError(pointer, f"{status!r} is not a status code, 4XX or default")
        return tuple(str(s) for s in value)
    if rule == "error-responses":
        if not isinstance(value, str) or not value:
            raise ConfigError(pointer, f"expected a component schema name, got {value!r}")
        return value
    if value is not None and value not in _STYLES:  # naming
        raise ConfigError(pointer, f"expected one of {', '.join(_STYLES)} or null, got {value!r}")
    return value


def parse_settings(data: object, pointer: str) -> dict[str, RuleSetting]:
    """The config's `validate:` section (at `pointer`) as rule settings by rule name."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ConfigError(pointer, f"expected a mapping of rule names, got {type(data).__name__}")
    settings: dict[str, RuleSetting] = {}
    for name, value in data.items():
        where = join_pointer(pointer, str(name))
        rule = RULES.get(name) if isinstance(name, str) else None
        if rule is None:
            raise ConfigError(where, f"unknown rule {name!r}; expected one of: {', '.join(RULES)}")
        if isinstance(value, str) or value is None:
            value = {"level": value}
        if not isinstance(value, Mapping):
            raise ConfigError(where, f"expected a level or a mapping, got {value!r}")
        level = value.get("level", rule.default)
        if level not in _LEVELS:
            raise ConfigError(
                join_pointer(where, "level"), f"expected one of {', '.join(_LEVELS)}, got {level!r}"
            )
        options: dict[str, Any] = {}
        for key, option in value.items():
            if key == "level":
                continue
            if key not in rule.options:
                expected = ", ".join(("level", *rule.options))
                raise ConfigError(
                    join_pointer(where, str(key)), f"unknown option {key!r}; expected: {expected}"
                )
            options[key] = _option(name, key, option, join_pointer(where, key))
        settings[name] = RuleSetting(cast(Level, level), options)
    return settings
