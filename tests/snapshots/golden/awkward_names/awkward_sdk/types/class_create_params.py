from typing_extensions import TypedDict

__all__ = ["ClassCreateParams"]


ClassCreateParams = TypedDict(  # noqa: UP013 (a key that cannot be a class attribute)
    "ClassCreateParams",
    {
        "class": str,
        "for": int,
        "normal": str,
    },
    total=False,
)
"""Parameters of `client.class_.create()`."""
