"""Every value from the spec reaches a template escaped.

The IR (`codegen/ir/`) keeps text from the spec raw (titles, descriptions, wire names, enum
values); the printer (`codegen/render/`) escapes it into the pieces the templates write (string
literals by `py_str`, docstrings by `docstring`). A template that prints an IR field itself (the
API title, the server URL, ...) must pass it through an escaping filter: `doc_line` / `py_str` in
Python, `toml_str` in TOML, `one_line` in Markdown. Jinja's HTML autoescaping would be the wrong
escaping for all three, so it is off; these tests check the filters instead:

- a spec whose every piece of text is a hostile sentinel is lowered, and the IR fields that hold
  the sentinel are the plain-text fields (a known list);
- every `{{ ... }}` in every template that prints one of them must pass it through a filter
  suited to the file type (the printer's pieces are code, already escaped);
- the rendered files compile, keep the sentinel only inside string literals, and never evaluate
  the template syntax in it;
- the escaping functions themselves round-trip any text (hypothesis).
"""

from __future__ import annotations

import ast
import dataclasses
import io
import keyword
import tokenize
import tomllib
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import nodes

from codegen import ir
from codegen.config import Config
from codegen.lower import lower
from codegen.lower.naming import class_name, field_identifier, identifier
from codegen.render import TEMPLATES_DIR, _environment, render
from codegen.render.examples import PrintedExamples
from codegen.render.methods import CallArg, Signature
from codegen.render.modules import PrintedResource, PrintedTypeModule
from codegen.render.package import PrintedClient, PrintedInit, PrintedRoot
from codegen.render.text import doc_line, docstring, one_line, py_str, toml_str

from ._harness import INVISIBLE, payloads

MARK = "zq-Sentinel"
"""Naming never keeps this as it is (`-` is a word separator, and a name's words are all lower
or capitalised: `zq_sentinel`, `zq-sentinel`, `ZqSentinel`), so wherever it appears in
generated code it was printed as text, not as a name."""
JINJA = "{{ 7 * 7 }}"
HOSTILE = JINJA + '{% if true %}x{% endif %}"""\'\'\'\\\n\x00\u202e "'
PATH_HOSTILE = "\"\"\"'''\\\u202e %"
"""Hostile text for a URL path (braces there are path parameters)."""


def sentinel(n: int) -> str:
    """The `n`th sentinel: the mark, a number (to tell them apart) and hostile text."""
    return f"{MARK}{n}{HOSTILE}"


def _sentinel_document(canary: Path) -> dict[str, Any]:
    """A spec whose every piece of free text (and many names) is a sentinel."""
    counter = iter(range(10_000))

    def s() -> str:
        return sentinel(next(counter))

    run = payloads(str(canary))
    props = {
        s(): {"type": "string", "description": s(), "title": s(), "default": s(), "example": s()},
        "choice": {"type": "string", "enum": [s(), s()], "description": run[0]},
        "fixed": {"const": s()},
        "shape": {
            "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
            "discriminator": {"propertyName": "kind"},
        },
    }
    schemas = {
        "Thing": {"type": "object", "description": s(), "title": s(), "properties": props},
        "A": {"type": "object", "properties": {"kind": {"const": s()}}, "description": run[5]},
        "B": {"type": "object", "properties": {"kind": {"const": s()}}, "description": run[6]},
        s(): {"type": "string", "enum": [s()], "description": s()},
    }
    parameters = [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
        {"name": s(), "in": "query", "description": s(), "schema": {"type": "string"}},
        {"name": s(), "in": "header", "description": s(), "schema": {"enum": [s()]}},
    ]
    body = {
        "type": "object",
        "required": [s()],
        "properties": {
            **{f"p{i}": {"type": "string", "example": s(), "description": s()} for i in range(2)},
            "thing": {"$ref": "#/components/schemas/Thing"},
        },
    }
    response = {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
    operation = {
        "operationId": s(),
        "summary": s(),
        "description": s() + run[1],
        "tags": ["tag"],
        "parameters": parameters,
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": {"200": {"description": s(), "content": response}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": s() + run[2], "version": "1", "description": s() + run[3]},
        # Absolute, so it is the client's default base URL (a relative one makes it required).
        "servers": [{"url": "https://example.com/" + s() + run[4]}],
        "tags": [{"name": "tag", "description": s()}],
        "paths": {"/things/" + PATH_HOSTILE + "/{id}": {"post": operation}},
        "components": {"schemas": schemas},
    }


