"""A method as Python: its `@overload`s, signature, docstring and the `self._request(...)` call.

`print_method(method, is_async=...)` turns an `ir.Method` into a `PrintedMethod` that
`templates/package/resource.py.jinja` writes out line by line:

- Path parameters are positional, the others keyword-only in the order `lower` chose; optional
  ones default to `NOT_GIVEN`, which the runtime never sends. Every method also takes the
  standard per-call extras (`extra_headers`, ..., `deadline`), printed by the template.
- A method whose boolean parameter chooses between a model and a stream gets three overloads
  (`Literal[False]` -> model, `Literal[True]` -> `Stream[Chunk]`, `bool` -> either).
- Pages are returned by `self._request_page(...)` (a plain `def` on the async side too: it
  returns an `AsyncPaginator`), with `first_page=` when pages are not numbered from 1; a
  result that is no class (`Optional[X]`, an alias, a stream) is passed as `cast(Any, ...)`
  and the call's value is `cast` back to the declared type.
- Query and body parameters go into dicts keyed by wire name (a value the spec styles otherwise
  than the runtime's default wrapped in `styled(value, style, explode)`); header parameters are
  sent as text (arrays comma-separated, booleans `true`/`false`), cookie parameters in one
  `Cookie` header (`cookie_header`); a binary or text result asks for its media types
  (`"Accept": ...` before the caller's `extra_headers`, which win); multipart bodies name their file fields (`files=`) so the
  runtime can reject text given for one; a body that is not JSON names its media type
  (`content_type=`); declared error bodies are a module-level constant (`errors=`,
  `error_bodies`).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from .. import ir
from ..ir import types as t
from .annotations import annotation
from .auth import security_literal
from .error_bodies import errors_constant_name
from .text import docstring, py_str

__all__ = [
    "CallArg",
    "Param",
    "PrintedMethod",
    "Signature",
    "doc_signature",
    "doc_with_args",
    "method_doc",
    "params_type",
    "print_method",
    "printed_params",
    "returns",
]

_SIMPLE_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")
_PATH_PARAM = re.compile(r"\{([^{}]+)\}")
_CLASS_EXPR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Param:
    """One parameter as printed: `name: annotation = default`."""

    name: str
    annotation: str
    default: str | None


@dataclass(frozen=True)
class Signature:
    """One `def` line (an `@overload` or the implementation); the template adds the standard
    per-call options (`extra_headers`, ..., `deadline`) when `extras`."""

    positional: tuple[Param, ...]
    keyword: tuple[Param, ...]
    returns: str
    extras: bool = True


@dataclass(frozen=True)
class CallArg:
    """One argument of the `self._request(...)` call: `name=value`, `value` alone when `name`
    is empty, or a dict literal `name={entries}` when `entries` is set."""

    name: str
    value: str
    entries: tuple[str, ...] | None = None


@dataclass(frozen=True)
class PrintedMethod:
    """The sync or the async form of a method, ready to write."""

    name: str
    def_keyword: str  # "def" or "async def"
    overloads: tuple[Signature, ...]
    signature: Signature
    doc: str | None  # docstring body, escaped
    call_open: str  # e.g. "return self._request(" or "return cast(X, await self._request("
    call_close: str  # ")" or "))"
    args: tuple[CallArg, ...]


def _param_annotation(param: ir.Parameter, qualify: frozenset[str]) -> str:
    return annotation(param.type, "param", pep604=True, qualify=qualify)


def _model(typ: t.Type, pep604: bool = False, qualify: frozenset[str] = frozenset()) -> str:
    return annotation(typ, "model", pep604=pep604, qualify=qualify)


def _stream_class(
    spec: ir.StreamSpec, is_async: bool, pep604: bool = False, qualify: frozenset[str] = frozenset()
) -> str:
    return f"{'AsyncStream' if is_async else 'Stream'}[{_model(spec.chunk, pep604, qualify)}]"


def _page(
    paginator: ir.Paginator,
    is_async: bool,
    pep604: bool = False,
    qualify: frozenset[str] = frozenset(),
) -> str:
    page = paginator.page_class_async if is_async else paginator.page_class_sync
    return f"{page}[{_model(paginator.item, pep604, qualify)}]"


def returns(method: ir.Method, is_async: bool, *, pep604: bool, qualify: Iterable[str] = ()) -> str:
    """What the method's implementation is declared to return (a stream-or-model method: the
    union of both)."""
    names = frozenset(qualify)
    kind = method.result
    if kind == "binary":
        return "AsyncBinaryAPIResponse" if is_async else "BinaryAPIResponse"
    if kind == "none":
        return "None"
    if kind == "stream":
        assert method.stream is not None
        return _stream_class(method.stream, is_async, pep604, names)
    if kind == "page":
        assert method.paginator is not None
        page = _page(method.paginator, is_async, pep604, names)
        if not is_async:
            return page
        return f"AsyncPaginator[{_model(method.paginator.item, pep604, names)}, {page}]"
    assert method.returns is not None
    model = _model(method.returns, pep604, names)
    if kind == "model_or_stream":
        assert method.stream is not None
        stream = _stream_class(method.stream, is_async, pep604, names)
        return f"{model} | {stream}" if pep604 else f"Union[{model}, {stream}]"
    return model


def printed_params(
    method: ir.Method, qualify: frozenset[str], *, leave_out: frozenset[str] = frozenset()
) -> tuple[tuple[Param, ...], list[Param], list[Param]]:
    """The method's parameters as printed (the stream flag aside): positional, then required
    and optional keyword-only ones; `leave_out` names parameters to skip."""

    def param(name: str) -> Param:
        found = method.param(name)
        text = _param_annotation(found, qualify)
        if found.required or found.location == "path":
            return Param(name, text, None)
        return Param(name, f"{text} | NotGiven", "NOT_GIVEN")

    positional = tuple(param(name) for name in method.positional if name not in leave_out)
    keyword = [param(name) for name in method.keyword if name not in leave_out]
    required = [p for p in keyword if p.default is None]
    optional = [p for p in keyword if p.default is not None]
    return positional, required, optional


def _signatures(
    method: ir.Method, is_async: bool, qualify: frozenset[str]
) -> tuple[tuple[Signature, ...], Signature]:
    """The overloads (none unless the method can stream on request) and the implementation."""
    positional, required, optional = printed_params(method, qualify)
    result = returns(method, is_async, pep604=True, qualify=qualify)
    spec = method.stream
    if method.result != "model_or_stream" or spec is None or spec.flag_param is None:
        return (), Signature(positional, (*required, *optional), result)
    flag = spec.flag_param
    model = _model(method.returns or t.OBJECT, True, qualify)
    stream = _stream_class(spec, is_async, True, qualify)
    false = "Literal[False] | None" if t.is_nullable(method.param(flag).type) else "Literal[False]"
    overloads = (
        Signature(
            positional,
            (*required, *optional, Param(flag, f"{false} | NotGiven", "NOT_GIVEN")),
            model,
        ),
        Signature(positional, (*required, Param(flag, "Literal[True]", None), *optional), stream),
        Signature(positional, (*required, Param(flag, "bool", None), *optional), result),
    )
    implementation = Signature(
        positional,
        (*required, *optional, Param(flag, f"{false} | Literal[True] | NotGiven", "NOT_GIVEN")),
        result,
    )
    return overloads, implementation


def method_doc(method: ir.Method) -> str | None:
    """The docstring body: summary, description, a deprecation note, then `Args:`."""
    parts: list[str] = []
    summary = method.summary.strip() if method.summary else None
    if summary:
        parts.append(summary)
    description = method.description.strip() if method.description else None
    if description and description != summary:
        parts.append(description)
    if method.deprecated:
        parts.insert(0, "Deprecated: this operation may be removed in a future API version.")
    return doc_with_args(parts, [(p.name, p.doc) for p in method.params])


def doc_with_args(parts: list[str], args: Iterable[tuple[str, str | None]]) -> str | None:
    """A docstring body: the paragraphs `parts`, then an `Args:` section for the documented
    `(name, doc)` pairs."""
    text = docstring("\n\n".join(parts), width=88) if parts else None
    documented = [(name, doc) for name, doc in args if doc]
    if documented:
        lines = ["Args:"]
        for name, doc in documented:
            flat = " ".join(line.strip() for line in doc.strip().splitlines())
            lines.extend(
                textwrap.wrap(
                    f"{name}: {flat}",
                    width=86,
                    initial_indent="  ",
                    subsequent_indent="      ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        # Already wrapped: escape only (a huge width means no reflow).
        arguments = docstring("\n".join(lines), width=1_000_000)
        text = f"{text}\n\n{arguments}" if text else arguments
    return text


def _path_expr(method: ir.Method) -> str:
    """The request path as a Python expression, path parameters through `path_param()`."""
    names = {p.wire: p.name for p in method.params if p.location == "path"}
    path = method.path.partition("?")[0]
    pieces = _PATH_PARAM.split(path)
    if len(pieces) == 1:
        return py_str(path)
    if all(_SIMPLE_NAME.match(name) for name in pieces[1::2]):
        out = []
        for index, piece in enumerate(pieces):
            if index % 2:
                out.append("{path_param('" + piece + "', " + names[piece] + ")}")
            else:
                out.append(py_str(piece)[1:-1].replace("{", "{{").replace("}", "}}"))
        return 'f"' + "".join(out) + '"'
    parts = []
    for index, piece in enumerate(pieces):
        if index % 2:
            parts.append(f"path_param({py_str(piece)}, {names[piece]})")
        elif piece:
            parts.append(py_str(piece))
    return " + ".join(parts)


def _header_value(param: ir.Parameter) -> str:
    """A header parameter's text in OpenAPI's `simple` style: strings and numbers `str()`,
    booleans `true`/`false`, arrays of strings comma-separated; anything else (objects, other
    arrays, unions) through the runtime's `header_text` (`k1,v1,k2,v2`; exploded `k1=v1`)."""
    found = t.members(param.type)
    if found == (t.Primitive("bool"),):
        return f'("true" if {param.name} else "false")'
    if all(_text_like(member) for member in found):
        return f"str({param.name})"
    if all(isinstance(member, t.List) and _text_like(member.item) for member in found):
        return f'",".join(str(item) for item in {param.name})'
    explode = ", explode=True" if param.style == ("simple", True) else ""
    return f"header_text({param.name}{explode})"


