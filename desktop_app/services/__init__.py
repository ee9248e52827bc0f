"""Use cases over one Session each; the caller opens the transaction (``Store.write()``)."""
