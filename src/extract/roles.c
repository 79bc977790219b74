/*
 * Roles and event kinds (agreement 3 of the team). Kept apart from the recognisers and free of
 * their dependencies, because the graph and the store read roles back as names and must not
 * pull in the gazetteer or the NER model to do so.
 */
#include <string.h>

#include "thaigraph/extract.h"

static const char *const role_names[TG_EXTRACT_ROLE_COUNT] = {
    [TG_EXTRACT_ROLE_SIGNATORY] = "signatory", [TG_EXTRACT_ROLE_HOST] = "host",
    [TG_EXTRACT_ROLE_CO_HOST] = "co_host",     [TG_EXTRACT_ROLE_PARTNER] = "partner",
    [TG_EXTRACT_ROLE_CHAIR] = "chair",         [TG_EXTRACT_ROLE_ATTENDEE] = "attendee",
    [TG_EXTRACT_ROLE_WITNESS] = "witness",     [TG_EXTRACT_ROLE_SPEAKER] = "speaker",
};

const char *tg_extract_role_name(enum tg_extract_role role)
{
    return (unsigned)role < TG_EXTRACT_ROLE_COUNT ? role_names[role] : "unknown";
}

bool tg_extract_role_from_name(const char *name, enum tg_extract_role *role)
{
    for (int r = 0; name && r < TG_EXTRACT_ROLE_COUNT; r++)
        if (strcmp(name, role_names[r]) == 0) {
            *role = (enum tg_extract_role)r;
            return true;
        }
    return false;
}

bool tg_extract_role_collaborates(enum tg_extract_role role)
{
    return role == TG_EXTRACT_ROLE_SIGNATORY || role == TG_EXTRACT_ROLE_HOST ||
           role == TG_EXTRACT_ROLE_CO_HOST || role == TG_EXTRACT_ROLE_PARTNER;
}

int tg_extract_role_rank(enum tg_extract_role role)
{
    /* Being present says least; presiding or speaking more; acting as a party most, and a
     * signature or a joint organisation more than a single host, whose partners another
     * sentence may name. */
    static const int rank[TG_EXTRACT_ROLE_COUNT] = {
        [TG_EXTRACT_ROLE_ATTENDEE] = 0, [TG_EXTRACT_ROLE_WITNESS] = 1,
        [TG_EXTRACT_ROLE_SPEAKER] = 2,  [TG_EXTRACT_ROLE_CHAIR] = 3,
        [TG_EXTRACT_ROLE_PARTNER] = 4,  [TG_EXTRACT_ROLE_HOST] = 5,
        [TG_EXTRACT_ROLE_CO_HOST] = 6,  [TG_EXTRACT_ROLE_SIGNATORY] = 7,
    };
    return (unsigned)role < TG_EXTRACT_ROLE_COUNT ? rank[role] : -1;
}

const char *tg_extract_event_kind_name(enum tg_extract_event_kind kind)
{
    static const char *const names[TG_EXTRACT_EVENT_KIND_COUNT] = {
        [TG_EXTRACT_EVENT_MEETING] = "meeting",
        [TG_EXTRACT_EVENT_CONFERENCE] = "conference",
        [TG_EXTRACT_EVENT_AGREEMENT] = "agreement",
        [TG_EXTRACT_EVENT_TRAINING] = "training",
        [TG_EXTRACT_EVENT_CEREMONY] = "ceremony",
        [TG_EXTRACT_EVENT_VISIT] = "visit",
        [TG_EXTRACT_EVENT_PROGRAMME] = "programme",
        [TG_EXTRACT_EVENT_ANNOUNCEMENT] = "announcement",
        [TG_EXTRACT_EVENT_OTHER] = "other",
    };
    return (unsigned)kind < TG_EXTRACT_EVENT_KIND_COUNT ? names[kind] : "unknown";
}
