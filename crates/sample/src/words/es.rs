//! Spanish (Spain, Mexico, Colombia): cities and numbering areas, company names
//! (business + surname + S.L. / S.A. de C.V. / S.A.S.), people and street addresses.

use super::{City, Company, Lexicon, Name, push_num};
use crate::phones::{Area, Dial};
use crate::rng::{Rng, digits, space, tiered};
use crate::translit::push_ascii;

pub(crate) static LEXICON: Lexicon = Lexicon {
    cities: &CITIES,
    mobiles: &MOBILES,
    company,
    person,
    address,
    city: Some(|rng| {
        country_city(
            rng.choose(&[Dial::Es, Dial::Mx, Dial::Co], &[55, 35, 10]),
            rng,
        )
    }),
    text: &super::es_text::TEXTS,
};

const fn city(
    name: &'static str,
    state: &'static str,
    area: Area,
    districts: &'static [&'static str],
    postal: &'static str,
) -> City {
    City {
        name,
        prefix: state,
        full: name,
        area,
        districts,
        postal,
    }
}

const fn es(code: &'static str) -> Area {
    Area::landline(Dial::Es, code, "2345678", 6)
}
const fn mx(code: &'static str) -> Area {
    Area::landline(Dial::Mx, code, "123456789", 9 - code.len() as u32)
}
const fn co(code: &'static str) -> Area {
    Area::landline(Dial::Co, code, "2345678", 6)
}

/// Spain first, then Mexico, then Colombia (see `country_city`).
#[rustfmt::skip]
pub(crate) static CITIES: [City; 18] = [
    city("Madrid", "", es("91"), &[], "28"), city("Barcelona", "", es("93"), &[], "08"),
    city("Valencia", "", es("96"), &[], "46"), city("Sevilla", "", es("95"), &[], "41"),
    city("Málaga", "", es("95"), &[], "29"), city("Bilbao", "", es("94"), &[], "48"),
    city("Ciudad de México", "CDMX", mx("55"), &["Juárez", "Roma Norte", "Polanco", "Del Valle", "Condesa", "Nápoles"], "0"),
    city("Monterrey", "N.L.", mx("81"), &["Centro", "Obispado", "Valle Oriente", "Cumbres"], "64"),
    city("Guadalajara", "Jal.", mx("33"), &["Americana", "Providencia", "Chapalita", "Ladrón de Guevara"], "44"),
    city("Puebla", "Pue.", mx("222"), &["Centro", "La Paz", "Anzures"], "72"),
    city("Querétaro", "Qro.", mx("442"), &["Centro", "Jurica", "Álamos"], "76"),
    city("Tijuana", "B.C.", mx("664"), &["Zona Río", "Chapultepec", "Otay"], "22"),
    city("Mérida", "Yuc.", mx("999"), &["Centro", "García Ginerés", "Montejo"], "97"),
    city("León", "Gto.", mx("477"), &["Centro", "Jardines del Moral", "León Moderno"], "37"),
    city("Bogotá", "", co("601"), &["Chapinero", "Usaquén", "Teusaquillo", "Suba"], "11"),
    city("Medellín", "", co("604"), &["El Poblado", "Laureles", "Belén"], "05"),
    city("Cali", "", co("602"), &["Granada", "San Fernando", "Ciudad Jardín"], "76"),
    city("Barranquilla", "", co("605"), &["El Prado", "Alto Prado", "Riomar"], "08"),
];

const fn co_mobile(code: &'static str) -> Area {
    Area::mobile(Dial::Co, code, "0123456789", 6)
}

/// Mexican mobiles share the geographic numbering, so they repeat the big cities' areas exactly.
#[rustfmt::skip]
static MOBILES: [Area; 11] = [
    Area::mobile(Dial::Es, "6", "0123456789", 7), Area::mobile(Dial::Mx, "55", "123456789", 7),
    Area::mobile(Dial::Mx, "33", "123456789", 7), Area::mobile(Dial::Mx, "81", "123456789", 7),
    co_mobile("300"), co_mobile("301"), co_mobile("310"), co_mobile("311"), co_mobile("315"),
    co_mobile("316"), co_mobile("320"),
];

