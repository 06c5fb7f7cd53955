"""The docs cover the product: every command is documented, and CI runs the README's test command."""

from pathlib import Path

from storyline.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def docs_text() -> str:
    parts = [ROOT.joinpath("README.md").read_text()]
    parts += [p.read_text() for p in sorted(ROOT.joinpath("docs").glob("*.md"))]
    return "\n".join(parts)


def test_every_command_is_documented():
    text = docs_text()
    missing = [name for name in cli.commands if f"storyline {name}" not in text]
    assert not missing, f"commands missing from README/docs: {missing}"


def test_every_command_has_help_with_an_example():
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, name


def test_ci_runs_the_readme_test_command():
    readme = ROOT.joinpath("README.md").read_text()
    ci = ROOT.joinpath(".ci", "run").read_text()
    assert "make test" in ci and "make test" in readme
    assert "make demo" in readme
