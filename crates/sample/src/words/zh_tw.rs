//! Traditional Chinese (Taiwan): cities and area codes, company names (optional city + brand +
//! business + 股份有限公司), people with Taiwanese romanisation, and street addresses.

use super::zh_cn::{BRAND_CHARS, BRAND_PAIRS, brand_pair};
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
    text: &super::zh_tw_text::TEXTS,
};

const fn city(
    name: &'static str,
    full: &'static str,
    area: (&'static str, &'static str, u32),
    districts: &'static [&'static str],
) -> City {
    City {
        name,
        prefix: name,
        full,
        area: Area::landline(Dial::Tw, area.0, area.1, area.2),
        districts,
        postal: "",
    }
}

const NORTH: (&str, &str, u32) = ("2", "28", 7);
const THREE: (&str, &str, u32) = ("3", "345689", 6);

#[rustfmt::skip]
pub(crate) static CITIES: [City; 11] = [
    city("臺北", "臺北市", NORTH, &["大安區", "信義區", "中山區", "內湖區", "松山區", "南港區"]),
    city("新北", "新北市", NORTH, &["板橋區", "新莊區", "汐止區", "中和區", "三重區", "新店區"]),
    city("基隆", "基隆市", NORTH, &["仁愛區", "中正區", "信義區", "七堵區"]),
    city("桃園", "桃園市", THREE, &["桃園區", "中壢區", "龜山區", "八德區"]),
    city("新竹", "新竹市", THREE, &["東區", "北區", "香山區"]),
    city("宜蘭", "宜蘭縣", THREE, &["宜蘭市", "羅東鎮", "礁溪鄉"]),
    city("花蓮", "花蓮縣", THREE, &["花蓮市", "吉安鄉", "新城鄉"]),
    city("臺中", "臺中市", ("4", "23", 7), &["西屯區", "南屯區", "北屯區", "西區", "大里區"]),
    city("嘉義", "嘉義市", ("5", "23", 6), &["東區", "西區"]),
    city("臺南", "臺南市", ("6", "23579", 6), &["東區", "中西區", "永康區", "安平區", "北區"]),
    city("高雄", "高雄市", ("7", "235678", 6), &["前鎮區", "苓雅區", "左營區", "三民區", "鼓山區", "新興區"]),
];

const fn mobile(code: &'static str) -> Area {
    Area::mobile(Dial::Tw, code, "0123456789", 6)
}

#[rustfmt::skip]
static MOBILES: [Area; 8] = [
    mobile("91"), mobile("92"), mobile("93"), mobile("95"), mobile("96"), mobile("97"),
    mobile("98"), mobile("90"),
];

/// (business word, English slug for the domain, industry).
#[rustfmt::skip]
pub(crate) const TRADES: [(&str, &str, &str); 40] = [
    ("科技", "tech", "technology"), ("資訊", "info", "technology"), ("軟體", "soft", "technology"),
    ("網路", "net", "technology"), ("半導體", "semi", "technology"), ("光電", "opto", "technology"),
    ("電子", "elec", "manufacturing"), ("精密", "precision", "manufacturing"),
    ("機械", "machinery", "manufacturing"), ("工業", "ind", "manufacturing"),
    ("材料", "materials", "manufacturing"), ("化學", "chem", "manufacturing"),
    ("食品", "foods", "manufacturing"), ("紡織", "textile", "manufacturing"),
    ("塑膠", "plastics", "manufacturing"), ("貿易", "trading", "retail"), ("百貨", "dept", "retail"),
    ("國際", "intl", "other"), ("實業", "corp", "other"), ("企業", "ent", "other"),
    ("生技", "bio", "healthcare"), ("醫療器材", "medical", "healthcare"), ("製藥", "pharma", "healthcare"),
    ("物流", "logistics", "logistics"), ("運通", "express", "logistics"),
    ("航運", "shipping", "logistics"), ("能源", "energy", "energy"), ("電力", "power", "energy"),
    ("綠能", "green", "energy"), ("建設", "dev", "real_estate"), ("營造", "construction", "real_estate"),
    ("開發", "land", "real_estate"), ("投資", "invest", "finance"), ("創投", "ventures", "finance"),
    ("文化", "culture", "media"), ("傳播", "media", "media"), ("廣告", "ad", "media"),
    ("教育", "edu", "education"), ("文教", "learning", "education"), ("管理顧問", "consulting", "other"),
];

const SUFFIXES: [&str; 2] = ["股份有限公司", "有限公司"];

/// Digit 0 of the first radix means "no city in the name".
const TIER0: [usize; 4] = [CITIES.len() + 1, BRAND_PAIRS, TRADES.len(), SUFFIXES.len()];

fn company(k: u64, key: u64, rng: &mut Rng) -> Company {
    let (_, r, round) = tiered(k, &[space(TIER0)], key);
    let [c, b, t, s] = digits(r, TIER0);
    let (b1, b2) = brand_pair(b);
    let (word, slug, industry) = TRADES[t];
    let mut name = String::with_capacity(64);
    let city = if c == 0 {
        &CITIES[rng.below(CITIES.len())]
    } else {
        name.push_str(CITIES[c - 1].prefix);
        &CITIES[c - 1]
    };
    name.push_str(BRAND_CHARS[b1].1);
    name.push_str(BRAND_CHARS[b2].1);
    name.push_str(word);
    name.push_str(SUFFIXES[s]);
    if round > 0 {
        name.push('第');
        push_num(&mut name, round + 1);
        name.push_str("分公司");
    }
    let mut domain = String::with_capacity(32);
    domain.push_str(BRAND_CHARS[b1].3);
    domain.push_str(BRAND_CHARS[b2].3);
    domain.push_str(slug);
    domain.push_str(".com.tw");
    Company {
        name,
        city,
        industry,
        domain,
    }
}

