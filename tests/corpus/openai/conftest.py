"""The OpenAI SDK, generated once per session from OpenAI's own spec (see `_openai_support`).

OpenAI's spec lives outside the repository (`<repo>/../shared/specs`); without it every test
here is skipped with the reason. The package is generated into a temporary directory with the
naming config `spec/examples/openai.sdk.yaml`, put on `sys.path` and imported as `openai_sdk`.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest
from _openai_support import OPENAI_CONFIG, OPENAI_SPEC, PACKAGE, GeneratedSdk

from codegen.cli import generate


@pytest.fixture(scope="session")
def generated_openai(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GeneratedSdk]:
    """Generate (load -> lower -> render -> emit, as `python -m codegen generate` does) once."""
    if not OPENAI_SPEC.is_file():
        pytest.skip(f"OpenAI's spec is not available: {OPENAI_SPEC} does not exist")
    out = tmp_path_factory.mktemp("openai-sdk")
    outcome = generate(OPENAI_SPEC, OPENAI_CONFIG, out, cache_dir=None)
    sys.path.insert(0, str(out))
    try:
        yield GeneratedSdk(out, outcome)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


@pytest.fixture(scope="session")
def openai_sdk(generated_openai: GeneratedSdk) -> ModuleType:
    """The imported generated package."""
    return importlib.import_module(PACKAGE)
