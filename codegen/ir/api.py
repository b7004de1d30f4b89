"""The generator's model of an API: what `lower` decides and `render` prints.

Every value is data: names are the final, non-clashing Python identifiers `lower` chose, types
are `codegen.ir.types` values, and text from the spec (descriptions, titles, URLs, wire names)
is kept raw; `render` escapes it for the file it goes into. Nothing here is Python source.

Paths (`TypeModule.path`, `Resource.module`, `LazyExport.target`, ...) are relative to the
package directory and use `/` separators (`types/chat/chat_completion.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .auth import NO_AUTH, Auth, Scopes, Security
from .frontends import NO_FRONTENDS, Frontends
from .types import Type

__all__ = [
    "FORM_MEDIA_TYPE",
    "Alias",
    "Api",
    "Body",
    "BodyKind",
    "Child",
    "Client",
    "Definition",
    "ErrorBody",
    "Example",
    "Examples",
    "Field",
    "FileExample",
    "HelperForm",
    "HelperImport",
    "HelperMethod",
    "HelperParam",
    "HelperSignature",
    "InitModule",
    "LazyExport",
    "Method",
    "Model",
    "PaginationKind",
    "Paginator",
    "ParamLocation",
    "Parameter",
    "ParamsType",
    "Resource",
    "ResourceVariant",
    "ResultKind",
    "ServerVariable",
    "Side",
    "StreamSpec",
    "SuiteCall",
    "TypeImport",
    "TypeModule",
    "TypedDictDef",
    "body_kind",
]

Side = Literal["model", "param"]
"""`"model"`: the response side (pydantic models, open enums); `"param"`: the request side
(`TypedDict`s, closed enums, any sequence for an array, files)."""


# ---------------------------------------------------------------------------------------- types


@dataclass(frozen=True)
class Field:
    """One attribute of a model, or one key of a TypedDict.

    `name` is the Python attribute of a model field (`wire` when that is a usable name) and the
    key of a TypedDict (always `wire`). A model field that is not `required` defaults to None.
    `constraints` (model fields only) are the JSON Schema constraints of its value as
    `StrictConstraints` keywords (`("min_length", 34)`, `("pattern", "^VT")`): strict response
    validation checks them.
    """

    name: str
    wire: str
    type: Type
    required: bool
    doc: str | None
    constraints: tuple[tuple[str, int | float | str | bool], ...] = ()


@dataclass(frozen=True)
class Model:
    """A pydantic model class (response side); `bases` are other generated models (none: the
    runtime `BaseModel`). `closed`: the schema says `additionalProperties: false` (strict
    response validation rejects undeclared properties; the default keeps them)."""

    name: str
    bases: tuple[str, ...]
    fields: tuple[Field, ...]
    doc: str | None
    closed: bool = False
    kind: Literal["model"] = "model"


@dataclass(frozen=True)
class TypedDictDef:
    """A request-side `TypedDict` (keys that are not `required` may be left out).

    `method_params` marks the TypedDict mirroring one method's parameters: its name is only
    unique in its `types/` directory, and generated code never imports it.
    """

    name: str
    bases: tuple[str, ...]
    fields: tuple[Field, ...]
    doc: str | None
    method_params: bool = False
    kind: Literal["typeddict"] = "typeddict"


@dataclass(frozen=True)
class Alias:
    """A module-level type alias for `type`, on `side` (`method_params`: as on `TypedDictDef`)."""

    name: str
    type: Type
    doc: str | None
    side: Side
    method_params: bool = False
    kind: Literal["alias"] = "alias"


Definition = Model | TypedDictDef | Alias


@dataclass(frozen=True)
class TypeModule:
    """One module under `types/`: its definitions in dependency order.

    A definition only refers to names defined before it, except in `rebuild` models (recursive
    schemas), which refer to later ones; the module ends with `Name.model_rebuild()` for each.
    """

    path: str
    exports: tuple[str, ...]
    definitions: tuple[Definition, ...]
    rebuild: tuple[str, ...]


@dataclass(frozen=True)
class LazyExport:
    """A name a package `__init__` exports lazily: `attr` of the module at `target` (a package
    path without `.py`), or, when `attr` is None, that module itself."""

    name: str
    target: str
    attr: str | None


@dataclass(frozen=True)
class InitModule:
    """A package `__init__.py` that re-exports names lazily (PEP 562)."""

    path: str
    doc: str
    exports: tuple[LazyExport, ...]


# ------------------------------------------------------------------------------------ resources

ParamLocation = Literal["path", "query", "header", "cookie", "body", "whole_body"]
"""Where a parameter goes: a path template variable, a query, header or cookie parameter, a
property of an object body, or the whole body (a body that is not an object)."""

BodyKind = Literal["json", "form", "multipart", "text", "binary"]
"""How a request body is encoded: JSON (also `+json` variants), a URL-encoded form, a multipart
form, text (`text/*`) or raw bytes (any other media type, `*/*` and `image/*` included)."""

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"


def body_kind(media_type: str) -> BodyKind:
    """How a body of `media_type` (as a spec writes it, parameters allowed) is encoded."""
    base = media_type.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return "json"
    if base == FORM_MEDIA_TYPE:
        return "form"
    if base == "multipart/form-data":
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


@dataclass(frozen=True)
class Parameter:
    """One parameter of a method: Python `name`, the `wire` name at `location`."""

    name: str
    wire: str
    location: ParamLocation
    type: Type
    required: bool
    doc: str | None
    style: tuple[str, bool] | None = None
    """`(style, explode)` for a query, cookie or form-body value that the runtime's default
    encoding (arrays repeat the key, objects `a[b]=v`) would not send as the spec says, and
    for a multipart field whose `encoding` names a style (sent as text parts in that style)."""


@dataclass(frozen=True)
class Body:
    """The request body: its media type (as the spec writes it), whether it is required, and
    for a multipart form the wire names of the top-level fields that are only files and the
    content type the spec's `encoding` gives each field's parts (`(wire, contentType)`)."""

    media_type: str
    required: bool
    file_fields: tuple[str, ...] = ()
    part_types: tuple[tuple[str, str], ...] = ()

    @property
    def multipart(self) -> bool:
        """Whether the body is sent as `multipart/form-data`."""
        return self.media_type == "multipart/form-data"

    @property
    def kind(self) -> BodyKind:
        """How the body is encoded."""
        return body_kind(self.media_type)


PaginationKind = Literal["cursor", "page", "next_url", "page_number"]


@dataclass(frozen=True)
class Paginator:
    """How a list method pages: the scheme, and the runtime page classes that implement it.

    `kind` is detected from the spec or set by the config (`paginate:`): `cursor` (the id of
    the last item goes into `cursor_param` while `has_more_field` is not false), `page` (one
    page), `next_url` (`next_url_field` holds the URL of the next page), `page_number`
    (`cursor_param` counts pages from `first_page`, the number of the page a call
    that does not pass `page` gets; an empty page ends). The page classes are runtime names
    from `_pagination.py`, whose class-level settings match these fields; `items_field` is the
    response's array of `item`s.
    """

    kind: PaginationKind
    item: Type
    items_field: str
    cursor_param: str | None
    has_more_field: str | None
    page_class_sync: str
    page_class_async: str
    next_url_field: str | None = None
    first_page: int = 1


@dataclass(frozen=True)
class StreamSpec:
    """A method that can answer with a server-sent event stream of `chunk`s.

    `flag_param` is the Python name of the boolean body parameter that asks for a stream
    (`stream`), or None when the method always streams.
    """

    chunk: Type
    flag_param: str | None


ResultKind = Literal["model", "model_or_stream", "stream", "page", "binary", "none"]
"""What a call returns: `returns` (a JSON body); `returns`, or a stream when the flag parameter
is true; always a stream; a page of `paginator.item`; the raw binary response; nothing."""


@dataclass(frozen=True)
class ErrorBody:
    """The type of the JSON body an operation declares for an error `status`: an exact code
    (`"404"`), a range (`"4XX"`) or `"default"`. A non-2xx answer raises its `APIStatusError`
    with `body` of this type (the runtime tries the exact code, then the range, then default)."""

    status: str
    type: Type


@dataclass(frozen=True)
class ParamsType:
    """The `TypedDict` mirroring a method's query and body parameters, for docs."""

    name: str
    module: str  # "types/chat/completion_create_params.py"


