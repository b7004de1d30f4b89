"""codegen.testrun: the options Steady gets, from what the spec and the SDK's config say."""

from __future__ import annotations

from codegen.testrun import _mock_args

QUERY = ("--validator-query-array-format=brackets", "--validator-query-object-format=brackets")
FORM = ("--validator-form-array-format=brackets", "--validator-form-object-format=brackets")


def _op(parameters: list[object], encoding: dict[str, object] | None = None) -> dict[str, object]:
    content: dict[str, object] = {"schema": {"type": "object"}}
    if encoding is not None:
        content["encoding"] = encoding
    return {
        "paths": {
            "/x": {
                "post": {
                    "parameters": parameters,
                    "requestBody": {"content": {"multipart/form-data": content}},
                }
            }
        }
    }


def test_deep_object_parameters_only_change_how_queries_are_read() -> None:
    # OpenAI: a deepObject query filter, multipart bodies in OpenAPI's encoding
    deep = {"name": "metadata", "in": "query", "style": "deepObject"}
    assert _mock_args(_op([deep])) == QUERY
    assert _mock_args(_op([])) == ()


def test_a_deep_object_body_encoding_or_a_brackets_sdk_changes_how_bodies_are_read() -> None:
    # Stripe: `encoding: {expand: {style: deepObject}}` in its bodies
    assert _mock_args(_op([], {"expand": {"style": "deepObject", "explode": True}})) == FORM
    assert _mock_args(_op([]), multipart_brackets=True) == FORM
