// `cpack -G DEB` in the build tree produces the assetdesk package: the executables this build has,
// the desktop entry, metainfo and icon under /usr, and dependencies that include the Qt plugins
// (and, once there are executables, the shared libraries dpkg-shlibdeps found).

#include ASSETDESK_PACKAGING_TEST_CONFIG

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
namespace Config = PackagingTestConfig;

namespace {

QString runOrFail(const QString& program, const QStringList& arguments, int timeoutMs, bool* ok)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments);
    *ok = process.waitForStarted(10000) && process.waitForFinished(timeoutMs) &&
          process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    if (!*ok)
        qWarning("%s %s failed:\n%s\n%s", qPrintable(program), qPrintable(arguments.join(u' ')),
                 qPrintable(out), qPrintable(QString::fromUtf8(process.readAllStandardError())));
    return out;
}

} // namespace

class TestDebPackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void packageName();
    void contents_data();
    void contents();
    void dependencies();

private:
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_dpkgDeb;
    QStringList m_files;
    QHash<QString, QString> m_modes; // path -> "-rwxr-xr-x"
};

void TestDebPackage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dpkgDeb = QStandardPaths::findExecutable(u"dpkg-deb"_s);
    QVERIFY2(!m_dpkgDeb.isEmpty(), "dpkg-deb is missing (Debian package dpkg)");
    if (QStandardPaths::findExecutable(u"dpkg-shlibdeps"_s).isEmpty())
        QFAIL("dpkg-shlibdeps is missing: install dpkg-dev (scripts/run-tests.sh does)");

    bool ok = false;
    runOrFail(
        Config::cpack,
        {u"-G"_s, u"DEB"_s, u"--config"_s, Config::buildDir + u"/CPackConfig.cmake"_s, u"-B"_s, m_dir.path()},
        540000, &ok);
    QVERIFY2(ok, "cpack -G DEB failed (its output is above)");
    const auto debs = QDir(m_dir.path()).entryList({u"*.deb"_s}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = QDir(m_dir.path()).filePath(debs.constFirst());

    const QString listing = runOrFail(m_dpkgDeb, {u"--contents"_s, m_deb}, 60000, &ok);
    QVERIFY(ok);
    for (const QString& line : listing.split(u'\n', Qt::SkipEmptyParts)) {
        // "-rw-r--r-- root/root  1234 2026-11-23 10:00 ./usr/share/..."
        auto path = line.section(u' ', -1);
        if (path.startsWith(u"./"))
            path = path.mid(1);
        m_files.append(path);
        m_modes.insert(path, line.section(u' ', 0, 0));
    }
}

void TestDebPackage::packageName()
{
    bool ok = false;
    const QString fields =
        runOrFail(m_dpkgDeb, {u"--field"_s, m_deb, u"Package"_s, u"Version"_s, u"Section"_s}, 60000, &ok);
    QVERIFY(ok);
    QVERIFY2(fields.contains(u"Package: assetdesk\n"_s), qPrintable(fields));
    QVERIFY2(fields.contains(u"Version: "_s + Config::projectVersion), qPrintable(fields));
    QVERIFY2(fields.contains(u"Section: graphics"_s), qPrintable(fields));
}

void TestDebPackage::contents_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("executable");
    QTest::newRow("desktop entry") << u"/usr/share/applications/"_s + Config::appId + u".desktop"_s << false;
    QTest::newRow("metainfo") << u"/usr/share/metainfo/"_s + Config::appId + u".metainfo.xml"_s << false;
    QTest::newRow("icon") << u"/usr/share/icons/hicolor/scalable/apps/"_s + Config::appId + u".svg"_s
                          << false;
    for (const QString& exe : Config::installedExecutables)
        QTest::newRow(qPrintable(exe)) << u"/usr/bin/"_s + exe << true;
}

void TestDebPackage::contents()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);
    QVERIFY2(m_files.contains(path), qPrintable(path + u" is not in the package:\n"_s + m_files.join(u'\n')));
    QCOMPARE(m_modes.value(path), executable ? u"-rwxr-xr-x"_s : u"-rw-r--r--"_s);
}

void TestDebPackage::dependencies()
{
    bool ok = false;
    const QString depends = runOrFail(m_dpkgDeb, {u"--field"_s, m_deb, u"Depends"_s}, 60000, &ok);
    QVERIFY(ok);
    for (const auto& package : {u"qt6-qpa-plugins"_s, u"libqt6sql6-sqlite"_s})
        QVERIFY2(depends.contains(package), qPrintable(u"Depends lacks "_s + package + u": "_s + depends));
    if (!Config::installedExecutables.isEmpty()) {
        // Every executable links QtCore: dpkg-shlibdeps must have turned that into a dependency.
        QVERIFY2(depends.contains(u"libqt6core6"_s),
                 qPrintable(u"no shlibdeps result in Depends: "_s + depends));
    }
    if (Config::workbenchOnMimalloc && Config::installedExecutables.contains(u"assetdesk"_s)) {
        // The workbench's allocator (scripts/cmake/AssetDeskAllocator.cmake), found by shlibdeps.
        QVERIFY2(depends.contains(u"libmimalloc2.0"_s), qPrintable(u"Depends lacks libmimalloc2.0: "_s + depends));
    }
}

QTEST_GUILESS_MAIN(TestDebPackage)
#include "tst_debpackage.moc"
