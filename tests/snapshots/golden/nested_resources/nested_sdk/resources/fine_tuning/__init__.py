"""Resources of `nested_sdk.resources.fine_tuning`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import jobs
    from .fine_tuning import (
        AsyncFineTuning,
        AsyncFineTuningWithRawResponse,
        AsyncFineTuningWithStreamingResponse,
        FineTuning,
        FineTuningWithRawResponse,
        FineTuningWithStreamingResponse,
    )

__all__ = [
    "AsyncFineTuning",
    "AsyncFineTuningWithRawResponse",
    "AsyncFineTuningWithStreamingResponse",
    "FineTuning",
    "FineTuningWithRawResponse",
    "FineTuningWithStreamingResponse",
    "jobs",
]

_LAZY: dict[str, str] = {
    "AsyncFineTuning": ".fine_tuning",
    "AsyncFineTuningWithRawResponse": ".fine_tuning",
    "AsyncFineTuningWithStreamingResponse": ".fine_tuning",
    "FineTuning": ".fine_tuning",
    "FineTuningWithRawResponse": ".fine_tuning",
    "FineTuningWithStreamingResponse": ".fine_tuning",
    "jobs": ".jobs",
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
