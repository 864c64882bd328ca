"""Self-assessment: rounds, answers, summaries and tools."""
