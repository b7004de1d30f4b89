"""Each corpus spec generated once per session, as `python -m codegen generate --allow-skip`
does, into a temporary folder (the operations it cannot express yet are checked by the tests)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from _corpus import CORPUS, ROOT, SPECS, CorpusSpec

from codegen.cli import Outcome, generate

sys.path.insert(0, str(Path(__file__).parent))

_GENERATED: dict[str, Generated] = {}


@dataclass(frozen=True)
class Generated:
    spec: CorpusSpec
    out: Path
    outcome: Outcome


EVERY = [pytest.param(spec, id=spec.name) for spec in SPECS]
"""Every corpus spec (`make test` generates each of them)."""
LIGHT = [
    pytest.param(spec, id=spec.name, marks=[pytest.mark.slow] if spec.big else []) for spec in SPECS
]
"""Every corpus spec, the big ones (Stripe, DigitalOcean) only in slow runs (`make corpus`)."""


@pytest.fixture
def corpus_spec(request: pytest.FixtureRequest) -> CorpusSpec:
    """The spec a test is parametrised with (`EVERY` or `LIGHT`, indirectly)."""
    spec: CorpusSpec = request.param
    if not CORPUS.is_dir():
        pytest.skip(
            f"the corpus is not available: {CORPUS} does not exist (it lives outside the repo)"
        )
    return spec


@pytest.fixture
def generated(corpus_spec: CorpusSpec, tmp_path_factory: pytest.TempPathFactory) -> Generated:
    """The SDK of `corpus_spec`, generated once per session."""
    found = _GENERATED.get(corpus_spec.name)
    if found is None:
        out = tmp_path_factory.mktemp(corpus_spec.name) / "sdk"
        # The format cache makes a second run on the same machine fast; nothing depends on it.
        outcome = generate(
            corpus_spec.path,
            None,
            out,
            allow_skip=True,
            cache_dir=ROOT / ".cache" / "sdkgen-corpus",
        )
        found = _GENERATED[corpus_spec.name] = Generated(corpus_spec, out, outcome)
    return found
