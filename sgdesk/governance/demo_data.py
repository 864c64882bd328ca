"""The demo board's action log, risk register and business plan, as its 2017-19 papers could have held them.

The twelve objectives with their outcome measures are seed 001's (section 3); the progress and the
figures in it come from the 2017-19 annual report (seed 000: the governance review, the JTAI of
March 2018 and its 29 areas for improvement, file audits good or better from 44% to 65%, 50% take-up
of training, Operation Encompass in upwards of forty schools, 116 children on a child protection plan
at 31 March 2018). The actions and risks are invented to match. Meetings are numbered 0 to 6, the
demo board's seven meetings from 21 Sep 2017 to 6 Feb 2019; owners are organisations' short names,
people those of the membership demo.
"""

from __future__ import annotations

import datetime as dt

D = dt.date

# number: (objective, outcome measure, lead sub-group or organisation)
OBJECTIVES: tuple[tuple[str, str, str, str], ...] = (
    ("1", ("Continue to build a shared understanding of the coordinating, monitoring and scrutinizing role of the "
     "LSCB and the safeguarding agenda with engagement across all partners, and particularly new and emerging "
     "strategic bodies"), "LSCB Annual Report evidences improvement in safeguarding children practice by all partners",
     "LSCB Executive Group"),
    ("2", ("Continue to develop the interface between adult and children's services; safeguarding boards; the Health "
     "and Wellbeing Board; and the Community Safety Partnership"), ("LSCB Annual Report evidences impact of integrated "
     "approach to identified key cross cutting issues, including domestic violence, exploitation, FGM, forced "
     "marriage and modern slavery"), "LSCB Executive Group"),
    ("3", ("Continue to ensure that information is shared effectively and in a timely way between professionals and "
     "with parents/carers and children and young people to safeguard children and young people"), ("Quantitative and "
     "qualitative data through the LSCB's Learning & Improvement Framework evidences that information is shared by "
     "professionals and with parents/carers and children, in a timely and effective way to inform the safeguarding "
     "process"), "Monitoring Sub Group"),
    ("4", ("Continue to develop the learning and improvement framework, ensuring lessons are identified and learned "
     "from serious and other case reviews, child death reviews, multi-agency audits, the scrutiny of performance "
     "information, thematic reviews, and feedback from children and their families about their experience of "
     "safeguarding."), ("LSCB Annual Report evidences a positive impact on the effectiveness of safeguarding of "
     "children as a result of the LSCB's challenge based on the findings from its learning and improvement framework"),
     "Case Review Panel"),
    ("5", ("Review and update child protection policies, protocols and procedures to reflect national and local "
     "recommendations of practice change/development approved by the Executive"), ("Policies, protocols and "
     "procedures support the effective safeguarding of children"), "LSCB Executive Group"),
    ("6", "Deliver public and professional awareness campaigns on safeguarding children", ("The LSCB Annual Report "
     "evidences the effectiveness and impact of targeted campaigns with measurable outcomes"), "Community Sub Group"),
    ("7", ("Ensure the LSCB and its partners facilitate the meaningful participation of children, families and the "
     "community to inform the delivery of effective safeguarding services"), ("The LSCB Annual Report evidences the "
     "impact of participation and feedback from children, families and the community on the improvement of "
     "safeguarding services"), "Community Sub Group"),
    ("8", ("Continue to promote the workforce development/training strategy and training framework and implement "
     "quality assurance processes for safeguarding children training and facilitators"), ("All training delivered by "
     "the LSCB and its partner agencies and training facilitators are quality assured and approved by the LSCB. "
     "Evaluations of training evidence that service delivery and practitioner confidence is improved"),
     "Learning & Development Sub Group"),
    ("9", ("Ensure the LSCB and its partners work to coordinate support and reduce risk of harm for children and "
     "young people identified as being highly vulnerable"), ("The LSCB and its partners identify highly vulnerable "
     "children and young people, and its learning and improvement framework evidences the reduction in risk as a "
     "result of a provision of appropriate support"), "Monitoring Sub Group"),
    ("10", ("Ensure the LSCB and its partners work to identify children at risk of sexual or other exploitation and "
     "coordinate support to reduce the impact on their life chances."), ("The LSCB and its partners coordinate and "
     "analyse intelligence to identify children at risk of sexual or other exploitation and appropriate services are "
     "identified and/or provided to support them"), "CSE & Missing Children Group"),
    ("11", ("Ensure the LSCB and its partners work together to provide effective early help services to children "
     "and their families"), ("The LSCB Annual Report and Learning and Improvement Framework evidence that early help "
     "services result in an appropriate reduction in the numbers of children with a child protection plan."),
     "Southend Borough Council Children's Services"),
    ("12", ("Ensure the LSCB and its partners work together to ensure the effective implementation of the Violence "
     "Against Women and Girls; Modern Slavery; and SET Domestic Abuse Strategies"), ("LSCB Learning and Improvement "
     "Framework evidences that information is shared appropriately and in a timely way to reduce risk to children"),
     "Southend Borough Council"),
)

