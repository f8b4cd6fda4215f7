"""Spell checking (decision 023): loading a Debian Hunspell dictionary, checking one subtitle line, suggestions.

Each language is measured in a fresh process (a dictionary is loaded once per process: Enchant keeps it), on real
lines with markup; "check a line" is `SpellChecker.misspelled(line)` (tokenising, markup and numbers skipped,
Hunspell look-ups); "suggest" is `suggestions(word)` for misspelled words, as the context menu asks.

    .venv/bin/python -m bench spelling
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "200"))

LINES = {
    "en": ["<i>I don't think he recieved</i> the letter, Sarah.", "{\\an8}You promissed me you'd come back!",
           "Where were you last night? It's 8:30 already.", "He's the CEO of Lin Group now — well-known, too."],
    "es-419": ["¿Dónde <b>estabas</b> anoche? Te esperé hasta las 3.", "No me digas que te olbidaste de mí.",
               "¡Me prometiste que volverías, señor Li!", "Él es el director de la empresa ahora."],
    "fr": ["Je ne pense pas qu'on doive y aller ce soir.", "Tu m'avais promis que tu reviendrais !",
           "Où étais-tu hier soir ? Dis-moi pourqoui.", "C'est l'homme qui a tout perdu, aujourd’hui."],
    "de": ["Ich glaube nicht, dass wir heute Abend dorthin gehen sollten.", "Du hast mir versprochen, dass du kommst!",
           "Wo warst du gestern Abend? Ich habe dich vermist.", "Er ist jetzt der Geschäftsführer der Firma."],
    "pt-BR": ["Eu nao acho que devemos ir lá hoje à noite.", "Você me prometeu que voltaria!",
              "Onde você estava ontem à noite? Dá-lhe uma chance.", "Ele é o diretor da empresa agora."],
}
MISSPELLED = {
    "en": ["recieved", "promissed", "definately", "tommorow", "seperate", "wierd", "untill", "beleive"],
    "es-419": ["olbidaste", "prometistes", "esperé", "ayer", "haber", "dirctor", "empressa", "noxe"],
    "fr": ["pourqoui", "reviendrrais", "aujourdhui", "personel", "dévelopement", "apeller", "boujour", "soire"],
    "de": ["vermist", "versprochn", "Geschäftsfürer", "gestren", "Abned", "Frima", "dorhtin", "glaubt"],
    "pt-BR": ["nao", "prometeo", "voltaira", "diretro", "empressa", "ontm", "noitte", "chanse"],
}

CHILD = """
import json, resource, statistics, sys, time
tag, runs = sys.argv[1], int(sys.argv[2])
lines, misspelled = json.loads(sys.argv[3]), json.loads(sys.argv[4])
from editor.services.spelling import SpellChecker
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Qt already loaded; Enchant and the dictionary not yet
start = time.perf_counter()
checker = SpellChecker(tag)
load = time.perf_counter() - start
assert checker.available, checker.note
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
checks = []
for _ in range(runs):
    for line in lines:
        t = time.perf_counter()
        checker.misspelled(line)
        checks.append(time.perf_counter() - t)
suggest = []
for word in misspelled:
    t = time.perf_counter()
    checker.suggestions(word)
    suggest.append(time.perf_counter() - t)
checks.sort()
print(json.dumps({"dictionary": checker.dictionary, "load": load, "check_median": statistics.median(checks),
                  "check_p99": checks[int(len(checks) * 0.99)], "suggest_median": statistics.median(suggest),
                  "suggest_max": max(suggest), "rss_mb": (rss1 - rss0) / 1024}))
"""


def measure(tag: str) -> dict[str, float | str]:
    out = subprocess.run([sys.executable, "-c", CHILD, tag, str(RUNS), json.dumps(LINES[tag]),
                          json.dumps(MISSPELLED[tag])], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(out: Path) -> str:
    rows = ["| language | dictionary | load (ms) | check a line, median / p99 (ms) | suggest, median / max (ms) "
            "| memory (MB) |", "|---|---|---:|---:|---:|---:|"]
    for tag in LINES:
        r = measure(tag)
        rows.append(f"| {tag} | {r['dictionary']} | {float(r['load']) * 1000:.0f} | "
                    f"{float(r['check_median']) * 1000:.3f} / {float(r['check_p99']) * 1000:.3f} | "
                    f"{float(r['suggest_median']) * 1000:.0f} / {float(r['suggest_max']) * 1000:.0f} | "
                    f"{float(r['rss_mb']):.0f} |")
    load = os.getloadavg()[0]
    return "\n".join(rows) + f"\n\nload average {load:.2f}; {RUNS} runs of {len(LINES['en'])} lines per language"


if __name__ == "__main__":
    print(main(Path("bench/out")))
