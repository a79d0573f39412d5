#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

// The Prefer request header (dynamics.md §3): several comma-separated values; what the sandbox
// honours is echoed in Preference-Applied by the handlers.
struct DynamicsPreferences
{
    int maxPageSize = 0; // 0 = not asked (the service default of 5,000 applies)
    bool trackChanges = false;
    bool returnRepresentation = false;
    bool continueOnError = false;
    QStringList includeAnnotations; // patterns such as "*" or "OData.Community.Display.V1.*"

    static DynamicsPreferences parse(const QByteArray& header);
    // Whether the annotation term (the part after '@' of "col@Term") was asked for.
    bool wantsAnnotation(QStringView term) const;
};

} // namespace AssetDesk::Sandbox
