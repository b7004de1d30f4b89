"""`load_spec`: read an OpenAPI document, bundle its external files, check its structure.

`load_spec(path)` returns a `Spec` whose `.document` is self-contained: every `$ref` in it is a
canonical local JSON pointer that resolves, and no chain of references loops (`bundle`). Every
problem is a `SpecError` naming the file and JSON pointer where it is, never a traceback.

Problems in parts no operation reaches are warnings and those parts are skipped (`tolerate`);
a Swagger 2.0 document is recognised and the error says how to convert it.

Reading is the expensive part on big specs (`read`). Full validation against the OpenAPI schema
(`validate`, openapi-spec-validator) takes several seconds on such a spec, so it only runs when
asked (`validate=True`, `python -m codegen validate`); the structural checks always run.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SKIPPED_OPERATION, SpecError
from .bundle import bundle
from .document import Spec
from .read import display_path, read_document
from .structure import check_document
from .tolerate import tolerate
from .validate import validate_spec

__all__ = ["load_spec"]


def load_spec(path: Path, *, validate: bool = False) -> Spec:
    """Read, bundle and check the OpenAPI document at `path`.

    Problems in parts no operation uses are warnings (those parts are removed, see
    `tolerate`); an operation that cannot be called is a `skipped-operation` error diagnostic
    (the caller decides whether that stops generation); anything else raises `SpecError`.
    With `validate=True` the document is also validated against the OpenAPI schema with
    `openapi-spec-validator` (slow on big specs); the first problem raises `SpecError`.
    """
    shown = display_path(path)
    document = read_document(path)
    if not isinstance(document, dict):
        raise SpecError("#", "an OpenAPI document must be an object", shown)
    version = document.get("openapi")
    if "swagger" in document and version is None:
        raise SpecError("#/swagger", _swagger_message(document["swagger"]), shown)
    if not isinstance(version, str) or not re.fullmatch(r"3\.[01]\.\d+(?:-[\w.]+)?", version):
        raise SpecError(
            "#/openapi",
            f"expected an OpenAPI version string 3.0.x or 3.1.x, got {version!r}",
            shown,
        )
    try:
        bundled = bundle(path, document)
        warnings = tolerate(document, bundled.problems)
        spec = Spec(document, path, version, bundled.origins)
        spec.diagnostics = [*warnings, *check_document(document)]
    except RecursionError:
        raise SpecError("#", "document is nested too deeply", shown) from None
    for problem in spec.diagnostics:
        if problem.level == "error" and problem.kind != SKIPPED_OPERATION:
            file, pointer = spec.origin(problem.pointer)
            raise SpecError(pointer, problem.message, display_path(file))
    if validate:
        problems = validate_spec(spec)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise SpecError(problems[0].pointer, problems[0].message + more, shown)
    return spec


def _swagger_message(version: object) -> str:
    return (
        f"this is a Swagger {version} document; sdkgen reads OpenAPI 3.0 and 3.1. Convert it "
        "first, e.g. `npx swagger2openapi --yaml --outfile openapi.yaml swagger.yaml` (or the "
        "Swagger Editor's Edit > Convert to OpenAPI 3), and generate from the result"
    )
