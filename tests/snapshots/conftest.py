"""`pytest tests/snapshots --update-goldens` rewrites the golden trees from the generator."""

import pytest

# The golden trees hold each SDK's generated tests (`golden/<spec>/tests/`): data, not tests to run.
collect_ignore = ["golden"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/snapshots/golden/<spec>/ from the current generator",
    )