@dataclass(frozen=True)
class Method:
    """A resource method: the operation it calls, its parameters and what it returns.

    `params` are in the order they are sent (path parameters in URL order, the others as the
    spec lists them, then body properties); `positional` and `keyword` give the signature's
    order by Python name (the stream flag, when there is one, is not among them: its place
    depends on the overload). `path` is the spec's path, `fixed_query` the query string written
    into it (`/responses?beta=true`), sent with the query parameters.
    """

    name: str
    http_method: str  # "POST"
    path: str
    fixed_query: tuple[tuple[str, str], ...]
    summary: str | None
    description: str | None
    deprecated: bool
    params: tuple[Parameter, ...]
    positional: tuple[str, ...]
    keyword: tuple[str, ...]
    body: Body | None
    result: ResultKind
    returns: Type | None = None
    stream: StreamSpec | None = None
    paginator: Paginator | None = None
    params_type: ParamsType | None = None
    tags: tuple[str, ...] = ()  # the operation's tags, as the spec writes them
    security: Security | None = None  # its own `security` when not the API's default
    scopes: Scopes = ()  # OAuth2 scopes its token needs, where not the scheme's default
    accept: str | None = None  # the `Accept` header of a binary or text result (else JSON)
    errors: tuple[ErrorBody, ...] = ()  # declared error bodies, in lookup order

    def param(self, name: str) -> Parameter:
        """The parameter with Python name `name`."""
        return next(p for p in self.params if p.name == name)


