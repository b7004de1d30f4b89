"""The corpus specs' declared error bodies (issue 16's typed `APIStatusError.body`): each shared
error schema is one model for every operation that declares it, and a call answered with that
status raises the error with `body` an instance of it (run in the generated SDK, on a mock
transport). Skipped with the reason when the corpus is absent."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest
from _corpus import EVERY, LIGHT, Generated

from codegen import ir
from codegen.ir import types as t

# spec -> (status, the error model, how many methods declare it, at least)
EXPECTED = {
    "petstore": ("default", "Error", 3),
    "mistral": ("422", "HTTPValidationError", 100),
    "stripe": ("default", "Error", 468),
    "digitalocean": ("401", "Error", 600),
    "twilio-messaging": ("307", "MessagingV1Deactivation", 1),
}
# A body of that status that the model takes.
BODIES = {
    "petstore": {"code": 422, "message": "no such pet"},
    "mistral": {"detail": [{"loc": ["body", "model"], "msg": "required", "type": "missing"}]},
    "stripe": {"error": {"message": "No such customer", "type": "invalid_request_error"}},
    "digitalocean": {"id": "not_found", "message": "The resource could not be found."},
}


def _declaring(api: ir.Api, status: str) -> list[tuple[ir.Resource, ir.Method, ir.ErrorBody]]:
    return [
        (resource, method, error)
        for resource in api.resources
        for method in resource.methods
        for error in method.errors
        if error.status == status
    ]


@pytest.mark.parametrize("corpus_spec", EVERY, indirect=True)
def test_a_shared_error_schema_is_one_model(generated: Generated) -> None:
    status, model, at_least = EXPECTED[generated.spec.name]
    found = _declaring(generated.outcome.api, status)
    types = Counter(error.type for _, _, error in found)
    assert len(found) >= at_least
    assert types.most_common(1)[0][0] == t.Ref(model)
    homes = [
        m.path for m in generated.outcome.api.type_modules for d in m.definitions if d.name == model
    ]
    assert len(homes) == 1  # one class, in one module, whichever operations use it


_CALL = """
import functools, json, sys
import httpx2
package, client_name, dotted, args, status, model, body = sys.argv[1:-1]
sdk = __import__(package)
types = __import__(package + ".types", fromlist=[model])
answer = httpx2.Response(int(status), json=json.loads(body))
http = httpx2.Client(transport=httpx2.MockTransport(lambda request: answer))
client = getattr(sdk, client_name)(
    http_client=http, max_retries=0, base_url="https://api.test",
    **{name: "secret" for name in json.loads(sys.argv[-1])},
)
method = functools.reduce(getattr, dotted.split("."), client)
try:
    method(*json.loads(args))
except sdk.APIStatusError as error:
    assert isinstance(error.body, getattr(types, model)), repr(error.body)
    assert error.response.json() == json.loads(body)
    print(type(error).__name__, type(error.body).__name__)
"""


@pytest.mark.parametrize("corpus_spec", LIGHT, indirect=True)
def test_a_call_raises_with_the_typed_body(generated: Generated) -> None:
    spec, api = generated.spec, generated.outcome.api
    status, model, _ = EXPECTED[spec.name]
    if spec.name not in BODIES:
        pytest.skip(f"no sample body for {spec.name}'s {model}")
    # A method of that status and model that only needs path parameters.
    resource, method = next(
        (r, m)
        for r, m, error in _declaring(api, status)
        if error.type == t.Ref(model)
        and not any(m.param(k).required for k in m.keyword)
        and m.result in ("model", "none")
    )
    credentials = [c.name for c in api.client.auth.credentials]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CALL,
            spec.package,
            spec.client,
            f"{resource.dotted}.{method.name}",
            json.dumps(["x"] * len(method.positional)),
            "422" if status == "default" else status,  # default: any status
            model,
            json.dumps(BODIES[spec.name]),
            json.dumps(credentials),
        ],
        cwd=generated.out,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    raised = "UnprocessableEntityError" if status in ("default", "422") else None
    assert done.stdout.split()[1:] == [model]
    if raised:
        assert done.stdout.split()[0] == raised
