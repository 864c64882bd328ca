"""The stress board's invented partnership: Marshford's boards, sub-groups, organisations and seats, its
finance, its self-assessment statements and its training courses (see :mod:`sgdesk.demo.large`)."""

from __future__ import annotations

# -- the partnership: boards, sub-groups, organisations ---------------------------------------------------
COUNTY = "Marshford"
BOARDS = (("Marshford Safeguarding Children Partnership", "Marshford SCP", "children"),
          ("Marshford Safeguarding Adults Board", "Marshford SAB", "adults"),
          ("Marshford Coast All-Age Safeguarding Partnership", "Coast AASP", "all-age"))
# board index -> its sub-groups: (name, short name, how often it meets)
SUBGROUPS: dict[int, tuple[tuple[str, str, str], ...]] = {
    0: (("Executive Group", "Executive", "Bi-monthly"),
        ("Performance and Quality Assurance Group", "PQA", "Bi-monthly"),
        ("Learning and Development Group", "L&D", "Bi-monthly"),
        ("Child Exploitation and Missing Group", "Exploitation", "Bi-monthly")),
    1: (("Safeguarding Adults Review Group", "SAR Group", "Bi-monthly"),
        ("Quality and Performance Group", "Quality", "Bi-monthly"),
        ("Mental Capacity and Liberty Group", "MCA Group", "Bi-monthly")),
    2: (("Case Review Panel", "Case Review", "Bi-monthly"), ("Child Death Review Panel", "CDOP", "Bi-monthly"),
        ("Training and Workforce Group", "Workforce", "Bi-monthly")),
}
STATUTORY = ("Marshford County Council", "Marshford Police", "NHS Marshford Integrated Care Board")
BUSINESS_UNIT = "Marshford Safeguarding Partnerships Business Unit"
LAY = "Lay members"
DISTRICTS = ("Northwick District Council", "Saltmere Borough Council", "Fenby District Council",
             "Coldharbour Borough Council")
# (name, short name, type, aliases as (alias, valid from, valid to))
ORGANISATIONS: tuple[tuple[str, str | None, str, tuple[tuple[str, str | None, str | None], ...]], ...] = (
    ("Marshford County Council", "MCC", "council", (("Marshford CC", None, None),)),
    ("Marshford Police", "Police", "police", (("Marshford Constabulary", None, "2019-03-31"),)),
    ("NHS Marshford Integrated Care Board", "ICB", "health",
     (("NHS Marshford Clinical Commissioning Group", None, "2022-06-30"), ("Marshford CCG", None, "2022-06-30"))),
    ("Marshford County Council Children's Services", "Children's Services", "council", ()),
    ("Marshford County Council Adult Social Care", "Adult Social Care", "council", ()),
    ("Marshford County Council Public Health", "Public Health", "council", ()),
    ("Marshford County Council Education Services", "Education Services", "council", ()),
    *((name, None, "council", ()) for name in DISTRICTS),
    ("Office of the Marshford Police, Fire and Crime Commissioner", "PFCC", "police", ()),
    ("Marshford University Hospitals NHS Foundation Trust", "MUH", "health", ()),
    ("Marshford Community Health NHS Trust", "Community Health", "health", ()),
    ("Marshford and Vale Mental Health NHS Foundation Trust", "MVMH", "health", ()),
    ("East Coast Ambulance Service NHS Trust", "Ambulance", "health", ()),
    ("Marshford GP Federation", "GP Federation", "health", ()),
    ("Probation Service (Marshford)", "Probation", "probation",
     (("National Probation Service (Marshford)", None, "2021-06-25"),)),
    ("Marshford Youth Justice Service", "Youth Justice", "probation", ()),
    ("CAFCASS", "CAFCASS", "courts", (("Children and Family Court Advisory and Support Service", None, None),)),
    ("Marshford Fire and Rescue Service", "Fire", "fire", ()),
    ("Marshford College", None, "education", ()),
    ("Saltmere Sixth Form College", None, "education", ()),
    ("Marshford Schools Forum", "Schools Forum", "education", ()),
    ("Marshford Council for Voluntary Service", "CVS", "voluntary", ()),
    ("Marshford Women's Aid", "Women's Aid", "voluntary", ()),
    ("Harbour Youth Trust", None, "voluntary", ()),
    ("Marshford Carers' Centre", "Carers' Centre", "voluntary", ()),
    ("Age Concern Marshford", None, "voluntary", ()),
    ("Fenby Foodbank", None, "voluntary", ()),
    ("Marshford Mind", None, "voluntary", ()),
    ("St Cuthbert's Church Youth Club", None, "voluntary", ()),
    ("Marshford Homes Housing Association", "Marshford Homes", "other", ()),
    ("Coastline Housing Trust", None, "other", ()),
    ("Little Acorns Day Nursery Ltd", None, "other", ()),
    ("Seaside Stars Nursery Ltd", None, "other", ()),
    ("Kingfisher Foster Care Ltd", None, "other", ()),
    ("Bluebell Care Homes Ltd", None, "other", ()),
    ("Orchard House Residential Care Ltd", None, "other", ()),
    ("Greywater Borough Council", None, "council", ()),
    ("Eastmarsh County Council", None, "council", ()),
    (BUSINESS_UNIT, "Business Unit", "board", ()),
    (LAY, "Lay Member", "lay", ()),
)
OUT_OF_AREA_ORGS = frozenset({"Greywater Borough Council", "Eastmarsh County Council"})
PLACES = ("Northwick", "Saltmere", "Fenby", "Coldharbour", "Marsh End", "Eastbrook", "Westleigh", "Kingsmead",
           "Oakhurst", "Holloway Green", "Priors Dean", "Shelford", "Wyke Cross", "Bramblecote", "Sandling",
           "Harrowby", "Millbrook")
