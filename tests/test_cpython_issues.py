"""CPython issue numbers in prose link to the issue; code and links stay as they are."""

from __future__ import annotations

from hooks.cpython_issues import link_issues


def test_an_issue_number_in_prose_is_linked() -> None:
    assert link_issues("fixed in 3.14.4 (gh-140814).") == (
        "fixed in 3.14.4 ([gh-140814](https://github.com/python/cpython/issues/140814))."
    )
    assert link_issues("（CPython 议题 gh-80334）") == (
        "（CPython 议题 [gh-80334](https://github.com/python/cpython/issues/80334)）"
    )


def test_code_and_links_are_left_alone() -> None:
    for text in (
        "`gh-140814` in code",
        "[gh-140814](https://example.org/)",
        "see https://github.com/python/cpython/issues/gh-1",
        "a-gh-12 word",
        "```\ngh-140814 in a block\n```",
        "    ```console\n    gh-140814\n    ```",
    ):
        assert link_issues(text) == text, text
