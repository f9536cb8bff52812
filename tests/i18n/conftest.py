"""The German tests switch the language, through translation.override and through requests
that LocaleMiddleware answers in German; the middleware leaves its language active in the
thread. Each test here ends with no language active, so the tests after it run in the
project's default (English) as they expect."""

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _no_language_left_active() -> Iterator[None]:
    yield
    translation.deactivate()
