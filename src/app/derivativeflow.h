#pragma once

#include <QCoreApplication>

namespace AssetDesk {

class ComposerDialog;
class ComposerModel;
class DerivativeService;

// The composer's "Edit image…" (IX5): the derivative editor chooses a crop and size,
// DerivativeService makes and stores the derivative as a job (it shows in the Jobs pane, with
// its lineage asset -> derivative), and the attachment then uploads the derivative instead of the
// rendition, carrying its id so the post's lineage runs asset -> derivative -> post. A failure
// is reported over the composer and leaves the attachment as it was. GUI thread.
class DerivativeFlow
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::DerivativeFlow)
public:
    static void editAttachment(DerivativeService& service, ComposerDialog& dialog, ComposerModel& model,
                               int index);
};

} // namespace AssetDesk
