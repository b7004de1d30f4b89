"""DeepSeek's generated test suite (`generated/tests/`), run as its users run it: pytest in the
SDK's folder, `TEST_API_BASE_URL` pointing at Steady serving the spec. Every method passes, sync
and async, with its required and with all its parameters; and the suite fails when a request
breaks the spec (a generated test with an argument the spec forbids)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _e2e_support import GENERATED
from servers import DEEPSEEK_SPEC, start_mock_server

from codegen.render.suite import SUITE_BASE_URL_ENV
from codegen.testrun import run_suite


def _pytest(folder: Path, base_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, SUITE_BASE_URL_ENV: base_url}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_suite_passes_from_the_sdk_folder(mock_server: str) -> None:
    done = _pytest(GENERATED, mock_server)
    assert done.returncode == 0, done.stdout[-3000:]
    passed = int(re.search(r"(\d+) passed", done.stdout).group(1))  # type: ignore[union-attr]
    defined = sum(
        path.read_text().count("def test_method_")
        for path in (GENERATED / "tests").rglob("test_*.py")
    )
    assert passed == defined >= 2 * 16  # every method, sync and async
    assert "failed" not in done.stdout and "skipped" not in done.stdout


def test_a_request_that_breaks_the_spec_fails(tmp_path: Path) -> None:
    sdk = tmp_path / "sdk"
    shutil.copytree(GENERATED, sdk, ignore=shutil.ignore_patterns("__pycache__"))
    module = sdk / "tests" / "resources" / "chat" / "test_completions.py"
    text = module.read_text()
    assert '"role": "system"' in text
    module.write_text(text.replace('"role": "system"', '"role": "robot"'))
    with start_mock_server(DEEPSEEK_SPEC) as url:
        done = _pytest(sdk, url)
    assert done.returncode == 1
    assert "400" in done.stdout and "role" in done.stdout


def test_without_a_mock_every_test_is_skipped() -> None:
    env = {k: v for k, v in os.environ.items() if k != SUITE_BASE_URL_ENV}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs"],
        cwd=GENERATED,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "passed" not in done.stdout
    assert f"set {SUITE_BASE_URL_ENV}" in done.stdout


def test_codegen_test_reports_every_method() -> None:
    report = run_suite(DEEPSEEK_SPEC, DEEPSEEK_SPEC.with_name("sdk.yaml"), name="deepseek")
    assert report.ok, report.summary()
    assert report.count("pass") == len(report.methods) == 16
    methods = {m.method for m in report.methods}
    assert {"client.chat.completions.create", "client.completions.create"} <= methods
    assert {"client.files.create", "client.files.content"} <= methods


@pytest.mark.parametrize("seed", ["0", "1"])
def test_regenerating_gives_the_same_suite(seed: str, tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--out", str(out), "--no-cache"],
        cwd=GENERATED.parent,
        env=env,
        check=True,
        capture_output=True,
    )
    for path in (GENERATED / "tests").rglob("*.py"):
        relative = path.relative_to(GENERATED)
        # The header line names the spec relative to the output folder; the rest is the same.
        ours = (out / relative).read_text().split("\n", 1)[1]
        assert ours == path.read_text().split("\n", 1)[1], relative


def test_codegen_test_only_runs_and_reports_the_selected_methods() -> None:
    """`--only`: a resource with its sub-resources, or one method (its tests alone run)."""
    report = run_suite(
        DEEPSEEK_SPEC,
        DEEPSEEK_SPEC.with_name("sdk.yaml"),
        name="deepseek",
        only=["client.files.create", "client.fine_tuning"],
    )
    assert report.ok, report.summary()
    methods = {m.method for m in report.methods}
    assert "client.files.create" in methods and "client.files.content" not in methods
    assert {m for m in methods if m != "client.files.create"} == {
        m for m in methods if m.startswith("client.fine_tuning.jobs.")
    }
    assert all(m.tests >= 1 for m in report.methods)
