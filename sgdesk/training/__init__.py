"""The multi-agency training programme: courses, sessions, delegates, bookings and evaluations.

Bookings follow the board's rules (capacity, waiting list, substitution, cancellation) in
:mod:`sgdesk.training.bookings`; charges are computed from them and the board's charging policy
in :mod:`sgdesk.training.charges`, never typed in.
"""
