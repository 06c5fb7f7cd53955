"""Connections that dial only addresses the SSRF guard checked, each exchange within one deadline.

httpx would resolve a host name again when it connects, so a name could answer the guard a public
address and the connection a loopback one (DNS rebinding). Here the connection layer never
resolves: it dials the addresses pinned for the host, and TLS still verifies the host name.
"""

from __future__ import annotations

import time

import httpcore
import httpx


class PinnedBackend(httpcore.NetworkBackend):
    """Dials only addresses the guard checked for this exchange, and only within its deadline."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.pins: dict[tuple[str, int], tuple[str, ...]] = {}
        self._tcp = httpcore.SyncBackend()

    def left(self, timeout: float | None, expired: type[Exception]) -> float:
        """`timeout` cut down to what remains of the deadline; `expired` once nothing does."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise expired("deadline passed")
        return remaining if timeout is None else min(timeout, remaining)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: object = None) -> httpcore.NetworkStream:
        addrs = self.pins.get((host.lower(), port))
        if not addrs:  # fail closed: never let the connection layer resolve a name itself
            raise httpcore.ConnectError(f"{host}:{port} was not checked by the address guard")
        error: Exception | None = None
        for addr in addrs:
            try:
                budget = self.left(timeout, httpcore.ConnectTimeout)
                stream = self._tcp.connect_tcp(addr, port, budget, local_address,
                                               socket_options)  # type: ignore[arg-type]
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return _BoundedStream(stream, self)
        assert error is not None
        raise error


class _BoundedStream(httpcore.NetworkStream):
    """A socket whose every read, write and TLS handshake ends by the exchange's deadline, so a
    server dripping its headers (or anything else) one byte at a time cannot outlast it."""

    def __init__(self, inner: httpcore.NetworkStream, backend: PinnedBackend) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._backend.left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._backend.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: object, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        # server_hostname is the URL's host name: SNI and certificate checks use it, not the IP.
        inner = self._inner.start_tls(ssl_context, server_hostname,  # type: ignore[arg-type]
                                      self._backend.left(timeout, httpcore.ConnectTimeout))
        return _BoundedStream(inner, self._backend)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that dials through a PinnedBackend."""

    def __init__(self, backend: PinnedBackend) -> None:
        # httpx has no public hook for the network backend, so the pool its __init__ would build
        # is built here instead; no keep-alive, so every hop dials afresh to its own pins.
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             max_keepalive_connections=0, network_backend=backend)
