"""Random small specs (hypothesis), with the invariants of `test_nasty_specs`.

Names come from a pool of keywords, builtins, names generated code uses, digits-first,
case-colliding and punctuated names, plus random text; descriptions, enum values, titles and
defaults are random Unicode mixed with hostile payloads. Schemas nest objects, arrays, unions,
`allOf`, maps and `$ref`s to each other (cycles included); paths carry parameters.

Each example is generated through the whole pipeline and must either stop with a `SpecError`
(carrying a JSON pointer) or give code that compiles, holds no invisible characters, keeps every
string enum value intact as a `Literal` and every schema description in a docstring, and runs
nothing from the spec. `ruff check`, `mypy --strict` and the import check then run once over
all examples together. The quick run keeps examples few and small; `-m slow` runs many more.
"""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
import itertools
import keyword
import pkgutil
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typing_extensions import is_typeddict

from codegen.cli import Outcome
from codegen.errors import SpecError
from codegen.spec import split_pointer

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

# --- strategies ------------------------------------------------------------------------------

NAME_POOL = (
    *keyword.kwlist,
    *keyword.softkwlist,
    *("str", "int", "float", "bool", "object", "list", "dict", "type", "None", "True", "self"),
    *("cls", "BaseModel", "Field", "Literal", "Optional", "Union", "Any", "Tag", "TypedDict"),
    *("Required", "NotGiven", "httpx2", "cast", "isinstance", "timeout", "deadline", "schema"),
    *("json", "copy", "model_config", "to_dict", "builtins", "types", "resources", "l", "I"),
    *("O", "_", "__", "_id", "__init__", "2fa", "123", "0", "a-b", "a.b", "A_B", "aB", "Ab"),
    *("AB", "ab", "", " ", "é", "😀", "x\u200by", "\u202ez", 'q"t', "b\\s", "{{x}}", "%s"),
)
TEXT_POOL = (
    *('"""', "'''", '"', "'", "\\", 'ends with "', "ends with \\", "a\nb", "\r\n", "\t", "\x00"),
    *("\x7f", "\x85", "\u2028", "\u202e", "\u200b", "\ufeff", "😀", "{{ 7 * 7 }}", "{% raw %}"),
    *payloads(),
)

names = st.sampled_from(NAME_POOL) | st.from_regex(r"[A-Za-z0-9_. -]{1,8}", fullmatch=True)
texts = st.sampled_from(TEXT_POOL) | st.text(max_size=12)
segments = st.sampled_from(["things", "class", "v1", "types", "2fa", "a b", "é", 'q"t']) | (
    st.from_regex(r"[a-zA-Z0-9_.\-]{1,8}", fullmatch=True)
)
scalars = texts | st.integers(-(2**70), 2**70) | st.booleans() | st.none()


def schemas(refs: list[str]) -> st.SearchStrategy[Any]:
    """Random JSON Schemas, some referring to the component schemas `refs`."""
    leaves: list[st.SearchStrategy[Any]] = [
        st.fixed_dictionaries(
            {"type": st.sampled_from(["string", "integer", "number", "boolean", "null"])},
            optional={
                "description": texts,
                "nullable": st.booleans(),
                "default": scalars,
                "format": st.sampled_from(["binary", "date-time", "int64"]),
            },
        ),
        st.fixed_dictionaries(
            {"enum": st.lists(texts, min_size=1, max_size=4)},
            optional={"type": st.just("string"), "description": texts},
        ),
        st.fixed_dictionaries({"enum": st.lists(scalars, min_size=1, max_size=4)}),
        st.fixed_dictionaries({"const": scalars}),
        st.just({}),
    ]
    if refs:
        leaves.append(st.sampled_from(refs).map(_ref))
    return st.recursive(st.one_of(leaves), _compound, max_leaves=6)


