//! Simplified Chinese (mainland China): cities, area codes and mobile prefixes, company names
//! (city + brand + business + 有限公司), people with pinyin, and street addresses.

use super::{City, Company, Lexicon, Name, push_num};
use crate::phones::{Area, Dial};
use crate::rng::{Rng, digits, space, tiered};

pub(crate) static LEXICON: Lexicon = Lexicon {
    cities: &CITIES,
    mobiles: &MOBILES,
    company,
    person,
    address,
    city: None,
    text: &super::zh_cn_text::TEXTS,
};

const fn city(
    name: &'static str,
    prefix: &'static str,
    full: &'static str,
    area: (&'static str, &'static str, u32),
    districts: &'static [&'static str],
) -> City {
    City {
        name,
        prefix,
        full,
        area: Area::landline(Dial::Cn, area.0, area.1, area.2),
        districts,
        postal: "",
    }
}

const BIG: &str = "234567";
const NORMAL: &str = "2345678";

#[rustfmt::skip]
pub(crate) static CITIES: [City; 26] = [
    city("北京", "北京", "北京市", ("10", BIG, 7), &["朝阳区", "海淀区", "东城区", "西城区", "丰台区"]),
    city("上海", "上海", "上海市", ("21", BIG, 7), &["浦东新区", "徐汇区", "静安区", "长宁区", "闵行区"]),
    city("广州", "广州市", "广州市", ("20", NORMAL, 7), &["天河区", "越秀区", "海珠区", "番禺区", "白云区"]),
    city("深圳", "深圳市", "深圳市", ("755", NORMAL, 7), &["南山区", "福田区", "罗湖区", "宝安区", "龙岗区"]),
    city("杭州", "杭州市", "杭州市", ("571", NORMAL, 7), &["西湖区", "滨江区", "余杭区", "拱墅区", "上城区"]),
    city("南京", "南京市", "南京市", ("25", NORMAL, 7), &["鼓楼区", "玄武区", "建邺区", "江宁区", "秦淮区"]),
    city("苏州", "苏州市", "苏州市", ("512", NORMAL, 7), &["姑苏区", "吴中区", "相城区", "虎丘区", "吴江区"]),
    city("成都", "成都市", "成都市", ("28", NORMAL, 7), &["武侯区", "锦江区", "青羊区", "成华区", "金牛区"]),
    city("武汉", "武汉市", "武汉市", ("27", NORMAL, 7), &["江汉区", "武昌区", "洪山区", "江岸区", "汉阳区"]),
    city("西安", "西安市", "西安市", ("29", NORMAL, 7), &["雁塔区", "碑林区", "未央区", "长安区", "新城区"]),
    city("重庆", "重庆", "重庆市", ("23", NORMAL, 7), &["渝中区", "江北区", "九龙坡区", "渝北区", "南岸区"]),
    city("天津", "天津", "天津市", ("22", NORMAL, 7), &["和平区", "南开区", "河西区", "滨海新区", "河东区"]),
    city("长沙", "长沙市", "长沙市", ("731", NORMAL, 7), &["岳麓区", "芙蓉区", "天心区", "雨花区", "开福区"]),
    city("青岛", "青岛市", "青岛市", ("532", NORMAL, 7), &["市南区", "市北区", "黄岛区", "崂山区", "李沧区"]),
    city("厦门", "厦门市", "厦门市", ("592", NORMAL, 6), &["思明区", "湖里区", "集美区", "海沧区"]),
    city("宁波", "宁波市", "宁波市", ("574", NORMAL, 7), &["海曙区", "鄞州区", "江北区", "北仑区"]),
    city("郑州", "郑州市", "郑州市", ("371", NORMAL, 7), &["金水区", "二七区", "中原区", "管城回族区"]),
    city("济南", "济南市", "济南市", ("531", NORMAL, 7), &["历下区", "市中区", "槐荫区", "天桥区"]),
    city("合肥", "合肥市", "合肥市", ("551", NORMAL, 7), &["蜀山区", "包河区", "庐阳区", "瑶海区"]),
    city("沈阳", "沈阳市", "沈阳市", ("24", NORMAL, 7), &["和平区", "沈河区", "皇姑区", "铁西区"]),
    city("东莞", "东莞市", "东莞市", ("769", NORMAL, 7), &["南城街道", "东城街道", "松山湖", "长安镇"]),
    city("佛山", "佛山市", "佛山市", ("757", NORMAL, 7), &["禅城区", "南海区", "顺德区"]),
    city("昆明", "昆明市", "昆明市", ("871", NORMAL, 7), &["五华区", "盘龙区", "官渡区", "西山区"]),
    city("福州", "福州市", "福州市", ("591", NORMAL, 7), &["鼓楼区", "台江区", "仓山区", "晋安区"]),
    city("无锡", "无锡市", "无锡市", ("510", NORMAL, 7), &["梁溪区", "滨湖区", "新吴区", "锡山区"]),
    city("大连", "大连市", "大连市", ("411", NORMAL, 7), &["中山区", "西岗区", "沙河口区", "甘井子区"]),
];

