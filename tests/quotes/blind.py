"""Builds tests/quotes/blind.jsonl, eight invented news articles written as a
blind test of the quote layer: they were written before the layer was tuned
on them, in styles that tests/quotes/news.jsonl lacks (a Wikinews-style
report with its Sources list, British single marks, block quotations over
several paragraphs, a question-and-answer transcript, a press conference
alternating two officials, a quote-heavy match report, posts, statements
and reports quoted, a police story with unnamed witnesses), with scare
quotes and titles mixed in. Gold in the FORMAT.md schema, plus the role and
organisation the article gives each quoted person.

    python3 tests/quotes/blind.py > tests/quotes/blind.jsonl

Each gold quotation is given by its text (which must occur once in the
article), its speaker, and the names that refer to the speaker (every
occurrence becomes a speaker mention; pronouns are left out). Each article
also lists `roles`: for a quoted person, the role and organisation as the
article words them, compared without case: alternatives separated by "|",
"*" for any answer, None when the article gives none.
"""

import json
import sys

from news import gold_quotes

ARTICLES = []


def article(id, dct, text, quotes, roles):
    ARTICLES.append((id, dct, text.strip("\n") + "\n", quotes, roles))


article(
    "blind-wikinews-scooter-ban",
    "2025-04-09",
    """
Northport council votes to ban rental e-scooters

Wednesday, April 9, 2025

The city council of Northport voted 9–4 on Tuesday night to end its rental e-scooter scheme, two years after it was introduced as a trial.

Councillor Maria Lopez, who chairs the transport committee, proposed the motion. "The trial has been given a fair chance and it has not worked," Lopez said. "Our pavements belong to pedestrians."

Lopez said that the council had received more than 3,000 complaints since the scheme began.

The operator, ZipRide, criticised the decision. "We are disappointed that the council has chosen to go backwards," a ZipRide spokesperson said. "Thousands of residents use our scooters every day."

Councillor Ben Hartley, who voted against the ban, described the vote as "a mistake we will regret." "We should be fixing the parking problem, not banning the scooters," Hartley said.

Disability campaigner Ruth Ogden welcomed the vote. "For blind and partially sighted people, a scooter left across the pavement is a real danger," Ogden said.

The ban takes effect on June 1. Privately owned scooters remain illegal on public roads under national law.

Sources

"Council scraps e-scooter trial after complaints" — Northport Gazette, April 9, 2025
"ZipRide 'disappointed' by Northport vote" — Transport Today, April 9, 2025
""",
    [
        ("The trial has been given a fair chance and it has not worked,", "Maria Lopez", ["Maria Lopez", "Lopez"]),
        ("Our pavements belong to pedestrians.", "Maria Lopez", ["Maria Lopez", "Lopez"]),
        ("We are disappointed that the council has chosen to go backwards,", "a ZipRide spokesperson", ["a ZipRide spokesperson"]),
        ("Thousands of residents use our scooters every day.", "a ZipRide spokesperson", ["a ZipRide spokesperson"]),
        ("a mistake we will regret.", "Ben Hartley", ["Ben Hartley", "Hartley"]),
        ("We should be fixing the parking problem, not banning the scooters,", "Ben Hartley", ["Ben Hartley", "Hartley"]),
        ("For blind and partially sighted people, a scooter left across the pavement is a real danger,", "Ruth Ogden", ["Ruth Ogden", "Ogden"]),
    ],
    {
        "Maria Lopez": ("Councillor", None),
        "Ben Hartley": ("Councillor", None),
        "Ruth Ogden": ("Disability campaigner", None),
    },
)

