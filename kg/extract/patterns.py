"""The genre's vocabulary as tables: triggers, suffixes, legal forms, units, numerals.

Everything here is generic knowledge of Chinese development-zone reports; no
table names a particular company, project, park or honor.  Extractors combine
these tables with regular expressions; changing what is recognised should mean
editing a table here, not adding an ``if`` elsewhere.
"""

from __future__ import annotations

import re

from kg.text.segment import SURNAMES as _SURNAMES

CJK = r"\u4e00-\u9fff"

# --- masks and numbers ----------------------------------------------------

#: Placeholders that hide a figure or a name in published texts.
MASK = re.compile(r"\*+|[xX]{2,}|(?<![A-Za-z0-9])[xX](?![A-Za-z0-9])|×{2,}|_{2,}|＊+|某")
#: An Arabic number, possibly with decimals (full-width digits are normalised before use).
NUMBER = r"\d+(?:\.\d+)?"
#: Chinese numerals for small counts (三, 十三, 二十).
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

#: Money units and their factor to yuan (or to US dollars for 美元 units).
MONEY_UNITS = {
    "万亿元": 1_000_000_000_000,
    "亿元": 100_000_000,
    "万元": 10_000,
    "元": 1,
    "亿": 100_000_000,
    "亿美元": 100_000_000,
    "万美元": 10_000,
    "美元": 1,
}
#: Count units accepted for indicators.
COUNT_UNITS = ("家", "个", "项", "户", "件", "人", "名", "所", "座", "条")
#: Other measure units accepted for indicators.
MEASURE_UNITS = ("万吨", "吨", "万千瓦", "千瓦", "亿千瓦时", "万千瓦时", "亿立方米", "万立方米", "万平方米", "平方米",
                 "平方公里", "万亩", "亩", "公里", "万辆", "辆", "万台", "台", "亿人次", "万人次", "人次", "万标箱")
#: Bare magnitudes that a longer unit may follow (2.1亿千瓦): then they are not the unit.
BARE_MAGNITUDES = ("亿", "万")
#: Words right before a value and the qualifier they give it (longest first).
QUALIFIERS_BEFORE = (("不少于", "over"), ("不低于", "over"), ("超过", "over"), ("突破", "over"), ("超", "over"),
                     ("逾", "over"), ("接近", "nearly"), ("近", "nearly"), ("大约", "about"), ("约", "about"))
#: Words ending in 约 that do not say "about" (签约10个项目).
NOT_ABOUT = frozenset(("签约", "合约", "预约", "履约", "节约", "制约", "公约", "条约", "邀约", "特约", "契约"))
#: Words right after a value's unit and the qualifier they give it.
QUALIFIERS_AFTER = (("以上", "over"), ("左右", "about"))
#: Words between a value and its unit: "100多家", "300余个".
QUALIFIERS_INSIDE = {"余": "moreThan", "多": "moreThan"}
#: Counts that name no number (数百个, 上千家, 近千, 几十, 数十): never a figure.
VAGUE_COUNT = re.compile(r"(?:数|几|上|近|成)(?:十|百|千|万)(?:余|多)?(?:个|家|项|人|名|件|户|所|座|条|亿|万)")
#: Words before a counted thing that say how it moved; kept apart from the metric (longest first).
CHANGE_WORDS = ("累计引进", "新引进", "新培育", "新认定", "新增", "净增", "引进", "招引", "培育", "新设", "累计")

# --- zones ------------------------------------------------------------------

#: Suffixes of development-zone names, longest first.
ZONE_SUFFIXES = (
    "高新技术产业开发区", "经济技术开发区", "经济开发区", "高新技术开发区", "高新区",
    "经开区", "开发区", "综合保税区", "保税区", "自贸区",
)
#: More zone forms of the genre (with a place before them): candidates for the learned recogniser.
MORE_ZONE_SUFFIXES = (
    "新区", "综保区", "保税港区", "台商投资区", "工业集中区", "产业集聚区", "自由贸易试验区", "自贸试验区",
    "片区", "示范区", "试验区", "新城", "起步区", "工业区", "临空经济区", "汽开区",
)
#: Bare words that refer back to the report's own zone.
ZONE_SELF = ("高新区", "经开区", "开发区", "本区", "我区", "全区", "园区", "辖区")
#: Generic words for a zone: never a zone's name, nor a short name of one ("（简称“开发区”）").
GENERIC_ZONE_WORDS = frozenset((*ZONE_SELF, *ZONE_SUFFIXES, "新区", "示范区", "试验区", "综保区", "片区",
                                "集聚区", "工业区", "工业园区", "产业园区", "经济区"))
