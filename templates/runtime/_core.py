"""The client's logic that does no I/O, shared by the sync and async shells.

- `FinalRequestOptions`: what one call asks for (method, path, query, body, per-call options).
- `ClientConfig` + `prepare_call`: resolve a call against the client's defaults into a
  `PreparedCall` (URL, merged headers, encoded query and JSON body or multipart parts, timeout,
  retry budget, absolute deadline, idempotency key) and `build_request` for one attempt.
- The retry policy: `should_retry_status`, `retry_after_seconds`, `backoff_delay`, `plan_retry`.
- Which bodies an attempt reads at once (`must_read_body`). The errors built from responses
  and transport failures live in `_failures`.
"""

from __future__ import annotations

import datetime
import email.utils
import json
import math
import os
import re
import sys
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Callable, cast

import httpx2

from ._bodies import StreamedBody, encode_body, is_json_media
from ._files import split_multipart
from ._qs import stringify_items
from ._types import NotGiven, Omit, RequestOptions, Timeout, is_mapping
from ._utils import check_header, strip_not_given

if TYPE_CHECKING:
    from ._files import HttpxFile, Part

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "ClientConfig",
    "FinalRequestOptions",
    "PreparedCall",
    "RetryPlan",
    "build_request",
    "may_be_event_stream",
    "must_read_body",
    "plan_retry",
    "prepare_call",
]

DEFAULT_TIMEOUT = httpx2.Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""Longest server-requested wait honoured; asking for more means "give up now"."""

RESPONSE_MODE_HEADER = "X-Sdk-Internal-Response-Mode"
"""Private marker put in `extra_headers` by the raw/streamed wrappers; stripped, never sent."""
DEADLINE_EXTENSION = "sdk_deadline"
"""Key of the call's absolute deadline (client clock) in `httpx2.Request.extensions`."""
EVENT_STREAM = "text/event-stream"

_NO_BODY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_QUOTA_WORDS = re.compile(
    r"insufficient[ _](quota|balance)|quota[ _]exceeded|exceeded your current quota|billing", re.I
)


class FinalRequestOptions:
    """One call as the generated code described it, before client defaults are applied.

    Kept (unresolved) on pages so the next page repeats the call with new query params.
    """

    __slots__ = (
        "body",
        "content_type",
        "errors",
        "file_fields",
        "files",
        "first_page",
        "method",
        "options",
        "part_types",
        "query",
        "security",
        "url",
    )

    def __init__(
        self,
        method: str,
        url: str,
        *,
        query: Mapping[str, object] | None = None,
        body: object = None,
        files: bool | Sequence[str] = False,
        options: RequestOptions | None = None,
        content_type: str | None = None,
        security: Sequence[Sequence[str | tuple[str, ...]]] | None = None,
        errors: Mapping[str, object] | None = None,
        part_types: Mapping[str, str] | None = None,
        first_page: int = 1,
    ) -> None:
        self.method: str = method.upper()
        self.url: str = url
        self.query: Mapping[str, object] | None = query
        self.body: object = body
        self.files: bool = bool(files)
        self.file_fields: Sequence[str] = () if isinstance(files, bool) else tuple(files)
        self.options: RequestOptions = options if options is not None else {}
        self.content_type: str | None = content_type
        """The body's media type when it is not plain JSON (`_bodies`); `None`: JSON."""
        self.security: Sequence[Sequence[str | tuple[str, ...]]] | None = security
        """The operation's own `security` (see `_auth`); None: the client's default."""
        self.errors: Mapping[str, object] | None = errors
        """The types of the error bodies the operation declares, by status as the spec writes
        it (`"404"`, `"4XX"`, `"default"`); see `_failures.type_error_body`."""
        self.part_types: Mapping[str, str] | None = part_types
        """A multipart body's content type per field, from the spec's `encoding` (`_files`)."""
        self.first_page: int = first_page
        """The page number a list call without its page parameter gets (`_pagination`)."""

    def with_query(self, params: Mapping[str, object]) -> FinalRequestOptions:
        """A copy with `params` merged over the query (for the next page); response mode reset."""
        return self._next_page(self.url, {**(self.query or {}), **params})

    def with_url(self, url: str) -> FinalRequestOptions:
        """A copy requesting `url`, a next-page link that carries its own query string."""
        return self._next_page(url, None)

    def _next_page(self, url: str, query: Mapping[str, object] | None) -> FinalRequestOptions:
        headers = {
            k: v for k, v in self.options.get("headers", {}).items() if k != RESPONSE_MODE_HEADER
        }
        options: RequestOptions = {**self.options, "headers": headers}
        return FinalRequestOptions(
            self.method,
            url,
            query=query,
            body=self.body,
            files=self.file_fields or self.files,
            options=options,
            content_type=self.content_type,
            security=self.security,
            errors=self.errors,
            part_types=self.part_types,
            first_page=self.first_page,
        )