fn country_city(dial: Dial, rng: &mut Rng) -> &'static City {
    let (start, end) = match dial {
        Dial::Mx => (6, 14),
        Dial::Co => (14, 18),
        _ => (0, 6),
    };
    &CITIES[start + rng.below(end - start)]
}

/// (business word, industry).
#[rustfmt::skip]
pub(crate) const TRADES: [(&str, &str); 64] = [
    ("Construcciones", "real_estate"), ("Promociones Inmobiliarias", "real_estate"),
    ("Inmobiliaria", "real_estate"), ("Reformas", "real_estate"), ("Transportes", "logistics"),
    ("Logística", "logistics"), ("Mudanzas", "logistics"), ("Paquetería", "logistics"),
    ("Distribuciones", "logistics"), ("Instalaciones Eléctricas", "energy"),
    ("Energías Renovables", "energy"), ("Energía Solar", "energy"), ("Combustibles", "energy"),
    ("Talleres", "manufacturing"), ("Industrias", "manufacturing"),
    ("Suministros Industriales", "manufacturing"), ("Maquinaria", "manufacturing"),
    ("Metalúrgica", "manufacturing"), ("Plásticos", "manufacturing"), ("Muebles", "manufacturing"),
    ("Textiles", "manufacturing"), ("Conservas", "manufacturing"), ("Bodegas", "manufacturing"),
    ("Aceites", "manufacturing"), ("Grupo Alimentario", "manufacturing"),
    ("Grupo Industrial", "manufacturing"), ("Comercializadora", "retail"),
    ("Distribuidora", "retail"), ("Importadora", "retail"), ("Ferretería", "retail"),
    ("Papelería", "retail"), ("Supermercados", "retail"), ("Ópticas", "retail"),
    ("Calzados", "retail"), ("Servicios Informáticos", "technology"),
    ("Soluciones Tecnológicas", "technology"), ("Sistemas", "technology"),
    ("Desarrollo de Software", "technology"), ("Telecomunicaciones", "technology"),
    ("Asesoría Fiscal", "finance"), ("Inversiones", "finance"),
    ("Correduría de Seguros", "finance"), ("Gestión Patrimonial", "finance"),
    ("Financiera", "finance"), ("Clínica Dental", "healthcare"), ("Laboratorios", "healthcare"),
    ("Farmacéutica", "healthcare"), ("Centro Médico", "healthcare"), ("Ortopedia", "healthcare"),
    ("Academia", "education"), ("Centro de Formación", "education"),
    ("Escuela de Idiomas", "education"), ("Colegio", "education"),
    ("Producciones Audiovisuales", "media"), ("Publicidad", "media"), ("Editorial", "media"),
    ("Comunicación", "media"), ("Consultoría", "other"), ("Ingeniería", "other"),
    ("Hoteles", "other"), ("Restaurantes", "other"), ("Agrícola", "other"), ("Limpiezas", "other"),
    ("Seguridad Privada", "other"),
];

#[rustfmt::skip]
pub(crate) const SUFFIXES: [(&str, Dial); 8] = [
    ("S.L.", Dial::Es), ("S.A.", Dial::Es), ("S.L.U.", Dial::Es), ("S.Coop.", Dial::Es),
    ("S.A. de C.V.", Dial::Mx), ("S. de R.L. de C.V.", Dial::Mx), ("S.A.P.I. de C.V.", Dial::Mx),
    ("S.A.S.", Dial::Co),
];

const FAMILY: [&str; 4] = [" e Hijos", " y Asociados", " Hermanos", " y Cía."];

#[rustfmt::skip]
const REGIONS: [&str; 12] = [
    "del Norte", "del Sur", "del Centro", "de Oriente", "de Occidente", "del Pacífico",
    "del Atlántico", "del Mediterráneo", "del Valle", "de la Sierra", "de la Costa", "del Golfo",
];

