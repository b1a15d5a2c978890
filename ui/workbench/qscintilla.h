// The QScintilla headers the workbench uses. They are written with the `slots` and `signals`
// keywords, which Portico turns off (QT_NO_KEYWORDS); they are spelled out for them here only.
#pragma once

#ifdef QT_NO_KEYWORDS
#define slots Q_SLOTS
#define signals Q_SIGNALS
#define PORTICO_QSCI_KEYWORDS
#endif

#include <Qsci/qscilexercustom.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qsciscintillabase.h>
#include <Qsci/qscistyle.h>

#ifdef PORTICO_QSCI_KEYWORDS
#undef slots
#undef signals
#undef PORTICO_QSCI_KEYWORDS
#endif
