"""The follower's limits and delays, from the environment like extractor.settings (read per call)."""
from __future__ import annotations

from dataclasses import dataclass, field

from api.settings import ApiSettings

from ..settings import _env_float, _env_int


def _allow_private() -> bool:
    # The operator's one switch for private and loopback addresses, shared with the API.
    return ApiSettings().allow_private_urls


@dataclass(frozen=True)
class FollowSettings:
    # Seconds between two requests to one host; robots.txt's Crawl-delay raises it, never lowers it.
    host_delay: float = field(default_factory=lambda: _env_float("EXTRACTOR_HOST_DELAY", 5.0))
    # A host that asks for a longer pause than this (Retry-After, Crawl-delay) is left for the next round.
    max_wait: float = field(default_factory=lambda: _env_float("EXTRACTOR_FOLLOW_MAX_WAIT", 60.0))
    # A failed item is tried again after retry_base, then 2x, 4x ... that, max_attempts times in all.
    retry_base: float = field(default_factory=lambda: _env_float("EXTRACTOR_FOLLOW_RETRY_BASE", 600.0))
    max_attempts: int = field(default_factory=lambda: _env_int("EXTRACTOR_FOLLOW_MAX_ATTEMPTS", 6))
    # Hosts fetched at the same time (each host still gets one request at a time).
    workers: int = field(default_factory=lambda: max(1, _env_int("EXTRACTOR_FOLLOW_WORKERS", 4)))
    # Child sitemaps of an index read per round, newest <lastmod> first.
    max_children: int = field(default_factory=lambda: _env_int("EXTRACTOR_FOLLOW_MAX_CHILDREN", 50))
    allow_private: bool = field(default_factory=_allow_private)
    # Google reads the first 500 KiB of a robots.txt and so do we; a rule file is re-read daily.
    robots_max_bytes: int = 500 * 1024
    robots_ttl: float = 24 * 3600.0
