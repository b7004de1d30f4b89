"""Unit tests of the sans-I/O core: request preparation, retry policy, error construction."""

from __future__ import annotations

import email.utils
import json
import math
from typing import Any

import httpx2
import pytest
from things_sdk import _core
from things_sdk._core import (
    ClientConfig,
    FinalRequestOptions,
    backoff_delay,
    plan_retry,
    prepare_call,
    retry_after_seconds,
    should_retry_status,
)
from things_sdk._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from things_sdk._failures import describe_error_body, make_status_error
from things_sdk._types import NOT_GIVEN, omit

KEY = "sk-secret-abcdefghijklmnop"


def config(**overrides: object) -> ClientConfig:
    values: dict[str, object] = {
        "base_url": "https://api.test/beta",
        "headers": {"Accept": "application/json", "Authorization": f"Bearer {KEY}"},
        "default_query": None,
        "timeout": httpx2.Timeout(600, connect=5),
        "max_retries": 2,
        "deadline": None,
        "idempotency_header": "Idempotency-Key",
        "secrets": (KEY,),
    }
    values.update(overrides)
    return ClientConfig(**values)  # type: ignore[arg-type]


def prepare(
    method: str = "post", path: str = "/chat/completions", **kwargs: object
) -> _core.PreparedCall:
    cfg = kwargs.pop("cfg", None) or config()
    return prepare_call(cfg, FinalRequestOptions(method, path, **kwargs), stream=False, now=100.0)  # type: ignore[arg-type]


def response(
    status: int, content: bytes = b"", headers: dict[str, str] | None = None
) -> httpx2.Response:
    return httpx2.Response(
        status,
        content=content,
        headers=headers,
        request=httpx2.Request("POST", "https://api.test/x"),
    )


# --- request preparation -----------------------------------------------------------------


def test_url_keeps_base_path_prefix_and_absolute_urls_pass_through() -> None:
    assert prepare(path="/chat/completions").url == "https://api.test/beta/chat/completions"
    assert prepare(path="models").url == "https://api.test/beta/models"
    assert (
        prepare(cfg=config(base_url="https://api.test/beta///")).url
        == "https://api.test/beta/chat/completions"
    )
    assert prepare(path="https://other.test/p?x=1").url == "https://other.test/p?x=1"


def test_body_is_compact_utf8_json_without_not_given_and_with_null() -> None:
    call = prepare(body={"model": "m", "stop": None, "user": NOT_GIVEN, "text": "héllo ✓"})
    assert call.content == '{"model":"m","stop":null,"text":"héllo ✓"}'.encode()
    assert call.headers["Content-Type"] == "application/json"


def test_nan_in_body_is_rejected() -> None:
    with pytest.raises(ValueError, match="NaN or infinity"):
        prepare(body={"temperature": math.nan})


def test_get_has_no_body_no_content_type_and_no_idempotency_key() -> None:
    call = prepare("get", "/models")
    assert call.content is None
    assert {k.lower() for k in call.headers} == {"accept", "authorization"}


def test_query_merges_defaults_call_and_extra_repeating_array_keys() -> None:
    cfg = config(default_query={"api-version": "1", "limit": 5})
    call = prepare(
        "get",
        "/x",
        cfg=cfg,
        query={
            "limit": 10,
            "after": NOT_GIVEN,
            "order": None,
            "ids": ["a", "b"],
            "f": {"on": True},
        },
        options={"params": {"extra": False}},
    )
    assert call.params == [
        ("api-version", "1"),
        ("limit", "10"),
        ("ids", "a"),
        ("ids", "b"),
        ("f[on]", "true"),
        ("extra", "false"),
    ]


def test_extra_headers_merge_case_insensitively_and_omit_removes() -> None:
    call = prepare(
        options={"headers": {"authorization": "Bearer other", "Accept": omit, "X-Trace": "1"}}
    )
    assert call.headers["authorization"] == "Bearer other"
    assert "Authorization" not in call.headers
    assert "Accept" not in call.headers
    assert call.headers["X-Trace"] == "1"


