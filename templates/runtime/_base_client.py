"""`SyncAPIClient` / `AsyncAPIClient`: thin I/O shells around the sans-I/O `_core`.

Both shells share configuration, `copy()`/`with_options()`, the retry decision and result
handling (`BaseClient`); they differ only in the lines that `await`. Per call:
prepare (`_core.prepare_call`) -> attempts (send, read the body) with retries -> result
(parsed body, `APIResponse` for the raw/streamed wrappers, or a `Stream`).

Deadline (`deadline=` seconds on the client, `with_options` or a call) bounds the whole call:
each attempt's httpx2 timeouts are cut to the time left, retries never sleep past it, and the
body read is cut off at the deadline (async: `asyncio.wait_for`; sync: a shared watchdog
thread shuts down the socket of a response still being read when the deadline passes), also
when the caller reads it later (streams, `with_streaming_response`; see `_deadline`).

Import time: the httpx2 client (SSL context, CA bundle) is created on first use, shared by every
`copy()` through one `HttpPool`; pagination, responses, streams (and pydantic with them) and
`asyncio` are imported by the first call that needs them, not with the client.
"""

from __future__ import annotations

import functools
import importlib
import random
import time
from collections.abc import Mapping, Sequence
from types import ModuleType, TracebackType
from typing import IO, TYPE_CHECKING, Any, Callable, Generic, TypeVar

import httpx2
from typing_extensions import Literal, Self

from ._auth import Auth, AuthHook, AuthSpec, Security
from ._core import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    ClientConfig,
    FinalRequestOptions,
    PreparedCall,
    RetryPlan,
    attempt_timeouts,
    build_request,
    may_be_event_stream,
    must_read_body,
    plan_retry,
    prepare_call,
    should_retry_status,
)
from ._deadline import WATCHDOG, bound_body, deadline_trace
from ._exceptions import APIConnectionError, APIStatusError, ClientClosedError
from ._failures import (
    deadline_error,
    make_connection_error,
    make_status_error,
    not_streamed_error,
    type_error_body,
)
from ._files import open_files
from ._logging import log_request, log_response, log_retry
from ._types import NOT_GIVEN, Headers, NotGiven, Omit, Query, RequestOptions, Timeout
from ._utils import HttpPool, cached_property, mask_secret

if TYPE_CHECKING:
    from ._files import HttpxFile
    from ._pagination import AsyncPaginator, BaseAsyncPage, BaseSyncPage

__all__ = ["AsyncAPIClient", "BaseClient", "SyncAPIClient"]

_HttpxT = TypeVar("_HttpxT", httpx2.Client, httpx2.AsyncClient)
_SyncPageT = TypeVar("_SyncPageT", bound="BaseSyncPage[Any]")
_AsyncPageT = TypeVar("_AsyncPageT", bound="BaseAsyncPage[Any]")
_DEFAULT_LIMITS = httpx2.Limits(max_connections=1000, max_keepalive_connections=100)
_HTTPX_DEFAULT_TIMEOUT = httpx2.Timeout(5.0)


def check_http_client(http_client: object, expected: type[Any]) -> None:
    """Raise `TypeError` saying what to pass when `http_client` is not an `expected` instance.

    An encode `httpx` client (or a subclass of one) gets its own message: httpx2 has the same
    API, so switching is a change of import.
    """
    if isinstance(http_client, expected):
        return
    wanted = f"httpx2.{expected.__name__}"
    got = type(http_client)
    if any(k.__module__.partition(".")[0] in ("httpx", "httpcore") for k in got.__mro__):
        raise TypeError(
            f"http_client must be an {wanted}, got {got.__module__}.{got.__qualname__} from "
            f"encode's httpx. This SDK runs on httpx2, its maintained fork with the same API: "
            f"build the client with `import httpx2` / `httpx2.{expected.__name__}(...)` instead "
            f"of `import httpx` (or call `httpx2.alias_httpx()` at start-up, before anything "
            f"imports httpx, to make `import httpx` load httpx2)."
        )
    hint = ""
    if isinstance(http_client, httpx2.AsyncClient):
        hint = " (an httpx2.AsyncClient is for the async client)"
    elif isinstance(http_client, httpx2.Client):
        hint = " (an httpx2.Client is for the sync client)"
    raise TypeError(f"http_client must be an {wanted}, got {got.__qualname__}{hint}")


