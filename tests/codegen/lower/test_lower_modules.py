"""codegen.lower.modules: definitions in dependency order; render quotes forward references."""

from codegen import ir
from codegen.lower.modules import order_definitions
from codegen.render.imports import Registry
from codegen.render.modules import print_type_module

A, B = ir.Ref("A"), ir.Ref("B")
STR, INT = ir.Primitive("str"), ir.Primitive("int")
TAGGED = ir.Discriminated("type", "type", (ir.Variant("a", (A,)), ir.Variant("b", (B,))), "X")


def test_definitions_are_ordered_and_forward_references_quoted() -> None:
    node_ref = ir.Ref("Node")
    node = ir.Model("Node", (), (ir.Field("kids", "kids", ir.List(node_ref), False, None),), None)
    note = ir.Model("Note", (), (ir.Field("node", "node", node_ref, True, None),), None)
    loop = ir.Alias("Loop", ir.Union((STR, ir.List(ir.Ref("Loop")))), None, "model")
    ordered, rebuild = order_definitions([note, node, loop])
    assert [d.name for d in ordered] == ["Loop", "Node", "Note"]
    assert rebuild == ["Node"]
    by_name = {d.name: d for d in ordered}
    assert by_name["Loop"] == ir.Alias("Loop", ir.Union((STR, ir.List(ir.OBJECT))), None, "model")
    assert by_name["Node"] == node and by_name["Note"] == note
    module = ir.TypeModule("types/node.py", ("Loop", "Node", "Note"), tuple(ordered), ("Node",))
    printed = {d.name: d for d in print_type_module(module, Registry()).definitions}
    assert printed["Loop"].annotation == "Union[str, list[object]]"
    assert printed["Node"].fields[0].annotation == '"Omittable[list[Node]]"'
    assert printed["Note"].fields[0].annotation == "Node"  # Node is defined by then: no quotes
