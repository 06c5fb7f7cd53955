"""Every regular expression in the package runs in linear time on its worst inputs.

A report can hold any line; a pattern that backtracks on a long run of brackets, spaces
or words can hang ingest on one hostile line. Each module-level pattern is fed repetitions
of hostile units at two lengths, sixteen times apart; the test fails when the longer one takes
over 120× longer (linear is 16×, quadratic 256×). A pattern that needs
more than two seconds on a few kilobytes fails at once.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
import time

import pytest

import storyline

# Units that make backtracking patterns blow up: brackets, spaces, words, initials, digits,
# names joined by "and", punctuation runs, line breaks.
UNITS = (
    "[ a ] ", "a", " ", "a ", "1,", "By John Smith and ", "a.", "- ", '"a ', "a\n", "A. ", "(a ", "a, ",
    "\u2028", "__",
)
# Lengths in characters, both past the first-level cache: a linear pattern takes about 16×
# longer on the longer text (up to ~60× on a busy machine), a quadratic one about 256×. A
# pattern that reads the longer text in a few milliseconds is not judged further.
SMALL, LARGE = 6_250, 100_000
TAIL = "!\nb"


def _text(unit: str, length: int) -> str:
    return unit * (length // len(unit)) + TAIL


def _patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for info in pkgutil.walk_packages(storyline.__path__, "storyline."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and getattr(module, "__name__", "") == info.name:
                found.append((f"{info.name}.{name}", value))
    return sorted({id(p): (n, p) for n, p in found}.values(), key=lambda item: item[0])


class _Hang(Exception):
    pass


def _time(pattern: re.Pattern, text: str) -> float:
    if isinstance(pattern.pattern, bytes):
        text = text.encode("utf-8")

    def alarm(*_):
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    start = time.process_time()
    try:
        pattern.search(text)
        pattern.match(text)
        pattern.fullmatch(text)
        for _ in pattern.finditer(text):
            pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.process_time() - start


PATTERNS = _patterns()


def test_the_package_has_patterns_to_check():
    assert len(PATTERNS) > 50


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_time_grows_linearly(name, pattern):
    for unit in UNITS:
        small, large = _text(unit, SMALL), _text(unit, LARGE)
        try:
            if _time(pattern, large) < 0.015:
                continue  # 100,000 hostile characters in a few milliseconds: nothing to fear
            # CPU time of this process, interleaved, best of three: other jobs on the machine do not count.
            pairs = [(_time(pattern, small), _time(pattern, large)) for _ in range(3)]
            t_small, t_large = min(p[0] for p in pairs), min(p[1] for p in pairs)
        except _Hang:
            pytest.fail(f"{name} hangs on {unit!r} repeated")
        ratio = t_large / max(t_small, 1e-6)
        assert ratio < 120, f"{name}: {LARGE // SMALL}× longer input of {unit!r} takes {ratio:.1f}× longer"


def test_the_check_catches_a_backtracking_pattern():
    nested = re.compile(r"(?:\[\s*[^\[\]]{1,40}?\s*\]\s*)+$")
    with pytest.raises(_Hang):
        _time(nested, "[ a ] " * 40 + "b")
