"""API settings from the environment (pydantic-settings); fetch limits stay in extractor.settings."""
from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    """Every field is read from EXTRACTOR_<FIELD NAME>, e.g. EXTRACTOR_API_KEYS."""

    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", extra="ignore")

    db: str | None = None  # EXTRACTOR_DB: database URL; default sqlite:///extractor.db
    api_keys: str = ""  # EXTRACTOR_API_KEYS: comma-separated keys accepted in X-API-Key
    read_auth: bool = False  # EXTRACTOR_READ_AUTH=1: reads need a key too
    allow_private_urls: bool = False  # EXTRACTOR_ALLOW_PRIVATE_URLS=1: trusted networks only
    # A 5 MB page is the fetch limit; its JSON-escaped HTML needs a little more.
    api_max_body_bytes: int = 6_000_000  # EXTRACTOR_API_MAX_BODY_BYTES

    @property
    def keys(self) -> list[str]:
        return [k.strip() for k in self.api_keys.split(",") if k.strip()]
