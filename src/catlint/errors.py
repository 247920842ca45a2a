"""The one exception that means: stop, say one line, exit 2."""


class CatlintError(Exception):
    """Bad input, bad usage or bad configuration; the message is one line for the user."""


class NoCatalogue(CatlintError):
    """The text holds no catalogue table: an error for a file named, a file to pass over in a directory."""
