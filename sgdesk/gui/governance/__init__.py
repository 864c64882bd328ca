"""The Actions & risks view: the action log, the risk register and business plan progress."""
