"""Resources of `awkward_sdk.resources.class_`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .all import (
        All,
        AllWithRawResponse,
        AllWithStreamingResponse,
        AsyncAll,
        AsyncAllWithRawResponse,
        AsyncAllWithStreamingResponse,
    )
    from .class_ import (
        AsyncClass,
        AsyncClassWithRawResponse,
        AsyncClassWithStreamingResponse,
        Class,
        ClassWithRawResponse,
        ClassWithStreamingResponse,
    )

__all__ = [
    "All",
    "AllWithRawResponse",
    "AllWithStreamingResponse",
    "AsyncAll",
    "AsyncAllWithRawResponse",
    "AsyncAllWithStreamingResponse",
    "AsyncClass",
    "AsyncClassWithRawResponse",
    "AsyncClassWithStreamingResponse",
    "Class",
    "ClassWithRawResponse",
    "ClassWithStreamingResponse",
]

_LAZY: dict[str, str] = {
    "All": ".all",
    "AllWithRawResponse": ".all",
    "AllWithStreamingResponse": ".all",
    "AsyncAll": ".all",
    "AsyncAllWithRawResponse": ".all",
    "AsyncAllWithStreamingResponse": ".all",
    "AsyncClass": ".class_",
    "AsyncClassWithRawResponse": ".class_",
    "AsyncClassWithStreamingResponse": ".class_",
    "Class": ".class_",
    "ClassWithRawResponse": ".class_",
    "ClassWithStreamingResponse": ".class_",
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
