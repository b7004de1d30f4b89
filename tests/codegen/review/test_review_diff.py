"""codegen.review: SDK surface diffs, classified for Python callers.

Three layers: types (flattening IR types, subtyping) as tables; `compare` on hand-built surfaces
for the change kinds a spec edit cannot produce on its own (moves, positional parameters, wire
names); and the whole pipeline (load -> lower -> surface -> compare) on the fixture specs under
`fixtures/diff/`, where each difference between old.yaml and new.yaml is one change kind.
The classification of whole spec edits, and OpenAI's changes, are in test_review_table.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from codegen import ir
from codegen.cli import main
from codegen.ir.types import union
from codegen.review import SpecSource, build_surface, resolve_source
from codegen.review.diff import Change, compare
from codegen.review.report import bump_version, render_json, render_markdown, summarize
from codegen.review.surface import ErrorBody, Field, Method, Param, Surface, TypeDef
from codegen.review.types import Atom, FlatType, Scope, Undecidable, flatten, is_subtype

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
OLD, NEW = FIXTURES / "old.yaml", FIXTURES / "new.yaml"

STR, INT, FLOAT, BOOL, OBJECT = (ir.Primitive(k) for k in ("str", "int", "float", "bool", "object"))
FOO, BAR = ir.Ref("Foo"), ir.Ref("Bar")


def lit(*values: str | int | bool) -> ir.Literal:
    return ir.Literal(values)


def flat(typ: ir.Type, side: ir.Side = "model") -> FlatType:
    return flatten(typ, side)


def generic(head: str, *args: FlatType) -> FlatType:
    """A generic the IR does not build (`Mapping[...]`, a bare `list`), for subtyping tables."""
    return FlatType((Atom(head, None, args),))


NOTHING = FlatType((), True)
"""What a method returning None returns."""


def page(cls: str, item: ir.Type) -> FlatType:
    """What a list method returns: a page class over `item`."""
    return generic(cls, flat(item))


# ----------------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (ir.Nullable(ir.Union((STR, INT))), ir.Union((INT, STR, ir.NONE))),
        (ir.Union((INT, ir.Union((STR, INT)))), ir.Union((STR, INT))),
        (lit("a", "b"), ir.Union((lit("b"), lit("a")))),
        (ir.Nullable(ir.Union((lit(False), lit(True)))), ir.Nullable(BOOL)),  # a stream flag
        (ir.Nullable(ir.Nullable(FOO)), union([FOO, ir.NONE])),
    ],
)
def test_forms_of_one_type_flatten_equal(left: ir.Type, right: ir.Type) -> None:
    assert flat(left) == flat(right)


def test_flattening_keeps_literal_values_and_sides_apart() -> None:
    assert flat(ir.Union((lit("stop", "length"), STR))).literals == ("'length'", "'stop'")
    assert (
        str(flat(ir.Nullable(ir.Union((lit("b", "a"), STR))))) == "Literal['a', 'b'] | str | None"
    )
    assert str(flat(lit(1, True, -2))) == "Literal[-2, 1, True]"
    assert str(flat(ir.List(INT))) == "list[int]"
    assert str(flat(ir.List(INT), "param")) == "Sequence[int]"
    assert str(flat(ir.Dict(ir.File()), "param")) == "dict[str, FileTypes]"


def test_generated_classes_named_like_typing_aliases_keep_their_names() -> None:
    assert [a.head for a in flat(ir.Union((ir.Ref("List"), ir.Ref("Type")))).atoms] == [
        "List",
        "Type",
    ]


def test_discriminated_union_fallback_makes_the_union_open() -> None:
    cat, dog = ir.Ref("Cat"), ir.Ref("Dog")
    closed = flat(ir.Union((cat, dog)))
    opened = flat(ir.Discriminated("type", "type", (ir.Variant("cat", (cat,)),), "AnimalUnknown"))
    assert not closed.is_open_union
    assert opened.is_open_union
    assert [a.head for a in opened.atoms if a.fallback] == ["AnimalUnknown"]


@pytest.mark.parametrize(
    ("sub", "sup", "expected"),
    [
        (flat(INT), flat(FLOAT), True),
        (flat(FLOAT), flat(INT), False),
        (flat(BOOL), flat(INT), True),
        (flat(lit("a")), flat(STR), True),
        (flat(lit("a")), flat(lit("a", "b")), True),
        (flat(lit("a", "b")), flat(lit("a")), False),
        (flat(lit(1)), flat(STR), False),
        (flat(STR), flat(ir.Nullable(STR)), True),
        (flat(ir.Nullable(STR)), flat(STR), False),
        (flat(ir.List(INT)), flat(ir.List(FLOAT), "param"), True),
        (flat(ir.List(INT), "param"), flat(ir.List(INT)), False),
        (flat(ir.Dict(INT)), generic("Mapping", flat(STR), flat(OBJECT)), True),
        (flat(FOO), flat(OBJECT), True),
        (flat(FOO), flat(BAR), False),
        (generic("list"), flat(ir.List(INT)), True),
    ],
)
def test_subtyping(sub: FlatType, sup: FlatType, expected: bool) -> None:
    assert is_subtype(sub, sup) is expected


def test_subtyping_resolves_aliases_on_each_side() -> None:
    color = Scope(aliases={"Color": flat(lit("red", "green"))}.get)
    assert is_subtype(flat(ir.Ref("Color")), flat(STR), color)
    assert not is_subtype(flat(STR), flat(ir.Ref("Color")), sup_scope=color)


def test_aliases_nested_too_deep_are_undecidable() -> None:
    chain = Scope(aliases=lambda name: flat(ir.Ref(name + "x")) if len(name) < 20 else None)
    with pytest.raises(Undecidable):
        is_subtype(flat(ir.Ref("A")), flat(STR), chain)


def test_typeddicts_compare_by_their_keys() -> None:
    """Type checkers compare TypedDicts structurally: a renamed TypedDict with the same keys
    accepts the same dicts; one that requires a new key accepts fewer."""
    keys = {
        "OldParam": {"a": (flat(STR), True), "b": (flat(INT), False)},
        "SameParam": {"a": (flat(STR), True), "b": (flat(INT), False)},
        "WiderParam": {"a": (flat(STR), True), "b": (flat(FLOAT), False), "c": (flat(INT), False)},
        "StricterParam": {"a": (flat(STR), True), "b": (flat(INT), True)},
    }
    scope = Scope(keys=keys.get)

    def sub(a: str, b: str) -> bool:
        return is_subtype(flat(ir.Ref(a)), flat(ir.Ref(b)), scope, scope)

    assert sub("OldParam", "SameParam") and sub("SameParam", "OldParam")
    assert sub("OldParam", "WiderParam") and not sub("WiderParam", "OldParam")
    assert sub("StricterParam", "OldParam") and not sub("OldParam", "StricterParam")
    assert not sub("OldParam", "Model")  # a model is only its own class


# ---------------------------------------------------------------- compare: hand-built surfaces


def _param(name: str, typ: ir.Type, required: bool = True, positional: bool = False) -> Param:
    return Param(name, flat(typ, "param"), required, positional)


def _method(
    path: str,
    *params: Param,
    returns: FlatType = NOTHING,
    http: str = "GET /x",
    stream: ir.Type | None = None,
) -> Method:
    resource, name = path.removeprefix("client.").rsplit(".", 1)
    found = next((a.head for a in returns.atoms if a.head.endswith("Page")), None)
    chunk = flat(stream) if stream is not None else None
    return Method(path, resource, name, http, params, returns, chunk, found, None)


def _field(name: str, typ: ir.Type, required: bool = True, wire: str | None = None) -> Field:
    return Field(name, wire or name, flat(typ), required)


def _type(
    name: str,
    *fields: Field,
    kind: str = "model",
    bases: tuple[str, ...] = (),
    module: str | None = None,
    alias: ir.Type | None = None,
) -> TypeDef:
    roles = frozenset({"input" if kind == "typeddict" else "output"})
    return TypeDef(
        name,
        module or f"types/{name.lower()}.py",
        kind,  # type: ignore[arg-type]
        bases,
        fields,
        flat(alias) if alias is not None else None,
        roles,  # type: ignore[arg-type]
        True,
    )


def _surface(methods: Iterable[Method] = (), types: Iterable[TypeDef] = ()) -> Surface:
    found = {m.path: m for m in methods}
    return Surface(
        "pkg",
        tuple(sorted({m.resource for m in found.values()})),
        dict(sorted(found.items())),
        {t.name: t for t in sorted(types, key=lambda t: t.name)},
    )


def _facts(changes: Iterable[Change]) -> set[tuple[str, str, str, str | None]]:
    return {(c.level, c.kind, c.subject, c.element) for c in changes}


def test_identical_surfaces_have_no_changes() -> None:
    surface = _surface([_method("client.a.get", _param("x", INT))], [_type("M")])
    assert compare(surface, surface) == []


def test_method_moved_between_resources_is_one_breaking_change() -> None:
    old = _surface([_method("client.a.get", http="GET /items")])
    new = _surface([_method("client.b.get", http="GET /items")])
    facts = _facts(compare(old, new))
    assert ("breaking", "method-moved", "client.b.get", None) in facts
    assert not any(kind in ("method-added", "method-removed") for _, kind, _, _ in facts)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (
            [_param("a", STR, positional=True)],
            [_param("a", STR)],
            ("breaking", "param-made-keyword-only", "a"),
        ),
        (
            [_param("a", STR)],
            [_param("a", STR, positional=True)],
            ("non-breaking", "param-made-positional", "a"),
        ),
        (
            [_param("a", STR, positional=True), _param("b", STR, positional=True)],
            [_param("b", STR, positional=True), _param("a", STR, positional=True)],
            ("breaking", "param-moved", "a"),
        ),
        (
            [_param("old_name", INT, required=False)],
            [_param("new_name", INT, required=False)],
            ("breaking", "param-renamed", "old_name"),
        ),
        (
            [_param("a", ir.Union((STR, INT)))],
            [_param("a", FOO)],
            ("breaking", "param-type-changed", "a"),
        ),
    ],
)
def test_parameter_changes(
    before: list[Param], after: list[Param], expected: tuple[str, str, str]
) -> None:
    old = _surface([_method("client.a.get", *before)])
    new = _surface([_method("client.a.get", *after)])
    level, kind, element = expected
    assert (level, kind, "client.a.get", element) in _facts(compare(old, new))


def test_rename_pairs_same_typed_parameters_first() -> None:
    old = _surface([_method("client.a.get", _param("x", INT, False), _param("y", STR, False))])
    new = _surface([_method("client.a.get", _param("x2", INT, False), _param("y2", STR, False))])
    renamed = {(c.old, c.new) for c in compare(old, new) if c.kind == "param-renamed"}
    assert renamed == {("x: int", "x2: int"), ("y: str", "y2: str")}


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (flat(FOO), flat(ir.Nullable(FOO)), ("breaking", "return-made-nullable")),
        (flat(INT), flat(FLOAT), ("breaking", "return-type-changed")),
        (flat(FLOAT), flat(INT), ("non-breaking", "return-type-changed")),
        (flat(FOO), flat(BAR), ("breaking", "return-type-changed")),
        (flat(FOO), page("SyncPage", FOO), ("breaking", "pagination-added")),
        (page("SyncPage", FOO), flat(ir.Ref("FooList")), ("breaking", "pagination-removed")),
        (page("SyncPage", FOO), page("SyncCursorPage", FOO), ("breaking", "pagination-changed")),
    ],
)
def test_return_type_changes(before: FlatType, after: FlatType, expected: tuple[str, str]) -> None:
    old = _surface([_method("client.a.get", returns=before)])
    new = _surface([_method("client.a.get", returns=after)])
    assert (*expected, "client.a.get", None) in _facts(compare(old, new))


def test_streaming_added_removed_and_chunk_type_changed() -> None:
    plain = _method("client.a.create", returns=flat(FOO))
    streams = _method("client.a.create", returns=flat(FOO), stream=ir.Ref("Chunk"))
    other = _method(
        "client.a.create", returns=flat(FOO), stream=ir.Union((ir.Ref("Chunk"), ir.Ref("Ping")))
    )
    assert {c.kind for c in compare(_surface([plain]), _surface([streams]))} == {"streaming-added"}
    assert [c.level for c in compare(_surface([streams]), _surface([plain]))] == ["breaking"]
    assert _facts(compare(_surface([streams]), _surface([other]))) == {
        ("breaking", "stream-type-changed", "client.a.create", None)
    }


def _failing(*errors: tuple[str, str]) -> Method:
    """`client.pets.retrieve()` declaring error bodies (status, model name)."""
    bodies = tuple(ErrorBody(status, flat(ir.Ref(name))) for status, name in errors)
    return replace(_method("client.pets.retrieve", http="GET /pets/{id}"), errors=bodies)


def _error_changes(before: Method, after: Method) -> dict[tuple[str, str | None], Change]:
    return {(c.kind, c.element): c for c in compare(_surface([before]), _surface([after]))}


def test_error_bodies_unchanged_report_nothing() -> None:
    declared = (("404", "NotFound"), ("4XX", "ClientError"), ("default", "Error"))
    assert compare(_surface([_failing(*declared)]), _surface([_failing(*declared)])) == []


def test_error_body_removed_or_changed_breaks_isinstance_narrowing() -> None:
    before = _failing(("404", "NotFound"), ("default", "Error"))
    removed = _error_changes(_failing(("404", "NotFound")), _failing())
    (change,) = removed.values()
    assert (change.kind, change.level, change.subject, change.element) == (
        "error-body-removed",
        "breaking",
        "client.pets.retrieve",
        "404",
    )
    assert (change.old, change.new) == ("NotFound", None)
    assert "`client.pets.retrieve()`" in change.reason
    assert "isinstance(e.body, NotFound)" in change.reason
    changed = _error_changes(before, _failing(("404", "Missing"), ("default", "Error")))
    (change,) = changed.values()
    assert (change.kind, change.level, change.element) == (
        "error-body-type-changed",
        "breaking",
        "404",
    )
    assert (change.old, change.new) == ("NotFound", "Missing")
    assert "the 404 error body of `client.pets.retrieve()`" in change.reason
    assert "isinstance(e.body, NotFound)" in change.reason


def test_error_body_added_is_non_breaking_and_flagged() -> None:
    (change,) = _error_changes(_failing(), _failing(("4XX", "ClientError"))).values()
    assert (change.kind, change.level, change.element, change.flagged) == (
        "error-body-added",
        "non-breaking",
        "4XX",
        True,
    )
    assert change.new == "ClientError" and "now types its 4XX error body" in change.reason


def test_error_bodies_compare_what_the_runtime_looks_up() -> None:
    """Exact code, else range, else default: only what `e.body` becomes for a status counts."""
    exact = _failing(("404", "Error"), ("default", "Error"))
    assert _error_changes(exact, _failing(("default", "Error"))) == {}  # 404 still gets Error
    ranged = _error_changes(
        _failing(("404", "NotFound"), ("4XX", "ClientError")), _failing(("4XX", "ClientError"))
    )
    (change,) = ranged.values()
    assert (change.kind, change.level, change.element) == (
        "error-body-type-changed",
        "breaking",
        "404",
    )
    assert "(no longer declared: it falls back to the 4XX one)" in change.reason
    narrowed = _error_changes(
        _failing(("default", "Error")), _failing(("404", "NotFound"), ("default", "Error"))
    )
    (change,) = narrowed.values()
    assert (change.kind, change.element, change.old, change.new) == (
        "error-body-type-changed",
        "404",
        "Error",
        "NotFound",
    )
    assert "(now declared: it was the default one)" in change.reason


def test_added_method_reports_its_signature() -> None:
    params = (_param("thread_id", STR, positional=True), _param("limit", INT, False))
    events = Method(
        "client.a.events",
        "a",
        "events",
        "GET /e",
        params,
        FlatType(()),
        flat(ir.Ref("Ev")),
        None,
        None,
    )
    listing = _method("client.a.list", returns=page("SyncPage", ir.Ref("Item")))
    changes = compare(_surface(), _surface([events, listing]))
    signatures = {c.subject: c.new for c in changes if c.kind == "method-added"}
    assert signatures == {
        "client.a.events": "events(thread_id, *, limit=…) -> Stream[Ev]",
        "client.a.list": "list() -> SyncPage[Item]",
    }


def test_model_field_changes_classified_for_readers() -> None:
    old = _surface(
        types=[
            _type(
                "M",
                _field("a", STR),
                _field("b", INT),
                _field("c", ir.Nullable(ir.Union((lit("x"), STR))), False),
                _field("d", lit("x")),
                _field("e", STR, wire="E"),
                _field("gone", STR),
            )
        ]
    )
    new = _surface(
        types=[
            _type(
                "M",
                _field("a", ir.Nullable(STR), False),
                _field("b", BOOL),
                _field("c", ir.Nullable(ir.Union((lit("x", "y"), STR))), False),
                _field("d", lit("x", "y")),
                _field("e", STR, wire="e-2"),
                _field("new", ir.Nullable(STR), False),
            )
        ]
    )
    assert _facts(compare(old, new)) == {
        ("breaking", "field-made-nullable", "M", "a"),
        ("non-breaking", "field-type-changed", "M", "b"),
        ("non-breaking", "field-enum-values-added", "M", "c"),
        ("breaking", "field-enum-values-added", "M", "d"),
        ("non-breaking", "field-wire-name-changed", "M", "e"),
        ("breaking", "field-renamed", "M", "gone"),  # as for parameters: one out, one in
    }


def test_typeddict_key_changes_classified_for_callers() -> None:
    def td(*fields: Field) -> Surface:
        return _surface(types=[_type("P", *fields, kind="typeddict")])

    old = td(_field("a", STR), _field("b", lit("x", "y"), False), _field("c", INT, False))
    new = td(
        _field("a", STR, False),
        _field("b", lit("x"), False),
        _field("c", INT),
        _field("d", STR),
    )
    assert _facts(compare(old, new)) == {
        ("non-breaking", "field-made-optional", "P", "a"),
        ("breaking", "field-enum-values-removed", "P", "b"),
        ("breaking", "field-made-required", "P", "c"),
        ("breaking", "field-added", "P", "d"),
    }


def test_field_moved_to_a_new_base_class_is_not_a_removal() -> None:
    old = _surface(types=[_type("Base"), _type("M", _field("x", STR), bases=("BaseModel",))])
    new = _surface(types=[_type("Base", _field("x", STR)), _type("M", bases=("Base",))])
    assert _facts(compare(old, new)) == {
        ("non-breaking", "field-added", "Base", "x"),
        ("non-breaking", "type-bases-changed", "M", None),
    }


def test_a_type_turned_into_another_kind_breaks_its_users() -> None:
    old = _surface(types=[_type("A", kind="alias", alias=STR)])
    new = _surface(types=[_type("A", _field("x", STR))])
    (change,) = compare(old, new)
    assert (change.kind, change.level) == ("type-kind-changed", "breaking")


def test_a_model_losing_a_base_class_breaks_isinstance() -> None:
    old = _surface(types=[_type("Base"), _type("M", bases=("Base",))])
    new = _surface(types=[_type("Base"), _type("M", bases=("BaseModel",))])
    assert _facts(compare(old, new)) == {("breaking", "type-bases-changed", "M", None)}


def test_alias_used_as_input_and_output_takes_the_worse_level() -> None:
    both = frozenset({"input", "output"})

    def alias(typ: ir.Type) -> TypeDef:
        return TypeDef("Mode", "types/mode.py", "alias", (), (), flat(typ), both, True)  # type: ignore[arg-type]

    changes = compare(_surface(types=[alias(lit("a"))]), _surface(types=[alias(lit("a", "b"))]))
    assert [(c.kind, c.level) for c in changes] == [("alias-enum-values-added", "breaking")]


def test_changes_to_the_params_typeddict_of_a_method_are_reported_on_the_method_only() -> None:
    def version(key: str) -> Surface:
        method = _method("client.a.create", _param(key, STR, False))
        method = Method(**{**method.__dict__, "params_type": "CreateParams"})
        return _surface(
            [method], [_type("CreateParams", _field(key, STR, False), kind="typeddict")]
        )

    assert {c.subject for c in compare(version("x"), version("y"))} == {"client.a.create"}


# ---------------------------------------------------------------------------- reports


def test_bump_version() -> None:
    assert bump_version("1.4.2", "major") == "2.0.0"
    assert bump_version("1.4.2", "minor") == "1.5.0"
    assert bump_version("1.4.2", "patch") == "1.4.3"
    assert bump_version("0.1.0rc1", "minor") == "0.2.0"
    assert bump_version("3", "minor") == "3.1.0"


def _sample_changes() -> list[Change]:
    old = _surface([_method("client.a.get", _param("x", INT))], [_type("M", _field("f", INT))])
    new = _surface(
        [_method("client.a.get", _param("x", INT), _param("y", INT, False))],
        [_type("M"), _type("N")],
    )
    return compare(old, new)


def test_markdown_report_puts_counts_first_then_breaking_then_the_rest() -> None:
    changes = _sample_changes()
    text = render_markdown(changes, "old.yaml", "new.yaml")
    lines = text.splitlines()
    assert lines[0] == "## SDK surface changes"
    assert "**3 changes**: 1 breaking, 0 unknown, 2 non-breaking" in text
    assert "Suggested version bump: **major**" in text
    breaking = text.index("### Breaking changes (1)")
    details = text.index("<details><summary>Non-breaking changes (2)</summary>")
    assert text.index("| Types | 1 | 0 | 1 |") < breaking < details
    assert "`M.f` was removed" in text[breaking:details]
    assert "#### New types (1)" in text[details:]
    assert render_markdown([], "a", "b").endswith("No changes to the SDK surface.\n")


def test_json_report_carries_every_change() -> None:
    changes = _sample_changes()
    document = json.loads(render_json(changes, "old.yaml", "new.yaml"))
    assert document["bump"] == "major"
    assert document["summary"]["breaking"] == 1
    assert document["summary"]["total"] == len(document["changes"]) == 3
    assert {c["kind"] for c in document["changes"]} == {
        "field-removed",
        "param-added",
        "type-added",
    }
    assert summarize([]).bump == "patch"


# ------------------------------------------------------------------ fixture specs, end to end


@pytest.fixture(scope="module")
def fixture_changes() -> list[Change]:
    before = build_surface(SpecSource(OLD, None, "old"))
    after = build_surface(SpecSource(NEW, None, "new"))
    return compare(before, after)


# (level, kind, subject, element) for each difference between old.yaml and new.yaml.
EXPECTED = {
    ("non-breaking", "resource-added", "client.owners", None),
    ("non-breaking", "method-added", "client.owners.list", None),
    ("breaking", "resource-removed", "client.stores", None),
    ("breaking", "method-removed", "client.stores.list", None),
    ("breaking", "method-removed", "client.pets.delete", None),
    ("breaking", "param-renamed", "client.pets.create", "geography"),
    ("breaking", "param-type-changed", "client.pets.create", "tag"),  # narrowed
    ("non-breaking", "param-type-changed", "client.pets.create", "weight"),  # widened
    ("breaking", "param-enum-values-removed", "client.pets.create", "color"),
    ("non-breaking", "param-enum-values-added", "client.pets.create", "color"),
    ("breaking", "param-made-required", "client.pets.feed", "food"),
    ("non-breaking", "param-made-optional", "client.pets.feed", "amount"),
    ("non-breaking", "param-made-nullable", "client.pets.feed", "note"),
    ("breaking", "param-added", "client.pets.feed", "portion"),  # required
    ("non-breaking", "param-added", "client.pets.feed", "treat"),  # optional
    ("breaking", "return-made-nullable", "client.pets.retrieve", None),
    ("non-breaking", "streaming-added", "client.chat.create", None),
    ("breaking", "streaming-removed", "client.completions.create", None),
    ("breaking", "pagination-added", "client.toys.list", None),
    ("breaking", "pagination-changed", "client.tags.list", None),
    ("breaking", "field-made-nullable", "Pet", "age"),
    ("breaking", "field-type-changed", "Pet", "weight"),  # an output that may hold more values
    ("breaking", "field-renamed", "Pet", "legacy"),  # legacy out, nickname in
    ("non-breaking", "field-made-non-nullable", "Pet", "tag"),
    ("non-breaking", "field-enum-values-added", "Pet", "status"),  # open enum
    ("breaking", "field-enum-values-added", "Pet", "kind"),  # closed enum
    ("non-breaking", "alias-enum-values-added", "Size", None),
    ("non-breaking", "alias-variants-added", "Animal", None),  # open discriminated union
    ("breaking", "field-made-required", "AddressParam", "city"),
    ("non-breaking", "field-made-optional", "AddressParam", "street"),
    ("breaking", "field-added", "AddressParam", "country"),  # required key
    ("breaking", "field-renamed", "AddressParam", "zip"),  # zip out, region in
    ("breaking", "type-removed", "PetDeleted", None),
    ("non-breaking", "type-added", "Owner", None),
}


def test_fixture_specs_report_every_change_kind(fixture_changes: list[Change]) -> None:
    facts = _facts(fixture_changes)
    assert EXPECTED - facts == set()


def test_fixture_specs_report_nothing_about_unchanged_parts(fixture_changes: list[Change]) -> None:
    subjects = {c.subject for c in fixture_changes}
    assert not subjects & {"client.pets.list", "client.animals.retrieve", "Cat", "Dog", "Toy"}
    renamed = next(c for c in fixture_changes if c.kind == "param-renamed")
    assert (renamed.old, renamed.new) == ("geography: str", "residency: Literal['eu', 'us']")
    assert not [
        c
        for c in fixture_changes
        if c.subject == "client.pets.create"
        and c.element in ("geography", "residency")
        and c.kind != "param-renamed"
    ]


def test_diff_command_formats_and_exit_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def diff(old: Path, new: Path, *options: str) -> int:
        return main(["diff", str(old), str(new), "--no-config", "--no-cache", *options])

    assert diff(OLD, NEW, "--format", "json") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["breaking"] > 0
    assert diff(OLD, NEW, "--fail-on-breaking") == 1
    assert capsys.readouterr().out.startswith("## SDK surface changes")
    assert diff(OLD, OLD, "--fail-on-breaking") == 0
    report = tmp_path / "report.md"
    assert diff(OLD, OLD, "--output", str(report)) == 0
    assert "No changes to the SDK surface." in report.read_text()
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: {title: t}\npaths: []\n")
    assert diff(OLD, broken) == 2
    assert capsys.readouterr().err.splitlines()[-1].startswith("error: ")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_revision_sources_take_spec_and_config_from_the_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    (repo / "spec").mkdir(parents=True)
    shutil.copy(OLD, repo / "spec" / "openapi.yaml")
    (repo / "spec" / "sdk.yaml").write_text("package: petstore_old\n")

    def git(*args: str) -> None:
        identity = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
        subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "old spec")
    shutil.copy(NEW, repo / "spec" / "openapi.yaml")
    (repo / "spec" / "sdk.yaml").write_text("package: petstore_new\n")
    monkeypatch.chdir(repo)
    source = resolve_source("git:HEAD", Path("spec/openapi.yaml"), Path("spec/sdk.yaml"), tmp_path)
    assert source.spec.read_text() == OLD.read_text()
    assert source.config is not None and source.config.read_text() == "package: petstore_old\n"
    assert source.label == "spec/openapi.yaml@HEAD"

    assert main(["changelog", "--version", "1.0.0"]) == 0
    assert "wrote 2.0.0 (major bump from 1.0.0" in capsys.readouterr().out
    text = (repo / "CHANGELOG.md").read_text()
    assert text.startswith("# Changelog\n\n## 2.0.0\n<!-- sdkgen-release base=1.0.0 changes=")
    assert "`spec/openapi.yaml@HEAD` → `spec/openapi.yaml`" in text
    assert main(["diff", "git:NOPE", "spec/openapi.yaml"]) == 2
    assert main(["diff", f"git:HEAD:{OLD}", "spec/openapi.yaml"]) == 2  # outside the repository
    git("commit", "-q", "-am", "new spec")
    capsys.readouterr()
    assert main(["changelog"]) == 0
    assert "no SDK surface changes" in capsys.readouterr().out
    assert (repo / "CHANGELOG.md").read_text() == text


ROOT_SPEC = """\
openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  /pets/{pet_id}:
    get:
      operationId: getPet
      parameters: [{name: pet_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "schemas.yaml#/components/schemas/Pet"}}}