def ir_strings(value: object, owner: tuple[str, str] = ("", "")) -> Iterator[tuple[str, str, str]]:
    """`(IR class, field, value)` for every string in the IR; a string inside a tuple, list or
    dict (enum values, example arguments) is counted as its dataclass field's."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from ir_strings(getattr(value, item.name), (type(value).__name__, item.name))
    elif isinstance(value, str):
        yield (*owner, value)
    elif isinstance(value, tuple | list):
        for element in value:
            yield from ir_strings(element, owner)
    elif isinstance(value, dict):
        for key, element in value.items():
            yield from ir_strings(key, owner)
            yield from ir_strings(element, owner)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[ir.Api, dict[str, str], Path]:
    canary = tmp_path_factory.mktemp("escaping") / "CANARY"
    api, _ = lower(SimpleNamespace(document=_sentinel_document(canary)), Config())
    files = render(api)
    assert not canary.exists(), "rendering executed text from the spec"
    return api, files, canary


def raw_fields(api: ir.Api) -> set[tuple[str, str]]:
    """IR fields that hold spec text unescaped: the plain-text fields."""
    return {
        (cls, name)
        for cls, name, value in ir_strings(api)
        if HOSTILE in value or PATH_HOSTILE in value
    }


PLAIN_TEXT_FIELDS = {
    ("Api", "title"),
    ("Api", "description"),
    ("Api", "default_base_url"),
    ("Client", "doc"),
    ("Client", "default_base_url"),
    ("Client", "init_doc"),
    ("ClientOption", "doc"),  # names the default base URL
    ("Client", "missing_base_url_message"),  # names the title
    ("Resource", "doc"),
    ("Method", "path"),
    ("Method", "summary"),
    ("Method", "description"),
    ("Parameter", "wire"),
    ("Parameter", "doc"),
    ("Model", "doc"),
    ("TypedDictDef", "doc"),
    ("Alias", "doc"),
    ("Field", "name"),  # a TypedDict key is the wire name
    ("Field", "wire"),
    ("Field", "doc"),
    ("Literal", "values"),
    ("Variant", "tag"),
    ("Discriminated", "untagged"),  # tags of `Variant`s, never printed (they pick the variants)
    ("SuiteCall", "every"),  # the generated tests' argument values (printed by render/suite.py)
}
"""IR fields that hold text from the spec as it is (the printer escapes them)."""


def test_plain_text_fields_are_the_known_ones(
    rendered: tuple[ir.Api, dict[str, str], Path],
) -> None:
    # If this changes, the template check below covers the new field: update the list.
    assert raw_fields(rendered[0]) == PLAIN_TEXT_FIELDS


# --- every template prints plain text through an escaping filter -----------------------------

SAFE_FILTERS = {
    ".py": {"doc_line", "py_str"},
    ".toml": {"toml_str"},
    ".md": {"one_line", "doc_line", "py_str", "toml_str"},
}


def _kind(template: str) -> str:
    if template == "package/macros.jinja":
        return ".py"
    return Path(template.removesuffix(".jinja")).suffix


# What `render` passes to the templates; loop variables and `{% set %}` names get their types
# from the field annotations (`tuple[Method, ...]` -> `Method`).
CONTEXT: dict[str, Any] = {
    "api": ir.Api,
    "examples": PrintedExamples,
    "root": PrintedRoot,
    "client": PrintedClient,
    "module": PrintedTypeModule,
    "r": PrintedResource,
    "init": PrintedInit,
}
# Macros of package/macros.jinja get printed pieces; the checker cannot see their call sites.
MACRO_ARGS: dict[str, dict[str, Any]] = {"params": {"sig": Signature}, "call_arg": {"a": CallArg}}


def _field_type(owner: Any, attr: str) -> Any:
    if not (isinstance(owner, type) and dataclasses.is_dataclass(owner)):
        return None
    hint = typing.get_type_hints(owner).get(attr)
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (types.UnionType, typing.Union) and len(args) == 1:
        return args[0]
    return hint


def _type_of(expression: nodes.Node, scope: dict[str, Any]) -> Any:
    """The IR type of a template expression, when it can be told (else None)."""
    if isinstance(expression, nodes.Name):
        return scope.get(expression.name)
    if isinstance(expression, nodes.Getattr):
        return _field_type(_type_of(expression.node, scope), expression.attr)
    if isinstance(expression, nodes.CondExpr):
        return _type_of(expression.expr1, scope)
    if isinstance(expression, nodes.Add):  # `a.methods + a.helpers`: both of one type
        return _type_of(expression.left, scope)
    return None


class _Checker:
    """Walks a template; records plain-text IR fields printed without a `safe` filter."""

    def __init__(self, plain: set[tuple[str, str]], safe: set[str]) -> None:
        self.plain = plain
        self.plain_attrs = {attr for _, attr in plain}
        self.safe = safe
        self.found: list[tuple[int, str]] = []
        self.outputs = 0

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            inner = dict(scope)
            element = typing.get_args(_type_of(node.iter, scope))
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = element[0] if element else None
            for child in node.body:
                self.walk(child, inner)
            for child in node.else_:
                self.walk(child, scope)
            return
        if isinstance(node, nodes.Macro):
            params = {arg.name for arg in node.args}
            inner = {k: v for k, v in scope.items() if k not in params}
            inner.update(MACRO_ARGS.get(node.name, {}))
            for child in node.body:
                self.walk(child, inner)
            return
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            scope[node.target.name] = _type_of(node.node, scope)
        if isinstance(node, nodes.Output):
            for expression in node.nodes:
                if not isinstance(expression, nodes.TemplateData):
                    self.outputs += 1
                    self.check(expression, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)

    def check(self, expression: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(expression, nodes.Filter) and expression.name in self.safe:
            return
        if isinstance(expression, nodes.Getattr):
            owner = _type_of(expression.node, scope)
            if isinstance(owner, type):  # known: is this field of this class plain text?
                plain = (owner.__name__, expression.attr) in self.plain
            else:  # unknown: any plain-text field of that name counts
                plain = expression.attr in self.plain_attrs
            if plain:
                self.found.append((expression.lineno, expression.attr))
        for child in expression.iter_child_nodes():
            self.check(child, scope)


def unescaped(source: str, plain: set[tuple[str, str]], safe: set[str]) -> _Checker:
    """Check one template's source."""
    checker = _Checker(plain, safe)
    checker.walk(_environment().parse(source), dict(CONTEXT))
    return checker


