"""Resources and types load on first use, while type checkers still see every name.

Checked in fresh interpreters (this test session has imported everything already).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap

import pytest
from _openai_support import PACKAGE, GeneratedSdk

pytestmark = pytest.mark.openai_spec

PROBE = textwrap.dedent(
    """
    import json, sys
    import httpx2

    BODY = {"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": [
        {"index": 0, "finish_reason": "stop", "logprobs": None,
         "message": {"role": "assistant", "content": "hi", "refusal": None}}]}

    def ours():
        return sorted(m for m in sys.modules if m.startswith("PKG."))

    import PKG
    client = PKG.OpenAI(api_key="x", base_url="http://test", http_client=httpx2.Client(
        transport=httpx2.MockTransport(lambda request: httpx2.Response(200, json=BODY))))
    after_client = ours()
    client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    print(json.dumps({"client": after_client, "call": ours()}))
    """
).replace("PKG", PACKAGE)

# Resources whose types are unrelated to a chat completion.
UNRELATED = ("responses", "fine_tuning", "audio", "realtime", "vector_stores", "beta", "evals")


def _probe(generated_openai: GeneratedSdk) -> dict[str, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=generated_openai.root,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: dict[str, list[str]] = json.loads(proc.stdout)
    return loaded


def test_client_construction_loads_no_resource_or_type(generated_openai: GeneratedSdk) -> None:
    loaded = _probe(generated_openai)
    assert [m for m in loaded["client"] if ".types" in m or ".resources" in m] == []

    call = loaded["call"]
    types = [m for m in call if m.startswith(f"{PACKAGE}.types.")]
    resources = [m for m in call if m.startswith(f"{PACKAGE}.resources.")]
    assert {m.split(".")[2] for m in resources} == {"chat"}
    unrelated = [m for m in types if m.split(".")[2] in UNRELATED]
    assert unrelated == []
    total = sum(1 for _ in (generated_openai.package_dir / "types").rglob("*.py"))
    assert len(types) < total / 20, f"{len(types)} of {total} type modules loaded"


@pytest.mark.parametrize("subpackage", ["types", "resources"])
def test_lazy_init_declares_every_name_for_type_checkers(
    generated_openai: GeneratedSdk, subpackage: str
) -> None:
    """Every name in `__all__` is imported under `if TYPE_CHECKING:`."""
    tree = ast.parse((generated_openai.package_dir / subpackage / "__init__.py").read_text())
    declared: set[str] = set()
    exported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in ast.walk(node):
                if isinstance(stmt, ast.ImportFrom):
                    declared.update(alias.asname or alias.name for alias in stmt.names)
        elif isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__":
            exported = set(ast.literal_eval(node.value))
    assert len(exported) > 50
    assert exported == declared
