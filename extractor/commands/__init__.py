"""One module per CLI command; each calls a library function and formats its result."""
import sys

from ..errors import InputError


def report(error: InputError) -> None:
    """Failed inputs are reported on stderr, one line each, and the batch goes on."""
    print(f"error: {error}", file=sys.stderr)
