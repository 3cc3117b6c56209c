"""The ``explainer import`` and ``explainer export`` commands (click)."""

from __future__ import annotations

import click


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
def import_command(file: str) -> None:
    """Turn a Moodle GIFT or Aiken question bank FILE into a pack (not yet available)."""
    raise click.UsageError("import is not available yet")


@click.command("export")
@click.argument("path", type=click.Path(file_okay=False))
def export_command(path: str) -> None:
    """Write the questions of the pack in PATH as GIFT or Aiken (not yet available)."""
    raise click.UsageError("export is not available yet")
