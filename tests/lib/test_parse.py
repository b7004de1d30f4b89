"""client.chat.completions.parse(...): structured output over DeepSeek's JSON mode."""

import inspect
from enum import StrEnum
from typing import Any

import pydantic
import pytest
from _lib_support import completion as completion_body
from _lib_support import json_completion
from deepseek_sdk.lib import (
    ContentParseError,
    LengthFinishReasonError,
    ParsedChatCompletion,
    pydantic_function_tool,
)
from servers import Json, ScriptedServer

JSON_PROMPT = [{"role": "user", "content": "Reply in JSON: what is 6*7?"}]


class Color(StrEnum):
    RED = "red"
    BLUE = "blue"


class Answer(pydantic.BaseModel):
    """The answer."""

    value: int
    color: Color


async def call_parse(client: Any, **params: Any) -> Any:
    params.setdefault("messages", JSON_PROMPT)
    result = client.chat.completions.parse(model="deepseek-chat", **params)
    return await result if inspect.isawaitable(result) else result


async def test_parse_validates_into_the_model(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    body = completion_body('{"value": 42, "color": "red"}')
    scripted_server.enqueue(Json(body, headers={"x-request-id": "req_42"}))
    completion = await call_parse(any_client, response_format=Answer)
    assert isinstance(completion, ParsedChatCompletion)
    assert completion._request_id == "req_42"
    assert completion.choices[0].message.parsed == Answer(value=42, color=Color.RED)
    assert completion.choices[0].message.content == '{"value": 42, "color": "red"}'
    assert completion.usage is not None and completion.usage.prompt_cache_miss_tokens == 6
    body = scripted_server.requests[0].json()
    assert body["response_format"] == {"type": "json_object"}
    assert body["messages"] == JSON_PROMPT  # no schema message unless asked


async def test_schema_in_prompt_appends_a_system_message(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(json_completion('{"value": 1, "color": "blue"}'))
    await call_parse(
        any_client,
        response_format=Answer,
        schema_in_prompt=True,
        messages=[{"role": "user", "content": "6*7?"}],
    )
    messages = scripted_server.requests[0].json()["messages"]
    assert messages[0] == {"role": "user", "content": "6*7?"}
    assert messages[1]["role"] == "system"
    assert "JSON" in messages[1]["content"] and '"color"' in messages[1]["content"]


def test_schema_message_goes_before_a_prefix_message(
    client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(json_completion('{"value": 1, "color": "blue"}'))
    prefix = {"role": "assistant", "content": "{", "prefix": True}
    client.chat.completions.parse(
        model="deepseek-chat",
        messages=[JSON_PROMPT[0], prefix],
        response_format=Answer,
        schema_in_prompt=True,
    )
    roles = [m["role"] for m in scripted_server.requests[0].json()["messages"]]
    assert roles == ["user", "system", "assistant"]


def test_warns_when_the_prompt_never_mentions_json(
    client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(json_completion('{"value": 1, "color": "blue"}'))
    with pytest.warns(UserWarning, match="json"):
        client.chat.completions.parse(
            model="deepseek-chat",
            messages=[{"role": "user", "content": "6*7?"}],
            response_format=Answer,
        )


async def test_invalid_reply_raises_content_parse_error(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(json_completion('{"value": "many", "color": "red"}'))
    with pytest.raises(ContentParseError) as info:
        await call_parse(any_client, response_format=Answer)
    assert info.value.content == '{"value": "many", "color": "red"}'
    assert info.value.completion is not None and info.value.completion.id == "930c60df"
    assert isinstance(info.value.__cause__, pydantic.ValidationError)


async def test_blank_reply_raises_content_parse_error(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(json_completion("   "))  # DeepSeek blanks out unrecognisable JSON
    with pytest.raises(ContentParseError, match="empty"):
        await call_parse(any_client, response_format=Answer)


async def test_length_raises(any_client: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(json_completion('{"value": 4', finish_reason="length"))
    with pytest.raises(LengthFinishReasonError) as info:
        await call_parse(any_client, response_format=Answer)
    assert info.value.completion.choices[0].finish_reason == "length"


async def test_non_model_types(any_client: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(json_completion('{"a": [1, 2]}'))
    completion = await call_parse(any_client, response_format=dict[str, list[int]])
    assert completion.choices[0].message.parsed == {"a": [1, 2]}


async def test_dict_response_format_passes_through(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(json_completion('{"x": 1}'))
    completion = await call_parse(any_client, response_format={"type": "json_object"})
    assert completion.choices[0].message.parsed is None
    assert scripted_server.requests[0].json()["response_format"] == {"type": "json_object"}


async def test_tool_call_arguments_are_parsed(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    class GetWeather(pydantic.BaseModel):
        city: str

    strict_tool = {
        "type": "function",
        "function": {"name": "lookup", "parameters": {"type": "object"}, "strict": True},
    }
    plain_tool = {
        "type": "function",
        "function": {"name": "plain", "parameters": {"type": "object"}},
    }
    calls = [
        ("c0", "GetWeather", '{"city": "Oslo"}'),
        ("c1", "lookup", '{"q": 1}'),
        ("c2", "plain", '{"q": 2}'),
    ]
    scripted_server.enqueue(json_completion(None, tool_calls=calls, finish_reason="tool_calls"))
    completion = await call_parse(
        any_client, tools=[pydantic_function_tool(GetWeather), strict_tool, plain_tool]
    )
    parsed = [c.function.parsed_arguments for c in completion.choices[0].message.tool_calls]
    assert parsed == [GetWeather(city="Oslo"), {"q": 1}, None]
    assert completion.choices[0].message.parsed is None


async def test_invalid_tool_arguments_raise(
    any_client: Any, scripted_server: ScriptedServer
) -> None:
    class GetWeather(pydantic.BaseModel):
        city: str

    scripted_server.enqueue(
        json_completion(
            None, tool_calls=[("c0", "GetWeather", '{"town": 1}')], finish_reason="tool_calls"
        )
    )
    with pytest.raises(ContentParseError, match="GetWeather") as info:
        await call_parse(any_client, tools=[pydantic_function_tool(GetWeather)])
    assert info.value.content == '{"town": 1}'


def test_parse_refuses_stream(client: Any) -> None:
    with pytest.raises(TypeError, match="stream"):
        client.chat.completions.parse(
            model="deepseek-chat", messages=JSON_PROMPT, response_format=Answer, stream=True
        )
