"""Safe HTTP fetching of article URLs and RSS/Atom feeds (SSRF guard, size cap, manual redirects)."""

from __future__ import annotations

import html
import io
import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from storyline import __version__

ALLOWED_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml",
})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8")


class FetchError(Exception):
    """A fetch that failed or was refused; str() is one line meant for the user."""

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        # Messages may embed server-controlled text (reason phrases, URLs): flatten to one line.
        super().__init__(" ".join(message.split()))
        self.url = url
        self.status = status


@dataclass
class FetchedPage:
    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes


@dataclass
class FetchOptions:
    timeout: float = 15.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = f"Storyline/{__version__} (+offline news analysis)"


@dataclass
class FeedItem:
    link: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    summary: str | None = None


# --- SSRF guard -----------------------------------------------------------------------------

def _resolve(host: str, port: int) -> list[str]:
    """All addresses `host` resolves to (module-level so tests can substitute a fake DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(addr: str) -> str | None:
    """Why `addr` must not be contacted without --allow-private, or None if it is public."""
    ip = ipaddress.ip_address(addr.split("%", 1)[0])  # drop IPv6 zone ids ("fe80::1%eth0")
    # Python 3.11 does not classify ::ffff:127.0.0.1 as loopback; judge the embedded IPv4.
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attr, label in (("is_loopback", "a loopback"), ("is_unspecified", "an unspecified"),
                        ("is_link_local", "a link-local"), ("is_multicast", "a multicast"),
                        ("is_private", "a private"), ("is_reserved", "a reserved")):
        if getattr(ip, attr):
            return f"{label} address"
    if not ip.is_global:  # e.g. carrier-grade NAT 100.64.0.0/10
        return "a non-public address"
    return None


def check_url(url: str, allow_private: bool) -> None:
    """Refuse non-http(s) URLs and (unless allow_private) hosts resolving to non-public addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"{url}: invalid URL ({exc})", url=url) from None
    scheme = parts.scheme.lower()
    if not scheme or (scheme not in ("http", "https") and not parts.netloc and "." in scheme):
        raise FetchError(f"{url}: no scheme; did you mean https://{url}?", url=url)
    if scheme not in ("http", "https"):
        raise FetchError(f"{url}: refused: unsupported scheme '{scheme}:' (only http and https)",
                         url=url)
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: invalid URL (no host)", url=url)
    try:
        addrs = _resolve(host, port or (443 if scheme == "https" else 80))
    except (socket.gaierror, UnicodeError, OSError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise FetchError(f"{url}: cannot resolve host {host} ({reason})", url=url) from None
    if allow_private:
        return
    # ANY bad address refuses: the connection may pick any of them.
    for addr in addrs:
        problem = address_problem(addr)
        if problem:
            what = f"{addr} is" if addr == host.strip("[]") else f"{host} resolves to {addr},"
            raise FetchError(f"{url}: refused: {what} {problem} (use --allow-private)", url=url)


# --- fetching -------------------------------------------------------------------------------

def _parse_content_type(value: str) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset="UTF-8"'."""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip().strip("\"'"):
            charset = val.strip().strip("\"'").lower()
    return media.strip().lower(), charset


_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b")


def _guess_type(body: bytes) -> str | None:
    """Content type for a response without one; None when it looks binary."""
    head = body[:2048]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return None
    if _root_element(body) in ("rss", "feed", "rdf:rdf", "rdf"):
        return "application/xml"
    if re.search(rb"<(!doctype\s+html|html|head|body)\b", head, re.I):
        return "text/html"
    return "text/plain"


def _short_reason(exc: Exception) -> str:
    """A few words about a transport error, never a dump of the exception chain."""
    text = str(exc).lower()
    for needle, reason in (("refused", "connection refused"), ("reset", "connection reset"),
                           ("unreachable", "network unreachable"),
                           ("certificate", "TLS certificate verification failed"),
                           ("ssl", "TLS error"), ("name or service", "cannot resolve host")):
        if needle in text:
            return reason
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return first[:100]


def fetch(url: str, options: FetchOptions, client: httpx.Client | None = None) -> FetchedPage:
    """GET `url` following up to max_redirects redirects, each hop re-checked against the guard."""
    own_client = client is None
    if client is None:
        client = httpx.Client(follow_redirects=False)
    try:
        return _fetch(url, options, client)
    finally:
        if own_client:
            client.close()


def _fetch(url: str, options: FetchOptions, client: httpx.Client) -> FetchedPage:
    headers = {"User-Agent": options.user_agent, "Accept": _ACCEPT}
    timeout = httpx.Timeout(options.timeout)
    current = url
    for hop in range(options.max_redirects + 1):
        try:
            check_url(current, options.allow_private)
        except FetchError as exc:
            if current == url:
                raise
            raise FetchError(f"{url}: redirected to {exc}", url=url) from None
        where = url if current == url else f"{url} (redirected to {current})"
        try:
            with client.stream("GET", current, headers=headers, timeout=timeout,
                               follow_redirects=False) as resp:
                if resp.status_code in REDIRECT_CODES:
                    location = resp.headers.get("location")
                    if not location:
                        raise FetchError(f"{where}: HTTP {resp.status_code} redirect without a "
                                         "Location header", url=url, status=resp.status_code)
                    current = urljoin(current, location.strip())
                    continue  # leaving the block closes this response without reading it
                return _read(url, current, where, resp, options)
        except FetchError:
            raise
        except httpx.TimeoutException:
            raise FetchError(f"{where}: timed out after {options.timeout:g} s", url=url) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(f"{where}: invalid URL ({_short_reason(exc)})", url=url) from None
        except (httpx.HTTPError, OSError) as exc:
            raise FetchError(f"{where}: {_short_reason(exc)}", url=url) from None
    raise FetchError(f"{url}: too many redirects (more than {options.max_redirects})", url=url)


def _read(url: str, current: str, where: str, resp: httpx.Response,
          options: FetchOptions) -> FetchedPage:
    status = resp.status_code
    if not 200 <= status < 300:
        phrase = resp.reason_phrase or ""
        raise FetchError(f"{where}: HTTP {status} {phrase}".rstrip(), url=url, status=status)
    raw_type = resp.headers.get("content-type", "")
    content_type, charset = _parse_content_type(raw_type)
    if content_type and content_type not in ALLOWED_TYPES:
        raise FetchError(f"{where}: refused: unsupported content type {content_type}",
                         url=url, status=status)
    # Content-Length lets us refuse early, but the streaming cap below is what really holds.
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise FetchError(f"{where}: refused: body of {int(declared):,} bytes exceeds the "
                         f"{options.max_bytes:,}-byte cap", url=url, status=status)
    # Per-operation timeouts alone let a server drip bytes forever; bound the whole read too.
    deadline = time.monotonic() + options.timeout
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError(f"{where}: refused: body exceeds the {options.max_bytes:,}-byte cap",
                             url=url, status=status)
        if time.monotonic() > deadline:
            raise FetchError(f"{where}: timed out after {options.timeout:g} s (body still "
                             "arriving)", url=url, status=status)
        chunks.append(chunk)
    body = b"".join(chunks)
    if not content_type:
        guessed = _guess_type(body)
        if guessed is None:
            raise FetchError(f"{where}: refused: no content type and the body looks binary",
                             url=url, status=status)
        content_type = guessed
    return FetchedPage(url=url, final_url=current, status=status,
                       content_type=content_type, charset=charset, body=body)


# --- feeds ----------------------------------------------------------------------------------

# Prolog parts that may precede the root element: BOM, whitespace, <?xml ...?>, comments, doctype.
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf|\s|<\?.*?\?>|<!--.*?-->|<![^>]*>)*+", re.S)
_TAG = re.compile(rb"<([A-Za-z_][\w:.-]*)")


