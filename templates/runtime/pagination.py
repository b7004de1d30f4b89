"""The page types list methods return, for annotations in your code.

::

    from <package>.pagination import SyncCursorPage

    page: SyncCursorPage[FineTuningJob] = client.fine_tuning.jobs.list(limit=20)

Iterating a page walks every item of every page (fetching the next pages as needed);
``page.has_next_page()`` / ``page.get_next_page()`` page by hand. The async client's list methods
return an ``AsyncPaginator``: ``async for item in ...`` or ``await`` it for the first page.
"""

from ._pagination import (
    AsyncCursorPage,
    AsyncCursorPageOptionalData,
    AsyncNextUrlPage,
    AsyncNextUrlPageOptionalData,
    AsyncPage,
    AsyncPageNumberPage,
    AsyncPageNumberPageOptionalData,
    AsyncPageOptionalData,
    AsyncPaginator,
    SyncCursorPage,
    SyncCursorPageOptionalData,
    SyncNextUrlPage,
    SyncNextUrlPageOptionalData,
    SyncPage,
    SyncPageNumberPage,
    SyncPageNumberPageOptionalData,
    SyncPageOptionalData,
)

__all__ = [
    "AsyncCursorPage",
    "AsyncCursorPageOptionalData",
    "AsyncNextUrlPage",
    "AsyncNextUrlPageOptionalData",
    "AsyncPage",
    "AsyncPageNumberPage",
    "AsyncPageNumberPageOptionalData",
    "AsyncPageOptionalData",
    "AsyncPaginator",
    "SyncCursorPage",
    "SyncCursorPageOptionalData",
    "SyncNextUrlPage",
    "SyncNextUrlPageOptionalData",
    "SyncPage",
    "SyncPageNumberPage",
    "SyncPageNumberPageOptionalData",
    "SyncPageOptionalData",
]
