"""Request and response types of `shapes_sdk.types.drawings`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..circle import Circle
    from ..circle_param import CircleParam
    from ..drawing import (
        Drawing,
        DrawingLayerRaster,
        DrawingLayerUnknown,
        DrawingLayerVector,
        DrawingNoteVariant1,
        DrawingStampUnknown,
    )
    from ..seal import Seal
    from ..shape_param import ShapeParam
    from ..square_param import SquareParam

__all__ = [
    "Circle",
    "CircleParam",
    "Drawing",
    "DrawingLayerRaster",
    "DrawingLayerUnknown",
    "DrawingLayerVector",
    "DrawingNoteVariant1",
    "DrawingStampUnknown",
    "Seal",
    "ShapeParam",
    "SquareParam",
]

_LAZY: dict[str, str] = {
    "Circle": "..circle",
    "CircleParam": "..circle_param",
    "Drawing": "..drawing",
    "DrawingLayerRaster": "..drawing",
    "DrawingLayerUnknown": "..drawing",
    "DrawingLayerVector": "..drawing",
    "DrawingNoteVariant1": "..drawing",
    "DrawingStampUnknown": "..drawing",
    "Seal": "..seal",
    "ShapeParam": "..shape_param",
    "SquareParam": "..square_param",
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
