"""The error a batch run stops on before doing any work: wrong arguments, a busy or foreign run dir."""
from __future__ import annotations


class BatchUsageError(Exception):
    """The run cannot start as asked (the CLI exits with 2); says what to do instead."""

    def __init__(self, problem: str, hint: str = ""):
        self.problem, self.hint = problem, hint
        super().__init__(f"{problem}. {hint}" if hint else problem)
