"""Write src/juwei/rules/stroke_table.py, the Han characters in stroke order (姓氏笔画为序), from cn_sort's data.

cn_sort (MIT, https://github.com/bmxbmx3/cn_sort) ships ``cn_sort/res/all_word.json``, in which each
character's ``stroke_increment_level`` ranks it by its number of strokes, then by its strokes in writing
order compared as 横 < 竖 < 撇 < 点 < 折 (笔顺: the first stroke, then the second, …), the order of Chinese
official lists. juwei keeps only that order, as one string, so a clerk's machine needs no compiler, no ICU
and no extra package. Run by hand when the data is to be refreshed:

    python scripts/stroke_table.py path/to/cn_sort/res/all_word.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "juwei" / "rules" / "stroke_table.py"
WIDTH = 60

HEAD = '''"""Han characters in stroke order (姓氏笔画为序): fewer strokes first, then by the strokes in writing order
(横 < 竖 < 撇 < 点 < 折, first stroke, then second, …). Written by scripts/stroke_table.py from the data of
cn_sort {version} (https://github.com/bmxbmx3/cn_sort); do not edit by hand.

The order is cn_sort's, under its MIT licence:

Copyright (c) bmxbmx3

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

ORDER = (
'''


def main(source: str, version: str = "0.14.0") -> None:
    words = json.loads(Path(source).read_text(encoding="utf-8"))["all_word"]
    rank: dict[str, int] = {}
    for entry in words:
        char = entry["chinese"]
        if len(char) == 1 and ord(char) >= 0x3400:  # Han characters; punctuation and Latin letters are not ranked
            rank[char] = entry["stroke_increment_level"]
    order = "".join(sorted(rank, key=lambda c: (rank[c], ord(c))))
    lines = [f'    "{order[i:i + WIDTH]}"\n' for i in range(0, len(order), WIDTH)]
    OUT.write_text(HEAD.format(version=version) + "".join(lines) + ")\n", encoding="utf-8")
    print(f"{OUT}: {len(order)} characters")


if __name__ == "__main__":
    main(*sys.argv[1:])
