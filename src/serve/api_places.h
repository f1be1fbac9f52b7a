/*
 * api_places.h — the map's route of the JSON API (docs/api.md, /api/places):
 * events counted by the place they happened, and the events of one place.
 */
#ifndef DYAD_SERVE_API_PLACES_H
#define DYAD_SERVE_API_PLACES_H

#include "dyad/serve.h"

/** The parameters /api/places takes, NULL-terminated (api.c checks them first). */
extern const char *const dyad_api_places_params[];

/** Answer /api/places with parameters already checked against dyad_api_places_params. */
void dyad_api_places(dyad_store *s, const dyad_param *params, size_t nparams, dyad_reply *r);

#endif