SCHOOL_KINDS = ("Primary School", "Academy", "Church of England Primary School", "Infant School", "High School")
ORGANISATION_COUNT = 120

# -- people and seats --------------------------------------------------------------------------------------
REQUIRED_NAMES = ("Siân Pryce", "Zoë Adeyemi", "Łukasz Nowak", "Niamh O'Loughlin")
JOB_TITLES = {
    "council": ("Director of Children's Services", "Director of Adult Social Care", "Head of Service",
                "Service Manager", "Cabinet Member"),
    "police": ("Detective Superintendent", "Detective Chief Inspector", "Chief Inspector"),
    "health": ("Designated Nurse", "Head of Safeguarding", "Named Doctor", "Director of Nursing"),
    "probation": ("Head of Service", "Senior Probation Officer"),
    "courts": ("Service Manager",), "fire": ("Station Manager", "Safeguarding Lead"),
    "education": ("Principal", "Head Teacher", "Designated Safeguarding Lead"),
    "voluntary": ("Chief Executive", "Safeguarding Lead"), "other": ("Operations Director",),
    "lay": ("Lay Member",), "board": ("Independent Chair",),
}
# the organisations with seats on each board: (organisation, role, label)
BOARD_SEATS: dict[int, tuple[tuple[str, str, str | None], ...]] = {
    0: ((BUSINESS_UNIT, "Independent Chair", "Independent Chair"), *((name, "Member", None) for name in STATUTORY),
        ("NHS Marshford Integrated Care Board", "Designated Doctor", "Designated Doctor"),
        ("NHS Marshford Integrated Care Board", "Designated Nurse", "Designated Nurse"),
        ("Marshford County Council Children's Services", "Vice Chair", None),
        ("Marshford County Council Education Services", "Member", None),
        ("Marshford County Council Public Health", "Member", None),
        ("Marshford County Council", "Lead Member", "Lead Member for Children"),
        ("Office of the Marshford Police, Fire and Crime Commissioner", "Member", None),
        ("Marshford University Hospitals NHS Foundation Trust", "Member", None),
        ("Marshford Community Health NHS Trust", "Member", None),
        ("Marshford and Vale Mental Health NHS Foundation Trust", "Member", None),
        ("Probation Service (Marshford)", "Member", None), ("Marshford Youth Justice Service", "Member", None),
        ("CAFCASS", "Member", None), ("Marshford Fire and Rescue Service", "Member", None),
        ("Marshford College", "Member", None), ("Marshford Schools Forum", "Member", "Schools"),
        ("Marshford Council for Voluntary Service", "Member", None), ("Marshford Women's Aid", "Member", None),
        (DISTRICTS[0], "Member", None), (DISTRICTS[1], "Member", None), (LAY, "Lay Member", None)),
    1: ((BUSINESS_UNIT, "Independent Chair", "Independent Chair"), *((name, "Member", None) for name in STATUTORY),
        ("Marshford County Council Adult Social Care", "Vice Chair", None),
        ("Marshford University Hospitals NHS Foundation Trust", "Member", None),
        ("Marshford Community Health NHS Trust", "Member", None),
        ("Marshford and Vale Mental Health NHS Foundation Trust", "Member", None),
        ("East Coast Ambulance Service NHS Trust", "Member", None), ("Marshford GP Federation", "Member", None),
        ("Probation Service (Marshford)", "Member", None), ("Marshford Fire and Rescue Service", "Member", None),
        ("Marshford Homes Housing Association", "Member", None), ("Coastline Housing Trust", "Member", None),
        ("Marshford Carers' Centre", "Member", None), ("Age Concern Marshford", "Member", None),
        ("Marshford Mind", "Member", None), (DISTRICTS[2], "Member", None), (LAY, "Lay Member", None)),
    2: ((BUSINESS_UNIT, "Independent Chair", "Independent Chair"), *((name, "Member", None) for name in STATUTORY),
        ("Marshford County Council Children's Services", "Member", None),
        ("Marshford County Council Adult Social Care", "Vice Chair", None),
        ("Marshford University Hospitals NHS Foundation Trust", "Member", None),
        ("Marshford and Vale Mental Health NHS Foundation Trust", "Member", None),
        ("Probation Service (Marshford)", "Member", None), ("Marshford Youth Justice Service", "Member", None),
        ("Marshford Fire and Rescue Service", "Member", None), ("Harbour Youth Trust", "Member", None),
        ("Fenby Foodbank", "Member", None), ("Saltmere Sixth Form College", "Member", None),
        (DISTRICTS[3], "Member", None), (LAY, "Lay Member", None)),
}
SUBGROUP_SEATS = 10
# marks and their chances at a held meeting; statutory partners come more often
MARKS, MARK_WEIGHTS, STATUTORY_WEIGHTS = "YDAN-", (78, 7, 10, 4, 1), (89, 10, 1, 0, 0)
MEETING_VENUES = ("County Hall, Marshford", "Saltmere Civic Centre", "Fenby Police Station, Conference Room")
FORWARD_ITEMS = ("Monitor key performance indicators", "Business plan priorities", "Budget and contributions",
                 "Annual report", "Learning from case reviews", "Section 11 audit findings",
                 "Training programme report", "Exploitation and missing update", "Risk register",
                 "Partner assurance report", "Voice of the child report", "Escalation policy review")

