"""Auth on the wire: what each security scheme makes a request carry, in `auth_sdk` (generated
from spec/auth.yaml, one operation per way a spec asks for credentials), sync and async.

Each test runs a call against `httpx2.MockTransport` and looks at the request the server got.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2
import pytest
from auth_sdk import AsyncAuthAPI, AuthAPI, AuthAPIError, AuthenticationError

BASE = "https://auth.test/v1"
TOKEN_URL = "https://login.auth.test/oauth/token"
ENV = (
    "API_KEY", "APP_ID", "APP_SECRET", "APP_SIGNATURE", "USERNAME", "PASSWORD", "BOT_TOKEN",
    "COOKIE_KEY", "HEADER_KEY", "IMPLICIT_TOKEN", "CLIENT_ID", "CLIENT_SECRET",
    "OAUTH_ACCESS_TOKEN", "OIDC_ACCESS_TOKEN", "QUERY_KEY",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _no_credentials_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(f"AUTH_SDK_{name}", raising=False)


class Server:
    """Records every request; answers the token endpoint with a token per fetch."""

    def __init__(self, *, status: int = 200, body: dict[str, Any] | None = None) -> None:
        self.requests: list[httpx2.Request] = []
        self.tokens = 0
        self.status = status
        self.body = body if body is not None else {"ok": True}
        self.lifetime: float | None = 100
        self.lock = threading.Lock()

    def answer(self, request: httpx2.Request) -> httpx2.Response:
        with self.lock:
            self.requests.append(request)
            if str(request.url) == TOKEN_URL:
                self.tokens += 1
                token = {"access_token": f"tok-{self.tokens}", "token_type": "bearer"}
                if self.lifetime is not None:
                    token["expires_in"] = self.lifetime  # type: ignore[assignment]
                return httpx2.Response(200, json=token)
        return httpx2.Response(self.status, json=self.body)

    def handler(self, is_async: bool, delay: float = 0.0) -> Callable[[httpx2.Request], Any]:
        if not is_async:

            def sync(request: httpx2.Request) -> httpx2.Response:
                if delay and str(request.url) == TOKEN_URL:
                    time.sleep(delay)
                return self.answer(request)

            return sync

        async def handle(request: httpx2.Request) -> httpx2.Response:
            if delay and str(request.url) == TOKEN_URL:
                await asyncio.sleep(delay)
            return self.answer(request)

        return handle

    @property
    def last(self) -> httpx2.Request:
        return self.requests[-1]

    def api_requests(self) -> list[httpx2.Request]:
        return [r for r in self.requests if str(r.url) != TOKEN_URL]


def make(is_async: bool, server: Server, delay: float = 0.0, **options: Any) -> Any:
    transport = httpx2.MockTransport(server.handler(is_async, delay))
    if is_async:
        return AsyncAuthAPI(http_client=httpx2.AsyncClient(transport=transport), **options)
    return AuthAPI(http_client=httpx2.Client(transport=transport), max_retries=0, **options)


async def call(client: Any, resource: str, method: str = "retrieve") -> Any:
    result = getattr(getattr(client, resource), method)()
    if asyncio.iscoroutine(result):
        result = await result
    return result


def resources(client: Any) -> list[str]:
    return [name for name in dir(client) if not name.startswith("_")]


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    return request.param == "async"


async def test_the_default_bearer_token(is_async: bool) -> None:
    server = Server()
    client = make(is_async, server, api_key="tok-123")
    await call(client, "things")
    assert server.last.headers["Authorization"] == "Bearer tok-123"
    # a simple bearer API's header is a client default, as openai-python has it
    assert client.default_headers["Authorization"] == "Bearer tok-123"


async def test_an_api_key_in_a_header_or_in_the_query(is_async: bool) -> None:
    server = Server()
    await call(make(is_async, server, header_key="hk-1"), "either")
    assert server.last.headers["X-Api-Key"] == "hk-1"
    assert server.last.url.params.get("key") is None
    assert "Authorization" not in server.last.headers
    await call(make(is_async, server, query_key="qk-1"), "either")
    assert server.last.url.params["key"] == "qk-1"
    assert "X-Api-Key" not in server.last.headers
    # both given: the spec's first alternative wins
    await call(make(is_async, server, header_key="hk-2", query_key="qk-2"), "either")
    assert server.last.headers["X-Api-Key"] == "hk-2"
    assert "key" not in server.last.url.params
    with pytest.raises(AuthAPIError) as caught:
        await call(make(is_async, server, api_key="b"), "either")
    assert str(caught.value) == (
        "GET /v1/either needs credentials the client was not given: pass header_key= to the "
        "client or set AUTH_SDK_HEADER_KEY; or pass query_key= to the client or set "
        "AUTH_SDK_QUERY_KEY"
    )


async def test_three_keys_required_together(is_async: bool) -> None:
    server = Server()
    keys = {"app_id": "id-1", "app_secret": "sec-1", "app_signature": "sig-1"}
    await call(make(is_async, server, **keys), "together")
    headers = server.last.headers
    assert (headers["X-App-Id"], headers["X-App-Secret"], headers["X-App-Signature"]) == (
        "id-1",
        "sec-1",
        "sig-1",
    )
    partial = make(is_async, server, app_id="id-1", app_secret="sec-1")
    count = len(server.requests)
    with pytest.raises(AuthAPIError, match=r"pass app_signature= to the client or set "
                       r"AUTH_SDK_APP_SIGNATURE$"):  # fmt: skip
        await call(partial, "together")
    assert len(server.requests) == count  # nothing was sent


async def test_a_cookie_key_a_scheme_word_and_basic(is_async: bool) -> None:
    server = Server()
    client = make(
        is_async, server, cookie_key="c-1", bot_token="bt-1", username="u", password="p:w"
    )
    await call(client, "cookie")
    assert server.last.headers["Cookie"] == "session=c-1"
    await call(client, "bot")
    assert server.last.headers["Authorization"] == "Bot bt-1"
    await call(client, "basic")
    expected = "Basic " + base64.b64encode(b"u:p:w").decode()
    assert server.last.headers["Authorization"] == expected
    with pytest.raises(AuthAPIError, match="pass username= to the client or set "
                       "AUTH_SDK_USERNAME and pass password= to the client or set "
                       "AUTH_SDK_PASSWORD"):  # fmt: skip
        await call(make(is_async, server, username="u"), "basic")


async def test_openid_connect_and_a_flow_the_sdk_does_not_run_take_a_token(
    is_async: bool,
) -> None:
    server = Server()
    client = make(is_async, server, oidc_access_token="oidc-1", implicit_token="imp-1")
    await call(client, "oidc")
    assert server.last.headers["Authorization"] == "Bearer oidc-1"
    await call(client, "implicit")
    assert server.last.headers["Authorization"] == "Bearer imp-1"


async def test_security_none_sends_nothing_and_optional_sends_what_it_has(is_async: bool) -> None:
    server = Server()
    hooked: list[str] = []

    def hook(request: httpx2.Request) -> None:
        hooked.append(request.url.path)

    client = make(is_async, server, api_key="b-1", cookie_key="c", auth_hook=hook)
    await call(client, "public")
    assert "Authorization" not in server.last.headers
    assert "Cookie" not in server.last.headers
    assert hooked == []  # `security: []`: no credentials, not even the hook's
    await call(client, "optional")
    assert server.last.headers["Authorization"] == "Bearer b-1"
    await call(make(is_async, server), "optional")
    assert "Authorization" not in server.last.headers
    await call(make(is_async, server), "public")  # a client with no credentials at all


async def test_a_missing_default_credential_fails_at_call_time_naming_argument_and_env(
    is_async: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = Server()
    client = make(is_async, server)  # constructing needs nothing: some operations need no key
    with pytest.raises(AuthAPIError) as caught:
        await call(client, "things")
    assert "pass api_key= to the client or set AUTH_SDK_API_KEY" in str(caught.value)
    assert server.requests == []
    monkeypatch.setenv("AUTH_SDK_API_KEY", "from-env")
    await call(make(is_async, server), "things")
    assert server.last.headers["Authorization"] == "Bearer from-env"


async def test_oauth2_client_credentials_fetch_cache_and_refresh(is_async: bool) -> None:
    server = Server()
    client = make(is_async, server, client_id="cid", client_secret="csecret")
    now = [1000.0]
    client._clock = lambda: now[0]
    await call(client, "oauth")
    token_request, api_request = server.requests
    assert str(token_request.url) == TOKEN_URL and token_request.method == "POST"
    form = urllib.parse.parse_qs(token_request.content.decode())
    assert form == {"grant_type": ["client_credentials"], "scope": ["things.read"]}
    assert (
        token_request.headers["Authorization"]
        == "Basic " + base64.b64encode(b"cid:csecret").decode()
    )
    assert api_request.headers["Authorization"] == "Bearer tok-1"
    now[0] += 80  # expires_in 100: still fresh
    await call(client, "oauth")
    assert server.tokens == 1 and server.last.headers["Authorization"] == "Bearer tok-1"
    now[0] += 11  # 91 s: inside the last tenth of its life, fetched again before it expires
    await call(client, "oauth")
    assert server.tokens == 2 and server.last.headers["Authorization"] == "Bearer tok-2"
    # a copy with the same credentials shares the cached token
    await call(client.with_options(timeout=5), "oauth")
    assert server.tokens == 2


async def test_oauth2_one_fetch_for_many_concurrent_calls(is_async: bool) -> None:
    server = Server()
    client = make(is_async, server, delay=0.05, client_id="cid", client_secret="cs")
    if is_async:
        await asyncio.gather(*(call(client, "oauth") for _ in range(20)))
    else:
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda _: client.oauth.retrieve(), range(20)))
    assert server.tokens == 1
    assert len(server.api_requests()) == 20
    assert {r.headers["Authorization"] for r in server.api_requests()} == {"Bearer tok-1"}


async def test_oauth2_tokens_are_per_scope_set(is_async: bool) -> None:
    server = Server()
    client = make(is_async, server, delay=0.02, client_id="cid", client_secret="cs")
    if is_async:
        await asyncio.gather(*(call(client, name) for name in ["oauth", "admin"] * 10))
    else:
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda name: call_sync(client, name), ["oauth", "admin"] * 10))
    assert server.tokens == 2  # one fetch per scope set, however many calls at once
    scopes = {
        urllib.parse.parse_qs(r.content.decode())["scope"][0]: r
        for r in server.requests
        if str(r.url) == TOKEN_URL
    }
    assert sorted(scopes) == ["things.read", "things.read things.write"]
    by_path: dict[str, set[str]] = {}
    for request in server.api_requests():
        by_path.setdefault(request.url.path, set()).add(request.headers["Authorization"])
    assert len(by_path["/v1/oauth"]) == len(by_path["/v1/admin"]) == 1
    assert by_path["/v1/oauth"] != by_path["/v1/admin"]  # each sent the token of its scopes
    await call(client, "admin")
    assert server.tokens == 2  # cached per scope set


def call_sync(client: Any, resource: str) -> Any:
    return getattr(client, resource).retrieve()


async def test_oauth2_a_ready_access_token_is_sent_without_a_fetch(is_async: bool) -> None:
    server = Server()
    await call(make(is_async, server, oauth_access_token="ready-1"), "oauth")
    assert server.tokens == 0
    assert server.last.headers["Authorization"] == "Bearer ready-1"
    with pytest.raises(AuthAPIError, match=r"pass client_id= to the client or set "
                       r"AUTH_SDK_CLIENT_ID and pass client_secret= .* or pass "
                       r"oauth_access_token="):  # fmt: skip
        await call(make(is_async, server), "oauth")


async def test_a_refused_token_request_is_an_authentication_error_without_the_secret(
    is_async: bool,
) -> None:
    def refuse(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(401, json={"error": "invalid_client: csecret-9876543210abcdef"})

    transport = httpx2.MockTransport(refuse)
    cls, http = (AsyncAuthAPI, httpx2.AsyncClient) if is_async else (AuthAPI, httpx2.Client)
    client = cls(
        client_id="cid",
        client_secret="csecret-9876543210abcdef",
        http_client=http(transport=transport),
    )
    with pytest.raises(AuthenticationError) as caught:
        await call(client, "oauth")
    assert "csecret-9876543210abcdef" not in str(caught.value)


async def test_the_auth_hook_sees_every_attempt(is_async: bool) -> None:
    server = Server()
    seen: list[str] = []

    def sign(request: httpx2.Request) -> httpx2.Request:
        seen.append(request.headers["Authorization"])
        request.headers["X-Signature"] = f"sig-{len(seen)}"
        return request

    await call(make(is_async, server, api_key="b-1", auth_hook=sign), "things")
    assert seen == ["Bearer b-1"]
    assert server.last.headers["X-Signature"] == "sig-1"


async def test_an_explicit_authorization_header_wins(is_async: bool) -> None:
    server = Server()
    client = make(is_async, server, api_key="b-1", header_key="hk")
    await call(client.with_options(default_headers={"Authorization": "Custom x"}), "things")
    assert server.last.headers["Authorization"] == "Custom x"
    await call(client, "either")  # an operation with its own security drops the default's
    assert "Authorization" not in server.last.headers
    assert server.last.headers["X-Api-Key"] == "hk"


async def test_credentials_never_appear_in_repr_logs_or_errors(
    is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    secrets = {
        "api_key": "bearer-secret-0123456789",
        "query_key": "query-secret-0123456789",
        "header_key": "header-secret-012345678",
        "app_id": "appid-secret-0123456789",
    }
    server = Server(status=400, body={"error": {"message": f"bad key {secrets['query_key']}"}})
    client = make(is_async, server, **secrets)
    text = repr(client)
    assert not any(value in text for value in secrets.values())
    assert "api_key='****6789'" in text
    caplog.set_level(logging.DEBUG, logger="auth_sdk")
    with pytest.raises(AuthAPIError) as caught:
        await call(client.with_options(default_query={"x": "1"}), "things")
    with pytest.raises(AuthAPIError) as caught_query:
        await call(make(is_async, server, query_key=secrets["query_key"]), "either")
    logged = caplog.text
    assert "GET https://auth.test/v1/either?key=<redacted>" in logged
    for value in secrets.values():
        assert value not in logged
        assert value not in str(caught.value)
        assert value not in str(caught_query.value)
    assert server.last.url.params["key"] == secrets["query_key"]  # and yet it was sent


def test_copies_replace_credentials() -> None:
    server = Server()
    client = make(False, server, api_key="b-1")
    other = client.copy(credentials={"api_key": "b-2"})
    other.things.retrieve()
    assert server.last.headers["Authorization"] == "Bearer b-2"
    client.things.retrieve()
    assert server.last.headers["Authorization"] == "Bearer b-1"
    assert other.api_key == "b-2" and client.api_key == "b-1"


def test_constructor_arguments_follow_the_schemes() -> None:
    import inspect

    params = list(inspect.signature(AuthAPI.__init__).parameters)
    assert params[1:17] == [
        "api_key", "app_id", "app_secret", "app_signature", "username", "password", "bot_token",
        "cookie_key", "header_key", "implicit_token", "client_id", "client_secret",
        "oauth_access_token", "oidc_access_token", "query_key", "auth_hook",
    ]  # fmt: skip
