"""Builds tests/quotes/news.jsonl, four invented news articles in the styles
the quote layer meets beyond PolNeAR (a business story, a sports report with
alternating quotes, an interview, a government statement piece), with gold
quotations and speakers in the FORMAT.md schema.

    python3 tests/quotes/news.py > tests/quotes/news.jsonl

Each gold quotation is given by its text (which must occur once in the
article), its speaker, and the names that refer to the speaker (every
occurrence becomes a speaker mention; pronouns are left out, so a speaker is
only right by its name or its mentions).
"""

import json
import re
import sys

ARTICLES = []


def article(id, dct, text, quotes):
    ARTICLES.append((id, dct, text.strip("\n") + "\n", quotes))


article(
    "news-business-ai-costs",
    "2025-10-30",
    """
Tech giants say AI is getting cheaper to run. Investors want proof

By Dana Whitfield

SEATTLE, Oct. 30 — Microsoft chief executive Satya Nadella told analysts on Wednesday that the cost of running its largest artificial intelligence models had fallen by half in a year.

“We are seeing the cost curve bend faster than anything we modelled,” Nadella said on the company’s quarterly earnings call. “That changes what our customers can build.”

He added that Microsoft would spend more than $80 billion on data centres this fiscal year.

Meta’s Mark Zuckerberg struck a similar tone. “The models are getting cheaper to run every quarter, and that is going to open up a lot of new products,” he wrote on Threads.

Not everyone is convinced. Lisa Chen, a semiconductor analyst at Bernstein, said the savings were “real but uneven” and warned that chip supply remained tight.

“Everyone is still waiting for the next generation of accelerators,” Chen said. “Until those ship in volume, the capacity simply is not there.”

A report published this week by the research firm Gartner put global spending on AI infrastructure at $400 billion for the year. “Spending growth will slow in 2026 as buyers digest what they have already bought,” the report said.

According to a filing with the Securities and Exchange Commission, Microsoft’s capital spending rose 74 percent in the quarter. The filing described demand as “significantly ahead of available capacity.”

Shares of Microsoft rose 2 percent in after-hours trading. Meta’s fell 4 percent after its chief financial officer, Susan Li, said expenses would grow “significantly faster” next year.

“We are going to invest aggressively,” Li told analysts. “We think the opportunity justifies it.”

Amy Hood, Microsoft’s chief financial officer, was more measured. She said the company would “balance growth and discipline” and that some projects had been delayed.

A spokesperson for Amazon declined to comment on its own plans. In a statement, the company said it “continues to see strong demand across AWS.”

Chen called the spending plans “eye-watering” but said the so-called “AI bubble” talk was premature.

“People forget that the railways looked like a bubble too,” she said. “Some of it was, and the track still got built.”
""",
    [
        ("We are seeing the cost curve bend faster than anything we modelled,", "Satya Nadella", ["Satya Nadella", "Nadella"]),
        ("That changes what our customers can build.", "Satya Nadella", ["Satya Nadella", "Nadella"]),
        ("The models are getting cheaper to run every quarter, and that is going to open up a lot of new products,", "Mark Zuckerberg", ["Mark Zuckerberg"]),
        ("real but uneven", "Lisa Chen", ["Lisa Chen", "Chen"]),
        ("Everyone is still waiting for the next generation of accelerators,", "Lisa Chen", ["Lisa Chen", "Chen"]),
        ("Until those ship in volume, the capacity simply is not there.", "Lisa Chen", ["Lisa Chen", "Chen"]),
        ("Spending growth will slow in 2026 as buyers digest what they have already bought,", "the report", ["A report published this week by the research firm Gartner", "the report", "Gartner"]),
        ("significantly ahead of available capacity.", "The filing", ["a filing with the Securities and Exchange Commission", "The filing"]),
        ("significantly faster", "Susan Li", ["Susan Li", "Li"]),
        ("We are going to invest aggressively,", "Susan Li", ["Susan Li", "Li"]),
        ("We think the opportunity justifies it.", "Susan Li", ["Susan Li", "Li"]),
        ("balance growth and discipline", "Amy Hood", ["Amy Hood"]),
        ("continues to see strong demand across AWS.", "Amazon", ["Amazon", "the company said"]),
        ("eye-watering", "Lisa Chen", ["Lisa Chen", "Chen"]),
        ("People forget that the railways looked like a bubble too,", "Lisa Chen", ["Lisa Chen", "Chen"]),
        ("Some of it was, and the track still got built.", "Lisa Chen", ["Lisa Chen", "Chen"]),
    ],
)

