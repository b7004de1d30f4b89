"""``on()`` / ``off()`` for the stream helper and the tool runners, typed per event name.

One definition serves the sync and the async classes (a handler may return an awaitable; the async
classes await it). Type checkers pick the handler's signature from the event name, so
``stream.on("content", lambda delta, snapshot: ...)`` has ``str`` parameters and a misspelt name
is an error; at run time an unknown name raises ``ValueError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Generic, Literal, TypeVar, overload

from typing_extensions import Self

from ._handlers import Handler, Handlers

if TYPE_CHECKING:
    from ._generated_types import (
        ChatCompletion,
        ChatCompletionChunk,
        ChatCompletionMessageParam,
        ChatCompletionMessageToolCall,
    )
    from .chat_stream_events import (
        ContentDeltaEvent,
        ContentDoneEvent,
        FunctionToolCallArgumentsDeltaEvent,
        FunctionToolCallArgumentsDoneEvent,
        LogprobsContentDeltaEvent,
        LogprobsContentDoneEvent,
        ReasoningDeltaEvent,
        ReasoningDoneEvent,
        RefusalDeltaEvent,
        RefusalDoneEvent,
    )
    from .parsed_types import ParsedChatCompletion
    from .run_tools import ToolCallResult

__all__ = ["RunnerHooks", "StreamHooks", "StreamingRunnerHooks"]

ResponseFormatT = TypeVar("ResponseFormatT")

STREAM_EVENTS = frozenset(
    {
        "chunk",
        "content",
        "reasoning",
        "refusal",
        "content.delta",
        "content.done",
        "reasoning.delta",
        "reasoning.done",
        "refusal.delta",
        "refusal.done",
        "tool_calls.function.arguments.delta",
        "tool_calls.function.arguments.done",
        "logprobs.content.delta",
        "logprobs.content.done",
    }
)
RUNNER_EVENTS = frozenset({"chat_completion", "message", "function_call", "function_call_result"})


class _Hooks:
    """``off()`` and the event-name check shared by the typed ``on()`` of each helper."""

    _handlers: Handlers
    _EVENTS: frozenset[str] = frozenset()

    def _on(self, event: str, handler: Handler) -> Self:
        if event not in self._EVENTS:
            known = ", ".join(sorted(self._EVENTS))
            raise ValueError(f"unknown event {event!r}; expected one of: {known}")
        self._handlers.add(event, handler)
        return self

    def off(self, event: str, handler: Handler) -> Self:
        """Remove a handler added with ``on`` (no error when it was not added)."""
        self._handlers.remove(event, handler)
        return self


class StreamHooks(_Hooks, Generic[ResponseFormatT]):
    """``on()`` for the stream helper's events (see ``chat_stream_events``).

    ``"content"``, ``"reasoning"`` and ``"refusal"`` handlers get ``(delta, snapshot)`` strings and
    ``"chunk"`` handlers ``(chunk, completion_snapshot)``, as in the Node SDK; every other name is
    an event ``type`` and its handler gets that event.
    """

    _EVENTS = STREAM_EVENTS

    @overload
    def on(
        self,
        event: Literal["chunk"],
        handler: Callable[[ChatCompletionChunk, ParsedChatCompletion[ResponseFormatT]], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["content", "reasoning", "refusal"],
        handler: Callable[[str, str], object],
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["content.delta"], handler: Callable[[ContentDeltaEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["content.done"],
        handler: Callable[[ContentDoneEvent[ResponseFormatT]], object],
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["reasoning.delta"], handler: Callable[[ReasoningDeltaEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["reasoning.done"], handler: Callable[[ReasoningDoneEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["refusal.delta"], handler: Callable[[RefusalDeltaEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["refusal.done"], handler: Callable[[RefusalDoneEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["tool_calls.function.arguments.delta"],
        handler: Callable[[FunctionToolCallArgumentsDeltaEvent], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["tool_calls.function.arguments.done"],
        handler: Callable[[FunctionToolCallArgumentsDoneEvent], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["logprobs.content.delta"],
        handler: Callable[[LogprobsContentDeltaEvent], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["logprobs.content.done"],
        handler: Callable[[LogprobsContentDoneEvent], object],
    ) -> Self: ...
    def on(self, event: str, handler: Handler) -> Self:
        """Call ``handler`` for ``event`` while the stream is consumed; returns the stream."""
        return self._on(event, handler)


class RunnerHooks(_Hooks):
    """``on()`` for a tool runner: ``"chat_completion"`` (each ``ChatCompletion``), ``"message"``
    (each message appended to ``runner.messages``), ``"function_call"`` (each tool call, before it
    runs) and ``"function_call_result"`` (a ``ToolCallResult``)."""

    _EVENTS = RUNNER_EVENTS

    @overload
    def on(
        self, event: Literal["chat_completion"], handler: Callable[[ChatCompletion], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["message"], handler: Callable[[ChatCompletionMessageParam], object]
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["function_call"],
        handler: Callable[[ChatCompletionMessageToolCall], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["function_call_result"],
        handler: Callable[[ToolCallResult], object],
    ) -> Self: ...
    def on(self, event: str, handler: Handler) -> Self:
        """Call ``handler`` for ``event`` while the runner runs; returns the runner."""
        return self._on(event, handler)


class StreamingRunnerHooks(_Hooks):
    """``on()`` for a streaming tool runner: the runner's events and every stream event."""

    _EVENTS = RUNNER_EVENTS | STREAM_EVENTS

    @overload
    def on(
        self, event: Literal["chat_completion"], handler: Callable[[ChatCompletion], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["message"], handler: Callable[[ChatCompletionMessageParam], object]
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["function_call"],
        handler: Callable[[ChatCompletionMessageToolCall], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["function_call_result"],
        handler: Callable[[ToolCallResult], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["chunk"],
        handler: Callable[[ChatCompletionChunk, ParsedChatCompletion[None]], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["content", "reasoning", "refusal"],
        handler: Callable[[str, str], object],
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["content.delta"], handler: Callable[[ContentDeltaEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["content.done"], handler: Callable[[ContentDoneEvent[None]], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["reasoning.delta"], handler: Callable[[ReasoningDeltaEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["reasoning.done"], handler: Callable[[ReasoningDoneEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["refusal.delta"], handler: Callable[[RefusalDeltaEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self, event: Literal["refusal.done"], handler: Callable[[RefusalDoneEvent], object]
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["tool_calls.function.arguments.delta"],
        handler: Callable[[FunctionToolCallArgumentsDeltaEvent], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["tool_calls.function.arguments.done"],
        handler: Callable[[FunctionToolCallArgumentsDoneEvent], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["logprobs.content.delta"],
        handler: Callable[[LogprobsContentDeltaEvent], object],
    ) -> Self: ...
    @overload
    def on(
        self,
        event: Literal["logprobs.content.done"],
        handler: Callable[[LogprobsContentDoneEvent], object],
    ) -> Self: ...
    def on(self, event: str, handler: Handler) -> Self:
        """Call ``handler`` for a runner or stream event; returns the runner."""
        return self._on(event, handler)
