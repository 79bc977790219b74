/*
 * Claims: what extraction read from one document, written as rows that belong to it, and read
 * back table by table, as typed rows, for the build stage that merges them across documents.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "thaigraph/grow.h"
#include "thaigraph/hash.h"
#include "thaigraph/text.h"

static const char *const claim_sql[CLAIM_STATEMENT_COUNT] = {
    [CLAIM_DELETE_ENTITIES] = "DELETE FROM entity_claims WHERE document_id = ?1",
    [CLAIM_DELETE_NAMES] = "DELETE FROM name_claims WHERE document_id = ?1",
    [CLAIM_DELETE_MENTIONS] = "DELETE FROM mentions WHERE document_id = ?1",
    [CLAIM_DELETE_POSITIONS] = "DELETE FROM position_claims WHERE document_id = ?1",
    [CLAIM_DELETE_EVENTS] = "DELETE FROM event_claims WHERE document_id = ?1",
    [CLAIM_DELETE_PARTICIPANTS] = "DELETE FROM participant_claims WHERE document_id = ?1",
    /* One document may name an entity under two written forms that normalise alike. */
    [CLAIM_INSERT_ENTITY] = "INSERT INTO entity_claims(document_id, entity_id, type, key, name,"
                            " kind, honorific, parent_id, known, mentions)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                            " ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions",
    [CLAIM_INSERT_NAME] = "INSERT OR IGNORE INTO name_claims(document_id, entity_id, form, name)"
                          " VALUES (?1, ?2, ?3, ?4)",
    [CLAIM_INSERT_MENTION] = "INSERT OR IGNORE INTO mentions(document_id, start, end, type,"
                             " surface, entity_id, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [CLAIM_INSERT_POSITION] = "INSERT INTO position_claims(document_id, person_id, title,"
                              " organisation_id, as_of, as_of_precision, start, end)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [CLAIM_INSERT_EVENT] = "INSERT INTO event_claims(document_id, ordinal, kind, title, date,"
                           " date_precision, date_from_text, place_id, programme_id,"
                           " collaboration, sentence, start, end)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [CLAIM_INSERT_PARTICIPANT] = "INSERT OR IGNORE INTO participant_claims(document_id, ordinal,"
                                 " entity_id, role, start, end)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [CLAIM_MARK_EXTRACTED] = "UPDATE documents SET extracted = ?2 WHERE id = ?1",
    [CLAIM_GET_DOCUMENT] = "SELECT id, title, text, published, published_precision, source, url,"
                           " origin FROM documents WHERE id = ?1",
};

/* The claim tables in the order tg_store_claim_visitor lists them. */
enum claim_table {
    TABLE_ENTITIES,
    TABLE_NAMES,
    TABLE_MENTIONS,
    TABLE_POSITIONS,
    TABLE_EVENTS,
    TABLE_PARTICIPANTS,
    TABLE_COUNT
};

static const char *const row_sql[TABLE_COUNT] = {
    [TABLE_ENTITIES] = "SELECT document_id, entity_id, type, key, name, kind, honorific,"
                       " parent_id, known, mentions FROM entity_claims"
                       " ORDER BY document_id, entity_id",
    [TABLE_NAMES] = "SELECT document_id, entity_id, form, name FROM name_claims"
                    " ORDER BY document_id, entity_id, form, name",
    [TABLE_MENTIONS] = "SELECT document_id, start, end, type, surface, entity_id, value"
                       " FROM mentions ORDER BY document_id, start",
    [TABLE_POSITIONS] = "SELECT document_id, person_id, title, organisation_id, as_of,"
                        " as_of_precision, start, end FROM position_claims"
                        " ORDER BY document_id, rowid",
    [TABLE_EVENTS] = "SELECT document_id, ordinal, kind, title, date, date_precision,"
                     " date_from_text, place_id, programme_id, collaboration, sentence,"
                     " start, end FROM event_claims ORDER BY document_id, ordinal",
    [TABLE_PARTICIPANTS] = "SELECT document_id, ordinal, entity_id, role, start, end"
                           " FROM participant_claims"
                           " ORDER BY document_id, ordinal, entity_id",
};

static const char *const id_prefixes[] = {
    [TG_EXTRACT_ORGANISATION] = "org_",
    [TG_EXTRACT_PERSON] = "per_",
    [TG_EXTRACT_PLACE] = "plc_",
    [TG_EXTRACT_PROGRAMME] = "prg_",
};

void tg_store_entity_id(enum tg_extract_type type, const char *key,
                        char buf[TG_STORE_ENTITY_ID_BYTES])
{
    const char *type_name = tg_extract_type_name(type);
    uint64_t h = tg_hash_bytes(type_name, strlen(type_name) + 1);
    h = tg_hash_update(h, key, strlen(key));
    snprintf(buf, TG_STORE_ENTITY_ID_BYTES, "%s%012llx", id_prefixes[type],
             (unsigned long long)(h & 0xffffffffffffULL));
}

void store_finalize_claim_statements(struct tg_store_writer *w)
{
    for (size_t i = 0; i < CLAIM_STATEMENT_COUNT; i++) {
        sqlite3_finalize(w->claims[i]);
        w->claims[i] = NULL;
    }
}

/* The statement, prepared on first use and reset with its bindings cleared. */
static sqlite3_stmt *claim_statement(struct tg_store_writer *w, enum claim_statement which)
{
    if (!w->claims[which] &&
        sqlite3_prepare_v2(w->db, claim_sql[which], -1, &w->claims[which], NULL) != SQLITE_OK)
        return NULL;
    sqlite3_reset(w->claims[which]);
    sqlite3_clear_bindings(w->claims[which]);
    return w->claims[which];
}

/* Binds text, or NULL for a NULL pointer (SQLite copies nothing: the strings outlive the step). */
static void bind_text(sqlite3_stmt *stmt, int index, const char *value)
{
    if (value)
        sqlite3_bind_text(stmt, index, value, -1, SQLITE_STATIC);
}

/* Runs a statement whose parameters are bound; a failure names the document. */
static enum tg_status step(struct tg_store_writer *w, sqlite3_stmt *stmt, const char *id,
                           struct tg_error *err)
{
    if (!stmt)
        return store_db_error(err, w->db, w->temp_path, "preparing a claim statement");
    if (sqlite3_step(stmt) != SQLITE_DONE)
        return tg_error_set(err, TG_ERR_DB, "%s: storing what document '%s' says: %s", w->temp_path,
                            id, sqlite3_errmsg(w->db));
    return TG_OK;
}

static const char *precision_name(enum tg_date_precision precision)
{
    static const char *const names[] = {NULL, "year", "month", "day"};
    return names[precision];
}

/* The entity ids of one result, computed once per entity and indexed like the result's lists. */
struct result_ids {
    char (*organisations)[TG_STORE_ENTITY_ID_BYTES];
    char (*people)[TG_STORE_ENTITY_ID_BYTES];
    char (*places)[TG_STORE_ENTITY_ID_BYTES];
    char (*programmes)[TG_STORE_ENTITY_ID_BYTES];
};

static const char *id_at(char (*ids)[TG_STORE_ENTITY_ID_BYTES], long index)
{
    return index >= 0 ? ids[index] : NULL;
}

static enum tg_status make_ids(const struct tg_extract_result *r, struct result_ids *ids)
{
    size_t total =
        r->organisation_count + r->person_count + r->place_count + r->programme_count + 1;
    char(*all)[TG_STORE_ENTITY_ID_BYTES] = malloc(total * sizeof *all);
    if (!all)
        return TG_ERR_NOMEM;
    ids->organisations = all;
    ids->people = ids->organisations + r->organisation_count;
    ids->places = ids->people + r->person_count;
    ids->programmes = ids->places + r->place_count;
    for (size_t i = 0; i < r->organisation_count; i++)
        tg_store_entity_id(TG_EXTRACT_ORGANISATION, r->organisations[i].key, ids->organisations[i]);
    for (size_t i = 0; i < r->person_count; i++)
        tg_store_entity_id(TG_EXTRACT_PERSON, r->people[i].key, ids->people[i]);
    for (size_t i = 0; i < r->place_count; i++)
        tg_store_entity_id(TG_EXTRACT_PLACE, r->places[i].key, ids->places[i]);
    for (size_t i = 0; i < r->programme_count; i++)
        tg_store_entity_id(TG_EXTRACT_PROGRAMME, r->programmes[i].key, ids->programmes[i]);
    return TG_OK;
}

struct entity_row {
    const char *id;
    enum tg_extract_type type;
    const char *key;
    const char *name;
    const char *kind;
    const char *honorific;
    const char *parent_id;
    bool known;
    size_t mentions;
};

static enum tg_status put_entity(struct tg_store_writer *w, const char *doc,
                                 const struct entity_row *e, struct tg_error *err)
{
    sqlite3_stmt *s = claim_statement(w, CLAIM_INSERT_ENTITY);
    if (s) {
        bind_text(s, 1, doc);
        bind_text(s, 2, e->id);
        bind_text(s, 3, tg_extract_type_name(e->type));
        bind_text(s, 4, e->key);
        bind_text(s, 5, e->name);
        bind_text(s, 6, e->kind);
        bind_text(s, 7, e->honorific);
        bind_text(s, 8, e->parent_id);
        sqlite3_bind_int(s, 9, e->known);
        sqlite3_bind_int64(s, 10, (sqlite3_int64)e->mentions);
    }
    return step(w, s, doc, err);
}

static enum tg_status put_names(struct tg_store_writer *w, const char *doc, const char *entity,
                                const char *form, char *const *names, size_t count,
                                struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < count && status == TG_OK; i++) {
        sqlite3_stmt *s = claim_statement(w, CLAIM_INSERT_NAME);
        if (s) {
            bind_text(s, 1, doc);
            bind_text(s, 2, entity);
            bind_text(s, 3, form);
            bind_text(s, 4, names[i]);
        }
        status = step(w, s, doc, err);
    }
    return status;
}

static enum tg_status put_organisations(struct tg_store_writer *w, const char *doc,
                                        const struct tg_extract_result *r,
                                        const struct result_ids *ids, struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < r->organisation_count && status == TG_OK; i++) {
        const struct tg_extract_organisation *o = &r->organisations[i];
        char parent[TG_STORE_ENTITY_ID_BYTES];
        char *parent_key = NULL;
        if (o->parent_name && (status = tg_text_make_key(o->parent_name, strlen(o->parent_name),
                                                         &parent_key)) != TG_OK)
            return status;
        if (parent_key)
            tg_store_entity_id(TG_EXTRACT_ORGANISATION, parent_key, parent);
        free(parent_key);
        struct entity_row row = {ids->organisations[i],
                                 TG_EXTRACT_ORGANISATION,
                                 o->key,
                                 o->name,
                                 o->kind,
                                 NULL,
                                 o->parent_name ? parent : NULL,
                                 o->known,
                                 o->mention_count};
        status = put_entity(w, doc, &row, err);
        if (status == TG_OK)
            status = put_names(w, doc, row.id, "abbreviation", o->abbreviations,
                               o->abbreviation_count, err);
        if (status == TG_OK)
            status = put_names(w, doc, row.id, "alias", o->aliases, o->alias_count, err);
    }
    return status;
}

