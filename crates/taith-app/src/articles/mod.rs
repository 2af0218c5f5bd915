//! The knowledge base and the help centre: making, changing, publishing and deleting articles
//! and categories (the one place that checks an article's category is the workspace's and
//! chooses its slug), the help centre's lists, an article rendered for a reader, and search.
//! The pages, the API, the demo and the tests all call these.

pub mod render;
pub mod search;

use taith_domain::{
    Article, ArticleCategory, ArticleCategoryId, ArticleFields, ArticleId, ArticleInput,
    ArticleSlug, ArticleStatus, Issue, Locale, ValidationErrors, WorkspaceId,
};
use taith_store::{ArticleToStore, ConflictKind, Store, StoreError};

pub use render::{SafeHtml, render};

/// Why an article or category was not saved.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("invalid article")]
    Invalid(ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How many slugs are tried before giving up: numbered ones (`hours-2`, `hours-3`, …) up to
/// [`NUMBERED`], then ones with a random number, so a workspace with many articles of one title
/// still gets an address for the next.
const SLUG_TRIES: u32 = 30;
const NUMBERED: u32 = 20;

/// The `n`th slug tried after `base` was taken.
fn nth_slug(base: &ArticleSlug, n: u32) -> ArticleSlug {
    if n <= NUMBERED {
        base.numbered(n)
    } else {
        // The random bits of a new UUIDv7: no clash worth a thought.
        let random = (ArticleId::new().as_uuid().as_u128() & 0xffff_ffff) as u32;
        base.numbered(random)
    }
}

/// A slug made from a title: diacritics folded, words joined by `-`; `article` for a title with
/// no Latin letters or digits (Arabic).
pub fn slug_of(title: &str) -> ArticleSlug {
    ArticleSlug::from_ascii_words(&search::fold(title)).unwrap_or_else(ArticleSlug::fallback)
}

async fn check_category(
    store: &dyn Store,
    ws: WorkspaceId,
    fields: &ArticleFields,
) -> Result<(), ArticleError> {
    if let Some(c) = fields.category_id {
        match store.article_category(ws, c).await {
            Ok(_) => {}
            Err(StoreError::NotFound) => {
                return Err(ArticleError::Invalid(ValidationErrors::one(
                    "category_id",
                    Issue::NotFound,
                )));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// The slug an article's own title gives: its English title's, else its first one's.
fn title_slug(fields: &ArticleFields) -> ArticleSlug {
    let title = fields
        .translations
        .for_reader(Locale::En)
        .map(|(_, t)| t.title.as_str().to_owned())
        .unwrap_or_default();
    slug_of(&title)
}

/// Creates an article. Its slug is the one given, else made from its title; a slug another
/// article has is numbered (`hours-2`) when made, refused (`slug` taken) when given.
pub async fn create_article(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &ArticleInput,
) -> Result<Article, ArticleError> {
    let fields = input.parse().map_err(ArticleError::Invalid)?;
    check_category(store, ws, &fields).await?;
    let given = fields.slug.is_some();
    let base = fields.slug.clone().unwrap_or_else(|| title_slug(&fields));
    let mut new = ArticleToStore {
        slug: base.clone(),
        category_id: fields.category_id,
        status: fields.status,
        translations: fields.translations,
    };
    for n in 2..SLUG_TRIES + 2 {
        match store.create_article(ws, &new).await {
            Err(StoreError::Conflict(ConflictKind::SlugTaken)) if !given => {
                new.slug = nth_slug(&base, n);
            }
            Err(StoreError::Conflict(ConflictKind::SlugTaken)) => {
                return Err(ArticleError::Invalid(ValidationErrors::one(
                    "slug",
                    Issue::Taken,
                )));
            }
            done => return Ok(done?),
        }
    }
    Err(StoreError::internal("no free slug for an article").into())
}

/// Replaces an article's fields; its slug stays unless one is given.
pub async fn update_article(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ArticleId,
    input: &ArticleInput,
) -> Result<Article, ArticleError> {
    // NotFound before field errors: another workspace's id is no article at all.
    let old = store.article(ws, id).await?;
    let fields = input.parse().map_err(ArticleError::Invalid)?;
    check_category(store, ws, &fields).await?;
    let new = ArticleToStore {
        slug: fields.slug.unwrap_or(old.slug),
        category_id: fields.category_id,
        status: fields.status,
        translations: fields.translations,
    };
    match store.update_article(ws, id, &new).await {
        Err(StoreError::Conflict(ConflictKind::SlugTaken)) => Err(ArticleError::Invalid(
            ValidationErrors::one("slug", Issue::Taken),
        )),
        done => Ok(done?),
    }
}

/// Publishes or unpublishes an article.
pub async fn set_status(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ArticleId,
    status: ArticleStatus,
) -> Result<Article, StoreError> {
    store.set_article_status(ws, id, status).await
}

pub async fn delete_article(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ArticleId,
) -> Result<(), StoreError> {
    store.delete_article(ws, id).await
}

/// Every article of the workspace (drafts too), newest change first.
pub async fn list(store: &dyn Store, ws: WorkspaceId) -> Result<Vec<Article>, StoreError> {
    let mut all = store.articles(ws, false).await?;
    all.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.0.cmp(&b.id.0)));
    Ok(all)
}

/// Makes a category; its slug from its name, numbered when taken.
pub async fn create_category(
    store: &dyn Store,
    ws: WorkspaceId,
    name: &str,
) -> Result<ArticleCategory, ArticleError> {
    let name = taith_domain::article::parse_category_name(name).map_err(ArticleError::Invalid)?;
    let base = slug_of(name.as_str());
    let mut slug = base.clone();
    for n in 2..SLUG_TRIES + 2 {
        match store.create_article_category(ws, &name, &slug).await {
            Err(StoreError::Conflict(ConflictKind::SlugTaken)) => slug = nth_slug(&base, n),
            done => return Ok(done?),
        }
    }
    Err(StoreError::internal("no free slug for a category").into())
}

pub async fn rename_category(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ArticleCategoryId,
    name: &str,
) -> Result<ArticleCategory, ArticleError> {
    store.article_category(ws, id).await?;
    let name = taith_domain::article::parse_category_name(name).map_err(ArticleError::Invalid)?;
    Ok(store.rename_article_category(ws, id, &name).await?)
}

/// Deletes a category; its articles stay, in no category.
pub async fn delete_category(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ArticleCategoryId,
) -> Result<(), StoreError> {
    store.delete_article_category(ws, id).await
}

/// The help centre's front page: each category with its published articles (only categories
/// that have some), then the published articles in no category. Each list by title in the
/// reader's locale.
#[derive(Debug, Clone)]
pub struct HelpCentre {
    pub sections: Vec<(Option<ArticleCategory>, Vec<Article>)>,
}

/// An article's title as a reader of `locale` sees it, for sorting.
fn title_for(a: &Article, locale: Locale) -> String {
    a.translations
        .for_reader(locale)
        .map(|(_, t)| t.title.as_str().to_lowercase())
        .unwrap_or_default()
}

pub async fn help_centre(
    store: &dyn Store,
    ws: WorkspaceId,
    reader: Locale,
) -> Result<HelpCentre, StoreError> {
    let mut published = store.articles(ws, true).await?;
    published.sort_by_cached_key(|a| title_for(a, reader));
    let categories = store.article_categories(ws).await?;
    let mut sections = Vec::new();
    for c in categories {
        let items: Vec<Article> = published
            .iter()
            .filter(|a| a.category_id == Some(c.id))
            .cloned()
            .collect();
        if !items.is_empty() {
            sections.push((Some(c), items));
        }
    }
    let known: Vec<ArticleCategoryId> = sections
        .iter()
        .filter_map(|(c, _)| c.as_ref().map(|c| c.id))
        .collect();
    let rest: Vec<Article> = published
        .into_iter()
        .filter(|a| a.category_id.is_none_or(|c| !known.contains(&c)))
        .collect();
    if !rest.is_empty() {
        sections.push((None, rest));
    }
    Ok(HelpCentre { sections })
}

/// A published article as a reader sees it: the translation in their locale, else the best
/// other one (see `Translations::for_reader`), rendered and sanitised.
#[derive(Debug, Clone)]
pub struct ReaderArticle {
    pub article: Article,
    /// The locale of the translation shown: not the reader's when theirs is not written.
    pub locale: Locale,
    pub title: String,
    pub html: SafeHtml,
    pub category: Option<ArticleCategory>,
}

/// The published article with this slug for a reader; NotFound for a draft, a slug that is
/// no article's, or another workspace's.
pub async fn read_published(
    store: &dyn Store,
    ws: WorkspaceId,
    slug: &str,
    reader: Locale,
) -> Result<ReaderArticle, StoreError> {
    let slug = ArticleSlug::parse(slug).map_err(|_| StoreError::NotFound)?;
    let article = store.article_by_slug(ws, &slug).await?;
    if !article.is_published() {
        return Err(StoreError::NotFound);
    }
    let (locale, t) = article
        .translations
        .for_reader(reader)
        .ok_or(StoreError::NotFound)?;
    let title = t.title.as_str().to_owned();
    let html = render(&t.body);
    let category = match article.category_id {
        Some(c) => match store.article_category(ws, c).await {
            Ok(c) => Some(c),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    Ok(ReaderArticle {
        locale,
        title,
        html,
        category,
        article,
    })
}

/// A search result as a reader sees it.
#[derive(Debug, Clone)]
pub struct Found {
    pub slug: String,
    pub locale: Locale,
    pub title: String,
    /// The start of the matching translation's text, without markup.
    pub snippet: String,
}

/// The longest snippet, in characters.
const SNIPPET_CHARS: usize = 200;

/// Searches the workspace's published articles (see [`search`]).
pub async fn search_published(
    store: &dyn Store,
    ws: WorkspaceId,
    query: &str,
    reader: Locale,
) -> Result<Vec<Found>, StoreError> {
    let published = store.articles(ws, true).await?;
    Ok(search::search(&published, query, reader)
        .into_iter()
        .filter_map(|h| {
            let t = h.article.translations.exact(h.locale)?;
            let text = render::plain_text(&t.body);
            let mut snippet: String = text.chars().take(SNIPPET_CHARS).collect();
            if text.chars().count() > SNIPPET_CHARS {
                snippet.push('…');
            }
            Some(Found {
                slug: h.article.slug.to_string(),
                locale: h.locale,
                title: t.title.as_str().to_owned(),
                snippet,
            })
        })
        .collect())
}
