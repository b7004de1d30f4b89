"""``stream()``, ``parse()`` and ``run_tools()`` on ``chat.completions`` (and ``beta.chat.completions``).

Each function here is printed by the generator as a method of the resource, next to ``create``,
with ``create``'s whole typed signature (see ``_declare``): ``client.chat.completions.stream(
model=..., messages=..., temperature=..., timeout=...)``. The method passes its own ``create``
(so ``beta.chat.completions`` helpers send to ``/beta/chat/completions``) and ``create``'s
arguments as ``params``; the sync and async forms share everything but the I/O.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Iterable
from typing import Any, Callable, Literal, Union, overload

from typing_extensions import TypeVar

from .._streaming import AsyncStream, Stream
from .._types import NOT_GIVEN, NotGiven
from ._declare import helper_method
from ._generated_types import ChatCompletion, ChatCompletionChunk
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

__all__ = [
    "AsyncChatCompletionStreamManager",
    "AsyncChatCompletionStreamingToolRunner",
    "AsyncChatCompletionToolRunner",
    "ChatCompletionStreamManager",
    "ChatCompletionStreamingToolRunner",
    "ChatCompletionToolRunner",
    "ParsedChatCompletion",
    "ResponseFormatInput",
    "ResponseFormatT",
    "ToolInput",
    "async_parse",
    "async_run_tools",
    "async_stream",
    "parse",
    "run_tools",
    "stream",
]

ResponseFormatT = TypeVar("ResponseFormatT", default=None)
"""The ``response_format`` type; ``None`` when no type is given (so ``parsed`` is ``None``)."""
Tools = Union[Iterable[ToolInput], NotGiven]
Params = dict[str, Any]
"""The arguments of the resource's ``create``, by name (``NOT_GIVEN`` for those left out)."""


def _given(params: Params) -> Params:
    """The arguments actually passed (so `create`'s own defaults apply to the others)."""
    return {key: value for key, value in params.items() if not isinstance(value, NotGiven)}


def _stream_request(
    params: Params, response_format: object, tools: Tools, schema_in_prompt: bool
) -> dict[str, Any]:
    params = _given(params)
    request, _ = prepare_request(
        params,
        messages=params["messages"],
        response_format=response_format,
        tools=tools,
        schema_in_prompt=schema_in_prompt,
        stacklevel=4,
    )
    request["stream"] = True
    request.setdefault("stream_options", {"include_usage": True})
    return request


def _parse_request(
    params: Params, response_format: object, tools: Tools, schema_in_prompt: bool
) -> tuple[dict[str, Any], dict[str, ToolSpec]]:
    params = _given(params)
    return prepare_request(
        params,
        messages=params["messages"],
        response_format=response_format,
        tools=tools,
        schema_in_prompt=schema_in_prompt,
        stacklevel=4,
    )


@helper_method(based_on="create", drop=("stream",))
def stream(
    create: Callable[..., Stream[ChatCompletionChunk]],
    params: Params,
    *,
    response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
    tools: Iterable[ToolInput] | NotGiven = NOT_GIVEN,
    schema_in_prompt: bool = False,
) -> ChatCompletionStreamManager[ResponseFormatT]:
    """Stream a chat completion as typed events: `with ... as stream` (`async with` on the
    async client).

    Sends `create(stream=True, stream_options={"include_usage": True}, ...)` when the block is
    entered (pass `stream_options` to override) and closes the connection when it exits.
    Iterating the stream gives `chunk`, `content.delta`, `reasoning.delta` (DeepSeek's
    `reasoning_content`), `tool_calls.function.arguments.delta` and the matching `*.done`
    events; `stream.on("content", handler)` registers callbacks; `get_final_completion()`
    returns the accumulated completion (with `_request_id`).

    Args:
      response_format: A pydantic model (or any type) to validate the finished reply as, as in
          `parse()`: `content.done` and the final completion carry `parsed`. A dict is sent
          unchanged.
      tools: Tool definitions: dicts, or `function_tool(fn)` / `pydantic_function_tool(Model)`
          (their parsed arguments appear on the `*.done` events).
      schema_in_prompt: Describe `response_format`'s JSON schema to the model in a system
          message.
    """
    request = _stream_request(params, response_format, tools, schema_in_prompt)
    state: ChatCompletionStreamState[ResponseFormatT] = ChatCompletionStreamState(
        response_format=response_format, input_tools=tools
    )
    return ChatCompletionStreamManager(functools.partial(create, **request), state)


@helper_method(based_on="create", drop=("stream",))
def async_stream(
    create: Callable[..., Awaitable[AsyncStream[ChatCompletionChunk]]],
    params: Params,
    *,
    response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
    tools: Iterable[ToolInput] | NotGiven = NOT_GIVEN,
    schema_in_prompt: bool = False,
) -> AsyncChatCompletionStreamManager[ResponseFormatT]:
    """``stream()`` for the async client: use the result in an ``async with`` block."""
    request = _stream_request(params, response_format, tools, schema_in_prompt)
    state: ChatCompletionStreamState[ResponseFormatT] = ChatCompletionStreamState(
        response_format=response_format, input_tools=tools
    )
    return AsyncChatCompletionStreamManager(functools.partial(create, **request), state)