article(
    "blind-british-hospital-waits",
    "2025-02-14",
    """
Hospital waiting lists at record high, figures show

Waiting lists for planned operations in the Westmoor health region have reached a record 412,000, according to figures published on Thursday.

The region’s medical director, Dr Alison Grey, said the numbers were ‘deeply worrying’ but insisted staff were ‘doing everything they can’.

‘We have more patients than ever and fewer beds than we had ten years ago,’ she said. ‘That is not a sum that adds up.’

Patients’ groups said the figures showed the service was ‘at breaking point’. Mark Denton, chief executive of the charity Patients First, said: ‘Behind every one of these numbers is a person in pain, waiting.’

Health Secretary Priya Raman told MPs that the government had committed an extra £2bn to cut waits. ‘We inherited a system on its knees,’ she said. ‘It will take time, but we are turning it round.’

The shadow health secretary, Oliver Crane, accused ministers of ‘making promises they have no plan to keep’.

‘The secretary of state says it will take time. Patients do not have time,’ he said.

One nurse at Westmoor General, who did not want to be named, said staff were exhausted. ‘I love my job, but I go home and cry some nights,’ she said.

The hospital trust said in a statement that it was ‘working closely with partners’ to reduce waits and apologised to patients for ‘the distress caused’.
""",
    [
        ("deeply worrying", "Alison Grey", ["Dr Alison Grey"]),
        ("doing everything they can", "Alison Grey", ["Dr Alison Grey"]),
        ("We have more patients than ever and fewer beds than we had ten years ago,", "Alison Grey", ["Dr Alison Grey"]),
        ("That is not a sum that adds up.", "Alison Grey", ["Dr Alison Grey"]),
        ("at breaking point", "Patients’ groups", ["Patients’ groups"]),
        ("Behind every one of these numbers is a person in pain, waiting.", "Mark Denton", ["Mark Denton"]),
        ("We inherited a system on its knees,", "Priya Raman", ["Priya Raman"]),
        ("It will take time, but we are turning it round.", "Priya Raman", ["Priya Raman"]),
        ("making promises they have no plan to keep", "Oliver Crane", ["Oliver Crane"]),
        ("The secretary of state says it will take time. Patients do not have time,", "Oliver Crane", ["Oliver Crane"]),
        ("I love my job, but I go home and cry some nights,", "One nurse", ["One nurse at Westmoor General"]),
        ("working closely with partners", "The hospital trust", ["The hospital trust"]),
        ("the distress caused", "The hospital trust", ["The hospital trust"]),
    ],
    {
        "Alison Grey": ("medical director", None),
        "Mark Denton": ("chief executive", "Patients First|the charity Patients First"),
        "Priya Raman": ("Health Secretary", None),
        "Oliver Crane": ("shadow health secretary", None),
    },
)

article(
    "blind-block-quote-speech",
    "2025-11-03",
    """
President Adeyemi tells graduates to ‘build where you stand’

By Nora Quinn

KESTON — President Lydia Adeyemi urged university graduates on Saturday to stay in the country and start businesses, in a commencement address that drew a standing ovation.

Speaking at Keston University, Adeyemi said her own career had begun “with a borrowed laptop and a lot of rejection letters.”

“When I left this university, I was told that the only way to succeed was to leave. I believed it for a while. I sent my applications to London, to Toronto, to anywhere that was not here.

“Then a woman who ran a bakery on Market Street offered me a job keeping her accounts. She paid me in bread for the first month. I learned more in that bakery than in any office since.

“So I say to you: build where you stand. This country does not need you to rescue it from abroad. It needs you here.”

The address was interrupted several times by applause. Students’ union president Kofi Mensah said it was “exactly what people needed to hear.”

“A lot of us feel we have no future here,” Mensah said. “She gave us a reason to think again.”

Not everyone was persuaded. Economist Daniel Frimpong, of the Keston Policy Institute, said graduates were leaving because of wages, not attitudes.

“Speeches do not pay rent,” Frimpong said. “If the government wants young people to stay, it needs to fix the housing market and the tax on small firms.”

In a letter to the president published last month, a group of 40 business owners wrote:

“We support your ambition. But the regulations on new companies remain the heaviest in the region. A young person who wants to open a shop must visit six offices and wait five months.

“We ask you to cut that to one office and one month.”

A spokesman for the presidency said the letter was “being studied.”
""",
    [
        ("with a borrowed laptop and a lot of rejection letters.", "Lydia Adeyemi", ["President Lydia Adeyemi", "Adeyemi"]),
        ("When I left this university, I was told that the only way to succeed was to leave. I believed it for a while. I sent my applications to London, to Toronto, to anywhere that was not here.", "Lydia Adeyemi", ["President Lydia Adeyemi", "Adeyemi"]),
        ("Then a woman who ran a bakery on Market Street offered me a job keeping her accounts. She paid me in bread for the first month. I learned more in that bakery than in any office since.", "Lydia Adeyemi", ["President Lydia Adeyemi", "Adeyemi"]),
        ("So I say to you: build where you stand. This country does not need you to rescue it from abroad. It needs you here.", "Lydia Adeyemi", ["President Lydia Adeyemi", "Adeyemi"]),
        ("exactly what people needed to hear.", "Kofi Mensah", ["Kofi Mensah", "Mensah"]),
        ("A lot of us feel we have no future here,", "Kofi Mensah", ["Kofi Mensah", "Mensah"]),
        ("She gave us a reason to think again.", "Kofi Mensah", ["Kofi Mensah", "Mensah"]),
        ("Speeches do not pay rent,", "Daniel Frimpong", ["Daniel Frimpong", "Frimpong"]),
        ("If the government wants young people to stay, it needs to fix the housing market and the tax on small firms.", "Daniel Frimpong", ["Daniel Frimpong", "Frimpong"]),
        ("We support your ambition. But the regulations on new companies remain the heaviest in the region. A young person who wants to open a shop must visit six offices and wait five months.", "a group of 40 business owners", ["a group of 40 business owners"]),
        ("We ask you to cut that to one office and one month.", "a group of 40 business owners", ["a group of 40 business owners"]),
        ("being studied.", "A spokesman for the presidency", ["A spokesman for the presidency"]),
    ],
    {
        "Lydia Adeyemi": ("President", None),
        "Kofi Mensah": ("president|Students’ union president", "Students’ union|*"),
        "Daniel Frimpong": ("Economist", "Keston Policy Institute"),
    },
)