@pytest.mark.parametrize("value", ["a\r\nX-Evil: 1", "line\nbreak"])
def test_header_values_with_cr_or_lf_are_rejected_naming_the_header(value: str) -> None:
    with pytest.raises(ValueError, match="X-Custom"):
        prepare(options={"headers": {"X-Custom": value}})


def test_extra_body_merges_into_json_body_and_is_refused_on_get() -> None:
    call = prepare(body={"a": 1, "b": 2}, options={"extra_json": {"b": 3, "c": None}})
    assert json.loads(call.content or b"") == {"a": 1, "b": 3, "c": None}
    with pytest.raises(ValueError, match="extra_query"):
        prepare("get", "/x", options={"extra_json": {"a": 1}})


def test_idempotency_key_is_added_once_and_a_user_key_wins() -> None:
    call = prepare(body={})
    assert call.headers["Idempotency-Key"].startswith("sdk-retry-")
    assert prepare(body={}).headers["Idempotency-Key"] != call.headers["Idempotency-Key"]
    mine = prepare(body={}, options={"headers": {"idempotency-key": "mine"}})
    assert mine.headers["idempotency-key"] == "mine" and "Idempotency-Key" not in mine.headers
    assert "Idempotency-Key" not in prepare(body={}, cfg=config(idempotency_header=None)).headers


def test_response_mode_marker_is_stripped_from_headers() -> None:
    call = prepare(options={"headers": {_core.RESPONSE_MODE_HEADER: "stream"}})
    assert call.mode == "stream" and call.stream
    assert _core.RESPONSE_MODE_HEADER not in call.headers


def test_per_call_options_override_client_values() -> None:
    call = prepare(options={"timeout": 3.0, "max_retries": 0, "deadline": 7.5})
    assert call.timeout == httpx2.Timeout(3.0)
    assert call.max_retries == 0
    assert call.deadline == 107.5 and call.deadline_budget == 7.5
    assert prepare(cfg=config(deadline=9.0), options={"deadline": None}).deadline is None


@pytest.mark.parametrize("bad", [-1, 1.5, None, True])
def test_invalid_max_retries_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="max_retries"):
        prepare(options={"max_retries": bad})  # type: ignore[typeddict-item]


class TracingClient(httpx2.Client):
    """A client whose `build_request` adds a header, as instrumentation might."""

    def build_request(self, *args: Any, **kwargs: Any) -> httpx2.Request:
        request = super().build_request(*args, **kwargs)
        request.headers["X-Traced"] = "yes"
        return request


def same_request(built: httpx2.Request, expected: httpx2.Request) -> None:
    assert (built.method, built.url) == (expected.method, expected.url)
    assert built.headers.multi_items() == expected.headers.multi_items()
    assert built.read() == expected.read()
    assert built.extensions == expected.extensions


@pytest.mark.parametrize(
    "make_client",
    [
        lambda: httpx2.Client(),
        lambda: httpx2.AsyncClient(),
        # Defaults the call overrides (in another case) and one it does not.
        lambda: httpx2.Client(headers={"ACCEPT": "text/plain", "X-Proxy-Auth": "p"}),
        lambda: httpx2.Client(params={"api-version": "1"}),
        lambda: httpx2.Client(cookies={"session": "s1"}),
        lambda: TracingClient(),
    ],
    ids=["sync", "async", "default-headers", "default-params", "cookies", "own-build_request"],
)
@pytest.mark.parametrize("query", [None, {"limit": 2, "tag": ["a", "b"]}])
def test_requests_are_built_as_the_http_client_builds_them(
    make_client: Any, query: dict[str, object] | None
) -> None:
    """`build_request` skips httpx2's header merging when there is nothing else to merge;
    the request must come out the same, and a client's own `build_request` still runs."""
    client = make_client()
    call = prepare(body={"model": "m"}, query=query, options={"headers": {"X-Call": "1"}})
    timeouts = {"connect": 5.0, "read": 600.0, "write": 600.0, "pool": 600.0}
    built = _core.build_request(client, call, dict(timeouts))
    expected = client.build_request(
        call.method,
        call.url,
        params=tuple(call.params) if call.params else None,
        headers=call.headers,
        content=call.content,
        extensions={"timeout": dict(timeouts)},
    )
    same_request(built, expected)
    assert ("X-Traced" in built.headers) is isinstance(client, TracingClient)
    assert ("cookie" in built.headers) is bool(client.cookies)


