"""Request bodies that are neither JSON nor multipart, by the media type the operation sends
(generated code passes it as `_request(..., content_type=...)`; JSON is the default and
`multipart/form-data` goes through `_files`):

- `application/x-www-form-urlencoded`: an object, its fields encoded like a query string
  (`_qs`: arrays repeat the key, objects `a[b]=v`, fields the spec styles otherwise wrapped in
  `styled(...)` by the generated code); `None` and `NOT_GIVEN` fields are left out.
- `text/*`: a `str`, sent as UTF-8 (`; charset=utf-8` added unless the media type names one),
  or `bytes` as they are.
- anything else is binary: what a file argument accepts (`bytes`, a path, an open binary file,
  a `(filename, content[, content_type])` tuple, `to_file(...)`), read into memory so a retry
  can send it again. A wildcard media type (`*/*`, `image/*`) is replaced by the file's own
  content type (given, or guessed from its name, else `application/octet-stream`).

A `Content-Type` in `extra_headers` wins over the one chosen here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from ._files import upload_of
from ._qs import stringify_items
from ._types import FileUpload, is_mapping

__all__ = ["encode_body", "is_json_media"]

FORM = "application/x-www-form-urlencoded"


def is_json_media(media_type: str) -> bool:
    """Whether `media_type` is JSON (`application/json`, `application/merge-patch+json`, ...)."""
    base = media_type.partition(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def encode_body(body: object, media_type: str) -> tuple[bytes, str]:
    """The bytes of a form, text or binary body and the `Content-Type` they are sent with."""
    base = media_type.partition(";")[0].strip().lower()
    if base == FORM:
        if not is_mapping(body):
            raise TypeError(f"a {FORM} body must be a mapping of fields, not {type(body).__name__}")
        fields: Mapping[str, object] = {str(k): v for k, v in body.items()}
        return urlencode(stringify_items(fields)).encode("ascii"), media_type
    if base.startswith("text/"):
        if isinstance(body, str):
            sent = (
                media_type if "charset=" in media_type.lower() else f"{media_type}; charset=utf-8"
            )
            return body.encode("utf-8"), sent
        if isinstance(body, (bytes, bytearray)):
            return bytes(body), media_type
        raise TypeError(f"a {base} body must be str or bytes, not {type(body).__name__}")
    upload = upload_of(body, "`body`")
    return _read(upload), upload.content_type if "*" in base else media_type


def _read(upload: FileUpload) -> bytes:
    content = upload.content
    if isinstance(content, bytes):
        return content
    if isinstance(content, os.PathLike):
        with open(content, "rb") as handle:
            return handle.read()
    data: Any = content.read()  # duck-typed: may not keep its promise of bytes
    if isinstance(data, str):
        raise TypeError("`body`.read() returned str; open the file in 'rb' mode")
    return bytes(data)
