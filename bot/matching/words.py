"""Word lists and the light English stemmer the matcher uses.

Stopwords carry no topic: question words, pronouns, fillers of polite or long-winded
questions ("could you please tell me"). They are neither evidence for an entry nor evidence
that a question is out of scope. Chinese stop phrases play the same role inside runs of
characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache


def _word_list(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH_STOPWORDS = _word_list(
    """
    a about above actually after again against all also am an and any anyone anything are
    around as ask asking at be been before being between both but by can cant contain could
    couldnt cover covered covers currently dear detail details did didnt do does doesnt
    doing done dont during earth either else even ever exactly explain find for from
    get gets getting give go going got had has have having he hear heard help her here hers
    him his how however i id if im in include included includes including
    into is isnt it its ive just kind know known let lets like ll look looking many may
    maybe me mean might mine more most much must my need never no nor not now of off ok okay on
    once one only or other our ours out over please pls plz possible pray pretty quite
    rather re really regarding said say says see seem so some someone something sort still
    such sure tell than that thats the their theirs them then there these they thing things
    think thinks thought this those though through to too u under understand until up upon us
    use ve very
    want wanted wanting was wasnt way we well were what whats when whens where wheres
    whether which while who whom whos whose why will wish with within without wonder
    wondering would wouldnt yeah yes yet you your yours right correct yep yup innit stuff lol
    haha basically mostly mainly primarily
    somewhere anywhere elsewhere r ur urs ya wat wut wht whta hw abt bout cud wud shud
    gimme wanna gonna kinda lemme each every per average list name names enumerate
    anyway anyways toward towards kindly using used uses own owns owned sorry question
    questions hope mate buddy folks guys besides asked asks hold_on y rite bunch heck tho damn
    remember iirc reason reasons mention mentioned mentions count counts
    roughly approximately approx ballpark sry unclear confusing confused true vs versus
    """
)

# Generic words that can appear in a question about anything ("what happened", "why do
# they care", "the original article"). When the knowledge base has never seen one, it counts
# as a fraction of an unseen word (``MatchSettings.weak_word_weight``): weak evidence that
# the question is out of scope, unlike "housing" or "salary", which name a subject of their own.
WEAK_WORDS = _word_list(
    """
    attitude care cares cared data happen happened happening happens important importance
    main matter matters original play plays played role overall general generally basic
    current currently whole real actual actually exact specific stuff view views think
    central significant special particular essential number numbers num total
    amount figure figures area areas aspect aspects overview summary brief briefly
    info information story strategy approach active actively online exist exists existing
    type types status situation headcount basic stance stances near nearby close different diff
    follow follows followed following match matches matched matching
    same similar famous renowned notable prominent
    another consider considers considered regard regarded turn turns turned
    later tally aimed targeted geared aggregate summarise summarize summarised summarized
    nutshell gist simple plain layman tldr word words expect expects expected expecting
    朋友 上班
    态度 取向 看法 发生 重要 原来 原始 原文 资料 数据 作用 角色 主要 整体 总体 当前 目前
    数量 总数 数目 个数
    情况 方面 状况 大概 大约 总共 一共 左右 怎么回事 回事 金额 数额 扮演 起到 发挥 工作
    """
)

# Subjects people often ask a talent office about that name a matter of their own: how to apply,
# whom to call, housing, pay, visas, schooling, other places, a company's figures. When the
# knowledge base has never seen one, it counts as several unseen words
# (``MatchSettings.subject_word_weight``): "does policy 3.0 cover housing" is about housing,
# whatever else it shares with the policy entry. A subject the knowledge base does speak of is
# a known word: it is evidence for the entries that use it, and counts as a subject against
# every entry that does not ("beijing" is only the location entry's word, "funding" only the
# funding entry's).
SUBJECT_WORDS = _word_list(
    """
    apply applying application applications applicant applicants register registration
    procedure procedures process steps requirement requirements eligible
    eligibility qualify qualifies qualified qualification qualifications criteria deadline
    foreigner foreigners 外国人 外籍人士 老外
    deadlines document documents paperwork form forms submit submission interview
    phone telephone hotline email mail wechat contact contacts address addresses postcode
    street streets 门牌 门牌号 街道
    office offices opening hours appointment
    housing house houses apartment apartments flat flats rent rental renting accommodation
    dormitory dorm dorms mortgage property
    salary salaries wage wages pay paid income bonus bonuses stipend compensation pension
    visa visas hukou residency residence permit citizenship passport green card immigration
    child children kid kids school schools schooling kindergarten spouse wife husband family
    families education tuition
    medical medicine insurance hospital hospitals healthcare health clinic
    tax taxes taxation
    hotel hotels venue venues transport transportation airport train trains bus
    flight flights ticket tickets
    staff employee employees workforce personnel ceo chairman president job jobs
    vacancy vacancies
    hiring internship internships
    revenue revenues profit profits turnover sales price prices cost costs valuation stock
    dividend investor investors earn earns earning earnings market_share
    loan loans equity 贷款 借款 股权
    age tall birthday financial finances financials
    competitor competitors rival rivals collaboration_project
    university universities uni unis college colleges lab laboratory affiliation institution
    会员 专项
    cancelled canceled cancel postponed delayed fined sued lawsuit lawsuits acquired acquisition
    merger bankrupt bankruptcy layoff layoffs scandal
    裁员 罚款 被罚 收购 倒闭 破产 取消 延期 起诉 丑闻
    owner owners ownership shareholder shareholders stake private soe
    国企 央企 民企 私企 外企 国有 私营 股东
    mayor governor secretary official officials
    weather temperature climate food restaurant restaurants rainy raining humid humidity snowy
    sunny
    next upcoming future
    loan loans exchange rate rates currency funding
    born birth age married nationality
    car cars vehicle vehicles
    research organiser organisers organizer organizers sponsor sponsors sponsorship founded
    founding department departments agency agencies bureau bureaus expenses expense
    reimbursement reimbursed study studied alma mater benefit benefits perk perks entitled
    valid validity expire expires expiry capacity specs specification specifications join
    joining membership measures provisions clauses sign signed signing
    contract contracts deal deals upcoming alphaess subway metro size gdp population fail
    download downloads pdf buy buying purchase expensive cheap approval approve approved
    planned km sq hectares speech speeches keynote lecture lectures
    warranty warranties directions fee repay talent_service_centre which_exchange who_founded
    full_time earlier_version
    failed failure failures bust bankrupt bankruptcy folded author authors wrote written writer
    byline chemistry
    translation translated
    entitlement biography bio background career careers
    agenda schedule speakers speaker
    申请 申领 领取 申报 报名 注册 流程 手续 步骤 条件 资格 要求 截止 材料 提交 面试
    电话 热线 邮箱 邮件 微信 联系 联系方式 地址 办公室 办公地点 邮编
    住房 房子 住房补贴 房补 租房 房租 租金 公寓 宿舍 住宿 购房 买房 房贷 租屋 买楼 供楼
    工资 薪资 薪水 薪酬 年薪 月薪 待遇 收入 奖金 津贴
    签证 户口 户籍 落户 居留 居留证 绿卡 护照 移民
    子女 孩子 小孩 学校 入学 上学 幼儿园 配偶 家属 家人 老婆 妻子 丈夫
    医疗 医保 社保 保险 医院 看病
    税 个税 税收 纳税
    酒店 宾馆 场地 交通 机场 高铁 火车 停车 机票 门票
    员工 职工 员工人数 营收 营业额 利润 收益 股价 市值 估值 董事长 创始人 总裁 老板 价格 价钱
    大学 高校 实验室 研究方向 研究
    区长 市长 书记 领导 官员
    天气 气温 下雨 冷不冷 热不热 美食 饭店 下一次 下一届 下次 下届 明年 将来 未来 以后
    贷款 汇率 房价 出生 年龄 结婚 国籍 汽车 主办方 承办方 主办单位 承办单位 单位 赞助 议程 日程
    基建 环保 基础设施
    下一场 下一期 部门 机构 路费 差旅 报销 费用 毕业 学历 赚 赚钱 会场 场馆 享受 优惠 福利 简历
    履历 背景 经历 有效期 期限 容量 参数 规格 加入 入会 会员 措施 条款 签约 签署 合同 安家费
    安家补贴 生活补贴 成立 创立 创办 地铁 人口 失败 倒闭 破产 作者 记者 撰写 演讲 讲座
    到期 过期 失效
    中文版 英文版 翻译 下载 上一版 上一版本 旧版 买 购买 贵不贵 怎么去 怎么走 审批 原文 全文
    其他区 别的区 其它区 其他地区 销售额 销售收入 产值 服务中心 面积 哪条路 人才办 人社局 保修 质保
    管委会 区政府 市政府 政府大楼 会长 秘书长 院长
    """
)

# ... and in Chinese: "是不是在上海", "对吗", "係咪".
# Someone close, saying something the asker checks: "我领导说…", "我朋友觉得…".
CLOSE_ONE_CLAIMS_CHINESE = (
    "我(?:的)?(?:领导|老板|朋友|妈|妈妈|爸|爸爸|同事|导师|老师|老公|老婆|家人|同学|舍友|室友"
    "|爷爷|奶奶|外公|外婆|姥姥|姥爷|孙子|孙女|老伴)(?:说|讲|觉得|认为|告诉我|听新闻说|听人说)"
)
CONFIRM_CHINESE = re.compile(
    "是不是|对吗|对不对|对吧|没错吧|是吗|是真的吗|真的吗|真的假的|係咪|系咪|冇错|吧$"
    f"|{CLOSE_ONE_CLAIMS_CHINESE}"
    # Cantonese "right or not", and hearsay: "聽講…", "听说…", "我记得…".
    "|啱不啱|啱唔啱|啱吗|啱嗎|听讲|聽講|听说|聽說|我记得|我記得|有人说|有人說|据说|據說"
    # "有一百个吗": a number offered for checking
    "|有[\\d一二两三四五六七八九十百千万]+(?:个|家|多个|多家)?(?:吗|么|嘛)"
)

# ... and a procedure for the asker: "怎么去", "如何成为院士", "怎样才能加入".
# Directions end the clause ("南通高新区怎么去", not "通州如何去吸引人才"); becoming or joining is
# not told of ("人才项目是怎么成为高新企业的" is how something happened).
HOW_TO_CHINESE = re.compile(
    "(?:怎么|咋|如何|怎样)(?:才能|可以|能)?(?:去|走)(?=$|[啊呀呢吗嘛？?，,。！!\\s])"
    "|(?<!是)(?:怎么|咋|如何|怎样)(?:才能|可以|能)?(?:成为|当上|加入|入会|入驻|进驻|入选)(?!.*的$)"
)

# ... and asking the bot's opinion: "你觉得…靠谱吗", "你怎么看".
OPINION_CHINESE = re.compile(
    "你觉得|你認為|你认为|你怎么看|你點睇|你点睇|有没有效果|有冇效|(?<!别)(?<!不要)忽悠|骗人|骗局|呃人|画大饼|皮包公司"
)

# A company or a project, the subjects that settle (落户) in a place rather than register there.
COMPANY_WORDS = re.compile("(?i)艾罗|艾羅|阿尔法|alpha\\s*-?ess|企业|企業|公司|项目|項目")

# Other places: a subject of their own ("haimen talent policy"), except in a question about
# where Tongzhou is, where they are only the asker's bearings ("is it near shanghai").
PLACE_WORDS = _word_list(
    """
    beijing haimen rugao rudong qidong haian chongchuan suzhou wuxi nanjing shanghai hangzhou
    shenzhen guangzhou changzhou yangzhou xuzhou chongzhou germany german germans america american
    americans europe africa asia oceania
    usa japan japanese france french korea canada australia singapore india london manchester
    oxford cambridge edinburgh leicester birmingham leeds glasgow bristol
    zhejiang anhui shandong guangdong fujian hebei henan hubei hunan sichuan hainan jiangxi
    shanxi shaanxi liaoning jilin heilongjiang yunnan guizhou gansu tianjin chongqing
    hongkong taiwan macau wuhan chengdu xian ningbo hefei qingdao shenyang kunshan
    北京 海门 如皋 如东 启东 海安 崇川 苏州 无锡 南京 上海 杭州 深圳 广州 常州 扬州 徐州 崇州 昆山
    德国 美国 日本 法国 韩国 加拿大 澳大利亚 新加坡 印度 浙江 安徽 山东 广东 福建 河北 河南
    湖北 湖南 四川 海南 江西 山西 陕西 辽宁 吉林 黑龙江 云南 贵州 甘肃 天津 重庆 香港 台湾
    澳门 武汉 成都 西安 宁波 合肥 青岛 沈阳 镇江 泰州 盐城 连云港 宿迁 淮安
    欧洲 非洲 亚洲 美洲 北美 南美 东南亚 大洋洲
    """
)
SUBJECT_WORDS |= PLACE_WORDS
# A company's stock market listing (go_public: the canonical token of the "go public" synonyms
# in knowledge/synonyms.yaml), which the article speaks of only for five start-ups; and
# comparisons, which it never makes.
SUBJECT_WORDS |= {"go_public"} | _word_list(
    "differ differs difference differences compare compared comparison versus vs 区别 相比"
)
# What makes a question one about where Tongzhou is: these canonical tokens, or these words.
LOCATION_TOKENS = _word_list("city provinc belong locat map where near")
LOCATION_CHINESE = re.compile(
    "哪个市|哪个省|哪个城市|何省|何市|何处|何地|哪里|哪儿|在哪|位置|啥地方|边度|喺边|哪个区|什么区域|哪片|哪一片"
)

# Verbs of what something provides: "does it give cash or housing" asks about both options, and
# "does 3.0 cover it" asks about what "it" is, wherever that was named.
PROVIDING_VERBS = frozenset(
    str.split("give gives offer offers cover covers include includes provide provides pay pays")
)

# Words too general to stand alone for the multi-word synonym phrase they occur in
# (``SynonymMap.part_of``): "storage" alone is "energy storage", but "office" is not "head
# office", nor "people" "talented people".
GENERIC_PHRASE_PARTS = _word_list(
    """
    office people new company stock market high start united unit support financial head
    engineering academy park three third point zero version tier set take part talk daughter
    online trying try tried hoping hope aiming aim meant want wanted supposed achieve
    """
)

# Questions that ask for a list of names ("which five companies", "names of the chains",
# "具体是哪些"): the knowledge base states how many, never which, so such a request counts as
# a strongly unseen word. Matched on the words as typed, before stemming ("list", not
# "listing"), and, for Chinese, as patterns over the characters.
LIST_REQUEST_WORDS = _word_list("list name names enumerate")
LIST_REQUEST_LEADS = _word_list("which what")
# ... and "which" before the plural of a kind of organisation or place: their names.
LIST_REQUEST_PLURALS = _word_list(
    "companies enterprises firms startups ventures countries industries chains sectors fields"
    " professors experts scholars academicians guests cities provinces nations"
)
# What a list may be asked of ("which events", "哪些企业"): the plurals above and other groups;
# and the people among them, who are one group to ask for ("which guests", names of experts).
PEOPLE_WORDS = _word_list(
    "professors experts scholars academicians guests people attendees participants speakers"
)
GROUP_WORDS = (
    LIST_REQUEST_PLURALS
    | PEOPLE_WORDS
    | _word_list("events activities policies projects subsidiaries hubs markets regions")
)
# Month names ("may" is left out: it is far more often the verb).
MONTHS = _word_list(
    "january february march april june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
NUMBER_WORDS = _word_list(
    "two three four five six seven eight nine ten eleven twelve twenty thirty"
)
# Number words read as the numbers they name ("one" is left alone: "a different one").
NUMBER_VALUES = dict(
    pair.split(":")
    for pair in _word_list(
        "zero:0 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11"
        " twelve:12 twenty:20 thirty:30 forty:40 fifty:50 ninety:90"
    )
)
# ("通州列出的产业链有多少条" counts what the district listed: 列出的 before a count, but not
# of companies, which asks which)
# No 和, 与 or 及 within the seven characters before (a lookbehind has one width, so one per width)
_NOT_AFTER_TWO_NAMED = "".join(rf"(?<![和与及]\w{{{width}}})" for width in range(7))
LIST_REQUEST_CHINESE = re.compile(
    "具体[是有]哪(?!一?个|[一两几]?[天日号年月])|具体都是|名单|都叫什么|都叫啥"
    # 分别 after a group ("十条产业链分别是什么"), not after two things named ("原文标题和发布网站
    # 分别是啥" asks for the two)
    f"|(?=分别){_NOT_AFTER_TWO_NAMED}分别[是叫有]"
    # ... but a counted group named among them is listed ("十条产业链和人才枢纽分别是什么")
    "|[二三四五六七八九十两0-9][条家个项位所]\\w{0,12}分别[是叫有]"
    # 叫什么名字 asks for one name ("最新一版叫啥名字"), unless it is a group's ("子公司叫什么名字")
    "|(?<!叫啥)(?<!叫什么)名字|(?:这些|那些|们|公司|企业|项目|家)\\w{0,6}叫(?:什么|啥)名字"
    "|哪几(?![天日号年月])"
    # "72家初创企业里哪些是做新能源的": which of a counted group (not 通州区里有哪些活动)
    "|[家个项位条所]\\w{0,10}[里中]有?哪些"
    "|[二三四五六七八九十两0-9]多?[家个条位项]\\w{0,8}叫(?:什么|啥)|列一下|列出(?!的(?:(?!企业|公司)[^，。？?,]){0,12}(?:多少|几)(?![家个]))|列举|列个|列下"
    "|[二三四五六七八九十两0-9][家个条位项]\\w{0,8}(?:有哪些|是哪些|是哪几)"
    "|哪[二三四五六七八九十两0-9](?![天日号年月])"
    # "72家量产的都是什么行业": what each of a counted group is
    "|[\\d一二三四五六七八九十百两几]+[家个项位条所]\\w{0,8}"
    "都是(?:什么|啥|哪些)(?:行业|领域|产业|企业|公司|方向)"
    # ... and what they each make ("那72家量产的企业都生产啥产品")
    "|[\\d一二三四五六七八九十百两几]+[家个项]\\w{0,8}都(?:生产|做|造|卖)(?:什么|啥|哪些)"
    "|哪些\\w{0,3}?(?:国家|产业|行业|领域)|(?<!在)哪些\\w{0,3}?(?:企业|公司)|都有谁|都有哪些"
)

# An answer that names the members of a group ("such as Gu Sai and Dong Hongbiao"; a name is
# capitalised, so "no details, such as who qualifies" names nothing): it can answer a request
# for their names. Every entry answers in English too, so the English pattern is enough.
ENUMERATION_IN_ANSWER = re.compile("\\b(?:including|such as|namely)\\s+[A-Z]")

# Questions asking how many ("how many hubs", "number of staff", "有几个平台"): only an entry
# whose answer states a number can answer them.
# The price of a thing ("这个储能系统多少钱", "一台卖多少钱"), which no entry gives: not money
# put into projects or talent ("人才项目投了多少钱").
PRICE_CHINESE = re.compile(
    "(?:这个|这款|这套|一台|一个|一套|一块|一件)[^，,。？?！!]{0,8}(?:卖|要)?多少钱|卖多少钱"
    "|售价|报价|多少钱一"
    # what a currency costs ("一美元换多少人民币"): the article converts one sum, it gives no rate
    "|汇率|(?:一|1)(?:美元|美金|块美金|英镑|欧元)[^，,。？?！!]{0,4}(?:换|兑|等于|合)"
)
# "十条还是八条": options offered, as "or" does in English; not "still" or "rather" ("还是在办",
# "那还是问一下", "还是想"), and not between amounts of money ("博士补贴是50万还是100万" asks what
# one person gets).
OPTIONS_CHINESE = re.compile(
    "(?<=[\\w\u4e00-\u9fff])[还還]是(?![在要会會没沒不有很都问問想说說先算得再])"
)
AMOUNTS_CHINESE = re.compile("补贴|钱|万|元|奖励|资助|工资|薪")
FUNDING_CONTEXT_CHINESE = re.compile("项目|资助|扶持|资金|投入|补贴|经费|拨款|投了")
COUNT_CHINESE = re.compile(
    "几个|几家|几位|几名|几条|几所|几座|几项|几多|几十|数目|个数|几届|(?<!第)几次"
    # "多少" counts, but not money, years or days, nor the year or date asked for (年份是多少)
    "|(?<!年份|日期|时间)(?<!年份是|日期是|时间是)多少(?!钱|年|天)"
)
NUMBER_IN_ANSWER = re.compile("\\d|\\b(?:" + "|".join(sorted(NUMBER_WORDS)) + ")\\b")

# Questions asking when ("when was it held", "什么时候", "哪一年"): only an entry whose answer
# states a time (a date, a year, a month, a weekday, an hour) can answer them.
WHEN_WORDS = _word_list("when whens")
WHEN_CHINESE = re.compile(
    "什么时候|啥时候|何时|何日|何年|几时|几几年|哪天|哪一天|哪两天|哪几天|几天|多少天|几号|几月|哪年|哪一年|边年|边日|多久|多少年|几年了"
    # "引进年份多少", "日期是多少": the year or the date asked for
    "|年份|(?:日期|时间)是?多少|(?:啥|什么|哪个)日子"
)
# A day, not only a year or a month ("March 26-27", "3月26日"): what answers "which day".
DAY_IN_ANSWER = re.compile(
    "\\d{1,2}\\s*[日号]|\\b\\d{4}-\\d{2}-\\d{2}\\b"
    "|(?i:\\b(?:January|February|March|April|May|June|July|August|September|October|November"
    "|December)\\s+\\d{1,2}\\b)"
)
# ... and a question asking for the day itself ("3.0具体是哪天发布的", "what exact date").
ASKS_THE_DAY = re.compile(
    "哪天|哪一天|几号|几月几日|几月几号|具体日期|哪日|边日"
    "|(?i:\\b(?:which|what|exact|precise) (?:day|days)\\b|\\bexact date\\b|\\bprecise date\\b)"
)
DATE_IN_ANSWER = re.compile(
    "\\b(?:19|20)\\d\\d\\b|\\d:\\d\\d"
    "|\\d+(?:\\s*[-–至到]\\s*\\d+)?\\s*(?:[年月日号点时]|[ap]\\.?m\\b|o'clock)"
    "|(?i:\\b(?:January|February|March|April|May|June|July|August|September|October|November"
    "|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|noon|midnight)\\b"
    "(?:\\s+\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\b)?)"
    "|星期|周[一二三四五六日末]"
)

# Questions asking who organised or held something ("who hosted the event", "谁主办的"): the
# article says what the district hosted, never which body organised an event, so such a question
# counts like a request for names. HOSTING_TOKENS are the canonical tokens of those verbs.
WHO_WORDS = _word_list("who whom whose")
WHO_CHINESE = re.compile(
    "谁(?:来|负责)?(?:主办|举办|组织|承办|办)|由谁|(?:主办|举办|组织|承办)(?:方|单位)?是谁"
    "|哪个单位|哪家单位|哪个部门|哪家机构"
    "|(?:什么|哪类|哪种|啥|什么样的)单位(?:主办|举办|组织|承办|办)"
    "|(?:主办|举办|组织|承办)的?是?(?:什么|哪类|哪种|啥|什么样的)单位"
)
HOSTING_TOKENS = _word_list("host hold run ran own head led manag control")

# Questions about what is still to come ("will there be another event", "今年还会办吗"): the
# article reports what happened, so they count like a subject of their own.
FUTURE_CHINESE = re.compile(
    "还会|将会|会不会再|会不会[加增涨提]|还有没有下|今年还|明年|下一?回|近期会|即将"
    # what followed an event ("活动之后有人来吗", "会后", "后续"): later than the sources
    "|后续|会后(?!悔)|(?:活动|会议|大会|交流会)(?:结束)?(?:之)?后(?!悔)"
    # "下个月通州有什么活动", not the asker's plan ("我下个月要去面试")
    "|(?:下个?月|下周|下礼拜|下星期)(?![要想去得]).{0,4}(?:有|办|举办|举行|搞)"
    # whether it still holds ("3.0现在还有效吗", "被新政策取代了吗"): later than the sources
    "|还有效|仍然有效|还在执行|还在实施|还管用|过期了|失效|废止|被\\w{0,6}取代|取代了"
)

# Words about the asker's own situation ("my startup", "我的孩子"): the article describes the
# district, never what one person may get, so they count as an unseen word.
PERSONAL_WORDS = _word_list("my mine myself personally")
# ... but "my friend says", "my cousin works there", "sorry my english" only tell who is asking.
PERSONA_WORDS = _word_list(
    "friend friends cousin cousins nephew niece brother sister uncle aunt colleague colleagues"
    " boss english chinese story article report thesis paper readers newspaper blog notes"
    " presentation brief team son daughter husband wife dad mum mom father mother parents"
    " partner girlfriend boyfriend supervisor classmate classmates professor prof teacher"
    " editor editors fiance fiancee audience piece column feature newsletter podcast essay draft"
    " cover cv resume memo homework assignment candidate candidates client clients numbers"
    " figures facts data info information understanding memory math maths reading sums"
)
# ... and 通州能给我什么, 能得到什么: what the asker's side would get (not 你能给我什么帮助,
# asked of the bot, nor 能得到什么信息).
PERSONAL_CHINESE = re.compile(
    # not 我的candidate以为是北京通州, 我家人一听就以为: what someone close believes or says
    "(?:我的|我家)(?![^，。？！,.?!]{0,12}?(?:以为|以為|觉得|覺得|听说|聽說|说|說))|(?:本人|敝人|在下)(?:的|之子|之女|能|可以|可否|能否|是否|符合|适用|适合)|(?<!你)(?<!你能)(?<!你可以)给我(?:什么|啥|多少)(?!帮助|信息|资料|建议)"
    "|[能可]以?(?:得到|拿到|享受)(?:什么|啥|多少)(?!帮助|信息|资料|建议)"
    # "3.0政策对我适用吗": whether it applies to the asker
    "|对我(?:们)?(?:适用|有效|管用)|适用于我(?![国市区省县])|我(?:们)?(?:适用|符合条件|够条件|够格)"
    # "哪类单位能获得资助": who qualifies
    "|(?:哪类|哪种|什么样的|什么|啥)(?:单位|企业|公司|人)\\w{0,3}(?:能|可以)(?:获得|申请|拿|享受)"
)
# Someone close to the asker and their plans ("闺女要去通州上班"): a clause about the asker ...
CLOSE_ONES_PLANS_CHINESE = (
    "(?:闺女|女儿|儿子|孩子|老婆|老公|爱人|媳妇|女朋友|男朋友|朋友|同学|同事|亲戚|妈妈|爸爸|姐姐"
    "|哥哥|弟弟|妹妹|侄子|侄女|外甥|爷爷|奶奶|外公|外婆|姥姥|姥爷|孙子|孙女|老伴)(?:要|想|准备|打算|刚|在|去)"
)
# ... and in English: "my son is moving to tongzhou for work, what subsidies are there".
CLOSE_ONES_BENEFITS_ENGLISH = re.compile(
    r"\bmy (?:son|daughter|wife|husband|kid|kids|child|children|partner|brother|sister|"
    r"girlfriend|boyfriend|fiance|fiancee|parents)\b.*\b(?:is|are|will|plans?|wants?|just)\b"
    r".*\b(?:what|which|any|can (?:he|she|they) get)\b.*\b(?:subsid\w*|support|benefits?|"
    r"perks?|allowances?|incentives?|bonus\w*)\b"
)
# "my kid needs a school place, does the policy help": a need told of, then asked about
CLOSE_ONES_NEEDS_ENGLISH = re.compile(
    r"\b(?:my|our) (?:son|daughter|wife|husband|kid|kids|child|children|partner|family|"
    r"parents|grandson|granddaughter)\b(?: \w+){0,2} (?:needs?|requires?)\b"
)
# What an asker may want for themselves or their own: told of anywhere in a question about
# their case ("I need a grant for my lab. What's available?"), it makes the question theirs.
BENEFIT_ENGLISH = re.compile(
    r"\b(?:fund\w*|grants?|subsid\w*|support|money|cash|salar\w*|hous\w*|flat|"
    r"apartment|rent|school\w*|kindergarten|allowances?|bonus\w*|perks?|benefits?|"
    r"incentives?|loans?|visas?|hukou|office space|offices?|premises|(?:a|new) home|receive"
    r"|(?:what|any) help)\b"
)
# ... and in Chinese ("我的公司想落户通州，有什么补贴", "敝人之女欲往通州就业，可获何种补贴")
BENEFIT_CHINESE = re.compile(
    "补贴|补助|资助|奖励|待遇|福利|优惠|支持|住房|房子|学校|入学|上学|户口|签证|工资|薪"
)
# ... whose benefits, asked for, are the asker's own case ("女儿准备去通州读博，有什么补贴").
CLOSE_ONES_BENEFITS = re.compile(
    CLOSE_ONES_PLANS_CHINESE + ".*(?:补贴|补助|待遇|福利|奖励|资助|优惠|政策|支持)"
)

# Questions about one item's share ("how much does each project get", "每个项目", "平均", "the
# maximum grant", "多少钱一台"): the article gives totals, so they count like a question about the
# asker's own case.
PER_ITEM_WORDS = _word_list(
    "each every per average maximum minimum max individual individually typical"
)
PER_ITEM_CHINESE = re.compile(
    "每个|每家|每项|每位|每人|平均|人均|最多|最高|最少|上限|单个|单项|一台|每台|一套|每套|标准"
    "|能拿|拿多少|能领|领多少|可以拿|可以领|给多少|能有多少钱|有多少钱拿"
    # how the total is shared out ("资金怎么分配", "4亿里给了AI项目多少", not "一共给了多少钱")
    "|分配|(?:怎么|如何)分(?:配|给|成|的|钱)|分给|[里中](?:给了|拿了|拿走了)[^，。,？?]{0,8}多少"
    # money for people ("对博士后有补贴吗", "博士有没有补助"): a share of their own
    "|(?:博士后|博士|硕士|研究生|毕业生|大学生|留学生|海归|个人|外籍人才)"
    "[^，。,？?]{0,4}(?:补贴|补助|津贴|奖金|安家费)"
    # a cap ("顶格能资助多少"), and what a subsidy comes to ("人才补贴多少钱"): what one gets; the
    # article gives the total funding of the projects, no subsidy
    "|顶格|封顶|(?<!一共)(?<!总共)(?<!累计)(?<!合计)(?:补贴|补助|津贴)(?:标准|金额|额度)?"
    "(?:是|有|能给|能有|给|大概|一般)?多少(?![个项家])"
)

# Chinese function words and fillers, matched inside runs of characters (longest first).
CHINESE_STOP_PHRASES = _word_list(
    """
    请问 问一下 想问 问下 问问 请你 一下 想 想要 知道 了解 告诉 告诉我 我 我们
    你 你们 您 他 她 它 他们 这 那 这个 那个 这些 那些 这么 那么 什么 什么样
    怎么 怎么样 怎样 如何 为什么 为啥 为何 哪 哪里 哪儿 哪个 哪些 是 的 了 过 着 吗 呢
    啊 吧 呀 嘛 哦 么 么样 个 些 都 也 还 就 又 很 在 和 与 及 或 或者
    有 没有 有没有 能 能不能 可以 可不可以 会 要 给 对 把 被 从 到 关于 一
    一个 具体 主要 说说 讲讲 介绍 介绍一下 情况 相关 呗 嗯 谁 吗吗 不 多 到底
    究竟 其实 帮 帮我 麻烦 清楚 详细 包括 包含 涵盖 覆盖 涉及 条 项 啥 咋
    咋样 干啥 是啥 哈 哎 诶 喔 嘞 咯 啦 大概 大约 一共 总共 左右 请教 一般 们 搞
    以前 之前 现在 如今 中 除了 甚么 真的 机器人 小助手 助手 亿 万 差不多
    没记错的话 没记错 记得 几几年 听说 嘅 系 边度 边个 几多 同 唔 咩 乜 冇 佢 啲 咗 嗰 喺
    网上 看到 问题 月份 那次 这次 那边 这边 举个例子 举个栗子 举例 之类 之类的 什么的 啥的
    机器人同学 几个亿 喂 东西 你讲的 你说的 咋回事 怎么回事 是怎么回事 啥情况
    其中 啥意思 什么意思 是啥意思 是什么意思 求告知 请告知 告知 求问 求解答 求科普 前前后后
    我妈问 我爸问 阿妈问 我阿妈问 我爸妈问 朋友问 我朋友问 我老婆问 我老公问
    敬问 敢问 冒昧 冒昧一问 冒昧请教 敬请赐教 赐教 请赐教 烦请 烦请告知 不胜感激 为盼 敬启者
    恕我直言 此次 请简述 简述 劳驾 叨扰 何 何处 何地 何方 何时 何日 何年 何种 何故 缘何 所为何来
    如此 未知 从事 老朽 贵处 底层逻辑 背后的逻辑 背后逻辑 之事 之外 此处 此处之 何以
    本人 敝人 阁下 可否 能否 是否
    老伴 老头子 看不懂 候选人 背调 一句话 一句话概括 简单说说
    简单说 简单说下 简单说一下 简单讲讲 简单讲下 简单讲一下 简单介绍下 简单聊聊 简而言之 说下 讲下
    再说一遍 再说一次 再讲一遍 再讲一次 再说一下 再讲一下
    重复一下 重复一遍 再问一下 再问一遍 再问一次
    """
)


_INFLECTIONS = (  # (suffix, replacement, shortest stem left)
    ("ies", "y", 3),
    ("sses", "ss", 2),
    ("ing", "", 4),
    ("ied", "y", 3),
    ("ed", "", 4),
    ("es", "", 3),
    ("s", "", 3),
)
_DERIVATIONS = (("ment", 4), ("ion", 4), ("ive", 4), ("e", 4))
# Irregular verb forms a question may use where a phrasing has the present ("took place" and
# "take place"): read as the present, then stemmed like it.
_IRREGULAR = {
    "took": "take",
    "taken": "take",
    "came": "come",
    "went": "go",
    "gone": "go",
    "held": "hold",
    "gave": "give",
    "given": "give",
    "made": "make",
    "grew": "grow",
    "grown": "grow",
    "began": "begin",
    "begun": "begin",
    "brought": "bring",
    "met": "meet",
    "putting": "put",  # not "putt": the stripper does not undouble ("planned" stays "plann")
    "saw": "see",
    "seen": "see",
}


# The words opening a yes-or-no question, and the negative ones, which check what the asker
# believes ("isnt it around 1000 projects")
YES_NO_LEADS = frozenset(
    str.split("is are was were does do did will isnt arent wasnt werent doesnt dont didnt")
)


def is_a_figure(word: str) -> bool:
    """A number, in digits or in words ("twenty"; not "a dozen", a rough count)."""
    return word.isdigit() or word in NUMBER_VALUES


# Read before stemming: irregular verbs as their present, number words as numbers ("ten
# chains" and "10 chains" are the same question).
_READ_AS = _IRREGULAR | NUMBER_VALUES

# Words that only look inflected: "news" is not "new", "evening" is not "even", "funded
# projects" are the supported ones, not a question about funding, and an "apartment" is not
# "apart" (from).
_UNSTEMMED = frozenset(("news", "evening", "funded", "apartment"))


class Phrases:
    """Word sequences looked for in a question's words: by their lengths at either end, and
    anywhere by their first word, so a question costs a few lookups, not one comparison per
    phrase and place."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self._phrases = frozenset(phrases)
        self._lengths = sorted({len(phrase) for phrase in self._phrases})
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self._phrases):
            self._by_first.setdefault(phrase[0], []).append(phrase)

    def open(self, words: Sequence[str]) -> bool:
        """``words`` start with one of the phrases."""
        return any(tuple(words[:length]) in self._phrases for length in self._lengths)

    def close(self, words: Sequence[str]) -> bool:
        """``words`` end with one of the phrases."""
        count = len(words)
        return any(
            tuple(words[count - length :]) in self._phrases
            for length in self._lengths
            if length <= count
        )

    def occur_in(self, words: Sequence[str]) -> bool:
        """One of the phrases appears in ``words``, whole and in order."""
        by_first = self._by_first
        if by_first.keys().isdisjoint(words):
            return False
        for at, word in enumerate(words):
            for phrase in by_first.get(word, ()):
                if tuple(words[at : at + len(phrase)]) == phrase:
                    return True
        return False


