//! Russian: cities and area codes, company names (ООО «Уралтехпром», АО «Северная логистика»),
//! people with patronymics and gendered surnames, and postal addresses.

use super::{City, Company, Lexicon, Name, push_num};
use crate::phones::{Area, Dial};
use crate::rng::{Rng, digits, split, tiered};
use crate::translit::push_ascii;

pub(crate) static LEXICON: Lexicon = Lexicon {
    cities: &CITIES,
    mobiles: &MOBILES,
    company,
    person,
    address,
    city: None,
    text: &super::ru_text::TEXTS,
};

/// Any first digit: for cities listed with a regional mobile prefix. Their landline codes start
/// with 8, the same digit as Russia's trunk prefix, which the `phonenumber` crate strips a second
/// time (it reads "8 (812) 555-12-34" as a nine-digit number), so no 8xx code is used.
const ANY: &str = "0123456789";

const fn city(
    name: &'static str,
    full: &'static str,
    code: &'static str,
    first: &'static str,
    postal: &'static str,
) -> City {
    City {
        name,
        prefix: "",
        full,
        area: Area::landline(Dial::Ru, code, first, 6),
        districts: &[],
        postal,
    }
}

#[rustfmt::skip]
pub(crate) static CITIES: [City; 15] = [
    city("Москва", "г. Москва", "495", "1234567", "12"),
    city("Санкт-Петербург", "г. Санкт-Петербург", "921", ANY, "19"),
    city("Екатеринбург", "г. Екатеринбург", "343", "2345", "620"),
    city("Новосибирск", "г. Новосибирск", "383", "2345", "630"),
    city("Казань", "г. Казань", "987", ANY, "420"),
    city("Нижний Новгород", "г. Нижний Новгород", "920", ANY, "603"),
    city("Самара", "г. Самара", "927", ANY, "443"),
    city("Ростов-на-Дону", "г. Ростов-на-Дону", "928", ANY, "344"),
    city("Краснодар", "г. Краснодар", "918", ANY, "350"),
    city("Челябинск", "г. Челябинск", "351", "2345", "454"),
    city("Уфа", "г. Уфа", "347", "2345", "450"), city("Пермь", "г. Пермь", "342", "2345", "614"),
    city("Воронеж", "г. Воронеж", "473", "2345", "394"),
    city("Красноярск", "г. Красноярск", "391", "2345", "660"),
    city("Омск", "г. Омск", "381", "2345", "644"),
];

const fn mobile(code: &'static str) -> Area {
    Area::mobile(Dial::Ru, code, "0123456789", 6)
}

#[rustfmt::skip]
static MOBILES: [Area; 17] = [
    mobile("903"), mobile("905"), mobile("906"), mobile("909"), mobile("910"), mobile("915"),
    mobile("916"), mobile("917"), mobile("919"), mobile("925"), mobile("926"), mobile("929"),
    mobile("950"), mobile("960"), mobile("977"), mobile("985"), mobile("999"),
];

#[rustfmt::skip]
pub(crate) const PREFIXES: [&str; 30] = [
    "Урал", "Сиб", "Волга", "Дон", "Балт", "Кама", "Нева", "Амур", "Байкал", "Север", "Юг",
    "Восток", "Запад", "Мос", "Петро", "Рус", "Рос", "Евро", "Гео", "Интер", "Мега", "Техно",
    "Альфа", "Вега", "Нова", "Кубань", "Алтай", "Енисей", "Ока", "Даль",
];

/// (root, industry).
#[rustfmt::skip]
pub(crate) const ROOTS: [(&str, &str); 20] = [
    ("тех", "technology"), ("строй", "real_estate"), ("энерго", "energy"), ("агро", "other"),
    ("мет", "manufacturing"), ("нефте", "energy"), ("газ", "energy"), ("хим", "manufacturing"),
    ("лес", "manufacturing"), ("авто", "retail"), ("мед", "healthcare"), ("фарм", "healthcare"),
    ("электро", "energy"), ("тепло", "energy"), ("водо", "other"), ("телеком", "technology"),
    ("инфо", "technology"), ("гидро", "energy"), ("трубо", "manufacturing"),
    ("стекло", "manufacturing"),
];

