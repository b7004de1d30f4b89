from typing_extensions import TypedDict

__all__ = ["ReportListParams"]


class ReportListParams(TypedDict, total=False):
    """Parameters of `client.reports.list()`."""

    page: int
