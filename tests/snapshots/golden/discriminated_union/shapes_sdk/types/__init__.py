"""Request and response types of `shapes_sdk.types`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import drawings, shapes
    from .circle import Circle
    from .circle_param import CircleParam
    from .drawing import (
        Drawing,
        DrawingLayerRaster,
        DrawingLayerUnknown,
        DrawingLayerVector,
        DrawingNoteVariant1,
        DrawingStampUnknown,
    )
    from .drawing_create_params import DrawingCreateParams
    from .seal import Seal
    from .shape import Shape, ShapeUnknown
    from .shape_param import ShapeParam
    from .square import Square
    from .square_param import SquareParam

__all__ = [
    "Circle",
    "CircleParam",
    "Drawing",
    "DrawingCreateParams",
    "DrawingLayerRaster",
    "DrawingLayerUnknown",
    "DrawingLayerVector",
    "DrawingNoteVariant1",
    "DrawingStampUnknown",
    "Seal",
    "Shape",
    "ShapeParam",
    "ShapeUnknown",
    "Square",
    "SquareParam",
    "drawings",
    "shapes",
]

_LAZY: dict[str, str] = {
    "Circle": ".circle",
    "CircleParam": ".circle_param",
    "Drawing": ".drawing",
    "DrawingCreateParams": ".drawing_create_params",
    "DrawingLayerRaster": ".drawing",
    "DrawingLayerUnknown": ".drawing",
    "DrawingLayerVector": ".drawing",
    "DrawingNoteVariant1": ".drawing",
    "DrawingStampUnknown": ".drawing",
    "Seal": ".seal",
    "Shape": ".shape",
    "ShapeParam": ".shape_param",
    "ShapeUnknown": ".shape",
    "Square": ".square",
    "SquareParam": ".square_param",
    "drawings": ".drawings",
    "shapes": ".shapes",
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