#: Words that cannot be the place part of a zone name: levels, determiners, generic words and
#: the verbs of policy text ("深化开发区管理制度改革" names no zone).
ZONE_PREFIX_STOP = (
    "全省", "全市", "全国", "国家级", "省级", "市级", "各", "该", "本", "我", "全区", "先进制造业",
    "所在", "创建", "完善", "国家", "省", "市", "各类", "重点", "示范", "省级以上", "家",
    "园区", "新区", "全部", "现有", "所有", "主要", "规范", "深化", "做强", "做优", "做大", "推进",
    "推动", "支持", "建设", "提升", "打造", "发展", "释放", "整合", "设立", "优化", "壮大", "引导",
    "中国", "动员", "助力", "年度", "全国性",
)
#: Ordinals, verbs and slogans that a zone's name never holds ("甲省首个国家级新区", "甲市申建综保区",
#: "美丽甲省示范区").
NOT_IN_ZONE_NAMES = ("首个", "首家", "第一个", "再添", "新添", "又一", "唯一", "申建", "争创", "创建", "美丽")
#: A count is not a place: 五大开发区, 两个开发区, 十家经开区.
ZONE_PREFIX_COUNT = re.compile(r"^[一二三四五六七八九十百千两几数多]+[大个类家批座]?$")
#: Bare words a report uses for its own zone when it opens a clause with it ("高新区坚持…").
#: 全区 and 我区 are left out: autonomous regions use them for themselves.
OWN_ZONE_WORDS = ("高新区", "经开区", "开发区", "园区", "示范区", "新区", "综保区", "本区")
#: At least one clause about the own zone per this many characters of text: a provincial
#: report that mentions "园区" twice in 20,000 characters is not about a zone of its own.
OWN_ZONE_DENSITY = 2000

#: Province-level names; a zone is never named after a province alone.
PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州",
    "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
)
#: Direct-administered municipalities are cities too.
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
#: A city must be named this often before a report's bare "高新区" is taken to be that city's.
MIN_CITY_MENTIONS = 2

# --- companies ----------------------------------------------------------------

#: Legal forms that end a full company name, longest first.
LEGAL_FORMS = (
    "集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团公司",
    "集团", "公司",
)
#: Industry words that end a company short name (brand + industry: 华信科技, 宏远电器).
INDUSTRY_WORDS = (
    "科技", "电子", "电器", "电气", "光电", "能源", "化工", "智能", "材料", "新材", "特钢",
    "钢铁", "线缆", "电缆", "机械", "重工", "汽车", "药业", "制药", "生物", "实业", "股份",
    "控股", "物流", "食品", "纺织", "光伏", "半导体", "微电子", "软件", "通信",
    "环保", "建材", "医疗", "精工", "精密", "动力", "电池", "装备", "集团", "发电", "铝业",
    "铜业", "矿业", "陶瓷", "玻璃", "塑业", "化学", "医药", "传感", "网络", "数据", "化纤", "电力",
    "钢管",
)
#: Words that look like brand + industry but are generic phrases.
NOT_BRAND = (
    "加大", "推动", "提升", "发展", "促进", "重点", "新兴", "高新", "信息", "电子", "新",
    "清洁", "绿色", "智慧", "数字", "现代", "先进", "高端", "新型", "传统", "未来", "战略",
    "相关", "支持", "培育", "壮大", "强化", "打造", "建设", "实施", "围绕", "依托", "加快",
    "中小", "规上", "规模", "龙头", "骨干", "优质", "高新技术", "科技型", "创新", "工业",
    "人工", "生物", "装备", "汽车", "医药", "化工", "能源", "材料", "新材料", "新能源",
    "产业", "企业", "项目", "服务", "研发", "技术", "应用", "领域", "基础", "专项",
)
#: "支持 A、B 实施…": verbs before a list of firms, and verbs that end the list.
FIRM_LIST_BEFORE = ("支持", "推动", "帮助", "引导", "鼓励", "服务", "督促", "协调", "指导", "扶持")
#: What "A、B等<words>项目" may not hold between 等 and 项目: the items are ways or fields.
NOT_PROJECT_GROUP = re.compile("方式|方面|措施|手段|形式|渠道|途径|领域|资金")
#: Roles a firm is named after ("龙头企业<firm>完成…"), and what such a firm then does.
FIRM_ROLES = ("龙头企业", "领军企业", "链主企业", "骨干企业")
FIRM_ROLE_VERBS = ("完成", "实现", "达到", "投资", "建设", "落户", "签约", "入选", "获", "年产", "产值")
#: Words that make a "…公司" a kind of firm, not a firm (区属国有公司, 下属公司).
GENERIC_FIRM_WORDS = ("国有", "区属", "市属", "下属", "控股子", "平台", "运营", "投资")
FIRM_LIST_AFTER = ("实施", "增产", "扩产", "上市", "做大", "做强", "发展", "建设", "投产", "扩能", "技改",
                   "转型", "规划", "加快", "开展", "申报", "落地", "扩大", "新建", "提升")
