"""catlint server: the language server for editors, over standard input and output."""

from __future__ import annotations

from catlint.errors import CatlintError



def add_arguments(parser) -> None:
    # Editors' generic clients often pass --stdio; stdio is the only transport, so it is accepted and changes nothing.
    parser.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default and only way)")


def run(arguments) -> int:
    try:
        from catlint.server.protocol import serve
    except ImportError as error:
        missing = (error.name or "a module").split(".")[0]
        raise CatlintError(f"catlint server needs pygls and lsprotocol ({missing} is missing): "
                           "python -m pip install 'catlint[server]'") from None
    serve()
    return 0
