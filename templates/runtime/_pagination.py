"""Page classes: `for item in page` walks every page; `async for` on the async client.

A page is a pydantic model of one list response that also remembers the client and the call
that produced it, so `get_next_page()` repeats the call (same query params and options) with
the cursor of the next page merged in. How the next page is found is class-level data:

- `_items_field`: the field holding the items (`"data"`)
- `_cursor_param`: query parameter that carries the cursor (`None`: a single page)
- `_cursor_source`: field of the last item whose value is the next cursor (`"id"`)
- `_has_more_field`: boolean field that, when `False`, means "this was the last page"

so another cursor scheme is a small subclass that changes these values.
"""

from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Optional, TypeVar

import pydantic
from typing_extensions import Self

from ._exceptions import PaginationError
from ._models import BaseModel

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient
    from ._core import FinalRequestOptions

__all__ = [
    "AsyncCursorPage",
    "AsyncPage",
    "AsyncPaginator",
    "BaseAsyncPage",
    "BasePage",
    "BaseSyncPage",
    "PageInfo",
    "SyncCursorPage",
    "SyncPage",
]

_T = TypeVar("_T")


class PageInfo:
    """Where the next page is: query `params` to merge into the original call."""

    __slots__ = ("params",)

    def __init__(self, *, params: Mapping[str, object]) -> None:
        self.params = params

    def __repr__(self) -> str:
        return f"PageInfo(params={dict(self.params)!r})"


class BasePage(BaseModel, Generic[_T]):
    """What every page class shares; the paging scheme is described by the class variables."""

    _items_field: ClassVar[str] = "data"
    _cursor_param: ClassVar[Optional[str]] = None
    _cursor_source: ClassVar[str] = "id"
    _has_more_field: ClassVar[Optional[str]] = None

    _client: Any = pydantic.PrivateAttr(default=None)
    _options: Any = pydantic.PrivateAttr(default=None)

    def _set_context(self, client: Any, options: "FinalRequestOptions") -> None:
        self._client = client
        self._options = options

    def _get_items(self) -> list[_T]:
        items: Optional[list[_T]] = getattr(self, self._items_field, None)
        return items or []

    def next_page_info(self) -> Optional[PageInfo]:
        """The params of the next page, or `None` when this is the last one."""
        items = self._get_items()
        if self._cursor_param is None or not items:
            return None
        if self._has_more_field is not None and getattr(self, self._has_more_field, None) is False:
            return None
        last = items[-1]
        cursor = (
            last.get(self._cursor_source)
            if isinstance(last, Mapping)
            else getattr(last, self._cursor_source, None)
        )
        if cursor is None:
            return None
        return PageInfo(params={self._cursor_param: cursor})

    def has_next_page(self) -> bool:
        """Whether `get_next_page()` would fetch another page."""
        return self.next_page_info() is not None

    def _next_page_options(self) -> "FinalRequestOptions":
        info = self.next_page_info()
        if info is None:
            raise PaginationError(
                "No next page expected; check `.has_next_page()` before calling `.get_next_page()`"
            )
        if self._options is None:
            raise PaginationError(
                f"This {type(self).__name__} was not returned by a client call, so it cannot fetch more"
            )
        options: FinalRequestOptions = self._options
        previous = {**(options.query or {}), **options.options.get("params", {})}
        for key, value in info.params.items():
            if previous.get(key) == value:
                raise PaginationError(
                    f"The server said there are more items but returned the same cursor again "
                    f"({key}={value!r}); stopping instead of requesting the same page forever"
                )
        return options.with_query(info.params)


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
        options = self._next_page_options()
        result: Self = await self._client.request(type(self), options)
        return result

    async def iter_pages(self) -> AsyncIterator[Self]:
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