const fn mobile(code: &'static str) -> Area {
    Area::mobile(Dial::Cn, code, "0123456789", 7)
}

#[rustfmt::skip]
static MOBILES: [Area; 20] = [
    mobile("130"), mobile("131"), mobile("132"), mobile("133"), mobile("135"), mobile("136"),
    mobile("137"), mobile("138"), mobile("139"), mobile("150"), mobile("151"), mobile("152"),
    mobile("158"), mobile("159"), mobile("166"), mobile("177"), mobile("182"), mobile("186"),
    mobile("188"), mobile("199"),
];

/// Characters used in brand names: (simplified, traditional, pinyin, Taiwanese romanisation).
/// None of them is 市 or forms a city name with a neighbour, which keeps names unambiguous.
#[rustfmt::skip]
pub(crate) const BRAND_CHARS: [(&str, &str, &str, &str); 72] = [
    ("华", "華", "hua", "hua"), ("兴", "興", "xing", "hsing"), ("达", "達", "da", "ta"),
    ("恒", "恆", "heng", "heng"), ("盛", "盛", "sheng", "sheng"), ("嘉", "嘉", "jia", "chia"),
    ("信", "信", "xin", "hsin"), ("诚", "誠", "cheng", "cheng"), ("润", "潤", "run", "jun"),
    ("亿", "億", "yi", "yi"), ("万", "萬", "wan", "wan"), ("金", "金", "jin", "chin"),
    ("鑫", "鑫", "xin", "hsin"), ("瑞", "瑞", "rui", "jui"), ("祥", "祥", "xiang", "hsiang"),
    ("鼎", "鼎", "ding", "ting"), ("天", "天", "tian", "tien"), ("中", "中", "zhong", "chung"),
    ("新", "新", "xin", "hsin"), ("明", "明", "ming", "ming"), ("光", "光", "guang", "kuang"),
    ("宝", "寶", "bao", "pao"), ("荣", "榮", "rong", "jung"), ("康", "康", "kang", "kang"),
    ("美", "美", "mei", "mei"), ("佳", "佳", "jia", "chia"), ("和", "和", "he", "ho"),
    ("永", "永", "yong", "yung"), ("长", "長", "chang", "chang"), ("广", "廣", "guang", "kuang"),
    ("海", "海", "hai", "hai"), ("蓝", "藍", "lan", "lan"), ("星", "星", "xing", "hsing"),
    ("晨", "晨", "chen", "chen"), ("博", "博", "bo", "po"), ("智", "智", "zhi", "chih"),
    ("云", "雲", "yun", "yun"), ("峰", "峰", "feng", "feng"), ("德", "德", "de", "te"),
    ("立", "立", "li", "li"), ("正", "正", "zheng", "cheng"), ("群", "群", "qun", "chun"),
    ("合", "合", "he", "ho"), ("力", "力", "li", "li"), ("骏", "駿", "jun", "chun"),
    ("旭", "旭", "xu", "hsu"), ("昌", "昌", "chang", "chang"), ("聚", "聚", "ju", "chu"),
    ("铭", "銘", "ming", "ming"), ("卓", "卓", "zhuo", "cho"), ("越", "越", "yue", "yueh"),
    ("启", "啟", "qi", "chi"), ("航", "航", "hang", "hang"), ("科", "科", "ke", "ko"),
    ("创", "創", "chuang", "chuang"), ("联", "聯", "lian", "lien"), ("汇", "匯", "hui", "hui"),
    ("鸿", "鴻", "hong", "hung"), ("东", "東", "dong", "tung"), ("辉", "輝", "hui", "hui"),
    ("顺", "順", "shun", "shun"), ("龙", "龍", "long", "lung"), ("凯", "凱", "kai", "kai"),
    ("腾", "騰", "teng", "teng"), ("锦", "錦", "jin", "chin"), ("泰", "泰", "tai", "tai"),
    ("安", "安", "an", "an"), ("通", "通", "tong", "tung"), ("宏", "宏", "hong", "hung"),
    ("丰", "豐", "feng", "feng"), ("远", "遠", "yuan", "yuan"), ("伟", "偉", "wei", "wei"),
];

