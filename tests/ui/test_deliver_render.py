"""Deliver Series with videos, in the window's dialog on a real series with ffmpeg-made episodes: the check boxes,
the progress of each render, Cancel that stops inside a render leaving no half-made MP4, and the results that name
each video or why there is none."""

from __future__ import annotations

import pytest

from editor.core.series.store import Series
from editor.ui.deliver_dialog import DeliverDialog
from tests.delivery_series import BAND, leftovers, make_delivery_series, probe


@pytest.fixture
def series(tmp_path):
    with Series.open(make_delivery_series(tmp_path)) as opened:
        yield opened


def _results(dialog: DeliverDialog) -> dict[str, list[str]]:
    items = [dialog.results.topLevelItem(i) for i in range(dialog.results.topLevelItemCount())]
    return {item.text(0): [item.text(c) for c in range(1, 5)] for item in items}


def test_the_video_choices_belong_to_the_render_box_and_say_which_episodes_get_no_video(series, qtbot):
    dialog = DeliverDialog(series, "rita")
    qtbot.addWidget(dialog)
    assert not dialog.render_videos.isChecked() and dialog.videos() is None
    assert not dialog.cover.isEnabled() and not dialog.cover_style.isEnabled()
    assert dialog.render_videos.text() == "Also render videos with the translation burned in"
    dialog.render_videos.setChecked(True)
    assert dialog.cover.isEnabled() and not dialog.cover_style.isEnabled()
    assert "No video to render for EP03." in dialog.note.text()
    dialog.cover.setChecked(True)
    dialog.cover_style.setCurrentIndex(dialog.cover_style.findData("blur"))
    assert dialog.cover.text() == "Cover the Chinese subtitles" and dialog.cover_style.isEnabled()
    assert "No band of burned-in subtitles is known for EP04" in dialog.note.text()
    assert (dialog.videos().cover_source, dialog.videos().cover_style) == (True, "blur")
    dialog.render_videos.setChecked(False)
    assert not dialog.cover.isEnabled() and "EP04" not in dialog.note.text()


def test_deliver_with_videos_renders_off_the_gui_thread_and_lists_each_video(series, tmp_path, qtbot):
    dialog = DeliverDialog(series, "rita")
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "out"
    dialog.folder.setText(str(out))
    dialog.render_videos.setChecked(True)
    dialog.cover.setChecked(True)
    rendering: list[float] = []
    shown: list[tuple[str, int, str]] = []  # what the dialog showed at each step of the render
    dialog._runner.rendering.connect(lambda _episode, _lang, fraction: rendering.append(fraction))
    dialog._runner.rendering.connect(lambda *_: shown.append(
        (dialog.step.text(), dialog.progress.value(), dialog.progress.text())))
    with qtbot.waitSignal(dialog.delivered, timeout=60_000):
        assert dialog.start()
        assert dialog.running and dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
        assert not dialog.render_videos.isEnabled() and not dialog.cover.isEnabled()
        assert dialog.progress.isVisible() and dialog.progress.maximum() == 4 * 100
    assert rendering and rendering[-1] == 1.0 and not dialog.cancel_button.isVisible()
    assert shown[-1] == ("Rendering the video of EP01 (en): 100 %", 100, "0 of 4 episode files")
    assert not dialog.step.isVisible() and not dialog.progress.isVisible()
    facts = probe(out / "en" / "EP01.mp4")
    assert facts["streams"][0]["codec_name"] == "h264"
    rows = _results(dialog)
    assert rows["EP01"] == ["en", "Delivered", "en/EP01.srt", "en/EP01.mp4"]
    assert rows["EP02"][1] == "Refused" and rows["EP02"][3] == ""
    assert rows["EP03"][3] == "EP03 has no video to render."
    assert rows["EP04"][3].startswith("no band of burned-in subtitles is known for EP04")
    assert not dialog.results.isColumnHidden(4)
    assert "Videos rendered: 1; delivered files without a video: 2." in dialog.summary.text()
    assert dialog.delivery.report.rows[0].video_cover == BAND


def test_cancel_stops_inside_a_render_and_leaves_no_half_made_video(tmp_path, qtbot):
    with Series.open(make_delivery_series(tmp_path, seconds=60)) as series:  # long enough to cancel in the middle
        dialog = DeliverDialog(series, "rita")
        qtbot.addWidget(dialog)
        dialog.show()
        out = tmp_path / "out"
        dialog.folder.setText(str(out))
        dialog.render_videos.setChecked(True)
        dialog._runner.rendering.connect(lambda *_: dialog.cancel())  # Cancel as soon as the first render runs
        with qtbot.waitSignal(dialog.delivered, timeout=60_000):
            assert dialog.start()
        assert not dialog.running and dialog.delivery.stopped
        assert not (out / "en" / "EP01.mp4").exists() and leftovers(out) == []
        assert [(r.episode, r.video) for r in dialog.delivery.report.rows] == [("EP01", "")]
        assert dialog.summary.text().startswith("Stopped before the end")
        assert _results(dialog)["EP01"][3] == "the delivery was stopped while this video was being made."
        assert dialog.deliver_button.isEnabled() and dialog.render_videos.isEnabled() and dialog.cover.isEnabled()


def test_subtitles_only_keep_the_video_column_hidden(series, tmp_path, qtbot):
    dialog = DeliverDialog(series, "rita")
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.delivered, timeout=30_000):
        assert dialog.start()
    assert dialog.results.isColumnHidden(4) and "Videos rendered" not in dialog.summary.text()
    assert not list((tmp_path / "out" / "en").glob("*.mp4"))
