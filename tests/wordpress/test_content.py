"""Every kind of WordPress content reaches the post page: listings, players, galleries, notes."""

import pytest

from blog.models import Post

from .conftest import FIXTURES

CONTENT = FIXTURES / "content.xml"
pytestmark = pytest.mark.django_db


def page(client, wordpress_id):
    post = Post.objects.get(wordpress_id=wordpress_id)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_code_shortcodes_become_listings_with_lines_and_characters_intact(run_import, client):
    """[sourcecode], [bash], [code], [php], [html], [python]: one <pre><code> each, indentation and < & kept."""
    output = run_import(CONTENT)
    html = page(client, 201)
    assert (
        '<pre><code class="language-python">def main():\n'
        "    if a &lt; b &amp;&amp; c:\n"
        '        print("[gallery]") \n'
        "</code></pre>"
    ).replace(" \n</code>", "</code>") in html
    assert '<pre><code class="language-bash">for f in *.jpg; do\n  echo "$f" &gt; list\ndone</code></pre>' in html
    assert '<pre><code class="language-javascript">let x = 1;\nlet y = 2;</code></pre>' in html
    assert '<pre><code class="language-php">&lt;?php echo "ok"; ?&gt;</code></pre>' in html
    assert '<pre><code class="language-html">&lt;p class="x"&gt;Bonjour&lt;/p&gt;</code></pre>' in html
    assert '<pre><code class="language-python">print("ok")</code></pre>' in html
    assert "&amp;nbsp;" not in html and "<br>\nlet" not in html
    assert "6 × code listings made into <pre><code>" in output


def test_unknown_shortcodes_stay_as_text_and_are_listed_with_their_post(run_import, client):
    """A shortcode Carnet does not know is kept as text, and the report names it with its post."""
    output = run_import(CONTENT)
    assert "[pullquote]texte[/pullquote] reste" in page(client, 201)
    assert "Shortcodes Carnet does not know, left as text in the posts (1):" in output
    assert "    [pullquote] Des listings — https://old.example.org/2012/05/01/listings/" in output


def test_players_of_other_sites_become_link_cards(run_import, client):
    """Flash, [youtube], [dailymotion], [vimeo]: a link to the video's page, no player loaded from them."""
    output = run_import(CONTENT)
    html = page(client, 202)
    for url in (
        "https://www.dailymotion.com/video/x2x92r",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=InCeVCGtHak",
        "https://www.youtube.com/watch?v=zWrNCCx2p5U",
        "https://www.dailymotion.com/video/x7s94",
        "https://vimeo.com/123456",
    ):
        assert f'<p class="embed-link"><a href="{url}" rel="noopener">' in html
    assert "<object" not in html and "<embed" not in html and "<iframe" not in html
    assert "[youtube" not in html and "[dailymotion" not in html and "[vimeo" not in html
    assert "https://gist.github.com/6397201" in html and "GitHub Gist (pom.xml)" in html
    assert '<a href="https://www.flickr.com/photos/anne/123/" rel="noopener">Flickr' in html
    assert "2 × Flash players made into link cards" in output
    assert "4 × [youtube], [dailymotion], [vimeo] made into link cards" in output


def test_audio_and_video_files_become_players(run_import, client):
    """[audio], [video] and Gutenberg's <video> play in the page, with controls and a link to the file."""
    run_import(CONTENT)
    html = page(client, 202)
    uploads = "https://old.example.org/wp-content/uploads"
    assert f'<audio preload="none" src="{uploads}/2009/03/chanson.mp3" controls="controls"></audio>' in html
    assert f'<a href="{uploads}/2009/03/chanson.mp3" rel="noopener">chanson.mp3</a>' in html
    assert f'src="{uploads}/2009/03/film.mp4" poster="{uploads}/2009/03/film.jpg"' in html
    assert f'<video src="{uploads}/2020/01/clip.webm" controls="controls"></video>' in html
    assert "[audio" not in html and "[video" not in html


def test_galleries_become_figures_of_the_pictures_in_the_export(run_import, client):
    """[gallery] shows the post's attachments in their order, with captions; missing ones are reported."""
    output = run_import(CONTENT)
    html = page(client, 203)
    uploads = "https://old.example.org/wp-content/uploads/2011/08"
    lampion = (
        f'<figure><a href="{uploads}/lampion.jpg" rel="noopener"><img src="{uploads}/lampion.jpg" alt="Le lampion">'
    )
    feux = (
        f'<figure><a href="{uploads}/feux.jpg" rel="noopener"><img src="{uploads}/feux.jpg" '
        'alt="Des feux d\'artifice au-dessus du lac"></a><figcaption>Les feux sur le lac</figcaption></figure>'
    )
    assert f'<figure class="gallery">{lampion}</a></figure>{feux}</figure>' in html
    assert html.count('<figure class="gallery">') == 2  # the third names a post with no pictures
    assert "[gallery" not in html
    assert "Une galerie — https://old.example.org/2011/08/14/galerie/: 999" in output
    assert "Une galerie — https://old.example.org/2011/08/14/galerie/: a gallery with none of its pictures" in output


def test_gutenberg_footnotes_and_empty_gallery_blocks_keep_their_content(run_import, client):
    """The footnotes block lists the notes' texts; a gallery block without HTML shows its pictures."""
    run_import(CONTENT)
    html = page(client, 204)
    assert '<ol class="footnotes"><li>Selon <em>la source</em>.</li></ol>' in html
    assert html.index("lampion.jpg") < html.index("feux.jpg")
    uploads = "https://old.example.org/wp-content/uploads/2011/08"
    assert f'<img src="{uploads}/lampion.jpg" alt="Le lampion"></figure>' in html
