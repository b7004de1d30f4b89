"""Base class of every response model, and cached validation of arbitrary types.

Models keep fields the server sends that the spec does not know (`extra="allow"`), accept
both wire and Python field names, and defer building their validators until first use so
importing the package stays fast.

`_request_id` (the `x-request-id` of the call that returned the object) is stored in a slot,
not as a pydantic private attribute: a model with private attributes makes pydantic run
Python code for every instance it validates, which for a streamed chunk (several nested
models) would triple the cost. The slot is invisible to pydantic (not a field, not in
`model_dump()`, not compared by `==`); `copy`, `model_copy` and pickling keep it.
"""

from functools import lru_cache
from typing import Any, Optional

import pydantic
from typing_extensions import Literal, Self

__all__ = ["BaseModel", "type_adapter", "validate_type"]

_REQUEST_ID_SLOT = "_sdk_request_id"


class BaseModel(pydantic.BaseModel):
    """Pydantic v2 base model for API responses.

    `_request_id` is set on the top-level object a call returns (from `x-request-id`, else
    `x-ds-trace-id`); it is `None` on nested objects and on objects built by hand.
    """

    __slots__ = (_REQUEST_ID_SLOT,)

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        defer_build=True,
    )

    @property
    def _request_id(self) -> Optional[str]:
        """The server's id of the request that returned this object, if it was returned by one."""
        value: Optional[str] = getattr(self, _REQUEST_ID_SLOT, None)
        return value

    @_request_id.setter
    def _request_id(self, value: Optional[str]) -> None:
        object.__setattr__(self, _REQUEST_ID_SLOT, value)

    def __copy__(self) -> Self:
        copied = super().__copy__()
        _copy_request_id(self, copied)
        return copied

    def __deepcopy__(self, memo: Optional[dict[int, Any]] = None) -> Self:
        copied = super().__deepcopy__(memo)
        _copy_request_id(self, copied)
        return copied

    def __getstate__(self) -> dict[Any, Any]:
        state = super().__getstate__()
        request_id = getattr(self, _REQUEST_ID_SLOT, None)
        if request_id is not None:
            state[_REQUEST_ID_SLOT] = request_id
        return state

    def __setstate__(self, state: dict[Any, Any]) -> None:
        request_id = state.pop(_REQUEST_ID_SLOT, None)
        super().__setstate__(state)
        if request_id is not None:
            object.__setattr__(self, _REQUEST_ID_SLOT, request_id)

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


def _copy_request_id(source: BaseModel, target: BaseModel) -> None:
    request_id = getattr(source, _REQUEST_ID_SLOT, None)
    if request_id is not None:
        object.__setattr__(target, _REQUEST_ID_SLOT, request_id)


@lru_cache(maxsize=512)
def type_adapter(type_: Any) -> "pydantic.TypeAdapter[Any]":
    """A cached `TypeAdapter` for `type_` (e.g. `List[Model]` or a `Union`)."""
    return pydantic.TypeAdapter(type_)


def validate_type(type_: Any, value: object) -> Any:
    """Validate already-decoded JSON `value` into `type_` (a model class or any typing form)."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate(value)
    return type_adapter(type_).validate_python(value)