def test_templates_escape_every_plain_text_field(
    rendered: tuple[ir.Api, dict[str, str], Path],
) -> None:
    plain = raw_fields(rendered[0])
    environment = _environment()
    offenders = []
    checked = 0
    for name in environment.list_templates(filter_func=lambda n: n.endswith(".jinja")):
        source = Path(TEMPLATES_DIR, name).read_text(encoding="utf-8")
        checker = unescaped(source, plain, SAFE_FILTERS[_kind(name)])
        checked += checker.outputs
        offenders += [f"{name}:{line}: `{attr}` printed unescaped" for line, attr in checker.found]
    assert checked > 100
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        '"""{{ api.title }}"""',
        "{{ api.default_base_url | upper }}",
        "{% for r in api.resources %}{% for m in r.methods %}{{ m.path }}{% endfor %}{% endfor %}",
        "{% macro f(api) %}{{ api.title }}{% endmacro %}",
        "{% set t = api %}{{ t.title }}",
    ],
)
def test_a_template_printing_plain_text_raw_is_caught(source: str) -> None:
    plain = {("Api", "title"), ("Api", "default_base_url"), ("Method", "path")}
    assert len(unescaped(source, plain, {"doc_line"}).found) == 1


def test_code_fields_of_the_same_name_are_not_plain_text() -> None:
    plain = {("Api", "default_base_url"), ("Api", "title"), ("Client", "default_base_url")}
    # `client` is the printed client: its `default_base_url` is a string literal already.
    assert unescaped("{{ client.default_base_url }}", plain, set()).found == []
    assert len(unescaped("{{ api.client.default_base_url }}", plain, set()).found) == 1
    assert unescaped("{{ api.title | doc_line }}", plain, {"doc_line"}).found == []


def test_html_autoescaping_is_off_and_the_filters_are_ours() -> None:
    environment = _environment()
    assert environment.autoescape is False  # HTML escaping would corrupt Python and TOML
    assert environment.filters["doc_line"] is doc_line
    assert environment.filters["one_line"] is one_line
    assert environment.filters["py_str"] is py_str
    assert environment.filters["toml_str"] is toml_str


# --- what the templates print ----------------------------------------------------------------


def test_rendered_python_compiles(rendered: tuple[ir.Api, dict[str, str], Path]) -> None:
    for path, text in rendered[1].items():
        if path.endswith(".py"):
            compile(text, path, "exec", dont_inherit=True)


def test_spec_text_is_only_ever_inside_string_literals(
    rendered: tuple[ir.Api, dict[str, str], Path],
) -> None:
    seen = 0
    for path, text in rendered[1].items():
        if not path.endswith(".py"):
            continue
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if MARK not in token.string:
                continue
            assert token.type == tokenize.STRING, f"{path}:{token.start[0]}: {token.string!r}"
            value = ast.literal_eval(token.string)
            assert JINJA in value, f"{path}:{token.start[0]}: {value!r}"
            seen += 1
    assert seen > 20


