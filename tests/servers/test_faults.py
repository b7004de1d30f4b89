"""FaultPlan: deterministic picks and what each injected fault looks like to httpx2."""

from __future__ import annotations

import json
from collections import Counter

import httpx2
import pytest

from . import (
    Action,
    Disconnect,
    FaultKind,
    FaultPlan,
    Json,
    RecordedRequest,
    ScriptedServer,
    Stream,
    sse,
)

BODY = {"id": "chatcmpl-1", "choices": [{"index": 0, "message": {"content": "hello"}}]}
EVENTS = [sse({"n": 1}), sse({"n": 2}), sse({"n": 3}), sse({"n": 4})]


def test_picks_are_deterministic_per_seed_and_index() -> None:
    plan = FaultPlan({"reset": 0.3, "http_503": 0.3}, seed=7)
    picks = [plan.pick(i) for i in range(200)]
    assert picks == [FaultPlan({"reset": 0.3, "http_503": 0.3}, seed=7).pick(i) for i in range(200)]
    assert picks != [FaultPlan({"reset": 0.3, "http_503": 0.3}, seed=8).pick(i) for i in range(200)]
    counts = Counter(picks)
    assert set(counts) == {"reset", "http_503", None}
    assert all(count > 30 for count in counts.values())


def test_no_rates_means_no_faults() -> None:
    assert {FaultPlan({}).pick(i) for i in range(50)} == {None}


@pytest.mark.parametrize(
    "rates",
    [{"explode": 0.1}, {"reset": -0.1}, {"reset": 0.6, "close": 0.6}],
)
def test_invalid_rates_are_rejected(rates: dict[FaultKind, float]) -> None:
    with pytest.raises(ValueError, match="fault"):
        FaultPlan(rates)


def _serve_one(
    kind: FaultKind, normal: Action
) -> tuple[httpx2.Response | Exception, ScriptedServer]:
    plan = FaultPlan({kind: 1.0}, stall_seconds=30, retry_after_ms=25, retry_after=2)
    with (
        ScriptedServer(lambda _: normal, faults=plan) as server,
        httpx2.Client(base_url=server.url, timeout=0.5 if "stall" in kind else 10) as http,
    ):
        try:
            outcome: httpx2.Response | Exception = http.get("/chat")
        except httpx2.HTTPError as exc:
            outcome = exc
    return outcome, server


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("reset", httpx2.ReadError),
        ("close", httpx2.RemoteProtocolError),
        ("reset_after_headers", httpx2.ReadError),
        ("reset_mid_body", httpx2.ReadError),
        ("stall", httpx2.ReadTimeout),
        ("stall_mid_body", httpx2.ReadTimeout),
    ],
)
def test_transport_faults_on_json(kind: FaultKind, expected: type[Exception]) -> None:
    outcome, server = _serve_one(kind, Json(BODY))
    assert isinstance(outcome, expected)
    assert server.fault_summary() == {kind: 1}
    assert server.requests[0].fault == kind


@pytest.mark.parametrize(
    ("kind", "status", "retry_after_ms", "retry_after"),
    [
        ("http_429", 429, "25", None),
        ("http_429_retry_after", 429, None, "2"),
        ("http_429_bare", 429, None, None),
        ("http_500", 500, None, None),
        ("http_503", 503, "25", None),
        ("http_503_retry_after", 503, None, "2"),
        ("http_503_bare", 503, None, None),
    ],
)
def test_status_faults(
    kind: FaultKind, status: int, retry_after_ms: str | None, retry_after: str | None
) -> None:
    outcome, _ = _serve_one(kind, Json(BODY))
    assert isinstance(outcome, httpx2.Response)
    assert outcome.status_code == status
    assert outcome.headers.get("retry-after-ms") == retry_after_ms
    assert outcome.headers.get("retry-after") == retry_after
    assert outcome.json()["error"]["message"] == f"injected {status}"


@pytest.mark.parametrize(("kind", "status"), [("html_502", 502), ("html_200", 200)])
def test_html_pages(kind: FaultKind, status: int) -> None:
    outcome, _ = _serve_one(kind, Stream(EVENTS))
    assert isinstance(outcome, httpx2.Response)
    assert (outcome.status_code, outcome.headers["content-type"]) == (status, "text/html")
    assert "Bad Gateway" in outcome.text


@pytest.mark.parametrize("kind", ["slow_body", "keepalive"])
def test_body_preserving_faults_on_json(kind: FaultKind) -> None:
    outcome, _ = _serve_one(kind, Json(BODY))
    assert isinstance(outcome, httpx2.Response)
    assert outcome.headers["transfer-encoding"] == "chunked"
    assert json.loads(outcome.content) == BODY


@pytest.mark.parametrize("kind", ["sse_duplicate", "sse_reorder"])
def test_stream_only_faults_leave_json_alone(kind: FaultKind) -> None:
    outcome, _ = _serve_one(kind, Json(BODY))
    assert isinstance(outcome, httpx2.Response)
    assert outcome.json() == BODY


def test_malformed_json_on_json() -> None:
    outcome, _ = _serve_one("malformed_json", Json(BODY))
    assert isinstance(outcome, httpx2.Response)
    assert outcome.status_code == 200
    assert outcome.content == json.dumps(BODY).encode()[:-1] + b",}"
    with pytest.raises(json.JSONDecodeError):
        outcome.json()


