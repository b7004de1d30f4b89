from typing_extensions import Required, TypedDict

__all__ = ["JobCreateParams"]


class JobCreateParams(TypedDict, total=False):
    """Parameters of `client.fine_tuning.jobs.create()`."""

    model: Required[str]
