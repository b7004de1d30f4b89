"""Client hygiene: headers a CORS-restricted server accepts, no `__del__`, proxies from the
environment, TLS verification and custom CA bundles. (Pool sharing, closing, key masking, path
parameters and CR/LF headers are covered in test_client.py.)"""

from __future__ import annotations

import http.server
import json
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from _runtime_support import Api
from servers import Json, ScriptedServer
from session_sdks import sdk_root
from things_sdk._exceptions import APIConnectionError

THING = {"id": "t1", "name": "n"}

# Headers any server may see: the fetch "CORS-safelisted" ones, the hop-by-hop and framing
# headers httpx2 writes, and Authorization / User-Agent, which OpenAI-compatible servers allow.
STANDARD = {
    "accept",
    "accept-encoding",
    "authorization",
    "connection",
    "content-length",
    "content-type",
    "host",
    "user-agent",
}


async def test_only_standard_headers_are_sent_by_default(api: Api) -> None:
    client = api.client(lambda r: httpx2.Response(200, json=THING))
    await api.run(client.things.retrieve("t1"))
    await api.run(client.things.list_all())
    for request in api.requests:
        assert {name.lower() for name in request.headers} <= STANDARD


async def test_the_idempotency_header_is_sent_only_when_configured(api: Api) -> None:
    client = api.client(lambda r: httpx2.Response(200, json=THING))  # configured in sdk.yaml
    await api.run(client.things.create(name="n"))
    await api.run(client.things.delete("t1"))
    create, delete = ({name.lower() for name in r.headers} for r in api.requests)
    assert create == STANDARD | {"idempotency-key"}
    assert delete == STANDARD - {"content-length", "content-type"} | {"idempotency-key"}
    assert len({r.headers["idempotency-key"] for r in api.requests}) == 2  # one per call


def test_nothing_defines_del() -> None:
    """Finalizers that close pools would schedule work on event loops that may be gone."""
    roots = [sdk_root("things_sdk"), sdk_root("deepseek_sdk")]  # runtime, helpers, generated
    sources = [path for root in roots for path in root.rglob("*.py")]
    assert len(sources) > 15
    assert [str(path) for path in sources if "__del__" in path.read_text(encoding="utf-8")] == []


async def test_proxies_from_the_environment_are_used_by_default(
    api: Api, scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", scripted_server.url)
    scripted_server.enqueue(Json(THING))
    client = api.live("http://api.example/v1")
    assert (await api.run(client.things.create(name="n"))).id == "t1"
    assert scripted_server.requests[0].target == "http://api.example/v1/things"  # via the proxy


# -- TLS --------------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        body = json.dumps(THING).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate: (base URL, CA file)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs the openssl command to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=x"]
    names = ["-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(
        [openssl, *request, *names, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/v1", cert
    server.shutdown()
    server.server_close()


async def test_tls_is_verified_by_default(api: Api, tls_server: tuple[str, Path]) -> None:
    url, _ = tls_server
    client = api.live(url, max_retries=0)
    with pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
        await api.run(client.things.create(name="n"))


async def test_a_ca_bundle_is_passed_through_a_custom_http_client(
    api: Api, tls_server: tuple[str, Path]
) -> None:
    url, ca_file = tls_server
    context = ssl.create_default_context(cafile=str(ca_file))
    http_client = (
        httpx2.AsyncClient(verify=context) if api.is_async else httpx2.Client(verify=context)
    )
    client = api.live(url, http_client=http_client)
    assert (await api.run(client.things.create(name="n"))).id == "t1"
