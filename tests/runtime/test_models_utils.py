"""Models, query encoding, small helpers, logging setup and request options."""

from __future__ import annotations

import copy
import json
import logging
import pickle
from collections.abc import Callable

import pydantic
import pytest
from things_sdk._logging import logger, redact_headers, setup_logging
from things_sdk._models import BaseModel
from things_sdk._qs import stringify_items
from things_sdk._types import NOT_GIVEN, make_request_options
from things_sdk._utils import mask_secret, path_param


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


class Reply(BaseModel):
    usage: Usage
    items: list[Usage] = pydantic.Field(default_factory=list)


def test_request_id_is_a_slot_invisible_to_pydantic() -> None:
    # Not a field or a private attribute: pydantic builds instances without running Python
    # code, which keeps validating streamed chunks fast.
    assert Reply.__private_attributes__ == {} and "_request_id" not in Reply.model_fields
    reply = Reply.model_validate({"usage": {"prompt_tokens": 1}, "note": "extra"})
    assert reply.__pydantic_private__ is None and reply.usage.__pydantic_private__ is None
    reply._request_id = "req-1"
    assert reply._request_id == "req-1" and reply.usage._request_id is None
    assert reply.model_dump() == {
        "usage": {"prompt_tokens": 1, "schema_": None},
        "items": [],
        "note": "extra",
    }
    assert "req-1" not in reply.to_json() and "req-1" not in repr(reply)
    assert "_sdk_request_id" not in reply.__dict__ and "_sdk_request_id" not in reply.to_dict()
    twin = Reply.model_validate({"usage": {"prompt_tokens": 1}, "note": "extra"})
    assert twin == reply  # the id is not part of equality


@pytest.mark.parametrize(
    "duplicate",
    [
        lambda m: m.model_copy(),
        lambda m: m.model_copy(deep=True),
        lambda m: m.model_copy(update={"items": []}),
        copy.copy,
        copy.deepcopy,
        lambda m: pickle.loads(pickle.dumps(m)),
    ],
    ids=["model_copy", "deep", "update", "copy", "deepcopy", "pickle"],
)
def test_copies_and_pickles_keep_the_request_id(duplicate: Callable[[Reply], Reply]) -> None:
    reply = Reply.model_validate({"usage": {"prompt_tokens": 2}, "note": "extra"})
    reply._request_id = "req-2"
    copied = duplicate(reply)
    assert copied is not reply and copied == reply
    assert copied._request_id == "req-2" and copied.model_extra == {"note": "extra"}
    plain = duplicate(Reply.model_validate({"usage": {"prompt_tokens": 2}}))
    assert plain._request_id is None


def test_extra_fields_can_still_be_set_on_models() -> None:
    usage = Usage(prompt_tokens=1)
    usage.cache_hits = 3  # type: ignore[attr-defined]  # extra="allow"
    assert usage.to_dict() == {"prompt_tokens": 1, "cache_hits": 3}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, []),
        ({"a": 1, "b": "x"}, [("a", "1"), ("b", "x")]),
        ({"on": True, "off": False}, [("on", "true"), ("off", "false")]),
        ({"none": None, "unset": NOT_GIVEN, "f": 0.5}, [("f", "0.5")]),
        ({"ids": ["a", "b"]}, [("ids", "a"), ("ids", "b")]),
        ({"ids": ("a", 2, True)}, [("ids", "a"), ("ids", "2"), ("ids", "true")]),
        ({"ids[]": ["a", "b"]}, [("ids[]", "a"), ("ids[]", "b")]),
        ({"ids": []}, []),
        ({"a": {"b": {"c": 1}}}, [("a[b][c]", "1")]),
        ({"a": {"ids": [1, 2]}}, [("a[ids]", "1"), ("a[ids]", "2")]),
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
        monkeypatch.setenv("THINGS_LOG", "debug")
        setup_logging("THINGS_LOG")
        assert logger.level == logging.DEBUG
        monkeypatch.setenv("THINGS_LOG", "INFO")
        setup_logging("THINGS_LOG")
        assert logger.level == logging.INFO
        logger.setLevel(logging.WARNING)
        monkeypatch.setenv("THINGS_LOG", "verbose")
        with pytest.warns(RuntimeWarning, match="'debug' or 'info'"):
            setup_logging("THINGS_LOG")
        assert logger.level == logging.WARNING
    finally:
        logger.setLevel(previous)


def test_logger_is_named_after_the_package_and_redacts() -> None:
    assert logger.name == "things_sdk"
    assert redact_headers({"Authorization": "Bearer x", "Api-Key": "k", "Accept": "*/*"}) == {
        "Authorization": "<redacted>",
        "Api-Key": "<redacted>",
        "Accept": "*/*",
    }
