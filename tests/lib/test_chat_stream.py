"""client.chat.completions.stream(...) end to end against the scripted server, sync and async."""

import dataclasses
import inspect
from collections.abc import Callable
from typing import Any

import pydantic
import pytest
from _lib_support import chunk, sse_stream, text_chunks, tool_call_chunks
from deepseek_sdk import APIError
from deepseek_sdk.lib import ChatCompletionStreamState, function_tool
from servers import Pause, ScriptedServer, Stream, sse

MESSAGES = [{"role": "user", "content": "Say this is a test"}]


def is_async(client: Any) -> bool:
    return inspect.iscoroutinefunction(client.chat.completions.create)


async def run_stream(
    client: Any,
    *,
    resource: Any | None = None,
    setup: Callable[[Any], None] = lambda stream: None,
    **params: Any,
) -> tuple[list[Any], Any]:
    """Open `resource.stream(**params)`, let `setup` register handlers, collect events and the final completion."""
    manager = (resource or client.chat.completions).stream(
        model="deepseek-chat", messages=MESSAGES, **params
    )
    if is_async(client):
        async with manager as stream:
            setup(stream)
            events = [event async for event in stream]
            return events, await stream.get_final_completion()
    with manager as stream:
        setup(stream)
        events = list(stream)
        return events, stream.get_final_completion()


