"""Reading stage, plain text: bytes -> str, the encoding found from the bytes, never from the name.

Order, cheapest first: a byte-order mark; UTF-16 by its NUL pattern; strict UTF-8; then strict
GB18030, Big5 and UTF-16 scored by how many common Chinese characters each decoding yields;
charset-normalizer last. Decoding that needs replacement characters is reported, never silent.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

SAMPLE_BYTES = 64 * 1024  # enough bytes to tell the encodings apart, few enough to decide fast

# A byte-order mark settles the encoding; UTF-32 first, its LE mark starts like UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The ~1000 most frequent simplified characters and the traditional forms among them
# (OpenCC s2t of the first string); a right decoding is dense in them, a wrong one is not.
_COMMON_SIMPLIFIED = (
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
)
_COMMON_TRADITIONAL = (
    "這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內"
    "給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺"
    "術領確傳師觀讓識帶導爭運飛風乾聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約覆線斷"
    "滿視須寫稱嗎輕農裝廣顯標談喫圖歷醫專費號盡較語僅隨選紅響雖勢參衆構節維劃敵陳態護興驗責營夠嚴續講終緊"
    "黃絕羣項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲"
    "負雲龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋"
    "顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺祕謝魯慮銷鍾詩趕劇損舊錄葉鄉禮婦歸飯額順輸"
    "搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂"
)
_COMMON = frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL + "，。、；：？！“”《》（）")
_ASCII_TEXT = re.compile(r"[\t\n\r\x20-\x7e]")
# Control characters no text file holds (tab, line feed, form feed, carriage return are fine).
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
_BINARY_SHARE = 0.05  # bytes(range(256)) has 12% controls; text with one stray NUL has <1%

# Charsets a web page may declare that we trust enough to try before detection. Pages that
# declare iso-8859-1 while holding GBK are common, so Western single-byte names are ignored.
_DECLARED = {
    "utf-8": "utf-8", "utf8": "utf-8",
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
    "cp936": "gb18030", "euc-cn": "gb18030", "gb_2312-80": "gb18030", "csgb2312": "gb18030",
    "big5": "cp950", "big5-hkscs": "big5hkscs", "x-x-big5": "cp950", "cp950": "cp950",
    "utf-16": "utf-16-le", "utf-16le": "utf-16-le", "utf-16be": "utf-16-be",
}


class NotText(ValueError):
    """The bytes are not text in any encoding we know (the reader turns this into UnreadableFile)."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a whole file's bytes: detect, refuse binary, strip NULs, turn CRLF into LF.

    >>> decode_bytes("一、工作目標\\r\\n".encode("big5")).text
    '一、工作目標\\n'
    """
    codec, bom = detect_encoding(data, declared=declared)
    check_text(data[bom:bom + SAMPLE_BYTES], codec, complete=len(data) <= bom + SAMPLE_BYTES)
    warnings: list[str] = []
    try:
        text = data[bom:].decode(codec)
    except UnicodeDecodeError as err:
        text = data[bom:].decode(codec, "replace")
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable byte sequence(s) replaced with U+FFFD "
                        f"while decoding as {codec} (first at byte {bom + err.start})")
    else:
        if "\ufffd" in text:
            warnings.append(f"the text already holds {text.count(chr(0xFFFD))} replacement character(s) "
                            "U+FFFD: it was damaged before it reached us")
    text, more = clean_text(text)
    return Decoded(text, encoding_name(codec, bom), warnings + more)


def detect_encoding(data: bytes, *, declared: str | None = None, complete: bool = True) -> tuple[str, int]:
    """Name the codec of ``data`` (a whole file, or its first bytes if not ``complete``) and its BOM length.

    >>> detect_encoding("关于开展工作的实施方案".encode("gb18030"))
    ('gb18030', 0)
    >>> detect_encoding("關於開展工作的實施方案".encode("big5"))
    ('big5', 0)
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    complete = complete and len(data) <= SAMPLE_BYTES
    sample = data[:SAMPLE_BYTES]
    if _utf16_by_nuls(sample):
        # The NUL side says LE or BE for ASCII; a CJK character like 开 (U+5F00) can say the
        # opposite in a short text, so the two byte orders are scored against each other.
        scored = [(_score(*_decode_sample(sample, codec, complete)), codec) for codec in ("utf-16-le", "utf-16-be")]
        score, codec = max(scored)
        if score > 0:
            return codec, 0
    if _decode_sample(sample, "utf-8", complete)[1]:
        return "utf-8", 0
    trusted = _DECLARED.get((declared or "").strip().lower())
    if trusted and _decode_sample(sample, trusted, complete)[1]:
        return trusted, 0
    return _best_scored(sample, complete), 0


