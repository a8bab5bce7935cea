//! Random filter trees, sorts and page sizes give exactly the records an in-memory reference
//! picks, in the reference's order, on every database.

use std::cmp::Ordering;

use pelagic_core::fold::fold;
use pelagic_testkit::{Backend, TestApp, backends};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

const WORDS: [&str; 8] = [
    "Álvaro",
    "alvaro",
    "Борис",
    "борис",
    "张伟",
    "Zoë",
    "zoe",
    "Acme",
];
const LEVELS: [&str; 3] = ["a", "b", "c"];

/// A field of the test object with the kind of values it holds.
#[derive(Debug, Clone, Copy)]
enum F {
    Label,
    N,
    Amt,
    Day,
    Lvl,
    Flag,
}

impl F {
    fn name(self) -> &'static str {
        match self {
            F::Label => "label",
            F::N => "n",
            F::Amt => "amt",
            F::Day => "day",
            F::Lvl => "lvl",
            F::Flag => "flag",
        }
    }
}

/// Deterministic records with many equal values and empty ones, so ties and NULLs matter.
fn dataset() -> Vec<Value> {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    (0..60)
        .map(|i| {
            let mut r = json!({ "name": format!("r{i}") });
            let maybe = |v: Value, roll: u64| if roll == 0 { Value::Null } else { v };
            r["label"] = maybe(json!(WORDS[next(8) as usize]), next(5));
            r["n"] = maybe(json!(next(7) as i64 - 3), next(5));
            r["amt"] = maybe(json!(format!("{}.{:02}", next(4), next(3) * 25)), next(5));
            r["day"] = maybe(
                json!(format!("2026-0{}-1{}", 1 + next(3), next(3))),
                next(5),
            );
            r["lvl"] = maybe(json!(LEVELS[next(3) as usize]), next(4));
            r["flag"] = maybe(json!(next(2) == 0), next(4));
            r
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Tree {
    Cond(F, &'static str, Value),
    And(Vec<Tree>),
    Or(Vec<Tree>),
    Not(Box<Tree>),
}

fn value_for(f: F) -> BoxedStrategy<Value> {
    match f {
        F::Label => prop::sample::select(WORDS.to_vec())
            .prop_map(|w| json!(w))
            .boxed(),
        F::N => (-4i64..5).prop_map(|n| json!(n)).boxed(),
        F::Amt => (0u64..4, 0u64..4)
            .prop_map(|(a, b)| json!(format!("{a}.{:02}", b * 25)))
            .boxed(),
        F::Day => (1u64..4, 0u64..3)
            .prop_map(|(m, d)| json!(format!("2026-0{m}-1{d}")))
            .boxed(),
        F::Lvl => prop::sample::select(LEVELS.to_vec())
            .prop_map(|w| json!(w))
            .boxed(),
        F::Flag => any::<bool>().prop_map(|b| json!(b)).boxed(),
    }
}

fn ops_for(f: F) -> Vec<&'static str> {
    match f {
        F::Label => vec![
            "eq",
            "ne",
            "lt",
            "gte",
            "in",
            "nin",
            "contains",
            "starts_with",
            "is_null",
            "is_not_null",
        ],
        F::N | F::Amt | F::Day => vec![
            "eq",
            "ne",
            "lt",
            "lte",
            "gt",
            "gte",
            "in",
            "nin",
            "between",
            "is_null",
            "is_not_null",
        ],
        F::Lvl => vec!["eq", "ne", "in", "nin", "is_null", "is_not_null"],
        F::Flag => vec!["eq", "ne", "is_null", "is_not_null"],
    }
}

fn condition() -> BoxedStrategy<Tree> {
    prop::sample::select(vec![F::Label, F::N, F::Amt, F::Day, F::Lvl, F::Flag])
        .prop_flat_map(|f| {
            (
                Just(f),
                prop::sample::select(ops_for(f)),
                value_for(f),
                value_for(f),
            )
        })
        .prop_map(|(f, op, a, b)| {
            let value = match op {
                "in" | "nin" | "between" => json!([a, b]),
                "is_null" | "is_not_null" => Value::Null,
                "contains" | "starts_with" => json!(
                    a.as_str()
                        .unwrap_or("a")
                        .chars()
                        .take(2)
                        .collect::<String>()
                ),
                _ => a,
            };
            Tree::Cond(f, op, value)
        })
        .boxed()
}

fn tree() -> impl Strategy<Value = Tree> {
    condition().prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(Tree::And),
            prop::collection::vec(inner.clone(), 1..4).prop_map(Tree::Or),
            inner.prop_map(|t| Tree::Not(Box::new(t))),
        ]
    })
}

