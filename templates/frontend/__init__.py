"""What the command line (`cli/`) and the MCP server (`mcp/`) share.

- `operations.json` (generated): every method of the SDK with its parameters (Python name, wire
  name, location, required, description, how a command-line argument is read, JSON Schema),
  what it returns, and the client's options; `schemas.json` (generated): the `$defs` those
  schemas refer to. `table.py` reads them, on first use.
- `calls.py`: a client from the options given, the SDK method of an operation, results as
  JSON data, typed checks of JSON data (`is_dict`, `is_list`), and error text with every
  secret taken out.

Nothing here imports the SDK's client until a call is made; of the runtime, only `_types` (its
`is_mapping` / `is_array`), which importing the package has loaded already.
"""
