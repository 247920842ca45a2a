"""A link's host mixes letters of different scripts, or reads as another host: a look-alike.

An IDN homograph swaps one letter of a well-known host for a letter of
another script that looks the same (Cyrillic `а` for Latin `a`), so the
link reads right and goes elsewhere. Following UTS #39 (Unicode Security
Mechanisms), each host label must have one script: the Script_Extensions of
its letters share a script (Unicode's data, `schema/unicode/`). Han mixes
only with Kana, Hangul or Bopomofo, as Japanese, Korean and Chinese names do
(data: `schema/security.json`), and never with Latin letters: `ノ` reads as
a slash and `一` as a hyphen in `medpix.comノevil.example`. A label with a
symbol of no script (an em dash) is reported too, and so is a label that is
entirely in one script but whose UTS #39 skeleton is an ASCII label, a
whole-script look-alike: `xn--80ak6aa92e.com` is Cyrillic `аррӏе.com`.
The message shows the host in punycode, as DNS sees it.

Fails:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.\u043easis-brains.org |
    (a Cyrillic \u043e)

    | Apple | XR | All | X | X | Open | Non-commercial | https://xn--80ak6aa92e.com |
    (Cyrillic аррӏ\u0435)

    | MedPix | XR, CT, MR, US, PE | All | 53,000+ | 13,000+ | Registration | Personal use only | https://medpix一nlm.example |
    (a Han 一 reads as a hyphen)

Passes:
    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (one script)

    | Tokyo | XR | All | X | X | Open | Non-commercial | https://日本語ドメイン.example |
    (Han and Katakana mix, as Japanese names do)
"""

from catlint.rules._support.findings import at_span, line_subject
from catlint.rules._support.lookalike import host_lookalike
from catlint.rules._support.page import page_links
from catlint.rules._support.urls import ascii_host, host_of, plain_ascii_host
from catlint.rules.contract import Rule


def check(context):
    mixes = context.security.script_mixes
    catalogue = context.catalogue
    for link in page_links(context, lambda scheme, host: "xn--" in host):  # a plain URL's host is ASCII: only punycode can hide a script
        if plain_ascii_host(link.url):
            continue
        host = host_of(link.url)
        problem = host_lookalike(host, mixes)
        if not problem:
            continue
        message = f"link host {ascii_host(host)!r} {problem}: a look-alike of another host?"
        for place in link.where(catalogue):
            yield at_span(place.span, message, subject=(*line_subject(catalogue, place.line), "link", link.url))


RULE = Rule("CAT405", "mixed-script-host", "error", "never", check, __doc__)
