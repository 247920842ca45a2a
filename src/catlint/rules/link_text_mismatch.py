"""A link's text is a web address, and the link goes to another host.

`[https://medpix.nlm.nih.gov](https://evil.example)` shows a reader one
address and takes them to another: the oldest phishing trick, and easy to
miss in a review. When the text of a link, as GitHub shows it (emphasis,
code, strikethrough and HTML markup gone, entities decoded; with and without
its struck-out words), reads as a URL or a host name, the link must go to
that host (`www.` and letter case aside).

Fails:
    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | [https://medpix.nlm.nih.gov](https://evil.example/medpix) |
    (the text shows MedPix, the link goes elsewhere)

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |

    Details on [www.oasis-brains.org](https://oasis-brains.example.net).

    Details on [**https://www&#46;oasis-brains.org**](https://oasis-brains.example.net).
    (GitHub shows https://www.oasis-brains.org in bold)

Passes:
    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | [https://medpix.nlm.nih.gov](https://medpix.nlm.nih.gov/home) |
    (the text shows the host the link goes to)

    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | [MedPix home](https://medpix.nlm.nih.gov/home) |
    (the text is no address)
"""

import re

from catlint.reading.shown_text import shown_texts
from catlint.rules._support.findings import at_span, line_subject
from catlint.rules._support.page import page_links
from catlint.rules._support.urls import ascii_host, host_of
from catlint.rules.contract import Rule

# Text that reads as an address: an optional scheme, then a dotted host name, then anything.
_ADDRESS = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://)?([^\s/?#@:<>\[\]()`*_]+\.[^\s/?#@:<>\[\]()`*_.]+)(?:[:/?#]\S*)?\Z")


def check(context):
    catalogue = context.catalogue
    for link in page_links(context, lambda scheme, host: False):  # a plain URL has no link text
        if link.kind not in ("link", "image") or not link.text:
            continue
        hosts = _shown_hosts(shown_texts(link.text, catalogue.markdown.definitions))
        if not hosts:
            continue
        target = _normal(host_of(link.url))  # bücher.example is xn--bcher-kva.example
        shown = next((host for host in hosts if ascii_host(host) != ascii_host(target)), None) if target else None
        if shown is not None:
            message = f"link text shows {ascii_host(shown)!r} but the link goes to {ascii_host(target)!r}"
            for place in link.where(catalogue):
                yield at_span(place.shown, message, subject=(*line_subject(catalogue, place.line), "link", link.url))


def _shown_hosts(texts: tuple[str, ...]) -> list[str]:
    """The hosts a reader sees in the link text: as shown, and without its struck-out parts."""
    matches = (_ADDRESS.match(text.strip().strip("<>")) for text in texts)
    return [_normal(match.group(1)) for match in matches if match]


def _normal(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


RULE = Rule("CAT408", "link-text-mismatch", "error", "never", check, __doc__)
