"""Resources of `error_bodies_sdk.resources`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .gadgets import (
        AsyncGadgets,
        AsyncGadgetsWithRawResponse,
        AsyncGadgetsWithStreamingResponse,
        Gadgets,
        GadgetsWithRawResponse,
        GadgetsWithStreamingResponse,
    )

__all__ = [
    "AsyncGadgets",
    "AsyncGadgetsWithRawResponse",
    "AsyncGadgetsWithStreamingResponse",
    "Gadgets",
    "GadgetsWithRawResponse",
    "GadgetsWithStreamingResponse",
]

_LAZY: dict[str, str] = {
    "AsyncGadgets": ".gadgets",
    "AsyncGadgetsWithRawResponse": ".gadgets",
    "AsyncGadgetsWithStreamingResponse": ".gadgets",
    "Gadgets": ".gadgets",
    "GadgetsWithRawResponse": ".gadgets",
    "GadgetsWithStreamingResponse": ".gadgets",
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