#[rustfmt::skip]
pub(crate) const ENDINGS: [&str; 16] = [
    "пром", "сервис", "комплект", "снаб", "торг", "инвест", "проект", "монтаж", "трейд", "холдинг",
    "ресурс", "маш", "лайн", "систем", "групп", "логистик",
];

/// Adjective stems with their declension: 0 = -ый, 1 = -ий (after к/ж), 2 = -ой, 3 = -ской.
#[rustfmt::skip]
pub(crate) const ADJECTIVES: [(&str, usize); 30] = [
    ("Северн", 0), ("Южн", 0), ("Восточн", 0), ("Западн", 0), ("Центральн", 0), ("Уральск", 1),
    ("Сибирск", 1), ("Волжск", 1), ("Балтийск", 1), ("Невск", 1), ("Московск", 1), ("Приволжск", 1),
    ("Дальневосточн", 0), ("Перв", 0), ("Нов", 0), ("Русск", 1), ("Стальн", 2), ("Инженерн", 0),
    ("Региональн", 0), ("Национальн", 0), ("Межрегиональн", 0), ("Объединённ", 0), ("Современн", 0),
    ("Надёжн", 0), ("Един", 0), ("Столичн", 0), ("Городск", 3), ("Технологическ", 1),
    ("Промышленн", 0), ("Северо-Западн", 0),
];

/// Endings by declension, in the order masculine, feminine, neuter, plural.
const ENDS: [[&str; 4]; 4] = [
    ["ый", "ая", "ое", "ые"],
    ["ий", "ая", "ое", "ие"],
    ["ой", "ая", "ое", "ые"],
    ["ой", "ая", "ое", "ие"],
];

/// (noun, gender as an index into `ENDS` rows, industry).
#[rustfmt::skip]
pub(crate) const NOUNS: [(&str, usize, &str); 30] = [
    ("логистика", 1, "logistics"), ("терминал", 0, "logistics"), ("альянс", 0, "other"),
    ("ресурс", 0, "energy"), ("проект", 0, "real_estate"), ("системы", 3, "technology"),
    ("технологии", 3, "technology"), ("решения", 3, "technology"), ("энергия", 1, "energy"),
    ("сталь", 1, "manufacturing"), ("механика", 1, "manufacturing"),
    ("электроника", 1, "technology"), ("агентство", 2, "media"), ("партнёрство", 2, "other"),
    ("производство", 2, "manufacturing"), ("снабжение", 2, "retail"),
    ("строительство", 2, "real_estate"), ("холдинг", 0, "finance"), ("капитал", 0, "finance"),
    ("завод", 0, "manufacturing"), ("комбинат", 0, "manufacturing"), ("инжиниринг", 0, "other"),
    ("стандарт", 0, "other"), ("сервис", 0, "other"), ("транзит", 0, "logistics"),
    ("телеком", 0, "technology"), ("маршрут", 0, "logistics"), ("мануфактура", 1, "manufacturing"),
    ("компания", 1, "other"), ("лаборатория", 1, "healthcare"),
];

/// Kinds of business written before the name inside the quotes, with an industry they imply.
#[rustfmt::skip]
const KINDS: [(&str, &str); 10] = [
    ("Торговый дом", "retail"), ("Группа компаний", ""), ("НПП", "manufacturing"), ("ПКФ", ""),
    ("Транспортная компания", "logistics"), ("Строительная компания", "real_estate"),
    ("Управляющая компания", "real_estate"), ("Инженерный центр", ""),
    ("Производственная компания", "manufacturing"), ("НПО", "manufacturing"),
];

