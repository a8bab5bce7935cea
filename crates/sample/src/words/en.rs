//! English (United States): cities and area codes, company names, people and street addresses.

use super::{City, Company, Lexicon, Name, push_num};
use crate::phones::{Area, Dial};
use crate::rng::{Rng, digits, space, tiered};
use crate::translit::push_ascii;

pub(crate) static LEXICON: Lexicon = Lexicon {
    cities: &CITIES,
    mobiles: &[],
    company,
    person,
    address,
    city: None,
    text: &super::en_text::TEXTS,
};

const fn city(
    name: &'static str,
    state: &'static str,
    code: &'static str,
    zip: &'static str,
) -> City {
    City {
        name,
        prefix: state,
        full: name,
        area: Area::landline(Dial::Us, code, "23456789", 6),
        districts: &[],
        postal: zip,
    }
}

// A US number is the same for a desk and a cell phone, so accounts and contacts use the city's code.
pub(crate) static CITIES: [City; 26] = [
    city("New York", "NY", "212", "100"),
    city("San Francisco", "CA", "415", "941"),
    city("Chicago", "IL", "312", "606"),
    city("Boston", "MA", "617", "021"),
    city("Seattle", "WA", "206", "981"),
    city("Austin", "TX", "512", "787"),
    city("Denver", "CO", "303", "802"),
    city("Atlanta", "GA", "404", "303"),
    city("Houston", "TX", "713", "770"),
    city("Miami", "FL", "305", "331"),
    city("Los Angeles", "CA", "213", "900"),
    city("San Diego", "CA", "619", "921"),
    city("Dallas", "TX", "214", "752"),
    city("Phoenix", "AZ", "602", "850"),
    city("Philadelphia", "PA", "215", "191"),
    city("Minneapolis", "MN", "612", "554"),
    city("Portland", "OR", "503", "972"),
    city("Nashville", "TN", "615", "372"),
    city("Charlotte", "NC", "704", "282"),
    city("Detroit", "MI", "313", "482"),
    city("Pittsburgh", "PA", "412", "152"),
    city("Salt Lake City", "UT", "801", "841"),
    city("Raleigh", "NC", "919", "276"),
    city("Columbus", "OH", "614", "432"),
    city("Kansas City", "MO", "816", "641"),
    city("San Jose", "CA", "408", "951"),
];

pub(crate) const PREFIXES: [&str; 60] = [
    "Bright", "Summit", "Blue", "Iron", "Silver", "North", "Pine", "Cedar", "Harbor", "Granite",
    "Oak", "Clear", "Golden", "Lantern", "Maple", "River", "Lake", "Sky", "Star", "Sun", "Eagle",
    "Falcon", "Pioneer", "Liberty", "Prairie", "Atlas", "Beacon", "Cobalt", "Crimson", "Copper",
    "Crystal", "Frontier", "Highland", "Horizon", "Juniper", "Meridian", "Monarch", "Nova",
    "Orchard", "Pinnacle", "Quantum", "Sterling", "Vantage", "Willow", "Apex", "Birch", "Canyon",
    "Glacier", "Hawk", "Heritage", "Ivy", "Mesa", "Midland", "Noble", "Aspen", "Elm", "Harvest",
    "Spruce", "Tide", "Zenith",
];

pub(crate) const ROOTS: [&str; 26] = [
    "", "water", "stone", "field", "ridge", "bridge", "point", "line", "view", "gate", "peak",
    "wood", "brook", "crest", "haven", "light", "wave", "path", "works", "mark", "vale", "port",
    "wind", "rock", "shore", "well",
];

/// (word, industry) — every word is a single token.
#[rustfmt::skip]
pub(crate) const TRADES: [(&str, &str); 42] = [
    ("Logistics", "logistics"), ("Freight", "logistics"), ("Transport", "logistics"),
    ("Shipping", "logistics"), ("Analytics", "technology"), ("Software", "technology"),
    ("Systems", "technology"), ("Technologies", "technology"), ("Networks", "technology"),
    ("Robotics", "technology"), ("Labs", "technology"), ("Manufacturing", "manufacturing"),
    ("Industries", "manufacturing"), ("Fabrication", "manufacturing"),
    ("Metalworks", "manufacturing"), ("Plastics", "manufacturing"), ("Foods", "manufacturing"),
    ("Outfitters", "retail"), ("Markets", "retail"), ("Supply", "retail"), ("Brands", "retail"),
    ("Capital", "finance"), ("Financial", "finance"), ("Insurance", "finance"),
    ("Health", "healthcare"), ("Medical", "healthcare"), ("Biosciences", "healthcare"),
    ("Dental", "healthcare"), ("Learning", "education"), ("Academy", "education"),
    ("Realty", "real_estate"), ("Properties", "real_estate"), ("Builders", "real_estate"),
    ("Energy", "energy"), ("Power", "energy"), ("Solar", "energy"), ("Media", "media"),
    ("Studios", "media"), ("Communications", "media"), ("Consulting", "other"),
    ("Engineering", "other"), ("Hospitality", "other"),
];

pub(crate) const SUFFIXES: [&str; 6] = ["LLC", "Inc.", "Corp.", "Co.", "Group", "Holdings"];

#[rustfmt::skip]
pub(crate) const DESCRIPTORS: [&str; 16] = [
    "Global", "Digital", "American", "Pacific", "Atlantic", "National", "Advanced", "Integrated",
    "United", "Premier", "Applied", "Coastal", "Midwest", "Northern", "Southern", "Western",
];

