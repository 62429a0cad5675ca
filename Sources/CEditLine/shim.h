#ifndef CPLAN_CEDITLINE_SHIM_H
#define CPLAN_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
