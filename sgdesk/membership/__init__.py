"""Board membership, meetings and attendance (issue 3).

Organisations hold **seats** on a board or one of its sub-groups (a role, and how published
grids name the seat); **people** hold a seat over time as its representative or a deputy.
Boards and sub-groups (together, **bodies**) hold **meetings**; a meeting has a forward plan of
standing items, and an **attendance** mark per seat. Attendance belongs to the seat.

The modules: :mod:`.bodies` (the board and its sub-groups), :mod:`.seats` (seats, people and
who holds what), :mod:`.meetings` (meetings and the forward plan), :mod:`.marks` (the marks and
the percentage rule), :mod:`.grid` (the attendance grid and its counts), :mod:`.flags` (deputy
runs, absent statutory partners, quorum), then the imports, reports, Appendix 1, demo part,
attention items and checks, registered by :mod:`.feature`.
"""
