"""HTTP API over the extractor and the knowledge store (FastAPI); `create_app` is the entry point."""
