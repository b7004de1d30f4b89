"""Resources of `trees_sdk.resources`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .trees import (
        AsyncTrees2,
        AsyncTrees2WithRawResponse,
        AsyncTrees2WithStreamingResponse,
        Trees2,
        Trees2WithRawResponse,
        Trees2WithStreamingResponse,
    )

__all__ = [
    "AsyncTrees2",
    "AsyncTrees2WithRawResponse",
    "AsyncTrees2WithStreamingResponse",
    "Trees2",
    "Trees2WithRawResponse",
    "Trees2WithStreamingResponse",
]

_LAZY: dict[str, str] = {
    "AsyncTrees2": ".trees",
    "AsyncTrees2WithRawResponse": ".trees",
    "AsyncTrees2WithStreamingResponse": ".trees",
    "Trees2": ".trees",
    "Trees2WithRawResponse": ".trees",
    "Trees2WithStreamingResponse": ".trees",
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