/// Two distinct brand characters: `b` ranges over `BRAND_PAIRS`.
pub(crate) const BRAND_PAIRS: usize = BRAND_CHARS.len() * (BRAND_CHARS.len() - 1);

pub(crate) fn brand_pair(b: usize) -> (usize, usize) {
    let n = BRAND_CHARS.len() - 1;
    let (first, mut second) = (b / n, b % n);
    if second >= first {
        second += 1;
    }
    (first, second)
}

/// (business word, pinyin for the domain, industry).
#[rustfmt::skip]
pub(crate) const TRADES: [(&str, &str, &str); 46] = [
    ("科技", "keji", "technology"), ("信息技术", "xinxi", "technology"), ("软件", "ruanjian", "technology"),
    ("网络科技", "wangluo", "technology"), ("智能科技", "zhineng", "technology"),
    ("数据科技", "shuju", "technology"), ("电子", "dianzi", "manufacturing"),
    ("精密机械", "jixie", "manufacturing"), ("机电设备", "jidian", "manufacturing"),
    ("汽车零部件", "qipei", "manufacturing"), ("新材料", "cailiao", "manufacturing"),
    ("化工", "huagong", "manufacturing"), ("食品", "shipin", "manufacturing"),
    ("纺织", "fangzhi", "manufacturing"), ("包装", "baozhuang", "manufacturing"),
    ("五金制品", "wujin", "manufacturing"), ("商贸", "shangmao", "retail"), ("贸易", "maoyi", "retail"),
    ("百货", "baihuo", "retail"), ("电子商务", "dianshang", "retail"), ("连锁超市", "chaoshi", "retail"),
    ("投资管理", "touzi", "finance"), ("融资租赁", "zulin", "finance"), ("资产管理", "zichan", "finance"),
    ("教育科技", "jiaoyu", "education"), ("教育咨询", "jiaoyuzixun", "education"),
    ("文化传播", "wenhua", "media"), ("传媒", "chuanmei", "media"), ("广告", "guanggao", "media"),
    ("医疗器械", "yiliao", "healthcare"), ("生物科技", "shengwu", "healthcare"),
    ("医药", "yiyao", "healthcare"), ("健康管理", "jiankang", "healthcare"),
    ("供应链管理", "gongyinglian", "logistics"), ("物流", "wuliu", "logistics"),
    ("国际货运代理", "huoyun", "logistics"), ("新能源", "xinnengyuan", "energy"),
    ("光伏科技", "guangfu", "energy"), ("电力工程", "dianli", "energy"), ("置业", "zhiye", "real_estate"),
    ("物业管理", "wuye", "real_estate"), ("建筑工程", "jianzhu", "real_estate"),
    ("餐饮管理", "canyin", "other"), ("企业管理咨询", "zixun", "other"), ("环保科技", "huanbao", "other"),
    ("农业发展", "nongye", "other"),
];

pub(crate) const SUFFIXES: [&str; 3] = ["有限公司", "股份有限公司", "集团有限公司"];

const TIER0: [usize; 4] = [CITIES.len(), BRAND_PAIRS, TRADES.len(), SUFFIXES.len()];

fn company(k: u64, key: u64, rng: &mut Rng) -> Company {
    let (_, r, round) = tiered(k, &[space(TIER0)], key);
    let [c, b, t, s] = digits(r, TIER0);
    let city = &CITIES[c];
    let (b1, b2) = brand_pair(b);
    let (word, slug, industry) = TRADES[t];
    let mut name = String::with_capacity(64);
    name.push_str(city.prefix);
    name.push_str(BRAND_CHARS[b1].0);
    name.push_str(BRAND_CHARS[b2].0);
    name.push_str(word);
    name.push_str(SUFFIXES[s]);
    if round > 0 {
        name.push('第');
        push_num(&mut name, round + 1);
        name.push_str("分公司");
    }
    let mut domain = String::with_capacity(32);
    domain.push_str(BRAND_CHARS[b1].2);
    domain.push_str(BRAND_CHARS[b2].2);
    domain.push('-');
    domain.push_str(slug);
    domain.push_str(rng.pick(&[".cn", ".com.cn", ".com"]));
    Company {
        name,
        city,
        industry,
        domain,
    }
}

