"""The shared fixtures work: the built site is served on 127.0.0.1 with the right types."""

import urllib.request


def test_site_is_served_with_the_types_the_browser_needs(site_dir, site_url):
    assert (site_dir / "index.html").is_file()
    with urllib.request.urlopen(f"{site_url}/") as response:
        assert response.headers["Content-Type"].startswith("text/html")
        assert b'<html lang="fr"' in response.read()
    with urllib.request.urlopen(f"{site_url}/theme/js/recherche.js") as response:
        assert response.headers["Content-Type"] == "text/javascript"
