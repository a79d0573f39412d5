#include "core/translators.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace AssetDesk {

namespace {
const QString kCatalogues = QStringLiteral(":/i18n");
const QString kName = QStringLiteral("assetdesk");
} // namespace

Translators::Translators(const QLocale& locale)
{
    // The last installed is asked first: the locale's catalogue, then Qt's, then English plurals.
    if (m_english.load(kName + QStringLiteral("_en"), kCatalogues))
        QCoreApplication::installTranslator(&m_english);
    if (m_qtBase.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtBase);
    if (locale.language() != QLocale::English && locale.language() != QLocale::C &&
        m_local.load(locale, kName, QStringLiteral("_"), kCatalogues)) {
        QCoreApplication::installTranslator(&m_local);
        m_localLoaded = true;
    }
}

Translators::~Translators()
{
    for (QTranslator* translator : {&m_local, &m_qtBase, &m_english}) {
        if (!translator->isEmpty())
            QCoreApplication::removeTranslator(translator);
    }
}

} // namespace AssetDesk