fn to_json(t: &Tree) -> Value {
    match t {
        Tree::Cond(f, op, v) if v.is_null() => json!({"field": f.name(), "op": op}),
        Tree::Cond(f, op, v) => json!({"field": f.name(), "op": op, "value": v}),
        Tree::And(p) => json!({"and": p.iter().map(to_json).collect::<Vec<_>>()}),
        Tree::Or(p) => json!({"or": p.iter().map(to_json).collect::<Vec<_>>()}),
        Tree::Not(p) => json!({"not": to_json(p)}),
    }
}

/// A stored value reduced to something comparable, per the reference semantics.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Key {
    Text(String),
    Num(f64),
    Bool(bool),
}

fn key(f: F, v: &Value) -> Option<Key> {
    match (f, v) {
        (_, Value::Null) => None,
        (F::Label, Value::String(s)) => Some(Key::Text(fold(s))),
        (F::Day | F::Lvl, Value::String(s)) => Some(Key::Text(s.clone())),
        (F::Amt, Value::String(s)) => Some(Key::Num(s.parse().unwrap())),
        (F::N, v) => Some(Key::Num(v.as_f64().unwrap())),
        (F::Flag, Value::Bool(b)) => Some(Key::Bool(*b)),
        other => panic!("unexpected {other:?}"),
    }
}

fn eval(t: &Tree, r: &Value) -> bool {
    match t {
        Tree::And(p) => p.iter().all(|x| eval(x, r)),
        Tree::Or(p) => p.iter().any(|x| eval(x, r)),
        Tree::Not(p) => !eval(p, r),
        Tree::Cond(f, op, v) => {
            let have = key(*f, &r[f.name()]);
            let want = |v: &Value| key(*f, v);
            let text = |v: &Value| fold(v.as_str().unwrap_or_default());
            match (*op, &have) {
                ("is_null", h) => h.is_none(),
                ("is_not_null", h) => h.is_some(),
                ("ne", None) | ("nin", None) => true,
                (_, None) => false,
                ("eq", Some(h)) => Some(h.clone()) == want(v),
                ("ne", Some(h)) => Some(h.clone()) != want(v),
                ("lt", Some(h)) => Some(h.clone()) < want(v),
                ("lte", Some(h)) => Some(h.clone()) <= want(v),
                ("gt", Some(h)) => Some(h.clone()) > want(v),
                ("gte", Some(h)) => Some(h.clone()) >= want(v),
                ("in", Some(h)) => v
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| want(x).as_ref() == Some(h)),
                ("nin", Some(h)) => !v
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| want(x).as_ref() == Some(h)),
                ("between", Some(h)) => {
                    let a = v.as_array().unwrap();
                    Some(h.clone()) >= want(&a[0]) && Some(h.clone()) <= want(&a[1])
                }
                ("contains", Some(Key::Text(h))) => h.contains(&text(v)),
                ("starts_with", Some(Key::Text(h))) => h.starts_with(&text(v)),
                other => panic!("unexpected {other:?}"),
            }
        }
    }
}

/// Orders like Pelagic: empty values lowest, ties broken by id in the last key's direction.
fn compare(a: &Value, b: &Value, sort: &[(F, bool)]) -> Ordering {
    for (f, desc) in sort {
        let (x, y) = (key(*f, &a[f.name()]), key(*f, &b[f.name()]));
        let o = match (x, y) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(x), Some(y)) => x.partial_cmp(&y).unwrap(),
        };
        let o = if *desc { o.reverse() } else { o };
        if o != Ordering::Equal {
            return o;
        }
    }
    let o = a["id"].as_str().cmp(&b["id"].as_str());
    if sort.last().is_some_and(|(_, d)| *d) {
        o.reverse()
    } else {
        o
    }
}

