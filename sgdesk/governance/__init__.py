"""Meeting papers: the action log, the risk register, business plan progress and the meeting pack.

One package rather than three, because the registers point at each other (a risk's mitigating
actions are in the action log, actions serve business plan objectives) and the meeting pack
draws all three together; features never import each other, so three packages would have
had to. Modules: :mod:`~sgdesk.governance.actions`, :mod:`~sgdesk.governance.risks`,
:mod:`~sgdesk.governance.plans` (the registers), :mod:`~sgdesk.governance.rag` (the RAG words
they share), :mod:`~sgdesk.governance.papers` (what the papers for one meeting hold) and
:mod:`~sgdesk.governance.meeting_pack` (those papers as a PDF or Word document).

It builds on membership's bodies, meetings, forward plan and attendance, read-only; membership
knows nothing of it.
"""
