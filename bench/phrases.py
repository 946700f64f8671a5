"""Phrase banks for the SYNTHETIC letters written by ``bench/synth.py``.

Nothing here is quoted from a real letter: the sentences are invented in the register of Ofsted's
2005-2011 letters (the fixtures under tests/data/letters show that register) so that BM25 sees
text with a realistic, heavy-tailed (Zipf-like) vocabulary: a few words in every passage
(children, young, people, services, council), a middle band of topic words (safeguarding,
fostering, NEET, Key Stage) and a long tail of figures, place names, school and programme names.

Template syntax, expanded by ``synth.Prose``:
  ``{a|b|c}``  one option, earlier options more likely (weights 1, 1/2, 1/3, ...)
  ``<slot>``   a value from ``Prose.slot`` (figures, places, names, comparators)
"""

# Topic -> full-sentence templates. Earlier templates in a list are drawn more often.
TOPICS: dict[str, list[str]] = {
    "safeguarding": [
        "<pct> of initial assessments were completed within seven working days, <cmp>.",
        "The proportion of core assessments completed within 35 working days {has improved to|"
        "has fallen to|remains at} <pct>.",
        "All children who are the subject of a child protection plan are allocated to a "
        "qualified social worker{| and their reviews are held on time}.",
        "The number of children subject to a child protection plan has {risen|fallen} by <pct> "
        "in the last twelve months{|, to <n3>}.",
        "Re-referral rates to children's social care, at <pct>, are {higher|lower} than in "
        "similar councils.",
        "The Local Safeguarding Children Board {is well established|has a clear work programme|"
        "has been strengthened by the appointment of an independent chair|has not yet evaluated "
        "the impact of its work}.",
        "Thresholds for access to children's social care are {well understood|not consistently "
        "understood|applied inconsistently} by partner agencies.",
        "An unannounced inspection of contact, referral and assessment arrangements in <month> "
        "found {no areas for priority action|two areas for priority action|several areas for "
        "development|strengths in the timeliness of initial assessments}.",
        "Multi-agency safeguarding training is {well attended|well regarded|oversubscribed} by "
        "staff from schools, health services and the police.",
        "The serious case review completed in <month> identified weaknesses in information "
        "sharing between <partner> and children's social care.",
        "Arrangements to identify and safeguard privately fostered children {are underdeveloped|"
        "have improved|remain weak}, and only <n> private fostering arrangements were notified "
        "during the year.",
        "The number of children missing from education has been reduced, and <pct> of those "
        "identified were found a school place within four weeks.",
        "Domestic violence is a factor in <pct> of referrals, and a multi-agency risk assessment "
        "conference now meets {weekly|fortnightly|monthly} in <place>.",
        "Safer recruitment practices are in place in {all|almost all|most} schools and early "
        "years settings.",
        "Case file audits show that the quality of recording {remains variable|has improved|is "
        "good}, and management oversight of decision making is {not always evident|consistently "
        "evident|improving}.",
        "Children and young people report that they feel safe in school, and the Tellus<tellus> "
        "survey shows that bullying is {less|more} of a concern than nationally.",
        "The number of children killed or seriously injured on the roads fell by <pct> between "
        "<base> and <prevyear>.",
        "Out-of-hours social work cover is provided jointly with <neighbour>, and response times "
        "are {good|monitored closely|too slow}.",
        "The Common Assessment Framework is {well embedded|used inconsistently|being rolled out} "
        "across <place> and <place2>, with <n3> assessments completed in <acyear>.",
        "Allegations against adults who work with children are managed {effectively|promptly|"
        "with some delay} by the local authority designated officer.",
        "The council has introduced a single point of contact for referrals, and <pct> of "
        "contacts now receive a decision within 24 hours.",
        "Children who go missing from home or care are interviewed on their return in <pct> of "
        "cases.",
        "Child protection conferences are {well chaired|timely|not always attended by health "
        "staff}, and <pct> were held within 15 working days of the strategy discussion.",
        "Work to tackle sexual exploitation is led by a specialist team based in <place>.",
        "The rate of children subject to a child protection plan for a second or subsequent time "
        "is <pct>.",
    ],
    "looked_after": [
        "The number of looked after children has {risen|fallen} to <n3>, or <rate10k> per 10,000 "
        "children.",
        "Placement stability is {good|very good|improving|a concern}: only <lowpct> of looked "
        "after children had three or more moves in the year.",
        "<pct> of looked after children are placed with foster carers, and <pct2> live within "
        "<council>'s boundaries.",
        "All looked after children have an allocated social worker, and <pct> of reviews were "
        "held within timescales.",
        "The educational attainment of looked after children {remains low|has improved|is better "
        "than nationally}, with <pct> gaining five or more GCSEs at grades A* to C.",
        "The children in care council {meets regularly with elected members|has influenced the "
        "pledge to looked after children|was established in <month>}.",
        "The virtual school head{| appointed in <month>} monitors the progress of every looked "
        "after child{| placed in and out of the area}.",
        "Looked after children receive good health care: <pct> had an annual health assessment "
        "and <pct2> a dental check.",
        "The long-term stability of placements for children looked after for more than two and "
        "a half years is <pct>, <cmp>.",
        "Personal education plans are in place for <pct> of looked after children{| of school "
        "age}.",
        "Too many looked after children are placed more than 20 miles from <council>, and <n> "
        "are in residential schools out of the area.",
        "Independent reviewing officers provide {effective|increasing|limited} challenge to "
        "care planning.",
        "The corporate parenting panel {is well attended by elected members|has been "
        "re-launched|meets quarterly} and hears directly from looked after young people.",
    ],
    "fostering_adoption": [
        "The council's fostering service was judged {good|outstanding|satisfactory|adequate} at "
        "its last inspection{| in <month>}.",
        "The adoption agency is {good|outstanding|satisfactory}, and <n> children were placed for "
        "adoption during <acyear>.",
        "Recruitment of local foster carers {has improved|remains difficult}, and the council has "
        "reduced its reliance on independent fostering agencies.",
        "The proportion of children adopted within twelve months of the decision that they "
        "should be placed for adoption is <pct>, {above|below} the national figure.",
        "Support for kinship carers and special guardians has been strengthened{| through a "
        "dedicated team in <place>}.",
        "Of the <n> council-run children's homes, {all are good|most are good or outstanding|one "
        "is inadequate|two are satisfactory}.",
        "Foster carers receive {good|regular|improving} training and supervision, and <n> new "
        "fostering households were approved this year.",
        "The adoption support service {is well regarded by adoptive parents|has a waiting list|"
        "was extended in <month>}.",
        "The council commissions <n> placements from the independent sector, at an annual cost "
        "of <money>.",
    ],
    "attainment": [
        "At the end of Key Stage 2, <pct> of pupils reached Level 4 or above in English and "
        "<pct2> in mathematics.",
        "<pct> of pupils gained five or more GCSEs at grades A* to C{| including English and "
        "mathematics}, <cmp>.",
        "Results at Key Stage 1 {have improved|have declined|remain below the national average}, "
        "particularly in writing{| and mathematics}.",
        "The gap between pupils eligible for free school meals and their peers {has narrowed|"
        "remains wide|has widened} at Key Stage 4.",
        "Standards at Key Stage 3 are <cmp> in English, mathematics and science.",
        "The attainment of <group> {is improving|remains low|is in line with their peers}.",
        "Value added between Key Stage 2 and Key Stage 4 is {good|satisfactory|significantly "
        "above average}.",
        "Provisional results for <prevyear> show {a further improvement|a slight decline|no "
        "change} in the proportion of pupils reaching the expected level.",
        "The number of secondary schools below the floor target {has fallen to <n>|remains <n>}.",
        "Boys' attainment in writing at the end of Key Stage 2 is {well below|below|close to} "
        "that of girls.",
        "<pct> of pupils made two levels of progress in English between Key Stage 2 and Key "
        "Stage 4.",
        "Attainment at A level is <cmp>, with an average point score per student of <aps>.",
        "Pupils at <school> achieved their best results to date, with <pct> gaining five good "
        "GCSEs.",
        "Every Child a Reader and Every Child Counts are {raising attainment|being extended} in "
        "<n> primary schools.",
        "The Early Years Foundation Stage profile shows that <pct> of children reach a good "
        "level of development.",
    ],
    "schools": [
        "Of the <n> schools inspected since September <prevyear>, <n2> were judged {good or "
        "outstanding|outstanding|inadequate}.",
        "<n> schools are in special measures and <n2> have been given a notice to improve.",
        "The proportion of primary schools judged good or better (<pct>) is <cmp>.",
        "<school> was removed from special measures in <month>.",
        "Support and challenge for schools causing concern is {effective|well targeted|not yet "
        "consistent}.",
        "The school improvement partner programme is {well established|being extended to primary "
        "schools|valued by headteachers}.",
        "Building Schools for the Future will replace <n> secondary schools in <place> by 2012.",
        "Too few secondary schools are good or better, and <n> are in an Ofsted category of "
        "concern.",
        "The <place> academy opened in September <prevyear> and {is oversubscribed|replaced "
        "<school>}.",
        "Surplus places in primary schools have been reduced through the closure of <n> small "
        "schools.",
        "Governors are {well trained|increasingly effective|not always challenging enough}, and "
        "<n> schools have federated.",
    ],
    "attendance": [
        "Attendance in secondary schools {has improved to|remains at} <pctd>, and persistent "
        "absence has fallen to <pctd2>.",
        "The number of permanent exclusions {fell to|rose to} <n>{| and no looked after child was "
        "permanently excluded}.",
        "Fixed-term exclusions are {higher|lower} than in similar councils, especially for "
        "<group>.",
        "The pupil referral unit in <place> was judged {good|satisfactory|inadequate} at its "
        "last inspection.",
        "Education welfare officers work closely with <n> secondary schools where persistent "
        "absence is highest.",
        "Behaviour and attendance partnerships cover all secondary schools and have reduced "
        "exclusions by <pct>.",
        "Provision for pupils educated other than at school {is good|meets the 20-hour "
        "requirement|is too limited}.",
    ],
    "early_years": [
        "<n> children's centres are now open{|, including <n2> in the most deprived areas of "
        "<place>}.",
        "The children's centre in <place> was judged {outstanding|good|satisfactory} and {engages "
        "well with|does not yet reach} families in greatest need.",
        "<pct> of early years and childcare settings are good or outstanding, <cmp>.",
        "Outcomes in the Early Years Foundation Stage have improved more quickly than "
        "nationally{|, and the gap for the lowest-achieving children has narrowed}.",
        "Take-up of free nursery education for three- and four-year-olds is <pct>.",
        "Sure Start services in <place> {reach most families with children under five|have been "
        "reorganised into a single children's centre}.",
        "The sufficiency of childcare is {good|improving|a concern in rural areas}, and <n3> new "
        "places were created in <acyear>.",
        "Outreach workers from the children's centres in <place> and <place2> visit every new "
        "parent.",
        "Registered childminders {are well supported|receive little support} from the early "
        "years team.",
    ],
    "health": [
        "The teenage conception rate has fallen by <pct> since 1998 and, at <rate>, is {below|"
        "above} regional and national averages.",
        "Waiting times for child and adolescent mental health services (CAMHS) have {reduced "
        "significantly|increased}, and <pct> of referrals are seen within 13 weeks.",
        "Immunisation rates for children at age two exceed <highpct>.",
        "Obesity among children in Reception and Year 6 {remains above|is below|is close to} the "
        "national average.",
        "Breastfeeding initiation, at <pct>, {has improved|remains low} in <place>.",
        "The proportion of mothers who smoke during pregnancy {has fallen|remains high|is above "
        "the national average}.",
        "<pct> of schools have achieved National Healthy Schools status.",
        "Substance misuse services for young people {are good|are improving|have long waiting "
        "times}, and <pct> of young people start treatment within three weeks.",
        "Infant mortality, at <small> per 1,000 live births, is {below|above} the national "
        "average.",
        "The sexual health service for young people in <place> is {well used|under-used|being "
        "expanded}.",
        "Chlamydia screening of 15- to 24-year-olds reached <pct> of the target population.",
        "Health visitors and school nurses are in short supply, and <n> posts are vacant.",
        "Dental health of five-year-olds is {better|worse} than the national average, with an "
        "average of <small> decayed, missing or filled teeth.",
        "The Family Nurse Partnership supports <n3> first-time teenage mothers in <place>.",
        "Hospital admissions for alcohol-specific conditions among under-18s are {high|falling|"
        "below average}.",
        "Participation in at least two hours of high-quality physical education and sport a week "
        "has risen to <pct>.",
    ],
    "neet": [
        "The proportion of young people aged 16 to 18 not in education, employment or training "
        "(NEET) {fell to|rose to|remains at} <pctd>{|, <cmp>}.",
        "<pct> of 19-year-olds are qualified to Level 2 and <pct2> to Level 3.",
        "The 14-19 partnership offers {a broad curriculum|new diplomas in <n> lines of learning|"
        "vocational courses delivered jointly by schools and colleges}.",
        "The number of apprenticeships for 16- to 18-year-olds has {increased|fallen} by <pct>.",
        "Participation in education and training at 17 is <pct>{|, <cmp>}.",
        "Connexions advisers {provide good support to|are not yet reaching} young people at risk "
        "of becoming NEET in <place>.",
        "Success rates in further education colleges {are good|have improved to <pct>|remain "
        "below the national average}.",
        "Poor public transport in rural areas limits access to post-16 provision for some young "
        "people.",
        "The proportion of young people whose current activity is not known has fallen to <pctd>.",
        "<college> offers {a wide range of|too few} courses at entry level and Level 1.",
        "Young people with learning difficulties and/or disabilities {progress well|do not "
        "progress consistently} into further education and training.",
        "The September Guarantee secured offers of learning for <pct> of school leavers.",
    ],
    "youth_justice": [
        "The number of first-time entrants to the youth justice system fell by <pct> in <acyear>.",
        "The rate of re-offending {is among the lowest in the region|remains above that of "
        "similar areas|has fallen for the third year}.",
        "The youth offending service was inspected in <month> and {substantial|moderate|minimal} "
        "improvement was required.",
        "<pct> of young offenders are in suitable education, training or employment.",
        "Anti-social behaviour among young people has reduced in <place>, following targeted "
        "work by the youth service and the police.",
        "Use of custody for young people {is low|has fallen|remains high} compared with similar "
        "councils.",
        "Restorative justice is used in <pct> of final warnings, and victims report high levels "
        "of satisfaction.",
        "The youth inclusion programme in <place> works with the <n> young people most at risk "
        "of offending.",
    ],
    "participation": [
        "The <council> Youth Council {is well established|meets regularly with elected members|"
        "has influenced decisions on rural transport and leisure provision}.",
        "Young people were consulted extensively on the Children and Young People's Plan.",
        "<pct> of looked after children contribute their views to their reviews.",
        "Participation in positive activities {is good|has increased}, and <n3> young people "
        "benefited from the Youth Opportunity Fund.",
        "Young people's views shape the commissioning of services, including the design of the "
        "new youth centre in <place>.",
        "<n> young people stood for election to the UK Youth Parliament this year.",
        "Volunteering by young people is {encouraged|celebrated} through the annual youth awards "
        "in <place>.",
        "The youth service reaches <pct> of 13- to 19-year-olds, <cmp>.",
        "Young carers are identified early and <n> receive regular support from the young carers "
        "project.",
        "Disabled young people {are well represented|are under-represented} in consultation "
        "groups.",
    ],
    "ldd": [
        "Provision for children with learning difficulties and/or disabilities is {good|"
        "improving|inconsistent}{|, with a high proportion educated in mainstream schools}.",
        "<pct> of statements of special educational needs were completed within 18 weeks{| "
        "excluding exceptions}.",
        "Transition planning for young people with learning difficulties and/or disabilities "
        "moving to adult services {is well developed|remains weak|has improved}.",
        "Short breaks for disabled children {have increased|are insufficient|are well "
        "regarded by parents}, and <n3> families used them in <acyear>.",
        "The number of children with a statement placed in independent special schools "
        "{has fallen|remains high}.",
        "Specialist provision for pupils with autistic spectrum disorders has been extended at "
        "<school>.",
        "Parents of disabled children report {good|mixed|poor} access to information and support.",
    ],
    "leadership": [
        "The council and its partners have a clear and ambitious vision, set out in the "
        "Children and Young People's Plan.",
        "Performance management is {robust|improving|not yet consistently applied}{| across all "
        "services}.",
        "The Children's Trust arrangements are {well established|at an early stage of "
        "development|being strengthened}.",
        "Senior managers have an accurate understanding of strengths and weaknesses, and the "
        "self-assessment was {accurate|broadly accurate|over-optimistic}.",
        "Resources are well targeted and value for money is {good|adequate|not yet secure}.",
        "Elected members provide {strong|effective|increasing} challenge through the scrutiny "
        "committee.",
        "Joint commissioning with <partner> is {well developed|at an early stage|improving}.",
        "The director of children's services, appointed in <month>, has {strengthened|"
        "restructured} the senior leadership team.",
        "Financial management is sound, and the council has met its savings target of <money> "
        "without reducing front-line services.",
        "Partnership working with <partner> and <partner2> is {strong|effective|developing}.",
        "Priorities in the Children and Young People's Plan are well founded on a thorough "
        "analysis of need.",
        "Data on outcomes for vulnerable groups are {well used|not yet used systematically} to "
        "plan services.",
        "The council's improvement plan is {appropriately focused|too broad|well monitored}, "
        "and progress is reported to the Children's Trust board every quarter.",
    ],
    "workforce": [
        "The vacancy rate for qualified social workers {has fallen to|remains high at} "
        "<pct>{|, and reliance on agency staff has reduced}.",
        "Caseloads are {manageable|high in the <place> area team|monitored closely}.",
        "A workforce development strategy is in place{| and training is well regarded by staff}.",
        "Newly qualified social workers receive {good|protected|limited} supervision and reduced "
        "caseloads.",
        "<n> social workers have been recruited from overseas to fill vacant posts.",
        "Turnover of front-line managers {has reduced|remains high}, affecting the consistency "
        "of practice.",
        "The integrated working programme has trained <n3> staff from health, education and "
        "social care.",
    ],
    "care_leavers": [
        "<pct> of care leavers were in education, employment or training at age 19{|, <cmp>}.",
        "All care leavers have a pathway plan and a personal adviser.",
        "<pct> of care leavers live in suitable accommodation.",
        "The leaving care team in <place> {provides good support|is under pressure}, and <n> "
        "care leavers are at university.",
        "Apprenticeships within the council are ring-fenced for care leavers{| and <n> have been "
        "taken up}.",
    ],
    "housing": [
        "The number of homeless 16- and 17-year-olds placed in bed and breakfast accommodation "
        "has {fallen|been reduced to <n>}.",
        "A joint protocol between housing and children's social care {is in place|is being "
        "developed} for homeless young people.",
        "<pct> of families with children live in temporary accommodation in <place>.",
        "The supported lodgings scheme offers <n> places for young people leaving care.",
    ],
    "diversity": [
        "The attainment of pupils from Black Caribbean backgrounds {has improved|remains below "
        "that of their peers} in <place>.",
        "Services for unaccompanied asylum-seeking children are {good|well coordinated|under "
        "pressure}, with <n3> young people supported.",
        "Gypsy, Roma and Traveller children {attend well|have low attendance} at primary school.",
        "<pct> of pupils speak English as an additional language, and <n> languages are spoken "
        "in <council>'s schools.",
        "The ethnic minority achievement service supports <n> schools.",
    ],
    "settings": [
        "Most services and settings inspected by Ofsted in the area are good or better.",
        "The large majority of early years and childcare provision is good{| or outstanding}.",
        "<n2> of the <n> children's centres inspected are good or better.",
        "Primary schools are mostly good or outstanding, but too few secondary schools are good.",
        "Special schools and the pupil referral unit are all good or better.",
        "Sixth-form provision in schools and colleges is {good|mostly satisfactory}.",
        "The local authority's fostering and adoption services are both {good|outstanding|"
        "adequate}.",
        "An unannounced inspection of front-line child protection services in <month> found "
        "{no areas for priority action|one area for priority action|several strengths}.",
        "The {private and voluntary|independent} fostering agencies in the area are {good|"
        "mostly good|variable}.",
        "The local authority's children's homes are {good|mostly good|all good or outstanding}.",
        "Post-16 provision in the general further education college is {good|satisfactory|"
        "outstanding}.",
        "Nursery schools and nursery classes are {mostly outstanding|good}.",
        "Secondary schools perform {well|less well} in terms of inspection outcomes than in "
        "similar areas.",
    ],
}

