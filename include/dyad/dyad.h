/*
 * dyad.h — the umbrella header: everything a program embedding dyad needs.
 * Each stage has its own header; they are listed here in pipeline order.
 */
#ifndef DYAD_H
#define DYAD_H

#include "dyad/util.h"

#endif
