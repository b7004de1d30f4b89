"""codegen.render.annotations: the type model printed as annotations, in both syntaxes."""

from pathlib import Path

import pytest

from codegen import ir
from codegen.render.annotations import annotation

A, B = ir.Ref("A"), ir.Ref("B")
STR, INT = ir.Primitive("str"), ir.Primitive("int")
TAGGED = ir.Discriminated("type", "type", (ir.Variant("a", (A,)), ir.Variant("b", (B,))), "X")


@pytest.mark.parametrize(
    ("side", "typ", "typing_syntax", "pep604"),
    [
        ("model", ir.Nullable(STR), "Optional[str]", "str | None"),
        ("param", ir.Nullable(ir.Union((A, B))), "Optional[Union[A, B]]", "A | B | None"),
        (
            "param",
            ir.List(ir.Nullable(ir.Literal(("a, b", "c")))),
            'Sequence[Optional[Literal["a, b", "c"]]]',
            'Sequence[Literal["a, b", "c"] | None]',
        ),
        ("model", ir.List(ir.Literal((1, True, -2))), "list[Literal[1, True, -2]]", None),
        (
            "model",
            ir.Dict(ir.Union((INT, STR))),
            "dict[str, Union[int, str]]",
            "dict[str, int | str]",
        ),
        ("param", ir.Nullable(ir.File()), "Optional[FileTypes]", "FileTypes | None"),
        ("model", ir.NONE, "None", "None"),
        (  # metadata that is a call: no PEP 604 anywhere in it
            "model",
            ir.Nullable(TAGGED),
            'Optional[Annotated[Union[Annotated[A, Tag("a")], Annotated[B, Tag("b")], '
            'Annotated[X, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("type", "a", "b"))]]',
            None,
        ),
    ],
)
def test_annotations(side: ir.Side, typ: ir.Type, typing_syntax: str, pep604: str | None) -> None:
    assert annotation(typ, side) == typing_syntax
    assert annotation(typ, side, pep604=True) == (pep604 or typing_syntax)


def test_shadowed_builtins_are_qualified() -> None:
    typ = ir.Nullable(ir.Union((ir.List(STR), ir.Dict(ir.OBJECT))))
    assert annotation(typ, "model", qualify=["list", "str"]) == (
        "Optional[Union[builtins.list[builtins.str], dict[builtins.str, object]]]"
    )
    assert annotation(typ, "param", qualify=["list"]) == (
        "Optional[Union[Sequence[str], dict[str, object]]]"
    )


def _all_types(api: ir.Api) -> list[tuple[ir.Side, ir.Type]]:
    found: list[tuple[ir.Side, ir.Type]] = []
    for module in api.type_modules:
        for item in module.definitions:
            if isinstance(item, ir.Alias):
                found.append((item.side, item.type))
            else:
                side: ir.Side = "model" if isinstance(item, ir.Model) else "param"
                found += [(side, f.type) for f in item.fields]
    for resource in api.resources:
        for method in resource.methods:
            found += [("param", p.type) for p in method.params]
            found += [("model", method.returns)] if method.returns is not None else []
    return found


def test_names_used_are_the_identifiers_the_annotation_prints() -> None:
    """`lower` keeps field names off the names their annotations use; it asks `names_used`,
    which must agree with the printed text (checked on every type of the snapshot specs)."""
    from codegen.config import load_config
    from codegen.lower import lower
    from codegen.render.annotations import names_used
    from codegen.render.imports import identifiers
    from codegen.spec import load_spec

    specs = Path(__file__).resolve().parents[2] / "snapshots" / "specs"
    checked = 0
    extra = [
        ("model", TAGGED),
        ("model", ir.Discriminated("k", "k_", TAGGED.variants, "X")),
        ("model", ir.Discriminated("k", "k", TAGGED.variants, "X", ("a",))),
        ("model", ir.Discriminated("k", "k_", TAGGED.variants, "X", ("a", "b"))),
    ]
    for spec in sorted(p for p in specs.glob("*.yaml") if not p.name.endswith(".sdk.yaml")):
        config = spec.with_name(spec.stem + ".sdk.yaml")
        api, _ = lower(load_spec(spec), load_config(config if config.exists() else None))
        for side, typ in [*_all_types(api), *extra]:
            assert names_used(typ, side) == identifiers(annotation(typ, side)), typ
            checked += 1
    assert checked > 150
