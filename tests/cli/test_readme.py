"""Every command is documented in README.md and its help ends with an example."""

from pathlib import Path

import pytest

from newsarchive.cli import COMMANDS, build_parser

SPEC = {command.name: command for command in COMMANDS}

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_command_has_a_spec_and_a_handler():
    assert len(SPEC) == len(COMMANDS)
    assert all(command.help and command.examples and callable(command.run) for command in COMMANDS)


@pytest.mark.parametrize("name", sorted(SPEC))
def test_command_has_a_readme_section_with_an_example(name):
    heading = f"### `newsarchive {name}`"
    assert heading in README, f"README.md has no section {heading!r}"
    section = README.split(heading, 1)[1].split("\n### ", 1)[0]
    assert f"newsarchive {name}" in section.replace(heading, ""), f"README section for {name} shows no example"


@pytest.mark.parametrize("name", sorted(SPEC))
def test_command_help_ends_with_an_example(name, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args([name, "--help"])
    help_text = capsys.readouterr().out.rstrip()
    last = help_text.splitlines()[-1].strip()
    assert "example:" in help_text and last.startswith(f"newsarchive {name}"), help_text


def test_readme_gives_the_ci_test_command():
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command in README, "README.md must give exactly the test command that .ci/run runs"
