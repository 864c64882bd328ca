"""The training programme: courses, sessions, bookings, registers, charges, evaluations."""
