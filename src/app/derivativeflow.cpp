#include "derivativeflow.h"

#include "models/composermodel.h"
#include "sync/derivativeservice.h"
#include "widgets/composerdialog.h"
#include "widgets/derivativeeditor.h"

#include <QMessageBox>
#include <QPointer>

#include <memory>

namespace AssetDesk {

void DerivativeFlow::editAttachment(DerivativeService& service, ComposerDialog& dialog, ComposerModel& model,
                                    int index)
{
    const QList<ComposerAttachment> attachments = model.attachments();
    if (index < 0 || index >= attachments.size())
        return;
    const ComposerAttachment attachment = attachments.at(index);
    const std::optional<DerivativeSpec> spec =
        DerivativeEditor::edit(&dialog, attachment.localFile, attachment.asset.mediaType);
    if (!spec)
        return;
    const QUuid job = service.make(attachment.assetId(), *spec);
    QPointer<ComposerDialog> dialogGuard(&dialog);
    QPointer<ComposerModel> modelGuard(&model);
    const qint64 assetId = attachment.assetId();
    // Both connections end at the job's first outcome; the dialog ends them if it closes first.
    auto made = std::make_shared<QMetaObject::Connection>();
    auto failed = std::make_shared<QMetaObject::Connection>();
    *made = QObject::connect(
        &service, &DerivativeService::derivativeMade, &dialog,
        [job, made, failed, modelGuard, assetId](const QUuid& id, const Derivative& derivative) {
            if (id != job)
                return;
            QObject::disconnect(*made);
            QObject::disconnect(*failed);
            if (!modelGuard)
                return;
            // The attachments may have changed while the job ran: find it by asset.
            const QList<ComposerAttachment> now = modelGuard->attachments();
            for (int i = 0; i < now.size(); ++i) {
                if (now.at(i).assetId() == assetId)
                    modelGuard->setAttachmentFile(i, derivative.filePath, derivative.id);
            }
        });
    *failed = QObject::connect(&service, &DerivativeService::derivativeFailed, &dialog,
                               [job, made, failed, dialogGuard](const QUuid& id, qint64, const Error& error) {
                                   if (id != job)
                                       return;
                                   QObject::disconnect(*made);
                                   QObject::disconnect(*failed);
                                   if (dialogGuard)
                                       QMessageBox::warning(
                                           dialogGuard, tr("Edit Image"),
                                           tr("The derivative could not be made: %1").arg(error.message()));
                               });
}

} // namespace AssetDesk
