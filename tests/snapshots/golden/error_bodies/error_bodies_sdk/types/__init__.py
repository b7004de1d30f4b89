"""Request and response types of `error_bodies_sdk.types`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import gadgets
    from .error import Error, ErrorError
    from .gadget import Gadget
    from .gadget_create_params import GadgetCreateParams
    from .gadget_retrieve_error import GadgetRetrieveError
    from .unauthorized_response import UnauthorizedResponse
    from .validation_error import ValidationError, ValidationErrorDetail

__all__ = [
    "Error",
    "ErrorError",
    "Gadget",
    "GadgetCreateParams",
    "GadgetRetrieveError",
    "UnauthorizedResponse",
    "ValidationError",
    "ValidationErrorDetail",
    "gadgets",
]

_LAZY: dict[str, str] = {
    "Error": ".error",
    "ErrorError": ".error",
    "Gadget": ".gadget",
    "GadgetCreateParams": ".gadget_create_params",
    "GadgetRetrieveError": ".gadget_retrieve_error",
    "UnauthorizedResponse": ".unauthorized_response",
    "ValidationError": ".validation_error",
    "ValidationErrorDetail": ".validation_error",
    "gadgets": ".gadgets",
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
