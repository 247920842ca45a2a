"""The parts of `schema/security.json` the newer rules read: invisible characters beyond
Default_Ignorable_Code_Point (CAT401) and host names that are not public (CAT407)."""

from __future__ import annotations

import json
from functools import lru_cache

from catlint.errors import CatlintError
from catlint.schema import data_dir
from catlint.unicode_data import code_points

SECURITY_FILE = "security.json"


@lru_cache(maxsize=1)
def _settings() -> dict:
    path = data_dir() / SECURITY_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return {
            "invisible": tuple(code_points([entry["code-points"] for entry in document["invisible-characters"]])),
            "non-public": {str(entry["name"]).lower(): str(entry["why"]) for entry in document["non-public-host-names"]},
        }
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CatlintError(f"{path}: invalid security settings: {type(error).__name__}: {error}") from None


def invisible_beyond_default_ignorable() -> tuple[tuple[int, int], ...]:
    """(first, last) code point ranges CAT401 reports besides the default-ignorable ones."""
    return _settings()["invisible"]


def non_public_names() -> dict[str, str]:
    """Special-use and private-use names, each with why no public DNS answers for it."""
    return _settings()["non-public"]
