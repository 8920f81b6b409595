"""Every word a person reads, per language, and how Chinese text is punctuated."""
