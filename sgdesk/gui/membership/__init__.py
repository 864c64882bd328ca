"""Membership and meetings: organisations, seats and terms, the attendance grid, the forward plan."""