#[rustfmt::skip]
pub(crate) const SURNAMES: [&str; 100] = [
    "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
    "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
    "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil",
    "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro",
    "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés",
    "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Cruz", "Flores",
    "Herrera", "Peña", "León", "Márquez", "Cabrera", "Gallego", "Calvo", "Vidal", "Campos", "Vega",
    "Fuentes", "Carrasco", "Díez", "Reyes", "Caballero", "Nieto", "Aguilar", "Pascual", "Santana",
    "Herrero", "Lorenzo", "Montero", "Hidalgo", "Giménez", "Ibáñez", "Ferrer", "Durán", "Santiago",
    "Benítez", "Mora", "Vicente", "Vargas", "Arias", "Carmona", "Crespo", "Román", "Pastor", "Soto",
    "Sáez", "Velasco", "Moya", "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas",
];

const S: usize = SURNAMES.len();
/// Tier 0 cores: a surname, a surname with a family phrase, or a region.
const CORES0: usize = S + S * FAMILY.len() + REGIONS.len();
const TIER0: [usize; 3] = [TRADES.len(), CORES0, SUFFIXES.len()];
/// Tier 1 cores: two different surnames.
const TIER1: [usize; 3] = [TRADES.len(), S * (S - 1), SUFFIXES.len()];

fn company(k: u64, key: u64, rng: &mut Rng) -> Company {
    let (tier, r, round) = tiered(k, &[space(TIER0), space(TIER1)], key);
    let [t, core, s] = digits(r, if tier == 0 { TIER0 } else { TIER1 });
    let (word, industry) = TRADES[t];
    let (suffix, dial) = SUFFIXES[s];
    let mut name = String::with_capacity(64);
    name.push_str(word);
    name.push(' ');
    let core_start = name.len();
    if tier == 1 {
        let (a, mut b) = (core / (S - 1), core % (S - 1));
        if b >= a {
            b += 1;
        }
        name.push_str(SURNAMES[a]);
        name.push(' ');
        name.push_str(SURNAMES[b]);
    } else if core < S {
        name.push_str(SURNAMES[core]);
    } else if core < S + S * FAMILY.len() {
        let core = core - S;
        name.push_str(SURNAMES[core / FAMILY.len()]);
        name.push_str(FAMILY[core % FAMILY.len()]);
    } else {
        name.push_str(REGIONS[core - S - S * FAMILY.len()]);
    }
    let core_end = name.len();
    let mut domain = String::with_capacity(40);
    push_ascii(&mut domain, word.split(' ').next().unwrap_or(word), None);
    domain.push('-');
    let core_text = name[core_start..core_end]
        .split(' ')
        .next()
        .unwrap_or_default();
    let core_text = if core_text.starts_with("de") {
        &name[core_start..core_end]
    } else {
        core_text
    };
    push_ascii(&mut domain, core_text, Some('-'));
    domain.push_str(match dial {
        Dial::Mx => ".com.mx",
        Dial::Co => ".com.co",
        _ if rng.percent(70) => ".es",
        _ => ".com",
    });
    name.push(' ');
    name.push_str(suffix);
    if round > 0 {
        name.push_str(" (Sucursal ");
        push_num(&mut name, round + 1);
        name.push(')');
    }
    let city = country_city(dial, rng);
    Company {
        name,
        city,
        industry,
        domain,
    }
}

#[rustfmt::skip]
const MEN: [&str; 25] = [
    "José", "Juan", "Antonio", "Manuel", "Francisco", "Javier", "Carlos", "Miguel", "Alejandro",
    "David", "Daniel", "Luis", "Jorge", "Pablo", "Sergio", "Fernando", "Alberto", "Diego", "Raúl",
    "Andrés", "Ricardo", "Eduardo", "Roberto", "Santiago", "Gabriel",
];

#[rustfmt::skip]
const WOMEN: [&str; 25] = [
    "María", "Carmen", "Ana", "Laura", "Isabel", "Lucía", "Marta", "Elena", "Paula", "Cristina",
    "Sofía", "Patricia", "Rosa", "Sara", "Andrea", "Beatriz", "Claudia", "Gabriela", "Verónica",
    "Daniela", "Mónica", "Alejandra", "Fernanda", "Valeria", "Raquel",
];

