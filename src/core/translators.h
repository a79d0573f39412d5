#pragma once

#include <QLocale>
#include <QTranslator>

namespace AssetDesk {

// A program's translations for a locale, installed on the application for this object's lifetime.
//
// The sources are English with counted phrases written "%n asset(s)". The English catalogue
// (translations/assetdesk_en.ts, plural forms only) turns them into "1 asset" and "2 assets". It
// sits beneath the locale's own catalogue, so it serves every locale: English ones, the "C" locale
// of a bare session, and a message another language has not translated yet. Qt's own strings
// (dialog buttons) come from qtbase's catalogue for the locale.
//
// Create it after the QCoreApplication.
class Translators
{
public:
    explicit Translators(const QLocale& locale = QLocale());
    ~Translators();
    Translators(const Translators&) = delete;
    Translators& operator=(const Translators&) = delete;

    // Whether AssetDesk's catalogue for the locale's language was found (false for English).
    bool hasLocalCatalogue() const { return m_localLoaded; }

private:
    QTranslator m_english;
    QTranslator m_qtBase;
    QTranslator m_local;
    bool m_localLoaded = false;
};

} // namespace AssetDesk
