"""Fetching URLs for POST /extract without reaching into the server's own network (SSRF).

Every request the client makes, the first and each redirect, goes through GuardedTransport:
the host is resolved, every address it resolves to must be public (not private, loopback,
link-local, multicast, reserved or unspecified, IPv4-mapped forms included), and the
connection is then made to the checked address itself, so a DNS answer that changes between
the check and the connect (DNS rebinding) cannot redirect it. TLS still verifies the host name.
"""
from __future__ import annotations

import ipaddress
import socket
from typing import Callable

import httpx

from .fetch import fetch_url
from ..document import RawDocument
from ..errors import InputError
from ..settings import get_settings

Resolver = Callable[[str, int], list[str]]
_HINT = ("Only public web pages can be fetched. On a trusted network the operator can set "
         "EXTRACTOR_ALLOW_PRIVATE_URLS=1.")


class BlockedURL(InputError):
    """The URL points at an address the API must not connect to."""


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(host, "fetch", f"the host name {host!r} does not resolve ({exc})",
                         "Check the URL's host name.") from None
    return [info[4][0] for info in infos]


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def checked_addresses(host: str, port: int, resolver: Resolver) -> list[str]:
    """Every address `host` resolves to; BlockedURL if any of them is not public."""
    try:
        addresses = [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        addresses = resolver(host, port)
    if not addresses:
        raise InputError(host, "fetch", f"the host name {host!r} has no address", "Check the URL.")
    for address in addresses:
        if not is_public(address):
            raise BlockedURL(host, "fetch", f"refused: {host} is {address}, a private, loopback or "
                             "link-local address", _HINT)
    return addresses


class GuardedTransport(httpx.HTTPTransport):
    def __init__(self, resolver: Resolver = system_resolver, **kwargs):
        super().__init__(**kwargs)
        self.resolver = resolver

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        address = checked_addresses(host, request.url.port or (443 if request.url.scheme == "https" else 80),
                                    self.resolver)[0]
        # Connect to the address just checked; the Host header already names the host, and the
        # TLS handshake is told the host name (SNI and certificate check).
        request.url = request.url.copy_with(host=address)
        request.extensions = {**request.extensions, "sni_hostname": host}
        return super().handle_request(request)


def guarded_client(resolver: Resolver = system_resolver) -> httpx.Client:
    settings = get_settings()  # the same timeouts, redirect bound and User-Agent as the CLI
    return httpx.Client(transport=GuardedTransport(resolver=resolver), timeout=settings.fetch_timeout,
                        follow_redirects=True, max_redirects=5, headers={"User-Agent": settings.user_agent})


def fetch_public(url: str, allow_private: bool = False, resolver: Resolver = system_resolver) -> RawDocument:
    """extractor.acquire.fetch.fetch_url with every hop checked (unless allow_private)."""
    if allow_private:
        return fetch_url(url)
    try:
        with guarded_client(resolver) as client:
            return fetch_url(url, client=client)
    except InputError as exc:
        if exc.source == url:
            raise
        raise type(exc)(url, exc.stage, exc.problem, exc.hint) from None  # name the URL asked for