#: Suffixes of government bodies named with a place (许昌市棚改办).
ORGANIZATION_SUFFIXES = ("办公室", "委员会", "管委会", "局", "办", "厅")
#: How research institutes, universities and laboratories end (Organizations).
INSTITUTION_SUFFIXES = ("研究院", "研究所", "大学", "实验室", "技术转移转化中心")
#: The central state's bodies, a closed class like the provinces: the State Council, its
#: ministries and commissions (current and former names, with their common short forms),
#: the bodies under them that the genre names, and the party's and the legislature's centre.
NATIONAL_BODIES = (
    "国务院办公厅", "国务院国资委", "国务院", "国家发展和改革委员会", "国家发展改革委", "国家发改委",
    "工业和信息化部", "工信部", "科学技术部", "科技部火炬中心", "科技部", "商务部", "财政部", "教育部",
    "自然资源部", "国土资源部", "生态环境部", "环境保护部", "住房和城乡建设部", "住房城乡建设部", "住建部",
    "交通运输部", "水利部", "农业农村部", "农业部", "人力资源和社会保障部", "人力资源社会保障部", "人社部",
    "民政部", "司法部", "公安部", "文化和旅游部", "文旅部", "国家卫生健康委", "国家卫健委", "应急管理部",
    "退役军人事务部", "审计署", "海关总署", "国家税务总局", "国家市场监督管理总局", "国家市场监管总局",
    "国家统计局", "国家知识产权局", "国家能源局", "国家外汇管理局", "中国人民银行", "中国证监会",
    "国家金融监督管理总局", "国家数据局", "国家网信办", "中央网信办", "国家铁路局", "中国民航局",
    "国家邮政局", "国家林业和草原局", "国家林草局", "国家航天局", "中国科学院", "中国工程院", "全国人大",
    "全国政协", "党中央", "中共中央",
)
#: Bodies of a named zone: its committee, its party working committee and its government
#: (甲市高新区管委会, 甲市新区人民政府).
ZONE_BODIES = ("管委会", "党工委", "工委", "人民政府")
#: Words opening with 省/市/区/县 that are no abbreviation of a government (市场, 区域, 县域, 省级…).
NOT_GOVERNMENT_START = ("场", "域", "级", "内", "外", "属", "委书记", "委常委", "长")
#: Common surnames, to join a name jieba splits (张 + 良才); shared with the segmenter.
SURNAMES = _SURNAMES
#: Words that open a byline; the names in it are people.
BYLINE_WORDS = ("记者", "通讯员", "编辑", "摄影", "责任编辑")
#: Foreign countries: a country word before a firm (德国甲乙, 韩国丙丁) describes it and stays out of
#: the firm's name; a name that fuses it (中德甲乙) keeps it.
COUNTRIES = (
    "美国", "德国", "英国", "法国", "日本", "韩国", "意大利", "荷兰", "瑞士", "瑞典", "丹麦", "芬兰", "挪威",
    "比利时", "奥地利", "西班牙", "葡萄牙", "加拿大", "澳大利亚", "新西兰", "新加坡", "以色列", "印度",
    "俄罗斯", "沙特", "阿联酋", "卡塔尔", "马来西亚", "泰国", "越南", "印度尼西亚", "巴西", "墨西哥",
)
#: Generic phrases that are categories of firms, never a firm.
GENERIC_FIRMS = (
    "企业", "公司", "集团", "高新技术企业", "科技型中小企业", "专精特新", "规上工业企业",
    "龙头企业", "骨干企业", "头雁企业", "瞪羚企业", "独角兽企业",
)
#: What before 集团 makes a kind of group, not one firm: a holding, a hospital or a school group.
GROUP_CATEGORY_CORES = ("控股", "投资", "医疗", "中小学", "教育")
#: Verbs of policy text that open the words before a firm's legal form (做强省纺织集团).
FIRM_LEADING_VERBS = ("新组建", "组建", "做强", "做优", "做大", "深化", "支持", "推动", "引导", "培育", "壮大")
#: Endings of a kind of firm, never of one firm's legal name (科创板上市公司, 跨国公司).
FIRM_CATEGORY_ENDINGS = ("上市公司", "跨国公司", "项目公司", "平台公司", "央企公司")
#: Heads of infrastructure that a listed item ends in: a project (甲乙铁路, 丙丁水库), never a firm.
INFRASTRUCTURE_HEADS = (
    "铁路", "高铁", "城际", "公路", "高速", "机场", "水库", "灌区", "隧道", "大桥", "码头", "港区",
    "管道", "电站", "航道", "枢纽", "通道", "干线", "水利", "网络", "气田", "油田", "煤矿", "古城",
    "城墙", "遗址",
)

# --- projects -----------------------------------------------------------------

#: Words in front of a project name that are not part of it (verbs, function words).
NAME_BOUNDARY_WORDS = frozenset((
    "的", "和", "与", "及", "以及", "或", "以", "在", "对", "将", "把", "为", "由", "从", "向",
    "是", "了", "等", "其中", "特别是", "尤其是", "包括", "推动", "推进", "实施", "谋划",
    "引进", "引育", "建设", "加快", "确保", "力争", "支持", "依托", "打造", "围绕", "争取",
    "盘活", "配套", "全力", "重点", "辖区", "成功", "顺利", "开工", "竣工", "投产", "签约",
    "落地", "完成", "启动", "新建", "续建", "开展", "积极", "持续", "加速", "推进实施",
    "计划", "开工建设", "全面", "主要", "共", "有", "助推", "建成", "基本", "申报", "针对",
    "新增", "净增", "累计", "上报", "据", "按照", "通过", "根据", "经过", "随着", "关于",
    "上半年", "下半年", "全年", "今年", "目前", "当前", "服务", "保障", "抓好",
    "做好", "聚焦", "落实", "实现", "促进", "举办", "承办", "签订", "参与", "协调", "跟踪",
    "督促", "推介", "洽谈", "入选", "获批", "挂牌", "荣获", "获评", "入驻", "布局", "储备",
    "举行", "紧盯", "发挥", "充分发挥", "申创", "筑牢", "投用", "拜访", "拜访了", "走访", "对接",
    "全区", "本区", "我区",
    "该", "此", "其", "这", "那", "这些", "而且", "并且", "但", "但是",
))
#: Project names made only of these words are categories, not projects.
GENERIC_PROJECT_WORDS = (
    "重点", "重大", "产业", "工业", "亿元以上", "亿元", "以上", "新", "意向", "专项债", "固定资产",
    "省市", "省", "市", "县", "签约", "开工", "在建", "在库", "续建", "新建", "新开工",
    "中高端", "高端", "优质", "大", "好", "招商", "引资", "外资", "内资", "民生", "基础设施",
    "政府", "投资", "建设", "三个一批", "四个一批", "一批", "示范", "试点", "各类", "相关",
    "安置房", "棚户区", "村改", "城中村", "改造", "储备", "谋划", "前期", "入库", "省外",
    "市外", "境外", "内", "外", "已", "已在库", "白名单", "年度", "计划", "全部", "该", "此",
    "两", "多个", "各个", "这些", "其他", "配套", "科技", "单体", "产业化", "项目", "中",
    "大数据", "实事", "民生实事", "达产", "达效", "投产", "竣工", "技改", "改造升级",
    "产业链条", "链条", "产业链", "一批", "全市", "全省", "标杆", "关联", "公建", "商业", "园区",
    "铺排", "最大", "单体", "公司", "追加", "一个个", "生产", "基地", "代表", "参加", "集中",
    "高新区", "经开区", "开发区",
)
PROJECT_SUFFIX = "项目"
#: "项目建设", "项目准入": 项目 opening a compound, not ending a project's name.
PROJECT_COMPOUNDS = ("建设", "准入", "预审", "管理", "服务", "谋划", "推进", "为王", "库", "资金", "前期",
                     "审批", "招引", "开工率", "投资", "储备", "观摩", "攻坚", "专班", "落地")
