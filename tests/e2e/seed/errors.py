"""Seed "处理错误" (handling errors): catch APIError and read its fields."""

import os

import deepseek_sdk
from deepseek_sdk import DeepSeek

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def main() -> None:
    try:
        client.fine_tuning.jobs.create(model="deepseek-chat", training_file="file-abc123")
    except deepseek_sdk.APIStatusError as err:
        print(err.request_id)
        print(err.status_code)  # 400
        print(type(err).__name__)  # BadRequestError
        print(err.headers.get("content-type"))
    except deepseek_sdk.APIConnectionError as err:  # no response at all
        print("connection failed:", err.message)
    # Every status has its own class, as in the seed's table:
    assert issubclass(deepseek_sdk.BadRequestError, deepseek_sdk.APIStatusError)
    for name in (
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
    ):
        assert issubclass(getattr(deepseek_sdk, name), deepseek_sdk.APIError)


main()
