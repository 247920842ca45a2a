"""`schema/security.json`: what the security rules allow. Link schemes (CAT402), the insecure
scheme and its secure form (CAT403), the script mixes host names use (CAT405), invisible
characters beyond Default_Ignorable_Code_Point (CAT401, and left out of CAT306's names), host names that are not public (CAT407)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import NamedTuple

from catlint.errors import CatlintError
from catlint.reading.schema import data_dir
from catlint.reading.unicode import code_points

SECURITY_FILE = "security.json"


class Security(NamedTuple):
    """The security settings, as the engine hands them to the rules (`context.security`)."""

    link_schemes: frozenset[str]  # the schemes a link may use
    insecure_schemes: dict[str, str]  # an insecure scheme and its secure form: http -> https
    script_mixes: tuple[frozenset[str], ...]  # the scripts one host label may combine
    invisible: tuple[tuple[int, int], ...]  # code point ranges reported besides the default-ignorable ones
    non_public: dict[str, str]  # special-use and private-use names, each with why no public DNS answers


def load_security() -> Security:
    settings = _settings()
    return Security(settings["schemes"], settings["insecure"], settings["mixes"], settings["invisible"], settings["non-public"])


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


def non_public_names() -> dict[str, str]:
    """Special-use and private-use names, each with why no public DNS answers for it (for the network's guard)."""
    return _settings()["non-public"]
