/*
 * bench_peers: the search peers thaigraph is measured against, over the documents of one
 * database, in one run:
 *
 *   - Xapian (libxapian) indexing the very tokens the snapshot indexed: every document's text,
 *     boilerplate left out, read by tg_search_terms with the snapshot's own abbreviations, each
 *     term with its position, ranked by BM25 (Xapian's default weighting). A query is read the
 *     same way; words written together or quoted must stand together (OP_PHRASE), all must occur
 *     (OP_AND), as /v1/search reads it.
 *   - SQLite FTS5 with the trigram tokenizer over the same texts (each query word a quoted
 *     string, ANDed).
 *
 * For each query of the list it prints, tab-separated, the hits of tg_graph_search (documents,
 * in process), of Xapian and of FTS5, and the cold (first) and warm (median of later runs)
 * latency of Xapian, FTS5 and tg_graph_search (with its snippets) in ms for a first page of 20. bench/scale.sh adds thaigraphd's own
 * HTTP latency and prints the ratios. Reads the query list from a file, one query a line.
 *
 * usage: bench_peers --db FILE --queries FILE [--work DIR]
 */
#include <xapian.h>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

extern "C" {
#include "thaigraph/boilerplate.h"
#include "thaigraph/graph.h"
#include "thaigraph/search.h"
}

