"""Every naming rule of the generator: Python identifiers, class and module names.

All functions here are pure and deterministic. `lower` calls them; templates never compute a name.

Rules (each has a table test):

- `snake("ChatCompletionChunk") == "chat_completion_chunk"`, `snake("HTTPError") == "http_error"`,
  `snake("api-key.created") == "api_key_created"`.
- `pascal("chat.completion") == "ChatCompletion"`; inner capitals are kept (`"OpenAI"`).
- Identifiers that would start with a digit get a prefix: `n_2fa` (snake), `N2fa` (Pascal).
- Python keywords get a trailing underscore (`class_`, `import_`); so do names that are reserved
  in the place they are used (see `RESERVED_FIELD_NAMES`, `RESERVED_PARAM_NAMES`).
- `Allocator` hands out unique names in a namespace: a clash with a name the generated code
  imports gets a trailing underscore, any other clash the smallest suffix `2`, `3`, ... that is
  free (the spec's own names clash, as `stream` and `Stream` do). Callers allocate in sorted
  order so the result does not depend on dict order.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable

from ..render.text import AMBIGUOUS, is_identifier

__all__ = [
    "CONSTRUCTOR_ARGS",
    "CONSTRUCTOR_AUTH_ARGS",
    "RESERVED_CLASS_NAMES",
    "RESERVED_FIELD_NAMES",
    "RESERVED_PARAM_NAMES",
    "Allocator",
    "class_name",
    "field_identifier",
    "identifier",
    "pascal",
    "singular",
    "snake",
    "words",
]

_WORD_SPLIT = re.compile(r"[^0-9A-Za-z]+")
# Boundaries inside a word: "fooBar" -> foo|Bar, "HTTPError" -> HTTP|Error, "v1Foo" -> v1|Foo.
_CAMEL_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL_2 = re.compile(r"([a-z0-9])([A-Z])")

# Names that pydantic's BaseModel (or our runtime BaseModel) defines: a field with one of these
# names would shadow a method, so it gets a trailing underscore and an alias.
_PYDANTIC_ATTRIBUTES = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "to_dict",
        "to_json",
        "update_forward_refs",
        "validate",
    }
)
RESERVED_FIELD_NAMES = _PYDANTIC_ATTRIBUTES
"""Model field names that get a trailing underscore (plus `Field(alias=...)`): they would shadow
a method of pydantic's or the runtime's `BaseModel`.

