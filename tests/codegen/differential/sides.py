"""The two readings compared: our generated SDK's models and datamodel-code-generator's.

Each side is generated into a folder by its own command line (`python -m codegen generate
--no-config`, `datamodel-codegen`), imported, and asked for a verdict per instance:

- ours, **lenient** (the SDK's default): does the JSON validate against the type the SDK
  would parse it into? (When it does not, the SDK builds it without validation; that must not
  raise either, which is checked too.)
- ours, **strict** (`strict_response_validation=True`): does the SDK accept it, or raise?
- datamodel-code-generator's model, validated by pydantic in lax mode (its default), and in
  strict mode for the comparison with our strict mode.

Our class for a component schema is found by name (the generator's `PascalCase` rule; a name
generated modules import gets `_`, other clashes `2`, `3`, ...) and confirmed by shape: an object schema's model must have exactly its
properties as fields. A schema that maps to no class, or to one whose fields differ, is
reported as unmapped, never silently skipped.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import keyword
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import pydantic

from .instances import Generator

__all__ = ["DCG_ARGS", "Side", "dcg_side", "our_side"]

ROOT = Path(__file__).resolve().parents[3]
# `format: email` as a plain string: its EmailStr needs the optional email-validator package,
# and our models do not check addresses either (DigitalOcean has such fields).
DCG_ARGS = (
    "--input-file-type",
    "openapi",
    "--preset",
    "standard-py311-20261120",
    "--type-mappings",
    "string+email=string",
)
_WORD_SPLIT = re.compile(r"[^0-9A-Za-z]+")
_MODULAR = "Modular references require an output directory"

# None when the instance is accepted, else the first validation error ("loc: message");
# raises on a crash.
Verdict = Callable[[bytes], str | None]


@dataclass
class Side:
    """One reading: schema name -> (lenient verdict, strict verdict)."""

    name: str
    verdicts: dict[str, tuple[Verdict, Verdict]]
    unmapped: dict[str, str]  # schema -> why it has no comparable type on this side
    seconds: float


class SideFailed(Exception):
    """A side could not be generated or imported at all (the message says why)."""


# ---------------------------------------------------------------------------------- ours


def _class_name(name: str) -> str:
    """The generator's class name for a schema name, before clashes (`codegen.naming`)."""
    result = "".join(p[0].upper() + p[1:] for p in _WORD_SPLIT.split(name) if p) or "Model"
    if result[0].isdigit():
        result = "N" + result
    if keyword.iskeyword(result) or result in ("l", "I", "O"):
        result += "_"
    return result


def our_side(spec: Path, out: Path, document: Mapping[str, Any], gen: Generator) -> Side:
    import time

    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "codegen",
            "generate",
            "--spec",
            str(spec),
            "--no-config",
            # The models are compared: operations the generator cannot express yet (Stripe's
            # and Twilio's form bodies) are skipped, as the warnings say.
            "--allow-skip",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
    )
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-3:]
        raise SideFailed(f"sdkgen generate exited {proc.returncode}: {' | '.join(tail)}")
    seconds = time.perf_counter() - start
    package = next(
        p.name
        for p in sorted(out.iterdir())
        if (p / "__init__.py").exists() and p.name != "tests"  # tests/: the SDK's own tests
    )
    sys.path.insert(0, str(out))
    types = importlib.import_module(f"{package}.types")
    models = importlib.import_module(f"{package}._models")
    exported = set(getattr(types, "__all__", ()))
    schemas = document.get("components", {}).get("schemas", {})
    by_class: dict[str, list[str]] = {}
    for name in schemas:
        by_class.setdefault(_class_name(name), []).append(name)
    verdicts: dict[str, tuple[Verdict, Verdict]] = {}
    unmapped: dict[str, str] = {}
    for name in sorted(schemas):
        base = _class_name(name)
        # A name generated modules import gets `_` (`Field_`), a clash of the spec's own names
        # a number.
        candidates = [base, base + "_"] + [f"{base}{n}" for n in range(2, 6)]
        found: Any = None
        why = f"no type {base} in {package}.types (request-side only?)"
        for candidate in candidates:
            if candidate not in exported:
                continue
            obj = getattr(types, candidate)
            if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel):
                if _fields(obj) == _properties(gen, name):
                    found = obj
                    break
                why = f"{candidate}'s fields differ from the schema's properties"
            elif len(by_class[base]) == 1 and candidate == base:
                found = obj
                break
            else:
                why = f"{candidate} is not a model and {len(by_class[base])} schemas share its name"
        if found is None:
            unmapped[name] = why
            continue
        # A nullable schema is `Optional[X]` wherever the SDK refers to it.
        nullable = gen.nullable({"$ref": _pointer(name)})
        type_ = Optional[found] if nullable else found  # noqa: UP045 (as generated code spells it)
        verdicts[name] = (_ours_lenient(models, type_), _ours_strict(models, type_))
    return Side("sdkgen", verdicts, unmapped, seconds)