# Which topics a section draws on, by section key; earlier topics are drawn more often.
SECTION_TOPICS: dict[str, tuple[str, ...]] = {
    "overall": ("leadership", "safeguarding", "attainment", "settings", "looked_after", "health"),
    "being_healthy": ("health", "looked_after", "ldd", "early_years", "diversity"),
    "staying_safe": ("safeguarding", "looked_after", "fostering_adoption", "workforce", "housing"),
    "enjoying_and_achieving": (
        "attainment",
        "schools",
        "attendance",
        "early_years",
        "ldd",
        "diversity",
    ),
    "making_a_positive_contribution": (
        "participation",
        "youth_justice",
        "looked_after",
        "diversity",
    ),
    "achieving_economic_wellbeing": ("neet", "care_leavers", "housing", "early_years", "ldd"),
    "service_management": ("leadership", "workforce"),
    "capacity_to_improve": ("leadership", "workforce", "safeguarding"),
    "strengths": (
        "settings",
        "early_years",
        "attainment",
        "fostering_adoption",
        "schools",
        "neet",
        "health",
    ),
    "weaknesses": ("settings", "safeguarding", "schools", "neet", "health", "attendance"),
    "outcomes": ("health", "safeguarding", "attainment", "participation", "neet", "looked_after"),
    "prospects": ("leadership", "workforce"),
}

