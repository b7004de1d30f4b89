"""Full validation of a loaded spec against the OpenAPI schema (openapi-spec-validator).

Slow on big specs (about 9 s for the 3 MB OpenAI spec, against about 1 s for `load_spec`'s own
structural checks), so it runs only when asked: `python -m codegen validate`, or
`load_spec(path, validate=True)`. Every problem comes back as a `Diagnostic` whose pointer
names the node in the document, also for problems found inside referenced schemas.
"""

from __future__ import annotations

from typing import Any

from ..errors import Diagnostic
from .document import Spec
from .pointer import join_pointer, split_pointer

__all__ = ["validate_spec"]


def _through_refs(spec: Spec, tokens: list[str]) -> str:
    """The pointer of the node at `tokens`, where the path may pass through `$ref`s.

    The validator reports `.../schema/required` for the `required` of the schema that
    `.../schema` references; the user needs `#/components/schemas/X/required`.
    """
    real: list[str] = []
    node: Any = spec.document
    for token in tokens:
        if isinstance(node, dict) and token not in node and isinstance(node.get("$ref"), str):
            pointer, node = spec.resolve(node)
            real = split_pointer(pointer)
        real.append(token)
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            node = None
    return join_pointer("#", *real)


def validate_spec(spec: Spec, *, limit: int = 50) -> list[Diagnostic]:
    """Validate `spec` against the OpenAPI schema (openapi-spec-validator); up to `limit` errors.

    The validator reports errors inside schemas relative to the schema it was checking; each
    of its keyword validators is wrapped here to remember where that schema is, so every
    error gets a pointer into the document.
    """
    from jsonschema_path import SchemaPath
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    base: Any = OpenAPIV30SpecValidator
    if spec.openapi_version.startswith("3.1"):
        base = OpenAPIV31SpecValidator

    def located(cls: Any, suffix: tuple[str, ...]) -> Any:
        class Located(cls):  # type: ignore[misc]
            def __call__(self, *args: Any, **kwargs: Any) -> Any:
                at = next((a.parts for a in args if isinstance(a, SchemaPath)), None)
                for error in super().__call__(*args, **kwargs):
                    if not isinstance(error, OpenAPIValidationError):  # as the validator would
                        error = OpenAPIValidationError.create_from(error)
                    if at is not None and not hasattr(error, "sdkgen_at"):
                        error.sdkgen_at = (*at, *suffix)
                    yield error

        return Located

    keyword_validators = {
        name: located(cls, ("default",) if name == "default" else ())
        for name, cls in base.keyword_validators.items()
    }
    validator = type("LocatedSpecValidator", (base,), {"keyword_validators": keyword_validators})
    problems: list[Diagnostic] = []
    try:
        for error in validator(spec.document).iter_errors():
            tokens = [str(t) for t in (*getattr(error, "sdkgen_at", ()), *error.absolute_path)]
            message = error.message if len(error.message) <= 300 else error.message[:297] + "..."
            problem = Diagnostic("error", _through_refs(spec, tokens), message)
            if problem not in problems:  # a schema reached along two paths is reported once
                problems.append(problem)
            if len(problems) >= limit:
                break
    except Exception as exc:  # the validator's own failure on odd input is still a finding
        problems.append(Diagnostic("error", "#", f"openapi-spec-validator failed: {exc!r}"))
    return problems