#[rustfmt::skip]
const SURNAMES: [(&str, &str); 60] = [
    ("陳", "chen"), ("林", "lin"), ("黃", "huang"), ("張", "chang"), ("李", "lee"), ("王", "wang"),
    ("吳", "wu"), ("劉", "liu"), ("蔡", "tsai"), ("楊", "yang"), ("許", "hsu"), ("鄭", "cheng"),
    ("謝", "hsieh"), ("郭", "kuo"), ("洪", "hung"), ("曾", "tseng"), ("邱", "chiu"), ("廖", "liao"),
    ("賴", "lai"), ("周", "chou"), ("葉", "yeh"), ("蘇", "su"), ("莊", "chuang"), ("呂", "lu"),
    ("江", "chiang"), ("何", "ho"), ("蕭", "hsiao"), ("羅", "lo"), ("高", "kao"), ("潘", "pan"),
    ("簡", "chien"), ("朱", "chu"), ("鍾", "chung"), ("彭", "peng"), ("游", "yu"), ("詹", "chan"),
    ("胡", "hu"), ("施", "shih"), ("沈", "shen"), ("趙", "chao"), ("梁", "liang"), ("顏", "yen"),
    ("柯", "ko"), ("翁", "weng"), ("魏", "wei"), ("孫", "sun"), ("戴", "tai"), ("范", "fan"),
    ("方", "fang"), ("宋", "sung"), ("鄧", "teng"), ("杜", "tu"), ("傅", "fu"), ("侯", "hou"),
    ("曹", "tsao"), ("薛", "hsueh"), ("丁", "ting"), ("卓", "cho"), ("馬", "ma"), ("董", "tung"),
];

/// (given name, romanisation, female).
#[rustfmt::skip]
const GIVEN: [(&str, &str, bool); 40] = [
    ("怡君", "yichun", true), ("雅婷", "yating", true), ("志明", "chihming", false),
    ("家豪", "chiahao", false), ("淑芬", "shufen", true), ("美玲", "meiling", true),
    ("俊傑", "chunchieh", false), ("建宏", "chienhung", false), ("冠宇", "kuanyu", false),
    ("宗翰", "tsunghan", false), ("詩涵", "shihhan", true), ("欣怡", "hsinyi", true),
    ("佳穎", "chiaying", true), ("宇軒", "yuhsuan", false), ("承恩", "chengen", false),
    ("柏翰", "pohan", false), ("婉婷", "wanting", true), ("明哲", "mingche", false),
    ("文雄", "wenhsiung", false), ("國華", "kuohua", false), ("秀英", "hsiuying", true),
    ("麗華", "lihua", true), ("志豪", "chihhao", false), ("信宏", "hsinhung", false),
    ("佩珊", "peishan", true), ("郁婷", "yuting", true), ("雅雯", "yawen", true),
    ("彥廷", "yenting", false), ("品妤", "pinyu", true), ("怡萱", "yihsuan", true),
    ("子晴", "tzuching", true), ("思妤", "szuyu", true), ("俊宏", "chunhung", false),
    ("家瑋", "chiawei", false), ("志偉", "chihwei", false), ("淑惠", "shuhui", true),
    ("美惠", "meihui", true), ("惠雯", "huiwen", true), ("建志", "chienchih", false),
    ("政宏", "chenghung", false),
];

fn person(rng: &mut Rng) -> Name {
    let (surname, s_rom) = rng.pick(&SURNAMES);
    let (given, g_rom, female) = rng.pick(&GIVEN);
    let mut full = String::with_capacity(12);
    full.push_str(surname);
    full.push_str(given);
    let mut ascii = String::with_capacity(20);
    ascii.push_str(g_rom);
    ascii.push('.');
    ascii.push_str(s_rom);
    Name {
        full,
        ascii,
        female,
    }
}

#[rustfmt::skip]
const ROADS: [&str; 24] = [
    "中山北路", "中正路", "民生東路", "忠孝東路", "信義路", "仁愛路", "敦化南路", "復興北路", "南京東路", "光復南路", "民權東路", "建國北路",
    "和平東路", "基隆路", "羅斯福路", "承德路", "文心路", "中華路", "成功路", "博愛路", "自由路", "公益路", "經國路", "民族路",
];

const SECTIONS: [&str; 5] = ["一段", "二段", "三段", "四段", "五段"];

fn address(city: &'static City, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(80);
    s.push_str(city.full);
    s.push_str(rng.pick(city.districts));
    s.push_str(rng.pick(&ROADS));
    if rng.percent(50) {
        s.push_str(rng.pick(&SECTIONS));
    }
    push_num(&mut s, rng.between(1, 399));
    s.push('號');
    if rng.percent(75) {
        push_num(&mut s, rng.between(2, 25));
        s.push('樓');
        if rng.percent(25) {
            s.push('之');
            push_num(&mut s, rng.between(1, 6));
        }
    }
    s
}
