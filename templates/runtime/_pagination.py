"""Page classes: `for item in page` walks every page; `async for` on the async client.

A page is a pydantic model of one list response that also remembers the client, the call and
the URL that produced it, so `get_next_page()` repeats the call (same query params and options)
with the next page's params merged in, or requests the next page's URL. An empty page is always
the last one. How the next page is found is class-level data:

- `_items_field`: the field holding the items (`"data"`)
- cursors: `_cursor_param`, the query parameter that carries the cursor (`None`: no cursor);
  `_cursor_source`, the field of the last item whose value is the next cursor (`"id"`);
  `_has_more_field`, a boolean field that, when `False`, means "this was the last page"
- next links: `_next_url_field`, a field holding the next page's URL (absolute, or relative to
  this page's URL; `null` on the last page). Links to another origin (scheme, host, port) are
  refused, so the API key is never sent elsewhere.
- page numbers: `_page_param`, the query parameter numbering pages (the next page is the
  requested number plus one; a call that did not pass one got the first page, numbered by the
  call's `first_page`: 1, or what the spec says, e.g. 0); `_total_pages_field`, a field with
  the number of pages, when the server sends it

so another scheme of these kinds is a small subclass that changes these values.

Each page class requires its `data` (as most specs do); its `...OptionalData` twin is for a
response whose spec lets the server leave `data` out (Mistral's `BatchJobsOut`: `data` has a
default of `[]`): a page without it is empty, so the last one, also under strict validation.
"""

from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Optional, TypeVar

import httpx2
import pydantic
from typing_extensions import Self

from ._exceptions import PaginationError
from ._models import BaseModel
from ._types import is_mapping

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient
    from ._core import FinalRequestOptions

__all__ = [
    "AsyncCursorPage",
    "AsyncCursorPageOptionalData",
    "AsyncNextUrlPage",
    "AsyncNextUrlPageOptionalData",
    "AsyncPage",
    "AsyncPageNumberPage",
    "AsyncPageNumberPageOptionalData",
    "AsyncPageOptionalData",
    "AsyncPaginator",
    "BaseAsyncPage",
    "BasePage",
    "BaseSyncPage",
    "PageInfo",
    "SyncCursorPage",
    "SyncCursorPageOptionalData",
    "SyncNextUrlPage",
    "SyncNextUrlPageOptionalData",
    "SyncPage",
    "SyncPageNumberPage",
    "SyncPageNumberPageOptionalData",
    "SyncPageOptionalData",
]

_T = TypeVar("_T")


class PageInfo:
    """Where the next page is: query `params` to merge into the original call, or a `url`."""

    __slots__ = ("params", "url")

    def __init__(
        self, *, params: Optional[Mapping[str, object]] = None, url: Optional[str] = None
    ) -> None:
        self.params: Mapping[str, object] = params or {}
        self.url: Optional[str] = url

    def __repr__(self) -> str:
        if self.url is not None:
            return f"PageInfo(url={self.url!r})"
        return f"PageInfo(params={dict(self.params)!r})"