# number: ((meeting, RAG, progress, quantitative or None, qualitative or None), ...)
PLAN_UPDATES: dict[str, tuple[tuple[int, str, str, str | None, str | None], ...]] = {
    "1": ((2, "amber", ("Strategic review of the LSCB concluded; new meeting structure, terms of reference and work "
           "plans agreed"), None, "Partners report clearer roles for the Board and the Executive"),
          (5, "green", ("Governance review has increased engagement and attendance; action plans now form part of "
           "the minutes"), "Statutory partners attended every Board meeting recorded in 2017-19",
           "Induction packs developed for new Board members")),
    "2": ((2, "amber", "Joint work with the SAB and Community Safety Partnership on cross-cutting issues agreed",
           None, None),
          (5, "green", "Shared outcome on Violence and Vulnerability agreed across the Boards; Chairs meet quarterly",
           None, "Shared learning event on Modern Day Slavery with excellent attendance and feedback")),
    "3": ((2, "amber", "Police notifications of domestic abuse to Children's Social Care under review", None, None),
          (5, "amber", "MASH+ co-locates key professionals; decisions on referrals within one working day",
           "Over 90% of MASH+ decisions made within one working day, above 95% since May 2018",
           "JTAI found strong partnership working between the Police and the Council")),
    "4": ((2, "amber", "Case Review Panel reconvened for the increased number of practice reviews", None, None),
          (5, "amber", "STW serious case review finalised; two local practice reviews to be commissioned",
           "File audits good or better rose from 44% (January) to 65% (December 2018)",
           "Case learning notes from other areas' reviews shared with partners")),
    "5": ((2, "green", "SET procedures updated and published on the LSCB website", None, None),
          (5, "green", "Shared SET policies and protocols updated in line with Working Together 2018",
           "Section 11 audits and returns completed with no actions arising", None)),
    "6": ((2, "amber", "Website content under review", None, None),
          (5, "amber", "Website errors and omissions corrected; a regular review of content planned", None,
           "Campaign on online safety planned with schools for 2019")),
    "7": ((2, "red", "No regular mechanism yet to hear from children and families", None, None),
          (5, "amber", "Young people met during the review of the adolescent intervention team (December 2018)",
           None, "Young people valued the way the team works alongside them and does not give up on them")),
    "8": ((2, "amber", "Training offer under review", "About 50% take-up of courses offered", None),
          (5, "amber", ("Training from Essex and Thurrock opened to Southend professionals; Train the Trainer update "
           "delivered"), "About 50% take-up of courses offered", "Accreditation of training to be reviewed")),
    "9": ((2, "amber", "Performance dashboard in development", None, None),
          (5, "amber", "Dashboard introduced and under review with partners",
           "Child protection visits in timescale rose from 94% to 97.6% during 2018",
           "Partners want the dashboard to concentrate on areas of risk")),
    "10": ((2, "amber", "CSE mapping under way with Essex Police", None, None),
           (5, "amber", "JTAI multi-agency action plan under way across six themes",
            "29 areas for improvement identified; all actions on track (January 2019 report)",
            "JTAI validated the contextual safeguarding approach to adolescents at risk of exploitation")),
    "11": ((2, "green", "Early help integrated with MASH+", ("116 children on a child protection plan at 31 March "
            "2018, down from 220 a year before"), None),
           (5, "green", "Investment in early help and social workers sustained", None,
            "Needs of children are met at an earlier stage")),
    "12": ((2, "amber", "Domestic Abuse Strategy update presented; MARAC delays being addressed", None, None),
           (5, "amber", "Operation Encompass running in schools", ("Upwards of forty schools take part in Operation "
            "Encompass"), "MARAC waiting times remain a concern")),
}