#: "华茂大厦推进水电工程调试": a construction named at the head of a clause, then its progress.
CONSTRUCTION_SUFFIXES = ("工程", "大厦", "商务楼", "大楼", "中心", "商城", "精品城", "一期", "二期", "三期", "四期")
#: Adverbs between a construction and its progress verb ("A、B均推进地下室施工").
CONSTRUCTION_ADVERBS = ("均", "已", "正在", "正", "将", "基本", "全面", "加快", "顺利", "陆续", "分别")
CONSTRUCTION_VERBS = ("开工", "施工", "完成", "推进", "投用", "竣工", "结顶", "试运营", "准备投用", "实现", "处于")
#: Facility nouns that end a name by themselves: "博物馆和图书馆项目" is two names, not one.
FACILITY_ENDINGS = ("馆", "院", "校", "园", "中心", "基地", "医院", "大厦")
#: Names of facilities that reports treat as projects (…基地, …医院) when invested in or listed.
FACILITY_SUFFIXES = ("生产基地", "基地", "医院", "学校", "中心", "工程", "大厦", "综合体")
#: ``A 等 N 个(重点)项目``: A names one project of a group; a preceding total is the group's.
GROUP_OF_PROJECTS = re.compile(
    rf"等(?:[{CJK}]{{0,6}}?)?(?:(?:\d+|[一二三四五六七八九十两]+|[*xX]+)[余多]?个)?(?:[{CJK}]{{0,8}}?)?项目"
)
#: An amount of money as written, with its number and unit as groups ("约20亿元").
PROJECT_AMOUNT = r"(?:约|达)?([\d.]+|\*+[.*]*)(亿元|万元|亿美元|万美元)"
#: A count as written, in digits or Chinese numerals (3, 十二, 两).
COUNT_NUMBER = r"(?:\d+|[一二三四五六七八九十两]+)"
#: An enumeration of projects: "投资两个项目：A、B", "…集中开工项目的重头戏，包括：A、B项目…".
PROJECT_ENUMERATION = re.compile(rf"(?:{COUNT_NUMBER}个项目|项目[^。；;]{{0,30}}?包括)[：:]")
#: Status triggers, checked in this order; the first found in the clause wins.
STATUS_TRIGGERS = (
    # a compound of two stages is the later one: 竣工投产, 建成投用, 建成试运行
    ("竣工投产", "inOperation"),
    ("建成投用", "inOperation"),
    ("试运行", "inOperation"),
    ("竣工", "completed"),
    ("建成投产", "inOperation"),
    ("建成", "completed"),
    ("投产", "inOperation"),
    ("投用", "inOperation"),
    ("投运", "inOperation"),
    ("试生产", "inOperation"),
    ("试产", "inOperation"),
    ("投入运行", "inOperation"),
    ("上线运行", "inOperation"),
    ("上网运行", "inOperation"),
    ("正式运行", "inOperation"),
    ("投入使用", "inOperation"),
    ("运营", "inOperation"),
    ("开工", "underConstruction"),
    ("动工", "underConstruction"),
    ("开建", "underConstruction"),
    ("在建", "underConstruction"),
    ("正在建设", "underConstruction"),
    ("加紧建设", "underConstruction"),
    ("封顶", "underConstruction"),
    ("完成投资", "underConstruction"),
    ("加快建设", "underConstruction"),
    ("建设加快推进", "underConstruction"),
    ("落地", "signed"),
    ("落户", "signed"),
    ("签约", "signed"),
    ("完成注册", "signed"),
    ("谋划", "planned"),
)
#: Status verbs set right before a project's name ("启动实施投资X亿元的A项目", "完成A项目"),
#: read when nothing after the name states one; checked in this order.
STATUS_BEFORE_NAME = (
    ("谋划实施", "planned"),
    ("启动实施", "underConstruction"),
    ("开工建设", "underConstruction"),
    ("新开工", "underConstruction"),
    ("竣工", "completed"),
    ("建成", "completed"),
    ("完成", "completed"),
    ("签约", "signed"),
    ("落地", "signed"),
)
#: Words that put a status in the future: the project is only planned.
FUTURE_MARKERS = ("将", "力争", "确保", "计划", "预计", "争取", "拟", "谋划", "推动", "督促")