article(
    "blind-qa-interview-farmer",
    "2025-08-21",
    """
Interview: the farmer who turned a drought into a seed bank

Thursday, August 21, 2025

Grace Okonjo farms 40 hectares outside Lakeside. After three failed harvests she began collecting seeds from neighbours' fields, and her seed bank now holds 1,200 local varieties. She spoke to us about drought, debt and "the stubbornness of old seeds."

"People think a seed bank is a laboratory," Okonjo said. "Mine is a shed with a lot of jars."

The interview has been edited for length.

Q: How did the seed bank start?

A: In 2019 nothing grew. Nothing. My neighbour had an old type of millet from her grandmother, and it was the only crop in the valley that came up. I thought, if we lose that seed, we lose everything.

Q: Who pays for it?

A: Mostly nobody. A foundation gave us a grant last year, and the rest is volunteers. My husband calls it "Grace's expensive hobby," but he is the one who labels the jars.

Q: Are you optimistic?

A: I am stubborn, which is better. The old seeds are stubborn too. That is why they survived.

Okonjo's work was featured in the documentary "Roots of the Valley", which premiered in June. Its director, Samuel Otieno, said she was "the most patient person I have ever filmed."

"She will sit with a farmer for a whole afternoon to get one handful of seeds," Otieno said.
""",
    [
        ("the stubbornness of old seeds.", "Grace Okonjo", ["Grace Okonjo", "Okonjo"]),
        ("People think a seed bank is a laboratory,", "Grace Okonjo", ["Grace Okonjo", "Okonjo"]),
        ("Mine is a shed with a lot of jars.", "Grace Okonjo", ["Grace Okonjo", "Okonjo"]),
        ("Grace's expensive hobby,", "My husband", ["My husband"]),
        ("the most patient person I have ever filmed.", "Samuel Otieno", ["Samuel Otieno", "Otieno"]),
        ("She will sit with a farmer for a whole afternoon to get one handful of seeds,", "Samuel Otieno", ["Samuel Otieno", "Otieno"]),
    ],
    {
        "Samuel Otieno": ("director", "*"),
    },
)

