"""A refused catalogue in English words, as `jdhotline check` says it: the loader's error
carries a code and its parameters, and the i18n wing words it (the core has no words)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from jdhotline.errors import CatalogueError
from jdhotline.i18n.messages import catalogue_message


def english(error: CatalogueError) -> str:
    return catalogue_message(error, "en")


@contextmanager
def refused(pattern: str) -> Iterator[None]:
    """The catalogue is refused, in English words that ``pattern`` finds (re.search)."""
    with pytest.raises(CatalogueError) as caught:
        yield
    assert re.search(pattern, english(caught.value)), english(caught.value)
