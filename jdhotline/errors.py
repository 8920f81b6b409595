"""The errors the command line turns into messages and exit codes.

Kept apart, and tiny, so that the CLI can catch them without importing the
modules that raise them (start-up time is part of the product).
"""

from __future__ import annotations


class CatalogueError(Exception):
    """A catalogue that cannot be used, with where and what to fix."""

    def __init__(self, file: str, where: str, problem: str) -> None:
        self.file = file
        self.where = where
        self.problem = problem
        super().__init__(f"{file}: {where}: {problem}" if where else f"{file}: {problem}")


class CaseStoreError(Exception):
    """The case database cannot be used; the message says why and what to do."""


class NoSuchCase(LookupError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"no case {case_id}")
        self.case_id = case_id


class CaseStateError(Exception):
    """A change the case's state refuses: a closed case takes no call, close or follow-up
    until it is reopened; an open case cannot be reopened. The message says what to do."""

    def __init__(self, case_id: int, message: str) -> None:
        super().__init__(message)
        self.case_id = case_id
