"""Which East Asian legacy encoding some bytes are in: the likelihood of each encoding's reading.

Each language is modelled by how its text falls into a few classes of characters: the most frequent ones,
the rest of its encoding's common and rare tables, punctuation, and anything else ("odd": kana in Chinese,
private use, box drawing...). Read with the wrong table, the same bytes scatter over rare and odd classes,
so that reading's likelihood drops quickly: a short line is usually enough to tell GB18030 from Big5, and
the margin between the two best readings says how sure the choice is.

The class shares are rough figures for modern dialogue (the 1,200 most frequent characters carry about 80% of
Chinese text; GB2312's level 1 almost all the rest); what matters is that a right reading scores well above a
wrong one, which tests/core/formats/short_cjk.py measures on short drama files.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from editor.core.mt.langcodes import normalize, primary

HANS, HANT, JA, KO = "zh-Hans", "zh-Hant", "ja", "ko"

# The codecs tried, in the order that breaks ties, with the language each reading is scored as. Big5 stands
# for CP950 too: CP950 is tried when Big5 leaves bytes undecoded (CP950 adds the euro sign and a few rows).
_CANDIDATES = (("gb18030", HANS), ("big5", HANT), ("cp932", JA), ("euc_jp", JA), ("cp949", KO))

# Log prior of each language, by the language the person said the file is in ("" when not said). Without a
# hint Chinese goes first (SubReview's files are mostly Chinese) and Simplified wins a tie; a hint shifts the
# odds by e^6 (about 400 to 1) against the other script and more against other languages, so a few clear
# characters still overrule it.
_PRIORS = {
    "": {HANS: 0.0, HANT: -1.0, JA: -5.0, KO: -5.0},
    "zh": {HANS: 0.0, HANT: -1.0, JA: -10.0, KO: -10.0},
    HANS: {HANS: 0.0, HANT: -6.0, JA: -10.0, KO: -10.0},
    HANT: {HANS: -6.0, HANT: 0.0, JA: -10.0, KO: -10.0},
    JA: {HANS: -6.0, HANT: -6.0, JA: 0.0, KO: -10.0},
    KO: {HANS: -6.0, HANT: -6.0, JA: -10.0, KO: 0.0},
}

# Punctuation of Chinese, Japanese and Korean text (full-width forms, CJK brackets, ellipsis, middle dots).
_PUNCTUATION = frozenset("，。！？、；：“”‘’…—《》〈〉（）·～「」『』【】・〜　－．％")
_LOG_PUNCTUATION = math.log(4e-3)
# Symbols seen in subtitles (music notes, stars, arrows, circled numbers), and full-width letters and digits.
_SYMBOLS = frozenset("♪♫★☆●○◎◆◇■□▲△※→←↑↓×÷°℃№§①②③④⑤⑥⑦⑧⑨⑩")
_LOG_SYMBOL = math.log(3e-5)
_LOG_OTHER_SYMBOL = math.log(1e-6)
_LOG_ODD = math.log(1e-8)
_LOG_REPLACED = math.log(1e-9)  # a byte the codec cannot decode at all
_LOG_OTHER_HAN = math.log(3.6e-7)  # an ideograph outside the encoding's main tables
_PLAUSIBLE_MEAN = -12.0
_SURE_MEAN = -9.5

_LOG_HANS = (math.log(0.80 / 1188), math.log(0.15 / 2600), math.log(0.03 / 3008))  # frequent, GB2312 1, 2
_LOG_HANT = (math.log(0.80 / 1195), math.log(0.16 / 4200), math.log(0.03 / 7652))  # frequent, Big5 common, rare
_LOG_HIRAGANA = math.log(0.45 / 86)
_LOG_KATAKANA = math.log(0.12 / 92)
_LOG_KANJI = (math.log(0.35 / 2965), math.log(0.01 / 3390))  # JIS levels 1 and 2
_LOG_HALFWIDTH_KANA = math.log(1e-6)
# Hangul: frequent syllables, the other KS X 1001 ones, the syllables outside KS X 1001.
_LOG_HANGUL = (math.log(0.75 / 222), math.log(0.22 / 2128), math.log(0.01 / 8822))
_LOG_JAMO = math.log(1e-4)
_LOG_HANJA = math.log(0.005 / 4888)


class Reading(NamedTuple):
    """One codec's reading of the bytes and how likely it is."""

    codec: str
    language: str
    text: str
    likelihood: float  # log-likelihood of its non-ASCII characters, in nats
    score: float  # likelihood plus the language's prior
    chars: int  # non-ASCII characters scored
    errors: int  # places the codec could not decode
    odd: int  # characters text in that language never has (kana in Chinese, private use, undecodable places)

    @property
    def mean(self) -> float:
        """Log-likelihood per non-ASCII character: how much the reading looks like text at all."""
        return self.likelihood / self.chars if self.chars else 0.0

    def looks_like_text(self, *, sure: bool = False) -> bool:
        """True when the reading is plausible text in its language (`sure`: beyond doubt). Chinese reads at
        about -7 per character and a line of rare names at -11; random bytes read as Chinese at -13 and below;
        alphabetic text of a single-byte code page (Cyrillic, Greek, accented Latin) often between -9 and -12,
        so a reading under the sure level is worth checking against general detection."""
        floor, odd_share = (_SURE_MEAN, 0.02) if sure else (_PLAUSIBLE_MEAN, 0.1)
        return self.chars > 0 and self.mean >= floor and self.odd <= odd_share * self.chars


