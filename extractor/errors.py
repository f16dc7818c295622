"""One error type that names the input, the stage and what the user can do about it."""
from __future__ import annotations


class InputError(Exception):
    """A document could not be processed; the batch goes on without it."""

    def __init__(self, source: str, stage: str, problem: str, hint: str = ""):
        self.source, self.stage, self.problem, self.hint = source, stage, problem, hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.source}: {self.stage}: {self.problem}"
        return f"{text}. {self.hint}" if self.hint else text

    def __reduce__(self):
        # Exception pickles its args, here the one message: rebuild from the four fields, so an
        # error crosses a process boundary (the API's large-document lane, a pool) as itself.
        return type(self), (self.source, self.stage, self.problem, self.hint)

    def as_dict(self) -> dict:
        return {"source": self.source, "stage": self.stage, "error": self.problem, "hint": self.hint}
