"""`python -m jdhotline`."""

from .cli import main

main()
