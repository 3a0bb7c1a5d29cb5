"""Réglages Pelican du site Cadre Libre (développement et tests).

Settings only: the logic lives in plugins/ and theme/. publishconf.py
imports this file and overrides what changes in production.
"""

import re

from markdown.extensions.toc import slugify as _slugify

AUTHOR = "Cadre Libre"
SITENAME = "Cadre Libre"
SITE_DESCRIPTION = (
    "Guide indépendant pour les cadres qui veulent devenir indépendants\u202f: "
    "portage salarial, micro-entreprise, EURL, SASU ou salariat, "
    "avec des simulateurs qui calculent dans votre navigateur."
)
SITEURL = ""  # root-relative links in development; publishconf.py sets the public URL
PATH = "content"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
# A French-only site: no article is the translation of another, so two articles
# of different sections may share a slug (statuts/sasu and simulateurs/sasu).
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
LOCALE = ("C.UTF-8", "C")  # dates are formatted in French by plugins/habillage, not by the system locale
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# --- Theme and plugins -------------------------------------------------------
THEME = "theme"
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"]
# Each build makes its own template environments (make serve's rebuilds included): a template
# need not be checked for changes on disk at each of its 6 800 uses (includes) within a build.
JINJA_ENVIRONMENT = {"auto_reload": False}
PLUGIN_PATHS = ["plugins"]
# `verifications` hooks itself after every other plugin (see its docstring), its place here does not matter.
PLUGINS = ["sitemap", "habillage", "rubriques", "publication", "recherche", "verifications", "calculateurs"]

# Sections of the guide, in menu order. Each is a Pelican category (one content folder each);
# its introduction is written in content/rubriques/<slug>.md (see README).
RUBRIQUES = ["Statuts", "TJM", "Portage salarial", "Simulateurs"]
RUBRIQUES_PATH = "rubriques"

# --- Content -----------------------------------------------------------------
ARTICLE_PATHS = ["statuts", "tjm", "portage-salarial", "simulateurs"]
PAGE_PATHS = ["pages"]
ARTICLE_EXCLUDES = [RUBRIQUES_PATH]
PAGE_EXCLUDES = [RUBRIQUES_PATH]
STATIC_PATHS = ["images"]  # content/images/: pictures and files linked with {static}
IGNORE_FILES = [".#*", ".gitkeep"]


def ordre_des_articles(article):
    """Newest first; on the same date, by URL.  Pelican's default (« reversed-date ») keeps
    articles of the same date in the order their files were found, which is that of a set of
    paths: it changed from one build to the next (the feed, the lists of a section)."""
    return (-article.date.timestamp(), article.url)


ARTICLE_ORDER_BY = ordre_des_articles
USE_FOLDER_AS_CATEGORY = False  # Category is required in the front matter (checked by plugins/verifications)
DEFAULT_CATEGORY = "Non classé"
DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = None
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = []
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Metadata every content file must have (plugins/verifications fails the build otherwise).
METADONNEES_REQUISES = {
    "article": ["title", "date", "summary", "category"],
    "page": ["title", "summary"],
}

# --- URLs: /<rubrique>/<slug>/, /<rubrique>/, /<page>/ -------------------------
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
DRAFT_URL = "brouillons/{category}/{slug}/"
DRAFT_SAVE_AS = "brouillons/{category}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
TAG_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "404"]
INDEX_SAVE_AS = "index.html"
SLUG_REGEX_SUBSTITUTIONS = [
    (r"['’]", "-"),  # l’entreprise -> l-entreprise
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

# --- Feeds and sitemap --------------------------------------------------------
FEED_DOMAIN = "http://127.0.0.1:8000"  # absolute URLs inside the feed; publishconf.py sets the public one
FEED_ALL_ATOM = "feeds/tout.atom.xml"
CATEGORY_FEED_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 30
RSS_FEED_SUMMARY_ONLY = True
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.8, "indexes": 0.6, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "weekly", "pages": "yearly"},
    "exclude": ["404.html", "brouillons/"],
}

# --- Markdown ------------------------------------------------------------------


def slug_fr(value, separator):
    """Heading anchors: accents dropped, apostrophes as separators ("Qu’est-ce" -> "qu-est-ce")."""
    return _slugify(re.sub(r"['’]", " ", value), separator)


MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {"footnotes": {"BACKLINK_TITLE": "Retour à la note %d dans le texte"}},
        "markdown.extensions.toc": {
            "permalink": "#",
            "permalink_title": "Lien direct vers cette section",
            "slugify": slug_fr,
            "toc_depth": "2-3",
        },
        "markdown.extensions.admonition": {},
        "markdown.extensions.attr_list": {},
        "markdown.extensions.codehilite": {"css_class": "code", "use_pygments": False},
    },
    "output_format": "html5",
}

# --- Privacy and security -------------------------------------------------------
# Same policy in the <meta> tag of every page and in output/_headers (frame-ancestors only
# works as an HTTP header, so plugins/publication adds it there).
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
CSP_HEADER_EXTRA = "frame-ancestors 'none'"
# Paths the static host may cache forever (their names change with their content).
CACHE_IMMUABLE = ["/runtime/*"]

# --- Search (Pagefind, plugins/recherche) ---------------------------------------
PAGEFIND = True
PAGEFIND_LANGUE = "fr"

RELATIVE_URLS = False

# Pages linked from the footer, by slug, in this order (a slug without a published page is skipped).
PIED_DE_PAGE = ["a-propos", "methodologie", "glossaire", "faq", "plan-du-site", "accessibilite", "mentions-legales"]