static enum tg_status put_position(struct tg_store_writer *w, const char *doc, const char *person,
                                   const struct tg_extract_position *p,
                                   const struct result_ids *ids, struct tg_error *err)
{
    char as_of[11];
    tg_date_format_iso(&p->as_of, as_of);
    sqlite3_stmt *s = claim_statement(w, CLAIM_INSERT_POSITION);
    if (s) {
        bind_text(s, 1, doc);
        bind_text(s, 2, person);
        bind_text(s, 3, p->title);
        bind_text(s, 4, id_at(ids->organisations, p->organisation));
        bind_text(s, 5, as_of[0] ? as_of : NULL);
        bind_text(s, 6, precision_name(p->as_of.precision));
        sqlite3_bind_int64(s, 7, (sqlite3_int64)p->evidence.start);
        sqlite3_bind_int64(s, 8, (sqlite3_int64)p->evidence.end);
    }
    return step(w, s, doc, err);
}

static enum tg_status put_people(struct tg_store_writer *w, const char *doc,
                                 const struct tg_extract_result *r, const struct result_ids *ids,
                                 struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < r->person_count && status == TG_OK; i++) {
        const struct tg_extract_person *p = &r->people[i];
        struct entity_row row = {
            ids->people[i], TG_EXTRACT_PERSON, p->key, p->name, NULL, p->honorific, NULL,
            false,          p->mention_count};
        status = put_entity(w, doc, &row, err);
        for (size_t k = 0; k < p->position_count && status == TG_OK; k++)
            status = put_position(w, doc, row.id, &p->positions[k], ids, err);
    }
    return status;
}

