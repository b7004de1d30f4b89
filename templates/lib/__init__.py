"""Hand-written helpers on top of the generated client.

- ``client.chat.completions.stream(...)``: typed stream events (``chat_stream``, ``chat_stream_events``);
  ``ChatCompletionStreamState`` for plain ``create(stream=True)`` loops.
- ``client.chat.completions.parse(response_format=Model, ...)``: structured output (``_parsing``).
- ``client.chat.completions.run_tools(...)``: automatic function calling (``run_tools``), with
  ``function_tool`` / ``pydantic_function_tool`` (``tools``).
- ``client.beta.realtime.connect(...)``: realtime WebSocket (``realtime``; needs ``websockets``).
"""

from .chat_stream import (
    AsyncChatCompletionStream,
    AsyncChatCompletionStreamManager,
    ChatCompletionStream,
    ChatCompletionStreamManager,
)
from .chat_stream_events import (
    ChatCompletionStreamEvent,
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    ReasoningDeltaEvent,
    ReasoningDoneEvent,
    RefusalDeltaEvent,
    RefusalDoneEvent,
)
from .chat_stream_state import ChatCompletionStreamState
from .errors import (
    ContentParseError,
    LengthFinishReasonError,
    RealtimeConnectionClosedError,
    RealtimeServerError,
)
from .parsed_types import (
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
    ParsedFunction,
    ParsedFunctionToolCall,
)
from .realtime import AsyncRealtimeConnection, RealtimeConnection
from .run_tools import (
    AsyncChatCompletionStreamingToolRunner,
    AsyncChatCompletionToolRunner,
    ChatCompletionStreamingToolRunner,
    ChatCompletionToolRunner,
    ToolCallResult,
)
from .tools import (
    RunnableFunction,
    RunnableTool,
    function_tool,
    pydantic_function_tool,
    to_strict_json_schema,
)

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "AsyncChatCompletionStreamingToolRunner",
    "AsyncChatCompletionToolRunner",
    "AsyncRealtimeConnection",
    "ChatCompletionStream",
    "ChatCompletionStreamEvent",
    "ChatCompletionStreamManager",
    "ChatCompletionStreamState",
    "ChatCompletionStreamingToolRunner",
    "ChatCompletionToolRunner",
    "ChunkEvent",
    "ContentDeltaEvent",
    "ContentDoneEvent",
    "ContentParseError",
    "FunctionToolCallArgumentsDeltaEvent",
    "FunctionToolCallArgumentsDoneEvent",
    "LengthFinishReasonError",
    "LogprobsContentDeltaEvent",
    "LogprobsContentDoneEvent",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "ParsedFunction",
    "ParsedFunctionToolCall",
    "RealtimeConnection",
    "RealtimeConnectionClosedError",
    "RealtimeServerError",
    "ReasoningDeltaEvent",
    "ReasoningDoneEvent",
    "RefusalDeltaEvent",
    "RefusalDoneEvent",
    "RunnableFunction",
    "RunnableTool",
    "ToolCallResult",
    "function_tool",
    "pydantic_function_tool",
    "to_strict_json_schema",
]
