"""What an answer looks like: one view per answer, its writers and documents, the consoles."""
