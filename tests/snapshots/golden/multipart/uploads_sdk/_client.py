"""The Uploads and AsyncUploads clients."""

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
    from .resources.files.files import (
        AsyncFiles,
        AsyncFilesWithRawResponse,
        AsyncFilesWithStreamingResponse,
        Files,
        FilesWithRawResponse,
        FilesWithStreamingResponse,
    )

__all__ = [
    "AsyncUploads",
    "AsyncUploadsWithRawResponse",
    "AsyncUploadsWithStreamingResponse",
    "Uploads",
    "UploadsWithRawResponse",
    "UploadsWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
        "bearerAuth": ApiKey("api_key", prefix="Bearer "),
    },
    default=(("bearerAuth",),),
    env={"api_key": "UPLOADS_API_KEY"},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class Uploads(SyncAPIClient):
    """Client for the Uploads."""

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

        `api_key` defaults to the `UPLOADS_API_KEY` environment variable and `base_url` to
        `UPLOADS_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("UPLOADS_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the UPLOADS_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("UPLOADS_BASE_URL") or "https://api.example.com"
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
            user_agent="uploads-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $UPLOADS_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def files(self) -> Files:
        from .resources.files.files import Files

        return Files(self)

    @cached_property
    def with_raw_response(self) -> UploadsWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return UploadsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> UploadsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return UploadsWithStreamingResponse(self)



class AsyncUploads(AsyncAPIClient):
    """Async client for the Uploads."""

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

        `api_key` defaults to the `UPLOADS_API_KEY` environment variable and `base_url` to
        `UPLOADS_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("UPLOADS_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the UPLOADS_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("UPLOADS_BASE_URL") or "https://api.example.com"
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
            user_agent="uploads-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $UPLOADS_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def files(self) -> AsyncFiles:
        from .resources.files.files import AsyncFiles

        return AsyncFiles(self)

    @cached_property
    def with_raw_response(self) -> AsyncUploadsWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncUploadsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncUploadsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncUploadsWithStreamingResponse(self)



class UploadsWithRawResponse:
    def __init__(self, client: Uploads) -> None:
        self._client = client

    @cached_property
    def files(self) -> FilesWithRawResponse:
        from .resources.files.files import FilesWithRawResponse

        return FilesWithRawResponse(self._client.files)



class AsyncUploadsWithRawResponse:
    def __init__(self, client: AsyncUploads) -> None:
        self._client = client

    @cached_property
    def files(self) -> AsyncFilesWithRawResponse:
        from .resources.files.files import AsyncFilesWithRawResponse

        return AsyncFilesWithRawResponse(self._client.files)



class UploadsWithStreamingResponse:
    def __init__(self, client: Uploads) -> None:
        self._client = client

    @cached_property
    def files(self) -> FilesWithStreamingResponse:
        from .resources.files.files import FilesWithStreamingResponse

        return FilesWithStreamingResponse(self._client.files)



class AsyncUploadsWithStreamingResponse:
    def __init__(self, client: AsyncUploads) -> None:
        self._client = client

    @cached_property
    def files(self) -> AsyncFilesWithStreamingResponse:
        from .resources.files.files import AsyncFilesWithStreamingResponse

        return AsyncFilesWithStreamingResponse(self._client.files)

