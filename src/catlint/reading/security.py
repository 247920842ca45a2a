"""`schema/security.json`: what the security rules allow. Link schemes (CAT402), the insecure
scheme and its secure form (CAT403), the script mixes host names use (CAT405), invisible
characters beyond Default_Ignorable_Code_Point (CAT401), host names that are not public (CAT407)."""

from __future__ import annotations

import json
from functools import lru_cache

from catlint.errors import CatlintError
from catlint.reading.schema import data_dir
from catlint.reading.unicode import code_points

SECURITY_FILE = "security.json"


@lru_cache(maxsize=1)
def _settings() -> dict:
    path = data_dir() / SECURITY_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return {
            "schemes": frozenset(document["link-schemes"]),
            "insecure": dict(document["insecure-link-schemes"]),
            "mixes": tuple(frozenset(mix["scripts"]) for mix in document["script-mixes"]),
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


def link_schemes() -> frozenset[str]:
    return _settings()["schemes"]


def insecure_schemes() -> dict[str, str]:
    """An insecure scheme and its secure form: http -> https."""
    return _settings()["insecure"]


def script_mixes() -> tuple[frozenset[str], ...]:
    return _settings()["mixes"]
