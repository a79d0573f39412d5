#pragma once

#include <QScrollArea>

#include <functional>

class QFrame;
class QLabel;
class QVBoxLayout;

namespace AssetDesk {

// The scrolling column under a ticket's or a case's header: its entries (comments, notes) oldest
// first, each a framed block of plain-text lines - a bold heading, the text, one line per
// attachment - and loose lines such as "No comments yet.". Everything is shown as plain text:
// what a service wrote is never rendered or fetched.
class RecordEntryList : public QScrollArea
{
    Q_OBJECT
public:
    explicit RecordEntryList(QWidget* parent = nullptr);

    // A new framed entry at the end, named for tests and styles; add its lines with the helpers.
    QFrame* addEntry(const QString& objectName);
    static QLabel* addHeading(QFrame* entry, const QString& text);
    static QLabel* addLine(QFrame* entry, const QString& text, const QString& objectName);
    // "Attachment: name (type, size)"; with `open`, followed by an "Open" button (objectName
    // "openAttachment") that calls it. The name stays plain text either way.
    static QLabel* addAttachment(QFrame* entry, const QString& fileName, const QString& mimeType,
                                 qint64 bytes, const QString& objectName, std::function<void()> open = {});
    // A loose line of text at the end.
    void addText(const QString& text);
    void clear();

    // Every line as shown, in order (tests read what a user reads).
    QStringList shownTexts() const;

private:
    QWidget* m_entries;
    QVBoxLayout* m_layout;
};

} // namespace AssetDesk
