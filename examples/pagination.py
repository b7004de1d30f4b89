"""Auto-pagination: walk every fine-tuning job, page after page.

List methods return a page you can iterate: `for job in client.fine_tuning.jobs.list(limit=20)`
fetches the following pages (cursor `after` = id of the last job) while the server says
`has_more`. Or go page by page with `page.data`, `page.has_next_page()`, `page.get_next_page()`.
On `AsyncDeepSeek`, `async for` walks every page and `await` gives the first one.

    DEEPSEEK_API_KEY=sk-... python examples/pagination.py
"""

from __future__ import annotations

import asyncio

from deepseek_sdk import AsyncDeepSeek, DeepSeek
from deepseek_sdk.types.fine_tuning import FineTuningJob


def fetch_all_fine_tuning_jobs(client: DeepSeek) -> list[FineTuningJob]:
    # Fetches more pages as needed.
    return list(client.fine_tuning.jobs.list(limit=20))


def page_by_page(client: DeepSeek) -> None:
    page = client.fine_tuning.jobs.list(limit=20)
    for job in page.data:
        print("  ", job.id, job.status)
    while page.has_next_page():
        page = page.get_next_page()
        for job in page.data:
            print("  ", job.id, job.status)


async def fetch_all_async() -> list[FineTuningJob]:
    async with AsyncDeepSeek() as client:
        return [job async for job in client.fine_tuning.jobs.list(limit=20)]


def main() -> None:
    with DeepSeek() as client:
        jobs = fetch_all_fine_tuning_jobs(client)
        print(f"{len(jobs)} jobs:", ", ".join(job.id for job in jobs))
        print("page by page:")
        page_by_page(client)
    print(f"async: {len(asyncio.run(fetch_all_async()))} jobs")


if __name__ == "__main__":
    main()
