"""The timeline draws cues in state colours, seeks on click, zooms on the wheel, retimes by drag in one step."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import RejectCategory, Rejection, Severity, State
from editor.core.store import Project, ProjectMeta
from editor.services.waveform import Peaks
from editor.ui.session import ReviewSession
from editor.ui.timeline import STATE_COLORS, TimelineWidget
from editor.ui.timeline_model import CueDrag, CueIndex, DragMode
from editor.ui.timeline_paint import PLAYHEAD, WAVE_FG

STATES = [State.UNTRANSLATED, State.MT_DRAFT, State.TRANSLATED, State.APPROVED, State.REJECTED, State.STALE]
LANE_Y = 160 - 44 + 22  # middle of the cue lane of a 160 px high widget
WAVE_Y = 60


@pytest.fixture
def session(tmp_path, qtbot):
    # cue i (1..6) spans 1000 + 2000 (i - 1) .. + 1500 ms: at 10 ms/px, x = 100 + 200 (i - 1) .. + 150
    cues = [Cue(i, 1000 + (i - 1) * 2000, 2500 + (i - 1) * 2000, f"源{i}",
                "" if STATES[i - 1] is State.UNTRANSLATED else f"Line {i}", STATES[i - 1]) for i in range(1, 7)]
    project = Project.create(tmp_path / "p.subrev", cues, ProjectMeta(), actor="setup")
    s = ReviewSession(project, "ann")
    yield s
    s.close()


@pytest.fixture
def timeline(session, qtbot) -> TimelineWidget:
    widget = TimelineWidget(session)
    qtbot.addWidget(widget)
    widget.resize(800, 160)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_view(0, 10)
    return widget


def _pixel(widget: TimelineWidget, x: int, y: int) -> QColor:
    return QColor(widget.grab().toImage().pixel(x, y))


def _move(widget: TimelineWidget, x: int, y: int = LANE_Y, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    pos = QPointF(x, y)
    event = QMouseEvent(QEvent.Type.MouseMove, pos, widget.mapToGlobal(pos), Qt.MouseButton.NoButton,
                        Qt.MouseButton.LeftButton, modifiers)
    QApplication.sendEvent(widget, event)


def _drag(qtbot, widget: TimelineWidget, x0: int, x1: int, y: int = LANE_Y) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(x0, y))
    _move(widget, (x0 + x1) // 2, y)
    _move(widget, x1, y)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(x1, y))


def _wheel(widget: TimelineWidget, x: int, dy: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    pos = QPointF(x, WAVE_Y)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, dy), Qt.MouseButton.NoButton,
                        modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_blocks_are_painted_in_their_state_colours_at_their_times(timeline):
    assert not timeline.grab().isNull()
    for i in range(1, 5):
        assert _pixel(timeline, 100 + 200 * (i - 1) + 4, LANE_Y - 14).name() == STATE_COLORS[STATES[i - 1]]
    timeline.set_view(6000, 10)  # cues 5 and 6 at x = 300 and 500
    assert _pixel(timeline, 304, LANE_Y - 14).name() == STATE_COLORS[State.REJECTED]
    assert _pixel(timeline, 504, LANE_Y - 14).name() == STATE_COLORS[State.STALE]
    assert _pixel(timeline, 280, LANE_Y - 14).name() not in STATE_COLORS.values()  # the gap between them


def test_waveform_playhead_and_current_cue_are_drawn(timeline):
    loud = np.full(300, 20000, np.int16)
    quiet = np.zeros(500, np.int16)
    timeline.set_peaks(Peaks(100, np.concatenate([-loud, quiet]), np.concatenate([loud, quiet]), 8000))
    image = timeline.grab().toImage()
    wave_pixels = [sum(QColor(image.pixel(x, y)) == WAVE_FG for y in range(20, 116)) for x in (150, 500)]
    assert wave_pixels[0] > 70 and wave_pixels[1] <= 2
    timeline.set_playhead(2300)
    assert _pixel(timeline, 230, WAVE_Y + 30) == PLAYHEAD
    timeline.set_current_cue(3)
    assert _pixel(timeline, 500, LANE_Y).lightness() > 200  # white border of the current block


def test_click_on_empty_area_seeks_and_on_a_block_selects_it(timeline, qtbot):
    with qtbot.waitSignal(timeline.seek_requested) as seek:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(230, WAVE_Y))
    assert seek.args == [2300]
    with qtbot.waitSignal(timeline.seek_requested) as seek:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(280, LANE_Y))  # lane, between blocks
    assert seek.args == [2800]
    events: list[tuple[str, int]] = []
    timeline.cue_clicked.connect(lambda cue_id: events.append(("cue", cue_id)))
    timeline.seek_requested.connect(lambda ms: events.append(("seek", ms)))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(575, LANE_Y))
    assert events == [("cue", 3), ("seek", 5000)]  # a block seeks to its start


def test_wheel_zooms_around_the_pointer_and_shift_wheel_scrolls(timeline, qtbot):
    timeline.set_view(1000, 10)
    with qtbot.waitSignal(timeline.view_changed):
        _wheel(timeline, 400, 120)
    assert timeline.ms_per_px < 10
    assert timeline.view_range()[0] + 400 * timeline.ms_per_px == pytest.approx(5000)  # same time under pointer
    mpp, start = timeline.ms_per_px, timeline.view_range()[0]
    _wheel(timeline, 400, -120, Qt.KeyboardModifier.ShiftModifier)
    assert timeline.ms_per_px == mpp and timeline.view_range()[0] > start


def test_dragging_empty_area_pans_without_seeking(timeline, qtbot):
    timeline.set_view(2000, 10)
    seeks: list[int] = []
    timeline.seek_requested.connect(seeks.append)
    _drag(qtbot, timeline, 400, 300, WAVE_Y)
    assert timeline.view_range()[0] == 3000 and seeks == []


def test_dragging_a_block_previews_then_makes_one_undo_step(timeline, session, qtbot):
    revision = session.doc.revision
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(350, LANE_Y))
    _move(timeline, 365)
    _move(timeline, 380)
    assert session.doc.get(2).start_ms == 3000 and session.doc.revision == revision  # only a preview
    assert _pixel(timeline, 455, LANE_Y - 14).name() == STATE_COLORS[State.MT_DRAFT]  # preview drawn moved
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(380, LANE_Y))
    cue = session.doc.get(2)
    assert (cue.start_ms, cue.end_ms) == (3300, 4800) and cue.state is State.STALE
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Retime line 2"
    session.undo_stack.undo()
    assert (session.doc.get(2).start_ms, session.doc.get(2).end_ms) == (3000, 4500)
    assert _pixel(timeline, 304, LANE_Y - 14).name() == STATE_COLORS[State.MT_DRAFT]


def test_a_block_dragged_into_its_neighbour_keeps_the_minimum_gap(timeline, session, qtbot):
    timeline.min_gap_ms = 83
    _drag(qtbot, timeline, 350, 520)
    cue, neighbour = session.doc.get(2), session.doc.get(3)
    assert cue.end_ms == neighbour.start_ms - 83 and cue.end_ms - cue.start_ms == 1500
    _drag(qtbot, timeline, 180, 0)  # cue 1 dragged left past zero
    assert session.doc.get(1).start_ms == 0 and session.undo_stack.count() == 2


def test_edges_resize_within_their_limits(timeline, session, qtbot):
    _drag(qtbot, timeline, 301, 281)  # start edge of cue 2 left by 20 px
    assert (session.doc.get(2).start_ms, session.doc.get(2).end_ms) == (2800, 4500)
    _drag(qtbot, timeline, 449, 479)  # end edge right by 30 px
    assert (session.doc.get(2).start_ms, session.doc.get(2).end_ms) == (2800, 4800)
    _drag(qtbot, timeline, 479, 100)  # end edge far left: the minimum duration holds
    assert session.doc.get(2).end_ms == 2800 + timeline.min_duration_ms
    _drag(qtbot, timeline, 501, 200)  # start edge of cue 3 into cue 2: stops at the gap
    assert session.doc.get(3).start_ms == 2800 + timeline.min_duration_ms + timeline.min_gap_ms
    assert session.undo_stack.count() == 4
    for _ in range(4):
        session.undo_stack.undo()
    assert [(c.start_ms, c.end_ms) for c in session.doc][1:3] == [(3000, 4500), (5000, 6500)]


@pytest.mark.parametrize("fps", [25.0, 29.97])
def test_dragged_edges_and_blocks_land_on_the_videos_frames(timeline, session, qtbot, fps):
    from editor.core.frames import frame_index, frame_start

    timeline.fps = fps
    timeline.set_view(0, 7.3)  # a zoom where a pixel is no whole number of frames

    def on_frame(ms: int) -> bool:
        return frame_start(frame_index(ms, fps), fps) == ms

    x = round(3000 / 7.3)
    _drag(qtbot, timeline, x + 30, x + 47)  # cue 2 moved by ~124 ms
    cue = session.doc.get(2)
    assert on_frame(cue.start_ms) and on_frame(cue.end_ms) and cue.start_ms != 3000
    end_x = round(cue.end_ms / 7.3)
    _drag(qtbot, timeline, end_x - 1, end_x + 23)  # its end edge by ~170 ms
    assert on_frame(session.doc.get(2).end_ms) and session.doc.get(2).end_ms > cue.end_ms
    start_x = round(cue.start_ms / 7.3)
    _drag(qtbot, timeline, start_x + 1, start_x - 19)  # its start edge by ~140 ms
    assert on_frame(session.doc.get(2).start_ms) and session.doc.get(2).start_ms < cue.start_ms


def test_without_a_frame_rate_edges_move_by_the_millisecond(timeline, session, qtbot):
    timeline.set_view(0, 7.3)
    x = round(3000 / 7.3)
    _drag(qtbot, timeline, x + 30, x + 47)
    assert session.doc.get(2).start_ms == 3000 + round(17 * 7.3)


def test_escape_cancels_a_drag(timeline, session, qtbot):
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(350, LANE_Y))
    _move(timeline, 380)
    qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    _move(timeline, 400)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(400, LANE_Y))
    assert session.doc.get(2).start_ms == 3000 and session.undo_stack.count() == 0
    assert _pixel(timeline, 304, LANE_Y - 14).name() == STATE_COLORS[State.MT_DRAFT]


def test_edges_snap_to_the_playhead_unless_alt_is_held(timeline, session, qtbot):
    timeline.set_playhead(4620)
    _drag(qtbot, timeline, 449, 460)  # +110 ms would end at 4610; the playhead is 1 px away
    assert session.doc.get(2).end_ms == 4620
    session.undo_stack.undo()
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(449, LANE_Y))
    _move(timeline, 460, modifiers=Qt.KeyboardModifier.AltModifier)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(460, LANE_Y))
    assert session.doc.get(2).end_ms == 4610


def test_session_changes_repaint_the_affected_block(timeline, session):
    session.apply(edits.SetTiming(3, 5500, 7000))
    assert _pixel(timeline, 520, LANE_Y - 14).name() not in STATE_COLORS.values()
    assert _pixel(timeline, 554, LANE_Y - 14).name() == STATE_COLORS[State.STALE]
    session.apply(edits.SetState(4, State.REJECTED, Rejection(RejectCategory.TYPING, Severity.MINOR)))
    assert _pixel(timeline, 704, LANE_Y - 14).name() == STATE_COLORS[State.REJECTED]


def test_the_view_pages_along_with_a_playing_head(timeline, qtbot):
    timeline.set_playhead(7900)
    assert timeline.view_range()[0] == 0
    with qtbot.waitSignal(timeline.view_changed):
        timeline.set_playhead(8100)
    start, end = timeline.view_range()
    assert start < 8100 < end and start > 7000
    timeline.set_view(0, 10)  # the user looks elsewhere: the head does not pull the view back
    timeline.set_playhead(8200)
    assert timeline.view_range()[0] == 0
    timeline.set_duration(60_000)
    timeline.ensure_visible(20_000)
    assert timeline.view_range()[0] <= 20_000 <= timeline.view_range()[1]


def test_index_queries_only_the_visible_range_and_tolerates_overlaps():
    cues = [Cue(1, 0, 1000), Cue(2, 900, 3000), Cue(3, 5000, 6000)]
    index = CueIndex(cues)
    assert [index.ids[i] for i in index.visible(950, 1200)] == [1, 2]
    assert [index.ids[i] for i in index.visible(3500, 4000)] == []
    drag = CueDrag.begin(index, cues[1], DragMode.MOVE, min_gap=83, min_duration=40)
    assert drag.result(-500) == (900, 3000)  # already overlapping: it may stay but not move closer
    assert drag.result(5000) == (2817, 4917)


def test_blocks_show_text_as_the_viewer_reads_it():
    from editor.ui.timeline_paint import block_text

    assert block_text("{\\an8}<i>Lin Group\nHQ</i>", "林氏集团") == "Lin Group / HQ"
    assert block_text("<i></i>", "<b>林氏</b>集团") == "林氏集团"


def test_shot_changes_are_drawn_and_dragged_edges_snap_to_them(timeline, session, qtbot):
    from editor.ui.timeline_paint import SHOT_CHANGE

    timeline.fps = 25.0
    timeline.min_gap_ms = 80
    timeline.set_shot_changes((2880, 4960))
    wave_and_lane = [_pixel(timeline, 288, y).name() for y in (WAVE_Y, LANE_Y + 20)]
    assert SHOT_CHANGE.name() in wave_and_lane  # the cut at 2880 ms, at 10 ms a pixel
    _drag(qtbot, timeline, 301, 290)  # cue 2's start edge (3000) dragged to ~2890: within reach of the cut
    assert session.doc.get(2).start_ms == 2880
    _drag(qtbot, timeline, 449, 467)  # its end edge (4500) dragged by 180 ms: no cut near, stays at the pointer
    assert session.doc.get(2).end_ms == 4680
    _drag(qtbot, timeline, 467, 485)  # then to ~4860: ends two frames before the cut at 4960
    assert session.doc.get(2).end_ms == 4960 - 80