@lru_cache(maxsize=100_000)
def is_year(word: str) -> bool:
    """ "2012", "1998": four digits starting 19 or 20."""
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


# Cached: a 10,000-entry base stems 730,000 words at load, few of them distinct.
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stripper for English: inflections, then a few derivations.

    Both the phrasings and the questions go through it, so it only has to be consistent, not
    linguistically right: "operate", "operations" and "operating" all become "operat".
    Numbers and non-Latin words come back unchanged.
    """
    word = _READ_AS.get(word, word)
    if not word.isascii() or not word.isalpha() or len(word) <= 3 or word in _UNSTEMMED:
        return word
    for suffix, replacement, min_stem in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            if suffix == "s" and word[-2] in "siu":
                break
            if suffix == "es" and word[-3] not in "xz" and not word.endswith(("ches", "shes")):
                continue
            word = word[: len(word) - len(suffix)] + replacement
            break
    if word in _UNSTEMMED:
        return word
    for suffix, min_stem in _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            return word[: len(word) - len(suffix)]
    return word


def _stem_parts(word: str) -> str:
    """The stem of a word, or of each part of a synonym group's canonical token ("a_b")."""
    return "_".join(map(stem, word.split("_")))


# The word lists with each word's stem too, as the analysed question's words are stemmed.
WEAK_STEMS = WEAK_WORDS | frozenset(map(_stem_parts, WEAK_WORDS))
SUBJECT_STEMS = SUBJECT_WORDS | frozenset(map(_stem_parts, SUBJECT_WORDS))
# The form money takes: offered beside "grant" ("a grant or a loan?"), the funding entry's
# "funding" answers neither, so it is never the asker's other option.
MONEY_FORMS = frozenset(map(_stem_parts, ("loan", "loans", "equity"))) | {"贷款", "借款", "股权"}
PLACE_STEMS = PLACE_WORDS | frozenset(map(_stem_parts, PLACE_WORDS))


def _chinese_words(words: frozenset[str]) -> tuple[str, ...]:
    """The Chinese words of a list, longest first, to find inside a stretch of characters."""
    return tuple(sorted((word for word in words if not word.isascii()), key=lambda w: (-len(w), w)))


CHINESE_WEAK_WORDS = _chinese_words(WEAK_WORDS)
CHINESE_SUBJECT_WORDS = _chinese_words(SUBJECT_WORDS)
# ... found inside a stretch of characters with one search rather than one test per word
CHINESE_SUBJECT = re.compile("|".join(map(re.escape, CHINESE_SUBJECT_WORDS)))
CHINESE_PLACES = _chinese_words(PLACE_WORDS)
