"""A hand-written helper (`ir.HelperMethod`) as a method of its resource.

The method is printed like a generated one (`PrintedMethod`), so the resource template writes
both the same way. A helper based on a generated method takes that method's parameters, printed
exactly as there, except the ones it drops or redeclares, then its own (from `templates/lib/`),
then the standard per-call options; its body calls the lib function with the base method and
those arguments:

    def stream(self, *, model: str, messages: Sequence[...], ..., response_format: ... = NOT_GIVEN,
               extra_headers: Headers | None = None, ...) -> ChatCompletionStreamManager[...]:
        return chat_helpers.stream(self.create, params={"model": model, ...}, response_format=...)
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import ir
from .imports import KNOWN_NAMES, Imports, relative, section_of
from .methods import CallArg, Param, PrintedMethod, Signature, doc_with_args, printed_params

__all__ = [
    "STANDARD_OPTIONS",
    "helper_doc_signature",
    "helper_imports",
    "helper_module_name",
    "print_helper",
]

STANDARD_OPTIONS = (
    "extra_headers",
    "extra_query",
    "extra_body",
    "timeout",
    "max_retries",
    "deadline",
)
"""The per-call options every generated method takes (printed by the template's `params`)."""


def helper_module_name(helper: ir.HelperMethod) -> str:
    """The name the resource module imports the helper's lib module as (`chat_helpers`)."""
    return helper.module.rpartition("/")[2]


def _own(signature: ir.HelperSignature) -> list[Param]:
    return [Param(p.name, p.annotation, p.default) for p in signature.params]


def print_helper(
    helper: ir.HelperMethod,
    base: ir.Method | None,
    *,
    is_async: bool,
    qualify: Iterable[str] = (),
) -> PrintedMethod:
    """The sync or async form of `helper`; `base` is the generated method it is based on."""
    form = helper.async_ if is_async else helper.sync
    own_names = helper.own()
    positional: tuple[Param, ...] = ()
    required: list[Param] = []
    optional: list[Param] = []
    passed: list[str] = []
    if base is not None:
        leave_out = frozenset(helper.drop) | own_names
        positional, required, optional = printed_params(
            base, frozenset(qualify), leave_out=leave_out
        )
        passed = [*(p.name for p in positional), *(p.name for p in (*required, *optional))]

    def signature(declared: ir.HelperSignature) -> Signature:
        return Signature(
            positional, (*required, *optional, *_own(declared)), declared.returns, base is not None
        )

    module = helper_module_name(helper)
    target = f"{module}.{form.function}("
    call_open = f"return await {target}" if form.is_async else f"return {target}"
    if base is not None:
        entries = tuple(f'"{name}": {name}' for name in (*passed, *STANDARD_OPTIONS))
        args = [CallArg("", f"self.{base.name}"), CallArg("params", "", entries)]
    else:
        args = [CallArg("", "self")]
    args += [CallArg(p.name, p.name) for p in form.signature.params]
    parts = [helper.doc] if helper.doc else []
    if base is not None:
        # One home per description: the base method documents its own parameters.
        parts.append(f"Takes the parameters of `{base.name}()` (see there), and:")
    own_docs = [(p.name, p.doc) for p in form.signature.params]
    return PrintedMethod(
        name=helper.name,
        def_keyword="async def" if form.is_async else "def",
        overloads=tuple(signature(s) for s in form.overloads),
        signature=signature(form.signature),
        doc=doc_with_args(parts, own_docs),
        call_open=call_open,
        call_close=")",
        args=tuple(args),
    )


def helper_doc_signature(helper: ir.HelperMethod) -> str:
    """How api.md shows a helper: `stream(**create_params, response_format: ... = NOT_GIVEN,
    ...) -> ChatCompletionStreamManager[ResponseFormatT]` (the sync form)."""
    signature = helper.sync.signature
    shown = [f"**{helper.based_on}_params"] if helper.based_on else []
    for param in signature.params:
        default = f" = {param.default}" if param.default is not None else ""
        shown.append(f"{param.name}: {param.annotation}{default}")
    return f"{helper.name}({', '.join(shown)}) -> {signature.returns}"


def helper_imports(imports: Imports, module: str, helpers: tuple[ir.HelperMethod, ...]) -> None:
    """The lib modules the helpers call, and the names their annotations use: generated and
    well-known names as usual, the others from where the lib module gets them."""
    for helper in helpers:
        package, _, name = relative(module, helper.module).rpartition(".")
        imports.add_from(package, name, "local")
        for used in helper.imports:
            if used.name in KNOWN_NAMES or imports.is_generated(used.name):
                imports.need(used.name)
            elif used.absolute:
                imports.add_from(used.module, used.name, section_of(used.module))
            else:
                imports.add_from(relative(module, used.module), used.name, "local")
