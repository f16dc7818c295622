"""/docs and /redoc work offline: every asset they load comes from the app itself, not a CDN."""
from __future__ import annotations

import re

import pytest

from test_api_support import LiveServer

# src, href and spec-url (ReDoc) attributes, and the JS string the page loads the OpenAPI document from.
_REFERENCES = re.compile(r"""(?:src|href|spec-url)\s*=\s*["']([^"']+)["']|url:\s*'([^']+)'""")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with LiveServer(f"sqlite:///{tmp_path_factory.mktemp('docs') / 'docs.db'}") as live:
        yield live


@pytest.mark.parametrize("page, must_load", [("/docs", ("swagger-ui-bundle.js", "swagger-ui.css")),
                                             ("/redoc", ("redoc.standalone.js",))])
def test_documentation_pages_load_every_asset_from_the_app(server, page, must_load):
    with server.client() as c:
        r = c.get(page)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert not re.search(r"https?://", r.text), "the page names an outside URL: " + \
            ", ".join(re.findall(r"https?://[^\s\"'<>]+", r.text))
        references = [a or b for a, b in _REFERENCES.findall(r.text)]
        for name in must_load:
            assert any(ref.endswith(name) for ref in references), (name, references)
        assert "/openapi.json" in references
        for ref in references:
            asset = c.get(ref)
            assert asset.status_code == 200, ref
            assert len(asset.content) > 100, ref  # a real bundle, stylesheet, icon or document
        assert c.get("/openapi.json").json()["info"]["title"] == "Hindi news extractor"
