"""The chat completion stream helper: ``client.chat.completions.stream(...)``.

::

    with client.chat.completions.stream(model="deepseek-chat", messages=[...]) as stream:
        for event in stream:
            if event.type == "content.delta":
                print(event.delta, end="")
    completion = stream.get_final_completion()

Or callback style (handlers run while the stream is consumed, e.g. by ``until_done()``)::

    with client.chat.completions.stream(...) as stream:
        stream.on("content", lambda delta, snapshot: print(delta, end=""))
        completion = stream.get_final_completion()

The request is sent when the ``with`` block is entered and the connection is closed when it
exits. Events are described in ``chat_stream_events``; ``on()`` names in ``_hooks.StreamHooks``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Iterator
from types import TracebackType
from typing import Callable, Generic, TypeVar

import httpx2
from typing_extensions import Self

from .._streaming import AsyncStream, Stream
from ._generated_types import ChatCompletionChunk
from ._handlers import Handlers
from ._hooks import StreamHooks
from .chat_stream_events import ChatCompletionStreamEvent
from .chat_stream_state import ChatCompletionStreamState
from .parsed_types import ParsedChatCompletion

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "ChatCompletionStream",
    "ChatCompletionStreamManager",
]

ResponseFormatT = TypeVar("ResponseFormatT")


class ChatCompletionStream(StreamHooks[ResponseFormatT]):
    """Iterate to get typed events; see the module docstring. Iterable once."""

    def __init__(
        self,
        raw_stream: Stream[ChatCompletionChunk],
        state: ChatCompletionStreamState[ResponseFormatT],
        handlers: Handlers | None = None,
    ) -> None:
        self._raw_stream = raw_stream
        self._state = state
        state.request_id = raw_stream.request_id
        self._handlers = handlers if handlers is not None else Handlers()
        self._iterator = self._events()

    @property
    def response(self) -> httpx2.Response:
        """The HTTP response (status, headers such as ``x-request-id``)."""
        return self._raw_stream.response

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The completion accumulated from the chunks consumed so far."""
        return self._state.current_completion_snapshot

    @property
    def text_deltas(self) -> Iterator[str]:
        """Iterate over the content text only."""
        for event in self:
            if event.type == "content.delta":
                yield event.delta

    def __iter__(self) -> Iterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        return self._iterator

    def __next__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        return next(self._iterator)

    def until_done(self) -> Self:
        """Consume the rest of the stream (running handlers)."""
        for _ in self._iterator:
            pass
        return self

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Consume the rest of the stream and return the accumulated ``ChatCompletion``."""
        self.until_done()
        return self._state.get_final_completion()

    def close(self) -> None:
        """Close the HTTP connection (also done on ``with`` exit and when the stream ends)."""
        self._raw_stream.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _events(self) -> Iterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        handle_chunk = self._state.handle_chunk
        handlers = self._handlers
        for chunk in self._raw_stream:
            for event in handle_chunk(chunk):
                if handlers:
                    handlers.run(handlers.stream_calls(event))
                yield event


class AsyncChatCompletionStream(StreamHooks[ResponseFormatT]):
    """Async twin of ``ChatCompletionStream``: ``async for event in stream``."""

    def __init__(
        self,
        raw_stream: AsyncStream[ChatCompletionChunk],
        state: ChatCompletionStreamState[ResponseFormatT],
        handlers: Handlers | None = None,
    ) -> None:
        self._raw_stream = raw_stream
        self._state = state
        state.request_id = raw_stream.request_id
        self._handlers = handlers if handlers is not None else Handlers()
        self._iterator = self._events()

    @property
    def response(self) -> httpx2.Response:
        """The HTTP response (status, headers such as ``x-request-id``)."""
        return self._raw_stream.response

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The completion accumulated from the chunks consumed so far."""
        return self._state.current_completion_snapshot

    @property
    def text_deltas(self) -> AsyncIterator[str]:
        """Iterate over the content text only (``async for text in stream.text_deltas``)."""
        return self._text_deltas()

    def __aiter__(self) -> AsyncIterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        return self._iterator

    async def __anext__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        return await self._iterator.__anext__()

    async def until_done(self) -> Self:
        """Consume the rest of the stream (running handlers)."""
        async for _ in self._iterator:
            pass
        return self

    async def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Consume the rest of the stream and return the accumulated ``ChatCompletion``."""
        await self.until_done()
        return self._state.get_final_completion()

    async def close(self) -> None:
        """Close the HTTP connection (also done on ``async with`` exit and when the stream ends)."""
        await self._raw_stream.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _text_deltas(self) -> AsyncIterator[str]:
        async for event in self:
            if event.type == "content.delta":
                yield event.delta

    async def _events(self) -> AsyncIterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        handle_chunk = self._state.handle_chunk
        handlers = self._handlers
        async for chunk in self._raw_stream:
            for event in handle_chunk(chunk):
                if handlers:
                    await handlers.arun(handlers.stream_calls(event))
                yield event


class ChatCompletionStreamManager(Generic[ResponseFormatT]):
    """Returned by ``stream()``; use it in a ``with`` block (the request is sent on enter)."""

    def __init__(
        self,
        api_request: Callable[[], Stream[ChatCompletionChunk]],
        state: ChatCompletionStreamState[ResponseFormatT],
    ) -> None:
        self._api_request = api_request
        self._state = state
        self._stream: ChatCompletionStream[ResponseFormatT] | None = None

    def __enter__(self) -> ChatCompletionStream[ResponseFormatT]:
        self._stream = ChatCompletionStream(self._api_request(), self._state)
        return self._stream

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncChatCompletionStreamManager(Generic[ResponseFormatT]):
    """Returned by the async ``stream()``; use it in an ``async with`` block."""

    def __init__(
        self,
        api_request: Callable[[], Awaitable[AsyncStream[ChatCompletionChunk]]],
        state: ChatCompletionStreamState[ResponseFormatT],
    ) -> None:
        self._api_request = api_request
        self._state = state
        self._stream: AsyncChatCompletionStream[ResponseFormatT] | None = None

    async def __aenter__(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        self._stream = AsyncChatCompletionStream(await self._api_request(), self._state)
        return self._stream

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
