"""Politeness for every request the follower sends: robots.txt, one request at a time per host,
a pause between requests, Retry-After.

It all lives in an httpx transport, so it holds whichever code sends the request: feed and
sitemap reads, the project's `fetch_url` with its retries, each hop of a redirect, and the
robots.txt requests themselves. Under it sits the API's SSRF guard (every hop's address must be
public) unless private addresses are allowed. A host is an origin, scheme://name:port, the unit
robots.txt applies to.
"""
from __future__ import annotations

import email.utils
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import httpx
from protego import Protego

from ..acquire.urlguard import GuardedTransport

from ..errors import InputError
from ..settings import get_settings
from .settings import FollowSettings

log = logging.getLogger(__name__)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# A robots.txt that cannot be read for a passing reason (5xx, 429, no connection) is asked
# again after this long; meanwhile the host counts as closed (RFC 9309, section 2.3.1.4).
_ROBOTS_RETRY = 300.0


def origin_of(url: httpx.URL | str) -> str:
    url = httpx.URL(url)
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{url.scheme}://{host}:{url.port or _DEFAULT_PORTS.get(url.scheme, 0)}"


class HostDeferred(Exception):
    """The host may not be asked now (a long Retry-After or Crawl-delay, or the run is stopping);
    `until` is when it may (seconds since the epoch)."""

    def __init__(self, origin: str, until: float, reason: str):
        self.origin, self.until, self.reason = origin, until, reason
        super().__init__(f"{origin}: {reason}")


class RobotsDisallowed(InputError):
    """robots.txt forbids the URL for our user agent."""


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header: a number of seconds or an HTTP date."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


@dataclass
class _Host:
    delay: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    free_at: float = 0.0  # time.monotonic() from which the next request may start
    last_done: float = float("-inf")


class HostGate:
    """At most one request at a time per host, and `delay` seconds (or the host's own, longer
    Crawl-delay) from the end of one request to the start of the next."""

    def __init__(self, delay: float, max_wait: float, stop: threading.Event | None = None):
        self.delay, self.max_wait = delay, max_wait
        self.stop = stop or threading.Event()
        self._hosts: dict[str, _Host] = {}
        self._guard = threading.Lock()

    def _host(self, origin: str) -> _Host:
        with self._guard:
            return self._hosts.setdefault(origin, _Host(self.delay))

    def slow_down(self, origin: str, delay: float) -> None:
        """The host asks for at least `delay` between requests (robots.txt Crawl-delay)."""
        host = self._host(origin)
        host.delay = max(host.delay, delay)
        host.free_at = max(host.free_at, host.last_done + host.delay)

    def hold_off(self, origin: str, seconds: float) -> None:
        """The host asks for no request in the next `seconds` (Retry-After)."""
        host = self._host(origin)
        host.free_at = max(host.free_at, time.monotonic() + seconds)

    def _deferred(self, origin: str, free_at: float, reason: str) -> HostDeferred:
        return HostDeferred(origin, time.time() + max(0.0, free_at - time.monotonic()), reason)

    def enter(self, origin: str) -> Callable[[], None]:
        """Wait for the host's turn; return the function that ends the request."""
        host = self._host(origin)
        if not host.lock.acquire(timeout=self.max_wait):
            raise self._deferred(origin, time.monotonic(), "another request to the host is still running")
        wait = host.free_at - time.monotonic()
        if wait > self.max_wait:
            host.lock.release()
            raise self._deferred(origin, host.free_at, f"the host asked for a pause of {wait:.0f} s")
        if wait > 0 and self.stop.wait(wait):
            host.lock.release()
            raise self._deferred(origin, host.free_at, "stopping")
        left = False

        def leave() -> None:
            nonlocal left
            if not left:
                left = True
                host.last_done = time.monotonic()
                host.free_at = max(host.free_at, host.last_done + host.delay)
                host.lock.release()

        return leave


class _Leaving(httpx.SyncByteStream):
    """A response body that ends the host's request when it is closed."""

    def __init__(self, stream: httpx.SyncByteStream, leave: Callable[[], None]):
        self._stream, self._leave = stream, leave

    def __iter__(self):
        yield from self._stream

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            self._leave()


