"""The command line: Typer commands, their shared options, the run, the interview."""