class ClientConfig:
    """The client-level defaults a call is resolved against (immutable once built)."""

    __slots__ = (
        "base_url",
        "deadline",
        "default_accept",
        "default_query",
        "header_keys",
        "headers",
        "idempotency_header",
        "max_retries",
        "multipart_brackets",
        "path_prefixes",
        "root_url",
        "secrets",
        "timeout",
        "timeout_dict",
    )

    def __init__(
        self,
        *,
        base_url: str | httpx2.URL,
        headers: Mapping[str, str | Omit],
        default_query: Mapping[str, object] | None,
        timeout: Timeout,
        max_retries: int,
        deadline: float | None,
        idempotency_header: str | None,
        secrets: Sequence[str] = (),
        custom_headers: Mapping[str, str | Omit] | None = None,
        path_prefixes: Sequence[str] = (),
        multipart_brackets: bool = False,
    ) -> None:
        self.base_url = str(base_url).rstrip("/") + "/"
        self.path_prefixes, self.root_url = api_root(self.base_url, path_prefixes)
        custom = custom_headers or {}
        self.headers: dict[str, str] = merge_headers({}, {**headers, **custom})
        self.default_accept = not any(name.lower() == "accept" for name in custom)
        """The user did not set `Accept`, so streaming calls may ask for an event stream."""
        self.header_keys = {name.lower(): name for name in self.headers}
        self.default_query = dict(default_query or {})
        self.timeout = to_timeout(timeout)
        self.timeout_dict = self.timeout.as_dict()
        self.max_retries = check_max_retries(max_retries)
        self.deadline = check_deadline(deadline)
        self.idempotency_header = idempotency_header
        self.secrets = tuple(s for s in secrets if s)
        self.multipart_brackets = multipart_brackets
        """Multipart bodies are encoded Rails-style (`a[b]`, `a[]`), not as OpenAPI says."""


def api_root(base_url: str, path_prefixes: Sequence[str]) -> tuple[tuple[str, ...], str]:
    """`(prefixes as "/p/", root URL)`: the root is `base_url` without a trailing prefix.

    An API served under several path prefixes (DeepSeek: `/v1` and `/beta`) declares them in
    the generator config. A base URL may end with one of them (`https://api.deepseek.com/beta`),
    and an operation path may start with one (`/beta/completions`): such a path is joined to the
    root, so the prefix is never doubled (`/beta/beta/...`) or stacked (`/v1/beta/...`); other
    paths are joined to the base URL as given.
    """
    prefixes = tuple("/" + p.strip("/") + "/" for p in path_prefixes if p.strip("/"))
    scheme, _, rest = base_url.partition("://")
    host, _, path = rest.partition("/")
    for prefix in prefixes:
        if ("/" + path).endswith(prefix):
            return prefixes, f"{scheme}://{host}/{path[: len(path) - len(prefix) + 1]}"
    return prefixes, base_url


def to_timeout(timeout: Timeout) -> httpx2.Timeout:
    """Normalise `float | httpx2.Timeout | None` (None = no timeout)."""
    return timeout if isinstance(timeout, httpx2.Timeout) else httpx2.Timeout(timeout)


def check_max_retries(max_retries: object) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise TypeError(f"max_retries must be an int >= 0, got {max_retries!r}")
    return max_retries


def check_deadline(deadline: object) -> float | None:
    if deadline is not None and (not isinstance(deadline, (int, float)) or not deadline > 0):
        raise ValueError(f"deadline must be a positive number of seconds or None, got {deadline!r}")
    return None if deadline is None else float(deadline)


def merge_headers(base: Mapping[str, str], extra: Mapping[str, str | Omit]) -> dict[str, str]:
    """`base` updated with `extra`, matching names case-insensitively; `Omit` removes a header."""
    merged = dict(base)
    keys = {name.lower(): name for name in merged}
    for name, value in extra.items():
        lower = name.lower()
        existing = keys.pop(lower, None)
        if existing is not None:
            del merged[existing]
        if not isinstance(value, Omit):
            merged[name] = check_header(name, value)
            keys[lower] = name
    return merged


