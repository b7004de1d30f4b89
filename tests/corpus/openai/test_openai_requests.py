"""What the generated OpenAI SDK puts on the wire, through an `httpx2.MockTransport`."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import httpx2
import pytest
from _openai_support import json_response, mock_client

pytestmark = pytest.mark.openai_spec

COMPLETION = {
    "id": "cmpl-1",
    "object": "text_completion",
    "created": 1,
    "model": "gpt-3.5-turbo-instruct",
    "choices": [{"text": "hi", "index": 0, "logprobs": None, "finish_reason": "length"}],
}
FILE = {
    "id": "file-abc123",
    "object": "file",
    "bytes": 120000,
    "created_at": 1677610602,
    "filename": "train.jsonl",
    "purpose": "fine-tune",
    "status": "processed",
    "expires_at": None,
    "status_details": None,
}


class Recorder:
    """A MockTransport handler that records requests and answers from a fixed response."""

    def __init__(self, response: httpx2.Response) -> None:
        self.response = response
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        request.read()
        self.requests.append(request)
        return self.response

    @property
    def last(self) -> httpx2.Request:
        return self.requests[-1]


def test_spec_defaults_are_not_sent(openai_sdk: ModuleType) -> None:
    """`/completions` documents `max_tokens: 16`, `temperature: 1`, `n: 1`, ...: none is sent."""
    recorder = Recorder(json_response(COMPLETION))
    client = mock_client(openai_sdk, recorder)
    client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say this is a test")
    assert json.loads(recorder.last.content) == {
        "model": "gpt-3.5-turbo-instruct",
        "prompt": "Say this is a test",
    }
    client.completions.create(model="gpt-3.5-turbo-instruct", prompt="x", temperature=0, n=None)
    assert json.loads(recorder.last.content) == {
        "model": "gpt-3.5-turbo-instruct",
        "prompt": "x",
        "temperature": 0,
        "n": None,
    }


def test_file_upload_is_multipart(openai_sdk: ModuleType) -> None:
    recorder = Recorder(json_response(FILE))
    client = mock_client(openai_sdk, recorder)
    created = client.files.create(file=("train.jsonl", b'{"prompt": "a"}\n'), purpose="fine-tune")
    assert created.filename == "train.jsonl"
    request = recorder.last
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    body = request.content
    assert b'name="purpose"\r\n\r\nfine-tune' in body
    assert b'name="file"; filename="train.jsonl"' in body


def test_image_edit_uploads_files_when_the_spec_offers_json_too(openai_sdk: ModuleType) -> None:
    """`/images/edits` accepts JSON (image URLs) and multipart (uploads): uploads win."""
    recorder = Recorder(json_response({"created": 1, "data": [{"b64_json": "aGk="}]}))
    client = mock_client(openai_sdk, recorder)
    client.images.edit(image=("cat.png", b"\x89PNG"), prompt="Add a hat")
    assert recorder.last.headers["content-type"].startswith("multipart/form-data")
    assert b'filename="cat.png"' in recorder.last.content


def test_speech_is_a_binary_response(openai_sdk: ModuleType) -> None:
    audio = b"ID3\x04\x00fake-mp3-bytes"
    recorder = Recorder(httpx2.Response(200, content=audio, headers={"content-type": "audio/mpeg"}))
    client = mock_client(openai_sdk, recorder)
    speech = client.audio.speech.create(model="gpt-4o-mini-tts", input="Hello", voice="alloy")
    assert type(speech).__name__ == "BinaryAPIResponse"
    assert speech.content == audio
    assert json.loads(recorder.last.content) == {
        "model": "gpt-4o-mini-tts",
        "input": "Hello",
        "voice": "alloy",
    }


def test_array_headers_are_comma_separated(openai_sdk: ModuleType) -> None:
    recorder = Recorder(httpx2.Response(200))
    client = mock_client(openai_sdk, recorder)
    client.beta.responses.delete("resp_1", openai_beta=["responses_multi_agent=v1"])
    assert recorder.last.headers["openai-beta"] == "responses_multi_agent=v1"


def test_query_in_the_spec_path_is_kept(openai_sdk: ModuleType) -> None:
    """`/responses/{id}?beta=true` is its own path in the spec; its query survives parameters."""
    recorder = Recorder(httpx2.Response(200))
    client = mock_client(openai_sdk, recorder)
    client.beta.responses.delete("resp_1")
    assert recorder.last.url.path == "/v1/responses/resp_1"
    assert dict(recorder.last.url.params) == {"beta": "true"}
    recorder.response = json_response({"object": "list", "data": [], "has_more": False})
    client.beta.responses.input_items.list("resp_1", limit=5, extra_query={"x": "y"})
    params: dict[str, Any] = dict(recorder.last.url.params)
    assert params == {"beta": "true", "limit": "5", "x": "y"}