article(
    "blind-press-conference-wildfire",
    "2025-07-28",
    """
Officials order more evacuations as Pine Ridge fire grows

PINE RIDGE, Calif. — Fire officials ordered 6,000 more residents to leave their homes on Monday as the Pine Ridge fire doubled in size overnight, burning through dry brush in the hills above the town.

At a news conference at the county fairground, Cal Fire incident commander Tanya Brooks said the blaze had grown to 18,000 acres and was 5 percent contained.

"The wind shifted around 2 a.m. and pushed the fire straight down the canyon," Brooks said. "We had crews in front of it, and we had to pull them back."

Sheriff Luis Ortega, standing beside her, said deputies had gone door to door in the evacuation zone. "If a deputy knocks on your door, please listen to them," Ortega said. "We cannot come back for you later."

Brooks said more than 900 firefighters were on the lines, with another 300 on the way from neighbouring states.

"This is a fire that is making its own weather," she said. "When that happens, all bets are off."

Asked how many homes had been lost, Ortega said it was too early to say.

"We have reports of structures burning on Canyon Road. I am not going to give you a number until we have people on the ground who have seen it."

"We will know more tomorrow morning," Brooks added.

Ortega urged residents to ignore rumours on social media that the main highway had closed. "The highway is open. Use it," he said.

Governor Ellen Marsh, who declared a state of emergency on Sunday, said in a statement that the state would "spare no resource" to protect the community.
""",
    [
        ("The wind shifted around 2 a.m. and pushed the fire straight down the canyon,", "Tanya Brooks", ["Tanya Brooks", "Brooks"]),
        ("We had crews in front of it, and we had to pull them back.", "Tanya Brooks", ["Tanya Brooks", "Brooks"]),
        ("If a deputy knocks on your door, please listen to them,", "Luis Ortega", ["Luis Ortega", "Ortega"]),
        ("We cannot come back for you later.", "Luis Ortega", ["Luis Ortega", "Ortega"]),
        ("This is a fire that is making its own weather,", "Tanya Brooks", ["Tanya Brooks", "Brooks"]),
        ("When that happens, all bets are off.", "Tanya Brooks", ["Tanya Brooks", "Brooks"]),
        ("We have reports of structures burning on Canyon Road. I am not going to give you a number until we have people on the ground who have seen it.", "Luis Ortega", ["Luis Ortega", "Ortega"]),
        ("We will know more tomorrow morning,", "Tanya Brooks", ["Tanya Brooks", "Brooks"]),
        ("The highway is open. Use it,", "Luis Ortega", ["Luis Ortega", "Ortega"]),
        ("spare no resource", "Ellen Marsh", ["Ellen Marsh"]),
    ],
    {
        "Tanya Brooks": ("incident commander", "Cal Fire"),
        "Luis Ortega": ("Sheriff", None),
        "Ellen Marsh": ("Governor", None),
    },
)

article(
    "blind-sports-derby-report",
    "2025-10-05",
    """
Late Varga strike settles derby as Eastfield stay top

Eastfield 2 Westport 1

Substitute Milan Varga scored in the 89th minute as Eastfield beat Westport 2-1 in a bad-tempered derby at the Riverside Stadium on Sunday to stay three points clear at the top of the table.

Westport had equalised through Chris Bell's penalty after Adam Shaw's early header, and looked the likelier winners until Varga turned in a low cross from the left.

"I've been on the bench for five games, so I was desperate to make a difference," Varga told Sky Sports. "When it came to me I just hit it. I didn't even see it go in."

Eastfield manager Stefan Kuhn was full of praise for his substitute. "Milan has been patient and he has been brilliant in training," Kuhn said. "Today he got his reward."

"It was not a pretty game. Derbies never are. But we showed character, and that is what wins titles."

Westport boss Ian McBride was furious about the build-up to the winner, insisting his defender Joe Pike had been fouled.

"Joe is clearly pushed in the back. Everybody in the stadium saw it except the people who are paid to see it," McBride said.

"I'm not going to say any more because I'll get fined. But you have all seen it."

Pike, who was booked in the first half, said the dressing room was "gutted." "We gave everything," he said. "We deserved a point at least."

Kuhn dismissed McBride's complaints. "He would say that. I have watched it back and it is a shoulder, nothing more," he said.

Eastfield travel to Northbridge next Saturday. Westport, now seventh, host Southam.
""",
    [
        ("I've been on the bench for five games, so I was desperate to make a difference,", "Milan Varga", ["Milan Varga", "Varga"]),
        ("When it came to me I just hit it. I didn't even see it go in.", "Milan Varga", ["Milan Varga", "Varga"]),
        ("Milan has been patient and he has been brilliant in training,", "Stefan Kuhn", ["Stefan Kuhn", "Kuhn"]),
        ("Today he got his reward.", "Stefan Kuhn", ["Stefan Kuhn", "Kuhn"]),
        ("It was not a pretty game. Derbies never are. But we showed character, and that is what wins titles.", "Stefan Kuhn", ["Stefan Kuhn", "Kuhn"]),
        ("Joe is clearly pushed in the back. Everybody in the stadium saw it except the people who are paid to see it,", "Ian McBride", ["Ian McBride", "McBride"]),
        ("I'm not going to say any more because I'll get fined. But you have all seen it.", "Ian McBride", ["Ian McBride", "McBride"]),
        ("gutted.", "Joe Pike", ["Joe Pike", "Pike"]),
        ("We gave everything,", "Joe Pike", ["Joe Pike", "Pike"]),
        ("We deserved a point at least.", "Joe Pike", ["Joe Pike", "Pike"]),
        ("He would say that. I have watched it back and it is a shoulder, nothing more,", "Stefan Kuhn", ["Stefan Kuhn", "Kuhn"]),
    ],
    {
        "Milan Varga": ("Substitute", None),
        "Stefan Kuhn": ("manager", "Eastfield"),
        "Ian McBride": ("boss", "Westport"),
        "Joe Pike": ("defender", "*"),
    },
)

