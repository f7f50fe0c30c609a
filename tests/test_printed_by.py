"""Every recorded output says which Python release and start method printed
it: snippets/printed_by.json names one for each, and every output block and
figure on the site shows it (hooks/printed_by.py, hooks/timelines.py: its title line)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from hooks import printed_by
from tests.checker.pages import all_pages
from tests.checker.snippets import ROOT, leading_snippets

_PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="page.md"))


def test_every_recorded_output_names_what_printed_it() -> None:
    outputs = {p.output_name for s in leading_snippets() for p in (s, *s.companions)}
    known = printed_by.printed_by()
    assert set(known) == outputs, (
        f"run `make outputs`: not named {sorted(outputs - set(known))}, "
        f"no longer an output {sorted(set(known) - outputs)}"
    )
    for name, entry in known.items():
        assert re.fullmatch(r"3\.\d+\.\d+t?", entry["python"]), name
        assert entry["start_method"] in {None, "fork", "spawn", "forkserver"}, name


def test_an_output_block_is_titled_with_its_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        printed_by,
        "printed_by",
        lambda: {
            "a/b.out": {"python": "3.14.10", "start_method": "forkserver"},
            "a/c.out": {"python": "3.15.2", "start_method": None},
        },
    )
    page = (
        '```console title="Output of one run"\n$ python b.py\n--8<-- "a/b.out"\n```\n\n'
        '    ```console title="一次运行的输出"\n    $ python c.py\n    --8<-- "a/c.out"\n    ```\n'
        '\nA table:\n\n--8<-- "a/c.out"\n\nText.\n'
    )
    assert printed_by.on_page_markdown(page, _PAGE, None, None) == (
        '```console title="Output of one run · Python 3.14.10 · forkserver"\n'
        '$ python b.py\n--8<-- "a/b.out"\n```\n\n'
        '    ```console title="一次运行的输出 · Python 3.15.2"\n'
        '    $ python c.py\n    --8<-- "a/c.out"\n    ```\n'
        '\nA table:\n\n--8<-- "a/c.out"\n\n<p class="printed-by">Python 3.15.2</p>\n\nText.\n'
    )
    with pytest.raises(ValueError, match="a/d.out is not in printed_by.json"):
        printed_by.on_page_markdown('```console title="x"\n--8<-- "a/d.out"\n```\n', _PAGE, 0, 0)


def test_every_output_and_figure_on_the_site_names_its_python(built_site) -> None:
    for page in all_pages():
        source = page.read_text("utf-8")
        included = len(re.findall(r'--8<-- "[^"]+\.out"', source))
        figures = len(re.findall(r"<!-- timeline: ", source))
        if not included and not figures:
            continue
        name = page.relative_to(ROOT / "docs").as_posix()
        folder = name.removesuffix(".md").replace(".zh", "")
        folder = ("zh/" if name.endswith(".zh.md") else "") + ("" if folder == "index" else folder)
        html = (built_site.path / folder / "index.html").read_text("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        titles = [t.get_text() for t in soup.select(".highlight .filename")]
        signed = [t for t in titles if re.search(r" · Python 3\.\d+\.\d+", t)]
        signed += soup.select("p.printed-by")
        signed += [s for s in soup.select(".tl-title .tl-source") if "Python 3." in s.get_text()]
        assert len(signed) == included + figures, name


def test_a_notebook_says_which_python_recorded_its_outputs(built_site) -> None:
    for folder in (
        "notebooks/gil",
        "notebooks/jupyter",
        "zh/notebooks/gil",
        "zh/notebooks/jupyter",
    ):
        html = (built_site.path / folder / "index.html").read_text("utf-8")
        signed = BeautifulSoup(html, "html.parser").select("p.printed-by")
        assert len(signed) == 1 and re.search(r"Python 3\.\d+\.\d+ · fork", signed[0].text), folder


def test_linux_default_start_method() -> None:
    assert printed_by.linux_default("3.13.18") == "fork"
    assert printed_by.linux_default("3.14.10") == "forkserver"
    assert printed_by.linux_default("3.15.2") == "forkserver"
