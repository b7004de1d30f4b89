"""What the command line (`cli/`) and the MCP server (`mcp/`) share.

- `operations.json` (generated): every method of the SDK with its parameters (Python name, wire
  name, location, required, description, how a command-line argument is read, JSON Schema),
  what it returns, and the client's options; `schemas.json` (generated): the `$defs` those
  schemas refer to. `table.py` reads them, on first use.
- `calls.py`: a client from the options given, the SDK method of an operation, results as
  JSON data, and error text with every secret taken out.

Nothing here imports the SDK's client or httpx2 until a call is made.
"""
