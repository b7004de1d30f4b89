"""Building the SDK's errors from responses and transport failures (no I/O).

- `describe_error_body`: the `body` and one-line message of an error response, parsed by
  content (JSON `error` objects, other JSON, HTML pages, plain text).
- `make_status_error` (non-2xx), `type_error_body` (its `body` as the type the operation
  declares for that status), `make_validation_error` (a 2xx body of the wrong shape),
  `not_streamed_error` (a `stream=True` call answered without an event stream),
  `make_connection_error` / `deadline_error` (transport failures and the call's deadline).

Secrets (the API key) are masked in every message and body taken from a response.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Mapping, Sequence

import httpx2

from ._core import EVENT_STREAM, PreparedCall
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    status_error_class,
)
from ._types import is_mapping
from ._utils import mask_secret

__all__ = [
    "deadline_error",
    "describe_error_body",
    "error_body_type",
    "make_connection_error",
    "make_status_error",
    "make_validation_error",
    "not_streamed_error",
    "type_error_body",
]
_log = logging.getLogger(__name__.rpartition(".")[0] or __name__)
_MESSAGE_KEYS = ("message", "error_msg", "msg", "detail", "error_message", "error_description")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_NOT_JSON = object()


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def describe_error_body(text: str) -> tuple[object, str]:
    """`(body, detail)` for an error response's text, parsed by content (not content type).

    `body` is the inner `error` object, else the decoded JSON, else the raw text (`None` when
    empty); `detail` is a one-line human message (the server's message when it has one).
    """
    stripped = text.strip()
    if not stripped:
        return None, ""
    data: object = _NOT_JSON
    if stripped[0] in '{["' or stripped[0].isdigit():
        with contextlib.suppress(ValueError):
            data = json.loads(stripped)
    if data is _NOT_JSON:
        if stripped.startswith("<") or "<html" in stripped[:512].lower():
            title = _TITLE.search(stripped)
            summary = title.group(1) if title else _TAG.sub(" ", stripped)
            return text, _shorten(summary, 200) + " (HTML response; full text in .body)"
        return text, _shorten(stripped, 500)
    body: object = data
    message: object = None
    if is_mapping(data):
        if "error" in data and data["error"] not in (None, "", {}):
            body = data["error"]
        if is_mapping(body):
            message = next((body[k] for k in _MESSAGE_KEYS if body.get(k)), None)
    if isinstance(body, str):
        message = body
    if not isinstance(message, str):
        message = _compact(body if message is None else message)
    return body, _shorten(message, 500)


def _scrub(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, mask_secret(secret))
    return text


def make_status_error(response: httpx2.Response, secrets: Sequence[str] = ()) -> APIStatusError:
    """The `APIStatusError` subclass for a non-2xx response whose body has been read."""
    try:
        text = response.text
    except httpx2.ResponseNotRead:
        text = ""
    body, detail = describe_error_body(_scrub(text, secrets))
    status = response.status_code
    if not detail:
        detail = f"{response.reason_phrase or 'no reason'} (empty body)"
    message = f"Error code: {status} - {detail}"
    if status in (404, 405):
        message += _wrong_url_hint(response, secrets)
    return status_error_class(status)(message, response=response, body=body)


def error_body_type(errors: Mapping[str, object], status: int) -> object | None:
    """The type an operation declares for the body of a `status` answer: the exact code
    (`"404"`), else its range (`"4XX"`), else `"default"`; `None` when it declares none."""
    found = errors.get(str(status))
    if found is None:
        found = errors.get(f"{status // 100}XX")
    if found is None:
        found = errors.get("default")
    return found


def type_error_body(
    error: APIStatusError,
    errors: Mapping[str, object],
    *,
    strict: bool = False,
    secrets: Sequence[str] = (),
) -> None:
    """Make `error.body` the type the operation declares for its status (`error_body_type`),
    validated from the whole JSON body, as the spec describes it.

    A body that is empty, not JSON or does not validate (`strict`: as the client's
    `strict_response_validation`) keeps the untyped `body` (`describe_error_body`), with a
    DEBUG log: the status error is what the caller must see, never a validation error.
    `message`, `code`, `param` and `type` are unchanged; the raw JSON stays available as
    `error.response.json()`.
    """
    type_ = error_body_type(errors, error.status_code)
    if type_ is None:
        return
    try:
        text = error.response.text
    except httpx2.ResponseNotRead:
        return
    if not text.strip():
        return
    # Loaded already: the generated module that declared `type_` imported its models.
    from ._models import BaseModel, set_request_id, validate_json

    try:
        body = validate_json(type_, _scrub(text, secrets), strict=strict)
    except ValueError as exc:  # pydantic's ValidationError is one
        _log.debug(
            "The %d error body does not match %s; `.body` keeps the decoded JSON (%s)",
            error.status_code,
            getattr(type_, "__name__", None) or repr(type_),
            str(exc).splitlines()[0],
        )
        return
    if isinstance(body, BaseModel):
        set_request_id(body, error.request_id)
    error.body = body


def _wrong_url_hint(response: httpx2.Response, secrets: Sequence[str]) -> str:
    """` [GET https://host/path: is the client's base_url right?]`, the usual cause of a 404."""
    try:
        request = response.request
    except RuntimeError:  # a response built without its request
        return ""
    return (
        f" [{request.method} {_scrub(str(request.url), secrets)}: is the client's base_url right?]"
    )


_TIMEOUT_HINTS: dict[type[httpx2.TimeoutException], tuple[str, str]] = {
    httpx2.ConnectTimeout: ("connect", "connecting to the server"),
    httpx2.ReadTimeout: ("read", "waiting for the server to send data"),
    httpx2.WriteTimeout: ("write", "sending the request"),
    httpx2.PoolTimeout: ("pool", "waiting for a free connection from the pool"),
}


def make_connection_error(
    exc: Exception, request: httpx2.Request, call: PreparedCall
) -> APIConnectionError:
    """An `APIConnectionError`/`APITimeoutError` for a transport failure, saying what to do."""
    if isinstance(exc, httpx2.TimeoutException):
        kind, doing = _TIMEOUT_HINTS.get(type(exc), ("", "waiting for the server"))
        limit = call.timeout.as_dict().get(kind)
        limit_text = f"the {kind} timeout of {limit:g} s" if limit is not None else "a timeout"
        return APITimeoutError(
            request,
            message=f"Request timed out {doing} ({limit_text} expired). "
            "Pass a larger `timeout=` to the client or the call, or set `deadline=` to bound the whole call.",
        )
    reason = str(exc) or type(exc).__name__
    return APIConnectionError(message=f"Connection error: {reason}", request=request)


def deadline_error(call: PreparedCall, request: httpx2.Request, attempts: int) -> APITimeoutError:
    """The error for a call that ran out of its overall `deadline`."""
    return APITimeoutError(
        request,
        message=f"Request deadline of {call.deadline_budget:g} s exceeded after {attempts} attempt(s). "
        "Pass a larger `deadline=` (or None to disable it) to the client or the call.",
    )


def make_validation_error(
    response: httpx2.Response, cast_to: object, exc: Exception
) -> APIResponseValidationError:
    """An `APIResponseValidationError` carrying the decoded body for a bad 2xx response."""
    body: object
    try:
        body = json.loads(response.content)
    except ValueError:
        body = response.text or None
    import pydantic  # already loaded: it raised `exc` (not imported with the client)

    name = getattr(cast_to, "__name__", None) or repr(cast_to)
    if isinstance(exc, pydantic.ValidationError):
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
            for err in exc.errors()[:3]
        )
        more = f" (and {exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
        message = f"Response body does not match {name}: {problems}{more}"
    else:
        message = f"Response body is not valid JSON for {name}: {exc}"
    return APIResponseValidationError(response, body, message=message)


def not_streamed_error(response: httpx2.Response, secrets: Sequence[str] = ()) -> APIError:
    """The error for a `stream=True` call answered with a 2xx whose content type is not SSE.

    (A proxy that drops `stream`, or a server that answers with JSON.) A JSON body with an
    `error` raises `APIError` with the server's message; anything else
    `APIResponseValidationError` naming the content type and quoting the body's start.
    """
    try:
        text = _scrub(response.text, secrets)
    except httpx2.ResponseNotRead:
        text = ""
    data: object = None
    with contextlib.suppress(ValueError):
        data = json.loads(text)
    body, detail = describe_error_body(text)
    if is_mapping(data) and data.get("error"):
        return APIError(detail, response.request, body=body, response=response)
    content_type = response.headers.get("content-type", "")
    excerpt = _shorten(text, 200) if text.strip() else "(empty body)"
    return APIResponseValidationError(
        response,
        body,
        message=f"The server did not stream: stream=True was sent, but the {response.status_code} "
        f"response is {content_type!r}, not {EVENT_STREAM!r}. Body: {excerpt}",
    )
