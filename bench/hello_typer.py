"""The floor: a one-command Typer app, run by the same interpreter as jdhotline."""

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    print(f"hello {name}")


if __name__ == "__main__":
    app()
