#pragma once

#include "clicommand.h"

namespace AssetDesk {

// `assetdesk-cli attach`: what dropping assets on a ticket or a case does, from a terminal - the
// same AttachService job (rights gate, chosen rendition, size limit before upload, uploads then
// one comment, or notes; lineage and the local cache), run to its end on the main thread.
class AttachCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("attach"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;
};

} // namespace AssetDesk
