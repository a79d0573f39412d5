// The translation catalogues are kept in sync with the sources, and what is translated reaches the
// programs: lupdate run over today's sources must not change the set of messages in
// translations/*.ts (locations are ignored), and the embedded :/i18n/*.qm must give back every
// finished translation of its .ts.

#include ASSETDESK_PACKAGING_TEST_CONFIG

#include "core/translators.h"
#include "media/thumbnaildecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;
namespace Config = PackagingTestConfig;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType;  // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one per plural form for numerus messages

    QString key() const
    {
        return context + u" | "_s + source + (comment.isEmpty() ? QString() : u" | "_s + comment) +
               (numerus ? u" (plural)"_s : QString());
    }
    bool isActive() const { return translationType != u"vanished" && translationType != u"obsolete"; }
};

struct Catalogue
{
    QString language;
    QList<Message> messages;
    QString error;
};

Catalogue readTs(const QString& path)
{
    Catalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        catalogue.error = path + u": "_s + file.errorString();
        return catalogue;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == u"message") {
            catalogue.messages.append(message);
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"TS") {
            catalogue.language = xml.attributes().value("language"_L1).toString();
        } else if (name == u"context") {
            context.clear();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = Message{context, {}, {}, xml.attributes().value("numerus"_L1) == u"yes", {}, {}};
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.translationType = xml.attributes().value("type"_L1).toString();
            if (!message.numerus) // numerus forms follow as <numerusform> children
                message.translations = {xml.readElementText()};
        } else if (name == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        catalogue.error = path + u": "_s + xml.errorString();
    return catalogue;
}

QSet<QString> activeKeys(const Catalogue& catalogue)
{
    QSet<QString> keys;
    for (const Message& message : catalogue.messages) {
        if (message.isActive())
            keys.insert(message.key());
    }
    return keys;
}

QString describe(const QString& heading, QSet<QString> keys)
{
    if (keys.isEmpty())
        return {};
    QStringList sorted(keys.begin(), keys.end());
    sorted.sort();
    const auto shown = sorted.mid(0, 15);
    QString text = u"\n  "_s + heading + u" ("_s + QString::number(sorted.size()) + u"):"_s;
    for (const QString& key : shown)
        text += u"\n    "_s + key;
    if (sorted.size() > shown.size())
        text += u"\n    ..."_s;
    return text;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueMatchesSources_data();
    void catalogueMatchesSources();
    void embeddedCatalogue_data();
    void embeddedCatalogue();
    void countsReadAsWordsInEveryLocale();
};

void TestTranslations::catalogueMatchesSources_data()
{
    QTest::addColumn<QString>("tsFile");
    for (const QString& ts : Config::tsFiles)
        QTest::newRow(qPrintable(QFileInfo(ts).fileName())) << ts;
}

void TestTranslations::catalogueMatchesSources()
{
    QFETCH(QString, tsFile);
    const Catalogue committed = readTs(tsFile);
    QVERIFY2(committed.error.isEmpty(), qPrintable(committed.error));
    // assetdesk_de.ts -> language de_DE (or de)
    const QString language = QFileInfo(tsFile).completeBaseName().section(u'_', 1);
    QVERIFY2(committed.language.startsWith(language),
             qPrintable(u"%1 declares language '%2'"_s.arg(tsFile, committed.language)));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(tsFile).fileName());
    QVERIFY(QFile::copy(tsFile, copy));
    QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.setWorkingDirectory(Config::sourceDir);
    // The English catalogue holds plural forms only (lupdate -pluralonly).
    const QStringList pluralOnly =
        Config::pluralOnlyTsFiles.contains(tsFile) ? QStringList{u"-pluralonly"_s} : QStringList();
    lupdate.start(Config::lupdate, Config::lupdateOptions + pluralOnly +
                                       QStringList{u"@"_s + Config::lupdateList, u"-ts"_s, copy});
    QVERIFY2(lupdate.waitForStarted(10000),
             qPrintable(Config::lupdate + u" did not start (qt6-l10n-tools)"_s));
    QVERIFY(lupdate.waitForFinished(120000));
    const QString output = QString::fromUtf8(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));

    const Catalogue updated = readTs(copy);
    QVERIFY2(updated.error.isEmpty(), qPrintable(updated.error));
    const QSet<QString> have = activeKeys(committed);
    const QSet<QString> want = activeKeys(updated);
    if (have != want) {
        QFAIL(qPrintable(QFileInfo(tsFile).fileName() + u" is out of date with the sources."_s +
                         describe(u"in the sources, missing from the .ts"_s, want - have) +
                         describe(u"in the .ts, gone from the sources"_s, have - want) +
                         u"\n  Run: cmake --build "_s + Config::buildDir +
                         u" --target update_translations, then commit translations/."_s));
    }
}