def check_text(sample: bytes, codec: str, *, complete: bool) -> None:
    """Raise NotText when the decoded sample is mostly control bytes or undecodable."""
    text, _ = _decode_sample(sample, codec, complete)
    if not text:
        return
    bad = len(_BAD_CHARS.findall(text))
    if bad > _BINARY_SHARE * len(text) and (bad > 8 or bad > 0.3 * len(text)):
        raise NotText(f"binary data, not text ({bad * 100 // len(text)}% control or undecodable bytes)")


def clean_text(text: str) -> tuple[str, list[str]]:
    """Strip NUL characters (with a warning) and turn CRLF and lone CR into LF."""
    warnings = []
    if "\x00" in text:
        warnings.append(f"removed {text.count(chr(0))} NUL byte(s) from the text")
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def encoding_name(codec: str, bom: int) -> str:
    """The name reported in RawText.encoding: the codec, marked when a BOM was present."""
    if not bom:
        return codec
    return {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
            "utf-32-le": "utf-32", "utf-32-be": "utf-32"}.get(codec, codec)


def _utf16_by_nuls(sample: bytes) -> bool:
    """UTF-16 without BOM: ASCII characters put a NUL in every other byte, on one side only."""
    half = len(sample) // 2
    if half < 2:
        return False
    even = sample[0:2 * half:2].count(0)
    odd = sample[1:2 * half:2].count(0)
    high, low = max(even, odd), min(even, odd)
    return high >= 2 and high >= 0.03 * half and low * 4 <= high


def _decode_sample(sample: bytes, codec: str, complete: bool) -> tuple[str, bool]:
    """Decode strictly if possible; else with replacement. Returns (text, was_strict)."""
    try:
        return codecs.getincrementaldecoder(codec)("strict").decode(sample, complete), True
    except UnicodeDecodeError:
        return codecs.getincrementaldecoder(codec)("replace").decode(sample, complete), False


def _score(text: str, strict: bool) -> float:
    """How much a decoding looks like Chinese text: dense in common characters, no junk."""
    if not text:
        return 0.0
    common = sum(ch in _COMMON for ch in text)
    ascii_text = len(_ASCII_TEXT.findall(text))
    bad = len(_BAD_CHARS.findall(text))
    return (common + 0.5 * ascii_text - 4 * bad) / len(text) + (0.02 if strict else 0.0)


def _best_scored(sample: bytes, complete: bool) -> str:
    """GB18030, Big5 or UTF-16 by score; charset-normalizer when none looks like Chinese."""
    candidates = ["gb18030", "big5", "cp950", "utf-16-le", "utf-16-be"]
    if complete and len(sample) % 2:
        candidates = candidates[:3]
    scored = []
    for rank, codec in enumerate(candidates):
        if codec == "cp950" and scored and scored[-1][3]:
            continue  # cp950 only adds characters big5 lacks; try it when big5 failed
        text, strict = _decode_sample(sample, codec, complete)
        scored.append((_score(text, strict), -rank, codec, strict))
    best_score, _, best, _ = max(scored)
    if best_score < 0.3:
        guess = _guess_with_charset_normalizer(sample)
        if guess and guess not in candidates and _score(*_decode_sample(sample, guess, complete)) > best_score:
            return guess
    return best


def _guess_with_charset_normalizer(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes  # slow to import; only for texts that are not Chinese

    match = from_bytes(sample).best()
    if match is None:
        return None
    try:
        return codecs.lookup(match.encoding).name
    except LookupError:
        return None
