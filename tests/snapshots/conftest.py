"""`pytest tests/snapshots --update-goldens` rewrites the golden trees from the generator."""

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/snapshots/golden/<spec>/ from the current generator",
    )
