"""Exceptions raised by the client.

::

    SDKError(Exception)                      base of everything raised on purpose (re-exported
    │                                        from the package root as <ClientName>Error)
    ├── APIError                             .message .request .body .code .param .type
    │   │                                    .response .status_code .headers .request_id
    │   ├── APIStatusError                   non-2xx response
    │   │   ├── BadRequestError              400
    │   │   ├── AuthenticationError          401
    │   │   ├── PaymentRequiredError         402  (e.g. DeepSeek "Insufficient Balance")
    │   │   ├── PermissionDeniedError        403
    │   │   ├── NotFoundError                404
    │   │   ├── ConflictError                409
    │   │   ├── UnprocessableEntityError     422
    │   │   ├── RateLimitError               429
    │   │   └── InternalServerError          >= 500
    │   ├── APIConnectionError               network failure (no usable response)
    │   │   └── APITimeoutError              a timeout or the call's deadline was hit
    │   ├── APIResponseValidationError       2xx body does not match the expected type (or a
    │   │                                    stream=True call was not answered with a stream)
    │   └── StreamError                      bad bytes / JSON inside an event stream
    ├── ClientClosedError(SDKError, RuntimeError) a call on a client after close()
    ├── PaginationError(SDKError, RuntimeError)   no next page, or the server repeats a cursor
    └── StreamConsumedError(SDKError, RuntimeError)   a stream iterated after it ended or closed

An error sent inside an event stream (an `event: error`, or a payload with an `error` object)
raises a plain `APIError` carrying the 200 response's status, headers and request id.

Any other status (e.g. 405, 413) raises a plain `APIStatusError`. `.body` is the inner `error`
object when the JSON body has one, else the decoded JSON, else the raw text (`None` if empty);
where the operation declares a body for the status, it is that model (built from the whole JSON
body) when the body matches it (`_failures.type_error_body`), so `isinstance` narrows it.
"""

from __future__ import annotations

import httpx2

from ._types import is_mapping

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "SDKError",
    "StreamConsumedError",
    "StreamError",
    "UnprocessableEntityError",
]


def request_id_of(headers: httpx2.Headers) -> str | None:
    """The server's id for a request: `x-request-id`, falling back to DeepSeek's `x-ds-trace-id`."""
    value: str | None = headers.get("x-request-id") or headers.get("x-ds-trace-id")
    return value


def _field(body: object, key: str) -> str | None:
    if is_mapping(body):
        value = body.get(key)
        if value is not None:
            return str(value)
    return None


class SDKError(Exception):
    """Base class of every exception this package raises on purpose."""


class APIError(SDKError):
    """An error tied to an HTTP request (and, when there was one, its response)."""

    message: str
    request: httpx2.Request
    body: object
    """Inner `error` object of a JSON error body, else the decoded JSON, else raw text; or the
    model the operation declares for the status, when the body matches it."""
    code: str | None
    param: str | None
    type: str | None
    response: httpx2.Response | None
    status_code: int | None
    headers: httpx2.Headers | None
    request_id: str | None

    def __init__(
        self,
        message: str,
        request: httpx2.Request,
        *,
        body: object = None,
        response: httpx2.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        self.code = _field(body, "code")
        self.param = _field(body, "param")
        self.type = _field(body, "type")
        self.response = response
        self.status_code = response.status_code if response is not None else None
        self.headers = response.headers if response is not None else None
        self.request_id = request_id_of(response.headers) if response is not None else None


class APIStatusError(APIError):
    """The server answered with a non-2xx status."""

    # Narrower than on `APIError`: set once by `__init__` and never reassigned.

    response: httpx2.Response  # pyright: ignore[reportIncompatibleVariableOverride]
    status_code: int  # pyright: ignore[reportIncompatibleVariableOverride]
    headers: httpx2.Headers  # pyright: ignore[reportIncompatibleVariableOverride]

    def __init__(self, message: str, *, response: httpx2.Response, body: object) -> None:
        super().__init__(message, response.request, body=body, response=response)


class BadRequestError(APIStatusError):
    """400: the request was malformed (bad JSON, unknown model, ...)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or wrong."""


class PaymentRequiredError(APIStatusError):
    """402: the account balance is exhausted. Never retried."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not use this resource."""


class NotFoundError(APIStatusError):
    """404: unknown path or object id."""


class ConflictError(APIStatusError):
    """409: the resource is in a conflicting state (retried by default)."""


class UnprocessableEntityError(APIStatusError):
    """422: the body parsed but its parameters are invalid."""


class RateLimitError(APIStatusError):
    """429: too many requests (retried unless the quota or balance is exhausted)."""


class InternalServerError(APIStatusError):
    """5xx: the server failed or is overloaded (retried by default)."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class for an HTTP status code."""
    if status_code >= 500:
        return InternalServerError
    return _STATUS_CLASSES.get(status_code, APIStatusError)


class APIConnectionError(APIError):
    """The request failed before a usable response arrived (DNS, refused, reset, TLS, ...)."""

    def __init__(self, *, message: str = "Connection error.", request: httpx2.Request) -> None:
        super().__init__(message, request)


class APITimeoutError(APIConnectionError):
    """A connect/read/write/pool timeout expired, or the call's overall deadline was hit."""

    def __init__(self, request: httpx2.Request, *, message: str = "Request timed out.") -> None:
        super().__init__(message=message, request=request)


class APIResponseValidationError(APIError):
    """A successful response whose body does not match the type the method returns."""

    response: httpx2.Response  # pyright: ignore[reportIncompatibleVariableOverride]
    status_code: int  # pyright: ignore[reportIncompatibleVariableOverride]
    headers: httpx2.Headers  # pyright: ignore[reportIncompatibleVariableOverride]

    def __init__(self, response: httpx2.Response, body: object, *, message: str) -> None:
        super().__init__(message, response.request, body=body, response=response)


class StreamError(APIError):
    """An event stream carried bytes that are not UTF-8, or an event whose data is not JSON.

    Constructed like `APIError(message, request, body=...)`; `body` is the offending line's
    bytes or the event's data. (Errors the server sends inside a stream raise `APIError`.)
    """


class ClientClosedError(SDKError, RuntimeError):
    """A call was made on a client (or a copy sharing its pool) after `close()`."""


class PaginationError(SDKError, RuntimeError):
    """There is no next page, or the server returned a cursor it had already returned."""


class StreamConsumedError(SDKError, RuntimeError):
    """A `Stream` was iterated again after it ran to the end, failed or was closed.

    A stream reads the response once; keep the chunks (or use the stream helpers) to go over
    them again.
    """
