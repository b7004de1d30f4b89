"""`load_spec`: read an OpenAPI document, bundle its external files, check its structure.

`load_spec(path)` returns a `Spec` whose `.document` is self-contained: every `$ref` in it is a
canonical local JSON pointer that resolves, and no chain of references loops (`bundle`). Every
problem is a `SpecError` naming the file and JSON pointer where it is, never a traceback.

Reading is the expensive part on big specs (`read`). Full validation against the OpenAPI schema
(`validate`, openapi-spec-validator) takes several seconds on such a spec, so it only runs when
asked (`validate=True`, `python -m codegen validate`); the structural checks always run.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SpecError
from .bundle import bundle
from .document import Spec
from .read import display_path, read_document
from .structure import check_document
from .validate import validate_spec

__all__ = ["load_spec"]


def load_spec(path: Path, *, validate: bool = False) -> Spec:
    """Read, bundle and check the OpenAPI document at `path`.

    With `validate=True` the document is also validated against the OpenAPI schema with
    `openapi-spec-validator` (slow on big specs); the first problem raises `SpecError`.
    """
    shown = display_path(path)
    document = read_document(path)
    if not isinstance(document, dict):
        raise SpecError("#", "an OpenAPI document must be an object", shown)
    version = document.get("openapi")
    if not isinstance(version, str) or not re.fullmatch(r"3\.[01]\.\d+(?:-[\w.]+)?", version):
        raise SpecError(
            "#/openapi",
            f"expected an OpenAPI version string 3.0.x or 3.1.x, got {version!r}",
            shown,
        )
    try:
        bundled = bundle(path, document)
        spec = Spec(document, path, version, bundled.origins)
        spec.diagnostics = check_document(document)
    except RecursionError:
        raise SpecError("#", "document is nested too deeply", shown) from None
    for problem in spec.diagnostics:
        if problem.level == "error":
            raise SpecError(problem.pointer, problem.message, shown)
    if validate:
        problems = validate_spec(spec)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise SpecError(problems[0].pointer, problems[0].message + more, shown)
    return spec
