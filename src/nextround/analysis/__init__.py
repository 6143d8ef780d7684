"""Text analysis: statement splitting, polarity, embeddings and competency mapping."""
