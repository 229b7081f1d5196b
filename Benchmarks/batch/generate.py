#!/usr/bin/env python3
"""Writes N English news articles (varied length) into DIR/NNN/article-NNNNN.txt, 100 per folder.

    generate.py DIR N [--seed S]

The text is built from sentence templates written for this benchmark, with slots filled from small lists, plus the
sentences of Tests/BriefTests/Fixtures/articles/en.txt. The same N and seed always give the same files.
"""
import argparse
import pathlib
import random
import re

CITIES = ["NAIROBI", "KYIV", "DHAKA", "LAGOS", "KABUL", "YANGON", "CARACAS", "ADDIS ABABA", "PHNOM PENH", "TBILISI",
          "ISLAMABAD", "HARARE", "BAMAKO", "PORT-AU-PRINCE", "JAKARTA", "KINSHASA", "TEHRAN", "MOGADISHU"]
COUNTRIES = ["Kenya", "Ukraine", "Bangladesh", "Nigeria", "Afghanistan", "Myanmar", "Venezuela", "Ethiopia",
             "Cambodia", "Georgia", "Pakistan", "Zimbabwe", "Mali", "Haiti", "Indonesia", "Congo", "Iran", "Somalia"]
PEOPLE = ["Amina Yusuf", "Daniel Whitmore", "Oleksandr Melnyk", "Farida Rahman", "Chinedu Okafor", "Maria Lopez",
          "Sok Dara", "Nino Beridze", "Tendai Moyo", "Ibrahim Traore", "Siti Rahayu", "Reza Karimi", "Hodan Ali"]
ROLES = ["the health minister", "a government spokesman", "the opposition leader", "the central bank governor",
         "a senior U.N. official", "the regional governor", "an election observer", "the finance minister",
         "a local aid worker", "the police chief", "an economist at the national university"]
