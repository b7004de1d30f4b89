"""Each corpus spec generated once per session, as `python -m codegen generate --allow-skip`
does, into a temporary folder (the operations it cannot express yet are checked by the tests)."""

from __future__ import annotations

import pytest
from _corpus import CORPUS, ROOT, CorpusSpec, Generated

from codegen.cli import generate

_GENERATED: dict[str, Generated] = {}


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