class PreparedCall:
    """A call resolved against the client: everything needed to send each attempt."""

    __slots__ = (
        "auth_hook",
        "content",
        "deadline",
        "deadline_budget",
        "event_stream",
        "file_parts",
        "form_fields",
        "headers",
        "max_retries",
        "method",
        "mode",
        "params",
        "stream",
        "timeout",
        "url",
    )

    def __init__(self) -> None:
        self.method = "GET"
        self.url = ""
        self.params: list[tuple[str, str]] | None = None
        self.headers: dict[str, str] = {}
        self.content: bytes | StreamedBody | None = None
        self.form_fields: dict[str, str | list[str]] | None = None
        self.file_parts: list[tuple[str, Part]] = []
        self.timeout = DEFAULT_TIMEOUT
        self.max_retries = DEFAULT_MAX_RETRIES
        self.deadline: float | None = None
        self.deadline_budget: float | None = None
        self.mode: str | None = None
        self.stream = False
        """The body is left unread for the caller (an event stream or `with_streaming_response`)."""
        self.event_stream = False
        """The caller asked for an event stream (`stream=True`)."""
        self.auth_hook: Callable[[httpx2.Request], httpx2.Request | None] | None = None
        """The client's `auth_hook`, called with each attempt's request (see `_auth`)."""


def prepare_call(
    config: ClientConfig, opts: FinalRequestOptions, *, stream: bool, now: float
) -> PreparedCall:
    """Resolve `opts` against `config` (no I/O). `now` is the client clock, for the deadline."""
    call = PreparedCall()
    options = opts.options
    call.method = opts.method
    url = opts.url
    if url.startswith(("http://", "https://")):
        call.url = url
    elif config.path_prefixes and url.startswith(config.path_prefixes):
        call.url = config.root_url + url.lstrip("/")
    else:
        call.url = config.base_url + url.lstrip("/")

    extra_headers = options.get("headers")
    headers = config.headers
    header_keys: Collection[str] = config.header_keys
    default_accept = config.default_accept
    if extra_headers:
        extra = dict(extra_headers)
        mode = extra.pop(RESPONSE_MODE_HEADER, None)
        call.mode = mode if isinstance(mode, str) else None
        if extra:
            headers = merge_headers(headers, extra)
            header_keys = {name.lower() for name in headers}
            default_accept = default_accept and not any(k.lower() == "accept" for k in extra)
    call.stream = stream or call.mode == "stream"
    call.event_stream = stream

    query: Mapping[str, object] | None = opts.query
    extra_query = options.get("params")
    if config.default_query or extra_query:
        query = {**config.default_query, **(query or {}), **(extra_query or {})}
    if query:
        call.params = stringify_items(query) or None

    body = opts.body
    if isinstance(body, NotGiven):  # an optional body that is not an object, left out
        body = None
    extra_body = options.get("extra_json")
    if extra_body:
        if call.method in _NO_BODY_METHODS:
            raise ValueError(
                f"extra_body cannot be sent with a {call.method} request; use extra_query"
            )
        if body is None:
            body = extra_body
        elif is_mapping(body):
            body = {**body, **extra_body}
        else:
            raise TypeError("extra_body can only be merged into an object body (JSON or a form)")
    if is_mapping(body):
        body = strip_not_given(body)
    added: dict[str, str] = {}
    if stream and default_accept:
        added["Accept"] = EVENT_STREAM  # replaces the default `Accept: application/json`
    if opts.files:
        call.form_fields, call.file_parts = split_multipart(
            body or {},  # type: ignore[arg-type]
            opts.file_fields,
            opts.part_types,
            config.multipart_brackets,
        )
        headers = _without_content_type(headers)
    elif body is not None:
        media = opts.content_type
        if media is None:
            call.content = encode_json(body)
            media = "application/json"
        elif is_json_media(media):
            call.content = encode_json(body)
        else:
            call.content, media = encode_body(body, media)
            length = call.content.length if isinstance(call.content, StreamedBody) else None
            if length is not None and "content-length" not in header_keys:
                added["Content-Length"] = str(length)
        if "content-type" not in header_keys:
            added["Content-Type"] = media
    idempotency = config.idempotency_header
    if (
        idempotency
        and call.method not in _NO_BODY_METHODS
        and idempotency.lower() not in header_keys
    ):
        added[idempotency] = new_idempotency_key()
    call.headers = {**headers, **added} if added else headers

    timeout = options.get("timeout", config.timeout)
    call.timeout = config.timeout if isinstance(timeout, NotGiven) else to_timeout(timeout)
    call.max_retries = config.max_retries
    if "max_retries" in options:
        call.max_retries = check_max_retries(options["max_retries"])
    streamed = call.content if opts.content_type is not None else None
    if isinstance(streamed, StreamedBody) and not streamed.replayable:
        call.max_retries = 0  # an iterator cannot be sent again (see `_bodies`)
    budget = config.deadline
    if "deadline" in options:
        budget = check_deadline(options["deadline"])
    call.deadline_budget = budget
    call.deadline = None if budget is None else now + budget
    return call


