"""Automatic function calling: ``client.chat.completions.run_tools(...)``.

The runner calls the API; for every tool call in the reply it runs the matching Python function
and appends the assistant message and one ``tool`` message per call (in order, with its
``tool_call_id``); then it calls the API again, until a reply has no tool calls or ``max_rounds``
requests were made. Nothing is sent until the runner is used::

    runner = client.chat.completions.run_tools(model=..., messages=[...], tools=[function_tool(get_weather)])
    runner.on("function_call", lambda call: print("calling", call.function.name))
    print(runner.final_content())

Problems in a call -- unknown tool, arguments that do not parse or validate, an exception raised by
the function -- are sent back to the model as the tool result (``"Error: ..."``), not raised.
With ``stream=True`` the runner yields the stream helper's events for every round.

Handlers (``runner.on(name, fn)``): ``"chat_completion"`` (each ``ChatCompletion``), ``"message"``
(each message appended to ``runner.messages``), ``"function_call"`` (each tool call, before it
runs), ``"function_call_result"`` (a ``ToolCallResult``); streaming runners also take every stream
event name (see ``_handlers.Handlers``).

DeepSeek thinking mode: an assistant turn that made tool calls must be sent back with its
``reasoning_content`` (else 400). Once the run is in thinking mode (a reply carried
``reasoning_content``, or ``thinking={"type": "enabled"}`` was sent) every assistant message the
runner appends carries ``reasoning_content`` -- the reply's, or ``""`` if it had none. Outside
thinking mode the field is left out (older models rejected it).
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import (
    Any,
    cast,
)

from typing_extensions import Self

from .._types import NOT_GIVEN, is_mapping
from ._generated_types import (
    ChatCompletion,
    ChatCompletionMessage,
    ChatCompletionMessageParam,
    ChatCompletionMessageToolCall,
    CompletionUsage,
)
from ._handlers import Handler, Handlers
from ._hooks import RunnerHooks, StreamingRunnerHooks
from ._parsing import is_parseable_format, prepare_request
from .chat_stream import AsyncChatCompletionStream, ChatCompletionStream
from .chat_stream_events import ChatCompletionStreamEvent
from .chat_stream_state import ChatCompletionStreamState
from .tools import ToolInput, ToolSpec, format_exception, format_result, prepare_call

__all__ = [
    "AsyncChatCompletionStreamingToolRunner",
    "AsyncChatCompletionToolRunner",
    "ChatCompletionStreamingToolRunner",
    "ChatCompletionToolRunner",
    "ToolCallResult",
]

HandlerCalls = list[tuple[Handler, tuple[Any, ...]]]


@dataclass(frozen=True)
class ToolCallResult:
    """What a tool call produced: the ``content`` sent back, and the exception if the function raised."""

    tool_call: ChatCompletionMessageToolCall
    content: str
    error: BaseException | None


class RunnerCore:
    """The transcript and round bookkeeping shared by all runners (no I/O).

    Built by ``chat_helpers.run_tools()``, which validates the arguments through it.
    """

    def __init__(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        tools: Iterable[ToolInput],
        max_rounds: int,
        params: Mapping[str, Any],
        is_async: bool,
    ) -> None:
        if max_rounds < 1:
            raise ValueError("max_rounds must be at least 1")
        response_format = params.get("response_format", NOT_GIVEN)
        if is_parseable_format(response_format):
            raise TypeError(
                "run_tools() takes only a response_format dict; use parse() for typed replies"
            )
        self.tools: list[ToolInput] = list(tools)
        self.specs: dict[str, ToolSpec]
        request, self.specs = prepare_request(
            params,
            messages=messages,
            response_format=response_format,
            tools=self.tools,
            schema_in_prompt=False,
        )
        _check_functions(self.specs, is_async)
        self.messages: list[ChatCompletionMessageParam] = request.pop("messages")
        self.request: dict[str, Any] = request
        self.handlers: Handlers = Handlers()
        self.completions: list[ChatCompletion] = []
        self.max_rounds: int = max_rounds
        self.done: bool = False
        tool_choice = params.get("tool_choice")
        self.single_round: bool = tool_choice == "required" or isinstance(tool_choice, Mapping)
        extra_body: object = params.get("extra_body")
        thinking: object = params.get("thinking") or (
            extra_body.get("thinking") if is_mapping(extra_body) else None
        )
        self.thinking: bool = is_mapping(thinking) and thinking.get("type") == "enabled"

    def next_request(self, *, stream: bool) -> dict[str, Any]:
        """The keyword arguments of the next ``create()`` call (the transcript so far)."""
        request = {**self.request, "messages": list(self.messages)}
        if stream:
            request["stream"] = True
            request.setdefault("stream_options", {"include_usage": True})
        return request

    def record_completion(
        self, completion: ChatCompletion
    ) -> tuple[list[ChatCompletionMessageToolCall], HandlerCalls]:
        """Record a reply; returns the tool calls to answer and the handler calls to make."""
        self.completions.append(completion)
        calls = self.handlers.calls("chat_completion", completion)
        if not completion.choices:
            self.done = True
            return [], calls
        message = completion.choices[0].message
        assistant = self._assistant_message(message)
        self.messages.append(assistant)
        calls += self.handlers.calls("message", assistant)
        tool_calls = list(message.tool_calls or ())
        self.done = not tool_calls or self.single_round or len(self.completions) >= self.max_rounds
        return tool_calls, calls

    def record_result(
        self, tool_call: ChatCompletionMessageToolCall, content: str, error: BaseException | None
    ) -> HandlerCalls:
        """Append the ``tool`` message answering ``tool_call``; returns the handler calls to make."""
        tool_message = cast(
            ChatCompletionMessageParam,
            {"role": "tool", "tool_call_id": tool_call.id, "content": content},
        )
        self.messages.append(tool_message)
        result = ToolCallResult(tool_call=tool_call, content=content, error=error)
        return self.handlers.calls("function_call_result", result) + self.handlers.calls(
            "message", tool_message
        )

    def total_usage(self) -> CompletionUsage:
        """Token usage summed over every completion recorded."""
        # Every required field (all are token counts) starts at 0, so no usage at all is valid too.
        total: dict[str, Any] = {
            name: 0 for name, field in CompletionUsage.model_fields.items() if field.is_required()
        }
        for completion in self.completions:
            if completion.usage is not None:
                _add_counts(total, completion.usage.model_dump(exclude_none=True))
        return CompletionUsage.model_validate(total)

    def final_completion(self) -> ChatCompletion:
        """The last completion recorded (raises ``RuntimeError`` before the first)."""
        if not self.completions:
            raise RuntimeError("the runner has not received a completion")
        return self.completions[-1]

    def _assistant_message(self, message: ChatCompletionMessage) -> ChatCompletionMessageParam:
        result: dict[str, Any] = {"role": "assistant", "content": message.content}
        if message.tool_calls:
            result["tool_calls"] = [
                {
                    "id": c.id,
                    "type": "function",
                    "function": {"name": c.function.name, "arguments": c.function.arguments},
                }
                for c in message.tool_calls
            ]
        reasoning = getattr(message, "reasoning_content", None)
        if reasoning is not None:
            self.thinking = True
        if self.thinking:
            result["reasoning_content"] = reasoning or ""
        return cast(ChatCompletionMessageParam, result)


def _check_functions(specs: Mapping[str, ToolSpec], is_async: bool) -> None:
    missing = sorted(name for name, spec in specs.items() if spec.function is None)
    if missing:
        raise ValueError(
            f"run_tools() needs a Python function for every tool; none for: {', '.join(missing)}"
        )
    if not is_async:
        for name, spec in specs.items():
            fn = spec.function
            if inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(type(fn).__call__):
                raise TypeError(f'tool "{name}" is an async function; run it with the async client')


def _add_counts(total: dict[str, Any], usage: Mapping[str, Any]) -> None:
    """Sum token counts field by field (nested details included)."""
    for key, value in usage.items():
        if is_mapping(value):
            _add_counts(total.setdefault(key, {}), value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            total[key] = total.get(key, 0) + value


def _run_tool(
    specs: Mapping[str, ToolSpec], call: ChatCompletionMessageToolCall
) -> tuple[str, BaseException | None]:
    name = call.function.name
    prepared = prepare_call(specs, name, call.function.arguments)
    if isinstance(prepared, str):
        return prepared, None
    try:
        result = prepared.function(*prepared.args, **prepared.kwargs)
    except Exception as exc:
        return format_exception(name, exc), exc
    if inspect.isawaitable(result):
        getattr(result, "close", lambda: None)()
        return (
            f'Error: tool "{name}" returned an awaitable; it can only run with the async client',
            None,
        )
    return format_result(result), None


async def _arun_tool(
    specs: Mapping[str, ToolSpec], call: ChatCompletionMessageToolCall
) -> tuple[str, BaseException | None]:
    name = call.function.name
    prepared = prepare_call(specs, name, call.function.arguments)
    if isinstance(prepared, str):
        return prepared, None
    try:
        result = prepared.function(*prepared.args, **prepared.kwargs)
        if inspect.isawaitable(result):
            result = await result
    except Exception as exc:
        return format_exception(name, exc), exc
    return format_result(result), None


class _SyncRunner(RunnerHooks, ABC):
    """Shared public API of the sync runners."""

    def __init__(self, create: Any, core: RunnerCore) -> None:
        self._create = create
        self._core = core

    @property
    def messages(self) -> list[ChatCompletionMessageParam]:
        """The whole transcript: the input messages plus every message the run appended."""
        return self._core.messages

    @property
    def _handlers(self) -> Handlers:  # type: ignore[override]
        return self._core.handlers

    def until_done(self) -> Self:
        """Run until the model stops calling tools (or ``max_rounds``)."""
        for _ in self:
            pass
        return self

    def get_final_completion(self) -> ChatCompletion:
        """Run to the end and return the last ``ChatCompletion``."""
        return self.until_done()._core.final_completion()

    def final_content(self) -> str | None:
        """Run to the end and return the last reply's text (``None`` if it ended in tool calls)."""
        return self.get_final_completion().choices[0].message.content

    def total_usage(self) -> CompletionUsage:
        """Token usage summed over every request made so far (cache and detail fields included)."""
        return self._core.total_usage()

    @abstractmethod
    def __iter__(self) -> Iterator[object]:
        """Run round by round, yielding what the runner kind yields."""

    def _answer(self, tool_calls: list[ChatCompletionMessageToolCall]) -> None:
        core = self._core
        for call in tool_calls:
            Handlers.run(core.handlers.calls("function_call", call))
            content, error = _run_tool(core.specs, call)
            Handlers.run(core.record_result(call, content, error))


