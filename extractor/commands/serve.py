"""`serve [--host H] [--port P] [--db URL] [--workers N]`: run the HTTP API with uvicorn."""
from __future__ import annotations

import os

from ..errors import InputError
from ..settings import get_settings
from . import CREATE_HELP, report


def register(sub) -> None:
    p = sub.add_parser("serve", help="run the HTTP API (FastAPI + uvicorn)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--db", metavar="URL", help="database URL (default: EXTRACTOR_DB, else sqlite:///extractor.db)")
    p.add_argument("--create", action="store_true", help=CREATE_HELP)
    p.add_argument("--workers", type=int, metavar="N",
                   help="server processes (default: EXTRACTOR_API_WORKERS, else one per CPU core); each "
                        "serves requests with its own pipeline, cache and share of the database pool")
    p.set_defaults(func=run)


def run(args) -> int:
    import uvicorn  # imported here: the other commands do not need the web stack

    from api.main import create_app

    workers = args.workers or get_settings().api_workers or os.cpu_count() or 1
    if workers < 1:
        report(InputError(f"--workers {workers}", "serve", "needs at least one worker process",
                          "Give --workers 1 or more, or leave it out for one per CPU core."))
        return 2
    try:
        app = create_app(args.db, workers=workers, create=args.create)  # migrates, and says so if the URL is wrong
    except InputError as exc:
        report(exc)
        return 2
    if workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
        return 0
    app.state.store.close()
    # Worker processes build their own app from the environment: the database as opened here.
    os.environ["EXTRACTOR_DB"] = app.state.store.engine.url.render_as_string(hide_password=False)
    os.environ["EXTRACTOR_API_WORKERS"] = str(workers)
    uvicorn.run("api.main:app_from_environment", factory=True, host=args.host, port=args.port,
                workers=workers, log_level="info")
    return 0