# --- parks --------------------------------------------------------------------

#: Suffixes of park names (places), longest first.
PARK_SUFFIXES = (
    "产业园区", "工业园区", "科技园区", "物流园区", "创业园区", "科技产业园", "产业园", "工业园", "科技园", "孵化园",
    "孵化器",
    "创业园", "创新园", "物流园", "园区", "小镇", "中试基地", "孵化基地", "产业基地",
)
#: Words of policy text that a park's name never holds ("深化园区改革", "做强甲乙科技园").
PARK_POLICY_WORDS = ("深化", "优化", "做强", "做优", "做大", "建强", "纳入", "规范", "进园区", "新一轮",
                     "因地制宜")
#: Named places for industry without 产业园: candidates for the learned recogniser.
MORE_PARK_SUFFIXES = ("小镇", "科学城", "科技城", "软件园", "加速器", "孵化中心", "众创空间", "创新港",
                      "产业社区", "生物城", "汽车城", "医药谷", "光谷", "药谷", "信息谷", "硅谷", "智谷", "工业港",
                      "物流港")
#: Heads of a descriptive phrase set before a name ("国际一流家居品牌<firm>…项目"): dropped.
APPOSITIVE_HEADS = ("品牌", "龙头企业", "领军企业", "独角兽企业", "上市公司")
#: A project named after a park (<firm>…产业园一期项目) is a park build-out: its leading firm
#: name names the park, and is not taken for the investor.
PARK_PROJECT_WORDS = tuple(s for s in PARK_SUFFIXES if "园" in s)
#: Words that name a kind of place, never one place: no short name ("（简称“孵化园”）") is one of them.
GENERIC_PLACE_WORDS = GENERIC_ZONE_WORDS | frozenset(PARK_SUFFIXES)
#: Park names made only of these words are generic references.
GENERIC_PARK_WORDS = (
    "特色", "各", "该", "本", "小微", "专业", "省级", "市级", "国家级", "各类", "现有", "新",
    "标准化", "重点", "一批", "多个", "全区", "整个", "周边", "其他", "相关", "合作",
    "四期", "三期", "二期", "一期", "清廉", "产业", "工业", "科技", "大", "智慧", "数字",
    "示范", "园", "科技企业", "企业", "众创", "专业型", "创业", "创新", "全省", "全市", "全国",
    "首家", "年度", "几大", "各大", "飞地经济", "生态", "省级以上", "国家级高新技术", "高新技术",
)

# --- honors -------------------------------------------------------------------

#: Verbs that introduce an honor; the honor follows, the recipient precedes.
HONOR_TRIGGERS = (
    "被评为", "被确定为", "被认定为", "被命名为", "被授予", "被列为", "荣获", "获评", "获批",
    "入选", "挂牌", "获得", "获授", "评为", "认定为", "成功创建", "创建成为", "跻身", "申创",
    "被批准为", "批准为", "确定为", "被列入", "列入", "入围", "入列", "晋级", "创成", "获建", "蝉联", "再获",
)
#: Triggers read by the honor rules only (not features of the recogniser): the recipient
#: before them ("甲乙机械荣膺…", "被省政府表彰为…"), and those whose subject gives the honor
#: ("表彰了…"; "被分别授予…" is passive, its subject receives).
RECEIVING_TRIGGERS = ("荣膺", "表彰为")
GIVING_TRIGGERS = ("授予", "表彰了", "表彰")
#: Titles given to people and teams at an awards meeting (表彰了…的企业家和个人).
AWARDEE_SUFFIXES = ("个人", "企业家", "党员", "公务员", "团队", "工作者", "书记", "组织", "家庭", "机构")
#: Words of a ranking sentence, never inside an honor's title.
RANKING_WORDS = ("位居", "位列", "排名", "居全国", "居全省", "数量", "之一")
#: How awards and designations end: candidates for the learned recogniser (…奖, …示范基地).
AWARD_SUFFIXES = ("奖", "示范区", "示范基地", "示范园区", "示范园", "示范点", "示范单位", "示范企业", "试点",
                  "先进单位", "先进集体", "称号", "冠军", "工厂", "名单", "榜单", "小巨人企业", "百强", "十强")
#: Words after which a name often follows (引进甲乙科技, 签约丙丁项目).
NAME_CUES_BEFORE = ("引进", "引入", "签约", "招引", "落户", "入驻", "包括", "龙头企业", "领军企业", "上市公司",
                    "携手", "新引进")
#: Verbs that end the subject opening a clause ("甲乙机械荣膺…"), besides jieba's verbs.
SUBJECT_VERBS = ("荣获", "荣膺", "获批", "获评", "入选", "是", "在", "已", "正式", "成功", "发力", "位居", "成为",
                 "实现", "完成", "签约", "落户", "投产", "开工", "竣工", "建成", "等", "连续", "牵头", "研发")
