// The SQLite schema, as an ordered list of migrations. The store applies the ones a file lacks.
export const MIGRATIONS: readonly string[] = [
  // 1: documents, their sources and sentences; entities, mentions and every fact kind with evidence.
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    uri TEXT NOT NULL,
    content_type TEXT NOT NULL,
    raw BLOB NOT NULL,
    raw_sha256 TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    UNIQUE (uri, raw_sha256)
  );
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    content_type TEXT NOT NULL,
    text TEXT NOT NULL,
    flags TEXT NOT NULL DEFAULT '[]',
    duplicate_of TEXT REFERENCES documents(id),
    content_hash TEXT NOT NULL UNIQUE,
    signature TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX documents_published ON documents(published);
  -- Locality-sensitive hashing bands of each document's MinHash signature: candidates for near-copies.
  CREATE TABLE signature_bands (
    band TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, doc_id)
  ) WITHOUT ROWID;
  CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (doc_id, idx)
  );
  CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id',
    tokenize = 'unicode61 remove_diacritics 2');
  CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;

  CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    qid TEXT
  );
  CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE entities_fts USING fts5(names, tokenize = 'unicode61 remove_diacritics 2');
  CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    method TEXT NOT NULL,
    UNIQUE (doc_id, start, "end", entity_id)
  );
  CREATE INDEX mentions_entity ON mentions(entity_id);

  CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    subject_id INTEGER NOT NULL REFERENCES entities(id),
    object_id INTEGER NOT NULL REFERENCES entities(id),
    negated INTEGER NOT NULL,
    attrs TEXT NOT NULL,
    UNIQUE (type, subject_id, object_id, negated, attrs)
  );
  CREATE INDEX relations_subject ON relations(subject_id);
  CREATE INDEX relations_object ON relations(object_id);

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    date TEXT,
    location_id INTEGER REFERENCES entities(id),
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    merge_key TEXT NOT NULL UNIQUE
  );
  CREATE INDEX events_root_date ON events(root, date);
  CREATE TABLE event_roles (
    event_id INTEGER NOT NULL REFERENCES events(id),
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    role TEXT NOT NULL CHECK (role IN ('actor', 'target')),
    PRIMARY KEY (event_id, entity_id, role)
  ) WITHOUT ROWID;
  CREATE INDEX event_roles_entity ON event_roles(entity_id);

  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES entities(id),
    text TEXT NOT NULL,
    merge_key TEXT NOT NULL UNIQUE
  );
  CREATE INDEX quotes_speaker ON quotes(speaker_id);

  CREATE TABLE quantities (
    id INTEGER PRIMARY KEY,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    measure TEXT NOT NULL,
    time TEXT,
    merge_key TEXT NOT NULL UNIQUE
  );
  CREATE TABLE quantity_subjects (
    quantity_id INTEGER NOT NULL REFERENCES quantities(id),
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (quantity_id, entity_id)
  ) WITHOUT ROWID;
  CREATE INDEX quantity_subjects_entity ON quantity_subjects(entity_id);

  -- One row per sentence a fact was read from. fact_kind: relation, event, quote, quantity.
  CREATE TABLE evidence (
    fact_kind TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    confidence REAL NOT NULL,
    extra TEXT,
    PRIMARY KEY (fact_kind, fact_id, doc_id, start, "end")
  ) WITHOUT ROWID;
  CREATE INDEX evidence_doc ON evidence(doc_id);
  `,
  // 2: an entity's mentions by document and span from the index alone: dossier counts and sources, quotes about
  // the entity, search and graph mention counts no longer read the mentions table row by row. Replaces the
  // entity_id-only index, so ingest still maintains one index on mentions besides its unique key.
  `
  CREATE INDEX mentions_entity_doc ON mentions(entity_id, doc_id, start, "end");
  DROP INDEX mentions_entity;
  `,
  // 3: entity search rows hold the name and each distinct alias once. Stores written before this repeated the
  // name whenever a mention read exactly the name ("Kazakhstan | Kazakhstan"): rebuild every row from the tables.
  `
  DELETE FROM entities_fts;
  INSERT INTO entities_fts(rowid, names)
    SELECT e.id, e.name || coalesce((
      SELECT group_concat(' | ' || alias, '') FROM (
        SELECT alias FROM entity_aliases WHERE entity_id = e.id AND alias <> e.name ORDER BY alias)), '')
    FROM entities e;
  `,
  // 4: what a dossier, search hit or graph node would otherwise count by reading every mention, relation and event
  // role of a busy entity, kept at ingest; and the lists a dossier shows, readable latest-first straight off an
  // index. Existing stores get every table and column filled from what they already hold.
  //   entity_stats: per entity, mentions, mentioning documents, distinct canonical documents among them, relations
  //     as subject / object / both, events with a role, events as actor / as target, and event_pairs (actor→target
  //     pairs of its events as the graph counts them: each target when it acts, each actor when it is a target).
  //   entity_documents: one row per entity and mentioning document, with the mention count and what sorting and
  //     the independent-source count need from the document.
  //   quote_about: quotes by someone else whose evidence sentence mentions the entity.
  //   relations.evidence, event_roles.date, quantity_subjects.time: the dossier's sort keys, copied where the
  //     entity's index can hold them (an event's date and a quantity's time are part of its merge key, fixed).
  `
  CREATE TABLE entity_stats (
    entity_id INTEGER PRIMARY KEY REFERENCES entities(id),
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    canonicals INTEGER NOT NULL DEFAULT 0,
    relations_out INTEGER NOT NULL DEFAULT 0,
    relations_in INTEGER NOT NULL DEFAULT 0,
    relations_self INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    as_actor INTEGER NOT NULL DEFAULT 0,
    as_target INTEGER NOT NULL DEFAULT 0,
    event_pairs INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE entity_documents (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    canonical TEXT NOT NULL,
    published TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, doc_id)
  ) WITHOUT ROWID;
  CREATE TABLE quote_about (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    quote_id INTEGER NOT NULL REFERENCES quotes(id),
    PRIMARY KEY (entity_id, quote_id)
  ) WITHOUT ROWID;
  ALTER TABLE relations ADD COLUMN evidence INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE event_roles ADD COLUMN date TEXT;
  ALTER TABLE quantity_subjects ADD COLUMN time TEXT;

  UPDATE relations SET evidence = (
    SELECT count(*) FROM evidence ev WHERE ev.fact_kind = 'relation' AND ev.fact_id = relations.id);
  UPDATE event_roles SET date = (SELECT date FROM events WHERE id = event_roles.event_id);
  UPDATE quantity_subjects SET time = (SELECT time FROM quantities WHERE id = quantity_subjects.quantity_id);
  INSERT INTO entity_documents(entity_id, doc_id, canonical, published, mentions)
    SELECT m.entity_id, m.doc_id, COALESCE(d.duplicate_of, d.id), d.published, m.n
    FROM (SELECT entity_id, doc_id, count(*) AS n FROM mentions GROUP BY entity_id, doc_id) m
    JOIN documents d ON d.id = m.doc_id;
  INSERT OR IGNORE INTO quote_about(entity_id, quote_id)
    SELECT m.entity_id, q.id FROM evidence ev
    JOIN quotes q ON q.id = ev.fact_id
    JOIN mentions m ON m.doc_id = ev.doc_id AND m.start >= ev.start AND m."end" <= ev."end"
    WHERE ev.fact_kind = 'quote' AND m.entity_id <> q.speaker_id;

  CREATE INDEX entity_documents_published ON entity_documents(entity_id, published DESC, doc_id);
  CREATE INDEX entity_documents_canonical ON entity_documents(entity_id, canonical);
  CREATE INDEX relations_subject_evidence ON relations(subject_id, evidence DESC, id);
  CREATE INDEX relations_object_evidence ON relations(object_id, evidence DESC, id);
  DROP INDEX relations_subject;
  DROP INDEX relations_object;
  CREATE INDEX event_roles_entity_date ON event_roles(entity_id, role, date DESC, event_id DESC);
  DROP INDEX event_roles_entity;
  CREATE INDEX quantity_subjects_entity_time ON quantity_subjects(entity_id, time DESC, quantity_id DESC);
  DROP INDEX quantity_subjects_entity;

  INSERT INTO entity_stats(entity_id, mentions, documents, canonicals, relations_out, relations_in, relations_self,
      events, as_actor, as_target, event_pairs)
    SELECT e.id,
      (SELECT coalesce(sum(mentions), 0) FROM entity_documents WHERE entity_id = e.id),
      (SELECT count(*) FROM entity_documents WHERE entity_id = e.id),
      (SELECT count(DISTINCT canonical) FROM entity_documents WHERE entity_id = e.id),
      (SELECT count(*) FROM relations WHERE subject_id = e.id),
      (SELECT count(*) FROM relations WHERE object_id = e.id),
      (SELECT count(*) FROM relations WHERE subject_id = e.id AND object_id = e.id),
      (SELECT count(DISTINCT event_id) FROM event_roles WHERE entity_id = e.id),
      (SELECT count(*) FROM event_roles WHERE entity_id = e.id AND role = 'actor'),
      (SELECT count(*) FROM event_roles WHERE entity_id = e.id AND role = 'target'),
      (SELECT count(*) FROM event_roles a JOIN event_roles t ON t.event_id = a.event_id AND t.role = 'target'
        WHERE a.entity_id = e.id AND a.role = 'actor')
      + (SELECT count(*) FROM event_roles t JOIN event_roles a ON a.event_id = t.event_id AND a.role = 'actor'
        WHERE t.entity_id = e.id AND t.role = 'target')
    FROM entities e;
  `,
  // 5: the graph's event edges (actor → target, how many events, which CAMEO roots) as ingest counts them, per root,
  // instead of joining every event role of a neighbourhood's hubs. An actor that is also a target of the same
  // event is no edge.
  `
  CREATE TABLE event_pairs (
    actor_id INTEGER NOT NULL REFERENCES entities(id),
    target_id INTEGER NOT NULL REFERENCES entities(id),
    root TEXT NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (actor_id, target_id, root)
  ) WITHOUT ROWID;
  INSERT INTO event_pairs(actor_id, target_id, root, events)
    SELECT a.entity_id, t.entity_id, e.root, count(*) FROM event_roles a
    JOIN event_roles t ON t.event_id = a.event_id AND t.role = 'target'
    JOIN events e ON e.id = a.event_id
    WHERE a.role = 'actor' AND a.entity_id <> t.entity_id
    GROUP BY a.entity_id, t.entity_id, e.root;
  `,
  // 6: a relation's independent sources (distinct canonical documents of its evidence), kept at ingest: the graph
  // orders the edges among a neighbourhood's nodes by it, and counted it over every evidence row of every edge.
  `
  ALTER TABLE relations ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
  UPDATE relations SET sources = (
    SELECT count(DISTINCT COALESCE(d.duplicate_of, d.id)) FROM evidence ev JOIN documents d ON d.id = ev.doc_id
    WHERE ev.fact_kind = 'relation' AND ev.fact_id = relations.id);
  `,
  // 7: where an event's date comes from: 'text' (the sentence states it) or 'published' (the text gives none and
  // the event takes its document's publication date), NULL while it has no date. An older store's undated events
  // take the earliest publication date among the documents that report them, as ingest now dates them; dated
  // ones are the text's. event_roles.date, the dossier's copy, follows.
  `
  ALTER TABLE events ADD COLUMN date_source TEXT CHECK (date_source IN ('text', 'published'));
  UPDATE events SET date_source = 'text' WHERE date IS NOT NULL;
  UPDATE events SET date = (
    SELECT min(d.published) FROM evidence ev JOIN documents d ON d.id = ev.doc_id
    WHERE ev.fact_kind = 'event' AND ev.fact_id = events.id)
  WHERE date IS NULL;
  UPDATE events SET date_source = 'published' WHERE date IS NOT NULL AND date_source IS NULL;
  UPDATE event_roles SET date = (SELECT date FROM events WHERE id = event_roles.event_id) WHERE date IS NULL;
  `,
  // 8: an alias is another name of the entity. Stores written before this kept every mention's text, so a capital
  // standing for its state ("Beijing" for China), a demonym ("Kazakh"), a role ("Kazakh leader") and the name in
  // capitals ("DUSHANBE" in a dateline) read as what the entity is also called, and found it in search. Those
  // go unless a mention also reads them as a name; the search rows are rebuilt as in 3.
  `
  DELETE FROM entity_aliases
  WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entity_aliases.entity_id AND m.text = entity_aliases.alias
      AND m.method IN ('kb-metonym', 'kb-demonym', 'role'))
    AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entity_aliases.entity_id
      AND m.text = entity_aliases.alias AND m.method NOT IN ('kb-metonym', 'kb-demonym', 'role'));
  DELETE FROM entity_aliases
  WHERE EXISTS (SELECT 1 FROM entities e WHERE e.id = entity_aliases.entity_id
    AND alias <> e.name AND lower(alias) = lower(e.name));
  DELETE FROM entities_fts;
  INSERT INTO entities_fts(rowid, names)
    SELECT e.id, e.name || coalesce((
      SELECT group_concat(' | ' || alias, '') FROM (
        SELECT alias FROM entity_aliases WHERE entity_id = e.id AND alias <> e.name ORDER BY alias)), '')
    FROM entities e;
  `,
  // 9: the store writes a sentence's full-text row itself, once the transaction storing the sentence ends (in a bulk
  // load, a batch of documents, each in a savepoint): FTS5 writes what it holds as a new segment at every savepoint,
  // so a row per inserted sentence from the trigger cost a segment, and its merging later, per document. The rows
  // already indexed stay as they are.
  `
  DROP TRIGGER sentences_ai;
  `,
  // 10: what a fact and an entity's facts rest on, kept at ingest, so a hub's dossier reads a few rows per listed fact
  // instead of every evidence row of every fact (the counts each view shows are defined in docs/architecture.md).
  //   fact_support: per fact, its evidence rows, independent sources (distinct canonical documents of its evidence)
  //     and doubt, Π(1 - c) over the best confidence c of each source (each c clamped to 0..0.99, as
  //     combinedConfidence does): the fact's confidence is 1 - doubt, rounded to three places.
  //   fact_sources: per fact and independent source, the source's best document (highest confidence, then earliest
  //     published, then id), indexed in that order: a list shows the best sentences of the first few.
  //   entity_documents.facts: how many of the entity's facts the document backs (a row with mentions 0 is a document
  //     that backs one of its facts without mentioning it).
  //   entity_stats.facts: the entity's facts (relations at either end, events with a role, quotes it said, figures
  //     about it), each once; fact_documents: documents backing one of them; fact_sources: distinct canonical
  //     documents among those; fact_only_documents: fact documents that do not mention it.
  //   relations_ends, relations_ends_in, event_pairs_target: a graph level's neighbours from the indexes alone, in
  //     both directions, instead of every relation row and every event role of a hub.
  `
  CREATE TABLE fact_support (
    fact_kind TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    evidence INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    doubt REAL NOT NULL,
    PRIMARY KEY (fact_kind, fact_id)
  ) WITHOUT ROWID;
  CREATE TABLE fact_sources (
    fact_kind TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    canonical TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    confidence REAL NOT NULL,
    published TEXT,
    PRIMARY KEY (fact_kind, fact_id, canonical)
  ) WITHOUT ROWID;
  ALTER TABLE entity_documents ADD COLUMN facts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE entity_stats ADD COLUMN facts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE entity_stats ADD COLUMN fact_documents INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE entity_stats ADD COLUMN fact_sources INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE entity_stats ADD COLUMN fact_only_documents INTEGER NOT NULL DEFAULT 0;

  CREATE TEMP TABLE fact_docs AS
    SELECT ev.fact_kind, ev.fact_id, ev.doc_id, max(ev.confidence) AS confidence, count(*) AS n,
      COALESCE(d.duplicate_of, d.id) AS canonical, d.published
    FROM evidence ev JOIN documents d ON d.id = ev.doc_id GROUP BY ev.fact_kind, ev.fact_id, ev.doc_id;
  CREATE INDEX temp.fact_docs_fact ON fact_docs(fact_kind, fact_id);
  INSERT INTO fact_sources(fact_kind, fact_id, canonical, doc_id, confidence, published)
    SELECT fact_kind, fact_id, canonical, doc_id, confidence, published FROM (
      SELECT *, row_number() OVER (PARTITION BY fact_kind, fact_id, canonical
        ORDER BY confidence DESC, published IS NULL, published, doc_id) AS rank FROM fact_docs)
    WHERE rank = 1;
  INSERT INTO fact_support(fact_kind, fact_id, evidence, sources, doubt)
    SELECT e.fact_kind, e.fact_id, e.n, s.sources, s.doubt FROM
      (SELECT fact_kind, fact_id, sum(n) AS n FROM fact_docs GROUP BY fact_kind, fact_id) e
      JOIN (SELECT fact_kind, fact_id, count(*) AS sources, exp(sum(ln(1 - min(0.99, max(0, confidence))))) AS doubt
        FROM fact_sources GROUP BY fact_kind, fact_id) s ON s.fact_kind = e.fact_kind AND s.fact_id = e.fact_id;

  CREATE TEMP TABLE fact_parties AS
    SELECT 'relation' AS fact_kind, id AS fact_id, subject_id AS entity_id FROM relations
    UNION SELECT 'relation', id, object_id FROM relations
    UNION SELECT 'event', event_id, entity_id FROM event_roles
    UNION SELECT 'quote', id, speaker_id FROM quotes
    UNION SELECT 'quantity', quantity_id, entity_id FROM quantity_subjects;
  CREATE TEMP TABLE entity_facts (entity_id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
  INSERT INTO entity_facts SELECT entity_id, count(*) FROM fact_parties GROUP BY entity_id;
  INSERT INTO entity_documents(entity_id, doc_id, canonical, published, mentions, facts)
    SELECT p.entity_id, f.doc_id, f.canonical, f.published, 0, count(*) FROM fact_parties p
    JOIN fact_docs f ON f.fact_kind = p.fact_kind AND f.fact_id = p.fact_id
    WHERE true GROUP BY p.entity_id, f.doc_id
    ON CONFLICT(entity_id, doc_id) DO UPDATE SET facts = excluded.facts;
  INSERT OR IGNORE INTO entity_stats(entity_id) SELECT id FROM entities;
  UPDATE entity_stats SET
    facts = coalesce((SELECT n FROM entity_facts f WHERE f.entity_id = entity_stats.entity_id), 0),
    fact_documents = (SELECT count(*) FROM entity_documents ed WHERE ed.entity_id = entity_stats.entity_id AND ed.facts > 0),
    fact_sources = (SELECT count(DISTINCT canonical) FROM entity_documents ed
      WHERE ed.entity_id = entity_stats.entity_id AND ed.facts > 0),
    fact_only_documents = (SELECT count(*) FROM entity_documents ed
      WHERE ed.entity_id = entity_stats.entity_id AND ed.facts > 0 AND ed.mentions = 0);
  DROP TABLE fact_docs;
  DROP TABLE fact_parties;
  DROP TABLE entity_facts;
  CREATE INDEX fact_sources_rank ON fact_sources(fact_kind, fact_id, confidence DESC, published IS NULL, published, doc_id);
  CREATE INDEX relations_ends ON relations(subject_id, object_id);
  CREATE INDEX relations_ends_in ON relations(object_id, subject_id);
  CREATE INDEX event_pairs_target ON event_pairs(target_id, actor_id);
  `,
];
