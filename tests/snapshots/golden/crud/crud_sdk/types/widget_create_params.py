from typing_extensions import Required, TypedDict

__all__ = ["WidgetCreateParams"]


class WidgetCreateParams(TypedDict, total=False):
    """Parameters of `client.widgets.create()`."""

    name: Required[str]

    color: str

    size: int
