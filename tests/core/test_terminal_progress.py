"""A long command's progress: redrawn in place on a terminal, a line per tenth in a log."""

from __future__ import annotations

import io

from editor.core.terminal_progress import TerminalProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_a_line_per_tenth_and_nothing_more():
    out = io.StringIO()
    bar = TerminalProgress("rendering", out)
    for step in range(101):
        bar.update(step / 100, f"{step} frames")
    bar.close()
    lines = out.getvalue().splitlines()
    assert lines[0] == "rendering: 0% 0 frames" and lines[-1] == "rendering: 100% 100 frames"
    assert len(lines) == 11


def test_a_terminal_line_is_redrawn_in_place_and_ended_once():
    out = Terminal()
    bar = TerminalProgress("pretranslate", out, width=10)
    bar.update(0.5, "5/10 lines")
    bar.update(1.5)  # more than all is all
    bar.close()
    bar.close()
    text = out.getvalue()
    assert text.startswith("\rpretranslate:  50% [#####.....] 5/10 lines")
    assert "\rpretranslate: 100% [##########]" in text
    assert text.endswith("\n") and text.count("\n") == 1


def test_nothing_drawn_nothing_ended():
    out = Terminal()
    TerminalProgress("rendering", out).close()
    assert out.getvalue() == ""