async def test_stream_events_and_final_completion(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(sse_stream(text_chunks("Hel", "lo", reasoning=("Hmm",))))
    events, completion = await run_stream(any_client)
    assert [e.type for e in events if e.type != "chunk"] == [
        "reasoning.delta",
        "reasoning.done",
        "content.delta",
        "content.delta",
        "content.done",
    ]
    assert (
        completion.choices[0].message.content,
        completion.choices[0].message.reasoning_content,
    ) == ("Hello", "Hmm")
    assert completion.usage.total_tokens == 15
    body = scripted_server.requests[0].json()
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert body["messages"] == MESSAGES


async def test_beta_resource_streams_too(any_client: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(sse_stream(text_chunks("ok")))
    _, completion = await run_stream(any_client, resource=any_client.beta.chat.completions)
    assert completion.choices[0].message.content == "ok"
    assert scripted_server.requests[0].path.endswith("/chat/completions")


async def test_handlers_node_style_and_by_event_type(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(sse_stream(text_chunks("a", "b")))
    seen: list[Any] = []

    def setup(stream: Any) -> None:
        stream.on("content", lambda delta, snapshot: seen.append(("content", delta, snapshot)))
        stream.on("content.done", lambda event: seen.append(("done", event.content)))
        stream.on(
            "chunk",
            lambda chunk, snapshot: seen.append(
                ("chunk", chunk.id, snapshot.choices and snapshot.choices[0].message.content)
            ),
        )

    await run_stream(any_client, setup=setup)
    assert [s for s in seen if s[0] != "chunk"] == [
        ("content", "a", "a"),
        ("content", "b", "ab"),
        ("done", "ab"),
    ]
    assert [s[2] for s in seen if s[0] == "chunk"] == [None, "a", "ab", "ab", "ab"]


async def test_async_handlers_are_awaited(
    async_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(sse_stream(text_chunks("x", "y")))
    seen: list[str] = []

    async def on_content(delta: str, snapshot: str) -> None:
        seen.append(delta)

    await run_stream(async_client, setup=lambda stream: stream.on("content", on_content))
    assert seen == ["x", "y"]


def test_async_handler_on_sync_stream_is_an_error(
    client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(sse_stream(text_chunks("x")))

    async def on_content(delta: str, snapshot: str) -> None:
        raise AssertionError("never awaited")

    with client.chat.completions.stream(model="deepseek-chat", messages=MESSAGES) as stream:
        stream.on("content", on_content)
        with pytest.raises(TypeError, match="async"):
            stream.until_done()


async def test_text_deltas_and_snapshot(any_client: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(sse_stream(text_chunks("Hel", "lo")))
    manager = any_client.chat.completions.stream(model="deepseek-chat", messages=MESSAGES)
    if is_async(any_client):
        async with manager as stream:
            assert [text async for text in stream.text_deltas] == ["Hel", "lo"]
            snapshot = stream.current_completion_snapshot
    else:
        with manager as stream:
            assert list(stream.text_deltas) == ["Hel", "lo"]
            snapshot = stream.current_completion_snapshot
    assert snapshot.choices[0].message.content == "Hello"
    assert stream.response.status_code == 200


async def test_leaving_the_block_early_closes_the_connection(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    pieces = [sse(c) for c in text_chunks(*["x"] * 5)]
    scripted_server.enqueue(Stream([pieces[0], pieces[1], Pause(2.0), *pieces[2:]]))
    manager = any_client.chat.completions.stream(model="deepseek-chat", messages=MESSAGES)
    if is_async(any_client):
        async with manager as stream:
            async for event in stream:
                if event.type == "content.delta":
                    break
        assert await scripted_server.wait_until_idle_async(timeout=1.5)
    else:
        with manager as stream:
            for event in stream:
                if event.type == "content.delta":
                    break
        assert scripted_server.wait_until_idle(timeout=1.5)


async def test_tools_are_sent_without_local_callables(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    def get_weather(city: str) -> str:
        """Weather for a city."""
        return "sunny"

    scripted_server.enqueue(
        sse_stream(tool_call_chunks([("c0", "get_weather", '{"city": "Oslo"}')]))
    )
    events, completion = await run_stream(any_client, tools=[function_tool(get_weather)])
    sent = scripted_server.requests[0].json()["tools"]
    assert sent == [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Weather for a city.",
                "parameters": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}},
                    "required": ["city"],
                },
            },
        }
    ]
    done = [e for e in events if e.type == "tool_calls.function.arguments.done"]
    assert done[0].parsed_arguments == {"city": "Oslo"}  # function_tool has a parser
    assert completion.choices[0].message.tool_calls[0].function.arguments == '{"city": "Oslo"}'


class Answer(pydantic.BaseModel):
    answer: int


async def test_response_format_type(any_client: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(sse_stream(text_chunks('{"answer":', " 42}")))
    events, completion = await run_stream(any_client, response_format=Answer, schema_in_prompt=True)
    assert [e.parsed for e in events if e.type == "content.done"] == [Answer(answer=42)]
    assert completion.choices[0].message.parsed == Answer(answer=42)
    body = scripted_server.requests[0].json()
    assert body["response_format"] == {"type": "json_object"}
    assert (
        body["messages"][-1]["role"] == "system" and '"answer"' in body["messages"][-1]["content"]
    )


async def test_error_event_mid_stream_raises_api_error(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(
        Stream(
            [
                sse(chunk({"role": "assistant", "content": "a"})),
                sse({"error": {"message": "overloaded"}}),
            ]
        )
    )
    with pytest.raises(APIError, match="overloaded"):
        await run_stream(any_client)


async def test_stream_state_with_a_plain_create_loop(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(sse_stream(text_chunks("Hel", "lo")))
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    kinds: list[str] = []
    raw = any_client.chat.completions.create(model="deepseek-chat", messages=MESSAGES, stream=True)
    if is_async(any_client):
        async for c in await raw:
            kinds += [e.type for e in state.handle_chunk(c)]
    else:
        for c in raw:
            kinds += [e.type for e in state.handle_chunk(c)]
    assert kinds.count("content.delta") == 2
    assert state.get_final_completion().choices[0].message.content == "Hello"


async def test_final_completion_carries_the_request_id(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    answer = sse_stream(text_chunks("ok"))
    scripted_server.enqueue(dataclasses.replace(answer, headers={"x-request-id": "req_stream_1"}))
    _, completion = await run_stream(any_client)
    assert completion._request_id == "req_stream_1"


async def test_unknown_handler_name_is_rejected(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(sse_stream(text_chunks("ok")))

    def setup(stream: Any) -> None:
        with pytest.raises(ValueError, match="unknown event 'contnet'"):
            stream.on("contnet", lambda delta, snapshot: None)

    await run_stream(any_client, setup=setup)
