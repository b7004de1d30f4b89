"""FaultPlan: deterministic picks and what each injected fault looks like to httpx."""

from __future__ import annotations

import json
from collections import Counter

import httpx
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
) -> tuple[httpx.Response | Exception, ScriptedServer]:
    plan = FaultPlan({kind: 1.0}, stall_seconds=30, retry_after_ms=25)
    with (
        ScriptedServer(lambda _: normal, faults=plan) as server,
        httpx.Client(base_url=server.url, timeout=0.5 if kind == "stall" else 10) as http,
    ):
        try:
            outcome: httpx.Response | Exception = http.get("/chat")
        except httpx.HTTPError as exc:
            outcome = exc
    return outcome, server


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("reset", httpx.ReadError),
        ("close", httpx.RemoteProtocolError),
        ("reset_mid_body", httpx.ReadError),
        ("stall", httpx.ReadTimeout),
    ],
)
def test_transport_faults_on_json(kind: FaultKind, expected: type[Exception]) -> None:
    outcome, server = _serve_one(kind, Json(BODY))
    assert isinstance(outcome, expected)
    assert server.fault_summary() == {kind: 1}
    assert server.requests[0].fault == kind


@pytest.mark.parametrize(
    ("kind", "status", "retry_after_ms"),
    [("http_429", 429, "25"), ("http_500", 500, None), ("http_503", 503, "25")],
)
def test_status_faults(kind: FaultKind, status: int, retry_after_ms: str | None) -> None:
    outcome, _ = _serve_one(kind, Json(BODY))
    assert isinstance(outcome, httpx.Response)
    assert outcome.status_code == status
    assert outcome.headers.get("retry-after-ms") == retry_after_ms
    assert outcome.json()["error"]["message"] == f"injected {status}"


def test_html_502() -> None:
    outcome, _ = _serve_one("html_502", Json(BODY))
    assert isinstance(outcome, httpx.Response)
    assert (outcome.status_code, outcome.headers["content-type"]) == (502, "text/html")
    assert "Bad Gateway" in outcome.text


@pytest.mark.parametrize("kind", ["slow_body", "keepalive"])
def test_body_preserving_faults_on_json(kind: FaultKind) -> None:
    outcome, _ = _serve_one(kind, Json(BODY))
    assert isinstance(outcome, httpx.Response)
    assert outcome.headers["transfer-encoding"] == "chunked"
    assert json.loads(outcome.content) == BODY


def test_truncated_json_on_json() -> None:
    outcome, _ = _serve_one("truncated_json", Json(BODY))
    assert isinstance(outcome, httpx.Response)
    assert outcome.status_code == 200
    assert json.dumps(BODY).encode().startswith(outcome.content)
    with pytest.raises(json.JSONDecodeError):
        outcome.json()


@pytest.mark.parametrize(
    ("kind", "data_lines", "error"),
    [
        ("reset_mid_body", ['data: {"n": 1}', 'data: {"n": 2}'], httpx.ReadError),
        ("truncated_json", ['data: {"n": 1}', 'data: {"n": 2}', 'data: {"truncated": '], None),
        (
            "keepalive",
            [": keep-alive", ": keep-alive", *(f'data: {{"n": {n}}}' for n in range(1, 5))],
            None,
        ),
        ("slow_body", [f'data: {{"n": {n}}}' for n in range(1, 5)], None),
    ],
)
def test_faults_on_streams(
    kind: FaultKind, data_lines: list[str], error: type[Exception] | None
) -> None:
    plan = FaultPlan({kind: 1.0})
    with (
        ScriptedServer(lambda _: Stream(EVENTS), faults=plan) as server,
        httpx.Client(base_url=server.url) as http,
    ):
        lines: list[str] = []
        try:
            with http.stream("GET", "/stream") as response:
                lines.extend(line for line in response.iter_lines() if line)
        except httpx.ReadError as exc:
            assert error is not None and isinstance(exc, error)
        else:
            assert error is None
    assert lines == data_lines


def test_faults_replace_broken_normal_actions_too() -> None:
    outcome, _ = _serve_one("truncated_json", Disconnect())
    assert isinstance(outcome, httpx.Response)
    assert outcome.content == b"{"


def test_summary_counts_faults_by_kind() -> None:
    plan = FaultPlan({"http_500": 0.25, "http_503": 0.25}, seed=3)
    expected = Counter(k for k in (plan.pick(i) for i in range(40)) if k is not None)

    def ok(_: RecordedRequest) -> Json:
        return Json({"ok": True})

    with ScriptedServer(ok, faults=plan) as server, httpx.Client(base_url=server.url) as http:
        statuses = Counter(http.get(f"/{i}").status_code for i in range(40))
    assert server.fault_summary() == dict(expected)
    assert statuses == Counter(
        {200: 40 - sum(expected.values()), 500: expected["http_500"], 503: expected["http_503"]}
    )