"""


def test_surface_cache_is_reused_until_any_spec_file_changes(tmp_path: Path) -> None:
    spec, schemas, cache = tmp_path / "openapi.yaml", tmp_path / "schemas.yaml", tmp_path / "cache"
    spec.write_text(ROOT_SPEC)
    pet = "components: {schemas: {Pet: {type: object, properties: {%s: {type: string}}}}}\n"
    schemas.write_text(pet % "name")
    source = SpecSource(spec, None, "spec")
    seconds: dict[str, float] = {}
    first = build_surface(source, seconds, cache)
    assert "lower" in seconds and len(list(cache.iterdir())) == 1
    seconds.clear()
    assert build_surface(source, seconds, cache) == first
    assert seconds == {"cached": 0.0}
    schemas.write_text(pet % "nickname")  # only the referenced file changes
    seconds.clear()
    changed = build_surface(source, seconds, cache)
    assert "lower" in seconds
    assert [c.kind for c in compare(first, changed)] == ["field-renamed"]


def test_a_rerun_reuses_the_diff_and_a_changed_spec_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    new = tmp_path / "new.yaml"
    shutil.copy(NEW, new)

    def diff() -> tuple[str, str]:
        assert main(["diff", str(OLD), str(new), "--no-config"]) == 0
        captured = capsys.readouterr()
        return captured.out, captured.err

    first, err = diff()
    assert "cached" not in err
    again, err = diff()
    assert again == first and "old: cached; new: cached" in err
    assert list((tmp_path / ".cache/sdkgen/surfaces/diffs").glob("*.pickle"))
    assert list((tmp_path / ".cache/sdkgen/documents").glob("*.marshal"))
    new.write_text(new.read_text().replace("nickname", "pet_name"))
    changed, err = diff()
    assert "new: cached" not in err and changed != first and "pet_name" in changed


def test_each_side_uses_the_config_beside_its_spec_not_ours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Run from the project root, where spec/sdk.yaml (DeepSeek's) exists: a spec elsewhere must
    # get the sdk.yaml next to it, or none, never ours (DeepSeek's overrides name its paths).
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    for folder, spec in ((old_dir, OLD), (new_dir, NEW)):
        folder.mkdir()
        shutil.copy(spec, folder / "openapi.yaml")
    assert Path("spec/sdk.yaml").is_file()
    capsys.readouterr()

    def subjects(*options: str) -> set[str]:
        args = ["diff", str(old_dir / "openapi.yaml"), str(new_dir / "openapi.yaml")]
        assert main([*args, "--no-cache", "--format", "json", *options]) == 0
        return {change["subject"] for change in json.loads(capsys.readouterr().out)["changes"]}

    without = subjects()
    assert without == subjects("--no-config")
    (new_dir / "sdk.yaml").write_text("operations:\n  GET /owners: {resource: people}\n")
    beside = subjects()
    assert "client.people.list" in beside and "client.owners.list" not in beside
    assert "client.owners.list" in without
