"""The real urllib transport against a server on this machine's loopback (never the network)."""

import http.server
import threading
import time

import pytest

from tidings.errors import FetchError
from tidings.ingest.fetch import UrllibTransport

ARTICLE = b"<html><head><title>T</title></head><body><p>Hello there.</p></body></html>"


class Handler(http.server.BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def do_GET(self):  # noqa: N802
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/missing":
            self.send_error(404)
            return
        if self.path == "/forbidden":
            self.send_error(403)
            return
        body = b"x" * 50_000 if self.path == "/big" else ARTICLE
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def fetch(url, **kw):
    args = {"timeout": 5.0, "max_bytes": 10_000, "user_agent": "tidings/test"}
    args.update(kw)
    return UrllibTransport().fetch(url, **args)


def test_fetches_a_page_with_its_user_agent(server):
    resp = fetch(server + "/article")
    assert resp.status == 200 and resp.body == ARTICLE and "html" in resp.content_type
    assert Handler.seen_agents[-1] == "tidings/test"


def test_404_says_the_page_does_not_exist(server):
    with pytest.raises(FetchError, match="404"):
        fetch(server + "/missing")


def test_403_mentions_paywall(server):
    with pytest.raises(FetchError, match="paywall"):
        fetch(server + "/forbidden")


def test_time_out_is_reported(server):
    t0 = time.perf_counter()
    with pytest.raises(FetchError, match="no answer within"):
        fetch(server + "/slow", timeout=0.5)
    assert time.perf_counter() - t0 < 1.9


def test_size_cap(server):
    with pytest.raises(FetchError, match="larger than"):
        fetch(server + "/big", max_bytes=10_000)


def test_nothing_listening(server):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    with pytest.raises(FetchError, match="could not connect"):
        fetch(f"http://127.0.0.1:{port}/")