@dataclass(frozen=True)
class ResourceVariant:
    """Class names of the sync or the async side of a resource; `bases` is the runtime base
    class."""

    class_name: str
    bases: tuple[str, ...]
    raw_class: str
    streaming_class: str


@dataclass(frozen=True)
class Child:
    """A sub-resource attribute: `attr` on the parent, classes defined in module `module`
    (a package path without `.py`)."""

    attr: str
    module: str
    sync: ResourceVariant
    async_: ResourceVariant


@dataclass(frozen=True)
class HelperParam:
    """A parameter a hand-written helper declares. Unlike the rest of the IR, `annotation` and
    `default` are Python source: they are read from `templates/lib/` and printed as they are."""

    name: str
    annotation: str
    default: str | None  # None: required
    doc: str | None


@dataclass(frozen=True)
class HelperSignature:
    params: tuple[HelperParam, ...]
    returns: str  # Python source from templates/lib


@dataclass(frozen=True)
class HelperForm:
    """The sync or async form of a helper method: the lib function it calls, whether the method
    is an `async def`, and its overloads."""

    function: str  # "stream", "async_stream"
    is_async: bool
    overloads: tuple[HelperSignature, ...]
    signature: HelperSignature


@dataclass(frozen=True)
class HelperImport:
    """A name a helper's annotations use, and where it comes from: a module path inside the
    package (`lib/chat_stream`, `_types`) or, when `absolute`, a module name (`collections.abc`)."""

    name: str
    module: str
    absolute: bool


