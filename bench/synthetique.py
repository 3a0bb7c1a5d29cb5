"""Synthetic content of the site's shape, for build benchmarks (bench_build.py).

    python bench/synthetique.py OUT_DIR N

Copies content/ to OUT_DIR and adds N articles: article k is a copy of the site's article
k mod (number of articles), in the same section folder, with its own slug, title and order,
so the synthetic site has the real mix of prose, `{{ }}` expressions, calculator blocks,
internal links, glossary anchors and headings.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("statuts", "tjm", "portage-salarial", "simulateurs")


def make(out: Path, n: int, content: Path = ROOT / "content") -> Path:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(content, out)
    sources = [p for s in SECTIONS for p in sorted((content / s).glob("*.md"))]
    for i in range(n):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        text = re.sub(r"^Title: (.*)$", lambda m, i=i: f"Title: {m.group(1)} (copie {i + 1})", text, count=1, flags=re.M)
        slug = f"{src.stem}-copie-{i + 1}"
        if re.search(r"^Slug: ", text, flags=re.M):
            text = re.sub(r"^Slug: .*$", f"Slug: {slug}", text, count=1, flags=re.M)
        else:
            text = text.replace("\n\n", f"\nSlug: {slug}\n\n", 1)
        text = re.sub(r"^Order: .*$", f"Order: {1000 + i}", text, count=1, flags=re.M)
        (out / src.parent.name / f"{slug}.md").write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    make(Path(sys.argv[1]), int(sys.argv[2]))
