"""Helper methods mixed into the generated ``chat.completions`` resources (and ``beta.chat.completions``).

``stream()``, ``parse()`` and ``run_tools()`` take the same keyword arguments as
``client.chat.completions.create()`` (``model``, ``messages``, ``temperature``, ``extra_body``,
``timeout``, ...), and send them through the resource's own ``create`` (``/beta/chat/completions``
on ``beta.chat.completions``), falling back to ``client.chat.completions.create``. Local tool callables are stripped before sending.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, Literal, Union, overload

from typing_extensions import TypeVar

from .._types import NOT_GIVEN, NotGiven
from ._generated_types import ChatCompletionMessageParam
from ._parsing import ResponseFormatInput, parse_chat_completion, prepare_request
from .chat_stream import AsyncChatCompletionStreamManager, ChatCompletionStreamManager
from .chat_stream_state import ChatCompletionStreamState
from .parsed_types import ParsedChatCompletion
from .run_tools import (
    AsyncChatCompletionStreamingToolRunner,
    AsyncChatCompletionToolRunner,
    ChatCompletionStreamingToolRunner,
    ChatCompletionToolRunner,
    RunnerCore,
)
from .tools import ToolInput, ToolSpec

__all__ = ["AsyncChatCompletionsHelpers", "ChatCompletionsHelpers"]

ResponseFormatT = TypeVar("ResponseFormatT", default=None)
"""The ``response_format`` type; ``None`` when no type is given (so ``parsed`` is ``None``)."""
Tools = Union[Iterable[ToolInput], NotGiven]


def _stream_request(
    params: dict[str, Any],
    messages: Iterable[ChatCompletionMessageParam],
    response_format: object,
    tools: Tools,
    schema_in_prompt: bool,
) -> dict[str, Any]:
    request, _ = prepare_request(
        params,
        messages=messages,
        response_format=response_format,
        tools=tools,
        schema_in_prompt=schema_in_prompt,
        stacklevel=4,
    )
    request["stream"] = True
    request.setdefault("stream_options", {"include_usage": True})
    return request


def _parse_request(
    params: dict[str, Any],
    messages: Iterable[ChatCompletionMessageParam],
    response_format: object,
    tools: Tools,
    schema_in_prompt: bool,
) -> tuple[dict[str, Any], dict[str, ToolSpec]]:
    if params.get("stream"):
        raise TypeError("parse() does not stream; use stream(response_format=...) instead")
    return prepare_request(
        params,
        messages=messages,
        response_format=response_format,
        tools=tools,
        schema_in_prompt=schema_in_prompt,
        stacklevel=4,
    )


def _own_create(resource: Any) -> Any:
    """The resource's own ``create`` (so helpers on ``beta.chat.completions`` use the ``/beta``
    path), or the client's ``chat.completions.create`` for a resource that has none."""
    create = getattr(resource, "create", None)
    return create if create is not None else resource._client.chat.completions.create


