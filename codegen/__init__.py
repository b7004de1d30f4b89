"""sdkgen: an OpenAPI 3.x -> typed Python SDK generator.

Four stages, one package each, and the model between them (codegen/README.md shows the flow):

    spec/     stage 1: read YAML/JSON, bundle external files, resolve `$ref`s, check -> `Spec`
    lower/    stage 2: `Spec` + config -> `ir.Api`, every naming decision made, split by job
    ir/       the model of the API: a type model, methods, resources, client (data only)
    render/   stage 3: `ir.Api` -> `{path: text}`: the Python printer and the Jinja templates
    emit      stage 4: format with ruff, add the header, write what changed, prune stale files
    review/   `diff` and `changelog`: the SDK surfaces two specs produce, compared as IR values
    testrun   `test`: an SDK's generated tests against the spec-validating mock (`steady`)

Shared by all: `config` (the generator config, `spec/sdk.yaml`), `errors` (`SpecError` with a
JSON pointer, `Diagnostic`), `runtime` (facts read from the hand-written runtime in
templates/runtime/). The command line (`python -m codegen`) is `cli`.
"""

__all__: list[str] = []
