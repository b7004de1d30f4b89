"""sdkgen: an OpenAPI 3.x -> typed Python SDK generator.

Four stages, one module each: `load` (read, bundle `$ref`s, check) -> `lower` (spec -> model of
the API) -> `render` (Jinja -> `{path: text}`) -> `emit` (format, header, write, prune). The
command line (`python -m codegen`) wires them together; see `codegen.cli`.
"""

__all__: list[str] = []