class ChatCompletionToolRunner(_SyncRunner):
    """``for completion in runner:`` yields each round's ``ChatCompletion``."""

    def __iter__(self) -> Iterator[ChatCompletion]:
        core = self._core
        while not core.done:
            completion = self._create(**core.next_request(stream=False))
            tool_calls, calls = core.record_completion(completion)
            Handlers.run(calls)
            self._answer(tool_calls)
            yield completion


class ChatCompletionStreamingToolRunner(StreamingRunnerHooks, _SyncRunner):
    """``for event in runner:`` yields stream events across rounds; use it in a ``with`` block."""

    _stream: ChatCompletionStream[None] | None = None

    def __iter__(self) -> Iterator[ChatCompletionStreamEvent[None]]:
        core = self._core
        while not core.done:
            raw = self._create(**core.next_request(stream=True))
            state: ChatCompletionStreamState[None] = ChatCompletionStreamState(
                input_tools=core.tools
            )
            with ChatCompletionStream(raw, state, core.handlers) as self._stream:
                yield from self._stream
            tool_calls, calls = core.record_completion(state.get_final_completion())
            Handlers.run(calls)
            self._answer(tool_calls)

    def close(self) -> None:
        """Close the HTTP connection of the round in progress."""
        if self._stream is not None:
            self._stream.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _AsyncRunner(RunnerHooks, ABC):
    """Shared public API of the async runners."""

    def __init__(self, create: Any, core: RunnerCore) -> None:
        self._create = create
        self._core = core

    @property
    def messages(self) -> list[ChatCompletionMessageParam]:
        """The whole transcript: the input messages plus every message the run appended."""
        return self._core.messages

    @property
    def _handlers(self) -> Handlers:  # type: ignore[override]
        return self._core.handlers

    async def until_done(self) -> Self:
        """Run until the model stops calling tools (or ``max_rounds``)."""
        async for _ in self:
            pass
        return self

    async def get_final_completion(self) -> ChatCompletion:
        """Run to the end and return the last ``ChatCompletion``."""
        return (await self.until_done())._core.final_completion()

    async def final_content(self) -> str | None:
        """Run to the end and return the last reply's text (``None`` if it ended in tool calls)."""
        return (await self.get_final_completion()).choices[0].message.content

    def total_usage(self) -> CompletionUsage:
        """Token usage summed over every request made so far (cache and detail fields included)."""
        return self._core.total_usage()

    @abstractmethod
    def __aiter__(self) -> AsyncIterator[object]:
        """Run round by round, yielding what the runner kind yields."""

    async def _answer(self, tool_calls: list[ChatCompletionMessageToolCall]) -> None:
        core = self._core
        for call in tool_calls:
            await Handlers.arun(core.handlers.calls("function_call", call))
            content, error = await _arun_tool(core.specs, call)
            await Handlers.arun(core.record_result(call, content, error))


