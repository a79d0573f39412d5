#include "connectors/sandboxprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcSandboxProcess, "assetdesk.sandbox.process")

namespace AssetDesk {

namespace {
constexpr qsizetype kMaxBufferedOutput = 1024 * 1024;
const QString kExecutableName = QStringLiteral("assetdesk-sandbox");
} // namespace

SandboxProcess::SandboxProcess(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<AssetDesk::SandboxManifest>();
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(Error(ErrorKind::Transport, tr("The local sandbox did not start within %1 seconds.")
                                              .arg(std::chrono::duration_cast<std::chrono::seconds>(m_options.startTimeout).count()),
                   stderrTail()));
    });
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

QString SandboxProcess::locateExecutable()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {here.filePath(kExecutableName), here.filePath(QStringLiteral("../sandboxd/") + kExecutableName)}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(kExecutableName);
}

void SandboxProcess::start()
{
    if (m_process)
        return;
    const QString executable = m_options.executable.isEmpty() ? locateExecutable() : m_options.executable;
    if (executable.isEmpty()) {
        // Reported asynchronously like every other outcome.
        QMetaObject::invokeMethod(this, [this] {
            fail(Error(ErrorKind::Io, tr("The local sandbox (assetdesk-sandbox) is not installed next to AssetDesk.")));
        }, Qt::QueuedConnection);
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(executable);
    m_process->setArguments(QStringList{QStringLiteral("--seed"), QString::number(m_options.seed),
                                        QStringLiteral("--size"), QString::number(m_options.size),
                                        QStringLiteral("--exit-on-stdin-close")}
                            + m_options.extraArguments);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxProcess::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > kMaxBufferedOutput)
            m_stderr = m_stderr.right(kMaxBufferedOutput / 2);
    });
    connect(m_process, &QProcess::finished, this, &SandboxProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(Error(ErrorKind::Io, tr("The local sandbox could not be started: %1").arg(m_process->errorString())));
    });
    qCInfo(lcSandboxProcess) << "starting" << executable << m_process->arguments();
    m_timeout.start(m_options.startTimeout);
    m_process->start(QIODevice::ReadWrite);
}

void SandboxProcess::stop()
{
    if (!m_process)
        return;
    m_stopping = true;
    m_timeout.stop();
    if (m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel(); // --exit-on-stdin-close: the polite way
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
    delete m_process;
    m_process = nullptr;
    m_ready = false;
}

void SandboxProcess::onStdout()
{
    m_stdout += m_process->readAllStandardOutput();
    if (m_ready)
        return;
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0) {
        if (m_stdout.size() > kMaxBufferedOutput)
            fail(Error(ErrorKind::Parse, tr("The local sandbox printed something unexpected instead of its services.")));
        return;
    }
    Result<SandboxManifest> manifest = SandboxManifest::parse(m_stdout.left(newline));
    m_stdout.clear();
    if (!manifest)
        return fail(manifest.error());
    m_timeout.stop();
    m_manifest = *manifest;
    m_ready = true;
    qCInfo(lcSandboxProcess) << "ready; admin at" << m_manifest.adminUrl.toString() << "with"
                             << m_manifest.accounts.size() << "demo accounts";
    emit ready(m_manifest);
}

void SandboxProcess::onFinished()
{
    if (m_stopping)
        return;
    fail(Error(ErrorKind::Transport,
               m_ready ? tr("The local sandbox stopped unexpectedly (exit code %1).").arg(m_process->exitCode())
                       : tr("The local sandbox ended before it was ready (exit code %1).").arg(m_process->exitCode()),
               stderrTail()));
}

void SandboxProcess::fail(const Error& error)
{
    m_timeout.stop();
    qCWarning(lcSandboxProcess) << error.toLogString();
    m_ready = false;
    emit failed(error);
}

QString SandboxProcess::stderrTail() const
{
    const QList<QByteArray> lines = m_stderr.trimmed().split('\n');
    QStringList tail;
    for (qsizetype i = std::max<qsizetype>(0, lines.size() - 8); i < lines.size(); ++i)
        tail << QString::fromUtf8(lines.at(i));
    return tail.join(QLatin1Char('\n'));
}

} // namespace AssetDesk