class Robots:
    """robots.txt per host, read through `client` (which must not consult Robots itself) and
    kept for `ttl` seconds; its Crawl-delay or Request-rate slows the gate down."""

    def __init__(self, client: httpx.Client, gate: HostGate, user_agent: str, settings: FollowSettings):
        self.client, self.gate, self.user_agent = client, gate, user_agent
        self.ttl, self.max_bytes = settings.robots_ttl, settings.robots_max_bytes
        self._rules: dict[str, tuple[float, Protego | None | InputError]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def check(self, url: httpx.URL) -> None:
        """Raise RobotsDisallowed (or the reason robots.txt could not be read) unless allowed."""
        rules = self._for(origin_of(url))
        if rules is not None and not rules.can_fetch(str(url), self.user_agent):
            raise RobotsDisallowed(str(url), "fetch", "robots.txt disallows this URL for our user agent",
                                   "The publisher asks crawlers to keep out of it; it is tried again later.")

    def _for(self, origin: str) -> Protego | None:
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one robots.txt request per host, however many threads ask
            expires, rules = self._rules.get(origin, (0.0, None))
            if time.monotonic() >= expires:
                try:
                    rules, keep = self._read(origin), self.ttl
                except InputError as exc:
                    rules, keep = exc, _ROBOTS_RETRY
                self._rules[origin] = (time.monotonic() + keep, rules)
                if isinstance(rules, Protego):
                    self.gate.slow_down(origin, self._delay(rules))
        if isinstance(rules, InputError):
            raise rules
        return rules

    def _delay(self, rules: Protego) -> float:
        delay = rules.crawl_delay(self.user_agent) or 0.0
        rate = rules.request_rate(self.user_agent)
        if rate and rate.requests:
            delay = max(delay, rate.seconds / rate.requests)
        return float(delay)

    def _read(self, origin: str) -> Protego | None:
        """The parsed rules; None when there are none (a 4xx answer: everything is allowed)."""
        url = f"{origin}/robots.txt"
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code == 429 or response.status_code >= 500:
                    raise self._unavailable(url, f"HTTP {response.status_code}")
                if response.status_code >= 400:
                    return None
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) >= self.max_bytes:  # the rest is not read, as Google does
                        break
        except httpx.HTTPError as exc:
            raise self._unavailable(url, f"{exc.__class__.__name__}: {exc}") from None
        return Protego.parse(bytes(data[:self.max_bytes]).decode("utf-8", "replace"))

    @staticmethod
    def _unavailable(url: str, why: str) -> InputError:
        return InputError(url, "fetch", f"robots.txt cannot be read ({why}), so the host is not crawled",
                          "It is asked again in a few minutes; check that the host is up.")


class PoliteTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, gate: HostGate, robots: Robots | None = None):
        self.inner, self.gate, self.robots = inner, gate, robots

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.robots is not None:
            self.robots.check(request.url)
        origin = origin_of(request.url)
        leave = self.gate.enter(origin)
        try:
            # A copy: the SSRF guard rewrites the URL it is given to the checked address, and the
            # caller's request must keep the host name (it becomes the record's source URL).
            sent = httpx.Request(request.method, request.url, headers=request.headers,
                                 stream=request.stream, extensions=request.extensions)
            response = self.inner.handle_request(sent)
        except BaseException:
            leave()
            raise
        if response.status_code in (429, 503):
            pause = retry_after(response.headers.get("retry-after"))
            if pause:
                log.info("%s asks for a pause of %.1f s (HTTP %d)", origin, pause, response.status_code)
                self.gate.hold_off(origin, pause)
        return httpx.Response(response.status_code, headers=response.headers,
                              stream=_Leaving(response.stream, leave), extensions=response.extensions)

    def close(self) -> None:
        self.inner.close()


@dataclass
class PoliteClient:
    """The follower's HTTP client (`client`) and what it is made of."""

    client: httpx.Client
    gate: HostGate
    robots: Robots

    def close(self) -> None:
        self.robots.client.close()
        self.client.close()


def polite_client(settings: FollowSettings, stop: threading.Event | None = None) -> PoliteClient:
    """A client with the fetcher's timeouts, redirect bound and User-Agent, and the rules above."""
    fetch = get_settings()
    gate = HostGate(settings.host_delay, settings.max_wait, stop)

    def client(transport: httpx.BaseTransport) -> httpx.Client:
        return httpx.Client(transport=transport, timeout=fetch.fetch_timeout, follow_redirects=True,
                            max_redirects=5, headers={"User-Agent": fetch.user_agent})

    def inner() -> httpx.BaseTransport:
        return httpx.HTTPTransport() if settings.allow_private else GuardedTransport()

    robots = Robots(client(PoliteTransport(inner(), gate)), gate, fetch.user_agent, settings)
    return PoliteClient(client(PoliteTransport(inner(), gate, robots)), gate, robots)