static enum tg_status put_places_and_programmes(struct tg_store_writer *w, const char *doc,
                                                const struct tg_extract_result *r,
                                                const struct result_ids *ids, struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < r->place_count && status == TG_OK; i++) {
        const struct tg_extract_place *p = &r->places[i];
        const char *within = p->within >= 0 ? id_at(ids->places, p->within)
                                            : id_at(ids->organisations, p->within_organisation);
        struct entity_row row = {ids->places[i], TG_EXTRACT_PLACE, p->key, p->name,         p->kind,
                                 NULL,           within,           false,  p->mention_count};
        status = put_entity(w, doc, &row, err);
    }
    for (size_t i = 0; i < r->programme_count && status == TG_OK; i++) {
        const struct tg_extract_programme *p = &r->programmes[i];
        struct entity_row row = {
            ids->programmes[i], TG_EXTRACT_PROGRAMME, p->key, p->name, NULL, NULL, NULL, false,
            p->mention_count};
        status = put_entity(w, doc, &row, err);
        if (status == TG_OK)
            status = put_names(w, doc, row.id, "alias", p->aliases, p->alias_count, err);
    }
    return status;
}

static const char *mention_entity(const struct tg_extract_mention *m, const struct result_ids *ids)
{
    switch (m->type) {
    case TG_EXTRACT_ORGANISATION:
        return id_at(ids->organisations, m->entity);
    case TG_EXTRACT_PERSON:
        return id_at(ids->people, m->entity);
    case TG_EXTRACT_PLACE:
        return id_at(ids->places, m->entity);
    case TG_EXTRACT_PROGRAMME:
        return id_at(ids->programmes, m->entity);
    case TG_EXTRACT_DATE:
    case TG_EXTRACT_NUMBER:
        break;
    }
    return NULL;
}

