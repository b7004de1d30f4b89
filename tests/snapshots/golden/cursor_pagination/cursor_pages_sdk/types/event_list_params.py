from typing_extensions import TypedDict

__all__ = ["EventListParams"]


class EventListParams(TypedDict, total=False):
    """Parameters of `client.events.list()`."""

    limit: int