article(
    "blind-posts-and-reports-airline",
    "2025-12-02",
    """
Airline apologises after outage strands thousands

SkyBridge Airways apologised on Tuesday after a computer failure grounded more than 200 flights and left thousands of passengers stranded over the weekend.

"We are deeply sorry for the disruption our customers have faced," the airline said in a statement posted on its website. "A fault in a third-party booking system caused the outage. It was not a cyber attack."

The airline's chief executive, Henrik Dahl, posted a video on LinkedIn on Monday night. "I take full responsibility," he said in the video. "Every passenger affected will be refunded in full."

Many passengers were unimpressed. Travel blogger Aisha Khan, who spent 14 hours at Dunmore airport, wrote on X: "No food, no information, no staff. This is not a glitch, it is a choice."

Her post was shared more than 40,000 times.

A report by the Civil Aviation Authority last year found that SkyBridge had "underinvested in resilience" and warned that a major failure was "a matter of when, not if."

The authority said on Tuesday it would "look closely" at the airline's handling of the outage.

Consumer group Fair Fares called for automatic compensation. "Passengers should not have to fill in six forms to get money they are owed by law," its director, Tom Ashby, said.

According to the union representing cabin crew, staff were told to "manage expectations" and were given no updates for hours.

In an email to staff seen by this newspaper, Dahl wrote that the weekend had been "the worst in our history" and thanked employees for their "extraordinary effort."
""",
    [
        ("We are deeply sorry for the disruption our customers have faced,", "SkyBridge Airways", ["SkyBridge Airways", "the airline said"]),
        ("A fault in a third-party booking system caused the outage. It was not a cyber attack.", "SkyBridge Airways", ["SkyBridge Airways", "the airline said"]),
        ("I take full responsibility,", "Henrik Dahl", ["Henrik Dahl", "Dahl"]),
        ("Every passenger affected will be refunded in full.", "Henrik Dahl", ["Henrik Dahl", "Dahl"]),
        ("No food, no information, no staff. This is not a glitch, it is a choice.", "Aisha Khan", ["Aisha Khan"]),
        ("underinvested in resilience", "A report by the Civil Aviation Authority", ["A report by the Civil Aviation Authority"]),
        ("a matter of when, not if.", "A report by the Civil Aviation Authority", ["A report by the Civil Aviation Authority"]),
        ("look closely", "The authority", ["The authority", "the Civil Aviation Authority"]),
        ("Passengers should not have to fill in six forms to get money they are owed by law,", "Tom Ashby", ["Tom Ashby"]),
        ("manage expectations", "the union representing cabin crew", ["the union representing cabin crew"]),
        ("the worst in our history", "Henrik Dahl", ["Henrik Dahl", "Dahl"]),
        ("extraordinary effort.", "Henrik Dahl", ["Henrik Dahl", "Dahl"]),
    ],
    {
        "Henrik Dahl": ("chief executive", "SkyBridge Airways|The airline"),
        "Aisha Khan": ("Travel blogger", None),
        "Tom Ashby": ("director", "Fair Fares|*"),
    },
)

