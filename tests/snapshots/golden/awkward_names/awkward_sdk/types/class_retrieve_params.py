from collections.abc import Sequence

from typing_extensions import TypedDict

__all__ = ["ClassRetrieveParams"]


ClassRetrieveParams = TypedDict(  # noqa: UP013 (a key that cannot be a class attribute)
    "ClassRetrieveParams",
    {
        "self": str,
        "timeout": int,
        "include[]": Sequence[str],
    },
    total=False,
)
"""Parameters of `client.class_.retrieve()`."""
