"""The demo's self-assessment answers: six agencies reproducing Appendix 3 of the 2017-19 report.

The seed publishes only each statement's mode, mean and range. The answers below were found
by searching every set of at most six answers (whole scores and split ratings) for one that
gives the published figures; the comments are the seed's "Examples of Commentary by
Partners", given to agencies that answered the statement. The people are invented.

Three rows cannot be reproduced by any set of at most six answers (see ``UNREPRODUCIBLE``);
for them the answers keep two of the three published figures.
"""

from __future__ import annotations

# (organisation as in the demo, person who completed the return: invented)
RESPONDENTS: tuple[tuple[str, str], ...] = (
    ("Southend Borough Council Children's Services", "Zoë Adeyemi"),
    ("Essex Police", "Łukasz Nowak"),
    ("NHS Southend Clinical Commissioning Group", "Siân Pryce"),
    ("Southend University Hospital NHS Foundation Trust", "Niamh O'Loughlin"),
    ("National Probation Service", "Gareth Ellwood"),
    ("CAFCASS", "Priya Raman"),
)

# statement code -> one answer per respondent above ("" not answered; "2/3" a split rating)
ANSWERS: dict[str, tuple[str, ...]] = {
    "SD1": ("2", "3", "3", "3", "3", "4"),
    "SD2": ("3", "2", "3", "3", "3", "3"),
    "SD3": ("3", "4", "3", "3", "3", "3"),
    "SD4": ("3", "3", "3", "2", "2", "2"),
    "KR1": ("3", "3", "4", "4", "3", "3"),
    "KR2": ("2", "3", "3", "3/4", "", "2"),
    "KR3": ("2", "3", "3", "3", "3", "3"),
    "KR4": ("4", "3", "3", "3", "3", "3"),
    "KR5": ("3", "3", "2", "3", "3", "3"),
    "KR6": ("3", "3", "3", "3", "3", "3"),
    "KR7": ("3", "3", "3", "3", "1", "1"),
    "KR8": ("3", "4", "4", "4", "4", "3"),
    "KR9": ("1", "2", "3", "3", "3", "3"),
    "KR10": ("4", "2", "3", "3", "3", "3"),
    "KR11": ("3", "4", "3", "3", "3", "3"),
    "KR12": ("3", "3", "3", "2", "3", "3"),
    "EN1": ("4", "4", "4", "4", "3", "3"),
    "EN2": ("3", "3", "4", "4", "4", "3"),
    "EN3": ("2", "3", "3", "3", "4", "4"),
    "EN4": ("4", "3", "3", "4", "4", "4"),
    "EN5": ("3", "4", "3", "3", "3", "3"),
    "EN6": ("3", "4", "4", "2/3", "3", "3"),
    "EN7": ("3", "3", "3", "4", "2", "3"),
    "EN8": ("3", "3", "3", "4", "4", "3"),
    "EN9": ("2/3", "3", "3", "3", "3/4", "4"),
    "EN10": ("4", "3", "3", "3", "4", "4"),
}

# The published (mode, mean, range) of each statement in the seed's Appendix 3.
PUBLISHED: dict[str, tuple[str, str, str]] = {
    "SD1": ("3", "3", "2"), "SD2": ("3", "2.8", "1"), "SD3": ("3", "3.2", "1"), "SD4": ("2/3", "2.5", "1"),
    "KR1": ("3", "3.3", "1"), "KR2": ("2/3", "2.7", "1.5"), "KR3": ("3", "2.8", "1"), "KR4": ("3", "3.2", "1"),
    "KR5": ("3", "2.8", "1"), "KR6": ("3", "3", "0"), "KR7": ("3", "2.3", "2"), "KR8": ("4", "3.7", "1"),
    "KR9": ("3", "2.5", "2"), "KR10": ("3", "3", "2"), "KR11": ("3", "3.2", "1"), "KR12": ("3", "2.8", "1"),
    "EN1": ("4", "3.7", "1"), "EN2": ("4", "3.5", "1"), "EN3": ("3", "3.2", "2"), "EN4": ("4", "3.7", "1"),
    "EN5": ("3", "3.2", "1"), "EN6": ("3", "3.4", "1.5"), "EN7": ("3", "3", "2"), "EN8": ("3", "3.3", "1"),
    "EN9": ("3", "3.2", "1.5"), "EN10": ("4", "3.5", "1"),
}

# Rows no set of at most six answers reproduces, why, and what the demo shows instead.
UNREPRODUCIBLE: dict[str, str] = {
    "EN2": ("mode 4 with mean 3.5 and range 1: every answer lies between 3 and 4, and a mean that rounds to 3.5 "
            "from at most six answers is exactly 3.5, which needs as many 3s as 4s, so 4 cannot be the only "
            "mode; the demo keeps the mean and range and shows the tie, mode 3/4"),
    "EN6": ("mode 3 with mean 3.4 and range 1.5: the range then runs from 2.5 to 4, and lifting the mean to 3.4 "
            "needs at least as many 4s as 3s, so 3 cannot be the only mode; the demo keeps the mode and range "
            "and shows mean 3.3"),
    "EN10": ("mode 4 with mean 3.5 and range 1: impossible for the same reason as EN2; the demo shows mode 3/4, "
             "mean 3.5, range 1"),
}

