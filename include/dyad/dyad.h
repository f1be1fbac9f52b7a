/*
 * dyad.h — the umbrella header: everything a program embedding dyad needs.
 * Each stage has its own header; they are listed here in pipeline order.
 */
#ifndef DYAD_H
#define DYAD_H

#include "dyad/util.h"
#include "dyad/utf8.h"
#include "dyad/json.h"
#include "dyad/read.h"
#include "dyad/dict.h"
#include "dyad/clean.h"
#include "dyad/text.h"
#include "dyad/morph.h"
#include "dyad/lexicon.h"
#include "dyad/actors.h"
#include "dyad/codebook.h"
#include "dyad/code.h"
#include "dyad/petrarch.h"
#include "dyad/pipeline.h"
#include "dyad/store.h"
#include "dyad/query.h"
#include "dyad/serve.h"

#endif
