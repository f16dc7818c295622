"""Every setting in one place (limits, timeouts, paths, the database, the API), each read from
an `EXTRACTOR_<FIELD NAME>` environment variable; README lists them all."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
PREFIX = "EXTRACTOR_"


class SettingsError(ValueError):
    """An environment variable holds a value its setting cannot take."""


class Settings(BaseSettings):
    """`EXTRACTOR_MAX_INPUT_BYTES` sets max_input_bytes, and so on; models_dir is `EXTRACTOR_MODELS`.
    An empty variable counts as unset. Keyword arguments win over the environment."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, env_ignore_empty=True, extra="ignore",
                                      frozen=True, validate_by_name=True)

    # 10 MB of text is ~2,000 long articles: anything larger is a dump, not a document.
    max_input_bytes: int = Field(10_000_000, ge=0)
    max_page_bytes: int = Field(5_000_000, ge=0)
    fetch_timeout: float = Field(20.0, ge=0)  # seconds per request
    fetch_retries: int = Field(3, ge=0)  # attempts per URL
    fetch_backoff: float = Field(0.5, ge=0)  # seconds before the first retry, doubling each time
    user_agent: str = "hindi-news-extractor/0.1 (+https://github.com/hindi-news-extractor; research use)"
    # None: the models installed with the package (extractor.packs.models_root).
    models_dir: Path | None = Field(None, validation_alias="EXTRACTOR_MODELS")
    db: str | None = None  # database URL; None: sqlite:///extractor.db (store.engine.resolve_url)
    api_keys: str = ""  # comma-separated keys accepted in X-API-Key
    read_auth: bool = False  # reads need a key too
    allow_private_urls: bool = False  # POST /extract may fetch private addresses: trusted networks only
    # A 5 MB page is the fetch limit; its JSON-escaped HTML needs a little more.
    api_max_body_bytes: int = Field(6_000_000, ge=0)
    api_workers: int | None = Field(None, ge=1)  # `serve` processes; None: one per CPU core
    db_pool_size: int = Field(20, ge=1)  # PostgreSQL connections of the whole API, split over its workers
    api_cache_entries: int = Field(2048, ge=0)  # read responses each worker keeps; 0: no cache
    # /extract inputs longer than this (characters of text or HTML) run in a process of their own,
    # one at a time, so that they never hold up the small ones.
    api_large_chars: int = Field(200_000, ge=0)
    api_large_timeout: float = Field(300.0, gt=0)  # seconds a large /extract may take before 503
    # follow: seconds between two requests to one host (robots.txt's Crawl-delay raises it).
    host_delay: float = Field(5.0, ge=0)
    follow_max_wait: float = Field(60.0, ge=0)  # a longer pause asked for leaves the host to the next round
    follow_retry_base: float = Field(600.0, ge=0)  # a failed item waits this, then 2x, 4x ...
    follow_max_attempts: int = Field(6, ge=1)
    follow_workers: int = Field(4, ge=1)  # hosts fetched at once, one request at a time each
    follow_max_children: int = Field(50, ge=0)  # child sitemaps of an index read per round

    @property
    def keys(self) -> list[str]:
        return [k.strip() for k in self.api_keys.split(",") if k.strip()]


def _explain(error: dict) -> str:
    field = str(error["loc"][0]) if error["loc"] else ""
    info = Settings.model_fields.get(field)
    name = info.validation_alias if info and isinstance(info.validation_alias, str) else PREFIX + field.upper()
    example = "1 or 0" if info and isinstance(info.default, bool) else repr(info.default if info else None)
    return (f"{name if info else field}={error['input']!r}: settings: {error['msg'].lower()}. "
            f"Set it to a value such as {example}, or unset it.")


def get_settings() -> Settings:
    """Read the environment now (tests change it between calls); a bad value raises SettingsError
    naming the variable, its value and what to do."""
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError(" ".join(_explain(e) for e in exc.errors())) from None
