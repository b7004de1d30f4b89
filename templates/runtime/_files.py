"""File uploads and multipart/form-data bodies.

A file argument may be a `pathlib.Path` (or any `os.PathLike`), an open binary file, `bytes`,
a `(filename, content[, content_type[, headers]])` tuple, or the result of `to_file(...)` /
`await async_to_file(...)`. Paths are opened only when the request is sent and streamed from
disk in chunks (never read into memory); open files are streamed too (and rewound on retry).
A `str` is rejected: pass `Path("data.jsonl")` for a file on disk or `text.encode()` for its
content. Filenames come from the path or the file's `.name`; content types are guessed from
the filename (`mimetypes`), falling back to `application/octet-stream`.

How a multipart body is encoded, by default as OpenAPI says (each top-level field is a part
named after it; `split_multipart`):

- a file is a file part; an array is one part per item, all with the field's name (a list of
  files: one file part each, `files`, `files`, ...)
- a string, number or boolean is a text part (`true` / `false`); an object (or a pydantic
  model, or an array inside an array) is a JSON part (`Content-Type: application/json`)
- the spec's `encoding` (passed by the generated code) overrides a part's content type: a
  JSON type encodes the value as JSON, another type sends the text with that type, and for a
  file it replaces the type guessed from the filename (not one the caller gave); a field whose
  `encoding` names a `style` is wrapped in `styled(...)` by the generated code and sent as text
  parts named like a form field (`deepObject`: `expand[]`, `data[key]`)
- `None` and `NOT_GIVEN` fields are left out

An SDK whose sdk.yaml says `multipart_style: brackets` (what openai-python sends) encodes
every body like a Rails form instead, ignoring the spec's `encoding` content types: a file
anywhere becomes a part named by its path (`file`, `a[b]`, `files[]`), nested objects become
`a[b]=value` text parts and arrays repeat `a[]=value`.
"""

from __future__ import annotations

import datetime
import inspect
import io
import os
from collections.abc import Mapping, Sequence
from typing import IO, Any, Optional, Union, cast

from ._qs import Styled
from ._types import FileContent, FileTypes, FileUpload, NotGiven, is_array, is_mapping, name_of

__all__ = ["FileTypes", "FileUpload", "async_to_file", "to_file"]

HttpxFile = tuple[str, tuple[Optional[str], Any, str, Mapping[str, str]]]
ValuePart = tuple[bytes, str]
"""A part that is not a file: its bytes and content type (sent without a filename)."""
Part = Union[FileUpload, ValuePart]


def _reject_str(what: str) -> TypeError:
    return TypeError(
        f"{what} got a str; pass a pathlib.Path for a file on disk, "
        "or bytes (e.g. text.encode()) for its content"
    )


