"""~30 operations of the generated OpenAI SDK against Steady serving OpenAI's spec.

Steady validates every request against the spec: a request that breaks it gets a 400, smaller
problems are reported in `x-steady-error-*` headers. Each call goes through `with_raw_response`
so the test can assert that Steady found nothing, then parses the (generated or example) answer
into the method's return type. Lists repeat the same page with `has_more: true` forever, so
auto-pagination is capped; streams end with Steady's `event: done` rather than `[DONE]`, so only
the first chunks are read.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx2
import pytest
from _openai_support import OPENAI_SPEC, GeneratedSdk, keys
from servers import start_mock_server

pytestmark = pytest.mark.openai_spec

MESSAGES = [{"role": "user", "content": "Say this is a test"}]
JSONL = ("train.jsonl", b'{"messages": [{"role": "user", "content": "hi"}]}\n')
PNG = ("cat.png", b"\x89PNG\r\n\x1a\n")
WAV = ("hello.wav", b"RIFF\x00\x00\x00\x00WAVEfmt ")


@dataclass(frozen=True)
class Case:
    """One call: `client.<method>(*args, **kwargs)`, and the class name its result has."""

    method: str
    returns: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.method


CASES = [
    Case("chat.completions.create", "ChatCompletion", kwargs={"model": "gpt-4o", "messages": MESSAGES}),
    Case(
        "chat.completions.create",
        "ChatCompletion",
        kwargs={
            "model": "gpt-4o",
            "messages": [{"role": "system", "content": "Be terse."}, *MESSAGES],
            "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}],
            "tool_choice": "auto",
            "response_format": {"type": "json_object"},
            "temperature": 0.2,
            "max_completion_tokens": 50,
        },
    ),
    Case("chat.completions.list", "SyncCursorPage", kwargs={"limit": 2}),
    Case("chat.completions.retrieve", "ChatCompletion", ("chatcmpl-1",)),
    Case("chat.completions.update", "ChatCompletion", ("chatcmpl-1",), {"metadata": {"k": "v"}}),
    Case("chat.completions.delete", "ChatCompletionDeleted", ("chatcmpl-1",)),
    Case("chat.completions.messages.list", "SyncCursorPage", ("chatcmpl-1",)),
    Case("completions.create", "Completion", kwargs={"model": "gpt-3.5-turbo-instruct", "prompt": "Hi"}),
    Case("embeddings.create", "CreateEmbeddingResponse", kwargs={"model": "text-embedding-3-small", "input": "hi"}),
    Case("moderations.create", "CreateModerationResponse", kwargs={"input": "hi"}),
    Case("models.list", "SyncPage"),
    Case("models.retrieve", "Model", ("gpt-4o",)),
    Case("files.create", "FileObject", kwargs={"file": JSONL, "purpose": "fine-tune"}),
    Case("files.list", "SyncCursorPage", kwargs={"purpose": "fine-tune"}),
    Case("files.retrieve", "FileObject", ("file-1",)),
    Case("files.content", "str", ("file-1",)),
    Case("fine_tuning.jobs.create", "FineTuningJob", kwargs={"model": "gpt-4o-mini", "training_file": "file-1"}),
    Case("fine_tuning.jobs.list", "SyncCursorPage", kwargs={"limit": 2, "metadata": {"k": "v"}}),
    Case("fine_tuning.jobs.cancel", "FineTuningJob", ("ftjob-1",)),
    Case("fine_tuning.jobs.checkpoints.list", "SyncCursorPage", ("ftjob-1",)),
    Case("fine_tuning.jobs.events.list", "SyncCursorPage", ("ftjob-1",)),
    Case("vector_stores.create", "VectorStoreObject", kwargs={"name": "docs"}),
    Case("vector_stores.files.create", "VectorStoreFileObject", ("vs_1",), {"file_id": "file-1"}),
    Case("vector_stores.files.list", "SyncCursorPage", ("vs_1",)),
    Case("vector_stores.search", "VectorStoreSearchResultsPage", ("vs_1",), {"query": "refund policy"}),
    Case(
        "batches.create",
        "Batch",
        kwargs={"input_file_id": "file-1", "endpoint": "/v1/chat/completions", "completion_window": "24h"},
    ),
    Case("audio.speech.create", "BinaryAPIResponse", kwargs={"model": "tts-1", "input": "Hello", "voice": "alloy"}),
    Case("audio.transcriptions.create", "CreateTranscriptionResponseJson", kwargs={"file": WAV, "model": "whisper-1"}),
    Case("images.generate", "ImagesResponse", kwargs={"prompt": "A cat", "model": "gpt-image-1"}),
    Case("images.edit", "ImagesResponse", kwargs={"image": PNG, "prompt": "Add a hat"}),
    Case("responses.input_items.list", "SyncCursorPage", ("resp_1",), {"limit": 3}),
    Case("beta.responses.delete", "NoneType", ("resp_1",), {"openai_beta": ["responses_multi_agent=v1"]}),
    Case("conversations.create", "ConversationResource"),
    Case("conversations.items.list", "SyncCursorPage", ("conv_1",)),
    Case("uploads.create", "Upload", kwargs={"filename": "a.jsonl", "purpose": "batch", "bytes": 10, "mime_type": "text/jsonl"}),
    Case("uploads.parts.create", "UploadPart", ("upload_1",), {"data": ("part", b"0123456789")}),
    Case("evals.list", "SyncCursorPage"),
    # The spec names this array parameter `actor_ids[]`, brackets included.
    Case("organization.audit_logs.list", "SyncCursorPage", kwargs={"actor_ids": ["user_1", "user_2"]}),
]  # fmt: skip

# Answers built from a schema `example` in the spec that breaks the schema it illustrates.
SPEC_EXAMPLE_DEFECTS = {
    "responses.create": "output.0.message.content.0.output_text.logprobs",
}


@pytest.fixture(scope="module")
def mock_url(generated_openai: GeneratedSdk) -> Iterator[str]:
    with start_mock_server(OPENAI_SPEC) as url:
        yield url


@pytest.fixture(scope="module")
def client(mock_url: str, openai_sdk: ModuleType) -> Iterator[Any]:
    with openai_sdk.OpenAI(**keys(openai_sdk.OpenAI), base_url=mock_url, max_retries=0) as made:
        yield made


def resolve(owner: Any, dotted: str, via: str | None = None) -> Callable[..., Any]:
    *path, name = dotted.split(".")
    for attr in path:
        owner = getattr(owner, attr)
    if via is not None:
        owner = getattr(owner, via)
    method: Callable[..., Any] = getattr(owner, name)
    return method


def steady_problems(headers: Any) -> list[str]:
    count = int(headers.get("x-steady-error-count", "0"))
    return [
        f"{headers.get(f'x-steady-error-{i}-path')}: {headers.get(f'x-steady-error-{i}-message')}"
        for i in range(1, count + 1)
    ]


def call_raw(client: Any, sdk: ModuleType, case: Case) -> Any:
    """The raw response of a valid request, or a test failure naming what Steady rejected."""
    method = resolve(client, case.method, via="with_raw_response")
    try:
        raw = method(*case.args, **case.kwargs)
    except sdk.APIStatusError as exc:
        pytest.fail(f"{case.method}: HTTP {exc.status_code}: {exc.body}")
    assert steady_problems(raw.headers) == [], case.method
    return raw


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_request_validates_and_response_parses(
    client: Any, openai_sdk: ModuleType, case: Case
) -> None:
    raw = call_raw(client, openai_sdk, case)
    assert 200 <= raw.status_code < 300
    parsed = raw.parse()
    assert type(parsed).__name__.split("[")[0] == case.returns


def test_responses_example_in_the_spec_breaks_its_own_schema(
    client: Any, openai_sdk: ModuleType
) -> None:
    """Steady answers `POST /responses` with the spec's `Response.example`, which leaves out
    the required `logprobs` (a list) of its `output_text`: by default the SDK returns the
    response anyway (the list is empty, as typed); `strict_response_validation=True` reports it."""
    case = Case("responses.create", "Response", kwargs={"model": "gpt-4o", "input": "Hi"})
    parsed = call_raw(client, openai_sdk, case).parse()
    assert type(parsed).__name__ == "Response"
    assert parsed.output[0].content[0].logprobs == []
    strict = client.with_options(strict_response_validation=True)
    raw = call_raw(strict, openai_sdk, case)
    with pytest.raises(openai_sdk.APIResponseValidationError) as caught:
        raw.parse()
    assert SPEC_EXAMPLE_DEFECTS["responses.create"] in str(caught.value)


def test_auto_pagination_sends_the_cursor(mock_url: str, openai_sdk: ModuleType) -> None:
    """Steady answers every page with the same items and `has_more: true`: the second request
    carries the last id as `after`, and the runtime stops (instead of looping) when the next
    cursor would be the same again."""
    sent: list[httpx2.Request] = []
    http_client = httpx2.Client(event_hooks={"request": [sent.append]})
    jobs: list[Any] = []
    with openai_sdk.OpenAI(
        **keys(openai_sdk.OpenAI), base_url=mock_url, max_retries=0, http_client=http_client
    ) as client:
        page = client.fine_tuning.jobs.list(limit=1)
        with pytest.raises(openai_sdk.PaginationError):
            jobs.extend(page)
    assert len(jobs) == 2 and jobs[0].id == jobs[1].id
    assert [r.url.params.get("after") for r in sent] == [None, jobs[0].id]
    assert all(r.url.params.get("limit") == "1" for r in sent)


def test_stream_request_validates_and_chunks_parse(client: Any, openai_sdk: ModuleType) -> None:
    case = Case(
        "chat.completions.create",
        "Stream",
        kwargs={"model": "gpt-4o", "messages": MESSAGES, "stream": True},
    )
    raw = call_raw(client, openai_sdk, case)
    assert raw.headers["content-type"].startswith("text/event-stream")
    stream = raw.parse()
    try:
        chunks = list(itertools.islice(stream, 5))
    finally:
        stream.close()
    assert [type(c).__name__ for c in chunks] == ["ChatCompletionChunk"] * 5


async def test_async_client_against_the_mock(mock_url: str, openai_sdk: ModuleType) -> None:
    async with openai_sdk.AsyncOpenAI(
        **keys(openai_sdk.AsyncOpenAI), base_url=mock_url, max_retries=0
    ) as client:
        raw = await client.chat.completions.with_raw_response.create(
            model="gpt-4o", messages=MESSAGES
        )
        assert steady_problems(raw.headers) == []
        completion = await raw.parse()
        assert type(completion).__name__ == "ChatCompletion"
        jobs = [job async for job in itertools_aislice(client.fine_tuning.jobs.list(limit=1), 2)]
        assert len(jobs) == 2
        upload = await client.files.with_raw_response.create(file=JSONL, purpose="fine-tune")
        assert steady_problems(upload.headers) == []


async def itertools_aislice(iterable: Any, count: int) -> Any:
    """The first `count` items of an async iterable."""
    taken = 0
    async for item in iterable:
        yield item
        taken += 1
        if taken >= count:
            return
