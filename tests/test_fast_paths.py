"""Every fast path for the common case gives exactly what the general code gives."""

from urllib.parse import urlsplit

from hypothesis import given
from hypothesis import strategies as st

from catlint import knowledge, table, values
from catlint.knowledge import load_knowledge, split_link

url_chars = st.sampled_from(list("abcXYZ019.-_~/?#&=%:@[] \t\u00e9"))
urls = st.one_of(
    st.builds(lambda scheme, host, rest: f"{scheme}://{host}{rest}", st.sampled_from(["http", "https", "HTTPS", "ftp"]),
              st.text(st.sampled_from(list("abcXYZ019.-")), min_size=0, max_size=12), st.text(url_chars, max_size=20)),
    st.text(url_chars, max_size=30),
)


def slow_split_link(link: str) -> tuple[str, str, str]:
    try:
        parts = urlsplit(link if "://" in link else "//" + link)
        return (parts.hostname or ""), parts.path, parts.query
    except ValueError:
        return "", "", ""


@given(urls)
def test_split_link_agrees_with_urlsplit(link):
    assert split_link(link) == slow_split_link(link)


@given(st.text(st.sampled_from(list("ab |\t:-é")), max_size=40))
def test_plain_pipe_split_agrees_with_the_general_one(line):
    assert table._plain_bounds(line) == table._cell_bounds(line)


words = st.sampled_from(["X-ray", "x ray", "CT", "ct", "MRI", "fMRI", "retinal", "chest", "Brain", "data", "Atlas", "Xrays", "MR2"])


@given(st.lists(st.one_of(words, st.text(st.sampled_from(list("aXr- _.(")), max_size=6)), max_size=8).map(" ".join))
def test_known_words_are_found_as_the_word_pattern_finds_them(name):
    known = load_knowledge()
    slow = [match.group() for match in known._word_pattern.finditer(name)]
    assert [word for word, _ in known.words_in(name)] == [word for word in slow if knowledge._word_key(word) in known.word_entries]


@given(st.text(max_size=30))
def test_clean_text_fast_path_agrees_with_the_general_one(text):
    general = values._SPACES.sub(" ", text.translate(values._INVISIBLE_TABLE)).strip()
    assert values.clean_text(text) == general
