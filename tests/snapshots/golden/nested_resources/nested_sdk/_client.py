"""The Nested and AsyncNested clients."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import httpx2

from ._auth import ApiKey, AuthHook, AuthSpec
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._core import DEFAULT_MAX_RETRIES
from ._exceptions import SDKError
from ._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ._utils import cached_property
from ._version import __version__

if TYPE_CHECKING:
    from .resources.fine_tuning.fine_tuning import (
        AsyncFineTuning,
        AsyncFineTuningWithRawResponse,
        AsyncFineTuningWithStreamingResponse,
        FineTuning,
        FineTuningWithRawResponse,
        FineTuningWithStreamingResponse,
    )
    from .resources.user import (
        AsyncUser,
        AsyncUserWithRawResponse,
        AsyncUserWithStreamingResponse,
        User,
        UserWithRawResponse,
        UserWithStreamingResponse,
    )

__all__ = [
    "AsyncNested",
    "AsyncNestedWithRawResponse",
    "AsyncNestedWithStreamingResponse",
    "Nested",
    "NestedWithRawResponse",
    "NestedWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
        "bearerAuth": ApiKey("api_key", prefix="Bearer "),
    },
    default=(("bearerAuth",),),
    env={"api_key": "NESTED_API_KEY"},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class Nested(SyncAPIClient):
    """Client for the Nested."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        auth_hook: AuthHook | None = None,
        base_url: str | httpx2.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = None,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx2.Client | None = None,
        stream_idle_timeout: float | None = None,
        strict_response_validation: bool = False,
    ) -> None:
        """Create a client.

        `api_key` defaults to the `NESTED_API_KEY` environment variable and `base_url` to
        `NESTED_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("NESTED_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the NESTED_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("NESTED_BASE_URL") or "https://api.example.com"
        super().__init__(
            auth=_AUTH,
            credentials={"api_key": api_key},
            auth_hook=auth_hook,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            idempotency_header=None,
            user_agent="nested-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $NESTED_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def fine_tuning(self) -> FineTuning:
        from .resources.fine_tuning.fine_tuning import FineTuning

        return FineTuning(self)

    @cached_property
    def user(self) -> User:
        from .resources.user import User

        return User(self)

    @cached_property
    def with_raw_response(self) -> NestedWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return NestedWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> NestedWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return NestedWithStreamingResponse(self)



class AsyncNested(AsyncAPIClient):
    """Async client for the Nested."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        auth_hook: AuthHook | None = None,
        base_url: str | httpx2.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = None,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx2.AsyncClient | None = None,
        stream_idle_timeout: float | None = None,
        strict_response_validation: bool = False,
    ) -> None:
        """Create a client.

        `api_key` defaults to the `NESTED_API_KEY` environment variable and `base_url` to
        `NESTED_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("NESTED_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the NESTED_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("NESTED_BASE_URL") or "https://api.example.com"
        super().__init__(
            auth=_AUTH,
            credentials={"api_key": api_key},
            auth_hook=auth_hook,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            idempotency_header=None,
            user_agent="nested-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $NESTED_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def fine_tuning(self) -> AsyncFineTuning:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuning

        return AsyncFineTuning(self)

    @cached_property
    def user(self) -> AsyncUser:
        from .resources.user import AsyncUser

        return AsyncUser(self)

    @cached_property
    def with_raw_response(self) -> AsyncNestedWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncNestedWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncNestedWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncNestedWithStreamingResponse(self)



class NestedWithRawResponse:
    def __init__(self, client: Nested) -> None:
        self._client = client

    @cached_property
    def fine_tuning(self) -> FineTuningWithRawResponse:
        from .resources.fine_tuning.fine_tuning import FineTuningWithRawResponse

        return FineTuningWithRawResponse(self._client.fine_tuning)

    @cached_property
    def user(self) -> UserWithRawResponse:
        from .resources.user import UserWithRawResponse

        return UserWithRawResponse(self._client.user)



class AsyncNestedWithRawResponse:
    def __init__(self, client: AsyncNested) -> None:
        self._client = client

    @cached_property
    def fine_tuning(self) -> AsyncFineTuningWithRawResponse:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuningWithRawResponse

        return AsyncFineTuningWithRawResponse(self._client.fine_tuning)

    @cached_property
    def user(self) -> AsyncUserWithRawResponse:
        from .resources.user import AsyncUserWithRawResponse

        return AsyncUserWithRawResponse(self._client.user)



class NestedWithStreamingResponse:
    def __init__(self, client: Nested) -> None:
        self._client = client

    @cached_property
    def fine_tuning(self) -> FineTuningWithStreamingResponse:
        from .resources.fine_tuning.fine_tuning import FineTuningWithStreamingResponse

        return FineTuningWithStreamingResponse(self._client.fine_tuning)

    @cached_property
    def user(self) -> UserWithStreamingResponse:
        from .resources.user import UserWithStreamingResponse

        return UserWithStreamingResponse(self._client.user)



class AsyncNestedWithStreamingResponse:
    def __init__(self, client: AsyncNested) -> None:
        self._client = client

    @cached_property
    def fine_tuning(self) -> AsyncFineTuningWithStreamingResponse:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuningWithStreamingResponse

        return AsyncFineTuningWithStreamingResponse(self._client.fine_tuning)

    @cached_property
    def user(self) -> AsyncUserWithStreamingResponse:
        from .resources.user import AsyncUserWithStreamingResponse

        return AsyncUserWithStreamingResponse(self._client.user)

