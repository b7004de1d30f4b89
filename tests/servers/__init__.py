"""Test servers: a scripted loopback HTTP/1.1 server and the Steady OpenAPI mock server.

See tests/servers/README.md. Import from here, e.g. `from servers import ScriptedServer, Json`
(tests/ is on sys.path because tests/conftest.py lives there without an `__init__.py`).
"""

from .actions import (
    SSE_DONE,
    Action,
    Disconnect,
    Json,
    PartialBody,
    Pause,
    Raw,
    Stall,
    Stream,
    StreamEnd,
    keepalive_json,
    sse,
    sse_comment,
    truncated_json,
)
from .faults import FAULT_KINDS, FaultKind, FaultPlan
from .mock import DEEPSEEK_SPEC, MockServer, MockServerError, start_mock_server
from .scripted import Handler, RecordedRequest, ScriptedServer, ScriptedServerError

__all__ = [
    "DEEPSEEK_SPEC",
    "FAULT_KINDS",
    "SSE_DONE",
    "Action",
    "Disconnect",
    "FaultKind",
    "FaultPlan",
    "Handler",
    "Json",
    "MockServer",
    "MockServerError",
    "PartialBody",
    "Pause",
    "Raw",
    "RecordedRequest",
    "ScriptedServer",
    "ScriptedServerError",
    "Stall",
    "Stream",
    "StreamEnd",
    "keepalive_json",
    "sse",
    "sse_comment",
    "start_mock_server",
    "truncated_json",
]