def _content_of(value: object, what: str) -> FileContent | None:
    """`value` as uploadable content, `None` if it is not file content at all."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, bytearray):
        return bytes(value)
    if isinstance(value, memoryview):
        return value.tobytes()
    if isinstance(value, os.PathLike):
        return cast("os.PathLike[str]", value)  # a bytes path is opened just the same
    if isinstance(value, io.TextIOBase):
        raise TypeError(f"{what} got a text-mode file; open it in binary mode ('rb')")
    if callable(getattr(value, "read", None)):
        return value  # type: ignore[return-value]  # duck-typed binary file
    return None


def _tuple_items(value: object) -> tuple[object, ...]:
    """`value` if it is a tuple, else `()`."""
    return cast("tuple[object, ...]", value) if isinstance(value, tuple) else ()


def _upload_from(value: object, what: str) -> FileUpload | None:
    """Interpret a body value as a file (`None` when it is a plain form value)."""
    if isinstance(value, FileUpload):
        return value
    parts = _tuple_items(value)
    if 2 <= len(parts) <= 4 and (parts[0] is None or isinstance(parts[0], str)):
        if isinstance(parts[1], str):
            raise _reject_str(what)
        content = _content_of(parts[1], what)
        if content is None:
            return None
        return FileUpload(
            content,
            filename=parts[0],
            content_type=cast("str | None", parts[2]) if len(parts) > 2 else None,
            headers=cast("Mapping[str, str] | None", parts[3]) if len(parts) > 3 else None,
        )
    content = _content_of(value, what)
    return None if content is None else FileUpload(content)


def upload_of(value: object, what: str) -> FileUpload:
    """`value` as a file for `what` (a whole binary body): what a file argument accepts; a
    `str` or anything else is a `TypeError`."""
    if isinstance(value, str):
        raise _reject_str(what)
    upload = _upload_from(value, what)
    if upload is None:
        raise TypeError(
            f"{what} must be bytes, a path, an open binary file or to_file(...), "
            f"not {type(value).__name__}"
        )
    return upload


def to_file(
    content: FileTypes, filename: str | None = None, content_type: str | None = None
) -> FileUpload:
    """Prepare a file for upload.

    `content` may be bytes, a path, an open binary file, any object with a `.read()` that
    returns bytes (read now), or an existing `FileUpload`/tuple. Paths and real files stay
    streamed; `filename`/`content_type` override what would be inferred.
    """
    if isinstance(content, str):
        raise _reject_str("to_file()")
    upload = _upload_from(content, "to_file()")
    if upload is None:
        raise TypeError(f"to_file() cannot upload a {type(content).__name__}")
    return _finish(upload, filename, content_type)


async def async_to_file(
    content: FileTypes | Any, filename: str | None = None, content_type: str | None = None
) -> FileUpload:
    """Like `to_file`, and also accepts objects whose `.read()` is a coroutine (it is awaited)."""
    if isinstance(content, str):
        raise _reject_str("async_to_file()")
    read = getattr(content, "read", None)
    if inspect.iscoroutinefunction(read):
        data = await read()
        if isinstance(data, str):
            raise _reject_str("async_to_file() read()")
        return FileUpload(
            bytes(data), filename=filename or name_of(content), content_type=content_type
        )
    return to_file(content, filename, content_type)


def _finish(upload: FileUpload, filename: str | None, content_type: str | None) -> FileUpload:
    content = upload.content
    if not isinstance(content, (bytes, os.PathLike, io.IOBase)):
        data = content.read()  # duck-typed reader without a seekable file behind it
        if isinstance(data, str):
            raise _reject_str("to_file() read()")
        content = bytes(data)
    if filename is None and content_type is None and content is upload.content:
        return upload
    return FileUpload(
        content,
        filename=filename or upload.filename,
        content_type=content_type
        or (None if filename or upload.guessed_type else upload.content_type),
        headers=upload.headers,
    )


def split_multipart(
    body: Mapping[str, object],
    file_fields: Sequence[str] = (),
    part_types: Mapping[str, str] | None = None,
    brackets: bool = False,
) -> tuple[dict[str, str | list[str]], list[tuple[str, Part]]]:
    """Split a request body into text fields and other parts (files, JSON; no I/O).

    `file_fields` names top-level fields that must hold a file; a `str` there raises
    `TypeError` instead of being sent as text. `part_types` maps a field to the content type
    the spec's `encoding` gives its parts; `brackets` selects the Rails-style encoding (see
    the module docstring).
    """
    for name in file_fields:
        if isinstance(body.get(name), str):
            raise _reject_str(f"`{name}`")
    fields: dict[str, str | list[str]] = {}
    parts: list[tuple[str, Part]] = []
    for key, value in body.items():
        if brackets:
            _walk(key, value, fields, parts)
        else:
            media = part_types.get(key) if part_types else None
            _part(key, value, _single_type(media), fields, parts, top=True)
    return fields, parts


def _single_type(media: str | None) -> str | None:
    """`media` if it names one concrete type (not `image/*`, nor a list of types)."""
    if media is None or "*" in media or "," in media:
        return None
    return media.strip()


def _is_json(media: str) -> bool:
    base = media.partition(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def _part(
    key: str,
    value: object,
    media: str | None,
    fields: dict[str, str | list[str]],
    parts: list[tuple[str, Part]],
    top: bool = False,
) -> None:
    if value is None or isinstance(value, NotGiven):
        return
    if isinstance(value, Styled):  # the spec gives the field a `style`: text parts
        items: list[tuple[str, str]] = []
        value.flatten(items, key)
        for name, item in items:
            _add_field(fields, name, item)
        return
    text = _text_of(value)
    if text is None and not is_mapping(value):
        upload = _upload_from(value, f"`{key}`")
        if upload is not None:
            if media is not None and upload.guessed_type:
                upload = FileUpload(
                    upload.content, filename=upload.filename, content_type=media,
                    headers=upload.headers,
                )  # fmt: skip
            parts.append((key, upload))
            return
        if top and is_array(value):
            for element in value:
                _part(key, element, media, fields, parts)
            return
    if media is not None and _is_json(media):
        from ._core import encode_json  # _core imports this module

        parts.append((key, (encode_json(value), media)))
    elif text is None:
        if media is not None:
            raise TypeError(
                f"Cannot send {type(value).__name__} as a {media} part for field {key!r}"
            )
        from ._core import encode_json

        parts.append((key, (encode_json(value), "application/json")))
    elif media is None or media.partition(";")[0].strip().lower() == "text/plain":
        _add_field(fields, key, text)
    else:
        parts.append((key, (text.encode("utf-8"), media)))


def _text_of(value: object) -> str | None:
    """A scalar's text (`true` / `false` for booleans, ISO 8601 for dates); else `None`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return None


def _walk(
    key: str,
    value: object,
    fields: dict[str, str | list[str]],
    files: list[tuple[str, Part]],
) -> None:
    if value is None or isinstance(value, NotGiven):
        return
    if isinstance(value, bool):
        _add_field(fields, key, "true" if value else "false")
    elif isinstance(value, (str, int, float)):
        _add_field(fields, key, str(value))
    elif is_mapping(value):
        for sub_key, sub_value in value.items():
            _walk(f"{key}[{sub_key}]", sub_value, fields, files)
    elif isinstance(value, Styled):
        items: list[tuple[str, str]] = []
        value.flatten(items, key)
        for name, item in items:
            _add_field(fields, name, item)
    else:
        upload = _upload_from(value, f"`{key}`")
        if upload is not None:
            files.append((key, upload))
        elif is_array(value):
            for element in value:
                _walk(f"{key}[]", element, fields, files)
        else:
            raise TypeError(f"Cannot encode {type(value).__name__} for form field {key!r}")


def _add_field(fields: dict[str, str | list[str]], key: str, value: str) -> None:
    existing = fields.get(key)
    if existing is None:
        fields[key] = value
    elif isinstance(existing, list):
        existing.append(value)
    else:
        fields[key] = [existing, value]


def open_files(files: list[tuple[str, Part]], opened: list[IO[bytes]]) -> list[HttpxFile]:
    """Turn file and JSON parts into httpx2's `files=` form, opening paths (appended to
    `opened`).

    The caller closes everything in `opened` once the call (with all its retries) is over.
    """
    result: list[HttpxFile] = []
    for field, upload in files:
        if isinstance(upload, tuple):
            data, media = upload
            result.append((field, (None, data, media, {})))
            continue
        content: FileContent = upload.content
        if isinstance(content, os.PathLike):
            handle = open(content, "rb")  # noqa: SIM115 - closed by the caller after the call
            opened.append(handle)
            content = handle
        result.append((field, (upload.filename, content, upload.content_type, upload.headers)))
    return result