#[rustfmt::skip]
const SURNAMES: [(&str, &str); 70] = [
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
    ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
    ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"), ("林", "lin"),
    ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"), ("唐", "tang"),
    ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"), ("彭", "peng"), ("曾", "zeng"),
    ("肖", "xiao"), ("田", "tian"), ("董", "dong"), ("袁", "yuan"), ("潘", "pan"), ("蒋", "jiang"),
    ("蔡", "cai"), ("余", "yu"), ("杜", "du"), ("叶", "ye"), ("程", "cheng"), ("魏", "wei"), ("苏", "su"),
    ("吕", "lv"), ("丁", "ding"), ("任", "ren"), ("沈", "shen"), ("姚", "yao"), ("卢", "lu"),
    ("钟", "zhong"), ("崔", "cui"), ("谭", "tan"), ("范", "fan"), ("廖", "liao"), ("石", "shi"),
    ("金", "jin"), ("贾", "jia"), ("夏", "xia"), ("方", "fang"), ("邹", "zou"), ("熊", "xiong"),
    ("白", "bai"), ("孟", "meng"), ("秦", "qin"), ("邱", "qiu"), ("侯", "hou"), ("薛", "xue"),
    ("雷", "lei"), ("顾", "gu"),
];

/// (given name, pinyin, female).
#[rustfmt::skip]
const GIVEN: [(&str, &str, bool); 60] = [
    ("伟", "wei", false), ("芳", "fang", true), ("娜", "na", true), ("敏", "min", true),
    ("静", "jing", true), ("丽", "li", true), ("强", "qiang", false), ("磊", "lei", false),
    ("军", "jun", false), ("洋", "yang", false), ("勇", "yong", false), ("艳", "yan", true),
    ("杰", "jie", false), ("娟", "juan", true), ("涛", "tao", false), ("明", "ming", false),
    ("超", "chao", false), ("秀英", "xiuying", true), ("霞", "xia", true), ("平", "ping", false),
    ("刚", "gang", false), ("桂英", "guiying", true), ("建华", "jianhua", false),
    ("志强", "zhiqiang", false), ("晓明", "xiaoming", false), ("海燕", "haiyan", true),
    ("丽华", "lihua", true), ("建国", "jianguo", false), ("文杰", "wenjie", false),
    ("思远", "siyuan", false), ("子涵", "zihan", true), ("欣怡", "xinyi", true), ("浩然", "haoran", false),
    ("梓轩", "zixuan", false), ("雨桐", "yutong", true), ("俊杰", "junjie", false), ("佳怡", "jiayi", true),
    ("宇航", "yuhang", false), ("晨曦", "chenxi", true), ("婷婷", "tingting", true), ("鹏", "peng", false),
    ("辉", "hui", false), ("斌", "bin", false), ("宁", "ning", true), ("琳", "lin", true),
    ("雪", "xue", true), ("玲", "ling", true), ("凯", "kai", false), ("峰", "feng", false),
    ("博文", "bowen", false), ("志明", "zhiming", false), ("嘉欣", "jiaxin", true), ("诗琪", "shiqi", true),
    ("一鸣", "yiming", false), ("天宇", "tianyu", false), ("梦琪", "mengqi", true),
    ("振华", "zhenhua", false), ("国庆", "guoqing", false), ("春梅", "chunmei", true),
    ("红梅", "hongmei", true),
];

fn person(rng: &mut Rng) -> Name {
    let (surname, s_py) = rng.pick(&SURNAMES);
    let (given, g_py, female) = rng.pick(&GIVEN);
    let mut full = String::with_capacity(12);
    full.push_str(surname);
    full.push_str(given);
    let mut ascii = String::with_capacity(20);
    ascii.push_str(s_py);
    ascii.push('.');
    ascii.push_str(g_py);
    Name {
        full,
        ascii,
        female,
    }
}

#[rustfmt::skip]
const ROADS: [&str; 24] = [
    "人民路", "中山路", "解放路", "建设路", "和平路", "长江路", "黄河路", "文化路", "新华路", "科技园路", "学院路", "滨江大道", "世纪大道",
    "东风路", "友谊路", "胜利路", "朝阳路", "光明路", "创业路", "高新大道", "工业园路", "迎宾大道", "江南大道", "金融街",
];

fn address(city: &'static City, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(80);
    s.push_str(city.full);
    s.push_str(rng.pick(city.districts));
    s.push_str(rng.pick(&ROADS));
    push_num(&mut s, rng.between(1, 899));
    s.push('号');
    match rng.below(3) {
        0 => {}
        1 => {
            push_num(&mut s, rng.between(2, 28));
            s.push('楼');
        }
        _ => {
            s.push(char::from(b'A' + rng.below(4) as u8));
            s.push('座');
            push_num(&mut s, rng.between(2, 28) * 100 + rng.between(1, 20));
            s.push('室');
        }
    }
    s
}
