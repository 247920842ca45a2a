"""catlint: keep one Markdown table honest."""

__version__ = "0.1.0"