# -- finance ----------------------------------------------------------------------------------------------
# board index -> (total requirement in the first year, whole pounds; posts and yearly salary; ring-fenced fund)
FINANCE: dict[int, tuple[int, tuple[tuple[str, int], ...], str | None]] = {
    0: (240_000, (("Business Manager", 52_000), ("Independent Chair", 24_000), ("Administrator", 26_000),
                  ("Training Officer", 34_000), ("Data and Performance Officer", 31_000)),
        "Child death review (ring-fenced)"),
    1: (150_000, (("Business Manager", 50_000), ("Independent Chair", 20_000), ("Administrator", 25_000),
                  ("Quality Assurance Officer", 32_000)), None),
    2: (110_000, (("Partnership Manager", 46_000), ("Independent Chair", 16_000), ("Administrator", 24_000)),
        "Case reviews (ring-fenced)"),
}
# (label, organisation or None, basis, share in millionths or amount in whole pounds, group count, in kind)
CONTRIBUTIONS: tuple[tuple[str, str | None, str, int, int | None, bool], ...] = (
    ("Marshford County Council", "Marshford County Council", "share", 450_000, None, False),
    ("Marshford Police", "Marshford Police", "share", 200_000, None, False),
    ("NHS Marshford ICB", "NHS Marshford Integrated Care Board", "share", 260_000, None, False),
    ("Probation Service", "Probation Service (Marshford)", "share", 50_000, None, False),
    ("Youth Justice Service", "Marshford Youth Justice Service", "share", 40_000, None, False),
    ("CAFCASS", "CAFCASS", "fixed", 550, None, False),
    ("District councils", None, "group", 2_500, 4, False),
    ("Marshford Fire and Rescue Service", "Marshford Fire and Rescue Service", "fixed", 4_000, None, True),
)
# expenditure category -> (descriptions, parties, typical amount in whole pounds)
SPENDING: dict[str, tuple[tuple[str, ...], tuple[str | None, ...], int]] = {
    "Professional fees": (("Case review author", "Independent scrutiny", "Legal advice"),
                          ("Strategic Arc Ltd", "Harbourside Reviews", "Marshford County Council Legal"), 2_400),
    "Consultancy": (("practice review", "audit support"), ("Fenwick Associates",), 1_800),
    "Recruitment and vetting": (("DBS checks", "Recruitment advertising"), (None,), 150),
    "Meeting expenses": (("Catering/Hospitality", "Room hire", "Equipment hire"), ("County Hall Catering", None), 220),
    "Office expenses": (("Stationery", "Postage", "Printing", "Telephone charges"), (None,), 90),
    "Training": (("Trainer fees", "Venue hire", "Training materials", "E-learning licences"),
                 ("Marshford Training Co-operative", "Tickfield Centre", None), 650),
    "ICT": (("Website hosting", "Software licence", "Hardware"), ("Coastweb Ltd", None), 400),
    "Advertising and publicity": (("Campaign materials", "Awareness week"), ("Print Marshford",), 500),
    "Subscriptions": (("Association of Independent Chairs", "National network subscription"), (None,), 600),
    "Insurance": (("Insurance",), (None,), 250),
}

