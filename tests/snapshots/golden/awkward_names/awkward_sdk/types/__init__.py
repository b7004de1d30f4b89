"""Request and response types of `awkward_sdk.types`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import class_
    from .class_create_params import ClassCreateParams
    from .class_retrieve_params import ClassRetrieveParams
    from .n1024x1024 import N1024x1024
    from .n1024x1024_param import N1024x1024Param
    from .record import Record
    from .record2 import Record2

__all__ = [
    "ClassCreateParams",
    "ClassRetrieveParams",
    "N1024x1024",
    "N1024x1024Param",
    "Record",
    "Record2",
    "class_",
]

_LAZY: dict[str, str] = {
    "ClassCreateParams": ".class_create_params",
    "ClassRetrieveParams": ".class_retrieve_params",
    "N1024x1024": ".n1024x1024",
    "N1024x1024Param": ".n1024x1024_param",
    "Record": ".record",
    "Record2": ".record2",
    "class_": ".class_",
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
