//! A person's own settings: the name others see and the language taith speaks to them in.

use taith_domain::{Locale, Name, User, ValidationErrors};
use taith_store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The profile form as typed: a name, and a language tag ("" follows the browser).
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub name: String,
    pub locale: String,
}

/// Saves `user`'s name and language; each field's problem is named.
pub async fn update(
    store: &dyn Store,
    user: &User,
    input: &ProfileInput,
) -> Result<(), ProfileError> {
    let mut e = ValidationErrors::default();
    let name = e.check("name", Name::parse(&input.name));
    let locale = e.check("locale", parse_choice(&input.locale));
    let (Some(name), Some(locale), true) = (name, locale, e.is_empty()) else {
        return Err(e.into());
    };
    if name != user.name {
        store.set_user_name(user.id, &name).await?;
    }
    store.set_user_locale(user.id, locale).await?;
    Ok(())
}

/// Sets `user`'s language alone (the language menu of a page, used while signed in).
pub async fn set_language(
    store: &dyn Store,
    user: taith_domain::UserId,
    locale: Locale,
) -> Result<(), StoreError> {
    store.set_user_locale(user, Some(locale)).await
}

/// "" is the browser's language; otherwise one of the six tags.
fn parse_choice(tag: &str) -> Result<Option<Locale>, taith_domain::Issue> {
    let tag = tag.trim();
    if tag.is_empty() {
        return Ok(None);
    }
    Locale::from_tag(tag)
        .map(Some)
        .ok_or(taith_domain::Issue::UnknownValue)
}
