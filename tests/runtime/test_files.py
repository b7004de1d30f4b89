"""File uploads (`client.files.create`) in every accepted form, checked by parsing the multipart
body that was sent."""

from __future__ import annotations

import email.parser
import io
from pathlib import Path
from typing import TypedDict, get_type_hints

import httpx2
import pytest
from _runtime_support import Api
from things_sdk._files import FileTypes, FileUpload, async_to_file, split_multipart, to_file

STORED = {"id": "file-1"}


def ok(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(200, json=STORED)


def parts(request: httpx2.Request) -> list[tuple[str, str | None, str, bytes]]:
    """(field name, filename, content type, payload) of each part of a multipart request."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser().parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.content
    )
    result = []
    for part in message.get_payload():
        name = part.get_param("name", header="content-disposition")
        result.append(
            (name, part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
        )
    return result


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_bytes(b'{"prompt": "hi"}\n')
    return path


async def test_path_upload_streams_the_file_with_name_and_type(api: Api, jsonl: Path) -> None:
    client = api.client(ok)
    result = await api.run(client.files.create(file=jsonl, purpose="fine-tune"))
    assert result.id == "file-1"
    assert parts(api.requests[0]) == [
        ("purpose", None, "text/plain", b"fine-tune"),
        ("file", "train.jsonl", "application/octet-stream", b'{"prompt": "hi"}\n'),
    ]
    assert "content-length" in api.requests[0].headers


async def test_open_file_bytes_and_tuples(api: Api, jsonl: Path) -> None:
    client = api.client(ok)
    with jsonl.open("rb") as handle:
        await api.run(client.files.create(file=handle, purpose="p"))
        assert not handle.closed  # the caller's file stays open
    await api.run(client.files.create(file=b"raw bytes", purpose="p"))
    await api.run(client.files.create(file=("data.csv", b"a,b\n", "text/csv"), purpose="p"))
    await api.run(
        client.files.create(file=("x.bin", io.BytesIO(b"\x00"), None, {"X-Part": "1"}), purpose="p")
    )
    files = [next(p for p in parts(r) if p[0] == "file") for r in api.requests]
    assert files[0] == ("file", "train.jsonl", "application/octet-stream", b'{"prompt": "hi"}\n')
    assert files[1] == ("file", "upload", "application/octet-stream", b"raw bytes")
    assert files[2] == ("file", "data.csv", "text/csv", b"a,b\n")
    assert files[3][1] == "x.bin" and files[3][3] == b"\x00"


async def test_to_file_results(api: Api, jsonl: Path) -> None:
    client = api.client(ok)
    await api.run(client.files.create(file=to_file(b"{}", filename="a.json"), purpose="p"))
    await api.run(
        client.files.create(file=to_file(jsonl, content_type="application/jsonl"), purpose="p")
    )
    files = [next(p for p in parts(r) if p[0] == "file") for r in api.requests]
    assert files[0] == ("file", "a.json", "application/json", b"{}")
    assert files[1] == ("file", "train.jsonl", "application/jsonl", b'{"prompt": "hi"}\n')


async def test_nested_form_fields_use_brackets(api: Api) -> None:
    client = api.client(ok)
    meta = {"tags": ["x", "y"], "opts": {"shuffle": True, "seed": 3, "skip": None}}
    await api.run(client.files.create(file=b"1", purpose="p", meta=meta))
    fields = [
        (name, payload)
        for name, filename, _ct, payload in parts(api.requests[0])
        if filename is None
    ]
    assert fields == [
        ("purpose", b"p"),
        ("meta[tags][]", b"x"),
        ("meta[tags][]", b"y"),
        ("meta[opts][shuffle]", b"true"),
        ("meta[opts][seed]", b"3"),
    ]


async def test_a_retried_upload_resends_the_whole_file(api: Api, jsonl: Path) -> None:
    codes = [503]

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(codes.pop()) if codes else ok(request)

    client = api.client(handler)
    await api.run(client.files.create(file=jsonl, purpose="p"))
    assert [next(p for p in parts(r) if p[0] == "file")[3] for r in api.requests] == [
        b'{"prompt": "hi"}\n'
    ] * 2


async def test_str_file_content_is_a_clear_type_error(api: Api) -> None:
    client = api.client(ok)
    with pytest.raises(TypeError, match=r"pass a pathlib\.Path"):
        await api.run(client.files.create(file="train.jsonl", purpose="p"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"pass a pathlib\.Path"):
        await api.run(client.files.create(file=("a.txt", "text"), purpose="p"))  # type: ignore[arg-type]
    assert api.requests == []


def test_to_file_inputs(jsonl: Path) -> None:
    assert to_file(jsonl).content == jsonl
    assert to_file(b"x").filename == "upload"
    upload = to_file(io.BytesIO(b"data"), filename="d.txt")
    assert (upload.filename, upload.content_type) == ("d.txt", "text/plain")

    class Reader:
        def read(self) -> bytes:
            return b"from read"

    assert to_file(Reader()).content == b"from read"  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"pathlib\.Path"):
        to_file("path/as/str")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary mode"):
        to_file(io.StringIO("text"))  # type: ignore[arg-type]
    assert to_file(to_file(b"x", filename="a.txt")).filename == "a.txt"
    assert "FileUpload(filename='a.txt'" in repr(to_file(b"x", filename="a.txt"))


async def test_async_to_file_awaits_async_read(jsonl: Path) -> None:
    class AsyncReader:
        name = "/tmp/remote.jsonl"

        async def read(self) -> bytes:
            return b"async data"

    upload = await async_to_file(AsyncReader())
    assert (upload.content, upload.filename) == (b"async data", "remote.jsonl")
    assert (await async_to_file(jsonl)).content == jsonl
    with pytest.raises(TypeError, match=r"pathlib\.Path"):
        await async_to_file("x")


def test_split_multipart_keeps_order_and_drops_none() -> None:
    body = {"a": 1, "b": None, "f": b"x", "l": [b"1", b"2"], "o": {"k": [1]}}
    fields, files = split_multipart(body, brackets=True)
    assert fields == {"a": "1", "o[k][]": "1"}
    assert [(name, type(up)) for name, up in files] == [
        ("f", FileUpload),
        ("l[]", FileUpload),
        ("l[]", FileUpload),
    ]
    fields, files = split_multipart(body)  # OpenAPI's encoding
    assert fields == {"a": "1"}
    assert [(name, type(up)) for name, up in files] == [
        ("f", FileUpload),
        ("l", FileUpload),
        ("l", FileUpload),
        ("o", tuple),
    ]
    assert files[-1][1] == (b'{"k":[1]}', "application/json")


def test_split_multipart_part_types_and_what_cannot_be_sent() -> None:
    photo = to_file(b"x", filename="a.bin")
    given = to_file(b"x", filename="a.bin", content_type="image/gif")
    types = {"p": "image/png", "g": "image/png", "w": "image/*", "s": "application/sdp"}
    _, files = split_multipart({"p": photo, "g": given, "w": photo, "s": "v=0"}, (), types)
    assert [(n, p if isinstance(p, tuple) else p.content_type) for n, p in files] == [
        ("p", "image/png"),  # the spec's type replaces the guessed one
        ("g", "image/gif"),  # not one the caller gave
        ("w", "application/octet-stream"),  # a wildcard says nothing
        ("s", (b"v=0", "application/sdp")),
    ]
    with pytest.raises(TypeError, match="as a application/sdp part for field 's'"):
        split_multipart({"s": {"not": "text"}}, (), types)


def test_file_types_has_no_forward_references() -> None:
    """Generated TypedDicts use `FileTypes`; resolving their hints must not need runtime names."""
    namespace: dict[str, object] = {
        "TypedDict": TypedDict,
        "FileTypes": FileTypes,
        "__name__": "params",
    }
    exec("class Params(TypedDict):\n    file: FileTypes\n", namespace)
    hints = get_type_hints(namespace["Params"], globalns=namespace)
    assert hints["file"] == FileTypes
