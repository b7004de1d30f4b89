"""Hand-written hostile specs, each run through the whole pipeline.

Valid ones (`CASES`) must give code that compiles, passes `ruff check` and `mypy --strict`,
imports, and keeps every literal from the spec intact at runtime; text from the spec must never
run (a canary file named in every payload must never appear). Invalid ones (`BAD_CASES`) must
stop `python -m codegen generate` with exit code 2 and one `error: <file>#<pointer>: ...` line.

All valid cases are generated into one tree, so ruff, mypy and the import check run once.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import keyword
import re
import subprocess
import sys
import tomllib
import typing
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx2
import pytest

from codegen.cli import main
from codegen.errors import SpecError

from ._harness import (
    CANARY,
    assemble,
    compile_errors,
    import_everything,
    importable,
    invisible_characters,
    mypy_strict,
    payloads,
    problems,
    ruff_check,
    run_pipeline,
    substitute,
    write_spec,
)

# --- building blocks -------------------------------------------------------------------------

NASTY_TEXT: tuple[str, ...] = (
    '"""',
    "'''",
    '"',
    "'",
    "\\",
    '\\"',
    'ends with a quote"',
    "ends with a backslash\\",
    "line\nbreak",
    "carriage\r\nreturn",
    "tab\there",
    "nul\x00byte",
    "del\x7f and nel\x85",
    "line\u2028separator",
    "rtl \u202eoverride\u202c and \u2067isolate\u2069",
    "zero\u200bwidth\ufeff",
    "ünïcödé 名前 😀",
    "{{ 7 * 7 }}",
    "{% raw %}",
    "{#",
    "%s %(x)s {0} ${x}",
    "",
    " ",
    *payloads(),
)
"""Strings that break naive escaping, quoting or templating (the payloads name the canary)."""

NAMES: tuple[str, ...] = (
    *keyword.kwlist,
    *keyword.softkwlist,
    *("str", "int", "float", "bool", "bytes", "object", "list", "dict", "type", "id", "print"),
    *("builtins", "isinstance", "self", "cls", "super", "__init__", "__class__", "__dict__"),
    *("BaseModel", "Field", "Literal", "Optional", "Union", "TypeAlias", "Any", "Annotated"),
    *("Tag", "Discriminator", "Required", "TypedDict", "Sequence", "Mapping", "FileTypes"),
    *("NotGiven", "NOT_GIVEN", "httpx2", "os", "sys", "cast", "overload", "typing", "pydantic"),
    *("annotations", "__future__", "TYPE_CHECKING", "UNKNOWN_TAG", "tag_of", "path_param"),
    *("make_request_options", "extra_headers", "extra_body", "timeout", "deadline"),
    *("max_retries", "with_raw_response", "with_streaming_response", "Stream", "options"),
    *("model_config", "model_fields", "model_dump", "schema", "json", "copy", "construct"),
    *("validate", "to_dict", "_private", "__dunder__", "_", "__", "types", "resources"),
    *("l", "I", "O"),  # ambiguous names (ruff E741/E742/E743)
)
"""Python keywords, builtins and names generated code itself uses."""


def ok(schema: Any = None) -> dict[str, Any]:
    """A `200` JSON response with `schema`."""
    return {
        "200": {
            "description": "OK",
            "content": {
                "application/json": {"schema": {"type": "object"} if schema is None else schema}
            },
        }
    }


def ref(name: str) -> dict[str, str]:
    """A `$ref` to component schema `name` (escaped as a JSON pointer token)."""
    return {"$ref": "#/components/schemas/" + name.replace("~", "~0").replace("/", "~1")}