class BasePage(BaseModel, Generic[_T]):
    """What every page class shares; the paging scheme is described by the class variables."""

    _items_field: ClassVar[str] = "data"
    _cursor_param: ClassVar[Optional[str]] = None
    _cursor_source: ClassVar[str] = "id"
    _has_more_field: ClassVar[Optional[str]] = None
    _next_url_field: ClassVar[Optional[str]] = None
    _page_param: ClassVar[Optional[str]] = None
    _total_pages_field: ClassVar[Optional[str]] = None

    _client: Any = pydantic.PrivateAttr(default=None)
    _options: Any = pydantic.PrivateAttr(default=None)
    _url: Optional[httpx2.URL] = pydantic.PrivateAttr(default=None)

    def _set_context(self, client: Any, options: "FinalRequestOptions", url: httpx2.URL) -> None:
        """Remember the client, the call and the URL (after redirects) this page came from."""
        self._client = client
        self._options = options
        self._url = url

    def _get_items(self) -> list[_T]:
        items: Optional[list[_T]] = getattr(self, self._items_field, None)
        return items or []

    def next_page_info(self) -> Optional[PageInfo]:
        """Where the next page is, or `None` when this is the last one."""
        items = self._get_items()
        if not items:
            return None
        if self._next_url_field is not None:
            url = getattr(self, self._next_url_field, None)
            return PageInfo(url=url) if isinstance(url, str) and url else None
        if self._page_param is not None:
            return self._next_page_number(self._page_param)
        if self._cursor_param is None:
            return None
        if self._has_more_field is not None and getattr(self, self._has_more_field, None) is False:
            return None
        last = items[-1]
        cursor = (
            last.get(self._cursor_source)
            if is_mapping(last)
            else getattr(last, self._cursor_source, None)
        )
        if cursor is None:
            return None
        return PageInfo(params={self._cursor_param: cursor})

    def _next_page_number(self, param: str) -> Optional[PageInfo]:
        first = current = 1
        if self._options is not None:
            options: FinalRequestOptions = self._options
            first = current = options.first_page
            requested = {**(options.query or {}), **options.options.get("params", {})}.get(param)
            if isinstance(requested, (int, str)) and str(requested).isdigit():
                current = int(requested)
        total = getattr(self, self._total_pages_field, None) if self._total_pages_field else None
        if isinstance(total, int) and current >= first + total - 1:
            return None
        return PageInfo(params={param: current + 1})

    def has_next_page(self) -> bool:
        """Whether `get_next_page()` would fetch another page."""
        return self.next_page_info() is not None

    def _next_page_options(self) -> "FinalRequestOptions":
        info = self.next_page_info()
        if info is None:
            raise PaginationError(
                "No next page expected; check `.has_next_page()` before calling `.get_next_page()`"
            )
        if self._options is None or self._url is None:
            raise PaginationError(
                f"This {type(self).__name__} was not returned by a client call, so it cannot fetch more"
            )
        options: FinalRequestOptions = self._options
        if info.url is not None:
            return options.with_url(self._resolve(info.url, self._url))
        previous = {**(options.query or {}), **options.options.get("params", {})}
        for key, value in info.params.items():
            if previous.get(key) == value:
                raise PaginationError(
                    f"The server said there are more items but returned the same cursor again "
                    f"({key}={value!r}); stopping instead of requesting the same page forever"
                )
        return options.with_query(info.params)

    @staticmethod
    def _resolve(link: str, here: httpx2.URL) -> str:
        """`link` made absolute against this page's URL `here`; refused if it leaves its origin."""
        target = here.join(link)
        if (target.scheme, target.host, target.port) != (here.scheme, here.host, here.port):
            raise PaginationError(
                f"The next-page link {link!r} points to another server than {str(here)!r}; "
                "not following it (the request would carry your API key)"
            )
        if target == here:
            raise PaginationError(
                f"The server returned this page's own URL ({link!r}) as the next page; "
                "stopping instead of requesting the same page forever"
            )
        return str(target)


