"""ChatCompletionStreamState: event order and accumulation from chunk sequences (no I/O)."""

from collections.abc import Callable
from typing import Any

import pydantic
import pytest
from _lib_support import USAGE, chunk, text_chunks, tool_call_chunks, tool_fragment
from deepseek_sdk.lib import (
    ChatCompletionStreamState,
    ContentParseError,
    LengthFinishReasonError,
    function_tool,
    pydantic_function_tool,
)
from deepseek_sdk.lib._generated_types import ChatCompletionChunk

Convert = Callable[[dict[str, Any]], Any]


@pytest.fixture(params=["model", "dict"])
def as_chunk(request: pytest.FixtureRequest) -> Convert:
    """Chunks as the generated model (what Stream yields) or as plain dicts."""
    if request.param == "dict":
        return lambda c: c
    return ChatCompletionChunk.model_validate


def feed(
    state: ChatCompletionStreamState[Any], chunks: list[dict[str, Any]], as_chunk: Convert
) -> list[Any]:
    return [event for c in chunks for event in state.handle_chunk(as_chunk(c))]


def kinds(events: list[Any]) -> list[str]:
    return [e.type for e in events if e.type != "chunk"]


def test_reasoning_then_content(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    events = feed(state, text_chunks("Hel", "lo", reasoning=("Think", "ing.")), as_chunk)
    assert kinds(events) == [
        "reasoning.delta",
        "reasoning.delta",
        "reasoning.done",
        "content.delta",
        "content.delta",
        "content.done",
    ]
    deltas = [
        (e.delta, e.snapshot) for e in events if e.type in ("reasoning.delta", "content.delta")
    ]
    assert deltas == [("Think", "Think"), ("ing.", "Thinking."), ("Hel", "Hel"), ("lo", "Hello")]
    done = [e for e in events if e.type.endswith(".done")]
    assert (done[0].reasoning_content, done[1].content) == ("Thinking.", "Hello")
    assert sum(e.type == "chunk" for e in events) == 7  # one per chunk, usage-only chunk included
    final = state.get_final_completion()
    message = final.choices[0].message
    assert (message.role, message.content, message.reasoning_content) == (
        "assistant",
        "Hello",
        "Thinking.",
    )
    assert final.choices[0].finish_reason == "stop"
    assert final.object == "chat.completion"
    assert (final.id, final.model, final.system_fingerprint) == (
        "3c1f0a52",
        "deepseek-chat",
        "fp_x",
    )
    assert final.usage is not None and final.usage.prompt_cache_hit_tokens == 4


def test_two_parallel_tool_calls(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    calls = [
        ("call_0", "get_weather", '{"city": "Hangzhou"}'),
        ("call_1", "get_time", '{"tz": "UTC+8"}'),
    ]
    events = feed(state, tool_call_chunks(calls), as_chunk)
    assert kinds(events) == ["tool_calls.function.arguments.delta"] * 3 + [
        "tool_calls.function.arguments.done"
    ] + ["tool_calls.function.arguments.delta"] * 3 + ["tool_calls.function.arguments.done"]
    first_done, second_done = [e for e in events if e.type == "tool_calls.function.arguments.done"]
    assert (first_done.index, first_done.name, first_done.arguments, first_done.id) == (
        0,
        "get_weather",
        calls[0][2],
        "call_0",
    )
    assert (second_done.index, second_done.name, second_done.arguments) == (
        1,
        "get_time",
        calls[1][2],
    )
    deltas = [e for e in events if e.type == "tool_calls.function.arguments.delta" and e.index == 0]
    assert [(d.arguments_delta, d.arguments) for d in deltas] == [
        ("", ""),
        ('{"city": "', '{"city": "'),
        ('Hangzhou"}', '{"city": "Hangzhou"}'),
    ]
    assert all(
        e.parsed_arguments is None for e in events if e.type.startswith("tool_calls")
    )  # not strict
    message = state.get_final_completion().choices[0].message
    assert message.content == ""
    assert [
        (c.id, c.type, c.function.name, c.function.arguments) for c in message.tool_calls or []
    ] == [
        ("call_0", "function", "get_weather", calls[0][2]),
        ("call_1", "function", "get_time", calls[1][2]),
    ]
    assert state.get_final_completion().choices[0].finish_reason == "tool_calls"


def test_content_done_fires_when_first_tool_call_starts(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    chunks = [
        chunk({"role": "assistant", "content": "Let me check."}),
        chunk({"tool_calls": [tool_fragment(0, "{}", call_id="c0", name="now")]}),
        chunk({}, finish_reason="tool_calls"),
    ]
    events = feed(state, chunks, as_chunk)
    assert kinds(events) == [
        "content.delta",
        "content.done",
        "tool_calls.function.arguments.delta",
        "tool_calls.function.arguments.done",
    ]


def test_usage_on_finish_chunk_and_last_non_null_wins(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    later = {**USAGE, "completion_tokens": 9, "total_tokens": 19}
    chunks = [
        {**chunk({"role": "assistant", "content": "a"}), "usage": None},
        chunk({"content": ""}, finish_reason="stop", usage=USAGE),
        chunk(choices=False, usage=later),
        {**chunk(choices=False), "usage": None},
    ]
    events = feed(state, chunks, as_chunk)
    assert [e.type for e in events[-2:]] == [
        "chunk",
        "chunk",
    ]  # usage-only chunks give chunk events only
    usage = state.get_final_completion().usage
    assert usage is not None and (usage.completion_tokens, usage.total_tokens) == (9, 19)


def test_repeated_and_null_role(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    chunks = [
        chunk({"role": "assistant", "content": "a"}),
        chunk({"role": None, "content": "b"}),
        chunk({"role": "assistant", "content": "c"}),
        chunk({"content": "d"}),
        chunk({"role": None, "content": ""}, finish_reason="stop"),
    ]
    feed(state, chunks, as_chunk)
    message = state.get_final_completion().choices[0].message
    assert (message.role, message.content) == ("assistant", "abcd")


def test_logprobs(as_chunk: Convert) -> None:
    def token(text: str) -> dict[str, Any]:
        return {"token": text, "logprob": -0.5, "bytes": list(text.encode()), "top_logprobs": []}

    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    chunks = [
        chunk({"role": "assistant", "content": "Hi"}, logprobs={"content": [token("Hi")]}),
        chunk({"content": " there"}, logprobs={"content": [token(" there")]}),
        chunk({"content": ""}, finish_reason="stop", logprobs=None),
    ]
    events = feed(state, chunks, as_chunk)
    assert kinds(events) == [
        "content.delta",
        "logprobs.content.delta",
        "content.delta",
        "logprobs.content.delta",
        "content.done",
        "logprobs.content.done",
    ]
    second = [e for e in events if e.type == "logprobs.content.delta"][1]
    assert [t.token for t in second.content] == [" there"]
    assert [t.token for t in second.snapshot] == ["Hi", " there"]
    done = events[-1]
    assert [t.token for t in done.content] == ["Hi", " there"]
    logprobs = state.get_final_completion().choices[0].logprobs
    assert logprobs is not None and [t.token for t in logprobs.content or []] == ["Hi", " there"]


def test_chunk_snapshot_is_as_of_its_chunk(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    events = feed(state, text_chunks("Hel", "lo"), as_chunk)
    chunk_events = [e for e in events if e.type == "chunk"]
    # read after every chunk was handled: each snapshot still describes its own moment
    assert [e.snapshot.choices[0].message.content for e in chunk_events[:4]] == [
        None,
        "Hel",
        "Hello",
        "Hello",
    ]
    assert chunk_events[2].snapshot.choices[0].finish_reason is None
    assert chunk_events[3].snapshot.choices[0].finish_reason == "stop"
    assert chunk_events[2].snapshot.usage is None and chunk_events[4].snapshot.usage is not None
    assert state.current_completion_snapshot.choices[0].message.content == "Hello"


def test_unknown_delta_fields_are_kept(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    chunks = [
        chunk({"role": "assistant", "content": "x", "annotation": "ab", "flag": 1}),
        chunk({"content": "", "annotation": "cd", "flag": 2}, finish_reason="stop"),
    ]
    feed(state, chunks, as_chunk)
    message = state.get_final_completion().choices[0].message
    assert message.model_extra == {"annotation": "abcd", "flag": 2}


def test_tool_name_repeated_in_every_fragment_is_not_doubled(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    chunks = [
        chunk({"tool_calls": [tool_fragment(0, '{"a":', call_id="c0", name="f")]}),
        chunk({"tool_calls": [{"index": 0, "function": {"name": "f", "arguments": " 1}"}}]}),
        chunk({}, finish_reason="tool_calls"),
    ]
    feed(state, chunks, as_chunk)
    call = (state.get_final_completion().choices[0].message.tool_calls or [])[0]
    assert (call.function.name, call.function.arguments) == ("f", '{"a": 1}')


class Weather(pydantic.BaseModel):
    city: str
    days: int


def test_strict_and_pydantic_tools_get_parsed_arguments(as_chunk: Convert) -> None:
    def lookup(city: str) -> str:
        return city

    tools = [pydantic_function_tool(Weather), function_tool(lookup, strict=True)]
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState(input_tools=tools)
    calls = [
        ("c0", "Weather", '{"city": "Paris", "days": 2}'),
        ("c1", "lookup", '{"city": "Rome"}'),
    ]
    events = feed(state, tool_call_chunks(calls), as_chunk)
    partial = [
        e.parsed_arguments
        for e in events
        if e.type == "tool_calls.function.arguments.delta" and e.index == 0
    ]
    assert partial == [
        None,
        {"city": "Pari"},
        {"city": "Paris", "days": 2},
    ]  # half the JSON, string closed
    done = [e.parsed_arguments for e in events if e.type == "tool_calls.function.arguments.done"]
    assert done == [Weather(city="Paris", days=2), {"city": "Rome"}]
    tool_calls = state.get_final_completion().choices[0].message.tool_calls or []
    assert [c.function.parsed_arguments for c in tool_calls] == done


def test_invalid_arguments_of_a_parseable_tool_give_none(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState(
        input_tools=[pydantic_function_tool(Weather)]
    )
    events = feed(state, tool_call_chunks([("c0", "Weather", '{"city": 3')]), as_chunk)
    assert [
        e.parsed_arguments for e in events if e.type == "tool_calls.function.arguments.done"
    ] == [None]


def test_response_format_parses_content_on_done(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Weather] = ChatCompletionStreamState(response_format=Weather)
    events = feed(state, text_chunks('{"city": "Oslo",', ' "days": 3}'), as_chunk)
    done = [e for e in events if e.type == "content.done"]
    assert done[0].parsed == Weather(city="Oslo", days=3)
    assert state.get_final_completion().choices[0].message.parsed == Weather(city="Oslo", days=3)


def test_response_format_invalid_content_raises(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Weather] = ChatCompletionStreamState(response_format=Weather)
    with pytest.raises(ContentParseError) as info:
        feed(state, text_chunks('{"city": "Oslo"}'), as_chunk)
    assert info.value.content == '{"city": "Oslo"}'
    assert isinstance(info.value.__cause__, pydantic.ValidationError)


def test_response_format_length_raises(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Weather] = ChatCompletionStreamState(response_format=Weather)
    chunks = [
        chunk({"role": "assistant", "content": '{"city": "Os'}),
        chunk({"content": ""}, finish_reason="length"),
    ]
    with pytest.raises(LengthFinishReasonError) as info:
        feed(state, chunks, as_chunk)
    assert info.value.completion.choices[0].message.content == '{"city": "Os'


def test_length_without_response_format_is_not_an_error(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    feed(
        state,
        [chunk({"role": "assistant", "content": "cut"}), chunk({}, finish_reason="length")],
        as_chunk,
    )
    assert state.get_final_completion().choices[0].finish_reason == "length"


def test_snapshot_before_finish_has_no_finish_reason(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    feed(state, [chunk({"role": "assistant", "content": "partial"})], as_chunk)
    snapshot = state.current_completion_snapshot
    assert (snapshot.choices[0].finish_reason, snapshot.choices[0].message.content) == (
        None,
        "partial",
    )


def test_usage_only_chunk_without_choices_key() -> None:
    """Some servers leave `choices` out of the usage-only chunk: no crash, usage is kept."""
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    no_choices = {key: value for key, value in chunk(choices=False, usage=USAGE).items()}
    del no_choices["choices"]
    events = feed(state, [*text_chunks("hi")[:-1], no_choices], lambda c: c)
    assert events[-1].type == "chunk"
    completion = state.get_final_completion()
    assert completion.choices[0].message.content == "hi"
    assert completion.usage is not None and completion.usage.total_tokens == USAGE["total_tokens"]


def test_request_id_is_copied_to_snapshots_and_final_completion(as_chunk: Convert) -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    state.request_id = "req_123"
    feed(state, text_chunks("a"), as_chunk)
    assert state.current_completion_snapshot._request_id == "req_123"
    assert state.get_final_completion()._request_id == "req_123"
