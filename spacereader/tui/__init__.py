"""The reader: a Textual app on a `Comparison`. Imported only when the reader runs."""