class BaseSyncPage(BasePage[_T]):
    """A page from the sync client: iterating it yields the items of this and every later page."""

    def get_next_page(self) -> Self:
        """Fetch the page after this one (same query params and options)."""
        options = self._next_page_options()
        result: Self = self._client.request(type(self), options)
        return result

    def iter_pages(self) -> Iterator[Self]:
        """This page, then every following page."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[_T]:  # type: ignore[override]
        for page in self.iter_pages():
            yield from page._get_items()


class BaseAsyncPage(BasePage[_T]):
    """A page from the async client: `async for item in page` walks every later page too."""

    async def get_next_page(self) -> Self:
        """Fetch the page after this one (same query params and options)."""
        options = self._next_page_options()
        result: Self = await self._client.request(type(self), options)
        return result

    async def iter_pages(self) -> AsyncIterator[Self]:
        """This page, then every following page."""
        page = self
        yield page
        while page.has_next_page():
            page = await page.get_next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page._get_items():
                yield item


_AsyncPageT = TypeVar("_AsyncPageT", bound="BaseAsyncPage[Any]")


class AsyncPaginator(Generic[_T, _AsyncPageT]):
    """What async list methods return: `await` it for the first page, or `async for` the items."""

    def __init__(
        self, client: "AsyncAPIClient", options: "FinalRequestOptions", page_cls: type[_AsyncPageT]
    ) -> None:
        self._client = client
        self._options = options
        self._page_cls = page_cls

    async def _get_page(self) -> _AsyncPageT:
        page: _AsyncPageT = await self._client.request(self._page_cls, self._options)
        return page

    def __await__(self) -> Generator[Any, None, _AsyncPageT]:
        return self._get_page().__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self
        async for item in page:
            yield item


class SyncPage(BaseSyncPage[_T]):
    """A plain list response (`{"object": "list", "data": [...]}`); there is no next page."""

    data: list[_T]
    object: Optional[str] = None


class AsyncPage(BaseAsyncPage[_T]):
    """Async twin of `SyncPage`."""

    data: list[_T]
    object: Optional[str] = None


class SyncCursorPage(BaseSyncPage[_T]):
    """Cursor pages: the next page is `?after=<id of the last item>` while `has_more` is not false."""

    data: list[_T]
    has_more: Optional[bool] = None

    _cursor_param: ClassVar[Optional[str]] = "after"
    _has_more_field: ClassVar[Optional[str]] = "has_more"


class AsyncCursorPage(BaseAsyncPage[_T]):
    """Async twin of `SyncCursorPage`."""

    data: list[_T]
    has_more: Optional[bool] = None

    _cursor_param: ClassVar[Optional[str]] = "after"
    _has_more_field: ClassVar[Optional[str]] = "has_more"


class SyncNextUrlPage(BaseSyncPage[_T]):
    """Next-link pages: `{"data": [...], "next": "<URL>" | null}`; the next page is at `next`."""

    data: list[_T]
    next: Optional[str] = None

    _next_url_field: ClassVar[Optional[str]] = "next"


class AsyncNextUrlPage(BaseAsyncPage[_T]):
    """Async twin of `SyncNextUrlPage`."""

    data: list[_T]
    next: Optional[str] = None

    _next_url_field: ClassVar[Optional[str]] = "next"


class SyncPageNumberPage(BaseSyncPage[_T]):
    """Numbered pages: `?page=N` counting up from the requested page (or the first one).

    Stops at an empty page, or at `total_pages` when the response has it.
    """

    data: list[_T]
    total_pages: Optional[int] = None

    _page_param: ClassVar[Optional[str]] = "page"
    _total_pages_field: ClassVar[Optional[str]] = "total_pages"


class AsyncPageNumberPage(BaseAsyncPage[_T]):
    """Async twin of `SyncPageNumberPage`."""

    data: list[_T]
    total_pages: Optional[int] = None

    _page_param: ClassVar[Optional[str]] = "page"
    _total_pages_field: ClassVar[Optional[str]] = "total_pages"


def _no_items() -> list[Any]:
    return []


class SyncPageOptionalData(SyncPage[_T]):
    """`SyncPage` of a response whose `data` may be absent (an empty page)."""

    data: list[_T] = pydantic.Field(default_factory=_no_items)


class AsyncPageOptionalData(AsyncPage[_T]):
    """`AsyncPage` of a response whose `data` may be absent (an empty page)."""

    data: list[_T] = pydantic.Field(default_factory=_no_items)


class SyncCursorPageOptionalData(SyncCursorPage[_T]):
    """`SyncCursorPage` of a response whose `data` may be absent (an empty page)."""

    data: list[_T] = pydantic.Field(default_factory=_no_items)


class AsyncCursorPageOptionalData(AsyncCursorPage[_T]):
    """`AsyncCursorPage` of a response whose `data` may be absent (an empty page)."""

    data: list[_T] = pydantic.Field(default_factory=_no_items)


class SyncNextUrlPageOptionalData(SyncNextUrlPage[_T]):
    """`SyncNextUrlPage` of a response whose `data` may be absent (an empty page)."""

    data: list[_T] = pydantic.Field(default_factory=_no_items)


class AsyncNextUrlPageOptionalData(AsyncNextUrlPage[_T]):
    """`AsyncNextUrlPage` of a response whose `data` may be absent (an empty page)."""

    data: list[_T] = pydantic.Field(default_factory=_no_items)


class SyncPageNumberPageOptionalData(SyncPageNumberPage[_T]):
    """`SyncPageNumberPage` of a response whose `data` may be absent (an empty page)."""

    data: list[_T] = pydantic.Field(default_factory=_no_items)


class AsyncPageNumberPageOptionalData(AsyncPageNumberPage[_T]):
    """`AsyncPageNumberPage` of a response whose `data` may be absent (an empty page)."""

    data: list[_T] = pydantic.Field(default_factory=_no_items)