# (statement code, respondent index, comment): the seed's examples of commentary
COMMENTS: tuple[tuple[str, int, str], ...] = (
    ("SD1", 0, "Board members are involved in the creation of the strategic plan and take ownership of actions."),
    ("SD2", 1, "Revisions to the use of information and intelligence have strengthened this area during 2018."),
    ("SD1", 2, "The Board clearly demonstrates what the main objectives are and how we will achieve them."),
    ("SD2", 3, "The Board has a good understanding of partners view points and takes into account all information "
               "and intelligence"),
    ("SD1", 4, "The plan is themed and board members are asked to give feedback on any barriers safeguarding and "
               "that these are responded to."),
    ("SD3", 0, "All members are asked to contribute to the Annual Report by giving a specific account of their "
               "agency’s safeguarding context, outcomes and successes."),
    ("SD3", 3, "Yearly we are given the opportunity to fully engage with this process and provide feedback. "
               "Amendments are made as required and the final copy is presented to the board for sign off."),
    ("SD3", 5, "The approach of completing the annual report is an area of strength as there is now a consistent "
               "way of including feedback from safeguarding partners."),
    ("SD4", 1, "I am aware that there has been professional disagreement regarding the arrangement of a recent "
               "safeguarding practice review, and it may be that this particular review could have been arranged "
               "differently. However, my previous experience of the arrangement of SCRs and agency’s cooperation "
               "with this process in Southend is good."),
    ("SD4", 2, "The process of arranging practice reviews has developed over the year and is becoming an area of "
               "strength. This has worked well during 2018 and has included complex cases where the issue of "
               "publication presented a challenge. The partnership worked together well in this regard."),
    ("SD4", 3, "There is a designated panel which feeds to the board and responds to demands for review. This is a "
               "multi-agency attendance and the responsibilities for partner agencies are made clear."),
    ("SD4", 5, "The board can demonstrate a proactive approach to reviews and publication is debated at the SCR "
               "group taking into account the learning from the review and whether the families involved would be "
               "identifiable. National reviews are discussed and summarised to ensure local partners share the "
               "learning."),
    ("KR1", 0, "I [am] clear about our role and responsibilities in relation to safeguarding children, and as a "
               "member of the board."),
    ("KR1", 1, "We are a lead safeguarding agency and we are aware of our role, and the roles of others, in "
               "safeguarding children"),
    ("KR1", 4, "There is a clear view of your obligations and tasks set out from meetings and you are accountable "
               "to the Board and the community."),
    ("KR3", 0, "This is an area of improved practice with schedules for reporting becoming clearer during 2018. "
               "Oversight of the multi-agency JTAI action plan and Children’s Services Improvement Plan is an "
               "example of this."),
    ("KR3", 2, "Being held to account is vitally important to a successful board and this is completed in a "
               "constructive environment."),
    ("KR3", 5, "Partners hold each other to account for their contribution to the safety and protection of children "
               "and young people, facilitated by the chair. Both boards monitor attendance closely and ensure all "
               "partners are able to express their views and feedback."),
    ("KR5", 1, "As an agency working across Southend, Essex and Thurrock, with operational teams in each area, I "
               "value the collaboration across SET for the development of procedures to safeguard children – the "
               "SET procedures – so all teams can work to the same policy set."),
    ("KR5", 2, "Key policy development is generally formulated on a SET wide basis. Many professionals have to work "
               "across different organisational boundaries therefore it is important that this approach continues "
               "wherever possible."),
    ("KR5", 3, "The Board is good at taking all partners views in making policies and strategies. It has a good "
               "understanding of what is happening within its community."),
    ("KR5", 5, "The board reviews key themes to ensure the work of the board assimilates with the local "
               "safeguarding picture and develops strategies to address emerging risks."),
    ("KR6", 0, "The boards’ communication, communities and schools work are good example of preventative work. In "
               "addition the Southend combined boards (LSCB, SAB, HWB, and CSP) work on their violence and "
               "vulnerability plan is an excellent example of preventative work, as well as responsive work."),
    ("KR6", 2, "The Board has input to the development of Early Help services and receives reports on the "
               "effectiveness of the service. The Chair of the LSCB is a member of the Health & Wellbeing Board "
               "and acts a ‘critical friend’."),
    ("KR6", 3, "The LSCB contribution to the Violence and Vulnerability Board is an area of strength in this "
               "regard. The audit of referrals relating to children aged under 1 year old supported strategies "
               "being developed for improvement in practice within children’s services"),
    ("KR8", 0, "I think that all agencies are well sighted on the issues underpinning information sharing "
               "arrangements, including consent; when consent can be overridden, and information on a ‘need to "
               "know’ basis."),
    ("KR8", 1, "The guidelines around confidentiality are explicit within the work of the board and sub-groups."),
    ("KR8", 2, "We are confident that the need to safeguard takes priority over confidentiality requirements and "
               "that the LSCB is clear on this issue"),
    ("KR8", 4, "The development of the MARAT and MASH has improved the quality and timeliness of information "
               "sharing to protect children and young people."),
    ("KR12", 2, "I think that all board members agree, and promote multi-agency training as a critical component "
                "of all our training plans; and the board as a whole recognises and promotes the importance of "
                "training."),
    ("KR11", 0, "Board members challenge each other as ‘critical friends’. There is external challenge through the "
                "Joint LSCB & SAB Scrutiny Panel."),
    ("KR11", 3, "The Board has clearly challenged each other in keeping children safe within Southend as already "
                "stated in a constructive environment."),
)

# The following year's round, still open: invented answers from the first three agencies
# (the fourth has started), so the demo shows a round in progress and change since 2018/19.
NEXT_ROUND_RAISED = frozenset({"SD4", "KR7", "KR9"})   # areas for development the board worked on
NEXT_ROUND_SUBMITTED = 3
NEXT_ROUND_STARTED_CODES = ("SD1", "SD2", "SD3", "SD4", "KR1", "KR2")
