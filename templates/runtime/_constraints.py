"""`StrictConstraints`: a value's JSON Schema constraints, checked by strict validation only.

A generated field whose schema has constraints (`minLength`, `maxLength`, `pattern`, `minimum`,
`exclusiveMaximum`, `multipleOf`, `minItems`, `maxItems`, `uniqueItems`, `minProperties`,
`maxProperties`) is `Annotated[str, StrictConstraints(min_length=34)]`.
`strict_response_validation=True` rejects a value outside them; the default mode does not look
(servers send such values, and callers still want the response; see `_models`).
"""

import math
import re
from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar, Optional

import pydantic_core
from pydantic_core import core_schema

__all__ = ["StrictConstraints"]


class StrictConstraints:
    """`Annotated` metadata: the JSON Schema constraints of a value, checked only by strict
    validation (a lax-or-strict schema: the default mode pays nothing).

    `min_length`/`max_length` count a string's characters, a list's items or an object's
    properties; `pattern` is searched for (not anchored), as JSON Schema says; `ge`/`gt`/`le`/
    `lt` bound a number, `multiple_of` divides it; `unique_items` forbids equal list items.
    """

    __slots__ = (
        "ge",
        "gt",
        "le",
        "lt",
        "max_length",
        "min_length",
        "multiple_of",
        "pattern",
        "unique_items",
    )

    def __init__(
        self,
        *,
        min_length: Optional[int] = None,
        max_length: Optional[int] = None,
        pattern: Optional[str] = None,
        ge: Optional[float] = None,
        gt: Optional[float] = None,
        le: Optional[float] = None,
        lt: Optional[float] = None,
        multiple_of: Optional[float] = None,
        unique_items: bool = False,
    ) -> None:
        self.min_length = min_length
        self.max_length = max_length
        self.pattern = re.compile(pattern) if pattern is not None else None
        self.ge, self.gt, self.le, self.lt = ge, gt, le, lt
        self.multiple_of = multiple_of
        self.unique_items = unique_items

    def __repr__(self) -> str:
        values = {name: getattr(self, name) for name in self.__slots__}
        if self.pattern is not None:
            values["pattern"] = self.pattern.pattern
        rules = ", ".join(
            f"{k}={v!r}" for k, v in values.items() if v is not None and v is not False
        )
        return f"StrictConstraints({rules})"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        check = self._CHECKS.get(schema.get("type"))
        if check is None:
            raise TypeError(
                f"StrictConstraints annotates str, int, float, list or dict, not {source!r}"
            )
        strict = core_schema.no_info_after_validator_function(partial(check, self), schema)
        return core_schema.lax_or_strict_schema(lax_schema=schema, strict_schema=strict)

    def _check_str(self, value: str) -> str:
        self._check_size(len(value), "string")
        pattern = self.pattern
        if pattern is not None and pattern.search(value) is None:
            raise pydantic_core.PydanticKnownError(
                "string_pattern_mismatch", {"pattern": pattern.pattern}
            )
        return value

    def _check_list(self, value: list[Any]) -> list[Any]:
        self._check_size(len(value), "List")
        if self.unique_items and any(a == b for i, a in enumerate(value) for b in value[i + 1 :]):
            raise pydantic_core.PydanticCustomError(
                "unique_items", "List should have unique items (the spec says uniqueItems)"
            )
        return value

    def _check_dict(self, value: dict[str, Any]) -> dict[str, Any]:
        self._check_size(len(value), "Dictionary")
        return value

    def _check_size(self, size: int, kind: str) -> None:
        if self.min_length is not None and size < self.min_length:
            if kind == "string":
                raise pydantic_core.PydanticKnownError(
                    "string_too_short", {"min_length": self.min_length}
                )
            context = {"field_type": kind, "min_length": self.min_length, "actual_length": size}
            raise pydantic_core.PydanticKnownError("too_short", context)
        if self.max_length is not None and size > self.max_length:
            if kind == "string":
                raise pydantic_core.PydanticKnownError(
                    "string_too_long", {"max_length": self.max_length}
                )
            context = {"field_type": kind, "max_length": self.max_length, "actual_length": size}
            raise pydantic_core.PydanticKnownError("too_long", context)

    def _check_number(self, value: float) -> float:
        if self.ge is not None and not value >= self.ge:
            raise pydantic_core.PydanticKnownError("greater_than_equal", {"ge": self.ge})
        if self.gt is not None and not value > self.gt:
            raise pydantic_core.PydanticKnownError("greater_than", {"gt": self.gt})
        if self.le is not None and not value <= self.le:
            raise pydantic_core.PydanticKnownError("less_than_equal", {"le": self.le})
        if self.lt is not None and not value < self.lt:
            raise pydantic_core.PydanticKnownError("less_than", {"lt": self.lt})
        if self.multiple_of is not None and not _is_multiple(value, self.multiple_of):
            raise pydantic_core.PydanticKnownError("multiple_of", {"multiple_of": self.multiple_of})
        return value

    _CHECKS: ClassVar[dict[str, Callable[..., Any]]] = {
        "str": _check_str,
        "int": _check_number,
        "float": _check_number,
        "list": _check_list,
        "dict": _check_dict,
    }


def _is_multiple(value: float, step: float) -> bool:
    if isinstance(value, int) and isinstance(step, int):
        return value % step == 0
    quotient = value / step
    return math.isfinite(quotient) and abs(quotient - round(quotient)) <= 1e-9 * max(
        1.0, abs(quotient)
    )
