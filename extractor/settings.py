"""Limits, timeouts and paths in one place; every value can be overridden by environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def _env_number(name: str, default, kind):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = kind(value)
    except ValueError:
        raise ValueError(f"{name}={value!r}: settings: not a {kind.__name__}. "
                         f"Set it to a number such as {default!r}, or unset it.") from None
    if number < 0:
        raise ValueError(f"{name}={value!r}: settings: must not be negative. Unset it for {default!r}.")
    return number


def _env_int(name: str, default: int) -> int:
    return _env_number(name, default, int)


def _env_float(name: str, default: float) -> float:
    return _env_number(name, default, float)


@dataclass(frozen=True)
class Settings:
    # 10 MB of text is ~2,000 long articles: anything larger is a dump, not a document.
    max_input_bytes: int = field(default_factory=lambda: _env_int("EXTRACTOR_MAX_INPUT_BYTES", 10_000_000))
    max_page_bytes: int = field(default_factory=lambda: _env_int("EXTRACTOR_MAX_PAGE_BYTES", 5_000_000))
    fetch_timeout: float = field(default_factory=lambda: _env_float("EXTRACTOR_FETCH_TIMEOUT", 20.0))
    fetch_retries: int = field(default_factory=lambda: _env_int("EXTRACTOR_FETCH_RETRIES", 3))
    fetch_backoff: float = field(default_factory=lambda: _env_float("EXTRACTOR_FETCH_BACKOFF", 0.5))
    user_agent: str = field(default_factory=lambda: os.environ.get(
        "EXTRACTOR_USER_AGENT",
        "hindi-news-extractor/0.1 (+https://github.com/hindi-news-extractor; research use)"))
    # None: the models installed with the package (extractor.packs.models_root).
    models_dir: Path | None = field(default_factory=lambda: Path(os.environ["EXTRACTOR_MODELS"])
                                    if os.environ.get("EXTRACTOR_MODELS") else None)


def get_settings() -> Settings:
    """Read the environment now (tests change it between calls)."""
    return Settings()
