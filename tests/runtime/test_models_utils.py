"""Models, query encoding, small helpers, logging setup and request options."""

from __future__ import annotations

import json
import logging

import pydantic
import pytest
from rtpkg._logging import logger, redact_headers, setup_logging
from rtpkg._models import BaseModel
from rtpkg._qs import stringify_items
from rtpkg._types import NOT_GIVEN, make_request_options
from rtpkg._utils import mask_secret, path_param


class Usage(BaseModel):
    prompt_tokens: int
    schema_: str | None = pydantic.Field(default=None, alias="schema")


def test_model_keeps_unknown_fields_and_accepts_both_names() -> None:
    usage = Usage.model_validate({"prompt_tokens": 3, "schema": "s", "prompt_cache_hit_tokens": 1})
    assert usage.schema_ == "s"
    assert usage.model_extra == {"prompt_cache_hit_tokens": 1}
    assert Usage(prompt_tokens=1, schema_="x").schema_ == "x"


def test_to_dict_and_to_json_use_wire_names_and_only_sent_fields() -> None:
    usage = Usage.model_validate({"prompt_tokens": 3, "schema": None, "extra": [1]})
    usage._request_id = "req"
    assert usage.to_dict() == {"prompt_tokens": 3, "schema": None, "extra": [1]}
    assert usage.to_dict(use_api_names=False, exclude_none=True) == {
        "prompt_tokens": 3,
        "extra": [1],
    }
    assert Usage.model_validate({"prompt_tokens": 1}).to_dict(exclude_unset=False) == {
        "prompt_tokens": 1,
        "schema": None,
    }
    assert json.loads(usage.to_json()) == {"prompt_tokens": 3, "schema": None, "extra": [1]}
    assert usage.to_json(indent=None) == '{"prompt_tokens":3,"schema":null,"extra":[1]}'
    assert "req" not in usage.to_json()


def test_request_id_defaults_to_none() -> None:
    assert Usage(prompt_tokens=1)._request_id is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, []),
        ({"a": 1, "b": "x"}, [("a", "1"), ("b", "x")]),
        ({"on": True, "off": False}, [("on", "true"), ("off", "false")]),
        ({"none": None, "unset": NOT_GIVEN, "f": 0.5}, [("f", "0.5")]),
        ({"ids": ["a", "b"]}, [("ids[]", "a"), ("ids[]", "b")]),
        ({"a": {"b": {"c": 1}}}, [("a[b][c]", "1")]),
        ({"a": [{"b": 1}]}, [("a[][b]", "1")]),
    ],
)
def test_query_encoding(params: dict[str, object], expected: list[tuple[str, str]]) -> None:
    assert stringify_items(params) == expected


def test_query_encoding_rejects_unknown_types() -> None:
    with pytest.raises(TypeError, match="'when'"):
        stringify_items({"when": object()})


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("file-abc", "file-abc"),
        ("a/b", "a%2Fb"),
        ("x?y#z", "x%3Fy%23z"),
        ("%2e%2e", "%252e%252e"),
        (42, "42"),
        ("ü", "%C3%BC"),
    ],
)
def test_path_param_encodes_one_segment(value: object, encoded: str) -> None:
    assert path_param("file_id", value) == encoded


@pytest.mark.parametrize("value", ["", None, NOT_GIVEN])
def test_path_param_rejects_empty(value: object) -> None:
    with pytest.raises(ValueError, match="Expected a non-empty value for `file_id`"):
        path_param("file_id", value)


@pytest.mark.parametrize("value", [".", ".."])
def test_path_param_rejects_dot_segments(value: str) -> None:
    with pytest.raises(ValueError, match="`file_id` cannot be"):
        path_param("file_id", value)


def test_path_param_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="str or int"):
        path_param("file_id", True)


def test_mask_secret() -> None:
    assert mask_secret("sk-0123456789abcdef") == "****cdef"
    assert mask_secret("short") == "****"


def test_make_request_options_keeps_only_given_values() -> None:
    assert make_request_options() == {}
    options = make_request_options(
        extra_headers={"a": "b"}, timeout=None, max_retries=0, deadline=None
    )
    assert options == {"headers": {"a": "b"}, "timeout": None, "max_retries": 0, "deadline": None}
    assert not NOT_GIVEN and repr(NOT_GIVEN) == "NOT_GIVEN"


def test_setup_logging_reads_the_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = logger.level
    try:
        monkeypatch.setenv("RTPKG_LOG", "debug")
        setup_logging("RTPKG_LOG")
        assert logger.level == logging.DEBUG
        monkeypatch.setenv("RTPKG_LOG", "INFO")
        setup_logging("RTPKG_LOG")
        assert logger.level == logging.INFO
        logger.setLevel(logging.WARNING)
        monkeypatch.setenv("RTPKG_LOG", "verbose")
        setup_logging("RTPKG_LOG")
        assert logger.level == logging.WARNING
    finally:
        logger.setLevel(previous)


def test_logger_is_named_after_the_package_and_redacts() -> None:
    assert logger.name == "rtpkg"
    assert redact_headers({"Authorization": "Bearer x", "Api-Key": "k", "Accept": "*/*"}) == {
        "Authorization": "<redacted>",
        "Api-Key": "<redacted>",
        "Accept": "*/*",
    }
