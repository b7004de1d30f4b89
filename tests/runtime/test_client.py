"""The sync and async client shells over `httpx2.MockTransport` (one test body, both shells)."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx2
import pytest
from _runtime_support import API_KEY, Api
from things_sdk import AsyncThingsAPI, ThingsAPI, __version__
from things_sdk._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    ClientClosedError,
    InternalServerError,
    PaymentRequiredError,
    RateLimitError,
    SDKError,
)
from things_sdk._types import omit
from things_sdk.types import Thing

THING = {"id": "t1", "name": "n"}


def ok(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(200, json=THING, headers={"x-request-id": "req-ok"})


def statuses(*codes: int, headers: dict[str, str] | None = None) -> Any:
    """A handler answering `codes` in turn, then 200s."""
    remaining = list(codes)

    def handler(request: httpx2.Request) -> httpx2.Response:
        if remaining:
            return httpx2.Response(
                remaining.pop(0), json={"error": {"message": "nope"}}, headers=headers
            )
        return ok(request)

    return handler


async def test_call_returns_validated_model_with_request_id(api: Api) -> None:
    client = api.client(ok)
    thing = await api.run(client.things.create(name="n"))
    assert isinstance(thing, Thing) and thing.id == "t1"
    assert thing._request_id == "req-ok"
    request = api.requests[0]
    assert request.url == "https://api.test/v1/things"
    assert json.loads(request.content) == {"name": "n"}


async def test_default_headers(api: Api) -> None:
    client = api.client(ok, default_headers={"X-Team": "a"})
    await api.run(client.things.create(name="n"))
    headers = api.requests[0].headers
    assert headers["authorization"] == f"Bearer {API_KEY}"
    assert headers["accept"] == "application/json"
    assert headers["user-agent"] == f"things-sdk/Python {__version__}"  # sdk.yaml: distribution
    assert headers["x-team"] == "a"
    assert not [name for name in headers if name.lower().startswith("x-stainless")]


async def test_user_authorization_header_wins(api: Api) -> None:
    client = api.client(ok, default_headers={"Authorization": "Token abc"})
    await api.run(client.things.create(name="n", extra_headers={"User-Agent": omit}))
    assert api.requests[0].headers["authorization"] == "Token abc"
    assert (
        "python-httpx2" in api.requests[0].headers["user-agent"]
    )  # ours omitted, httpx2's remains


async def test_leading_keep_alive_blank_lines_are_ignored(api: Api) -> None:
    client = api.client(
        lambda r: httpx2.Response(200, content=b"\n\n\r\n" + json.dumps(THING).encode())
    )
    assert (await api.run(client.things.create(name="n"))).id == "t1"


async def test_retries_then_succeeds_with_one_idempotency_key(api: Api) -> None:
    client = api.client(statuses(503, 500))
    assert (await api.run(client.things.create(name="n"))).id == "t1"
    assert len(api.requests) == 3
    keys = {r.headers["idempotency-key"] for r in api.requests}
    assert len(keys) == 1 and keys.pop().startswith("sdk-retry-")
    assert api.clock.sleeps == [0.5, 1.0]


async def test_get_has_no_idempotency_key(api: Api) -> None:
    client = api.client(statuses(503))
    await api.run(client.things.retrieve("t1"))
    assert len(api.requests) == 2
    assert all("idempotency-key" not in r.headers for r in api.requests)


async def test_retries_exhausted_raises_last_status_error(api: Api) -> None:
    client = api.client(statuses(503, 503, 503, 503))
    with pytest.raises(InternalServerError, match="Error code: 503 - nope"):
        await api.run(client.things.create(name="n"))
    assert len(api.requests) == 3


@pytest.mark.parametrize(("where", "attempts"), [("client", 1), ("with_options", 5), ("call", 2)])
async def test_max_retries_per_client_with_options_and_call(
    api: Api, where: str, attempts: int
) -> None:
    client = api.client(statuses(*[500] * 10), max_retries=0)
    with pytest.raises(InternalServerError):
        if where == "client":
            await api.run(client.things.create(name="n"))
        elif where == "with_options":
            await api.run(client.with_options(max_retries=4).things.create(name="n"))
        else:
            await api.run(client.things.create(name="n", max_retries=1))
    assert len(api.requests) == attempts


async def test_402_and_insufficient_quota_429_are_not_retried(api: Api) -> None:
    client = api.client(statuses(402, 402))
    with pytest.raises(PaymentRequiredError):
        await api.run(client.things.create(name="n"))
    quota = {"error": {"message": "You exceeded your current quota", "code": "insufficient_quota"}}
    client = api.client(lambda r: httpx2.Response(429, json=quota))
    with pytest.raises(RateLimitError) as info:
        await api.run(client.things.create(name="n"))
    assert info.value.code == "insufficient_quota"
    assert len(api.requests) == 2  # one attempt each


async def test_retry_after_is_honoured_and_a_longer_one_raises_now(api: Api) -> None:
    client = api.client(statuses(429, headers={"retry-after": "7"}))
    await api.run(client.things.create(name="n"))
    assert api.clock.sleeps == [7.0]
    client = api.client(statuses(429, headers={"retry-after": "120"}))
    with pytest.raises(RateLimitError):
        await api.run(client.things.create(name="n"))
    assert api.clock.sleeps == [7.0]


async def test_x_should_retry_overrides_status(api: Api) -> None:
    client = api.client(statuses(400, headers={"x-should-retry": "true"}))
    assert (await api.run(client.things.create(name="n"))).id == "t1"
    client = api.client(statuses(503, headers={"x-should-retry": "false"}))
    with pytest.raises(InternalServerError):
        await api.run(client.things.create(name="n"))


async def test_connection_errors_are_retried_then_wrapped(api: Api) -> None:
    def refuse(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ConnectError("[Errno 111] Connection refused", request=request)

    client = api.client(refuse)
    with pytest.raises(APIConnectionError, match="Connection refused") as info:
        await api.run(client.things.create(name="n"))
    assert not isinstance(info.value, APITimeoutError)
    assert isinstance(info.value.__cause__, httpx2.ConnectError)
    assert len(api.requests) == 3


async def test_timeouts_are_retried_and_say_which_timeout(api: Api) -> None:
    def slow(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ReadTimeout("timed out", request=request)

    client = api.client(slow, timeout=20.0)
    with pytest.raises(APITimeoutError, match="read timeout of 20 s") as info:
        await api.run(client.things.create(name="n"))
    assert "timeout=" in str(info.value)
    assert len(api.requests) == 3


async def test_exceptions_from_hooks_are_not_retried_or_wrapped(api: Api) -> None:
    class HookError(Exception):
        pass

    def hook(request: httpx2.Request) -> None:
        raise HookError("from a hook")

    async def async_hook(request: httpx2.Request) -> None:
        hook(request)

    transport = httpx2.MockTransport(ok)
    hooks = {"request": [async_hook if api.is_async else hook]}
    http_client = (
        httpx2.AsyncClient(transport=transport, event_hooks=hooks)
        if api.is_async
        else httpx2.Client(transport=transport, event_hooks=hooks)
    )
    client = api.client(ok, http_client=http_client)
    with pytest.raises(HookError):
        await api.run(client.things.create(name="n"))
    assert api.clock.sleeps == []


async def test_timeout_per_client_with_options_and_call(api: Api) -> None:
    client = api.client(ok)
    await api.run(client.things.create(name="n"))
    await api.run(client.with_options(timeout=7.0).things.create(name="n"))
    await api.run(client.things.create(name="n", timeout=httpx2.Timeout(3.0, connect=1.0)))
    timeouts = [r.extensions["timeout"] for r in api.requests]
    assert timeouts[0] == {"connect": 5.0, "read": 600.0, "write": 600.0, "pool": 600.0}
    assert timeouts[1] == {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}
    assert timeouts[2] == {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0}


def take(api: Api, request: httpx2.Request, seconds: float) -> None:
    """Let `seconds` pass on the fake clock, as a server that slow would, honouring the read timeout."""
    read_timeout = request.extensions["timeout"]["read"]
    if read_timeout is not None and seconds > read_timeout:
        api.clock.advance(read_timeout)
        raise httpx2.ReadTimeout("timed out", request=request)
    api.clock.advance(seconds)


async def test_deadline_bounds_retries_of_a_slow_failing_server(api: Api) -> None:
    def slow_503(request: httpx2.Request) -> httpx2.Response:
        take(api, request, 4.0)
        return httpx2.Response(503)

    client = api.client(slow_503, max_retries=100)
    with pytest.raises(APITimeoutError, match="deadline of 10 s exceeded after 3 attempt"):
        await api.run(client.things.create(name="n", deadline=10.0))
    # 4 s, wait 0.5 s, 4 s, wait 1 s, then only 0.5 s is left for the third attempt
    assert [r.extensions["timeout"]["read"] for r in api.requests] == [10.0, 5.5, 0.5]
    assert api.clock.sleeps == [0.5, 1.0]
    assert api.clock.now == 1010.0


async def test_deadline_stops_retrying_when_the_wait_would_pass_it(api: Api) -> None:
    def slow_503(request: httpx2.Request) -> httpx2.Response:
        take(api, request, 4.5)
        return httpx2.Response(503)

    client = api.client(slow_503, max_retries=100)
    with pytest.raises(InternalServerError):  # the real failure, not a timeout
        await api.run(client.things.create(name="n", deadline=10.0))
    assert len(api.requests) == 2  # 4.5 + 0.5 + 4.5 = 9.5; a 1 s wait would pass 10 s
    assert api.clock.now == 1009.5


async def test_deadline_hit_by_connection_errors_raises_deadline_timeout(api: Api) -> None:
    def reset(request: httpx2.Request) -> httpx2.Response:
        take(api, request, 3.0)
        raise httpx2.ReadError("connection reset", request=request)

    client = api.client(reset, max_retries=100, deadline=8.0)
    with pytest.raises(APITimeoutError, match="deadline of 8 s exceeded after 3 attempt"):
        await api.run(client.things.create(name="n"))
    assert api.clock.now == 1008.0


async def test_deadline_can_be_disabled_per_call(api: Api) -> None:
    client = api.client(statuses(503, 503), deadline=0.1)
    assert (await api.run(client.things.create(name="n", deadline=None))).id == "t1"
    assert all(r.extensions["timeout"]["read"] == 600.0 for r in api.requests)


async def test_body_that_does_not_validate_is_built_leniently_by_default(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    client = api.client(lambda r: httpx2.Response(200, json={"name": 5, "new": [1]}))
    with caplog.at_level(logging.DEBUG):
        thing = await api.run(client.things.create(name="n"))
    assert isinstance(thing, Thing)
    assert thing.id is None  # required but missing: None, not an AttributeError
    assert thing.name == 5  # wrong type: kept as sent
    assert thing.new == [1]  # type: ignore[attr-defined]  # unknown field kept
    assert thing.to_dict(warnings=False) == {"name": 5, "new": [1]}
    assert "does not match Thing" in caplog.text
    assert "first at id: Field required" in caplog.text
    client = api.client(lambda r: httpx2.Response(200, content=b"<html>oops</html>"))
    with pytest.raises(APIResponseValidationError):  # not JSON: never lenient
        await api.run(client.things.create(name="n"))


async def test_strict_response_validation_raises_with_the_body(api: Api) -> None:
    client = api.client(
        lambda r: httpx2.Response(200, json={"name": "no id"}), strict_response_validation=True
    )
    with pytest.raises(
        APIResponseValidationError, match="does not match Thing: id: Field required"
    ) as info:
        await api.run(client.things.create(name="n"))
    assert info.value.body == {"name": "no id"}
    assert info.value.status_code == 200
    lenient = client.with_options(strict_response_validation=False)
    assert (await api.run(lenient.things.create(name="n"))).name == "no id"
    strict_again = lenient.copy(strict_response_validation=True)
    with pytest.raises(APIResponseValidationError):
        await api.run(strict_again.things.create(name="n"))
    client = api.client(lambda r: httpx2.Response(200, content=b"<html>oops</html>"))
    with pytest.raises(APIResponseValidationError) as info:
        await api.run(client.things.create(name="n"))
    assert info.value.body == "<html>oops</html>"


async def test_path_params_are_encoded_and_empty_ones_rejected_before_sending(api: Api) -> None:
    client = api.client(ok)
    await api.run(client.things.retrieve("a/b?c"))
    assert api.requests[0].url.raw_path == b"/v1/things/a%2Fb%3Fc"
    with pytest.raises(ValueError, match="Expected a non-empty value for `thing_id`"):
        await api.run(client.things.retrieve(""))
    with pytest.raises(ValueError, match="thing_id"):
        await api.run(client.things.retrieve(".."))
    assert len(api.requests) == 1


async def test_crlf_in_headers_is_rejected(api: Api) -> None:
    client = api.client(ok)
    with pytest.raises(ValueError, match="X-Injected"):
        await api.run(
            client.things.create(name="n", extra_headers={"X-Injected": "a\r\nHost: evil"})
        )
    with pytest.raises(ValueError, match="X-Default"):
        api.client(ok, default_headers={"X-Default": "a\nb"})
    assert api.requests == []


async def test_extra_query_and_extra_body(api: Api) -> None:
    client = api.client(ok, default_query={"tenant": "t"})
    await api.run(
        client.things.create(
            name="n", extra_query={"debug": True}, extra_body={"name": "override", "more": [1]}
        )
    )
    request = api.requests[0]
    assert dict(request.url.params) == {"tenant": "t", "debug": "true"}
    assert json.loads(request.content) == {"name": "override", "more": [1]}


async def test_key_never_in_repr_logs_or_errors(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    client = api.client(
        lambda r: httpx2.Response(401, json={"error": {"message": f"invalid key {API_KEY}"}})
    )
    assert API_KEY not in repr(client)
    assert "****" in repr(client) and "https://api.test/v1/" in repr(client)
    with (
        caplog.at_level(logging.DEBUG, logger="things_sdk"),
        pytest.raises(AuthenticationError) as info,
    ):
        await api.run(client.things.create(name="n"))
    assert API_KEY not in str(info.value) and API_KEY not in repr(info.value.body)
    assert "Request: POST https://api.test/v1/things" in caplog.text
    assert "<redacted>" in caplog.text
    assert API_KEY not in caplog.text


async def test_retry_is_logged_at_info(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    client = api.client(statuses(503))
    with caplog.at_level(logging.INFO, logger="things_sdk"):
        await api.run(client.things.create(name="n"))
    assert (
        "Retrying POST https://api.test/v1/things in 0.50 s (retry 1 of 2) after HTTP 503"
        in caplog.text
    )


async def test_with_options_shares_the_pool_and_closing_the_copy_keeps_it(api: Api) -> None:
    client = api.client(ok, default_headers={"A": "1"})
    copy = client.with_options(timeout=3.0, default_headers={"B": "2"}, deadline=5.0)
    assert copy._client is client._client
    assert copy is not client and type(copy) is type(client)
    assert copy.things._client is copy  # resources are rebuilt for the copy
    assert client.things._client is client
    assert copy.default_headers["A"] == "1" and copy.default_headers["B"] == "2"
    assert "B" not in client.default_headers
    assert client.with_options(set_default_headers={"C": "3"}).default_headers.get("A") is None
    assert (copy.timeout, copy.deadline, copy.max_retries) == (httpx2.Timeout(3.0), 5.0, 2)
    await api.run(copy.close())
    assert not client.is_closed()
    await api.run(client.things.create(name="n"))
    await api.run(client.close())
    assert client.is_closed() and copy.is_closed()
    for closed in (client, copy):
        with pytest.raises(ClientClosedError, match=r"client is closed .*create a new client"):
            await api.run(closed.things.create(name="n"))


async def test_copy_rejects_conflicting_arguments(api: Api) -> None:
    client = api.client(ok)
    with pytest.raises(ValueError, match="set_default_headers"):
        client.copy(default_headers={"a": "1"}, set_default_headers={"b": "2"})
    with pytest.raises(ValueError, match="set_default_query"):
        client.copy(default_query={"a": "1"}, set_default_query={"b": "2"})


async def test_context_manager_closes_the_pool(api: Api) -> None:
    client = api.client(ok)
    if api.is_async:
        async with client as entered:
            await entered.things.create(name="n")
    else:
        with client as entered:
            entered.things.create(name="n")
    assert client.is_closed()


async def test_low_level_verbs(api: Api) -> None:
    client = api.client(ok)
    assert (await api.run(client.post("/things", cast_to=Thing, body={"name": "x"}))).id == "t1"
    raw = await api.run(client.get("/things/t1", cast_to=httpx2.Response))
    assert isinstance(raw, httpx2.Response) and raw.status_code == 200
    assert await api.run(client.delete("/things/t1", cast_to=dict)) == THING
    assert await api.run(client.put("/things/t1", cast_to=str, body={})) == json.dumps(
        THING, separators=(",", ":")
    )
    assert await api.run(client.patch("/things/t1", cast_to=type(None), body={})) is None
    assert [r.method for r in api.requests] == ["POST", "GET", "DELETE", "PUT", "PATCH"]


def test_missing_key_and_wrong_http_client_are_clear_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(
        SDKError, match="passing api_key to the client or by setting the THINGS_API"
    ):
        ThingsAPI(api_key="")
    with pytest.raises(TypeError, match="Client"):
        ThingsAPI(http_client=httpx2.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=r"httpx2\.AsyncClient, got Client \(an httpx2\.Client is for"
    ):
        AsyncThingsAPI(http_client=httpx2.Client())  # type: ignore[arg-type]
    monkeypatch.delenv("THINGS_API_KEY")
    with pytest.raises(SDKError, match="THINGS_API_KEY environment variable"):
        ThingsAPI()
    with pytest.raises(TypeError, match="api_key must be a str, got int"):
        ThingsAPI(api_key=123)  # type: ignore[arg-type]  # the runtime's own check


@pytest.mark.parametrize("client_cls", [ThingsAPI, AsyncThingsAPI])
def test_an_encode_httpx_client_is_refused_with_how_to_switch(client_cls: Any) -> None:
    """httpx2 has httpx's API but its own classes: an `httpx` client is named as such."""
    httpx = pytest.importorskip("httpx")
    expected = "AsyncClient" if client_cls is AsyncThingsAPI else "Client"
    legacy_cls = getattr(httpx, expected)
    subclass = type("Tuned", (legacy_cls,), {})  # what a user or a library derives from it
    for legacy, name in ((legacy_cls(), f"httpx.{expected}"), (subclass(), "Tuned")):
        message = rf"must be an httpx2\.{expected}, got \S*{name} from encode's httpx\."
        with pytest.raises(TypeError, match=message) as info:
            client_cls(http_client=legacy)
        assert f"httpx2.{expected}(...)" in str(info.value)
        assert "import httpx2" in str(info.value) and "alias_httpx" in str(info.value)
        with pytest.raises(TypeError, match="from encode's httpx"):
            client_cls().with_options(http_client=legacy)


