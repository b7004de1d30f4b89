"""Cursor, next-link, page-number and single pages: walking items and pages, guards."""

from __future__ import annotations

from typing import Any

import httpx2
import pytest
from _runtime_support import Api
from things_sdk._exceptions import PaginationError
from things_sdk._pagination import (
    AsyncCursorPage,
    AsyncNextUrlPage,
    AsyncPageNumberPage,
    AsyncPaginator,
    PageInfo,
    SyncCursorPage,
    SyncNextUrlPage,
    SyncPageNumberPage,
)
from things_sdk.types import ImagePart, PartUnknown, TextPart, Thing

PAGES = {
    None: {"data": [{"id": "a"}, {"id": "b"}], "has_more": True},
    "b": {"data": [{"id": "c"}, {"id": "d"}], "has_more": True},
    "d": {"data": [{"id": "e"}], "has_more": False},
}


def cursor_server(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(200, json=PAGES[request.url.params.get("after")])


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
    client = api.client(lambda r: httpx2.Response(200, json={"data": [], "has_more": True}))
    page = await first_page(api, client)
    assert not page.has_next_page()
    assert await api.collect(page) == []


async def test_missing_has_more_keeps_paging_until_an_empty_page(api: Api) -> None:
    pages = {None: [{"id": "a"}], "a": []}
    client = api.client(
        lambda r: httpx2.Response(200, json={"data": pages[r.url.params.get("after")]})
    )
    assert [t.id for t in await api.collect(await first_page(api, client))] == ["a"]


async def test_repeated_cursor_raises_instead_of_looping(api: Api) -> None:
    client = api.client(
        lambda r: httpx2.Response(200, json={"data": [{"id": "same"}], "has_more": True})
    )
    page = await first_page(api, client)
    with pytest.raises(PaginationError, match="same cursor again \\(after='same'\\)"):
        await api.collect(page)
    assert len(api.requests) == 2


async def test_single_page_has_no_next(api: Api) -> None:
    client = api.client(
        lambda r: httpx2.Response(200, json={"object": "list", "data": [{"id": "x"}, {"id": "y"}]})
    )
    page = await api.run(client.things.list_all())
    assert page.object == "list" and not page.has_next_page()
    assert [t.id for t in await api.collect(page)] == ["x", "y"]
    assert len(api.requests) == 1


async def test_a_page_of_a_discriminated_union_keeps_unknown_variants(api: Api) -> None:
    data = [
        {"type": "text", "text": "hi"},
        {"type": "image", "url": "u"},
        {"type": "video", "n": 1},
    ]
    client = api.client(lambda r: httpx2.Response(200, json={"data": data}))
    page = await api.run(client.things.parts.list("t/1"))
    parts = await api.collect(page)
    assert [type(part) for part in parts] == [TextPart, ImagePart, PartUnknown]
    assert parts[2].to_dict() == {"type": "video", "n": 1}
    assert api.requests[0].url.raw_path == b"/v1/things/t%2F1/parts"
    assert not page.has_next_page() and len(api.requests) == 1


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


# -- next-link pages ---------------------------------------------------------------------------

LINKED = {
    "/v1/linked-things": {"data": [{"id": "a"}], "next": "https://api.test/v1/linked-things/p2"},
    "/v1/linked-things/p2": {"data": [{"id": "b"}], "next": "p3?token=x%2Fy&limit=5"},
    "/v1/linked-things/p3": {"data": [{"id": "c"}], "next": None},
}


def linked_server(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(200, json=LINKED[request.url.path])


async def test_next_url_pages_follow_absolute_and_relative_links(api: Api) -> None:
    client = api.client(linked_server)
    page = await api.run(client.things.list_linked(limit=1, extra_headers={"X-Trace": "t"}))
    assert isinstance(page, AsyncNextUrlPage if api.is_async else SyncNextUrlPage)
    info = page.next_page_info()
    assert info is not None and info.url == "https://api.test/v1/linked-things/p2"
    assert repr(info) == "PageInfo(url='https://api.test/v1/linked-things/p2')"
    assert [t.id for t in await api.collect(page)] == ["a", "b", "c"]
    assert [str(r.url) for r in api.requests] == [
        "https://api.test/v1/linked-things?limit=1",
        "https://api.test/v1/linked-things/p2",  # the link's own query, not the first call's
        "https://api.test/v1/linked-things/p3?token=x%2Fy&limit=5",
    ]
    assert all(r.headers["x-trace"] == "t" for r in api.requests)  # options are kept


async def test_next_url_page_keeps_extra_query_and_stops_at_null(api: Api) -> None:
    client = api.client(linked_server, default_query={"tenant": "t"})
    page = await api.run(client.things.list_linked())
    pages = await api.collect(page.iter_pages())
    assert [p.next for p in pages][-1] is None and not pages[-1].has_next_page()
    assert all(r.url.params["tenant"] == "t" for r in api.requests)
    with pytest.raises(PaginationError, match="No next page"):
        await api.run(pages[-1].get_next_page())


@pytest.mark.parametrize(
    "link",
    ["https://evil.test/v1/linked-things/p2", "http://api.test/v1/p2", "//evil.test/p2"],
)
async def test_next_url_to_another_origin_is_refused(api: Api, link: str) -> None:
    client = api.client(lambda r: httpx2.Response(200, json={"data": [{"id": "a"}], "next": link}))
    page = await api.run(client.things.list_linked())
    with pytest.raises(PaginationError, match="another server"):
        await api.run(page.get_next_page())
    assert len(api.requests) == 1


async def test_next_url_repeating_the_page_url_raises(api: Api) -> None:
    client = api.client(
        lambda r: httpx2.Response(200, json={"data": [{"id": "a"}], "next": str(r.url)})
    )
    page = await api.run(client.things.list_linked(limit=2))
    with pytest.raises(PaginationError, match="own URL"):
        await api.collect(page)
    assert len(api.requests) == 1


async def test_empty_next_url_page_is_the_last(api: Api) -> None:
    client = api.client(lambda r: httpx2.Response(200, json={"data": [], "next": "/v1/more"}))
    page = await api.run(client.things.list_linked())
    assert not page.has_next_page() and await api.collect(page) == []


# -- page-number pages -------------------------------------------------------------------------


def numbered_server(pages: int, total: bool) -> Any:
    def handler(request: httpx2.Request) -> httpx2.Response:
        number = int(request.url.params.get("page", "1"))
        data = [{"id": f"p{number}"}] if number <= pages else []
        return httpx2.Response(
            200, json={"data": data, **({"total_pages": pages} if total else {})}
        )

    return handler


async def test_page_numbers_count_up_until_an_empty_page(api: Api) -> None:
    client = api.client(numbered_server(3, total=False))
    page = await api.run(client.things.list_numbered(per_page=1))
    assert isinstance(page, AsyncPageNumberPage if api.is_async else SyncPageNumberPage)
    info = page.next_page_info()
    assert info is not None and dict(info.params) == {"page": 2}
    assert [t.id for t in await api.collect(page)] == ["p1", "p2", "p3"]
    assert [str(r.url) for r in api.requests] == [
        "https://api.test/v1/numbered-things?per_page=1",
        "https://api.test/v1/numbered-things?page=2&per_page=1",
        "https://api.test/v1/numbered-things?page=3&per_page=1",
        "https://api.test/v1/numbered-things?page=4&per_page=1",
    ]


async def test_page_numbers_start_at_the_callers_page_and_stop_at_total_pages(api: Api) -> None:
    client = api.client(numbered_server(4, total=True))
    page = await api.run(client.things.list_numbered(page=2))
    assert [t.id for t in await api.collect(page)] == ["p2", "p3", "p4"]
    assert [r.url.params["page"] for r in api.requests] == ["2", "3", "4"]  # no 5th request
    last = await api.run(client.things.list_numbered(page=4))
    assert last.total_pages == 4 and not last.has_next_page()


def zero_numbered_server(pages: int, total: bool) -> Any:
    """Pages 0 .. pages-1, as Mistral numbers them (a call without `page` gets page 0)."""

    def handler(request: httpx2.Request) -> httpx2.Response:
        number = int(request.url.params.get("page", "0"))
        data = [{"id": f"p{number}"}] if number < pages else []
        return httpx2.Response(
            200, json={"data": data, **({"total_pages": pages} if total else {})}
        )

    return handler


async def test_pages_numbered_from_zero_count_up_from_zero(api: Api) -> None:
    client = api.client(zero_numbered_server(3, total=False))
    page = await api.run(client.things.list_from_zero(per_page=1))
    info = page.next_page_info()
    assert info is not None and dict(info.params) == {"page": 1}
    assert [t.id for t in await api.collect(page)] == ["p0", "p1", "p2"]
    # Page 0 is the call without `page`; page 3 is empty, so the last one requested.
    assert [r.url.params.get("page") for r in api.requests] == [None, "1", "2", "3"]


async def test_pages_numbered_from_zero_stop_at_total_pages(api: Api) -> None:
    client = api.client(zero_numbered_server(3, total=True))
    page = await api.run(client.things.list_from_zero())
    assert [t.id for t in await api.collect(page)] == ["p0", "p1", "p2"]
    assert [r.url.params.get("page") for r in api.requests] == [None, "1", "2"]  # no page 3
    last = await api.run(client.things.list_from_zero(page=2))
    assert last.total_pages == 3 and not last.has_next_page()
    one_page = api.client(zero_numbered_server(1, total=True))
    only = await api.run(one_page.things.list_from_zero())
    assert only.total_pages == 1 and not only.has_next_page()


async def test_pages_numbered_from_zero_start_at_the_callers_page(api: Api) -> None:
    client = api.client(zero_numbered_server(3, total=True))
    page = await api.run(client.things.list_from_zero(page=1))
    assert [t.id for t in await api.collect(page)] == ["p1", "p2"]
    assert [r.url.params["page"] for r in api.requests] == ["1", "2"]


async def test_a_one_page_list_numbered_from_one_stops_at_total_pages(api: Api) -> None:
    client = api.client(numbered_server(1, total=True))
    page = await api.run(client.things.list_numbered())
    assert [t.id for t in await api.collect(page)] == ["p1"]
    assert len(api.requests) == 1 and not page.has_next_page()


def test_page_number_page_not_from_a_call() -> None:
    page = SyncPageNumberPage[Thing].model_validate({"data": [{"id": "a"}], "total_pages": 3})
    info = page.next_page_info()
    assert info is not None and dict(info.params) == {"page": 2}
    with pytest.raises(PaginationError, match="not returned by a client call"):
        page.get_next_page()
