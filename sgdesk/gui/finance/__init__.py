"""Finance: ledger, budget against actual, partner contributions."""
