"""Base class of every response model, and cached validation of arbitrary types.

Models keep fields the server sends that the spec does not know (`extra="allow"`), accept
both wire and Python field names, and defer building their validators until first use so
importing the package stays fast.

`_request_id` (the `x-request-id` of the call that returned the object) is stored in a slot,
not as a pydantic private attribute: a model with private attributes makes pydantic run
Python code for every instance it validates, which for a streamed chunk (several nested
models) would triple the cost. The slot is invisible to pydantic (not a field, not in
`model_dump()`, not compared by `==`); `copy`, `model_copy` and pickling keep it.

`construct_lenient(type_, value)` builds a value that failed validation without validating it
(recursively; see its docstring): responses are lenient by default, like openai-python, because
real servers (and OpenAI's own spec examples) leave out "required" fields.

`validate_json(type_, data, strict=True)` is `strict_response_validation=True`: the spec read
exactly. It is pydantic's strict mode, and the markers below put the models' deliberate
leniencies in the lax branch of a lax-or-strict schema, so default validation pays nothing:

- `OpenEnum[Literal["a", "b"]]` (`Union[Literal["a", "b"], str]` marked `OPEN_ENUM`) takes any
  string by default, only the listed values when strict;
- a subclass of `UnknownVariant` (the catch-all member of a discriminated union, chosen for a
  tag this SDK version does not know) is rejected when strict;
- `Omittable[X]` (`Annotated[Optional[X], NOT_NULL]`: a property that may be absent but is never
  null) takes `null` by default (it reads as `None` either way), not when strict;
- a model declared `class X(BaseModel, closed=True)` (the schema says `additionalProperties:
  false`) keeps undeclared properties by default and rejects them when strict;
- `Annotated[X, StrictConstraints(...)]` (`_constraints`: the schema's minLength, pattern,
  bounds, ...) checks them only when strict;
- no type coercion when strict (pydantic's strict mode: `"5"` is not an integer).
"""

import logging
import typing
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    ClassVar,
    Optional,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
)

import pydantic
import pydantic_core
import typing_extensions
from pydantic.fields import FieldInfo
from pydantic_core import core_schema
from typing_extensions import Literal, Self, TypeGuard

from ._types import is_mapping

__all__ = [
    "NOT_NULL",
    "OPEN_ENUM",
    "BaseModel",
    "Omittable",
    "OpenEnum",
    "UnknownVariant",
    "construct_lenient",
    "is_model_class",
    "parse_lenient",
    "set_request_id",
    "type_adapter",
    "validate_json",
    "validate_type",
]

_log = logging.getLogger(__name__.rpartition(".")[0] or __name__)
_SEQUENCES = (list, tuple, set, frozenset, Sequence)
_MAPPINGS = (dict, Mapping)
_LITERALS = (typing.Literal, typing_extensions.Literal)

_REQUEST_ID_SLOT = "_sdk_request_id"