# Actions: (meeting, agenda item, action, owner, person, due, objective, events). With ``source``
# ("case review: STW" ...) the action may have no meeting (meeting None, raised on ``raised``). Events:
# ("progress", day, note, meeting) ("due", day, new due, meeting) ("done", day, meeting) ("dropped", day, note)
# ("carried", day, body, meeting) ("rag", day, rag, reason)
M = (D(2017, 9, 21), D(2017, 11, 16), D(2018, 2, 21), D(2018, 6, 5), D(2018, 9, 25), D(2018, 12, 11), D(2019, 2, 6))
Event = tuple
ACTIONS: tuple[tuple[int, str, str, str, str | None, dt.date, str | None, tuple[Event, ...]], ...] = (
    (0, "Annual Report 2016-17", ("Send the 2016-17 annual report to the Health and Wellbeing Board, the Community "
     "Safety Partnership and the Police and Crime Commissioner"), "Southend LSCB", "Fiona Castellano", D(2017, 11, 30),
     "1", (("done", M[1], 1),)),
    (0, "Performance framework", "Bring a proposal for a performance dashboard to the Board", "Southend LSCB", None,
     D(2018, 2, 21), "9", (("due", M[2], D(2018, 6, 5), 2), ("progress", M[2], "Partners' data returns delayed", 2),
                           ("done", M[3], 3))),
    (0, "Risk register", "Revise the risk register format and bring the revised register to the next meeting",
     "Southend LSCB", None, D(2017, 11, 16), None, (("done", M[1], 1),)),
    (0, "Domestic abuse", "Report on the quality of domestic abuse notifications to Children's Social Care",
     "Essex Police", "Zoë Adeyemi", D(2018, 2, 21), "12",
     (("progress", M[1], "Audit of notifications started with Children's Social Care", 1), ("done", M[2], 2))),
    (0, "Membership", "Confirm the health representative on the Case Review Panel", "Southend CCG", "Priya Raman",
     D(2017, 11, 16), "4", (("done", M[1], 1),)),
    (0, "Procedures", "Publish the updated SET child protection procedures on the LSCB website", "Southend LSCB", None,
     D(2017, 12, 31), "5", (("done", D(2018, 1, 12), None),)),
    (1, "Budget", "Agree the 2018/19 partner contributions", "SBC", "Siân Pryce", D(2018, 2, 21), None,
     (("done", M[2], 2),)),
    (1, "Private fostering", "Report on private fostering awareness raising in schools", "SBC Children's Services",
     "Daniel Achterberg", D(2018, 2, 21), "6", (("done", M[2], 2),)),
    (1, "Audit programme", "Draft terms of reference for the new Audit and Quality Assurance Group", "Southend LSCB",
     None, D(2018, 2, 21), "4", (("due", M[2], D(2018, 6, 5), 2), ("done", M[3], 3))),
    (1, "Child sexual exploitation", ("Map the prevalence of child sexual exploitation in Southend for the CSE & "
     "Missing group"), "Essex Police", "Zoë Adeyemi", D(2018, 3, 31), "10",
     (("due", M[2], D(2018, 9, 30), 2), ("progress", M[3], ("Mapping under way; first findings to the CSE & Missing "
                                          "group in July"), 3), ("done", M[4], 4))),
    (1, "Membership", "Prepare induction packs for new Board members", "Southend LSCB", None, D(2018, 2, 21), "1",
     (("due", M[2], D(2018, 6, 5), 2), ("done", M[3], 3))),
    (1, "Membership", "Advertise for a second lay member", "Southend LSCB", None, D(2018, 2, 21), "7",
     (("dropped", M[4], "Held over for the new safeguarding arrangements"),)),
    (2, "Corporate Parenting Interim Report", ("Report progress on the Corporate Parenting interim report's "
     "recommendations"), "SBC Children's Services", "Rachel Whitfield", D(2018, 6, 5), None, (("done", M[3], 3),)),
    (2, "Domestic Abuse Strategy Update", "Circulate the Domestic Abuse Strategy update to all partners", "SBC",
     None, D(2018, 3, 31), "12", (("done", D(2018, 3, 15), None),)),
    (2, "JTAI", "Confirm health representation in the MASH+", "Southend CCG", "Priya Raman", D(2018, 6, 5), "3",
     (("done", M[3], 3),)),
    (2, "Learning from reviews", "Share case learning notes from other areas' serious case reviews with partners",
     "Southend LSCB", None, D(2018, 4, 30), "4", (("done", D(2018, 4, 30), None),)),
    (2, "Training", "Review the training offer and the take-up of courses", "Southend LSCB", None, D(2018, 9, 25),
     "8", (("due", M[4], D(2018, 12, 11), 4), ("progress", M[4], ("Take-up about 50%; Essex and Thurrock offer "
                                                "being considered"), 4), ("done", M[5], 5))),
    (2, "Harmful sexual behaviour", "Bring the findings of the harmful sexual behaviour audit", "SEPT",
     "Bethan Howells", D(2018, 9, 25), "4",
     (("due", M[4], D(2018, 12, 11), 4), ("due", M[5], D(2019, 4, 30), 5),
      ("progress", M[5], "Audit carried out across agencies; analysis under way", 5))),
    (3, "Monitor Key PIs", "Report the single agency safeguarding performance findings to the Executive", "SUHFT",
     "Oluwaseun Adebayo", D(2018, 9, 25), "9",
     (("carried", M[4], "LSCB Executive Group", 4), ("due", M[4], D(2018, 11, 30), 4), ("done", D(2018, 11, 30), None))),
    (3, "Attendance Report", "Write to agencies whose attendance is below 75%", "Southend LSCB", None,
     D(2018, 9, 25), "1", (("done", M[4], 4),)),
    (3, "Assurance", "Agree the reporting schedule for section 11 audits (biannual from 2019)", "Southend LSCB", None,
     D(2018, 12, 11), "5", (("done", M[5], 5),)),
    (3, "C&YP Plan", "Confirm how the Board will monitor the plan's safeguarding priorities", "SBC Children's Services",
     "Daniel Achterberg", D(2018, 9, 25), "11", (("done", M[4], 4),)),
    (3, "Domestic Abuse Strategy Update", "Report the take-up of Operation Encompass in schools", "Essex Police",
     "Zoë Adeyemi", D(2018, 9, 25), "12", (("progress", M[4], "Upwards of forty schools take part", 4),
                                            ("done", M[4], 4))),
    (3, "Website", "Review the LSCB website content and correct errors and omissions", "Southend LSCB", None,
     D(2018, 9, 30), "6", (("done", D(2018, 11, 20), None),)),
    (3, "Training", "Confirm safeguarding training compliance for staff working with children", "SUHFT",
     "Oluwaseun Adebayo", D(2018, 9, 25), "8", (("done", M[4], 4),)),
    (4, "Annual Report from Strategic Child Death Review Panel", ("Circulate the Child Death Review Panel annual "
     "report to partners"), "SBC", "Dr Imogen Carter", D(2018, 10, 31), "4", (("done", D(2018, 10, 20), None),)),
    (4, "Corporate Parenting Annual Report", "Bring the placement stability figures for looked after children",
     "SBC Children's Services", "Rachel Whitfield", D(2018, 12, 11), "9", (("done", M[5], 5),)),
    (4, "Report on review of Serious Case Reviews", "Commission the two local practice reviews", "Southend LSCB",
     None, D(2018, 12, 11), "4", (("due", M[5], D(2019, 2, 6), 5),
                                  ("progress", M[5], "Terms of reference drafted; reviewers being approached", 5))),
    (4, "Working Together 2018", "Agree the phased plan for the new safeguarding arrangements", "SBC", "Siân Pryce",
     D(2019, 2, 6), "2", (("progress", M[5], "SET summit agreed closer collaboration; local plan in draft", 5),)),
    (4, "Exploitation", "Share the Essex CRC criminal exploitation strategy with partners", "Essex CRC",
     "Gareth Pugh", D(2018, 12, 11), "10", (("done", M[5], 5),)),
    (4, "Performance framework", "Report what information partners need from the dashboard, and in what form",
     "Southend LSCB", None, D(2019, 2, 6), "9",
     (("progress", M[5], "Partners' requirements gathered", 5),
      ("rag", M[5], "amber", "Draft redesign depends on partners' data returns, due in March"))),
    (5, "Agree budget proposals and partner contributions", "Finalise the 2019/20 budget and partner contributions",
     "SBC", "Siân Pryce", D(2019, 2, 6), None, (("done", M[6], 6),)),
    (5, "Monitoring Sub Group Audits Report", "Present the action plan from the neglect audit", "SEPT",
     "Grace Mensah", D(2019, 1, 31), "4", (("progress", D(2019, 1, 28), ("Action plan drafted with the Monitoring "
                                                          "Sub Group"), None),)),
    (5, "Annual Report", "Publish the 2017-19 annual report", "Southend LSCB", None, D(2019, 3, 31), "1", ()),
    (5, "Assurance", "Report on the HMIP inspection's recommendations", "NPS", "Hannah Okafor", D(2019, 1, 31), None,
     (("done", M[6], 6),)),
    (5, "Domestic Abuse Strategy Update", "Report MARAC waiting times for high-risk domestic abuse cases", "SBC", None,
     D(2019, 4, 30), "12", ()),
    (6, "Working Together 2018", "Prepare the transition plan from the LSCB to the new safeguarding partnership",
     "SBC", "Siân Pryce", D(2019, 6, 30), "2", ()),
    (6, "Risk register", "Refresh the risk register for the new arrangements", "Southend LSCB", None,
     D(2019, 4, 30), None, ()),
    (6, "Harmful sexual behaviour", "Identify training gaps from the harmful sexual behaviour audit", "SEPT",
     "Bethan Howells", D(2019, 5, 31), "8", ()),
)