def hint_kind(language: str | None) -> str:
    """The key of _PRIORS for a language tag: zh-Hans, zh-Hant, zh, ja, ko, or "" (no hint or another one)."""
    tag = normalize(language or "")
    first = primary(tag)
    if first == "yue":
        return HANT
    if first == "zh":
        parts = tag.split("-")
        return HANT if "Hant" in parts else HANS if "Hans" in parts else "zh"
    return first if first in (JA, KO) else ""


def rank_readings(data: bytes, language: str | None = None) -> list[Reading]:
    """Every candidate codec's reading of `data` (undecodable bytes as U+FFFD), the most likely first."""
    priors = _PRIORS[hint_kind(language)]
    readings = []
    for codec, lang in _CANDIDATES:
        text = data.decode(codec, "replace")
        if codec == "big5" and "\ufffd" in text:
            wider = data.decode("cp950", "replace")
            if wider.count("\ufffd") < text.count("\ufffd"):
                codec, text = "cp950", wider
        likelihood, chars, errors, odd = _likelihood(text, _MODELS[lang])
        readings.append(Reading(codec, lang, text, likelihood, likelihood + priors[lang], chars, errors, odd))
    readings.sort(key=lambda reading: -reading.score)  # stable: ties keep the order of _CANDIDATES
    return readings


def _likelihood(text: str, log_p: Callable[[str], float]) -> tuple[float, int, int, int]:
    """Log-likelihood of the non-ASCII characters, their number, undecodable places, odd characters."""
    total, chars, odd = 0.0, 0, 0
    counts = Counter(text)
    for ch, count in counts.items():
        if ch >= "\x80":
            value = _LOG_REPLACED if ch == "\ufffd" else log_p(ch)
            total += count * value
            chars += count
            if value <= _LOG_ODD:
                odd += count
    return total, chars, counts["\ufffd"], odd


def _is_han(code: int) -> bool:
    return 0x4E00 <= code <= 0x9FFF


def _encoded(ch: str, codec: str) -> int:
    """The character's code in a double-byte codec (0 when it has none or another length)."""
    try:
        raw = ch.encode(codec)
    except UnicodeEncodeError:
        return 0
    return raw[0] << 8 | raw[1] if len(raw) == 2 else 0


def _log_p_other(ch: str) -> float:
    """Punctuation and symbols, which every language shares; any other character is odd."""
    if ch in _PUNCTUATION:
        return _LOG_PUNCTUATION
    code = ord(ch)
    if ch in _SYMBOLS or 0xFF01 <= code <= 0xFF5E:
        return _LOG_SYMBOL
    category = unicodedata.category(ch)
    if (category[0] in "PS" or category == "No") and not 0x2500 <= code <= 0x257F:  # box drawing is odd
        return _LOG_OTHER_SYMBOL
    return _LOG_ODD


@functools.cache
def _log_p_hans(ch: str) -> float:
    if not _is_han(ord(ch)):
        return _log_p_other(ch)
    if ch in FREQUENT_HANS:
        return _LOG_HANS[0]
    lead = _encoded(ch, "gb2312") >> 8
    return _LOG_HANS[1] if 0xB0 <= lead <= 0xD7 else _LOG_HANS[2] if 0xD8 <= lead <= 0xF7 else _LOG_OTHER_HAN


@functools.cache
def _log_p_hant(ch: str) -> float:
    if not _is_han(ord(ch)):
        return _log_p_other(ch)
    if ch in FREQUENT_HANT:
        return _LOG_HANT[0]
    code = _encoded(ch, "big5")
    return (_LOG_HANT[1] if 0xA440 <= code <= 0xC67E else _LOG_HANT[2] if 0xC940 <= code <= 0xF9D5
            else _LOG_OTHER_HAN)


@functools.cache
def _log_p_ja(ch: str) -> float:
    code = ord(ch)
    if 0x3041 <= code <= 0x309F:
        return _LOG_HIRAGANA
    if 0x30A1 <= code <= 0x30FE:
        return _LOG_KATAKANA
    if 0xFF61 <= code <= 0xFF9F:
        return _LOG_HALFWIDTH_KANA
    if not _is_han(code):
        return _log_p_other(ch)
    sjis = _encoded(ch, "cp932")
    return _LOG_KANJI[0] if 0x889F <= sjis <= 0x9872 else _LOG_KANJI[1] if 0x989F <= sjis <= 0xEAA4 else _LOG_OTHER_HAN


