"""Every naming decision of the generator: Python identifiers, class and module names, docstrings.

All functions here are pure and deterministic. `lower` calls them; templates never compute a name.

Rules (each has a table test in `tests/codegen/test_naming.py`):

- `snake("ChatCompletionChunk") == "chat_completion_chunk"`, `snake("HTTPError") == "http_error"`,
  `snake("api-key.created") == "api_key_created"`.
- `pascal("chat.completion") == "ChatCompletion"`; inner capitals are kept (`"OpenAI"`).
- Identifiers that would start with a digit get a prefix: `n_2fa` (snake), `N2fa` (Pascal).
- Python keywords get a trailing underscore (`class_`, `import_`); so do names that are reserved
  in the place they are used (see `RESERVED_FIELD_NAMES`, `RESERVED_PARAM_NAMES`).
- `Allocator` hands out unique names in a namespace: a clash gets the smallest suffix `2`, `3`, ...
  that is free. Callers allocate in sorted order so the result does not depend on dict order.
"""

from __future__ import annotations

import keyword
import re
import textwrap
from collections.abc import Iterable

__all__ = [
    "RESERVED_CLASS_NAMES",
    "RESERVED_FIELD_NAMES",
    "RESERVED_PARAM_NAMES",
    "Allocator",
    "class_name",
    "doc_line",
    "docstring",
    "field_identifier",
    "identifier",
    "is_identifier",
    "one_line",
    "pascal",
    "py_str",
    "quote_annotation",
    "singular",
    "snake",
    "toml_str",
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
another name they use, like `Optional`, is renamed too. `lower_types` checks that per class.)"""

RESERVED_PARAM_NAMES = frozenset(
    {
        "self",
        "cast",
        "path_param",
        "make_request_options",
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
        "AsyncNextUrlPage",
        "AsyncPage",
        "AsyncPageNumberPage",
        "AsyncPaginator",
        "AsyncStream",
        "BaseModel",
        "BinaryAPIResponse",
        "Body",
        "FileTypes",
        "Headers",
        "NotGiven",
        "Omit",
        "Query",
        "Stream",
        "SyncAPIClient",
        "SyncAPIResource",
        "SyncCursorPage",
        "SyncNextUrlPage",
        "SyncPage",
        "SyncPageNumberPage",
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


# pycodestyle's ambiguous names (`l`, `I`, `O`: ruff's E741), which generated code avoids.
_AMBIGUOUS = frozenset({"l", "I", "O"})


def is_identifier(name: str) -> bool:
    """True for an ASCII Python identifier that is not a keyword (nor `l`, `I`, `O`)."""
    return (
        name.isascii()
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and name not in _AMBIGUOUS
    )


def identifier(name: str, *, reserved: Iterable[str] = ()) -> str:
    """A `snake_case` Python identifier for `name`, safe from keywords and `reserved` names.

    Empty results become `"_"`-free placeholders (`"value"`), a leading digit gets `n_`, and a
    keyword, `l` (an ambiguous name) or reserved name gets a trailing underscore.
    """
    result = snake(name) or "value"
    if result[0].isdigit():
        result = "n_" + result
    if keyword.iskeyword(result) or result in _AMBIGUOUS or result in set(reserved):
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
    if keyword.iskeyword(result) or result in _AMBIGUOUS:
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
    """Hands out unique names; `fold` decides when two names clash (e.g. case-insensitively)."""

    def __init__(self, taken: Iterable[str] = (), *, fold: bool = False) -> None:
        self._fold = fold
        self._taken: set[str] = {self._key(name) for name in taken}

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
        """Return `name`, or `name{sep}2`, `name{sep}3`, ... whichever is first free."""
        candidate = name
        counter = 1
        while self._key(candidate) in self._taken:
            counter += 1
            candidate = f"{name}{sep}{counter}"
        self._taken.add(self._key(candidate))
        return candidate


# Characters that are invisible or reorder text on screen (C1 controls, zero-width and bidi
# controls; "Trojan Source"): printed as escapes, so generated code reads as it runs.
_INVISIBLE = r"\x80-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_UNSAFE_CHARS = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f{_INVISIBLE}\u2028\u2029\ud800-\udfff]")
_DOC_ESCAPED = re.compile(f"[{_INVISIBLE}]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")  # but \t \n \r and NEL


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def py_str(value: str) -> str:
    """A double-quoted Python string literal for `value` (safe for any input)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return '"' + _UNSAFE_CHARS.sub(_escape_char, escaped) + '"'