async fn setup(backend: Backend) -> (TestApp, String, Vec<Value>) {
    let t = TestApp::start(backend).await;
    let admin = t.admin().await;
    let r = t
        .http
        .post(
            "/api/v1/meta/objects",
            Some(&admin),
            &json!({"name": "thing", "label": "Thing", "label_plural": "Things"}),
        )
        .await;
    assert_eq!(r.status, 201);
    for (name, kind, extra) in [
        ("label", "text", json!({})),
        ("n", "integer", json!({})),
        ("amt", "money", json!({})),
        ("day", "date", json!({})),
        ("lvl", "select", json!({"options": LEVELS})),
        ("flag", "boolean", json!({})),
    ] {
        let mut body = json!({"name": name, "label": name, "type": kind});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let r = t
            .http
            .post("/api/v1/meta/objects/thing/fields", Some(&admin), &body)
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let r = t
        .http
        .post(
            "/api/v1/records/thing/batch",
            Some(&admin),
            &json!({"records": dataset()}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let stored = r.body["data"].as_array().unwrap().clone();
    (t, admin, stored)
}

#[test]
fn random_filters_and_sorts_match_an_in_memory_reference_on_every_database() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    for backend in backends() {
        let (t, admin, stored) = rt.block_on(setup(backend));
        let fields = vec![F::Label, F::N, F::Amt, F::Day, F::Lvl, F::Flag];
        let sort = prop::collection::vec((prop::sample::select(fields), any::<bool>()), 0..5)
            .prop_map(|mut keys| {
                let mut seen = Vec::new();
                keys.retain(|(f, _)| {
                    let fresh = !seen.contains(&f.name());
                    seen.push(f.name());
                    fresh
                });
                keys
            });
        let mut runner = TestRunner::new(Config {
            cases: 96,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&(tree(), sort, 1i64..25), |(filter, sort, limit)| {
                let mut expected: Vec<&Value> = stored.iter().filter(|r| eval(&filter, r)).collect();
                let effective_sort = if sort.is_empty() { vec![] } else { sort.clone() };
                if !effective_sort.is_empty() {
                    expected.sort_by(|a, b| compare(a, b, &effective_sort));
                }
                let expected_ids: Vec<&str> = expected.iter().map(|r| r["id"].as_str().unwrap()).collect();
                let got = rt.block_on(async {
                    let mut ids = Vec::new();
                    let mut cursor = Value::Null;
                    loop {
                        let body = json!({
                            "filter": to_json(&filter),
                            "sort": sort.iter().map(|(f, d)| json!({"field": f.name(), "dir": if *d { "desc" } else { "asc" }})).collect::<Vec<_>>(),
                            "limit": limit, "cursor": cursor, "count": true,
                        });
                        let r = t.http.post("/api/v1/records/thing/query", Some(&admin), &body).await;
                        assert_eq!(r.status, 200, "{}", r.text);
                        assert_eq!(r.body["total"].as_u64().unwrap() as usize, expected_ids.len(), "count of {}", to_json(&filter));
                        ids.extend(r.body["data"].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap().to_owned()));
                        match r.body["next_cursor"].as_str() {
                            Some(c) => cursor = json!(c),
                            None => return ids,
                        }
                    }
                });
                if sort.is_empty() {
                    // Newest first: all created in one batch, so compare as sets.
                    let mut a: Vec<&str> = got.iter().map(String::as_str).collect();
                    let mut b = expected_ids.clone();
                    a.sort();
                    b.sort();
                    prop_assert_eq!(a, b, "filter {} on {:?}", to_json(&filter), backend);
                } else {
                    prop_assert_eq!(got, expected_ids, "filter {} sort {:?} on {:?}", to_json(&filter), sort, backend);
                }
                Ok(())
            })
            .unwrap();
        drop(t);
    }
}
