"""Base class of every response model, and cached validation of arbitrary types.

Models keep fields the server sends that the spec does not know (`extra="allow"`), accept
both wire and Python field names, and defer building their validators until first use so
importing the package stays fast.
"""

from functools import lru_cache
from typing import Any, Optional

import pydantic
from typing_extensions import Literal

__all__ = ["BaseModel", "type_adapter", "validate_type"]


class BaseModel(pydantic.BaseModel):
    """Pydantic v2 base model for API responses.

    `_request_id` is set on the top-level object a call returns (from `x-request-id`).
    """

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        defer_build=True,
    )

    _request_id: Optional[str] = pydantic.PrivateAttr(default=None)

    def to_dict(
        self,
        *,
        mode: Literal["python", "json"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> dict[str, Any]:
        """This model as a dict of the fields the server sent, keyed by their wire names.

        `mode="json"` converts values to JSON-compatible types; `use_api_names=False` keys by
        Python attribute names; `exclude_unset=False` includes fields that were absent.
        """
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: Optional[int] = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """This model as a JSON string, with the same defaults as `to_dict`."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )


@lru_cache(maxsize=512)
def type_adapter(type_: Any) -> "pydantic.TypeAdapter[Any]":
    """A cached `TypeAdapter` for `type_` (e.g. `List[Model]` or a `Union`)."""
    return pydantic.TypeAdapter(type_)


def validate_type(type_: Any, value: object) -> Any:
    """Validate already-decoded JSON `value` into `type_` (a model class or any typing form)."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate(value)
    return type_adapter(type_).validate_python(value)
