"""Build models/hi/lexicons/everyday_words.txt: frequent Hindi words, from wordfreq's Hindi data.

    pip install wordfreq && python models/tools/build_everyday_words.py

A build-time tool, not a runtime dependency: the list is shipped. Used to keep the NER model
from turning everyday words ("मॉडल", "संचालित") into places or bodies.
wordfreq (Robyn Speer et al.): code Apache-2.0, word-frequency data CC BY-SA 4.0.
"""
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "hi" / "lexicons" / "everyday_words.txt"
MIN_ZIPF = 4.0  # about once per 100,000 words of running text


def main() -> None:
    words = [w for w in top_n_list("hi", 50000) if zipf_frequency(w, "hi") >= MIN_ZIPF
             and any("\u0900" <= c <= "\u097f" for c in w)]
    header = ("# Hindi words with Zipf frequency >= 4.0, from wordfreq (Robyn Speer et al.; data CC BY-SA 4.0).\n"
              "# Rebuild: pip install wordfreq && python models/tools/build_everyday_words.py\n")
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words")


if __name__ == "__main__":
    main()
