"""Sync/async twins that the runtime writes out twice, checked against each other.

`_resource.py`: `SyncAPIResource` must be `AsyncAPIResource` put through `unasync` below, the
rule the module's docstring states. The check reads the module as shipped (in things_sdk) and
compares syntax trees printed back by `ast.unparse`, so formatting does not matter but every
name, annotation, default and docstring does.
"""

from __future__ import annotations

import ast
import inspect
import re
from types import ModuleType

import pytest
from things_sdk import _resource

UNASYNC: list[tuple[str, str]] = [
    (r"\basync def\b", "def"),
    (r"\bawait ", ""),
    (r"\bAsyncPaginator\[Any, _AsyncPageT\]", "_SyncPageT"),  # what a sync list call returns
    (r"\bAsyncAPIResource\b", "SyncAPIResource"),
    (r"\bAsyncAPIClient\b", "SyncAPIClient"),
    (r"\bAsyncBinaryAPIResponse\b", "BinaryAPIResponse"),
    (r"\b_AsyncPageT\b", "_SyncPageT"),
    (r"\basync resources\b", "sync resources"),
]
"""(pattern, replacement) pairs applied in order to the async class's source."""


def unasync(source: str) -> str:
    for pattern, replacement in UNASYNC:
        source = re.sub(pattern, replacement, source)
    return source


def classes(module: ModuleType) -> dict[str, str]:
    """Each top-level class of `module`, printed by `ast.unparse` (one layout for any source)."""
    tree = ast.parse(inspect.getsource(module))
    return {node.name: ast.unparse(node) for node in tree.body if isinstance(node, ast.ClassDef)}


@pytest.mark.parametrize(
    ("module", "async_name", "sync_name"),
    [(_resource, "AsyncAPIResource", "SyncAPIResource")],
    ids=["_resource"],
)
def test_the_sync_class_is_the_async_one_unasynced(
    module: ModuleType, async_name: str, sync_name: str
) -> None:
    found = classes(module)
    derived = ast.unparse(ast.parse(unasync(found[async_name])))
    assert derived == found[sync_name], f"{sync_name} is not {async_name} without async/await"


def test_unasync_catches_a_drift() -> None:
    """The check is not vacuous: the twins differ before the rule, and a changed default shows."""
    found = classes(_resource)
    assert found["AsyncAPIResource"] != found["SyncAPIResource"]
    drifted = found["AsyncAPIResource"].replace("files: Files=False", "files: Files=True", 1)
    assert drifted != found["AsyncAPIResource"]
    assert ast.unparse(ast.parse(unasync(drifted))) != found["SyncAPIResource"]
