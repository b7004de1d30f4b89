"""Cursor and single pages: walking items and pages, next-page params, guards."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from _rt_harness import Api
from rt_fakeapi import Thing
from rtpkg._exceptions import PaginationError
from rtpkg._pagination import AsyncCursorPage, AsyncPaginator, PageInfo, SyncCursorPage

PAGES = {
    None: {"data": [{"id": "a"}, {"id": "b"}], "has_more": True},
    "b": {"data": [{"id": "c"}, {"id": "d"}], "has_more": True},
    "d": {"data": [{"id": "e"}], "has_more": False},
}


def cursor_server(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=PAGES[request.url.params.get("after")])


async def first_page(api: Api, client: Any, **kwargs: Any) -> Any:
    return await api.run(client.things.list(**kwargs))


async def test_iterating_a_page_walks_every_item(api: Api) -> None:
    client = api.client(cursor_server)
    items = await api.collect(await first_page(api, client, limit=2, order="asc"))
    assert [t.id for t in items] == ["a", "b", "c", "d", "e"]
    assert all(isinstance(t, Thing) for t in items)
    assert [str(r.url) for r in api.requests] == [
        "https://api.test/v1/things?limit=2&order=asc",
        "https://api.test/v1/things?limit=2&order=asc&after=b",
        "https://api.test/v1/things?limit=2&order=asc&after=d",
    ]


async def test_async_list_is_iterable_without_await() -> None:
    api = Api(is_async=True)
    client = api.client(cursor_server)
    paginator = client.things.list()
    assert isinstance(paginator, AsyncPaginator)
    assert [t.id async for t in paginator] == ["a", "b", "c", "d", "e"]
    page = await client.things.list()
    assert isinstance(page, AsyncCursorPage)
    await api.close()


async def test_page_by_page(api: Api) -> None:
    client = api.client(cursor_server)
    page = await first_page(api, client, limit=2)
    assert isinstance(page, AsyncCursorPage if api.is_async else SyncCursorPage)
    assert [t.id for t in page.data] == ["a", "b"] and page.has_more is True
    info = page.next_page_info()
    assert isinstance(info, PageInfo) and dict(info.params) == {"after": "b"}
    assert page.has_next_page()
    second = await api.run(page.get_next_page())
    assert [t.id for t in second.data] == ["c", "d"]
    assert api.requests[-1].url.params["limit"] == "2"
    last = await api.run(second.get_next_page())
    assert not last.has_next_page() and last.next_page_info() is None
    with pytest.raises(PaginationError, match="No next page"):
        await api.run(last.get_next_page())


async def test_iter_pages(api: Api) -> None:
    client = api.client(cursor_server)
    page = await first_page(api, client)
    pages = await api.collect(page.iter_pages())
    assert [[t.id for t in p.data] for p in pages] == [["a", "b"], ["c", "d"], ["e"]]


async def test_empty_page_stops_even_if_has_more(api: Api) -> None:
    client = api.client(lambda r: httpx.Response(200, json={"data": [], "has_more": True}))
    page = await first_page(api, client)
    assert not page.has_next_page()
    assert await api.collect(page) == []


async def test_missing_has_more_keeps_paging_until_an_empty_page(api: Api) -> None:
    pages = {None: [{"id": "a"}], "a": []}
    client = api.client(
        lambda r: httpx.Response(200, json={"data": pages[r.url.params.get("after")]})
    )
    assert [t.id for t in await api.collect(await first_page(api, client))] == ["a"]


async def test_repeated_cursor_raises_instead_of_looping(api: Api) -> None:
    client = api.client(
        lambda r: httpx.Response(200, json={"data": [{"id": "same"}], "has_more": True})
    )
    page = await first_page(api, client)
    with pytest.raises(PaginationError, match="same cursor again \\(after='same'\\)"):
        await api.collect(page)
    assert len(api.requests) == 2


async def test_single_page_has_no_next(api: Api) -> None:
    client = api.client(
        lambda r: httpx.Response(200, json={"object": "list", "data": [{"id": "x"}, {"id": "y"}]})
    )
    page = await api.run(client.things.list_all())
    assert page.object == "list" and not page.has_next_page()
    assert [t.id for t in await api.collect(page)] == ["x", "y"]
    assert len(api.requests) == 1


async def test_raw_response_of_a_list_call_parses_to_a_working_page(api: Api) -> None:
    client = api.client(cursor_server)
    raw = await api.run(client.things.with_raw_response.list(limit=2))
    page = await api.run(raw.parse())
    assert [t.id for t in await api.collect(page)] == ["a", "b", "c", "d", "e"]
    assert all(r.headers.get("x-sdk-internal-response-mode") is None for r in api.requests)


def test_page_not_from_a_call_cannot_fetch_more() -> None:
    page = SyncCursorPage[Thing].model_validate({"data": [{"id": "a"}], "has_more": True})
    with pytest.raises(PaginationError, match="not returned by a client call"):
        page.get_next_page()


def test_cursor_scheme_is_class_level_data() -> None:
    class NextIdPage(SyncCursorPage[Thing]):
        _cursor_param = "starting_after"
        _cursor_source = "name"

    page = NextIdPage.model_validate({"data": [{"id": "a", "name": "n1"}], "has_more": True})
    info = page.next_page_info()
    assert info is not None and dict(info.params) == {"starting_after": "n1"}
