"""Handling errors, and configuring retries and timeouts.

A non-2xx answer raises a subclass of `APIStatusError` (`BadRequestError` for 400, ...
`PaymentRequiredError` for DeepSeek's 402 "Insufficient Balance", `InternalServerError` for 5xx);
network failures raise `APIConnectionError`, timeouts `APITimeoutError`. All are `APIError`s.
Where the spec declares the error's body (DeepSeek's `ErrorResponse`), `err.body` is that model
when the body matches it, so `isinstance` narrows it.
Connection errors, 408, 409, 429 and >= 500 are retried twice by default, with a short
exponential backoff; requests time out after 10 minutes by default.

    DEEPSEEK_API_KEY=sk-... python examples/errors.py
"""

from __future__ import annotations

import deepseek_sdk
from deepseek_sdk import DeepSeek
from deepseek_sdk.types import ChatCompletionMessageParam, ErrorResponse

MESSAGES: list[ChatCompletionMessageParam] = [
    {"role": "user", "content": "How can I list all files in a directory using Python?"}
]


def handle_errors() -> None:
    client = DeepSeek()
    try:
        job = client.fine_tuning.jobs.create(model="deepseek-chat", training_file="file-abc123")
        print("created", job.id)
    except deepseek_sdk.APIStatusError as err:
        print("request id:", err.request_id)
        print("status:", err.status_code)  # e.g. 400
        print("error type:", type(err).__name__)  # e.g. BadRequestError
        print("headers:", dict(err.headers))
        print("message:", err.message)
        if isinstance(err.body, ErrorResponse):  # the typed body the spec declares
            print("error code:", err.body.error.code)  # e.g. invalid_training_file
    except deepseek_sdk.APIConnectionError as err:
        print("could not reach the server:", err)


def retries_and_timeouts() -> None:
    # Defaults for every request of this client: no retries, 20 s timeout,
    # and at most 60 s for a whole call (retries and keep-alive waits included).
    client = DeepSeek(max_retries=0, timeout=20.0, deadline=60.0)
    # Or per request:
    completion = client.with_options(max_retries=5).chat.completions.create(
        model="deepseek-chat", messages=MESSAGES
    )
    print("with 5 retries:", completion.choices[0].message.content)
    try:
        completion = client.chat.completions.create(
            model="deepseek-chat", messages=MESSAGES, timeout=5.0
        )
        print("within 5 s:", completion.choices[0].message.content)
    except deepseek_sdk.APITimeoutError:
        print("timed out")


if __name__ == "__main__":
    handle_errors()
    retries_and_timeouts()