def test_template_syntax_in_spec_text_is_never_evaluated(
    rendered: tuple[ir.Api, dict[str, str], Path],
) -> None:
    for path, text in rendered[1].items():
        for index in (i for i in range(len(text)) if text.startswith(MARK, i)):
            if text[index - 2 : index] == "--":
                continue  # a command-line flag, spelled from a parameter's Python name
            after = text[index + len(MARK) :].lstrip("0123456789")
            assert after.startswith(JINJA), f"{path}: {text[index : index + 40]!r}"


def test_no_invisible_characters_reach_python(
    rendered: tuple[ir.Api, dict[str, str], Path],
) -> None:
    for path, text in rendered[1].items():
        if path.endswith(".py"):
            assert not INVISIBLE & set(text), path


def test_pyproject_is_valid_toml(rendered: tuple[ir.Api, dict[str, str], Path]) -> None:
    project = tomllib.loads(rendered[1]["pyproject.toml"])["project"]
    assert project["description"].startswith("Python SDK for the " + MARK)
    assert HOSTILE in project["description"]


def test_markdown_gets_the_title_on_one_line(
    rendered: tuple[ir.Api, dict[str, str], Path],
) -> None:
    for name in ("README.md", "api.md"):
        heading = rendered[1][name].splitlines()[0]
        assert heading.startswith("# " + MARK) and one_line(HOSTILE) in heading, heading


# --- the escaping functions on any text ------------------------------------------------------

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40) | st.lists(
    st.sampled_from(['"', "'", "\\", "\n", "\r", "\x00", "\u202e", "\ud800", '"""', "{{", " "]),
    max_size=12,
).map("".join)


def _normalized(text: str) -> str:
    """Text as a one-line docstring keeps it: control characters other than tabs and line
    breaks, and surrogates, dropped; whitespace collapsed."""
    dropped = {*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0))} - set("\t\n\r\x85")
    kept = "".join(c for c in text if c not in dropped and not 0xD800 <= ord(c) <= 0xDFFF)
    return " ".join(kept.replace("\u2028", " ").replace("\u2029", " ").split())


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(ANY_TEXT)
def test_py_str_round_trips(text: str) -> None:
    literal = py_str(text)
    assert ast.literal_eval(literal) == text
    assert "\n" not in literal and "\r" not in literal and not INVISIBLE & set(literal)


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(ANY_TEXT, st.sampled_from([0, 4, 8]))
def test_docstrings_cannot_end_early(text: str, indent: int) -> None:
    body = docstring(text)
    if body is None:
        assert _normalized(text) == ""
        return
    # Printed by the templates' own macro, at the indentation of a module, class or method.
    macros: Any = _environment().get_template("package/macros.jinja").module
    printed = macros.docstring(body, indent)
    source = "".join(f"{' ' * level}class C{level}:\n" for level in range(0, indent, 4))
    tree = ast.parse(source + " " * indent + str(printed) + "\n" + " " * indent + "x = 1\n")
    node = tree.body[0]
    while isinstance(node, ast.ClassDef):
        node = node.body[0]
    assert isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    assert isinstance(node.value.value, str)
    assert _normalized(node.value.value) == _normalized(text)


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(ANY_TEXT)
def test_doc_line_is_one_safe_line(text: str) -> None:
    line = doc_line(text)
    assert "\n" not in line
    value = ast.literal_eval('"""Python SDK for the ' + line + '."""')
    assert value.startswith("Python SDK for the ") and value.endswith(".")
    replaced = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    assert _normalized(value[len("Python SDK for the ") : -1]) == _normalized(replaced)


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(ANY_TEXT)
def test_toml_str_round_trips(text: str) -> None:
    value = tomllib.loads("key = " + toml_str(text))["key"]
    expected = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    assert value == expected


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(ANY_TEXT)
def test_one_line_keeps_markdown_on_one_line(text: str) -> None:
    line = one_line(text)
    assert len(line.splitlines()) <= 1 and line == line.strip()
    assert not any(ord(c) < 0x20 or 0xD800 <= ord(c) <= 0xDFFF for c in line)
    line.encode("utf-8")


def test_keywords_are_never_printed_as_names() -> None:
    for word in (*keyword.kwlist, "l", "I", "O"):
        for name in (identifier(word), field_identifier(word), class_name(word)):
            assert not keyword.iskeyword(name) and name not in ("l", "I", "O"), (word, name)