#: Unquoted honors must end like this (designations, titles, awards).
HONOR_SUFFIXES = (
    "示范区", "示范基地", "示范园区", "示范园", "示范点", "示范单位", "示范企业", "基地", "试点",
    "单位", "集体", "先进", "称号", "奖", "强", "集群", "企业", "园区", "孵化器", "中心", "平台",
    "标兵", "模范", "典型", "样板", "品牌", "工厂", "车间", "载体", "冠军", "名单", "榜单",
    "先导区", "先行区", "示范项目", "节点", "百强榜", "试点城市", "示范城市", "名录", "文明城市", "卫生城市",
    "森林城市", "园林城市",
)
#: Unquoted honors with these endings need a qualified name (not just 推荐名单).
LIST_HONOR_SUFFIXES = ("名单", "榜单")
#: Lists of candidates and of projects to be served, not of the honored.
CANDIDATE_LISTS = ("创建名单", "白名单", "储备名单", "候选名单")
MIN_LIST_HONOR = 8
#: Words after a quoted honor that say it is an honor ("荣誉称号"); dropped from the label.
HONOR_TAILS = ("等荣誉称号", "等荣誉", "等称号", "荣誉称号", "称号", "荣誉")
#: Adverbs between a recipient and the trigger.
RECIPIENT_ADVERBS = ("成功", "先后", "再次", "相继", "均", "已", "分别", "被", "还", "又",
                     "同时", "首次", "连续", "顺利", "正式", "一举", "并", "也")
#: Recipient suffixes → class, checked in order.
RECIPIENT_CLASSES = (
    ("产业集群", "Cluster"), ("产业链", "Cluster"), ("集群", "Cluster"),
    ("党委", "Organization"), ("党支部", "Organization"), ("党组", "Organization"),
    ("管委会", "Organization"), ("工委", "Organization"), ("局", "Organization"),
    ("中心", "Organization"), ("学院", "Organization"), ("大学", "Organization"),
    ("研究院", "Organization"), ("研究所", "Organization"), ("村", "Organization"), ("社区", "Organization"),
    ("项目", "Project"),
)

# --- indicators ---------------------------------------------------------------

#: Verbs in front of a metric; the metric is what follows the last of them.
METRIC_VERBS = ("累计完成", "可实现", "可完成", "实现", "完成", "达到", "达", "引进", "利用",
                "新增", "净增", "增至", "累计", "共计", "合计", "新签约", "新签", "签约", "新入库", "入库", "实施",
                "拥有", "兑现", "新注册", "新登记", "新设立", "新认定")
#: Verbs kept as part of the metric ("新增高新技术企业", "新签约项目").
METRIC_KEEP_VERBS = ("新增", "净增", "引进", "利用", "新签约", "新签", "签约", "新入库", "新注册", "新登记", "新设立",
                     "新认定")
#: Work done on a thing that open its name before a figure but are no part of the metric
#: (谋划专项债项目24个, 盘活低效用地1191亩), where jieba does not tag them as verbs.
LEADING_ACTIONS = ("谋划申报", "谋划", "申报", "盘活")
#: Growth phrases: sign and pattern.
GROWTH = re.compile(rf"(?:同比)?(增长|下降|增速|增幅|减少|降低)(?:为|达|了)?({NUMBER})%")
#: Words that make a figure a target, not an observation.
TARGET_MARKERS = ("力争", "确保", "目标", "争取", "要", "突破", "不低于", "以上")
ESTIMATE_MARKERS = ("预计",)
#: A money amount that classes projects or firms by size ("1亿元以上项目13个", "10亿元及以上企业"):
#: a threshold, not a figure.
SIZE_CLASS = r"^(?:以上|及以上|及[\d.]+[万亿]?(?:元|美元)以上)的?[\u4e00-\u9fff]{0,8}?(?:项目|企业)"
#: The same after 超/逾 before the amount: "超50亿元项目4个", "投资超1亿元或1000万美元制造业项目70个".
SIZE_CLASS_OVER = r"^(?:或[\d.]+[万亿]?(?:元|美元))?的?[\u4e00-\u9fff]{0,8}?(?:项目|企业)"
#: A count of a size class, its metric written with the amount: "100亿元以上项目1个" → 100亿元以上项目.
_AMOUNT = r"(?:[\d.]+|[一二三四五六七八九十百千]+)?[万亿](?:元|美元)"
_THRESHOLD = (rf"(?:(?:超|逾){_AMOUNT}(?:[及或]{_AMOUNT})?(?:及?以上)?"
              rf"|{_AMOUNT}(?:[及或]{_AMOUNT})?及?以上)")
SIZED_METRIC = (rf"((?:投资额?|总投资)?{_THRESHOLD}的?"
                r"[\u4e00-\u9fff]{0,8}?(?:项目|企业))(?:有|达|共)?$")
#: What one project or firm will do once built (建成达产后年可实现销售收入…): not the zone's figure.
PROJECTED = ("达产后", "建成后", "投产后", "达效后")
#: Nouns that end the name of one project or firm before its figure (甲乙宝骏基地实现产量…).
OWN_UNIT_HEADS = ("项目", "基地", "工厂", "公司", "集团", "厂区")
#: Words opening a clause about a project named before (该项目总投资…, 一期投资…).
PROJECT_OPENERS = ("该项目", "一期", "二期", "三期", "整个项目", "全部项目")
#: Metric words that are not indicators (shares, ratios, rankings, task completion).
NOT_METRICS = ("比重", "占比", "完成率", "排查率", "覆盖率", "排名", "第", "比例", "任务", "目标",
               "总投资", "达效率", "开工率", "等", "和", "及", "了", "在", "分别", "最高", "最低",
               "检查", "查验", "接种", "网签")  # epidemic and housing work counts are no economic figures
