"""Our models against datamodel-code-generator's, on DeepSeek's spec, OpenAI's and the corpus.

For every component schema both generators turn into a type, the same instances (the spec's
examples, generated valid instances and near-misses; `instances.py`) are validated through
both, in the SDK's default lenient mode and with `strict_response_validation=True`
(`sides.py`). Any disagreement that `known_disagreements.yaml` does not list fails the test,
and so does a rule that no longer matches anything. `make test` runs DeepSeek's spec,
Petstore and Twilio; `make differential` runs all of them (minutes: OpenAI and Stripe are big).
The figures are printed at the end of the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .known import check, load_rules
from .run import ROOT, SPECS

RULES = load_rules()


def _param(name: str) -> Any:
    marks = [] if SPECS[name].fast else [pytest.mark.slow]
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("spec", [_param(name) for name in SPECS])
def test_models_agree_with_datamodel_code_generator(
    spec: str, tmp_path: Path, differential_rows: list[dict[str, Any]]
) -> None:
    info = SPECS[spec]
    if not info.path.exists():
        pytest.skip(f"{info.path} is absent (the corpus lives in ../shared, outside the repo)")
    out = tmp_path / "result.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests" / "codegen"), "CI": "true"}
    proc = subprocess.run(
        [sys.executable, "-m", "differential.run", spec, "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(out.read_text())
    checked = check(result, RULES)
    compared = result.get("agreements", {})
    disagreements = result.get("disagreements", [])
    differential_rows.append(
        {
            "spec": spec,
            "failure": f"listed as {checked.failure_rule}"
            if checked.failure_rule
            else result["failure"],
            "schemas": result.get("schemas", {}).get("compared", 0),
            "instances": result.get("instances", 0),
            "lenient": compared.get("lenient", 0),
            "strict": compared.get("strict", 0),
            "vs_spec": f"{compared.get('spec', 0)}/{result.get('instances', 0) - result.get('spec_unknown', 0)}",
            "listed": sum(checked.listed.values()),
            "unlisted": len(checked.unlisted),
            "by_rule": checked.listed,
        }
    )
    assert not result["failure"] or checked.failure_rule, result["failure"]
    assert len(disagreements) == sum(checked.listed.values()) + len(checked.unlisted)
    problems = checked.problems(result)
    assert not problems, "\n".join(problems)
    if not result["failure"]:
        # Schemas only one side types are fine (ours has no model for request-only schemas);
        # a schema we could not map to our class is not.
        odd = {k: v for k, v in result["unmapped_ours"].items() if "request-side" not in v}
        assert not odd, odd
        assert result["schemas"]["compared"] > 0
