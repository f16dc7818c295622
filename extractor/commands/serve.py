"""`serve [--host H] [--port P] [--db URL]`: run the HTTP API with uvicorn."""
from __future__ import annotations

from ..errors import InputError
from . import CREATE_HELP, report


def register(sub) -> None:
    p = sub.add_parser("serve", help="run the HTTP API (FastAPI + uvicorn)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--db", metavar="URL", help="database URL (default: EXTRACTOR_DB, else sqlite:///extractor.db)")
    p.add_argument("--create", action="store_true", help=CREATE_HELP)
    p.set_defaults(func=run)


def run(args) -> int:
    import uvicorn  # imported here: the other commands do not need the web stack

    from api.main import create_app

    try:
        app = create_app(args.db, create=args.create)
    except InputError as exc:
        report(exc)
        return 2
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