#: Period phrases → (start month, end month); ``None`` end means the whole year.
PERIODS = (
    (re.compile(r"(?:元|1|一)(?:月)?(?:至|~|-|—|到)(\d{1,2})月"), "months"),
    (re.compile(r"截[至止](?:到)?(?:(?:19|20)\d{2}年|今年|本年|当年)?(\d{1,2})月(?:底|末|份)?"), "until"),
    (re.compile(r"(?<![\d.])1(1[0-2]|[3-9])月"), "months"),  # "110月份": 1—10月 with its dash lost
    (re.compile(r"上半年"), "H1"),
    (re.compile(r"下半年"), "H2"),
    (re.compile(r"前三(?:个)?季度"), "Q1-Q3"),
    (re.compile(r"(?<!前)(?:第)?一季度"), "Q1"),
    (re.compile(r"(?<!前)(?:第)?二季度"), "Q2"),
    (re.compile(r"(?<!前)(?:第)?三季度"), "Q3"),
    (re.compile(r"(?<!前)(?:第)?四季度"), "Q4"),
    (re.compile(r"全年(?!任务|目标|计划|预期)|年末|年底"), "year"),  # not "完成全年任务的93.7%"
    (re.compile(r"过去的一年|过去一年|去年(?!同期)"), "previous-year"),
    # one month, not a day of it: "12月示范区共有开工项目19个" (not "12月1日", "1—10月")
    (re.compile(r"(?<![\d至到~\-—－])(\d{1,2})月份?(?![\d日号初中下上旬])"), "month"),
)
#: Verbs that say what happened to a thing: never inside the name of a firm, project, park or
#: zone (a span that holds one is a clause: "甲乙纺机发力碳纤维装备荣获一等奖").
VERBS_NEVER_IN_NAMES = ("荣获", "获评", "获得", "列入", "入选", "来自", "发力", "实现", "完成", "签约", "落户", "开工",
                        "投产", "竣工", "推进", "加快", "做实", "打造", "获批", "建好", "深化")
#: Verbs before a value that say it is a level reached, and words that say it was added up.
LEVEL_VERBS = ("达到", "增至", "增加到", "提高到", "提升至", "提高至", "突破", "超过", "超", "达", "为")
FLOW_WORDS = ("累计", "新增", "净增", "共", "合计", "完成", "实施", "建成", "引进", "培育", "减轻", "节省", "节约")
#: Heads of things counted before their name ("58个“高精尖”项目", "106项试点任务").
COUNTED_THING_HEADS = ("项目", "企业", "任务", "标准", "案例", "平台", "工厂", "专利")
#: Words of the event a report tells of: its sentences keep the report's own period.
OCCASION_WORDS = ("本次", "此次")
#: Periods that scope their own sentence only, never the sentences after it in a paragraph.
OWN_SENTENCE_PERIODS = frozenset(("until", "month"))
#: Five-year plan periods: "“十三五”期间" → 2016-01/2020-12.
FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

