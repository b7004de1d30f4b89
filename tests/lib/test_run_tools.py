"""client.chat.completions.run_tools(...): the tool loop against the scripted server."""

import inspect
from typing import Any

import pydantic
import pytest
from _lib_support import USAGE, json_completion, sse_stream, text_chunks, tool_call_chunks
from deepseek_sdk.lib import ToolCallResult, function_tool, pydantic_function_tool
from servers import ScriptedServer

QUESTION = [{"role": "user", "content": "What's the weather in Oslo and Rome?"}]


def get_weather(city: str) -> str:
    """Current weather.

    Args:
        city: City name.
    """
    if city == "Rome":
        raise ValueError("station offline")
    return f"{city}: sunny"


def is_async(client: Any) -> bool:
    return inspect.iscoroutinefunction(client.chat.completions.create)


async def final_content(runner: Any) -> Any:
    result = runner.final_content()
    return await result if inspect.isawaitable(result) else result


async def test_rounds_parallel_calls_and_errors_sent_back(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    calls = [
        ("call_0", "get_weather", '{"city": "Oslo"}'),
        ("call_1", "get_weather", '{"city": "Rome"}'),
        ("call_2", "get_time", "{}"),
        ("call_3", "get_weather", '{"city": '),
        ("call_4", "get_weather", '{"town": "Oslo"}'),
    ]
    scripted_server.enqueue(
        json_completion(None, tool_calls=calls, finish_reason="tool_calls"),
        json_completion("Oslo is sunny; Rome is unknown."),
    )
    runner = any_client.chat.completions.run_tools(
        model="deepseek-chat", messages=QUESTION, tools=[function_tool(get_weather)]
    )
    log: list[Any] = []
    runner.on("function_call", lambda call: log.append(("call", call.id)))
    runner.on(
        "function_call_result",
        lambda result: log.append(("result", result.tool_call.id, type(result.error).__name__)),
    )
    runner.on(
        "chat_completion",
        lambda completion: log.append(("completion", completion.choices[0].finish_reason)),
    )
    runner.on("message", lambda message: log.append(("message", message["role"])))
    assert await final_content(runner) == "Oslo is sunny; Rome is unknown."

    first, second = (r.json() for r in scripted_server.requests)
    assert (
        "function" not in first["tools"][0]["function"]
        and "parse" not in first["tools"][0]["function"]
    )
    assert first["tools"][0]["function"]["name"] == "get_weather"
    tool_messages = second["messages"][2:]
    assert [m["tool_call_id"] for m in tool_messages] == [c[0] for c in calls]
    contents = [m["content"] for m in tool_messages]
    assert contents[0] == "Oslo: sunny"
    assert contents[1] == 'Error: tool "get_weather" raised ValueError: station offline'
    assert contents[2] == 'Error: unknown tool "get_time". Available tools: get_weather.'
    assert contents[3].startswith('Error: invalid arguments for tool "get_weather"')
    assert (
        contents[4].startswith('Error: invalid arguments for tool "get_weather"')
        and "city" in contents[4]
    )
    assistant = second["messages"][1]
    assert assistant["role"] == "assistant" and assistant["content"] is None
    assert [c["id"] for c in assistant["tool_calls"]] == [c[0] for c in calls]
    assert "reasoning_content" not in assistant  # not thinking mode

    assert runner.messages[-1] == {
        "role": "assistant",
        "content": "Oslo is sunny; Rome is unknown.",
    }
    assert len(runner.messages) == 1 + 1 + len(calls) + 1
    assert log[:4] == [
        ("completion", "tool_calls"),
        ("message", "assistant"),
        ("call", "call_0"),
        ("result", "call_0", "NoneType"),
    ]
    assert ("result", "call_1", "ValueError") in log
    assert log[-2:] == [("completion", "stop"), ("message", "assistant")]
    usage = runner.total_usage()
    assert (usage.prompt_tokens, usage.total_tokens, usage.prompt_cache_hit_tokens) == (20, 30, 8)
    assert (
        usage.prompt_tokens_details is not None and usage.prompt_tokens_details.cached_tokens == 8
    )


async def test_max_rounds_stops_after_answering_the_last_calls(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    call = [("c", "get_weather", '{"city": "Oslo"}')]
    scripted_server.enqueue(
        *[json_completion(None, tool_calls=call, finish_reason="tool_calls") for _ in range(3)]
    )
    runner = any_client.chat.completions.run_tools(
        model="deepseek-chat", messages=QUESTION, tools=[function_tool(get_weather)], max_rounds=3
    )
    assert await final_content(runner) is None
    assert len(scripted_server.requests) == 3
    assert runner.messages[-1] == {"role": "tool", "tool_call_id": "c", "content": "Oslo: sunny"}


async def test_forced_tool_choice_runs_one_round(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(
        json_completion(
            None, tool_calls=[("c", "get_weather", '{"city": "Oslo"}')], finish_reason="tool_calls"
        )
    )
    runner = any_client.chat.completions.run_tools(
        model="deepseek-chat",
        messages=QUESTION,
        tools=[function_tool(get_weather)],
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
    )
    await final_content(runner)
    assert len(scripted_server.requests) == 1
    assert runner.messages[-1]["content"] == "Oslo: sunny"


async def test_thinking_mode_echoes_reasoning_content(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    call = [("c", "get_weather", '{"city": "Oslo"}')]
    scripted_server.enqueue(
        json_completion(
            None, tool_calls=call, finish_reason="tool_calls", reasoning_content="Need weather."
        ),
        json_completion(None, tool_calls=call, finish_reason="tool_calls"),
        json_completion("Sunny.", reasoning_content="Done."),
    )
    runner = any_client.chat.completions.run_tools(
        model="deepseek-reasoner", messages=QUESTION, tools=[function_tool(get_weather)]
    )
    await final_content(runner)
    second, third = (r.json() for r in scripted_server.requests[1:])
    assert second["messages"][1]["reasoning_content"] == "Need weather."
    assert third["messages"][3]["reasoning_content"] == ""  # thinking mode, reply without reasoning
    assert runner.messages[-1]["reasoning_content"] == "Done."


async def test_thinking_enabled_by_request_sends_empty_reasoning(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(
        json_completion(
            None, tool_calls=[("c", "get_weather", '{"city": "Oslo"}')], finish_reason="tool_calls"
        ),
        json_completion("Sunny."),
    )
    runner = any_client.chat.completions.run_tools(
        model="deepseek-chat",
        messages=QUESTION,
        tools=[function_tool(get_weather)],
        extra_body={"thinking": {"type": "enabled"}},
    )
    await final_content(runner)
    assert scripted_server.requests[1].json()["messages"][1]["reasoning_content"] == ""


async def test_async_tool_functions_are_awaited(
    async_client: Any, scripted_server: ScriptedServer
) -> None:
    async def lookup(city: str) -> dict[str, str]:
        return {"city": city, "sky": "clear"}

    scripted_server.enqueue(
        json_completion(
            None, tool_calls=[("c", "lookup", '{"city": "Oslo"}')], finish_reason="tool_calls"
        ),
        json_completion("Clear."),
    )
    runner = async_client.chat.completions.run_tools(
        model="deepseek-chat", messages=QUESTION, tools=[function_tool(lookup)]
    )
    assert await runner.final_content() == "Clear."
    assert runner.messages[2]["content"] == '{"city": "Oslo", "sky": "clear"}'


def test_sync_client_rejects_async_tool_functions(client: Any) -> None:
    async def lookup(city: str) -> str:
        return city

    with pytest.raises(TypeError, match="async"):
        client.chat.completions.run_tools(
            model="deepseek-chat", messages=QUESTION, tools=[function_tool(lookup)]
        )


def test_tools_need_a_function(client: Any) -> None:
    tool = {"type": "function", "function": {"name": "nothing", "parameters": {"type": "object"}}}
    with pytest.raises(ValueError, match="nothing"):
        client.chat.completions.run_tools(model="deepseek-chat", messages=QUESTION, tools=[tool])


async def test_dict_and_pydantic_tools(any_client: Any, scripted_server: ScriptedServer) -> None:
    class Forecast(pydantic.BaseModel):
        city: str
        days: int

    received: list[Any] = []
    dict_tool = {
        "type": "function",
        "function": {
            "name": "echo",
            "parameters": {"type": "object", "properties": {"text": {"type": "string"}}},
            "function": lambda text: text.upper(),
        },
    }
    calls = [("c0", "Forecast", '{"city": "Oslo", "days": 2}'), ("c1", "echo", '{"text": "hi"}')]
    scripted_server.enqueue(
        json_completion(None, tool_calls=calls, finish_reason="tool_calls"), json_completion("ok")
    )
    runner = any_client.chat.completions.run_tools(
        model="deepseek-chat",
        messages=QUESTION,
        tools=[
            pydantic_function_tool(Forecast, function=lambda f: received.append(f) or [f.days]),
            dict_tool,
        ],
    )
    await final_content(runner)
    assert received == [Forecast(city="Oslo", days=2)]
    assert [m["content"] for m in runner.messages[2:4]] == ["[2]", "HI"]
    sent = scripted_server.requests[0].json()["tools"][1]["function"]
    assert sent == {
        "name": "echo",
        "parameters": {"type": "object", "properties": {"text": {"type": "string"}}},
    }


async def test_iterating_yields_each_completion(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(
        json_completion(
            None, tool_calls=[("c", "get_weather", '{"city": "Oslo"}')], finish_reason="tool_calls"
        ),
        json_completion("Sunny."),
    )
    runner = any_client.chat.completions.run_tools(
        model="deepseek-chat", messages=QUESTION, tools=[function_tool(get_weather)]
    )
    if is_async(any_client):
        completions = [c async for c in runner]
        final = await runner.get_final_completion()
    else:
        completions = list(runner)
        final = runner.get_final_completion()
    assert [c.choices[0].finish_reason for c in completions] == ["tool_calls", "stop"]
    assert final is completions[-1]


async def test_streaming_runner(any_client: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(
        sse_stream(
            tool_call_chunks(
                [
                    ("c0", "get_weather", '{"city": "Oslo"}'),
                    ("c1", "get_weather", '{"city": "Rome"}'),
                ]
            )
        ),
        sse_stream(text_chunks("Sun", "ny.")),
    )
    results: list[ToolCallResult] = []
    deltas: list[str] = []
    runner = any_client.chat.completions.run_tools(
        model="deepseek-chat", messages=QUESTION, tools=[function_tool(get_weather)], stream=True
    )
    runner.on("function_call_result", results.append)
    runner.on("content", lambda delta, snapshot: deltas.append(delta))
    if is_async(any_client):
        async with runner:
            events = [e async for e in runner]
        content = await runner.final_content()
    else:
        with runner:
            events = list(runner)
        content = runner.final_content()
    kinds = [e.type for e in events if e.type != "chunk"]
    assert kinds.count("tool_calls.function.arguments.done") == 2
    assert kinds[-1] == "content.done"
    assert content == "Sunny." and deltas == ["Sun", "ny."]
    assert [r.content for r in results] == [
        "Oslo: sunny",
        'Error: tool "get_weather" raised ValueError: station offline',
    ]
    first, second = (r.json() for r in scripted_server.requests)
    assert first["stream"] is True and first["stream_options"] == {"include_usage": True}
    assert [m["role"] for m in second["messages"]] == ["user", "assistant", "tool", "tool"]
    assert runner.total_usage().total_tokens == 2 * USAGE["total_tokens"]


def test_response_format_types_are_refused(client: Any) -> None:
    class Out(pydantic.BaseModel):
        x: int

    with pytest.raises(TypeError, match="response_format"):
        client.chat.completions.run_tools(
            model="deepseek-chat",
            messages=QUESTION,
            tools=[function_tool(get_weather)],
            response_format=Out,
        )


def test_total_usage_without_usage_is_zero(client: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(json_completion("Hi.", usage=None))
    runner = client.chat.completions.run_tools(
        model="deepseek-chat", messages=QUESTION, tools=[function_tool(get_weather)]
    )
    assert runner.total_usage().total_tokens == 0  # before any request
    runner.until_done()
    usage = runner.total_usage()
    assert (usage.prompt_tokens, usage.total_tokens, usage.prompt_cache_hit_tokens) == (0, 0, 0)