def test_custom_http_client_timeout_is_adopted_and_default_client_trusts_env() -> None:
    custom = ThingsAPI(http_client=httpx2.Client(timeout=12.0))
    assert custom.timeout == httpx2.Timeout(12.0)
    default = ThingsAPI()
    assert default.timeout == httpx2.Timeout(600, connect=5)
    assert default._client.trust_env
    default.close()
    custom.close()


@pytest.mark.parametrize("client_cls", [ThingsAPI, AsyncThingsAPI])
async def test_default_pool_is_created_on_first_use_and_shared_by_copies(client_cls: Any) -> None:
    client = client_cls()
    copy = client.with_options(timeout=3.0)
    assert client._pool.client is None and copy._pool is client._pool  # nothing built yet
    pool = copy._client  # first use, through the copy
    assert isinstance(pool, client._httpx_class()) and client._client is pool
    assert client.copy(max_retries=0)._client is pool
    await _close(copy)
    assert not client.is_closed()  # the copy does not own it
    await _close(client)
    assert pool.is_closed and client.is_closed()


@pytest.mark.parametrize("client_cls", [ThingsAPI, AsyncThingsAPI])
async def test_closing_a_client_that_never_sent_creates_no_pool(client_cls: Any) -> None:
    client = client_cls()
    assert not client.is_closed()
    await _close(client)
    assert client.is_closed() and client._pool.client is None
    with pytest.raises(RuntimeError, match="client has been closed"):
        client._client  # noqa: B018


async def _close(client: Any) -> None:
    result = client.close()
    if result is not None:
        await result
