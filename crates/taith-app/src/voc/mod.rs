//! Voice of the customer: what every comment is written in, how it feels and what it is
//! about, and what that does to the score.
//!
//! - [`analyser`]: the background worker that analyses each response's written text within
//!   about a second of it being stored (any node; the store queues every written text);
//! - [`learning`]: each workspace's sentiment model per language, learned in the background
//!   from its own scored comments on top of the shipped base model, and theme discovery;
//! - [`themes`]: the theme report (volume, share, sentiment, trend, impact on the score) and
//!   the edits staff make (rename, merge, split, pin, hide, create);
//! - [`comments`]: the comments explorer, its CSV export, and the share of negative comments
//!   (`metric=sentiment`);
//!
//! The text analytics itself is `taith-text` (pure); this module stores and schedules it.

pub mod analyser;
pub mod comments;
pub mod learning;
pub mod themes;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use taith_domain::{Survey, SurveyId, WorkspaceId};
use taith_metrics::Band;
use taith_store::{PageRequest, SharedStore, Store, StoreError};
use taith_text::{Label, Lang, Model};
use tokio::sync::RwLock;

/// How long a node trusts its copy of a workspace's model before asking the store whether
/// another node trained a newer one.
const MODEL_FRESH_FOR: Duration = Duration::from_secs(5);

/// The voice-of-the-customer workers and the models they share. Cloning shares them.
#[derive(Clone, Default)]
pub struct Voc {
    models: Arc<RwLock<HashMap<(WorkspaceId, Lang), CachedModel>>>,
    learning: Arc<learning::LearningState>,
}

impl std::fmt::Debug for Voc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Voc")
    }
}

#[derive(Clone)]
struct CachedModel {
    fetched: Instant,
    version: Option<i64>,
    model: Arc<Model>,
}

/// The shipped base model of each language, built once.
fn base_model(lang: Lang) -> Arc<Model> {
    static BASE: OnceLock<HashMap<Lang, Arc<Model>>> = OnceLock::new();
    BASE.get_or_init(|| {
        Lang::SIX
            .into_iter()
            .map(|l| (l, Arc::new(Model::base(l))))
            .collect()
    })
    .get(&lang)
    .cloned()
    .unwrap_or_else(|| Arc::new(Model::base(Lang::En)))
}

impl Voc {
    /// Starts the analyser and the learner on the current Tokio runtime.
    pub fn start(store: SharedStore) -> Voc {
        let voc = Voc::default();
        analyser::run_in_background(voc.clone(), store.clone());
        learning::run_in_background(voc.clone(), store);
        voc
    }

    /// Language, sentiment and key phrases of a text other than a response's comment (a
    /// social mention), scored with the workspace's model as its comments are. `hint`: the
    /// language the sender believes it is in, the fallback for short texts.
    pub async fn analyse_text(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        text: &str,
        hint: Option<Lang>,
    ) -> taith_text::Analysis {
        let lang = taith_text::lang::detect(text, hint).lang;
        let model = self.model(store, ws, lang).await;
        taith_text::analyse(text, hint, |l| (l == lang).then_some(model.as_ref()))
    }

    /// The model a workspace's comments in `lang` are scored with: its own, else the base
    /// model. A stored model that cannot be read is not used (the learner rebuilds it).
    async fn model(&self, store: &dyn Store, ws: WorkspaceId, lang: Lang) -> Arc<Model> {
        if lang == Lang::Other {
            return base_model(Lang::En);
        }
        if let Some(c) = self.models.read().await.get(&(ws, lang))
            && c.fetched.elapsed() < MODEL_FRESH_FOR
        {
            return c.model.clone();
        }
        let stored = match store.sentiment_model(ws, lang).await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(
                    error = &e as &dyn std::error::Error,
                    "cannot read a sentiment model; scoring with the last one"
                );
                return self
                    .models
                    .read()
                    .await
                    .get(&(ws, lang))
                    .map(|c| c.model.clone())
                    .unwrap_or_else(|| base_model(lang));
            }
        };
        let mut cache = self.models.write().await;
        let version = stored.as_ref().map(|s| s.version);
        let cached = match (stored, cache.get(&(ws, lang))) {
            (Some(s), Some(c)) if c.version == Some(s.version) => c.model.clone(),
            (Some(s), _) => match Model::from_bytes(lang, &s.bytes) {
                Ok(m) => Arc::new(m),
                Err(e) => {
                    tracing::warn!(workspace = %ws, language = lang.code(), error = %e, "a stored sentiment model is unreadable; using the base model until it is rebuilt");
                    base_model(lang)
                }
            },
            (None, _) => base_model(lang),
        };
        cache.insert(
            (ws, lang),
            CachedModel {
                fetched: Instant::now(),
                version,
                model: cached.clone(),
            },
        );
        cached
    }
}

/// The workspace's surveys by id: what a score's band (and so a comment's label) depends on.
async fn surveys_by_id(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<HashMap<SurveyId, Survey>, StoreError> {
    Ok(store
        .surveys(ws, PageRequest::all())
        .await?
        .items
        .into_iter()
        .map(|s| (s.id, s))
        .collect())
}

/// What a comment's score says of it: promoters' (CSAT and CES: top box) comments are
/// evidence of positive, detractors' (bottom two) of negative; the middle says nothing.
pub fn label_of(survey: &Survey, score: i16) -> Option<Label> {
    match Band::of(survey.fields.kind, survey.fields.scale, score) {
        Band::Positive => Some(Label::Positive),
        Band::Negative => Some(Label::Negative),
        Band::Neutral => None,
    }
}
