"""Safe HTTP fetching of article URLs and RSS/Atom feeds.

Every connection goes to addresses the SSRF guard checked (one resolution per hop, pinned, so a
name cannot answer the guard one address and the connection another); connect, headers and body
of all hops share one deadline; bodies are capped; redirects are followed by hand.
"""

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
from storyline.ingest.pinning import PinnedBackend, PinnedTransport

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


# IPv6 forms that stand for an IPv4 host; each is judged by the IPv4 address it carries.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
# Non-public ranges that older ipaddress tables miss (documentation 2024, local-use NAT64).
_ALSO_NON_PUBLIC = (ipaddress.IPv6Network("3fff::/20"), ipaddress.IPv6Network("64:ff9b:1::/48"))
_KINDS = (("is_loopback", "a loopback"), ("is_unspecified", "an unspecified"),
          ("is_link_local", "a link-local"), ("is_multicast", "a multicast"),
          ("is_site_local", "a site-local"), ("is_private", "a private"),
          ("is_reserved", "a reserved"))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> tuple[str, ipaddress.IPv4Address] | None:
    if ip.ipv4_mapped is not None:
        return "an IPv4-mapped address", ip.ipv4_mapped
    if ip.sixtofour is not None:
        return "a 6to4 address", ip.sixtofour
    low = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _NAT64:
        return "a NAT64 address", low
    if ip in _IPV4_COMPATIBLE and int(ip) > 1:  # :: and ::1 are judged as themselves
        return "an IPv4-compatible address", low
    return None


def _own_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if any(ip in net for net in _ALSO_NON_PUBLIC):
        return "a non-public address"
    for attr, label in _KINDS:
        if getattr(ip, attr, False):
            return f"{label} address"
    if not ip.is_global:  # e.g. carrier-grade NAT 100.64.0.0/10
        return "a non-public address"
    return None


def address_problem(addr: str) -> str | None:
    """Why `addr` must not be contacted without --allow-private, or None if it is public."""
    ip = ipaddress.ip_address(addr.split("%", 1)[0])  # drop IPv6 zone ids ("fe80::1%eth0")
    embedded = _embedded_ipv4(ip) if isinstance(ip, ipaddress.IPv6Address) else None
    if embedded is None:
        return _own_problem(ip)
    label, ipv4 = embedded
    problem = _own_problem(ipv4)
    if problem:
        return f"{label} of {ipv4} ({problem})"
    # Mapped, 6to4 and NAT64 forms reach the public IPv4 host they name; the deprecated
    # IPv4-compatible form has no such meaning left, so nothing legitimate uses it.
    return "a deprecated IPv4-compatible address" if label.startswith("an IPv4-c") else None


@dataclass(frozen=True)
class _Pin:
    """The checked addresses for one host and port, as the connection layer names them."""

    host: str
    port: int
    addrs: tuple[str, ...]


def _checked(url: str, allow_private: bool) -> _Pin:
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
    try:  # resolve the very name the connection will use (IDNA-encoded by httpx)
        wire_host = httpx.URL(url).raw_host.decode("ascii").lower()
    except (httpx.InvalidURL, UnicodeError) as exc:
        raise FetchError(f"{url}: invalid URL ({_short_reason(exc)})", url=url) from None
    port = port or (443 if scheme == "https" else 80)
    try:
        addrs = _resolve(wire_host, port)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise FetchError(f"{url}: cannot resolve host {host} ({reason})", url=url) from None
    if not allow_private:
        # ANY bad address refuses: the connection may pick any of them.
        for addr in addrs:
            problem = address_problem(addr)
            if problem:
                what = f"{addr} is" if addr == host.strip("[]") else f"{host} resolves to {addr},"
                raise FetchError(f"{url}: refused: {what} {problem} (use --allow-private)",
                                 url=url)
    return _Pin(wire_host, port, tuple(addrs))


_URL_LIKE = re.compile(r"\A(?:[a-z][a-z0-9+.-]++://|file:)", re.I)


def looks_like_url(arg: str) -> bool:
    """True for `scheme://...` (and `file:`) arguments, so that an unsupported scheme is refused
    as such instead of being looked up as a file; one-letter schemes are Windows drives."""
    return bool(_URL_LIKE.match(arg))


def check_url(url: str, allow_private: bool) -> list[str]:
    """The addresses `url`'s host resolves to, once; FetchError for non-http(s) URLs and (unless
    allow_private) for hosts with any non-public address."""
    return list(_checked(url, allow_private).addrs)


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
    """GET `url` following up to max_redirects redirects, each hop re-checked against the guard.

    Connect, headers and body of every hop together end within options.timeout. Without a
    `client`, each hop connects only to the addresses its guard check resolved (pinned). A
    caller's client connects as it is configured (tests pass httpx.MockTransport): the guard still
    runs on every hop, but pinning and the header deadline are this function's own transport's.
    """
    deadline = time.monotonic() + options.timeout
    if client is not None:
        return _fetch(url, options, client, None, deadline)
    backend = PinnedBackend(deadline)
    # trust_env=False: an environment proxy would resolve names itself, past the pinning.
    with httpx.Client(transport=PinnedTransport(backend), follow_redirects=False,
                      trust_env=False) as own:  # closed on every exit, so no socket outlives us
        return _fetch(url, options, own, backend, deadline)


def _fetch(url: str, options: FetchOptions, client: httpx.Client,
           backend: PinnedBackend | None, deadline: float) -> FetchedPage:
    headers = {"User-Agent": options.user_agent, "Accept": _ACCEPT}
    current = url
    for hop in range(options.max_redirects + 1):
        try:
            pin = _checked(current, options.allow_private)
        except FetchError as exc:
            if current == url:
                raise
            raise FetchError(f"{url}: redirected to {exc}", url=url) from None
        if backend is not None:
            backend.pins[(pin.host, pin.port)] = pin.addrs  # re-pinned at every hop
        where = url if current == url else f"{url} (redirected to {current})"
        try:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise httpx.TimeoutException("deadline passed")
            with client.stream("GET", current, headers=headers, timeout=httpx.Timeout(remaining),
                               follow_redirects=False) as resp:
                if resp.status_code in REDIRECT_CODES:
                    location = resp.headers.get("location")
                    if not location:
                        raise FetchError(f"{where}: HTTP {resp.status_code} redirect without a "
                                         "Location header", url=url, status=resp.status_code)
                    current = urljoin(current, location.strip())
                    continue  # leaving the block closes this response without reading it
                return _read(url, current, where, resp, options, deadline)
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
          options: FetchOptions, deadline: float) -> FetchedPage:
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
    # The pinned transport already ends reads at the deadline; this also holds for a caller's client.
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