def _text_like(typ: t.Type) -> bool:
    """Whether `str()` of a `typ` value is its header text (a string, or a number)."""
    if isinstance(typ, t.Primitive):
        return typ.kind in ("str", "int", "float")
    if isinstance(typ, t.Literal):
        return all(type(v) in (str, int, float) for v in typ.values)
    return False


def _value(param: ir.Parameter) -> str:
    """A query, cookie or body value as the call passes it."""
    if param.style is None:
        return param.name
    style, explode = param.style
    return f"styled({param.name}, {py_str(style)}, {explode})"


def _options_expr(method: ir.Method) -> str:
    headers = "extra_headers"
    header_params = [p for p in method.params if p.location == "header"]
    cookies = [f"{py_str(p.wire)}: {_value(p)}" for p in method.params if p.location == "cookie"]
    if header_params or cookies or method.accept:
        entries = [f"{py_str('Accept')}: {py_str(method.accept)}"] if method.accept else []
        for param in header_params:
            value = "{" + f"{py_str(param.wire)}: {_header_value(param)}" + "}"
            given = [] if param.required else [f"not isinstance({param.name}, NotGiven)"]
            if t.is_nullable(param.type):  # a header cannot carry null: None sends none
                given.append(f"{param.name} is not None")
            if given:
                entries.append(f"**({value} if {' and '.join(given)} else {{}})")
            else:
                entries.append(f"**{value}")
        if cookies:
            entries.append("**cookie_header({" + ", ".join(cookies) + "})")
        headers = "{" + ", ".join([*entries, "**(extra_headers or {})"]) + "}"
    return (
        f"make_request_options(extra_headers={headers}, extra_query=extra_query, "
        "extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline)"
    )


