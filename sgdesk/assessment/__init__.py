"""Self-assessment and audit scoring: tools as data, rounds, responses, statistics, outputs.

A *tool* (sections, themes, statements with stable codes, a rating scale, comment prompts) is
data: the board self-assessment of the seed report, a Section 11 audit or a schools (s175)
return all run on the same engine. A *round* asks respondent agencies to rate a tool's
statements; published outputs summarise the answers without tying any of them to an agency.
"""
