"""Resources of `shapes_sdk.resources`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .drawings import (
        AsyncDrawings,
        AsyncDrawingsWithRawResponse,
        AsyncDrawingsWithStreamingResponse,
        Drawings,
        DrawingsWithRawResponse,
        DrawingsWithStreamingResponse,
    )
    from .shapes import (
        AsyncShapesResource,
        AsyncShapesResourceWithRawResponse,
        AsyncShapesResourceWithStreamingResponse,
        ShapesResource,
        ShapesResourceWithRawResponse,
        ShapesResourceWithStreamingResponse,
    )

__all__ = [
    "AsyncDrawings",
    "AsyncDrawingsWithRawResponse",
    "AsyncDrawingsWithStreamingResponse",
    "AsyncShapesResource",
    "AsyncShapesResourceWithRawResponse",
    "AsyncShapesResourceWithStreamingResponse",
    "Drawings",
    "DrawingsWithRawResponse",
    "DrawingsWithStreamingResponse",
    "ShapesResource",
    "ShapesResourceWithRawResponse",
    "ShapesResourceWithStreamingResponse",
]

_LAZY: dict[str, str] = {
    "AsyncDrawings": ".drawings",
    "AsyncDrawingsWithRawResponse": ".drawings",
    "AsyncDrawingsWithStreamingResponse": ".drawings",
    "AsyncShapesResource": ".shapes",
    "AsyncShapesResourceWithRawResponse": ".shapes",
    "AsyncShapesResourceWithStreamingResponse": ".shapes",
    "Drawings": ".drawings",
    "DrawingsWithRawResponse": ".drawings",
    "DrawingsWithStreamingResponse": ".drawings",
    "ShapesResource": ".shapes",
    "ShapesResourceWithRawResponse": ".shapes",
    "ShapesResourceWithStreamingResponse": ".shapes",
}


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` on first access."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module = importlib.import_module(module_name, __name__)
    value = module if module_name == "." + name else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_LAZY)  # the names in __all__ (typed even when there are none)
