"""Structured output for DeepSeek: ``response_format=<type>`` -> JSON mode + local validation.

DeepSeek has no ``json_schema`` response format (only ``{"type": "json_object"}``), so a type given
as ``response_format`` is sent as JSON mode, optionally described to the model in a system message
(``schema_in_prompt=True``), and the reply is validated locally with pydantic.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, Union, cast

import pydantic

from .._models import is_model_class, set_request_id, type_adapter, validate_json
from .._types import NotGiven, is_mapping
from ._generated_types import ChatCompletion, ChatCompletionMessageParam
from .errors import ContentParseError, LengthFinishReasonError
from .parsed_types import ParsedChatCompletion
from .tools import ToolInput, ToolSpec, normalize_tools

__all__ = [
    "ResponseFormatInput",
    "parse_chat_completion",
    "parse_content",
    "parse_tool_arguments",
    "prepare_request",
]

ResponseFormatT = TypeVar("ResponseFormatT")
ResponseFormatInput = Union[type[ResponseFormatT], Mapping[str, Any], NotGiven, None]
"""A type to validate the reply as, or a ``response_format`` dict sent unchanged."""

JSON_OBJECT_FORMAT: dict[str, Any] = {"type": "json_object"}
_SCHEMA_INSTRUCTION = (
    "Reply with a single JSON object, and nothing else, that is valid against this JSON schema:\n"
)


def is_parseable_format(response_format: object) -> bool:
    """True when ``response_format`` is a type to validate against (not a dict to pass through)."""
    return response_format is not None and not isinstance(response_format, (NotGiven, Mapping))


def prepare_request(
    params: Mapping[str, Any],
    *,
    messages: Iterable[ChatCompletionMessageParam],
    response_format: object,
    tools: Iterable[ToolInput] | NotGiven | None,
    schema_in_prompt: bool,
    stacklevel: int = 3,
) -> tuple[dict[str, Any], dict[str, ToolSpec]]:
    """Build the keyword arguments for ``create()`` and the tool specs used to parse its reply.

    Local tool callables are stripped, a type ``response_format`` becomes JSON mode (plus a schema
    system message when ``schema_in_prompt``), and a dict ``response_format`` passes unchanged.
    """
    request: dict[str, Any] = dict(params)
    message_list: list[Any] = list(messages)
    if is_parseable_format(response_format):
        request["response_format"] = JSON_OBJECT_FORMAT
        if schema_in_prompt:
            message_list = _with_schema_message(message_list, cast(type, response_format))
        elif not any("json" in _text_of(m).lower() for m in message_list):
            warnings.warn(
                "DeepSeek's JSON mode needs the word 'json' in the prompt (ideally with an example), "
                "or the model may emit whitespace until max_tokens; pass schema_in_prompt=True or "
                "describe the JSON in a message.",
                UserWarning,
                stacklevel=stacklevel,
            )
    elif not isinstance(response_format, NotGiven):
        request["response_format"] = response_format
    request["messages"] = message_list
    wire_tools, specs = normalize_tools(tools)
    if wire_tools:
        request["tools"] = wire_tools
    return request, specs


def parse_content(response_format: type[ResponseFormatT], content: str) -> ResponseFormatT:
    """Validate the reply text as ``response_format``; raises ``ContentParseError``."""
    if not content.strip():
        raise ContentParseError(
            "The reply is empty, so it cannot be parsed as JSON", content=content
        )
    try:
        return cast(ResponseFormatT, validate_json(response_format, content))
    except pydantic.ValidationError as exc:
        name = getattr(response_format, "__name__", repr(response_format))
        raise ContentParseError(f"The reply does not match {name}: {exc}", content=content) from exc


def parse_tool_arguments(spec: ToolSpec | None, arguments: str) -> object:
    """``parsed_arguments`` for a tool call (``None`` unless the tool is parseable or strict)."""
    if spec is None:
        return None
    try:
        return spec.parsed_arguments(arguments)
    except (ValueError, pydantic.ValidationError) as exc:
        raise ContentParseError(
            f'The arguments of a call to tool "{spec.name}" are not valid: {exc}', content=arguments
        ) from exc


def parse_chat_completion(
    completion: ChatCompletion,
    response_format: ResponseFormatInput[ResponseFormatT],
    specs: Mapping[str, ToolSpec],
) -> ParsedChatCompletion[ResponseFormatT]:
    """Turn a ``ChatCompletion`` into a ``ParsedChatCompletion`` (see ``parse()``)."""
    data = completion.model_dump(by_alias=True)
    parse_as = (
        cast(type[ResponseFormatT], response_format)
        if is_parseable_format(response_format)
        else None
    )
    for choice in data["choices"]:
        if parse_as is not None and choice.get("finish_reason") == "length":
            raise LengthFinishReasonError(completion=completion)
        message = choice["message"]
        for call in message.get("tool_calls") or ():
            function: dict[str, Any] = call.get("function") or {}
            function["parsed_arguments"] = parse_tool_arguments(
                specs.get(function.get("name", "")), function.get("arguments", "")
            )
        content = message.get("content")
        if parse_as is not None and (content or not message.get("tool_calls")):
            try:
                message["parsed"] = parse_content(parse_as, content or "")
            except ContentParseError as exc:
                exc.completion = completion
                raise
    parsed = parsed_completion_type(response_format).model_validate(data)
    request_id: str | None = getattr(completion, "_request_id", None)
    if request_id is not None:
        set_request_id(parsed, request_id)
    return parsed


def parsed_completion_type(response_format: object) -> type[ParsedChatCompletion[Any]]:
    """``ParsedChatCompletion[T]`` for a type ``response_format``, else the unparametrised class."""
    if is_parseable_format(response_format):
        return ParsedChatCompletion[response_format]  # type: ignore[valid-type]
    return ParsedChatCompletion


def _json_schema(tp: object) -> dict[str, Any]:
    if is_model_class(tp):
        return tp.model_json_schema()
    return type_adapter(tp).json_schema()


def _with_schema_message(messages: list[Any], tp: type) -> list[Any]:
    """Append a system message with the schema (before a trailing prefix-completion message)."""
    schema = json.dumps(_json_schema(tp), ensure_ascii=False)
    message = {"role": "system", "content": _SCHEMA_INSTRUCTION + schema}
    last: object = messages[-1] if messages else None
    if is_mapping(last) and last.get("prefix"):
        return [*messages[:-1], message, last]
    return [*messages, message]


def _text_of(message: object) -> str:
    content: object = (
        message.get("content") if is_mapping(message) else getattr(message, "content", None)
    )
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = cast("list[object]", content)
        return " ".join(str(part.get("text", "")) for part in parts if is_mapping(part))
    return ""