#[rustfmt::skip]
pub(crate) const SURNAMES: [&str; 100] = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green",
    "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell",
    "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers",
    "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox",
    "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "Hughes", "Price", "Sanders",
    "Myers", "Long", "Ross", "Foster", "Powell", "Jenkins", "Perry", "Russell", "Sullivan",
    "Fisher", "Henderson", "Coleman", "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham",
    "Wallace", "Cole", "West", "Hayes", "Gibson", "Ellis", "Stevens", "Murray", "Ford", "Marshall",
    "Owens", "McDonald", "Harrison", "Kennedy", "Wells", "Lawson", "Fletcher", "Porter",
];

#[rustfmt::skip]
const MEN: [&str; 30] = [
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Andrew", "Joshua", "Kevin", "Brian", "Ryan",
    "Jason", "Eric", "Jacob", "Nathan", "Tyler", "Aaron", "Adam", "Scott", "Brandon", "Gregory",
    "Patrick",
];

#[rustfmt::skip]
const WOMEN: [&str; 30] = [
    "Mary", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen", "Emily",
    "Nancy", "Lisa", "Ashley", "Michelle", "Amanda", "Melissa", "Rebecca", "Laura", "Megan",
    "Rachel", "Hannah", "Olivia", "Emma", "Grace", "Natalie", "Lauren", "Amy", "Katherine",
    "Samantha", "Julia", "Victoria",
];

#[rustfmt::skip]
const STREETS: [&str; 30] = [
    "Main", "Oak", "Maple", "Market", "Mission", "Washington", "Lake", "Park", "Pine", "Elm",
    "Cedar", "Madison", "Jefferson", "Lincoln", "Franklin", "Union", "Commerce", "Harbor", "Center",
    "Spring", "Church", "Highland", "Ridge", "Sunset", "Walnut", "Chestnut", "Hickory", "Broad",
    "Front", "Water",
];

#[rustfmt::skip]
const STREET_TYPES: [&str; 7] = [
    "Street", "Avenue", "Boulevard", "Drive", "Road", "Parkway", "Way",
];

pub(crate) const BRANDS: usize = PREFIXES.len() * ROOTS.len() + SURNAMES.len();
const TIER0: [usize; 3] = [BRANDS, TRADES.len(), SUFFIXES.len()];
const TIER1: [usize; 4] = [BRANDS, DESCRIPTORS.len(), TRADES.len(), SUFFIXES.len()];

/// Brand `b`: a compound like "Brightwater" or a family name like "Carter".
pub(crate) fn brand(out: &mut String, b: usize) {
    if b < PREFIXES.len() * ROOTS.len() {
        out.push_str(PREFIXES[b / ROOTS.len()]);
        out.push_str(ROOTS[b % ROOTS.len()]);
    } else {
        out.push_str(SURNAMES[b - PREFIXES.len() * ROOTS.len()]);
    }
}

fn company(k: u64, key: u64, rng: &mut Rng) -> Company {
    let (tier, r, round) = tiered(k, &[space(TIER0), space(TIER1)], key);
    let (b, descriptor, trade, suffix) = if tier == 0 {
        let [b, t, s] = digits(r, TIER0);
        (b, None, t, s)
    } else {
        let [b, d, t, s] = digits(r, TIER1);
        (b, Some(DESCRIPTORS[d]), t, s)
    };
    let (word, industry) = TRADES[trade];
    let mut name = String::with_capacity(48);
    brand(&mut name, b);
    let brand_len = name.len();
    let mut domain = String::with_capacity(32);
    push_ascii(&mut domain, &name[..brand_len], None);
    push_ascii(&mut domain, word, None);
    domain.push_str(if industry == "technology" && rng.percent(30) {
        ".io"
    } else {
        ".com"
    });
    if let Some(d) = descriptor {
        name.push(' ');
        name.push_str(d);
    }
    name.push(' ');
    name.push_str(word);
    name.push(' ');
    name.push_str(SUFFIXES[suffix]);
    if round > 0 {
        name.push_str(" (Branch ");
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

fn person(rng: &mut Rng) -> Name {
    let female = rng.percent(50);
    let first = rng.pick(if female { &WOMEN } else { &MEN });
    let last = rng.pick(&SURNAMES);
    let mut full = String::with_capacity(24);
    full.push_str(first);
    full.push(' ');
    full.push_str(last);
    let mut ascii = String::with_capacity(24);
    push_ascii(&mut ascii, first, None);
    ascii.push('.');
    push_ascii(&mut ascii, last, None);
    Name {
        full,
        ascii,
        female,
    }
}

fn address(city: &'static City, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(64);
    push_num(&mut s, rng.between(1, 9_899));
    s.push(' ');
    s.push_str(rng.pick(&STREETS));
    s.push(' ');
    s.push_str(rng.pick(&STREET_TYPES));
    if rng.percent(55) {
        s.push_str(", Suite ");
        push_num(&mut s, rng.between(1, 30) * 100 + rng.between(0, 20));
    }
    s.push_str(", ");
    s.push_str(city.full);
    s.push_str(", ");
    s.push_str(city.prefix);
    s.push(' ');
    super::postal(&mut s, city.postal, 5, rng);
    s
}
