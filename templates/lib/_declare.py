"""``@helper_method``: marks a function of ``lib/`` that the generator prints as a resource method.

The generator reads these declarations from the source (``codegen/runtime.py``); at run time the
decorator does nothing. ``helpers:`` in the generator config names the module for a resource, and
every function of it marked here becomes a method of that resource, sync and async:

- ``based_on="create"``: the method takes every parameter of the resource's generated ``create``
  (minus ``drop``, and with the function's own keyword parameters added or replacing theirs) plus
  the standard per-call options, and calls ``function(resource.create, params, **own)`` where
  ``params`` holds the other arguments by name;
- without ``based_on``: the method takes the function's keyword parameters and calls
  ``function(resource, **own)``.

``async_<name>`` is the async resource's form (``def`` or ``async def``, as the method should be).
Overloads of the function become overloads of the method; its docstring (``Args:`` included) and
the base method's argument docs make the method's docstring.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

__all__ = ["helper_method"]

F = TypeVar("F", bound=Callable[..., Any])


def helper_method(*, based_on: str | None = None, drop: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Declare the decorated function a helper method (see the module docstring)."""

    def declare(function: F) -> F:
        return function

    return declare