def operation(
    response: Any = None,
    *,
    body: Any = None,
    params: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """An operation answering `response`, with an optional JSON body and parameters."""
    node: dict[str, Any] = {"responses": ok(response), **fields}
    if body is not None:
        node["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    if params:
        node["parameters"] = params
    return node


def param(name: str, where: str, schema: Any = None, **fields: Any) -> dict[str, Any]:
    """A parameter (path parameters are always required)."""
    node = {"name": name, "in": where, "schema": schema or {"type": "string"}, **fields}
    if where == "path":
        node["required"] = True
    return node


def document(
    paths: dict[str, Any], schemas: dict[str, Any] | None = None, **info: Any
) -> dict[str, Any]:
    """An OpenAPI 3.1 document."""
    out: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Nasty", "version": "1.0.0", **info},
        "paths": paths,
    }
    if schemas is not None:
        out["components"] = {"schemas": schemas}
    return out


def object_schema(props: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An object schema with `props`."""
    return {"type": "object", "properties": props, **fields}


def nested(levels: int, wrap: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
    """A string schema wrapped `levels` times by `wrap`."""
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(levels):
        schema = wrap(schema)
    return schema


# --- runtime checks --------------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    """A generated case, importable: its package name and output directory."""

    package: str
    out: Path
    canary: str

    def module(self, name: str = "") -> ModuleType:
        """`<package>.<name>` (the package itself for `""`)."""
        return importlib.import_module(f"{self.package}.{name}" if name else self.package)

    def type(self, name: str) -> Any:
        """A generated type, through the lazy `<package>.types` exports."""
        return getattr(self.module("types"), name)

    def client_class(self) -> Any:
        """The sync client class."""
        base = self.module("_base_client").SyncAPIClient
        classes = [getattr(self.module("_client"), n) for n in self.module("_client").__all__]
        return next(c for c in classes if isinstance(c, type) and issubclass(c, base))

    def client(self, handler: Callable[[httpx2.Request], httpx2.Response]) -> Any:
        """The sync client, answering every request with `handler`."""
        transport = httpx2.MockTransport(handler)
        return self.client_class()(
            base_url="http://api.test",
            http_client=httpx2.Client(transport=transport),
        )

    def text(self, text: str) -> str:
        """`text` with the canary placeholder filled in, as the spec had it."""
        return text.replace(CANARY, self.canary)


def literal_values(annotation: Any) -> list[Any]:
    """Every `Literal` value anywhere inside `annotation`."""
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    return [value for arg in typing.get_args(annotation) for value in literal_values(arg)]


def normalized(text: str) -> str:
    """`text` as a docstring keeps it: C0 controls other than whitespace dropped, each run of
    whitespace one space."""
    kept = "".join(c for c in text if c.isspace() or not (ord(c) < 0x20 or ord(c) == 0x7F))
    return " ".join(kept.replace("\u2028", " ").replace("\u2029", " ").split())


def string_constants(path: Path) -> set[str]:
    """Every string constant in a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def python_blocks(markdown: str) -> list[str]:
    """The ```python code blocks of a Markdown text."""
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.DOTALL | re.MULTILINE)


def check_literals(built: Built) -> None:
    """Enum and const values with quotes, escapes and controls parse and keep their value."""
    values = [built.text(v) for v in NASTY_TEXT]
    palette = built.type("Palette")
    for value in values:
        assert palette.model_validate({"choice": value, "fixed": '"""; x'}).choice == value
        assert palette.model_validate({"choice": value}).to_dict()["choice"] == value
    hints = typing.get_type_hints(palette)
    assert literal_values(hints["choice"]) == list(dict.fromkeys(values))
    assert literal_values(hints["fixed"]) == ['"""; x']
    assert palette.model_validate({"mixed": 1}).mixed == 1
    # Request side: the closed Literal of the TypedDict and of the method parameter.
    param = built.type("PaletteParam")
    assert literal_values(typing.get_type_hints(param)["choice"]) == list(dict.fromkeys(values))
    create = built.client(lambda request: httpx2.Response(200, json={})).palettes.create
    assert literal_values(typing.get_type_hints(create)["choice"]) == list(dict.fromkeys(values))


def check_docstrings(built: Built) -> None:
    """Descriptions keep their text (quotes, backslashes, template syntax) in `__doc__`."""
    documented = built.type("Documented")
    doc = normalized(documented.__doc__ or "")
    for text in payloads(built.canary):
        assert normalized(text) in doc
    assert "{{ 7 * 7 }}" in doc and "49" not in doc
    # (The resource class is not `Documented`: resource classes give way to type names.)
    retrieve = built.client(lambda request: httpx2.Response(200, json={})).documented.retrieve
    method_doc = normalized(retrieve.__doc__ or "")
    assert normalized(built.text(payloads()[0])) in method_doc
    assert normalized('"""; the API') in normalized(built.client_class().__doc__ or "")


def check_title(built: Built) -> None:
    """The title stays text in docstrings, TOML and Markdown."""
    title = built.text(TITLE)
    assert normalized(title) in normalized(built.module().__doc__ or "")
    assert normalized(title) in normalized(built.client_class().__doc__ or "")
    pyproject = tomllib.loads((built.out / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["description"] == "Python SDK for the " + title
    readme = (built.out / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("<!--") and "\n# " + normalized(title) in readme
    for block in python_blocks(readme):
        ast.parse(block)


def check_server_url(built: Built) -> None:
    """The server URL is a string literal with its exact value."""
    url = built.text(SERVER_URL)
    assert url in string_constants(built.out / built.package / "_client.py")


def check_names(built: Built) -> None:
    """Keywords, builtins and generated code's own names keep their wire names."""
    names = built.type("Names")
    data = {name: f"value of {name!r}" for name in NAMES}
    assert names.model_validate(data).model_dump(by_alias=True) == data
    param = built.type("NamesParam")
    assert set(typing.get_type_hints(param)) == set(NAMES)


def check_case_collisions(built: Built) -> None:
    """Names that differ only in case or punctuation stay apart."""
    owner = built.type("Owner")
    data = {f"to_{i}": {"v": i} for i in range(len(COLLIDING))}
    parsed = owner.model_validate(data)
    classes = {type(getattr(parsed, f"to_{i}")) for i in range(len(COLLIDING))}
    assert len(classes) == len(COLLIDING)
    props = {name: name.upper() + "!" for name in COLLIDING}
    assert owner.model_validate(props).model_dump(by_alias=True, exclude_none=True) == props


def check_digits(built: Built) -> None:
    """Names starting with digits keep their wire names."""
    model = built.type("N1Thing")
    data = {"2fa": True, "123": 1, "0": "zero", "1st-class": "yes", "9lives": 9}
    assert model.model_validate(data).model_dump(by_alias=True, exclude_none=True) == data


def check_reserved_params(built: Built) -> None:
    """Parameters named like builtins, keywords or the method's own arguments
    each reach the wire under their own name."""
    sent: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        return httpx2.Response(200, json={})

    client = built.client(handler)
    arguments = {name: f"v{index}" for index, name in enumerate(_py_names(client.r.retrieve))}
    client.r.retrieve(**arguments)
    request = sent[-1]
    segments = request.url.raw_path.decode().split("?")[0].split("/")[2:]
    headers = {k: v for k, v in request.headers.items() if k in map(str.lower, RESERVED_HEADERS)}
    query = dict(request.url.params)
    values = sorted([*segments, *headers.values(), *query.values()])
    assert values == sorted(arguments.values())
    assert set(query) == set(RESERVED)
    assert set(headers) == {name.lower() for name in RESERVED_HEADERS}
    client.r.create(**{name: f"b{index}" for index, name in enumerate(_py_names(client.r.create))})
    body = json.loads(sent[-1].content)
    assert set(body) == set(RESERVED) and len(set(body.values())) == len(RESERVED)


def _py_names(method: Any) -> list[str]:
    """A method's own parameters (without the per-call options every method takes)."""
    standard = {"extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "deadline"}
    return [p for p in inspect.signature(method).parameters if p not in standard]


def check_many_properties(built: Built) -> None:
    """A model with 1500 fields and a 1500-value enum works."""
    wide = built.type("Wide")
    data = {f"p{i}": i for i in range(MANY)}
    assert wide.model_validate(data).model_dump(by_alias=True, exclude_none=True) == data
    assert wide.model_validate({"choice": f"v{MANY - 1}"}).choice == f"v{MANY - 1}"


def check_deep(built: Built) -> None:
    """Types nested 40 levels deep validate."""
    deep = built.type("Deep")
    value: Any = "leaf"
    for _ in range(DEEP):
        value = [value]
    assert deep.model_validate({"arrays": value}).arrays == value


def check_recursive(built: Built) -> None:
    """Recursive schemas (through properties, arrays, maps and `allOf`) validate."""
    node = built.type("Node")
    data = {
        "name": "a",
        "children": [{"name": "b", "children": []}],
        "partner": {"node": {"name": "c"}},
    }
    assert node.model_validate(data).to_dict() == data


def check_external(built: Built) -> None:
    """Schemas from other files are bundled."""
    assert built.type("Thing").model_validate({"other": {"x": 1}}).other.x == 1


def check_paths(built: Built) -> None:
    """Paths with quotes, backslashes, spaces and Unicode are requested as written."""
    seen: list[str] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(urllib.parse.unquote(request.url.raw_path.decode()))
        return httpx2.Response(200, json={})

    client = built.client(handler)
    client.q.quoted.back_slash.retrieve('v"1', "v\\2")
    assert seen[-1] == '/q/"quoted"/back\\slash/v"1/v\\2/'
    client.spaces_and_n.retrieve("a b/c")
    assert seen[-1] == "/spaces and ünï/a b/c"
    client.value.get()
    client.value.get_2()
    assert sorted(seen[-2:]) == ["/{{", "/\u202e"]


def check_examples(built: Built) -> None:
    """README examples from spec examples are Python (no bare `nan`)."""
    readme = (built.out / "README.md").read_text(encoding="utf-8")
    blocks = python_blocks(readme)
    assert blocks
    for block in blocks:
        names = {n.id for n in ast.walk(ast.parse(block)) if isinstance(n, ast.Name)}
        assert not names & {"nan", "inf", "NaN", "Infinity"}, block  # YAML's .nan, .inf


def check_discriminator(built: Built) -> None:
    """Discriminator tags with quotes and newlines pick the right variant."""
    shape = built.type("Shape")
    adapter = __import__("pydantic").TypeAdapter(shape)
    for tag, cls in (('a"', "Alpha"), ("b'''\n", "Beta"), ('"""; x', "Gamma")):
        assert type(adapter.validate_python({'ty"pe\\': tag})).__name__ == cls
    unknown = adapter.validate_python({'ty"pe\\': "new", "x": 1})
    assert type(unknown).__name__.endswith("Unknown") and unknown.to_dict()["x"] == 1
    # The same union inline in responses (a single one, and a list of them).
    sent = [{'ty"pe\\': '"""; x', "x": 1}, {'ty"pe\\': "new"}]

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, json=sent if request.url.path == "/shape-lists" else sent[0])

    client = built.client(handler)
    assert type(client.inline_shapes.retrieve()).__name__.endswith("Variant2")
    names = [type(item).__name__ for item in client.shape_lists.list()]
    assert names[0].endswith("Variant2") and names[1].endswith("Unknown")


def check_odd_names(built: Built) -> None:
    """Empty, punctuation-only and Unicode names keep their wire names."""
    odd = built.type("Odd")
    data = {name: name + "!" for name in ODD_NAMES}
    assert odd.model_validate(data).model_dump(by_alias=True, exclude_none=True) == data


def check_shapes(built: Built) -> None:
    """Unusual schema shapes (`true`, `not`, type lists, big ints) generate and parse."""
    shapes = built.type("Shapes")
    data = {"anything": {"a": [1]}, "multi": 3, "big": 2**70, "negative": -(2**70), "flag": False}
    parsed = shapes.model_validate(data)
    assert parsed.model_dump(exclude_none=True) == data
    # An enum holding an integer beyond 64 bits is typed by its base type (`int`): type checkers
    # reject such literals. The values above still round-trip.
    assert literal_values(typing.get_type_hints(shapes)["big"]) == []


# --- the valid cases -------------------------------------------------------------------------

TITLE = f'"""\nimport os; os.system("touch {CANARY}")\n""" ' + NASTY_TEXT[-1]
SERVER_URL = "https://example.com/a\"b\\c'{{x}}%20\u202e/" + CANARY
COLLIDING = ("Pet", "pet", "PET", "pet-", "Pet_", "p-et", "PeT")
RESERVED = (
    *("str", "isinstance", "self", "cast", "timeout", "deadline", "extra_headers", "path_param"),
    *("make_request_options", "NotGiven", "httpx2", "options", "body", "query", "files", "page"),
    *("stream", "Any", "cls", "class", "None", "max_retries", "extra_query", "a-b", "a_b", "A_B"),
)
RESERVED_HEADERS = tuple(name for name in RESERVED if name != "A_B")  # names differing in case
# are one HTTP header
ODD_NAMES = (
    *("", " ", "-", "$ref", "x.y", "a/b", "~0", "é", "名前", "😀", "\u202eevil", "x\u200by"),
    *("a\nb", 'q"uote', "back\\slash", "{{ x }}", "%s"),
)
MANY = 1500
DEEP = 40


@dataclass(frozen=True)
class Case:
    """A valid hostile spec: its document (with `CANARY` placeholders), extra files next to it
    (external references), and a check run against the imported package."""

    name: str
    document: Any
    check: Callable[[Built], None] | None = None
    files: dict[str, Any] = field(default_factory=dict)
    suffix: str = ".json"
    package: bool = True  # False: the package name is derived from the title


def _literals_case() -> Case:
    palette = object_schema(
        {
            "choice": {"type": "string", "enum": list(NASTY_TEXT), "description": NASTY_TEXT[0]},
            "fixed": {"const": '"""; x'},
            "mixed": {"enum": ['"', 1, True, None, 2.5, {"a": '"""'}, [1]]},
            "defaulted": {"type": "string", "default": payloads()[0], "example": payloads()[1]},
        }
    )
    body = object_schema(
        {"choice": {"type": "string", "enum": list(NASTY_TEXT)}, "item": ref("Palette")}
    )
    return Case(
        "literals",
        document(
            {"/palettes": {"post": operation(ref("Palette"), body=body)}}, {"Palette": palette}
        ),
        check_literals,
    )


def _docstrings_case() -> Case:
    text = "\n\n".join(payloads())
    schema = object_schema(
        {
            **{
                f"payload_{i}": {"type": "string", "description": p}
                for i, p in enumerate(payloads())
            },
            **{f"text_{i}": {"type": "string", "description": t} for i, t in enumerate(NASTY_TEXT)},
            "ends_in_quotes": {"type": "string", "description": 'ends with """'},
            "ends_in_escaped": {"type": "string", "description": 'ends with \\"""'},
        },
        description=text + '\n\nends with """',
        title=payloads()[1],
    )
    path_params = [param("id", "path", description=payloads()[0])]
    get = operation(
        ref("Documented"),
        params=[*path_params, param("q", "query", description=payloads()[2])],
        summary=payloads()[0],
        description=text,
        tags=["documented"],
    )
    doc = document(
        {"/documented/{id}": {"get": get}},
        {"Documented": schema},
        description='"""; the API ' + text,
    )
    doc["tags"] = [{"name": "documented", "description": text}]
    return Case("docstrings", doc, check_docstrings)


def _names_case() -> Case:
    props = {name: {"type": "string", "description": name} for name in NAMES}
    schemas: dict[str, Any] = {
        "Names": object_schema(props, required=list(NAMES[::3])),
        **{
            name: object_schema({"v": {"type": "integer"}, name: {"type": "string"}})
            for name in NAMES
        },
    }
    holder = object_schema({f"to_{i}": ref(name) for i, name in enumerate(NAMES)})
    schemas["Holder"] = holder
    paths: dict[str, Any] = {
        "/names": {
            "get": operation(ref("Holder")),
            "post": operation(ref("Names"), body=object_schema({"names": ref("Names")})),
        }
    }
    for name in NAMES:
        segment = "/n/" + name
        paths[segment] = {
            "get": operation(
                ref(name),
                operationId=name,
                params=[param(name, "query"), param(name, "header")],
            )
        }
    return Case("names", document(paths, schemas), check_names)


def _case_collisions_case() -> Case:
    schemas: dict[str, Any] = {
        name: object_schema({"v": {"type": "integer"}}) for name in COLLIDING
    }
    owner_props = {f"to_{i}": ref(name) for i, name in enumerate(COLLIDING)}
    owner_props.update({name: {"type": "string"} for name in COLLIDING})
    schemas["Owner"] = object_schema(owner_props)
    params = [param(name, "query") for name in ("id", "ID", "Id", "i-d")]
    paths = {
        "/owners": {"get": operation(ref("Owner"), params=params)},
        "/Owners": {"post": operation(ref("Owner"), body=object_schema(owner_props))},
    }
    return Case("case_collisions", document(paths, schemas), check_case_collisions)


def _digits_case() -> Case:
    thing = object_schema(
        {
            "2fa": {"type": "boolean"},
            "123": {"type": "integer"},
            "0": {"type": "string", "enum": ["1", "01", "1e3"]},
            "1st-class": {"type": "string"},
            "9lives": {"type": "integer"},
        }
    )
    paths = {
        "/2fa/{1}": {
            "get": operation(ref("1Thing"), params=[param("1", "path"), param("2x", "query")])
        },
        "/3d": {"post": operation(ref("2"), body=object_schema({"4": ref("1Thing")}))},
    }
    return Case(
        "digits", document(paths, {"1Thing": thing, "2": object_schema({"3": {}})}), check_digits
    )


def _resource_clash_case() -> Case:
    schemas = {
        name: object_schema({"v": {"type": "integer"}})
        for name in (
            "Things",
            "AsyncThings",
            "ThingsWithRawResponse",
            "None",
            "True",
            "else",
            "Else",
        )
    }
    paths = {
        "/things": {"get": operation(ref("Things")), "post": operation(ref("AsyncThings"))},
        "/things/{id}": {
            "get": operation(ref("ThingsWithRawResponse"), params=[param("id", "path")])
        },
        "/none": {"get": operation(ref("None"))},
        "/true": {"get": operation(ref("True"))},
        "/else": {"get": operation(ref("else")), "post": operation(ref("Else"))},
    }
    return Case("resource_type_clash", document(paths, schemas))


SHADOWING = ("int", "bool", "float", "dict", "object", "str", "overload", "cached_property")


def _shadowing_case() -> Case:
    """Methods and resources named like what generated class bodies and `__init__`s use."""
    strings = {"type": "array", "items": {"type": "string"}}
    id_param = [param("id", "path")]
    paths: dict[str, Any] = {
        "/things": {"get": operation(strings)},  # `things.list`, next to `list[str]` annotations
        "/things/{id}": {"get": operation(strings, params=id_param)},
        "/things/{id}/tags": {"post": operation(strings, params=id_param)},
        **{f"/things/{{id}}/{n}": {"post": operation(params=id_param)} for n in SHADOWING},
        **{f"/{n}/x": {"get": operation()} for n in (*SHADOWING, "list", "httpx2", "sorted")},
        # A sub-resource called `list` (kept), and one that is a package (renamed).
        "/boxes": {"post": operation(strings)},
        "/boxes/list/{id}": {"get": operation(strings, params=id_param)},
        "/crates/list/deep": {"get": operation(strings)},
    }
    return Case("shadowing", document(paths), check_shadowing)


def check_shadowing(built: Built) -> None:
    """A method called `list` works next to `list[...]` annotations; the others were renamed."""
    client = built.client(lambda request: httpx2.Response(200, json=["a"]))
    assert client.things.list() == ["a"] and client.things.retrieve("x") == ["a"]
    assert client.things.tags("x") == ["a"]
    methods = set(dir(client.things))
    assert all(f"post_{n}" in methods or f"{n}_" in methods for n in SHADOWING)
    assert {f"{n}_" for n in SHADOWING} <= set(dir(client))
    assert client.boxes.create() == ["a"] and client.boxes.list.retrieve("x") == ["a"]
    assert client.crates.list_.deep.list() == ["a"]


def _reserved_params_case() -> Case:
    path = "/r/" + "/".join("{" + name + "}" for name in ("str", "self", "cast", "path_param"))
    params = [param(name, "path") for name in ("str", "self", "cast", "path_param")]
    params += [param(name, "query") for name in RESERVED]
    params += [param(name, "header") for name in RESERVED_HEADERS]
    body = object_schema({name: {"type": "string"} for name in RESERVED}, required=list(RESERVED))
    paths = {
        path: {"get": operation(params=params)},
        "/r": {"post": operation(body=body)},
    }
    return Case("reserved_params", document(paths), check_reserved_params)


def _many_properties_case() -> Case:
    props: dict[str, Any] = {f"p{i}": {"type": "integer"} for i in range(MANY)}
    props["choice"] = {"type": "string", "enum": [f"v{i}" for i in range(MANY)]}
    paths = {"/wide": {"post": operation(ref("Wide"), body=ref("Wide"))}}
    return Case(
        "many_properties", document(paths, {"Wide": object_schema(props)}), check_many_properties
    )


def _deep_case() -> Case:
    deep = object_schema(
        {
            "arrays": nested(DEEP, lambda s: {"type": "array", "items": s}),
            "nullable": nested(DEEP, lambda s: {"type": ["array", "null"], "items": s}),
            "unions": nested(DEEP, lambda s: {"oneOf": [s, {"type": "integer"}, {"type": "null"}]}),
            "objects": nested(DEEP, lambda s: object_schema({"inner": s})),
            "maps": nested(DEEP, lambda s: {"type": "object", "additionalProperties": s}),
        }
    )
    paths = {"/deep": {"post": operation(ref("Deep"), body=ref("Deep"))}}
    return Case("deep_nesting", document(paths, {"Deep": deep}), check_deep)


def _recursive_case() -> Case:
    schemas = {
        "Node": object_schema(
            {
                "name": {"type": "string"},
                "children": {"type": "array", "items": ref("Node")},
                "partner": ref("Partner"),
                "index": {"type": "object", "additionalProperties": ref("Node")},
            }
        ),
        "Partner": object_schema({"node": ref("Node")}),
        "Loop": {"allOf": [ref("Loop2"), object_schema({"a": {"type": "string"}})]},
        "Loop2": {"allOf": [ref("Loop"), object_schema({"b": {"type": "string"}})]},
        "Maybe": {"oneOf": [ref("Node"), ref("Maybe2"), {"type": "null"}]},
        "Maybe2": {"type": "array", "items": ref("Maybe")},
    }
    paths = {
        "/nodes": {"post": operation(ref("Node"), body=object_schema({"node": ref("Node")}))},
        "/loops": {
            "post": operation(
                ref("Loop"), body=object_schema({"loop": ref("Loop"), "m": ref("Maybe")})
            )
        },
    }
    return Case("recursive", document(paths, schemas), check_recursive)


def _external_case() -> Case:
    paths = {"/things": {"get": operation({"$ref": "common/schemas.yaml#/Thing"})}}
    files = {
        "common/schemas.yaml": {
            "Thing": object_schema({"other": {"$ref": "../other.json#/Other"}})
        },
        "other.json": {
            "Other": object_schema({"x": {"type": "integer"}}, description=payloads()[0])
        },
    }
    return Case("external_refs", document(paths), check_external, files)


def _paths_case() -> Case:
    paths = {
        '/q/"quoted"/back\\slash/{a"b}/{c\\d}/': {
            "get": operation(params=[param('a"b', "path"), param("c\\d", "path")])
        },
        "/spaces and ünï/{x y}": {"get": operation(params=[param("x y", "path")])},
        "/{{": {"get": operation()},
        "/\u202e": {"get": operation()},
        "/v1": {"get": operation()},
        "/": {"post": operation()},
    }
    return Case("paths", document(paths), check_paths)


def _aliases(name: str, levels: int, leaf: str, width: int = 10) -> list[str]:
    """YAML lines defining `&<name><levels>`: a node that expands to `width ** levels` leaves
    while the file stays small (a "billion laughs")."""
    lines = [f"x-{name}0: &{name}0 {leaf}"]
    for level in range(1, levels + 1):
        items = ", ".join([f"*{name}{level - 1}"] * width)
        lines.append(f"x-{name}{level}: &{name}{level} [{items}]")
    return lines


# 10^8 nodes in an extension and in examples: generating must not walk them one by one.
_ALIAS_BOMBS_YAML = "\n".join(
    [
        "openapi: 3.1.0",
        "info: {title: Bombs, version: '1'}",
        *_aliases("l", 8, "[a, a]"),
        "paths:",
        "  /bombs:",
        "    post:",
        "      requestBody:",
        "        required: true",
        "        content:",
        "          application/json:",
        "            example: {a: *l8}",
        "            schema:",
        "              type: object",
        "              required: [a, b]",
        "              properties: {a: {type: array}, b: {type: array, example: *l8}}",
        "              x-bomb: *l8",
        "      responses: {'200': {description: OK}}",
    ]
)

_EXAMPLES_YAML = """\
openapi: 3.0.3
info: {title: Examples, version: "1"}
paths:
  /things:
    post:
      requestBody:
        required: true
        content:
          application/json:
            example: {name: "\\"\\"\\"; x", nested: {"k\\"": [1, .nan]}}
            schema:
              type: object
              required: [name, nan, inf, big, nested, text, when]
              properties:
                name: {type: string}
                nan: {type: number, example: .nan}
                inf: {type: number, default: -.inf}
                big: {type: integer, example: 123456789012345678901234567890}
                nested: {type: object, example: {"a\\nb": ["'''", null, true]}}
                text: {type: string, example: "@CANARY@\\"\\"\\"\\n\\\\"}
                when: {type: string, format: date-time, example: 2024-01-01T00:00:00Z}
      responses:
        "200": {description: OK, content: {application/json: {schema: {type: object}}}}
"""


def _discriminator_case() -> Case:
    prop = 'ty"pe\\'

    def variant(tag: str) -> dict[str, Any]:
        return object_schema({prop: {"type": "string", "const": tag}, "x": {"type": "integer"}})

    schemas = {
        "Alpha": variant('a"'),
        "Beta": variant("b'''\n"),
        "Gamma": variant('"""; x'),
        "Shape": {
            "oneOf": [ref("Alpha"), ref("Beta"), ref("Gamma")],
            "discriminator": {"propertyName": prop},
        },
    }
    inline = {
        "oneOf": [variant('a"'), variant("b'''\n"), variant('"""; x')],
        "discriminator": {"propertyName": prop},
    }
    paths = {
        "/shapes": {"get": operation(ref("Shape"))},
        "/inline-shapes": {"get": operation(inline)},
        "/shape-lists": {"get": operation({"type": "array", "items": inline})},
    }
    return Case("discriminator", document(paths, schemas), check_discriminator)


def _odd_names_case() -> Case:
    odd = object_schema({name: {"type": "string"} for name in ODD_NAMES})
    schemas = {"Odd": odd, **{name: object_schema({"v": {}}) for name in ODD_NAMES if name}}
    paths = {
        "/odd": {
            "post": operation(
                ref("Odd"),
                body=object_schema({name: {"type": "string"} for name in ODD_NAMES}),
                params=[param(name, "query") for name in ODD_NAMES if name],
            )
        }
    }
    return Case("odd_names", document(paths, schemas), check_odd_names)


def _shapes_case() -> Case:
    shapes = object_schema(
        {
            "anything": True,
            "empty": {},
            "never": {"not": {}},
            "multi": {"type": ["string", "integer", "null"]},
            "tuple": {"type": "array", "prefixItems": [{"type": "string"}]},
            "only_null": {"enum": [None]},
            "const_null": {"const": None},
            "const_object": {"const": {"a": '"""'}},
            "objects": {"enum": [{"a": 1}, [1], 2.5, "x"]},
            "big": {"type": "integer", "enum": [2**70, -1]},
            "negative": {"type": "integer", "enum": [-(2**70)]},
            "flag": {"type": "boolean", "enum": [False]},
            "binary": {"type": "string", "format": "binary"},
            "x-extension": {"type": "string", "x-stainless-const": True},
        }
    )
    paths = {
        "/shapes": {"post": operation(ref("Shapes"), body=object_schema({"s": ref("Shapes")}))},
        "/download": {
            "get": {
                "responses": {
                    "200": {
                        "description": "bytes",
                        "content": {"application/octet-stream": {"schema": {"type": "string"}}},
                    }
                }
            }
        },
    }
    return Case("schema_shapes", document(paths, {"Shapes": shapes}), check_shapes)


CASES: tuple[Case, ...] = (
    _literals_case(),
    _docstrings_case(),
    Case("title", document({"/x": {"get": operation()}}, title=TITLE), check_title),
    Case(
        "title_names_the_package",
        document({"/x": {"get": operation()}}, title='1 """class""" 😀\x7f' + TITLE),
        package=False,
    ),
    # Client class names derived from the title: a keyword, and a name ruff calls ambiguous.
    Case("title_none", document({"/x": {"get": operation()}}, title="None"), package=False),
    Case("title_o", document({"/x": {"get": operation()}}, title="O API"), package=False),
    Case(
        "server_url",
        {**document({"/x": {"get": operation()}}), "servers": [{"url": SERVER_URL}]},
        check_server_url,
    ),
    _names_case(),
    _case_collisions_case(),
    _digits_case(),
    _resource_clash_case(),
    _reserved_params_case(),
    _shadowing_case(),
    _many_properties_case(),
    _deep_case(),
    _recursive_case(),
    _external_case(),
    _paths_case(),
    Case("examples", _EXAMPLES_YAML, check_examples, suffix=".yaml"),
    Case("alias_bombs", _ALIAS_BOMBS_YAML, suffix=".yaml"),
    _discriminator_case(),
    _odd_names_case(),
    _shapes_case(),
)


# --- generating them all ---------------------------------------------------------------------


@dataclass
class Tree:
    """All valid cases, generated: per case its package (or the error), and the joint tree."""

    root: Path
    canary: Path
    built: dict[str, Built]
    errors: dict[str, str]
    packages: list[str]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tree]:
    base = tmp_path_factory.mktemp("nasty")
    canary = base / "CANARY"
    built: dict[str, Built] = {}
    errors: dict[str, str] = {}
    for case in CASES:
        directory = base / case.name
        for relative, content in case.files.items():  # JSON is YAML too
            (directory / relative).parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(substitute(content, CANARY, str(canary)), ensure_ascii=True)
            (directory / relative).write_text(text, encoding="utf-8")
        spec = write_spec(
            directory, substitute(case.document, CANARY, str(canary)), suffix=case.suffix
        )
        package = f"nasty_{case.name}" if case.package else None
        try:
            outcome = run_pipeline(spec, directory / "out", package)
        except SpecError as exc:
            errors[case.name] = f"SpecError: {exc}"
            continue
        built[case.name] = Built(outcome.api.package, directory / "out", str(canary))
    packages = assemble(base / "all", [b.out for b in built.values()])
    yield Tree(base / "all", canary, built, errors, packages)
    assert not canary.exists(), "text from a spec was executed"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_generates(tree: Tree, case: Case) -> None:
    assert case.name not in tree.errors, tree.errors[case.name]
    assert not tree.canary.exists(), "generation executed text from the spec"


def test_every_file_compiles(tree: Tree) -> None:
    assert compile_errors(tree.root) == []


def test_no_invisible_characters_in_code(tree: Tree) -> None:
    assert invisible_characters(tree.root) == []


def test_ruff_check_passes(tree: Tree) -> None:
    result = ruff_check(tree.root, tree.packages)
    assert result.returncode == 0, problems(result)


def test_mypy_strict_passes(tree: Tree) -> None:
    result = mypy_strict(tree.root, tree.packages)
    assert result.returncode == 0, problems(result)


def test_everything_imports_and_runs_nothing_from_the_spec(tree: Tree) -> None:
    result = import_everything(tree.root, tree.packages)
    assert result.returncode == 0, problems(result)
    assert not tree.canary.exists(), "importing the generated code executed text from the spec"


@pytest.mark.parametrize("case", [c for c in CASES if c.check], ids=lambda c: c.name)
def test_literals_survive_at_runtime(tree: Tree, case: Case) -> None:
    built = tree.built.get(case.name)
    assert built is not None, tree.errors.get(case.name)
    assert case.check is not None
    with importable(tree.root, [built.package]):
        case.check(built)
    assert not tree.canary.exists(), "using the generated code executed text from the spec"


# --- invalid input ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BadCase:
    """An invalid spec and the error it must give: pointer, and a piece of the message."""

    name: str
    document: Any
    pointer: str
    message: str
    files: dict[str, str] = field(default_factory=dict)
    suffix: str = ".json"
    slow: bool = False
    exact: bool = True  # False: `pointer` is where the error's pointer starts


def _with_schema(schema: Any, name: str = "X") -> dict[str, Any]:
    return document({"/x": {"get": operation(ref(name))}}, {name: schema})


BAD_CASES: tuple[BadCase, ...] = (
    BadCase(
        "missing_ref",
        _with_schema(object_schema({"a": ref("Nope")})),
        "#/components/schemas/X/properties/a/$ref",
        "does not resolve",
    ),
    BadCase(
        "ref_chain_loops",
        document({"/x": {"get": operation(ref("A"))}}, {"A": ref("B"), "B": ref("A")}),
        "#/components/schemas/B/$ref",
        "$ref chain loops",
    ),
    BadCase("ref_to_itself", _with_schema(ref("X")), "#/components/schemas/X/$ref", "loops"),
    BadCase(
        "ref_chain_too_long",
        document(
            {"/x": {"get": operation(ref("S0"))}},
            {**{f"S{i}": ref(f"S{i + 1}") for i in range(100)}, "S100": {"type": "string"}},
        ),
        "#/components/schemas/S63/$ref",
        "longer than 64 hops",
    ),
    BadCase(
        "missing_external_file",
        _with_schema({"$ref": "missing.yaml#/X"}),
        "#/components/schemas/X/$ref",
        "not found",
    ),
    BadCase(
        "missing_pointer_in_external_file",
        _with_schema({"$ref": "other.yaml#/Nope"}),
        "#/components/schemas/X/$ref",
        "Nope",
        files={"other.yaml": "Thing: {type: string}\n"},
    ),
    BadCase(
        "remote_ref",
        _with_schema({"$ref": "https://example.com/schemas.yaml#/X"}),
        "#/components/schemas/X/$ref",
        "remote $ref",
    ),
    BadCase("ref_not_a_string", _with_schema({"$ref": 5}), "#/components/schemas/X/$ref", "string"),
    BadCase(
        "properties_is_a_list",
        _with_schema({"type": "object", "properties": []}),
        "#/components/schemas/X/properties",
        "must be an object",
    ),
    BadCase(
        "required_is_a_string",
        _with_schema(object_schema({"a": {}}, required="a")),
        "#/components/schemas/X/required",
        "array of strings",
    ),
    BadCase(
        "type_is_a_number",
        _with_schema({"type": 5}),
        "#/components/schemas/X/type",
        "must be one of",
    ),
    BadCase(
        "enum_is_a_string", _with_schema({"enum": "ab"}), "#/components/schemas/X/enum", "array"
    ),
    BadCase(
        "items_is_a_string",
        _with_schema({"type": "array", "items": "x"}),
        "#/components/schemas/X/items",
        "schema must be",
    ),
    BadCase("schema_is_a_number", _with_schema(5), "#/components/schemas/X", "schema must be"),
    BadCase("schema_is_false", _with_schema(False), "#/components/schemas/X", "schema"),
    BadCase(
        "operation_is_a_string",
        document({"/x": {"get": '"""; x'}}),
        "#/paths/~1x/get",
        "must be an object",
    ),
    BadCase(
        "responses_is_a_number",
        document({"/x": {"get": {"responses": 5}}}),
        "#/paths/~1x/get/responses",
        "must be an object",
    ),
    BadCase("paths_is_a_list", document({}) | {"paths": []}, "#/paths", "must be an object"),
    BadCase(
        "unknown_parameter_location",
        document({"/x": {"get": operation(params=[param("a", "body")])}}),
        "#/paths/~1x/get/parameters/0/in",
        "must be one of",
    ),
    BadCase(
        "swagger_2",
        {"swagger": "2.0", "info": {}, "paths": {}},
        "#/swagger",
        "this is a Swagger 2.0 document; sdkgen reads OpenAPI 3.0 and 3.1. Convert it first",
    ),
    BadCase("not_an_object", ["openapi", "3.1.0"], "#", "must be an object"),
    BadCase("invalid_json", '{"openapi": "3.1.0",', "#", "invalid JSON"),
    BadCase("invalid_yaml", "openapi: [3.1.0\n", "#", "invalid YAML", suffix=".yaml"),
    BadCase(
        "duplicate_yaml_key",
        "openapi: 3.1.0\nopenapi: 3.0.0\n",
        "#",
        "duplicate key",
        suffix=".yaml",
    ),
    BadCase(
        "lone_surrogate",
        '{"openapi": "3.1.0", "info": {"title": "a\\ud800", "version": "1"}, "paths": {}}',
        "#/info/title",
        "lone surrogate",
    ),
    BadCase(
        "nested_too_deep_for_python",
        _with_schema(object_schema({"a": nested(60, lambda s: {"type": "array", "items": s})})),
        "#/components/schemas/X/properties/a" + "/items" * 50,
        "nested more than 50 levels",
    ),
    BadCase(
        "all_of_nested_too_deep",
        _with_schema(
            nested(450, lambda s: {"allOf": [s, object_schema({"a": {"type": "integer"}})]})
        ),
        "#",
        "nested too deeply",
    ),
    BadCase(
        "document_nested_too_deep",
        '{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}, "x-deep": '
        + "[" * 5000
        + "]" * 5000
        + "}",
        "#",
        "nested too deeply",
    ),
    BadCase(
        "alias_bomb_of_schemas",  # 10^6 inline schemas from a few lines
        "\n".join(
            [
                "openapi: 3.1.0",
                "info: {title: Bomb, version: '1'}",
                "x-s0: &s0 {type: object, properties: {p: {type: string}}}",
                *(
                    f"x-s{i}: &s{i} {{type: object, properties: {{"
                    + ", ".join(f"p{j}: *s{i - 1}" for j in range(10))
                    + "}}"
                    for i in range(1, 7)
                ),
                "paths: {/x: {get: {responses: {'200': {description: OK, content: "
                "{application/json: {schema: *s6}}}}}}}",
            ]
        ),
        "#/paths/~1x/get/responses/200/content/application~1json/schema/properties/p0",
        "expands to more than 200000 schemas",
        suffix=".yaml",
        slow=True,
        exact=False,
    ),
)


def _write_bad(directory: Path, case: BadCase) -> Path:
    for relative, text in case.files.items():
        (directory / relative).parent.mkdir(parents=True, exist_ok=True)
        (directory / relative).write_text(text, encoding="utf-8")
    return write_spec(directory, case.document, suffix=case.suffix)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.slow) if c.slow else c for c in BAD_CASES],
    ids=lambda c: c.name,
)
def test_invalid_input_is_one_error_line_with_a_pointer(
    case: BadCase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    spec = _write_bad(tmp_path, case)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    code = main(["generate", "--spec", spec.name, "--no-config", "--out", "out", "--no-cache"])
    captured = capsys.readouterr()
    assert code == 2, captured
    assert captured.out == ""
    prefix = f"error: {spec.name}{case.pointer}" + (": " if case.exact else "")
    assert captured.err.startswith(prefix), captured.err
    assert captured.err.count("\n") == 1 and case.message in captured.err, captured.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "case", [c for c in BAD_CASES if "deep" in c.name or "loops" in c.name], ids=lambda c: c.name
)
def test_the_cli_process_prints_no_traceback(case: BadCase, tmp_path: Path) -> None:
    spec = _write_bad(tmp_path, case)
    result = subprocess.run(
        [
            *(sys.executable, "-m", "codegen", "generate", "--spec", str(spec), "--no-config"),
            *("--out", str(tmp_path / "out"), "--no-cache"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"CI": "true", "PATH": ""},
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert re.fullmatch(r"error: \S+#\S*: [^\n]+\n", result.stderr), result.stderr