def _root_element(body: bytes) -> str | None:
    head = body[:4096]
    m = _TAG.match(head, _PROLOG.match(head).end())
    return m.group(1).decode("ascii", "replace").lower() if m else None


def is_feed(page: FetchedPage) -> bool:
    """True for RSS/Atom/RDF feeds: feed content types, or XML/other bodies rooted in one."""
    if page.content_type in FEED_TYPES:
        return True
    # Generic XML (or a feed mislabelled as HTML/text) is a feed only if its root says so;
    # sitemaps and other XML documents are not.
    return _root_element(page.body) in ("rss", "feed", "rdf:rdf", "rdf")


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:  # feedparser normalises to UTC
        return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    except (TypeError, ValueError):
        return None


def _text(value: str | None) -> str | None:
    """Plain text from a possibly-HTML feed field."""
    if not value:
        return None
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", value)).split())
    return text or None


def feed_items(page: FetchedPage) -> list[FeedItem]:
    """Items of an RSS/Atom feed, links made absolute against the feed's final URL."""
    headers = {"content-location": page.final_url, "content-type": page.content_type
               + (f"; charset={page.charset}" if page.charset else "")}
    # A stream, never bytes/str: feedparser would treat those as a path or URL to open.
    parsed = feedparser.parse(io.BytesIO(page.body), response_headers=headers)
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:  # Atom entries may carry only <link rel="alternate"> variants
            link = next((ln.get("href", "") for ln in entry.get("links", [])
                         if ln.get("rel", "alternate") == "alternate"), "")
        link = urljoin(page.final_url, link.strip()) if link else ""
        if urlsplit(link).scheme not in ("http", "https") or link in seen:
            continue
        seen.add(link)
        items.append(FeedItem(
            link=link,
            title=_text(entry.get("title")),
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            author=_text(entry.get("author")),
            summary=_text(entry.get("summary")),
        ))
    return items
