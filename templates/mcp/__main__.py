"""`python -m <package>.mcp`: serve the API over MCP (stdio; `--http` for streamable HTTP)."""

import sys

from . import main

if __name__ == "__main__":
    sys.exit(main())