# Short bullets: improvement points. No two in one letter are alike (synth samples without
# replacement), so the parser's repeated-line filter never mistakes one for a running header.
DEVELOPMENT_POINTS: list[str] = [
    "Improve the timeliness of initial and core assessments in children's social care.",
    "Increase the stability of placements for looked after children.",
    "Reduce reliance on agency social workers and fill vacant posts.",
    "Raise the educational attainment of looked after children.",
    "Reduce waiting times for specialist child and adolescent mental health services.",
    "Reduce the proportion of young people who are not in education, employment or training.",
    "Raise attainment at the end of Key Stage 2, particularly in writing.",
    "Improve the quality and consistency of case recording.",
    "Ensure that all referrals are allocated promptly to qualified social workers.",
    "Reduce the rate of teenage conceptions in the most deprived wards.",
    "Improve attendance and reduce persistent absence in secondary schools.",
    "Reduce the number of fixed-term exclusions of pupils with special educational needs.",
    "Improve transition planning for young people with learning difficulties and/or disabilities.",
    "Strengthen management oversight of decision making in social care.",
    "Improve the arrangements for identifying privately fostered children.",
    "Increase the number of local foster carers.",
    "Narrow the gap in attainment between pupils eligible for free school meals and their peers.",
    "Reduce the proportion of primary schools that are satisfactory or inadequate.",
    "Ensure that all looked after children have an up-to-date health assessment.",
    "Improve access to vocational courses for young people in rural areas.",
    "Reduce the number of first-time entrants to the youth justice system.",
    "Reduce obesity among children in Reception and Year 6.",
    "Improve the participation of disabled young people in positive activities.",
    "Increase the proportion of care leavers in suitable accommodation.",
    "Reduce the re-referral rate to children's social care.",
    "Ensure that child protection conferences are held within timescales.",
    "Improve the quality of provision in the pupil referral unit.",
    "Raise the achievement of boys at Key Stage 4.",
    "Increase the take-up of childcare by lone parents.",
    "Ensure that the Local Safeguarding Children Board evaluates the impact of its work.",
    "Improve the consistency of thresholds for access to children's social care.",
    "Increase the proportion of statements of special educational needs completed within 18 weeks.",
    "Reduce the use of bed and breakfast accommodation for homeless 16- and 17-year-olds.",
    "Improve outcomes for Gypsy, Roma and Traveller children.",
    "Strengthen the scrutiny of children's services by elected members.",
    "Develop the role of the virtual school head.",
    "Improve the rate of adoption within twelve months of the decision to place.",
    "Reduce hospital admissions caused by alcohol misuse among young people.",
    "Extend short break provision for families of disabled children.",
    "Improve the reliability of performance data in children's social care.",
]

