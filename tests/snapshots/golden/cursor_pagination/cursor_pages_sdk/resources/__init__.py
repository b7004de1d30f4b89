"""Resources of `cursor_pages_sdk.resources`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .events import (
        AsyncEvents,
        AsyncEventsWithRawResponse,
        AsyncEventsWithStreamingResponse,
        Events,
        EventsWithRawResponse,
        EventsWithStreamingResponse,
    )
    from .jobs import (
        AsyncJobs,
        AsyncJobsWithRawResponse,
        AsyncJobsWithStreamingResponse,
        Jobs,
        JobsWithRawResponse,
        JobsWithStreamingResponse,
    )
    from .models import (
        AsyncModels,
        AsyncModelsWithRawResponse,
        AsyncModelsWithStreamingResponse,
        Models,
        ModelsWithRawResponse,
        ModelsWithStreamingResponse,
    )
    from .reports import (
        AsyncReports,
        AsyncReportsWithRawResponse,
        AsyncReportsWithStreamingResponse,
        Reports,
        ReportsWithRawResponse,
        ReportsWithStreamingResponse,
    )

__all__ = [
    "AsyncEvents",
    "AsyncEventsWithRawResponse",
    "AsyncEventsWithStreamingResponse",
    "AsyncJobs",
    "AsyncJobsWithRawResponse",
    "AsyncJobsWithStreamingResponse",
    "AsyncModels",
    "AsyncModelsWithRawResponse",
    "AsyncModelsWithStreamingResponse",
    "AsyncReports",
    "AsyncReportsWithRawResponse",
    "AsyncReportsWithStreamingResponse",
    "Events",
    "EventsWithRawResponse",
    "EventsWithStreamingResponse",
    "Jobs",
    "JobsWithRawResponse",
    "JobsWithStreamingResponse",
    "Models",
    "ModelsWithRawResponse",
    "ModelsWithStreamingResponse",
    "Reports",
    "ReportsWithRawResponse",
    "ReportsWithStreamingResponse",
]

_LAZY: dict[str, str] = {
    "AsyncEvents": ".events",
    "AsyncEventsWithRawResponse": ".events",
    "AsyncEventsWithStreamingResponse": ".events",
    "AsyncJobs": ".jobs",
    "AsyncJobsWithRawResponse": ".jobs",
    "AsyncJobsWithStreamingResponse": ".jobs",
    "AsyncModels": ".models",
    "AsyncModelsWithRawResponse": ".models",
    "AsyncModelsWithStreamingResponse": ".models",
    "AsyncReports": ".reports",
    "AsyncReportsWithRawResponse": ".reports",
    "AsyncReportsWithStreamingResponse": ".reports",
    "Events": ".events",
    "EventsWithRawResponse": ".events",
    "EventsWithStreamingResponse": ".events",
    "Jobs": ".jobs",
    "JobsWithRawResponse": ".jobs",
    "JobsWithStreamingResponse": ".jobs",
    "Models": ".models",
    "ModelsWithRawResponse": ".models",
    "ModelsWithStreamingResponse": ".models",
    "Reports": ".reports",
    "ReportsWithRawResponse": ".reports",
    "ReportsWithStreamingResponse": ".reports",
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
