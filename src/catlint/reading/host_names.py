"""A link's host as a browser reads it before it looks it up (UTS #46 mapping, simplified).

NFKC (a fullwidth `ｃ` is `c`), case folded, and the full stops of other
scripts (U+3002, U+FF0E, U+FF61) read as the label separator `.`. The link
checker, the look-alike rules and the evidence all compare hosts this way.
"""

from __future__ import annotations

import unicodedata

_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})  # UTS #46 maps these to "."


def unicode_host(host: str) -> str:
    """The host as UTS #46 maps it: NFKC, case folded, every full stop a `.`."""
    return unicodedata.normalize("NFKC", host).casefold().translate(_DOTS)


def normal_host(host: str) -> str:
    """The host a browser looks up: mapped, and without the trailing dot of a fully qualified name
    (`www.example.org.` is `www.example.org`)."""
    name = host.lower() if host.isascii() else unicode_host(host)
    return name[:-1] if name.endswith(".") else name
