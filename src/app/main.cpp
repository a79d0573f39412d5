#include "workbench.h"
#include "workbenchoptions.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTranslator>

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

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("assetdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    const AssetDesk::Result<AssetDesk::WorkbenchOptions> options = AssetDesk::WorkbenchOptions::parse(app.arguments());
    if (!options) {
        QMessageBox::critical(nullptr, QStringLiteral("AssetDesk"), options.error().message());
        return 2;
    }
    AssetDesk::Workbench workbench(*options);
    workbench.start();
    return app.exec();
}