def _without_content_type(headers: dict[str, str]) -> dict[str, str]:
    # httpx2 writes multipart/form-data with its generated boundary; a user value without one
    # would make the body unparseable.
    return {k: v for k, v in headers.items() if k.lower() != "content-type" or "boundary=" in v}


def may_be_event_stream(response: httpx2.Response) -> bool:
    """Whether the response's content type is `text/event-stream` (or missing: it might be)."""
    content_type = response.headers.get("content-type")
    return content_type is None or content_type.partition(";")[0].strip().lower() == EVENT_STREAM


def must_read_body(call: PreparedCall, response: httpx2.Response) -> bool:
    """Whether an attempt reads the body at once: all but a 2xx left for the caller to read.

    A `stream=True` call answered without an event stream is read too, for its error.
    """
    if not (call.stream and response.is_success):
        return True
    return call.event_stream and not may_be_event_stream(response)


def new_idempotency_key() -> str:
    """A fresh key, reused by every attempt of one logical call."""
    return f"sdk-retry-{os.urandom(16).hex()}"


def _json_default(value: object) -> object:
    # pydantic is not imported just for this check: without it there are no models to dump.
    pydantic = sys.modules.get("pydantic")
    if pydantic is not None and isinstance(value, pydantic.BaseModel):
        return cast(Any, value).model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, NotGiven):
        raise TypeError("NOT_GIVEN cannot be sent inside a request body; leave the key out instead")
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default
)


def encode_json(body: object) -> bytes:
    """Compact UTF-8 JSON; NaN and infinity are rejected with a clear `ValueError`."""
    try:
        return _ENCODER.encode(body).encode("utf-8")
    except ValueError as exc:
        if "JSON compliant" in str(exc):
            raise ValueError(
                "The request body contains NaN or infinity, which JSON cannot represent"
            ) from None
        raise


class _ForceMultipart(dict[str, Any]):
    """An empty `files=` mapping that still makes httpx2 encode multipart/form-data."""

    def __bool__(self) -> bool:
        return True


def attempt_timeouts(
    call: PreparedCall, config: ClientConfig, now: float
) -> dict[str, float | None] | None:
    """The httpx2 timeouts for the next attempt, each cut to the time left before the deadline.

    Returns `None` when the deadline has already passed (no attempt should start).
    """
    if call.deadline is None:
        return config.timeout_dict if call.timeout is config.timeout else call.timeout.as_dict()
    remaining = call.deadline - now
    if remaining <= 0:
        return None
    return {
        key: remaining if value is None else min(value, remaining)
        for key, value in call.timeout.as_dict().items()
    }


_STOCK_BUILD_REQUEST = (httpx2.Client.build_request, httpx2.AsyncClient.build_request)


def build_request(
    http_client: httpx2.Client | httpx2.AsyncClient,
    call: PreparedCall,
    timeouts: dict[str, float | None],
    files: list[HttpxFile] | None = None,
    extensions: Mapping[str, Any] | None = None,
) -> httpx2.Request:
    """The `httpx2.Request` for one attempt (headers, query and body come from `call`).

    What `http_client.build_request` would return. When the client has no default query
    params or cookies to merge, no multipart body is sent and `build_request` is httpx2's own,
    the request is built here instead: merging the client's default headers takes httpx2
    about as long as the rest of the SDK's work per call (see bench/README.md, "Requests").
    """
    request_extensions: dict[str, Any] = {"timeout": timeouts}
    if call.deadline is not None:
        request_extensions[DEADLINE_EXTENSION] = call.deadline
    if extensions:
        request_extensions.update(extensions)
    multipart = call.file_parts or call.form_fields is not None
    content: Any = call.content
    if content is not None and content.__class__ is not bytes:  # a StreamedBody: fresh chunks
        content = content.chunks() if isinstance(http_client, httpx2.Client) else content.achunks()
    if not multipart and _builds_plainly(http_client):
        return httpx2.Request(
            call.method,
            call.url,
            params=tuple(call.params) if call.params else None,
            headers=merge_default_headers(http_client.headers, call.headers),
            content=content,
            extensions=request_extensions,
        )
    return http_client.build_request(
        call.method,
        call.url,
        params=tuple(call.params) if call.params else None,
        headers=call.headers,
        content=content,
        data=call.form_fields if multipart else None,
        files=(files or _ForceMultipart()) if multipart else None,
        extensions=request_extensions,
    )


