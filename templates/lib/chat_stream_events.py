"""Typed events yielded by the chat completion stream helper.

Every event has a ``type`` string (a ``Literal``), so ``if event.type == "content.delta":`` narrows the
union for type checkers. Each chunk gives a ``chunk`` event first, then, per choice, its
``reasoning.delta``, ``content.delta``, ``refusal.delta``, ``tool_calls.function.arguments.delta``
and ``logprobs.content.delta`` events in that order; a ``*.done`` event comes right where its field
ends (``reasoning.done`` just before the first ``content.delta``, ``content.done`` just before the
first tool call's delta, the rest after the deltas of the chunk that carries ``finish_reason``).

``*.done`` rules: ``reasoning.done`` fires once the reasoning phase ends (content or a tool call
starts, or the choice finishes); ``content.done``, ``refusal.done`` and ``logprobs.content.done``
fire when the choice gets its ``finish_reason`` or its first tool call starts; a tool call's
``tool_calls.function.arguments.done`` fires when a call with another index starts or the choice
finishes. A done event is only sent for a field that received text.

Events are plain dataclasses (cheap to create per chunk). ``ChunkEvent.snapshot`` is built only when
read, and describes the completion as it was when that chunk arrived.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Generic, Literal, TypeVar, Union

from ._generated_types import ChatCompletionChunk, ChatCompletionTokenLogprob

if TYPE_CHECKING:
    from .parsed_types import ParsedChatCompletion

__all__ = [
    "ChatCompletionStreamEvent",
    "ChunkEvent",
    "ContentDeltaEvent",
    "ContentDoneEvent",
    "FunctionToolCallArgumentsDeltaEvent",
    "FunctionToolCallArgumentsDoneEvent",
    "LogprobsContentDeltaEvent",
    "LogprobsContentDoneEvent",
    "ReasoningDeltaEvent",
    "ReasoningDoneEvent",
    "RefusalDeltaEvent",
    "RefusalDoneEvent",
]

ResponseFormatT = TypeVar("ResponseFormatT")


@dataclass(eq=False)
class ChunkEvent(Generic[ResponseFormatT]):
    """One raw chunk from the API, with a lazily built snapshot of the completion so far."""

    type: Literal["chunk"] = field(default="chunk", init=False)
    chunk: ChatCompletionChunk
    _build_snapshot: Callable[[], ParsedChatCompletion[ResponseFormatT]] = field(repr=False)
    _snapshot: ParsedChatCompletion[ResponseFormatT] | None = field(
        default=None, init=False, repr=False
    )

    @property
    def snapshot(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The completion accumulated up to and including this chunk (built on first access)."""
        if self._snapshot is None:
            self._snapshot = self._build_snapshot()
        return self._snapshot


@dataclass
class ContentDeltaEvent:
    """New text for ``message.content``."""

    type: Literal["content.delta"] = field(default="content.delta", init=False)
    delta: str
    snapshot: str
    choice_index: int = 0


@dataclass
class ContentDoneEvent(Generic[ResponseFormatT]):
    """``message.content`` is complete; ``parsed`` is set when a ``response_format`` type was given."""

    type: Literal["content.done"] = field(default="content.done", init=False)
    content: str
    parsed: ResponseFormatT | None
    choice_index: int = 0


@dataclass
class ReasoningDeltaEvent:
    """New text for DeepSeek's ``message.reasoning_content`` (thinking mode)."""

    type: Literal["reasoning.delta"] = field(default="reasoning.delta", init=False)
    delta: str
    snapshot: str
    choice_index: int = 0


@dataclass
class ReasoningDoneEvent:
    """``message.reasoning_content`` is complete."""

    type: Literal["reasoning.done"] = field(default="reasoning.done", init=False)
    reasoning_content: str
    choice_index: int = 0


@dataclass
class RefusalDeltaEvent:
    """New text for ``message.refusal`` (kept for OpenAI-compatible servers; DeepSeek sends none)."""

    type: Literal["refusal.delta"] = field(default="refusal.delta", init=False)
    delta: str
    snapshot: str
    choice_index: int = 0


@dataclass
class RefusalDoneEvent:
    """``message.refusal`` is complete."""

    type: Literal["refusal.done"] = field(default="refusal.done", init=False)
    refusal: str
    choice_index: int = 0


@dataclass
class FunctionToolCallArgumentsDeltaEvent:
    """A fragment of a tool call's JSON arguments.

    ``arguments`` is everything received so far for the call at ``index``; ``parsed_arguments`` is a
    best-effort parse of that partial JSON (a dict) for tools that are ``strict`` or have a parser
    (``function_tool``, ``pydantic_function_tool``, a ``parse`` callable), else ``None``.
    """

    type: Literal["tool_calls.function.arguments.delta"] = field(
        default="tool_calls.function.arguments.delta", init=False
    )
    name: str
    index: int
    arguments: str
    parsed_arguments: object
    arguments_delta: str
    choice_index: int = 0


@dataclass
class FunctionToolCallArgumentsDoneEvent:
    """A tool call is complete.

    ``parsed_arguments`` is the tool's ``parse`` result (a model instance for
    ``pydantic_function_tool``), ``json.loads(arguments)`` for other ``strict`` tools, else ``None``
    (also ``None`` when the arguments do not parse).
    """

    type: Literal["tool_calls.function.arguments.done"] = field(
        default="tool_calls.function.arguments.done", init=False
    )
    name: str
    index: int
    arguments: str
    parsed_arguments: object
    id: str | None
    choice_index: int = 0


@dataclass
class LogprobsContentDeltaEvent:
    """Log-probabilities of new content tokens; ``snapshot`` holds all of them so far."""

    type: Literal["logprobs.content.delta"] = field(default="logprobs.content.delta", init=False)
    content: list[ChatCompletionTokenLogprob]
    snapshot: list[ChatCompletionTokenLogprob]
    choice_index: int = 0


@dataclass
class LogprobsContentDoneEvent:
    """All content token log-probabilities of the choice."""

    type: Literal["logprobs.content.done"] = field(default="logprobs.content.done", init=False)
    content: list[ChatCompletionTokenLogprob]
    choice_index: int = 0


ChatCompletionStreamEvent = Union[
    ChunkEvent[ResponseFormatT],
    ContentDeltaEvent,
    ContentDoneEvent[ResponseFormatT],
    ReasoningDeltaEvent,
    ReasoningDoneEvent,
    RefusalDeltaEvent,
    RefusalDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
]
"""Any event of the stream helper; narrow it with ``event.type``."""