@helper_method(based_on="create", drop=("stream",))
def parse(
    create: Callable[..., ChatCompletion],
    params: Params,
    *,
    response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
    tools: Iterable[ToolInput] | NotGiven = NOT_GIVEN,
    schema_in_prompt: bool = False,
) -> ParsedChatCompletion[ResponseFormatT]:
    """Create a chat completion and validate the reply as `response_format`.

    DeepSeek offers JSON mode only, so `{"type": "json_object"}` is sent and the reply is
    validated locally with pydantic; it ends up in `choices[i].message.parsed`. Raises
    `ContentParseError` (with the raw text) when it does not validate and
    `LengthFinishReasonError` when it was cut off. Tools marked `strict` or built with
    `pydantic_function_tool` get `tool_calls[i].function.parsed_arguments`.

    Args:
      response_format: A pydantic model (or any type) to validate the reply as. A dict is sent
          unchanged.
      tools: Tool definitions: dicts, or `function_tool(fn)` / `pydantic_function_tool(Model)`.
      schema_in_prompt: Describe `response_format`'s JSON schema to the model in a system
          message (DeepSeek's JSON mode needs the word "json" and an example in the prompt).
    """
    request, specs = _parse_request(params, response_format, tools, schema_in_prompt)
    return parse_chat_completion(create(**request), response_format, specs)


@helper_method(based_on="create", drop=("stream",))
async def async_parse(
    create: Callable[..., Awaitable[ChatCompletion]],
    params: Params,
    *,
    response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
    tools: Iterable[ToolInput] | NotGiven = NOT_GIVEN,
    schema_in_prompt: bool = False,
) -> ParsedChatCompletion[ResponseFormatT]:
    """``parse()`` for the async client."""
    request, specs = _parse_request(params, response_format, tools, schema_in_prompt)
    return parse_chat_completion(await create(**request), response_format, specs)


def _runner_core(
    params: Params, tools: Iterable[ToolInput], max_rounds: int, is_async: bool
) -> RunnerCore:
    params = _given(params)
    return RunnerCore(
        messages=params["messages"],
        tools=tools,
        max_rounds=max_rounds,
        params={k: v for k, v in params.items() if k != "messages"},
        is_async=is_async,
    )


@overload
def run_tools(
    create: Callable[..., Any],
    params: Params,
    *,
    tools: Iterable[ToolInput],
    max_rounds: int = 10,
    stream: Literal[False] = False,
) -> ChatCompletionToolRunner: ...
@overload
def run_tools(
    create: Callable[..., Any],
    params: Params,
    *,
    tools: Iterable[ToolInput],
    max_rounds: int = 10,
    stream: Literal[True],
) -> ChatCompletionStreamingToolRunner: ...
@overload
def run_tools(
    create: Callable[..., Any],
    params: Params,
    *,
    tools: Iterable[ToolInput],
    max_rounds: int = 10,
    stream: bool,
) -> ChatCompletionToolRunner | ChatCompletionStreamingToolRunner: ...
@helper_method(based_on="create", drop=("stream",))
def run_tools(
    create: Callable[..., Any],
    params: Params,
    *,
    tools: Iterable[ToolInput],
    max_rounds: int = 10,
    stream: bool = False,
) -> ChatCompletionToolRunner | ChatCompletionStreamingToolRunner:
    """Call the API and run the Python functions the model asks for, in a loop.

    For every tool call in a reply the runner runs the matching function, appends the
    assistant message and one `tool` message per call, and asks again, until a reply has no
    tool calls or `max_rounds` requests were made. Nothing is sent until the runner is used
    (`final_content()`, `get_final_completion()`, `until_done()`, iteration). Bad arguments or
    an exception in a function are sent back to the model as the tool's result.

    Args:
      tools: The tools: `function_tool(fn)` / `pydantic_function_tool(Model)` (run locally) or
          tool dicts.
      max_rounds: The most requests the runner makes.
      stream: Stream every round: the runner then yields the stream helper's events; use it in
          a `with` (`async with`) block.

    On the async client, functions may be `async def`, and the runner is returned without
    awaiting: `await runner.final_content()`.
    """
    core = _runner_core(params, tools, max_rounds, is_async=False)
    if stream:
        return ChatCompletionStreamingToolRunner(create, core)
    return ChatCompletionToolRunner(create, core)


@overload
def async_run_tools(
    create: Callable[..., Any],
    params: Params,
    *,
    tools: Iterable[ToolInput],
    max_rounds: int = 10,
    stream: Literal[False] = False,
) -> AsyncChatCompletionToolRunner: ...
@overload
def async_run_tools(
    create: Callable[..., Any],
    params: Params,
    *,
    tools: Iterable[ToolInput],
    max_rounds: int = 10,
    stream: Literal[True],
) -> AsyncChatCompletionStreamingToolRunner: ...
@overload
def async_run_tools(
    create: Callable[..., Any],
    params: Params,
    *,
    tools: Iterable[ToolInput],
    max_rounds: int = 10,
    stream: bool,
) -> AsyncChatCompletionToolRunner | AsyncChatCompletionStreamingToolRunner: ...
@helper_method(based_on="create", drop=("stream",))
def async_run_tools(
    create: Callable[..., Any],
    params: Params,
    *,
    tools: Iterable[ToolInput],
    max_rounds: int = 10,
    stream: bool = False,
) -> AsyncChatCompletionToolRunner | AsyncChatCompletionStreamingToolRunner:
    """``run_tools()`` for the async client: tool functions may be ``async def``; the runner is
    returned without awaiting (``await runner.final_content()``)."""
    core = _runner_core(params, tools, max_rounds, is_async=True)
    if stream:
        return AsyncChatCompletionStreamingToolRunner(create, core)
    return AsyncChatCompletionToolRunner(create, core)