# -- self-assessment ---------------------------------------------------------------------------------------
TOOL_KEY = "marshford-partnership-self-assessment"
EXTRA_STATEMENTS = (
    ("Learning from reviews", ("Learning from case reviews is shared with front-line staff within three months.",
                               "Partners can show how practice changed after a review.",
                               "Review recommendations are tracked to completion.",
                               "Rapid reviews are completed within the statutory timescale.")),
    ("Voice of children and adults", ("The views of children and families shape the partnership's priorities.",
                                      "Adults at risk are asked what outcomes they want.",
                                      "Feedback from service users is reported to the board.")),
    ("Workforce", ("Multi-agency training meets the needs identified in the training needs analysis.",
                   "Practitioners know how to escalate a disagreement between agencies.",
                   "Supervision supports safeguarding practice in every agency.",
                   "Induction covers the partnership's procedures.")),
    ("Assurance", ("The board receives assurance from every statutory partner each year.",
                   "Performance data is analysed, not only reported.",
                   "Independent scrutiny challenges the partnership's view of itself.")),
)


# -- training programme -----------------------------------------------------------------------------------
MORE_CHILDREN_COURSES = (
    ("Contextual safeguarding", 3, "full", 20), ("Harmful sexual behaviour", 3, "full", 20),
    ("Graded Care Profile 2 practitioner", 3, "full", 16), ("Signs of Safety: an introduction", 2, "half", 30),
    ("Female genital mutilation and honour-based abuse", 2, "half", 30),
    ("Prevent: radicalisation awareness", 1, "half", 40), ("Parental mental health and children", 2, "half", 24),
    ("Child protection conferences: the core group", 3, "half", 20), ("Private fostering", 2, "half", 24),
    ("Young carers", 1, "half", 30), ("Disabled children and safeguarding", 3, "full", 20),
    ("Chairing strategy discussions", 4, "full", 16), ("Trauma-informed practice", 3, "full", 24),
    ("Adolescent neglect", 3, "half", 24), ("Safeguarding in sport and leisure", 1, "half", 30),
    ("Information sharing and consent", 2, "half", 30), ("Managing allegations against staff (LADO)", 3, "half", 20),
    ("County lines and criminal exploitation", 3, "full", 24), ("Bruising in non-mobile babies", 2, "half", 30),
    ("Court skills for practitioners", 4, "full", 16),
)
ADULTS_COURSES = (
    ("Safeguarding adults: level 1 awareness", 1, "half", 40), ("Mental Capacity Act in practice", 2, "full", 24),
    ("Self-neglect and hoarding", 3, "half", 24), ("Domestic abuse in later life", 2, "half", 24),
    ("Making safeguarding personal", 2, "half", 30), ("Liberty Protection Safeguards", 3, "full", 20),
    ("Financial abuse and scams", 2, "half", 30), ("Safeguarding adults enquiries (section 42)", 3, "full", 16),
    ("Modern slavery and trafficking", 2, "half", 30), ("Learning from safeguarding adults reviews", 4, "half", 24),
)
ALL_AGE_COURSES = (
    ("Think family: whole-family safeguarding", 2, "full", 24), ("Transitions: from children's to adult services", 3,
                                                                 "half", 24),
    ("Exploitation across the life course", 3, "full", 20), ("Safeguarding for volunteers", 1, "half", 40),
    ("Professional curiosity", 2, "half", 30), ("Domestic abuse: risk assessment and MARAC", 3, "half", 24),
    ("Suicide prevention", 2, "half", 30), ("Cuckooing and home takeovers", 2, "half", 24),
)
TRAINING_VENUES = ("County Hall, Training Suite", "Saltmere Civic Centre, Room 2", "Fenby Library, Seminar Room",
                   "Marsh End Family Hub", "Kingsmead Conference Centre")
SECTORS_BY_TYPE = {
    "council": ("Children's social care", "Early help", "Housing"), "police": ("Police",), "health": ("Health",),
    "probation": ("Probation and youth justice",), "courts": ("Courts and family justice",),
    "fire": ("Fire and rescue",), "education": ("Education",), "voluntary": ("Voluntary and community", "Faith"),
    "other": ("Early years", "Children's social care", "Housing"),
}
DELEGATE_WEIGHTS = {"council": 30, "police": 30, "health": 25, "probation": 12, "courts": 6, "fire": 6,
                    "education": 4, "voluntary": 8, "other": 8}