@functools.cache
def _log_p_ko(ch: str) -> float:
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3:
        # Only the 2,350 KS X 1001 syllables take two bytes; Python spells the others as 8-byte jamo sequences.
        return _LOG_HANGUL[0] if ch in FREQUENT_HANGUL else _LOG_HANGUL[1] if _encoded(ch, "euc_kr") else _LOG_HANGUL[2]
    if 0x3131 <= code <= 0x318E:
        return _LOG_JAMO
    if _is_han(code):
        return _LOG_HANJA if _encoded(ch, "euc_kr") else _LOG_ODD
    return _log_p_other(ch)


_MODELS: dict[str, Callable[[str], float]] = {HANS: _log_p_hans, HANT: _log_p_hant, JA: _log_p_ja, KO: _log_p_ko}

# About the 1,200 most frequent characters of modern Chinese (written text, plus the particles and
# interjections of dialogue), and their Traditional forms.
FREQUENT_HANS = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列"
    "武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供"
    "效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳"
    "若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷"
    "洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈"
    "刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括"
    "舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
    "虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅"
    "泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
    "玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸"
    "扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞"
    "街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残"
    "秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵嗯哦啦嘛喂哎呵嘿哼唉呜哇咦噢诶咱俺妹奶"
)
FREQUENT_HANT = frozenset(
    "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡"
    "用道行所然家種事成方多經麼去法學如都同現當沒動面麵起看定天分還進好小部其些主樣理心她本前開但因只隻從"
    "想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文"
    "體政美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及"
    "比員解水名真論處走義各入幾口認條平係系繫氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做"
    "接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且"
    "權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑"
    "飛風步改收根乾幹造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台臺單影具羅字愛"
    "擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示病息究線似官火斷精滿支視消越器容照須九"
    "增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考"
    "落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴"
    "巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴"
    "止細願千值仍男錢破網熱助倒育屬坐帝限船臉職速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿"
    "腦預誰益陽若哪微尼繼送急血驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福納歡雷警獲模充負雲停木游"
    "龍樹疑層冷洲衝射略範竟句室異激漢村哈策演簡卡罪判擔州靜退既衣您宗積餘痛檢差富靈協角佔配徵修皮揮勝降階"
    "審沉堅善媽劉讀啊超免壓銀買皇養伊懷執副亂抗犯追幫宣佛歲航優怪香田鐵控稅左右份穿藝背陣草腳概惡塊頓敢守"
    "酒島托央戶烈洋哥索胡款靠評版寶座釋景顧弟登貨互付伯慢歐換聞危忙核暗姐介壞討麗良序升監臨亮露永呼味野架"
    "域沙掉括艦魚雜誤灣吉減編楚肯測敗屋跑夢散溫困劍漸封救貴槍缺樓縣尚毫移娘朋畫班智亦耳恩短掌恐遺固席松祕"
    "秘謝魯遇康慮幸均銷鍾鐘詩藏趕劇票損忽巨炮舊端探湖錄葉春鄉附吸予禮港雨呀板庭婦歸睛飯額含順輸搖招婚脫補"
    "謂督毒油療旅澤材滅逐莫筆亡鮮詞聖擇尋廠睡博勒煙授諾倫岸奧唐賣俄炸載洛健堂旁宮喝借君禁陰園謀宋避抓榮姑"
    "孫逃牙束跳頂玉鎮雪午練迫爺篇肉嘴館遍凡礎洞卷坦牛寧紙諸訓私莊祖絲翻暴森塔默握戲隱熟骨訪弱蒙歌店鬼軟典"
    "欲薩夥遭盤爸擴蓋弄雄穩忘億刺擁徒姆楊齊賽趣曲刀床迎冰虛玩析窗醒妻透購替塞努休虎揚途侵刑綠兄迅套貿畢唯"
    "谷輪庫跡尤競街促延震棄甲偉麻川申緩潛閃售燈針哲絡抵朱埃抱鼓植純夏忍頁傑築折鄭貝尊吳秀混臣雅振染盛怒舞"
    "圓搞狂措姓殘秋培迷誠寬宇猛擺梅毀伸摩盟末乃悲拍丁趙嗯哦啦嘛喂哎呵嘿哼唉嗚哇咦噢誒咱俺妹奶覆"
)

# About 220 of the most frequent Hangul syllables of spoken Korean.
FREQUENT_HANGUL = frozenset(
    "이다는에의가고하지서를을은로기도사한리아나자시어대수게니요해거내있그만보면것라조정주우전상들제말인일까여없부무모오되"
    "않소안마드장세구위스경었했생러네야데문개르동할중방공분성신원선관계너잘알왜뭐좀예저당님씨엄빠언누형왔갔봐줘와같때더또"
    "좋싫랑미워죄송합입습겠던며록죠군걸건뿐밖처럼테께터음진짜래떻슨디얼냐삼육칠팔십백천년월날간초집회학교병돈람남친결혼표"
    "실비봤줄준된될돼갈올온본볼함텐렇았겁먹잡찾받살죽못몰길각얘애쓰써금늘난번째둘셋엔든둬놔놓잖싶른많"
)