(A field named like a builtin the class's annotations use, like `object` next to
`dict[str, object]`, keeps its name and the annotations say `builtins.object`; one named like
another name they use, like `Optional`, is renamed too: `types.TypeLowerer.fields` checks that
per class.)"""

CONSTRUCTOR_AUTH_ARGS = frozenset(
    {"api_key", "username", "password", "client_id", "client_secret", "access_token", "auth_hook"}
)
"""Names the client constructor may take for credentials (server variables avoid them)."""

CONSTRUCTOR_ARGS = frozenset(  # besides credentials; lower/client.py, lower/auth.py
    {
        "self",
        "base_url",
        "timeout",
        "max_retries",
        "deadline",
        "default_headers",
        "default_query",
        "http_client",
        "stream_idle_timeout",
        "strict_response_validation",
        "os",
        "httpx2",
        "auth_hook",
        "credentials",
    }
)
RESERVED_PARAM_NAMES = frozenset(
    {
        "self",
        "cast",
        "path_param",
        "make_request_options",
        "styled",
        "cookie_header",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "max_retries",
        "deadline",
        # builtins the method body calls (header values are sent as `str(...)`)
        "isinstance",
        "str",
    }
)
"""Method parameter names that clash with the standard per-call arguments or with names the
generated method body uses."""

RESERVED_CLASS_NAMES = frozenset(
    {
        # typing / pydantic / typing_extensions names used by generated modules
        "Annotated",
        "Any",
        "Discriminator",
        "Field",
        "Iterable",
        "List",
        "Literal",
        "Mapping",
        "Optional",
        "Required",
        "Sequence",
        "Tag",
        "TypeAlias",
        "TypedDict",
        "Union",
        "TYPE_CHECKING",
        # runtime names imported by generated modules
        "AsyncAPIClient",
        "AsyncAPIResource",
        "AsyncBinaryAPIResponse",
        "AsyncCursorPage",
        "AsyncCursorPageOptionalData",
        "AsyncNextUrlPage",
        "AsyncNextUrlPageOptionalData",
        "AsyncPage",
        "AsyncPageOptionalData",
        "AsyncPageNumberPage",
        "AsyncPageNumberPageOptionalData",
        "AsyncPaginator",
        "AsyncStream",
        "BaseModel",
        "BinaryAPIResponse",
        "BinaryContent",
        "Body",
        "FileTypes",
        "Headers",
        "NotGiven",
        "Omit",
        "Omittable",
        "OpenEnum",
        "Query",
        "Stream",
        "StrictConstraints",
        "SyncAPIClient",
        "SyncAPIResource",
        "SyncCursorPage",
        "SyncCursorPageOptionalData",
        "SyncNextUrlPage",
        "SyncNextUrlPageOptionalData",
        "SyncPage",
        "SyncPageOptionalData",
        "SyncPageNumberPage",
        "SyncPageNumberPageOptionalData",
    }
)
"""Class names a generated type may not take (it would shadow an import in some module)."""


def words(name: str) -> list[str]:
    """Split `name` into lower-case words on punctuation and case changes."""
    out: list[str] = []
    for chunk in _WORD_SPLIT.split(name):
        if not chunk:
            continue
        chunk = _CAMEL_2.sub(r"\1_\2", _CAMEL_1.sub(r"\1_\2", chunk))
        out.extend(part.lower() for part in chunk.split("_") if part)
    return out


def snake(name: str) -> str:
    """`snake_case` form of `name` (may start with a digit; see `identifier`)."""
    return "_".join(words(name))


def pascal(name: str) -> str:
    """`PascalCase` form of `name`; inner capitals of a word are kept (`OpenAI`, `HTTPError`)."""
    parts = [chunk for chunk in _WORD_SPLIT.split(name) if chunk]
    return "".join(part[0].upper() + part[1:] for part in parts)


def identifier(name: str, *, reserved: Iterable[str] = ()) -> str:
    """A `snake_case` Python identifier for `name`, safe from keywords and `reserved` names.

    Empty results become `"_"`-free placeholders (`"value"`), a leading digit gets `n_`, and a
    keyword, `l` (an ambiguous name) or reserved name gets a trailing underscore.
    """
    result = snake(name) or "value"
    if result[0].isdigit():
        result = "n_" + result
    if keyword.iskeyword(result) or result in AMBIGUOUS or result in set(reserved):
        result += "_"
    return result


def field_identifier(wire: str, reserved: frozenset[str] = RESERVED_FIELD_NAMES) -> str:
    """Python attribute name for a model field with wire name `wire`.

    Valid, non-reserved identifiers are kept as they are (so `to_dict()` and attribute names
    match); anything else is snake-cased. A leading underscore is dropped (pydantic treats it
    as private) and `model_*` names are suffixed, like keywords and `reserved` names.
    """
    name = wire if is_identifier(wire) else identifier(wire)
    stripped = name.lstrip("_")
    if stripped != name:
        name = (stripped or "value") + "_"
        if name[0].isdigit():
            name = "n_" + name
    if keyword.iskeyword(name) or name in reserved or name.startswith("model_"):
        name += "_"
    return name


def class_name(name: str) -> str:
    """A PascalCase class name for `name` (a leading digit gets `N`; `None`, `True`, `False`
    and the ambiguous `I` and `O` a trailing underscore)."""
    result = pascal(name) or "Model"
    if result[0].isdigit():
        result = "N" + result
    if keyword.iskeyword(result) or result in AMBIGUOUS:
        result += "_"
    return result


def singular(word: str) -> str:
    """A naive English singular, used for item types of list fields (`choices` -> `choice`)."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 1:
        return word[:-1]
    return word


class Allocator:
    """Hands out unique names; `fold` decides when two names clash (e.g. case-insensitively).

    `escaped` names are taken too, but a name clashing with one of them first tries a trailing
    underscore (PEP 8's way to avoid a clash: `Field_` next to pydantic's `Field`), and only
    then a number.
    """

    def __init__(
        self, taken: Iterable[str] = (), *, fold: bool = False, escaped: Iterable[str] = ()
    ) -> None:
        self._fold = fold
        self._taken: set[str] = {name.lower() for name in taken} if fold else set(taken)
        self._escaped = {self._key(name) for name in escaped}
        self._taken |= self._escaped

    def _key(self, name: str) -> str:
        return name.lower() if self._fold else name

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._key(name) in self._taken

    def reserve(self, name: str) -> None:
        """Mark `name` as taken without allocating it."""
        self._taken.add(self._key(name))

    def release(self, name: str) -> None:
        """Give back a name that turned out not to be needed."""
        self._taken.discard(self._key(name))

    def allocate(self, name: str, *, sep: str = "") -> str:
        """Return `name`, or `name{sep}2`, `name{sep}3`, ... whichever is first free (an
        `escaped` name tries `name_` first)."""
        if self._key(name) in self._escaped and self._key(name + "_") not in self._taken:
            self._taken.add(self._key(name + "_"))
            return name + "_"
        candidate = name
        counter = 1
        while self._key(candidate) in self._taken:
            counter += 1
            candidate = f"{name}{sep}{counter}"
        self._taken.add(self._key(candidate))
        return candidate
