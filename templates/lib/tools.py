"""Function tools: build them from Python functions or pydantic models, and run their calls.

Three forms are accepted wherever the helpers take ``tools=``:

* a plain dict ``{"type": "function", "function": {"name", "description", "parameters", "strict"?,
  "function": callable?, "parse": callable?}}`` -- ``function`` and ``parse`` stay local (they are
  stripped before the request is sent);
* ``function_tool(fn)`` -- the JSON schema comes from ``fn``'s type hints and its Google-style
  ``Args:`` docstring section;
* ``pydantic_function_tool(Model, function=fn)`` -- the schema comes from the model.

How a call is run: the arguments string goes through the tool's ``parse`` (``json.loads`` when it
has none); a ``dict`` result is passed as keyword arguments (``fn(**args)``), anything else as one
positional argument (``fn(model_instance)``). A non-``str`` return value is sent back JSON-encoded.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import (
    Any,
    Callable,
    Literal,
    TypeVar,
    Union,
    cast,
    get_type_hints,
)

import pydantic
from typing_extensions import Required, TypedDict, TypeGuard

from .._types import NotGiven
from ._generated_types import ChatCompletionToolParam

__all__ = [
    "RunnableFunction",
    "RunnableTool",
    "ToolInput",
    "function_tool",
    "pydantic_function_tool",
    "to_strict_json_schema",
]

ModelT = TypeVar("ModelT", bound=pydantic.BaseModel)


class RunnableFunction(TypedDict, total=False):
    """The ``function`` part of a tool the helpers can run locally."""

    name: Required[str]
    description: str
    parameters: dict[str, object]
    strict: bool
    function: Callable[..., Any]
    """Called with the parsed arguments; never sent to the API."""
    parse: Callable[[str], Any]
    """Turns the raw arguments string into the value passed to ``function``; never sent."""


class RunnableTool(TypedDict):
    """A function tool with a local implementation."""

    type: Literal["function"]
    function: RunnableFunction


ToolInput = Union[ChatCompletionToolParam, RunnableTool]
"""Anything accepted in ``tools=`` by ``stream``/``parse``/``run_tools``."""

_LOCAL_KEYS = ("function", "parse")
# Keywords DeepSeek's strict mode rejects (deepseek-api.md section 2.3).
_STRICT_UNSUPPORTED = frozenset(
    {
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "patternProperties",
        "minItems",
        "maxItems",
    }
)
_SCHEMA_MAPS = ("properties", "$defs", "definitions")
_SCHEMA_LISTS = ("anyOf", "allOf", "oneOf", "prefixItems")
_DOC_SECTION = re.compile(
    r"^(Args|Arguments|Parameters|Returns|Return|Raises|Yields|Examples?|Notes?):\s*$"
)
_DOC_ARG = re.compile(r"^\*{0,2}(\w+)(?:\s*\(.*?\))?\s*:\s*(.*)$")


def function_tool(
    fn: Callable[..., Any],
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool | None = None,
) -> RunnableTool:
    """Describe ``fn`` as a tool: JSON schema from its type hints, descriptions from its docstring.

    Supported parameter types: ``str``, ``int``, ``float``, ``bool``, ``list[...]``, ``dict[...]``,
    ``Optional``/``Union``, ``Literal``, ``Enum`` and pydantic models. Arguments are validated (and
    converted, e.g. dicts into models) before ``fn`` is called with them as keyword arguments.
    ``strict=True`` sends DeepSeek's strict mode flag (needs the ``/beta`` base URL) with a schema
    rewritten to its rules.
    """
    summary, arg_docs = _parse_docstring(inspect.getdoc(fn) or "")
    hints = get_type_hints(fn, include_extras=True)
    fields: dict[str, Any] = {}
    for param in inspect.signature(fn).parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD, param.POSITIONAL_ONLY):
            raise TypeError(
                f"function_tool({fn.__name__}): parameter {param.name!r} cannot be passed by keyword"
            )
        default = ... if param.default is param.empty else param.default
        annotation = hints.get(param.name, Any)
        fields[param.name] = (
            annotation,
            pydantic.Field(default, description=arg_docs.get(param.name)),
        )
    tool_name = name or fn.__name__
    arguments_model: type[pydantic.BaseModel] = pydantic.create_model(
        f"{tool_name}_arguments", **fields
    )
    parameters = _without_titles(arguments_model.model_json_schema())
    field_names = tuple(fields)

    def parse(arguments: str) -> dict[str, Any]:
        validated = arguments_model.model_validate_json(arguments or "{}")
        return {key: getattr(validated, key) for key in field_names}

    return _runnable(tool_name, description or summary, parameters, strict, fn, parse)


def pydantic_function_tool(
    model: type[ModelT],
    *,
    function: Callable[[ModelT], Any] | None = None,
    name: str | None = None,
    description: str | None = None,
    strict: bool | None = None,
) -> RunnableTool:
    """Describe a tool whose arguments are ``model``; parsed arguments are ``model`` instances.

    ``function`` (optional; needed by ``run_tools``) is called with the model instance.
    """
    parameters = _without_titles(model.model_json_schema())
    doc = model.__doc__ if model.__doc__ and model.__doc__ != pydantic.BaseModel.__doc__ else ""
    tool: RunnableTool = _runnable(
        name or model.__name__,
        description or inspect.cleandoc(doc),
        parameters,
        strict,
        function,
        model.model_validate_json,
    )
    return tool


def to_strict_json_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Rewrite a JSON schema for DeepSeek's strict mode (returns a new dict).

    Every object gets ``additionalProperties: false`` and lists all its properties as required;
    keywords strict mode does not support (``minLength``, ``pattern``, ``minimum``, ...) and
    ``default: null`` are dropped.
    """
    return _map_schema(schema, _strict_node)


