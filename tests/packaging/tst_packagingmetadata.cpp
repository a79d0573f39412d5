// The desktop entry, the AppStream metainfo and the icon: one application id everywhere (the one in
// the top-level CMakeLists.txt), valid for desktop-file-validate and appstreamcli, and installed
// where desktops and software centres look.

#include ASSETDESK_PACKAGING_TEST_CONFIG

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;
namespace Config = PackagingTestConfig;

namespace {

struct ProcessResult
{
    bool started = false;
    int exitCode = -1;
    QString output; // stdout and stderr merged
};

ProcessResult run(const QString& program, const QStringList& arguments, const QProcessEnvironment& env = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!env.isEmpty())
        process.setProcessEnvironment(env);
    process.start(program, arguments);
    ProcessResult result;
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    process.waitForFinished(120000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

// Key/value pairs of the [Desktop Entry] group (no locale variants).
QHash<QString, QString> desktopEntry(const QString& path)
{
    QHash<QString, QString> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return entries;
    bool inGroup = false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(u'[')) {
            inGroup = line == u"[Desktop Entry]";
            continue;
        }
        const auto eq = line.indexOf(u'=');
        if (inGroup && eq > 0 && !line.startsWith(u'#'))
            entries.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return entries;
}

struct Metainfo
{
    QString id;
    QString launchable;
    QString homepage;
    QString projectLicense;
    QStringList releaseVersions;
    QStringList binaries;
    QString error;
};

Metainfo readMetainfo(const QString& path)
{
    Metainfo info;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        info.error = file.errorString();
        return info;
    }
    QXmlStreamReader xml(&file);
    QStringList stack;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            stack.append(xml.name().toString());
            const QString where = stack.join(u'/');
            if (where == u"component/id")
                info.id = xml.readElementText();
            else if (where == u"component/launchable" && xml.attributes().value("type"_L1) == u"desktop-id")
                info.launchable = xml.readElementText();
            else if (where == u"component/url" && xml.attributes().value("type"_L1) == u"homepage")
                info.homepage = xml.readElementText();
            else if (where == u"component/project_license")
                info.projectLicense = xml.readElementText();
            else if (where == u"component/provides/binary")
                info.binaries.append(xml.readElementText());
            else if (where == u"component/releases/release")
                info.releaseVersions.append(xml.attributes().value("version"_L1).toString());
            if (xml.tokenType() == QXmlStreamReader::EndElement) // readElementText() consumed it
                stack.removeLast();
        } else if (token == QXmlStreamReader::EndElement) {
            stack.removeLast();
        }
    }
    if (xml.hasError())
        info.error = xml.errorString();
    return info;
}

QString findTool(const QString& name, const QString& package)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        qWarning("%s is not installed: install the Debian package %s (scripts/run-tests.sh does)",
                 qPrintable(name), qPrintable(package));
    return path;
}

} // namespace

class TestPackagingMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileNamesCarryTheId_data();
    void fileNamesCarryTheId();
    void desktopEntryUsesTheId();
    void metainfoUsesTheId();
    void validators_data();
    void validators();
    void installTree();
};

void TestPackagingMetadata::fileNamesCarryTheId_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("desktop entry") << Config::desktopFile << u".desktop"_s;
    QTest::newRow("metainfo") << Config::metainfoFile << u".metainfo.xml"_s;
    QTest::newRow("icon") << Config::iconFile << u".svg"_s;
}

void TestPackagingMetadata::fileNamesCarryTheId()
{
    QFETCH(QString, path);
    QFETCH(QString, suffix);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path + u" is missing"_s));
    QCOMPARE(QFileInfo(path).fileName(), Config::appId + suffix);
}

void TestPackagingMetadata::desktopEntryUsesTheId()
{
    const auto entry = desktopEntry(Config::desktopFile);
    QVERIFY2(!entry.isEmpty(), "no [Desktop Entry] group");
    QCOMPARE(entry.value(u"Type"_s), u"Application"_s);
    QCOMPARE(entry.value(u"Icon"_s), Config::appId);
    QCOMPARE(entry.value(u"Exec"_s).section(u' ', 0, 0), u"assetdesk"_s);
    QCOMPARE(entry.value(u"TryExec"_s), u"assetdesk"_s);
    // Qt sets the X11 WM_CLASS class to QCoreApplication::applicationName().
    QCOMPARE(entry.value(u"StartupWMClass"_s), u"AssetDesk"_s);
}