ORGS = ["the World Bank", "the International Monetary Fund", "the World Health Organization", "UNICEF",
        "the African Union", "the European Union", "the Red Cross", "Doctors Without Borders", "the U.N. Security Council"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["floods", "the election", "the drought", "fuel prices", "the cholera outbreak", "the peace talks",
          "the teachers' strike", "the new budget", "the power cuts", "the refugee crisis", "the wheat harvest"]

TEMPLATES = [
    "{city} — {country} declared a state of emergency on {day} after {topic} forced thousands of families from their homes.",
    "{person}, {role}, said the government would spend ${n} million over the next {m} months to respond to {topic}.",
    "Officials said at least {n} people had been killed and {m} more were missing.",
    "The announcement came a day after {org} warned that {topic} could push {n} million people into poverty.",
    "\"We cannot wait for the next crisis to act,\" {person} told reporters in the capital.",
    "Critics said the plan came too late and did little for the poorest districts.",
    "Prices of bread and cooking oil have risen by {n} percent since January, according to the statistics office.",
    "{org} said it had sent {n} tons of food and medicine to the worst-hit provinces.",
    "Schools in {m} districts remained closed on {day}, and many roads were still under water.",
    "The opposition called for protests on {day}, accusing the government of mismanaging {topic}.",
    "Police said they had arrested {n} people during clashes near the parliament building.",
    "{person} said the talks with {org} had been \"difficult but useful\" and would resume next week.",
    "Analysts said {topic} had exposed long-standing weaknesses in the country's public services.",
    "The central bank raised its main interest rate to {n} percent, the highest level in {m} years.",
    "Farmers in the north said they had lost most of their crops and feared a second bad season.",
    "Hospitals reported a sharp rise in patients, and some clinics ran short of clean water and fuel.",
    "The government has promised to publish a full report on {topic} before the end of the year.",
    "Neighboring countries have offered help, and {org} is expected to hold an emergency meeting on {day}.",
    "Turnout in the first round was about {n} percent, according to the electoral commission.",
    "Residents described long lines at gas stations and power cuts lasting up to {m} hours a day.",
    "{person} rejected the accusations and said the figures had been taken out of context.",
    "The World Food Program said it needed ${n} million to keep feeding refugees through the rainy season.",
    "Journalists were not allowed into the area, and the figures could not be independently verified.",
    "Teachers have not been paid for {m} months, union leaders said, and many have left for the cities.",
    "The agreement still needs the approval of parliament, which is expected to vote on it next month.",
    "Doctors warned that the number of cholera cases could double within {m} weeks without clean water.",
    "In a statement, {org} urged all sides to protect civilians and allow aid to reach those in need.",
    "Exports of coffee and tea, the country's main sources of foreign currency, fell by {n} percent last year.",
    "The president is due to address the nation on {day} evening, his office said.",
    "Many of the displaced are staying in schools and churches, where food and blankets are running low.",
    "Dr. {person} of the national university said the data showed a clear trend over the past decade.",
    "Heavy rain is forecast to continue for at least {m} more days across the region.",
    "The U.S. State Department said it was following the situation closely and called for calm.",
    "Some {n},000 soldiers have been deployed to help with rescue work, the defense ministry said.",
    "Independent monitors said voting was largely peaceful, though some polling stations opened hours late.",
    "The currency has lost a third of its value against the dollar since March.",
    "Aid groups say funding for the response is less than half of what is needed.",
    "Local radio stations broadcast safety advice in {m} languages, officials said.",
    "The last time {topic} hit the country this hard was in {year}, when hundreds of people died.",
    "Talks between the two sides broke down in {year} and have resumed only twice since then.",
]

HEADLINES = ["{country} Struggles With {Topic}", "Thousands Displaced as {Topic} Worsens in {country}",
             "{org_title} Warns of Rising Hunger in {country}", "{country} Votes Amid Tension Over {Topic}",
             "Prices Climb in {country} as {Topic} Drags On", "{person} Promises Help for Victims of {Topic}"]


def fixture_sentences(repository: pathlib.Path) -> list[str]:
    text = (repository / "Tests/BriefTests/Fixtures/articles/en.txt").read_text(encoding="utf-8")
    body = " ".join(text.split("\n")[1:])
    pieces, sentences = re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", body), []
    for piece in pieces:  # rejoin what split after an abbreviation ("the U.N. World Food Program")
        if sentences and re.search(r"\b(?:U\.N|U\.S|Dr|Mr|Mrs|Sept|Jan|Feb)\.$", sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece.strip())
    return [s for s in sentences if len(s.split()) > 5 and " — " not in s]


def article(rng: random.Random, extra: list[str]) -> str:
    slots = lambda: dict(city=rng.choice(CITIES), country=rng.choice(COUNTRIES), person=rng.choice(PEOPLE),
                         role=rng.choice(ROLES), org=rng.choice(ORGS), day=rng.choice(DAYS), topic=rng.choice(TOPICS),
                         n=rng.randint(2, 950), m=rng.randint(2, 30), year=rng.randint(1985, 2019))
    first = slots()
    headline = rng.choice(HEADLINES).format(Topic=first["topic"].replace("the ", "").title(),
                                            org_title=first["org"].replace("the ", "").title(), **first)
    # Lengths from a short brief to a long feature: mostly 8-25 sentences, some up to 70.
    count = min(70, max(3, int(rng.lognormvariate(2.7, 0.55))))
    sentences = [TEMPLATES[0].format(**first)]
    while len(sentences) < count:
        if rng.random() < 0.15:
            sentences.append(rng.choice(extra))
        else:
            values = first if rng.random() < 0.5 else slots()
            sentences.append(rng.choice(TEMPLATES[1:]).format(**values))
    paragraphs, index = [], 0
    while index < len(sentences):
        size = rng.randint(1, 4)
        paragraphs.append(" ".join(sentences[index:index + size]))
        index += size
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()
    repository = pathlib.Path(__file__).resolve().parents[2]
    extra = fixture_sentences(repository)
    rng = random.Random(args.seed)
    words = 0
    for number in range(args.count):
        path = args.folder / f"{number // 100:03d}" / f"article-{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = article(rng, extra)
        words += len(text.split())
        path.write_text(text, encoding="utf-8")
    print(f"{args.count} articles, {words / args.count:.0f} words on average, in {args.folder}")


if __name__ == "__main__":
    main()
