"""Structured output: validate the model's JSON reply into a pydantic model.

DeepSeek only has JSON mode (`{"type": "json_object"}`), so `parse()` sends that, optionally
describes the schema in a system message (`schema_in_prompt=True`), and validates the reply.

    DEEPSEEK_API_KEY=sk-... python examples/parse.py
"""

from __future__ import annotations

from deepseek_sdk import DeepSeek
from deepseek_sdk.lib import ContentParseError, LengthFinishReasonError
from pydantic import BaseModel


class Step(BaseModel):
    explanation: str
    output: str


class MathAnswer(BaseModel):
    steps: list[Step]
    final_answer: str


def main() -> None:
    client = DeepSeek()
    try:
        completion = client.chat.completions.parse(
            model="deepseek-chat",
            messages=[{"role": "user", "content": "Solve 8x + 7 = -23 step by step."}],
            response_format=MathAnswer,
            schema_in_prompt=True,
            max_tokens=2000,
        )
    except LengthFinishReasonError:
        print("The answer was cut off; raise max_tokens.")
        return
    except ContentParseError as exc:
        print("The reply did not match MathAnswer:", exc.content)
        return
    answer = completion.choices[0].message.parsed
    assert answer is not None
    for step in answer.steps:
        print(f"- {step.explanation}: {step.output}")
    print("answer:", answer.final_answer)


if __name__ == "__main__":
    main()
