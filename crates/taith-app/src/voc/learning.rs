//! Learning from the business's own answers, in the background: each workspace's sentiment
//! model per language goes on from where it stopped with the newly scored comments, and theme
//! discovery looks for new recurring topics once enough new comments came in.
//!
//! Safe with several nodes: a model is saved only at the version it was read at, so when two
//! nodes train at once one saves and the other drops its work; two nodes discovering the same
//! theme make it once (theme names are unique per workspace).

use super::{Voc, label_of, surveys_by_id};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use taith_domain::{Name, ThemeFields, ThemeOrigin, WorkspaceId};
use taith_store::{ConflictKind, SharedStore, Store, StoreError, StoredModel};
use taith_text::{Example, Lang, Model};
use time::OffsetDateTime;

/// How often each workspace is looked at.
const LEARN_EVERY: Duration = Duration::from_secs(10);
/// Comments read from the store at a time while learning.
const CHUNK: u32 = 5_000;
/// A model learns again once this many new scored comments came in, or a twentieth of what
/// it learned from, whichever is more: often enough to improve while answers arrive, rarely
/// enough that re-scoring the language's comments after it stays cheap.
const MIN_NEW_EXAMPLES: u64 = 10;
/// Theme discovery reads at most this many of the newest comments.
const DISCOVERY_SAMPLE: u32 = 20_000;
/// Most themes discovery keeps in a workspace (staff-made ones do not count): a small
/// business reads a handful, not a word cloud.
const MAX_FOUND_THEMES: usize = 12;
/// Two candidates whose comments overlap this much (of the smaller one's) are one topic said
/// in several words ("allergen information", "find"): the stronger stays.
const SAME_TOPIC: f64 = 0.6;

/// What this node remembers between passes: how many comments each workspace had at its last
/// theme discovery.
#[derive(Debug, Default)]
pub(super) struct LearningState {
    discovered_at: Mutex<HashMap<WorkspaceId, u64>>,
}

pub(super) fn run_in_background(voc: Voc, store: SharedStore) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(LEARN_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let workspaces = match store.all_workspaces().await {
                Ok(w) => w,
                Err(e) => {
                    tracing::warn!(
                        error = &e as &dyn std::error::Error,
                        "cannot list workspaces to learn from"
                    );
                    continue;
                }
            };
            for w in workspaces {
                if let Err(e) = voc.learn(store.as_ref(), w.id).await {
                    tracing::warn!(workspace = %w.slug, error = &e as &dyn std::error::Error, "learning from comments failed; trying again later");
                }
            }
        }
    });
}

/// What one pass of [`Voc::learn`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Learned {
    /// Languages whose model learned, and from how many new comments.
    pub models: Vec<(Lang, u64)>,
    /// Themes discovery added.
    pub themes_added: usize,
}

impl Voc {
    /// One learning pass over a workspace: each language's model learns from the scored
    /// comments it has not seen, and themes are discovered when enough new comments came in.
    /// Comments are queued for analysis again where that changes what they would get.
    pub async fn learn(&self, store: &dyn Store, ws: WorkspaceId) -> Result<Learned, StoreError> {
        let mut learned = Learned::default();
        let languages = store.comment_languages(ws).await?;
        for (lang, _) in &languages {
            if *lang == Lang::Other {
                continue;
            }
            let n = learn_language(store, ws, *lang).await?;
            if n > 0 {
                learned.models.push((*lang, n));
                // Every comment in the language is scored again by what the model now knows.
                store.requeue_comments(ws, Some(*lang)).await?;
            }
        }
        let total: u64 = languages.iter().map(|(_, n)| n).sum();
        let last = self
            .learning
            .discovered_at
            .lock()
            .map(|m| m.get(&ws).copied())
            .unwrap_or(None);
        let due = match last {
            None => total > 0,
            Some(at) => total >= at + (at / 20).max(MIN_NEW_EXAMPLES),
        };
        if due {
            learned.themes_added = discover_themes(store, ws).await?;
            if let Ok(mut m) = self.learning.discovered_at.lock() {
                m.insert(ws, total);
            }
        }
        Ok(learned)
    }
}