#: Normalised metrics: concept id → written forms, longest match at the end of a metric wins.
#: The concepts, with Chinese and English labels, are the SKOS scheme ontology/metrics.ttl.
METRIC_CONCEPTS = {
    "industrialOutput": ("工业总产值", "工业产值"),
    "aboveScaleIndustrialOutput": ("规上工业总产值", "规模以上工业总产值", "规上工业产值"),
    "industrialValueAdded": ("工业增加值",),
    "aboveScaleIndustrialValueAdded": ("规上工业增加值", "规模以上工业增加值"),
    "operatingRevenue": ("营业收入", "营收", "主营业务收入"),
    "fixedAssetInvestment": ("固定资产投资",),
    "industrialInvestment": ("工业投资", "工业实际投入", "工业投入"),
    "generalPublicBudgetRevenue": ("一般公共预算收入", "地方一般公共财政预算收入", "一般公共财政预算收入",
                                   "地方一般公共预算收入"),
    "fiscalRevenue": ("财政总收入", "地方财政收入"),
    "taxRevenue": ("税收收入", "税收"),
    "foreignCapitalUsed": ("实际利用外资", "利用外资", "实际使用外资", "实际到位外资", "到位外资", "实际外资"),
    "importExport": ("进出口总额", "外贸进出口总额", "进出口"),
    "gdp": ("地区生产总值", "生产总值", "GDP"),
    "retailSales": ("社会消费品零售总额", "限上消费品零售总额"),
    "newHighTechEnterprises": ("新增高新技术企业", "新增国家高新技术企业", "新认定高新技术企业", "新增高企"),
    "techSMEs": ("科技型中小企业", "国家科技型中小企业"),
    "keyProjects": ("重点项目", "重大项目"),
    "signedProjects": ("新签约项目", "签约项目", "新签约重点项目", "签约重点项目", "新签约亿元以上项目", "引进项目",
                       "新引进项目", "新签项目", "签约落地项目"),
    "contractInvestment": ("合同投资额", "合同投资金额", "合同引资额", "协议总投资", "签约额"),
    "outsideCapital": ("引进市外到位资金", "市外到位资金", "到位资金"),
    "newEnterprises": ("新增规模以上工业企业", "新增规上工业企业", "新增“四上”企业"),
    # broader families: a metric the official names do not cover maps to what it counts or measures
    "projects": ("项目",),
    "startedProjects": ("新开工项目", "开工项目", "集中开工项目", "重点开工项目"),
    "completedProjects": ("竣工项目", "竣工投产项目", "投产项目"),
    "projectsUnderConstruction": ("在建项目", "续建项目"),
    "largeProjects": ("亿元以上项目", "亿元以上产业项目"),
    "investment": ("投资", "投资额", "完成投资", "投资金额"),
    "totalInvestment": ("总投资", "总投资额", "投资总额", "计划总投资"),
    "plannedInvestment": ("计划投资", "年度计划投资"),
    "enterprises": ("企业",),
    "highTechEnterprises": ("高新技术企业", "国家高新技术企业", "高企"),
    "aboveScaleEnterprises": ("规模以上工业企业", "规上工业企业", "规模以上企业", "规上企业"),
    "specialisedSMEs": ("专精特新企业", "专精特新中小企业", "专精特新“小巨人”企业", "小巨人企业"),
    "listedCompanies": ("上市公司", "上市企业"),
    "foreignEnterprises": ("外资企业", "外商投资企业"),
    "valueAdded": ("增加值",),
    "output": ("产值", "总产值"),
    "revenue": ("收入", "总收入", "营业总收入"),
    "sales": ("销售额", "销售收入", "开票销售", "商品销售额"),
    "funds": ("资金",),
    "land": ("土地", "用地", "标准地"),
    "factoryFloorSpace": ("厂房", "标准化厂房"),
    "exports": ("出口额", "出口总额", "出口"),
    "rdExpenditure": ("R&D经费投入", "研发投入", "R&D经费支出", "研发经费投入", "研发经费"),
    "patents": ("发明专利", "专利授权量", "专利"),
    "innovationPlatforms": ("研发平台", "工程技术研究中心", "技术研究中心", "研究中心", "孵化器", "加速器", "科研平台",
                            "研发机构"),
    "throughput": ("吞吐量", "货物吞吐量", "集装箱吞吐量"),
}
#: Each family concept's narrower concepts point to it (skos:broader in ontology/metrics.ttl).
METRIC_BROADER = {
    "industrialOutput": "output",
    "aboveScaleIndustrialOutput": "industrialOutput",
    "industrialValueAdded": "valueAdded",
    "aboveScaleIndustrialValueAdded": "industrialValueAdded",
    "operatingRevenue": "revenue",
    "fixedAssetInvestment": "investment",
    "industrialInvestment": "investment",
    "newHighTechEnterprises": "highTechEnterprises",
    "techSMEs": "enterprises",
    "keyProjects": "projects",
    "signedProjects": "projects",
    "contractInvestment": "investment",
    "outsideCapital": "funds",
    "newEnterprises": "aboveScaleEnterprises",
    "startedProjects": "projects",
    "completedProjects": "projects",
    "projectsUnderConstruction": "projects",
    "largeProjects": "projects",
    "totalInvestment": "investment",
    "plannedInvestment": "investment",
    "highTechEnterprises": "enterprises",
    "aboveScaleEnterprises": "enterprises",
    "specialisedSMEs": "enterprises",
    "listedCompanies": "enterprises",
    "foreignEnterprises": "enterprises",
}
#: Units and their base: written unit → (base unit code, factor).
BASE_UNITS = {
    "万亿元": ("CNY", 1_000_000_000_000), "亿元": ("CNY", 100_000_000), "亿": ("CNY", 100_000_000),
    "万元": ("CNY", 10_000), "元": ("CNY", 1),
    "亿美元": ("USD", 100_000_000), "万美元": ("USD", 10_000), "美元": ("USD", 1),
    "%": ("percent", 1), "万吨": ("t", 10_000), "万千瓦": ("kW", 10_000),
    **{unit: ("count", 1) for unit in COUNT_UNITS},
}
#: Rankings: "(在)<assessment>中(综合)?(排名|居|位居|位列)(第)?<rank>(位|名)?".
RANK_VERB = r"(?:综合)?(?:排名|排|居|位居|位列|列)"
RANK_VALUE = r"(?:一档|二档|三档)?第[一二三四五六七八九十百\d]+(?:位|名|方阵)?|前列|首位"
#: Words that make the phrase before a rank an assessment.
ASSESSMENT_WORDS = ("考核", "考评", "评估", "评价", "排名", "排行", "榜", "监测", "综合")

# --- people -------------------------------------------------------------------

#: Posts of officials and journalists; a name stands right after (or right before) them.
PERSON_TITLES = (
    "党工委书记", "党工委副书记", "党工委委员", "管委会主任", "管委会副主任", "工委主任", "副主任",
    "主任", "副书记", "书记", "主席", "副主席", "区长", "副区长", "市长", "副市长", "省长",
    "局长", "副局长", "部长", "总经理", "董事长", "院长", "处长", "科长", "记者", "委员",
    "主任科员", "总工程师", "负责人", "厂长", "常务副总经理", "副总经理", "经理", "总裁",
)
#: Verbs after a person's name in news reports.
PERSON_VERBS = ("表示", "介绍", "指出", "强调", "说", "要求", "主持", "出席", "讲话", "就", "以",
                "在", "通报", "汇报")

# --- documents ----------------------------------------------------------------

#: A title line: names a period and a report kind.
TITLE_KINDS = ("工作总结", "工作报告", "总结", "报告", "推进会", "会议", "运行", "情况")