static enum tg_status put_mentions(struct tg_store_writer *w, const char *doc,
                                   const struct tg_extract_result *r, const struct result_ids *ids,
                                   struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < r->mention_count && status == TG_OK; i++) {
        const struct tg_extract_mention *m = &r->mentions[i];
        sqlite3_stmt *s = claim_statement(w, CLAIM_INSERT_MENTION);
        if (s) {
            bind_text(s, 1, doc);
            sqlite3_bind_int64(s, 2, (sqlite3_int64)m->start);
            sqlite3_bind_int64(s, 3, (sqlite3_int64)m->end);
            bind_text(s, 4, tg_extract_type_name(m->type));
            bind_text(s, 5, m->surface);
            bind_text(s, 6, mention_entity(m, ids));
            bind_text(s, 7, m->value);
        }
        status = step(w, s, doc, err);
    }
    return status;
}

static enum tg_status put_participants(struct tg_store_writer *w, const char *doc, size_t ordinal,
                                       const struct tg_extract_participant *list, size_t count,
                                       char (*ids)[TG_STORE_ENTITY_ID_BYTES], struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < count && status == TG_OK; i++) {
        sqlite3_stmt *s = claim_statement(w, CLAIM_INSERT_PARTICIPANT);
        if (s) {
            bind_text(s, 1, doc);
            sqlite3_bind_int64(s, 2, (sqlite3_int64)ordinal);
            bind_text(s, 3, id_at(ids, list[i].entity));
            bind_text(s, 4, tg_extract_role_name(list[i].role));
            sqlite3_bind_int64(s, 5, (sqlite3_int64)list[i].evidence.start);
            sqlite3_bind_int64(s, 6, (sqlite3_int64)list[i].evidence.end);
        }
        status = step(w, s, doc, err);
    }
    return status;
}

static enum tg_status put_events(struct tg_store_writer *w, const char *doc,
                                 const struct tg_extract_result *r, const struct result_ids *ids,
                                 struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < r->event_count && status == TG_OK; i++) {
        const struct tg_extract_event *e = &r->events[i];
        char date[11];
        tg_date_format_iso(&e->date, date);
        sqlite3_stmt *s = claim_statement(w, CLAIM_INSERT_EVENT);
        if (s) {
            bind_text(s, 1, doc);
            sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
            bind_text(s, 3, tg_extract_event_kind_name(e->kind));
            bind_text(s, 4, e->title);
            bind_text(s, 5, date[0] ? date : NULL);
            bind_text(s, 6, precision_name(e->date.precision));
            sqlite3_bind_int(s, 7, e->date_from_text);
            bind_text(s, 8, id_at(ids->places, e->place));
            bind_text(s, 9, id_at(ids->programmes, e->programme));
            sqlite3_bind_int(s, 10, e->collaboration);
            bind_text(s, 11, e->sentence);
            sqlite3_bind_int64(s, 12, (sqlite3_int64)e->evidence.start);
            sqlite3_bind_int64(s, 13, (sqlite3_int64)e->evidence.end);
        }
        status = step(w, s, doc, err);
        if (status == TG_OK)
            status = put_participants(w, doc, i, e->organisations, e->organisation_count,
                                      ids->organisations, err);
        if (status == TG_OK)
            status = put_participants(w, doc, i, e->people, e->person_count, ids->people, err);
    }
    return status;
}