void TestPackagingMetadata::metainfoUsesTheId()
{
    const Metainfo info = readMetainfo(Config::metainfoFile);
    QVERIFY2(info.error.isEmpty(), qPrintable(info.error));
    QCOMPARE(info.id, Config::appId);
    QCOMPARE(info.launchable, Config::appId + u".desktop"_s);
    QCOMPARE(info.homepage, Config::homepage);
    QVERIFY2(!info.releaseVersions.isEmpty(), "no <release>");
    // Newest release first, and it is the version the build says it is.
    QCOMPARE(info.releaseVersions.constFirst(), Config::projectVersion);
    QCOMPARE(info.binaries, (QStringList{u"assetdesk"_s, u"assetdesk-cli"_s, u"assetdesk-sandbox"_s}));

    QFile license(Config::licenseFile);
    QVERIFY2(license.open(QIODevice::ReadOnly), "LICENSE is missing at the root of the tree");
    QCOMPARE(info.projectLicense, u"MIT"_s);
    QCOMPARE(QString::fromUtf8(license.readLine()).trimmed(), u"MIT License"_s);
}

void TestPackagingMetadata::validators_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("package");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("desktop-file-validate")
        << u"desktop-file-validate"_s << u"desktop-file-utils"_s << QStringList{Config::desktopFile};
    QTest::newRow("appstreamcli validate") << u"appstreamcli"_s << u"appstream"_s
                                           << QStringList{u"validate"_s, u"--no-net"_s, Config::metainfoFile};
}

void TestPackagingMetadata::validators()
{
    QFETCH(QString, tool);
    QFETCH(QString, package);
    QFETCH(QStringList, arguments);
    const QString program = findTool(tool, package);
    if (program.isEmpty())
        QFAIL(qPrintable(tool + u" is not installed (Debian package "_s + package + u")"_s));
    const ProcessResult result = run(program, arguments);
    QVERIFY2(result.started, qPrintable(tool + u" did not start"_s));
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    // A clean pass: desktop-file-validate prints nothing; appstreamcli only its summary, with at
    // most pedantic remarks (the id's capital letters), no errors, warnings or infos.
    const auto lines = result.output.split(u'\n', Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (tool == u"desktop-file-validate")
            QFAIL(qPrintable(u"desktop-file-validate reports: "_s + trimmed));
        QVERIFY2(!trimmed.startsWith(u"E:") && !trimmed.startsWith(u"W:") && !trimmed.startsWith(u"I:"),
                 qPrintable(u"appstreamcli reports: "_s + trimmed));
    }
}

// `cmake --install` puts the metadata where desktops look; appstreamcli accepts the installed tree.
void TestPackagingMetadata::installTree()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DESTDIR"_s, root.path());
    const ProcessResult install =
        run(Config::cmake, {u"--install"_s, Config::buildDir, u"--prefix"_s, u"/usr"_s}, env);
    QVERIFY2(install.started && install.exitCode == 0,
             qPrintable(u"cmake --install failed:\n"_s + install.output));

    const QDir usr(root.filePath(u"usr"_s));
    QStringList expected = {
        u"share/applications/"_s + Config::appId + u".desktop"_s,
        u"share/metainfo/"_s + Config::appId + u".metainfo.xml"_s,
        u"share/icons/hicolor/scalable/apps/"_s + Config::appId + u".svg"_s,
    };
    for (const QString& exe : Config::installedExecutables)
        expected.append(u"bin/"_s + exe);
    for (const QString& file : std::as_const(expected))
        QVERIFY2(QFileInfo::exists(usr.filePath(file)), qPrintable(file + u" was not installed"_s));
    for (const QString& exe : Config::installedExecutables)
        QVERIFY2(QFileInfo(usr.filePath(u"bin/"_s + exe)).isExecutable(),
                 qPrintable(exe + u" is not executable"_s));

    const QString appstreamcli = findTool(u"appstreamcli"_s, u"appstream"_s);
    if (appstreamcli.isEmpty())
        QFAIL("appstreamcli is not installed (Debian package appstream)");
    const ProcessResult tree = run(appstreamcli, {u"validate-tree"_s, u"--no-net"_s, root.path()});
    QVERIFY2(tree.started && tree.exitCode == 0,
             qPrintable(u"appstreamcli validate-tree:\n"_s + tree.output));
}

QTEST_GUILESS_MAIN(TestPackagingMetadata)
#include "tst_packagingmetadata.moc"
