"""Reading: bytes to text, text to Markdown blocks and GFM tables, tables to cells.

The block structure follows cmark-gfm (GitHub's parser) line for line, so the
tables, rows and cells catlint reads are the ones GitHub renders; the test
suite compares the two on generated documents.
"""