enum tg_status tg_store_writer_put_claims(struct tg_store_writer *w, const char *id,
                                          const struct tg_extract_result *r, int extractor_version,
                                          struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (int which = CLAIM_DELETE_ENTITIES; which <= CLAIM_DELETE_PARTICIPANTS && !status;
         which++) {
        sqlite3_stmt *s = claim_statement(w, (enum claim_statement)which);
        bind_text(s, 1, id);
        status = step(w, s, id, err);
    }
    struct result_ids ids = {0};
    if (status == TG_OK && make_ids(r, &ids) != TG_OK)
        status = tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    if (status == TG_OK)
        status = put_organisations(w, id, r, &ids, err);
    if (status == TG_OK)
        status = put_people(w, id, r, &ids, err);
    if (status == TG_OK)
        status = put_places_and_programmes(w, id, r, &ids, err);
    if (status == TG_OK)
        status = put_mentions(w, id, r, &ids, err);
    if (status == TG_OK)
        status = put_events(w, id, r, &ids, err);
    free(ids.organisations);
    if (status != TG_OK)
        return status;
    sqlite3_stmt *s = claim_statement(w, CLAIM_MARK_EXTRACTED);
    if (s) {
        bind_text(s, 1, id);
        sqlite3_bind_int(s, 2, extractor_version);
    }
    return step(w, s, id, err);
}

void tg_store_ids_free(char **ids, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(ids[i]);
    free(ids);
}

enum tg_status tg_store_writer_stale_documents(struct tg_store_writer *w, int extractor_version,
                                               char ***ids, size_t *count, struct tg_error *err)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(w->db, "SELECT id FROM documents WHERE extracted != ?1 ORDER BY id", -1,
                           &stmt, NULL) != SQLITE_OK)
        return store_db_error(err, w->db, w->temp_path, "listing documents to extract");
    sqlite3_bind_int(stmt, 1, extractor_version);
    char **list = NULL;
    size_t n = 0, cap = 0;
    enum tg_status status = TG_OK;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        char **grown = tg_grow(list, &cap, n + 1, sizeof *grown);
        if (!grown) {
            status = TG_ERR_NOMEM;
            break;
        }
        list = grown;
        if (!(list[n] = strdup((const char *)sqlite3_column_text(stmt, 0)))) {
            status = TG_ERR_NOMEM;
            break;
        }
        n++;
    }
    if (status == TG_OK && rc != SQLITE_DONE)
        status = store_db_error(err, w->db, w->temp_path, "listing documents to extract");
    sqlite3_finalize(stmt);
    if (status != TG_OK) {
        tg_store_ids_free(list, n);
        return status == TG_ERR_NOMEM ? tg_error_set(err, status, "out of memory") : status;
    }
    *ids = list;
    *count = n;
    return TG_OK;
}

enum tg_status tg_store_writer_get_document(struct tg_store_writer *w, const char *id,
                                            struct tg_store_document *doc, struct tg_error *err)
{
    sqlite3_stmt *s = claim_statement(w, CLAIM_GET_DOCUMENT);
    if (!s)
        return store_db_error(err, w->db, w->temp_path, "reading a document");
    bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE)
        return tg_error_set(err, TG_ERR_NOT_FOUND, "no document '%s'", id);
    if (rc != SQLITE_ROW)
        return store_db_error(err, w->db, w->temp_path, "reading a document");
    store_document_from_row(s, doc);
    return TG_OK;
}

/* Text of column c, or NULL. */
static const char *text_at(sqlite3_stmt *s, int c)
{
    return (const char *)sqlite3_column_text(s, c);
}