article(
    "blind-police-stabbing-witnesses",
    "2025-06-30",
    """
Man charged after stabbing outside nightclub

A 24-year-old man has been charged with attempted murder after a man was stabbed outside a nightclub in the city centre early on Sunday.

Police were called to Bridge Street shortly after 2 a.m. and found a 31-year-old man with serious injuries. He remains in hospital in a stable condition.

Detective Inspector Sarah Holt, who is leading the investigation, said officers believed the two men had argued inside the club. "This was not a random attack," she said. "We are confident there is no wider risk to the public."

A neighbour, who asked not to be named, said she had heard shouting before seeing the victim on the ground. "There was blood everywhere. People were screaming for someone to call an ambulance," she said.

Another witness, a taxi driver waiting at the rank opposite, told the Evening Post he saw a man run towards the river. "He was running flat out and he threw something over the railings," he said.

The club, which calls itself "the city's friendliest night out", said it was "shocked and saddened" and was helping police.

Residents have long complained about late-night violence on the street, which locals have nicknamed "the Strip". Local councillor Dev Patel said the council had asked for more patrols "again and again."

"I have lost count of the letters I have written," Patel said. "How many more times does this have to happen?"

The accused, Ryan Cole, of Hillside Road, is due to appear before magistrates on Monday.
""",
    [
        ("This was not a random attack,", "Sarah Holt", ["Detective Inspector Sarah Holt"]),
        ("We are confident there is no wider risk to the public.", "Sarah Holt", ["Detective Inspector Sarah Holt"]),
        ("There was blood everywhere. People were screaming for someone to call an ambulance,", "A neighbour", ["A neighbour"]),
        ("He was running flat out and he threw something over the railings,", "Another witness", ["Another witness"]),
        ("shocked and saddened", "The club", ["The club"]),
        ("again and again.", "Dev Patel", ["Dev Patel", "Patel"]),
        ("I have lost count of the letters I have written,", "Dev Patel", ["Dev Patel", "Patel"]),
        ("How many more times does this have to happen?", "Dev Patel", ["Dev Patel", "Patel"]),
    ],
    {
        "Sarah Holt": ("Detective Inspector", None),
        "Dev Patel": ("councillor|Local councillor", None),
    },
)


# Written after the eight above had been used to fix the layer, and scored
# before any change for them: a second, untouched blind measure.
ROUND_TWO_FROM = len(ARTICLES)

article(
    "blind2-wikinews-mayoral-election",
    "2025-05-04",
    """
Former teacher wins Ashford mayoral election

Sunday, May 4, 2025

Former secondary school teacher Joanna Pryce was elected mayor of Ashford on Saturday, defeating the sitting mayor, Colin Hurst, by just over 2,000 votes.

Pryce, who stood as an independent, won 41 percent of the vote. Turnout was 36 percent, the council said.

"People told me on the doorstep that they wanted someone who would listen," Pryce said in her victory speech. "I intend to do exactly that."

Hurst conceded shortly after midnight. "The voters have spoken and I respect their decision," he said. He said he would "take some time with my family" before deciding on his future.

Speaking to Wikinews, local historian Alan Birch said it was the first time an independent had won the post. "This is a genuine upset," Birch said. "Nobody saw it coming, least of all the parties."

Pryce takes office on May 12.

Sources

"Independent Pryce takes Ashford" — Ashford Courier, May 4, 2025
"Hurst: 'I respect their decision'" — Southern Evening News, May 4, 2025
""",
    [
        ("People told me on the doorstep that they wanted someone who would listen,", "Joanna Pryce", ["Joanna Pryce", "Pryce"]),
        ("I intend to do exactly that.", "Joanna Pryce", ["Joanna Pryce", "Pryce"]),
        ("The voters have spoken and I respect their decision,", "Colin Hurst", ["Colin Hurst", "Hurst"]),
        ("take some time with my family", "Colin Hurst", ["Colin Hurst", "Hurst"]),
        ("This is a genuine upset,", "Alan Birch", ["Alan Birch", "Birch"]),
        ("Nobody saw it coming, least of all the parties.", "Alan Birch", ["Alan Birch", "Birch"]),
    ],
    {
        "Joanna Pryce": ("secondary school teacher|Former secondary school teacher", None),
        "Colin Hurst": ("mayor|sitting mayor", "*"),
        "Alan Birch": ("historian|local historian", None),
    },
)

