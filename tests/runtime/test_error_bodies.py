"""Typed error bodies: a non-2xx answer raises its `APIStatusError` subclass with `body` built as
the type the operation declares for that status (exact code, then range, then `default`), and
keeps the untyped body when the operation declares none or the body does not match.

Run inside `errors_sdk` (tests/runtime/spec/errors.yaml), sync and async, on a mock transport.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx2
import pytest

API_KEY = "sk-errors-0123456789abcdef"
Handler = Callable[[httpx2.Request], httpx2.Response]


class Calls:
    """A sync or async `errors_sdk` client on a mock transport; `run` awaits when needed."""

    def __init__(self, is_async: bool) -> None:
        from errors_sdk import AsyncErrorsAPI, ErrorsAPI

        self.is_async = is_async
        self.client_class: type[Any] = AsyncErrorsAPI if is_async else ErrorsAPI
        self.clients: list[Any] = []
        self.requests: list[httpx2.Request] = []

    def client(self, handler: Handler, **kwargs: Any) -> Any:
        def recording(request: httpx2.Request) -> httpx2.Response:
            self.requests.append(request)
            return handler(request)

        http_class = httpx2.AsyncClient if self.is_async else httpx2.Client
        kwargs.setdefault("max_retries", 0)
        client = self.client_class(
            api_key=API_KEY,
            http_client=http_class(transport=httpx2.MockTransport(recording)),
            **kwargs,
        )
        self.clients.append(client)
        return client

    async def run(self, value: Any) -> Any:
        return await value if inspect.isawaitable(value) else value

    async def raises(self, call: Callable[[], Any]) -> Any:
        """The `APIStatusError` that `call()` raises (awaited on the async client)."""
        from errors_sdk import APIStatusError

        with pytest.raises(APIStatusError) as caught:
            await self.run(call())
        return caught.value

    async def close(self) -> None:
        for client in self.clients:
            await self.run(client.close())


@pytest.fixture(params=["sync", "async"])
async def calls(request: pytest.FixtureRequest) -> AsyncIterator[Calls]:
    helper = Calls(is_async=request.param == "async")
    yield helper
    await helper.close()


def answer(status: int, body: object = None, *, text: str | None = None, **headers: str) -> Handler:
    """A handler answering every request with `status` and a JSON `body` (or raw `text`)."""

    def handler(request: httpx2.Request) -> httpx2.Response:
        if text is not None:
            return httpx2.Response(status, text=text, headers=headers)
        return httpx2.Response(status, json=body, headers=headers)

    return handler


# ------------------------------------------------------------------ the lookup, without I/O


def test_lookup_takes_the_exact_code_then_the_range_then_default() -> None:
    from errors_sdk._failures import error_body_type

    errors = {"404": "exact", "4XX": "range", "default": "fallback"}
    assert error_body_type(errors, 404) == "exact"
    assert error_body_type(errors, 409) == "range"
    assert error_body_type(errors, 503) == "fallback"
    assert error_body_type({"5XX": "server"}, 502) == "server"
    assert error_body_type({"404": "exact"}, 400) is None
    assert error_body_type({}, 500) is None


# ------------------------------------------------------------------ calls


async def test_exact_status_body_is_the_declared_model(calls: Calls) -> None:
    from errors_sdk import NotFoundError
    from errors_sdk.types import Error

    body = {"error": {"message": "no widget w1", "type": "not_found", "code": "missing"}}
    client = calls.client(answer(404, body, **{"x-request-id": "req_404"}))
    error = await calls.raises(lambda: client.widgets.retrieve("w1"))
    assert type(error) is NotFoundError
    assert isinstance(error.body, Error)
    assert error.body.error.message == "no widget w1"
    assert error.body._request_id == "req_404"
    # The rest of the error is as without a declared body: message, code, raw JSON.
    assert "no widget w1" in error.message and error.message.startswith("Error code: 404")
    assert (error.code, error.type, error.request_id) == ("missing", "not_found", "req_404")
    assert error.response.json() == body


async def test_a_union_body_is_the_variant_that_matches(calls: Calls) -> None:
    from errors_sdk.types import RouteMissing

    client = calls.client(answer(404, {"error_msg": "Not Found. Check the URL."}))
    error = await calls.raises(lambda: client.widgets.retrieve("w1"))
    assert isinstance(error.body, RouteMissing)
    assert error.body.error_msg == "Not Found. Check the URL."


async def test_a_range_covers_the_codes_without_their_own(calls: Calls) -> None:
    from errors_sdk import ConflictError, InternalServerError
    from errors_sdk.types import ClientProblem, WidgetRetrieveServerError

    client = calls.client(answer(409, {"problem": "busy", "status": 409}))
    error = await calls.raises(lambda: client.widgets.retrieve("w1"))
    assert type(error) is ConflictError
    assert isinstance(error.body, ClientProblem) and error.body.problem == "busy"

    client = calls.client(answer(503, {"outage": "maintenance", "retry_in": 30}))
    error = await calls.raises(lambda: client.widgets.retrieve("w1"))
    assert type(error) is InternalServerError
    assert isinstance(error.body, WidgetRetrieveServerError)
    assert (error.body.outage, error.body.retry_in) == ("maintenance", 30)


async def test_default_covers_every_other_status(calls: Calls) -> None:
    from errors_sdk import NotFoundError
    from errors_sdk.types import Error

    client = calls.client(answer(404, {"error": {"message": "no such page"}}))
    error = await calls.raises(lambda: client.widgets.list())
    assert type(error) is NotFoundError
    assert isinstance(error.body, Error)


async def test_a_shared_response_is_one_model_for_every_operation(calls: Calls) -> None:
    from errors_sdk import AuthenticationError
    from errors_sdk.types import UnauthorizedResponse

    client = calls.client(answer(401, {"reason": "bad key"}))
    listed = await calls.raises(lambda: client.widgets.list())
    created = await calls.raises(lambda: client.widgets.create(name="w"))
    for error in (listed, created):
        assert type(error) is AuthenticationError
        assert type(error.body) is UnauthorizedResponse
        assert error.body.reason == "bad key"


async def test_a_validation_body_like_mistrals(calls: Calls) -> None:
    from errors_sdk import UnprocessableEntityError
    from errors_sdk.types import ValidationProblem

    detail = [{"loc": ["body", "name"], "msg": "too short", "type": "value_error"}]
    client = calls.client(answer(422, {"detail": detail}))
    error = await calls.raises(lambda: client.widgets.create(name="w"))
    assert type(error) is UnprocessableEntityError
    assert isinstance(error.body, ValidationProblem)
    assert error.body.detail[0].loc == ["body", "name"]
    assert error.body.detail[0].msg == "too short"


async def test_an_operation_declaring_no_body_keeps_the_untyped_one(calls: Calls) -> None:
    from errors_sdk import InternalServerError, NotFoundError

    client = calls.client(answer(404, {"error": {"message": "gone"}}))
    error = await calls.raises(lambda: client.widgets.delete("w1"))
    assert type(error) is NotFoundError
    assert error.body == {"message": "gone"}  # the inner `error` object, as always

    # A free-form schema types nothing: the body stays the decoded JSON.
    client = calls.client(answer(500, {"trace": "abc"}))
    error = await calls.raises(lambda: client.widgets.delete("w1"))
    assert type(error) is InternalServerError
    assert error.body == {"trace": "abc"}


async def test_a_body_that_does_not_match_keeps_the_raw_json(calls: Calls) -> None:
    from errors_sdk import NotFoundError, UnprocessableEntityError

    client = calls.client(answer(404, {"detail": "nope"}))
    error = await calls.raises(lambda: client.widgets.retrieve("w1"))
    assert type(error) is NotFoundError
    assert error.body == {"detail": "nope"}
    assert "nope" in error.message

    client = calls.client(answer(422, {"detail": "name is too short"}))
    error = await calls.raises(lambda: client.widgets.create(name="w"))
    assert type(error) is UnprocessableEntityError
    assert error.body == {"detail": "name is too short"}


async def test_a_body_that_is_not_json_or_empty_is_kept(calls: Calls) -> None:
    from errors_sdk import InternalServerError, NotFoundError

    page = "<html><head><title>502 Bad Gateway</title></head></html>"
    client = calls.client(answer(502, text=page))
    error = await calls.raises(lambda: client.widgets.retrieve("w1"))
    assert type(error) is InternalServerError
    assert error.body == page
    assert "502 Bad Gateway" in error.message

    client = calls.client(answer(404, text=""))
    error = await calls.raises(lambda: client.widgets.retrieve("w1"))
    assert type(error) is NotFoundError
    assert error.body is None


async def test_strict_validation_types_only_exact_bodies(calls: Calls) -> None:
    from errors_sdk.types import ClientProblem

    loose = {"problem": "busy", "status": "409"}  # a string where the spec says integer
    error = await calls.raises(lambda: calls.client(answer(409, loose)).widgets.retrieve("w"))
    assert isinstance(error.body, ClientProblem) and error.body.status == 409
    strict = calls.client(answer(409, loose), strict_response_validation=True)
    error = await calls.raises(lambda: strict.widgets.retrieve("w"))
    assert error.body == loose


async def test_the_api_key_never_reaches_a_typed_body(calls: Calls) -> None:
    from errors_sdk.types import UnauthorizedResponse

    client = calls.client(answer(401, {"reason": f"key {API_KEY} is revoked"}))
    error = await calls.raises(lambda: client.widgets.list())
    assert isinstance(error.body, UnauthorizedResponse)
    assert API_KEY not in error.body.reason
    assert API_KEY not in error.message


async def test_raw_responses_and_later_pages_are_typed_too(calls: Calls) -> None:
    from errors_sdk import APIStatusError, AuthenticationError
    from errors_sdk.types import Error, UnauthorizedResponse

    client = calls.client(answer(404, {"error": {"message": "gone"}}))
    error = await calls.raises(lambda: client.widgets.with_raw_response.retrieve("w1"))
    assert isinstance(error.body, Error)
    client = calls.client(answer(404, {"error": {"message": "gone"}}))
    with pytest.raises(APIStatusError) as caught:
        async with _maybe_async(client.widgets.with_streaming_response.retrieve("w1")):
            pass
    assert isinstance(caught.value.body, Error)

    def pages(request: httpx2.Request) -> httpx2.Response:
        if "after" not in request.url.params:
            return httpx2.Response(
                200, json={"data": [{"id": "w1", "name": "a"}], "has_more": True}
            )
        return httpx2.Response(401, json={"reason": "expired"})

    client = calls.client(pages)
    first = await calls.run(client.widgets.list())
    with pytest.raises(AuthenticationError) as caught:
        await calls.run(first.get_next_page())
    assert isinstance(caught.value.body, UnauthorizedResponse)


async def test_a_retried_status_is_typed_once_the_retries_are_spent(calls: Calls) -> None:
    from errors_sdk import InternalServerError
    from errors_sdk.types import WidgetRetrieveServerError

    client = calls.client(answer(503, {"outage": "overloaded"}), max_retries=1)
    client._sleep = _no_sleep_async if calls.is_async else _no_sleep
    error = await calls.raises(lambda: client.widgets.retrieve("w1"))
    assert len(calls.requests) == 2
    assert type(error) is InternalServerError
    assert isinstance(error.body, WidgetRetrieveServerError)


async def test_success_is_untouched(calls: Calls) -> None:
    from errors_sdk.types import Widget

    client = calls.client(answer(200, {"id": "w1", "name": "a"}))
    widget = await calls.run(client.widgets.retrieve("w1"))
    assert isinstance(widget, Widget) and widget.id == "w1"


def test_the_mapping_is_a_module_constant_built_once() -> None:
    """Declared bodies are looked up in a constant of the resource module, not built per call."""
    from errors_sdk.resources import widgets
    from errors_sdk.types import ClientProblem, Error, UnauthorizedResponse, ValidationProblem

    constants = {k: v for k, v in vars(widgets).items() if k.endswith("_ERRORS")}
    assert set(constants) == {"_LIST_ERRORS", "_CREATE_ERRORS", "_RETRIEVE_ERRORS"}
    assert constants["_CREATE_ERRORS"] == {
        "401": UnauthorizedResponse,
        "422": ValidationProblem,
        "default": Error,
    }
    assert constants["_RETRIEVE_ERRORS"]["4XX"] is ClientProblem
    assert list(constants["_RETRIEVE_ERRORS"]) == ["404", "4XX", "5XX", "default"]
    assert "errors=" not in inspect.getsource(widgets.Widgets.delete)


class _maybe_async:
    """`async with` over a sync or an async context manager."""

    def __init__(self, manager: Any) -> None:
        self.manager = manager

    async def __aenter__(self) -> Any:
        if hasattr(self.manager, "__aenter__"):
            return await self.manager.__aenter__()
        return self.manager.__enter__()

    async def __aexit__(self, *exc: object) -> None:
        if hasattr(self.manager, "__aexit__"):
            await self.manager.__aexit__(*exc)
        else:
            self.manager.__exit__(*exc)


def _no_sleep(seconds: float) -> None:
    return None


async def _no_sleep_async(seconds: float) -> None:
    return None


def test_messages_stay_json_when_the_body_is_typed() -> None:
    """`describe_error_body` (the untyped body and message) is unchanged by typing."""
    from errors_sdk._failures import describe_error_body

    body, detail = describe_error_body(json.dumps({"error": {"message": "m", "code": "c"}}))
    assert body == {"message": "m", "code": "c"} and detail == "m"