#[rustfmt::skip]
pub(crate) const DASHES: [&str; 12] = [
    "-М", "-Плюс", "-Регион", "-Центр", "-Сибирь", "-Поволжье", "-Запад", "-Восток", "-1", "-2",
    "-Трейд", "-Инжиниринг",
];

/// Legal forms and how many of every 20 companies use each.
const FORMS: [&str; 4] = ["ООО", "АО", "ЗАО", "ПАО"];
const FORM_WEIGHTS: [u64; 4] = [14, 4, 1, 1];

pub(crate) const COMPOUNDS: usize = PREFIXES.len() * ROOTS.len() * ENDINGS.len();
pub(crate) const CORES: usize = COMPOUNDS + ADJECTIVES.len() * NOUNS.len();
const TIERS: [u64; 4] = [
    CORES as u64,
    (KINDS.len() * CORES) as u64,
    (DASHES.len() * COMPOUNDS) as u64,
    (KINDS.len() * DASHES.len() * COMPOUNDS) as u64,
];

/// Writes core `c` (a compound like "Уралтехпром" or "Северная логистика") and returns its industry.
pub(crate) fn core(out: &mut String, c: usize) -> &'static str {
    if c < COMPOUNDS {
        let [e, r, p] = digits(c as u64, [ENDINGS.len(), ROOTS.len(), PREFIXES.len()]);
        out.push_str(PREFIXES[p]);
        out.push_str(ROOTS[r].0);
        out.push_str(ENDINGS[e]);
        ROOTS[r].1
    } else {
        let c = c - COMPOUNDS;
        let (stem, class) = ADJECTIVES[c / NOUNS.len()];
        let (noun, gender, industry) = NOUNS[c % NOUNS.len()];
        out.push_str(stem);
        out.push_str(ENDS[class][gender]);
        out.push(' ');
        out.push_str(noun);
        industry
    }
}

fn company(k: u64, key: u64, rng: &mut Rng) -> Company {
    let (form, j) = split(k, &FORM_WEIGHTS, key);
    let (tier, r, round) = tiered(j, &TIERS, key ^ form as u64);
    let (kind, c, dash) = match tier {
        0 => (None, r as usize, None),
        1 => {
            let [c, kind] = digits(r, [CORES, KINDS.len()]);
            (Some(kind), c, None)
        }
        2 => {
            let [c, d] = digits(r, [COMPOUNDS, DASHES.len()]);
            (None, c, Some(d))
        }
        _ => {
            let [c, d, kind] = digits(r, [COMPOUNDS, DASHES.len(), KINDS.len()]);
            (Some(kind), c, Some(d))
        }
    };
    let mut name = String::with_capacity(96);
    name.push_str(FORMS[form]);
    name.push_str(" «");
    if let Some(kind) = kind {
        name.push_str(KINDS[kind].0);
        name.push_str(" «");
    }
    let core_start = name.len();
    let mut industry = core(&mut name, c);
    if let Some(d) = dash {
        name.push_str(DASHES[d]);
    }
    let mut domain = String::with_capacity(40);
    push_ascii(&mut domain, &name[core_start..], Some('-'));
    domain.push_str(if rng.percent(85) { ".ru" } else { ".com" });
    if let Some(kind) = kind {
        name.push('»');
        if !KINDS[kind].1.is_empty() {
            industry = KINDS[kind].1;
        }
    }
    name.push('»');
    if round > 0 {
        name.push_str(" (филиал № ");
        push_num(&mut name, round + 1);
        name.push(')');
    }
    let city = &CITIES[rng.below(CITIES.len())];
    Company {
        name,
        city,
        industry,
        domain,
    }
}

#[rustfmt::skip]
const MEN: [&str; 20] = [
    "Александр", "Алексей", "Андрей", "Дмитрий", "Сергей", "Иван", "Михаил", "Николай", "Павел",
    "Владимир", "Евгений", "Максим", "Артём", "Игорь", "Олег", "Роман", "Константин", "Виктор",
    "Юрий", "Денис",
];

