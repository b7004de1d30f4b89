"""The stream's decoder (`_streaming._ChunkDecoder`): the batched fast path against an oracle.

Runs of plain `data: {...}` events are validated with one pydantic call; everything unusual
(error payloads, `[DONE]`, keep-alive events, bad JSON, wrong shapes) goes event by event.
These tests check that both paths give exactly what the event-by-event rules say, for any mix
of events cut into chunks anywhere.
"""

import datetime
import itertools
import json
from dataclasses import dataclass
from typing import Any

import httpx2
import pydantic
import pytest
from _stream_support import Harness, ScriptedBody
from hypothesis import given, settings
from hypothesis import strategies as st
from things_sdk import _streaming
from things_sdk._exceptions import APIError
from things_sdk.types import ChatCompletionChunk


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Harness:
    return Harness(is_async=request.param == "async")


def payload(content: str) -> str:
    choice = {"index": 0, "delta": {"content": content}, "finish_reason": None}
    return json.dumps({"id": "c", "object": "o", "created": 1, "model": "m", "choices": [choice]})


@dataclass
class Step:
    """One piece of a generated stream and what the event-by-event rules make of it."""

    raw: str
    lines: int  # how many lines `raw` holds
    content: str | None = None  # a chunk with this content
    error: str | None = None  # the exception class this step raises
    ends: bool = False  # `[DONE]`: nothing after it counts
    data: str | None = None  # the JSON object it carries, when that is not an error payload


CONTENT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)

STEPS = st.one_of(
    CONTENT.map(lambda c: Step(f"data: {payload(c)}\n\n", 2, content=c, data=payload(c))),
    CONTENT.map(  # no space after the colon: not a "plain" event
        lambda c: Step(f"data:{payload(c)}\n\n", 2, content=c, data=payload(c))
    ),
    CONTENT.map(  # a JSON object split over two data lines
        lambda c: Step(
            f"data: {payload(c)[:5]}\ndata: {payload(c)[5:]}\n\n", 3, content=c, data=payload(c)
        )
    ),
    st.just(Step(": keep-alive\n\n", 2)),
    st.just(Step("\n", 1)),
    st.just(Step("event: ping\n\n", 2)),
    st.just(Step("data: \n\n", 2)),
    st.just(Step("data: [DONE]\n\n", 2, ends=True)),
    st.just(Step('data: {"error": {"message": "boom"}}\n\n', 2, error="APIError")),
    st.just(Step('event: error\ndata: {"message": "bad"}\n\n', 3, error="APIError")),
    st.just(Step('data: {"id": "c", "choices": [\n\n', 2, error="StreamError")),
    st.just(Step('data: {"error": null, "id": "x"}\n\n', 2, data='{"error": null, "id": "x"}')),
    *(  # not chunks; fine as dicts
        st.just(Step(f"data: {data}\n\n", 2, error="APIResponseValidationError", data=data))
        for data in ('{"id": "c"}', '{"say": "error", "id": 1}')
    ),
)


def expected(steps: list[Step], as_dicts: bool) -> tuple[list[Any], str | None, int | None]:
    """(items, error class name, line number the error names) by the event-by-event rules.

    Items are chunk contents, or with `as_dicts` the decoded payloads (every object is a dict).
    """
    items: list[Any] = []
    line = 1
    for step in steps:
        if step.ends:
            return items, None, None
        if as_dicts and step.data is not None:
            items.append(json.loads(step.data))
        elif step.error is not None:
            return items, step.error, line
        elif step.content is not None:
            items.append(step.content)
        elif step.data is not None:  # a chunk model rejects it
            return items, "APIResponseValidationError", line
        line += step.lines
    return items, None, None


def run_decoder(cast_to: Any, body: bytes, cuts: list[int]) -> Any:
    request = httpx2.Request("POST", "http://test/chat/completions")
    response = httpx2.Response(200, headers={"x-request-id": "r"}, request=request)
    decoder = _streaming._ChunkDecoder(cast_to, response, strict=True)
    items: list[Any] = []
    bounds = [0, *sorted(set(cuts)), len(body)]
    for start, end in itertools.pairwise(bounds):
        items += decoder.feed(body[start:end])
        if decoder.done:
            break
    else:
        items += decoder.finish()
    return items, decoder.error


@settings(max_examples=300, deadline=None)
@given(
    steps=st.lists(STEPS, max_size=25),
    cut_fractions=st.lists(st.floats(0, 1), max_size=6),
    as_dicts=st.booleans(),
)
def test_any_mix_of_events_in_any_chunking(
    steps: list[Step],
    cut_fractions: list[float],
    as_dicts: bool,
) -> None:
    body = "".join(step.raw for step in steps).encode()
    cuts = [int(f * len(body)) for f in cut_fractions]
    # `dict[str, Any]` accepts any object, so only the error checks can stop error payloads.
    cast_to = dict[str, Any] if as_dicts else ChatCompletionChunk

    items, error = run_decoder(cast_to, body, cuts)

    want, error_name, line = expected(steps, as_dicts)
    got = items if as_dicts else [item.choices[0].delta.content for item in items]
    assert got == want
    assert (type(error).__name__ if error else None) == error_name
    if error_name in ("StreamError", "APIResponseValidationError"):
        assert f"line {line}" in str(error)


def test_a_run_is_validated_with_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "".join(f"data: {payload(str(i))}\n\n" for i in range(50)).encode() + b"data: [DONE]\n\n"
    calls: list[int] = []
    validator = _streaming._json_list_validator(ChatCompletionChunk)

    def counting(values: list[str], **options: Any) -> list[Any]:
        calls.append(len(values))
        return validator(values, **options)  # type: ignore[no-any-return]

    monkeypatch.setattr(_streaming, "_json_list_validator", lambda cast_to: counting)

    items, error = run_decoder(ChatCompletionChunk, body, [])

    assert [item.choices[0].delta.content for item in items] == [str(i) for i in range(50)]
    assert error is None and calls == [50]


class Event(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    at: datetime.datetime
    raw: bytes
    kind: str = pydantic.Field(alias="type")
    note: str | None = None


def test_batch_validation_equals_validating_each_text() -> None:
    values = [
        '{"at": "2024-05-01T10:00:00Z", "raw": "YWJj", "type": "a", "extra": [1]}',
        '{"at": 1714557600, "raw": "", "type": "b", "note": null}',
    ]

    batch = _streaming._json_list_validator(Event)(values)

    one_by_one = [Event.model_validate_json(value) for value in values]
    assert batch == one_by_one
    assert [e.model_fields_set for e in batch] == [e.model_fields_set for e in one_by_one]
    assert batch[0].model_extra == {"extra": [1]}


async def test_chunks_before_an_error_in_the_same_read_are_yielded(harness: Harness) -> None:
    raw = (
        f"data: {payload('a')}\n\ndata: {payload('b')}\n\n"
        'data: {"error": {"message": "quota"}}\n\n'
        f"data: {payload('c')}\n\n"
    ).encode()
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk)

    items, exc = await harness.collect_until_error(stream)

    assert [i.choices[0].delta.content for i in items] == ["a", "b"]
    assert type(exc) is APIError and exc.message == "quota"
    assert stream.response.is_closed