def _files_expr(body: ir.Body) -> str:
    if not body.file_fields:
        return "True"
    names = [py_str(name) for name in body.file_fields]
    return "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"


def _is_class_expr(text: str) -> bool:
    """Whether `text` names a class (so it can be passed as `cast_to: type[T]`)."""
    return bool(_CLASS_EXPR.match(text)) and text not in ("None", "object", "Any")


def _call(
    method: ir.Method, is_async: bool, aliases: frozenset[str]
) -> tuple[str, str, tuple[CallArg, ...]]:
    kind = method.result
    call: list[CallArg] = [
        CallArg("", py_str(method.http_method.lower())),
        CallArg("", _path_expr(method)),
    ]
    if method.paginator is not None:
        call.append(CallArg("page", _page(method.paginator, is_async)))
        if method.paginator.first_page != 1:  # pages numbered from 0 (Mistral)
            call.append(CallArg("first_page", str(method.paginator.first_page)))
    query = (
        *(f"{py_str(k)}: {py_str(v)}" for k, v in method.fixed_query),
        *(f"{py_str(p.wire)}: {_value(p)}" for p in method.params if p.location == "query"),
    )
    if query:
        call.append(CallArg("query", "", query))
    body = tuple(f"{py_str(p.wire)}: {_value(p)}" for p in method.params if p.location == "body")
    if body:
        call.append(CallArg("body", "", body))
    whole = next((p for p in method.params if p.location == "whole_body"), None)
    if whole is not None:
        call.append(CallArg("body", whole.name))
    if method.body is not None and method.body.multipart and kind != "page":
        call.append(CallArg("files", _files_expr(method.body)))
        if method.body.part_types:
            types = tuple(f"{py_str(k)}: {py_str(v)}" for k, v in method.body.part_types)
            call.append(CallArg("part_types", "", types))
    elif (
        method.body is not None
        and kind != "page"
        and method.body.media_type.split(";")[0].strip().lower() != "application/json"
    ):
        call.append(CallArg("content_type", py_str(method.body.media_type)))
    call.append(CallArg("options", _options_expr(method)))
    if method.security is not None:  # the operation's own `security` (lower/auth.py)
        call.append(CallArg("security", security_literal(method.security, method.scopes)))
    if method.errors:  # its declared error bodies, a module-level constant (error_bodies.py)
        call.append(CallArg("errors", errors_constant_name(method)))
    wrap: str | None = None
    if kind != "page":
        runtime_returns = returns(method, is_async, pep604=False)  # evaluated by `cast`
        if kind == "binary":
            cast_to = runtime_returns
        elif kind == "none":
            # Not `type(None)`: it could clash with a parameter named `type`.
            cast_to = "cast(Any, None)"
        else:
            if kind == "stream":
                assert method.stream is not None
                cast_to = annotation(method.stream.chunk, "model", expression=True)
            else:
                cast_to = annotation(method.returns or t.OBJECT, "model", expression=True)
            if not _is_class_expr(cast_to) or cast_to in aliases:
                cast_to = f"cast(Any, {cast_to})"
                wrap = runtime_returns
        call.append(CallArg("cast_to", cast_to))
        if kind == "binary":
            call.append(CallArg("binary", "True"))
        spec = method.stream
        if spec is not None:
            flag = "True" if spec.flag_param is None else f"{spec.flag_param} is True"
            call.append(CallArg("stream", flag))
            call.append(CallArg("stream_cls", _stream_class(spec, is_async)))
            if kind == "stream":
                wrap = runtime_returns
    request = "self._request_page" if kind == "page" else "self._request"
    awaited = "await " if is_async and kind != "page" else ""
    if wrap is not None:
        return f"return cast({wrap}, {awaited}{request}(", "))", tuple(call)
    if kind == "none":
        # Returned all the same: `with_raw_response` makes `_request` give the raw response.
        return f"return cast(None, {awaited}{request}(", "))", tuple(call)
    return f"return {awaited}{request}(", ")", tuple(call)