def test_default_headers_are_overridden_case_insensitively() -> None:
    defaults = httpx2.Headers({"accept": "*/*", "X-Keep": "k", "User-Agent": "httpx2"})
    merged = _core.merge_default_headers(
        defaults, {"Accept": "application/json", "user-agent": "sdk"}
    )
    assert httpx2.Headers(merged).multi_items() == [
        ("x-keep", "k"),
        ("accept", "application/json"),
        ("user-agent", "sdk"),
    ]


def test_attempt_timeouts_are_cut_to_the_remaining_deadline() -> None:
    cfg = config()
    call = prepare(cfg=cfg, options={"deadline": 10.0})
    assert _core.attempt_timeouts(call, cfg, now=100.0) == {
        "connect": 5.0,
        "read": 10.0,
        "write": 10.0,
        "pool": 10.0,
    }
    assert _core.attempt_timeouts(call, cfg, now=108.0) == {
        "connect": 2.0,
        "read": 2.0,
        "write": 2.0,
        "pool": 2.0,
    }
    assert _core.attempt_timeouts(call, cfg, now=110.0) is None
    assert _core.attempt_timeouts(prepare(cfg=cfg), cfg, now=1e9) == cfg.timeout_dict


# --- retry policy ------------------------------------------------------------------------

NO_HEADERS = httpx2.Headers()


@pytest.mark.parametrize(
    ("status", "headers", "body", "expected"),
    [
        (400, {}, None, False),
        (401, {}, None, False),
        (403, {}, None, False),
        (404, {}, None, False),
        (422, {}, None, False),
        (408, {}, None, True),
        (409, {}, None, True),
        (429, {}, {"message": "Rate limit reached"}, True),
        (500, {}, None, True),
        (503, {}, None, True),
        (400, {"x-should-retry": "true"}, None, True),
        (503, {"x-should-retry": "false"}, None, False),
        (402, {}, {"message": "Insufficient Balance"}, False),
        (402, {"x-should-retry": "true"}, None, False),
        (429, {}, {"code": "insufficient_quota", "message": "x"}, False),
        (429, {}, {"type": "insufficient_quota"}, False),
        (429, {}, {"message": "Insufficient Balance"}, False),
        (429, {"x-should-retry": "true"}, {"message": "You exceeded your current quota"}, False),
        (429, {}, "insufficient_quota", False),
    ],
)
def test_retry_decision_table(
    status: int, headers: dict[str, str], body: object, expected: bool
) -> None:
    assert should_retry_status(status, httpx2.Headers(headers), body) is expected


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "2.5"}, 2.5),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after-ms": "junk", "retry-after": "4"}, 4.0),
        ({"retry-after": "0"}, None),
        ({"retry-after": "-10"}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "inf"}, None),
        ({"retry-after": "soon"}, None),
        ({"retry-after": ""}, None),
        ({"retry-after": "3600"}, 3600.0),
        ({}, None),
    ],
)
def test_retry_after_parsing(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after_seconds(httpx2.Headers(headers), now_wall=0.0) == expected


def test_retry_after_http_date_future_and_past() -> None:
    now = 1_700_000_000.0
    future = email.utils.formatdate(now + 30, usegmt=True)
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert retry_after_seconds(
        httpx2.Headers({"retry-after": future}), now_wall=now
    ) == pytest.approx(30, abs=1)
    assert retry_after_seconds(httpx2.Headers({"retry-after": past}), now_wall=now) is None


@pytest.mark.parametrize(
    ("retries_taken", "base"),
    [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0), (5000, 8.0)],
)
def test_backoff_doubles_caps_at_8s_and_jitter_stays_in_range(
    retries_taken: int, base: float
) -> None:
    assert backoff_delay(retries_taken, rand=0.0) == base
    assert backoff_delay(retries_taken, rand=1.0) == 0.75 * base


