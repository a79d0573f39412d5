#include "workbench.h"
#include "workbenchoptions.h"

#include "core/translators.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // Requests and storage are logged at info level; the debug detail (headers, redacted) only on
    // request through QT_LOGGING_RULES, which takes precedence over this.
    QLoggingCategory::setFilterRules(QStringLiteral("assetdesk.*.debug=false"));
    QApplication::setOrganizationName(QStringLiteral("AssetDesk"));
    QApplication::setApplicationName(QStringLiteral("AssetDesk"));
    QApplication::setApplicationVersion(QStringLiteral(ASSETDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(ASSETDESK_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/" ASSETDESK_APP_ID ".svg")));

    const AssetDesk::Translators translators;

    const AssetDesk::Result<AssetDesk::WorkbenchOptions> options = AssetDesk::WorkbenchOptions::parse(app.arguments());
    if (!options) {
        QMessageBox::critical(nullptr, QStringLiteral("AssetDesk"), options.error().message());
        return 2;
    }
    AssetDesk::Workbench workbench(*options);
    workbench.start();
    return app.exec();
}