const SECOND_MEN: [&str; 5] = ["Luis", "Carlos", "Antonio", "Manuel", "Miguel"];
const SECOND_WOMEN: [&str; 5] = ["José", "Fernanda", "Isabel", "Elena", "Teresa"];

fn person(rng: &mut Rng) -> Name {
    let female = rng.percent(50);
    let first = rng.pick(if female { &WOMEN } else { &MEN });
    let surname = rng.pick(&SURNAMES);
    let mut full = String::with_capacity(40);
    full.push_str(first);
    if rng.percent(15) {
        let second = rng.pick(if female { &SECOND_WOMEN } else { &SECOND_MEN });
        if second != first {
            full.push(' ');
            full.push_str(second);
        }
    }
    full.push(' ');
    full.push_str(surname);
    if rng.percent(60) {
        full.push(' ');
        full.push_str(rng.pick(&SURNAMES));
    }
    let mut ascii = String::with_capacity(24);
    push_ascii(&mut ascii, first, None);
    ascii.push('.');
    push_ascii(&mut ascii, surname, None);
    Name {
        full,
        ascii,
        female,
    }
}

#[rustfmt::skip]
const SPAIN_STREETS: [&str; 20] = [
    "Calle Mayor", "Calle Real", "Calle de la Paz", "Calle del Carmen", "Calle de Cervantes",
    "Avenida de Andalucía", "Avenida de Europa", "Avenida de América", "Avenida de la Constitución",
    "Paseo de la Estación", "Calle de San Vicente", "Calle del Pilar", "Calle de la Industria",
    "Plaza de España", "Calle de Colón", "Avenida de la Libertad", "Ronda de Poniente",
    "Calle de Goya", "Calle del Doctor Fleming", "Avenida de los Reyes Católicos",
];

#[rustfmt::skip]
const MEXICO_STREETS: [&str; 16] = [
    "Av. Paseo de la Reforma", "Av. Insurgentes Sur", "Av. Juárez", "Calle Hidalgo",
    "Calle Morelos", "Av. Revolución", "Calle 5 de Mayo", "Av. Universidad", "Calle Zaragoza",
    "Av. Constitución", "Calle Allende", "Av. Vallarta", "Calle Madero", "Av. Lázaro Cárdenas",
    "Av. Benito Juárez", "Blvd. Adolfo López Mateos",
];

const COLOMBIA_WAYS: [&str; 5] = [
    "Calle",
    "Carrera",
    "Avenida Calle",
    "Transversal",
    "Diagonal",
];

fn address(city: &'static City, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(80);
    match city.area.dial {
        Dial::Mx => {
            s.push_str(rng.pick(&MEXICO_STREETS));
            s.push(' ');
            push_num(&mut s, rng.between(1, 2_999));
            s.push_str(", Col. ");
            s.push_str(rng.pick(city.districts));
            s.push_str(", ");
            super::postal(&mut s, city.postal, 5, rng);
            s.push(' ');
            s.push_str(city.full);
            s.push_str(", ");
            s.push_str(city.prefix);
        }
        Dial::Co => {
            s.push_str(rng.pick(&COLOMBIA_WAYS));
            s.push(' ');
            push_num(&mut s, rng.between(1, 150));
            s.push_str(" # ");
            push_num(&mut s, rng.between(1, 120));
            s.push('-');
            push_num(&mut s, rng.between(2, 99));
            if rng.percent(40) {
                s.push_str(", Oficina ");
                push_num(&mut s, rng.between(1, 12) * 100 + rng.between(1, 15));
            }
            s.push_str(", ");
            s.push_str(rng.pick(city.districts));
            s.push_str(", ");
            s.push_str(city.full);
        }
        _ => {
            s.push_str(rng.pick(&SPAIN_STREETS));
            s.push_str(", ");
            push_num(&mut s, rng.between(1, 180));
            if rng.percent(40) {
                s.push_str(", ");
                push_num(&mut s, rng.between(1, 8));
                s.push_str(".º ");
                s.push(char::from(b'A' + rng.below(4) as u8));
            }
            s.push_str(", ");
            super::postal(&mut s, city.postal, 5, rng);
            s.push(' ');
            s.push_str(city.full);
        }
    }
    s
}
