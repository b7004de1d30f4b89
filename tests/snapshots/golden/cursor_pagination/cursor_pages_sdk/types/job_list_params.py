from typing_extensions import TypedDict

__all__ = ["JobListParams"]


class JobListParams(TypedDict, total=False):
    """Parameters of `client.jobs.list()`."""

    after: str

    limit: int
