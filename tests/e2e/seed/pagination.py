"""Seed "自动分页" (auto-pagination): every item, or one page at a time."""

import os
from typing import assert_type

from deepseek_sdk import DeepSeek
from deepseek_sdk.pagination import SyncCursorPage
from deepseek_sdk.types.fine_tuning import FineTuningJob

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def fetch_all_fine_tuning_jobs() -> list[FineTuningJob]:
    all_fine_tuning_jobs: list[FineTuningJob] = []
    # Fetches more pages as needed.
    for fine_tuning_job in client.fine_tuning.jobs.list(limit=20):
        assert_type(fine_tuning_job, FineTuningJob)
        all_fine_tuning_jobs.append(fine_tuning_job)
    return all_fine_tuning_jobs


def main() -> None:
    print(len(fetch_all_fine_tuning_jobs()))
    page = client.fine_tuning.jobs.list(limit=2)
    assert_type(page, SyncCursorPage[FineTuningJob])
    for fine_tuning_job in page.data:
        print(fine_tuning_job.id)
    # Convenience methods for paging by hand:
    while page.has_next_page():
        page = page.get_next_page()
        print([job.id for job in page.data])


main()