#[rustfmt::skip]
const WOMEN: [&str; 20] = [
    "Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Мария", "Екатерина",
    "Юлия", "Анастасия", "Марина", "Дарья", "Ксения", "Виктория", "Людмила", "Галина", "Валентина",
    "Полина", "Алина",
];

/// Patronymics as (son's, daughter's).
#[rustfmt::skip]
const PATRONYMICS: [(&str, &str); 20] = [
    ("Иванович", "Ивановна"), ("Петрович", "Петровна"), ("Сергеевич", "Сергеевна"),
    ("Александрович", "Александровна"), ("Алексеевич", "Алексеевна"), ("Андреевич", "Андреевна"),
    ("Дмитриевич", "Дмитриевна"), ("Николаевич", "Николаевна"), ("Михайлович", "Михайловна"),
    ("Владимирович", "Владимировна"), ("Викторович", "Викторовна"), ("Юрьевич", "Юрьевна"),
    ("Анатольевич", "Анатольевна"), ("Олегович", "Олеговна"), ("Евгеньевич", "Евгеньевна"),
    ("Игоревич", "Игоревна"), ("Павлович", "Павловна"), ("Васильевич", "Васильевна"),
    ("Борисович", "Борисовна"), ("Геннадьевич", "Геннадьевна"),
];

/// Masculine surnames; the feminine form adds -а, or turns -ий into -ая.
#[rustfmt::skip]
const SURNAMES: [&str; 52] = [
    "Смирнов", "Иванов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
    "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
    "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин",
    "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов",
    "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов",
    "Вишневский", "Жуковский",
];

fn person(rng: &mut Rng) -> Name {
    let female = rng.percent(50);
    let first = rng.pick(if female { &WOMEN } else { &MEN });
    let (son, daughter) = rng.pick(&PATRONYMICS);
    let base = rng.pick(&SURNAMES);
    let mut surname = String::with_capacity(base.len() + 4);
    match (female, base.strip_suffix("ий")) {
        (true, Some(stem)) => {
            surname.push_str(stem);
            surname.push_str("ая");
        }
        (true, None) => {
            surname.push_str(base);
            surname.push('а');
        }
        (false, _) => surname.push_str(base),
    }
    let mut full = String::with_capacity(64);
    full.push_str(first);
    full.push(' ');
    full.push_str(if female { daughter } else { son });
    full.push(' ');
    full.push_str(&surname);
    let mut ascii = String::with_capacity(24);
    push_ascii(&mut ascii, first, None);
    ascii.push('.');
    push_ascii(&mut ascii, &surname, None);
    Name {
        full,
        ascii,
        female,
    }
}

#[rustfmt::skip]
const STREETS: [&str; 24] = [
    "ул. Ленина", "ул. Советская", "пр-т Мира", "ул. Гагарина", "ул. Пушкина", "ул. Кирова",
    "ул. Садовая", "ул. Московская", "ул. Комсомольская", "ул. Октябрьская", "Ленинский пр-т",
    "ул. Профсоюзная", "ул. Заводская", "ул. Молодёжная", "ул. Лесная", "ул. Школьная",
    "ш. Энтузиастов", "ул. Строителей", "ул. Чапаева", "ул. Маяковского", "б-р Победы",
    "Почтовый пер.", "ул. Промышленная", "ул. Красная",
];

fn address(city: &'static City, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(96);
    super::postal(&mut s, city.postal, 6, rng);
    s.push_str(", ");
    s.push_str(city.full);
    s.push_str(", ");
    s.push_str(rng.pick(&STREETS));
    s.push_str(", д. ");
    push_num(&mut s, rng.between(1, 150));
    if rng.percent(25) {
        s.push_str(", стр. ");
        push_num(&mut s, rng.between(1, 9));
    }
    if rng.percent(70) {
        s.push_str(", офис ");
        push_num(&mut s, rng.between(1, 9) * 100 + rng.between(1, 30));
    }
    s
}
