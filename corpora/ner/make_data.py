"""Build the party-recogniser corpus: corpora/ner/{train,dev}.jsonl (see README.md here).

usage: python corpora/ner/make_data.py [--seed 13] [--docs 260]

Two sources:
- seed: sentences of the normalized seed texts (corpora/seeds) with the gold party names
  (corpora/gold) and a hand-checked list of other bodies/people (SEED_EXTRA below) tagged;
- written: pseudo-documents of sentences written here in the register of plans, summaries and
  notices (TEMPLATES), their slots filled with unit, role and person names built from parts.
Splits are by source document; dev documents use place, town and person names that no train
document uses, so dev measures unseen names.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from nlp.extract.ner import MAX_SENTENCE, split_sentences  # noqa: E402

# --------------------------------------------------------------------------------------------
# Seed documents

DEV_SEEDS = ("002", "004")  # the rest (000, 001, 003) train

# Bodies and people the gold does not list as parties (cited superiors, examples of past work),
# checked by hand in the normalized seeds; tagged so the model is not taught they are not names.
SEED_EXTRA = {
    "000": {"ORG": ["卫生局", "局党委"]},
    "001": {"ORG": ["市委", "市政府", "省卫生厅", "卫生部", "县委", "县政府", "区委", "区政府", "市纪委",
                    "卫生局", "市局", "安委会", "市委组织部", "县纪委"]},
    "002": {"ORG": ["市委组织部", "市委宣传部", "省卫生厅", "市委", "日照市卫生局"],
            "PER": ["包文辉"], "ROLE": ["厅长"]},
    "003": {"ORG": ["锦州市卫生健康委员会", "锦州市", "市卫健委", "辽宁省锦州市委组织部"]},
    "004": {"ORG": ["市委", "区委", "精神卫生中心", "邮亭中心卫生院", "中敖中心卫生院", "卫生监督所",
                    "龙岗中心卫生院", "铁山中心卫生院", "双桥卫生院", "通桥卫生院", "卫生局",
                    "局党委"],
            "ROLE": ["局党委副书记、局长", "局党委主要负责人", "分管领导", "领导班子成员"]},
}

_ROLE_END = ("领导", "负责人", "负责同志", "局长", "院长", "书记", "一把手", "联络人", "专员", "成员",
             "人员", "组长", "主任", "责任人")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤甘席鲍"


def label_of(name: str) -> str:
    """ORG, ROLE or PER for a gold party name."""
    bare = re.sub(r"\s+", "", name)
    if bare.endswith(_ROLE_END) and not bare.endswith("领导小组"):
        return "ROLE"
    if 2 <= len(bare) <= 3 and bare[0] in _SURNAMES and not re.search(r"[局院所室组办股科队会部委]$", bare):
        return "PER"
    return "ORG"


def seed_records() -> list[dict]:
    from nlp.normalize import normalize_text
    from nlp.read import read_file

    records = []
    for gold_path in sorted((ROOT / "corpora" / "gold").glob("*.json")):
        key = gold_path.name[:3]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = normalize_text(read_file(ROOT / "corpora" / "seeds" / (gold_path.stem + ".txt")).text).text
        names: dict[str, tuple[str, str | None]] = {}
        for doc in gold["documents"]:
            for m in doc["mentions"]:
                if m["type"] == "party":
                    names.setdefault(m["text"], (label_of(m["text"]), m["value"]["role"]))
        for label, extra in SEED_EXTRA.get(key, {}).items():
            for name in extra:
                names.setdefault(name, (label, None))
        split = "dev" if key in DEV_SEEDS else "train"
        for s, e in split_sentences(text):
            sentence = text[s:e]
            entities = _tag_longest(sentence, names)
            if entities or len(sentence) >= 8:
                records.append({"source": f"seed/{gold_path.stem}", "split": split, "text": sentence,
                                "entities": entities})
    return records


def _tag_longest(sentence: str, names: dict[str, tuple[str, str | None]]) -> list[list]:
    taken = [False] * len(sentence)
    found = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name), sentence):
            if not any(taken[m.start():m.end()]):
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                label, role = names[name]
                found.append([m.start(), m.end(), label, role])
    return sorted(found)


# --------------------------------------------------------------------------------------------
# Written sentences: name parts. Each list is split: the last part of each goes to dev only.

PLACES = {
    "train": {
        "city": ["日照市", "赣州市", "六盘水市", "锦州市", "宜宾市", "庆阳市", "临沂市", "九江市", "遵义市", "大连市",
                 "绵阳市", "岳阳市", "洛阳市", "韶关市", "温州市", "泰安市", "抚州市", "安顺市", "丹东市", "南充市",
                 "宝鸡市", "株洲市", "十堰市", "曲靖市", "柳州市", "邯郸市", "大同市", "吉林市", "齐齐哈尔市", "芜湖市"],
        "county": ["莒县", "五莲县", "于都县", "盘县", "水城县", "黑山县", "义县", "长宁县", "珙县", "环县", "华池县",
                   "沂水县", "修水县", "湄潭县", "庄河市", "江油市", "平江县", "栾川县", "乐昌市", "苍南县", "宁阳县",
                   "南城县", "普定县", "宽甸县", "阆中市", "凤翔县", "攸县", "竹山县", "宣威市", "融安县", "涉县",
                   "广灵县", "舒兰市", "讷河市", "繁昌县", "xx县", "××县", "伊金霍洛旗"],
        "district": ["东港区", "章贡区", "钟山区", "凌河区", "翠屏区", "西峰区", "兰山区", "浔阳区", "红花岗区",
                     "甘井子区", "涪城区", "岳阳楼区", "涧西区", "浈江区", "鹿城区", "泰山区", "临川区", "西秀区",
                     "振兴区", "顺庆区", "渭滨区", "芦淞区", "茅箭区", "麒麟区", "城中区", "丛台区", "——区"],
        "province": ["山东省", "江西省", "贵州省", "辽宁省", "四川省", "甘肃省", "湖南省", "河南省", "广东省", "浙江省"],
        "town": ["城关", "陈疃", "洪凝", "沙石", "龙溪", "大屯", "马家坪", "石桥", "青山", "白沙", "新华", "柳林",
                 "河口", "黄土坡", "高桥", "三河", "红岩", "太平", "永兴", "古城", "东关", "西城", "南山", "松柏",
                 "金竹", "双河", "桃花", "杨家湾", "土门", "白马", "车田", "梅林", "牛角", "官庄", "张家集"],
    },
    "dev": {
        "city": ["鄂尔多斯市", "包头市", "铜仁市", "萍乡市", "营口市", "泸州市", "常德市", "信阳市", "重庆市"],
        "county": ["达拉特旗", "准格尔旗", "石阡县", "芦溪县", "盖州市", "古蔺县", "桃源县", "固始县"],
        "district": ["大足区", "东胜区", "碧江区", "安源区", "站前区", "江阳区", "武陵区", "浉河区"],
        "province": ["内蒙古自治区", "重庆市", "湖北省", "云南省"],
        "town": ["邮亭", "龙水", "宝顶", "三驱", "棠香", "中敖", "拾万", "珠溪", "铁山", "龙岗", "双桥", "通桥"],
    },
}
GIVEN = {
    "train": list("军明伟芳娜敏静丽强磊洋艳勇杰娟涛超秀霞平刚桂英华建国志红玉兰文斌飞鹏辉俊峰波宇晨浩凯琳"),
    "dev": list("宴清筱永发跃琼钦芬桥晓燕莉玲"),
}
SURNAMES_DEV = list("席甘宋鲍顾邓")

BUREAUS = ["卫生局", "卫生和计划生育局", "卫生健康委员会", "卫健委", "卫生计生委", "卫生健康局", "财政局", "教育局",
           "人力资源和社会保障局", "公安局", "市场监督管理局", "应急管理局", "安全生产监督管理局", "民政局",
           "发展和改革委员会", "住房和城乡建设局", "生态环境局", "食品药品监督管理局", "医疗保障局", "消防救援大队",
           "烟草专卖局", "审计局", "统计局", "农业农村局"]
INSTITUTIONS = ["人民医院", "第一人民医院", "第二人民医院", "中医医院", "中医院", "妇幼保健院", "妇幼保健计划生育服务中心",
                "疾病预防控制中心", "疾控中心", "卫生监督所", "卫生计生监督执法局", "中心血站", "急救中心",
                "精神卫生中心", "卫生学校", "卫校", "皮肤病防治所", "结核病防治所", "医学会", "红十字会"]
TOWN_UNITS = ["中心卫生院", "卫生院", "镇卫生院", "乡卫生院", "社区卫生服务中心", "街道社区卫生服务中心", "卫生室"]
SUBUNITS = ["办公室", "党委", "党组", "党总支", "党支部", "纪委", "纪检组", "纪检监察室", "医政科", "人事科", "政工科",
            "计财股", "人秘股", "医政股", "防保股", "财务科", "宣传科", "监督科", "疾控科", "党政办", "应急办", "综合科",
            "法规科", "规划信息科", "基层卫生科", "妇幼科", "体改办", "红会办", "学教办", "信访办", "工会", "团委",
            "医务科", "护理部", "院办", "总务科", "保卫科", "质控办"]
BARE_SUBUNITS = ["人秘股", "计财股", "医政股", "防保股", "医政科", "局人事科", "局纪检监察室", "局办公室", "局党政办",
                 "局党委", "局党组", "执法队", "应急办", "红会办", "平安医院创建办", "学教办", "局机关党支部", "政工科",
                 "院办公室", "医务科", "护理部", "保卫科", "局务会", "院务会"]
SHORT_ORGS = ["县卫生局", "市卫生局", "区卫生局", "市疾控中心", "县疾控中心", "县医院", "县中医院", "县妇幼保健院",
              "市局(公司)", "县局(分公司)", "市卫健委", "区卫健委", "县卫计局", "市卫生监督所", "县人民医院",
              "市中心医院", "局机关", "卫生局党委", "市卫生局党组", "县卫生局党委", "市卫生局办公室", "县卫生监督所"]
TOPICS = ["作风建设", "安全生产", "党风廉政建设", "医德医风", "创先争优", "平安医院创建", "消防安全", "纪律作风整顿",
          "党的群众路线教育实践活动", "爱国卫生", "双创双建", "文明城市创建", "健康扶贫", "行风建设", "效能建设",
          "火灾隐患排查整治", "服务整改", "会计委派制", "卫生形象建设年", "专项治理", "医疗质量管理", "信访维稳",
          "“三好一满意”", "“四风”问题专项整治", "扫黑除恶专项斗争", "疫情防控", "安全隐患排查治理"]
GROUP_TYPES = ["领导小组", "工作领导小组", "活动领导小组", "督导组", "督查组", "检查组", "指导小组", "工作组", "考核组",
               "工作专班", "领导小组办公室", "专项整治办公室", "督导检查组", "指挥部"]
SMALL_GROUPS = ["综合协调组", "督导检查组", "宣传报道组", "材料组", "后勤保障组", "调研小组", "督查组", "考核组", "联络组",
                "专家组", "巡查组", "暗访组", "整改落实组", "信息组"]
PLURALS = ["各医疗卫生单位", "各乡镇卫生院", "各县(市、区)卫生局", "各区县卫生局", "局机关各科室", "各有关单位",
           "市直各医疗卫生单位", "各级卫生行政部门", "各定点医疗机构", "各社区卫生服务中心", "县直各医疗卫生单位",
           "各单位", "各科室", "各部门", "各级各单位", "各医疗机构", "区级各医疗卫生单位", "各基层党组织",
           "各乡(镇)卫生院", "各县、区卫生局", "各级医疗卫生机构", "各级党组织", "各股室", "各分局"]
SUPERIORS = ["市委", "市政府", "县委", "县政府", "省卫生厅", "国家卫生健康委", "卫生部", "省委", "区委", "市委组织部",
             "市纪委", "县委办公室", "市政府办公室", "省卫生计生委", "市安委会", "县委宣传部"]
ROLES = ["组长", "副组长", "成员", "分管领导", "主要领导", "主要负责人", "主要负责同志", "第一责任人", "直接责任人",
         "责任人", "联络人", "信息员", "办公室主任", "局长", "副局长", "院长", "副院长", "党委书记", "党组书记",
         "纪委书记", "科长", "股长", "主任", "副主任", "分管副局长", "党政一把手", "总责任人", "联系人", "专职人员",
         "督导员", "具体经办人", "支部书记", "党委副书记"]
ROLE_HOLDERS = ["局长", "副局长", "院长", "副院长", "党委书记", "党组书记", "纪检组长", "主任", "副主任", "科长",
                "股长", "调研员", "工会主席", "党委副书记", "总会计师"]
TASKS = ["日常工作", "组织协调和督促检查", "材料的收集整理和上报", "宣传报道工作", "考核评议工作", "整改落实的跟踪督办",
         "资金的拨付和管理", "隐患排查台账的建立", "信息简报的编发", "群众来信来访的受理", "活动方案的制定",
         "业务培训的组织实施", "情况的汇总上报", "专项检查的组织", "问题线索的核查"]
DATES = ["5月10日", "6月25日", "2010年7月15日", "20xx年3月底", "每月5日", "11月30日", "年底", "9月中旬", "12月20日",
         "2013年8月31日", "4月20日", "每季度末", "10月15日"]
DOCNAMES = ["关于深入开展作风整顿活动的实施意见", "关于开展安全隐患排查整治的通知", "创先争优活动实施方案",
            "党风廉政建设责任制考核办法", "关于进一步加强医德医风建设的意见", "卫生系统效能建设实施方案",
            "关于开展“四风”问题专项整治的通知", "平安医院创建工作方案", "关于加强火灾隐患排查整治工作的通知"]
AWARDS = ["先进单位", "文明单位", "先进基层党组织", "平安医院", "群众满意医院", "优秀组织奖"]


class Namer:
    """Fills one slot kind with a name built from the parts of one split."""

    def __init__(self, split: str, rng: random.Random):
        self.p = PLACES[split]
        self.given = GIVEN[split]
        self.surnames = list(_SURNAMES) if split == "train" else SURNAMES_DEV + list(_SURNAMES[:40])
        self.split = split
        self.rng = rng

    def place(self) -> str:
        c = self.rng.choice
        kind = c(["city", "city", "county", "county", "district", "district", "province"])
        return c(self.p[kind])

    def town(self) -> str:
        return self.rng.choice(self.p["town"])

    def org(self) -> str:
        c, r = self.rng.choice, self.rng.random()
        if r < 0.22:
            name = self.place() + c(BUREAUS)
        elif r < 0.40:
            name = self.place() + c(INSTITUTIONS)
        elif r < 0.55:
            t = self.town()
            unit = c(TOWN_UNITS)
            name = t + ("镇" if unit == "卫生院" and self.rng.random() < 0.5 else "") + unit
        elif r < 0.65:
            name = self.place() + c(["人民政府", "人民政府办公室", "政府办", "委员会", "委"])
        elif r < 0.80:
            name = c(SHORT_ORGS)
        elif r < 0.92:
            name = self.place() + c(BUREAUS + INSTITUTIONS) + c(SUBUNITS)
        else:
            name = c(["县", "市", "区", ""]) + c(INSTITUTIONS)
        return name

    def sub(self) -> str:
        c = self.rng.choice
        if self.rng.random() < 0.5:
            return c(BARE_SUBUNITS)
        return c(SHORT_ORGS + [self.place() + c(BUREAUS)]) + c(SUBUNITS)

    def group(self) -> str:
        c, r = self.rng.choice, self.rng.random()
        scope = c(["", "", "市", "县", "区", "局", "全市卫生系统", "县卫生系统", "卫生系统", self.place(),
                   self.place() + "卫生系统", c(SHORT_ORGS)])
        if r < 0.15:
            return c(SMALL_GROUPS)
        return scope + c(TOPICS) + c(["", "工作", "活动"]) + c(GROUP_TYPES)

    def plural(self) -> str:
        return self.rng.choice(PLURALS)

    def superior(self) -> str:
        return self.rng.choice(SUPERIORS)

    def role(self) -> str:
        return self.rng.choice(ROLES)

    def crole(self) -> str:
        c = self.rng.choice
        head = c([c(SHORT_ORGS), c(PLURALS), self.org(), "各单位", "卫生系统", "各级卫生行政部门"])
        return head + c(["主要负责人", "主要领导", "党政一把手", "局长", "院长", "负责同志", "党委书记", "分管领导",
                         "负责人", "领导班子成员"])

    def person(self) -> str:
        c = self.rng.choice
        name = c(self.surnames) + "".join(c(self.given) for _ in range(self.rng.choice([1, 2, 2])))
        if len(name) == 2 and self.rng.random() < 0.15:
            name = name[0] + c([" ", "  "]) + name[1]  # 王 军: names padded to three characters
        return name


# Slot syntax: {KIND} or {KIND:role}; a role makes the name a party (contract roles); no role
# means a body that is named but given nothing (a superior, an example of past work).
SLOT_LABEL = {"ORG": "ORG", "SUB": "ORG", "GROUP": "ORG", "PLURAL": "ORG", "SUPERIOR": "ORG",
              "ROLE": "ROLE", "CROLE": "ROLE", "PER": "PER"}
FILLERS = {"TOPIC": TOPICS, "TASK": TASKS, "DATE": DATES, "DOC": DOCNAMES, "AWARD": AWARDS,
           "HOLDER": ROLE_HOLDERS, "N": ["1", "2", "3", "5", "10", "两", "三"],
           "PHONE": ["0633-8221234", "13800001111", "8236547", "0797-8123456"]}

TEMPLATES = {
    "plan": [
        "成立以{PER:lead}为组长,{PER:lead}、{PER:lead}为副组长的{GROUP:lead},领导小组下设办公室,办公室设在{SUB:responsible},{PER:responsible}同志兼任办公室主任。",
        "成立{GROUP:lead},由{HOLDER}{PER:lead}任组长,{PER:lead}任副组长,{CROLE:member}为成员。",
        "组 长:{PER:lead}",
        "副组长:{PER:lead} {PER:lead}",
        "成 员:{PER:member}、{PER:member}、{PER:member}、{PER:member}",
        "组长:{PER:lead}({SUPERIOR}{HOLDER})",
        "{GROUP:lead}负责全系统{TOPIC}工作的组织领导和统筹协调。",
        "领导小组下设办公室,办公室设在{SUB:responsible},负责{TASK},主任由{PER:responsible}担任。",
        "领导小组办公室设在{SUB:responsible},联系人:{PER:contact},联系电话:{PHONE}。",
        "请各单位确定一名联络人,于{DATE}前将名单报送{SUB:contact}。",
        "由{ORG:lead}牵头,{ORG:responsible}、{ORG:responsible}配合,共同做好{TOPIC}工作。",
        "{ORG:responsible}负责{TASK},{ORG:responsible}负责{TASK}。",
        "{ROLE:lead}为本单位{TOPIC}工作第一责任人,{ROLE:responsible}为直接责任人,要亲自抓、负总责。",
        "{PLURAL:responsible}要高度重视,把{TOPIC}工作列入重要议事日程,切实抓紧抓好。",
        "各单位要于{DATE}前将自查报告报{ORG:contact},逾期不报的予以通报批评。",
        "{GROUP:responsible}由{ORG:responsible}、{ORG:responsible}、{ORG:responsible}等部门组成,组长由{PER:lead}担任。",
        "{CROLE:lead}是第一责任人,对本单位{TOPIC}工作负总责。",
        "{ORG:responsible}{HOLDER}{PER:responsible}具体负责{TASK}。",
        "{SUB:responsible}具体负责{TASK},{SUB:responsible}负责{TASK}。",
        "{ORG:responsible}、{ORG:responsible}要按照职责分工,各司其职,密切配合,形成工作合力。",
        "请各单位于每月{N}日前将工作进展情况报{GROUP:contact}(设在{SUB:contact})。",
        "{ORG:responsible}组织开展{TOPIC}专项检查,检查结果在全系统通报。",
        "{GROUP:responsible}将采取明查暗访等方式,对{PLURAL}{TOPIC}工作进行督查。",
        "我局成立了由{ROLE:lead}任组长、{ROLE:lead}任副组长、{CROLE:member}为成员的{GROUP:lead}。",
        "责任单位:{ORG:responsible} 责任人:{PER:responsible} 完成时限:{DATE}",
        "牵头单位:{ORG:lead};配合单位:{ORG:responsible}、{ORG:responsible}",
        "{PER:lead}同志任{GROUP:lead}组长,全面负责{TOPIC}工作。",
        "{TASK}由{ORG:responsible}负责落实,{SUB:responsible}负责监督。",
        "在{ORG:lead}的统一领导下,{PLURAL:responsible}要加强协作,确保各项任务落到实处。",
        "{ORG:responsible}对此项工作负主体责任,{ORG:responsible}负监管责任。",
        "{GROUP:lead}下设{N}个工作组:{GROUP:responsible}、{GROUP:responsible}、{GROUP:responsible}。",
        "{ROLE:lead}要带头抓{TOPIC},{ROLE:responsible}要具体抓、抓具体。",
        "{CROLE:lead}要切实履行“一岗双责”,{ROLE:responsible}要协助抓好分管范围内的{TOPIC}工作。",
        "{ORG:responsible}要加强对{PLURAL}的督导检查,对工作不力的单位进行通报。",
        "{SUB:responsible}负责{TOPIC}工作的考核,考核结果报{ORG:lead}审定。",
        "会计委派工作由{ORG:responsible}统一管理,{SUB:responsible}、{SUB:responsible}具体实施。",
        "{ORG:responsible}设{N}名{ROLE:responsible},负责{TASK}。",
        "各单位{ROLE:responsible}要对分管工作负直接领导责任。",
        "{ORG:lead}党委要切实加强对{TOPIC}工作的领导,{PLURAL:responsible}要成立相应的工作机构。",
        "{TOPIC}工作实行{ROLE:lead}负责制,{ORG:responsible}承担具体组织工作。",
        "分管领导:{PER:responsible} 责任股室:{SUB:responsible} 责任人:{PER:responsible}",
        "总责任人:{PER:lead}",
        "{PER:responsible} {SUB:responsible} {PER:responsible}",
    ],
    "notice": [
        "{ORG:issuer}关于印发《{DOC}》的通知",
        "{ORG:issuer}关于开展{TOPIC}工作的通知",
        "{PLURAL:recipient}:",
        "{ORG:recipient},{ORG:recipient},{PLURAL:recipient}:",
        "现将《{DOC}》印发给你们,请结合实际认真贯彻执行。",
        "{ORG:issuer} {DATE}",
        "{ORG:issuer}办公室 {DATE}印发",
        "抄送:{SUPERIOR},{SUPERIOR}。",
        "{SUPERIOR}印发了《{DOC}》,对全市{TOPIC}工作作出部署。",
        "根据{SUPERIOR}《{DOC}》精神,结合我局实际,制定本方案。",
        "经{ORG:issuer}研究决定,在全系统开展{TOPIC}活动。",
        "联系人:{PER:contact},电话:{PHONE}。",
        "{PLURAL:recipient}:为进一步加强{TOPIC}工作,经研究,决定开展专项行动,现将有关事项通知如下:",
        "各单位要按照{SUPERIOR}的统一部署,认真组织实施,有关情况及时报{SUB:contact}。",
        "{ORG:issuer}党委",
        "中共{ORG:issuer}委员会",
        "请于{DATE}前将报名表报{SUB:contact},联系人:{PER:contact}。",
    ],
    "summary": [
        "今年以来,在{SUPERIOR}的正确领导下,{ORG:issuer}认真贯彻落实{TOPIC}各项部署,取得了明显成效。",
        "{ORG}被{SUPERIOR}评为{AWARD}。",
        "{DATE},{ORG:responsible}召开{TOPIC}工作会议,{HOLDER}{PER}出席会议并讲话。",
        "在{GROUP:responsible}的大力指导下,{ORG:issuer}按照{SUPERIOR}、{SUPERIOR}的统一安排部署,扎实开展{TOPIC}。",
        "一是成立了以{HOLDER}{PER:lead}为组长的{GROUP:lead},抽调{N}名工作人员充实{SUB:responsible}力量。",
        "如{ORG}以“{TOPIC}”为主题,做到全面提升服务能力;{ORG}以“{TOPIC}”为载体,真抓实干。",
        "同时,{ORG}、{ORG}、{ORG}等,在推进{TOPIC}中也做到了“抓活动,突亮点”。",
        "积极邀请{GROUP:responsible}领导加大对{ORG}{TOPIC}的督导力度。",
        "{ORG:responsible}将{TOPIC}纳入年度目标考核,与各单位签订了责任书。",
        "最后,要求{PLURAL:responsible}充分利用宣传栏、简报等形式,加大宣传力度。",
        "{PER}同志({ORG}{HOLDER})在会上作了动员讲话。",
        "市县两级成立{GROUP:responsible},由{ORG:responsible}牵头,{SUB:responsible}具体负责。",
    ],
    "plain": [
        "要坚持标本兼治、综合治理,切实解决群众反映强烈的突出问题。",
        "严格执行首诊负责制、三级查房制度等医疗核心制度,确保医疗安全。",
        "通过开展{TOPIC},进一步转变工作作风,提高服务质量和办事效率。",
        "对检查中发现的问题,要建立台账,明确整改时限,做到整改到位。",
        "坚持以人民健康为中心,全面提升医疗服务水平。",
        "认真查找在思想、作风、纪律等方面存在的突出问题。",
        "采取召开座谈会、发放征求意见表等形式,广泛征求意见和建议。",
        "{TOPIC}工作分三个阶段进行,时间从{DATE}至{DATE}。",
        "各级领导干部要带头转变作风,做到为民务实清廉。",
        "把{TOPIC}与业务工作结合起来,做到两手抓、两不误。",
        "党员、干部要自觉接受群众监督,树立良好形象。",
        "本方案自印发之日起施行。",
        "加强宣传引导,营造良好的舆论氛围。",
        "对工作不力、造成严重后果的,严肃追究有关人员责任。",
    ],
}
# Held out of train: dev documents may use them, train documents never do.
DEV_ONLY_TEMPLATES = {
    "plan": [
        "为加强对{TOPIC}的组织领导,决定成立{GROUP:lead},{HOLDER}{PER:lead}同志任组长。",
        "{ORG:responsible}要指定专人负责,并将{ROLE:contact}名单于{DATE}前报{SUB:contact}。",
        "具体工作由{SUB:responsible}承办,{ORG:responsible}协办。",
    ],
    "summary": [
        "{ORG:responsible}、{ORG:responsible}分别成立了工作专班,明确{ROLE:responsible}具体抓落实。",
    ],
}


def _fill(template: str, namer: Namer, rng: random.Random) -> tuple[str, list[list]]:
    text, entities = "", []
    for piece in re.split(r"(\{[A-Z]+(?::[a-z]+)?\})", template):
        m = re.fullmatch(r"\{([A-Z]+)(?::([a-z]+))?\}", piece)
        if not m:
            text += unicodedata.normalize("NFKC", piece)
            continue
        kind, role = m.groups()
        if kind in FILLERS:
            text += rng.choice(FILLERS[kind])
            continue
        name = {"ORG": namer.org, "SUB": namer.sub, "GROUP": namer.group, "PLURAL": namer.plural,
                "SUPERIOR": namer.superior, "ROLE": namer.role, "CROLE": namer.crole,
                "PER": namer.person}[kind]()
        entities.append([len(text), len(text) + len(name), SLOT_LABEL[kind], role])
        text += name
    return text, entities


def written_records(n_docs: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for i in range(n_docs):
        split = "dev" if i % 5 == 4 else "train"
        namer = Namer(split, rng)
        genre = rng.choice(["plan", "plan", "notice", "summary"])
        pool = TEMPLATES[genre] + TEMPLATES["plain"]
        if split == "dev":
            pool = pool + DEV_ONLY_TEMPLATES.get(genre, []) * 3
        for template in rng.sample(pool, k=min(len(pool), rng.randint(5, 9))):
            text, entities = _fill(template, namer, rng)
            assert len(text) <= MAX_SENTENCE, text
            records.append({"source": f"written/{genre}-{i:03d}", "split": split, "text": text,
                            "entities": entities})
    return records


def to_bio(text: str, entities: list[list]) -> list[str]:
    """Character BIO tags for a record (spaces inside a name keep the name's I- tag)."""
    tags = ["O"] * len(text)
    for s, e, label, _role in entities:
        tags[s] = f"B-{label}"
        for k in range(s + 1, e):
            tags[k] = f"I-{label}"
    return tags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--docs", type=int, default=260, help="number of written pseudo-documents")
    a = ap.parse_args()
    records = seed_records() + written_records(a.docs, a.seed)
    for r in records:
        for s, e, _label, _role in r["entities"]:
            assert 0 <= s < e <= len(r["text"]), r
        r["tags"] = to_bio(r["text"], r["entities"])
    digest = hashlib.sha256()
    for name in ("seeds", "gold"):
        for path in sorted((ROOT / "corpora" / name).iterdir()):
            digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    stats = {}
    for split in ("train", "dev"):
        rows = [r for r in records if r["split"] == split]
        with open(HERE / f"{split}.jsonl", "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        stats[split] = {"sentences": len(rows), "documents": len({r["source"] for r in rows}),
                        "entities": sum(len(r["entities"]) for r in rows),
                        "seed_sentences": sum(r["source"].startswith("seed/") for r in rows)}
    meta = {"source_sha256": digest.hexdigest(), "seed": a.seed, "docs": a.docs, **stats}
    (HERE / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, ensure_ascii=False))


if __name__ == "__main__":
    main()
