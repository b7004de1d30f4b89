"""Request and response types of `cursor_pages_sdk.types`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import events, jobs, models, reports
    from .event_list_params import EventListParams
    from .job import Job
    from .job_list_params import JobListParams
    from .model_list_response import ModelListResponse
    from .report_list_params import ReportListParams

__all__ = [
    "EventListParams",
    "Job",
    "JobListParams",
    "ModelListResponse",
    "ReportListParams",
    "events",
    "jobs",
    "models",
    "reports",
]

_LAZY: dict[str, str] = {
    "EventListParams": ".event_list_params",
    "Job": ".job",
    "JobListParams": ".job_list_params",
    "ModelListResponse": ".model_list_response",
    "ReportListParams": ".report_list_params",
    "events": ".events",
    "jobs": ".jobs",
    "models": ".models",
    "reports": ".reports",
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