class ChatCompletionsHelpers:
    """``stream()``, ``parse()`` and ``run_tools()`` for the sync client."""

    _client: Any

    def stream(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
        tools: Tools = NOT_GIVEN,
        schema_in_prompt: bool = False,
        **params: Any,
    ) -> ChatCompletionStreamManager[ResponseFormatT]:
        """Stream a chat completion as typed events; use the result in a ``with`` block.

        Sends ``create(stream=True, stream_options={"include_usage": True}, ...)`` when the block
        is entered (pass ``stream_options`` to override). ``response_format=<type>`` works as in
        ``parse()``: ``content.done`` and the final completion carry ``parsed``.
        """
        request = _stream_request(
            dict(params, model=model), messages, response_format, tools, schema_in_prompt
        )
        state: ChatCompletionStreamState[ResponseFormatT] = ChatCompletionStreamState(
            response_format=response_format, input_tools=tools
        )
        return ChatCompletionStreamManager(functools.partial(_own_create(self), **request), state)

    def parse(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
        tools: Tools = NOT_GIVEN,
        schema_in_prompt: bool = False,
        **params: Any,
    ) -> ParsedChatCompletion[ResponseFormatT]:
        """Create a chat completion and validate the reply as ``response_format`` (a pydantic model or type).

        DeepSeek supports only JSON mode, so ``{"type": "json_object"}`` is sent; with
        ``schema_in_prompt=True`` a system message with the type's JSON schema is appended. The reply
        ends up in ``choices[i].message.parsed``. Raises ``ContentParseError`` (with the raw text)
        when it does not validate and ``LengthFinishReasonError`` when it was cut off. A dict
        ``response_format`` is sent unchanged. Tools marked ``strict`` or built with
        ``pydantic_function_tool`` get ``tool_calls[i].function.parsed_arguments``.
        """
        request, specs = _parse_request(
            dict(params, model=model), messages, response_format, tools, schema_in_prompt
        )
        completion = _own_create(self)(**request)
        return parse_chat_completion(completion, response_format, specs)

    @overload
    def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        tools: Iterable[ToolInput],
        max_rounds: int = 10,
        stream: Literal[False] = False,
        **params: Any,
    ) -> ChatCompletionToolRunner: ...

    @overload
    def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        tools: Iterable[ToolInput],
        max_rounds: int = 10,
        stream: Literal[True],
        **params: Any,
    ) -> ChatCompletionStreamingToolRunner: ...

    def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        tools: Iterable[ToolInput],
        max_rounds: int = 10,
        stream: bool = False,
        **params: Any,
    ) -> ChatCompletionToolRunner | ChatCompletionStreamingToolRunner:
        """Call the API and run the requested Python tool functions in a loop (see ``run_tools``).

        ``max_rounds`` caps the number of requests. Nothing is sent until the runner is used
        (``final_content()``, ``until_done()``, iteration). ``stream=True`` returns a runner that
        yields stream events; use it in a ``with`` block. Async tool functions need the async client.
        """
        core = RunnerCore(
            messages=messages,
            tools=tools,
            max_rounds=max_rounds,
            params=dict(params, model=model),
            is_async=False,
        )
        if stream:
            return ChatCompletionStreamingToolRunner(_own_create(self), core)
        return ChatCompletionToolRunner(_own_create(self), core)


class AsyncChatCompletionsHelpers:
    """``stream()``, ``parse()`` and ``run_tools()`` for the async client."""

    _client: Any

    def stream(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
        tools: Tools = NOT_GIVEN,
        schema_in_prompt: bool = False,
        **params: Any,
    ) -> AsyncChatCompletionStreamManager[ResponseFormatT]:
        """Stream a chat completion as typed events; use the result in an ``async with`` block.

        See ``ChatCompletionsHelpers.stream``.
        """
        request = _stream_request(
            dict(params, model=model), messages, response_format, tools, schema_in_prompt
        )
        state: ChatCompletionStreamState[ResponseFormatT] = ChatCompletionStreamState(
            response_format=response_format, input_tools=tools
        )
        return AsyncChatCompletionStreamManager(
            functools.partial(_own_create(self), **request), state
        )

    async def parse(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
        tools: Tools = NOT_GIVEN,
        schema_in_prompt: bool = False,
        **params: Any,
    ) -> ParsedChatCompletion[ResponseFormatT]:
        """Create a chat completion and validate the reply; see ``ChatCompletionsHelpers.parse``."""
        request, specs = _parse_request(
            dict(params, model=model), messages, response_format, tools, schema_in_prompt
        )
        completion = await _own_create(self)(**request)
        return parse_chat_completion(completion, response_format, specs)

    @overload
    def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        tools: Iterable[ToolInput],
        max_rounds: int = 10,
        stream: Literal[False] = False,
        **params: Any,
    ) -> AsyncChatCompletionToolRunner: ...

    @overload
    def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        tools: Iterable[ToolInput],
        max_rounds: int = 10,
        stream: Literal[True],
        **params: Any,
    ) -> AsyncChatCompletionStreamingToolRunner: ...

    def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[ChatCompletionMessageParam],
        tools: Iterable[ToolInput],
        max_rounds: int = 10,
        stream: bool = False,
        **params: Any,
    ) -> AsyncChatCompletionToolRunner | AsyncChatCompletionStreamingToolRunner:
        """Like ``ChatCompletionsHelpers.run_tools``; tool functions may be ``async def``.

        Returns the runner without awaiting: ``await runner.final_content()``.
        """
        core = RunnerCore(
            messages=messages,
            tools=tools,
            max_rounds=max_rounds,
            params=dict(params, model=model),
            is_async=True,
        )
        if stream:
            return AsyncChatCompletionStreamingToolRunner(_own_create(self), core)
        return AsyncChatCompletionToolRunner(_own_create(self), core)
