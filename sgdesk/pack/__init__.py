"""The annual-report appendix pack: a cover, a contents page and the chosen appendices.

Each feature writes its appendix once, as a PDF story (``appendix1_story`` and so on); the pack
numbers and titles them, binds them behind a cover and a contents page, and writes the whole
as one PDF or one Word document.
"""
