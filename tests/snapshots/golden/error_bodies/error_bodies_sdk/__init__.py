"""Python SDK for the Error Bodies.

    from error_bodies_sdk import ErrorBodies

    client = ErrorBodies()  # reads $ERROR_BODIES_API_KEY

Resources (`client.<name>`) and `error_bodies_sdk.types` are imported lazily, on first use.
"""

from typing import TYPE_CHECKING, Any

from ._client import AsyncErrorBodies, ErrorBodies
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PaginationError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    SDKError,
    StreamConsumedError,
    StreamError,
    UnprocessableEntityError,
)
from ._files import async_to_file, to_file
from ._logging import setup_logging
from ._types import NOT_GIVEN, NotGiven, Omit, omit
from ._version import __version__

if TYPE_CHECKING:
    from . import pagination, resources, types
    from ._models import BaseModel
    from ._streaming import AsyncStream, Stream

ErrorBodiesError = SDKError
"""Base class of every error this package raises."""

__all__ = [
    "ErrorBodies",
    "AsyncErrorBodies",
    "ErrorBodiesError",
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
    "NOT_GIVEN",
    "AsyncStream",
    "BaseModel",
    "NotGiven",
    "Omit",
    "Stream",
    "__version__",
    "async_to_file",
    "omit",
    "pagination",
    "resources",
    "to_file",
    "types",
]

setup_logging("ERROR_BODIES_LOG")

# Tracebacks show `error_bodies_sdk.NotFoundError`, not the private module it is defined in.
for _error in (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PaginationError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    SDKError,
    StreamConsumedError,
    StreamError,
    UnprocessableEntityError,
):
    _error.__module__ = __name__
del _error


_LAZY = {
    "types": None,
    "resources": None,
    "pagination": None,
    "BaseModel": "._models",
    "Stream": "._streaming",
    "AsyncStream": "._streaming",
}


def __dir__() -> list[str]:
    """The public names only (not the helpers this module imports for itself)."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    """Import `types`, `resources` (large), `pagination`, `BaseModel` and the streams (pydantic)
    on first access."""
    if name in _LAZY:
        import importlib

        module_name = _LAZY[name]
        module = importlib.import_module(module_name or f".{name}", __name__)
        value = module if module_name is None else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
