"""The README's command reference is the CLI's own help (scripts/cli_reference.py writes it)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
cli_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cli_reference)


def test_readme_command_reference_matches_the_cli_help():
    diff = cli_reference.differences((ROOT / "README.md").read_text(encoding="utf-8"))
    assert not diff, (
        "README.md's command reference differs from the CLI's help; regenerate it with:\n"
        f"    {cli_reference.REGENERATE}\n\n" + "\n".join(diff)
    )


def test_every_command_and_option_is_in_the_reference():
    import click

    from annotator.cli import cli

    text = cli_reference.reference()
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert f"### `annotator {name} --help`" in text
        for param in command.params:
            for opt in param.opts if param.param_type_name == "option" else ():
                assert opt in text, f"{name} {opt}"


def test_a_stale_block_is_reported(tmp_path):
    readme = tmp_path / "README.md"
    stale = cli_reference.reference().replace("--json", "--jason", 1)
    readme.write_text(f"# Title\n\n{stale}\n\nmore text\n", encoding="utf-8")
    assert any("--jason" in line for line in cli_reference.differences(readme.read_text()))
    assert cli_reference.write(readme) is True
    assert cli_reference.differences(readme.read_text()) == []
    assert readme.read_text().startswith("# Title\n\n") and readme.read_text().endswith("\n\nmore text\n")


def test_missing_markers_are_named():
    assert "no command reference" in cli_reference.differences("# README without the block\n")[0]


def test_the_readme_prose_names_every_command_and_option():
    """Beyond the generated block, the README's own text says what each command and flag is for."""
    import re

    import click

    from annotator.cli import cli

    prose = (ROOT / "README.md").read_text(encoding="utf-8").split("<!-- BEGIN command reference")[0]
    ctx = click.Context(cli)
    unnamed = [opt for opt in ("--version", "--self-check", "--debug") if opt not in prose]
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        unnamed += [] if f"annotator {name}" in prose else [f"annotator {name}"]
        options = [p for p in command.params if isinstance(p, click.Option)]
        flags = [flag for p in options for flag in p.opts + p.secondary_opts if flag not in ("-h", "--help")]
        unnamed += [
            f"{name} {flag}" for flag in flags if not re.search(re.escape(flag) + r"(?![\w-])", prose)
        ]
    assert unnamed == []
