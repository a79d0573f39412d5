#pragma once

#include "core/casenote.h"
#include "core/supportcase.h"

#include <QList>
#include <QMetaType>

namespace AssetDesk {

// What the case detail shows: the case and its notes (Dynamics annotations, each with at most
// one attached file), read off the GUI thread (CaseDetailLoader). Texts are the service's as they
// came; the widget shows them as plain text.
struct CaseDetail
{
    SupportCase supportCase;
    QList<CaseNote> notes; // newest first, as Dynamics' timeline shows them
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::CaseDetail)
