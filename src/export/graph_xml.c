/*
 * GraphML and GEXF: the same graph in two XML dialects. Nodes are entities and events; edges are
 * participates (entity to event, its role), held_at (event to venue), holds_position (person to
 * organisation: one per tenure, with its title and first and last dates), part_of (organisation
 * or place to its parent) and collaborates (two organisations, weighted by the events they held
 * together, written from the smaller id to the larger: it is symmetric, but common readers refuse
 * graphs that mix directed and undirected edges). GEXF gives events and dated edges their time
 * interval, so Gephi's timeline can play the graph; a date known only to the month or year spans
 * all of it. GEXF is written as version 1.2draft, the one Gephi and networkx both read.
 */
#include <stdio.h>
#include <string.h>

#include "export_internal.h"

enum dialect { GRAPHML, GEXF };

static enum dialect dialect_of(const struct tg_export *x)
{
    return x->format == &export_gexf ? GEXF : GRAPHML;
}

/* One edge as both dialects write it. */
struct edge {
    const char *source, *target;
    const char *type;
    const char *role;  /* participates: the participant's role; else NULL */
    const char *title; /* holds_position: the title; else NULL */
    size_t weight;
    const char *start, *end; /* ISO dates of any precision, or NULL */
};

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A date of any precision as the first (or last) day it covers, YYYY-MM-DD. */
#define DAY_BYTES 16

static void day_of(const char *date, bool last, char out[DAY_BYTES])
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 0, m = last ? 12 : 1, d = 1;
    int n = sscanf(date, "%4d-%2d-%2d", &y, &m, &d);
    if (m < 1 || m > 12)
        m = last ? 12 : 1;
    if (n < 3 || d < 1 || d > 31)
        d = last ? days[m - 1] + (m == 2 && leap(y)) : 1;
    snprintf(out, DAY_BYTES, "%04d-%02d-%02d", y, m, d);
}

static void write_edge(struct tg_export *x, const struct edge *e, struct xbuf *out)
{
    size_t id = x->edge_seq++;
    if (dialect_of(x) == GRAPHML) {
        xbuf_printf(out, "    <edge id=\"e%zu\" source=\"", id);
        xbuf_xml(out, e->source);
        xbuf_str(out, "\" target=\"");
        xbuf_xml(out, e->target);
        xbuf_printf(out, "\">\n      <data key=\"type\">%s</data>\n", e->type);
        const char *keys[] = {"role", "title", "start", "end"};
        const char *values[] = {e->role, e->title, e->start, e->end};
        for (size_t i = 0; i < 4; i++) {
            if (!values[i])
                continue;
            xbuf_printf(out, "      <data key=\"%s\">", keys[i]);
            xbuf_xml(out, values[i]);
            xbuf_str(out, "</data>\n");
        }
        xbuf_printf(out, "      <data key=\"weight\">%zu</data>\n    </edge>\n", e->weight);
        return;
    }
    xbuf_printf(out, "      <edge id=\"%zu\" source=\"", id);
    xbuf_xml(out, e->source);
    xbuf_str(out, "\" target=\"");
    xbuf_xml(out, e->target);
    xbuf_printf(out, "\" weight=\"%zu\"", e->weight);
    if (e->start) {
        char start[DAY_BYTES], end[DAY_BYTES];
        day_of(e->start, false, start);
        day_of(e->end ? e->end : e->start, true, end);
        xbuf_printf(out, " start=\"%s\" end=\"%s\"", start, end);
    }
    xbuf_printf(out, ">\n        <attvalues>\n          <attvalue for=\"type\" value=\"%s\"/>\n",
                e->type);
    if (e->role)
        xbuf_printf(out, "          <attvalue for=\"role\" value=\"%s\"/>\n", e->role);
    if (e->title) {
        xbuf_str(out, "          <attvalue for=\"title\" value=\"");
        xbuf_xml(out, e->title);
        xbuf_str(out, "\"/>\n");
    }
    xbuf_str(out, "        </attvalues>\n      </edge>\n");
}

/* A node: its id, label and attributes (kind and date may be NULL). */
static void write_node(struct tg_export *x, const char *id, const char *type, const char *label,
                       const char *kind, const char *date, size_t mentions, struct xbuf *out)
{
    if (dialect_of(x) == GRAPHML) {
        xbuf_str(out, "    <node id=\"");
        xbuf_xml(out, id);
        xbuf_printf(out, "\">\n      <data key=\"type\">%s</data>\n      <data key=\"label\">",
                    type);
        xbuf_xml(out, label);
        xbuf_str(out, "</data>\n");
        if (kind) {
            xbuf_str(out, "      <data key=\"kind\">");
            xbuf_xml(out, kind);
            xbuf_str(out, "</data>\n");
        }
        if (date)
            xbuf_printf(out, "      <data key=\"date\">%s</data>\n", date);
        xbuf_printf(out, "      <data key=\"mentions\">%zu</data>\n    </node>\n", mentions);
        return;
    }
    xbuf_str(out, "      <node id=\"");
    xbuf_xml(out, id);
    xbuf_str(out, "\" label=\"");
    xbuf_xml(out, label);
    xbuf_str(out, "\"");
    if (date) {
        char start[DAY_BYTES], end[DAY_BYTES];
        day_of(date, false, start);
        day_of(date, true, end);
        xbuf_printf(out, " start=\"%s\" end=\"%s\"", start, end);
    }
    xbuf_printf(out, ">\n        <attvalues>\n          <attvalue for=\"type\" value=\"%s\"/>\n",
                type);
    if (kind) {
        xbuf_str(out, "          <attvalue for=\"kind\" value=\"");
        xbuf_xml(out, kind);
        xbuf_str(out, "\"/>\n");
    }
    if (date)
        xbuf_printf(out, "          <attvalue for=\"date\" value=\"%s\"/>\n", date);
    xbuf_printf(out,
                "          <attvalue for=\"mentions\" value=\"%zu\"/>\n        </attvalues>\n"
                "      </node>\n",
                mentions);
}

