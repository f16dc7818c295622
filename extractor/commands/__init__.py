"""One module per CLI command; each calls a library function and formats its result."""
import sys

from ..errors import InputError


def report(error: InputError) -> None:
    """Failed inputs are reported on stderr, one line each, and the batch goes on."""
    print(f"error: {error}", file=sys.stderr)


def warn(warnings) -> None:
    """A record's (or document's) warnings on stderr, one line each: the input was still used."""
    for warning in warnings or ():
        print(f"warning: {warning}", file=sys.stderr)


CREATE_HELP = "start an empty store if the SQLite file does not exist (default: refuse, a mistyped path)"


def open_store_or_report(url: str | None, create: bool = True):
    """The store at `url`, or None after reporting why it cannot be opened (the command exits 2).
    create=False: a missing SQLite file is refused (commands that read the store)."""
    from ..store import open_store  # the store (SQLAlchemy) only for commands that use it

    try:
        return open_store(url, create=create)
    except InputError as exc:
        report(exc)
        return None


def add_language_option(parser) -> None:
    """`--language hi|en`: read every input as that language instead of detecting it."""
    from ..packs import available_languages

    parser.add_argument("--language", choices=available_languages() or None, default=None,
                        help="read every input as this language (default: detected per document)")
