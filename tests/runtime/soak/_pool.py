"""What a client's connection pool holds, for the soak and churn tests.

These read httpx2/httpcore2 internals (`Client._transport._pool`), which is acceptable in a
test and nowhere else. They are only meaningful when no call of the client is in flight.
"""

from __future__ import annotations

from typing import Any

__all__ = ["busy_connections", "queued_requests"]


def _pool(client: Any) -> Any:
    """The httpcore2 connection pool under an SDK client (created on first use)."""
    return client._client._transport._pool


def busy_connections(client: Any) -> int:
    """Connections of the client's pool that are neither idle nor closed.

    With no call in flight each one is a stuck slot: it counts against `max_connections`
    but no request will ever release it.
    """
    return sum(1 for c in _pool(client).connections if not (c.is_idle() or c.is_closed()))


def queued_requests(client: Any) -> int:
    """Requests the pool still tracks (waiting for or holding a connection)."""
    return len(_pool(client)._requests)