@dataclass(frozen=True)
class HelperMethod:
    """A hand-written helper printed as a method of its resource (`templates/lib/_declare.py`).

    With `based_on`, the method takes that generated method's parameters (minus `drop` and the
    ones the helper redeclares) and the standard per-call options, and calls
    `<module>.<function>(self.<based_on>, params={...}, <own parameters>)`; without, it calls
    `<module>.<function>(self, <own parameters>)`. `doc` is the helper's description.
    """

    name: str
    module: str  # "lib/chat_helpers"
    based_on: str | None
    drop: tuple[str, ...]
    doc: str | None
    sync: HelperForm
    async_: HelperForm
    imports: tuple[HelperImport, ...]

    def own(self) -> frozenset[str]:
        """The names of the parameters the helper declares itself."""
        return frozenset(p.name for p in self.sync.signature.params)


@dataclass(frozen=True)
class TypeImport:
    """Types users import from `module` (dotted, below the package: `types.chat`)."""

    module: str
    names: tuple[str, ...]


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
    helpers: tuple[HelperMethod, ...]
    api_types: tuple[TypeImport, ...]  # the types its methods return, where to import them


@dataclass(frozen=True)
class ServerVariable:
    """A variable of the server URL (`https://{region}.api.example.com`): a constructor
    argument `name` whose value replaces `{wire}` in `Client.default_base_url`."""

    name: str
    wire: str
    default: str
    description: str | None


@dataclass(frozen=True)
class Client:
    """The generated `_client.py`: class names, environment variables and defaults.

    `default_base_url` is None when the spec names no absolute server URL: the constructor then
    requires `base_url` (or its environment variable) and says so.
    """

    name: str
    async_name: str
    error_name: str
    doc: str | None
    env_api_key: str
    env_base_url: str
    default_base_url: str | None
    idempotency_header: str | None
    path_prefixes: tuple[str, ...]  # URL path prefixes a base URL may end with (`/v1`)
    multipart_brackets: bool  # multipart bodies Rails-style (sdk.yaml `multipart_style`)
    user_agent: str  # sent as `<user_agent>` + the package version
    missing_key_message: str
    init_doc: str  # what the constructors document
    children: tuple[Child, ...]
    server_variables: tuple[ServerVariable, ...] = ()
    missing_base_url_message: str = ""
    auth: Auth = NO_AUTH


@dataclass(frozen=True)
class FileExample:
    """An example file argument (an open binary file)."""


@dataclass(frozen=True)
class Example:
    """An example call for the README: `client.<path>(name=value, ...)`; values are JSON data
    (dicts, lists, scalars), possibly holding `FileExample`s."""

    path: tuple[str, ...]  # ("chat", "completions", "create")
    args: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Examples:
    """Example calls for the README (`None`: the API has no such operation)."""

    call: Example | None
    stream: Example | None  # a call with stream=True
    page: Example | None  # a paginated list call
    upload: Example | None  # a multipart upload call


@dataclass(frozen=True)
class SuiteCall:
    """The SDK's generated test of one method: `client.<resource>.<method>(...)` with its
    required arguments, and with `every` one (values as in `Example`)."""

    resource: tuple[str, ...]  # ("chat", "completions")
    method: str  # "create"
    required: tuple[tuple[str, Any], ...]
    every: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Api:
    """Everything `render` needs to print one SDK."""

    package: str
    distribution: str
    version: str
    title: str
    description: str | None
    env_log: str
    env_api_key: str
    env_base_url: str
    default_base_url: str | None
    client: Client
    resources: tuple[Resource, ...]
    type_modules: tuple[TypeModule, ...]
    init_modules: tuple[InitModule, ...]
    helpers: bool  # copy templates/lib into the package
    discriminated: bool  # emit _discriminated.py (some union has a fallback variant)
    dependencies: tuple[str, ...]  # pyproject requirements
    examples: Examples
    exceptions: tuple[str, ...]  # runtime exception classes re-exported by the package
    readme_guide: str | None = None  # Markdown from the config's `readme:` file, printed as is
    frontends: Frontends = NO_FRONTENDS
    extras: tuple[tuple[str, tuple[str, ...]], ...] = ()  # pyproject optional dependencies
    suite: tuple[SuiteCall, ...] = ()  # the SDK's generated tests, one per method