article(
    "news-sports-cup-final",
    "2025-05-18",
    """
Harbourside hold on to lift the cup after extra time

Harbourside won the Northern Cup for the first time in 41 years on Saturday, beating Millbrook 2-1 after extra time in front of 38,000 at Eastgate Park.

Captain Joel Adebayo scored the winner in the 112th minute, heading in a corner from Tomas Ruiz.

“It was a very emotional day,” Harbourside coach Elena Marsh said afterwards. “I have waited my whole career for this.”

“The lads never stopped believing. Even at 1-0 down you could see it in their faces.”

Millbrook manager Gary Doyle was left to rue a string of missed chances. “We could have scored two or three in the first half,” he said. “That is the story of our season.”

“You cannot give a team like that a second chance. We did, and we paid for it.”

Adebayo, who joined from Westport in January, said he had dreamed of the moment since he was a boy.

“My dad brought me here when I was six,” he said. “To score the winner in front of him, I don’t have the words.”

Marsh praised her goalkeeper, Kasia Nowak, who saved a penalty in the 78th minute. “Kasia kept us in it,” she said. “That save changed everything.”

Doyle refused to blame the referee for the penalty decision, calling it “the right call, on reflection.”

“I am not going to stand here and moan,” he said. “They were better when it mattered.”

Nowak herself played down the save. “I just guessed left,” she told reporters. “Sometimes you guess right.”

The victory means Harbourside will play in Europe next season. Asked whether her side was ready, Marsh smiled.

“Ask me in August.”
""",
    [
        ("It was a very emotional day,", "Elena Marsh", ["Elena Marsh", "Marsh"]),
        ("I have waited my whole career for this.", "Elena Marsh", ["Elena Marsh", "Marsh"]),
        ("The lads never stopped believing. Even at 1-0 down you could see it in their faces.", "Elena Marsh", ["Elena Marsh", "Marsh"]),
        ("We could have scored two or three in the first half,", "Gary Doyle", ["Gary Doyle", "Doyle"]),
        ("That is the story of our season.", "Gary Doyle", ["Gary Doyle", "Doyle"]),
        ("You cannot give a team like that a second chance. We did, and we paid for it.", "Gary Doyle", ["Gary Doyle", "Doyle"]),
        ("My dad brought me here when I was six,", "Joel Adebayo", ["Joel Adebayo", "Adebayo"]),
        ("To score the winner in front of him, I don’t have the words.", "Joel Adebayo", ["Joel Adebayo", "Adebayo"]),
        ("Kasia kept us in it,", "Elena Marsh", ["Elena Marsh", "Marsh"]),
        ("That save changed everything.", "Elena Marsh", ["Elena Marsh", "Marsh"]),
        ("the right call, on reflection.", "Gary Doyle", ["Gary Doyle", "Doyle"]),
        ("I am not going to stand here and moan,", "Gary Doyle", ["Gary Doyle", "Doyle"]),
        ("They were better when it mattered.", "Gary Doyle", ["Gary Doyle", "Doyle"]),
        ("I just guessed left,", "Kasia Nowak", ["Kasia Nowak", "Nowak"]),
        ("Sometimes you guess right.", "Kasia Nowak", ["Kasia Nowak", "Nowak"]),
        ("Ask me in August.", "Elena Marsh", ["Elena Marsh", "Marsh"]),
    ],
)