def _pointer(name: str) -> str:
    return "#/components/schemas/" + name.replace("~", "~0").replace("/", "~1")


def _fields(model: type[pydantic.BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def _properties(gen: Generator, name: str) -> set[str] | None:
    schema = gen.resolve({"$ref": _pointer(name)})
    props: set[str] = set()
    parts = [schema]
    # "an inline object or null" (anyOf [object, null]): the object is the class
    for key in ("anyOf", "oneOf"):
        variants = schema.get(key) if isinstance(schema, Mapping) else None
        if variants:
            objects = [
                v for v in variants if not (isinstance(v, Mapping) and v.get("type") == "null")
            ]
            if len(objects) == 1:
                parts = [objects[0]]
    for part in parts:
        for piece in gen._flatten(part, 0):
            # writeOnly properties are never in a response: models leave them out.
            props |= {
                name
                for name, prop in (piece.get("properties") or {}).items()
                if not (isinstance(prop, Mapping) and prop.get("writeOnly") is True)
            }
            # A required name without a property is a field too (JSON Schema requires the key).
            required = piece.get("required")
            declared = piece.get("properties") or {}
            props |= {
                str(r)
                for r in (required if isinstance(required, list) else [])
                if not (isinstance(declared.get(r), Mapping) and declared[r].get("writeOnly"))
            }
    return props


def _validate(models: Any, type_: Any, data: bytes, strict: bool) -> Any:
    """The SDK's own validation step (`_models.validate_json` when the runtime has it)."""
    validate_json = getattr(models, "validate_json", None)
    if validate_json is not None:
        return validate_json(type_, data, strict=strict)
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate_json(data)
    return models.type_adapter(type_).validate_json(data)


def first_error(exc: pydantic.ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "<root>"
    return f"{where}: {error['msg']}"[:160]


def _ours_lenient(models: Any, type_: Any) -> Verdict:
    def verdict(data: bytes) -> str | None:
        try:
            _validate(models, type_, data, strict=False)
        except pydantic.ValidationError as exc:
            # What the SDK does next: build it without validation. That must not fail.
            models.parse_lenient(type_, json.loads(data), exc)
            return first_error(exc)
        return None

    return verdict


def _ours_strict(models: Any, type_: Any) -> Verdict:
    def verdict(data: bytes) -> str | None:
        try:
            _validate(models, type_, data, strict=True)
        except pydantic.ValidationError as exc:
            return first_error(exc)
        return None

    return verdict


# ----------------------------------------------------------------------------------- dcg


def dcg_side(spec: Path, out: Path, schemas: Mapping[str, Any]) -> Side:
    """datamodel-code-generator's models (one file, or a package where it refuses one)."""
    import time

    exe = Path(sys.executable).parent / "datamodel-codegen"
    meta = out / "models.json"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    target = out / "dcg_models.py"
    argv = [str(exe), "--input", str(spec), *DCG_ARGS, "--emit-model-metadata", str(meta)]
    proc = subprocess.run(
        [*argv, "--output", str(target)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0 and _MODULAR in proc.stderr:
        target = out / "dcg_models"
        proc = subprocess.run(
            [*argv, "--output", str(target)], capture_output=True, text=True, check=False
        )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SideFailed(
            f"datamodel-codegen exited {proc.returncode}: {proc.stderr.strip().splitlines()[-1:]}"
        )
    sys.path.insert(0, str(out))
    modules: dict[str, Any] = {}
    verdicts: dict[str, tuple[Verdict, Verdict]] = {}
    unmapped: dict[str, str] = {}
    for entry in json.loads(meta.read_text())["models"]:
        path = entry.get("source_path") or []
        if len(path) != 3 or path[:2] != ["components", "schemas"] or path[2] not in schemas:
            continue
        name = path[2]
        module_name = "dcg_models" + (f".{entry['module']}" if entry.get("module") else "")
        try:
            module = modules.get(module_name) or importlib.import_module(module_name)
        except Exception as exc:  # a module DCG wrote that does not import
            unmapped[name] = f"{module_name} does not import: {type(exc).__name__}: {exc}"
            continue
        modules[module_name] = module
        cls = getattr(module, entry["class_name"], None)
        if cls is None:
            unmapped[name] = f"{module_name} has no {entry['class_name']}"
            continue
        verdicts[name] = _dcg_verdicts(cls)
    for name in schemas:
        if name not in verdicts and name not in unmapped:
            unmapped[name] = "no model in datamodel-codegen's output"
    return Side("datamodel-code-generator", verdicts, unmapped, seconds)


def _dcg_verdicts(cls: Any) -> tuple[Verdict, Verdict]:
    adapter: list[pydantic.TypeAdapter[Any]] = []

    def run(data: bytes, strict: bool) -> str | None:
        if not adapter:
            adapter.append(pydantic.TypeAdapter(cls))
        try:
            adapter[0].validate_json(data, strict=strict)
        except pydantic.ValidationError as exc:
            return first_error(exc)
        return None

    return (lambda data: run(data, False)), (lambda data: run(data, True))


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "CI": "true"}
