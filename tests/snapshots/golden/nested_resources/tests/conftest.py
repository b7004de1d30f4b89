"""Fixtures of the generated tests: `client` and `async_client` talk to a mock server of the
API's spec, whose base URL is the environment variable `TEST_API_BASE_URL`; without it every
test is skipped.

The mock should validate each request against the spec and answer with data of the documented
shape: `python -m codegen test --spec <spec>` runs Steady (npm `@stdy/cli`) and this suite;
`npx @stdy/cli <spec>` or Prism (`prism mock <spec>`) also serve. Clients validate every response
strictly and do not retry, so a request the mock rejects, or an answer the SDK cannot parse,
fails its test. Problems a mock reports without rejecting the request (Steady's
`x-steady-error-*` headers, Prism's `sl-violations`) fail the test too.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import httpx2
import pytest

from nested_sdk import AsyncNested, Nested

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
def client(base_url: str) -> Iterator[Nested]:
    http_client = httpx2.Client(event_hooks={"response": [check_report]})
    with Nested(
        api_key="test-api-key",
        base_url=base_url,
        max_retries=0,
        strict_response_validation=True,
        http_client=http_client,
    ) as made:
        yield made


@pytest.fixture
async def async_client(base_url: str) -> AsyncIterator[AsyncNested]:
    http_client = httpx2.AsyncClient(event_hooks={"response": [check_report_async]})
    async with AsyncNested(
        api_key="test-api-key",
        base_url=base_url,
        max_retries=0,
        strict_response_validation=True,
        http_client=http_client,
    ) as made:
        yield made
