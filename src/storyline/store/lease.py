"""Sharing one store file between a writer and readers in other processes.

DuckDB lets a single process hold a database file while it writes, and a process that opens
the file read-only is refused for as long as a writer holds it. So a reader first says it is
waiting, with a shared advisory lock on ``<store>.readers``; the writer (``ingest``,
``analyze``) checks for waiting readers at each pause point (between documents, after each
batch of extractions, between encoder chunks, before the cross-source computation) and, when
there are some, closes its connection and waits until they have read, then reopens it on its
next write. A reader so gets in within one pause (it waits up to :data:`READER_WAIT` seconds)
and reads the last committed state; with no reader waiting, a pause costs nothing.

Writers stay exclusive through an advisory lock on ``<store>.lock`` taken for the writer's
whole life, so a second writer is refused at once with the holder's process id, even while the
first one has its connection closed. Where advisory locks are not available (``fcntl`` is
POSIX-only) a writer keeps its connection for its whole run, as DuckDB does by default.
"""

from __future__ import annotations

import os
import time

import duckdb

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

READER_WAIT = 30.0
"""How long a reader waits for a writer's pause before giving up."""
WRITER_WAIT = 600.0
"""How long a pausing writer waits for readers to finish before giving up."""
_POLL = 0.05


class Busy(Exception):
    """The store file is held by another process; the message names it when it can."""


class WriterLock:
    """The advisory lock that keeps a store to one writer process at a time."""

    def __init__(self, store_path: str) -> None:
        self.path = f"{store_path}.lock"
        self._file = None

    @property
    def supported(self) -> bool:
        return fcntl is not None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`Busy` naming the process that holds it."""
        if fcntl is None:
            return
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            raise Busy(f"PID {holder}" if holder.isdigit() else "") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self._file.seek(0)
            self._file.truncate()
        except OSError:
            pass
        self._file.close()  # closing the descriptor drops the lock
        self._file = None


class ReaderSignal:
    """The shared lock a reader holds on ``<store>.readers`` while it waits and reads; a writer
    that finds it taken lets the readers in."""

    def __init__(self, store_path: str) -> None:
        self.path = f"{store_path}.readers"
        self._file = None

    def hold(self) -> None:
        """As a reader: announce that this process wants to read (shared with other readers)."""
        if fcntl is None:
            return
        try:
            handle = open(self.path, "a+", encoding="utf-8")
        except OSError:
            return  # a store on read-only media: no writer can be there either
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH)
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def readers_waiting(self) -> bool:
        """As a writer: whether some reader holds or waits for the store."""
        if fcntl is None:
            return False
        with open(self.path, "a+", encoding="utf-8") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False

    def wait_for_readers(self, timeout: float) -> None:
        """As a writer with its connection closed: wait until the readers are done (or ``timeout``)."""
        if fcntl is None:
            return
        deadline = time.monotonic() + timeout
        with open(self.path, "a+", encoding="utf-8") as handle:
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
                    return
                except OSError:
                    if time.monotonic() > deadline:
                        return
                    time.sleep(_POLL)


def connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying for up to ``wait`` seconds while another process holds it."""
    deadline = time.monotonic() + wait
    delay = _POLL
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 1.5, 0.5)


def _is_lock_error(exc: BaseException) -> bool:
    return "lock" in str(exc).lower()
