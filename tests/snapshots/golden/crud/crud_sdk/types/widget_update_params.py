from typing_extensions import TypedDict

__all__ = ["WidgetUpdateParams"]


class WidgetUpdateParams(TypedDict, total=False):
    """Parameters of `client.widgets.update()`."""

    name: str
