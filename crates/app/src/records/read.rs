//! Reading records: one by id, or a filtered, searched, sorted page with a keyset cursor.

use pelagic_core::cursor;
use pelagic_core::ids::RecordId;
use pelagic_core::output::Projection;
use pelagic_core::plan::{self, Pred};
use pelagic_store::records::{self as rows, ListQuery};

use super::{DEFAULT_LIMIT, ListRequest, MAX_LIMIT, Page, Record, RecordService, id_is, no_such};
use crate::policy::Operation;
use crate::{AppError, AppResult};

impl RecordService<'_> {
    /// One live record the actor may read; `NotFound` otherwise (also when it exists but is out
    /// of the actor's reach, so that ids cannot be probed).
    pub async fn get(&self, object: &str, id: &RecordId) -> AppResult<Record> {
        self.get_with(object, id, None).await
    }

    /// One record waiting in a pool the actor works in, without the fields the pool hides.
    pub async fn get_in_pool(&self, pool_id: &str, id: &RecordId) -> AppResult<Record> {
        let pool = self.app.visible_pool(self.actor, pool_id).await?;
        self.get_with(&pool.row.object, id, Some(&pool)).await
    }

    async fn get_with(
        &self,
        object: &str,
        id: &RecordId,
        pool: Option<&crate::pools::Pool>,
    ) -> AppResult<Record> {
        let t = self.target(object).await?;
        let policy = match pool {
            Some(p) => t.policy(self.actor).in_pool(p),
            None => t.policy(self.actor),
        };
        policy.require(&t.obj, Operation::Read)?;
        let not_found = || no_such(&t.obj, id);
        let fields = policy.visible_fields(&t.obj);
        let projection = Projection::for_fields(fields.iter().copied());
        let pred = Pred::And(vec![policy.reachable(&t.obj, Operation::Read), id_is(id)]);
        let row = rows::first(self.app.db(), &t.obj.table, &projection, &pred)
            .await?
            .ok_or_else(not_found)?;
        Ok(self
            .writer(&policy, &t.obj, &fields, &projection)
            .write(&row))
    }

    /// A page of live records the actor may read.
    pub async fn list(&self, object: &str, req: &ListRequest) -> AppResult<Page> {
        self.list_for(object, req, Operation::Read, None).await
    }

    /// A page of the records waiting in a pool the actor works in, without the fields the pool
    /// hides from its members.
    pub async fn list_pool(&self, pool_id: &str, req: &ListRequest) -> AppResult<Page> {
        let pool = self.app.visible_pool(self.actor, pool_id).await?;
        self.list_for(&pool.row.object, req, Operation::Read, Some(&pool))
            .await
    }

    /// A page of live records within the actor's reach for `op` (read, or export).
    pub(super) async fn list_for(
        &self,
        object: &str,
        req: &ListRequest,
        op: Operation,
        pool: Option<&crate::pools::Pool>,
    ) -> AppResult<Page> {
        let t = self.target(object).await?;
        let policy = match pool {
            Some(p) => t.policy(self.actor).in_pool(p),
            None => t.policy(self.actor),
        };
        policy.require(&t.obj, op)?;
        let limit = req.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(AppError::Invalid(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        let obj = &t.obj;
        let readable = |f: &pelagic_core::FieldDef| policy.field_access(obj, f).readable();
        let ctx = self.plan_context(&t.snap);

        let mut conditions = vec![policy.reachable(obj, op)];
        if let Some(filter) = &req.filter {
            conditions.push(plan::plan_filter(obj, filter, &readable, &ctx)?);
        }
        if let Some(q) = req.q.as_deref().filter(|q| !q.trim().is_empty()) {
            conditions.push(if policy.search_hides_something(obj) {
                plan::plan_search_in(obj, q, &readable)?
            } else {
                plan::plan_search(q)?
            });
        }
        let matching = Pred::And(conditions);
        let order = plan::plan_sort(obj, &req.sort, &readable)?;
        let page_pred = match &req.cursor {
            Some(c) => Pred::And(vec![
                matching.clone(),
                plan::after(&order, &cursor::decode(&order, c)?),
            ]),
            None => matching.clone(),
        };

        let fields = policy.visible_fields(obj);
        let mut projection = Projection::for_fields(fields.iter().copied());
        let key_positions: Vec<usize> = order
            .iter()
            .map(|k| projection.push(&k.col, k.ty))
            .collect();
        let drive = plan::driving_column(obj, &order, &page_pred);
        let mut found = rows::select(
            self.app.db(),
            &ListQuery {
                table: &obj.table,
                projection: &projection,
                pred: &page_pred,
                order: &order,
                limit: limit as u64 + 1,
                drive: drive.as_deref(),
            },
        )
        .await?;
        let more = found.len() as i64 > limit;
        found.truncate(limit as usize);
        let next_cursor = match found.last() {
            Some(last) if more => Some(cursor::encode(
                &order,
                &key_positions
                    .iter()
                    .map(|i| last[*i].clone())
                    .collect::<Vec<_>>(),
            )),
            _ => None,
        };
        let total = match (req.count, req.count_cap) {
            (false, _) => None,
            (true, None) => Some(rows::count(self.app.db(), &obj.table, &matching).await?),
            (true, Some(cap)) => {
                Some(rows::count_upto(self.app.db(), &obj.table, &matching, cap).await?)
            }
        };
        let writer = self.writer(&policy, obj, &fields, &projection);
        let data = found.iter().map(|r| writer.write(r)).collect();
        Ok(Page {
            data,
            next_cursor,
            total,
        })
    }
}

impl RecordService<'_> {
    /// The objects the actor may read records of, standard ones first in their usual order,
    /// then custom ones by name.
    pub async fn readable_objects(
        &self,
    ) -> AppResult<Vec<std::sync::Arc<pelagic_core::ObjectDef>>> {
        let snap = self.app.snapshot().await?;
        let policy = crate::policy::Policy::new(self.actor, &snap.access, self.app.now());
        let mut objects: Vec<_> = snap
            .schema
            .objects
            .values()
            .filter(|o| policy.require(o, Operation::Read).is_ok())
            .cloned()
            .collect();
        objects.sort_by_key(|o| {
            (
                crate::standard::LIST_ORDER
                    .iter()
                    .position(|n| *n == o.name)
                    .unwrap_or(crate::standard::LIST_ORDER.len()),
                o.name.clone(),
            )
        });
        Ok(objects)
    }
}

impl RecordService<'_> {
    /// The names of the fields of `object` the actor may see, in display order.
    pub async fn visible_fields(&self, object: &str) -> AppResult<Vec<String>> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Read)?;
        Ok(policy
            .visible_fields(&t.obj)
            .iter()
            .map(|f| f.name.to_string())
            .collect())
    }
}

impl RecordService<'_> {
    /// The names of the fields of `object` the actor may fill in on a form, in display order:
    /// writable, not maintained by Pelagic (the owner only for those who may transfer).
    pub async fn editable_fields(&self, object: &str) -> AppResult<Vec<String>> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        Ok(t.obj
            .fields
            .iter()
            .filter(|f| {
                (!f.system || f.name == "owner_id") && policy.field_access(&t.obj, f).writable()
            })
            .map(|f| f.name.to_string())
            .collect())
    }
}
