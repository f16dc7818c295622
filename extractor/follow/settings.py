"""The follower's limits and delays, from the environment like extractor.settings (read per call)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..settings import get_settings


def _setting(name: str):
    return field(default_factory=lambda: getattr(get_settings(), name))


@dataclass(frozen=True)
class FollowSettings:
    """The follower's limits, from the EXTRACTOR_* settings unless given (tests give them)."""

    host_delay: float = _setting("host_delay")
    max_wait: float = _setting("follow_max_wait")
    retry_base: float = _setting("follow_retry_base")
    max_attempts: int = _setting("follow_max_attempts")
    workers: int = _setting("follow_workers")
    max_children: int = _setting("follow_max_children")
    # The operator's one switch for private and loopback addresses, shared with the API.
    allow_private: bool = _setting("allow_private_urls")
    # Google reads the first 500 KiB of a robots.txt and so do we; a rule file is re-read daily.
    robots_max_bytes: int = 500 * 1024
    robots_ttl: float = 24 * 3600.0