def _call(max_retries: int = 2, deadline: float | None = None) -> _core.PreparedCall:
    return prepare(options={"max_retries": max_retries, "deadline": deadline})


def test_plan_retry_uses_server_delay_within_cap_and_gives_up_beyond() -> None:
    call = _call()
    assert plan_retry(call, 0, 100.0, 0.0, httpx2.Headers({"retry-after": "7"})).delay == 7.0
    assert plan_retry(call, 0, 100.0, 0.0, httpx2.Headers({"retry-after": "60"})).delay == 60.0
    assert plan_retry(call, 0, 100.0, 0.0, httpx2.Headers({"retry-after": "61"})).delay is None
    assert plan_retry(call, 0, 100.0, 0.0, httpx2.Headers({"retry-after": "garbage"})).delay == 0.5


def test_plan_retry_stops_when_retries_are_used_up() -> None:
    assert plan_retry(_call(max_retries=2), 1, 100.0, 0.0).delay == 1.0
    assert plan_retry(_call(max_retries=2), 2, 100.0, 0.0).delay is None
    assert plan_retry(_call(max_retries=0), 0, 100.0, 0.0).delay is None


def test_plan_retry_never_sleeps_past_the_deadline() -> None:
    call = _call(max_retries=5, deadline=3.0)  # deadline at 103.0
    assert plan_retry(call, 0, 100.0, 0.0).delay == 0.5
    plan = plan_retry(call, 0, 100.0, 0.0, httpx2.Headers({"retry-after": "5"}))
    assert plan.delay is None and plan.deadline_hit
    assert plan_retry(call, 2, 101.5, 0.0).deadline_hit  # 2 s backoff would end at 103.5


# --- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (402, PaymentRequiredError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (405, APIStatusError),
        (418, APIStatusError),
    ],
)
def test_status_maps_to_exception_class(status: int, cls: type[APIStatusError]) -> None:
    error = make_status_error(response(status, b'{"error": {"message": "m"}}'))
    assert type(error) is cls
    assert error.status_code == status


def test_openai_style_error_body() -> None:
    body = {
        "error": {
            "message": "Authentication Fails (no such user)",
            "type": "authentication_error",
            "param": None,
            "code": "invalid_request_error",
        }
    }
    error = make_status_error(response(401, json.dumps(body).encode(), {"x-request-id": "req-1"}))
    assert str(error) == "Error code: 401 - Authentication Fails (no such user)"
    assert error.body == body["error"]
    assert (error.type, error.code, error.param) == (
        "authentication_error",
        "invalid_request_error",
        None,
    )
    assert error.request_id == "req-1"


def test_request_id_falls_back_to_deepseek_trace_id() -> None:
    error = make_status_error(response(400, b"{}", {"x-ds-trace-id": "trace-9"}))
    assert error.request_id == "trace-9"


def test_json_sent_as_octet_stream_is_parsed_by_content() -> None:
    error = make_status_error(
        response(
            402,
            b'\n\n{"error":{"message":"Insufficient Balance","type":"unknown_error"}}',
            {"content-type": "application/octet-stream"},
        )
    )
    assert isinstance(error, PaymentRequiredError)
    assert error.message == "Error code: 402 - Insufficient Balance"
    assert error.type == "unknown_error"


