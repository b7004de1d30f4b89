"""Request and response types of `trees_sdk.types`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import trees
    from .annotation import Annotation, Node
    from .annotation_param import AnnotationParam, NodeParam
    from .json_value import JsonValue
    from .json_value_param import JsonValueParam
    from .tree_update_params import TreeUpdateParams

__all__ = [
    "Annotation",
    "AnnotationParam",
    "JsonValue",
    "JsonValueParam",
    "Node",
    "NodeParam",
    "TreeUpdateParams",
    "trees",
]

_LAZY: dict[str, str] = {
    "Annotation": ".annotation",
    "AnnotationParam": ".annotation_param",
    "JsonValue": ".json_value",
    "JsonValueParam": ".json_value_param",
    "Node": ".annotation",
    "NodeParam": ".annotation_param",
    "TreeUpdateParams": ".tree_update_params",
    "trees": ".trees",
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
