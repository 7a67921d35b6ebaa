"""The README's command reference, generated from the CLI's own help.

    .venv/bin/python scripts/cli_reference.py           # print the reference
    .venv/bin/python scripts/cli_reference.py --write   # rewrite it in README.md, between the markers
    .venv/bin/python scripts/cli_reference.py --check   # exit 1 (with a diff) when README.md differs

The block sits between BEGIN and END below; the README may move it anywhere.
``tests/test_cli_reference.py`` fails when the README and the CLI's help differ.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

import click

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN = "<!-- BEGIN command reference: generated from the CLI's help by scripts/cli_reference.py --write; do not edit by hand -->"
END = "<!-- END command reference -->"
WIDTH = 80  # click's default help width on a terminal
REGENERATE = ".venv/bin/python scripts/cli_reference.py --write"


def help_text(command: click.Command, name: str, parent: click.Context | None = None) -> str:
    """``NAME --help`` exactly as click prints it on an 80-column terminal."""
    return _context(command, name, parent).get_help()


def _context(command: click.Command, name: str, parent: click.Context | None = None) -> click.Context:
    settings = {"terminal_width": WIDTH, "max_content_width": WIDTH, **command.context_settings}
    return click.Context(command, info_name=name, parent=parent, **settings)


def reference() -> str:
    """The markdown block: ``annotator --help``, then ``annotator COMMAND --help`` for each command."""
    from annotator.cli import cli

    root = _context(cli, "annotator")
    parts = [_section("annotator --help", root.get_help())]
    for name in sorted(cli.list_commands(root)):
        command = cli.get_command(root, name)
        assert command is not None
        parts.append(_section(f"annotator {name} --help", help_text(command, name, root)))
    return "\n".join([BEGIN, *parts, END])


def _section(title: str, body: str) -> str:
    return f"### `{title}`\n\n```text\n{body.rstrip()}\n```\n"


def current_block(readme: str) -> str | None:
    """The block in ``readme`` between the markers (markers included), or None."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        return None
    return readme[start : end + len(END)]


def differences(readme: str) -> list[str]:
    """A unified diff from the README's block to the generated one (empty when equal)."""
    block = current_block(readme)
    if block is None:
        return [f"README.md has no command reference between the markers {BEGIN!r} and {END!r}"]
    wanted = reference()
    if block == wanted:
        return []
    return list(
        difflib.unified_diff(
            block.splitlines(), wanted.splitlines(), "README.md", "CLI help", lineterm="", n=1
        )
    )


def write(readme_path: Path = README) -> bool:
    """Rewrite the block in README.md; True when it changed."""
    readme = readme_path.read_text(encoding="utf-8")
    block = current_block(readme)
    if block is None:
        raise SystemExit(f"{readme_path}: add the markers first:\n{BEGIN}\n{END}")
    updated = readme.replace(block, reference())
    if updated == readme:
        return False
    readme_path.write_text(updated, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    """Print, --write or --check the README's command reference; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite the block in README.md")
    mode.add_argument("--check", action="store_true", help="exit 1 when README.md differs")
    args = parser.parse_args(argv)
    if args.write:
        print("README.md updated" if write() else "README.md already up to date")
        return 0
    if args.check:
        diff = differences(README.read_text(encoding="utf-8"))
        print("\n".join(diff) if diff else "README.md's command reference matches the CLI's help")
        if diff:
            print(f"\nregenerate it with: {REGENERATE}")
        return 1 if diff else 0
    print(reference())
    return 0


if __name__ == "__main__":
    sys.exit(main())
