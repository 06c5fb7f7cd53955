"""The README and docs work as written: every command they show runs, in order, in a fresh
folder, and the demo output printed in the README is what `make demo` prints."""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = Path("src/storyline/data/example")


def shown_commands() -> list[tuple[str, str]]:
    """``(where, command)`` for every ``storyline`` command in a bash block of the README or
    docs, and every ``Example: `storyline ...``` line of the docs, in reading order."""
    found = []
    for path in [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md")):
        in_bash = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("```"):
                in_bash = line.strip() in ("```bash", "```sh", "```console")
                continue
            where = f"{path.name}:{n}"
            if in_bash and line.startswith("storyline "):
                found.append((where, line.split("  #")[0].split(" # ")[0].strip()))
            for example in re.findall(r"^Example: `(storyline [^`]+)`", line):
                found.append((where, example))
    return found


def _argv(command: str) -> list[str]:
    args = []
    for word in shlex.split(command)[1:]:
        args += sorted(glob.glob(word)) if any(c in word for c in "*?[") else [word]
    return args


def _output(result) -> str:
    try:
        return result.output + result.stderr
    except ValueError:  # stderr was not captured apart
        return result.output


def test_the_docs_show_commands():
    commands = [c for _, c in shown_commands()]
    assert "storyline changes" in commands and any(c.startswith("storyline analyze") for c in commands)


def test_readme_and_docs_commands_run_in_order_in_a_fresh_folder(tmp_path, monkeypatch):
    shutil.copytree(ROOT / EXAMPLE, tmp_path / EXAMPLE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    runner = CliRunner()
    for where, command in shown_commands():
        result = runner.invoke(cli, _argv(command), catch_exceptions=False)
        assert result.exit_code == 0, f"{where}: `{command}` exited {result.exit_code}:\n{_output(result)}"
    assert (tmp_path / "out" / "explorer.html").is_file() and (tmp_path / "tables").is_dir()
    assert (tmp_path / ".storyline-store").read_text().strip() == str(Path("out") / "storyline.duckdb")


def _normalise(line: str) -> str:
    line = re.sub(r"\S*/storyline/data/example/", "…/storyline/data/example/", line)
    return re.sub(r"\d+(\.\d+)? s →", "N s →", line).rstrip()


def test_readme_demo_output_is_what_demo_prints(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- demo-output -->\n```\n", 1)[1].split("```", 1)[0]
    expected = [_normalise(line) for line in block.splitlines() if line.strip() not in ("", "…")]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["demo", "-o", "demo-out"], catch_exceptions=False)
    assert result.exit_code == 0, _output(result)
    printed = [_normalise(line) for line in _output(result).splitlines() if line.strip()]
    missing = [line for line in expected if line not in printed]
    assert not missing, "README's demo block is stale; `make demo` now prints:\n" + "\n".join(printed)
    assert [printed.index(line) for line in expected] == sorted(printed.index(line) for line in expected)