class AsyncChatCompletionToolRunner(_AsyncRunner):
    """``async for completion in runner:`` yields each round's ``ChatCompletion``."""

    async def __aiter__(self) -> AsyncIterator[ChatCompletion]:
        core = self._core
        while not core.done:
            completion = await self._create(**core.next_request(stream=False))
            tool_calls, calls = core.record_completion(completion)
            await Handlers.arun(calls)
            await self._answer(tool_calls)
            yield completion


class AsyncChatCompletionStreamingToolRunner(StreamingRunnerHooks, _AsyncRunner):
    """``async for event in runner:`` yields stream events across rounds; use ``async with``."""

    _stream: AsyncChatCompletionStream[None] | None = None

    async def __aiter__(self) -> AsyncIterator[ChatCompletionStreamEvent[None]]:
        core = self._core
        while not core.done:
            raw = await self._create(**core.next_request(stream=True))
            state: ChatCompletionStreamState[None] = ChatCompletionStreamState(
                input_tools=core.tools
            )
            async with AsyncChatCompletionStream(raw, state, core.handlers) as self._stream:
                async for event in self._stream:
                    yield event
            tool_calls, calls = core.record_completion(state.get_final_completion())
            await Handlers.arun(calls)
            await self._answer(tool_calls)

    async def close(self) -> None:
        """Close the HTTP connection of the round in progress."""
        if self._stream is not None:
            await self._stream.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
