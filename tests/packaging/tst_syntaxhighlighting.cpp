// Proves that the KSyntaxHighlighting build AssetDesk links (AssetDesk::SyntaxHighlighting) works
// with Qt 6: the JSON definition is bundled, the default themes load, and a QTextDocument gets the
// theme's colours for keys, strings, numbers and keywords, as in the workbench's JSON viewer.

#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QtTest>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace KSH = KSyntaxHighlighting;
using namespace Qt::StringLiterals;

class TestSyntaxHighlighting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtForQt6();
    void findsJsonDefinition_data();
    void findsJsonDefinition();
    void defaultThemesLoad();
    void highlightsJson_data();
    void highlightsJson();

private:
    KSH::Repository m_repository;
};

void TestSyntaxHighlighting::builtForQt6()
{
    // A Qt 5 build would not even link here; this documents what the test guards.
    QCOMPARE(QT_VERSION_MAJOR, 6);
    QVERIFY2(m_repository.definitions().size() > 100,
             "the syntax definitions are not bundled in the library (QRC_SYNTAX off?)");
}

void TestSyntaxHighlighting::findsJsonDefinition_data()
{
    QTest::addColumn<QString>("lookup");
    QTest::addColumn<QString>("kind");
    QTest::newRow("name") << u"JSON"_s << u"name"_s;
    QTest::newRow("file name") << u"response.json"_s << u"file"_s;
    QTest::newRow("mime type") << u"application/json"_s << u"mime"_s;
}

void TestSyntaxHighlighting::findsJsonDefinition()
{
    QFETCH(QString, lookup);
    QFETCH(QString, kind);
    KSH::Definition definition;
    if (kind == u"name")
        definition = m_repository.definitionForName(lookup);
    else if (kind == u"file")
        definition = m_repository.definitionForFileName(lookup);
    else
        definition = m_repository.definitionForMimeType(lookup);
    QVERIFY2(definition.isValid(), qPrintable(u"no definition for %1 %2"_s.arg(kind, lookup)));
    QCOMPARE(definition.name(), u"JSON"_s);
}

void TestSyntaxHighlighting::defaultThemesLoad()
{
    const KSH::Theme light = m_repository.defaultTheme(KSH::Repository::LightTheme);
    const KSH::Theme dark = m_repository.defaultTheme(KSH::Repository::DarkTheme);
    QVERIFY2(light.isValid(), "no light theme: the theme resources are missing from the library");
    QVERIFY2(dark.isValid(), "no dark theme: the theme resources are missing from the library");
    QVERIFY(light.name() != dark.name());
    QVERIFY(QColor::fromRgba(light.editorColor(KSH::Theme::BackgroundColor)).lightness() >
            QColor::fromRgba(dark.editorColor(KSH::Theme::BackgroundColor)).lightness());
}

void TestSyntaxHighlighting::highlightsJson_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("style");
    QTest::addColumn<int>("themeKind");
    const auto light = int(KSH::Repository::LightTheme);
    const auto dark = int(KSH::Repository::DarkTheme);
    QTest::newRow("key, light") << u"\"title\""_s << int(KSH::Theme::DataType) << light;
    QTest::newRow("string value, light") << u"\"Harbour at dawn\""_s << int(KSH::Theme::String) << light;
    QTest::newRow("integer, light") << u"1024"_s << int(KSH::Theme::DecVal) << light;
    QTest::newRow("float, light") << u"0.75"_s << int(KSH::Theme::Float) << light;
    QTest::newRow("keyword, light") << u"true"_s << int(KSH::Theme::Keyword) << light;
    QTest::newRow("key, dark") << u"\"title\""_s << int(KSH::Theme::DataType) << dark;
    QTest::newRow("string value, dark") << u"\"Harbour at dawn\""_s << int(KSH::Theme::String) << dark;
}

void TestSyntaxHighlighting::highlightsJson()
{
    QFETCH(QString, token);
    QFETCH(int, style);
    QFETCH(int, themeKind);

    const QString json =
        u"{\"title\": \"Harbour at dawn\", \"width\": 1024, \"ratio\": 0.75, \"approved\": true}"_s;
    const KSH::Theme theme = m_repository.defaultTheme(KSH::Repository::DefaultTheme(themeKind));
    QVERIFY(theme.isValid());

    QTextDocument document;
    document.setPlainText(json);
    KSH::SyntaxHighlighter highlighter(&document);
    highlighter.setTheme(theme);
    highlighter.setDefinition(m_repository.definitionForName(u"JSON"_s));
    highlighter.rehighlight();

    const int offset = json.indexOf(token);
    QVERIFY(offset >= 0);
    const auto formats = document.firstBlock().layout()->formats();
    QVERIFY2(!formats.isEmpty(), "the highlighter applied no format at all");

    const auto covering =
        std::find_if(formats.cbegin(), formats.cend(), [&](const QTextLayout::FormatRange& r) {
            return r.start <= offset && offset + token.size() <= r.start + r.length;
        });
    QVERIFY2(covering != formats.cend(), qPrintable(u"no format covers %1"_s.arg(token)));
    const auto textStyle = KSH::Theme::TextStyle(style);
    QCOMPARE(covering->format.foreground().color(), QColor::fromRgba(theme.textColor(textStyle)));
    QCOMPARE(covering->format.fontWeight() == QFont::Bold, theme.isBold(textStyle));
}

QTEST_MAIN(TestSyntaxHighlighting)
#include "tst_syntaxhighlighting.moc"
