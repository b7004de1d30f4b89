"""codegen.render.forked: work done in a forked child, or here whenever the child cannot be used."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from codegen.render import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

HERE = os.getpid()


def test_the_work_runs_in_a_child_and_its_result_comes_back() -> None:
    big = {f"pkg/m{i}.py": "x = 1\n" * 500 for i in range(300)}  # more than a pipe holds

    def work() -> tuple[int, dict[str, str]]:
        return os.getpid(), dict(big)

    pid, files = forked.start(work)()
    assert pid != HERE
    assert files == big


def test_with_other_threads_running_the_work_runs_here() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert forked.start(os.getpid)() == HERE
    finally:
        stop.set()
        thread.join()


def test_a_child_that_dies_is_replaced_by_doing_the_work_here() -> None:
    def work() -> int:
        if os.getpid() != HERE:
            os.kill(os.getpid(), signal.SIGKILL)
        return os.getpid()

    assert forked.start(work)() == HERE


def test_an_error_in_the_work_is_raised_here_as_without_a_child() -> None:
    calls: list[int] = []

    def work() -> int:
        calls.append(os.getpid())  # only this process's calls are seen here
        raise ValueError("bad schema")

    waiter = forked.start(work)
    with pytest.raises(ValueError, match="bad schema"):
        waiter()
    assert calls == [HERE]


def test_a_result_never_asked_for_leaves_no_child_behind() -> None:
    waiter = forked.start(lambda: {"a": "b"})
    pid = waiter._pid  # type: ignore[attr-defined]
    assert pid is not None
    del waiter
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped already