def _builds_plainly(http_client: httpx2.Client | httpx2.AsyncClient) -> bool:
    """Whether `build_request` would only merge the client's default headers into ours."""
    return (
        type(http_client).build_request in _STOCK_BUILD_REQUEST
        and "build_request" not in vars(http_client)
        and not http_client.params
        and not http_client.cookies
    )


def merge_default_headers(
    defaults: httpx2.Headers, headers: Mapping[str, str]
) -> list[tuple[Any, Any]]:
    """`defaults` (an httpx2 client's headers) overridden by `headers`, as httpx2 merges them:
    every default whose name `headers` has (in any case) is dropped, the rest come first."""
    ours = {name.lower() for name in headers}
    merged: list[tuple[Any, Any]] = [
        pair for pair in defaults.raw if pair[0].decode("latin-1").lower() not in ours
    ]
    merged.extend(headers.items())
    return merged


# --- retry policy ------------------------------------------------------------------------


def is_quota_exhausted(body: object) -> bool:
    """True when an error body says the quota or balance is used up (retrying cannot help)."""
    if not is_mapping(body):
        return isinstance(body, str) and bool(_QUOTA_WORDS.search(body))
    for key in ("code", "type", "message"):
        value = body.get(key)
        if isinstance(value, str) and _QUOTA_WORDS.search(value):
            return True
    return False


def should_retry_status(status_code: int, headers: httpx2.Headers, body: object) -> bool:
    """Whether a non-2xx response is worth retrying (ignoring the retry budget).

    402 and quota-exhausted 429s never are; otherwise `x-should-retry: true|false` decides,
    else 408, 409, 429 and >= 500 are retried.
    """
    if status_code == 402 or (status_code == 429 and is_quota_exhausted(body)):
        return False
    hint = headers.get("x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    return status_code in (408, 409, 429) or status_code >= 500


def retry_after_seconds(headers: httpx2.Headers | None, now_wall: float) -> float | None:
    """The server-requested delay from `retry-after-ms` or `Retry-After` (seconds or HTTP date).

    `None` when absent or unusable (garbage, zero, negative, NaN, infinite, a past date).
    """
    if headers is None:
        return None
    delay: float | None = None
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        delay = _to_float(raw_ms)
        delay = None if delay is None else delay / 1000
    raw = headers.get("retry-after")
    if delay is None and raw is not None:
        delay = _to_float(raw)
        if delay is None:
            parsed = email.utils.parsedate_tz(raw)
            if parsed is not None:
                delay = email.utils.mktime_tz(parsed) - now_wall
    if delay is None or not math.isfinite(delay) or delay <= 0:
        return None
    return delay


def _to_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def backoff_delay(retries_taken: int, rand: float) -> float:
    """Exponential backoff: 0.5 s doubling per retry, at most 8 s, times a jitter in [0.75, 1]."""
    base = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 32), MAX_RETRY_DELAY)
    return base * (1 - 0.25 * rand)


class RetryPlan:
    """What to do after a failed attempt: sleep `delay` seconds and retry, or stop."""

    __slots__ = ("deadline_hit", "delay")

    def __init__(self, delay: float | None, deadline_hit: bool = False) -> None:
        self.delay = delay
        self.deadline_hit = deadline_hit
        """The retry was dropped only because it could not finish before the deadline."""


def plan_retry(
    call: PreparedCall,
    retries_taken: int,
    now: float,
    rand: float,
    headers: httpx2.Headers | None = None,
    now_wall: float = 0.0,
) -> RetryPlan:
    """Decide the delay before the next attempt, for a failure that is retryable in kind."""
    if retries_taken >= call.max_retries:
        return RetryPlan(None)
    delay = retry_after_seconds(headers, now_wall)
    if delay is None:
        delay = backoff_delay(retries_taken, rand)
    elif delay > MAX_RETRY_AFTER:
        return RetryPlan(None)
    if call.deadline is not None and now + delay >= call.deadline:
        return RetryPlan(None, deadline_hit=True)
    return RetryPlan(delay)
