-- The knowledge base (help-centre articles and their categories), PostgreSQL flavour. Keep it in
-- step with crates/taith-store-sqlite/migrations/0017_articles.sql: same tables, columns, keys
-- and indexes; only the column types differ (ids UUID here, BLOB there). Adds tables; drops
-- nothing.
--
-- As everywhere: workspace_id first in every primary key, times in unix microseconds (UTC).

CREATE TABLE article_categories (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Serves article_category(), rename/delete and article_categories(ws).
    PRIMARY KEY (workspace_id, id)
);
-- The one-slug-per-workspace rule.
CREATE UNIQUE INDEX article_categories_by_slug ON article_categories (workspace_id, slug);

CREATE TABLE articles (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    slug TEXT NOT NULL,
    -- No foreign key: deleting a category sets its articles' category_id to NULL in the same
    -- transaction (a composite key's ON DELETE SET NULL would null workspace_id too).
    category_id UUID,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    -- JSON object {locale: {"title", "body"}}, at least one locale; read and written whole.
    translations TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Serves article(), update/delete_article and articles(ws).
    PRIMARY KEY (workspace_id, id)
);
-- Serves article_by_slug (the help centre's addresses) and the one-slug-per-workspace rule.
CREATE UNIQUE INDEX articles_by_slug ON articles (workspace_id, slug);