namespace {

[[noreturn]] void fail(const std::string &what)
{
    std::fprintf(stderr, "bench_peers: %s\n", what.c_str());
    std::exit(1);
}

double now_ms()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

/* The terms of a text with their positions, as the snapshot indexed them. */
struct term_list {
    std::vector<std::pair<std::string, uint32_t>> terms;
};

void add_term(void *ctx, const char *term, size_t len, uint32_t position)
{
    static_cast<term_list *>(ctx)->terms.emplace_back(std::string(term, len), position);
}

term_list terms_of(tg_text_segmenter *seg, const char *text, size_t len, bool skip_furniture)
{
    term_list out;
    tg_boilerplate_range *furniture = nullptr;
    size_t count = 0;
    if (skip_furniture && tg_boilerplate_find(text, len, &furniture, &count) != TG_OK)
        fail("boilerplate");
    std::vector<tg_search_range> skip;
    for (size_t i = 0; i < count; i++)
        skip.push_back({furniture[i].start, furniture[i].end});
    std::free(furniture);
    enum tg_status st = tg_search_terms(seg, text, len, skip.data(), skip.size(), add_term, &out);
    if (st != TG_OK)
        fail(std::string("tg_search_terms: ") + tg_status_title(st));
    return out;
}

/*
 * The query as Xapian reads it: the query's words in groups, as tg_search groups them (tokens
 * written together, or between quotes), each group a phrase, all ANDed. The grouping follows
 * the query's bytes: words not separated by a space stand together.
 */
Xapian::Query xapian_query(tg_text_segmenter *seg, const std::string &q)
{
    std::vector<Xapian::Query> groups;
    size_t start = 0;
    bool quoted = false;
    std::string piece;
    auto flush = [&](const std::string &text) {
        term_list words = terms_of(seg, text.data(), text.size(), false);
        std::vector<Xapian::Query> parts;
        for (auto &w : words.terms)
            parts.emplace_back(w.first);
        if (parts.size() == 1)
            groups.push_back(parts[0]);
        else if (parts.size() > 1)
            groups.emplace_back(Xapian::Query::OP_PHRASE, parts.begin(), parts.end());
    };
    for (size_t i = 0; i <= q.size(); i++) {
        bool end = i == q.size();
        if (!end && q[i] == '"') {
            flush(piece);
            piece.clear();
            quoted = !quoted;
            continue;
        }
        if (end || (q[i] == ' ' && !quoted)) {
            flush(piece);
            piece.clear();
            continue;
        }
        piece += q[i];
    }
    (void)start;
    return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

std::string fts_query(const std::string &q)
{
    std::string out;
    size_t i = 0;
    while (i < q.size()) {
        size_t n = q.find(' ', i);
        if (n == std::string::npos)
            n = q.size();
        if (n > i) {
            std::string word = q.substr(i, n - i);
            word.erase(std::remove(word.begin(), word.end(), '"'), word.end());
            if (!out.empty())
                out += ' ';
            out += '"' + word + '"';
        }
        i = n + 1;
    }
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    std::string db_path, queries_path, work = "/tmp";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--db"))
            db_path = argv[i + 1];
        else if (!std::strcmp(argv[i], "--queries"))
            queries_path = argv[i + 1];
        else if (!std::strcmp(argv[i], "--work"))
            work = argv[i + 1];
    }
    if (db_path.empty() || queries_path.empty())
        fail("usage: bench_peers --db FILE --queries FILE [--work DIR]");
    std::vector<std::string> queries;
    std::ifstream qf(queries_path);
    for (std::string line; std::getline(qf, line);)
        if (!line.empty())
            queries.push_back(line);

    tg_graph *graph = nullptr;
    tg_error err{};
    if (tg_graph_load(db_path.c_str(), &graph, &err) != TG_OK)
        fail(err.message);
    size_t abbreviation_count = 0;
    const char *const *abbreviations = tg_graph_abbreviations(graph, &abbreviation_count);
    tg_text_segmenter *seg = nullptr;
    if (tg_search_segmenter_new(abbreviations, abbreviation_count, &seg) != TG_OK)
        fail("segmenter");
    size_t docs = tg_graph_document_count(graph);

    std::string xapian_dir = work + "/bench-peers-xapian";
    std::string fts_path = work + "/bench-peers-fts.db";
    std::remove(fts_path.c_str());
    double t0 = now_ms();
    {
        Xapian::WritableDatabase x(xapian_dir, Xapian::DB_CREATE_OR_OVERWRITE);
        for (size_t i = 0; i < docs; i++) {
            const tg_graph_document *d = tg_graph_document_at(graph, i);
            Xapian::Document xd;
            for (auto &t : terms_of(seg, d->text, d->text_bytes, true).terms)
                xd.add_posting(t.first, t.second + 1);
            xd.set_data(d->id);
            x.add_document(xd);
        }
        x.commit();
    }
    double xapian_build = now_ms() - t0;
    sqlite3 *fts = nullptr;
    sqlite3_stmt *ins = nullptr;
    if (sqlite3_open(fts_path.c_str(), &fts) != SQLITE_OK ||
        sqlite3_exec(fts,
                     "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                     "CREATE VIRTUAL TABLE docs USING fts5(text, tokenize='trigram'); BEGIN",
                     nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(fts, "INSERT INTO docs(rowid, text) VALUES (?, ?)", -1, &ins,
                           nullptr) != SQLITE_OK)
        fail(sqlite3_errmsg(fts));
    t0 = now_ms();
    for (size_t i = 0; i < docs; i++) {
        const tg_graph_document *d = tg_graph_document_at(graph, i);
        sqlite3_bind_int64(ins, 1, (sqlite3_int64)i);
        sqlite3_bind_text(ins, 2, d->text, (int)d->text_bytes, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
            fail(sqlite3_errmsg(fts));
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    sqlite3_exec(fts, "COMMIT; INSERT INTO docs(docs) VALUES('optimize')", nullptr, nullptr,
                 nullptr);
    double fts_build = now_ms() - t0;
    std::printf("# documents %zu; Xapian build %.1f s, FTS5 trigram build %.1f s\n", docs,
                xapian_build / 1e3, fts_build / 1e3);

    Xapian::Database xdb(xapian_dir);
    Xapian::Enquire enquire(xdb);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    sqlite3_stmt *top = nullptr, *all = nullptr;
    if (sqlite3_prepare_v2(fts, "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20",
                           -1, &top, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(fts, "SELECT count(*) FROM docs WHERE docs MATCH ?", -1, &all,
                           nullptr) != SQLITE_OK)
        fail(sqlite3_errmsg(fts));
    std::printf("query\ttg_hits\txapian_hits\tfts_hits\txapian_cold_ms\txapian_warm_ms\t"
                "fts_cold_ms\tfts_warm_ms\ttg_cold_ms\ttg_warm_ms\n");
    for (const std::string &q : queries) {
        /* thaigraph in process, as /v1/search runs it: a first page of 20 with snippets. */
        tg_graph_search_request r{};
        r.query = q.c_str();
        r.query_len = q.size();
        r.scope = TG_GRAPH_SEARCH_DOCUMENTS;
        r.limit = 20;
        size_t tg_hits = 0;
        std::vector<double> tg_runs;
        for (int run = 0; run < 6; run++) {
            tg_graph_search_result *res = nullptr;
            double s = now_ms();
            if (tg_graph_search(graph, &r, &res) == TG_OK)
                tg_hits = res->total;
            tg_graph_search_result_free(res);
            tg_runs.push_back(now_ms() - s);
        }

        std::vector<double> xapian_runs, fts_runs;
        for (int run = 0; run < 6; run++) {
            double s = now_ms();
            enquire.set_query(xapian_query(seg, q));
            Xapian::MSet page = enquire.get_mset(0, 20);
            for (auto it = page.begin(); it != page.end(); ++it)
                (void)it.get_document().get_data();
            xapian_runs.push_back(now_ms() - s);
        }
        std::string match = fts_query(q);
        for (int run = 0; run < 4; run++) {
            double s = now_ms();
            sqlite3_reset(top);
            sqlite3_bind_text(top, 1, match.c_str(), -1, SQLITE_TRANSIENT);
            while (sqlite3_step(top) == SQLITE_ROW)
                ;
            fts_runs.push_back(now_ms() - s);
        }
        enquire.set_query(xapian_query(seg, q));
        size_t xapian_hits = enquire.get_mset(0, (Xapian::doccount)docs, (Xapian::doccount)docs).size();
        sqlite3_reset(all);
        sqlite3_bind_text(all, 1, match.c_str(), -1, SQLITE_TRANSIENT);
        long long fts_hits = sqlite3_step(all) == SQLITE_ROW ? sqlite3_column_int64(all, 0) : -1;
        std::printf("%s\t%zu\t%zu\t%lld\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", q.c_str(), tg_hits,
                    xapian_hits, fts_hits, xapian_runs[0],
                    median(std::vector<double>(xapian_runs.begin() + 1, xapian_runs.end())),
                    fts_runs[0], median(std::vector<double>(fts_runs.begin() + 1, fts_runs.end())),
                    tg_runs[0], median(std::vector<double>(tg_runs.begin() + 1, tg_runs.end())));
    }
    sqlite3_finalize(top);
    sqlite3_finalize(all);
    sqlite3_close(fts);
    std::remove(fts_path.c_str());
    tg_text_segmenter_free(seg);
    tg_graph_free(graph);
    return 0;
}
