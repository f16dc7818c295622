"""API keys, SSRF refusals, body limits and malformed bodies, against real uvicorn servers."""
from __future__ import annotations

import json

import httpx
import pytest

from extractor.acquire.urlguard import BlockedURL, fetch_public
from test_api_support import BODY_LIMIT, KEYS, LiveServer, database, local_site
from test_store_support import ENGINES

TEXT = "बिलासपुर। पुलिस महानिरीक्षक डॉ. संजीव शुक्ला ने 30 सितम्बर तक अभियान चलाने के निर्देश दिए।"


@pytest.fixture(scope="module", params=ENGINES)
def servers(request, tmp_path_factory):
    """On one database: the default server, one with EXTRACTOR_READ_AUTH, one allowing private URLs."""
    keys = ",".join(KEYS)
    with database(request.param, tmp_path_factory.mktemp("sec")) as url, \
            LiveServer(url, api_keys=keys, api_max_body_bytes=BODY_LIMIT) as default, \
            LiveServer(url, api_keys=keys, read_auth=True) as read_auth, \
            LiveServer(url, api_keys=keys, allow_private_urls=True) as private_ok:
        yield {"default": default, "read_auth": read_auth, "private_ok": private_ok}


def assert_error(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    message = r.json()["error"]
    assert isinstance(message, str) and len(message) > 15
    return message


@pytest.mark.parametrize("headers, status", [({}, 401), ({"X-API-Key": "wrong"}, 403),
                                             ({"X-API-Key": ""}, 401), ({"X-API-Key": KEYS[0] + "x"}, 403)])
def test_writes_without_a_valid_key_are_refused_and_store_nothing(servers, headers, status):
    server = servers["default"]
    with server.client(**headers) as c:
        r = c.post("/documents", json={"text": TEXT + " " + str(status) + repr(headers)})
        assert_error(r, status)
        if status == 401:
            assert "X-API-Key" in r.headers["www-authenticate"]
    with server.client() as c:
        doc_id = c.post("/extract", json={"text": TEXT + " " + str(status) + repr(headers)}).json()["doc_id"]
        assert c.get(f"/documents/{doc_id}").status_code == 404


def test_reads_are_open_by_default_and_closed_with_read_auth(servers):
    with servers["default"].client() as c:
        assert c.get("/officials").status_code == 200
    with servers["read_auth"].client() as c:
        assert_error(c.get("/officials"), 401)
        assert_error(c.get("/search", params={"q": "बैठक"}), 401)
        assert_error(c.post("/extract", json={"text": TEXT}), 401)
        assert_error(c.get("/officials", headers={"X-API-Key": "nope"}), 403)
        assert c.get("/officials", headers={"X-API-Key": KEYS[1]}).status_code == 200
        assert c.get("/health").status_code == 200  # liveness stays open for load balancers


def _ssrf_urls(port: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/health", f"http://localhost:{port}/health", "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data/", f"http://[::1]:{port}/", "http://0x7f000001/",
            "http://127.1/", "http://192.168.1.1/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/"]


def test_extract_refuses_private_loopback_and_link_local_urls(servers):
    server = servers["default"]
    with server.client(**{"X-API-Key": KEYS[0]}) as c:
        for url in _ssrf_urls(server.port):
            for path in ("/extract", "/documents"):
                message = assert_error(c.post(path, json={"url": url}), 400)
                assert "refused" in message, (url, message)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1/"])
def test_non_http_urls_are_refused(servers, url):
    with servers["default"].client() as c:
        assert "http" in assert_error(c.post("/extract", json={"url": url}), 400)


def test_private_urls_are_fetched_only_when_the_operator_allows_it(servers):
    with local_site() as site:
        url = f"http://127.0.0.1:{site.server_address[1]}/article"
        with servers["default"].client() as c:
            assert_error(c.post("/extract", json={"url": url}), 400)
        assert site.paths == []  # refused before any connection was made
        with servers["private_ok"].client() as c:
            r = c.post("/extract", json={"url": url, "published": "2024-10-01"})
    assert r.status_code == 200, r.text
    assert r.json()["source"]["url"] == url and "मिशन शक्ति" in r.json()["text"]


def test_every_redirect_hop_is_checked(monkeypatch):
    """The first hop is allowed (as if public); its redirect to a private address is not followed."""
    monkeypatch.setattr("extractor.acquire.urlguard.is_public", lambda address: address == "127.0.0.1")
    with local_site() as site:
        port = site.server_address[1]
        hosts = {"news.test": ["127.0.0.1"], "evil.test": ["127.0.0.2"]}
        resolve = lambda host, _port: hosts[host]  # noqa: E731
        ok = fetch_public(f"http://news.test:{port}/redirect?to=http://news.test:{port}/article", resolver=resolve)
        assert "मिशन शक्ति" in ok.html
        with pytest.raises(BlockedURL, match="evil.test"):
            fetch_public(f"http://news.test:{port}/redirect?to=http://evil.test:{port}/article", resolver=resolve)
    # Connections went to the checked address with the original Host; evil.test was never asked.
    assert site.paths == [("/redirect?to=http://news.test:%d/article" % port, f"news.test:{port}"),
                          ("/article", f"news.test:{port}"),
                          ("/redirect?to=http://evil.test:%d/article" % port, f"news.test:{port}")]


def test_oversized_bodies_are_413_declared_or_streamed(servers):
    big = json.dumps({"text": "क" * BODY_LIMIT}).encode()

    def chunks():
        for i in range(0, len(big), 8192):
            yield big[i:i + 8192]

    with servers["default"].client(**{"X-API-Key": KEYS[0]}) as c:
        assert "EXTRACTOR_API_MAX_BODY_BYTES" in assert_error(
            c.post("/extract", content=big, headers={"content-type": "application/json"}), 413)
        assert_error(c.post("/documents", content=chunks(), headers={"content-type": "application/json"}), 413)
        assert c.get("/health").status_code == 200  # and the server is fine afterwards


@pytest.mark.parametrize("body", [
    b"{not json", b"[1, 2]", b'{"text": 5}', b"{}", b'{"text": "x", "url": "http://example.org/"}',
    b'{"text": "x", "colour": "red"}', b'{"text": "x", "published": "April"}', b'"just a string"',
    json.dumps({"text": "   \n\t "}).encode(), json.dumps({"text": "\u200b\u200b"}).encode(),
    b"\xff\xfe\x00garbage",
])
def test_malformed_bodies_are_422_not_500(servers, body):
    with servers["default"].client() as c:
        r = c.post("/extract", content=body, headers={"content-type": "application/json"})
    assert_error(r, 422)


def test_settings_come_from_the_environment(monkeypatch):
    from extractor.settings import Settings

    monkeypatch.setenv("EXTRACTOR_API_KEYS", " alpha, beta ,,")
    monkeypatch.setenv("EXTRACTOR_READ_AUTH", "1")
    monkeypatch.setenv("EXTRACTOR_API_MAX_BODY_BYTES", "1234")
    settings = Settings()
    assert settings.keys == ["alpha", "beta"] and settings.read_auth and settings.api_max_body_bytes == 1234
    assert not settings.allow_private_urls


def test_writes_are_refused_when_no_keys_are_configured(tmp_path):
    with LiveServer(f"sqlite:///{tmp_path / 'nokeys.db'}", api_keys="") as server, server.client() as c:
        message = assert_error(c.post("/documents", json={"text": TEXT}, headers={"X-API-Key": "anything"}), 403)
    assert "EXTRACTOR_API_KEYS" in message


def test_the_schema_asks_for_a_key_only_where_one_is_needed(servers):
    def secured(server) -> set[tuple[str, str]]:
        with server.client() as c:
            spec = c.get("/openapi.json").json()
        return {(path, method) for path, ops in spec["paths"].items() for method, op in ops.items()
                if op.get("security")}

    assert secured(servers["default"]) == {("/documents", "post")}
    with_reads = secured(servers["read_auth"])
    assert {("/officials", "get"), ("/search", "get"), ("/extract", "post"), ("/documents", "post")} <= with_reads
    assert ("/health", "get") not in with_reads


def test_a_cached_answer_is_not_served_to_a_request_without_the_key(servers):
    server = servers["read_auth"]
    with server.client(**{"X-API-Key": KEYS[0]}) as keyed, server.client() as anonymous:
        assert keyed.get("/places").status_code == 200
        assert keyed.get("/places").status_code == 200  # now cached
        assert_error(anonymous.get("/places"), 401)
        assert_error(anonymous.get("/places", headers={"X-API-Key": "wrong"}), 403)