static size_t size_at(sqlite3_stmt *s, int c)
{
    sqlite3_int64 v = sqlite3_column_int64(s, c);
    return v > 0 ? (size_t)v : 0;
}

/* Reads the current row of table into its typed form and hands it to the visitor. */
static enum tg_status visit_row(enum claim_table table, sqlite3_stmt *s,
                                const struct tg_store_claim_visitor *v, void *ctx)
{
    switch (table) {
    case TABLE_ENTITIES: {
        struct tg_store_entity_claim row = {
            text_at(s, 0), text_at(s, 1), text_at(s, 2),
            text_at(s, 3), text_at(s, 4), text_at(s, 5),
            text_at(s, 6), text_at(s, 7), sqlite3_column_int(s, 8) != 0,
            size_at(s, 9)};
        return v->entity(ctx, &row);
    }
    case TABLE_NAMES: {
        struct tg_store_name_claim row = {text_at(s, 0), text_at(s, 1), text_at(s, 2),
                                          text_at(s, 3)};
        return v->name(ctx, &row);
    }
    case TABLE_MENTIONS: {
        struct tg_store_mention row = {text_at(s, 0), size_at(s, 1), size_at(s, 2), text_at(s, 3),
                                       text_at(s, 4), text_at(s, 5), text_at(s, 6)};
        return v->mention(ctx, &row);
    }
    case TABLE_POSITIONS: {
        struct tg_store_position_claim row = {text_at(s, 0), text_at(s, 1), text_at(s, 2),
                                              text_at(s, 3), text_at(s, 4), text_at(s, 5),
                                              size_at(s, 6), size_at(s, 7)};
        return v->position(ctx, &row);
    }
    case TABLE_EVENTS: {
        struct tg_store_event_claim row = {text_at(s, 0),
                                           size_at(s, 1),
                                           text_at(s, 2),
                                           text_at(s, 3),
                                           text_at(s, 4),
                                           text_at(s, 5),
                                           sqlite3_column_int(s, 6) != 0,
                                           text_at(s, 7),
                                           text_at(s, 8),
                                           sqlite3_column_int(s, 9) != 0,
                                           text_at(s, 10),
                                           size_at(s, 11),
                                           size_at(s, 12)};
        return v->event(ctx, &row);
    }
    case TABLE_PARTICIPANTS: {
        struct tg_store_participant_claim row = {text_at(s, 0), size_at(s, 1), text_at(s, 2),
                                                 text_at(s, 3), size_at(s, 4), size_at(s, 5)};
        return v->participant(ctx, &row);
    }
    case TABLE_COUNT:
        break;
    }
    return TG_ERR_INVALID_ARGUMENT;
}

enum tg_status tg_store_writer_claims(struct tg_store_writer *w,
                                      const struct tg_store_claim_visitor *visitor, void *ctx,
                                      struct tg_error *err)
{
    enum tg_status status = TG_OK;
    for (int t = 0; t < TABLE_COUNT && status == TG_OK; t++) {
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(w->db, row_sql[t], -1, &stmt, NULL) != SQLITE_OK)
            return store_db_error(err, w->db, w->temp_path, "reading claims");
        int rc = SQLITE_DONE;
        while (status == TG_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
            status = visit_row((enum claim_table)t, stmt, visitor, ctx);
        if (status == TG_OK && rc != SQLITE_DONE)
            status = store_db_error(err, w->db, w->temp_path, "reading claims");
        sqlite3_finalize(stmt);
    }
    return status;
}

enum tg_status tg_store_writer_documents(struct tg_store_writer *w,
                                         enum tg_status (*fn)(void *ctx,
                                                              const struct tg_store_document *doc),
                                         void *ctx, struct tg_error *err)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(w->db,
                           "SELECT id, title, text, published, published_precision, source, url,"
                           " origin FROM documents ORDER BY id",
                           -1, &stmt, NULL) != SQLITE_OK)
        return store_db_error(err, w->db, w->temp_path, "reading documents");
    enum tg_status status = TG_OK;
    int rc = SQLITE_DONE;
    while (status == TG_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct tg_store_document doc;
        store_document_from_row(stmt, &doc);
        status = fn(ctx, &doc);
    }
    if (status == TG_OK && rc != SQLITE_DONE)
        status = store_db_error(err, w->db, w->temp_path, "reading documents");
    sqlite3_finalize(stmt);
    return status;
}