# Actions from elsewhere: (source, body, raised on, meeting or None, action, owner, person, due, objective, events)
OTHER_ACTIONS: tuple[tuple[str, str, dt.date, int | None, str, str, str | None, dt.date, str | None,
                           tuple[Event, ...]], ...] = (
    ("inspection: JTAI March 2018", "", M[3], 3, ("Put formal processes in place for health agencies' part in "
     "multi-agency child exploitation meetings"), "Southend CCG", "Priya Raman", D(2018, 9, 30), "10",
     (("progress", M[4], "Provider services contributing to the revised child exploitation action plan", 4),
      ("due", M[4], D(2019, 3, 31), 4))),
    ("inspection: JTAI March 2018", "", M[3], 3, ("Report progress on the JTAI action plan (29 areas for improvement, "
     "six themes) at each Board meeting"), "SBC Children's Services", "Daniel Achterberg", D(2018, 12, 11), "10",
     (("progress", M[4], "Plan agreed under six themes", 4), ("due", M[5], D(2019, 3, 31), 5),
      ("progress", M[6], "January 2019 report: all actions on track", 6))),
    ("case review: STW serious case review", "Case Review Panel", D(2018, 1, 10), None, ("Monitor the STW serious case "
     "review action plan through the Audit and Quality Assurance group"), "Southend LSCB", None, D(2018, 6, 30), "4",
     (("carried", M[3], "", 3), ("done", M[5], 5))),
    ("case review: Overarching review (Baby S, neglect, under 1s)", "Case Review Panel", D(2019, 1, 15), None,
     "Agree the scope of the overarching review of Baby S, neglect and children under one", "Southend CCG",
     "Tomasz Wiśniewski", D(2019, 3, 15), "4", (("carried", M[6], "", 6),)),
    ("audit: harmful sexual behaviour", "Monitoring Sub Group", D(2018, 11, 5), None, ("Share the audit tool with "
     "schools' designated safeguarding leads"), "Schools & Colleges", None, D(2019, 1, 31), "8",
     (("progress", D(2019, 1, 20), "Tool circulated through the Safeguarding in Schools forum", None),)),
)