void TestTranslations::embeddedCatalogue_data()
{
    catalogueMatchesSources_data();
}

void TestTranslations::embeddedCatalogue()
{
    QFETCH(QString, tsFile);
    const QString qm = u":/i18n/"_s + QFileInfo(tsFile).completeBaseName() + u".qm"_s;
    QVERIFY2(QFile::exists(qm), qPrintable(qm + u" is not embedded (AssetDesk::translations)"_s));
    QTranslator translator;
    QVERIFY2(translator.load(qm), qPrintable(u"QTranslator cannot load "_s + qm));

    const Catalogue catalogue = readTs(tsFile);
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    int checked = 0;
    for (const Message& message : catalogue.messages) {
        if (!message.translationType.isEmpty() || message.translations.value(0).isEmpty())
            continue; // unfinished, vanished or obsolete: lrelease leaves them out
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        const QByteArray comment = message.comment.toUtf8();
        const QString translated =
            translator.translate(context.constData(), source.constData(),
                                 comment.isEmpty() ? nullptr : comment.constData(), message.numerus ? 1 : -1);
        QVERIFY2(translated == message.translations.value(0),
                 qPrintable(u"%1: the .qm gives '%2'"_s.arg(message.key(), translated)));
        QVERIFY2(!translated.isEmpty(), qPrintable(message.key() + u": not in the embedded .qm"_s));
        ++checked;
    }
    qInfo("%d finished translation(s) checked in %s", checked, qPrintable(qm));
}

// "%n asset(s)" reads "1 asset" and "2 assets" in English locales and in the bare "C" locale
// (the English plural catalogue), in German from the German catalogue, and is left alone once the
// translators are gone.
void TestTranslations::countsReadAsWordsInEveryLocale()
{
    auto assets = [](int n) {
        return QCoreApplication::translate("AssetDesk::LibraryPane", "%Ln asset(s)", nullptr, n);
    };
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    {
        const AssetDesk::Translators translators(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(!translators.hasLocalCatalogue());
        QCOMPARE(assets(1), u"1 asset"_s);
        QCOMPARE(assets(1234), u"1,234 assets"_s);
    }
    {
        const AssetDesk::Translators translators(QLocale::c());
        QCOMPARE(assets(2), u"2 assets"_s);
        QCOMPARE(QCoreApplication::translate("AssetDesk::LibraryText", "Expired %n day(s) ago", nullptr, 1),
                 u"Expired 1 day ago"_s);
    }
    {
        const AssetDesk::Translators translators(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(translators.hasLocalCatalogue());
        QCOMPARE(assets(1), u"1 Asset"_s);
        QCOMPARE(assets(3), u"3 Assets"_s);
        // Below the widgets too: an error the media layer makes reaches the user in German.
        const auto empty = AssetDesk::ThumbnailDecoder::decode(QByteArray(), QSize(64, 64));
        QVERIFY(!empty);
        QCOMPARE(empty.error().message(), u"Das Bild ist leer."_s);
    }
    QCOMPARE(assets(2), u"2 asset(s)"_s);
    QLocale::setDefault(before);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
