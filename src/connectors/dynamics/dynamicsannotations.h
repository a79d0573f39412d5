#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// A note to create on a Dataverse record (dynamics.md §11, annotation): subject and text, and
// optionally one file (sent base64 in documentbody). `regardingTable` is the logical name of the
// record's table ("incident", "account", "opportunity"), `regardingId` its GUID.
struct DynamicsNoteDraft
{
    QString regardingTable;
    QString regardingId;
    QString subject;
    QString noteText;
    QString fileName;     // empty: a note without a file
    QString mimeType;
    QByteArray bytes;
};

// The note as Dataverse stored it.
struct DynamicsNote
{
    QString annotationId;
    QString subject;
    QString noteText;
    QString fileName;
    QString mimeType;
    qint64 fileSize = 0;
    bool isDocument = false;
    QDateTime createdOn;
    QByteArray rawJson;
};

// Creates notes with attachments (POST /api/data/v9.2/annotations with
// objectid_<table>@odata.bind). Lives on the connector's (network) thread; callbacks run on their
// context's thread and not at all once it is gone.
class DynamicsAnnotations : public QObject
{
    Q_OBJECT
public:
    using NoteCallback = std::function<void(Result<DynamicsNote>)>;

    DynamicsAnnotations(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // Sent once (a repeated POST would make a second note). 413 (over the organisation's
    // maxuploadfilesize) and 422 come back as errors that say the note was refused and why.
    void create(const DynamicsNoteDraft& draft, QObject* context, NoteCallback done);
    // DELETE /annotations(<id>): takes back a note of a drop that could not be completed.
    void remove(const QString& annotationId, QObject* context, std::function<void(Status)> done);
    // The note's file: GET /annotations(<id>)?$select=documentbody, decoded from base64. At most
    // kMaxDocumentBytes (the highest maxuploadfilesize an organisation can set, 128 MB).
    void document(const QString& annotationId, QObject* context,
                  std::function<void(Result<QByteArray>)> done);
    static constexpr qint64 kMaxDocumentBytes = 128LL * 1024 * 1024;
    // The file in a note read with documentbody; a note without one is an error.
    static Result<QByteArray> parseDocument(const QByteArray& body);

    // "incidents" for "incident", "opportunities" for "opportunity": the entity set of a table.
    static QString entitySet(const QString& table);
    static QByteArray requestBody(const DynamicsNoteDraft& draft);
    // A refusal in words: too large (413, or Dataverse's 0x80043e09), invalid (422); others as they are.
    static Error explain(const Error& error);
    // Reads the created note (Prefer: return=representation); `draft` fills what the answer lacks.
    static Result<DynamicsNote> parseCreated(const DynamicsNoteDraft& draft, int status, const QByteArray& entityIdHeader,
                                             const QByteArray& body);

private:
    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
