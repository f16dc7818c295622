"""The programme office's web view: server-rendered pages under /ui (routes.py, templates/, static/)."""
from .routes import install, router

__all__ = ["install", "router"]