STRENGTH_POINTS: list[str] = [
    "Good access to child and adolescent mental health services.",
    "Effective multi-agency work to reduce teenage conceptions.",
    "High take-up of the Healthy Schools programme.",
    "Strong partnership working through the Children's Trust.",
    "Outstanding participation of children and young people in shaping services.",
    "Very effective multi-agency youth crime prevention.",
    "Good quality early years provision.",
    "Improving attendance and fewer fixed-term exclusions.",
    "Robust arrangements for safer recruitment in schools.",
    "Stable placements for looked after children.",
    "Rising standards at Key Stage 4.",
    "Low proportion of young people not in education, employment or training.",
    "Good support for care leavers.",
    "Effective use of the Common Assessment Framework.",
    "High quality fostering and adoption services.",
    "Good progress by pupils with learning difficulties and/or disabilities.",
    "Well-established children's centres in the most deprived areas.",
    "Effective support and challenge for schools causing concern.",
    "Low rates of re-offending by young people.",
    "Good range of positive activities for young people.",
    "Strong leadership and a clear vision for children's services.",
    "Accurate self-assessment and robust performance management.",
    "Good health care for looked after children.",
    "Timely completion of initial assessments.",
]

JAR_BLOCKS = (
    "For immediate action",
    "For action in the next six months",
    "For action in the longer term",
)