def print_method(
    method: ir.Method,
    *,
    is_async: bool,
    aliases: frozenset[str] = frozenset(),
    qualify: Iterable[str] = (),
    doc: str | None = None,
) -> PrintedMethod:
    """The sync or async form of `method`. `aliases` are the generated type aliases (they
    cannot be passed as `cast_to`); `qualify` the builtins its class shadows (a method named
    `list` makes `list[...]` in the other signatures `builtins.list[...]`). `doc` is
    `method_doc(method)` when the caller has it already: both forms have the same docstring,
    and wrapping it is a tenth of rendering."""
    overloads, signature = _signatures(method, is_async, frozenset(qualify))
    call_open, call_close, args = _call(method, is_async, aliases)
    return PrintedMethod(
        name=method.name,
        def_keyword="async def" if is_async and method.result != "page" else "def",
        overloads=overloads,
        signature=signature,
        doc=method_doc(method) if doc is None else doc,
        call_open=call_open,
        call_close=call_close,
        args=args,
    )


def doc_signature(method: ir.Method) -> str:
    """How api.md shows a method: `retrieve(file_id) -> FileObject`."""
    shown = [p.name for p in method.params if p.location == "path"]
    if any(p.location != "path" for p in method.params):
        shown.append("**params")
    return f"{method.name}({', '.join(shown)}) -> {returns(method, False, pep604=True)}"


def params_type(method: ir.Method) -> str | None:
    """The dotted name api.md shows for the method's parameter TypedDict
    (`types.chat.CompletionCreateParams`)."""
    found = method.params_type
    if found is None:
        return None
    return found.module.rpartition("/")[0].replace("/", ".") + "." + found.name