def _strict_node(node: dict[str, Any]) -> dict[str, Any]:
    out = {
        key: value
        for key, value in node.items()
        if key not in _STRICT_UNSUPPORTED and not (key == "default" and value is None)
    }
    if out.get("type") == "object" or "properties" in out:
        out["additionalProperties"] = False
        out["required"] = list(out.get("properties", {}))
    return out


def _without_titles(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Drop pydantic's auto-generated ``title`` keywords (noise in the prompt)."""
    return _map_schema(schema, lambda node: {k: v for k, v in node.items() if k != "title"})


def _is_str_mapping(value: object) -> TypeGuard[Mapping[str, Any]]:
    """A user-given mapping (a JSON schema, a tool definition); its values are not checked."""
    return isinstance(value, Mapping)


def _map_schema(
    schema: Mapping[str, Any], node_fn: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[str, Any]:
    """Apply ``node_fn`` to ``schema`` and every schema nested in it (innermost first).

    Property names (keys of ``properties``/``$defs``) are never passed to ``node_fn`` as keywords.
    """
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA_MAPS and _is_str_mapping(value):
            value = {
                k: _map_schema(v, node_fn) if _is_str_mapping(v) else v for k, v in value.items()
            }
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            items = cast("list[object]", value)
            value = [_map_schema(v, node_fn) if _is_str_mapping(v) else v for v in items]
        elif key in ("items", "additionalProperties") and _is_str_mapping(value):
            value = _map_schema(value, node_fn)
        out[key] = value
    return node_fn(out)


def _runnable(
    name: str,
    description: str,
    parameters: dict[str, object],
    strict: bool | None,
    fn: Callable[..., Any] | None,
    parse: Callable[[str], Any],
) -> RunnableTool:
    function: RunnableFunction = {"name": name, "parameters": parameters, "parse": parse}
    if description:
        function["description"] = description
    if strict is not None:
        function["strict"] = strict
        if strict:
            function["parameters"] = to_strict_json_schema(parameters)
    if fn is not None:
        function["function"] = fn
    return {"type": "function", "function": function}


def _parse_docstring(doc: str) -> tuple[str, dict[str, str]]:
    """Split a Google-style docstring into its summary and ``Args:`` descriptions."""
    summary: list[str] = []
    args: dict[str, str] = {}
    section: str | None = None
    current: str | None = None
    arg_indent: int | None = None  # indentation of the entries in the Args section
    for raw in doc.splitlines():
        line = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        header = _DOC_SECTION.match(line)
        if header and indent == 0:
            section, current, arg_indent = header.group(1), None, None
        elif section is None:
            summary.append(raw)
        elif section in ("Args", "Arguments", "Parameters") and line:
            match = _DOC_ARG.match(line)
            if match and (arg_indent is None or indent <= arg_indent):
                name: str = match.group(1)
                current, arg_indent = name, indent
                args[name] = match.group(2).strip()
            elif current is not None:
                args[current] = f"{args[current]} {line}".strip()
    return "\n".join(summary).strip(), args


# --- running tool calls (no I/O here; the runners add sync/async calling) -------------------------


@dataclass(frozen=True)
class ToolSpec:
    """One tool as the helpers see it: what goes on the wire, and the local pieces."""

    name: str
    wire: dict[str, Any]
    function: Callable[..., Any] | None
    parse: Callable[[str], Any] | None
    strict: bool

    def parse_arguments(self, arguments: str) -> Any:
        """Parse a call's arguments string with the tool's ``parse`` (``json.loads`` if none)."""
        if self.parse is not None:
            return self.parse(arguments)
        return json.loads(arguments or "{}")

    def parsed_arguments(self, arguments: str) -> object:
        """``parsed_arguments`` as reported on responses: only for parseable or strict tools."""
        if self.parse is None and not self.strict:
            return None
        return self.parse_arguments(arguments)


def normalize_tools(
    tools: Iterable[ToolInput] | NotGiven | None,
) -> tuple[list[dict[str, Any]], dict[str, ToolSpec]]:
    """Split ``tools=`` into the list to send (callables stripped) and specs by function name."""
    if tools is None or isinstance(tools, NotGiven):
        return [], {}
    wire_tools: list[dict[str, Any]] = []
    specs: dict[str, ToolSpec] = {}
    for tool in tools:
        tool_map = cast("Mapping[str, Any]", tool)  # checked here: callers may pass any dict
        function = tool_map.get("function")
        if tool_map.get("type") != "function" or not _is_str_mapping(function):
            wire_tools.append(dict(tool_map))
            continue
        wire_function = {k: v for k, v in function.items() if k not in _LOCAL_KEYS}
        wire = {**tool_map, "function": wire_function}
        wire_tools.append(wire)
        name = function.get("name", "")
        specs[name] = ToolSpec(
            name=name,
            wire=wire,
            function=function.get("function"),
            parse=function.get("parse"),
            strict=bool(function.get("strict")),
        )
    return wire_tools, specs


@dataclass(frozen=True)
class PreparedCall:
    """A tool call ready to run: ``function(*args, **kwargs)``."""

    function: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


def prepare_call(specs: Mapping[str, ToolSpec], name: str, arguments: str) -> PreparedCall | str:
    """Resolve and parse one tool call; returns the error text to send back when that fails."""
    spec = specs.get(name)
    if spec is None or spec.function is None:
        available = (
            ", ".join(sorted(s.name for s in specs.values() if s.function is not None)) or "none"
        )
        return f'Error: unknown tool "{name}". Available tools: {available}.'
    try:
        parsed = spec.parse_arguments(arguments)
    except (ValueError, pydantic.ValidationError) as exc:
        return f'Error: invalid arguments for tool "{name}": {exc}'
    if isinstance(parsed, dict):
        return PreparedCall(spec.function, (), cast("dict[str, Any]", parsed))
    return PreparedCall(spec.function, (parsed,), {})


def format_result(result: object) -> str:
    """Turn a tool function's return value into the tool message content."""
    if isinstance(result, str):
        return result
    if isinstance(result, pydantic.BaseModel):
        return result.model_dump_json()
    if isinstance(result, Enum):
        result = result.value
    return json.dumps(result, ensure_ascii=False, default=str)


def format_exception(name: str, exc: BaseException) -> str:
    """The tool message content for a tool function that raised."""
    return f'Error: tool "{name}" raised {type(exc).__name__}: {exc}'