class BaseModel(pydantic.BaseModel):
    """Pydantic v2 base model for API responses.

    `_request_id` is set on the top-level object a call returns (from `x-request-id`, else
    `x-ds-trace-id`); it is `None` on nested objects and on objects built by hand.

    `class X(BaseModel, closed=True)`: the spec allows no properties but the declared ones;
    strict validation rejects others (the default keeps them, as on every model).
    """

    def __init_subclass__(cls, *, closed: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if closed:
            # (`setattr`: the class's declared type stays pydantic's own.)
            setattr(cls, "__get_pydantic_core_schema__", classmethod(_closed_core_schema))  # noqa: B010

    __slots__ = (_REQUEST_ID_SLOT,)

    model_config: ClassVar[pydantic.ConfigDict] = pydantic.ConfigDict(
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


class UnknownVariant(BaseModel):
    """Base of the catch-all member of a discriminated union: an object whose tag this version
    of the SDK does not know. Every field is kept; strict validation rejects it."""

    if TYPE_CHECKING:
        # Every field the server sent is an attribute, whatever its name, so code that narrows
        # a union by its tag (`if event.type == "x": event.delta`) type-checks with this member
        # left in.
        def __getattr__(self, name: str) -> Any: ...

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        schema = handler(source)
        # Strict: validate as the model (so it serializes as one), then reject.
        copy = cast(core_schema.CoreSchema, {k: v for k, v in schema.items() if k != "ref"})
        reject = core_schema.no_info_after_validator_function(_reject_unknown_variant, copy)
        return core_schema.lax_or_strict_schema(lax_schema=schema, strict_schema=reject)


def _closed_core_schema(cls: type[BaseModel], source: Any, handler: Any) -> Any:
    """The schema of a `closed=True` model: lax, the model as it is; strict, the model, then a
    check that it kept no undeclared property. The wrapper takes the model's `ref`, so a
    recursive reference goes through it too; both branches serialize as the model does."""
    schema = handler(source)
    if schema.get("type") != "model" or schema.get("cls") is not cls:
        return schema  # pydantic's cached schema of this class: already wrapped
    model = cast(core_schema.CoreSchema, {k: v for k, v in schema.items() if k != "ref"})
    strict = core_schema.no_info_after_validator_function(_reject_extra_properties, model)
    return core_schema.lax_or_strict_schema(
        lax_schema=model, strict_schema=strict, ref=schema.get("ref")
    )


def _reject_extra_properties(value: Any) -> Any:
    extra = value.__pydantic_extra__
    if extra:
        raise pydantic_core.PydanticCustomError(
            "extra_forbidden",
            "Extra inputs are not permitted ({names}: the spec allows no other properties)",
            {"names": ", ".join(sorted(extra))},
        )
    return value


def _reject_unknown_variant(value: Any) -> Any:
    raise pydantic_core.PydanticCustomError(
        "unknown_variant", "Input is a variant of the union that the spec does not list"
    )


class _OpenEnum:
    """`Annotated` metadata for `Union[Literal[...], str]`: strict validation takes only the
    `Literal` (pydantic's lax-or-strict schema: no cost when not strict)."""

    def __repr__(self) -> str:
        return "OPEN_ENUM"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        if schema.get("type") != "union" or schema["choices"][0].get("type") != "literal":
            raise TypeError(f"OPEN_ENUM annotates Union[Literal[...], str], not {source!r}")
        return core_schema.lax_or_strict_schema(
            lax_schema=schema, strict_schema=schema["choices"][0]
        )


class _NotNull:
    """`Annotated` metadata for `Optional[X]` of a property that may be absent but is never
    `null`: strict validation takes only `X` (absent still reads as the field's default)."""

    def __repr__(self) -> str:
        return "NOT_NULL"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        if schema.get("type") != "nullable":
            raise TypeError(f"NOT_NULL annotates Optional[X], not {source!r}")
        return core_schema.lax_or_strict_schema(lax_schema=schema, strict_schema=schema["schema"])


OPEN_ENUM = _OpenEnum()
"""On `Union[Literal[...], str]`: the spec lists these values, the server may send others."""
NOT_NULL = _NotNull()
"""On `Optional[X]` of a property that may be absent but, per the spec, is never `null`."""

_T = TypeVar("_T")
OpenEnum = Annotated[Union[_T, str], OPEN_ENUM]
"""`OpenEnum[Literal["a", "b"]]`: one of the listed values or, from a newer server, another."""
Omittable = Annotated[Optional[_T], NOT_NULL]
"""`Omittable[X] = None`: a property the server may leave out (read as `None`); the spec never
makes it `null` (strict validation rejects `null`, the default takes it as absent)."""


def set_request_id(model: BaseModel, request_id: Optional[str]) -> None:
    """Set `model._request_id` (the runtime and `lib/` set it on what a call returns)."""
    object.__setattr__(model, _REQUEST_ID_SLOT, request_id)


def _copy_request_id(source: BaseModel, target: BaseModel) -> None:
    request_id = getattr(source, _REQUEST_ID_SLOT, None)
    if request_id is not None:
        object.__setattr__(target, _REQUEST_ID_SLOT, request_id)


@lru_cache(maxsize=512)
def type_adapter(type_: Any) -> "pydantic.TypeAdapter[Any]":
    """A cached `TypeAdapter` for `type_` (e.g. `List[Model]` or a `Union`)."""
    return pydantic.TypeAdapter(type_)


def validate_type(type_: object, value: object) -> Any:
    """Validate already-decoded JSON `value` into `type_` (a model class or any typing form)."""
    if is_model_class(type_):
        return type_.model_validate(value)
    return type_adapter(type_).validate_python(value)


def validate_json(type_: object, data: Union[str, bytes], *, strict: bool = False) -> Any:
    """Validate a JSON text into `type_`; `strict`: as the spec says, no leniency (see above)."""
    if is_model_class(type_):
        return type_.model_validate_json(data, strict=strict or None)
    return type_adapter(type_).validate_json(data, strict=strict or None)


def parse_lenient(type_: Any, value: object, error: pydantic.ValidationError) -> Any:
    """`construct_lenient(type_, value)` after logging (DEBUG) why validation failed."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "<root>"
    _log.debug(
        "Response does not match %s (%d error(s), first at %s: %s); using it unvalidated",
        getattr(type_, "__name__", None) or repr(type_),
        error.error_count(),
        where,
        first["msg"],
    )
    return construct_lenient(type_, value)


def construct_lenient(type_: Any, value: object) -> Any:
    """Build decoded JSON `value` as `type_` without failing, best effort.

    Parts that validate are validated. A model whose data does not validate is built with
    `model_construct`, field by field: nested values are built the same way, unknown fields are
    kept, values of the wrong type are kept as they are, and required fields that are missing
    are set to an empty list or dict when that is their type, else `None` (not marked as set,
    so `to_dict()` leaves them out). Lists and dicts are
    built item by item. A union takes the variant its discriminator names (the generated
    `...Unknown` catch-all for a tag it does not know), else the first variant that validates,
    else the first model variant (for an object).
    """
    origin = get_origin(type_)
    if origin is Annotated:
        return _construct_annotated(type_, value)
    if is_model_class(type_):
        return _construct_model(type_, value)
    if origin is Union or _is_union_type(type_):
        return _construct_union(get_args(type_), value, None)
    if origin in _SEQUENCES:
        if not isinstance(value, list):
            return value
        args = get_args(type_)
        item = args[0] if args else Any
        return [construct_lenient(item, element) for element in cast("list[object]", value)]
    if origin in _MAPPINGS:
        if not isinstance(value, dict):
            return value
        args = get_args(type_)
        item = args[1] if len(args) == 2 else Any
        entries = cast("dict[object, object]", value).items()
        return {key: construct_lenient(item, element) for key, element in entries}
    if type_ is Any or type_ is object:
        return value
    try:
        return validate_type(type_, value)
    except (pydantic.ValidationError, TypeError, ValueError):
        return value


def _construct_annotated(type_: Any, value: object) -> Any:
    inner, *metadata = get_args(type_)
    discriminator = next(
        (m for m in metadata if isinstance(m, (pydantic.Discriminator, FieldInfo))), None
    )
    if discriminator is not None and (get_origin(inner) is Union or _is_union_type(inner)):
        return _construct_union(get_args(inner), value, discriminator)
    return construct_lenient(inner, value)


def _construct_model(model: type[pydantic.BaseModel], value: object) -> Any:
    if isinstance(value, model):
        return value
    try:
        return model.model_validate(value)
    except pydantic.ValidationError:
        pass
    if not is_mapping(value):
        return value
    remaining = dict(value)
    fields: dict[str, Any] = {}
    fields_set: set[str] = set()
    for name, info in model.model_fields.items():
        key = info.alias if info.alias is not None and info.alias in remaining else name
        if key in remaining:
            fields[name] = construct_lenient(_field_type(info), remaining.pop(key))
            fields_set.add(name)
        elif info.is_required():
            fields[name] = _missing(_field_type(info))
    extra = {key: remaining[key] for key in remaining if isinstance(key, str)}
    built = model.model_construct(fields_set, **fields)
    if extra and model.model_config.get("extra") == "allow":
        if built.__pydantic_extra__ is None:
            object.__setattr__(built, "__pydantic_extra__", {})
        assert built.__pydantic_extra__ is not None
        built.__pydantic_extra__.update(extra)
    return built


def _missing(type_: Any) -> Any:
    """What a required field the server left out holds: an empty list or dict when that is its
    type (so `chunk.choices` stays a list), else `None`."""
    while get_origin(type_) is Annotated:
        type_ = get_args(type_)[0]
    origin = get_origin(type_)
    if origin in _SEQUENCES:
        return []
    if origin in _MAPPINGS:
        return {}
    return None


def _field_type(info: FieldInfo) -> Any:
    """The field's type, with its discriminator (which pydantic keeps apart) put back."""
    if info.discriminator is not None:
        return cast(Any, Annotated)[info.annotation, info]
    return info.annotation


def _construct_union(variants: tuple[Any, ...], value: object, discriminator: object) -> Any:
    if value is None and type(None) in variants:
        return None
    chosen = _discriminated_variant(variants, value, discriminator)
    if chosen is not None:  # the tag decides (a catch-all variant would validate anything)
        return construct_lenient(chosen, value)
    for variant in variants:
        try:
            return validate_type(variant, value)
        except (pydantic.ValidationError, TypeError, ValueError):
            continue
    if is_mapping(value):
        for variant in variants:
            model = _model_of(variant)
            if model is not None:
                return construct_lenient(model, value)
    return value


def _discriminated_variant(variants: tuple[Any, ...], value: object, discriminator: object) -> Any:
    """The variant a discriminator names for `value` (`Tag`-ged or by a `Literal` field)."""
    if not is_mapping(value) or discriminator is None:
        return None
    rule = getattr(discriminator, "discriminator", None)
    if isinstance(rule, pydantic.Discriminator):
        rule = rule.discriminator
    if callable(rule):
        try:
            tag = rule(value)
        except Exception:  # a user-defined discriminator; a failure means "unknown"
            return None
        return next((v for v in variants if _tag_of(v) == tag), None)
    if not isinstance(rule, str):
        return None
    tag = value.get(rule)
    for variant in variants:
        model = _model_of(variant)
        field = model.model_fields.get(rule) if model is not None else None
        if (
            field is not None
            and get_origin(field.annotation) in _LITERALS
            and tag in get_args(field.annotation)
        ):
            return variant
    return None


def _tag_of(variant: Any) -> Optional[str]:
    if get_origin(variant) is Annotated:
        for meta in get_args(variant)[1:]:
            if isinstance(meta, pydantic.Tag):
                return meta.tag
    return None


def _model_of(variant: Any) -> Optional[type[pydantic.BaseModel]]:
    while get_origin(variant) is Annotated:
        variant = get_args(variant)[0]
    if is_model_class(variant):
        return variant
    return None


def is_model_class(type_: object) -> TypeGuard[type[pydantic.BaseModel]]:
    """Whether `type_` is a pydantic model class (not an instance, not a typing form)."""
    return isinstance(type_, type) and issubclass(type_, pydantic.BaseModel)


def _is_union_type(type_: Any) -> bool:
    """`X | Y` (`types.UnionType`, Python 3.10+) as well as `typing.Union`."""
    return type(type_).__name__ == "UnionType"