def test_error_msg_shaped_body() -> None:
    error = make_status_error(
        response(404, b'{"error_msg": "Not Found. Please check the configuration."}')
    )
    assert error.message == (
        "Error code: 404 - Not Found. Please check the configuration."
        " [POST https://api.test/x: is the client's base_url right?]"
    )
    assert error.body == {"error_msg": "Not Found. Please check the configuration."}


def test_404_names_the_url_without_secrets() -> None:
    request = httpx2.Request("GET", "https://api.test/beta/beta/completions?key=sk-secret")
    error = make_status_error(httpx2.Response(404, request=request), secrets=("sk-secret",))
    assert "GET https://api.test/beta/beta/completions?key=" in error.message
    assert "sk-secret" not in error.message


@pytest.mark.parametrize(
    ("base_url", "path", "url"),
    [
        ("https://api.test", "/chat/completions", "https://api.test/chat/completions"),
        ("https://api.test", "/beta/completions", "https://api.test/beta/completions"),
        ("https://api.test/", "/beta/completions", "https://api.test/beta/completions"),
        ("https://api.test/v1", "/models", "https://api.test/v1/models"),
        ("https://api.test/v1/", "/beta/completions", "https://api.test/beta/completions"),
        ("https://api.test/beta", "/beta/completions", "https://api.test/beta/completions"),
        ("https://api.test/beta/", "/chat/completions", "https://api.test/beta/chat/completions"),
        (
            "https://api.test/beta",
            "/beta/chat/completions",
            "https://api.test/beta/chat/completions",
        ),
        ("https://api.test/proxy/v1", "/beta/x", "https://api.test/proxy/beta/x"),
        ("https://api.test/betamax", "/beta/x", "https://api.test/betamax/beta/x"),
        ("http://localhost:8000/v1", "/v1/models", "http://localhost:8000/v1/models"),
    ],
)
def test_declared_path_prefixes_are_never_doubled(base_url: str, path: str, url: str) -> None:
    config = ClientConfig(
        base_url=base_url,
        headers={},
        default_query=None,
        timeout=None,
        max_retries=0,
        deadline=None,
        idempotency_header=None,
        path_prefixes=("/v1", "beta/"),
    )
    call = prepare_call(config, FinalRequestOptions("get", path), stream=False, now=0.0)
    assert call.url == url


def test_html_body_gives_short_message_and_full_body() -> None:
    html = "<html><head><title>502 Bad Gateway</title></head><body>" + "x" * 5000 + "</body></html>"
    error = make_status_error(response(502, html.encode(), {"content-type": "text/html"}))
    assert isinstance(error, InternalServerError)
    assert error.message.startswith("Error code: 502 - 502 Bad Gateway")
    assert len(error.message) < 300
    assert error.body == html


def test_empty_body() -> None:
    error = make_status_error(response(503))
    assert error.message == "Error code: 503 - Service Unavailable (empty body)"
    assert error.body is None


@pytest.mark.parametrize(
    ("text", "body", "detail"),
    [
        ('["a", 1]', ["a", 1], '["a",1]'),
        ('"just a string"', "just a string", "just a string"),
        ("42", 42, "42"),
        ('{"error": "plain error string"}', "plain error string", "plain error string"),
        ('{"detail": [{"loc": ["x"]}]}', {"detail": [{"loc": ["x"]}]}, '[{"loc":["x"]}]'),
        ('{"unexpected": true}', {"unexpected": True}, '{"unexpected":true}'),
        ("upstream connect error", "upstream connect error", "upstream connect error"),
    ],
)
def test_odd_error_bodies(text: str, body: object, detail: str) -> None:
    assert describe_error_body(text) == (body, detail)


def test_api_key_echoed_by_the_server_is_masked() -> None:
    error = make_status_error(
        response(401, f'{{"error": {{"message": "bad key {KEY}"}}}}'.encode()), secrets=(KEY,)
    )
    assert KEY not in str(error)
    assert KEY not in json.dumps(error.body)
