"""Request and response types of `nested_sdk.types`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import fine_tuning, user
    from .fine_tuning.job_create_params import JobCreateParams
    from .fine_tuning.job_list_events_response import JobListEventsResponse
    from .fine_tuning.jobs.checkpoint_list_response import CheckpointListResponse
    from .job import Job
    from .user_balance_response import UserBalanceResponse

__all__ = [
    "CheckpointListResponse",
    "Job",
    "JobCreateParams",
    "JobListEventsResponse",
    "UserBalanceResponse",
    "fine_tuning",
    "user",
]

_LAZY: dict[str, str] = {
    "CheckpointListResponse": ".fine_tuning.jobs.checkpoint_list_response",
    "Job": ".job",
    "JobCreateParams": ".fine_tuning.job_create_params",
    "JobListEventsResponse": ".fine_tuning.job_list_events_response",
    "UserBalanceResponse": ".user_balance_response",
    "fine_tuning": ".fine_tuning",
    "user": ".user",
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
