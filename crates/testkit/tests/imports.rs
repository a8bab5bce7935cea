//! Bringing a spreadsheet in: a GBK export from a Chinese CRM maps by its headers and reads its
//! values the way they are written; a row whose customer someone already has is skipped with
//! that person named, updated or refused as asked; a row that cannot be written is kept with its
//! reason, and nothing else stops.

use pelagic_app::records::import::{ImportOutcome, ImportPlan, OnDuplicate};
use pelagic_core::import::values::Reading;
use pelagic_core::import::{decode, mapping, table};
use pelagic_http::import_words;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

/// Imports `bytes` into `object` as `email`, with the mapping the headers suggest.
async fn import(
    t: &TestApp,
    email: &str,
    object: &str,
    bytes: &[u8],
    on: OnDuplicate,
) -> ImportOutcome {
    let text = decode::decode(bytes, None).expect("a text file");
    let rows = table::read(&text.text, table::separator(&text.text)).expect("rows");
    let snap = t.app.snapshot().await.expect("metadata");
    let obj = snap.schema.object(object).expect("object").clone();
    let actor = t.app.actor_for(Some(email)).await.expect("the importer");
    let options = import_words::option_words(&obj);
    let plan = ImportPlan {
        object,
        mapping: mapping::suggest(&rows.header, &import_words::field_words(&obj)),
        on_duplicate: on,
        reading: Reading {
            day_first: true,
            decimal_comma: false,
            zone: pelagic_core::period::zone("Asia/Shanghai"),
        },
        options: &options,
    };
    t.app
        .records(&actor)
        .import(&plan, &rows)
        .await
        .expect("the import runs")
}

async fn accounts_named(t: &TestApp, token: &str, name: &str) -> Vec<Value> {
    let path = format!("/api/v1/records/account?name={}", urlencode(name));
    t.http.get(&path, Some(token)).await.body["data"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

#[tokio::test]
async fn a_gbk_export_with_chinese_headers_imports_by_itself() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let li = t.user_token("li@example.com", "sales").await;
        let file = gbk("客户名称,联系电话,所属行业,客户级别\n\
             济南亿东科技,13800138000,制造业,A\n\
             青岛海联贸易,0532-88886666,零售,B\n");
        let done = import(&t, "li@example.com", "account", &file, OnDuplicate::Skip).await;
        assert_eq!((done.created, done.failed.len()), (2, 0), "{done:?}");
        let found = accounts_named(&t, &li, "济南亿东科技").await;
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0]["industry"], "manufacturing",
            "read by its Chinese label"
        );
        assert_eq!(found[0]["level"], "a");
        assert!(
            found[0]["phone"].as_str().unwrap().starts_with("+86"),
            "{}",
            found[0]
        );
        // The importer owns what they brought in, and it has its history.
        let li_actor = t.app.actor_for(Some("li@example.com")).await.unwrap();
        assert_eq!(found[0]["owner_id"], li_actor.user_id.as_str());
        let id = found[0]["id"].as_str().unwrap();
        let history = t
            .http
            .get(
                &format!("/api/v1/records/account/{id}/history"),
                Some(&admin),
            )
            .await;
        assert_eq!(history.status, 200);
        assert!(!history.body["data"].as_array().unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_customer_someone_already_has_is_skipped_with_its_owner_updated_or_refused() {
    each_backend(|t| async move {
        t.admin().await;
        let wang = t.user_token("wang@example.com", "sales").await;
        t.user_token("li@example.com", "sales").await;
        t.create(
            &wang,
            "account",
            json!({"name": "济南亿东科技", "region": "山东"}),
        )
        .await;
        let file = "客户名称,地区\n济南亿东科技,济南\n".as_bytes();

        let skipped = import(&t, "li@example.com", "account", file, OnDuplicate::Skip).await;
        assert_eq!((skipped.created, skipped.skipped.len()), (0, 1));
        let why = &skipped.skipped[0].reason;
        assert!(
            why.contains("owned by wang@example.com") || why.contains("wang"),
            "{why}"
        );
        assert_eq!(skipped.skipped[0].line, 2);

        let refused = import(&t, "li@example.com", "account", file, OnDuplicate::Create).await;
        assert_eq!((refused.created, refused.failed.len()), (0, 1));

        // Li may not edit Wang's customer: the update is refused, the record unchanged.
        let not_hers = import(&t, "li@example.com", "account", file, OnDuplicate::Update).await;
        assert_eq!(
            (not_hers.updated, not_hers.failed.len()),
            (0, 1),
            "{not_hers:?}"
        );
        assert_eq!(
            accounts_named(&t, &wang, "济南亿东科技").await[0]["region"],
            "山东"
        );

        // Wang may: only the mapped, non-empty fields change.
        let his = import(&t, "wang@example.com", "account", file, OnDuplicate::Update).await;
        assert_eq!((his.updated, his.created), (1, 0), "{his:?}");
        assert_eq!(
            accounts_named(&t, &wang, "济南亿东科技").await[0]["region"],
            "济南"
        );
    })
    .await;
}

#[tokio::test]
async fn rows_that_cannot_be_written_are_kept_with_their_reason_and_the_rest_go_in() {
    each_backend(|t| async move {
        t.admin().await;
        let li = t.user_token("li@example.com", "sales").await;
        let file = "Nombre;Sector;Teléfono\n\
                    Fábrica Norte;Comercio minorista;+34 912 345 678\n\
                    Sin sector;Juguetes;+34 600 000 000\n\
                    ;Finanzas;\n"
            .as_bytes();
        let done = import(&t, "li@example.com", "account", file, OnDuplicate::Skip).await;
        assert_eq!(done.created, 1, "{done:?}");
        assert_eq!(done.failed.len(), 2, "{done:?}");
        assert_eq!(done.failed[0].line, 3);
        assert!(
            done.failed[0].reason.contains("Juguetes"),
            "{}",
            done.failed[0].reason
        );
        assert_eq!(done.failed[0].cells[0], "Sin sector", "the row as it was");
        assert_eq!(done.failed[1].line, 4, "a row without a name");
        let found = accounts_named(&t, &li, "Fábrica Norte").await;
        assert_eq!(found[0]["industry"], "retail");
        assert!(
            accounts_named(&t, &li, "Sin sector").await.is_empty(),
            "nothing half-written"
        );
    })
    .await;
}