article(
    "news-interview-climate-scientist",
    "2025-03-02",
    """
‘We are running out of excuses’: a glaciologist on what the ice is telling us

Ingrid Solberg has spent 25 years measuring glaciers in Greenland and Svalbard. In an interview with The Observer, the Norwegian Polar Institute researcher talked about fieldwork, funding and fear.

“When I started, we went north to watch the ice,” Solberg said. “Now we go north to watch it leave.”

“The change is not gradual any more. Some of the glaciers I measured as a student are simply gone.”

“People ask me if I am depressed. I am not. I am angry, which is more useful.”

Her team’s latest study, published in Nature last month, found that melt on the western margin had doubled since 2000. The study warned that the sheet was “approaching a threshold” beyond which losses would accelerate.

Solberg said funding for long-term monitoring was “always the first thing to go” when budgets tightened.

“Satellites are wonderful, but you still need people on the ice,” she said. “A satellite cannot drill a core.”

Her colleague Henrik Aas, who leads the institute’s field programme, said the work had become more dangerous as the ice thinned. “We used to camp in places I would not walk across today,” he said.

Solberg laughed when asked about critics who call climate research “alarmist.”

“I measure things,” she said. “If the numbers are alarming, that is not my fault.”

What keeps her going?

“Students. Every year a new group arrives and they are braver than we were.”

“They will need to be.”
""",
    [
        ("When I started, we went north to watch the ice,", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("Now we go north to watch it leave.", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("The change is not gradual any more. Some of the glaciers I measured as a student are simply gone.", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("People ask me if I am depressed. I am not. I am angry, which is more useful.", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("approaching a threshold", "The study", ["Her team’s latest study", "The study"]),
        ("always the first thing to go", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("Satellites are wonderful, but you still need people on the ice,", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("A satellite cannot drill a core.", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("We used to camp in places I would not walk across today,", "Henrik Aas", ["Henrik Aas"]),
        ("alarmist.", "critics", ["critics"]),
        ("I measure things,", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("If the numbers are alarming, that is not my fault.", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("Students. Every year a new group arrives and they are braver than we were.", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
        ("They will need to be.", "Ingrid Solberg", ["Ingrid Solberg", "Solberg"]),
    ],
)

article(
    "news-government-flood-response",
    "2025-01-21",
    """
Ministry defends flood response as survey shows public anger

The Ministry of the Interior on Tuesday defended its handling of last week’s floods, which left 14 people dead and forced 9,000 from their homes.

“Emergency teams were deployed within hours of the first warnings,” according to a statement from the ministry. The statement said that “every available resource” had been sent to the worst-hit districts.

Interior Minister Rosa Delgado told parliament that the warning system had worked “as designed” but that rainfall had exceeded every forecast.

“No system can stop a river that rises four metres in a night,” Delgado said.

Opposition leader Tom Barker accused the government of “complacency” and called for an independent inquiry. “The ministry was warned about these defences two years ago and did nothing,” he said.

A survey by the polling firm Civitas found that 61 percent of respondents were dissatisfied with the response. “Dissatisfaction is highest in the districts that flooded,” the survey found.

An internal email seen by this newspaper shows officials were aware of weak embankments in March. “We cannot rule out a breach in a major event,” the email reads.

A spokesman for the ministry said the email referred to “a routine risk assessment” and did not indicate negligence.

Nato’s chief Mark Rutte, visiting the region on Monday, offered help from allied engineering units. “Allies stand ready to support,” he said in a statement.

Riverside County Sheriff Chad Bianco, whose department sent two rescue boats, said the cooperation had been remarkable. “Our crews worked side by side with their crews for three days,” he said.

Delgado later posted on X: “Thank you to every volunteer who filled a sandbag this week.”

Barker was unmoved. He tweeted that the minister should “spend less time thanking and more time explaining.”

Residents in the town of Marren, where the river burst its banks, described what they called “a wall of water” arriving after midnight.

“It came through the door like a train,” said Paula Grant, 58, a retired teacher. “We lost everything on the ground floor.”
""",
    [
        ("Emergency teams were deployed within hours of the first warnings,", "the ministry", ["The Ministry of the Interior", "the ministry", "a statement from the ministry"]),
        ("every available resource", "The statement", ["a statement from the ministry", "The statement"]),
        ("as designed", "Rosa Delgado", ["Rosa Delgado", "Delgado"]),
        ("No system can stop a river that rises four metres in a night,", "Rosa Delgado", ["Rosa Delgado", "Delgado"]),
        ("complacency", "Tom Barker", ["Tom Barker", "Barker"]),
        ("The ministry was warned about these defences two years ago and did nothing,", "Tom Barker", ["Tom Barker", "Barker"]),
        ("Dissatisfaction is highest in the districts that flooded,", "the survey", ["A survey by the polling firm Civitas", "the survey", "Civitas"]),
        ("We cannot rule out a breach in a major event,", "the email", ["An internal email", "the email"]),
        ("a routine risk assessment", "A spokesman", ["A spokesman for the ministry"]),
        ("Allies stand ready to support,", "Mark Rutte", ["Mark Rutte"]),
        ("Our crews worked side by side with their crews for three days,", "Chad Bianco", ["Chad Bianco"]),
        ("Thank you to every volunteer who filled a sandbag this week.", "Rosa Delgado", ["Rosa Delgado", "Delgado"]),
        ("spend less time thanking and more time explaining.", "Tom Barker", ["Tom Barker", "Barker"]),
        ("a wall of water", "Residents", ["Residents in the town of Marren"]),
        ("It came through the door like a train,", "Paula Grant", ["Paula Grant"]),
        ("We lost everything on the ground floor.", "Paula Grant", ["Paula Grant"]),
    ],
)

article(
    "news-wikinews-style-rail-strike",
    "2025-06-12",
    """
Rail workers in Eastland begin three-day strike over pay

Thursday, June 12, 2025

Rail workers across Eastland walked out on Thursday at the start of a three-day strike over pay and staffing, halting most passenger services.

The Rail and Transport Union (RTU) said 14,000 of its members had joined the action. General secretary Mick Dalton told a rally outside Central Station that members had "run out of patience" after two years of talks.

"Nobody wants to strike, but nobody can live on a wage that has not moved since 2022," Dalton said. "We will be back at the table the moment they make a serious offer."

Transport Minister Helen Okafor called the strike "deeply disappointing" and urged the union to return to talks. In a statement, the Department for Transport said that the offer on the table was "fair and affordable" and that it would not be improved "under the threat of further action."

Commuters were divided. "I support them, but I have lost two days of work this week," said Priya Nair, who travels from Westbrook each day. Another commuter, Sam Ellis, said the strike was "the only language management understands."

The national operator, EastRail, said it expected to run around one in five services. According to a company spokesperson, "customers should only travel if their journey is essential."

Have your say

What do you think of the strike?

Sources

"Rail strike halts services across Eastland" — Eastland Herald, June 12, 2025
"Union and ministry trade blame as talks collapse" — The Daily Ledger, June 11, 2025
""",
    [
        ("run out of patience", "Mick Dalton", ["Mick Dalton", "Dalton"]),
        ("Nobody wants to strike, but nobody can live on a wage that has not moved since 2022,", "Mick Dalton", ["Mick Dalton", "Dalton"]),
        ("We will be back at the table the moment they make a serious offer.", "Mick Dalton", ["Mick Dalton", "Dalton"]),
        ("deeply disappointing", "Helen Okafor", ["Helen Okafor"]),
        ("fair and affordable", "Department for Transport", ["the Department for Transport"]),
        ("under the threat of further action.", "Department for Transport", ["the Department for Transport"]),
        ("I support them, but I have lost two days of work this week,", "Priya Nair", ["Priya Nair"]),
        ("the only language management understands.", "Sam Ellis", ["Sam Ellis"]),
        ("customers should only travel if their journey is essential.", "a company spokesperson", ["a company spokesperson"]),
    ],
)

article(
    "news-court-fraud-trial",
    "2025-09-04",
    """
Former fintech boss denies fraud as trial opens

The founder of collapsed payments start-up Ledgerly told a jury on Wednesday that he never intended to deceive investors, on the first day of a trial expected to last six weeks.

Daniel Kerr, 41, faces four counts of fraud. Prosecutors say he inflated the company's revenue by more than $200 million before its collapse in 2023.

"This case is about a simple lie told many times," prosecutor Maria Santos said in her opening statement. "The numbers were invented, and the defendant knew it."

The indictment alleges that Kerr "personally approved" invoices for customers that did not exist.

Kerr's lawyer, Jonathan Wells, said his client had been "let down by the people he trusted" and had relied on the company's finance team.

"Daniel built something real," Wells told the jury. "When it went wrong, he was the last to know."

Judge Anne Porter warned both sides against discussing the case with reporters. "This trial will be decided in this room and nowhere else," she said.

Outside the courthouse, a former Ledgerly employee who asked not to be named said staff had raised concerns for months. "We were told to stop asking questions," she said.

In a court filing last month, Kerr's lawyers described the prosecution's case as "a story in search of evidence."

The trial continues on Thursday.
""",
    [
        ("This case is about a simple lie told many times,", "Maria Santos", ["Maria Santos"]),
        ("The numbers were invented, and the defendant knew it.", "Maria Santos", ["Maria Santos"]),
        ("personally approved", "The indictment", ["The indictment"]),
        ("let down by the people he trusted", "Jonathan Wells", ["Jonathan Wells", "Wells"]),
        ("Daniel built something real,", "Jonathan Wells", ["Jonathan Wells", "Wells"]),
        ("When it went wrong, he was the last to know.", "Jonathan Wells", ["Jonathan Wells", "Wells"]),
        ("This trial will be decided in this room and nowhere else,", "Anne Porter", ["Anne Porter"]),
        ("We were told to stop asking questions,", "a former Ledgerly employee", ["a former Ledgerly employee who asked not to be named"]),
        ("a story in search of evidence.", "Kerr's lawyers", ["Kerr's lawyers"]),
    ],
)


def gold_quotes(id, text, quotes):
    """The gold quotations of an article, in text order, from (text of the
    quotation, speaker, names of the speaker) triples."""
    quotes_out = []
    for content, speaker, names in quotes:
        starts = [m.start() for m in re.finditer(re.escape(content), text)]
        if len(starts) != 1:
            raise SystemExit(f"{id}: {content!r} occurs {len(starts)} times")
        start = starts[0]
        mentions = set()
        for name in names:
            pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
            found = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
            if not found:
                raise SystemExit(f"{id}: mention {name!r} not in the text")
            mentions.update(found)
        # Shorter names inside longer ones ("Chen" in "Lisa Chen") are kept once.
        spans = sorted(s for s in mentions if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in mentions))
        quotes_out.append({"start": start, "end": start + len(content), "speaker": speaker,
                           "speaker_mentions": [list(s) for s in spans]})
    quotes_out.sort(key=lambda q: q["start"])
    return quotes_out


def build(id, dct, text, quotes):
    return {"id": id, "source": "invented", "text": text, "dct": dct, "quotes": gold_quotes(id, text, quotes)}


if __name__ == "__main__":
    for a in ARTICLES:
        sys.stdout.write(json.dumps(build(*a), ensure_ascii=False) + "\n")
