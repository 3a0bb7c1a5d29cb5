"""Small standard-library HTML reader for the site tests (no third-party parser)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SKIPPED_DIRS = {"pagefind", "runtime"}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict
    text: str = ""
    ancestors: tuple = ()

    def inside(self, tag: str, **attrs) -> bool:
        return any(a.tag == tag and all(a.attrs.get(k) == v for k, v in attrs.items()) for a in self.ancestors)


@dataclass
class Document:
    path: Path
    elements: list[Element] = field(default_factory=list)
    title: str = ""
    lang: str | None = None

    def all(self, tag: str, **attrs) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def links_in(self, tag: str, **attrs) -> list[tuple[str, str]]:
        """(href, text) of the links inside the elements matching tag and attrs, in document order."""
        return [(a.attrs.get("href"), a.text) for a in self.all("a") if a.inside(tag, **attrs)]

    def meta(self, key: str) -> str | None:
        for e in self.elements:
            if e.tag == "meta" and (e.attrs.get("name") == key or e.attrs.get("property") == key
                                    or e.attrs.get("http-equiv") == key):
                return e.attrs.get("content")
        return None

    def json_ld(self) -> list:
        return [json.loads(e.text) for e in self.all("script", type="application/ld+json")]


class _Parser(HTMLParser):
    def __init__(self, doc: Document):
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, ancestors=tuple(self.open))
        self.doc.elements.append(element)
        if tag == "html":
            self.doc.lang = element.attrs.get("lang")
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1].tag == tag:
            self.open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                for element in self.open[index:]:
                    if element.tag != "script":
                        element.text = " ".join(element.text.split())
                    if element.tag == "title":
                        self.doc.title = element.text
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data


def parse(path: Path) -> Document:
    doc = Document(path)
    parser = _Parser(doc)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return doc


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(
        p for p in site_dir.rglob("*.html")
        if p.relative_to(site_dir).parts[0] not in SKIPPED_DIRS
    )


def url_of(site_dir: Path, path: Path) -> str:
    rel = path.relative_to(site_dir).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
