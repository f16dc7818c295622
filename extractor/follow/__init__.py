"""Follow sources (RSS/Atom feeds, sitemaps, pages that link to feeds) into the knowledge store.

    from extractor.follow import Follower
    with open_store(url) as store, Follower(store) as follower:
        summary = follower.run_round(["https://example.org/feed.xml"])

Each round reads every source, fetches the items not seen before (by GUID, else canonical URL)
with the project's fetcher, extracts and stores them; failures are retried in later rounds with
backoff. State lives in the store's database (follow_sources, follow_items), so a restarted
follower resumes where the last one stopped. Requests keep to robots.txt and to a per-host
pause (polite.py).
"""
from .round import Follower, RoundSummary
from .settings import FollowSettings

__all__ = ["Follower", "RoundSummary", "FollowSettings"]
