"""function_tool / pydantic_function_tool schemas, strict rewriting, and partial JSON parsing."""

import json
from enum import Enum
from typing import Any, Literal

import pydantic
import pytest
from deepseek_sdk.lib import function_tool, pydantic_function_tool, to_strict_json_schema
from deepseek_sdk.lib._partial_json import parse_partial_json
from hypothesis import given
from hypothesis import strategies as st


class Unit(Enum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"


class Location(pydantic.BaseModel):
    city: str
    country: str | None = None


def forecast(
    location: Location,
    days: int,
    unit: Unit = Unit.CELSIUS,
    hourly: bool = False,
    detail: Literal["low", "high"] = "low",
    fields: list[str] | None = None,
    extra: dict[str, float] | None = None,
    ratio: float = 1.0,
) -> str:
    """Get the forecast.

    Returns a short text.

    Args:
        location: Where to look.
        days (int): How many days,
            counted from today.
        unit: Temperature unit.

    Returns:
        A sentence.
    """
    return "ok"


def test_function_tool_schema_from_hints_and_docstring() -> None:
    tool = function_tool(forecast)
    function = tool["function"]
    assert tool["type"] == "function"
    assert function["name"] == "forecast"
    assert function["description"] == "Get the forecast.\n\nReturns a short text."
    assert function["function"] is forecast
    assert "strict" not in function
    params = function["parameters"]
    props = params["properties"]
    assert params["required"] == ["location", "days"]
    assert props["days"] == {"type": "integer", "description": "How many days, counted from today."}
    assert props["location"]["description"] == "Where to look."
    assert props["hourly"] == {"type": "boolean", "default": False}
    assert props["detail"]["enum"] == ["low", "high"]
    assert props["ratio"]["type"] == "number"
    assert props["fields"]["anyOf"][0] == {"type": "array", "items": {"type": "string"}}
    assert props["extra"]["anyOf"][0] == {
        "type": "object",
        "additionalProperties": {"type": "number"},
    }
    assert params["$defs"]["Unit"]["enum"] == ["celsius", "fahrenheit"]
    assert params["$defs"]["Location"]["properties"]["city"] == {"type": "string"}
    assert '"title"' not in json.dumps(params)  # pydantic's generated titles are dropped


def test_function_tool_parse_validates_and_converts() -> None:
    parse = function_tool(forecast)["function"]["parse"]
    args = parse('{"location": {"city": "Oslo"}, "days": 2, "unit": "fahrenheit"}')
    assert args["location"] == Location(city="Oslo")
    assert args["unit"] is Unit.FAHRENHEIT
    assert (args["days"], args["hourly"], args["detail"]) == (2, False, "low")
    with pytest.raises(pydantic.ValidationError):
        parse('{"days": 2}')


def test_function_tool_name_description_and_strict() -> None:
    def f(a: int) -> int:
        return a

    function = function_tool(f, name="add", description="Adds.", strict=True)["function"]
    assert (function["name"], function["description"], function["strict"]) == ("add", "Adds.", True)
    assert function["parameters"]["additionalProperties"] is False


def test_function_tool_rejects_var_args() -> None:
    def f(*args: int) -> None:
        return None

    with pytest.raises(TypeError, match="args"):
        function_tool(f)


def test_pydantic_function_tool() -> None:
    class GetWeather(pydantic.BaseModel):
        """Weather lookup."""

        city: str = pydantic.Field(min_length=1, description="City name")
        days: int | None = None

    tool = pydantic_function_tool(GetWeather)
    function = tool["function"]
    assert (function["name"], function["description"]) == ("GetWeather", "Weather lookup.")
    assert function["parse"]('{"city": "Oslo"}') == GetWeather(city="Oslo")
    assert "function" not in function and "strict" not in function
    strict = pydantic_function_tool(GetWeather, strict=True, name="weather")["function"]
    assert strict["name"] == "weather"
    assert strict["parameters"]["required"] == ["city", "days"]
    assert strict["parameters"]["additionalProperties"] is False
    assert "minLength" not in strict["parameters"]["properties"]["city"]


def test_to_strict_json_schema_recurses() -> None:
    schema = {
        "type": "object",
        "properties": {
            "tags": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"v": {"type": "string", "pattern": "x"}},
                },
            },
            "choice": {"anyOf": [{"$ref": "#/$defs/Inner"}, {"type": "null"}], "default": None},
        },
        "$defs": {
            "Inner": {"type": "object", "properties": {"n": {"type": "integer", "minimum": 0}}}
        },
    }
    strict = to_strict_json_schema(schema)
    assert strict["required"] == ["tags", "choice"]
    item = strict["properties"]["tags"]["items"]
    assert item == {
        "type": "object",
        "properties": {"v": {"type": "string"}},
        "additionalProperties": False,
        "required": ["v"],
    }
    assert "default" not in strict["properties"]["choice"]
    assert strict["$defs"]["Inner"]["properties"]["n"] == {"type": "integer"}
    assert strict["$defs"]["Inner"]["additionalProperties"] is False
    assert (
        schema["properties"]["tags"]["items"]["properties"]["v"]["pattern"] == "x"
    )  # input untouched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("{", {}),
        ('{"a": "hel', {"a": "hel"}),
        ('{"a": 1, "b', {"a": 1}),
        ('{"a": [1, 2', {"a": [1, 2]}),
        ('{"a": tru', {}),
        ('{"a": "x\\', {"a": "x"}),
        ('{"a": "\\u00', {}),
        ('{"a": {"b": null}, "c": 2.', {"a": {"b": None}}),
    ],
)
def test_parse_partial_json_examples(text: str, expected: Any) -> None:
    assert parse_partial_json(text) == expected


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)


@given(json_values, st.data())
def test_parse_partial_json_never_raises_and_finishes_exactly(
    value: Any, data: st.DataObject
) -> None:
    text = json.dumps(value)
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    parse_partial_json(text[:cut])  # any prefix: no exception
    assert parse_partial_json(text) == value


def test_a_parameter_named_title_is_kept() -> None:
    def note(title: str, body: str = "") -> str:
        return title

    params = function_tool(note)["function"]["parameters"]
    assert params["properties"]["title"] == {"type": "string"}
    assert params["required"] == ["title"]