PARTNERS = [
    "the primary care trust",
    "the police",
    "the youth offending team",
    "Connexions",
    "the Learning and Skills Council",
    "the voluntary sector",
    "health partners",
    "the strategic health authority",
    "the probation service",
    "Jobcentre Plus",
    "the district councils",
    "the mental health trust",
    "the acute hospital trust",
    "the local strategic partnership",
    "housing providers",
    "the fire and rescue service",
]
STAFF = [
    "social workers",
    "health visitors",
    "teachers",
    "youth workers",
    "school nurses",
    "foster carers",
    "family support workers",
    "educational psychologists",
    "midwives",
    "Connexions personal advisers",
    "teaching assistants",
    "residential care staff",
]
GROUPS = [
    "looked after children",
    "children with learning difficulties and/or disabilities",
    "young carers",
    "pupils eligible for free school meals",
    "boys",
    "minority ethnic pupils",
    "Gypsy, Roma and Traveller children",
    "unaccompanied asylum-seeking children",
    "care leavers",
    "teenage parents",
    "children from low-income families",
    "young offenders",
    "pupils with English as an additional language",
    "pupils of Pakistani heritage",
    "pupils of Bangladeshi heritage",
    "White British boys",
    "pupils with statements",
]
COMPARATORS = [
    "the national average",
    "similar councils",
    "statistical neighbours",
    "the regional average",
    "the average for England",
    "comparable authorities",
    "last year's figure",
    "the council's own target",
]
CMP_WORDS = [
    "above",
    "below",
    "in line with",
    "well above",
    "well below",
    "close to",
    "broadly in line with",
    "significantly above",
    "significantly below",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

PLACE_HEADS = [
    "Ash",
    "Brook",
    "Thorn",
    "Kings",
    "Wood",
    "Market",
    "Church",
    "Mill",
    "Stan",
    "Wel",
    "Har",
    "Lang",
    "Nor",
    "Sut",
    "Bar",
    "Ald",
    "Hol",
    "Cas",
    "Brad",
    "Whit",
    "Long",
    "West",
    "East",
    "Red",
    "Black",
    "Green",
    "Fair",
    "Hazel",
    "Oak",
    "Elm",
    "Bram",
    "Castle",
    "Stow",
    "Hind",
    "Mar",
    "Ful",
    "Tad",
    "Ever",
    "Pens",
    "Roth",
    "Scar",
    "Wy",
    "Kirk",
    "Dun",
    "Brig",
    "Cold",
]
PLACE_TAILS = [
    "ton",
    "ley",
    "field",
    "bury",
    "ham",
    "worth",
    "by",
    "stead",
    "ford",
    "well",
    "wick",
    "thorpe",
    "combe",
    "den",
    "hurst",
    "minster",
    "cote",
    "borough",
    "gate",
    "mouth",
    "dale",
    "bridge",
    "wood",
    "moor",
]
PLACE_PREFIXES = [
    "",
    "",
    "",
    "",
    "North ",
    "South ",
    "Upper ",
    "Lower ",
    "Great ",
    "Little ",
    "New ",
    "Old ",
]
SAINTS = [
    "Mary",
    "John",
    "Peter",
    "Paul",
    "Anne",
    "Michael",
    "Thomas",
    "Joseph",
    "Luke",
    "Mark",
    "Margaret",
    "Andrew",
    "Bede",
    "Chad",
    "Aidan",
    "Hilda",
    "Cuthbert",
    "Edmund",
]
SCHOOL_KINDS = [
    "Primary School",
    "Junior School",
    "Infant School",
    "High School",
    "Community College",
    "Academy",
    "Secondary School",
    "Technology College",
    "Church of England Primary School",
    "Catholic Primary School",
    "Special School",
]
COLLEGE_KINDS = [
    "College",
    "College of Further Education",
    "Sixth Form College",
    "Community College",
]

FIRST_NAMES = [
    "Andrew",
    "Angela",
    "Anne",
    "Barbara",
    "Brian",
    "Carol",
    "Catherine",
    "Christine",
    "David",
    "Deborah",
    "Elizabeth",
    "Gillian",
    "Graham",
    "Helen",
    "Ian",
    "Janet",
    "Jennifer",
    "John",
    "Julie",
    "Karen",
    "Kevin",
    "Linda",
    "Margaret",
    "Mark",
    "Martin",
    "Michael",
    "Nicholas",
    "Patricia",
    "Paul",
    "Peter",
    "Philip",
    "Richard",
    "Robert",
    "Ruth",
    "Sarah",
    "Simon",
    "Stephen",
    "Susan",
    "Tony",
    "Wendy",
    "Alison",
    "Colin",
    "Derek",
    "Fiona",
    "Gordon",
    "Hilary",
    "Jacqueline",
    "Keith",
    "Lesley",
    "Malcolm",
    "Nigel",
    "Pauline",
    "Rosemary",
]
SURNAMES = [
    "Adams",
    "Bailey",
    "Barton",
    "Bennett",
    "Brown",
    "Carter",
    "Clarke",
    "Cooper",
    "Davies",
    "Edwards",
    "Evans",
    "Fletcher",
    "Foster",
    "Gibson",
    "Green",
    "Greaves",
    "Hall",
    "Harris",
    "Hartley",
    "Hughes",
    "Jackson",
    "James",
    "Johnson",
    "Kelly",
    "King",
    "Lewis",
    "Marlow",
    "Marshall",
    "Mason",
    "Mitchell",
    "Moore",
    "Morgan",
    "Morris",
    "Parker",
    "Patel",
    "Phillips",
    "Radcliffe",
    "Reid",
    "Roberts",
    "Robinson",
    "Shaw",
    "Simpson",
    "Smith",
    "Stevens",
    "Taylor",
    "Thompson",
    "Turner",
    "Walker",
    "Ward",
    "Watson",
    "White",
    "Williams",
    "Wilson",
    "Wood",
    "Wright",
    "Young",
    "Ahmed",
    "Begum",
    "Chowdhury",
    "Okafor",
    "Nowak",
    "O'Brien",
]
TITLES = ["Mr", "Mrs", "Ms", "Dr", "Miss"]
DIRECTOR_TITLES = [
    "Director of Children's Services",
    "Strategic Director of Children, Young People and Families",
    "Director of Children and Young People's Services",
    "Corporate Director, Children and Young People",
    "Executive Director of Children's Services",
    "Director of Learning and Children's Services",
    "Strategic Director, Education and Children's Services",
    "Director of Children, Schools and Families",
]
OFFICE_LINES = [
    "County Hall",
    "Civic Centre",
    "Town Hall",
    "Council House",
    "Guildhall",
    "Civic Offices",
    "Municipal Buildings",
    "Council Offices",
]
STREETS = [
    "High Street",
    "Station Road",
    "Church Street",
    "Market Place",
    "Bath Road",
    "Penrhyn Road",
    "Cauldwell Street",
    "Margaret Street",
    "Nicholas Street",
    "London Road",
    "King Street",
    "Queen Street",
    "Castle Street",
    "Victoria Road",
]

# Regional mailboxes for the collapsed letterhead (formats.md 1.3).
REGIONS = [
    "Midlands",
    "North_West",
    "North_East",
    "Eastern",
    "London",
    "South_East",
    "South_West",
    "Yorkshire",
]

# The long tail: "local detail" sentences composed from larger lexicons, so that the archive
# has many rare words (project names, activities, organisations) as real letters do.
DETAIL_TEMPLATES: list[str] = [
    "The <adj> <activity> <structure> in <place>, <run> <org>, <verb> <outcome>.",
    "A <adj> <activity> <structure> {was launched|was piloted|was extended|was recommissioned} "
    "in <month> and <verb> <outcome>.",
    "In <place>, <org> <verb> <outcome> through {its|a} <adj> <activity> <structure>.",
    "{Funding|A grant|Investment} of <money> from <fund> {supports|has secured|pays for} the "
    "<activity> <structure> at <venue>.",
    "<venue> {hosts|now houses|has become the base for} a <adj> <activity> <structure> for "
    "<cohort>.",
    "Evaluation of the <activity> <structure> by <org> found that it <verb> <outcome>.",
    "The <structure> for <cohort> {meets|is delivered|runs} {weekly|monthly|termly|during school "
    "holidays} at <venue>.",
    "Staff from <org> and the <activity> <structure> {share|co-locate in|work from} <venue>.",
]
ADJECTIVES: list[str] = (
    "targeted intensive preventative specialist integrated multi-agency community-based "
    "school-based neighbourhood outreach holistic therapeutic early innovative voluntary "
    "peer-led parent-led youth-led rural urban citywide countywide borough-wide cross-border "
    "flexible bespoke accredited structured informal residential mobile detached "
    "family-centred child-centred evidence-based award-winning long-established newly-formed "
    "joint pooled locality-based area-based tiered universal selective restorative "
    "solution-focused trauma-informed attachment-based play-based literacy-rich bilingual "
    "faith-based culturally-sensitive weekend after-school lunchtime summer intergenerational "
    "volunteer-run practitioner-led telephone online drop-in out-of-hours rapid-response "
    "step-down step-up edge-of-care kinship-focused nurture-based sport-led arts-based "
    "outdoor environmental vocational enterprise careers-focused transition-focused"
).split()
ACTIVITIES: list[str] = (
    "mentoring parenting counselling befriending advocacy mediation literacy numeracy nurture "
    "resilience transition attendance behaviour wellbeing bereavement homework breakfast-club "
    "holiday play sport music arts drama dance cycling swimming gardening cookery "
    "healthy-eating smoking-cessation sexual-health relationships anti-bullying e-safety "
    "road-safety fire-safety water-safety first-aid volunteering leadership enterprise "
    "apprenticeship work-experience careers reading phonics speech-and-language portage "
    "home-visiting family-learning fathers grandparents siblings young-carers respite "
    "short-breaks fostering-support adoption-support kinship-care leaving-care tenancy "
    "budgeting debt-advice benefits-advice housing-support employment-support translation "
    "interpreting outreach detached-youth-work street-based-youth-work anti-social-behaviour "
    "gang-prevention knife-crime alcohol-awareness drugs-education domestic-abuse "
    "healthy-relationships self-harm eating-disorders emotional-literacy mindfulness "
    "attachment sensory autism dyslexia hearing-impairment visual-impairment wheelchair-sport "
    "inclusion integration citizenship democracy heritage museum library theatre radio "
    "media film photography digital coding robotics science maths-mastery chess debating "
    "forest-school outdoor-learning allotment orchard beekeeping canoeing climbing sailing "
    "boxing football cricket rugby netball athletics gymnastics martial-arts"
).split()
STRUCTURES: list[str] = (
    "project programme initiative scheme service team pilot forum network hub club panel "
    "partnership strategy protocol toolkit pathway framework network group service unit "
    "clinic centre academy workshop course campaign fund board collaborative"
).split()
RUN_BY: list[str] = [
    "run by",
    "funded by",
    "commissioned from",
    "delivered with",
    "led by",
    "jointly managed with",
    "supported by",
    "hosted by",
]
VERBS: list[str] = [
    "has reduced",
    "has increased",
    "has improved",
    "is improving",
    "has halved",
    "has doubled",
    "has helped to reduce",
    "has helped to raise",
    "sustains",
    "supports",
    "strengthens",
    "targets",
    "tracks",
    "monitors",
    "has transformed",
    "has stabilised",
    "has accelerated",
    "contributes to",
    "promotes",
    "widens",
    "has broadened",
    "has sharpened",
    "has streamlined",
    "has shortened",
    "underpins",
    "safeguards",
]
OUTCOMES: list[str] = [
    "school attendance",
    "reading ages",
    "placement stability",
    "re-referral rates",
    "waiting times",
    "take-up of childcare",
    "participation in sport",
    "exam results",
    "confidence and self-esteem",
    "parental engagement",
    "family resilience",
    "the number of exclusions",
    "the number of missing episodes",
    "youth nuisance calls",
    "hospital admissions for self-harm",
    "the use of emergency placements",
    "the number of late assessments",
    "access to specialist advice",
    "early identification",
    "the quality of referrals",
    "information sharing",
    "joint training",
    "transition to secondary school",
    "progression to college",
    "tenancy sustainment",
    "employment outcomes",
    "the uptake of free school meals",
    "dental registration",
    "immunisation uptake",
    "breastfeeding rates",
    "speech and language skills",
    "school readiness",
    "the emotional health of looked after children",
    "contact with birth families",
    "the voice of the child",
    "awareness of private fostering",
    "reporting of bullying",
    "use of the Common Assessment Framework",
    "the timeliness of pathway plans",
    "engagement with hard-to-reach families",
    "outcomes for young carers",
]
ORG_KINDS: list[str] = [
    "Trust",
    "Foundation",
    "Partnership",
    "Centre",
    "Association",
    "Network",
    "Alliance",
    "Federation",
    "Forum",
    "Collective",
    "Community Interest Company",
    "Housing Association",
    "Primary Care Trust",
    "Youth Trust",
    "Family Service Unit",
    "Community Church",
    "Rotary Club",
    "Credit Union",
    "Citizens Advice Bureau",
    "Rugby Club",
    "Football Club",
]
NATIONAL_ORGS: list[str] = [
    "Barnardo's",
    "NCH Action for Children",
    "the NSPCC",
    "The Children's Society",
    "Save the Children",
    "Home-Start",
    "Relate",
    "Mencap",
    "Scope",
    "the Prince's Trust",
    "YMCA",
    "Catch22",
    "Rainer",
    "Kids Company",
    "Sure Start",
    "Connexions",
    "Childline",
    "Young Minds",
    "the Fostering Network",
    "BAAF",
    "Contact a Family",
    "Family Action",
    "Turning Point",
    "Addaction",
    "Brook",
    "the Children's Fund",
    "the Big Lottery Fund",
]
FUNDS: list[str] = [
    "the Children's Fund",
    "the Big Lottery Fund",
    "the Youth Capital Fund",
    "the Youth Opportunity Fund",
    "the Neighbourhood Renewal Fund",
    "the Area Based Grant",
    "the Standards Fund",
    "the Dedicated Schools Grant",
    "the Aiming High for Disabled Children programme",
    "the Teenage Pregnancy Grant",
    "the Positive Activities for Young People programme",
    "the Local Area Agreement reward grant",
    "the Safer Stronger Communities Fund",
    "the Sure Start, Early Years and Childcare Grant",
]
VENUES: list[str] = [
    "Centre",
    "Library",
    "Youth Centre",
    "Leisure Centre",
    "Community Centre",
    "Children's Centre",
    "Family Centre",
    "Sports Village",
    "Foyer",
    "Resource Centre",
    "Health Centre",
    "Academy",
    "Learning Centre",
    "Village Hall",
    "Methodist Hall",
    "Hub",
]
COHORTS: list[str] = [
    "young carers",
    "teenage parents",
    "care leavers",
    "young fathers",
    "disabled teenagers",
    "children of prisoners",
    "young people at risk of offending",
    "excluded pupils",
    "children with autism",
    "refugee families",
    "Traveller families",
    "lone parents",
    "looked after children aged 11 to 16",
    "siblings of disabled children",
    "young people not in education, employment or training",
    "pupils in Year 7",
    "children under five",
    "bereaved children",
    "young people misusing substances",
]

# Middle syllables for local names (wards, estates, streets): heads x middles x tails gives
# thousands of pseudo-names, each used by one council, like the ward and estate names that
# real letters mention.
NAME_MIDDLES = [
    "",
    "er",
    "ing",
    "en",
    "ley",
    "ow",
    "a",
    "ham",
    "ling",
    "over",
    "mer",
    "is",
    "ston",
    "den",
]
LOCAL_KINDS: list[str] = [
    "the <local> estate",
    "<local> ward",
    "<local> Road",
    "the <local> area",
    "<local> Park",
    "<local> Lane",
    "the <local> and <local2> wards",
    "<local> village",
    "<local> Green",
]
DETAIL_TEMPLATES += [
    "Outcomes for families on the <local> estate {have improved|remain poor|are monitored "
    "closely}, and the <adj> <activity> <structure> now works from <localvenue>.",
    "Residents of <localkind> took part in the consultation on the <activity> <structure>.",
    "The {youth club|family centre|health centre|library} at <localkind> {reopened|closed|was "
    "refurbished} in <month>.",
    "Rates of <outcome> in <local> ward are {higher|lower} than elsewhere in <council>.",
]

# What makes a letter's bullets its own: most improvement points and strengths name a place, a
# group, a deadline or a local service (real bullets are rarely copied verbatim across letters).
POINT_QUALIFIERS: list[str] = [
    ", particularly in <place> and <place2>",
    ", especially for <group>",
    " by <deadline>",
    " in <localkind>",
    ", building on the <adj> <activity> <structure>",
    ", as the <inspection> in <month> recommended",
    " so that it is at least in line with <comparator>",
    ", working with <partner>",
    " across the <place> locality",
    ", including for <cohort>",
]
DEADLINES = [
    "March <nextyear>",
    "the end of <nextyear>",
    "September <nextyear>",
    "the next assessment",
    "April <nextyear>",
    "the summer term",
]
INSPECTIONS = [
    "joint area review",
    "unannounced inspection",
    "youth offending inspection",
    "inspection of safeguarding and looked after children services",
    "fostering inspection",
    "adoption inspection",
    "annual performance assessment",
]