# Risks: (title, category, owner, inherent (L, I), reviews ((meeting, L, I, note), ...), controls, action numbers
# (1-based, in ACTIONS then OTHER_ACTIONS), closed at meeting or None)
RISKS: tuple[tuple[str, str, str, tuple[int, int], tuple[tuple[int, int, int, str | None], ...], str,
                   tuple[int, ...], int | None], ...] = (
    ("Partner contributions fall short of the agreed budget", "Financial", "Southend LSCB", (4, 4),
     ((2, 3, 4, None), (4, 3, 4, None), (5, 2, 4, "2019/20 contributions agreed"),),
     "Contributions agreed each December by the agreed formula; reserves carried forward", (7, 32), None),
    ("The move to the new safeguarding arrangements disrupts the Board's statutory work", "Governance", "SBC", (4, 5),
     ((2, 3, 4, None), (4, 4, 4, "Timetable for September 2019 confirmed"), (5, 4, 4, None)),
     "Phased plan; Chairs of the Boards meet quarterly", (29, 37), None),
    ("Health agencies are not formally part of the multi-agency response to exploitation", "Partnership",
     "Southend CCG", (4, 4), ((2, 4, 4, "Raised by the JTAI"), (4, 3, 4, None), (5, 3, 4, None)),
     "Health representation in the MASH+; CCG oversight of the action plan", (15, 40), None),
    ("High-risk domestic abuse cases wait too long for MARAC", "Practice", "SBC", (4, 5),
     ((2, 4, 4, None), (4, 4, 4, None), (5, 4, 5, "Waiting times lengthened over the autumn")),
     "Local triage; weekly MARAC", (14, 36), None),
    ("Police notifications of domestic abuse do not reliably identify children", "Practice", "Essex Police", (4, 4),
     ((2, 3, 4, None), (4, 2, 4, "Notification audit completed"), (5, 2, 4, None)),
     "Notification audit; Operation Encompass", (4, 23), None),
    ("Low take-up of multi-agency training", "Workforce", "Southend LSCB", (3, 3),
     ((2, 3, 3, None), (4, 2, 3, None), (5, 2, 3, None)),
     "Essex and Thurrock training open to Southend professionals", (17,), None),
    ("The performance dashboard does not give partners the information they need", "Performance", "Southend LSCB",
     (3, 3), ((2, 3, 3, None), (4, 3, 3, None), (5, 3, 2, "Partners' requirements gathered")),
     "Performance Sub Group reviews the dashboard quarterly", (2, 31), None),
    ("Serious case review recommendations are not implemented in time", "Learning", "Southend LSCB", (3, 5),
     ((2, 3, 4, None), (4, 3, 4, None), (5, 4, 4, "Two local practice reviews still to be commissioned")),
     "Audit and Quality Assurance group monitors each action plan", (42,), None),
    ("Vacancies in the business unit leave the Board without support", "Capacity", "Southend LSCB", (3, 4),
     ((2, 3, 4, None), (4, 2, 3, "Business manager appointed from September"), (5, 1, 3, None)),
     "New structure funded in the 2019/20 budget", (), None),
    ("Loss or disclosure of personal data the Board holds", "Information governance", "Southend LSCB", (2, 5),
     ((2, 2, 4, None), (4, 2, 4, None), (5, 2, 4, None)),
     "Secure email; data sharing agreement; retention schedule", (), None),
    ("Children missing education are not identified", "Practice", "SBC Children's Services", (3, 4),
     ((2, 2, 4, None), (4, 2, 3, None), (5, 1, 3, "Tracking in place; risk closed")),
     "Monitoring of children missing education", (), 5),
)

# forward-plan items for the meeting of 6 Feb 2019, with their leads
FEBRUARY_2019_ITEMS: tuple[tuple[str, str], ...] = (
    ("Monitor Key PIs", "Southend Local Safeguarding Children Board"),
    ("Business Plan Progress Report", "Southend Local Safeguarding Children Board"),
    ("JTAI Action Plan Progress", "Southend Borough Council Children's Services"),
    ("Working Together 2018: the new arrangements", "Southend Borough Council"),
    ("Executive Summary Report", "Southend Local Safeguarding Children Board"),
)
