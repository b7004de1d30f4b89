"""Base classes of generated resources (`client.chat.completions`, `client.files`, ...).

Generated methods describe a call and hand it to `_request` / `_request_page`:

    return self._request("post", "/chat/completions", body={...}, options=make_request_options(...),
                         cast_to=ChatCompletion, stream=stream is True, stream_cls=Stream[ChatCompletionChunk])

`query`/`body` values equal to `NOT_GIVEN` are dropped (so a default the caller did not pass is
never sent); `None` is sent as JSON `null` in a body and left out of a query string.
`files=True` (or a sequence naming the top-level file fields) sends the body as
multipart/form-data, see `_files` (`part_types=` maps fields to the content types the spec's
`encoding` gives their parts); `content_type=` names a body's media type when it is not
`application/json` (a form, text, binary, a `+json` variant, see `_bodies`); a body argument
left `NOT_GIVEN` sends no body. `binary=True` returns a `BinaryAPIResponse`. `security=` is
given only by operations whose `security` differs from the API's default (see `_auth`).
`errors=` (a module-level constant of the generated module, only for operations that declare
error bodies) maps statuses to the types of their bodies: a non-2xx answer raises its
`APIStatusError` with `body` of that type (see `_failures.type_error_body`). `first_page=` is
given only by list methods whose pages are not numbered from 1 (see `_pagination`).

The two classes are twins: `SyncAPIResource` is `AsyncAPIResource` with `async` and `await`
taken out and each async name replaced by its sync one (`AsyncAPIClient` -> `SyncAPIClient`,
`AsyncBinaryAPIResponse` -> `BinaryAPIResponse`, `AsyncPaginator[Any, _AsyncPageT]` ->
`_SyncPageT`, ...). Edit the async class first; tests/runtime/test_twins.py derives the sync one
from it and fails until both say the same.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Optional, TypeVar, Union, overload

from typing_extensions import Literal

from ._core import FinalRequestOptions
from ._pagination import AsyncPaginator, BaseAsyncPage, BaseSyncPage
from ._response import AsyncBinaryAPIResponse, BinaryAPIResponse
from ._types import RequestOptions

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncAPIResource", "SyncAPIResource"]

_T = TypeVar("_T")
_StreamT = TypeVar("_StreamT")
_SyncPageT = TypeVar("_SyncPageT", bound=BaseSyncPage[Any])
_AsyncPageT = TypeVar("_AsyncPageT", bound=BaseAsyncPage[Any])
Files = Union[bool, Sequence[str]]
Errors = Mapping[str, object]
"""The types of an operation's declared error bodies by status (`"404"`, `"4XX"`, `"default"`)."""
Security = Sequence[Sequence[Union[str, tuple[str, ...]]]]
"""An operation's own `security` (alternatives of scheme names, `(name, *scopes)` for an OAuth2
token of other scopes than the scheme's default; `()`: no credentials)."""


class AsyncAPIResource:
    """Base of generated async resources; `self._client` is the client."""

    _client: "AsyncAPIClient"

    def __init__(self, client: "AsyncAPIClient") -> None:
        self._client = client

    @overload
    async def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        files: Files = False,
        part_types: Optional[Mapping[str, str]] = None,
        content_type: Optional[str] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        stream: Literal[False] = False,
        stream_cls: None = None,
        binary: Literal[False] = False,
    ) -> _T: ...

    @overload
    async def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        files: Files = False,
        part_types: Optional[Mapping[str, str]] = None,
        content_type: Optional[str] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        stream: bool,
        stream_cls: type[_StreamT],
        binary: Literal[False] = False,
    ) -> Union[_T, _StreamT]: ...

    @overload
    async def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: object,
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        files: Files = False,
        part_types: Optional[Mapping[str, str]] = None,
        content_type: Optional[str] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        binary: Literal[True],
    ) -> AsyncBinaryAPIResponse: ...

    async def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: Any,
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        files: Files = False,
        part_types: Optional[Mapping[str, str]] = None,
        content_type: Optional[str] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        stream: bool = False,
        stream_cls: Any = None,
        binary: bool = False,
    ) -> Any:
        """Send one call through the client (retries, defaults, parsing)."""
        opts = FinalRequestOptions(
            method,
            path,
            query=query,
            body=body,
            files=files,
            options=options,
            content_type=content_type,
            security=security,
            errors=errors,
            part_types=part_types,
        )
        return await self._client.request(
            cast_to, opts, stream=stream, stream_cls=stream_cls, binary=binary
        )

    def _request_page(
        self,
        method: str,
        path: str,
        *,
        page: type[_AsyncPageT],
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        first_page: int = 1,
    ) -> AsyncPaginator[Any, _AsyncPageT]:
        """The first page of a list call, whose iteration walks every later page.

        Async: an `AsyncPaginator` (not awaited), which `await` turns into the first page and
        `async for` walks item by item.
        """
        return self._client.get_api_list(
            path,
            page=page,
            query=query,
            body=body,
            options=options,
            method=method,
            security=security,
            errors=errors,
            first_page=first_page,
        )


class SyncAPIResource:
    """Base of generated sync resources; `self._client` is the client."""

    _client: "SyncAPIClient"

    def __init__(self, client: "SyncAPIClient") -> None:
        self._client = client

    @overload
    def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        files: Files = False,
        part_types: Optional[Mapping[str, str]] = None,
        content_type: Optional[str] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        stream: Literal[False] = False,
        stream_cls: None = None,
        binary: Literal[False] = False,
    ) -> _T: ...

    @overload
    def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        files: Files = False,
        part_types: Optional[Mapping[str, str]] = None,
        content_type: Optional[str] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        stream: bool,
        stream_cls: type[_StreamT],
        binary: Literal[False] = False,
    ) -> Union[_T, _StreamT]: ...

    @overload
    def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: object,
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        files: Files = False,
        part_types: Optional[Mapping[str, str]] = None,
        content_type: Optional[str] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        binary: Literal[True],
    ) -> BinaryAPIResponse: ...

    def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: Any,
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        files: Files = False,
        part_types: Optional[Mapping[str, str]] = None,
        content_type: Optional[str] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        stream: bool = False,
        stream_cls: Any = None,
        binary: bool = False,
    ) -> Any:
        """Send one call through the client (retries, defaults, parsing)."""
        opts = FinalRequestOptions(
            method,
            path,
            query=query,
            body=body,
            files=files,
            options=options,
            content_type=content_type,
            security=security,
            errors=errors,
            part_types=part_types,
        )
        return self._client.request(
            cast_to, opts, stream=stream, stream_cls=stream_cls, binary=binary
        )

    def _request_page(
        self,
        method: str,
        path: str,
        *,
        page: type[_SyncPageT],
        query: Optional[Mapping[str, object]] = None,
        body: Optional[object] = None,
        options: RequestOptions,
        security: Optional[Security] = None,
        errors: Optional[Errors] = None,
        first_page: int = 1,
    ) -> _SyncPageT:
        """The first page of a list call, whose iteration walks every later page.

        Async: an `AsyncPaginator` (not awaited), which `await` turns into the first page and
        `async for` walks item by item.
        """
        return self._client.get_api_list(
            path,
            page=page,
            query=query,
            body=body,
            options=options,
            method=method,
            security=security,
            errors=errors,
            first_page=first_page,
        )