article(
    "blind2-british-bakery-chain",
    "2025-03-19",
    """
Bakery chain to close 40 shops as costs bite

The high-street bakery chain Crumbs & Co is to close 40 of its 310 shops, putting about 600 jobs at risk, the company announced on Wednesday.

Chief executive Fiona Marsh blamed ‘relentless’ increases in energy and ingredient costs. ‘These are painful decisions and we do not take them lightly,’ she said. ‘Our priority now is to look after the colleagues affected.’

She added that the chain had ‘no plans’ for further closures this year.

The Bakers’ Union said it had not been consulted. Its general secretary, Dave Morton, said: ‘Workers found out from a press release. That is no way to treat people who have given this company years of service.’

Analyst Priya Shah of Peel Hunt said the closures were ‘overdue’. ‘The chain expanded too fast in the good years and is now paying for it,’ she said.

A shopper outside the branch on King Street, which is among those closing, said she had been coming for twenty years. ‘It is where I get my bread and have a chat. I will miss it,’ she said.

In its annual report, published last month, the company warned of ‘a very challenging trading environment’.
""",
    [
        ("relentless", "Fiona Marsh", ["Fiona Marsh"]),
        ("These are painful decisions and we do not take them lightly,", "Fiona Marsh", ["Fiona Marsh"]),
        ("Our priority now is to look after the colleagues affected.", "Fiona Marsh", ["Fiona Marsh"]),
        ("no plans", "Fiona Marsh", ["Fiona Marsh"]),
        ("Workers found out from a press release. That is no way to treat people who have given this company years of service.", "Dave Morton", ["Dave Morton"]),
        ("overdue", "Priya Shah", ["Priya Shah"]),
        ("The chain expanded too fast in the good years and is now paying for it,", "Priya Shah", ["Priya Shah"]),
        ("It is where I get my bread and have a chat. I will miss it,", "A shopper", ["A shopper"]),
        ("a very challenging trading environment", "the company", ["the company", "Crumbs & Co"]),
    ],
    {
        "Fiona Marsh": ("Chief executive", None),
        "Dave Morton": ("general secretary", "*"),
        "Priya Shah": ("Analyst", "Peel Hunt"),
    },
)

article(
    "blind2-tennis-press-conference",
    "2025-07-09",
    """
Kovac battles back to reach semi-final

Second seed Ana Kovac came from a set down to beat Lucia Ferreira 4-6 6-3 6-2 on Wednesday and reach the semi-finals for the third year running.

"I was not playing well at the start. She was hitting everything in," Kovac said in her post-match press conference. "I just told myself to stay in the rallies and wait."

"At 3-3 in the second set I felt the match change. After that I was dictating."

Ferreira, 19, was playing in her first quarter-final at the tournament. Her coach, Marco Alves, said she had "nothing to be ashamed of."

"She pushed a top-three player for a set and a half," Alves said. "A year ago she was ranked 140th."

Ferreira later posted on Instagram: "Not the result I wanted, but I learned so much this week. Thank you for the support!"

Kovac will play either the defending champion, Mei Tanaka, or the American qualifier Jess Howell on Friday.

Asked whether she preferred either opponent, Kovac laughed. "I'd prefer nobody. But it doesn't work like that."
""",
    [
        ("I was not playing well at the start. She was hitting everything in,", "Ana Kovac", ["Ana Kovac", "Kovac"]),
        ("I just told myself to stay in the rallies and wait.", "Ana Kovac", ["Ana Kovac", "Kovac"]),
        ("At 3-3 in the second set I felt the match change. After that I was dictating.", "Ana Kovac", ["Ana Kovac", "Kovac"]),
        ("nothing to be ashamed of.", "Marco Alves", ["Marco Alves", "Alves"]),
        ("She pushed a top-three player for a set and a half,", "Marco Alves", ["Marco Alves", "Alves"]),
        ("A year ago she was ranked 140th.", "Marco Alves", ["Marco Alves", "Alves"]),
        ("Not the result I wanted, but I learned so much this week. Thank you for the support!", "Lucia Ferreira", ["Lucia Ferreira", "Ferreira"]),
        ("I'd prefer nobody. But it doesn't work like that.", "Ana Kovac", ["Ana Kovac", "Kovac"]),
    ],
    {
        "Ana Kovac": ("Second seed|seed", None),
        "Marco Alves": ("coach", None),
    },
)


def build(id, dct, text, quotes, roles):
    quotes_out = gold_quotes(id, text, quotes)
    speakers = {q[1] for q in quotes}
    for name in roles:
        if name not in speakers:
            raise SystemExit(f"{id}: role for {name!r}, who is not quoted")
    roles_out = [{"speaker": name, "role": role, "organisation": org} for name, (role, org) in roles.items()]
    return {"id": id, "source": "invented", "text": text, "dct": dct, "quotes": quotes_out, "roles": roles_out}


if __name__ == "__main__":
    for a in ARTICLES:
        sys.stdout.write(json.dumps(build(*a), ensure_ascii=False) + "\n")
