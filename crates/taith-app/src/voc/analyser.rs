//! The analyser: takes queued responses off the store's queue, reads their written text
//! (language, sentiment, key phrases, themes) and stores what it found. Runs on every node;
//! analysing a response twice only wastes the work.

use super::Voc;
use std::collections::HashMap;
use std::time::Duration;
use taith_domain::{Theme, ThemeId, WorkspaceId};
use taith_store::{CommentAnalysis, PendingComment, SharedStore, Store, StoreError};
use taith_text::{Lang, ThemeMatcher};

/// How often the queue is looked at: a new comment is analysed within about this long of
/// being stored (plus the batch's own time).
const POLL_EVERY: Duration = Duration::from_millis(250);

/// Responses taken off the queue at a time.
const BATCH: u32 = 500;

pub(super) fn run_in_background(voc: Voc, store: SharedStore) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(POLL_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            loop {
                match voc.analyse_pending(store.as_ref()).await {
                    Ok(n) if n == BATCH as usize => continue,
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(
                            error = &e as &dyn std::error::Error,
                            "analysing comments failed; trying again"
                        );
                        break;
                    }
                }
            }
        }
    });
}

/// A workspace's visible themes and the matcher built from their phrases.
pub(super) struct WorkspaceThemes {
    ids: Vec<ThemeId>,
    matcher: ThemeMatcher,
}

impl WorkspaceThemes {
    pub(super) fn new(themes: &[Theme]) -> WorkspaceThemes {
        let visible: Vec<&Theme> = themes.iter().filter(|t| !t.fields.hidden).collect();
        let phrases: Vec<Vec<String>> = visible.iter().map(|t| t.fields.phrases.clone()).collect();
        WorkspaceThemes {
            ids: visible.iter().map(|t| t.id).collect(),
            matcher: ThemeMatcher::new(&phrases),
        }
    }

    pub(super) fn of(&self, phrases: &[String]) -> Vec<ThemeId> {
        self.matcher
            .themes_of(phrases)
            .into_iter()
            .filter_map(|i| self.ids.get(i).copied())
            .collect()
    }
}

impl Voc {
    /// Analyses one batch of queued responses; returns how many were taken off the queue.
    pub async fn analyse_pending(&self, store: &dyn Store) -> Result<usize, StoreError> {
        let pending = store.voc_pending(BATCH).await?;
        let taken = pending.len();
        let mut by_workspace: HashMap<WorkspaceId, Vec<PendingComment>> = HashMap::new();
        for p in pending {
            by_workspace.entry(p.workspace_id).or_default().push(p);
        }
        for (ws, items) in by_workspace {
            self.analyse_workspace(store, ws, &items).await?;
        }
        Ok(taken)
    }

    async fn analyse_workspace(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        items: &[PendingComment],
    ) -> Result<(), StoreError> {
        let themes = WorkspaceThemes::new(&store.themes(ws).await?);
        let mut models = HashMap::new();
        for l in Lang::SIX {
            models.insert(l, self.model(store, ws, l).await);
        }
        let mut analyses = Vec::with_capacity(items.len());
        let mut done = Vec::with_capacity(items.len());
        for item in items {
            done.push((item.response.id, item.queued_at));
            let text = item.response.written_text();
            if text.is_empty() {
                continue;
            }
            analyses.push(analyse(&text, item, &models, &themes));
        }
        store.save_comment_analyses(ws, &analyses, &done).await
    }
}

/// The analysis of one response's written text.
fn analyse(
    text: &str,
    item: &PendingComment,
    models: &HashMap<Lang, std::sync::Arc<taith_text::Model>>,
    themes: &WorkspaceThemes,
) -> CommentAnalysis {
    let hint = Lang::from_code(item.response.locale.tag());
    let a = taith_text::analyse(text, hint, |l| models.get(&l).map(|m| m.as_ref()));
    CommentAnalysis {
        response_id: item.response.id,
        language: a.language.lang,
        language_confidence: a.language.confidence,
        sentiment: a.sentiment.map(|s| (s.polarity, s.confidence)),
        themes: themes.of(&a.phrases),
        phrases: a.phrases,
        search_text: taith_text::normalize::normalize(text),
    }
}
