# Knowledge base and help centre: the owner's pages and the public help centre.
nav-articles = Help centre
articles-title = Help centre articles
articles-new = New article
articles-lede = Answers your customers can read without asking: one article per question, written in each language you serve. Published articles appear in your public help centre.
articles-public-link = Open the public help centre
articles-empty = No articles yet. Write one for the question customers ask most.
articles-field-title = Title
articles-field-body = Text
articles-field-status = Status
articles-field-locales = Languages
articles-field-category = Category
articles-field-slug = Address
articles-slug-hint = The last part of the article's address in the help centre: lower-case letters, digits and hyphens. Leave it empty to make one from the title.
articles-translations-hint = Write the article in as many languages as you like: fill in a title and a text for each. A language left empty is not shown; readers get the nearest language you wrote, with a note saying which it is.
articles-body-hint = Markdown: **bold**, *italic*, lists with -, links as [text](https://…), headings with #. Scripts and other code are removed.
articles-no-category = No category
articles-status-draft = Draft
articles-status-published = Published
articles-publish = Publish
articles-unpublish = Unpublish
articles-view-public = View in the help centre
articles-create = Create article
articles-save = Save
articles-delete = Delete article
articles-delete-confirm = Delete this article in every language? This cannot be undone.
articles-done-created = Article created.
articles-done-saved = Saved.
articles-done-published = Published: the article is in the help centre.
articles-done-unpublished = Unpublished: the article is a draft again.
articles-categories = Categories
articles-categories-empty = No categories yet.
articles-category-name = Category name
articles-category-add = Add category
articles-category-delete = Delete
articles-category-delete-confirm = Delete this category? Its articles stay, in no category.
articles-category-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
articles-public-title = Help centre – { $business }
articles-public-heading = Help centre
articles-public-article-title = { $title } – { $business }
articles-public-empty = There are no articles here yet.
articles-public-other = More articles
articles-public-other-language = This article is not written in your language yet. It is shown in { $language }.
articles-public-search-title = Search – { $business }
articles-public-search-heading = Search the help centre
articles-public-search-label = Search the articles
articles-public-search = Search
articles-public-results = { $count ->
    [one] { $count } article found
   *[other] { $count } articles found
}
articles-public-no-results = No article matches. Try other words.
articles-public-unknown-title = Page not found
articles-public-unknown = There is no help centre page at this address. Please check the link.
