"""The generator's model of an API: what `lower` produces and `render` prints.

Every value is ready to print: names are valid, non-clashing Python identifiers, type
expressions are Python source, docstrings are escaped and wrapped, import lines are written
relative to the module that holds them. Templates only loop over these objects.

Paths (`TypeModule.path`, `Resource.module`, ...) are relative to the package directory and use
`/` separators (e.g. `types/chat/chat_completion.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Alias",
    "Api",
    "CallArg",
    "Child",
    "Client",
    "Definition",
    "Examples",
    "Field",
    "InitModule",
    "LazyExport",
    "Method",
    "MethodVariant",
    "Model",
    "OperationDoc",
    "Paginator",
    "Param",
    "Resource",
    "ResourceVariant",
    "Signature",
    "StreamSpec",
    "TypeModule",
    "TypedDictDef",
]


# ---------------------------------------------------------------------------------------- types


@dataclass(frozen=True)
class Field:
    """One attribute of a model, or one key of a TypedDict.

    For a model `name` is the Python attribute and `annotation` its type; `default` is the
    source after `=` (`None`, `Field(alias="schema")`, ...) or None when the field is required.
    For a TypedDict `name` is the wire key and `annotation` includes `Required[...]`.
    """

    name: str
    annotation: str
    default: str | None
    doc: str | None


@dataclass(frozen=True)
class Model:
    """A pydantic model class (response side)."""

    name: str
    bases: tuple[str, ...]
    fields: tuple[Field, ...]
    doc: str | None
    kind: Literal["model"] = "model"


@dataclass(frozen=True)
class TypedDictDef:
    """A request-side `TypedDict` (always `total=False`; required keys use `Required[...]`).

    `functional` is True when some key is not a Python identifier, so the class is written as
    `Name = TypedDict("Name", {...}, total=False)` (no per-key docstrings then); field names
    are then Python string literals.
    """

    name: str
    bases: tuple[str, ...]
    fields: tuple[Field, ...]
    doc: str | None
    functional: bool
    kind: Literal["typeddict"] = "typeddict"


@dataclass(frozen=True)
class Alias:
    """A module-level type alias: `name: TypeAlias = annotation`."""

    name: str
    annotation: str
    doc: str | None
    kind: Literal["alias"] = "alias"


Definition = Model | TypedDictDef | Alias


@dataclass(frozen=True)
class TypeModule:
    """One module under `types/`: its definitions in dependency order.

    `rebuild` lists models that refer to names defined later in the module (recursive
    schemas); the module ends with `Name.model_rebuild()` for each.
    """

    path: str
    imports: tuple[str, ...]
    exports: tuple[str, ...]
    definitions: tuple[Definition, ...]
    rebuild: tuple[str, ...]


@dataclass(frozen=True)
class LazyExport:
    """A name a package `__init__` exports lazily: `attr` of `module`, or the module itself."""

    name: str
    module: str
    attr: str | None


@dataclass(frozen=True)
class InitModule:
    """A package `__init__.py` that re-exports names lazily (PEP 562)."""

    path: str
    doc: str
    exports: tuple[LazyExport, ...]
    type_checking_imports: tuple[str, ...]  # the same names, for type checkers


# ------------------------------------------------------------------------------------ resources


@dataclass(frozen=True)
class Param:
    """One method parameter: `name: annotation = default`."""

    name: str
    annotation: str
    default: str | None


@dataclass(frozen=True)
class Signature:
    """One `def` line (an `@overload` or the implementation) without the standard extras."""

    positional: tuple[Param, ...]
    keyword: tuple[Param, ...]
    returns: str


@dataclass(frozen=True)
class CallArg:
    """One keyword argument of the `self._request(...)` call.

    Printed as `name=value`, or as a dict literal `name={entries}` when `entries` is set.
    """

    name: str
    value: str
    entries: tuple[str, ...] | None = None


@dataclass(frozen=True)
class MethodVariant:
    """The sync or the async form of a method."""

    def_keyword: str  # "def" or "async def"
    overloads: tuple[Signature, ...]
    signature: Signature
    call_open: str  # e.g. "return self._request(" or "return cast(X, await self._request("
    call_close: str  # ")" or "))"
    args: tuple[CallArg, ...]


@dataclass(frozen=True)
class OperationDoc:
    """Facts about a method for api.md and README."""

    http_method: str
    path: str
    params_type: str | None  # e.g. "types.chat.CompletionCreateParams"
    signature: str  # e.g. "retrieve(file_id) -> FileObject"


PaginationKind = Literal["cursor", "page", "next_url", "page_number"]


@dataclass(frozen=True)
class Paginator:
    """How a list method pages: the scheme, and the runtime page classes that implement it.

    `kind` is detected from the spec or set by the config (`paginate:`): `cursor` (the id of
    the last item goes into `cursor_param` while `has_more_field` is not false), `page` (one
    page), `next_url` (`next_url_field` holds the URL of the next page), `page_number`
    (`cursor_param` counts pages from 1; an empty page ends). The page classes are runtime
    names from `_pagination.py`, whose class-level settings match these fields; `items_field`
    is the response's array of items.
    """

    kind: PaginationKind
    item_type: str  # e.g. "FineTuningJob"
    items_field: str
    cursor_param: str | None
    has_more_field: str | None
    page_class_sync: str
    page_class_async: str
    next_url_field: str | None = None

    @property
    def sync_page(self) -> str:
        """The sync page type (`SyncCursorPage[Item]`): what sync list methods return."""
        return f"{self.page_class_sync}[{self.item_type}]"

    @property
    def async_page(self) -> str:
        """The async page type (`AsyncCursorPage[Item]`)."""
        return f"{self.page_class_async}[{self.item_type}]"

    @property
    def async_returns(self) -> str:
        """What async list methods return: an awaitable, async-iterable paginator."""
        return f"AsyncPaginator[{self.item_type}, {self.async_page}]"


@dataclass(frozen=True)
class StreamSpec:
    """A method that can answer with a server-sent event stream.

    `chunk_type` is the type of each event's data; `flag_param` the Python name of the boolean
    body parameter that asks for a stream (`stream`), or None when the method always streams.
    """

    chunk_type: str
    flag_param: str | None

    @property
    def sync_stream(self) -> str:
        """`Stream[Chunk]`."""
        return f"Stream[{self.chunk_type}]"

    @property
    def async_stream(self) -> str:
        """`AsyncStream[Chunk]`."""
        return f"AsyncStream[{self.chunk_type}]"


@dataclass(frozen=True)
class Method:
    """A resource method; `sync`/`async_` hold the two printed forms.

    `paginator` / `stream` are the paging and streaming facts the printed forms were made
    from (None when the method does not page / cannot stream).
    """

    name: str
    doc: str | None
    sync: MethodVariant
    async_: MethodVariant
    info: OperationDoc
    paginator: Paginator | None = None
    stream: StreamSpec | None = None


@dataclass(frozen=True)
class ResourceVariant:
    """Class names of the sync or the async side of a resource."""

    class_name: str
    bases: tuple[str, ...]
    raw_class: str
    streaming_class: str


@dataclass(frozen=True)
class Child:
    """A sub-resource attribute: `attr` on the parent, classes imported from `module`."""

    attr: str
    module: str
    sync: ResourceVariant
    async_: ResourceVariant


@dataclass(frozen=True)
class Resource:
    """One resource module holding the sync and async resource classes and their wrappers."""

    dotted: str  # "chat.completions"
    module: str  # "resources/chat/completions.py"
    doc: str | None
    sync: ResourceVariant
    async_: ResourceVariant
    methods: tuple[Method, ...]
    children: tuple[Child, ...]
    imports: tuple[str, ...]
    type_checking_imports: tuple[str, ...]
    exports: tuple[str, ...]
    api_types: tuple[str, ...]  # api.md: `from pkg.types.x import A, B` lines
    helpers: tuple[str, ...]  # hand-written mixins (sync class, module under lib/), for api.md


@dataclass(frozen=True)
class Client:
    """The generated `_client.py`."""

    name: str
    async_name: str
    error_name: str
    doc: str | None
    env_api_key: str  # Python string literals from here on
    env_base_url: str
    default_base_url: str
    idempotency_header: str
    user_agent: str  # a Python expression
    missing_key_message: str
    init_doc: str  # docstring of the constructors
    children: tuple[Child, ...]
    type_checking_imports: tuple[str, ...]


@dataclass(frozen=True)
class Examples:
    """Ready-to-print example calls for the README (`None`: the API has no such operation)."""

    call: str | None  # e.g. 'client.models.list()'
    raw_call: str | None  # the same through `client.with_raw_response`
    stream: str | None  # a call with stream=True
    page: str | None  # a paginated list call
    upload: str | None  # a multipart upload call


@dataclass(frozen=True)
class Api:
    """Everything `render` needs to print one SDK."""

    package: str
    distribution: str
    version: str
    title: str
    description: str | None
    env_log: str  # Python string literal
    env_log_name: str  # plain text, for README
    env_api_key_name: str  # plain text, for README
    env_base_url_name: str  # plain text, for README
    default_base_url: str  # plain text, for README
    client: Client
    resources: tuple[Resource, ...]
    type_modules: tuple[TypeModule, ...]
    init_modules: tuple[InitModule, ...]
    helpers: bool  # copy templates/lib into the package
    discriminated: bool  # emit _discriminated.py (some union has a fallback variant)
    dependencies: tuple[str, ...]  # pyproject requirements
    examples: Examples
    exceptions: tuple[str, ...]  # runtime exception classes re-exported by the package
    init_imports: tuple[str, ...]  # import block of the package `__init__`
