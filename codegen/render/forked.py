"""Render part of an SDK in a forked child process while this process renders the rest.

`start(work)` runs `work()` (a function returning picklable data) in a child made with
`os.fork()`, so the child shares the lowered API without copying or pickling it, and returns a
function that waits for the child and returns its result. Rendering Stripe's 1,700 type modules
takes about as long as the rest of the SDK, so on two cores rendering takes about half the time;
on a busy machine two processes also get a larger share of it than one.

The output cannot depend on where `work` ran: it is a pure function of data both processes
have. Whenever the child cannot be used, `work()` runs here instead, when its result is asked
for, so errors are raised (and tracebacks shown) exactly as without a child:

- no `os.fork` (Windows), or this process runs other threads (forking them is unsafe: a lock
  another thread holds would stay locked in the child; a test runner's server threads, say);
- the child fails for any reason (an exception in `work`, killed, a result it cannot pickle).

The child never returns into the caller: it leaves with `os._exit`, running no `atexit`
handlers and flushing no inherited buffers. A child not waited for (the caller failed first)
is killed and reaped when its waiter is garbage-collected or the process exits.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["start"]

T = TypeVar("T")


def start(work: Callable[[], T]) -> Callable[[], T]:
    """Begin `work()` in a forked child; the returned function waits for it and returns its
    result (computed here if the child could not be used)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return work
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return work
    if pid == 0:  # the child
        os.close(read_end)
        _child(work, write_end)
    os.close(write_end)
    return _Waiter(pid, read_end, work)


def _child(work: Callable[[], T], fd: int) -> None:
    status = 1
    try:
        data = memoryview(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
        while data:
            data = data[os.write(fd, data) :]
        status = 0
    except BaseException:  # the parent runs `work` again and raises it there
        pass
    finally:
        os._exit(status)


class _Waiter(Generic[T]):
    """Waits for one child's result (once) and falls back to running `work` here."""

    def __init__(self, pid: int, fd: int, work: Callable[[], T]) -> None:
        self._pid: int | None = pid
        self._fd: int | None = fd
        self._work = work

    def __call__(self) -> T:
        chunks = []
        assert self._fd is not None, "the result was taken already"
        with open(self._fd, "rb", closefd=True) as pipe:
            self._fd = None
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        status = self._reap()
        if status == 0:
            try:
                result: T = pickle.loads(b"".join(chunks))
            except Exception:  # a truncated result: compute it here instead
                pass
            else:
                return result
        return self._work()

    def _reap(self) -> int:
        pid, self._pid = self._pid, None
        if pid is None:
            return -1
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)

    def __del__(self) -> None:  # the caller failed before asking for the result
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()