def toml_str(value: str) -> str:
    """A TOML basic string for `value`: controls and invisible characters escaped, lone
    surrogates (which TOML cannot hold) replaced by U+FFFD."""
    out = []
    for char in value:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            out.append("\\ufffd")
        elif char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F or _UNSAFE_CHARS.fullmatch(char):
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def one_line(text: str) -> str:
    """`text` with every run of whitespace (newlines included) collapsed to one space, so
    plain text printed into Markdown cannot start a heading or a code block; other control
    characters are dropped, lone surrogates (not text, not writable as UTF-8) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", " ".join(_CONTROL.sub("", text).split()))


def doc_line(text: str) -> str:
    """Plain text for use inside a one-line docstring: `one_line`, then escaped like
    `docstring`."""
    return docstring(one_line(text), width=1_000_000) or ""


def quote_annotation(annotation: str) -> str:
    """Quote a whole annotation (a forward reference) as a string literal."""
    if '"' in annotation and "'" not in annotation and "\\" not in annotation:
        return "'" + annotation + "'"
    return py_str(annotation)


_DOC_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ud800-\udfff]")


_BLOCK_START = re.compile(r"(?:[-*+]|\d+\.)\s|#|\||>")


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Split Markdown lines into paragraphs (blank-line separated) and fenced code blocks."""
    out: list[list[str]] = [[]]
    in_fence = False
    for line in lines:
        if line.lstrip().startswith("```"):
            if not in_fence:
                out.append([])
            in_fence = not in_fence
            out[-1].append(line)
            if not in_fence:
                out.append([])
            continue
        if not in_fence and not line.strip():
            out.append([line])
            out.append([])
            continue
        out[-1].append(line)
    return [block for block in out if block]


def _wrap(block: list[str], width: int) -> list[str]:
    if block[0].lstrip().startswith("```") or all(len(line) <= width for line in block):
        return block
    # Reflow: a line that does not start a list item, heading, table row or quote continues
    # the previous one (that is how Markdown reads it), then wrap each logical line.
    logical: list[str] = []
    for line in block:
        stripped = line.lstrip()
        if (
            logical
            and not _BLOCK_START.match(stripped)
            and not logical[-1].lstrip().startswith(("|", "#"))
        ):
            logical[-1] += " " + stripped
        else:
            logical.append(line)
    out: list[str] = []
    for line in logical:
        if len(line) <= width or line.lstrip().startswith("|"):
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip())
        bullet = re.match(r"\s*(?:[-*+]|\d+\.)\s+", line)
        out.extend(
            textwrap.wrap(
                line,
                width=width,
                subsequent_indent=" " * (bullet.end() if bullet else indent),
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return out


def docstring(text: str | None, *, width: int = 88) -> str | None:
    """Clean `text` for use inside a triple-quoted docstring, wrapped to `width` columns.

    Backslashes and quotes are escaped so nothing can end the docstring early; control
    characters are dropped; trailing whitespace and blank edges are stripped. A paragraph with
    a line longer than `width` is reflowed (list items, tables and code blocks keep their
    shape). Returns None for empty text.
    """
    if text is None:
        return None
    for line_break in ("\r\n", "\r", "\u2028", "\u2029"):
        text = text.replace(line_break, "\n")
    text = _DOC_UNSAFE.sub("", text.expandtabs(4))
    lines: list[str] = []
    for block in _paragraphs([raw.rstrip() for raw in text.split("\n")]):
        lines.extend(_wrap(block, width))
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return None
    body = "\n".join(lines).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    body = _DOC_ESCAPED.sub(_escape_char, body)
    # A last quote that is not escaped yet would run into the closing `"""`.
    if body.endswith('"') and (len(body) - len(body[:-1].rstrip("\\"))) % 2:
        body = body[:-1] + '\\"'
    return body
