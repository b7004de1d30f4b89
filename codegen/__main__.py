"""`python -m codegen ...`: see `codegen.cli`."""

from .cli import main

raise SystemExit(main())
