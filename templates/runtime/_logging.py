"""Logging for the package: one logger named after the package, enabled by an env var.

The generated `__init__` calls `setup_logging("<PREFIX>_LOG")` once; `<PREFIX>_LOG=debug`
logs every request (method, URL, attempt, redacted headers) and response (status, elapsed,
request id); `=info` logs only retries. Secrets never reach a log record: headers go through
`redact_headers`, the client's credentials (an API key in a custom header or in the query
string) are masked wherever they appear, and bodies are not logged.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

import httpx2

__all__ = ["log_request", "log_response", "log_retry", "logger", "redact_headers", "setup_logging"]

logger = logging.getLogger(__name__.rpartition(".")[0] or __name__)

SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "api-key", "x-api-key", "cookie", "set-cookie"}
)


_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def setup_logging(env_var: str) -> None:
    """Enable the package logger when `env_var` is `debug` or `info` (case-insensitive).

    Any other non-empty value is a mistake worth knowing about: it warns (once, at import) and
    leaves logging off.
    """
    value = os.environ.get(env_var, "").strip()
    level = _LEVELS.get(value.lower())
    if level is None:
        if value:
            warnings.warn(
                f"{env_var}={value!r} is not a log level this SDK knows; set it to 'debug' or "
                "'info'. Logging stays off.",
                RuntimeWarning,
                stacklevel=2,
            )
        return
    logging.basicConfig(
        format="[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s",
        datefmt="%Y-%m-%d %H:%M:%S",
    )
    logger.setLevel(level)


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """Copy `headers` with credential-bearing values replaced by `<redacted>`."""
    pairs = cast(
        Iterable[tuple[str, str]], headers.items() if isinstance(headers, Mapping) else headers
    )
    return {
        name: "<redacted>" if name.lower() in SENSITIVE_HEADERS else value for name, value in pairs
    }


def _scrub(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "<redacted>")
    return text


def log_request(
    request: httpx2.Request, attempt: int, attempts: int, secrets: Sequence[str] = ()
) -> None:
    """DEBUG: one attempt of a request, with credentials redacted from the headers and URL."""
    if logger.isEnabledFor(logging.DEBUG):
        headers = redact_headers(request.headers.multi_items())
        if secrets:
            headers = {name: _scrub(value, secrets) for name, value in headers.items()}
        logger.debug(
            "Request: %s %s (attempt %d of %d) headers=%s",
            request.method,
            _scrub(str(request.url), secrets),
            attempt,
            attempts,
            headers,
        )


def log_response(response: httpx2.Response, elapsed: float, secrets: Sequence[str] = ()) -> None:
    """DEBUG: status, time and request id of a response."""
    if logger.isEnabledFor(logging.DEBUG):
        request_id = response.headers.get("x-request-id") or response.headers.get("x-ds-trace-id")
        request = response.request
        logger.debug(
            "Response: %s %s -> %d in %.3f s (request_id=%s)",
            request.method,
            _scrub(str(request.url), secrets),
            response.status_code,
            elapsed,
            request_id,
        )


def log_retry(
    request: httpx2.Request,
    delay: float,
    retry: int,
    retries: int,
    reason: str,
    secrets: Sequence[str] = (),
) -> None:
    """INFO: a retry about to wait `delay` seconds."""
    logger.info(
        "Retrying %s %s in %.2f s (retry %d of %d) after %s",
        request.method,
        _scrub(str(request.url), secrets),
        delay,
        retry,
        retries,
        reason,
    )