def test_truncated_json_on_json() -> None:
    outcome, _ = _serve_one("truncated_json", Json(BODY))
    assert isinstance(outcome, httpx2.Response)
    assert outcome.status_code == 200
    assert json.dumps(BODY).encode().startswith(outcome.content)
    with pytest.raises(json.JSONDecodeError):
        outcome.json()


@pytest.mark.parametrize(
    ("kind", "data_lines", "error"),
    [
        ("reset_mid_body", ['data: {"n": 1}', 'data: {"n": 2}'], httpx2.ReadError),
        ("truncated_json", ['data: {"n": 1}', 'data: {"n": 2}', 'data: {"truncated": '], None),
        (
            "keepalive",
            [": keep-alive", ": keep-alive", *(f'data: {{"n": {n}}}' for n in range(1, 5))],
            None,
        ),
        ("slow_body", [f'data: {{"n": {n}}}' for n in range(1, 5)], None),
        ("reset_after_headers", [], httpx2.ReadError),
        (
            "malformed_json",
            ['data: {"n": 1}', 'data: {"n": 2}', 'data: {"n": 3,}', 'data: {"n": 4}'],
            None,
        ),
        (
            "sse_duplicate",
            [
                'data: {"n": 1}',
                'data: {"n": 2}',
                'data: {"n": 3}',
                'data: {"n": 3}',
                'data: {"n": 4}',
            ],
            None,
        ),
        (
            "sse_reorder",
            ['data: {"n": 1}', 'data: {"n": 3}', 'data: {"n": 2}', 'data: {"n": 4}'],
            None,
        ),
    ],
)
def test_faults_on_streams(
    kind: FaultKind, data_lines: list[str], error: type[Exception] | None
) -> None:
    plan = FaultPlan({kind: 1.0})
    with (
        ScriptedServer(lambda _: Stream(EVENTS), faults=plan) as server,
        httpx2.Client(base_url=server.url) as http,
    ):
        lines: list[str] = []
        try:
            with http.stream("GET", "/stream") as response:
                lines.extend(line for line in response.iter_lines() if line)
        except (httpx2.ReadError, httpx2.RemoteProtocolError) as exc:
            assert error is not None and isinstance(exc, error)
        else:
            assert error is None
    assert lines == data_lines


def test_faults_replace_broken_normal_actions_too() -> None:
    outcome, _ = _serve_one("truncated_json", Disconnect())
    assert isinstance(outcome, httpx2.Response)
    assert outcome.content == b"{"


def test_summary_counts_faults_by_kind() -> None:
    plan = FaultPlan({"http_500": 0.25, "http_503": 0.25}, seed=3)
    expected = Counter(k for k in (plan.pick(i) for i in range(40)) if k is not None)

    def ok(_: RecordedRequest) -> Json:
        return Json({"ok": True})

    with ScriptedServer(ok, faults=plan) as server, httpx2.Client(base_url=server.url) as http:
        statuses = Counter(http.get(f"/{i}").status_code for i in range(40))
    assert server.fault_summary() == dict(expected)
    assert statuses == Counter(
        {200: 40 - sum(expected.values()), 500: expected["http_500"], 503: expected["http_503"]}
    )


def test_stall_mid_stream() -> None:
    plan = FaultPlan({"stall_mid_body": 1.0})
    with (
        ScriptedServer(lambda _: Stream(EVENTS), faults=plan) as server,
        httpx2.Client(base_url=server.url, timeout=0.3) as http,
        http.stream("GET", "/stream") as response,
    ):
        lines: list[str] = []
        with pytest.raises(httpx2.ReadTimeout):
            lines.extend(line for line in response.iter_lines() if line)
    assert lines == ['data: {"n": 1}', 'data: {"n": 2}']


def test_drained_requests_are_forgotten_but_counted() -> None:
    plan = FaultPlan({"http_500": 0.5}, seed=5)
    expected = Counter(k for k in (plan.pick(i) for i in range(10)) if k is not None)
    with (
        ScriptedServer(lambda r: Json({"path": r.path}), faults=plan) as server,
        httpx2.Client(base_url=server.url) as http,
    ):
        for i in range(6):
            http.get(f"/{i}")
        first = server.drain_requests()
        for i in range(6, 10):
            http.get(f"/{i}")
        assert [r.index for r in first] == list(range(6))
        assert [r.index for r in server.requests] == list(range(6, 10))
        assert server.request_count == 10
        assert server.wait_for_requests(10, timeout=0.01)
    assert server.fault_summary() == dict(expected)


@pytest.mark.parametrize("normal", [Json(BODY), Stream(EVENTS)])
def test_trickle_keeps_a_read_timeout_from_firing(normal: Action) -> None:
    plan = FaultPlan({"trickle": 1.0}, stall_seconds=0.4, trickle_interval=0.05)
    with (
        ScriptedServer(lambda _: normal, faults=plan) as server,
        httpx2.Client(base_url=server.url, timeout=0.2) as http,
    ):
        response = http.get("/")
    expected = json.dumps(BODY).encode() if isinstance(normal, Json) else b"".join(EVENTS)
    assert response.content.lstrip(b"\n").removeprefix(b": keep-alive\n\n" * 8) == expected
