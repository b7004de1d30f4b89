"""Collects each spec's figures so the run ends with one table (see `test_differential.py`)."""

from __future__ import annotations

from typing import Any

import pytest

ROWS: list[dict[str, Any]] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not ROWS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("models vs datamodel-code-generator")
    write("agree lenient/strict: ours and datamodel-code-generator's give the same verdict;")
    write(
        "strict = spec: ours (strict) and the spec's JSON Schema reading agree (of those it can tell)"
    )
    header = (
        "spec",
        "schemas",
        "instances",
        "agree lenient",
        "agree strict",
        "strict = spec",
        "listed",
        "unlisted",
    )
    write("{:<13} {:>8} {:>10} {:>14} {:>13} {:>14} {:>7} {:>9}".format(*header))
    for row in sorted(ROWS, key=lambda r: r["spec"]):
        if row.get("failure"):
            write(f"{row['spec']:<13} not compared: {row['failure']}")
            continue
        write(
            "{spec:<13} {schemas:>8} {instances:>10} {lenient:>14} {strict:>13} {vs_spec:>14} "
            "{listed:>7} {unlisted:>9}".format(**row)
        )
        for rule, count in sorted(row["by_rule"].items()):
            write(f"{'':<13}   {count:>6} listed as {rule}")


@pytest.fixture
def differential_rows() -> list[dict[str, Any]]:
    return ROWS
