"""``ChatCompletionStreamState``: turn chat completion chunks into events and a final completion.

No I/O: feed it chunks from any loop over ``create(stream=True)``::

    state = ChatCompletionStreamState()
    for chunk in client.chat.completions.create(..., stream=True):
        for event in state.handle_chunk(chunk):
            ...
    completion = state.get_final_completion()

Chunks are the generated ``ChatCompletionChunk`` models (plain dicts of that shape are validated
into it first).
Accumulation is into plain strings and lists; models are built only when a snapshot or the final
completion is asked for. DeepSeek specifics handled: ``reasoning_content``; a ``role`` that is
repeated, missing or ``null``; ``choices: []`` usage-only chunks; ``usage`` on the last content chunk
(the last non-null ``usage`` wins); tool call fragments joined by ``index`` where the first carries
``id``/``name``/``arguments: ""``. Unknown delta fields are kept (strings concatenated).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import (
    Any,
    Generic,
    TypeVar,
    Union,
    cast,
)

import pydantic

from .._models import parse_lenient, set_request_id
from .._types import NOT_GIVEN, NotGiven
from ._generated_types import ChatCompletionChunk
from ._parsing import (
    ResponseFormatInput,
    is_parseable_format,
    parse_content,
    parsed_completion_type,
)
from ._partial_json import parse_partial_json
from .chat_stream_events import (
    ChatCompletionStreamEvent,
    ChunkEvent,
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
from .errors import ContentParseError, LengthFinishReasonError
from .parsed_types import ParsedChatCompletion
from .tools import ToolInput, ToolSpec, normalize_tools

__all__ = ["ChatCompletionStreamState"]

ResponseFormatT = TypeVar("ResponseFormatT")
Chunk = Union[ChatCompletionChunk, Mapping[str, Any]]
_Event = ChatCompletionStreamEvent[ResponseFormatT]
_META_KEYS = frozenset(
    {"id", "object", "created", "model", "system_fingerprint", "choices", "usage"}
)


def _items(obj: Any) -> Iterable[tuple[str, Any]]:
    """The fields present on a model (unknown/extra fields included)."""
    return [(key, getattr(obj, key, None)) for key in obj.model_fields_set]


def _merge_extra(extra: dict[str, Any], key: str, value: Any) -> None:
    previous = extra.get(key)
    extra[key] = previous + value if isinstance(previous, str) and isinstance(value, str) else value


class _ToolCall:
    __slots__ = ("arguments", "extra", "id", "index", "name", "type")

    def __init__(self, index: int) -> None:
        self.index = index
        self.id: str | None = None
        self.type: str | None = None
        self.name = ""
        self.arguments = ""
        self.extra: dict[str, Any] = {}

    def mark(self) -> tuple[Any, ...]:
        return (
            self.id,
            self.type,
            self.name,
            self.arguments,
            dict(self.extra) if self.extra else None,
        )


class _Choice:
    __slots__ = (
        "content",
        "content_done",
        "extra",
        "finish_reason",
        "index",
        "logprobs",
        "open_tool",
        "parsed",
        "reasoning",
        "reasoning_done",
        "refusal",
        "role",
        "tool_calls",
    )

    def __init__(self, index: int) -> None:
        self.index = index
        self.role: str | None = None
        self.content: str | None = None
        self.reasoning: str | None = None
        self.refusal: str | None = None
        self.finish_reason: str | None = None
        self.tool_calls: dict[int, _ToolCall] = {}
        self.open_tool: _ToolCall | None = None
        self.logprobs: dict[str, list[Any]] | None = None
        self.extra: dict[str, Any] = {}
        self.parsed: Any = None
        self.content_done = False
        self.reasoning_done = False

    def mark(self) -> tuple[Any, ...]:
        """An immutable view of this choice now (strings are immutable; lists by length)."""
        tools = (
            tuple((i, t.mark()) for i, t in sorted(self.tool_calls.items()))
            if self.tool_calls
            else ()
        )
        logprobs = (
            tuple((k, v, len(v)) for k, v in self.logprobs.items())
            if self.logprobs is not None
            else None
        )
        return (
            self.index,
            self.role,
            self.content,
            self.reasoning,
            self.refusal,
            self.finish_reason,
            tools,
            logprobs,
            dict(self.extra) if self.extra else None,
            self.parsed,
        )


class ChatCompletionStreamState(Generic[ResponseFormatT]):
    """Accumulates chat completion chunks; see the module docstring.

    ``response_format``: a type to validate the finished content as (``content.done`` carries
    ``parsed``, and ``finish_reason == "length"`` raises ``LengthFinishReasonError``).
    ``input_tools``: the request's tools, so strict/pydantic tools get ``parsed_arguments``.
    """

    def __init__(
        self,
        *,
        response_format: ResponseFormatInput[ResponseFormatT] = NOT_GIVEN,
        input_tools: Iterable[ToolInput] | NotGiven | None = NOT_GIVEN,
    ) -> None:
        self._parse_as: type[ResponseFormatT] | None = (
            cast(type[ResponseFormatT], response_format)
            if is_parseable_format(response_format)
            else None
        )
        self._completion_type = parsed_completion_type(response_format)
        self._specs: dict[str, ToolSpec] = normalize_tools(input_tools)[1]
        self._choices: dict[int, _Choice] = {}
        self._meta: dict[str, Any] = {}
        self._usage: Any = None
        self._extra: dict[str, Any] = {}
        self._snapshot: tuple[int, ParsedChatCompletion[ResponseFormatT]] | None = None
        self._version = 0
        self.request_id: str | None = None
        """Set by the stream helper from the response headers; copied to every completion built."""

    # --- public API -------------------------------------------------------------------------

    def handle_chunk(self, chunk: Chunk) -> list[_Event[ResponseFormatT]]:
        """Accumulate one chunk and return the events it produces (``chunk`` first)."""
        if not isinstance(chunk, ChatCompletionChunk):
            try:
                chunk = ChatCompletionChunk.model_validate(chunk)
            except pydantic.ValidationError as exc:  # e.g. a usage-only chunk without `choices`
                chunk = cast(ChatCompletionChunk, parse_lenient(ChatCompletionChunk, chunk, exc))
        self._version += 1
        for key, value in _items(chunk):
            if value is None:
                continue
            if key == "usage":
                self._usage = value
            elif key in _META_KEYS:
                if key != "choices":
                    self._meta[key] = value
            else:
                _merge_extra(self._extra, key, value)
        events: list[_Event[ResponseFormatT]] = []
        choices = chunk.choices
        # Absent (None) on some servers' usage-only chunks, whatever the type says.
        if isinstance(choices, list):  # pyright: ignore[reportUnnecessaryIsInstance]
            for choice in choices:
                self._handle_choice(choice, events)
        mark = self._mark()
        events.insert(0, ChunkEvent(chunk=chunk, _build_snapshot=lambda: self._build(mark)))
        return events

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The completion built from every chunk handled so far, with ``parsed`` content."""
        if self._parse_as is not None:
            for choice in self._choices.values():
                if choice.parsed is None and choice.content:
                    choice.parsed = self._parse(choice.content)
        return self.current_completion_snapshot

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The completion accumulated so far (``finish_reason`` is ``None`` until it arrives)."""
        if self._snapshot is None or self._snapshot[0] != self._version:
            self._snapshot = (self._version, self._build(self._mark()))
        return self._snapshot[1]

    # --- accumulation -----------------------------------------------------------------------

    def _handle_choice(self, choice: Any, events: list[_Event[ResponseFormatT]]) -> None:
        index = choice.index
        acc = self._choices.get(index)
        if acc is None:
            acc = self._choices[index] = _Choice(index)
        content = reasoning = refusal = tool_calls = None
        delta = choice.delta
        if delta is not None:
            for key, value in _items(delta):
                if value is None:
                    continue
                if key == "content":
                    content = value
                elif key == "reasoning_content":
                    reasoning = value
                elif key == "refusal":
                    refusal = value
                elif key == "tool_calls":
                    tool_calls = value
                elif key == "role":
                    acc.role = value
                else:
                    _merge_extra(acc.extra, key, value)
        if reasoning is not None:
            acc.reasoning = snapshot = (acc.reasoning or "") + reasoning
            if reasoning:
                events.append(
                    ReasoningDeltaEvent(delta=reasoning, snapshot=snapshot, choice_index=index)
                )
        if content is not None:
            if content:
                self._end_reasoning(acc, events)
            acc.content = snapshot = (acc.content or "") + content
            if content:
                events.append(
                    ContentDeltaEvent(delta=content, snapshot=snapshot, choice_index=index)
                )
        if refusal is not None:
            acc.refusal = snapshot = (acc.refusal or "") + refusal
            if refusal:
                events.append(
                    RefusalDeltaEvent(delta=refusal, snapshot=snapshot, choice_index=index)
                )
        if tool_calls:
            for fragment in tool_calls:
                self._handle_tool_fragment(acc, fragment, events)
        logprobs = choice.logprobs
        if logprobs is not None:
            self._handle_logprobs(acc, logprobs, events)
        finish_reason = choice.finish_reason
        if finish_reason is not None and acc.finish_reason is None:
            acc.finish_reason = finish_reason
            if finish_reason == "length" and self._parse_as is not None:
                raise LengthFinishReasonError(completion=self.current_completion_snapshot)
            self._end_text(acc, events)
            self._end_tool(acc, events)

    def _handle_tool_fragment(
        self, acc: _Choice, fragment: Any, events: list[_Event[ResponseFormatT]]
    ) -> None:
        index = fragment.index
        call = acc.tool_calls.get(index)
        started = call is None
        if call is None:
            if acc.tool_calls:
                self._end_tool(acc, events)
            else:
                self._end_text(acc, events)
            call = acc.tool_calls[index] = acc.open_tool = _ToolCall(index)
        arguments_delta = ""
        for key, value in _items(fragment):
            if value is None or key == "index":
                continue
            if key == "function":
                for fkey, fvalue in _items(value):
                    if fvalue is None:
                        continue
                    if fkey == "arguments":
                        arguments_delta = fvalue
                        call.arguments += fvalue
                    elif fkey == "name":
                        # DeepSeek sends the name once; some servers repeat it in every fragment.
                        call.name = (
                            call.name + fvalue if call.name and call.name != fvalue else fvalue
                        )
                    else:
                        _merge_extra(call.extra.setdefault("function", {}), fkey, fvalue)
            elif key == "id":
                call.id = value
            elif key == "type":
                call.type = value
            else:
                _merge_extra(call.extra, key, value)
        if arguments_delta or started:
            spec = self._specs.get(call.name)
            partial = (
                parse_partial_json(call.arguments)
                if spec is not None and (spec.strict or spec.parse)
                else None
            )
            events.append(
                FunctionToolCallArgumentsDeltaEvent(
                    name=call.name,
                    index=index,
                    arguments=call.arguments,
                    parsed_arguments=partial,
                    arguments_delta=arguments_delta,
                    choice_index=acc.index,
                )
            )

    def _handle_logprobs(
        self, acc: _Choice, logprobs: Any, events: list[_Event[ResponseFormatT]]
    ) -> None:
        if acc.logprobs is None:
            acc.logprobs = {}
        for key, tokens in _items(logprobs):
            if tokens is None:
                continue
            acc.logprobs.setdefault(key, []).extend(tokens)
            if key == "content" and tokens:
                snapshot = list(acc.logprobs[key])
                events.append(
                    LogprobsContentDeltaEvent(
                        content=list(tokens), snapshot=snapshot, choice_index=acc.index
                    )
                )

    # --- done events ------------------------------------------------------------------------

    def _end_reasoning(self, acc: _Choice, events: list[_Event[ResponseFormatT]]) -> None:
        if not acc.reasoning_done:
            acc.reasoning_done = True
            if acc.reasoning:
                events.append(
                    ReasoningDoneEvent(reasoning_content=acc.reasoning, choice_index=acc.index)
                )

    def _end_text(self, acc: _Choice, events: list[_Event[ResponseFormatT]]) -> None:
        """Content, refusal and logprobs are over: the choice finished or a tool call started."""
        self._end_reasoning(acc, events)
        if acc.content_done:
            return
        acc.content_done = True
        if acc.content:
            if self._parse_as is not None:
                acc.parsed = self._parse(acc.content)
            events.append(
                ContentDoneEvent(content=acc.content, parsed=acc.parsed, choice_index=acc.index)
            )
        if acc.refusal:
            events.append(RefusalDoneEvent(refusal=acc.refusal, choice_index=acc.index))
        content_logprobs = acc.logprobs.get("content") if acc.logprobs else None
        if content_logprobs:
            events.append(
                LogprobsContentDoneEvent(content=list(content_logprobs), choice_index=acc.index)
            )

    def _end_tool(self, acc: _Choice, events: list[_Event[ResponseFormatT]]) -> None:
        call, acc.open_tool = acc.open_tool, None
        if call is not None:
            events.append(
                FunctionToolCallArgumentsDoneEvent(
                    name=call.name,
                    index=call.index,
                    arguments=call.arguments,
                    parsed_arguments=self._tool_arguments(call.name, call.arguments),
                    id=call.id,
                    choice_index=acc.index,
                )
            )

    def _parse(self, content: str) -> ResponseFormatT:
        assert self._parse_as is not None
        try:
            return parse_content(self._parse_as, content)
        except ContentParseError as exc:
            exc.completion = self.current_completion_snapshot
            raise

    def _tool_arguments(self, name: str, arguments: str) -> object:
        """Parsed arguments of a finished call; ``None`` when the tool is not parseable or they fail."""
        spec = self._specs.get(name)
        if spec is None:
            return None
        try:
            return spec.parsed_arguments(arguments)
        except Exception:
            return None

    # --- snapshots --------------------------------------------------------------------------

    def _mark(self) -> tuple[Any, ...]:
        return (
            dict(self._meta),
            self._usage,
            dict(self._extra) if self._extra else None,
            tuple(c.mark() for c in self._choices.values()),
        )

    def _build(self, mark: tuple[Any, ...]) -> ParsedChatCompletion[ResponseFormatT]:
        meta, usage, extra, choices = mark
        data: dict[str, Any] = dict(extra) if extra else {}
        data.update(meta)
        data["object"] = "chat.completion"
        data["usage"] = usage
        data["choices"] = [self._build_choice(c) for c in sorted(choices, key=lambda c: c[0])]
        completion = cast(
            ParsedChatCompletion[ResponseFormatT],
            self._completion_type.model_validate(data, from_attributes=True),
        )
        if self.request_id is not None:
            set_request_id(completion, self.request_id)
        return completion

    def _build_choice(self, mark: tuple[Any, ...]) -> dict[str, Any]:
        index, role, content, reasoning, refusal, finish_reason, tools, logprobs, extra, parsed = (
            mark
        )
        message: dict[str, Any] = dict(extra) if extra else {}
        message.update(role=role or "assistant", content=content)
        if reasoning is not None:
            message["reasoning_content"] = reasoning
        if refusal is not None:
            message["refusal"] = refusal
        if tools:
            message["tool_calls"] = [self._build_tool_call(tool) for _, tool in tools]
        if parsed is not None:
            message["parsed"] = parsed
        return {
            "index": index,
            "message": message,
            "finish_reason": finish_reason,
            "logprobs": {k: v[:n] for k, v, n in logprobs} if logprobs is not None else None,
        }

    def _build_tool_call(self, mark: tuple[Any, ...]) -> dict[str, Any]:
        call_id, call_type, name, arguments, extra = mark
        extra = cast("dict[str, Any]", extra or {})
        function: dict[str, Any] = dict(extra.get("function") or {})
        function.update(
            name=name, arguments=arguments, parsed_arguments=self._tool_arguments(name, arguments)
        )
        return {**extra, "id": call_id, "type": call_type or "function", "function": function}