@functools.cache
def _lazy(module: str) -> ModuleType:
    """A runtime module (`_response`, `_streaming`) imported by the first call needing it.

    They bring pydantic, which the client itself does not import. A `from . import` inside
    a method would cost about 1 µs on every call.
    """
    return importlib.import_module(f".{module}", __package__)


class BaseClient(Generic[_HttpxT]):
    """Configuration, `copy()` and the I/O-free parts of a call shared by both shells."""

    _pool: HttpPool[_HttpxT]
    request: Callable[..., Any]
    """Send one logical call (`cast_to`, `FinalRequestOptions`); defined by each shell."""

    def __init__(
        self,
        *,
        auth: AuthSpec,
        credentials: Mapping[str, str | None],
        auth_hook: AuthHook | None = None,
        base_url: str | httpx2.URL,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = None,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: _HttpxT | None = None,
        idempotency_header: str | None = None,
        user_agent: str | None = None,
        stream_idle_timeout: float | None = None,
        strict_response_validation: bool = False,
        path_prefixes: Sequence[str] = (),
        multipart_style: Literal["spec", "brackets"] = "spec",
    ) -> None:
        # Callers without a type checker can pass anything here.
        for name, value in credentials.items():
            if value is not None and not isinstance(value, str):  # pyright: ignore[reportUnnecessaryIsInstance]
                raise TypeError(f"{name} must be a str, got {type(value).__name__}")
        if http_client is not None:
            check_http_client(http_client, self._httpx_class())
        self._auth = Auth(auth, credentials, auth_hook)
        self._base_url = base_url
        self._custom_headers: dict[str, str | Omit] = dict(default_headers or {})
        self._custom_query: dict[str, object] = dict(default_query or {})
        self._idempotency_header = idempotency_header
        self._path_prefixes = tuple(path_prefixes)
        self._multipart_brackets = multipart_style == "brackets"
        self._user_agent = user_agent or f"{type(self).__name__}/Python"
        self._idle_timeout = stream_idle_timeout
        self._strict_response_validation = strict_response_validation
        self._clock: Callable[[], float] = time.monotonic
        self._wall_clock: Callable[[], float] = time.time
        self._random: Callable[[], float] = random.random
        if isinstance(timeout, NotGiven):
            custom = http_client.timeout if http_client is not None else _HTTPX_DEFAULT_TIMEOUT
            timeout = custom if custom != _HTTPX_DEFAULT_TIMEOUT else DEFAULT_TIMEOUT
        self._owns_http_client = True
        self._pool = HttpPool(http_client, self._default_http_client)
        self._configure(timeout, max_retries, deadline)

    @property
    def _client(self) -> _HttpxT:
        """The httpx2 client (connection pool), created by the first call that needs it."""
        return self._pool.get()

    @classmethod
    def _httpx_class(cls) -> type[_HttpxT]:
        raise NotImplementedError

    def _response_classes(self) -> tuple[type[Any], type[Any]]:
        """`(APIResponse class, binary response class)` of this shell, imported on first use."""
        raise NotImplementedError

    def _default_http_client(self) -> _HttpxT:
        return self._httpx_class()(
            timeout=DEFAULT_TIMEOUT, limits=_DEFAULT_LIMITS, follow_redirects=True
        )

    def _configure(self, timeout: Timeout, max_retries: int, deadline: float | None) -> None:
        auth = self._auth
        headers: dict[str, str | Omit] = {
            "Accept": "application/json",
            "User-Agent": self._user_agent,
            **auth.baked.all_headers(),
        }
        query = {**dict(auth.baked.query), **self._custom_query}
        self._config = ClientConfig(
            base_url=self._base_url,
            headers=headers,
            custom_headers=self._custom_headers,
            default_query=query,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            idempotency_header=self._idempotency_header,
            secrets=auth.secrets,
            path_prefixes=self._path_prefixes,
            multipart_brackets=self._multipart_brackets,
        )
        self._deadline = self._config.deadline

    @property
    def base_url(self) -> httpx2.URL:
        return httpx2.URL(self._config.base_url)

    @property
    def timeout(self) -> httpx2.Timeout:
        return self._config.timeout

    @property
    def max_retries(self) -> int:
        return self._config.max_retries

    @property
    def deadline(self) -> float | None:
        """Overall time budget of each call in seconds (`None`: unbounded)."""
        return self._config.deadline

    @property
    def default_headers(self) -> dict[str, str]:
        """Headers sent with every request (the Authorization value included)."""
        return dict(self._config.headers)

    def __repr__(self) -> str:
        credentials = "".join(
            f" {name}={mask_secret(value)!r}" for name, value in self._auth.values.items()
        )
        return f"<{type(self).__name__} base_url={self._config.base_url!r}{credentials}>"

    def _credential(self, name: str) -> str | None:
        """The credential passed as `name=` (or read from its environment variable)."""
        return self._auth.values.get(name)

    def copy(
        self,
        *,
        api_key: str | None = None,
        credentials: Mapping[str, str] | None = None,
        auth_hook: AuthHook | NotGiven | None = NOT_GIVEN,
        base_url: str | httpx2.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        http_client: _HttpxT | None = None,
        default_headers: Headers | None = None,
        set_default_headers: Headers | None = None,
        default_query: Query | None = None,
        set_default_query: Query | None = None,
        stream_idle_timeout: float | NotGiven | None = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A new client with some options changed, sharing this client's connection pool.

        `default_headers`/`default_query` merge into the current ones; `set_default_*` replace
        them. `api_key` (or `credentials={"argument": value}` for the client's other credential
        arguments) replaces credentials; the copy shares cached OAuth2 tokens while its
        credentials are the same. Closing the copy never closes the shared pool.
        """
        if default_headers is not None and set_default_headers is not None:
            raise ValueError(
                "Pass default_headers (merge) or set_default_headers (replace), not both"
            )
        if default_query is not None and set_default_query is not None:
            raise ValueError("Pass default_query (merge) or set_default_query (replace), not both")
        if http_client is not None:
            check_http_client(http_client, self._httpx_class())
        cls = type(self)
        new = cls.__new__(cls)
        # Resources are cached properties bound to the old client: leave them out.
        new.__dict__.update(
            (k, v)
            for k, v in self.__dict__.items()
            if not isinstance(getattr(cls, k, None), cached_property)
        )
        replaced = dict(credentials or {})
        if api_key:
            replaced["api_key"] = api_key
        hook = self._auth.hook if isinstance(auth_hook, NotGiven) else auth_hook
        new._auth = self._auth.replace(replaced, hook)
        new._base_url = base_url if base_url is not None else self._config.base_url
        if set_default_headers is not None:
            new._custom_headers = dict(set_default_headers)
        elif default_headers is not None:
            new._custom_headers = {**self._custom_headers, **default_headers}
        if set_default_query is not None:
            new._custom_query = dict(set_default_query)
        elif default_query is not None:
            new._custom_query = {**self._custom_query, **default_query}
        if not isinstance(stream_idle_timeout, NotGiven):
            new._idle_timeout = stream_idle_timeout
        if not isinstance(strict_response_validation, NotGiven):
            new._strict_response_validation = strict_response_validation
        if http_client is not None:
            new._pool = HttpPool(http_client, self._default_http_client)
        new._owns_http_client = http_client is not None
        new._configure(
            self._config.timeout if isinstance(timeout, NotGiven) else timeout,
            self._config.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            self._config.deadline if isinstance(deadline, NotGiven) else deadline,
        )
        return new

    with_options = copy

    def is_closed(self) -> bool:
        """Whether `close()` was called (or the httpx2 client passed in was closed)."""
        return self._pool.is_closed()

    def get(
        self,
        path: str,
        *,
        cast_to: Any,
        options: RequestOptions | None = None,
        stream: bool = False,
        stream_cls: Any = None,
    ) -> Any:
        """Low-level GET: retries and client defaults apply; `cast_to=httpx2.Response` gives the raw response.

        On the async client this (like the other verbs) returns an awaitable.
        """
        return self.request(
            cast_to,
            FinalRequestOptions("GET", path, options=options),
            stream=stream,
            stream_cls=stream_cls,
        )

    def post(
        self,
        path: str,
        *,
        cast_to: Any,
        body: object = None,
        files: bool = False,
        options: RequestOptions | None = None,
        stream: bool = False,
        stream_cls: Any = None,
    ) -> Any:
        """Low-level POST with a JSON (or, with `files=True`, multipart) body."""
        opts = FinalRequestOptions("POST", path, body=body, files=files, options=options)
        return self.request(cast_to, opts, stream=stream, stream_cls=stream_cls)

    def patch(
        self, path: str, *, cast_to: Any, body: object = None, options: RequestOptions | None = None
    ) -> Any:
        """Low-level PATCH with a JSON body."""
        return self.request(cast_to, FinalRequestOptions("PATCH", path, body=body, options=options))

    def put(
        self, path: str, *, cast_to: Any, body: object = None, options: RequestOptions | None = None
    ) -> Any:
        """Low-level PUT with a JSON body."""
        return self.request(cast_to, FinalRequestOptions("PUT", path, body=body, options=options))

    def delete(
        self, path: str, *, cast_to: Any, body: object = None, options: RequestOptions | None = None
    ) -> Any:
        """Low-level DELETE (a body is rare but allowed)."""
        return self.request(
            cast_to, FinalRequestOptions("DELETE", path, body=body, options=options)
        )

    # --- shared by both shells: retry decisions and results (no I/O) ---------------------

    def _prepare(
        self, options: FinalRequestOptions, stream: bool, stream_cls: object
    ) -> PreparedCall:
        if stream and stream_cls is None:
            raise TypeError("stream=True needs a stream_cls (e.g. Stream[Chunk])")
        if self._pool.is_closed():
            raise ClientClosedError(
                f"This {type(self).__name__} client is closed (by close() or at the end of its "
                "`with` block), so it cannot send requests; create a new client."
            )
        return prepare_call(self._config, options, stream=stream, now=self._clock())

    def _build(
        self, call: PreparedCall, files: list[HttpxFile] | None, retries_taken: int
    ) -> httpx2.Request:
        timeouts = attempt_timeouts(call, self._config, self._clock())
        if timeouts is None:  # a retry wait ended at the deadline (clocks drift)
            request = build_request(self._client, call, dict(self._config.timeout_dict), files)
            raise deadline_error(call, request, retries_taken)
        timeouts = dict(timeouts)  # per request: httpcore2 and streams read it, trace edits it
        request = build_request(
            self._client, call, timeouts, files, self._extensions(call, timeouts)
        )
        if call.auth_hook is not None:
            request = call.auth_hook(request) or request
        log_request(request, retries_taken + 1, call.max_retries + 1, self._config.secrets)
        return request

    def _extensions(
        self, call: PreparedCall, timeouts: dict[str, float | None]
    ) -> dict[str, Any] | None:
        return None

    def _retry_delay(
        self,
        call: PreparedCall,
        request: httpx2.Request,
        failure: httpx2.Response | Exception,
        retries_taken: int,
    ) -> float:
        """Seconds to wait before retrying `failure`, or raise the error the caller should see."""
        now = self._clock()
        if isinstance(failure, httpx2.Response):
            error = make_status_error(failure, self._config.secrets)
            plan = RetryPlan(None)
            if should_retry_status(failure.status_code, failure.headers, error.body):
                plan = plan_retry(
                    call, retries_taken, now, self._random(), failure.headers, self._wall_clock()
                )
            if plan.delay is None:
                raise error
            # (the failed response was read to the end by `_attempt`, which released it)
            reason = f"HTTP {failure.status_code}"
        else:
            if call.deadline is not None and now >= call.deadline:
                raise deadline_error(call, request, retries_taken + 1) from failure
            if not isinstance(failure, httpx2.TransportError):
                raise APIConnectionError(
                    message=f"Request failed: {failure}", request=request
                ) from failure
            plan = plan_retry(call, retries_taken, now, self._random())
            if plan.delay is None:
                if plan.deadline_hit:
                    raise deadline_error(call, request, retries_taken + 1) from failure
                raise make_connection_error(failure, request, call) from failure
            reason = type(failure).__name__
        log_retry(
            request, plan.delay, retries_taken + 1, call.max_retries, reason, self._config.secrets
        )
        return plan.delay

    def _type_error_body(self, error: APIStatusError, errors: Mapping[str, object]) -> None:
        """`error.body` as the operation's declared type for its status (`_failures`)."""
        strict = self._strict_response_validation
        type_error_body(error, errors, strict=strict, secrets=self._config.secrets)

    def _result(
        self,
        cast_to: Any,
        options: FinalRequestOptions,
        call: PreparedCall,
        response: httpx2.Response,
        retries_taken: int,
        stream_cls: Any,
    ) -> Any:
        if call.mode is not None:
            return self._response_classes()[0](
                http_response=response,
                cast_to=cast_to,
                client=self,
                options=options,
                retries_taken=retries_taken,
                stream_cls=stream_cls,
                deadline=call.deadline,
            )
        if stream_cls is not None:
            return self._make_stream(stream_cls, response, call.deadline)
        return _lazy("_response").process_response(cast_to, response, self, options)

    def _make_stream(
        self, stream_cls: Any, response: httpx2.Response, deadline: float | None
    ) -> Any:
        """Build `stream_cls` (e.g. `Stream[Chunk]`) over an open 2xx response.

        A response whose content type says it is no event stream was read (`must_read_body`)
        and raises instead.
        """
        if not may_be_event_stream(response):
            raise not_streamed_error(response, self._config.secrets)
        return stream_cls(
            cast_to=_lazy("_streaming").extract_stream_chunk_type(stream_cls),
            response=response,
            client=self,
            deadline=deadline,
        )


class SyncAPIClient(BaseClient[httpx2.Client]):
    """Base class of generated sync clients."""

    @classmethod
    def _httpx_class(cls) -> type[httpx2.Client]:
        return httpx2.Client

    def _response_classes(self) -> tuple[type[Any], type[Any]]:
        module = _lazy("_response")
        return module.APIResponse, module.BinaryAPIResponse

    def request(
        self,
        cast_to: Any,
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: Any = None,
        binary: bool = False,
    ) -> Any:
        """Send one logical call (with retries) and return its result."""
        call = self._prepare(options, stream, stream_cls)
        if self._auth.per_call or options.security is not None:
            auth = self._auth
            for token in auth.prepare(call, options.security):
                base_url = self._config.base_url
                auth.add_token(
                    call, auth.fetch_sync(token, self._client.send, self._clock, base_url)
                )
        opened: list[IO[bytes]] = []
        try:
            files = open_files(call.file_parts, opened) if call.file_parts else None
            response, retries_taken = self._send(call, files)
        except APIStatusError as error:
            if options.errors is not None:
                self._type_error_body(error, options.errors)
            raise
        finally:
            for handle in opened:
                handle.close()
        return self._result(
            self._response_classes()[1] if binary else cast_to,
            options,
            call,
            response,
            retries_taken,
            stream_cls if stream else None,
        )

    def _send(
        self, call: PreparedCall, files: list[HttpxFile] | None
    ) -> tuple[httpx2.Response, int]:
        retries_taken = 0
        while True:
            request = self._build(call, files, retries_taken)
            failure: httpx2.Response | Exception
            try:
                response = self._attempt(request, call)
                if response.is_success:
                    return response, retries_taken
                failure = response
            except httpx2.RequestError as exc:
                failure = exc
            self._sleep(self._retry_delay(call, request, failure, retries_taken))
            retries_taken += 1

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def _attempt(self, request: httpx2.Request, call: PreparedCall) -> httpx2.Response:
        started = self._clock()
        response = self._client.send(request, stream=True)
        # Armed until the deadline, also over a body left for the caller to read (streams).
        watch = (
            WATCHDOG.arm(response, call.deadline - self._clock())
            if call.deadline is not None
            else None
        )
        if must_read_body(call, response):
            try:
                response.read()
            except BaseException:
                response.close()
                raise
            finally:
                if watch is not None:
                    WATCHDOG.cancel(watch)
        elif call.deadline is not None and call.mode == "stream":
            bound_body(response, call.deadline, self._clock)  # read later, by the caller
        log_response(response, self._clock() - started, self._config.secrets)
        return response

    def _extensions(
        self, call: PreparedCall, timeouts: dict[str, float | None]
    ) -> dict[str, Any] | None:
        if call.deadline is None:
            return None
        return {"trace": deadline_trace(call.deadline, self._clock, timeouts)}

    def get_api_list(
        self,
        path: str,
        *,
        page: type[_SyncPageT],
        query: Query | None = None,
        body: object = None,
        options: RequestOptions | None = None,
        method: str = "GET",
        security: Security | None = None,
        errors: Mapping[str, object] | None = None,
        first_page: int = 1,
    ) -> _SyncPageT:
        """Fetch the first page of a list endpoint; iterate it to walk every page."""
        opts = FinalRequestOptions(
            method,
            path,
            query=query,
            body=body,
            options=options,
            security=security,
            errors=errors,
            first_page=first_page,
        )
        result: _SyncPageT = self.request(page, opts)
        return result

    def close(self) -> None:
        """Close the connection pool (unless it is shared from the client this was copied from)."""
        if self._owns_http_client:
            if self._pool.client is None:
                self._pool.closed = True
            else:
                self._pool.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(BaseClient[httpx2.AsyncClient]):
    """Base class of generated async clients."""

    @classmethod
    def _httpx_class(cls) -> type[httpx2.AsyncClient]:
        return httpx2.AsyncClient

    def _response_classes(self) -> tuple[type[Any], type[Any]]:
        module = _lazy("_response")
        return module.AsyncAPIResponse, module.AsyncBinaryAPIResponse

    async def request(
        self,
        cast_to: Any,
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: Any = None,
        binary: bool = False,
    ) -> Any:
        """Send one logical call (with retries) and return its result."""
        call = self._prepare(options, stream, stream_cls)
        if self._auth.per_call or options.security is not None:
            auth = self._auth
            for token in auth.prepare(call, options.security):
                base_url = self._config.base_url
                value = await auth.fetch_async(token, self._client.send, self._clock, base_url)
                auth.add_token(call, value)
        opened: list[IO[bytes]] = []
        try:
            files = open_files(call.file_parts, opened) if call.file_parts else None
            response, retries_taken = await self._send(call, files)
        except APIStatusError as error:
            if options.errors is not None:
                self._type_error_body(error, options.errors)
            raise
        finally:
            for handle in opened:
                handle.close()
        return self._result(
            self._response_classes()[1] if binary else cast_to,
            options,
            call,
            response,
            retries_taken,
            stream_cls if stream else None,
        )

    async def _send(
        self, call: PreparedCall, files: list[HttpxFile] | None
    ) -> tuple[httpx2.Response, int]:
        import asyncio  # here, not at module level: the sync client never needs it

        retries_taken = 0
        while True:
            request = self._build(call, files, retries_taken)
            failure: httpx2.Response | Exception
            try:
                if call.deadline is None:
                    response = await self._attempt(request, call)
                else:
                    response = await asyncio.wait_for(
                        self._attempt(request, call), call.deadline - self._clock()
                    )
                if response.is_success:
                    return response, retries_taken
                failure = response
            except httpx2.RequestError as exc:
                failure = exc
            except asyncio.TimeoutError:
                raise deadline_error(call, request, retries_taken + 1) from None
            await self._sleep(self._retry_delay(call, request, failure, retries_taken))
            retries_taken += 1

    async def _sleep(self, seconds: float) -> None:
        import asyncio

        await asyncio.sleep(seconds)

    async def _attempt(self, request: httpx2.Request, call: PreparedCall) -> httpx2.Response:
        started = self._clock()
        response = await self._client.send(request, stream=True)
        if must_read_body(call, response):
            try:
                await response.aread()
            except BaseException:
                await response.aclose()
                raise
        elif call.deadline is not None and call.mode == "stream":
            bound_body(response, call.deadline, self._clock)  # read later, by the caller
        log_response(response, self._clock() - started, self._config.secrets)
        return response

    def get_api_list(
        self,
        path: str,
        *,
        page: type[_AsyncPageT],
        query: Query | None = None,
        body: object = None,
        options: RequestOptions | None = None,
        method: str = "GET",
        security: Security | None = None,
        errors: Mapping[str, object] | None = None,
        first_page: int = 1,
    ) -> AsyncPaginator[Any, _AsyncPageT]:
        """An `AsyncPaginator`: `await` it for the first page or `async for` every item."""
        from ._pagination import AsyncPaginator

        opts = FinalRequestOptions(
            method,
            path,
            query=query,
            body=body,
            options=options,
            security=security,
            errors=errors,
            first_page=first_page,
        )
        return AsyncPaginator(self, opts, page)

    async def close(self) -> None:
        """Close the connection pool (unless it is shared from the client this was copied from)."""
        if self._owns_http_client:
            if self._pool.client is None:
                self._pool.closed = True
            else:
                await self._pool.client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