def _compound(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    objects = st.fixed_dictionaries(
        {"type": st.just("object"), "properties": st.dictionaries(names, children, max_size=4)},
        optional={
            "required": st.lists(names, max_size=3),
            "description": texts,
            "title": texts,
            "additionalProperties": children | st.booleans(),
        },
    )
    tagged = st.builds(
        lambda tags, kids: {
            "oneOf": [
                {"type": "object", "properties": {"kind": {"const": tag}, "value": kid}}
                for tag, kid in zip(tags, kids, strict=False)
            ],
            "discriminator": {"propertyName": "kind"},
        },
        st.lists(texts, min_size=2, max_size=3, unique=True),
        st.lists(children, min_size=3, max_size=3),
    )
    return st.one_of(
        objects,
        st.fixed_dictionaries({"type": st.just("array"), "items": children}),
        st.fixed_dictionaries({"oneOf": st.lists(children, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"anyOf": st.lists(children, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"allOf": st.lists(children, min_size=1, max_size=3)}),
        st.fixed_dictionaries(
            {"type": st.just(["object", "null"]), "additionalProperties": children}
        ),
        tagged,
    )


def _ref(name: str) -> dict[str, str]:
    return {"$ref": "#/components/schemas/" + name.replace("~", "~0").replace("/", "~1")}


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A random small OpenAPI 3.1 document."""
    component_names = draw(st.lists(names, max_size=4, unique=True))
    components = {
        name: draw(schemas(component_names).filter(lambda s: "$ref" not in s))
        for name in component_names
    }
    operation_ids = iter(draw(st.lists(names, min_size=3, max_size=3, unique=True)))
    paths: dict[str, Any] = {}
    for _ in range(draw(st.integers(1, 3))):
        literal = draw(st.lists(segments, max_size=3))
        params = draw(st.lists(names.filter(lambda n: not set(n) & set("{}/?#")), max_size=2))
        params = list(dict.fromkeys(params))
        parts = [*literal[:1], *(f"{{{p}}}" for p in params), *literal[1:]]
        path = "/" + "/".join(parts)
        verb = draw(st.sampled_from(["get", "post", "put", "patch", "delete"]))
        parameters = [
            {"name": p, "in": "path", "required": True, "schema": {"type": "string"}}
            for p in params
        ]
        for name, where in draw(
            st.lists(st.tuples(names, st.sampled_from(["query", "header"])), max_size=3)
        ):
            schema = draw(schemas(component_names))
            parameters.append({"name": name, "in": where, "schema": schema})
        operation: dict[str, Any] = {
            "summary": draw(texts),
            "description": draw(texts),
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": draw(texts),
                    "content": {"application/json": {"schema": draw(schemas(component_names))}},
                }
            },
        }
        if draw(st.booleans()):
            operation["operationId"] = next(operation_ids)
        if verb != "get" and draw(st.booleans()):
            body = draw(schemas(component_names))
            operation["requestBody"] = {"content": {"application/json": {"schema": body}}}
        paths.setdefault(path, {})[verb] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": draw(texts), "version": "1", "description": draw(texts)},
        "servers": [{"url": "https://api.example.com/" + draw(texts)}],
        "paths": paths,
        "components": {"schemas": components},
    }


# --- invariants ------------------------------------------------------------------------------


def schema_nodes(node: Any, *, merged: bool = False) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every schema object in a document part, and whether it is merged into something else:
    under an `allOf` (only one part of a non-object `allOf` becomes the type) or a union (a
    variant that admits anything makes the whole union `object`)."""
    if isinstance(node, dict):
        if "type" in node or "enum" in node or "properties" in node or "const" in node:
            yield node, merged
        for key, value in node.items():
            if key in ("default", "example", "examples", "const", "enum", "discriminator"):
                continue
            # (A class keeps extra properties untyped: `additionalProperties` next to
            # `properties` becomes no type of its own.)
            extra = key == "additionalProperties" and bool(node.get("properties"))
            inner = merged or extra or key in ("allOf", "oneOf", "anyOf")
            if isinstance(value, list):
                for item in value:
                    yield from schema_nodes(item, merged=inner)
            else:
                yield from schema_nodes(value, merged=inner)


def strings_in(node: Any) -> Iterator[str]:
    """Every string (and key) in JSON-like data."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from strings_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_in(item)


def literal_values(annotation: Any) -> Iterator[Any]:
    """Every `Literal` value inside an annotation."""
    if typing.get_origin(annotation) is typing.Literal:
        yield from typing.get_args(annotation)
    else:
        for arg in typing.get_args(annotation):
            yield from literal_values(arg)


def generated_literals(package: str) -> set[Any]:
    """Every `Literal` value in the annotations of an (importable) generated package."""
    found: set[Any] = set()
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if getattr(value, "__module__", None) != module.__name__:
                found.update(literal_values(value))  # a type alias
                continue
            owners: list[Any] = []
            if isinstance(value, type) and ".resources." in info.name:
                owners = [f for f in vars(value).values() if inspect.isfunction(f)]
            elif isinstance(value, type) and (
                is_typeddict(value) or hasattr(value, "model_fields")
            ):
                owners = [value]
            for owner in owners:
                hints = typing.get_type_hints(owner)
                found.update(v for hint in hints.values() for v in literal_values(hint))
    return found


def docstrings(root: Path) -> list[str]:
    """Every docstring-like string statement in the `.py` files under `root`, normalized."""
    out = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                out.append(normalized(node.value.value))
    return out


def normalized(text: str) -> str:
    """Text as a docstring keeps it: control characters other than tabs and line breaks
    dropped, whitespace collapsed."""
    dropped = {*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0))} - set("\t\n\r\x85")
    kept = "".join(c for c in text if c not in dropped)
    return " ".join(kept.replace("\u2028", " ").replace("\u2029", " ").split())


def without(document: dict[str, Any], pointers: list[str]) -> dict[str, Any]:
    """A copy of `document` without the nodes at `pointers` (what a warning skipped)."""
    copied: dict[str, Any] = copy.deepcopy(document)
    for pointer in pointers:
        *parents, last = split_pointer(pointer)
        node: Any = copied
        for token in parents:
            node = node[int(token)] if isinstance(node, list) else node[token]
        node[int(last) if isinstance(node, list) else last] = None
    return copied


def check_example(document: dict[str, Any], outcome: Outcome, package: str, out: Path) -> None:
    """The per-example invariants (the tree-wide ones run once, after all examples)."""
    assert compile_errors(out) == []
    assert invisible_characters(out) == []
    with importable(out, [package]):
        literals = generated_literals(package)
    spec_strings = set(strings_in(document))
    mangled = {v for v in literals if isinstance(v, str)} - spec_strings
    assert not mangled, f"Literal values not in the spec: {mangled!r}"
    skipped = [d.pointer for d in outcome.diagnostics if d.message.endswith("skipped")]
    for schema, merged in schema_nodes(without(document, skipped)):
        values = schema.get("enum")
        if merged or not isinstance(values, list):
            continue
        if values and all(isinstance(v, str) for v in values):
            missing = set(values) - literals
            assert not missing, f"enum values lost: {missing!r}"
    docs = docstrings(out)
    for name, schema in document["components"]["schemas"].items():
        description = schema.get("description") if isinstance(schema, dict) else None
        if isinstance(description, str) and normalized(description):
            wanted = normalized(description)
            assert any(wanted in doc for doc in docs), f"description of {name!r} lost"


# --- the tests -------------------------------------------------------------------------------


def run_examples(base: Path, examples: int, quick: bool) -> tuple[Path, list[str], Path]:
    """Generate `examples` random specs under `base`; return the joint tree, its packages and
    the canary path. `quick`: the same examples every run, and no shrinking of a failure
    (each step costs a generation)."""
    canary = base / "CANARY"
    counter = itertools.count()
    outputs: list[Path] = []
    errors: list[str] = []

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=quick,
        phases=[Phase.explicit, Phase.generate] if quick else list(Phase),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(documents())
    def example(document: dict[str, Any]) -> None:
        number = next(counter)
        directory = base / f"example_{number}"
        document = substitute(document, CANARY, str(canary))
        spec = write_spec(directory, document)
        package = f"random_{number}"
        try:
            outcome = run_pipeline(spec, directory / "out", package)
        except SpecError as exc:
            assert exc.pointer.startswith("#"), exc
            errors.append(str(exc))
            return
        assert not canary.exists(), "generation executed text from the spec"
        check_example(document, outcome, package, directory / "out")
        assert not canary.exists(), "the generated code executed text from the spec"
        outputs.append(directory / "out")

    example()
    # Specs are valid by construction except for rare clashes the loader rejects (two paths
    # that differ only in a parameter name, ...): most examples must generate.
    assert len(outputs) >= examples * 3 // 4, errors
    tree = base / "all"
    return tree, assemble(tree, outputs), canary


def check_tree(tree: Path, packages: list[str], canary: Path, batch: int) -> None:
    """ruff, mypy and the import check over the joint tree, `batch` packages per run."""
    result = ruff_check(tree, packages)
    assert result.returncode == 0, problems(result)
    for start in range(0, len(packages), batch):
        group = packages[start : start + batch]
        result = mypy_strict(tree, group)
        assert result.returncode == 0, problems(result)
        result = import_everything(tree, group)
        assert result.returncode == 0, problems(result)
    assert not canary.exists(), "the generated code executed text from the spec"


def test_random_specs(tmp_path: Path) -> None:
    tree, packages, canary = run_examples(tmp_path, examples=25, quick=True)
    check_tree(tree, packages, canary, batch=len(packages))


@pytest.mark.slow
def test_many_random_specs(tmp_path: Path) -> None:
    tree, packages, canary = run_examples(tmp_path, examples=400, quick=False)
    check_tree(tree, packages, canary, batch=50)
