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
        AsyncShapes2,
        AsyncShapes2WithRawResponse,
        AsyncShapes2WithStreamingResponse,
        Shapes2,
        Shapes2WithRawResponse,
        Shapes2WithStreamingResponse,
    )

__all__ = [
    "AsyncDrawings",
    "AsyncDrawingsWithRawResponse",
    "AsyncDrawingsWithStreamingResponse",
    "AsyncShapes2",
    "AsyncShapes2WithRawResponse",
    "AsyncShapes2WithStreamingResponse",
    "Drawings",
    "DrawingsWithRawResponse",
    "DrawingsWithStreamingResponse",
    "Shapes2",
    "Shapes2WithRawResponse",
    "Shapes2WithStreamingResponse",
]

_LAZY: dict[str, str] = {
    "AsyncDrawings": ".drawings",
    "AsyncDrawingsWithRawResponse": ".drawings",
    "AsyncDrawingsWithStreamingResponse": ".drawings",
    "AsyncShapes2": ".shapes",
    "AsyncShapes2WithRawResponse": ".shapes",
    "AsyncShapes2WithStreamingResponse": ".shapes",
    "Drawings": ".drawings",
    "DrawingsWithRawResponse": ".drawings",
    "DrawingsWithStreamingResponse": ".drawings",
    "Shapes2": ".shapes",
    "Shapes2WithRawResponse": ".shapes",
    "Shapes2WithStreamingResponse": ".shapes",
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
