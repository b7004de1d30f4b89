"""A small hand-written API on top of the runtime, shaped like generated code.

`SyncTestClient` / `AsyncTestClient` subclass the runtime clients the way a generated client
does; `Things` / `AsyncThings` call `_request` / `_request_page` exactly as generated methods do.
"""

from __future__ import annotations

from typing import Any

from rtpkg._base_client import AsyncAPIClient, SyncAPIClient
from rtpkg._files import FileTypes
from rtpkg._models import BaseModel
from rtpkg._pagination import (
    AsyncCursorPage,
    AsyncNextUrlPage,
    AsyncPage,
    AsyncPageNumberPage,
    AsyncPaginator,
    SyncCursorPage,
    SyncNextUrlPage,
    SyncPage,
    SyncPageNumberPage,
)
from rtpkg._resource import AsyncAPIResource, SyncAPIResource
from rtpkg._response import (
    AsyncBinaryAPIResponse,
    BinaryAPIResponse,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from rtpkg._streaming import AsyncStream, Stream
from rtpkg._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout, make_request_options
from rtpkg._utils import cached_property, path_param

API_KEY = "sk-test-0123456789abcdef0123"
BASE_URL = "https://api.test/v1"


class Thing(BaseModel):
    id: str
    name: str | None = None


class Chunk(BaseModel):
    id: str
    delta: str


def _opts(
    extra_headers: Headers | None,
    extra_query: Query | None,
    extra_body: dict[str, object] | None,
    timeout: Timeout | NotGiven,
    max_retries: int | NotGiven,
    deadline: float | NotGiven | None,
) -> Any:
    return make_request_options(
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
        max_retries=max_retries,
        deadline=deadline,
    )


class Things(SyncAPIResource):
    def create(
        self,
        *,
        name: str,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: dict[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Thing:
        return self._request(
            "post",
            "/things",
            body={"name": name, "note": note},
            cast_to=Thing,
            options=_opts(extra_headers, extra_query, extra_body, timeout, max_retries, deadline),
        )

    def retrieve(self, thing_id: str, *, extra_headers: Headers | None = None) -> Thing:
        return self._request(
            "get",
            f"/things/{path_param('thing_id', thing_id)}",
            cast_to=Thing,
            options=make_request_options(extra_headers=extra_headers),
        )

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        order: str | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> SyncCursorPage[Thing]:
        return self._request_page(
            "get",
            "/things",
            page=SyncCursorPage[Thing],
            query={"limit": limit, "order": order, "after": after},
            options=make_request_options(extra_headers=extra_headers),
        )

    def list_all(self) -> SyncPage[Thing]:
        return self._request_page(
            "get", "/all-things", page=SyncPage[Thing], options=make_request_options()
        )

    def list_linked(
        self, *, limit: int | NotGiven = NOT_GIVEN, extra_headers: Headers | None = None
    ) -> SyncNextUrlPage[Thing]:
        return self._request_page(
            "get",
            "/linked-things",
            page=SyncNextUrlPage[Thing],
            query={"limit": limit},
            options=make_request_options(extra_headers=extra_headers),
        )

    def list_numbered(
        self, *, page: int | NotGiven = NOT_GIVEN, per_page: int | NotGiven = NOT_GIVEN
    ) -> SyncPageNumberPage[Thing]:
        return self._request_page(
            "get",
            "/numbered-things",
            page=SyncPageNumberPage[Thing],
            query={"page": page, "per_page": per_page},
            options=make_request_options(),
        )

    def upload(self, *, file: FileTypes, purpose: str, meta: dict[str, Any] | None = None) -> Thing:
        return self._request(
            "post",
            "/files",
            body={"file": file, "purpose": purpose, "meta": meta},
            files=("file",),
            cast_to=Thing,
            options=make_request_options(),
        )

    def content(self, file_id: str, *, extra_headers: Headers | None = None) -> BinaryAPIResponse:
        return self._request(
            "get",
            f"/files/{path_param('file_id', file_id)}/content",
            cast_to=BinaryAPIResponse,
            binary=True,
            options=make_request_options(extra_headers=extra_headers),
        )

    def stream(
        self,
        *,
        stream: bool = True,
        extra_headers: Headers | None = None,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Thing | Stream[Chunk]:
        return self._request(
            "post",
            "/things/stream",
            body={"stream": stream},
            cast_to=Thing,
            stream=stream,
            stream_cls=Stream[Chunk],
            options=make_request_options(extra_headers=extra_headers, deadline=deadline),
        )

    @cached_property
    def with_raw_response(self) -> ThingsWithRawResponse:
        return ThingsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ThingsWithStreamingResponse:
        return ThingsWithStreamingResponse(self)


class ThingsWithRawResponse:
    def __init__(self, things: Things) -> None:
        self.create = to_raw_response_wrapper(things.create)
        self.list = to_raw_response_wrapper(things.list)
        self.content = to_raw_response_wrapper(things.content)
        self.stream = to_raw_response_wrapper(things.stream)


class ThingsWithStreamingResponse:
    def __init__(self, things: Things) -> None:
        self.create = to_streamed_response_wrapper(things.create)
        self.content = to_streamed_response_wrapper(things.content)
        self.stream = to_streamed_response_wrapper(things.stream)


class AsyncThings(AsyncAPIResource):
    async def create(
        self,
        *,
        name: str,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: dict[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Thing:
        return await self._request(
            "post",
            "/things",
            body={"name": name, "note": note},
            cast_to=Thing,
            options=_opts(extra_headers, extra_query, extra_body, timeout, max_retries, deadline),
        )

    async def retrieve(self, thing_id: str, *, extra_headers: Headers | None = None) -> Thing:
        return await self._request(
            "get",
            f"/things/{path_param('thing_id', thing_id)}",
            cast_to=Thing,
            options=make_request_options(extra_headers=extra_headers),
        )

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        order: str | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncPaginator[Thing, AsyncCursorPage[Thing]]:
        return self._request_page(
            "get",
            "/things",
            page=AsyncCursorPage[Thing],
            query={"limit": limit, "order": order, "after": after},
            options=make_request_options(extra_headers=extra_headers),
        )

    def list_all(self) -> AsyncPaginator[Thing, AsyncPage[Thing]]:
        return self._request_page(
            "get", "/all-things", page=AsyncPage[Thing], options=make_request_options()
        )

    def list_linked(
        self, *, limit: int | NotGiven = NOT_GIVEN, extra_headers: Headers | None = None
    ) -> AsyncPaginator[Thing, AsyncNextUrlPage[Thing]]:
        return self._request_page(
            "get",
            "/linked-things",
            page=AsyncNextUrlPage[Thing],
            query={"limit": limit},
            options=make_request_options(extra_headers=extra_headers),
        )

    def list_numbered(
        self, *, page: int | NotGiven = NOT_GIVEN, per_page: int | NotGiven = NOT_GIVEN
    ) -> AsyncPaginator[Thing, AsyncPageNumberPage[Thing]]:
        return self._request_page(
            "get",
            "/numbered-things",
            page=AsyncPageNumberPage[Thing],
            query={"page": page, "per_page": per_page},
            options=make_request_options(),
        )

    async def upload(
        self, *, file: FileTypes, purpose: str, meta: dict[str, Any] | None = None
    ) -> Thing:
        return await self._request(
            "post",
            "/files",
            body={"file": file, "purpose": purpose, "meta": meta},
            files=("file",),
            cast_to=Thing,
            options=make_request_options(),
        )

    async def content(
        self, file_id: str, *, extra_headers: Headers | None = None
    ) -> AsyncBinaryAPIResponse:
        return await self._request(
            "get",
            f"/files/{path_param('file_id', file_id)}/content",
            cast_to=AsyncBinaryAPIResponse,
            binary=True,
            options=make_request_options(extra_headers=extra_headers),
        )

    async def stream(
        self,
        *,
        stream: bool = True,
        extra_headers: Headers | None = None,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Thing | AsyncStream[Chunk]:
        return await self._request(
            "post",
            "/things/stream",
            body={"stream": stream},
            cast_to=Thing,
            stream=stream,
            stream_cls=AsyncStream[Chunk],
            options=make_request_options(extra_headers=extra_headers, deadline=deadline),
        )

    @cached_property
    def with_raw_response(self) -> AsyncThingsWithRawResponse:
        return AsyncThingsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncThingsWithStreamingResponse:
        return AsyncThingsWithStreamingResponse(self)


class AsyncThingsWithRawResponse:
    def __init__(self, things: AsyncThings) -> None:
        self.create = async_to_raw_response_wrapper(things.create)
        self.list = async_to_raw_response_wrapper(things.list)
        self.content = async_to_raw_response_wrapper(things.content)
        self.stream = async_to_raw_response_wrapper(things.stream)


class AsyncThingsWithStreamingResponse:
    def __init__(self, things: AsyncThings) -> None:
        self.create = async_to_streamed_response_wrapper(things.create)
        self.content = async_to_streamed_response_wrapper(things.content)
        self.stream = async_to_streamed_response_wrapper(things.stream)


class SyncTestClient(SyncAPIClient):
    """Like a generated client: fills in its config, exposes resources as cached properties."""

    def __init__(self, *, api_key: str = API_KEY, base_url: str = BASE_URL, **kwargs: Any) -> None:
        kwargs.setdefault("idempotency_header", "Idempotency-Key")
        super().__init__(
            api_key=api_key, base_url=base_url, user_agent="SyncTestClient/Python 9.9.9", **kwargs
        )

    @cached_property
    def things(self) -> Things:
        return Things(self)


class AsyncTestClient(AsyncAPIClient):
    def __init__(self, *, api_key: str = API_KEY, base_url: str = BASE_URL, **kwargs: Any) -> None:
        kwargs.setdefault("idempotency_header", "Idempotency-Key")
        super().__init__(
            api_key=api_key, base_url=base_url, user_agent="AsyncTestClient/Python 9.9.9", **kwargs
        )

    @cached_property
    def things(self) -> AsyncThings:
        return AsyncThings(self)
