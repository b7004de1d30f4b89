"""Each corpus spec's generated test suite against Steady serving the spec (`python -m codegen
test`): every method passes, or is listed in `suite/<spec>.yaml` with the reason (see its
README). Petstore, Mistral and Twilio run fully in `make test`; Stripe and DigitalOcean run
every 8th resource there and fully in `make corpus` / `make sdk-tests`. Skipped with the reason
when the corpus is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from _corpus import SPECS, CorpusSpec

from codegen.testrun import load_expectations, run_suite

OPENAI_SPEC = (
    Path(__file__).resolve().parents[2].parent / "shared" / "specs" / "openai-2026-08-21.yaml"
)

EXPECTED = Path(__file__).with_name("suite")
SAMPLE = 8

RUNS = [
    pytest.param(
        spec, SAMPLE if spec.big else 0, id=f"{spec.name}-sampled" if spec.big else spec.name
    )
    for spec in SPECS
] + [
    pytest.param(spec, 0, id=f"{spec.name}-full", marks=pytest.mark.slow)
    for spec in SPECS
    if spec.big
]


@pytest.mark.parametrize(("corpus_spec", "sample"), RUNS, indirect=["corpus_spec"])
def test_generated_suite_passes(corpus_spec: CorpusSpec, sample: int) -> None:
    expected = EXPECTED / f"{corpus_spec.name}.yaml"
    expect = load_expectations(expected if expected.is_file() else None)
    report = run_suite(corpus_spec.path, None, expect=expect, sample=sample, name=corpus_spec.name)
    problems = [
        f"{m.status} {m.method}: {m.reason}"
        for m in report.methods
        if m.status in ("fail", "stale")
    ]
    assert report.ok, "\n".join([report.summary(), *problems])
    if not sample:
        listed = set(expect.unservable) | set(expect.failing)
        tested = {m.method for m in report.methods}
        assert listed <= tested, f"listed but not a method: {sorted(listed - tested)}"
    assert report.count("pass") > 0


@pytest.mark.slow
def test_openai_suite_passes() -> None:
    """OpenAI's spec (288 operations, ~5 minutes here): `make sdk-tests`."""
    if not OPENAI_SPEC.is_file():
        pytest.skip(f"OpenAI's spec is not available: {OPENAI_SPEC} does not exist")
    expect = load_expectations(EXPECTED / "openai.yaml")
    report = run_suite(OPENAI_SPEC, None, expect=expect, name="openai")
    problems = [
        f"{m.status} {m.method}: {m.reason}"
        for m in report.methods
        if m.status in ("fail", "stale")
    ]
    assert report.ok, "\n".join([report.summary(), *problems])
    core = ("client.chat.completions.", "client.completions.", "client.files.")
    unservable = [m for m in expect.unservable if m.startswith(core)]
    assert unservable == [], "chat, completion and files methods must be served"
