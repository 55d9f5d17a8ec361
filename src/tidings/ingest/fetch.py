"""Fetching URLs: a one-method transport, so tests pass a fake one and never touch the network."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from ..errors import FetchError


@dataclass(frozen=True)
class Response:
    url: str  # the final URL, after redirects
    status: int
    content_type: str
    body: bytes


class Transport(Protocol):
    def fetch(self, url: str, *, timeout: float, max_bytes: int, user_agent: str) -> Response:
        """Return the response, or raise FetchError saying what went wrong."""


class UrllibTransport:
    """The real transport: the standard library, a time-out, a size cap and an honest user agent."""

    def fetch(self, url: str, *, timeout: float, max_bytes: int, user_agent: str) -> Response:
        request = urllib.request.Request(url, headers={
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                      "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        })
        try:
            with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310 (http/https only, checked by caller)
                body = resp.read(max_bytes + 1)
                if len(body) > max_bytes:
                    raise FetchError(url, f"the page is larger than {max_bytes:,} bytes",
                                     "Save the article text to a file and give the file instead")
                return Response(resp.geturl(), resp.status, resp.headers.get("Content-Type", ""), body)
        except urllib.error.HTTPError as exc:
            raise http_error(url, exc.code) from None
        except (TimeoutError, socket.timeout):
            raise FetchError(url, f"no answer within {timeout:g} s",
                             "Check the address or your connection, or raise --timeout") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise FetchError(url, f"no answer within {timeout:g} s",
                                 "Check the address or your connection, or raise --timeout") from None
            raise FetchError(url, f"could not connect ({reason})",
                             "Check the address and your network connection") from None


def http_error(url: str, status: int) -> FetchError:
    if status == 404:
        return FetchError(url, "the server says the page does not exist (HTTP 404)",
                          "Check the address, or save the article and give the file")
    if status in (401, 403):
        return FetchError(url, f"the server refused access (HTTP {status}); the page may be paywalled",
                          "Save the article text from your browser and give the file")
    return FetchError(url, f"the server answered HTTP {status}", "Try again later, or save the page and give the file")
