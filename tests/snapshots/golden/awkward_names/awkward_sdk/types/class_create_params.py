from typing_extensions import TypedDict

__all__ = ["ClassCreateParams"]


ClassCreateParams = TypedDict(
    "ClassCreateParams",
    {
        "class": str,
        "for": int,
        "normal": str,
    },
    total=False,
)
"""Parameters of `client.class_.create()`."""
