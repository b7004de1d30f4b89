"""Call every endpoint of a client openapi-python-client generated, against a mock server, with
the same required arguments sdkgen's generated tests use (run by `bench_suite.py` with
openapi-python-client's own venv; prints a JSON report).

    <opc venv>/bin/python bench/opc_driver.py <client folder> <values.json> <base url>

`values.json` maps `"<METHOD> <path>"` to `{"params": {wire name: value}, "body": value}` (the
required parameters and body, as `codegen.lower.testsuite` derives them). An endpoint works
when its `sync_detailed` call returns a 2xx response, its parsed body (when the endpoint declares
one) is not None, and the mock reports nothing wrong with the request (`x-steady-error-count`).
Arguments are converted to what the client's annotations ask for (its model classes through
`from_dict`, its enums by value); an endpoint that cannot even be called that way does not work.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import json
import pkgutil
import re
import sys
import typing
from pathlib import Path
from typing import Any

_METHOD = re.compile(r'"method":\s*"(\w+)"')
_URL = re.compile(r'"url":\s*(f?)"([^"]*)"')


def snake(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"\W+", "_", name).strip("_").lower()


def convert(value: Any, annotation: Any) -> Any:
    """`value` (JSON data) as the client's annotation wants it."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or type(annotation).__name__ == "UnionType":
        members = [a for a in typing.get_args(annotation) if getattr(a, "__name__", "") != "Unset"]
        errors = []
        for member in members:
            if member is type(None):
                continue
            try:
                return convert(value, member)
            except Exception as exc:
                errors.append(exc)
        raise ValueError(f"no member of {annotation} takes {value!r}: {errors}")
    if origin in (list, typing.List) and isinstance(value, list):  # noqa: UP006
        (item,) = typing.get_args(annotation) or (Any,)
        return [convert(v, item) for v in value]
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return annotation(value)
        if hasattr(annotation, "from_dict") and isinstance(value, dict):
            return annotation.from_dict(value)
        if annotation in (int, float, str, bool) and not isinstance(value, annotation):
            raise TypeError(f"{value!r} is not {annotation.__name__}")
        if annotation.__name__ == "File":
            import io

            return annotation(payload=io.BytesIO(b"example"), file_name="example.txt")
    return value


def main() -> int:
    folder, values_file, base_url = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    values: dict[str, Any] = json.loads(values_file.read_text())
    sys.path.insert(0, str(folder))
    [package] = [p.name for p in folder.iterdir() if (p / "client.py").is_file()]
    client_module = importlib.import_module(f"{package}.client")
    client = client_module.Client(base_url=base_url, raise_on_unexpected_status=False)
    api = importlib.import_module(f"{package}.api")
    generated = working = 0
    failures: dict[str, str] = {}
    for info in pkgutil.walk_packages(api.__path__, f"{package}.api."):
        module = importlib.import_module(info.name)
        call = getattr(module, "sync_detailed", None)
        if call is None:
            continue
        generated += 1
        source = inspect.getsource(module._get_kwargs)
        method, url = _METHOD.search(source), _URL.search(source)
        if method is None or url is None:
            failures[info.name] = "could not read its method and URL"
            continue
        template = re.sub(r"\{[^{}]*\}", "{}", url.group(2))
        key = next(
            (
                k
                for k in values
                if k.split(" ", 1)[0] == method.group(1).upper()
                and re.sub(r"\{[^{}]*\}", "{}", k.split(" ", 1)[1]) == template
            ),
            None,
        )
        if key is None:
            failures[info.name] = f"no operation {method.group(1).upper()} {url.group(2)}"
            continue
        given = values[key]
        by_name = {snake(wire): value for wire, value in given["params"].items()}
        hints = typing.get_type_hints(call)
        kwargs: dict[str, Any] = {}
        try:
            for name, parameter in inspect.signature(call).parameters.items():
                if name == "client":
                    kwargs[name] = client
                elif name == "body":
                    if given["body"] is not None or parameter.default is inspect.Parameter.empty:
                        kwargs[name] = convert(given["body"] or {}, hints[name])
                elif name in by_name:
                    kwargs[name] = convert(by_name[name], hints[name])
                elif parameter.default is inspect.Parameter.empty:
                    raise ValueError(f"no value for its required argument {name}")
            response = call(**kwargs)
        except Exception as exc:
            failures[key] = f"{type(exc).__name__}: {str(exc)[:200]}"
            continue
        problems = response.headers.get("x-steady-error-count", "0")
        if not 200 <= int(response.status_code) < 300:
            failures[key] = f"status {int(response.status_code)}"
        elif problems != "0":
            failures[key] = f"the mock found {problems} problems in the request"
        elif response.parsed is None and response.content and given.get("json_response"):
            failures[key] = "the response was not parsed"
        else:
            working += 1
    print(json.dumps({"generated": generated, "working": working, "failures": failures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
