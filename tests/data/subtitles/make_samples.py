"""Regenerate the small sample subtitle files in this directory: `python make_samples.py`.

The generated files are kept in the repository; the tests read them as real files.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

SIMPLIFIED = [
    "你怎么会在这里？",
    "我早就告诉过你，不要再来找我了。",
    "这件事跟你没有关系，你走吧。",
    "妈，我回来了！\n今天公司发生了一件大事。",
    "总裁说了，三天之内必须把合同签下来。",
    "你以为你是谁？不过是一个小小的助理而已。",
    "对不起，是我错了，请你原谅我这一次。",
    "林小姐，董事长请您去一趟办公室。",
]
TRADITIONAL = [
    "你怎麼會在這裡？",
    "我早就告訴過你，不要再來找我了。",
    "這件事跟你沒有關係，你走吧。",
    "媽，我回來了！\n今天公司發生了一件大事。",
    "總裁說了，三天之內必須把合約簽下來。",
    "你以為你是誰？不過是一個小小的助理而已。",
    "對不起，是我錯了，請你原諒我這一次。",
    "林小姐，董事長請您去一趟辦公室。",
]
KOREAN = [
    "여기서 뭐 하는 거야?",
    "다시는 나를 찾아오지 말라고 했잖아.",
    "이 일은 너와 상관없어. 가.",
    "엄마, 나 왔어! 오늘 회사에 큰일이 났어.",
]
JAPANESE = [
    "どこにいたの？ずっと探していたんだよ。",
    "ごめんなさい、私が悪かった。",
    "社長が三日以内に契約を結べと言っている。",
]
FRENCH = [
    "Où étais-tu passé ? Je t'ai cherché partout.",
    "Ça ne te regarde pas, va-t'en.",
    "Désolée, c'est ma faute. Pardonne-moi cette fois.",
]


def srt(texts: list[str], step_ms: int = 2500, length_ms: int = 2000) -> str:
    """A plain, valid SRT with one cue per text, "\\n" endings."""
    blocks = []
    for index, text in enumerate(texts, 1):
        start = index * step_ms
        blocks.append(f"{index}\n{clock(start)} --> {clock(start + length_ms)}\n{text}\n")
    return "\n".join(blocks)


def clock(ms: int, sep: str = ",") -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{sep}{millis:03d}"


FILES: dict[str, bytes] = {
    "gbk_simplified.srt": srt(SIMPLIFIED).encode("gbk"),
    # "𠮷" (U+20BB7) is outside GBK: GB18030 stores it in four bytes.
    "gb18030_simplified.srt": srt([*SIMPLIFIED[:3], "𠮷野家的老板说，明天再来吧。"]).encode("gb18030"),
    "gbk_short.srt": srt(["你好", "谢谢你"]).encode("gbk"),
    "big5_traditional.srt": srt(TRADITIONAL).encode("big5"),
    "big5_short.srt": srt(["你好嗎", "謝謝你"]).encode("big5"),
    "euckr_korean.srt": srt(KOREAN).encode("euc_kr"),
    "sjis_japanese.srt": srt(JAPANESE).encode("cp932"),
    "cp1252_french.srt": srt(FRENCH).encode("cp1252"),
    "utf8_bom.srt": srt(SIMPLIFIED[:3]).encode("utf-8-sig"),
    "utf16le_bom.srt": b"\xff\xfe" + srt(SIMPLIFIED[:3]).encode("utf-16-le"),
    "utf16be_bom.srt": b"\xfe\xff" + srt(SIMPLIFIED[:3]).encode("utf-16-be"),
    "utf16le_nobom.srt": srt(SIMPLIFIED[:3]).encode("utf-16-le"),
    "utf32le_bom.srt": b"\xff\xfe\x00\x00" + srt(SIMPLIFIED[:3]).encode("utf-32-le"),
    "utf32be_bom.srt": b"\x00\x00\xfe\xff" + srt(SIMPLIFIED[:3]).encode("utf-32-be"),
    "missing_index.srt": (
        b"00:00:01,000 --> 00:00:02,000\nfirst\n\n"
        b"00:00:03,000 --> 00:00:04,000\nsecond\n\n"
        b"3\n00:00:05,000 --> 00:00:06,000\nthird\n"
    ),
    "dot_times.srt": (
        b"1\n00:00:01.000 --> 00:00:02.5\nhalf a second\n\n"
        b"2\n00:00:03.25 --> 00:00:04.125\ntwo digits\n\n"
        b"3\n0:00:05.000-->0:00:06,000\nno spaces, one hour digit\n"
    ),
    "bad_timestamp.srt": (
        b"1\n00:00:01,000 --> 00:00:02,000\nfine\n\n"
        b"2\n00:00:0x,000 --> 00:00:04,000\nbroken\n\n"
        b"3\n00:00:05,000 --> 00:00:06,000\nfine again\n\n"
        b"4\n00:00:08,000 --> 00:00:07,000\nends before it starts\n"
    ),
    "mixed_endings.srt": (
        b"1\r\n00:00:01,000 --> 00:00:02,000\r\ncrlf line\r\n\r\n"
        b"2\n00:00:03,000 --> 00:00:04,000\nlf line\n  \n\n\t\n"
        b"3\r00:00:05,000 --> 00:00:06,000\rcr line\r\r"
        b"4\n00:00:07,000 --> 00:00:08,000\nno final newline"
    ),
    "no_blank_lines.srt": (
        b"1\n00:00:01,000 --> 00:00:02,000\nfirst\n"
        b"2\n00:00:03,000 --> 00:00:04,000\nsecond\n"
        b"00:00:05,000 --> 00:00:06,000\nthird\n"
    ),
    "unsorted_overlap.srt": (
        b"1\n00:00:05,000 --> 00:00:06,000\nfive\n\n"
        b"2\n00:00:01,000 --> 00:00:02,000\none\n\n"
        b"3\n00:00:01,500 --> 00:00:03,000\noverlaps one\n\n"
        b"4\n00:00:03,000 --> 00:00:04,000\ntouches, does not overlap\n"
    ),
    "tags_multiline.srt": (
        "1\n00:00:01,000 --> 00:00:03,000 X1:100 X2:500 Y1:10 Y2:50\n"
        "{\\an8}<i>第一行</i>\n<font color=\"#ffff00\">第二行</font>\n<b>第三行</b>\n\n"
        "2\n00:00:04,000 --> 00:00:05,000\nHe counted to\n42\nand stopped.\n\n"
        "3\n00:00:06,000 --> 00:00:07,000\n\n"
        "4\n00:00:08,000 --> 00:00:09,000\nlast\n"
    ).encode(),
    "sample.vtt": (
        "WEBVTT - 第1集\nKind: captions\nLanguage: zh\n\n"
        "STYLE\n::cue(.yellow) { color: yellow; }\n\n"
        "NOTE translated by machine,\nreviewed by people\n\n"
        "intro\n00:00:01.000 --> 00:00:02.500 align:start position:10%\n"
        "<v 林小姐>你怎么会在这里？</v>\n<c.yellow>第二行</c>\n\n"
        "NOTE a comment between cues\n\n"
        "2\n00:00:03.000 --> 00:00:04.000\n<i>我早就告诉过你</i> &amp; 不要再来\n\n"
        "00:05.000 --> 00:06.000 line:0\n没有小时\n"
    ).encode(),
    "sample.ass": (
        "[Script Info]\n; made for SubReview tests\nTitle: 第1集\nScriptType: v4.00+\n"
        "PlayResX: 1920\nPlayResY: 1080\nWrapStyle: 0\n\n"
        "[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
        "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, "
        "Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
        "Style: Default,Noto Sans CJK SC,60,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,"
        "100,100,0,0,1,2,1,2,20,20,40,1\n"
        "Style: Top,Noto Sans CJK SC,48,&H0000FFFF,&H000000FF,&H00000000,&H80000000,-1,0,0,0,"
        "100,100,0,0,1,2,1,8,20,20,40,1\n\n"
        "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        "Dialogue: 0,0:00:01.00,0:00:02.50,Default,林小姐,0,0,0,,你怎么会在这里？\\N你走吧。\n"
        "Comment: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,a note for the translator\n"
        "Dialogue: 1,0:00:03.00,0:00:04.00,Top,,10,20,30,Banner;5,"
        "{\\an8}{\\i1}董事长{\\i0}请您去办公室\\n马上\n"
        "Dialogue: 0,0:00:05.00,0:00:0x.00,Default,,0,0,0,,bad end time\n"
        "Dialogue: 0,0:00:06.00,0:00:07.00,Default,,0,0,0,,commas, in the text, stay\n"
    ).encode(),
    "sample.ssa": (
        b"[Script Info]\nTitle: SSA sample\nScriptType: v4.00\n\n"
        b"[V4 Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, "
        b"BackColour, Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, "
        b"AlphaLevel, Encoding\n"
        b"Style: Default,Arial,20,16777215,65535,65535,-2147483640,-1,0,1,3,0,2,30,30,30,0,0\n\n"
        b"[Events]\nFormat: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        b"Dialogue: Marked=0,0:00:01.00,0:00:02.00,Default,,0000,0000,0000,,first\\Nline two\n"
        b"Dialogue: Marked=0,0:00:03.00,0:00:04.00,Default,,0000,0000,0000,,second\n"
    ),
    "script_order.ass": (  # what a script that generates subtitles writes: its own event Format, comments,
        # and sections after [Events]
        "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Start, End, Style, Text\n"
        "Comment: 0:00:00.00,0:00:01.00,Default,machine draft v2\n"
        "Dialogue: 0:00:01.00,0:00:02.00,Default,你好，世界\n"
        "Dialogue: 0:00:03.00,0:00:04.00,Default,再见\n"
        "Comment: 0:00:04.00,0:00:05.00,Default,end\n\n"
        "[Aegisub Extradata]\nData: 1,x,e#3A0\n\n[Fonts]\nfontname: a_0.ttf\nM)#@!\n"
    ).encode(),
    "youtube.vtt": (
        "WEBVTT\nKind: captions\nLanguage: zh-Hans\n\n"
        "00:00:00.000 --> 00:00:02.310 align:start position:0%\n \n你<00:00:00.480><c>好</c>\n\n"
        "00:00:02.310 --> 00:00:02.320 align:start position:0%\n你好\n \n"
    ).encode(),
    "joined_files.srt": (  # two files joined with `cat`, after line endings were converted twice
        "\ufeff1\r\r\n00:00:01,000 --> 00:00:02,000\r\r\n第一集\r\r\n\r\r\n"
        "\ufeff1\r\r\n-00:00:00,500 --> 00:00:03,000\r\r\n第二集\r\r\n3 --> 4\r\r\n"
    ).encode(),
    "empty.srt": b"",
    "whitespace.srt": b" \r\n\n\t \n",
    "no_cues.srt": b"just some text\nwith no timing lines at all\n",
}


def garbage() -> bytes:
    """A PNG signature and header chunk followed by a few hundred seeded random bytes."""
    rng = random.Random(2024)
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
    return head + bytes(rng.randrange(256) for _ in range(400))


def undecodable() -> bytes:
    """A valid first line, then seeded random high bytes that no encoding reads as text."""
    rng = random.Random(3)
    body = bytes(rng.randrange(0x80, 0x100) for _ in range(200))
    return b"1\n00:00:01,000 --> 00:00:02,000\n" + body + b"\n"


def nul_garbage() -> bytes:
    """NUL-heavy bytes that are neither UTF-16 nor UTF-32 (NULs at random positions)."""
    rng = random.Random(7)
    return bytes(rng.choice([0, 0, rng.randrange(1, 256)]) for _ in range(600))


def main() -> None:
    files = {**FILES, "garbage_png.srt": garbage(), "garbage_nul.srt": nul_garbage(),
             "undecodable.srt": undecodable()}
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(files)} files to {HERE}")


if __name__ == "__main__":
    main()