static void emit_header(struct tg_export *x, size_t index, struct xbuf *out)
{
    (void)index;
    static const char *const node_keys[][2] = {{"type", "string"},
                                               {"label", "string"},
                                               {"kind", "string"},
                                               {"date", "string"},
                                               {"mentions", "int"}};
    static const char *const edge_keys[][2] = {{"role", "string"},
                                               {"title", "string"},
                                               {"start", "string"},
                                               {"end", "string"},
                                               {"weight", "int"}};
    xbuf_str(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (dialect_of(x) == GRAPHML) {
        xbuf_str(out, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        /* type is shared by nodes and edges; the rest belong to one domain. */
        xbuf_str(out, "  <key id=\"type\" for=\"all\" attr.name=\"type\" attr.type=\"string\"/>\n");
        for (size_t i = 1; i < sizeof node_keys / sizeof *node_keys; i++)
            xbuf_printf(out, "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                        node_keys[i][0], node_keys[i][0], node_keys[i][1]);
        for (size_t i = 0; i < sizeof edge_keys / sizeof *edge_keys; i++)
            xbuf_printf(out, "  <key id=\"%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                        edge_keys[i][0], edge_keys[i][0], edge_keys[i][1]);
        xbuf_str(out, "  <graph id=\"thaigraph\" edgedefault=\"directed\">\n");
        return;
    }
    xbuf_str(out, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                  "xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
                  "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
                  "  <meta>\n    <creator>thaigraph " TG_VERSION "</creator>\n"
                  "    <description>Organisations, people, places, programmes and events of "
                  "Thai news</description>\n  </meta>\n"
                  "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n"
                  "    <attributes class=\"node\">\n");
    /* GEXF names GraphML's int "integer"; its labels are an attribute of their own. */
    for (size_t i = 0; i < sizeof node_keys / sizeof *node_keys; i++) {
        bool integer = strcmp(node_keys[i][1], "int") == 0;
        if (strcmp(node_keys[i][0], "label") != 0)
            xbuf_printf(out, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
                        node_keys[i][0], node_keys[i][0], integer ? "integer" : node_keys[i][1]);
    }
    xbuf_str(out, "    </attributes>\n    <attributes class=\"edge\">\n"
                  "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
                  "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
                  "      <attribute id=\"title\" title=\"title\" type=\"string\"/>\n"
                  "    </attributes>\n    <nodes>\n");
}

static void emit_entity_node(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_entity *e = export_entity_at(x, index);
    write_node(x, e->id, tg_graph_type_name(e->type), e->name, e->kind, NULL, e->mention_count,
               out);
}

static void emit_event_node(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_event *ev = tg_graph_event_at(x->graph, index);
    write_node(x, ev->id, "event", ev->title, ev->kind, ev->date, ev->evidence_count, out);
}

static void emit_between(struct tg_export *x, size_t index, struct xbuf *out)
{
    (void)index;
    if (dialect_of(x) == GEXF)
        xbuf_str(out, "    </nodes>\n    <edges>\n");
}

/* Every participation in an event, and its venue. */
static void emit_event_edges(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_event *ev = tg_graph_event_at(x->graph, index);
    for (size_t i = 0; i < ev->participant_count; i++) {
        const struct tg_graph_participant *p = &ev->participants[i];
        size_t reports = p->evidence_count ? p->evidence_count : 1;
        write_edge(x,
                   &(struct edge){p->entity->id, ev->id, "participates", p->role, NULL, reports,
                                  ev->date, ev->date},
                   out);
    }
    if (ev->place)
        write_edge(x,
                   &(struct edge){ev->id, ev->place->id, "held_at", NULL, NULL, ev->evidence_count,
                                  ev->date, ev->date},
                   out);
}

static void emit_parent_edge(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_entity *e = export_entity_at(x, index);
    if (e->parent)
        write_edge(x, &(struct edge){e->id, e->parent->id, "part_of", NULL, NULL, 1, NULL, NULL},
                   out);
}

static void emit_tenure_edge(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_query_tenure *t = tg_query_tenures_at(x->tenures, index);
    if (t->organisation)
        write_edge(x,
                   &(struct edge){t->person->id, t->organisation->id, "holds_position", NULL,
                                  t->title, t->position_count, t->first_seen, t->last_seen},
                   out);
}

static void emit_pair_edge(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct export_pair *p = &x->pairs[index];
    write_edge(x,
               &(struct edge){p->a->id, p->b->id, "collaborates", NULL, NULL, p->events,
                              p->first->date, p->last->date},
               out);
}

static void emit_footer(struct tg_export *x, size_t index, struct xbuf *out)
{
    (void)index;
    xbuf_str(out, dialect_of(x) == GRAPHML ? "  </graph>\n</graphml>\n"
                                           : "    </edges>\n  </graph>\n</gexf>\n");
}

static const struct export_section sections[] = {
    {export_one, emit_header},
    {export_entity_count, emit_entity_node},
    {export_event_count, emit_event_node},
    {export_one, emit_between},
    {export_event_count, emit_event_edges},
    {export_entity_count, emit_parent_edge},
    {export_tenure_count, emit_tenure_edge},
    {export_pair_count, emit_pair_edge},
    {export_one, emit_footer},
};

const struct export_format export_graphml = {
    "graphml", "application/graphml+xml", true, true, sections, sizeof sections / sizeof *sections,
};

const struct export_format export_gexf = {
    "gexf", "application/gexf+xml", true, true, sections, sizeof sections / sizeof *sections,
};
