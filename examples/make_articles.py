#!/usr/bin/env python3
"""Writes a folder of generated (fictional) news articles to try the Dask and Spark jobs on.

    python examples/make_articles.py OUT_DIR [COUNT] [--seed N]

Each article is a plain-text file (headline, dateline, 12–22 paragraphs, about 2–4 KB) with
named people, organisations, anonymous sources and documents speaking in direct, indirect
and mixed quotations, so every kind of claim turns up. Same seed, same articles.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = ["Ana", "Tomas", "Mirela", "Joaquin", "Hedda", "Oluwaseun", "Priya", "Lars", "Ines",
         "Kofi", "Marta", "Dmitri", "Leila", "Ruben", "Sanne", "Yusuf", "Clara", "Emeka"]
LAST = ["Ruiz", "Okafor", "Lindqvist", "Baptiste", "Moreau", "Castellano", "Nakamura",
        "Halvorsen", "Adeyemi", "Varela", "Brandt", "Kowalczyk", "Ferreira", "Osei", "Duarte"]
ROLES = ["the city's water engineer", "a spokesperson for the port authority",
         "the head of the regional transit board", "a professor of hydrology",
         "the union's chief negotiator", "a council member from the east ward"]
ORGS = ["the Harbour Commission", "the Ministry of Works", "the Lantern Valley Co-operative",
        "the Northfield Transit Authority", "Brightwater Energy"]
GROUPS = ["local farmers", "engineers", "residents of the old quarter", "economists"]
ANON = ["one official familiar with the talks", "two people briefed on the plan",
        "a person close to the board"]
DOCS = ["a statement", "the draft report", "a memo seen by reporters"]
TOPICS = [("bridge", "the repairs"), ("reservoir", "the new levy"), ("tram line", "the delay"),
          ("harbour", "the dredging plan"), ("market hall", "the rent rise")]
TOWNS = ["Port Avelin", "Kessmoor", "San Orvado", "Little Hallam", "Dravik"]
CLAIMS = ["the work would finish before winter", "the budget had doubled in two years",
          "nobody had been told about the closure", "the plan was the only option left",
          "the figures did not add up", "the town could not afford another year of delays",
          "the contract would be put out to tender again"]
QUOTES = ["We will not leave people stranded", "This was always going to be hard",
          "Nobody in this room wanted it to come to this", "The numbers speak for themselves",
          "We asked for answers and got a brochure", "It is a good day for the valley",
          "I have never seen the water this high"]


def article(rng: random.Random, n: int) -> str:
    thing, issue = rng.choice(TOPICS)
    town = rng.choice(TOWNS)
    people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES))
              for _ in range(rng.randint(2, 4))]
    org = rng.choice(ORGS)
    lines = [f"{town} {thing}: questions grow over {issue} ({n})", "",
             f"{town.upper()} — Work on the {thing} stopped again this week as officials "
             f"argued over {issue}.", ""]
    for p in range(rng.randint(12, 22)):
        name, role = rng.choice(people)
        surname = name.split()[-1]
        claim, quote = rng.choice(CLAIMS), rng.choice(QUOTES)
        form = rng.randrange(9)
        if form == 0:
            s = f"“{quote},” said {name}, {role}."
        elif form == 1:
            s = f"{name}, {role}, said {claim}."
        elif form == 2:
            s = f"“{quote},” {surname} told reporters on {rng.choice(['Monday', 'Friday'])}."
        elif form == 3:
            s = f"According to {org}, {claim}."
        elif form == 4:
            s = f"{rng.choice(GROUPS).capitalize()} said {claim}."
        elif form == 5:
            s = f"{claim.capitalize()}, {rng.choice(ANON)} said."
        elif form == 6:
            s = f"{rng.choice(DOCS).capitalize()} said {claim}."
        elif form == 7:
            s = f"{surname} said the plan was “{quote.lower()}” and that {claim}."
        else:
            s = (f"The {thing} has been closed since spring, and traders near the "
                 f"{rng.choice(['square', 'station', 'quay'])} say trade has fallen.")
        filler = (f" The {thing} carries about {rng.randint(2, 40)} thousand people a day, "
                  f"and the last works ran {rng.randint(2, 9)} months over time.")
        more = (f" Officials in {town} said a decision on {issue} would come "
                f"{rng.choice(['next month', 'after the summer', 'before the budget vote'])}.")
        lines += [s + filler + (more if rng.random() < 0.5 else ""), ""]
    return "\n".join(lines)


def write(out: Path, count: int, seed: int = 7) -> list[Path]:
    """Writes `count` articles into `out` (created); returns their paths, sorted."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        path = out / f"article-{n:05d}.txt"
        path.write_text(article(rng, n), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("count", type=int, nargs="?", default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = write(args.out, args.count, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
