"""Fixtures of the generated tests: `client` and `async_client` talk to a mock server of the
API's spec, whose base URL is the environment variable `TEST_API_BASE_URL`; without it every
test is skipped.

The mock should validate each request against the spec and answer with data of the documented
shape: `python -m codegen test --spec <spec>` runs Steady (npm `@stdy/cli`) and this suite;
`npx @stdy/cli <spec>` or Prism (`prism mock <spec>`) also serve. Clients validate every response
strictly and do not retry, so a request the mock rejects, or an answer the SDK cannot parse,
fails its test. Problems a mock reports without rejecting the request (Steady's
`x-steady-error-*` headers, Prism's `sl-violations`) fail the test too. Operations with a
server of their own are sent to the mock as well.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import httpx2
import pytest

from error_bodies_sdk import AsyncErrorBodies, ErrorBodies

BASE_URL_ENV = "TEST_API_BASE_URL"


def mock_report(response: httpx2.Response) -> str | None:
    """What the mock server says is wrong with the request, or None."""
    if response.headers.get("x-steady-error-count", "0") != "0":
        count = int(response.headers["x-steady-error-count"])
        found = [
            f"{response.headers.get(f'x-steady-error-{n}-path', '?')}: "
            f"{response.headers.get(f'x-steady-error-{n}-message', '?')}"
            for n in range(1, count + 1)
        ]
        return "; ".join(found)
    return response.headers.get("sl-violations")


def check_report(response: httpx2.Response) -> None:
    report = mock_report(response)
    if report:
        request = response.request
        raise AssertionError(f"the mock server found {request.method} {request.url} invalid: {report}")


async def check_report_async(response: httpx2.Response) -> None:
    check_report(response)


def route_to_mock(base_url: str) -> Callable[[httpx2.Request], None]:
    """A request hook sending every request to the mock, operations with a server of their own
    included (same path and query, the mock's scheme, host and port)."""
    mock = httpx2.URL(base_url)

    def route(request: httpx2.Request) -> None:
        url = request.url
        if (url.scheme, url.host, url.port) != (mock.scheme, mock.host, mock.port):
            request.url = url.copy_with(scheme=mock.scheme, host=mock.host, port=mock.port)
            request.headers["Host"] = mock.netloc.decode("ascii")

    return route


def route_to_mock_async(base_url: str) -> Callable[[httpx2.Request], Awaitable[None]]:
    route = route_to_mock(base_url)

    async def route_async(request: httpx2.Request) -> None:
        route(request)

    return route_async


@pytest.fixture(scope="session")
def base_url() -> str:
    url = os.environ.get(BASE_URL_ENV)
    if not url:
        pytest.skip(f"set {BASE_URL_ENV} to the base URL of a mock server of the spec")
    return url


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def client(base_url: str) -> Iterator[ErrorBodies]:
    hooks: dict[str, list[Callable[..., Any]]] = {
        "request": [route_to_mock(base_url)],
        "response": [check_report],
    }
    http_client = httpx2.Client(event_hooks=hooks)
    with ErrorBodies(
        base_url=base_url,
        max_retries=0,
        strict_response_validation=True,
        http_client=http_client,
    ) as made:
        yield made


@pytest.fixture
async def async_client(base_url: str) -> AsyncIterator[AsyncErrorBodies]:
    hooks: dict[str, list[Callable[..., Any]]] = {
        "request": [route_to_mock_async(base_url)],
        "response": [check_report_async],
    }
    http_client = httpx2.AsyncClient(event_hooks=hooks)
    async with AsyncErrorBodies(
        base_url=base_url,
        max_retries=0,
        strict_response_validation=True,
        http_client=http_client,
    ) as made:
        yield made
