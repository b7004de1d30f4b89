"""codegen.spec.read and .load: YAML and JSON in, errors with line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _spec_support import MINIMAL, OPENAI_SPEC, all_refs, error_of, write

from codegen.spec import (
    Spec,
    load_spec,
    read_document,
)

# --- reading ---------------------------------------------------------------------------------


def test_loads_a_minimal_spec(tmp_path: Path) -> None:
    spec = load_spec(write(tmp_path, "api.yaml", MINIMAL))
    assert spec.openapi_version == "3.1.0"
    assert spec.path == tmp_path / "api.yaml"
    assert spec.document["components"]["schemas"]["Pet"]["required"] == ["id"]
    assert spec.diagnostics == []


def test_json_spec(tmp_path: Path) -> None:
    import yaml

    document = yaml.safe_load(MINIMAL)
    path = tmp_path / "api.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_spec(path).document == load_spec(write(tmp_path, "api.yaml", MINIMAL)).document


def test_yaml_scalars_follow_yaml_1_2(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "doc.yaml",
        """\
        words: [on, off, yes, no, y, n]
        date: 2024-10-01
        bools: [true, false, True]
        numbers: [1, -2, 1.5, 1e3, 0x1F, 09]
        nothing: ~
        responses:
          200: {description: ok}
        """,
    )
    document = read_document(path)
    assert document["words"] == ["on", "off", "yes", "no", "y", "n"]
    assert document["date"] == "2024-10-01"
    assert document["bools"] == [True, False, True]
    assert document["numbers"] == [1, -2, 1.5, 1000.0, 31, 9]
    assert document["nothing"] is None
    assert list(document["responses"]) == ["200"]


def test_yaml_merge_keys_are_supported(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.yaml", "base: &b {a: 1, b: 2}\nderived: {<<: *b, b: 3}\n")
    assert read_document(path)["derived"] == {"a": 1, "b": 3}


def test_duplicate_yaml_key_is_an_error_with_line(tmp_path: Path) -> None:
    path = write(tmp_path, "api.yaml", "openapi: 3.1.0\npaths: {}\npaths: {}\n")
    error = error_of(path)
    assert "duplicate key 'paths'" in error.message
    assert "line 3, column 1" in error.message


_TRICKY_YAML = [
    "a: &x {k: [1, 2.5, .inf, -.INF, .nan, 0x1F, +3, 1_000]}\nb: *x\nc: [*x, *x]\n",
    "base: &b {a: 1, b: 2}\nmore: &m {c: 3}\nd: {<<: [*b, *m], b: 9}\ne: {<<: *b}\n",
    "s: !!str 12\nf: !!float 3\ni: !!int '7'\nb: !!bool yes\nn: !!null x\nbin: !!binary aGk=\n",
    "set: !!set {a, b}\nomap: !!omap [{a: 1}, {b: 2}]\nt: !!timestamp 2024-01-02\n",
    "- [[[]], {}, '', ~, null, 'null', true, 'true', on, 2024-10-01, '200']\n- {200: x}\n",
    "x: !!map {a: !!seq [1, !!str 2]}\ny: {? [1, 2] : no}\n",
    "scalar at the root\n",
    "",
]


@pytest.mark.parametrize("text", _TRICKY_YAML)
def test_yaml_data_matches_pyyamls_own_construction(text: str) -> None:
    """The loader's direct construction gives exactly what PyYAML's constructors give (types
    included: `repr` tells 1 from 1.0 and True), or the same error."""
    import yaml

    from codegen.spec.read import _Loader

    def generic() -> object:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            return (
                None
                if node is None
                else yaml.constructor.BaseConstructor.construct_document(loader, node)
            )
        finally:
            loader.dispose()

    try:
        expected: object = repr(generic())
    except yaml.YAMLError as exc:
        expected = str(exc)
    try:
        got: object = repr(yaml.load(text, Loader=_Loader))
    except yaml.YAMLError as exc:
        got = str(exc)
    assert got == expected


def test_yaml_aliases_share_one_object_and_may_contain_themselves(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.yaml", "a: &x {k: [1]}\nb: *x\nloop: &l {self: *l}\n")
    document = read_document(path)
    assert document["a"] is document["b"]
    assert document["loop"]["self"] is document["loop"]


def test_the_first_duplicate_key_reported_is_pyyamls(tmp_path: Path) -> None:
    # PyYAML builds level by level: the shallower duplicate is found first, even though the
    # deeper one comes first in the file.
    path = write(tmp_path, "doc.yaml", "a: {b: {c: 1, c: 2}}\nz: {y: 1, y: 2}\n")
    assert "duplicate key 'y'" in error_of(path).message


def test_yaml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "api.yaml", "openapi: 3.1.0\npaths:\n  /a: [\n")
    error = error_of(path)
    assert error.pointer == "#"
    assert error.file is not None and error.file.endswith("api.yaml")
    assert "invalid YAML at line 4, column 1" in error.message
    assert str(error).startswith(f"{error.file}#: invalid YAML")


def test_json_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "api.json", '{"openapi": "3.1.0",\n "paths": {,}}')
    assert "invalid JSON at line 2, column 12" in error_of(path).message


def test_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.yaml").message == "file not found"


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text('{"openapi": "3.1.0", "paths": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "nested too deeply" in error_of(path).message


@pytest.mark.openai_spec
@pytest.mark.skipif(not OPENAI_SPEC.exists(), reason="needs ../shared/specs")
def test_openai_spec_loads() -> None:
    spec = load_spec(OPENAI_SPEC)
    assert isinstance(spec, Spec)
    assert len(spec.document["paths"]) > 100
    assert all(ref.startswith("#/") for ref in all_refs(spec.document))