/// Trains `lang`'s model of the workspace on the scored comments it has not learned from;
/// returns how many it learned from (0: nothing new enough, or another node saved first).
async fn learn_language(store: &dyn Store, ws: WorkspaceId, lang: Lang) -> Result<u64, StoreError> {
    let stored = store.sentiment_model(ws, lang).await?;
    let expected = stored.as_ref().map(|s| s.version);
    let (mut model, mut through, mut trained_on) = match &stored {
        Some(s) => match Model::from_bytes(lang, &s.bytes) {
            Ok(m) => (m, s.trained_through, s.trained_on),
            // Unreadable: rebuilt from the base model and every scored comment.
            Err(e) => {
                tracing::warn!(workspace = %ws, language = lang.code(), error = %e, "rebuilding an unreadable sentiment model");
                (Model::base(lang), None, 0)
            }
        },
        None => (Model::base(lang), None, 0),
    };
    let surveys = surveys_by_id(store, ws).await?;
    let mut texts: Vec<(String, taith_text::Label)> = Vec::new();
    let mut cursor = through;
    loop {
        let chunk = store.comments_to_learn(ws, lang, cursor, CHUNK).await?;
        let Some(last) = chunk.last() else { break };
        cursor = Some(last.id);
        for r in &chunk {
            if let Some(label) = surveys.get(&r.survey_id).and_then(|s| label_of(s, r.score)) {
                texts.push((r.written_text(), label));
            }
        }
        if chunk.len() < CHUNK as usize {
            break;
        }
    }
    let new = texts.len() as u64;
    if new < (trained_on / 20).max(MIN_NEW_EXAMPLES) && stored.is_some() {
        return Ok(0);
    }
    if new == 0 {
        return Ok(0);
    }
    let examples: Vec<Example<'_>> = texts
        .iter()
        .map(|(text, label)| Example {
            text,
            label: *label,
        })
        .collect();
    model.train(&examples);
    trained_on += new;
    through = cursor;
    let saved = store
        .save_sentiment_model(
            ws,
            &StoredModel {
                language: lang,
                bytes: model.to_bytes(),
                trained_on,
                trained_through: through,
                version: expected.unwrap_or(0) + 1,
                updated_at: OffsetDateTime::now_utc(),
            },
            expected,
        )
        .await?;
    Ok(if saved { new } else { 0 })
}

/// Adds the recurring topics of the workspace's comments that no theme covers yet; returns
/// how many themes it added. Staff edits are never undone: a phrase that any theme (hidden
/// ones included) already holds is not offered again.
pub async fn discover_themes(store: &dyn Store, ws: WorkspaceId) -> Result<usize, StoreError> {
    let rows = store.comment_phrases(ws, DISCOVERY_SAMPLE).await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let surveys = surveys_by_id(store, ws).await?;
    let labelled: Vec<(Lang, &[String], Option<taith_text::Label>)> = rows
        .iter()
        .map(|(lang, phrases, survey, score)| {
            let label = surveys.get(survey).and_then(|s| label_of(s, *score));
            (*lang, phrases.as_slice(), label)
        })
        .collect();
    // A topic must come up in at least 3 comments, or 1 in 200 of a large sample.
    let min_count = (rows.len() as u32 / 200).max(3);
    let candidates = distinct(taith_text::themes::discover(labelled, min_count), &rows);
    let existing = store.themes(ws).await?;
    let found = existing
        .iter()
        .filter(|t| t.origin == ThemeOrigin::Found)
        .count();
    let mut taken: std::collections::HashSet<String> = existing
        .iter()
        .flat_map(|t| t.fields.phrases.iter().cloned())
        .collect();
    let names: std::collections::HashSet<String> = existing
        .iter()
        .map(|t| t.fields.name.as_str().to_lowercase())
        .collect();
    let mut added = 0;
    for c in candidates {
        if found + added >= MAX_FOUND_THEMES {
            break;
        }
        if c.phrases.iter().any(|p| taken.contains(p)) || names.contains(&c.name.to_lowercase()) {
            continue;
        }
        let Ok(name) = Name::parse(&title_case(&c.name)) else {
            continue;
        };
        let fields = ThemeFields {
            name,
            phrases: c.phrases.clone(),
            pinned: false,
            hidden: false,
        };
        match store.create_theme(ws, &fields, ThemeOrigin::Found).await {
            Ok(_) => {
                taken.extend(c.phrases);
                added += 1;
            }
            // Another node made it first.
            Err(StoreError::Conflict(ConflictKind::ThemeNameTaken)) => {}
            Err(e) => return Err(e),
        }
    }
    if added > 0 {
        store.requeue_comments(ws, None).await?;
    }
    Ok(added)
}

/// The candidates, strongest first, without those that come up in (nearly) the same
/// comments as a stronger one.
fn distinct(
    candidates: Vec<taith_text::Candidate>,
    rows: &[(Lang, Vec<String>, taith_domain::SurveyId, i16)],
) -> Vec<taith_text::Candidate> {
    let mut kept: Vec<(taith_text::Candidate, std::collections::HashSet<usize>)> = Vec::new();
    for c in candidates {
        let seen: std::collections::HashSet<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, (_, phrases, _, _))| phrases.iter().any(|p| c.phrases.contains(p)))
            .map(|(i, _)| i)
            .collect();
        let same = kept.iter().any(|(_, other)| {
            let common = seen.intersection(other).count() as f64;
            let smaller = seen.len().min(other.len()).max(1) as f64;
            common / smaller >= SAME_TOPIC
        });
        if !same {
            kept.push((c, seen));
        }
    }
    kept.into_iter().map(|(c, _)| c).collect()
}

/// "late delivery" → "Late delivery": a theme's name as a heading.
fn title_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
